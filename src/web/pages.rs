//! The HTML pages. They work without JavaScript: every action is a plain form.

use std::collections::BTreeMap;

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use super::api::{QUEUE_PAGE, QueueItem, StoryView, readable_story, theme_labels, unknown_receipt};
use super::auth::{Moderator, SESSION_COOKIE, Staff, Viewer};
use super::templates::{STATIC_FILES, render};
use super::upload::WithPhoto;
use super::{AppState, Error, Form, private_html};
use crate::accounts;
use crate::media;
use crate::moderation::{self, Choice, ModerationError, Publication};
use crate::redaction::{Action, Category, Rules};
use crate::search::{FacetCounts, Facets, Hit, SearchRequest, SearchResults};
use crate::store::{Role, SessionKind, SessionUser};
use crate::story::consent::{self, Visibility};
use crate::story::submit::{self, SubmitError};
use crate::story::vocabulary::{self, LANGUAGES, THEMES};
use crate::story::{Consent, StoryRecord, SubmissionForm};

const LOGIN_CSRF_COOKIE: &str = "passage_login_csrf";

fn page(name: &str, viewer: Option<&SessionUser>, ctx: impl Serialize) -> Result<String, Error> {
    render(name, viewer, ctx).map_err(|e| Error::from(e).page())
}

/// A country's name in the page's language.
fn country_name(code: &str) -> Option<&'static str> {
    vocabulary::country_name_in(code, &super::i18n::current().code)
}

/// A value of any serialisable type for a template context.
fn ser(value: impl Serialize) -> Value {
    Value::from(Serde(value))
}

/// A story's paragraphs, as the storyteller separated them with blank lines.
fn paragraphs(body: &str) -> Vec<String> {
    body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

/// A page of published stories. Caches must ask again every time, so a story taken down
/// disappears at once; what a logged-in journalist sees (press stories) is never stored.
fn reader_page(status: StatusCode, viewer: &Viewer, page: String) -> HttpResponse {
    let cache = if viewer.session().is_some() { "private, no-store" } else { "no-cache" };
    HttpResponse::build(status)
        .content_type(header::ContentType::html())
        .insert_header((header::CACHE_CONTROL, cache))
        .body(page)
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location)).finish()
}

/// A search hit as the pages show it, with names instead of codes.
#[derive(Serialize)]
struct HitView {
    id: String,
    title_html: String,
    snippet_html: String,
    pseudonym: Option<String>,
    language: String,
    language_name: String,
    themes: Vec<&'static vocabulary::Theme>,
    origin_name: Option<&'static str>,
    residence_name: Option<&'static str>,
    year: Option<i32>,
    published_at: String,
    url: String,
}

impl HitView {
    fn new(hit: Hit) -> HitView {
        HitView {
            language_name: vocabulary::language_name(&hit.language),
            themes: theme_labels(&hit.themes),
            origin_name: hit.origin_country.as_deref().and_then(country_name),
            residence_name: hit.residence_country.as_deref().and_then(country_name),
            published_at: hit.published_at.get(..10).unwrap_or_default().to_owned(),
            id: hit.id,
            title_html: hit.title_html,
            snippet_html: hit.snippet_html,
            pseudonym: hit.pseudonym,
            language: hit.language,
            year: hit.year,
            url: hit.url,
        }
    }
}

pub async fn home(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, Error> {
    let request = SearchRequest { per_page: Some("6".into()), ..SearchRequest::default() };
    let results = state.index.search(&request, viewer.audience()).await.map_err(|e| Error::from(e).page())?;
    let themes: Vec<_> = THEMES
        .iter()
        .map(|t| context! { slug => t.slug, label => t.label, count => results.facets.theme.get(t.slug).copied().flatten() })
        .collect();
    let mut origins: Vec<(&String, &Option<u64>)> = results.facets.origin.iter().collect();
    origins.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let origins: Vec<_> = origins
        .into_iter()
        .map(|(code, count)| context! { code, name => country_name(code).unwrap_or(code), count })
        .collect();
    let recent: Vec<HitView> = results.hits.into_iter().map(HitView::new).collect();
    let page = page(
        "home.html",
        viewer.session(),
        context! { total => results.total, recent => ser(recent), themes, origins },
    )?;
    Ok(reader_page(StatusCode::OK, &viewer, page))
}

/// The submit form's fields as the browser sends them.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SubmitPageForm {
    title: String,
    body: String,
    language: String,
    pseudonym: String,
    origin_country: String,
    transit_countries: String,
    residence_country: String,
    year: String,
    themes: Vec<String>,
    private_terms: String,
    visibility: String,
    #[serde(deserialize_with = "checkbox")]
    allow_quotes: bool,
    #[serde(deserialize_with = "checkbox")]
    allow_photo: bool,
    #[serde(deserialize_with = "checkbox")]
    allow_contact: bool,
    #[serde(deserialize_with = "checkbox")]
    age_confirmed: bool,
    #[serde(deserialize_with = "checkbox")]
    about_minor: bool,
    #[serde(skip_serializing)]
    consent_version: String,
    #[serde(skip_serializing)]
    consent_language: String,
    /// A button asking for the consent text in another language: show it, send nothing.
    #[serde(skip_serializing)]
    show_consent_in: String,
    /// Set when the teller edits a story still waiting for a moderator.
    #[serde(skip_serializing)]
    receipt: String,
    /// The receipt page's "Edit my story" button: show the form filled with the story.
    #[serde(skip_serializing)]
    start_edit: String,
}

fn checkbox<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    let value = String::deserialize(deserializer)?;
    Ok(!value.is_empty() && value != "no" && value != "off")
}

fn optional(value: &str) -> Option<String> {
    Some(value.trim().to_owned()).filter(|v| !v.is_empty())
}

impl SubmitPageForm {
    /// The form filled with a stored submission, for its teller to edit.
    fn from_record(record: &StoryRecord, receipt: &str) -> SubmitPageForm {
        SubmitPageForm {
            title: record.title.clone(),
            body: record.body.clone(),
            language: record.language.clone(),
            pseudonym: record.pseudonym.clone().unwrap_or_default(),
            origin_country: record.origin_country.clone().unwrap_or_default(),
            transit_countries: record.transit_countries.join(", "),
            residence_country: record.residence_country.clone().unwrap_or_default(),
            year: record.year.map(|y| y.to_string()).unwrap_or_default(),
            themes: record.themes.clone(),
            private_terms: record.private_terms.join("\n"),
            visibility: record.consent.visibility.as_str().into(),
            allow_quotes: record.consent.allow_quotes,
            allow_photo: record.consent.allow_photo,
            allow_contact: record.consent.allow_contact,
            age_confirmed: record.consent.age_confirmed,
            about_minor: record.consent.about_minor,
            consent_version: consent::CURRENT_VERSION.into(),
            consent_language: record.consent.language.clone(),
            show_consent_in: String::new(),
            receipt: receipt.trim().to_owned(),
            start_edit: String::new(),
        }
    }

    /// The API form this page form amounts to, or the field errors found on the way.
    fn to_submission(&self) -> Result<SubmissionForm, BTreeMap<String, String>> {
        let mut errors = BTreeMap::new();
        let year = match self.year.trim() {
            "" => None,
            text => match text.parse::<i32>() {
                Ok(year) => Some(year),
                Err(_) => {
                    errors.insert("year".into(), super::i18n::current().t("error-year-not-a-number"));
                    None
                }
            },
        };
        let visibility = Visibility::parse(&self.visibility).unwrap_or_else(|| {
            errors.insert("visibility".into(), super::i18n::current().t("receipt-error-visibility"));
            Visibility::Private
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SubmissionForm {
            title: self.title.clone(),
            body: self.body.clone(),
            language: self.language.clone(),
            pseudonym: optional(&self.pseudonym),
            origin_country: optional(&self.origin_country),
            transit_countries: self.transit_countries.split([',', '،', ';', '\n']).filter_map(optional).collect(),
            residence_country: optional(&self.residence_country),
            year,
            themes: self.themes.clone(),
            private_terms: self.private_terms.lines().filter_map(optional).collect(),
            consent: Consent {
                visibility,
                allow_quotes: self.allow_quotes,
                allow_photo: self.allow_photo,
                allow_contact: self.allow_contact,
                age_confirmed: self.age_confirmed,
                about_minor: self.about_minor,
                version: self.consent_version.clone(),
                // A form from before the language was recorded was shown in English.
                language: optional(&self.consent_language).unwrap_or_else(|| "en".into()),
            },
        })
    }
}

fn submit_page(form: &SubmitPageForm, errors: &BTreeMap<String, String>) -> Result<String, Error> {
    let ui = super::i18n::current();
    let consent_text =
        consent::current_text(if form.consent_language.is_empty() { &ui.code } else { &form.consent_language });
    let themes: Vec<_> = THEMES.iter().map(|t| context! { slug => t.slug, label => t.label }).collect();
    page(
        "submit.html",
        None,
        context! {
            form => ser(form), errors => ser(errors), themes,
            languages => ser(LANGUAGES),
            consent => ser(&consent_text),
            edit_receipt => Some(form.receipt.trim()).filter(|r| !r.is_empty()),
            consent_dir => vocabulary::direction(consent_text.language),
            // The language switcher sends the draft along, so nothing written is lost.
            switch_form => "story-form",
            switch_action => if form.receipt.trim().is_empty() { "/submit" } else { "/receipt/edit" },
        },
    )
}

/// The empty form; its consent text is in the page's language.
pub async fn submit_form() -> Result<HttpResponse, Error> {
    let form = SubmitPageForm { visibility: "public".into(), ..SubmitPageForm::default() };
    Ok(private_html(submit_page(&form, &BTreeMap::new())?))
}

/// The problems of a submission by form field, in the page's language.
fn field_errors(errors: Vec<crate::story::FieldError>) -> BTreeMap<String, String> {
    let ui = super::i18n::current();
    errors
        .into_iter()
        .map(|e| {
            let field = if e.field.starts_with("consent.") { "form".to_owned() } else { e.field.to_owned() };
            (field, super::i18n::field_message(&ui, &e))
        })
        .collect()
}

#[tracing::instrument(skip_all)]
pub async fn submit_story(
    state: web::Data<AppState>,
    WithPhoto { body: mut form, photo }: WithPhoto<SubmitPageForm>,
) -> Result<HttpResponse, Error> {
    if let Some(page) = language_switch(&mut form) {
        return page;
    }
    let photo = match photo {
        Some(bytes) => Some(media::accept(bytes).await).transpose(),
        None => Ok(None),
    };
    let (errors, status) = match (form.to_submission(), photo) {
        (Ok(submission), Ok(photo)) => match submit::submit(&state.store, &state.pepper, submission, photo).await {
            Ok(submitted) => {
                let page = page("submitted.html", None, context! { receipt => submitted.receipt.as_str() })?;
                return Ok(private_html(page));
            }
            Err(SubmitError::Invalid(errors)) => (field_errors(errors), StatusCode::BAD_REQUEST),
            Err(other) => return Err(Error::from(other).page()),
        },
        (submission, photo) => {
            // Every problem at once: the form's and the photo's.
            let mut errors = match submission {
                Ok(submission) => submission.validate(submit::this_year()).err().map(field_errors).unwrap_or_default(),
                Err(errors) => errors,
            };
            let mut status = StatusCode::BAD_REQUEST;
            if let Err(refused) = photo {
                let refused = Error::from(refused);
                status = refused.status;
                let ui = super::i18n::current();
                errors.insert("photo".into(), super::i18n::error_message(&ui, refused.code, &refused.message));
            }
            (errors, status)
        }
    };
    submit_page_again(&form, &errors, status)
}

/// The form again, with the problems next to their fields (a 4xx), the draft kept whole.
/// A language switch on the form: the same draft again, in the language asked for.
fn language_switch(form: &mut SubmitPageForm) -> Option<Result<HttpResponse, Error>> {
    if form.show_consent_in.is_empty() {
        return None;
    }
    form.consent_language = std::mem::take(&mut form.show_consent_in);
    Some(submit_page(form, &BTreeMap::new()).map(private_html))
}

fn submit_page_again(
    form: &SubmitPageForm,
    errors: &BTreeMap<String, String>,
    status: StatusCode,
) -> Result<HttpResponse, Error> {
    Ok(no_store(status, submit_page(form, errors)?))
}

/// The teller edits a story still waiting for a moderator: the receipt page's button opens
/// the form filled with it; sending the form saves it.
#[tracing::instrument(skip_all)]
pub async fn edit_story(
    state: web::Data<AppState>,
    WithPhoto { body: mut form, .. }: WithPhoto<SubmitPageForm>,
) -> Result<HttpResponse, Error> {
    // A language switch only shows the form again: no receipt attempt is spent on it.
    if let Some(page) = language_switch(&mut form) {
        return page;
    }
    let Some(view) = state.open_receipt(&form.receipt).await.map_err(Error::page)? else {
        return unknown_receipt_page();
    };
    if !form.start_edit.is_empty() {
        let record = state.store.story(&view.id).await.map_err(|e| Error::from(e).page())?;
        if record.status != crate::story::Status::Submitted {
            return Err(super::api::already_decided().page());
        }
        return Ok(private_html(submit_page(&SubmitPageForm::from_record(&record, &form.receipt), &BTreeMap::new())?));
    }
    let errors = match form.to_submission() {
        Ok(submission) => match submit::edit(&state.store, &view.id, submission).await {
            Ok(()) => return render_receipt(&state, &view, &form.receipt, None, Some("receipt-notice-edited")).await,
            Err(SubmitError::Invalid(errors)) => field_errors(errors),
            Err(other) => return Err(super::api::edit_error(other).page()),
        },
        Err(errors) => errors,
    };
    submit_page_again(&form, &errors, StatusCode::BAD_REQUEST)
}

pub async fn receipt_form() -> Result<HttpResponse, Error> {
    Ok(private_html(page("receipt.html", None, context! {})?))
}

#[derive(Deserialize)]
pub struct ReceiptPageForm {
    #[serde(default)]
    receipt: String,
}

pub async fn check_receipt(
    state: web::Data<AppState>,
    Form(form): Form<ReceiptPageForm>,
) -> Result<HttpResponse, Error> {
    receipt_status_page(&state, &form.receipt, None).await
}

/// The receipt page for a code: its story's status and the withdraw form, or a 404 page.
async fn receipt_status_page(
    state: &AppState,
    receipt: &str,
    withdraw_error: Option<&str>,
) -> Result<HttpResponse, Error> {
    let found = state.open_receipt(receipt).await.map_err(Error::page)?;
    let Some(view) = found else {
        return unknown_receipt_page();
    };
    render_receipt(state, &view, receipt, withdraw_error, None).await
}

/// The receipt page for a story already found by its receipt, with a notice of what was
/// just done, if anything.
async fn render_receipt(
    state: &AppState,
    view: &crate::store::ReceiptView,
    receipt: &str,
    withdraw_error: Option<&str>,
    notice: Option<&str>,
) -> Result<HttpResponse, Error> {
    let story_url = (view.status == crate::story::Status::Published).then(|| format!("/stories/{}", view.id));
    let consent = state.store.story(&view.id).await.map_err(|e| Error::from(e).page())?.consent;
    let status = context! {
        status => view.status.as_str(),
        label => view.status.explanation(),
        message => &view.message,
        story_url,
        consent => ser(&consent),
    };
    let contact = state.store.contact_requests_for_story(&view.id).await.map_err(|e| Error::from(e).page())?;
    let code = if withdraw_error.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    Ok(no_store(
        code,
        page(
            "receipt.html",
            None,
            context! { status, receipt => receipt.trim(), withdraw_error, notice, contact => ser(contact) },
        )?,
    ))
}

/// The receipt page saying a code opens nothing (the attempt was already counted).
fn unknown_receipt_page() -> Result<HttpResponse, Error> {
    let unknown = unknown_receipt();
    let error = super::i18n::error_message(&super::i18n::current(), unknown.code, &unknown.message);
    let page = page("receipt.html", None, context! { error })?;
    Ok(no_store(StatusCode::NOT_FOUND, page))
}

fn no_store(status: StatusCode, page: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type(header::ContentType::html())
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(page)
}

/// The storyteller's consent choices on the receipt page.
#[derive(Deserialize)]
pub struct ConsentPageForm {
    #[serde(default)]
    receipt: String,
    #[serde(default)]
    visibility: String,
    #[serde(default, deserialize_with = "checkbox")]
    allow_quotes: bool,
    #[serde(default, deserialize_with = "checkbox")]
    allow_photo: bool,
    #[serde(default, deserialize_with = "checkbox")]
    allow_contact: bool,
}

#[tracing::instrument(skip_all)]
pub async fn change_consent(
    state: web::Data<AppState>,
    Form(form): Form<ConsentPageForm>,
) -> Result<HttpResponse, Error> {
    let Some(visibility) = Visibility::parse(&form.visibility) else {
        return receipt_status_page(&state, &form.receipt, Some("receipt-error-visibility")).await;
    };
    let Some(view) = state.open_receipt(&form.receipt).await.map_err(Error::page)? else {
        return unknown_receipt_page();
    };
    let change = submit::ConsentChange {
        visibility: Some(visibility),
        allow_quotes: Some(form.allow_quotes),
        allow_photo: Some(form.allow_photo),
        allow_contact: Some(form.allow_contact),
    };
    let (_, seq) = submit::change_consent(&state.store, &view.id, &change).await.map_err(|e| Error::from(e).page())?;
    if let Some(seq) = seq {
        moderation::wait_until_searchable(&state.index, seq).await;
    }
    render_receipt(&state, &view, &form.receipt, None, Some("receipt-notice-consent")).await
}

pub async fn export_my_story(
    state: web::Data<AppState>,
    Form(form): Form<ReceiptPageForm>,
) -> Result<HttpResponse, Error> {
    let Some(view) = state.open_receipt(&form.receipt).await.map_err(Error::page)? else {
        return unknown_receipt_page();
    };
    let data = submit::storyteller_data(&state.store, &view.id).await.map_err(|e| Error::from(e).page())?;
    Ok(super::api::my_story_json(&data))
}

#[derive(Deserialize)]
pub struct WithdrawPageForm {
    #[serde(default)]
    receipt: String,
    #[serde(default)]
    confirm: String,
}

#[tracing::instrument(skip_all)]
pub async fn withdraw_story(
    state: web::Data<AppState>,
    Form(form): Form<WithdrawPageForm>,
) -> Result<HttpResponse, Error> {
    if form.confirm != "yes" {
        return receipt_status_page(&state, &form.receipt, Some("receipt-error-confirm")).await;
    }
    let seq = state.withdraw_by_receipt(&form.receipt).await.map_err(Error::page)?;
    let Some(seq) = seq else { return unknown_receipt_page() };
    moderation::wait_until_searchable(&state.index, seq).await;
    let status = context! { status => "withdrawn" };
    Ok(private_html(page("receipt.html", None, context! { status })?))
}

/// One facet value with the link that toggles it.
#[derive(Serialize)]
struct FacetValue {
    value: String,
    label: String,
    /// `None` when so few stories hold the value that its count could point at someone.
    count: Option<u64>,
    selected: bool,
    url: String,
}

fn search_url(request: &SearchRequest, change: Option<(&str, Option<&str>)>, page: Option<usize>) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    let current = [
        ("q", Some(request.q.clone())),
        ("theme", request.theme.clone()),
        ("origin", request.origin.clone()),
        ("transit", request.transit.clone()),
        ("residence", request.residence.clone()),
        ("language", request.language.clone()),
        ("year_from", request.year_from.clone()),
        ("year_to", request.year_to.clone()),
        ("sort", request.sort.clone()),
        ("per_page", request.per_page.clone()),
    ];
    for (key, value) in current {
        let value = match change {
            Some((changed, new)) if changed == key => new.map(str::to_owned),
            _ => value,
        };
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            pairs.push((key, value));
        }
    }
    if let Some(page) = page.filter(|p| *p > 1) {
        pairs.push(("page", page.to_string()));
    }
    let prefix = super::i18n::current().prefix;
    format!("{prefix}/search?{}", serde_html_form::to_string(&pairs).unwrap_or_default())
}

fn facet_views(request: &SearchRequest, facets: &Facets) -> BTreeMap<&'static str, Vec<FacetValue>> {
    let groups: [(&'static str, &FacetCounts, Option<&String>); 6] = [
        ("theme", &facets.theme, request.theme.as_ref()),
        ("origin", &facets.origin, request.origin.as_ref()),
        ("transit", &facets.transit, request.transit.as_ref()),
        ("residence", &facets.residence, request.residence.as_ref()),
        ("language", &facets.language, request.language.as_ref()),
        ("year", &facets.year, None),
    ];
    let mut views = BTreeMap::new();
    for (group, counts, selected_value) in groups {
        let mut values: Vec<FacetValue> = counts
            .iter()
            .map(|(value, count)| {
                let selected = selected_value.is_some_and(|s| s.eq_ignore_ascii_case(value));
                let label = match group {
                    "theme" => vocabulary::theme(value).map_or(value.clone(), |t| t.label.to_owned()),
                    "origin" | "transit" | "residence" => country_name(value).unwrap_or(value).to_owned(),
                    "language" => vocabulary::language_name(value),
                    _ => value.clone(),
                };
                let url = if group == "year" {
                    let mut narrowed = request.clone();
                    narrowed.year_from = Some(value.clone());
                    search_url(&narrowed, Some(("year_to", Some(value))), None)
                } else {
                    search_url(request, Some((group, if selected { None } else { Some(value) })), None)
                };
                FacetValue { value: value.clone(), label, count: *count, selected, url }
            })
            .collect();
        if group == "year" {
            values.sort_by(|a, b| b.value.cmp(&a.value));
        } else {
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        }
        views.insert(group, values);
    }
    views
}

pub async fn search(
    state: web::Data<AppState>,
    viewer: Viewer,
    request: web::Query<SearchRequest>,
) -> Result<HttpResponse, Error> {
    let mut request = request.into_inner();
    // A query that does not parse is read the way it was most likely meant, and the page
    // says how (the API answers 400 instead).
    let read_as = match crate::search::query::parse(&request.q) {
        Err(_) => crate::search::query::mend(&request.q),
        Ok(_) => None,
    };
    let typed = read_as.as_ref().map(|_| request.q.clone());
    if let Some(mended) = &read_as {
        request.q = mended.clone();
    }
    let filters = context! {
        theme => &request.theme, origin => &request.origin, transit => &request.transit,
        residence => &request.residence, language => &request.language, year_from => &request.year_from,
        year_to => &request.year_to, sort => &request.sort,
    };
    let themes: Vec<_> = THEMES.iter().map(|t| context! { slug => t.slug, label => t.label }).collect();
    let lists = context! { themes, languages => ser(LANGUAGES) };
    let (status, ctx) = match state.index.search(&request, viewer.audience()).await {
        Ok(SearchResults { total, page, per_page, hits, facets }) => {
            let pages = total.div_ceil(per_page).max(1);
            let mut exported = request.clone();
            (exported.page, exported.per_page) = (None, None);
            let export_query = serde_html_form::to_string(&exported).unwrap_or_default();
            let ctx = context! {
                export_query, read_as, typed,
                q => &request.q, filters, total, page, pages,
                hits => ser(hits.into_iter().map(HitView::new).collect::<Vec<_>>()),
                facets => ser(facet_views(&request, &facets)),
                prev_url => (page > 1).then(|| search_url(&request, None, Some(page - 1))),
                next_url => (page < pages).then(|| search_url(&request, None, Some(page + 1))),
                ..lists
            };
            (StatusCode::OK, ctx)
        }
        Err(error) => {
            let message = super::i18n::search_message(&super::i18n::current(), &error);
            let error = Error::from(error);
            if error.status.is_server_error() {
                return Err(error.page());
            }
            (error.status, context! { q => &request.q, filters, total => 0, error => message, ..lists })
        }
    };
    let page = page("search.html", viewer.session(), ctx)?;
    Ok(reader_page(status, &viewer, page))
}

/// Stories listed under "more like this" on a story page.
const MORE_LIKE_THIS: usize = 4;

pub async fn story(state: web::Data<AppState>, viewer: Viewer, id: web::Path<String>) -> Result<HttpResponse, Error> {
    let story = readable_story(&state, &viewer, &id).await.map_err(Error::page)?;
    // A story page without its neighbours is still a story page.
    let alike = state.index.more_like(&story, viewer.audience(), MORE_LIKE_THIS).await.unwrap_or_else(|error| {
        tracing::warn!(%error, "more like this failed");
        Vec::new()
    });
    let alike: Vec<HitView> = alike.into_iter().map(HitView::new).collect();
    // A journalist sees whether the teller accepts contact requests, and their own.
    let asked = match viewer.session() {
        Some(session) if session.user.role != crate::store::Role::Moderator && story.allow_contact => {
            let mine = state.store.contact_requests_of(session.user.id).await.map_err(|e| Error::from(e).page())?;
            Some(mine.into_iter().filter(|r| r.story_id == story.id).collect::<Vec<_>>())
        }
        _ => None,
    };
    let StoryView { story, url, citation, photo } = StoryView::new(story);
    let paragraphs = paragraphs(&story.body);
    let ctx = context! {
        story => context! {
            id => &story.id, title => &story.title, paragraphs, pseudonym => &story.pseudonym,
            language => &story.language, dir => vocabulary::direction(&story.language),
            language_name => vocabulary::language_name(&story.language),
            themes => ser(theme_labels(&story.themes)),
            origin_name => story.origin_country.as_deref().and_then(country_name),
            transit_names => story.transit_countries.iter().filter_map(|c| country_name(c)).collect::<Vec<_>>(),
            residence_name => story.residence_country.as_deref().and_then(country_name),
            year => story.year, published_at => story.published_at.get(..10).unwrap_or_default(),
            visibility => story.visibility.as_str(), allow_quotes => story.allow_quotes, url, citation,
            photo => ser(photo),
        },
        alike => ser(alike),
        asked => ser(asked),
    };
    let page = page("story.html", viewer.session(), ctx)?;
    Ok(reader_page(StatusCode::OK, &viewer, page))
}

fn cookie(state: &AppState, name: &'static str, value: String, max_age: CookieDuration) -> Cookie<'static> {
    Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.secure_cookies)
        .max_age(max_age)
        .finish()
}

fn login_page(
    state: &AppState,
    status: StatusCode,
    error: Option<&str>,
    username: &str,
) -> Result<HttpResponse, Error> {
    let token = accounts::random_token().map_err(|e| Error::internal(&e).page())?;
    let body = page("login.html", None, context! { login_csrf => &token, error, username })?;
    Ok(HttpResponse::build(status)
        .content_type(header::ContentType::html())
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .cookie(cookie(state, LOGIN_CSRF_COOKIE, token, CookieDuration::hours(1)))
        .body(body))
}

pub async fn login_form(state: web::Data<AppState>) -> Result<HttpResponse, Error> {
    login_page(&state, StatusCode::OK, None, "")
}

#[derive(Deserialize)]
pub struct LoginPageForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    Form(form): Form<LoginPageForm>,
) -> Result<HttpResponse, Error> {
    let expected = req.cookie(LOGIN_CSRF_COOKIE).map(|c| c.value().to_owned()).unwrap_or_default();
    if expected.is_empty() || !accounts::same_secret(&expected, &form.csrf) {
        return login_page(&state, StatusCode::FORBIDDEN, Some(&Error::csrf().message), &form.username);
    }
    match state.login(&form.username, &form.password, SessionKind::Cookie).await {
        Ok(session) => {
            let target = if session.user.role == Role::Journalist { "/search" } else { "/moderate" };
            let mut expired = cookie(&state, LOGIN_CSRF_COOKIE, String::new(), CookieDuration::ZERO);
            expired.make_removal();
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, target))
                .cookie(cookie(&state, SESSION_COOKIE, session.token, CookieDuration::hours(12)))
                .cookie(expired)
                .finish())
        }
        Err(error) if error.status.is_client_error() => {
            login_page(&state, error.status, Some(&error.message), &form.username)
        }
        Err(error) => Err(error.page()),
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn logout(
    state: web::Data<AppState>,
    staff: Staff,
    req: HttpRequest,
    Form(form): Form<CsrfForm>,
) -> Result<HttpResponse, Error> {
    staff.check_csrf(&form.csrf)?;
    let token = req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned()).unwrap_or_default();
    accounts::logout(&state.store, &token, &staff.0.user.username).await.map_err(|e| Error::from(e).page())?;
    let mut removal = cookie(&state, SESSION_COOKIE, String::new(), CookieDuration::ZERO);
    removal.make_removal();
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, "/")).cookie(removal).finish())
}

pub async fn moderation_queue(state: web::Data<AppState>, moderator: Moderator) -> Result<HttpResponse, Error> {
    let queue = state.store.queue(QUEUE_PAGE).await.map_err(|e| Error::from(e).page())?;
    let queue: Vec<QueueItem> = queue.iter().map(|record| QueueItem::new(record, state.settings.rules)).collect();
    let contact = state.store.pending_contact_requests().await.map_err(|e| Error::from(e).page())?;
    let ctx = context! { queue => ser(queue), contact => ser(contact) };
    Ok(private_html(page("moderate_queue.html", Some(&moderator.0), ctx)?))
}

#[derive(Deserialize)]
pub struct ContactDecisionPageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
}

pub async fn decide_contact_request(
    state: web::Data<AppState>,
    moderator: Moderator,
    id: web::Path<String>,
    Form(form): Form<ContactDecisionPageForm>,
) -> Result<HttpResponse, Error> {
    moderator.check_csrf(&form.csrf)?;
    super::api::decide_contact(&state, &moderator.0.user.username, &id, &form.action).await.map_err(Error::page)?;
    Ok(see_other("/moderate#contact-title"))
}

/// The moderator's choices on the review page.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ReviewPageForm {
    csrf: String,
    accept: Vec<String>,
    /// For each flagged detail: `redact:ID`, `keep:ID`, or nothing yet.
    decision: Vec<String>,
    /// Wider text to redact instead of a suggestion, aligned with `widen_id`.
    widen: Vec<String>,
    widen_id: Vec<String>,
    extra_terms: String,
    extra_category: String,
    /// Regions of the photo to blur, one per line: `left top width height` in percent.
    blur: String,
    /// The revision of the submission the page showed.
    revision: String,
    reason: String,
    action: String,
}

const EXTRA_CATEGORIES: [Category; 3] = [Category::Person, Category::Place, Category::Other];

impl ReviewPageForm {
    fn choice(&self) -> Choice {
        let decided = |verb: &str| -> Vec<String> {
            self.decision.iter().filter_map(|d| d.strip_prefix(verb)?.strip_prefix(':').map(str::to_owned)).collect()
        };
        let mut accepted = self.accept.clone();
        accepted.extend(decided("redact"));
        let widened = self
            .widen_id
            .iter()
            .zip(&self.widen)
            .filter(|(_, text)| !text.trim().is_empty())
            .map(|(id, text)| (id.clone(), text.trim().to_owned()))
            .collect();
        Choice::Selected {
            accepted,
            kept: decided("keep"),
            widened,
            extra_terms: self.extra_terms.lines().filter_map(optional).collect(),
            extra_category: Category::parse(&self.extra_category)
                .filter(|c| EXTRA_CATEGORIES.contains(c))
                .unwrap_or(Category::Person),
        }
    }
}

fn review_page(
    moderator: &SessionUser,
    record: &crate::story::StoryRecord,
    form: &ReviewPageForm,
    rules: &Rules,
    error: Option<String>,
) -> Result<String, Error> {
    let suggestions = moderation::suggestions(record, rules);
    let choice = form.choice();
    // A wider text that does not fit is reported next to the form; the preview ignores it.
    let redacted = match moderation::preview(record, &choice, rules) {
        Err(ModerationError::Widen(_)) => {
            let plain = ReviewPageForm { widen: vec![], widen_id: vec![], ..form.clone() };
            moderation::preview(record, &plain.choice(), rules)
        }
        other => other,
    }
    .map_err(|e| Error::from(e).page())?;
    let decision_of = |id: &str| {
        form.decision.iter().find_map(|d| {
            let (verb, of) = d.split_once(':')?;
            (of == id).then_some(verb)
        })
    };
    let mut segments = Vec::new();
    let mut cursor = 0;
    for s in &suggestions {
        if s.start > cursor {
            segments.push(context! { text => &record.body[cursor..s.start], suggestion => () });
        }
        let accepted = form.accept.contains(&s.id) || decision_of(&s.id) != Some("keep");
        segments.push(context! {
            text => &record.body[s.start..s.end],
            suggestion => context! { id => &s.id, category => s.category.as_str(), placeholder => &s.placeholder, accepted },
        });
        cursor = s.end;
    }
    if cursor < record.body.len() {
        segments.push(context! { text => &record.body[cursor..], suggestion => () });
    }
    let suggestion_views: Vec<_> = suggestions
        .iter()
        .map(|s| {
            let widen = form.widen_id.iter().position(|id| *id == s.id).and_then(|i| form.widen.get(i));
            context! {
                id => &s.id, category => s.category.as_str(), text => &s.text, placeholder => &s.placeholder,
                rule => &s.rule, accepted => form.accept.contains(&s.id), flagged => s.action == Action::Flag,
                decision => decision_of(&s.id), widen => widen,
            }
        })
        .collect();
    let story = context! {
        id => &record.id, title => &record.title, body => &record.body, language => &record.language,
        dir => vocabulary::direction(&record.language), pseudonym => &record.pseudonym,
        origin_country => &record.origin_country, residence_country => &record.residence_country,
        transit_countries => &record.transit_countries, year => record.year, themes => &record.themes,
        visibility => record.consent.visibility.as_str(), allow_quotes => record.consent.allow_quotes,
        allow_contact => record.consent.allow_contact, private_terms => &record.private_terms,
        submitted_at => &record.submitted_at, status => record.status.as_str(),
        photo => record.photo, allow_photo => record.consent.allow_photo, revision => record.revision,
    };
    let blur_error = media::parse_regions(&form.blur).err().map(|e| Error::from(e).message);
    let preview_paragraphs = paragraphs(&redacted.body);
    page(
        "moderate_review.html",
        Some(moderator),
        context! {
            story, segments, suggestions => suggestion_views,
            extra_terms => &form.extra_terms,
            extra_category => choice_category(&form.extra_category),
            categories => EXTRA_CATEGORIES.map(Category::as_str),
            preview_title => &redacted.title, preview_paragraphs,
            reason => &form.reason, error, blur => form.blur.trim(), blur_error,
        },
    )
}

fn choice_category(value: &str) -> &'static str {
    Category::parse(value).filter(|c| EXTRA_CATEGORIES.contains(c)).unwrap_or(Category::Person).as_str()
}

pub async fn review_story(
    state: web::Data<AppState>,
    moderator: Moderator,
    id: web::Path<String>,
) -> Result<HttpResponse, Error> {
    let record = state.store.story(&id).await.map_err(|e| Error::from(e).page())?;
    // At first every suggestion is accepted, but a flag waits for the moderator's decision.
    let form = ReviewPageForm {
        accept: moderation::suggestions(&record, state.settings.rules)
            .into_iter()
            .filter(|s| s.action != Action::Flag)
            .map(|s| s.id)
            .collect(),
        ..ReviewPageForm::default()
    };
    Ok(review_html(StatusCode::OK, review_page(&moderator.0, &record, &form, state.settings.rules, None)?))
}

async fn publish_from_page(
    state: &AppState,
    id: &str,
    form: &ReviewPageForm,
    actor: &str,
) -> Result<Publication, ModerationError> {
    let blur = media::parse_regions(&form.blur)?;
    let revision = form.revision.trim().parse().ok();
    moderation::publish(
        &state.store,
        state.settings.rules,
        id,
        &moderation::Approval { choice: &form.choice(), blur: &blur, revision },
        actor,
    )
    .await
}

#[tracing::instrument(skip_all, fields(id = %id))]
pub async fn decide_story(
    state: web::Data<AppState>,
    moderator: Moderator,
    id: web::Path<String>,
    Form(form): Form<ReviewPageForm>,
) -> Result<HttpResponse, Error> {
    moderator.check_csrf(&form.csrf)?;
    let actor = &moderator.0.user.username;
    let outcome = match form.action.as_str() {
        "publish" => match publish_from_page(&state, &id, &form, actor).await {
            Ok(Publication::Published(story, seq)) => {
                moderation::wait_until_searchable(&state.index, seq).await;
                return Ok(see_other(&format!("/stories/{}", story.id)));
            }
            Ok(Publication::AwaitingSecondApproval) => return Ok(see_other("/moderate")),
            Err(error) => Err(error),
        },
        "reject" => moderation::reject(&state.store, &id, Some(&form.reason), actor).await,
        _ => Ok(()),
    };
    match outcome {
        Ok(()) if form.action == "reject" => Ok(see_other("/moderate")),
        Ok(()) => {
            let record = state.store.story(&id).await.map_err(|e| Error::from(e).page())?;
            Ok(review_html(StatusCode::OK, review_page(&moderator.0, &record, &form, state.settings.rules, None)?))
        }
        Err(ModerationError::Store(error)) => Err(Error::from(error).page()),
        Err(error) => {
            let record = state.store.story(&id).await.map_err(|e| Error::from(e).page())?;
            let message = Error::from(error).message;
            let body = review_page(&moderator.0, &record, &form, state.settings.rules, Some(message))?;
            Ok(review_html(StatusCode::BAD_REQUEST, body))
        }
    }
}

/// The review page: unpublished text, so never stored, and the one page allowed its script.
fn review_html(status: StatusCode, page: String) -> HttpResponse {
    let mut response = private_html(page);
    *response.status_mut() = status;
    let policy = header::HeaderValue::from_static(super::REVIEW_SECURITY_POLICY);
    response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, policy);
    response
}

pub async fn unpublish_story(
    state: web::Data<AppState>,
    moderator: Moderator,
    id: web::Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<HttpResponse, Error> {
    moderator.check_csrf(&form.csrf)?;
    moderation::unpublish(&state.store, &state.index, &id, None, &moderator.0.user.username)
        .await
        .map_err(|e| Error::from(e).page())?;
    Ok(see_other("/moderate"))
}

/// The stylesheet and the review page's script, cached for a day.
pub async fn static_file(name: web::Path<String>) -> Result<HttpResponse, Error> {
    let (_, content_type, body) =
        STATIC_FILES.iter().find(|(file, ..)| *file == name.as_str()).ok_or_else(|| Error::not_found("file").page())?;
    Ok(HttpResponse::Ok()
        .content_type(*content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(*body))
}

pub async fn not_found() -> Result<HttpResponse, Error> {
    Err(Error::not_found("page").page())
}

#[derive(Deserialize, Default)]
pub struct GuideForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    language: String,
}

/// The terminology guide, the page's language first, and the draft check with its result.
fn guide_page(
    state: &AppState,
    viewer: &Viewer,
    form: &GuideForm,
    checked: Option<Result<Vec<crate::terminology::Finding>, Error>>,
) -> Result<HttpResponse, Error> {
    let guide = state.settings.terminology;
    let ui = super::i18n::current();
    let mut languages = guide.languages();
    languages.sort_by_key(|code| *code != ui.code.as_str());
    let sections: Vec<_> = languages
        .iter()
        .map(|&code| {
            let entries: Vec<_> = guide.entries().iter().filter(|e| e.language == code).collect();
            context! { code, name => vocabulary::language_name(code), dir => vocabulary::direction(code), entries => ser(entries) }
        })
        .collect();
    let choices: Vec<_> =
        languages.iter().map(|&code| context! { code, name => vocabulary::language_name(code) }).collect();
    let (status, findings, draft_html, error) = match checked {
        None => (StatusCode::OK, None, None, None),
        Some(Ok(findings)) => {
            let marks: Vec<_> = findings.iter().map(|f| f.start..f.end).collect();
            let html = crate::search::mark(&form.text, &marks);
            (StatusCode::OK, Some(findings), Some(html), None)
        }
        Some(Err(error)) => (error.status, None, None, Some(error.message)),
    };
    let ctx = context! {
        sections, choices, text => &form.text, language => &form.language,
        findings => ser(findings), draft_html, error,
    };
    let body = page("guide.html", viewer.session(), ctx)?;
    let mut response = reader_page(status, viewer, body);
    // A checked draft is the journalist's own text: never kept by a cache.
    response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    Ok(response)
}

pub async fn guide(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, Error> {
    guide_page(&state, &viewer, &GuideForm::default(), None)
}

pub async fn check_guide(
    state: web::Data<AppState>,
    viewer: Viewer,
    Form(form): Form<GuideForm>,
) -> Result<HttpResponse, Error> {
    let checked = super::api::check_draft(state.settings.terminology, &form.text, Some(&form.language));
    guide_page(&state, &viewer, &form, Some(checked))
}

fn join_page(
    status: StatusCode,
    form: &crate::accounts::JoinForm,
    error: Option<Error>,
    done: bool,
) -> Result<HttpResponse, Error> {
    let kept =
        context! { name => &form.name, outlet => &form.outlet, purpose => &form.purpose, username => &form.username };
    let (error, field) = match error {
        Some(error) => (Some(error.message), error.field),
        None => (None, None),
    };
    let body = page("join.html", None, context! { form => kept, error, field, done })?;
    let mut response = private_html(body);
    *response.status_mut() = status;
    Ok(response)
}

pub async fn join_form() -> Result<HttpResponse, Error> {
    join_page(StatusCode::OK, &crate::accounts::JoinForm::default(), None, false)
}

pub async fn join(
    state: web::Data<AppState>,
    Form(form): Form<crate::accounts::JoinForm>,
) -> Result<HttpResponse, Error> {
    match crate::accounts::request_access(&state.store, &form).await {
        Ok(_) => join_page(StatusCode::OK, &crate::accounts::JoinForm::default(), None, true),
        Err(error) => {
            let error = Error::from(error);
            if error.status.is_server_error() {
                return Err(error.page());
            }
            join_page(error.status, &form, Some(error), false)
        }
    }
}

#[derive(Deserialize)]
pub struct ContactPageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    message: String,
}

pub async fn request_contact(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
    Form(form): Form<ContactPageForm>,
) -> Result<HttpResponse, Error> {
    staff.check_csrf(&form.csrf)?;
    super::api::ask_for_contact(&state, &staff.0, &id, &form.message).await.map_err(Error::page)?;
    Ok(see_other(&format!("/stories/{id}#contact-title")))
}

#[derive(Deserialize)]
pub struct ContactAnswerPageForm {
    #[serde(default)]
    receipt: String,
    #[serde(default)]
    request: String,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    reply: String,
}

pub async fn answer_contact_request(
    state: web::Data<AppState>,
    Form(form): Form<ContactAnswerPageForm>,
) -> Result<HttpResponse, Error> {
    let Some(view) = state.open_receipt(&form.receipt).await.map_err(Error::page)? else {
        return unknown_receipt_page();
    };
    match super::api::answer_contact(&state, &view.id, &form.request, &form.answer, &form.reply).await {
        Ok(()) => render_receipt(&state, &view, &form.receipt, None, Some("receipt-notice-contact")).await,
        Err(error) if error.status.is_client_error() => {
            render_receipt(&state, &view, &form.receipt, None, Some("receipt-contact-error")).await
        }
        Err(error) => Err(error.page()),
    }
}

/// The signed-in account's page: API tokens and contact requests.
async fn account_page(
    state: &AppState,
    staff: &Staff,
    new_token: Option<(String, String)>,
    error: Option<String>,
) -> Result<HttpResponse, Error> {
    let user = &staff.0.user;
    let tokens = state.store.tokens_of(user.id).await.map_err(|e| Error::from(e).page())?;
    let contact = state.store.contact_requests_of(user.id).await.map_err(|e| Error::from(e).page())?;
    let (new_token, new_label) = new_token.unzip();
    let status = if error.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let ctx = context! { tokens => ser(tokens), contact => ser(contact), new_token, new_label, error };
    let mut response = private_html(page("account.html", Some(&staff.0), ctx)?);
    *response.status_mut() = status;
    Ok(response)
}

pub async fn account(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, Error> {
    account_page(&state, &staff, None, None).await
}

#[derive(Deserialize)]
pub struct TokenPageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    label: String,
}

pub async fn create_token(
    state: web::Data<AppState>,
    staff: Staff,
    Form(form): Form<TokenPageForm>,
) -> Result<HttpResponse, Error> {
    staff.check_csrf(&form.csrf)?;
    let label = form.label.trim();
    if label.chars().count() > accounts::MAX_TOKEN_LABEL_CHARS {
        let error = format!("A token's name has at most {} characters.", accounts::MAX_TOKEN_LABEL_CHARS);
        return account_page(&state, &staff, None, Some(error)).await;
    }
    let created =
        accounts::create_token(&state.store, &staff.0.user, label).await.map_err(|e| Error::from(e).page())?;
    account_page(&state, &staff, Some((created.token, label.to_owned())), None).await
}

pub async fn revoke_token(
    state: web::Data<AppState>,
    staff: Staff,
    id: web::Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<HttpResponse, Error> {
    staff.check_csrf(&form.csrf)?;
    let id: i64 = id.parse().map_err(|_| Error::not_found("token").page())?;
    accounts::revoke_token(&state.store, &staff.0.user, id).await.map_err(|e| Error::from(e).page())?;
    Ok(see_other("/account"))
}

pub async fn admin(state: web::Data<AppState>, admin: super::auth::Admin) -> Result<HttpResponse, Error> {
    let requests = state.store.access_requests().await.map_err(|e| Error::from(e).page())?;
    let exports = state.store.exports(100).await.map_err(|e| Error::from(e).page())?;
    state.store.audit(&admin.0.user.username, "read export log", None, "").await.map_err(|e| Error::from(e).page())?;
    let ctx = context! { requests => ser(requests), exports => ser(exports) };
    Ok(private_html(page("admin.html", Some(&admin.0), ctx)?))
}

#[derive(Deserialize)]
pub struct AccessDecisionPageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision: String,
}

pub async fn decide_access(
    state: web::Data<AppState>,
    admin: super::auth::Admin,
    id: web::Path<String>,
    Form(form): Form<AccessDecisionPageForm>,
) -> Result<HttpResponse, Error> {
    admin.check_csrf(&form.csrf)?;
    let id: i64 = id.parse().map_err(|_| Error::not_found("access request").page())?;
    super::api::decide_access_request(&state, &admin.0.user.username, id, &form.decision).await.map_err(Error::page)?;
    Ok(see_other("/admin"))
}
