//! A verb cue the parse tags as a noun, with a participle naming its doer: "a series of requests
//! presented by Bahrain, Egypt ...", "the demands made by Peru"; or with its own "by" phrase:
//! "the capture of the fishermen by Russia".

use super::*;

/// The arguments of the noun `n` (a verb cue tagged as a noun) when a participle modifying it
/// has an agent that names actors: the agent does the act. Whoever the clause above the noun's
/// phrase has for subject (who reviews, receives or rejects the requests) is `clause_target`,
/// which only an agreement, a concession or a request takes for its target. `None` when there
/// is no such participle: the noun is then no reading of the verb cue.
pub(super) fn offered(p: &Parse<'_>, map: &[Option<usize>], n: Word) -> Option<TreeArgs> {
    if let Some(args) = voiced(p, map, n) {
        return Some(args);
    }
    if let Some(args) = by_agent(p, map, n) {
        return Some(args);
    }
    let agent = p
        .dependents(n)
        .filter(|v| {
            p.has_rel(*v, "acl")
                && p.token(*v).is_some_and(|t| t.xpos == "VBN")
                && !p
                    .dependents(*v)
                    .any(|d| p.has_rel(d, "obj") || p.has_rel(d, "nsubj"))
        })
        .find_map(|v| {
            p.dependents(v).find(|d| {
                p.has_rel(*d, "obl:agent")
                    || (p.has_rel(*d, "obl") && case_in(p, *d, Class::AgentPreposition))
            })
        })?;
    let mut args = done_by(p, map, agent)?;
    // Up from the noun through the phrases that hold it ("its review of a series of requests")
    // to the verb whose object they are.
    let mut w = n;
    for _ in 0..4 {
        if !(p.has_rel(w, "nmod") || p.has_rel(w, "obj") || p.has_rel(w, "conj")) {
            break;
        }
        let Some(h) = p.head(w) else { break };
        if p.token(h).is_some_and(|t| t.upos == "VERB") {
            if p.has_rel(w, "obj")
                && let Some(s) = p.dependent(h, "nsubj")
            {
                args.clause_target = who(p, map, s, false);
            }
            break;
        }
        w = h;
    }
    Some(args)
}

/// The arguments of the noun `n` (a verb cue tagged as a noun) that is the object of a verb of
/// voicing ("We voiced our strong protest of the Peruvian government's attempts", "lodged a
/// protest against the seizures"): the verb's subject does the act, aimed at whoever the noun's
/// "of" or "against" phrase names (its owner: "the government's attempts"). `None` when the
/// verb is no voicing verb or its subject names no one.
fn voiced(p: &Parse<'_>, map: &[Option<usize>], n: Word) -> Option<TreeArgs> {
    if !p.has_rel(n, "obj") {
        return None;
    }
    let v = p.head(n)?;
    if !verb_in(p, v, Lex::VoicingVerb) {
        return None;
    }
    let mut args = TreeArgs::default();
    let s = subject_of(p, v, &mut args.requested, &mut args.shared)?;
    args.source = who(p, map, s, false);
    if args.source.is_nobody() {
        return None;
    }
    if let Some(d) = p.dependents(n).find(|d| {
        p.has_rel(*d, "nmod")
            && (case_in(p, *d, Class::OwnerCase) || case_in(p, *d, Class::TargetCase))
    }) {
        args.target = who(p, map, d, false);
    }
    Some(args)
}

/// The arguments of the noun `n` (a verb cue tagged as a noun) whose own "by" phrase names
/// actors: "grave concern at the capture of the fishermen by Russia", "the capture by the
/// Revolutionary Guard ... of 15 naval personnel". The agent does the act, to whoever its "of"
/// phrase names; the clause's subject, who only speaks of the act, does nothing.
fn by_agent(p: &Parse<'_>, map: &[Option<usize>], n: Word) -> Option<TreeArgs> {
    let by = |w: Word, rel: &str| {
        p.dependents(w).find(|d| {
            p.has_rel(*d, rel) && d.index > n.index && case_in(p, *d, Class::AgentPreposition)
        })
    };
    // The parser may hang the "by" phrase on the verb above when that verb is active, and so
    // has no agent of its own ("expressed concern at the capture of the fishermen by Russia").
    let agent = by(n, "nmod").or_else(|| {
        let v = p
            .head(n)
            .filter(|_| p.has_rel(n, "obl") || p.has_rel(n, "obj"))?;
        let passive = p
            .dependents(v)
            .any(|d| p.has_rel(d, "aux:pass") || p.has_rel(d, "nsubj:pass"));
        (!passive).then(|| by(v, "obl")).flatten()
    })?;
    let mut args = done_by(p, map, agent)?;
    if let Some(d) = p
        .dependents(n)
        .find(|d| p.has_rel(*d, "nmod") && case_in(p, *d, Class::OwnerCase))
    {
        args.target = who(p, map, d, false);
    }
    Some(args)
}

/// The arguments of an act whose doer is the agent phrase `agent`, when it names actors.
fn done_by(p: &Parse<'_>, map: &[Option<usize>], agent: Word) -> Option<TreeArgs> {
    let source = who(p, map, agent, false);
    matches!(source, Who::Actors(_)).then(|| TreeArgs {
        source,
        ..TreeArgs::default()
    })
}

/// The arguments of the noun `n` (a verb cue tagged as a noun) that is a bare adjunct of manner
/// of a verb, "in" and the noun with no determiner or owner: "walked out in protest over the
/// shooting", "summoned the Chinese ambassador in protest". The act is the verb's subject's, not
/// its object's (whom the token rules, reading the nearest actor before the noun, would take).
/// Where the verb is itself a cue of an act (`verb_is_act`: "summoned", "broke off ties",
/// "pulling out its ambassador"), the noun is the manner of that act, no act of its own: no
/// source. Else it is aimed at what the noun's phrase of a target names ("in protest against
/// Chile's decision"), or at the verb's object where that names actors. `None` when the verb's
/// subject names no one.
pub(super) fn adjunct(
    p: &Parse<'_>,
    map: &[Option<usize>],
    n: Word,
    verb_is_act: impl Fn(Word) -> bool,
) -> Option<TreeArgs> {
    let manner = p
        .preposition(n)
        .is_some_and(|c| p.lexicon().is(Lex::StanceMannerCase, &c));
    if !manner {
        return None;
    }
    if p.dependents(n)
        .any(|d| p.has_rel(d, "det") || p.has_rel(d, "nmod:poss") || p.has_rel(d, "amod"))
    {
        return None;
    }
    // The parser may hang the phrase on the verb's object ("expelled two Peruvian diplomats in
    // protest at the arrests", "protest" an nmod of "diplomats"): after a verb that is an act of
    // its own, it is still that act's manner. Elsewhere such a phrase may describe the object's
    // people ("found hundreds of students in protest"), and is left to the token rules.
    let on_object = p.has_rel(n, "nmod") && p.head(n).is_some_and(|o| p.has_rel(o, "obj"));
    let v = if p.has_rel(n, "obl") {
        p.head(n)?
    } else if on_object {
        p.head(p.head(n)?)?
    } else {
        return None;
    };
    if p.token(v).is_none_or(|t| t.upos != "VERB") || passive(p, v) {
        return None;
    }
    let is_act = verb_is_act(v);
    if on_object && !is_act {
        return None;
    }
    if is_act {
        return Some(TreeArgs {
            no_source: true,
            ..TreeArgs::default()
        });
    }
    let mut args = TreeArgs::default();
    let s = subject_of(p, v, &mut args.requested, &mut args.shared)?;
    args.source = who(p, map, s, false);
    if args.source.is_nobody() {
        return None;
    }
    let object = || {
        p.dependents(v)
            .find(|d| p.has_rel(*d, "obj"))
            .map(|o| who(p, map, o, false))
            .filter(|w| matches!(w, Who::Actors(_)))
    };
    // The parser may hang the noun's phrase on the verb ("in protest against Peru's plan", the
    // "against" phrase an oblique of the verb): right after the noun it is still the noun's.
    let right_after = |d: Word| {
        p.has_rel(d, "obl")
            && p.dependent(d, "case")
                .is_some_and(|c| c.index == n.index + 1)
    };
    args.target = p
        .dependents(n)
        .chain(p.dependents(v))
        .find(|d| (p.has_rel(*d, "nmod") || right_after(*d)) && case_in(p, *d, Class::TargetCase))
        .map(|d| who(p, map, d, true))
        .filter(|w| !w.is_nobody())
        .or_else(object)
        .unwrap_or(Who::Nobody);
    Some(args)
}
