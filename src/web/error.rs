//! The one place where every error becomes an HTTP answer: a status, a stable snake_case
//! code and a message that says what is wrong. API errors are JSON
//! (`{"error": {"code", "message", "field"?}}`); page errors are a friendly HTML page.
//! Internal errors say nothing of their cause outward; the cause goes to the log, which
//! never holds story text, receipts or personal data.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentType};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::accounts::AccountError;
use crate::media::MediaError;
use crate::moderation::{ModerationError, OpenFlag};
use crate::search::SearchError;
use crate::store::StoreError;
use crate::story::FieldError;
use crate::story::submit::SubmitError;

#[derive(Debug, Clone)]
pub struct Error {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub field: Option<String>,
    /// The flagged details still waiting for a moderator's decision (`open_flags`).
    pub flags: Vec<OpenFlag>,
    /// Answer with an HTML page rather than JSON.
    pub html: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// With `open_flags`: each flagged detail that needs a decision (no text, only where).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<OpenFlag>,
}

impl Error {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Error {
        Error { status, code, message: message.into(), field: None, flags: Vec::new(), html: false }
    }

    pub fn with_flags(mut self, flags: Vec<OpenFlag>) -> Error {
        self.flags = flags;
        self
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Error {
        self.field = Some(field.into());
        self
    }

    /// The same error, answered as a page.
    pub fn page(mut self) -> Error {
        self.html = true;
        self
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Error {
        Error::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn not_found(what: &str) -> Error {
        Error::new(StatusCode::NOT_FOUND, "not_found", format!("There is no {what} here."))
    }

    pub fn unauthorized() -> Error {
        Error::new(StatusCode::UNAUTHORIZED, "unauthorized", "Please log in (send a valid bearer token).")
    }

    pub fn forbidden() -> Error {
        Error::new(StatusCode::FORBIDDEN, "forbidden", "Your account may not do this.")
    }

    pub fn csrf() -> Error {
        Error::new(
            StatusCode::FORBIDDEN,
            "csrf_token_invalid",
            "This form has expired or did not come from Passage. Go back, reload the page and try again.",
        )
    }

    pub fn too_large(limit: usize) -> Error {
        Error::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            format!("The request is larger than the {} KB Passage accepts.", limit / 1024),
        )
    }

    /// An error whose cause must stay out of the answer. `cause` goes to the log only.
    pub fn internal(cause: &dyn std::fmt::Display) -> Error {
        tracing::error!(%cause, "internal error");
        Error::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Something went wrong on our side. Nothing you sent was lost; please try again.",
        )
    }

    /// The kind of error, naming the page's title in the catalogues (`error-title-…`).
    fn title(&self) -> &'static str {
        match self.status {
            StatusCode::NOT_FOUND => "not-found",
            StatusCode::GONE => "gone",
            StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED => "not-allowed",
            StatusCode::PAYLOAD_TOO_LARGE => "too-large",
            StatusCode::TOO_MANY_REQUESTS => "please-wait",
            s if s.is_server_error() => "server",
            _ => "did-not-work",
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.message)
    }
}

impl ResponseError for Error {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        if self.html {
            if self.status == StatusCode::UNAUTHORIZED {
                return HttpResponse::SeeOther().insert_header((header::LOCATION, "/login")).finish();
            }
            let page = super::templates::render_error(self.status.as_u16(), self.title(), self.code, &self.message);
            return HttpResponse::build(self.status)
                .content_type(ContentType::html())
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .body(page);
        }
        HttpResponse::build(self.status).json(ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message: self.message.clone(),
                field: self.field.clone(),
                flags: self.flags.clone(),
            },
        })
    }
}

impl From<FieldError> for Error {
    fn from(error: FieldError) -> Error {
        let status =
            if error.code == "consent_version_outdated" { StatusCode::CONFLICT } else { StatusCode::BAD_REQUEST };
        Error::new(status, error.code, error.message).with_field(error.field)
    }
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Error {
        match error {
            StoreError::NotFound => Error::not_found("story"),
            StoreError::WrongState("unpublished") => {
                Error::new(StatusCode::GONE, "gone", "This story is no longer published.")
            }
            StoreError::WrongState("withdrawn") => {
                Error::new(StatusCode::GONE, "gone", "This story was withdrawn by the person who told it.")
            }
            StoreError::WrongState("edited") => Error::new(
                StatusCode::CONFLICT,
                "edited",
                "The storyteller changed the story while it was being decided; review the new version.",
            ),
            StoreError::WrongState(state) => Error::new(
                StatusCode::CONFLICT,
                "wrong_state",
                format!("The story is {state}, so this cannot be done."),
            ),
            StoreError::Duplicate(_) => Error::new(StatusCode::CONFLICT, "duplicate", error.to_string()),
            other => Error::internal(&other),
        }
    }
}

impl From<SearchError> for Error {
    fn from(error: SearchError) -> Error {
        match error {
            SearchError::Query(e) => Error::bad_request("invalid_query", e.to_string()).with_field("q"),
            SearchError::NothingToSearch => Error::bad_request("invalid_query", error.to_string()).with_field("q"),
            SearchError::BadFilter { field, message } => {
                Error::bad_request("invalid_filter", message).with_field(field)
            }
            SearchError::YearsReversed { .. } => {
                Error::bad_request("invalid_filter", error.to_string()).with_field("year_from")
            }
            SearchError::TooDeep => Error::bad_request("invalid_filter", error.to_string()).with_field("page"),
            other => Error::internal(&other),
        }
    }
}

impl From<SubmitError> for Error {
    fn from(error: SubmitError) -> Error {
        match error {
            SubmitError::Invalid(mut errors) if !errors.is_empty() => errors.swap_remove(0).into(),
            SubmitError::Invalid(_) => Error::bad_request("invalid", "The submission is not valid."),
            SubmitError::Store(e) => e.into(),
            other => Error::internal(&other),
        }
    }
}

impl From<ModerationError> for Error {
    fn from(error: ModerationError) -> Error {
        match error {
            ModerationError::Span(e) => Error::bad_request("invalid_redaction", e.to_string()).with_field("redactions"),
            ModerationError::ReasonRequired | ModerationError::ReasonTooLong(_) => {
                Error::bad_request("invalid_reason", error.to_string()).with_field("reason")
            }
            ModerationError::LeakDetected => Error::new(StatusCode::CONFLICT, "private_detail_left", error.to_string()),
            ModerationError::RawGone => Error::new(StatusCode::CONFLICT, "text_gone", error.to_string()),
            ModerationError::Edited => Error::new(StatusCode::CONFLICT, "edited", error.to_string()),
            ModerationError::SameModerator => {
                Error::new(StatusCode::CONFLICT, "second_moderator_needed", error.to_string())
            }
            ModerationError::OpenFlags(ref flags) => {
                let flags = flags.clone();
                Error::new(StatusCode::CONFLICT, "open_flags", error.to_string()).with_flags(flags)
            }
            ModerationError::Widen(_) => Error::bad_request("invalid_widening", error.to_string()),
            ModerationError::Photo(e) => e.into(),
            ModerationError::Store(e) => e.into(),
        }
    }
}

impl From<MediaError> for Error {
    fn from(error: MediaError) -> Error {
        let message = error.to_string();
        let message = match message.chars().next() {
            Some(first) => format!("{}{}.", first.to_uppercase(), &message[first.len_utf8()..]),
            None => message,
        };
        let error = match error {
            MediaError::TooLarge => Error::new(StatusCode::PAYLOAD_TOO_LARGE, "photo_too_large", message),
            MediaError::Unsupported => Error::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_photo", message),
            MediaError::TooManyPixels => Error::new(StatusCode::UNPROCESSABLE_ENTITY, "photo_too_many_pixels", message),
            MediaError::Damaged => Error::new(StatusCode::UNPROCESSABLE_ENTITY, "damaged_photo", message),
            MediaError::BadRegion(_) => return Error::bad_request("invalid_blur", message).with_field("blur"),
            other => return Error::internal(&other),
        };
        error.with_field("photo")
    }
}

impl From<AccountError> for Error {
    fn from(error: AccountError) -> Error {
        match error {
            AccountError::BadCredentials => {
                Error::new(StatusCode::UNAUTHORIZED, "bad_credentials", "Wrong username or password.")
            }
            AccountError::BadUsername => Error::bad_request(
                "bad_username",
                "A username has 1 to 64 letters, digits, dots, dashes or underscores.",
            )
            .with_field("username"),
            AccountError::WeakPassword(min) => {
                Error::bad_request("weak_password", format!("The password needs at least {min} characters."))
                    .with_field("password")
            }
            AccountError::BadField { field, message } => {
                let mut chars = message.chars();
                let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
                let message = format!("{first}{}.", chars.as_str());
                Error::bad_request("invalid_field", message).with_field(field)
            }
            AccountError::Store(e) => e.into(),
            other => Error::internal(&other),
        }
    }
}

impl From<minijinja::Error> for Error {
    fn from(error: minijinja::Error) -> Error {
        Error::internal(&error)
    }
}
