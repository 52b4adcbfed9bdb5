//! The derived photo files on disk, and the bound on how many photos are decoded at once.
//!
//! Files live under `DATA/media/` with random names, outside anything served directly; the
//! store decides which exist (it writes them on publication and removes them on withdrawal
//! or unpublication), and a sweep at start-up removes any a crash left behind.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use tokio::sync::Semaphore;

use super::MediaError;

/// The folder of derived photo files.
#[derive(Debug, Clone)]
pub struct MediaFiles {
    dir: PathBuf,
}

fn valid_name(name: &str) -> bool {
    name.strip_suffix(".jpg").is_some_and(|stem| stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl MediaFiles {
    pub fn open(data_dir: &Path) -> std::io::Result<MediaFiles> {
        let dir = data_dir.join("media");
        std::fs::create_dir_all(&dir)?;
        Ok(MediaFiles { dir })
    }

    fn path(&self, name: &str) -> std::io::Result<PathBuf> {
        if valid_name(name) {
            Ok(self.dir.join(name))
        } else {
            Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a media file name"))
        }
    }

    /// Writes `bytes` to a new file with a random name, durably; returns the name.
    pub fn write(&self, bytes: &[u8]) -> std::io::Result<String> {
        let mut random = [0u8; 16];
        getrandom::fill(&mut random).map_err(std::io::Error::other)?;
        let name = format!("{}.jpg", hex::encode(random));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(self.path(&name)?)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        Ok(name)
    }

    pub async fn read(&self, name: &str) -> std::io::Result<Vec<u8>> {
        tokio::fs::read(self.path(name)?).await
    }

    /// Overwrites a file with zeros and removes it; a missing file is not an error.
    pub fn remove(&self, name: &str) -> std::io::Result<()> {
        let path = self.path(name)?;
        match std::fs::OpenOptions::new().write(true).open(&path) {
            Ok(mut file) => {
                let len = file.metadata()?.len();
                file.write_all(&vec![0u8; usize::try_from(len).unwrap_or(0)])?;
                file.sync_all()?;
                drop(file);
                std::fs::remove_file(&path)
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(error),
        }
    }

    /// Removes every file not in `keep` and older than `grace` (what a crash between a
    /// commit and a file removal, or between writing a file and its commit, left behind;
    /// younger files may belong to a publication still in progress). Returns how many went.
    pub fn sweep(&self, keep: &HashSet<String>, grace: std::time::Duration) -> std::io::Result<usize> {
        let mut removed = 0;
        for entry in std::fs::read_dir(&self.dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let age = entry.metadata()?.modified()?.elapsed().unwrap_or_default();
            if valid_name(&name) && !keep.contains(&name) && age >= grace {
                self.remove(&name)?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}

/// How many photos are decoded or encoded at once: one per core.
static PERMITS: LazyLock<Arc<Semaphore>> =
    LazyLock::new(|| Arc::new(Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))));

/// Runs `job` (decoding or encoding a photo) on a blocking thread once a permit is free, so
/// a burst of uploads cannot starve the async runtime and its searches. A panic in a decoder
/// (a malicious file finding a bug) becomes `Damaged`, not a crashed worker.
pub async fn run<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, MediaError> + Send + 'static,
) -> Result<T, MediaError> {
    // The permit moves into the blocking task: if the request is dropped (a client that
    // disconnects), the decode still holds it until it really ends.
    let permit = PERMITS.clone().acquire_owned().await.map_err(|_| MediaError::Encode)?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        job()
    })
    .await
    .unwrap_or(Err(MediaError::Damaged))
}
