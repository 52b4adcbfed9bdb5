//! Receipt codes: the storyteller's only key to their story. 100 bits from the OS random
//! source, written as five groups of four Crockford base-32 characters, and stored only as a
//! hash peppered with a secret kept outside the database (do-no-harm rule 7).

use std::fmt;
use std::path::Path;

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Crockford's base 32: no I, L, O or U, so a code survives being read aloud or copied by hand.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS: usize = 5;
const GROUP_LEN: usize = 4;
const CODE_LEN: usize = GROUPS * GROUP_LEN;

/// A freshly made receipt, shown once to the storyteller and never stored.
pub struct Receipt(String);

impl Receipt {
    /// Draws 100 bits from the operating system's random source.
    pub fn generate() -> Result<Receipt, getrandom::Error> {
        let mut bytes = [0u8; CODE_LEN];
        getrandom::fill(&mut bytes)?;
        let mut code = String::with_capacity(CODE_LEN + GROUPS);
        for (i, byte) in bytes.iter().enumerate() {
            if i > 0 && i % GROUP_LEN == 0 {
                code.push('-');
            }
            // 256 is a multiple of 32, so keeping the low five bits is unbiased.
            code.push(ALPHABET[usize::from(byte & 31)] as char);
        }
        Ok(Receipt(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Receipt(…)")
    }
}

/// Reads a receipt as a person may type it: any case, with or without dashes or spaces,
/// `O` for `0` and `I`/`L` for `1`. `None` when it cannot be a receipt at all.
pub fn normalise(input: &str) -> Option<String> {
    let mut code = String::with_capacity(CODE_LEN);
    for c in input.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' | '\u{a0}' | '\t' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        code.push(c);
        if code.len() > CODE_LEN {
            return None;
        }
    }
    (code.len() == CODE_LEN).then_some(code)
}

/// The secret mixed into every receipt hash, so a copy of the database alone cannot be used
/// to test guessed receipts.
#[derive(Clone)]
pub struct Pepper([u8; 32]);

impl fmt::Debug for Pepper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pepper(…)")
    }
}

impl Pepper {
    /// Loads the pepper from `DIR/receipt.pepper`, creating it (mode 0600) on first start.
    pub fn load_or_create(dir: &Path) -> Result<Pepper, crate::store::sealing::SealError> {
        crate::store::sealing::secret_file(&dir.join("receipt.pepper")).map(Pepper)
    }

    #[cfg(test)]
    pub(crate) fn fixed(byte: u8) -> Pepper {
        Pepper([byte; 32])
    }

    /// The hash stored for a receipt (already normalised).
    pub fn hash(&self, normalised: &str) -> Vec<u8> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(normalised.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts_are_grouped_and_read_back() {
        let receipt = Receipt::generate().unwrap();
        let code = receipt.as_str();
        assert_eq!(code.len(), CODE_LEN + GROUPS - 1);
        assert_eq!(code.split('-').count(), GROUPS);
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(normalise(&typed).unwrap(), code.replace('-', ""));
    }

    #[test]
    fn receipts_differ() {
        let a = Receipt::generate().unwrap();
        let b = Receipt::generate().unwrap();
        assert_ne!(a.as_str(), b.as_str());
    }

    #[test]
    fn confusable_letters_are_forgiven_and_garbage_refused() {
        assert_eq!(normalise("oooo-iiii-llll-2222-3333").unwrap(), "00001111111122223333");
        assert!(normalise("too short").is_none());
        assert!(normalise("UUUU-UUUU-UUUU-UUUU-UUUU").is_none());
        assert!(normalise("0000-0000-0000-0000-0000-0").is_none());
    }

    #[test]
    fn the_hash_depends_on_the_pepper() {
        let code = "00001111222233334444";
        assert_ne!(Pepper::fixed(1).hash(code), Pepper::fixed(2).hash(code));
        assert_eq!(Pepper::fixed(1).hash(code), Pepper::fixed(1).hash(code));
    }

    #[test]
    fn the_pepper_file_is_private_and_stable() {
        let dir = tempfile::tempdir().unwrap();
        let first = Pepper::load_or_create(dir.path()).unwrap();
        let second = Pepper::load_or_create(dir.path()).unwrap();
        assert_eq!(first.0, second.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("receipt.pepper")).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
