//! A storyteller's two entry points: sending a story and checking it with the receipt.

use crate::media::Upload;
use crate::store::{ReceiptView, Store, StoreError};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::receipt::{self, Pepper, Receipt};
use super::{Consent, FieldError, PublishedStory, StoryRecord, SubmissionForm, Visibility};

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error("the submission is not valid")]
    Invalid(Vec<FieldError>),
    #[error("the OS random source failed: {0}")]
    Random(#[from] getrandom::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A stored submission: its id and the receipt, shown to the storyteller once.
#[derive(Debug)]
pub struct Submitted {
    pub id: String,
    pub receipt: Receipt,
}

/// A new public story id: 60 random bits in lower-case base 32.
pub fn new_id() -> Result<String, getrandom::Error> {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    let mut bytes = [0u8; 12];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| ALPHABET[usize::from(b & 31)] as char).collect())
}

/// A new receipt code and the keyed hash the store keeps of it (the code itself is never
/// stored).
pub fn new_receipt(pepper: &Pepper) -> Result<(Receipt, Vec<u8>), getrandom::Error> {
    let receipt = Receipt::generate()?;
    let hash = pepper.hash(&receipt::normalise(receipt.as_str()).unwrap_or_default());
    Ok((receipt, hash))
}

pub fn this_year() -> i32 {
    time::OffsetDateTime::now_utc().year()
}

/// Checks and stores a submission in state `submitted`, with its photo (already checked by
/// `media::check_upload`) if one came.
#[tracing::instrument(skip_all)]
pub async fn submit(
    store: &Store,
    pepper: &Pepper,
    form: SubmissionForm,
    photo: Option<Upload>,
) -> Result<Submitted, SubmitError> {
    let story = form.validate(this_year()).map_err(SubmitError::Invalid)?;
    let id = new_id()?;
    let (receipt, receipt_hash) = new_receipt(pepper)?;
    store.insert_story(&id, &story, photo.as_ref(), &receipt_hash).await?;
    // No id here: with a proxy's access log, a time and an id could tie a story to an address.
    tracing::info!("story submitted");
    Ok(Submitted { id, receipt })
}

/// Replaces the story `id`, while it waits for a moderator, with its teller's edited version.
/// The photo, if any, stays as it was. `Err(Store(WrongState))` once a moderator decided.
#[tracing::instrument(skip_all)]
pub async fn edit(store: &Store, id: &str, form: SubmissionForm) -> Result<(), SubmitError> {
    let story = form.validate(this_year()).map_err(SubmitError::Invalid)?;
    store.replace_submission(id, &story).await?;
    tracing::info!("submission edited");
    Ok(())
}

/// Withdraws the story a receipt opens. Returns the change the index must apply, or `None`
/// for a code that opens nothing.
#[tracing::instrument(skip_all)]
pub async fn withdraw(store: &Store, pepper: &Pepper, code: &str) -> Result<Option<i64>, StoreError> {
    let Some(view) = check_receipt(store, pepper, code).await? else { return Ok(None) };
    Ok(Some(store.withdraw(&view.id).await?))
}

/// What a storyteller may change of their consent at any time.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentChange {
    pub visibility: Option<Visibility>,
    pub allow_quotes: Option<bool>,
    pub allow_photo: Option<bool>,
    pub allow_contact: Option<bool>,
}

/// Applies a consent change to the story `id`; returns the consent now in force and the
/// change the index must apply, if any.
pub async fn change_consent(
    store: &Store,
    id: &str,
    change: &ConsentChange,
) -> Result<(Consent, Option<i64>), StoreError> {
    let mut consent = store.story(id).await?.consent;
    if let Some(visibility) = change.visibility {
        consent.visibility = visibility;
    }
    consent.allow_quotes = change.allow_quotes.unwrap_or(consent.allow_quotes);
    consent.allow_photo = change.allow_photo.unwrap_or(consent.allow_photo);
    consent.allow_contact = change.allow_contact.unwrap_or(consent.allow_contact);
    let seq = store.update_consent(id, &consent).await?;
    Ok((consent, seq))
}

/// Everything the archive holds about a story, for its teller (by receipt).
#[derive(Debug, Serialize, ToSchema)]
pub struct StorytellerData {
    #[serde(flatten)]
    pub story: StoryRecord,
    /// The text as published, when it is.
    pub published: Option<PublishedStory>,
    /// What happened to the story and when (`at`, `action`).
    pub history: Vec<(String, String)>,
    /// The photo exactly as it was sent, as a `data:` URL, while the archive holds it.
    pub photo_original: Option<String>,
}

pub async fn storyteller_data(store: &Store, id: &str) -> Result<StorytellerData, StoreError> {
    let story = store.story(id).await?;
    let published = match store.published_story(id).await {
        Ok(story) => Some(story),
        Err(StoreError::NotFound | StoreError::WrongState(_)) => None,
        Err(error) => return Err(error),
    };
    let photo_original = store.photo_original(id).await?.map(|bytes| {
        use base64::Engine as _;
        let format = match crate::media::sniff(&bytes) {
            Ok(crate::media::Format::Png) => "png",
            Ok(crate::media::Format::Webp) => "webp",
            _ => "jpeg",
        };
        format!("data:image/{format};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
    });
    Ok(StorytellerData { story, published, history: store.history(id).await?, photo_original })
}

/// The story a receipt opens, or `None` for a code that opens nothing.
pub async fn check_receipt(store: &Store, pepper: &Pepper, code: &str) -> Result<Option<ReceiptView>, StoreError> {
    let Some(normalised) = receipt::normalise(code) else { return Ok(None) };
    store.story_by_receipt(&pepper.hash(&normalised)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_store;

    #[tokio::test]
    async fn a_receipt_opens_its_story_and_no_other() {
        let (store, _dir) = test_store().await;
        let pepper = Pepper::fixed(7);
        let form: SubmissionForm = serde_json::from_value(serde_json::json!({
            "title": "t", "body": "b", "language": "en",
            "consent": {"visibility": "public", "version": "1", "age_confirmed": true}
        }))
        .unwrap();
        let submitted = submit(&store, &pepper, form, None).await.unwrap();
        let typed = submitted.receipt.as_str().to_lowercase();
        let view = check_receipt(&store, &pepper, &typed).await.unwrap().unwrap();
        assert_eq!(view.id, submitted.id);
        assert!(check_receipt(&store, &Pepper::fixed(8), &typed).await.unwrap().is_none());
        assert!(check_receipt(&store, &pepper, "0000-0000-0000-0000-0000").await.unwrap().is_none());
        assert!(check_receipt(&store, &pepper, "nonsense").await.unwrap().is_none());
        // The receipt itself is nowhere in the database.
        let bytes = std::fs::read(_dir.path().join("passage.db")).unwrap();
        let wal = std::fs::read(_dir.path().join("passage.db-wal")).unwrap_or_default();
        let code = submitted.receipt.as_str().replace('-', "");
        for haystack in [bytes, wal] {
            assert!(!haystack.windows(code.len()).any(|w| w == code.as_bytes()));
        }
    }
}
