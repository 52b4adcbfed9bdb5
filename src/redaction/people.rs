//! Names of private people and small places, found word by word: by cue words ("my brother
//! Yonas", "a village called Adi Keyh"), by the name lists and by the gazetteer. Public
//! figures named in the rules, countries and big cities stay.

use rustc_hash::FxHashSet;

use super::Candidates;
use super::lexicon::{LEXICON, NameInfo, Place};
use super::normalise::{ALPHABETIC, char_flags, fold_term};
use super::rules::{Rules, cue};
use super::words::{Case, Matches, Words};
use super::{Action, Category, Context, Span};
use crate::story::vocabulary;

/// What the words around word `i` say about it.
#[derive(Debug, Default, Clone, Copy)]
struct Cues {
    after_naming: bool,
    /// A naming word follows: "ሮዛ ዝበሃላ" ("called Roza", the verb last).
    before_naming: bool,
    after_person_cue: bool,
    after_title: bool,
    after_place_cue: bool,
    after_preposition: bool,
}

/// Words that join the parts of one name ("Ahmed al Haddad", "María de los Ángeles").
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ben", "ibn", "bint", "abu", "abd", "de", "del", "la", "los", "van", "von", "da", "dos", "das",
    "di", "wad", "ould", "ال", "بن", "بنت", "ابو", "ابن", "عبد",
];

/// Words that begin a place name in the Horn of Africa and the Levant: "ዓዲ ቐይሕ" (Adi Keyh),
/// "كفر نبل". The word is part of the name it begins.
const PLACE_PREFIXES: &[&str] = &[
    "ዓዲ", "ዓድ", "ማይ", "adi", "mai", "deir", "kafr", "beit", "tell", "qala", "دير", "كفر", "بيت", "تل", "عين", "ain",
    "برج", "مخيم", "قلعه", "قلعة",
];

/// Tigrinya and Amharic "is", "are", "is called": the words that close a name after a cue.
const COPULAS: &[&str] = &["እዩ", "እያ", "ኢዩ", "ኢያ", "እዮም", "እየን", "ነው", "ናት", "ይበሃል", "ትበሃል"];

/// Arabic letters written onto the next word: "and", "in", "to", "so", "like", "the".
const ARABIC_PREFIXES: &[&str] = &["وال", "بال", "لل", "فال", "كال", "ال", "و", "ب", "ل", "ف", "ك"];

/// The name-list entry of word `key`, looking through Arabic prefixes and Slavic case endings.
fn name_of(key: &str) -> Option<NameInfo> {
    if let Some(info) = LEXICON.name(key) {
        return Some(info);
    }
    let first = key.chars().next()?;
    // A prefixed form that is itself an ordinary word ("الأكبر", the eldest) is that word,
    // not a name behind a prefix ("أكبر").
    if ('\u{0600}'..='\u{06FF}').contains(&first) && LEXICON.rank_for("ar", key).is_none() {
        return ARABIC_PREFIXES
            .iter()
            .filter_map(|prefix| key.strip_prefix(prefix))
            .filter(|rest| rest.chars().count() >= 3)
            .find_map(|rest| LEXICON.name(rest));
    }
    if ('\u{0400}'..='\u{04FF}').contains(&first) {
        return find_slavic_stem(key, |stem| LEXICON.name(stem));
    }
    if is_ethiopic(first) {
        // "ሩታን ኣቤልን", "Ruta and Abel": "and" is written onto each name.
        return key.strip_suffix('ን').filter(|rest| rest.chars().count() >= 2).and_then(|rest| LEXICON.name(rest));
    }
    None
}

fn is_cyrillic_word(key: &str) -> bool {
    key.starts_with(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

fn is_ethiopic(c: char) -> bool {
    ('\u{1200}'..='\u{139F}').contains(&c) || ('\u{2D80}'..='\u{2DDF}').contains(&c)
}

/// Whether word `i` could be (part of) a name: letters only, and not a short acronym.
fn is_name_word(words: &Words, i: usize) -> bool {
    let key = words.key(i);
    let letters_only = key.chars().all(|c| c == '\'' || char_flags(c) & ALPHABETIC != 0);
    letters_only && !(words.tokens[i].all_caps && key.chars().count() <= 5)
}

/// A code of a few capitals followed by a number ("PK-18", "KM 5"), as places in some cities
/// are named.
fn is_place_code(words: &Words, i: usize) -> bool {
    let letters = words.key(i).chars().count();
    words.tokens[i].all_caps
        && (1..=4).contains(&letters)
        && words.key(i).chars().all(|c| c.is_alphabetic())
        && i + 1 < words.len()
        && words.tokens[i + 1].joined
        && words.key(i + 1).bytes().all(|b| b.is_ascii_digit())
}

fn is_ethiopic_word(key: &str) -> bool {
    key.chars().next().is_some_and(is_ethiopic)
}

fn is_arabic_script(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c)
}

/// Whether an Arabic word has the shape of a verb rather than a name: a derived form
/// ("اشتغل", "استقر", "انتقل"), a pronoun written onto it ("ساعدتنا", "تعلمني"), or a present
/// tense prefix on a frequent word ("يسكن" on "سكن"). Names on the lists are looked up first.
fn looks_like_arabic_verb(key: &str) -> bool {
    let letters: Vec<char> = key.chars().collect();
    if letters.len() < 4 || !letters.iter().all(|&c| is_arabic_script(c)) {
        return false;
    }
    let derived = key.starts_with("است") || (letters[0] == 'ا' && (letters[2] == 'ت' || letters[1] == 'ن'));
    let object = ["تني", "تنا", "تها", "ته", "وني", "ونا", "وا", "تم"].iter().any(|end| key.ends_with(end));
    let present = matches!(letters[0], 'ي' | 'ت' | 'ن')
        && (key.ends_with("ني") || key.ends_with("نا") || key.ends_with("ون") || {
            let rest: String = letters[1..].iter().collect();
            LEXICON.rank_for("ar", &rest).is_some_and(|r| r < EVERYDAY_WORDS)
        });
    derived || object || present
}

/// Whether a word without capitals looks like a family name after a given name: an Arabic
/// "al-" name of origin ("الحلبي") or a Persian surname ("رضایی", "یعقوبی", "حسین‌زاده").
fn looks_like_surname(key: &str) -> bool {
    let letters = key.chars().count();
    let arabic_nisba = key.starts_with("ال") && (key.ends_with('ي') || key.ends_with('ی')) && letters >= 5;
    let persian =
        ["زاده", "پور", "نیا", "نيا", "یی", "يي", "ی", "ي"].iter().any(|end| key.ends_with(end)) && letters >= 5;
    arabic_nisba || (persian && !key.starts_with("ال"))
}

/// The first of the nominative forms a declined Ukrainian or Russian name may come from
/// ("Олену" → "Олена", "Ахмеда" → "Ахмед", "Коваля" → "Коваль") for which `found` finds
/// something. The forms are written into one buffer: most words have none to find.
fn find_slavic_stem<T>(key: &str, mut found: impl FnMut(&str) -> Option<T>) -> Option<T> {
    // Folded forms, as words are folded: "й" is "и", "ї" is "і".
    const ENDINGS: &[&str] = &[
        "ові", "еві", "ою", "ею", "ом", "ем", "ои", "еи", "іи", "оі", "ии", "у", "ю", "а", "я", "і", "е", "и", "ы",
        "ів", "ов", "ах", "ях",
    ];
    const NOMINATIVE: &[&str] = &["", "а", "я", "и", "ь", "о"];
    // Before -і a Ukrainian stem changes its last consonant: "Каховці" is "Каховка",
    // "Гамбурзі" is "Гамбург".
    const ALTERNATIONS: &[(&str, &str)] = &[("ц", "к"), ("з", "г"), ("с", "х")];
    // A Ukrainian "і" in the last, closed syllable is "о" or "е" once an ending opens it:
    // "Харкова" is "Харків", "Миколаєва" is "Миколаїв" (folded "миколаів").
    const OPENED: &[(&str, &str)] = &[("ов", "ів"), ("ев", "ів"), ("єв", "ів"), ("ог", "іг"), ("ор", "ір")];
    let mut form = String::with_capacity(key.len() + 4);
    let mut try_form = |stem: &str, ending: &str| {
        form.clear();
        form.push_str(stem);
        form.push_str(ending);
        found(&form)
    };
    for ending in ENDINGS {
        let Some(stem) = key.strip_suffix(ending).filter(|s| s.chars().count() >= 2) else { continue };
        for nominative in NOMINATIVE {
            if let Some(result) = try_form(stem, nominative) {
                return Some(result);
            }
        }
        for (now, was) in ALTERNATIONS {
            let Some(base) = stem.strip_suffix(now) else { continue };
            for nominative in ["а", ""] {
                if let Some(result) = try_form(base, &format!("{was}{nominative}")) {
                    return Some(result);
                }
            }
        }
        for (now, was) in OPENED {
            if let Some(result) = stem.strip_suffix(now).and_then(|base| try_form(base, was)) {
                return Some(result);
            }
        }
    }
    None
}

/// Every nominative form a declined Ukrainian or Russian word may come from.
fn slavic_stems(key: &str) -> Vec<String> {
    let mut stems = Vec::new();
    find_slavic_stem(key, |form| {
        stems.push(form.to_owned());
        None::<()>
    });
    stems
}

/// The gazetteer entry of the place name at word `i` (the longest), with its word count.
fn place_at(words: &Words, i: usize, countries: &[&str]) -> Option<(usize, &'static Place)> {
    let key = words.key(i);
    for n in (2..=LEXICON.place_words(key)).rev() {
        if let Some(place) = words.phrase(i, i + n).and_then(|phrase| LEXICON.place(phrase, countries)) {
            return Some((n, place));
        }
    }
    if let Some(place) = LEXICON.place(key, countries) {
        return Some((1, place));
    }
    let first = key.chars().next()?;
    let place = if is_arabic_script(first) {
        ARABIC_PREFIXES
            .iter()
            .filter_map(|prefix| key.strip_prefix(prefix))
            .filter(|rest| rest.chars().count() >= 3)
            .find_map(|rest| LEXICON.place(rest, countries))
    } else if ('\u{0400}'..='\u{04FF}').contains(&first) {
        // "в Новій Каховці", "з Гостомеля": the place in another case, in one word or two.
        if let Some(place) = declined_pair(words, i, countries) {
            return Some((2, place));
        }
        // A name as it stands ("Катя") is not read as another word's case ("Кати", a town).
        if LEXICON.name(key).is_some() {
            return None;
        }
        // Of the places the word may be a form of, the biggest: "Харкові" is Kharkiv, not a
        // village called Харка.
        slavic_stems(key).iter().filter_map(|stem| LEXICON.place(stem, countries)).max_by_key(|p| p.population)
    } else {
        None
    };
    place.map(|place| (1, place))
}

/// A two-word place declined in both words ("Новій Каховці" → "Нова Каховка").
fn declined_pair(words: &Words, i: usize, countries: &[&str]) -> Option<&'static Place> {
    let second = words.phrase(i, i + 2)?.split(' ').nth(1)?;
    if words.tokens[i + 1].case != Case::Upper {
        return None;
    }
    let firsts: Vec<String> = std::iter::once(words.key(i).to_owned()).chain(slavic_stems(words.key(i))).collect();
    let seconds: Vec<String> = std::iter::once(second.to_owned()).chain(slavic_stems(second)).collect();
    firsts.iter().find_map(|a| seconds.iter().find_map(|b| LEXICON.place(&format!("{a} {b}"), countries)))
}

/// Frequency ranks, in scripts without capitals: a word more frequent than `FUNCTION_WORDS`
/// ("في", "که") is never a name; one more frequent than `EVERYDAY_WORDS` ("تقول", "صغيرة") is
/// not taken for an unknown name or place after a cue.
const FUNCTION_WORDS: u32 = 150;
const EVERYDAY_WORDS: u32 = 5000;
/// Without capitals, a word on the name lists that is among this many of the language's
/// commonest words is read as the word ("خير", good; "الشمس", the sun), not the name.
const ORDINARY_NAMES: u32 = 1000;

/// Finds people and places in `text`.
pub(super) fn people_and_places(
    text: &str,
    words: &Words,
    found: &Matches,
    context: &Context<'_>,
    out: &mut Candidates,
) {
    let rules = context.rules;
    let language = context.language;
    let count = words.len();
    let (cues, public) = read_cues(words, found);
    let first_found = out.len();
    let case = |i: usize| words.tokens[i].case;
    let rank = |i: usize| LEXICON.rank_for(language, words.key(i));
    let everyday = |i: usize| rank(i).is_some_and(|r| r < EVERYDAY_WORDS);
    let function_word = |i: usize| rank(i).is_some_and(|r| r < FUNCTION_WORDS);
    let followed_by_comma = |i: usize| text[words.tokens[i].end..].starts_with([',', '،', '፣']);
    let mut i = 0;
    while i < count {
        let key = words.key(i);
        // "le quartier de PK-18", "the neighbourhood of KM 5": after a place cue, a code in capitals
        // and its number name the place.
        if cues[i].after_place_cue && is_place_code(words, i) {
            push_place(words, i, i + 2, None, false, rules, out);
            i += 2;
            continue;
        }
        if public[i] || case(i) == Case::Lower || !is_name_word(words, i) {
            i += 1;
            continue;
        }
        let cue = cues[i];
        let caseless = case(i) == Case::None;
        let name = name_of(key);
        // Words the rules say are never names ("Friday", "ሕጂ") are not, even after a cue.
        let not_name = found.at(i, cue::NOT_NAME).is_some();
        // "named Saba", "اسمها سلمى", "ሮዛ ዝበሃላ": a name, unless a very common word.
        if (cue.after_naming || cue.before_naming) && !not_name && !(caseless && function_word(i)) {
            let end = if cue.before_naming {
                i + 1
            } else if is_ethiopic_word(key) && i + 2 < count && COPULAS.contains(&words.key(i + 2)) {
                // "ስማ ቤተልሄም ኣለሙ እዩ": given name and father's name, then "is".
                i + 2
            } else {
                name_end(words, i, caseless, language, &public)
            };
            push_person(words, i, end, "person_after_cue", out);
            i = end;
            continue;
        }
        // "my brother Yonas", "Mr Haddad", "ابن خالتي رامي": capitalised, a known name, or an
        // unusual word that is not a verb ("أبي اشتغل", my father worked).
        let unusual = || rank(i).is_none() && !looks_like_arabic_verb(key);
        if (cue.after_person_cue || cue.after_title) && !not_name && (!caseless || name.is_some() || unusual()) {
            let end = name_end(words, i, caseless, language, &public);
            push_person(words, i, end, "person_after_cue", out);
            i = end;
            continue;
        }
        // Without capitals, the language's commonest words ("في", "که") are never a name or
        // a place by themselves, and are most of its words: nothing more to look up. Nor is
        // a cue word itself ("صديقي", my friend, though Sadiqi is also a family name).
        if (caseless && function_word(i)) || found.at(i, cue::PERSON).is_some() {
            i += 1;
            continue;
        }
        // Regions, places everyone passes through, and capitalised words that are not names
        // stay.
        let known = found.at(i, cue::KEPT_PLACE).or_else(|| found.at(i, cue::NOT_NAME));
        if let Some(n) = known.or_else(|| LEXICON.is_region(key).then_some(1)) {
            i += n;
            continue;
        }
        // So does a country in another case: "в Германии", "до Швеції" (before the name lists:
        // "Германии" is not the name "Герман").
        if is_cyrillic_word(key)
            && find_slavic_stem(key, |stem| rules.cues.holds(stem, cue::COUNTRY).then_some(())).is_some()
        {
            i += 1;
            continue;
        }
        let place = place_at(words, i, context.countries);
        // A place outside every country of the story may be another of the same name: it
        // stays only if it is a very big city, and is generalised without its region.
        let abroad = place.is_some_and(|(_, p)| !context.countries.is_empty() && !p.is_in(context.countries));
        let below = if abroad { rules.places.generalise_abroad_below } else { rules.places.generalise_below };
        // A region's seat at home stays whatever its size (abroad, it may be a namesake).
        let small = place.is_some_and(|(_, p)| (abroad || !p.seat) && p.population < below);
        let big = place.is_some() && !small;
        // "a village called Adi Keyh", "قرية X", "село X": a place, known or not.
        if cue.after_place_cue {
            match place {
                Some((n, place)) if small => push_place(words, i, i + n, Some(place), abroad, rules, out),
                Some(_) => {}
                None if !caseless || !everyday(i) => {
                    let end = name_end(words, i, caseless, language, &public);
                    push_place(words, i, end, None, false, rules, out);
                    i = end;
                    continue;
                }
                None => {}
            }
            i += place.map_or(1, |(n, _)| n);
            continue;
        }
        // "ዓዲ ቐይሕ", "Kafr Nabl": the first word says the name is a place's.
        if PLACE_PREFIXES.contains(&key)
            && i + 1 < count
            && words.tokens[i + 1].joined
            && case(i + 1) != Case::Lower
            && cue.after_preposition
        {
            push_place(words, i, i + 2, place.filter(|_| small).map(|(_, p)| p), abroad, rules, out);
            i += 2;
            continue;
        }
        // Known places: a small one after a preposition is generalised ("from Kutum"); a big
        // city stays, whatever else its name could be.
        if let Some((n, place)) = place {
            if big {
                i += n;
                continue;
            }
            if cue.after_preposition && name.is_none_or(|n| !n.given) && !(caseless && everyday(i)) {
                push_place(words, i, i + n, Some(place), abroad, rules, out);
                i += n;
                continue;
            }
            // Elsewhere, a city abroad stays as a big one does ("Nueva York").
            if abroad && place.population >= rules.places.generalise_below {
                i += n;
                continue;
            }
        }
        let sentence_start = words.tokens[i].sentence_start;
        // People on the name lists.
        if let Some(info) = name {
            let end = name_end(words, i, caseless, language, &public);
            let several = (i + 1..end).any(|k| name_of(words.key(k)).is_some() || looks_like_surname(words.key(k)))
                || (end - i >= 2 && !caseless);
            let common = info.is_common_in(language) || !info.given;
            let accept = if several {
                true
            } else if caseless {
                // Without capitals, only a name that is not also an ordinary word.
                !common && rank(i).is_none_or(|r| r >= ORDINARY_NAMES)
            } else if sentence_start {
                // A capital at the start of a sentence says nothing, unless a comma follows
                // ("Тарас, мій колега, …").
                (!common && rank(i).is_none()) || followed_by_comma(i)
            } else {
                // A capital in mid-sentence: a name, unless German capitalises the noun.
                !(language.starts_with("de") && rank(i).is_some())
            };
            if accept {
                push_person(words, i, end, "name_list", out);
                i = end;
                continue;
            }
        }
        // A capitalised word in mid-sentence (or calling someone at the start: "Ксюша, …")
        // that is no known name or ordinary word is probably someone's name, or a camp's or
        // a street's, or a small place with no preposition before it: a moderator decides.
        let placed = !sentence_start || followed_by_comma(i);
        if placed && !caseless && !big && is_unknown_capitalised(words, i, language) {
            let end = name_end(words, i, false, language, &public);
            let category = if cue.after_preposition || place.is_some() { Category::Place } else { Category::Person };
            let span =
                Span::new(words.tokens[i].start, words.tokens[end - 1].end, category, Action::Flag, "capitalised_word");
            out.push((7, span));
            i = end;
            continue;
        }
        i += 1;
    }
    repeat_elsewhere(words, first_found, language, out);
}

/// A name found once is hidden everywhere: "my sister Saba … Saba said" must not leave the
/// second "Saba", which has no cue before it. Every other place the same words stand gets
/// the same category, action and replacement. In a script with capitals, a name found
/// capitalised is not repeated where the same letters stand in small letters as an ordinary
/// word ("Rose" the name, "rose" the verb) or inside one.
fn repeat_elsewhere(words: &Words, first_found: usize, language: &str, out: &mut Candidates) {
    let token_at = |byte: usize| words.tokens.binary_search_by_key(&byte, |t| t.start).ok();
    let token_ending = |byte: usize| words.tokens.binary_search_by_key(&byte, |t| t.end).ok();
    let mut known: Vec<(usize, usize, Span)> = Vec::new();
    for (_, span) in &out[first_found..] {
        if let (Some(i), Some(last)) = (token_at(span.start), token_ending(span.end)) {
            known.push((i, last + 1, span.clone()));
        }
    }
    let capitalised: FxHashSet<&str> = known
        .iter()
        .filter(|(i, _, _)| words.tokens[*i].case == Case::Upper)
        .filter_map(|(i, end, _)| words.phrase(*i, *end))
        .collect();
    // An occurrence in small letters of a name found capitalised.
    let lowered = |k: usize, phrase: &str| words.tokens[k].case == Case::Lower && capitalised.contains(phrase);
    if known.is_empty() {
        return;
    }
    let mut covered = vec![false; words.len()];
    for (i, end, _) in &known {
        covered[*i..*end].iter_mut().for_each(|c| *c = true);
    }
    // By length in words, each phrase with the span it was found as: one pass per length.
    let mut by_length: std::collections::BTreeMap<usize, rustc_hash::FxHashMap<&str, &Span>> = Default::default();
    for (i, end, span) in &known {
        if let Some(phrase) = words.phrase(*i, *end) {
            by_length.entry(end - i).or_default().entry(phrase).or_insert(span);
        }
    }
    let mut repeats = Vec::new();
    // A one-word name of four letters or more also hides inside a longer word ("Karim" in
    // "Karimov"), as the storyteller's own terms do; a shorter one only as a whole word.
    let long_words: Vec<(&str, &Span)> = by_length
        .get(&1)
        .map(|phrases| phrases.iter().filter(|(p, _)| p.chars().count() >= 4).map(|(p, s)| (*p, *s)).collect())
        .unwrap_or_default();
    if !long_words.is_empty() {
        for (k, covered) in covered.iter_mut().enumerate() {
            if *covered {
                continue;
            }
            let key = words.key(k);
            let inside = |name: &str| key.len() > name.len() && key.contains(name) && !lowered(k, name);
            if let Some((_, span)) = long_words.iter().find(|(name, _)| inside(name)) {
                *covered = true;
                let mut repeat = (*span).clone();
                (repeat.start, repeat.end) = (words.tokens[k].start, words.tokens[k].end);
                repeat.rule = format!("{} (repeated)", span.rule);
                repeats.push((8, repeat));
            }
        }
    }
    for (n, phrases) in by_length.iter().rev() {
        let n = *n;
        for k in 0..words.len().saturating_sub(n - 1) {
            if covered[k..k + n].iter().any(|c| *c) {
                continue;
            }
            let Some((phrase, span)) = words.phrase(k, k + n).and_then(|p| phrases.get_key_value(p)) else { continue };
            if lowered(k, phrase) && LEXICON.is_common_word(language, phrase) {
                continue;
            }
            covered[k..k + n].iter_mut().for_each(|c| *c = true);
            let mut repeat = (*span).clone();
            (repeat.start, repeat.end) = (words.tokens[k].start, words.tokens[k + n - 1].end);
            repeat.rule = format!("{} (repeated)", span.rule);
            repeats.push((8, repeat));
        }
    }
    out.extend(repeats);
}

/// Whether the capitalised word `i` is unknown: not an ordinary word of the story's language
/// (nor of English, the language of brands and organisations), not an acronym, and in a
/// language whose capitals mark names (German capitalises every noun).
fn is_unknown_capitalised(words: &Words, i: usize, language: &str) -> bool {
    let key = words.key(i);
    let token = words.tokens[i];
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    if language.starts_with("de") || !LEXICON.knows_common_words(language) || letters < 3 {
        return false;
    }
    if token.all_caps {
        return false;
    }
    // English capitalises nationalities and languages, so its whole list counts; elsewhere a
    // frequent name ("Катерина") must not pass for an ordinary word.
    let ordinary_below = if language.starts_with("en") { u32::MAX } else { 4000 };
    LEXICON.rank(language, key).is_none_or(|r| r >= ordinary_below)
        && !LEXICON.is_common_word("en", key)
        && (name_of(key).is_some() || !is_demonym(language, key))
}

/// Endings that make a people's name of a country's name, in English and French (which
/// capitalise them): "Libyan", "Sudanese", "Camerounais", "Syriens", "Guinéenne".
const DEMONYM_ENDINGS: &[&str] = &[
    "iennes", "ienne", "iens", "ien", "ennes", "enne", "ens", "en", "aises", "aise", "ais", "oises", "oise", "ois",
    "ians", "ian", "ans", "an", "ese",
];

/// The countries' names in every language, folded, and each without its last letter: what a
/// people's name is made from ("Syrie" and "Syri" for "Syriens").
static COUNTRY_STEMS: std::sync::LazyLock<FxHashSet<String>> = std::sync::LazyLock::new(|| {
    let names = vocabulary::all_country_names().map(fold_term);
    names
        .flat_map(|name| {
            let shorter = name.char_indices().last().map(|(last, _)| name[..last].to_owned());
            std::iter::once(name).chain(shorter)
        })
        .collect()
});

/// Whether a folded word in English or French names the people of a country: one of the
/// endings on a country's name, or on all of it but its last letter ("Liby-an", "Syri-ens").
/// Narrow on purpose: an unflagged name is worse than a needless flag, so endings that also
/// end names ("-i": Ghani, Irani; "-s": Costas) are not read as a people's, nor are the
/// beginnings of a country's name (Filip, Georgi). A name on the lists is checked before.
fn is_demonym(language: &str, key: &str) -> bool {
    (language.starts_with("en") || language.starts_with("fr"))
        && DEMONYM_ENDINGS
            .iter()
            .filter_map(|ending| key.strip_suffix(ending))
            .any(|stem| stem.chars().count() >= 4 && COUNTRY_STEMS.contains(stem))
}

/// For each word, the cue words just before it; and which words stay whatever comes before
/// them: a public figure's name or a country's.
fn read_cues(words: &Words, found: &Matches) -> (Vec<Cues>, Vec<bool>) {
    let count = words.len();
    let mut cues = vec![Cues::default(); count + 1];
    let mut public = vec![false; count];
    let mut i = 0;
    while i < count {
        if let Some(n) = found.at(i, cue::PUBLIC_FIGURE).or_else(|| found.at(i, cue::COUNTRY)) {
            public[i..i + n].iter_mut().for_each(|p| *p = true);
            i += n;
            continue;
        }
        if let Some(n) = found.at(i, cue::NAMING) {
            cues[i + n].after_naming = true;
        }
        if i > 0 && words.tokens[i].joined && found.at(i, cue::NAMING_AFTER).is_some() {
            cues[i - 1].before_naming = true;
        }
        // "my uncle. Je …", "Frau. Am …": a cue does not reach across the end of a sentence
        // (a naming cue does: "il s'appelle « Moussa »").
        let reaches = |n: usize| i + n >= count || !words.tokens[i + n].sentence_start;
        if let Some(n) = found.at(i, cue::PERSON).filter(|&n| reaches(n)) {
            cues[i + n].after_person_cue = true;
        }
        if let Some(n) = found.at(i, cue::TITLE).filter(|&n| reaches(n)) {
            cues[i + n].after_title = true;
        }
        if let Some(n) = found.at(i, cue::PLACE).filter(|&n| reaches(n)) {
            cues[i + n].after_place_cue = true;
        }
        if let Some(n) = found.at(i, cue::PREPOSITION).filter(|&n| reaches(n)) {
            cues[i + n].after_preposition = true;
        }
        i += 1;
    }
    (cues, public)
}

/// Where a name beginning at word `i` ends: over the capitalised words (or, without
/// capitals, the known names) that follow it, and the particles between them.
fn name_end(words: &Words, i: usize, caseless: bool, language: &str, public: &[bool]) -> usize {
    let count = words.len();
    let mut end = i + 1;
    while end < count && words.tokens[end].joined && !public[end] && end - i < 4 && is_name_word(words, end) {
        let key = words.key(end);
        // "احمد وأحمد" is two people: "and" written onto a name ends the one before.
        let conjunction = |k: usize| words.key(k).starts_with('و') && LEXICON.name(words.key(k)).is_none();
        let next_is_name = |k: usize| {
            k < count
                && words.tokens[k].joined
                && if caseless {
                    name_of(words.key(k)).is_some() && !conjunction(k)
                } else {
                    words.tokens[k].case == Case::Upper
                }
        };
        if NAME_PARTICLES.contains(&key) && next_is_name(end + 1) {
            end += 2;
            continue;
        }
        // Without capitals: a family name, or a word too rare to be an ordinary one
        // ("يوسف إسحاق").
        let rare = LEXICON.rank_for(language, key).is_none_or(|r| r >= 8000);
        let surname = caseless && !conjunction(end) && (looks_like_surname(key) || (rare && !is_ethiopic_word(key)));
        if !(next_is_name(end) || surname) {
            break;
        }
        if !caseless && name_of(key).is_none() && LEXICON.place(key, &[]).is_some_and(|p| p.population >= 100_000) {
            break;
        }
        end += 1;
    }
    end
}

fn push_person(words: &Words, i: usize, end: usize, rule: &str, out: &mut Candidates) {
    let span = Span::new(words.tokens[i].start, words.tokens[end - 1].end, Category::Person, Action::Redact, rule);
    out.push((6, span));
}

/// A small place, generalised to its region or country when the gazetteer knows them and
/// the place is not `abroad` (where a namesake may be meant, and its region a guess).
fn push_place(
    words: &Words,
    i: usize,
    end: usize,
    place: Option<&Place>,
    abroad: bool,
    rules: &Rules,
    out: &mut Candidates,
) {
    let places = &rules.places;
    let replacement = match place.filter(|_| !abroad) {
        Some(place) if !place.region.is_empty() => places.with_region.replace("{region}", &place.region),
        Some(place) => match vocabulary::country_name(&place.country) {
            Some(country) => places.with_country.replace("{country}", country),
            None => places.unknown.clone(),
        },
        None => places.unknown.clone(),
    };
    let (start, stop) = (words.tokens[i].start, words.tokens[end - 1].end);
    let rule = if place.is_some() { "gazetteer" } else { "place_after_cue" };
    let mut span = Span::new(start, stop, Category::Place, Action::Generalise, rule);
    span.replacement = Some(replacement);
    out.push((5, span));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peoples_are_told_from_names_that_look_like_them() {
        for people in ["Libyan", "Sudanese", "Eritreans", "Nigerian", "Camerounais", "Syriens", "Guinéenne", "Tunisien"]
        {
            assert!(is_demonym("en", &fold_term(people)), "{people}");
        }
        let names = [
            "Filip",
            "Georgi",
            "Georgie",
            "Armen",
            "Andor",
            "Ghani",
            "Irani",
            "Turki",
            "Omani",
            "Costas",
            "Chiles",
            "Afghani",
            "Nepali",
            "Dominika",
            "Christian",
            "Adrian",
            "Julien",
            "Chadi",
            "Germaine",
            "Mauri",
        ];
        for name in names {
            assert!(!is_demonym("en", &fold_term(name)) && !is_demonym("fr", &fold_term(name)), "{name}");
        }
        assert!(!is_demonym("es", "syriens"), "only English and French capitalise peoples");
    }
}
