//! The interface in the reader's language. Messages come from Fluent catalogues kept beside
//! the templates (`templates/locales/LANG/passage.ftl`), compiled into the binary: adding a
//! language is adding a catalogue. The language of a request is chosen, in order, by a path
//! prefix (`/ar/search`), by `Accept-Language`, or English. The prefix is carried by every
//! link and form of the page, so a choice is remembered without any cookie.
//!
//! A middleware strips the prefix before routing (so each page has one route) and runs the
//! request with its language in a task-local, where templates and error pages find it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Uri, header};
use actix_web::middleware::Next;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};
use serde::Serialize;

static_loader! {
    static LOCALES = {
        locales: "./templates/locales",
        fallback_language: "en",
        // Pages isolate bidirectional text with HTML (`dir`, `<bdi>`), not invisible marks.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages the interface is written in, English first, then by code.
static LANGUAGES: LazyLock<Vec<&'static LanguageIdentifier>> = LazyLock::new(|| {
    let mut languages: Vec<&'static LanguageIdentifier> = LOCALES.locales().collect();
    languages.sort_by_key(|l| (l.language.as_str() != "en", l.to_string()));
    languages
});

fn identifier(code: &str) -> &'static LanguageIdentifier {
    LANGUAGES.iter().copied().find(|l| l.to_string() == code).unwrap_or(LANGUAGES[0])
}

/// The codes of the interface's languages.
pub fn languages() -> impl Iterator<Item = String> {
    LANGUAGES.iter().map(|l| l.to_string())
}

/// A language of the interface, as a page needs it.
#[derive(Debug, Clone, Serialize)]
pub struct Ui {
    pub code: String,
    pub dir: &'static str,
    /// What internal links start with: `/ar` when the language came from the path, else "".
    pub prefix: String,
    /// The page's path and query without any language prefix, for the language switcher.
    pub path: String,
}

impl Ui {
    fn new(code: &str, explicit: bool, path: String) -> Ui {
        Ui {
            code: code.to_owned(),
            dir: crate::story::vocabulary::direction(code),
            prefix: if explicit { format!("/{code}") } else { String::new() },
            path,
        }
    }

    /// A message of this language's catalogue (English when it has none).
    pub fn t(&self, key: &str) -> String {
        message(&self.code, key, &[])
    }
}

tokio::task_local! {
    static CURRENT: Ui;
}

/// The language of the request being handled (English outside a request).
pub fn current() -> Ui {
    CURRENT.try_with(Ui::clone).unwrap_or_else(|_| Ui::new("en", false, "/".into()))
}

/// A message in `code`, with arguments; the key itself if no catalogue has it.
pub fn message(code: &str, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
        args.iter().map(|(name, value)| (Cow::Owned((*name).to_owned()), value.clone())).collect();
    LOCALES.try_lookup_with_args(identifier(code), key, &args).unwrap_or_else(|| key.to_owned())
}

/// Whether some catalogue has `key` (English has every key).
pub fn has_message(key: &str) -> bool {
    LOCALES.try_lookup(LANGUAGES[0], key).is_some()
}

/// The best interface language for an `Accept-Language` header.
pub fn negotiate(accept: &str) -> Option<String> {
    let mut wanted: Vec<(f32, usize, &str)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(position, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let quality =
                parts.find_map(|p| p.trim().strip_prefix("q=")).map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (quality > 0.0 && !tag.is_empty()).then_some((quality, position, tag))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    wanted.iter().find_map(|(_, _, tag)| {
        let primary = crate::story::vocabulary::primary_language(tag);
        languages().find(|code| *code == primary)
    })
}

/// Splits `/ar/search` into `("ar", "/search")` when `ar` is an interface language.
fn language_prefix(path: &str) -> Option<(String, &str)> {
    let rest = path.strip_prefix('/')?;
    let (first, tail) = rest.split_once('/').map_or((rest, ""), |(first, _)| (first, &rest[first.len()..]));
    languages().find(|code| code == first).map(|code| (code, if tail.is_empty() { "/" } else { tail }))
}

/// Chooses the request's language, strips a language prefix before routing, and runs the
/// rest of the request with that language current. Answers chosen by `Accept-Language`
/// say so (`Vary`), so no cache serves one language for another.
pub async fn middleware(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let query = req.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
    let ui = match language_prefix(req.path()) {
        Some((code, rest)) => {
            let rest = rest.to_owned();
            let mut parts = req.head().uri.clone().into_parts();
            parts.path_and_query = format!("{rest}{query}").parse().ok();
            if let Ok(uri) = Uri::from_parts(parts) {
                req.match_info_mut().get_mut().update(&uri);
                req.head_mut().uri = uri;
            }
            Ui::new(&code, true, format!("{rest}{query}"))
        }
        None => {
            let accept = req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
            let code = negotiate(accept).unwrap_or_else(|| "en".into());
            Ui::new(&code, false, format!("{}{query}", req.path()))
        }
    };
    let explicit = !ui.prefix.is_empty();
    let mut response = CURRENT.scope(ui, next.call(req)).await?;
    if !explicit {
        response.headers_mut().append(header::VARY, header::HeaderValue::from_static("accept-language"));
    }
    Ok(response)
}

/// A field error of a submission in the current language; the English message when the
/// catalogue has no message for it.
pub fn field_message(ui: &Ui, error: &crate::story::FieldError) -> String {
    use crate::story::{
        MAX_BODY_CHARS, MAX_PRIVATE_TERM_CHARS, MAX_PRIVATE_TERMS, MAX_PSEUDONYM_CHARS, MAX_THEMES, MAX_TITLE_CHARS,
        MAX_TRANSIT_COUNTRIES,
    };
    let key = format!("error-{}-{}", error.field.replace(['.', '_'], "-"), error.code.replace('_', "-"));
    if !has_message(&key) {
        return error.message.clone();
    }
    let max = match (error.field, error.code) {
        ("title", "too_long") => MAX_TITLE_CHARS,
        ("body", "too_long") => MAX_BODY_CHARS,
        ("pseudonym", "too_long") => MAX_PSEUDONYM_CHARS,
        ("transit_countries", _) => MAX_TRANSIT_COUNTRIES,
        ("themes", "too_many") => MAX_THEMES,
        ("private_terms", "too_long") => MAX_PRIVATE_TERM_CHARS,
        ("private_terms", _) => MAX_PRIVATE_TERMS,
        _ => 0,
    };
    let this_year = crate::story::submit::this_year();
    message(&ui.code, &key, &[("max", max.into()), ("latest", this_year.into())])
}

/// What the search page says when a search cannot run, in the reader's language. (The API
/// answers in English, with the field at fault.)
pub fn search_message(ui: &Ui, error: &crate::search::SearchError) -> String {
    use crate::search::{MAX_RESULT_WINDOW, QueryError, SearchError, query};
    let (key, max) = match error {
        SearchError::Query(QueryError::OnlyExclusions) | SearchError::NothingToSearch => {
            ("search-error-only-exclusions", 0)
        }
        SearchError::Query(QueryError::TooLong(_)) => ("search-error-too-long", query::MAX_QUERY_CHARS),
        SearchError::Query(QueryError::TooManyItems(_)) => ("search-error-too-many-parts", query::MAX_ITEMS),
        SearchError::Query(_) => ("search-error-query", 0),
        SearchError::YearsReversed { .. } => ("search-error-years-reversed", 0),
        SearchError::TooDeep => ("search-error-too-deep", MAX_RESULT_WINDOW),
        SearchError::BadFilter { .. } => ("search-error-filter", 0),
        _ => ("error-internal", 0),
    };
    message(&ui.code, key, &[("max", max.into())])
}

/// An error's message in the current language, chosen by its code; the English message
/// when the catalogue has none.
pub fn error_message(ui: &Ui, code: &str, english: &str) -> String {
    let key = format!("error-{}", code.replace('_', "-"));
    if has_message(&key) { message(&ui.code, &key, &[]) } else { english.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_header_by_quality() {
        assert_eq!(negotiate("ar-EG,ar;q=0.9,en;q=0.8").as_deref(), Some("ar"));
        assert_eq!(negotiate("de-DE, fr;q=0.5, en;q=0.7").as_deref(), Some("en"));
        assert_eq!(negotiate("ti, uk;q=0.3").as_deref(), Some("uk"));
        assert_eq!(negotiate("de, nl").as_deref(), None);
        assert_eq!(negotiate("fr;q=0, es").as_deref(), Some("es"));
        assert_eq!(negotiate("").as_deref(), None);
    }

    #[test]
    fn a_prefix_is_a_language_only_when_there_is_a_catalogue() {
        assert_eq!(language_prefix("/ar/search"), Some(("ar".into(), "/search")));
        assert_eq!(language_prefix("/fa"), Some(("fa".into(), "/")));
        assert_eq!(language_prefix("/stories/ab12"), None);
        assert_eq!(language_prefix("/api/v1/search"), None);
        assert_eq!(language_prefix("/arabic/search"), None);
    }

    /// Every catalogue has every message of the English one, and no message English lacks.
    #[test]
    fn every_catalogue_is_complete() {
        fn keys(source: &str) -> std::collections::BTreeSet<String> {
            source
                .lines()
                .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
                .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim().to_owned()))
                .collect()
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/locales");
        let english = keys(&std::fs::read_to_string(dir.join("en/passage.ftl")).unwrap());
        assert!(english.len() > 100, "{} messages", english.len());
        for code in languages() {
            let theirs = keys(&std::fs::read_to_string(dir.join(&code).join("passage.ftl")).unwrap());
            let missing: Vec<_> = english.difference(&theirs).collect();
            let extra: Vec<_> = theirs.difference(&english).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{code}: missing {missing:?}, extra {extra:?}");
            assert_ne!(message(&code, "language-name", &[]), "language-name", "{code} has no name");
        }
        assert!(languages().count() >= 6, "{:?}", languages().collect::<Vec<_>>());
    }
}
