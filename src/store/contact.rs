//! Contact requests: a journalist asks to interview a storyteller; a moderator relays the
//! request or declines it; the storyteller answers on their receipt page, yes with a way to
//! reach them that they write themselves, or no. The answer is sealed under a key of its own,
//! destroyed with the story.

use serde::Serialize;
use sqlx::Row;

use super::{Result, Store, StoreError, now};

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ContactStatus {
    /// Waiting for a moderator.
    Pending,
    /// A moderator did not pass it on.
    Declined,
    /// Shown to the storyteller, who has not answered.
    Relayed,
    /// The storyteller said yes and wrote how to reach them.
    Accepted,
    /// The storyteller said no.
    Refused,
}

impl ContactStatus {
    fn as_str(self) -> &'static str {
        match self {
            ContactStatus::Pending => "pending",
            ContactStatus::Declined => "declined",
            ContactStatus::Relayed => "relayed",
            ContactStatus::Accepted => "accepted",
            ContactStatus::Refused => "refused",
        }
    }

    fn parse(value: &str) -> Result<ContactStatus> {
        Ok(match value {
            "pending" => ContactStatus::Pending,
            "declined" => ContactStatus::Declined,
            "relayed" => ContactStatus::Relayed,
            "accepted" => ContactStatus::Accepted,
            "refused" => ContactStatus::Refused,
            other => return Err(StoreError::Corrupt(format!("contact status {other:?}"))),
        })
    }
}

/// A request as the moderators, the storyteller or the journalist see it. `reply` is only
/// ever filled for the journalist who asked, once the storyteller said yes.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ContactRequest {
    pub id: String,
    pub story_id: String,
    /// The journalist's username.
    pub journalist: String,
    /// What the journalist wrote.
    pub message: String,
    pub status: ContactStatus,
    pub created_at: String,
    /// What the storyteller wrote to be reached by (only for the journalist who asked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
}

fn key_owner(story_id: &str, request_id: &str) -> String {
    format!("{story_id}/contact/{request_id}")
}

/// A LIKE pattern for the keys of every answer given about a story (story ids are base 32:
/// no wildcard can hide in one).
pub(super) fn answer_keys(story_id: &str) -> String {
    format!("{story_id}/contact/%")
}

fn request(row: &sqlx::sqlite::SqliteRow) -> Result<ContactRequest> {
    let status: String = row.try_get("status")?;
    Ok(ContactRequest {
        id: row.try_get("id")?,
        story_id: row.try_get("story_id")?,
        journalist: row.try_get("username")?,
        message: row.try_get("message")?,
        status: ContactStatus::parse(&status)?,
        created_at: row.try_get("created_at")?,
        reply: None,
    })
}

/// The select of a request with its journalist and reply key (a macro, so queries stay
/// `&'static str`).
macro_rules! select_requests {
    ($($tail:literal),*) => {
        concat!(
            "SELECT c.id, c.story_id, u.username, c.message, c.status, c.created_at, c.reply, \
             (SELECT wrapped FROM keys.wrapped_keys WHERE owner = c.story_id || '/contact/' || c.id) AS wrapped \
             FROM contact_requests c JOIN users u ON u.id = c.journalist ",
            $($tail),*
        )
    };
}

impl Store {
    /// Records a journalist's request. `WrongState` unless the story is published and its
    /// teller allows contact.
    pub async fn insert_contact_request(&self, id: &str, story_id: &str, journalist: i64, message: &str) -> Result<()> {
        // One statement: the check and the write cannot be split by another writer.
        let inserted = sqlx::query(
            "INSERT INTO contact_requests (id, story_id, journalist, message, created_at) \
             SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM stories WHERE id = ? AND status = 'published' \
             AND visibility != 'private' AND allow_contact)",
        )
        .bind(id)
        .bind(story_id)
        .bind(journalist)
        .bind(message)
        .bind(now())
        .bind(story_id)
        .execute(&self.pool)
        .await?;
        if inserted.rows_affected() == 0 {
            let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM stories WHERE id = ?")
                .bind(story_id)
                .fetch_optional(&self.pool)
                .await?;
            return Err(if exists.is_some() {
                StoreError::WrongState("not open to contact requests")
            } else {
                StoreError::NotFound
            });
        }
        Ok(())
    }

    /// Requests waiting for a moderator, oldest first.
    pub async fn pending_contact_requests(&self) -> Result<Vec<ContactRequest>> {
        let rows = sqlx::query(select_requests!("WHERE c.status = 'pending' ORDER BY c.created_at, c.id"))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(request).collect()
    }

    /// A moderator passes a pending request on to the storyteller, or declines it.
    pub async fn decide_contact_request(&self, id: &str, relay: bool, moderator: &str) -> Result<ContactRequest> {
        let mut tx = self.pool.begin().await?;
        let at = now();
        // A request is only relayed while its story is published and its teller still
        // accepts contact.
        let story_id: Option<String> = sqlx::query_scalar(
            "UPDATE contact_requests SET status = ?, decided_at = ? WHERE id = ? AND status = 'pending' \
             AND (? OR EXISTS (SELECT 1 FROM stories s WHERE s.id = contact_requests.story_id \
             AND s.status = 'published' AND s.visibility != 'private' AND s.allow_contact)) RETURNING story_id",
        )
        .bind(if relay { ContactStatus::Relayed } else { ContactStatus::Declined }.as_str())
        .bind(&at)
        .bind(id)
        .bind(!relay)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(story_id) = story_id else {
            let exists: Option<String> = sqlx::query_scalar("SELECT status FROM contact_requests WHERE id = ?")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            return Err(if exists.is_some() {
                StoreError::WrongState("decided or closed")
            } else {
                StoreError::NotFound
            });
        };
        let action = if relay { "relay contact request" } else { "decline contact request" };
        super::stories::audit(&mut tx, &at, moderator, action, Some(&story_id), "").await?;
        tx.commit().await?;
        let row = sqlx::query(select_requests!("WHERE c.id = ?")).bind(id).fetch_optional(&self.pool).await?;
        // Gone already if the story was withdrawn meanwhile.
        request(&row.ok_or(StoreError::NotFound)?)
    }

    /// The requests a moderator relayed to the teller of `story_id`, newest first.
    pub async fn contact_requests_for_story(&self, story_id: &str) -> Result<Vec<ContactRequest>> {
        let rows = sqlx::query(select_requests!(
            "WHERE c.story_id = ? AND c.status IN ('relayed', 'accepted', 'refused') ",
            "ORDER BY c.created_at DESC, c.id"
        ))
        .bind(story_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(request).collect()
    }

    /// The storyteller's answer to a relayed request: `reply` (how to reach them) when they
    /// say yes, sealed under a key of its own. `WrongState` if it was already answered.
    pub async fn answer_contact_request(&self, story_id: &str, id: &str, reply: Option<&str>) -> Result<()> {
        // Checked before any key is written: a second answer must not replace the key of
        // the first.
        let status: Option<String> =
            sqlx::query_scalar("SELECT status FROM contact_requests WHERE id = ? AND story_id = ?")
                .bind(id)
                .bind(story_id)
                .fetch_optional(&self.pool)
                .await?;
        match status.as_deref() {
            None => return Err(StoreError::NotFound),
            Some("relayed") => {}
            Some(_) => return Err(StoreError::WrongState("already answered")),
        }
        let owner = key_owner(story_id, id);
        let sealed = match reply {
            Some(reply) => {
                let (wrapped, sealed) = self.master_key.seal(&owner, reply.as_bytes())?;
                // The key first, committed on its own, as for a story: never a sealed reply
                // without its key. Never replaced: of two answers sent at once, the second
                // finds the first's key and is refused.
                let inserted =
                    sqlx::query("INSERT INTO keys.wrapped_keys (owner, wrapped, created_at) VALUES (?, ?, ?)")
                        .bind(&owner)
                        .bind(&wrapped)
                        .bind(now())
                        .execute(&self.pool)
                        .await;
                match inserted {
                    Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                        return Err(StoreError::WrongState("already answered"));
                    }
                    other => other?,
                };
                Some(sealed)
            }
            None => None,
        };
        let status = if reply.is_some() { ContactStatus::Accepted } else { ContactStatus::Refused };
        let updated = sqlx::query(
            "UPDATE contact_requests SET status = ?, reply = ?, answered_at = ? \
             WHERE id = ? AND story_id = ? AND status = 'relayed'",
        )
        .bind(status.as_str())
        .bind(sealed)
        .bind(now())
        .bind(id)
        .bind(story_id)
        .execute(&self.pool)
        .await?;
        if updated.rows_affected() == 0 {
            // Answered (or withdrawn) between the check and now; the sweep removes the
            // unused key if one was written.
            return Err(StoreError::WrongState("already answered"));
        }
        Ok(())
    }

    /// A journalist's own requests, newest first, each accepted one with the storyteller's
    /// reply opened.
    pub async fn contact_requests_of(&self, journalist: i64) -> Result<Vec<ContactRequest>> {
        let rows = sqlx::query(select_requests!("WHERE c.journalist = ? ORDER BY c.created_at DESC, c.id"))
            .bind(journalist)
            .fetch_all(&self.pool)
            .await?;
        let mut requests = Vec::with_capacity(rows.len());
        for row in &rows {
            let mut found = request(row)?;
            let sealed: Option<Vec<u8>> = row.try_get("reply")?;
            let wrapped: Option<Vec<u8>> = row.try_get("wrapped")?;
            if let (ContactStatus::Accepted, Some(sealed), Some(wrapped)) = (found.status, sealed, wrapped) {
                match self.master_key.open(&key_owner(&found.story_id, &found.id), &wrapped, &sealed) {
                    Ok(opened) => found.reply = Some(String::from_utf8_lossy(&opened).into_owned()),
                    // One unreadable reply must not hide the others.
                    Err(error) => tracing::error!(%error, "a contact reply could not be opened"),
                }
            }
            requests.push(found);
        }
        Ok(requests)
    }
}

impl Store {
    /// The teller no longer accepts contact (or the story left the public): requests not yet
    /// answered are closed, and the keys of answers already given are destroyed, so the
    /// archive no longer holds them.
    pub(super) async fn close_contact(&self, story_id: &str) -> Result<()> {
        sqlx::query(
            "UPDATE contact_requests SET status = 'declined', decided_at = ? \
             WHERE story_id = ? AND status IN ('pending', 'relayed')",
        )
        .bind(now())
        .bind(story_id)
        .execute(&self.pool)
        .await?;
        sqlx::query("DELETE FROM keys.wrapped_keys WHERE owner LIKE ?")
            .bind(answer_keys(story_id))
            .execute(&self.pool)
            .await?;
        sqlx::query("UPDATE contact_requests SET reply = NULL WHERE story_id = ? AND reply IS NOT NULL")
            .bind(story_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
