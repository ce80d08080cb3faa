//! Fuzzes the forecast scenario parsers (BDM table and KTAB CSV): any text gives a scenario or a
//! typed error; a scenario that parses validates without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polemos_core::forecast::parse::{parse_bdm_csv, parse_ktab_csv, parse_scenario};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for parsed in [
        parse_scenario("fuzz", text),
        parse_bdm_csv("fuzz", text),
        parse_ktab_csv(text),
    ] {
        if let Ok(s) = parsed {
            let _ = s.validate();
        }
    }
});
