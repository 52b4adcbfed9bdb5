//! Shared helpers: the real server on an ephemeral port, with its own data and index folders.
//! Shared by more than one test binary, each using part of it.
#![allow(dead_code)]

pub mod photos;

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, Once};

use passage::config::Settings;
use passage::store::{Role, Store};
use passage::web::Running;
use serde_json::{Value, json};
use tempfile::TempDir;

pub const PASSWORD: &str = "correct horse battery staple";

/// The folders of one archive; they outlive a server so a restart can reuse them.
pub struct Dirs {
    pub _root: TempDir,
    pub data: PathBuf,
    pub index: PathBuf,
}

impl Dirs {
    /// Settings for an archive in these folders.
    pub fn settings(&self) -> Settings {
        Settings {
            data_dir: self.data.clone(),
            index_dir: self.index.clone(),
            import_samples: false,
            ..Settings::default()
        }
    }

    pub fn new() -> Dirs {
        let root = tempfile::tempdir().expect("temporary folder");
        let data = root.path().join("data");
        let index = root.path().join("index");
        Dirs { _root: root, data, index }
    }
}

pub struct TestServer {
    pub base: String,
    /// A client with no cookies, like an anonymous reader.
    pub client: reqwest::Client,
    running: Option<Running>,
    pub dirs: Dirs,
}

/// The servers listen on 127.0.0.2 and clients come from 127.0.0.1, so a client's address
/// in a log line cannot hide behind the server's own.
const SERVER_ADDRESS: &str = "127.0.0.2:0";
pub const CLIENT_ADDRESS: &str = "127.0.0.1";

/// Every line the servers of this test binary log, through the production filter (and
/// Passage's own debug lines on top).
pub static LOG: LazyLock<Mutex<Vec<u8>>> = LazyLock::new(|| Mutex::new(Vec::new()));

struct LogWriter;

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOG.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture_logs() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let filter = tracing_subscriber::EnvFilter::new(format!("{},passage=debug", passage::LOG_FILTER));
        let _ = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(false).with_writer(|| LogWriter).try_init();
    });
}

/// Everything logged so far by any server of this test binary.
pub fn captured_log() -> String {
    String::from_utf8_lossy(&LOG.lock().expect("log buffer")).into_owned()
}

pub fn client(cookies: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::V4(CLIENT_ADDRESS.parse::<Ipv4Addr>().expect("an address")))
        .cookie_store(cookies)
        .redirect(reqwest::redirect::Policy::none())
        // A fresh connection per request: a pooled one can be closed by the server's
        // keep-alive timeout just as a slow, loaded test machine reuses it.
        .pool_max_idle_per_host(0)
        .build()
        .expect("HTTP client")
}

impl TestServer {
    /// An empty archive (no sample stories).
    pub async fn start() -> TestServer {
        TestServer::start_in(Dirs::new(), false).await
    }

    pub async fn start_in(dirs: Dirs, samples: bool) -> TestServer {
        capture_logs();
        let settings = Settings { import_samples: samples, ..dirs.settings() };
        let listener = TcpListener::bind(SERVER_ADDRESS).expect("bind port 0");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let running = passage::web::run(settings, listener).await.expect("server starts");
        TestServer { base, client: client(false), running: Some(running), dirs }
    }

    /// Stops the server and hands back its folders.
    pub async fn stop(mut self) -> Dirs {
        if let Some(running) = self.running.take() {
            running.stop().await.expect("server stops cleanly");
        }
        self.dirs
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn store(&self) -> Store {
        Store::open(&self.dirs.settings()).await.expect("store opens")
    }

    /// Creates an account and returns an API bearer token for it.
    pub async fn user(&self, role: Role, name: &str) -> String {
        let store = self.store().await;
        passage::accounts::add_user(&store, name, PASSWORD, role).await.expect("user added");
        store.close().await;
        let response = self
            .client
            .post(self.url("/api/v1/session"))
            .json(&json!({"username": name, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        response.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_owned()
    }

    pub async fn get_json(&self, path: &str, token: Option<&str>) -> (u16, Value) {
        let mut request = self.client.get(self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub async fn post_json(&self, path: &str, body: &Value, token: Option<&str>) -> (u16, Value) {
        let mut request = self.client.post(self.url(path)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self.client.get(self.url(path)).send().await.unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// Submits a story through the API; returns (id, receipt).
    pub async fn submit(&self, story: &Value) -> (String, String) {
        let (status, body) = self.post_json("/api/v1/stories", story, None).await;
        assert_eq!(status, 201, "{body}");
        (body["id"].as_str().unwrap().to_owned(), body["receipt"].as_str().unwrap().to_owned())
    }

    /// Submits a story with a photo as `multipart/form-data`; returns the status and body.
    pub async fn submit_with_photo(&self, story: &Value, photo: Vec<u8>, file_name: &str) -> (u16, Value) {
        let form = reqwest::multipart::Form::new()
            .text("story", story.to_string())
            .part("photo", reqwest::multipart::Part::bytes(photo).file_name(file_name.to_owned()));
        let response = self.client.post(self.url("/api/v1/stories")).multipart(form).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// Publishes with every suggestion accepted.
    pub async fn publish(&self, id: &str, moderator: &str) -> Value {
        let (status, body) = self
            .post_json(
                &format!("/api/v1/moderation/stories/{id}/decision"),
                &json!({"action": "publish"}),
                Some(moderator),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }

    pub async fn search(&self, query: &str, token: Option<&str>) -> Value {
        let path = format!("/api/v1/search?{}", serde_html_form_encode(&[("q", query)]));
        let (status, body) = self.get_json(&path, token).await;
        assert_eq!(status, 200, "{body}");
        body
    }
}

pub fn serde_html_form_encode(pairs: &[(&str, &str)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", k, url_escape(v))).collect::<Vec<_>>().join("&")
}

fn url_escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A valid submission; override fields with `with`.
pub fn story(title: &str, body: &str, visibility: &str) -> Value {
    json!({
        "title": title,
        "body": body,
        "language": "en",
        "pseudonym": "A traveller",
        "origin_country": "ER",
        "transit_countries": ["SD", "LY"],
        "residence_country": "DE",
        "year": 2016,
        "themes": ["work", "health"],
        "private_terms": [],
        "consent": {"visibility": visibility, "allow_quotes": true, "allow_photo": false,
                    "allow_contact": false, "age_confirmed": true, "version": "1"}
    })
}

pub fn with(mut value: Value, key: &str, field: Value) -> Value {
    value[key] = field;
    value
}

/// Every file under `dir`, read whole.
pub fn all_bytes(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                out.push((path, bytes));
            }
        }
    }
    out
}

pub fn contains(haystack: &[u8], needle: &str) -> bool {
    contains_bytes(haystack, needle.as_bytes())
}

fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && memchr::memmem::find(haystack, needle).is_some()
}

/// Whether `needle` is in `haystack` as written or lower-cased (as a tokenizer stores it),
/// in UTF-8 or in UTF-16 of either byte order.
pub fn holds_in_any_encoding(haystack: &[u8], needle: &str) -> bool {
    [needle.to_owned(), needle.to_lowercase()].iter().any(|text| {
        let utf16le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        [text.as_bytes(), &utf16le, &utf16be].into_iter().any(|bytes| contains_bytes(haystack, bytes))
    })
}
