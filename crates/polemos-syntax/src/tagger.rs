//! The part-of-speech tagger: greedy left-to-right, one averaged-perceptron decision per word over
//! joint UPOS+XPOS classes (`AUX|VBZ`, `PROPN|NNP`), so one pass gives both tag sets and the XPOS
//! distinctions the parser wants (`VBN` vs `VBD`) cost no second model. Features are Honnibal's
//! (2013) plus each nearby word's most frequent training tag, which gives a greedy tagger a look
//! at the words it has not tagged yet.

use crate::classify::Classifier;
use crate::hash::{feat, mix};
use crate::lexical::{BOS, EOS, Lex};
use crate::perceptron::KeyMap;

/// Most frequent tag of each training word seen at least twice, by normalised-form hash, with
/// [`SURE`] set when the word is frequent and nearly always has that tag: such words are tagged
/// from the dictionary without running the classifier (Honnibal 2013; about half the tokens of
/// running text, at no measurable cost in accuracy).
pub(crate) type TagDict = KeyMap<u8>;

pub(crate) const SURE: u8 = 0x80;

const NO_TAG: u64 = 0x7a9_0001;
const START: u64 = 0x7a9_0002;

/// The dictionary tag of every token, as feature parts.
pub(crate) fn dict_parts(dict: &TagDict, lex: &[Lex]) -> Vec<u64> {
    lex.iter()
        .map(|l| {
            dict.get(&l.word)
                .map_or(NO_TAG, |&t| mix(11, u64::from(t & !SURE)))
        })
        .collect()
}

/// Features of word `i` given the two previous predicted tags (`None` before the start).
pub(crate) fn features(
    lex: &[Lex],
    dict: &[u64],
    i: usize,
    p1: Option<u8>,
    p2: Option<u8>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let at = |k: isize| -> Lex {
        let j = i as isize + k;
        if j < 0 {
            Lex::boundary(BOS)
        } else {
            lex.get(j as usize).copied().unwrap_or(Lex::boundary(EOS))
        }
    };
    let d = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            BOS
        } else {
            dict.get(j as usize).copied().unwrap_or(EOS)
        }
    };
    let t1 = p1.map_or(START, |t| mix(12, u64::from(t)));
    let t2 = p2.map_or(START, |t| mix(12, u64::from(t)));
    let (w, wm1, wm2, wp1, wp2) = (at(0), at(-1), at(-2), at(1), at(2));
    let first = u64::from(i == 0);
    out.extend_from_slice(&[
        feat(1, 0, 0, 0),
        feat(2, w.word, 0, 0),
        feat(3, w.form, 0, 0),
        feat(4, w.suf1, 0, 0),
        feat(5, w.suf2, 0, 0),
        feat(6, w.suf3, 0, 0),
        feat(7, w.suf4, 0, 0),
        feat(8, w.pre1, 0, 0),
        feat(9, w.pre2, 0, 0),
        feat(10, w.shape, 0, 0),
        feat(11, w.flags, first, 0),
        feat(12, t1, 0, 0),
        feat(13, t2, 0, 0),
        feat(14, t1, t2, 0),
        feat(15, t1, w.word, 0),
        feat(16, wm1.word, 0, 0),
        feat(17, wm1.suf3, 0, 0),
        feat(18, wm2.word, 0, 0),
        feat(19, wp1.word, 0, 0),
        feat(20, wp1.suf3, 0, 0),
        feat(21, wp2.word, 0, 0),
        feat(22, wp1.shape, 0, 0),
        feat(23, d(0), 0, 0),
        feat(24, d(1), 0, 0),
        feat(25, d(2), 0, 0),
        feat(26, d(0), d(1), 0),
        feat(27, t1, d(1), 0),
        feat(28, t1, d(0), 0),
        feat(29, wm1.word, w.word, 0),
        feat(30, w.word, wp1.word, 0),
        feat(31, t1, d(0), d(1)),
        feat(32, w.suf3, wp1.word, 0),
        feat(33, wm2.suf3, 0, 0),
        feat(34, d(-2), t1, 0),
        feat(35, wp1.suf2, d(1), 0),
    ]);
}

/// Tags a sentence greedily.
pub(crate) fn tag<C: Classifier>(c: &C, dict: &TagDict, lex: &[Lex]) -> Vec<u8> {
    let parts = dict_parts(dict, lex);
    let mut tags: Vec<u8> = Vec::with_capacity(lex.len());
    let mut feats = Vec::with_capacity(40);
    for i in 0..lex.len() {
        if let Some(t) = sure(dict, &lex[i]) {
            tags.push(t);
            continue;
        }
        let p1 = i.checked_sub(1).map(|j| tags[j]);
        let p2 = i.checked_sub(2).map(|j| tags[j]);
        features(lex, &parts, i, p1, p2, &mut feats);
        let t = c.best(&feats, |_| true).unwrap_or(0);
        tags.push(u8::try_from(t).unwrap_or(0));
    }
    tags
}

/// The tag of a word the dictionary is sure about.
pub(crate) fn sure(dict: &TagDict, lex: &Lex) -> Option<u8> {
    dict.get(&lex.word)
        .filter(|&&t| t & SURE != 0)
        .map(|&t| t & !SURE)
}
