//! What each segment of the index holds: which indexed fields have terms in it, and how many
//! tokens each field has in all. Worked out once per generation of the searcher (a commit or a
//! merge makes a new one) and shared by every search of that generation.
//!
//! Every language with a stemmer has its own title and body fields, and a small segment of
//! fresh publications holds only a few of them. Tantivy builds an empty reader anew each time
//! it is asked for a field a segment lacks, and BM25 asks for every field of a query in every
//! segment, for each word: a search without a language filter looked in 36 fields, and most of
//! those readers were empty. A search now looks only in the fields some segment holds, and
//! sums BM25's statistics only over the segments that hold them ([`Statistics`]).
//!
//! Each segment's dictionary of words, which typo walks read, is opened here once too.

use std::sync::{Arc, Mutex};

use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::collector::Collector;
use tantivy::index::SegmentId;
use tantivy::query::{Bm25StatisticsProvider, Query};
use tantivy::schema::Field;
use tantivy::{IndexReader, Searcher, SegmentReader, TantivyError, Term};

use super::schema::WORDS;
use super::typos::Dictionary;

pub struct Held {
    generation: u64,
    /// The fields with terms in each segment.
    segments: FxHashMap<SegmentId, FxHashSet<Field>>,
    /// The tokens of each field, over every segment.
    tokens: FxHashMap<Field, u64>,
    /// Each segment's dictionary of the `words` field. Like the searcher it was made from,
    /// it keeps a merged-away segment's term file mapped until the next search replaces it.
    words: FxHashMap<SegmentId, Dictionary>,
}

impl Held {
    fn of(searcher: &Searcher) -> tantivy::Result<Held> {
        let schema = searcher.schema();
        let indexed: Vec<Field> =
            schema.fields().filter(|(_, entry)| entry.is_indexed()).map(|(field, _)| field).collect();
        let mut segments = FxHashMap::default();
        let mut tokens: FxHashMap<Field, u64> = FxHashMap::default();
        let mut words = FxHashMap::default();
        let words_field = schema.get_field(WORDS)?;
        for segment in searcher.segment_readers() {
            words.insert(segment.segment_id(), Dictionary::open(searcher, segment, words_field)?);
            let mut held = FxHashSet::default();
            for &field in &indexed {
                let inverted = segment.inverted_index(field)?;
                if inverted.terms().num_terms() > 0 {
                    held.insert(field);
                    *tokens.entry(field).or_default() += inverted.total_num_tokens();
                }
            }
            segments.insert(segment.segment_id(), held);
        }
        Ok(Held { generation: searcher.generation().generation_id(), segments, tokens, words })
    }

    /// Whether any segment holds `field`.
    pub fn holds(&self, field: Field) -> bool {
        self.tokens.contains_key(&field)
    }

    /// The dictionary of the `words` field in `segment`, one of the searcher's this was made
    /// from.
    pub fn words(&self, segment: &SegmentReader) -> tantivy::Result<&Dictionary> {
        self.words.get(&segment.segment_id()).ok_or_else(|| {
            TantivyError::InternalError(format!(
                "segment {} of another searcher",
                segment.segment_id().short_uuid_string()
            ))
        })
    }

    fn segment_holds(&self, segment: SegmentId, field: Field) -> bool {
        // A segment not seen (never, with the searcher this was made from) is asked.
        self.segments.get(&segment).is_none_or(|held| held.contains(&field))
    }
}

/// The [`Held`] of the current searcher generation, worked out on its first search.
#[derive(Default)]
pub struct HeldCache(Mutex<Option<Arc<Held>>>);

impl HeldCache {
    /// The reader's current searcher, with what its segments hold.
    pub fn snapshot(&self, reader: &IndexReader) -> tantivy::Result<Snapshot> {
        let searcher = reader.searcher();
        let held = self.get(&searcher)?;
        Ok(Snapshot { searcher, held })
    }

    fn get(&self, searcher: &Searcher) -> tantivy::Result<Arc<Held>> {
        let generation = searcher.generation().generation_id();
        let mut cached = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(held) = cached.as_ref().filter(|held| held.generation == generation) {
            return Ok(held.clone());
        }
        let held = Arc::new(Held::of(searcher)?);
        *cached = Some(held.clone());
        Ok(held)
    }
}

/// One generation of the index, as a search reads it.
pub struct Snapshot {
    pub searcher: Searcher,
    pub held: Arc<Held>,
}

impl Snapshot {
    /// Runs `query`, scored with the statistics of the segments that hold each field.
    pub fn run<C: Collector>(&self, query: &dyn Query, collector: &C) -> tantivy::Result<C::Fruit> {
        let statistics = Statistics { searcher: &self.searcher, held: &self.held };
        self.searcher.search_with_statistics_provider(query, collector, &statistics)
    }
}

/// BM25's statistics, the same as Tantivy's own, read only from the segments that hold a field.
struct Statistics<'a> {
    searcher: &'a Searcher,
    held: &'a Held,
}

impl Bm25StatisticsProvider for Statistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        Ok(self.held.tokens.get(&field).copied().unwrap_or(0))
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.searcher.segment_readers().iter().map(|segment| u64::from(segment.max_doc())).sum())
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let mut stories = 0;
        for segment in self.searcher.segment_readers() {
            if self.held.segment_holds(segment.segment_id(), term.field()) {
                stories += u64::from(segment.inverted_index(term.field())?.doc_freq(term)?);
            }
        }
        Ok(stories)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;
    use tantivy::{Index, IndexWriter, doc};

    use super::*;
    use crate::search::schema;

    /// An index of three segments: English and French stories, then English alone, then one
    /// Arabic story, as fresh publications leave them.
    fn index() -> (Index, schema::Fields) {
        let (index, fields, mut writer) = schema::index_in_ram();
        let en = fields.for_language("en");
        let fr = fields.for_language("fr");
        let ar = fields.for_language("ar");
        writer.add_document(doc!(en.body => "a nurse on the night shift", en.title => "Night shifts")).unwrap();
        writer.add_document(doc!(fr.body => "une infirmière de nuit")).unwrap();
        writer.commit().unwrap();
        writer.add_document(doc!(en.body => "the nurse and the nurse again, a long shift")).unwrap();
        writer.commit().unwrap();
        writer.add_document(doc!(ar.body => "ممرضة في المستشفى")).unwrap();
        writer.commit().unwrap();
        (index, fields)
    }

    #[test]
    fn the_statistics_are_tantivys_own_and_the_scores_the_same() {
        let (index, fields) = index();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        let held = HeldCache::default().get(&searcher).unwrap();
        let ours = Statistics { searcher: &searcher, held: &held };
        let body = fields.for_language("en").body;
        let nurse = Term::from_field_text(body, "nurs");
        assert_eq!(ours.doc_freq(&nurse).unwrap(), 2);
        assert_eq!(ours.doc_freq(&nurse).unwrap(), Bm25StatisticsProvider::doc_freq(&searcher, &nurse).unwrap());
        for field in [body, fields.for_language("fr").body, fields.for_language("de").body, fields.words] {
            assert_eq!(ours.total_num_tokens(field).unwrap(), searcher.total_num_tokens(field).unwrap());
        }
        assert_eq!(ours.total_num_docs().unwrap(), Bm25StatisticsProvider::total_num_docs(&searcher).unwrap());

        let query = TermQuery::new(nurse, IndexRecordOption::WithFreqs);
        let top = TopDocs::with_limit(10).order_by_score();
        let theirs = searcher.search(&query as &dyn Query, &top).unwrap();
        let mine = searcher.search_with_statistics_provider(&query, &top, &ours).unwrap();
        assert_eq!(theirs.len(), 2);
        assert_eq!(theirs, mine);
    }

    #[test]
    fn only_fields_some_segment_holds_are_held_and_a_new_generation_is_seen() {
        let (index, fields) = index();
        let reader = index.reader().unwrap();
        let cache = HeldCache::default();
        let held = cache.get(&reader.searcher()).unwrap();
        for key in ["en", "fr", "ar"] {
            assert!(held.holds(fields.for_language(key).body), "{key}");
        }
        assert!(held.holds(fields.for_language("en").title));
        assert!(!held.holds(fields.for_language("fr").title), "no French story has a title");
        assert!(!held.holds(fields.for_language("de").body), "no German story");
        assert!(Arc::ptr_eq(&held, &cache.get(&reader.searcher()).unwrap()), "one generation, worked out once");

        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.add_document(doc!(fields.for_language("de").body => "eine Krankenschwester")).unwrap();
        writer.commit().unwrap();
        reader.reload().unwrap();
        assert!(cache.get(&reader.searcher()).unwrap().holds(fields.for_language("de").body));
    }
}
