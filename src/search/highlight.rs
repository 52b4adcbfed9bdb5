//! Highlighting: which words of a hit's title and body the search matched, and the snippet
//! of the body around them.

use std::ops::Range;
use std::sync::{PoisonError, RwLock};

use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use super::Inner;
use super::schema::{TextFields, next_word};

/// Characters of a snippet.
pub const SNIPPET_CHARS: usize = 220;

/// What a hit's title and snippet highlight: the stems the query looked for in each
/// analyser family, and the words of the index it took for its words, unstemmed: those
/// within a typo or two, and those that begin with the word being typed.
#[derive(Debug, Default)]
pub struct Highlights {
    pub stems: FxHashMap<&'static str, Vec<String>>,
    pub words: FxHashSet<String>,
}

impl Highlights {
    fn is_empty(&self) -> bool {
        self.stems.is_empty() && self.words.is_empty()
    }

    /// Whether a word of a text, as `analysed`, is one the query looked for in `stems`.
    fn matches(&self, stems: &[String], analysed: &Analysed) -> bool {
        stems.iter().any(|stem| *stem == analysed.stem) || self.words.contains(analysed.plain.as_str())
    }
}

/// What the analysers make of one word of a story: its folded form, as in the `words` field,
/// and its stem, as in its family's fields. Both are held in the cache's table itself, as the
/// words that key it are (up to 24 bytes, most words): a lookup reads no other memory.
struct Analysed {
    plain: CompactString,
    stem: CompactString,
}

/// The most words [`WordCache`] keeps before it starts again (about 20 MB: 72 bytes a word,
/// and the table's spare room).
const CACHED_WORDS: usize = 200_000;

/// The words of stories as analysed, per analyser family, kept across searches: every page
/// of hits holds the commonest words of its languages again, and stemming them was a good
/// part of a search. `None` for a word the analysers drop (longer than any word).
#[derive(Default)]
pub struct WordCache(RwLock<WordMap>);

type WordMap = FxHashMap<&'static str, FxHashMap<CompactString, Option<Analysed>>>;

/// Finds the words a search matched in its hits' titles and bodies.
pub struct Highlighter<'a> {
    inner: &'a Inner,
    highlights: &'a Highlights,
    /// The analysers of the families met so far, made when first needed (most searches
    /// find every word already analysed). The `other` family's splits and folds without
    /// stemming, as the `words` field is analysed.
    analysers: FxHashMap<&'static str, Option<TextAnalyzer>>,
    /// For each family, how a matched word can begin; `None` where a word's stem may begin
    /// otherwise than the word.
    openings: FxHashMap<&'static str, Option<Openings>>,
    /// Each letter that began a word, as the index spells it: its first two letters (`ß` is
    /// `ss`, `æ` is `ae`), the second `None` if it is one letter.
    spelled: FxHashMap<char, Option<(char, Option<char>)>>,
}

/// Families whose stemmers only take endings off (or change the last letters of a stem): a
/// word's stem begins as its folded form does. Not Arabic (whose stemmer also takes off "ال"
/// and "و"), Greek (some prefixes) or Dutch ("ge-").
const SUFFIX_STEMMERS: &[&str] =
    &["da", "de", "en", "es", "fi", "fr", "hu", "it", "no", "pt", "ro", "ru", "sv", "tr", super::schema::OTHER];

/// How the words a query matched begin, as the index spells them: the first two letters of
/// each stem or word of three letters or more, and the first letter of a shorter one. A
/// stemmer that only takes endings off (or changes a last letter, as English `y` to `i`)
/// leaves the first two letters of a stem of three or more as they were in the word, with
/// two exceptions, where a word is passed over on its first letter only: English "dying" is
/// "die" (and "lying", "tying"), and German "Oesterreich" is "Österreich" (`ae`, `oe` and
/// `ue` are umlauts). A test checks this on every common word of eleven languages. Most
/// words of a text begin otherwise, and are passed over without being looked up.
#[derive(Debug, Default)]
struct Openings {
    one: FxHashSet<char>,
    two: FxHashSet<(char, char)>,
    /// The first letter of every stem and word, for words with the second letter below.
    firsts: FxHashSet<char>,
    /// The family, whose stemmer may rewrite a word's first two letters (see [`rewrites`]).
    family: &'static str,
    /// Every word may match: a stem is empty, or short in Turkish, whose stemmer rewrites a
    /// stem's last letter (`b` as `p`), the first in a stem of one letter ("bunu" is "p").
    all: bool,
}

impl Openings {
    fn of<'w>(family: &'static str, words: impl IntoIterator<Item = &'w String>) -> Openings {
        let mut openings = Openings { family, ..Openings::default() };
        for word in words {
            let mut letters = word.chars();
            match (letters.next(), letters.next(), letters.next()) {
                (Some(first), Some(second), Some(_)) => openings.two.insert((first, second)),
                (Some(first), _, _) => {
                    openings.all |= family == "tr";
                    openings.one.insert(first)
                }
                // A stem of nothing ("leri" in Turkish) may be any word's.
                (None, _, _) => {
                    openings.all = true;
                    false
                }
            };
            openings.firsts.extend(word.chars().next());
        }
        openings
    }

    /// Whether a word that begins with these letters (as the index spells them; a word of
    /// one letter has no second) may be one the query matched.
    fn admit(&self, first: char, second: Option<char>) -> bool {
        self.all
            || self.one.contains(&first)
            || match second {
                Some(second) if rewrites(self.family, first, second) => self.firsts.contains(&first),
                Some(second) => self.two.contains(&(first, second)),
                None => false,
            }
    }
}

/// Whether `family`'s stemmer may make a stem whose second letter differs from that of a word
/// beginning with these two: English "dying" is "die"; German "Oesterreich" is "Österreich",
/// whose stem begins "os".
fn rewrites(family: &str, first: char, second: char) -> bool {
    match family {
        "en" => second == 'y',
        "de" => second == 'e' && matches!(first, 'a' | 'o' | 'u'),
        _ => false,
    }
}

impl<'a> Highlighter<'a> {
    pub fn new(inner: &'a Inner, highlights: &'a Highlights) -> Self {
        Highlighter {
            inner,
            highlights,
            analysers: FxHashMap::default(),
            openings: FxHashMap::default(),
            spelled: FxHashMap::default(),
        }
    }

    /// How the first letters of a word, as written, are spelled in the index: its first two
    /// letters there, or `None` where a letter is not in the index's words.
    fn opening(&mut self, first: char, second: Option<char>) -> Option<(char, Option<char>)> {
        let (first, spelled_second) = self.spelled(first)?;
        match (spelled_second, second) {
            (Some(_), _) | (_, None) => Some((first, spelled_second)),
            (None, Some(second)) => Some((first, Some(self.spelled(second)?.0))),
        }
    }

    fn spelled(&mut self, letter: char) -> Option<(char, Option<char>)> {
        if letter.is_ascii() {
            return Some((letter.to_ascii_lowercase(), None));
        }
        if let Some(spelled) = self.spelled.get(&letter) {
            return *spelled;
        }
        let other = self.inner.fields.other();
        let spelled = self.first_token(other, letter.encode_utf8(&mut [0; 4])).and_then(|token| {
            let mut letters = token.chars();
            Some((letters.next()?, letters.next()))
        });
        self.spelled.insert(letter, spelled);
        spelled
    }

    /// The byte ranges of the words of `text`, a story in `family`, that the query matched,
    /// in order. Words are split as every analyser splits them; a word not seen before is
    /// then folded and stemmed alone, which gives what the analysers give in the text.
    pub fn matches(&mut self, family: TextFields, text: &str) -> Vec<Range<usize>> {
        let highlights = self.highlights;
        if highlights.is_empty() {
            return Vec::new();
        }
        let stems = highlights.stems.get(family.key).map_or(&[][..], Vec::as_slice);
        let is_match = |analysed: &Option<Analysed>| analysed.as_ref().is_some_and(|a| highlights.matches(stems, a));
        let openings = self.openings.remove(family.key).unwrap_or_else(|| {
            SUFFIX_STEMMERS
                .contains(&family.key)
                .then(|| Openings::of(family.key, stems.iter().chain(&highlights.words)))
        });
        let mut matched = Vec::new();
        let mut unknown = Vec::new();
        {
            let cache = self.inner.words.0.read().unwrap_or_else(PoisonError::into_inner);
            let known = cache.get(family.key);
            let mut from = 0;
            while let Some((word, first, second)) = next_word(text, from) {
                from = word.end;
                if let Some(openings) = &openings
                    && let Some((first, second)) = self.opening(first, second)
                    && !openings.admit(first, second)
                {
                    continue;
                }
                match known.and_then(|known| known.get(&text[word.clone()])) {
                    Some(analysed) if is_match(analysed) => matched.push(word),
                    Some(_) => {}
                    None => unknown.push(word),
                }
            }
        }
        self.openings.insert(family.key, openings);
        if unknown.is_empty() {
            return matched;
        }
        let mut fresh: FxHashMap<&str, Option<Analysed>> = FxHashMap::default();
        for word in unknown {
            let raw = &text[word.clone()];
            if is_match(fresh.entry(raw).or_insert_with(|| self.analyse(family, raw))) {
                matched.push(word);
            }
        }
        matched.sort_by_key(|word| word.start);
        let mut cache = self.inner.words.0.write().unwrap_or_else(PoisonError::into_inner);
        if cache.values().map(FxHashMap::len).sum::<usize>() + fresh.len() > CACHED_WORDS {
            cache.clear();
        }
        cache.entry(family.key).or_default().extend(fresh.into_iter().map(|(raw, analysed)| (raw.into(), analysed)));
        matched
    }

    fn analyse(&mut self, family: TextFields, word: &str) -> Option<Analysed> {
        let plain = self.first_token(self.inner.fields.other(), word)?;
        let stem = self.first_token(family, word)?;
        Some(Analysed { plain: plain.into(), stem: stem.into() })
    }

    /// The token `family`'s analyser makes of one word.
    fn first_token(&mut self, family: TextFields, word: &str) -> Option<String> {
        let inner = self.inner;
        let analyser = self.analysers.entry(family.key).or_insert_with(|| inner.analyser(family)).as_mut()?;
        let mut stream = analyser.token_stream(word);
        stream.advance().then(|| std::mem::take(&mut stream.token_mut().text))
    }
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

/// Characters of context a snippet keeps before its first match.
const SNIPPET_LEAD_CHARS: usize = 60;

/// About `SNIPPET_CHARS` characters of `text` around its matches (sorted byte ranges): the
/// window that holds the most of them, opening a little before the first so the reader sees
/// what leads to it, cut at spaces, with an ellipsis where text was left out. Without
/// matches, the opening of the text. Returns the plain snippet and its HTML, matches marked.
pub fn snippet(text: &str, matches: &[std::ops::Range<usize>]) -> (String, String) {
    // The byte offset `chars` characters before or after `at`, moved to a space.
    let back = |at: usize, chars: usize| {
        let start = text[..at].char_indices().rev().nth(chars.saturating_sub(1)).map_or(0, |(i, _)| i);
        if start == 0 { 0 } else { text[start..at].find(' ').map_or(start, |space| start + space + 1) }
    };
    let forward = |from: usize, chars: usize| {
        let end = text[from..].char_indices().nth(chars).map_or(text.len(), |(i, _)| from + i);
        if end == text.len() { end } else { text[..end].rfind(' ').filter(|&space| space > from).unwrap_or(end) }
    };
    let window = |anchor: &std::ops::Range<usize>| {
        let start = back(anchor.start, SNIPPET_LEAD_CHARS);
        (start, forward(start, SNIPPET_CHARS))
    };
    let (start, end) = matches
        .iter()
        .map(window)
        .max_by_key(|&(start, end)| {
            let inside = matches.iter().filter(|m| m.start >= start && m.end <= end).count();
            (inside, std::cmp::Reverse(start))
        })
        .unwrap_or_else(|| (0, forward(0, SNIPPET_CHARS)));
    let inside: Vec<_> =
        matches.iter().filter(|m| m.start >= start && m.end <= end).map(|m| m.start - start..m.end - start).collect();
    let part = &text[start..end];
    let (open, close) = (if start > 0 { "…" } else { "" }, if end < text.len() { "…" } else { "" });
    (format!("{open}{}{close}", part.trim()), format!("{open}{}{close}", mark(part, &inside).trim()))
}

/// Wraps the matches of `text` (byte ranges, sorted) in `<mark>`, HTML-escaping the rest.
pub(crate) fn mark(text: &str, matches: &[std::ops::Range<usize>]) -> String {
    let mut html = String::with_capacity(text.len() + 16 * matches.len());
    let mut at = 0;
    for range in matches {
        if range.start < at {
            continue;
        }
        html.push_str(&escape_html(&text[at..range.start]));
        html.push_str("<mark>");
        html.push_str(&escape_html(&text[range.clone()]));
        html.push_str("</mark>");
        at = range.end;
    }
    html.push_str(&escape_html(&text[at..]));
    html
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// The common words of eleven languages, by language, from the list the archive ships.
    fn common_words() -> BTreeMap<&'static str, Vec<&'static str>> {
        let mut by_language: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for line in crate::redaction::COMMON_WORDS.lines().skip(1) {
            let mut columns = line.split('\t');
            if let (Some(language), Some(word)) = (columns.next(), columns.next()) {
                by_language.entry(language).or_default().push(word);
            }
        }
        assert!(by_language.len() >= 10);
        by_language
    }

    fn capitalised(word: &str) -> String {
        word.chars().next().into_iter().flat_map(char::to_uppercase).chain(word.chars().skip(1)).collect()
    }

    /// What [`Openings`] rests on: each word, as written in small letters or with a capital,
    /// begins as its own stem and its folded form do.
    #[test]
    fn every_common_word_begins_as_its_stem() {
        let dir = tempfile::tempdir().unwrap();
        let (search, _indexer) = super::super::SearchIndex::open(dir.path(), "test").unwrap();
        let none = Highlights::default();
        let mut highlighter = Highlighter::new(&search.inner, &none);
        let mut checked = 0;
        for (language, words) in common_words() {
            let family = search.inner.fields.for_language(language);
            if !SUFFIX_STEMMERS.contains(&family.key) {
                continue;
            }
            for word in words.iter().flat_map(|word| [(*word).to_owned(), capitalised(word)]) {
                let Some((_, first, second)) = next_word(&word, 0) else { continue };
                let (Some(analysed), Some((first, second))) =
                    (highlighter.analyse(family, &word), highlighter.opening(first, second))
                else {
                    continue;
                };
                for target in [analysed.stem.to_string(), analysed.plain.to_string()] {
                    let openings = Openings::of(family.key, [&target]);
                    assert!(openings.admit(first, second), "{language}: {word:?} is {target:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 200_000, "only {checked} words checked");
    }

    /// Passing words over on how they begin changes nothing: in a text of every common word of
    /// each language the archive's word list holds, some capitalised, the words matched are
    /// those whose stem is one looked for, or whose folded form is one of the typo words.
    #[test]
    fn passing_words_over_by_their_opening_misses_no_match() {
        let dir = tempfile::tempdir().unwrap();
        let (search, _indexer) = super::super::SearchIndex::open(dir.path(), "test").unwrap();
        let inner = &*search.inner;
        let mut checked = 0;
        for (language, words) in common_words() {
            let family = inner.fields.for_language(language);
            let text: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(n, word)| if n % 3 == 0 { capitalised(word) } else { (*word).to_owned() })
                .collect();
            let text = text.join(" ");
            let analysed: Vec<(Range<usize>, Option<Analysed>)> = {
                let none = Highlights::default();
                let mut highlighter = Highlighter::new(inner, &none);
                let mut from = 0;
                std::iter::from_fn(|| {
                    let (word, ..) = next_word(&text, from)?;
                    from = word.end;
                    Some((word.clone(), highlighter.analyse(family, &text[word])))
                })
                .collect()
            };
            let mut highlights = Highlights::default();
            for (n, (_, analysed)) in analysed.iter().enumerate() {
                let Some(analysed) = analysed else { continue };
                match n % 40 {
                    0 => highlights.stems.entry(family.key).or_default().push(analysed.stem.to_string()),
                    1 => drop(highlights.words.insert(analysed.plain.to_string())),
                    _ => {}
                }
            }
            let expected: Vec<Range<usize>> = analysed
                .into_iter()
                .filter(|(_, analysed)| {
                    analysed.as_ref().is_some_and(|a| highlights.matches(&highlights.stems[family.key], a))
                })
                .map(|(word, _)| word)
                .collect();
            // Twice: with every word new, and with every word known from the first time.
            for _ in 0..2 {
                let found = Highlighter::new(inner, &highlights).matches(family, &text);
                assert_eq!(found.len(), expected.len(), "{language}");
                assert!(found == expected, "{language}: the matches differ");
            }
            checked += expected.len();
        }
        assert!(checked > 5_000, "only {checked} matches checked");
    }

    fn ranges(text: &str, word: &str) -> Vec<std::ops::Range<usize>> {
        text.match_indices(word).map(|(i, w)| i..i + w.len()).collect()
    }

    #[test]
    fn a_snippet_opens_before_its_match_and_cuts_at_spaces() {
        let text = format!("{} the night shift ended at dawn {}", "word ".repeat(80), "more ".repeat(80));
        let (plain, html) = snippet(&text, &ranges(&text, "night"));
        assert!(plain.starts_with('…') && plain.ends_with('…'), "{plain}");
        assert!(!plain.contains("wor…") && !plain.contains("…ord"), "cut inside a word: {plain}");
        let before = plain.find("night").unwrap();
        assert!((30..=70).contains(&before), "the match stands near the start, with context: {before}");
        assert!(html.contains("<mark>night</mark>"));
        assert!(plain.chars().count() <= SNIPPET_CHARS + 2);
    }

    #[test]
    fn a_snippet_prefers_the_window_with_most_matches_and_escapes_html() {
        let text = format!("bread {} <b>bread</b> and bread again", "x ".repeat(200));
        let (_, html) = snippet(&text, &ranges(&text, "bread"));
        assert_eq!(html.matches("<mark>").count(), 2, "{html}");
        assert!(html.contains("&lt;b&gt;"));
        let (plain, _) = snippet("short text", &[]);
        assert_eq!(plain, "short text");
        let (plain, _) = snippet("كلمة ".repeat(100).trim(), &[]);
        assert!(plain.ends_with('…'));
    }
}
