//! HTML templates (minijinja), compiled into the binary so the archive runs from anywhere.

use std::sync::LazyLock;

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::Serialize;

use crate::store::SessionUser;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("submit.html", include_str!("../../templates/submit.html")),
    ("submitted.html", include_str!("../../templates/submitted.html")),
    ("receipt.html", include_str!("../../templates/receipt.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("story.html", include_str!("../../templates/story.html")),
    ("login.html", include_str!("../../templates/login.html")),
    ("moderate_queue.html", include_str!("../../templates/moderate_queue.html")),
    ("moderate_review.html", include_str!("../../templates/moderate_review.html")),
    ("error.html", include_str!("../../templates/error.html")),
];

pub const STYLESHEET: &str = include_str!("../../static/style.css");

static ENVIRONMENT: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    for (name, source) in TEMPLATES {
        if let Err(error) = env.add_template(name, source) {
            // A broken template is a build defect; the template tests catch it.
            tracing::error!(%error, template = name, "template does not compile");
        }
    }
    env
});

/// Renders a page for `viewer`; the globals `user` and `csrf` come from the session.
pub fn render(name: &str, viewer: Option<&SessionUser>, ctx: impl Serialize) -> Result<String, minijinja::Error> {
    let user = viewer.map(|v| &v.user);
    let csrf = viewer.map(|v| v.csrf.as_str());
    let ctx = context! { user => Value::from(Serde(user)), csrf => csrf, ..Value::from(Serde(ctx)) };
    ENVIRONMENT.get_template(name)?.render(ctx)
}

/// The error page; falls back to plain text if even that cannot be rendered.
pub fn render_error(status: u16, title: &str, message: &str) -> String {
    render("error.html", None, context! { status, title, message })
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
        let page = render_error(400, "Bad", "<script>alert(1)</script>");
        assert!(page.contains("&lt;script&gt;"));
        assert!(!page.contains("<script>"));
    }
}
