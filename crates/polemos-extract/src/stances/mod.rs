//! Stance stage: support, opposition, neutrality, conditional support or opposition (the
//! position gives the direction, see `StanceLabel::Conditional`) and downplaying of
//! issues, with hedging and negation, conditions linked to the issue they depend on, proposals
//! recorded as the proposer's support and accusations as opposition to the act named. Holders
//! and negation are read from the parse where it says (`holders`); officials' stances are
//! held by their state, the official is the speaker in the evidence. A stance's confidence is
//! calibrated on the evaluation corpus (`calibration`); each evidence keeps the confidence of
//! its own reading.

pub mod calibration;
mod commitment;
mod holders;
mod issues;
mod references;
mod signers;
mod territory;
#[cfg(test)]
mod tests_commitment;
#[cfg(test)]
mod tests_conditions;
#[cfg(test)]
mod tests_constructions;
#[cfg(test)]
mod tests_cue_objects;
#[cfg(test)]
mod tests_emphasis;
#[cfg(test)]
mod tests_fresh;
#[cfg(test)]
mod tests_general;
#[cfg(test)]
mod tests_grievances;
#[cfg(test)]
mod tests_intent;
#[cfg(test)]
mod tests_refs;
#[cfg(test)]
mod tests_requests;
#[cfg(test)]
mod tests_signers;
#[cfg(test)]
mod tests_tree;
#[cfg(test)]
mod tests_undoing;
#[cfg(test)]
mod tests_unseen;
#[cfg(test)]
mod tests_votes;
#[cfg(test)]
mod tests_wire;
mod votes;

use std::collections::HashMap;

use super::attribution::clause_at;
use super::events::issue_name;
use super::ir::{Doc, Item, ItemKind, TokKind};
use super::knowledge::{Args, Cue, Knowledge, TopicScale};
use super::lang::Class;
use super::lexicon::Lex;
use super::output::{ConditionFact, EventFact, StanceFact};
use super::tree::Word;
pub(crate) use holders::signatory;
use holders::{holder, voice};
pub(crate) use issues::request_may_name_issue;
use issues::{accused_of, assessed, claimed, new_issue, topic_after};
use polemos_core::model::{FuzzyDate, PloverType, RequiredOutcome, Span, StanceLabel};
use references::{anaphor, anaphor_before};

/// How far after a stance cue its condition may start, in tokens.
const CONDITION_WINDOW: usize = 14;
/// How many sentences back a request may stand for "those calls" to refer to it.
const REQUEST_BACK: usize = 2;
/// How far after a cue of support the actors asked to act may be named ("encourage India and
/// Pakistan to ..."), in tokens.
const ASKED_ACTORS_WINDOW: usize = 6;
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Support,
    Oppose,
    Proposal,
    Downplay,
    /// The subject claims sovereignty or rights: support of its `sovereignty` issue.
    Claim,
    /// The speaker denies another's claim: opposition to the `sovereignty` issue.
    DenyClaim,
    /// The speaker judges the thing just named good or bad.
    Assess(bool),
    /// "X accused Y of provoking tensions": X opposes the act it accuses Y of.
    Accuse,
    /// "takes no position regarding sovereignty": neutral on the topic named.
    Neutral,
    /// "X recalled its ambassador over the crackdown": a sanction of relations; X opposes what
    /// it is over.
    Sever,
}

/// Whether the parse coordinates a new verb after token `from`, up to and including token `to`
/// ("cease all hostilities and to reduce tensions": "reduce" is a conjunct of "cease"), so that
/// a word at `from` governs nothing from that verb on.
fn coordinated_verb_between(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    let p = &doc.parse;
    (from + 1..=to).any(|t| {
        p.word_at(doc.tokens[t].start).is_some_and(|w| {
            p.rel(w) == "conj"
                && p.token(w).is_some_and(|x| x.upos == "VERB")
                && p.head(w).is_some_and(|h| {
                    p.word_at(doc.tokens[from].start)
                        .is_some_and(|f| h.sentence == f.sentence && h.index <= f.index)
                })
        })
    })
}

/// Whether the word at token `t` is the verb of a relative clause whose object is no topic:
/// "the news, which lifted hopes of renewed talks" lifts the hopes, and what it says of the
/// talks is no reversal of them. Outside a relative clause the object may be the topic's
/// holder ("refuses to renounce its goal of sovereignty" renounces the sovereignty), and a
/// relative clause's verb upon a topic ("the deal, which ended the sanctions") reverses it.
fn object_not_a_topic(doc: &Doc<'_>, items: &[Item], t: usize) -> bool {
    let p = &doc.parse;
    let Some(w) = p.word_at(doc.tokens[t].start) else {
        return false;
    };
    if !(p.token(w).is_some_and(|x| x.upos == "VERB") && p.has_rel(w, "acl:relcl")) {
        return false;
    }
    p.dependent(w, "obj").is_some_and(|o| {
        !items.iter().any(|x| {
            matches!(x.kind, ItemKind::Topic(_)) && p.words_in(x.start, x.end).contains(&o)
        })
    })
}

/// Whether a verb coordinated with the cue ending at token `cue_end` opens before token `to`:
/// one the parse coordinates with it, or, when `loose`, any verb after a conjunction
/// ([`verb_after_coordinator`]: a condition's scope, where the parser may take the coordinated
/// verb for a noun; a topic keeps to the parse, since "asked Russia to halt and prevent the
/// deployment" shares its object). Only a sentence with such a conjunction between is parsed
/// to ask (parse gates).
fn coordinated_after(doc: &Doc<'_>, cue_end: usize, to: usize, loose: bool) -> bool {
    (cue_end..to).any(|t| doc.tok_is_a(t, Class::VerbCoordinator))
        && (coordinated_verb_between(doc, cue_end.saturating_sub(1), to)
            || loose && verb_after_coordinator(doc, cue_end, to))
}

/// Whether a topic at token `to` belongs to a later stance cue coordinated after the cue
/// `items[at]`: one the parse coordinates with it ([`coordinated_after`]), or a cue of the
/// lexicon after a conjunction that coordinates verbs, however the parse tags it ("to denounce
/// the coup and deny recognition to any government", where the parser reads "deny recognition"
/// as a compound noun): the recognition is denied, not denounced.
fn later_cues_topic(k: &Knowledge, doc: &Doc<'_>, items: &[Item], at: usize, to: usize) -> bool {
    let cue_end = items[at].tok_end;
    coordinated_after(doc, cue_end, to, false)
        || items[at + 1..].iter().take_while(|x| x.tok < to).any(|x| {
            x.tok > cue_end
                && doc.tok_is_a(x.tok - 1, Class::VerbCoordinator)
                && kind_of(k, doc, x).is_some()
        })
}

/// Whether the topic at token `to` lies in a participle clause that the parse attaches to the
/// cue's verb after the cue's own object: "protested Turkey's troop movement, calling it a
/// breach of its sovereignty" protests the movement; the sovereignty is what the participle
/// says the movement breaches. Parse gates: only punctuation and an "-ing" word between the
/// cue and the topic ask the parse.
fn in_trailing_participle(doc: &Doc<'_>, items: &[Item], at: usize, to: usize) -> bool {
    let cue = items[at];
    let Some(mark) = (cue.tok_end..to).find(|&t| matches!(doc.tokens[t].kind, TokKind::Punct))
    else {
        return false;
    };
    if !(mark + 1..to).any(|t| doc.lang.ends_with_lower(Class::GerundSuffix, doc.tok(t))) {
        return false;
    }
    let p = &doc.parse;
    let (Some(verb), Some(topic)) = (
        p.word_at(doc.tokens[cue.tok].start),
        p.word_at(doc.tokens[to].start),
    ) else {
        return false;
    };
    // The cue's object must end before the participle: "calling" with no object before it
    // ("protested, calling the deployment a breach") leaves the participle's words the only
    // issue.
    let Some(object_end) = p
        .dependent(verb, "obj")
        .and_then(|o| p.subtree_span(o))
        .map(|(_, end)| end)
    else {
        return false;
    };
    let mut w = topic;
    while let Some(h) = p.head(w) {
        if h == verb {
            return p.has_rel(w, "advcl")
                && p.token(w)
                    .is_some_and(|t| t.upos == "VERB" && t.start >= object_end);
        }
        w = h;
    }
    false
}

/// Whether a conjunction that coordinates verbs ("and", "but") and a verb after it stand in
/// `from..to`: "rejects the annexation and pledges to maintain this policy until ...", where
/// the parser may take "pledges" for a noun, still opens a predicate of its own at "maintain".
fn verb_after_coordinator(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    (from..to)
        .find(|&t| doc.tok_is_a(t, Class::VerbCoordinator))
        .is_some_and(|c| (c + 1..to).any(|t| doc.tok_upos(t) == "VERB"))
}

/// Whether an event cue rejects a judgement its object names ("rejected the verdict", "will
/// appeal the ruling"; lexicon `judgement_noun`): a thing it opposes, which may be a new issue,
/// as an opposing cue's object is. Other rejections' objects are invitations, offers and
/// requests, read elsewhere; other acts' objects are people and things acted upon.
/// Whether the event at `it` ends a pact: a sanction of mode `withdraw` ("cancelled",
/// "scrapped", "abrogated") whose object a pact noun heads (lexicon `pact_noun`): "has cancelled
/// a security agreement with Australia" opposes the agreement. Not a meeting called off or ties
/// ended ("cancelled the talks", "scrapped military exchanges"): acts, read as events only.
/// A pact not ended takes no side (see where negation is read); one perhaps ended ("may
/// scrap") is a hedged opposition, as any hedged cue's. Nor a deal with a business party
/// ("scrapped its deal with a French firm", lexicon `commercial_party_noun`): a contract.
fn ends_a_pact(k: &Knowledge, doc: &Doc<'_>, it: &Item) -> bool {
    if !matches!(it.kind, ItemKind::Event(e)
        if k.events[e].event_type == PloverType::Sanction && k.events[e].mode == "withdraw")
    {
        return false;
    }
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(it.start, it.end)) else {
        return false;
    };
    p.dependents(v).filter(|&o| p.has_rel(o, "obj")).any(|o| {
        p.token(o)
            .is_some_and(|t| doc.lexicon.is(Lex::PactNoun, &t.text))
            && !with_commercial_party(doc, v, o)
    })
}

/// Whether the pact ending at `items[at]` is reported (its verb the complement of a verb of
/// saying) and a later denial of the same sentence (an event row of mode `deny`) has one of
/// `holders` for its subject: "Qatar said Egypt had cancelled the accord, but Egypt denied it".
/// A holder who ends the pact and denies something else ("Egypt cancelled the accord and
/// denied any plan to attack") reports the ending itself; so does one of a reported ending who
/// denies something else ("said Egypt scrapped the accord, but Cairo denied the move targeted
/// Qatar", see `denies_the_ending`).
fn ending_denied_by_holder(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    holders: &[usize],
) -> bool {
    let p = &doc.parse;
    let verb = |x: &Item| p.head_of(&p.words_in(x.start, x.end));
    if !verb(&items[at]).is_some_and(|v| p.has_rel(v, "ccomp")) {
        return false;
    }
    let held_by = |subject: Word| {
        items.iter().any(|a| match a.kind {
            ItemKind::Actor { actor, .. } => {
                holders::stance_holder(doc, actor).is_some_and(|h| holders.contains(&h))
                    && p.words_in(a.start, a.end).contains(&subject)
            }
            _ => false,
        })
    };
    items[at + 1..].iter().any(|x| {
        matches!(x.kind, ItemKind::Event(e)
            if k.events[e].event_type == PloverType::Reject && k.events[e].mode == "deny")
            && verb(x).is_some_and(|d| {
                p.dependent(d, "nsubj").is_some_and(held_by)
                    && verb(&items[at]).is_some_and(|v| denies_the_ending(doc, d, v))
            })
    })
}

/// Whether the denial verb `d` denies the ending at the verb `v`: unless it denies something
/// else, a clause of another act ("denied the move targeted Qatar") or a noun with a clause of
/// its own ("denied any plan to attack"), it does: "Egypt denied it", "denied the report",
/// "denied doing so", "denied that it had scrapped the agreement", "denied withdrawing from the
/// pact".
fn denies_the_ending(doc: &Doc<'_>, d: Word, v: Word) -> bool {
    let p = &doc.parse;
    let names_pact = |w: Word| {
        p.token(w)
            .is_some_and(|t| doc.lexicon.is(Lex::PactNoun, &t.text))
    };
    let lemma = |w: Word| p.token(w).map(|t| t.lemma.as_str());
    let another_act = |c: Word| {
        lemma(c) != lemma(v)
            && lemma(c) != Some("do")
            && !p
                .dependents(c)
                .any(|o| matches!(p.rel(o), "obj" | "obl") && names_pact(o))
    };
    !p.dependents(d).any(|c| match p.rel(c) {
        "ccomp" => another_act(c),
        "obj" => p
            .dependents(c)
            .any(|o| matches!(p.rel(o), "acl" | "acl:relcl")),
        _ => false,
    })
}

/// Whether the pact noun `o`, object of the verb `v`, has a business party: a noun of the
/// lexicon `commercial_party_noun` the parse hangs on the noun ("its deal with a French firm")
/// or on the verb ("scrapped the deal with the company").
fn with_commercial_party(doc: &Doc<'_>, v: Word, o: Word) -> bool {
    let p = &doc.parse;
    let party = |w: Word| {
        p.token(w)
            .is_some_and(|t| doc.lexicon.is(Lex::CommercialPartyNoun, &t.text))
    };
    p.dependents(o)
        .filter(|&d| p.has_rel(d, "nmod"))
        .chain(p.dependents(v).filter(|&d| p.has_rel(d, "obl")))
        .any(party)
}

fn rejects_a_thing(k: &Knowledge, doc: &Doc<'_>, it: &Item) -> bool {
    matches!(it.kind, ItemKind::Event(e)
        if k.events[e].event_type == PloverType::Reject && k.events[e].mode == "reject")
        && crate::event_args::rejects_judgement(doc, it)
}

/// The noun of an allegation (lexicon `allegation_noun`) that heads the object of a cue of
/// rejecting or denying (an event row of mode `reject` or `deny`, or a cue of opposition):
/// "Rwanda has denied the allegations", "We reject recent claims by Russian officials" oppose the
/// allegation, a thing that may be a new issue. Not a claim to a place ("rejected claims to the
/// islands", `claim_object_case`): sovereignty, read elsewhere; nor a claim of a kind ("insurance
/// claims", "compensation claims": a compound that is no allegation noun), a demand for money.
/// The noun's one form (its plural) comes first; the second value says whether it may name the issue: a noun that is only ever an
/// allegation (`allegation_only_noun`: "accusations"), or a bare one denied ("deny the claim",
/// not "denied the claims for compensation", a demand), or one with what is alleged ("claims that it armed the rebels") or
/// who alleges it ("claims by Russian officials"); a bare "rejected the claims of investors" may
/// be their demands.
fn rejects_an_allegation(k: &Knowledge, doc: &Doc<'_>, it: &Item) -> Option<(String, bool)> {
    let rejecting = match it.kind {
        ItemKind::Event(e) => {
            k.events[e].event_type == PloverType::Reject
                && matches!(k.events[e].mode.as_str(), "reject" | "deny")
        }
        ItemKind::Cue(c) => c == Cue::Oppose,
        _ => false,
    };
    if !rejecting {
        return None;
    }
    let p = &doc.parse;
    let v = p.head_of(&p.words_in(it.start, it.end))?;
    let is_allegation = |w: Word| {
        p.token(w).is_some_and(|t| {
            doc.lexicon
                .is(Lex::AllegationNoun, &t.text.to_ascii_lowercase())
                || doc
                    .lexicon
                    .is(Lex::AllegationNoun, &t.lemma.to_ascii_lowercase())
        })
    };
    let has_case = |m: Word, is: &dyn Fn(&str) -> bool| {
        p.dependents(m)
            .any(|c| p.has_rel(c, "case") && is(&holders::lemma(doc, c)))
    };
    let d = p
        .dependents(v)
        .filter(|&d| p.has_rel(d, "obj"))
        .find(|&d| {
            is_allegation(d)
                && !p.dependents(d).any(|m| {
                    (p.has_rel(m, "nmod")
                        && has_case(m, &|c| doc.lexicon.is(Lex::ClaimObjectCase, c)))
                        || (p.has_rel(m, "compound") && !is_allegation(m))
                })
        })?;
    let lemma = holders::lemma(doc, d);
    let that_clause = |c: Word| {
        p.dependents(c).any(|m| {
            doc.lang.is(Class::Complementizer, &holders::lemma(doc, m)) && !p.has_rel(m, "nsubj")
        })
    };
    let denied = matches!(it.kind, ItemKind::Event(e) if k.events[e].mode == "deny");
    let names = (denied && !p.dependents(d).any(|m| p.has_rel(m, "nmod")))
        || doc.lexicon.is(Lex::AllegationOnlyNoun, &lemma)
        || p.dependents(d).any(|m| {
            (p.has_rel(m, "nmod") && has_case(m, &|c| doc.lang.is(Class::AgentPreposition, c)))
                || (p.has_rel(m, "acl") && that_clause(m))
        })
        || p.dependents(v)
            .any(|m| p.has_rel(m, "ccomp") && that_clause(m));
    // One issue for "the allegation" and "the allegations": the plural the list gives names it
    // ("claims", as gold and other paths name it), else the lemma.
    let plural = format!("{lemma}s");
    let id = if doc.lexicon.is(Lex::AllegationNoun, &plural) {
        plural
    } else {
        lemma
    };
    Some((id, names))
}

fn kind_of(k: &Knowledge, doc: &Doc<'_>, it: &Item) -> Option<Kind> {
    match it.kind {
        ItemKind::Cue(Cue::Support | Cue::Enact) => Some(Kind::Support),
        ItemKind::Cue(Cue::Oppose) => Some(Kind::Oppose),
        ItemKind::Cue(Cue::Proposal) => Some(Kind::Proposal),
        ItemKind::Cue(Cue::Downplay) => Some(Kind::Downplay),
        ItemKind::Cue(Cue::Claim) => Some(Kind::Claim),
        ItemKind::Cue(Cue::DenyClaim) => Some(Kind::DenyClaim),
        ItemKind::Cue(Cue::AssessGood) => Some(Kind::Assess(true)),
        ItemKind::Cue(Cue::AssessBad) => Some(Kind::Assess(false)),
        ItemKind::Cue(Cue::Neutral) => Some(Kind::Neutral),
        ItemKind::Event(e)
            if k.events[e].event_type == PloverType::Agree && k.events[e].mode == "propose" =>
        {
            Some(Kind::Proposal)
        }
        // "granted a company rights to explore the lake for oil": investigating (CAMEO 09,
        // coded ACCUSE) charges no one.
        ItemKind::Event(e)
            if k.events[e].event_type == PloverType::Accuse
                && k.events[e].mode != "investigate" =>
        {
            Some(Kind::Accuse)
        }
        // "asked to have peacekeepers sent", "demanded talks": asking for a thing supports it;
        // asking about it ("Asked about the sanctions, ...") asks a question.
        ItemKind::Event(e) if k.events[e].event_type == PloverType::Request => {
            (!crate::events::clausal::question_asked(doc, it)).then_some(Kind::Support)
        }
        // "has cancelled a security agreement with Australia": ending a pact opposes it.
        ItemKind::Event(_) if ends_a_pact(k, doc, it) => Some(Kind::Oppose),
        ItemKind::Event(e) if k.events[e].event_type == PloverType::Sanction => Some(Kind::Sever),
        // "refused to discuss a peace treaty", "turned down the proposal": a rejection's verb
        // phrase can swallow the stance cue; rejecting a thing opposes it.
        ItemKind::Event(e) if k.events[e].event_type == PloverType::Reject => Some(Kind::Oppose),
        // "lodged a protest with Russia over the visit": a formal protest opposes what it is
        // over.
        ItemKind::Event(e) if k.events[e].event_type == PloverType::Protest => Some(Kind::Oppose),
        _ => None,
    }
}

/// The issue of a stance: a topic after the cue, else a new issue named by the noun phrase.
#[derive(Clone)]
enum Target {
    Topic(usize, usize),
    New(String, String),
}

impl From<issues::Accused> for Target {
    fn from(found: issues::Accused) -> Self {
        match found {
            issues::Accused::Topic(t, tok) => Target::Topic(t, tok),
            issues::Accused::New(id, title) => Target::New(id, title),
        }
    }
}

fn required(items: &[Item], from: usize, to: usize, scale: Option<&TopicScale>) -> RequiredOutcome {
    let found = items
        .iter()
        .filter(|it| it.start >= from && it.start < to)
        .find_map(|it| match it.kind {
            ItemKind::Cue(Cue::Resolved) => Some(RequiredOutcome::Resolved),
            ItemKind::Cue(Cue::Adopted) => Some(RequiredOutcome::Adopted),
            ItemKind::Cue(Cue::Rejected) => Some(RequiredOutcome::Rejected),
            _ => None,
        });
    found.unwrap_or(match scale {
        Some(TopicScale::Binary(_)) => RequiredOutcome::Adopted,
        _ => RequiredOutcome::Resolved,
    })
}

/// Reads every stance of the document and merges repeated ones per (actor, issue).
#[allow(clippy::too_many_lines)]
pub fn run(k: &Knowledge, doc: &mut Doc<'_>) {
    let mut out: Vec<StanceFact> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut last_proposal_topic: Option<usize> = None;
    let mut seen_new: std::collections::HashSet<String> = std::collections::HashSet::new();
    // Per dispute, whether the text is only loosely about it (`references::loosely_about`
    // reads every sentence, so it is asked once).
    let mut loose: HashMap<usize, bool> = HashMap::new();
    let mut new_issues: Vec<(String, String)> = Vec::new();
    // The canonical topics some rules name directly, looked up once a document.
    let topic = |id: &str| k.topics.iter().position(|t| t.id == id);
    let (sovereignty, recognition) = (topic("sovereignty"), topic("recognition"));
    let voice = voice(doc);
    let author = std::cell::OnceCell::new();
    let mut last_holders: Option<(usize, Vec<usize>, Vec<usize>)> = None;
    // The requests read: their sentence, what they asked about, whether they asked for it and
    // who asked.
    let mut requests: Vec<(usize, Target, bool, Vec<usize>)> = Vec::new();
    for s in 0..doc.sentences.len() {
        if doc.sentences[s].headline
            || doc
                .sentence_dispute
                .get(s)
                .copied()
                .flatten()
                .is_some_and(|d| references::about_another(k, doc, s, d))
        {
            continue;
        }
        let items: &[Item] = doc.sentence_items(s);
        let sentence_end = doc.sentences[s].end;
        let mut last_span = (usize::MAX, usize::MAX);
        for (i, it) in items.iter().enumerate() {
            let Some(kind) = kind_of(k, doc, it) else {
                continue;
            };
            if (it.start, it.end) == last_span {
                continue;
            }
            last_span = (it.start, it.end);
            doc.tick(items.len() * 8);
            // What a word of falsity or of wrong at the cue judges, read once (each asks the
            // parse, and only for its own words).
            let false_claim = references::false_claim(doc, items, i);
            let false_charge = references::false_charge(doc, items, i);
            let wrong = matches!(kind, Kind::Assess(_))
                .then(|| issues::judged_wrong(doc, items, i))
                .flatten();
            if asked_of_another(k, doc, items, i)
                || (kind == Kind::Oppose && aims_an_act(doc, it))
                || (kind == Kind::Oppose && against_an_attack(k, doc, items, it))
                || (kind == Kind::Oppose && severs_own_dealings(k, doc, it))
                || (kind == Kind::Support && particle_of_a_verb(doc, it))
                || (kind == Kind::Support && charged_act(k, doc, items, i, s))
                || (kind == Kind::Support && demanding_adjective(doc, it))
                || (kind == Kind::Oppose && preposition_marks_infinitive(doc, it))
                || (matches!(kind, Kind::Support | Kind::Oppose)
                    && participle_without_subject(doc, it, s))
                || embedded_question(doc, it, s)
                || within_a_condition(doc, items, i, s)
                || (kind == Kind::Claim && rival_claims(doc, it))
                || (kind == Kind::Support && accepts_a_fact(doc, it))
                || (matches!(kind, Kind::Support | Kind::Oppose)
                    && passive_upon_a_thing(doc, items, it))
                || (kind == Kind::Support && wish_told_by_another(doc, it))
                || wish_for_no_thing(doc, it)
                || (kind == Kind::Oppose && issues::existence_unsaid(doc, it))
                || (kind == Kind::Oppose && issues::denied_wrong(k, doc, items, it))
                || (kind == Kind::Accuse && issues::accuser_unnamed(doc, it))
                || (false_claim.is_some_and(|c| c.is_none()) && false_charge.is_none())
                // "made a mistake", "the lawless tribal areas": no predicate, nothing judged.
                || matches!(wrong, Some(issues::WrongJudged::Nothing))
                || (kind == Kind::Support
                    && references::recognition_under_another(k, doc, items, i))
            {
                continue;
            }
            // A transcript's labelled speaker is the speaker of his turn's plain clauses
            // (attribution.rs).
            let Some(clause) = clause_at(&doc.clauses, s, it.start).cloned() else {
                continue;
            };
            let args = match it.kind {
                ItemKind::Event(e) => Some(k.events[e].args),
                _ => None,
            };
            // "calls on Eritrea and Djibouti to ..., and for Eritrea to accept offers of
            // mediation": the actor "for" names before the cue's infinitive is asked to act; the
            // stance is the asker's, whose holder is read at the verb of asking.
            let asker = asked_for(k, doc, items, i, s);
            let (site_at, site_clause, site_args) = match asker {
                Some(r) => (
                    r,
                    clause_at(&doc.clauses, s, items[r].start)
                        .cloned()
                        .unwrap_or_else(|| clause.clone()),
                    match items[r].kind {
                        ItemKind::Event(e) => Some(k.events[e].args),
                        _ => None,
                    },
                ),
                None => (i, clause.clone(), args),
            };
            let (mut holders, mut agents, mut inferred) = holder(
                k,
                doc,
                items,
                &holders::Site {
                    at: site_at,
                    clause: &site_clause,
                    kind,
                    args: site_args,
                    voice,
                },
            );
            // "Two diplomats were expelled by Ukraine over ...": a sanction of relations is held
            // by the sources the events stage gave it, which read the passive's agent; one it
            // did not code ("banned Russian airlines over its airspace") holds nothing.
            let sanction = (kind == Kind::Sever)
                .then(|| coded_sanction(doc, it))
                .flatten();
            if let Some(e) = sanction {
                agents = e
                    .sources
                    .iter()
                    .filter_map(|n| doc.actor_named(n))
                    .collect();
                holders = Vec::new();
                for h in agents
                    .iter()
                    .filter_map(|&a| holders::stance_holder(doc, a))
                {
                    if !holders.contains(&h) {
                        holders.push(h);
                    }
                }
            }
            // "Japan rejected China's claims": a claim an actor owns is the owner's, not the
            // subject's (whose stance is the rejection).
            if kind == Kind::Claim
                && let Some(&Item {
                    kind: ItemKind::Actor { actor: owner, .. },
                    ..
                }) = references::owner_of(doc, &items[..i], it.tok)
            {
                holders = holders::stance_holder(doc, owner).into_iter().collect();
                agents = vec![owner];
            }
            // "The United Kingdom discussed the veto of the draft resolution": a rejection read
            // as a noun that a verb takes as its object is not the verb's subject's. Its owner
            // holds it ("condemned the Russian veto", "Russia cast its veto"): some word before
            // the noun other than its determiner, which `holder` reads; votes.rs reads the rest.
            if let ItemKind::Event(e) = it.kind
                && k.events[e].event_type == PloverType::Reject
                && k.events[e].args == Args::Noun
                && let Some(w) = doc.parse.word_at(it.start)
                && (doc.parse.has_rel(w, "obj") || doc.parse.has_rel(w, "iobj"))
                && !doc
                    .parse
                    .dependents(w)
                    .any(|d| d.index < w.index && !doc.parse.has_rel(d, "det"))
            {
                holders.clear();
                agents.clear();
            }
            // "The Communist Party of China said ... and rejected independence": an organization
            // only named (`DocActor::named_only`) speaks for no one, and no other actor of the
            // sentence or the text speaks in its place.
            if holders.is_empty() && agents.iter().any(|&a| doc.actors[a].named_only) {
                continue;
            }
            // "X recognizes A and reaffirms its support for B", "We recognize A but take no
            // position on B": the second verb shares the first one's subject.
            if holders.is_empty()
                && let Some((ls, lh, la)) = &last_holders
                && *ls == s
                && it.tok > 0
                && (it.tok.saturating_sub(2)..it.tok)
                    .any(|t| doc.tok_is_a(t, Class::VerbCoordinator))
            {
                (holders, agents, inferred) = (lh.clone(), la.clone(), true);
            }
            // A judgement nobody is quoted for, or a "we" nobody is quoted for, in a text written
            // in one state's voice (a statement whose sentences open with "The United States
            // welcomes ..."), is that state's.
            // "I also encouraged both Ministers to ...": a first-person singular subject nobody
            // is quoted for speaks in the text's voice, as "we" does.
            let we = (it.tok.saturating_sub(3)..it.tok)
                .any(|t| doc.tok_is_a(t, Class::FirstPersonSubject));
            if holders.is_empty()
                && (we
                    || matches!(
                        kind,
                        Kind::DenyClaim | Kind::Assess(_) | Kind::Neutral | Kind::Claim
                    ))
                && clause.speaker.is_none()
                && let Some(v) = voice
            {
                (holders, agents, inferred) = (vec![v], vec![v], true);
            }
            // A "we" nobody is quoted for in a text with no dominant voice (a briefing's answer
            // to "Does the U.S. take a position ...?"): the text's author, as events read it.
            if holders.is_empty()
                && we
                && clause.speaker.is_none()
                && voice.is_none()
                && let Some(a) = *author.get_or_init(|| super::event_args::author(doc))
                && let Some(h) = holders::stance_holder(doc, a)
            {
                (holders, agents, inferred) = (vec![h], vec![a], true);
            }
            // "The United Kingdom will agree that Mauritius is sovereign over ...": the state
            // that endorses a claim holds it too.
            if kind == Kind::Claim {
                let ctx = holders::TreeContext {
                    speaker: clause.speaker,
                    voice,
                    claim: true,
                };
                for a in holders::claim_endorsers(k, doc, items, i, s, ctx) {
                    if !holders.contains(&a) {
                        holders.push(a);
                    }
                }
            }
            if !holders.is_empty()
                && let Some(a) = references::agent_along_with(doc, items, i)
                && let Some(h) = holders::stance_holder(doc, a)
                && !holders.contains(&h)
            {
                holders.push(h);
            }
            // "congratulates Greece and North Macedonia on the historic agreement": those
            // congratulated on an act hold it too.
            if kind == Kind::Support && !holders.is_empty() {
                for a in references::congratulated(doc, items, i) {
                    if let Some(h) = holders::stance_holder(doc, a)
                        && !holders.contains(&h)
                    {
                        holders.push(h);
                    }
                }
            }
            if holders.is_empty() {
                continue;
            }
            last_holders = Some((s, holders.clone(), agents.clone()));
            // A condition after the cue in the same clause, and no other statement between the
            // cue and the condition; else one that opens the sentence, unless a colon sets the
            // cue's clause apart ("If they seek an end to these sanctions, they know our
            // position: the sanctions will remain until ..." is conditioned by the "until").
            let is_condition = |x: &Item| {
                matches!(x.kind, ItemKind::Cue(Cue::Condition))
                    && !until_a_date(doc, items, x)
                    && !modifies_an_adverb(doc, x)
            };
            let after = items.iter().enumerate().skip(i + 1).find(|(j, x)| {
                is_condition(x)
                    && x.start < clause.end.max(it.end)
                    && x.tok.saturating_sub(it.tok_end) <= CONDITION_WINDOW
                    // "rejects the annexation and pledges to maintain this policy until ...": a
                    // condition after a verb the parse coordinates with the cue is that verb's,
                    // not the cue's.
                    && !coordinated_after(doc, it.tok_end, x.tok, true)
                    && !items[i + 1..*j].iter().any(|y| {
                        matches!(
                            y.kind,
                            ItemKind::Cue(Cue::Report | Cue::Support | Cue::Oppose)
                        )
                    })
            });
            let cond = after.or_else(|| {
                items[..i].iter().enumerate().find(|(_, x)| {
                    is_condition(x)
                        && x.tok <= doc.sentences[s].tokens.start + 1
                        && !(x.tok_end..it.tok).any(|t| doc.tok(t) == ":")
                })
            });
            let cond_span = cond.map(|(_, c)| {
                if c.start > it.start {
                    (c.end, clause.end.max(c.end).min(sentence_end))
                } else {
                    let comma = (c.tok_end..it.tok).find(|&t| doc.tok(t) == ",");
                    (c.end, comma.map_or(it.start, |t| doc.tokens[t].start))
                }
            });
            // "Pyongyang must halt its program before talks can resume": the obligation is the
            // condition of the resumption.
            let cond_span = cond_span.or_else(|| holders::precondition(doc, it, s));
            let topic_stop = cond
                .filter(|(_, c)| c.start > it.start)
                .map_or(sentence_end, |(_, c)| c.start);
            let mut asked_against = false;
            let mut asked_of_object = false;
            let mut from_request = false;
            let mut charge_denied = false;
            // "recalled its ambassador over the crackdown": the grievance of a sanction.
            let mut grieved = false;
            let target = match kind {
                Kind::Downplay => {
                    let before = items[..i].iter().rev().find_map(|x| match x.kind {
                        ItemKind::Topic(t) if x.start >= clause.start => Some((t, x.tok)),
                        _ => None,
                    });
                    before
                        .or_else(|| topic_after(items, i, topic_stop))
                        .map(|(t, tok)| Target::Topic(t, tok))
                }
                Kind::Proposal => {
                    let after = topic_after(items, i, topic_stop);
                    if let Some((t, _)) = after {
                        last_proposal_topic = Some(t);
                    }
                    after
                        .or_else(|| last_proposal_topic.map(|t| (t, it.tok)))
                        .map(|(t, tok)| Target::Topic(t, tok))
                }
                Kind::Claim => claimed(doc, items, i, sovereignty)
                    .then_some(sovereignty)
                    .flatten()
                    .map(|t| Target::Topic(t, it.tok_end)),
                Kind::DenyClaim => sovereignty.map(|t| Target::Topic(t, it.tok_end)),
                Kind::Neutral => {
                    topic_after(items, i, topic_stop).map(|(t, tok)| Target::Topic(t, tok))
                }
                // "recalled their ambassadors over concerns about the crackdown": a sanction of
                // relations opposes what it is over. One that names sanctions is read by
                // `sanctions_imposed` alone.
                Kind::Sever => {
                    if sanction.is_none() || names_sanctions(doc, it.start, it.end) {
                        None
                    } else {
                        let stop_tok = doc.token_at(topic_stop).min(doc.sentences[s].tokens.end);
                        let found = issues::sanction_grievance(doc, items, i, stop_tok);
                        grieved = found.is_some();
                        found.map(Target::from)
                    }
                }
                Kind::Accuse => {
                    let stop_tok = doc.token_at(topic_stop).min(doc.sentences[s].tokens.end);
                    accused_of(doc, items, i, stop_tok)
                        .or_else(|| issues::intended_act(doc, items, i, stop_tok))
                        .map(Target::from)
                        // "condemned Russia's decision to recognize the breakaway regions": the
                        // act condemned is the recognition.
                        .or_else(|| {
                            references::recognized_place(doc, items, i, doc.sentences[s].tokens.end)
                                // Not in a verb coordinated after the cue ("to denounce the
                                // coup and deny recognition to ..."): that verb's.
                                .filter(|&tok| !later_cues_topic(k, doc, items, i, tok))
                                .and_then(|tok| recognition.map(|t| Target::Topic(t, tok)))
                        })
                }
                // "the charges against our ambassadors are false": the charge.
                Kind::Assess(false)
                    if !matches!(false_claim, Some(Some(_))) && false_charge.is_some() =>
                {
                    false_charge.map(|id| Target::New(id.clone(), id))
                }
                // "Peru's claims to the waters are baseless": the claim to the territory.
                Kind::Assess(_) if false_claim.is_some() => false_claim
                    .flatten()
                    .and_then(|tok| sovereignty.map(|t| Target::Topic(t, tok))),
                // "the detention of its captain was a serious mistake": a judgement of wrong
                // judges its copula's subject, a topic it names, else its own name ("the
                // Russian action was lawless": the Russian action, not an antecedent's topic).
                Kind::Assess(_) if matches!(wrong, Some(issues::WrongJudged::Phrase { .. })) => {
                    match wrong {
                        Some(issues::WrongJudged::Phrase { from, head, stop }) => items
                            .iter()
                            .find_map(|x| match x.kind {
                                ItemKind::Topic(t) if x.tok <= head && head < x.tok_end => {
                                    Some((t, x.tok))
                                }
                                _ => None,
                            })
                            .map(|(t, tok)| Target::Topic(t, tok))
                            .or_else(|| {
                                issues::new_issue_from(doc, items, from, stop, false)
                                    .map(|(id, title)| Target::New(id, title))
                            }),
                        _ => None,
                    }
                }
                Kind::Assess(_) => {
                    let stop_tok = doc.token_at(topic_stop).min(doc.sentences[s].tokens.end);
                    assessed(doc, items, i, clause.start, topic_stop)
                        // "the recent Moroccan proposal is serious", "comply with this
                        // decision": the thing judged is named by a word that refers back.
                        .or_else(|| anaphor_before(k, doc, s, it.tok, doc.token_at(clause.start)))
                        .or_else(|| {
                            (!issues::against_a_standard(doc, it))
                                .then(|| anaphor(k, doc, s, it.tok_end, stop_tok))
                                .flatten()
                        })
                        .map(|(t, tok)| Target::Topic(t, tok))
                        .or_else(|| {
                            issues::called(doc, items, i, doc.token_at(clause.start))
                                .or_else(|| issues::judged_subject(doc, items, i))
                                .or_else(|| issues::judged_after(doc, items, i, stop_tok))
                                .map(|(id, title)| Target::New(id, title))
                        })
                }
                Kind::Support | Kind::Oppose => {
                    let stop_tok = doc.token_at(topic_stop).min(doc.sentences[s].tokens.end);
                    // "no such treaty exists": the thing's name ends at the verb of existing.
                    let stop_tok = issues::denied_existence(doc, it)
                        .flatten()
                        .map_or(stop_tok, |verb| verb.min(stop_tok));
                    // "condemned the U.N. report": a document named by whose it is; the name
                    // is no object.
                    let document = issues::named_document(doc, items, i, stop_tok);
                    let object_is_actor = document.is_none()
                        && items[i + 1..]
                            .iter()
                            .find(|x| x.start >= it.end)
                            .is_some_and(|x| {
                                matches!(
                                x.kind,
                                ItemKind::Actor {
                                    adjectival: false,
                                    possessive: false,
                                    ..
                                }
                            ) && x.tok <= it.tok_end + 1
                                // "the Russian government's plan": an owner, not the object.
                                && super::mentions::after_possessive(doc, x.tok_end) == x.tok_end
                            });
                    // "The measure ... was co-sponsored by France": a passive's issue is its
                    // subject, before the cue.
                    let passive_subject = doc
                        .tok_is_a(it.tok_end, Class::AgentPreposition)
                        .then(|| anaphor(k, doc, s, doc.token_at(clause.start), it.tok))
                        .flatten();
                    // "rejected China's claims", "denounce Indian control of the region":
                    // the claim to the territory, whoever's it is.
                    let claim = references::owned_claim(doc, items, i, stop_tok)
                        .and_then(|tok| sovereignty.map(|t| (t, tok)));
                    // "we encourage India and Pakistan to exercise restraint": a cue of support
                    // whose object is an actor asks that actor to act, as a request does.
                    // "encouraged both Ministers to prioritize direct communication": so is a
                    // verb of asking whose object the parse reads asked to act, named or not.
                    let is_request = matches!(it.kind, ItemKind::Event(e)
                        if k.events[e].event_type == PloverType::Request)
                        || (kind == Kind::Support
                            && (object_is_actor || asks_to_act(doc, it, stop_tok)));
                    // "demanded the release of the sailors": a verb of demanding names what
                    // it asks for as its object.
                    let requested = is_request
                        .then(|| {
                            issues::requested_act(doc, items, i, stop_tok).or_else(|| {
                                issues::demanded_object(doc, items, i, stop_tok).map(|a| (a, false))
                            })
                        })
                        .flatten()
                        // "its demand that the captured sailors must be released": the act the
                        // demand's clause names.
                        .or_else(|| {
                            (kind == Kind::Support)
                                .then(|| issues::demanded_clause(doc, items, i, stop_tok))
                                .flatten()
                        });
                    // "Russia agreed to resume deliveries": a subject's will to do a
                    // thing itself names the thing as a request would.
                    let willed = (kind == Kind::Support && !is_request && !object_is_actor)
                        .then(|| issues::willed_act(doc, items, i, stop_tok))
                        .flatten();
                    let recognized =
                        references::recognized_actor(doc, items, i, doc.sentences[s].tokens.end)
                            .or_else(|| {
                                references::recognized_place(
                                    doc,
                                    items,
                                    i,
                                    doc.sentences[s].tokens.end,
                                )
                            })
                            .and_then(|tok| recognition.map(|t| (t, tok)))
                            // "voted to denounce the coup and deny recognition to any
                            // government": a recognition named in a verb coordinated after the
                            // cue is that verb's, as a topic there is.
                            .filter(|&(_, tok)| !later_cues_topic(k, doc, items, i, tok));
                    // "remains committed to a political settlement in Darfur and will continue
                    // to work ... for peace": a topic in a verb the parse coordinates after the
                    // cue is that verb's.
                    // "protested Turkey's troop movement, calling it a breach of its sovereignty":
                    // a topic in a participle after the cue's own object is the participle's.
                    let own_topic = topic_after(items, i, topic_stop).filter(|&(_, tok)| {
                        !later_cues_topic(k, doc, items, i, tok)
                            && !in_trailing_participle(doc, items, i, tok)
                    });
                    from_request = is_request;
                    // "Morocco dismissed those calls": the request the text reported lately,
                    // referred back to. Rejecting it takes the other side of what it asked;
                    // backing it, the same side. Those calls are someone else's: "Russia in turn
                    // called on Japan to halt fishing. Moscow dismissed those calls" answers the
                    // latest request Russia did not make.
                    let echoed = requests
                        .iter()
                        .rev()
                        .take_while(|(rs, ..)| *rs + REQUEST_BACK >= s)
                        .find(|(.., by)| !by.iter().any(|h| holders.contains(h)))
                        .filter(|_| !is_request && issues::refers_to_request(doc, it, stop_tok));
                    // "denies the officers were involved in espionage": the charge denied.
                    let denied =
                        matches!(it.kind, ItemKind::Event(e) if k.events[e].mode == "deny")
                            .then(|| issues::denied_charge(k, doc, items, i, stop_tok, &holders))
                            .flatten();
                    if let Some((_, target, asked, _)) = echoed {
                        asked_against = !asked;
                        Some(target.clone())
                    } else if let Some(charge) = denied {
                        charge_denied = charge.is_some();
                        // Another's involvement denied: no stance on the act.
                        charge.map(Target::from)
                    } else {
                        let allegation = rejects_an_allegation(k, doc, it);
                        match claim
                            .or(recognized)
                            .or(own_topic)
                            .or(passive_subject)
                            .or_else(|| anaphor(k, doc, s, it.tok_end, stop_tok))
                            .or_else(|| holders::subject_topic(doc, items, it))
                        {
                            Some((t, tok)) => Some(Target::Topic(t, tok)),
                            // A request names a known topic or nothing: its verbs ("questioned",
                            // "asked") take all kinds of objects.
                            // "calls on Russia to end its occupation of Crimea": what a request
                            // asks for is the object of the verb it governs.
                            None if requested.is_some() => requested.map(|(found, against)| {
                                asked_against = against;
                                asked_of_object = object_is_actor;
                                Target::from(found)
                            }),
                            None if willed.is_some() => willed.map(|(found, against)| {
                                asked_against = against;
                                Target::from(found)
                            }),
                            None if !object_is_actor
                                && !issues::weak_cue(doc, it)
                                && (!matches!(it.kind, ItemKind::Event(_))
                                    || rejects_a_thing(k, doc, it)
                                    || ends_a_pact(k, doc, it)
                                    || allegation.is_some()) =>
                            {
                                new_issue(doc, items, i, stop_tok)
                                    .or(document)
                                    .or_else(|| {
                                        allegation
                                            .filter(|&(_, names)| names)
                                            .map(|(noun, _)| (noun.clone(), noun))
                                    })
                                    .map(|(id, title)| Target::New(id, title))
                            }
                            // "lodged a protest with Russia over the visit": the object is the
                            // actor protested to; the issue follows its "over".
                            None if object_is_actor => {
                                issues::issue_over(doc, items, i, stop_tok).map(Target::from)
                            }
                            None => None,
                        }
                    }
                }
            };
            let Some(target) = target else {
                continue;
            };
            // "We encourage India and Pakistan to exercise restraint": those asked to act are
            // not the ones who hold the stance, whatever reading made them the holders.
            if asked_of_object {
                let asked: Vec<usize> = items[i + 1..]
                    .iter()
                    .take_while(|x| x.tok <= it.tok_end + ASKED_ACTORS_WINDOW)
                    // "demanding that Russia release the Japanese vessels": a demonym names
                    // whose the thing asked about is, not someone asked.
                    .filter_map(|x| match x.kind {
                        ItemKind::Actor {
                            actor,
                            adjectival: false,
                            ..
                        } => holders::stance_holder(doc, actor),
                        _ => None,
                    })
                    .collect();
                holders.retain(|h| !asked.contains(h));
                if holders.is_empty() {
                    continue;
                }
            }
            // "stressed the urgency of Pakistan taking action against terrorist groups", "the
            // need for Pakistan to act against them": the act is asked of Pakistan by the
            // speaker; Pakistan holds nothing.
            holders.retain(|&h| !urged_on(doc, &items[..i], h));
            if holders.is_empty() {
                continue;
            }
            // "Spain called on Morocco to withdraw its troops and was joined in its appeal by
            // the European Union": who joins the holders shares their stance.
            if let Some(h) = references::joined_by(doc, items, i, &holders)
                .and_then(|a| holders::stance_holder(doc, a))
                && !holders.contains(&h)
            {
                holders.push(h);
            }
            let Some(dispute) = doc.sentence_dispute.get(s).copied().flatten() else {
                continue;
            };
            let (issue, topic_tok, scale) = match &target {
                Target::Topic(t, tok) => match issue_name(k, doc, s, *t) {
                    Some(name) => (name, *tok, Some(&k.topics[*t].scale)),
                    None => continue,
                },
                // A new issue in a sentence that names nothing of the dispute ("Austria welcomes
                // the choice of theme" in a speech that names the dispute once) is no issue of
                // that dispute, when the text is only loosely about it. (A known topic there is
                // kept: reports of a dispute state its matters in sentences that name nothing.)
                Target::New(..)
                    if !references::tied_to_dispute(k, doc, s, dispute, &holders)
                        && *loose
                            .entry(dispute)
                            .or_insert_with(|| references::loosely_about(k, doc, dispute)) =>
                {
                    continue;
                }
                Target::New(id, title) => {
                    let name = format!("{}/issues/{id}", doc.disputes[dispute].name);
                    if seen_new.insert(name.clone()) {
                        new_issues.push((name.clone(), title.clone()));
                    }
                    (name, it.tok_end, None)
                }
            };
            let _ = scale;
            let src_end = items[..i]
                .iter()
                .rev()
                .find(|x| matches!(x.kind, ItemKind::Actor { .. }))
                .map_or(clause.start, |x| x.end);
            let negated = kind != Kind::Downplay
                && !holders::negative_cue(doc, it)
                && (items[..i].iter().rev().any(|x| {
                    matches!(x.kind, ItemKind::Cue(Cue::Negator))
                        && x.end <= it.start
                        && x.start >= src_end.max(clause.start)
                        && it.tok.saturating_sub(x.tok_end) <= 3
                }) || holders::negated_in_tree(doc, it));
            // "Russia has never accused Ukraine of funding the rebels", "denied accusing",
            // "stopped short of accusing": an accusation not made takes no side on the act; nor
            // does a charge not denied ("did not deny involvement", "refused to deny"): not
            // denying is not admitting.
            if (kind == Kind::Accuse && (negated || holders::withheld(doc, it)))
                || (charge_denied && negated)
                // "did not recall its ambassador over the crackdown": no protest, no side.
                || (grieved && negated)
            {
                continue;
            }
            // "Japan did not call on Russia to end its occupation": not asking for a thing
            // takes no side on it (and not asking for its end does not back it); nor does not
            // ending a pact ("did not cancel", "urged Peru not to cancel the agreement").
            let ends_pact = ends_a_pact(k, doc, it);
            if negated
                && (matches!(it.kind, ItemKind::Event(e)
                    if k.events[e].event_type == PloverType::Request)
                    || ends_pact)
            {
                continue;
            }
            // "Qatar said Egypt had cancelled the accord, but Egypt denied it": the ending is
            // the reporter's word, which the holder denies; the holder takes no side.
            if ends_pact && ending_denied_by_holder(k, doc, items, i, &holders) {
                continue;
            }
            // "both countries have yet to agree to a maritime boundary": the two parties not
            // agreeing with each other is their quarrel, no stance of either against the thing.
            if negated
                && kind == Kind::Support
                && holders.len() == 2
                && doc
                    .slice(it.start, it.end)
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| doc.lexicon.is(Lex::ReciprocalVerb, w))
                // "India and Pakistan refused to agree to a ceasefire": a verb of rejecting
                // before the cue is each side's explicit refusal, a stance.
                // Not "failed to", which says they are not at one.
                && !(doc.token_at(src_end.max(clause.start))..it.tok).any(|x| {
                    doc.parse.word_at(doc.tokens[x].start).is_some_and(|w| {
                        let l = holders::lemma(doc, w);
                        l != "fail" && doc.lexicon.is(Lex::NegatingHead, &l)
                    })
                })
                && holders::dispute_parties(k, doc, s)
                    .is_some_and(|p| holders.iter().all(|h| p.contains(h)))
            {
                continue;
            }
            let hedged = items.iter().any(|x| {
                matches!(x.kind, ItemKind::Cue(Cue::Hedge))
                    && x.start >= clause.start
                    && x.start < clause.end
            });
            let mut conditions = Vec::new();
            if let Some((from, to)) = cond_span.filter(|(a, b)| a < b) {
                let cond_topic = items.iter().find_map(|x| match x.kind {
                    ItemKind::Topic(t) if x.start >= from && x.start < to => Some(t),
                    _ => None,
                });
                let cond_issue = cond_topic
                    .and_then(|t| issue_name(k, doc, s, t))
                    .filter(|n| n != &issue);
                conditions.push(ConditionFact {
                    required: required(items, from, to, cond_topic.map(|t| &k.topics[t].scale)),
                    issue: cond_issue,
                    text: doc
                        .slice(from, to)
                        .trim()
                        .trim_end_matches(['.', ',', ';', '!', '?'])
                        .to_owned(),
                    span: Span {
                        start: from,
                        end: to,
                    },
                });
            }
            // "demanded that South Sudan withdraw its troops", "welcomed the lifting of the
            // sanctions": asking for a thing's removal opposes the thing. "Condemned Russia's
            // refusal to withdraw its troops": condemning a refusal of X is asking for X.
            // A word of reversing counts only in the conjunct that holds the topic: in "to
            // cease all hostilities and to reduce tensions", "cease" does not reach the tensions.
            // A relative clause's verb of reversing whose object is no topic ("welcomed the
            // news, which lifted hopes of renewed talks") reverses that object, not the topic.
            let between = |class: crate::lang::Class| {
                matches!(target, Target::Topic(_, tok) if tok > it.tok_end
                && (it.tok_end..tok).any(|t| {
                    doc.tok_is_a(t, class)
                        && !coordinated_verb_between(doc, t, tok)
                        && !object_not_a_topic(doc, items, t)
                }))
            };
            // "called for Russian troops to withdraw", "demanded the sanctions be
            // lifted": the topic is the subject of a verb of ending after it.
            let ended_after = matches!(target, Target::Topic(t, tok) if tok > it.tok_end
                && issues::ends_after_topic(doc, items, t, tok));
            // "condemned the violation of its sovereignty": a topic that a word of breach
            // (lexicon `standard_breach`) after the cue governs is upheld.
            let breached = matches!(target, Target::Topic(_, tok) if tok > it.tok_end
                && issues::breached_topic(doc, it.tok_end, tok));
            // "wants Turkey's troops out of Iraq" (but "to pull its troops out" is reversed
            // once, by its verb).
            let ousted = matches!(target, Target::Topic(t, tok) if tok > it.tok_end
                && issues::ousted_after_topic(doc, items, it, t, tok))
                && !between(crate::lang::Class::Reversing);
            let reversed = matches!(kind, Kind::Support | Kind::Oppose)
                && (between(crate::lang::Class::Reversing)
                    ^ between(crate::lang::Class::Refusing)
                    ^ ended_after
                    ^ breached
                    ^ ousted);
            let support = match kind {
                Kind::Support | Kind::Proposal | Kind::Claim | Kind::Assess(true) | Kind::Sever => {
                    !negated
                }
                Kind::Oppose | Kind::DenyClaim | Kind::Assess(false) | Kind::Accuse => negated,
                Kind::Downplay | Kind::Neutral => true,
            } ^ (reversed || asked_against || grieved);
            if from_request && !holders.is_empty() {
                requests.push((s, target.clone(), support, holders.clone()));
            }
            let (label, position, salience) = match kind {
                Kind::Downplay => (StanceLabel::Ambiguous, 50.0, 0.2),
                Kind::Neutral => (StanceLabel::Neutral, 50.0, 0.3),
                _ if !conditions.is_empty() => (
                    StanceLabel::Conditional,
                    if support { 75.0 } else { 25.0 },
                    0.6,
                ),
                Kind::Proposal => (StanceLabel::Support, 100.0, 0.7),
                _ if support => (StanceLabel::Support, 100.0, 0.5),
                _ => (StanceLabel::Oppose, 0.0, 0.5),
            };
            let mut confidence: f64 = 0.8;
            if hedged {
                confidence *= 0.6;
            }
            if inferred {
                confidence *= 0.85;
            }
            if clause.hope {
                confidence *= 0.8;
            }
            let deadline = items.iter().find_map(|x| match x.kind {
                ItemKind::Date(d) if x.tok >= topic_tok && x.start < topic_stop => {
                    let dm = &doc.dates[d];
                    let by = x.tok > 0 && doc.tok_is_a(x.tok - 1, Class::DeadlineLead);
                    (by && dm.qualifier == Some("end")
                        || doc.tok_is_a(x.tok.saturating_sub(1), Class::DeadlinePreposition))
                    .then_some(dm.date.map(|date| FuzzyDate {
                        date,
                        precision: dm.precision,
                    }))
                    .flatten()
                }
                _ => None,
            });
            for &h in &holders {
                // The holder's own official, when the text names one as the agent.
                let speaker = clause.speaker.or_else(|| {
                    agents
                        .iter()
                        .copied()
                        .find(|&a| a != h && doc.holder_of(a) == Some(h))
                });
                let evidence = doc.evidence(
                    s,
                    Some((it.start, it.end)),
                    confidence,
                    speaker,
                    clause.reported_by,
                );
                let fact = StanceFact {
                    actor: doc.actor_name(h),
                    issue: issue.clone(),
                    label,
                    position,
                    salience,
                    confidence,
                    hedged,
                    negated,
                    downplayed: kind == Kind::Downplay,
                    proposal: kind == Kind::Proposal,
                    deadline,
                    conditions: conditions.clone(),
                    evidence: vec![evidence],
                };
                merge(&mut out, &mut index, fact);
            }
        }
    }
    sanctions_imposed(k, doc, &mut out, &mut index);
    votes::votes(k, doc, &mut out, &mut index);
    territory::demonym_territory(k, doc, &mut out, &mut index);
    commitment::owned_commitments(
        k,
        doc,
        &mut out,
        &mut index,
        &mut commitment::Proposed {
            names: &mut new_issues,
            seen: &mut seen_new,
        },
    );
    signers::signed_acts(
        k,
        doc,
        &mut out,
        &mut index,
        &mut commitment::Proposed {
            names: &mut new_issues,
            seen: &mut seen_new,
        },
    );
    let mut out = same_act_named_twice(out, &mut new_issues);
    for f in &mut out {
        f.confidence = calibration::confidence(k, f);
    }
    doc.stances = out;
    doc.new_issues = new_issues;
}

/// One holder's stances on a new issue and on a longer name of it ("the landing" and "Japanese
/// activists landing", "the visit" and "Lee's visit") in the same dispute with the same label
/// are one stance on the shorter name: the longer name only says more about the same act. A
/// longer issue no stance holds any more is no longer proposed. Known topics are left alone.
fn same_act_named_twice(
    mut out: Vec<StanceFact>,
    new_issues: &mut Vec<(String, String)>,
) -> Vec<StanceFact> {
    let proposed = |issue: &str| new_issues.iter().any(|(n, _)| n == issue);
    let mut folded: Vec<String> = Vec::new();
    let mut i = 0;
    while i < out.len() {
        let Some((prefix, slug)) = out[i].issue.rsplit_once('/') else {
            i += 1;
            continue;
        };
        let longer_name = format!("-{slug}");
        let prefix = format!("{prefix}/");
        let longer = (0..out.len()).find(|&j| {
            j != i
                && out[j].actor == out[i].actor
                && out[j].label == out[i].label
                && proposed(&out[i].issue)
                && proposed(&out[j].issue)
                && out[j]
                    .issue
                    .strip_prefix(&prefix)
                    .is_some_and(|s| s.ends_with(&longer_name))
        });
        let Some(j) = longer else {
            i += 1;
            continue;
        };
        let f = out.remove(j);
        let i_now = if j < i { i - 1 } else { i };
        out[i_now].evidence.extend(f.evidence);
        out[i_now].confidence = out[i_now].confidence.max(f.confidence);
        folded.push(f.issue);
        i = i_now;
    }
    new_issues.retain(|(n, _)| !folded.contains(n) || out.iter().any(|f| &f.issue == n));
    out
}

/// How far before the actor asked its request verb may stand ("calls upon the PRC to").
const ASKED_WINDOW: usize = 3;

/// Whether holder `h` is named, among `before` (the items before the cue), as the one a noun of
/// necessity asks an act of: "the urgency of Pakistan taking action", "the need for India to".
/// A possessive names whose the thing needed is ("the importance of Japan's support"), which
/// is its own.
fn urged_on(doc: &Doc<'_>, before: &[Item], h: usize) -> bool {
    before.iter().any(|x| match x.kind {
        ItemKind::Actor {
            actor,
            possessive: false,
            ..
        } => {
            x.tok >= 2
                && doc.tok_in(x.tok - 1, &["of", "for"])
                && doc.tok_in_lex(x.tok - 2, Lex::NecessityNoun)
                && holders::stance_holder(doc, actor) == Some(h)
        }
        _ => false,
    })
}

/// Whether the cue at `items[at]` is what another actor is asked to do: "calls upon the PRC
/// to abide by the ruling", "urged Japan to accept the talks". The stance is the requester's,
/// read from the request itself; the one asked has taken none.
fn asked_of_another(k: &Knowledge, doc: &Doc<'_>, items: &[Item], at: usize) -> bool {
    let cue = items[at];
    if cue.tok < 2 || !doc.tok_is_a(cue.tok - 1, Class::InfinitiveMarker) {
        return false;
    }
    let Some(j) = items[..at].iter().rposition(|x| {
        matches!(
            x.kind,
            ItemKind::Actor {
                adjectival: false,
                ..
            }
        ) && x.tok_end == cue.tok - 1
    }) else {
        return false;
    };
    let asked = items[j];
    let requested = items[..j].iter().rev().any(|x| {
        x.tok_end + ASKED_WINDOW >= asked.tok
            && match x.kind {
                ItemKind::Event(e) => k.events[e].event_type == PloverType::Request,
                ItemKind::Cue(Cue::Support) => true,
                _ => false,
            }
    });
    // "efforts aimed at getting Iran to agree to negotiations": a verb of asking or bringing
    // about that no event reads, with no subject of its own, still makes the act asked of
    // another (the lexicon's `asking_verb`, lemmas). With a subject ("Japan pressed Russia to
    // sign") the cue is the subject's own wish, which the holder rules give it.
    let p = &doc.parse;
    requested
        || (asked.tok.saturating_sub(ASKED_WINDOW)..asked.tok).any(|t| {
            p.word_at(doc.tokens[t].start).is_some_and(|w| {
                p.token(w).is_some_and(|x| {
                    x.upos == "VERB"
                        && doc
                            .lexicon
                            .is(Lex::AskingVerb, &x.lemma.to_ascii_lowercase())
                }) && !p.dependents(w).any(|d| p.has_rel(d, "nsubj"))
            })
        })
}

/// Whether the cue `cue` is a verb of asking (the lexicon's `asking_verb`, lemmas) that the
/// parse gives an object and an infinitive clause: "encouraged both Ministers to prioritize
/// direct communication" asks the ministers to act, whoever they are, before `stop_tok`.
fn asks_to_act(doc: &Doc<'_>, cue: &Item, stop_tok: usize) -> bool {
    // No "to" after the cue, no request: the parse is not asked (gates.rs).
    if issues::request_infinitive(doc, cue.tok_end, stop_tok).is_none() {
        return false;
    }
    let p = &doc.parse;
    let Some(w) = p.word_at(cue.start) else {
        return false;
    };
    p.token(w).is_some_and(|x| {
        x.upos == "VERB"
            && doc
                .lexicon
                .is(Lex::AskingVerb, &x.lemma.to_ascii_lowercase())
    }) && p
        .dependents(w)
        .any(|d| p.has_rel(d, "obj") || p.has_rel(d, "iobj"))
        && p.dependents(w).any(|d| {
            p.has_rel(d, "xcomp")
                && p.dependents(d).any(|m| {
                    p.has_rel(m, "mark")
                        && p.token(m).is_some_and(|t| {
                            doc.tok_is_a(doc.token_at(t.start), Class::InfinitiveMarker)
                        })
                })
        })
}

/// The verb of asking whose request a "for" phrase continues before the cue's infinitive: in
/// "calls on Eritrea and Djibouti to ..., and for Eritrea to accept offers of mediation", the
/// actor after "for" (the profile's `infinitive_subject`) is asked to accept. The request (or
/// cue of support) is the last one before the actor in the sentence.
fn asked_for(k: &Knowledge, doc: &Doc<'_>, items: &[Item], at: usize, s: usize) -> Option<usize> {
    let cue = items[at];
    if cue.tok < 3 || !doc.tok_is_a(cue.tok - 1, Class::InfinitiveMarker) {
        return None;
    }
    let j = items[..at].iter().rposition(|x| {
        matches!(
            x.kind,
            ItemKind::Actor {
                adjectival: false,
                ..
            }
        ) && x.tok_end == cue.tok - 1
    })?;
    let asked = items[j];
    if asked.tok == 0 || !doc.tok_is_a(asked.tok - 1, Class::InfinitiveSubject) {
        return None;
    }
    let first = doc.sentences[s].tokens.start;
    items[..j].iter().rposition(|x| {
        x.tok >= first
            && match x.kind {
                ItemKind::Event(e) => k.events[e].event_type == PloverType::Request,
                ItemKind::Cue(Cue::Support) => true,
                _ => false,
            }
    })
}

/// Whether the condition cue `cue` is "until" with a date: "extended the sanctions until
/// January 31" sets a term, not a condition.
fn until_a_date(doc: &Doc<'_>, items: &[Item], cue: &Item) -> bool {
    cue.tok_end == cue.tok + 1
        && doc.tok_is_a(cue.tok, Class::TermPreposition)
        && items.iter().any(|x| {
            matches!(x.kind, ItemKind::Date(_)) && x.tok >= cue.tok_end && x.tok <= cue.tok_end + 2
        })
}

/// Whether the condition cue `cue` is an adverb's modifier in the parse: "once again", "once
/// more" repeat a statement, they do not subordinate a condition to it.
///
/// Only a one-word cue ("once") can be one; a cue of several words ("only after", "as long as")
/// is a subordinator, and its sentence is not parsed for this (on the benchmark corpus this
/// check alone parsed half the sentences the pipeline parsed).
fn modifies_an_adverb(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    if cue.tok_end > cue.tok + 1 {
        return false;
    }
    let words = p.words_in(cue.start, cue.end);
    p.head_of(&words).is_some_and(|w| {
        p.has_rel(w, "advmod")
            && p.head(w)
                .and_then(|h| p.token(h))
                .is_some_and(|t| t.upos == "ADV")
    })
}

/// "The charges leveled against our ambassadors", "sanctions imposed against Iran": a one-word
/// cue of opposition ("against") that marks the oblique of a participle modifying a noun names
/// whom that noun's act is aimed at, not what the sentence's speaker or subject opposes.
fn aims_an_act(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    if cue.tok_end > cue.tok + 1 {
        return false;
    }
    let words = p.words_in(cue.start, cue.end);
    p.head_of(&words).is_some_and(|w| {
        p.has_rel(w, "case")
            && p.head(w).is_some_and(|n| {
                p.has_rel(n, "obl")
                    && p.head(n).is_some_and(|v| {
                        p.has_rel(v, "acl") && p.token(v).is_some_and(|t| t.xpos == "VBN")
                    })
            })
    })
}

/// "pursued attacks against Israeli forces", "a military strike against suspected nuclear
/// sites": a one-word cue of opposition ("against") that opens a phrase modifying a noun of a
/// hostile act (lexicon `wrongful_act`, or an assault the events know) names the act's target,
/// which neither the attacker nor the target opposes by these words.
fn against_an_attack(k: &Knowledge, doc: &Doc<'_>, items: &[Item], cue: &Item) -> bool {
    // Only a hostile act just before the cue sends its sentence to the parser.
    let near = cue.tok.saturating_sub(ACT_REACH);
    let hostile = |t: usize| {
        doc.tok_in_lex(t, Lex::WrongfulAct)
            || items.iter().any(|x| {
                x.tok <= t
                    && t < x.tok_end
                    && matches!(x.kind, ItemKind::Event(e) if k.events[e].event_type == PloverType::Assault)
            })
    };
    if cue.tok_end > cue.tok + 1 || !(near..cue.tok).any(hostile) {
        return false;
    }
    let p = &doc.parse;
    let words = p.words_in(cue.start, cue.end);
    let Some(act) = p
        .head_of(&words)
        .filter(|&w| p.has_rel(w, "case"))
        .and_then(|w| p.head(w))
        .filter(|&n| p.has_rel(n, "nmod"))
        .and_then(|n| p.head(n))
        .and_then(|a| p.token(a))
    else {
        return false;
    };
    hostile(doc.token_at(act.start))
}

/// How many words before "against" its hostile act may stand ("attacks against", "a strike
/// launched against").
const ACT_REACH: usize = 3;

/// "There is no word on when the two sides will resume negotiations", "it is unclear whether
/// they will sign the accord": a cue whose clause is an indirect question, the complement of a
/// noun, verb or adjective, asks what someone will do and states no stance. A clause opened by
/// "whether" or "if" is a question by itself; one opened by another question word ("when",
/// "how") only under a denial of knowing ("no word on when", "did not say when"), since "the
/// day when Japan signed the treaty" states the signing. A clause of time or condition
/// (`advcl`: "when the talks resume") is no complement.
fn embedded_question(doc: &Doc<'_>, cue: &Item, s: usize) -> bool {
    // Parse gates: only a sentence with a question word before the cue is parsed to ask.
    let first = doc.sentences[s].tokens.start;
    if !(first..cue.tok).any(|t| doc.tok_is_a(t, Class::QuestionWord)) && !doc.parse.asks_always() {
        return false;
    }
    let p = &doc.parse;
    let Some(w) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    // "is considering whether to back the treaty": the parse may hang an infinitive opened by
    // "whether" as an adverbial clause or a complement; a word of the class `question_mark`
    // ("whether") opens no clause of time or condition.
    let whether = || {
        p.dependents(w).any(|d| {
            p.has_rel(d, "mark")
                && p.token(d).is_some_and(|t| {
                    doc.lang
                        .is(Class::QuestionMark, &t.text.to_ascii_lowercase())
                })
        })
    };
    let complement = matches!(p.rel(w), "ccomp" | "csubj" | "acl")
        || (matches!(p.rel(w), "advcl" | "xcomp") && whether());
    if !complement {
        return false;
    }
    let is = |x: Word, class: Class| {
        p.token(x)
            .is_some_and(|t| doc.lang.is(class, &t.text.to_ascii_lowercase()))
    };
    let Some(q) = p.dependents(w).find(|&d| {
        d.index < w.index
            && (p.has_rel(d, "mark") || p.has_rel(d, "advmod"))
            && is(d, Class::QuestionWord)
    }) else {
        return false;
    };
    p.has_rel(q, "mark")
        || p.head(w).is_some_and(|h| {
            p.dependents(h).any(|d| {
                (p.has_rel(d, "advmod") || p.has_rel(d, "det")) && is(d, Class::CueNegation)
            })
        })
}

/// "a case concerning competing claims in the sea", "rules on the rival sovereignty claims": a
/// cue of claiming after an adjective of claims set against each other (lexicon `rival_word`,
/// maybe with one noun between) names the dispute, and no claim of the sentence's subject. Not
/// one owned, or the object of a verb with a subject of its own: "asserted its rival claim",
/// "Japan has competing claims with Russia" are the subject's.
fn rival_claims(doc: &Doc<'_>, cue: &Item) -> bool {
    let rival = |t: usize| doc.tok_in_lex(t, Lex::RivalWord);
    let before = cue.tok > 0 && rival(cue.tok - 1)
        || cue.tok > 1
            && rival(cue.tok - 2)
            && doc.tok(cue.tok - 1).starts_with(char::is_lowercase);
    if !before {
        return false;
    }
    let p = &doc.parse;
    p.head_of(&p.words_in(cue.start, cue.end)).is_some_and(|n| {
        let owned = p.dependent(n, "nmod:poss").is_some();
        let had =
            p.has_rel(n, "obj") && p.head(n).is_some_and(|v| p.dependent(v, "nsubj").is_some());
        !owned && !had
    })
}

/// "Burma accused Thailand of supporting the Shan": a gerund of backing right after an
/// accusation's "of" or "for" (lexicon `backing_gerund`) is the act charged, the accused's as
/// the accuser tells it, which the accused often denies; it is no stance of the accuser's, whose
/// own is against that support (`issues::accused_of`).
fn charged_act(k: &Knowledge, doc: &Doc<'_>, items: &[Item], i: usize, s: usize) -> bool {
    let cue = &items[i];
    let stop_tok = doc.sentences[s].tokens.end;
    items[..i].iter().any(|x| {
        kind_of(k, doc, x) == Some(Kind::Accuse)
            && issues::charges_backing(doc, x.tok_end, stop_tok, cue.tok)
    })
}

/// "India had to pull back its forces": a one-word cue of support ("back") that the parse makes
/// an adverb or particle of another verb is part of that verb ("pull back", "fight back"), no
/// backing.
fn particle_of_a_verb(doc: &Doc<'_>, cue: &Item) -> bool {
    if cue.tok_end > cue.tok + 1 || !doc.tok_in_lex(cue.tok, Lex::ParticleWord) {
        return false;
    }
    let p = &doc.parse;
    let words = p.words_in(cue.start, cue.end);
    p.head_of(&words).is_some_and(|w| {
        p.token(w).is_some_and(|t| t.upos == "ADV")
            && (p.has_rel(w, "advmod") || p.has_rel(w, "compound:prt"))
            && p.head(w)
                .and_then(|h| p.token(h))
                .is_some_and(|t| t.upos == "VERB")
    })
}

/// "urged the government and the opposition to peacefully resolve their dispute": a cue that
/// ends in the infinitive's marker ("opposition to"), which the parse reads as marking a verb,
/// names the party asked to act, no opposition to anything. Only with no owner and before a
/// verb's base form: "its opposition to deploying troops", "voiced opposition to holding a
/// plebiscite" (a gerund) are opposition.
fn preposition_marks_infinitive(doc: &Doc<'_>, cue: &Item) -> bool {
    let last = cue.tok_end - 1;
    if last <= cue.tok || !doc.tok_is_a(last, Class::InfinitiveMarker) {
        return false;
    }
    let p = &doc.parse;
    // "the opposition", "reformist opposition": a party with no owner ("its opposition to
    // deploying troops" is a stance; so is any opposition to a gerund, below).
    let the_party = p
        .word_at(doc.tokens[cue.tok].start)
        .is_some_and(|n| !p.dependents(n).any(|d| p.has_rel(d, "nmod")));
    the_party
        && p.word_at(doc.tokens[last].start).is_some_and(|w| {
            p.has_rel(w, "mark")
                && p.head(w)
                    .and_then(|v| p.token(v))
                    .is_some_and(|t| t.upos == "VERB" && t.xpos == "VB")
        })
}

/// "a demanding task", "increasingly demanding talks": a one-word cue of demanding (lexicon
/// `demanding_verb`) that modifies a noun, as the parse reads it or after a determiner or an
/// adverb of degree (lexicon `degree_adverb`), is an adjective, no demand. A participle
/// modifying a noun ("Japan criticized protesters demanding the withdrawal": acl, or right
/// after a common noun however the parse hangs it) is that noun's demand, not one of the
/// clause's subject: none is read either, unless the noun is a text its issuer puts out
/// ("issued a statement demanding the withdrawal": `holders::issuing_verb_of_text`).
fn demanding_adjective(doc: &Doc<'_>, cue: &Item) -> bool {
    if cue.tok_end > cue.tok + 1
        || !doc.tok_in_lex(cue.tok, Lex::DemandingVerb)
        || holders::issuing_verb_of_text(doc, cue).is_some()
    {
        return false;
    }
    let p = &doc.parse;
    let words = p.words_in(cue.start, cue.end);
    let after_noun = cue.tok > 0 && doc.tok_upos(cue.tok - 1) == "NOUN";
    after_noun
        || p.head_of(&words)
            .is_some_and(|w| p.has_rel(w, "amod") || p.token(w).is_some_and(|t| t.deprel == "acl"))
        || (cue.tok > 0
            && (doc.tok_is_a(cue.tok - 1, Class::Determiner)
                || doc.tok_in_lex(cue.tok - 1, Lex::DegreeAdverb)))
}

/// "Pressed for details, the minister declined to comment", "Japan, backed by its allies,
/// ...": a cue that is a past participle opening its sentence or a stretch after a comma, with
/// no subject of its own, is done to the clause's subject, no stance it takes.
fn participle_without_subject(doc: &Doc<'_>, cue: &Item, s: usize) -> bool {
    if cue.tok != doc.sentences[s].tokens.start && (cue.tok == 0 || doc.tok(cue.tok - 1) != ",") {
        return false;
    }
    let p = &doc.parse;
    let Some(w) = p.word_at(cue.start) else {
        return false;
    };
    p.token(w)
        .is_some_and(|t| t.xpos == "VBN" && matches!(t.deprel.as_str(), "advcl" | "acl" | "root"))
        && p.dependent(w, "nsubj").is_none()
        && p.dependent(w, "nsubj:pass").is_none()
        && p.dependent(w, "aux").is_none()
        && p.dependent(w, "aux:pass").is_none()
}

/// Whether the cue is a wish (the lexicon's `wish_adjective`: "interested in").
fn is_wish(doc: &Doc<'_>, cue: &Item) -> bool {
    (cue.tok..cue.tok_end).any(|t| doc.tok_in_lex(t, Lex::WishAdjective))
}

/// Whether a wish (the lexicon's `wish_adjective`: "interested in") is another's account of
/// its subject: "Uribe alleged that the Venezuelan leader was not interested in peace", "It is
/// clear that the Russian Federation is not interested in a dialogue" tell what the speaker
/// makes of the subject, no stance the subject takes. A pronoun that can refer back to the
/// teller ("India said it is interested in talks", "we"; lexicon `teller_pronoun`) keeps it;
/// any other ("Pakistan said he was not interested in talks") is someone the teller speaks of.
fn wish_told_by_another(doc: &Doc<'_>, cue: &Item) -> bool {
    if !is_wish(doc, cue) {
        return false;
    }
    let p = &doc.parse;
    let Some(w) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    p.has_rel(w, "ccomp")
        && p.dependent(w, "nsubj").is_some_and(|n| {
            p.token(n).is_some_and(|t| {
                t.upos != "PRON"
                    || !doc
                        .lexicon
                        .is(Lex::TellerPronoun, &t.text.to_ascii_lowercase())
            })
        })
}

/// Whether a wish ("interested in") is for no thing its object names: a gerund ("interested in
/// knowing whether the talks will resume") wants an act of the subject's own, and a noun of what
/// comes of a thing (lexicon `wish_outcome_noun`: "keenly interested in the outcome of the
/// talks") wants to learn it, neither the talks themselves.
fn wish_for_no_thing(doc: &Doc<'_>, cue: &Item) -> bool {
    if !is_wish(doc, cue) {
        return false;
    }
    let p = &doc.parse;
    let Some(&prep) = p.words_in(cue.start, cue.end).last() else {
        return false;
    };
    // "in talks": the preposition is the noun's case; "in knowing": the gerund's mark.
    let Some(obj) = p
        .head(prep)
        .filter(|_| p.has_rel(prep, "case") || p.has_rel(prep, "mark"))
    else {
        return false;
    };
    p.token(obj)
        .is_some_and(|t| t.xpos == "VBG" || t.upos == "VERB")
        || doc
            .lexicon
            .is(Lex::WishOutcomeNoun, &holders::lemma(doc, obj))
}

/// "If they do not show commitment to this ceasefire, we will respond", "Unless Pakistan rejects
/// the plan, India will ...": a cue inside a condition that opens the sentence (a `condition` cue
/// among its first two words, no comma, colon or semicolon between it and the cue, and the cue
/// inside the clause the condition word marks) is what is supposed, no one's stance; the main clause after
/// it holds the conditional stance.
fn within_a_condition(doc: &Doc<'_>, items: &[Item], i: usize, s: usize) -> bool {
    let cue = &items[i];
    let sentence = &doc.sentences[s].tokens;
    let breaks = |t: usize| matches!(doc.tok(t), "," | ":" | ";");
    items[..i].iter().any(|x| {
        matches!(x.kind, ItemKind::Cue(Cue::Condition))
            && x.tok <= sentence.start + 1
            && x.tok_end <= cue.tok
            && !(x.tok_end..cue.tok).any(breaks)
            && !until_a_date(doc, items, x)
            && !modifies_an_adverb(doc, x)
            && in_the_condition(doc, x, cue)
    })
}

/// Whether the cue's word lies in the clause the condition word `cond` marks (the subtree of the
/// mark's head): "If Pakistan ends the shelling India will resume talks" has no comma of its own,
/// and "resume" is the main clause's verb, not the condition's.
fn in_the_condition(doc: &Doc<'_>, cond: &Item, cue: &Item) -> bool {
    let p = &doc.parse;
    // "Even if": the word the parse marks the clause with.
    let Some(clause) = p
        .words_in(cond.start, cond.end)
        .into_iter()
        .find(|&w| p.rel(w) == "mark")
        .and_then(|w| p.head(w))
    else {
        return false;
    };
    let Some(mut w) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    // A parse is a tree; the bound only guards against a malformed one.
    for _ in 0..64 {
        if w == clause {
            return true;
        }
        match p.head(w) {
            Some(h) => w = h,
            None => return false,
        }
    }
    false
}

/// "the boat was halted for fishing in Indian waters", "the bus service was suspended after the
/// talks collapsed": a cue verb in the passive with no agent acts upon its subject; a subject that
/// is no actor, topic or pronoun is the thing stopped or backed, and what follows the verb (a
/// reason, a time) is no issue. An agent ("was rejected by India") and an actor or topic subject
/// ("Japan is committed to", "the talks were suspended") are read elsewhere.
fn passive_upon_a_thing(doc: &Doc<'_>, items: &[Item], cue: &Item) -> bool {
    // Only a passive auxiliary right before the cue (maybe an adverb between) makes the parse
    // worth asking (`gates.rs`).
    // An "as" phrase after the verb is a judgement of the thing, not a reason: "the accord was
    // welcomed as a step toward talks" (the speaker's stance) is read elsewhere.
    if !(cue.tok.saturating_sub(2)..cue.tok).any(|t| doc.tok_is_a(t, Class::PassiveAuxiliary))
        || doc.tok_is_a(cue.tok_end, Class::AgentPreposition)
        || doc.tok_is_a(cue.tok_end, Class::PredicativeAs)
    {
        return false;
    }
    let p = &doc.parse;
    let Some(w) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    let Some(subj) = p
        .dependent(w, "nsubj:pass")
        .filter(|_| p.token(w).is_some_and(|t| t.upos == "VERB"))
        .and_then(|x| p.token(x))
    else {
        return false;
    };
    !matches!(subj.upos.as_str(), "PRON" | "PROPN")
        && !items.iter().any(|x| {
            matches!(x.kind, ItemKind::Actor { .. } | ItemKind::Topic(_))
                && x.start <= subj.start
                && subj.start < x.end
        })
}

/// "Azerbaijan suspended its diplomatic activities", "China suspended contacts with Japan": a
/// severing verb (lexicon `severing_verb`) whose object is the holder's own doings (an object
/// owned by a possessive pronoun) or its dealings with another (lexicon `ties_noun`, a sanction
/// the events read) is an act, not a position on an issue: what is suspended is no thing the
/// actor opposes. "suspended the deal" keeps its stance.
fn severs_own_dealings(k: &Knowledge, doc: &Doc<'_>, cue: &Item) -> bool {
    if !(crate::gates::may_be_form_of(doc, cue, &[Lex::SeveringVerb]) || doc.parse.asks_always()) {
        return false;
    }
    if crate::gates::sanction_verb(k, doc, cue)
        .is_some_and(|s| s == crate::event_args::SanctionKind::Ties)
    {
        return true;
    }
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    if !p.token(v).is_some_and(|t| {
        let lemma = t.lemma.to_ascii_lowercase();
        doc.lexicon.words(Lex::SeveringVerb).any(|w| w == lemma)
    }) {
        return false;
    }
    p.dependents(v).filter(|&o| p.has_rel(o, "obj")).any(|o| {
        p.dependents(o).any(|d| {
            p.has_rel(d, "nmod:poss")
                && p.token(d).is_some_and(|t| {
                    doc.lang
                        .is(Class::PossessivePronoun, &t.text.to_ascii_lowercase())
                })
        })
    })
}

/// "India accepted that the talks had failed": a cue of support that ends in a verb of accepting
/// (lexicon `accepting_verb`) right before a "that" clause telling what happened (a past or
/// perfect verb) accepts a fact, and supports nothing the clause names. "accepted that talks are
/// the only way forward" endorses them.
fn accepts_a_fact(doc: &Doc<'_>, cue: &Item) -> bool {
    if !(cue.tok_end > cue.tok
        && doc.tok_in_lex(cue.tok_end - 1, Lex::AcceptingVerb)
        && doc.tok_is_a(cue.tok_end, Class::Complementizer))
    {
        return false;
    }
    let p = &doc.parse;
    let Some(that) = p.word_at(doc.tokens[cue.tok_end].start) else {
        return false;
    };
    p.head(that).is_some_and(|v| {
        p.token(v).is_some_and(|t| t.xpos == "VBD")
            || p.dependents(v).any(|d| {
                p.has_rel(d, "aux")
                    && p.token(d).is_some_and(|t| {
                        matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP") && t.lemma == "have"
                    })
            })
    })
}

/// Whether the cue at bytes `start..end` names sanctions (`sanctions_issue_noun`), itself or
/// by the object of its verb: "sanctioned three officials", "slapped sanctions on Russia", "hit
/// Russia with sanctions"; not sanctions that are its grievance or topic ("recalled its
/// ambassador over the new sanctions").
fn names_sanctions(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    // The cue's own words first: they need no parse.
    if (doc.token_at(start)..doc.token_at(end)).any(|t| doc.tok_in_lex(t, Lex::SanctionsIssueNoun))
    {
        return true;
    }
    let p = &doc.parse;
    let names = |w: Word| {
        p.token(w)
            .is_some_and(|t| doc.lexicon.is(Lex::SanctionsIssueNoun, &t.text))
    };
    p.words_in(start, end).into_iter().any(|w| {
        names(w)
            || p.dependents(w).any(|d| {
                let grievance = p.introducer(d).is_some_and(|c| {
                    doc.lang.is(Class::GrievancePreposition, &c)
                        || doc.lang.is(Class::TopicPreposition, &c)
                });
                (p.has_rel(d, "obj") || (p.has_rel(d, "obl") && !grievance)) && names(d)
            })
    })
}

/// The sanction event the events stage coded at the cue `cue`, if any.
fn coded_sanction<'d>(doc: &'d Doc<'_>, cue: &Item) -> Option<&'d EventFact> {
    doc.events.iter().find(|e| {
        e.event_type == PloverType::Sanction
            && e.evidence.iter().any(|x| {
                x.cue
                    .is_some_and(|c| c.start < cue.end && cue.start < c.end)
            })
    })
}

/// Imposing sanctions is supporting them: every sanctions event read by the events stage whose
/// cue names them (`sanctions_issue_noun`: "imposed sanctions", "is imposing additional costs")
/// gives its sources' states a stance on the `sanctions` issue, with the event's evidence. The
/// events stage has already decided whose sanction it is and whether one was imposed ("lifted
/// the sanctions on Iran" is an easing, "discussed the sanctions" no act), so this is the only
/// path from a sanction to a stance on sanctions (a sanction of relations opposes its grievance,
/// `Kind::Sever`).
fn sanctions_imposed(
    k: &Knowledge,
    doc: &Doc<'_>,
    out: &mut Vec<StanceFact>,
    index: &mut HashMap<(String, String), usize>,
) {
    let Some(topic) = k.topics.iter().position(|t| t.id == "sanctions") else {
        return;
    };
    for e in &doc.events {
        let Some(ev) = e.evidence.first() else {
            continue;
        };
        if e.event_type != PloverType::Sanction
            || e.negated
            || !ev.cue.is_some_and(|c| names_sanctions(doc, c.start, c.end))
        {
            continue;
        }
        let Some(issue) = issue_name(k, doc, ev.sentence, topic) else {
            continue;
        };
        let mut holders: Vec<usize> = Vec::new();
        for src in &e.sources {
            let Some(a) = doc.actor_named(src) else {
                continue;
            };
            if let Some(h) = holders::stance_holder(doc, a)
                && !holders.contains(&h)
            {
                holders.push(h);
            }
        }
        for h in holders {
            let fact = StanceFact {
                hedged: e.hedged,
                ..StanceFact::plain(
                    doc.actor_name(h),
                    issue.clone(),
                    StanceLabel::Support,
                    e.confidence * 0.9,
                    ev.clone(),
                )
            };
            merge(out, index, fact);
        }
    }
}

fn rank(label: StanceLabel) -> u8 {
    match label {
        StanceLabel::Conditional => 3,
        StanceLabel::Support | StanceLabel::Oppose => 2,
        StanceLabel::Neutral => 1,
        StanceLabel::Ambiguous => 0,
    }
}

fn merge(
    out: &mut Vec<StanceFact>,
    index: &mut HashMap<(String, String), usize>,
    fact: StanceFact,
) {
    let key = (fact.actor.clone(), fact.issue.clone());
    let Some(&i) = index.get(&key) else {
        index.insert(key, out.len());
        out.push(fact);
        return;
    };
    let e = &mut out[i];
    let conflict = matches!(
        (e.label, fact.label),
        (StanceLabel::Support, StanceLabel::Oppose) | (StanceLabel::Oppose, StanceLabel::Support)
    );
    if conflict {
        e.label = StanceLabel::Ambiguous;
        e.position = 50.0;
    } else if rank(fact.label) > rank(e.label) {
        e.label = fact.label;
        e.position = fact.position;
    }
    if fact.downplayed || e.downplayed {
        e.salience = e.salience.min(fact.salience);
    } else {
        e.salience = e.salience.max(fact.salience);
    }
    e.downplayed |= fact.downplayed;
    e.proposal |= fact.proposal;
    e.hedged &= fact.hedged;
    e.negated |= fact.negated;
    e.confidence = e.confidence.max(fact.confidence);
    if e.deadline.is_none() {
        e.deadline = fact.deadline;
    }
    for c in fact.conditions {
        if !e.conditions.iter().any(|x| x.text == c.text) && e.conditions.len() < 8 {
            e.conditions.push(c);
        }
    }
    if e.evidence.last().map(|x| x.span) != fact.evidence.first().map(|x| x.span) {
        e.evidence.extend(fact.evidence);
    }
}

#[cfg(test)]
mod tests {

    /// (holder id, issue id, label) of every stance of `text`. One extractor for all the tests:
    /// building the knowledge is the slow part.
    pub(super) fn stances(text: &str) -> Vec<(String, String, String)> {
        let x = crate::test_support::extractor();
        let doc = x.analyze(text, None);
        doc.stances
            .iter()
            .map(|s| {
                let issue = s.issue.rsplit('/').next().unwrap_or("").to_owned();
                let label = format!("{:?}", s.label).to_lowercase();
                (
                    s.actor.trim_start_matches("actors/").to_owned(),
                    issue,
                    label,
                )
            })
            .collect()
    }

    pub(super) fn has(
        found: &[(String, String, String)],
        holder: &str,
        issue: &str,
        label: &str,
    ) -> bool {
        found
            .iter()
            .any(|(h, i, l)| h == holder && i == issue && l == label)
    }

    #[test]
    fn claims_of_sovereignty_support_the_claimants_sovereignty() {
        let s = stances("China has indisputable sovereignty over the Spratly Islands.");
        assert!(has(&s, "CHN", "sovereignty", "support"), "{s:?}");
        let s = stances("Japan and China both claim the Senkaku Islands.");
        assert!(has(&s, "JPN", "sovereignty", "support"), "{s:?}");
        // An assertion is not a claim to territory.
        let s = stances("Cambodia claims a wing of the temple near Kashmir collapsed.");
        assert!(!s.iter().any(|(_, i, _)| i == "sovereignty"), "{s:?}");
    }

    #[test]
    fn a_denied_claim_is_the_speakers_stance_not_the_claimants() {
        let s = stances(
            "The United States said that China has no lawful claim to the waters of the South China Sea.",
        );
        assert!(has(&s, "USA", "sovereignty", "oppose"), "{s:?}");
        assert!(!s.iter().any(|(h, _, _)| h == "CHN"), "{s:?}");
    }

    #[test]
    fn judgements_of_a_thing_named_are_the_speakers() {
        let s = stances(
            "The United States reaffirms that the arbitral decision on the South China Sea is final and legally binding.",
        );
        assert!(has(&s, "USA", "icj-ruling", "support"), "{s:?}");
        let s = stances("The United States said Russia held an illegal referendum in Crimea.");
        assert!(has(&s, "USA", "referendum", "oppose"), "{s:?}");
    }

    #[test]
    fn protests_oppose_the_act_protested() {
        let s =
            stances("China lodged a strong protest against the landing on the Senkaku Islands.");
        assert!(has(&s, "CHN", "landing", "oppose"), "{s:?}");
    }

    #[test]
    fn holders_follow_the_sentence_not_the_nearest_name() {
        // The second verb shares the first one's subject.
        let s = stances(
            "Today the United States recognizes Moroccan sovereignty over Western Sahara and reaffirms its support for the autonomy plan.",
        );
        assert!(has(&s, "USA", "autonomy-plan", "support"), "{s:?}");
        // "they" is the group just named, not the state of the sentence before.
        let s = stances(
            "Egypt fears the Grand Renaissance Dam in its dispute with Ethiopia. Ethiopian officials responded, saying they would not halt construction of the dam.",
        );
        assert!(has(&s, "ETH", "construction", "support"), "{s:?}");
        assert!(!s.iter().any(|(h, _, _)| h == "EGY"), "{s:?}");
        // A state in a leading prepositional phrase does not speak.
        let s = stances("On Sudan, the United States will continue to support peace talks.");
        assert!(!s.iter().any(|(h, _, _)| h == "SDN"), "{s:?}");
    }

    #[test]
    fn a_statement_in_one_states_voice_holds_its_unattributed_judgements() {
        let s = stances(
            "The United States welcomes the talks on the South China Sea. The United States reaffirms its support for talks. The arbitral decision is final and legally binding.",
        );
        assert!(has(&s, "USA", "icj-ruling", "support"), "{s:?}");
    }

    #[test]
    fn a_request_opposes_what_it_asks_to_end() {
        // The issue is the object of the verb the request governs, against it when that verb
        // reverses it; a clause deep inside the object names nothing.
        let s = stances(
            "The United States called on Russia to respect its commitments and to end its occupation of Crimea.",
        );
        assert!(has(&s, "USA", "occupation", "oppose"), "{s:?}");
        assert!(!s.iter().any(|(h, _, _)| h == "RUS"), "{s:?}");
        let s = stances(
            "The United States urged Venezuela and Guyana to seek a peaceful settlement of the Essequibo dispute.",
        );
        assert!(has(&s, "USA", "negotiations", "support"), "{s:?}");
        let s = stances(
            "Japan urged Russia to avoid any further steps near the islands that may in the coming months undermine peace around the Kuril Islands.",
        );
        assert!(!s.iter().any(|(_, i, _)| i == "peace-treaty"), "{s:?}");
    }

    #[test]
    fn the_subject_nearest_the_verb_holds_the_stance() {
        // A fronted phrase the parse also reads as a subject does not hold the stance.
        let s = stances(
            "In concert with allies, partners, and the international community, the United States rejects Russia's attempted annexation of Crimea.",
        );
        assert!(has(&s, "USA", "annexation", "oppose"), "{s:?}");
    }

    #[test]
    fn an_abstention_is_neutral_on_what_was_voted() {
        let s = stances(
            "Golan vote\n\nThe United States abstained on the Security Council resolution on the Golan Heights.",
        );
        assert!(has(&s, "USA", "un-resolution", "neutral"), "{s:?}");
    }

    #[test]
    fn one_act_named_twice_is_one_issue() {
        let s = stances(
            "Senkaku protests\n\nChina lodged a strong protest against the landing on the Senkaku Islands. Beijing repeated China's opposition to Japanese activists landing on the islands.",
        );
        let landings: Vec<_> = s
            .iter()
            .filter(|(h, i, _)| h == "CHN" && i.contains("landing"))
            .collect();
        assert_eq!(landings.len(), 1, "{s:?}");
        assert!(has(&s, "CHN", "landing", "oppose"), "{s:?}");
    }

    #[test]
    fn clauses_are_not_issues() {
        // A passive clause after a cue names no issue.
        let s = stances(
            "Japan rejected what has been conveyed through diplomatic channels about the Kuril Islands.",
        );
        assert!(s.is_empty(), "{s:?}");
        let s = stances("Russia wants to handle the Kuril Islands question alone.");
        assert!(s.is_empty(), "{s:?}");
        // People are actors, not issues; a phrase cut by the length limit is no name.
        let s = stances("Japan stands with our Philippine allies in the Kuril Islands row.");
        assert!(s.is_empty(), "{s:?}");
        let s = stances(
            "Japan welcomed a resumption of formal diplomatic ties over the Kuril Islands.",
        );
        assert!(s.is_empty(), "{s:?}");
    }
}
