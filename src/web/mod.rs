//! HTTP: one route table, the request extractors, and the server. Handlers extract, check
//! permission, call one domain function and shape the answer; the domain knows no HTTP.

mod api;
mod auth;
pub mod error;
pub mod i18n;
mod openapi;
mod pages;
mod photos;
pub mod templates;
pub mod throttle;
mod upload;

use std::future::Future;
use std::net::TcpListener;
use std::pin::Pin;
use std::sync::Arc;

use actix_web::dev::{Payload, ServerHandle};
use actix_web::http::header;
use actix_web::middleware::{DefaultHeaders, Logger};
use actix_web::{App, FromRequest, HttpRequest, HttpResponse, HttpServer, web};
use serde::de::DeserializeOwned;

use crate::config::Settings;
use crate::search::SearchIndex;
use crate::store::Store;
use crate::story::receipt::Pepper;
pub use error::Error;

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub settings: Arc<Settings>,
    pub store: Store,
    pub index: SearchIndex,
    pub pepper: Pepper,
    /// Guesses at receipt codes: per receipt, and failures overall.
    pub receipts: Arc<throttle::Throttle>,
    /// Guesses at staff passwords: per username, and failures overall.
    pub logins: Arc<throttle::Throttle>,
}

impl AppState {
    pub fn new(settings: Settings, store: Store, index: SearchIndex, pepper: Pepper) -> AppState {
        use std::time::Duration;
        AppState {
            settings: Arc::new(settings),
            store,
            index,
            pepper,
            receipts: Arc::new(throttle::Throttle::new(10, 300, Duration::from_secs(600))),
            logins: Arc::new(throttle::Throttle::new(10, 100, Duration::from_secs(900))),
        }
    }

    /// The story a receipt opens, counting the attempt.
    pub(crate) async fn open_receipt(&self, code: &str) -> Result<Option<crate::store::ReceiptView>, Error> {
        self.receipts.attempt(&self.pepper.hash(code.trim()))?;
        let found = crate::story::submit::check_receipt(&self.store, &self.pepper, code).await?;
        if found.is_none() {
            self.receipts.failed();
        }
        Ok(found)
    }

    /// Withdraws the story a receipt opens, counting the attempt.
    pub(crate) async fn withdraw_by_receipt(&self, code: &str) -> Result<Option<i64>, Error> {
        self.receipts.attempt(&self.pepper.hash(code.trim()))?;
        let seq = crate::story::submit::withdraw(&self.store, &self.pepper, code).await?;
        if seq.is_none() {
            self.receipts.failed();
        }
        Ok(seq)
    }

    /// Checks a staff password, counting the attempt.
    pub(crate) async fn login(
        &self,
        username: &str,
        password: &str,
        kind: crate::store::SessionKind,
    ) -> Result<crate::accounts::NewSession, Error> {
        self.logins.attempt(username.as_bytes())?;
        crate::accounts::login(&self.store, username, password, kind).await.map_err(|error| {
            if matches!(error, crate::accounts::AccountError::BadCredentials) {
                self.logins.failed();
            }
            Error::from(error)
        })
    }
}

/// The route table of the whole archive.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .service(api_route("/stories").route(web::post().to(api::submit_story)))
            .service(api_route("/stories/{id}").route(web::get().to(api::get_story)))
            .service(api_route("/search").route(web::get().to(api::search_stories)))
            .service(api_route("/consent").route(web::get().to(api::get_consent)))
            .service(api_route("/themes").route(web::get().to(api::list_themes)))
            .service(api_route("/receipts/status").route(web::post().to(api::receipt_status)))
            .service(api_route("/receipts/withdraw").route(web::post().to(api::withdraw_story)))
            .service(api_route("/receipts/consent").route(web::post().to(api::change_consent)))
            .service(api_route("/receipts/export").route(web::post().to(api::export_my_story)))
            .service(api_route("/receipts/edit").route(web::post().to(api::edit_my_story)))
            .service(api_route("/receipts/contact").route(web::post().to(api::answer_contact_request)))
            .service(api_route("/stories/{id}/contact").route(web::post().to(api::request_contact)))
            .service(api_route("/contact-requests").route(web::get().to(api::my_contact_requests)))
            .service(api_route("/moderation/contact-requests").route(web::get().to(api::pending_contact_requests)))
            .service(api_route("/moderation/contact-requests/{id}").route(web::post().to(api::decide_contact_request)))
            .service(
                api_route("/session")
                    .route(web::post().to(api::create_session))
                    .route(web::delete().to(api::delete_session)),
            )
            .service(api_route("/moderation/queue").route(web::get().to(api::moderation_queue)))
            .service(api_route("/moderation/stories/{id}").route(web::get().to(api::review_story)))
            .service(api_route("/moderation/stories/{id}/photo").route(web::get().to(photos::photo_preview)))
            .service(api_route("/moderation/stories/{id}/decision").route(web::post().to(api::decide_story)))
            .service(api_route("/moderation/stories/{id}/unpublish").route(web::post().to(api::unpublish_story)))
            .service(api_route("/export.csv").route(web::get().to(api::export_csv_file)))
            .service(api_route("/export.json").route(web::get().to(api::export_json_file)))
            .service(api_route("/admin/exports").route(web::get().to(api::export_log)))
            .service(api_route("/join").route(web::post().to(api::request_access)))
            .service(api_route("/admin/access-requests").route(web::get().to(api::access_requests)))
            .service(api_route("/admin/access-requests/{id}").route(web::post().to(api::decide_access)))
            .service(
                api_route("/tokens").route(web::get().to(api::list_tokens)).route(web::post().to(api::create_token)),
            )
            .service(api_route("/tokens/{id}").route(web::delete().to(api::revoke_token)))
            .service(api_route("/terminology").route(web::get().to(api::terminology_guide)))
            .service(api_route("/terminology/check").route(web::post().to(api::check_terminology)))
            .service(api_route("/openapi.json").route(web::get().to(openapi::openapi_json)))
            .default_service(web::to(api::not_found)),
    )
    .service(page_route("/").route(web::get().to(pages::home)))
    .service(page_route("/submit").route(web::get().to(pages::submit_form)).route(web::post().to(pages::submit_story)))
    .service(
        page_route("/receipt").route(web::get().to(pages::receipt_form)).route(web::post().to(pages::check_receipt)),
    )
    .service(page_route("/receipt/withdraw").route(web::post().to(pages::withdraw_story)))
    .service(page_route("/receipt/consent").route(web::post().to(pages::change_consent)))
    .service(page_route("/receipt/export").route(web::post().to(pages::export_my_story)))
    .service(page_route("/receipt/edit").route(web::post().to(pages::edit_story)))
    .service(page_route("/receipt/contact").route(web::post().to(pages::answer_contact_request)))
    .service(page_route("/stories/{id}/contact").route(web::post().to(pages::request_contact)))
    .service(page_route("/moderate/contact/{id}").route(web::post().to(pages::decide_contact_request)))
    .service(page_route("/search").route(web::get().to(pages::search)))
    .service(page_route("/stories/{id}").route(web::get().to(pages::story)))
    .service(page_route("/search/export.csv").route(web::get().to(api::export_csv_file)))
    .service(page_route("/search/export.json").route(web::get().to(api::export_json_file)))
    .service(page_route("/account").route(web::get().to(pages::account)))
    .service(page_route("/account/tokens").route(web::post().to(pages::create_token)))
    .service(page_route("/account/tokens/{id}/revoke").route(web::post().to(pages::revoke_token)))
    .service(page_route("/admin").route(web::get().to(pages::admin)))
    .service(page_route("/admin/access-requests/{id}").route(web::post().to(pages::decide_access)))
    .service(page_route("/join").route(web::get().to(pages::join_form)).route(web::post().to(pages::join)))
    .service(page_route("/guide").route(web::get().to(pages::guide)).route(web::post().to(pages::check_guide)))
    .service(page_route("/stories/{id}/photo").route(web::get().to(photos::story_photo)))
    .service(page_route("/stories/{id}/photo/thumbnail").route(web::get().to(photos::story_thumbnail)))
    .service(page_route("/login").route(web::get().to(pages::login_form)).route(web::post().to(pages::login)))
    .service(page_route("/logout").route(web::post().to(pages::logout)))
    .service(page_route("/moderate").route(web::get().to(pages::moderation_queue)))
    .service(
        page_route("/moderate/{id}")
            .route(web::get().to(pages::review_story))
            .route(web::post().to(pages::decide_story)),
    )
    .service(page_route("/moderate/{id}/photo").route(web::get().to(photos::photo_preview)))
    .service(page_route("/moderate/{id}/unpublish").route(web::post().to(pages::unpublish_story)))
    .service(page_route("/static/{name}").route(web::get().to(pages::static_file)))
    .default_service(web::to(pages::not_found));
}

fn method_not_allowed() -> Error {
    Error::new(
        actix_web::http::StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "This address does not take that method.",
    )
}

/// An API path; other methods answer 405 in the error JSON.
fn api_route(path: &str) -> actix_web::Resource {
    web::resource(path).default_service(web::to(|| async { Err::<HttpResponse, _>(method_not_allowed()) }))
}

/// A page path; other methods answer 405 with the error page.
fn page_route(path: &str) -> actix_web::Resource {
    web::resource(path).default_service(web::to(|| async { Err::<HttpResponse, _>(method_not_allowed().page()) }))
}

/// The content security policy, with the scripts a page may run.
macro_rules! content_security_policy {
    ($scripts:literal) => {
        concat!(
            "default-src 'self'; script-src ",
            $scripts,
            "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
    };
}

/// Every page but one runs no script at all.
const CONTENT_SECURITY_POLICY: &str = content_security_policy!("'none'");
/// The moderator's review page may run the archive's own `review.js`, and nothing else.
pub(crate) const REVIEW_SECURITY_POLICY: &str = content_security_policy!("'self'");

/// Headers every answer carries: no third-party anything, no framing, no sniffing, no
/// referrer leaving the archive. A response that sets its own policy keeps it.
fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((header::REFERRER_POLICY, "no-referrer"))
        .add((
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        ))
}

fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, req| {
        let error = Error::bad_request("invalid_query_string", format!("The address could not be read: {err}"));
        if auth::is_api(req) { error.into() } else { error.page().into() }
    })
}

/// A running server; `stop` shuts it down and releases the index writer.
pub struct Running {
    handle: ServerHandle,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl Running {
    /// Waits until the server stops (on a signal, or `stop` from elsewhere).
    pub async fn wait(self) -> anyhow::Result<()> {
        self.task.await?
    }

    /// Stops accepting requests, finishes those in flight and shuts everything down.
    pub async fn stop(self) -> anyhow::Result<()> {
        self.handle.stop(true).await;
        self.wait().await
    }
}

/// Serves the archive on an already bound listener (port 0 in tests).
pub async fn run(settings: Settings, listener: TcpListener) -> anyhow::Result<Running> {
    let archive = crate::Archive::open(settings).await?;
    let state = web::Data::new(archive.state.clone());
    let limit = archive.state.settings.max_request_bytes;
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(8);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(web::PayloadConfig::new(limit))
            .app_data(query_config())
            // Method, path and status only: no IP address, user agent or query string.
            .wrap(actix_web::middleware::from_fn(i18n::middleware))
            .wrap(Logger::new("%s %U %Dms").exclude_regex("^/static/").log_target("passage::http"))
            .wrap(security_headers())
            .configure(routes)
    })
    .workers(workers)
    .listen(listener)?
    .run();
    let handle = server.handle();
    let task = tokio::spawn(async move {
        let served = server.await;
        archive.close().await;
        Ok(served?)
    });
    Ok(Running { handle, task })
}

/// Reads a request body up to the configured limit.
async fn body_bytes(req: &HttpRequest, payload: &mut Payload) -> Result<web::Bytes, Error> {
    let limit = req.app_data::<web::Data<AppState>>().map_or(1024 * 1024, |s| s.settings.max_request_bytes);
    web::Bytes::from_request(req, payload).await.map_err(|err| {
        if err.as_response_error().status_code() == actix_web::http::StatusCode::PAYLOAD_TOO_LARGE {
            Error::too_large(limit)
        } else {
            Error::bad_request("unreadable_body", "The request body could not be read.")
        }
    })
}

type Boxed<T> = Pin<Box<dyn Future<Output = Result<T, Error>>>>;

/// A JSON body. Errors name the field at fault and never echo the values sent.
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = Error;
    type Future = Boxed<Json<T>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            let is_json = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| {
                v.split(';').next().is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
            });
            if !is_json {
                return Err(Error::new(
                    actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "Send the body as JSON with Content-Type: application/json.",
                ));
            }
            let bytes = body_bytes(&req, &mut payload).await?;
            parse_json(&bytes).map(Json)
        })
    }
}

pub(crate) fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let message = without_values(&inner.to_string());
        if inner.is_data() {
            let field = match missing_field(&message) {
                Some(missing) if path == "." => missing.to_owned(),
                Some(missing) => format!("{path}.{missing}"),
                None => path,
            };
            let code = if message.starts_with("missing field") { "missing_field" } else { "invalid_field" };
            Error::bad_request(code, format!("{field}: {message}")).with_field(field)
        } else {
            Error::bad_request("invalid_json", format!("The body is not valid JSON: {message}"))
        }
    })
}

fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

/// serde's messages quote the offending value (`invalid type: string "…"`); a value may be
/// story text, so it never goes back out in an error.
fn without_values(message: &str) -> String {
    static QUOTED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"string "(?:[^"\\]|\\.)*"|unknown variant `[^`]*`"#).expect("valid pattern")
    });
    QUOTED
        .replace_all(message, |caps: &regex::Captures<'_>| {
            if caps[0].starts_with("string") { "a string".to_owned() } else { "unknown value".to_owned() }
        })
        .into_owned()
}

/// A URL-encoded form (checkbox lists allowed). Errors come back as a page.
pub struct Form<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Form<T> {
    type Error = Error;
    type Future = Boxed<Form<T>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            let bytes = body_bytes(&req, &mut payload).await.map_err(Error::page)?;
            serde_html_form::from_bytes(&bytes).map(Form).map_err(|err| {
                Error::bad_request(
                    "invalid_form",
                    format!("The form could not be read: {}", without_values(&err.to_string())),
                )
                .page()
            })
        })
    }
}

/// A page that shows a receipt or unpublished text: never cached anywhere.
pub(crate) fn private_html(page: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(header::ContentType::html())
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_name_the_field_and_hide_the_value() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Inner {
            year: i32,
            kind: Kind,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "lowercase")]
        enum Kind {
            Public,
        }
        let err = parse_json::<Inner>(br#"{"year": "Karim Haddad", "kind": "public"}"#).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("year"));
        assert!(!err.message.contains("Karim"), "{}", err.message);
        let err = parse_json::<Inner>(br#"{"year": 1, "kind": "Karim"}"#).unwrap_err();
        assert!(!err.message.contains("Karim"), "{}", err.message);
        let err = parse_json::<Inner>(br#"{"kind": "public"}"#).unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), ("missing_field", Some("year")));
        let err = parse_json::<Inner>(br#"{"year": 1,"#).unwrap_err();
        assert_eq!(err.code, "invalid_json");
    }
}
