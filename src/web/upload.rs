//! Bodies that may carry a photo. A submission comes as before (JSON to the API, a
//! URL-encoded form to the page) or as `multipart/form-data` with a `photo` file part: the
//! API then takes the story as JSON in a `story` part, the page takes its usual fields.
//! Limits are enforced while reading, so an oversized photo is refused before it is held.

use actix_multipart::Multipart;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use futures_util::StreamExt as _;
use serde::de::DeserializeOwned;

use super::{AppState, Boxed, Error, Form, Json, auth, parse_json, without_values};
use crate::media::{MAX_UPLOAD_BYTES, MediaError};

/// A body and the photo that came with it (raw bytes, not yet checked).
pub struct WithPhoto<T> {
    pub body: T,
    pub photo: Option<Vec<u8>>,
}

fn is_multipart(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("multipart/form-data"))
}

impl<T: DeserializeOwned + 'static> FromRequest for WithPhoto<T> {
    type Error = Error;
    type Future = Boxed<WithPhoto<T>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            let api = auth::is_api(&req);
            let as_page = |error: Error| if api { error } else { error.page() };
            if !is_multipart(&req) {
                return if api {
                    Json::<T>::from_request(&req, &mut payload).await.map(|Json(body)| WithPhoto { body, photo: None })
                } else {
                    Form::<T>::from_request(&req, &mut payload).await.map(|Form(body)| WithPhoto { body, photo: None })
                };
            }
            let parts = read_parts(&req, &mut payload).await.map_err(as_page)?;
            let body = if api {
                let story = parts.fields.iter().find(|(name, _)| name == "story").ok_or_else(|| {
                    Error::bad_request("missing_field", "Send the story as JSON in a part named `story`.")
                        .with_field("story")
                })?;
                parse_json(story.1.as_bytes())?
            } else {
                let encoded = serde_html_form::to_string(&parts.fields).map_err(|e| Error::internal(&e).page())?;
                serde_html_form::from_str(&encoded).map_err(|err| {
                    Error::bad_request(
                        "invalid_form",
                        format!("The form could not be read: {}", without_values(&err.to_string())),
                    )
                    .page()
                })?
            };
            Ok(WithPhoto { body, photo: parts.photo })
        })
    }
}

struct Parts {
    fields: Vec<(String, String)>,
    photo: Option<Vec<u8>>,
}

/// At most this many parts: the submit form has about twenty fields.
const MAX_PARTS: usize = 64;

/// Reads every part: text fields (names included) up to the request limit in all, at most
/// `MAX_PARTS` parts, one `photo` part up to `MAX_UPLOAD_BYTES`. An empty file part (a form
/// sent with no photo chosen) is no photo.
async fn read_parts(req: &HttpRequest, payload: &mut Payload) -> Result<Parts, Error> {
    let text_limit =
        req.app_data::<actix_web::web::Data<AppState>>().map_or(1024 * 1024, |s| s.settings.max_request_bytes);
    let unreadable = || Error::bad_request("unreadable_body", "The form could not be read: the upload is incomplete.");
    let mut multipart = Multipart::new(req.headers(), payload.take());
    let mut parts = Parts { fields: Vec::new(), photo: None };
    let mut text_bytes = 0usize;
    let mut photo_parts = 0;
    let mut count = 0;
    while let Some(field) = multipart.next().await {
        count += 1;
        if count > MAX_PARTS {
            return Err(Error::bad_request("too_many_parts", format!("A form may have at most {MAX_PARTS} parts.")));
        }
        let mut field = field.map_err(|_| unreadable())?;
        let name = field.name().unwrap_or_default().to_owned();
        let is_photo = name == "photo";
        if !is_photo {
            text_bytes += name.len();
        }
        let limit = if is_photo { MAX_UPLOAD_BYTES } else { text_limit.saturating_sub(text_bytes) };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| unreadable())?;
            if bytes.len() + chunk.len() > limit {
                return Err(if is_photo { MediaError::TooLarge.into() } else { super::Error::too_large(text_limit) });
            }
            bytes.extend_from_slice(&chunk);
        }
        if is_photo {
            photo_parts += 1;
            if photo_parts > 1 {
                return Err(Error::bad_request("too_many_photos", "A story may have one photo.").with_field("photo"));
            }
            parts.photo = Some(bytes).filter(|b| !b.is_empty());
        } else {
            if name == "story" && parts.fields.iter().any(|(n, _)| n == "story") {
                return Err(Error::bad_request("duplicate_part", "Send the story in one part named `story`.")
                    .with_field("story"));
            }
            text_bytes += bytes.len();
            let text = String::from_utf8(bytes).map_err(|_| {
                Error::bad_request("invalid_form", format!("The field `{name}` is not valid UTF-8 text."))
            })?;
            parts.fields.push((name, text));
        }
    }
    Ok(parts)
}
