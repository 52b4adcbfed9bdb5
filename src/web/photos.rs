//! Photos over HTTP: a published story's renditions for readers, and the moderator's
//! preview made on the fly from the sealed original. Neither is ever a static file.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::api::readable_story;
use super::auth::{Moderator, Viewer, is_api};
use super::{AppState, Error};
use crate::media;
use crate::store::Rendition;
use crate::story::Visibility;

const JPEG: &str = "image/jpeg";

/// A published photo, only while the story is published, readable by this viewer, and its
/// teller allows the photo. Readers' caches must ask again every time (`no-cache` with an
/// ETag; press-only photos are not stored at all), so a withdrawn photo disappears at once.
async fn serve(
    state: &AppState,
    viewer: &Viewer,
    req: &HttpRequest,
    id: &str,
    which: Rendition,
) -> Result<HttpResponse, Error> {
    let story = readable_story(state, viewer, id).await?;
    let missing = || Error::not_found("photo");
    if !story.photo {
        return Err(missing());
    }
    let (bytes, name) = state.store.photo_rendition(id, which).await?.ok_or_else(missing)?;
    let etag = format!("\"{}\"", name.trim_end_matches(".jpg"));
    // A press-only photo stays out of every cache, like the pages that show it.
    let cache = if story.visibility == Visibility::Public { "public, no-cache" } else { "private, no-store" };
    let unchanged = req.headers().get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| v == etag);
    let mut answer = if unchanged { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    answer.insert_header((header::CACHE_CONTROL, cache)).insert_header((header::ETAG, etag));
    Ok(if unchanged { answer.finish() } else { answer.content_type(JPEG).body(bytes) })
}

pub async fn story_photo(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, Error> {
    serve(&state, &viewer, &req, &id, Rendition::Display).await.map_err(Error::page)
}

pub async fn story_thumbnail(
    state: web::Data<AppState>,
    viewer: Viewer,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, Error> {
    serve(&state, &viewer, &req, &id, Rendition::Thumbnail).await.map_err(Error::page)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct PreviewQuery {
    /// Regions to blur, `left top width height` in percent, separated by `;`.
    blur: Option<String>,
}

/// What the photo would look like published with these regions blurred (staff only; never
/// cached). The same handler serves the review page and the API.
#[utoipa::path(get, path = "/api/v1/moderation/stories/{id}/photo", tag = "staff", params(PreviewQuery),
    responses((status = 200, content_type = "image/jpeg", description = "the preview"),
              (status = 400, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn photo_preview(
    state: web::Data<AppState>,
    _moderator: Moderator,
    req: HttpRequest,
    id: web::Path<String>,
    query: web::Query<PreviewQuery>,
) -> Result<HttpResponse, Error> {
    let preview = async {
        let blur = media::parse_regions(query.blur.as_deref().unwrap_or_default())?;
        let original = state.store.photo_original(&id).await?.ok_or_else(|| Error::not_found("photo"))?;
        let rendition = media::run(move || media::preview(&original, &blur)).await?;
        Ok::<_, Error>(
            HttpResponse::Ok()
                .content_type(JPEG)
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .body(rendition.bytes),
        )
    };
    preview.await.map_err(|error| if is_api(&req) { error } else { error.page() })
}
