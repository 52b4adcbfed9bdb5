//! Importing stories in the submit format, one JSON object per line. With `publish`, each
//! story is published after the automatic redaction, as `passage import --publish` does for
//! an archive moderated elsewhere; the audit log records it.

use crate::moderation::{self, Approval};
use crate::redaction::Rules;
use crate::store::Store;
use crate::story::SubmissionForm;
use crate::story::receipt::Pepper;
use crate::story::submit::{self, SubmitError};

/// What an import did. Problems name the line, never its content.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub imported: usize,
    pub published: usize,
    pub problems: Vec<String>,
}

pub async fn import_lines(
    store: &Store,
    rules: &Rules,
    pepper: &Pepper,
    text: &str,
    publish: bool,
    actor: &str,
) -> anyhow::Result<ImportReport> {
    let mut report = ImportReport::default();
    for (number, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())) {
        if line.is_empty() {
            continue;
        }
        let form: SubmissionForm = match crate::web::parse_json(line.as_bytes()) {
            Ok(form) => form,
            Err(error) => {
                report.problems.push(format!("line {number}: {}", error.message));
                continue;
            }
        };
        let submitted = match submit::submit(store, pepper, form, None).await {
            Ok(submitted) => submitted,
            Err(SubmitError::Invalid(errors)) => {
                let messages: Vec<String> = errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
                report.problems.push(format!("line {number}: {}", messages.join("; ")));
                continue;
            }
            Err(error) => return Err(error.into()),
        };
        report.imported += 1;
        if publish {
            match moderation::publish(store, rules, &submitted.id, &Approval::automatic(), actor).await {
                Ok(moderation::Publication::Published(..)) => report.published += 1,
                Ok(moderation::Publication::AwaitingSecondApproval) => {
                    report.problems.push(format!(
                        "line {number}: waits for a second moderator (a child's story or an unconfirmed age)"
                    ));
                }
                Err(error) => report.problems.push(format!("line {number}: not published: {error}")),
            }
        }
    }
    store.audit(actor, "import", None, &format!("imported={} published={}", report.imported, report.published)).await?;
    Ok(report)
}
