//! Stories, the change log the index follows, and the audit log.

use serde::{Deserialize, Serialize};
use sqlx::query_builder::Separated;
use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row, Sqlite};

use super::photos::{insert_photo, photo_aad, photo_files};
use super::sealing::MasterKey;
use super::{Result, Store, StoreError, now};
use crate::media::Upload;
use crate::story::{Consent, NewStory, PublishedStory, Status, StoryRecord, Visibility};

/// One entry of the change log: the story whose published state changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    pub story_id: String,
}

/// What a receipt holder may see.
#[derive(Debug, Clone)]
pub struct ReceiptView {
    pub id: String,
    pub status: Status,
    pub message: Option<String>,
}

/// The columns of a `StoryRecord` (a macro, so queries stay `&'static str`).
macro_rules! record_columns {
    () => {
        "id, status, language, sealed, \
    (SELECT wrapped FROM keys.wrapped_keys WHERE owner = stories.id) AS wrapped_key, \
    origin_country, transit_countries, residence_country, year, themes, visibility, allow_quotes, \
    allow_photo, allow_contact, age_confirmed, about_minor, consent_version, consent_language, submitted_at, \
    message, first_approval, revision, \
    EXISTS (SELECT 1 FROM keys.wrapped_keys WHERE owner = stories.id || '/photo') AS photo"
    };
}

/// The columns holding what a storyteller sent, in the order `bind_story` binds them.
macro_rules! story_columns {
    () => {
        "sealed, language, origin_country, transit_countries, residence_country, year, themes, \
    visibility, allow_quotes, allow_photo, allow_contact, age_confirmed, about_minor, consent_version, \
    consent_language"
    };
}

/// The same columns as assignments, for an edit.
macro_rules! story_assignments {
    () => {
        "sealed = ?, language = ?, origin_country = ?, transit_countries = ?, residence_country = ?, \
    year = ?, themes = ?, visibility = ?, allow_quotes = ?, allow_photo = ?, allow_contact = ?, \
    age_confirmed = ?, about_minor = ?, consent_version = ?, consent_language = ?"
    };
}

type SqliteQuery<'q> = sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>;

/// A statement values are bound to in order: a query, or one row of a multi-row insert.
trait Binder: Sized {
    fn value<'t, T: sqlx::Encode<'t, Sqlite> + sqlx::Type<Sqlite>>(self, value: T) -> Self;
}

impl Binder for SqliteQuery<'_> {
    fn value<'t, T: sqlx::Encode<'t, Sqlite> + sqlx::Type<Sqlite>>(self, value: T) -> Self {
        self.bind(value)
    }
}

impl Binder for &mut Separated<'_, Sqlite, &'static str> {
    fn value<'t, T: sqlx::Encode<'t, Sqlite> + sqlx::Type<Sqlite>>(self, value: T) -> Self {
        self.push_bind(value)
    }
}

/// Binds what a storyteller sent, in the order of `story_columns!`.
fn bind_story<B: Binder>(query: B, sealed: Vec<u8>, story: &NewStory) -> B {
    query
        .value(sealed)
        .value(story.language.as_str())
        .value(story.origin_country.as_deref())
        .value(to_json(&story.transit_countries))
        .value(story.residence_country.as_deref())
        .value(story.year)
        .value(to_json(&story.themes))
        .value(story.consent.visibility.as_str())
        .value(story.consent.allow_quotes)
        .value(story.consent.allow_photo)
        .value(story.consent.allow_contact)
        .value(story.consent.age_confirmed)
        .value(story.consent.about_minor)
        .value(story.consent.version.as_str())
        .value(story.consent.language.as_str())
}

/// The columns of a `PublishedStory`.
macro_rules! published_columns {
    () => {
        "id, language, published_title, published_body, published_pseudonym, \
    origin_country, transit_countries, residence_country, year, themes, visibility, allow_quotes, \
    allow_contact, published_at, (allow_photo AND EXISTS (SELECT 1 FROM photos WHERE photos.story_id = stories.id \
    AND photos.display_file IS NOT NULL)) AS photo"
    };
}

fn json_list(row: &SqliteRow, column: &str) -> Result<Vec<String>> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("{column}: {e}")))
}

fn to_json(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".into())
}

fn status(row: &SqliteRow) -> Result<Status> {
    let value: String = row.try_get("status")?;
    Status::parse(&value).ok_or_else(|| StoreError::Corrupt(format!("status {value:?}")))
}

fn visibility(row: &SqliteRow) -> Result<Visibility> {
    let value: String = row.try_get("visibility")?;
    Visibility::parse(&value).ok_or_else(|| StoreError::Corrupt(format!("visibility {value:?}")))
}

/// The most imported stories `insert_published` stores in one transaction: SQLite takes at
/// most 32,766 values a statement, and a story row has 24.
pub const IMPORTED_PER_TRANSACTION: usize = 1000;

/// A story imported already redacted (`insert_published`).
pub struct Imported<'a> {
    pub id: &'a str,
    pub story: &'a NewStory,
    pub receipt_hash: &'a [u8],
    pub release: Release<'a>,
    /// What the audit log says of its publication.
    pub detail: String,
}

impl Imported<'_> {
    /// The story as `insert_published` publishes it at `at` (an import brings no photo).
    fn published(&self, at: &str) -> PublishedStory {
        let story = self.story;
        PublishedStory {
            id: self.id.to_owned(),
            title: self.release.title.to_owned(),
            body: self.release.body.to_owned(),
            language: story.language.clone(),
            pseudonym: self.release.pseudonym.map(str::to_owned),
            origin_country: story.origin_country.clone(),
            transit_countries: story.transit_countries.clone(),
            residence_country: story.residence_country.clone(),
            year: story.year,
            themes: story.themes.clone(),
            visibility: story.consent.visibility,
            allow_quotes: story.consent.allow_quotes,
            allow_contact: story.consent.allow_contact,
            published_at: at.to_owned(),
            photo: false,
        }
    }
}

/// What a moderator publishes: the redacted text, and the photo's renditions if any.
#[derive(Debug, Clone, Copy)]
pub struct Release<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub pseudonym: Option<&'a str>,
    pub photo: Option<&'a crate::media::Renditions>,
    /// The revision of the submission the text was made from; an edit since refuses it.
    pub revision: i64,
}

/// What is sealed of a submission: everything the storyteller wrote.
#[derive(Serialize, Deserialize)]
struct Sealed {
    title: String,
    body: String,
    private_terms: Vec<String>,
    pseudonym: Option<String>,
}

fn record(row: &SqliteRow, key: &MasterKey) -> Result<StoryRecord> {
    let id: String = row.try_get("id")?;
    // No key: retention destroyed it (or the key store was lost); the text is gone for good.
    let wrapped: Option<Vec<u8>> = row.try_get("wrapped_key")?;
    let raw_purged = wrapped.is_none();
    let sealed: Sealed = if let Some(wrapped) = wrapped {
        let sealed: Vec<u8> = row.try_get("sealed")?;
        let opened = key.open(&id, &wrapped, &sealed)?;
        serde_json::from_slice(&opened).map_err(|e| StoreError::Corrupt(format!("sealed submission: {e}")))?
    } else {
        Sealed { title: String::new(), body: String::new(), private_terms: Vec::new(), pseudonym: None }
    };
    Ok(StoryRecord {
        id,
        status: status(row)?,
        title: sealed.title,
        body: sealed.body,
        language: row.try_get("language")?,
        pseudonym: sealed.pseudonym,
        origin_country: row.try_get("origin_country")?,
        transit_countries: json_list(row, "transit_countries")?,
        residence_country: row.try_get("residence_country")?,
        year: row.try_get("year")?,
        themes: json_list(row, "themes")?,
        private_terms: sealed.private_terms,
        consent: Consent {
            visibility: visibility(row)?,
            allow_quotes: row.try_get("allow_quotes")?,
            allow_photo: row.try_get("allow_photo")?,
            allow_contact: row.try_get("allow_contact")?,
            age_confirmed: row.try_get("age_confirmed")?,
            about_minor: row.try_get("about_minor")?,
            version: row.try_get("consent_version")?,
            language: row.try_get("consent_language")?,
        },
        submitted_at: row.try_get("submitted_at")?,
        message: row.try_get("message")?,
        raw_purged,
        first_approval: row.try_get("first_approval")?,
        photo: row.try_get("photo")?,
        revision: row.try_get("revision")?,
    })
}

fn published(row: &SqliteRow) -> Result<PublishedStory> {
    Ok(PublishedStory {
        id: row.try_get("id")?,
        title: row.try_get("published_title")?,
        body: row.try_get("published_body")?,
        language: row.try_get("language")?,
        pseudonym: row.try_get("published_pseudonym")?,
        origin_country: row.try_get("origin_country")?,
        transit_countries: json_list(row, "transit_countries")?,
        residence_country: row.try_get("residence_country")?,
        year: row.try_get("year")?,
        themes: json_list(row, "themes")?,
        visibility: visibility(row)?,
        allow_quotes: row.try_get("allow_quotes")?,
        allow_contact: row.try_get("allow_contact")?,
        published_at: row.try_get("published_at")?,
        photo: row.try_get("photo")?,
    })
}

impl Store {
    /// Stores a new submission in state `submitted`, with its photo if one came.
    #[tracing::instrument(skip_all, fields(id))]
    pub async fn insert_story(
        &self,
        id: &str,
        story: &NewStory,
        photo: Option<&Upload>,
        receipt_hash: &[u8],
    ) -> Result<()> {
        let (wrapped, sealed) = self.seal_story(id, story)?;
        let photo_sealed = photo.map(|p| self.master_key.seal(&photo_aad(id), &p.bytes)).transpose()?;
        // The keys first, in their own database: a crash before the story commits leaves a
        // key no story uses, which the sweep removes; never a story without its key.
        self.put_key(id, &wrapped).await?;
        if let Some((photo_wrapped, _)) = &photo_sealed {
            self.put_key(&photo_aad(id), photo_wrapped).await?;
        }
        let mut tx = self.pool.begin().await?;
        let row = NewRow { id, story, sealed, receipt_hash, release: None };
        insert_rows(&mut tx, vec![row], &now()).await?;
        if let (Some(photo), Some((_, photo_sealed))) = (photo, photo_sealed) {
            insert_photo(&mut tx, id, photo, photo_sealed).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Replaces a submission still waiting for a moderator with its teller's edited version
    /// (sealed under the story's own key). A first approval of the old text no longer counts.
    #[tracing::instrument(skip_all, fields(id))]
    pub async fn replace_submission(&self, id: &str, story: &NewStory) -> Result<()> {
        let wrapped: Option<Vec<u8>> = sqlx::query_scalar("SELECT wrapped FROM keys.wrapped_keys WHERE owner = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(wrapped) = wrapped else {
            let exists: Option<String> =
                sqlx::query_scalar("SELECT id FROM stories WHERE id = ?").bind(id).fetch_optional(&self.pool).await?;
            return Err(if exists.is_some() { StoreError::WrongState("purged") } else { StoreError::NotFound });
        };
        // The same story key: an edit writes nothing to the key store.
        let sealed = self.master_key.reseal(id, &wrapped, &sealed_json(story)?)?;
        let mut tx = self.pool.begin().await?;
        let update = sqlx::query(concat!(
            "UPDATE stories SET ",
            story_assignments!(),
            ", first_approval = NULL, revision = revision + 1 WHERE id = ? AND status = 'submitted'"
        ));
        let updated = bind_story(update, sealed, story).bind(id).execute(&mut *tx).await?;
        if updated.rows_affected() == 0 {
            return Err(state_error(&mut tx, id).await);
        }
        audit(&mut tx, &now(), "storyteller", "edit", Some(id), "").await?;
        tx.commit().await?;
        // The old text's pages are free now; keep no copy of them in the WAL.
        self.checkpoint().await?;
        Ok(())
    }

    /// Seals what the storyteller wrote under a fresh key: (wrapped key, sealed).
    fn seal_story(&self, id: &str, story: &NewStory) -> Result<(Vec<u8>, Vec<u8>)> {
        Ok(self.master_key.seal(id, &sealed_json(story)?)?)
    }

    /// Stores (or replaces) a wrapped key in the key store, committed on its own.
    pub(super) async fn put_key(&self, owner: &str, wrapped: &[u8]) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        put_key_row(&mut conn, owner, wrapped, &now()).await
    }

    /// Deletes the keys of story `id` (its text's, its photo's and its teller's contact
    /// replies'), committed on its own: from this moment none of it can be opened, whatever
    /// copies exist.
    async fn destroy_keys(&self, id: &str) -> Result<()> {
        sqlx::query("DELETE FROM keys.wrapped_keys WHERE owner IN (?, ?) OR owner LIKE ?")
            .bind(id)
            .bind(photo_aad(id))
            .bind(super::contact::answer_keys(id))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn count_stories(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM stories").fetch_one(&self.pool).await?)
    }

    /// Whether the archive holds any story: one row read, where counting them all read the
    /// whole table (two seconds at start-up on a million stories, from a cold disk).
    pub async fn has_stories(&self) -> Result<bool> {
        Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM stories)").fetch_one(&self.pool).await?)
    }

    /// The story a receipt belongs to.
    pub async fn story_by_receipt(&self, receipt_hash: &[u8]) -> Result<Option<ReceiptView>> {
        let row = sqlx::query("SELECT id, status, message FROM stories WHERE receipt_hash = ?")
            .bind(receipt_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(ReceiptView { id: row.try_get("id")?, status: status(&row)?, message: row.try_get("message")? })
        })
        .transpose()
    }

    /// A submission with its raw text (staff only).
    pub async fn story(&self, id: &str) -> Result<StoryRecord> {
        let row = sqlx::query(concat!("SELECT ", record_columns!(), " FROM stories WHERE id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        record(&row, &self.master_key)
    }

    /// Submissions waiting for a moderator, oldest first.
    pub async fn queue(&self, limit: i64) -> Result<Vec<StoryRecord>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            record_columns!(),
            " FROM stories WHERE status = 'submitted' ORDER BY submitted_at, id LIMIT ?"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|row| record(row, &self.master_key)).collect()
    }

    /// A published story, whatever its visibility; `Err(WrongState)` if it was taken down
    /// or withdrawn.
    pub async fn published_story(&self, id: &str) -> Result<PublishedStory> {
        let row = sqlx::query(concat!("SELECT status, ", published_columns!(), " FROM stories WHERE id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else {
            let withdrawn: Option<String> = sqlx::query_scalar("SELECT id FROM tombstones WHERE id = ?")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
            return Err(if withdrawn.is_some() { StoreError::WrongState("withdrawn") } else { StoreError::NotFound });
        };
        match status(&row)? {
            Status::Published => published(&row),
            Status::Unpublished => Err(StoreError::WrongState("unpublished")),
            _ => Err(StoreError::NotFound),
        }
    }

    /// Published stories with ids after `after`, in id order, for rebuilding the index.
    pub async fn published_page(&self, after: &str, limit: i64) -> Result<Vec<PublishedStory>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            published_columns!(),
            " FROM stories WHERE status = 'published' AND id > ? ORDER BY id LIMIT ?"
        ))
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(published).collect()
    }

    /// Publishes the redacted text, and the photo's renditions if given: the files are
    /// written first, then one transaction updates the story, appends a change for the index
    /// and an audit entry. Returns the change's sequence number.
    #[tracing::instrument(skip_all, fields(id))]
    pub async fn publish(&self, id: &str, release: &Release<'_>, actor: &str, detail: &str) -> Result<i64> {
        let files = match release.photo {
            Some(photo) => Some(self.write_renditions(photo).await?),
            None => None,
        };
        let published = async {
            let mut tx = self.pool.begin().await?;
            let seq = publish_row(&mut tx, id, release, files.as_ref(), actor, detail, &now()).await?;
            tx.commit().await?;
            self.appended.notify_one();
            Ok(seq)
        }
        .await;
        if published.is_err() {
            self.remove_files(files.into_iter().flat_map(|(display, thumbnail)| [display, thumbnail]).collect()).await;
        }
        published
    }

    /// Stories imported already redacted, all at once: their keys in one commit, then every
    /// story, published, with its change and audit entry, in one transaction, a statement a
    /// table (`insert_story` and `publish` one at a time take three commits and five
    /// statements a story). Returns each story as published, with the sequence number of its
    /// change: what the index needs, without reading it back.
    #[tracing::instrument(skip_all, fields(count = stories.len()))]
    pub async fn insert_published(&self, stories: &[Imported<'_>], actor: &str) -> Result<Vec<(i64, PublishedStory)>> {
        let at = now();
        let mut published = Vec::with_capacity(stories.len());
        for stories in stories.chunks(IMPORTED_PER_TRANSACTION) {
            let sealed = stories
                .iter()
                .map(|imported| self.seal_story(imported.id, imported.story))
                .collect::<Result<Vec<_>>>()?;
            let mut keys = QueryBuilder::new("INSERT OR REPLACE INTO keys.wrapped_keys (owner, wrapped, created_at) ");
            keys.push_values(stories.iter().zip(&sealed), |mut row, (imported, (wrapped, _))| {
                row.push_bind(imported.id).push_bind(wrapped.as_slice()).push_bind(&at);
            });
            keys.build().execute(&self.pool).await?;
            let rows = stories
                .iter()
                .zip(sealed)
                .map(|(imported, (_, sealed))| NewRow {
                    id: imported.id,
                    story: imported.story,
                    sealed,
                    receipt_hash: imported.receipt_hash,
                    release: Some(&imported.release),
                })
                .collect();
            let mut tx = self.pool.begin().await?;
            insert_rows(&mut tx, rows, &at).await?;
            let mut changes = QueryBuilder::new("INSERT INTO changes (story_id, at) ");
            changes.push_values(stories, |mut row, imported| {
                row.push_bind(imported.id).push_bind(&at);
            });
            let seqs: std::collections::HashMap<String, i64> = changes
                .push(" RETURNING story_id, seq")
                .build_query_as()
                .fetch_all(&mut *tx)
                .await?
                .into_iter()
                .collect();
            let mut audit = QueryBuilder::new("INSERT INTO audit (at, actor, action, story_id, detail) ");
            audit.push_values(stories, |mut row, imported| {
                row.push_bind(&at)
                    .push_bind(actor)
                    .push_bind("publish")
                    .push_bind(imported.id)
                    .push_bind(&imported.detail);
            });
            audit.build().execute(&mut *tx).await?;
            tx.commit().await?;
            for imported in stories {
                let seq = seqs
                    .get(imported.id)
                    .copied()
                    .ok_or_else(|| StoreError::Corrupt("a change went missing".into()))?;
                published.push((seq, imported.published(&at)));
            }
        }
        self.appended.notify_one();
        Ok(published)
    }

    /// Records the first of two approvals a story needs.
    #[tracing::instrument(skip_all, fields(id))]
    pub async fn approve_first(&self, id: &str, revision: i64, actor: &str) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let at = now();
        let updated = sqlx::query(
            "UPDATE stories SET first_approval = ? \
             WHERE id = ? AND status = 'submitted' AND first_approval IS NULL AND revision = ?",
        )
        .bind(actor)
        .bind(id)
        .bind(revision)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(state_error(&mut tx, id).await);
        }
        audit(&mut tx, &at, actor, "approve_first", Some(id), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Rejects a submission; `reason` reaches the storyteller through the receipt page.
    #[tracing::instrument(skip_all, fields(id))]
    pub async fn reject(&self, id: &str, reason: &str, actor: &str) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let at = now();
        let updated = sqlx::query(
            "UPDATE stories SET status = 'rejected', decided_at = ?, message = ? WHERE id = ? AND status = 'submitted'",
        )
        .bind(&at)
        .bind(reason)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(state_error(&mut tx, id).await);
        }
        audit(&mut tx, &at, actor, "reject", Some(id), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes a published story down: its redacted text is dropped and the index told.
    #[tracing::instrument(skip_all, fields(id))]
    pub async fn unpublish(&self, id: &str, reason: Option<&str>, actor: &str) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        let at = now();
        let updated = sqlx::query(
            "UPDATE stories SET status = 'unpublished', published_title = NULL, published_body = NULL, \
             published_pseudonym = NULL, published_at = NULL, decided_at = ?, message = ? WHERE id = ? AND status = 'published'",
        )
        .bind(&at)
        .bind(reason)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Err(state_error(&mut tx, id).await);
        }
        let files = photo_files(&mut tx, id).await?;
        sqlx::query("UPDATE photos SET display_file = NULL, thumbnail_file = NULL WHERE story_id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let seq = append_change(&mut tx, id, &at).await?;
        audit(&mut tx, &at, actor, "unpublish", Some(id), "").await?;
        tx.commit().await?;
        self.appended.notify_one();
        self.remove_files(files).await;
        Ok(seq)
    }

    /// Withdraws a story: its rows go (with `secure_delete` on, the freed pages are zeroed),
    /// its photo files are overwritten and removed, a content-free tombstone stays, and the
    /// index is told. The WAL is then checkpointed and truncated so no copy of the rows
    /// survives there either.
    #[tracing::instrument(skip_all, fields(id))]
    pub async fn withdraw(&self, id: &str) -> Result<i64> {
        // Crypto-shredding first: a crash after this leaves a story nobody can read, which a
        // retried withdrawal then removes.
        self.destroy_keys(id).await?;
        let mut tx = self.pool.begin().await?;
        let at = now();
        let files = photo_files(&mut tx, id).await?;
        let deleted = sqlx::query("DELETE FROM stories WHERE id = ?").bind(id).execute(&mut *tx).await?;
        if deleted.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("INSERT INTO tombstones (id, withdrawn_at) VALUES (?, ?)")
            .bind(id)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
        let seq = append_change(&mut tx, id, &at).await?;
        audit(&mut tx, &at, "storyteller", "withdraw", Some(id), "").await?;
        tx.commit().await?;
        self.appended.notify_one();
        self.remove_files(files).await;
        self.checkpoint().await?;
        Ok(seq)
    }

    /// Records the storyteller's changed consent. A published story's index document follows
    /// (a story turned private leaves the index), and a photo no longer allowed has its
    /// files removed (showing it again would take a moderator). Returns the change, if the
    /// index must act.
    #[tracing::instrument(skip_all, fields(id))]
    pub async fn update_consent(&self, id: &str, consent: &Consent) -> Result<Option<i64>> {
        let mut tx = self.pool.begin().await?;
        let at = now();
        let status: Option<String> = sqlx::query_scalar(
            "UPDATE stories SET visibility = ?, allow_quotes = ?, allow_photo = ?, allow_contact = ? \
             WHERE id = ? RETURNING status",
        )
        .bind(consent.visibility.as_str())
        .bind(consent.allow_quotes)
        .bind(consent.allow_photo)
        .bind(consent.allow_contact)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(status) = status else { return Err(StoreError::NotFound) };
        let seq =
            if status == Status::Published.as_str() { Some(append_change(&mut tx, id, &at).await?) } else { None };
        let files = if consent.allow_photo { Vec::new() } else { photo_files(&mut tx, id).await? };
        if !files.is_empty() {
            sqlx::query("UPDATE photos SET display_file = NULL, thumbnail_file = NULL WHERE story_id = ?")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let detail = format!(
            "visibility={} quotes={} photo={} contact={}",
            consent.visibility.as_str(),
            consent.allow_quotes,
            consent.allow_photo,
            consent.allow_contact
        );
        audit(&mut tx, &at, "storyteller", "consent_change", Some(id), &detail).await?;
        tx.commit().await?;
        if !consent.allow_contact || consent.visibility == Visibility::Private {
            self.close_contact(id).await?;
        }
        if seq.is_some() {
            self.appended.notify_one();
        }
        self.remove_files(files).await;
        Ok(seq)
    }

    /// The story's history without names of staff: `(at, action)`.
    pub async fn history(&self, id: &str) -> Result<Vec<(String, String)>> {
        let rows = sqlx::query("SELECT at, action FROM audit WHERE story_id = ? ORDER BY id")
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok((r.try_get("at")?, r.try_get("action")?))).collect()
    }

    /// Destroys the raw submission (its sealed text, its photo original and their keys) of
    /// every story decided before `cutoff`. One transaction, so a crash leaves each story
    /// either purged or not, and the next run finishes the job. Returns how many were purged.
    #[tracing::instrument(skip_all)]
    pub async fn purge_raw_decided_before(&self, cutoff: &str) -> Result<u64> {
        // Keys first: from then on the sealed text cannot be opened; emptying it follows.
        let keys = sqlx::query(
            "DELETE FROM keys.wrapped_keys WHERE owner IN (SELECT id FROM stories WHERE decided_at < ?) \
             OR owner IN (SELECT id || '/photo' FROM stories WHERE decided_at < ?)",
        )
        .bind(cutoff)
        .bind(cutoff)
        .execute(&self.pool)
        .await?
        .rows_affected();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE photos SET sealed = X'' WHERE length(sealed) > 0 \
             AND story_id IN (SELECT id FROM stories WHERE decided_at < ?)",
        )
        .bind(cutoff)
        .execute(&mut *tx)
        .await?;
        let purged = sqlx::query("UPDATE stories SET sealed = X'' WHERE decided_at < ? AND length(sealed) > 0")
            .bind(cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        if purged > 0 {
            self.audit("retention", "purge_raw", None, &format!("stories={purged}")).await?;
        }
        if purged > 0 || keys > 0 {
            self.checkpoint().await?;
        }
        Ok(purged)
    }

    /// Moves everything from the WAL into the database file and empties the WAL.
    pub async fn checkpoint(&self) -> Result<()> {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.pool).await?;
        Ok(())
    }

    /// Changes after `seq`, oldest first.
    pub async fn changes_after(&self, seq: i64, limit: i64) -> Result<Vec<Change>> {
        let rows = sqlx::query("SELECT seq, story_id FROM changes WHERE seq > ? ORDER BY seq LIMIT ?")
            .bind(seq)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|row| Ok(Change { seq: row.try_get("seq")?, story_id: row.try_get("story_id")? })).collect()
    }

    pub async fn last_change(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM changes").fetch_one(&self.pool).await?)
    }

    /// Writes an audit entry outside any other change (logins, imports, exports).
    pub async fn audit(&self, actor: &str, action: &str, story_id: Option<&str>, detail: &str) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        audit(&mut conn, &now(), actor, action, story_id, detail).await
    }

    /// The audit entries of a story, oldest first: `(at, actor, action, detail)`.
    pub async fn audit_of(&self, story_id: &str) -> Result<Vec<(String, String, String, String)>> {
        let rows = sqlx::query("SELECT at, actor, action, detail FROM audit WHERE story_id = ? ORDER BY id")
            .bind(story_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("at")?, r.try_get("actor")?, r.try_get("action")?, r.try_get("detail")?)))
            .collect()
    }
}

/// What is sealed of a submission, as bytes.
fn sealed_json(story: &NewStory) -> Result<Vec<u8>> {
    serde_json::to_vec(&Sealed {
        title: story.title.clone(),
        body: story.body.clone(),
        private_terms: story.private_terms.clone(),
        pseudonym: story.pseudonym.clone(),
    })
    .map_err(|e| StoreError::Corrupt(e.to_string()))
}

async fn put_key_row(conn: &mut sqlx::SqliteConnection, owner: &str, wrapped: &[u8], at: &str) -> Result<()> {
    sqlx::query("INSERT OR REPLACE INTO keys.wrapped_keys (owner, wrapped, created_at) VALUES (?, ?, ?)")
        .bind(owner)
        .bind(wrapped)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A story row to insert: what its teller sent, sealed under its key, and what is published
/// of it when it comes published (an import).
struct NewRow<'a> {
    id: &'a str,
    story: &'a NewStory,
    sealed: Vec<u8>,
    receipt_hash: &'a [u8],
    release: Option<&'a Release<'a>>,
}

/// Inserts story rows, in one statement.
async fn insert_rows(conn: &mut sqlx::SqliteConnection, rows: Vec<NewRow<'_>>, at: &str) -> Result<()> {
    let mut insert = QueryBuilder::new(concat!(
        "INSERT INTO stories (id, receipt_hash, submitted_at, ",
        story_columns!(),
        ", status, published_title, published_body, published_pseudonym, published_at, decided_at) "
    ));
    insert.push_values(rows, |mut row, new| {
        row.push_bind(new.id).push_bind(new.receipt_hash).push_bind(at);
        let row = bind_story(&mut row, new.sealed, new.story);
        match new.release {
            None => row
                .push_bind("submitted")
                .push_bind(None::<&str>)
                .push_bind(None::<&str>)
                .push_bind(None::<&str>)
                .push_bind(None::<&str>)
                .push_bind(None::<&str>),
            Some(release) => row
                .push_bind("published")
                .push_bind(release.title)
                .push_bind(release.body)
                .push_bind(release.pseudonym)
                .push_bind(at)
                .push_bind(at),
        };
    });
    insert.build().execute(&mut *conn).await?;
    Ok(())
}

pub(super) async fn append_change(conn: &mut sqlx::SqliteConnection, id: &str, at: &str) -> Result<i64> {
    let seq = sqlx::query("INSERT INTO changes (story_id, at) VALUES (?, ?)")
        .bind(id)
        .bind(at)
        .execute(&mut *conn)
        .await?
        .last_insert_rowid();
    Ok(seq)
}

pub(super) async fn audit(
    conn: &mut sqlx::SqliteConnection,
    at: &str,
    actor: &str,
    action: &str,
    story_id: Option<&str>,
    detail: &str,
) -> Result<()> {
    sqlx::query("INSERT INTO audit (at, actor, action, story_id, detail) VALUES (?, ?, ?, ?, ?)")
        .bind(at)
        .bind(actor)
        .bind(action)
        .bind(story_id)
        .bind(detail)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Publishes story `id` inside `tx`: the redacted text, the photo's files, a change for
/// the index and an audit entry.
async fn publish_row(
    tx: &mut sqlx::SqliteConnection,
    id: &str,
    release: &Release<'_>,
    files: Option<&(String, String)>,
    actor: &str,
    detail: &str,
    at: &str,
) -> Result<i64> {
    let updated = sqlx::query(
        "UPDATE stories SET status = 'published', published_title = ?, published_body = ?, \
         published_pseudonym = ?, published_at = ?, decided_at = ?, message = NULL \
         WHERE id = ? AND status = 'submitted' AND revision = ?",
    )
    .bind(release.title)
    .bind(release.body)
    .bind(release.pseudonym)
    .bind(at)
    .bind(at)
    .bind(id)
    .bind(release.revision)
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(state_error(tx, id).await);
    }
    if let Some((display, thumbnail)) = files {
        sqlx::query("UPDATE photos SET display_file = ?, thumbnail_file = ? WHERE story_id = ?")
            .bind(display)
            .bind(thumbnail)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let seq = append_change(tx, id, at).await?;
    audit(tx, at, actor, "publish", Some(id), detail).await?;
    Ok(seq)
}

async fn state_error(tx: &mut sqlx::SqliteConnection, id: &str) -> StoreError {
    let current: Result<Option<String>, _> =
        sqlx::query_scalar("SELECT status FROM stories WHERE id = ?").bind(id).fetch_optional(&mut *tx).await;
    match current {
        Ok(None) => StoreError::NotFound,
        // Still waiting, yet not updated: the storyteller edited it (or it was approved).
        Ok(Some(value)) if value == Status::Submitted.as_str() => StoreError::WrongState("edited"),
        Ok(Some(value)) => StoreError::WrongState(Status::parse(&value).map_or("unknown", Status::as_str)),
        Err(e) => StoreError::Database(e),
    }
}
