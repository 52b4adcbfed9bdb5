//! A matching form of text: case-folded, accents and Arabic vowel marks removed, letter
//! variants unified, invisible characters dropped and whitespace runs collapsed, with a map
//! from every byte of the folded text back to the original. Private terms are matched on
//! this form, so "Karim\u{a0}Haddad", "كَرِيم", "İsmail" or a decomposed "José" cannot slip
//! past the storyteller's list.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

pub(super) struct Folded {
    pub text: String,
    /// For each byte of `text`, the original byte range of the character it came from.
    origin: Vec<(u32, u32)>,
}

impl Folded {
    /// The original range of the folded range `start..end`.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self.origin[start].0 as usize;
        let to = self.origin[end - 1].1 as usize;
        (from, to)
    }
}

/// Characters that carry no letter of their own.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{0640}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
        || is_combining_mark(c)
}

/// Spelling variants written interchangeably (Arabic hamza seats, alef maqsura, Persian
/// yeh and kaf, ta marbuta).
fn unify(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' | 'ئ' => 'ي',
        'ک' => 'ك',
        'ة' => 'ه',
        'ؤ' => 'و',
        '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        c => c,
    }
}

pub(super) fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut last_space = true;
    for (at, c) in text.char_indices() {
        let range = (at as u32, (at + c.len_utf8()) as u32);
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                origin.push(range);
                last_space = true;
            }
            continue;
        }
        let mut emit = |c: char| {
            if is_invisible(c) {
                return;
            }
            for lower in c.to_lowercase() {
                if is_invisible(lower) {
                    continue;
                }
                let lower = unify(lower);
                out.push(lower);
                origin.extend(std::iter::repeat_n(range, lower.len_utf8()));
                last_space = false;
            }
        };
        decompose_canonical(c, &mut emit);
    }
    Folded { text: out, origin }
}

/// The folded form of a term, trimmed.
pub(super) fn fold_term(term: &str) -> String {
    fold(term).text.trim().to_owned()
}

/// A text with every decimal digit written in ASCII ("٠٩٤٤ ١٢٣" → "0944 123"), for the
/// detectors of numbers, with the way back to the original's offsets. Borrowed, and free,
/// when the text has no other digits.
pub(super) struct AsciiDigits<'t> {
    original: &'t str,
    converted: Option<(String, Vec<u32>)>,
}

/// The ASCII digit of a decimal digit of Arabic-Indic, Persian, Devanagari or full-width
/// form.
fn to_ascii_digit(c: char) -> Option<char> {
    const ZEROS: [u32; 4] = [0x0660, 0x06F0, 0x0966, 0xFF10];
    let code = c as u32;
    ZEROS.iter().find(|&&zero| (zero..zero + 10).contains(&code)).map(|zero| (b'0' + (code - zero) as u8) as char)
}

impl<'t> AsciiDigits<'t> {
    pub fn new(original: &'t str) -> AsciiDigits<'t> {
        if original.is_ascii() || !original.chars().any(|c| !c.is_ascii() && to_ascii_digit(c).is_some()) {
            return AsciiDigits { original, converted: None };
        }
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            let c = to_ascii_digit(c).unwrap_or(c);
            text.push(c);
            origin.extend(std::iter::repeat_n(at as u32, c.len_utf8()));
        }
        origin.push(original.len() as u32);
        AsciiDigits { original, converted: Some((text, origin)) }
    }

    pub fn text(&self) -> &str {
        self.converted.as_ref().map_or(self.original, |(text, _)| text)
    }

    /// The original range of the range `start..end` of `text()`.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.converted {
            None => (start, end),
            Some((_, origin)) => (origin[start] as usize, origin[end] as usize),
        }
    }
}

/// Appends the folded form of one word (no whitespace in it) to `out`: the same folding as
/// `fold`, without the map back to the original, and with a table for the characters of the
/// Basic Multilingual Plane. One difference: alef maqsura stays itself, so the preposition
/// "على" is not the name "علي".
pub(super) fn fold_word_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    let table = &*TABLE;
    for c in word.chars() {
        match table.fold.get(c as usize).copied() {
            Some(DROP) => {}
            Some(folded) if folded != COMPLEX => out.push(char::from_u32(folded).unwrap_or(c)),
            _ => fold_char_into(c, out),
        }
    }
}

/// The folding of one character, the slow way.
fn fold_char_into(c: char, out: &mut String) {
    decompose_canonical(c, &mut |c: char| {
        if is_invisible(c) {
            return;
        }
        for lower in c.to_lowercase() {
            if !is_invisible(lower) {
                out.push(if lower == 'ى' { lower } else { unify(lower) });
            }
        }
    });
}

/// What a character is, as bits: `WORD` (a letter, digit, or a mark or invisible character
/// inside a word), `ALPHABETIC`, `UPPER`, `LOWER`.
pub(super) const WORD: u8 = 1;
pub(super) const ALPHABETIC: u8 = 2;
pub(super) const UPPER: u8 = 4;
pub(super) const LOWER: u8 = 8;

const DROP: u32 = u32::MAX - 1;
const COMPLEX: u32 = u32::MAX;

/// Both answers for every character of the Basic Multilingual Plane, worked out once: the
/// Unicode tables behind them are binary searches, and every character of every story passes
/// through here.
struct CharTable {
    flags: Vec<u8>,
    fold: Vec<u32>,
}

static TABLE: std::sync::LazyLock<CharTable> = std::sync::LazyLock::new(|| {
    let mut flags = vec![0u8; 0x10000];
    let mut fold = vec![COMPLEX; 0x10000];
    for code in 0..0x10000u32 {
        let Some(c) = char::from_u32(code) else { continue };
        flags[code as usize] = slow_flags(c);
        let mut folded = String::new();
        fold_char_into(c, &mut folded);
        let mut chars = folded.chars();
        fold[code as usize] = match (chars.next(), chars.next()) {
            (None, _) => DROP,
            (Some(one), None) => one as u32,
            _ => COMPLEX,
        };
    }
    CharTable { flags, fold }
});

fn slow_flags(c: char) -> u8 {
    let mut bits = 0;
    if c.is_alphanumeric() || is_invisible(c) {
        bits |= WORD;
    }
    if c.is_alphabetic() {
        bits |= ALPHABETIC;
    }
    if c.is_uppercase() {
        bits |= UPPER;
    }
    if c.is_lowercase() {
        bits |= LOWER;
    }
    bits
}

/// The `WORD`, `ALPHABETIC`, `UPPER` and `LOWER` bits of `c`.
pub(super) fn char_flags(c: char) -> u8 {
    if c.is_ascii() {
        let b = c as u8;
        return match b {
            b'a'..=b'z' => WORD | ALPHABETIC | LOWER,
            b'A'..=b'Z' => WORD | ALPHABETIC | UPPER,
            b'0'..=b'9' => WORD,
            _ => 0,
        };
    }
    TABLE.flags.get(c as usize).copied().unwrap_or_else(|| slow_flags(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_fold_together() {
        assert_eq!(fold_term("Karim\u{a0}\u{a0}Haddad"), "karim haddad");
        assert_eq!(fold_term("Jose\u{301}"), fold_term("José"));
        assert_eq!(fold_term("كَرِيم"), fold_term("كريم"));
        assert_eq!(fold_term("أحمد"), fold_term("احمد"));
        assert_eq!(fold_term("İsmail"), fold_term("Ismail"));
        assert_eq!(fold_term("Ka\u{ad}rim"), "karim");
        assert_eq!(fold_term("Ka\u{200b}rim"), "karim");
    }

    #[test]
    fn words_fold_like_text() {
        for word in ["Jose\u{301}", "كَرِيم", "İsmail", "Ka\u{ad}rim", "Мар’яна", "ذبیح\u{200c}الله", "Karim", "أحمد"]
        {
            let mut out = String::new();
            fold_word_into(word, &mut out);
            assert_eq!(out, fold_term(word), "{word}");
        }
    }

    #[test]
    fn the_character_table_agrees_with_unicode() {
        for c in ['a', 'Z', '5', 'é', 'Й', 'й', 'ك', '\u{64e}', 'ሰ', '፣', '-', '\u{200c}', '日', '😀'] {
            assert_eq!(char_flags(c), slow_flags(c), "{c:?}");
            let (mut fast, mut slow) = (String::new(), String::new());
            fold_word_into(&c.to_string(), &mut fast);
            fold_char_into(c, &mut slow);
            assert_eq!(fast, slow, "{c:?}");
        }
    }

    #[test]
    fn digits_of_other_scripts_become_ascii_and_map_back() {
        let text = "رقم ٠٩٤٤ و۱۲";
        let digits = AsciiDigits::new(text);
        assert_eq!(digits.text(), "رقم 0944 و12");
        let start = digits.text().find("0944").unwrap();
        let (from, to) = digits.original(start, start + 4);
        assert_eq!(&text[from..to], "٠٩٤٤");
        assert_eq!(AsciiDigits::new("plain 12").text(), "plain 12");
    }

    #[test]
    fn offsets_map_back() {
        let text = "Hi  Jose\u{301}!";
        let folded = fold(text);
        let start = folded.text.find("jose").unwrap();
        let (from, to) = folded.original(start, start + 4);
        assert_eq!(&text[from..to], "Jose");
    }
}
