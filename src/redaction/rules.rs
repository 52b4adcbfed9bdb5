//! The rules file: cue words, public figures, number formats, street-address patterns and
//! what each category becomes. The defaults ship in `rules/redaction.toml`; a deployment adds
//! a file of its own in the same format, read at start-up, without recompiling.

use std::collections::BTreeMap;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;
use serde::Deserialize;

use super::detectors::ascii_word_boundaries;
use super::words::{Kind, PhraseIndex};
use super::{Action, Category};

/// Room for each pattern's lazily built automaton: scripts with large alphabets (Arabic,
/// Cyrillic, Ge'ez) make many states, and an automaton that keeps running out of room falls
/// back to a much slower engine.
const DFA_SIZE: usize = 16 << 20;

/// The rules every deployment starts from.
const DEFAULT_RULES: &str = include_str!("../../rules/redaction.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    places: PlacesFile,
    #[serde(default)]
    categories: BTreeMap<Category, CategoryFile>,
    #[serde(default)]
    public_figures: PublicFigures,
    #[serde(default)]
    cues: CuesFile,
    #[serde(default, rename = "context")]
    contexts: Vec<ContextFile>,
    #[serde(default, rename = "pattern")]
    patterns: Vec<PatternFile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacesFile {
    generalise_below: Option<u64>,
    generalise_abroad_below: Option<u64>,
    with_region: Option<String>,
    with_country: Option<String>,
    unknown: Option<String>,
    #[serde(default)]
    keep: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryFile {
    action: Option<Action>,
    placeholder: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PublicFigures {
    #[serde(default)]
    names: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CuesFile {
    #[serde(default)]
    naming: Vec<String>,
    #[serde(default)]
    naming_after: Vec<String>,
    #[serde(default)]
    person: Vec<String>,
    #[serde(default)]
    title: Vec<String>,
    #[serde(default)]
    place: Vec<String>,
    #[serde(default)]
    place_preposition: Vec<String>,
    #[serde(default)]
    birth: Vec<String>,
    #[serde(default)]
    social: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextFile {
    name: String,
    category: Category,
    action: Option<Action>,
    words: Vec<String>,
    value: String,
    within: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternFile {
    name: String,
    category: Category,
    action: Option<Action>,
    regex: String,
    /// Words one of which the text must hold for the pattern to be tried.
    #[serde(default)]
    requires: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("cannot read the redaction rules {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("the redaction rules {path} are not valid: {message}")]
    Invalid { path: String, message: String },
}

/// The kinds of phrase in `Rules::cues`. A context rule's words are kind `CONTEXT + its index`.
pub(super) mod cue {
    use super::super::words::Kind;
    pub const PUBLIC_FIGURE: Kind = 0;
    pub const NAMING: Kind = 1;
    pub const NAMING_AFTER: Kind = 2;
    pub const PERSON: Kind = 3;
    pub const TITLE: Kind = 4;
    pub const PLACE: Kind = 5;
    pub const PREPOSITION: Kind = 6;
    pub const BIRTH: Kind = 7;
    pub const SOCIAL: Kind = 8;
    pub const KEPT_PLACE: Kind = 9;
    pub const NOT_NAME: Kind = 10;
    pub const COUNTRY: Kind = 11;
    pub const CONTEXT: Kind = 12;
    /// Kinds are bits of a `u64`.
    pub const MAX_CONTEXT_RULES: usize = 64 - CONTEXT as usize;
}

/// A rule that finds numbers by the words before them.
#[derive(Debug)]
pub(super) struct ContextRule {
    pub name: String,
    pub category: Category,
    /// The kind of its words in `Rules::cues`.
    pub kind: Kind,
    pub value: Regex,
    /// How far after the word (in bytes of the original text) the value may start.
    pub within: usize,
}

/// A rule that finds details by their shape.
#[derive(Debug)]
pub(super) struct PatternRule {
    pub name: String,
    pub category: Category,
    pub regex: Regex,
}

/// What places become.
#[derive(Debug, Clone)]
pub struct PlaceRules {
    pub generalise_below: u64,
    /// The same, for a place outside every country of the story: it may be another place
    /// of the same name, so only a very big city is taken to be the one meant.
    pub generalise_abroad_below: u64,
    pub with_region: String,
    pub with_country: String,
    pub unknown: String,
}

/// The compiled rules.
pub struct Rules {
    pub(super) places: PlaceRules,
    actions: BTreeMap<Category, Action>,
    /// Rules that name an action of their own.
    explicit_actions: BTreeMap<String, Action>,
    placeholders: BTreeMap<Category, String>,
    /// Every list of words and phrases of the rules (cues, public figures, places that stay,
    /// countries, context words), by kind (`cue::…`).
    pub(super) cues: PhraseIndex,
    pub(super) contexts: Vec<ContextRule>,
    pub(super) patterns: Vec<PatternRule>,
    /// The `requires` words of every pattern (pattern `k`'s words report `k`), and the
    /// patterns that require nothing.
    pub(super) pattern_words: Option<(AhoCorasick, Vec<usize>)>,
    pub(super) unconditional_patterns: Vec<usize>,
    placeholder_pattern: Regex,
}

impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rules").field("places", &self.places).finish_non_exhaustive()
    }
}

impl Rules {
    /// The rules shipped with Passage.
    pub fn defaults() -> &'static Rules {
        static DEFAULTS: std::sync::LazyLock<Rules> = std::sync::LazyLock::new(|| {
            Rules::compile(parse(DEFAULT_RULES, "rules/redaction.toml").expect("the default rules parse"))
                .expect("the default rules compile")
        });
        &DEFAULTS
    }

    /// The defaults extended by a deployment's own file.
    pub fn with_extension(path: &Path) -> Result<Rules, RulesError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| RulesError::Read { path: shown.clone(), source })?;
        Rules::extended(&text, &shown)
    }

    /// The defaults extended by rules given as text (tests, tools).
    pub fn with_extension_text(text: &str) -> Result<Rules, RulesError> {
        Rules::extended(text, "extension")
    }

    /// The defaults extended by `text`, which came from `path` (for error messages).
    fn extended(text: &str, path: &str) -> Result<Rules, RulesError> {
        let mut rules = parse(DEFAULT_RULES, "rules/redaction.toml")?;
        rules.extend(parse(text, path)?);
        Rules::compile(rules).map_err(|message| RulesError::Invalid { path: path.to_owned(), message })
    }

    fn compile(file: RulesFile) -> Result<Rules, String> {
        let mut actions = BTreeMap::new();
        let mut placeholders = BTreeMap::new();
        for category in Category::ALL {
            let given = file.categories.get(&category);
            actions.insert(category, given.and_then(|c| c.action).unwrap_or(Action::Redact));
            let placeholder = given.and_then(|c| c.placeholder.clone()).unwrap_or_else(|| "[redacted]".into());
            check_placeholder(&placeholder)?;
            placeholders.insert(category, placeholder);
        }
        let places = PlaceRules {
            generalise_below: file.places.generalise_below.unwrap_or(100_000),
            generalise_abroad_below: file.places.generalise_abroad_below.unwrap_or(1_000_000),
            with_region: file.places.with_region.unwrap_or_else(|| "[a town in {region}]".into()),
            with_country: file.places.with_country.unwrap_or_else(|| "[a town in {country}]".into()),
            unknown: file.places.unknown.unwrap_or_else(|| "[town]".into()),
        };
        for template in [&places.with_region, &places.with_country, &places.unknown] {
            check_placeholder(template)?;
        }
        let mut explicit_actions = BTreeMap::new();
        let mut cues = PhraseIndex::default();
        let lists: [(&[String], Kind); 11] = [
            (&file.public_figures.names, cue::PUBLIC_FIGURE),
            (&file.cues.naming, cue::NAMING),
            (&file.cues.naming_after, cue::NAMING_AFTER),
            (&file.cues.person, cue::PERSON),
            (&file.cues.title, cue::TITLE),
            (&file.cues.place, cue::PLACE),
            (&file.cues.place_preposition, cue::PREPOSITION),
            (&file.cues.birth, cue::BIRTH),
            (&file.cues.social, cue::SOCIAL),
            (&file.places.keep, cue::KEPT_PLACE),
            (&file.cues.not_names, cue::NOT_NAME),
        ];
        for (list, kind) in lists {
            cues.extend(list.iter().map(String::as_str), kind);
        }
        cues.extend(crate::story::vocabulary::all_country_names(), cue::COUNTRY);
        if file.contexts.len() > cue::MAX_CONTEXT_RULES {
            return Err(format!("at most {} context rules are supported", cue::MAX_CONTEXT_RULES));
        }
        let mut contexts = Vec::new();
        for (index, rule) in file.contexts.into_iter().enumerate() {
            let kind = cue::CONTEXT + index as Kind;
            cues.extend(rule.words.iter().map(String::as_str), kind);
            // Looked for only in the few words after a context word: Unicode word boundaries
            // cost nothing there, and numbers may be written in Arabic or Persian digits.
            let value = Regex::new(&rule.value).map_err(|e| format!("context rule {}: {e}", rule.name))?;
            if let Some(action) = rule.action {
                explicit_actions.insert(rule.name.clone(), action);
            }
            contexts.push(ContextRule {
                kind,
                within: rule.within.unwrap_or(40),
                name: rule.name,
                category: rule.category,
                value,
            });
        }
        let mut patterns = Vec::new();
        let mut required_words: Vec<&str> = Vec::new();
        let mut required_by: Vec<usize> = Vec::new();
        let mut unconditional_patterns = Vec::new();
        for (k, rule) in file.patterns.iter().enumerate() {
            if rule.requires.is_empty() {
                unconditional_patterns.push(k);
            }
            for word in &rule.requires {
                required_words.push(word);
                required_by.push(k);
            }
        }
        let pattern_words = if required_words.is_empty() {
            None
        } else {
            // A DFA: it reads every byte of every story, and the list is short.
            let automaton = AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .ascii_case_insensitive(true)
                .build(&required_words)
                .map_err(|e| format!("pattern words: {e}"))?;
            Some((automaton, required_by))
        };
        for rule in file.patterns {
            let regex = regex::RegexBuilder::new(&ascii_word_boundaries(&rule.regex))
                .dfa_size_limit(DFA_SIZE)
                .build()
                .map_err(|e| format!("pattern {}: {e}", rule.name))?;
            if let Some(action) = rule.action {
                explicit_actions.insert(rule.name.clone(), action);
            }
            patterns.push(PatternRule { name: rule.name, category: rule.category, regex });
        }
        let templates = placeholders.values().chain([&places.with_region, &places.with_country, &places.unknown]);
        let alternatives: Vec<String> = templates
            .map(|t| {
                regex::escape(t)
                    .replace(r"\{n\}", r"\d+")
                    .replace(r"\{region\}", r"[^\[\]]{1,120}")
                    .replace(r"\{country\}", r"[^\[\]]{1,120}")
            })
            .collect();
        let placeholder_pattern = Regex::new(&alternatives.join("|")).map_err(|e| format!("placeholders: {e}"))?;
        Ok(Rules {
            pattern_words,
            unconditional_patterns,
            placeholder_pattern,
            places,
            cues,
            contexts,
            patterns,
            actions,
            explicit_actions,
            placeholders,
        })
    }

    pub fn action(&self, category: Category) -> Action {
        self.actions[&category]
    }

    /// What a span found by `rule` becomes: the action the rules file gives that rule, else a
    /// flag where the detector itself was unsure (`found`), else its category's action.
    pub fn action_of(&self, rule: &str, category: Category, found: Action) -> Action {
        match self.explicit_actions.get(rule) {
            Some(action) => *action,
            None if found == Action::Flag => Action::Flag,
            None => self.action(category),
        }
    }

    /// The placeholder template of a category (`{n}` stands for a person's number).
    pub fn placeholder(&self, category: Category) -> &str {
        &self.placeholders[&category]
    }

    pub fn places(&self) -> &PlaceRules {
        &self.places
    }

    /// A pattern matching every placeholder these rules write, so the leak check does not
    /// mistake a placeholder ("[a town in Kassala]") for the story's own words.
    pub(super) fn placeholder_pattern(&self) -> &Regex {
        &self.placeholder_pattern
    }
}

/// A placeholder must read as one: in square brackets, so the leak check and a reader can
/// tell it from the story's own words.
fn check_placeholder(template: &str) -> Result<(), String> {
    let inner = template.strip_prefix('[').and_then(|t| t.strip_suffix(']'));
    match inner {
        Some(inner) if !inner.is_empty() && !inner.contains(['[', ']']) => Ok(()),
        _ => Err(format!("placeholder {template:?} must be one pair of square brackets around text")),
    }
}

fn parse(text: &str, path: &str) -> Result<RulesFile, RulesError> {
    toml::from_str(text).map_err(|e| RulesError::Invalid { path: path.to_owned(), message: e.message().to_owned() })
}

impl RulesFile {
    /// Adds a deployment's rules to these: lists grow, named rules are replaced, settings
    /// given override.
    fn extend(&mut self, other: RulesFile) {
        let places = other.places;
        self.places.generalise_below = places.generalise_below.or(self.places.generalise_below);
        self.places.generalise_abroad_below = places.generalise_abroad_below.or(self.places.generalise_abroad_below);
        self.places.with_region = places.with_region.or(self.places.with_region.take());
        self.places.with_country = places.with_country.or(self.places.with_country.take());
        self.places.unknown = places.unknown.or(self.places.unknown.take());
        self.places.keep.extend(places.keep);
        for (category, given) in other.categories {
            let entry = self.categories.entry(category).or_default();
            entry.action = given.action.or(entry.action);
            entry.placeholder = given.placeholder.or(entry.placeholder.take());
        }
        self.public_figures.names.extend(other.public_figures.names);
        let cues = other.cues;
        self.cues.naming.extend(cues.naming);
        self.cues.naming_after.extend(cues.naming_after);
        self.cues.person.extend(cues.person);
        self.cues.not_names.extend(cues.not_names);
        self.cues.title.extend(cues.title);
        self.cues.place.extend(cues.place);
        self.cues.place_preposition.extend(cues.place_preposition);
        self.cues.birth.extend(cues.birth);
        self.cues.social.extend(cues.social);
        for rule in other.contexts {
            self.contexts.retain(|r| r.name != rule.name);
            self.contexts.push(rule);
        }
        for rule in other.patterns {
            self.patterns.retain(|r| r.name != rule.name);
            self.patterns.push(rule);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redaction::words::Words;

    #[test]
    fn the_defaults_compile() {
        let rules = Rules::defaults();
        assert!(rules.patterns.iter().any(|p| p.name == "address_fr"));
        assert_eq!(rules.placeholder(Category::Phone), "[phone]");
        assert_eq!(rules.action(Category::Place), Action::Generalise);
    }

    #[test]
    fn a_deployment_extends_and_overrides() {
        let rules = Rules::with_extension_text(
            r#"
            [places]
            generalise_below = 20000
            [categories.phone]
            action = "flag"
            [public_figures]
            names = ["Mayor Jane Doe"]
            [[pattern]]
            name = "local_permit"
            category = "id_number"
            regex = 'PERMIT-\d{4}'
            "#,
        )
        .unwrap();
        assert_eq!(rules.places.generalise_below, 20_000);
        assert_eq!(rules.action(Category::Phone), Action::Flag);
        let figures = |text: &str| rules.cues.scan(&Words::new(text)).at(0, cue::PUBLIC_FIGURE);
        assert_eq!(figures("Mayor Jane Doe"), Some(3));
        assert_eq!(figures("Angela Merkel"), Some(2));
        assert!(rules.patterns.iter().any(|p| p.name == "local_permit"));
    }

    #[test]
    fn bad_rules_say_what_is_wrong() {
        let error = Rules::with_extension_text("[[pattern]]\nname = \"x\"\ncategory = \"id_number\"\nregex = '('")
            .unwrap_err()
            .to_string();
        assert!(error.contains("pattern x"), "{error}");
        let error = Rules::with_extension_text("[categories.phone]\nplaceholder = \"PHONE\"").unwrap_err().to_string();
        assert!(error.contains("square brackets"), "{error}");
        let error = Rules::with_extension_text("[categories.telepathy]\naction = \"redact\"").unwrap_err().to_string();
        assert!(error.contains("telepathy"), "{error}");
    }
}
