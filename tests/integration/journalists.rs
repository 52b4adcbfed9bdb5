//! What journalists use besides search: exports and their log, API tokens, the terminology
//! guide and its draft check.

use serde_json::{Value, json};

use crate::common::{TestServer, captured_log, story, with};
use passage::store::Role;

fn no_quotes(value: Value) -> Value {
    let mut value = value;
    value["consent"]["allow_quotes"] = json!(false);
    value
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_hold_published_fields_respect_consent_and_are_logged() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let journalist = server.user(Role::Journalist, "jon").await;
    let admin = server.user(Role::Admin, "ada").await;
    let quotable = "The ferry smelled of diesel and oranges all night.";
    let unquotable = "The ferry was late; we slept on the quay, \"counting\" gulls, one, two.";
    let press_only = "The ferry captain shared his bread with us.";
    for (title, body, consent) in [
        ("Quotable ferry", quotable, story("", "", "public")),
        ("Unquotable ferry", unquotable, no_quotes(story("", "", "public"))),
        ("Press ferry", press_only, story("", "", "press")),
    ] {
        let submission = with(with(consent, "title", json!(title)), "body", json!(body));
        let (id, _) = server.submit(&submission).await;
        server.publish(&id, &moderator).await;
    }

    // Anonymous JSON: public stories only; the text only where quoting is allowed.
    let (status, export) = server.get_json("/api/v1/export.json?q=ferry", None).await;
    assert_eq!(status, 200, "{export}");
    assert_eq!((export["total"].as_u64(), export["truncated"].as_bool()), (Some(2), Some(false)));
    let stories = export["stories"].as_array().unwrap();
    let by_title = |title: &str| stories.iter().find(|s| s["title"] == title).cloned();
    assert!(by_title("Press ferry").is_none(), "a press story in an anonymous export");
    let quoted = by_title("Quotable ferry").unwrap();
    assert_eq!((quoted["body"].as_str(), quoted["quoting_allowed"].as_bool()), (Some(quotable), Some(true)));
    assert!(quoted["citation"].as_str().unwrap().contains(quoted["id"].as_str().unwrap()));
    let unquoted = by_title("Unquotable ferry").unwrap();
    assert_eq!((unquoted["body"].clone(), unquoted["quoting_allowed"].as_bool()), (Value::Null, Some(false)));
    for key in ["private_terms", "consent", "receipt"] {
        assert!(quoted.get(key).is_none(), "{key} exported");
    }

    // Anonymous CSV: the same two rows, quoted properly, no text for the unquotable one.
    let response = server.client.get(server.url("/api/v1/export.csv?q=ferry&sort=oldest")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(response.headers()["content-disposition"].to_str().unwrap().contains(".csv"));
    let csv = response.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    let row = |title: &str| rows.iter().find(|r| &r[column("title")] == title).unwrap().clone();
    assert_eq!(&row("Quotable ferry")[column("body")], quotable);
    let unquoted = row("Unquotable ferry");
    assert_eq!((&unquoted[column("body")], &unquoted[column("quoting_allowed")]), ("", "no"));
    assert!(!csv.contains("Press ferry") && !csv.contains("counting"));

    // A journalist's token adds press stories.
    let (_, export) = server.get_json("/api/v1/export.json?q=ferry", Some(&journalist)).await;
    assert_eq!(export["total"], 3);

    // A bad filter is a 400, and is not logged as an export.
    assert_eq!(server.get_json("/api/v1/export.json?q=ferry&origin=XX", None).await.0, 400);

    // The log says who exported which query, and only admins read it.
    assert_eq!(server.get_json("/api/v1/admin/exports", Some(&journalist)).await.0, 403);
    assert_eq!(server.get_json("/api/v1/admin/exports", None).await.0, 401);
    let (status, log) = server.get_json("/api/v1/admin/exports", Some(&admin)).await;
    assert_eq!(status, 200);
    let entries: Vec<(&str, &str, i64)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["actor"].as_str().unwrap(), e["format"].as_str().unwrap(), e["stories"].as_i64().unwrap()))
        .collect();
    assert_eq!(entries, vec![("jon", "json", 3), ("anonymous", "csv", 2), ("anonymous", "json", 2)]);
    assert!(
        log[1]["query"].as_str().unwrap().contains("q=ferry")
            && log[1]["query"].as_str().unwrap().contains("sort=oldest")
    );

    // The search page links to the export of what it shows.
    let (_, page) = server.get_text("/search?q=ferry").await;
    assert!(page.contains("/search/export.csv?q=ferry"), "no export link");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journalists_create_list_and_revoke_tokens() {
    let server = TestServer::start().await;
    let journalist = server.user(Role::Journalist, "jon").await;
    let other = server.user(Role::Journalist, "kim").await;
    let new_token = |label: &str, password: &str| json!({ "label": label, "password": password });
    let (status, error) =
        server.post_json("/api/v1/tokens", &new_token("stolen", "not the password"), Some(&journalist)).await;
    assert_eq!((status, error["error"]["field"].as_str()), (401, Some("password")), "a token alone makes no token");
    let (status, created) =
        server.post_json("/api/v1/tokens", &new_token("data desk", crate::common::PASSWORD), Some(&journalist)).await;
    assert_eq!(status, 201, "{created}");
    let token = created["token"].as_str().unwrap().to_owned();
    assert_eq!(token.len(), 64);
    let (_, tokens) = server.get_json("/api/v1/tokens", Some(&token)).await;
    let listed = tokens.as_array().unwrap();
    assert_eq!(listed.len(), 2, "the login token and the new one: {tokens}");
    assert_eq!(listed[0]["label"], "data desk");
    assert!(!tokens.to_string().contains(&token), "a token is never listed");
    let id = listed[0]["id"].as_i64().unwrap();

    // Only its owner can revoke it; once revoked it opens nothing.
    let revoke = |token: String| {
        let server = &server;
        async move {
            let response = server
                .client
                .delete(server.url(&format!("/api/v1/tokens/{id}")))
                .bearer_auth(token)
                .send()
                .await
                .unwrap();
            response.status().as_u16()
        }
    };
    assert_eq!(revoke(other.clone()).await, 404);
    assert_eq!(server.get_json("/api/v1/tokens", Some(&token)).await.0, 200);
    assert_eq!(revoke(journalist.clone()).await, 204);
    assert_eq!(server.get_json("/api/v1/tokens", Some(&token)).await.0, 401);
    assert_eq!(server.get_json("/api/v1/search?q=x", Some(&token)).await.0, 401);
    assert_eq!(revoke(journalist.clone()).await, 404);
    assert_eq!(server.get_json("/api/v1/tokens", Some(&journalist)).await.0, 200, "the other token still works");

    // Bad input says what is wrong; no token, no tokens.
    let (status, error) = server
        .post_json("/api/v1/tokens", &new_token(&"x".repeat(81), crate::common::PASSWORD), Some(&journalist))
        .await;
    assert_eq!((status, error["error"]["field"].as_str()), (400, Some("label")));
    assert_eq!(server.post_json("/api/v1/tokens", &json!({}), None).await.0, 401);
    server.stop().await;
}

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_journalist_asks_for_access_and_an_admin_grants_it() {
    let server = TestServer::start().await;
    let admin = server.user(Role::Admin, "ada").await;
    let request = json!({"name": "Lina Haddad", "outlet": "Daily Ledger", "purpose": "A series on care workers.",
                         "username": "lina.h", "password": "a long enough password"});
    let (status, answer) = server.post_json("/api/v1/join", &request, None).await;
    assert_eq!((status, answer["status"].as_str()), (202, Some("pending")), "{answer}");
    let login = json!({"username": "lina.h", "password": "a long enough password"});
    assert_eq!(server.post_json("/api/v1/session", &login, None).await.0, 401, "no account before an admin decides");

    // Bad requests say which field is wrong; a username cannot be asked for twice.
    for (change, status, field) in [
        (json!({"outlet": " "}), 400, "outlet"),
        (json!({"username": "lina h"}), 400, "username"),
        (json!({"password": "short"}), 400, "password"),
    ] {
        let mut body = request.clone();
        for (key, value) in change.as_object().unwrap() {
            body[key] = value.clone();
        }
        let (got, error) = server.post_json("/api/v1/join", &body, None).await;
        assert_eq!((got, error["error"]["field"].as_str()), (status, Some(field)), "{change}: {error}");
    }

    // Only admins see and decide requests; the list never holds the password.
    let journalist = server.user(Role::Journalist, "jon").await;
    assert_eq!(server.get_json("/api/v1/admin/access-requests", Some(&journalist)).await.0, 403);
    let (status, requests) = server.get_json("/api/v1/admin/access-requests", Some(&admin)).await;
    assert_eq!(status, 200);
    assert_eq!(requests[0]["outlet"], "Daily Ledger");
    assert!(!requests.to_string().contains("argon2"), "{requests}");
    let id = requests[0]["id"].as_i64().unwrap();
    let decide = |decision: &str| json!({ "decision": decision });
    let path = format!("/api/v1/admin/access-requests/{id}");
    assert_eq!(server.post_json(&path, &decide("maybe"), Some(&admin)).await.0, 400);
    let (status, granted) = server.post_json(&path, &decide("grant"), Some(&admin)).await;
    assert_eq!((status, granted["status"].as_str()), (200, Some("granted")), "{granted}");
    assert_eq!(server.post_json(&path, &decide("refuse"), Some(&admin)).await.0, 409);
    let (status, session) = server.post_json("/api/v1/session", &login, None).await;
    assert_eq!((status, session["role"].as_str()), (200, Some("journalist")), "{session}");

    // Whether a username is free is not told to whoever asks (no probing for staff names);
    // a second request for a taken one fails only when an admin grants it.
    assert_eq!(server.post_json("/api/v1/join", &request, None).await.0, 202);
    let (_, requests) = server.get_json("/api/v1/admin/access-requests", Some(&admin)).await;
    let again = format!("/api/v1/admin/access-requests/{}", requests[0]["id"].as_i64().unwrap());
    let (status, error) = server.post_json(&again, &decide("grant"), Some(&admin)).await;
    assert_eq!((status, error["error"]["code"].as_str()), (409, Some("username_taken")));
    assert_eq!(server.post_json(&again, &decide("refuse"), Some(&admin)).await.0, 200);

    // A refused request opens nothing.
    let other =
        json!({"name": "X", "outlet": "Y", "purpose": "Z", "username": "xyz", "password": "another long password"});
    server.post_json("/api/v1/join", &other, None).await;
    let (_, requests) = server.get_json("/api/v1/admin/access-requests", Some(&admin)).await;
    let id = requests[0]["id"].as_i64().unwrap();
    let path = format!("/api/v1/admin/access-requests/{id}");
    assert_eq!(server.post_json(&path, &decide("refuse"), Some(&admin)).await.0, 200);
    let login = json!({"username": "xyz", "password": "another long password"});
    assert_eq!(server.post_json("/api/v1/session", &login, None).await.0, 401);

    // The page works without JavaScript and keeps what was typed when something is wrong.
    assert_eq!(server.get_text("/join").await.0, 200);
    let join = |outlet: &'static str| {
        let form = [
            ("name", "Sam"),
            ("outlet", outlet),
            ("purpose", "Research"),
            ("username", "sam"),
            ("password", "long enough pw"),
        ];
        server.client.post(server.url("/join")).form(&form).send()
    };
    let response = join("").await.unwrap();
    assert_eq!(response.status(), 400);
    let page = response.text().await.unwrap();
    assert!(page.contains("role=\"alert\"") && page.contains("value=\"Sam\""), "{page}");
    let response = join("Uni").await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("Thank you"));
    server.stop().await;
}

/// A published story whose teller accepts interview requests: its id and receipt.
async fn open_to_contact(server: &TestServer, moderator: &str) -> (String, String) {
    let mut open = story("Night bakery", "I bake bread at night near the station.", "public");
    open["consent"]["allow_contact"] = json!(true);
    let (id, receipt) = server.submit(&open).await;
    server.publish(&id, moderator).await;
    (id, receipt)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_request_reaches_the_storyteller_and_only_their_answer_reaches_the_journalist() {
    const REPLY: &str = "Signal: safe-name-7731, evenings only";
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let journalist = server.user(Role::Journalist, "jon").await;
    let (id, receipt) = open_to_contact(&server, &moderator).await;
    let (closed, _) = server.submit(&story("Closed door", "I keep my story to myself.", "public")).await;
    server.publish(&closed, &moderator).await;

    // Only journalists ask, only where the teller allows it, with a message.
    let ask = |story: &str, message: &str| (format!("/api/v1/stories/{story}/contact"), json!({ "message": message }));
    let (path, body) = ask(&id, "Lina from the Daily Ledger, for a piece on night work.");
    assert_eq!(server.post_json(&path, &body, None).await.0, 401);
    assert_eq!(server.post_json(&path, &body, Some(&moderator)).await.0, 403);
    let (status, error) = server.post_json(&ask(&id, " ").0, &ask(&id, " ").1, Some(&journalist)).await;
    assert_eq!((status, error["error"]["field"].as_str()), (400, Some("message")));
    let (status, error) = server.post_json(&ask(&closed, "hi").0, &ask(&closed, "hi").1, Some(&journalist)).await;
    assert_eq!((status, error["error"]["code"].as_str()), (409, Some("contact_not_allowed")));
    let (status, mine) = server.post_json(&path, &body, Some(&journalist)).await;
    assert_eq!(status, 201, "{mine}");
    assert_eq!(mine[0]["status"], "pending");

    // Nothing reaches the storyteller before a moderator relays it.
    let status_of =
        || async { server.post_json("/api/v1/receipts/status", &json!({ "receipt": receipt }), None).await.1 };
    assert_eq!(status_of().await["contact_requests"], json!([]));
    let (_, pending) = server.get_json("/api/v1/moderation/contact-requests", Some(&moderator)).await;
    assert_eq!(pending.as_array().unwrap().len(), 1);
    let request = pending[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(server.get_json("/api/v1/moderation/contact-requests", Some(&journalist)).await.0, 403);
    let decide = format!("/api/v1/moderation/contact-requests/{request}");
    let (status, relayed) = server.post_json(&decide, &json!({"action": "relay"}), Some(&moderator)).await;
    assert_eq!((status, relayed["status"].as_str()), (200, Some("relayed")));
    assert_eq!(server.post_json(&decide, &json!({"action": "decline"}), Some(&moderator)).await.0, 409);

    // The storyteller sees it (on the receipt page too) and answers yes, in their words.
    let shown = status_of().await;
    assert_eq!(shown["contact_requests"][0]["message"], "Lina from the Daily Ledger, for a piece on night work.");
    assert_eq!(shown["contact_requests"][0]["journalist"], "jon");
    let response =
        server.client.post(server.url("/receipt")).form(&[("receipt", receipt.as_str())]).send().await.unwrap();
    let page = response.text().await.unwrap();
    assert!(page.contains("for a piece on night work") && page.contains("/receipt/contact"), "receipt page");
    let answer =
        |answer: &str, reply: &str| json!({"receipt": receipt, "request": request, "answer": answer, "reply": reply});
    let (status, error) = server.post_json("/api/v1/receipts/contact", &answer("yes", ""), None).await;
    assert_eq!((status, error["error"]["field"].as_str()), (400, Some("reply")));
    let (status, _) = server.post_json("/api/v1/receipts/contact", &answer("yes", REPLY), None).await;
    assert_eq!(status, 200);
    assert_eq!(server.post_json("/api/v1/receipts/contact", &answer("no", ""), None).await.0, 409);
    let again = answer("yes", "a second answer");
    assert_eq!(server.post_json("/api/v1/receipts/contact", &again, None).await.0, 409);
    let wrong = json!({"receipt": "AAAA-BBBB-CCCC-DDDD-EEEE", "request": request, "answer": "no"});
    assert_eq!(server.post_json("/api/v1/receipts/contact", &wrong, None).await.0, 404);

    // The journalist gets exactly what the storyteller wrote; the store holds it sealed.
    let (_, mine) = server.get_json("/api/v1/contact-requests", Some(&journalist)).await;
    assert_eq!((mine[0]["status"].as_str(), mine[0]["reply"].as_str()), (Some("accepted"), Some(REPLY)));
    assert!(!mine.to_string().contains(&receipt));
    for (path, bytes) in crate::common::all_bytes(&server.dirs.data) {
        assert!(
            !crate::common::holds_in_any_encoding(&bytes, "safe-name-7731"),
            "reply readable in {}",
            path.display()
        );
    }

    // Withdrawal takes the request and the reply's key with the story. The control shows the
    // key's name can be seen in the files before.
    let key_name = format!("{id}/contact/{request}");
    let holds_key = || {
        crate::common::all_bytes(&server.dirs.data).iter().any(|(_, bytes)| crate::common::contains(bytes, &key_name))
    };
    assert!(holds_key(), "control: the reply's key is in the key store");
    let (status, _) = server.post_json("/api/v1/receipts/withdraw", &json!({ "receipt": receipt }), None).await;
    assert_eq!(status, 200);
    let (_, mine) = server.get_json("/api/v1/contact-requests", Some(&journalist)).await;
    assert_eq!(mine, json!([]));
    assert!(!holds_key(), "the reply's key survived the withdrawal");
    assert!(!captured_log().contains("safe-name-7731"));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_contact_request_pages_work_without_javascript() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    server.user(Role::Journalist, "jon").await;
    let (id, receipt) = open_to_contact(&server, &moderator).await;

    // The journalist logs in, asks from the story page, and sees the request waiting.
    let browser = signed_in(&server, "jon", crate::common::PASSWORD).await;
    let page = browser.get(server.url(&format!("/stories/{id}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Ask for an interview"), "the story page offers the request");
    let csrf = crate::pages::hidden(&page, "csrf");
    let sent = browser
        .post(server.url(&format!("/stories/{id}/contact")))
        .form(&[("csrf", csrf.as_str()), ("message", "Jon, Weekly Review: a radio piece on night work.")])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 303);
    let forged = crate::common::client(false)
        .post(server.url(&format!("/stories/{id}/contact")))
        .form(&[("csrf", csrf.as_str()), ("message", "forged")])
        .send()
        .await
        .unwrap();
    let location = forged.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
    assert!(
        forged.status().is_client_error() || location.as_deref().is_some_and(|l| l.starts_with("/login")),
        "no session, no request: {} {location:?}",
        forged.status()
    );
    let page = browser.get(server.url(&format!("/stories/{id}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("waiting for a moderator"), "the journalist sees the request waiting");

    // Relayed, the storyteller says no on the receipt page.
    let (_, pending) = server.get_json("/api/v1/moderation/contact-requests", Some(&moderator)).await;
    assert_eq!(pending.as_array().unwrap().len(), 1, "the forged request was not recorded");
    let request = pending[0]["id"].as_str().unwrap().to_owned();
    let decide = format!("/api/v1/moderation/contact-requests/{request}");
    server.post_json(&decide, &json!({"action": "relay"}), Some(&moderator)).await;
    let answered = server
        .client
        .post(server.url("/receipt/contact"))
        .form(&[("receipt", receipt.as_str()), ("request", request.as_str()), ("answer", "no"), ("reply", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), 200);
    assert!(answered.text().await.unwrap().contains("You said no."));
    let page = browser.get(server.url(&format!("/stories/{id}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("the storyteller said no"));
    server.stop().await;
}

/// A browser signed in as `username` (the login form's CSRF token is bound to a cookie).
async fn signed_in(server: &TestServer, username: &str, password: &str) -> reqwest::Client {
    let browser = crate::common::client(true);
    let login = browser.get(server.url("/login")).send().await.unwrap().text().await.unwrap();
    let csrf = crate::pages::hidden(&login, "csrf");
    let form = [("username", username), ("password", password), ("csrf", csrf.as_str())];
    assert_eq!(browser.post(server.url("/login")).form(&form).send().await.unwrap().status(), 303);
    browser
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_and_account_pages_grant_access_and_manage_tokens() {
    let server = TestServer::start().await;
    server.user(Role::Admin, "ada").await;
    let request = json!({"name": "Lina Haddad", "outlet": "Daily Ledger", "purpose": "Care workers.",
                         "username": "lina.h", "password": "a long enough password"});
    assert_eq!(server.post_json("/api/v1/join", &request, None).await.0, 202);

    // The admin grants the request from the admin page.
    let admin = signed_in(&server, "ada", crate::common::PASSWORD).await;
    let page = admin.get(server.url("/admin")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Daily Ledger") && page.contains("Export log"));
    let csrf = crate::pages::hidden(&page, "csrf");
    let action = page.split("action=\"/admin/access-requests/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let granted = admin
        .post(server.url(&format!("/admin/access-requests/{action}")))
        .form(&[("csrf", csrf.as_str()), ("decision", "grant")])
        .send()
        .await
        .unwrap();
    assert_eq!(granted.status(), 303);
    let journalist = signed_in(&server, "lina.h", "a long enough password").await;
    assert_eq!(journalist.get(server.url("/admin")).send().await.unwrap().status(), 403);

    // The journalist creates a token on the account page, sees it once, then revokes it.
    let page = journalist.get(server.url("/account")).send().await.unwrap().text().await.unwrap();
    let csrf = crate::pages::hidden(&page, "csrf");
    let created = journalist
        .post(server.url("/account/tokens"))
        .form(&[("csrf", csrf.as_str()), ("label", "laptop")])
        .send()
        .await
        .unwrap();
    assert_eq!(created.headers()["cache-control"], "no-store");
    let page = created.text().await.unwrap();
    let token = page.split("<pre class=\"cite-box\">").nth(1).unwrap().split('<').next().unwrap().to_owned();
    assert_eq!(token.len(), 64);
    assert_eq!(server.get_json("/api/v1/tokens", Some(&token)).await.0, 200);
    let page = journalist.get(server.url("/account")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("laptop") && !page.contains(&token), "listed by name, never the token again");
    let revoke = page.split("action=\"/account/tokens/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let revoked = journalist
        .post(server.url(&format!("/account/tokens/{revoke}")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 303);
    assert_eq!(server.get_json("/api/v1/tokens", Some(&token)).await.0, 401);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn turning_contact_off_closes_requests_and_destroys_answers() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let journalist = server.user(Role::Journalist, "jon").await;
    let (id, receipt) = open_to_contact(&server, &moderator).await;
    let path = format!("/api/v1/stories/{id}/contact");
    let mut requests = Vec::new();
    for message in ["first journalist question", "second journalist question"] {
        server.post_json(&path, &json!({ "message": message }), Some(&journalist)).await;
    }
    let (_, pending) = server.get_json("/api/v1/moderation/contact-requests", Some(&moderator)).await;
    for request in pending.as_array().unwrap() {
        let id = request["id"].as_str().unwrap().to_owned();
        let decide = format!("/api/v1/moderation/contact-requests/{id}");
        server.post_json(&decide, &json!({"action": "relay"}), Some(&moderator)).await;
        requests.push(id);
    }
    let answer =
        json!({"receipt": receipt, "request": requests[0], "answer": "yes", "reply": "write to me at safe-7731"});
    assert_eq!(server.post_json("/api/v1/receipts/contact", &answer, None).await.0, 200);
    let (_, mine) = server.get_json("/api/v1/contact-requests", Some(&journalist)).await;
    assert!(mine.to_string().contains("safe-7731"));

    // The teller turns contact off: the open request closes, the given answer is destroyed.
    let change = json!({"receipt": receipt, "visibility": "public", "allow_quotes": true, "allow_photo": false,
                        "allow_contact": false});
    assert_eq!(server.post_json("/api/v1/receipts/consent", &change, None).await.0, 200);
    let (_, mine) = server.get_json("/api/v1/contact-requests", Some(&journalist)).await;
    assert!(!mine.to_string().contains("safe-7731"), "{mine}");
    let statuses: Vec<&str> = mine.as_array().unwrap().iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert!(statuses.contains(&"declined"), "{statuses:?}");
    let late = json!({"receipt": receipt, "request": requests[1], "answer": "yes", "reply": "too late"});
    assert_eq!(server.post_json("/api/v1/receipts/contact", &late, None).await.0, 409);
    assert_eq!(server.post_json(&path, &json!({"message": "again?"}), Some(&journalist)).await.0, 409);
    server.stop().await;
}
