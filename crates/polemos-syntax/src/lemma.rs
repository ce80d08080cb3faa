//! Lemmas, cheaply: a table of the training data's lemmas for (lower-cased form, UPOS) where a few
//! suffix rules would get them wrong (`was`→`be`, `children`→`child`, `us`→`we`), and the rules for
//! everything else (`talks`→`talk`, `tried`→`try`, proper nouns kept as written).

use std::collections::HashMap;

use crate::Error;
use crate::codec::{Reader, Writer};
use crate::hash::{Fnv, hash_str, mix};
use crate::perceptron::KeyMap;

#[derive(Default, Clone)]
pub(crate) struct Lemmatizer {
    /// (lower-cased form, UPOS) → lemma, only where the rules disagree with the treebank.
    table: HashMap<(String, String), String>,
    /// The same, keyed by [`key`], so a lookup allocates nothing.
    by_hash: KeyMap<String>,
}

/// Hash of (lower-cased form, UPOS).
fn key(form: &str, upos: &str) -> u64 {
    let mut h = Fnv::new();
    for c in form.chars().flat_map(char::to_lowercase) {
        h.char(c);
    }
    mix(h.finish(), hash_str(upos))
}

fn index(table: &HashMap<(String, String), String>) -> KeyMap<String> {
    table
        .iter()
        .map(|((f, u), l)| (key(f, u), l.clone()))
        .collect()
}

/// The rule-based lemma.
pub(crate) fn rule(form: &str, upos: &str) -> String {
    if upos == "PROPN" {
        return form.to_owned();
    }
    let w = form.to_lowercase();
    let strip = |suffix: &str, add: &str| -> Option<String> {
        let stem = w.strip_suffix(suffix)?;
        (stem.chars().count() >= 2).then(|| format!("{stem}{add}"))
    };
    let lemma = match upos {
        "NOUN" => strip("ies", "y")
            .or_else(|| {
                ["ches", "shes", "sses", "xes"]
                    .iter()
                    .find_map(|s| strip(s, &s[..s.len() - 2]))
            })
            .or_else(|| {
                if w.ends_with("ss") || w.ends_with("us") {
                    None
                } else {
                    strip("s", "")
                }
            }),
        "VERB" | "AUX" => strip("ies", "y")
            .or_else(|| strip("ied", "y"))
            .or_else(|| {
                ["ches", "shes", "sses", "xes", "zzes"]
                    .iter()
                    .find_map(|s| strip(s, &s[..s.len() - 2]))
            })
            // A stem needs a vowel: "bring", "sting", "shed" are bare.
            .or_else(|| {
                strip("ing", "")
                    .filter(|s| has_vowel(s))
                    .map(|s| verb_stem(&s))
            })
            // "proceed", "exceed", "need": a verb that ends in "eed" is more often bare than
            // "agreed" or "freed" is unseen.
            .or_else(|| w.ends_with("eed").then(|| w.clone()))
            .or_else(|| {
                strip("ed", "")
                    .filter(|s| has_vowel(s))
                    .map(|s| verb_stem(&s))
            })
            .or_else(|| {
                if w.ends_with("ss") {
                    None
                } else {
                    strip("s", "")
                }
            }),
        _ => None,
    };
    lemma.unwrap_or(w)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn has_vowel(stem: &str) -> bool {
    stem.bytes().any(|c| is_vowel(c) || c == b'y')
}

/// The verb whose "-ed" or "-ing" form lost its ending to leave `stem`: a doubled final
/// consonant is undone ("planned", "admitting"), and a silent "e" the ending swallowed is put
/// back where English spelling all but requires it ("denounced", "urging", "violated",
/// "concluded", "settling"). Where the spelling leaves it open ("visited" or "united",
/// "pivoted" or "voted") the stem stays as it is; the table learnt from the treebank corrects
/// the forms it has seen either way.
fn verb_stem(stem: &str) -> String {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 2 || !stem.is_ascii() {
        return stem.to_owned();
    }
    let (last, before) = (b[n - 1], b[n - 2]);
    // "stopp", "plann", "admitt", "occurr": a short vowel's doubled consonant ("add", "err",
    // and "ll", "ss", "ff", "zz" stems such as "call" or "pass" are verbs of their own; of the
    // "-ott" stems only short ones double, "plott", "spott", not "boycott").
    if n >= 4
        && last == before
        && matches!(last, b'b' | b'd' | b'g' | b'm' | b'n' | b'p' | b'r' | b't')
        && is_vowel(b[n - 3])
        && !is_vowel(b[n - 4])
        && !(stem.ends_with("ott") && n > 5)
    {
        return stem[..n - 1].to_owned();
    }
    // A single vowel before the last consonant, after a consonant ("violat", not "defeat"); the
    // "u" of "qu" is a consonant ("requir").
    let short_vowel = is_vowel(before)
        && n >= 3
        && (!is_vowel(b[n - 3]) || (b[n - 3] == b'u' && n >= 4 && b[n - 4] == b'q'));
    let silent_e = match last {
        // No English verb ends in "c", "v" or "u" ("denounc", "resolv", "continu").
        b'c' | b'v' | b'u' => true,
        b'z' => before != b'z',
        // "impos", "caus", "accus", "releas", "revers", "collaps", but "focus", "caucus", "bias".
        b's' => {
            before != b's'
                && (!stem.ends_with("cus") || stem.ends_with("ccus"))
                && !stem.ends_with("bias")
        }
        // "charg", "pledg", "urg", "engag", "challeng", "arrang", but "bring", "belong", "bang".
        b'g' => match before {
            b'n' => stem.ends_with("eng") || (stem.ends_with("ang") && n >= 5),
            b'g' => false,
            c => !is_vowel(c) || short_vowel,
        },
        // "settl", "enabl", "struggl", "circl" (but "curl", "crawl").
        b'l' => {
            matches!(
                before,
                b'b' | b'c' | b'd' | b'f' | b'g' | b'k' | b'p' | b't' | b'z'
            ) || (short_vowel && matches!(before, b'i' | b'u'))
        }
        // "violat", "promot", "execut", "requir", "secur", "trad", "decid", "conclud", "invok",
        // "describ", "escap" (a verb ending in a short vowel and "b", "k", "p" or "d" doubles it:
        // "robbed", "trekked", "trapped", "padded"). Open: "visited" or "united", "developed"
        // or "hoped".
        b't' => {
            (short_vowel
                && (matches!(before, b'a' | b'u')
                    // "promot", "devot", "not", "quot", but "pilot", "ballot", "parrot".
                    || (before == b'o' && matches!(b[n - 3], b'm' | b'v' | b'n' | b'u'))))
                // "mediat", "retaliat", "negotiat", "evaluat": "-iate", "-uate".
                || stem.ends_with("iat")
                || stem.ends_with("uat")
        }
        b'r' => short_vowel && matches!(before, b'i' | b'u'),
        b'd' | b'k' | b'b' => short_vowel,
        b'p' => short_vowel && before == b'a',
        // "nam", "welcom", "assum", "combin", "defin", "determin" (but "bottom", "ransom").
        b'm' => short_vowel && (before != b'o' || stem.ends_with("com")),
        b'n' => short_vowel && before == b'i',
        _ => false,
    };
    if silent_e {
        format!("{stem}e")
    } else {
        stem.to_owned()
    }
}

impl Lemmatizer {
    /// Builds the table from (form, upos, lemma) triples: the most frequent lemma of each
    /// (lower-cased form, UPOS), kept only where the rules get it wrong.
    pub(crate) fn train<'a>(words: impl Iterator<Item = (&'a str, &'a str, &'a str)>) -> Self {
        let mut counts: HashMap<(String, String), HashMap<(String, String), usize>> =
            HashMap::new();
        for (form, upos, lemma) in words {
            if lemma == "_" {
                continue;
            }
            *counts
                .entry((form.to_lowercase(), upos.to_owned()))
                .or_default()
                .entry((lemma.to_owned(), form.to_owned()))
                .or_default() += 1;
        }
        let mut table = HashMap::new();
        for (key, options) in counts {
            let Some(((lemma, form), _)) = options
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            else {
                continue;
            };
            if rule(&form, &key.1) != lemma {
                table.insert(key, lemma);
            }
        }
        let by_hash = index(&table);
        Lemmatizer { table, by_hash }
    }

    pub(crate) fn lemma(&self, form: &str, upos: &str) -> String {
        match self.by_hash.get(&key(form, upos)) {
            Some(l) => l.clone(),
            None => rule(form, upos),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.table.len()
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        let mut rows: Vec<_> = self.table.iter().collect();
        rows.sort();
        w.var(rows.len() as u64);
        for ((form, upos), lemma) in rows {
            w.str(form);
            w.str(upos);
            w.str(lemma);
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, Error> {
        let n = r.count(3)?;
        let mut table = HashMap::with_capacity(n);
        for _ in 0..n {
            let form = r.str()?;
            let upos = r.str()?;
            let lemma = r.str()?;
            table.insert((form, upos), lemma);
        }
        let by_hash = index(&table);
        Ok(Lemmatizer { table, by_hash })
    }
}

#[cfg(test)]
mod tests {
    use super::rule;

    #[test]
    fn unseen_verb_forms_get_their_spelling_back() {
        for (form, lemma) in [
            ("denounced", "denounce"),
            ("urging", "urge"),
            ("pledging", "pledge"),
            ("violated", "violate"),
            ("imposed", "impose"),
            ("apologized", "apologize"),
            ("concluded", "conclude"),
            ("settling", "settle"),
            ("required", "require"),
            ("continued", "continue"),
            ("invoked", "invoke"),
            ("escaped", "escape"),
            ("challenged", "challenge"),
            ("planned", "plan"),
            ("admitting", "admit"),
            ("reaches", "reach"),
            ("retaliated", "retaliate"),
            ("mediating", "mediate"),
            ("promoted", "promote"),
            ("welcomed", "welcome"),
        ] {
            assert_eq!(rule(form, "VERB"), lemma, "{form}");
        }
    }

    #[test]
    fn verbs_without_a_silent_e_keep_their_stem() {
        for (form, lemma) in [
            ("defeated", "defeat"),
            ("attacked", "attack"),
            ("avoided", "avoid"),
            ("added", "add"),
            ("called", "call"),
            ("passed", "pass"),
            ("focused", "focus"),
            ("belonging", "belong"),
            ("bring", "bring"),
            ("sanctioned", "sanction"),
            ("threatened", "threaten"),
            ("visited", "visit"),
            ("developed", "develop"),
            ("proceed", "proceed"),
            ("toured", "tour"),
            ("boycotted", "boycott"),
            ("caucused", "caucus"),
            ("piloted", "pilot"),
            ("bottomed", "bottom"),
        ] {
            assert_eq!(rule(form, "VERB"), lemma, "{form}");
        }
    }
}
