//! Who holds a stance: the subject of a verb of stance or claim, the speaker of a judgement,
//! the state a text speaks for, officials' states rather than the officials.

use super::super::attribution::{label_speaker, resolve};
use super::super::event_args::{obligation_in, obliged, reported_obligation};
use super::super::ir::{Doc, Item, ItemKind};
use super::super::knowledge::{Args, Cue, Knowledge};
use super::super::lang::Class;
use super::super::lexicon::Lex;
use super::super::output::Clause;
use super::super::syntax::{
    Subject, clause_subject_before, objects_after, possessor, subject_before,
};
use super::super::tree::Word;
use super::Kind;

/// How close after a sentence's opening subject its verb stands, for [`voice`].
const VOICE_VERB: usize = 4;
/// How far into a sentence its opening subject may stand ("Today, the United States ...").
const VOICE_OPENER: usize = 3;
const VOICE_MIN: usize = 1;

/// The state a text speaks for: the state of the official a headline names as its author;
/// else the one that opens at least two sentences as their subject ("The United States
/// welcomes ...", "The United States remains committed ..."), when one state does so more than
/// any other; else the state of the official who signs it.
pub(super) fn voice(doc: &Doc<'_>) -> Option<usize> {
    // A headline that names the statement's author ("Statement by Secretary X") says whose
    // voice the text is, whoever opens its sentences ("Russia annexed Crimea ...").
    if let Some(a) = headline_author(doc) {
        return Some(a);
    }
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for s in 0..doc.sentences.len() {
        let first = doc.sentences[s].tokens.start;
        let items = doc.sentence_items(s);
        // The opener must be the one speaking: a verb of saying or of stance follows it.
        let opener = items.iter().enumerate().find_map(|(j, x)| match x.kind {
            ItemKind::Actor {
                actor,
                adjectival: false,
                possessive: false,
                ..
            } if x.tok <= first + VOICE_OPENER => items[j + 1..]
                .iter()
                .take_while(|y| y.tok <= x.tok_end + VOICE_VERB)
                .any(|y| {
                    matches!(
                        y.kind,
                        ItemKind::Cue(Cue::Report | Cue::Support | Cue::Oppose | Cue::Enact)
                            | ItemKind::Event(_)
                    )
                })
                .then_some(actor),
            _ => None,
        });
        if let Some(a) = opener.and_then(|a| doc.holder_of(a))
            && doc.actors[a].kind == polemos_core::model::ActorKind::State
        {
            match counts.iter_mut().find(|(x, _)| *x == a) {
                Some(c) => c.1 += 1,
                None => counts.push((a, 1)),
            }
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    match counts.as_slice() {
        [(a, n), rest @ ..] if *n >= VOICE_MIN && rest.first().is_none_or(|(_, m)| m < n) => {
            Some(*a)
        }
        _ => signatory(doc),
    }
}

/// How many tokens a statement's header line may have ("ANTONY J. BLINKEN, SECRETARY OF
/// STATE"); the first longer sentence is the statement's text.
const HEADER_TOKENS: usize = 10;

/// The state of the official who signs a statement in its header lines ("Press Statement",
/// "Antony J. Blinken, Secretary of State", the date), when the text names no state in its own
/// voice: a secretary of state's press statement speaks for the United States.
pub(crate) fn signatory(doc: &Doc<'_>) -> Option<usize> {
    // A transcript's labels ("SECRETARY BLINKEN:") name who speaks each turn, not the text's
    // voice: other speakers follow.
    if (0..doc.sentences.len()).any(|s| label_speaker(doc, s).is_some()) {
        return None;
    }
    let header = (0..doc.sentences.len())
        .filter(|&s| !doc.sentences[s].headline)
        .take_while(|&s| doc.sentences[s].tokens.len() <= HEADER_TOKENS);
    let mut found = headline_author(doc);
    for s in header {
        for x in doc.sentence_items(s) {
            let ItemKind::Actor { actor, .. } = x.kind else {
                continue;
            };
            if doc.actors[actor].kind != polemos_core::model::ActorKind::Person {
                continue;
            }
            let Some(h) = doc
                .holder_of(actor)
                .filter(|&h| doc.actors[h].kind == polemos_core::model::ActorKind::State)
            else {
                continue;
            };
            // Two signatories of different states: the text speaks for neither alone.
            match found {
                Some(f) if f != h => return None,
                _ => found = Some(h),
            }
        }
    }
    found
}

/// How far before a headline's first person its "by" or "from" may stand ("Statement by
/// Department Spokesperson X").
const HEADLINE_AUTHOR_REACH: usize = 4;

/// The state of the official or body a headline names as the text's author: "On the Record
/// Statement by Spokesperson Heather Nauert: ...", "Remarks by Ambassador X Following ...",
/// "Comment from U.S. Embassy Moscow in response to ...". The author follows an
/// `byline_preposition`: a person within a title's reach of it, a body as near among the
/// headline's first words. Only the first person named can be the author; the others a headline
/// names are what the text is about.
fn headline_author(doc: &Doc<'_>) -> Option<usize> {
    let s = (0..doc.sentences.len()).find(|&s| doc.sentences[s].headline)?;
    let first_tok = doc.sentences[s].tokens.start;
    for x in doc.sentence_items(s) {
        let ItemKind::Actor { actor, .. } = x.kind else {
            continue;
        };
        let person = doc.actors[actor].kind == polemos_core::model::ActorKind::Person;
        let from = x.tok.saturating_sub(HEADLINE_AUTHOR_REACH).max(first_tok);
        // A body opens the headline's words ("Comment from U.S. Embassy Moscow", "Comment from
        // the Embassy of Chile"); one named later is an agent of what the text is about ("...
        // Diplomats by Russia").
        let placed = person || x.tok <= first_tok + 1 + HEADLINE_AUTHOR_REACH;
        if placed && (from..x.tok).any(|t| doc.tok_is_a(t, Class::BylinePreposition)) {
            return doc.holder_of(actor).filter(|&h| {
                matches!(
                    doc.actors[h].kind,
                    polemos_core::model::ActorKind::State
                        | polemos_core::model::ActorKind::InternationalOrganization
                )
            });
        }
        if person {
            return None;
        }
    }
    None
}

/// Where a stance cue stands: its index among the sentence's items, its clause, what kind of
/// stance it states, where an event cue's arguments are, and the state the text speaks for.
#[derive(Clone, Copy)]
pub(super) struct Site<'c> {
    pub at: usize,
    pub clause: &'c Clause,
    pub kind: Kind,
    pub args: Option<Args>,
    pub voice: Option<usize>,
}

/// The stance holders (states for their officials), the actors the text names as agents, and
/// whether they were inferred rather than read.
pub(super) fn holder(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    site: &Site<'_>,
) -> (Vec<usize>, Vec<usize>, bool) {
    let Site {
        at,
        clause,
        kind,
        args,
        voice,
    } = *site;
    let s = clause.sentence;
    let floor = doc.token_at(clause.start);
    let found: Option<(Vec<usize>, bool)> = match kind {
        Kind::Proposal => {
            let by = (args == Some(Args::By))
                .then(|| objects_after(doc, items, at, doc.sentences[s].tokens.end))
                .filter(|v| !v.is_empty())
                .map(|v| (v, false));
            by.or_else(|| {
                possessor(items, at, doc).and_then(|p| {
                    resolve(doc, &p, clause.speaker, s)
                        .map(|a| (a, matches!(p, Subject::Pronoun(..))))
                })
            })
            .or_else(|| {
                // "Russia turned down the proposal": the subject of a verb that takes a proposal
                // as its object is its proposer only if the verb makes one ("made", "submitted").
                if taken_by_another(doc, &items[at]) {
                    return None;
                }
                let subj = subject_before(doc, items, at, floor);
                resolve(doc, &subj, clause.speaker, s)
                    .map(|a| (a, matches!(subj, Subject::Pronoun(..))))
            })
        }
        Kind::Downplay => clause.speaker.map(|a| (vec![a], false)).or_else(|| {
            let subj = subject_before(doc, items, at, floor);
            resolve(doc, &subj, clause.speaker, s).map(|a| (a, true))
        }),
        Kind::Support | Kind::Oppose | Kind::Claim | Kind::Accuse | Kind::Sever | Kind::Neutral => {
            // "as Tokyo dismissed China's opposition to the landing": a stance noun with an
            // actor as its possessor is the possessor's, whoever governs the noun.
            if matches!(kind, Kind::Support | Kind::Oppose)
                && matches!(items[at].kind, ItemKind::Cue(_) | ItemKind::Event(_))
                && let Some(Subject::Actors(a, _)) = possessor(items, at, doc)
            {
                return finish(doc, a, false);
            }
            let ctx = TreeContext {
                speaker: clause.speaker,
                voice,
                claim: kind == Kind::Claim,
            };
            match from_tree(k, doc, items, at, s, ctx) {
                FromTree::Actors(a) => return finish(doc, a, false),
                FromTree::Nobody => return (Vec::new(), Vec::new(), false),
                FromTree::Unknown => {}
            }
            let subj = clause_subject_before(doc, items, at, floor);
            // "Chinese protesters met Japanese officials, and they condemned ...": `resolve`
            // makes "they" the protesters, whose condemnation no state holds (no actors, and no
            // speaker in their place).
            resolve(doc, &subj, clause.speaker, s)
                .map(|a| (a, matches!(subj, Subject::Pronoun(..))))
                .or_else(|| clause.speaker.map(|a| (vec![a], true)))
        }
        // A judgement is the speaker's, never the subject's ("the PRC has no lawful claim" is
        // not the PRC's stance): the quoted speaker, else the subject of the verb that
        // introduces the clause ("the United States reaffirms that ...").
        Kind::DenyClaim | Kind::Assess(_) => {
            clause.speaker.map(|a| (vec![a], false)).or_else(|| {
                let first = doc.sentences[s].tokens.start;
                let intro = items[..at].iter().rposition(|x| {
                    matches!(
                        x.kind,
                        ItemKind::Cue(Cue::Report | Cue::Support | Cue::Oppose)
                    )
                });
                if let Some(intro) = intro {
                    let subj = subject_before(doc, items, intro, first);
                    return resolve(doc, &subj, clause.speaker, s).map(|a| (a, true));
                }
                // No verb of saying: the actor that opens the sentence ("The United States
                // reaffirms ..."), unless it is the subject of the judgement itself ("The PRC
                // and the Philippines ... are legally bound to comply with this decision": the
                // ones bound, not the ones who say so) and the judgement is no feeling ("Japan
                // is deeply concerned about": Japan's).
                let feeling = (items[at].tok..items[at].tok_end)
                    .any(|t| doc.tok_is_a(t, Class::FeelingAdjective));
                items[..at]
                    .iter()
                    .find_map(|x| match x.kind {
                        ItemKind::Actor {
                            actor,
                            adjectival: false,
                            possessive: false,
                            ..
                        } if x.tok <= first + 1 && (feeling || !subject_of(doc, x, &items[at])) => {
                            Some((vec![actor], true))
                        }
                        _ => None,
                    })
                    .or_else(|| {
                        let ctx = TreeContext {
                            speaker: clause.speaker,
                            voice,
                            claim: false,
                        };
                        opening_agent(k, doc, items, at, s, ctx, feeling)
                            .or_else(|| expresser(k, doc, items, at, s, ctx))
                            .map(|a| (a, true))
                    })
            })
        }
    };
    let (mut actors, inferred) = found.unwrap_or_default();
    // "On Sudan, Ambassador Hammer will ...": a state named in a leading prepositional phrase
    // is what the sentence is about, not who speaks.
    let cue_tok = items[at].tok;
    actors.retain(|&a| {
        let last = items[..at].iter().rev().find(|x| {
            matches!(x.kind, ItemKind::Actor { actor, .. } if actor == a) && x.tok < cue_tok
        });
        !last.is_some_and(|x| {
            let sentence_start = doc.sentences[s].tokens.start;
            x.tok == sentence_start + 1 && doc.tok_is_a(sentence_start, Class::LeadingPreposition)
        })
    });
    finish(doc, actors, inferred)
}

/// The actors word `w` of the parse names, when it names any.
fn named_by(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    w: Word,
    s: usize,
    ctx: TreeContext,
) -> Option<Vec<usize>> {
    match actors_of(k, doc, items, w, s, ctx) {
        FromTree::Actors(a) if !a.is_empty() => Some(a),
        _ => None,
    }
}

/// Who voices a judgement that is the object of a verb of voicing (lexicon `voicing_verb`):
/// "Kenya's foreign minister expressed deep concern at the ruling" is Kenya's, as "Kenya
/// expressed ..." is, wherever the subject stands. Other verbs keep the judgement the speaker's
/// ("the PRC has no lawful claim" is not the PRC's).
fn expresser(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    s: usize,
    ctx: TreeContext,
) -> Option<Vec<usize>> {
    let p = &doc.parse;
    let cue = items[at];
    p.words_in(cue.start, cue.end).into_iter().find_map(|w| {
        let verb = p.head(w)?;
        if p.rel(w) != "obj" || !doc.lexicon.is(Lex::VoicingVerb, &lemma(doc, verb)) {
            return None;
        }
        named_by(k, doc, items, p.dependent(verb, "nsubj")?, s, ctx)
    })
}

/// The actors an agent noun that opens sentence `s` as a subject speaks for: "Members of the
/// Security Council expressed grave concern at ..." is the Council's judgement, as "The Security
/// Council expressed ..." is. Not when the noun is the subject of the judgement itself ("The
/// members of the Council are bound to comply"), unless the judgement is a feeling.
fn opening_agent(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    s: usize,
    ctx: TreeContext,
    feeling: bool,
) -> Option<Vec<usize>> {
    let p = &doc.parse;
    let cue = items[at];
    let first = doc.sentences[s].tokens.start;
    let cue_words = p.words_in(cue.start, cue.end);
    (first..=first + 1).filter(|&t| t < cue.tok).find_map(|t| {
        let w = p.word_at(doc.tokens[t].start)?;
        let judged = p.head(w).is_some_and(|h| cue_words.contains(&h));
        // "Some members", "Two members", "Western members" of a body are a part of it, which
        // does not speak for the whole.
        if !p.has_rel(w, "nsubj")
            || !doc.lexicon.is(Lex::AgentNoun, &lemma(doc, w))
            || (judged && !feeling)
            || some_members(doc, w)
        {
            return None;
        }
        named_by(k, doc, items, w, s, ctx)
    })
}

/// Whether parse word `w` is a noun of membership counted or qualified ("Some members", "Two
/// members", "Western members" of the Council): a part of a body, which does not speak for the
/// whole as "the members" or "all members" do.
fn some_members(doc: &Doc<'_>, w: Word) -> bool {
    let p = &doc.parse;
    let whole = |d: Word| {
        p.token(d).is_some_and(|x| {
            doc.lang
                .is(Class::WholeDeterminer, &x.lemma.to_ascii_lowercase())
                || doc.tok_is_a(doc.token_at(x.start), Class::DefiniteArticle)
        })
    };
    doc.lang.is(Class::MemberNoun, &lemma(doc, w))
        && p.dependents(w).any(|d| {
            p.has_rel(d, "nummod") || p.has_rel(d, "amod") || (p.has_rel(d, "det") && !whole(d))
        })
}

/// Whether the parse makes the actor mention `x` the subject of the cue `cue`'s own predicate.
fn subject_of(doc: &Doc<'_>, x: &Item, cue: &Item) -> bool {
    let p = &doc.parse;
    let cue_words = p.words_in(cue.start, cue.end);
    p.head_of(&p.words_in(x.start, x.end))
        .is_some_and(|h| p.has_rel(h, "nsubj") && p.head(h).is_some_and(|g| cue_words.contains(&g)))
}

/// Who holds a stance actor `a` takes: its state (see [`Doc::holder_of`]). A person whose state
/// or organization is unknown holds nothing the scorecard of states can use, and is often a cut
/// or misread name: no one.
pub(super) fn stance_holder(doc: &Doc<'_>, a: usize) -> Option<usize> {
    let actor = doc.actors.get(a)?;
    if actor.kind == polemos_core::model::ActorKind::Person && actor.affiliation.is_none() {
        return None;
    }
    doc.holder_of(a)
}

/// The holders of a stance whose agents are `actors`: their states, people with no known
/// state left out.
fn finish(doc: &Doc<'_>, actors: Vec<usize>, inferred: bool) -> (Vec<usize>, Vec<usize>, bool) {
    let mut holders: Vec<usize> = Vec::new();
    for &a in &actors {
        if let Some(h) = stance_holder(doc, a)
            && !holders.contains(&h)
        {
            holders.push(h);
        }
    }
    (holders, actors, inferred)
}

/// How many heads a predicate without a subject climbs to find one ("agreed to hold talks",
/// "observed the day to denounce ...").
const CLIMB: usize = 4;

/// What the clause around a cue tells the parse about its holder.
#[derive(Clone, Copy)]
pub(super) struct TreeContext {
    /// The quoted speaker of the clause.
    pub speaker: Option<usize>,
    /// The state the text speaks for ([`voice`]).
    pub voice: Option<usize>,
    /// A claim of sovereignty, whose subject is the territory, not the claimant.
    pub claim: bool,
}

/// Who the parse says holds the stance of the cue at `items[at]`.
pub(super) enum FromTree {
    /// The subject (or passive agent) resolves to these actors.
    Actors(Vec<usize>),
    /// The subject is something that is not an actor ("It" for a resolution just named).
    Nobody,
    /// The parse does not say.
    Unknown,
}

/// Whether a cue is negative itself ("will never accept", "never been part of"): neither its
/// own word nor an emphatic repetition ("has never been and will never be part of") negates
/// it again.
pub(super) fn negative_cue(doc: &Doc<'_>, cue: &Item) -> bool {
    doc.slice(cue.start, cue.end)
        .to_ascii_lowercase()
        .split_whitespace()
        .any(|w| doc.lang.is(Class::CueNegation, w) || doc.lang.ends_with(Class::NegationSuffix, w))
}

/// Whether the parse negates the cue at `cue`: "not" or "never" on its word, or a verb of
/// stopping or denial governing it.
pub(super) fn negated_in_tree(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    if negative_cue(doc, cue) || crate::gates::stance_negation_plain(doc, cue) {
        return false;
    }
    let words = p.words_in(cue.start, cue.end);
    let Some(w) = p.head_of(&words) else {
        return false;
    };
    let governed = matches!(p.rel(w), "xcomp" | "ccomp")
        && p.head(w)
            .is_some_and(|h| doc.lexicon.is(Lex::NegatingHead, &lemma(doc, h)));
    p.negated(w) || governed
}

/// "Russia stopped short of accusing Kyiv": a cue in a clause of manner or purpose ("of
/// accusing") that a word of negating heads (lexicon `negating_head`) is not said.
pub(super) fn withheld(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let words = p.words_in(cue.start, cue.end);
    p.head_of(&words).is_some_and(|w| {
        p.has_rel(w, "advcl")
            && p.dependent(w, "mark").is_some()
            && p.head(w)
                .is_some_and(|h| doc.lexicon.is(Lex::NegatingHead, &lemma(doc, h)))
    })
}

/// What the climb from a cue to the subject of its predicate finds.
enum Climb {
    /// The subject, and whether it is a relative pronoun's antecedent.
    Subject(Word, bool),
    /// A clause whose own subject the parse lost ([`subject_lost`]): no one the parse names.
    Lost,
}

/// The subject of the predicate the cue belongs to: its own subject, a passive agent ("was
/// co-sponsored by France"), or, for a predicate without one, the subject of the predicate it
/// depends on (control: "agreed to hold", purpose: "to denounce", a noun object: "reiterating
/// support for").
fn subject_word(doc: &Doc<'_>, cue: &Item) -> Option<Climb> {
    let p = &doc.parse;
    let words = p.words_in(cue.start, cue.end);
    let mut w = p.head_of(&words)?;
    // "wield its veto power in the UN Security Council against a petition": a preposition's
    // stance is that of the verb its phrase qualifies, whose subject the climb finds (not the
    // name nearest before it, a venue). Only its own subject, or that of the verb controlling
    // it ("promised to wield"): in "agreed to prevent armed groups from using the territory
    // against ..." the users are the groups, not the ones who agreed.
    if p.has_rel(w, "case")
        && let Some(n) = p.head(w).filter(|&n| p.has_rel(n, "obl"))
    {
        w = p.head(n)?;
        if p.dependent(w, "nsubj").is_none() && !p.has_rel(w, "xcomp") {
            return None;
        }
    }
    // "India summoned the Pakistani envoy in protest over the shooting": a stance noun in a
    // phrase of manner on a verb is the stance of the verb's subject, when that subject names
    // someone (a name, a pronoun, an agent noun); "India's tour preceded a visit by Norway's
    // minister in a bid to revive talks" is no bid of the tour. The noun is bare ("in
    // protest"), or one that keeps its article ("in a bid to", lexicon `manner_article_noun`):
    // "Pakistan arrested activists in a protest against the dam" is the activists' protest.
    if p.rel(w) == "obl"
        && p.dependents(w)
            .any(|d| p.has_rel(d, "case") && doc.lexicon.is(Lex::StanceMannerCase, &lemma(doc, d)))
        && (!p.dependents(w).any(|d| p.has_rel(d, "det"))
            || doc.lexicon.is(Lex::MannerArticleNoun, &lemma(doc, w)))
        && let Some(v) = p
            .head(w)
            .filter(|&v| p.token(v).is_some_and(|t| t.upos == "VERB"))
        && p.dependent(v, "nsubj").is_some_and(|n| {
            p.token(n)
                .is_some_and(|t| matches!(t.upos.as_str(), "PROPN" | "PRON"))
                || doc.lexicon.is(Lex::AgentNoun, &lemma(doc, n))
        })
    {
        w = v;
    }
    for _ in 0..CLIMB {
        if let Some(agent) = p.dependent(w, "obl:agent") {
            return Some(Climb::Subject(agent, false));
        }
        // "In concert with allies, partners, and the international community, the United
        // States rejects ...": a fronted phrase the parse also reads as a subject; the subject
        // is the one nearest before the verb.
        let subjects: Vec<Word> = p
            .dependents(w)
            .filter(|d| p.rel(*d) == "nsubj" && !p.has_rel(*d, "nsubj:pass"))
            .collect();
        let nearest_before = subjects.iter().rev().find(|d| d.index < w.index);
        if let Some(&s) = nearest_before.or(subjects.first()) {
            return Some(match relative_antecedent(doc, w, s) {
                Some(a) => Climb::Subject(a, true),
                None => Climb::Subject(s, false),
            });
        }
        // "The United States and its allies are resolute in demanding that ...": the one
        // resolved demands, though the parse reads "are resolute" as a passive.
        if doc.lexicon.is(Lex::ResolveWord, &lemma(doc, w))
            && let Some(s) = p.dependent(w, "nsubj:pass")
        {
            return Some(Climb::Subject(s, false));
        }
        match p.rel(w) {
            "xcomp" | "conj" | "obj" | "advcl" | "ccomp" if p.dependent(w, "nsubj").is_none() => {
                if subject_lost(doc, w) {
                    return Some(Climb::Lost);
                }
                w = p.head(w)?;
            }
            _ => return None,
        }
    }
    None
}

/// Whether verb `w`, which the parse gives no subject, has one of its own that the parse lost,
/// so that the subject of the verb it hangs on is not its subject: a finite adverbial clause
/// ("expelled the envoy after his country recognized ..." read with "his country" on "envoy"),
/// or a finite verb read as a conjunct with nothing to join it ("severed ties a day after
/// demonstrators stormed the embassy" read as "severed ... stormed"). A finite verb always has
/// its own subject; only a conjunct that a coordinator or comma joins shares its head's. (Not a
/// complement clause: the parse reads too many verbs that share their head's subject as one.)
fn subject_lost(doc: &Doc<'_>, w: Word) -> bool {
    let p = &doc.parse;
    let finite = |v: Word| {
        p.token(v)
            .is_some_and(|t| matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD"))
    };
    let tensed = finite(w) || p.dependents(w).any(|d| p.has_rel(d, "aux") && finite(d));
    if !tensed {
        return false;
    }
    match p.rel(w) {
        "advcl" => true,
        // The parse hangs the joining word on the conjunct or on its head ("condemned the
        // move, rejected ...": the comma on "condemned"): any between them joins.
        "conj" => {
            let Some(head) = p.head(w) else {
                return false;
            };
            let joins = |x: Word| {
                (p.head(x) == Some(w) || p.head(x) == Some(head))
                    && (p.has_rel(x, "cc")
                        || p.has_rel(x, "punct")
                            && p.token(x)
                                .is_some_and(|t| matches!(t.text.as_str(), "," | ";")))
            };
            let (from, to) = (head.index.min(w.index), head.index.max(w.index));
            !(from + 1..to).any(|index| joins(Word { index, ..w }))
        }
        _ => false,
    }
}

/// The antecedent of a relative pronoun subject `s` of verb `w`: "Kenya, which claims the
/// island, ..." (the clause modifies the name), "Kenya - which claims the island - rejected
/// ..." (the parse hangs the clause between dashes on the main verb, whose subject before the
/// pronoun is the antecedent), "protested to Kenya, which claims the lake" (the parse hangs it
/// on the verb as an adverbial clause: the name before the pronoun's comma).
fn relative_antecedent(doc: &Doc<'_>, w: Word, s: Word) -> Option<Word> {
    let p = &doc.parse;
    let t = p.token(s)?;
    if t.upos != "PRON" || !doc.lang.is(Class::Relative, &t.text.to_ascii_lowercase()) {
        return None;
    }
    let head = p.head(w)?;
    if p.has_rel(w, "acl:relcl") {
        Some(head)
    } else if p.has_rel(w, "advcl:relcl") {
        // "Uganda protested to Kenya, which claims the whole lake": the parse hangs the clause
        // on the verb; its antecedent is the name or noun right before the pronoun's comma.
        let comma = s.index.checked_sub(1)?;
        let before = Word {
            sentence: s.sentence,
            index: comma.checked_sub(1)?,
        };
        let comma = Word {
            sentence: s.sentence,
            index: comma,
        };
        (p.token(comma)?.text == "," && matches!(p.token(before)?.upos.as_str(), "PROPN" | "NOUN"))
            .then_some(before)
    } else if p.has_rel(w, "parataxis") {
        p.dependent(head, "nsubj").filter(|n| n.index < s.index)
    } else {
        None
    }
}

pub(super) fn lemma(doc: &Doc<'_>, w: Word) -> String {
    doc.parse
        .token(w)
        .map(|t| t.lemma.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The two actors most recently coordinated ("Prime Minister Pashinyan and President Aliyev",
/// "Morocco and the Polisario Front") in sentence `s` before `before` or in the sentence
/// before it, with different states.
pub(super) fn coordinated_pair(doc: &Doc<'_>, s: usize, before: usize) -> Option<Vec<usize>> {
    for sentence in (s.saturating_sub(1)..=s).rev() {
        let items = doc.sentence_items(sentence);
        let mut found = None;
        for x in items.iter().filter(|x| x.start < before) {
            let ItemKind::Actor {
                actor: a,
                adjectival: false,
                ..
            } = x.kind
            else {
                continue;
            };
            let words = doc.parse.words_in(x.start, x.end);
            let Some(w) = doc.parse.head_of(&words) else {
                continue;
            };
            for c in doc.parse.conjuncts(w).into_iter().skip(1) {
                if let Some(b) = doc.actor_at(items, c, false)
                    && doc.holder_of(a) != doc.holder_of(b)
                    && doc.holder_of(b).is_some()
                {
                    found = Some(vec![a, b]);
                }
            }
            // "President Barack Obama and Turkish counterpart Recep Tayyip Erdogan agreed":
            // the parser may make the second name a subject of its own, no conjunct; an actor
            // named right after the "and" that ends the first is coordinated all the same, when
            // the first is a subject and the "and" joins a conjunct of it ("Obama and Turkish
            // counterpart"), no clause of its own ("welcomed by the United States and Indian
            // Prime Minister Narendra Modi sent a message") nor an agent's ("seized by Greece
            // and Iranian tankers").
            let p = &doc.parse;
            let one_subject = p.has_rel(w, "nsubj")
                && doc
                    .tokens
                    .get(x.tok_end)
                    .and_then(|t| p.word_at(t.start))
                    .and_then(|and| p.head(and))
                    .is_some_and(|h| {
                        words.contains(&h)
                            || (p.has_rel(h, "conj")
                                && p.head(h).is_some_and(|g| words.contains(&g)))
                    });
            let next = items.iter().find(|y| {
                one_subject
                    && y.start < before
                    && y.tok == x.tok_end + 1
                    && doc.tok_is_a(x.tok_end, Class::And)
            });
            if let Some(ItemKind::Actor { actor: b, .. }) = next.map(|y| &y.kind)
                && doc.holder_of(a) != doc.holder_of(*b)
                && doc.holder_of(*b).is_some()
            {
                found = Some(vec![a, *b]);
            }
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The parties of the dispute sentence `s` is about that the text names.
pub(super) fn dispute_parties(k: &Knowledge, doc: &Doc<'_>, s: usize) -> Option<Vec<usize>> {
    let d = doc.sentence_dispute.get(s).copied().flatten()?;
    let fact = &doc.disputes[d];
    let names: Vec<String> = match fact.known {
        Some(i) => k.disputes[i]
            .parties
            .iter()
            .filter_map(|p| k.actor(p))
            .filter_map(|known| doc.actors.iter().position(|a| a.known == Some(known)))
            .map(|a| doc.actor_name(a))
            .collect(),
        None => fact.parties.clone(),
    };
    let found: Vec<usize> = names
        .iter()
        .filter_map(|n| (0..doc.actors.len()).find(|&a| &doc.actor_name(a) == n))
        .collect();
    (found.len() == 2).then_some(found)
}

/// "both parties", "the two sides", "both leaders", "Both said ...": the two sides just named
/// together, else the two parties of the dispute.
pub(super) fn both_sides(k: &Knowledge, doc: &Doc<'_>, w: Word, s: usize) -> Option<Vec<usize>> {
    let p = &doc.parse;
    let l = lemma(doc, w);
    let quantified = p
        .dependents(w)
        .any(|d| doc.lang.is(Class::PairQuantifier, &lemma(doc, d)));
    let plural_parties =
        doc.lexicon.is(Lex::PartyNoun, &l) && p.token(w).is_some_and(|t| t.xpos == "NNS");
    let group = doc.lang.is(Class::PairPronoun, &l)
        || (doc.lexicon.is(Lex::SideNoun, &l) && (quantified || plural_parties));
    if !group {
        return None;
    }
    let at = p.token(w)?.start;
    coordinated_pair(doc, s, at).or_else(|| dispute_parties(k, doc, s))
}

/// The actors a subject word names: mentions covering it and its conjuncts, the state an
/// agent noun's modifier names, the two sides of "both parties".
fn actors_of(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    w: Word,
    s: usize,
    ctx: TreeContext,
) -> FromTree {
    let p = &doc.parse;
    let speaker = ctx.speaker;
    if let Some(both) = both_sides(k, doc, w, s) {
        return FromTree::Actors(both);
    }
    let mut out: Vec<usize> = Vec::new();
    for c in p.conjuncts(w) {
        // A demonym that heads the subject ("Venezuelans voted ... to reject") names its
        // people, who hold the stance; one that modifies the subject's noun does not.
        let demonym_noun = p
            .token(c)
            .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"));
        if let Some(a) = doc.actor_at(items, c, demonym_noun) {
            out.push(a);
            continue;
        }
        let l = lemma(doc, c);
        if doc.lexicon.is(Lex::AgentNoun, &l) && !some_members(doc, c) {
            // "the Chinese foreign ministry", "Officials in India", "its foreign ministry",
            // "the Governments of Israel and Lebanon".
            for d in p.dependents(c) {
                if !(p.has_rel(d, "amod") || p.has_rel(d, "nmod") || p.has_rel(d, "compound")) {
                    continue;
                }
                for dc in p.conjuncts(d) {
                    if let Some(a) = doc.actor_at(items, dc, true) {
                        out.push(a);
                    }
                }
            }
            continue;
        }
        if doc.lang.is(Class::FirstPersonSubject, &l)
            && let Some(sp) = speaker.or_else(|| quote_goes_on(doc, s))
        {
            out.push(sp);
            continue;
        }
        // "Security Council powers France, Britain, Russia and the United States", "the two
        // neighbours, India and Pakistan": a common noun whose apposition names the actors.
        for d in p.dependents(c).filter(|d| p.has_rel(*d, "appos")) {
            for dc in p.conjuncts(d) {
                if let Some(a) = doc.actor_at(items, dc, false) {
                    out.push(a);
                }
            }
        }
    }
    out.dedup();
    // "Kenya and Sudan sent envoys to Addis Ababa. They agreed to reopen the border": the pair
    // a plural "they" stands for, as the events stage reads it.
    if out.is_empty()
        && let Some(t) = p.token(w).filter(|t| t.upos == "PRON")
        && let Some(pair) = crate::event_args::pair_they(k, doc, s, t.start)
    {
        return FromTree::Actors(pair);
    }
    if out.is_empty() {
        // "It calls for direct talks" after "The measure was adopted": "it" is the thing the
        // sentence before is about, not a state.
        let is_it = p
            .token(w)
            .is_some_and(|t| doc.lang.is(Class::NeuterPronoun, &t.text));
        if is_it && !previous_subject_is_actor(doc, s) {
            return FromTree::Nobody;
        }
        // "The resolution calls for talks", "the plan proposes ...": a thing, not an actor,
        // takes the stance. A claim's subject is the territory ("the islands are an integral
        // part of our territory"): its holder is found otherwise.
        // "The Administration has strongly supported ...": the government of the state the
        // text speaks for.
        let own_government = matches!(lemma(doc, w).as_str(), "administration" | "government")
            && p.dependents(w).all(|d| matches!(p.rel(d), "det" | "punct"));
        if own_government && let Some(v) = ctx.voice {
            return FromTree::Actors(vec![v]);
        }
        if !ctx.claim && p.token(w).is_some_and(|t| t.upos == "NOUN") {
            return FromTree::Nobody;
        }
        // "The United States recognizes that the Golan Heights are part of Israel": a claim
        // whose subject is the territory is held by the subject of the verb that states it.
        if ctx.claim
            && let Some(governor) = p
                .head(w)
                .filter(|pred| p.rel(*pred) == "ccomp")
                .and_then(|pred| p.head(pred))
                .and_then(|h| p.dependent(h, "nsubj"))
            && let FromTree::Actors(a) = actors_of(k, doc, items, governor, s, ctx)
        {
            return FromTree::Actors(a);
        }
        return FromTree::Unknown;
    }
    FromTree::Actors(out)
}

/// The speaker of a quotation that sentence `s` continues: it opens with a quotation mark and
/// the sentence before it names its speaker (`"...," he said. "And ..."`).
fn quote_goes_on(doc: &Doc<'_>, s: usize) -> Option<usize> {
    let first = doc.sentences.get(s)?.tokens.start;
    if !matches!(doc.tok(first), "\"" | "\u{201c}") {
        return None;
    }
    let prev = s.checked_sub(1)?;
    doc.clauses
        .iter()
        .filter(|c| c.sentence == prev)
        .find_map(|c| c.speaker)
}

/// Whether the main subject of the sentence before `s` is an actor.
fn previous_subject_is_actor(doc: &Doc<'_>, s: usize) -> bool {
    let Some(prev) = s.checked_sub(1) else {
        return true;
    };
    let p = &doc.parse;
    let Some(parsed) = p.sentence(prev) else {
        return true;
    };
    let Some(root) = parsed.tokens.iter().rposition(|t| t.head == 0) else {
        return true;
    };
    let root = Word {
        sentence: prev,
        index: root,
    };
    let Some(subj) = p.dependent(root, "nsubj") else {
        return true;
    };
    doc.actor_at(doc.sentence_items(prev), subj, true).is_some()
}

/// A pronoun subject of a reported clause is the reporting verb's subject when their number
/// agrees: "Japan said it supports ...", "both leaders told me that they are ready ...".
fn reported_pronoun(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    w: Word,
    s: usize,
    ctx: TreeContext,
) -> Option<Vec<usize>> {
    let p = &doc.parse;
    let l = lemma(doc, w);
    if !doc.lang.is(Class::SubjectPronoun, &l) {
        return None;
    }
    let reporter = p
        .head(w)
        .filter(|x| p.rel(*x) == "ccomp")
        .and_then(|x| p.head(x))
        .filter(|h| p.token(*h).is_some_and(|t| t.upos == "VERB"))
        .and_then(|h| p.dependent(h, "nsubj"))?;
    let plural = p.token(reporter).is_some_and(|t| t.xpos.ends_with('S'))
        || lemma(doc, reporter) == "they"
        || p.conjuncts(reporter).len() > 1;
    if plural != (l == "they") {
        return None;
    }
    match actors_of(k, doc, items, reporter, s, ctx) {
        FromTree::Actors(a) => Some(a),
        _ => None,
    }
}

/// The holders the parse gives the cue at `items[at]`: its subject's actors; for a pronoun
/// ("they", "we") in a reported clause, the subject of the verb that reports it; partners
/// joined "in concert with" or "together with" the subject.
pub(super) fn from_tree(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    s: usize,
    ctx: TreeContext,
) -> FromTree {
    // Gates (gates.rs): no stance can be kept here, or the clause is plain.
    if crate::gates::no_stance_possible(k, doc, items, at, s) {
        return FromTree::Unknown;
    }
    let cue = items[at];
    if !ctx.claim
        && let Some(a) = demanded_by(k, doc, items, &cue, s, ctx)
    {
        return FromTree::Actors(a);
    }
    if !ctx.claim
        && let Some(a) = reported_course(k, doc, items, &cue, s, ctx)
    {
        return FromTree::Actors(a);
    }
    if let Some(a) = crate::gates::stance_agents(doc, items, at, s, ctx.speaker) {
        return FromTree::Actors(a);
    }
    // "Japan says Moscow regards the islands as its territory": the possessive refers back to
    // the subject of the verb that makes the territory a predicate of the place; that subject
    // claims it, not whoever reports the words.
    if ctx.claim
        && let Some(v) = possessive_claimant(doc, &cue)
        && let FromTree::Actors(a) = actors_of(k, doc, items, v, s, ctx)
    {
        return FromTree::Actors(a);
    }
    // "Peru issued a statement condemning the raid", "gave him a resolution that demands ...":
    // the clause on the text says what its issuer says.
    if let Some(v) = issuing_verb_of_text(doc, &cue)
        && let Some(subject) = climbed_subject(doc, v)
        && let FromTree::Actors(a) = actors_of(k, doc, items, subject, s, ctx)
    {
        return FromTree::Actors(a);
    }
    let (w, relative) = match subject_word(doc, &cue) {
        Some(Climb::Subject(w, relative)) => (w, relative),
        Some(Climb::Lost) => return FromTree::Nobody,
        None => return FromTree::Unknown,
    };
    let found = match reported_pronoun(k, doc, items, w, s, ctx) {
        Some(a) => FromTree::Actors(a),
        None => actors_of(k, doc, items, w, s, ctx),
    };
    // "Uganda said the map, which claims the whole lake for Kenya, was false": a relative
    // clause's stance is its antecedent's; an antecedent that names no actor leaves it no one's,
    // not the speaker's.
    if relative && !matches!(found, FromTree::Actors(_)) {
        return FromTree::Nobody;
    }
    let FromTree::Actors(mut actors) = found else {
        return found;
    };
    // "The United States, in concert with the United Kingdom, is imposing ...".
    let first = doc.sentences[s].tokens.start;
    for t in first..cue.tok {
        let joined = doc.tok_is_a(t, Class::JointLead) && doc.tok_is_a(t + 1, Class::PartnerWith);
        if !joined {
            continue;
        }
        let partner = items.iter().find_map(|x| match x.kind {
            ItemKind::Actor {
                actor,
                adjectival: false,
                ..
            } if x.tok > t + 1 && x.tok <= t + 3 && x.tok < cue.tok => Some(actor),
            _ => None,
        });
        if let Some(a) = partner
            && !actors.contains(&a)
        {
            actors.push(a);
        }
    }
    FromTree::Actors(actors)
}

/// The verb that puts out the text whose clause the cue heads (lexicon `issuing_verb` of a
/// `text_noun` object): "Peru issued a statement condemning the raid" (the participle on the
/// noun, or on the verb right after its object), "handed him a resolution that demands the
/// release" (a relative clause on it). None for a verb that acts on another's text ("Russia
/// vetoed a resolution condemning Syria") or a clause on any other noun ("protesters
/// demanding the withdrawal").
pub(super) fn issuing_verb_of_text(doc: &Doc<'_>, cue: &Item) -> Option<Word> {
    let p = &doc.parse;
    let w = p.head_of(&p.words_in(cue.start, cue.end))?;
    let (noun, verb) = match p.rel(w) {
        "acl" | "acl:relcl" => {
            let n = p.head(w)?;
            (n, p.head(n)?)
        }
        "advcl" => {
            let v = p.head(w)?;
            let n = p.dependent(v, "obj")?;
            // The participle right after the object ("issued a statement demanding"), as the
            // parse may hang it on the verb; not one after a comma ("issued a statement,
            // demanding"), which the verb's subject holds anyway.
            if n.index + 1 != w.index {
                return None;
            }
            (n, v)
        }
        _ => return None,
    };
    let text = p.token(noun)?.text.to_ascii_lowercase();
    (p.has_rel(noun, "obj")
        && p.head(noun) == Some(verb)
        && doc.lexicon.is(Lex::TextNoun, &text)
        && doc.lexicon.is(Lex::IssuingVerb, &lemma(doc, verb)))
    .then_some(verb)
}

/// The subject of verb `v`, or of the verb it hangs on when it has none ("called in the envoy
/// to give him a resolution": the one who called him in).
///
/// Not `event_args::subject_of`, the events' climber, on purpose: that one refuses to climb
/// from an infinitive after a verb of asking or with an object ("urged Peru to withdraw" is a
/// request, the act not the asker's), while here the issuer of a text is whoever hands it over
/// ("called in the envoy to give him a note": the one who called him in gives it); it also
/// reads threats, causing verbs and purpose clauses that a text's issuer does not need.
fn climbed_subject(doc: &Doc<'_>, v: Word) -> Option<Word> {
    let p = &doc.parse;
    let mut w = v;
    for _ in 0..CLIMB {
        if let Some(n) = p.dependent(w, "nsubj") {
            return Some(n);
        }
        match p.rel(w) {
            "xcomp" | "advcl" | "conj" => w = p.head(w)?,
            _ => return None,
        }
    }
    None
}

/// The subject of the verb whose object a claim cue opened by a possessive pronoun qualifies:
/// "regards the islands as its territory", "considers the islands their own territory" (the
/// parse hangs the noun on the place, or on the verb after "as"). None when the cue has no such
/// possessive or the verb's subject is itself the place ("the islands are its territory").
fn possessive_claimant(doc: &Doc<'_>, cue: &Item) -> Option<Word> {
    let p = &doc.parse;
    let words = p.words_in(cue.start, cue.end);
    let noun = p.head_of(&words)?;
    let owned = p.dependents(noun).any(|d| {
        p.has_rel(d, "nmod:poss")
            && p.token(d).is_some_and(|t| {
                doc.lang
                    .is(Class::PossessivePronoun, &t.text.to_ascii_lowercase())
            })
    });
    if !owned {
        return None;
    }
    let head = p.head(noun)?;
    let verb = match p.rel(noun) {
        // "regards the islands as its territory": the noun qualifies the verb's object.
        "nmod" | "nmod:unmarked" if p.has_rel(head, "obj") => p.head(head)?,
        "obl" | "xcomp" => head,
        _ => return None,
    };
    if p.token(verb)?.upos != "VERB" {
        return None;
    }
    p.dependent(verb, "nsubj")
}

/// The actors who demand the cue's act of another: "the United States and South Korea have
/// said that Pyongyang must halt its enrichment program" is the reporters' opposition to the
/// program, not Pyongyang's. The cue's predicate carries a modal of obligation and is the
/// complement of a verb whose subject names actors other than the one obliged.
fn demanded_by(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    cue: &Item,
    s: usize,
    ctx: TreeContext,
) -> Option<Vec<usize>> {
    // Only a sentence with a modal of obligation can hold one: the parse is not asked otherwise.
    if !obligation_in(doc, s) {
        return None;
    }
    let p = &doc.parse;
    let mut w = p.head_of(&p.words_in(cue.start, cue.end))?;
    // "... must halt X before talks can resume": the resumption is demanded on that condition.
    if let Some(h) = precondition_of(doc, w) {
        w = h;
    }
    let (w, report) = reported_obligation(doc, w)?;
    let demanders = match p
        .dependent(report, "nsubj")
        .map(|reporter| actors_of(k, doc, items, reporter, s, ctx))
    {
        Some(FromTree::Actors(a)) if !a.is_empty() => a,
        // The parse may miss a coordinated subject ("the United States and South Korea have
        // said"): the actors named between the clause's start and its verb.
        _ => actors_before(doc, items, report, s),
    };
    let asked = p
        .dependent(w, "nsubj")
        .and_then(|o| match actors_of(k, doc, items, o, s, ctx) {
            FromTree::Actors(a) => Some(a),
            _ => None,
        })
        .unwrap_or_default();
    (!demanders.is_empty() && demanders.iter().all(|d| !asked.contains(d))).then_some(demanders)
}

/// The actors who say a course they are party to goes on: "Blair said the negotiations over
/// Gibraltar will continue", "Japan says the talks will resume" is the reporters' support of the
/// talks. The cue is a verb of going on (lexicon `course_verb`) with a known topic as its subject
/// and no object, in the complement of a reporting verb that is not negated, whose subject names
/// actors. A modal of obligation is `demanded_by`'s; a topic that names whose it is ("Chinese
/// incursions will continue") is no course of the reporters', so none is read here.
fn reported_course(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    cue: &Item,
    s: usize,
    ctx: TreeContext,
) -> Option<Vec<usize>> {
    // Parse gates: only a cue with a word that may be a form of a verb of going on ("continues",
    // "resumed") is parsed to ask.
    if !crate::gates::may_be_form_of(doc, cue, &[Lex::CourseVerb]) && !doc.parse.asks_always() {
        return None;
    }
    let (_, topic_tok) = subject_topic(doc, items, cue)?;
    let p = &doc.parse;
    let w = p.head_of(&p.words_in(cue.start, cue.end))?;
    if !doc.lexicon.is(Lex::CourseVerb, &lemma(doc, w)) || p.negated(w) {
        return None;
    }
    // "the annexation will continue to poison relations": the course goes on into another act,
    // which is what is said of it.
    if p.dependents(w)
        .any(|d| p.has_rel(d, "xcomp") || p.has_rel(d, "obj") || p.has_rel(d, "ccomp"))
    {
        return None;
    }
    let subj = p.dependent(w, "nsubj")?;
    let (start, end) = p.subtree_span(subj)?;
    // "Russian patrols", "China's incursions": a subject owned by an actor is that actor's.
    // "the negotiations over Gibraltar" names a place after the topic, no owner.
    // "the sanctions against Moscow", "the sanctions imposed by Russia" name whose they are or
    // whom they hit after the topic too; only a phrase of the topic's subject ("over",
    // "about") does not.
    let from = doc.token_at(start);
    let owned_after = |x: &Item| {
        x.tok > topic_tok
            && x.end <= end
            && !(x.tok > 0 && doc.tok_is_a(x.tok - 1, Class::TopicCase))
    };
    if from > topic_tok
        || items.iter().any(|x| {
            matches!(x.kind, ItemKind::Actor { .. })
                && x.tok >= from
                && x.end <= end
                && (x.tok < topic_tok || owned_after(x))
        })
    {
        return None;
    }
    if !p.has_rel(w, "ccomp") {
        return None;
    }
    let report = p.head(w)?;
    if p.token(report).is_none_or(|t| t.upos != "VERB") || p.negated(report) {
        return None;
    }
    named_by(k, doc, items, p.dependent(report, "nsubj")?, s, ctx)
}

/// The actors named as subjects before verb `v` in its own clause: after the sentence's start,
/// its last comma or "but" before the verb.
fn actors_before(doc: &Doc<'_>, items: &[Item], v: Word, s: usize) -> Vec<usize> {
    let Some(verb) = doc.parse.token(v) else {
        return Vec::new();
    };
    let first = doc.sentences[s].tokens.start;
    let verb_tok = doc.token_at(verb.start);
    let from = (first..verb_tok)
        .rev()
        .find(|&t| doc.tok_in(t, &[",", ";", "but"]))
        .map_or(first, |t| t + 1);
    let mut out = Vec::new();
    for x in items {
        if let ItemKind::Actor {
            actor,
            adjectival: false,
            possessive: false,
            ..
        } = x.kind
            && x.tok >= from
            && x.tok_end <= verb_tok
            && !out.contains(&actor)
        {
            out.push(actor);
        }
    }
    out
}

/// Whether a proposal noun is the object of a verb that does not make proposals ("rejected the
/// plan", "turned down the offer"): its subject answers the proposal, it did not make it.
fn taken_by_another(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(w) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    let is_noun = p.token(w).is_some_and(|t| t.upos == "NOUN");
    is_noun
        && p.has_rel(w, "obj")
        && p.head(w).and_then(|v| p.token(v)).is_some_and(|v| {
            v.upos == "VERB" && !doc.tok_is_a(doc.token_at(v.start), Class::ProposingVerb)
        })
}

/// The obliged predicate that predicate `w` is a precondition clause of: "Pyongyang must halt
/// its program before talks can resume" gives "halt" for "resume".
fn precondition_of(doc: &Doc<'_>, w: Word) -> Option<Word> {
    let p = &doc.parse;
    let marked = p.rel(w) == "advcl"
        && p.dependents(w).any(|d| {
            p.has_rel(d, "mark")
                && p.token(d)
                    .is_some_and(|t| doc.tok_is_a(doc.token_at(t.start), Class::Precondition))
        });
    let mut h = p.head(w).filter(|_| marked)?;
    // "must halt X and improve Y before ...": the clause may hang on the last of the demands.
    if !obliged(doc, h) && p.rel(h) == "conj" {
        h = p.head(h)?;
    }
    obliged(doc, h).then_some(h)
}

/// The condition a stance cue's obligation sets, as a text span: "Pyongyang must halt its
/// program and improve relations before talks can resume" makes the resumption conditional on
/// the words from the obliged subject up to "before".
pub(super) fn precondition(doc: &Doc<'_>, cue: &Item, s: usize) -> Option<(usize, usize)> {
    let plain = !obligation_in(doc, s)
        || !doc.sentences[s]
            .tokens
            .clone()
            .any(|t| doc.tok_is_a(t, Class::Precondition));
    if plain {
        return None;
    }
    let p = &doc.parse;
    let w = p.head_of(&p.words_in(cue.start, cue.end))?;
    let h = precondition_of(doc, w)?;
    let from = p.dependent(h, "nsubj").unwrap_or(h);
    let (start, _) = p.subtree_span(from)?;
    let mark = p
        .dependents(w)
        .find(|d| p.has_rel(*d, "mark"))
        .and_then(|d| p.token(d))?;
    (start < mark.start).then_some((start, mark.start))
}

/// The topic an intransitive cue's subject names: "talks can resume", "the talks resumed".
pub(super) fn subject_topic(doc: &Doc<'_>, items: &[Item], cue: &Item) -> Option<(usize, usize)> {
    // Only a topic named before the cue can be its subject: the parse is not asked otherwise.
    if !items
        .iter()
        .any(|x| matches!(x.kind, ItemKind::Topic(_)) && x.end <= cue.start)
    {
        return None;
    }
    let p = &doc.parse;
    let w = p.head_of(&p.words_in(cue.start, cue.end))?;
    if p.dependent(w, "obj").is_some() {
        return None;
    }
    let subj = p.dependent(w, "nsubj").and_then(|x| p.token(x))?;
    items.iter().find_map(|x| match x.kind {
        ItemKind::Topic(t) if x.start <= subj.start && subj.start < x.end => Some((t, x.tok)),
        _ => None,
    })
}

/// The actors who endorse the claim at `items[at]`: the subject of an endorsing verb
/// (`endorsing_verb`) whose complement the claim is, when the claim is a predicate ("that
/// Mauritius is sovereign over ...", "that the islands belong to Japan"). A claiming verb with
/// its own subject ("agreed that Japan claims the islands") is that subject's claim alone.
pub(super) fn claim_endorsers(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    s: usize,
    ctx: TreeContext,
) -> Vec<usize> {
    let p = &doc.parse;
    let cue = items[at];
    let words = p.words_in(cue.start, cue.end);
    let Some(w) = p.head_of(&words) else {
        return Vec::new();
    };
    // The claim's predicate: the cue's head, or the word it hangs from ("is part of": "part").
    let pred = if p.rel(w) == "ccomp" {
        Some(w)
    } else {
        p.head(w).filter(|h| p.rel(*h) == "ccomp")
    };
    let Some(pred) = pred else {
        return Vec::new();
    };
    let predicative = lemma(doc, pred) != "claim"
        && lemma(doc, w) != "claim"
        && (p.dependent(pred, "cop").is_some() || lemma(doc, pred) == "belong");
    let Some(governor) = p.head(pred).filter(|_| predicative) else {
        return Vec::new();
    };
    if !doc.lexicon.is(Lex::EndorsingVerb, &lemma(doc, governor)) {
        return Vec::new();
    }
    let Some(subj) = p.dependent(governor, "nsubj") else {
        return Vec::new();
    };
    match actors_of(k, doc, items, subj, s, ctx) {
        FromTree::Actors(a) => finish(doc, a, false).0,
        _ => Vec::new(),
    }
}
