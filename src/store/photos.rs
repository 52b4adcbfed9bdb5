//! A story's photo: the original sealed in the database, the renditions readers see as
//! files under `DATA/media/`. The store alone writes and removes those files, so erasing a
//! story's rows and its files is one operation.

use std::collections::HashSet;

use sqlx::Row;

use super::{Result, Store};
use crate::media::{Renditions, Upload};

/// Which rendition of a published photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendition {
    Display,
    Thumbnail,
}

/// The associated data a photo original is sealed with, distinct from the story text's, and
/// the owner of its key in the key store.
pub(super) fn photo_aad(id: &str) -> String {
    format!("{id}/photo")
}

/// The files of a story's published photo, if any.
pub(super) async fn photo_files(conn: &mut sqlx::SqliteConnection, id: &str) -> Result<Vec<String>> {
    let row = sqlx::query("SELECT display_file, thumbnail_file FROM photos WHERE story_id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else { return Ok(Vec::new()) };
    let display: Option<String> = row.try_get("display_file")?;
    let thumbnail: Option<String> = row.try_get("thumbnail_file")?;
    Ok(display.into_iter().chain(thumbnail).collect())
}

/// Stores a story's photo original, already sealed (its key is stored apart).
pub(super) async fn insert_photo(
    conn: &mut sqlx::SqliteConnection,
    id: &str,
    photo: &Upload,
    sealed: Vec<u8>,
) -> Result<()> {
    sqlx::query("INSERT INTO photos (story_id, sealed, width, height) VALUES (?, ?, ?, ?)")
        .bind(id)
        .bind(sealed)
        .bind(photo.width)
        .bind(photo.height)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

impl Store {
    /// The original photo of a story as the storyteller sent it (staff only); `None` if none
    /// came or retention destroyed it.
    pub async fn photo_original(&self, id: &str) -> Result<Option<Vec<u8>>> {
        let row = sqlx::query(
            "SELECT photos.sealed, keys.wrapped_keys.wrapped FROM photos \
             JOIN keys.wrapped_keys ON keys.wrapped_keys.owner = photos.story_id || '/photo' WHERE photos.story_id = ?",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let wrapped: Vec<u8> = row.try_get("wrapped")?;
        let sealed: Vec<u8> = row.try_get("sealed")?;
        Ok(Some(self.master_key.open(&photo_aad(id), &wrapped, &sealed)?))
    }

    /// The bytes of a published photo's rendition and a tag that changes with them; `None`
    /// when the story has none published. Whether the reader may see it is the caller's check.
    pub async fn photo_rendition(&self, id: &str, which: Rendition) -> Result<Option<(Vec<u8>, String)>> {
        let column = match which {
            Rendition::Display => "SELECT display_file FROM photos WHERE story_id = ?",
            Rendition::Thumbnail => "SELECT thumbnail_file FROM photos WHERE story_id = ?",
        };
        let name: Option<Option<String>> = sqlx::query_scalar(column).bind(id).fetch_optional(&self.pool).await?;
        let Some(name) = name.flatten() else { return Ok(None) };
        match self.media.read(&name).await {
            Ok(bytes) => Ok(Some((bytes, name))),
            // Removed by a withdrawal that committed a moment ago.
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Writes a photo's two renditions (off the async runtime); returns their file names.
    pub(super) async fn write_renditions(&self, photo: &Renditions) -> Result<(String, String)> {
        let media = self.media.clone();
        let (display, thumbnail) = (photo.display.bytes.clone(), photo.thumbnail.bytes.clone());
        let written = tokio::task::spawn_blocking(move || {
            let display = media.write(&display)?;
            match media.write(&thumbnail) {
                Ok(thumbnail) => Ok((display, thumbnail)),
                Err(error) => {
                    let _ = media.remove(&display);
                    Err(error)
                }
            }
        })
        .await
        .map_err(std::io::Error::other)?;
        Ok(written?)
    }

    /// Overwrites and removes files whose rows are gone (off the async runtime). A failure
    /// is logged, and the retention job's sweep removes what is left.
    pub(super) async fn remove_files(&self, names: Vec<String>) {
        let media = self.media.clone();
        let removed = tokio::task::spawn_blocking(move || names.iter().try_for_each(|name| media.remove(name))).await;
        if !matches!(removed, Ok(Ok(()))) {
            tracing::error!("a photo file could not be removed; the retention job will retry");
        }
    }

    /// Removes what interrupted runs left behind: photo files no row refers to, and keys no
    /// story uses (a withdrawn story's at once; others once older than `grace`, so a
    /// submission or publication still in progress in another process keeps its own).
    /// Returns (files, keys) removed.
    pub async fn sweep_leftovers(&self, grace: std::time::Duration) -> Result<(usize, u64)> {
        let rows = sqlx::query("SELECT display_file, thumbnail_file FROM photos").fetch_all(&self.pool).await?;
        let mut keep = HashSet::new();
        for row in rows {
            keep.extend(row.try_get::<Option<String>, _>("display_file")?);
            keep.extend(row.try_get::<Option<String>, _>("thumbnail_file")?);
        }
        let media = self.media.clone();
        let files =
            tokio::task::spawn_blocking(move || media.sweep(&keep, grace)).await.map_err(std::io::Error::other)??;
        let cutoff = super::timestamp(time::OffsetDateTime::now_utc() - grace);
        // A key's owner is a story id, `<story>/photo` or `<story>/contact/<request>`. The
        // story and the request are cut out of it so that each lookup is one by primary key
        // (comparing `stories.id || '/photo'` read every story for every key).
        let keys = sqlx::query(
            "DELETE FROM keys.wrapped_keys AS k WHERE \
             substr(k.owner, 1, instr(k.owner || '/', '/') - 1) IN (SELECT id FROM tombstones) \
             OR (k.created_at < ? AND CASE WHEN instr(k.owner, '/contact/') > 0 \
                 THEN NOT EXISTS (SELECT 1 FROM contact_requests c \
                     WHERE c.id = substr(k.owner, instr(k.owner, '/contact/') + 9) \
                     AND c.story_id = substr(k.owner, 1, instr(k.owner, '/') - 1)) \
                 ELSE NOT EXISTS (SELECT 1 FROM stories \
                     WHERE stories.id = substr(k.owner, 1, instr(k.owner || '/', '/') - 1)) END)",
        )
        .bind(cutoff)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok((files, keys))
    }
}
