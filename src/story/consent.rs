//! Consent: what the storyteller agreed to, and the exact text version they agreed to.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Who may read a published story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Anyone, once a moderator has published it.
    Public,
    /// Verified journalists and researchers only.
    Press,
    /// Kept in the archive, never shown.
    Private,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Press => "press",
            Visibility::Private => "private",
        }
    }

    pub fn parse(value: &str) -> Option<Visibility> {
        match value {
            "public" => Some(Visibility::Public),
            "press" => Some(Visibility::Press),
            "private" => Some(Visibility::Private),
            _ => None,
        }
    }
}

/// The consent a storyteller gives with a submission.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    pub visibility: Visibility,
    #[serde(default)]
    pub allow_quotes: bool,
    #[serde(default)]
    pub allow_photo: bool,
    #[serde(default)]
    pub allow_contact: bool,
    #[serde(default)]
    pub age_confirmed: bool,
    /// The story is about a child (under 18).
    #[serde(default)]
    pub about_minor: bool,
    /// The version of the consent text the storyteller was shown.
    pub version: String,
    /// The language of the consent text the storyteller was shown (`GET /api/v1/consent`).
    #[serde(default = "english")]
    pub language: String,
}

fn english() -> String {
    "en".into()
}

/// The languages the current consent text is written in.
pub fn languages() -> impl Iterator<Item = &'static str> {
    TEXTS.iter().map(|(code, _)| *code)
}

/// The consent text currently offered.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConsentText {
    pub version: &'static str,
    pub language: &'static str,
    pub paragraphs: Vec<&'static str>,
}

pub const CURRENT_VERSION: &str = "1";

/// The consent texts of the current version, by language (`templates/consent/VERSION.LANG.txt`).
/// A changed text is a new version; what someone agreed to is never rewritten.
const TEXTS: &[(&str, &str)] = &[
    ("en", include_str!("../../templates/consent/1.en.txt")),
    ("ar", include_str!("../../templates/consent/1.ar.txt")),
    ("es", include_str!("../../templates/consent/1.es.txt")),
    ("fa", include_str!("../../templates/consent/1.fa.txt")),
    ("fr", include_str!("../../templates/consent/1.fr.txt")),
    ("uk", include_str!("../../templates/consent/1.uk.txt")),
];

/// The consent text in `language` (a BCP 47 tag), or in English when there is no translation.
pub fn current_text(language: &str) -> ConsentText {
    let primary = super::vocabulary::primary_language(language);
    let (language, text) = TEXTS.iter().find(|(code, _)| *code == primary).copied().unwrap_or(TEXTS[0]);
    ConsentText {
        version: CURRENT_VERSION,
        language,
        paragraphs: text.split("\n\n").map(str::trim).filter(|paragraph| !paragraph.is_empty()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_translation_has_the_paragraphs_of_the_english() {
        let english = current_text("en").paragraphs.len();
        for (code, _) in TEXTS {
            let text = current_text(code);
            assert_eq!(text.language, *code);
            assert_eq!(text.paragraphs.len(), english, "{code} differs from the English");
        }
        assert_eq!(current_text("ar-EG").language, "ar");
        assert_eq!(current_text("ti").language, "en", "no Tigrinya text yet: English");
    }
}
