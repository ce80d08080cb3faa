//! The unlabelled dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) scored
//! by an averaged perceptron over Zhang & Nivre (2011) style feature templates, trained with the
//! dynamic oracle of Goldberg & Nivre (2013) so it learns to recover from its own mistakes.
//! Moves are scored by a three-class classifier (small and fast); each arc gets a provisional
//! label from a second classifier as it is made, so later moves can read the labels already built
//! (a word that has its subject takes no second one). The final labels come from
//! [`crate::labeler`], which sees the whole tree.
//!
//! Nodes are 1-based word positions; 0 is the artificial root, which sits at the bottom of the
//! stack and takes exactly one dependent, in the last transition, so every parse is one tree.

use crate::classify::{Classifier, argmax_int};
use crate::hash::{feat, mix};
use crate::lexical::Lex;
use crate::weights::{SCORES, Weights};

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
pub(crate) const MOVES: usize = 3;

const NONE: u64 = 0x0e0e_0001;
const ROOT: u64 = 0x0e0e_0002;

/// A parser configuration.
pub(crate) struct State {
    n: usize,
    stack: Vec<usize>,
    /// Next buffer word; the buffer is `b..=n`.
    b: usize,
    pub(crate) heads: Vec<usize>,
    /// Two leftmost and two rightmost dependents so far (0: none), and dependent counts.
    left: Vec<[usize; 2]>,
    right: Vec<[usize; 2]>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
    /// Provisional label of the arc into each node ([`NO_LABEL`] before it has one), and the set
    /// of labels of each node's left and right dependents (bit `label % 64`).
    labels: Vec<u8>,
    label_sets: Vec<[u64; 2]>,
}

pub(crate) const NO_LABEL: u8 = u8::MAX;

impl State {
    pub(crate) fn new(n: usize) -> State {
        State {
            n,
            stack: vec![0],
            b: 1,
            heads: vec![0; n + 1],
            left: vec![[0; 2]; n + 1],
            right: vec![[0; 2]; n + 1],
            n_left: vec![0; n + 1],
            n_right: vec![0; n + 1],
            labels: vec![NO_LABEL; n + 1],
            label_sets: vec![[0; 2]; n + 1],
        }
    }

    /// The (head, dependent) arc a move would make.
    pub(crate) fn arc(&self, m: usize) -> Option<(usize, usize)> {
        match m {
            LEFT => Some((self.b, self.s(0)?)),
            RIGHT => Some((self.s(1)?, self.s(0)?)),
            _ => None,
        }
    }

    /// Applies a move and, if it makes an arc, gives the arc its provisional label.
    pub(crate) fn apply_labelled(&mut self, m: usize, label: u8) {
        let arc = self.arc(m);
        self.apply(m);
        if let Some((h, d)) = arc {
            self.labels[d] = label;
            self.label_sets[h][usize::from(d > h)] |= 1 << (label % 64);
        }
    }

    /// The initial configuration for a sentence.
    pub(crate) fn for_sentence(lex: &[Lex]) -> State {
        State::new(lex.len())
    }

    pub(crate) fn done(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    /// The move to make when it is the only valid one (at the start and whenever the stack holds
    /// only the root, only SHIFT; once the buffer is empty, only RIGHT), `None` when there is a
    /// choice or no move at all. Such a move needs no features and no scores: the classifier
    /// could only pick it.
    pub(crate) fn forced(&self) -> Option<usize> {
        let mut only = None;
        for m in 0..MOVES {
            if self.valid(m) {
                if only.is_some() {
                    return None;
                }
                only = Some(m);
            }
        }
        only
    }

    pub(crate) fn valid(&self, m: usize) -> bool {
        let buffer = self.b <= self.n;
        match m {
            SHIFT => buffer,
            LEFT => buffer && self.stack.len() >= 2,
            RIGHT => self.stack.len() >= 3 || (self.stack.len() == 2 && !buffer),
            _ => false,
        }
    }

    fn s(&self, k: usize) -> Option<usize> {
        self.stack.len().checked_sub(k + 1).map(|i| self.stack[i])
    }

    fn add_arc(&mut self, head: usize, dep: usize) {
        self.heads[dep] = head;
        if dep < head {
            let l = &mut self.left[head];
            if l[0] == 0 || dep < l[0] {
                l[1] = l[0];
                l[0] = dep;
            } else if l[1] == 0 || dep < l[1] {
                l[1] = dep;
            }
            self.n_left[head] = self.n_left[head].saturating_add(1);
        } else {
            let r = &mut self.right[head];
            if r[0] == 0 || dep > r[0] {
                r[1] = r[0];
                r[0] = dep;
            } else if r[1] == 0 || dep > r[1] {
                r[1] = dep;
            }
            self.n_right[head] = self.n_right[head].saturating_add(1);
        }
    }

    /// Applies a move; the caller has checked it is valid.
    pub(crate) fn apply(&mut self, m: usize) {
        match m {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            LEFT => {
                if let Some(s0) = self.stack.pop() {
                    self.add_arc(self.b, s0);
                }
            }
            _ => {
                if let Some(s0) = self.stack.pop()
                    && let Some(&s1) = self.stack.last()
                {
                    self.add_arc(s1, s0);
                }
            }
        }
    }

    /// Dynamic-oracle cost of each move: gold arcs it makes unreachable (Goldberg & Nivre 2013).
    /// `gold` holds projective gold heads, `kids` each node's gold dependents.
    pub(crate) fn costs(&self, gold: &[usize], kids: &[Vec<usize>]) -> [u32; MOVES] {
        let mut c = [u32::MAX; MOVES];
        let b = self.b;
        let in_buffer = |x: usize| x >= b && x <= self.n;
        if self.valid(SHIFT) {
            // b0 loses a head deeper in the stack than s0, and its dependents on the stack.
            let s0 = self.s(0);
            let on_stack = |x: usize| self.stack.contains(&x);
            let h = gold[b];
            let mut cost = u32::from(Some(h) != s0 && on_stack(h));
            cost += kids[b].iter().filter(|&&k| on_stack(k)).count() as u32;
            c[SHIFT] = cost;
        }
        if let Some(s0) = self.s(0).filter(|&s| s != 0) {
            let lost_kids = kids[s0].iter().filter(|&&k| in_buffer(k)).count() as u32;
            let h = gold[s0];
            if self.valid(LEFT) {
                let lost_head = Some(h) == self.s(1) || (in_buffer(h) && h != b);
                c[LEFT] = lost_kids + u32::from(lost_head);
            }
            if self.valid(RIGHT) {
                c[RIGHT] = lost_kids + u32::from(in_buffer(h));
            }
        }
        c
    }
}

/// Feature parts of one node: word, tag and their pair.
#[derive(Clone, Copy)]
struct Node {
    w: u64,
    t: u64,
    wt: u64,
}

/// Which part of a node a one-node template reads.
#[derive(Clone, Copy)]
enum Part {
    W,
    T,
    WT,
}

impl Node {
    fn part(&self, p: Part) -> u64 {
        match p {
            Part::W => self.w,
            Part::T => self.t,
            Part::WT => self.wt,
        }
    }
}

/// Roles of the nodes a configuration's features read: the top three of the stack, the first
/// three of the buffer, and some of their leftmost and rightmost dependents.
const S0: usize = 0;
const S1: usize = 1;
const S2: usize = 2;
const B0: usize = 3;
const B1: usize = 4;
const B2: usize = 5;
const S0L: usize = 6;
const S0R: usize = 7;
const B0L: usize = 8;
const S1R: usize = 9;
const S0L2: usize = 10;
const S0R2: usize = 11;
const B0L2: usize = 12;
const S1L: usize = 13;
const ROLES: usize = 14;

/// The templates that read one node only, by role: `feat(template, part of the node, 0, 0)`.
/// The same node in the same role always gives the same features, so the shipped parser adds up
/// their weights once per sentence ([`RoleScores`]) rather than at every move. Roles up to
/// [`B2`] come first in the feature list, the dependents' after the pair templates (the order
/// of the list is part of training's arithmetic, so it is kept).
const ROLE_TEMPLATES: [&[(u64, Part)]; ROLES] = [
    &[(100, Part::W), (101, Part::T), (102, Part::WT)],
    &[(103, Part::W), (104, Part::T), (105, Part::WT)],
    &[(106, Part::T)],
    &[(107, Part::W), (108, Part::T), (109, Part::WT)],
    &[(110, Part::W), (111, Part::T), (112, Part::WT)],
    &[(113, Part::T), (114, Part::W)],
    &[(170, Part::W), (171, Part::T)],
    &[(172, Part::W), (173, Part::T)],
    &[(174, Part::W), (175, Part::T)],
    &[(176, Part::W), (177, Part::T)],
    &[(178, Part::T)],
    &[(179, Part::T)],
    &[(180, Part::T)],
    &[(181, Part::T)],
];

fn push_role_features(out: &mut Vec<u64>, roles: std::ops::Range<usize>, nodes: &[Node; ROLES]) {
    for r in roles {
        for &(template, part) in ROLE_TEMPLATES[r] {
            out.push(feat(template, nodes[r].part(part), 0, 0));
        }
    }
}

/// The node in each role (`None`: no node there) and its feature parts.
struct Roles {
    ids: [Option<usize>; ROLES],
    nodes: [Node; ROLES],
}

/// Writes the features of a configuration.
pub(crate) fn features(st: &State, lex: &[Lex], tags: &[u8], out: &mut Vec<u64>) {
    write_features(st, lex, tags, out, true);
}

/// Writes the features of a configuration, those of [`ROLE_TEMPLATES`] only if `with_roles`;
/// returns the nodes in their roles.
fn write_features(
    st: &State,
    lex: &[Lex],
    tags: &[u8],
    out: &mut Vec<u64>,
    with_roles: bool,
) -> Roles {
    out.clear();
    let node = |x: Option<usize>| -> Node {
        match x {
            None => Node {
                w: NONE,
                t: NONE,
                wt: NONE,
            },
            Some(0) => Node {
                w: ROOT,
                t: ROOT,
                wt: ROOT,
            },
            Some(i) => {
                let w = lex.get(i - 1).map_or(NONE, |l| l.word);
                let t = tags.get(i - 1).map_or(NONE, |&t| mix(21, u64::from(t)));
                Node {
                    w,
                    t,
                    wt: mix(w, t),
                }
            }
        }
    };
    let kid = |x: Option<usize>, side: &[[usize; 2]], k: usize| -> Option<usize> {
        x.and_then(|x| side.get(x))
            .map(|s| s[k])
            .filter(|&c| c != 0)
    };
    let s0i = st.s(0);
    let s1i = st.s(1);
    let b0i = (st.b <= st.n).then_some(st.b);
    let b1i = (st.b < st.n).then_some(st.b + 1);
    let b2i = (st.b + 1 < st.n).then_some(st.b + 2);
    let mut ids = [None; ROLES];
    ids[S0] = s0i;
    ids[S1] = s1i;
    ids[S2] = st.s(2);
    ids[B0] = b0i;
    ids[B1] = b1i;
    ids[B2] = b2i;
    ids[S0L] = kid(s0i, &st.left, 0);
    ids[S0L2] = kid(s0i, &st.left, 1);
    ids[S0R] = kid(s0i, &st.right, 0);
    ids[S0R2] = kid(s0i, &st.right, 1);
    ids[B0L] = kid(b0i, &st.left, 0);
    ids[B0L2] = kid(b0i, &st.left, 1);
    ids[S1R] = kid(s1i, &st.right, 0);
    ids[S1L] = kid(s1i, &st.left, 0);
    let nodes = ids.map(node);
    let [
        s0,
        s1,
        s2,
        b0,
        b1,
        b2,
        s0l,
        s0r,
        b0l,
        s1r,
        s0l2,
        s0r2,
        b0l2,
        s1l,
    ] = nodes;
    let dist = |a: Option<usize>, b: Option<usize>| -> u64 {
        match (a, b) {
            (Some(a), Some(b)) => (b.abs_diff(a)).min(6) as u64 + 1,
            _ => 0,
        }
    };
    let d = dist(s0i, b0i);
    let d2 = dist(s1i, s0i);
    let val = |x: Option<usize>, v: &[u8]| -> u64 {
        x.and_then(|x| v.get(x))
            .map_or(99, |&n| u64::from(n.min(4)))
    };
    let (s0vl, s0vr) = (val(s0i, &st.n_left), val(s0i, &st.n_right));
    let b0vl = val(b0i, &st.n_left);
    let s1vr = val(s1i, &st.n_right);
    if with_roles {
        push_role_features(out, S0..S0L, &nodes);
    }
    out.extend_from_slice(&[
        feat(120, s0.wt, b0.wt, 0),
        feat(121, s0.wt, b0.w, 0),
        feat(122, s0.w, b0.wt, 0),
        feat(123, s0.wt, b0.t, 0),
        feat(124, s0.t, b0.wt, 0),
        feat(125, s0.w, b0.w, 0),
        feat(126, s0.t, b0.t, 0),
        feat(127, b0.t, b1.t, 0),
        feat(128, s1.wt, s0.wt, 0),
        feat(129, s1.w, s0.w, 0),
        feat(130, s1.t, s0.t, 0),
        feat(131, s1.t, s0.w, 0),
        feat(132, s1.w, s0.t, 0),
        feat(140, b0.t, b1.t, b2.t),
        feat(141, s0.t, b0.t, b1.t),
        feat(142, s1.t, s0.t, b0.t),
        feat(143, s2.t, s1.t, s0.t),
        feat(144, s0.t, s0l.t, b0.t),
        feat(145, s0.t, s0r.t, b0.t),
        feat(146, s0.t, b0.t, b0l.t),
        feat(147, s1.t, s1r.t, s0.t),
        feat(148, s1.t, s0.t, s0l.t),
        feat(149, s1.t, s0.t, s0r.t),
        feat(150, s0.w, d, 0),
        feat(151, s0.t, d, 0),
        feat(152, b0.w, d, 0),
        feat(153, b0.t, d, 0),
        feat(154, s0.w, b0.w, d),
        feat(155, s0.t, b0.t, d),
        feat(156, s1.t, s0.t, d2),
        feat(157, s1.w, s0.w, d2),
        feat(158, s1.wt, s0.t, d2),
        feat(159, s1.t, s0.wt, d2),
        feat(160, s0.w, s0vr, 0),
        feat(161, s0.t, s0vr, 0),
        feat(162, s0.w, s0vl, 0),
        feat(163, s0.t, s0vl, 0),
        feat(164, b0.w, b0vl, 0),
        feat(165, b0.t, b0vl, 0),
        feat(166, s1.t, s1vr, 0),
        feat(167, s1.w, s1vr, 0),
    ]);
    if with_roles {
        push_role_features(out, S0L..ROLES, &nodes);
    }
    out.extend_from_slice(&[
        feat(182, s0.t, s0l.t, s0l2.t),
        feat(183, s0.t, s0r.t, s0r2.t),
        feat(184, b0.t, b0l.t, b0l2.t),
        feat(185, s1.t, s1l.t, s1r.t),
        feat(186, s0.wt, b0.t, b1.t),
        feat(187, s0.t, b0.wt, b1.t),
        feat(188, s1.t, s0.wt, b0.t),
        feat(189, s1.t, s0.t, b0.wt),
    ]);
    let lab = |x: Option<usize>| -> u64 {
        x.and_then(|x| st.labels.get(x))
            .map_or(u64::from(NO_LABEL) + 1, |&l| u64::from(l))
    };
    let set = |x: Option<usize>, side: usize| -> u64 {
        x.and_then(|x| st.label_sets.get(x))
            .map_or(u64::MAX, |s| s[side])
    };
    let (s0l_i, s0r_i, b0l_i, s1r_i) = (ids[S0L], ids[S0R], ids[B0L], ids[S1R]);
    out.extend_from_slice(&[
        feat(300, s0.t, lab(s0l_i), 0),
        feat(301, s0.t, lab(s0r_i), 0),
        feat(302, b0.t, lab(b0l_i), 0),
        feat(303, s1.t, lab(s1r_i), 0),
        feat(304, lab(ids[S0L2]), s0.t, 0),
        feat(305, lab(ids[S0R2]), s0.t, 0),
        feat(306, lab(ids[B0L2]), b0.t, 0),
        feat(307, s0.t, set(s0i, 0), 0),
        feat(308, s0.t, set(s0i, 1), 0),
        feat(309, b0.t, set(b0i, 0), 0),
        feat(310, s1.t, set(s1i, 1), 0),
        feat(311, s0.w, set(s0i, 1), 0),
        feat(312, b0.w, set(b0i, 0), 0),
        feat(313, s1.t, s0.t, set(s0i, 0)),
        feat(314, s0.t, b0.t, set(b0i, 0)),
    ]);
    Roles { ids, nodes }
}

/// Features for the provisional label of the arc `head → dep` about to be made.
pub(crate) fn arc_features(
    st: &State,
    lex: &[Lex],
    tags: &[u8],
    head: usize,
    dep: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let w = |x: usize| -> u64 {
        if x == 0 {
            ROOT
        } else {
            lex.get(x - 1).map_or(NONE, |l| l.word)
        }
    };
    let t = |x: usize| -> u64 {
        if x == 0 {
            ROOT
        } else {
            tags.get(x - 1).map_or(NONE, |&t| mix(21, u64::from(t)))
        }
    };
    let lab = |x: usize| -> u64 { st.labels.get(x).map_or(999, |&l| u64::from(l)) };
    let dir = u64::from(dep < head);
    let dist = if head == 0 {
        0
    } else {
        dep.abs_diff(head).min(8) as u64 + 1
    };
    let (dw, dt, hw, ht) = (w(dep), t(dep), w(head), t(head));
    let sets = st.label_sets.get(dep).copied().unwrap_or_default();
    let hsets = st.label_sets.get(head).copied().unwrap_or_default();
    let dl = st.left.get(dep).map_or(0, |l| l[0]);
    let dr = st.right.get(dep).map_or(0, |r| r[0]);
    out.extend_from_slice(&[
        feat(400, 0, 0, 0),
        feat(401, dw, dir, 0),
        feat(402, dt, dir, 0),
        feat(403, hw, dir, 0),
        feat(404, ht, dir, 0),
        feat(405, dt, ht, dir),
        feat(406, dw, ht, dir),
        feat(407, dt, hw, dir),
        feat(408, dw, hw, dir),
        feat(409, dt, ht, dist),
        feat(410, dt, sets[0], sets[1]),
        feat(411, dt, sets[0], dir),
        feat(412, dt, sets[1], dir),
        feat(413, ht, hsets[usize::from(dep > head)], dir),
        feat(414, dt, if dl == 0 { 999 } else { lab(dl) }, w(dl)),
        feat(415, dt, if dr == 0 { 999 } else { lab(dr) }, t(dr)),
        feat(416, dt, t(dep + 1), dir),
        feat(417, dt, if dep > 1 { t(dep - 1) } else { NONE }, dir),
        feat(418, dw, dt, dir),
    ]);
}

/// Parses greedily with the move classifier `c` and the provisional labeller `arcs`; returns
/// heads indexed by node (`heads[0]` unused). Training decodes with this; the shipped model
/// with [`parse_weights`], which gives the same heads.
pub(crate) fn parse<C: Classifier, A: Classifier>(
    c: &C,
    arcs: &A,
    lex: &[Lex],
    tags: &[u8],
) -> Vec<usize> {
    let mut st = State::for_sentence(lex);
    let mut feats = Vec::with_capacity(128);
    while !st.done() {
        // A forced move is the one `c.best` would return whatever the scores (about one move in
        // twelve on news; see docs/syntax.md): skip its features and lookups.
        let m = match st.forced() {
            Some(m) => m,
            None => {
                features(&st, lex, tags, &mut feats);
                let Some(m) = c.best(&feats, |m| st.valid(m)) else {
                    break;
                };
                m
            }
        };
        let label = provisional_label(&st, arcs, lex, tags, m, &mut feats);
        st.apply_labelled(m, label);
    }
    st.heads
}

/// The provisional label of the arc move `m` makes, if a later scored move can read it.
fn provisional_label<A: Classifier>(
    st: &State,
    arcs: &A,
    lex: &[Lex],
    tags: &[u8],
    m: usize,
    feats: &mut Vec<u64>,
) -> u8 {
    // Provisional labels are read only by the features of later scored moves; once the
    // buffer is empty every move left is a forced RIGHT, scored by nothing.
    let arc = if st.b > st.n { None } else { st.arc(m) };
    match arc {
        Some((h, d)) => {
            arc_features(st, lex, tags, h, d, feats);
            arcs.best(feats, |_| true)
                .map_or(NO_LABEL, |l| u8::try_from(l).unwrap_or(NO_LABEL))
        }
        None => NO_LABEL,
    }
}

/// Each node's summed weights in each role, filled in as the parse first needs them. A node in
/// a role gives the same one-node features at every move ([`ROLE_TEMPLATES`]), and a sentence's
/// moves meet the same node in the same role again and again (about half of the parser's
/// lookups repeated one made earlier in the sentence), so those lookups are made once.
struct RoleScores {
    /// Indexed by slot (node 0..=n, then `n + 1` for no node) * ROLES + role.
    sums: Vec<Option<[i32; MOVES]>>,
    none_slot: usize,
}

impl RoleScores {
    fn new(n: usize) -> Self {
        RoleScores {
            sums: vec![None; (n + 2) * ROLES],
            none_slot: n + 1,
        }
    }

    /// Adds the weights of every role's features into `scores`.
    fn add(&mut self, c: &Weights, roles: &Roles, scores: &mut [i32; SCORES]) {
        for (r, (id, node)) in roles.ids.iter().zip(&roles.nodes).enumerate() {
            let slot = id.unwrap_or(self.none_slot) * ROLES + r;
            let Some(entry) = self.sums.get_mut(slot) else {
                continue;
            };
            let sum = *entry.get_or_insert_with(|| {
                let mut sum = [0i32; MOVES];
                for &(template, part) in ROLE_TEMPLATES[r] {
                    let row = c.row3(feat(template, node.part(part), 0, 0));
                    for (s, v) in sum.iter_mut().zip(row) {
                        *s += v;
                    }
                }
                sum
            });
            for (s, v) in scores.iter_mut().zip(sum) {
                *s += v;
            }
        }
    }
}

/// [`parse`] for the shipped model's integer weights, with the same heads: the one-node
/// features' weights come from [`RoleScores`] (integer sums, so the order of adding changes
/// nothing). A move classifier of more than three classes (no shipped model has one) falls back
/// to [`parse`].
pub(crate) fn parse_weights(c: &Weights, arcs: &Weights, lex: &[Lex], tags: &[u8]) -> Vec<usize> {
    if c.n_classes() > MOVES {
        return parse(c, arcs, lex, tags);
    }
    let mut st = State::for_sentence(lex);
    let mut roles = RoleScores::new(lex.len());
    let mut feats = Vec::with_capacity(128);
    let mut scores = [0i32; SCORES];
    while !st.done() {
        let m = match st.forced() {
            Some(m) => m,
            None => {
                let r = write_features(&st, lex, tags, &mut feats, false);
                c.score(&feats, &mut scores);
                roles.add(c, &r, &mut scores);
                let Some(m) = argmax_int(&scores[..c.n_classes()], |m| st.valid(m)) else {
                    break;
                };
                m
            }
        };
        let label = provisional_label(&st, arcs, lex, tags, m, &mut feats);
        st.apply_labelled(m, label);
    }
    st.heads
}

/// Makes gold heads projective by lifting: while some arc crosses another, its dependent is
/// re-attached to its grandparent (the arc-hybrid system can only build projective trees, and
/// its dynamic oracle is exact only for them).
pub(crate) fn projectivize(heads: &mut [usize]) {
    // A sentence has far fewer crossing arcs than words; the bound only guards against loops.
    for _ in 0..heads.len() * 2 {
        let Some(d) = shortest_crossing(heads) else {
            return;
        };
        heads[d] = heads[heads[d]];
    }
}

fn shortest_crossing(heads: &[usize]) -> Option<usize> {
    let n = heads.len();
    let mut best: Option<(usize, usize)> = None;
    for d in 1..n {
        let h = heads[d];
        let (lo, hi) = (d.min(h), d.max(h));
        // An arc is non-projective when a word inside its span is not dominated by its head.
        let crosses = (lo + 1..hi).any(|k| !dominates(heads, h, k));
        if crosses && best.is_none_or(|(len, _)| hi - lo < len) {
            best = Some((hi - lo, d));
        }
    }
    best.map(|b| b.1)
}

fn dominates(heads: &[usize], h: usize, mut k: usize) -> bool {
    for _ in 0..heads.len() {
        if k == h {
            return true;
        }
        if k == 0 {
            return false;
        }
        k = heads[k];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dynamic oracle's zero-cost path rebuilds any projective tree exactly.
    #[test]
    fn oracle_follows_gold() {
        // 1 ← 2 → 4, 3 ← 4, root → 2 ; 5 ← 2
        let gold = vec![0, 2, 0, 4, 2, 2];
        let mut kids = vec![Vec::new(); gold.len()];
        for d in 1..gold.len() {
            kids[gold[d]].push(d);
        }
        let mut st = State::new(5);
        while !st.done() {
            let c = st.costs(&gold, &kids);
            let m = (0..MOVES).find(|&m| c[m] == 0).expect("a zero-cost move");
            st.apply(m);
        }
        assert_eq!(st.heads, gold);
    }

    /// A move is forced exactly when it is the only valid one; then the parser skips scoring.
    #[test]
    fn forced_moves_are_the_only_valid_ones() {
        let gold = vec![0, 2, 0, 4, 2, 2];
        let mut kids = vec![Vec::new(); gold.len()];
        for d in 1..gold.len() {
            kids[gold[d]].push(d);
        }
        let mut st = State::new(5);
        let mut forced = 0;
        while !st.done() {
            let valid: Vec<usize> = (0..MOVES).filter(|&m| st.valid(m)).collect();
            match st.forced() {
                Some(m) => {
                    assert_eq!(valid, [m]);
                    forced += 1;
                }
                None => assert!(valid.len() > 1, "{valid:?}"),
            }
            let c = st.costs(&gold, &kids);
            let m = (0..MOVES).find(|&m| c[m] == 0).expect("a zero-cost move");
            st.apply(m);
        }
        // The first SHIFT, the SHIFT after "1 ← 2" empties the stack to the root, and the
        // RIGHT moves once the buffer is empty.
        assert!(forced >= 3, "{forced}");
        assert_eq!(st.forced(), None);
    }

    #[test]
    fn lifts_crossing_arcs() {
        // 4 → 2 spans 3, whose head is 1: lifted, 2 hangs from 1.
        let mut heads = vec![0, 0, 4, 1, 1];
        projectivize(&mut heads);
        assert_eq!(heads, vec![0, 0, 1, 1, 1]);
    }
}
