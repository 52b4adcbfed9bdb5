//! The terminology guide: words that dehumanise people who migrated or state something
//! inaccurate ("illegal immigrant", "clandestin", "ilegal"), each with better words and the
//! reason, and a checker that finds them in a draft. Pure functions; the guide itself is
//! `rules/terminology.toml`, compiled in, which a deployment extends with its own file.

use std::collections::BTreeSet;
use std::path::Path;

use regex::Regex;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const DEFAULT_GUIDE: &str = include_str!("../rules/terminology.toml");

/// One entry of the guide.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Primary language subtag of the entry.
    pub language: String,
    /// The term, as the guide shows it.
    pub phrase: String,
    /// Other forms matched the same way (plurals, feminine forms, spellings).
    #[serde(default)]
    pub variants: Vec<String>,
    /// Better words, in the entry's language.
    pub suggest: Vec<String>,
    /// Why, in the entry's language.
    pub reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideFile {
    #[serde(default)]
    term: Vec<Entry>,
}

/// One term found in a draft.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Finding {
    /// Byte offsets of the term in the draft.
    pub start: usize,
    pub end: usize,
    /// The words as the draft has them.
    pub found: String,
    pub language: String,
    /// The guide's form of the term.
    pub phrase: String,
    pub suggest: Vec<String>,
    pub reason: String,
}

#[derive(Debug, thiserror::Error)]
pub enum GuideError {
    #[error("cannot read the terminology guide {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("the terminology guide {path} is not valid: {message}")]
    Invalid { path: String, message: String },
}

/// The guide, ready to check drafts.
#[derive(Debug)]
pub struct Guide {
    entries: Vec<Entry>,
    /// Every form of every entry, longest first, as one alternation between word boundaries.
    matcher: Regex,
    /// A form, as [`key`] writes it, to the entries it belongs to.
    forms: FxHashMap<String, Vec<usize>>,
}

/// How a form is compared: lower case, one kind of apostrophe and hyphen, single spaces.
fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            out.push(match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
                '\u{2010}' | '\u{2011}' => '-',
                c => c,
            });
        }
    }
    out
}

/// The pattern of one form: its letters as written, any apostrophe or hyphen in any of its
/// forms, any run of spaces.
fn pattern(form: &str) -> String {
    let mut pattern = String::new();
    for c in key(form).chars() {
        match c {
            '\'' => pattern.push_str("['\u{2019}\u{2018}\u{02BC}]"),
            '-' => pattern.push_str("[-\u{2010}\u{2011}]"),
            ' ' => pattern.push_str(r"\s+"),
            c => pattern.push_str(&regex::escape(&c.to_string())),
        }
    }
    pattern
}

impl Guide {
    /// The guide the archive ships.
    pub fn defaults() -> &'static Guide {
        static DEFAULTS: std::sync::LazyLock<Guide> = std::sync::LazyLock::new(|| {
            Guide::extended("", "rules/terminology.toml").expect("the default terminology guide is valid")
        });
        &DEFAULTS
    }

    /// The shipped guide with a deployment's entries added. An entry with the language and
    /// phrase of a shipped one replaces it.
    pub fn with_extension(path: &Path) -> Result<Guide, GuideError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| GuideError::Read { path: shown.clone(), source })?;
        Guide::extended(&text, &shown)
    }

    fn extended(text: &str, path: &str) -> Result<Guide, GuideError> {
        let invalid = |message: String| GuideError::Invalid { path: path.to_owned(), message };
        let parse = |text: &str| toml::from_str::<GuideFile>(text).map_err(|e| invalid(e.to_string()));
        let mut entries = parse(DEFAULT_GUIDE)?.term;
        for entry in parse(text)?.term {
            let same = |e: &Entry| e.language == entry.language && key(&e.phrase) == key(&entry.phrase);
            match entries.iter_mut().find(|e| same(e)) {
                Some(shipped) => *shipped = entry,
                None => entries.push(entry),
            }
        }
        Guide::compile(entries).map_err(invalid)
    }

    fn compile(entries: Vec<Entry>) -> Result<Guide, String> {
        let mut forms: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut seen = BTreeSet::new();
        for (n, entry) in entries.iter().enumerate() {
            let what = format!("the entry {:?} ({})", entry.phrase, entry.language);
            if entry.language.is_empty() || !entry.language.chars().all(|c| c.is_ascii_lowercase()) {
                return Err(format!("{what} needs a language code such as \"en\""));
            }
            if entry.suggest.is_empty() || entry.suggest.iter().any(|s| s.trim().is_empty()) {
                return Err(format!("{what} needs at least one suggestion, none of them empty"));
            }
            if entry.reason.trim().is_empty() {
                return Err(format!("{what} needs a reason"));
            }
            for form in std::iter::once(&entry.phrase).chain(&entry.variants) {
                let form_key = key(form);
                if form_key.is_empty() {
                    return Err(format!("{what} has an empty form"));
                }
                if !seen.insert((entry.language.clone(), form_key.clone())) {
                    return Err(format!("{what}: the form {form:?} appears twice in {}", entry.language));
                }
                forms.entry(form_key).or_default().push(n);
            }
        }
        let mut all: Vec<&String> = forms.keys().collect();
        // Longest first, so "illegal immigrants" wins over "illegal immigrant".
        all.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternation = all.iter().map(|form| pattern(form)).collect::<Vec<_>>().join("|");
        let matcher = regex::RegexBuilder::new(&format!(r"(?i)\b(?:{alternation})\b"))
            .size_limit(64 << 20)
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Guide { entries, matcher, forms })
    }

    /// Every entry, in the guide's order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The languages the guide has entries in, sorted.
    pub fn languages(&self) -> Vec<&str> {
        let languages: BTreeSet<&str> = self.entries.iter().map(|e| e.language.as_str()).collect();
        languages.into_iter().collect()
    }

    /// The terms of the guide in `draft`, in the order they appear; only those of
    /// `language` when one is given.
    pub fn check(&self, draft: &str, language: Option<&str>) -> Vec<Finding> {
        let mut findings = Vec::new();
        for found in self.matcher.find_iter(draft) {
            let Some(entries) = self.forms.get(&key(found.as_str())) else { continue };
            for entry in entries.iter().map(|&n| &self.entries[n]) {
                if language.is_some_and(|l| l != entry.language) {
                    continue;
                }
                findings.push(Finding {
                    start: found.start(),
                    end: found.end(),
                    found: found.as_str().to_owned(),
                    language: entry.language.clone(),
                    phrase: entry.phrase.clone(),
                    suggest: entry.suggest.clone(),
                    reason: entry.reason.clone(),
                });
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(draft: &str, language: Option<&str>) -> Vec<String> {
        Guide::defaults().check(draft, language).into_iter().map(|f| f.phrase).collect()
    }

    #[test]
    fn the_guide_flags_terms_in_english_french_and_spanish() {
        let draft = "Police detained 40 illegal immigrants. Les clandestins dorment dehors. \
                     Un inmigrante ilegal fue detenido.";
        let findings = Guide::defaults().check(draft, None);
        let found: Vec<(&str, &str)> = findings.iter().map(|f| (f.language.as_str(), f.found.as_str())).collect();
        assert_eq!(found, vec![("en", "illegal immigrants"), ("fr", "Les clandestins"), ("es", "inmigrante ilegal")]);
        for finding in &findings {
            assert_eq!(&draft[finding.start..finding.end], finding.found);
            assert!(!finding.suggest.is_empty() && !finding.reason.is_empty());
        }
    }

    #[test]
    fn case_apostrophes_and_spaces_do_not_hide_a_term() {
        assert_eq!(phrases("ILLEGAL   Immigrant", Some("en")), vec!["illegal immigrant"]);
        assert_eq!(phrases("un appel d'air", Some("fr")), phrases("un appel d’air", Some("fr")));
        assert!(!phrases("un appel d'air", Some("fr")).is_empty());
    }

    #[test]
    fn ordinary_words_and_parts_of_words_are_not_flagged() {
        for draft in [
            "A wave of heat, a flood, an influx of donations.",
            "Refugees and migrants arrived; the refugee crisis was debated.",
            "travail clandestin, passager clandestin, sans-papiers",
            "Illegalities were found in the contract.",
        ] {
            assert_eq!(phrases(draft, None), Vec::<String>::new(), "{draft}");
        }
    }

    #[test]
    fn a_language_restricts_the_check() {
        assert_eq!(phrases("illegal immigrant", Some("fr")), Vec::<String>::new());
    }

    #[test]
    fn a_deployment_adds_and_replaces_entries() {
        let extension = r#"
            [[term]]
            language = "en"
            phrase = "illegal immigrant"
            suggest = ["undocumented person"]
            reason = "Local style."

            [[term]]
            language = "nl"
            phrase = "illegale vreemdeling"
            suggest = ["ongedocumenteerde migrant"]
            reason = "Een mens is niet illegaal."
        "#;
        let guide = Guide::extended(extension, "local.toml").unwrap();
        let en = guide.check("an illegal immigrant", None);
        assert_eq!(en[0].suggest, vec!["undocumented person"]);
        assert_eq!(guide.check("een illegale vreemdeling", None)[0].language, "nl");
        assert_eq!(guide.entries().len(), Guide::defaults().entries().len() + 1);

        let twice = "[[term]]\nlanguage = \"en\"\nphrase = \"illegal immigrants\"\nsuggest = [\"x\"]\nreason = \"y\"\n";
        let error = Guide::extended(twice, "local.toml").unwrap_err().to_string();
        assert!(error.contains("local.toml") && error.contains("twice"), "{error}");
    }
}
