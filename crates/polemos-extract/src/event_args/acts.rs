//! Sanctions read from the verb, and noun cues that another cue already codes.

use super::*;
use crate::ir::Meets;

/// Which sanction a verb is once its object is read: cutting ties, withdrawing an envoy or
/// imposing a penalty. Each is coded by its own row of the event data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SanctionKind {
    /// "abandon full economic ties with X": the `withdraw` mode (CAMEO 161).
    Ties,
    /// "withdrew its ambassador from X": a diplomatic sanction (CAMEO 161).
    Envoy,
    /// "is imposing a second round of sanctions on X": an economic penalty (CAMEO 163).
    Penalty,
    /// "ordered the U.S. ambassador in Caracas to leave": an expulsion (CAMEO 161), coded only
    /// when the envoy is of another state than the orderer.
    Expel,
}

/// Whether the verb cue `cue` is in fact a sanction, and which: a severing verb whose object
/// is headed by "ties" or "relations" ("abandon full economic ties with X"), a withdrawal of an
/// envoy ("withdrew its ambassador from X"), or a verb of imposing whose object is a penalty
/// ("is imposing a second round of sanctions on X"), whatever the verb alone is coded as. The
/// knowledge `k` names the states' capitals: an envoy ordered out of the orderer's own capital
/// is expelled (`capital_places`), as is one ordered out of "the country".
#[must_use]
pub fn sanction_verb(k: &Knowledge, doc: &Doc<'_>, cue: &Item) -> Option<SanctionKind> {
    let p = &doc.parse;
    let v = p.head_of(&p.words_in(cue.start, cue.end))?;
    let objects: Vec<Word> = p.dependents(v).filter(|d| p.has_rel(*d, "obj")).collect();
    if verb_in(p, v, Lex::SeveringVerb) {
        return objects
            .iter()
            .any(|&o| text_in(p, o, Lex::TiesNoun))
            .then_some(SanctionKind::Ties);
    }
    // "withdrew its ambassador from X": a diplomatic sanction, not a military retreat. The envoy
    // may be the title of a named object ("pulling out Ambassador Mutoh").
    if verb_in(p, v, Lex::WithdrawingVerb) {
        let envoy = |w: Word| text_in(p, w, Lex::EnvoyNoun);
        return objects
            .iter()
            .any(|&o| {
                envoy(o)
                    || p.dependents(o).any(|d| {
                        (p.has_rel(d, "compound") || p.has_rel(d, "nmod:desc")) && envoy(d)
                    })
            })
            .then_some(SanctionKind::Envoy);
    }
    // The parser makes the envoy told to leave an indirect object as often ("told the
    // Peruvian ambassador to leave").
    if verb_in(p, v, Lex::OrderingVerb) {
        return p
            .dependents(v)
            .filter(|d| p.has_rel(*d, "obj") || p.has_rel(*d, "iobj"))
            .any(|o| ordered_out(k, doc, v, o).is_some())
            .then_some(SanctionKind::Expel);
    }
    // The penalty may be the object or what it is a round or a set of ("a second round of
    // sanctions").
    let penalty = |w: Word| text_in(p, w, Lex::PenaltyNoun);
    (verb_in(p, v, Lex::ImposingVerb)
        && objects.iter().any(|&o| {
            penalty(o)
                || p.dependents(o).any(|d| {
                    p.has_rel(d, "nmod") && case_in(p, d, Class::GenitiveCase) && penalty(d)
                })
        }))
    .then_some(SanctionKind::Penalty)
}

/// Whether the object `o` of the ordering verb `v` is an envoy of a state the phrase names, told
/// to leave with no destination: "ordered U.S. ambassador Philip Goldberg to leave", "ordering
/// Bolivia's ambassador to leave the country". The state is named by a possessive, a modifier or a
/// name ("its diplomats", owned by a pronoun, are the orderer's own: an evacuation); a place left
/// other than "the country" ("to leave Kabul") or a destination ("to leave for consultations")
/// makes it an evacuation or a recall, unless the place is the orderer's own capital ("Iran
/// ordered two British diplomats to leave Tehran", `capital_places`). The parser hangs the
/// infinitive on the verb or on the object. The verb of leaving, when the envoy is ordered out.
fn ordered_out(k: &Knowledge, doc: &Doc<'_>, v: Word, o: Word) -> Option<Word> {
    let p = &doc.parse;
    let envoy = |w: Word| text_in(p, w, Lex::EnvoyNoun);
    let name_like = |w: Word| p.token(w).is_some_and(|t| t.upos == "PROPN");
    // A proper adjective ("the Peruvian ambassador"), which the parser tags as an adjective as
    // often as a name: capitalised inside the sentence.
    let proper_adjective = |w: Word| {
        p.has_rel(w, "amod")
            && p.token(w).is_some_and(|t| {
                t.upos == "ADJ" && t.text.chars().next().is_some_and(char::is_uppercase)
            })
    };
    let modifiers: Vec<Word> = p.dependents(o).collect();
    // "Chilean ambassador Juan Perez" may be parsed with the demonym as the object's head, and
    // "U.S. ambassador Philip Goldberg" with the title inside a name the parser joins to it.
    let in_name = |d: Word| {
        ["flat", "compound", "nmod:desc", "appos", "conj"]
            .iter()
            .any(|r| p.has_rel(d, r))
    };
    let mut name: Vec<Word> = vec![o];
    let mut at = 0;
    while at < name.len() && name.len() < 12 {
        name.extend(p.dependents(name[at]).filter(|&d| in_name(d)));
        at += 1;
    }
    let is_envoy = name.iter().any(|&w| envoy(w));
    let owned_by_pronoun = modifiers
        .iter()
        .any(|&d| p.has_rel(d, "nmod:poss") && p.token(d).is_some_and(|t| t.upos == "PRON"));
    let names_state = (!envoy(o) && name_like(o))
        || modifiers.iter().any(|&d| {
            (p.has_rel(d, "nmod:poss")
                || p.has_rel(d, "compound")
                || p.has_rel(d, "amod")
                || p.has_rel(d, "appos")
                || p.has_rel(d, "flat"))
                && name_like(d)
                || proper_adjective(d)
        });
    if !is_envoy || owned_by_pronoun || !names_state {
        return None;
    }
    let leaving = p
        .dependents(v)
        .filter(|&d| p.has_rel(d, "xcomp") || p.has_rel(d, "advcl"))
        .chain(p.dependents(o).filter(|&d| p.has_rel(d, "acl")))
        .find(|&d| verb_in(p, d, Lex::LeavingVerb));
    // "told the Chadian ambassador not to leave": one told to stay is not expelled.
    leaving.filter(|&l| {
        (leaves_outright(p, l) || !capital_places(k, doc, v, l).is_empty()) && !p.negated(l)
    })
}

/// The spans of the places the verb of leaving `l` names, when each is a capital city (the state
/// data's, "Tehran", not a building that stands for the government: "the Kremlin") of the state
/// whose subject gives the order `v`, and it names no destination: an envoy sent out of the
/// orderer's own capital is expelled. Every place left counts, the object and its conjuncts:
/// "Germany told the Russian diplomats to leave Paris" names another state's capital, and so
/// does "leave Vilnius and Minsk" said of Lithuania; neither is an expulsion by the orderer.
/// Empty otherwise.
fn capital_places(k: &Knowledge, doc: &Doc<'_>, v: Word, l: Word) -> Vec<(usize, usize)> {
    let p = &doc.parse;
    let Some(orderer) = p
        .dependents(v)
        .find(|&d| p.has_rel(d, "nsubj"))
        .and_then(|s| doc.actor_at(&doc.items, s, false))
    else {
        return Vec::new();
    };
    let capital = |d: Word| {
        let t = p.token(d)?;
        doc.items.iter().find_map(|x| match x.kind {
            ItemKind::Actor {
                actor,
                via: Via::Metonym,
                ..
            } if doc.state_of(actor) == doc.state_of(orderer)
                && x.start <= t.start
                && t.start < x.end
                && doc.actors[actor]
                    .known
                    .is_some_and(|a| k.is_capital(a, doc.slice(x.start, x.end))) =>
            {
                Some((x.start, x.end))
            }
            _ => None,
        })
    };
    let places: Vec<Word> = p
        .dependents(l)
        .filter(|&d| p.has_rel(d, "obj"))
        .flat_map(|d| p.conjuncts(d))
        .collect();
    let destination = p.dependents(l).any(|d| {
        p.has_rel(d, "obl")
            && p.preposition(d)
                .is_some_and(|c| p.lexicon().is(Lex::DestinationCase, &c))
    });
    if destination {
        return Vec::new();
    }
    places
        .iter()
        .map(|&d| capital(d))
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default()
}

/// The capital the envoy of the ordering cue `cue` is ordered out of, as the text writes it,
/// when that makes the order an expulsion ("Russia ordered the Estonian ambassador to leave
/// Moscow and return to Tallinn": Moscow): the event's place, not a place the envoy is sent on
/// to.
#[must_use]
pub fn capital_left(k: &Knowledge, doc: &Doc<'_>, cue: &Item) -> Option<String> {
    let p = &doc.parse;
    let v = p.head_of(&p.words_in(cue.start, cue.end))?;
    if !verb_in(p, v, Lex::OrderingVerb) {
        return None;
    }
    p.dependents(v)
        .filter(|d| p.has_rel(*d, "obj") || p.has_rel(*d, "iobj"))
        .find_map(|o| ordered_out(k, doc, v, o))
        .and_then(|l| capital_places(k, doc, v, l).first().copied())
        .map(|(a, b)| doc.slice(a, b).to_owned())
}

/// Whether the verb of leaving `l` names no place left but the country and no destination:
/// "to leave", "must leave the country", not "to leave Kabul" (an evacuation) nor "to leave for
/// consultations" (a recall).
pub(super) fn leaves_outright(p: &Parse<'_>, l: Word) -> bool {
    p.dependents(l).all(|d| {
        !(p.has_rel(d, "obj") && !text_in(p, d, Lex::StateNoun)
            || p.has_rel(d, "obl")
                && p.preposition(d)
                    .is_some_and(|c| p.lexicon().is(Lex::DestinationCase, &c)))
    })
}

/// Whether the verb cue `cue` is a directive to an actor: an ordering verb ("order", "tell",
/// "instruct") whose object is an actor the phrase names and that governs an infinitive of
/// what the actor is to do ("has told its Vietnamese counterpart to halt all construction",
/// "ordered Laos to withdraw its troops"): the orderer's demand of that actor (REQUEST). Not
/// an envoy told to leave (an expulsion, [`sanction_verb`]), nor armed people (one's own troops
/// ordered somewhere are deployed), nor a pronoun, nor an object that is not itself a party
/// (`party_object`: "told reporters to wait", "ordered Peruvian fishermen to leave"); "told Laos
/// that ..." informs, and "was told to" has no object.
#[must_use]
pub fn directive(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    if !(p.token(v).is_some_and(|t| t.upos == "VERB") && verb_in(p, v, Lex::OrderingVerb)) {
        return false;
    }
    // The parser makes the one told an indirect object as often ("told Laos to withdraw").
    let Some(o) = p
        .dependents(v)
        .find(|d| p.has_rel(*d, "obj") || p.has_rel(*d, "iobj"))
    else {
        return false;
    };
    let infinitive_marker = |m: Word| {
        p.token(m).is_some_and(|t| {
            doc.lang
                .is(Class::InfinitiveMarker, &t.text.to_ascii_lowercase())
        })
    };
    // An adverbial infinitive may instead be the teller's own purpose ("told China, to avoid
    // any misunderstanding, that ...", "in order to calm tensions"): not when it is set off by
    // a punctuation mark before it, has a marker besides the infinitive's, or the verb or the
    // infinitive carries a clause of what was told.
    let purpose = |d: Word| {
        p.has_rel(d, "advcl")
            && (p.dependents(d).any(|m| {
                (p.has_rel(m, "punct") && m.index < d.index)
                    || (p.has_rel(m, "mark") && !infinitive_marker(m))
            }) || [v, d]
                .iter()
                .any(|&x| p.dependents(x).any(|c| p.has_rel(c, "ccomp"))))
    };
    // The parser hangs the infinitive as an adverbial clause as often ("tells Peru to back
    // off"); its marker still makes it what the one told is to do.
    let infinitive = p
        .dependents(v)
        .filter(|&d| p.has_rel(d, "xcomp") || p.has_rel(d, "advcl"))
        .chain(p.dependents(o).filter(|&d| p.has_rel(d, "acl")))
        .any(|d| {
            p.token(d).is_some_and(|t| t.upos == "VERB")
                && !purpose(d)
                && p.marked_by(d, Class::InfinitiveMarker)
        });
    if !infinitive {
        return false;
    }
    party_object(doc, o)
}

/// Whether the object `o` of a verb acting on a party (a directive, a suspension) is an actor
/// itself: its head names one ("ordered Laos", "suspended Ivory Coast"), not a person, nor armed
/// people or envoys (the lexicon's `armed_noun`, `envoy_noun`: one's own troops ordered somewhere
/// are deployed, an envoy ordered out expelled, [`sanction_verb`]), or is a
/// noun of a party's own body (the lexicon's `party_head`: "its Peruvian counterpart", "the
/// Peruvian government") named with an actor before it. Not people, envoys or a commission only
/// named with a state ("Peruvian fishermen", "the Sudanese ambassador", "Sudanese traders", "the
/// Sudan-Chad joint commission"), nor an actor named after the head ("the vote on Chad").
fn party_object(doc: &Doc<'_>, o: Word) -> bool {
    let p = &doc.parse;
    let Some(head) = p.token(o) else {
        return false;
    };
    let lemma = head.lemma.to_ascii_lowercase();
    if head.upos == "PRON"
        || [Lex::ArmedNoun, Lex::EnvoyNoun].into_iter().any(|l| {
            p.lexicon().is(l, &lemma)
                || lemma
                    .strip_suffix('s')
                    .is_some_and(|x| p.lexicon().is(l, x))
        })
    {
        return false;
    }
    let Some((from, _)) = p.subtree_span(o) else {
        return false;
    };
    let actor = |x: &Item| match x.kind {
        ItemKind::Actor { actor, .. } => {
            Some(doc.actors[actor].kind != polemos_core::model::ActorKind::Person)
        }
        _ => None,
    };
    let party_head = [
        head.text.to_ascii_lowercase(),
        head.lemma.to_ascii_lowercase(),
    ]
    .iter()
    .any(|w| p.lexicon().is(Lex::PartyHead, w));
    doc.items.iter().any(|x| {
        actor(x) == Some(true) && x.start <= head.start && head.end <= x.end
            || party_head && actor(x).is_some() && x.start >= from && x.end <= head.start
    })
}

/// Whether the object of the verb cue `cue` is a noun of an act that stays its owner's (the
/// lexicon's `owned_act_noun`) owned by an actor the text names: an actor's possessive ("submitted
/// Chile's complaint"), a "from"/"of"/"by" phrase naming one on the noun or, for the source, on
/// the verb ("delivered an ultimatum from Bolivia"), or a relative clause whose subject names one
/// ("reopened the complaint Peru had lodged"). The subject only carries another's act. A pronoun
/// owner ("reopen its complaint") is the subject's own.
#[must_use]
pub fn owned_by_actor(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    let lemma = |w: Word| {
        p.token(w)
            .map(|t| t.lemma.to_ascii_lowercase())
            .unwrap_or_default()
    };
    let names_actor = |w: Word| {
        p.token(w).is_some_and(|t| t.upos != "PRON") && doc.subtree_names_actor(w, Meets::Inside)
    };
    let owner_case = |w: Word| {
        p.preposition(w).is_some_and(|c| {
            doc.lang.is(Class::OwnerCase, &c) || doc.lang.is(Class::AgentPreposition, &c)
        })
    };
    let Some(o) = p
        .dependents(v)
        .find(|&d| p.has_rel(d, "obj") && p.lexicon().is(Lex::OwnedActNoun, &lemma(d)))
    else {
        return false;
    };
    p.dependents(o).any(|d| {
        (p.has_rel(d, "nmod:poss") || p.has_rel(d, "nmod") && owner_case(d)) && names_actor(d)
            || p.has_rel(d, "acl:relcl")
                && p.dependents(d)
                    .any(|s| p.has_rel(s, "nsubj") && names_actor(s))
    }) || p
        .dependents(v)
        .any(|d| p.has_rel(d, "obl") && owner_case(d) && names_actor(d))
}

/// Whether the verb cue `cue` puts a member out of a body's activities: a suspending verb
/// whose object names an actor in its own words and that has an oblique of what it is
/// suspended from ("is suspending Ivory Coast from all of the bloc's activities", "suspended
/// Mali from the African Union"): the subject's sanction of that member. Not a thing suspended
/// ("suspended flights from China", no actor in the object), nor a pronoun ("suspended them"),
/// nor a person, envoy or traders named with a state (`party_object`).
#[must_use]
pub fn suspended_member(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    if !(p.token(v).is_some_and(|t| t.upos == "VERB") && verb_in(p, v, Lex::SuspendingVerb)) {
        return false;
    }
    // "Chad was suspended from the African Union": the passive's subject is the member.
    let Some(o) = p
        .dependents(v)
        .find(|d| p.has_rel(*d, "obj") || p.has_rel(*d, "nsubj:pass"))
    else {
        return false;
    };
    if p.token(o).is_none_or(|t| t.upos == "PRON") {
        return false;
    }
    // The parser hangs the "from" phrase on the verb or on the member.
    let from = p
        .dependents(v)
        .filter(|&d| p.has_rel(d, "obl"))
        .chain(p.dependents(o).filter(|&d| p.has_rel(d, "nmod")))
        .any(|d| {
            p.preposition(d)
                .is_some_and(|c| p.lexicon().is(Lex::SuspensionCase, &c))
        });
    from && party_object(doc, o)
}

/// Whether the verb cue `cue` is a verb of contact (the lexicon's `contact_verb`) with an oblique
/// of "with" and no object: "continues to engage intensely with the sides" is diplomacy, not the
/// armed engagement the dictionary codes. Armed people on either side (the lexicon's
/// `armed_noun`: "Pakistani troops engaged with Afghan forces") keep it the engagement.
#[must_use]
pub fn contact_with(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    let armed = |w: Word| {
        p.token(w).is_some_and(|t| {
            p.lexicon()
                .is(Lex::ArmedNoun, &t.lemma.to_ascii_lowercase())
        })
    };
    // The subject, or that of the verb governing an infinitive ("continues to engage").
    let subject = p
        .dependents(v)
        .find(|&d| p.has_rel(d, "nsubj"))
        .or_else(|| {
            p.head(v)
                .filter(|_| p.has_rel(v, "xcomp"))
                .and_then(|h| p.dependents(h).find(|&d| p.has_rel(d, "nsubj")))
        });
    let with = p
        .dependents(v)
        .find(|&d| p.has_rel(d, "obl") && case_in(p, d, Class::PartnerWith));
    verb_in(p, v, Lex::ContactVerb)
        && !p.dependents(v).any(|d| p.has_rel(d, "obj"))
        && with.is_some_and(|w| !armed(w))
        && !subject.is_some_and(armed)
}

/// Whether the verb cue `cue` is a verb of contact (the lexicon's `contact_verb`) whose objects
/// are all people drawn into a matter (the lexicon's `drawn_party`): "attempt to engage third
/// parties" is neither force nor a meeting. An allow-list, because what troops engage
/// ("positions", "patrols", "boats") is as often a common noun: that stays force.
#[must_use]
pub fn drawn_in(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    let drawn = |w: Word| {
        p.token(w).is_some_and(|t| {
            t.upos == "NOUN"
                && p.lexicon()
                    .is(Lex::DrawnParty, &t.lemma.to_ascii_lowercase())
        })
    };
    let objects: Vec<Word> = p.dependents(v).filter(|&d| p.has_rel(d, "obj")).collect();
    verb_in(p, v, Lex::ContactVerb) && !objects.is_empty() && objects.iter().all(|&o| drawn(o))
}

/// Whether the verb cue `cue` has only reflexive pronouns for direct objects (lang
/// `reflexive_pronoun`) and the reflexive is its only participant: "she killed herself", "the
/// gunman shot himself" harm the doer, no one else. Not with another object joined to the
/// reflexive ("stabbed himself and two soldiers"), a particle ("blew himself up", a suicide
/// bombing), a clause of purpose ("attacked themselves to stage a provocation", a staged attack)
/// or an oblique on a common noun naming an actor ("among Iraqi soldiers", "on an Israeli bus").
#[must_use]
pub fn on_oneself(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    // "stabbed himself and two soldiers": the parse may join the second object to the verb.
    let joined_noun = |d: Word| {
        p.has_rel(d, "conj")
            && p.token(d)
                .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON"))
    };
    let objects: Vec<Word> = p
        .dependents(v)
        .filter(|&d| p.has_rel(d, "obj") || joined_noun(d))
        .flat_map(|o| p.conjuncts(o))
        .collect();
    let reflexive = |o: Word| {
        p.token(o).is_some_and(|t| {
            doc.lang
                .is(Class::ReflexivePronoun, &t.text.to_ascii_lowercase())
        })
    };
    let others = p.dependents(v).any(|d| {
        p.has_rel(d, "compound:prt")
            || p.has_rel(d, "xcomp")
            || (p.has_rel(d, "obl")
                && p.token(d).is_some_and(|t| t.upos == "NOUN")
                && doc.subtree_names_actor(d, Meets::Overlaps))
    });
    !objects.is_empty() && objects.iter().all(|&o| reflexive(o)) && !others
}

/// Whether the verb cue `cue` is a verb of aiming (`aiming_verb`) in a participle or relative
/// clause on a noun: "imposed sanctions targeting Russian banks", "a law that targets Chinese
/// firms" tell what the sanctions or the law are aimed at; the noun, or the verb whose object it
/// is, names the act.
#[must_use]
pub fn aims_a_noun(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    // "launched drones targeting Ukrainian power plants": what weapons or troops are aimed at
    // is their attack (`weapon_noun`, `armed_noun`), which the clause names.
    verb_in(p, v, Lex::AimingVerb)
        && (p.has_rel(v, "acl") || p.has_rel(v, "acl:relcl"))
        && p.head(v).and_then(|h| p.token(h)).is_some_and(|t| {
            t.upos == "NOUN"
                && !p
                    .lexicon()
                    .is(Lex::WeaponNoun, &t.text.to_ascii_lowercase())
                && !p
                    .lexicon()
                    .is(Lex::ArmedNoun, &t.lemma.to_ascii_lowercase())
        })
}

/// Whether the verb cue `cue` welcomes or thanks people for being present (the lexicon's
/// `hosting_verb` with a `presence_word`): "I want to thank my colleagues from Armenia and
/// Azerbaijan for being here today" is the host's meeting with them, not praise. The presence
/// word depends on the verb, on a clause of it ("for coming here") or on its object; where the parse does not
/// read the cue as a verb ("Welcome the foreign ministers ... here to Blair House", tagged an
/// interjection), it follows the cue with no verb between. "We welcome the talks held here"
/// stays praise: "here" belongs to "held".
#[must_use]
pub fn hosted_here(doc: &Doc<'_>, cue: &Item) -> bool {
    // Only a sentence with a presence word after the cue is parsed for it.
    let Some(sentence) = doc.sentence_of(cue.tok).map(|s| &doc.sentences[s]) else {
        return false;
    };
    if !(cue.tok..sentence.tokens.end).any(|i| doc.tok_in_lex(i, Lex::PresenceWord)) {
        return false;
    }
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    if !verb_in(p, v, Lex::HostingVerb) {
        return false;
    }
    let present = |w: Word| {
        p.token(w).is_some_and(|t| {
            p.lexicon()
                .is(Lex::PresenceWord, &t.lemma.to_ascii_lowercase())
        })
    };
    if p.token(v).is_some_and(|t| t.upos == "VERB") {
        // The parser may hang "here" on the object ("welcomed the ministers of Peru here").
        return p.dependents(v).any(|d| {
            present(d)
                || (p.has_rel(d, "advcl") && p.dependents(d).any(present))
                || (p.has_rel(d, "obj")
                    && p.dependents(d)
                        .any(|a| p.has_rel(a, "advmod") && present(a)))
        });
    }
    let Some(parsed) = p.sentence(v.sentence) else {
        return false;
    };
    for index in v.index + 1..parsed.tokens.len() {
        let w = Word {
            sentence: v.sentence,
            index,
        };
        if present(w) {
            return true;
        }
        if matches!(parsed.tokens[index].upos.as_str(), "VERB" | "AUX") {
            return false;
        }
    }
    false
}

/// Whether the verb cue `cue` takes a judgement of a court or body as its object (lexicon
/// `judgement_noun`: "will appeal the ruling", "rejected the verdict").
#[must_use]
pub fn rejects_judgement(doc: &Doc<'_>, cue: &Item) -> bool {
    object_headed(doc, cue, |w| doc.lexicon.is(Lex::JudgementNoun, w))
}

/// What an event row's object lists say of the cue `it`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ObjectGate {
    /// The row may be coded here.
    Holds,
    /// The row is coded only through its object (`objects`), and none of them is the verb's.
    Missing,
    /// One of the row's `!` nouns (`not_objects`) heads the object: "released a statement".
    Refused,
}

/// What the object lists of event row `cue` say of its cue `it` (events.rs codes by it; the
/// proposal's ranking of hostile pairs counts by it).
pub fn object_gate(doc: &Doc<'_>, it: &Item, cue: &crate::knowledge::EventCue) -> ObjectGate {
    if !cue.objects.is_empty() && !object_headed_by(doc, it, &cue.objects) {
        ObjectGate::Missing
    } else if !cue.not_objects.is_empty() && object_headed_by(doc, it, &cue.not_objects) {
        ObjectGate::Refused
    } else {
        ObjectGate::Holds
    }
}

/// Whether the verb cue `cue` has an object (or a passive subject: "the talks were postponed")
/// headed by one of `nouns` (lower case), whatever modifiers stand between: "restore complete,
/// full diplomatic ties", "postponed their meeting".
#[must_use]
pub fn object_headed_by(doc: &Doc<'_>, cue: &Item, nouns: &[String]) -> bool {
    object_headed(doc, cue, |w| nouns.iter().any(|n| w == n))
}

/// Whether the verb cue `cue` has an object headed by a word `listed` (asked of the word and of
/// its lemma, in lower case), as [`object_headed_by`] reads it.
fn object_headed(doc: &Doc<'_>, cue: &Item, listed: impl Fn(&str) -> bool) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    // By the word or its lemma: "photo" in the list names "photos" too.
    let named = |w: Word| {
        p.token(w).is_some_and(|t| {
            listed(&t.text.to_ascii_lowercase()) || listed(&t.lemma.to_ascii_lowercase())
        })
    };
    // A noun of the act takes what it acts on after a preposition ("a freeze on business").
    let noun = p.token(v).is_some_and(|t| t.upos == "NOUN");
    // "froze what it calls all official business": the thing named (`called`).
    let mut objects = p
        .dependents(v)
        .filter(|d| {
            p.has_rel(*d, "obj") || p.has_rel(*d, "nsubj:pass") || (noun && p.has_rel(*d, "nmod"))
        })
        .map(|d| called(p, d));
    if objects.any(named) {
        return true;
    }
    // "hit Belarus with new sanctions", "Belarus was hit with sanctions": a verb whose object
    // (or passive subject) is whom it acts on names the thing it acts with in an oblique of an
    // instrument's preposition (`instrument_case`).
    // Not where that object is itself a noun of an act ("recalled his meeting with the
    // envoy"): the oblique names the act's partner.
    let act_noun = |w: Word| {
        p.token(w).is_some_and(|t| {
            doc.items.iter().any(|x| {
                matches!(x.kind, ItemKind::Event(_)) && x.start <= t.start && t.end <= x.end
            })
        })
    };
    let acts_on = p
        .dependents(v)
        .any(|d| (p.has_rel(d, "obj") || p.has_rel(d, "nsubj:pass")) && !act_noun(d));
    if acts_on
        && p.dependents(v).any(|d| {
            p.has_rel(d, "obl")
                && p.preposition(d)
                    .is_some_and(|c| p.lexicon().is(Lex::InstrumentCase, &c))
                && named(called(p, d))
        })
    {
        return true;
    }
    // "a statement released by Iran's mission": a past participle acts on the noun it modifies.
    if p.has_rel(v, "acl")
        && p.token(v).is_some_and(|t| t.xpos == "VBN")
        && p.head(v).is_some_and(named)
    {
        return true;
    }
    // The parser may hang the noun elsewhere (as the subject of a later clause).
    misattached_object(p, v).is_some_and(named)
}

/// The object of the verb `v` that the parser hung elsewhere ("restore complete, full diplomatic
/// ties with Gondor almost five years after ...", "ties" read as the subject of a later clause):
/// when `v` has no object, the first noun after it whose every word between is its own
/// modifier.
pub(crate) fn misattached_object(p: &Parse<'_>, v: Word) -> Option<Word> {
    if p.dependents(v).any(|d| p.has_rel(d, "obj")) {
        return None;
    }
    let word = |index: usize| Word { index, ..v };
    // "has suspended military exchanges with Japan": a plural noun the parser tagged as a verb
    // in the present and hung as the passive clausal subject of `v`, which no English clause
    // puts after its verb.
    let mistagged = |i: usize| {
        p.token(word(i)).is_some_and(|t| t.xpos == "VBZ")
            && p.head(word(i)) == Some(v)
            && p.has_rel(word(i), "csubj:pass")
    };
    (v.index + 1..v.index + 1 + MODIFIERS_BEFORE_OBJECT)
        .take_while(|&i| p.token(word(i)).is_some())
        .find(|&i| p.token(word(i)).is_some_and(|t| t.upos == "NOUN") || mistagged(i))
        .filter(|&i| mistagged(i) || p.head(word(i)) != Some(v))
        .filter(|&i| (v.index + 1..i).all(|j| p.head(word(j)) == Some(word(i))))
        .map(word)
}

/// How many words may stand between a verb and the noun of its misattached object ("restore
/// complete , full diplomatic ties").
const MODIFIERS_BEFORE_OBJECT: usize = 6;

/// Whether the noun cue `items[at]` is the object of a verb cue of the curated data ("signed
/// the peace agreement": the verb codes the act, with its status and negation) or of a cue of
/// support ("would sign the peace agreement").
#[must_use]
pub fn object_of_act(k: &Knowledge, doc: &Doc<'_>, items: &[Item], at: usize) -> bool {
    let Some(cue) = items.get(at) else {
        return false;
    };
    // Only a verb or a cue shortly before the noun may govern it; the parse is not asked
    // otherwise (plain clauses are read without it, see gates.rs).
    let governed = items[..at].iter().any(|x| {
        matches!(
            x.kind,
            ItemKind::Event(_) | ItemKind::Cue(crate::knowledge::Cue::Support)
        ) && x.tok_end <= cue.tok
            && cue.tok - x.tok_end <= 4
    });
    if !governed {
        return false;
    }
    let p = &doc.parse;
    let Some(v) = verb_of_object(doc, cue) else {
        return false;
    };
    let Some(vt) = p.token(v) else {
        return false;
    };
    // Or of a cue of support or intent ("would sign", "ready to sign"): the stance stage reads
    // it, and the act is not done.
    // A verb that judges a deed ("condemns Eritrea's aggression", "protested China's drills")
    // does not code the act it names: the act happened, done by whoever its phrase names.
    items.iter().any(|x| {
        (matches!(x.kind, ItemKind::Event(e) if k.events[e].args == crate::knowledge::Args::Svo
                && !matches!(k.events[e].event_type, polemos_core::model::PloverType::Accuse | polemos_core::model::PloverType::Protest))
            || (matches!(x.kind, ItemKind::Cue(crate::knowledge::Cue::Support))
                && !items
                    .iter()
                    .any(|y| matches!(y.kind, ItemKind::Event(_)) && y.start == x.start)))
            && x.start <= vt.start
            && vt.end <= x.end
    })
}

/// The verb whose object the noun cue is ("conduct joint patrols", "permit a meeting").
fn verb_of_object(doc: &Doc<'_>, cue: &Item) -> Option<Word> {
    let p = &doc.parse;
    let n = p.head_of(&p.words_in(cue.start, cue.end))?;
    p.head(n).filter(|_| p.has_rel(n, "obj"))
}

/// How many words a verb of offering may stand before the noun of the act it offers ("offered
/// to permit a meeting").
const OFFERED_REACH: usize = 6;

/// Whether the noun cue `items[at]` names an act only offered, proposed or asked for: the object
/// of an infinitive that performs or permits it ("hold", "launch", "permit", "allow"), governed
/// by a cue of a request, a proposal or an offer ("Colombia offered to permit a meeting between
/// X and Y", "Japan proposed to hold a summit with China", "urged Russia to allow talks"; the
/// parser may read the infinitive after the object as a clause of its own). The governing act
/// is the one done; the act it offers has not happened. Not a purpose ("sent troops to enforce
/// the ceasefire") nor a verb that answers a done act ("asked NATO to condemn the invasion"):
/// those acts happened. The governing cue's own object ("signed the agreement") is
/// `object_of_act`'s.
#[must_use]
pub fn offered_act(k: &Knowledge, doc: &Doc<'_>, items: &[Item], at: usize) -> bool {
    let Some(cue) = items.get(at) else {
        return false;
    };
    // Only with another event cue shortly before the noun; the parse is not asked otherwise.
    // The governing cue asks for, proposes or offers an act (REQUEST; AGREE: "offered",
    // "proposed", "agreed").
    let before = |x: &&Item| {
        matches!(x.kind, ItemKind::Event(e) if matches!(
            k.events[e].event_type,
            polemos_core::model::PloverType::Request | polemos_core::model::PloverType::Agree
        )) && x.tok_end <= cue.tok
            && cue.tok - x.tok_end <= OFFERED_REACH
    };
    if !items[..at].iter().any(|x| before(&x)) {
        return false;
    }
    let p = &doc.parse;
    let Some(v) = verb_of_object(doc, cue) else {
        return false;
    };
    // The infinitive performs the act or lets it happen ("hold a summit", "allow talks"), not
    // one that answers an act done ("condemn the invasion", "repel the invasion").
    let performs = p.token(v).is_some_and(|t| {
        let lemma = t.lemma.to_ascii_lowercase();
        p.lang().is(Class::PerformingVerb, &lemma) || p.lang().is(Class::PermittingVerb, &lemma)
    });
    if !performs {
        return false;
    }
    // The parser may read the infinitive after an object as a clause of its own ("urged Chile
    // to allow a meeting": an `advcl` of "urged").
    let to = p
        .dependent(v, "mark")
        .and_then(|m| p.token(m))
        .is_some_and(|t| {
            p.lang()
                .is(Class::InfinitiveMarker, &t.lemma.to_ascii_lowercase())
        });
    let Some(g) = p.head(v).filter(|&g| {
        p.has_rel(v, "xcomp") || (p.has_rel(v, "advcl") && to && p.dependent(g, "obj").is_some())
    }) else {
        return false;
    };
    let Some(gt) = p.token(g) else {
        return false;
    };
    items[..at]
        .iter()
        .filter(before)
        .any(|x| x.start <= gt.start && gt.end <= x.end)
}

/// Whether the verb cue `items[at]` is a light verb whose object is itself a cue of an act:
/// "held a phone call with X", "held talks", "made threats". The object names the act; the
/// verb alone ("held": detained, in the dictionary) does not.
#[must_use]
pub fn light_with_act(doc: &Doc<'_>, items: &[Item], at: usize) -> bool {
    let Some(cue) = items.get(at) else {
        return false;
    };
    // Only with another act's cue shortly after the verb; the parse is not asked otherwise.
    let act_after = items[at + 1..].iter().any(|x| {
        matches!(x.kind, ItemKind::Event(_)) && x.tok >= cue.tok_end && x.tok - cue.tok_end <= 4
    });
    if !act_after {
        return false;
    }
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    if !verb_in(p, v, Lex::LightVerb) {
        return false;
    }
    p.dependents(v)
        .filter(|d| p.has_rel(*d, "obj"))
        .filter_map(|o| p.token(o))
        .any(|o| {
            items.iter().any(|x| {
                matches!(x.kind, ItemKind::Event(_))
                    && x.start != cue.start
                    && x.start <= o.start
                    && o.end <= x.end
            })
        })
}

/// How the verb whose object is a penalty cue ("sanctions on X") treats the penalty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PenaltyVerb {
    /// "imposed new sanctions on X", "slapped sanctions on X": the subject's sanction.
    Imposed,
    /// "lifted sanctions on X", "eased the sanctions against X": the easing of sanctions
    /// (CAMEO 085).
    Eased,
    /// "faces sanctions on its steel", "evaded sanctions on its oil": no act of the subject's.
    Other,
}

/// Which verb takes the penalty noun of the cue `cue` ("sanctions on", "sanctions against") as
/// its object: one of imposing, one of easing (`easing_verb`) or another; `None` when no verb
/// does ("U.S. sanctions on Russia", "sanctions on Russia were imposed").
#[must_use]
pub fn penalty_verb(doc: &Doc<'_>, cue: &Item) -> Option<PenaltyVerb> {
    let p = &doc.parse;
    let v = p.head(penalty_object(p, cue)?)?;
    Some(if verb_in(p, v, Lex::ImposingVerb) {
        PenaltyVerb::Imposed
    } else if verb_in(p, v, Lex::EasingVerb) {
        PenaltyVerb::Eased
    } else {
        PenaltyVerb::Other
    })
}

/// The penalty noun of the cue `cue` ("sanctions" of "sanctions on"), when it is a verb's object.
fn penalty_object(p: &Parse<'_>, cue: &Item) -> Option<Word> {
    p.words_in(cue.start, cue.end).into_iter().find(|&w| {
        p.has_rel(w, "obj")
            && p.token(w).is_some_and(|t| {
                p.lexicon()
                    .is(Lex::PenaltyNoun, &t.text.to_ascii_lowercase())
            })
    })
}

/// The byte span of the subject of the verb of imposing whose object is the penalty noun of
/// the cue `cue`: "The European Union announced fresh sanctions against Russia" is the Union's
/// sanction, though "announced", a verb of saying too, stops the token rules' search for a
/// subject. `None` when no verb of imposing takes the noun, it is negated, or it has no
/// subject.
#[must_use]
pub fn penalty_imposer(doc: &Doc<'_>, cue: &Item) -> Option<(usize, usize)> {
    if penalty_verb(doc, cue) != Some(PenaltyVerb::Imposed) {
        return None;
    }
    let p = &doc.parse;
    let v = p.head(penalty_object(p, cue)?)?;
    // "has not announced new sanctions": none imposed (the negation of a verb of saying does
    // not reach the act in the token rules).
    if p.negated(v) {
        return None;
    }
    let subject = p.dependents(v).find(|&d| p.has_rel(d, "nsubj"))?;
    let t = p.token(subject)?;
    Some((t.start, t.end))
}

/// Whether the verb cue `cue` is a verb of easing (`easing_verb`) whose object is a penalty
/// ("eased the sanctions against Cuba"): the easing of sanctions (CAMEO 085, events.rs), not
/// what the verb alone is coded as (the dictionary's "eased", a cooperation).
#[must_use]
pub fn eases_a_penalty(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    verb_in(p, v, Lex::EasingVerb)
        && p.dependents(v).any(|o| {
            p.has_rel(o, "obj")
                && p.token(o).is_some_and(|t| {
                    p.lexicon()
                        .is(Lex::PenaltyNoun, &t.text.to_ascii_lowercase())
                })
        })
}

/// The byte span of the infinitive of the act the noun cue `cue` declines: "the refusal by
/// China to release the writer". The other side is whom that phrase names, not whoever's act
/// the clause around the noun answers ("Japanese media reported the refusal").
#[must_use]
pub fn refused_act(doc: &Doc<'_>, cue: &Item) -> Option<(usize, usize)> {
    let p = &doc.parse;
    let n = p.head_of(&p.words_in(cue.start, cue.end))?;
    // The parser may hang the infinitive on the verb that governs the noun ("France regretted
    // the refusal by Iran to let inspectors in", an adverbial clause): right after the noun's
    // phrase it is still the noun's.
    let after_noun = |g: Word| {
        (p.has_rel(g, "advcl") || p.has_rel(g, "xcomp"))
            && p.head(n) == p.head(g)
            && super::nominal::first_word(p, g) == super::nominal::last_word(p, n) + 1
    };
    let mut candidates = p.dependents(n).filter(|&g| p.has_rel(g, "acl")).chain(
        p.head(n)
            .into_iter()
            .flat_map(|h| p.dependents(h))
            .filter(|&g| after_noun(g)),
    );
    let g = candidates.find(|&g| {
        p.dependents(g).any(|m| {
            p.has_rel(m, "mark")
                && p.token(m).is_some_and(|t| {
                    p.lang()
                        .is(Class::InfinitiveMarker, &t.text.to_ascii_lowercase())
                })
        })
    })?;
    p.subtree_span(g)
}

/// Whether the noun cue `cue` names an act only feared, called for, warned of or prepared for
/// (lexicon `unrealized_verb`, by the governing word's lemma and the act's preposition): "Japan
/// fears a Chinese attack on Taiwan", "called for a Russian withdrawal", "warned of a
/// blockade", "fears of an invasion". The act has not happened.
#[must_use]
pub fn unrealized_act(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(n) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    let Some(g) = p.head(n) else {
        return false;
    };
    let Some(lemma) = p.token(g).map(|t| t.lemma.to_ascii_lowercase()) else {
        return false;
    };
    // "the need for the two countries to conduct formal discussions": the object of an
    // infinitive that performs the act, modifying a noun of what is only needed or planned
    // (entries "need to", "plan to").
    if p.has_rel(n, "obj")
        && p.lang().is(Class::PerformingVerb, &lemma)
        && p.has_rel(g, "acl")
        && let Some(to) = p
            .dependents(g)
            .filter(|&m| p.has_rel(m, "mark"))
            .filter_map(|m| p.token(m))
            .map(|t| t.text.to_ascii_lowercase())
            .find(|t| p.lang().is(Class::InfinitiveMarker, t))
        && let Some(noun) = p.head(g).and_then(|h| p.token(h))
    {
        let entry = format!("{} {to}", noun.lemma.to_ascii_lowercase());
        if p.lexicon().is_entry(Lex::UnrealizedVerb, &entry) {
            return true;
        }
    }
    let entry = if p.has_rel(n, "obj") || p.has_rel(n, "nsubj:pass") {
        lemma
    } else if p.has_rel(n, "obl") || p.has_rel(n, "nmod") {
        match p.preposition(n) {
            Some(case) => format!("{lemma} {case}"),
            None => return false,
        }
    } else {
        return false;
    };
    p.lexicon().is_entry(Lex::UnrealizedVerb, &entry)
}
