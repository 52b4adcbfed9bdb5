//! The individual detectors. Each pushes `(priority, Span)` candidates; `detect` resolves
//! overlaps. A lower priority number wins when two candidates start at the same place.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::normalise::{fold, fold_term, is_invisible};
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
    let patterns = term_patterns(terms);
    if patterns.is_empty() {
        return;
    }
    let Ok(automaton) = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&patterns) else {
        return;
    };
    let folded = fold(text);
    let mut covered = 0;
    for found in automaton.find_iter(&folded.text) {
        let (start, end) = folded.original(found.start(), found.end());
        // Later matches inside a word already taken add nothing (and keep this linear).
        if start < covered {
            continue;
        }
        let Some(span) = term_span(text, start, end, patterns[found.pattern().as_usize()].chars().count()) else {
            continue;
        };
        covered = span.1;
        out.push(Span { start: span.0, end: span.1, category, action: Action::Redact, rule });
    }
}

/// Particles that are not names on their own, when a multi-word term is split into words.
const PARTICLES: &[&str] = &[
    "abu", "al", "bin", "ben", "ibn", "bint", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "el",
    "la", "las", "le", "los", "van", "von", "y", "the", "и", "в",
];

/// The folded terms, and each word of a multi-word term: "Karim Haddad" also hides a lone
/// "Haddad".
fn term_patterns(terms: &[String]) -> Vec<String> {
    let mut patterns: Vec<String> = Vec::new();
    for term in terms {
        let folded = fold_term(term);
        if folded.is_empty() {
            continue;
        }
        let words: Vec<&str> = folded.split(' ').collect();
        if words.len() > 1 {
            for word in words {
                if word.chars().count() >= 3 && !PARTICLES.contains(&word) && !patterns.iter().any(|p| p == word) {
                    patterns.push(word.to_owned());
                }
            }
        }
        if !patterns.contains(&folded) {
            patterns.push(folded);
        }
    }
    patterns
}

/// Arabic proclitics written joined to the next word: "and", "with", "for", "the" …
const CLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ول", "وب", "فب", "وك"];

/// Scripts written without spaces between words: a name is matched where it stands.
fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}')
}

/// Where a term found at `start..end` is to be redacted, or `None` when it is only part of
/// another word.
fn term_span(text: &str, start: usize, end: usize, chars: usize) -> Option<(usize, usize)> {
    if text[start..end].chars().any(is_unspaced) {
        return Some((start, end));
    }
    let (word_start, word_end) = (word_start(text, start), word_end(text, end));
    if (word_start, word_end) == (start, end) || chars >= WHOLE_WORD_BELOW {
        // A term inside a longer word takes the whole word: "Karim" in "Karimov" must not
        // leave "ov" behind.
        return Some((word_start, word_end));
    }
    let prefix = fold_term(&text[word_start..start]);
    (word_end == end && CLITICS.contains(&prefix.as_str())).then_some((word_start, word_end))
}

/// Letters, digits and the marks and invisible characters that live inside words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_invisible(c)
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

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.(?:xn--[a-z0-9\-]+|\p{L}{2,})")
});

pub(super) fn emails(text: &str, out: &mut Candidates) {
    if !text.contains('@') {
        return;
    }
    for found in EMAIL.find_iter(text) {
        push(out, 1, found.start(), found.end(), Category::Email, "email");
    }
}

/// Links with a scheme or `www.`, and bare `host.tld/path` links such as
/// `instagram.com/amal.bakes` or `t.me/karim_h`, whose path is often a person.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?i)\b(?:https?://|www\.)[^\s<>"]+|\b(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}/[^\s<>"]*[^\s<>".,;:!?)'»”]"#,
    )
});

pub(super) fn urls(text: &str, out: &mut Candidates) {
    for found in URL.find_iter(text) {
        let trimmed = found.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"', '»', '”']);
        push(out, 2, found.start(), found.start() + trimmed.len(), Category::Url, "url");
    }
}

/// Digit sequences shaped like phone numbers: an optional `+` or `00`, digits with spaces,
/// dots, dashes, slashes or brackets between them.
static PHONE_CANDIDATE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:\+|\b00)?(?:\(\d{1,5}\)[ \t.\-/]?)?\d[\d \t.\-/()]{4,22}\d"));

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
        // A number glued to what precedes it ("12 (0151) 2345 6789") is tried again from
        // each later group.
        let groups = std::iter::once(0).chain(found.as_str().match_indices([' ', '\t']).map(|(i, _)| i + 1));
        for offset in groups.take(4) {
            let start = found.start() + offset;
            let candidate = &text[start..found.end()];
            let digits = candidate.chars().filter(char::is_ascii_digit).count();
            if digits < 7 {
                break;
            }
            if digits > 15 || DATE_OR_RANGE.is_match(candidate.trim()) || !is_phone(candidate, countries) {
                continue;
            }
            // A leading "(" belongs to the number only when it closes inside it.
            let opens_before = text[..start].ends_with('(') && candidate.contains(')') && !candidate.contains('(');
            push(out, 3, if opens_before { start - 1 } else { start }, found.end(), Category::Phone, "phone");
            break;
        }
    }
}

/// IBANs, checked with their mod-97 checksum, written with or without spaces.
static IBAN: LazyLock<Regex> = LazyLock::new(|| regex(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b"));

fn iban_checksum_ok(iban: &str) -> bool {
    let compact: Vec<char> = iban.chars().filter(|c| !c.is_whitespace()).collect();
    if !(15..=34).contains(&compact.len()) {
        return false;
    }
    let rearranged = compact[4..].iter().chain(&compact[..4]);
    let mut remainder: u32 = 0;
    for c in rearranged {
        let value = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        remainder = if value >= 10 { (remainder * 100 + value) % 97 } else { (remainder * 10 + value) % 97 };
    }
    remainder == 1
}

pub(super) fn ibans(text: &str, out: &mut Candidates) {
    for found in IBAN.find_iter(text) {
        if iban_checksum_ok(found.as_str()) {
            push(out, 2, found.start(), found.end(), Category::IdNumber, "iban");
        }
    }
}

/// Payment card numbers (13–19 digits, grouped or not) that pass the Luhn check.
static CARD: LazyLock<Regex> = LazyLock::new(|| regex(r"\b\d(?:[ \-]?\d){12,18}\b"));

fn luhn_ok(number: &str) -> bool {
    let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d })
        .sum();
    sum.is_multiple_of(10)
}

pub(super) fn cards(text: &str, out: &mut Candidates) {
    for found in CARD.find_iter(text) {
        if luhn_ok(found.as_str()) {
            push(out, 2, found.start(), found.end(), Category::IdNumber, "payment_card");
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
    fn checksums() {
        assert!(iban_checksum_ok("DE89 3704 0044 0532 0130 00"));
        assert!(!iban_checksum_ok("DE88 3704 0044 0532 0130 00"));
        assert!(luhn_ok("4111 1111 1111 1111"));
        assert!(!luhn_ok("4111 1111 1111 1112"));
    }

    #[test]
    fn words_extend_over_marks() {
        let text = "كَرِيم";
        assert_eq!(word_end(text, 2), text.len());
    }
}
