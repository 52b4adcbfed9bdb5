//! The individual detectors. Each pushes `(priority, Span)` candidates; `detect` resolves
//! overlaps. A lower priority number wins when two candidates start at the same place.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::{Action, Category, Span};

type Candidates = Vec<(u8, Span)>;

fn push(out: &mut Candidates, priority: u8, start: usize, end: usize, category: Category, rule: &'static str) {
    out.push((priority, Span { start, end, category, action: Action::Redact, rule }));
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("detector patterns are tested")
}

/// Terms shorter than this (in characters) only match whole words: "Al" must not eat "all".
const WHOLE_WORD_BELOW: usize = 4;

/// The storyteller's own list comes first: it is always redacted.
pub(super) fn private_terms(text: &str, terms: &[String], out: &mut Candidates) {
    let mut spans = Vec::new();
    terms_into(text, terms, Category::PrivateTerm, "private_terms", &mut spans);
    out.extend(spans.into_iter().map(|span| (0, span)));
}

pub(super) fn terms(text: &str, terms: &[String], category: Category, rule: &'static str, out: &mut Candidates) {
    let mut spans = Vec::new();
    terms_into(text, terms, category, rule, &mut spans);
    out.extend(spans.into_iter().map(|span| (0, span)));
}

fn terms_into(text: &str, terms: &[String], category: Category, rule: &'static str, out: &mut Vec<Span>) {
    let terms: Vec<&str> = terms.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
    if terms.is_empty() {
        return;
    }
    // ASCII case folding comes from the automaton; other scripts get their lower, upper and
    // capitalised forms as extra patterns.
    let mut patterns: Vec<String> = Vec::with_capacity(terms.len() * 3);
    for term in &terms {
        patterns.push((*term).to_owned());
        patterns.push(term.to_lowercase());
        patterns.push(term.to_uppercase());
        patterns.push(capitalise(&term.to_lowercase()));
    }
    let Ok(automaton) =
        AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostLongest).build(&patterns)
    else {
        return;
    };
    for found in automaton.find_iter(text) {
        let term = terms[found.pattern().as_usize() / 4];
        let (start, end) = (found.start(), found.end());
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let inside_word = before.is_some_and(is_word_char) || after.is_some_and(is_word_char);
        if inside_word && term.chars().count() < WHOLE_WORD_BELOW {
            continue;
        }
        // A term inside a longer word takes the whole word: "Karim" in "Karimov" must not
        // leave "ov" behind, nor "و" glued to an Arabic name.
        let start = word_start(text, start);
        let end = word_end(text, end);
        out.push(Span { start, end, category, action: Action::Redact, rule });
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (Arabic harakat, Latin accents in decomposed form) belong to their word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
}

fn word_start(text: &str, mut start: usize) -> usize {
    while let Some(c) = text[..start].chars().next_back() {
        if !is_word_char(c) {
            break;
        }
        start -= c.len_utf8();
    }
    start
}

fn word_end(text: &str, mut end: usize) -> usize {
    while let Some(c) = text[end..].chars().next() {
        if !is_word_char(c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}"));

pub(super) fn emails(text: &str, out: &mut Candidates) {
    if !text.contains('@') {
        return;
    }
    for found in EMAIL.find_iter(text) {
        push(out, 1, found.start(), found.end(), Category::Email, "email");
    }
}

static URL: LazyLock<Regex> = LazyLock::new(|| regex(r#"(?i)\b(?:https?://|www\.)[^\s<>"]+"#));

pub(super) fn urls(text: &str, out: &mut Candidates) {
    for found in URL.find_iter(text) {
        let trimmed = found.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"', '»', '”']);
        push(out, 2, found.start(), found.start() + trimmed.len(), Category::Url, "url");
    }
}

/// Digit sequences shaped like phone numbers: an optional `+` or `00`, digits with spaces,
/// dots, dashes, slashes or brackets between them.
static PHONE_CANDIDATE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:\+|\b00)?(?:\(\d{1,5}\)[\s.\-/]?)?\d[\d\s.\-/()]{4,22}\d"));

/// Dates (`12.05.2015`) and year ranges (`2016-2017`) have a phone's shape but are not phones.
static DATE_OR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?:\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}|\d{4}[./\-]\d{1,2}[./\-]\d{1,2}|(?:19|20)\d\d\s*[\-/]\s*(?:19|20)\d\d)$",
    )
});

/// Regions tried for numbers in a national format when the story names no country.
const FALLBACK_REGIONS: &[&str] = &["US", "GB", "DE", "FR", "ES", "IT"];

pub(super) fn phones(text: &str, countries: &[&str], out: &mut Candidates) {
    for found in PHONE_CANDIDATE.find_iter(text) {
        let candidate = found.as_str();
        let digits = candidate.chars().filter(char::is_ascii_digit).count();
        if !(7..=15).contains(&digits) || candidate.contains('\n') || DATE_OR_RANGE.is_match(candidate.trim()) {
            continue;
        }
        // A leading "(" belongs to the number only when it closes inside it.
        let mut start = found.start();
        if text[..start].ends_with('(') && candidate.contains(')') && !candidate.contains('(') {
            start -= 1;
        }
        if is_phone(candidate, countries) {
            push(out, 3, start, found.end(), Category::Phone, "phone");
        }
    }
}

fn is_phone(candidate: &str, countries: &[&str]) -> bool {
    let international = candidate.strip_prefix("00").map(|rest| format!("+{rest}"));
    let international = international.as_deref().or(candidate.starts_with('+').then_some(candidate));
    if let Some(number) = international {
        return phonenumber::parse(None, number).is_ok_and(|n| phonenumber::is_valid(&n));
    }
    let regions = if countries.is_empty() { FALLBACK_REGIONS } else { countries };
    regions
        .iter()
        .filter_map(|code| code.parse::<phonenumber::country::Id>().ok())
        .any(|region| phonenumber::parse(Some(region), candidate).is_ok_and(|n| phonenumber::is_valid(&n)))
}

static HANDLE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:^|[^\p{L}\p{N}_.@])(@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)"));

pub(super) fn handles(text: &str, out: &mut Candidates) {
    if !text.contains('@') {
        return;
    }
    for captures in HANDLE.captures_iter(text) {
        if let Some(handle) = captures.get(1) {
            push(out, 4, handle.start(), handle.end(), Category::Handle, "handle");
        }
    }
}

/// Long digit runs (six or more), with an optional letter prefix, and dash-grouped numbers
/// such as `A-123-456-789` or `123-15C01234`: ID, case and account numbers.
static ID_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:[A-Za-z]{1,3}-?)?\d{6,}\b|\b(?:[A-Za-z]{1,3}-)?\d{2,}(?:-[A-Za-z0-9]*\d[A-Za-z0-9]*){2,}\b|\b\d{3}-\d{2}[A-Za-z]\d{5,}\b",
    )
});

pub(super) fn id_numbers(text: &str, out: &mut Candidates) {
    for found in ID_NUMBER.find_iter(text) {
        push(out, 5, found.start(), found.end(), Category::IdNumber, "id_number");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automaton_failure_is_not_a_panic() {
        let mut out = Vec::new();
        terms_into("text", &["".into(), "  ".into()], Category::Person, "t", &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn words_extend_over_marks() {
        let text = "كَرِيم";
        assert_eq!(word_end(text, 2), text.len());
    }
}
