//! The system of record: SQLite through sqlx, in WAL mode with `synchronous=FULL`, foreign
//! keys and `secure_delete` on. Every SQL statement of the archive lives in this module;
//! migrations are the `.sql` files under `migrations/`.

mod accounts;
mod contact;
mod photos;
pub mod sealing;
mod stories;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use tokio::sync::Notify;

use crate::config::Settings;
use crate::media::MediaFiles;
pub use accounts::{AccessRequest, ExportRecord, Role, SessionKind, SessionUser, TokenInfo, User};
pub use contact::{ContactRequest, ContactStatus};
pub use photos::Rendition;
pub use stories::{Change, IMPORTED_PER_TRANSACTION, Imported, ReceiptView, Release};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("a file under the data folder could not be used: {0}")]
    Io(#[from] std::io::Error),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Seal(#[from] sealing::SealError),
    #[error("no such story")]
    NotFound,
    #[error("the story is {0}, so this cannot be done")]
    WrongState(&'static str),
    #[error("the name {0:?} is taken")]
    Duplicate(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The archive's store. Cheap to clone (a pool handle).
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    /// Signalled after every change appended to the change log, so the index follows at once.
    appended: Arc<Notify>,
    /// A random identity made when the archive was created.
    archive_id: Arc<str>,
    /// Wraps each story's own key.
    master_key: sealing::MasterKey,
    /// The published photos' files.
    media: MediaFiles,
}

/// When a commit reaches the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Every commit waits for the disk (`synchronous=FULL`): what the server uses, so a
    /// withdrawal that was answered stays done.
    EachCommit,
    /// Commits do not wait for the disk; the WAL is synced at each checkpoint, and `close`
    /// checkpoints (`synchronous=NORMAL`). For a bulk import, which is durable when it
    /// returns: a crash loses its last stories, never the database.
    AtClose,
}

impl Store {
    /// Opens (creating if needed) the archive's database and master key under the data
    /// folder, and brings the schema up to date.
    pub async fn open(settings: &Settings) -> Result<Store> {
        Store::open_with(settings, Durability::EachCommit).await
    }

    pub async fn open_with(settings: &Settings, durability: Durability) -> Result<Store> {
        let synchronous = match durability {
            Durability::EachCommit => SqliteSynchronous::Full,
            Durability::AtClose => SqliteSynchronous::Normal,
        };
        std::fs::create_dir_all(&settings.data_dir)?;
        let master_key =
            sealing::MasterKey::load(settings.master_key.as_ref().map(|s| s.0.as_str()), &settings.data_dir)?;
        let path = settings.database_path();
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(synchronous)
            .foreign_keys(true)
            .pragma("secure_delete", "ON")
            // Reads through a memory map, not a system call and a copy per page: rebuilding
            // the index reads every published story.
            .pragma("mmap_size", "1073741824")
            .busy_timeout(Duration::from_secs(10));
        // The story keys live in a database of their own, attached to every connection as
        // `keys`, so a backup of the stories never holds them (see `migrations/0006`).
        let keys_path = settings.data_dir.join("keys.db").to_string_lossy().into_owned();
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .after_connect(move |conn, _| {
                let keys_path = keys_path.clone();
                Box::pin(async move {
                    sqlx::query("ATTACH DATABASE ? AS keys").bind(keys_path).execute(&mut *conn).await?;
                    let synchronous = match durability {
                        Durability::EachCommit => "PRAGMA keys.synchronous = FULL",
                        Durability::AtClose => "PRAGMA keys.synchronous = NORMAL",
                    };
                    for pragma in ["PRAGMA keys.journal_mode = WAL", synchronous, "PRAGMA keys.secure_delete = ON"] {
                        sqlx::query(pragma).execute(&mut *conn).await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS keys.wrapped_keys \
             (owner TEXT PRIMARY KEY, wrapped BLOB NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID",
        )
        .execute(&pool)
        .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        let mut fresh = [0u8; 16];
        getrandom::fill(&mut fresh).map_err(std::io::Error::other)?;
        sqlx::query("INSERT OR IGNORE INTO archive_meta (key, value) VALUES ('archive_id', ?)")
            .bind(hex::encode(fresh))
            .execute(&pool)
            .await?;
        let archive_id: String =
            sqlx::query_scalar("SELECT value FROM archive_meta WHERE key = 'archive_id'").fetch_one(&pool).await?;
        let media = MediaFiles::open(&settings.data_dir)?;
        Ok(Store { pool, appended: Arc::new(Notify::new()), archive_id: archive_id.into(), master_key, media })
    }

    /// The identity of this archive (kept with the search index it feeds).
    pub fn archive_id(&self) -> &str {
        &self.archive_id
    }

    /// Fires after this process appends to the change log (other processes are seen by polling).
    pub fn appended(&self) -> Arc<Notify> {
        self.appended.clone()
    }

    /// Closes every connection, checkpointing the WAL.
    pub async fn close(&self) {
        let _ = self.checkpoint().await;
        self.pool.close().await;
    }
}

/// The current time as RFC 3339 in UTC, the one time format of the store.
pub(crate) fn now() -> String {
    timestamp(time::OffsetDateTime::now_utc())
}

/// A time in the store's one format: RFC 3339, UTC, whole seconds (so stored times compare
/// correctly as text).
pub fn timestamp(at: time::OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

#[cfg(test)]
pub(crate) async fn test_store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings { data_dir: dir.path().to_owned(), ..Settings::default() };
    let store = Store::open(&settings).await.unwrap();
    (store, dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn retention_destroys_raw_text_of_decided_stories_only() {
        let (store, dir) = test_store().await;
        let form: crate::story::SubmissionForm = serde_json::from_value(serde_json::json!({
            "title": "Keepsake", "body": "The raw words of Tesfamariam.", "language": "en",
            "consent": {"visibility": "public", "version": "1", "age_confirmed": true}
        }))
        .unwrap();
        let story = form.validate(2026).unwrap();
        let photo = crate::media::Upload { bytes: b"the original photo".to_vec(), width: 1, height: 1 };
        store.insert_story("waiting", &story, Some(&photo), b"r1").await.unwrap();
        store.insert_story("decided", &story, Some(&photo), b"r2").await.unwrap();
        let release = Release {
            title: "Keepsake",
            body: "The raw words of [person 1].",
            pseudonym: None,
            photo: None,
            revision: 1,
        };
        store.publish("decided", &release, "mira", "").await.unwrap();
        assert_eq!(store.purge_raw_decided_before("2000-01-01T00:00:00Z").await.unwrap(), 0);
        assert_eq!(store.purge_raw_decided_before("2999-01-01T00:00:00Z").await.unwrap(), 1);
        assert_eq!(store.purge_raw_decided_before("2999-01-01T00:00:00Z").await.unwrap(), 0, "runs again safely");
        let decided = store.story("decided").await.unwrap();
        assert!(decided.raw_purged && decided.body.is_empty());
        assert!(!decided.photo && store.photo_original("decided").await.unwrap().is_none(), "photo original kept");
        assert_eq!(store.photo_original("waiting").await.unwrap().as_deref(), Some(b"the original photo".as_slice()));
        assert_eq!(store.published_story("decided").await.unwrap().body, "The raw words of [person 1].");
        let waiting = store.story("waiting").await.unwrap();
        assert!(!waiting.raw_purged && waiting.body.contains("Tesfamariam"));
        drop(dir);
    }

    /// An operator backs up the stories database (not the key store) while a story waits;
    /// the teller withdraws it. Restored with the master key and the key store as they are
    /// now, the backup still cannot show the story: its key is gone.
    #[tokio::test]
    async fn a_backup_cannot_bring_back_a_withdrawn_story() {
        let (store, dir) = test_store().await;
        let form: crate::story::SubmissionForm = serde_json::from_value(serde_json::json!({
            "title": "Second thoughts", "body": "Hidden words of Tesfamariam.", "language": "en",
            "consent": {"visibility": "public", "version": "1", "age_confirmed": true}
        }))
        .unwrap();
        let story = form.validate(2026).unwrap();
        store.insert_story("gone", &story, None, b"r1").await.unwrap();
        store.insert_story("stays", &story, None, b"r2").await.unwrap();
        store.checkpoint().await.unwrap();
        let backup = tempfile::tempdir().unwrap();
        std::fs::copy(dir.path().join("passage.db"), backup.path().join("passage.db")).unwrap();
        store.withdraw("gone").await.unwrap();
        store.close().await;
        for file in ["keys.db", "master.key"] {
            std::fs::copy(dir.path().join(file), backup.path().join(file)).unwrap();
        }
        let restored =
            Store::open(&Settings { data_dir: backup.path().to_owned(), ..Settings::default() }).await.unwrap();
        let gone = restored.story("gone").await.unwrap();
        assert!(gone.raw_purged && gone.body.is_empty(), "the withdrawn story's text came back");
        assert_eq!(restored.story("stays").await.unwrap().body, "Hidden words of Tesfamariam.", "the control");
        // The stories database alone holds neither the text nor any key.
        let stories = std::fs::read(backup.path().join("passage.db")).unwrap();
        assert!(!stories.windows(11).any(|w| w == b"Tesfamariam"));
        restored.close().await;
    }

    /// What a crash between the two databases can leave: a key whose story never committed,
    /// or the key of a withdrawn story. The sweep removes the first once it is old enough
    /// (it may belong to a submission in progress) and the second at once.
    #[tokio::test]
    async fn the_sweep_removes_keys_no_story_uses() {
        let (store, _dir) = test_store().await;
        let form: crate::story::SubmissionForm = serde_json::from_value(serde_json::json!({
            "title": "Kept", "body": "Kept words.", "language": "en",
            "consent": {"visibility": "public", "version": "1", "age_confirmed": true}
        }))
        .unwrap();
        store.insert_story("kept", &form.validate(2026).unwrap(), None, b"r1").await.unwrap();
        store.put_key("never-committed", b"wrapped").await.unwrap();
        store.put_key("withdrawn", b"wrapped").await.unwrap();
        store.put_key("withdrawn/photo", b"wrapped").await.unwrap();
        store.put_key("withdrawn/contact/r9", b"wrapped").await.unwrap();
        store.put_key("kept/photo", b"wrapped").await.unwrap();
        store.put_key("kept/contact/r1", b"wrapped").await.unwrap();
        sqlx::query("INSERT INTO tombstones (id, withdrawn_at) VALUES ('withdrawn', '2026-01-01T00:00:00Z')")
            .execute(&store.pool)
            .await
            .unwrap();
        let owners = || async {
            sqlx::query_scalar::<_, String>("SELECT owner FROM keys.wrapped_keys ORDER BY owner")
                .fetch_all(&store.pool)
                .await
                .unwrap()
        };
        assert_eq!(store.sweep_leftovers(Duration::from_secs(600)).await.unwrap(), (0, 3));
        assert_eq!(
            owners().await,
            ["kept", "kept/contact/r1", "kept/photo", "never-committed"],
            "a young orphan may be a submission in progress"
        );
        tokio::time::sleep(Duration::from_millis(1100)).await;
        assert_eq!(store.sweep_leftovers(Duration::ZERO).await.unwrap(), (0, 2), "no request r1, no story");
        assert_eq!(owners().await, ["kept", "kept/photo"]);
        assert_eq!(store.story("kept").await.unwrap().body, "Kept words.");
    }

    #[tokio::test]
    async fn published_pages_are_read_in_index_order() {
        // Sorting every published story for each page made a rebuild quadratic: a million
        // stories read the store a thousand times over.
        let (store, _dir) = test_store().await;
        let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(
            "EXPLAIN QUERY PLAN SELECT id FROM stories WHERE status = 'published' AND id > ? ORDER BY id LIMIT ?",
        )
        .bind("")
        .bind(500)
        .fetch_all(&store.pool)
        .await
        .unwrap();
        let steps: Vec<&str> = plan.iter().map(|(_, _, _, step)| step.as_str()).collect();
        assert!(steps.iter().any(|s| s.contains("stories_status_id (status=? AND id>?)")), "{steps:?}");
        assert!(!steps.iter().any(|s| s.contains("TEMP B-TREE")), "no sort: {steps:?}");
    }

    #[tokio::test]
    async fn pragmas_are_in_force() {
        let (store, _dir) = test_store().await;
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&store.pool).await.unwrap();
        assert_eq!(mode, "wal");
        let sync: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(&store.pool).await.unwrap();
        assert_eq!(sync, 2, "FULL");
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(&store.pool).await.unwrap();
        assert_eq!(fk, 1);
        let secure: i64 = sqlx::query_scalar("PRAGMA secure_delete").fetch_one(&store.pool).await.unwrap();
        assert_eq!(secure, 1);
        let keys_mode: String = sqlx::query_scalar("PRAGMA keys.journal_mode").fetch_one(&store.pool).await.unwrap();
        assert_eq!(keys_mode, "wal");
        let keys_secure: i64 = sqlx::query_scalar("PRAGMA keys.secure_delete").fetch_one(&store.pool).await.unwrap();
        assert_eq!(keys_secure, 1);
    }
}
