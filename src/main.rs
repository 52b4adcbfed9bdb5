//! The `passage` command: parses the command line, loads the settings and calls the library.
#![forbid(unsafe_code)]

use std::io::{BufRead, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};
use passage::config::{Overrides, Settings};
use passage::redaction::{self, Placeholders};
use passage::store::{Durability, Role};

#[derive(Parser)]
#[command(name = "passage", version, about = "A consent-first archive of migrant stories")]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct Common {
    /// Settings file (TOML).
    #[arg(long, global = true, env = "PASSAGE_CONFIG")]
    config: Option<PathBuf>,
    /// Folder of the store and media [default: data].
    #[arg(long, global = true)]
    data: Option<PathBuf>,
    /// Folder of the search index [default: index].
    #[arg(long, global = true)]
    index: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the archive (imports the sample stories into an empty archive).
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long)]
        bind: Option<SocketAddr>,
    },
    /// Manage staff and journalist accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Import stories: JSON lines in the submit format (a file or a folder of .jsonl files).
    Import {
        path: PathBuf,
        /// Publish each story after the automatic redaction (recorded in the audit log).
        #[arg(long)]
        publish: bool,
    },
    /// Rebuild the search index from the store.
    Reindex,
    /// Write every published story (redacted) as JSON lines to standard output.
    Export,
    /// Redact JSON lines {"id","text","language","private_terms"} from standard input.
    Redact,
    /// Destroy the raw submissions past the retention period now (a running server does
    /// this at start-up and every hour).
    Purge,
    /// Benchmark tools (see `bench/run.sh` and BENCHMARKS.md).
    #[command(subcommand)]
    Bench(BenchCommand),
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Write a synthetic corpus in the import format, and a query set, to a folder.
    Corpus {
        /// Number of stories.
        #[arg(long, default_value_t = 100_000)]
        n: usize,
        /// Folder to write `stories-NNN.jsonl` and `queries.tsv` to.
        #[arg(long, default_value = "bench-data/corpus")]
        out: PathBuf,
        /// Bytes of text per story, on average.
        #[arg(long, default_value_t = 3_000)]
        bytes: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Load a corpus into a plain Tantivy index and time its queries: the floor for search.
    Tantivy {
        /// Folder written by `bench corpus`.
        #[arg(long, default_value = "bench-data/corpus")]
        corpus: PathBuf,
        /// Folder for the plain index (emptied first).
        #[arg(long, default_value = "bench-data/raw-tantivy")]
        out: PathBuf,
        /// Times each query runs (after one warm-up round).
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add an account; the password comes from PASSAGE_PASSWORD or is asked for.
    Add {
        #[arg(long, value_parser = ["moderator", "journalist", "admin"])]
        role: String,
        name: String,
    },
}

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| passage::LOG_FILTER.into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let bind = match &cli.command {
        Command::Serve { bind } => *bind,
        _ => None,
    };
    let overrides = Overrides { bind, data_dir: cli.common.data.clone(), index_dir: cli.common.index.clone() };
    let settings = Settings::load(cli.common.config.as_deref(), &overrides)?;
    match cli.command {
        Command::Redact => return redact(settings.rules, std::io::stdin().lock(), std::io::stdout().lock()),
        Command::Bench(BenchCommand::Corpus { n, out, bytes, seed }) => {
            return passage::bench::write_corpus(&out, n, bytes, seed);
        }
        Command::Bench(BenchCommand::Tantivy { corpus, out, rounds }) => {
            return passage::bench::raw_tantivy(&corpus, &out, rounds);
        }
        _ => {}
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run(cli.command, settings))
}

async fn run(command: Command, settings: Settings) -> anyhow::Result<()> {
    match command {
        Command::Serve { .. } => {
            let listener =
                TcpListener::bind(settings.bind).with_context(|| format!("cannot listen on {}", settings.bind))?;
            tracing::info!("Passage is running on http://{}", listener.local_addr()?);
            passage::web::run(settings, listener).await?.wait().await
        }
        Command::User(UserCommand::Add { role, name }) => {
            let role = Role::parse(&role).context("unknown role")?;
            let password = match std::env::var("PASSAGE_PASSWORD") {
                Ok(password) => password,
                Err(_) => rpassword::prompt_password(format!("Password for {name}: "))?,
            };
            let store = passage::store::Store::open(&settings).await?;
            let user = passage::accounts::add_user(&store, &name, &password, role).await?;
            store.audit("cli", "user_add", None, &format!("{} as {}", user.username, role.as_str())).await?;
            println!("added {} ({})", user.username, role.as_str());
            Ok(())
        }
        Command::Import { path, publish } => {
            std::fs::create_dir_all(&settings.data_dir)?;
            // Durable when the import returns (`close` checkpoints), not after each story.
            let store = passage::store::Store::open_with(&settings, Durability::AtClose).await?;
            let pepper = passage::story::receipt::Pepper::load_or_create(&settings.data_dir)?;
            // The stories are indexed as they are stored, unless a running server holds the
            // index: its indexer then picks them up from the change log.
            let mut indexer = match passage::search::SearchIndex::open(&settings.index_dir, store.archive_id()) {
                Ok((_, indexer)) => Some(indexer),
                Err(passage::search::SearchError::Index(tantivy::TantivyError::LockFailure(..))) => {
                    eprintln!("the index is in use (is the server running?): the server will index these stories");
                    None
                }
                Err(error) => return Err(error).context("cannot open the index"),
            };
            let (mut imported, mut published) = (0, 0);
            for file in import_files(&path)? {
                let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
                let report = passage::import::import_lines(
                    &store,
                    settings.rules,
                    &pepper,
                    &text,
                    publish,
                    "cli import",
                    indexer.as_mut(),
                )
                .await?;
                for problem in &report.problems {
                    eprintln!("{}: {problem}", file.display());
                }
                imported += report.imported;
                published += report.published;
            }
            if let Some(indexer) = &mut indexer {
                indexer.finish_bulk(&store).await.context("cannot index the imported stories")?;
            }
            store.close().await;
            println!("imported {imported} stories, published {published}");
            Ok(())
        }
        Command::Reindex => {
            let store = passage::store::Store::open(&settings).await?;
            let (_, mut indexer) = passage::search::SearchIndex::open(&settings.index_dir, store.archive_id())
                .context("cannot open the index (stop the server first)")?;
            let count = indexer.rebuild(&store).await?;
            store.close().await;
            println!("indexed {count} published stories");
            Ok(())
        }
        Command::Export => {
            let store = passage::store::Store::open(&settings).await?;
            let mut out = std::io::stdout().lock();
            let mut after = String::new();
            loop {
                let page = store.published_page(&after, 500).await?;
                let Some(last) = page.last() else { break };
                after = last.id.clone();
                for story in &page {
                    serde_json::to_writer(&mut out, story)?;
                    out.write_all(b"\n")?;
                }
            }
            store.audit("cli", "export", None, "all published stories").await?;
            Ok(())
        }
        Command::Purge => {
            let store = passage::store::Store::open(&settings).await?;
            let cutoff = passage::retention_cutoff(settings.retention_days);
            println!("purging raw submissions decided before {cutoff}");
            std::io::stdout().flush()?;
            let purged = store.purge_raw_decided_before(&cutoff).await?;
            store.close().await;
            println!("destroyed the raw text of {purged} stories");
            Ok(())
        }
        Command::Redact | Command::Bench(_) => unreachable!("handled before the runtime starts"),
    }
}

fn import_files(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if path.is_dir() {
        let files = passage::import::jsonl_files(path)?;
        if files.is_empty() {
            bail!("no .jsonl files in {}", path.display());
        }
        Ok(files)
    } else {
        Ok(vec![path.to_path_buf()])
    }
}

#[derive(serde::Deserialize)]
struct RedactRequest {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    private_terms: Vec<String>,
}

/// `passage redact`: the engine on JSON lines, byte offsets, one answer per line.
fn redact(rules: &redaction::Rules, input: impl BufRead, mut output: impl Write) -> anyhow::Result<()> {
    for (number, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let request: RedactRequest = match serde_json::from_str(&line) {
            Ok(request) => request,
            Err(error) => {
                eprintln!("line {}: not a redaction request ({})", number + 1, error.classify_message());
                continue;
            }
        };
        let context = redaction::Context {
            language: &request.language,
            private_terms: &request.private_terms,
            countries: &[],
            rules,
        };
        let spans = redaction::detect(&request.text, &context);
        let redacted = redaction::apply(&request.text, &spans, &mut Placeholders::new(rules, &request.private_terms));
        let spans: Vec<_> = spans
            .iter()
            .map(|s| serde_json::json!({"start": s.start, "end": s.end, "category": s.category, "action": s.action}))
            .collect();
        serde_json::to_writer(
            &mut output,
            &serde_json::json!({"id": request.id, "redacted": redacted, "spans": spans}),
        )?;
        output.write_all(b"\n")?;
    }
    output.flush()?;
    Ok(())
}

trait ClassifyMessage {
    fn classify_message(&self) -> &'static str;
}

impl ClassifyMessage for serde_json::Error {
    /// The kind of problem only: the message itself could quote story text.
    fn classify_message(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "read error",
            serde_json::error::Category::Syntax => "invalid JSON",
            serde_json::error::Category::Data => "missing or mistyped field",
            serde_json::error::Category::Eof => "truncated JSON",
        }
    }
}
