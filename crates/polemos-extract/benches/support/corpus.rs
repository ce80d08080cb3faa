//! A generated corpus of news-like articles for benchmarks and profiling: officials with titles,
//! reporting verbs, quotes, disputes by their various names, dates, conditions and boilerplate.
//! Deterministic, so every run measures the same text.

#![allow(dead_code)]

/// A small deterministic generator, so every run benchmarks the same corpus.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() % xs.len()]
    }
}

const PEOPLE: &[(&str, &str)] = &[
    ("Japanese Foreign Minister", "Taro Kono"),
    ("Russian Foreign Minister", "Sergei Lavrov"),
    ("Chinese Foreign Minister", "Wang Yi"),
    ("Indian Prime Minister", "Narendra Modi"),
    ("Argentine President", "Alberto Fernandez"),
    ("British Foreign Secretary", "James Cleverly"),
    ("South Korean President", "Moon Jae-in"),
    ("Venezuelan President", "Nicolas Maduro"),
    ("Moroccan Foreign Minister", "Nasser Bourita"),
    ("Spanish Foreign Minister", "Jose Manuel Albares"),
];
const STATES: &[&str] = &[
    "Japan",
    "Russia",
    "China",
    "India",
    "Pakistan",
    "Argentina",
    "Britain",
    "Spain",
    "Morocco",
    "Venezuela",
    "Guyana",
    "South Korea",
    "the Philippines",
    "Vietnam",
    "Ukraine",
    "Serbia",
];
const CAPITALS: &[&str] = &[
    "Tokyo",
    "Moscow",
    "Beijing",
    "New Delhi",
    "London",
    "Madrid",
    "Seoul",
    "Caracas",
];
const PLACES: &[&str] = &[
    "Vladivostok",
    "New York",
    "Geneva",
    "Brussels",
    "Vienna",
    "Singapore",
];
const DISPUTES: &[&str] = &[
    "the Kuril Islands",
    "the Northern Territories",
    "the Southern Kurils",
    "the Falkland Islands",
    "the Malvinas",
    "the Senkaku Islands",
    "the Diaoyu Islands",
    "Dokdo",
    "Takeshima",
    "the Spratly Islands",
    "Kashmir",
    "Western Sahara",
    "the Essequibo",
    "Gibraltar",
    "Crimea",
];
const TOPICS: &[&str] = &[
    "a peace treaty",
    "the peace agreement",
    "joint economic activities",
    "direct talks",
    "a referendum",
    "the court ruling",
    "new sanctions",
    "fishing rights",
    "the autonomy plan",
];
const REPORT: &[&str] = &[
    "said",
    "noted",
    "stressed",
    "told reporters",
    "added",
    "insisted",
];
const SUPPORT: &[&str] = &[
    "supports",
    "backs",
    "welcomed",
    "would sign",
    "opposes",
    "rejected",
    "is ready to discuss",
];
const EVENTS: &[&str] = &[
    "met",
    "will meet",
    "plans to negotiate with",
    "accused",
    "protested to",
    "threatened",
    "visited",
];
const DATES: &[&str] = &[
    "on Tuesday",
    "next week",
    "last month",
    "in early September",
    "by the end of the year",
    "on 12 March 2019",
    "",
];
const FILLER: &[&str] = &[
    "The talks come amid rising tensions in the region.",
    "Analysts said the economic stakes were high for both sides.",
    "Trade between the two countries has grown in recent years.",
    "The ministry did not immediately respond to a request for comment.",
];
const BOILERPLATE: &[&str] = &[
    "- Advertisement -",
    "Subscribe to our newsletter",
    "Share this article",
    "Read more",
];

fn article(r: &mut Lcg) -> String {
    let mut s = String::new();
    let (title, name) = PEOPLE[r.next() % PEOPLE.len()];
    let surname = name.rsplit(' ').next().unwrap_or(name);
    s.push_str(&format!(
        "{} and {} at odds over {}\n\n",
        r.pick(STATES),
        r.pick(STATES),
        r.pick(DISPUTES)
    ));
    s.push_str(&format!(
        "{title} {name} {} {} {} in {} {}, the {} broadcaster said.\n\n",
        r.pick(EVENTS),
        r.pick(STATES),
        r.pick(DATES),
        r.pick(PLACES),
        "",
        "NHK"
    ));
    for _ in 0..(6 + r.next() % 6) {
        match r.next() % 6 {
            0 => s.push_str(&format!(
                "{} {} that {} {} {} only after the dispute over {} was resolved. ",
                r.pick(CAPITALS),
                r.pick(REPORT),
                r.pick(STATES),
                r.pick(SUPPORT),
                r.pick(TOPICS),
                r.pick(DISPUTES)
            )),
            1 => s.push_str(&format!(
                "\u{201c}We {} {},\u{201d} {surname} {} {}. ",
                r.pick(&["support", "oppose", "will never accept", "may consider"]),
                r.pick(TOPICS),
                r.pick(REPORT),
                r.pick(DATES)
            )),
            2 => s.push_str(&format!(
                "{} and {} {} {} {}, according to Reuters. ",
                r.pick(STATES),
                r.pick(STATES),
                r.pick(EVENTS),
                r.pick(STATES),
                r.pick(DATES)
            )),
            3 => s.push_str(&format!(
                "The minister said the territorial dispute over {} was not fundamental. ",
                r.pick(DISPUTES)
            )),
            4 => s.push_str(r.pick(FILLER)),
            _ => s.push_str(&format!(
                "{} did not {} {} {}. ",
                r.pick(STATES),
                r.pick(&["reject", "support", "sign"]),
                r.pick(TOPICS),
                r.pick(DATES)
            )),
        }
        if r.next().is_multiple_of(3) {
            s.push_str("\n\n");
        }
        if r.next().is_multiple_of(9) {
            s.push_str(&format!("\n\n{}\n\n", r.pick(BOILERPLATE)));
        }
    }
    s.push('\n');
    s
}

/// About `bytes` of articles.
pub fn corpus(bytes: usize) -> Vec<String> {
    let mut r = Lcg(2018);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = article(&mut r);
        total += a.len();
        out.push(a);
    }
    out
}
