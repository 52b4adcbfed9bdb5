//! The logs hold no story text, receipt, e-mail, phone number or client address: every
//! server of this test binary logs into one buffer (through the production filter), and
//! this test drives each kind of request with personal details, then scans it all.

use serde_json::json;

use crate::common::photos::phone_photo;
use crate::common::{CLIENT_ADDRESS, TestServer, captured_log, story, with};
use passage::store::Role;

const NAME: &str = "Zerihunlogmark";
const EMAIL: &str = "log.marker@example.org";
const PHONE: &str = "+49 151 98765432";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_logs_hold_no_personal_detail() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let body = format!("{NAME} writes to {EMAIL} and answers on {PHONE}.");
    let submission = with(story(&format!("{NAME}'s letters"), &body, "public"), "private_terms", json!([NAME]));
    let (id, receipt) = server.submit(&submission).await;
    let (status, _) = server.submit_with_photo(&submission, phone_photo(NAME), &format!("{NAME}.jpg")).await;
    assert_eq!(status, 201);

    // Mistakes with personal details in them.
    let wrong_type = with(submission.clone(), "year", json!(NAME));
    assert_eq!(server.post_json("/api/v1/stories", &wrong_type, None).await.0, 400);
    let unknown = format!("{}-AAAA", &receipt[..19]);
    assert_eq!(server.post_json("/api/v1/receipts/status", &json!({"receipt": unknown}), None).await.0, 404);
    let login = json!({"username": NAME, "password": EMAIL});
    assert_eq!(server.post_json("/api/v1/session", &login, None).await.0, 401);
    let search = format!("/api/v1/search?q={NAME}%20OR");
    assert_eq!(server.get_json(&search, None).await.0, 400, "a dangling OR is refused");
    let (status, _) = server.get_text(&format!("/search?q={}", EMAIL)).await;
    assert_eq!(status, 200);

    // The storyteller's own requests, and the moderator's.
    for path in ["/api/v1/receipts/status", "/api/v1/receipts/export"] {
        assert_eq!(server.post_json(path, &json!({ "receipt": receipt }), None).await.0, 200);
    }
    let edit = json!({"receipt": receipt, "story": submission});
    assert_eq!(server.post_json("/api/v1/receipts/edit", &edit, None).await.0, 200);
    server.publish(&id, &moderator).await;
    let change = json!({"receipt": receipt, "allow_quotes": true});
    assert_eq!(server.post_json("/api/v1/receipts/consent", &change, None).await.0, 200);
    let page = server.client.post(server.url("/receipt")).form(&[("receipt", receipt.as_str())]).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(server.post_json("/api/v1/receipts/withdraw", &json!({ "receipt": receipt }), None).await.0, 200);
    server.stop().await;

    let log = captured_log();
    assert!(log.contains("story submitted") && log.contains("/api/v1/receipts/withdraw"), "control: no log captured");
    let receipt_plain = receipt.replace('-', "");
    for needle in [NAME, EMAIL, "98765432", "151 9876", &receipt, &receipt_plain, &unknown, CLIENT_ADDRESS] {
        assert!(!log.contains(needle), "the log holds {needle:?}");
    }
    // And nothing shaped like a receipt or an e-mail address from any other test so far.
    let receipt_shape = regex::Regex::new(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b").unwrap();
    let email_shape = regex::Regex::new(r"[\w.+-]+@[\w-]+\.[\w.-]+").unwrap();
    for shape in [receipt_shape, email_shape] {
        assert!(!shape.is_match(&log), "the log holds {:?}", shape.find(&log).map(|m| m.as_str()));
    }
}
