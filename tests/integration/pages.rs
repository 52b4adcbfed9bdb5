//! The pages, driven as a browser without JavaScript would: plain forms and cookies.

use crate::common::{PASSWORD, TestServer, client};
use passage::store::Role;

/// The value of a hidden input named `name` in a page.
pub(crate) fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).unwrap_or_else(|| panic!("no {name} field")) + marker.len();
    page[start..].split('"').next().unwrap().to_owned()
}

fn receipt_in(page: &str) -> String {
    let re = regex::Regex::new(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}").unwrap();
    re.find(page).expect("a receipt on the page").as_str().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submit_moderate_and_read_through_the_pages() {
    let server = TestServer::start().await;
    let store = server.store().await;
    passage::accounts::add_user(&store, "mira", PASSWORD, Role::Moderator).await.unwrap();
    store.close().await;
    let storyteller = client(false);

    // A draft with a mistake comes back whole, with the error next to the field.
    let form = [
        ("title", "Bread at four"),
        ("body", "Every morning Samira and I bake bread in Lyon. Call me on +33 6 12 34 56 78."),
        ("language", "fr"),
        ("origin_country", "SY"),
        ("residence_country", "FR"),
        ("transit_countries", "Turkey, GR"),
        ("year", "twenty"),
        ("themes", "work"),
        ("themes", "culture"),
        ("private_terms", "Samira"),
        ("visibility", "public"),
        ("allow_quotes", "yes"),
        ("age_confirmed", "yes"),
        ("consent_version", "1"),
    ];
    let response = storyteller.post(server.url("/submit")).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 400);
    assert!(response.headers().get("set-cookie").is_none(), "storytellers get no cookie");
    let page = response.text().await.unwrap();
    assert!(page.contains("Please write the year as a number"));
    assert!(page.contains("Every morning Samira and I bake bread"), "the draft was lost");
    // In the storyteller's language, next to the field, with every word they wrote.
    for (lang, message) in [
        ("ar", "يُرجى كتابة السنة بالأرقام"),
        ("fa", "لطفاً سال را با عدد بنویسید"),
        ("uk", "Будь ласка, напишіть рік числом"),
        ("es", "Por favor, escriba el año en cifras"),
    ] {
        let response = storyteller.post(server.url(&format!("/{lang}/submit"))).form(&form).send().await.unwrap();
        assert_eq!(response.status(), 400);
        let page = response.text().await.unwrap();
        let next_to_year = page.split("id=\"year-error\"").nth(1).unwrap_or_default();
        assert!(next_to_year.trim_start_matches('>').starts_with(message), "{lang}: no message by the year");
        assert!(page.contains("Every morning Samira and I bake bread"), "{lang}: the draft was lost");
        assert!(page.contains("value=\"twenty\""), "{lang}: the year typed was lost");
    }

    // Reading the consent in Arabic keeps the draft and sends nothing.
    let mut switch = form.to_vec();
    switch.push(("show_consent_in", "ar"));
    let response = storyteller.post(server.url("/submit")).form(&switch).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains("class=\"consent-text\" lang=\"ar\" dir=\"rtl\""), "no Arabic consent text");
    assert!(page.contains("Every morning Samira and I bake bread"), "the draft was lost");
    assert!(page.contains("name=\"consent_language\" value=\"ar\""));
    let store = server.store().await;
    assert_eq!(store.count_stories().await.unwrap(), 0, "a language switch sent the story");

    let mut fixed = form.to_vec();
    fixed.retain(|(k, _)| *k != "year");
    fixed.push(("year", "2016"));
    fixed.push(("consent_language", "ar"));
    let response = storyteller.post(server.url("/submit")).form(&fixed).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let receipt = receipt_in(&response.text().await.unwrap());
    let consent = &store.queue(1).await.unwrap()[0].consent;
    assert_eq!((consent.version.as_str(), consent.language.as_str()), ("1", "ar"), "the consent read is recorded");
    store.close().await;

    let check = |receipt: String| {
        let storyteller = storyteller.clone();
        let url = server.url("/receipt");
        async move { storyteller.post(url).form(&[("receipt", receipt)]).send().await.unwrap().text().await.unwrap() }
    };
    assert!(check(receipt.to_lowercase()).await.contains("waiting for a moderator"));

    // The moderator logs in (the login form carries a CSRF token bound to a cookie).
    let moderator = client(true);
    let login_page = moderator.get(server.url("/login")).send().await.unwrap().text().await.unwrap();
    let token = hidden(&login_page, "csrf");
    let forged = client(false)
        .post(server.url("/login"))
        .form(&[("username", "mira"), ("password", PASSWORD), ("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403, "a login without the cookie is refused");
    let response = moderator
        .post(server.url("/login"))
        .form(&[("username", "mira"), ("password", PASSWORD), ("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");

    let queue = moderator.get(server.url("/moderate")).send().await.unwrap().text().await.unwrap();
    assert!(queue.contains("Bread at four"));
    let id = {
        let start = queue.find("/moderate/").unwrap() + "/moderate/".len();
        queue[start..].split('"').next().unwrap().replace("&#x2f;", "")
    };
    let review = moderator.get(server.url(&format!("/moderate/{id}"))).send().await.unwrap();
    // The one page that may run a script runs the archive's own, and nothing from elsewhere.
    let csp = review.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("script-src 'self'") && csp.contains("default-src 'self'"), "{csp}");
    let review = review.text().await.unwrap();
    assert!(review.contains(r#"<script src="/static/review.js" defer></script>"#));
    assert!(review.contains("flag-private_term") && review.contains("flag-phone"));
    assert!(review.contains("[name 1] and I bake bread"), "the preview shows the redaction");
    let csrf = hidden(&review, "csrf");

    // Without the CSRF token nothing happens.
    let response =
        moderator.post(server.url(&format!("/moderate/{id}"))).form(&[("action", "publish")]).send().await.unwrap();
    assert_eq!(response.status(), 403);

    // Dropping the phone suggestion and adding "Lyon" shows in the preview.
    let preview = moderator
        .post(server.url(&format!("/moderate/{id}")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("accept", "s1"),
            ("extra_terms", "Lyon"),
            ("extra_category", "place"),
            ("action", "preview"),
        ])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        preview.contains("bake bread in [place]. Call me on +33 6 12 34 56 78."),
        "preview did not follow the choices"
    );

    let response = moderator
        .post(server.url(&format!("/moderate/{id}")))
        .form(&[("csrf", csrf.as_str()), ("accept", "s1"), ("accept", "s2"), ("action", "publish")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let story = server.get_text(&format!("/stories/{id}")).await.1;
    assert!(story.contains("[name 1] and I bake bread in Lyon. Call me on [phone]."));
    assert!(!story.contains("Samira") && !story.contains("34 56 78"));
    assert!(check(receipt).await.contains("has been published"));

    // The search page finds it, in French, from an inflected word.
    let (status, results) = server.get_text("/search?q=boulangerie+OR+pain+OR+bread").await;
    assert_eq!(status, 200);
    assert!(results.contains("<mark>Bread</mark> at four"), "the title's match is highlighted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejection_reason_reaches_the_storyteller() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let (id, receipt) = server.submit(&crate::common::story("Too short", "Hello.", "public")).await;
    let (status, _) = server
        .post_json(
            &format!("/api/v1/moderation/stories/{id}/decision"),
            &serde_json::json!({"action": "reject", "reason": "Please tell us a little more about your journey."}),
            Some(&moderator),
        )
        .await;
    assert_eq!(status, 200);
    let page = server.client.post(server.url("/receipt")).form(&[("receipt", receipt.as_str())]).send().await.unwrap();
    let page = page.text().await.unwrap();
    assert!(page.contains("Please tell us a little more about your journey."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_carry_safe_headers_and_need_no_third_party() {
    let server = TestServer::start_in(crate::common::Dirs::new(), true).await;
    let stylesheet = server.client.get(server.url("/static/style.css")).send().await.unwrap();
    assert!(stylesheet.headers()["cache-control"].to_str().unwrap().contains("max-age"));
    let stylesheet_bytes = stylesheet.bytes().await.unwrap().len();
    for path in ["/", "/submit", "/receipt", "/search?q=school", "/ar/search?q=school", "/fa/submit", "/login", "/nope"]
    {
        let response = server.client.get(server.url(path)).send().await.unwrap();
        let headers = response.headers().clone();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("script-src 'none'"), "{path} may run scripts: {csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["referrer-policy"], "no-referrer");
        assert!(headers.get("server").is_none());
        let page = response.text().await.unwrap();
        assert!(!page.contains("<script"), "{path} has a script");
        assert!(!page.contains("http://") && !page.contains("https://"), "{path} links outside");
        // Light on a metered connection: the page and its one stylesheet, uncompressed.
        let weight = page.len() + stylesheet_bytes;
        assert!(weight < 100 * 1024, "{path} weighs {weight} bytes");
    }
    let (status, _) = server.get_text("/moderate").await;
    assert_eq!(status, 303, "anonymous visitors are sent to the login page");
    let script = server.client.get(server.url("/static/review.js")).send().await.unwrap();
    assert_eq!(script.headers()["content-type"], "text/javascript; charset=utf-8");
    assert!(script.text().await.unwrap().contains("blur"));
    let (status, _) = server.get_text("/static/nope.js").await;
    assert_eq!(status, 404);
}
