//! Where the stages read the parse. Parsing is most of the pipeline's cost (a full parse caps it
//! near 0.4 MB of news a second; see docs/benchmarks.md), and most clauses of news are simple
//! enough that the token rules say what the tree would: "Japan and Russia will meet China on
//! Tuesday", "“We support a peace treaty,” Kono said". So a stage asks the parse about a cue
//! only when
//! - a fact is possible there at all (someone who could be the event's source is in reach; the
//!   sentence is about a dispute, without which no stance is kept), and
//! - the token rules are in doubt: the clause is not a plain subject–verb–object clause in
//!   which the subject (coordinated actors, or "we" in a quoted speaker's words) stands at the
//!   start of the clause, only auxiliaries, a negation or a plan ("plans to") stand between it
//!   and the verb, and the object (if any) follows the verb at once.
//!
//! In a plain clause these functions give the reading the tree gives there, read off the
//! tokens. `Parse::asking_always` lifts every gate (the `gates` example compares the two).

use crate::event_args::{self, TreeArgs, Who};
use crate::ir::{Doc, Item, ItemKind};
use crate::knowledge::{Args, Cue, Knowledge};
use crate::lang::Class;
use crate::lexicon::Lex;
use crate::output::Clause;
use polemos_core::model::PloverType;

/// A plain clause's subject.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Subject {
    /// Coordinated actors ("Japan and Russia").
    Actors(Vec<usize>),
    /// "we" or "I" opening the clause.
    We,
}

/// A plain clause around the cue `items[at]`: its subject, and whether the words between
/// subject and verb negate it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Plain {
    subject: Subject,
    negated: bool,
}

fn subject_actor(it: &Item) -> Option<usize> {
    match it.kind {
        ItemKind::Actor {
            actor,
            adjectival: false,
            possessive: false,
            ..
        } => Some(actor),
        _ => None,
    }
}

/// The first token of the clause the cue belongs to, past an opening quotation mark or
/// "that"; the sentence's first token when the cue introduces the clause.
fn clause_floor(doc: &Doc<'_>, s: usize, clause: &Clause, cue: &Item) -> usize {
    let sentence_start = doc.sentences[s].tokens.start;
    let introduces = clause
        .cue
        .is_some_and(|(a, b)| a <= cue.start && cue.start < b);
    let mut floor = if introduces {
        sentence_start
    } else {
        doc.token_at(clause.start).max(sentence_start)
    };
    while floor < cue.tok && matches!(doc.tok(floor), "\"" | "\u{201c}" | "'" | "\u{2018}") {
        floor += 1;
    }
    if floor < cue.tok && doc.tok_is_a(floor, Class::Complementizer) {
        floor += 1;
    }
    floor
}

/// Walking back through `items[..j]` from token `before`: the outermost of the last items that
/// start before it (in tokens: a person's mention covers the title before the name) (a mention and the mentions inside it: "Japanese" in "Japanese Foreign
/// Minister Taro Kono"). `None` at the start, or where two items overlap without nesting.
fn previous_outer(items: &[Item], mut j: usize, before: usize) -> Option<usize> {
    while j > 0 && items[j - 1].tok >= before {
        j -= 1;
    }
    let mut found = j.checked_sub(1)?;
    let mut k = found;
    while k > 0 {
        let it = &items[k - 1];
        let cand = &items[found];
        if it.tok_end <= cand.tok {
            break;
        }
        if it.tok <= cand.tok && it.tok_end >= cand.tok_end {
            found = k - 1;
        } else if it.tok < cand.tok || it.tok_end > cand.tok_end {
            return None;
        }
        k -= 1;
    }
    Some(found)
}

/// Walking forward through `items[j..]`: the outermost of the next items (a mention with the
/// mentions inside it) and the index after them. `None` at the end, or where two items overlap
/// without nesting.
fn next_outer(items: &[Item], j: usize) -> Option<(usize, usize)> {
    let mut found = j;
    let mut k = j + 1;
    items.get(j)?;
    while let Some(it) = items.get(k) {
        let cand = &items[found];
        if it.tok >= cand.tok_end {
            break;
        }
        if it.tok <= cand.tok && it.tok_end >= cand.tok_end {
            found = k;
        } else if it.tok < cand.tok || it.tok_end > cand.tok_end {
            return None;
        }
        k += 1;
    }
    Some((found, k))
}

/// The plain clause of the verb cue `items[at]`, if it is one (see the module's comment).
fn plain(doc: &Doc<'_>, items: &[Item], at: usize, s: usize, clause: &Clause) -> Option<Plain> {
    let cue = items.get(at)?;
    let floor = clause_floor(doc, s, clause, cue);
    if floor >= cue.tok {
        return None;
    }
    let auxiliary = |t: usize| doc.tok_is_a(t, Class::Auxiliary);
    // The words between subject and verb: auxiliaries, negations, a plan ("plans to"), as
    // words or as cue items.
    let mut gap_start = cue.tok;
    let mut j = at;
    let mut before = cue.tok;
    let mut subject_item: Option<usize> = None;
    loop {
        loop {
            if gap_start > floor && auxiliary(gap_start - 1) {
                gap_start -= 1;
            } else if gap_start >= floor + 3
                && doc.tok_is_a(gap_start - 1, Class::InfinitiveMarker)
                && doc.tok_is_a(gap_start - 2, Class::Readiness)
                && doc.tok_is_a(gap_start - 3, Class::BeForm)
            {
                gap_start -= 3;
            } else {
                break;
            }
        }
        let Some(i) = previous_outer(items, j, before) else {
            break;
        };
        let it = &items[i];
        // A stance cue around the event cue ("is ready to discuss"): the words are read above.
        if it.tok <= cue.tok && it.tok_end >= cue.tok_end && matches!(it.kind, ItemKind::Cue(_)) {
            j = i;
            continue;
        }
        let in_gap = it.tok_end >= gap_start && it.tok_end <= cue.tok;
        // A cue on words of the gap ("is ready to"), or a plan or negation that extends it.
        let on_gap_words = it.tok >= gap_start && matches!(it.kind, ItemKind::Cue(_));
        if in_gap
            && it.tok >= floor
            && (on_gap_words || matches!(it.kind, ItemKind::Cue(Cue::Plan | Cue::Negator)))
        {
            gap_start = gap_start.min(it.tok);
            j = i;
            before = it.tok;
            continue;
        }
        if it.tok_end > gap_start {
            return None;
        }
        subject_item = Some(i);
        break;
    }
    let negated = |from: usize| {
        (from..cue.tok).any(|t| doc.tok_is_a(t, Class::Negation))
            || items[..at].iter().any(|x| {
                matches!(x.kind, ItemKind::Cue(Cue::Negator)) && x.tok >= from && x.end <= cue.start
            })
    };
    // "we" opening the clause.
    if gap_start == floor + 1 && doc.tok_is_a(floor, Class::FirstPersonSubject) {
        let alone = subject_item.is_none_or(|i| items[i].tok_end <= floor);
        return alone.then_some(Plain {
            subject: Subject::We,
            negated: negated(gap_start),
        });
    }
    let mut i = subject_item?;
    let mut first = items[i];
    if first.tok_end != gap_start {
        return None;
    }
    let mut actors = vec![subject_actor(&first)?];
    // Coordinated actors before it ("Japan, Russia and China").
    while first.tok > floor {
        let k = previous_outer(items, i, first.tok)?;
        let it = items[k];
        let glue = coordinated(doc, it.tok_end, first.tok);
        if !glue {
            return None;
        }
        let a = subject_actor(&it)?;
        if !actors.contains(&a) {
            actors.insert(0, a);
        }
        first = it;
        i = k;
    }
    // The subject opens the clause ("the" may open its mention).
    if first.tok != floor
        && !(first.tok == floor + 1 && doc.tok_is_a(floor, Class::DefiniteArticle))
    {
        return None;
    }
    Some(Plain {
        subject: Subject::Actors(actors),
        negated: negated(gap_start),
    })
}

/// Whether `word` (lower case) may be a form of one of the tree's light verbs (the lexicon's
/// `light_verb`: "held drills", "made a proposal"): an irregular form, or a regular one by its
/// stem.
fn light(doc: &Doc<'_>, word: &str) -> bool {
    doc.lexicon.is(Lex::LightVerbIrregular, word)
        || doc.lexicon.words(Lex::LightVerb).any(|v| {
            let stem = v.strip_suffix(['e', 'y']).unwrap_or(v);
            word.starts_with(stem)
        })
}

/// Whether the noun cue `items[at]` is the tree's act without a doer: no actor, title or
/// pronoun in its phrase before it (back to the verb or stance cue that governs it), no
/// "between" or "by" after it, and no light verb or plan before it in the sentence.
fn plain_noun(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    s: usize,
    clause: &Clause,
) -> bool {
    let Some(cue) = items.get(at) else {
        return false;
    };
    // Where the tree tags the noun as a verb, the token rules decide, and they give a noun
    // with no doer to the quoted speaker.
    if clause.speaker.is_some() {
        return false;
    }
    let sentence = &doc.sentences[s];
    let words_ok = (sentence.tokens.start..cue.tok).all(|t| {
        let w = doc.tok(t).to_ascii_lowercase();
        !light(doc, &w) && !doc.lang.is(Class::Planned, &w)
    }) && !(cue.tok..sentence.tokens.end)
        .any(|t| doc.tok_is_a(t, Class::PairPreposition));
    if !words_ok {
        return false;
    }
    // Parties named right after a noun of a joint act by "of" ("the meeting of Chile and Peru",
    // "the meeting of the Chilean and Peruvian ministers"): the tree reads the phrase
    // (event_args/nominal.rs). After another noun "of" names the object ("the invasion of
    // Ukraine"), which the token rules read, so that sentence is not parsed for it.
    let of_parties = (cue.tok..cue.tok_end).any(|t| doc.lexicon.is(Lex::JointActNoun, doc.tok(t)))
        && doc.tok_is_a(cue.tok_end, Class::OwnerCase)
        && items[at + 1..].iter().any(|x| {
            matches!(x.kind, ItemKind::Actor { .. })
                && x.tok > cue.tok_end
                && x.tok - cue.tok_end <= 4
        });
    if of_parties {
        return false;
    }
    // The noun's phrase: back to the verb or cue that governs it.
    let mut phrase_start = sentence.tokens.start;
    let mut j = at;
    let mut before = cue.tok;
    while let Some(i) = previous_outer(items, j, before) {
        let it = &items[i];
        if it.tok_end > cue.tok {
            return false;
        }
        let governs = match it.kind {
            ItemKind::Actor { .. }
            | ItemKind::Title(_)
            | ItemKind::Cue(Cue::Pronoun | Cue::Possessive) => return false,
            ItemKind::Event(e) => k.events[e].args != Args::Noun,
            ItemKind::Cue(c) => matches!(
                c,
                Cue::Report
                    | Cue::Support
                    | Cue::Oppose
                    | Cue::Enact
                    | Cue::Hope
                    | Cue::Claim
                    | Cue::DenyClaim
                    | Cue::Neutral
                    | Cue::Condition
            ),
            _ => false,
        };
        if governs {
            phrase_start = it.tok_end;
            break;
        }
        j = i;
        before = it.tok;
    }
    // An owner the items do not show: "the two countries' agreement", "their talks".
    !(phrase_start..cue.tok).any(|t| {
        doc.tok_is_a(t, Class::Referring)
            || matches!(doc.tok(t), "'" | "\u{2019}" | "'s" | "\u{2019}s")
    })
}

/// Whether tokens `from..to` join two coordinated actors: commas and "and", then maybe "the"
/// ("Venezuela and the Philippines").
fn coordinated(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    let mut end = to;
    if end > from && doc.tok_is_a(end - 1, Class::DefiniteArticle) {
        end -= 1;
    }
    end > from && (from..end).all(|t| doc.tok(t) == "," || doc.tok_is_a(t, Class::And))
}

/// Whether a referring word ((`Class::Referring`)) stands in tokens `from..to`.
fn refers(doc: &Doc<'_>, from: usize, to: usize) -> bool {
    (from..to).any(|t| doc.tok_is_a(t, Class::Referring))
}

/// How far before a verb cue the "that" of a demanded clause may stand, in tokens.
const DEMANDED_REACH: usize = 8;

/// Whether the verb at token `verb` stands in a "that" clause of a verb of demanding
/// (`mandative_verb`: "insisted that Japan recognize"), within `DEMANDED_REACH` tokens.
fn demanded_clause(doc: &Doc<'_>, verb: usize, floor: usize) -> bool {
    (verb.saturating_sub(DEMANDED_REACH).max(floor + 1)..verb).any(|t| {
        doc.tok_is_a(t, Class::Complementizer) && doc.tok_in_lex(t - 1, Lex::MandativeVerb)
    })
}

/// How far after a verb cue read as a noun its doer's "by" may stand, in tokens ("the capture of
/// the fishermen by Russia").
const AGENT_AHEAD: usize = 6;

/// The arguments of the event cue `items[at]` in sentence `s`: the tree's reading where the
/// token rules are in doubt, the same reading from the tokens in a plain clause, and `None`
/// (the token rules) where no source can be found. `noun` and `direct` as for
/// [`event_args::read`].
#[must_use]
#[allow(clippy::too_many_arguments)]
pub fn event_args(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    s: usize,
    clause: &Clause,
    noun: bool,
    direct: bool,
) -> Option<TreeArgs> {
    if doc.parse.asks_always() {
        return event_args::read(k, doc, items, at, noun, direct);
    }
    let cue = items.get(at)?;
    let sentence = &doc.sentences[s];
    // Nobody to act: no actor, no word that could refer to one, no speaker for a noun of an act
    // ("The talks come amid rising tensions"). The tree finds no one either.
    let someone = items.iter().any(|x| {
        matches!(
            x.kind,
            ItemKind::Actor { .. } | ItemKind::Cue(Cue::Pronoun | Cue::Possessive)
        )
    }) || refers(doc, sentence.tokens.start, sentence.tokens.end)
        || (cue.tok > 0 && doc.tok_is_a(cue.tok - 1, Class::And))
        || (noun && clause.speaker.is_some());
    if !someone {
        return None;
    }
    let ask = || event_args::read(k, doc, items, at, noun, direct);
    let ItemKind::Event(ev) = cue.kind else {
        return ask();
    };
    let entry = &k.events[ev];
    if noun {
        // A noun of an act whose phrase names no one: the tree gives it no source, and there is
        // no event.
        return if plain_noun(k, doc, items, at, s, clause) {
            Some(TreeArgs {
                no_source: true,
                ..TreeArgs::default()
            })
        } else {
            ask()
        };
    }
    if !matches!(entry.args, Args::Svo | Args::Dyad) {
        return ask();
    }
    // A verb cue opening the sentence ("Trade between the two countries has grown"): no
    // subject before it for either reading, and the tree most often tags it a noun, which it
    // leaves to the token rules.
    // Nor a verb cue after an article or a quantity word ("new sanctions on", "a visit to"):
    // the tree tags it a noun, which is no reading of a verb cue.
    // Unless a participle with an agent follows it ("the requests presented by X") or the
    // noun's own "by" phrase ("the capture of the fishermen by Russia"): the parse reads that
    // noun's doer (event_args/offered.rs).
    // Or a noun that is only sought ("seeking the release of the crew"): the parse reads it as
    // no one's act (event_args::sought).
    if cue.tok == sentence.tokens.start || doc.tok_is_a(cue.tok - 1, Class::NounMarker) {
        if event_args::sought(doc, cue) {
            return ask();
        }
        let by_ahead = (cue.tok_end..(cue.tok_end + AGENT_AHEAD).min(sentence.tokens.end))
            .any(|t| doc.tok_is_a(t, Class::AgentPreposition));
        return by_ahead.then(ask).flatten();
    }
    // A participle or a gerund: a passive, a modifier, a progressive the tree may tag as an
    // adjective.
    let word = doc.tok(cue.tok).to_ascii_lowercase();
    if doc.lang.ends_with(Class::GerundSuffix, &word)
        || doc.tok_is_a(cue.tok_end, Class::AgentPreposition)
    {
        return ask();
    }
    // "insisted that Japan recognize ...": a verb of demanding's "that" clause may be a
    // mandative subjunctive, which only the parse's tags tell.
    if demanded_clause(doc, cue.tok, sentence.tokens.start) {
        return ask();
    }
    let Some(plain) = plain(doc, items, at, s, clause) else {
        return ask();
    };
    // The object: actors right after the verb, or after one preposition of address.
    let clause_end = doc.token_at(clause.end).min(sentence.tokens.end);
    let mut j = at + 1;
    while items.get(j).is_some_and(|x| x.tok < cue.tok_end) {
        j += 1;
    }
    let mut target = Vec::new();
    let mut end = cue.tok_end;
    while let Some((i, next)) = next_outer(items, j) {
        let it = &items[i];
        let gap_ok = if target.is_empty() {
            // "met X", "met the X", "protested to (the) X".
            let mut t = cue.tok_end;
            if doc.tok_is_a(t, Class::TargetPreposition) {
                t += 1;
            }
            if doc.tok_is_a(t, Class::DefiniteArticle) {
                t += 1;
            }
            it.tok == t
        } else {
            coordinated(doc, end, it.tok)
        };
        match subject_actor(it) {
            Some(a) if gap_ok && it.tok_end <= clause_end => {
                if !target.contains(&a) {
                    target.push(a);
                }
                end = it.tok_end;
                j = next;
            }
            _ => break,
        }
    }
    // What follows the object up to the clause's end.
    let rest = items[j..].iter().take_while(|x| x.tok < clause_end);
    // "..., according to Reuters": the tree attaches the outlet through "according", no case
    // of a target.
    let cited = |x: &Item| {
        x.tok >= 2
            && doc.tok_is_a(x.tok - 2, Class::According)
            && doc.tok_is_a(x.tok - 1, Class::AccordingTo)
    };
    let tail_actor = rest.clone().any(|x| {
        matches!(
            x.kind,
            ItemKind::Actor { .. } | ItemKind::Cue(Cue::Pronoun | Cue::Possessive)
        ) && !cited(x)
    });
    // Nothing after the object that the tree could read as another argument (a target, or the
    // subject of an agreed clause): no actor and no referring word up to the clause's end.
    if tail_actor || refers(doc, end, clause_end) {
        return ask();
    }
    let source = match plain.subject {
        Subject::Actors(a) => Who::Actors(a),
        Subject::We => Who::We,
    };
    let target = if target.is_empty() {
        Who::Nobody
    } else {
        Who::Actors(target)
    };
    Some(TreeArgs {
        source,
        target,
        negated: plain.negated,
        ..TreeArgs::default()
    })
}

/// The agents of the stance cue `items[at]` in sentence `s` when its clause is plain (its
/// subject's actors, or the quoted speaker for "we"); `None` where the tree must say. `speaker`:
/// the clause's quoted speaker.
#[must_use]
pub fn stance_agents(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    s: usize,
    speaker: Option<usize>,
) -> Option<Vec<usize>> {
    if doc.parse.asks_always() {
        return None;
    }
    let plain = plain_stance(doc, items, at, s)?;
    match plain.subject {
        Subject::Actors(a) => Some(a),
        Subject::We => speaker.map(|a| vec![a]),
    }
}

/// Whether a stance of the cue `items[at]` in sentence `s` cannot be kept whatever its holder:
/// the sentence is about no dispute, or the cue can have no issue. The tree need not be asked
/// who holds it.
#[must_use]
pub fn no_stance_possible(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    s: usize,
) -> bool {
    if doc.parse.asks_always() {
        return false;
    }
    if doc.sentence_dispute.get(s).copied().flatten().is_none() {
        return true;
    }
    // The stage's targets (stances/mod.rs): a request's is read as `request_may_name_issue`
    // says it can be; sanctions or costs imposed have the sanctions topic, any other act
    // imposed none.
    let Some(cue) = items.get(at) else {
        return true;
    };
    match cue.kind {
        ItemKind::Event(e) => match k.events[e].event_type {
            PloverType::Request => {
                !crate::stances::request_may_name_issue(doc, items, at, doc.sentences[s].tokens.end)
            }
            PloverType::Sanction => {
                let text = doc.slice(cue.start, cue.end).to_ascii_lowercase();
                !(text.contains("sanction") || text.contains("cost"))
            }
            _ => false,
        },
        _ => false,
    }
}

/// Whether the tree need not be asked if the stance cue `cue` is negated: its clause is plain,
/// so the negations the token rules see are all there are.
#[must_use]
pub fn stance_negation_plain(doc: &Doc<'_>, cue: &Item) -> bool {
    if doc.parse.asks_always() {
        return false;
    }
    let s = doc.sentences.partition_point(|x| x.end <= cue.start);
    let items = doc.sentence_items(s);
    items
        .iter()
        .position(|x| x == cue)
        .is_some_and(|at| plain_stance(doc, items, at, s).is_some())
}

/// The plain clause of a stance cue, with the checks the stance reading adds: no partner
/// joined "together with" the subject, no verb of denial or refusal before the clause.
fn plain_stance(doc: &Doc<'_>, items: &[Item], at: usize, s: usize) -> Option<Plain> {
    let cue = items.get(at)?;
    let clause = crate::attribution::clause_at(&doc.clauses, s, cue.start)?;
    let first = doc.sentences[s].tokens.start;
    let joined_or_denied = (first..cue.tok).any(|t| {
        let w = doc.tok(t).to_ascii_lowercase();
        doc.lang.is(Class::Joining, &w) || doc.lang.starts_with(Class::NegatingPrefix, &w)
    });
    // A gerund or participle cue ("supporting", "backed by") is not a plain verb.
    let word = doc.tok(cue.tok).to_ascii_lowercase();
    if joined_or_denied
        || doc.lang.ends_with(Class::GerundSuffix, &word)
        || doc.tok_is_a(cue.tok_end, Class::AgentPreposition)
    {
        return None;
    }
    plain(doc, items, at, s, clause)
}

/// Whether the verb cue `cue` is in fact a sanction, and which (`event_args::sanction_verb`),
/// asking the parse only when one of the cue's words can be a form of a severing, withdrawing,
/// imposing or ordering verb. The knowledge `k` names the states' capitals: "Iran ordered two
/// British diplomats to leave Tehran" is an expulsion.
#[must_use]
pub fn sanction_verb(k: &Knowledge, doc: &Doc<'_>, cue: &Item) -> Option<event_args::SanctionKind> {
    let may = (cue.tok..cue.tok_end).any(|t| {
        doc.lexicon
            .is(Lex::SanctionVerbIrregular, &doc.tok(t).to_ascii_lowercase())
    }) || may_be_form_of(
        doc,
        cue,
        &[
            Lex::SeveringVerb,
            Lex::ImposingVerb,
            Lex::WithdrawingVerb,
            Lex::OrderingVerb,
        ],
    );
    if may || doc.parse.asks_always() {
        event_args::sanction_verb(k, doc, cue)
    } else {
        None
    }
}

/// Whether the verb cue `cue` names what a noun is aimed at (`event_args::aims_a_noun`),
/// asking the parse only when one of the cue's words can be a form of an aiming verb.
#[must_use]
pub fn aims_a_noun(doc: &Doc<'_>, cue: &Item) -> bool {
    (may_be_form_of(doc, cue, &[Lex::AimingVerb]) || doc.parse.asks_always())
        && event_args::aims_a_noun(doc, cue)
}

/// Whether a word of `cue` can be a form of a verb of the lists: it starts with the verb's
/// stem (a final "e" or "y" dropped: "imposing", "denied").
pub(crate) fn may_be_form_of(doc: &Doc<'_>, cue: &Item, lists: &[Lex]) -> bool {
    (cue.tok..cue.tok_end).any(|t| {
        let w = doc.tok(t).to_ascii_lowercase();
        lists
            .iter()
            .flat_map(|&l| doc.lexicon.words(l))
            .any(|v| w.starts_with(v.strip_suffix(['e', 'y']).unwrap_or(v)))
    })
}
