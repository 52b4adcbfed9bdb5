//! The hot paths of a search, in process, on a generated archive of `PASSAGE_BENCH_STORIES`
//! stories (5,000 unless set) in eleven languages, with the query set of `passage bench
//! corpus`:
//! - `query parsing`: reading the query language;
//! - `search`: `SearchIndex::search`, the whole search of the API (parsing, typo and prefix
//!   expansion, the top 10, total, facets, titles and snippets highlighted);
//! - `search page`: `GET /search?q=…`, the search page in the reader's language, through the
//!   app's routes and its language middleware (no network);
//! - `story page`: `GET /stories/{id}`, a story with its "more like this".
//!
//! Each iteration takes the next query of the set, so every figure is a mean over many
//! different queries. Run with `cargo bench --bench search`; the archive takes a minute to
//! build.

use std::time::Duration;

use actix_web::{App, test, web};
use criterion::{Criterion, criterion_group, criterion_main};
use passage::config::Settings;
use passage::search::{Audience, SearchRequest, query};

struct Bench {
    system: actix_web::rt::SystemRunner,
    archive: passage::Archive,
    queries: Vec<String>,
    _dir: tempfile::TempDir,
}

fn archive() -> Bench {
    let stories = std::env::var("PASSAGE_BENCH_STORIES").ok().and_then(|n| n.parse().ok()).unwrap_or(5_000);
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    passage::bench::write_corpus(&corpus, stories, 3_300, 7).unwrap();
    let queries = passage::bench::read_queries(&corpus).unwrap();
    let settings = Settings {
        data_dir: dir.path().join("data"),
        index_dir: dir.path().join("index"),
        import_samples: false,
        ..Settings::default()
    };
    let system = actix_web::rt::System::new();
    // As `bench/run.sh` does: `passage import --publish`, which indexes as it stores.
    let archive = system.block_on(async {
        std::fs::create_dir_all(&settings.data_dir).unwrap();
        let store = passage::store::Store::open(&settings).await.unwrap();
        let pepper = passage::story::receipt::Pepper::load_or_create(&settings.data_dir).unwrap();
        let (_, mut indexer) = passage::search::SearchIndex::open(&settings.index_dir, store.archive_id()).unwrap();
        for file in passage::import::jsonl_files(&corpus).unwrap() {
            let text = std::fs::read_to_string(file).unwrap();
            passage::import::import_lines(&store, settings.rules, &pepper, &text, true, "bench", Some(&mut indexer))
                .await
                .unwrap();
        }
        indexer.finish_bulk(&store).await.unwrap();
        drop(indexer);
        store.close().await;
        passage::Archive::open(settings).await.unwrap()
    });
    Bench { system, archive, queries, _dir: dir }
}

fn benches(c: &mut Criterion) {
    let bench = archive();
    let state = bench.archive.state.clone();
    let mut next = bench.queries.iter().cycle();

    c.bench_function("query parsing", |b| b.iter(|| query::parse(next.next().unwrap()).unwrap()));

    c.bench_function("search", |b| {
        b.iter(|| {
            let request = SearchRequest { q: next.next().unwrap().clone(), ..SearchRequest::default() };
            bench.system.block_on(state.index.search(&request, Audience::Public)).unwrap()
        })
    });

    let app = bench.system.block_on(test::init_service(
        App::new()
            .app_data(web::Data::new(state.clone()))
            .wrap(actix_web::middleware::from_fn(passage::web::i18n::middleware))
            .configure(passage::web::routes),
    ));
    let get = |uri: String| {
        let response = bench.system.block_on(test::call_service(&app, test::TestRequest::get().uri(&uri).to_request()));
        assert!(response.status().is_success(), "{uri}: {}", response.status());
        bench.system.block_on(test::read_body(response))
    };
    c.bench_function("search page", |b| {
        b.iter(|| {
            get(format!(
                "/search?q={}",
                url::form_urlencoded::byte_serialize(next.next().unwrap().as_bytes()).collect::<String>()
            ))
        })
    });

    let ids: Vec<String> = bench
        .queries
        .iter()
        .take(50)
        .filter_map(|q| {
            let request = SearchRequest { q: q.clone(), ..SearchRequest::default() };
            bench
                .system
                .block_on(state.index.search(&request, Audience::Public))
                .ok()?
                .hits
                .into_iter()
                .next()
                .map(|h| h.id)
        })
        .collect();
    let mut next_id = ids.iter().cycle();
    c.bench_function("story page", |b| b.iter(|| get(format!("/stories/{}", next_id.next().unwrap()))));

    bench.system.block_on(bench.archive.close());
}

criterion_group! {
    name = search;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(8));
    targets = benches
}
criterion_main!(search);
