//! The JSON API (`/api/v1`), for storytellers' apps, journalists' tools and staff.

use std::collections::BTreeMap;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::auth::{Admin, Moderator, Staff, Viewer};
use super::upload::WithPhoto;
use super::{AppState, Error, Json};
use crate::accounts;
use crate::media::{self, Region};
use crate::moderation::{self, Choice, Publication, Redaction, Suggestion};
use crate::redaction::Rules;
use crate::search::{SearchRequest, SearchResults};
use crate::store::SessionKind;
use crate::story::consent::{self, ConsentText};
use crate::story::submit;
use crate::story::vocabulary::{self, THEMES, Theme};
use crate::story::{Consent, PublishedStory, Status, StoryRecord, SubmissionForm, Visibility};

/// The answer to a submission. The receipt is shown this once and never stored.
#[derive(Serialize, ToSchema)]
pub struct SubmittedView {
    pub id: String,
    pub receipt: String,
    pub status: Status,
}

/// Submit a story: as JSON, or as `multipart/form-data` with the story as JSON in a part
/// named `story` and one photo (JPEG, PNG or WebP, at most 10 MB) in a part named `photo`.
#[utoipa::path(post, path = "/api/v1/stories", tag = "storyteller", request_body = SubmissionForm,
    responses((status = 201, body = SubmittedView), (status = 400, body = super::error::ErrorBody),
              (status = 409, description = "consent text outdated", body = super::error::ErrorBody),
              (status = 413, body = super::error::ErrorBody),
              (status = 415, description = "not JSON, or a photo that is not JPEG, PNG or WebP", body = super::error::ErrorBody),
              (status = 422, description = "a damaged photo, or one with too many pixels", body = super::error::ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn submit_story(
    state: web::Data<AppState>,
    WithPhoto { body: form, photo }: WithPhoto<SubmissionForm>,
) -> Result<HttpResponse, Error> {
    let photo = match photo {
        Some(bytes) => Some(media::accept(bytes).await?),
        None => None,
    };
    let submitted = submit::submit(&state.store, &state.pepper, form, photo).await?;
    Ok(HttpResponse::Created().insert_header((header::CACHE_CONTROL, "no-store")).json(SubmittedView {
        id: submitted.id,
        receipt: submitted.receipt.as_str().to_owned(),
        status: Status::Submitted,
    }))
}

/// A published story as readers see it.
#[derive(Serialize, ToSchema)]
pub struct StoryView {
    #[serde(flatten)]
    pub story: PublishedStory,
    pub url: String,
    pub citation: String,
    /// The photo, when one is published and its teller allows it to be shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo: Option<PhotoLinks>,
}

/// Where a story's photo is served: re-made from pixels, with no metadata.
#[derive(Serialize, ToSchema)]
pub struct PhotoLinks {
    /// At most 1600 pixels on its longest side.
    pub display: String,
    /// At most 400 pixels on its longest side.
    pub thumbnail: String,
}

impl StoryView {
    pub fn new(story: PublishedStory) -> StoryView {
        let url = format!("/stories/{}", story.id);
        let citation = story.citation(&url);
        let photo = story
            .photo
            .then(|| PhotoLinks { display: format!("{url}/photo"), thumbnail: format!("{url}/photo/thumbnail") });
        StoryView { story, url, citation, photo }
    }
}

/// Loads a published story the viewer may read; others get the same 404 as a missing one.
pub(super) async fn readable_story(state: &AppState, viewer: &Viewer, id: &str) -> Result<PublishedStory, Error> {
    let story = state.store.published_story(id).await?;
    if viewer.audience().may_read(story.visibility) { Ok(story) } else { Err(Error::not_found("story")) }
}

/// Read a published story.
#[utoipa::path(get, path = "/api/v1/stories/{id}", tag = "reader",
    responses((status = 200, body = StoryView), (status = 404, body = super::error::ErrorBody),
              (status = 410, description = "no longer published", body = super::error::ErrorBody)))]
pub async fn get_story(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<String>,
) -> Result<HttpResponse, Error> {
    let story = readable_story(&state, &viewer, &id).await?;
    Ok(HttpResponse::Ok().json(StoryView::new(story)))
}

/// Search published stories. Anonymous callers see `public` stories; a bearer token adds `press`.
#[utoipa::path(get, path = "/api/v1/search", tag = "reader", params(SearchRequest),
    responses((status = 200, body = SearchResults), (status = 400, body = super::error::ErrorBody)))]
pub async fn search_stories(
    state: web::Data<AppState>,
    viewer: Viewer,
    request: web::Query<SearchRequest>,
) -> Result<HttpResponse, Error> {
    let results = state.index.search(&request, viewer.audience()).await?;
    Ok(HttpResponse::Ok().json(results))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ConsentQuery {
    /// The language wanted (BCP 47).
    lang: Option<String>,
}

/// The current consent text and its version.
#[utoipa::path(get, path = "/api/v1/consent", tag = "storyteller", params(ConsentQuery),
    responses((status = 200, body = ConsentText)))]
pub async fn get_consent(query: web::Query<ConsentQuery>) -> HttpResponse {
    HttpResponse::Ok().json(consent::current_text(query.lang.as_deref().unwrap_or("en")))
}

/// The theme vocabulary.
#[utoipa::path(get, path = "/api/v1/themes", tag = "storyteller", responses((status = 200, body = [Theme])))]
pub async fn list_themes() -> HttpResponse {
    HttpResponse::Ok().json(THEMES)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiptForm {
    pub receipt: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReceiptStatusView {
    pub status: Status,
    /// What the status means, in plain words.
    pub explanation: &'static str,
    /// A message from the moderators, if any.
    pub message: Option<String>,
    pub story_url: Option<String>,
    /// Journalists' requests to interview you that a moderator passed on.
    pub contact_requests: Vec<crate::store::ContactRequest>,
}

pub(super) fn unknown_receipt() -> Error {
    Error::new(
        StatusCode::NOT_FOUND,
        "unknown_receipt",
        "No story has this receipt code. Check each character: the code has 20 letters and digits in 5 groups.",
    )
    .with_field("receipt")
}

/// A story's status, by its receipt.
#[utoipa::path(post, path = "/api/v1/receipts/status", tag = "storyteller", request_body = ReceiptForm,
    responses((status = 200, body = ReceiptStatusView), (status = 404, body = super::error::ErrorBody)))]
pub async fn receipt_status(state: web::Data<AppState>, Json(form): Json<ReceiptForm>) -> Result<HttpResponse, Error> {
    let view = state.open_receipt(&form.receipt).await?.ok_or_else(unknown_receipt)?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(ReceiptStatusView {
        status: view.status,
        explanation: view.status.explanation(),
        message: view.message,
        story_url: (view.status == Status::Published).then(|| format!("/stories/{}", view.id)),
        contact_requests: state.store.contact_requests_for_story(&view.id).await?,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct WithdrawnView {
    /// Always `withdrawn`.
    pub status: &'static str,
}

/// Withdraw a story, by its receipt: it is gone from search, pages and the API before this
/// answers, and erased from the store and the index.
#[utoipa::path(post, path = "/api/v1/receipts/withdraw", tag = "storyteller", request_body = ReceiptForm,
    responses((status = 200, body = WithdrawnView), (status = 404, body = super::error::ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn withdraw_story(state: web::Data<AppState>, Json(form): Json<ReceiptForm>) -> Result<HttpResponse, Error> {
    let seq = state.withdraw_by_receipt(&form.receipt).await?.ok_or_else(unknown_receipt)?;
    moderation::wait_until_searchable(&state.index, seq).await;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(WithdrawnView { status: "withdrawn" }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentChangeForm {
    pub receipt: String,
    pub visibility: Option<Visibility>,
    pub allow_quotes: Option<bool>,
    pub allow_photo: Option<bool>,
    pub allow_contact: Option<bool>,
}

/// Change who may read a story, or what may be done with it. A story made private leaves
/// search and every page before this answers.
#[utoipa::path(post, path = "/api/v1/receipts/consent", tag = "storyteller", request_body = ConsentChangeForm,
    responses((status = 200, body = Consent), (status = 404, body = super::error::ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn change_consent(
    state: web::Data<AppState>,
    Json(form): Json<ConsentChangeForm>,
) -> Result<HttpResponse, Error> {
    let view = state.open_receipt(&form.receipt).await?.ok_or_else(unknown_receipt)?;
    let change = submit::ConsentChange {
        visibility: form.visibility,
        allow_quotes: form.allow_quotes,
        allow_photo: form.allow_photo,
        allow_contact: form.allow_contact,
    };
    let (consent, seq) = submit::change_consent(&state.store, &view.id, &change).await?;
    if let Some(seq) = seq {
        moderation::wait_until_searchable(&state.index, seq).await;
    }
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(consent))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EditForm {
    pub receipt: String,
    /// The whole story as it should now read, in the submit format (the photo stays).
    pub story: SubmissionForm,
}

/// Edit a story while it still waits for a moderator.
#[utoipa::path(post, path = "/api/v1/receipts/edit", tag = "storyteller", request_body = EditForm,
    responses((status = 200, body = StoryStatusView), (status = 400, body = super::error::ErrorBody),
              (status = 404, body = super::error::ErrorBody),
              (status = 409, description = "a moderator already decided", body = super::error::ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn edit_my_story(state: web::Data<AppState>, Json(form): Json<EditForm>) -> Result<HttpResponse, Error> {
    let view = state.open_receipt(&form.receipt).await?.ok_or_else(unknown_receipt)?;
    submit::edit(&state.store, &view.id, form.story).await.map_err(edit_error)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(StoryStatusView { id: view.id, status: Status::Submitted }))
}

/// An edit of a story a moderator already decided says so plainly.
pub(super) fn edit_error(error: submit::SubmitError) -> Error {
    match error {
        submit::SubmitError::Store(crate::store::StoreError::WrongState(_)) => already_decided(),
        other => other.into(),
    }
}

pub(super) fn already_decided() -> Error {
    Error::new(
        StatusCode::CONFLICT,
        "already_decided",
        "A moderator has already decided on this story, so it can no longer be edited.",
    )
}

/// Everything the archive holds about a story, for the person who told it.
#[utoipa::path(post, path = "/api/v1/receipts/export", tag = "storyteller", request_body = ReceiptForm,
    responses((status = 200, body = submit::StorytellerData), (status = 404, body = super::error::ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn export_my_story(state: web::Data<AppState>, Json(form): Json<ReceiptForm>) -> Result<HttpResponse, Error> {
    let view = state.open_receipt(&form.receipt).await?.ok_or_else(unknown_receipt)?;
    let data = submit::storyteller_data(&state.store, &view.id).await?;
    Ok(my_story_json(&data))
}

/// The storyteller's data as a download that no cache keeps.
pub(super) fn my_story_json(data: &submit::StorytellerData) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"my-story.json\""))
        .json(data)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginForm {
    pub username: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct SessionView {
    pub token: String,
    pub username: String,
    pub role: String,
}

/// Log in as staff or journalist; answers a bearer token.
#[utoipa::path(post, path = "/api/v1/session", tag = "staff", request_body = LoginForm,
    responses((status = 200, body = SessionView), (status = 401, body = super::error::ErrorBody)))]
pub async fn create_session(state: web::Data<AppState>, Json(form): Json<LoginForm>) -> Result<HttpResponse, Error> {
    let session = state.login(&form.username, &form.password, SessionKind::Api).await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(SessionView {
        token: session.token,
        username: session.user.username,
        role: session.user.role.as_str().to_owned(),
    }))
}

/// Revoke the bearer token used for this call.
#[utoipa::path(delete, path = "/api/v1/session", tag = "staff", responses((status = 204), (status = 401, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn delete_session(
    state: web::Data<AppState>,
    Staff(session): Staff,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, Error> {
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .map(|(_, token)| token.trim().to_owned())
        .unwrap_or_default();
    accounts::logout(&state.store, &token, &session.user.username).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Serialize, ToSchema)]
pub struct QueueItem {
    pub id: String,
    pub title: String,
    pub language: String,
    pub submitted_at: String,
    pub visibility: Visibility,
    /// Needs two moderators (a child's story, or an unconfirmed age).
    pub needs_second_approval: bool,
    /// Who gave the first approval, if one was given.
    pub first_approval: Option<String>,
    /// Suggested redactions per category.
    pub flags: BTreeMap<&'static str, usize>,
    /// How many of them are flagged for a moderator's decision: the story cannot be
    /// published until each is decided.
    pub to_decide: usize,
}

impl QueueItem {
    pub fn new(record: &StoryRecord, rules: &Rules) -> QueueItem {
        let (flags, to_decide) = moderation::flag_counts(record, rules);
        QueueItem {
            id: record.id.clone(),
            title: record.title.clone(),
            language: record.language.clone(),
            submitted_at: record.submitted_at.clone(),
            visibility: record.consent.visibility,
            needs_second_approval: record.needs_second_approval(),
            first_approval: record.first_approval.clone(),
            flags,
            to_decide,
        }
    }
}

pub const QUEUE_PAGE: i64 = 200;

/// Submissions waiting for a moderator, oldest first.
#[utoipa::path(get, path = "/api/v1/moderation/queue", tag = "staff",
    responses((status = 200, body = [QueueItem]), (status = 401), (status = 403)), security(("bearer" = [])))]
pub async fn moderation_queue(state: web::Data<AppState>, _moderator: Moderator) -> Result<HttpResponse, Error> {
    let queue = state.store.queue(QUEUE_PAGE).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(queue.iter().map(|record| QueueItem::new(record, state.settings.rules)).collect::<Vec<_>>()))
}

/// A submission as sent (raw text — staff only) with the redaction suggestions.
#[derive(Serialize, ToSchema)]
pub struct ReviewView {
    #[serde(flatten)]
    pub story: StoryRecord,
    pub suggestions: Vec<Suggestion>,
}

/// A submission with its suggestions.
#[utoipa::path(get, path = "/api/v1/moderation/stories/{id}", tag = "staff",
    responses((status = 200, body = ReviewView), (status = 404, body = super::error::ErrorBody)), security(("bearer" = [])))]
pub async fn review_story(
    state: web::Data<AppState>,
    _moderator: Moderator,
    id: web::Path<String>,
) -> Result<HttpResponse, Error> {
    let record = state.store.story(&id).await?;
    let suggestions = moderation::suggestions(&record, state.settings.rules);
    let view = ReviewView { story: record, suggestions };
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(view))
}

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DecisionAction {
    Publish,
    Reject,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionForm {
    pub action: DecisionAction,
    /// Shown to the storyteller; required to reject.
    pub reason: Option<String>,
    /// Exactly these spans of the raw body are redacted (this decides every flagged
    /// detail); without it, every suggestion is, and a suggestion whose action is `flag`
    /// makes the decision fail with 409 `open_flags` until it is decided.
    pub redactions: Option<Vec<Redaction>>,
    /// Regions of the photo to blur before it is published (faces, signs, number plates).
    #[serde(default)]
    pub blur: Vec<Region>,
    /// The `revision` of the submission you reviewed; if the storyteller has edited it
    /// since, the decision is refused (409) rather than applied to a text you did not read.
    pub revision: Option<i64>,
}

/// The first of two approvals was recorded.
#[derive(Serialize, ToSchema)]
pub struct AwaitingView {
    pub id: String,
    /// Always `awaiting_second_approval`.
    pub status: &'static str,
}

#[derive(Serialize, ToSchema)]
pub struct StoryStatusView {
    pub id: String,
    pub status: Status,
}

/// Publish or reject a submission.
#[utoipa::path(post, path = "/api/v1/moderation/stories/{id}/decision", tag = "staff", request_body = DecisionForm,
    responses((status = 200, description = "the published story, or the rejection", body = StoryView),
              (status = 202, description = "first of two approvals recorded", body = AwaitingView),
              (status = 400, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody),
              (status = 409, description = "already decided, edited since, or flagged details undecided (`open_flags`, listed in `error.flags`)", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
#[tracing::instrument(skip_all, fields(id = %id))]
pub async fn decide_story(
    state: web::Data<AppState>,
    Moderator(moderator): Moderator,
    id: web::Path<String>,
    Json(form): Json<DecisionForm>,
) -> Result<HttpResponse, Error> {
    let actor = &moderator.user.username;
    match form.action {
        DecisionAction::Publish => {
            let choice = form.redactions.map_or(Choice::AllSuggestions, Choice::Spans);
            let approval = moderation::Approval { choice: &choice, blur: &form.blur, revision: form.revision };
            match moderation::publish(&state.store, state.settings.rules, &id, &approval, actor).await? {
                Publication::Published(story, seq) => {
                    moderation::wait_until_searchable(&state.index, seq).await;
                    Ok(HttpResponse::Ok().json(StoryView::new(*story)))
                }
                Publication::AwaitingSecondApproval => Ok(HttpResponse::Accepted()
                    .json(AwaitingView { id: id.into_inner(), status: "awaiting_second_approval" })),
            }
        }
        DecisionAction::Reject => {
            moderation::reject(&state.store, &id, form.reason.as_deref(), actor).await?;
            Ok(HttpResponse::Ok().json(StoryStatusView { id: id.into_inner(), status: Status::Rejected }))
        }
    }
}

/// Take a published story down.
#[utoipa::path(post, path = "/api/v1/moderation/stories/{id}/unpublish", tag = "staff",
    responses((status = 200, body = StoryStatusView), (status = 404, body = super::error::ErrorBody),
              (status = 409, body = super::error::ErrorBody)), security(("bearer" = [])))]
pub async fn unpublish_story(
    state: web::Data<AppState>,
    Moderator(moderator): Moderator,
    id: web::Path<String>,
) -> Result<HttpResponse, Error> {
    moderation::unpublish(&state.store, &state.index, &id, None, &moderator.user.username).await?;
    Ok(HttpResponse::Ok().json(StoryStatusView { id: id.into_inner(), status: Status::Unpublished }))
}

pub async fn not_found() -> Result<HttpResponse, Error> {
    Err(Error::not_found("API route"))
}

/// Country and theme labels for views.
pub(super) fn theme_labels(slugs: &[String]) -> Vec<&'static Theme> {
    slugs.iter().filter_map(|slug| vocabulary::theme(slug)).collect()
}

/// The longest draft the terminology check reads.
pub const MAX_DRAFT_CHARS: usize = 200_000;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TerminologyCheck {
    /// The draft to check.
    pub text: String,
    /// Only the guide's terms in this language (a primary subtag such as `fr`); every
    /// language without it.
    pub language: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TerminologyReport {
    /// Each term of the guide found in the draft, in order, with better words and the reason.
    pub findings: Vec<crate::terminology::Finding>,
}

#[derive(Serialize, ToSchema)]
pub struct TerminologyGuideView {
    /// The languages the guide has entries in.
    pub languages: Vec<String>,
    pub entries: Vec<crate::terminology::Entry>,
}

/// Checks a draft against the guide: the one way through for the API and the page.
pub(super) fn check_draft(
    guide: &crate::terminology::Guide,
    text: &str,
    language: Option<&str>,
) -> Result<Vec<crate::terminology::Finding>, Error> {
    if text.trim().is_empty() {
        return Err(
            Error::bad_request("empty_draft", "The draft is empty. Paste the text to check.").with_field("text")
        );
    }
    if text.chars().count() > MAX_DRAFT_CHARS {
        return Err(Error::bad_request(
            "draft_too_long",
            format!("The draft is too long: at most {MAX_DRAFT_CHARS} characters. Check it in parts."),
        )
        .with_field("text"));
    }
    let language = language.map(str::trim).filter(|l| !l.is_empty()).map(crate::story::vocabulary::primary_language);
    if let Some(language) = &language
        && !guide.languages().contains(&language.as_str())
    {
        return Err(Error::bad_request(
            "unknown_language",
            format!(
                "The guide has no terms in this language yet. Leave the language out, or use one of: {}.",
                guide.languages().join(", ")
            ),
        )
        .with_field("language"));
    }
    Ok(guide.check(text, language.as_deref()))
}

/// Check a draft for dehumanising or inaccurate terms about migration. The draft is not
/// stored or logged.
#[utoipa::path(post, path = "/api/v1/terminology/check", tag = "reader", request_body = TerminologyCheck,
    responses((status = 200, body = TerminologyReport), (status = 400, body = super::error::ErrorBody)))]
pub async fn check_terminology(
    state: web::Data<AppState>,
    Json(form): Json<TerminologyCheck>,
) -> Result<HttpResponse, Error> {
    let findings = check_draft(state.settings.terminology, &form.text, form.language.as_deref())?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(TerminologyReport { findings }))
}

/// The terminology guide: each term with better words and the reason.
#[utoipa::path(get, path = "/api/v1/terminology", tag = "reader",
    responses((status = 200, body = TerminologyGuideView)))]
pub async fn terminology_guide(state: web::Data<AppState>) -> HttpResponse {
    let guide = state.settings.terminology;
    HttpResponse::Ok().json(TerminologyGuideView {
        languages: guide.languages().into_iter().map(str::to_owned).collect(),
        entries: guide.entries().to_vec(),
    })
}

/// The most stories one export holds.
pub const EXPORT_LIMIT: usize = 1000;

/// A published story as an export holds it: published fields only, and its text only when
/// the storyteller allows quoting.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportedStory {
    pub id: String,
    pub url: String,
    pub title: String,
    pub pseudonym: Option<String>,
    pub language: String,
    pub themes: Vec<String>,
    pub origin_country: Option<String>,
    pub transit_countries: Vec<String>,
    pub residence_country: Option<String>,
    pub year: Option<i32>,
    pub published_at: String,
    pub quoting_allowed: bool,
    pub citation: String,
    /// The redacted text; `null` when the storyteller does not allow quoting.
    pub body: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExportView {
    /// The query and filters, as the search's query string.
    pub query: String,
    pub exported_at: String,
    /// Stories the search finds; the export holds at most 1000 of them.
    pub total: usize,
    pub truncated: bool,
    pub stories: Vec<ExportedStory>,
}

/// The file formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}

const EXPORT_COLUMNS: [&str; 14] = [
    "id",
    "url",
    "title",
    "pseudonym",
    "language",
    "themes",
    "origin_country",
    "transit_countries",
    "residence_country",
    "year",
    "published_at",
    "quoting_allowed",
    "citation",
    "body",
];

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
/// return first) gets an apostrophe in front: a story's title must not become a command on a
/// journalist's machine.
fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() }
}

fn export_csv(stories: &[ExportedStory]) -> Result<Vec<u8>, Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| Error::internal(&e);
    writer.write_record(EXPORT_COLUMNS).map_err(failed)?;
    for s in stories {
        writer
            .write_record(
                [
                    s.id.as_str(),
                    &s.url,
                    &s.title,
                    s.pseudonym.as_deref().unwrap_or(""),
                    &s.language,
                    &s.themes.join(";"),
                    s.origin_country.as_deref().unwrap_or(""),
                    &s.transit_countries.join(";"),
                    s.residence_country.as_deref().unwrap_or(""),
                    &s.year.map(|y| y.to_string()).unwrap_or_default(),
                    &s.published_at,
                    if s.quoting_allowed { "yes" } else { "no" },
                    &s.citation,
                    s.body.as_deref().unwrap_or(""),
                ]
                .map(inert),
            )
            .map_err(failed)?;
    }
    writer.into_inner().map_err(|e| Error::internal(&e.to_string()))
}

/// Export the stories a search finds (at most 1000), as CSV or JSON: published fields only,
/// the text only where quoting is allowed. Anonymous callers export `public` stories; a
/// journalist's token adds `press`. Every export is logged: who, when, which query.
pub async fn export_stories(
    state: &AppState,
    viewer: &Viewer,
    request: &crate::search::SearchRequest,
    format: ExportFormat,
) -> Result<HttpResponse, Error> {
    let audience = viewer.audience();
    let (ids, total) = state.index.ids(request, audience, EXPORT_LIMIT).await?;
    let mut stories = Vec::with_capacity(ids.len());
    for id in ids {
        let story = match state.store.published_story(&id).await {
            Ok(story) if audience.may_read(story.visibility) => story,
            // Unpublished or withdrawn since the index was read.
            Ok(_) | Err(crate::store::StoreError::NotFound | crate::store::StoreError::WrongState(_)) => continue,
            Err(error) => return Err(error.into()),
        };
        let StoryView { story, url, citation, .. } = StoryView::new(story);
        stories.push(ExportedStory {
            body: story.allow_quotes.then_some(story.body),
            id: story.id,
            url,
            title: story.title,
            pseudonym: story.pseudonym,
            language: story.language,
            themes: story.themes,
            origin_country: story.origin_country,
            transit_countries: story.transit_countries,
            residence_country: story.residence_country,
            year: story.year,
            published_at: story.published_at,
            quoting_allowed: story.allow_quotes,
            citation,
        });
    }
    let mut query = request.clone();
    (query.page, query.per_page) = (None, None);
    let query = serde_html_form::to_string(&query).unwrap_or_default();
    let actor = viewer.session().map_or("anonymous", |s| s.user.username.as_str());
    state.store.log_export(actor, format.as_str(), &query, stories.len()).await?;
    let exported_at = crate::store::timestamp(time::OffsetDateTime::now_utc());
    let file = format!("passage-export-{}.{}", exported_at.get(..10).unwrap_or("today"), format.as_str());
    let mut response = HttpResponse::Ok();
    response
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\"")));
    Ok(match format {
        ExportFormat::Csv => response.content_type("text/csv; charset=utf-8").body(export_csv(&stories)?),
        ExportFormat::Json => {
            let truncated = total > stories.len();
            response.json(ExportView { query, exported_at, total, truncated, stories })
        }
    })
}

/// Export a search's stories as CSV.
#[utoipa::path(get, path = "/api/v1/export.csv", tag = "reader", params(crate::search::SearchRequest),
    responses((status = 200, content_type = "text/csv", description = "one row per story"),
              (status = 400, body = super::error::ErrorBody)))]
pub async fn export_csv_file(
    state: web::Data<AppState>,
    viewer: Viewer,
    request: web::Query<crate::search::SearchRequest>,
) -> Result<HttpResponse, Error> {
    export_stories(&state, &viewer, &request, ExportFormat::Csv).await
}

/// Export a search's stories as JSON.
#[utoipa::path(get, path = "/api/v1/export.json", tag = "reader", params(crate::search::SearchRequest),
    responses((status = 200, body = ExportView), (status = 400, body = super::error::ErrorBody)))]
pub async fn export_json_file(
    state: web::Data<AppState>,
    viewer: Viewer,
    request: web::Query<crate::search::SearchRequest>,
) -> Result<HttpResponse, Error> {
    export_stories(&state, &viewer, &request, ExportFormat::Json).await
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ExportLogQuery {
    /// How many of the newest entries (1–1000, 100 by default).
    limit: Option<u32>,
}

/// The export log, newest first (admins).
#[utoipa::path(get, path = "/api/v1/admin/exports", tag = "staff", params(ExportLogQuery),
    responses((status = 200, body = Vec<crate::store::ExportRecord>), (status = 403, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn export_log(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    query: web::Query<ExportLogQuery>,
) -> Result<HttpResponse, Error> {
    let limit = query.limit.unwrap_or(100).clamp(1, 1000);
    // Who reads the log of who exported is itself on record.
    state.store.audit(&admin.user.username, "read export log", None, "").await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(state.store.exports(limit).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTokenForm {
    /// A name to tell the token from others ("laptop", "data desk script").
    #[serde(default)]
    pub label: String,
    /// The account's password: a token cannot be made with a token alone, so a leaked one
    /// cannot outlive its revocation by making others.
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct NewTokenView {
    /// The token, shown this once: only its hash is kept.
    pub token: String,
    pub tokens: Vec<crate::store::TokenInfo>,
}

/// Create a named API token for the signed-in account.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "staff", request_body = NewTokenForm,
    responses((status = 201, body = NewTokenView), (status = 400, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn create_token(
    state: web::Data<AppState>,
    Staff(session): Staff,
    Json(form): Json<NewTokenForm>,
) -> Result<HttpResponse, Error> {
    let label = form.label.trim();
    if label.chars().count() > accounts::MAX_TOKEN_LABEL_CHARS {
        return Err(Error::bad_request(
            "label_too_long",
            format!("A token's name has at most {} characters.", accounts::MAX_TOKEN_LABEL_CHARS),
        )
        .with_field("label"));
    }
    if !accounts::password_matches(&state.store, &session.user.username, &form.password).await? {
        return Err(Error::new(StatusCode::UNAUTHORIZED, "bad_credentials", "Wrong password.").with_field("password"));
    }
    let created = accounts::create_token(&state.store, &session.user, label).await?;
    let tokens = state.store.tokens_of(session.user.id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(NewTokenView { token: created.token, tokens }))
}

/// The signed-in account's live API tokens (never the tokens themselves).
#[utoipa::path(get, path = "/api/v1/tokens", tag = "staff",
    responses((status = 200, body = Vec<crate::store::TokenInfo>)), security(("bearer" = [])))]
pub async fn list_tokens(state: web::Data<AppState>, Staff(session): Staff) -> Result<HttpResponse, Error> {
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(state.store.tokens_of(session.user.id).await?))
}

/// Revoke one of the signed-in account's API tokens; it stops working at once.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "staff",
    responses((status = 204), (status = 404, body = super::error::ErrorBody)), security(("bearer" = [])))]
pub async fn revoke_token(
    state: web::Data<AppState>,
    Staff(session): Staff,
    id: web::Path<String>,
) -> Result<HttpResponse, Error> {
    let id: i64 = id.parse().map_err(|_| Error::not_found("token"))?;
    if accounts::revoke_token(&state.store, &session.user, id).await? {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(Error::not_found("token"))
    }
}

#[derive(Serialize, ToSchema)]
pub struct JoinView {
    /// Always `pending`: an admin verifies every request.
    pub status: &'static str,
    pub message: &'static str,
}

const JOIN_PENDING: &str = "Thank you. An administrator will verify your request; once granted, log in with the username and password you chose.";

/// Ask for a journalist's or researcher's account. An admin verifies and grants it.
#[utoipa::path(post, path = "/api/v1/join", tag = "reader", request_body = accounts::JoinForm,
    responses((status = 202, body = JoinView), (status = 400, body = super::error::ErrorBody),
              (status = 409, body = super::error::ErrorBody)))]
pub async fn request_access(
    state: web::Data<AppState>,
    Json(form): Json<accounts::JoinForm>,
) -> Result<HttpResponse, Error> {
    accounts::request_access(&state.store, &form).await?;
    Ok(HttpResponse::Accepted().json(JoinView { status: "pending", message: JOIN_PENDING }))
}

/// Access requests, pending first (admins).
#[utoipa::path(get, path = "/api/v1/admin/access-requests", tag = "staff",
    responses((status = 200, body = Vec<crate::store::AccessRequest>), (status = 403, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn access_requests(state: web::Data<AppState>, _admin: Admin) -> Result<HttpResponse, Error> {
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(state.store.access_requests().await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessDecision {
    /// `grant` (the journalist's account is created) or `refuse`.
    pub decision: String,
}

/// Grant or refuse an access request (admins).
#[utoipa::path(post, path = "/api/v1/admin/access-requests/{id}", tag = "staff", request_body = AccessDecision,
    responses((status = 200, body = crate::store::AccessRequest), (status = 400, body = super::error::ErrorBody),
              (status = 409, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn decide_access(
    state: web::Data<AppState>,
    Admin(admin): Admin,
    id: web::Path<String>,
    Json(form): Json<AccessDecision>,
) -> Result<HttpResponse, Error> {
    let id: i64 = id.parse().map_err(|_| Error::not_found("access request"))?;
    let request = decide_access_request(&state, &admin.user.username, id, &form.decision).await?;
    Ok(HttpResponse::Ok().json(request))
}

/// The one way an access request is decided, for the API and the admin page.
pub(super) async fn decide_access_request(
    state: &AppState,
    admin: &str,
    id: i64,
    decision: &str,
) -> Result<crate::store::AccessRequest, Error> {
    let grant = match decision {
        "grant" => true,
        "refuse" => false,
        _ => {
            return Err(Error::bad_request("invalid_decision", "The decision is \"grant\" or \"refuse\".")
                .with_field("decision"));
        }
    };
    match state.store.decide_access_request(id, grant, admin).await {
        Ok(request) => Ok(request),
        Err(crate::store::StoreError::NotFound) => Err(Error::not_found("access request")),
        Err(crate::store::StoreError::WrongState(_)) => {
            Err(Error::new(StatusCode::CONFLICT, "already_decided", "This request was already decided."))
        }
        Err(crate::store::StoreError::Duplicate(_)) => Err(Error::new(
            StatusCode::CONFLICT,
            "username_taken",
            "An account with this username was created meanwhile; refuse the request and ask for another username.",
        )),
        Err(error) => Err(error.into()),
    }
}

/// The longest message a journalist may send with a contact request.
pub const MAX_CONTACT_MESSAGE_CHARS: usize = 2000;
/// The longest answer a storyteller may send.
pub const MAX_CONTACT_REPLY_CHARS: usize = 1000;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactForm {
    /// Who the journalist is and what the interview would be for.
    pub message: String,
}

/// Checks what someone wrote in a contact form field: not empty, not too long.
fn contact_text(field: &'static str, text: &str, max: usize) -> Result<String, Error> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::bad_request("empty_field", format!("Write the {field} first.")).with_field(field));
    }
    if text.chars().count() > max {
        return Err(
            Error::bad_request("too_long", format!("The {field} has at most {max} characters.")).with_field(field)
        );
    }
    Ok(text.to_owned())
}

/// The one way a journalist's contact request is made, for the API and the story page.
pub(super) async fn ask_for_contact(
    state: &AppState,
    session: &crate::store::SessionUser,
    story_id: &str,
    message: &str,
) -> Result<(), Error> {
    if session.user.role == crate::store::Role::Moderator {
        return Err(Error::forbidden());
    }
    let message = contact_text("message", message, MAX_CONTACT_MESSAGE_CHARS)?;
    // The journalist must be able to read the story they ask about.
    let viewer = Viewer(Some(session.clone()));
    readable_story(state, &viewer, story_id).await?;
    let id = crate::story::submit::new_id().map_err(|e| Error::internal(&e))?;
    match state.store.insert_contact_request(&id, story_id, session.user.id, &message).await {
        Err(crate::store::StoreError::WrongState(_)) => Err(Error::new(
            StatusCode::CONFLICT,
            "contact_not_allowed",
            "The storyteller does not accept contact requests for this story.",
        )),
        other => Ok(other?),
    }
}

/// Ask, through the archive, to interview the teller of a story whose consent allows contact.
/// A moderator relays the request; the storyteller answers if they wish. The journalist
/// learns only what the storyteller writes back.
#[utoipa::path(post, path = "/api/v1/stories/{id}/contact", tag = "staff", request_body = ContactForm,
    responses((status = 201, body = Vec<crate::store::ContactRequest>), (status = 400, body = super::error::ErrorBody),
              (status = 409, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn request_contact(
    state: web::Data<AppState>,
    Staff(session): Staff,
    id: web::Path<String>,
    Json(form): Json<ContactForm>,
) -> Result<HttpResponse, Error> {
    ask_for_contact(&state, &session, &id, &form.message).await?;
    let mine = state.store.contact_requests_of(session.user.id).await?;
    Ok(HttpResponse::Created().insert_header((header::CACHE_CONTROL, "no-store")).json(mine))
}

/// The signed-in journalist's contact requests, with the storyteller's answer where they
/// said yes.
#[utoipa::path(get, path = "/api/v1/contact-requests", tag = "staff",
    responses((status = 200, body = Vec<crate::store::ContactRequest>)), security(("bearer" = [])))]
pub async fn my_contact_requests(state: web::Data<AppState>, Staff(session): Staff) -> Result<HttpResponse, Error> {
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(state.store.contact_requests_of(session.user.id).await?))
}

/// Contact requests waiting for a moderator.
#[utoipa::path(get, path = "/api/v1/moderation/contact-requests", tag = "staff",
    responses((status = 200, body = Vec<crate::store::ContactRequest>)), security(("bearer" = [])))]
pub async fn pending_contact_requests(
    state: web::Data<AppState>,
    _moderator: Moderator,
) -> Result<HttpResponse, Error> {
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(state.store.pending_contact_requests().await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactDecision {
    /// `relay` (the storyteller sees it on their receipt page) or `decline`.
    pub action: String,
}

/// The one way a moderator decides a contact request, for the API and the queue page.
pub(super) async fn decide_contact(
    state: &AppState,
    moderator: &str,
    id: &str,
    action: &str,
) -> Result<crate::store::ContactRequest, Error> {
    let relay = match action {
        "relay" => true,
        "decline" => false,
        _ => {
            return Err(
                Error::bad_request("invalid_action", "The action is \"relay\" or \"decline\".").with_field("action")
            );
        }
    };
    match state.store.decide_contact_request(id, relay, moderator).await {
        Err(crate::store::StoreError::NotFound) => Err(Error::not_found("contact request")),
        Err(crate::store::StoreError::WrongState(_)) => {
            Err(Error::new(StatusCode::CONFLICT, "already_decided", "This request was already decided."))
        }
        other => Ok(other?),
    }
}

/// Relay a contact request to the storyteller, or decline it.
#[utoipa::path(post, path = "/api/v1/moderation/contact-requests/{id}", tag = "staff", request_body = ContactDecision,
    responses((status = 200, body = crate::store::ContactRequest), (status = 409, body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn decide_contact_request(
    state: web::Data<AppState>,
    Moderator(session): Moderator,
    id: web::Path<String>,
    Json(form): Json<ContactDecision>,
) -> Result<HttpResponse, Error> {
    Ok(HttpResponse::Ok().json(decide_contact(&state, &session.user.username, &id, &form.action).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactAnswerForm {
    pub receipt: String,
    /// The contact request's id.
    pub request: String,
    /// `yes` or `no`.
    pub answer: String,
    /// With `yes`: how the journalist may reach you, in your own words. Only this is sent.
    #[serde(default)]
    pub reply: String,
}

/// The one way a storyteller answers a contact request, for the API and the receipt page.
pub(super) async fn answer_contact(
    state: &AppState,
    story_id: &str,
    request: &str,
    answer: &str,
    reply: &str,
) -> Result<(), Error> {
    let reply = match answer {
        "yes" => Some(contact_text("reply", reply, MAX_CONTACT_REPLY_CHARS)?),
        "no" => None,
        _ => return Err(Error::bad_request("invalid_answer", "The answer is \"yes\" or \"no\".").with_field("answer")),
    };
    match state.store.answer_contact_request(story_id, request, reply.as_deref()).await {
        Err(crate::store::StoreError::NotFound) => Err(Error::not_found("contact request")),
        Err(crate::store::StoreError::WrongState(_)) => {
            Err(Error::new(StatusCode::CONFLICT, "already_answered", "This request was already answered."))
        }
        other => Ok(other?),
    }
}

/// Answer a contact request relayed to you: `yes` with how to reach you, or `no`.
#[utoipa::path(post, path = "/api/v1/receipts/contact", tag = "storyteller", request_body = ContactAnswerForm,
    responses((status = 200, body = Vec<crate::store::ContactRequest>), (status = 404, body = super::error::ErrorBody),
              (status = 409, body = super::error::ErrorBody)))]
pub async fn answer_contact_request(
    state: web::Data<AppState>,
    Json(form): Json<ContactAnswerForm>,
) -> Result<HttpResponse, Error> {
    let view = state.open_receipt(&form.receipt).await?.ok_or_else(unknown_receipt)?;
    answer_contact(&state, &view.id, &form.request, &form.answer, &form.reply).await?;
    let requests = state.store.contact_requests_for_story(&view.id).await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(requests))
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn spreadsheet_formulas_in_an_export_stay_text() {
        assert_eq!(inert("=HYPERLINK(\"https://x\")"), "'=HYPERLINK(\"https://x\")");
        for cell in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(inert(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(inert("A night at sea"), "A night at sea");
        assert_eq!(inert(""), "");
    }
}
