//! What the classifiers know about a word on its own: hashes of its normalised form, shape,
//! affixes and a few flags, computed once per token so feature templates only combine numbers.

use crate::hash::{Fnv, hash_bytes, hash_str, mix};

/// Per-token lexical hashes.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Lex {
    /// Lower-cased form, digits folded to `0` (so years, prices and counts generalise).
    pub(crate) word: u64,
    /// Case-preserving form, for the tagger (`US` vs `us`).
    pub(crate) form: u64,
    pub(crate) shape: u64,
    pub(crate) suf1: u64,
    pub(crate) suf2: u64,
    pub(crate) suf3: u64,
    pub(crate) suf4: u64,
    pub(crate) pre1: u64,
    pub(crate) pre2: u64,
    /// Capitalised first letter, whether the word has a hyphen, a digit.
    pub(crate) flags: u64,
}

/// Stand-ins for positions before the first and after the last token.
pub(crate) const BOS: u64 = 0x5b0c_0b05;
pub(crate) const EOS: u64 = 0x5e0c_0e05;

impl Lex {
    pub(crate) fn boundary(h: u64) -> Lex {
        Lex {
            word: h,
            form: h,
            shape: h,
            suf1: h,
            suf2: h,
            suf3: h,
            suf4: h,
            pre1: h,
            pre2: h,
            flags: h,
        }
    }

    pub(crate) fn new(form: &str) -> Lex {
        // The normalised form is built in a stack buffer (this runs for every word): at most 40
        // characters, each lower-cased into at most 3 characters of at most 4 bytes.
        let mut buf = [0u8; 40 * 3 * 4];
        let mut bounds = [0usize; 40 * 3 + 1];
        let (mut len, mut n) = (0, 0);
        for c in normalized_chars(form) {
            let Some(dst) = buf.get_mut(len..) else { break };
            if dst.len() < c.len_utf8() {
                break;
            }
            bounds[n] = len;
            n += 1;
            len += c.encode_utf8(dst).len();
        }
        bounds[n] = len;
        let norm = &buf[..len];
        let suffix =
            |k: usize| -> u64 { mix(k as u64, hash_bytes(&norm[bounds[n.saturating_sub(k)]..])) };
        let prefix =
            |k: usize| -> u64 { mix(100 + k as u64, hash_bytes(&norm[..bounds[k.min(n)]])) };
        let first_upper = form.chars().next().is_some_and(char::is_uppercase);
        let all_upper =
            form.chars().any(char::is_uppercase) && !form.chars().any(char::is_lowercase);
        let hyphen = form.contains('-');
        let digit = form.chars().any(|c| c.is_ascii_digit());
        let flags = u64::from(first_upper)
            | u64::from(all_upper) << 1
            | u64::from(hyphen) << 2
            | u64::from(digit) << 3;
        Lex {
            word: hash_bytes(norm),
            form: mix(7, hash_str(form)),
            shape: mix(8, shape_hash(form)),
            suf1: suffix(1),
            suf2: suffix(2),
            suf3: suffix(3),
            suf4: suffix(4),
            pre1: prefix(1),
            pre2: prefix(2),
            flags: mix(9, flags),
        }
    }
}

/// Lower case, digits as `0`, curly apostrophes and quotes as straight ones, long words cut to 40
/// characters (a 1 MB "word" costs no more than a long one).
fn normalized_chars(form: &str) -> impl Iterator<Item = char> + '_ {
    form.chars()
        .take(40)
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '0'..='9' => '0',
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            c => c,
        })
}

/// Hash of the word's shape (`Xxxx`, `XX`, `dd.d`, `x-x`): character classes with runs longer
/// than two collapsed.
fn shape_hash(form: &str) -> u64 {
    let mut h = Fnv::new();
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars().take(40) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            last = k;
        }
        if run <= 2 {
            h.char(k);
        }
    }
    h.finish()
}
