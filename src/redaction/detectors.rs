//! The individual detectors. Each pushes `(priority, Span)` candidates; `detect` resolves
//! overlaps. A lower priority number wins when two candidates start at the same place.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::normalise::{AsciiDigits, fold, fold_term};
use super::rules::{PatternRule, Rules, cue};
use super::words::{Case, Matches, Words, is_word_char};
use super::{Action, Category, Span};

use super::Candidates;

fn push(out: &mut Candidates, priority: u8, start: usize, end: usize, category: Category, rule: &str) {
    out.push((priority, Span::new(start, end, category, Action::Redact, rule)));
}

fn regex(pattern: &str) -> Regex {
    Regex::new(&ascii_word_boundaries(pattern)).expect("detector patterns are tested")
}

/// `\b` made an ASCII word boundary (`(?-u:\b)`): a letter of another script then counts as
/// a boundary ("ብ12" has one before "12"), and the regex engine keeps its fast automaton on
/// text in any script instead of falling back to a slow one.
pub(super) fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str("(?-u:\\b)"),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Terms shorter than this (in characters) only match whole words: "Al" must not eat "all".
const WHOLE_WORD_BELOW: usize = 4;

/// The storyteller's own list comes first: it is always redacted.
pub(super) fn private_terms(text: &str, terms: &[String], out: &mut Candidates) {
    let mut spans = Vec::new();
    terms_into(text, terms, Category::PrivateTerm, "private_terms", &mut spans);
    out.extend(spans.into_iter().map(|span| (0, span)));
}

pub(super) fn terms(text: &str, terms: &[String], category: Category, rule: &str, out: &mut Candidates) {
    let mut spans = Vec::new();
    terms_into(text, terms, category, rule, &mut spans);
    out.extend(spans.into_iter().map(|span| (0, span)));
}

fn terms_into(text: &str, terms: &[String], category: Category, rule: &str, out: &mut Vec<Span>) {
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
        out.push(Span::new(span.0, span.1, category, Action::Redact, rule));
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

pub(super) fn word_start(text: &str, mut start: usize) -> usize {
    while let Some(c) = text[..start].chars().next_back() {
        if !is_word_char(c) {
            break;
        }
        start -= c.len_utf8();
    }
    start
}

pub(super) fn word_end(text: &str, mut end: usize) -> usize {
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

/// Top-level domains a bare address such as `safaa-writes.blogspot.com` ends with.
const TLDS: &[&str] = &[
    "com", "org", "net", "info", "io", "me", "blog", "app", "site", "online", "tv", "eu", "fr", "de", "es", "it", "uk",
    "ua", "ru", "ir", "af", "sy", "er", "et", "sd", "so", "tr", "gr", "nl", "be", "ch", "at", "se", "no", "dk", "fi",
    "pl", "pt", "co", "mx", "ve", "ar", "cl", "pe", "us", "ca", "au", "ly", "ma", "dz", "tn", "eg", "jo", "lb", "iq",
    "ke", "ng", "gh", "za", "in", "pk", "kz", "ge", "am", "az", "by", "md", "lt", "lv", "ee", "cz", "sk", "hu", "ro",
    "bg", "hr", "rs", "ie", "br", "hn", "gt", "sv", "ni", "cu", "ht", "sn", "ml", "cd", "cm", "ci", "ug", "rw", "ss",
];

static BARE_DOMAIN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:^|[^\w.@/\-])((?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+([a-z]{2,6}))\b"));

pub(super) fn urls(text: &str, out: &mut Candidates) {
    for found in URL.find_iter(text) {
        let trimmed = found.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '"', '»', '”']);
        push(out, 2, found.start(), found.start() + trimmed.len(), Category::Url, "url");
    }
    if !text.contains('.') {
        return;
    }
    for captures in BARE_DOMAIN.captures_iter(text) {
        let (Some(domain), Some(tld)) = (captures.get(1), captures.get(2)) else { continue };
        let name = &domain.as_str()[..domain.as_str().len() - tld.as_str().len() - 1];
        if TLDS.contains(&tld.as_str()) && name.len() >= 3 && !text[domain.end()..].starts_with('@') {
            push(out, 2, domain.start(), domain.end(), Category::Url, "url");
        }
    }
}

/// Words shaped like user names: lower-case letters and digits joined by dots or
/// underscores ("amal.bakes", "rami_k94", "bruk.in.toronto"), which ordinary words never are.
static HANDLE_SHAPED: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?:^|[^\w.@/\-])([a-z][a-z0-9]*(?:[._][a-z0-9]+)+)(?:$|[^\w@/\-])"));

pub(super) fn handle_shaped(text: &str, out: &mut Candidates) {
    if !text.contains(['.', '_']) {
        return;
    }
    for captures in HANDLE_SHAPED.captures_iter(text) {
        let Some(word) = captures.get(1) else { continue };
        let word_text = word.as_str();
        let labels: Vec<&str> = word_text.split(['.', '_']).collect();
        let last = labels.last().copied().unwrap_or_default();
        let underscored = word_text.contains('_');
        let dotted_words = labels.iter().all(|l| l.len() >= 2) && word_text.len() >= 6 && !TLDS.contains(&last);
        if underscored || dotted_words {
            push(out, 4, word.start(), word.end(), Category::Handle, "handle_shaped");
        }
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

/// `text` has its digits in ASCII already (`normalise::AsciiDigits`).
pub(super) fn phones(text: &str, countries: &[&str], out: &mut Candidates) {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    for found in PHONE_CANDIDATE.find_iter(text) {
        // Digits an IBAN, card, address on the map or e-mail already holds are not a phone;
        // validating a phone number is the engine's most expensive step.
        if out.iter().any(|(_, span)| span.start <= found.start() && found.end() <= span.end) {
            continue;
        }
        // A piece of a longer run of digits is not a phone number (the run is a number of
        // its own, found as one).
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        if glued(text[..found.start()].chars().next_back()) || glued(text[found.end()..].chars().next()) {
            continue;
        }
        // A number glued to what precedes it ("12 (0151) 2345 6789") is tried again from
        // each later group.
        let number = found.as_str();
        let groups = std::iter::once(0).chain(
            number.match_indices([' ', '\t']).map(|(i, _)| i + 1).filter(|&i| !number[i..].starts_with([' ', '\t'])),
        );
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
        } else if found.as_str().chars().filter(char::is_ascii_digit).count() >= 12 {
            // An account number with a typo still points at someone: a moderator decides.
            out.push((2, Span::new(found.start(), found.end(), Category::IdNumber, Action::Flag, "iban_shape")));
        }
    }
}

/// Payment card numbers (13–19 digits, grouped or not) that pass the Luhn check, in text
/// whose digits are ASCII already.
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
        // A number written right after the card ("… 4450 2,000 dollars") is not part of it.
        let mut candidate = found.as_str();
        loop {
            let digits = candidate.chars().filter(char::is_ascii_digit).count();
            if digits < 13 {
                break;
            }
            if luhn_ok(candidate) {
                push(out, 2, found.start(), found.start() + candidate.len(), Category::IdNumber, "payment_card");
                break;
            }
            match candidate.rfind([' ', '-']) {
                Some(cut) => candidate = &candidate[..cut],
                None => break,
            }
        }
    }
}

/// Codes of capitals and digits mixed ("Y4K7R2M91"): residence card and file numbers.
static MIXED_CODE: LazyLock<Regex> = LazyLock::new(|| regex(r"\b[A-Z0-9]{8,14}\b"));

pub(super) fn mixed_codes(text: &str, out: &mut Candidates) {
    for found in MIXED_CODE.find_iter(text) {
        let code = found.as_str();
        let digits = code.chars().filter(char::is_ascii_digit).count();
        let letters = code.len() - digits;
        if digits >= 3 && letters >= 2 {
            push(out, 5, found.start(), found.end(), Category::IdNumber, "mixed_code");
        }
    }
}

/// Gives phonenumber's pattern cache room for every country's patterns, once: its default
/// of 100 is smaller than the patterns of a few countries, so validating numbers recompiled
/// regular expressions again and again.
fn phone_patterns_cached() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let cache = phonenumber::metadata::DATABASE.cache();
        if let Ok(mut cache) = cache.lock() {
            *cache = regex_cache::RegexCache::new(50_000);
        }
    });
}

fn is_phone(candidate: &str, countries: &[&str]) -> bool {
    phone_patterns_cached();
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
        r"\b(?:[A-Za-z]{1,3}-?)?\d{6,}|\b(?:[A-Za-z]{1,3}-)?\d{2,}(?:-[A-Za-z0-9]*\d[A-Za-z0-9]*){2,}\b|\b\d{3}-\d{2}[A-Za-z]\d{5,}\b",
    )
});

pub(super) fn id_numbers(text: &str, out: &mut Candidates) {
    for found in ID_NUMBER.find_iter(text) {
        push(out, 5, found.start(), found.end(), Category::IdNumber, "id_number");
    }
}

/// How far around a digit a number may reach: the longest IBAN, card or coordinates pair
/// written with spaces fits.
pub(super) const DIGIT_REACH: usize = 96;

/// How far around its number an address may reach: a Persian street and lane before the
/// house number fit.
pub(super) const ADDRESS_REACH: usize = 256;

/// The stretches of `text` (digits in ASCII) within `reach` bytes of a digit, widened to
/// whitespace so no word is cut, and merged where they meet.
pub(super) fn digit_windows(text: &str, reach: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(u8::is_ascii_digit) {
        let digit = at + offset;
        let mut start = digit.saturating_sub(reach);
        while start > 0 && !bytes[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        let mut end = (digit + reach).min(bytes.len());
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
            end += 1;
        }
        match windows.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => windows.push((start, end)),
        }
        // The next digit far enough away to open a window of its own is past this one's end.
        at = (digit + 1).max(end.saturating_sub(reach));
    }
    windows
}

/// The whitespace-separated stretches of `text` that could hold a link or a handle-shaped
/// word: those with a dot, underscore or colon between an ASCII letter or digit and another
/// (or a slash), as in "t.me", "rami_k94", "https://". Prose has few, and the link patterns
/// are run on those stretches only.
pub(super) fn link_windows(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut windows: Vec<(usize, usize)> = Vec::new();
    let mut from = 1;
    // Prose has few dots and fewer underscores or colons: jump from one to the next.
    while let Some(found) = bytes.get(from..).and_then(|rest| memchr::memchr3(b'.', b'_', b':', rest)) {
        let at = from + found;
        let joins = at + 1 < bytes.len()
            && bytes[at - 1].is_ascii_alphanumeric()
            && (bytes[at + 1].is_ascii_alphanumeric() || bytes[at + 1] == b'/');
        if !joins {
            from = at + 1;
            continue;
        }
        let mut start = at;
        while start > 0 && !bytes[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        let mut end = at;
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
            end += 1;
        }
        windows.push((start, end));
        from = end + 1;
    }
    windows
}

/// GPS coordinates: a decimal pair ("15.3229, 38.9251"), or degrees, minutes and seconds with
/// hemisphere letters ("15°19'22"N 38°55'30"E").
static GPS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r#"(?x)
        [-−]?\d{1,2}\.\d{3,}°?\s*[NSns]?\s*[,;/]\s*[-−]?\d{1,3}\.\d{3,}°?\s*[EWOewo]?\b
      | [-−]?\d{1,2}\.\d{4,}\s+[-−]?\d{1,3}\.\d{4,}\b
      | (?:[NSns]\s?)?\d{1,3}\s?°\s?\d{1,2}(?:\.\d+)?\s?['′’]\s?(?:\d{1,2}(?:[.,]\d+)?\s?(?:["″”]|''|′′))?\s?[NSns]?
        \s*[,;]?\s*
        (?:[EWOewo]\s?)?\d{1,3}\s?°\s?\d{1,2}(?:\.\d+)?\s?['′’]\s?(?:\d{1,2}(?:[.,]\d+)?\s?(?:["″”]|''|′′))?\s?[EWOewo]?
      | \d{1,2}(?:\.\d+)?\s?°\s?[NSns]\s*[,;]?\s*\d{1,3}(?:\.\d+)?\s?°\s?[EWOewo]
        "#,
    )
});

pub(super) fn gps(text: &str, out: &mut Candidates) {
    if !text.contains('.') && !text.contains('°') {
        return;
    }
    for found in GPS.find_iter(text) {
        let end = found.start() + found.as_str().trim_end().len();
        push(out, 1, found.start(), end, Category::Gps, "gps");
    }
}

/// IPv4 and IPv6 addresses, checked by the standard library's parsers.
static IP: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(?:\d{1,3}\.){3}\d{1,3}\b|(?i:\b[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\b)"));

pub(super) fn ip_addresses(text: &str, out: &mut Candidates) {
    for found in IP.find_iter(text) {
        let candidate = found.as_str();
        let valid = candidate.parse::<std::net::Ipv4Addr>().is_ok()
            || (candidate.matches(':').count() >= 2
                && candidate.chars().any(|c| c.is_ascii_hexdigit())
                && candidate.parse::<std::net::Ipv6Addr>().is_ok());
        if valid {
            push(out, 1, found.start(), found.end(), Category::IpAddress, "ip_address");
        }
    }
}

/// The rules file's patterns (street addresses, local ID formats). A pattern with required
/// words (an address) is tried only in the stretches around digits that hold one of them: an
/// address has a house number, and most of a story has none.
pub(super) fn patterns(text: &str, rules: &Rules, out: &mut Candidates) {
    for &k in &rules.unconditional_patterns {
        pattern(text, 0, &rules.patterns[k], out);
    }
    let Some((automaton, required_by)) = &rules.pattern_words else { return };
    for (start, end) in digit_windows(text, ADDRESS_REACH) {
        let window = &text[start..end];
        let mut wanted: Vec<usize> =
            automaton.find_overlapping_iter(window).map(|found| required_by[found.pattern().as_usize()]).collect();
        wanted.sort_unstable();
        wanted.dedup();
        for k in wanted {
            pattern(window, start, &rules.patterns[k], out);
        }
    }
}

/// The matches of one pattern in `text`, which begins at `offset` of the story.
fn pattern(text: &str, offset: usize, pattern: &PatternRule, out: &mut Candidates) {
    for found in pattern.regex.find_iter(text) {
        // A pattern may take the space or bracket before a word whose first letter is not
        // ASCII (where `\b` cannot stand); that, and trailing punctuation, is not the detail.
        let untrimmed = found.as_str();
        let leading = untrimmed.len() - untrimmed.trim_start_matches([' ', '(', ',', ';', ':', '\n']).len();
        let trimmed = untrimmed[leading..].trim_end_matches([' ', ',', '،', '.']);
        if !trimmed.is_empty() {
            let start = offset + found.start() + leading;
            push(out, 2, start, start + trimmed.len(), pattern.category, &pattern.name);
        }
    }
}

/// How far after a cue word a detail may start, in bytes (a few words in any script).
const BIRTH_WINDOW: usize = 60;
const SOCIAL_WINDOW: usize = 40;

/// Details found by the words before them: ID numbers after "passport", dates after "born",
/// handles after "Instagram".
pub(super) fn by_context(text: &str, words: &Words, cues: &Matches, rules: &Rules, out: &mut Candidates) {
    for i in 0..words.len() {
        for rule in &rules.contexts {
            if let Some(n) = cues.at(i, rule.kind) {
                let from = words.tokens[i + n - 1].end;
                if let Some((start, end)) = context_value(text, from, rule.within, &rule.value) {
                    push(out, 2, start, end, rule.category, &rule.name);
                }
            }
        }
        if let Some(n) = cues.at(i, cue::BIRTH) {
            // The date after the word ("born on 12 March 1994"), or, where the verb comes
            // last (Tigrinya, Persian), the date just before it.
            let from = words.tokens[i + n - 1].end;
            let after = &text[from..floor_boundary(text, from + BIRTH_WINDOW)];
            let before_start = ceil_boundary(text, words.tokens[i].start.saturating_sub(BIRTH_WINDOW));
            let before = &text[before_start..words.tokens[i].start];
            let found = DATE
                .find(after)
                .map(|m| (from + m.start(), m.as_str()))
                .or_else(|| DATE.find_iter(before).last().map(|m| (before_start + m.start(), m.as_str())));
            if let Some((start, found)) = found {
                let found = found.trim_end_matches([' ', ',', '.', '،']);
                push(out, 1, start, start + found.len(), Category::DateOfBirth, "date_of_birth");
            }
        }
        if let Some(n) = cues.at(i, cue::SOCIAL) {
            let from = words.tokens[i + n - 1].end;
            if let Some((start, end)) = social_handle(text, words, i + n, from) {
                push(out, 3, start, end, Category::Handle, "handle_after_network");
            }
        }
    }
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The first value of a context rule that starts within `within` bytes after `from`, if it
/// has enough digits to be a number that identifies (a year or a count does not).
fn context_value(text: &str, from: usize, within: usize, value: &Regex) -> Option<(usize, usize)> {
    let window_end = floor_boundary(text, from + within + 40);
    let start_limit = from + within;
    let window = &text[from..window_end];
    for found in value.find_iter(window) {
        if from + found.start() > start_limit {
            break;
        }
        let candidate = found.as_str().trim_end_matches([' ', '-', '/']);
        let ascii = AsciiDigits::new(candidate);
        let ascii = ascii.text();
        let digits = ascii.chars().filter(char::is_ascii_digit).count();
        let letters = ascii.chars().filter(|c| c.is_alphabetic()).count();
        if digits >= 5 || (digits >= 4 && letters > 0) {
            if DATE_OR_RANGE.is_match(ascii.trim()) {
                continue;
            }
            return Some((from + found.start(), from + found.start() + candidate.len()));
        }
    }
    None
}

/// A bare handle after a network's name: a Latin word with a dot, underscore or digit in it
/// ("amal.bakes"), or any Latin word in a story in another script.
fn social_handle(text: &str, words: &Words, first: usize, from: usize) -> Option<(usize, usize)> {
    static HANDLE_WORD: LazyLock<Regex> =
        LazyLock::new(|| regex(r"^@?[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])$"));
    let latin_story = text.chars().filter(|c| c.is_alphabetic()).take(200).filter(char::is_ascii).count() > 100;
    let limit = from + SOCIAL_WINDOW;
    let mut at = from;
    for token in words.tokens.iter().skip(first).take(5) {
        if token.start > limit {
            break;
        }
        // The whole run of handle characters around the word ("amal.bakes" is two words).
        let mut end = token.end;
        while let Some(c) = text[end..].chars().next() {
            if c.is_ascii_alphanumeric()
                || c == '_'
                || (c == '.' && text[end + 1..].starts_with(|c: char| c.is_ascii_alphanumeric()))
            {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        let start = if text[..token.start].ends_with('@') { token.start - 1 } else { token.start };
        if start < at {
            continue;
        }
        let candidate = &text[start..end];
        at = end;
        if !HANDLE_WORD.is_match(candidate) {
            continue;
        }
        let marked = candidate.contains(['.', '_']) || candidate.chars().any(|c| c.is_ascii_digit());
        if marked || (!latin_story && token.case != Case::None) {
            return Some((start, end));
        }
    }
    None
}

/// Dates written in full or in figures, in the archive's languages.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let months = [
        // English, French, Spanish, German, Portuguese, Italian
        "january|february|march|april|may|june|july|august|september|october|november|december",
        "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec",
        "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre",
        "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre",
        "januar|februar|märz|juni|juli|oktober|dezember",
        // Arabic (both month sets), Persian
        "كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|تشرين الأول|تشرين الاول|تشرين الثاني|كانون الأول|كانون الاول",
        "يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر",
        "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر",
        // The solar months as Afghans name them
        "حمل|ثور|جوزا|سرطان|اسد|سنبله|میزان|عقرب|قوس|جدی|دلو|حوت",
        // Ukrainian and Russian (the genitive, as dates are written)
        "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня",
        "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря",
        // Tigrinya and Amharic (Ge'ez and Gregorian month names)
        "መስከረም|ጥቅምቲ|ጥቅምት|ሕዳር|ህዳር|ታሕሳስ|ታህሳስ|ጥሪ|ጥር|ለካቲት|የካቲት|መጋቢት|ሚያዝያ|ግንቦት|ሰነ|ሰኔ|ሓምለ|ሐምሌ|ነሓሰ|ነሐሴ|ጳጉሜን",
        "ጥሪ|ለካቲት|መጋቢት|ሚያዝያ|ግንቦት|ሰነ|ሓምለ|ነሓሰ|መስከረም|ጥቅምቲ|ሕዳር|ታሕሳስ|ጃንዋሪ|ፌብሩዋሪ|ማርች|ኤፕሪል|ሜይ|ጁን|ጁላይ|ኦገስት|ሴፕቴምበር|ኦክቶበር|ኖቬምበር|ዲሴምበር",
    ]
    .join("|");
    // Longest names first, so "marzo" is not read as "mar" and no word boundary is needed
    // after a month in any script.
    let mut months: Vec<&str> = months.split('|').collect();
    months.sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
    months.dedup();
    let months = months.join("|");
    Regex::new(&format!(
        r"(?i)\d{{1,2}}[./\-]\d{{1,2}}[./\-]\d{{2,4}}|\d{{4}}[./\-]\d{{1,2}}[./\-]\d{{1,2}}|(?:\d{{1,2}}(?:st|nd|rd|th|er|º|°|\.|-?го|-?е)?\s(?:de\s|of\s)?)(?:{months})(?:,?\s(?:de\s|del\s)?\d{{4}}(?:\s?(?:г\.|р\.|року|года|م|ش))?)?|(?:{months})\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s\d{{4}})?"
    ))
    .expect("the date pattern is tested")
});

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
    fn word_boundaries_become_ascii_ones() {
        assert_eq!(ascii_word_boundaries(r"\bA\\b\d"), r"(?-u:\b)A\\b\d");
        assert!(regex(r"\b\d{2}\b").is_match("ብ12 ሰነ"));
    }

    #[test]
    fn windows_cover_every_digit_and_cut_no_word() {
        let text =
            format!("{} call 0944 123 456 {} and 12 {}", "word ".repeat(60), "more ".repeat(60), "end ".repeat(3));
        let windows = digit_windows(&text, DIGIT_REACH);
        assert_eq!(windows.len(), 2, "{windows:?}");
        for (start, end) in &windows {
            assert!(*start == 0 || text.as_bytes()[start - 1] == b' ');
            assert!(*end == text.len() || text.as_bytes()[*end] == b' ');
        }
        assert!(text[windows[0].0..windows[0].1].contains("0944 123 456"));
        assert!(digit_windows("no digits here", DIGIT_REACH).is_empty());
        let text = "Write to amal.bakes or see https://t.me/x. The end. Fin.Nada";
        let windows: Vec<&str> = link_windows(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(windows, ["amal.bakes", "https://t.me/x.", "Fin.Nada"]);
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
