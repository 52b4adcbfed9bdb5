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

/// Appends the folded form of one word (no whitespace in it) to `out`: the same folding as
/// `fold`, without the map back to the original, and with a fast path for ASCII. One
/// difference: alef maqsura stays itself, so the preposition "على" is not the name "علي".
pub(super) fn fold_word_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in word.chars() {
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
    fn offsets_map_back() {
        let text = "Hi  Jose\u{301}!";
        let folded = fold(text);
        let start = folded.text.find("jose").unwrap();
        let (from, to) = folded.original(start, start + 4);
        assert_eq!(&text[from..to], "Jose");
    }
}
