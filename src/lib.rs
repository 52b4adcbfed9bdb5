//! Passage: a consent-first archive of migrant stories.
//!
//! The library holds everything; `main.rs` only parses the command line. `web::run` serves
//! the archive on a bound listener, and the tests start it the same way on port 0.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod bench;
pub mod config;
pub mod import;
pub mod media;
pub mod moderation;
pub mod redaction;
pub mod search;
pub mod store;
pub mod story;
pub mod terminology;
pub mod web;

use anyhow::Context as _;
use tokio::sync::oneshot;

use config::Settings;
use search::SearchIndex;
use store::Store;
use story::receipt::Pepper;
use web::AppState;

/// What the server logs unless `RUST_LOG` says otherwise: no query text from the store or
/// the index, and nothing of a request but its method, path, status and duration.
pub const LOG_FILTER: &str = "info,tantivy=warn,sqlx=warn";

/// The sample collection, built in so a new archive always has something to show.
pub const SAMPLE_STORIES: &str = include_str!("../stories/samples.jsonl");

/// An open archive: store, index, and the background tasks that keep them in step (the
/// indexer) and keep raw text no longer than needed (retention).
pub struct Archive {
    pub state: AppState,
    stop: Vec<(oneshot::Sender<()>, tokio::task::JoinHandle<()>)>,
}

/// Raw submissions decided before this time (RFC 3339) are past a retention of `days`.
pub fn retention_cutoff(days: u32) -> String {
    store::timestamp(time::OffsetDateTime::now_utc() - time::Duration::days(i64::from(days)))
}

/// How old a photo file or key nobody refers to must be before the sweep removes it: a
/// publication or submission in progress (perhaps in another process) is younger.
const LEFTOVER_GRACE: std::time::Duration = std::time::Duration::from_secs(600);

/// How often the retention job looks for raw submissions past their time.
const RETENTION_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// Destroys raw submissions decided more than `days` ago and sweeps away what interrupted
/// runs left, now and then every hour, until stopped. Each run is one statement, so a crash mid-way loses nothing and the next run
/// (after a restart, at once) finishes the work.
async fn run_retention(store: Store, days: u32, mut stop: oneshot::Receiver<()>) {
    loop {
        match store.purge_raw_decided_before(&retention_cutoff(days)).await {
            Ok(0) => {}
            Ok(purged) => tracing::info!(purged, "retention: raw submissions destroyed"),
            Err(error) => tracing::error!(%error, "retention run failed; retrying later"),
        }
        match store.sweep_leftovers(LEFTOVER_GRACE).await {
            Ok((0, 0)) => {}
            Ok((files, keys)) => tracing::warn!(files, keys, "removed what an interrupted run left behind"),
            Err(error) => tracing::error!(%error, "sweep failed; retrying later"),
        }
        tokio::select! {
            _ = &mut stop => break,
            _ = tokio::time::sleep(RETENTION_EVERY) => {}
        }
    }
}

impl Archive {
    /// Opens the store and index under the configured folders, starts the indexer (which
    /// catches up with the change log) and, on an empty archive, imports the samples.
    pub async fn open(settings: Settings) -> anyhow::Result<Archive> {
        std::fs::create_dir_all(&settings.data_dir)
            .with_context(|| format!("cannot create the data folder {}", settings.data_dir.display()))?;
        let store = Store::open(&settings)
            .await
            .with_context(|| format!("cannot open the store in {}", settings.data_dir.display()))?;
        let pepper = Pepper::load_or_create(&settings.data_dir).context("cannot load the receipt pepper")?;
        let (index, mut indexer) = SearchIndex::open(&settings.index_dir, store.archive_id()).with_context(|| {
            format!("cannot open the index in {} (is another passage using it?)", settings.index_dir.display())
        })?;
        let index = index.with_facet_min_count(settings.facet_min_count);
        let caught_up = indexer.catch_up(&store).await.context("cannot bring the index up to date")?;
        if caught_up > 0 {
            tracing::info!(changes = caught_up, "index caught up with the store");
        }
        let (stop_indexer, stopped) = oneshot::channel();
        let indexing = tokio::spawn(indexer.run(store.clone(), stopped));
        let (stop_retention, stopped) = oneshot::channel();
        let retention = tokio::spawn(run_retention(store.clone(), settings.retention_days, stopped));
        // The redaction engine reads its name lists and gazetteer on first use, which took the
        // first publication after a start most of a second: read them now, beside start-up.
        let rules = settings.rules;
        tokio::task::spawn_blocking(move || {
            let context = redaction::Context { language: "en", rules, ..redaction::Context::default() };
            redaction::detect("Amina lives at 12 Main Street, Kassala; +49 151 23456789.", &context)
        });
        let state = AppState::new(settings, store, index, pepper);
        let archive = Archive { state, stop: vec![(stop_indexer, indexing), (stop_retention, retention)] };
        if archive.state.settings.import_samples && !archive.state.store.has_stories().await? {
            let report = import::import_lines(
                &archive.state.store,
                archive.state.settings.rules,
                &archive.state.pepper,
                SAMPLE_STORIES,
                true,
                "samples",
                None,
            )
            .await?;
            tracing::info!(published = report.published, "empty archive: imported the sample collection");
            // The first visitor should see them: wait until they are searchable.
            let last = archive.state.store.last_change().await?;
            archive.state.index.wait_for(last, std::time::Duration::from_secs(30)).await;
        }
        Ok(archive)
    }

    /// Stops the background tasks (releasing the index writer) and closes the store.
    pub async fn close(self) {
        for (stop, task) in self.stop {
            let _ = stop.send(());
            let _ = task.await;
        }
        self.state.store.close().await;
    }
}
