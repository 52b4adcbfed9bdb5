//! The controlled vocabularies a story is described with: themes, countries and languages.
//! Themes describe journeys and contributions, never "deservingness" (do-no-harm rule 9).

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;
use utoipa::ToSchema;

/// A theme of the controlled vocabulary.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct Theme {
    pub slug: &'static str,
    pub label: &'static str,
    pub description: &'static str,
}

pub const THEMES: &[Theme] = &[
    Theme { slug: "journey", label: "The journey", description: "Leaving, crossing, arriving." },
    Theme { slug: "work", label: "Work and livelihood", description: "Jobs, trades, businesses, skills." },
    Theme {
        slug: "family",
        label: "Family",
        description: "Those who came, those who stayed, finding each other again.",
    },
    Theme { slug: "education", label: "Learning", description: "School, university, re-qualifying." },
    Theme { slug: "language", label: "Language", description: "Learning a new language, keeping one's own." },
    Theme { slug: "home", label: "Finding a home", description: "Housing, neighbourhoods, a place to belong." },
    Theme { slug: "community", label: "Community", description: "Neighbours, volunteers, friendships, faith groups." },
    Theme { slug: "health", label: "Health and care", description: "Caring for others, being cared for." },
    Theme { slug: "culture", label: "Food and culture", description: "Cooking, music, art, traditions carried along." },
    Theme {
        slug: "protection",
        label: "Seeking protection",
        description: "Asking for safety and the paperwork that follows.",
    },
    Theme {
        slug: "climate",
        label: "Climate and land",
        description: "Drought, floods, farms and the land left behind.",
    },
    Theme { slug: "return", label: "Ties to home", description: "Going back, sending home, staying in touch." },
];

pub fn theme(slug: &str) -> Option<&'static Theme> {
    THEMES.iter().find(|theme| theme.slug == slug)
}

/// A country of ISO 3166-1 with its English name.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
}

/// GeoNames' country list (CC BY 4.0), see `datasets/README.md`.
pub static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| {
    include_str!("../../datasets/countries.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .map(|(code, name)| Country { code, name })
        .collect()
});

/// Country names in the interface's other languages (Unicode CLDR), by code then language;
/// see `datasets/README.md`.
static COUNTRY_NAMES: LazyLock<HashMap<&'static str, HashMap<&'static str, &'static str>>> = LazyLock::new(|| {
    let text = include_str!("../../datasets/country_names.tsv");
    let header = text.lines().next().unwrap_or_default();
    let languages: Vec<&str> =
        header.split('\t').skip(1).map(|column| column.split_whitespace().next().unwrap_or_default()).collect();
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut columns = line.split('\t');
            let code = columns.next()?;
            let names = languages.iter().copied().zip(columns).filter(|(_, name)| !name.is_empty()).collect();
            Some((code, names))
        })
        .collect()
});

static COUNTRY_INDEX: LazyLock<HashMap<String, &'static Country>> = LazyLock::new(|| {
    let mut index = HashMap::new();
    for country in COUNTRIES.iter() {
        index.insert(country.code.to_owned(), country);
        index.insert(country.name.to_lowercase(), country);
        for name in COUNTRY_NAMES.get(country.code).into_iter().flat_map(HashMap::values) {
            index.entry(name.to_lowercase()).or_insert(country);
        }
    }
    index
});

/// Every name of every country: English and the interface's other languages.
pub fn all_country_names() -> impl Iterator<Item = &'static str> {
    COUNTRIES.iter().map(|c| c.name).chain(COUNTRY_NAMES.values().flat_map(|names| names.values().copied()))
}

/// A country's name in `language` (English when there is no translation).
pub fn country_name_in(code: &str, language: &str) -> Option<&'static str> {
    let country = country(code)?;
    let primary = primary_language(language);
    Some(COUNTRY_NAMES.get(country.code).and_then(|names| names.get(primary.as_str())).copied().unwrap_or(country.name))
}

/// Every country named in `language`, in that language's alphabetical order (by code point).
pub fn countries_in(language: &str) -> Vec<Country> {
    let mut countries: Vec<Country> = COUNTRIES
        .iter()
        .map(|c| Country { code: c.code, name: country_name_in(c.code, language).unwrap_or(c.name) })
        .collect();
    countries.sort_by_cached_key(|c| c.name.to_lowercase());
    countries
}

/// Finds a country by its alpha-2 code (any case) or its name in any interface language.
pub fn country(code_or_name: &str) -> Option<&'static Country> {
    let key = code_or_name.trim();
    COUNTRY_INDEX.get(&key.to_ascii_uppercase()).or_else(|| COUNTRY_INDEX.get(&key.to_lowercase())).copied()
}

pub fn country_name(code: &str) -> Option<&'static str> {
    country(code).map(|country| country.name)
}

/// A language offered on the submit form; any well-formed BCP 47 tag is accepted.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Language {
    pub code: &'static str,
    pub name: &'static str,
    pub rtl: bool,
}

pub const LANGUAGES: &[Language] = &[
    Language { code: "ar", name: "العربية (Arabic)", rtl: true },
    Language { code: "de", name: "Deutsch (German)", rtl: false },
    Language { code: "en", name: "English", rtl: false },
    Language { code: "es", name: "Español (Spanish)", rtl: false },
    Language { code: "fa", name: "فارسی (Persian)", rtl: true },
    Language { code: "fr", name: "Français (French)", rtl: false },
    Language { code: "it", name: "Italiano (Italian)", rtl: false },
    Language { code: "nl", name: "Nederlands (Dutch)", rtl: false },
    Language { code: "ps", name: "پښتو (Pashto)", rtl: true },
    Language { code: "pt", name: "Português (Portuguese)", rtl: false },
    Language { code: "ru", name: "Русский (Russian)", rtl: false },
    Language { code: "so", name: "Soomaali (Somali)", rtl: false },
    Language { code: "sw", name: "Kiswahili (Swahili)", rtl: false },
    Language { code: "ti", name: "ትግርኛ (Tigrinya)", rtl: false },
    Language { code: "tr", name: "Türkçe (Turkish)", rtl: false },
    Language { code: "uk", name: "Українська (Ukrainian)", rtl: false },
    Language { code: "ur", name: "اردو (Urdu)", rtl: true },
];

/// The primary subtag of a BCP 47 tag, lower-cased: `pt-BR` → `pt`.
pub fn primary_language(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase()
}

pub fn language(tag: &str) -> Option<&'static Language> {
    let primary = primary_language(tag);
    LANGUAGES.iter().find(|language| language.code == primary)
}

pub fn language_name(tag: &str) -> String {
    language(tag).map_or_else(|| tag.to_owned(), |language| language.name.to_owned())
}

/// Text direction of a language: `rtl` for Arabic-script and Hebrew languages.
pub fn direction(tag: &str) -> &'static str {
    let rtl = language(tag)
        .map(|language| language.rtl)
        .unwrap_or_else(|| matches!(primary_language(tag).as_str(), "he" | "yi" | "ckb" | "sd" | "ug" | "dv"));
    if rtl { "rtl" } else { "ltr" }
}

/// Checks a BCP 47 tag of the shape language[-Script][-REGION] (`ar`, `pt-BR`,
/// `sr-Latn-RS`, `es-419`) and returns it normalised. Variants and extensions are refused:
/// the tag is published with the story, so it must not be a channel for free text.
pub fn normalise_language_tag(tag: &str) -> Option<String> {
    let tag = tag.trim().replace('_', "-");
    let mut parts = tag.split('-').peekable();
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut normalised = primary.to_ascii_lowercase();
    if let Some(script) = parts.next_if(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic())) {
        let mut script = script.to_ascii_lowercase();
        script[..1].make_ascii_uppercase();
        normalised.push('-');
        normalised.push_str(&script);
    }
    if let Some(region) = parts.next_if(|p| {
        (p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
            || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
    }) {
        normalised.push('-');
        normalised.push_str(&region.to_ascii_uppercase());
    }
    parts.next().is_none().then_some(normalised)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_found_by_code_and_name() {
        assert!(COUNTRIES.len() > 240);
        assert_eq!(country("sy").map(|c| c.code), Some("SY"));
        assert_eq!(country(" Eritrea ").map(|c| c.code), Some("ER"));
        assert_eq!(country("سوريا").map(|c| c.code), Some("SY"), "a name typed in Arabic");
        assert_eq!(country_name_in("ER", "ar"), Some("إريتريا"));
        assert_eq!(country_name_in("ER", "uk-UA"), Some("Еритрея"));
        assert_eq!(country_name_in("ER", "ti"), Some("ኤርትራ"), "ready for a Tigrinya interface");
        assert_eq!(country_name_in("ER", "sw"), Some("Eritrea"), "English when there is no translation");
        assert_eq!(countries_in("fr").iter().find(|c| c.code == "DE").map(|c| c.name), Some("Allemagne"));
        assert!(country("ZZ").is_none());
    }

    #[test]
    fn language_tags_are_checked_and_normalised() {
        assert_eq!(normalise_language_tag("pt_br").as_deref(), Some("pt-BR"));
        assert_eq!(normalise_language_tag("sr-latn").as_deref(), Some("sr-Latn"));
        assert_eq!(normalise_language_tag("AR").as_deref(), Some("ar"));
        assert!(normalise_language_tag("arabic").is_none());
        assert!(normalise_language_tag("e").is_none());
        assert!(normalise_language_tag("en-").is_none());
        assert!(normalise_language_tag("en-karim-haddad-01512345").is_none());
        assert_eq!(normalise_language_tag("es-419").as_deref(), Some("es-419"));
        assert_eq!(normalise_language_tag("sr-latn-rs").as_deref(), Some("sr-Latn-RS"));
        assert_eq!(direction("fa"), "rtl");
        assert_eq!(direction("uk"), "ltr");
    }
}
