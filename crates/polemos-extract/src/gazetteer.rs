//! Gazetteer stage: one Aho-Corasick pass over the whole text finds every known name and cue in
//! linear time. Hits must sit on word boundaries; proper names must be capitalized as written
//! (acronyms exactly), cue words must be lower case except at the start of a sentence or of a
//! transcript speaker's words after a label in capitals ("SECRETARY BLINKEN: Welcome ...").

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

/// Whether token `at` opens what a speaker says after a transcript's label in capitals at the
/// start of the sentence `tokens` ("SECRETARY BLINKEN: Welcome the foreign ministers ...",
/// "QUESTION: Do you ..."): the word after the colon is capitalized as a sentence's first.
pub(crate) fn after_speaker_label(
    doc: &Doc<'_>,
    tokens: std::ops::Range<usize>,
    at: usize,
) -> bool {
    at > tokens.start + 1
        && doc.tok(at - 1) == ":"
        && crate::attribution::label_colon(doc, tokens) == Some(at - 1)
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
    // A rejected match (a longer alias whose case or boundary does not fit, "The Philippines"
    // read in "the Philippines"; "banned import" inside "banned imports") must not hide the
    // shorter names it holds: first the longest shorter pattern from the same start that fits
    // ("banned"), else the search resumes at the next word of the rejected span.
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = k
            .automaton
            .find(aho_corasick::Input::new(text).range(pos..))
        else {
            break;
        };
        let (start, mut end, mut pattern) = (m.start(), m.end(), m.pattern().as_usize());
        doc.tick(1);
        while s < doc.sentences.len() && doc.sentences[s].end <= start {
            s += 1;
        }
        let Some(sentence) = doc.sentences.get(s) else {
            break;
        };
        let first = sentence.tokens.start;
        let at = advance(&mut cursor, start, &doc.tokens);
        let sentence_start = (at <= first + 2
            && (first..at).all(|t| doc.tokens[t].kind == super::ir::TokKind::Punct))
            || after_speaker_label(doc, sentence.tokens.clone(), at);
        let before_ok = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let fits = |end: usize, pattern: usize| {
            start >= sentence.start
                && end <= sentence.end
                && text[end..].chars().next().is_none_or(|c| !is_word_char(c))
                && case_fits(k, pattern, &text[start..end], sentence_start)
        };
        // Leftmost-longest within `start..end - 1`: the longest pattern from `start` that ends
        // sooner, or one that starts later (then none shorter starts here).
        let mut found = fits(end, pattern);
        while before_ok && !found && end > start + 1 {
            let Some(shorter) = k
                .automaton
                .find(aho_corasick::Input::new(text).range(start..end - 1))
            else {
                break;
            };
            doc.tick(1);
            if shorter.start() != start {
                break;
            }
            (end, pattern) = (shorter.end(), shorter.pattern().as_usize());
            found = fits(end, pattern);
        }
        if before_ok && found {
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
            pos = end;
        } else {
            // The next word start after `start` (bounded by the match, so the work stays linear
            // in the text times the longest pattern).
            let rest = &text[start..m.end()];
            pos = rest
                .char_indices()
                .skip_while(|(_, c)| is_word_char(*c))
                .find(|(_, c)| is_word_char(*c))
                .map_or(m.end(), |(i, _)| start + i);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{ArticleMeta, Extractor};
    use polemos_core::model::PloverType;

    #[test]
    fn a_failed_longer_alias_does_not_hide_the_shorter_name() {
        // "The Philippines" is an alias with a capital article; lower-case "the" fails it.
        let x = Extractor::new()
            .expect("knowledge")
            .extract(
                "Chinese ships entered the Philippines\u{2019} exclusive economic zone.",
                &ArticleMeta::default(),
            )
            .expect("extracts");
        assert!(
            x.actors.iter().any(|a| a.name == "actors/PHL"),
            "{:?}",
            x.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_longer_phrase_cut_mid_word_leaves_the_shorter_one_from_its_start() {
        // The dictionary's "banned import" ends inside "imports": the curated "banned" (an
        // embargo through its object) still codes the sentence.
        let x = Extractor::new()
            .expect("knowledge")
            .extract(
                "Japan banned imports from Peru last week.",
                &ArticleMeta::default(),
            )
            .expect("extracts");
        assert!(
            x.events.iter().any(|e| e.event_type == PloverType::Sanction
                && e.sources == ["actors/JPN"]
                && e.targets == ["actors/PER"]),
            "{:?}",
            x.events
        );
    }
}
