//! Every bad input gets the error JSON with the right status, and nothing stored changes.

use serde_json::{Value, json};

use crate::common::{TestServer, story, with};
use passage::store::Role;

async fn count(server: &TestServer) -> i64 {
    let store = server.store().await;
    let n = store.count_stories().await.unwrap();
    store.close().await;
    n
}

fn assert_error(status: u16, body: &Value, expected_status: u16, code: &str, field: Option<&str>) {
    assert_eq!(status, expected_status, "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(!body["error"]["message"].as_str().unwrap_or_default().is_empty(), "{body}");
    if let Some(field) = field {
        assert_eq!(body["error"]["field"], field, "{body}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_submissions_are_refused_and_store_nothing() {
    let server = TestServer::start().await;
    let good = story("A title", "A body.", "public");
    let cases: Vec<(Value, u16, &str, Option<&str>)> = vec![
        (with(good.clone(), "themes", json!(["illegality"])), 400, "unknown_theme", Some("themes")),
        (with(good.clone(), "origin_country", json!("XX")), 400, "unknown_country", Some("origin_country")),
        (with(good.clone(), "title", json!("t".repeat(201))), 400, "too_long", Some("title")),
        (with(good.clone(), "body", json!("b".repeat(50_001))), 400, "too_long", Some("body")),
        (with(good.clone(), "body", json!("   ")), 400, "missing_field", Some("body")),
        (with(good.clone(), "language", json!("not a language")), 400, "invalid_language", Some("language")),
        (with(good.clone(), "year", json!(3000)), 400, "invalid_year", Some("year")),
        (with(good.clone(), "year", json!("Karim Haddad")), 400, "invalid_field", Some("year")),
        (
            with(good.clone(), "consent", json!({"visibility": "everyone", "version": "1"})),
            400,
            "invalid_field",
            Some("consent.visibility"),
        ),
        (
            with(good.clone(), "consent", json!({"visibility": "public", "version": "0"})),
            409,
            "consent_version_outdated",
            Some("consent.version"),
        ),
        (with(good.clone(), "ip_address", json!("10.0.0.1")), 400, "invalid_field", None),
    ];
    for (body, status, code, field) in cases {
        let (got, answer) = server.post_json("/api/v1/stories", &body, None).await;
        assert_error(got, &answer, status, code, field);
        assert!(!answer.to_string().contains("Karim"), "an error echoed a value: {answer}");
    }
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("title");
    let (got, answer) = server.post_json("/api/v1/stories", &missing, None).await;
    assert_error(got, &answer, 400, "missing_field", Some("title"));

    // Malformed JSON, the wrong content type, an oversized body.
    let raw = |body: &'static str, content_type: &'static str| {
        server.client.post(server.url("/api/v1/stories")).header("content-type", content_type).body(body).send()
    };
    let response = raw("{\"title\": ", "application/json").await.unwrap();
    let status = response.status().as_u16();
    assert_error(status, &response.json().await.unwrap(), 400, "invalid_json", None);
    let response = raw("title=x", "application/x-www-form-urlencoded").await.unwrap();
    let status = response.status().as_u16();
    assert_error(status, &response.json().await.unwrap(), 415, "unsupported_media_type", None);
    let huge = with(good.clone(), "body", json!("x".repeat(2 * 1024 * 1024)));
    let (got, answer) = server.post_json("/api/v1/stories", &huge, None).await;
    assert_error(got, &answer, 413, "payload_too_large", None);

    assert_eq!(count(&server).await, 0, "a refused submission was stored");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_searches_lookups_and_receipts() {
    let server = TestServer::start().await;
    for (query, code) in [
        ("q=%22foo", "invalid_query"),
        ("q=AND+AND", "invalid_query"),
        ("q=-winter", "invalid_query"),
        ("theme=nowhere", "invalid_filter"),
        ("origin=QQ", "invalid_filter"),
        ("year_from=2020&year_to=2010", "invalid_filter"),
        ("year_from=soon", "invalid_filter"),
        ("page=0", "invalid_filter"),
        ("per_page=1000", "invalid_filter"),
    ] {
        let (status, body) = server.get_json(&format!("/api/v1/search?{query}"), None).await;
        assert_error(status, &body, 400, code, None);
    }
    // The HTML search page reads a query it can mend and says how; one it cannot mend is
    // explained instead of failing.
    let (status, page) = server.get_text("/search?q=%22foo").await;
    assert_eq!(status, 200);
    assert!(page.contains("read-as"), "the page says how it read the query");
    let (status, page) = server.get_text("/search?q=-winter").await;
    assert_eq!(status, 400);
    assert!(page.contains("only leaves words out"), "the page says what is wrong");
    // In the reader's language, whatever the form can get wrong.
    for (path, says) in [
        ("/ar/search?q=-winter", "البحث يستبعد كلمات فقط"),
        ("/ar/search?year_from=2020&year_to=2010", "السنة الأولى بعد السنة الأخيرة"),
        ("/uk/search?q=nurse&transit=Atlantis", "Фільтр в адресі нам невідомий"),
        ("/fr/search?q=nurse&page=9999", "Seuls les"),
        (&format!("/es/search?q={}", "a%20".repeat(40)), "demasiadas palabras"),
    ] {
        let (status, page) = server.get_text(path).await;
        assert_eq!(status, 400, "{path}");
        assert!(page.contains(says), "{path}: the page should say {says:?}");
    }

    let (status, body) = server.get_json("/api/v1/stories/nosuchstory", None).await;
    assert_error(status, &body, 404, "not_found", None);
    assert_eq!(server.get_text("/stories/nosuchstory").await.0, 404);
    let (status, body) = server.get_json("/api/v1/no/such/route", None).await;
    assert_error(status, &body, 404, "not_found", None);
    let (status, body) = server.get_json("/api/v1/stories", None).await;
    assert_error(status, &body, 405, "method_not_allowed", None);
    assert_eq!(server.client.delete(server.url("/submit")).send().await.unwrap().status(), 405);

    for receipt in ["0000-0000-0000-0000-0000", "nonsense", ""] {
        let (status, body) = server.post_json("/api/v1/receipts/status", &json!({ "receipt": receipt }), None).await;
        assert_error(status, &body, 404, "unknown_receipt", Some("receipt"));
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_decisions_change_nothing() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let journalist = server.user(Role::Journalist, "jon").await;
    let (id, _) = server.submit(&story("Café days", "Héllo from the café.", "public")).await;
    let decision = |body: Value| {
        let path = format!("/api/v1/moderation/stories/{id}/decision");
        let token = moderator.clone();
        let server = &server;
        async move { server.post_json(&path, &body, Some(&token)).await }
    };
    let (status, body) =
        decision(json!({"action": "publish", "redactions": [{"start": 2, "end": 4, "category": "person"}]})).await;
    assert_error(status, &body, 400, "invalid_redaction", Some("redactions"));
    let (status, body) =
        decision(json!({"action": "publish", "redactions": [{"start": 5, "end": 500, "category": "person"}]})).await;
    assert_error(status, &body, 400, "invalid_redaction", Some("redactions"));
    let (status, body) = decision(json!({"action": "reject"})).await;
    assert_error(status, &body, 400, "invalid_reason", Some("reason"));
    let (status, body) = decision(json!({"action": "shred"})).await;
    assert_error(status, &body, 400, "invalid_field", Some("action"));
    let (status, body) = server
        .post_json(
            &format!("/api/v1/moderation/stories/{id}/decision"),
            &json!({"action": "publish"}),
            Some(&journalist),
        )
        .await;
    assert_error(status, &body, 403, "forbidden", None);
    let (status, body) = server
        .post_json(
            &format!("/api/v1/moderation/stories/{id}/decision"),
            &json!({"action": "publish"}),
            Some("not-a-token"),
        )
        .await;
    assert_error(status, &body, 401, "unauthorized", None);
    let (status, body) = server
        .post_json("/api/v1/moderation/stories/nosuchstory/decision", &json!({"action": "publish"}), Some(&moderator))
        .await;
    assert_error(status, &body, 404, "not_found", None);

    // Still waiting, untouched.
    let (_, review) = server.get_json(&format!("/api/v1/moderation/stories/{id}"), Some(&moderator)).await;
    assert_eq!(review["status"], "submitted");

    // Exact spans are honoured; deciding twice is a conflict.
    let (status, published) =
        decision(json!({"action": "publish", "redactions": [{"start": 0, "end": 6, "category": "other"}]})).await;
    assert_eq!(status, 200, "{published}");
    assert_eq!(published["body"], "[redacted] from the café.");
    let (status, body) = decision(json!({"action": "reject", "reason": "changed my mind"})).await;
    assert_error(status, &body, 409, "wrong_state", None);

    let (status, body) =
        server.post_json("/api/v1/session", &json!({"username": "mira", "password": "wrong password"}), None).await;
    assert_error(status, &body, 401, "bad_credentials", None);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_is_throttled_per_receipt_not_per_address() {
    let server = TestServer::start().await;
    let (_, receipt) = server.submit(&story("Mine", "My own story.", "public")).await;
    let guess = json!({"receipt": "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"});
    for _ in 0..10 {
        assert_eq!(server.post_json("/api/v1/receipts/status", &guess, None).await.0, 404);
    }
    let (status, body) = server.post_json("/api/v1/receipts/status", &guess, None).await;
    assert_error(status, &body, 429, "too_many_attempts", None);
    // Someone else behind the same address is not locked out of their own receipt.
    let (status, _) = server.post_json("/api/v1/receipts/status", &json!({ "receipt": receipt }), None).await;
    assert_eq!(status, 200);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_childs_story_needs_two_moderators() {
    let server = TestServer::start().await;
    let first = server.user(Role::Moderator, "mira").await;
    let second = server.user(Role::Moderator, "tomas").await;
    let mut submission = story("My daughter's school", "She learned the alphabet in a month.", "public");
    submission["consent"]["about_minor"] = json!(true);
    let (id, _) = server.submit(&submission).await;
    let path = format!("/api/v1/moderation/stories/{id}/decision");
    let (status, body) = server.post_json(&path, &json!({"action": "publish"}), Some(&first)).await;
    assert_eq!((status, body["status"].as_str()), (202, Some("awaiting_second_approval")));
    assert_eq!(server.search("alphabet", None).await["total"], 0, "published on one approval");
    let (status, body) = server.post_json(&path, &json!({"action": "publish"}), Some(&first)).await;
    assert_error(status, &body, 409, "second_moderator_needed", None);
    let (_, queue) = server.get_json("/api/v1/moderation/queue", Some(&second)).await;
    assert_eq!(queue[0]["first_approval"], "mira");
    let (status, _) = server.post_json(&path, &json!({"action": "publish"}), Some(&second)).await;
    assert_eq!(status, 200);
    assert_eq!(server.search("alphabet", None).await["total"], 1);

    // An unconfirmed age needs two as well.
    let mut unconfirmed = story("Alone at fifteen", "I crossed alone.", "public");
    unconfirmed["consent"]["age_confirmed"] = json!(false);
    let (id, _) = server.submit(&unconfirmed).await;
    let path = format!("/api/v1/moderation/stories/{id}/decision");
    assert_eq!(server.post_json(&path, &json!({"action": "publish"}), Some(&second)).await.0, 202);
    server.stop().await;
}
