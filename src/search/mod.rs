//! Search over published stories: the Tantivy index, its single writer, queries, facets
//! and snippets. Only published, redacted text and metadata are ever indexed; private
//! stories never are. The index is derived data: it follows the store's change log and can
//! be rebuilt from the store at any time.

mod indexer;
pub mod query;
mod schema;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, TantivyDocument, Term};
use tokio::sync::watch;
use utoipa::{IntoParams, ToSchema};

pub use indexer::Indexer;
pub use query::QueryError;
use schema::{Fields, TextFields};

use crate::story::{PublishedStory, Visibility, vocabulary};

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("{0}")]
    Query(#[from] QueryError),
    #[error("{message}")]
    BadFilter { field: &'static str, message: String },
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
const SNIPPET_CHARS: usize = 220;

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
    /// Country of residence, ISO 3166-1 alpha-2.
    pub residence: Option<String>,
    /// Language of the story (primary subtag).
    pub language: Option<String>,
    pub year_from: Option<String>,
    pub year_to: Option<String>,
    /// 1-based page number.
    pub page: Option<String>,
    pub per_page: Option<String>,
}

/// A search request whose filters were checked.
#[derive(Debug, Clone, Default)]
struct Filters {
    theme: Option<String>,
    origin: Option<String>,
    residence: Option<String>,
    language: Option<String>,
    year_from: Option<u64>,
    year_to: Option<u64>,
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
            return Err(SearchError::BadFilter {
                field: "year_from",
                message: format!("year_from ({from}) is after year_to ({to})."),
            });
        }
        let page = number("page", &self.page, 1..=MAX_RESULT_WINDOW as u64)?.unwrap_or(1) as usize;
        let per_page =
            number("per_page", &self.per_page, 1..=MAX_PER_PAGE as u64)?.map_or(DEFAULT_PER_PAGE, |n| n as usize);
        if page * per_page > MAX_RESULT_WINDOW {
            return Err(SearchError::BadFilter {
                field: "page",
                message: format!("Only the first {MAX_RESULT_WINDOW} results can be paged through; narrow the search."),
            });
        }
        Ok(Filters {
            theme,
            origin: country_filter("origin", &self.origin)?,
            residence: country_filter("residence", &self.residence)?,
            language,
            year_from,
            year_to,
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

/// Counts per facet value, for the current query.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct Facets {
    pub theme: BTreeMap<String, u64>,
    pub origin: BTreeMap<String, u64>,
    pub residence: BTreeMap<String, u64>,
    pub language: BTreeMap<String, u64>,
    pub year: BTreeMap<String, u64>,
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

const FACET_GROUPS: [&str; 5] = ["theme", "origin", "residence", "language", "year"];

struct Inner {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    applied: watch::Receiver<i64>,
}

/// The read side of the index, shared by every request. Cheap to clone.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
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
        let writer = index.writer_with_num_threads(1, 64_000_000)?;
        let search =
            SearchIndex { inner: Arc::new(Inner { index, reader: reader.clone(), fields: fields.clone(), applied }) };
        let indexer = Indexer::new(writer, reader, fields, applied_tx, applied_seq, archive_id);
        Ok((search, indexer))
    }

    /// Waits until change `seq` is searchable, at most `timeout`. Returns whether it is.
    pub async fn wait_for(&self, seq: i64, timeout: Duration) -> bool {
        let mut applied = self.inner.applied.clone();
        tokio::time::timeout(timeout, applied.wait_for(|applied| *applied >= seq)).await.is_ok_and(|r| r.is_ok())
    }

    /// Runs a search off the async runtime.
    #[tracing::instrument(skip_all)]
    pub async fn search(&self, request: &SearchRequest, audience: Audience) -> Result<SearchResults, SearchError> {
        let items = query::parse(&request.q)?;
        let filters = request.filters()?;
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || inner.search(&items, &filters, audience)).await?
    }
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

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

impl Inner {
    /// The terms of `text` as the analyser of `field` produces them.
    fn analyse(&self, field: tantivy::schema::Field, text: &str) -> Vec<Term> {
        let Ok(mut analyser) = self.index.tokenizer_for_field(field) else { return Vec::new() };
        let mut stream = analyser.token_stream(text);
        let mut terms = Vec::new();
        stream.process(&mut |token| terms.push(Term::from_field_text(field, &token.text)));
        terms
    }

    fn field_query(&self, field: tantivy::schema::Field, text: &str) -> Option<Box<dyn Query>> {
        let mut terms = self.analyse(field, text);
        match terms.len() {
            0 => None,
            1 => terms.pop().map(term_query),
            _ => Some(Box::new(PhraseQuery::new(terms))),
        }
    }

    /// A word or phrase, looked for in the title and body of every language.
    fn clause_query(&self, clause: &query::Clause) -> Option<Box<dyn Query>> {
        let text = match clause {
            query::Clause::Word(text) | query::Clause::Phrase(text) => text,
        };
        let mut per_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for TextFields { title, body, .. } in &self.fields.text {
            if let Some(query) = self.field_query(*title, text) {
                per_field.push((Occur::Should, Box::new(BoostQuery::new(query, 2.0))));
            }
            if let Some(query) = self.field_query(*body, text) {
                per_field.push((Occur::Should, query));
            }
        }
        (!per_field.is_empty()).then(|| Box::new(BooleanQuery::new(per_field)) as Box<dyn Query>)
    }

    fn build_query(
        &self,
        items: &[query::Item],
        filters: &Filters,
        audience: Audience,
    ) -> Result<Box<dyn Query>, SearchError> {
        let fields = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut required = 0;
        for item in items {
            let mut alternatives: Vec<Box<dyn Query>> =
                item.alternatives.iter().filter_map(|clause| self.clause_query(clause)).collect();
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
        let visible: Vec<(Occur, Box<dyn Query>)> = [Visibility::Public, Visibility::Press]
            .into_iter()
            .filter(|visibility| audience.may_read(*visibility))
            .map(|visibility| {
                (Occur::Should, term_query(Term::from_field_text(fields.visibility, visibility.as_str())))
            })
            .collect();
        clauses.push(filter(Box::new(BooleanQuery::new(visible))));
        let facet_filters = [
            ("theme", &filters.theme),
            ("origin", &filters.origin),
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
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    fn search(
        &self,
        items: &[query::Item],
        filters: &Filters,
        audience: Audience,
    ) -> Result<SearchResults, SearchError> {
        let query = self.build_query(items, filters, audience)?;
        let searcher = self.reader.searcher();
        let mut facets = FacetCollector::for_field("facets");
        for group in FACET_GROUPS {
            facets.add_facet(Facet::from_path([group]));
        }
        let offset = (filters.page - 1) * filters.per_page;
        let top = TopDocs::with_limit(filters.per_page).and_offset(offset);
        // Without words every story scores the same: show the newest first.
        let (addresses, total, facet_counts): (Vec<DocAddress>, usize, _) = if items.is_empty() {
            let newest = top.order_by_fast_field::<i64>("published", tantivy::Order::Desc);
            let (top, total, facets) = searcher.search(&query, &(newest, Count, facets))?;
            (top.into_iter().map(|(_, address)| address).collect(), total, facets)
        } else {
            let (top, total, facets) = searcher.search(&query, &(top.order_by_score(), Count, facets))?;
            (top.into_iter().map(|(_, address)| address).collect(), total, facets)
        };

        let mut counts = Facets::default();
        for group in FACET_GROUPS {
            let slot = match group {
                "theme" => &mut counts.theme,
                "origin" => &mut counts.origin,
                "residence" => &mut counts.residence,
                "language" => &mut counts.language,
                _ => &mut counts.year,
            };
            for (facet, count) in facet_counts.get(Facet::from_path([group])) {
                if let Some(value) = facet.to_path().last() {
                    slot.insert((*value).to_owned(), count);
                }
            }
        }

        let mut generators: BTreeMap<&'static str, SnippetGenerator> = BTreeMap::new();
        let mut hits = Vec::with_capacity(addresses.len());
        for address in addresses {
            hits.push(self.hit(&searcher, &*query, address, &mut generators)?);
        }
        Ok(SearchResults { total, page: filters.page, per_page: filters.per_page, hits, facets: counts })
    }

    fn hit(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        address: DocAddress,
        generators: &mut BTreeMap<&'static str, SnippetGenerator>,
    ) -> Result<Hit, SearchError> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
        let id = text(self.fields.id);
        let summary: Summary = serde_json::from_str(&text(self.fields.summary))
            .map_err(|e| tantivy::TantivyError::InternalError(format!("bad summary for a document: {e}")))?;
        let family = self.fields.for_language(&summary.language);
        let generator = match generators.entry(family.key) {
            std::collections::btree_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::btree_map::Entry::Vacant(entry) => {
                let mut generator = SnippetGenerator::create(searcher, query, family.body)?;
                generator.set_max_num_chars(SNIPPET_CHARS);
                entry.insert(generator)
            }
        };
        let mut snippet = generator.snippet_from_doc(&doc);
        let (snippet, snippet_html) = if snippet.is_empty() {
            let body = text(family.body);
            let lead: String = body.chars().take(SNIPPET_CHARS).collect();
            let lead = if lead.len() < body.len() { format!("{}…", lead.trim_end()) } else { lead };
            (lead.clone(), escape_html(&lead))
        } else {
            snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
            (snippet.fragment().to_owned(), snippet.to_html())
        };
        Ok(Hit {
            url: format!("/stories/{id}"),
            id,
            title: summary.title,
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
    let family = fields.for_language(&story.language);
    doc.add_text(family.title, &story.title);
    doc.add_text(family.body, &story.body);
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
