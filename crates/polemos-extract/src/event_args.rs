//! Event arguments read from the dependency parse: who acts (the subject, a passive's agent, the
//! subject an infinitive or a coordinated verb shares), upon whom (objects and obliques, a
//! possessor such as "China's ambassador"), and whether the act is negated or only asked of
//! someone. The token-window rules of `syntax.rs` stay the fallback where the parse links no
//! actor to the cue.

use crate::ir::{Doc, Item, ItemKind};
use crate::knowledge::{Knowledge, Via};
use crate::lang::{Class, Profile};
use crate::lexicon::Lex;
use crate::tree::{Parse, Word};
use polemos_core::model::{ActorKind, PloverType};

mod acts;
mod demands;
mod nominal;
mod offered;
mod parties;
mod partners;
pub use acts::{
    ObjectGate, PenaltyVerb, SanctionKind, aims_a_noun, capital_left, contact_with, directive,
    drawn_in, eases_a_penalty, hosted_here, light_with_act, object_gate, object_headed_by,
    object_of_act, offered_act, on_oneself, owned_by_actor, penalty_imposer, penalty_verb,
    refused_act, rejects_judgement, sanction_verb, suspended_member, unrealized_act,
};
pub use demands::{Demand, demands, obligation_in, obliged, reported_obligation, states_a_fact};
use nominal::nominal;
use offered::offered;
pub use parties::{author, pair_they, parties_of};
pub use partners::{Joint, joint};

/// Who an argument of the cue names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Who {
    #[default]
    Nobody,
    Actors(Vec<usize>),
    /// A pronoun to resolve (`attribution::resolve`); `true` for "he" and "she", and the byte
    /// where it starts, so that each pronoun of a sentence is resolved on its own.
    Pronoun(bool, usize),
    /// "we", "our": the speaker, or the author of a statement.
    We,
    /// "both parties", "all sides", "the two countries": the two states the text last named;
    /// also "each side" as a subject.
    Parties,
    /// "the other" after "each side ...": the parties act upon each other.
    Other,
}

impl Who {
    pub fn is_nobody(&self) -> bool {
        matches!(self, Who::Nobody)
    }
}

/// The arguments of an event cue as the parse shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TreeArgs {
    pub source: Who,
    pub target: Who,
    /// "X was criticised by Y": the source is the agent Y and the target the subject X.
    pub passive: bool,
    /// The act is asked of someone, not done: "called on X to protest", "urged X to withdraw".
    pub requested: bool,
    /// Negated in the tree: "did not reject", "never agreed to talk", "came without a proposal".
    pub negated: bool,
    /// A noun of an act whose phrase shows no actor doing it ("welcomed the agreement"): the
    /// subject of the clause did not do it.
    pub no_source: bool,
    /// The subject of the verb's clausal complement ("agreed that X is sovereign"): the target of
    /// an agreement or a concession when it has no object.
    pub clause_target: Who,
    /// The subject of a condition on the act ("If X does Y, we will retaliate"): whom a threat
    /// without an object is aimed at.
    pub condition_target: Who,
    /// The subject is shared with a coordinated verb ("rejected the protest and urged Peru"):
    /// such a second verb is coded only when aimed at someone.
    pub shared: bool,
    /// Actors coordinated with a pronoun subject ("he and Foreign Minister Lavrov agreed"): they
    /// act with whoever the pronoun stands for.
    pub with_pronoun: Vec<usize>,
    /// The verb's object names an actor only too deep in its phrase to be whom the act is aimed
    /// at (a verb of welcoming: `PRAISED_DEPTH`): the token rules look for no other target.
    pub too_deep: bool,
}

/// Reads the arguments of the cue `items[at]` from the parse of its sentence, or `None` when
/// the sentence has no parse covering the cue.
/// `noun`: the lexicon has the cue as a noun of an act ("drills"), not a verb. When the parse
/// disagrees (a verb cue tagged as an adjective: "is imposing costs" read as a noun phrase), it
/// is likely wrong there, and the caller keeps its token rules. `direct`: only the verb's own
/// objects are targets, not actors inside them ("urged Beijing", not "encouraged development
/// with Morocco").
#[must_use]
pub fn read(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    noun: bool,
    direct: bool,
) -> Option<TreeArgs> {
    let cue = items.get(at)?;
    let p = &doc.parse;
    let words = p.words_in(cue.start, cue.end);
    let head = p.head_of(&words)?;
    let tok = p.token(head)?;
    let tagged_noun = matches!(tok.upos.as_str(), "NOUN" | "PROPN");
    // A verb of the lexicon used as a predicate adjective ("are bound to comply", "is
    // committed") states a condition, not an act; a progressive tagged as one ("is threatening
    // to close") is left to the token rules.
    let progressive = p.lang().ends_with(Class::GerundSuffix, &tok.text);
    // "is grateful to Peru for its help" thanks Peru: an adjective of thanks is an act, through
    // its "to" phrase ("grateful to have the chance to meet X" thanks no one).
    let thanks = p
        .lexicon()
        .is(Lex::ThankingAdjective, &tok.text.to_ascii_lowercase())
        && p.dependents(head).any(|d| {
            p.has_rel(d, "obl")
                && p.dependents(d).any(|c| {
                    p.has_rel(c, "case")
                        && p.token(c)
                            .is_some_and(|t| t.text.eq_ignore_ascii_case("to"))
                })
        });
    if !noun && tok.upos == "ADJ" && !progressive && !thanks && p.dependent(head, "cop").is_some() {
        return Some(TreeArgs {
            no_source: true,
            ..TreeArgs::default()
        });
    }
    // A participle or adjective modifying a noun ("the proposed fence", "a disputed claim")
    // describes the thing; it reports no act by anyone, unless an actor is joined to it
    // ("the U.S.-designated ministry": the United States designated it).
    let joined = at > 0
        && items[..at].iter().rev().any(|x| {
            matches!(x.kind, ItemKind::Actor { .. })
                && x.end <= cue.start
                && doc.slice(x.end, cue.start).trim_matches('-').is_empty()
        });
    if p.has_rel(head, "amod") && matches!(tok.upos.as_str(), "ADJ" | "VERB") && !joined {
        return Some(TreeArgs {
            no_source: true,
            ..TreeArgs::default()
        });
    }
    // "requests presented by Bahrain": a verb cue tagged a noun, whose participle names the doer.
    let offered_noun = !noun && tagged_noun;
    if offered_noun && sought(doc, cue) {
        return Some(TreeArgs {
            no_source: true,
            ..TreeArgs::default()
        });
    }
    // An act named by a noun is not done when the verb whose object it is would do it and is
    // only demanded ("insisted that Japan and Russia conduct joint patrols", "must hold joint
    // drills"; not "must condemn Russia's invasion"), or when it is no particular act, subject of
    // what may happen ("Any attack on Iran could spark a war").
    if tagged_noun && (demanded_object(p, head) || hypothetical_act(p, head)) {
        return Some(TreeArgs {
            no_source: true,
            requested: true,
            ..TreeArgs::default()
        });
    }
    // Any other disagreement with the tree gives no reading, before the actors are mapped.
    if !offered_noun && (noun != tagged_noun || (!noun && tok.upos != "VERB")) {
        return None;
    }
    let mut map = actor_map(p, items, head.sentence, cue);
    branches(doc, p, head.sentence, &mut map);
    // "recalled its ambassador in protest": whether a word is the cue of an act of another
    // type. A verb of the noun's own type ("summoned", "marched") is no other act: coded, it is
    // the same event; dropped (no target: "Peruvians marched through Lima"), the noun's reading
    // stands.
    let own_type = match cue.kind {
        ItemKind::Event(e) => k.events.get(e).map(|c| c.event_type),
        _ => None,
    };
    let act_at = |w: Word| {
        p.token(w).is_some_and(|t| {
            items.iter().any(|x| {
                matches!(x.kind, ItemKind::Event(e)
                    if k.events.get(e).map(|c| c.event_type) != own_type)
                    && x.start != cue.start
                    && x.start <= t.start
                    && t.end <= x.end
            })
        })
    };
    let mut args = if offered_noun && let Some(args) = offered::adjunct(p, &map, head, act_at) {
        args
    } else if offered_noun {
        offered(p, &map, head)?
    } else if noun {
        nominal(p, &map, head)
    } else {
        // Only a cue coded through its object ("hit with sanctions") reads its agent through
        // the instrument's oblique: "slapped with a penalty by Peru" is no assault by Peru.
        let row = Row {
            through_object: matches!(cue.kind, ItemKind::Event(e)
                if k.events.get(e).is_some_and(|c| !c.objects.is_empty())),
            // A consultation (the CONSULT rows) is done together: "the two leaders, conferring
            // by phone" did it, where "the president, criticized by phone" had it done to him.
            mutual: own_type == Some(PloverType::Consult),
        };
        verbal(p, &map, items, head, cue, direct, row)
    };
    // "FOREIGN MINISTER X: The convoy in Kherson was shelled by Ukraine": the parser may hang
    // a transcript label's name on the verb as its passive subject, with the true subject as
    // its apposition. The label names who speaks, not who was acted upon: the subject's phrase
    // is read without the label's words.
    if args.passive
        && !noun
        && !offered_noun
        && let Some(colon) =
            crate::attribution::label_colon(doc, doc.sentences[head.sentence].tokens.clone())
        && let Some(colon_at) = doc.tokens.get(colon).map(|t| t.start)
        && cue.start > colon_at
        && let Some(subject) = p.dependents(head).find(|d| p.has_rel(*d, "nsubj:pass"))
        && p.token(subject).is_some_and(|t| t.start < colon_at)
    {
        let mut unlabelled = map.clone();
        for (index, actor) in unlabelled.iter_mut().enumerate() {
            let w = Word {
                sentence: head.sentence,
                index,
            };
            if p.token(w).is_some_and(|t| t.start < colon_at) {
                *actor = None;
            }
        }
        args.target = who(p, &unlabelled, subject, false);
    }
    // Every reading, the offered one too: "answered the demands, not the many formal requests
    // presented by Peru" is no request.
    args.negated |= negated(p, head);
    // "denied his government is supporting rebels": what is denied is not an act.
    args.requested |= !noun && !offered_noun && denied(p, head);
    // "are legally bound to comply", "must withdraw": what someone ought to do, not an act.
    args.requested |= !noun && !offered_noun && deontic(p, head);
    // "would have blocked it if he could have": a past participle under a counterfactual modal
    // tells what would have happened, not what did.
    args.requested |= !noun && !offered_noun && counterfactual(p, head);
    // "presented a request to detain and extradite him": what a request asks is not done.
    args.requested |= !noun && !offered_noun && asked_by_noun(p, head);
    Some(args)
}

/// Whether the verb `v` (or the first of the verbs it is coordinated with) is the infinitive
/// a noun of request governs ("a request to detain and extradite Thaksin", "calls to withdraw
/// the troops", "an ultimatum to leave"): what is asked, which no one has done.
fn asked_by_noun(p: &Parse<'_>, v: Word) -> bool {
    let first = p.first_conjunct(v);
    p.has_rel(first, "acl")
        && p.marked_by(first, Class::InfinitiveMarker)
        && p.head(first).is_some_and(|n| {
            p.token(n)
                .is_some_and(|t| t.upos == "NOUN" && p.lexicon().is(Lex::RequestNoun, &t.text))
        })
}

/// What the pronoun `w` stands for when it opens a free relative of calling: "froze what it
/// calls all official business with Iran" froze the business. Else `w` itself.
fn called(p: &Parse<'_>, w: Word) -> Word {
    if p.token(w).is_none_or(|t| t.upos != "PRON") {
        return w;
    }
    p.dependents(w)
        .filter(|&c| {
            p.has_rel(c, "acl:relcl")
                && p.token(c)
                    .is_some_and(|t| p.lexicon().is(Lex::CallingVerb, &t.text))
        })
        .find_map(|c| p.dependents(c).find(|&o| p.has_rel(o, "obj")))
        .unwrap_or(w)
}

/// Whether the cue `cue`, tagged a noun, is the object of a verb of seeking (the lexicon's
/// `seeking_verb`): "efforts toward gaining the release of the sailors" seek the act, which no
/// one has done.
#[must_use]
pub fn sought(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    p.head_of(&p.words_in(cue.start, cue.end)).is_some_and(|n| {
        p.token(n).is_some_and(|t| t.upos == "NOUN")
            && p.has_rel(n, "obj")
            && p.head(n).is_some_and(|h| verb_in(p, h, Lex::SeekingVerb))
    })
}

/// Whether the word `w`, lower-cased as written, is in the lexicon list `words`.
fn text_in(p: &Parse<'_>, w: Word, words: Lex) -> bool {
    p.token(w)
        .is_some_and(|t| p.lexicon().is(words, &t.text.to_ascii_lowercase()))
}

/// Whether the verb `w` is one of the lexicon's `verbs` (lemmas): by its lemma, or by its word
/// where the lemmatizer cut the stem ("imposed" lemmatized as "impos").
fn verb_in(p: &Parse<'_>, w: Word, verbs: Lex) -> bool {
    p.token(w).is_some_and(|t| {
        let lemma = t.lemma.to_ascii_lowercase();
        let word = t.text.to_ascii_lowercase();
        p.lexicon().words(verbs).any(|v| {
            lemma == v || {
                let stem = v.strip_suffix(['e', 'y']).unwrap_or(v);
                word.starts_with(stem) && word.len() <= v.len() + 3
            }
        })
    })
}

/// Whether a verb is the content of a denial: "denied (that) its troops crossed the border".
fn denied(p: &Parse<'_>, v: Word) -> bool {
    p.has_rel(v, "ccomp")
        && p.head(v)
            .and_then(|h| p.token(h))
            .is_some_and(|t| t.lemma.eq_ignore_ascii_case("deny"))
}

/// The actor a warning is about when the verb's object names none ("warned their populations
/// about the Prince of Dol Amroth", "warned of X").
fn warned_of(p: &Parse<'_>, map: &[Option<usize>], v: Word) -> Who {
    let mut places: Vec<Word> = p.dependents(v).filter(|d| p.has_rel(*d, "obl")).collect();
    for o in p.dependents(v).filter(|d| p.has_rel(*d, "obj")) {
        places.extend(p.dependents(o).filter(|d| p.has_rel(*d, "nmod")));
    }
    for d in places {
        if case_in(p, d, Class::WarnedOfCase)
            && let w @ Who::Actors(_) = who(p, map, d, false)
        {
            return w;
        }
    }
    Who::Nobody
}

/// Whether the verb `v` is a past participle under a counterfactual modal ("would have
/// blocked"; not "may have struck", a deed done whose doer is uncertain).
fn counterfactual(p: &Parse<'_>, v: Word) -> bool {
    p.token(v).is_some_and(|t| t.xpos == "VBN")
        && p.dependents(v).any(|d| {
            p.has_rel(d, "aux")
                && p.token(d).is_some_and(|t| {
                    p.lang()
                        .is(Class::CounterfactualModal, &t.text.to_ascii_lowercase())
                })
        })
}

/// Whether the noun `n` is the object of a verb that would do what it names and is only
/// demanded ("insisted that they conduct joint patrols"; not "must condemn Russia's invasion",
/// "demanded that Russia halt its attacks", whose acts were done).
fn demanded_object(p: &Parse<'_>, n: Word) -> bool {
    performing_verb_of(p, n).is_some_and(|h| deontic(p, h))
}

/// The verb whose object the noun `n` is, when it does what `n` names (lang-en
/// `performing_verb`: "conduct joint patrols", "launch an invasion"): a demand, a condition or
/// an offer of that verb leaves the act undone.
pub(crate) fn performing_verb_of(p: &Parse<'_>, n: Word) -> Option<Word> {
    let h = p.head(n).filter(|_| p.has_rel(n, "obj"))?;
    p.token(h)
        .is_some_and(|t| {
            p.lang()
                .is(Class::PerformingVerb, &t.lemma.to_ascii_lowercase())
        })
        .then_some(h)
}

/// Whether the noun `n` is the subject of a clause of what may happen and names no particular
/// act: "Any attack on Iran could spark a war" (a determiner of no instance and a hypothetical
/// modal), "an attack on Iran would be a disaster" (an indefinite article and a counterfactual
/// modal; not "the planned meeting would help", one particular act; "A
/// missile attack on Kyiv could be the deadliest" reports one).
fn hypothetical_act(p: &Parse<'_>, n: Word) -> bool {
    let word_is = |w: Word, class: Class| {
        p.token(w)
            .is_some_and(|t| p.lang().is(class, &t.text.to_ascii_lowercase()))
    };
    let modal = |class: Class| {
        p.head(n).is_some_and(|h| {
            p.dependents(h)
                .any(|d| p.has_rel(d, "aux") && word_is(d, class))
        })
    };
    let det = |class: Class| {
        p.dependents(n)
            .any(|d| p.has_rel(d, "det") && word_is(d, class))
    };
    p.has_rel(n, "nsubj")
        && ((det(Class::UnspecificDeterminer) && modal(Class::HypotheticalModal))
            || (det(Class::IndefiniteArticle) && modal(Class::CounterfactualModal)))
}

/// Whether a verb states an obligation: a modal of obligation ("must", "should"), the
/// complement of an obliging adjective ("are bound to comply"), both classes of the profile, or
/// a mandative subjunctive ("demanded that Russia release").
fn deontic(p: &Parse<'_>, v: Word) -> bool {
    let word_is = |w: Word, class: Class| {
        p.token(w)
            .is_some_and(|t| p.lang().is(class, &t.text.to_ascii_lowercase()))
    };
    let obliging = |w: Word| {
        p.dependents(w)
            .any(|d| p.has_rel(d, "aux") && word_is(d, Class::Obligation))
    };
    // "must halt X and improve Y": the coordinated verb shares the modal.
    if obliging(v) || (p.has_rel(v, "conj") && p.head(v).is_some_and(obliging)) {
        return true;
    }
    // "demanding that Russia immediately release the ships": a bare verb with no auxiliary in
    // a clause that completes another verb is the mandative subjunctive, what is demanded
    // (after a verb of demanding, as `demands::demanded_by` reads it).
    let mandative = if p.head(v).is_some_and(|h| demands::is_demanding(p, h)) {
        demands::demanded_by(p, v).is_some()
    } else {
        p.has_rel(v, "ccomp")
            && p.token(v).is_some_and(|t| t.xpos == "VB")
            && !p.dependents(v).any(|d| p.has_rel(d, "aux"))
    };
    if mandative {
        return true;
    }
    p.has_rel(v, "xcomp")
        && p.head(v)
            .is_some_and(|h| word_is(h, Class::ObligingAdjective))
}

/// Per word of the sentence, the actor whose mention covers it.
fn actor_map(p: &Parse<'_>, items: &[Item], sentence: usize, cue: &Item) -> Vec<Option<usize>> {
    let n = p.sentence(sentence).map_or(0, |s| s.tokens.len());
    let mut map = vec![None; n];
    for it in items {
        if let ItemKind::Actor { actor, .. } = it.kind {
            // The cue's own words are not its argument ("Chilean military drills": the actor
            // "Chilean military" overlaps the cue "military drills"; "Chilean" is the actor).
            for w in p.words_in(it.start, it.end) {
                let inside = p
                    .token(w)
                    .is_some_and(|t| t.start >= cue.start && t.end <= cue.end);
                if inside {
                    continue;
                }
                if let Some(slot) = map.get_mut(w.index) {
                    *slot = Some(actor);
                }
            }
        }
    }
    map
}

/// Whether the word `w` lies in a demonym's mention of an actor ("Chilean").
fn in_demonym(p: &Parse<'_>, items: &[Item], w: Word) -> bool {
    p.token(w).is_some_and(|t| {
        items.iter().any(|it| {
            matches!(
                it.kind,
                ItemKind::Actor {
                    via: Via::Demonym,
                    ..
                }
            ) && it.start <= t.start
                && t.end <= it.end
        })
    })
}

/// "MSF Nigeria", "an MSF Arnor diplomat": an organization's name compounded on a state's names
/// the organization's branch there, which acts for the organization.
fn branches(doc: &Doc<'_>, p: &Parse<'_>, sentence: usize, map: &mut [Option<usize>]) {
    let is_org = |a: usize| {
        matches!(
            doc.actors[a].kind,
            ActorKind::InternationalOrganization
                | ActorKind::PoliticalGroup
                | ActorKind::ArmedGroup
        )
    };
    for index in 0..map.len() {
        let w = Word { sentence, index };
        if map[index].is_none_or(|a| doc.actors[a].kind != ActorKind::State) {
            continue;
        }
        let org = p
            .dependents(w)
            .filter(|d| d.index < index && p.has_rel(*d, "compound"))
            .find_map(|d| map.get(d.index).copied().flatten().filter(|&a| is_org(a)));
        if org.is_some() {
            map[index] = org;
        }
    }
}

/// The actors a phrase headed by `w` names, with those coordinated with it. `loose`: also look
/// into modifiers that are not the phrase's owner ("an attack on X" for a target).
fn who(p: &Parse<'_>, map: &[Option<usize>], w: Word, loose: bool) -> Who {
    who_within(p, map, w, loose, OWNER_DEPTH)
}

/// How many owner phrases below an argument's head `who` looks for its actor ("the release of
/// the findings of the Group of Experts of X" reaches X).
const OWNER_DEPTH: usize = 3;

/// How many owner phrases below its object a verb of welcoming looks for whom it praises: the
/// object's owner, or the owner's ("welcomed the release of Japan's hostages"), not an actor
/// deeper in a long name of what is welcomed ("the findings of the Group of Experts of X's
/// Sanctions Committee": X is not praised).
const PRAISED_DEPTH: usize = 2;

/// `who`, looking at most `depth` owner phrases below `w` for its actor.
fn who_within(p: &Parse<'_>, map: &[Option<usize>], w: Word, loose: bool, depth: usize) -> Who {
    // "Haitian gang leader Jimmy Cherizier threatened ...": a role noun right before a name
    // the parse split from it (both subjects of the verb, or the name hung on the noun) stands
    // for the named person, whose ties the mention stage has judged; the demonym describes
    // the person and does not act ("gang leader" is no office of Haiti's).
    let next = Word {
        index: w.index + 1,
        ..w
    };
    let named_after = map.get(w.index).copied().flatten().is_none()
        && p.token(w).is_some_and(|t| t.upos == "NOUN")
        && map.get(next.index).copied().flatten().is_some()
        && p.token(next).is_some_and(|t| t.upos == "PROPN")
        && (p.head(next) == Some(w) || (p.head(next) == p.head(w) && p.rel(next) == p.rel(w)));
    if named_after {
        return who_within(p, map, next, loose, depth);
    }
    if let Some(t) = p.token(w) {
        let lemma = t.lemma.to_ascii_lowercase();
        // "Chile and Peru accused each other": a reciprocal pronoun, its second word hung on
        // the first as `fixed`, is each party's other.
        let reciprocal = p
            .dependents(w)
            .find(|d| p.has_rel(*d, "fixed"))
            .and_then(|d| p.token(d))
            .is_some_and(|f| {
                let words = format!("{} {}", t.text, f.text).to_ascii_lowercase();
                p.lang().is(Class::ReciprocalPronoun, &words)
            });
        if reciprocal {
            return Who::Other;
        }
        if t.upos == "PRON" {
            return pronoun(p.lang(), &lemma, t.start);
        }
        if map.get(w.index).copied().flatten().is_none() && parties(p, w, &lemma) {
            return Who::Parties;
        }
        let det = |words: &[&str]| {
            p.dependents(w).any(|d| {
                p.has_rel(d, "det")
                    && p.token(d)
                        .is_some_and(|t| words.contains(&t.lemma.to_ascii_lowercase().as_str()))
            })
        };
        if ["side", "party", "country", "government"].contains(&lemma.as_str()) && det(&["each"]) {
            return Who::Parties;
        }
        if lemma == "other" && det(&["the", "each"]) {
            return Who::Other;
        }
    }
    let mut out = Vec::new();
    for c in p.conjuncts(w) {
        for a in phrase_actors(p, map, c, loose, depth) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        // "North and South Korea", "Pakistani and Afghan forces": the coordinated modifiers
        // share the head, and the first ("North", "Pakistani") names a state of its own.
        for d in p.dependents(c) {
            let coordinated = (p.has_rel(d, "compound") || p.has_rel(d, "amod"))
                && p.dependents(d).any(|x| p.has_rel(x, "conj"));
            if let Some(a) = map.get(d.index).copied().flatten()
                && coordinated
                && !out.contains(&a)
            {
                out.push(a);
            }
        }
    }
    // "the announcement by Serbian President Vucic and Kosovo Prime Minister Kurti": the parser
    // may hang the second of coordinated titled names as an apposition (of the noun or of the
    // first name's phrase) that holds the "and"; it names a second actor, not the first again.
    if !out.is_empty() {
        for a in coordinated_appositions(p, map, w) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        // "Australian Foreign Minister A and Lithuanian Foreign Minister B met": the parser
        // may hang the second titled name as an apposition of the first, with the "and" on a
        // word between them; an apposition after a coordinator names a second actor.
        for a in appositions_after_coordinator(p, map, w) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    // "her mother", "his friends": a person's private circle does not act for the person; a
    // state's or a group's does ("its friends in the region would retaliate").
    let private = p.token(w).is_some_and(|t| {
        p.lexicon()
            .is(Lex::PrivateRelation, &t.lemma.to_ascii_lowercase())
            || p.lexicon()
                .is(Lex::PrivateRelation, &t.text.to_ascii_lowercase())
    }) && p.dependents(w).any(|d| {
        p.has_rel(d, "nmod:poss")
            && p.token(d).is_some_and(|t| {
                t.upos == "PRON"
                    && !p
                        .lang()
                        .is(Class::StatePossessive, &t.text.to_ascii_lowercase())
            })
    });
    if out.is_empty() && private {
        Who::Nobody
    } else if out.is_empty() && officials_of_parties(p, map, w) {
        Who::Parties
    } else if out.is_empty() {
        // "its foreign ministry", "their troops": the owner is a pronoun to resolve.
        let owner = p.dependents(w).find(|d| p.has_rel(*d, "nmod:poss"));
        match owner.and_then(|d| p.token(d).map(|t| (d, t))) {
            Some((_, t)) if t.upos == "PRON" => pronoun(p.lang(), &t.lemma, t.start),
            // "the countries' forces", "both sides' troops": the parties' own.
            Some((d, t))
                if map.get(d.index).copied().flatten().is_none()
                    && parties(p, d, &t.lemma.to_ascii_lowercase()) =>
            {
                Who::Parties
            }
            // The parser may hang the possessor elsewhere ("after the countries' forces
            // exchanged fire", "countries" read as an oblique): a possessive marker right
            // before the phrase's head still shows whose it is.
            None if possessor_before(p, w).is_some_and(|d| {
                map.get(d.index).copied().flatten().is_none()
                    && p.token(d)
                        .is_some_and(|t| parties(p, d, &t.lemma.to_ascii_lowercase()))
            }) =>
            {
                Who::Parties
            }
            _ => Who::Nobody,
        }
    } else {
        Who::Actors(out)
    }
}

/// Whether the phrase headed by `w` is a group of officials of both parties: a group noun
/// ("officials", "delegations", "troops") whose owner phrase ("from", "of") is a pair phrase
/// ("officials from both countries will meet", "troops of the two sides clashed"). Not a
/// group of people the phrase only places ("refugees from both countries").
fn officials_of_parties(p: &Parse<'_>, map: &[Option<usize>], w: Word) -> bool {
    let group = p.token(w).is_some_and(|t| {
        p.lexicon().is(Lex::GroupNoun, &t.text.to_ascii_lowercase())
            || p.lexicon()
                .is(Lex::GroupNoun, &t.lemma.to_ascii_lowercase())
    });
    group
        && p.dependents(w).any(|d| {
            p.has_rel(d, "nmod")
                && case_in(p, d, Class::OwnerCase)
                && map.get(d.index).copied().flatten().is_none()
                && p.token(d)
                    .is_some_and(|t| parties(p, d, &t.lemma.to_ascii_lowercase()))
        })
}

/// Who the doer `a` names, the agent phrase of a passive ("by a Peruvian soldier") or the
/// subject: private people a demonym only describes ("by a Chilean fisherman", "Japanese
/// activists landed", "Nigerian gunmen attacked") do not act for their state.
/// Only where the head and each of its conjuncts is such a noun that names no actor itself,
/// and whatever actor is among their dependents is a demonym's mention ("Chilean"): a
/// named group ("by Hezbollah activists") acts, and so does a conjunct of the state ("by
/// Chilean protesters and police").
fn doer_who(p: &Parse<'_>, map: &[Option<usize>], items: &[Item], a: Word) -> Who {
    let mapped = |w: Word| map.get(w.index).copied().flatten().is_some();
    let private_one = |w: Word| {
        !mapped(w)
            && p.token(w).is_some_and(|t| {
                p.lexicon()
                    .is(Lex::PrivateGroup, &t.text.to_ascii_lowercase())
            })
            && p.dependents(w)
                .filter(|d| !p.has_rel(*d, "conj"))
                .all(|d| !mapped(d) || in_demonym(p, items, d))
    };
    let private = private_one(a)
        && p.dependents(a)
            .filter(|d| p.has_rel(*d, "conj"))
            .all(private_one);
    if private {
        Who::Nobody
    } else {
        who(p, map, a, false)
    }
}

/// The noun a relative pronoun subject `s` stands for, the one its clause modifies ("Hun Sen,
/// who had ordered troops to the border"); any other subject stands for itself. The subject a
/// verb shares with another (`subject_of`) may be a relative pronoun of that verb's clause, so
/// the clause is the pronoun's head, not the cue's verb.
fn antecedent(p: &Parse<'_>, s: Word) -> Word {
    let relative = p.token(s).is_some_and(|t| {
        t.upos == "PRON" && p.lang().is(Class::Relative, &t.text.to_ascii_lowercase())
    });
    match p.head(s) {
        Some(clause) if relative && p.has_rel(clause, "acl:relcl") => p.head(clause).unwrap_or(s),
        _ => s,
    }
}

/// The actors of appositions of the subject's name `w` with a coordinating conjunction (`cc`)
/// between `w` and the apposition, anywhere in the phrase: "Australian Foreign Minister Marise
/// Payne and Lithuanian Foreign Minister Gabrielius Landsbergis met", where the parser hangs
/// "Gabrielius" on "Marise" and the "and" on a word between them. Only an apposition that names
/// an actor of its own, other than `w`'s: the same actor named again ("Payne, the minister") is
/// no second. The "and" must join the subject's noun phrase: `w` is a subject, no verb stands
/// between `w` and the apposition, and the apposition is followed by no verb but `w`'s own;
/// "Lavrov criticised Washington and Chinese Foreign Minister Wang Yi backed him", where the
/// parser hangs "Wang Yi" on the object with the "and" that joins two clauses, names no second
/// one criticised.
fn appositions_after_coordinator(p: &Parse<'_>, map: &[Option<usize>], w: Word) -> Vec<usize> {
    let Some(own) = map.get(w.index).copied().flatten() else {
        return Vec::new();
    };
    if !p.has_rel(w, "nsubj") {
        return Vec::new();
    }
    let at = |i: usize| Word { index: i, ..w };
    let verb = |x: Word| {
        p.token(x)
            .is_some_and(|t| matches!(t.upos.as_str(), "VERB" | "AUX"))
    };
    let coordinator_between = |d: Word| {
        (w.index + 1..d.index).any(|i| {
            let x = at(i);
            p.has_rel(x, "cc")
                && p.token(x).is_some_and(|t| {
                    p.lang()
                        .is(Class::Coordinator, &t.lemma.to_ascii_lowercase())
                })
        }) && !(w.index + 1..d.index).any(|i| verb(at(i)))
    };
    // The word after the apposition's phrase: a verb there other than `w`'s own (or an
    // auxiliary of it: "and B have met") has the apposition for its subject.
    let subject_of_another_verb = |d: Word| {
        let Some((_, end)) = p.subtree_span(d) else {
            return false;
        };
        let mut next = d.index + 1;
        while p.token(at(next)).is_some_and(|t| t.start < end) {
            next += 1;
        }
        let next = at(next);
        verb(next) && p.head(w) != Some(next) && p.head(next) != p.head(w)
    };
    p.dependents(w)
        .filter(|&d| {
            p.has_rel(d, "appos")
                && d.index > w.index
                && coordinator_between(d)
                && !subject_of_another_verb(d)
        })
        .filter_map(|d| map.get(d.index).copied().flatten())
        .filter(|&a| a != own)
        .collect()
}

/// The actors of appositions of the noun `w`, or of its agent's phrase ("by X"), that hold a
/// coordinating conjunction before them, and of the conjuncts of such appositions: a
/// coordination the parser read as an apposition.
/// Only in the phrase of a noun with such an agent: elsewhere an apposition is most often the
/// same actor named again.
fn coordinated_appositions(p: &Parse<'_>, map: &[Option<usize>], w: Word) -> Vec<usize> {
    let agents: Vec<Word> = p
        .dependents(w)
        .filter(|d| p.has_rel(*d, "nmod") && case_in(p, *d, Class::AgentPreposition))
        .collect();
    if agents.is_empty() {
        return Vec::new();
    }
    let mut heads = vec![w];
    heads.extend(agents);
    let mut out = Vec::new();
    for h in heads {
        for d in p.dependents(h).filter(|d| p.has_rel(*d, "appos")) {
            // The "and" hangs on the apposition or on a word of its phrase, before it.
            let mut stack = vec![(d, 0usize)];
            let mut joined = false;
            while let Some((x, depth)) = stack.pop() {
                let coordinator = p.token(x).is_some_and(|t| {
                    p.lang()
                        .is(Class::Coordinator, &t.lemma.to_ascii_lowercase())
                });
                if p.has_rel(x, "cc") && coordinator && x.index < d.index {
                    joined = true;
                    break;
                }
                if depth < 2 {
                    stack.extend(p.dependents(x).map(|y| (y, depth + 1)));
                }
            }
            // "leader Ersin Tatar and Turkish President Recep Tayyip Erdogan": the second name
            // coordinated inside the apposition.
            let conjuncts: Vec<usize> = p
                .conjuncts(d)
                .into_iter()
                .skip(1)
                .filter_map(|c| map.get(c.index).copied().flatten())
                .collect();
            // "the strike by Israel, the United Kingdom and France": a list the parser hangs
            // as an apposition with its conjuncts names the apposition's actor too, unless it
            // is the head's own actor named again.
            let listed = !conjuncts.is_empty()
                && map.get(d.index).copied().flatten() != map.get(h.index).copied().flatten();
            if (joined || listed)
                && let Some(a) = map.get(d.index).copied().flatten()
            {
                out.push(a);
            }
            out.extend(conjuncts);
        }
    }
    out
}

/// "both parties", "all sides", "the two countries", "both governments"; "the countries" and
/// "the sides" alone too (the pair the text has just named), but not "the countries of the
/// region" or "the countries that ...".
fn parties(p: &Parse<'_>, w: Word, lemma: &str) -> bool {
    let lex = p.lexicon();
    let plain = lex.is(Lex::PairNoun, lemma)
        && p.token(w).is_some_and(|t| t.xpos == "NNS")
        && p.dependents(w).any(|d| {
            p.has_rel(d, "det")
                && p.token(d).is_some_and(|t| {
                    p.lang()
                        .is(Class::DefiniteArticle, &t.lemma.to_ascii_lowercase())
                })
        })
        && !p.dependents(w).any(|d| {
            // "called upon the parties to re-engage": an infinitive the parser hangs on the
            // noun says what they are asked to do, not which parties.
            let infinitive = p.has_rel(d, "acl")
                && p.dependent(d, "mark")
                    .and_then(|m| p.token(m))
                    .is_some_and(|t| {
                        p.lang()
                            .is(Class::InfinitiveMarker, &t.lemma.to_ascii_lowercase())
                    });
            p.has_rel(d, "nmod")
                || (p.has_rel(d, "acl") && !infinitive)
                || p.has_rel(d, "acl:relcl")
                || p.has_rel(d, "amod")
        });
    if plain {
        return true;
    }
    lex.is(Lex::SideNoun, lemma)
        && p.token(w).is_some_and(|t| t.xpos == "NNS")
        && p.dependents(w).any(|d| {
            p.token(d)
                .is_some_and(|t| lex.is(Lex::SidesQuantifier, &t.lemma.to_ascii_lowercase()))
        })
}

/// The actors of the phrase headed by `w` (without its conjuncts): the actor covering the head,
/// else its owner ("China's ambassador", "the Chinese navy", "the government of Argentina").
fn phrase_actors(
    p: &Parse<'_>,
    map: &[Option<usize>],
    w: Word,
    loose: bool,
    depth: usize,
) -> Vec<usize> {
    if let Some(a) = map.get(w.index).copied().flatten() {
        return vec![a];
    }
    // "at the UN headquarters", "on the sidelines of the UN General Assembly": a venue is
    // where an act is; the actor that names it is not in the phrase's reach.
    let venue = p
        .token(w)
        .is_some_and(|t| p.lang().is(Class::VenueNoun, &t.text.to_ascii_lowercase()));
    if depth == 0 || venue {
        return Vec::new();
    }
    let placed = placed_people(p, w);
    for d in p.dependents(w) {
        // "the judges from Sri Lanka": a phrase that only places people names no owner.
        if placed && p.has_rel(d, "nmod") {
            continue;
        }
        let seated = p.has_rel(d, "nmod")
            && case_in(p, d, Class::SeatCase)
            && p.token(w).is_some_and(|t| {
                p.lang()
                    .is(Class::SeatedGroup, &t.text.to_ascii_lowercase())
            });
        let owner = p.has_rel(d, "nmod:poss")
            || p.has_rel(d, "amod")
            || p.has_rel(d, "compound")
            || seated
            || (p.has_rel(d, "nmod")
                && (case_in(p, d, Class::OwnerCase)
                    || (loose && !case_in(p, d, Class::TopicCase))));
        if !owner || (p.has_rel(d, "nmod") && case_in(p, d, Class::PairPreposition) && !loose) {
            continue;
        }
        let mut out = Vec::new();
        for c in p.conjuncts(d) {
            out.extend(phrase_actors(p, map, c, loose, depth - 1));
        }
        if !out.is_empty() {
            return out;
        }
    }
    Vec::new()
}

/// Whether `w` is a noun of people whom an owner phrase only places (the lexicon's
/// `placed_people`: "refugees from Burma").
fn placed_people(p: &Parse<'_>, w: Word) -> bool {
    p.token(w).is_some_and(|t| {
        p.lexicon()
            .is(Lex::PlacedPeople, &t.text.to_ascii_lowercase())
    })
}

/// Whether the object `o` is people whom a phrase naming an actor only places ("warned the
/// judges from Sri Lanka"): the act is aimed at them, not at that actor. Every conjunct must be
/// such people: "expelled the students and diplomats from Iran" is aimed at Iran through its
/// diplomats.
fn placed_by_an_actor(p: &Parse<'_>, map: &[Option<usize>], o: Word) -> bool {
    let conjuncts = p.conjuncts(o);
    conjuncts.iter().all(|&c| placed_people(p, c))
        && conjuncts.iter().any(|&c| {
            p.dependents(c).any(|d| {
                p.has_rel(d, "nmod")
                    && p.conjuncts(d)
                        .iter()
                        .any(|x| map.get(x.index).copied().flatten().is_some())
            })
        })
}

/// "has neither confirmed nor denied the reports": a verb that "neither" marks is negated, and
/// so are the verbs "nor" (or the "or" news often writes after "neither") joins to it
/// (`negated` walks up to it), not one "and" or "but" joins ("neither accepted nor rejected the
/// proposal, and instead demanded"). Not "neither side" (the word then hangs on the noun).
fn neither_marked(p: &Parse<'_>, v: Word) -> bool {
    p.token(v).is_some_and(|t| t.upos == "VERB")
        && p.dependents(v).any(|d| {
            (p.has_rel(d, "advmod") || p.has_rel(d, "cc"))
                && p.token(d)
                    .is_some_and(|t| p.lang().is(Class::Neither, &t.lemma.to_ascii_lowercase()))
        })
}

/// Whom a pronoun's lemma stands for: the speaker's side, a person, or a state or body. `at`:
/// the byte where the pronoun starts.
fn pronoun(lang: &Profile, lemma: &str, at: usize) -> Who {
    if lang.is(Class::FirstPerson, lemma) {
        Who::We
    } else if lang.is(Class::PersonPronoun, lemma) {
        Who::Pronoun(true, at)
    } else if lang.is(Class::ThingPronoun, lemma) {
        Who::Pronoun(false, at)
    } else {
        Who::Nobody
    }
}

/// The phrase inside the act noun `o` that names an actor after "against" (the language's
/// `against_case`): whom the act is aimed at. The phrase is the noun's own, or hangs on an
/// actor the noun names (the forum, "with the WTO against Peru"); not one inside what the act is
/// about ("about the campaign against Bolivia" names no one the complaint is against).
fn against_in(p: &Parse<'_>, map: &[Option<usize>], o: Word) -> Option<Word> {
    let against = |x: &Word| against_phrase(p, map, *x);
    p.dependents(o).find(against).or_else(|| {
        p.dependents(o)
            .filter(|&d| p.has_rel(d, "nmod") && map.get(d.index).copied().flatten().is_some())
            .find_map(|d| p.dependents(d).find(against))
    })
}

/// Whether `x` is a noun's "against" phrase naming an actor.
fn against_phrase(p: &Parse<'_>, map: &[Option<usize>], x: Word) -> bool {
    p.has_rel(x, "nmod") && case_in(p, x, Class::AgainstCase) && actor_at(p, map, x)
}

/// Whether the phrase of `x` names an actor.
fn actor_at(p: &Parse<'_>, map: &[Option<usize>], x: Word) -> bool {
    matches!(who(p, map, x, false), Who::Actors(_))
}

fn case_in(p: &Parse<'_>, w: Word, cases: Class) -> bool {
    p.preposition(w).is_some_and(|c| p.lang().is(cases, &c))
}

/// Whether the object of the verb cue `cue` is owned by a group's pronoun ("are hurting their
/// people"): a pronoun of the things' class that is not the neuter "it".
pub(crate) fn object_of_group_pronoun(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.word_at(cue.start) else {
        return false;
    };
    p.dependents(v)
        .filter(|o| p.has_rel(*o, "obj"))
        .flat_map(|o| p.dependents(o).filter(|d| p.has_rel(*d, "nmod:poss")))
        .any(|d| {
            p.token(d).is_some_and(|t| {
                let i = doc.token_at(t.start);
                t.upos == "PRON"
                    && doc.tok_is_a(i, Class::ThingPronoun)
                    && !doc.tok_is_a(i, Class::NeuterPronoun)
            })
        })
}

/// Whether the verb cue `cue` has an object of its own beyond the cue's words, a thing, place
/// or people it is done to: "citizens of Thailand and China came to plunder the natural
/// resources", "Russia and Syria bombed Aleppo", "bombed them again". Coordinated doers of such
/// force do not fight each other; "each other" ("attacked each other", "shelled each other's
/// positions") says they do.
pub(crate) fn force_upon_a_thing(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    let other = |w: Word| {
        p.token(w).is_some_and(|t| {
            t.text.eq_ignore_ascii_case("other") || t.text.eq_ignore_ascii_case("another")
        })
    };
    p.dependents(v).any(|o| {
        p.has_rel(o, "obj")
            && p.token(o).is_some_and(|t| {
                matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON")
                    && (t.start < cue.start || t.start >= cue.end)
            })
            && !other(o)
            && !p
                .dependents(o)
                .any(|d| other(d) || p.dependents(d).any(other))
    })
}

/// Whether the verb cue `cue`, or its object, has a phrase of a target's case ("with",
/// "against": `target_case`) naming whom the act is aimed at, known actor or not: "The EU and the
/// US cut ties with the junta" is aimed at the junta, so the coordinated doers do not cut ties
/// with each other.
pub(crate) fn aimed_at_a_named_party(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    let aimed =
        |d: Word| (p.has_rel(d, "obl") || p.has_rel(d, "nmod")) && case_in(p, d, Class::TargetCase);
    p.dependents(v)
        .any(|d| aimed(d) || (p.has_rel(d, "obj") && p.dependents(d).any(aimed)))
}

/// The byte spans of the clauses that modify the object of the verb cue `cue` (`acl`,
/// `acl:relcl`): "cancelled the treaty signed by Spain and France", "the exchanges planned for
/// its students in France". An actor named there is not whom the act is aimed at.
pub(crate) fn object_clause_spans(doc: &Doc<'_>, cue: &Item) -> Vec<(usize, usize)> {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return Vec::new();
    };
    p.dependents(v)
        .filter(|o| p.has_rel(*o, "obj"))
        .flat_map(|o| p.dependents(o).filter(|d| p.has_rel(*d, "acl")))
        .filter_map(|d| p.subtree_span(d))
        .collect()
}

/// Whether the verb of visiting `cue` is done to a place or thing of its own: "Denmark and
/// Norway visited refugee camps" (its object, as `force_upon_a_thing` reads it), also where the
/// parse hangs the participle on that noun as its modifier ("met with the leaders and visited
/// camps", read as "visited camps" the noun phrase). Coordinated visitors of a place do not
/// visit each other.
pub(crate) fn visit_upon_a_place(doc: &Doc<'_>, cue: &Item) -> bool {
    if force_upon_a_thing(doc, cue) {
        return true;
    }
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    p.token(v).is_some_and(|t| t.upos == "VERB")
        && p.has_rel(v, "amod")
        && p.head(v).is_some_and(|n| {
            p.token(n)
                .is_some_and(|t| t.upos == "NOUN" && (t.start < cue.start || t.start >= cue.end))
        })
}

/// Whether `w` or a verb it depends on through `xcomp` is negated ("did not agree to talk"), or
/// a noun under "without" ("came without any new proposal").
fn negated(p: &Parse<'_>, w: Word) -> bool {
    // "vowed no retaliation", "imposed no sanctions": the object's "no" negates the act.
    let no_object = p.dependents(w).any(|o| {
        p.has_rel(o, "obj")
            && p.dependents(o).any(|d| {
                p.has_rel(d, "det")
                    && p.token(d)
                        .is_some_and(|t| t.text.eq_ignore_ascii_case("no"))
            })
    });
    if no_object {
        return true;
    }
    let mut x = w;
    // Whether the way up from `w` to `x` passed conjuncts joined by "nor" only.
    let mut nor_joined = true;
    for _ in 0..4 {
        if p.negated(x) || case_in(p, x, Class::Without) || (nor_joined && neither_marked(p, x)) {
            return true;
        }
        if !(p.has_rel(x, "xcomp") || p.has_rel(x, "conj")) {
            break;
        }
        // "has not accused Cuba, but the State Department did expel two diplomats": a conjunct
        // with a subject of its own is a clause of its own, outside the first one's negation
        // ("did not condemn or criticize", sharing their subject, stay negated).
        // One that carries a negation of its own keeps it: "nor did Cairo recall", "and neither
        // did X recall", "and no other state has expelled".
        if p.has_rel(x, "conj") && p.has_own_subject(x) {
            return clause_negated_itself(p, x);
        }
        let Some(h) = p.head(x) else {
            break;
        };
        // "stopped cooperating with the agency": the act a verb of ending governs is not done;
        // one a negated verb of ending governs is ("have never stopped cooperating", "did not
        // cease to cooperate": a double negation; the token rules' negator before the verb of
        // ending is left to it, `events::details::negates_an_ending`).
        if p.has_rel(x, "xcomp") && verb_in(p, h, Lex::EndingVerb) {
            return !p.negated(h);
        }
        nor_joined &= !p.has_rel(x, "conj") || joined_by_nor(p, x);
        x = h;
    }
    false
}

/// Whether the conjunct `w` is joined by "nor" ("neither asked for nor received"), or by the
/// "or" news often writes after "neither" ("has neither confirmed or denied").
fn joined_by_nor(p: &Parse<'_>, w: Word) -> bool {
    p.dependents(w).any(|d| {
        p.has_rel(d, "cc")
            && p.token(d).is_some_and(|t| {
                t.text.eq_ignore_ascii_case("nor") || t.text.eq_ignore_ascii_case("or")
            })
    })
}

/// Whether the joined clause headed by `w`, which has a subject of its own, is negated by its
/// own words: a conjunction or adverb of `Class::ClauseNegator` ("nor did Cairo recall"), or a
/// subject that is, or has a determiner, of `Class::NegativeSubject` ("no other state has
/// expelled").
fn clause_negated_itself(p: &Parse<'_>, w: Word) -> bool {
    let is = |d: Word, class: Class| p.token(d).is_some_and(|t| p.lang().is(class, &t.text));
    p.dependents(w).any(|d| {
        ((p.has_rel(d, "cc") || p.has_rel(d, "advmod")) && is(d, Class::ClauseNegator))
            || (p.has_rel(d, "nsubj")
                && (is(d, Class::NegativeSubject)
                    || p.dependents(d)
                        .any(|e| p.has_rel(e, "det") && is(e, Class::NegativeSubject))))
    })
}

/// Whether the phrase headed by `w` ends right before word `next`: the word before `next` is
/// `w` or hangs from it.
fn ends_before(p: &Parse<'_>, w: Word, next: Word) -> bool {
    let Some(index) = next.index.checked_sub(1) else {
        return false;
    };
    let mut x = Word { index, ..next };
    for _ in 0..8 {
        if x == w {
            return true;
        }
        match p.head(x) {
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

/// The subject of a verb: its own, or the one it shares with the verb it is coordinated with or
/// completes ("agreed to hold talks", "summoned the ambassador to protest"). `None` inside
/// `requested` when the verb completes another verb's object ("urged X to withdraw").
fn subject_of(p: &Parse<'_>, v: Word, requested: &mut bool, shared: &mut bool) -> Option<Word> {
    let mut x = v;
    for _ in 0..4 {
        let subjects = || {
            p.dependents(x)
                .filter(|d| (p.has_rel(*d, "nsubj") || p.has_rel(*d, "csubj")) && !dateline(p, *d))
        };
        // "During the Secretary's visit, he and Foreign Minister Lavrov agreed": the parser may
        // hang a fronted phrase, a pronoun and what "and" joins to it on the verb as three
        // subjects (or the last two alone). The pronoun right before "and" is the subject; the
        // subjects after it act with it (`verbal`).
        let before_and = |d: &Word| {
            p.token(*d).is_some_and(|t| t.upos == "PRON")
                && p.token(Word {
                    index: d.index + 1,
                    ..*d
                })
                .is_some_and(|t| t.upos == "CCONJ")
        };
        if let Some(s) = split_perfect_subject(p, x) {
            return Some(s);
        }
        if let Some(s) = subjects()
            .filter(before_and)
            .last()
            .or_else(|| subjects().next())
        {
            return Some(s);
        }
        // "..., with both sides accusing the other": the noun of an absolute phrase, which the
        // parser hangs on the gerund as an oblique before it, is the gerund's subject.
        if let Some(s) = p.dependents(x).find(|d| {
            d.index < x.index
                && p.has_rel(*d, "obl")
                && case_in(p, *d, Class::AbsoluteCase)
                && p.token(x).is_some_and(|t| t.xpos == "VBG")
        }) {
            return Some(s);
        }
        let h = p.head(x)?;
        // The lemma, or the word for a participle tagged as an adjective ("is threatening").
        let threat = p.token(h).is_some_and(|t| {
            let word = t.text.to_ascii_lowercase();
            p.lexicon().is(Lex::ThreatVerb, &t.lemma)
                || p.lexicon()
                    .words(Lex::ThreatVerb)
                    .any(|v| word.starts_with(v))
        });
        // "vowed to retaliate against Russia": force answered, promised, is the threat itself,
        // made by the threatener.
        let retaliation = p
            .token(x)
            .is_some_and(|t| p.lexicon().is(Lex::RetaliatingVerb, &t.lemma));
        if threat && p.has_rel(x, "xcomp") && !retaliation {
            // The threat is the act; what is threatened has not happened.
            *requested = true;
            return None;
        }
        // "prompting South Korea to summon a Japanese diplomat": the object does the act.
        if p.has_rel(x, "xcomp")
            && p.token(h)
                .is_some_and(|t| p.lexicon().is(Lex::CausingVerb, &t.lemma))
            && let Some(o) = p.dependent(h, "obj")
        {
            return Some(o);
        }
        if p.has_rel(x, "xcomp") {
            // Object control: "urged Beijing to protect", "called on the PRC to act".
            let asked = p.dependents(h).any(|d| {
                p.has_rel(d, "obj")
                    || p.has_rel(d, "iobj")
                    || (p.has_rel(d, "obl") && case_in(p, d, Class::CueTargetCase))
            });
            if asked {
                *requested = true;
                return None;
            }
        } else if p.has_rel(x, "advcl")
            && p.dependent(x, "mark").is_none_or(|m| {
                p.token(m).is_some_and(|t| {
                    p.lang()
                        .is(Class::AdjunctMark, &t.lemma.to_ascii_lowercase())
                })
            })
            && p.token(x).is_some_and(|t| t.xpos == "VBG")
        {
            // A free participle shares the subject of its clause: "Japan protested, calling the
            // move illegal", "the tribunal delivered a decision rejecting X's claims"; so does a
            // gerund after "after" or "by" ("responded by ordering ...", lang class
            // `adjunct_mark`).
        } else if p.has_rel(x, "advcl") {
            // Only a purpose clause ("summoned the ambassador to protest") shares the subject;
            // after a verb of asking it is what was asked ("called on Peru to withdraw", which
            // the parser may attach as a purpose clause).
            let to = p.dependent(x, "mark").filter(|&m| {
                p.token(m)
                    .is_some_and(|t| t.lemma.eq_ignore_ascii_case("to"))
            })?;
            let asking = p
                .token(h)
                .is_some_and(|t| p.lexicon().is(Lex::AskingVerb, &t.lemma));
            if asking {
                *requested = true;
                return None;
            }
            // "condemned the actions by the PRC to obstruct ...": the parser may hang the
            // noun's infinitive on the verb; the noun's agent is the infinitive's subject. Only
            // when the agent's phrase ends right before "to": in "summoned the envoy over
            // drills by China to protest them" the infinitive is the summoner's purpose.
            let agent = p
                .dependents(h)
                .filter(|d| p.has_rel(*d, "obj") || p.has_rel(*d, "obl"))
                .find_map(|o| {
                    p.dependents(o)
                        .find(|d| p.has_rel(*d, "nmod") && case_in(p, *d, Class::AgentPreposition))
                })
                .filter(|&a| ends_before(p, a, to));
            if agent.is_some() {
                return agent;
            }
        } else if p.has_rel(x, "conj") {
            *shared = true;
            // "threatening to close the border and deport students": a bare infinitive
            // coordinated with the verb is coordinated with the infinitive it governs (the
            // parser hangs it on the verb) and shares that infinitive's reading.
            if let Some(c) = bare_with_infinitive(p, x, h) {
                x = c;
                continue;
            }
        } else {
            return None;
        }
        x = h;
    }
    None
}

/// The subject of a participle the parser split from its perfect auxiliary at a phrase between
/// them: in "Angola has in the past accused Zambia" it reads "has" as a main verb with the
/// subject and "accused" as a clause of its own marked by "in" (hung on "has" or on a later
/// verb), whose subject would be "the past". The participle's subject is the auxiliary's.
fn split_perfect_subject(p: &Parse<'_>, x: Word) -> Option<Word> {
    let participle = p
        .token(x)
        .is_some_and(|t| t.xpos == "VBN" || t.xpos == "VBD");
    if !participle || !p.has_rel(x, "advcl") {
        return None;
    }
    // The clause's marker is a preposition, right after the auxiliary (past commas): the
    // phrase it opens stands between the two.
    // Not a subordinator the tagger calls a preposition ("had, after Syria shelled the town,
    // closed"): that clause has a subject of its own.
    let mark = p.dependent(x, "mark").filter(|m| {
        p.token(*m).is_some_and(|t| {
            t.upos == "ADP"
                && !p
                    .lang()
                    .is(Class::ClauseBreak, &t.lemma.to_ascii_lowercase())
        })
    })?;
    let auxiliary = (0..mark.index)
        .rev()
        .map(|i| Word { index: i, ..mark })
        .find(|w| p.token(*w).is_none_or(|t| t.upos != "PUNCT"))?;
    let perfect = p.token(auxiliary).is_some_and(|t| {
        p.lang()
            .is(Class::PerfectAuxiliary, &t.text.to_ascii_lowercase())
    });
    if !perfect {
        return None;
    }
    p.dependent(auxiliary, "nsubj")
}

/// The infinitive complement of `h` that the bare infinitive `x` (attached to `h` as a
/// conjunct) is in fact coordinated with: `x` is a base form ("deport"), `h` is not, and `h`
/// governs a "to" infinitive before `x`.
fn bare_with_infinitive(p: &Parse<'_>, x: Word, h: Word) -> Option<Word> {
    let base = |w: Word| p.token(w).is_some_and(|t| t.xpos == "VB");
    // The tagger may take a bare form for a past tense ("deport" as VBD): the word is then its
    // own lemma.
    let bare = |w: Word| {
        p.token(w).is_some_and(|t| {
            t.xpos == "VB" || (t.upos == "VERB" && t.text.eq_ignore_ascii_case(&t.lemma))
        })
    };
    if !bare(x) || base(h) {
        return None;
    }
    p.dependents(h).find(|&c| {
        p.has_rel(c, "xcomp")
            && c.index < x.index
            && base(c)
            && p.dependent(c, "mark")
                .and_then(|m| p.token(m))
                .is_some_and(|t| t.lemma.eq_ignore_ascii_case("to"))
    })
}

/// A subject the parser took for a bare noun phrase: an actor's phrase before a verb that has no
/// subject, attached without a preposition ("Arnor's foreign minister, in remarks published on
/// Monday, urged ...", parsed as `obl:unmarked`).
fn unmarked_subject(p: &Parse<'_>, map: &[Option<usize>], v: Word) -> Option<Word> {
    if !p.has_rel(v, "root") {
        return None;
    }
    p.dependents(v).find(|&d| {
        d.index < v.index
            && (p.has_rel(d, "obl:unmarked") || p.has_rel(d, "obl:npmod"))
            && p.preposition(d).is_none()
            && matches!(who(p, map, d, false), Who::Actors(_))
    })
}

/// Whether `w` is a word of a wire dateline that opens the sentence ([`crate::text::dateline_mark`]),
/// which the parser may hang on the verb as a subject of its own (with the dateline's state as
/// its conjunct) beside the true subject: the dateline places the story, it does nothing in it.
fn dateline(p: &Parse<'_>, w: Word) -> bool {
    let Some(tokens) = p.sentence(w.sentence).map(|s| &s.tokens) else {
        return false;
    };
    let words = tokens.iter().enumerate().map(|(i, t)| {
        let spaced = i > 0 && tokens[i - 1].end < t.start;
        (t.text.as_str(), spaced)
    });
    crate::text::dateline_mark(words).is_some_and(|mark| w.index < mark)
}

fn passive(p: &Parse<'_>, v: Word) -> bool {
    p.dependents(v)
        .any(|d| p.has_rel(d, "nsubj:pass") || p.has_rel(d, "aux:pass"))
}

/// Whether the later of two subjects of one verb follows a comma or a conjunction, or opens
/// with one the parser hung inside it ("he and Foreign Minister Lavrov", with "and" under
/// "Minister"): items of a list ("Japan, the United States and ..."), not the parser's split of
/// one phrase ("Ithilen's awful and evil minister Calimehtar", with "awful" and "Calimehtar"
/// both hung on the verb).
fn listed_apart(p: &Parse<'_>, a: Word, b: Word) -> bool {
    let later = a.max(b);
    let Some((start, _)) = p.subtree_span(later) else {
        return false;
    };
    let Some(first) = p.word_at(start) else {
        return false;
    };
    let joins = |w: Word| {
        p.token(w)
            .is_some_and(|t| t.text == "," || t.upos == "CCONJ")
    };
    let before = first
        .index
        .checked_sub(1)
        .map(|index| Word { index, ..first });
    joins(first) || before.is_some_and(joins)
}

/// What a verb cue's row says about how its arguments are read (`verbal`).
#[derive(Clone, Copy)]
struct Row {
    /// The row codes the verb through its object ("hit with sanctions").
    through_object: bool,
    /// The row's act is done together (a consultation).
    mutual: bool,
}

fn verbal(
    p: &Parse<'_>,
    map: &[Option<usize>],
    items: &[Item],
    v: Word,
    cue: &Item,
    direct: bool,
    row: Row,
) -> TreeArgs {
    let Row {
        through_object,
        mutual,
    } = row;
    let mut args = TreeArgs::default();
    // "the islands, disputed by Moscow": a participle modifying its target.
    // A relative clause with its own subject ("the fact that X and Y have never signed") is not
    // one.
    // A participle with a direct object is active, a relative clause without "who" ("Indian
    // troops attacked Pakistani positions", misparsed as a noun phrase): its noun acts.
    let has_object = p.dependents(v).any(|d| p.has_rel(d, "obj"));
    let participle = p.has_rel(v, "acl")
        && p.token(v).is_some_and(|t| t.xpos == "VBN")
        && !has_object
        && !p
            .dependents(v)
            .any(|d| p.has_rel(d, "nsubj") || p.has_rel(d, "aux"));
    let is_agent = |d: Word| {
        p.has_rel(d, "obl:agent") || (p.has_rel(d, "obl") && case_in(p, d, Class::AgentPreposition))
    };
    let agent = p.dependents(v).find(|&d| is_agent(d));
    // "The two leaders conferred by phone": the parser may read the verb as a passive with the
    // means its agent; with no passive auxiliary the verb is active, its passive subject the doer.
    // Not when another agent follows ("criticized by phone by his counterpart": a real passive),
    // and a participle modifying its doer only for an act done together ("the leaders,
    // conferring by phone"; "Russia, accused by email" was accused).
    let by_means = agent.is_some_and(|a| {
        p.token(a).is_some_and(|t| {
            p.lexicon()
                .is(Lex::MeansNoun, &t.lemma.to_ascii_lowercase())
        }) && !p.dependents(v).any(|d| d != a && is_agent(d))
    }) && !p.dependents(v).any(|d| p.has_rel(d, "aux:pass"))
        && (mutual || !participle);
    let agent = agent.filter(|_| !by_means);
    // "the two leaders conferred by phone", read as a participle modifying "leaders": they
    // conferred.
    let participle = participle && !by_means;
    // "Belarus was hit with new sanctions by the EU": the parser may hang the agent on the
    // oblique of what the verb acts with (`instrument_case`); only for a cue coded through
    // that thing (its row's objects).
    let agent = agent.or_else(|| {
        if !through_object {
            return None;
        }
        p.dependents(v)
            .filter(|&d| {
                p.has_rel(d, "obl")
                    && p.preposition(d)
                        .is_some_and(|c| p.lexicon().is(Lex::InstrumentCase, &c))
            })
            .flat_map(|d| p.dependents(d))
            .find(|&e| p.has_rel(e, "nmod") && case_in(p, e, Class::AgentPreposition))
    });
    // "referring to a peace deal signed two weeks ago by Medvedev and Saakashvili": the parser
    // may take a participle right after a noun for a clause of its own (a complement of
    // "said"), and tag it a past tense. With an agent and no subject, auxiliary or object it
    // still modifies the noun, whose act its agents did; a noun that names no actor is no target
    // ("a French-brokered deal": the broker is not whom the signers act upon).
    // An adverb may stand between them ("an officer allegedly stabbed by a fisherman").
    let adverbs = (1..=2)
        .take_while(|&k| {
            v.index >= k
                && p.token(Word {
                    index: v.index - k,
                    ..v
                })
                .is_some_and(|t| t.upos == "ADV")
        })
        .count();
    let noun_before = v.index > adverbs
        && p.token(Word {
            index: v.index - adverbs - 1,
            ..v
        })
        .is_some_and(|t| t.upos == "NOUN");
    let misparsed = !participle
        && noun_before
        && agent.is_some()
        && !p.has_rel(v, "acl")
        && p.token(v)
            .is_some_and(|t| t.xpos == "VBN" || t.xpos == "VBD")
        && !has_object
        && !p.dependents(v).any(|d| {
            p.has_rel(d, "nsubj")
                || p.has_rel(d, "nsubj:pass")
                || p.has_rel(d, "aux")
                || p.has_rel(d, "aux:pass")
        });
    if misparsed {
        args.passive = true;
        // The parser may also hang the second signer on the first as an apposition ("by
        // Chilean President Gabriel Boric and Peruvian President Pedro Castillo").
        args.source = match agent.map(|a| (a, doer_who(p, map, items, a))) {
            Some((a, Who::Actors(mut found))) => {
                let mut stack = vec![a];
                while let Some(w) = stack.pop() {
                    for d in p.dependents(w) {
                        if p.has_rel(d, "appos") || p.has_rel(d, "conj") {
                            if let Some(x) = map.get(d.index).copied().flatten()
                                && !found.contains(&x)
                            {
                                found.push(x);
                            }
                            stack.push(d);
                        }
                    }
                }
                Who::Actors(found)
            }
            Some((_, w)) => w,
            None => Who::Nobody,
        };
        let noun = Word {
            index: v.index - adverbs - 1,
            ..v
        };
        // A person's noun names whom its phrase names ("a Peruvian border guard shot by ..."):
        // the person is acted upon, and stands for the actor.
        let person = p.token(noun).is_some_and(|t| {
            let lemma = t.lemma.to_ascii_lowercase();
            [
                Lex::PersonRole,
                Lex::OfficialRole,
                Lex::ArmedNoun,
                Lex::EnvoyNoun,
            ]
            .into_iter()
            .any(|l| p.lexicon().is(l, &lemma))
        });
        if map.get(noun.index).copied().flatten().is_some() || person {
            args.target = who(p, map, noun, false);
        }
        return args;
    }
    if (passive(p, v) && !by_means) || participle {
        args.passive = true;
        if let Some(agent) = agent {
            args.source = doer_who(p, map, items, agent);
        } else if verb_in(p, v, Lex::SuspendingVerb) {
            // "Chad was suspended from the African Union": the body a member is suspended from
            // suspends it.
            if let Some(body) = p.dependents(v).find(|&d| {
                p.has_rel(d, "obl")
                    && p.preposition(d)
                        .is_some_and(|c| p.lexicon().is(Lex::SuspensionCase, &c))
            }) && map.get(body.index).copied().flatten().is_some()
            {
                // Only a body named whole: "the Economic Community of Central African States"
                // is no act of the state a mention finds inside the name.
                args.source = who(p, map, body, false);
            }
        }
        // "sailors who were detained by Iranian forces": the sailors.
        let subject = if participle {
            p.head(v)
        } else {
            p.dependents(v)
                .find(|d| p.has_rel(*d, "nsubj:pass") && !dateline(p, *d))
                .map(|s| antecedent(p, s))
        };
        if let Some(s) = subject {
            args.target = who(p, map, s, false);
        }
        return args;
    }
    // "the Gambia, which severed ties with Iran": the Gambia. Only for an act the clause tells
    // as done (a past or perfect verb: "which severed", "who had ordered"); a clause in the
    // present describes its noun ("ECOWAS, which includes Ivory Coast", "resolutions which call
    // for ...").
    let subject = subject_of(p, v, &mut args.requested, &mut args.shared)
        .map(|s| {
            let told = p
                .head(s)
                .and_then(|c| p.token(c))
                .is_some_and(|t| t.xpos == "VBD" || t.xpos == "VBN");
            if told { antecedent(p, s) } else { s }
        })
        .or_else(|| {
            by_means
                .then(|| {
                    p.dependent(v, "nsubj:pass")
                        .or_else(|| p.head(v).filter(|_| p.has_rel(v, "acl")))
                })
                .flatten()
        });
    if let Some(s) = subject {
        // "Chinese fishermen rammed ...", "Nigerian gunmen attacked ...": private people a
        // demonym describes do not act for their state, as subjects as much as agents.
        args.source = doer_who(p, map, items, s);
        // Who acts with the subject: its conjuncts, and the later items of a coordination the
        // parser split, each hung on the verb as a subject of its own ("Japan, the United States
        // and South Korea welcomed ...", "he and Foreign Minister Lavrov agreed"). With actors
        // they act too; with a pronoun they act with whoever it stands for.
        let mut with: Vec<Word> = p.conjuncts(s).into_iter().skip(1).collect();
        if let Some(h) = p.head(s) {
            with.extend(
                p.dependents(h).filter(|&d| {
                    d.index > s.index && p.has_rel(d, "nsubj") && listed_apart(p, s, d)
                }),
            );
        }
        for c in with {
            let Who::Actors(mut more) = who(p, map, c, false) else {
                continue;
            };
            match &mut args.source {
                Who::Actors(all) => {
                    more.retain(|x| !all.contains(x));
                    all.extend(more);
                }
                Who::Pronoun(..) => {
                    more.retain(|x| !args.with_pronoun.contains(x));
                    args.with_pronoun.extend(more);
                }
                _ => {}
            }
        }
    } else if let Some(s) = unmarked_subject(p, map, v) {
        args.source = who(p, map, s, false);
    } else if p.has_rel(v, "acl")
        && has_object
        && p.dependent(v, "mark").is_none()
        && let Some(n) = p.head(v)
        && p.token(n)
            .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
    {
        args.source = who(p, map, n, false);
        // "issued a statement condemning X", "delivered a decision rejecting X's claims": the
        // noun is what a light verb's subject produced, and that subject acts. So does the
        // issuer of a text (lexicon `issuing_verb` of a `text_noun`: "passed a resolution
        // condemning X"); not one who acts on another's text ("vetoed a resolution condemning
        // X", "rejected a statement calling for X").
        if args.source.is_nobody()
            && p.has_rel(n, "obj")
            && let Some(l) = p.head(n)
            && (verb_in(p, l, Lex::LightVerb)
                || (p
                    .token(n)
                    .is_some_and(|t| p.lexicon().is(Lex::TextNoun, &t.text.to_ascii_lowercase()))
                    && verb_in(p, l, Lex::IssuingVerb)))
        {
            let mut requested = false;
            let mut shared = false;
            if let Some(s) = subject_of(p, l, &mut requested, &mut shared) {
                args.source = who(p, map, s, false);
            }
            args.requested |= requested;
        }
    } else if p.has_rel(v, "acl") {
        // "a pleasant place to visit", "efforts to stop the parade": an infinitive or gerund
        // modifying a noun names no one doing it, unless the noun names its doer: "actions by
        // the PRC to obstruct a resupply mission".
        // "Russia's decision to expel X" names its doer as the noun's owner.
        let by = p.head(v).and_then(|n| {
            p.dependents(n).find(|d| {
                (p.has_rel(*d, "nmod") && case_in(p, *d, Class::AgentPreposition))
                    || p.has_rel(*d, "nmod:poss")
            })
        });
        match by.map(|b| who(p, map, b, false)) {
            Some(w @ Who::Actors(_)) => args.source = w,
            _ => args.no_source = true,
        }
    }
    // Targets: the objects, and obliques whose preposition marks an addressee, or is part of the
    // cue itself ("arrived in", "called on").
    let cue_has = |c: Word| {
        p.dependent(c, "case")
            .and_then(|x| p.token(x))
            .is_some_and(|t| t.start >= cue.start && t.end <= cue.end)
    };
    // A complaint as the object of a cue coded through it, and an "against" phrase of the verb
    // ("filed a complaint with the ICJ against Russia", parsed on the verb).
    let complaint = p
        .dependents(v)
        .find(|&d| through_object && p.has_rel(d, "obj") && verb_in(p, d, Lex::ComplaintNoun));
    let against_verb = p.dependents(v).any(|d| {
        complaint.is_some()
            && p.has_rel(d, "obl")
            && case_in(p, d, Class::AgainstCase)
            && actor_at(p, map, d)
    });
    let complaint_against = complaint.and_then(|o| against_in(p, map, o));
    for d in p.dependents(v) {
        // The noun of an absolute phrase ("with both sides accusing ...") is the subject.
        if Some(d) == subject {
            continue;
        }
        let aimed = p.has_rel(d, "obj")
            || p.has_rel(d, "iobj")
            || (p.has_rel(d, "obl")
                && !p.has_rel(d, "obl:tmod")
                && (case_in(p, d, if direct { Class::AddresseeCase } else { Class::TargetCase })
                    || cue_has(d)
                    || case_in(p, d, Class::AgentPreposition)))
            // "blamed the other" may be parsed as a bare oblique.
            || (p.has_rel(d, "obl") && p.preposition(d).is_none() && who(p, map, d, false) == Who::Other);
        if !aimed {
            continue;
        }
        // "froze what it calls all official business with Iran": the named thing is the object.
        let d = called(p, d);
        // "lodged a complaint with the WTO against Peru": an act coded through its object is
        // aimed at whom its "against" phrase names, not at the forum it is brought before,
        // though the parser hangs that phrase on the forum.
        // Only for a complaint: "blocked the British proposal against Myanmar" rejects
        // Britain's proposal. The forum is no target once someone is named as the complaint's
        // target, wherever the parser hangs the "against" phrase.
        let d = if Some(d) == complaint {
            match complaint_against {
                Some(a) => a,
                None if against_verb => continue,
                None => d,
            }
        } else if complaint.is_some() && p.has_rel(d, "obl") && case_in(p, d, Class::PartnerWith) {
            // "filed a complaint with the WTO against Peru", the forum parsed on the verb.
            match p.dependents(d).find(|&x| against_phrase(p, map, x)) {
                Some(a) => a,
                None if against_verb || complaint_against.is_some() => continue,
                None => d,
            }
        } else {
            d
        };
        // "discussed the dispute between Iran and the UAE": a verb of talking over a matter
        // names the matter by its object, not whom it talks with (a "with" phrase does); the
        // token rules' first actor after the verb is in that matter too.
        // The parser may hang that phrase on the object ("discussed the quarrel with Peru").
        // The token rules are turned off only where the matter's phrase names someone: a partner
        // the parser missed ("discussed trade with visiting Prime Minister X") is still found.
        let d = if p.has_rel(d, "obj") && verb_in(p, v, Lex::TopicVerb) {
            let names_someone = p.subtree_span(d).is_some_and(|(a, b)| {
                p.words_in(a, b)
                    .iter()
                    .any(|w| map.get(w.index).copied().flatten().is_some())
            });
            if names_someone {
                args.too_deep = true;
            }
            let with = p
                .dependents(d)
                .find(|x| p.has_rel(*x, "nmod") && case_in(p, *x, Class::PartnerWith));
            let Some(with) = with else {
                continue;
            };
            with
        } else {
            d
        };
        // A verb of welcoming praises its object, or an owner close to it, not an actor deep in
        // the phrase that names what it welcomes.
        let w = if p.has_rel(d, "obj") && verb_in(p, v, Lex::WelcomingVerb) {
            let near = who_within(p, map, d, !direct, PRAISED_DEPTH);
            if near.is_nobody() && !who(p, map, d, !direct).is_nobody() {
                args.too_deep = true;
            }
            near
        } else {
            who(p, map, d, !direct)
        };
        // People the object only places leave no target for the token rules to find in
        // their phrase ("warned the judges from Sri Lanka" is no threat to Sri Lanka).
        if w.is_nobody() && p.has_rel(d, "obj") && placed_by_an_actor(p, map, d) {
            args.too_deep = true;
        }
        // "withdrew its troops", "recalled their ambassador": an object owned by a pronoun is
        // the subject's own, not whom the act is aimed at.
        let owned = p.token(d).is_none_or(|t| t.upos != "PRON")
            && matches!(w, Who::Pronoun(..) | Who::We)
            && !args.source.is_nobody();
        if owned {
            continue;
        }
        if let (Who::Actors(mut a), Who::Actors(b)) = (w.clone(), args.target.clone()) {
            a.retain(|x| !b.contains(x));
            let mut all = b;
            all.extend(a);
            args.target = Who::Actors(all);
        } else if args.target.is_nobody() {
            args.target = w;
        }
    }
    // An object the parser hung on a later clause still names whom the act is aimed at.
    if args.target.is_nobody()
        && let Some(o) = acts::misattached_object(p, v)
    {
        args.target = who(p, map, o, !direct);
    }
    // A warning is aimed at whom it is about when its object names no one else.
    let warn = p
        .token(v)
        .is_some_and(|t| t.lemma.eq_ignore_ascii_case("warn"));
    if warn && !matches!(args.target, Who::Actors(_) | Who::Other) {
        let w = warned_of(p, map, v);
        if !w.is_nobody() {
            args.target = w;
        }
    }
    // "the United Kingdom will agree that Mauritius is sovereign": whom an agreement or a
    // concession is made to is the subject of what is agreed.
    if args.target.is_nobody()
        && let Some(c) = p.dependents(v).find(|d| p.has_rel(*d, "ccomp"))
        && let Some(s) = p.dependents(c).find(|d| p.has_rel(*d, "nsubj"))
    {
        args.clause_target = who(p, map, s, false);
    }
    // "If they cross the border, we will retaliate": the subject of the condition.
    args.condition_target = condition_subject(p, map, v);
    // "a policy of turning boats away which the U.N. criticised": what the relative clause's
    // verb is aimed at is the relative pronoun's antecedent, and so whoever does or holds it.
    if args.target.is_nobody() {
        args.target = relative_owner(p, map, v);
    }
    // "asked to have U.N. peacekeepers dispatched": what is asked for names whom it is asked of;
    // "threatened to impose sanctions on Russia": the act threatened names whom it would hit,
    // by its object or else its phrase of a target's case.
    if args.target.is_nobody()
        && let Some(c) = p.dependents(v).find(|d| p.has_rel(*d, "xcomp"))
    {
        // "threatened to supply missiles to North Korea": what a verb of giving gives names no
        // target inside its phrase (the recipient); only the object itself may.
        let giving = verb_in(p, c, Lex::GivingVerb);
        if let Some(o) = p.dependents(c).find(|d| p.has_rel(*d, "obj")) {
            args.clause_target = who(p, map, o, !giving);
        }
        // After a verb of threatening, any case of a target: "threatened to retaliate against
        // Russia".
        let threat = p
            .token(v)
            .is_some_and(|t| p.lexicon().is(Lex::ThreatVerb, &t.lemma));
        // "threatened to supply missiles to North Korea": the "to" phrase of a verb of giving
        // is a recipient, not whom the threat is aimed at.
        let recipient = |d: Word| {
            giving
                && p.preposition(d)
                    .is_some_and(|x| p.lexicon().is(Lex::DestinationCase, &x))
        };
        if args.clause_target.is_nobody()
            && let Some(o) = p.dependents(c).find(|&d| {
                p.has_rel(d, "obl")
                    && (case_in(p, d, Class::CueTargetCase)
                        || (threat && case_in(p, d, Class::TargetCase) && !recipient(d)))
            })
        {
            args.clause_target = who(p, map, o, true);
        }
        // Nor does the token rules' first actor after the verb: that is the recipient.
        if threat && giving && args.clause_target.is_nobody() {
            args.too_deep = true;
        }
    }
    args
}

/// Who the condition on `v` names: the subject of its clause ("If they cross the border, we will
/// retaliate"). The parse often misreads a condition ("If ..., than we will retaliate" as two
/// clauses side by side; "would respond if Peruvian troops crossed" with the troops as the
/// verb's object), so a condition mark beside `v` counts too: the subject of the clause it
/// marks, or the first word after it that names someone.
fn condition_subject(p: &Parse<'_>, map: &[Option<usize>], v: Word) -> Who {
    let is_mark = |m: Word| {
        p.token(m).is_some_and(|t| {
            p.lang()
                .is(Class::ConditionMark, &t.lemma.to_ascii_lowercase())
        })
    };
    if let Some(c) = p
        .dependents(v)
        .find(|&d| p.has_rel(d, "advcl") && p.dependent(d, "mark").is_some_and(&is_mark))
        && let Some(s) = p.dependent(c, "nsubj")
    {
        return who(p, map, s, false);
    }
    let Some(parsed) = p.sentence(v.sentence) else {
        return Who::Nobody;
    };
    let word = |index| Word {
        sentence: v.sentence,
        index,
    };
    for m in (0..parsed.tokens.len()).map(word).filter(|&m| is_mark(m)) {
        let Some(h) = p.head(m) else { continue };
        // The clause the mark heads is `v`'s head or beside it: its subject.
        if h != v && (p.head(v) == Some(h) || p.head(h) == Some(v) || p.head(h) == p.head(v)) {
            if let Some(s) = p.dependent(h, "nsubj") {
                return who(p, map, s, false);
            }
        } else if h == v {
            // The mark left on `v` itself: the first word after it that names someone.
            let first = (m.index + 1..parsed.tokens.len())
                .map(word)
                .take_while(|&w| p.token(w).is_some_and(|t| t.upos != "PUNCT"))
                .find(|&w| {
                    p.token(w)
                        .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON"))
                });
            if let Some(w) = first {
                return who(p, map, w, false);
            }
        }
    }
    Who::Nobody
}

/// The noun right before `w` that a possessive marker right before `w` belongs to: "countries"
/// in "the countries' forces", whatever the parser attached it to.
fn possessor_before(p: &Parse<'_>, w: Word) -> Option<Word> {
    let marker = Word {
        sentence: w.sentence,
        index: w.index.checked_sub(1)?,
    };
    let owner = Word {
        sentence: w.sentence,
        index: w.index.checked_sub(2)?,
    };
    let possessive =
        p.token(marker).is_some_and(|t| t.xpos == "POS") && p.head(marker) == Some(owner);
    possessive.then_some(owner)
}

/// How many links up from a relative clause's antecedent its owner is looked for.
const OWNER_REACH: usize = 4;

/// Whom a relative clause whose object is the relative pronoun ("which", "that") is aimed at:
/// the actor its antecedent names, or the subject of the verb the antecedent is the object of,
/// through modifiers ("Malaysia and Indonesia have maintained a policy of turning away boats,
/// which the United States criticised": the two states).
fn relative_owner(p: &Parse<'_>, map: &[Option<usize>], v: Word) -> Who {
    let relative_object = p
        .dependents(v)
        .any(|d| p.has_rel(d, "obj") && p.token(d).is_some_and(|t| t.xpos == "WDT"));
    // After a comma the parser may hang the relative clause as an adverbial one; its relative
    // pronoun shows what it is.
    let clause = ["acl:relcl", "acl", "advcl"]
        .iter()
        .any(|r| p.has_rel(v, r));
    // "the vessels and crew members it seized": a relative clause without a pronoun, whose
    // subject follows the noun it is about and whose verb has no object of its own.
    let bare = (!relative_object && clause)
        .then(|| bare_antecedent(p, v))
        .flatten();
    if !clause || (!relative_object && bare.is_none()) {
        return Who::Nobody;
    }
    let Some(mut x) = bare.or_else(|| p.head(v)) else {
        return Who::Nobody;
    };
    for _ in 0..OWNER_REACH {
        if let w @ Who::Actors(_) = who(p, map, x, false) {
            return w;
        }
        let is_verb = p.token(x).is_some_and(|t| t.upos == "VERB");
        if is_verb && let Some(s) = p.dependent(x, "nsubj") {
            return who(p, map, s, false);
        }
        let linked = ["obj", "acl", "nmod"].iter().any(|r| p.has_rel(x, r));
        match p.head(x) {
            Some(h) if linked => x = h,
            _ => break,
        }
    }
    Who::Nobody
}

/// The noun a relative clause without a pronoun is about: the noun right before the subject of
/// `v` ("the vessels it seized"), when `v` has no object of its own. A coordinated noun stands
/// for the first ("the vessels and crew members it seized": the vessels).
fn bare_antecedent(p: &Parse<'_>, v: Word) -> Option<Word> {
    if p.dependent(v, "obj").is_some() || p.dependent(v, "ccomp").is_some() {
        return None;
    }
    let s = p.dependent(v, "nsubj")?;
    if s.index > v.index {
        return None;
    }
    let first = p.dependents(s).map(|d| d.index).chain([s.index]).min()?;
    let prev = Word {
        sentence: v.sentence,
        index: first.checked_sub(1)?,
    };
    let noun = |w: Word| {
        p.token(w)
            .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
    };
    if !noun(prev) {
        return None;
    }
    if !p.has_rel(prev, "conj") {
        return Some(prev);
    }
    // The first conjunct: the head, or (when the parse hangs the noun elsewhere) the noun
    // right before the conjunction.
    match p.head(prev) {
        Some(h) if noun(h) => Some(h),
        _ => p
            .dependent(prev, "cc")
            .and_then(|c| c.index.checked_sub(1))
            .map(|index| Word {
                sentence: v.sentence,
                index,
            })
            .filter(|&w| noun(w))
            .or(Some(prev)),
    }
}

/// Whether the verb cue `cue` has a manner that is not force ("would respond positively",
/// "how Beijing would respond"): `advmod` dependents that are no `forceful_manner`.
pub fn unforceful_manner(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    p.dependents(v).any(|d| {
        p.has_rel(d, "advmod")
            && p.token(d).is_some_and(|t| {
                !doc.lang
                    .is(Class::ForcefulManner, &t.text.to_ascii_lowercase())
            })
    })
}

#[cfg(test)]
mod tests;
