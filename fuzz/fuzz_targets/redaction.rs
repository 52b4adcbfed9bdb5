//! The redaction engine on arbitrary text: it must never panic, its spans must lie on
//! character boundaries, sorted and apart, and what it redacts must not survive anywhere in
//! the redacted text.
//!
//! Run with `cargo +nightly fuzz run redaction` (from the project's root); see README.

#![no_main]

use libfuzzer_sys::fuzz_target;
use passage::redaction::{self, Context, Placeholders, Rules};

/// Languages the first byte chooses among, so every language's rules are exercised.
const LANGUAGES: [&str; 10] = ["en", "ar", "fa", "uk", "ru", "ti", "es", "fr", "de", "am"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(input) = std::str::from_utf8(rest) else { return };
    // An optional first line holds private terms, separated by "|".
    let (terms, text) = match input.split_once('\n') {
        Some((terms, text)) if first & 0x80 != 0 => (terms.split('|').map(str::to_owned).collect(), text),
        _ => (Vec::new(), input),
    };
    let rules = Rules::defaults();
    let countries: &[&str] = if first & 0x40 != 0 { &["SY", "DE"] } else { &[] };
    let language = LANGUAGES[usize::from(first) % LANGUAGES.len()];
    let context = Context { language, private_terms: &terms, countries, rules };
    let spans = redaction::detect(text, &context);
    for span in &spans {
        assert!(span.start < span.end && span.end <= text.len(), "span outside the text: {span:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "not on a boundary: {span:?}");
    }
    for pair in spans.windows(2) {
        assert!(pair[0].end <= pair[1].start, "spans overlap or are out of order: {pair:?}");
    }
    let redacted = redaction::apply(text, &spans, &mut Placeholders::new(rules, &terms));
    // What was redacted is gone: no span's text is left outside the placeholders. As the
    // engine documents, a name of four letters or more is hidden inside longer words too, a
    // shorter one only as a whole word ("Al" must not eat "all"), so shorter spans are not
    // looked for inside other words.
    let outside = redaction::without_placeholders(&redacted, rules);
    for span in &spans {
        let original = text[span.start..span.end].trim();
        if original.chars().filter(|c| !c.is_whitespace()).count() >= 4 {
            assert!(!outside.contains(original), "{original:?} survives in {redacted:?}");
        }
    }
});
