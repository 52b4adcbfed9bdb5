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
