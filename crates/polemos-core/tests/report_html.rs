//! The HTML dispute report, checked the way a browser and a person would see it: parsed with a
//! real HTML5 parser (html5ever, through `scraper`), and rendered by headless Chromium when
//! `/usr/bin/chromium` is installed (the test says clearly when it skipped).

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use polemos_core::analysis::report::{ReportOptions, build_report, html};
use polemos_core::{DisputeName, Dossier};
use scraper::{Html, Selector};

const KURIL: &str = include_str!("../../../examples/dossiers/kuril-islands.json");
const CHROMIUM: &str = "/usr/bin/chromium";

fn page() -> String {
    let dossier = Dossier::from_json(KURIL).expect("reference dossier");
    let name = DisputeName::from_id("kuril-islands").expect("name");
    let as_of = NaiveDate::from_ymd_opt(2018, 9, 30).expect("date");
    let report = build_report(&dossier, &name, as_of, &ReportOptions::default()).expect("report");
    html::render(&report)
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("selector");
    doc.select(&selector).collect()
}

#[test]
fn page_parses_with_the_expected_structure() {
    let doc = Html::parse_document(&page());
    assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);
    let title: String = select(&doc, "title")[0].text().collect();
    assert!(title.contains("Kuril Islands"), "{title}");
    // Sections a reader looks for.
    for id in [
        "summary",
        "deadlocks",
        "stances",
        "agreement",
        "timeline",
        "events",
        "framing",
    ] {
        assert_eq!(
            select(&doc, &format!("section#{id}")).len(),
            1,
            "section {id}"
        );
    }
    // Heatmap: one cell per current stance (2 actors × 3 issues).
    assert_eq!(select(&doc, "svg.heatmap g.cell").len(), 6);
    // Timeline: three known events.
    assert_eq!(select(&doc, "svg.timeline g.event").len(), 3);
    assert_eq!(select(&doc, "div.deadlock").len(), 1);
    let deadlock: String = select(&doc, "div.deadlock")[0].text().collect();
    assert!(
        deadlock.contains("Russia") && deadlock.contains("Japan"),
        "{deadlock}"
    );
    assert!(deadlock.contains("not fundamental"), "{deadlock}");
    // Self-contained: no script, nothing loaded from anywhere.
    assert!(select(&doc, "script").is_empty());
    for el in select(&doc, "*") {
        for attr in ["src", "href"] {
            assert!(
                el.value().attr(attr).is_none(),
                "<{}> has {attr}",
                el.value().name()
            );
        }
    }
    let csp = select(&doc, "meta[http-equiv=Content-Security-Policy]");
    assert_eq!(csp.len(), 1);
    assert!(
        csp[0]
            .value()
            .attr("content")
            .is_some_and(|c| c.contains("default-src 'none'"))
    );
    // Every colour drawn is a real colour (a malformed one renders black).
    for el in select(&doc, "[fill], [stroke]") {
        for attr in ["fill", "stroke"] {
            if let Some(v) = el.value().attr(attr) {
                let hex = v.strip_prefix('#').unwrap_or("");
                assert!(
                    (hex.len() == 6 || hex.len() == 3)
                        && hex.chars().all(|c| c.is_ascii_hexdigit()),
                    "bad {attr}=\"{v}\""
                );
            }
        }
    }
}

/// Distinct colours in a PNG, to tell a drawn page from a blank one.
fn distinct_colours(path: &Path) -> (u32, u32, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("screenshot exists"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let bytes = &buf[..info.buffer_size()];
    let step = info.color_type.samples();
    let mut colours: std::collections::HashSet<&[u8]> = std::collections::HashSet::new();
    for px in bytes.chunks(step) {
        colours.insert(px);
    }
    (info.width, info.height, colours.len())
}

fn chromium(dir: &Path, extra: &[&str], url: &str) -> std::process::Output {
    let profile = dir.join("profile");
    Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs")
}

#[test]
fn page_renders_in_headless_chromium() {
    if !Path::new(CHROMIUM).exists() {
        println!(
            "SKIPPED: {CHROMIUM} is not installed; the HTML report was not rendered in a browser"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("kuril.html");
    std::fs::write(&file, page()).expect("write page");
    let url = format!("file://{}", file.display());
    let shot = dir.path().join("kuril.png");

    let out = chromium(
        dir.path(),
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1200,3000",
        ],
        &url,
    );
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(shot.exists(), "no screenshot; chromium said:\n{log}");
    let (w, h, colours) = distinct_colours(&shot);
    assert_eq!((w, h), (1200, 3000));
    // A blank or failed page has a handful of colours; the report has text, a heatmap and
    // anti-aliased SVG.
    assert!(
        colours > 200,
        "only {colours} colours: the page looks empty"
    );
    if let Ok(keep) = std::env::var("POLEMOS_SCREENSHOT_OUT") {
        std::fs::copy(&shot, keep).expect("copy screenshot");
    }

    let dom = chromium(dir.path(), &["--dump-dom"], &url);
    let text = String::from_utf8_lossy(&dom.stdout);
    assert!(
        text.contains("Kuril Islands / Northern Territories dispute"),
        "DOM: {text:.400}"
    );
    let log = String::from_utf8_lossy(&dom.stderr);
    let console_errors: Vec<&str> = log
        .lines()
        .filter(|l| {
            l.contains("Uncaught")
                || (l.contains("CONSOLE") && l.contains("ERROR"))
                || l.contains("Refused to")
                || l.contains("net::ERR_")
        })
        .collect();
    assert!(
        console_errors.is_empty(),
        "console errors:\n{}",
        console_errors.join("\n")
    );
}
