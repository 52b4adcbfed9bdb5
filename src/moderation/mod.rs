//! Moderation: the suggestions a moderator reviews, the preview of exactly what would be
//! published, and the decisions (publish, reject, unpublish). Nothing is published that has
//! not passed through `redact_story`, and every decision leaves an audit entry without text.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::media::{self, MediaError, Region};
use crate::redaction::{self, Action, Category, Context, Placeholders, Rules, Span, SpanError};
use crate::search::SearchIndex;
use crate::store::{Release, Store, StoreError};
use crate::story::{PublishedStory, StoryRecord};

#[derive(Debug, thiserror::Error)]
pub enum ModerationError {
    #[error("{0}")]
    Span(#[from] SpanError),
    #[error("a reason is needed to reject a story; it is shown to the storyteller")]
    ReasonRequired,
    #[error("the reason may have at most {0} characters")]
    ReasonTooLong(usize),
    #[error("the published text still holds a private detail; the decision was refused")]
    LeakDetected,
    #[error("you gave the first approval; a second moderator must approve this story")]
    SameModerator,
    #[error("the text this story was sent with is no longer held, so it cannot be published")]
    RawGone,
    #[error("the storyteller changed the story after you opened it; review the new version")]
    Edited,
    #[error("{} flagged detail(s) still need a decision: redact or keep each one", .0.len())]
    OpenFlags(Vec<OpenFlag>),
    #[error("the wider text given for {0} is not around that detail in the story")]
    Widen(String),
    #[error("{0}")]
    Photo(#[from] MediaError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub const MAX_REASON_CHARS: usize = 2000;
/// How long a publish waits for the story to become searchable before answering.
const SEARCHABLE_WAIT: Duration = Duration::from_secs(2);

/// A detail the engine suggests redacting, with the text it covers (staff only).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Suggestion {
    pub id: String,
    /// Byte offsets into the raw body.
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub action: Action,
    pub rule: String,
    pub text: String,
    /// What replaces it: its category's placeholder, or a wider place.
    pub placeholder: String,
}

impl Suggestion {
    fn span(&self) -> Span {
        let mut span = Span::new(self.start, self.end, self.category, self.action, &self.rule);
        if self.action == Action::Generalise {
            span.replacement = Some(self.placeholder.clone());
        }
        span
    }
}

/// A flagged detail no moderator has decided on yet (no text: errors carry none).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OpenFlag {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub rule: String,
}

/// A span a moderator chose to redact (byte offsets into the raw body).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Redaction {
    pub start: usize,
    pub end: usize,
    pub category: Category,
}

fn countries(record: &StoryRecord) -> Vec<&str> {
    record
        .residence_country
        .iter()
        .chain(record.origin_country.iter())
        .chain(record.transit_countries.iter())
        .map(String::as_str)
        .collect()
}

/// The engine's suggestions for the body of a submission, numbered `s1`, `s2`, …
pub fn suggestions(record: &StoryRecord, rules: &Rules) -> Vec<Suggestion> {
    let countries = countries(record);
    let context =
        Context { language: &record.language, private_terms: &record.private_terms, countries: &countries, rules };
    redaction::detect(&record.body, &context)
        .into_iter()
        .enumerate()
        .map(|(i, span)| Suggestion {
            id: format!("s{}", i + 1),
            start: span.start,
            end: span.end,
            category: span.category,
            action: span.action,
            text: record.body[span.start..span.end].to_owned(),
            placeholder: span.replacement.unwrap_or_else(|| Placeholders::describe(rules, span.category)),
            rule: span.rule,
        })
        .collect()
}

/// What the queue shows of a submission's suggestions: how many per category, and how many
/// are flagged for a moderator's decision.
pub fn flag_counts(record: &StoryRecord, rules: &Rules) -> (BTreeMap<&'static str, usize>, usize) {
    let mut counts = BTreeMap::new();
    let mut to_decide = 0;
    for suggestion in suggestions(record, rules) {
        *counts.entry(suggestion.category.as_str()).or_insert(0) += 1;
        to_decide += usize::from(suggestion.action == Action::Flag);
    }
    (counts, to_decide)
}

/// The spans of the body a moderator's choice amounts to.
pub enum Choice {
    /// Every suggestion as it stands; refused while a suggestion is flagged for a decision.
    AllSuggestions,
    /// Every suggestion, flagged ones redacted too: an archive moderated elsewhere
    /// (`passage import --publish`).
    EverySuggestionRedacted,
    /// The suggestions with these ids, plus every occurrence of the extra terms. Each flagged
    /// suggestion must be either accepted or `kept` (left in the text on purpose). A
    /// suggestion in `widened` is redacted as the wider text around it (its id, the text).
    Selected {
        accepted: Vec<String>,
        kept: Vec<String>,
        widened: Vec<(String, String)>,
        extra_terms: Vec<String>,
        extra_category: Category,
    },
    /// Exactly these spans: the moderator's own complete decision.
    Spans(Vec<Redaction>),
}

impl Choice {
    /// The spans of the body. `strict` refuses a choice that leaves a flag undecided; a
    /// preview instead shows an undecided flag redacted.
    fn body_spans(&self, record: &StoryRecord, rules: &Rules, strict: bool) -> Result<Vec<Span>, ModerationError> {
        let open = |suggestions: &[Suggestion], decided: &dyn Fn(&Suggestion) -> bool| -> Vec<OpenFlag> {
            suggestions
                .iter()
                .filter(|s| strict && s.action == Action::Flag && !decided(s))
                .map(|s| OpenFlag {
                    id: s.id.clone(),
                    start: s.start,
                    end: s.end,
                    category: s.category,
                    rule: s.rule.clone(),
                })
                .collect()
        };
        let spans = match self {
            Choice::AllSuggestions | Choice::EverySuggestionRedacted => {
                let suggestions = suggestions(record, rules);
                let flags = open(&suggestions, &|_| matches!(self, Choice::EverySuggestionRedacted));
                if !flags.is_empty() {
                    return Err(ModerationError::OpenFlags(flags));
                }
                suggestions.iter().map(Suggestion::span).collect()
            }
            Choice::Selected { accepted, kept, widened, extra_terms, extra_category } => {
                let suggestions = suggestions(record, rules);
                let widened_ids = |s: &Suggestion| widened.iter().any(|(id, _)| *id == s.id);
                let flags = open(&suggestions, &|s| accepted.contains(&s.id) || kept.contains(&s.id) || widened_ids(s));
                if !flags.is_empty() {
                    return Err(ModerationError::OpenFlags(flags));
                }
                let undecided = |s: &Suggestion| s.action == Action::Flag && !kept.contains(&s.id);
                let mut spans: Vec<Span> = suggestions
                    .iter()
                    .filter(|s| accepted.contains(&s.id) || (!strict && undecided(s)))
                    .map(Suggestion::span)
                    .collect();
                for (id, wider) in widened {
                    let Some(suggestion) = suggestions.iter().find(|s| s.id == *id) else { continue };
                    let (start, end) = widen(&record.body, suggestion, wider)?;
                    spans.push(Span::new(start, end, suggestion.category, Action::Redact, "moderator"));
                }
                spans.extend(redaction::term_spans(&record.body, extra_terms, *extra_category, "moderator"));
                spans
            }
            Choice::Spans(redactions) => {
                redactions.iter().map(|r| Span::new(r.start, r.end, r.category, Action::Redact, "moderator")).collect()
            }
        };
        Ok(redaction::normalise_spans(&record.body, spans)?)
    }
}

/// Where the wider text a moderator gave for a suggestion lies: the occurrence of it in
/// `body` that holds the suggestion.
fn widen(body: &str, suggestion: &Suggestion, wider: &str) -> Result<(usize, usize), ModerationError> {
    let wider = wider.trim();
    body.match_indices(wider)
        .map(|(at, found)| (at, at + found.len()))
        .find(|&(start, end)| start <= suggestion.start && suggestion.end <= end)
        .ok_or_else(|| ModerationError::Widen(suggestion.id.clone()))
}

/// Exactly what would be published.
#[derive(Debug, Clone)]
pub struct Redacted {
    pub title: String,
    pub body: String,
    pub pseudonym: Option<String>,
    pub redactions: usize,
}

/// Applies a moderator's choice. The body gets exactly the chosen spans; the title and the
/// pseudonym get the engine's own detection plus every text the moderator chose in the
/// body, so a name redacted in the story cannot survive in its title.
pub fn redact_story(record: &StoryRecord, choice: &Choice, rules: &Rules) -> Result<Redacted, ModerationError> {
    redact_with(record, choice, rules, true)
}

/// What the moderator's page shows while they decide: like `redact_story`, with every flag
/// not yet decided shown redacted.
pub fn preview(record: &StoryRecord, choice: &Choice, rules: &Rules) -> Result<Redacted, ModerationError> {
    redact_with(record, choice, rules, false)
}

fn redact_with(
    record: &StoryRecord,
    choice: &Choice,
    rules: &Rules,
    strict: bool,
) -> Result<Redacted, ModerationError> {
    let body_spans = choice.body_spans(record, rules, strict)?;
    let mut chosen_texts: Vec<String> = record.private_terms.clone();
    for span in &body_spans {
        let text = record.body[span.start..span.end].trim().to_owned();
        if !text.is_empty() && !chosen_texts.contains(&text) {
            chosen_texts.push(text);
        }
    }
    let mut placeholders = Placeholders::new(rules, &record.private_terms);
    let body = redaction::apply(&record.body, &body_spans, &mut placeholders);
    let countries = countries(record);
    let context =
        Context { language: &record.language, private_terms: &record.private_terms, countries: &countries, rules };
    let title_spans = {
        let mut spans = redaction::detect(&record.title, &context);
        spans.extend(redaction::term_spans(&record.title, &chosen_texts, Category::Person, "moderator"));
        redaction::normalise_spans(&record.title, spans)?
    };
    let title = redaction::apply(&record.title, &title_spans, &mut placeholders);
    // A pseudonym is a name the teller chose to be known by ("Amal"), so looking like a name
    // is fine; holding a detail (a phone, a private term, a name redacted in the story) is not.
    let pseudonym = record.pseudonym.as_ref().filter(|pseudonym| {
        let chosen_name = |span: &Span| matches!(span.category, Category::Person | Category::Place);
        redaction::detect(pseudonym, &context).iter().all(chosen_name)
            && redaction::term_spans(pseudonym, &chosen_texts, Category::Person, "moderator").is_empty()
    });
    Ok(Redacted { title, body, pseudonym: pseudonym.cloned(), redactions: body_spans.len() + title_spans.len() })
}

/// What a moderator's "publish" led to.
#[derive(Debug)]
pub enum Publication {
    /// Published: the story, and the change the index must apply for search to find it.
    Published(Box<PublishedStory>, i64),
    /// The first of two approvals was recorded; another moderator must publish.
    AwaitingSecondApproval,
}

/// What a moderator decided to publish: which redactions, which regions of the photo to
/// blur, and the revision of the submission they reviewed (when they say).
#[derive(Clone, Copy)]
pub struct Approval<'a> {
    pub choice: &'a Choice,
    pub blur: &'a [Region],
    pub revision: Option<i64>,
}

impl<'a> Approval<'a> {
    /// Every suggestion redacted (flags too), nothing blurred, whatever the revision (imports).
    pub fn automatic() -> Approval<'static> {
        Approval { choice: &Choice::EverySuggestionRedacted, blur: &[], revision: None }
    }
}

/// Publishes a submission as the moderator approved it, or records the first approval of a
/// story that needs two. A decision on a revision the storyteller has since edited is refused.
#[tracing::instrument(skip(store, rules, approval))]
pub async fn publish(
    store: &Store,
    rules: &Rules,
    id: &str,
    approval: &Approval<'_>,
    actor: &str,
) -> Result<Publication, ModerationError> {
    let Approval { choice, blur, revision } = *approval;
    media::check_regions(blur)?;
    let record = store.story(id).await?;
    if record.raw_purged {
        return Err(ModerationError::RawGone);
    }
    if revision.is_some_and(|r| r != record.revision) {
        return Err(ModerationError::Edited);
    }
    if record.needs_second_approval() {
        match &record.first_approval {
            None => {
                // Check the redaction choice now, so the first approval is of a publishable text.
                redact_story(&record, choice, rules)?;
                store.approve_first(id, record.revision, actor).await?;
                return Ok(Publication::AwaitingSecondApproval);
            }
            Some(first) if first == actor => return Err(ModerationError::SameModerator),
            Some(_) => {}
        }
    }
    let redacted = releasable(&record, choice, rules)?;
    // The photo is made from pixels, blurred as the moderator chose; the original never leaves.
    // Only a photo its teller allows is made at all (and consent is checked again at every
    // request).
    let original = if record.consent.allow_photo { store.photo_original(id).await? } else { None };
    let photo = match original {
        Some(original) => {
            let regions = blur.to_vec();
            Some(media::run(move || media::renditions(&original, &regions)).await?)
        }
        None => None,
    };
    let detail = format!("redactions={} blurred={}", redacted.redactions, blur.len());
    let release = Release {
        title: &redacted.title,
        body: &redacted.body,
        pseudonym: redacted.pseudonym.as_deref(),
        photo: photo.as_ref(),
        revision: record.revision,
    };
    let seq = store.publish(id, &release, actor, &detail).await?;
    Ok(Publication::Published(Box::new(store.published_story(id).await?), seq))
}

/// The text that may be published of `record` as `choice` redacts it. The storyteller's own
/// list is never negotiable: a text that still holds one of their terms is refused rather
/// than leaked.
pub fn releasable(record: &StoryRecord, choice: &Choice, rules: &Rules) -> Result<Redacted, ModerationError> {
    let redacted = redact_story(record, choice, rules)?;
    let published =
        [redacted.title.as_str(), redacted.body.as_str(), redacted.pseudonym.as_deref().unwrap_or_default()];
    if published.iter().any(|text| redaction::contains_private_terms(text, &record.private_terms, rules)) {
        return Err(ModerationError::LeakDetected);
    }
    Ok(redacted)
}

/// Waits (briefly) until search has applied change `seq`, so a moderator who publishes and
/// then searches finds what they published.
pub async fn wait_until_searchable(index: &SearchIndex, seq: i64) {
    if !index.wait_for(seq, SEARCHABLE_WAIT).await {
        tracing::warn!(seq, "change not yet applied to the index");
    }
}

fn check_reason(reason: Option<&str>, required: bool) -> Result<Option<String>, ModerationError> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    match reason {
        None if required => Err(ModerationError::ReasonRequired),
        Some(r) if r.chars().count() > MAX_REASON_CHARS => Err(ModerationError::ReasonTooLong(MAX_REASON_CHARS)),
        r => Ok(r.map(str::to_owned)),
    }
}

/// Rejects a submission; the reason reaches the storyteller on the receipt page.
pub async fn reject(store: &Store, id: &str, reason: Option<&str>, actor: &str) -> Result<(), ModerationError> {
    let reason = check_reason(reason, true)?.unwrap_or_default();
    Ok(store.reject(id, &reason, actor).await?)
}

/// Takes a published story down, from every page and the index.
pub async fn unpublish(
    store: &Store,
    index: &SearchIndex,
    id: &str,
    reason: Option<&str>,
    actor: &str,
) -> Result<(), ModerationError> {
    let reason = check_reason(reason, false)?;
    let seq = store.unpublish(id, reason.as_deref(), actor).await?;
    wait_until_searchable(index, seq).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{Consent, NewStory, Visibility};

    fn record(title: &str, body: &str, private_terms: &[&str]) -> StoryRecord {
        let story = NewStory {
            title: title.into(),
            body: body.into(),
            language: "en".into(),
            pseudonym: Some("Salma's friend".into()),
            origin_country: Some("SY".into()),
            transit_countries: vec![],
            residence_country: Some("DE".into()),
            year: None,
            themes: vec![],
            private_terms: private_terms.iter().map(|t| t.to_string()).collect(),
            consent: Consent {
                visibility: Visibility::Public,
                allow_quotes: true,
                allow_photo: false,
                allow_contact: false,
                age_confirmed: true,
                about_minor: false,
                version: "1".into(),
                language: "en".into(),
            },
        };
        StoryRecord::submitted("x", story)
    }

    #[test]
    fn title_and_pseudonym_follow_the_body() {
        let story = record("Salma and Omar", "Salma wrote to salma@example.org. Omar came later.", &["Salma"]);
        let rules = Rules::defaults();
        let ids: Vec<String> = suggestions(&story, rules).iter().map(|s| s.id.clone()).collect();
        assert_eq!(ids.len(), 2);
        let choice = Choice::Selected {
            accepted: ids,
            kept: vec![],
            widened: vec![],
            extra_terms: vec!["Omar".into()],
            extra_category: Category::Person,
        };
        let redacted = redact_story(&story, &choice, rules).unwrap();
        assert_eq!(redacted.body, "[name 1] wrote to [email]. [person 1] came later.");
        assert_eq!(redacted.title, "[name 1] and [person 1]");
        assert_eq!(redacted.pseudonym, None);
        // A pseudonym that merely looks like a name is what the teller chose.
        let story = StoryRecord { pseudonym: Some("Amal Desert Rose".into()), ..story };
        assert_eq!(redact_story(&story, &choice, rules).unwrap().pseudonym.as_deref(), Some("Amal Desert Rose"));
    }

    #[test]
    fn dropped_suggestions_stay_and_explicit_spans_are_exact() {
        let rules = Rules::defaults();
        let story = record("A day", "Call +49 30 12345678 or Omar.", &[]);
        let none = Choice::Selected {
            accepted: vec![],
            kept: vec![],
            widened: vec![],
            extra_terms: vec![],
            extra_category: Category::Other,
        };
        let kept = redact_story(&story, &none, rules).unwrap();
        assert_eq!(kept.body, story.body);
        let exact = Choice::Spans(vec![Redaction { start: 24, end: 28, category: Category::Person }]);
        assert_eq!(redact_story(&story, &exact, rules).unwrap().body, "Call +49 30 12345678 or [person 1].");
        let outside = Choice::Spans(vec![Redaction { start: 24, end: 99, category: Category::Person }]);
        assert!(matches!(redact_story(&story, &outside, rules), Err(ModerationError::Span(_))));
    }

    #[test]
    fn a_flag_needs_a_decision_before_publication() {
        let rules = Rules::with_extension_text("[categories.phone]\naction = \"flag\"").unwrap();
        let story = record("A day", "Call +49 30 12345678 or write.", &[]);
        let Err(ModerationError::OpenFlags(flags)) = redact_story(&story, &Choice::AllSuggestions, &rules) else {
            panic!("publishing with an open flag must be refused");
        };
        assert_eq!((flags.len(), flags[0].category), (1, Category::Phone));
        let undecided = Choice::Selected {
            accepted: vec![],
            kept: vec![],
            widened: vec![],
            extra_terms: vec![],
            extra_category: Category::Other,
        };
        assert!(matches!(redact_story(&story, &undecided, &rules), Err(ModerationError::OpenFlags(_))));
        assert_eq!(preview(&story, &undecided, &rules).unwrap().body, "Call [phone] or write.");
        let keep = Choice::Selected {
            accepted: vec![],
            kept: vec![flags[0].id.clone()],
            widened: vec![],
            extra_terms: vec![],
            extra_category: Category::Other,
        };
        assert_eq!(redact_story(&story, &keep, &rules).unwrap().body, story.body);
        let redacted = redact_story(&story, &Choice::EverySuggestionRedacted, &rules).unwrap();
        assert_eq!(redacted.body, "Call [phone] or write.");
    }

    #[test]
    fn a_moderator_widens_a_suggestion() {
        let rules = Rules::defaults();
        let story = record("A day", "My brother Yonas Tesfay Gebremedhin came. Yonas is well.", &[]);
        let first = suggestions(&story, rules).into_iter().next().unwrap();
        assert_eq!(first.text, "Yonas Tesfay Gebremedhin");
        let widen_to = |text: &str| Choice::Selected {
            accepted: vec![],
            kept: vec![],
            widened: vec![(first.id.clone(), text.into())],
            extra_terms: vec![],
            extra_category: Category::Other,
        };
        let wider = redact_story(&story, &widen_to("My brother Yonas Tesfay Gebremedhin"), rules).unwrap();
        assert!(wider.body.starts_with("[person 1] came."), "{}", wider.body);
        assert!(matches!(redact_story(&story, &widen_to("Saba"), rules), Err(ModerationError::Widen(_))));
    }

    #[test]
    fn rejecting_needs_a_reason() {
        assert!(matches!(check_reason(Some("  "), true), Err(ModerationError::ReasonRequired)));
        assert_eq!(check_reason(Some(" ok "), true).unwrap().as_deref(), Some("ok"));
        assert_eq!(check_reason(None, false).unwrap(), None);
    }
}
