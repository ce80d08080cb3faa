//! Counting: each gold tuple is matched to at most one predicted tuple (a maximum bipartite
//! matching, so aliases cannot let one prediction take two gold facts or two predictions one),
//! then true positives, false positives and misses are summed into a scorecard.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::facts::{FactType, Facts, Tuple};
use crate::gold::{Register, Split};

/// True positives, false positives and misses of one fact type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub misses: usize,
}

impl Counts {
    fn add(&mut self, other: Self) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.misses += other.misses;
    }

    /// TP / (TP + FP); 1 when nothing was predicted.
    #[must_use]
    pub fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// TP / (TP + FN); 1 when there was nothing to find.
    #[must_use]
    pub fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.misses)
    }

    #[must_use]
    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    #[must_use]
    pub fn figures(self) -> Figures {
        Figures {
            counts: self,
            precision: self.precision(),
            recall: self.recall(),
            f1: self.f1(),
        }
    }
}

#[allow(clippy::cast_precision_loss)] // counts are far below 2^52
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Counts with the figures computed from them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figures {
    #[serde(flatten)]
    pub counts: Counts,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// A false positive or a miss.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MistakeKind {
    FalsePositive,
    Miss,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mistake {
    pub fact: FactType,
    pub kind: MistakeKind,
    /// The fact as it reads (`JPN PROTEST CHN`).
    pub what: String,
    /// The sentence or quote it comes from.
    pub quote: String,
}

/// Compares one fact type: returns the counts and the mistakes.
#[must_use]
pub fn compare(fact: FactType, gold: &[Tuple], predicted: &[Tuple]) -> (Counts, Vec<Mistake>) {
    let core: Vec<&Tuple> = gold.iter().filter(|t| !t.optional).collect();
    let matched = maximum_matching(fact, &core, predicted);
    let mut counts = Counts::default();
    let mut mistakes = Vec::new();
    for (g, m) in core.iter().zip(&matched) {
        if m.is_some() {
            counts.tp += 1;
        } else {
            counts.misses += 1;
            mistakes.push(Mistake {
                fact,
                kind: MistakeKind::Miss,
                what: g.label.clone(),
                quote: g.quote.clone(),
            });
        }
    }
    let taken: Vec<usize> = matched.iter().flatten().copied().collect();
    for (i, p) in predicted.iter().enumerate() {
        if taken.contains(&i) {
            continue;
        }
        let optional_match = gold.iter().any(|g| g.optional && g.accepts(fact, p));
        if !optional_match {
            counts.fp += 1;
            mistakes.push(Mistake {
                fact,
                kind: MistakeKind::FalsePositive,
                what: p.label.clone(),
                quote: p.quote.clone(),
            });
        }
    }
    (counts, mistakes)
}

/// For each gold tuple, the predicted tuple it is matched with (Kuhn's augmenting paths; the
/// lists are a few dozen long).
fn maximum_matching(fact: FactType, gold: &[&Tuple], predicted: &[Tuple]) -> Vec<Option<usize>> {
    let edges: Vec<Vec<usize>> = gold
        .iter()
        .map(|g| {
            (0..predicted.len())
                .filter(|&j| g.accepts(fact, &predicted[j]))
                .collect()
        })
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; predicted.len()];
    for g in 0..gold.len() {
        let mut visited = vec![false; predicted.len()];
        augment(g, &edges, &mut owner, &mut visited);
    }
    let mut matched = vec![None; gold.len()];
    for (j, o) in owner.iter().enumerate() {
        if let Some(g) = o {
            matched[*g] = Some(j);
        }
    }
    matched
}

fn augment(g: usize, edges: &[Vec<usize>], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    for &j in &edges[g] {
        if seen[j] {
            continue;
        }
        seen[j] = true;
        if owner[j].is_none_or(|other| augment(other, edges, owner, seen)) {
            owner[j] = Some(g);
            return true;
        }
    }
    false
}

/// One article's result.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleScore {
    pub name: String,
    pub split: Split,
    pub register: Register,
    pub known_dispute: bool,
    pub counts: BTreeMap<FactType, Counts>,
    pub mistakes: Vec<Mistake>,
    /// Each predicted event and stance: its confidence and whether a gold fact accepts it.
    pub judged: Vec<Judged>,
}

/// A predicted fact with the extractor's confidence in it and whether it was right.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Judged {
    pub fact: FactType,
    pub confidence: f64,
    pub right: bool,
}

/// The facts whose confidence the reliability table reads.
pub const SCORED: [FactType; 4] = [
    FactType::Actors,
    FactType::Events,
    FactType::Stances,
    FactType::Dates,
];

/// Upper edges of the reliability table's confidence bins; the first bin starts at 0.
pub const BIN_EDGES: [f64; 6] = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

/// One row of a reliability table: the predicted facts whose confidence lies in
/// `from..to` (`to` included in the last bin), and how many of them were right.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bin {
    pub from: f64,
    pub to: f64,
    pub facts: usize,
    pub right: usize,
}

impl Bin {
    /// The share of the bin's facts that were right (0 for an empty bin).
    #[must_use]
    pub fn share_right(self) -> f64 {
        ratio(self.right, self.facts)
    }
}

/// Confidence against the share right, per bin: a calibrated extractor's facts of confidence
/// 0.8 are right about 80 % of the time.
#[must_use]
pub fn reliability(judged: &[Judged], fact: FactType) -> Vec<Bin> {
    let mut from = 0.0;
    let mut bins: Vec<Bin> = BIN_EDGES
        .iter()
        .map(|&to| {
            let b = Bin {
                from,
                to,
                facts: 0,
                right: 0,
            };
            from = to;
            b
        })
        .collect();
    for j in judged.iter().filter(|j| j.fact == fact) {
        let i = BIN_EDGES
            .iter()
            .position(|&to| j.confidence < to)
            .unwrap_or(BIN_EDGES.len() - 1);
        bins[i].facts += 1;
        bins[i].right += usize::from(j.right);
    }
    bins
}

impl ArticleScore {
    /// Scores one article's extraction against its gold.
    #[must_use]
    pub fn new(name: String, meta: &crate::gold::Meta, gold: &Facts, predicted: &Facts) -> Self {
        let mut counts = BTreeMap::new();
        let mut mistakes = Vec::new();
        for fact in FactType::ALL {
            let (c, m) = compare(fact, gold.get(fact), predicted.get(fact));
            counts.insert(fact, c);
            mistakes.extend(m);
        }
        let judged = SCORED
            .iter()
            .flat_map(|&fact| {
                predicted.scored(fact).map(move |(t, confidence)| Judged {
                    fact,
                    confidence,
                    right: gold.get(fact).iter().any(|g| g.accepts(fact, t)),
                })
            })
            .collect();
        Self {
            name,
            split: meta.split,
            register: meta.register,
            known_dispute: meta.known_dispute,
            counts,
            mistakes,
            judged,
        }
    }

    /// Whether the state-level events are exactly the gold's (PETRARCH's "coded as expected").
    #[must_use]
    pub fn events_exact(&self) -> bool {
        self.counts
            .get(&FactType::Events)
            .is_none_or(|c| c.fp == 0 && c.misses == 0)
    }
}

/// Figures of a set of articles.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub figures: BTreeMap<FactType, Figures>,
    /// Articles whose state-level events are exactly right.
    pub events_exact: usize,
    /// Per scored fact type ([`SCORED`]), confidence bins against the share right.
    pub reliability: BTreeMap<FactType, Vec<Bin>>,
}

impl Summary {
    fn of<'a>(scores: impl Iterator<Item = &'a ArticleScore>) -> Self {
        let mut totals: BTreeMap<FactType, Counts> = FactType::ALL
            .iter()
            .map(|f| (*f, Counts::default()))
            .collect();
        let (mut articles, mut exact) = (0, 0);
        let mut judged: Vec<Judged> = Vec::new();
        for s in scores {
            articles += 1;
            judged.extend_from_slice(&s.judged);
            exact += usize::from(s.events_exact());
            for (f, c) in &s.counts {
                totals.entry(*f).or_default().add(*c);
            }
        }
        Self {
            articles,
            figures: totals.into_iter().map(|(f, c)| (f, c.figures())).collect(),
            events_exact: exact,
            reliability: SCORED
                .iter()
                .map(|&f| (f, reliability(&judged, f)))
                .collect(),
        }
    }

    /// The share of articles whose state-level events are exactly right.
    #[must_use]
    pub fn events_exact_share(&self) -> f64 {
        ratio(self.events_exact, self.articles)
    }
}

/// The whole result: per article, overall, and per split.
#[derive(Debug, Clone, Serialize)]
pub struct Scorecard {
    pub overall: Summary,
    pub splits: BTreeMap<Split, Summary>,
    pub articles: Vec<ArticleScore>,
}

impl Scorecard {
    #[must_use]
    pub fn new(articles: Vec<ArticleScore>) -> Self {
        let mut splits = BTreeMap::new();
        for split in [Split::Dev, Split::Heldout] {
            if articles.iter().any(|a| a.split == split) {
                splits.insert(
                    split,
                    Summary::of(articles.iter().filter(|a| a.split == split)),
                );
            }
        }
        Self {
            overall: Summary::of(articles.iter()),
            splits,
            articles,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reliability_bins_count_the_right_facts_of_each_confidence() {
        let j = |fact, confidence, right| Judged {
            fact,
            confidence,
            right,
        };
        let judged = [
            j(FactType::Events, 0.88, true),
            j(FactType::Events, 0.85, false),
            j(FactType::Events, 0.3, false),
            // The top edge belongs to the last bin.
            j(FactType::Events, 1.0, true),
            j(FactType::Stances, 0.88, true),
        ];
        let bins = reliability(&judged, FactType::Events);
        assert_eq!(bins.len(), BIN_EDGES.len());
        let at = |from: f64| {
            bins.iter()
                .find(|b| (b.from - from).abs() < 1e-9)
                .copied()
                .expect("bin")
        };
        assert_eq!((at(0.8).facts, at(0.8).right), (2, 1));
        assert!((at(0.8).share_right() - 0.5).abs() < 1e-9);
        assert_eq!((at(0.0).facts, at(0.0).right), (1, 0));
        assert_eq!((at(0.9).facts, at(0.9).right), (1, 1));
        assert_eq!(bins.iter().map(|b| b.facts).sum::<usize>(), 4);
    }
}
