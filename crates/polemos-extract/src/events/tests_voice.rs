//! Tests of whose voice "I" and "we" are in a signed statement, on texts of our own.

use super::tests::{events, has};

#[test]
fn a_signed_statement_speaks_for_its_signatory_state() {
    // The first state that is a subject is Chile, in a clause the author speaks of ("the urgency
    // of Chile taking action"); the header's signatory says "I" and "we" are the United States.
    let text = "Press Statement\nAntony J. Blinken\nSecretary of State\n\n\
                I underscored the urgency of Chile taking action against smugglers on its soil. \
                We urged Peru to exercise restraint at the border.";
    assert!(has(text, "USA", "REQUEST", "PER"), "{:?}", events(text));
    assert!(!has(text, "CHL", "REQUEST", "PER"), "{:?}", events(text));
}
