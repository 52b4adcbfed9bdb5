//! The index schema and the per-language analysers. Each language with a Snowball stemmer
//! gets its own title and body fields; every other language shares fields analysed without
//! stemming. Only published, redacted text ever reaches these fields.

use tantivy::Index;
use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Bumped whenever the schema or an analyser changes; an index of another version is rebuilt.
pub const SCHEMA_VERSION: u32 = 2;

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
    /// A number drawn from the story id: the last key of every sort, so that pages stay
    /// stable while the index changes underneath them.
    pub tiebreak: Field,
    /// The hit summary (title, pseudonym, metadata) as JSON, stored only.
    pub summary: Field,
    /// Title and body of every story, unstemmed, document ids only: where typos and
    /// prefixes are looked for, across all languages at once.
    pub words: Field,
    pub text: Vec<TextFields>,
}

impl Fields {
    /// The fields a story in language `tag` is indexed into.
    pub fn for_language(&self, tag: &str) -> TextFields {
        let key = analyser_key(tag);
        self.text.iter().copied().find(|fields| fields.key == key).unwrap_or_else(|| self.other())
    }

    pub fn other(&self) -> TextFields {
        *self.text.last().expect("the schema always has the `other` family")
    }
}

/// The analyser family of a language tag: its primary subtag if stemmed, else `other`.
pub fn analyser_key(tag: &str) -> &'static str {
    let primary = crate::story::vocabulary::primary_language(tag);
    let primary = if primary == "nb" || primary == "nn" { "no".to_owned() } else { primary };
    STEMMED.iter().find(|(code, _)| *code == primary).map_or(OTHER, |(code, _)| code)
}

/// The field of every word of every story, unstemmed: the dictionary of typos and prefixes.
pub const WORDS: &str = "words";

pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_text_field("id", STRING | STORED);
    let visibility = builder.add_text_field("visibility", STRING);
    let facets = builder.add_facet_field("facets", FacetOptions::default());
    let year = builder.add_u64_field("year", INDEXED | FAST);
    let published = builder.add_i64_field("published", INDEXED | FAST);
    let tiebreak = builder.add_u64_field("tiebreak", FAST);
    let summary = builder.add_text_field("summary", STORED);
    let words = builder.add_text_field(
        WORDS,
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&tokenizer_name(OTHER))
                .set_index_option(IndexRecordOption::Basic),
        ),
    );
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
    (builder.build(), Fields { id, visibility, facets, year, published, tiebreak, summary, words, text })
}

pub fn tokenizer_name(key: &str) -> String {
    format!("passage_{key}")
}

/// An empty index in memory with Passage's schema and analysers, and a one-thread writer
/// that never merges on its own: what unit tests build on.
#[cfg(test)]
pub fn index_in_ram() -> (Index, Fields, tantivy::IndexWriter) {
    let (schema, fields) = build();
    let index = Index::create_in_ram(schema);
    register_analysers(&index);
    let writer = index.writer_with_num_threads(1, 50_000_000).expect("a writer for a new index");
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    (index, fields, writer)
}

/// Registers every analyser with the index.
pub fn register_analysers(index: &Index) {
    for (key, language) in STEMMED {
        let analyser = TextAnalyzer::builder(WordTokenizer)
            .filter(RemoveLongFilter::limit(64))
            .filter(Stemmer::new(*language))
            .filter(AsciiFoldingFilter)
            .build();
        index.tokenizers().register(&tokenizer_name(key), analyser);
    }
    let other =
        TextAnalyzer::builder(WordTokenizer).filter(RemoveLongFilter::limit(64)).filter(AsciiFoldingFilter).build();
    index.tokenizers().register(&tokenizer_name(OTHER), other);
}

/// Splits text into words of any script and writes each in one spelling, in small letters
/// (as Tantivy's `LowerCaser` would, in the same pass), so that the ways people type the
/// same word find each other:
/// - combining marks (Arabic harakat, decomposed accents), tatweel, soft hyphens and
///   zero-width (non-)joiners stay inside the word but not in its token: `كَتَبَ` is `كتب`,
///   Persian `می‌خواهم` is `میخواهم` with or without its ZWNJ;
/// - Arabic and Persian letter variants are one letter (see [`fold_letter`]), and
///   Arabic-Indic and Persian digits are ASCII digits;
/// - Cyrillic `ё` is `е`, and an apostrophe inside a Cyrillic word, typed in any of its
///   forms or left out, is dropped (`м'ята`, `м’ята`, `мʼята` and `мята` are one word);
///   elsewhere an apostrophe ends the word, so French `l'école` finds `école`.
///
/// Ge'ez text is split at its word space `፡` and full stop `።` like any punctuation.
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
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        _ if c.is_ascii() => false,
        // Cyrillic, Arabic and Persian letters and digits, the archive's commonest scripts
        // besides Latin, answered without Unicode's tables (a test checks they agree).
        '\u{0400}'..='\u{045F}'
        | '\u{0621}'..='\u{063A}'
        | '\u{0641}'..='\u{064A}'
        | '\u{0660}'..='\u{0669}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06F0}'..='\u{06F9}' => true,
        _ => is_letter_by_tables(c),
    }
}

fn is_letter_by_tables(c: char) -> bool {
    c.is_alphanumeric() && !is_ignorable(c) && !is_apostrophe(c)
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
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{2018}' | '`' | '\u{00B4}')
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// The one spelling of letters that are written several ways: the hamza forms of alef
/// (`أ إ آ ٱ`) as `ا`; alef maqsura `ى` and Persian `ی` as Arabic `ي`; Persian `ک` as `ك`;
/// teh marbuta `ة` and `ۀ` as `ه`; Arabic-Indic and Persian digits as ASCII; `ё` as `е`.
pub fn fold_letter(c: char) -> char {
    match c {
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => '\u{0627}',
        '\u{0649}' | '\u{06CC}' | '\u{06D2}' => '\u{064A}',
        '\u{06A9}' => '\u{0643}',
        '\u{0629}' | '\u{06C0}' | '\u{06C1}' => '\u{0647}',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        'ё' => 'е',
        'Ё' => 'Е',
        c => c,
    }
}

/// The next word of `text` at or after byte `from`: its byte range (its letters, and the
/// marks, joiners and apostrophes that belong to it, see [`WordTokenizer`]), and its first
/// two letters as written, the second `None` in a word of one letter.
pub fn next_word(text: &str, from: usize) -> Option<(std::ops::Range<usize>, char, Option<char>)> {
    let (mut first, mut second) = (None, None);
    let word = scan_word(text, from, |c| {
        if first.is_none() {
            first = Some(c);
        } else if second.is_none() {
            second = Some(c);
        }
    })?;
    Some((word, first?, second))
}

/// Finds the next word as [`next_word`] does, and hands each of its letters to `letter`.
#[inline]
fn scan_word(text: &str, from: usize, mut letter: impl FnMut(char)) -> Option<std::ops::Range<usize>> {
    let mut chars = text[from..].char_indices().peekable();
    let (start, first) = chars.find(|(_, c)| is_letter(*c))?;
    letter(first);
    let (start, mut end, mut previous) = (from + start, from + start + first.len_utf8(), first);
    while let Some((i, c)) = chars.next() {
        if is_letter(c) {
            letter(c);
            previous = c;
        } else if !belongs_to_word(c, previous, chars.peek().map(|&(_, next)| next)) {
            break;
        }
        end = from + i + c.len_utf8();
    }
    Some(start..end)
}

/// Whether `c`, not a letter, belongs to the word it follows: marks and joiners do, and so
/// does an apostrophe between two Cyrillic letters.
fn belongs_to_word(c: char, previous: char, next: Option<char>) -> bool {
    is_ignorable(c) || (is_apostrophe(c) && is_cyrillic(previous) && next.is_some_and(is_cyrillic))
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        // The token is the word's letters, each in its one spelling, in small letters.
        let token = &mut self.token.text;
        token.clear();
        let word = scan_word(self.text, self.offset, |c| match fold_letter(c) {
            c if c.is_ascii() => token.push(c.to_ascii_lowercase()),
            c => token.extend(c.to_lowercase()),
        });
        let Some(word) = word else {
            self.offset = self.text.len();
            return false;
        };
        self.offset = word.end;
        self.token.offset_from = word.start;
        self.token.offset_to = word.end;
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

    #[test]
    fn letters_read_fast_are_letters_by_the_tables() {
        for c in (0..0x0800).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), is_letter_by_tables(c), "{c:?} U+{:04X}", c as u32);
        }
    }

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
        assert_eq!(tokens(OTHER, "Київ, м'ята — ትግርኛ፡ቋንቋ። ሰላም"), vec!["київ", "мята", "ትግርኛ", "ቋንቋ", "ሰላም"]);
        assert_eq!(tokens(OTHER, "l’école 'quoted' aujourd'hui"), vec!["l", "ecole", "quoted", "aujourd", "hui"]);
    }

    #[test]
    fn every_way_of_typing_a_word_is_one_token() {
        for (a, b) in [
            ("м'ята", "м’ята"),
            ("мʼята", "мята"),
            ("Сім'я", "сімя"),
            ("ещё", "еще"),
            ("أحمد", "احمد"),
            ("إسطنبول", "اسطنبول"),
            ("مستشفى", "مستشفي"),
            ("مدرسة", "مدرسه"),
            ("می‌خواهم", "میخواهم"),
            ("کار", "كار"),
            ("ایران", "ايران"),
            ("٢٠١٥", "2015"),
            ("۱۳۹۴", "1394"),
        ] {
            assert_eq!(tokens(OTHER, a), tokens(OTHER, b), "{a} / {b}");
        }
    }

    #[test]
    fn arabic_vowels_and_tatweel_do_not_split_or_differ() {
        assert_eq!(tokens("ar", "كَتَبَ"), tokens("ar", "كتب"));
        assert_eq!(tokens(OTHER, "مـــدرسة"), vec!["مدرسه"]);
    }

    /// The tokenizer writes small letters itself: Tantivy's `LowerCaser` after it changes
    /// nothing, in every script of the sample stories.
    #[test]
    fn tokens_are_in_small_letters() {
        use tantivy::tokenizer::LowerCaser;
        let mut lowered = TextAnalyzer::builder(WordTokenizer).filter(LowerCaser).build();
        let mut ours = TextAnalyzer::from(WordTokenizer);
        let mut checked = 0;
        let samples = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/stories")).unwrap();
        let extra = "ÀÉÎÕÜ ÇĞİŞ ΆΈΉΣΩ ÆØÅ ẞ Straße ЁЖИК ЇЄҐ İstanbul ΟΔΥΣΣΕΥΣ";
        for text in samples.map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap()).chain([extra.into()]) {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            lowered.token_stream(&text).process(&mut |t| a.push((t.text.clone(), t.offset_from, t.offset_to)));
            ours.token_stream(&text).process(&mut |t| b.push((t.text.clone(), t.offset_from, t.offset_to)));
            assert_eq!(a, b);
            checked += a.len();
        }
        assert!(checked > 1000, "only {checked} words checked");
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
