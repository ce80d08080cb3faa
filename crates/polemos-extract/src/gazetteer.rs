//! Gazetteer stage: one Aho-Corasick pass over the whole text finds every known name and cue in
//! linear time. Hits must sit on word boundaries; proper names must be capitalized as written
//! (acronyms exactly), cue words must be lower case except at the start of a sentence or of a
//! transcript speaker's words after a label in capitals ("SECRETARY BLINKEN: Welcome ...").

use super::ir::{Doc, RawMatch};
use super::knowledge::Knowledge;
use polemos_core::names::fold_diacritics;

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

/// Whether the match reached pattern `pattern` only by folding away the diacritic of a
/// one-letter word ("Hans Ø" of the data found as "Hans O" in "Hans O'Brien" or "Hans O.
/// Larsen"): a lone plain letter is an initial, not the data's name.
fn lone_letter_folded(k: &Knowledge, pattern: usize, found: &str) -> bool {
    k.has_lone_accented_letter(pattern)
        && found.to_lowercase()
            != k.patterns
                .get(pattern)
                .map_or("", String::as_str)
                .to_lowercase()
}

/// The text with its letters' diacritics dropped (`fold_diacritics`), which the automaton of
/// folded patterns reads ("Francois Hollande" of the data matches "François Hollande"), and
/// where in the raw text each of its positions lies: folding changes byte lengths ("ç" is two
/// bytes, "c" one).
struct Folded<'t> {
    text: std::borrow::Cow<'t, str>,
    /// Per byte of the folded text (and one past its end), the raw byte where the character
    /// whose folding starts there begins; `None` inside a character's folding or inside a
    /// folded character. `None` as a whole when folding changed nothing.
    raw: Option<Vec<Option<usize>>>,
}

impl<'t> Folded<'t> {
    fn new(raw: &'t str) -> Self {
        if raw.is_ascii() {
            return Self {
                text: std::borrow::Cow::Borrowed(raw),
                raw: None,
            };
        }
        let mut text = String::with_capacity(raw.len());
        let mut map: Vec<Option<usize>> = Vec::with_capacity(raw.len() + 1);
        let mut buf = [0u8; 4];
        for (i, c) in raw.char_indices() {
            let folded = if c.is_ascii() {
                std::borrow::Cow::Borrowed(&*c.encode_utf8(&mut buf))
            } else {
                std::borrow::Cow::Owned(fold_diacritics(c.encode_utf8(&mut buf)))
            };
            // A character folded to nothing (a combining mark) belongs to the one before it:
            // a name ending before it ends after it.
            if folded.is_empty() {
                continue;
            }
            map.push(Some(i));
            map.extend(std::iter::repeat_n(None, folded.len() - 1));
            text.push_str(&folded);
        }
        map.push(Some(raw.len()));
        // A folding that left every character as it was changes no position.
        if text == raw {
            return Self {
                text: std::borrow::Cow::Borrowed(raw),
                raw: None,
            };
        }
        Self {
            text: std::borrow::Cow::Owned(text),
            raw: Some(map),
        }
    }

    /// The raw byte of folded byte `at`, if a character starts there (or the text ends).
    fn raw(&self, at: usize) -> Option<usize> {
        match &self.raw {
            None => Some(at),
            Some(map) => map.get(at).copied().flatten(),
        }
    }
}

/// Finds every gazetteer hit inside a sentence. The automaton reads the text with its
/// diacritics folded, as its patterns are (`Folded`); every position kept is the raw text's.
pub fn run(k: &Knowledge, doc: &mut Doc<'_>) {
    let text = doc.text;
    let folded = Folded::new(text);
    let search = folded.text.as_ref();
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
    while pos < search.len() {
        let Some(m) = k
            .automaton
            .find(aho_corasick::Input::new(search).range(pos..))
        else {
            break;
        };
        // `start`, `end` and `pos` are positions in the folded text; `raw_start` and the
        // ends `fits` takes back are the raw text's.
        let (start, mut end, mut pattern) = (m.start(), m.end(), m.pattern().as_usize());
        doc.tick(1);
        // The next word start after `start` (bounded by the match, so the work stays linear
        // in the text times the longest pattern).
        let next_word = || {
            search[start..m.end()]
                .char_indices()
                .skip_while(|(_, c)| is_word_char(*c))
                .find(|(_, c)| is_word_char(*c))
                .map_or(m.end(), |(i, _)| start + i)
        };
        let Some(raw_start) = folded.raw(start) else {
            pos = next_word();
            continue;
        };
        while s < doc.sentences.len() && doc.sentences[s].end <= raw_start {
            s += 1;
        }
        let Some(sentence) = doc.sentences.get(s) else {
            break;
        };
        let first = sentence.tokens.start;
        let at = advance(&mut cursor, raw_start, &doc.tokens);
        let sentence_start = (at <= first + 2
            && (first..at).all(|t| doc.tokens[t].kind == super::ir::TokKind::Punct))
            || after_speaker_label(doc, sentence.tokens.clone(), at);
        let before_ok = text[..raw_start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        // The raw end of a match ending at folded `end`, if its case and boundary fit.
        let fits = |end: usize, pattern: usize| {
            folded.raw(end).filter(|&raw_end| {
                raw_start >= sentence.start
                    && raw_end <= sentence.end
                    && text[raw_end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !is_word_char(c))
                    && case_fits(k, pattern, &text[raw_start..raw_end], sentence_start)
                    && !lone_letter_folded(k, pattern, &text[raw_start..raw_end])
            })
        };
        // Leftmost-longest within `start..end - 1`: the longest pattern from `start` that ends
        // sooner, or one that starts later (then none shorter starts here).
        let mut found = fits(end, pattern);
        while before_ok && found.is_none() && end > start + 1 {
            let Some(shorter) = k
                .automaton
                .find(aho_corasick::Input::new(search).range(start..end - 1))
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
        if before_ok && let Some(raw_end) = found {
            let mut end_cursor = at;
            let tok_end = advance(&mut end_cursor, raw_end, &doc.tokens);
            doc.raw.push(RawMatch {
                tok: at,
                tok_end,
                start: raw_start,
                end: raw_end,
                pattern,
                sentence: s,
                sentence_start,
            });
            pos = end;
        } else {
            pos = next_word();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{ArticleMeta, Extractor};
    use polemos_core::model::PloverType;

    /// The texts of the gazetteer's matches in `text`.
    fn matched<'t>(x: &Extractor, text: &'t str) -> Vec<&'t str> {
        let doc = x.analyze(text, None);
        doc.raw.iter().map(|m| &text[m.start..m.end]).collect()
    }

    #[test]
    fn folded_positions_map_back_across_multibyte_letters() {
        // "Ç" (2 bytes), "ë" (2), "ø" (2) fold to one byte each; a combining accent (2 bytes)
        // folds to nothing and belongs to the letter before it.
        let raw = "\u{c7}a, Zo\u{eb} e\u{301}t \u{f8}l";
        let f = super::Folded::new(raw);
        assert_eq!(f.text, "Ca, Zoe et ol");
        for (folded, raw_at) in [
            (0, 0),
            (1, 2),
            (4, 5),
            (6, 7),
            (7, 9),
            (8, 10),
            (9, 13),
            (11, 15),
        ] {
            assert_eq!(f.raw(folded), Some(raw_at), "folded byte {folded}");
        }
        assert_eq!(f.raw(f.text.len()), Some(raw.len()));
        // Plain ASCII keeps every position.
        let plain = super::Folded::new("Zoe et ol");
        assert_eq!((plain.text.as_ref(), plain.raw(4)), ("Zoe et ol", Some(4)));
    }

    #[test]
    fn an_accented_name_the_data_writes_plain_is_found_without_a_title() {
        // The data spells the name "Francois Hollande"; the text writes "ç", with multi-byte
        // letters before and after it, and no title to find him by.
        let text =
            "Apr\u{e8}s la r\u{e9}union, Fran\u{e7}ois Hollande condemned the raid on Lom\u{e9}.";
        let x = Extractor::new().expect("knowledge");
        let spans = matched(&x, text);
        assert!(spans.contains(&"Fran\u{e7}ois Hollande"), "{spans:?}");
        assert!(spans.contains(&"Lom\u{e9}"), "{spans:?}");
        let out = x.extract(text, &ArticleMeta::default()).expect("extracts");
        assert!(
            out.actors
                .iter()
                .any(|a| a.name == "actors/francois-hollande"),
            "{:?}",
            out.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_one_letter_word_the_data_accents_is_no_plain_initial() {
        // The data's "Hans Ø" (Hans Island) folds to "Hans O": a plain "O" is an initial or a
        // name's start, not the island; the island's own spelling still matches.
        let x = Extractor::new().expect("knowledge");
        for text in [
            "Danish official Hans O'Brien said Copenhagen would ask Canada for talks.",
            "Danish lawmaker Hans O. Larsen said Copenhagen would ask Canada for talks.",
        ] {
            let spans = matched(&x, text);
            assert!(
                !spans.iter().any(|s| s.starts_with("Hans")),
                "{text}: {spans:?}"
            );
        }
        let text = "Canada and Denmark both claim Hans \u{d8}.";
        let spans = matched(&x, text);
        assert!(spans.contains(&"Hans \u{d8}"), "{spans:?}");
    }

    #[test]
    fn a_hyphenated_u_s_and_an_old_capital_name_their_states() {
        // Wire text of its time writes "U-S" for the United States and "Rangoon" for Burma's
        // government; "U-S" is an acronym, matched only as written and as a whole word.
        let x = Extractor::new().expect("knowledge");
        let text = "Former U-S envoy Tom Reed said Rangoon had freed the students.";
        let out = x.extract(text, &ArticleMeta::default()).expect("extracts");
        let names: Vec<&str> = out.actors.iter().map(|a| a.name.as_str()).collect();
        assert!(names.contains(&"actors/USA"), "{names:?}");
        assert!(names.contains(&"actors/MMR"), "{names:?}");
        for text in [
            "The u-s shaped valley lay east.",
            "The SU-S engine failed.",
            "Model U-S2 failed.",
        ] {
            let spans = matched(&x, text);
            assert!(
                !spans.iter().any(|s| s.contains("U-S") || s.contains("u-s")),
                "{text}: {spans:?}"
            );
        }
    }

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
