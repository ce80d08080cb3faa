//! The arguments of a noun of an act ("Russia's annexation of Crimea", "sanctions on X").

use super::*;

pub(super) fn nominal(p: &Parse<'_>, map: &[Option<usize>], n: Word) -> TreeArgs {
    let mut args = TreeArgs::default();
    // "talks between X and Y": the parties act together. The parser may hang the phrase on the
    // verb the noun is the subject of ("This agreement between the two parties was brokered by
    // ...", an oblique of "brokered"): right after the noun it is still the noun's.
    let between = p
        .dependents(n)
        .find(|d| p.has_rel(*d, "nmod") && case_in(p, *d, Class::Between))
        .or_else(|| {
            let v = p
                .head(n)
                .filter(|_| p.has_rel(n, "nsubj") || p.has_rel(n, "nsubj:pass"))?;
            p.dependents(v).find(|d| {
                p.has_rel(*d, "obl")
                    && case_in(p, *d, Class::Between)
                    && first_word(p, *d) == last_word(p, n) + 1
            })
        });
    if let Some(b) = between {
        args.source = who(p, map, b, false);
        return args;
    }
    // "the meeting of the two countries' foreign ministers", "a summit of Chile and Peru": two
    // or more parties named after "of" do a joint act together; after another noun of an act,
    // "of" names its object ("the invasion of Ukraine and Georgia").
    let joint = p.token(n).is_some_and(|t| {
        p.lexicon().is(Lex::JointActNoun, &t.lemma) || p.lexicon().is(Lex::JointActNoun, &t.text)
    });
    if joint
        && let Some(w) = p
            .dependents(n)
            .filter(|d| p.has_rel(*d, "nmod") && case_in(p, *d, Class::OwnerCase))
            .find_map(|d| {
                let w = match who(p, map, d, false) {
                    Who::Nobody => p
                        .dependents(d)
                        .find(|x| p.has_rel(*x, "nmod:poss"))
                        .map_or(Who::Nobody, |o| who(p, map, o, false)),
                    w => w,
                };
                matches!(&w, Who::Parties | Who::Actors(_))
                    .then_some(w)
                    .filter(|w| !matches!(w, Who::Actors(a) if a.len() < 2))
            })
    {
        args.source = w;
        return args;
    }
    // "a protest by X", "X's drills", "Chinese drills"; but "Russian sanctions" are as often
    // sanctions on Russia as by it.
    let sanctions = p
        .token(n)
        .is_some_and(|t| p.lexicon().is(Lex::EitherWayPenalty, &t.text));
    for d in p.dependents(n) {
        let owner = p.has_rel(d, "nmod:poss")
            || (p.has_rel(d, "amod") && !sanctions)
            || p.has_rel(d, "compound")
            || (p.has_rel(d, "nmod") && case_in(p, d, Class::AgentPreposition));
        if owner && let Who::Actors(a) = who(p, map, d, false) {
            args.source = Who::Actors(a);
            break;
        }
        if p.has_rel(d, "nmod:poss") {
            let w = who(p, map, d, false);
            if !w.is_nobody() {
                args.source = w;
                break;
            }
        }
    }
    // "the expulsion of Russian diplomats by the United States", "the invasion of Ukraine by
    // Russia": the parser may hang the noun's agent on its "of" phrase.
    if args.source.is_nobody()
        && let Some(a) = p
            .dependents(n)
            .filter(|d| p.has_rel(*d, "nmod") && case_in(p, *d, Class::OwnerCase))
            .flat_map(|d| p.dependents(d))
            .find(|e| p.has_rel(*e, "nmod") && case_in(p, *e, Class::AgentPreposition))
        && let Who::Actors(a) = who(p, map, a, false)
    {
        args.source = Who::Actors(a);
    }
    for d in p.dependents(n) {
        // After a noun "on" does mark the target: "sanctions on X", "an attack on X".
        if p.has_rel(d, "nmod")
            && (case_in(p, d, Class::TargetCase) || case_in(p, d, Class::CueTargetCase))
        {
            let w = who(p, map, d, true);
            if !w.is_nobody() {
                args.target = w;
                break;
            }
        }
    }
    // "the Russian veto of our draft resolution", "China's rejection of Japan's proposal": an act
    // upon a thing another actor owns is aimed at that owner. Only when the act has its own doer:
    // in "the withdrawal of Russian troops" the owner is the doer.
    if args.target.is_nobody()
        && matches!(args.source, Who::Actors(_))
        && let Some(o) = p
            .dependents(n)
            .find(|d| p.has_rel(*d, "nmod") && case_in(p, *d, Class::OwnerCase))
        && map.get(o.index).copied().flatten().is_none()
        && let Some(owner) = p.dependents(o).find(|d| {
            p.has_rel(*d, "nmod:poss") || p.has_rel(*d, "amod") || p.has_rel(*d, "compound")
        })
    {
        let w = who(p, map, owner, false);
        if matches!(w, Who::Actors(_) | Who::We) && w != args.source {
            args.target = w;
        }
    }
    let light = |v: Word| {
        p.token(v)
            .is_some_and(|t| p.lexicon().is(Lex::LightVerb, &t.lemma))
    };
    // "postponed their meeting": what is done to an act is not the act, whoever owns it.
    let commented = p.has_rel(n, "obj") && p.head(n).is_some_and(|v| !light(v));
    if commented && matches!(args.source, Who::Pronoun(..) | Who::We) {
        args.source = Who::Nobody;
        args.no_source = true;
        return args;
    }
    // "the threats Russia has made", "the sanctions Washington imposed": the subject of a
    // relative clause whose verb does the act.
    if args.source.is_nobody()
        && let Some(v) = p
            .dependents(n)
            .find(|d| p.has_rel(*d, "acl:relcl") && light(*d))
        && let Some(s) = p.dependent(v, "nsubj")
    {
        args.source = who(p, map, s, false);
    }
    if args.source.is_nobody()
        && let Some((v, s)) = reduced_relative(p, n, light)
    {
        args.source = who(p, map, s, false);
        if args.target.is_nobody()
            && let Some(o) = p.dependents(v).find(|d| {
                p.has_rel(*d, "obl")
                    && (case_in(p, *d, Class::TargetCase) || case_in(p, *d, Class::CueTargetCase))
            })
        {
            args.target = who(p, map, o, true);
        }
    }
    if !args.source.is_nobody() {
        return args;
    }
    if let Some((source, target)) = setting(p, map, n) {
        args.source = source;
        args.target = target;
        return args;
    }
    // Unless a light verb's subject does it (below), a noun whose phrase names nobody doing it
    // has no source: "welcomed the agreement", "concerned by the drills". A planned act as a
    // subject ("the planned meeting with X would help") is one the context has announced, so its
    // doer is left to the context.
    let planned = p.dependents(n).any(|d| {
        p.has_rel(d, "amod")
            && p.token(d)
                .is_some_and(|t| p.lang().is(Class::Planned, &t.lemma))
    });
    args.no_source = !(planned && p.has_rel(n, "nsubj"));
    // The object of a light verb: "lodged a protest", "held drills" are done by its subject.
    if p.has_rel(n, "obj")
        && let Some(v) = p.head(n)
        && light(v)
    {
        let mut requested = false;
        if let Some(s) = subject_of(p, v, &mut requested, &mut args.shared) {
            args.source = who(p, map, s, false);
        }
        args.requested = requested;
        args.no_source = args.source.is_nobody();
    }
    args
}

/// "told Ali in a phone call", "was in Pakistan for official talks": an act named as the setting
/// of a clause is held by the clause's subject with whom the clause addresses: the verb's object,
/// or the actor that is the predicate ("in Pakistan"). After a verb the act is an oblique of
/// setting ("in", "during"); after a predicate any modifier. Only when the clause names both, and
/// the verb is not a passive ("were killed in clashes with X").
fn setting(p: &Parse<'_>, map: &[Option<usize>], n: Word) -> Option<(Who, Who)> {
    let v = p.head(n)?;
    let predicate = p.dependent(v, "cop").is_some()
        && p.token(v)
            .is_some_and(|t| matches!(t.upos.as_str(), "PROPN" | "NOUN"));
    let attached = if predicate {
        p.has_rel(n, "obl") || p.has_rel(n, "nmod")
    } else {
        p.has_rel(n, "obl") && case_in(p, n, Class::SettingCase)
    };
    if !attached || passive(p, v) {
        return None;
    }
    // The parser may take the subject of a copula before an apposition for a modifier of
    // the predicate ("Chile's minister, Ana Torres, was in Peru", as `nmod:desc`).
    let subject = p.dependent(v, "nsubj").or_else(|| {
        p.dependents(v)
            .find(|d| predicate && d.index < v.index && p.has_rel(*d, "nmod:desc"))
    })?;
    let source = who(p, map, subject, false);
    if !matches!(source, Who::Actors(_)) {
        return None;
    }
    let object = p
        .dependents(v)
        .find(|d| p.has_rel(*d, "obj") || p.has_rel(*d, "iobj"));
    let target = match object {
        Some(o) => who(p, map, o, false),
        None if predicate => who(p, map, v, false),
        None => Who::Nobody,
    };
    matches!(target, Who::Actors(_)).then_some((source, target))
}

/// "cited threats Russia has made to Ukraine": a relative clause without "that", which the
/// parser may attach to the verb governing the noun `n` as its complement. Its verb must be light
/// (`light`) and its subject must follow the noun right away. Returns the clause's verb and
/// subject.
fn reduced_relative(p: &Parse<'_>, n: Word, light: impl Fn(Word) -> bool) -> Option<(Word, Word)> {
    let governor = if p.has_rel(n, "obj") { p.head(n) } else { None };
    let clauses = p
        .dependents(n)
        .filter(|d| p.has_rel(*d, "acl:relcl"))
        .chain(
            governor
                .into_iter()
                .flat_map(|g| p.dependents(g).filter(|d| p.has_rel(*d, "ccomp"))),
        );
    for v in clauses {
        if !light(v) {
            continue;
        }
        if let Some(s) = p.dependent(v, "nsubj")
            && s.index > n.index
            && s.index < v.index
            && first_word(p, s) == n.index + 1
        {
            return Some((v, s));
        }
    }
    None
}

/// The index of the first word of the phrase headed by `w`.
pub(super) fn first_word(p: &Parse<'_>, w: Word) -> usize {
    let mut first = w.index;
    for d in p.dependents(w) {
        first = first.min(first_word(p, d));
    }
    first
}

/// The index of the last word of the phrase headed by `w`.
pub(super) fn last_word(p: &Parse<'_>, w: Word) -> usize {
    let mut last = w.index;
    for d in p.dependents(w) {
        last = last.max(last_word(p, d));
    }
    last
}
