//! Dependency labels, given the unlabelled tree: one averaged-perceptron decision per arc, made
//! top-down so each decision sees its head's label (`conj` under `obj`, `nsubj:pass` under a
//! passive). Seeing the whole tree (all of a word's dependents, the function words among them)
//! is what a labeller inside the transition system would not have.

use crate::classify::Classifier;
use crate::hash::{feat, mix};
use crate::lexical::Lex;

const NONE: u64 = 0x1abe_0001;
const ROOT: u64 = 0x1abe_0002;
/// Dependents read per side of a word: bounds the features of a word with hundreds of them.
const MAX_KIDS: usize = 6;

/// Dependents of each node, in order (node 0 is the root).
pub(crate) fn children(heads: &[usize]) -> Vec<Vec<usize>> {
    let mut kids = vec![Vec::new(); heads.len()];
    for (d, &h) in heads.iter().enumerate().skip(1) {
        if let Some(k) = kids.get_mut(h) {
            k.push(d);
        }
    }
    kids
}

/// Nodes in breadth-first order from the root, so heads come before their dependents.
pub(crate) fn top_down(kids: &[Vec<usize>]) -> Vec<usize> {
    let mut order = Vec::with_capacity(kids.len());
    let mut q = std::collections::VecDeque::from([0usize]);
    let mut seen = vec![false; kids.len()];
    while let Some(x) = q.pop_front() {
        if std::mem::replace(&mut seen[x], true) {
            continue;
        }
        if x != 0 {
            order.push(x);
        }
        q.extend(kids[x].iter().copied());
    }
    order
}

/// Whether a UPOS marks a function word whose form is worth a feature (`by`, `was`, `to`, `not`).
fn function_word(upos: &str) -> bool {
    matches!(
        upos,
        "ADP" | "AUX" | "PART" | "SCONJ" | "CCONJ" | "DET" | "PRON" | "PUNCT"
    )
}

/// Everything the labeller reads about a sentence.
pub(crate) struct Ctx<'a> {
    pub(crate) lex: &'a [Lex],
    pub(crate) tags: &'a [u8],
    /// UPOS name of each joint tag id.
    pub(crate) upos: &'a [&'a str],
    pub(crate) heads: &'a [usize],
    pub(crate) kids: &'a [Vec<usize>],
}

impl Ctx<'_> {
    fn w(&self, x: usize) -> u64 {
        if x == 0 {
            ROOT
        } else {
            self.lex.get(x - 1).map_or(NONE, |l| l.word)
        }
    }
    fn t(&self, x: usize) -> u64 {
        if x == 0 {
            ROOT
        } else {
            self.tags
                .get(x - 1)
                .map_or(NONE, |&t| mix(31, u64::from(t)))
        }
    }
    fn upos(&self, x: usize) -> &str {
        if x == 0 {
            "ROOT"
        } else {
            self.tags
                .get(x - 1)
                .and_then(|&t| self.upos.get(usize::from(t)))
                .copied()
                .unwrap_or("X")
        }
    }
}

/// Features of the arc into `d`, given its head's label part (`ROOT` for the root's dependent).
pub(crate) fn features(cx: &Ctx<'_>, d: usize, head_label: u64, out: &mut Vec<u64>) {
    out.clear();
    let h = cx.heads[d];
    let dir = u64::from(d < h);
    let dist = if h == 0 {
        0
    } else {
        d.abs_diff(h).min(8) as u64 + 1
    };
    let (dw, dt, hw, ht) = (cx.w(d), cx.t(d), cx.w(h), cx.t(h));
    let gh = if h == 0 { NONE } else { cx.t(cx.heads[h]) };
    let prev_t = if d > 1 { cx.t(d - 1) } else { NONE };
    let next_t = if d < cx.lex.len() { cx.t(d + 1) } else { NONE };
    let sib_pos = cx.kids[h].iter().position(|&k| k == d).unwrap_or(0);
    let n_left_sibs = cx.kids[h].iter().filter(|&&k| k < d && k < h).count() as u64;
    out.extend_from_slice(&[
        feat(200, 0, 0, 0),
        feat(201, dw, 0, 0),
        feat(202, dt, 0, 0),
        feat(203, hw, 0, 0),
        feat(204, ht, 0, 0),
        feat(205, dt, ht, dir),
        feat(206, dw, ht, dir),
        feat(207, dt, hw, dir),
        feat(208, dw, hw, dir),
        feat(209, dt, ht, dist),
        feat(210, head_label, dt, 0),
        feat(211, head_label, dt, dir),
        feat(212, head_label, ht, dt),
        feat(213, gh, ht, dt),
        feat(214, dt, prev_t, dir),
        feat(215, dt, next_t, dir),
        feat(216, dt, ht, n_left_sibs.min(3)),
        feat(217, dt, dir, (sib_pos as u64).min(4)),
        feat(218, dw, dir, 0),
        feat(219, dt, dir, u64::from(cx.kids[d].is_empty())),
        feat(220, cx.lex.get(d - 1).map_or(NONE, |l| l.suf3), dt, dir),
        feat(221, head_label, dw, 0),
    ]);
    // The dependent's own dependents: their tags, and the forms of function words (`by` makes
    // `obl:agent`, a `that` or `to` marks a clause).
    let kids_of = |x: usize| {
        let k = &cx.kids[x];
        let (front, back) = if k.len() <= 2 * MAX_KIDS {
            (&k[..], &k[..0])
        } else {
            (&k[..MAX_KIDS], &k[k.len() - MAX_KIDS..])
        };
        front.iter().chain(back).copied()
    };
    for c in kids_of(d) {
        let side = u64::from(c < d);
        out.push(feat(230, cx.t(c), dt, side));
        if function_word(cx.upos(c)) {
            out.push(feat(231, cx.w(c), dt, side));
            out.push(feat(232, cx.w(c), dt, ht));
        }
    }
    // The head's other function-word dependents: a passive auxiliary, a copula, a clause marker.
    if h != 0 {
        for c in kids_of(h) {
            if c != d && function_word(cx.upos(c)) && cx.upos(c) != "PUNCT" {
                let side = u64::from(c < h);
                out.push(feat(240, cx.w(c), dt, mix(side, dir)));
            }
        }
    }
}

/// Labels every arc; returns label ids indexed by node (`[0]` unused). `root` is the id of the
/// `root` label: given to the root's dependent, and to no other. Punctuation below the root is
/// `punct` without asking the classifier (it is in the treebanks, nearly without exception).
pub(crate) fn label<C: Classifier>(
    c: &C,
    cx: &Ctx<'_>,
    root: usize,
    punct: Option<usize>,
) -> Vec<u8> {
    let mut labels = vec![0u8; cx.heads.len()];
    let mut feats = Vec::with_capacity(64);
    for d in top_down(cx.kids) {
        let h = cx.heads[d];
        if h == 0 {
            // Only `root` is allowed here: the classifier could not choose another.
            labels[d] = u8::try_from(root).unwrap_or(0);
            continue;
        }
        if let Some(p) = punct
            && h != 0
            && cx.upos(d) == "PUNCT"
        {
            labels[d] = u8::try_from(p).unwrap_or(0);
            continue;
        }
        features(cx, d, head_label_part(h, labels[h]), &mut feats);
        let best = c.best(&feats, |l| l != root).unwrap_or(root);
        labels[d] = u8::try_from(best).unwrap_or(0);
    }
    labels
}

/// The head-label feature part of a label id, as [`label`] uses it (training feeds gold labels).
pub(crate) fn head_label_part(h: usize, label_of_h: u8) -> u64 {
    if h == 0 {
        ROOT
    } else {
        mix(41, u64::from(label_of_h))
    }
}
