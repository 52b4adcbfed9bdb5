//! The pages in a real browser: headless Chromium driven through chromedriver (both from
//! Debian, installed by `scripts/setup.sh`). Storytellers and readers are driven with
//! JavaScript switched off, as in Tor Browser's safest mode; the accessibility check (axe-core,
//! also installed by the setup script) runs with it on, since axe is itself a script.
//! Screenshots of the main pages are written under `target/screenshots/` for people to look at.

#[path = "common/mod.rs"]
mod common;

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::TestServer;
use common::photos::{checkerboard_jpeg, phone_photo};
use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::{Client, ClientBuilder, Locator};
use passage::store::Role;
use serde_json::{Value, json};

/// A headless Chromium and the chromedriver that drives it.
struct Browser {
    client: Client,
    driver: Child,
}

impl Browser {
    async fn open(javascript: bool, width: u32) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            // Its own process group, so the Chromium it starts goes with it (see `drop`).
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is not installed: run scripts/setup.sh");
        let options = json!({
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     format!("--window-size={width},900"), "--lang=en"],
            "prefs": {"profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 }},
        });
        let capabilities = json!({ "goog:chromeOptions": options });
        let serde_json::Value::Object(capabilities) = capabilities else { unreachable!() };
        let mut last_error = None;
        for _ in 0..100 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => {
                    // Headless windows are at least 500px wide: a phone's screen is emulated.
                    if width < 500 {
                        let params = json!({"width": width, "height": 800, "deviceScaleFactor": 2, "mobile": true});
                        client.issue_cmd(Cdp { cmd: "Emulation.setDeviceMetricsOverride", params }).await.unwrap();
                    }
                    return Browser { client, driver };
                }
                Err(error) => last_error = Some(error),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver did not start: {last_error:?}");
    }

    async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    async fn goto(&self, server: &TestServer, path: &str) {
        self.client.goto(&server.url(path)).await.unwrap();
    }

    /// The element, waiting (up to ten seconds) for it to appear.
    async fn css(&self, selector: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("{selector}: {e}"))
    }

    /// Clicks a button that sends a form, and waits until the next page has replaced this one.
    async fn send(&self, selector: &str) {
        let page = self.css("html").await;
        self.click(selector).await;
        for _ in 0..200 {
            if page.tag_name().await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{selector} did not lead to a new page");
    }

    async fn fill(&self, selector: &str, text: &str) {
        self.css(selector).await.send_keys(text).await.unwrap();
    }

    async fn click(&self, selector: &str) {
        self.css(selector).await.click().await.unwrap();
    }

    /// Logs in through the login page as `name`, with the tests' password.
    async fn log_in(&self, server: &TestServer, name: &str) {
        self.goto(server, "/login").await;
        self.fill("#username", name).await;
        self.fill("#password", common::PASSWORD).await;
        self.send("form button[type=submit].button-primary").await;
    }

    async fn html_attr(&self, name: &str) -> Option<String> {
        self.css("html").await.attr(name).await.unwrap()
    }

    async fn text(&self, selector: &str) -> String {
        self.css(selector).await.text().await.unwrap()
    }
}

/// A Chrome DevTools command, sent through chromedriver.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({"cmd": self.cmd, "params": self.params}).to_string()))
    }
}

impl Drop for Browser {
    /// Even when a test fails, no chromedriver or Chromium outlives it: the whole process
    /// group goes (killing chromedriver alone left its browser running).
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Adds a moderator account, as `passage user add` does.
async fn add_moderator(server: &TestServer, name: &str) {
    let store = server.store().await;
    passage::accounts::add_user(&store, name, common::PASSWORD, Role::Moderator).await.unwrap();
    store.close().await;
}

/// The folder screenshots go to (not committed: everything under target/ is ignored).
fn screenshots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_storyteller_tells_checks_and_withdraws_in_arabic_without_javascript() {
    let server = TestServer::start().await;
    let browser = Browser::open(false, 360).await;
    let photo = tempfile::Builder::new().suffix(".jpg").tempfile().unwrap();
    std::fs::write(photo.path(), phone_photo("browser")).unwrap();

    browser.goto(&server, "/ar/submit").await;
    assert_eq!(browser.html_attr("dir").await.as_deref(), Some("rtl"));
    assert_eq!(browser.html_attr("lang").await.as_deref(), Some("ar"));
    // Nothing is wider than the phone.
    let (_, _, width, _) = browser.css("main").await.rectangle().await.unwrap();
    assert!(width <= 360.0, "the page is {width}px wide on a 360px screen");

    browser.fill("#title", "خبز في الصباح").await;
    browser.fill("#body", "كل صباح أخبز الخبز مع جارتي سميرة في ليون، وأتذكر بيتنا في حلب.").await;
    browser.click("#language option[value='ar']").await;
    browser.fill("#private_terms", "سميرة").await;
    browser.css("#photo").await.send_keys(&photo.path().display().to_string()).await.unwrap();
    browser.click("#visibility-public").await;
    browser.click("#allow_photo").await;
    browser.click("#age_confirmed").await;
    browser.send(".actions .button-primary").await;

    let receipt = browser.text("#receipt-code").await;
    assert_eq!(receipt.len(), 24, "a receipt on the page: {receipt:?}");
    assert_eq!(browser.html_attr("dir").await.as_deref(), Some("rtl"));
    let store = server.store().await;
    let waiting = store.queue(10).await.unwrap();
    assert_eq!(waiting.len(), 1);
    assert!(waiting[0].photo, "the photo did not arrive");
    assert_eq!(waiting[0].consent.language, "ar", "the consent was read in Arabic");
    store.close().await;

    browser.goto(&server, "/ar/receipt").await;
    browser.fill("#receipt", &receipt).await;
    browser.send(".receipt-form button").await;
    browser.css(".status-submitted").await;

    browser.click("#confirm").await;
    browser.send(".withdraw .button-danger").await;
    browser.css(".status-withdrawn").await;
    let store = server.store().await;
    assert_eq!(store.count_stories().await.unwrap(), 0, "the story is still stored");
    store.close().await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_publishes_and_readers_find_it_in_french_and_arabic() {
    let server = TestServer::start().await;
    add_moderator(&server, "mira").await;
    let story = common::with(
        common::story(
            "Le pain de quatre heures",
            "Chaque matin, Samira et moi faisons le pain à Lyon avec Karim, mon voisin.",
            "public",
        ),
        "language",
        json!("fr"),
    );
    let (id, _) = server.submit(&common::with(story, "private_terms", json!(["Samira"]))).await;

    let browser = Browser::open(false, 1280).await;
    browser.log_in(&server, "mira").await;
    browser.goto(&server, &format!("/moderate/{id}")).await;
    // The moderator adds a name the engine could not know, previews, then publishes.
    browser.fill("#extra_terms", "Karim").await;
    browser.send("button[value=preview]").await;
    let preview = browser.text(".preview").await;
    assert!(!preview.contains("Karim") && !preview.contains("Samira"), "{preview}");
    browser.send("button[value=publish]").await;
    let published = browser.text("article.story").await;
    assert!(published.contains("[person") && !published.contains("Karim"), "{published}");

    for (lang, dir) in [("fr", "ltr"), ("ar", "rtl")] {
        browser.goto(&server, &format!("/{lang}/search?q=pain")).await;
        assert_eq!(browser.html_attr("dir").await.as_deref(), Some(dir));
        let title = browser.text(".card-title a").await;
        assert_eq!(title, "Le pain de quatre heures", "{lang}");
        let link = browser.css(".card-title a").await.attr("href").await.unwrap().unwrap();
        assert_eq!(link, format!("/{lang}/stories/{id}"), "the language stays with the reader");
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_moderator_draws_a_blur_box_and_redacts_selected_words_with_javascript() {
    let server = TestServer::start().await;
    add_moderator(&server, "mira").await;
    let story = common::story("Market day", "On market days I sell spices with Tesfay beside the river.", "public");
    let story = common::with(
        story,
        "consent",
        json!({"visibility": "public", "allow_quotes": true,
        "allow_photo": true, "allow_contact": false, "age_confirmed": true, "version": "1"}),
    );
    let (status, body) = server.submit_with_photo(&story, checkerboard_jpeg(), "market.jpg").await;
    assert_eq!(status, 201, "{body}");
    let id = body["id"].as_str().unwrap().to_owned();

    let browser = Browser::open(true, 1280).await;
    browser.log_in(&server, "mira").await;
    browser.goto(&server, &format!("/moderate/{id}")).await;
    assert!(browser.css("#blur-draw-hint").await.is_displayed().await.unwrap(), "the drawing hint shows");

    // Drag from 20% to 60% of the photo, both ways.
    let photo = browser.css(".photo-grid img").await;
    let (_, _, width, height) = photo.rectangle().await.unwrap();
    let (from, to) = (-0.3, 0.1); // from the photo's centre
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: photo.clone(),
            duration: None,
            x: width * from,
            y: height * from,
        })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::MoveBy { duration: Some(Duration::from_millis(100)), x: width * 0.2, y: height * 0.2 })
        .then(PointerAction::MoveToElement { element: photo.clone(), duration: None, x: width * to, y: height * to })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    browser.client.perform_actions(mouse).await.unwrap();
    let drawn = browser.css("#blur").await.prop("value").await.unwrap().unwrap_or_default();
    let numbers: Vec<f64> = drawn.split_whitespace().map(|n| n.parse().unwrap()).collect();
    let expected = [20.0, 20.0, 40.0, 40.0];
    assert!(
        numbers.len() == 4 && numbers.iter().zip(expected).all(|(n, e)| (n - e).abs() <= 1.5),
        "the drawn box became {drawn:?}"
    );
    // The photo now shows the box blurred, and the server accepted the region.
    let mut loaded = Value::Null;
    for _ in 0..100 {
        loaded = browser
            .client
            .execute(
                "const img = document.querySelector('.photo-grid img');
             return img.complete && img.naturalWidth > 0 && img.src.includes('blur=');",
                vec![],
            )
            .await
            .unwrap();
        if loaded == Value::Bool(true) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(loaded, Value::Bool(true), "the blurred preview did not load");
    // Inside the box the checkerboard is gone; outside it is still sharp.
    let contrast = browser
        .client
        .execute(
            "const img = document.querySelector('.photo-grid img');
             const canvas = document.createElement('canvas');
             [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
             const context = canvas.getContext('2d');
             context.drawImage(img, 0, 0);
             const spread = (x, y) => {
               const d = context.getImageData(x * canvas.width, y * canvas.height, 12, 12).data;
               const grey = []; for (let i = 0; i < d.length; i += 4) grey.push(d[i]);
               return Math.max(...grey) - Math.min(...grey);
             };
             return [spread(0.38, 0.38), spread(0.8, 0.8)];",
            vec![],
        )
        .await
        .unwrap();
    let [inside, outside] = [&contrast[0], &contrast[1]].map(|v| v.as_f64().unwrap());
    assert!(inside < 60.0 && outside > 200.0, "inside the box {inside}, outside {outside}");

    // Select a name the engine could not know, and add it with the button.
    assert!(browser.css("#redact-selection").await.is_displayed().await.unwrap());
    browser
        .client
        .execute(
            "const raw = document.querySelector('.review-raw .raw');
         const walker = document.createTreeWalker(raw, NodeFilter.SHOW_TEXT);
         while (walker.nextNode()) {
           const at = walker.currentNode.data.indexOf('Tesfay');
           if (at < 0) continue;
           const range = document.createRange();
           range.setStart(walker.currentNode, at);
           range.setEnd(walker.currentNode, at + 'Tesfay'.length);
           getSelection().removeAllRanges();
           getSelection().addRange(range);
         }",
            vec![],
        )
        .await
        .unwrap();
    browser.click("#redact-selection").await;
    let terms = browser.css("#extra_terms").await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(terms.trim(), "Tesfay", "the selection was not added");
    assert!(browser.text("#redact-selection-status").await.contains("Tesfay"));

    browser.send("button[value=preview]").await;
    let shot = browser.client.screenshot().await.unwrap();
    std::fs::write(screenshots().join("en-review-1280.png"), shot).unwrap();
    let preview = browser.text(".preview").await;
    assert!(!preview.contains("Tesfay") && preview.contains("spices"), "{preview}");
    let kept = browser.css("#blur").await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(kept.trim(), drawn.trim(), "the drawn box survives the preview");
    browser.send("button[value=publish]").await;
    let store = server.store().await;
    let published = store.story(&id).await.unwrap();
    assert_eq!(published.status.as_str(), "published");
    store.close().await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_filters_and_turns_pages_on_a_small_phone_without_javascript() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    // Twelve stories from Syria and three from Afghanistan share a word: the filter keeps
    // twelve, which take two pages of ten.
    for (n, origin) in (1..=15).map(|n| (n, if n <= 12 { "SY" } else { "AF" })) {
        let story = common::story(
            &format!("Bakery shift {n}"),
            "Before dawn I knead the dough at the bakery and shape the loaves for the market.",
            "public",
        );
        let (id, _) = server.submit(&common::with(story, "origin_country", json!(origin))).await;
        server.publish(&id, &moderator).await;
    }
    let cards = |browser: &Browser| {
        let client = browser.client.clone();
        async move { client.find_all(Locator::Css("article.card")).await.unwrap().len() }
    };

    let browser = Browser::open(false, 320).await;
    browser.goto(&server, "/ar/search").await;
    assert_eq!(browser.html_attr("dir").await.as_deref(), Some("rtl"));
    browser.fill("#q", "bakery").await;
    browser.click(".filters summary").await;
    browser.click("#origin option[value='SY']").await;
    browser.click("#theme option[value='work']").await;
    let (_, _, width, _) = browser.css(".filters").await.rectangle().await.unwrap();
    assert!(width <= 320.0, "the open filters are {width}px wide on a 320px screen");
    browser.send(".filters .actions button[type=submit]").await;

    assert_eq!(cards(&browser).await, 10, "the first page holds ten stories");
    let url = browser.client.current_url().await.unwrap();
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert!(query.contains(&("origin".into(), "SY".into())), "{url}");
    assert!(query.contains(&("q".into(), "bakery".into())), "{url}");
    assert!(browser.text(".results-count").await.contains("12"), "twelve found");

    browser.send(".pagination a[rel=next]").await;
    assert_eq!(cards(&browser).await, 2, "the second page holds the last two");
    assert_eq!(browser.css("#q").await.prop("value").await.unwrap().as_deref(), Some("bakery"));
    let origin = browser.css("#origin option[value='SY']").await.prop("selected").await.unwrap();
    assert_eq!(origin.as_deref(), Some("true"), "the filter stays chosen on the next page");
    for card in browser.client.find_all(Locator::Css("article.card .card-title a")).await.unwrap() {
        let href = card.attr("href").await.unwrap().unwrap_or_default();
        assert!(href.starts_with("/ar/stories/"), "{href}");
    }
    let page_width = browser.client.execute("return document.documentElement.scrollWidth;", vec![]).await;
    let page_width = page_width.unwrap().as_f64().unwrap_or_default();
    assert!(page_width <= 320.0, "the results scroll sideways: {page_width}px");

    browser.send(".pagination a[rel=prev]").await;
    assert_eq!(cards(&browser).await, 10, "back on the first page");
    browser.close().await;
}

/// The serious and critical problems axe-core finds on the current page.
async fn accessibility_problems(browser: &Browser, axe: &str) -> Vec<String> {
    browser.client.execute(&format!("{axe}\nreturn true;"), vec![]).await.unwrap();
    let found = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
               .filter(v => v.impact === 'serious' || v.impact === 'critical')
               .map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))));",
            vec![],
        )
        .await
        .unwrap();
    match found {
        Value::Array(items) => items.into_iter().map(|v| v.as_str().unwrap_or_default().to_owned()).collect(),
        other => panic!("axe answered {other}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_main_pages_pass_an_accessibility_check_and_are_photographed() {
    let axe_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/browser-tools/node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&axe_path).expect("axe-core is not installed: run scripts/setup.sh");
    let server = TestServer::start_in(common::Dirs::new(), true).await;
    let story = server.search("", None).await["hits"][0]["id"].as_str().unwrap().to_owned();
    let pages = [
        ("home", "/".to_owned()),
        ("submit", "/submit".to_owned()),
        ("search", "/search?q=work".to_owned()),
        ("story", format!("/stories/{story}")),
        ("receipt", "/receipt".to_owned()),
        ("guide", "/guide".to_owned()),
    ];
    let mut problems = Vec::new();
    // 320px is the narrowest phone still sold; 360px the most common; 1280px a laptop.
    for width in [320, 360, 1280] {
        let browser = Browser::open(true, width).await;
        for lang in ["en", "ar"] {
            for (name, path) in &pages {
                browser.goto(&server, &format!("/{lang}{path}")).await;
                let shot = browser.client.screenshot().await.unwrap();
                std::fs::write(screenshots().join(format!("{lang}-{name}-{width}.png")), shot).unwrap();
                if width < 500 {
                    let page_width =
                        browser.client.execute("return document.documentElement.scrollWidth;", vec![]).await;
                    let page_width = page_width.unwrap().as_f64().unwrap_or_default();
                    assert!(
                        page_width <= f64::from(width),
                        "{lang}{path} scrolls sideways at {width}px: {page_width}px"
                    );
                }
                for problem in accessibility_problems(&browser, &axe).await {
                    problems.push(format!("{lang}{path} ({width}px): {problem}"));
                }
            }
        }
        browser.close().await;
    }
    assert!(problems.is_empty(), "accessibility problems:\n{}", problems.join("\n"));
}
