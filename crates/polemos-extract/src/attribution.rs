//! Attribution stage: who said what. Splits each sentence into clauses at reporting cues
//! ("X said", "according to X", "X expressed hope that", a trailing ", the station emphasized")
//! and records each clause's speaker and the outlet that reported it. Outlets cited as sources
//! become `reported_by`, never speakers or parties.

use super::ir::{Doc, Item, ItemKind, Meets};
use super::knowledge::Cue;
use super::lang::Class;
use super::lexicon::Lex;
use super::output::{Clause, Speech};
use super::syntax::{Subject, subject_before};
use super::tree::Word;
use polemos_core::model::ActorKind;

/// The score of an attribution: one figure for every cue, not calibrated like the other facts'
/// confidences (`calibration`) because the evaluation gold records no speakers to fit it on
/// (docs/evaluation.md). Calibrating it needs gold attributions first.
const CONFIDENCE: f64 = 0.8;

fn is_quote(w: &str) -> bool {
    matches!(w, "\"" | "\u{201c}" | "\u{201d}")
}

/// Resolves a subject to actors using the clause speaker and the discourse so far: the one
/// answer every stage gets to "whom does this pronoun stand for". A group's subject pronoun
/// ("they", "it") is the group its sentence names before it (`group_antecedent`), else the
/// speaker if a group speaks, else, for an "it" or a "they" of unowned officials that no actor
/// precedes in its sentence (for a "they", not even as an adjective), what the subject of the
/// sentence before names (`previous_subject`; for an "it" that denies or rejects, whom that
/// sentence's act was aimed at: `answered_party`) unless its sentence names that state after
/// it, else the group the discourse named last; a person's pronoun, or a
/// group's pronoun that is no subject ("its embassy", "could not support it"), is the speaker
/// if one of its kind speaks, else the last of its kind the discourse named. `Some` of no
/// actors: the pronoun stands for people who act for no state ("Chinese protesters ..., and
/// they condemned ..."), so no one acts or holds, and the caller looks for no one else.
#[must_use]
pub fn resolve(
    doc: &Doc<'_>,
    subject: &Subject,
    speaker: Option<usize>,
    sentence: usize,
) -> Option<Vec<usize>> {
    match subject {
        Subject::Actors(a, _) => Some(a.clone()),
        Subject::Pronoun(person, at) => {
            if !*person && let Some(pronoun) = group_subject_pronoun(doc, sentence, *at) {
                match group_antecedent(doc, sentence, pronoun) {
                    Some(Some(a)) => return Some(vec![a]),
                    Some(None) => return Some(Vec::new()),
                    None => {}
                }
            }
            let is_person = |a: usize| doc.actors[a].kind == ActorKind::Person;
            // "The former U.S. ambassador, Ronald Neumann, was in Pakistan, and he stressed
            // ...": a person the pronoun's own sentence makes a subject before it is who "he" is.
            if *person
                && let Some(t) = *at
                && let Some(a) = person_subject_before(doc, sentence, t)
            {
                return Some(vec![a]);
            }
            if let Some(sp) = speaker.filter(|&sp| is_person(sp) == *person) {
                return Some(vec![sp]);
            }
            if !*person
                && let Some(t) = group_subject_pronoun(doc, sentence, *at)
                && !named_before(doc, sentence, t, false)
                && (doc.tok_is_a(t, Class::NeuterPronoun)
                    || (!named_before(doc, sentence, t, true)
                        && unowned_agent_before(doc, sentence, t)))
            {
                // "The ministry said the ruling undermines WTO rules. It also said it will
                // ...": an "it" that opens its sentence continues the subject of the sentence
                // before, not the last group named there; and never the other party it acts
                // upon ("It accused China", China named before). So do officials no actor owns
                // ("Indonesia has detained ... ships from Vietnam. Officials said they seized
                // ...": Indonesia's). An "it" that denies or rejects answers the act of the
                // sentence before, so it is whom that act was aimed at (`answered_party`). A
                // clash with the other party named after it leaves the discourse to judge.
                let found = if answers(doc, t) {
                    answered_party(doc, sentence)
                } else {
                    previous_subject(doc, sentence, SUBJECT_CHAIN)
                };
                match found {
                    Some(Some(a)) if !named_after(doc, sentence, t, a) => return Some(vec![a]),
                    Some(None) => return Some(Vec::new()),
                    _ => {}
                }
            }
            let (last_person, last_group) =
                doc.discourse.get(sentence).copied().unwrap_or_default();
            // "Megrahi was jailed for life. He returned to Libya ...": a person's pronoun after
            // a name no actor holds stands for that one, who acts for no state.
            if *person
                && let Some(t) = *at
                && let Some(a) = last_person
                && unknown_person_after(doc, sentence, t, a)
            {
                return Some(Vec::new());
            }
            if *person { last_person } else { last_group }.map(|a| vec![a])
        }
        Subject::None => None,
    }
}

/// How many sentences before a person's pronoun [`unknown_person_after`] reads.
const UNKNOWN_PERSON_REACH: usize = 2;

/// Whether, after the last mention of the person actor `a` and before token `t` of sentence
/// `s` (within `UNKNOWN_PERSON_REACH` sentences), the parse makes a proper noun that no actor
/// covers (and no month or weekday) a subject or an owner ("Megrahi was jailed", "Megrahi's
/// picture"): someone the text names but knows as no actor, whom a pronoun after it is more
/// likely to stand for. Only a name the person reader would take for a person's
/// (`person_like`): "Istanbul hosted", "Toyota's profits", "Ramadan began" name none.
fn unknown_person_after(doc: &Doc<'_>, s: usize, t: usize, a: usize) -> bool {
    let Some(at) = doc.tokens.get(t).map(|x| x.start) else {
        return false;
    };
    let first = s.saturating_sub(UNKNOWN_PERSON_REACH);
    // Where `a` was named last, from `first` on (its end), else the start of `first`.
    let mut from = doc.sentences.get(first).map_or(0, |x| x.start);
    for r in first..=s {
        for x in doc.sentence_items(r) {
            if x.end <= at && matches!(x.kind, ItemKind::Actor { actor, .. } if actor == a) {
                from = from.max(x.end);
            }
        }
    }
    // "November's election", "Tuesday's talks": a date, not a person.
    let calendar = |w: &str| doc.lang.month(w).is_some() || doc.lang.weekday(w).is_some();
    let p = &doc.parse;
    (first..=s).any(|r| {
        let sentence = &doc.sentences[r];
        if sentence.headline || sentence.end <= from {
            return false;
        }
        p.words_in(sentence.start, sentence.end)
            .into_iter()
            .any(|w| {
                p.token(w).is_some_and(|tok| {
                    tok.start >= from
                        && tok.end <= at
                        && tok.upos == "PROPN"
                        && (p.rel(w) == "nsubj" || tok.deprel == "nmod:poss")
                        && !doc.actor_meets(tok.start, tok.end, Meets::Overlaps)
                        && !calendar(&tok.text.to_ascii_lowercase())
                        && person_like(doc, r, doc.token_at(tok.start))
                })
            })
    })
}

/// Whether the name word at token `i` of sentence `s` reads as a person's: part of a name of
/// two or more name words ("Nguyen Van Minh was detained"), a name after a courtesy title
/// ("Mr. Sato"), or a single word the text wrote before as the last word of a longer name
/// ("Abdel Baset al-Megrahi ... Megrahi was jailed"). A lone capitalised word ("Istanbul
/// hosted", "Toyota's profits", "Ramadan began", "Aliyev has refused") may be a place, a company,
/// a holiday or a known actor's bare surname: no person the text introduces.
fn person_like(doc: &Doc<'_>, s: usize, i: usize) -> bool {
    use super::person_names::{
        after_honorific, is_name_word, name_words, scan_name, scan_name_back,
    };
    let Some(sentence) = doc.sentences.get(s) else {
        return false;
    };
    let (floor, limit) = (sentence.tokens.start, sentence.tokens.end);
    if i < floor || i >= limit {
        return false;
    }
    let start = scan_name_back(doc, i + 1, floor, false);
    let end = scan_name(doc, start, limit, false);
    if (start <= i && end > i && name_words(doc, start, end) >= 2)
        || after_honorific(doc, start, i + 1, floor).is_some()
    {
        return true;
    }
    let word = doc.tok(i);
    (0..floor).any(|j| {
        if doc.tok(j) != word {
            return false;
        }
        // "al-Megrahi": the name word before the hyphenated part.
        let k = if j >= 2 && doc.tok(j - 1) == "-" {
            j - 2
        } else {
            j
        };
        // A capitalised first word of a sentence may be no name ("Then Megrahi ...").
        k > 0
            && is_name_word(doc, k - 1, false)
            && doc
                .sentence_of(j)
                .and_then(|x| doc.sentences.get(x))
                .is_some_and(|x| x.tokens.start < k - 1)
    })
}

/// How many sentences back a neuter subject pronoun's antecedent is followed through the
/// subjects that are themselves such pronouns ("The ministry said ... It added ... It also
/// said ...").
const SUBJECT_CHAIN: usize = 2;

/// Whether sentence `s` names an actor before token `t`, in full, or also as an adjective
/// when `adjectives` ("Officials said Turkish jets struck a village after they attacked ..."
/// makes "they" the jets, not the officials' state).
fn named_before(doc: &Doc<'_>, s: usize, t: usize, adjectives: bool) -> bool {
    doc.sentence_items(s).iter().any(|x| {
        x.tok_end <= t
            && matches!(x.kind, ItemKind::Actor { adjectival, .. } if adjectives || !adjectival)
    })
}

/// Whether the pronoun at token `t` is the subject of a verb that answers an act
/// aimed at it (lexicon `answering_verb`: "It denied the charge", "It rejected the demand").
fn answers(doc: &Doc<'_>, t: usize) -> bool {
    let p = &doc.parse;
    doc.tokens
        .get(t)
        .and_then(|tok| p.word_at(tok.start))
        .and_then(|w| p.head(w))
        .and_then(|h| p.token(h))
        .is_some_and(|h| {
            doc.lexicon
                .is(Lex::AnsweringVerb, &h.lemma.to_ascii_lowercase())
        })
}

/// Whom the act of the sentence before sentence `s` was aimed at, for an "it" that answers it
/// (`answers`): a passive subject is that one already ("Pakistan was accused by India ... It
/// denied"); else the state or body that is itself the object of the main subject's verb ("The
/// United States accused China of hacking"), or the subject of a demand's clause ("demanded
/// that Tehran release the sailors"), when that verb is not negated. Anything else ("Iran
/// rejected the U.S. proposal. It also dismissed ...": the proposal is no party; "Egypt did not
/// accuse Ethiopia") continues the subject, as any opening "it" does (`previous_subject`).
fn answered_party(doc: &Doc<'_>, s: usize) -> Option<Option<usize>> {
    let r = s.checked_sub(1)?;
    if doc.sentences[r].headline {
        return None;
    }
    let p = &doc.parse;
    let subject = main_subject(doc, r)?;
    let continued = || previous_subject(doc, s, SUBJECT_CHAIN);
    if p.has_rel(subject, "nsubj:pass") {
        return continued();
    }
    let Some(verb) = p.head(subject).filter(|&v| !p.negated(v)) else {
        return continued();
    };
    // The actor whose own mention word `d` heads (not "U.S." of "the U.S. proposal").
    let party = |d: Word| {
        doc.sentence_items(r).iter().find_map(|x| match x.kind {
            ItemKind::Actor {
                actor,
                adjectival: false,
                possessive: false,
                ..
            } if p.head_of(&p.words_in(x.start, x.end)) == Some(d) => Some(actor),
            _ => None,
        })
    };
    let demanding = p.token(verb).is_some_and(|t| {
        doc.lexicon
            .is(Lex::DemandingVerb, &t.text.to_ascii_lowercase())
    });
    // "told Beijing to stop": the parse makes the one told an indirect object as often.
    let asked = p
        .dependents(verb)
        .filter(|&d| p.has_rel(d, "obj") || p.has_rel(d, "iobj"))
        .chain(
            p.dependents(verb)
                .filter(|&d| demanding && p.has_rel(d, "ccomp"))
                .filter_map(|c| p.dependent(c, "nsubj")),
        )
        .find_map(party);
    match asked {
        Some(a) => as_group(doc, a),
        None => continued(),
    }
}

/// What "it" makes of actor `a` standing as a subject: a state or body is itself; an outlet
/// speaks for no state; a person's "it" is no person, so `None` (the discourse judges).
fn as_group(doc: &Doc<'_>, a: usize) -> Option<Option<usize>> {
    match doc.actors[a].kind {
        ActorKind::Person => None,
        ActorKind::MediaOutlet => Some(None),
        _ => Some(Some(a)),
    }
}

/// The main subject of sentence `r`: the subject nearest the root, or, where a quotation opens
/// the sentence and its speaker follows the verb of saying ("\"...,\" said the Russian foreign
/// ministry."), that speaker, not the quotation's own subject.
fn main_subject(doc: &Doc<'_>, r: usize) -> Option<Word> {
    let p = &doc.parse;
    let parsed = p.sentence(r)?;
    let depth = |w: Word| {
        let mut d = 0usize;
        let mut x = w;
        while let Some(h) = p.head(x) {
            d += 1;
            x = h;
            if d > parsed.tokens.len() {
                break;
            }
        }
        d
    };
    let reports = |h: Word| {
        p.token(h).is_some_and(|tok| {
            doc.sentence_items(r).iter().any(|x| {
                matches!(x.kind, ItemKind::Cue(Cue::Report))
                    && x.start <= tok.start
                    && tok.start < x.end
            })
        })
    };
    // The verb of an inverted attribution follows the quotation's closing punctuation, and the
    // parse may make its speaker a subject or an object.
    let after_quote = |h: Word| {
        h.index > 0
            && p.token(Word {
                sentence: r,
                index: h.index - 1,
            })
            .is_some_and(|x| x.upos == "PUNCT")
    };
    let words = (0..parsed.tokens.len()).map(|index| Word { sentence: r, index });
    let inverted = words
        .clone()
        .filter(|&w| p.has_rel(w, "nsubj") || p.has_rel(w, "obj"))
        .filter(|&w| {
            p.head(w)
                .is_some_and(|h| h.index < w.index && after_quote(h) && reports(h))
        })
        .min_by_key(|&w| depth(w));
    inverted.or_else(|| {
        words
            .filter(|&w| p.has_rel(w, "nsubj"))
            .min_by_key(|&w| depth(w))
    })
}

/// Whether sentence `s` names actor `a` (or one acting for the same state) after token `t`:
/// the other party of the pronoun's clause, never the pronoun itself.
fn named_after(doc: &Doc<'_>, s: usize, t: usize, a: usize) -> bool {
    let st = doc.state_of(a);
    doc.sentence_items(s).iter().any(|x| {
        x.tok > t && matches!(x.kind, ItemKind::Actor { actor, .. } if doc.state_of(actor) == st)
    })
}

/// Whether sentence `s` makes a noun of agents that names no actor ("officials",
/// "authorities"; lexicon `agent_noun`) a subject before token `t`: "On Sunday, officials said
/// they seized 22 vessels" speaks of the officials of the state the sentence before was about.
fn unowned_agent_before(doc: &Doc<'_>, s: usize, t: usize) -> bool {
    let p = &doc.parse;
    let Some(at) = doc.tokens.get(t).map(|x| x.start) else {
        return false;
    };
    let Some(parsed) = p.sentence(s) else {
        return false;
    };
    (0..parsed.tokens.len())
        .map(|index| Word { sentence: s, index })
        .filter(|&w| p.token(w).is_some_and(|x| x.start < at))
        .any(|w| {
            p.has_rel(w, "nsubj")
                && p.token(w).is_some_and(|x| {
                    doc.lexicon
                        .is(Lex::AgentNoun, &x.lemma.to_ascii_lowercase())
                })
                && !p
                    .dependents(w)
                    .any(|d| matches!(p.rel(d), "nmod" | "amod" | "compound"))
        })
}

/// What a group's subject pronoun that opens its sentence `s` (an "it", or a "they" of unowned
/// officials: `unowned_agent_before`) continues: the main subject of the sentence before
/// (`main_subject`). `Some(Some(a))` when that subject is state or body `a` (or another "it"
/// standing for one, followed back up to `chain` sentences, or a noun of an agent or a text its
/// owner speaks through: "Officials in Seoul", "A statement from the Chinese embassy");
/// `Some(None)` when it is a pair or a thing that speaks for no state ("The ship was seized. It
/// carried ...", "The resolution ..."), which "it" may stand for as well, so that no state is
/// guessed; `None` when the sentence before has no subject to read, or one the discourse reads
/// better (a person, an agent or an institution no actor names).
fn previous_subject(doc: &Doc<'_>, s: usize, chain: usize) -> Option<Option<usize>> {
    let r = s.checked_sub(1)?;
    if doc.sentences[r].headline {
        return None;
    }
    let p = &doc.parse;
    let subject = main_subject(doc, r)?;
    let token = p.token(subject)?;
    let t = doc.token_at(token.start);
    if token.upos == "PRON" {
        if chain == 0 || !doc.tok_is_a(t, Class::NeuterPronoun) {
            return Some(None);
        }
        return match group_antecedent(doc, r, t) {
            Some(found) => Some(found),
            None if named_before(doc, r, t, false) => Some(None),
            None => previous_subject(doc, r, chain - 1).or(Some(None)),
        };
    }
    if p.dependents(subject).any(|d| p.has_rel(d, "conj")) {
        return Some(None);
    }
    if let Some(a) = mention_headed_by(doc, r, subject) {
        return as_group(doc, a);
    }
    // "The office of the U.S. Trade Representative said ...", "Officials in Seoul said ...", "A
    // statement issued by the Iranian foreign ministry said ...": a noun of an agent, or of a
    // text, speaks for the group that owns it; an agent with no owner named is a body the text
    // named before, which "it" may continue as the discourse does; a text with none ("The
    // resolution was drafted by ...") speaks for no state.
    let lemma = token.lemma.to_ascii_lowercase();
    let agent = doc.lexicon.is(Lex::AgentNoun, &lemma);
    if agent
        || ((doc.lexicon.is(Lex::TextNoun, &lemma) || doc.lexicon.is(Lex::DocumentNoun, &lemma))
            && !doc.lexicon.is(Lex::VotedText, &lemma))
    {
        let owner = p
            .dependents(subject)
            .filter(|d| p.has_rel(*d, "nmod"))
            .chain(
                p.dependents(subject)
                    .filter(|d| p.has_rel(*d, "acl"))
                    .flat_map(|d| p.dependents(d).filter(|x| p.has_rel(*x, "obl"))),
            )
            .find_map(|d| mention_headed_by(doc, r, d));
        return match owner {
            Some(a) => as_group(doc, a),
            None if agent => None,
            None => Some(None),
        };
    }
    // "The European Commission said ...": an institution a state's adjective names is that
    // state's body; one no actor names is a body the text named before, as for an agent.
    if doc.tok_in_lex(t, Lex::InstitutionWord) {
        return mention_on(doc, r, subject, true).and_then(|a| as_group(doc, a));
    }
    Some(None)
}

/// The actor of sentence `s` named in full (not as an adjective or an owner) by the phrase whose
/// head is word `w`: the mention's own head, or the noun it modifies ("U.S." of "the U.S.
/// report").
fn mention_headed_by(doc: &Doc<'_>, s: usize, w: Word) -> Option<usize> {
    mention_on(doc, s, w, false)
}

/// The actor of sentence `s` that a mention on the phrase headed by word `w` names: in full
/// (`adjectival` false, as `mention_headed_by`) or as an adjective ("European" of "The European
/// Commission"); never as an owner.
fn mention_on(doc: &Doc<'_>, s: usize, w: Word, adjectival: bool) -> Option<usize> {
    let p = &doc.parse;
    doc.sentence_items(s).iter().find_map(|x| {
        let ItemKind::Actor {
            actor,
            adjectival: adj,
            possessive: false,
            ..
        } = x.kind
        else {
            return None;
        };
        if adj != adjectival {
            return None;
        }
        let mut h = p.head_of(&p.words_in(x.start, x.end));
        while let Some(m) = h.filter(|&m| matches!(p.rel(m), "amod" | "compound" | "flat")) {
            h = p.head(m);
        }
        (h == Some(w)).then_some(actor)
    })
}

/// The person named before token `pronoun` in sentence `s` whose noun the parse makes a
/// subject (through an apposition: "The former U.S. ambassador to Afghanistan, Ronald Neumann,
/// was ..."), the nearest first.
fn person_subject_before(doc: &Doc<'_>, s: usize, pronoun: usize) -> Option<usize> {
    // Only a sentence that names a person before the pronoun is parsed to ask (parse gates).
    let named = doc.sentence_items(s).iter().any(|x| {
        matches!(x.kind, ItemKind::Actor { actor, .. }
            if x.tok_end <= pronoun && doc.actors[actor].kind == ActorKind::Person)
    });
    if !named {
        return None;
    }
    let p = &doc.parse;
    let is_subject = |start: usize, end: usize| {
        let mut w = p.head_of(&p.words_in(start, end));
        while let Some(h) =
            w.filter(|&h| matches!(p.rel(h), "amod" | "compound" | "flat" | "appos"))
        {
            w = p.head(h);
        }
        w.is_some_and(|h| p.rel(h).starts_with("nsubj"))
    };
    doc.person_named_before(s, pronoun, |_, x| is_subject(x.start, x.end))
}

/// The token of a group's subject pronoun ("they", "it"): `at` if it is one that the parse
/// does not make an object, an oblique or an expletive ("could not support it", "it is clear
/// that"), and that does not report what stands before it; where the caller does not know the
/// token, the sentence's first such pronoun.
fn group_subject_pronoun(doc: &Doc<'_>, s: usize, at: Option<usize>) -> Option<usize> {
    let group_subject =
        |t: usize| doc.tok_is_a(t, Class::SubjectPronoun) && !doc.tok_is_a(t, Class::PersonPronoun);
    let Some(t) = at else {
        return doc.sentences[s].tokens.clone().find(|&t| group_subject(t));
    };
    let p = &doc.parse;
    let object = doc
        .tokens
        .get(t)
        .and_then(|tok| p.word_at(tok.start))
        .is_some_and(|w| {
            let rel = p.rel(w);
            ["obj", "iobj", "obl", "nmod", "expl"]
                .iter()
                .any(|r| rel == *r || rel.strip_prefix(r).is_some_and(|t| t.starts_with(':')))
        });
    (group_subject(t) && !object && !reports_what_precedes(doc, s, t)).then_some(t)
}

/// Whether the pronoun at token `t` of sentence `s` reports what stands before it: after a comma
/// or a closing quotation mark, right before a verb of reporting ("China must stop its
/// provocations, it said"). The subject of the report is what is reported on, not who reports,
/// so the pronoun is the speaker or the discourse's group, as any other.
fn reports_what_precedes(doc: &Doc<'_>, s: usize, t: usize) -> bool {
    t > doc.sentences[s].tokens.start
        && matches!(doc.tok(t - 1), "," | "\"" | "\u{201d}" | "'" | "\u{2019}")
        && doc.sentence_items(s).iter().any(|x| {
            matches!(x.kind, ItemKind::Cue(Cue::Report | Cue::Hope)) && x.tok > t && x.tok <= t + 2
        })
}

/// The group the pronoun of a group at token `pronoun` of sentence `s` stands for, among the
/// mentions before it in its sentence: the nearest that the parse makes a subject; else, when
/// the nearest is people who do not act for the state, those people ("Police detained Chinese
/// demonstrators as they protested"). Each pronoun is judged by what stands before it: in
/// "When they were arrested, Chinese protesters gathered, and they condemned ...", the second
/// "they" is the protesters and the first names no group of its sentence. `Some(Some(a))` is a
/// state or body, `Some(None)` people a demonym names with a noun of people who do not act for
/// the state (the lexicon's `private_group`: "Chinese demonstrators"), `None` no group named.
fn group_antecedent(doc: &Doc<'_>, s: usize, pronoun: usize) -> Option<Option<usize>> {
    let p = &doc.parse;
    // The noun a mention stands for in the parse: "officials" of "Japanese officials".
    let is_subject = |start: usize, end: usize| {
        let mut w = p.head_of(&p.words_in(start, end));
        while let Some(h) = w.filter(|&h| matches!(p.rel(h), "amod" | "compound" | "flat")) {
            w = p.head(h);
        }
        w.is_some_and(|h| p.rel(h).starts_with("nsubj"))
    };
    let mut nearest = None;
    for x in doc.sentence_items(s).iter().rev() {
        if x.tok_end > pronoun {
            continue;
        }
        let ItemKind::Actor {
            actor,
            adjectival,
            possessive: false,
            ..
        } = x.kind
        else {
            continue;
        };
        let found = if adjectival {
            if !doc.tok_in_lex(x.tok_end, Lex::PrivateGroup) {
                continue;
            }
            let Some(noun) = doc.tokens.get(x.tok_end) else {
                continue;
            };
            (None, is_subject(noun.start, noun.end))
        } else if matches!(
            doc.actors[actor].kind,
            ActorKind::Person | ActorKind::MediaOutlet
        ) {
            continue;
        } else {
            (Some(actor), is_subject(x.start, x.end))
        };
        if found.1 {
            return Some(found.0);
        }
        nearest = nearest.or(Some(found.0));
    }
    nearest.filter(Option::is_none)
}

/// The person and the group each sentence's pronouns may stand for: the last named before it.
/// A headline's person is not one: the body names again whom it speaks of, and a by-line's
/// author ("Statement by Spokesperson Heather Nauert: ...") wrote the text, so the body's "he"
/// is someone else.
fn discourse(doc: &mut Doc<'_>) {
    let mut person = None;
    let mut group = None;
    for s in 0..doc.sentences.len() {
        doc.discourse.push((person, group));
        let headline = doc.sentences[s].headline;
        for it in doc.sentence_items(s) {
            if let ItemKind::Actor {
                actor,
                adjectival: false,
                ..
            } = it.kind
            {
                match doc.actors[actor].kind {
                    ActorKind::Person if headline => {}
                    ActorKind::Person => person = Some(actor),
                    ActorKind::MediaOutlet => {}
                    _ => group = Some(actor),
                }
            }
        }
    }
}

fn speaker_after(items: &[Item], at: usize) -> Option<usize> {
    items[at + 1..].iter().take(4).find_map(|it| match it.kind {
        ItemKind::Actor { actor, .. } => Some(actor),
        _ => None,
    })
}

/// The speaker named after the reporting verb of item `at`, in the inverted order of a quotation's
/// tail ("..., said Foreign Minister Sergei Lavrov.", "\"...,\" said KCNA on Friday."), and the
/// comma that ends what was said. The verb follows that comma (and its closing quote); the speaker
/// is the last of the actors right after it ("Russia's Foreign Minister Sergei Lavrov" is
/// Lavrov's words), and only a short tail of time or place may follow it, not another clause.
fn inverted_speaker(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    sentence: &super::ir::Sentence,
) -> Option<(usize, usize)> {
    let cue = &items[at];
    let mut before = cue.tok;
    if before > sentence.tokens.start && is_quote(doc.tok(before - 1)) {
        before -= 1;
    }
    if before <= sentence.tokens.start || !matches!(doc.tok(before - 1), "," | "?" | "!") {
        return None;
    }
    let mut speaker = None;
    let mut end = agent_of_after(doc, cue.tok_end);
    let from = end;
    for it in items[at + 1..].iter().skip_while(|it| it.tok < from) {
        let ItemKind::Actor { actor, .. } = it.kind else {
            break;
        };
        let gap = it.tok.saturating_sub(end);
        if gap > 1 || (gap == 1 && !doc.tok_is_a(end, Class::DefiniteArticle)) {
            break;
        }
        speaker = Some(actor);
        end = it.tok_end.max(end);
        // "Russia's Foreign Minister": a possessive between the actors.
        if super::mentions::only_possessive(doc, end, end + 2) {
            end += 2;
        }
    }
    let speaker = speaker?;
    // "Russia, said Japan's foreign minister, had violated ...": the speaker's words go on
    // after a second comma; the whole sentence is what was said.
    if continues_after(doc, end, sentence) {
        return Some((speaker, sentence.tokens.end));
    }
    // A comma after the speaker may open another clause ("..., said X, but Russia refused"),
    // which the speaker did not say: only the sentence's end or a time or place may follow.
    let tail = end >= sentence.tokens.end
        || (sentence.tokens.end - end <= 8
            && items.iter().filter(|x| x.tok >= end).all(|x| {
                matches!(
                    x.kind,
                    ItemKind::Date(_) | ItemKind::Location | ItemKind::Venue(_)
                )
            }));
    (tail || apposed_tail(doc, end, sentence)).then_some((speaker, before - 1))
}

/// Whether the sentence ends, from the comma at `at`, with an apposition that says who the
/// speaker is ("..., said Jens Olsen, an adviser at the Norwegian foreign ministry."): a noun
/// phrase with no verb of its own, so no other clause the speaker did not say.
fn apposed_tail(doc: &Doc<'_>, at: usize, sentence: &super::ir::Sentence) -> bool {
    at + 1 < sentence.tokens.end
        && doc.tok(at) == ","
        && !doc.tok_is_a(at + 1, Class::Coordinator)
        && (at + 1..sentence.tokens.end).all(|t| !matches!(doc.tok_upos(t), "VERB" | "AUX"))
}

/// Where the speaker after a reporting verb starts when an agent noun speaks for it: "...,\" said
/// the office of Somalia's prime minister", "said a spokesman for the ministry" name the actor
/// after "of" or "for" (an article may open both). `at` itself when no such noun opens there.
fn agent_of_after(doc: &Doc<'_>, at: usize) -> usize {
    let article = |t: usize| {
        doc.tok_is_a(t, Class::DefiniteArticle) || doc.tok_is_a(t, Class::IndefiniteArticle)
    };
    let mut t = at;
    if article(t) {
        t += 1;
    }
    if !doc.tok_in_lex(t, Lex::AgentNoun) || !doc.tok_in(t + 1, &["of", "for"]) {
        return at;
    }
    t += 2;
    if doc.tok_is_a(t, Class::DefiniteArticle) {
        t += 1;
    }
    t
}

/// Whether a parenthetical reporting clause ends at token `end` and the sentence it interrupts
/// goes on: a comma, then the predicate its subject was waiting for, opening with an auxiliary
/// or a verb ("Russia, Japan's foreign minister said, had violated ..."). Not "..., said X, but
/// Russia refused" nor "..., X said, adding that ...": a conjunction or a participle opens
/// another clause.
fn continues_after(doc: &Doc<'_>, end: usize, sentence: &super::ir::Sentence) -> bool {
    if end + 1 >= sentence.tokens.end || doc.tok(end) != "," {
        return false;
    }
    let next = end + 1;
    let finite = doc.parse.word_at(doc.tokens[next].start).is_some_and(|w| {
        doc.parse.token(w).is_some_and(|t| {
            t.upos == "AUX" || (t.upos == "VERB" && !matches!(t.xpos.as_str(), "VBG" | "VBN"))
        })
    });
    finite || doc.tok_is_a(next, Class::Auxiliary)
}

/// Whether sentence `s`, which names no speaker, goes on with the quotation of the sentence
/// before it: the two are in one paragraph, and `s` opens with a quotation mark or lies inside
/// a quotation the paragraph opened and has not closed (`open`: an odd count of quotation marks
/// in the paragraph before `s`, which `run` keeps as it goes). News sets a speaker's words out
/// so: "'It is a mistake,' said the minister. 'We will not accept it.'" Its "we" is then the
/// speaker's side, not the text's first subject.
fn continues_quotation(doc: &Doc<'_>, s: usize, open: bool) -> bool {
    let Some(before) = s.checked_sub(1) else {
        return false;
    };
    if !doc.same_paragraph(before, s) {
        return false;
    }
    let sentence = &doc.sentences[s];
    let tokens = sentence.tokens.clone();
    if tokens.clone().next().is_some_and(|t| is_quote(doc.tok(t))) {
        return !attributed_after_close(doc, tokens.start + 1..tokens.end);
    }
    open && !attributed_after_close(doc, tokens)
}

/// Whether the open quotation closes within `tokens` (the rest of a sentence) and words follow
/// the closing mark that can say who spoke: they are its own attribution, one the cues missed
/// ("'We reject these lies,' retorted Hikmet Hajiyev."), so the quotation is not the last
/// speaker's. Words led by a conjunction or preposition go on with the narration ("...,' but
/// Moscow has rejected such calls", "...' before the summit") and name no one. Holds the same
/// whether the sentence opens the quotation or goes on with one a sentence before opened.
fn attributed_after_close(doc: &Doc<'_>, tokens: std::ops::Range<usize>) -> bool {
    let end = tokens.end;
    let Some(close) = tokens.clone().find(|&t| is_quote(doc.tok(t))) else {
        return false;
    };
    (close + 1..end)
        .find(|&t| doc.tokens[t].kind == super::ir::TokKind::Word)
        .is_some_and(|t| !matches!(doc.tok_upos(t), "CCONJ" | "SCONJ" | "ADP"))
}

/// Longest speaker label of a transcript, in tokens: "AMBASSADOR LINDA THOMAS-GREENFIELD:" or
/// "FOREIGN MINISTER LAVROV (via interpreter):" split into up to ten.
const LABEL_TOKENS: usize = 10;

/// The colon closing a transcript's speaker label at the start of `tokens` (a sentence's): the
/// label is written in capitals ("SECRETARY BLINKEN", "QUESTION"), with punctuation ("MR.
/// PRICE", "THOMAS-GREENFIELD") and a remark in parentheses in any case ("(via interpreter)").
/// The gazetteer reads the word after it as a sentence's first (`gazetteer::after_speaker_label`).
#[must_use]
pub fn label_colon(doc: &Doc<'_>, tokens: std::ops::Range<usize>) -> Option<usize> {
    let colon = tokens
        .clone()
        .take(LABEL_TOKENS + 1)
        .find(|&t| doc.tok(t) == ":")?;
    let mut depth = 0usize;
    let mut words = 0usize;
    for t in tokens.start..colon {
        let w = doc.tok(t);
        match w {
            "(" => depth += 1,
            ")" => depth = depth.checked_sub(1)?,
            _ if depth > 0 || !w.chars().any(char::is_alphabetic) => {}
            _ if w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) => words += 1,
            _ => return None,
        }
    }
    (words > 0 && depth == 0).then_some(colon)
}

/// The speaker a transcript's label gives sentence `s`: `Some(Some(a))` when the sentence
/// opens with a label naming person or government body `a` ("SECRETARY BLINKEN: Well, ..."),
/// `Some(None)` for a label naming no one known ("QUESTION:", "MODERATOR:") or only a place
/// (a dateline, "NEW DELHI:": the article's writer speaks, not the capital's state), `None`
/// when it opens with no label.
#[must_use]
pub fn label_speaker(doc: &Doc<'_>, s: usize) -> Option<Option<usize>> {
    let colon = label_colon(doc, doc.sentences[s].tokens.clone())?;
    // Only someone who speaks names the speaker: a dateline's capital stands for its state but
    // does not speak the article.
    let named = doc.sentence_items(s).iter().find_map(|x| match x.kind {
        ItemKind::Actor { actor, .. }
            if x.tok_end <= colon
                && matches!(
                    doc.actors[actor].kind,
                    ActorKind::Person | ActorKind::GovernmentBody
                ) =>
        {
            Some(actor)
        }
        _ => None,
    });
    Some(named)
}

/// Whether the reporting cue `it` is a past participle modifying the noun right before it, as
/// the parse shows it: tagged a participle, with no subject or auxiliary of its own ("their
/// decision announced today", "the ceasefire announced on Monday"; not "Greece has announced").
/// The parse is asked only when the words allow it (a one-word cue with a participle's ending
/// after a lower-case word that is no auxiliary: "decision announced", not "Serbia announced",
/// "has announced" or "said"), so that plain sentences stay unparsed.
fn participle_of_noun(doc: &Doc<'_>, it: &Item, floor: usize) -> bool {
    if it.tok_end != it.tok + 1 || it.tok <= floor {
        return false;
    }
    let word = doc.tok(it.tok).to_ascii_lowercase();
    let before = doc.tok(it.tok - 1);
    if !doc.lang.ends_with(Class::ParticipleSuffix, &word)
        || !before.starts_with(|c: char| c.is_ascii_lowercase())
        || doc.tok_is_a(it.tok - 1, Class::Auxiliary)
    {
        return false;
    }
    let p = &doc.parse;
    let words = p.words_in(it.start, it.end);
    let Some(head) = p.head_of(&words) else {
        return false;
    };
    if p.token(head).is_none_or(|t| t.xpos != "VBN") {
        return false;
    }
    let own_clause = p.dependents(head).any(|d| {
        ["nsubj", "nsubj:pass", "aux", "aux:pass"]
            .iter()
            .any(|r| p.has_rel(d, r))
    });
    let noun_before = head.index > 0
        && p.token(Word {
            index: head.index - 1,
            ..head
        })
        .is_some_and(|t| t.upos == "NOUN");
    !own_clause && noun_before
}

/// Builds the clauses of every sentence.
pub fn run(doc: &mut Doc<'_>) {
    discourse(doc);
    let mut all: Vec<Clause> = Vec::new();
    // In a transcript, the speaker of the last label ("SECRETARY BLINKEN:") speaks until the
    // next label ("QUESTION:" names no one known): the source of the events and the holder of
    // the stances of the sentences no one is quoted in.
    let mut labelled: Option<usize> = None;
    // The speaker whose quotation the sentence before ended on: a quotation of his that goes
    // on in the next sentences of the paragraph is still his (`continues_quotation`).
    let mut quoting: Option<usize> = None;
    // Whether the paragraph has a quotation open where the sentence starts: its quotation
    // marks so far are odd in number. Kept as the loop goes, so no sentence recounts them.
    let mut open_quote = false;
    for s in 0..doc.sentences.len() {
        if let Some(l) = label_speaker(doc, s) {
            labelled = l;
        }
        if s > 0 && !doc.same_paragraph(s - 1, s) {
            open_quote = false;
        }
        let sentence = &doc.sentences[s];
        let items: &[Item] = doc.sentence_items(s);
        let mut clauses: Vec<Clause> = Vec::new();
        let mut reported_by = None;
        let mut last_speaker: Option<usize> = None;
        let quote_marks = sentence
            .tokens
            .clone()
            .filter(|&t| is_quote(doc.tok(t)))
            .count();
        let has_quote = quote_marks > 0;
        for (i, it) in items.iter().enumerate() {
            let hope = match it.kind {
                ItemKind::Cue(Cue::Report) => false,
                ItemKind::Cue(Cue::Hope) => true,
                _ => continue,
            };
            // "We urge X and Y to reverse their decision announced today": a participle right
            // after a noun modifies it and reports no one's words; the actors before it are no
            // speakers (nor "we" one of them).
            if !hope && participle_of_noun(doc, it, sentence.tokens.start) {
                continue;
            }
            doc.tick(items.len() * 2 + clauses.len());
            let according_to = it.tok_end == it.tok + 2
                && doc.tok_is_a(it.tok, Class::According)
                && doc.tok_is_a(it.tok + 1, Class::AccordingTo);
            let (speaker, content) = if according_to {
                (speaker_after(items, i), (sentence.start, sentence.end))
            } else if let Some((speaker, upto)) = inverted_speaker(doc, items, i, sentence) {
                let end = if upto >= sentence.tokens.end {
                    sentence.end
                } else {
                    doc.tokens[upto].start
                };
                (Some(speaker), (sentence.start, end))
            } else {
                // Trailing: ", the NHK broadcaster said." at the end of the sentence.
                // Only a short tail of time or place may follow ("..., he said on Monday.").
                let rest_is_tail = doc.tok(it.tok_end) == ","
                    || (sentence.tokens.end.saturating_sub(it.tok_end) <= 8
                        && items[i + 1..].iter().all(|x| {
                            matches!(
                                x.kind,
                                ItemKind::Date(_) | ItemKind::Location | ItemKind::Venue(_)
                            )
                        }));
                let subject = subject_before(doc, items, i, sentence.tokens.start);
                let resolved = super::attribution::resolve(doc, &subject, None, s);
                let first = resolved.as_ref().and_then(|v| v.first().copied());
                let subject_tok = items[..i]
                    .iter()
                    .rev()
                    .find(
                        |x| matches!(x.kind, ItemKind::Actor { actor, .. } if Some(actor) == first),
                    )
                    .map_or(it.tok, |x| x.tok);
                // The subject follows ", " or ",\u{201d} " (after a quotation), maybe with "the".
                let mut before = subject_tok;
                if before > sentence.tokens.start
                    && doc.tok_is_a(before - 1, Class::DefiniteArticle)
                {
                    before -= 1;
                }
                if before > sentence.tokens.start
                    && matches!(doc.tok(before - 1), "\"" | "\u{201d}" | "'" | "\u{2019}")
                {
                    before -= 1;
                }
                let comma_before = before > sentence.tokens.start
                    && matches!(doc.tok(before - 1), "," | "?" | "!");
                // A comma before the subject's phrase, which may open before its actor
                // ("Russia, Japan's foreign minister said, ...").
                let comma = if comma_before {
                    Some(before - 1)
                } else {
                    (sentence.tokens.start + 1..=subject_tok)
                        .rev()
                        .take(6)
                        .take_while(|&b| !matches!(doc.tok_upos(b), "VERB" | "AUX"))
                        .find(|&b| doc.tok(b - 1) == ",")
                        .map(|b| b - 1)
                };
                // "Russia, Japan's foreign minister said, had violated ...". (Read only for a
                // parenthesis: a tail after such a wider phrase, "..., a senior Bree official
                // said.", would hand background clauses to rules that read a speaker's words.)
                if comma.is_some() && first.is_some() && continues_after(doc, it.tok_end, sentence)
                {
                    (first, (sentence.start, sentence.end))
                } else if rest_is_tail && comma_before && first.is_some() {
                    (first, (sentence.start, doc.tokens[before - 1].start))
                } else if first.is_some() {
                    (first, (it.end, sentence.end))
                } else {
                    // "..., and said that ..." / "noting ...": the previous speaker goes on.
                    (last_speaker, (it.end, sentence.end))
                }
            };
            let Some(speaker) = speaker else {
                continue;
            };
            if doc.actors[speaker].kind == ActorKind::MediaOutlet {
                reported_by = Some(speaker);
                // The outlet's report covers the clause; its own subject is the actor.
                clauses.push(Clause {
                    sentence: s,
                    start: content.0,
                    end: content.1,
                    speaker: None,
                    reported_by: Some(speaker),
                    cue: Some((it.start, it.end)),
                    speech: if has_quote {
                        Speech::Direct
                    } else {
                        Speech::Indirect
                    },
                    hope,
                    confidence: CONFIDENCE,
                });
                continue;
            }
            last_speaker = Some(speaker);
            // An earlier clause of this speaker's sentence ends where this cue's subject begins.
            if let Some(prev) = clauses.last_mut()
                && prev.end > it.start
                && prev.start < it.start
            {
                let subject_start = items[..i]
                    .iter()
                    .rev()
                    .take_while(|x| x.start > prev.start)
                    .find(|x| matches!(x.kind, ItemKind::Actor { actor, .. } if actor == speaker))
                    .map_or(it.start, |x| x.start.min(it.start));
                prev.end = subject_start.max(prev.start + 1);
            }
            let quoted =
                (doc.token_at(content.0)..doc.token_at(content.1)).any(|t| is_quote(doc.tok(t)));
            clauses.push(Clause {
                sentence: s,
                start: content.0,
                end: content.1,
                speaker: Some(speaker),
                reported_by: None,
                cue: Some((it.start, it.end)),
                speech: if quoted {
                    Speech::Direct
                } else {
                    Speech::Indirect
                },
                hope,
                confidence: CONFIDENCE,
            });
        }
        if clauses.is_empty() {
            let labelled = labelled.filter(|_| !sentence.headline);
            let continued =
                quoting.filter(|_| labelled.is_none() && continues_quotation(doc, s, open_quote));
            clauses.push(Clause {
                sentence: s,
                start: sentence.start,
                end: sentence.end,
                speaker: labelled.or(continued),
                reported_by: None,
                cue: None,
                speech: if continued.is_some() {
                    Speech::Direct
                } else {
                    Speech::Narrative
                },
                hope: false,
                confidence: CONFIDENCE,
            });
        }
        quoting = clauses
            .iter()
            .rev()
            .find(|c| c.speaker.is_some())
            .filter(|c| c.speech == Speech::Direct)
            .and_then(|c| c.speaker);
        open_quote ^= quote_marks % 2 == 1;
        for c in &mut clauses {
            if c.reported_by.is_none() {
                c.reported_by = reported_by;
            }
        }
        all.extend(clauses);
    }
    doc.clauses = all;
}

/// The innermost clause of sentence `s` containing byte `at`.
#[must_use]
pub fn clause_at(clauses: &[Clause], s: usize, at: usize) -> Option<&Clause> {
    // Bounded by the clauses of one sentence (at most one per reporting cue).
    let from = clauses.partition_point(|c| c.sentence < s);
    clauses[from..]
        .iter()
        .take_while(|c| c.sentence == s)
        .filter(|c| c.start <= at && at < c.end.max(c.start + 1))
        .min_by_key(|c| c.end - c.start)
        .or_else(|| {
            clauses[from..]
                .iter()
                .take_while(|c| c.sentence == s)
                .next()
        })
}

#[cfg(test)]
mod tests {
    use crate::ArticleMeta;

    /// Each attribution of `text` (under a headline) as (speaker, what was said).
    fn said(text: &str) -> Vec<(String, String)> {
        let full = format!("Headline\n\n{text}");
        let x = crate::test_support::extractor()
            .extract(&full, &ArticleMeta::default())
            .expect("extracts");
        x.attributions
            .iter()
            .map(|a| {
                (
                    a.speaker.clone().unwrap_or_default(),
                    full[a.content.start..a.content.end].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn a_speaker_after_a_quote_keeps_it_when_an_apposition_says_who_he_is() {
        let got = said(
            "\"Chile has broken the accord,\" said Jens Olsen, an adviser at the Norwegian \
             foreign ministry.",
        );
        assert!(
            got.iter()
                .any(|(who, what)| who == "actors/jens-olsen" && what.contains("broken the accord")),
            "{got:?}"
        );
        // A comma that opens another clause, with a verb of its own, is not an apposition:
        // the speaker did not say what follows, so the quote is not given to him whole.
        let got =
            said("\"Chile has broken the accord,\" said Jens Olsen, but Peru rejected the charge.");
        assert!(
            !got.iter().any(|(_, what)| what.contains("rejected")),
            "{got:?}"
        );
    }

    #[test]
    fn a_transcripts_labelled_speaker_is_the_source_of_his_turns_events() {
        let x = crate::test_support::extractor()
            .extract(
                "Remarks\n\nSECRETARY BLINKEN: Good morning. We condemn Russia for its attack on \
                 Ukraine.\n\nQUESTION: Will you condemn Russia again tomorrow?\n\nMINISTER \
                 KULEBA: We thank you. We condemn Russia too.\n",
                &ArticleMeta::default(),
            )
            .expect("extracts");
        let sources: Vec<&str> = x
            .events
            .iter()
            .filter(|e| e.targets.iter().any(|t| t == "actors/RUS"))
            .flat_map(|e| e.sources.iter().map(String::as_str))
            .collect();
        // Each turn's "we" is its speaker; the question's "you" is no one's act.
        assert_eq!(
            sources,
            ["actors/blinken", "actors/kuleba"],
            "{:?}",
            x.events
        );
    }

    /// (sources, TYPE, targets) of an event.
    type Event = (Vec<String>, String, Vec<String>);

    /// The events, and (holder, issue) of the stances, of `text`.
    fn facts(text: &str) -> (Vec<Event>, Vec<(String, String)>) {
        let x = crate::test_support::extractor()
            .extract(&format!("Headline\n\n{text}"), &ArticleMeta::default())
            .expect("extracts");
        let short = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|a| a.trim_start_matches("actors/").to_owned())
                .collect()
        };
        let events = x
            .events
            .iter()
            .map(|e| {
                (
                    short(&e.sources),
                    e.event_type.as_str().to_owned(),
                    short(&e.targets),
                )
            })
            .collect();
        let stances = x
            .stances
            .iter()
            .map(|s| {
                (
                    s.actor.trim_start_matches("actors/").to_owned(),
                    s.issue.clone(),
                )
            })
            .collect();
        (events, stances)
    }

    #[test]
    fn a_quotation_that_goes_on_after_its_speaker_is_still_his() {
        // The sentence after "..., said X." opens a quotation and names no speaker: its "we" is
        // X's side, not the text's first subject.
        let (events, _) = facts(
            "Chile is angry with Peru. \"The incursion was a mistake,\" said Bolivian Foreign \
             Minister Juan Perez. \"We have asked Peru to withdraw its troops.\"",
        );
        let requests: Vec<&Event> = events.iter().filter(|e| e.1 == "REQUEST").collect();
        assert_eq!(
            requests,
            [&(
                vec!["juan-perez".to_owned()],
                "REQUEST".to_owned(),
                vec!["PER".to_owned()]
            )],
            "{events:?}"
        );
    }

    #[test]
    fn a_quotation_in_a_new_paragraph_or_narration_after_a_quote_is_not_the_speakers() {
        // A new paragraph, or a sentence with no quotation mark, may be anyone's: the speaker
        // of the quotation before is not carried over.
        for text in [
            "Chile is angry with Peru. \"The incursion was a mistake,\" said Bolivian Foreign \
             Minister Juan Perez.\n\n\"We have asked Peru to withdraw its troops.\"",
            "Chile is angry with Peru. \"The incursion was a mistake,\" said Bolivian Foreign \
             Minister Juan Perez. We have asked Peru to withdraw its troops.",
            // A reply whose verb of speech the cues miss is someone else's words.
            "Chile is angry with Peru. \"The incursion was a mistake,\" said Bolivian Foreign \
             Minister Juan Perez. \"We have asked Peru to withdraw its troops,\" retorted a \
             Chilean aide.",
        ] {
            let (events, _) = facts(text);
            assert!(
                !events
                    .iter()
                    .any(|e| e.0.contains(&"juan-perez".to_owned())),
                "{text}: {events:?}"
            );
        }
    }

    #[test]
    fn a_quotation_that_goes_on_and_closes_before_another_speaker_is_not_the_last_speakers() {
        // The paragraph's open quotation closes inside the sentence and words follow it: they
        // name its speaker, though no cue knows the verb ("quipped").
        let (events, _) = facts(
            "Chile is angry with Peru. \"The incursion was a mistake,\" said Bolivian Foreign \
             Minister Juan Perez. \"Peru must leave. We have asked Peru to withdraw its troops,\" \
             quipped a Chilean aide.",
        );
        assert!(
            !events
                .iter()
                .any(|e| e.0.contains(&"juan-perez".to_owned())),
            "{events:?}"
        );
        // Narration after the close names no one: the quotation is still the speaker's.
        let (events, _) = facts(
            "Chile is angry with Peru. \"The incursion was a mistake,\" said Bolivian Foreign \
             Minister Juan Perez. \"Peru must leave. We have asked Peru to withdraw its troops,\" \
             but Lima has rejected such calls.",
        );
        assert!(
            events
                .iter()
                .any(|e| e.0 == ["juan-perez"] && e.1 == "REQUEST"),
            "{events:?}"
        );
        // A sentence inside the open quotation that ends with it is still the speaker's.
        let (events, _) = facts(
            "Chile is angry with Peru. \"The incursion was a mistake,\" said Bolivian Foreign \
             Minister Juan Perez. \"Peru must leave. We have asked Peru to withdraw its troops.\"",
        );
        assert!(
            events
                .iter()
                .any(|e| e.0 == ["juan-perez"] && e.1 == "REQUEST"),
            "{events:?}"
        );
    }

    #[test]
    fn a_reply_is_the_replying_speakers_words() {
        let (events, _) = facts(
            "Peru accused Chile of an incursion. \"We have asked Peru to withdraw its troops,\" \
             retorted Chilean Foreign Minister Ana Soto.",
        );
        assert!(
            events
                .iter()
                .any(|e| e.0 == ["ana-soto"] && e.1 == "REQUEST" && e.2 == ["PER"]),
            "{events:?}"
        );
        // Firing back is an act, not a reply: the troops' side still attacks.
        let (events, _) = facts(
            "Peruvian soldiers shelled a Chilean post on Monday. Chilean troops fired back at \
             Peruvian positions.",
        );
        assert!(
            events
                .iter()
                .any(|e| e.0 == ["CHL"] && e.1 == "ASSAULT" && e.2 == ["PER"]),
            "{events:?}"
        );
    }

    #[test]
    fn a_private_groups_they_acts_and_holds_for_no_state() {
        // "they" is the protesters: the subject before it, or the nearest group when no group
        // is a subject ("Police in Tokyo detained ..."). Neither the events stage nor the
        // stance holders code it for China, Japan or anyone else.
        for text in [
            "Japan arrested the activists. Chinese protesters met Japanese officials in Beijing, \
             and they condemned the arrest of Chinese activists near the Senkaku islands.",
            "Japan arrested the activists. Police in Tokyo detained Chinese demonstrators as they \
             denounced the arrest of the activists.",
        ] {
            let (events, stances) = facts(text);
            assert!(
                !events
                    .iter()
                    .any(|(_, t, _)| t == "ACCUSE" || t == "PROTEST"),
                "{text}: {events:?}"
            );
            assert!(
                !stances.iter().any(|(_, i)| i.contains("arrest")),
                "{text}: {stances:?}"
            );
        }
        // Officials do act for their state.
        let (_, stances) = facts(
            "Japan arrested the activists. Chinese officials met Japanese protesters in Beijing, \
             and they condemned the arrest of Chinese activists near the Senkaku islands.",
        );
        assert!(
            stances
                .iter()
                .any(|(h, i)| h == "CHN" && i.contains("arrest")),
            "{stances:?}"
        );
    }

    #[test]
    fn a_headlines_person_is_no_antecedent_of_the_bodys_pronoun() {
        // The by-line's author wrote the statement; "he" is the Secretary, whom no name gives.
        let text = "Statement by Spokesperson Heather Nauert: Russia Talks\n\nDuring his visit \
                    to Moscow, he met Foreign Minister Lavrov. Russia accused the United States \
                    of interference.\n";
        let x = crate::test_support::extractor()
            .extract(text, &ArticleMeta::default())
            .expect("extracts");
        assert!(
            x.actors.iter().any(|a| a.name == "actors/heather-nauert"),
            "{:?}",
            x.actors
        );
        // The body is read: its accusation is there.
        assert!(
            x.events.iter().any(|e| e.event_type.as_str() == "ACCUSE"
                && e.sources == ["actors/RUS"]
                && e.targets == ["actors/USA"]),
            "{:?}",
            x.events
        );
        let nauert = |v: &[String]| v.iter().any(|a| a.contains("nauert"));
        assert!(
            !x.events
                .iter()
                .any(|e| nauert(&e.sources) || nauert(&e.targets)),
            "{:?}",
            x.events
        );
    }

    #[test]
    fn each_group_pronoun_of_a_sentence_is_resolved_on_its_own() {
        // The first "it" follows no group of its sentence: the discourse's, Pakistan. The second
        // "they" follows Vietnam, the subject before it, which condemns the drills.
        let text = "Pakistan protested on Monday. After it accused China of aggression, Vietnam \
                    met Russian officials, and they condemned the drills.";
        let (events, _) = facts(text);
        let accused = |s: &str| {
            events
                .iter()
                .filter(|(src, t, _)| t == "ACCUSE" && src.iter().any(|x| x == s))
                .map(|(_, _, g)| g.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(accused("PAK"), [vec!["CHN".to_owned()]], "{events:?}");
        assert_eq!(accused("VNM").len(), 1, "{events:?}");
    }

    #[test]
    fn a_group_pronoun_that_is_no_subject_is_not_the_group_before_it() {
        // "it" is the text the vote was on, not Hamas, the only group its sentence names.
        let text = "The United States abstained on the resolution. Because the final text does \
                    not have key language we view as essential, notably a condemnation of \
                    Hamas, we could not support it.";
        let (events, stances) = facts(text);
        assert!(
            !events
                .iter()
                .any(|(_, _, g)| g.iter().any(|x| x == "HAMAS")),
            "{events:?}"
        );
        assert!(!stances.iter().any(|(h, _)| h == "HAMAS"), "{stances:?}");
    }

    #[test]
    fn a_pronoun_reporting_what_precedes_it_is_not_the_subject_reported_on() {
        // "it" reports a demand made of China: it is Vietnam, the group the discourse named,
        // not China, the subject of what it says.
        for text in [
            "Vietnam protested on Monday. China must withdraw its ships from the disputed \
             waters, it said.",
            "Vietnam protested on Monday. \"China must withdraw its ships from the disputed \
             waters,\" it said.",
        ] {
            let x = crate::test_support::extractor()
                .extract(&format!("Headline\n\n{text}"), &ArticleMeta::default())
                .expect("extracts");
            let speakers: Vec<&str> = x
                .attributions
                .iter()
                .filter_map(|a| a.speaker.as_deref())
                .collect();
            assert_eq!(speakers, ["actors/VNM"], "{text}: {:?}", x.attributions);
        }
    }

    #[test]
    fn a_speaker_set_between_commas_said_the_whole_sentence() {
        // What was said is the interrupted sentence, its predicate after the second comma
        // included.
        for text in [
            "Chile, said Peru's foreign minister, had violated the accord.",
            "Chile, Peru's foreign minister said, had violated the accord.",
        ] {
            let got = said(text);
            assert!(
                got.iter()
                    .any(|(s, c)| s == "actors/PER" && c.contains("had violated the accord")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_post_posed_speaker_named_through_its_office_said_the_quotation() {
        // "said the office of X's minister", "said a spokesman for X": the agent noun speaks for
        // the actor after "of" or "for", as it does before the verb.
        for text in [
            "\"The shelling of our border villages is a crime,\" said the office of Armenia's prime minister on Monday.",
            "\"The shelling of our border villages is a crime,\" said a spokesman for Armenia.",
        ] {
            let got = said(text);
            assert!(
                got.iter().any(|(s, _)| s == "actors/ARM"),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_name_with_an_apposition_before_said_is_the_speaker() {
        // ", the spokesman," or ", a senior official," between a name and "said" describes
        // the name: the name is the speaker, after a quotation as before a colon.
        for text in [
            "\"We will not accept this,\" Hilde Marrow, the spokesman, said.",
            "\"We will not accept this,\" Marrow, a spokeswoman for the ministry, said.",
            "\"We will not accept this,\" Marrow, the spokesman, said.",
            "Marrow, the spokesman, said: \"We will not accept this.\"",
        ] {
            let got = said(text);
            assert!(
                got.iter()
                    .any(|(s, c)| s.ends_with("marrow") && c.contains("not accept this")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_named_speaker_with_an_apposition_said_the_quotation() {
        // ", a Chilean navy spokesman," and ", a spokesman for the Foreign Ministry," describe
        // the name before them; the capitals inside do not end the subject's phrase.
        for text in [
            "Pedro Rojas, a Chilean navy spokesman, said: \"We urge Peru to talk to Chile.\"",
            "Pedro Rojas, a spokesman for the Foreign Ministry, said, \"We urge Peru to talk.\"",
        ] {
            let got = said(text);
            assert!(
                got.iter()
                    .any(|(s, c)| s == "actors/pedro-rojas" && c.contains("We urge Peru")),
                "{text}: {got:?}"
            );
        }
    }
}
