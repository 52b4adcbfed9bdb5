//! One `Settings` struct, layered: defaults, then a TOML file, then `PASSAGE_…` environment
//! variables, then command-line flags. Passed through app state, never a global.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::redaction::{Rules, RulesError};
use crate::terminology::{Guide, GuideError};

/// Everything the archive needs to run. The defaults run a working archive with no
/// configuration at all.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Address the HTTP server listens on.
    pub bind: SocketAddr,
    /// Folder of the SQLite store, the receipt pepper and (later) media.
    pub data_dir: PathBuf,
    /// Folder of the Tantivy index (derived data, rebuilt by `passage reindex`).
    pub index_dir: PathBuf,
    /// Import and publish the bundled sample collection when the archive is empty.
    pub import_samples: bool,
    /// Largest request body accepted, in bytes.
    pub max_request_bytes: usize,
    /// Mark session cookies `Secure` (behind TLS in production).
    pub secure_cookies: bool,
    /// Days after the moderation decision when the raw submission is destroyed.
    pub retention_days: u32,
    /// The master key as 64 hex digits (`PASSAGE_MASTER_KEY`); without it, the key lives in
    /// `DATA/master.key`.
    pub master_key: Option<Secret>,
    /// The redaction rules: the defaults, extended by the file `redaction_rules` names.
    pub rules: &'static Rules,
    /// A search facet value held by fewer stories than this is shown without its count.
    pub facet_min_count: u64,
    /// The terminology guide: the shipped one, extended by the file `terminology_rules` names.
    pub terminology: &'static Guide,
}

/// A value that never appears in `Debug` output or logs.
#[derive(Clone)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("data"),
            index_dir: PathBuf::from("index"),
            import_samples: true,
            // A 50,000-character story in Arabic takes 300 KB form-encoded; leave room.
            max_request_bytes: 1024 * 1024,
            secure_cookies: false,
            master_key: None,
            retention_days: 30,
            rules: Rules::defaults(),
            facet_min_count: crate::search::DEFAULT_FACET_MIN_COUNT,
            terminology: Guide::defaults(),
        }
    }
}

/// The subset of settings a TOML file may set; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    bind: Option<SocketAddr>,
    data_dir: Option<PathBuf>,
    index_dir: Option<PathBuf>,
    import_samples: Option<bool>,
    max_request_bytes: Option<usize>,
    secure_cookies: Option<bool>,
    retention_days: Option<u32>,
    /// A file of redaction rules that extends the defaults (`rules/redaction.toml`).
    redaction_rules: Option<PathBuf>,
    facet_min_count: Option<u64>,
    /// A file of terminology entries that extends the guide (`rules/terminology.toml`).
    terminology_rules: Option<PathBuf>,
}

/// Values given on the command line; they win over everything else.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub bind: Option<SocketAddr>,
    pub data_dir: Option<PathBuf>,
    pub index_dir: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the settings file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("the settings file {path} is not valid: {source}")]
    Parse { path: PathBuf, source: toml::de::Error },
    #[error("the environment variable {name} is not valid: {message}")]
    Env { name: &'static str, message: String },
    #[error(transparent)]
    Rules(#[from] RulesError),
    #[error(transparent)]
    Guide(#[from] GuideError),
}

impl Settings {
    /// Builds the settings from the layers, in order: defaults, file, environment, flags.
    pub fn load(file: Option<&Path>, overrides: &Overrides) -> Result<Settings, ConfigError> {
        let mut settings = Settings::default();
        if let Some(path) = file {
            let text =
                std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_owned(), source })?;
            let layer: FileSettings =
                toml::from_str(&text).map_err(|source| ConfigError::Parse { path: path.to_owned(), source })?;
            settings.apply_file(layer)?;
        }
        settings.apply_env(|name| std::env::var(name).ok())?;
        settings.apply_overrides(overrides);
        Ok(settings)
    }

    fn apply_file(&mut self, layer: FileSettings) -> Result<(), ConfigError> {
        let FileSettings {
            bind,
            data_dir,
            index_dir,
            import_samples,
            max_request_bytes,
            secure_cookies,
            retention_days,
            redaction_rules,
            facet_min_count,
            terminology_rules,
        } = layer;
        if let Some(path) = terminology_rules {
            // Read once at start-up and kept for the life of the process.
            self.terminology = Box::leak(Box::new(Guide::with_extension(&path)?));
        }
        set(&mut self.facet_min_count, facet_min_count);
        set(&mut self.bind, bind);
        set(&mut self.data_dir, data_dir);
        set(&mut self.index_dir, index_dir);
        set(&mut self.import_samples, import_samples);
        set(&mut self.max_request_bytes, max_request_bytes);
        set(&mut self.secure_cookies, secure_cookies);
        set(&mut self.retention_days, retention_days);
        if let Some(path) = redaction_rules {
            // Read once at start-up and kept for the life of the process.
            self.rules = Box::leak(Box::new(Rules::with_extension(&path)?));
        }
        Ok(())
    }

    fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        if let Some(value) = var("PASSAGE_BIND") {
            self.bind = value.parse().map_err(|_| ConfigError::Env {
                name: "PASSAGE_BIND",
                message: format!("expected an address such as 127.0.0.1:8080, got {value:?}"),
            })?;
        }
        if let Some(value) = var("PASSAGE_DATA") {
            self.data_dir = PathBuf::from(value);
        }
        if let Some(value) = var("PASSAGE_INDEX") {
            self.index_dir = PathBuf::from(value);
        }
        if let Some(value) = var("PASSAGE_IMPORT_SAMPLES") {
            self.import_samples = parse_bool("PASSAGE_IMPORT_SAMPLES", &value)?;
        }
        if let Some(value) = var("PASSAGE_RETENTION_DAYS") {
            self.retention_days = value.parse().map_err(|_| ConfigError::Env {
                name: "PASSAGE_RETENTION_DAYS",
                message: format!("expected a number of days, got {value:?}"),
            })?;
        }
        if let Some(value) = var("PASSAGE_MASTER_KEY") {
            self.master_key = Some(Secret(value));
        }
        if let Some(value) = var("PASSAGE_SECURE_COOKIES") {
            self.secure_cookies = parse_bool("PASSAGE_SECURE_COOKIES", &value)?;
        }
        Ok(())
    }

    fn apply_overrides(&mut self, overrides: &Overrides) {
        set(&mut self.bind, overrides.bind);
        set(&mut self.data_dir, overrides.data_dir.clone());
        set(&mut self.index_dir, overrides.index_dir.clone());
    }

    /// The SQLite database file.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("passage.db")
    }
}

fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *slot = value;
    }
}

fn parse_bool(name: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::Env { name, message: format!("expected true or false, got {value:?}") }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_apply_in_order() {
        let mut settings = Settings::default();
        settings.apply_file(toml::from_str("data_dir = \"/srv/a\"\nbind = \"0.0.0.0:9000\"").unwrap()).unwrap();
        settings.apply_env(|name| (name == "PASSAGE_DATA").then(|| "/srv/b".to_owned())).unwrap();
        settings.apply_overrides(&Overrides { bind: Some("127.0.0.1:1".parse().unwrap()), ..Overrides::default() });
        assert_eq!(settings.data_dir, PathBuf::from("/srv/b"));
        assert_eq!(settings.bind.port(), 1);
        assert_eq!(settings.index_dir, PathBuf::from("index"));
    }

    #[test]
    fn the_master_key_never_shows_in_debug_output() {
        let mut settings = Settings::default();
        settings.apply_env(|name| (name == "PASSAGE_MASTER_KEY").then(|| "ab".repeat(32))).unwrap();
        assert!(!format!("{settings:?}").contains("abab"));
    }

    #[test]
    fn unknown_file_keys_are_refused() {
        assert!(toml::from_str::<FileSettings>("colour = \"red\"").is_err());
    }

    #[test]
    fn bad_env_value_is_an_error() {
        let mut settings = Settings::default();
        let err = settings.apply_env(|name| (name == "PASSAGE_BIND").then(|| "nowhere".to_owned())).unwrap_err();
        assert!(err.to_string().contains("PASSAGE_BIND"));
    }
}
