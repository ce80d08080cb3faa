//! Fuzzes the extractor with varied metadata: any publication date chrono can represent (the
//! ends of the calendar once overflowed the relative-date arithmetic), any title and outlet.
//! Extraction and the conversion to records must return a value or a typed error, never panic.
#![no_main]

use std::sync::OnceLock;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use polemos_extract::{ArticleMeta, Extractor};

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new().expect("built-in knowledge").max_bytes(1 << 16))
}

/// A date from four bytes, spread over chrono's whole range, its ends and a few fixed points.
fn date(b: [u8; 4]) -> Option<NaiveDate> {
    let n = i32::from_le_bytes(b);
    match n.rem_euclid(8) {
        0 => None,
        1 => Some(NaiveDate::MIN),
        2 => Some(NaiveDate::MAX),
        3 => NaiveDate::from_ymd_opt(2018, 9, 19),
        _ => NaiveDate::from_num_days_from_ce_opt(n / 8)
            .or_else(|| NaiveDate::from_num_days_from_ce_opt(n % 100_000)),
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let published = date([data[0], data[1], data[2], data[3]]);
    let title_len = usize::from(data[4]).min(data.len() - 5);
    let title = String::from_utf8_lossy(&data[5..5 + title_len]).into_owned();
    let body = &data[5 + title_len..];
    let meta = ArticleMeta {
        published,
        title: (!title.is_empty()).then_some(title),
        outlet: (data[4] % 2 == 0).then(|| "Outlet".to_owned()),
        url: None,
    };
    let ex = extractor();
    if let Ok(x) = ex.extract_bytes(body, &meta) {
        let _ = polemos_extract::convert::to_dossier(ex.knowledge(), &x, &meta);
    }
});
