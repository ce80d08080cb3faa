//! Who "both parties" are, and who wrote a text with no dominant voice.

use super::*;

/// Whom "both parties" means in sentence `s`: the parties of the dispute the sentence is about
/// when the text names them, else the two states or groups it names last before byte `before`
/// (this sentence, then up to three before it), else the first two this sentence names after
/// it; never those in `except`.
#[must_use]
pub fn parties_of(
    k: &Knowledge,
    doc: &Doc<'_>,
    s: usize,
    before: usize,
    except: &[usize],
) -> Vec<usize> {
    // "Pakistani and Afghan forces exchanged fire, with both sides accusing the other": two
    // parties named in the sentence itself, before the words, are the ones meant, whatever the
    // dispute the sentence was assigned to (which may be wrong, or have other parties).
    let here = named_before(doc, s, s, before, except);
    if here.len() == 2 {
        return here;
    }
    // "The United States welcomes the decision by the Governments of Israel and Lebanon ...
    // This agreement between the two parties was brokered by the United States": a pair named
    // together ("X and Y") in the sentences just before is the one meant, before the parties of
    // the dispute the sentence was assigned to (which may be wrong, or have other parties).
    let together = coordinated_before(doc, s.saturating_sub(COORDINATED_REACH), s, except);
    if together.len() == 2 {
        return together;
    }
    if let Some(d) = doc.sentence_dispute.get(s).copied().flatten() {
        let dispute = &doc.disputes[d];
        let ids: Vec<&str> = match dispute.known {
            Some(known) => k.disputes[known]
                .parties
                .iter()
                .map(String::as_str)
                .collect(),
            None => dispute
                .parties
                .iter()
                .map(|n| n.trim_start_matches("actors/"))
                .collect(),
        };
        let named: Vec<usize> = ids
            .iter()
            .filter_map(|id| doc.actors.iter().position(|a| a.id == *id))
            .filter(|&a| !except.iter().any(|&x| doc.state_of(x) == a))
            .collect();
        if named.len() == 2 {
            return named;
        }
    }
    let out = named_before(doc, s.saturating_sub(3), s, before, except);
    if out.len() == 2 {
        return out;
    }
    // "We urge the sides to avoid escalation along the border between Armenia and Azerbaijan":
    // with no pair named before, the first pair the sentence names after the words (not the
    // last two states of the sentence, which may be a later speaker's: "..., the Argentine
    // foreign ministry said").
    let after = named_after(doc, s, before, except);
    if after.len() == 2 { after } else { Vec::new() }
}

/// The first two distinct states or groups (by state) named in sentence `s` at or after byte
/// `from`, in text order, none of them the state of one in `except`; fewer when it names fewer.
fn named_after(doc: &Doc<'_>, s: usize, from: usize, except: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for it in doc.sentence_items(s).iter().filter(|it| it.start >= from) {
        if let Some(st) = party_named(doc, it, except).filter(|st| !out.contains(st)) {
            out.push(st);
            if out.len() == 2 {
                break;
            }
        }
    }
    out
}

/// The state (or group) item `it` names, when it names one that can be a party and is not the
/// state of one in `except`.
fn party_named(doc: &Doc<'_>, it: &Item, except: &[usize]) -> Option<usize> {
    let ItemKind::Actor { actor, .. } = it.kind else {
        return None;
    };
    let st = doc.state_of(actor);
    (is_party(doc, st) && !except.iter().any(|&x| doc.state_of(x) == st)).then_some(st)
}

/// Whether actor `a` can be a party to a dispute: a state or an armed or political group.
fn is_party(doc: &Doc<'_>, a: usize) -> bool {
    matches!(
        doc.actors[a].kind,
        ActorKind::State | ActorKind::ArmedGroup | ActorKind::PoliticalGroup
    )
}

/// How many sentences before "both parties" a pair named together is looked for.
const COORDINATED_REACH: usize = 2;

/// The last pair of distinct states or groups (by state) named together, as "X and Y", in
/// sentences `from..to` (not `to` itself), latest first; none of them the state of one in
/// `except`. Empty when those sentences name no such pair.
fn coordinated_before(doc: &Doc<'_>, from: usize, to: usize, except: &[usize]) -> Vec<usize> {
    for sentence in (from..to).rev() {
        let items = doc.sentence_items(sentence);
        for (j, b) in items.iter().enumerate().rev() {
            let Some(second) = party_named(doc, b, except) else {
                continue;
            };
            let first = items[..j].iter().rev().find(|a| {
                matches!(a.kind, ItemKind::Actor { .. })
                    && a.tok_end + 1 == b.tok
                    && doc.tok_is_a(a.tok_end, Class::And)
            });
            if let Some(first) = first.and_then(|a| party_named(doc, a, except))
                && first != second
            {
                return vec![second, first];
            }
        }
    }
    Vec::new()
}

/// The last two distinct states or groups (by state) named in sentences `from..=to` before byte
/// `before`, latest first, none of them the state of one in `except`; fewer when the text names
/// fewer.
fn named_before(
    doc: &Doc<'_>,
    from: usize,
    to: usize,
    before: usize,
    except: &[usize],
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for sentence in (from..=to).rev() {
        for it in doc.sentence_items(sentence).iter().rev() {
            if it.start >= before {
                continue;
            }
            if let Some(st) = party_named(doc, it, except).filter(|st| !out.contains(st)) {
                out.push(st);
                if out.len() == 2 {
                    return out;
                }
            }
        }
    }
    out
}

/// The two parties a plural "they" at byte `at` of sentence `s` stands for (`pair_antecedent`),
/// if it is one: events and stances both ask here, so that a "they" names the same pair for an
/// act and for the stance it states ("Kenya and Sudan sent envoys to Addis Ababa. They agreed
/// to reopen the border").
#[must_use]
pub fn pair_they(k: &Knowledge, doc: &Doc<'_>, s: usize, at: usize) -> Option<Vec<usize>> {
    let t = doc.token_at(at);
    let they = doc.tok_is_a(t, Class::SubjectPronoun)
        && doc.tok_is_a(t, Class::ThingPronoun)
        && !doc.tok_is_a(t, Class::NeuterPronoun);
    if !they {
        return None;
    }
    let pair = pair_antecedent(k, doc, s, at);
    if pair.len() != 2 {
        return None;
    }
    // "\"They met with us,\" said a trader": a "they" in the words of someone who speaks for
    // neither side may be anyone; the pair is read only in the narration or in its own words.
    // A reported clause whose speaker is no actor ("a villager said") speaks for neither.
    if let Some(c) = crate::attribution::clause_at(&doc.clauses, s, at)
        && c.cue.is_some()
        && c.speaker.is_none_or(|sp| !pair.contains(&doc.state_of(sp)))
    {
        return None;
    }
    Some(pair)
}

/// How many sentences before a plural subject pronoun its antecedent is looked for.
const ANTECEDENT_REACH: usize = 3;

/// The two parties the plural subject pronoun ("they") at byte `at` of sentence `s` stands
/// for, when the nearest plural subject of an active verb before it (in its sentence, then up
/// to three before, and three before each "they" passed over, which stands for the same; singular
/// subjects are passed over too: "He says they agreed")
/// names a pair: a pair phrase ("But the two sides ... say they are working to ease any strain.
/// They met on the island on Monday": the pair `parties_of` gives the phrase) or two states or
/// groups coordinated ("Kenya and Sudan sent envoys. They met ..."). Empty when that subject
/// names anything else (a group of people, three states, "we") or no plural subject is found.
#[must_use]
fn pair_antecedent(k: &Knowledge, doc: &Doc<'_>, s: usize, at: usize) -> Vec<usize> {
    let p = &doc.parse;
    // The search reaches back from the last "they" passed over: each stands for the same pair.
    let mut first = s.saturating_sub(ANTECEDENT_REACH);
    let mut sentence = s + 1;
    while sentence > first {
        sentence -= 1;
        let Some(parsed) = p.sentence(sentence) else {
            continue;
        };
        for index in (0..parsed.tokens.len()).rev() {
            let w = Word { sentence, index };
            let Some(t) = p.token(w) else { continue };
            if t.start >= at {
                continue;
            }
            // "Police fired tear gas at hundreds of protesters. They accused ...": people who
            // act for no state, named in any role, may be who "they" are; no pair is read past
            // them.
            if matches!(t.xpos.as_str(), "NNS" | "NNPS")
                && doc
                    .lexicon
                    .is(Lex::PrivateGroup, &t.text.to_ascii_lowercase())
            {
                return Vec::new();
            }
            if t.deprel != "nsubj" {
                continue;
            }
            let lemma = t.lemma.to_ascii_lowercase();
            let i = doc.token_at(t.start);
            if t.upos == "PRON" {
                // "they" again: its own antecedent is further back; "he", "it": singular.
                if doc.tok_is_a(i, Class::FirstPerson) {
                    return Vec::new();
                }
                if doc.tok_is_a(i, Class::ThingPronoun) && !doc.tok_is_a(i, Class::NeuterPronoun) {
                    first = first.min(sentence.saturating_sub(ANTECEDENT_REACH));
                }
                continue;
            }
            if map_actor(doc, sentence, t.start).is_none() && parties(p, w, &lemma) {
                return parties_of(k, doc, sentence, t.start, &[]);
            }
            let conjuncts = p.conjuncts(w);
            let plural = conjuncts.len() > 1 || matches!(t.xpos.as_str(), "NNS" | "NNPS");
            if !plural {
                // "The Togolese foreign ministry said that they had arrested ...": a body of one
                // side may be who "they" are, so no pair is read past it; a person is passed
                // over ("He says they agreed").
                let body = map_actor(doc, sentence, t.start)
                    .is_some_and(|a| doc.actors[a].kind != ActorKind::Person);
                if body {
                    return Vec::new();
                }
                continue;
            }
            // "Russia, China and Iran held drills": the parser may split a list into two
            // subjects of the verb; the list is no pair.
            let subjects = p.head(w).map_or(0, |h| {
                p.dependents(h).filter(|d| p.has_rel(*d, "nsubj")).count()
            });
            if subjects > 1 {
                return Vec::new();
            }
            let mut pair: Vec<usize> = Vec::new();
            for c in conjuncts {
                let named = p.token(c).and_then(|ct| {
                    doc.sentence_items(sentence)
                        .iter()
                        .find(|it| it.start <= ct.start && ct.start < it.end)
                        .and_then(|it| party_named(doc, it, &[]))
                });
                match named {
                    Some(st) if !pair.contains(&st) => pair.push(st),
                    Some(_) => {}
                    None => return Vec::new(),
                }
            }
            return if pair.len() == 2 { pair } else { Vec::new() };
        }
    }
    Vec::new()
}

/// The actor an item of sentence `s` names at byte `at`, if any.
fn map_actor(doc: &Doc<'_>, s: usize, at: usize) -> Option<usize> {
    doc.sentence_items(s).iter().find_map(|it| match it.kind {
        ItemKind::Actor { actor, .. } if it.start <= at && at < it.end => Some(actor),
        _ => None,
    })
}

/// How many of a text's first sentences (header lines not counted) may name its author.
const AUTHOR_REACH: usize = 6;

/// Who "we" is in a text with no speaker for it: the state of the official who signs it in its
/// header lines ("Press Statement", "Michael R. Pompeo", "Secretary of State"), else the first
/// state or organization that is the subject of a clause (a statement's "The United States
/// welcomes ...") in its first sentences, or the state of the first official who is one
/// ("President Clinton welcomes ..."). A signed statement may open with another state as a
/// subject ("the urgency of Pakistan taking meaningful action"): the signature says whose voice
/// "I" and "we" are.
#[must_use]
pub fn author(doc: &Doc<'_>) -> Option<usize> {
    if let Some(state) = crate::stances::signatory(doc) {
        return Some(state);
    }
    let p = &doc.parse;
    // Nor is the headline the author's voice ("Russia Expels 60 U.S. Diplomats").
    let full = (0..doc.sentences.len())
        .filter(|&s| doc.sentences[s].tokens.len() > 5 && !doc.sentences[s].headline);
    for s in full.take(AUTHOR_REACH) {
        for it in doc.sentence_items(s) {
            let ItemKind::Actor {
                actor,
                adjectival: false,
                possessive: false,
                ..
            } = it.kind
            else {
                continue;
            };
            // An official who opens a statement ("President Clinton welcomes ...") speaks for
            // the state his title gives him; a person of no known state, or an outlet, is no
            // voice for "we".
            if !doc.takes_part(actor) {
                continue;
            }
            let voice = match doc.actors[actor].kind {
                ActorKind::Person => match doc.actors[actor].affiliation {
                    Some(state) if doc.actors[state].kind == ActorKind::State => state,
                    _ => continue,
                },
                _ => actor,
            };
            let words = p.words_in(it.start, it.end);
            if p.head_of(&words).is_some_and(|h| p.has_rel(h, "nsubj")) {
                return Some(voice);
            }
        }
    }
    None
}
