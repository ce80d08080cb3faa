//! The consolidated current stance of each actor on each issue, from every stance record and
//! evidence item known as of a date.
//!
//! Method (all as of the date `D`, using only what [`super::asof`] lets through):
//! 1. Records: the actor's stance records on the issue that are known and in force on `D`.
//! 2. Weight of a record `r`: `w_r = confidence_r × recency_r × support_r`, where
//!    `recency_r = 0.5^(age_r / half_life)` with `age_r` the days from the record's latest
//!    visible evidence to `D`, and `support_r = Σ_s 1/k_s` over the independent sources `s` the
//!    record cites (see [`super::asof`]), `k_s` being the number of records citing `s`: a source
//!    cited by several records is shared out among them, so it is never counted twice.
//!    Because the decay is exponential, the *ratio* of two records' weights does not change with
//!    `D`, so positions only change when evidence arrives or ends.
//! 3. Sides: records are sorted by position and split wherever two neighbours are more than
//!    `conflict_gap` points apart (single linkage in one dimension). One side means agreement;
//!    several sides are a conflict, and every side is reported with its share of the weight.
//! 4. The headline is the heaviest side (never an average across sides): its weighted mean
//!    position and salience, its heaviest label and the union of its records' conditions.
//! 5. Confidence: `share × (1 − Π_s (1 − c_s))`, a noisy-OR over the heaviest side's independent
//!    sources (`c_s` the highest confidence among the side's records citing `s`), scaled by that
//!    side's share of all the weight. More independent sources raise it; conflict lowers it.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::asof::{DocumentIndex, KnownStance, SourceKey, known_stance};
use super::error::{AnalysisError, check_at_least};
use crate::dossier::Dossier;
use crate::model::{Condition, Stance, StanceLabel};
use crate::names::{ActorName, DisputeName, DocumentName, IssueName, StanceName};
use crate::values::{Confidence, Position, Salience};

/// Tuning of the consolidation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConsolidateOptions {
    /// Days after which a record's weight halves.
    pub half_life_days: f64,
    /// Positions more than this many points apart are on different sides of a conflict.
    pub conflict_gap: f64,
}

impl Default for ConsolidateOptions {
    fn default() -> Self {
        Self {
            half_life_days: 180.0,
            conflict_gap: 25.0,
        }
    }
}

impl ConsolidateOptions {
    /// # Errors
    /// [`AnalysisError::InvalidOption`] for a half-life that is not positive or a negative gap.
    pub fn check(&self) -> Result<(), AnalysisError> {
        check_at_least(
            "half_life_days",
            self.half_life_days,
            f64::MIN_POSITIVE,
            "a positive number of days",
        )?;
        check_at_least(
            "conflict_gap",
            self.conflict_gap,
            0.0,
            "0 or more position points",
        )
    }
}

/// One evidence item behind a consolidated stance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceRef {
    /// The stance record the item belongs to.
    pub stance: StanceName,
    /// When the evidence became known.
    pub date: NaiveDate,
    /// The independent source it counts as.
    pub source: SourceKey,
    /// The document it cites, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentName>,
    /// The quoted text, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Who said it, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<ActorName>,
}

/// One side of a conflict: records whose positions cluster together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StanceSide {
    /// The side's weighted mean position.
    pub position: Position,
    /// The heaviest label among the side's records.
    pub label: StanceLabel,
    /// This side's share of the total weight, 0..=1.
    pub share: f64,
    /// How many independent sources back the side.
    pub sources: usize,
    /// The stance records on this side.
    pub records: Vec<StanceName>,
    /// Their evidence, newest first.
    pub evidence: Vec<EvidenceRef>,
}

/// An actor's current stance on an issue, consolidated from all its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsolidatedStance {
    /// The actor holding the stance.
    pub actor: ActorName,
    /// The issue it is on.
    pub issue: IssueName,
    /// The weighted mean position of the heaviest side (0–100).
    pub position: Position,
    /// The weighted mean salience of the heaviest side (0–1).
    pub salience: Salience,
    /// The heaviest label of the heaviest side.
    pub label: StanceLabel,
    /// The union of the heaviest side's conditions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// How sure the consolidation is: the heaviest side's share times the noisy-or of its records' confidences.
    pub confidence: Confidence,
    /// Independent sources behind the headline side.
    pub sources: usize,
    /// The latest evidence date behind the headline side.
    pub last_evidence: NaiveDate,
    /// The stance records behind the headline side.
    pub records: Vec<StanceName>,
    /// The evidence behind the headline side.
    pub evidence: Vec<EvidenceRef>,
    /// Every side, heaviest first, when the evidence disagrees (absent when it agrees).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conflict: Option<Vec<StanceSide>>,
}

impl ConsolidatedStance {
    /// Whether the evidence splits into sides further apart than the conflict gap.
    #[must_use]
    pub fn is_contested(&self) -> bool {
        self.conflict.is_some()
    }
}

/// The current stances of every actor on every issue of `dispute`, as of `as_of`, with the
/// default options. This is the entry point for other components (forecasting, reports).
///
/// # Errors
/// [`AnalysisError::UnknownDispute`] when the dossier has no such dispute.
pub fn current_stances(
    dossier: &Dossier,
    dispute: &DisputeName,
    as_of: NaiveDate,
) -> Result<Vec<ConsolidatedStance>, AnalysisError> {
    current_stances_with(dossier, dispute, as_of, &ConsolidateOptions::default())
}

/// [`current_stances`] with explicit options.
///
/// # Errors
/// [`AnalysisError::UnknownDispute`] or [`AnalysisError::InvalidOption`].
pub fn current_stances_with(
    dossier: &Dossier,
    dispute: &DisputeName,
    as_of: NaiveDate,
    options: &ConsolidateOptions,
) -> Result<Vec<ConsolidatedStance>, AnalysisError> {
    if !dossier.disputes.iter().any(|d| &d.name == dispute) {
        return Err(AnalysisError::UnknownDispute(dispute.to_string()));
    }
    let stances: Vec<Stance> = dossier
        .stances
        .iter()
        .filter(|s| &s.issue.dispute() == dispute)
        .cloned()
        .collect();
    consolidate(
        &stances,
        &DocumentIndex::new(&dossier.documents),
        as_of,
        options,
    )
}

/// Consolidates every (actor, issue) pair found in `stances`, in parallel, sorted by actor then
/// issue.
///
/// # Errors
/// [`AnalysisError::InvalidOption`] when the options are out of range.
pub fn consolidate(
    stances: &[Stance],
    docs: &DocumentIndex<'_>,
    as_of: NaiveDate,
    options: &ConsolidateOptions,
) -> Result<Vec<ConsolidatedStance>, AnalysisError> {
    options.check()?;
    let mut known: Vec<KnownStance<'_>> = stances
        .par_iter()
        .filter(|s| s.valid_on(as_of))
        .filter_map(|s| known_stance(s, docs, as_of))
        .collect();
    known.par_sort_unstable_by(|a, b| {
        (&a.stance.actor, &a.stance.issue, &a.stance.name).cmp(&(
            &b.stance.actor,
            &b.stance.issue,
            &b.stance.name,
        ))
    });
    let groups: Vec<&[KnownStance<'_>]> = known
        .chunk_by(|a, b| a.stance.actor == b.stance.actor && a.stance.issue == b.stance.issue)
        .collect();
    Ok(groups
        .par_iter()
        .filter_map(|group| consolidate_group(group, docs, as_of, options))
        .collect())
}

/// A record with its weight and sources, while consolidating one group.
struct Weighted<'k, 'a> {
    known: &'k KnownStance<'a>,
    weight: f64,
    /// Distinct sources of the record.
    sources: Vec<SourceKey>,
    /// The source of each visible evidence item, in item order.
    item_sources: Vec<SourceKey>,
}

/// Consolidates the known, in-force records of one actor on one issue. `None` for an empty group.
#[must_use]
pub fn consolidate_group(
    group: &[KnownStance<'_>],
    docs: &DocumentIndex<'_>,
    as_of: NaiveDate,
    options: &ConsolidateOptions,
) -> Option<ConsolidatedStance> {
    let first = group.first()?;
    let item_sources: Vec<Vec<SourceKey>> = group.iter().map(|k| item_sources(k, docs)).collect();
    let sources_per_record: Vec<Vec<SourceKey>> = group
        .iter()
        .zip(&item_sources)
        .map(|(k, items)| distinct_sources(k, items))
        .collect();
    // support_r = Σ_s 1/k_s; a lone record's sources are all its own (k_s = 1).
    let supports: Vec<f64> = if group.len() == 1 {
        sources_per_record.iter().map(|s| s.len() as f64).collect()
    } else {
        let mut citing: HashMap<&SourceKey, usize> = HashMap::new();
        for sources in &sources_per_record {
            for s in sources {
                *citing.entry(s).or_default() += 1;
            }
        }
        sources_per_record
            .iter()
            .map(|sources| {
                sources
                    .iter()
                    .map(|s| 1.0 / citing.get(s).copied().unwrap_or(1) as f64)
                    .sum()
            })
            .collect()
    };
    let mut weighted: Vec<Weighted<'_, '_>> = group
        .iter()
        .zip(sources_per_record.into_iter().zip(item_sources))
        .zip(supports)
        .map(|((k, (sources, items)), support)| {
            let age = (as_of - k.last_seen).num_days().max(0) as f64;
            let recency = 0.5_f64.powf(age / options.half_life_days);
            Weighted {
                known: k,
                weight: k.stance.confidence.get() * recency * support,
                sources,
                item_sources: items,
            }
        })
        .collect();
    weighted.sort_by(|a, b| {
        a.known
            .stance
            .position
            .get()
            .total_cmp(&b.known.stance.position.get())
            .then_with(|| a.known.stance.name.cmp(&b.known.stance.name))
    });
    let total: f64 = weighted.iter().map(|w| w.weight).sum();
    let mut sides: Vec<Vec<&Weighted<'_, '_>>> = Vec::new();
    let mut last: Option<f64> = None;
    for w in &weighted {
        let p = w.known.stance.position.get();
        match (last, sides.last_mut()) {
            (Some(prev), Some(side)) if p - prev <= options.conflict_gap => side.push(w),
            _ => sides.push(vec![w]),
        }
        last = Some(p);
    }
    let mut summaries: Vec<SideSummary> = sides
        .iter()
        .map(|s| summarize(s, total, weighted.len()))
        .collect();
    // Heaviest first; ties go to the side with the newer evidence, then the lower position.
    summaries.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| b.last_evidence.cmp(&a.last_evidence))
            .then_with(|| a.side.position.get().total_cmp(&b.side.position.get()))
    });
    let conflict =
        (summaries.len() > 1).then(|| summaries.iter().map(|s| s.side.clone()).collect());
    let head = summaries.into_iter().next()?;
    Some(ConsolidatedStance {
        actor: first.stance.actor.clone(),
        issue: first.stance.issue.clone(),
        position: head.side.position,
        salience: head.salience,
        label: head.side.label,
        conditions: head.conditions,
        confidence: Confidence::saturating(head.side.share * head.noisy_or),
        sources: head.side.sources,
        last_evidence: head.last_evidence,
        records: head.side.records,
        evidence: head.side.evidence,
        conflict,
    })
}

#[derive(Clone)]
struct SideSummary {
    side: StanceSide,
    weight: f64,
    salience: Salience,
    conditions: Vec<Condition>,
    noisy_or: f64,
    last_evidence: NaiveDate,
}

/// A weighted mean to nine decimals: dividing by the summed weights leaves float noise
/// (`100 · 0.68 / 0.68` = `99.99999999999999`) that every interface would otherwise print.
fn tidy(x: f64) -> f64 {
    (x * 1e9).round() / 1e9
}

fn summarize(side: &[&Weighted<'_, '_>], total: f64, records_in_group: usize) -> SideSummary {
    let weight: f64 = side.iter().map(|w| w.weight).sum();
    // With zero total weight (all confidences zero) fall back to plain means.
    let wt = |w: &Weighted<'_, '_>| if weight > 0.0 { w.weight } else { 1.0 };
    let norm: f64 = side.iter().map(|w| wt(w)).sum();
    let mean = |f: &dyn Fn(&Stance) -> f64| -> f64 {
        side.iter().map(|w| wt(w) * f(w.known.stance)).sum::<f64>() / norm
    };
    let position = Position::saturating(tidy(mean(&|s| s.position.get())));
    let salience = Salience::saturating(tidy(mean(&|s| s.salience.get())));
    let mut label_weight: BTreeMap<StanceLabel, f64> = BTreeMap::new();
    for w in side {
        *label_weight.entry(w.known.stance.label).or_default() += wt(w);
    }
    let label = label_weight
        .iter()
        .fold(None::<(StanceLabel, f64)>, |best, (&l, &x)| match best {
            Some((_, bx)) if bx >= x => best,
            _ => Some((l, x)),
        })
        .map_or(StanceLabel::Ambiguous, |(l, _)| l);
    // Conditions: union by (issue, required), text from the heaviest record stating it.
    let mut by_weight: Vec<&&Weighted<'_, '_>> = side.iter().collect();
    by_weight.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let mut conditions: Vec<Condition> = Vec::new();
    for w in &by_weight {
        for c in &w.known.stance.conditions {
            if !conditions
                .iter()
                .any(|x| x.issue == c.issue && x.required == c.required)
            {
                conditions.push(c.clone());
            }
        }
    }
    let mut best_conf: BTreeMap<&SourceKey, f64> = BTreeMap::new();
    for w in side {
        for s in &w.sources {
            let c = w.known.stance.confidence.get();
            let e = best_conf.entry(s).or_insert(c);
            *e = e.max(c);
        }
    }
    let noisy_or = 1.0 - best_conf.values().map(|c| 1.0 - c).product::<f64>();
    let mut records: Vec<StanceName> = side.iter().map(|w| w.known.stance.name.clone()).collect();
    records.sort();
    let mut evidence: Vec<EvidenceRef> = side
        .iter()
        .flat_map(|w| {
            w.known
                .evidence
                .iter()
                .zip(&w.item_sources)
                .map(|(d, s)| EvidenceRef {
                    stance: w.known.stance.name.clone(),
                    date: d.date,
                    source: s.clone(),
                    document: d.evidence.document.clone(),
                    quote: d.evidence.quote.clone(),
                    speaker: d.evidence.speaker.clone(),
                })
        })
        .collect();
    evidence.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.stance.cmp(&b.stance)));
    let last_evidence = side
        .iter()
        .map(|w| w.known.last_seen)
        .max()
        .unwrap_or(NaiveDate::MIN);
    SideSummary {
        side: StanceSide {
            position,
            label,
            share: if total > 0.0 {
                weight / total
            } else {
                side.len() as f64 / records_in_group.max(1) as f64
            },
            sources: best_conf.len(),
            records,
            evidence,
        },
        weight,
        salience,
        conditions,
        noisy_or,
        last_evidence,
    }
}

/// The source of each visible evidence item of a record, in item order.
fn item_sources(known: &KnownStance<'_>, docs: &DocumentIndex<'_>) -> Vec<SourceKey> {
    let record = known.stance.name.as_str();
    known
        .evidence
        .iter()
        .map(|d| docs.source_of(d.evidence, record))
        .collect()
}

/// The distinct sources a record cites; a record without visible evidence is its own source.
fn distinct_sources(known: &KnownStance<'_>, items: &[SourceKey]) -> Vec<SourceKey> {
    if items.is_empty() {
        return vec![SourceKey {
            channel: format!("record:{}", known.stance.name),
            speaker: None,
        }];
    }
    let mut out = items.to_vec();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testutil::{cites, close, condition, date, doc, kuril, stance};
    use crate::model::RequiredOutcome;

    #[test]
    fn a_weighted_mean_carries_no_float_noise() {
        // 100 · 0.68 / 0.68 is 99.99999999999999 in f64; a consolidated position says 100.
        assert_ne!(100.0 * 0.68 / 0.68, 100.0);
        assert_eq!(tidy(100.0 * 0.68 / 0.68), 100.0);
        assert_eq!(tidy(106.5 / 1.35), 78.888_888_889);
        assert_eq!(tidy(0.1 + 0.2), 0.3);
    }

    /// Actor A on issue X as of 2020-07-01, half-life 180 days, conflict gap 25:
    /// - r1: 80 support, conf 0.8, seen 2020-07-01 (age 0, recency 1) via Reuters/P and AP/P;
    /// - r2: 70 conditional, conf 0.6, seen 2020-01-03 (age 180, recency 0.5) via Reuters/P
    ///   (another Reuters article quoting P: the same source as r1's Reuters item);
    /// - r3: 10 oppose, conf 0.9, seen 2019-07-07 (age 360, recency 0.25) via TASS/Q.
    ///
    /// Sources: (Reuters,P) cited by r1 and r2 → k=2; (AP,P) → k=1; (TASS,Q) → k=1.
    /// support: r1 = 1/2 + 1 = 1.5; r2 = 1/2; r3 = 1.
    /// weights: r1 = 0.8·1·1.5 = 1.2; r2 = 0.6·0.5·0.5 = 0.15; r3 = 0.9·0.25·1 = 0.225.
    /// Sides: 10 | 70, 80 (gap 60 > 25). Heaviest: {r1, r2}, 1.35 of 1.575 → share 6/7.
    /// Position = (1.2·80 + 0.15·70) / 1.35 = 106.5 / 1.35 = 78.888…
    /// Label: support (1.2) beats conditional (0.15).
    /// Confidence = 6/7 · (1 − (1−0.8)(1−0.8)) = 6/7 · 0.96 = 0.822857…
    fn scenario() -> (Vec<Stance>, Vec<crate::model::Document>) {
        let docs = vec![
            doc("reuters-1", "Reuters", "2020-07-01"),
            doc("ap-1", "AP", "2020-07-01"),
            doc("reuters-0", "Reuters", "2020-01-03"),
            doc("tass-0", "TASS", "2019-07-07"),
        ];
        let mut r1 = stance(
            "r1",
            "A",
            "x",
            80.0,
            0.8,
            StanceLabel::Support,
            "2020-06-01",
        );
        r1.evidence = vec![
            cites("reuters-1", "P", "yes"),
            cites("ap-1", "P", "yes indeed"),
        ];
        let mut r2 = stance(
            "r2",
            "A",
            "x",
            70.0,
            0.6,
            StanceLabel::Conditional,
            "2020-01-01",
        );
        r2.evidence = vec![cites("reuters-0", "P", "yes, if")];
        r2.conditions = vec![condition("z", RequiredOutcome::Resolved)];
        let mut r3 = stance("r3", "A", "x", 10.0, 0.9, StanceLabel::Oppose, "2019-07-01");
        r3.evidence = vec![cites("tass-0", "Q", "never")];
        (vec![r1, r2, r3], docs)
    }

    #[test]
    fn ages_in_the_scenario_are_as_stated() {
        assert_eq!((date("2020-07-01") - date("2020-01-03")).num_days(), 180);
        assert_eq!((date("2020-07-01") - date("2019-07-07")).num_days(), 360);
    }

    #[test]
    fn weighs_recency_confidence_and_independent_sources() {
        let (stances, docs) = scenario();
        let index = DocumentIndex::new(&docs);
        let out = consolidate(
            &stances,
            &index,
            date("2020-07-01"),
            &ConsolidateOptions::default(),
        )
        .expect("valid options");
        assert_eq!(out.len(), 1);
        let c = &out[0];
        assert!(close(c.position.get(), 106.5 / 1.35), "{}", c.position);
        assert!(close(c.salience.get(), 0.5));
        assert_eq!(c.label, StanceLabel::Support);
        assert!(
            close(c.confidence.get(), 6.0 / 7.0 * 0.96),
            "{}",
            c.confidence
        );
        assert_eq!(c.sources, 2);
        assert_eq!(c.last_evidence, date("2020-07-01"));
        assert_eq!(c.records.len(), 2);
        assert_eq!(c.evidence.len(), 3);
        // r2's condition belongs to the headline side.
        assert_eq!(c.conditions.len(), 1);
        // The opposing evidence is surfaced, not averaged away.
        let sides = c.conflict.as_ref().expect("conflict surfaced");
        assert_eq!(sides.len(), 2);
        assert!(close(sides[0].share, 6.0 / 7.0));
        assert!(close(sides[1].share, 1.0 / 7.0));
        assert!(close(sides[1].position.get(), 10.0));
        assert_eq!(sides[1].label, StanceLabel::Oppose);
        assert_eq!(sides[1].evidence[0].quote.as_deref(), Some("never"));
    }

    #[test]
    fn a_wider_gap_merges_the_sides() {
        // With gap 60 the three records are one side: weighted mean of all three,
        // (1.2·80 + 0.15·70 + 0.225·10) / 1.575 = 108.75 / 1.575 = 69.047…
        let (stances, docs) = scenario();
        let index = DocumentIndex::new(&docs);
        let options = ConsolidateOptions {
            conflict_gap: 60.0,
            ..ConsolidateOptions::default()
        };
        let out = consolidate(&stances, &index, date("2020-07-01"), &options).expect("ok");
        assert!(out[0].conflict.is_none());
        assert!(close(out[0].position.get(), 108.75 / 1.575));
        assert_eq!(out[0].sources, 3);
    }

    #[test]
    fn as_of_ignores_later_records() {
        // As of 2020-06-30, r1 (from 2020-06-01 but published 2020-07-01) is not known yet.
        let (stances, docs) = scenario();
        let index = DocumentIndex::new(&docs);
        let out = consolidate(
            &stances,
            &index,
            date("2020-06-30"),
            &ConsolidateOptions::default(),
        )
        .expect("ok");
        let all: Vec<&str> = out[0]
            .conflict
            .iter()
            .flatten()
            .flat_map(|s| s.records.iter().map(StanceName::as_str))
            .collect();
        assert!(!all.contains(&"stances/r1"), "{all:?}");
        assert!(all.contains(&"stances/r2") && all.contains(&"stances/r3"));
    }

    #[test]
    fn rejects_bad_options() {
        let (stances, docs) = scenario();
        let index = DocumentIndex::new(&docs);
        let bad = ConsolidateOptions {
            half_life_days: 0.0,
            ..ConsolidateOptions::default()
        };
        let err = consolidate(&stances, &index, date("2020-07-01"), &bad).expect_err("bad");
        assert!(err.to_string().contains("half_life_days"), "{err}");
    }

    #[test]
    fn kuril_current_stances() {
        let dossier = kuril();
        let dispute = DisputeName::from_id("kuril-islands").expect("name");
        let out = current_stances(&dossier, &dispute, date("2018-09-30")).expect("known dispute");
        assert_eq!(out.len(), 6);
        let jpn_treaty = out
            .iter()
            .find(|s| s.actor.id() == "JPN" && s.issue.id() == "peace-treaty")
            .expect("Japan on the treaty");
        assert_eq!(jpn_treaty.label, StanceLabel::Conditional);
        assert!(close(jpn_treaty.position.get(), 75.0));
        // One record, one source: confidence is the record's own.
        assert!(close(jpn_treaty.confidence.get(), 0.85));
        assert_eq!(jpn_treaty.conditions[0].issue.id(), "sovereignty");
        // Nothing was published before 2018-09-19.
        assert!(
            current_stances(&dossier, &dispute, date("2018-09-18"))
                .expect("ok")
                .is_empty()
        );
        let missing = DisputeName::from_id("nope").expect("name");
        assert!(matches!(
            current_stances(&dossier, &missing, date("2018-09-30")),
            Err(AnalysisError::UnknownDispute(_))
        ));
    }
}
