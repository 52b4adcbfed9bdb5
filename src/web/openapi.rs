//! The OpenAPI document of the whole API, generated from the handlers and types.

use actix_web::HttpResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::api;

#[derive(OpenApi)]
#[openapi(
    info(title = "Passage API", description = "A consent-first archive of migrant stories."),
    paths(
        api::submit_story,
        api::get_story,
        api::search_stories,
        api::get_consent,
        api::list_themes,
        api::receipt_status,
        api::withdraw_story,
        api::change_consent,
        api::export_my_story,
        api::edit_my_story,
        api::terminology_guide,
        api::export_csv_file,
        api::export_json_file,
        api::export_log,
        api::request_contact,
        api::my_contact_requests,
        api::pending_contact_requests,
        api::decide_contact_request,
        api::answer_contact_request,
        api::request_access,
        api::access_requests,
        api::decide_access,
        api::create_token,
        api::list_tokens,
        api::revoke_token,
        api::check_terminology,
        api::create_session,
        api::delete_session,
        api::moderation_queue,
        api::review_story,
        api::decide_story,
        api::unpublish_story,
        super::photos::photo_preview,
    ),
    components(schemas(super::error::ErrorBody, api::StoryStatusView)),
    modifiers(&BearerAuth),
    tags(
        (name = "storyteller", description = "Submit a story and follow it with the receipt."),
        (name = "reader", description = "Search and read published stories."),
        (name = "staff", description = "Sessions and moderation."),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
    }
}

pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
