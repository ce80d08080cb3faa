//! Event stage: PLOVER events from event cues with their source and target actors, mode, CAMEO
//! code, intensity, status (planned or past), negation, date, location and linked issues. Reports
//! of the same event across sentences are merged into one event with several pieces of evidence.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::attribution::{clause_at, resolve};
use super::event_args::{self, SanctionKind, Who};
use super::gates;
use super::ir::{DateMention, Doc, Item, ItemKind};
use super::knowledge::{Args, Cue, Knowledge};
use super::lang::Class;
use super::output::{Clause, EventFact};
use super::syntax::{Subject, direct_objects_after, objects_after, possessor, subject_before};
use polemos_core::model::{DisputeKind, EventStatus, FuzzyDate, PloverType};

/// The issue name of topic `topic` under the dispute of sentence `s`, if it has one.
#[must_use]
pub fn issue_name(k: &Knowledge, doc: &Doc<'_>, s: usize, topic: usize) -> Option<String> {
    let d = doc.sentence_dispute.get(s).copied().flatten()?;
    let dispute = &doc.disputes[d];
    Some(format!("{}/issues/{}", dispute.name, k.topics[topic].id))
}

fn fits(date: &DateMention, status: EventStatus, published: Option<NaiveDate>) -> bool {
    match (date.date, published) {
        (Some(d), Some(p)) => match status {
            EventStatus::Planned => d >= p,
            EventStatus::Past => d <= p,
        },
        _ => true,
    }
}

/// A possessive pronoun in a leading phrase ("During his meeting..., the minister...") points
/// forward to the main clause's subject.
fn cataphora(doc: &Doc<'_>, items: &[Item], at: usize, s: usize) -> Option<usize> {
    let sentence = &doc.sentences[s];
    let first = doc.tok(sentence.tokens.start);
    let leading = [
        "during",
        "in",
        "at",
        "after",
        "before",
        "ahead",
        "following",
    ]
    .iter()
    .any(|w| first.eq_ignore_ascii_case(w));
    if !leading {
        return None;
    }
    let comma = (sentence.tokens.clone()).find(|&t| doc.tok(t) == ",")?;
    if items[at].tok > comma {
        return None;
    }
    items.iter().find_map(|it| match it.kind {
        ItemKind::Actor {
            actor,
            adjectival: false,
            possessive: false,
            ..
        } if it.tok > comma => Some(actor),
        _ => None,
    })
}

/// The actor named right before a noun cue, as its modifier: "the People's Liberation Army
/// joint military drills", "Chinese drills". Not for sanctions: "Russian sanctions" are as often
/// sanctions on Russia as by it.
fn premodifier(doc: &Doc<'_>, items: &[Item], at: usize, ty: Option<PloverType>) -> Option<usize> {
    if ty == Some(PloverType::Sanction) {
        return None;
    }
    let cue = items[at];
    let prev = items[..at].iter().rev().find(|x| x.start < cue.start)?;
    let ItemKind::Actor {
        actor,
        possessive: false,
        ..
    } = prev.kind
    else {
        return None;
    };
    let close = cue.tok >= prev.tok_end
        && cue.tok - prev.tok_end <= 2
        && (prev.tok_end..cue.tok).all(|t| {
            doc.tok(t).starts_with(char::is_lowercase) && !doc.tok_is_a(t, Class::PossessorBreak)
        });
    close.then_some(actor)
}

/// How far before a noun cue a "by" shows its subject is not its agent, in tokens.
const SUBJECT_REACH: usize = 10;

/// The event's sources, and whether they were inferred rather than read.
fn sources(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    clause: &Clause,
    s: usize,
    args: Args,
) -> (Vec<usize>, bool) {
    // A cue that also introduces the clause ("Japan warned China ...") has its subject before
    // the clause, so the search starts at the sentence.
    let floor = if introduces(clause, &items[at]) {
        doc.sentences[s].tokens.start
    } else {
        doc.token_at(clause.start)
    };
    let ceil = doc.sentences[s].tokens.end;
    match args {
        Args::By => {
            let after = items.get(at + 1..).unwrap_or(&[]);
            let by = after
                .iter()
                .position(|it| matches!(it.kind, ItemKind::Actor { .. }));
            let _ = k;
            match by {
                Some(_) => (
                    objects_after(doc, items, at, ceil)
                        .into_iter()
                        .take(2)
                        .collect(),
                    false,
                ),
                None => (Vec::new(), false),
            }
        }
        Args::Noun => {
            // "talks between X and Y", "clashes between X and Y": the parties act together.
            let next = items[at].tok_end;
            if doc.tok_is_a(next, Class::Between) || doc.tok_is_a(next + 1, Class::Between) {
                let parties = objects_after(doc, items, at, ceil);
                if parties.len() >= 2 {
                    return (parties, false);
                }
            }
            let ty = match items[at].kind {
                ItemKind::Event(ev) => Some(k.events[ev].event_type),
                _ => None,
            };
            if let Some(a) = premodifier(doc, items, at, ty) {
                return (vec![a], false);
            }
            if let Some(p) = possessor(items, at, doc) {
                if let Subject::Pronoun(true) = p
                    && let Some(a) = cataphora(doc, items, at, s)
                {
                    return (vec![a], true);
                }
                if let Some(a) = resolve(doc, &p, clause.speaker, s) {
                    return (a, matches!(p, Subject::Pronoun(_)));
                }
            }
            let subject = subject_before(doc, items, at, floor);
            // "X is concerned by the drills": X is not who holds them.
            let by = (floor..items[at].tok)
                .rev()
                .take(SUBJECT_REACH)
                .any(|t| doc.tok_is_a(t, Class::AgentPreposition));
            if by {
                return (Vec::new(), false);
            }
            if let Some(a) = resolve(doc, &subject, clause.speaker, s) {
                return (a, matches!(subject, Subject::Pronoun(_)));
            }
            (clause.speaker.into_iter().collect(), true)
        }
        Args::Svo | Args::Dyad => {
            let subject = subject_before(doc, items, at, floor);
            let inferred = matches!(subject, Subject::Pronoun(_));
            (
                resolve(doc, &subject, clause.speaker, s).unwrap_or_default(),
                inferred,
            )
        }
    }
}

fn is_planned(items: &[Item], at: usize, clause: &Clause, args: Args) -> bool {
    if clause.hope {
        return true;
    }
    let cue = items[at];
    let plan_before = |window: usize| {
        items[..at].iter().rev().any(|it| {
            matches!(it.kind, ItemKind::Cue(Cue::Plan))
                && it.start >= clause.start
                && cue.tok.saturating_sub(it.tok_end) <= window
        })
    };
    match args {
        Args::Svo | Args::By | Args::Dyad => plan_before(6),
        Args::Noun => {
            plan_before(2)
                || items[at + 1..]
                    .iter()
                    .any(|it| matches!(it.kind, ItemKind::Cue(Cue::Plan)) && it.start < clause.end)
        }
    }
}

/// Codes every event of the document and merges repeated reports.
#[allow(clippy::too_many_lines)]
pub fn run(k: &Knowledge, doc: &mut Doc<'_>) {
    let mut out: Vec<EventFact> = Vec::new();
    let mut index: Index = HashMap::new();
    // Who "we" is when no speaker is named, found when a cue first needs it.
    let author = std::cell::OnceCell::new();
    let mut accusers: Vec<Accusation> = Vec::new();
    let mut acts: Vec<answered::Act> = Vec::new();
    for s in 0..doc.sentences.len() {
        if doc.sentences[s].headline {
            continue;
        }
        let items: &[Item] = doc.sentence_items(s);
        let mut last_span = (usize::MAX, usize::MAX);
        // Who accused whom lately, for a denial that follows.
        accusers.retain(|a| a.sentence + ACCUSER_REACH >= s);
        // Who acted lately, for a reaction that names no one.
        acts.retain(|a| a.sentence + answered::REACH >= s);
        // The subjects of the sentence's last event, for a predicate coordinated with it.
        let mut last_subjects: Vec<usize> = Vec::new();
        for (i, it) in items.iter().enumerate() {
            let ItemKind::Event(ev) = it.kind else {
                continue;
            };
            if (it.start, it.end) == last_span {
                continue;
            }
            last_span = (it.start, it.end);
            let mut cue = &k.events[ev];
            let mut converted = false;
            // "abandon full economic ties with X", "imposing a round of sanctions on X": a
            // sanction, whatever the verb alone is coded as, coded by the data's row for its
            // kind (cutting ties, recalling an envoy, imposing a penalty).
            if cue.args != Args::Noun
                && cue.event_type != PloverType::Sanction
                && let Some(kind) = gates::sanction_verb(doc, it)
                && let Some(c) = k.events.iter().find(|c| {
                    c.event_type == PloverType::Sanction
                        && c.args == Args::Svo
                        && c.objects.is_empty()
                        && match kind {
                            SanctionKind::Ties => c.mode == "withdraw",
                            SanctionKind::Envoy => c.mode == "sanction" && c.cameo == "161",
                            SanctionKind::Penalty => c.mode == "sanction" && c.cameo == "163",
                        }
                })
            {
                cue = c;
                converted = true;
            }
            // "restored full diplomatic ties", "delayed their meeting": a verb that names an
            // act only through its object.
            if !cue.objects.is_empty() && !event_args::object_headed_by(doc, it, &cue.objects) {
                continue;
            }
            doc.tick(items.len() * 4);
            let Some(clause) = clause_at(&doc.clauses, s, it.start).cloned() else {
                continue;
            };
            let direct = cue.event_type == PloverType::Request && cue.args == Args::Svo;
            let noun = cue.args == Args::Noun;
            // The parse's reading, or the same reading from the tokens where the clause is plain
            // (gates.rs).
            let read = (cue.args != Args::By)
                .then(|| gates::event_args(k, doc, items, i, s, &clause, noun, direct))
                .flatten();
            // Whether the parse agrees the cue is a verb (or a noun, for a noun cue).
            let parsed = read.is_some();
            // A dictionary light verb whose object names the act is not coded itself ("held a
            // phone call with X": the call is the act, not a detention, as the dictionary reads
            // "held"). The curated verbs keep their reading ("signed an agreement": a signing).
            if !converted && cue.args == Args::Dyad && event_args::light_with_act(doc, items, i) {
                continue;
            }
            if noun && event_args::object_of_act(k, doc, items, i) {
                continue;
            }
            let mut tree = read.unwrap_or_default();
            // "his meeting": the possessive may point forward (see `cataphora`).
            if noun && matches!(tree.source, Who::Pronoun(_)) {
                tree.source = Who::Nobody;
                tree.no_source = false;
            }
            let who = |w: &Who, except: &[usize]| match w {
                Who::We => clause
                    .speaker
                    .or_else(|| *author.get_or_init(|| event_args::author(doc)))
                    .map(|a| (vec![a], true)),
                Who::Parties => {
                    let pair = event_args::parties_of(k, doc, s, it.start, except);
                    (!pair.is_empty()).then_some((pair, true))
                }
                Who::Pronoun(p) => {
                    resolve(doc, &Subject::Pronoun(*p), clause.speaker, s).map(|a| (a, true))
                }
                Who::Actors(a) => Some((a.clone(), false)),
                Who::Nobody | Who::Other => None,
            };
            let (srcs, inferred) = match who(&tree.source, &[]) {
                // "X and Y met in Juba, where they agreed ...": a plural pronoun after
                // coordinated subjects in its own sentence refers to them, not to the last group
                // of the sentences before.
                _ if tree.source == Who::Pronoun(false)
                    && last_subjects.len() >= 2
                    && plural_pronoun_before(doc, it) =>
                {
                    (last_subjects.clone(), true)
                }
                Some(x) => x,
                None if tree.passive || tree.no_source || tree.requested => (Vec::new(), false),
                None => sources(k, doc, items, i, &clause, s, cue.args),
            };
            let mut srcs: Vec<usize> = srcs
                .into_iter()
                .filter(|&a| doc.actors[a].kind != polemos_core::model::ActorKind::MediaOutlet)
                .collect();
            // "he and Foreign Minister Lavrov agreed": both act, once the pronoun is resolved.
            if !srcs.is_empty() {
                for &a in &tree.with_pronoun {
                    if !srcs.contains(&a) {
                        srcs.push(a);
                    }
                }
            }
            // "Niwa rejected the protest and urged Beijing ...": the second verb shares the
            // first one's subject; coded only when it is aimed at someone, like a dyad.
            let shared = srcs.is_empty()
                && cue.args != Args::Noun
                && it.tok > 0
                && doc.tok_is_a(it.tok - 1, Class::And);
            if shared {
                srcs.clone_from(&last_subjects);
            }
            // "X, in concert with Y, imposed ...": Y acts too, and X is the subject however the
            // inserted phrase was read.
            if cue.args != Args::Noun
                && !tree.passive
                && let Some(j) = event_args::joint(doc, items, i)
            {
                if srcs.is_empty() {
                    srcs.extend(j.subject);
                }
                if !srcs.is_empty() {
                    for a in j.partners {
                        if !srcs.contains(&a) {
                            srcs.push(a);
                        }
                    }
                }
            }
            // "disputed by Moscow": a participle whose subject is the target; the broad
            // dictionary verbs are not coded from one.
            let participle = cue.args == Args::Dyad
                && doc.tok_is_a(it.tok_end, Class::AgentPreposition)
                && !tree.passive;
            if srcs.is_empty()
                || participle
                || tree.requested
                || requested_act(doc, items, i, &srcs)
            {
                continue;
            }
            last_subjects.clone_from(&srcs);
            // "Eriador was opposed by Osgiliath": the agent acts upon the subject. Without an
            // agent in the text there is no source to code.
            let (srcs, passive_targets) = if tree.passive {
                let targets = who(&tree.target, &srcs).map(|x| x.0).unwrap_or_default();
                (srcs, Some(targets))
            } else if is_passive(doc, it) {
                match agent(doc, items, i) {
                    Some(a) => (vec![a], Some(srcs)),
                    None => continue,
                }
            } else {
                (srcs, None)
            };
            // A state does not act upon itself or its own officials.
            let state_of = |a: usize| doc.actors[a].affiliation.unwrap_or(a);
            let targets: Vec<usize> = if cue.args == Args::By {
                Vec::new()
            } else {
                let ceil = doc.sentences[s].tokens.end;
                // "urge", "call on", "encourage" make a request of their direct object ("urged
                // Beijing to ..."): "encourage development with Morocco" asks nothing of Morocco.
                // Dictionary verbs ("appealed for peace in X") keep the wider search.
                if cue.event_type == PloverType::Request && cue.args == Args::Svo {
                    direct_objects_after(doc, items, i, ceil)
                } else {
                    objects_after(doc, items, i, ceil)
                }
                .into_iter()
                .filter(|&a| !srcs.iter().any(|&x| x == a || state_of(x) == state_of(a)))
                .filter(|&a| doc.actors[a].kind != polemos_core::model::ActorKind::MediaOutlet)
                .collect()
            };
            let tree_targets = who(&tree.target, &srcs).map(|x| {
                x.0.into_iter()
                    .filter(|&a| !srcs.iter().any(|&x| state_of(x) == state_of(a)))
                    .collect::<Vec<_>>()
            });
            // "claimed that Pakistani troops fired on ...": an accusation is aimed at the
            // subject of the hostile act it reports.
            let agreed = matches!(
                cue.event_type,
                PloverType::Agree | PloverType::Concede | PloverType::Request
            ) || (cue.event_type == PloverType::Accuse && hostile_after(k, items, i));
            let tree_targets = match tree_targets {
                Some(t) if !t.is_empty() => Some(t),
                t if agreed => who(&tree.clause_target, &srcs)
                    .map(|x| {
                        x.0.into_iter()
                            .filter(|&a| !srcs.iter().any(|&x| state_of(x) == state_of(a)))
                            .collect()
                    })
                    .or(t),
                // "If they cross the border again, we will retaliate".
                t if cue.event_type == PloverType::Threaten => who(&tree.condition_target, &srcs)
                    .map(|x| {
                        x.0.into_iter()
                            .filter(|&a| !srcs.iter().any(|&x| state_of(x) == state_of(a)))
                            .collect()
                    })
                    .or(t),
                t => t,
            };
            let targets = match (passive_targets, tree_targets) {
                (Some(t), _) => t,
                // The tree may stop at a demonym ("with Russian Foreign Minister Sergei
                // Lavrov" misparsed): the official the words name is the more specific target.
                (None, Some(t))
                    if !t.is_empty()
                        && cue.args != Args::By
                        && !t.iter().all(|&a| {
                            targets
                                .iter()
                                .any(|&b| doc.actors[b].affiliation == Some(a))
                        }) =>
                {
                    t
                }
                (None, _) => targets,
            };
            // "Russian Foreign Minister Sergei Lavrov": the minister, not also his state.
            let targets: Vec<usize> = targets
                .iter()
                .copied()
                .filter(|&a| {
                    !targets
                        .iter()
                        .any(|&b| doc.actors[b].affiliation == Some(a))
                })
                .collect();
            // "we are pulling out Ambassador Mutoh": the envoy a state withdraws is its own, not
            // the target of the sanction (which is where he served, when the text says).
            // A person of no other state named as the object is that envoy.
            let own_envoy = |a: usize| {
                let theirs = doc.actors[a].affiliation;
                doc.actors[a].kind == polemos_core::model::ActorKind::Person
                    && theirs.is_none_or(|t| {
                        srcs.iter()
                            .any(|&s| s == t || doc.actors[s].affiliation == Some(t))
                    })
            };
            let targets: Vec<usize> = if converted && cue.cameo == "161" {
                targets.into_iter().filter(|&a| !own_envoy(a)).collect()
            } else {
                targets
            };
            // "Aslam says Afghan officials have apologized for the incident": a concession that
            // names no one is made to the side of whoever reports it.
            let targets = match clause.speaker {
                Some(sp)
                    if targets.is_empty()
                        && cue.event_type == PloverType::Concede
                        && !srcs.iter().any(|&a| state_of(a) == state_of(sp)) =>
                {
                    vec![state_of(sp)]
                }
                _ => targets,
            };
            // A denial answers the accusation before it: "India accused Pakistan of ..., a
            // charge Pakistan denies".
            let targets = if targets.is_empty() && cue.mode == "deny" {
                accuser(doc, &accusers, s, it.start, &srcs)
            } else {
                targets
            };
            // "Tokyo rejected the request": a reaction answers the act before it.
            // Only the curated cues: the dictionary's broad dyads ("demonstrated", "confirmed")
            // are coded only when the text names their target; "each side blamed the other" is
            // mutual (below).
            let targets = if targets.is_empty()
                && answered::reacts(cue.event_type)
                && cue.args != Args::Dyad
                && cue.mode != "deny"
                && tree.target != Who::Other
            {
                answered::answered(doc, &acts, s, (it.start, it.end), &srcs, clause.speaker)
            } else {
                targets
            };
            // "its annexation of the Crimean peninsula": force used on contested land is aimed
            // at the other party to the dispute over it.
            let targets = if targets.is_empty()
                && matches!(cue.event_type, PloverType::Coerce | PloverType::Assault)
            {
                contested(k, doc, items, i, &srcs).into_iter().collect()
            } else {
                targets
            };
            // "impose costs on the regime": the state named last, not the source's.
            let targets = if targets.is_empty() && cue.args != Args::Noun {
                regime::rulers_target(doc, items, i, s, &srcs)
                    .into_iter()
                    .collect()
            } else {
                targets
            };
            // A reporting verb that can be an act ("warned") is one only when it is aimed at
            // someone ("Japan warned China against ..."), not when it reports ("warned that").
            // Deploying and patrolling are acts without a target ("China's navy patrols the
            // disputed waters"), though the dictionary lists them as dyads; when the parse agrees
            // the word is a verb ("an anti-Gondor parade" is not one).
            let untargeted = cue.event_type == PloverType::Mobilize && parsed;
            let needs_target = (cue.args == Args::Dyad && !untargeted)
                || shared
                || tree.shared
                || introduces(&clause, it);
            let needs_target =
                needs_target || !cue.objects.is_empty() || upon_another(cue.event_type, &cue.mode);
            // Ties and meetings are between parties: "Gondor and Osgiliath have renewed
            // diplomatic ties", "X and Y delayed their meeting".
            let mutual = (tree.target == Who::Other || !cue.objects.is_empty()) && srcs.len() >= 2;
            if needs_target && targets.is_empty() && !mutual && !reciprocal(cue.event_type, &srcs) {
                continue;
            }
            let mut status = if is_planned(items, i, &clause, cue.args) {
                EventStatus::Planned
            } else {
                EventStatus::Past
            };
            let src_end = items[..i]
                .iter()
                .rev()
                .find(|x| matches!(x.kind, ItemKind::Actor { actor, .. } if srcs.contains(&actor)))
                .map_or(clause.start, |x| x.end);
            // A negator that is the cue itself ("denied") does not negate it.
            let negated = items[..i].iter().rev().any(|x| {
                matches!(x.kind, ItemKind::Cue(Cue::Negator))
                    && x.end <= it.start
                    && x.start >= src_end
                    && x.start >= clause.start
                    && it.tok.saturating_sub(x.tok_end) <= 4
            }) || neither_subject(doc, items, i, &srcs)
                || tree.negated;
            let hedged = items.iter().any(|x| {
                matches!(x.kind, ItemKind::Cue(Cue::Hedge))
                    && x.start >= clause.start
                    && x.start < clause.end
            });
            // The nearest date that fits the status, preferring the event's own clause.
            let mut best: Option<(usize, &DateMention)> = None;
            for x in items {
                if let ItemKind::Date(d) = x.kind {
                    let dm = &doc.dates[d];
                    let deadline = dm.qualifier == Some("end");
                    if deadline || !fits(dm, status, doc.published) {
                        continue;
                    }
                    let dist = x.tok.abs_diff(it.tok)
                        + if x.start >= clause.start && x.start < clause.end {
                            0
                        } else {
                            1000
                        };
                    if best.is_none_or(|(b, _)| dist < b) {
                        best = Some((dist, dm));
                    }
                }
            }
            let date = best.and_then(|(_, dm)| {
                dm.date.map(|date| FuzzyDate {
                    date,
                    precision: dm.precision,
                })
            });
            if let (Some(d), Some(p), EventStatus::Past) = (date, doc.published, status)
                && d.date > p
            {
                status = EventStatus::Planned;
            }
            let location = items.iter().find_map(|x| match x.kind {
                ItemKind::Location => Some(doc.slice(x.start, x.end).to_owned()),
                _ => None,
            });
            let venue = items.iter().find_map(|x| match x.kind {
                ItemKind::Venue(v) => Some(v),
                _ => None,
            });
            let location = location.or_else(|| venue.and_then(|v| k.venues[v].location.clone()));
            let dispute = doc.sentence_dispute.get(s).copied().flatten();
            let mut issues: Vec<String> = Vec::new();
            let mut territorial_here = false;
            for x in items {
                match x.kind {
                    ItemKind::Topic(t) => {
                        if k.topics[t].id == "sovereignty" {
                            territorial_here = true;
                        }
                        if let Some(name) = issue_name(k, doc, s, t)
                            && !issues.contains(&name)
                        {
                            issues.push(name);
                        }
                    }
                    ItemKind::DisputeName(..) | ItemKind::DisputePart(_) => territorial_here = true,
                    _ => {}
                }
            }
            let mut contexts = cue.contexts.clone();
            if territorial_here
                && dispute
                    .and_then(|d| doc.disputes[d].known)
                    .is_some_and(|d| {
                        matches!(
                            k.disputes[d].kind,
                            DisputeKind::Territorial | DisputeKind::Maritime
                        )
                    })
                && !contexts.iter().any(|c| c == "territory")
            {
                contexts.push("territory".into());
            }
            let mut confidence: f64 = 0.8;
            if hedged {
                confidence *= 0.6;
            }
            if inferred {
                confidence *= 0.85;
            }
            let evidence = doc.evidence(
                s,
                Some((it.start, it.end)),
                confidence,
                clause.speaker,
                clause.reported_by,
            );
            // Parties that act together upon each other ("X and Y signed an agreement") make one
            // event per party, aimed at the others.
            let dyads: Vec<(Vec<usize>, Vec<usize>)> =
                if targets.is_empty() && (mutual || reciprocal(cue.event_type, &srcs)) {
                    srcs.iter()
                        .map(|&a| (vec![a], srcs.iter().copied().filter(|&b| b != a).collect()))
                        .collect()
                } else if cue.event_type == PloverType::Consult
                    && cue.mode == "meet"
                    && status == EventStatus::Past
                {
                    // A meeting held is mutual: "X met Y" is also Y meeting X. (One announced
                    // may yet be one-sided: "intends to meet with X officials".)
                    let back = targets.iter().map(|&t| (vec![t], srcs.clone())).collect();
                    [vec![(srcs, targets)], back].concat()
                } else {
                    vec![(srcs, targets)]
                };
            if matches!(
                cue.event_type,
                PloverType::Accuse | PloverType::Protest | PloverType::Threaten
            ) && !negated
            {
                accusers.push(Accusation {
                    sentence: s,
                    sources: dyads.iter().flat_map(|d| d.0.clone()).collect(),
                    targets: dyads.iter().flat_map(|d| d.1.clone()).collect(),
                });
            }
            acts.push(answered::Act {
                sentence: s,
                sources: dyads.iter().flat_map(|d| d.0.clone()).collect(),
            });
            for (srcs, targets) in dyads {
                let mut sources: Vec<String> = srcs.iter().map(|&a| doc.actor_name(a)).collect();
                let mut targets: Vec<String> = targets.iter().map(|&a| doc.actor_name(a)).collect();
                sources.sort();
                targets.sort();
                let fact = EventFact {
                    event_type: cue.event_type,
                    mode: cue.mode.clone(),
                    quad_class: cue.event_type.quad_class(),
                    cameo: cue.cameo.clone(),
                    intensity: cue.intensity,
                    contexts: contexts.clone(),
                    sources,
                    targets,
                    status,
                    negated,
                    hedged,
                    date,
                    location: location.clone(),
                    venue: venue.map(|v| k.venues[v].display.clone()),
                    dispute: dispute.map(|d| doc.disputes[d].name.clone()),
                    issues: issues.clone(),
                    confidence,
                    evidence: vec![evidence.clone()],
                };
                if let Some(a) = reported::accusation(k, doc, &clause, &srcs, &fact, noun, it) {
                    merge(&mut out, &mut index, a);
                }
                merge(&mut out, &mut index, fact);
            }
        }
        demanded::code(k, doc, items, s, &author, &mut out, &mut index);
    }
    for e in &mut out {
        e.confidence = calibration::confidence(&k.calibration, e);
    }
    doc.events = out;
}

/// How many sentences back a denial looks for the accusation it answers.
const ACCUSER_REACH: usize = 3;

/// An accusation, protest or threat of the last few sentences, for a denial that follows.
struct Accusation {
    sentence: usize,
    sources: Vec<usize>,
    targets: Vec<usize>,
}

/// Whom a denial by `deniers` answers: who made the latest accusation, protest or threat of the
/// last few sentences (`accusers`) aimed at the deniers' state, else the latest one aimed at no
/// one known; else the latest state or organization named before byte `before` (this
/// sentence, then the two before it) that is not theirs and not a party to an accusation aimed
/// at someone else ("India accused Pakistan ...; China denied" answers neither).
fn accuser(
    doc: &Doc<'_>,
    accusers: &[Accusation],
    s: usize,
    before: usize,
    deniers: &[usize],
) -> Vec<usize> {
    let state_of = |a: usize| doc.actors[a].affiliation.unwrap_or(a);
    let theirs = |a: usize| deniers.iter().any(|&d| state_of(d) == state_of(a));
    let by_another =
        |a: &&Accusation| !a.sources.is_empty() && !a.sources.iter().any(|&x| theirs(x));
    if let Some(a) = accusers
        .iter()
        .rev()
        .filter(by_another)
        .find(|a| a.targets.iter().any(|&x| theirs(x)))
        .or_else(|| {
            accusers
                .iter()
                .rev()
                .filter(by_another)
                .find(|a| a.targets.is_empty())
        })
    {
        return a.sources.clone();
    }
    let elsewhere = |x: usize| {
        accusers.iter().filter(by_another).any(|a| {
            a.sources
                .iter()
                .chain(&a.targets)
                .any(|&y| state_of(y) == state_of(x))
        })
    };
    for sentence in (s.saturating_sub(2)..=s).rev() {
        for it in doc.sentence_items(sentence).iter().rev() {
            let ItemKind::Actor { actor, .. } = it.kind else {
                continue;
            };
            let st = state_of(actor);
            let party = matches!(
                doc.actors[st].kind,
                polemos_core::model::ActorKind::State
                    | polemos_core::model::ActorKind::InternationalOrganization
            );
            if it.start < before && party && !theirs(actor) && !elsewhere(actor) {
                return vec![st];
            }
        }
    }
    Vec::new()
}

/// "Neither X nor Y boycotted ...": the subjects are negated, and so is their act.
fn neither_subject(doc: &Doc<'_>, items: &[Item], at: usize, sources: &[usize]) -> bool {
    items[..at]
        .iter()
        .find(|x| matches!(x.kind, ItemKind::Actor { actor, .. } if sources.contains(&actor)))
        .is_some_and(|x| x.tok > 0 && doc.tok_is_a(x.tok - 1, Class::Neither))
}

/// Whether an act of force or pressure is named after the cue `items[at]` in its sentence:
/// what an accusation reports ("claimed that Pakistani troops fired on ...").
fn hostile_after(k: &Knowledge, items: &[Item], at: usize) -> bool {
    items[at + 1..].iter().any(|x| {
        matches!(x.kind, ItemKind::Event(e) if matches!(
            k.events[e].event_type,
            PloverType::Assault
                | PloverType::Coerce
                | PloverType::Mobilize
                | PloverType::Threaten
                | PloverType::Sanction
        ))
    })
}

/// The other party to the dispute over the land named after the cue `items[at]` in its
/// sentence ("annexation of the Crimean peninsula"), when the text names exactly one party
/// that is not a source's state.
fn contested(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    srcs: &[usize],
) -> Option<usize> {
    let d = items[at + 1..].iter().find_map(|x| match x.kind {
        ItemKind::DisputeName(d, _) | ItemKind::DisputePart(d) => Some(d),
        _ => None,
    })?;
    let state_of = |a: usize| doc.actors[a].affiliation.unwrap_or(a);
    let others: Vec<usize> = k.disputes[d]
        .parties
        .iter()
        .filter_map(|id| doc.actors.iter().position(|a| a.id == *id))
        .filter(|&a| !srcs.iter().any(|&x| state_of(x) == a))
        .collect();
    match others.as_slice() {
        [one] if k.disputes[d].parties.len() == 2 => Some(*one),
        _ => None,
    }
}

/// Whether a verb cue is a passive participle: "was opposed", "were fiercely criticized".
fn is_passive(doc: &Doc<'_>, cue: &Item) -> bool {
    let word = doc.tok(cue.tok);
    if !doc.lang.ends_with_lower(Class::ParticipleSuffix, word) || cue.tok == 0 {
        return false;
    }
    let mut t = cue.tok - 1;
    // Adverbs and their coordination: "was heavily and unjustly criticized".
    while t > 0
        && (doc.lang.ends_with_lower(Class::AdverbSuffix, doc.tok(t))
            || doc.tok_is_a(t, Class::And))
    {
        t -= 1;
    }
    doc.tok_is_a(t, Class::PassiveAuxiliary)
}

/// The agent of a passive: the actor after "by" shortly after the cue.
fn agent(doc: &Doc<'_>, items: &[Item], at: usize) -> Option<usize> {
    let cue = items[at];
    let by = (cue.tok_end..cue.tok_end + 3).find(|&t| doc.tok_is_a(t, Class::AgentPreposition))?;
    items[at + 1..].iter().find_map(|x| match x.kind {
        ItemKind::Actor { actor, .. } if x.tok > by && x.tok <= by + 3 => Some(actor),
        _ => None,
    })
}

/// How far before its verb a subject pronoun is looked for, in tokens ("they quickly agreed").
const PRONOUN_REACH: usize = 4;

/// Whether a plural subject pronoun ("they") stands shortly before the cue: a subject pronoun
/// of a group that is not the neuter one ("it").
fn plural_pronoun_before(doc: &Doc<'_>, cue: &Item) -> bool {
    (cue.tok.saturating_sub(PRONOUN_REACH)..cue.tok).any(|t| {
        doc.tok_is_a(t, Class::SubjectPronoun)
            && doc.tok_is_a(t, Class::ThingPronoun)
            && !doc.tok_is_a(t, Class::NeuterPronoun)
    })
}

/// Whether the cue is the reporting cue that opens `clause`.
fn introduces(clause: &Clause, cue: &Item) -> bool {
    clause
        .cue
        .is_some_and(|(a, b)| a <= cue.start && cue.start < b)
}

/// Acts that are done to someone: an agreement, a meeting, praise, a concession, a rejection, a
/// protest or a sanction that names no one it is aimed at says nothing about relations between
/// actors ("we all agree is stopping terrorism", "Seoul officials downplayed the visit"), and the
/// development part codes none of them without a target (only requests, which may name only what
/// is asked, force, which may name only a place, and condemnations, which may be of a deed:
/// "condemned the move"). Parties that do one together are each
/// other's targets (`reciprocal`). Recognition is of a status, whose holder may be no actor
/// ("the independence of Kosovo and Metohija"); a proposal may be made in public to no one
/// named ("the proposal made by Putin during the Economic Forum").
fn upon_another(t: PloverType, mode: &str) -> bool {
    !matches!(mode, "recognize" | "propose")
        && matches!(
            t,
            PloverType::Agree
                | PloverType::Consult
                | PloverType::Support
                | PloverType::Concede
                | PloverType::Cooperate
                | PloverType::Aid
                | PloverType::Reject
                | PloverType::Protest
                | PloverType::Sanction
        )
}

/// Acts that several parties do to each other when they do them together.
fn reciprocal(t: PloverType, sources: &[usize]) -> bool {
    sources.len() >= 2
        && matches!(
            t,
            PloverType::Consult | PloverType::Agree | PloverType::Cooperate | PloverType::Assault
        )
}

/// Whether the cue is an act someone was asked, told or urged to do, not one they did: "urged
/// Beijing to protect ...", "calls upon the PRC to abide by ...". Its subject is then the object
/// of the verb before it.
fn requested_act(doc: &Doc<'_>, items: &[Item], at: usize, sources: &[usize]) -> bool {
    let cue = items[at];
    let is_source =
        |x: &Item| matches!(x.kind, ItemKind::Actor { actor, .. } if sources.contains(&actor));
    let Some(last) = items[..at].iter().rposition(is_source) else {
        return false;
    };
    // "to" between the subject and the cue: "urged Beijing to protect", "urging Morocco and the
    // Polisario Front to open unconditional talks".
    if !(items[last].tok_end..cue.tok).any(|t| doc.tok_is_a(t, Class::InfinitiveMarker)) {
        return false;
    }
    // The first of coordinated subjects.
    let subject = items[..=last]
        .iter()
        .position(|x| is_source(x) && items[last].tok.saturating_sub(x.tok) <= 8)
        .unwrap_or(last);
    let first = items[subject];
    items[..subject].iter().rev().take(2).any(|x| {
        matches!(x.kind, ItemKind::Event(_) | ItemKind::Cue(Cue::Report))
            && first.tok.saturating_sub(x.tok_end) <= 3
    })
}

type Index = HashMap<(PloverType, Vec<String>, EventStatus, bool), Vec<usize>>;

/// Adds an event, folding it into an earlier report of the same event (same type, sources,
/// status and negation, and compatible targets).
fn merge(out: &mut Vec<EventFact>, index: &mut Index, fact: EventFact) {
    let key = (
        fact.event_type,
        fact.sources.clone(),
        fact.status,
        fact.negated,
    );
    let candidates = index.entry(key).or_default();
    // Only recent reports are candidates, so a text naming thousands of targets stays linear.
    let same = candidates.iter().rev().take(16).copied().find(|&i| {
        let e = &out[i];
        e.targets == fact.targets || fact.targets.is_empty() || e.targets.is_empty()
    });
    let Some(i) = same else {
        candidates.push(out.len());
        out.push(fact);
        return;
    };
    let e = &mut out[i];
    if e.targets.is_empty() {
        e.targets = fact.targets;
    }
    if e.date.is_none() {
        e.date = fact.date;
    }
    if e.location.is_none() {
        e.location = fact.location;
    }
    if e.venue.is_none() {
        e.venue = fact.venue;
    }
    if e.dispute.is_none() {
        e.dispute = fact.dispute;
    }
    for i in fact.issues {
        if !e.issues.contains(&i) {
            e.issues.push(i);
        }
    }
    for c in fact.contexts {
        if !e.contexts.contains(&c) {
            e.contexts.push(c);
        }
    }
    e.hedged &= fact.hedged;
    e.confidence = e.confidence.max(fact.confidence);
    if e.evidence.last().map(|x| x.span) != fact.evidence.first().map(|x| x.span) {
        e.evidence.extend(fact.evidence);
    }
}

mod answered;
pub mod calibration;
mod demanded;
mod regime;
mod reported;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_cameo;
#[cfg(test)]
mod tests_nominal;
#[cfg(test)]
mod tests_voice;
