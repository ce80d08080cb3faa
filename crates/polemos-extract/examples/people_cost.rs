//! Temporary: construction time and throughput with and without people.tsv.
use polemos_extract::knowledge::{BUILTIN, KnowledgeBuilder};
use polemos_extract::{ArticleMeta, Extractor};

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let docs = corpus::corpus(2 * 1024 * 1024);
    let bytes: usize = docs.iter().map(String::len).sum();
    let meta = ArticleMeta {
        published: chrono::NaiveDate::from_ymd_opt(2019, 9, 19),
        ..ArticleMeta::default()
    };
    for with_people in [false, true, false, true] {
        let t = std::time::Instant::now();
        let mut b = KnowledgeBuilder::default();
        for (name, text) in BUILTIN {
            if with_people || name != "people.tsv" {
                b.add_source(name, text).unwrap();
            }
        }
        let ex = Extractor::with_knowledge(b.build().unwrap());
        let build = t.elapsed().as_secs_f64();
        let t = std::time::Instant::now();
        for _ in 0..3 {
            for d in &docs {
                std::hint::black_box(ex.extract(d, &meta).ok());
            }
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "people={with_people}: build {:.0} ms, extract {:.2} MB/s",
            build * 1000.0,
            3.0 * bytes as f64 / secs / 1e6
        );
    }
}
