//! Issues named indirectly: a noun that refers back to a measure named before ("the
//! measure", "this decision", "the recent Moroccan proposal"), an actor's claim to territory
//! ("China's claims", "Indian control"), a state recognized itself ("recognizes Kosovo").

use super::super::ir::{Doc, Item, ItemKind};
use super::super::knowledge::{Knowledge, TopicScale};
use super::super::lang::Class;
use super::super::lexicon::Lex;
use super::super::mentions::after_possessive;
use super::super::tree::Word;

/// Nouns that refer back to a measure named before ("the measure", "this decision", "Manila's
/// move"), and the topics each prefers when several were named.
const ANAPHORS: &[(&str, &[&str])] = &[
    ("measure", &["un-resolution", "sanctions"]),
    ("measures", &["sanctions", "un-resolution"]),
    ("resolution", &["un-resolution"]),
    ("text", &["un-resolution", "agreement"]),
    ("decision", &["icj-ruling"]),
    ("ruling", &["icj-ruling"]),
    ("judgment", &["icj-ruling"]),
    ("judgement", &["icj-ruling"]),
    ("award", &["icj-ruling"]),
    ("move", &[]),
    ("step", &[]),
    ("action", &["un-resolution", "sanctions"]),
    ("actions", &["sanctions"]),
    ("agreement", &["agreement", "peace-treaty"]),
    ("deal", &["agreement", "peace-treaty"]),
    ("accord", &["agreement", "peace-treaty"]),
    ("plan", &["autonomy-plan", "peace-treaty"]),
    ("proposal", &["autonomy-plan", "peace-treaty"]),
];
/// How many sentences back a referring noun's antecedent may stand: any measure named lately,
/// or the kind the noun prefers named further back.
const ANAPHOR_SENTENCES: usize = 3;
const ANAPHOR_PREFERRED_SENTENCES: usize = 20;

/// The topic a referring noun phrase at token `tok` of sentence `s` stands for: "the measure",
/// "this decision", "Manila's move" (a determiner, demonstrative or possessor, perhaps an
/// adjective, then one of the [`ANAPHORS`]), resolved to the topic it prefers among those named
/// in the sentences before, else to the most recent measure named there. A noun with its own
/// complement ("the decision to withdraw", "the move by Manila") introduces a new thing, and
/// is no reference.
pub(super) fn anaphor(
    k: &Knowledge,
    doc: &Doc<'_>,
    s: usize,
    tok: usize,
    stop_tok: usize,
) -> Option<(usize, usize)> {
    let mut t = tok;
    let mut determined = false;
    // A clause may open with its conjunction ("but the recent proposal is serious").
    if doc.tok_is_a(t, Class::ClauseConjunction) {
        t += 1;
    }
    // "Manila's move": a possessor actor.
    let items = doc.sentence_items(s);
    if let Some(owner) = items
        .iter()
        .find(|x| x.tok == t && matches!(x.kind, ItemKind::Actor { .. }))
        && after_possessive(doc, owner.tok_end) > owner.tok_end
    {
        t = after_possessive(doc, owner.tok_end);
        determined = true;
    }
    while t < stop_tok && doc.tok_is_a(t, Class::ReferringDeterminer) {
        determined = true;
        t += 1;
    }
    let noun_at = |x: usize| {
        let w = doc.tok(x).to_ascii_lowercase();
        ANAPHORS.iter().find(|(n, _)| *n == w).map(|(_, p)| *p)
    };
    // Two modifiers at most ("the recent Moroccan proposal").
    let (noun, prefer) = (t..(t + 3).min(stop_tok)).find_map(|x| noun_at(x).map(|p| (x, p)))?;
    if !determined || noun >= stop_tok || doc.tok_is_a(noun + 1, Class::NounComplement) {
        return None;
    }
    antecedent(k, doc, s, noun, prefer)
}

/// How far before a judgement a referring noun may stand ("the recent Moroccan proposal is
/// serious, is credible", "Manila's move complicates the dispute").
const ANAPHOR_BACK: usize = 5;

/// The topic a referring noun phrase just before the cue at `cue_tok` stands for, when it is
/// what the cue judges: "the recent Moroccan proposal is serious, is credible".
pub(super) fn anaphor_before(
    k: &Knowledge,
    doc: &Doc<'_>,
    s: usize,
    cue_tok: usize,
    floor_tok: usize,
) -> Option<(usize, usize)> {
    let first = cue_tok.saturating_sub(ANAPHOR_BACK).max(floor_tok);
    let noun = (first..cue_tok).rev().find(|&x| {
        let w = doc.tok(x).to_ascii_lowercase();
        ANAPHORS.iter().any(|(n, _)| *n == w)
    })?;
    let w = doc.tok(noun).to_ascii_lowercase();
    let prefer = ANAPHORS.iter().find(|(n, _)| *n == w)?.1;
    // Determined ("the", "this", a possessive) within three words before it, and followed by
    // a verb of being, not by its own complement.
    let determined = (noun.saturating_sub(3).max(floor_tok)..noun)
        .any(|x| doc.tok_is_a(x, Class::ReferringDeterminer) || after_possessive(doc, x) > x);
    // ... or by the judging verb itself ("Manila's move complicates the dispute").
    let copula = doc.tok_is_a(noun + 1, Class::Copula) || noun + 1 == cue_tok;
    if !determined || !copula {
        return None;
    }
    antecedent(k, doc, s, noun, prefer)
}

/// The measure a referring noun at `noun` stands for: the first of the topics it prefers
/// named in the sentences before, else the last measure named just before.
fn antecedent(
    k: &Knowledge,
    doc: &Doc<'_>,
    s: usize,
    noun: usize,
    prefer: &[&str],
) -> Option<(usize, usize)> {
    let binary = |topic: usize| matches!(k.topics[topic].scale, TopicScale::Binary(_));
    let mut latest: Option<usize> = None;
    for prev in (s.saturating_sub(ANAPHOR_PREFERRED_SENTENCES)..s).rev() {
        let topics: Vec<usize> = doc
            .sentence_items(prev)
            .iter()
            .filter_map(|x| match x.kind {
                ItemKind::Topic(t) if binary(t) => Some(t),
                _ => None,
            })
            .collect();
        if let Some(&t) = prefer
            .iter()
            .find_map(|p| topics.iter().find(|&&t| k.topics[t].id == *p))
        {
            return Some((t, noun));
        }
        if latest.is_none() && prev + ANAPHOR_SENTENCES >= s {
            latest = topics.last().copied();
        }
    }
    latest.map(|t| (t, noun)).or_else(|| {
        // "But Sudan supports the resolution" after a headline that names it only inside the
        // Council's name: a referring "the resolution" is a UN resolution all the same, when
        // nothing stands between the noun and its determiner ("the peaceful resolution" is a
        // settlement) and the document speaks of the UN or of a vote.
        let bare = noun > 0 && doc.tok_is_a(noun - 1, Class::ReferringDeterminer);
        (bare && doc.tok_in_lex(noun, Lex::VotedText) && speaks_of_the_un(k, doc))
            .then(|| k.topics.iter().position(|t| t.id == "un-resolution"))
            .flatten()
            .map(|t| (t, noun))
    })
}

/// The CAMEO code of the United Nations and its organs ("IGOUNO"), in the actor data.
const UN_CAMEO: &str = "IGOUNO";

/// Whether the document names a UN body (an actor the data codes as the UN's) or a vote word
/// ("veto", "abstained").
fn speaks_of_the_un(k: &Knowledge, doc: &Doc<'_>) -> bool {
    doc.actors.iter().any(|a| {
        a.known
            .and_then(|i| k.actors[i].cameo.as_deref())
            .is_some_and(|c| c.starts_with(UN_CAMEO))
    }) || (0..doc.tokens.len())
        .any(|t| doc.tok_in_lex(t, Lex::VoteVeto) || doc.tok_in_lex(t, Lex::VoteAbstention))
}

/// The actor that owns the noun at token `noun`: a possessive or demonym right before it,
/// perhaps with one modifier between ("China's expansive claims", "Indian control").
pub(super) fn owner_of<'a>(doc: &Doc<'_>, items: &'a [Item], noun: usize) -> Option<&'a Item> {
    items.iter().rev().find(|x| {
        matches!(
            x.kind,
            ItemKind::Actor {
                adjectival: true,
                ..
            } | ItemKind::Actor {
                possessive: true,
                ..
            }
        ) && x.tok_end <= noun
            && noun <= after_possessive(doc, x.tok_end) + 1
    })
}

/// Whether the words after the cue at `items[at]` name an actor's claim to territory: the
/// actor (possessive or a demonym), perhaps an adjective, then one of the claim nouns (the lexicon's `claim_noun`)
/// ("rejected China's expansive claims", "denounce Indian control of the region"). Returns the
/// noun's token.
pub(super) fn owned_claim(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<usize> {
    let mut t = items[at].tok_end;
    while t < stop_tok && doc.tok_is_a(t, Class::ClaimLead) {
        t += 1;
    }
    // The owner's name, its possessive and one modifier at most come before the noun.
    let noun = (t..(t + 5).min(stop_tok)).find(|&x| doc.tok_in_lex(x, Lex::ClaimNoun))?;
    let owner = owner_of(doc, &items[at + 1..], noun)?;
    // A state's claim, or its agents' ("Indian control"); a court's jurisdiction is no claim
    // to territory.
    let ItemKind::Actor { actor, .. } = owner.kind else {
        return None;
    };
    (owner.tok == t
        && doc
            .holder_of(actor)
            .is_some_and(|h| doc.actors[h].kind == polemos_core::model::ActorKind::State))
    .then_some(noun)
}

/// For a predicate of falsity (lexicon `falsity_word`) at `items[at]`, the token of the
/// state's claim it qualifies, in the parse: its clause's subject ("Peru's claims to the waters
/// are baseless"), the noun it modifies ("China's baseless claims"), or the object of the verb
/// it completes ("dismissed as baseless Peru's claims"). `Some(None)` for a predicate of
/// falsity that qualifies anything else, or an assertion ("Peru's claim that Chile sabotaged
/// the talks is untrue" says nothing of territory); `None` for any other cue.
pub(super) fn false_claim(doc: &Doc<'_>, items: &[Item], at: usize) -> Option<Option<usize>> {
    let cue = items[at];
    if !doc.tok_in_lex(cue.tok, Lex::FalsityWord) {
        return None;
    }
    let p = &doc.parse;
    if p.word_at(doc.tokens[cue.tok].start).is_none() {
        return Some(None);
    }
    let claim = falsely_judged(doc, cue.tok).and_then(|n| {
        let t = p.token(n)?;
        let noun = doc.token_at(t.start);
        if !doc.tok_in_lex(noun, Lex::ClaimNoun)
            || (noun + 1 < doc.tokens.len() && doc.tok_is_a(noun + 1, Class::Complementizer))
        {
            return None;
        }
        // A claim to a place says so ("claims to the islands", "territorial claims"); a bare
        // "Japan's claims were unfounded" after an incident is an allegation.
        let to_place =
            noun + 1 < doc.tokens.len() && doc.tok_in_lex(noun + 1, Lex::ClaimObjectCase);
        let territorial = noun > 0 && doc.tok_in_lex(noun - 1, Lex::DisputeKindTerritorial);
        if !to_place && !territorial {
            return None;
        }
        let owner = owner_of(doc, items, noun)?;
        let ItemKind::Actor { actor, .. } = owner.kind else {
            return None;
        };
        doc.holder_of(actor)
            .is_some_and(|h| doc.actors[h].kind == polemos_core::model::ActorKind::State)
            .then_some(noun)
    });
    Some(claim)
}

/// The noun a predicate of falsity at token `tok` qualifies, in the parse: its clause's subject
/// ("Peru's claims to the waters are baseless"), the noun it modifies ("China's baseless
/// claims"), or the object of the verb it completes ("dismissed as baseless Peru's claims").
fn falsely_judged(doc: &Doc<'_>, tok: usize) -> Option<Word> {
    let p = &doc.parse;
    let w = p.word_at(doc.tokens[tok].start)?;
    let head = p.head(w);
    p.dependent(w, "nsubj")
        .or_else(|| (p.rel(w) == "amod").then_some(head).flatten())
        .or_else(|| {
            matches!(p.rel(w), "xcomp" | "obl" | "advcl")
                .then(|| head.and_then(|h| p.dependent(h, "obj")))
                .flatten()
        })
}

/// A charge a predicate of falsity (lexicon `falsity_word`) at `items[at]` calls false, its
/// clause's subject: "the charges leveled against our ambassadors are false", "the accusations
/// by Moscow are baseless" oppose the charge, named by the allegation noun's plural (lexicon
/// `allegation_noun`, as a rejected allegation is). The noun must be only ever an allegation
/// (`allegation_only_noun`) or say what or who it charges (a modifier after it); a noun with a
/// clause of its content ("reports that it would lift the sanctions", "claims that ...") is an
/// assertion the speaker denies, no issue of its own; a claim to a place is `false_claim`'s.
pub(super) fn false_charge(doc: &Doc<'_>, items: &[Item], at: usize) -> Option<String> {
    let cue = items[at];
    if !doc.tok_in_lex(cue.tok, Lex::FalsityWord) {
        return None;
    }
    let p = &doc.parse;
    // Only as a predicate: "denied making false accusations" says nothing of the denier's
    // stance on accusations, and a modifier's noun may be anyone's.
    let w = p.word_at(doc.tokens[cue.tok].start)?;
    let n = p.dependent(w, "nsubj")?;
    let t = p.token(n)?;
    let lemma = t.lemma.to_ascii_lowercase();
    if !doc.lexicon.is(Lex::AllegationNoun, &lemma) {
        return None;
    }
    let noun = doc.token_at(t.start);
    if noun + 1 < doc.tokens.len() && doc.tok_is_a(noun + 1, Class::Complementizer) {
        return None;
    }
    let said_of = p
        .dependents(n)
        .any(|d| d.index > n.index && (p.has_rel(d, "acl") || p.has_rel(d, "nmod")));
    let only = doc.lexicon.is(Lex::AllegationOnlyNoun, &lemma);
    if !(only || said_of) {
        return None;
    }
    // One issue for "the charge" and "the charges" (and for a rejected one): the plural.
    let plural = format!("{lemma}s");
    Some(if doc.lexicon.is(Lex::AllegationNoun, &plural) {
        plural
    } else {
        lemma
    })
}

/// Whether the cue at `items[at]` recognizes an actor itself ("recognizes Kosovo.", "recognized
/// Juan Guaido as interim president"): the recognition issue. Recognizing an actor's act or
/// office ("recognize United Kingdom administration of the islands") is not. Returns the
/// actor's token.
pub(super) fn recognized_actor(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    end: usize,
) -> Option<usize> {
    let cue = items[at];
    if !recognizing_word(doc, cue.tok) {
        return None;
    }
    let object = items[at + 1..].iter().find(|x| x.start >= cue.end)?;
    let actor = matches!(
        object.kind,
        ItemKind::Actor {
            adjectival: false,
            possessive: false,
            ..
        }
    ) && object.tok <= cue.tok_end + 1;
    let whole = object.tok_end >= end
        || matches!(doc.tok(object.tok_end), "." | "," | ";")
        || doc.tok_is_a(object.tok_end, Class::RecognizedEnd);
    (actor && whole).then_some(object.tok)
}

/// The place a stance cue's act recognizes, when it is a place rather than an actor ("Moscow
/// intends to formally recognize the two breakaway provinces", "condemned Russia's decision to
/// recognize the Georgian regions of South Ossetia and Abkhazia"): the cue is a recognizing verb,
/// or governs one in the parse (an infinitive or adverbial clause under it, or a clause on its
/// object: "the decision to recognize ..."), and that verb's object is headed by a noun of a
/// place whose status is recognized (lexicon `recognized_place`) or is a place the dispute
/// names. Recognizing it takes a side on the recognition topic. The object's token.
pub(super) fn recognized_place(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    end: usize,
) -> Option<usize> {
    let cue = items[at];
    // The parse only where a recognizing word follows: a plain clause stays unparsed (gates.rs).
    if !(cue.tok..end).any(|t| recognizing_word(doc, t)) {
        return None;
    }
    let p = &doc.parse;
    let words = p.words_in(cue.start, cue.end);
    let head = p.head_of(&words)?;
    let recognizing = |w| {
        p.token(w).is_some_and(|t| {
            t.upos == "VERB" && t.lemma.to_ascii_lowercase().starts_with("recogni")
        })
    };
    let mut acts = vec![head];
    for d in p.dependents(head) {
        if ["xcomp", "advcl", "ccomp"].iter().any(|r| p.has_rel(d, r)) {
            acts.push(d);
        }
        // "the decision to recognize ...": a clause on the cue's object or complement noun.
        if ["obj", "xcomp"].iter().any(|r| p.has_rel(d, r)) {
            acts.extend(p.dependents(d).filter(|x| p.has_rel(*x, "acl")));
        }
    }
    acts.into_iter().filter(|&v| recognizing(v)).find_map(|v| {
        // "to recognize the Essequibo region as part of their country": a claim to the place,
        // not the recognition of its independence.
        let as_part = p.dependents(v).any(|d| {
            p.has_rel(d, "obl")
                && p.token(d)
                    .is_some_and(|t| doc.tok_in_lex(doc.token_at(t.start), Lex::BelongingNoun))
        });
        if as_part {
            return None;
        }
        let object = p.dependent(v, "obj")?;
        let t = p.token(object)?;
        let tok = doc.token_at(t.start);
        let named_place = items.iter().any(|x| {
            matches!(
                x.kind,
                ItemKind::DisputeName(..) | ItemKind::DisputePart(_) | ItemKind::Location
            ) && x.tok <= tok
                && tok < x.tok_end
        });
        (doc.tok_in_lex(tok, Lex::RecognizedPlace) || named_place).then_some(tok)
    })
}

/// Whether token `t` is a form of recognizing (`recognizing_word`).
fn recognizing_word(doc: &Doc<'_>, t: usize) -> bool {
    doc.tok_in_lex(t, Lex::RecognizingWord)
}

/// Whether the recognizing verb cue `at` is the content of another's act rather than its
/// subject's own stance: "condemned Russia's decision to recognize the regions", where the parse
/// hangs "to recognize" on the condemning verb or on an intent noun. Its stance is read from
/// the condemnation (`recognized_place`), not given to the one who condemns.
pub(super) fn recognition_under_another(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
) -> bool {
    let cue = items[at];
    if !(cue.tok..cue.tok_end).any(|t| recognizing_word(doc, t)) {
        return false;
    }
    let p = &doc.parse;
    let Some(verb) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    let recognizing = p
        .token(verb)
        .is_some_and(|t| t.lemma.to_ascii_lowercase().starts_with("recogni"));
    if !recognizing || !["advcl", "acl"].iter().any(|r| p.has_rel(verb, r)) {
        return false;
    }
    let Some(head) = p.head(verb).and_then(|h| p.token(h)) else {
        return false;
    };
    let head_tok = doc.token_at(head.start);
    doc.tok_in_lex(head_tok, Lex::IntentNoun)
        || items.iter().any(|x| {
            x.tok <= head_tok
                && head_tok < x.tok_end
                && match x.kind {
                    ItemKind::Cue(super::super::knowledge::Cue::Oppose) => true,
                    ItemKind::Event(e) => matches!(
                        k.events[e].event_type,
                        polemos_core::model::PloverType::Accuse
                            | polemos_core::model::PloverType::Reject
                            | polemos_core::model::PloverType::Protest
                    ),
                    _ => false,
                }
        })
}

/// Whether sentence `s` opens by naming another subject than its dispute ("On Sudan, Ambassador
/// Hammer will continue to support ...", in a note about Somalia): a state or place, then a
/// comma, that is none of the dispute's parties. Its stances are about that subject, which the
/// dispute the sentence was given does not hold.
pub(super) fn about_another(k: &Knowledge, doc: &Doc<'_>, s: usize, dispute: usize) -> bool {
    let first = doc.sentences[s].tokens.start;
    if !doc.tok_is_a(first, Class::TopicOpener) {
        return false;
    }
    let Some(x) = doc
        .sentence_items(s)
        .iter()
        .find(|x| x.tok == first + 1 && matches!(x.kind, ItemKind::Actor { .. }))
    else {
        return false;
    };
    let ItemKind::Actor { actor, .. } = x.kind else {
        return false;
    };
    if doc.tok(x.tok_end) != "," {
        return false;
    }
    let d = &doc.disputes[dispute];
    let party = match d.known {
        Some(i) => k.disputes[i].parties.contains(&doc.actors[actor].id),
        None => d.parties.contains(&doc.actor_name(actor)),
    };
    !party
}

/// Words that add one more agent to a passive's list: "co-sponsored by France, Britain and
/// the United States, along with Spain", "rejected by the international community as well as
/// the government of Ukraine".
const ALONG_WITH: &[&[&str]] = &[
    &["along", "with"],
    &["as", "well", "as"],
    &["together", "with"],
];
/// How far after the passive's "by" the added agent's words may start, and how far after
/// them the added agent's name.
const ALONG_REACH: usize = 25;
const ALONG_NAME_REACH: usize = 8;

/// The actor a passive's agent list adds with "along with", "as well as" or "together with",
/// when the cue at `items[at]` is a passive followed by "by".
pub(super) fn agent_along_with(doc: &Doc<'_>, items: &[Item], at: usize) -> Option<usize> {
    let cue = items[at];
    if !doc.tok_is_a(cue.tok_end, Class::AgentPreposition) {
        return None;
    }
    let end = doc
        .sentence_of(cue.tok)
        .map_or(cue.tok_end, |s| doc.sentences[s].tokens.end)
        .min(cue.tok_end + ALONG_REACH);
    let (from, words) = (cue.tok_end + 1..end).find_map(|t| {
        ALONG_WITH
            .iter()
            .find(|w| w.iter().enumerate().all(|(j, x)| doc.tok_is(t + j, x)))
            .map(|w| (t, w.len()))
    })?;
    let after = from + words;
    items.iter().find_map(|x| match x.kind {
        ItemKind::Actor {
            actor,
            adjectival: false,
            possessive: false,
            ..
        } if x.tok >= after && x.tok <= after + ALONG_NAME_REACH => Some(actor),
        _ => None,
    })
}

/// How far after a cue its verb of joining may stand, and how far after that verb its "by".
const JOINED_REACH: usize = 20;
const JOINED_BY_REACH: usize = 6;

/// "Spain called on Morocco to withdraw its troops and was joined in its appeal by the European
/// Union": the actor a verb of joining (the lexicon's `joining_verb`) names after its "by",
/// later in the cue's sentence, joins the cue's holders in their stance, when the side it
/// joins (as `events::joined` reads it from the parse) is one of those `holders`: "Moscow,
/// joined by Beijing, refused" joins the one who refused, not the one who called.
pub(super) fn joined_by(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    holders: &[usize],
) -> Option<usize> {
    let cue = items[at];
    let end = doc
        .sentence_of(cue.tok)
        .map_or(cue.tok_end, |s| doc.sentences[s].tokens.end)
        .min(cue.tok_end + JOINED_REACH);
    let verb = (cue.tok_end..end).find(|&t| doc.tok_in_lex(t, Lex::JoiningVerb))?;
    let by = (verb + 1..(verb + 1 + JOINED_BY_REACH).min(end))
        .find(|&t| doc.tok_is_a(t, Class::AgentPreposition))?;
    let p = &doc.parse;
    let v = p.word_at(doc.tokens[verb].start)?;
    let joined = doc.actor_at(items, crate::events::joined::sides(doc, v).1?, true)?;
    if !super::holders::stance_holder(doc, joined).is_some_and(|h| holders.contains(&h)) {
        return None;
    }
    items.iter().find_map(|x| match x.kind {
        ItemKind::Actor {
            actor,
            adjectival: false,
            possessive: false,
            ..
        } if x.tok == by + 1 || x.tok == by + 2 && doc.tok_is_a(by + 1, Class::Determiner) => {
            Some(actor)
        }
        _ => None,
    })
}

/// The actors a cue of congratulating (the lexicon's `congratulating_verb`) names as its object
/// and congratulates on something ("congratulates Greece and North Macedonia on the historic
/// agreement"): every actor between the cue and the "on" right after the last of them, or none.
pub(super) fn congratulated(doc: &Doc<'_>, items: &[Item], at: usize) -> Vec<usize> {
    let cue = &items[at];
    if !(cue.tok..cue.tok_end).any(|t| doc.tok_in_lex(t, Lex::CongratulatingVerb)) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut last_end = cue.tok_end;
    for x in &items[at + 1..] {
        if x.start < cue.end {
            continue;
        }
        match x.kind {
            ItemKind::Actor {
                actor,
                adjectival,
                possessive: false,
                ..
            } => {
                if !adjectival && !found.contains(&actor) {
                    found.push(actor);
                }
                last_end = last_end.max(x.tok_end);
            }
            _ => break,
        }
    }
    // "on"/"upon" (the profile's `cue_target_case`): "congratulated Kenya in a statement" names
    // no act.
    if found.is_empty() || !doc.tok_is_a(last_end, Class::CueTargetCase) {
        return Vec::new();
    }
    found
}

/// Whether sentence `s` or the stance's `holders` tie it to dispute `d` (a fact of the
/// document): the sentence names the dispute or a part of it, or an actor of one of its
/// parties, or a holder is one of them. A sentence of a speech or a blog that names none of
/// these ("Austria welcomes the choice of theme") is about something else, however much of the
/// text is about the dispute.
pub(super) fn tied_to_dispute(
    k: &Knowledge,
    doc: &Doc<'_>,
    s: usize,
    d: usize,
    holders: &[usize],
) -> bool {
    let fact = &doc.disputes[d];
    let party = |a: usize| {
        let a = doc.holder_of(a).unwrap_or(a);
        match fact.known {
            Some(i) => doc.actors[a].known.is_some_and(|known| {
                k.disputes[i]
                    .parties
                    .iter()
                    .any(|p| k.actor(p) == Some(known))
            }),
            None => fact.parties.iter().any(|n| *n == doc.actor_name(a)),
        }
    };
    // "supports peaceful means to resolve maritime disputes": a sentence that speaks of
    // disputes speaks of this one.
    let disputes = doc.sentences[s].tokens.clone().any(|t| {
        doc.tok_in_lex(t, Lex::DisputeWord)
            || doc
                .lexicon
                .is(Lex::DisputeWord, doc.tok(t).trim_end_matches('s'))
    });
    disputes
        || holders.iter().any(|&h| party(h))
        || doc.sentence_items(s).iter().any(|x| match x.kind {
            ItemKind::DisputeName(i, _) | ItemKind::DisputePart(i) => fact.known == Some(i),
            ItemKind::Actor { actor, .. } => party(actor),
            _ => false,
        })
}

/// How small a share of a text's sentences may name a dispute (its name, parts or parties) for
/// the text to be only loosely about it: one part in this many.
const LOOSE_SHARE: usize = 4;

/// Whether the text names dispute `d` in fewer than one sentence in `LOOSE_SHARE`: a speech or a
/// blog that mentions it in passing, whose other sentences are about other things, unlike a
/// report of the dispute, whose sentences without a name still speak of it.
pub(super) fn loosely_about(k: &Knowledge, doc: &Doc<'_>, d: usize) -> bool {
    // Lines of a heading ("Press Statement", a name, a place, a date) are no sentences of the
    // text: a sentence ends with its punctuation.
    let sentences = (0..doc.sentences.len()).filter(|&s| {
        !doc.sentences[s].headline
            && doc.sentences[s]
                .tokens
                .clone()
                .last()
                .is_some_and(|t| matches!(doc.tok(t), "." | "!" | "?" | "\"" | "”" | "'" | "’"))
    });
    let (mut all, mut tied) = (0, 0);
    for s in sentences {
        all += 1;
        if tied_to_dispute(k, doc, s, d, &[]) {
            tied += 1;
        }
    }
    tied * LOOSE_SHARE < all
}
