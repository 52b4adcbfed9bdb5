//! A story's photo: the original sealed in the database, the renditions readers see as
//! files under `DATA/media/`. The store alone writes and removes those files, so erasing a
//! story's rows and its files is one operation.

use std::collections::HashSet;

use sqlx::Row;

use super::stories::put_key;
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
fn photo_aad(id: &str) -> String {
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

impl Store {
    pub(super) async fn insert_photo(&self, conn: &mut sqlx::SqliteConnection, id: &str, photo: &Upload) -> Result<()> {
        let (wrapped, sealed) = self.master_key.seal(&photo_aad(id), &photo.bytes)?;
        sqlx::query("INSERT INTO photos (story_id, sealed, width, height) VALUES (?, ?, ?, ?)")
            .bind(id)
            .bind(sealed)
            .bind(photo.width)
            .bind(photo.height)
            .execute(&mut *conn)
            .await?;
        put_key(conn, &photo_aad(id), &wrapped).await
    }

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

    pub(super) fn write_renditions(&self, photo: &Renditions) -> Result<(String, String)> {
        let display = self.media.write(&photo.display.bytes)?;
        match self.media.write(&photo.thumbnail.bytes) {
            Ok(thumbnail) => Ok((display, thumbnail)),
            Err(error) => {
                self.remove_files([&display]);
                Err(error.into())
            }
        }
    }

    /// Removes files whose rows are gone. A failure is logged, and the next start-up's sweep
    /// removes what is left.
    pub(super) fn remove_files<'a>(&self, names: impl IntoIterator<Item = &'a String>) {
        for name in names {
            if let Err(error) = self.media.remove(name) {
                tracing::error!(%error, "a photo file could not be removed; the next start-up will retry");
            }
        }
    }

    /// Removes photo files no row refers to (left by a crash). Run when the store opens.
    pub(super) async fn sweep_media(&self) -> Result<usize> {
        let rows = sqlx::query("SELECT display_file, thumbnail_file FROM photos").fetch_all(&self.pool).await?;
        let mut keep = HashSet::new();
        for row in rows {
            keep.extend(row.try_get::<Option<String>, _>("display_file")?);
            keep.extend(row.try_get::<Option<String>, _>("thumbnail_file")?);
        }
        Ok(self.media.sweep(&keep)?)
    }
}
