//! Demands reported as obligations: "the United States and South Korea have said that
//! Pyongyang must halt its program", "the court ruled that the two parties must refrain from any
//! action". No verb of asking is used, yet the subject of the reporting verb asks the obliged
//! subject to act: a request (PLOVER REQUEST) from the one to the other. So does a verb of
//! demanding with a mandative subjunctive ("Russia insisted that Japan recognize the results").

use super::acts::leaves_outright;
use super::{Who, branches, verb_in, who};
use crate::ir::{Doc, Item, ItemKind};
use crate::lang::Class;
use crate::lexicon::Lex;
use crate::tree::{Parse, Word};

/// A demand read from the parse: `source` says that `target` must act; `start..end` is the
/// obliged verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Demand {
    pub source: Who,
    pub target: Who,
    pub start: usize,
    pub end: usize,
    /// Where the reporting verb starts, for a subject the parse does not link to it.
    pub reporter: usize,
    /// Whether what is demanded is that envoys leave the country ("said all Iranian diplomats
    /// must leave the country"): the reporter's state expelling them, not a request.
    pub expel: bool,
}

/// The demands of sentence `s` whose items are `items`. Only sentences with a modal of
/// obligation or a verb of demanding (`mandative_verb`) are parsed for them.
#[must_use]
pub fn demands(doc: &Doc<'_>, items: &[Item], s: usize) -> Vec<Demand> {
    let demanding = doc.sentences[s]
        .tokens
        .clone()
        .any(|t| doc.tok_in_lex(t, Lex::MandativeVerb));
    if !obligation_in(doc, s) && !demanding {
        return Vec::new();
    }
    let p = &doc.parse;
    let Some(n) = p.sentence(s).map(|x| x.tokens.len()) else {
        return Vec::new();
    };
    let mut map = vec![None; n];
    for it in items {
        if let ItemKind::Actor { actor, .. } = it.kind {
            for w in p.words_in(it.start, it.end) {
                if let Some(slot) = map.get_mut(w.index) {
                    *slot = Some(actor);
                }
            }
        }
    }
    branches(doc, p, s, &mut map);
    let mut out = Vec::new();
    for index in 0..n {
        let w = Word { sentence: s, index };
        if p.token(w).is_none_or(|t| t.upos != "VERB") {
            continue;
        }
        let Some((first, reporter)) =
            reported_obligation(doc, w).or_else(|| demanded_subjunctive(doc, w))
        else {
            continue;
        };
        let subject = |v: Word| p.dependents(v).find(|d| p.has_rel(*d, "nsubj"));
        // "are resolute in demanding that Russia release": a reporting verb that is an
        // adverbial or a complement shares the subject of the verb it hangs on.
        let controller = |v: Word| {
            subject(v).or_else(|| {
                let h = p
                    .head(v)
                    .filter(|_| p.has_rel(v, "advcl") || p.has_rel(v, "xcomp"))?;
                p.dependents(h)
                    .find(|d| p.has_rel(*d, "nsubj") || p.has_rel(*d, "nsubj:pass"))
            })
        };
        // A reporting verb without a subject in the parse (coordinated clauses misattached)
        // leaves its subject to the caller's token rules.
        let source = controller(reporter).map_or(Who::Nobody, |x| who(p, &map, x, false));
        let Some(obliged) = subject(first) else {
            continue;
        };
        let target = who(p, &map, obliged, false);
        let (Some(tok), Some(rep)) = (p.token(w), p.token(reporter)) else {
            continue;
        };
        if target.is_nobody() {
            continue;
        }
        out.push(Demand {
            source,
            target,
            start: tok.start,
            end: tok.end,
            reporter: rep.start,
            expel: envoys_out(p, obliged, w),
        });
    }
    out
}

/// Whether the obliged subject `n` is envoys of another state and `v`, what they must do, is to
/// leave with no place but the country and no destination ("all Iranian diplomats must leave
/// the country within 48 hours"); envoys owned by a pronoun ("its diplomats must leave") are the
/// speaker's own, an evacuation.
fn envoys_out(p: &Parse<'_>, n: Word, v: Word) -> bool {
    let envoy = p.token(n).is_some_and(|t| {
        p.lexicon().is(Lex::EnvoyNoun, &t.text.to_ascii_lowercase())
            || p.lexicon()
                .is(Lex::EnvoyNoun, &t.lemma.to_ascii_lowercase())
    });
    let own = p
        .dependents(n)
        .any(|d| p.has_rel(d, "nmod:poss") && p.token(d).is_some_and(|t| t.upos == "PRON"));
    envoy && !own && verb_in(p, v, Lex::LeavingVerb) && leaves_outright(p, v)
}

/// The rule both readings of a demand share (this module's requests, and the stance holders of
/// `stances/holders.rs`): predicate `w` carries a modal of obligation, itself or as the
/// conjunct of one that does ("must halt X and improve Y"), and its clause is the complement of
/// a reporting verb that is not negated ("said that Pyongyang must halt", "ruled that the
/// parties must refrain"). Gives the obliged clause's first predicate and the reporting verb.
/// A verb of knowing ("must know") obliges no one to act.
#[must_use]
pub fn reported_obligation(doc: &Doc<'_>, w: Word) -> Option<(Word, Word)> {
    let p = &doc.parse;
    // "must halt X and improve Y": the coordinated verb shares the modal and the first one's
    // clause.
    let conjunct = p.has_rel(w, "conj");
    let shares = conjunct && p.head(w).is_some_and(|h| obliged(doc, h));
    if !obliged(doc, w) && !shares {
        return None;
    }
    let first = if conjunct { p.head(w).unwrap_or(w) } else { w };
    if !p.has_rel(first, "ccomp") {
        return None;
    }
    let reporter = p.head(first)?;
    let is_verb = p.token(reporter).is_some_and(|t| t.upos == "VERB");
    let knowing = p
        .token(w)
        .is_some_and(|t| p.lexicon().is(Lex::KnowingVerb, &t.lemma));
    (is_verb && !knowing && !p.negated(reporter) && !p.negated(w)).then_some((first, reporter))
}

/// A mandative subjunctive completing a verb of demanding that is not negated ("insisted that
/// Japan recognize the results", "urged that the allies reconsider"). Gives `w` and the verb of
/// demanding.
fn demanded_subjunctive(doc: &Doc<'_>, w: Word) -> Option<(Word, Word)> {
    let p = &doc.parse;
    let reporter = demanded_by(p, w)?;
    (!p.negated(reporter) && !p.negated(w)).then_some((w, reporter))
}

/// Whether verb `v` is a verb of demanding (`mandative_verb`).
pub(crate) fn is_demanding(p: &crate::tree::Parse<'_>, v: Word) -> bool {
    p.token(v).is_some_and(|t| {
        t.upos == "VERB"
            && p.lexicon()
                .is(Lex::MandativeVerb, &t.text.to_ascii_lowercase())
    })
}

/// The verb of demanding whose "that" clause predicate `w` is a mandative subjunctive of: a
/// bare form with no auxiliary, a present form with no "-s" (tagged VBP), or a form that is its
/// own lemma however tagged ("demanded that Moscow halt trade", "halt" tagged VBZ after a proper
/// noun), read as a subjunctive after that verb (`subjunctive`).
pub(crate) fn demanded_by(p: &crate::tree::Parse<'_>, w: Word) -> Option<Word> {
    if !p.has_rel(w, "ccomp") || p.dependents(w).any(|d| p.has_rel(d, "aux")) {
        return None;
    }
    let reporter = p.head(w).filter(|&h| is_demanding(p, h))?;
    let bare = p.token(w).is_some_and(|t| {
        t.xpos == "VB" || t.xpos == "VBP" || t.text.eq_ignore_ascii_case(&t.lemma)
    });
    (bare && subjunctive(p, w, reporter)).then_some(reporter)
}

/// Whether the bare or "-s"-less present `w`, completing the verb of demanding `demanding`,
/// reads as a subjunctive. After a past or a gerund ("insisted that the allies leave",
/// "demanding that Russia release") it does, as the plain past would be written otherwise;
/// after a present ("insists") only with a singular noun subject ("insists that Japan recognize"),
/// since "insists Japanese jets violate its airspace" is a plain present.
pub(crate) fn subjunctive(p: &crate::tree::Parse<'_>, w: Word, demanding: Word) -> bool {
    let present = p
        .token(demanding)
        .is_some_and(|t| t.xpos == "VBZ" || t.xpos == "VBP");
    if !present {
        return true;
    }
    // The subject's head must end its phrase: the tagger may read "Chilean fishermen" as a
    // proper noun with the plural hung after it.
    p.dependent(w, "nsubj").is_some_and(|s| {
        p.token(s).is_some_and(|t| {
            matches!(t.xpos.as_str(), "NN" | "NNP")
                && p.subtree_span(s).is_some_and(|(_, end)| end == t.end)
        })
    })
}

/// Whether sentence `s` has a modal of obligation among its tokens (no parse asked).
#[must_use]
pub fn obligation_in(doc: &Doc<'_>, s: usize) -> bool {
    doc.sentences[s]
        .tokens
        .clone()
        .any(|t| doc.tok_is_a(t, Class::Obligation))
}

/// Whether predicate `w` carries a modal of obligation of the profile ("must halt", "should
/// stop").
#[must_use]
pub fn obliged(doc: &Doc<'_>, w: Word) -> bool {
    let p = &doc.parse;
    p.dependents(w).any(|d| {
        p.has_rel(d, "aux")
            && p.token(d)
                .is_some_and(|t| doc.tok_is_a(doc.token_at(t.start), Class::Obligation))
    })
}

/// Whether a verb of asking reports a belief instead: its "that" clause states a fact, in the
/// past or the present of a third person ("suggested that the president was aware of his
/// crimes", "suggests that Iran is ready"), where an appeal's clause has a modal, the bare verb
/// or an obligation ("suggested that Iran should negotiate", "suggested that Iran negotiate",
/// "suggested that Iran has to negotiate"). Only the lexicon's `suggesting_verb`s followed right
/// by a complementizer are parsed: "demanded that Peru stops the raids" is a demand however
/// written.
#[must_use]
pub fn states_a_fact(doc: &Doc<'_>, cue: &Item) -> bool {
    if cue.tok_end >= doc.tokens.len()
        || !doc.tok_is_a(cue.tok_end, Class::Complementizer)
        || !doc.tok_in_lex(cue.tok_end - 1, Lex::SuggestingVerb)
    {
        return false;
    }
    let p = &doc.parse;
    let Some(v) = p.head_of(&p.words_in(cue.start, cue.end)) else {
        return false;
    };
    p.dependents(v).filter(|c| p.has_rel(*c, "ccomp")).any(|c| {
        // The clause's finite word: its first auxiliary or copula, else its verb.
        let finite = p
            .dependents(c)
            .filter(|d| p.has_rel(*d, "aux") || p.has_rel(*d, "cop"))
            .min_by_key(|d| d.index)
            .unwrap_or(c);
        // "has to withdraw": an obligation, asked.
        let obliged = finite == c
            && p.token(c)
                .is_some_and(|t| t.lemma.eq_ignore_ascii_case("have"))
            && p.dependents(c).any(|d| p.has_rel(d, "xcomp"));
        !obliged
            && p.token(finite)
                .is_some_and(|t| matches!(t.xpos.as_str(), "VBD" | "VBZ"))
    })
}
