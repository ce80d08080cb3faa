//! Fuzzes the dossier reader (JSON and JSON Lines, with or without a byte-order mark): any input
//! parses or is refused with a typed error; what parses validates without panicking and
//! survives a write and re-read in both formats unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polemos_core::{Dossier, NothingElse, validate};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for parsed in [
        Dossier::from_any(text),
        Dossier::from_json(text),
        Dossier::from_jsonl(text),
    ] {
        let Ok(d) = parsed else { continue };
        let _ = validate(&d, &NothingElse);
        let json = d.to_json();
        assert_eq!(Dossier::from_json(&json).expect("own JSON reads back"), d);
        let lines = d.to_jsonl();
        let back = Dossier::from_jsonl(&lines).expect("own JSON Lines read back");
        assert_eq!(back.len(), d.len());
    }
});
