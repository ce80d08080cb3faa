//! The first three stages: lines (page furniture and headline marked), tokens and sentences.
//! All spans are byte offsets into the original text; nothing is rewritten, so evidence spans
//! always point at what the user gave.

use super::ir::{Doc, Line, Sentence, TokKind, Token};
use super::knowledge::Knowledge;
use super::lang::Class;

/// Longest sentence, in tokens, before it is cut: keeps every per-sentence step bounded.
pub const MAX_SENTENCE_TOKENS: usize = 300;

/// Lines longer than this are never boilerplate (furniture is short).
const MAX_BOILERPLATE_LINE: usize = 200;

/// Splits the text into lines and marks boilerplate and the headline.
pub fn lines(k: &Knowledge, doc: &mut Doc<'_>) {
    let text = doc.text;
    let mut start = 0;
    let mut first_content = true;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let content = piece.trim();
        let boilerplate = !content.is_empty() && is_boilerplate(k, content);
        doc.lines.push(Line {
            start,
            end: start + piece.trim_end().len(),
            boilerplate,
            headline: false,
        });
        if !content.is_empty() && !boilerplate && first_content {
            first_content = false;
        }
        start = end;
    }
    // A headline: the first non-empty line, short, not ending like a sentence, followed by a blank line.
    if let Some(i) = doc.lines.iter().position(|l| l.start < l.end) {
        let line = doc.lines[i];
        let content = doc.slice(line.start, line.end).trim();
        let blank_after = doc
            .lines
            .get(i + 1)
            .is_some_and(|l| doc.slice(l.start, l.end).trim().is_empty());
        if blank_after && content.len() < 200 && !content.ends_with('.') && !line.boilerplate {
            doc.lines[i].headline = true;
        }
    }
}

fn is_boilerplate(k: &Knowledge, line: &str) -> bool {
    if line.len() > MAX_BOILERPLATE_LINE {
        return false;
    }
    if !line.chars().any(char::is_alphabetic) {
        return true;
    }
    let body = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    k.boilerplate.iter().any(|b| {
        body.get(..b.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(b))
            && !body[b.len()..].starts_with(char::is_alphanumeric)
    })
}

fn kind_of(c: char) -> Option<TokKind> {
    if c.is_alphabetic() {
        Some(TokKind::Word)
    } else if c.is_numeric() {
        Some(TokKind::Number)
    } else if c.is_whitespace() || c.is_control() {
        None
    } else {
        Some(TokKind::Punct)
    }
}

/// Tokenizes the non-boilerplate lines: runs of letters/digits, and single punctuation marks.
pub fn tokens(doc: &mut Doc<'_>) {
    let text = doc.text;
    for line in &doc.lines {
        if line.boilerplate {
            continue;
        }
        let mut current: Option<Token> = None;
        for (off, c) in text[line.start..line.end].char_indices() {
            let at = line.start + off;
            let kind = kind_of(c);
            match (kind, current.as_mut()) {
                (Some(TokKind::Word | TokKind::Number), Some(t))
                    if matches!(t.kind, TokKind::Word | TokKind::Number) =>
                {
                    if kind == Some(TokKind::Word) {
                        t.kind = TokKind::Word;
                    }
                    t.end = at + c.len_utf8();
                }
                _ => {
                    if let Some(t) = current.take() {
                        doc.tokens.push(t);
                    }
                    if let Some(kind) = kind {
                        let t = Token {
                            start: at,
                            end: at + c.len_utf8(),
                            kind,
                        };
                        if kind == TokKind::Punct {
                            doc.tokens.push(t);
                        } else {
                            current = Some(t);
                        }
                    }
                }
            }
        }
        if let Some(t) = current.take() {
            doc.tokens.push(t);
        }
    }
    doc.tick(doc.tokens.len());
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "\u{2026}")
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "\u{201d}" | "\u{2019}" | ")" | "'")
}

/// Splits tokens into sentences: at terminal punctuation before a capital, a digit or a quote, at
/// line breaks after terminal punctuation or short lines, at blank lines, and at the length cap.
/// Where a wire dateline that opens a sentence ends ("LIMA -", "BLANTYRE, Malawi —", "NEW
/// DELHI:", "MOSCOW (AP) —"): the index, among `words` (the sentence's words in order, each with
/// whether a space comes before it), of the dash or colon that closes it. The first word is in
/// capitals (two letters or more); every word before the mark, among the first eight, is
/// capitalized, a comma or a bracket of a credit. An ASCII dash counts only with a space before
/// it: a hyphen inside a word ("UN Secretary-General Guterres") closes no dateline. A dateline
/// places the story; nothing named in it acts (`mentions.rs` makes its places locations, and
/// `event_args.rs` keeps them from being a verb's subject).
pub fn dateline_mark<'w>(words: impl IntoIterator<Item = (&'w str, bool)>) -> Option<usize> {
    let mut words = words.into_iter().take(8).enumerate();
    let (_, (first, _)) = words.next()?;
    if first.chars().filter(|c| c.is_alphabetic()).count() < 2
        || first.chars().any(char::is_lowercase)
    {
        return None;
    }
    for (i, (w, spaced)) in words {
        match w {
            "-" | "--" if spaced => return Some(i),
            "\u{2013}" | "\u{2014}" | ":" => return Some(i),
            "," | "(" | ")" => {}
            _ if w.starts_with(char::is_uppercase) => {}
            _ => return None,
        }
    }
    None
}

pub fn sentences(doc: &mut Doc<'_>) {
    let n = doc.tokens.len();
    let mut start_tok = 0;
    let mut line_idx = 0;
    let mut i = 0;
    while i < n {
        let tok = doc.tokens[i];
        let mut end_here = false;
        let mut last = i;
        let s = doc.tok(i);
        if is_terminal(s) {
            // Take closing quotes and brackets with the sentence.
            while last + 1 < n
                && is_closing(doc.tok(last + 1))
                && doc.tokens[last + 1].start == doc.tokens[last].end
            {
                last += 1;
            }
            let prev = if i > start_tok { doc.tok(i - 1) } else { "" };
            // "Mr. Abe", "U.S. envoy": the profile's abbreviations and single capitals.
            let abbreviation = s == "."
                && ((i > start_tok && doc.tok_is_a(i - 1, Class::Abbreviation))
                    || (prev.chars().count() == 1 && prev.chars().all(char::is_uppercase)));
            match doc.tokens.get(last + 1) {
                None => end_here = true,
                Some(next) => {
                    let c = doc.text[next.start..].chars().next().unwrap_or(' ');
                    let starts = c.is_uppercase()
                        || c.is_numeric()
                        || matches!(
                            c,
                            '"' | '\u{201c}' | '\'' | '\u{2018}' | '(' | '-' | '\u{2013}'
                        );
                    if starts && !abbreviation {
                        end_here = true;
                    }
                }
            }
        }
        if !end_here && let Some(next) = doc.tokens.get(last + 1) {
            let gap = &doc.text[doc.tokens[last].end..next.start];
            if gap.contains('\n') {
                let blank = gap.matches('\n').count() > 1;
                while line_idx < doc.lines.len() && doc.lines[line_idx].end < tok.start {
                    line_idx += 1;
                }
                let short_line = doc
                    .lines
                    .get(line_idx)
                    .is_some_and(|l| l.end - l.start < 80);
                if blank
                    || short_line
                    || is_terminal(doc.tok(last))
                    || doc.lines.get(line_idx).is_some_and(|l| l.headline)
                {
                    end_here = true;
                }
            }
        }
        if last + 1 - start_tok >= MAX_SENTENCE_TOKENS {
            end_here = true;
        }
        if end_here || last + 1 == n {
            push_sentence(doc, start_tok, last + 1);
            start_tok = last + 1;
        }
        i = last + 1;
    }
}

fn push_sentence(doc: &mut Doc<'_>, from: usize, to: usize) {
    if from >= to {
        return;
    }
    let start = doc.tokens[from].start;
    let end = doc.tokens[to - 1].end;
    // Lines are sorted: the line holding `start` is the last one starting at or before it.
    let line = doc.lines.partition_point(|l| l.start <= start);
    let headline = line
        .checked_sub(1)
        .and_then(|i| doc.lines.get(i))
        .is_some_and(|l| l.headline && start <= l.end);
    doc.sentences.push(Sentence {
        start,
        end,
        tokens: from..to,
        headline,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_ends_at_its_dash_or_colon() {
        let mark =
            |words: &[&str]| dateline_mark(words.iter().enumerate().map(|(i, w)| (*w, i > 0)));
        assert_eq!(
            mark(&["LIMA", ",", "Peru", "\u{2014}", "Chile", "said"]),
            Some(3)
        );
        assert_eq!(mark(&["NEW", "DELHI", ":", "India", "said"]), Some(2));
        assert_eq!(mark(&["MOSCOW", "(", "AP", ")", "-", "Russia"]), Some(4));
        // Running text, a headline word in lower case, or no mark: no dateline.
        assert_eq!(mark(&["Chile", ",", "Peru", "\u{2014}", "and"]), None);
        assert_eq!(mark(&["LIMA", "said", "\u{2014}", "the"]), None);
        assert_eq!(
            mark(&["UN", "Secretary", "General", "Guterres", "said"]),
            None
        );
        // A hyphen inside a word is no dash.
        let words = [
            ("UN", false),
            ("Secretary", true),
            ("-", false),
            ("General", false),
        ];
        assert_eq!(dateline_mark(words), None);
    }

    fn run(text: &str) -> Vec<String> {
        run_with(crate::lang::english(), text)
    }

    fn run_with(lang: std::sync::Arc<crate::lang::Profile>, text: &str) -> Vec<String> {
        let k = Knowledge::builtin().expect("knowledge");
        let mut doc = Doc::new(text, None);
        doc.lang = lang;
        lines(&k, &mut doc);
        tokens(&mut doc);
        sentences(&mut doc);
        doc.sentences
            .iter()
            .map(|s| doc.slice(s.start, s.end).to_owned())
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let s = run("Mr. Abe met the U.S. envoy. He said \"no.\" Then he left.");
        assert_eq!(
            s,
            vec![
                "Mr. Abe met the U.S. envoy.",
                "He said \"no.\"",
                "Then he left."
            ]
        );
    }

    #[test]
    fn a_profile_adding_an_abbreviation_changes_the_sentences() {
        let text = "Ald. Smith met the envoy. He left.";
        assert_eq!(
            run(text),
            vec!["Ald.", "Smith met the envoy.", "He left."],
            "English knows no \"Ald.\""
        );
        let mine = crate::lang::Profile::parse("mine.tsv", "extends|en\nword|abbreviation|ald\n")
            .expect("parses");
        assert_eq!(
            run_with(std::sync::Arc::new(mine), text),
            vec!["Ald. Smith met the envoy.", "He left."]
        );
    }

    #[test]
    fn boilerplate_lines_yield_no_tokens() {
        let s = run(
            "Japan spoke.\n\n- Advertisement -\n\nSubscribe to our newsletter\nRussia replied.",
        );
        assert_eq!(s, vec!["Japan spoke.", "Russia replied."]);
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "word ".repeat(1000);
        let s = run(&text);
        assert!(s.len() >= 1000 / MAX_SENTENCE_TOKENS);
    }
}
