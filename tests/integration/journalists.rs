//! What journalists use besides search: the terminology guide and its draft check.

use serde_json::json;

use crate::common::{TestServer, captured_log};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_is_checked_against_the_terminology_guide() {
    let server = TestServer::start().await;
    let draft = "Officials said the illegal immigrants were held. Les clandestins attendent. \
                 Un inmigrante ilegal. A marker-7Q2 sentence.";
    let (status, report) = server.post_json("/api/v1/terminology/check", &json!({"text": draft}), None).await;
    assert_eq!(status, 200, "{report}");
    let findings = report["findings"].as_array().unwrap();
    let found: Vec<(&str, &str)> =
        findings.iter().map(|f| (f["language"].as_str().unwrap(), f["found"].as_str().unwrap())).collect();
    assert_eq!(found, vec![("en", "illegal immigrants"), ("fr", "Les clandestins"), ("es", "inmigrante ilegal")]);
    for finding in findings {
        let (start, end) = (finding["start"].as_u64().unwrap() as usize, finding["end"].as_u64().unwrap() as usize);
        assert_eq!(&draft[start..end], finding["found"].as_str().unwrap());
        assert!(!finding["suggest"].as_array().unwrap().is_empty() && finding["reason"].as_str().unwrap().len() > 10);
    }

    // A language narrows the check; bad input says what is wrong.
    let (_, french) =
        server.post_json("/api/v1/terminology/check", &json!({"text": draft, "language": "fr-FR"}), None).await;
    assert_eq!(french["findings"].as_array().unwrap().len(), 1);
    for (body, code, field) in [
        (json!({"text": "  "}), "empty_draft", "text"),
        (json!({"text": "x", "language": "zz"}), "unknown_language", "language"),
        (json!({"text": "x".repeat(200_001)}), "draft_too_long", "text"),
        (json!({"draft": "x"}), "invalid_json", ""),
    ] {
        let (status, error) = server.post_json("/api/v1/terminology/check", &body, None).await;
        assert_eq!(status, 400, "{error}");
        if !field.is_empty() {
            assert_eq!((error["error"]["code"].as_str(), error["error"]["field"].as_str()), (Some(code), Some(field)));
        }
    }

    // The guide itself, as JSON and as a page with the check form.
    let (status, guide) = server.get_json("/api/v1/terminology", None).await;
    assert_eq!(status, 200);
    for language in ["en", "fr", "es"] {
        assert!(guide["languages"].as_array().unwrap().iter().any(|l| l == language), "{language} missing");
    }
    let (status, page) = server.get_text("/fr/guide").await;
    assert_eq!(status, 200);
    assert!(page.contains("Guide de terminologie") && page.contains("clandestins"));
    assert!(page.find("id=\"guide-fr\"").unwrap() < page.find("id=\"guide-en\"").unwrap(), "French first");

    // The page checks a draft without JavaScript and marks what it found.
    let response = server
        .client
        .post(server.url("/guide"))
        .form(&[("text", "They called him an illegal alien."), ("language", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let page = response.text().await.unwrap();
    assert!(page.contains("<mark>illegal alien</mark>"), "the draft is marked");
    assert!(page.contains("undocumented"), "a better word is offered");
    let response = server.client.post(server.url("/guide")).form(&[("text", "")]).send().await.unwrap();
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("role=\"alert\""));

    // The draft never reaches the log.
    assert!(!captured_log().contains("marker-7Q2"));
    server.stop().await;
}
