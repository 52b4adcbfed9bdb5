//! Encryption at rest for what a storyteller sent (do-no-harm rule 7). Each story gets a
//! random key of its own; the raw text is sealed with it (XChaCha20-Poly1305, the story id
//! as associated data), and the key is stored wrapped by the archive's master key, which
//! lives outside the database (a 0600 file, or `PASSAGE_MASTER_KEY`). A copy of the
//! database alone reveals no raw text, and deleting a story's row destroys its key.

use std::fmt;
use std::io::Write;
use std::path::Path;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

const NONCE: usize = 24;

#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("the key is not valid: {0}")]
    BadMasterKey(String),
    #[error("sealed data could not be opened (wrong master key, or damaged data)")]
    Open,
    #[error("encryption failed")]
    Seal,
    #[error("the OS random source failed: {0}")]
    Random(#[from] getrandom::Error),
    #[error("cannot read or create the master key file: {0}")]
    Io(#[from] std::io::Error),
}

/// The archive's key-encrypting key.
#[derive(Clone)]
pub struct MasterKey([u8; 32]);

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MasterKey(…)")
    }
}

fn random<const N: usize>() -> Result<[u8; N], getrandom::Error> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)?;
    Ok(bytes)
}

impl MasterKey {
    /// The key given as 64 hex digits, or else the one in `DIR/master.key` (created with
    /// mode 0600 on first start).
    pub fn load(given: Option<&str>, dir: &Path) -> Result<MasterKey, SealError> {
        if let Some(hex_key) = given {
            let bytes = hex::decode(hex_key.trim()).map_err(|e| SealError::BadMasterKey(e.to_string()))?;
            return <[u8; 32]>::try_from(bytes.as_slice())
                .map(MasterKey)
                .map_err(|_| SealError::BadMasterKey("expected 64 hex digits".into()));
        }
        secret_file(&dir.join("master.key")).map(MasterKey)
    }

    #[cfg(test)]
    pub(crate) fn fixed(byte: u8) -> MasterKey {
        MasterKey([byte; 32])
    }

    /// Seals `plaintext` for story `id` under a fresh story key. Returns (wrapped key, sealed).
    pub fn seal(&self, id: &str, plaintext: &[u8]) -> Result<(Vec<u8>, Vec<u8>), SealError> {
        let story_key = random::<32>()?;
        let sealed = encrypt(&story_key, id.as_bytes(), plaintext)?;
        let wrapped = encrypt(&self.0, &wrap_aad(id), &story_key)?;
        Ok((wrapped, sealed))
    }

    /// Seals new `plaintext` for story `id` under the story key it already has (`wrapped`),
    /// so an edit never needs a new key.
    pub fn reseal(&self, id: &str, wrapped: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, SealError> {
        let story_key = decrypt(&self.0, &wrap_aad(id), wrapped)?;
        let story_key = <[u8; 32]>::try_from(story_key.as_slice()).map_err(|_| SealError::Open)?;
        encrypt(&story_key, id.as_bytes(), plaintext)
    }

    /// Opens what `seal` made for story `id`.
    pub fn open(&self, id: &str, wrapped: &[u8], sealed: &[u8]) -> Result<Vec<u8>, SealError> {
        let story_key = decrypt(&self.0, &wrap_aad(id), wrapped)?;
        let story_key = <[u8; 32]>::try_from(story_key.as_slice()).map_err(|_| SealError::Open)?;
        decrypt(&story_key, id.as_bytes(), sealed)
    }
}

/// A 32-byte secret kept in `path`, created from the OS random source with mode 0600 when
/// missing. Shared by the master key and the receipt pepper.
pub fn secret_file(path: &Path) -> Result<[u8; 32], SealError> {
    match std::fs::read(path) {
        Ok(bytes) => <[u8; 32]>::try_from(bytes.as_slice())
            .map_err(|_| SealError::BadMasterKey(format!("{} must hold exactly 32 bytes", path.display()))),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let secret = random::<32>()?;
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file = options.open(path)?;
            file.write_all(&secret)?;
            file.sync_all()?;
            Ok(secret)
        }
        Err(error) => Err(error.into()),
    }
}

fn wrap_aad(id: &str) -> Vec<u8> {
    [b"story-key:".as_slice(), id.as_bytes()].concat()
}

fn encrypt(key: &[u8; 32], aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, SealError> {
    let nonce = random::<NONCE>()?;
    let cipher = XChaCha20Poly1305::new(key.into());
    let ciphertext =
        cipher.encrypt(XNonce::from_slice(&nonce), Payload { msg: plaintext, aad }).map_err(|_| SealError::Seal)?;
    Ok([nonce.as_slice(), &ciphertext].concat())
}

fn decrypt(key: &[u8; 32], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, SealError> {
    if sealed.len() < NONCE {
        return Err(SealError::Open);
    }
    let (nonce, ciphertext) = sealed.split_at(NONCE);
    let cipher = XChaCha20Poly1305::new(key.into());
    cipher.decrypt(XNonce::from_slice(nonce), Payload { msg: ciphertext, aad }).map_err(|_| SealError::Open)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_text_opens_only_with_its_key_and_id() {
        let key = MasterKey::fixed(1);
        let (wrapped, sealed) = key.seal("story1", b"my brother Karim").unwrap();
        assert!(!sealed.windows(5).any(|w| w == b"Karim"));
        assert_eq!(key.open("story1", &wrapped, &sealed).unwrap(), b"my brother Karim");
        assert!(key.open("story2", &wrapped, &sealed).is_err(), "a sealed text moved to another story");
        assert!(MasterKey::fixed(2).open("story1", &wrapped, &sealed).is_err());
        let mut damaged = sealed.clone();
        damaged[30] ^= 1;
        assert!(key.open("story1", &wrapped, &damaged).is_err());
    }

    #[test]
    fn the_master_key_file_is_private_and_stable_and_hex_keys_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let a = MasterKey::load(None, dir.path()).unwrap();
        let b = MasterKey::load(None, dir.path()).unwrap();
        assert_eq!(a.0, b.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("master.key")).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(MasterKey::load(Some("abc"), dir.path()).is_err());
        assert_eq!(MasterKey::load(Some(&"11".repeat(32)), dir.path()).unwrap().0, [0x11; 32]);
    }
}
