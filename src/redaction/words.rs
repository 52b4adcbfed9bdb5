//! The words of a text, folded once into one buffer, and sets of phrases (cue words, names,
//! places) looked up on them. A phrase is its words folded and joined by single spaces, so
//! "Karim\u{a0}Haddad", "al-Assad" and "AL ASSAD" all meet the same key.

use rustc_hash::FxHashMap;

use super::normalise::{ALPHABETIC, LOWER, UPPER, WORD, char_flags, fold_word_into};

/// How a word is written, for scripts that have capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// Begins with a capital: "Yonas", "YONAS".
    Upper,
    /// Begins with a small letter.
    Lower,
    /// A script without capitals (Arabic, Ge'ez, …), or a number.
    None,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Byte range of the folded word in `Words::folded`.
    key_start: u32,
    key_end: u32,
    pub case: Case,
    /// Written in capitals only ("UNHCR", "EHPAD"): an acronym rather than a name.
    pub all_caps: bool,
    /// Only spaces (or a hyphen) separate this word from the one before: a phrase may run
    /// across the gap. A full stop, comma or line break ends a phrase.
    pub joined: bool,
    /// The word begins a sentence (its capital says nothing).
    pub sentence_start: bool,
}

pub(super) struct Words {
    /// The folded words, separated by single spaces.
    folded: String,
    pub tokens: Vec<Token>,
}

/// Letters, digits and the marks and invisible characters that live inside words.
pub(super) fn is_word_char(c: char) -> bool {
    char_flags(c) & WORD != 0
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

impl Words {
    pub fn new(text: &str) -> Words {
        let mut folded = String::with_capacity(text.len() + text.len() / 8);
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut at = 0;
        // What lies between the previous word and this one.
        let mut gap_plain = false;
        let mut sentence_start = true;
        while at < text.len() {
            let c = next_char(text, at);
            if !is_word_char(c) {
                match c {
                    ' ' | '\u{a0}' | '\t' | '-' | '\u{2010}' | '\u{2011}' => {}
                    '.' | '!' | '?' | '\n' | '\r' | '؟' | '።' | '…' | '«' | '“' | '„' | '‹' | '「' => {
                        gap_plain = false;
                        sentence_start = true;
                    }
                    // A straight quote opens a quotation when a word follows it at once.
                    '"' if text[at + 1..].chars().next().is_some_and(is_word_char) => {
                        gap_plain = false;
                        sentence_start = true;
                    }
                    _ => gap_plain = false,
                }
                at += c.len_utf8();
                continue;
            }
            let start = at;
            while at < text.len() {
                let c = next_char(text, at);
                if is_word_char(c) {
                    at += c.len_utf8();
                } else if is_apostrophe(c)
                    && text[at + c.len_utf8()..].chars().next().is_some_and(|c| char_flags(c) & ALPHABETIC != 0)
                    && !is_possessive(&text[at + c.len_utf8()..])
                {
                    // "Мар'яна", "d'Ivoire": an apostrophe between letters belongs to the word.
                    at += c.len_utf8();
                } else {
                    break;
                }
            }
            let word = &text[start..at];
            let case = case_of(word);
            let all_caps = case == Case::Upper
                && word.chars().map(char_flags).filter(|f| f & ALPHABETIC != 0).all(|f| f & UPPER != 0);
            if !folded.is_empty() {
                folded.push(' ');
            }
            let key_start = folded.len() as u32;
            fold_word_into(word, &mut folded);
            let key_end = folded.len() as u32;
            tokens.push(Token {
                start,
                end: at,
                key_start,
                key_end,
                case,
                all_caps,
                joined: gap_plain && !tokens.is_empty(),
                sentence_start,
            });
            gap_plain = true;
            sentence_start = false;
        }
        Words { folded, tokens }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The folded word `i`.
    pub fn key(&self, i: usize) -> &str {
        let token = &self.tokens[i];
        &self.folded[token.key_start as usize..token.key_end as usize]
    }

    /// The folded phrase of words `i..j`, if nothing but spaces separates them.
    pub fn phrase(&self, i: usize, j: usize) -> Option<&str> {
        if j > self.tokens.len() || i >= j || self.tokens[i + 1..j].iter().any(|t| !t.joined) {
            return None;
        }
        Some(&self.folded[self.tokens[i].key_start as usize..self.tokens[j - 1].key_end as usize])
    }
}

/// An English possessive "'s" ends the word before it: "Putin's" is "Putin".
fn is_possessive(after_apostrophe: &str) -> bool {
    let mut rest = after_apostrophe.chars();
    matches!(rest.next(), Some('s')) && !rest.next().is_some_and(char::is_alphabetic)
}

fn next_char(text: &str, at: usize) -> char {
    text[at..].chars().next().expect("at is inside the text")
}

fn case_of(word: &str) -> Case {
    let first = word.chars().map(char_flags).find(|f| f & ALPHABETIC != 0).unwrap_or(0);
    if first & UPPER != 0 {
        Case::Upper
    } else if first & LOWER != 0 {
        Case::Lower
    } else {
        Case::None
    }
}

/// The key of a phrase as `Words` folds it.
pub(super) fn phrase_key(phrase: &str) -> String {
    let words = Words::new(phrase);
    (0..words.len()).map(|i| words.key(i)).collect::<Vec<_>>().join(" ")
}

/// The kinds of phrase the engine looks for (cue words, public figures, countries…), each a
/// number below 64; see `rules::Cue`.
pub(super) type Kind = u8;

/// Phrases of one or more words, each of one or more kinds, all found in one pass: every word
/// of a story costs one hash lookup, however many lists there are.
#[derive(Debug, Default)]
pub(super) struct PhraseIndex {
    /// Each phrase with the kinds it belongs to, as bits.
    phrases: FxHashMap<Box<str>, u64>,
    /// For each first word, the most words a phrase beginning with it has.
    longest: FxHashMap<Box<str>, u8>,
}

impl PhraseIndex {
    pub fn insert(&mut self, phrase: &str, kind: Kind) {
        let key = phrase_key(phrase);
        let Some(first) = key.split(' ').next().filter(|f| !f.is_empty()) else {
            return;
        };
        let count = key.split(' ').count().min(8) as u8;
        let longest = self.longest.entry(first.into()).or_insert(0);
        *longest = (*longest).max(count);
        *self.phrases.entry(key.into()).or_insert(0) |= 1 << kind;
    }

    /// Whether `key` (a folded phrase) is one of the index's phrases of `kind`.
    pub fn holds(&self, key: &str, kind: Kind) -> bool {
        self.phrases.get(key).is_some_and(|kinds| kinds & (1 << kind) != 0)
    }

    pub fn extend<'a>(&mut self, phrases: impl IntoIterator<Item = &'a str>, kind: Kind) {
        for phrase in phrases {
            self.insert(phrase, kind);
        }
    }

    /// Every phrase of the index in `words`: for each word, the longest phrase of each kind
    /// that begins there. In Arabic script "and" and "so" are written onto the word, so
    /// "واسمه" begins with "اسمه".
    pub fn scan(&self, words: &Words) -> Matches {
        let mut matches = Matches { kinds: vec![0; words.len()], found: Vec::new(), starts: Vec::new() };
        for i in 0..words.len() {
            matches.starts.push(matches.found.len() as u32);
            let key = words.key(i);
            let conjunction = key.starts_with(['و', 'ف']) && key.chars().count() > 3;
            for strip in [0, 'و'.len_utf8()].into_iter().take(if conjunction { 2 } else { 1 }) {
                let Some(&most) = self.longest.get(&key[strip..]) else { continue };
                for n in (1..=most as usize).rev() {
                    let Some(phrase) = words.phrase(i, i + n) else { continue };
                    let Some(&kinds) = self.phrases.get(&phrase[strip..]) else { continue };
                    let new = kinds & !matches.kinds[i];
                    if new == 0 {
                        continue;
                    }
                    matches.kinds[i] |= new;
                    for kind in 0..64u8 {
                        if new & (1 << kind) != 0 {
                            matches.found.push((kind, n as u8));
                        }
                    }
                }
            }
        }
        matches.starts.push(matches.found.len() as u32);
        matches
    }
}

/// The phrases found in one text.
pub(super) struct Matches {
    /// For each word, the kinds of phrase that begin there, as bits.
    kinds: Vec<u64>,
    /// (kind, number of words), word after word; `starts[i]` is where word `i`'s begin.
    found: Vec<(Kind, u8)>,
    starts: Vec<u32>,
}

impl Matches {
    /// The number of words of the longest phrase of `kind` that begins at word `i`.
    pub fn at(&self, i: usize, kind: Kind) -> Option<usize> {
        if self.kinds.get(i).is_none_or(|k| k & (1 << kind) == 0) {
            return None;
        }
        let range = self.starts[i] as usize..self.starts[i + 1] as usize;
        self.found[range].iter().find(|(k, _)| *k == kind).map(|(_, n)| *n as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_and_keep_their_places() {
        let text = "Mr al-Assad met Мар’яна.\nKarim\u{a0}Haddad";
        let words = Words::new(text);
        let keys: Vec<&str> = (0..words.len()).map(|i| words.key(i)).collect();
        assert_eq!(keys, ["mr", "al", "assad", "met", "мар'яна", "karim", "haddad"]);
        assert_eq!(&text[words.tokens[4].start..words.tokens[4].end], "Мар’яна");
        assert_eq!(words.phrase(1, 3), Some("al assad"));
        assert_eq!(words.phrase(4, 6), None, "a full stop ends a phrase");
        assert_eq!(words.phrase(5, 7), Some("karim haddad"));
        assert!(words.tokens[5].sentence_start && !words.tokens[6].sentence_start);
        assert_eq!(words.tokens[0].case, Case::Upper);
    }

    #[test]
    fn phrases_are_found_longest_first() {
        let mut index = PhraseIndex::default();
        index.extend(["my brother", "my brother in law", "named"], 0);
        index.extend(["brother", "اسمه"], 1);
        let words = Words::new("my brother in law Yonas, named Saba; واسمه");
        let found = index.scan(&words);
        assert_eq!(found.at(0, 0), Some(4));
        assert_eq!(found.at(5, 0), Some(1));
        assert_eq!(found.at(1, 0), None);
        assert_eq!(found.at(1, 1), Some(1));
        assert_eq!(found.at(7, 1), Some(1), "and written onto the word");
    }
}
