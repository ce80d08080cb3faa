//! Prints the facts extracted from a file as JSON: `cargo run --example extract FILE [YYYY-MM-DD]`.

use polemos_extract::{ArticleMeta, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: extract FILE [YYYY-MM-DD]")?;
    let published = args
        .next()
        .map(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
        .transpose()?;
    let bytes = std::fs::read(path)?;
    let extractor = Extractor::new()?;
    let meta = ArticleMeta {
        published,
        ..ArticleMeta::default()
    };
    let x = extractor.extract_bytes(&bytes, &meta)?;
    println!("{}", serde_json::to_string_pretty(&x)?);
    Ok(())
}
