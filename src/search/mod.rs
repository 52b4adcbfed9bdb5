//! Search over published stories: the Tantivy index, its single writer, queries, facets
//! and snippets. Only published, redacted text and metadata are ever indexed; private
//! stories never are. The index is derived data: it follows the store's change log and can
//! be rebuilt from the store at any time.

mod held;
mod highlight;
mod indexer;
pub mod query;
mod schema;
mod sorted;
mod typos;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, MoreLikeThisQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption, OwnedValue, Value};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Score, TantivyDocument, Term};
use tokio::sync::watch;
use utoipa::{IntoParams, ToSchema};

use held::{HeldCache, Snapshot};
pub(crate) use highlight::mark;
use highlight::{Highlighter, Highlights, WordCache, snippet};
pub use indexer::Indexer;
pub use query::QueryError;
use schema::{Fields, TextFields};
use sorted::Sorted;

use crate::story::{PublishedStory, Visibility, vocabulary};

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("{0}")]
    Query(#[from] QueryError),
    #[error("{message}")]
    BadFilter { field: &'static str, message: String },
    #[error("year_from ({from}) is after year_to ({to}).")]
    YearsReversed { from: u64, to: u64 },
    #[error("Only the first {MAX_RESULT_WINDOW} results can be paged through; narrow the search.")]
    TooDeep,
    #[error("The query has no words to search for.")]
    NothingToSearch,
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("index folder error: {0}")]
    Io(#[from] std::io::Error),
    #[error("search task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    #[error("store error: {0}")]
    Store(#[from] crate::store::StoreError),
}

/// Who is searching decides what may be found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Anyone: `public` stories.
    Public,
    /// Verified journalists and staff: `public` and `press` stories.
    Press,
}

impl Audience {
    pub fn may_read(self, visibility: Visibility) -> bool {
        match visibility {
            Visibility::Public => true,
            Visibility::Press => self == Audience::Press,
            Visibility::Private => false,
        }
    }
}

pub const MAX_PER_PAGE: usize = 50;
pub const DEFAULT_PER_PAGE: usize = 10;
/// Deep pages cost as much as all the pages before them; nobody reads past this.
pub const MAX_RESULT_WINDOW: usize = 10_000;

/// A search as a reader asks for it (query string of `/search` and `/api/v1/search`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchRequest {
    /// Words (all required), "phrases", -excluded, a OR b.
    #[serde(default)]
    pub q: String,
    /// A theme slug.
    pub theme: Option<String>,
    /// Country of origin, ISO 3166-1 alpha-2.
    pub origin: Option<String>,
    /// A country the teller passed through, ISO 3166-1 alpha-2.
    pub transit: Option<String>,
    /// Country of residence, ISO 3166-1 alpha-2.
    pub residence: Option<String>,
    /// Language of the story (primary subtag).
    pub language: Option<String>,
    pub year_from: Option<String>,
    pub year_to: Option<String>,
    /// `relevance` (the default with words), `newest` (the default without), `oldest`, or
    /// `year` (year of departure, earliest first).
    pub sort: Option<String>,
    /// 1-based page number.
    pub page: Option<String>,
    pub per_page: Option<String>,
}

/// The order of results. Every order ends with the story's publication time and a number
/// drawn from its id, so equal results keep their places from one page to the next.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
    Year,
}

impl Sort {
    const NAMES: [(&'static str, Sort); 4] =
        [("relevance", Sort::Relevance), ("newest", Sort::Newest), ("oldest", Sort::Oldest), ("year", Sort::Year)];
}

/// A search request whose filters were checked.
#[derive(Debug, Clone, Default)]
struct Filters {
    theme: Option<String>,
    origin: Option<String>,
    transit: Option<String>,
    residence: Option<String>,
    language: Option<String>,
    year_from: Option<u64>,
    year_to: Option<u64>,
    sort: Sort,
    page: usize,
    per_page: usize,
}

fn blank(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn number(
    field: &'static str,
    value: &Option<String>,
    range: std::ops::RangeInclusive<u64>,
) -> Result<Option<u64>, SearchError> {
    let Some(text) = blank(value) else { return Ok(None) };
    match text.parse::<u64>() {
        Ok(n) if range.contains(&n) => Ok(Some(n)),
        _ => Err(SearchError::BadFilter {
            field,
            message: format!("{field} must be a whole number from {} to {}, not {text:?}.", range.start(), range.end()),
        }),
    }
}

fn country_filter(field: &'static str, value: &Option<String>) -> Result<Option<String>, SearchError> {
    let Some(text) = blank(value) else { return Ok(None) };
    vocabulary::country(text).map(|c| Some(c.code.to_owned())).ok_or_else(|| SearchError::BadFilter {
        field,
        message: format!("Unknown country {text:?} for {field}; use an ISO 3166-1 alpha-2 code such as \"SY\"."),
    })
}

impl SearchRequest {
    fn filters(&self) -> Result<Filters, SearchError> {
        let theme = match blank(&self.theme) {
            None => None,
            Some(slug) if vocabulary::theme(slug).is_some() => Some(slug.to_owned()),
            Some(slug) => {
                return Err(SearchError::BadFilter {
                    field: "theme",
                    message: format!("Unknown theme {slug:?}; see GET /api/v1/themes for the list."),
                });
            }
        };
        let language = match blank(&self.language) {
            None => None,
            Some(tag) => match vocabulary::normalise_language_tag(tag) {
                Some(_) => Some(vocabulary::primary_language(tag)),
                None => {
                    return Err(SearchError::BadFilter {
                        field: "language",
                        message: format!("{tag:?} is not a language code such as \"ar\" or \"uk\"."),
                    });
                }
            },
        };
        let year_from = number("year_from", &self.year_from, 0..=9999)?;
        let year_to = number("year_to", &self.year_to, 0..=9999)?;
        if let (Some(from), Some(to)) = (year_from, year_to)
            && from > to
        {
            return Err(SearchError::YearsReversed { from, to });
        }
        let page = number("page", &self.page, 1..=MAX_RESULT_WINDOW as u64)?.unwrap_or(1) as usize;
        let per_page =
            number("per_page", &self.per_page, 1..=MAX_PER_PAGE as u64)?.map_or(DEFAULT_PER_PAGE, |n| n as usize);
        if page * per_page > MAX_RESULT_WINDOW {
            return Err(SearchError::TooDeep);
        }
        let sort = match blank(&self.sort) {
            None if self.q.trim().is_empty() => Sort::Newest,
            None => Sort::Relevance,
            Some(name) => {
                Sort::NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, s)| *s).ok_or_else(|| {
                    SearchError::BadFilter {
                        field: "sort",
                        message: format!("Unknown sort {name:?}; use relevance, newest, oldest or year."),
                    }
                })?
            }
        };
        Ok(Filters {
            theme,
            origin: country_filter("origin", &self.origin)?,
            transit: country_filter("transit", &self.transit)?,
            residence: country_filter("residence", &self.residence)?,
            language,
            year_from,
            year_to,
            sort,
            page,
            per_page,
        })
    }
}

/// One hit of a search.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Hit {
    pub id: String,
    pub title: String,
    /// The title, HTML-escaped, matches wrapped in `<mark>`.
    pub title_html: String,
    /// Plain text around the best match, from the redacted text.
    pub snippet: String,
    /// The same, HTML-escaped, matches wrapped in `<mark>`.
    pub snippet_html: String,
    pub pseudonym: Option<String>,
    pub language: String,
    pub themes: Vec<String>,
    pub origin_country: Option<String>,
    pub residence_country: Option<String>,
    pub year: Option<i32>,
    pub published_at: String,
    pub url: String,
}

/// The stories per value of one facet; `None` where the count is hidden.
pub type FacetCounts = BTreeMap<String, Option<u64>>;

/// The stories of the current query per facet value. A value held by fewer stories than the
/// archive's threshold (`facet_min_count`, 3 by default) is listed with `null` instead of its
/// count, so that filters cannot be used to point at one person.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct Facets {
    pub theme: FacetCounts,
    pub origin: FacetCounts,
    pub transit: FacetCounts,
    pub residence: FacetCounts,
    pub language: FacetCounts,
    pub year: FacetCounts,
}

impl Facets {
    fn group(&mut self, group: &str) -> &mut FacetCounts {
        match group {
            "theme" => &mut self.theme,
            "origin" => &mut self.origin,
            "transit" => &mut self.transit,
            "residence" => &mut self.residence,
            "language" => &mut self.language,
            _ => &mut self.year,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResults {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// What the index stores of a story besides its text, to answer hits without the store.
#[derive(Debug, Serialize, Deserialize)]
struct Summary {
    title: String,
    pseudonym: Option<String>,
    language: String,
    themes: Vec<String>,
    origin_country: Option<String>,
    residence_country: Option<String>,
    year: Option<i32>,
    published_at: String,
}

const FACET_GROUPS: [&str; 6] = ["theme", "origin", "transit", "residence", "language", "year"];

/// The facet threshold when the settings give none.
pub const DEFAULT_FACET_MIN_COUNT: u64 = 3;

struct Inner {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    applied: watch::Receiver<i64>,
    words: WordCache,
    held: HeldCache,
}

/// The read side of the index, shared by every request. Cheap to clone.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
    facet_min_count: u64,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("applied", &*self.inner.applied.borrow()).finish()
    }
}

impl SearchIndex {
    /// Opens the index in `dir` (creating or, after a schema change, recreating it) and
    /// returns the shared reader and the one writer.
    pub fn open(dir: &Path, archive_id: &str) -> Result<(SearchIndex, Indexer), SearchError> {
        let (schema, fields) = schema::build();
        let (index, applied_seq) = indexer::open_index(dir, schema, archive_id)?;
        schema::register_analysers(&index);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let (applied_tx, applied) = watch::channel(applied_seq);
        // One indexing thread per core (a rebuild or a bulk import keeps them all busy), with
        // Tantivy's 64 MB of buffer each; a trickle of publications uses one.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        let writer = index.writer_with_num_threads(threads, 64_000_000 * threads)?;
        let search = SearchIndex {
            inner: Arc::new(Inner {
                index,
                reader: reader.clone(),
                fields: fields.clone(),
                applied,
                words: WordCache::default(),
                held: HeldCache::default(),
            }),
            facet_min_count: DEFAULT_FACET_MIN_COUNT,
        };
        let indexer = Indexer::new(writer, reader, fields, applied_tx, applied_seq, archive_id);
        Ok((search, indexer))
    }

    /// Waits until change `seq` is searchable, at most `timeout`. Returns whether it is.
    pub async fn wait_for(&self, seq: i64, timeout: Duration) -> bool {
        let mut applied = self.inner.applied.clone();
        tokio::time::timeout(timeout, applied.wait_for(|applied| *applied >= seq)).await.is_ok_and(|r| r.is_ok())
    }

    /// Facet values held by fewer than `min_count` stories are listed without their count.
    pub fn with_facet_min_count(mut self, min_count: u64) -> SearchIndex {
        self.facet_min_count = min_count;
        self
    }

    /// Runs a search off the async runtime.
    #[tracing::instrument(skip_all)]
    pub async fn search(&self, request: &SearchRequest, audience: Audience) -> Result<SearchResults, SearchError> {
        let items = query::parse(&request.q)?;
        // A query that does not end in a space or a quote is still being typed: its last
        // word is matched as a prefix too.
        let typing = !request.q.ends_with(|c: char| c.is_whitespace() || c == '"');
        let filters = request.filters()?;
        let inner = self.inner.clone();
        let min_count = self.facet_min_count;
        tokio::task::spawn_blocking(move || inner.search(&items, typing, &filters, audience, min_count)).await?
    }

    /// The ids of every story the search finds, in its order, at most `limit`, and how many
    /// it finds in all: what an export holds. Paging is ignored.
    #[tracing::instrument(skip_all)]
    pub async fn ids(
        &self,
        request: &SearchRequest,
        audience: Audience,
        limit: usize,
    ) -> Result<(Vec<String>, usize), SearchError> {
        let items = query::parse(&request.q)?;
        let filters = request.filters()?;
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || inner.ids(&items, &filters, audience, limit)).await?
    }

    /// Published stories like `story` that `audience` may read: stories sharing its rarer
    /// words first, then stories sharing its themes or country of origin in any language.
    #[tracing::instrument(skip_all)]
    pub async fn more_like(
        &self,
        story: &PublishedStory,
        audience: Audience,
        limit: usize,
    ) -> Result<Vec<Hit>, SearchError> {
        let inner = self.inner.clone();
        let story = story.clone();
        tokio::task::spawn_blocking(move || inner.more_like(&story, audience, limit)).await?
    }
}

/// The score of a story matched only by a typo or a prefix: below any exact match.
const LOOSE_SCORE: Score = 0.05;
/// The shortest word matched as a prefix while typing: two letters begin too many words to
/// say anything, and reading all their stories costs more than the rest of the search.
const MIN_PREFIX_CHARS: usize = 3;

/// A query ready to run, and what to highlight in its hits.
struct Plan {
    query: Box<dyn Query>,
    highlights: Highlights,
}

fn facet_term(fields: &Fields, group: &str, value: &str) -> Term {
    Term::from_facet(fields.facets, &Facet::from_path([group, value]))
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

/// A required clause that does not change the score.
fn filter(query: Box<dyn Query>) -> (Occur, Box<dyn Query>) {
    (Occur::Must, Box::new(ConstScoreQuery::new(query, 0.0)))
}

impl Inner {
    /// The analyser of one family (every field of a family shares it).
    fn analyser(&self, family: TextFields) -> Option<TextAnalyzer> {
        self.index.tokenizer_for_field(family.body).ok()
    }

    /// The tokens of `text` as `family`'s analyser produces them.
    fn tokens(&self, family: TextFields, text: &str) -> Vec<String> {
        let Some(mut analyser) = self.analyser(family) else { return Vec::new() };
        let mut stream = analyser.token_stream(text);
        let mut tokens = Vec::new();
        stream.process(&mut |token| tokens.push(token.text.clone()));
        tokens
    }

    /// The families a search looks in: the one of the language asked for, or all.
    fn families(&self, filters: &Filters) -> Vec<TextFields> {
        match &filters.language {
            Some(language) => vec![self.fields.for_language(language)],
            None => self.fields.text.clone(),
        }
    }

    /// A word or phrase in one field: a term, or a phrase when the text has several tokens.
    fn field_query(field: tantivy::schema::Field, tokens: &[String]) -> Box<dyn Query> {
        let mut terms: Vec<Term> = tokens.iter().map(|t| Term::from_field_text(field, t)).collect();
        match terms.len() {
            1 => term_query(terms.remove(0)),
            _ => Box::new(PhraseQuery::new(terms)),
        }
    }

    /// A word or phrase, looked for in the title (boosted) and body of each family. A single
    /// word to find also matches with typos and, while typed, as a prefix, in the `words`
    /// field, scoring below any exact match. What is looked for is added to `highlights`;
    /// excluded words are matched exactly and not highlighted.
    fn clause_query(
        &self,
        snapshot: &Snapshot,
        clause: &query::Clause,
        families: &[TextFields],
        excluded: bool,
        typing: bool,
        highlights: &mut Highlights,
    ) -> Result<Option<Box<dyn Query>>, SearchError> {
        let (text, is_word) = match clause {
            query::Clause::Word(text) => (text, true),
            query::Clause::Phrase(text) => (text, false),
        };
        // Every analyser splits alike; stemming only changes the words. So the unstemmed words
        // say whether there is anything to look for, and are what typos are measured against.
        let plain = self.tokens(self.fields.other(), text);
        if plain.is_empty() {
            return Ok(None);
        }
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for family in families {
            // Fields no story has reached yet (a language the archive does not hold) are left
            // out, unanalysed.
            let (title, body) = (snapshot.held.holds(family.title), snapshot.held.holds(family.body));
            if !title && !body {
                continue;
            }
            let tokens = self.tokens(*family, text);
            if !excluded {
                highlights.stems.entry(family.key).or_default().extend(tokens.iter().cloned());
            }
            if title {
                let title = Self::field_query(family.title, &tokens);
                per_field.push((Occur::Should, Box::new(BoostQuery::new(title, 2.0))));
            }
            if body {
                per_field.push((Occur::Should, Self::field_query(family.body, &tokens)));
            }
        }
        if let (true, false, [word]) = (is_word, excluded, plain.as_slice()) {
            let mut near = typos::words_within(snapshot, word, typos::allowed(word))?;
            if typing && word.chars().count() >= MIN_PREFIX_CHARS {
                near.extend(typos::words_starting(&snapshot.searcher, self.fields.words, word)?);
            }
            if !near.is_empty() {
                let near_query = Box::new(typos::AnyOf::new(self.fields.words, near.iter().cloned()));
                per_field.push((Occur::Should, Box::new(ConstScoreQuery::new(near_query, LOOSE_SCORE))));
                highlights.words.extend(near);
            }
        }
        // Words to look for only in fields no story holds: a search that finds nothing.
        Ok(Some(if per_field.is_empty() { Box::new(EmptyQuery) } else { Box::new(BooleanQuery::new(per_field)) }))
    }

    /// What `audience` may see: a filter on visibility.
    fn visible_to(&self, audience: Audience) -> (Occur, Box<dyn Query>) {
        let visible: Vec<(Occur, Box<dyn Query>)> = [Visibility::Public, Visibility::Press]
            .into_iter()
            .filter(|visibility| audience.may_read(*visibility))
            .map(|visibility| {
                (Occur::Should, term_query(Term::from_field_text(self.fields.visibility, visibility.as_str())))
            })
            .collect();
        filter(Box::new(BooleanQuery::new(visible)))
    }

    fn plan(
        &self,
        snapshot: &Snapshot,
        items: &[query::Item],
        typing: bool,
        filters: &Filters,
        audience: Audience,
    ) -> Result<Plan, SearchError> {
        let fields = &self.fields;
        let families = self.families(filters);
        let mut highlights = Highlights::default();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut required = 0;
        for (n, item) in items.iter().enumerate() {
            // Only the last word can still be being typed.
            let typing = typing && n + 1 == items.len();
            let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
            for clause in &item.alternatives {
                let query = self.clause_query(snapshot, clause, &families, item.excluded, typing, &mut highlights)?;
                alternatives.extend(query);
            }
            let query = match alternatives.len() {
                0 => continue,
                1 => alternatives.remove(0),
                _ => Box::new(BooleanQuery::new(alternatives.into_iter().map(|q| (Occur::Should, q)).collect())),
            };
            if item.excluded {
                clauses.push((Occur::MustNot, query));
            } else {
                required += 1;
                clauses.push((Occur::Must, query));
            }
        }
        if !items.is_empty() && required == 0 {
            return Err(SearchError::NothingToSearch);
        }
        if required == 0 {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        clauses.push(self.visible_to(audience));
        let facet_filters = [
            ("theme", &filters.theme),
            ("origin", &filters.origin),
            ("transit", &filters.transit),
            ("residence", &filters.residence),
            ("language", &filters.language),
        ];
        for (group, value) in facet_filters {
            if let Some(value) = value {
                clauses.push(filter(term_query(facet_term(fields, group, value))));
            }
        }
        if filters.year_from.is_some() || filters.year_to.is_some() {
            use std::ops::Bound::{Included, Unbounded};
            let bound = |year: Option<u64>| year.map_or(Unbounded, |y| Included(Term::from_field_u64(fields.year, y)));
            clauses.push(filter(Box::new(RangeQuery::new(bound(filters.year_from), bound(filters.year_to)))));
        }
        Ok(Plan { query: Box::new(BooleanQuery::new(clauses)), highlights })
    }

    fn search(
        &self,
        items: &[query::Item],
        typing: bool,
        filters: &Filters,
        audience: Audience,
        facet_min_count: u64,
    ) -> Result<SearchResults, SearchError> {
        let snapshot = self.held.snapshot(&self.reader)?;
        let plan = self.plan(&snapshot, items, typing, filters, audience)?;
        let mut facets = FacetCollector::for_field("facets");
        for group in FACET_GROUPS {
            facets.add_facet(Facet::from_path([group]));
        }
        let offset = (filters.page - 1) * filters.per_page;
        let top = Sorted { sort: filters.sort, limit: filters.per_page, offset };
        let (top, total, facet_counts) = snapshot.run(&*plan.query, &(top, Count, facets))?;

        let mut counts = Facets::default();
        for group in FACET_GROUPS {
            let slot = counts.group(group);
            for (facet, count) in facet_counts.get(Facet::from_path([group])) {
                if let Some(value) = facet.to_path().last() {
                    slot.insert((*value).to_owned(), (count >= facet_min_count).then_some(count));
                }
            }
        }
        let mut highlighter = Highlighter::new(self, &plan.highlights);
        let hits = top
            .into_iter()
            .map(|(_, address)| self.hit(&snapshot.searcher, address, &mut highlighter))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(SearchResults { total, page: filters.page, per_page: filters.per_page, hits, facets: counts })
    }

    fn ids(
        &self,
        items: &[query::Item],
        filters: &Filters,
        audience: Audience,
        limit: usize,
    ) -> Result<(Vec<String>, usize), SearchError> {
        let snapshot = self.held.snapshot(&self.reader)?;
        let plan = self.plan(&snapshot, items, false, filters, audience)?;
        let top = Sorted { sort: filters.sort, limit: limit.max(1), offset: 0 };
        let (top, total) = snapshot.run(&*plan.query, &(top, Count))?;
        let mut ids = Vec::with_capacity(top.len());
        for (_, address) in top {
            let doc: TantivyDocument = snapshot.searcher.doc(address)?;
            if let Some(id) = doc.get_first(self.fields.id).and_then(|v| v.as_str()) {
                ids.push(id.to_owned());
            }
        }
        Ok((ids, total))
    }

    fn more_like(&self, story: &PublishedStory, audience: Audience, limit: usize) -> Result<Vec<Hit>, SearchError> {
        let family = self.fields.for_language(&story.language);
        let words = MoreLikeThisQuery::builder()
            .with_min_doc_frequency(2)
            .with_min_term_frequency(1)
            .with_min_word_length(3)
            .with_max_query_terms(25)
            .with_document_fields(vec![
                (family.title, vec![OwnedValue::Str(story.title.clone())]),
                (family.body, vec![OwnedValue::Str(story.body.clone())]),
            ]);
        let mut alike: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, Box::new(words))];
        let shared = story
            .themes
            .iter()
            .map(|theme| ("theme", theme.as_str()))
            .chain(story.origin_country.iter().map(|origin| ("origin", origin.as_str())));
        for (group, value) in shared {
            let term = term_query(facet_term(&self.fields, group, value));
            alike.push((Occur::Should, Box::new(ConstScoreQuery::new(term, LOOSE_SCORE))));
        }
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(BooleanQuery::new(alike))),
            (Occur::MustNot, term_query(Term::from_field_text(self.fields.id, &story.id))),
            self.visible_to(audience),
        ]);
        let snapshot = self.held.snapshot(&self.reader)?;
        let top = snapshot.run(&query, &Sorted { sort: Sort::Relevance, limit, offset: 0 })?;
        let none = Highlights::default();
        let mut highlighter = Highlighter::new(self, &none);
        top.into_iter().map(|(_, address)| self.hit(&snapshot.searcher, address, &mut highlighter)).collect()
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
        highlighter: &mut Highlighter,
    ) -> Result<Hit, SearchError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        let id = text(self.fields.id);
        let summary: Summary = serde_json::from_str(&text(self.fields.summary))
            .map_err(|e| tantivy::TantivyError::InternalError(format!("bad summary for a document: {e}")))?;
        let family = self.fields.for_language(&summary.language);
        let title_html = mark(&summary.title, &highlighter.matches(family, &summary.title));
        let body = text(family.body);
        let (snippet, snippet_html) = snippet(&body, &highlighter.matches(family, &body));
        Ok(Hit {
            url: format!("/stories/{id}"),
            id,
            title: summary.title,
            title_html,
            snippet,
            snippet_html,
            pseudonym: summary.pseudonym,
            language: summary.language,
            themes: summary.themes,
            origin_country: summary.origin_country,
            residence_country: summary.residence_country,
            year: summary.year,
            published_at: summary.published_at,
        })
    }
}

/// The document of a published story.
fn document(fields: &Fields, story: &PublishedStory) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.id, &story.id);
    doc.add_text(fields.visibility, story.visibility.as_str());
    for theme in &story.themes {
        doc.add_facet(fields.facets, Facet::from_path(["theme", theme.as_str()]));
    }
    if let Some(origin) = &story.origin_country {
        doc.add_facet(fields.facets, Facet::from_path(["origin", origin.as_str()]));
    }
    for transit in &story.transit_countries {
        doc.add_facet(fields.facets, Facet::from_path(["transit", transit.as_str()]));
    }
    if let Some(residence) = &story.residence_country {
        doc.add_facet(fields.facets, Facet::from_path(["residence", residence.as_str()]));
    }
    doc.add_facet(
        fields.facets,
        Facet::from_path(["language", vocabulary::primary_language(&story.language).as_str()]),
    );
    if let Some(year) = story.year.and_then(|y| u64::try_from(y).ok()) {
        doc.add_u64(fields.year, year);
        doc.add_facet(fields.facets, Facet::from_path(["year", year.to_string().as_str()]));
    }
    let published = time::OffsetDateTime::parse(&story.published_at, &time::format_description::well_known::Rfc3339)
        .map_or(0, |t| t.unix_timestamp());
    doc.add_i64(fields.published, published);
    doc.add_u64(fields.tiebreak, tiebreak(&story.id));
    let family = fields.for_language(&story.language);
    doc.add_text(family.title, &story.title);
    doc.add_text(family.body, &story.body);
    doc.add_text(fields.words, &story.title);
    doc.add_text(fields.words, &story.body);
    let summary = Summary {
        title: story.title.clone(),
        pseudonym: story.pseudonym.clone(),
        language: story.language.clone(),
        themes: story.themes.clone(),
        origin_country: story.origin_country.clone(),
        residence_country: story.residence_country.clone(),
        year: story.year,
        published_at: story.published_at.clone(),
    };
    doc.add_text(fields.summary, serde_json::to_string(&summary).unwrap_or_default());
    doc
}

/// A number drawn from a story id, the same on every run and every machine (FNV-1a).
fn tiebreak(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}
