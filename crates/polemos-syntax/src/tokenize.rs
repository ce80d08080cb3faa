//! Sentence-aware tokenization of raw English text into UD English (EWT) style tokens, as byte
//! spans into the input: clitics split (`do|n't`, `John|'s`, `ca|n't`, `gon|na`), punctuation
//! split off, hyphenated compounds split (`long|-|term`) except after common prefixes (`e-mail`,
//! `co-worker`), abbreviations, initials, numbers, URLs and e-mail addresses kept whole.
//!
//! One pass over the text, a constant amount of work per byte, so it is linear; it cannot panic
//! (every split is at a char boundary found by `char_indices`), and sentences are capped at
//! [`MAX_SENTENCE_TOKENS`] tokens so a text without punctuation still gives bounded sentences.

/// Longest sentence the tokenizer produces; longer runs are cut (no sentence in the treebanks comes
/// near it, and it bounds the parser's memory per sentence).
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// A sentence of a text: its byte span and the byte spans of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceSpans {
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<(usize, usize)>,
}

/// Splits `text` into sentences of tokens.
#[must_use]
pub fn tokenize(text: &str) -> Vec<SentenceSpans> {
    let mut toks: Vec<(usize, usize)> = Vec::new();
    // Index of the first token after a blank line (a paragraph break always ends a sentence).
    let mut par_starts: Vec<usize> = Vec::new();
    let mut newlines = 0usize;
    let mut chunk_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, &mut toks);
                newlines = 0;
            }
            if c == '\n' {
                newlines += 1;
                if newlines == 2 {
                    par_starts.push(toks.len());
                }
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, text.len(), &mut toks);
    }
    segment(text, &toks, &par_starts)
}

/// Groups tokens into sentences.
fn segment(text: &str, toks: &[(usize, usize)], par_starts: &[usize]) -> Vec<SentenceSpans> {
    let mut out = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    let mut pars = par_starts.iter().peekable();
    let mut i = 0;
    while i < toks.len() {
        while pars.peek().is_some_and(|&&p| p < i) {
            pars.next();
        }
        if pars.peek().is_some_and(|&&p| p == i) && !cur.is_empty() {
            push_sentence(&mut out, &mut cur);
        }
        let (s, e) = toks[i];
        cur.push((s, e));
        i += 1;
        let tok = &text[s..e];
        if ends_sentence(tok) {
            // Closing quotes and brackets right after the stop belong to the sentence.
            // (A quote after a space opens the next sentence instead.)
            while i < toks.len()
                && toks[i].0 == cur.last().map_or(0, |t| t.1)
                && is_closer(&text[toks[i].0..toks[i].1])
            {
                cur.push(toks[i]);
                i += 1;
            }
            let next = toks.get(i).map(|&(s, e)| &text[s..e]);
            let breaks = match next {
                None => true,
                Some(n) => {
                    let c = n.chars().next().unwrap_or(' ');
                    if is_stop(tok) {
                        !c.is_lowercase()
                    } else {
                        c.is_uppercase()
                    }
                }
            };
            if breaks {
                push_sentence(&mut out, &mut cur);
            }
        } else if cur.len() >= MAX_SENTENCE_TOKENS {
            push_sentence(&mut out, &mut cur);
        }
    }
    if !cur.is_empty() {
        push_sentence(&mut out, &mut cur);
    }
    out
}

fn push_sentence(out: &mut Vec<SentenceSpans>, cur: &mut Vec<(usize, usize)>) {
    let tokens = std::mem::take(cur);
    if let (Some(f), Some(l)) = (tokens.first(), tokens.last()) {
        out.push(SentenceSpans {
            start: f.0,
            end: l.1,
            tokens,
        });
    }
}

/// `.`, `!`, `?`, `…` and runs of them.
fn is_stop(tok: &str) -> bool {
    !tok.is_empty() && tok.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn ends_sentence(tok: &str) -> bool {
    if is_stop(tok) {
        return true;
    }
    // Abbreviations that often end a sentence; titles (`Mr.`), initials and acronyms (`U.S.`)
    // rarely do, so they never break one.
    tok.len() <= 6
        && matches!(
            tok.to_ascii_lowercase().as_str(),
            "etc." | "inc." | "ltd." | "corp." | "co." | "jr." | "sr." | "al."
        )
}

fn is_closer(tok: &str) -> bool {
    matches!(tok, "\"" | "'" | "”" | "’" | ")" | "]" | "}" | "»" | "''")
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '“' | '‘' | '(' | '[' | '{' | '«' | '<' | '*'
    )
}

fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '>' | '*' | '…'
    )
}

/// Clitics UD English writes as their own word.
const CLITICS: [&str; 7] = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Compares ignoring ASCII case, with `’` standing for `'`.
fn eq_clitic(s: &str, clitic: &str) -> bool {
    let mut a = s.chars().map(|c| {
        if c == '’' {
            '\''
        } else {
            c.to_ascii_lowercase()
        }
    });
    let mut b = clitic.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// The byte offset where a trailing clitic starts in `w`, if any.
fn clitic_start(w: &str) -> Option<usize> {
    for c in CLITICS {
        let n = c.chars().count();
        let mut idx = w.char_indices().rev().map(|(i, _)| i);
        let Some(start) = idx.nth(n - 1) else {
            continue;
        };
        if start > 0 && eq_clitic(&w[start..], c) {
            return Some(start);
        }
    }
    // Contractions UD splits without an apostrophe.
    let lower = if w.len() <= 8 {
        w.to_ascii_lowercase()
    } else {
        return None;
    };
    match lower.as_str() {
        "cannot" => Some(3),
        "gonna" | "wanna" | "gotta" => Some(3),
        "dont" | "didnt" | "doesnt" | "isnt" | "wasnt" | "cant" | "couldnt" | "wouldnt"
        | "shouldnt" | "arent" | "havent" | "hasnt" => Some(w.len() - 2),
        _ => None,
    }
}

fn is_abbreviation(w: &str) -> bool {
    if w.len() > 12 || !w.ends_with('.') || w.len() < 2 {
        return false;
    }
    // Initials and dotted acronyms: `J.`, `U.S.`, `e.g.`, `a.m.`.
    let b = w.as_bytes();
    if b.chunks(2)
        .all(|p| p.len() == 2 && p[0].is_ascii_alphabetic() && p[1] == b'.')
    {
        return true;
    }
    matches!(
        w.to_ascii_lowercase().as_str(),
        "mr."
            | "mrs."
            | "ms."
            | "dr."
            | "prof."
            | "st."
            | "jr."
            | "sr."
            | "inc."
            | "ltd."
            | "co."
            | "corp."
            | "vs."
            | "etc."
            | "no."
            | "jan."
            | "feb."
            | "mar."
            | "apr."
            | "jun."
            | "jul."
            | "aug."
            | "sep."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
            | "gov."
            | "sen."
            | "rep."
            | "gen."
            | "col."
            | "lt."
            | "sgt."
            | "capt."
            | "mt."
            | "ft."
            | "approx."
            | "dept."
            | "est."
            | "fig."
            | "vol."
            | "pp."
            | "cf."
            | "al."
            | "ave."
            | "rev."
            | "messrs."
            | "hon."
            | "adm."
            | "cmdr."
            | "gov't"
            | "no.."
    )
}

fn is_url_or_email(w: &str) -> bool {
    w.contains("://")
        || w.starts_with("www.")
        || (w.contains('@') && w.rsplit('@').next().is_some_and(|d| d.contains('.')))
}

/// Splits one whitespace-free chunk `text[s..e]` into tokens.
fn split_chunk(text: &str, mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    // Leading openers, one token each (a leading apostrophe of a clitic such as `'s` stays).
    while s < e {
        let Some(c) = text[s..e].chars().next() else {
            break;
        };
        if !is_opener(c) {
            break;
        }
        if s + c.len_utf8() == e {
            break;
        }
        if c == '\'' && CLITICS.iter().any(|k| eq_clitic(&text[s..e], k)) {
            break;
        }
        out.push((s, s + c.len_utf8()));
        s += c.len_utf8();
    }
    // Trailing punctuation, collected from the end and emitted after the core.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    while s < e {
        let w = &text[s..e];
        let Some(c) = w.chars().next_back() else {
            break;
        };
        let k = e - c.len_utf8();
        if c == '.' {
            if is_abbreviation(w) {
                break;
            }
            let run = w.bytes().rev().take_while(|&b| b == b'.').count();
            let k = e - run;
            if k == s {
                break;
            }
            tail.push((k, e));
            e = k;
        } else if c == '!' || c == '?' {
            let run = w
                .bytes()
                .rev()
                .take_while(|&b| b == b'!' || b == b'?')
                .count();
            let k = e - run;
            if k == s {
                break;
            }
            tail.push((k, e));
            e = k;
        } else if c == '%' && k > s && text[s..k].ends_with(|c: char| c.is_ascii_digit()) {
            tail.push((k, e));
            e = k;
        } else if is_trailing_punct(c) && k > s {
            // `parents'`: the apostrophe is the possessive, its own token either way.
            tail.push((k, e));
            e = k;
        } else {
            break;
        }
    }
    split_core(text, s, e, out);
    out.extend(tail.into_iter().rev());
}

/// Prefixes EWT keeps attached to the word after their hyphen.
fn keeps_hyphen(prefix: &str) -> bool {
    prefix.len() <= 5
        && matches!(
            prefix.to_ascii_lowercase().as_str(),
            "e" | "co"
                | "pre"
                | "post"
                | "non"
                | "re"
                | "semi"
                | "anti"
                | "multi"
                | "mid"
                | "ex"
                | "sub"
                | "inter"
                | "pro"
                | "self"
                | "x"
                | "t"
                | "u"
                | "de"
                | "mis"
        )
}

fn split_core(text: &str, mut s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    if s >= e {
        return;
    }
    let w = &text[s..e];
    if is_url_or_email(w) || is_abbreviation(w) {
        out.push((s, e));
        return;
    }
    // `$5` → `$ 5`.
    if let Some(c) = w.chars().next()
        && matches!(c, '$' | '£' | '€' | '#')
        && w[c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
    {
        out.push((s, s + c.len_utf8()));
        s += c.len_utf8();
    }
    let w = &text[s..e];
    let (stem_end, clitic) = match clitic_start(w) {
        Some(k) if k > 0 && k < w.len() => (s + k, Some((s + k, e))),
        _ => (e, None),
    };
    split_inner(text, s, stem_end, out);
    if let Some(c) = clitic {
        out.push(c);
    }
}

/// Splits at hyphens and slashes between letters (`long-term`, `and/or`), keeping numbers
/// (`555-1234`, `9/11`), prefixed words (`e-mail`) and runs like `--` as tokens of their own.
fn split_inner(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let w = &text[s..e];
    let mut seg = s;
    let mut prev: Option<char> = None;
    let mut iter = w.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let at = s + i;
        if (c == '-' || c == '/') && at > seg {
            let (Some(p), Some(n)) = (prev, next) else {
                prev = Some(c);
                continue;
            };
            let seg_text = &text[seg..at];
            let split = if c == '-' {
                p.is_alphanumeric()
                    && n.is_alphanumeric()
                    && !(p.is_ascii_digit() && n.is_ascii_digit())
                    && !keeps_hyphen(seg_text)
            } else {
                p.is_alphabetic() && n.is_alphabetic()
            };
            if split {
                out.push((seg, at));
                out.push((at, at + 1));
                seg = at + 1;
            }
        }
        prev = Some(c);
    }
    if seg < e {
        out.push((seg, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<&str>> {
        tokenize(text)
            .iter()
            .map(|s| s.tokens.iter().map(|&(a, b)| &text[a..b]).collect())
            .collect()
    }

    #[test]
    fn splits_clitics_and_punctuation() {
        assert_eq!(
            words("I don't think Japan's claim (\"the islands\") can't wait."),
            vec![vec![
                "I", "do", "n't", "think", "Japan", "'s", "claim", "(", "\"", "the", "islands",
                "\"", ")", "ca", "n't", "wait", "."
            ]]
        );
        assert_eq!(
            words("We're gonna win"),
            vec![vec!["We", "'re", "gon", "na", "win"]]
        );
    }

    #[test]
    fn keeps_abbreviations_numbers_and_urls() {
        assert_eq!(
            words("Mr. Abe met U.S. officials at 10:30 a.m. on 9/11, paying $5.50 (3.5%)."),
            vec![vec![
                "Mr.",
                "Abe",
                "met",
                "U.S.",
                "officials",
                "at",
                "10:30",
                "a.m.",
                "on",
                "9/11",
                ",",
                "paying",
                "$",
                "5.50",
                "(",
                "3.5",
                "%",
                ")",
                "."
            ]]
        );
        assert_eq!(
            words("see http://x.org/a-b now"),
            vec![vec!["see", "http://x.org/a-b", "now"]]
        );
        assert_eq!(
            words("a long-term e-mail and/or"),
            vec![vec!["a", "long", "-", "term", "e-mail", "and", "/", "or"]]
        );
    }

    #[test]
    fn splits_sentences() {
        let s = words("He left. \"Why?\" she asked. Then Dr. Smith came.\n\nNew paragraph");
        assert_eq!(s.len(), 4, "{s:?}");
        // A quote after a space opens the next sentence; `?"` before a lower-case word does
        // not end one.
        assert_eq!(s[1], vec!["\"", "Why", "?", "\"", "she", "asked", "."]);
        assert_eq!(s[2], vec!["Then", "Dr.", "Smith", "came", "."]);
    }

    #[test]
    fn odd_input_gives_valid_spans() {
        for t in [
            "", "   ", "...", "'", "''", "-", "a-", "-a", "’s", "n't", "é-é", "$", "!!!?", "'90s",
        ] {
            for s in tokenize(t) {
                for (a, b) in s.tokens {
                    assert!(
                        a < b && t.is_char_boundary(a) && t.is_char_boundary(b),
                        "{t:?}"
                    );
                }
            }
        }
    }
}
