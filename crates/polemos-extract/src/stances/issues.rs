//! What a stance is about: a recurring topic after the cue, the sovereignty a claim is about,
//! the thing a judgement qualifies, or a new issue named by a readable noun phrase, never a
//! clause ("has been conveyed through diplomatic channels") or a phrase cut short.

use super::super::ir::{Doc, Item, ItemKind, TokKind};
use super::super::knowledge::{Cue, Knowledge};
use super::super::lang::Class;
use super::super::lexicon::Lex;
use super::super::mentions::after_possessive;
use super::super::tree::{Parse, Word};
use polemos_core::names::slugify;

/// How far after a cue its topic may stand, in tokens.
const TOPIC_WINDOW: usize = 12;
/// Longest noun phrase proposed as a new issue, in tokens.
const MAX_NEW_ISSUE_TOKENS: usize = 4;
/// Longest owner before a possessive ("the Syrian regime's"), in tokens from its first word.
const MAX_OWNER_TOKENS: usize = 3;

/// How far after a claim verb its object may stand, in tokens.
const CLAIM_WINDOW: usize = 5;
/// How far before a judgement the thing judged may stand, in tokens.
const ASSESS_BACK: usize = 10;
/// How far after a judgement ("an illegal referendum") the thing judged may stand, in tokens.
const ASSESS_AHEAD: usize = 9;
/// How close after a judgement the thing it qualifies stands ("an illegal referendum").
const ATTRIBUTIVE: usize = 3;

/// An issue's id from the words that name it: an initialism's dots go first, so that "the U.N.
/// report" is `un-report`, as the initialism is written without dots ("UN report") and as
/// readers name it, not `u-n-report`.
fn issue_slug(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let single = |i: usize| {
        chars.get(i).is_some_and(|c| c.is_alphabetic())
            && (i == 0 || !chars[i - 1].is_alphabetic())
            && !chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
    };
    let joined: String = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| !(c == '.' && i > 0 && single(i - 1) && single(i + 1)))
        .map(|(_, &c)| c)
        .collect();
    slugify(&joined)
}

pub(super) fn topic_after(items: &[Item], at: usize, stop: usize) -> Option<(usize, usize)> {
    let cue = items[at];
    items[at + 1..]
        .iter()
        .take_while(|it| it.start < stop && it.tok.saturating_sub(cue.tok_end) <= TOPIC_WINDOW)
        .find_map(|it| match it.kind {
            ItemKind::Topic(t) => Some((t, it.tok)),
            _ => None,
        })
}

pub(super) fn new_issue(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<(String, String)> {
    new_issue_from(doc, items, items[at].tok_end, stop_tok, false)
}

/// What an accusation is about: the topic or phrase after its "of" or "for".
pub(super) enum Accused {
    Topic(usize, usize),
    New(String, String),
}

/// How far after an accusation verb its "of" may stand ("accused the Philippine coast guard
/// of ...").
const ACCUSED_OF_WINDOW: usize = 7;

/// The act an accusation names: "accused Manila of provoking tensions" (an act named by a
/// gerund phrase), "blamed Seoul for the clash" (a noun phrase or a topic right after the
/// preposition). A topic inside the act ("of violating the ceasefire") is not the act.
pub(super) fn accused_of(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<Accused> {
    let (of, first) = charge_start(doc, items[at].tok_end, stop_tok)?;
    // "accused Thailand of supporting the Shan": the support charged is what is opposed.
    if let Some((id, title)) =
        backing_gerund_at(doc, first, stop_tok).and_then(|g| backing_charge(doc, g, stop_tok))
    {
        return Some(Accused::New(id, title));
    }
    // "accused Japan of trying to smear Beijing's image": the act tried is accused.
    if doc.tok_in_lex(first, Lex::AttemptGerund)
        && first + 2 < stop_tok
        && doc.tok_is_a(first + 1, Class::InfinitiveMarker)
    {
        return attempted_act(doc, items, first + 2, stop_tok);
    }
    let topic = topic_at(items, first);
    // "accused the peacekeepers of siding with the separatists": a lone gerund whose complement
    // a preposition cut off names no act ("siding"); nothing is named rather than that.
    let cut_gerund = first + 1 < stop_tok
        && doc
            .lang
            .ends_with_lower(Class::GerundSuffix, doc.tok(first))
        && doc.tok_is_a(first + 1, Class::IssueEnd)
        && !doc.tok_is_a(first + 1, Class::PhraseCoordinator);
    topic.or_else(|| {
        (!cut_gerund)
            .then(|| new_issue_from(doc, items, of + 1, stop_tok, true))
            .flatten()
            .map(|(id, t)| Accused::New(id, t))
    })
}

/// Where the charge of an accusation whose cue ends at token `end` starts: its "of" or "for"
/// within `ACCUSED_OF_WINDOW`, and the first word after it past words that lead an issue in
/// ("of allegedly supporting").
fn charge_start(doc: &Doc<'_>, end: usize, stop_tok: usize) -> Option<(usize, usize)> {
    let window = (end + ACCUSED_OF_WINDOW).min(stop_tok);
    let of = (end..window)
        .filter(|&t| doc.tok_is_a(t, Class::ChargePreposition))
        .find(|&t| !says_how_long(doc, t, window))?;
    Some((of, charged_word(doc, of, stop_tok)))
}

/// Whether the preposition at token `t` says how long the accusing has gone on (lexicon class
/// `charge_duration`: "accused each other for years of supporting rebels", "for many months"),
/// with the charge's own preposition right after the span ("blamed Seoul for weeks over the
/// loss of its warship" names no charge after the span). "blamed Sudan for years of neglect"
/// charges the years of neglect: an "of" before a noun the parse hangs on the span of time is
/// part of it (one before a gerund is the charge, wherever the parse hangs it).
fn says_how_long(doc: &Doc<'_>, t: usize, window: usize) -> bool {
    let p = &doc.parse;
    let word = |x: usize| p.word_at(doc.tokens[x].start);
    let duration = (t + 1..(t + 3).min(window)).find(|&x| doc.tok_is_a(x, Class::ChargeDuration));
    duration.is_some_and(|d| {
        let x = d + 1;
        x < window
            && doc.tok_is_a(x, Class::ChargePreposition)
            && word(x).and_then(|w| p.head(w)).is_none_or(|h| {
                p.token(h).is_some_and(|x| x.upos == "VERB") || p.head(h) != word(d)
            })
    })
}

/// The first word after the charge's preposition at token `of`, past words that lead an issue
/// in ("of allegedly supporting") and adverbs of manner on the word charged ("of actively
/// supporting the rebels", `manner_of_next`).
fn charged_word(doc: &Doc<'_>, of: usize, stop_tok: usize) -> usize {
    let mut first = of + 1;
    while first < stop_tok
        && (doc.tok_is_a(first, Class::IssueLead) || manner_of_next(doc, first, stop_tok))
    {
        first += 1;
    }
    first
}

/// Whether token `t` is an adverb the parse hangs on the next word as its modifier ("actively"
/// in "actively supporting", "openly arming"), not one that negates it ("never supporting": a
/// word of the class `negation`).
fn manner_of_next(doc: &Doc<'_>, t: usize, stop_tok: usize) -> bool {
    let p = &doc.parse;
    if t + 1 >= stop_tok || doc.tok_upos(t) != "ADV" {
        return false;
    }
    let (Some(w), Some(next)) = (
        p.word_at(doc.tokens[t].start),
        p.word_at(doc.tokens[t + 1].start),
    ) else {
        return false;
    };
    // Not a negation ("never"), an adverb of too little ("barely") or one a negation leads
    // ("no longer").
    p.has_rel(w, "advmod")
        && p.head(w) == Some(next)
        && p.dependents(w).next().is_none()
        && !p.token(w).is_some_and(|x| {
            let lemma = x.lemma.to_lowercase();
            doc.lang.is(Class::Negation, &lemma) || doc.lang.is(Class::ScantAdverb, &lemma)
        })
}

/// Token `first` when it is a gerund of backing (lexicon `backing_gerund`) before `stop_tok`.
fn backing_gerund_at(doc: &Doc<'_>, first: usize, stop_tok: usize) -> Option<usize> {
    (first < stop_tok && doc.tok_in_lex(first, Lex::BackingGerund)).then_some(first)
}

/// Whether an accusation whose cue ends at token `end` charges the gerund of backing at token
/// `g` ("accused Thailand of supporting the Shan"), which is then no support of the accuser's
/// (`charged_act` in the stances). Every "of" or "for" in the window counts, not only the first
/// that `accused_of` names the charge by: "accused the Philippines of lying and of backing
/// fishermen", "of arming the rebels and of supporting the smugglers" charge each backing.
pub(super) fn charges_backing(doc: &Doc<'_>, end: usize, stop_tok: usize, g: usize) -> bool {
    let window = (end + ACCUSED_OF_WINDOW).min(stop_tok);
    (end..window)
        .filter(|&t| doc.tok_is_a(t, Class::ChargePreposition))
        .any(|of| backing_gerund_at(doc, charged_word(doc, of, stop_tok), stop_tok) == Some(g))
}

/// A charge of backing a side, from its gerund at token `g` (lexicon `backing_gerund`:
/// "accused Thailand of supporting the Shan", "of arming the rebels"): support for the side
/// backed, named by the words after the gerund up to a word that ends phrases, its determiners
/// dropped (`support-for-shan`). The side alone would name what the accused backs, not what the
/// accuser opposes. Nothing when no word follows the gerund, or when what follows is an
/// activity, a noun with an infinitive ("of aiding efforts to smuggle crab").
fn backing_charge(doc: &Doc<'_>, g: usize, stop_tok: usize) -> Option<(String, String)> {
    // "backing down from the deal", "backing out of": a verb with its particle backs no one.
    if g + 1 < stop_tok && matches!(doc.tok_upos(g + 1), "ADV" | "ADP") {
        return None;
    }
    let mut start = g + 1;
    while start < stop_tok && doc.tok_is_a(start, Class::Determiner) {
        start += 1;
    }
    // "of funding it": a pronoun names no side.
    if start < stop_tok && doc.tok_upos(start) == "PRON" && !doc.tok_is_a(start, Class::Determiner)
    {
        return None;
    }
    let mut end = start;
    // Inner hyphens and their second parts do not count as words ("Mujahedin-e-Khalq"); an
    // adverb after the side ("too slowly", "only in words") is not part of it.
    while end < stop_tok
        && end - start - hyphens(doc, start, end) < MAX_NEW_ISSUE_TOKENS
        && (matches!(doc.tokens[end].kind, TokKind::Word) || inner_hyphen(doc, end) && end > start)
        && !doc.tok_is_a(end, Class::IssueEnd)
        && !(end > start && doc.tok_upos(end) == "ADV")
        && !(end > start && post_nominal_participle(doc, end))
    {
        end += 1;
    }
    while end > start && inner_hyphen(doc, end - 1) {
        end -= 1;
    }
    // "backing Ukraine's membership of NATO": the side would be cut at its owner.
    if end == start || end < stop_tok && doc.tok_upos(end) == "PART" {
        return None;
    }
    // "of aiding efforts to smuggle crab": an intent with its infinitive names an activity
    // backed, not a side; a side with an infinitive of what it is backed to do ("of arming
    // rebels to attack the capital") is the side alone.
    if let Some(to) = (start..end)
        .find(|&t| doc.tok_is_a(t, Class::InfinitiveMarker) && doc.tok_upos(t) == "PART")
    {
        // "a terrorist network plotting to kill": a side ends in a noun, not in what it does.
        if to == start
            || doc.tok_in_lex(to - 1, Lex::IntentNoun)
            || !matches!(doc.tok_upos(to - 1), "NOUN" | "PROPN")
        {
            return None;
        }
        end = to;
    }
    let side = doc.slice(doc.tokens[start].start, doc.tokens[end - 1].end);
    let name = doc
        .lexicon
        .phrases(Lex::BackingChargeName)
        .next()?
        .join(" ");
    let title = format!("{name} {side}");
    Some((issue_slug(&title)?, title))
}

/// Whether token `t` is a participle right after a noun, which opens a clause modifying it
/// ("rebel movements aimed at toppling the government", "a network plotting to kill"): the
/// side backed ends before it. Only a participle the parse hangs on that noun as a clause: one
/// that opens a compound ("money laundering networks", "fighting units") is a word of the side.
/// A participle after an inner hyphen is a word of a name ("US-backed militias").
fn post_nominal_participle(doc: &Doc<'_>, t: usize) -> bool {
    if t == 0 || !matches!(doc.tok_upos(t - 1), "NOUN" | "PROPN") {
        return false;
    }
    let p = &doc.parse;
    let (Some(w), Some(noun)) = (
        p.word_at(doc.tokens[t].start),
        p.word_at(doc.tokens[t - 1].start),
    ) else {
        return false;
    };
    p.token(w)
        .is_some_and(|x| matches!(x.xpos.as_str(), "VBN" | "VBG"))
        && p.rel(w) == "acl"
        && p.head(w) == Some(noun)
}

/// The act an attempt is accused of, from the verb after its "to" (token `from`, maybe after
/// a quotation mark): the verb alone when what it acts upon is an actor or an actor's
/// ("trying to \"smear\" Beijing's image" names `smear`, "trying to provoke Russia"
/// `provoke`), else the verb with the thing it acts upon ("attempting to alter the border":
/// `alter-border`). Nothing when the parse reads no verb there, when the verb names no act of
/// its own (lexicon `empty_act_verb`: "trying to become a military power", "seeking to have
/// the last word"), or when it has no object and acts upon no actor ("trying to go back on its
/// word").
fn attempted_act(doc: &Doc<'_>, items: &[Item], from: usize, stop_tok: usize) -> Option<Accused> {
    let quote = |t: usize| {
        matches!(doc.tokens[t].kind, TokKind::Punct)
            && matches!(doc.tok(t), "\"" | "\u{201c}" | "\u{201d}" | "'")
    };
    let mut v = from;
    while v < stop_tok && quote(v) {
        v += 1;
    }
    if v >= stop_tok {
        return None;
    }
    let p = &doc.parse;
    let w = p.word_at(doc.tokens[v].start)?;
    if p.token(w)?.upos != "VERB" {
        return None;
    }
    let verb = base_form(&super::holders::lemma(doc, w), doc.tok(v));
    if doc.lexicon.is(Lex::EmptyActVerb, &verb.to_lowercase()) {
        return None;
    }
    let mut next = v + 1;
    while next < stop_tok && quote(next) {
        next += 1;
    }
    let acted_on_actor = items
        .iter()
        .any(|x| x.tok == next && matches!(x.kind, ItemKind::Actor { .. }));
    // A verb with no object acts upon nothing the accuser can oppose ("trying to go back on
    // its word"): no act is named rather than the bare verb.
    if acted_on_actor {
        return Some(Accused::New(issue_slug(&verb)?, verb));
    }
    if next >= stop_tok
        || !matches!(doc.tokens[next].kind, TokKind::Word)
        || p.dependent(w, "obj").is_none()
    {
        return None;
    }
    let (id, title) = new_issue_from(doc, items, next, stop_tok, false)?;
    Some(Accused::New(
        format!("{}-{id}", issue_slug(&verb)?),
        format!("{verb} {title}"),
    ))
}

/// Whether the accusation cue is a passive participle without its agent ("Iran stands accused
/// of aiding terrorism", "was accused of"): its subject is the accused, who takes no stance
/// against the charge by being charged, and the accuser is not named.
pub(super) fn accuser_unnamed(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let Some(w) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    // An active perfect ("India has accused Pakistan of ...") has its own subject, auxiliary
    // or object; the parse may hang "accused" on "stands" in any way.
    p.token(w).is_some_and(|t| t.xpos == "VBN")
        && p.dependent(w, "obl:agent").is_none()
        && !p.dependents(w).any(|d| {
            let rel = p.token(d).map_or("", |t| t.deprel.as_str());
            matches!(rel, "nsubj" | "aux" | "obj" | "iobj")
                || p.has_rel(d, "obl")
                    && p.introducer(d)
                        .is_some_and(|c| doc.lang.is(Class::AgentPreposition, &c))
        })
}

/// The first token from `t` that is no word leading an issue ("the", "any", "its").
fn past_issue_leads(doc: &Doc<'_>, mut t: usize, stop_tok: usize) -> usize {
    while t < stop_tok && doc.tok_is_a(t, Class::IssueLead) {
        t += 1;
    }
    t
}

/// The known topic whose mention starts at token `t`.
fn topic_at(items: &[Item], t: usize) -> Option<Accused> {
    items.iter().find_map(|x| match x.kind {
        ItemKind::Topic(topic) if x.tok == t => Some(Accused::Topic(topic, x.tok)),
        _ => None,
    })
}

/// What a phrase starting at token `first` names: the known topic there, else a new issue
/// (`new_issue_from`).
fn named_at(
    doc: &Doc<'_>,
    items: &[Item],
    first: usize,
    stop_tok: usize,
    gerund_ok: bool,
) -> Option<Accused> {
    topic_at(items, first).or_else(|| {
        new_issue_from(doc, items, first, stop_tok, gerund_ok).map(|(id, t)| Accused::New(id, t))
    })
}

/// How far after an accusing verb its object's noun of intent may stand ("regrets the Russian
/// government's decision to ...").
const INTENT_REACH: usize = 6;

/// What an accusing verb's object names when it is a noun of intent with its infinitive:
/// "deeply regrets Russia's decision to suspend participation in the Initiative" is against
/// the decision (`new_issue_from` names the act).
pub(super) fn intended_act(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<Accused> {
    let cue = items[at];
    let end = (cue.tok_end + INTENT_REACH).min(stop_tok);
    (cue.tok_end..end).find(|&t| {
        doc.tok_in_lex(t, Lex::IntentNoun) && doc.tok_is_a(t + 1, Class::InfinitiveMarker)
    })?;
    new_issue_from(doc, items, cue.tok_end, stop_tok, false).map(|(id, t)| Accused::New(id, t))
}

/// How far after the actor a stance is taken toward its "over" may stand ("lodged a protest
/// with Russia over ...").
const OVER_REACH: usize = 3;

/// What a stance taken toward an actor is about: "lodged a protest with Russia over the
/// president's visit", "complained to Tokyo about the landing": the topic or noun phrase after
/// the "over" or "about" that follows the actor.
pub(super) fn issue_over(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<Accused> {
    let cue = items[at];
    let actor = items[at + 1..]
        .iter()
        .find(|x| x.start >= cue.end && matches!(x.kind, ItemKind::Actor { .. }))?;
    let end = (actor.tok_end + OVER_REACH).min(stop_tok);
    let over = (actor.tok_end..end).find(|&t| doc.tok_is_a(t, Class::GrievancePreposition))?;
    named_at(
        doc,
        items,
        past_issue_leads(doc, over + 1, stop_tok),
        stop_tok,
        false,
    )
}

/// How far after a sanction's cue its grievance's "over" may stand ("recalled their
/// ambassadors to Syria Monday over ...").
const GRIEVANCE_REACH: usize = 6;

/// What a sanction of relations is over: "recalled their ambassadors to Syria over concerns
/// about the crackdown on protesters", "expelled two diplomats over the spy affair". The
/// phrase after a grievance preposition (`grievance_preposition`) that the parse hangs on the
/// sanction's verb itself (not "suspended flights over the region", a place of the flights),
/// past a noun of unease and its own preposition (`unease_noun`: "over concerns about"): a
/// topic there, else a new issue it names. The one who sanctions opposes it.
pub(super) fn sanction_grievance(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<Accused> {
    let cue = items[at];
    let p = &doc.parse;
    let verb = p.head_of(&p.words_in(cue.start, cue.end))?;
    let end = (cue.tok_end + GRIEVANCE_REACH).min(stop_tok);
    let over = (cue.tok_end..end).find(|&t| doc.tok_is_a(t, Class::GrievancePreposition))?;
    // The parser may also hang the preposition on the verb as an adverb or a particle and its
    // noun as a second object ("recalled their ambassadors Monday over concerns about ..."),
    // but a particle right after the verb is the verb's own ("handed over").
    let marks_the_verb = p.word_at(doc.tokens[over].start).is_some_and(|w| {
        (p.has_rel(w, "case")
            && p.head(w)
                .is_some_and(|h| p.has_rel(h, "obl") && p.head(h) == Some(verb)))
            // Not "about" as an adverb of quantity ("recalled its ambassador about a week
            // after the vote").
            || (over > cue.tok_end
                && !doc.tok_is_a(over, Class::TopicPreposition)
                && (p.has_rel(w, "advmod") || p.has_rel(w, "compound:prt"))
                && p.head(w) == Some(verb))
    });
    if !marks_the_verb {
        return None;
    }
    let mut first = past_issue_leads(doc, over + 1, stop_tok);
    // "over concerns about the crackdown", "over fears of an invasion": the unease is over what
    // its own preposition names; an unease alone names nothing.
    if doc.tok_is_a(first, Class::UneaseNoun) {
        if first + 1 >= stop_tok || doc.tok_upos(first + 1) != "ADP" {
            return None;
        }
        first = past_issue_leads(doc, first + 2, stop_tok);
    }
    // "over the weekend", "over the past year": when, not why.
    let time = (first..(first + 3).min(stop_tok))
        .take_while(|&t| doc.tok_upos(t) != "ADP")
        .any(|t| doc.tok_is_a(t, Class::TimeSpanNoun));
    if time {
        return None;
    }
    named_at(doc, items, first, stop_tok, false)
}

/// The thing a judgement qualifies as a verb's object: "Japan called the visit regrettable",
/// "described the drills as provocative". The noun phrase between the verb and the judgement.
pub(super) fn called(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    floor_tok: usize,
) -> Option<(String, String)> {
    let cue = items[at];
    // "called for the release of the tanker, saying the seizure was dangerous": a judgement
    // with a subject of its own judges that subject, not a calling verb's object.
    if copular_subject(doc, &cue).is_some() {
        return None;
    }
    let verb = (floor_tok..cue.tok)
        .rev()
        .find(|&t| doc.tok_in_lex(t, Lex::CallingVerb))?;
    let stop = if doc.tok_is_a(cue.tok.saturating_sub(1), Class::PredicativeAs) {
        cue.tok - 1
    } else {
        cue.tok
    };
    new_issue_from(doc, items, verb + 1, stop, false)
}

/// The thing a predicate judgement is said of: "the visit was utterly unacceptable", "Mr. Lee's
/// visit was regrettable". The parse's subject of the judging adjective, read as a noun phrase
/// up to its head (an owner named first is skipped as for any issue).
pub(super) fn judged_subject(doc: &Doc<'_>, items: &[Item], at: usize) -> Option<(String, String)> {
    let cue = items[at];
    let p = &doc.parse;
    let subj = copular_subject(doc, &cue)?;
    let (start, _) = p.subtree_span(subj)?;
    let head_end = p.token(subj)?.end;
    let from = doc.token_at(start);
    let stop = doc.token_at(head_end);
    (stop <= cue.tok).then(|| new_issue_from(doc, items, from, stop, false))?
}

/// The parse's subject of a judgement used as a copula's predicate ("Iran's seizure was
/// dangerous": "seizure").
fn copular_subject(doc: &Doc<'_>, cue: &Item) -> Option<Word> {
    let p = &doc.parse;
    let w = p.head_of(&p.words_in(cue.start, cue.end))?;
    p.dependent(w, "cop")?;
    p.dependent(w, "nsubj")
}

/// The first token of the noun phrase a predicate judgement is said of, when a noun names it
/// ("called for the release of the tanker, saying Iran's seizure was dangerous": "Iran's"). A
/// pronoun subject ("it was dangerous", "which is illegal") refers to a thing named before.
fn named_subject_start(doc: &Doc<'_>, cue: &Item) -> Option<usize> {
    let p = &doc.parse;
    let subj = copular_subject(doc, cue)?;
    if p.token(subj)?.upos == "PRON" {
        return None;
    }
    let (start, _) = p.subtree_span(subj)?;
    Some(doc.token_at(start))
}

/// What a judgement of wrong (lexicon `wrong_judgement`: "lawless", "a mistake") judges.
pub(super) enum WrongJudged {
    /// Not a predicate, nothing judged: "made a mistake", "the lawless tribal areas", "it would
    /// be unfair to say the talks had failed".
    Nothing,
    /// A calling verb's complement ("called the incursion inexcusable"): read as any judgement.
    Called,
    /// The phrase judged, as token indices: its first token, its head (for a request, what it
    /// asks for) and the end of its name (the head's end): the copula's subject ("the detention
    /// of its captain was a serious mistake": the detention), or after an expletive "it" the
    /// infinitive's object ("it was not a mistake to hold talks": the talks).
    Phrase {
        from: usize,
        head: usize,
        stop: usize,
    },
}

/// What the judgement of wrong at `items[at]` judges, `None` when it is no such word. The words
/// judge only as a predicate: the parse's copula with its subject.
pub(super) fn judged_wrong(doc: &Doc<'_>, items: &[Item], at: usize) -> Option<WrongJudged> {
    let cue = items[at];
    if !(cue.tok..cue.tok_end.max(cue.tok + 1)).any(|t| doc.tok_in_lex(t, Lex::WrongJudgement)) {
        return None;
    }
    let p = &doc.parse;
    let Some(w) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return Some(WrongJudged::Nothing);
    };
    if p.dependent(w, "cop").is_none() {
        let calling = p
            .head(w)
            .and_then(|h| p.token(h))
            .is_some_and(|t| doc.tok_in_lex(doc.token_at(t.start), Lex::CallingVerb));
        return Some(if calling {
            WrongJudged::Called
        } else {
            WrongJudged::Nothing
        });
    }
    let phrase = |n: Word| {
        let (start, _) = p.subtree_span(n)?;
        let t = p.token(n)?;
        // "Pakistan's demand for a plebiscite was unthinkable": a request is judged by what
        // it asks for, when that is a topic (lexicon `request_noun`).
        let asked = doc
            .tok_in_lex(doc.token_at(t.start), Lex::RequestNoun)
            .then(|| {
                p.dependents(n)
                    .find(|d| d.index > n.index && p.has_rel(*d, "nmod"))
                    .and_then(|m| p.token(m))
            })
            .flatten();
        Some(WrongJudged::Phrase {
            from: doc.token_at(start),
            head: doc.token_at(asked.unwrap_or(t).start),
            stop: doc.token_at(t.end),
        })
    };
    let subject = p.dependent(w, "nsubj");
    let pronoun = subject
        .and_then(|n| p.token(n))
        .is_none_or(|t| t.upos == "PRON");
    let judged = if pronoun || p.dependent(w, "csubj").is_some() {
        // "it was a mistake to hold talks": the infinitive's object; a clause said ("to say
        // the talks had failed") or done without one judges no thing.
        ["csubj", "xcomp", "ccomp", "advcl", "acl"]
            .iter()
            .find_map(|rel| p.dependent(w, rel))
            .and_then(|c| p.dependent(c, "obj"))
            .and_then(phrase)
    } else {
        subject.and_then(phrase)
    };
    Some(judged.unwrap_or(WrongJudged::Nothing))
}

pub(super) fn new_issue_from(
    doc: &Doc<'_>,
    items: &[Item],
    from: usize,
    stop_tok: usize,
    gerund_ok: bool,
) -> Option<(String, String)> {
    let cue_end = from;
    let mut t = from;
    // "protest what it calls encroachment on its territory", "what it described as intrusions":
    // the thing is what the holder calls it (lexicon `calling_verb`; an "as" after the verb is
    // skipped).
    if t + 3 < stop_tok
        && doc.tok_is_a(t, Class::QuestionWord)
        && doc.tok_is_a(t + 1, Class::Referring)
        && doc.tok_in_lex(t + 2, Lex::CallingVerb)
    {
        let after = if t + 4 < stop_tok && doc.tok_is_a(t + 3, Class::PredicativeAs) {
            t + 4
        } else {
            t + 3
        };
        return new_issue_from(doc, items, after, stop_tok, gerund_ok);
    }
    // "to end its \"occupation\" of the islands": a word the writer sets in quotation marks
    // (another's word, or one the writer keeps at a distance) names the same thing as the
    // bare word; the mark is no part of the name.
    while t < stop_tok && (doc.tok_is_a(t, Class::IssueLead) || opening_scare_quote(doc, t)) {
        t += 1;
    }
    // "the importance of ensuring the protection of civilians": the thing furthered is the
    // issue, not the furthering.
    if t + 1 < stop_tok && doc.tok_in_lex(t, Lex::FurtheringGerund) {
        t = past_issue_leads(doc, t + 1, stop_tok);
    }
    // "the need for greater cross-border cooperation": a word of degree says how much of the
    // thing is wanted, not what it is.
    while t + 1 < stop_tok && doc.tok_is_a(t, Class::DegreeLead) {
        t += 1;
    }
    // "condemns Russia's occupation of Crimea": the owner is the actor whose act it is; the
    // issue is the act.
    // "South Korean President Lee Myung-Bak's visit": the owner may be named by several
    // mentions in a row (a demonym, then the person).
    let mut owner_end = t;
    while let Some(next) = items
        .iter()
        .filter(|x| x.tok == owner_end && matches!(x.kind, ItemKind::Actor { .. }))
        .map(|x| x.tok_end)
        .max()
    {
        if next <= owner_end {
            break;
        }
        owner_end = next;
    }
    let after = after_possessive(doc, owner_end);
    if owner_end > t && after > owner_end {
        t = after;
    }
    // "the captives' immediate release": an owner that is no actor is skipped too, and so is a
    // word of degree after it.
    if owner_end == t
        && t + 1 < stop_tok
        && matches!(doc.tokens[t].kind, TokKind::Word)
        && after_possessive(doc, t + 1) > t + 1
        && after_possessive(doc, t + 1) < stop_tok
    {
        t = after_possessive(doc, t + 1);
        while t + 1 < stop_tok && doc.tok_is_a(t, Class::DegreeLead) {
            t += 1;
        }
    }
    // "the Syrian regime's intention": an owner named with a demonym and a noun is an owner too.
    if let Some(owner) = items
        .iter()
        .find(|x| x.tok == t && matches!(x.kind, ItemKind::Actor { .. }))
        && let Some(clitic) = (owner.tok_end..(t + MAX_OWNER_TOKENS).min(stop_tok))
            .find(|&x| after_possessive(doc, x) > x)
        && (owner.tok_end..clitic).all(|x| matches!(doc.tokens[x].kind, TokKind::Word))
    {
        t = after_possessive(doc, clitic);
    }
    // "South Korean and Chinese calls to revise the textbooks": the demonyms of those who ask
    // (one, or several joined by "and") say whose request it is, not what it asks.
    let asker_end = demonyms_before_request(doc, items, t, stop_tok);
    if asker_end > t {
        t = asker_end;
    }
    // "the regime's intention to establish diplomatic relations": the act the noun of intent
    // names through its infinitive is what is meant, and that act's object names it. So does a
    // noun of request ("rejected calls to revise the textbooks"; lexicon `request_noun`), in
    // the ways below.
    let intent = doc.tok_in_lex(t, Lex::IntentNoun);
    if t + 3 < stop_tok
        && (intent || doc.tok_in_lex(t, Lex::RequestNoun))
        && doc.tok_is_a(t + 1, Class::InfinitiveMarker)
        && matches!(doc.tokens[t + 2].kind, TokKind::Word)
    {
        // "Russia's decision to suspend participation in ...": an act against its object
        // (reversing or severing it) is what is meant, not the object, which the holder of
        // a stance on the act would take the other way.
        let reversing =
            doc.tok_is_a(t + 2, Class::Reversing) || doc.tok_in_lex(t + 2, Lex::SeveringVerb);
        let object = new_issue_from(doc, items, t + 3, stop_tok, gerund_ok);
        if reversing {
            if let Some((id, title)) = object {
                let (noun, verb) = (doc.tok(t).to_lowercase(), doc.tok(t + 2).to_lowercase());
                let id = format!("{}-to-{verb}-{id}", issue_slug(&noun)?);
                return Some((id, format!("{noun} to {verb} {title}")));
            }
        } else if intent || doc.tok_in_lex(t + 2, Lex::AdoptingVerb) {
            return object;
        } else if let Some(named) = requested_act_named(doc, items, t + 2, stop_tok) {
            // A request for any other act is a stance on the act, not on its object:
            // "rejected calls to demolish the outposts" opposes demolishing them, not the
            // outposts; a request to free captives is the release.
            return Some(named);
        }
        // With no object to name the act by, an intent names nothing; a request's own words
        // name it, as below ("rejected demands to withdraw from Crimea").
        if intent {
            return None;
        }
    }
    // "reject the basis for this unprovoked expulsion": a ground's "for" or "of" names the act
    // it justifies, which is what is rejected or backed.
    // "backing the demand for the captives' release": so does a demand's.
    // "implement the principles of the joint communiqué": an instrument's content is the
    // instrument (the lexicon's `content_noun`).
    // "committed to implementation of the accord": carrying an instrument out is the
    // instrument; one the phrase cannot name leaves no issue (not a bare "implementation"), nor
    // does one referred back to ("implementation of these agreements").
    if let Some(n) = doc.lex_phrase_at(Lex::CarryingOutNoun, t, stop_tok) {
        if t + n >= stop_tok || doc.tok_is_a(t + n, Class::NotInIssue) {
            return None;
        }
        return new_issue_from(doc, items, t + n, stop_tok, gerund_ok);
    }
    if let Some(n) = doc
        .lex_phrase_at(Lex::GroundNoun, t, stop_tok)
        .or_else(|| doc.lex_phrase_at(Lex::DemandNoun, t, stop_tok))
        && t + n < stop_tok
    {
        return new_issue_from(doc, items, t + n, stop_tok, gerund_ok);
    }
    // An instrument the phrase cannot name ("the provisions of the 1956 declaration") leaves
    // the content noun's own phrase.
    if let Some(n) = doc.lex_phrase_at(Lex::ContentNoun, t, stop_tok)
        && t + n < stop_tok
        && let Some(named) = new_issue_from(doc, items, t + n, stop_tok, gerund_ok)
    {
        return Some(named);
    }
    let start = t;
    // "wants to handle the issue": after an infinitive marker comes a verb, not an issue; after
    // "that" comes a clause ("recognizes that the territory is part of ...").
    if (cue_end..start)
        .any(|x| doc.tok_is_a(x, Class::InfinitiveMarker) || doc.tok_is_a(x, Class::Complementizer))
        && start > cue_end
    {
        return None;
    }
    // "implementing the agreement": a verb with its object, not a noun phrase.
    if doc
        .lang
        .ends_with_lower(Class::GerundSuffix, doc.tok(start))
        && doc.tok_is_a(start + 1, Class::Determiner)
    {
        return None;
    }
    // Names of places and disputes may sit inside the phrase ("occupation of Crimea").
    let covered = |tok: usize| {
        items.iter().any(|it| {
            it.tok <= tok
                && tok < it.tok_end
                && !matches!(
                    it.kind,
                    ItemKind::DisputeName(..)
                        | ItemKind::DisputePart(_)
                        | ItemKind::Location
                        // "any armed insurgency": a word that can name an act is still a word
                        // of the phrase; the parse below says whether the phrase is a verb's.
                        | ItemKind::Event(_)
                        // "a political settlement": a word that says what a condition requires
                        // is a noun of the phrase too.
                        | ItemKind::Cue(Cue::Resolved | Cue::Adopted | Cue::Rejected)
                        | ItemKind::Actor {
                            adjectival: true,
                            ..
                        }
                )
                // "spreading false information": a word of falsity qualifying a noun of the
                // phrase is a word of it (it judges only as a predicate, `false_charge`).
                && !(matches!(it.kind, ItemKind::Cue(Cue::AssessBad))
                    && doc.tok_in_lex(it.tok, Lex::FalsityWord)
                    && it.tok > start)
                // "the unwarranted detention of its sailors", "accused Japan of unfair
                // restrictions": so is a word of wrong, first or not (it judges only as a
                // predicate, `judged_wrong`).
                && !(matches!(it.kind, ItemKind::Cue(Cue::AssessBad))
                    && (it.tok..it.tok_end).any(|t| doc.tok_in_lex(t, Lex::WrongJudgement)))
                // "the joint Congolese-Rwandan communiqué": names a hyphen joins modify the
                // noun after them.
                && !(inner_hyphen(doc, it.tok_end)
                    || it.tok > 0 && inner_hyphen(doc, it.tok - 1))
        })
    };
    if start >= stop_tok || covered(start) {
        return None;
    }
    // "resolutions negotiated by the Council", "the talks that failed": the phrase ends where a
    // clause modifying its noun begins.
    // The first words of the phrase, a hyphenated word counting once ("the joint
    // Congolese-Rwandan communiqué issued ...").
    let (mut reach, mut words) = (start, 0);
    while reach < stop_tok && words < MAX_NEW_ISSUE_TOKENS {
        if inner_hyphen(doc, reach) {
            reach += 2;
        } else {
            reach += 1;
            words += 1;
        }
    }
    let clause_at = modifying_clause(doc, start, reach.min(stop_tok));
    let stop_tok = clause_at.unwrap_or(stop_tok);
    while t < stop_tok
        && t - start - hyphens(doc, start, t) < MAX_NEW_ISSUE_TOKENS
        && (matches!(doc.tokens[t].kind, TokKind::Word) || inner_hyphen(doc, t) && t > start)
        && !covered(t)
        && !doc.tok_is_a(t, Class::IssueEnd)
        // "arrest of the activists", "Indian control of the region": the head comes first.
        && !(doc.tok_is_a(t, Class::GenitiveCase) && doc.tok_is_a(t + 1, Class::Determiner))
    {
        t += 1;
    }
    // "the provision of weapons to the separatists": a preposition that a name or the length
    // limit cuts off ends the phrase before it, whole; what follows says to or from whom.
    let at_limit = |t: usize| t - start - hyphens(doc, start, t) == MAX_NEW_ISSUE_TOKENS;
    if t < stop_tok && (covered(t) || at_limit(t)) {
        let mut at = t;
        while at > start + 2 && doc.tok_is_a(at - 1, Class::Determiner) {
            at -= 1;
        }
        if at > start + 2 && last_preposition(doc, start + 1, at) == Some(at - 1) {
            t = at - 1;
        }
    }
    // "Lee Myung-Bak's visit to a group of islands claimed by both": a phrase the length limit
    // cuts off inside a word run, past a preposition other than "of", ends before that
    // preposition, its head whole ("visit"), as one that a preposition right before the cut
    // ends does; a phrase that ends where the limit falls ("a route to the sea,") is whole. A
    // head of one noun that names no thing alone ("an end to the joint naval exercises", lexicon
    // `complement_noun`) is no issue: the phrase stays cut short.
    if t < stop_tok
        && matches!(doc.tokens[t].kind, TokKind::Word)
        && clause_at != Some(t)
        && !doc.tok_is_a(t, Class::IssueEnd)
        && !doc.tok_is_a(t, Class::InfinitiveMarker)
        && !covered(t)
        && at_limit(t)
        && let Some(adp) = last_preposition(doc, start + 1, t)
        && !(adp == start + 1 && doc.tok_in_lex(start, Lex::ComplementNoun))
    {
        t = adp;
    }
    let cut_by_coordination = doc.tok_is_a(t, Class::PhraseCoordinator);
    // Cut short by a name ("its longstanding one [China] policy") or by the length limit
    // ("resumption of formal diplomatic [ties]"): not a whole phrase. A phrase of the longest
    // length that a word ending phrases follows is whole ("restoration of diplomatic ties
    // between ...").
    // An infinitive marker after a phrase of the longest length ends it too ("the exercise of
    // peaceful means to resolve ...": the infinitive says what the means are for).
    let cut_short = clause_at != Some(t)
        && !doc.tok_is_a(t, Class::IssueEnd)
        && !(at_limit(t) && doc.tok_is_a(t, Class::InfinitiveMarker))
        && (covered(t) || at_limit(t));
    // A cut inside a hyphenated word ("an anti[-Russian lobby]") leaves half a word: cut short.
    if t < stop_tok
        && (matches!(doc.tokens[t].kind, TokKind::Word) || inner_hyphen(doc, t))
        && cut_short
    {
        return None;
    }
    while t > start
        && (doc.tok_is_a(t - 1, Class::IssueTrailing)
            || inner_hyphen(doc, t - 1)
            || doc
                .lang
                .ends_with_lower(Class::AdverbSuffix, doc.tok(t - 1)))
    {
        t -= 1;
    }
    // "occupation of Crimea": the issue lives under the dispute, whose place need not be
    // named again.
    if let Some(of) = (start + 1..t).find(|&x| {
        doc.tok_is_a(x, Class::GenitiveCase)
            && items.iter().any(|it| {
                it.tok == x + 1
                    && it.tok_end >= t
                    && matches!(
                        it.kind,
                        ItemKind::DisputeName(..) | ItemKind::DisputePart(_)
                    )
            })
    }) {
        t = of;
    }
    // A readable noun phrase: no verb, auxiliary or pronoun inside ("has been conveyed"), and
    // no adjective left dangling by a cut coordination ("ongoing regional [and ...] efforts").
    if (start..t).any(|x| doc.tok_is_a(x, Class::NotInIssue))
        || t > start
            && doc
                .lang
                .ends_with_lower(Class::AdverbSuffix, doc.tok(t - 1))
        || t > start
            && cut_by_coordination
            && doc.lang.ends_with(Class::AdjectiveSuffix, doc.tok(t - 1))
    {
        return None;
    }
    // A capitalized first word is a name, unless it is a demonym ("Indian control").
    let demonym = items.iter().any(|it| {
        it.tok == start
            && matches!(
                it.kind,
                ItemKind::Actor {
                    adjectival: true,
                    ..
                }
            )
    });
    // "our Philippine allies", "crimes against civilians", "the two missing pilots": people
    // are actors, not issues; a phrase they end is one when its head is another noun ("the
    // release of the fishermen", "attacks on civilians").
    if t > start && people_headed(doc, start, t) {
        return None;
    }
    // "welcomed the Montenegrin and Macedonian actions": a demonym the phrase holds alone (its
    // noun cut off by a coordination) says whose the thing is, not what it is.
    if demonym && only_demonym(items, start, t) {
        return None;
    }
    if t == start
        || doc.tok(start).starts_with(char::is_uppercase) && !demonym
        || doc.tok_in_lex(start, Lex::NotAnIssue)
            && (t - start == 1 || !doc.tok_in_lex(start, Lex::OpensAnIssue))
    {
        return None;
    }
    // "a strong response", "new measures": an adjective on a noun too vague to be an issue
    // leaves it as vague (the parse says which word is an adjective: "peace process" stays).
    // So does a number ("urged the two sides"): counted parties or steps are no issue.
    // A demonym says whose the act is ("called the Spanish action unjustified"): that act.
    if t - start == 2
        && !demonym
        && doc.tok_in_lex(t - 1, Lex::NotAnIssue)
        && matches!(doc.tok_upos(start), "ADJ" | "NUM")
    {
        return None;
    }
    if !noun_phrase(
        doc,
        doc.tokens[start].start,
        doc.tokens[t - 1].end,
        gerund_ok,
    ) {
        return None;
    }
    // "welcomes the release of the findings": a noun of freeing whose "of" names no one held
    // (lexicon `captive_noun`, or a name) is a publication or a discharge, no release.
    if t - start == 1 && doc.tok_in_lex(start, Lex::FreeingVerb) && !frees_captives(doc, start) {
        return None;
    }
    let text = doc
        .slice(doc.tokens[start].start, doc.tokens[t - 1].end)
        .to_owned();
    let id = issue_slug(&text)?;
    Some((id, text))
}

/// Whether the phrase from token `start` to `t` is one adjectival actor mention (a demonym,
/// "Montenegrin", "South Korean") and nothing else.
fn only_demonym(items: &[Item], start: usize, t: usize) -> bool {
    items.iter().any(|it| {
        it.tok == start
            && it.tok_end >= t
            && matches!(
                it.kind,
                ItemKind::Actor {
                    adjectival: true,
                    ..
                }
            )
    })
}

/// Whether token `t` is a quotation mark that opens a quoted noun phrase inside the sentence:
/// the next token is a noun or an adjective in lower case ("its \"occupation\" of the
/// islands", "\"illegal activities\""), not a quotation of a whole sentence, which starts with a
/// capital, nor a quoted verb, a figure of speech for an act ("accused Ankara of \"stabbing\"
/// Russia \"in the back\""), which names no act the way a noun does, nor quoted words that
/// modify a noun after the closing mark ("the \"freedom of navigation\" operations", "the
/// \"occupation\" label"): the name would stop before its head.
fn opening_scare_quote(doc: &Doc<'_>, t: usize) -> bool {
    let upos = |i: usize| doc.tok_upos(i);
    let quote = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|x| matches!(x.kind, TokKind::Punct))
            && matches!(doc.tok(i), "\"" | "\u{201c}" | "\u{201d}")
    };
    // The tokens are read first: the parse is asked only at a quotation mark before a word.
    let word = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|n| matches!(n.kind, TokKind::Word))
    };
    let modifies_a_noun = || {
        (t + 1..doc.tokens.len().min(t + 12))
            .find(|&i| quote(i))
            .is_some_and(|c| word(c + 1) && matches!(upos(c + 1), "NOUN" | "PROPN"))
    };
    quote(t)
        && doc.tok(t) != "\u{201d}"
        && word(t + 1)
        && doc.tok(t + 1).starts_with(char::is_lowercase)
        && matches!(upos(t + 1), "NOUN" | "ADJ")
        && !modifies_a_noun()
}

/// Whether the phrase `start..t` names people: its last word is a `group_head` noun ("our
/// Philippine allies") or a `person_head` noun ("civilians", "Uganda-backed rebels") that no
/// preposition or possessive inside makes the complement of another ("the release of the
/// fishermen" names a release), and, for a `person_head` noun, no verb takes as its object
/// ("accused Juba of supporting rebels": a side backed or fought, which the stance is about),
/// nor a noun of backing as its "for" or "of" complement ("denied any support for militants",
/// lexicon `backing_noun`, though the preposition was read as the cue's and the phrase starts
/// after it), nor a gerund the parse took for a noun ("of training militants"), nor a passive
/// verb of freeing as its subject ("called for the fishermen to be released").
fn people_headed(doc: &Doc<'_>, start: usize, t: usize) -> bool {
    let p = &doc.parse;
    let person = p.word_at(doc.tokens[t - 1].start);
    let backed = person.is_some_and(|w| {
        p.rel(w).starts_with("nmod")
            && p.head(w).is_some_and(|h| {
                doc.lexicon
                    .is(Lex::BackingNoun, &super::holders::lemma(doc, h))
            })
    });
    // "accused Pakistan of training militants": a gerund the parse tags as a noun still takes
    // the people after it as its object; an adjective in -ing ("the two missing pilots") does
    // not.
    let after_a_gerund = (start..t - 1).any(|x| {
        doc.lang.ends_with_lower(Class::GerundSuffix, doc.tok(x))
            && p.word_at(doc.tokens[x].start).is_some_and(|w| {
                p.rel(w) != "amod" && p.token(w).is_some_and(|tk| tk.upos != "ADJ")
            })
    });
    // "called for the fishermen to be released": people a verb of freeing frees in the passive
    // are the release asked for (lexicon `freeing_verb`).
    // The parse hangs the passive on the people ("fishermen" <-acl- "released", with "be" its
    // passive auxiliary) or the people on it (nsubj:pass).
    let frees = |v: Word| {
        doc.lexicon
            .is(Lex::FreeingVerb, &super::holders::lemma(doc, v))
    };
    let freed = person.is_some_and(|w| {
        p.rel(w) == "nsubj:pass" && p.head(w).is_some_and(frees)
            || p.dependents(w)
                .any(|v| p.rel(v) == "acl" && frees(v) && p.dependent(v, "aux:pass").is_some())
    });
    // "the arrest of supporters of the opposition", "the withdrawal of troops": people after
    // "of" or a possessive are what the act at the phrase's head is done to or by.
    let of_an_act =
        (start..t - 1).any(|x| doc.tok_is_a(x, Class::GenitiveCase) || doc.tok_upos(x) == "ADP");
    doc.tok_in_lex(t - 1, Lex::GroupHead) && !of_an_act
        || doc.tok_in_lex(t - 1, Lex::PersonHead)
            && !person.is_some_and(|w| p.has_rel(w, "obj"))
            && !backed
            && !after_a_gerund
            && !freed
            && !of_an_act
}

/// Whether the noun of freeing at token `t` frees people or a vessel: its "of" phrase in the
/// parse is headed by a name or a `captive_noun` ("the release of the two journalists", "the
/// release of Zhan"); without an "of" phrase the noun is read as a release.
fn frees_captives(doc: &Doc<'_>, t: usize) -> bool {
    let p = &doc.parse;
    let Some(noun) = p.word_at(doc.tokens[t].start) else {
        return true;
    };
    let mut freed = p
        .dependents(noun)
        .filter(|&d| p.has_rel(d, "nmod") && p.introducer(d).as_deref() == Some("of"))
        .peekable();
    if freed.peek().is_none() {
        return true;
    }
    freed.any(|d| held(p, d))
}

/// The last preposition other than "of" (the parse's ADP, not `genitive_case`) in
/// `from..to`: where a new issue that a name or the length limit cuts off ends
/// (`new_issue_from`).
fn last_preposition(doc: &Doc<'_>, from: usize, to: usize) -> Option<usize> {
    (from..to)
        .rev()
        .find(|&x| !doc.tok_is_a(x, Class::GenitiveCase) && doc.tok_upos(x) == "ADP")
}

/// Whether token `t` is a hyphen inside a word ("cross-border"): no space on either side, a
/// word after it. Such a word is one word of an issue's name.
fn inner_hyphen(doc: &Doc<'_>, t: usize) -> bool {
    t > 0
        && doc.tok(t) == "-"
        && doc.tokens[t - 1].end == doc.tokens[t].start
        && doc
            .tokens
            .get(t + 1)
            .is_some_and(|n| n.start == doc.tokens[t].end && matches!(n.kind, TokKind::Word))
}

/// How many tokens of `from..to` are inner hyphens and their second parts, which do not count
/// as words of a phrase's length.
fn hyphens(doc: &Doc<'_>, from: usize, to: usize) -> usize {
    2 * (from..to)
        .filter(|&t| inner_hyphen(doc, t) && t + 1 < to)
        .count()
}

/// The first token, in `from..to`, of a past-participle or relative clause modifying a noun
/// before it (the parse's `acl` with a past participle, and `acl:relcl`): "negotiated by ..."
/// in "resolutions negotiated by the Council". A noun phrase is cut there, since the clause is
/// no part of a readable issue name.
fn modifying_clause(doc: &Doc<'_>, from: usize, to: usize) -> Option<usize> {
    let p = &doc.parse;
    let first = doc.tokens.get(from)?.start;
    (from..to).find_map(|t| {
        let w = p.word_at(doc.tokens[t].start)?;
        let head = p.head(w)?;
        let head_at = p.token(head)?.start;
        let w_at = p.token(w)?.start;
        // A present participle may be the act itself, its subject before it ("protested the
        // Japanese activists landing"): only past participles and relative clauses are cut.
        let participle_or_relative =
            p.has_rel(w, "acl:relcl") || p.has_rel(w, "acl") && p.token(w)?.xpos == "VBN";
        if !participle_or_relative || head_at >= w_at || head_at < first {
            return None;
        }
        let (clause_start, _) = p.subtree_span(w)?;
        Some(doc.token_at(clause_start).max(from + 1))
    })
}

/// How far after a request verb the "to" of what it asks for may stand ("calls on the
/// governments of the region to ...").
const REQUEST_TO_WINDOW: usize = 8;

/// The first "to" of what the request cue ending at token `cue_tok_end` asks for, before
/// `stop_tok`.
pub(super) fn request_infinitive(
    doc: &Doc<'_>,
    cue_tok_end: usize,
    stop_tok: usize,
) -> Option<usize> {
    let window = (cue_tok_end + REQUEST_TO_WINDOW).min(stop_tok);
    (cue_tok_end..window).find(|&t| doc.tok_is_a(t, Class::InfinitiveMarker))
}

/// Whether the request cue `items[at]` can have an issue at all, before token `stop_tok`: a
/// topic named after it ("demanded talks") or what it asks for through "to" ("calls on Russia
/// to end its occupation", `requested_act`). The stage reads the issue; `gates.rs` asks this
/// to skip the parse when there can be none.
pub(crate) fn request_may_name_issue(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> bool {
    items[at + 1..]
        .iter()
        .any(|x| matches!(x.kind, ItemKind::Topic(_)))
        || request_infinitive(doc, items[at].tok_end, stop_tok).is_some()
        || demanding(doc, &items[at])
}

/// Whether the request cue `cue` is a verb of demanding ("demanded", "demands").
fn demanding(doc: &Doc<'_>, cue: &Item) -> bool {
    cue.tok_end == cue.tok + 1 && doc.tok_in_lex(cue.tok, Lex::DemandingVerb)
}

/// The thing a verb of demanding asks for as its object, before `stop_tok`: "demanded the
/// immediate release of the sailors" names their release. Not an actor ("demanded Iran release
/// them" asks Iran), and not a clause; nor one asked by a person a relative pronoun stands for
/// ("an official who requested anonymity").
pub(super) fn demanded_object(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<Accused> {
    let cue = items[at];
    if !demanding(doc, &cue) {
        return None;
    }
    let p = &doc.parse;
    let verb = p.word_at(cue.start)?;
    // "an official who requested anonymity": a person asks for himself, not for a party.
    if p.dependent(verb, "nsubj")
        .and_then(|s| p.token(s))
        .is_some_and(|t| doc.tok_is_a(doc.token_at(t.start), Class::PersonalRelative))
    {
        return None;
    }
    // "refused to request an apology", "denied that it had demanded a meeting": no demand is
    // made (a verb above it of the lexicon's `negating_head`), as for a demand's clause.
    if demand_withheld(doc, verb) {
        return None;
    }
    let object = p.dependent(verb, "obj")?;
    if p.token(object).is_none_or(|t| t.upos != "NOUN") {
        return None;
    }
    let (start, end) = p.subtree_span(object)?;
    let from = doc.token_at(start);
    if from < cue.tok_end {
        return None;
    }
    if doc.actor_at(items, object, true).is_some() {
        return None;
    }
    let stop = doc.token_at(end).max(from + 1).min(stop_tok);
    new_issue_from(doc, items, from, stop, false).map(|(id, title)| Accused::New(id, title))
}

/// What a demand asks to be done, read from its clause: "its demand that the captured sailors
/// must be released", "demanding that Russia immediately release the vessels". The verb is the
/// act; what it is done to is its passive subject, or the object of an actor asked to act (an
/// actor, since with any subject the holder rules read "We would have demanded that the RSF
/// cease attacks" as another's). It is named as the noun phrase "the release of the captured
/// sailors" would be: the verb's lemma alone when a determiner opens the phrase (the namer
/// stops at "of the"), else the lemma "of" the phrase. A verb of removal asks against the
/// thing itself ("demanded that Russia cease attacks in the region" opposes the attacks; the
/// flag says so), and a known topic there is the issue. Only a demand ("demand", "demanded":
/// the lexicon's `demanding_verb`) right before "that", made by someone: not negated or held
/// back ("did not demand", "stopped short of demanding"), and as a noun only with its owner
/// ("its demand that"; "rejected demands that" are another's); and not an actor as passive
/// subject ("that Iran be punished").
pub(super) fn demanded_clause(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<(Accused, bool)> {
    let cue = items[at];
    let that = [cue.tok_end.checked_sub(1)?, cue.tok_end]
        .into_iter()
        .find(|&t| t >= cue.tok && t < stop_tok && doc.tok_is_a(t, Class::Complementizer))?;
    if that == 0 || !doc.tok_in_lex(that - 1, Lex::DemandingVerb) {
        return None;
    }
    let p = &doc.parse;
    // "did not demand that", "stopped short of demanding that", "refused to demand that": no
    // demand is made (a verb above it of the lexicon's `negating_head`).
    let demanding = p.word_at(doc.tokens[that - 1].start)?;
    if demand_withheld(doc, demanding) {
        return None;
    }
    // A demand as a noun is its owner's ("its demand that", "Japan's demand that"); one with no
    // owner ("China rejected demands that ...") is someone else's, whom the clause does not name.
    if p.token(demanding)?.upos == "NOUN"
        && !p.dependents(demanding).any(|d| p.has_rel(d, "nmod:poss"))
    {
        return None;
    }
    let mark = p.word_at(doc.tokens[that].start)?;
    let verb = p.head(mark)?;
    let verb_tok = doc.token_at(p.token(verb)?.start);
    let act = base_form(&super::holders::lemma(doc, verb), doc.tok(verb_tok));
    if p.token(verb)?.upos != "VERB" || verb_tok >= stop_tok || p.negated(verb) {
        return None;
    }
    let against = doc.tok_is_a(verb_tok, Class::Reversing) || doc.lang.is(Class::Reversing, &act);
    let (thing, active) = match p.dependent(verb, "nsubj:pass") {
        Some(subject) => {
            if doc.actor_at(items, subject, false).is_some() {
                return None;
            }
            (subject, false)
        }
        None => {
            let subject = p.dependent(verb, "nsubj")?;
            doc.actor_at(items, subject, false)?;
            (p.dependent(verb, "obj")?, true)
        }
    };
    let (start, end) = p.subtree_span(thing)?;
    let from = doc.token_at(start);
    let head_end = doc.token_at(p.token(thing)?.start) + 1;
    if from <= that || (active && from <= verb_tok) || (!active && head_end > verb_tok) {
        return None;
    }
    let head = p.token(thing).map(|t| (t.start, t.end))?;
    if let Some(topic) = topic_over(items, head) {
        return Some((topic, against));
    }
    if against {
        let stop = (doc.token_at(end) + 1).min(stop_tok);
        return new_issue_from(doc, items, from, stop, false)
            .map(|(id, title)| (Accused::New(id, title), true));
    }
    if doc.tok_is_a(from, Class::Determiner) {
        let title = format!("{act} of {}", doc.slice(start, head.1));
        return Some((Accused::New(issue_slug(&act)?, title), false));
    }
    let (id, title) = new_issue_from(doc, items, from, head_end, false)?;
    Some((
        Accused::New(
            format!("{}-of-{id}", issue_slug(&act)?),
            format!("{act} of {title}"),
        ),
        false,
    ))
}

/// The base form of a verb from the parser's lemma of its surface form `word`: the lemmatizer
/// cuts "-ed" whole, so "freed" gives "fre" and "dismantled" "dismantl", where the verb keeps an
/// "e" ("free", "dismantle"): after a vowel, or after a consonant and "l" (no English verb ends
/// in "tl" or "bl").
fn base_form(lemma: &str, word: &str) -> String {
    let cut = word.to_ascii_lowercase() == format!("{lemma}ed");
    let mut tail = lemma.chars().rev();
    let (last, before) = (tail.next(), tail.next());
    let vowel = |c: char| "aeiou".contains(c);
    let lost_e = match (last, before) {
        (Some(l), _) if vowel(l) => true,
        (Some('l'), Some(b)) => !vowel(b) && b != 'l',
        _ => false,
    };
    if cut && lost_e {
        format!("{lemma}e")
    } else {
        lemma.to_owned()
    }
}

/// Whether the known topic `t` mentioned at token `tok` is the subject of a verb of ending
/// right after it, with no object of its own: "called for Russian troops to withdraw",
/// "demanded the sanctions be lifted", "wants the military presence to end", "urged that
/// Russian forces be withdrawn". Asking for that is asking against the topic, as "called for
/// the withdrawal of the troops" is. The verb follows the topic's last word, maybe after "to"
/// and a passive auxiliary; with neither, it is a base form ("demanded Russian troops
/// withdraw"), not a participle of a reduced relative ("the sanctions lifted in May"). A verb
/// with its own object is a purpose ("talks to end the war"), not the topic's ending; one with
/// a clause of its own ends that act, not the topic ("urged Russian troops to stop firing on
/// the boats"), and an active one with an outcome ("wants the talks to end with a peace
/// treaty", lang `outcome_preposition`) asks for the outcome. Found by position only: a topic
/// whose phrase runs on ("the sanctions against Russia to be lifted") is not read.
pub(super) fn ends_after_topic(doc: &Doc<'_>, items: &[Item], t: usize, tok: usize) -> bool {
    let Some(topic) = items
        .iter()
        .find(|x| matches!(x.kind, ItemKind::Topic(u) if u == t) && x.tok == tok)
    else {
        return false;
    };
    let p = &doc.parse;
    let n = doc.tokens.len();
    let mut j = topic.tok_end;
    let to = j < n && doc.tok_is_a(j, Class::InfinitiveMarker);
    if to {
        j += 1;
    }
    let be = j < n && doc.tok_is_a(j, Class::PassiveAuxiliary);
    if be {
        j += 1;
    }
    if j >= n || !doc.tok_is_a(j, Class::Reversing) {
        return false;
    }
    let Some(verb) = p.word_at(doc.tokens[j].start) else {
        return false;
    };
    let Some(tag) = p.token(verb) else {
        return false;
    };
    // "to end" is a verb whatever the tagger says; a bare word must be a base form.
    let verbal = to || (tag.upos == "VERB" && (be || tag.xpos == "VB" || tag.xpos == "VBP"));
    let outcome = !be
        && p.dependents(verb).any(|d| {
            p.has_rel(d, "obl")
                && p.introducer(d)
                    .is_some_and(|c| doc.lang.is(Class::OutcomePreposition, &c))
        });
    verbal
        && p.dependent(verb, "obj").is_none()
        && p.dependent(verb, "xcomp").is_none()
        && p.dependent(verb, "ccomp").is_none()
        && !outcome
}

/// Whether a particle that asks a topic away (lang `ousting`) stands right after the topic
/// `t` at token `tok`: "wants Turkey's troops out of Iraq" asks against the troops, as asking
/// them to withdraw does. Not read when a verb of reversing already governs the topic ("to
/// pull its troops out", where the particle belongs to that verb).
/// Read only under a cue of wanting, asking or ordering (lang `ousting_verb`), and not in a
/// fixed phrase "out of" a word of lang `ousting_idiom` ("rejected the sanctions out of hand").
pub(super) fn ousted_after_topic(
    doc: &Doc<'_>,
    items: &[Item],
    cue: &Item,
    t: usize,
    tok: usize,
) -> bool {
    if !(cue.tok..cue.tok_end).any(|c| doc.tok_is_a(c, Class::OustingVerb)) {
        return false;
    }
    items
        .iter()
        .find(|x| matches!(x.kind, ItemKind::Topic(u) if u == t) && x.tok == tok)
        .is_some_and(|topic| {
            let out = topic.tok_end;
            out < doc.tokens.len()
                && doc.tok_is_a(out, Class::Ousting)
                && !(out + 2 < doc.tokens.len()
                    && (out + 2..(out + 4).min(doc.tokens.len()))
                        .any(|w| doc.tok_is_a(w, Class::OustingIdiom)))
        })
}

/// What a request asks for when no known topic follows it: the parse's object of a verb the
/// request governs through "to" ("calls on Russia to end its occupation of Crimea", "urged the
/// governments not to turn away boats"). A known topic in that object is the issue; a new issue
/// is named only when the verb asks against its object (a reversing verb such as "end" or
/// "withdraw", or a negated one) or takes a course up (the lexicon's `adopting_verb`: "to
/// exercise restraint"), since "to respect the principles ..." names no issue. The
/// flag says the requester opposes what is named.
pub(super) fn requested_act(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<(Accused, bool)> {
    let first_to = request_infinitive(doc, items[at].tok_end, stop_tok)?;
    act_after(doc, items, first_to, stop_tok, false)
}

/// What a subject says it will do itself: a cue of will that ends in "to" or stands right
/// before it ("agreed to resume deliveries", "is willing to allow consular access", "wants to
/// pursue talks") names the act as a request does (`requested_act`): the object of a verb that
/// takes a course up, a release, or, against it, the object of a verb that reverses it
/// ("agreed to end the blockade"). Other verbs ("wants to handle the issue") name nothing.
pub(super) fn willed_act(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<(Accused, bool)> {
    let cue = items[at];
    let to = [cue.tok_end.checked_sub(1)?, cue.tok_end]
        .into_iter()
        .find(|&t| t >= cue.tok && t < stop_tok && doc.tok_is_a(t, Class::InfinitiveMarker))?;
    act_after(doc, items, to, stop_tok, true)
}

/// The act asked for or willed (`own`) from the infinitive marker `first_to` on
/// (`requested_act`, `willed_act`).
fn act_after(
    doc: &Doc<'_>,
    items: &[Item],
    first_to: usize,
    stop_tok: usize,
    own: bool,
) -> Option<(Accused, bool)> {
    let p = &doc.parse;
    // Every "to VERB" from the first one on: "to respect ... and to end ...".
    for to in (first_to..stop_tok).filter(|&t| doc.tok_is_a(t, Class::InfinitiveMarker)) {
        let mut verb_tok = to + 1;
        if verb_tok >= doc.tokens.len() {
            return None;
        }
        // "urged North Korea to immediately release": an adverb may split the infinitive.
        if doc.tok_upos(verb_tok) == "ADV" {
            verb_tok += 1;
        }
        if verb_tok >= stop_tok {
            break;
        }
        let Some(verb) = p.word_at(doc.tokens[verb_tok].start) else {
            continue;
        };
        if doc.tok_upos(verb_tok) != "VERB" {
            continue;
        }
        let against = doc.tok_is_a(verb_tok, Class::Reversing)
            || p.negated(verb)
            || (to > 0 && doc.tok_is_a(to - 1, Class::Negation));
        // "to halt and prevent the provision of such support": a verb shares the object of
        // the verbs coordinated with it. One whose complement is a verb of its own ("to stop
        // supporting rebel groups and offer amnesty") is whole: what it stops is that verb's
        // act, and the next verb's object ("amnesty") is offered, not stopped.
        let object = p.dependent(verb, "obj").or_else(|| {
            p.dependent(verb, "xcomp").is_none().then(|| {
                p.conjuncts(verb)
                    .into_iter()
                    .find_map(|v| p.dependent(v, "obj"))
            })?
        });
        let Some(object) = object else {
            // "called upon the parties to re-engage in negotiations": with no object, a known
            // topic the verb takes as its oblique is what is asked.
            if let Some(topic) = oblique_topic(doc, items, verb) {
                return Some((topic, against));
            }
            continue;
        };
        let Some((from, object_end)) = p.subtree_span(object) else {
            continue;
        };
        // "agreed to prevent armed groups from using the territory": an object kept
        // "from" doing something is the one kept from it, not the thing the act works against.
        if own
            && p.conjuncts(verb).into_iter().any(|v| {
                p.dependents(v).any(|d| {
                    p.token(d).is_some_and(|x| x.upos == "VERB")
                        && p.introducer(d).as_deref() == Some("from")
                })
            })
        {
            return None;
        }
        // The topic must be the object itself ("to reach a peace agreement"), not a word deep in
        // a clause inside it ("to avoid actions that may undermine peace").
        let head = p.token(object).map_or((0, 0), |t| (t.start, t.end));
        if let Some(topic) = topic_over(items, head) {
            return Some((topic, against));
        }
        // "urged North Korea to release the two women": a verb of freeing asked of another
        // names the release the asker backs, whoever is freed (lexicon `freeing_verb`), when
        // people or a vessel are freed ("release data", "free up grain exports" are no release).
        if !against && let Some((id, title)) = release_asked(doc, verb_tok, verb, object) {
            return Some((Accused::New(id, title), false));
        }
        // "urged both sides to exercise restraint": a course asked of another is the asker's
        // issue, named by the verb's object, when the verb only takes the course up.
        // "asked the governments not to turn away boats of people": a verb asked not to be
        // done that reverses nothing names the act refused, not its object (whom the asker
        // does not oppose): "turning away boats".
        if against && !doc.tok_is_a(verb_tok, Class::Reversing) {
            return refused_act(doc, items, verb, object, stop_tok)
                .map(|(id, t)| (Accused::New(id, t), true));
        }
        if against || doc.tok_in_lex(verb_tok, Lex::AdoptingVerb) {
            let obj_tok = doc.token_at(from);
            return new_issue_from(
                doc,
                items,
                obj_tok,
                stop_tok.min(doc.token_at(object_end) + 1),
                false,
            )
            .map(|(id, t)| (Accused::New(id, t), against));
        }
    }
    None
}

/// The act a negated request asks not to be done, named as a gerund phrase: the verb's
/// "-ing" form, a particle right after it ("turn away"), and its object up to its head ("boats
/// of people seeking asylum" gives "turning away boats").
fn refused_act(
    doc: &Doc<'_>,
    items: &[Item],
    verb: Word,
    object: Word,
    stop_tok: usize,
) -> Option<(String, String)> {
    let p = &doc.parse;
    let verb_tok = doc.token_at(p.token(verb)?.start);
    let (start, _) = p.subtree_span(object)?;
    let from = doc.token_at(start);
    let head_end = doc.token_at(p.token(object)?.start) + 1;
    if from <= verb_tok || head_end > stop_tok {
        return None;
    }
    // "turn away", "turn back": an adverb right after the verb that is no "-ly" adverb of
    // manner is part of the verb.
    let particle = (verb_tok + 1 < from)
        .then(|| p.word_at(doc.tokens[verb_tok + 1].start))
        .flatten()
        .filter(|&w| {
            p.head(w) == Some(verb)
                && (p.has_rel(w, "compound:prt") || p.has_rel(w, "advmod"))
                && !doc
                    .lang
                    .ends_with_lower(Class::AdverbSuffix, doc.tok(verb_tok + 1))
        })
        .map(|_| doc.tok(verb_tok + 1).to_lowercase());
    if from > verb_tok + 1 + usize::from(particle.is_some()) {
        return None;
    }
    let (_, thing) = new_issue_from(doc, items, from, head_end, false)?;
    let lemma = base_form(&super::holders::lemma(doc, verb), doc.tok(verb_tok));
    let act = match particle {
        Some(prt) => format!("{} {prt}", gerund(&lemma)),
        None => gerund(&lemma),
    };
    let title = format!("{act} {thing}");
    Some((issue_slug(&title)?, title))
}

/// The "-ing" form of an English verb's base form: "turn" gives "turning", "seize" "seizing",
/// "stop" "stopping" (a short verb ending in one vowel and one consonant doubles it).
fn gerund(base: &str) -> String {
    let vowel = |c: char| "aeiou".contains(c);
    let chars: Vec<char> = base.chars().collect();
    let n = chars.len();
    if let Some(stem) = base.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if n > 2 && base.ends_with('e') && !base.ends_with("ee") && !base.ends_with("ye") {
        return format!("{}ing", &base[..base.len() - 1]);
    }
    let vowel_groups = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| vowel(c) && (i == 0 || !vowel(chars[i - 1])))
        .count();
    if n >= 3
        && vowel_groups == 1
        && !vowel(chars[n - 1])
        && !"wxy".contains(chars[n - 1])
        && vowel(chars[n - 2])
        && !vowel(chars[n - 3])
    {
        return format!("{base}{}ing", chars[n - 1]);
    }
    format!("{base}ing")
}

/// A known topic named by an oblique of `verb` ("to re-engage in negotiations").
fn oblique_topic(doc: &Doc<'_>, items: &[Item], verb: Word) -> Option<Accused> {
    let p = &doc.parse;
    p.dependents(verb)
        .filter(|&d| p.has_rel(d, "obl"))
        .find_map(|d| {
            let head = p.token(d).map(|t| (t.start, t.end))?;
            topic_over(items, head)
        })
}

/// The known topic whose mention covers the byte span `head` (a phrase's head word).
fn topic_over(items: &[Item], head: (usize, usize)) -> Option<Accused> {
    items.iter().find_map(|x| match x.kind {
        ItemKind::Topic(t) if x.start <= head.0 && head.1 <= x.end => {
            Some(Accused::Topic(t, x.tok))
        }
        _ => None,
    })
}

/// Whether the parse reads `start..end` as a noun phrase: its head is a noun, and no word in
/// it is a verb with its own arguments or an auxiliary ("continue working with ...", "has
/// been conveyed").
fn noun_phrase(doc: &Doc<'_>, start: usize, end: usize, gerund_ok: bool) -> bool {
    let p = &doc.parse;
    let words = p.words_in(start, end);
    let Some(head) = p.head_of(&words) else {
        return true;
    };
    let gerund = |w: Word| gerund_ok && p.token(w).is_some_and(|t| t.xpos == "VBG");
    let is_noun = p
        .token(head)
        .is_some_and(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN"))
        || gerund(head);
    let clause_inside = words.iter().any(|w| {
        p.token(*w).is_some_and(|t| {
            t.upos == "AUX"
                || (t.upos == "VERB"
                    && !matches!(p.rel(*w), "amod" | "compound" | "acl")
                    && !(*w == head && gerund(head)))
        })
    });
    is_noun && !clause_inside
}

/// Whether the cue `cue` is a weak cue (the lexicon's `weak_cue`): a verb of furthering that
/// takes general goods as objects ("continue to promote accountability", "promote trade"): a
/// known topic after it is a stance, any other noun phrase is not an issue of the dispute.
pub(super) fn weak_cue(doc: &Doc<'_>, cue: &Item) -> bool {
    doc.lexicon
        .is_entry(Lex::WeakCue, doc.slice(cue.start, cue.end))
}

/// Whether the claim cue at `items[at]` claims territory: a cue that says so itself
/// ("indisputable sovereignty", "inherent territory"), or a dispute's name, one of its parts or
/// a word for territory just after a bare verb.
pub(super) fn claimed(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    sovereignty: Option<usize>,
) -> bool {
    let cue = items[at];
    let own = doc.slice(cue.start, cue.end).to_ascii_lowercase();
    // A bare "is part of" claims territory only when the parse says a disputed place is part
    // of a state ("the Golan Heights are part of the State of Israel"), not "is part of an
    // effort".
    if own.starts_with("is part") || own.starts_with("are part") || own.starts_with("remain") {
        return part_of_a_state(doc, items, &cue);
    }
    // "the islands belong to Japan": the thing claimed is the subject, before the cue.
    if own.starts_with("belong") {
        return belongs(doc, items, at);
    }
    // "its territory" claims only when said of a disputed place ("the islands are its
    // territory", "considers the islands its territory"), not "shot down drones over its
    // territory".
    // "inherent territory" claims by itself.
    if own.contains("territor") && !own.contains("inherent") {
        return territory_of_a_state(doc, items, &cue);
    }
    if ["sovereign", "territor", "part of", "part"]
        .iter()
        .any(|w| own.contains(w))
    {
        return true;
    }
    if passive_claim_of_a_place(doc, items, &cue) || claimed_as_territory(doc, &cue) {
        return true;
    }
    let end = cue.tok_end + CLAIM_WINDOW;
    items[at + 1..]
        .iter()
        .take_while(|x| x.tok < end)
        .any(|x| match x.kind {
            ItemKind::DisputeName(..) | ItemKind::DisputePart(_) => true,
            ItemKind::Topic(t) => Some(t) == sovereignty,
            _ => false,
        })
        || (cue.tok_end..end.min(doc.tokens.len())).any(|t| doc.tok_in_lex(t, Lex::ClaimedThing))
}

/// How far after a claim verb its predicative "as" may stand ("claimed Ceuta and Melilla as
/// ..."), and how far after the "as" its word for territory ("as an integral part of its
/// national territory").
const CLAIMED_AS_WINDOW: usize = 8;
const AS_TERRITORY_WINDOW: usize = 7;

/// "Rabat has long claimed Ceuta and Melilla as part of its territory": a claim verb whose
/// predicative "as" phrase, in the same clause, is the claimer's territory claims the places
/// named between, however many or whatever the dispute's parts are. The "as" is the preposition
/// of that phrase (not "claimed victory as troops entered the area"), whose noun is a word for
/// land (lexicon `land_noun`) a pronoun owns ("as its own territory"), or a part (lexicon
/// `belonging_noun`) of one ("as an integral part of its national territory"); not "as an attack
/// on its territory". A claim not made ("has never claimed") claims nothing.
fn claimed_as_territory(doc: &Doc<'_>, cue: &Item) -> bool {
    let p = &doc.parse;
    let verb = p.head_of(&p.words_in(cue.start, cue.end));
    if verb.is_some_and(|v| p.negated(v)) {
        return false;
    }
    let limit = (cue.tok_end + CLAIMED_AS_WINDOW).min(doc.tokens.len());
    let Some(as_tok) = (cue.tok_end..limit)
        .take_while(|&t| matches!(doc.tokens[t].kind, TokKind::Word))
        .find(|&t| doc.tok_is_a(t, Class::PredicativeAs))
    else {
        return false;
    };
    let end = (as_tok + 1 + AS_TERRITORY_WINDOW).min(doc.tokens.len());
    let tok_of = |w: Word| p.token(w).map(|t| doc.token_at(t.start));
    let in_window = |w: Word| tok_of(w).is_some_and(|t| t > as_tok && t < end);
    // "its territory": a word for land that a pronoun owns.
    let own_land = |w: Word| {
        in_window(w)
            && tok_of(w).is_some_and(|t| doc.tok_in_lex(t, Lex::LandNoun))
            && p.dependents(w)
                .any(|d| p.has_rel(d, "nmod:poss") && p.token(d).is_some_and(|t| t.upos == "PRON"))
    };
    let Some(noun) = p
        .word_at(doc.tokens[as_tok].start)
        .filter(|&a| p.has_rel(a, "case"))
        .and_then(|a| p.head(a))
    else {
        return false;
    };
    own_land(noun)
        || (in_window(noun)
            && tok_of(noun).is_some_and(|t| doc.tok_in_lex(t, Lex::BelongingNoun))
            && p.dependents(noun)
                .any(|d| p.has_rel(d, "nmod") && own_land(d)))
}

/// How far before "belong to" the thing claimed may stand ("the disputed islands belong to").
const BELONG_BACK: usize = 4;

/// Whether what "belongs to" someone at `items[at]` is a disputed place or territory: a
/// dispute's name or part, or a word for territory, just before the cue ("the islands belong to
/// Japan"), not ships or votes.
fn belongs(doc: &Doc<'_>, items: &[Item], at: usize) -> bool {
    let cue = items[at];
    // "he was arrested in Indian-administered Kashmir and belonged to the group": when the
    // parse names what belongs (the verb's subject, or the subject of the verb it is coordinated
    // with), that is the thing claimed; a place in a phrase near it is not.
    let p = &doc.parse;
    if let Some(verb) = p.head_of(&p.words_in(cue.start, cue.end)) {
        let subject_of = |v: Word| {
            p.dependent(v, "nsubj")
                .or_else(|| p.dependent(v, "nsubj:pass"))
        };
        let subject = subject_of(verb).or_else(|| {
            (p.rel(verb) == "conj")
                .then(|| p.head(verb))
                .flatten()
                .and_then(subject_of)
        });
        if let Some(thing) = subject {
            let place = |t: Word| {
                dispute_place(doc, items, t)
                    || p.token(t).is_some_and(|tok| {
                        doc.lexicon
                            .is(Lex::ClaimedThing, &tok.lemma.to_ascii_lowercase())
                    })
            };
            // "which belong to Japan": a relative pronoun stands for the noun it modifies; another
            // pronoun ("they belong to Japan") leaves the words before the cue to say what.
            let pronoun = p.token(thing).is_some_and(|t| t.upos == "PRON");
            let thing = if pronoun && p.rel(verb) == "acl:relcl" {
                p.head(verb)
            } else {
                (!pronoun).then_some(thing)
            };
            if let Some(thing) = thing {
                return place(thing)
                    || p.dependents(thing)
                        .any(|d| p.has_rel(d, "nmod") && place(d));
            }
        }
    }
    let from = cue.tok.saturating_sub(BELONG_BACK);
    // A place in an adverbial phrase ("was arrested in Kashmir and belonged to ...") is where
    // something happened, not what belongs.
    let oblique = |x: &Item| {
        p.head_of(&p.words_in(x.start, x.end))
            .is_some_and(|w| p.rel(w) == "obl")
    };
    items[..at].iter().rev().any(|x| {
        x.tok_end + BELONG_BACK >= cue.tok
            && matches!(x.kind, ItemKind::DisputeName(..) | ItemKind::DisputePart(_))
            && !oblique(x)
    }) || (from..cue.tok).any(|t| doc.tok_in_lex(t, Lex::ClaimedThing))
}

/// Whether, in the parse, "part" in the cue has a disputed place as its subject and a state
/// (or "our"/"its" territory) as what it is part of.
fn part_of_a_state(doc: &Doc<'_>, items: &[Item], cue: &Item) -> bool {
    let p = &doc.parse;
    let words = p.words_in(cue.start, cue.end);
    let Some(part) = words.iter().copied().find(|w| {
        p.token(*w)
            .is_some_and(|t| t.lemma.eq_ignore_ascii_case("part"))
    }) else {
        return false;
    };
    let place = |w: Word| dispute_place(doc, items, w);
    let subject_is_place = p.dependent(part, "nsubj").is_some_and(place);
    let names_a_state = |d: Word| {
        p.subtree_span(d).is_some_and(|(a, b)| {
            items
                .iter()
                .any(|x| matches!(x.kind, ItemKind::Actor { .. }) && x.start >= a && x.end <= b)
        })
    };
    let of_a_state = p.dependents(part).any(|d| {
        p.has_rel(d, "nmod")
            && (names_a_state(d)
                || p.dependents(d).any(|x| {
                    p.has_rel(x, "nmod:poss")
                        && p.token(x)
                            .is_some_and(|t| matches!(t.lemma.as_str(), "we" | "our" | "its"))
                }))
    });
    subject_is_place && of_a_state
}

/// Whether the cue is a passive claim with its claimants as agent ("the islands are claimed by
/// both countries", "a border region claimed by Sudan and South Sudan") and the thing claimed,
/// its passive subject or the noun the participle modifies, is a disputed place or a word for
/// territory. The thing stands before the cue, where the window after it cannot see it.
fn passive_claim_of_a_place(doc: &Doc<'_>, items: &[Item], cue: &Item) -> bool {
    // The agent's "by" follows the participle: the parse is not asked otherwise.
    if !(cue.tok_end..cue.tok_end + 2).any(|t| t < doc.tokens.len() && doc.tok_is(t, "by")) {
        return false;
    }
    let p = &doc.parse;
    let Some(w) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    if p.dependent(w, "obl:agent").is_none() {
        return false;
    }
    let thing = p
        .dependent(w, "nsubj:pass")
        .or_else(|| (p.rel(w) == "acl").then(|| p.head(w)).flatten());
    let place = |t: Word| {
        dispute_place(doc, items, t)
            || p.token(t).is_some_and(|tok| {
                doc.lexicon
                    .is(Lex::ClaimedThing, &tok.lemma.to_ascii_lowercase())
                    || doc
                        .lexicon
                        .is(Lex::ClaimedThing, &tok.text.to_ascii_lowercase())
            })
    };
    // "a group of islands claimed by ...": the place may be the noun's "of" phrase.
    thing.is_some_and(|t| place(t) || p.dependents(t).any(|d| p.has_rel(d, "nmod") && place(d)))
}

/// Whether parse word `w` is in a dispute's name or part ("the Kuril Islands").
fn dispute_place(doc: &Doc<'_>, items: &[Item], w: Word) -> bool {
    doc.parse.token(w).is_some_and(|t| {
        items.iter().any(|x| {
            x.start <= t.start
                && t.start < x.end
                && matches!(x.kind, ItemKind::DisputeName(..) | ItemKind::DisputePart(_))
        })
    })
}

/// Whether the parse says a disputed place is the territory the cue names: its subject ("the
/// islands are its territory") or an object of the verb it completes ("considers the islands
/// its own territory", "the islands are considered its territory"). Territory in a
/// prepositional phrase ("shot down drones over its territory") is never claimed.
fn territory_of_a_state(doc: &Doc<'_>, items: &[Item], cue: &Item) -> bool {
    let p = &doc.parse;
    let words = p.words_in(cue.start, cue.end);
    let Some(territory) = words.iter().copied().find(|w| {
        p.token(*w)
            .is_some_and(|t| t.lemma.eq_ignore_ascii_case("territory"))
    }) else {
        return false;
    };
    // A noun of claimed things ("the islands") is a contested place too.
    let place = |w: Word| {
        dispute_place(doc, items, w)
            || p.token(w).is_some_and(|t| {
                doc.lexicon
                    .is(Lex::ClaimedThing, &t.lemma.to_ascii_lowercase())
            })
    };
    // "over its territory" is where something happened, not what a place is; "regards the
    // islands as its territory" names what they are.
    let case = p.dependent(territory, "case").and_then(|c| p.token(c));
    let in_a_phrase = case.is_some_and(|t| !t.text.eq_ignore_ascii_case("as"));
    // "the islands became its territory": a verb's complement has the verb's subject too.
    let complement = p.rel(territory) == "xcomp";
    let of_its_verb = p.head(territory).is_some_and(|h| {
        p.dependents(h).any(|d| {
            d != territory
                && ["obj", "iobj", "nsubj:pass"]
                    .iter()
                    .any(|r| p.has_rel(d, r))
                && place(d)
        }) || (complement && p.dependent(h, "nsubj").is_some_and(place))
    });
    // "considers the islands its own territory": the parse may hang the predicate on the place.
    let of_the_place = matches!(p.rel(territory), "nmod" | "nmod:unmarked")
        && p.head(territory).is_some_and(place);
    !in_a_phrase
        && (p.dependent(territory, "nsubj").is_some_and(place) || of_its_verb || of_the_place)
}

/// The thing a judgement that ends in a preposition is about, when no known topic is:
/// "expressed grave concern at the capture of the sailors", "no justification for the
/// detention". Not a standard broken ("a violation of the ceasefire").
pub(super) fn judged_after(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<(String, String)> {
    let cue = items[at];
    if against_a_standard(doc, &cue) || cue.tok_end <= cue.tok {
        return None;
    }
    if doc.tok_upos(cue.tok_end - 1) != "ADP" {
        return None;
    }
    new_issue_from(doc, items, cue.tok_end, stop_tok, false)
}

/// The thing a judgement is about: the nearest topic before it in its clause ("the arbitral
/// decision is final and legally binding"), else one just after it ("an illegal referendum").
pub(super) fn assessed(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    clause_start: usize,
    stop: usize,
) -> Option<(usize, usize)> {
    let cue = items[at];
    // "a violation of the ceasefire", "inconsistent with the resolutions": what follows is the
    // standard the judged thing breaks, not the thing judged; only what precedes is judged.
    let against_a_standard = against_a_standard(doc, &cue);
    // The thing judged after the cue stands in the same phrase: not past "and" or a comma.
    let stop = (cue.tok_end..doc.token_at(stop).min(cue.tok_end + ASSESS_AHEAD))
        .find(|&t| doc.tok(t) == ";" || doc.tok_is_a(t, Class::PhraseBreak))
        .map_or(stop, |t| doc.tokens[t].start);
    let after = |limit: usize| {
        items[at + 1..]
            .iter()
            .take_while(|x| x.start < stop && x.tok.saturating_sub(cue.tok_end) <= limit)
            .find_map(|x| match x.kind {
                ItemKind::Topic(t) => Some((t, x.tok)),
                _ => None,
            })
    };
    // "an illegitimate move to annex": the judgement qualifies the words right after it.
    if !against_a_standard && let Some(found) = after(ATTRIBUTIVE) {
        return Some(found);
    }
    // "called for the release of the tanker, saying Iran's seizure was dangerous": a predicate
    // judges its subject, never a topic named before it.
    let floor_tok = named_subject_start(doc, &cue).unwrap_or(0);
    let before = items[..at].iter().rev().find_map(|x| match x.kind {
        ItemKind::Topic(t)
            if x.start >= clause_start
                && x.tok >= floor_tok
                && cue.tok.saturating_sub(x.tok_end) <= ASSESS_BACK =>
        {
            Some((t, x.tok))
        }
        _ => None,
    });
    if against_a_standard {
        return before;
    }
    before.or_else(|| {
        items[at + 1..]
            .iter()
            .take_while(|x| x.start < stop && x.tok.saturating_sub(cue.tok_end) <= ASSESS_AHEAD)
            .find_map(|x| match x.kind {
                ItemKind::Topic(t) => Some((t, x.tok)),
                _ => None,
            })
    })
}

/// Whether a judgement measures its subject against a standard named after it ("a violation
/// of", "inconsistent with"; lexicon `standard_breach`): the words after it name what the
/// speaker upholds, never the thing judged.
pub(super) fn against_a_standard(doc: &Doc<'_>, cue: &Item) -> bool {
    (cue.tok..cue.tok_end).any(|t| doc.tok_in_lex(t, Lex::StandardBreach))
}

/// Whether the topic word at token `tok` hangs from a word of breach (lexicon
/// `standard_breach`) between token `from` and it: "calling it a breach of its sovereignty",
/// "condemned the violation of the ceasefire". What is breached is upheld by whoever protests
/// the breach.
pub(super) fn breached_topic(doc: &Doc<'_>, from: usize, tok: usize) -> bool {
    // The words first: a sentence with no word of breach is not parsed to ask.
    if !(from..tok).any(|t| doc.tok_in_lex(t, Lex::StandardBreach)) {
        return false;
    }
    let p = &doc.parse;
    let Some(topic) = p.word_at(doc.tokens[tok].start) else {
        return false;
    };
    p.has_rel(topic, "nmod")
        && p.head(topic).is_some_and(|h| {
            p.token(h).is_some_and(|t| {
                let at = doc.token_at(t.start);
                at >= from && at < tok && doc.tok_in_lex(at, Lex::StandardBreach)
            })
        })
}

/// How far after a verb of denying the phrase of involvement may stand, in tokens ("denies the
/// four officers were involved in").
const DENIED_WINDOW: usize = 10;

/// "The Kremlin denies the four officers were involved in espionage", "denied any involvement
/// in the attack": what a denial of involvement (lexicon `involvement_phrase`) denies is the
/// charge, the act after the phrase, which the denier opposes, when who is said to be involved
/// is the denier's own side: no one named, or only actors whose holder is among `holders`
/// ("Russia denied that Japanese officials were involved in the negotiations" denies nothing
/// of Russia's: `Some(None)`, no stance at all). `None` when the cue denies no involvement.
pub(super) fn denied_charge(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
    holders: &[usize],
) -> Option<Option<Accused>> {
    let cue = items[at];
    if let Some(noun) = bare_involvement(doc, cue.tok_end, stop_tok) {
        return Some(Some(Accused::New(issue_slug(&noun)?, noun)));
    }
    let (x, n) = (cue.tok_end..(cue.tok_end + DENIED_WINDOW).min(stop_tok)).find_map(|x| {
        doc.lex_phrase_at(Lex::InvolvementPhrase, x, stop_tok)
            .map(|n| (x, n))
    })?;
    let others_involved = items.iter().any(|it| match it.kind {
        ItemKind::Actor { actor, .. } if it.tok >= cue.tok_end && it.tok < x => {
            !super::holders::stance_holder(doc, actor).is_some_and(|h| holders.contains(&h))
        }
        _ => false,
    });
    if others_involved {
        return Some(None);
    }
    let first = x + n;
    // "denied reports it was engaged in talks", "denied it was responsible for the weather":
    // only a charge of a wrong is opposed by denying it.
    if !wrongful_charge(k, doc, items, first, stop_tok) {
        return Some(None);
    }
    named_at(doc, items, first, stop_tok, true).map(Some)
}

/// "Uzbek authorities deny involvement and ...": the noun of an involvement phrase (lexicon
/// `involvement_phrase`: "involvement in", "role in", "responsibility for") right after the
/// verb of denying (past a word that leads an issue, "any"), with nothing of its own after it
/// (the sentence or clause ends, or a word that ends phrases follows, not the phrase's own
/// preposition): the denier's own involvement, named by that noun, lower case. `None` when
/// the noun has its act after it, which `denied_charge` names.
fn bare_involvement(doc: &Doc<'_>, from: usize, stop_tok: usize) -> Option<String> {
    let t = past_issue_leads(doc, from, stop_tok);
    if t >= stop_tok
        || doc
            .lex_phrase_at(Lex::InvolvementPhrase, t, stop_tok)
            .is_some()
    {
        return None;
    }
    let word = doc.tok(t).to_lowercase();
    let heads = doc
        .lexicon
        .phrases(Lex::InvolvementPhrase)
        .any(|p| p.len() == 2 && *p[0] == *word);
    // "denied a role for third parties": a preposition other than the phrase's own gives the
    // noun to others, not to the denier.
    let preposition = t + 1 < stop_tok && doc.tok_upos(t + 1) == "ADP";
    let ends = t + 1 >= stop_tok
        || !matches!(doc.tokens[t + 1].kind, TokKind::Word)
        || doc.tok_is_a(t + 1, Class::IssueEnd) && !preposition;
    (heads && ends).then_some(word)
}

/// How many words of a denied charge are read for the wrong it names ("involved in the
/// bombing of the embassy").
const CHARGE_REACH: usize = 6;

/// Whether the charge named from token `first` is a wrong: a noun of a wrongful act (lexicon
/// `wrongful_act`), a verb of misdeed, a word of reproach, or an act of force or pressure the
/// events know, among its first words.
fn wrongful_charge(
    k: &Knowledge,
    doc: &Doc<'_>,
    items: &[Item],
    first: usize,
    stop_tok: usize,
) -> bool {
    let end = (first + CHARGE_REACH).min(stop_tok).min(doc.tokens.len());
    (first..end).any(|t| {
        [Lex::WrongfulAct, Lex::MisdeedVerb, Lex::ReproachWord]
            .into_iter()
            .any(|l| doc.tok_in_lex(t, l))
    }) || items.iter().any(|x| {
        x.tok >= first
            && x.tok < end
            && matches!(x.kind, ItemKind::Event(e) if k.events[e].is_force_or_pressure())
    })
}

/// How far after a denial of existence ("no such") its verb of existing may stand, in tokens.
const EXISTENCE_WINDOW: usize = 4;

/// "Morocco says no such agreement exists": a denial of existence (lexicon
/// `nonexistence_lead`) opposes the thing only when a verb of existing (lexicon
/// `existence_verb`) follows; without one ("no such talks are planned") it says nothing.
pub(super) fn existence_unsaid(doc: &Doc<'_>, cue: &Item) -> bool {
    denied_existence(doc, cue).is_some_and(|verb| verb.is_none())
}

/// Whether the cue denies that a wrong exists ("no such threat exists", "no such plot
/// existed"): saying a threat is not there opposes no threat, as denying a charge of no wrong
/// opposes nothing.
pub(super) fn denied_wrong(k: &Knowledge, doc: &Doc<'_>, items: &[Item], cue: &Item) -> bool {
    denied_existence(doc, cue)
        .flatten()
        .is_some_and(|verb| wrongful_charge(k, doc, items, cue.tok_end, verb))
}

/// For a denial of existence, the token of its verb of existing, which ends the thing's name
/// ("no such treaty [exists]"); `None` for any other cue.
pub(super) fn denied_existence(doc: &Doc<'_>, cue: &Item) -> Option<Option<usize>> {
    (doc.lex_phrase_at(Lex::NonexistenceLead, cue.tok, cue.tok_end) == Some(cue.tok_end - cue.tok))
        .then(|| {
            (cue.tok_end..cue.tok_end + EXISTENCE_WINDOW)
                .find(|&t| doc.tok_in_lex(t, Lex::ExistenceVerb))
        })
}

/// The act a noun of request asks for, named by its verb at token `verb_tok` and that verb's
/// object: "release" for people freed (lexicon `freeing_verb`), otherwise the act as a gerund
/// phrase ("demolishing the outposts", as a refused act is named). `None` when the verb has no
/// object in the parse.
fn requested_act_named(
    doc: &Doc<'_>,
    items: &[Item],
    verb_tok: usize,
    stop_tok: usize,
) -> Option<(String, String)> {
    let p = &doc.parse;
    let verb = p.word_at(doc.tokens[verb_tok].start)?;
    let object = p.dependent(verb, "obj")?;
    release_asked(doc, verb_tok, verb, object)
        .or_else(|| refused_act(doc, items, verb, object, stop_tok))
}

/// The release a verb of freeing (lexicon `freeing_verb`) at token `verb_tok` asks for, when
/// people or a vessel are freed (`captive`): "to release the two women". "release data", "free
/// up grain exports" are no release.
fn release_asked(
    doc: &Doc<'_>,
    verb_tok: usize,
    verb: Word,
    object: Word,
) -> Option<(String, String)> {
    (doc.tok_in_lex(verb_tok, Lex::FreeingVerb) && captive(&doc.parse, verb, object))
        .then(|| ("release".to_owned(), "release".to_owned()))
}

/// Where the demonyms of a request's askers end when a noun of request (lexicon
/// `request_noun`) and its infinitive follow them: "South Korean and Chinese calls to revise",
/// "Iranian demands to release"; `t` itself otherwise. "a Chinese demand for compensation"
/// keeps its demonym (the issue is named `chinese-demand`, as before).
fn demonyms_before_request(doc: &Doc<'_>, items: &[Item], t: usize, stop_tok: usize) -> usize {
    let demonym_end = |at: usize| {
        items
            .iter()
            .filter(|x| {
                x.tok == at
                    && matches!(
                        x.kind,
                        ItemKind::Actor {
                            adjectival: true,
                            ..
                        }
                    )
            })
            .map(|x| x.tok_end)
            .max()
    };
    let mut end = t;
    while let Some(next) = demonym_end(end).filter(|&n| n > end && n < stop_tok) {
        end = next;
        if doc.tok_is_a(end, Class::And) && demonym_end(end + 1).is_some() {
            end += 1;
        }
    }
    if end > t
        && end + 1 < stop_tok
        && doc.tok_in_lex(end, Lex::RequestNoun)
        && doc.tok_is_a(end + 1, Class::InfinitiveMarker)
    {
        end
    } else {
        t
    }
}

/// "dismissed those calls", "rejected the demands": a referring determiner, then a noun of
/// request with nothing of its own after it (lexicon `request_noun`), stands for a request
/// named before.
pub(super) fn refers_to_request(doc: &Doc<'_>, cue: &Item, stop_tok: usize) -> bool {
    let mut t = cue.tok_end;
    if !(t < stop_tok && doc.tok_is_a(t, Class::ReferringDeterminer)) {
        return false;
    }
    while t < stop_tok && doc.tok_is_a(t, Class::ReferringDeterminer) {
        t += 1;
    }
    t < stop_tok
        && doc.tok_in_lex(t, Lex::RequestNoun)
        && !doc.tok_is_a(t + 1, Class::NounComplement)
}

/// Longest name of a document before its noun ("the Goldstone Commission report"), in tokens.
const MAX_DOCUMENT_NAME: usize = 3;

/// "condemned the U.N. report", "rejects the Palmer report": a document the text names by
/// whose it is, is an issue; "condemned the report", with nothing after the noun, is the
/// document the text last named so, when the nearest such noun before is named. A document
/// noun alone is too vague (`not_an_issue`).
pub(super) fn named_document(
    doc: &Doc<'_>,
    items: &[Item],
    at: usize,
    stop_tok: usize,
) -> Option<(String, String)> {
    let t = past_issue_leads(doc, items[at].tok_end, stop_tok);
    if t >= stop_tok {
        return None;
    }
    if doc.tok_in_lex(t, Lex::DocumentNoun) {
        if t + 1 < stop_tok
            && matches!(doc.tokens[t + 1].kind, TokKind::Word)
            && !doc.tok_is_a(t + 1, Class::IssueEnd)
        {
            return None;
        }
        // The nearest such noun before that is no bare reference back itself ("the report"),
        // named or not: "issued its own report, and Russia dismissed the report" names no
        // document.
        let noun = doc.tok(t);
        let (x, first) = (0..t)
            .rev()
            .filter(|&x| doc.tok(x).eq_ignore_ascii_case(noun))
            .map(|x| (x, document_name(doc, x)))
            .find(|&(x, name)| {
                name.is_some() || !(x > 0 && doc.tok_is_a(x - 1, Class::ReferringDeterminer))
            })?;
        return first.and_then(|first| titled(doc, first, x));
    }
    // The noun after the name: past the actor's name ("U.N.") and capitalized words.
    let noun = (t + 1..stop_tok).find(|&x| {
        matches!(doc.tokens[x].kind, TokKind::Word)
            && !covered_by_name(doc, x)
            && !doc.tok(x).starts_with(char::is_uppercase)
    })?;
    let first = document_name(doc, noun).filter(|&first| first == t)?;
    titled(doc, first, noun)
}

/// Whether token `x` is inside an actor's name that began before it ("U.N.").
fn covered_by_name(doc: &Doc<'_>, x: usize) -> bool {
    doc.sentence_of(x).is_some_and(|s| {
        doc.sentence_items(s)
            .iter()
            .any(|it| it.tok < x && x < it.tok_end && matches!(it.kind, ItemKind::Actor { .. }))
    })
}

/// The first token of the name before document noun `noun` ("the U.N. report", "a Palmer
/// report"): an actor's name or capitalized words after a determiner.
fn document_name(doc: &Doc<'_>, noun: usize) -> Option<usize> {
    if !doc.tok_in_lex(noun, Lex::DocumentNoun) {
        return None;
    }
    let actor = doc.sentence_of(noun).and_then(|s| {
        doc.sentence_items(s)
            .iter()
            .filter(|x| x.tok_end == noun && matches!(x.kind, ItemKind::Actor { .. }))
            .map(|x| x.tok)
            .min()
    });
    let named = |x: usize| {
        matches!(doc.tokens[x].kind, TokKind::Word) && doc.tok(x).starts_with(char::is_uppercase)
    };
    let after_determiner = |x: usize| x > 0 && doc.tok_is_a(x - 1, Class::Determiner);
    actor.filter(|&x| after_determiner(x)).or_else(|| {
        (noun.saturating_sub(MAX_DOCUMENT_NAME)..noun)
            .find(|&x| after_determiner(x) && (x..noun).all(named))
    })
}

/// The issue named by the document whose name starts at `first` and whose noun is `noun`;
/// `None` when the words make no slug.
fn titled(doc: &Doc<'_>, first: usize, noun: usize) -> Option<(String, String)> {
    let text = doc
        .slice(doc.tokens[first].start, doc.tokens[noun].end)
        .to_owned();
    Some((issue_slug(&text)?, text))
}

/// Whether the object `object` of the verb of freeing `verb` is people or a vessel held
/// (`captive_noun`, or a name): "release the two women", "free the crew", "release Smith", not
/// "release data", "release more oil" or "free up grain exports".
fn captive(p: &Parse<'_>, verb: Word, object: Word) -> bool {
    !p.dependents(verb).any(|d| p.has_rel(d, "compound:prt")) && held(p, object)
}

/// Whether the word `w` names people or a vessel one can hold: a name or a `captive_noun`.
fn held(p: &Parse<'_>, w: Word) -> bool {
    p.token(w).is_some_and(|t| {
        t.upos == "PROPN"
            || p.lexicon()
                .is(Lex::CaptiveNoun, &t.text.to_ascii_lowercase())
    })
}

/// Whether the demand word `w` makes no demand: negated itself, or under a verb that is negated
/// or of the lexicon's `negating_head` ("refused to request an apology", "denied that it had
/// demanded a meeting").
fn demand_withheld(doc: &Doc<'_>, w: Word) -> bool {
    let p = &doc.parse;
    p.negated(w)
        || p.head(w).is_some_and(|h| {
            p.negated(h)
                || doc
                    .lexicon
                    .is(Lex::NegatingHead, &super::holders::lemma(doc, h))
        })
}

#[cfg(test)]
mod gerund_tests {
    #[test]
    fn the_ing_form_follows_the_spelling_rules() {
        for (base, ing) in [
            ("turn", "turning"),
            ("seize", "seizing"),
            ("stop", "stopping"),
            ("tie", "tying"),
            ("free", "freeing"),
            ("visit", "visiting"),
            ("ban", "banning"),
            ("see", "seeing"),
            ("block", "blocking"),
        ] {
            assert_eq!(super::gerund(base), ing);
        }
    }
}
