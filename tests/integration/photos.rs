//! Photos over HTTP: what is served holds nothing but upright, blurred-where-asked pixels;
//! what is refused is refused with the right status; withdrawal removes every file.

use serde_json::json;

use crate::common::photos::{LATITUDE_TEXT, SERIAL, checkerboard_jpeg, phone_photo};
use crate::common::{TestServer, contains, story, with};
use passage::store::Role;

fn photo_story(title: &str, allow_photo: bool) -> serde_json::Value {
    let consent = json!({"visibility": "public", "allow_photo": allow_photo, "age_confirmed": true, "version": "1"});
    with(story(title, "The harbour at dawn, where we waited for the ferry.", "public"), "consent", consent)
}

fn media_files(server: &TestServer) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(server.dirs.data.join("media")).unwrap().map(|e| e.unwrap().path()).collect()
}

async fn get(server: &TestServer, path: &str) -> reqwest::Response {
    server.client.get(server.url(path)).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_served_photo_holds_no_metadata_and_stands_upright() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let marker = "Quetzalmarker";
    let (status, body) =
        server.submit_with_photo(&photo_story("Ferry", true), phone_photo(marker), "IMG_0042.JPG").await;
    assert_eq!(status, 201, "{body}");
    let id = body["id"].as_str().unwrap().to_owned();

    // Nothing is served before publication; the moderator sees a preview, never cached.
    assert_eq!(get(&server, &format!("/stories/{id}/photo")).await.status(), 404);
    let preview = server
        .client
        .get(server.url(&format!("/api/v1/moderation/stories/{id}/photo?blur=0%200%2050%2050")))
        .bearer_auth(&moderator)
        .send()
        .await
        .unwrap();
    assert_eq!(preview.status(), 200);
    assert_eq!(preview.headers()["cache-control"], "no-store");
    assert_eq!(get(&server, &format!("/api/v1/moderation/stories/{id}/photo")).await.status(), 401);

    let published = server.publish(&id, &moderator).await;
    assert_eq!(published["photo"]["display"], format!("/stories/{id}/photo"));
    assert!(media_files(&server).len() == 2, "a display file and a thumbnail");

    for path in [format!("/stories/{id}/photo"), format!("/stories/{id}/photo/thumbnail")] {
        let response = get(&server, &path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["content-type"], "image/jpeg");
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        assert_eq!(response.headers()["cache-control"], "public, no-cache");
        let bytes = response.bytes().await.unwrap().to_vec();
        // No EXIF at all, and none of what the phone wrote, in any segment.
        assert!(exif::Reader::new().read_from_container(&mut std::io::Cursor::new(&bytes)).is_err());
        for needle in [marker, SERIAL, LATITUDE_TEXT, "PassagePhone", "Exif", "http://ns.adobe.com/xap", "GPS"] {
            assert!(!contains(&bytes, needle), "{needle} served in {path}");
        }
        // Upright: the sideways 64 × 32 original is 32 × 64, red on top, blue below.
        let image = image::load_from_memory(&bytes).unwrap().to_rgb8();
        assert_eq!(image.dimensions(), (32, 64), "{path}");
        let (top, bottom) = (image.get_pixel(16, 8).0, image.get_pixel(16, 56).0);
        assert!(top[0] > 150 && top[2] < 100, "top is red: {top:?}");
        assert!(bottom[2] > 150 && bottom[0] < 100, "bottom is blue: {bottom:?}");
    }
    // The story page shows it.
    let (_, page) = server.get_text(&format!("/stories/{id}")).await;
    assert!(page.contains(&format!("src=\"/stories/{id}/photo\"")));

    // A revalidating cache gets a 304 while it stands.
    let first = get(&server, &format!("/stories/{id}/photo")).await;
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let again = server
        .client
        .get(server.url(&format!("/stories/{id}/photo")))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_is_shown_only_while_its_teller_allows_it() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    // Not allowed when published: no rendition is ever made.
    let (status, body) =
        server.submit_with_photo(&photo_story("Not mine to show", false), phone_photo("x"), "a.jpg").await;
    assert_eq!(status, 201);
    let (id, receipt) = (body["id"].as_str().unwrap().to_owned(), body["receipt"].as_str().unwrap().to_owned());
    let published = server.publish(&id, &moderator).await;
    assert!(published.get("photo").is_none(), "{published}");
    assert_eq!(get(&server, &format!("/stories/{id}/photo")).await.status(), 404);
    assert!(media_files(&server).is_empty(), "renditions of a photo its teller did not allow");

    // Allowed, then taken back: gone at once, files and all, and allowing it again later
    // does not bring it back without a moderator.
    let (_, body) = server.submit_with_photo(&photo_story("Mine to show", true), phone_photo("y"), "b.jpg").await;
    let (shown, shown_receipt) =
        (body["id"].as_str().unwrap().to_owned(), body["receipt"].as_str().unwrap().to_owned());
    server.publish(&shown, &moderator).await;
    assert_eq!(get(&server, &format!("/stories/{shown}/photo")).await.status(), 200);
    let change = |allow: bool| json!({"receipt": shown_receipt, "allow_photo": allow});
    assert_eq!(server.post_json("/api/v1/receipts/consent", &change(false), None).await.0, 200);
    assert_eq!(get(&server, &format!("/stories/{shown}/photo")).await.status(), 404);
    assert!(media_files(&server).is_empty(), "the files of a photo no longer allowed");
    assert_eq!(server.post_json("/api/v1/receipts/consent", &change(true), None).await.0, 200);
    assert_eq!(get(&server, &format!("/stories/{shown}/photo")).await.status(), 404);

    // The teller's download holds the photo exactly as they sent it.
    let (status, data) = server.post_json("/api/v1/receipts/export", &json!({ "receipt": receipt }), None).await;
    assert_eq!(status, 200);
    let url = data["photo_original"].as_str().unwrap();
    let encoded = url.strip_prefix("data:image/jpeg;base64,").unwrap();
    use base64::Engine as _;
    assert_eq!(base64::engine::general_purpose::STANDARD.decode(encoded).unwrap(), phone_photo("x"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_published_file_is_blurred_where_the_moderator_chose() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let (_, body) = server.submit_with_photo(&photo_story("Faces", true), checkerboard_jpeg(), "crowd.jpg").await;
    let id = body["id"].as_str().unwrap().to_owned();
    // A region outside the photo is refused and publishes nothing.
    let decision = |blur: serde_json::Value| json!({"action": "publish", "blur": blur});
    let path = format!("/api/v1/moderation/stories/{id}/decision");
    let (status, refused) = server
        .post_json(&path, &decision(json!([{"x": 90, "y": 0, "width": 20, "height": 10}])), Some(&moderator))
        .await;
    assert_eq!((status, refused["error"]["field"].as_str()), (400, Some("blur")), "{refused}");
    // The left half of the top half: pixels 0..160 × 0..120 of 320 × 240.
    let region = json!([{"x": 0, "y": 0, "width": 50, "height": 50}]);
    assert_eq!(server.post_json(&path, &decision(region), Some(&moderator)).await.0, 200);

    let bytes = get(&server, &format!("/stories/{id}/photo")).await.bytes().await.unwrap();
    let served = image::load_from_memory(&bytes).unwrap().to_luma8();
    let spread = |x0: u32, y0: u32| {
        let values: Vec<f64> = (y0..y0 + 80)
            .flat_map(|y| (x0..x0 + 80).map(move |x| (x, y)))
            .map(|(x, y)| f64::from(served.get_pixel(x, y).0[0]))
            .collect();
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64).sqrt()
    };
    assert!(spread(20, 20) < 10.0, "inside the region the pattern is gone: {}", spread(20, 20));
    for (x, y) in [(200, 20), (20, 150), (200, 150)] {
        assert!(spread(x, y) > 100.0, "outside the region the pattern stays: {} at {x},{y}", spread(x, y));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_that_are_not_clean_photos_are_refused() {
    let server = TestServer::start().await;
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec();
    let html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".to_vec();
    let mut truncated = phone_photo("t");
    truncated.truncate(200);
    let mut too_big = phone_photo("b");
    too_big.resize(10 * 1024 * 1024 + 1, 0);
    for (name, bytes, status, code) in [
        ("drawing.svg", svg, 415, "unsupported_photo"),
        ("holiday.jpg", html, 415, "unsupported_photo"),
        ("cut.jpg", truncated, 422, "damaged_photo"),
        ("huge.jpg", too_big, 413, "photo_too_large"),
    ] {
        let (got, body) = server.submit_with_photo(&photo_story("Refused", true), bytes, name).await;
        assert_eq!((got, body["error"]["code"].as_str()), (status, Some(code)), "{name}: {body}");
        assert_eq!(body["error"]["field"], "photo");
    }
    let store = server.store().await;
    assert_eq!(store.count_stories().await.unwrap(), 0, "nothing was stored");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_submit_page_takes_a_photo_and_keeps_the_draft_when_refusing_one() {
    let server = TestServer::start().await;
    let fields = [
        ("title", "By the sea"),
        ("body", "We crossed at night and I kept the photo of the boat."),
        ("language", "en"),
        ("visibility", "public"),
        ("allow_photo", "yes"),
        ("age_confirmed", "yes"),
        ("consent_version", "1"),
    ];
    let form = |photo: Vec<u8>, name: &str| {
        fields
            .iter()
            .fold(reqwest::multipart::Form::new(), |form, (k, v)| form.text(*k, *v))
            .part("photo", reqwest::multipart::Part::bytes(photo).file_name(name.to_owned()))
    };
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec();
    let refused = server.client.post(server.url("/submit")).multipart(form(svg, "boat.svg")).send().await.unwrap();
    assert_eq!(refused.status(), 415);
    let page = refused.text().await.unwrap();
    assert!(page.contains("We crossed at night"), "the draft comes back");
    assert!(page.contains("id=\"photo-error\""), "the error is next to the photo field");

    let sent =
        server.client.post(server.url("/submit")).multipart(form(phone_photo("p"), "boat.jpg")).send().await.unwrap();
    assert_eq!(sent.status(), 200);
    assert!(sent.text().await.unwrap().contains("receipt"));
    // No photo chosen: browsers send an empty file part.
    let sent = server.client.post(server.url("/submit")).multipart(form(Vec::new(), "")).send().await.unwrap();
    assert_eq!(sent.status(), 200);
    let store = server.store().await;
    let queue = store.queue(10).await.unwrap();
    assert_eq!(queue.iter().filter(|r| r.photo).count(), 1);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn withdrawal_and_unpublication_remove_every_photo_file() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let mut ids = Vec::new();
    for title in ["Withdrawn later", "Taken down later"] {
        let (_, body) = server.submit_with_photo(&photo_story(title, true), phone_photo("w"), "w.jpg").await;
        let id = body["id"].as_str().unwrap().to_owned();
        server.publish(&id, &moderator).await;
        ids.push((id, body["receipt"].as_str().unwrap().to_owned()));
    }
    assert_eq!(media_files(&server).len(), 4);
    let (withdrawn, receipt) = &ids[0];
    let (status, _) = server.post_json("/api/v1/receipts/withdraw", &json!({"receipt": receipt}), None).await;
    assert_eq!(status, 200);
    assert_eq!(get(&server, &format!("/stories/{withdrawn}/photo")).await.status(), 410);
    assert_eq!(media_files(&server).len(), 2);

    let (taken_down, _) = &ids[1];
    let path = format!("/api/v1/moderation/stories/{taken_down}/unpublish");
    assert_eq!(server.post_json(&path, &json!({}), Some(&moderator)).await.0, 200);
    assert_eq!(get(&server, &format!("/stories/{taken_down}/photo")).await.status(), 410);
    assert_eq!(media_files(&server), Vec::<std::path::PathBuf>::new());
}
