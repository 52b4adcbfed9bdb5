//! Throughput of the redaction engine on one core, on mixed-language text:
//! - `dense`: the labelled passages of `tests/redaction/eval/` (eight languages and scripts,
//!   nearly every passage holding a phone, an address, a name or a number) grouped into stories
//!   of about 3 KB: the worst case;
//! - `samples`: the sample collection in `stories/` (nine languages), as stories are usually
//!   written: few details in a lot of text.
//!
//! Run with `cargo bench --bench redaction`; criterion reports MB/s.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use passage::redaction::{self, Context, Placeholders, Rules};

/// A story of the benchmark: its language, its countries and its text.
struct Story {
    language: String,
    countries: Vec<String>,
    text: String,
}

fn stories() -> Vec<Story> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/redaction/eval");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut stories = Vec::new();
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "jsonl")) {
        let mut story: Option<Story> = None;
        for line in std::fs::read_to_string(file).unwrap().lines().filter(|l| !l.trim().is_empty()) {
            let passage: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = passage["text"].as_str().unwrap();
            let current = story.get_or_insert_with(|| Story {
                language: passage["language"].as_str().unwrap().to_owned(),
                countries: passage["countries"]
                    .as_array()
                    .map(|c| c.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
                    .unwrap_or_default(),
                text: String::new(),
            });
            current.text.push_str(text);
            current.text.push_str("\n\n");
            if current.text.len() >= 3000 {
                stories.extend(story.take());
            }
        }
        stories.extend(story);
    }
    stories
}

fn samples() -> Vec<Story> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("stories/samples.jsonl");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let story: serde_json::Value = serde_json::from_str(line).unwrap();
            let country = |field: &str| story[field].as_str().map(str::to_owned);
            Story {
                language: story["language"].as_str().unwrap().to_owned(),
                countries: [country("origin_country"), country("residence_country")].into_iter().flatten().collect(),
                text: format!("{}\n\n{}", story["title"].as_str().unwrap(), story["body"].as_str().unwrap()),
            }
        })
        .collect()
}

fn redact_all(stories: &[Story], rules: &Rules) -> usize {
    let mut redacted = 0;
    for story in stories {
        let countries: Vec<&str> = story.countries.iter().map(String::as_str).collect();
        let context = Context { language: &story.language, private_terms: &[], countries: &countries, rules };
        let spans = redaction::detect(&story.text, &context);
        redacted += redaction::apply(&story.text, &spans, &mut Placeholders::new(rules, &[])).len();
    }
    redacted
}

fn engine(c: &mut Criterion) {
    let rules = Rules::defaults();
    for (name, stories) in [("dense", stories()), ("samples", samples())] {
        // The datasets load on first use; that is start-up cost, not throughput.
        redact_all(&stories[..1], rules);
        let bytes: usize = stories.iter().map(|s| s.text.len()).sum();
        let mut group = c.benchmark_group("redaction");
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(20);
        group.bench_function(name, |b| b.iter(|| redact_all(&stories, rules)));
        group.finish();
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
