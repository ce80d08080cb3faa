//! Tests of how an event's arguments are linked through constructions of English (a wire
//! dateline, an adjunct of manner, a reduced relative passive, a noun of stopping), on
//! sentences of our own.

use super::tests::{events, has};

#[test]
fn a_wire_dateline_is_no_subject_of_the_verb() {
    // The parser hangs "LIMA" (with "Peru" as its conjunct) on the verb as a second subject.
    let text = "LIMA, Peru — Chile and Bolivia are expected to hold a high level meeting \
                June 4 on their border dispute.";
    assert!(has(text, "CHL", "CONSULT", "BOL"), "{:?}", events(text));
    assert!(has(text, "BOL", "CONSULT", "CHL"), "{:?}", events(text));
    let text = "QUITO — Chile and Bolivia will hold a meeting on their border dispute.";
    assert!(has(text, "CHL", "CONSULT", "BOL"), "{:?}", events(text));
    let text = "LIMA, Peru — Chile accused Bolivia of spying on its navy.";
    assert!(has(text, "CHL", "ACCUSE", "BOL"), "{:?}", events(text));
    assert!(!has(text, "PER", "ACCUSE", "BOL"), "{:?}", events(text));
    let text = "CUSCO - Chile accused Bolivia of spying on its navy.";
    assert!(has(text, "CHL", "ACCUSE", "BOL"), "{:?}", events(text));
    // A hyphen within a title is no dateline's dash: the office still acts.
    let text = "OAS Secretary-General Almagro visited Bolivia on Monday.";
    assert!(has(text, "OAS", "CONSULT", "BOL"), "{:?}", events(text));
}

#[test]
fn a_noun_of_protest_in_an_adjunct_is_the_subjects() {
    // "in protest" is the manner of the summoning, the summoner's; the envoy does not protest.
    let text = "Chile on Tuesday summoned the Peruvian envoy in protest over the shooting.";
    assert!(has(text, "CHL", "PROTEST", "PER"), "{:?}", events(text));
    assert!(!has(text, "PER", "PROTEST", "CHL"), "{:?}", events(text));
    // After a verb that is no act of its own, the noun is the subject's act, aimed at what its
    // phrase names.
    let text = "Chilean diplomats left the conference hall in protest against Peru's proposal.";
    assert!(has(text, "CHL", "PROTEST", "PER"), "{:?}", events(text));
    // A verb of protest coded nothing (no target): the noun's act stands.
    let text = "Thousands of Bolivians marched through La Paz in protest against Chile.";
    assert!(has(text, "BOL", "PROTEST", "CHL"), "{:?}", events(text));
    // After an act of its own, no second act: "Peru recalled its ambassador" is the sanction.
    let text = "Peru recalled its ambassador from Chile in protest at the new maritime law.";
    assert!(
        !events(text).iter().any(|(_, t, _, _)| t == "PROTEST"),
        "{:?}",
        events(text)
    );
    // Also where the parser hangs the phrase on the act's object.
    let text = "Bolivia expelled three Chilean diplomats in protest at the raids.";
    assert!(has(text, "BOL", "SANCTION", "CHL"), "{:?}", events(text));
    assert!(!has(text, "CHL", "PROTEST", "BOL"), "{:?}", events(text));
}

#[test]
fn a_reduced_relative_passive_acts_upon_the_noun_it_modifies() {
    // The parser takes the participle after "allegedly" for a clause of its own: its agent
    // still acts upon the person the noun names.
    let text = "Chile said on Monday it regrets the death of a Peruvian border guard allegedly \
                stabbed to death by a Chilean soldier.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    assert!(!has(text, "PER", "ASSAULT", "CHL"), "{:?}", events(text));
}

#[test]
fn private_people_a_demonym_describes_do_not_act_for_their_state() {
    let text = "Chile said it regrets the death of a Peruvian border guard allegedly stabbed by \
                a Chilean fisherman.";
    assert!(!has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    let text = "A Peruvian patrol boat was rammed by a Chilean fisherman near the border.";
    assert!(!has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    // A named group acts, and so does a conjunct that is the state's.
    let text = "The Israeli embassy in Beirut was attacked by Hezbollah students.";
    assert!(
        has(text, "HEZBOLLAH", "ASSAULT", "ISR"),
        "{:?}",
        events(text)
    );
    let text = "The Peruvian consulate was attacked by Chilean students and soldiers.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn private_people_a_demonym_describes_do_not_act_for_their_state_as_subjects() {
    let text = "Chilean protesters attacked the Peruvian embassy in Santiago.";
    assert!(!has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    let text = "Chilean activists landed on the disputed islet and protested against Peru.";
    assert!(!has(text, "CHL", "PROTEST", "PER"), "{:?}", events(text));
    // The state's own people still act for it.
    let text = "Chilean soldiers attacked the Peruvian embassy in Santiago.";
    assert!(has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
}

#[test]
fn armed_men_a_demonym_describes_act_as_their_own_group() {
    let text = "Chilean gunmen attacked a Peruvian patrol boat near the border.";
    assert!(
        has(text, "chilean-gunmen", "ASSAULT", "PER"),
        "{:?}",
        events(text)
    );
    assert!(!has(text, "CHL", "ASSAULT", "PER"), "{:?}", events(text));
    let text = "Somali pirates seized a Peruvian cargo ship on Monday.";
    assert!(
        has(text, "somali-pirates", "COERCE", "PER"),
        "{:?}",
        events(text)
    );
    // The noun of the name is no cue of its own ("pirates" is also a verb of seizing).
    let text = "Somali pirates were handed over to Peru for trial.";
    assert!(
        !has(text, "somali-pirates", "COERCE", "PER"),
        "{:?}",
        events(text)
    );
}
#[test]
fn regret_for_a_death_accuses_no_one() {
    let text = "Chile said on Monday it regrets the death of a Peruvian border guard allegedly \
                stabbed to death by a Chilean soldier.";
    let found = events(text);
    assert!(!found.iter().any(|(_, t, _, _)| t == "ACCUSE"), "{found:?}");
    // Nor mourning the victims of an act.
    let text = "Bolivia mourned the victims of the raid by Chilean soldiers.";
    assert!(!has(text, "BOL", "ACCUSE", "CHL"), "{:?}", events(text));
    // Regret of a decision is still disapproval.
    let text = "Chile regrets the decision by Peru to close the border.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}

#[test]
fn praise_a_subject_draws_from_others_is_the_givers_act() {
    // "drew" / "won" before the noun, "from" after it: the "from" phrase praises the subject.
    for text in [
        "The vote by Peru drew praise from Chile and Bolivia.",
        "The vote by Peru has won warm praise from Chile and Bolivia.",
    ] {
        assert!(
            has(text, "CHL", "SUPPORT", "PER"),
            "{text}: {:?}",
            events(text)
        );
        assert!(
            has(text, "BOL", "SUPPORT", "PER"),
            "{text}: {:?}",
            events(text)
        );
        assert!(
            !has(text, "PER", "SUPPORT", "CHL"),
            "{text}: {:?}",
            events(text)
        );
    }
    // A determiner or quantifier may stand between the verb and the act; a negated act received
    // is still not the receiver's.
    let text = "Peru received a visit from Chile last week.";
    assert!(has(text, "CHL", "CONSULT", "PER"), "{:?}", events(text));
    assert!(!has(text, "PER", "CONSULT", "CHL"), "{:?}", events(text));
    let text = "Peru won strong support from Chile.";
    assert!(has(text, "CHL", "SUPPORT", "PER"), "{:?}", events(text));
    let text = "Peru received no support from Chile.";
    assert!(!has(text, "PER", "SUPPORT", "CHL"), "{:?}", events(text));
    // "draw down" (a verb with its particle) receives nothing: the doer stays the subject.
    let text = "Peru drew down its aid from Bolivia.";
    assert!(!has(text, "BOL", "AID", "PER"), "{:?}", events(text));
    // Praise given, not received, keeps its doer.
    let text = "Peru praised Chile and Bolivia.";
    assert!(has(text, "PER", "SUPPORT", "CHL"), "{:?}", events(text));
    // Only the "from" phrase gives: a state named after it is no giver.
    for text in [
        "Peru won praise from abroad for its aid to Bolivia.",
        "Peru received aid from abroad to help refugees from Bolivia.",
    ] {
        for ty in ["SUPPORT", "AID"] {
            assert!(!has(text, "BOL", ty, "PER"), "{text}: {:?}", events(text));
        }
    }
}

#[test]
fn a_phrase_between_have_and_its_participle_keeps_the_subject() {
    // The parser may read "in the past" as a clause of its own with "the past" for subject.
    let text = "Chile's government has in the past accused Peru of arming smugglers.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    let text = "Chile has, in recent years, accused Peru of spying on its navy.";
    assert!(has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    // A clause that opens with a preposition's marker after a main verb "have" is no perfect.
    let text = "Chile has no troops on the border since Peru accused it of spying.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
    // A subordinate clause between "had" and its participle keeps its own subject.
    let text = "Chile had, after Peru accused it of spying, closed the border crossing.";
    assert!(!has(text, "CHL", "ACCUSE", "PER"), "{:?}", events(text));
}
