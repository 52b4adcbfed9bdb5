//! Staff and journalist accounts, their sessions and API tokens (stored as hashes).

use serde::Serialize;
use sqlx::Row;

use super::{Result, Store, StoreError, now};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Moderator,
    Journalist,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Moderator => "moderator",
            Role::Journalist => "journalist",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        match value {
            "moderator" => Some(Role::Moderator),
            "journalist" => Some(Role::Journalist),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct User {
    #[serde(skip)]
    pub id: i64,
    pub username: String,
    pub role: Role,
}

/// How a session was opened: a browser cookie (needs CSRF tokens) or an API bearer token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    Cookie,
    Api,
}

impl SessionKind {
    fn as_str(self) -> &'static str {
        match self {
            SessionKind::Cookie => "cookie",
            SessionKind::Api => "api",
        }
    }
}

/// A live session and its user.
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub user: User,
    pub kind: SessionKind,
    pub csrf: String,
}

fn user(row: &sqlx::sqlite::SqliteRow) -> Result<User> {
    let role: String = row.try_get("role")?;
    Ok(User {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("role {role:?}")))?,
    })
}

impl Store {
    pub async fn insert_user(&self, username: &str, password_hash: &str, role: Role) -> Result<User> {
        let result = sqlx::query("INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)")
            .bind(username)
            .bind(password_hash)
            .bind(role.as_str())
            .bind(now())
            .execute(&self.pool)
            .await;
        match result {
            Ok(done) => Ok(User { id: done.last_insert_rowid(), username: username.to_owned(), role }),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(StoreError::Duplicate(username.to_owned())),
            Err(e) => Err(e.into()),
        }
    }

    /// A user and their password hash.
    pub async fn user_with_password(&self, username: &str) -> Result<Option<(User, String)>> {
        let row = sqlx::query("SELECT id, username, role, password_hash FROM users WHERE username = ?")
            .bind(username)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| Ok((user(&row)?, row.try_get("password_hash")?))).transpose()
    }

    pub async fn insert_session(
        &self,
        token_hash: &[u8],
        user_id: i64,
        kind: SessionKind,
        csrf: &str,
        expires_at: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, kind, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(kind.as_str())
        .bind(csrf)
        .bind(now())
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The live session of a token of `kind`, if any.
    pub async fn session(&self, token_hash: &[u8], kind: SessionKind) -> Result<Option<SessionUser>> {
        let row = sqlx::query(
            "SELECT users.id, users.username, users.role, sessions.csrf FROM sessions \
             JOIN users ON users.id = sessions.user_id \
             WHERE sessions.token_hash = ? AND sessions.kind = ? AND sessions.expires_at > ?",
        )
        .bind(token_hash)
        .bind(kind.as_str())
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| Ok(SessionUser { user: user(&row)?, kind, csrf: row.try_get("csrf")? })).transpose()
    }

    pub async fn delete_session(&self, token_hash: &[u8]) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ? OR expires_at <= ?")
            .bind(token_hash)
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// One entry of the export log.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ExportRecord {
    pub at: String,
    /// The username, or `anonymous`.
    pub actor: String,
    pub format: String,
    /// The query and filters, as the search's query string.
    pub query: String,
    pub stories: i64,
}

/// An API token as its owner sees it: never the token itself.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TokenInfo {
    pub id: i64,
    pub label: String,
    pub created_at: String,
    pub expires_at: String,
}

impl Store {
    pub async fn log_export(&self, actor: &str, format: &str, query: &str, stories: usize) -> Result<()> {
        sqlx::query("INSERT INTO exports (at, actor, format, query, stories) VALUES (?, ?, ?, ?, ?)")
            .bind(now())
            .bind(actor)
            .bind(format)
            .bind(query)
            .bind(i64::try_from(stories).unwrap_or(i64::MAX))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The newest `limit` exports, newest first.
    pub async fn exports(&self, limit: u32) -> Result<Vec<ExportRecord>> {
        let rows = sqlx::query("SELECT at, actor, format, query, stories FROM exports ORDER BY id DESC LIMIT ?")
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ExportRecord {
                    at: r.try_get("at")?,
                    actor: r.try_get("actor")?,
                    format: r.try_get("format")?,
                    query: r.try_get("query")?,
                    stories: r.try_get("stories")?,
                })
            })
            .collect()
    }

    /// Names the API token with this hash (right after it was opened).
    pub async fn label_token(&self, token_hash: &[u8], label: &str) -> Result<()> {
        sqlx::query("UPDATE sessions SET label = ? WHERE token_hash = ? AND kind = 'api'")
            .bind(label)
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A user's live API tokens, newest first.
    pub async fn tokens_of(&self, user_id: i64) -> Result<Vec<TokenInfo>> {
        let rows = sqlx::query(
            "SELECT rowid AS id, label, created_at, expires_at FROM sessions \
             WHERE user_id = ? AND kind = 'api' AND expires_at > ? ORDER BY rowid DESC",
        )
        .bind(user_id)
        .bind(now())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(TokenInfo {
                    id: r.try_get("id")?,
                    label: r.try_get("label")?,
                    created_at: r.try_get("created_at")?,
                    expires_at: r.try_get("expires_at")?,
                })
            })
            .collect()
    }

    /// Revokes one of a user's API tokens. Returns whether there was such a token.
    pub async fn revoke_token(&self, user_id: i64, id: i64) -> Result<bool> {
        let done = sqlx::query("DELETE FROM sessions WHERE rowid = ? AND user_id = ? AND kind = 'api'")
            .bind(id)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }
}

/// A request for a journalist's account, as an admin reviews it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AccessRequest {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub outlet: String,
    pub purpose: String,
    pub created_at: String,
    /// `pending`, `granted` or `refused`.
    pub status: String,
    pub decided_by: Option<String>,
}

fn access_request(r: &sqlx::sqlite::SqliteRow) -> Result<AccessRequest> {
    Ok(AccessRequest {
        id: r.try_get("id")?,
        username: r.try_get("username")?,
        name: r.try_get("name")?,
        outlet: r.try_get("outlet")?,
        purpose: r.try_get("purpose")?,
        created_at: r.try_get("created_at")?,
        status: r.try_get("status")?,
        decided_by: r.try_get("decided_by")?,
    })
}

impl Store {
    pub async fn insert_access_request(
        &self,
        username: &str,
        password_hash: &str,
        name: &str,
        outlet: &str,
        purpose: &str,
    ) -> Result<i64> {
        let done = sqlx::query(
            "INSERT INTO access_requests (username, password_hash, name, outlet, purpose, created_at) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(username)
        .bind(password_hash)
        .bind(name)
        .bind(outlet)
        .bind(purpose)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(done.last_insert_rowid())
    }

    /// Access requests, pending first, then the newest.
    pub async fn access_requests(&self) -> Result<Vec<AccessRequest>> {
        let rows = sqlx::query(
            "SELECT id, username, name, outlet, purpose, created_at, status, decided_by FROM access_requests \
             ORDER BY status != 'pending', id DESC LIMIT 500",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(access_request).collect()
    }

    /// Decides a pending request in one transaction: granting creates the journalist's
    /// account with the password they chose; the stored hash is cleared either way.
    /// `WrongState` if the request was already decided, `Duplicate` if the username was
    /// taken meanwhile.
    pub async fn decide_access_request(&self, id: i64, grant: bool, admin: &str) -> Result<AccessRequest> {
        // Immediate: the read below and the writes after it see one state, so two admins
        // deciding at once get one success and one `WrongState`, never a busy error.
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let row = sqlx::query("SELECT username, password_hash, status FROM access_requests WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let status: String = row.try_get("status")?;
        if status != "pending" {
            return Err(StoreError::WrongState("decided"));
        }
        let username: String = row.try_get("username")?;
        let hash: String = row.try_get("password_hash")?;
        let at = now();
        if grant {
            let inserted = sqlx::query(
                "INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, 'journalist', ?)",
            )
            .bind(&username)
            .bind(&hash)
            .bind(&at)
            .execute(&mut *tx)
            .await;
            match inserted {
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                    return Err(StoreError::Duplicate(username));
                }
                other => other?,
            };
        }
        sqlx::query(
            "UPDATE access_requests SET status = ?, decided_by = ?, decided_at = ?, password_hash = '' WHERE id = ?",
        )
        .bind(if grant { "granted" } else { "refused" })
        .bind(admin)
        .bind(&at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        super::stories::audit(
            &mut tx,
            &at,
            admin,
            if grant { "grant access" } else { "refuse access" },
            None,
            &username,
        )
        .await?;
        tx.commit().await?;
        let row = sqlx::query(
            "SELECT id, username, name, outlet, purpose, created_at, status, decided_by FROM access_requests WHERE id = ?",
        )
        .bind(id)
        .fetch_one(&self.pool)
        .await?;
        access_request(&row)
    }
}
