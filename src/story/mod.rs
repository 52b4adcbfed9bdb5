//! The domain of a story: what a storyteller sends, how it is checked, and the states it
//! moves through (submitted → published | rejected, published → unpublished).

pub mod consent;
pub mod receipt;
pub mod submit;
pub mod vocabulary;

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use consent::{Consent, Visibility};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_BODY_CHARS: usize = 50_000;
pub const MAX_PSEUDONYM_CHARS: usize = 60;
pub const MAX_PRIVATE_TERMS: usize = 100;
pub const MAX_PRIVATE_TERM_CHARS: usize = 200;
pub const MAX_THEMES: usize = 5;
pub const MAX_TRANSIT_COUNTRIES: usize = 12;
pub const EARLIEST_YEAR: i32 = 1900;

/// A submission as a storyteller sends it: the JSON body of `POST /api/v1/stories` and one
/// line of the import format.
#[derive(Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionForm {
    pub title: String,
    pub body: String,
    /// BCP 47 language tag, e.g. `ar`, `es`, `uk`.
    pub language: String,
    #[serde(default)]
    pub pseudonym: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default)]
    pub origin_country: Option<String>,
    #[serde(default)]
    pub transit_countries: Vec<String>,
    #[serde(default)]
    pub residence_country: Option<String>,
    /// Year of departure.
    #[serde(default)]
    pub year: Option<i32>,
    /// Slugs from `GET /api/v1/themes`.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Names and places the storyteller wants kept private; always redacted.
    #[serde(default)]
    pub private_terms: Vec<String>,
    pub consent: Consent,
}

impl fmt::Debug for SubmissionForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Story text and private terms never reach a log line.
        f.debug_struct("SubmissionForm")
            .field("language", &self.language)
            .field("title_chars", &self.title.chars().count())
            .field("body_chars", &self.body.chars().count())
            .finish_non_exhaustive()
    }
}

/// A submission that passed every check, normalised.
#[derive(Clone)]
pub struct NewStory {
    pub title: String,
    pub body: String,
    pub language: String,
    pub pseudonym: Option<String>,
    pub origin_country: Option<String>,
    pub transit_countries: Vec<String>,
    pub residence_country: Option<String>,
    pub year: Option<i32>,
    pub themes: Vec<String>,
    pub private_terms: Vec<String>,
    pub consent: Consent,
}

impl fmt::Debug for NewStory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewStory").field("language", &self.language).finish_non_exhaustive()
    }
}

/// One thing wrong with a submission, named after the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
    pub message: String,
}

fn field_error(field: &'static str, code: &'static str, message: impl Into<String>) -> FieldError {
    FieldError { field, code, message: message.into() }
}

impl SubmissionForm {
    /// Checks every field and returns the normalised story, or every problem found.
    pub fn validate(self, this_year: i32) -> Result<NewStory, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = self.title.trim().to_owned();
        if title.is_empty() {
            errors.push(field_error("title", "missing_field", "Please give your story a title."));
        } else if title.chars().count() > MAX_TITLE_CHARS {
            errors.push(field_error(
                "title",
                "too_long",
                format!("The title may have at most {MAX_TITLE_CHARS} characters."),
            ));
        }
        let body = normalise_newlines(self.body.trim());
        if body.is_empty() {
            errors.push(field_error("body", "missing_field", "Please write your story."));
        } else if body.chars().count() > MAX_BODY_CHARS {
            errors.push(field_error(
                "body",
                "too_long",
                format!("The story may have at most {MAX_BODY_CHARS} characters."),
            ));
        }
        let language = vocabulary::normalise_language_tag(&self.language);
        if language.is_none() {
            errors.push(field_error(
                "language",
                "invalid_language",
                "The language must be a language code such as \"ar\", \"es\" or \"uk\".",
            ));
        }
        let pseudonym = self.pseudonym.map(|p| p.trim().to_owned()).filter(|p| !p.is_empty());
        if pseudonym.as_ref().is_some_and(|p| p.chars().count() > MAX_PSEUDONYM_CHARS) {
            errors.push(field_error(
                "pseudonym",
                "too_long",
                format!("The pseudonym may have at most {MAX_PSEUDONYM_CHARS} characters."),
            ));
        }
        let origin_country = optional_country("origin_country", self.origin_country, &mut errors);
        let residence_country = optional_country("residence_country", self.residence_country, &mut errors);
        let mut transit_countries = Vec::new();
        for value in self.transit_countries {
            if let Some(code) = optional_country("transit_countries", Some(value), &mut errors)
                && !transit_countries.contains(&code)
            {
                transit_countries.push(code);
            }
        }
        if transit_countries.len() > MAX_TRANSIT_COUNTRIES {
            errors.push(field_error(
                "transit_countries",
                "too_many",
                format!("At most {MAX_TRANSIT_COUNTRIES} transit countries."),
            ));
        }
        if let Some(year) = self.year
            && !(EARLIEST_YEAR..=this_year).contains(&year)
        {
            errors.push(field_error(
                "year",
                "invalid_year",
                format!("The year must be between {EARLIEST_YEAR} and {this_year}."),
            ));
        }
        let mut themes: Vec<String> = Vec::new();
        for slug in self.themes {
            let slug = slug.trim().to_ascii_lowercase();
            if vocabulary::theme(&slug).is_none() {
                errors.push(field_error(
                    "themes",
                    "unknown_theme",
                    "A theme is not in the list; see GET /api/v1/themes for the themes to choose from.",
                ));
            } else if !themes.contains(&slug) {
                themes.push(slug);
            }
        }
        if themes.len() > MAX_THEMES {
            errors.push(field_error("themes", "too_many", format!("Choose at most {MAX_THEMES} themes.")));
        }
        let mut private_terms: Vec<String> = Vec::new();
        for term in self.private_terms {
            let term = term.trim().to_owned();
            if term.is_empty() || private_terms.contains(&term) {
                continue;
            }
            if term.chars().count() > MAX_PRIVATE_TERM_CHARS {
                errors.push(field_error(
                    "private_terms",
                    "too_long",
                    format!("Each private name or place may have at most {MAX_PRIVATE_TERM_CHARS} characters."),
                ));
            }
            private_terms.push(term);
        }
        if private_terms.len() > MAX_PRIVATE_TERMS {
            errors.push(field_error(
                "private_terms",
                "too_many",
                format!("At most {MAX_PRIVATE_TERMS} private names and places."),
            ));
        }
        if self.consent.version != consent::CURRENT_VERSION {
            errors.push(field_error(
                "consent.version",
                "consent_version_outdated",
                format!(
                    "The consent text has changed (current version {}); please read it again.",
                    consent::CURRENT_VERSION
                ),
            ));
        }
        if !consent::languages().any(|code| code == self.consent.language) {
            errors.push(field_error(
                "consent.language",
                "invalid_field",
                format!(
                    "There is no consent text in that language; it is written in {}.",
                    consent::languages().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        match (errors.is_empty(), language) {
            (true, Some(language)) => Ok(NewStory {
                title,
                body,
                language,
                pseudonym,
                origin_country,
                transit_countries,
                residence_country,
                year: self.year,
                themes,
                private_terms,
                consent: self.consent,
            }),
            _ => Err(errors),
        }
    }
}

fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn optional_country(field: &'static str, value: Option<String>, errors: &mut Vec<FieldError>) -> Option<String> {
    let value = value?;
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match vocabulary::country(value) {
        Some(country) => Some(country.code.to_owned()),
        None => {
            errors.push(field_error(
                field,
                "unknown_country",
                "Unknown country; use an ISO 3166-1 alpha-2 code such as \"SY\" or an English name.",
            ));
            None
        }
    }
}

/// Where a story is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Submitted,
    Published,
    Rejected,
    Unpublished,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::Published => "published",
            Status::Rejected => "rejected",
            Status::Unpublished => "unpublished",
        }
    }

    pub fn parse(value: &str) -> Option<Status> {
        match value {
            "submitted" => Some(Status::Submitted),
            "published" => Some(Status::Published),
            "rejected" => Some(Status::Rejected),
            "unpublished" => Some(Status::Unpublished),
            _ => None,
        }
    }

    /// What the storyteller reads on the receipt page.
    pub fn explanation(self) -> &'static str {
        match self {
            Status::Submitted => "Your story has arrived and is waiting for a moderator to read it.",
            Status::Published => "Your story has been published, with every identifying detail removed.",
            Status::Rejected => "A moderator decided not to publish your story.",
            Status::Unpublished => "Your story was published and has since been taken down by a moderator.",
        }
    }
}

/// A submission as the store holds it: raw text included. Only staff and the storyteller
/// (by receipt) ever see it.
#[derive(Clone, Serialize, ToSchema)]
pub struct StoryRecord {
    pub id: String,
    pub status: Status,
    pub title: String,
    pub body: String,
    pub language: String,
    pub pseudonym: Option<String>,
    pub origin_country: Option<String>,
    pub transit_countries: Vec<String>,
    pub residence_country: Option<String>,
    pub year: Option<i32>,
    pub themes: Vec<String>,
    pub private_terms: Vec<String>,
    pub consent: Consent,
    pub submitted_at: String,
    pub message: Option<String>,
    /// The raw text was destroyed after the retention period (title and body are empty).
    pub raw_purged: bool,
    /// The moderator who gave the first of two approvals, when two are needed.
    pub first_approval: Option<String>,
    /// A photo came with the story and its original is still held (sealed).
    pub photo: bool,
    /// How many versions the storyteller has sent (1, then one more per edit); a decision
    /// names the revision it was made on.
    pub revision: i64,
}

impl StoryRecord {
    /// The record of a story just submitted, before it is stored (so without a submission
    /// time).
    pub fn submitted(id: &str, story: NewStory) -> StoryRecord {
        StoryRecord {
            id: id.to_owned(),
            status: Status::Submitted,
            title: story.title,
            body: story.body,
            language: story.language,
            pseudonym: story.pseudonym,
            origin_country: story.origin_country,
            transit_countries: story.transit_countries,
            residence_country: story.residence_country,
            year: story.year,
            themes: story.themes,
            private_terms: story.private_terms,
            consent: story.consent,
            submitted_at: String::new(),
            message: None,
            raw_purged: false,
            first_approval: None,
            photo: false,
            revision: 1,
        }
    }

    /// Stories about a child, or whose teller did not confirm being an adult, need two
    /// moderators to publish them.
    pub fn needs_second_approval(&self) -> bool {
        self.consent.about_minor || !self.consent.age_confirmed
    }
}

impl fmt::Debug for StoryRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoryRecord").field("id", &self.id).field("status", &self.status).finish_non_exhaustive()
    }
}

/// A published story: redacted text and metadata only. This is all that reaches the
/// index, public pages and the API.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublishedStory {
    pub id: String,
    pub title: String,
    pub body: String,
    pub language: String,
    pub pseudonym: Option<String>,
    pub origin_country: Option<String>,
    pub transit_countries: Vec<String>,
    pub residence_country: Option<String>,
    pub year: Option<i32>,
    pub themes: Vec<String>,
    pub visibility: Visibility,
    pub allow_quotes: bool,
    /// The teller accepts interview requests through the archive (shown to journalists only).
    #[serde(skip)]
    pub allow_contact: bool,
    pub published_at: String,
    /// A photo is published with the story and its teller allows it to be shown.
    #[serde(skip)]
    pub photo: bool,
}

impl PublishedStory {
    /// A citation in a form newsrooms and researchers can paste.
    pub fn citation(&self, permalink: &str) -> String {
        let teller = self.pseudonym.as_deref().unwrap_or("Anonymous");
        let date = self.published_at.get(..10).unwrap_or(&self.published_at);
        format!("{teller}, “{}”, Passage story {}, published {date}, {permalink}", self.title, self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SubmissionForm {
        serde_json::from_value(serde_json::json!({
            "title": " A first winter ",
            "body": "We arrived in December.\r\nIt was cold.",
            "language": "EN",
            "origin_country": "sy",
            "transit_countries": ["TR", "Greece", "TR"],
            "residence_country": "DE",
            "year": 2015,
            "themes": ["journey", "home", "journey"],
            "private_terms": ["Karim", " ", "Karim"],
            "consent": {"visibility": "public", "allow_quotes": true, "allow_photo": false,
                        "allow_contact": false, "age_confirmed": true, "version": "1"}
        }))
        .unwrap()
    }

    #[test]
    fn a_good_submission_is_normalised() {
        let story = form().validate(2026).unwrap();
        assert_eq!(story.title, "A first winter");
        assert_eq!(story.body, "We arrived in December.\nIt was cold.");
        assert_eq!(story.language, "en");
        assert_eq!(story.origin_country.as_deref(), Some("SY"));
        assert_eq!(story.transit_countries, vec!["TR", "GR"]);
        assert_eq!(story.themes, vec!["journey", "home"]);
        assert_eq!(story.private_terms, vec!["Karim"]);
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let mut bad = form();
        bad.title = "x".repeat(MAX_TITLE_CHARS + 1);
        bad.body = "   ".into();
        bad.language = "klingon!".into();
        bad.origin_country = Some("XX".into());
        bad.year = Some(3000);
        bad.themes = vec!["illegality".into()];
        bad.consent.version = "0".into();
        bad.consent.language = "xx".into();
        let errors = bad.validate(2026).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                "title",
                "body",
                "language",
                "origin_country",
                "year",
                "themes",
                "consent.version",
                "consent.language"
            ]
        );
    }

    #[test]
    fn unknown_fields_are_refused() {
        let mut value = serde_json::to_value(serde_json::json!({
            "title": "t", "body": "b", "language": "en", "ip_address": "1.2.3.4",
            "consent": {"visibility": "public", "version": "1"}
        }))
        .unwrap();
        assert!(serde_json::from_value::<SubmissionForm>(value.take()).is_err());
    }
}
