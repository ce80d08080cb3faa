//! Time per pipeline stage over a file repeated N times, and throughput per CPU second:
//! `cargo run --release -p polemos-extract --example profile_extract FILE|DIR|corpus [N] [full-parse]`.
//! A directory's `.txt` files are extracted one by one, each as its own article (real news is
//! read that way: concatenated, one article's dispute would open the gates of the next), and the
//! share of sentences the stages had parsed is printed.
//! With `full-parse` the parse stage parses every sentence instead of only those a later stage
//! asks about. (Not `profile`: polemos-syntax has an example of that name, and both would be
//! written to target/release/examples/profile.)

use polemos_extract::{ArticleMeta, Extractor};

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "../benches/support/eager_parse.rs"]
mod eager_parse;

/// CPU time of this process (user + system), from /proc, in seconds; None elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(") ")?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: profile FILE [N]")?;
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(200);
    // `corpus` means the benchmark's generated corpus (about 2 MB).
    let texts: Vec<String> = if path == "corpus" {
        vec![corpus::corpus(2 * 1024 * 1024).join("\n")]
    } else if std::path::Path::new(&path).is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(&path)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files
            .iter()
            .map(std::fs::read_to_string)
            .collect::<Result<_, _>>()?
    } else {
        vec![std::fs::read_to_string(path)?]
    };
    let built = std::time::Instant::now();
    let built_cpu = cpu_seconds();
    let ex = if args.next().as_deref() == Some("full-parse") {
        eager_parse::extractor()
    } else {
        Extractor::new()?
    };
    eprintln!(
        "Extractor::new (built-in knowledge, matcher compiled once): {:.0} ms wall, {:.0} ms CPU",
        built.elapsed().as_secs_f64() * 1000.0,
        cpu_seconds()
            .zip(built_cpu)
            .map_or(f64::NAN, |(b, a)| (b - a) * 1000.0)
    );
    let published = chrono::NaiveDate::from_ymd_opt(2018, 9, 19);
    let mut totals: Vec<(&str, f64)> = Vec::new();
    let cpu0 = cpu_seconds();
    let wall = std::time::Instant::now();
    let mut sentences = 0;
    for _ in 0..n {
        for text in &texts {
            for (i, (name, d)) in ex.profile(text, published).into_iter().enumerate() {
                if totals.len() <= i {
                    totals.push((name, 0.0));
                }
                totals[i].1 += d.as_secs_f64();
            }
            let meta = ArticleMeta {
                published,
                ..ArticleMeta::default()
            };
            sentences += ex.extract(text, &meta)?.document.sentences;
        }
    }
    // Each text was run twice (profile, then extract): halve the totals.
    let wall = wall.elapsed().as_secs_f64() / 2.0;
    let cpu = cpu0.and_then(|c0| cpu_seconds().map(|c1| (c1 - c0) / 2.0));
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = (bytes * n) as f64 / 1e6;
    let (mut all, mut parsed) = (0, 0);
    for text in &texts {
        let doc = ex.analyze(text, published);
        all += doc.sentences.len();
        parsed += doc.parse.parsed_sentences();
    }
    println!(
        "{} texts, {bytes} bytes, {all} sentences, {parsed} parsed ({:.1} %)",
        texts.len(),
        100.0 * parsed as f64 / all.max(1) as f64
    );
    for (name, t) in &totals {
        println!("{name:12} {:8.1} ms", t * 1000.0);
    }
    println!(
        "wall: {:.2} MB/s, {:.0} sentences/s",
        mb / wall,
        sentences as f64 / wall
    );
    if let Some(cpu) = cpu {
        println!(
            "cpu:  {:.2} MB/s, {:.0} sentences/s per core",
            mb / cpu,
            sentences as f64 / cpu
        );
    }
    Ok(())
}
