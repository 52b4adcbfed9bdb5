//! The datasets the engine ships with (see `datasets/README.md`): given names and surnames in
//! many scripts, and a gazetteer of populated places with their populations and regions.
//! Read once, on first use, from text compiled into the binary.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::words::phrase_key;

const NAMES: &str = include_str!("../../datasets/names.tsv");
const NAMES_EXTRA: &str = include_str!("../../datasets/names_extra.tsv");
const PLACES: &str = include_str!("../../datasets/places.tsv");
const COMMON_WORDS: &str = include_str!("../../datasets/common_words.tsv");

/// Languages a name may also be an ordinary word in (the `common_in` column).
const COMMON_LANGUAGES: [&str; 11] = ["en", "es", "fr", "de", "pt", "it", "tr", "ar", "fa", "uk", "ru"];

#[derive(Debug, Default, Clone, Copy)]
pub(super) struct NameInfo {
    pub given: bool,
    pub surname: bool,
    /// Bit `i` set: an ordinary word in `COMMON_LANGUAGES[i]`.
    common: u16,
}

impl NameInfo {
    /// Whether the name is also an ordinary word of `language` (or too short to tell).
    pub fn is_common_in(&self, language: &str) -> bool {
        let primary = language.split(['-', '_']).next().unwrap_or_default();
        COMMON_LANGUAGES.iter().position(|l| *l == primary).is_some_and(|i| self.common & (1 << i) != 0)
    }
}

/// One place of the gazetteer.
#[derive(Debug, Clone)]
pub(super) struct Place {
    pub population: u64,
    pub country: Box<str>,
    pub region: Box<str>,
}

pub(super) struct Lexicon {
    names: FxHashMap<Box<str>, NameInfo>,
    /// Places by folded name, the most populous first (at most a few per name).
    places: FxHashMap<Box<str>, Vec<Place>>,
    /// For each first word of a place name, the most words such a name has.
    place_words: FxHashMap<Box<str>, u8>,
    /// Frequent words by language, with their rank (0 = the most frequent).
    common_words: FxHashMap<&'static str, FxHashMap<Box<str>, u32>>,
    /// Names of first-level regions ("Kassala", "Chocó"): they stay, like countries.
    regions: FxHashSet<Box<str>>,
}

/// Places kept per name: enough to find the one in the story's countries.
const PLACES_PER_NAME: usize = 6;

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    fn load() -> Lexicon {
        let mut names: FxHashMap<Box<str>, NameInfo> = FxHashMap::default();
        for line in NAMES.lines().chain(NAMES_EXTRA.lines()).skip_while(|l| l.starts_with("name\t")) {
            let mut fields = line.split('\t');
            let (Some(name), Some(kind)) = (fields.next(), fields.next()) else { continue };
            if name == "name" {
                continue;
            }
            let common = fields.next().unwrap_or_default();
            let mut mask = 0u16;
            for language in common.split(',').filter(|l| !l.is_empty()) {
                if let Some(i) = COMMON_LANGUAGES.iter().position(|l| *l == language) {
                    mask |= 1 << i;
                }
            }
            // A name of several words ("Abdul Rahman") is known by each of its words.
            for word in phrase_key(name).split(' ').filter(|w| w.chars().count() >= 2) {
                let info = names.entry(word.into()).or_default();
                info.given |= kind == "given";
                info.surname |= kind == "surname";
                if word.chars().count() <= 2 {
                    info.common = u16::MAX;
                } else {
                    info.common |= mask;
                }
            }
        }
        let mut places: FxHashMap<Box<str>, Vec<Place>> = FxHashMap::default();
        let mut place_words: FxHashMap<Box<str>, u8> = FxHashMap::default();
        let mut regions: FxHashSet<Box<str>> = FxHashSet::default();
        for line in PLACES.lines().skip(1) {
            let mut fields = line.split('\t');
            let (Some(name), Some(country), Some(population)) = (fields.next(), fields.next(), fields.next()) else {
                continue;
            };
            let region = fields.next().unwrap_or_default();
            if !region.is_empty() && !regions.contains(region) {
                regions.insert(phrase_key(region).into());
            }
            let key = phrase_key(name);
            if key.chars().count() < 3 {
                continue;
            }
            let first = key.split(' ').next().unwrap_or_default();
            let count = key.split(' ').count().min(6) as u8;
            let longest = place_words.entry(first.into()).or_insert(0);
            *longest = (*longest).max(count);
            let place =
                Place { population: population.parse().unwrap_or(0), country: country.into(), region: region.into() };
            let entry = places.entry(key.into()).or_default();
            if !entry.iter().any(|p| p.country == place.country && p.region == place.region) {
                entry.push(place);
                entry.sort_by_key(|p| std::cmp::Reverse(p.population));
                entry.truncate(PLACES_PER_NAME);
            }
        }
        let mut common_words: FxHashMap<&'static str, FxHashMap<Box<str>, u32>> = FxHashMap::default();
        for line in COMMON_WORDS.lines().skip(1) {
            if let Some((language, word)) = line.split_once('\t') {
                let words = common_words.entry(language).or_default();
                let rank = words.len() as u32;
                words.entry(phrase_key(word).into()).or_insert(rank);
            }
        }
        Lexicon { names, places, place_words, common_words, regions }
    }

    /// The frequency rank of `key` (folded) among the words of `language` (0 = the most
    /// frequent), if it is among the frequent ones.
    pub fn rank(&self, language: &str, key: &str) -> Option<u32> {
        let primary = language.split(['-', '_']).next().unwrap_or_default();
        self.common_words.get(primary)?.get(key).copied()
    }

    /// The frequency rank of `key` among the words of the story's `language`, or of the
    /// languages written in its script (a Persian word in a story filed as English is still
    /// an ordinary Persian word).
    pub fn rank_for(&self, language: &str, key: &str) -> Option<u32> {
        let by_script: &[&str] = match key.chars().next() {
            Some('\u{0600}'..='\u{06FF}') => &["ar", "fa"],
            Some('\u{0400}'..='\u{04FF}') => &["uk", "ru"],
            _ => &[],
        };
        std::iter::once(language).chain(by_script.iter().copied()).filter_map(|l| self.rank(l, key)).min()
    }

    /// Whether `key` (folded) is one of the frequent words of `language`.
    pub fn is_common_word(&self, language: &str, key: &str) -> bool {
        self.rank(language, key).is_some()
    }

    /// Whether `key` (a folded phrase) names a first-level region.
    pub fn is_region(&self, key: &str) -> bool {
        self.regions.contains(key)
    }

    /// Whether the engine has a list of frequent words for `language`.
    pub fn knows_common_words(&self, language: &str) -> bool {
        let primary = language.split(['-', '_']).next().unwrap_or_default();
        self.common_words.contains_key(primary)
    }

    pub fn name(&self, key: &str) -> Option<NameInfo> {
        self.names.get(key).copied()
    }

    /// The places named `key`: the most populous one in the story's countries, else the most
    /// populous of all. Also says whether a big place shares the name.
    pub fn place(&self, key: &str, countries: &[&str]) -> Option<&Place> {
        let candidates = self.places.get(key)?;
        candidates.iter().find(|p| countries.iter().any(|c| c.eq_ignore_ascii_case(&p.country))).or(candidates.first())
    }

    /// The most words a place name beginning with `first` has.
    pub fn place_words(&self, first: &str) -> usize {
        self.place_words.get(first).copied().unwrap_or(0) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_datasets_load() {
        let lexicon = &*LEXICON;
        assert!(lexicon.name("mohammed").is_some_and(|n| n.given));
        assert!(lexicon.name("олена").is_some());
        assert!(lexicon.place("damascus", &[]).is_some_and(|p| p.population > 1_000_000));
        assert!(lexicon.places.len() > 50_000, "{}", lexicon.places.len());
    }
}
