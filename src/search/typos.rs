//! Typo tolerance: the words of the index within a few typos of a word of the query. They
//! are found once per search, by walking the index's dictionary with a Levenshtein
//! automaton, and then serve twice: as the words the search looks for ([`AnyOf`]), and as
//! the words its hits highlight (a set lookup per word, not an edit distance). The word
//! being typed stands in the same way for the commonest words it begins.

use std::path::Path;
use std::sync::{Arc, LazyLock};

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::Directory;
use tantivy::directory::{CompositeFile, FileSlice, OwnedBytes};
use tantivy::query::{BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{BitSet, DocId, DocSet, HasLen, Score, Searcher, SegmentReader, TantivyError};
use tantivy_fst::Automaton;
use tantivy_fst::raw::Fst;

use super::held::Snapshot;

/// The most words one query word may stand for. A long common word two typos away from
/// many others stops here, so that a search stays fast; the closest words are not chosen
/// over the others, they come in dictionary order.
pub const MAX_WORDS: usize = 256;

/// Typo tolerance grows with the word: none below 5 letters, one typo from 5, two from 9.
pub fn allowed(word: &str) -> u8 {
    match word.chars().filter(|c| c.is_alphanumeric()).count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Automaton builders are costly to make (two typos take milliseconds) and reusable.
static BUILDERS: LazyLock<[LevenshteinAutomatonBuilder; 2]> =
    LazyLock::new(|| [LevenshteinAutomatonBuilder::new(1, true), LevenshteinAutomatonBuilder::new(2, true)]);

fn within(typos: u8, word: &str) -> DFA {
    BUILDERS[usize::from(typos.clamp(1, 2)) - 1].build_dfa(word)
}

/// Accepts the words that begin with `first` exactly and go on within a number of typos (an
/// insertion, a deletion, a substitution or two letters swapped) of `rest`.
struct Near {
    first: Vec<u8>,
    rest: DFA,
}

impl Near {
    fn new(first: &str, rest: &str, typos: u8) -> Self {
        Near { first: first.as_bytes().to_vec(), rest: within(typos, rest) }
    }
}

/// How many bytes of `first` are read, and then the state in `rest`.
type NearState = (usize, u32);

impl Automaton for Near {
    type State = NearState;

    fn start(&self) -> NearState {
        (0, self.rest.initial_state())
    }

    fn is_match(&self, &(read, state): &NearState) -> bool {
        read == self.first.len() && matches!(self.rest.distance(state), Distance::Exact(_))
    }

    fn can_match(&self, &(_, state): &NearState) -> bool {
        state != SINK_STATE
    }

    fn accept(&self, &(read, state): &NearState, byte: u8) -> NearState {
        match self.first.get(read) {
            Some(&expected) if expected == byte => (read + 1, state),
            Some(_) => (read, SINK_STATE),
            None => (read, self.rest.transition(state, byte)),
        }
    }
}

/// One segment's dictionary of a field, as the finite-state transducer Tantivy keeps it in,
/// for walks with an automaton. Tantivy's own walk (`TermDictionary::search`) reads the node
/// behind every branch before asking the automaton whether the branch can lead anywhere; a
/// typo walk rules out most branches, and each read is a cache miss, so a walk here, which
/// asks first, reads three to four times fewer nodes and takes a third of the time.
/// `None` in a segment where no story has the field.
pub struct Dictionary(Option<Fst<OwnedBytes>>);

/// How Tantivy 0.27 ends a term dictionary: its kind (1, a transducer), after a footer of
/// the term information's length and the format's version (1). A test checks every walk
/// against Tantivy's own, so a change of format shows there and not in a search.
const DICTIONARY_KIND: u32 = 1;
const DICTIONARY_VERSION: u32 = 1;

impl Dictionary {
    /// The dictionary of `field` in `segment`, read from the segment's term file.
    pub fn open(searcher: &Searcher, segment: &SegmentReader, field: Field) -> tantivy::Result<Dictionary> {
        let corrupt = |what: &str| {
            TantivyError::InternalError(format!(
                "term dictionary of segment {}: {what}",
                segment.segment_id().short_uuid_string()
            ))
        };
        let path = format!("{}.term", segment.segment_id().uuid_string());
        let file = searcher.index().directory().open_read(Path::new(&path))?;
        let Some(slice) = CompositeFile::open(&file)?.open_read(field) else {
            return match segment.inverted_index(field)?.terms().num_terms() {
                0 => Ok(Dictionary(None)),
                _ => Err(corrupt("the field is missing")),
            };
        };
        let (slice, kind) = split_tail(slice, 4).ok_or_else(|| corrupt("too short"))?;
        let (main, footer) = split_tail(slice, 12).ok_or_else(|| corrupt("too short"))?;
        let (footer, kind) = (footer.read_bytes()?, kind.read_bytes()?);
        // Little-endian numbers; the lengths were checked by the splits.
        let (info_len, version) = footer.as_slice().split_at(8);
        let word = |bytes: &[u8]| u32::from_le_bytes(bytes.try_into().unwrap_or_default());
        if word(kind.as_slice()) != DICTIONARY_KIND || word(version) != DICTIONARY_VERSION {
            return Err(corrupt("an unknown format"));
        }
        let info_len = u64::from_le_bytes(info_len.try_into().unwrap_or_default());
        let info_len = usize::try_from(info_len).map_err(|_| corrupt("a bad footer"))?;
        let (fst, _) = split_tail(main, info_len).ok_or_else(|| corrupt("a bad footer"))?;
        let fst = Fst::new(fst.read_bytes()?).map_err(|e| corrupt(&e.to_string()))?;
        if fst.len() != segment.inverted_index(field)?.terms().num_terms() {
            return Err(corrupt("not the terms Tantivy reads"));
        }
        Ok(Dictionary(Some(fst)))
    }

    /// Hands `found` the words `automaton` accepts, in dictionary order, until it returns
    /// false. Depth first, one step of the automaton per branch: a branch's node is read only
    /// if the automaton can still match along it. The same words as Tantivy's walk for an
    /// automaton that can match wherever it matches, as [`Near`] can.
    fn walk<A: Automaton>(&self, automaton: &A, mut found: impl FnMut(&[u8]) -> bool)
    where
        A::State: Clone,
    {
        let Some(fst) = &self.0 else { return };
        let start = automaton.start();
        if fst.root().is_final() && automaton.is_match(&start) && !found(&[]) {
            return;
        }
        let mut key = Vec::new();
        // Each node on the path, its state, and the next of its branches to try.
        let mut path = vec![(fst.root(), start, 0)];
        while let Some((node, state, next)) = path.last_mut() {
            if *next == node.len() {
                path.pop();
                key.pop();
                continue;
            }
            let branch = node.transition(*next);
            *next += 1;
            let state = automaton.accept(state, branch.inp);
            if !automaton.can_match(&state) {
                continue;
            }
            let node = fst.node(branch.addr);
            key.push(branch.inp);
            if node.is_final() && automaton.is_match(&state) && !found(&key) {
                return;
            }
            path.push((node, state, 0));
        }
    }
}

/// `slice` without its last `len` bytes, and those bytes; `None` if it is shorter.
fn split_tail(slice: FileSlice, len: usize) -> Option<(FileSlice, FileSlice)> {
    (slice.len() >= len).then(|| slice.split_from_end(len))
}

/// The words of the `words` field (its indexed, unstemmed terms) within `typos` of `word`, the
/// word itself included when the index holds it; at most [`MAX_WORDS`]. A typo in the first
/// letter counts as two, as in other typo-tolerant engines: people seldom get the first
/// letter wrong, and keeping it narrows the walk through the dictionary to a small part.
pub fn words_within(snapshot: &Snapshot, word: &str, typos: u8) -> tantivy::Result<FxHashSet<String>> {
    let mut words = FxHashSet::default();
    let Some(first) = word.chars().next().filter(|_| typos > 0) else { return Ok(words) };
    let (first, rest) = word.split_at(first.len_utf8());
    let mut walks = vec![Near::new(first, rest, typos)];
    if typos >= 2 {
        walks.push(Near::new("", word, typos - 1));
    }
    for segment in snapshot.searcher.segment_readers() {
        let dictionary = snapshot.held.words(segment)?;
        for automaton in &walks {
            dictionary.walk(automaton, |found| {
                if let Ok(found) = std::str::from_utf8(found)
                    && !words.contains(found)
                {
                    words.insert(found.to_owned());
                }
                words.len() < MAX_WORDS
            });
            if words.len() == MAX_WORDS {
                return Ok(words);
            }
        }
    }
    Ok(words)
}

/// The words of `field` that begin with `prefix` (the word being typed), the word itself
/// included: the [`MAX_WORDS`] held by the most stories. Three letters can begin thousands of
/// words at a million stories, and reading every one's stories was the costliest part of
/// such a search; the commonest completions are what a reader is most likely typing.
pub fn words_starting(searcher: &Searcher, field: Field, prefix: &str) -> tantivy::Result<FxHashSet<String>> {
    let mut stories: FxHashMap<String, u32> = FxHashMap::default();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().range().ge(prefix.as_bytes()).into_stream()?;
        while stream.advance() && stream.key().starts_with(prefix.as_bytes()) {
            if let Ok(word) = std::str::from_utf8(stream.key()) {
                match stories.get_mut(word) {
                    Some(count) => *count += stream.value().doc_freq,
                    None => {
                        stories.insert(word.to_owned(), stream.value().doc_freq);
                    }
                }
            }
        }
    }
    let mut words: Vec<(String, u32)> = stories.into_iter().collect();
    if words.len() > MAX_WORDS {
        // The most stories first; between equals, dictionary order, so the choice is stable.
        words.select_nth_unstable_by(MAX_WORDS - 1, |(a, a_count), (b, b_count)| {
            b_count.cmp(a_count).then_with(|| a.cmp(b))
        });
        words.truncate(MAX_WORDS);
    }
    Ok(words.into_iter().map(|(word, _)| word).collect())
}

/// The stories holding any of a few known words, all scored alike. Each word is looked up
/// in the dictionary (Tantivy's `TermSetQuery` would first build a dictionary of its own,
/// which costs more than the search when the words are many).
#[derive(Debug, Clone)]
pub struct AnyOf {
    field: Field,
    words: Arc<[String]>,
}

impl AnyOf {
    pub fn new(field: Field, words: impl IntoIterator<Item = String>) -> Self {
        AnyOf { field, words: words.into_iter().collect() }
    }
}

impl Query for AnyOf {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for AnyOf {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut docs = BitSet::with_max_value(reader.max_doc());
        let inverted = reader.inverted_index(self.field)?;
        for word in self.words.iter() {
            let Some(info) = inverted.terms().get(word.as_bytes())? else { continue };
            let mut postings = inverted.read_block_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
            while !postings.docs().is_empty() {
                for &doc in postings.docs() {
                    docs.insert(doc);
                }
                postings.advance();
            }
        }
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(docs), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if self.scorer(reader, 1.0)?.seek(doc) == doc {
            Ok(Explanation::new("holds one of the words", 1.0))
        } else {
            Err(TantivyError::InvalidArgument(format!("document {doc} holds none of the words")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_stands_for_its_commonest_words() {
        let (index, fields, mut writer) = super::super::schema::index_in_ram();
        // 300 rare words and one common word beginning with "con", and another word.
        // In dictionary order, every rare word comes before the common one.
        let rare: Vec<String> = (0..300).map(|n| format!("cona{n:03}")).collect();
        for word in &rare {
            writer.add_document(tantivy::doc!(fields.words => word.as_str())).unwrap();
        }
        for _ in 0..3 {
            writer.add_document(tantivy::doc!(fields.words => "conflict coffee")).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let words = words_starting(&searcher, fields.words, "con").unwrap();
        assert_eq!(words.len(), MAX_WORDS);
        assert!(words.contains("conflict"), "the commonest completion is left out");
        assert!(words.iter().all(|w| w.starts_with("con")));
        assert_eq!(
            words_starting(&searcher, fields.words, "coff").unwrap(),
            FxHashSet::from_iter(["coffee".to_owned()])
        );
    }

    #[test]
    fn a_walk_finds_what_tantivys_own_walk_finds() {
        let (index, fields, mut writer) = super::super::schema::index_in_ram();
        // Every third common word of eleven languages, in two segments.
        let words: Vec<&str> = crate::redaction::COMMON_WORDS
            .lines()
            .skip(1)
            .filter_map(|line| line.split('\t').nth(1))
            .step_by(3)
            .collect();
        for (n, chunk) in words.chunks(500).enumerate() {
            writer.add_document(tantivy::doc!(fields.words => chunk.join(" "))).unwrap();
            if n == 40 {
                writer.commit().unwrap();
            }
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        let mut compared = 0;
        for segment in searcher.segment_readers() {
            let dictionary = Dictionary::open(&searcher, segment, fields.words).unwrap();
            let inverted = segment.inverted_index(fields.words).unwrap();
            for word in words.iter().step_by(97) {
                let Some(first) = word.chars().next() else { continue };
                let (first, rest) = word.split_at(first.len_utf8());
                for automaton in [Near::new(first, rest, 1), Near::new(first, rest, 2), Near::new("", word, 1)] {
                    let mut ours = Vec::new();
                    dictionary.walk(&automaton, |found| {
                        ours.push(found.to_vec());
                        true
                    });
                    let mut theirs = Vec::new();
                    let mut stream = inverted.terms().search(&automaton).into_stream().unwrap();
                    while stream.advance() {
                        theirs.push(stream.key().to_vec());
                    }
                    assert_eq!(ours, theirs, "{word}");
                    compared += usize::from(!ours.is_empty());
                }
            }
            let mut first_two = Vec::new();
            dictionary.walk(&tantivy_fst::automaton::AlwaysMatch, |found| {
                first_two.push(found.to_vec());
                first_two.len() < 2
            });
            let mut stream = inverted.terms().stream().unwrap();
            let theirs: Vec<_> = (0..2).map_while(|_| stream.advance().then(|| stream.key().to_vec())).collect();
            assert_eq!(first_two, theirs, "a walk stops when told, in dictionary order");
        }
        assert!(compared > 1000, "only {compared} walks found words");
    }

    #[test]
    fn longer_words_allow_more_typos() {
        assert_eq!(allowed("tree"), 0);
        assert_eq!(allowed("mango"), 1);
        assert_eq!(allowed("ممرضة"), 1);
        assert_eq!(allowed("hospitals"), 2);
    }

    #[test]
    fn the_automaton_accepts_words_within_the_typos_and_no_others() {
        let accepts = |automaton: &Near, text: &str| {
            let state = text.bytes().fold(automaton.start(), |state, byte| automaton.accept(&state, byte));
            automaton.is_match(&state)
        };
        let one = Near::new("m", "ango", 1);
        for near in ["mango", "mangos", "mang", "mnago", "mañgo", "mangó"] {
            assert!(accepts(&one, near), "{near}");
        }
        for far in ["tango", "ango", "mangoes", "ma", "nomad"] {
            assert!(!accepts(&one, far), "{far}");
        }
        let arabic = Near::new("م", "مرضة", 1);
        assert!(accepts(&arabic, "ممرضه") && accepts(&arabic, "ممرض"));
        assert!(!accepts(&arabic, "تمرضة"));
        let whole = Near::new("", "mango", 1);
        assert!(accepts(&whole, "tango") && !accepts(&whole, "tangos"));
    }
}
