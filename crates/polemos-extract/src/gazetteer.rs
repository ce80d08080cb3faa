//! Gazetteer stage: one Aho-Corasick pass over the whole text finds every known name and cue in
//! linear time. Hits must sit on word boundaries; proper names must be capitalized as written
//! (acronyms exactly), cue words must be lower case except at the start of a sentence.

use super::ir::{Doc, RawMatch};
use super::knowledge::Knowledge;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_acronym(p: &str) -> bool {
    p.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !p.chars().any(char::is_lowercase)
}

/// Whether the matched text's case fits what the pattern requires of at least one entry.
fn case_fits(k: &Knowledge, pattern: usize, found: &str, sentence_start: bool) -> bool {
    k.entries(pattern)
        .iter()
        .any(|e| entry_fits(k, pattern, *e, found, sentence_start))
}

/// Whether the matched text's case fits what one entry of the pattern requires.
pub fn entry_fits(
    k: &Knowledge,
    pattern: usize,
    e: super::knowledge::Entry,
    found: &str,
    sentence_start: bool,
) -> bool {
    let written = k.patterns.get(pattern).map_or("", String::as_str);
    let first_upper = found.chars().next().is_some_and(char::is_uppercase);
    {
        if e.is_proper() {
            if is_acronym(written) {
                found == written
            } else if written.chars().next().is_some_and(char::is_uppercase) {
                first_upper
            } else {
                true
            }
        } else if matches!(e, super::knowledge::Entry::Title(_)) {
            true
        } else {
            !first_upper || sentence_start || written.chars().next().is_some_and(char::is_uppercase)
        }
    }
}

/// Finds every gazetteer hit inside a sentence.
pub fn run(k: &Knowledge, doc: &mut Doc<'_>) {
    let text = doc.text;
    let mut s = 0;
    // Matches come in text order, so token positions follow with a cursor, not a search.
    let mut cursor = 0;
    let advance = |cursor: &mut usize, byte: usize, tokens: &[super::ir::Token]| {
        while *cursor < tokens.len() && tokens[*cursor].start < byte {
            *cursor += 1;
        }
        *cursor
    };
    for m in k.automaton.find_iter(text) {
        let (start, end) = (m.start(), m.end());
        doc.tick(1);
        while s < doc.sentences.len() && doc.sentences[s].end <= start {
            s += 1;
        }
        let Some(sentence) = doc.sentences.get(s) else {
            break;
        };
        if start < sentence.start || end > sentence.end {
            continue;
        }
        let before_ok = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let after_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if !before_ok || !after_ok {
            continue;
        }
        let first = sentence.tokens.start;
        let at = advance(&mut cursor, start, &doc.tokens);
        let sentence_start =
            at <= first + 2 && (first..at).all(|t| doc.tokens[t].kind == super::ir::TokKind::Punct);
        let pattern = m.pattern().as_usize();
        if case_fits(k, pattern, &text[start..end], sentence_start) {
            let mut end_cursor = at;
            let tok_end = advance(&mut end_cursor, end, &doc.tokens);
            doc.raw.push(RawMatch {
                tok: at,
                tok_end,
                start,
                end,
                pattern,
                sentence: s,
                sentence_start,
            });
        }
    }
}
