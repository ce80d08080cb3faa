//! Event stage: PLOVER events from event cues with their source and target actors, mode, CAMEO
//! code, intensity, status (planned or past), negation, date, location and linked issues. Reports
//! of the same event across sentences are merged into one event with several pieces of evidence.

use std::collections::HashMap;

use super::attribution::{clause_at, resolve};
use super::event_args::{self, SanctionKind, Who};
use super::gates;
use super::ir::{Doc, Item, ItemKind, TokKind};
use super::knowledge::{Args, Cue, Knowledge};
use super::lang::Class;
use super::lexicon::Lex;
use super::output::EventFact;
use super::syntax::{Subject, direct_objects_after, objects_after};
use polemos_core::model::{EventStatus, PloverType};

use details::{
    is_planned, negates_an_ending, negates_another, negates_another_verb, neither_subject,
};
use merge::{Index, add_voiced, merge};
use sources::{
    agent, introduces, is_passive, plural_pronoun_before, received_from, requested_act, sources,
};
use targets::{
    ACCUSER_REACH, Accusation, accuser, beside_the_act, contested, hostile_after, may_stand_aside,
    partners_not_topics, recalled_from, reciprocal, upon_another, without_forum,
};

/// The issue name of topic `topic` under the dispute of sentence `s`, if it has one.
#[must_use]
pub fn issue_name(k: &Knowledge, doc: &Doc<'_>, s: usize, topic: usize) -> Option<String> {
    let d = doc.sentence_dispute.get(s).copied().flatten()?;
    let dispute = &doc.disputes[d];
    Some(format!("{}/issues/{}", dispute.name, k.topics[topic].id))
}

/// The person sentence `s` names nearest before token `pronoun` who is none of `except` and
/// acts for none of them (as their official), named in full: not an owner ("Putin's aide") or
/// an adjective.
fn person_named_before(doc: &Doc<'_>, s: usize, pronoun: usize, except: &[usize]) -> Option<usize> {
    doc.person_named_before(s, pronoun, |actor, _| {
        !except
            .iter()
            .any(|&e| e == actor || doc.state_of(e) == doc.state_of(actor))
    })
}

/// Whether the passive verb of `cue` has an agent ("by pirates"), or an oblique that names an
/// actor ("from France"; a capital after "in" is no actor mention, so "arrested in Lome" is
/// not seen).
fn agent_or_actor_named(doc: &Doc<'_>, items: &[Item], cue: &Item) -> bool {
    if doc.tok_is_a(cue.tok_end, Class::AgentPreposition) {
        return true;
    }
    let p = &doc.parse;
    let Some(v) = p.word_at(cue.start) else {
        return false;
    };
    p.dependents(v).any(|d| {
        p.rel(d) == "obl:agent" || (p.has_rel(d, "obl") && doc.actor_at(items, d, true).is_some())
    })
}

/// Codes every event of the document and merges repeated reports.
#[allow(clippy::too_many_lines)]
pub fn run(k: &Knowledge, doc: &mut Doc<'_>) {
    let mut out: Vec<EventFact> = Vec::new();
    let mut index: Index = HashMap::new();
    // Who "we" is when no speaker is named, found when a cue first needs it.
    let author = std::cell::OnceCell::new();
    // The state that signs the text, whose voice its narration is.
    let signatory = std::cell::OnceCell::new();
    let mut accusers: Vec<Accusation> = Vec::new();
    let mut acts: Vec<answered::Act> = Vec::new();
    for s in 0..doc.sentences.len() {
        if doc.sentences[s].headline {
            continue;
        }
        // A row coded only through its object, alone at its words, is no cue where its object
        // is none of them: "recalled meeting the envoy" is a memory, and the meeting's doer is
        // read past it, as past any word that is no cue. Another such row whose object is
        // missing too keeps no company: "renewed" (of ties, of a complaint) before "its call for
        // Peru to withdraw" leaves the call to be coded.
        let all = doc.sentence_items(s);
        let kept: Vec<Item> = all
            .iter()
            .filter(|it| {
                !matches!(it.kind, ItemKind::Event(e)
                    if !k.events[e].objects.is_empty()
                        && !all.iter().any(|x| matches!(x.kind, ItemKind::Event(f) if f != e
                                && (k.events[f].objects.is_empty()
                                    || event_args::object_gate(doc, x, &k.events[f])
                                        != event_args::ObjectGate::Missing))
                            && (x.start, x.end) == (it.start, it.end))
                        && gates::sanction_verb(k, doc, it).is_none()
                        && !directs(doc, it)
                        && !suspends_member(doc, it)
                        && event_args::object_gate(doc, it, &k.events[e])
                            == event_args::ObjectGate::Missing)
            })
            .copied()
            .collect();
        let items: &[Item] = &kept;
        let mut last_span = (usize::MAX, usize::MAX);
        let mut excluded: Option<(usize, usize, PloverType)> = None;
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
            // One event per cue span: the first row there whose object fits codes it, so a row
            // coded only through its object ("ordered troops" a deployment) leaves a span whose
            // object does not fit to the next row of the same phrase.
            if (it.start, it.end) == last_span {
                continue;
            }
            let mut cue = &k.events[ev];
            // A row that refused its object refuses it for the later rows of its type at the
            // same span too: "regrets the death of X" is no disapproval, whether the data's row
            // or the dictionary's codes "regrets".
            if excluded == Some((it.start, it.end, cue.event_type)) {
                continue;
            }
            let mut converted = false;
            let mut expelled = false;
            let mut recalled = false;
            // "abandon full economic ties with X", "imposing a round of sanctions on X": a
            // sanction, whatever the verb alone is coded as, coded by the data's row for its
            // kind (cutting ties, recalling an envoy, imposing a penalty).
            if cue.args != Args::Noun
                && cue.event_type != PloverType::Sanction
                && let Some(kind) = gates::sanction_verb(k, doc, it)
                && let Some(c) = match kind {
                    SanctionKind::Ties => k.plain_event(PloverType::Sanction, "withdraw", None),
                    SanctionKind::Envoy | SanctionKind::Expel => {
                        k.plain_event(PloverType::Sanction, "sanction", Some("161"))
                    }
                    SanctionKind::Penalty => {
                        k.plain_event(PloverType::Sanction, "sanction", Some("163"))
                    }
                }
            {
                expelled = kind == SanctionKind::Expel;
                recalled = kind == SanctionKind::Envoy;
                cue = c;
                converted = true;
            }
            // "has told its Vietnamese counterpart to halt construction", "ordered Laos to
            // withdraw": an ordering verb with another actor as object and an infinitive is a
            // demand of that actor, coded by the data's row of "urged".
            if !converted
                && cue.args != Args::Noun
                && cue.event_type != PloverType::Request
                && directs(doc, it)
                && let Some(c) = k.plain_event(PloverType::Request, "demand", Some("100"))
            {
                cue = c;
                converted = true;
            }
            // "is suspending Ivory Coast from all of the bloc's activities": the member is
            // sanctioned, coded by the data's row of an expulsion (CAMEO 161).
            if !converted
                && cue.args != Args::Noun
                && suspends_member(doc, it)
                && let Some(c) = k.plain_event(PloverType::Sanction, "sanction", Some("161"))
            {
                cue = c;
                converted = true;
            }
            // "lifted sanctions on Iran", "faces sanctions on its steel": a penalty phrase of the
            // data ("sanctions on X") is the subject's sanction only when a verb of imposing takes
            // it as object, or no verb does ("U.S. sanctions on Russia"); a verb of easing makes
            // it the easing of sanctions (CAMEO 085, the data's RETREAT `ease` row), any other
            // verb no act of the subject's.
            let penalty = |t: usize| {
                doc.lexicon
                    .is(Lex::PenaltyNoun, &doc.tok(t).to_ascii_lowercase())
            };
            if cue.event_type == PloverType::Sanction && cue.args == Args::Svo && penalty(it.tok) {
                match event_args::penalty_verb(doc, it) {
                    Some(event_args::PenaltyVerb::Other) => continue,
                    Some(event_args::PenaltyVerb::Eased) => {
                        if let Some(c) = k.plain_event(PloverType::Retreat, "ease", Some("085")) {
                            cue = c;
                            converted = true;
                        }
                    }
                    Some(event_args::PenaltyVerb::Imposed) | None => {}
                }
            } else if cue.event_type != PloverType::Sanction
                && cue.args != Args::Noun
                && !(it.tok..it.tok_end).any(penalty)
                && gates::may_be_form_of(doc, it, &[Lex::EasingVerb])
                && event_args::eases_a_penalty(doc, it)
                && let Some(c) = k.plain_event(PloverType::Retreat, "ease", Some("085"))
            {
                cue = c;
                converted = true;
            }
            // "continues to engage intensely with the sides": contact, coded by the data's row
            // for plain consultation (CAMEO 040, no mode: not a meeting, which would be mutual),
            // not the force the dictionary codes "engage" as.
            if cue.event_type == PloverType::Assault
                && cue.args != Args::Noun
                && event_args::contact_with(doc, it)
                && let Some(c) = k.plain_event(PloverType::Consult, "", Some("040"))
            {
                cue = c;
                converted = true;
            }
            // "submitted Chile's complaint", "delivered an ultimatum from Bolivia": an act that
            // stays its owner's (lexicon `owned_act_noun`), only carried by the subject.
            if !cue.objects.is_empty()
                && cue.args != Args::Noun
                && event_args::owned_by_actor(doc, it)
            {
                continue;
            }
            // "imposed sanctions targeting Russian banks": what the sanctions are aimed at.
            if cue.args != Args::Noun && gates::aims_a_noun(doc, it) {
                continue;
            }
            // "attempt to engage third parties": unarmed people drawn in, no act of force.
            if cue.event_type == PloverType::Assault
                && cue.args != Args::Noun
                && event_args::drawn_in(doc, it)
            {
                continue;
            }
            // "Pyongyang says she killed herself": a harm done to the doer itself is no act of
            // force or coercion on another.
            if matches!(cue.event_type, PloverType::Assault | PloverType::Coerce)
                && cue.args != Args::Noun
                && event_args::on_oneself(doc, it)
            {
                continue;
            }
            // "thank my colleagues from Armenia and Azerbaijan for being here today": the host's
            // hosting of its guests (the data's `host` row, CAMEO 043: one way, as the guests'
            // presence is not their act in the sentence), not praise.
            if cue.event_type == PloverType::Support
                && cue.args != Args::Noun
                && event_args::hosted_here(doc, it)
                && let Some(c) = k.plain_event(PloverType::Consult, "host", None)
            {
                cue = c;
                converted = true;
            }
            // "threatened to retaliate if Russia deployed missiles": an act told in a condition
            // has not happened.
            if in_condition(doc, it, s, cue.args == Args::Noun) {
                continue;
            }
            // "have agreed to ... establish mechanisms", "an agreement to establish a boundary":
            // what an agreement is to bring about is not done yet; the agreement is the act. Only
            // cues coded with a target (`dyad`: the dictionary's broad verbs, "establish" a
            // cooperation, and the data's own dyad rows).
            if cue.args == Args::Dyad && agreed::agreed_upon(k, doc, items, i) {
                continue;
            }
            // "recognises that Australia has ...": a fact stated; "asked officials how ...": a
            // question, not a request.
            if cue.args != Args::Noun
                && (clausal::fact_stated(doc, items, i) || clausal::question_asked(doc, it))
            {
                continue;
            }
            // "restored full diplomatic ties", "delayed their meeting": a verb that names an
            // act only through its object. "released a statement": an object that names no act
            // of the verb's.
            match event_args::object_gate(doc, it, cue) {
                event_args::ObjectGate::Holds => {}
                event_args::ObjectGate::Missing => continue,
                event_args::ObjectGate::Refused => {
                    excluded = Some((it.start, it.end, cue.event_type));
                    continue;
                }
            }
            last_span = (it.start, it.end);
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
            // "protection from any Russian threat", "will respond to any attack": a noun of an
            // act under a determiner of any such act names none done.
            if noun && any_such_act(doc, it) {
                continue;
            }
            // "offered to permit a meeting between X and Y": the offer is the act; the meeting
            // it offers has not happened.
            if noun && event_args::offered_act(k, doc, items, i) {
                continue;
            }
            // "Japan fears a Chinese attack", "called for a Russian withdrawal": an act only
            // feared, called for, warned of or prepared for has not happened.
            if noun && event_args::unrealized_act(doc, it) {
                continue;
            }
            // "accepted Japan's proposal", "welcomed the offer", "Japan's proposal was
            // rejected": a proposal another's act answers was made before, no new act here.
            if noun && cue.mode == "propose" && answered_proposal(k, doc, items, i) {
                continue;
            }
            // A verb cue the parse reads as a noun with an actor for owner names that owner's
            // act as told before ("called Japan's protest unacceptable", "failed to meet
            // Turkey's demands"): no new act, and not the clause subject's.
            if !noun && owned_noun(doc, items, i) {
                continue;
            }
            let mut tree = read.unwrap_or_default();
            // "would respond if Colombian troops crossed the border": a verb of answering
            // threatens only under a condition, and only whom the condition names.
            let conditional = cue.event_type == PloverType::Threaten
                && doc.lang.is(
                    Class::ConditionalThreat,
                    &doc.slice(it.start, it.end).to_ascii_lowercase(),
                );
            if conditional && tree.condition_target.is_nobody() {
                continue;
            }
            // "would respond positively if China agreed to talks", "how Beijing would respond
            // if ...": an answer in another manner than force is no threat.
            if conditional && event_args::unforceful_manner(doc, it) {
                continue;
            }
            // "his meeting": the possessive may point forward (see `cataphora`).
            if noun && matches!(tree.source, Who::Pronoun(..)) {
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
                // "Chinese protesters met Japanese officials, and they condemned ...": no one
                // acts for a state (no actors), and the token rules look for no one else.
                // "Morales expelled ambassador Philip Goldberg, accusing him of ...": a person's
                // pronoun the act is aimed at is not its doer, so it is the nearest other person
                // its sentence names before it, before any speaker or earlier person. Not an
                // owner ("dismissing his government"), which is most often the doer's own.
                Who::Pronoun(true, at)
                    if !except.is_empty()
                        && doc
                            .parse
                            .word_at(*at)
                            .is_some_and(|w| !doc.parse.rel(w).starts_with("nmod"))
                        && let Some(a) = person_named_before(doc, s, doc.token_at(*at), except) =>
                {
                    Some((vec![a], true))
                }
                Who::Pronoun(p, at) => {
                    let pronoun = Subject::Pronoun(*p, Some(doc.token_at(*at)));
                    resolve(doc, &pronoun, clause.speaker, s)
                        .filter(|a| !a.is_empty())
                        .or_else(|| {
                            sources::officials_state(doc, clause.speaker, *p, *at, s)
                                .map(|sp| vec![sp])
                        })
                        .map(|a| (a, true))
                }
                Who::Actors(a) => Some((a.clone(), false)),
                Who::Nobody | Who::Other => None,
            };
            // "But the two sides ... say they are working to ease the strain. They met on the
            // island on Monday": a plural pronoun whose nearest plural subject before it names a
            // pair stands for that pair.
            let antecedent = match tree.source {
                Who::Pronoun(false, at) => event_args::pair_they(k, doc, s, at).unwrap_or_default(),
                _ => Vec::new(),
            };
            let (srcs, inferred) = match who(&tree.source, &[]) {
                // "X and Y met in Juba, where they agreed ...": a plural pronoun after
                // coordinated subjects in its own sentence refers to them, not to the last group
                // of the sentences before.
                _ if matches!(tree.source, Who::Pronoun(false, _))
                    && last_subjects.len() >= 2
                    && plural_pronoun_before(doc, it) =>
                {
                    (last_subjects.clone(), true)
                }
                _ if antecedent.len() == 2 => (antecedent, true),
                Some(x) => x,
                None if tree.passive || tree.no_source || tree.requested => (Vec::new(), false),
                None => sources(k, doc, items, i, &clause, s, cue.args),
            };
            // "The EU announced fresh sanctions against Russia": the source is the subject of
            // the verb of imposing whose object the penalty phrase is, where the token rules
            // stopped at a verb of saying.
            let (srcs, inferred) = if srcs.is_empty()
                && cue.event_type == PloverType::Sanction
                && let Some((start, end)) = event_args::penalty_imposer(doc, it)
                && let Some(a) = items.iter().find_map(|x| match x.kind {
                    ItemKind::Actor {
                        actor,
                        possessive: false,
                        ..
                    } if x.start <= start && end <= x.end => Some(actor),
                    _ => None,
                }) {
                (vec![a], false)
            } else {
                (srcs, inferred)
            };
            // "When Chad attacked Sudan, the Popular Front protested and accused Sudan of ...": a
            // subject only named acts for no one, and the sentence's earlier subject does not act
            // in its place (a partner "in concert with" it still acts).
            let named_only_subject = srcs.iter().any(|&a| doc.actors[a].named_only);
            let mut srcs: Vec<usize> = srcs.into_iter().filter(|&a| doc.takes_part(a)).collect();
            if named_only_subject && srcs.is_empty() {
                last_subjects.clear();
            }
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
            // Not "conferred by phone": a means after "by" is no agent of an act done together
            // ("criticized by phone" is still done to the participle's noun).
            let participle = cue.args == Args::Dyad
                && doc.tok_is_a(it.tok_end, Class::AgentPreposition)
                && !(cue.event_type == PloverType::Consult
                    && doc.lexicon.is(
                        Lex::MeansNoun,
                        &doc.tok(it.tok_end + 1).to_ascii_lowercase(),
                    ))
                && !tree.passive;
            // "suggested that the president was aware": a belief reported, nothing asked.
            let believed =
                cue.event_type == PloverType::Request && event_args::states_a_fact(doc, it);
            // "The four Ugandan soldiers were released on Monday": a passive act upon a state's
            // people with no agent named is done by the other party of the pair the text is
            // about (the one that held them), where the pair is known. An agent of any kind
            // ("seized by pirates") or a state an oblique names ("deported from France")
            // leaves the doer unknown. A withdrawal is no such act: states withdraw their own
            // soldiers.
            let srcs = if srcs.is_empty()
                && tree.passive
                && matches!(cue.event_type, PloverType::Coerce | PloverType::Concede)
                && !agent_or_actor_named(doc, items, it)
            {
                // Private people a demonym describes ("Four Kenyan protesters were arrested")
                // are most often held by their own state.
                // Only people and vessels are held and freed ("captive_noun": "soldiers",
                // "crew", "vessel"), not a statement or data "released".
                let p = &doc.parse;
                let patient = p.word_at(it.start).and_then(|v| {
                    p.dependents(v)
                        .find(|d| p.has_rel(*d, "nsubj"))
                        .or_else(|| p.head(v).filter(|_| p.has_rel(v, "acl")))
                });
                let held = |l: Lex| {
                    patient
                        .and_then(|w| p.token(w))
                        .is_some_and(|t| doc.lexicon.is(l, &t.text.to_ascii_lowercase()))
                };
                let private = !held(Lex::CaptiveNoun) || held(Lex::PrivateGroup);
                let patients: Vec<usize> = who(&tree.target, &[])
                    .map(|x| x.0.into_iter().map(|a| doc.state_of(a)).collect())
                    .unwrap_or_default();
                match patients.as_slice() {
                    [x] if !private => {
                        let pair = event_args::parties_of(k, doc, s, it.start, &[]);
                        if pair.len() == 2 && pair.contains(x) {
                            pair.into_iter().filter(|a| a != x).collect()
                        } else {
                            srcs
                        }
                    }
                    _ => srcs,
                }
            } else {
                srcs
            };
            if srcs.is_empty()
                || participle
                || believed
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
            let targets: Vec<usize> = if cue.args == Args::By {
                Vec::new()
            } else {
                let ceil = doc.sentences[s].tokens.end;
                // "urge", "call on", "encourage" make a request of their direct object ("urged
                // Beijing to ..."): "encourage development with Morocco" asks nothing of Morocco.
                // Dictionary verbs ("appealed for peace in X") keep the wider search.
                if cue.event_type == PloverType::Request && cue.args == Args::Svo {
                    direct_objects_after(doc, items, i, ceil)
                } else if cue.event_type == PloverType::Threaten
                    && let Some(j) = threatened_act(doc, items, i)
                {
                    // "threatened to close its border with South Sudan": whom the act
                    // threatened would hit, past that act's own cue.
                    objects_after(doc, items, j, ceil)
                } else {
                    objects_after(doc, items, i, ceil)
                }
                .into_iter()
                .filter(|&a| {
                    !srcs
                        .iter()
                        .any(|&x| x == a || doc.state_of(x) == doc.state_of(a))
                })
                .filter(|&a| doc.takes_part(a))
                .collect()
            };
            // Ending a pact or dealings through its object is aimed at the state named with
            // that object, not at one named in a clause that modifies it: "cancelled the treaty
            // signed by Spain and France". (Rejecting "a resolution drafted by Bolivia" is
            // aimed at its drafter, so this holds for the withdrawing mode only.)
            let targets: Vec<usize> = if cue.objects.is_empty()
                || cue.event_type != PloverType::Sanction
                || cue.mode != "withdraw"
            {
                targets
            } else {
                let clauses = event_args::object_clause_spans(doc, it);
                targets
                    .into_iter()
                    .filter(|&a| {
                        !items[i + 1..]
                            .iter()
                            .find(|x| matches!(x.kind, ItemKind::Actor { actor, .. } if actor == a))
                            .is_some_and(|x| {
                                clauses.iter().any(|&(s, e)| x.start >= s && x.end <= e)
                            })
                    })
                    .collect()
            };
            // An object only named is no target: the words after it may name one ("shelled the
            // Kurdistan Democratic Party offices in Iraq").
            let tree_targets = who(&tree.target, &srcs).map(|x| {
                x.0.into_iter()
                    .filter(|&a| !srcs.iter().any(|&x| doc.state_of(x) == doc.state_of(a)))
                    .filter(|&a| doc.takes_part(a))
                    .collect::<Vec<_>>()
            });
            // "claimed that Pakistani troops fired on ...": an accusation is aimed at the
            // subject of the hostile act it reports.
            let agreed = matches!(
                cue.event_type,
                PloverType::Agree | PloverType::Concede | PloverType::Request
            ) || (cue.event_type == PloverType::Accuse
                && (hostile_after(k, items, i) || alleging(doc, it)));
            let tree_targets = match tree_targets {
                Some(t) if !t.is_empty() => Some(t),
                t if agreed => who(&tree.clause_target, &srcs)
                    .map(|x| {
                        x.0.into_iter()
                            .filter(|&a| !srcs.iter().any(|&x| doc.state_of(x) == doc.state_of(a)))
                            .collect()
                    })
                    .or(t),
                // "If they cross the border again, we will retaliate"; else whom the act
                // threatened would hit ("threatened to impose sanctions on Russia").
                t if cue.event_type == PloverType::Threaten => who(&tree.condition_target, &srcs)
                    .or_else(|| who(&tree.clause_target, &srcs))
                    .map(|x| {
                        x.0.into_iter()
                            .filter(|&a| !srcs.iter().any(|&x| doc.state_of(x) == doc.state_of(a)))
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
                // An object that names an actor only too deep to be aimed at: no other target.
                (None, _) if tree.too_deep => Vec::new(),
                (None, _) => targets,
            };
            let targets = if conditional {
                who(&tree.condition_target, &srcs)
                    .map(|x| {
                        x.0.into_iter()
                            .filter(|&a| !srcs.iter().any(|&x| doc.state_of(x) == doc.state_of(a)))
                            .collect()
                    })
                    .unwrap_or_default()
            } else {
                targets
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
            let targets = if matches!(cue.event_type, PloverType::Cooperate | PloverType::Consult) {
                partners_not_topics(doc, items, i, targets)
            } else {
                targets
            };
            // "The vote drew praise from Britain": the givers the "from" phrase names act upon
            // the receiver, the subject.
            let givers: Vec<usize> = if srcs.is_empty() {
                Vec::new()
            } else {
                received_from(doc, items, it)
                    .into_iter()
                    .filter(|a| targets.contains(a))
                    .collect()
            };
            let (srcs, targets) = if givers.is_empty() {
                (srcs, targets)
            } else {
                (givers, srcs)
            };
            // "suspended talks between Israel and Hamas", "closed its border to refugees fleeing
            // Syria": actors the object names beside what the act is aimed at.
            let sanction = cue.event_type == PloverType::Sanction;
            let named_targets = targets.len();
            let targets: Vec<usize> =
                if cue.args == Args::Noun || !may_stand_aside(doc, items, it, &targets, sanction) {
                    targets
                } else {
                    let aside = beside_the_act(doc, items, it, sanction);
                    // "froze trade between Turkish firms and Israel", "suspended negotiations
                    // between its envoys and Hamas": where one side of the dealings is the
                    // source's own, the other is the target.
                    let between: Vec<usize> = aside.iter().filter(|x| x.1).map(|x| x.0).collect();
                    let own_dealings = between.len() < 2
                        || between.iter().any(|&a| {
                            srcs.contains(&a)
                                || srcs.iter().any(|&s| doc.actors[a].affiliation == Some(s))
                        });
                    targets
                        .into_iter()
                        .filter(|a| {
                            aside
                                .iter()
                                .find(|x| x.0 == *a)
                                .is_none_or(|&(_, by_between)| by_between && own_dealings)
                        })
                        .collect()
                };
            // Where the object named only someone beside the act ("blocked a resolution
            // condemning Syria"), the act is aimed at no one the text names, nor at another
            // side's act before it. Also where the cue's own reading stopped before that someone
            // (at another cue between them), when the parse sets the actors after the cue aside.
            let set_aside = targets.is_empty()
                && (named_targets > 0 || {
                    let after: Vec<usize> = items
                        .iter()
                        .filter(|x| x.start >= it.end)
                        .filter_map(|x| match x.kind {
                            ItemKind::Actor { actor, .. } => Some(actor),
                            _ => None,
                        })
                        .collect();
                    cue.args != Args::Noun
                        && may_stand_aside(doc, items, it, &after, sanction)
                        && !beside_the_act(doc, items, it, sanction).is_empty()
                });
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
            // "ordered U.S. diplomats to leave the country" said of the United States: an
            // evacuation. Only an envoy of another state than the orderer's is expelled.
            if expelled && targets.is_empty() {
                continue;
            }
            // Only a state expels: "the U.S. ambassador" ordered out by the United States, or
            // by an official with no state read, is an evacuation or unknown.
            if expelled && !expelling_state(doc, items, it, &srcs) {
                continue;
            }
            // "regrets the hurt caused to Indonesia": a concession a row codes through its
            // object (the harm regretted) is made to whom the harm was done, named after a
            // preposition of aim; not to its doer ("the suffering caused by Japan's rule",
            // "Pakistan's harm to the peace process").
            let targets: Vec<usize> =
                if cue.event_type == PloverType::Concede && !cue.objects.is_empty() {
                    targets
                        .into_iter()
                        .filter(|&a| harmed_after_aim(doc, items, it, a))
                        .collect()
                } else {
                    targets
                };
            // "Aslam says Afghan officials have apologized for the incident": a concession that
            // names no one is made to the side of whoever reports it.
            let targets = match clause.speaker {
                Some(sp)
                    if targets.is_empty()
                        && cue.event_type == PloverType::Concede
                        && !srcs.iter().any(|&a| doc.state_of(a) == doc.state_of(sp)) =>
                {
                    vec![doc.state_of(sp)]
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
            // "Russia recalled its ambassador as a protest": a recall that names no one answers
            // the other side's act too, aimed where the envoy served.
            let recall = recalled || recalls_envoy(doc, it);
            // "recalled his ambassador to Bogota, Juan Perez": a recall is aimed at the state
            // the envoy served, never at a person (the envoy named after the object is the
            // person nearest).
            let recalling = recall || gates::may_be_form_of(doc, it, &[Lex::WithdrawingVerb]);
            let targets: Vec<usize> = if cue.event_type == PloverType::Sanction && recalling {
                targets
                    .into_iter()
                    .filter(|&a| doc.actors[a].kind != polemos_core::model::ActorKind::Person)
                    .collect()
            } else {
                targets
            };
            // "Seoul recalled its ambassador from Tokyo": aimed where the envoy served.
            let targets = if targets.is_empty()
                && cue.event_type == PloverType::Sanction
                && recall
                && let Some(a) = recalled_from(doc, items, it, &srcs)
            {
                vec![a]
            } else {
                targets
            };
            // "sued Colombia at the International Court of Justice": the court is the forum.
            let targets = if doc.lexicon.is(Lex::ForumCode, &cue.cameo) {
                without_forum(doc, items, it, targets)
            } else {
                targets
            };
            // "Japan made a proposal. Russia accepted the proposal.": an acceptance answers it.
            // Only where the accepted thing names no owner: "accepted the defence ministry's
            // request", "a request from fishermen" were another's, not the other side's.
            let accepted = cue.event_type == PloverType::Agree
                && !cue.objects.is_empty()
                && !object_owned(doc, it);
            // "Kenya will appeal the ruling": a rejection of a judgement (lexicon
            // `judgement_noun`) rejects that thing, which answers no act of the other side's.
            // "Russia blocked the resolution" still answers the one who proposed it.
            let named_thing =
                cue.event_type == PloverType::Reject && event_args::rejects_judgement(doc, it);
            // "Iran criticized the move", "That finding is condemned by Turkey": a referring
            // noun of an act or document stands for the one reported just before, and the
            // judgement is aimed at its owner or doer. (A judgement rejected answers no act:
            // `named_thing`.)
            let targets = if targets.is_empty()
                && !named_thing
                && answered::judges_an_act(cue.event_type)
                && tree.target != Who::Other
                && let Some(n) = answered::act_anaphor(doc, items, it)
            {
                answered::act_owner(doc, &acts, s, (it.start, it.end), n, &srcs, clause.speaker)
            } else {
                targets
            };
            // "the refusal by China to release the detained Australian writer": a refusal is
            // aimed at whom the refused act's phrase names, not at whoever's act the clause
            // around it answers ("Japanese media reported", "France regretted"). A private
            // person the act would hand over is no side; a phrase that names no side leaves the
            // answered act's doer ("Britain condemned the refusal by Russia to hand over the
            // suspects": Britain asked).
            let refused = (cue.args == Args::Noun && cue.event_type == PloverType::Reject)
                .then(|| event_args::refused_act(doc, it))
                .flatten();
            let targets = match refused {
                Some((from, to)) if targets.is_empty() => {
                    let mut named: Vec<usize> = Vec::new();
                    for x in items.iter().filter(|x| from <= x.start && x.end <= to) {
                        if let ItemKind::Actor { actor, .. } = x.kind
                            && !named.contains(&actor)
                            && (doc.actors[actor].kind != polemos_core::model::ActorKind::Person
                                || doc.actors[actor].affiliation.is_some())
                            && !srcs.iter().any(|&s| doc.state_of(s) == doc.state_of(actor))
                        {
                            named.push(actor);
                        }
                    }
                    named
                }
                _ => targets,
            };
            let targets = if targets.is_empty()
                && !set_aside
                && !named_thing
                && (answered::reacts(cue.event_type)
                    || accepted
                    || (cue.event_type == PloverType::Sanction && recall))
                && cue.args != Args::Dyad
                && cue.mode != "deny"
                && tree.target != Who::Other
            {
                if matches!(tree.target, Who::Pronoun(true, _)) {
                    // "A Canadian judge freed her": aimed at the person the pronoun stands for,
                    // not an answer to the last state's act; that person's state only when the
                    // reacting side seized someone of a state lately ("Iran detained the British
                    // envoy ... Iran freed him").
                    if cue.event_type == PloverType::Concede {
                        answered::seized_side(doc, &acts, &srcs)
                    } else {
                        Vec::new()
                    }
                } else {
                    answered::answered(doc, &acts, s, (it.start, it.end), &srcs, clause.speaker)
                }
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
            // diplomatic ties", "X and Y delayed their meeting"; and so is reducing or breaking
            // relations (CAMEO 16x, mode `withdraw`), whatever words name it: "Sudan and Uganda
            // broke relations".
            // Not when a phrase names whom the act is aimed at, though the resolver does not
            // know it: "The EU and the US cut ties with the junta".
            let lessened = cue.event_type == PloverType::Sanction
                && cue.mode == "withdraw"
                && !event_args::aimed_at_a_named_party(doc, it);
            let mutual = (tree.target == Who::Other || !cue.objects.is_empty() || lessened)
                && srcs.len() >= 2;
            // "X and Y are hurting their people": a blow to what the parties' pronoun owns falls
            // on each one's own, not on the other; they do not fight each other.
            let upon_own = cue.event_type == PloverType::Assault
                && srcs.len() >= 2
                && event_args::object_of_group_pronoun(doc, it);
            // "Russia and Belarus surrounded the town", "a region surrounded by Poland and
            // Lithuania": force a row codes only through its object falls on that object, not
            // on the coordinated doers (who do not fight each other).
            let upon_own = upon_own
                || (!cue.objects.is_empty()
                    && matches!(cue.event_type, PloverType::Assault | PloverType::Coerce));
            // "came to plunder the natural resources": force upon a thing is not upon each other.
            let upon_own = upon_own
                || (cue.event_type == PloverType::Assault
                    && srcs.len() >= 2
                    && event_args::force_upon_a_thing(doc, it));
            // "Denmark and Norway visited refugee camps": a visit to a place is no visit to
            // each other.
            let upon_own = upon_own
                || (cue.event_type == PloverType::Consult
                    && cue.mode == "visit"
                    && srcs.len() >= 2
                    && event_args::visit_upon_a_place(doc, it));
            let mutual = mutual && !upon_own;
            let reciprocal = |t: PloverType, srcs: &[usize]| !upon_own && reciprocal(t, srcs);
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
            let negator = items[..i].iter().rev().find(|x| {
                matches!(x.kind, ItemKind::Cue(Cue::Negator))
                    && x.end <= it.start
                    && x.start >= src_end
                    && x.start >= clause.start
                    && it.tok.saturating_sub(x.tok_end) <= 4
                    && !negates_another(doc, x, it)
                    && !negates_an_ending(doc, x, it)
                    && !negates_another_verb(doc, x, it)
                    // "is not alone in accusing Belarus", "not only condemned": a negator
                    // before a word of the profile's `not_only` class negates nothing.
                    && !(x.tok_end < it.tok && doc.tok_is_a(x.tok_end, crate::lang::Class::NotOnly))
            });
            let mut negated =
                negator.is_some() || neither_subject(doc, items, i, &srcs) || tree.negated;
            if cue.event_type == PloverType::Concede
                && ((negated && unable(doc, it)) || thing_given_named(doc, it))
            {
                continue;
            }
            // "Russia refused to accept Japan's proposal": an agreement refused is a rejection
            // of whom it was aimed at, not an agreement that did not happen. Only where the
            // refusal governs the cue ("refused to accept", not "which refused to comment,
            // accepted") and is not itself denied ("has never refused to accept").
            let first = doc.sentences[s].tokens.start;
            let refused = negator.is_some_and(|x| {
                doc.tok_in_lex(x.tok, Lex::RefusingVerb)
                    && it.tok > x.tok + 1
                    && it.tok <= x.tok_end + 1
                    && doc.tok(it.tok - 1).eq_ignore_ascii_case("to")
                    && !(first..x.tok).any(|t| doc.tok_negates(t))
            });
            if cue.event_type == PloverType::Agree
                && !targets.is_empty()
                && refused
                && let Some(c) = k.plain_event(PloverType::Reject, "reject", None)
            {
                cue = c;
                negated = false;
            }
            // "Sudan does not recognize the authority of the court", "has never recognized
            // Kosovo's independence": a recognition denied is a rejection of what is not
            // recognized (the gold's convention), not a support that did not happen.
            if cue.event_type == PloverType::Support
                && cue.mode == "recognize"
                && negated
                && let Some(c) = k.plain_event(PloverType::Reject, "reject", None)
            {
                cue = c;
                negated = false;
            }
            let hedged = items.iter().any(|x| {
                matches!(x.kind, ItemKind::Cue(Cue::Hedge))
                    && x.start >= clause.start
                    && x.start < clause.end
            });
            let date = details::date(doc, items, it, &clause, status);
            if let (Some(d), Some(p), EventStatus::Past) = (date, doc.published, status)
                && d.date > p
            {
                status = EventStatus::Planned;
            }
            let (mut location, venue) = details::place(k, doc, items);
            // "ordered the Estonian ambassador to leave Moscow and return to Tallinn": the
            // expulsion happens in the capital left, not where the envoy goes next.
            if expelled && let Some(capital) = event_args::capital_left(k, doc, it) {
                location = Some(capital);
            }
            let dispute = doc.sentence_dispute.get(s).copied().flatten();
            let (issues, contexts) = details::issues_and_contexts(k, doc, items, s, cue);
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
                    // "signed by Medvedev and Georgian President Saakashvili": a state named
                    // beside its own official is the official's, and no party acts upon its own
                    // state's.
                    let parties: Vec<usize> = srcs
                        .iter()
                        .copied()
                        .filter(|&a| {
                            !srcs
                                .iter()
                                .any(|&b| b != a && doc.actors[b].affiliation == Some(a))
                        })
                        .collect();
                    parties
                        .iter()
                        .map(|&a| {
                            let others: Vec<usize> = parties
                                .iter()
                                .copied()
                                .filter(|&b| b != a && doc.state_of(b) != doc.state_of(a))
                                .collect();
                            (vec![a], others)
                        })
                        .filter(|(_, others)| !others.is_empty())
                        .collect()
                } else if cue.event_type == PloverType::Consult
                    && cue.mode == "meet"
                    && status == EventStatus::Past
                    && !negated
                {
                    // A meeting held is mutual: "X met Y" is also Y meeting X. (One announced
                    // may yet be one-sided: "intends to meet with X officials", and so is one
                    // refused: "refused to meet with Y".)
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
                start: it.start,
                event_type: cue.event_type,
                sources: dyads.iter().flat_map(|d| d.0.clone()).collect(),
                targets: dyads.iter().flat_map(|d| d.1.clone()).collect(),
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
        joined::code(k, doc, items, s, &mut acts, &mut out, &mut index);
        demanded::code(k, doc, items, s, &author, &mut out, &mut index);
        judged::code(k, doc, items, s, &author, &acts, &mut out, &mut index);
        misdeed::code(k, doc, items, s, &signatory, &mut out, &mut index);
        refused::code(k, doc, items, s, &acts, &mut out, &mut index);
    }
    // An organization only named takes no part (`Doc::takes_part`), whichever coder found it:
    // it leaves the sides it is on. An act whose doers were all such is no one's act and goes;
    // one done to such alone stays with the others it is aimed at, or none ("attacked the
    // Oromo Liberation Army" is still an attack).
    let named_only: Vec<String> = (0..doc.actors.len())
        .filter(|&a| doc.actors[a].named_only)
        .map(|a| doc.actor_name(a))
        .collect();
    if !named_only.is_empty() {
        out.retain_mut(|e| {
            let had_sources = !e.sources.is_empty();
            let had_parties = had_sources || !e.targets.is_empty();
            e.sources.retain(|a| !named_only.contains(a));
            e.targets.retain(|a| !named_only.contains(a));
            let lost_all_sources = had_sources && e.sources.is_empty();
            let lost_all_parties = had_parties && e.sources.is_empty() && e.targets.is_empty();
            !(lost_all_sources || lost_all_parties)
        });
    }
    for e in &mut out {
        e.confidence = calibration::confidence(&k.calibration, e);
    }
    doc.events = out;
}

/// Whether the cue `it` is a verb of alleging (lexicon `alleging_verb`, by lemma): its "that"
/// clause states what its subject accuses another of, so the clause's subject is the accused
/// whatever the clause says it did ("Colombia alleged that Venezuela was arming the rebels").
fn alleging(doc: &Doc<'_>, it: &Item) -> bool {
    let p = &doc.parse;
    p.words_in(it.start, it.end).into_iter().any(|w| {
        p.token(w).is_some_and(|t| {
            t.upos == "VERB"
                && doc
                    .lexicon
                    .is(Lex::AllegingVerb, &t.lemma.to_ascii_lowercase())
        })
    })
}

/// Whether the cue's own words withdraw an envoy ("recalled its ambassador"): a verb of
/// withdrawing (`withdrawing_verb`, by stem, or `sanction_verb_irregular`) and an envoy noun.
fn recalls_envoy(doc: &Doc<'_>, it: &Item) -> bool {
    let words = || (it.tok..it.tok_end).map(|t| doc.tok(t).to_ascii_lowercase());
    words().any(|w| doc.lexicon.is(Lex::EnvoyNoun, &w))
        && words().any(|w| {
            doc.lexicon.is(Lex::SanctionVerbIrregular, &w)
                || doc
                    .lexicon
                    .words(Lex::WithdrawingVerb)
                    .any(|v| w.starts_with(v))
        })
}

/// The item of the act a threat at `items[at]` names by its infinitive, right after the cue
/// ("threatened to close", "is threatening to freeze"), if that act is itself a cue.
fn threatened_act(doc: &Doc<'_>, items: &[Item], at: usize) -> Option<usize> {
    let cue = items.get(at)?;
    if doc.tok(cue.tok_end) != "to" {
        return None;
    }
    items
        .iter()
        .enumerate()
        .skip(at + 1)
        .find(|(_, it)| it.tok == cue.tok_end + 1 && matches!(it.kind, ItemKind::Event(_)))
        .map(|(j, _)| j)
}

mod agreed;
mod answered;
pub mod calibration;
pub(crate) mod clausal;
mod demanded;
mod details;
pub(crate) mod joined;
mod judged;
mod merge;
mod misdeed;
mod refused;
mod regime;
mod reported;
mod sources;
mod targets;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_anaphors;
#[cfg(test)]
mod tests_answers;
#[cfg(test)]
mod tests_cameo;
#[cfg(test)]
mod tests_clausal;
#[cfg(test)]
mod tests_hosts;
#[cfg(test)]
mod tests_judged;
#[cfg(test)]
mod tests_linking;
#[cfg(test)]
mod tests_misdeed;
#[cfg(test)]
mod tests_nominal;
#[cfg(test)]
mod tests_pairs;
#[cfg(test)]
mod tests_refused;
#[cfg(test)]
mod tests_targets;
#[cfg(test)]
mod tests_types;
#[cfg(test)]
mod tests_voice;
#[cfg(test)]
mod tests_wire;

/// Whether the verb cue `cue` of sentence `s` heads a clause of condition (marked by a word of
/// the profile's `condition_mark`: "if Russia deployed missiles", "unless Japan withdrew"), or
/// the noun cue `cue` (`noun`) is the object of a verb that would perform its act there ("if it
/// were to carry out the threat", "if Chile launches an invasion"; not "if Chile ends the
/// invasion", "if Bolivia condemns the attack", whose acts the condition presupposes). The parse
/// is asked only where such a word stands before the cue.
fn in_condition(doc: &Doc<'_>, cue: &Item, s: usize, noun: bool) -> bool {
    let from = doc.sentences[s].tokens.start;
    let p = &doc.parse;
    // A noun cue is told in the condition of the verb that performs it (lang-en
    // `performing_verb`: "carry out", "launch", "stage"), whose object it is.
    let performer =
        || event_args::performing_verb_of(p, p.head_of(&p.words_in(cue.start, cue.end))?);
    // "Should China decide to retaliate against the US, oil prices would soar": a condition
    // by inversion runs from the sentence's head to its first comma ("Should Chile launch an
    // invasion, ...": a noun cue only as a performing verb's object; not "Had it not been for
    // the attack, ...").
    if cue.tok > from
        && doc.tok(from).starts_with(char::is_uppercase)
        && doc.tok_is_a(from, Class::InvertedCondition)
        && (from..cue.tok).all(|t| doc.tok(t) != ",")
        && (cue.tok..doc.sentences[s].tokens.end).any(|t| doc.tok(t) == ",")
    {
        return !noun || performer().is_some();
    }
    if !(from..cue.tok).any(|t| doc.tok_is_a(t, Class::ConditionMark)) {
        return false;
    }
    let v = if noun {
        let Some(h) = performer() else {
            return false;
        };
        h
    } else {
        let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
            return false;
        };
        v
    };
    // "if Russia deployed and fired missiles": the conjunct shares the first verb's mark.
    let first = p.first_conjunct(v);
    p.has_rel(first, "advcl") && p.marked_by(first, Class::ConditionMark)
}

/// Whether the noun cue `cue` has a determiner of any act of its kind (lang-en
/// `unspecific_determiner`: "any Russian threat", "whatever attack"). The parse is asked only
/// where such a word stands right before the cue or a word or two before it.
fn any_such_act(doc: &Doc<'_>, cue: &Item) -> bool {
    let from = cue.tok.saturating_sub(3);
    if !(from..cue.tok).any(|t| doc.tok_is_a(t, Class::UnspecificDeterminer)) {
        return false;
    }
    let p = &doc.parse;
    let Some(n) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    p.dependents(n).any(|d| {
        p.has_rel(d, "det")
            && p.token(d).is_some_and(|t| {
                p.lang()
                    .is(Class::UnspecificDeterminer, &t.lemma.to_ascii_lowercase())
            })
    })
}

/// Whether the noun cue at `items[at]` is what another event cue of the sentence answers, by
/// agreeing, approving or rejecting: its object, its oblique ("agreed to Japan's proposal") or
/// its passive subject ("Japan's proposal was accepted by Russia").
fn answered_proposal(k: &Knowledge, doc: &Doc<'_>, items: &[Item], at: usize) -> bool {
    let p = &doc.parse;
    let Some(n) = p.head_of(&p.words_in(items[at].start, items[at].end)) else {
        return false;
    };
    let Some(v) = p
        .head(n)
        .filter(|_| ["obj", "obl", "nsubj:pass"].iter().any(|r| p.has_rel(n, r)))
        .and_then(|v| p.token(v))
    else {
        return false;
    };
    items.iter().enumerate().any(|(j, x)| {
        j != at
            && matches!(x.kind, ItemKind::Event(e) if matches!(
                k.events[e].event_type,
                PloverType::Agree | PloverType::Support | PloverType::Reject
            ) && k.events[e].args != Args::Noun)
            && x.start <= v.start
            && v.end <= x.end
    })
}

/// Whether the verb cue `it` is under a modal of ability (`ability_modal`: "could not hand over
/// her remains", "cannot release them", "couldn't"): negated, an inability, no concession
/// withheld from anyone. The parse gives the modal's lemma however it is contracted.
fn unable(doc: &Doc<'_>, it: &Item) -> bool {
    let p = &doc.parse;
    p.word_at(it.start).is_some_and(|v| {
        p.dependents(v).any(|d| {
            p.has_rel(d, "aux")
                && p.token(d).is_some_and(|t| {
                    doc.lang
                        .is(Class::AbilityModal, &t.lemma.to_ascii_lowercase())
                })
        })
    })
}

/// Whether the verb cue `it` is a participle naming what was given ("remains handed over by
/// North Korea are those of two people"): the thing is what its clause talks about, the giving
/// no act the clause reports. People held ("soldiers freed by Mali", `captive_noun`) are told
/// freed.
fn thing_given_named(doc: &Doc<'_>, it: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.word_at(it.start) else {
        return false;
    };
    p.has_rel(v, "acl")
        && p.token(v).is_some_and(|t| t.xpos == "VBN")
        && !p.dependents(v).any(|d| {
            ["nsubj", "nsubj:pass", "aux", "aux:pass", "obj"]
                .iter()
                .any(|r| p.has_rel(d, r))
        })
        && p.head(v).and_then(|n| p.token(n)).is_some_and(|t| {
            t.upos == "NOUN"
                && !doc
                    .lexicon
                    .is(Lex::CaptiveNoun, &t.text.to_ascii_lowercase())
        })
}

/// Whether the cue at `items[at]` is a word the parse tags as a noun, owned by an actor
/// ("Japan's protest").
fn owned_noun(doc: &Doc<'_>, items: &[Item], at: usize) -> bool {
    // The owner first, from the tokens: the parse is asked only where one stands (plain
    // clauses are read without it).
    matches!(
        crate::syntax::possessor(items, at, doc),
        Some(Subject::Actors(..))
    ) && doc
        .parse
        .word_at(items[at].start)
        .and_then(|w| doc.parse.token(w))
        .is_some_and(|t| t.upos == "NOUN")
}

/// Whether the object after the cue `it` names an owner: a possessive ("the ministry's",
/// "its") or a "from"/"by" phrase before the clause goes on ("accepted a request from
/// fishermen").
fn object_owned(doc: &Doc<'_>, it: &Item) -> bool {
    let end = doc
        .sentence_of(it.tok)
        .map_or(it.tok_end, |s| doc.sentences[s].tokens.end);
    (it.tok_end..end.min(it.tok_end + 8))
        .take_while(|&t| {
            doc.tokens[t].kind == TokKind::Word || doc.tok(t) == "'" || doc.tok(t) == "\u{2019}"
        })
        .any(|t| {
            doc.tok_is_a(t, Class::PossessivePronoun)
                || doc.tok_is_a(t, Class::AgentPreposition)
                || doc.tok(t).eq_ignore_ascii_case("from")
                || (doc.tok_is_a(t, Class::PossessiveEnding)
                    && t > 0
                    && matches!(doc.tok(t - 1), "'" | "\u{2019}"))
        })
}

/// Whether the cue `it` is a directive to an actor (`event_args::directive`), asking the parse
/// only when one of its words can be a form of an ordering verb ("told" is an irregular one).
fn directs(doc: &Doc<'_>, it: &Item) -> bool {
    ((it.tok..it.tok_end).any(|t| {
        doc.lexicon
            .is(Lex::SanctionVerbIrregular, &doc.tok(t).to_ascii_lowercase())
    }) || gates::may_be_form_of(doc, it, &[Lex::OrderingVerb])
        || doc.parse.asks_always())
        && event_args::directive(doc, it)
}

/// Whether the cue `it` suspends a member (`event_args::suspended_member`), asking the parse
/// only when one of its words can be a form of a suspending verb.
fn suspends_member(doc: &Doc<'_>, it: &Item) -> bool {
    (gates::may_be_form_of(doc, it, &[Lex::SuspendingVerb]) || doc.parse.asks_always())
        && event_args::suspended_member(doc, it)
}

/// Whether actor `a` is named after the cue `cue` behind a preposition of aim (lang
/// `target_preposition`) that stands between them: "regrets the hurt caused to Indonesia".
fn harmed_after_aim(doc: &Doc<'_>, items: &[Item], cue: &Item, a: usize) -> bool {
    items.iter().any(|x| {
        matches!(x.kind, ItemKind::Actor { actor, .. } if actor == a)
            && x.tok >= cue.tok_end
            && (cue.tok_end..x.tok).any(|t| doc.tok_is_a(t, Class::TargetPreposition))
    })
}

/// Whether the sources of an order sending an envoy away are of a state, and the envoy is not
/// named as that state's own by the words before the head of the order's object ("ordered the
/// U.S. ambassador to Niger to leave", said of the United States, is an evacuation; "the
/// ambassador to Niger" is where he served).
fn expelling_state(doc: &Doc<'_>, items: &[Item], cue: &Item, srcs: &[usize]) -> bool {
    let states: Vec<usize> = srcs.iter().map(|&a| doc.state_of(a)).collect();
    if states.is_empty()
        || states
            .iter()
            .any(|&a| doc.actors[a].kind != polemos_core::model::ActorKind::State)
    {
        return false;
    }
    let p = &doc.parse;
    let object = p
        .word_at(cue.start)
        .and_then(|v| p.dependent(v, "obj").or_else(|| p.dependent(v, "iobj")))
        .and_then(|o| Some((p.subtree_span(o)?.0, p.token(o)?.start)));
    let Some((from, head)) = object else {
        return true;
    };
    !items.iter().any(|it| match it.kind {
        ItemKind::Actor { actor, .. } => {
            it.start >= from && it.end <= head && states.contains(&doc.state_of(actor))
        }
        _ => false,
    })
}
