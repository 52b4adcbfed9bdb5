//! A synthetic corpus for the benchmarks (`passage bench corpus`, `bench/run.sh`): stories in
//! the submit format, in the eleven languages whose word frequencies ship in
//! `datasets/common_words.tsv`, with words drawn by their real frequency, and a set of queries
//! of one to three mid-frequency words. The same seed gives the same corpus, so Passage and
//! the engines it is compared with read the same stories and answer the same queries.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;

use crate::redaction::COMMON_WORDS;
use crate::story::vocabulary::THEMES;

/// Stories per file of the corpus.
const STORIES_PER_FILE: usize = 10_000;
/// Queries written with a corpus.
const QUERIES: usize = 1_000;
/// The band of ranks a query word is drawn from: frequent enough to be found, rare enough to
/// say something.
const QUERY_RANKS: std::ops::Range<usize> = 1_000..5_000;

/// The languages of the corpus with their shares of the stories, roughly those of an archive
/// of migrants' stories in Europe and the Americas.
const LANGUAGE_SHARES: &[(&str, u32)] = &[
    ("ar", 16),
    ("en", 14),
    ("es", 12),
    ("uk", 10),
    ("fa", 10),
    ("fr", 9),
    ("de", 8),
    ("ru", 7),
    ("tr", 6),
    ("it", 4),
    ("pt", 4),
];

/// Countries people leave, pass through and live in.
const ORIGINS: &[&str] = &["SY", "AF", "ER", "UA", "VE", "SD", "SO", "IQ", "IR", "ET", "CO", "HN", "NG", "ML", "TR"];
const TRANSIT: &[&str] = &["TR", "LY", "GR", "LB", "MX", "IT", "PL", "MA", "NE", "RS"];
const RESIDENCES: &[&str] = &["DE", "FR", "ES", "IT", "GB", "CA", "US", "SE", "NL", "TR", "PL", "PT", "BE", "AT"];

/// One language's words and a sampler that draws them by frequency.
struct Vocabulary {
    language: &'static str,
    words: Vec<&'static str>,
    by_frequency: WeightedIndex<f64>,
    /// Whether the script has capitals (a sentence begins with one).
    cased: bool,
}

impl Vocabulary {
    fn all() -> anyhow::Result<Vec<Vocabulary>> {
        let mut lists: Vec<(&'static str, Vec<&'static str>, Vec<f64>)> = Vec::new();
        for line in COMMON_WORDS.lines().skip(1) {
            let mut fields = line.split('\t');
            let (Some(language), Some(word), Some(per_million)) = (fields.next(), fields.next(), fields.next()) else {
                continue;
            };
            let per_million: f64 = per_million.parse().with_context(|| format!("frequency of {word}"))?;
            match lists.last_mut() {
                Some((current, words, weights)) if *current == language => {
                    words.push(word);
                    weights.push(per_million);
                }
                _ => lists.push((language, vec![word], vec![per_million])),
            }
        }
        lists
            .into_iter()
            .map(|(language, words, weights)| {
                Ok(Vocabulary {
                    language,
                    cased: !matches!(language, "ar" | "fa"),
                    by_frequency: WeightedIndex::new(&weights)?,
                    words,
                })
            })
            .collect()
    }

    fn word(&self, rng: &mut StdRng) -> &'static str {
        self.words[self.by_frequency.sample(rng)]
    }

    /// A sentence of `count` words, with a capital and a full stop.
    fn sentence(&self, rng: &mut StdRng, count: usize, out: &mut String) {
        for k in 0..count {
            let word = self.word(rng);
            if k == 0 && self.cased {
                let mut chars = word.chars();
                out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                out.push_str(chars.as_str());
            } else {
                out.push_str(word);
            }
            if k + 1 < count {
                out.push_str(if rng.random_ratio(1, 12) { ", " } else { " " });
            }
        }
        out.push('.');
    }
}

/// Writes `n` stories of about `story_bytes` bytes of text each to `dir/stories-NNN.jsonl`, and
/// `dir/queries.tsv` (`language`, `query`).
pub fn write_corpus(dir: &Path, n: usize, story_bytes: usize, seed: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let vocabularies = Vocabulary::all()?;
    let vocabulary = |language: &str| vocabularies.iter().find(|v| v.language == language);
    let shares = WeightedIndex::new(LANGUAGE_SHARES.iter().map(|(_, share)| *share))?;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut file = None;
    for k in 0..n {
        if k % STORIES_PER_FILE == 0 {
            let path = dir.join(format!("stories-{:03}.jsonl", k / STORIES_PER_FILE));
            let created = std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?;
            file = Some(std::io::BufWriter::new(created));
        }
        let language = LANGUAGE_SHARES[shares.sample(&mut rng)].0;
        let words = vocabulary(language).with_context(|| format!("no word list for {language}"))?;
        let story = story(words, &mut rng, story_bytes);
        let out = file.as_mut().expect("a file is open");
        serde_json::to_writer(&mut *out, &story)?;
        out.write_all(b"\n")?;
    }
    if let Some(mut out) = file {
        out.flush()?;
    }
    let mut queries = std::io::BufWriter::new(std::fs::File::create(dir.join("queries.tsv"))?);
    writeln!(queries, "language\tquery")?;
    for _ in 0..QUERIES {
        let language = LANGUAGE_SHARES[shares.sample(&mut rng)].0;
        let words = vocabulary(language).with_context(|| format!("no word list for {language}"))?;
        let count = rng.random_range(1..=3);
        // Letters only: an apostrophe or a hyphen means something else to each engine's
        // query syntax.
        let band: Vec<&str> = words.words[QUERY_RANKS.start..QUERY_RANKS.end.min(words.words.len())]
            .iter()
            .copied()
            .filter(|w| w.chars().all(char::is_alphabetic))
            .collect();
        let query: Vec<&str> = (0..count).map(|_| band[rng.random_range(0..band.len())]).collect();
        writeln!(queries, "{language}\t{}", query.join(" "))?;
    }
    queries.flush()?;
    Ok(())
}

/// One story in the submit format.
fn story(words: &Vocabulary, rng: &mut StdRng, story_bytes: usize) -> serde_json::Value {
    let mut title = String::new();
    let title_words = rng.random_range(3..=7);
    words.sentence(rng, title_words, &mut title);
    title.pop();
    let target = story_bytes * rng.random_range(80..=120) / 100;
    let mut body = String::with_capacity(target + 200);
    while body.len() < target {
        for s in 0..rng.random_range(3..=6) {
            if s > 0 {
                body.push(' ');
            }
            let count = rng.random_range(6..=20);
            words.sentence(rng, count, &mut body);
        }
        body.push_str("\n\n");
    }
    let pick = |rng: &mut StdRng, from: &[&'static str]| from[rng.random_range(0..from.len())];
    let transit: Vec<&str> = (0..rng.random_range(0..=2)).map(|_| pick(rng, TRANSIT)).collect();
    let mut themes: Vec<&str> =
        (0..rng.random_range(1..=3)).map(|_| THEMES[rng.random_range(0..THEMES.len())].slug).collect();
    themes.sort_unstable();
    themes.dedup();
    json!({
        "title": title,
        "body": body.trim_end(),
        "language": words.language,
        "origin_country": pick(rng, ORIGINS),
        "transit_countries": transit,
        "residence_country": pick(rng, RESIDENCES),
        "year": rng.random_range(1995..=2025),
        "themes": themes,
        "consent": {
            "visibility": "public",
            "allow_quotes": true,
            "allow_photo": false,
            "allow_contact": rng.random_ratio(1, 4),
            "age_confirmed": true,
            "version": "1"
        }
    })
}

/// The corpus's queries, as written in `queries.tsv`.
pub fn read_queries(corpus: &Path) -> anyhow::Result<Vec<String>> {
    let path = corpus.join("queries.tsv");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    Ok(text.lines().skip(1).filter_map(|line| line.split_once('\t')).map(|(_, query)| query.to_owned()).collect())
}

/// Latencies of one run of a query set.
pub struct Latencies(Vec<std::time::Duration>);

impl Latencies {
    pub fn report(&mut self, what: &str) {
        self.0.sort_unstable();
        let n = self.0.len().max(1);
        let at = |q: f64| self.0.get(((n as f64 * q) as usize).min(n - 1)).copied().unwrap_or_default();
        let mean = self.0.iter().sum::<std::time::Duration>() / n as u32;
        println!(
            "{what}: {n} queries, mean {:.2} ms, p50 {:.2} ms, p99 {:.2} ms",
            mean.as_secs_f64() * 1e3,
            at(0.5).as_secs_f64() * 1e3,
            at(0.99).as_secs_f64() * 1e3
        );
    }
}

/// Raw Tantivy, the floor Passage's search is measured against: the corpus's titles and
/// bodies in a plain index (Tantivy's default tokenizer, no facets, no filters), then every
/// query on one thread: all words required, the top 10 by BM25 with a snippet of the body,
/// and the total count. Prints the load time and the latencies.
pub fn raw_tantivy(corpus: &Path, index_dir: &Path, rounds: usize) -> anyhow::Result<()> {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::QueryParser;
    use tantivy::schema::{STORED, Schema, TEXT};
    use tantivy::snippet::SnippetGenerator;
    use tantivy::{Index, TantivyDocument, doc};

    let mut builder = Schema::builder();
    let title = builder.add_text_field("title", TEXT | STORED);
    let body = builder.add_text_field("body", TEXT | STORED);
    let schema = builder.build();
    if index_dir.exists() {
        std::fs::remove_dir_all(index_dir)?;
    }
    std::fs::create_dir_all(index_dir)?;
    let index = Index::create_in_dir(index_dir, schema)?;
    let started = std::time::Instant::now();
    let mut writer = index.writer(512_000_000)?;
    let mut count = 0usize;
    for file in crate::import::jsonl_files(corpus)? {
        for line in std::fs::read_to_string(&file)?.lines() {
            let story: serde_json::Value = serde_json::from_str(line)?;
            let text = |field: &str| story[field].as_str().unwrap_or_default().to_owned();
            writer.add_document(doc!(title => text("title"), body => text("body")))?;
            count += 1;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    println!("raw tantivy: loaded {count} stories in {:.1} s", started.elapsed().as_secs_f64());
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let mut parser = QueryParser::for_index(&index, vec![title, body]);
    parser.set_conjunction_by_default();
    let queries = read_queries(corpus)?;
    let mut latencies = Vec::with_capacity(queries.len() * rounds);
    let mut hits = 0usize;
    for round in 0..rounds + 1 {
        for query in &queries {
            let started = std::time::Instant::now();
            let parsed = parser.parse_query(query)?;
            let (top, total) = searcher.search(&parsed, &(TopDocs::with_limit(10).order_by_score(), Count))?;
            let snippets = SnippetGenerator::create(&searcher, &*parsed, body)?;
            for (_, address) in top {
                let doc: TantivyDocument = searcher.doc(address)?;
                std::hint::black_box(snippets.snippet_from_doc(&doc).to_html());
            }
            // The first round warms the caches, as a running server's would be.
            if round > 0 {
                latencies.push(started.elapsed());
                hits += total;
            }
        }
    }
    Latencies(latencies)
        .report(&format!("raw tantivy ({} hits per query on average)", hits / (queries.len() * rounds).max(1)));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_is_valid_and_repeatable() {
        let dir = tempfile::tempdir().unwrap();
        write_corpus(dir.path(), 30, 3000, 7).unwrap();
        let first = std::fs::read_to_string(dir.path().join("stories-000.jsonl")).unwrap();
        let lines: Vec<&str> = first.lines().collect();
        assert_eq!(lines.len(), 30);
        let mut languages = std::collections::BTreeSet::new();
        for line in &lines {
            let form: crate::story::SubmissionForm = serde_json::from_str(line).unwrap();
            assert!(form.clone().validate(2026).is_ok(), "{line}");
            assert!((2000..4000).contains(&form.body.len()), "{}", form.body.len());
            languages.insert(form.language);
        }
        assert!(languages.len() >= 6, "{languages:?}");
        let queries = std::fs::read_to_string(dir.path().join("queries.tsv")).unwrap();
        assert_eq!(queries.lines().count(), QUERIES + 1);
        write_corpus(dir.path(), 30, 3000, 7).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("stories-000.jsonl")).unwrap(),
            first,
            "same seed, same corpus"
        );
    }
}
