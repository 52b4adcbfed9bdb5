//! Staff and journalist accounts: argon2id passwords, sessions for the pages (cookie + CSRF
//! token) and bearer tokens for the API. Tokens are random and stored only as hashes.

use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, PasswordHash};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::store::{Role, SessionKind, SessionUser, Store, StoreError, User};

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("wrong username or password")]
    BadCredentials,
    #[error("the password must have at least {0} characters")]
    WeakPassword(usize),
    #[error("a username has 1 to 64 letters, digits, dots, dashes or underscores")]
    BadUsername,
    #[error("{field}: {message}")]
    BadField { field: &'static str, message: String },
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("the OS random source failed: {0}")]
    Random(#[from] getrandom::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub const MIN_PASSWORD_CHARS: usize = 10;
const COOKIE_SESSION_HOURS: i64 = 12;
const API_TOKEN_DAYS: i64 = 30;

/// A freshly opened session: the token goes to the client once; only its hash is stored.
pub struct NewSession {
    pub token: String,
    pub csrf: String,
    pub user: User,
}

/// 256 random bits, hex-encoded.
pub fn random_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(hex::encode(bytes))
}

pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

fn valid_username(name: &str) -> bool {
    (1..=64).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// Creates an account with an argon2id password hash.
pub async fn add_user(store: &Store, username: &str, password: &str, role: Role) -> Result<User, AccountError> {
    if !valid_username(username) {
        return Err(AccountError::BadUsername);
    }
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::WeakPassword(MIN_PASSWORD_CHARS));
    }
    let password = password.to_owned();
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| AccountError::Hash(e.to_string()))??;
    Ok(store.insert_user(username, &hash, role).await?)
}

fn hash_password(password: &str) -> Result<String, AccountError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt)?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AccountError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

/// What someone asking for a journalist's account sends (`/join`).
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinForm {
    /// Their own name.
    #[serde(default)]
    pub name: String,
    /// Newsroom, university or organisation.
    #[serde(default)]
    pub outlet: String,
    /// What they want to use the archive for.
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub password: String,
}

/// Records a request for a journalist's account. Nothing can be done with it until an
/// admin grants it.
pub async fn request_access(store: &Store, form: &JoinForm) -> Result<i64, AccountError> {
    let text = |field: &'static str, value: &str, max: usize| {
        let value = value.trim();
        if value.is_empty() {
            return Err(AccountError::BadField { field, message: "this is needed".into() });
        }
        if value.chars().count() > max {
            return Err(AccountError::BadField { field, message: format!("at most {max} characters") });
        }
        Ok(value.to_owned())
    };
    let name = text("name", &form.name, 200)?;
    let outlet = text("outlet", &form.outlet, 200)?;
    let purpose = text("purpose", &form.purpose, 2000)?;
    let username = form.username.trim();
    if !valid_username(username) {
        return Err(AccountError::BadUsername);
    }
    if form.password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::WeakPassword(MIN_PASSWORD_CHARS));
    }
    // Whether the username is free is not said here, so nobody can probe for the names of
    // staff accounts; a taken one is caught when an admin grants the request.
    let password = form.password.clone();
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| AccountError::Hash(e.to_string()))??;
    Ok(store.insert_access_request(username, &hash, &name, &outlet, &purpose).await?)
}

/// A hash to verify against when the user does not exist, so timing does not tell.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0jJ9nR4I1tq3Pq8m1c9m7Q0c2wQ7b2n8yQeS2k1m3a0";

/// Checks a username and password and opens a session of `kind`.
#[tracing::instrument(skip(store, password))]
pub async fn login(
    store: &Store,
    username: &str,
    password: &str,
    kind: SessionKind,
) -> Result<NewSession, AccountError> {
    let user = match verify(store, username, password).await? {
        Some(user) => user,
        None => return Err(AccountError::BadCredentials),
    };
    let session = open_session(store, user, kind).await?;
    store.audit(&session.user.username, "login", None, kind_label(kind)).await?;
    Ok(session)
}

/// The user, if `password` is theirs. Takes as long for an unknown user as for a known one.
async fn verify(store: &Store, username: &str, password: &str) -> Result<Option<User>, AccountError> {
    let found = store.user_with_password(username).await?;
    let hash = found.as_ref().map_or(DUMMY_HASH.to_owned(), |(_, hash)| hash.clone());
    let password = password.to_owned();
    let verified = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    })
    .await
    .map_err(|e| AccountError::Hash(e.to_string()))?;
    Ok(found.filter(|_| verified).map(|(user, _)| user))
}

/// Whether `password` is the password of `username` (before making a new credential).
pub async fn password_matches(store: &Store, username: &str, password: &str) -> Result<bool, AccountError> {
    Ok(verify(store, username, password).await?.is_some())
}

async fn open_session(store: &Store, user: User, kind: SessionKind) -> Result<NewSession, AccountError> {
    let token = random_token()?;
    let csrf = random_token()?;
    let lifetime = match kind {
        SessionKind::Cookie => time::Duration::hours(COOKIE_SESSION_HOURS),
        SessionKind::Api => time::Duration::days(API_TOKEN_DAYS),
    };
    let expires = crate::store::timestamp(OffsetDateTime::now_utc() + lifetime);
    store.insert_session(&token_hash(&token), user.id, kind, &csrf, &expires).await?;
    Ok(NewSession { token, csrf, user })
}

/// The longest name of an API token.
pub const MAX_TOKEN_LABEL_CHARS: usize = 80;

/// A new API token for a user who is already signed in, with a name of their choice. The
/// token is shown once; only its hash is kept.
pub async fn create_token(store: &Store, user: &User, label: &str) -> Result<NewSession, AccountError> {
    let session = open_session(store, user.clone(), SessionKind::Api).await?;
    store.label_token(&token_hash(&session.token), label).await?;
    store.audit(&user.username, "create token", None, "").await?;
    Ok(session)
}

/// Revokes one of the user's API tokens; `false` if they have no token with this id.
pub async fn revoke_token(store: &Store, user: &User, id: i64) -> Result<bool, AccountError> {
    let revoked = store.revoke_token(user.id, id).await?;
    if revoked {
        store.audit(&user.username, "revoke token", None, "").await?;
    }
    Ok(revoked)
}

fn kind_label(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Cookie => "page session",
        SessionKind::Api => "api token",
    }
}

/// The session a token belongs to, if it is live.
pub async fn session(store: &Store, token: &str, kind: SessionKind) -> Result<Option<SessionUser>, AccountError> {
    Ok(store.session(&token_hash(token), kind).await?)
}

pub async fn logout(store: &Store, token: &str, username: &str) -> Result<(), AccountError> {
    store.delete_session(&token_hash(token)).await?;
    store.audit(username, "logout", None, "").await?;
    Ok(())
}

/// Compares two secrets in time independent of where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_store;

    #[tokio::test]
    async fn login_opens_a_session_and_wrong_passwords_do_not() {
        let (store, _dir) = test_store().await;
        add_user(&store, "mira", "a long enough password", Role::Moderator).await.unwrap();
        assert!(matches!(
            login(&store, "mira", "wrong password!", SessionKind::Cookie).await,
            Err(AccountError::BadCredentials)
        ));
        assert!(matches!(
            login(&store, "nobody", "a long enough password", SessionKind::Cookie).await,
            Err(AccountError::BadCredentials)
        ));
        let opened = login(&store, "mira", "a long enough password", SessionKind::Cookie).await.unwrap();
        let live = session(&store, &opened.token, SessionKind::Cookie).await.unwrap().unwrap();
        assert_eq!(live.user.role, Role::Moderator);
        assert!(session(&store, &opened.token, SessionKind::Api).await.unwrap().is_none());
        logout(&store, &opened.token, "mira").await.unwrap();
        assert!(session(&store, &opened.token, SessionKind::Cookie).await.unwrap().is_none());
    }

    #[tokio::test]
    async fn weak_passwords_and_odd_names_are_refused() {
        let (store, _dir) = test_store().await;
        assert!(matches!(add_user(&store, "mira", "short", Role::Admin).await, Err(AccountError::WeakPassword(_))));
        assert!(matches!(
            add_user(&store, "mi ra", "long enough pw", Role::Admin).await,
            Err(AccountError::BadUsername)
        ));
    }

    #[test]
    fn secrets_compare() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }
}
