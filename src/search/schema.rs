//! The index schema and the per-language analysers. Each language with a Snowball stemmer
//! gets its own title and body fields; every other language shares fields analysed without
//! stemming. Only published, redacted text ever reaches these fields.

use tantivy::Index;
use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Bumped whenever the schema or an analyser changes; an index of another version is rebuilt.
pub const SCHEMA_VERSION: u32 = 1;

/// Languages analysed with a stemmer, by primary subtag.
pub const STEMMED: &[(&str, Language)] = &[
    ("ar", Language::Arabic),
    ("da", Language::Danish),
    ("de", Language::German),
    ("el", Language::Greek),
    ("en", Language::English),
    ("es", Language::Spanish),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("nl", Language::Dutch),
    ("no", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ru", Language::Russian),
    ("sv", Language::Swedish),
    ("tr", Language::Turkish),
];

/// The analyser family of every language without a stemmer.
pub const OTHER: &str = "other";

/// The title and body fields of one analyser family.
#[derive(Debug, Clone, Copy)]
pub struct TextFields {
    pub key: &'static str,
    pub title: Field,
    pub body: Field,
}

#[derive(Debug, Clone)]
pub struct Fields {
    pub id: Field,
    pub visibility: Field,
    pub facets: Field,
    pub year: Field,
    pub published: Field,
    /// The hit summary (title, pseudonym, metadata) as JSON, stored only.
    pub summary: Field,
    pub text: Vec<TextFields>,
}

impl Fields {
    /// The fields a story in language `tag` is indexed into.
    pub fn for_language(&self, tag: &str) -> TextFields {
        let key = analyser_key(tag);
        self.text.iter().copied().find(|fields| fields.key == key).unwrap_or_else(|| self.other())
    }

    fn other(&self) -> TextFields {
        *self.text.last().expect("the schema always has the `other` family")
    }
}

/// The analyser family of a language tag: its primary subtag if stemmed, else `other`.
pub fn analyser_key(tag: &str) -> &'static str {
    let primary = crate::story::vocabulary::primary_language(tag);
    let primary = if primary == "nb" || primary == "nn" { "no".to_owned() } else { primary };
    STEMMED.iter().find(|(code, _)| *code == primary).map_or(OTHER, |(code, _)| code)
}

pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_text_field("id", STRING | STORED);
    let visibility = builder.add_text_field("visibility", STRING);
    let facets = builder.add_facet_field("facets", FacetOptions::default());
    let year = builder.add_u64_field("year", INDEXED | FAST);
    let published = builder.add_i64_field("published", INDEXED | FAST);
    let summary = builder.add_text_field("summary", STORED);
    let keys = STEMMED.iter().map(|(code, _)| *code).chain([OTHER]);
    let text = keys
        .map(|key| {
            let options = TextOptions::default().set_stored().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(&tokenizer_name(key))
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            );
            TextFields {
                key,
                title: builder.add_text_field(&format!("title_{key}"), options.clone()),
                body: builder.add_text_field(&format!("body_{key}"), options),
            }
        })
        .collect();
    (builder.build(), Fields { id, visibility, facets, year, published, summary, text })
}

pub fn tokenizer_name(key: &str) -> String {
    format!("passage_{key}")
}

/// Registers every analyser with the index.
pub fn register_analysers(index: &Index) {
    for (key, language) in STEMMED {
        let analyser = TextAnalyzer::builder(WordTokenizer)
            .filter(RemoveLongFilter::limit(64))
            .filter(LowerCaser)
            .filter(Stemmer::new(*language))
            .filter(AsciiFoldingFilter)
            .build();
        index.tokenizers().register(&tokenizer_name(key), analyser);
    }
    let other = TextAnalyzer::builder(WordTokenizer)
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(&tokenizer_name(OTHER), other);
}

/// Splits text into words of any script. Unlike a split on non-alphanumerics, it keeps
/// combining marks (Arabic harakat), tatweel and zero-width joiners inside a word and drops
/// them from the token, so a voweled word matches its unvoweled form; an apostrophe between
/// letters (Ukrainian `м'ята`, French `aujourd'hui`) stays inside the word as `'`.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordTokenizer;

pub struct WordTokenStream<'a> {
    text: &'a str,
    offset: usize,
    token: Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        WordTokenStream { text, offset: 0, token: Token::default() }
    }
}

fn is_letter(c: char) -> bool {
    c.is_alphanumeric() && !is_ignorable(c)
}

/// Characters that belong to a word but not to its token.
fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'     // combining diacritics
        | '\u{0610}'..='\u{061A}'   // Arabic signs
        | '\u{064B}'..='\u{065F}'   // Arabic harakat
        | '\u{0670}'                // superscript alef
        | '\u{06D6}'..='\u{06ED}'   // Quranic marks
        | '\u{0640}'                // tatweel
        | '\u{200C}' | '\u{200D}'   // zero-width non-joiner / joiner
        | '\u{00AD}'                // soft hyphen
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let rest = &self.text[self.offset..];
        let Some(start) = rest.char_indices().find(|(_, c)| is_letter(*c)).map(|(i, _)| self.offset + i) else {
            self.offset = self.text.len();
            return false;
        };
        self.token.text.clear();
        let mut end = start;
        let mut chars = self.text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_ignorable(c) {
                // part of the word, not of its token
            } else if is_letter(c) {
                self.token.text.push(c);
            } else if is_apostrophe(c) && chars.peek().is_some_and(|(_, next)| is_letter(*next)) {
                self.token.text.push('\'');
            } else {
                break;
            }
            end = start + i + c.len_utf8();
        }
        self.offset = end;
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.position_length = 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(key: &str, text: &str) -> Vec<String> {
        let (schema, _) = build();
        let index = Index::create_in_ram(schema);
        register_analysers(&index);
        let mut analyser = index.tokenizers().get(&tokenizer_name(key)).unwrap();
        let mut stream = analyser.token_stream(text);
        let mut out = Vec::new();
        stream.process(&mut |token| out.push(token.text.clone()));
        out
    }

    #[test]
    fn words_of_every_script() {
        assert_eq!(tokens(OTHER, "Київ, м'ята — ትግርኛ፡ቋንቋ"), vec!["київ", "м'ята", "ትግርኛ", "ቋንቋ"]);
        assert_eq!(tokens(OTHER, "l’école 'quoted'"), vec!["l'ecole", "quoted"]);
    }

    #[test]
    fn arabic_vowels_and_tatweel_do_not_split_or_differ() {
        assert_eq!(tokens("ar", "كَتَبَ"), tokens("ar", "كتب"));
        assert_eq!(tokens(OTHER, "مـــدرسة"), vec!["مدرسة"]);
    }

    #[test]
    fn stemming_and_folding() {
        assert_eq!(tokens("en", "Nurses working"), vec!["nurs", "work"]);
        assert_eq!(tokens("fr", "élèves"), tokens("fr", "eleves"));
    }

    #[test]
    fn languages_map_to_families() {
        assert_eq!(analyser_key("pt-BR"), "pt");
        assert_eq!(analyser_key("nb"), "no");
        assert_eq!(analyser_key("uk"), OTHER);
        assert_eq!(analyser_key("ti"), OTHER);
    }
}
