//! Who is asking. The API reads a bearer token; the pages read the session cookie (and check
//! a CSRF token on every staff form). Permissions are extractor types, so a handler that
//! needs a moderator cannot forget to ask for one.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};

use super::AppState;
use super::error::Error;
use crate::accounts;
use crate::search::Audience;
use crate::store::{Role, SessionKind, SessionUser};

pub const SESSION_COOKIE: &str = "passage_session";

/// Whether a request is answered with pages (cookie sessions) or JSON (bearer tokens).
pub fn is_api(req: &HttpRequest) -> bool {
    req.path().starts_with("/api/")
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_owned())
}

async fn session_of(req: HttpRequest) -> Result<Option<SessionUser>, Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned().ok_or_else(|| Error::internal(&"no app state"))?;
    if is_api(&req) {
        let Some(token) = bearer(&req) else { return Ok(None) };
        match accounts::session(&state.store, &token, SessionKind::Api).await? {
            Some(session) => Ok(Some(session)),
            None => Err(Error::unauthorized()),
        }
    } else {
        let Some(cookie) = req.cookie(SESSION_COOKIE) else { return Ok(None) };
        Ok(accounts::session(&state.store, cookie.value(), SessionKind::Cookie)
            .await
            .map_err(|e| Error::from(e).page())?)
    }
}

/// Anyone; `Some` when logged in.
#[derive(Debug, Clone)]
pub struct Viewer(pub Option<SessionUser>);

impl Viewer {
    pub fn session(&self) -> Option<&SessionUser> {
        self.0.as_ref()
    }

    /// What this viewer may find in search and read.
    pub fn audience(&self) -> Audience {
        match &self.0 {
            Some(_) => Audience::Press,
            None => Audience::Public,
        }
    }
}

type Boxed<T> = Pin<Box<dyn Future<Output = Result<T, Error>>>>;

fn mark(req: &HttpRequest, error: Error) -> Error {
    if is_api(req) { error } else { error.page() }
}

impl FromRequest for Viewer {
    type Error = Error;
    type Future = Boxed<Viewer>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let session = session_of(req.clone()).await.map_err(|e| mark(&req, e))?;
            Ok(Viewer(session))
        })
    }
}

async fn require(req: HttpRequest, allowed: &'static [Role]) -> Result<SessionUser, Error> {
    let session = session_of(req.clone()).await.map_err(|e| mark(&req, e))?;
    match session {
        None => Err(mark(&req, Error::unauthorized())),
        Some(session) if allowed.contains(&session.user.role) => Ok(session),
        Some(_) => Err(mark(&req, Error::forbidden())),
    }
}

macro_rules! role_extractor {
    ($(#[$doc:meta])* $name:ident, $roles:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(pub SessionUser);

        impl FromRequest for $name {
            type Error = Error;
            type Future = Boxed<$name>;

            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                let req = req.clone();
                Box::pin(async move { require(req, $roles).await.map($name) })
            }
        }

        impl $name {
            /// Checks the CSRF token of a page form (bearer-token calls carry none).
            pub fn check_csrf(&self, token: &str) -> Result<(), Error> {
                check_csrf(&self.0, token)
            }
        }
    };
}

role_extractor!(
    /// A moderator or an admin.
    Moderator,
    &[Role::Moderator, Role::Admin]
);
role_extractor!(
    /// An admin.
    Admin,
    &[Role::Admin]
);
role_extractor!(
    /// Any logged-in account.
    Staff,
    &[Role::Moderator, Role::Journalist, Role::Admin]
);

fn check_csrf(session: &SessionUser, token: &str) -> Result<(), Error> {
    if session.kind == SessionKind::Api || accounts::same_secret(&session.csrf, token) {
        Ok(())
    } else {
        Err(Error::csrf().page())
    }
}
