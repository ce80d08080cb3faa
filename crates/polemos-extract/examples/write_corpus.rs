//! Writes the benchmark corpus (`benches/support/corpus.rs`) as one text file an article, for
//! measuring `polemos extract` and `polemos ingest` at scale (docs/benchmarks.md).
//!
//! `cargo run -p polemos-extract --example write_corpus DIR [SCALE]`: SCALE × 2 MB of articles
//! (default 1), in `DIR/000000.txt`, `DIR/000001.txt`, …

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or("usage: write_corpus DIR [SCALE]")?);
    let scale: usize = args.next().map_or(Ok(1), |s| s.parse())?;
    std::fs::create_dir_all(&dir)?;
    let articles = corpus::corpus(scale * 2 * 1024 * 1024);
    for (i, text) in articles.iter().enumerate() {
        std::fs::write(dir.join(format!("{i:06}.txt")), text)?;
    }
    let bytes: usize = articles.iter().map(String::len).sum();
    eprintln!(
        "wrote {} articles, {bytes} bytes, to {}",
        articles.len(),
        dir.display()
    );
    Ok(())
}
