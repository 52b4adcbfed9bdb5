//! Integration tests: the real server on an ephemeral port, driven over HTTP as people use it.

mod common;

use common::{TestServer, all_bytes, contains, holds_in_any_encoding, story, with};
use passage::store::Role;
use serde_json::{Value, json};

const EMAIL: &str = "karim.haddad@example.org";
const PHONE: &str = "+49 151 23456789";
const NAME: &str = "Zerihun";

fn journey_story() -> Value {
    let body = format!(
        "My brother {NAME} still writes to me at {EMAIL}, or calls on {PHONE} on Sundays.\n\n\
         In Kassel I learned to make marmalade from the oranges at the market, and now I work \
         as a nurse on the night shift."
    );
    with(story("Oranges and night shifts", &body, "public"), "private_terms", json!([NAME]))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn storyteller_moderator_reader_journey() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let (id, receipt) = server.submit(&journey_story()).await;
    assert_eq!(receipt.len(), 24, "five groups of four with dashes: {receipt}");

    // The receipt shows the story waiting.
    let (status, body) = server.post_json("/api/v1/receipts/status", &json!({"receipt": receipt}), None).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("submitted")));

    // The raw submission is sealed: the database files alone hold none of its details.
    for (path, bytes) in all_bytes(&server.dirs.data) {
        for secret in [EMAIL, PHONE, NAME, "marmalade"] {
            assert!(!holds_in_any_encoding(&bytes, secret), "{secret} readable in {}", path.display());
        }
    }

    // Nothing is readable before a moderator decides.
    assert_eq!(server.search("marmalade", None).await["total"], 0);
    assert_eq!(server.get_json(&format!("/api/v1/stories/{id}"), None).await.0, 404);

    // The queue shows it, with its flags; the review lists each suggestion.
    let (status, queue) = server.get_json("/api/v1/moderation/queue", Some(&moderator)).await;
    assert_eq!(status, 200);
    let item = queue.as_array().unwrap().iter().find(|item| item["id"] == id).expect("queued");
    assert_eq!(item["flags"], json!({"email": 1, "phone": 1, "private_term": 1}));
    let (_, review) = server.get_json(&format!("/api/v1/moderation/stories/{id}"), Some(&moderator)).await;
    let categories: Vec<&str> =
        review["suggestions"].as_array().unwrap().iter().map(|s| s["category"].as_str().unwrap()).collect();
    assert_eq!(categories, vec!["private_term", "email", "phone"]);
    let raw = review["body"].as_str().unwrap();
    let first = &review["suggestions"][0];
    assert_eq!(&raw[first["start"].as_u64().unwrap() as usize..first["end"].as_u64().unwrap() as usize], NAME);

    // Publishing answers with the redacted story.
    let published = server.publish(&id, &moderator).await;
    let text = published["body"].as_str().unwrap();
    assert!(
        text.starts_with("My brother [name 1] still writes to me at [email], or calls on [phone] on Sundays."),
        "{text}"
    );

    // An anonymous reader finds it, with a highlighted snippet from the redacted text.
    let results = server.search("marmalade", None).await;
    assert_eq!(results["total"], 1);
    let hit = &results["hits"][0];
    assert_eq!(hit["id"], id);
    assert!(hit["snippet_html"].as_str().unwrap().contains("<mark>marmalade</mark>"), "{hit}");
    assert_eq!(hit["url"], format!("/stories/{id}"));

    // No raw detail anywhere a reader or the index can reach.
    let (_, story_page) = server.get_text(&format!("/stories/{id}")).await;
    let (_, story_json) = server.get_json(&format!("/api/v1/stories/{id}"), None).await;
    let everything =
        server.search("", None).await.to_string() + &story_page + &story_json.to_string() + &results.to_string();
    for secret in [EMAIL, PHONE, NAME, "23456789", "karim"] {
        assert!(!everything.contains(secret), "{secret} leaked to a reader");
        assert_eq!(server.search(secret, None).await["total"], 0, "{secret} is searchable");
    }
    assert!(story_page.contains("marmalade") && story_json["citation"].as_str().unwrap().contains(&id));

    // The index files hold the published words but none of the raw details. The positive
    // control shows the scan can see text in these files at all.
    let files = all_bytes(&server.dirs.index);
    assert!(files.iter().any(|(_, bytes)| contains(bytes, "marmalade")), "control word not found in index files");
    let data_files = all_bytes(&server.dirs.data);
    assert!(data_files.iter().any(|(_, bytes)| contains(bytes, "marmalade")), "control word not found in the store");
    let files = files.into_iter().chain(data_files).collect::<Vec<_>>();
    for (path, bytes) in &files {
        for secret in [EMAIL, PHONE, NAME, "23456789"] {
            assert!(!contains(bytes, secret), "{secret} found in {}", path.display());
        }
    }

    // The storyteller sees the result; the audit log names who did what, without text.
    let (_, status) = server.post_json("/api/v1/receipts/status", &json!({"receipt": receipt}), None).await;
    assert_eq!(status["status"], "published");
    assert_eq!(status["story_url"], format!("/stories/{id}"));
    let store = server.store().await;
    let audit = store.audit_of(&id).await.unwrap();
    assert_eq!(
        audit.iter().map(|(_, actor, action, _)| (actor.as_str(), action.as_str())).collect::<Vec<_>>(),
        vec![("mira", "publish")]
    );
    assert!(!audit.iter().any(|(_, _, _, detail)| detail.contains(NAME) || detail.contains("marmalade")));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn visibility_decides_who_reads() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let journalist = server.user(Role::Journalist, "jon").await;
    let (press, _) = server.submit(&story("Press only", "The tailor of Asmara sews coats.", "press")).await;
    let (private, _) = server.submit(&story("Kept private", "The tailor of Asmara keeps a diary.", "private")).await;
    let (public, _) = server.submit(&story("For everyone", "The tailor of Asmara sings.", "public")).await;
    for id in [&press, &private, &public] {
        server.publish(id, &moderator).await;
    }

    let ids = |results: &Value| -> Vec<String> {
        let mut ids: Vec<String> =
            results["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_owned()).collect();
        ids.sort();
        ids
    };
    let mut expected_press = vec![press.clone(), public.clone()];
    expected_press.sort();
    assert_eq!(ids(&server.search("tailor", None).await), vec![public.clone()]);
    assert_eq!(ids(&server.search("tailor", Some(&journalist)).await), expected_press);
    assert_eq!(ids(&server.search("tailor", Some(&moderator)).await), expected_press);

    assert_eq!(server.get_json(&format!("/api/v1/stories/{press}"), None).await.0, 404);
    assert_eq!(server.get_json(&format!("/api/v1/stories/{press}"), Some(&journalist)).await.0, 200);
    assert_eq!(server.get_text(&format!("/stories/{press}")).await.0, 404);
    for token in [None, Some(journalist.as_str())] {
        assert_eq!(server.get_json(&format!("/api/v1/stories/{private}"), token).await.0, 404);
    }
    // Only moderators see a private story, in the moderation area.
    let (status, review) = server.get_json(&format!("/api/v1/moderation/stories/{private}"), Some(&moderator)).await;
    assert_eq!((status, review["body"].as_str()), (200, Some("The tailor of Asmara keeps a diary.")));
    assert_eq!(server.get_json(&format!("/api/v1/moderation/stories/{private}"), Some(&journalist)).await.0, 403);
    assert_eq!(server.get_json(&format!("/api/v1/moderation/stories/{private}"), None).await.0, 401);

    // Unpublishing takes a story out of search and its page answers 410.
    let (status, _) =
        server.post_json(&format!("/api/v1/moderation/stories/{public}/unpublish"), &json!({}), Some(&moderator)).await;
    assert_eq!(status, 200);
    assert_eq!(server.search("tailor", None).await["total"], 0);
    assert_eq!(server.get_json(&format!("/api/v1/stories/{public}"), None).await.0, 410);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_finds_every_published_story() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let mut published = Vec::new();
    for word in ["saffron", "harbour", "violin"] {
        let (id, _) = server.submit(&story(word, &format!("A story about a {word}."), "public")).await;
        server.publish(&id, &moderator).await;
        published.push((word, id));
    }
    let dirs = server.stop().await;

    // The change log is the truth: a story published while no server runs is caught up too.
    let store = passage::store::Store::open(&dirs.settings()).await.unwrap();
    let pepper = passage::story::receipt::Pepper::load_or_create(&dirs.data).unwrap();
    let line = story("lantern", "A story about a lantern.", "public").to_string();
    let report = passage::import::import_lines(
        &store,
        passage::redaction::Rules::defaults(),
        &pepper,
        &line,
        true,
        "test",
        None,
    )
    .await
    .unwrap();
    assert_eq!(report.published, 1);
    store.close().await;

    let server = TestServer::start_in(dirs, false).await;
    for (word, id) in &published {
        let results = server.search(word, None).await;
        assert_eq!(results["hits"][0]["id"], id.as_str(), "{word} lost in restart");
    }
    assert_eq!(server.search("lantern", None).await["total"], 1);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_stores_stories_in_batches_and_reports_each_line() {
    let dirs = common::Dirs::new();
    let store = passage::store::Store::open(&dirs.settings()).await.unwrap();
    assert!(!store.has_stories().await.unwrap());
    let pepper = passage::story::receipt::Pepper::load_or_create(&dirs.data).unwrap();
    // More stories than the workers' batches hold, so several batches are stored, and among
    // them the lines an import must not publish.
    let mut lines: Vec<String> = (1..=300)
        .map(|k| {
            let teller = with(
                story(&format!("Story {k}"), "We crossed with Saba at night.", "public"),
                "private_terms",
                json!(["Saba"]),
            );
            teller.to_string()
        })
        .collect();
    lines[1] = "{not json".into();
    lines[4] = with(
        story("About a child", "My son was nine.", "public"),
        "consent",
        json!({"visibility": "public",
        "allow_quotes": true, "allow_photo": false, "allow_contact": false, "age_confirmed": true,
        "about_minor": true, "version": "1"}),
    )
    .to_string();
    lines[6] = with(story("", "No title.", "public"), "title", json!("")).to_string();
    let report = passage::import::import_lines(
        &store,
        passage::redaction::Rules::defaults(),
        &pepper,
        &lines.join("\n"),
        true,
        "test",
        None,
    )
    .await
    .unwrap();
    assert_eq!((report.imported, report.published), (298, 297), "{:?}", report.problems);
    assert_eq!(report.problems.len(), 3, "{:?}", report.problems);
    assert!(report.problems[0].starts_with("line 2: "), "{:?}", report.problems);
    assert!(report.problems[1].starts_with("line 5: waits for a second moderator"), "{:?}", report.problems);
    assert!(report.problems[2].starts_with("line 7: title"), "{:?}", report.problems);
    assert_eq!(store.count_stories().await.unwrap(), 298);
    assert!(store.has_stories().await.unwrap());
    let published = store.published_page("", 1000).await.unwrap();
    assert_eq!(published.len(), 297);
    assert!(published.iter().all(|s| !s.body.contains("Saba") && s.body.contains("[")), "the private term is redacted");
    // Every stored story can be opened: its key was stored with it.
    for story in published.iter().take(20) {
        assert!(store.story(&story.id).await.unwrap().body.contains("Saba"));
    }
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_indexes_as_it_stores_and_keeps_a_change_made_meanwhile() {
    use passage::search::{Audience, SearchIndex, SearchRequest};
    let dirs = common::Dirs::new();
    std::fs::create_dir_all(&dirs.data).unwrap();
    let store = passage::store::Store::open(&dirs.settings()).await.unwrap();
    let pepper = passage::story::receipt::Pepper::load_or_create(&dirs.data).unwrap();
    let (search, mut indexer) = SearchIndex::open(&dirs.index, store.archive_id()).unwrap();
    let lines: Vec<String> = ["saffron", "harbourmaster", "lantern"]
        .iter()
        .map(|word| story(word, &format!("A story about a {word}."), "public").to_string())
        .collect();
    let rules = passage::redaction::Rules::defaults();
    let report =
        passage::import::import_lines(&store, rules, &pepper, &lines.join("\n"), true, "test", Some(&mut indexer))
            .await
            .unwrap();
    assert_eq!(report.published, 3, "{:?}", report.problems);
    // A moderator takes one story down before the import's documents are committed: its
    // change comes after theirs, and must win.
    let published = store.published_page("", 10).await.unwrap();
    let taken_down = published.iter().find(|s| s.title == "harbourmaster").unwrap();
    store.unpublish(&taken_down.id, None, "moderator").await.unwrap();
    indexer.finish_bulk(&store).await.unwrap();
    let total = |word: &str| {
        let request = SearchRequest { q: word.into(), ..SearchRequest::default() };
        let search = search.clone();
        async move { search.search(&request, Audience::Public).await.unwrap().total }
    };
    assert_eq!(total("saffron").await, 1, "an imported story is not searchable");
    assert_eq!(total("lantern").await, 1, "an imported story is not searchable");
    assert_eq!(total("harbourmaster").await, 0, "a story taken down during the import is searchable");
    // Everything is applied: a server starting on this index has nothing to catch up.
    assert_eq!(indexer.catch_up(&store).await.unwrap(), 0);
    drop(indexer);
    store.close().await;
    let left = all_bytes(&dirs.index).into_iter().filter(|(_, bytes)| contains(bytes, "harbourmaster"));
    assert_eq!(left.map(|(path, _)| path).collect::<Vec<_>>(), Vec::<std::path::PathBuf>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_index_from_another_archive_is_not_trusted() {
    let first = TestServer::start_in(common::Dirs::new(), true).await;
    assert!(first.search("", None).await["total"].as_u64().unwrap() > 0);
    let old = first.stop().await;
    // A fresh store next to the old index (as after restoring the wrong backup).
    let fresh = common::Dirs::new();
    std::fs::create_dir_all(&fresh.data).unwrap();
    let dirs = common::Dirs { index: old.index.clone(), ..fresh };
    let second = TestServer::start_in(dirs, false).await;
    assert_eq!(second.search("", None).await["total"], 0, "stories of another archive are searchable");
    second.stop().await;
    drop(old);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_archive_starts_with_the_sample_collection() {
    let server = TestServer::start_in(common::Dirs::new(), true).await;
    let all = server.search("", None).await;
    assert!(all["total"].as_u64().unwrap() >= 12, "{}", all["total"]);
    let languages = all["facets"]["language"].as_object().unwrap();
    for language in ["en", "ar", "es", "fr", "uk"] {
        assert!(languages.contains_key(language), "no {language} sample");
    }
    let (status, home) = server.get_text("/").await;
    assert_eq!(status, 200);
    assert!(home.contains("card-title"), "the home page lists stories");
    // Search in Arabic, with and without vowel marks.
    let plain = server.search("المدرسة", None).await;
    assert!(plain["total"].as_u64().unwrap() >= 1);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_describes_every_route() {
    let server = TestServer::start().await;
    let (status, doc) = server.get_json("/api/v1/openapi.json", None).await;
    assert_eq!(status, 200);
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/stories",
        "/api/v1/stories/{id}",
        "/api/v1/search",
        "/api/v1/consent",
        "/api/v1/themes",
        "/api/v1/receipts/status",
        "/api/v1/receipts/withdraw",
        "/api/v1/receipts/consent",
        "/api/v1/receipts/export",
        "/api/v1/session",
        "/api/v1/moderation/queue",
        "/api/v1/moderation/stories/{id}",
        "/api/v1/moderation/stories/{id}/decision",
        "/api/v1/moderation/stories/{id}/unpublish",
        "/api/v1/terminology",
        "/api/v1/terminology/check",
        "/api/v1/export.csv",
        "/api/v1/export.json",
        "/api/v1/admin/exports",
        "/api/v1/tokens",
        "/api/v1/tokens/{id}",
        "/api/v1/join",
        "/api/v1/admin/access-requests",
        "/api/v1/admin/access-requests/{id}",
        "/api/v1/stories/{id}/contact",
        "/api/v1/contact-requests",
        "/api/v1/moderation/contact-requests",
        "/api/v1/moderation/contact-requests/{id}",
        "/api/v1/receipts/contact",
    ] {
        assert!(paths.contains_key(path), "{path} missing from the OpenAPI document");
    }
    server.stop().await;
}

#[path = "integration/erasure.rs"]
mod erasure;
#[path = "integration/errors.rs"]
mod errors;
#[path = "integration/flags.rs"]
mod flags;
#[path = "integration/journalists.rs"]
mod journalists;
#[path = "integration/logs.rs"]
mod logs;
#[path = "integration/pages.rs"]
mod pages;
#[path = "integration/photos.rs"]
mod photos;
#[path = "integration/search.rs"]
mod search;
