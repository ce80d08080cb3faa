//! Accusations carried by a judgement of a deed: "Mr. Lee's visit was utterly unacceptable",
//! "Such actions by the PRC are inconsistent with international law", "the DPRK's launches are
//! in blatant violation of UN resolutions", "Pompeo called Russia's seizure a violation". A
//! copular predicate of reproach (`reproach_word`) whose subject is a deed with an owner is the
//! speaker's accusation of that owner; so is the predicate a verb of calling (`calling_verb`)
//! gives its object, the verb's subject the accuser. A copular predicate of approval denied
//! ("is not helpful", `approving_word`) reproaches the same way.

use std::cell::OnceCell;

use super::answered::{self, Act};
use super::{Index, add_voiced};
use crate::attribution::clause_at;
use crate::event_args;
use crate::ir::{Doc, Item};
use crate::knowledge::Knowledge;
use crate::lang::Class;
use crate::lexicon::Lex;
use crate::output::EventFact;
use crate::tree::Word;
use polemos_core::model::PloverType;

/// Codes the judgements of sentence `s` as accusations and adds them to `out`. `author`: who
/// "we" is when no speaker is named; `acts`: who acted lately, for a deed named by a referring
/// noun.
#[allow(clippy::too_many_arguments)]
pub(super) fn code(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    s: usize,
    author: &OnceCell<Option<usize>>,
    acts: &[Act],
    out: &mut Vec<EventFact>,
    index: &mut Index,
) {
    let toks = doc.sentences[s].tokens.clone();
    let judging =
        |t: usize| doc.tok_in_lex(t, Lex::ReproachWord) || doc.tok_in_lex(t, Lex::ApprovingWord);
    if !toks.clone().any(judging) {
        return;
    }
    let Some(cue) = k.plain_event(PloverType::Accuse, "criticize", None) else {
        return;
    };
    for t in toks.filter(|&t| judging(t)) {
        let (start, end) = (doc.tokens[t].start, doc.tokens[t].end);
        let Some(Judgement {
            owners,
            judge,
            attributive,
            anaphor,
        }) = judgement(doc, items, start)
        else {
            continue;
        };
        let Some(clause) = clause_at(&doc.clauses, s, start) else {
            continue;
        };
        if attributive && clause.speaker.is_none() {
            continue;
        }
        let Some(source) = judge
            .or(clause.speaker)
            .or_else(|| reporter(doc, items, start))
            .or_else(|| *author.get_or_init(|| event_args::author(doc)))
        else {
            continue;
        };
        // "Australian officials described the expulsions as unreasonable": a deed named by a
        // referring noun is the latest act of another side, as for a reaction to "the move";
        // only a judge or speaker named says whose side that is. A judgement answers an act of
        // its own or the sentence before in its paragraph: further back, an act no actor did
        // (a court's ruling, a league's ban) may stand between them unseen.
        let owners = match anaphor {
            Some(noun) if judge.or(clause.speaker).is_some() => {
                let first = nearest_sentence(doc, s);
                let acts = &acts[acts.partition_point(|a| a.sentence < first)..];
                answered::act_owner(doc, acts, s, (start, end), noun, &[source], clause.speaker)
            }
            Some(_) => continue,
            None => owners,
        };
        if owners.is_empty() {
            continue;
        }
        // The accuser is read from the voice, not from a verb of accusing.
        add_voiced(
            doc,
            out,
            index,
            cue,
            (s, (start, end)),
            clause,
            &[source],
            &owners,
        );
    }
}

/// A judged deed's owners, and who judges it when the judging verb names them.
struct Judgement {
    owners: Vec<usize>,
    judge: Option<usize>,
    /// Said of the deed as a modifier ("Ecuador's unjustified action"): only a named speaker's
    /// words judge so; a narrator's modifier describes.
    attributive: bool,
    /// The token of the deed's noun when it names no owner but refers back to an act ("the
    /// expulsions", "this move"): its owner is read from the acts before it.
    anaphor: Option<usize>,
}

/// The first sentence whose acts a judgement in sentence `s` may answer: the one before it in
/// its paragraph, or `s` itself when it opens one. `events::code` keeps its acts in sentence
/// order.
fn nearest_sentence(doc: &Doc<'_>, s: usize) -> usize {
    match s.checked_sub(1) {
        Some(before) if doc.same_paragraph(before, s) => before,
        _ => s,
    }
}

/// The judgement a word of reproach at byte `at` makes of a deed, when the deed has an owner:
/// - the head of a copular clause ("was unacceptable", "is a violation of", "are in violation
///   of"), whose subject is the deed;
/// - after a pronoun subject, the that-clause such a head judges ("it is unacceptable that Peru
///   is blocking the inquiry"), done by the clause's subject;
/// - a modifier of the deed ("Peru's unjustified arrest"), read only in a speaker's words;
/// - the predicate a verb of calling gives its object ("called Peru's drills a violation",
///   "described the Chinese patrols as illegal"), the verb's subject the judge.
///
/// Neither negated; a word of approval (`approving_word`) judges only negated, as the head of a
/// copular clause ("The British government's attempt to involve the Council is not helpful"). A
/// deed that is itself an actor is not read: "Japan is unacceptable" judges no deed.
fn judgement(doc: &Doc<'_>, items: &[Item], at: usize) -> Option<Judgement> {
    let p = &doc.parse;
    let w = p.word_at(at)?;
    let token = p.token(w)?;
    let approving = p.lexicon().is(Lex::ApprovingWord, &token.text);
    if !matches!(token.upos.as_str(), "ADJ" | "NOUN") || p.negated(w) != approving {
        return None;
    }
    let noun = |x: Word| {
        p.token(x)
            .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
    };
    let copula = p.dependents(w).any(|d| {
        p.has_rel(d, "cop")
            && p.token(d).is_some_and(|x| {
                // "will not be helpful", "remains illegal": any verb of being.
                let word = x.text.to_ascii_lowercase();
                doc.lang.is(Class::BeForm, &word) || doc.lang.is(Class::Copula, &word)
            })
    });
    if approving && !copula {
        return None;
    }
    // "said Ecuador's unjustified action left it no option": a modifier of a deed with an
    // owner, in a speaker's words.
    let attributive = !approving
        && !copula
        && token.upos == "ADJ"
        && p.has_rel(w, "amod")
        && p.head(w).is_some_and(|h| h.index > w.index && noun(h));
    let (deed, judge) = if attributive {
        (p.head(w)?, None)
    } else if copula {
        // The parser may make a "that" of the clause a subject too ("said that Peru's exercise
        // was unacceptable"): the noun is the subject. Where a dash-set insertion stands
        // between, it may hang the predicate on its subject ("the DPRK's launches – including
        // ... – are in violation of").
        // "it is unacceptable that Ecuador is trying to halt the process": after a pronoun
        // subject, the judged deed is the that-clause, its doer the clause's subject.
        if let Some(owners) = extraposed(doc, items, w) {
            return Some(Judgement {
                owners,
                judge: None,
                attributive: false,
                anaphor: None,
            });
        }
        let subject = p
            .dependents(w)
            .filter(|&d| p.has_rel(d, "nsubj"))
            .find(|&d| noun(d))
            .or_else(|| {
                p.head(w)
                    .filter(|&h| p.has_rel(w, "parataxis") && h.index < w.index && noun(h))
            })?;
        (subject, None)
    } else {
        let verb = p.head(w)?;
        let calling = p
            .token(verb)
            .is_some_and(|t| p.lexicon().is(Lex::CallingVerb, &t.text));
        // "calling the Spanish action \"unjustified aggression\"": the parser may read the
        // predicate as a second object, after the deed.
        let second_object = p.has_rel(w, "obj")
            && p.dependents(verb)
                .any(|d| d.index < w.index && p.has_rel(d, "obj") && noun(d));
        let predicate = p.has_rel(w, "xcomp")
            || second_object
            || (["obl", "nmod", "advcl"].iter().any(|r| p.has_rel(w, r))
                && p.preposition(w)
                    .is_some_and(|c| doc.lang.is(Class::PredicativeAs, &c)));
        // "declined to describe the patrols as illegal": a verb of refusing above negates it.
        let refused = matches!(p.rel(verb), "xcomp" | "ccomp")
            && p.head(verb).and_then(|h| p.token(h)).is_some_and(|t| {
                p.lexicon()
                    .is(Lex::NegatingHead, &t.lemma.to_ascii_lowercase())
            });
        if !calling || !predicate || p.negated(verb) || refused {
            return None;
        }
        let object = p
            .dependents(verb)
            .find(|&d| d != w && p.has_rel(d, "obj") && noun(d))?;
        // "Some analysts described China's patrols as illegal": a judge who is no actor makes
        // no accusation, and the clause's voice did not make it either.
        // The parser may read "analysts described X as Y" as a reduced relative: the noun it
        // hangs the verb on is then its subject.
        let subject = p
            .dependent(verb, "nsubj")
            .or_else(|| p.head(verb).filter(|_| p.has_rel(verb, "acl")));
        let judge = match subject {
            Some(x) => Some(owner_actor(doc, items, x)?),
            None => None,
        };
        (object, judge)
    };
    if doc.actor_at(items, deed, true).is_some() {
        return None;
    }
    let owners = deed_owners(doc, items, deed);
    let anaphor = (owners.is_empty() && !attributive)
        .then(|| referring_deed(doc, deed))
        .flatten();
    (!owners.is_empty() || anaphor.is_some()).then_some(Judgement {
        owners,
        judge,
        attributive,
        anaphor,
    })
}

/// The token of the deed headed by `deed` when its noun refers back to an act or document
/// (lexicon `act_anaphor_noun`) after a referring determiner ("the expulsions", "this move"),
/// with no phrase of its own: "the decision to withdraw" or "the killing of nine Turks" names
/// what it is, not an act before.
fn referring_deed(doc: &Doc<'_>, deed: Word) -> Option<usize> {
    let p = &doc.parse;
    let at = doc.token_at(p.token(deed)?.start);
    let referring = doc.tok_in_lex(at, Lex::ActAnaphorNoun)
        && (at.saturating_sub(2)..at).any(|d| doc.tok_is_a(d, Class::ReferringDeterminer));
    let complement = p
        .dependents(deed)
        .any(|d| matches!(p.rel(d), "nmod" | "compound" | "acl"));
    (referring && !complement).then_some(at)
}

/// The doers of the deed an extraposed judgement at `w` judges: "it is unacceptable that
/// Ecuador is trying to halt the process" (a pronoun subject, a that-clause after the
/// predicate) judges the clause, done by its subject.
fn extraposed(doc: &Doc<'_>, items: &[Item], w: Word) -> Option<Vec<usize>> {
    let p = &doc.parse;
    let pronoun = p.dependent(w, "nsubj")?;
    if p.token(pronoun)?.upos != "PRON" || pronoun.index > w.index {
        return None;
    }
    // "it would be unacceptable that ...", "asked whether it is illegal that ...", "it is
    // unacceptable if ...": a judgement only supposed or asked about judges no deed done.
    let word_is = |d: Word, class: Class| {
        p.token(d)
            .is_some_and(|x| doc.lang.is(class, &x.text.to_ascii_lowercase()))
    };
    let supposed = p.dependents(w).any(|d| {
        (p.has_rel(d, "aux") && word_is(d, Class::HypotheticalModal))
            || (p.has_rel(d, "mark")
                && (word_is(d, Class::QuestionMark) || word_is(d, Class::ConditionMark)))
    });
    if supposed {
        return None;
    }
    let clause = p.dependents(w).find(|&d| {
        d.index > w.index
            && matches!(p.rel(d), "ccomp" | "csubj" | "advcl")
            && p.dependents(d).any(|m| {
                p.has_rel(m, "mark")
                    && p.token(m).is_some_and(|t| {
                        doc.lang
                            .is(Class::Complementizer, &t.text.to_ascii_lowercase())
                    })
            })
    })?;
    let doer = p.dependent(clause, "nsubj")?;
    let owners: Vec<usize> = p
        .conjuncts(doer)
        .into_iter()
        .filter_map(|c| doc.actor_at(items, c, true))
        .collect();
    (!owners.is_empty()).then_some(owners)
}

/// The owners of the deed headed by `deed`: its possessor ("Mr. Lee's visit"), the actor its
/// adjective names ("the Russian action"), its "by" agent ("actions by the PRC") or an "of"
/// complement that is a body ("the interference of Ethiopia's government"). Another "of"
/// complement is what the deed is done to ("the seizure of Ukraine's ships", "the invasion of
/// Ukraine"), and the doer is not named.
pub(super) fn deed_owners(doc: &Doc<'_>, items: &[Item], deed: Word) -> Vec<usize> {
    let p = &doc.parse;
    let body = |d: Word| {
        p.token(d)
            .is_some_and(|t| p.lexicon().is(Lex::GroupNoun, &t.text))
    };
    let mut owners: Vec<usize> = Vec::new();
    for d in p.dependents(deed) {
        // Only an adjective: a name before the deed is what it is done to as often as its
        // doer ("the Lebanon strikes", "the Taiwan arms sale").
        let adjective = p.has_rel(d, "amod") && doc.actor_at(items, d, true).is_some();
        let owner = adjective
            || p.has_rel(d, "nmod:poss")
            || (p.has_rel(d, "nmod")
                && p.preposition(d).is_some_and(|c| {
                    (doc.lang.is(Class::OwnerCase, &c) && body(d))
                        || doc.lang.is(Class::AgentPreposition, &c)
                }));
        if !owner {
            continue;
        }
        for c in p.conjuncts(d) {
            if let Some(a) = owner_actor(doc, items, c)
                && !owners.contains(&a)
            {
                owners.push(a);
            }
        }
    }
    owners
}

/// The actor a noun phrase headed by `w` stands for: a body's own possessor or "of" owner ("the
/// interference of Ethiopia's government", "the office of Somalia's prime minister"), else the
/// actor its mention names.
pub(super) fn owner_actor(doc: &Doc<'_>, items: &[Item], w: Word) -> Option<usize> {
    let p = &doc.parse;
    let owner = p.dependents(w).find(|&d| {
        p.has_rel(d, "nmod:poss")
            || (p.has_rel(d, "nmod")
                && p.preposition(d)
                    .is_some_and(|c| doc.lang.is(Class::OwnerCase, &c)))
    });
    owner
        .and_then(|o| {
            p.dependent(o, "nmod:poss")
                .and_then(|x| doc.actor_at(items, x, true))
                .or_else(|| doc.actor_at(items, o, true))
        })
        .or_else(|| doc.actor_at(items, w, true))
}

/// Who reports the judgement at byte `at` when the clause has no speaker: the subject of the
/// verb the predicate is the complement of, or the object the parser makes of an inverted one
/// ("\"... is a violation of ...,\" said the office of Somalia's prime minister"), or the agent
/// of a participle on either ("said a statement released by Iran's U.N. Mission").
fn reporter(doc: &Doc<'_>, items: &[Item], at: usize) -> Option<usize> {
    let p = &doc.parse;
    let w = p.word_at(at)?;
    let verb = p.head(w).filter(|_| p.has_rel(w, "ccomp"))?;
    let by = p.dependent(verb, "nsubj").or_else(|| {
        p.dependents(verb)
            .find(|&d| p.has_rel(d, "obj") && d.index > w.index)
    })?;
    // "said a statement released by Iran's U.N. Mission": a text's reporter is the agent of the
    // participle on it.
    owner_actor(doc, items, by).or_else(|| {
        p.dependents(by)
            .filter(|&d| p.has_rel(d, "acl"))
            .find_map(|d| p.dependent(d, "obl:agent"))
            .and_then(|a| owner_actor(doc, items, a))
    })
}
