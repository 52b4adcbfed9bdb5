//! The datasets the engine ships with (see `datasets/README.md`): given names and surnames in
//! many scripts, and a gazetteer of populated places with their populations and regions.
//! Read once, on first use, from text compiled into the binary.

use std::sync::LazyLock;

use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHashSet};

use super::words::phrase_key;

const NAMES: &str = include_str!("../../datasets/names.tsv");
const NAMES_EXTRA: &str = include_str!("../../datasets/names_extra.tsv");
const PLACES: &str = include_str!("../../datasets/places.tsv");
/// Towns and camps of Eritrea, Tigray and eastern Sudan that GeoNames lacks, or lacks in
/// Ge'ez script: the same columns.
const PLACES_EXTRA: &str = include_str!("../../datasets/places_extra.tsv");
/// `language`, `word`, `per_million`: the frequent words of each language, most frequent first.
pub(crate) const COMMON_WORDS: &str = include_str!("../../datasets/common_words.tsv");

/// The languages whose frequent words the engine knows; a name may also be an ordinary word
/// in them (the `common_in` column of the name lists).
const LANGUAGES: [&str; 11] = ["en", "es", "fr", "de", "pt", "it", "tr", "ar", "fa", "uk", "ru"];

/// The index in `LANGUAGES` of a BCP 47 tag's primary language.
fn language_index(tag: &str) -> Option<usize> {
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    LANGUAGES.iter().position(|l| *l == primary)
}

#[derive(Debug, Default, Clone, Copy)]
pub(super) struct NameInfo {
    pub given: bool,
    pub surname: bool,
    /// Bit `i` set: an ordinary word in `LANGUAGES[i]`.
    common: u16,
}

impl NameInfo {
    /// Whether the name is also an ordinary word of `language` (or too short to tell).
    pub fn is_common_in(&self, language: &str) -> bool {
        language_index(language).is_some_and(|i| self.common & (1 << i) != 0)
    }
}

/// One place of the gazetteer.
#[derive(Debug, Clone)]
pub(super) struct Place {
    pub population: u64,
    pub country: Box<str>,
    pub region: Box<str>,
    /// Named as its region ("Kherson" in Kherson Oblast, "Daraa" in Daraa Governorate): the
    /// region's seat, a public place whatever population the gazetteer gives it (GeoNames
    /// lists Kherson with 66,000 people).
    pub seat: bool,
}

impl Place {
    /// Whether the place lies in one of `countries` (ISO 3166-1 alpha-2 codes).
    pub fn is_in(&self, countries: &[&str]) -> bool {
        countries.iter().any(|c| c.eq_ignore_ascii_case(&self.country))
    }
}

/// A rank in `Word::ranks` for a word that is not among a language's frequent words.
const UNRANKED: u16 = u16::MAX;

/// What the datasets say about one folded word (or phrase, for regions): one lookup answers
/// every question the engine asks of a word of a story.
#[derive(Debug, Clone)]
struct Word {
    name: Option<NameInfo>,
    /// Its frequency rank among the words of each of `LANGUAGES` (0 = the most frequent).
    ranks: [u16; LANGUAGES.len()],
    /// The most words of a place name that begins with it (0: none does).
    place_words: u8,
    /// It names a first-level region ("Kassala", "Chocó"): it stays, like a country.
    region: bool,
}

impl Default for Word {
    fn default() -> Self {
        Word { name: None, ranks: [UNRANKED; LANGUAGES.len()], place_words: 0, region: false }
    }
}

pub(super) struct Lexicon {
    words: FxHashMap<CompactString, Word>,
    /// Places by folded name, the most populous first (at most a few per name).
    places: FxHashMap<CompactString, Vec<Place>>,
    /// Which of `LANGUAGES` have a list of frequent words.
    ranked: [bool; LANGUAGES.len()],
}

/// Places kept per name: enough to find the one in the story's countries.
const PLACES_PER_NAME: usize = 6;

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    fn load() -> Lexicon {
        let mut words: FxHashMap<CompactString, Word> = FxHashMap::default();
        for line in NAMES.lines().chain(NAMES_EXTRA.lines()).skip_while(|l| l.starts_with("name\t")) {
            let mut fields = line.split('\t');
            let (Some(name), Some(kind)) = (fields.next(), fields.next()) else { continue };
            if name == "name" {
                continue;
            }
            let common = fields.next().unwrap_or_default();
            let mask = common.split(',').filter_map(language_index).fold(0u16, |mask, i| mask | 1 << i);
            // A name of several words ("Abdul Rahman") is known by each of its words.
            for word in phrase_key(name).split(' ').filter(|w| w.chars().count() >= 2) {
                let info = words.entry(word.into()).or_default().name.get_or_insert_default();
                info.given |= kind == "given";
                info.surname |= kind == "surname";
                if word.chars().count() <= 2 {
                    info.common = u16::MAX;
                } else {
                    info.common |= mask;
                }
            }
        }
        let mut places: FxHashMap<CompactString, Vec<Place>> = FxHashMap::default();
        // The gazetteer lists each region many times in a row.
        let mut last_region = "";
        let mut seats: FxHashSet<(&str, &str, u64)> = FxHashSet::default();
        for line in PLACES.lines().skip(1).chain(PLACES_EXTRA.lines().skip(1)) {
            let mut fields = line.split('\t');
            let (Some(name), Some(country), Some(population)) = (fields.next(), fields.next(), fields.next()) else {
                continue;
            };
            let region = fields.next().unwrap_or_default();
            if !region.is_empty() && region != last_region {
                words.entry(phrase_key(region).into()).or_default().region = true;
                last_region = region;
            }
            let key = phrase_key(name);
            if key.chars().count() < 3 {
                continue;
            }
            let first = key.split(' ').next().unwrap_or_default();
            let count = key.split(' ').count().min(6) as u8;
            let longest = &mut words.entry(first.into()).or_default().place_words;
            *longest = (*longest).max(count);
            let population = population.parse().unwrap_or(0);
            if !region.is_empty() && key == phrase_key(region) {
                seats.insert((country, region, population));
            }
            let place = Place { population, country: country.into(), region: region.into(), seat: false };
            let entry = places.entry(key.into()).or_default();
            if !entry.iter().any(|p| p.country == place.country && p.region == place.region) {
                entry.push(place);
                entry.sort_by_key(|p| std::cmp::Reverse(p.population));
                entry.truncate(PLACES_PER_NAME);
            }
        }
        // Every name of a seat (its rows share country, region and population) marks it.
        for place in places.values_mut().flatten() {
            place.seat = seats.contains(&(&*place.country, &*place.region, place.population));
        }
        let mut ranked = [false; LANGUAGES.len()];
        let mut next_rank = [0u16; LANGUAGES.len()];
        for line in COMMON_WORDS.lines().skip(1) {
            let mut fields = line.split('\t');
            let (Some(language), Some(word)) = (fields.next(), fields.next()) else { continue };
            let Some(l) = language_index(language) else { continue };
            ranked[l] = true;
            let rank = &mut words.entry(phrase_key(word).into()).or_default().ranks[l];
            if *rank == UNRANKED {
                *rank = next_rank[l];
                next_rank[l] = (next_rank[l] + 1).min(UNRANKED - 1);
            }
        }
        Lexicon { words, places, ranked }
    }

    fn word(&self, key: &str) -> Option<&Word> {
        self.words.get(key)
    }

    /// The frequency rank of `key` (folded) among the words of `language` (0 = the most
    /// frequent), if it is among the frequent ones.
    pub fn rank(&self, language: &str, key: &str) -> Option<u32> {
        let rank = self.word(key)?.ranks[language_index(language)?];
        (rank != UNRANKED).then_some(rank as u32)
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
        let ranks = &self.word(key)?.ranks;
        std::iter::once(language)
            .chain(by_script.iter().copied())
            .filter_map(language_index)
            .map(|l| ranks[l])
            .filter(|r| *r != UNRANKED)
            .min()
            .map(u32::from)
    }

    /// Whether `key` (folded) is one of the frequent words of `language`.
    pub fn is_common_word(&self, language: &str, key: &str) -> bool {
        self.rank(language, key).is_some()
    }

    /// Whether `key` (a folded phrase) names a first-level region.
    pub fn is_region(&self, key: &str) -> bool {
        self.word(key).is_some_and(|w| w.region)
    }

    /// Whether the engine has a list of frequent words for `language`.
    pub fn knows_common_words(&self, language: &str) -> bool {
        language_index(language).is_some_and(|l| self.ranked[l])
    }

    pub fn name(&self, key: &str) -> Option<NameInfo> {
        self.word(key)?.name
    }

    /// The places named `key`: the most populous one in the story's countries, else the most
    /// populous of all. Also says whether a big place shares the name.
    pub fn place(&self, key: &str, countries: &[&str]) -> Option<&Place> {
        let candidates = self.places.get(key)?;
        candidates.iter().find(|p| p.is_in(countries)).or(candidates.first())
    }

    /// The most words a place name beginning with `first` has.
    pub fn place_words(&self, first: &str) -> usize {
        self.word(first).map_or(0, |w| w.place_words as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_named_as_its_region_is_its_seat_in_every_script() {
        let lexicon = &*LEXICON;
        for name in ["kherson", "херсон"] {
            let place = lexicon.place(name, &["UA"]).unwrap();
            assert!(place.seat && place.population < 100_000, "{name}: {place:?}");
        }
        assert!(!lexicon.place("kutum", &["SD"]).unwrap().seat);
    }

    #[test]
    fn the_datasets_load() {
        let lexicon = &*LEXICON;
        assert!(lexicon.name("mohammed").is_some_and(|n| n.given));
        assert!(lexicon.name("олена").is_some());
        assert!(lexicon.place("damascus", &[]).is_some_and(|p| p.population > 1_000_000));
        assert!(lexicon.places.len() > 50_000, "{}", lexicon.places.len());
        assert!(lexicon.is_region("kassala"));
        assert_eq!(lexicon.rank("en", "the"), Some(0));
        assert!(lexicon.rank_for("en", "في").is_some_and(|r| r < 10), "an Arabic word in a story filed as English");
    }
}
