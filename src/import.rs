//! Importing stories in the submit format, one JSON object per line. With `publish`, each
//! story is published after the automatic redaction, as `passage import --publish` does for
//! an archive moderated elsewhere; the audit log records it.
//!
//! Workers parse, validate and redact; one loop stores what they publish, in batches, and,
//! given the index's writer, adds it to the index at once, so that a bulk import is not
//! read back from the store to be indexed.

use crate::moderation::{self, Approval, Choice, Redacted};
use crate::redaction::Rules;
use crate::search::Indexer;
use crate::store::{IMPORTED_PER_TRANSACTION, Imported, Release, Store};
use crate::story::receipt::Pepper;
use crate::story::submit::{self, SubmitError};
use crate::story::{NewStory, StoryRecord, SubmissionForm};

/// What an import did. Problems name the line, never its content.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub imported: usize,
    pub published: usize,
    pub problems: Vec<String>,
}

/// Stories imported at the same time: two per core, so redaction keeps every core busy while
/// the store writes.
fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8) * 2
}

/// Imports the stories of `text`, one per line, with as many workers as `workers()`. The
/// lines are dealt out in turn, so the report is the same whatever order they finish in.
/// With `index`, the published stories are added to it as they are stored; the caller
/// commits them (`Indexer::finish_bulk`). Without, the indexer following the change log
/// picks them up.
pub async fn import_lines(
    store: &Store,
    rules: &'static Rules,
    pepper: &Pepper,
    text: &str,
    publish: bool,
    actor: &str,
    mut index: Option<&mut Indexer>,
) -> anyhow::Result<ImportReport> {
    let count = workers();
    let mut shares: Vec<Vec<(usize, String)>> = vec![Vec::new(); count];
    let lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.is_empty());
    for (k, (number, line)) in lines.enumerate() {
        shares[k % count].push((number, line.to_owned()));
    }
    // Room for a transaction's worth of batches to wait while the writer stores the last.
    let (ready, mut batches) = tokio::sync::mpsc::channel(IMPORTED_PER_TRANSACTION / BATCH);
    let mut workers = tokio::task::JoinSet::new();
    for share in shares {
        let importer =
            Importer { store: store.clone(), rules, pepper: pepper.clone(), publish, actor: actor.to_owned() };
        let ready = ready.clone();
        workers.spawn(async move { importer.import_share(share, ready).await });
    }
    drop(ready);
    let mut report = ImportReport::default();
    // The one writer of published batches: SQLite takes one writer at a time anyway.
    while let Some(mut batch) = batches.recv().await {
        // The batches that waited meanwhile go into the same transaction. Each transaction
        // rewrites every index page its stories touch, and the stories' ids are random: 64
        // stories touched nearly as many pages as a thousand (100,000 stories took 10% longer
        // stored 64 at a time than 512, and wrote half as much again to the disk).
        while batch.len() + BATCH <= IMPORTED_PER_TRANSACTION
            && let Ok(waiting) = batches.try_recv()
        {
            batch.extend(waiting);
        }
        let published = store.insert_published(&imported(&batch), actor).await?;
        report.imported += batch.len();
        report.published += batch.len();
        if let Some(index) = index.as_deref_mut() {
            index.add_published(published).await?;
        }
    }
    let mut problems = Vec::new();
    while let Some(done) = workers.join_next().await {
        let share = done??;
        report.imported += share.imported;
        report.published += share.published;
        problems.extend(share.problems);
    }
    problems.sort_by_key(|(number, _)| *number);
    report.problems = problems.into_iter().map(|(number, problem)| format!("line {number}: {problem}")).collect();
    store.audit(actor, "import", None, &format!("imported={} published={}", report.imported, report.published)).await?;
    Ok(report)
}

/// A batch as the store takes it.
fn imported(batch: &[Ready]) -> Vec<Imported<'_>> {
    batch
        .iter()
        .map(|ready| Imported {
            id: &ready.id,
            story: &ready.story,
            receipt_hash: &ready.receipt_hash,
            release: Release {
                title: &ready.redacted.title,
                body: &ready.redacted.body,
                pseudonym: ready.redacted.pseudonym.as_deref(),
                photo: None,
                revision: 1,
            },
            detail: format!("redactions={} blurred=0", ready.redacted.redactions),
        })
        .collect()
}

/// What one worker did, its problems by line number.
#[derive(Default)]
struct Share {
    imported: usize,
    published: usize,
    problems: Vec<(usize, String)>,
}

/// Stories a worker sends to be stored at once.
const BATCH: usize = 64;

/// A story redacted and ready to be stored published.
struct Ready {
    id: String,
    story: NewStory,
    receipt_hash: Vec<u8>,
    redacted: Redacted,
}

/// What every worker of an import works with.
struct Importer {
    store: Store,
    rules: &'static Rules,
    pepper: Pepper,
    publish: bool,
    actor: String,
}

impl Importer {
    /// Imports one worker's lines. A story that may be published without a moderator is
    /// redacted here and sent, with others, to be stored in one transaction; one that needs
    /// moderators (or an import without `publish`) is submitted on its own, as a storyteller's
    /// would be.
    async fn import_share(
        &self,
        lines: Vec<(usize, String)>,
        ready: tokio::sync::mpsc::Sender<Vec<Ready>>,
    ) -> anyhow::Result<Share> {
        let mut report = Share::default();
        let mut batch = Vec::with_capacity(BATCH);
        for (number, line) in lines {
            let form: SubmissionForm = match crate::web::parse_json(line.as_bytes()) {
                Ok(form) => form,
                Err(error) => {
                    report.problems.push((number, error.message));
                    continue;
                }
            };
            let needs_moderators = !self.publish || form.consent.about_minor || !form.consent.age_confirmed;
            if needs_moderators {
                self.import_one(number, form, &mut report).await?;
                continue;
            }
            let story = match form.validate(submit::this_year()) {
                Ok(story) => story,
                Err(errors) => {
                    report.problems.push((number, invalid(&errors)));
                    continue;
                }
            };
            let id = submit::new_id()?;
            let (_, receipt_hash) = submit::new_receipt(&self.pepper)?;
            let record = StoryRecord::submitted(&id, story.clone());
            match moderation::releasable(&record, &Choice::EverySuggestionRedacted, self.rules) {
                Ok(redacted) => batch.push(Ready { id, story, receipt_hash, redacted }),
                Err(error) => {
                    // Kept for a moderator, as `moderation::publish` would leave it.
                    self.store.insert_story(&id, &story, None, &receipt_hash).await?;
                    report.imported += 1;
                    report.problems.push((number, format!("not published: {error}")));
                }
            }
            if batch.len() == BATCH {
                ready.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))).await?;
            }
        }
        if !batch.is_empty() {
            ready.send(batch).await?;
        }
        Ok(report)
    }

    /// Submits one story, and publishes it if asked (recording a first approval where two
    /// moderators are needed).
    async fn import_one(&self, number: usize, form: SubmissionForm, report: &mut Share) -> anyhow::Result<()> {
        let submitted = match submit::submit(&self.store, &self.pepper, form, None).await {
            Ok(submitted) => submitted,
            Err(SubmitError::Invalid(errors)) => {
                report.problems.push((number, invalid(&errors)));
                return Ok(());
            }
            Err(error) => return Err(error.into()),
        };
        report.imported += 1;
        if self.publish {
            match moderation::publish(&self.store, self.rules, &submitted.id, &Approval::automatic(), &self.actor).await
            {
                Ok(moderation::Publication::Published(..)) => report.published += 1,
                Ok(moderation::Publication::AwaitingSecondApproval) => report
                    .problems
                    .push((number, "waits for a second moderator (a child's story or an unconfirmed age)".into())),
                Err(error) => report.problems.push((number, format!("not published: {error}"))),
            }
        }
        Ok(())
    }
}

/// The `.jsonl` files of a folder, in name order: what `passage import FOLDER` imports.
pub fn jsonl_files(dir: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    Ok(files)
}

fn invalid(errors: &[crate::story::FieldError]) -> String {
    errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ")
}
