//! A storyteller's two entry points: sending a story and checking it with the receipt.

use crate::store::{ReceiptView, Store, StoreError};

use super::receipt::{self, Pepper, Receipt};
use super::{FieldError, SubmissionForm};

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

pub fn this_year() -> i32 {
    time::OffsetDateTime::now_utc().year()
}

/// Checks and stores a submission in state `submitted`.
#[tracing::instrument(skip_all)]
pub async fn submit(store: &Store, pepper: &Pepper, form: SubmissionForm) -> Result<Submitted, SubmitError> {
    let story = form.validate(this_year()).map_err(SubmitError::Invalid)?;
    let id = new_id()?;
    let receipt = Receipt::generate()?;
    let normalised = receipt::normalise(receipt.as_str()).unwrap_or_default();
    store.insert_story(&id, &story, &pepper.hash(&normalised)).await?;
    // No id here: with a proxy's access log, a time and an id could tie a story to an address.
    tracing::info!("story submitted");
    Ok(Submitted { id, receipt })
}

/// Withdraws the story a receipt opens. Returns the change the index must apply, or `None`
/// for a code that opens nothing.
#[tracing::instrument(skip_all)]
pub async fn withdraw(store: &Store, pepper: &Pepper, code: &str) -> Result<Option<i64>, StoreError> {
    let Some(view) = check_receipt(store, pepper, code).await? else { return Ok(None) };
    Ok(Some(store.withdraw(&view.id).await?))
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
        let submitted = submit(&store, &pepper, form).await.unwrap();
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
