//! HTML templates (minijinja), compiled into the binary so the archive runs from anywhere.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use fluent_templates::fluent_bundle::FluentValue;
use minijinja::value::{Kwargs, Serde};
use minijinja::{Environment, HtmlEscape, State, Value, context};
use serde::Serialize;

use super::i18n;
use crate::store::SessionUser;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("card.html", include_str!("../../templates/card.html")),
    ("submit.html", include_str!("../../templates/submit.html")),
    ("submitted.html", include_str!("../../templates/submitted.html")),
    ("receipt.html", include_str!("../../templates/receipt.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("story.html", include_str!("../../templates/story.html")),
    ("guide.html", include_str!("../../templates/guide.html")),
    ("join.html", include_str!("../../templates/join.html")),
    ("account.html", include_str!("../../templates/account.html")),
    ("admin.html", include_str!("../../templates/admin.html")),
    ("login.html", include_str!("../../templates/login.html")),
    ("flag_labels.html", include_str!("../../templates/flag_labels.html")),
    ("moderate_queue.html", include_str!("../../templates/moderate_queue.html")),
    ("moderate_review.html", include_str!("../../templates/moderate_review.html")),
    ("error.html", include_str!("../../templates/error.html")),
];

/// The files under `static/`, built into the binary: (name, content type, bytes).
pub const STATIC_FILES: [(&str, &str, &str); 2] = [
    ("style.css", "text/css; charset=utf-8", include_str!("../../static/style.css")),
    ("review.js", "text/javascript; charset=utf-8", include_str!("../../static/review.js")),
];

static ENVIRONMENT: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    for (name, source) in TEMPLATES {
        if let Err(error) = env.add_template(name, source) {
            // A broken template is a build defect; the template tests catch it.
            tracing::error!(%error, template = name, "template does not compile");
        }
    }
    env.add_function("t", translate);
    env.add_function("country_options", country_options);
    env
});

/// The page's language (`ui.code`).
fn page_language(state: &State) -> String {
    state.lookup("ui").and_then(|ui| ui.get_attr("code").ok()).map_or_else(|| "en".to_owned(), |c| c.to_string())
}

/// Every country's code and HTML-escaped name in a language, in its alphabetical order.
type Countries = Arc<[(String, String)]>;

/// [`Countries`] per language, made once.
static COUNTRY_OPTIONS: LazyLock<Mutex<HashMap<String, Countries>>> = LazyLock::new(Default::default);

/// `country_options(selected)`: an `<option>` for every country, named in the page's
/// language, `selected` (a code) marked. A search page has three such lists and the submit
/// form two; written by the template engine option by option, they took longer than the
/// search itself.
fn country_options(state: &State, selected: Option<String>) -> Value {
    let language = page_language(state);
    let options = {
        let mut cache = COUNTRY_OPTIONS.lock().unwrap_or_else(PoisonError::into_inner);
        cache
            .entry(language.clone())
            .or_insert_with(|| {
                crate::story::vocabulary::countries_in(&language)
                    .into_iter()
                    .map(|c| (c.code.to_owned(), HtmlEscape(c.name).to_string()))
                    .collect()
            })
            .clone()
    };
    let mut html = String::with_capacity(options.len() * 40);
    for (code, name) in options.iter() {
        let mark = if selected.as_deref() == Some(code.as_str()) { " selected" } else { "" };
        // Codes are two capital letters: nothing to escape.
        let _ = writeln!(html, "<option value=\"{code}\"{mark}>{name}</option>");
    }
    Value::from_safe_string(html)
}

/// `t("key", name=value, …)`: a message of the page's language (`ui.code`) with arguments.
fn translate(state: &State, key: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let code = page_language(state);
    let mut args = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let value = match i64::try_from(value.clone()) {
            Ok(number) => FluentValue::from(number),
            Err(_) => FluentValue::from(value.to_string()),
        };
        args.push((name, value));
    }
    Ok(i18n::message(&code, key, &args))
}

/// The interface languages for the switcher: code, own name, direction.
static LANGUAGE_LINKS: LazyLock<Vec<Value>> = LazyLock::new(|| {
    i18n::languages()
        .map(|code| {
            let name = i18n::message(&code, "language-name", &[]);
            context! { dir => crate::story::vocabulary::direction(&code), code, name }
        })
        .collect()
});

/// Renders a page for `viewer` in the request's language; the globals `user` and `csrf`
/// come from the session, `ui` and `ui_languages` from the language.
pub fn render(name: &str, viewer: Option<&SessionUser>, ctx: impl Serialize) -> Result<String, minijinja::Error> {
    let user = viewer.map(|v| &v.user);
    let csrf = viewer.map(|v| v.csrf.as_str());
    let ctx = context! {
        user => Value::from(Serde(user)), csrf => csrf,
        ui => Value::from(Serde(i18n::current())), ui_languages => LANGUAGE_LINKS.clone(),
        ..Value::from(Serde(ctx))
    };
    ENVIRONMENT.get_template(name)?.render(ctx)
}

/// The error page in the request's language (`title` names the kind of error, `code` and
/// `message` the error itself); plain text if even that cannot be rendered.
pub fn render_error(status: u16, title: &str, code: &str, message: &str) -> String {
    let message = i18n::error_message(&i18n::current(), code, message);
    render("error.html", None, context! { status, title, message => &message })
        .unwrap_or_else(|_| format!("{status} {title}: {message}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_compiles() {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            env.add_template(name, source).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn error_page_escapes_its_message() {
        let page = render_error(400, "did-not-work", "invalid", "<script>alert(1)</script>");
        assert!(page.contains("&lt;script&gt;"));
        assert!(!page.contains("<script>"));
    }
}
