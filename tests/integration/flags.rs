//! Flagged details: what the engine is unsure of waits for a moderator's decision, through
//! the API and through the review page, and nothing is published before it is decided.

use serde_json::json;

use crate::common::{PASSWORD, TestServer, client, story};
use crate::pages::hidden;
use passage::store::Role;

/// A capitalised word no list knows ("Wislyne") is flagged, not silently kept or redacted.
const BODY: &str = "In the camp a girl called Saba shared her bread. Later Wislyne Dorvilus drove us to the border.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_refuses_to_publish_an_undecided_flag() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let (id, _) = server.submit(&story("The border", BODY, "public")).await;

    let (_, review) = server.get_json(&format!("/api/v1/moderation/stories/{id}"), Some(&moderator)).await;
    let suggestions = review["suggestions"].as_array().unwrap();
    let flag = suggestions.iter().find(|s| s["action"] == "flag").unwrap_or_else(|| panic!("a flag: {review}"));
    assert_eq!((flag["text"].as_str(), flag["rule"].as_str()), (Some("Wislyne Dorvilus"), Some("capitalised_word")));
    let (_, queue) = server.get_json("/api/v1/moderation/queue", Some(&moderator)).await;
    assert_eq!(queue[0]["to_decide"], 1, "{queue}");

    // Publishing "as suggested" is refused, with where the flag is but never its text.
    let decision = format!("/api/v1/moderation/stories/{id}/decision");
    let (status, body) = server.post_json(&decision, &json!({"action": "publish"}), Some(&moderator)).await;
    assert_eq!((status, body["error"]["code"].as_str()), (409, Some("open_flags")), "{body}");
    assert_eq!(body["error"]["flags"][0]["id"], flag["id"], "{body}");
    assert_eq!(body["error"]["flags"][0]["start"], flag["start"], "{body}");
    assert!(!body.to_string().contains("Wislyne"), "an error never carries the text: {body}");
    assert_eq!(server.get_json(&format!("/api/v1/stories/{id}"), None).await.0, 404, "still unpublished");

    // An explicit list of redactions is the moderator's whole decision: here, keep the name.
    let saba = suggestions.iter().find(|s| s["text"] == "Saba").expect("Saba after a cue");
    let redactions = json!([{"start": saba["start"], "end": saba["end"], "category": "person"}]);
    let (status, body) =
        server.post_json(&decision, &json!({"action": "publish", "redactions": redactions}), Some(&moderator)).await;
    assert_eq!(status, 200, "{body}");
    let published = body["body"].as_str().unwrap();
    assert!(published.contains("[person 1] shared") && published.contains("Wislyne Dorvilus drove"), "{published}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_review_page_asks_for_each_flag_and_can_widen_a_detail() {
    let server = TestServer::start().await;
    let store = server.store().await;
    passage::accounts::add_user(&store, "mira", PASSWORD, Role::Moderator).await.unwrap();
    store.close().await;
    let (id, _) = server.submit(&story("The border", BODY, "public")).await;

    let moderator = client(true);
    let login = moderator.get(server.url("/login")).send().await.unwrap().text().await.unwrap();
    let token = hidden(&login, "csrf");
    let form = [("username", "mira"), ("password", PASSWORD), ("csrf", token.as_str())];
    assert_eq!(moderator.post(server.url("/login")).form(&form).send().await.unwrap().status(), 303);

    let page = format!("/moderate/{id}");
    let review = moderator.get(server.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(
        review.contains("name=\"decision\"") && review.contains("class=\"undecided\""),
        "a flag asks for a decision"
    );
    assert!(review.contains("[person 2] drove us"), "the preview hides an undecided flag");
    let csrf = hidden(&review, "csrf");
    let send = |fields: Vec<(&'static str, String)>| {
        let mut fields = fields;
        fields.push(("csrf", csrf.clone()));
        let request = moderator.post(server.url(&page)).form(&fields);
        async move { request.send().await.unwrap() }
    };

    // Publishing with the flag undecided brings the page back with the reason.
    let response = send(vec![("accept", "s1".into()), ("action", "publish".into())]).await;
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("need a decision"));

    // Widening "Saba" to "a girl called Saba", and keeping the flagged name, is published.
    let response = send(vec![
        ("decision", "keep:s2".into()),
        ("widen_id", "s1".into()),
        ("widen", "a girl called Saba".into()),
        ("widen_id", "s2".into()),
        ("widen", String::new()),
        ("action", "publish".into()),
    ])
    .await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap_or_default());
    let (_, story) = server.get_json(&format!("/api/v1/stories/{id}"), None).await;
    assert_eq!(
        story["body"].as_str(),
        Some("In the camp [person 1] shared her bread. Later Wislyne Dorvilus drove us to the border.")
    );
    server.stop().await;
}
