//! Passage: a consent-first archive of migrant stories.
//!
//! The library holds everything; `main.rs` only parses the command line. `web::run` serves
//! the archive on a bound listener, and the tests start it the same way on port 0.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod config;
pub mod import;
pub mod moderation;
pub mod redaction;
pub mod search;
pub mod store;
pub mod story;
pub mod web;

use anyhow::Context as _;
use tokio::sync::oneshot;

use config::Settings;
use search::SearchIndex;
use store::Store;
use story::receipt::Pepper;
use web::AppState;

/// The sample collection, built in so a new archive always has something to show.
pub const SAMPLE_STORIES: &str = include_str!("../stories/samples.jsonl");

/// An open archive: store, index and the indexer task that keeps them in step.
pub struct Archive {
    pub state: AppState,
    indexer: Option<(oneshot::Sender<()>, tokio::task::JoinHandle<()>)>,
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
        let caught_up = indexer.catch_up(&store).await.context("cannot bring the index up to date")?;
        if caught_up > 0 {
            tracing::info!(changes = caught_up, "index caught up with the store");
        }
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(indexer.run(store.clone(), stopped));
        let state = AppState::new(settings, store, index, pepper);
        let archive = Archive { state, indexer: Some((stop, task)) };
        if archive.state.settings.import_samples && archive.state.store.count_stories().await? == 0 {
            let report =
                import::import_lines(&archive.state.store, &archive.state.pepper, SAMPLE_STORIES, true, "samples")
                    .await?;
            tracing::info!(published = report.published, "empty archive: imported the sample collection");
            // The first visitor should see them: wait until they are searchable.
            let last = archive.state.store.last_change().await?;
            archive.state.index.wait_for(last, std::time::Duration::from_secs(30)).await;
        }
        Ok(archive)
    }

    /// Stops the indexer (releasing the index writer) and closes the store.
    pub async fn close(mut self) {
        if let Some((stop, task)) = self.indexer.take() {
            let _ = stop.send(());
            let _ = task.await;
        }
        self.state.store.close().await;
    }
}
