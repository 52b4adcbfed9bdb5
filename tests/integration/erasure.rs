//! Withdrawal erases: after it, no byte under the data or index folders holds the story.

use serde_json::json;

use crate::common::photos::phone_photo;
use crate::common::{Dirs, TestServer, all_bytes, contains, holds_in_any_encoding, story, with};
use passage::store::Role;

const TITLE_MARK: &str = "Wombatquill";
const BODY_MARK: &str = "zanzibarquokka";
const PRIVATE_MARK: &str = "Velociraptora";
const PHOTO_MARK: &str = "Okapiphotomark";

fn photo_files(dirs: &Dirs) -> usize {
    std::fs::read_dir(dirs.data.join("media")).unwrap().count()
}

fn files_holding(dirs: &Dirs, needle: &str) -> Vec<String> {
    [&dirs.data, &dirs.index]
        .iter()
        .flat_map(|dir| all_bytes(dir))
        .filter(|(_, bytes)| holds_in_any_encoding(bytes, needle))
        .map(|(path, _)| path.display().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn withdrawal_leaves_no_byte_behind() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    // Another story stays, so the index and store keep living files.
    let (other, _) = server.submit(&story("Another story", "The lighthouse keeper of Dakar.", "public")).await;
    server.publish(&other, &moderator).await;
    let body = format!("{BODY_MARK} is what my sister {PRIVATE_MARK} called the cat we left in Aleppo.");
    let submission =
        with(story(&format!("{TITLE_MARK} and the cat"), &body, "public"), "private_terms", json!([PRIVATE_MARK]));
    let submission = with(
        submission,
        "consent",
        json!({"visibility": "public", "allow_photo": true, "age_confirmed": true, "version": "1"}),
    );
    let (status, sent) = server.submit_with_photo(&submission, phone_photo(PHOTO_MARK), "cat.jpg").await;
    assert_eq!(status, 201, "{sent}");
    let (id, receipt) = (sent["id"].as_str().unwrap().to_owned(), sent["receipt"].as_str().unwrap().to_owned());
    server.publish(&id, &moderator).await;
    assert_eq!(server.search(BODY_MARK, None).await["total"], 1);

    // Rebuild the index from the store, as `passage reindex` does, then serve again.
    let dirs = server.stop().await;
    {
        let store = passage::store::Store::open(&dirs.settings()).await.unwrap();
        let (_, mut indexer) = passage::search::SearchIndex::open(&dirs.index, store.archive_id()).unwrap();
        assert_eq!(indexer.rebuild(&store).await.unwrap(), 2);
        store.close().await;
    }
    let server = TestServer::start_in(dirs, false).await;
    assert_eq!(server.search(TITLE_MARK, None).await["total"], 1);

    // The scan can see these words where they are stored, in the store and in the index
    // (the control for what follows).
    assert!(!files_holding(&server.dirs, BODY_MARK).is_empty(), "the scan cannot see stored text");
    let in_index = all_bytes(&server.dirs.index).into_iter().any(|(_, bytes)| contains(&bytes, TITLE_MARK));
    assert!(in_index, "the scan cannot see the index's stored text");
    assert_eq!(photo_files(&server.dirs), 2, "the photo's display file and thumbnail");

    let (status, body) = server.post_json("/api/v1/receipts/withdraw", &json!({ "receipt": receipt }), None).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("withdrawn")));

    // Gone at once, everywhere a reader looks.
    assert_eq!(server.search(BODY_MARK, None).await["total"], 0);
    assert_eq!(server.get_json(&format!("/api/v1/stories/{id}"), None).await.0, 410);
    assert_eq!(server.get_text(&format!("/stories/{id}")).await.0, 410);
    let (status, _) = server.post_json("/api/v1/receipts/status", &json!({ "receipt": receipt }), None).await;
    assert_eq!(status, 404);
    assert_eq!(server.search("lighthouse", None).await["total"], 1, "the other story was lost");

    assert_eq!(server.client.get(server.url(&format!("/stories/{id}/photo"))).send().await.unwrap().status(), 410);

    // And gone from the disk, even before the server stops.
    for mark in [TITLE_MARK, BODY_MARK, PRIVATE_MARK, PHOTO_MARK] {
        assert_eq!(files_holding(&server.dirs, mark), Vec::<String>::new(), "{mark} survives on disk");
    }
    assert_eq!(photo_files(&server.dirs), 0, "the photo's files survive");
    let dirs = server.stop().await;
    for mark in [TITLE_MARK, BODY_MARK, PRIVATE_MARK, PHOTO_MARK] {
        assert_eq!(files_holding(&dirs, mark), Vec::<String>::new(), "{mark} survives on disk after shutdown");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn withdrawing_through_the_receipt_page() {
    let server = TestServer::start().await;
    let (id, receipt) = server.submit(&story("Second thoughts", "I would rather keep this to myself.", "public")).await;
    let page = server.client.post(server.url("/receipt")).form(&[("receipt", receipt.as_str())]).send().await.unwrap();
    let page = page.text().await.unwrap();
    assert!(page.contains("action=\"/receipt/withdraw\"") || page.contains("action=\"&#x2f;receipt&#x2f;withdraw\""));
    // Without the confirmation box nothing happens.
    let response = server
        .client
        .post(server.url("/receipt/withdraw"))
        .form(&[("receipt", receipt.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let store = server.store().await;
    assert!(store.story(&id).await.is_ok(), "withdrawn without confirmation");
    let response = server
        .client
        .post(server.url("/receipt/withdraw"))
        .form(&[("receipt", receipt.as_str()), ("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("has been withdrawn"));
    assert!(store.story(&id).await.is_err(), "still stored after withdrawal");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_storyteller_changes_consent_and_downloads_their_data() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let journalist = server.user(Role::Journalist, "jon").await;
    let submission =
        with(story("My garden", "Tomatoes on a balcony in Turin.", "public"), "private_terms", json!(["Turin"]));
    let (id, receipt) = server.submit(&submission).await;
    server.publish(&id, &moderator).await;
    assert_eq!(server.search("tomatoes", None).await["total"], 1);

    // Public → press: gone for anonymous readers at once, still there for the press.
    let (status, consent) =
        server.post_json("/api/v1/receipts/consent", &json!({"receipt": receipt, "visibility": "press"}), None).await;
    assert_eq!((status, consent["visibility"].as_str()), (200, Some("press")));
    assert_eq!(server.search("tomatoes", None).await["total"], 0);
    assert_eq!(server.search("tomatoes", Some(&journalist)).await["total"], 1);
    // Press → private: gone for everyone.
    server.post_json("/api/v1/receipts/consent", &json!({"receipt": receipt, "visibility": "private"}), None).await;
    assert_eq!(server.search("tomatoes", Some(&journalist)).await["total"], 0);
    assert_eq!(server.get_json(&format!("/api/v1/stories/{id}"), Some(&journalist)).await.0, 404);

    // The download holds what they sent, their choices and the history — no staff names.
    let (status, data) = server.post_json("/api/v1/receipts/export", &json!({ "receipt": receipt }), None).await;
    assert_eq!(status, 200);
    assert_eq!(data["body"], "Tomatoes on a balcony in Turin.");
    assert_eq!(data["private_terms"], json!(["Turin"]));
    assert_eq!(data["consent"]["visibility"], "private");
    assert_eq!((data["consent"]["version"].as_str(), data["consent"]["language"].as_str()), (Some("1"), Some("en")));
    let actions: Vec<&str> = data["history"].as_array().unwrap().iter().map(|h| h[1].as_str().unwrap()).collect();
    assert_eq!(actions, vec!["publish", "consent_change", "consent_change"]);
    assert!(!data.to_string().contains("mira"));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_storyteller_edits_a_story_until_a_moderator_decides() {
    let server = TestServer::start().await;
    let first = server.user(Role::Moderator, "mira").await;
    let second = server.user(Role::Moderator, "tomas").await;
    let child = with(
        story("Draft", "My daughter started school.", "public"),
        "consent",
        json!({
            "visibility": "public", "version": "1", "age_confirmed": true, "about_minor": true
        }),
    );
    let (id, receipt) = server.submit(&child).await;
    let decision = format!("/api/v1/moderation/stories/{id}/decision");
    assert_eq!(server.post_json(&decision, &json!({"action": "publish"}), Some(&first)).await.0, 202);

    let review = format!("/api/v1/moderation/stories/{id}");
    let reviewed = server.get_json(&review, Some(&second)).await.1["revision"].as_i64().unwrap();

    // Through the API: the whole story as it should read now.
    let edited = with(
        story("First day", "My daughter started school in Ghent.", "public"),
        "consent",
        json!({
            "visibility": "press", "version": "1", "age_confirmed": true, "about_minor": true
        }),
    );
    let (status, body) =
        server.post_json("/api/v1/receipts/edit", &json!({"receipt": receipt, "story": edited}), None).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("submitted")), "{body}");
    let store = server.store().await;
    let record = store.story(&id).await.unwrap();
    assert_eq!((record.title.as_str(), record.body.as_str()), ("First day", "My daughter started school in Ghent."));
    assert_eq!(record.consent.visibility.as_str(), "press");
    assert_eq!(record.first_approval, None, "an approval of the old text still counted");
    // Bad edits change nothing.
    let (status, body) = server
        .post_json("/api/v1/receipts/edit", &json!({"receipt": receipt, "story": story("", "", "public")}), None)
        .await;
    assert_eq!((status, body["error"]["field"].as_str()), (400, Some("title")));
    assert_eq!(store.story(&id).await.unwrap().title, "First day");

    // Through the pages: the receipt page's button opens the form filled in; saving keeps it.
    let form = [("receipt", receipt.as_str()), ("start_edit", "yes")];
    let page = server.client.post(server.url("/receipt/edit")).form(&form).send().await.unwrap();
    assert_eq!(page.headers()["cache-control"], "no-store");
    let page = page.text().await.unwrap();
    assert!(page.contains("Edit your story") && page.contains("My daughter started school in Ghent."));
    let save = [
        ("receipt", receipt.as_str()),
        ("title", "First day"),
        ("body", "My daughter started school. She loves the library."),
        ("language", "en"),
        ("visibility", "press"),
        ("age_confirmed", "yes"),
        ("about_minor", "yes"),
        ("consent_version", "1"),
        ("consent_language", "en"),
    ];
    let saved = server.client.post(server.url("/receipt/edit")).form(&save).send().await.unwrap();
    assert_eq!(saved.status(), 200);
    assert!(saved.text().await.unwrap().contains("Your changes are saved."));
    assert!(store.story(&id).await.unwrap().body.ends_with("She loves the library."));

    // A decision on the version the moderator read is refused once the teller has edited it.
    let stale = json!({"action": "publish", "revision": reviewed});
    let (status, body) = server.post_json(&decision, &stale, Some(&first)).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("edited")), "{body}");
    let current = server.get_json(&review, Some(&second)).await.1["revision"].as_i64().unwrap();
    assert_eq!(current, reviewed + 2, "two edits since");

    // Two moderators again, then no more edits.
    assert_eq!(server.post_json(&decision, &json!({"action": "publish"}), Some(&first)).await.0, 202);
    assert_eq!(server.post_json(&decision, &json!({"action": "publish"}), Some(&second)).await.0, 200);
    let (status, body) =
        server.post_json("/api/v1/receipts/edit", &json!({"receipt": receipt, "story": edited}), None).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("already_decided")));
    let refused = server.client.post(server.url("/receipt/edit")).form(&form).send().await.unwrap();
    assert_eq!(refused.status(), 409);
    let actions: Vec<String> = store.history(&id).await.unwrap().into_iter().map(|(_, action)| action).collect();
    assert_eq!(actions, ["approve_first", "edit", "edit", "approve_first", "publish"]);
    store.close().await;
}
