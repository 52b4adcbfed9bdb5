//! The retention job, killed (SIGKILL) in the middle of a run, leaves every story either
//! purged or untouched, and the next run finishes the work.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use passage::config::Settings;
use passage::store::Store;
use passage::story::SubmissionForm;

const STORIES: usize = 300;

fn purge(settings: &Settings) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_passage"));
    command
        .arg("purge")
        .env("PASSAGE_DATA", &settings.data_dir)
        .env("PASSAGE_INDEX", &settings.index_dir)
        .env("PASSAGE_RETENTION_DAYS", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    command
}

/// How many of the decided stories have lost their raw text. A story half purged (its
/// text emptied but its key kept) would fail to open here.
async fn purged(settings: &Settings) -> usize {
    let store = Store::open(settings).await.unwrap();
    let mut count = 0;
    for i in 0..STORIES {
        count += usize::from(store.story(&format!("decided{i}")).await.unwrap().raw_purged);
    }
    let waiting = store.story("waiting").await.unwrap();
    assert!(!waiting.raw_purged && waiting.body.starts_with("Still waiting"), "a waiting story lost its text");
    store.close().await;
    count
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retention_run_killed_mid_way_completes_after_restart() {
    let root = tempfile::tempdir().unwrap();
    let settings =
        Settings { data_dir: root.path().join("data"), index_dir: root.path().join("index"), ..Settings::default() };
    let store = Store::open(&settings).await.unwrap();
    let story = |body: String| -> passage::story::NewStory {
        let form: SubmissionForm = serde_json::from_value(serde_json::json!({
            "title": "Retained", "body": body, "language": "en",
            "consent": {"visibility": "public", "version": "1", "age_confirmed": true}
        }))
        .unwrap();
        form.validate(2026).unwrap()
    };
    // Large bodies, so a run has real work to be interrupted in.
    let long = story("The long road north, told again and again. ".repeat(1000));
    for i in 0..STORIES {
        let id = format!("decided{i}");
        store.insert_story(&id, &long, None, id.as_bytes()).await.unwrap();
        store.reject(&id, "Not for the archive.", "mira").await.unwrap();
    }
    store.insert_story("waiting", &story("Still waiting for a moderator.".into()), None, b"w").await.unwrap();
    store.close().await;
    // Decided strictly before the cutoff of a zero-day retention.
    tokio::time::sleep(Duration::from_millis(1100)).await;

    // Killed as soon as it says it started: nothing is half done.
    let mut child = purge(&settings).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert!(line.starts_with("purging"), "{line}");
    child.kill().unwrap();
    assert!(!child.wait().unwrap().success());
    assert_eq!(purged(&settings).await, 0, "the run was not interrupted");

    // The next run (a restart) finishes the job.
    let output = purge(&settings).output().unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains(&format!("destroyed the raw text of {STORIES} stories")));
    assert_eq!(purged(&settings).await, STORIES);
}
