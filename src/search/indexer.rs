//! The one writer of the index. A single task owns the `IndexWriter`: it reads the store's
//! change log after the last change it applied, applies each change (the story's current
//! published state, or a delete), commits with the applied sequence number as the commit
//! payload, and reloads the reader. On start-up it therefore catches up from wherever the
//! index left off.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy, NoMergePolicy};
use tantivy::schema::Schema;
use tantivy::{Index, IndexReader, IndexWriter, Term};
use tokio::sync::{oneshot, watch};

use super::schema::{Fields, SCHEMA_VERSION};
use super::{SearchError, document};
use crate::store::{Store, StoreError};
use crate::story::{PublishedStory, Visibility};

/// Kept in every commit: how far the index has followed the change log.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    seq: i64,
    schema: u32,
    archive: String,
}

const BATCH: i64 = 500;
/// Changes written by another process (`passage import` while the server runs) are picked
/// up this often.
const POLL: Duration = Duration::from_secs(2);

/// Opens the index in `dir`, recreating it when it was built with another schema. Returns
/// the index and the last change it applied.
pub(super) fn open_index(dir: &Path, schema: Schema, archive_id: &str) -> Result<(Index, i64), SearchError> {
    std::fs::create_dir_all(dir)?;
    if dir.join("meta.json").exists() {
        let index = Index::open_in_dir(dir)?;
        let payload = index.load_metas()?.payload.and_then(|p| serde_json::from_str::<Payload>(&p).ok());
        match payload {
            Some(payload)
                if payload.schema == SCHEMA_VERSION && payload.archive == archive_id && index.schema() == schema =>
            {
                return Ok((index, payload.seq));
            }
            _ => {
                tracing::warn!(dir = %dir.display(), "the index was built by another version or archive; rebuilding it");
                drop(index);
                std::fs::remove_dir_all(dir)?;
                std::fs::create_dir_all(dir)?;
            }
        }
    }
    Ok((Index::create_in_dir(dir, schema)?, 0))
}

pub struct Indexer {
    writer: Arc<Mutex<IndexWriter>>,
    reader: IndexReader,
    fields: Fields,
    applied: watch::Sender<i64>,
    seq: i64,
    /// Changes whose documents `add_published` has added but no commit holds yet.
    pending: HashSet<i64>,
    archive_id: String,
}

impl Indexer {
    pub(super) fn new(
        writer: IndexWriter,
        reader: IndexReader,
        fields: Fields,
        applied: watch::Sender<i64>,
        seq: i64,
        archive_id: &str,
    ) -> Indexer {
        // Tantivy never merges on its own: a merge running in the background while a story is
        // withdrawn would end as a segment holding the story's text under a deletion mark.
        // The indexer merges itself, under the writer's lock (`follow_merge_policy`).
        writer.set_merge_policy(Box::new(NoMergePolicy));
        Indexer {
            writer: Arc::new(Mutex::new(writer)),
            reader,
            fields,
            applied,
            seq,
            pending: HashSet::new(),
            archive_id: archive_id.to_owned(),
        }
    }

    /// Follows the change log until `stop` fires, then releases the writer.
    pub async fn run(mut self, store: Store, mut stop: oneshot::Receiver<()>) {
        let appended = store.appended();
        loop {
            if let Err(error) = self.catch_up(&store).await {
                tracing::error!(%error, "the index could not apply changes; retrying");
            }
            tokio::select! {
                _ = &mut stop => break,
                _ = appended.notified() => {}
                _ = tokio::time::sleep(POLL) => {}
            }
        }
        // Merges run on threads of their own: wait for them, so that nothing writes into
        // the index folder once the server has stopped (a restart may rebuild it at once).
        let writer = self.writer;
        let _ = tokio::task::spawn_blocking(move || {
            let Ok(writer) = Arc::try_unwrap(writer) else { return };
            let Ok(mut writer) = writer.into_inner() else { return };
            let _ = writer.rollback();
            let _ = writer.wait_merging_threads();
        })
        .await;
    }

    /// Applies every change after the last one applied, committing at most `BATCH` stories at
    /// a time. Returns how many were applied. A change whose document `add_published` added
    /// is not read back from the store: this commit makes it searchable.
    pub async fn catch_up(&mut self, store: &Store) -> Result<usize, SearchError> {
        // An index ahead of its store was built from a later copy (a backup was restored):
        // nothing it holds can be trusted.
        if self.seq > store.last_change().await? {
            tracing::warn!("the index is ahead of the store; rebuilding it");
            return Ok(self.rebuild(store).await? as usize);
        }
        // Documents a bulk load added wait for `finish_bulk` to merge them all at once.
        let merge = self.pending.is_empty();
        let (mut read, mut applied) = (self.seq, 0);
        let mut ops = Vec::new();
        loop {
            let changes = store.changes_after(read, BATCH).await?;
            let Some(last) = changes.last().map(|c| c.seq) else { break };
            read = last;
            let mut ids: Vec<String> =
                changes.into_iter().filter(|c| !self.pending.remove(&c.seq)).map(|c| c.story_id).collect();
            ids.sort();
            ids.dedup();
            for id in ids {
                let doc = match store.published_story(&id).await {
                    Ok(story) if story.visibility != Visibility::Private => Some(document(&self.fields, &story)),
                    Ok(_) | Err(StoreError::NotFound | StoreError::WrongState(_)) => None,
                    Err(error) => return Err(error.into()),
                };
                ops.push((id, doc));
            }
            if ops.len() >= BATCH as usize {
                applied += ops.len();
                self.commit(std::mem::take(&mut ops), read, merge).await?;
            }
        }
        if read > self.seq {
            applied += ops.len();
            self.commit(ops, read, merge).await?;
        }
        Ok(applied)
    }

    /// Adds the documents of stories this process has just published, with the sequence
    /// numbers of their changes, without reading them back from the store: what `passage
    /// import` does as it stores. Their ids are new, so nothing is replaced. They become
    /// searchable with the next `catch_up`, or `finish_bulk`.
    pub async fn add_published(&mut self, published: Vec<(i64, PublishedStory)>) -> Result<(), SearchError> {
        // The segments are merged once, by `finish_bulk`.
        self.pending.extend(published.iter().map(|(seq, _)| *seq));
        let fields = self.fields.clone();
        self.with_writer(move |writer| {
            for (_, story) in published.iter().filter(|(_, story)| story.visibility != Visibility::Private) {
                writer.add_document(document(&fields, story))?;
            }
            Ok(())
        })
        .await
    }

    /// Ends a bulk load (`add_published` for a whole import): commits it with every other
    /// change since, then merges the segments it left, as `rebuild` does.
    pub async fn finish_bulk(&mut self, store: &Store) -> Result<usize, SearchError> {
        let applied = self.catch_up(store).await?;
        let reader = self.reader.clone();
        self.with_writer(move |writer| {
            merge_segments(writer)?;
            reader.reload()?;
            Ok(())
        })
        .await?;
        Ok(applied)
    }

    /// Runs `work` with the writer, on a thread that may block.
    async fn with_writer<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut IndexWriter) -> Result<T, SearchError> + Send + 'static,
    ) -> Result<T, SearchError> {
        let writer = self.writer.clone();
        tokio::task::spawn_blocking(move || {
            let mut writer = writer.lock().map_err(|_| tantivy::TantivyError::Poisoned)?;
            work(&mut writer)
        })
        .await?
    }

    async fn commit(
        &mut self,
        ops: Vec<(String, Option<tantivy::TantivyDocument>)>,
        seq: i64,
        merge: bool,
    ) -> Result<(), SearchError> {
        let reader = self.reader.clone();
        let id_field = self.fields.id;
        let archive = self.archive_id.clone();
        self.with_writer(move |writer| {
            for (id, doc) in ops {
                writer.delete_term(Term::from_field_text(id_field, &id));
                if let Some(doc) = doc {
                    writer.add_document(doc)?;
                }
            }
            commit_with_seq(writer, seq, &archive)?;
            reader.reload()?;
            purge_deleted(writer, &reader)?;
            if merge {
                follow_merge_policy(writer, &reader)?;
            }
            Ok(())
        })
        .await?;
        self.seq = seq;
        self.applied.send_replace(seq);
        Ok(())
    }

    /// Rebuilds the whole index from the store's published stories.
    pub async fn rebuild(&mut self, store: &Store) -> Result<u64, SearchError> {
        // Changes after this point are applied again by the next catch-up; that is harmless.
        let seq = store.last_change().await?;
        // The segments are merged once, at the end.
        self.with_writer(|writer| Ok(writer.delete_all_documents()?)).await?;
        self.pending.clear();
        let mut after = String::new();
        let mut count = 0u64;
        loop {
            let page = store.published_page(&after, BATCH).await?;
            let Some(last) = page.last() else { break };
            after = last.id.clone();
            let docs: Vec<_> = page
                .iter()
                .filter(|story| story.visibility != Visibility::Private)
                .map(|story| document(&self.fields, story))
                .collect();
            count += docs.len() as u64;
            self.with_writer(move |writer| {
                for doc in docs {
                    writer.add_document(doc)?;
                }
                Ok(())
            })
            .await?;
        }
        let reader = self.reader.clone();
        let archive = self.archive_id.clone();
        self.with_writer(move |writer| {
            commit_with_seq(writer, seq, &archive)?;
            merge_segments(writer)?;
            reader.reload()?;
            Ok(())
        })
        .await?;
        self.seq = seq;
        self.applied.send_replace(seq);
        Ok(count)
    }
}

/// A bulk load leaves a segment per indexing buffer, and every search pays for each one:
/// merge them while nobody searches, into segments of at most `MERGED_SEGMENT_DOCS` stories.
/// One merge runs on one core, and merging a million stories into one segment took longer
/// than indexing them; merges of a few hundred thousand run side by side.
fn merge_segments(writer: &mut IndexWriter) -> Result<(), SearchError> {
    let mut groups: Vec<(u32, Vec<tantivy::index::SegmentId>)> = Vec::new();
    for segment in writer.index().searchable_segment_metas()? {
        match groups.last_mut() {
            Some((docs, ids)) if *docs + segment.num_docs() <= MERGED_SEGMENT_DOCS => {
                *docs += segment.num_docs();
                ids.push(segment.id());
            }
            _ => groups.push((segment.num_docs(), vec![segment.id()])),
        }
    }
    let merges: Vec<_> = groups.iter().filter(|(_, ids)| ids.len() > 1).map(|(_, ids)| writer.merge(ids)).collect();
    for merge in merges {
        merge.wait()?;
    }
    Ok(())
}

/// Merges the segments a running archive has left, after a commit, and waits. Each
/// publication commits a segment of its own, and every search pays for each segment (a
/// dictionary walk for typos, a lookup per word and field): at 100,000 stories, the six small
/// segments twenty publications left made a search 15–30% slower than on the import's one.
/// Tantivy's log policy, merging a size class once it holds three segments, keeps them few.
/// Only segments of up to `LIVE_MERGE_DOCS` stories are merged here: a merge blocks the next
/// change, and the segments of a bulk load (four of 250,000 at a million stories) would take
/// minutes; they are left as `merge_segments` made them.
fn follow_merge_policy(writer: &mut IndexWriter, reader: &IndexReader) -> Result<(), SearchError> {
    let mut policy = LogMergePolicy::default();
    policy.set_min_num_segments(3);
    policy.set_max_docs_before_merge(LIVE_MERGE_DOCS);
    let candidates = policy.compute_merge_candidates(&writer.index().searchable_segment_metas()?);
    if candidates.is_empty() {
        return Ok(());
    }
    for MergeCandidate(segments) in candidates {
        writer.merge(&segments).wait()?;
    }
    reader.reload()?;
    Ok(())
}

/// The biggest segment the running indexer merges: about a second of work on one core.
const LIVE_MERGE_DOCS: usize = 10_000;

/// The most stories a bulk load merges into one segment.
const MERGED_SEGMENT_DOCS: u32 = 250_000;

/// Deleting a document in Tantivy only marks it; its text stays in the segment files. So
/// every segment holding a deleted document is merged (rewritten without it) and the files
/// no longer used are removed: an unpublished or withdrawn story leaves no bytes behind.
fn purge_deleted(writer: &mut IndexWriter, reader: &IndexReader) -> Result<(), SearchError> {
    let with_deletes: Vec<_> =
        reader.searcher().segment_readers().iter().filter(|s| s.has_deletes()).map(|s| s.segment_id()).collect();
    if with_deletes.is_empty() {
        return Ok(());
    }
    writer.merge(&with_deletes).wait()?;
    reader.reload()?;
    writer.garbage_collect_files().wait()?;
    Ok(())
}

fn commit_with_seq(writer: &mut IndexWriter, seq: i64, archive: &str) -> tantivy::Result<()> {
    let payload = serde_json::to_string(&Payload { seq, schema: SCHEMA_VERSION, archive: archive.to_owned() })
        .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_running_indexer_merges_small_segments_and_leaves_big_ones() {
        let (index, fields, mut writer) = super::super::schema::index_in_ram();
        let reader = index.reader().unwrap();
        let mut segment = |stories: usize| {
            for n in 0..stories {
                writer.add_document(tantivy::doc!(fields.id => format!("story-{n}"))).unwrap();
            }
            writer.commit().unwrap();
        };
        // Two segments of a bulk load's size, then three publications.
        segment(LIVE_MERGE_DOCS + 1);
        segment(LIVE_MERGE_DOCS + 1);
        for _ in 0..3 {
            segment(1);
        }
        let sizes = |index: &tantivy::Index| {
            let mut sizes: Vec<u32> = index.searchable_segment_metas().unwrap().iter().map(|s| s.num_docs()).collect();
            sizes.sort_unstable();
            sizes
        };
        let big = LIVE_MERGE_DOCS as u32 + 1;
        assert_eq!(sizes(&index), vec![1, 1, 1, big, big]);
        follow_merge_policy(&mut writer, &reader).unwrap();
        assert_eq!(sizes(&index), vec![3, big, big]);
        assert_eq!(reader.searcher().num_docs(), 2 * u64::from(big) + 3);
    }
}
