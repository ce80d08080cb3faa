//! Who does an event: the subject, possessor or modifier of its cue, the agent of a passive,
//! and the tests that tell a cue's subject does not do it (an act asked of someone, a reporting
//! cue's own clause).

use crate::attribution::resolve;
use crate::ir::{Doc, Item, ItemKind};
use crate::knowledge::{Args, Cue, Knowledge};
use crate::lang::Class;
use crate::lexicon::Lex;
use crate::output::Clause;
use crate::syntax::{Subject, clause_subject_before, objects_after, possessor, subject_before};
use polemos_core::model::PloverType;

/// A possessive pronoun in a leading phrase ("During his meeting..., the minister...") points
/// forward to the main clause's subject.
pub(super) fn cataphora(doc: &Doc<'_>, items: &[Item], at: usize, s: usize) -> Option<usize> {
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
pub(super) fn premodifier(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    ty: Option<PloverType>,
) -> Option<usize> {
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
pub(super) fn sources(
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
                if let Subject::Pronoun(true, _) = p
                    && let Some(a) = cataphora(doc, items, at, s)
                {
                    return (vec![a], true);
                }
                if let Some(a) = resolve(doc, &p, clause.speaker, s) {
                    return (a, matches!(p, Subject::Pronoun(..)));
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
                return (a, matches!(subject, Subject::Pronoun(..)));
            }
            (clause.speaker.into_iter().collect(), true)
        }
        Args::Svo | Args::Dyad => {
            // A verb's subject is never a preposition's object ("recalled its ambassador from
            // Peru in protest"); but a verb cue written as a noun after a possessive pronoun
            // ("sanctions against Russia over its annexation") is done by the pronoun's
            // antecedent, which may well be one.
            let subject = if matches!(possessor(items, at, doc), Some(Subject::Pronoun(..))) {
                subject_before(doc, items, at, floor)
            } else {
                clause_subject_before(doc, items, at, floor)
            };
            // "SECRETARY BLINKEN: Welcome the foreign ministers from Armenia and Azerbaijan
            // here": a verb that opens what a transcript's speaker says, with no subject, is the
            // speaker's act.
            // Only a label naming someone who speaks (not a dateline, "MOSCOW:"), and not a
            // participle with its agent ("Attacked by Ukrainian drones, ...").
            if matches!(subject, Subject::None)
                && crate::gazetteer::after_speaker_label(
                    doc,
                    doc.sentences[s].tokens.clone(),
                    items[at].tok,
                )
                && !doc.tok_is_a(items[at].tok_end, Class::AgentPreposition)
                && let Some(Some(speaker)) = crate::attribution::label_speaker(doc, s)
            {
                return (vec![speaker], true);
            }
            let inferred = matches!(subject, Subject::Pronoun(..));
            (
                resolve(doc, &subject, clause.speaker, s).unwrap_or_default(),
                inferred,
            )
        }
    }
}

/// Whether a verb cue is a passive participle: "was opposed", "were fiercely criticized".
pub(super) fn is_passive(doc: &Doc<'_>, cue: &Item) -> bool {
    passive_auxiliary(doc, cue).is_some()
}

/// The token of the auxiliary of the passive cue `cue` ("was" in "was strongly condemned"),
/// read from the words as [`is_passive`] reads them.
pub(super) fn passive_auxiliary(doc: &Doc<'_>, cue: &Item) -> Option<usize> {
    let word = doc.tok(cue.tok);
    if !doc.lang.ends_with_lower(Class::ParticipleSuffix, word) || cue.tok == 0 {
        return None;
    }
    let mut t = cue.tok - 1;
    // Adverbs and their coordination: "was heavily and unjustly criticized", "stands also
    // accused".
    while t > 0
        && (doc.lang.ends_with_lower(Class::AdverbSuffix, doc.tok(t))
            || doc.tok_is_a(t, Class::PassiveAdverb)
            || doc.tok_is_a(t, Class::And))
    {
        t -= 1;
    }
    doc.tok_is_a(t, Class::PassiveAuxiliary).then_some(t)
}

/// The agent of a passive: the actor after "by" shortly after the cue.
pub(super) fn agent(doc: &Doc<'_>, items: &[Item], at: usize) -> Option<usize> {
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
pub(super) fn plural_pronoun_before(doc: &Doc<'_>, cue: &Item) -> bool {
    (cue.tok.saturating_sub(PRONOUN_REACH)..cue.tok).any(|t| {
        doc.tok_is_a(t, Class::SubjectPronoun)
            && doc.tok_is_a(t, Class::ThingPronoun)
            && !doc.tok_is_a(t, Class::NeuterPronoun)
    })
}

/// Whether the cue is the reporting cue that opens `clause`.
pub(super) fn introduces(clause: &Clause, cue: &Item) -> bool {
    clause
        .cue
        .is_some_and(|(a, b)| a <= cue.start && cue.start < b)
}

/// Whether the cue is an act someone was asked, told or urged to do, not one they did: "urged
/// Beijing to protect ...", "calls upon the PRC to abide by ...". Its subject is then the object
/// of the verb before it.
pub(super) fn requested_act(doc: &Doc<'_>, items: &[Item], at: usize, sources: &[usize]) -> bool {
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

/// The state a person's pronoun at byte `at` of sentence `s` speaks for when it owns a noun of
/// a state's own government or country and no person resolves it: "Japan's foreign minister
/// said his government would protest" is Japan's (the clause's `speaker`, a state whose
/// official is unnamed); not when another person stands between ("Japan said a visiting envoy
/// warned his government").
pub(super) fn officials_state(
    doc: &Doc<'_>,
    speaker: Option<usize>,
    person: bool,
    at: usize,
    s: usize,
) -> Option<usize> {
    speaker.filter(|&sp| {
        person
            && doc.actors[sp].kind == polemos_core::model::ActorKind::State
            && owns_a_state_noun(doc, at)
            && speakers_own_pronoun(doc, s, sp, at)
    })
}

/// Whether the person's pronoun at byte `at` owns a noun of a state's own government or
/// country (`state_body_noun`): "his government", "her country".
fn owns_a_state_noun(doc: &Doc<'_>, at: usize) -> bool {
    let p = &doc.parse;
    p.word_at(at).is_some_and(|w| {
        p.has_rel(w, "nmod:poss")
            && p.head(w).and_then(|h| p.token(h)).is_some_and(|t| {
                doc.lexicon
                    .is(Lex::StateBodyNoun, &t.lemma.to_ascii_lowercase())
            })
    })
}

/// Whether the person's pronoun at byte `at` in sentence `s` can be speaker `sp`'s own unnamed
/// official: no other person, and no person noun but the one the speaker's last mention before
/// it owns ("Japan's foreign minister", "the Japanese envoy"), stands between that mention and
/// the pronoun. "Japan said a visiting envoy had warned that his government ...": the envoy's.
fn speakers_own_pronoun(doc: &Doc<'_>, s: usize, sp: usize, at: usize) -> bool {
    let p = &doc.parse;
    let items = doc.sentence_items(s);
    let mention = items
        .iter()
        .rev()
        .find(|x| matches!(x.kind, ItemKind::Actor { actor, .. } if actor == sp) && x.end <= at);
    let Some(mention) = mention else {
        return false;
    };
    // The person noun the mention depends on as its owner or adjective.
    let owned = p
        .head_of(&p.words_in(mention.start, mention.end))
        .filter(|&w| p.has_rel(w, "nmod:poss") || p.rel(w) == "amod" || p.rel(w) == "compound")
        .and_then(|w| p.head(w));
    let person = items.iter().any(|x| {
        matches!(x.kind, ItemKind::Actor { actor, .. }
            if actor != sp && doc.actors[actor].kind == polemos_core::model::ActorKind::Person)
            && x.start >= mention.end
            && x.end <= at
    });
    let person_noun = |w| {
        p.token(w).is_some_and(|t| {
            let lemma = t.lemma.to_ascii_lowercase();
            t.upos == "NOUN"
                && (p.rel(w) == "nsubj"
                    || [
                        Lex::PersonRole,
                        Lex::PrivateRole,
                        Lex::OfficialRole,
                        Lex::HeadRole,
                        Lex::EnvoyNoun,
                    ]
                    .iter()
                    .any(|&l| doc.lexicon.is(l, &lemma)))
        })
    };
    !person
        && p.words_in(mention.end, at)
            .into_iter()
            .all(|w| Some(w) == owned || !person_noun(w))
}

/// The givers, when the cue `cue` (a noun of an act) is what the clause's subject receives
/// from others: a verb of receiving (`receiving_verb`: "drew", "won") just before it, with at
/// most two adjectives, adverbs or determiners between ("has drawn sharp criticism", "received
/// a visit", "received no support": a negated act, still the giver's), none of them the verb's
/// particle ("drew down aid from": another verb), and the giver's
/// preposition (`giver_case`) right after it: "The vote drew praise from Britain" is Britain's
/// praise of the voter, not the voter's of Britain. The givers are the actors the preposition's
/// phrase names, a run of mentions joined by determiners, commas and conjunctions, so an actor
/// named later ("won praise from abroad for its aid to Ukraine") is no giver. Read on the words,
/// as the parser may tag such a verb a noun ("drew" a compound of "praise") and hang a list of
/// givers off its commas.
pub(super) fn received_from(doc: &Doc<'_>, items: &[Item], cue: &Item) -> Vec<usize> {
    if !doc.tok_is_a(cue.tok_end, Class::GiverCase) {
        return Vec::new();
    }
    let mut received = false;
    let mut t = cue.tok;
    for _ in 0..3 {
        let Some(before) = t.checked_sub(1) else {
            break;
        };
        t = before;
        if doc.tok_in_lex(t, Lex::ReceivingVerb) {
            received = true;
            break;
        }
        // "drew down aid from": a verb's particle makes another verb ("draw down"), which
        // receives nothing.
        let particle = doc
            .parse
            .word_at(doc.tokens[t].start)
            .is_some_and(|w| doc.parse.has_rel(w, "compound:prt"));
        if particle || !matches!(doc.tok_upos(t), "ADJ" | "ADV" | "DET") {
            break;
        }
    }
    if !received {
        return Vec::new();
    }
    let mut givers = Vec::new();
    let mut t = cue.tok_end + 1;
    while t < doc.tokens.len() {
        if let Some(x) = items.iter().find(|x| x.tok <= t && t < x.tok_end) {
            let ItemKind::Actor { actor, .. } = x.kind else {
                break;
            };
            givers.push(actor);
            t = x.tok_end;
        } else if matches!(doc.tok_upos(t), "DET" | "CCONJ")
            || &doc.text[doc.tokens[t].start..doc.tokens[t].end] == ","
        {
            t += 1;
        } else {
            break;
        }
    }
    givers
}
