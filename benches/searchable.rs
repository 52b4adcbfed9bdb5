//! How long a published story takes to become searchable: from the moderator's publish
//! (store transaction + change record) until the index has applied it and a search finds it.
//! Run with `cargo bench --bench searchable`.

use std::time::{Duration, Instant};

use passage::config::Settings;
use passage::moderation;
use passage::search::{Audience, SearchRequest};
use passage::story::SubmissionForm;
use passage::story::submit;

const ROUNDS: usize = 50;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let settings = Settings {
        data_dir: dir.path().join("data"),
        index_dir: dir.path().join("index"),
        import_samples: true,
        ..Settings::default()
    };
    let archive = passage::Archive::open(settings).await?;
    let state = &archive.state;
    let mut publish_times = Vec::with_capacity(ROUNDS);
    let mut searchable_times = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        let word = format!("marker{round}x");
        let form: SubmissionForm = serde_json::from_value(serde_json::json!({
            "title": format!("Round {round}"),
            "body": format!("A short story with the word {word} and a phone +49 151 23456789."),
            "language": "en",
            "consent": {"visibility": "public", "version": "1", "age_confirmed": true}
        }))?;
        let submitted = submit::submit(&state.store, &state.pepper, form, None).await?;
        let start = Instant::now();
        moderation::publish(
            &state.store,
            state.settings.rules,
            &submitted.id,
            &moderation::Approval::automatic(),
            "bench",
        )
        .await?;
        publish_times.push(start.elapsed());
        let request = SearchRequest { q: word, ..SearchRequest::default() };
        loop {
            if state.index.search(&request, Audience::Public).await?.total == 1 {
                break;
            }
            tokio::time::sleep(Duration::from_micros(200)).await;
        }
        searchable_times.push(start.elapsed());
    }
    report("publish (store transaction)", &mut publish_times);
    report("publish → found by search", &mut searchable_times);
    archive.close().await;
    Ok(())
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{what}: median {:.1} ms, p90 {:.1} ms, max {:.1} ms over {} rounds",
        at(0.5).as_secs_f64() * 1e3,
        at(0.9).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3,
        times.len()
    );
}
