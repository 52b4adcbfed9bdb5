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
/// and its stem, as in its family's fields. Kept inside the cache's table, as its keys are
/// (most words are short enough): a lookup then reads no other memory.
struct Analysed {
    plain: CompactString,
    stem: CompactString,
}

/// The most words [`WordCache`] keeps before it starts again (about 25 MB).
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
    /// For each family, the first letters (as the index spells them) a matched word can
    /// begin with; `None` where a word's stem may begin otherwise.
    first_letters: FxHashMap<&'static str, Option<FxHashSet<char>>>,
    /// Each letter that began a word, as the index spells it.
    spelled: FxHashMap<char, Option<char>>,
}

/// Families whose stemmers only take endings off: a word's stem begins as its folded form
/// does. (The Arabic stemmer also takes off "ال" and "و"; the Greek one some prefixes.)
const SUFFIX_STEMMERS: &[&str] =
    &["da", "de", "en", "es", "fi", "fr", "hu", "it", "nl", "no", "pt", "ro", "ru", "sv", "tr", super::schema::OTHER];

impl<'a> Highlighter<'a> {
    pub fn new(inner: &'a Inner, highlights: &'a Highlights) -> Self {
        Highlighter {
            inner,
            highlights,
            analysers: FxHashMap::default(),
            first_letters: FxHashMap::default(),
            spelled: FxHashMap::default(),
        }
    }

    /// The letters (as the index spells them) a word of `family` must begin with to be one
    /// the query matched; `None` where a stem may begin otherwise. Most words of a text begin
    /// with another letter than any of the query's words, and are passed over unlooked-up.
    fn first_letters(&mut self, family: TextFields) -> Option<FxHashSet<char>> {
        let highlights = self.highlights;
        let firsts = self.first_letters.entry(family.key).or_insert_with(|| {
            SUFFIX_STEMMERS.contains(&family.key).then(|| {
                let stems = highlights.stems.get(family.key).into_iter().flatten();
                stems.chain(&highlights.words).filter_map(|w| w.chars().next()).collect()
            })
        });
        firsts.clone()
    }

    /// How the index spells `letter` at the start of a word: folded, in small letters.
    fn spelled(&mut self, letter: char) -> Option<char> {
        if letter.is_ascii() {
            return Some(letter.to_ascii_lowercase());
        }
        if let Some(spelled) = self.spelled.get(&letter) {
            return *spelled;
        }
        let other = self.inner.fields.other();
        let spelled = self.first_token(other, letter.encode_utf8(&mut [0; 4])).and_then(|t| t.chars().next());
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
        let words = std::iter::successors(next_word(text, 0), |word| next_word(text, word.end));
        let firsts = self.first_letters(family);
        let mut matched = Vec::new();
        let mut unknown = Vec::new();
        {
            let cache = self.inner.words.0.read().unwrap_or_else(PoisonError::into_inner);
            let known = cache.get(family.key);
            for word in words {
                if let Some(firsts) = &firsts {
                    let first = text[word.start..].chars().next().unwrap_or_default();
                    if self.spelled(first).is_some_and(|c| !firsts.contains(&c)) {
                        continue;
                    }
                }
                match known.and_then(|known| known.get(&text[word.clone()])) {
                    Some(analysed) if is_match(analysed) => matched.push(word),
                    Some(_) => {}
                    None => unknown.push(word),
                }
            }
        }
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
    use super::*;

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
