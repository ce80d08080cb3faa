use super::*;

fn message(e: ExtractError) -> (String, usize, String) {
    match e {
        ExtractError::Data {
            file,
            line,
            message,
        } => (file, line, message),
        other => panic!("not a data error: {other}"),
    }
}

#[test]
fn builtin_english_parses_with_every_class() {
    let p = Profile::builtin("en").expect("built-in profile parses");
    assert_eq!(p.code, "en");
    assert_eq!(p.month("September"), Some(9));
    assert_eq!(p.month("SEPT"), Some(9));
    assert_eq!(p.weekday("tuesday"), Some(Weekday::Tue));
    assert!(p.is(Class::Negation, "Won't"));
    assert!(!p.is(Class::Negation, "will"));
    assert!(p.starts_with(Class::NegatingPrefix, "refused"));
    assert!(!p.starts_with(Class::NegatingPrefix, "ref"));
    assert!(p.ends_with(Class::AdjectiveSuffix, "Regional"));
    assert!(!p.ends_with(Class::AdjectiveSuffix, "talks"));
    // Endings compared as written: "-ly" ends "only", not "ONLY" (a headline's capitals).
    assert!(p.ends_with_lower(Class::AdverbSuffix, "only"));
    assert!(!p.ends_with_lower(Class::AdverbSuffix, "ONLY"));
    assert!(p.ends_with(Class::AdverbSuffix, "ONLY"));
    assert!(p.ends_with(Class::NegationSuffix, "won't"));
    assert!(checked_english().is_ok());
}

#[test]
fn a_missing_class_is_refused_naming_file_line_and_class() {
    let (_, text) = BUILTIN[0];
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("word|negation|"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (file, line, msg) = message(Profile::parse("my-lang.tsv", &without).expect_err("refused"));
    assert_eq!(file, "my-lang.tsv");
    assert_eq!(line, without.lines().count());
    assert!(msg.contains("missing class `negation`"), "{msg}");
    let without_may: String = text.replace("month|5|may\n", "");
    let (_, _, msg) = message(Profile::parse("x.tsv", &without_may).expect_err("refused"));
    assert!(msg.contains("month 5"), "{msg}");
}

#[test]
fn an_unknown_class_or_kind_is_refused_at_its_line() {
    let text = "language|xx|Test\nword|pronouns|he\n";
    let (file, line, msg) = message(Profile::parse("bad.tsv", text).expect_err("refused"));
    assert_eq!((file.as_str(), line), ("bad.tsv", 2));
    assert!(msg.contains("unknown class `pronouns`"), "{msg}");
    let (_, line, msg) =
        message(Profile::parse("bad.tsv", "extends|en\n\nmonth|13|smarch\n").expect_err("bad"));
    assert_eq!(line, 3);
    assert!(msg.contains("`13`"), "{msg}");
    let (_, line, msg) =
        message(Profile::parse("bad.tsv", "extends|en\nverb|x|y\n").expect_err("bad"));
    assert_eq!(line, 2);
    assert!(msg.contains("unknown kind `verb`"), "{msg}");
    let (_, _, msg) = message(Profile::parse("bad.tsv", "extends|fr\n").expect_err("bad"));
    assert!(msg.contains("no built-in language profile `fr`"), "{msg}");
}

#[test]
fn an_extending_profile_keeps_the_builtin_words_and_adds_its_own() {
    let p = Profile::parse(
        "mine.tsv",
        "extends|en\nweekday|3|midweek\nword|negation|nae\n",
    )
    .expect("parses");
    assert_eq!(p.weekday("Midweek"), Some(Weekday::Wed));
    assert_eq!(p.weekday("Wednesday"), Some(Weekday::Wed));
    assert!(p.is(Class::Negation, "nae") && p.is(Class::Negation, "not"));
}

#[test]
fn a_user_profile_changes_what_the_stages_read() {
    use crate::{ArticleMeta, Extractor, KnowledgeBuilder};
    let text = "Japan protested to Russia on Caturday. The talks end in Smarch.";
    let meta = ArticleMeta {
        published: chrono::NaiveDate::from_ymd_opt(2018, 9, 19),
        ..ArticleMeta::default()
    };
    let dates = |ex: &Extractor| -> Vec<String> {
        let x = ex.extract(text, &meta).expect("extracts");
        x.dates
            .iter()
            .map(|d| format!("{} {:?}", d.text, d.date))
            .collect()
    };
    let english = Extractor::new().expect("built-in");
    assert!(dates(&english).is_empty(), "{:?}", dates(&english));
    let mine = Profile::parse(
        "mine.tsv",
        "extends|en\nweekday|6|caturday\nmonth|13|smarch\n",
    );
    assert!(mine.is_err(), "month 13 is refused");
    let mine = Profile::parse(
        "mine.tsv",
        "extends|en\nweekday|6|caturday\nmonth|3|smarch\n",
    )
    .expect("parses");
    let k = KnowledgeBuilder::builtin()
        .expect("built-in")
        .language(Arc::new(mine))
        .build()
        .expect("builds");
    let ex = Extractor::with_knowledge(k);
    assert_eq!(ex.language().code, "en");
    assert_eq!(
        dates(&ex),
        vec![
            "Caturday Some(2018-09-15)".to_owned(),
            "Smarch Some(2018-03-01)".to_owned()
        ]
    );
}

/// docs/extraction.md's table of classes is what a translator works from: it must name every
/// class the code reads, and no class the code does not know.
#[test]
fn the_docs_table_lists_every_class() {
    let docs = include_str!("../../../../docs/extraction.md");
    let table = docs
        .split("| class | words of |")
        .nth(1)
        .expect("docs/extraction.md has the table of classes");
    let documented: Vec<&str> = table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with("| `"))
        .filter_map(|l| l.split('`').nth(1))
        .collect();
    let known: Vec<&str> = CLASSES.iter().map(|(_, name)| *name).collect();
    assert_eq!(documented, known, "docs/extraction.md, table of classes");
}
