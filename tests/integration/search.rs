//! Search as journalists use it: known items in many languages and scripts, typos and
//! prefixes, every filter and facet, the facet threshold, sort orders and stable pages.

use serde_json::{Value, json};

use super::common::{Dirs, TestServer, serde_html_form_encode, story, with};
use passage::store::Role;

/// One story of the test archive: language, title, body, origin, transit, residence, year,
/// themes.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
    i32,
    &'static [&'static str],
);

const ARCHIVE: &[Row] = &[
    (
        "en",
        "Night shifts in Hamburg",
        "I trained as a nurse in Asmara. Now I work as a nurse on the night shift of a hospital in \
         Germany. Eritrea is far away, but the patients call me sister.",
        "ER",
        &["SD", "LY", "IT"],
        "DE",
        2015,
        &["work", "health"],
    ),
    (
        "en",
        "Thursday evenings",
        "Every Thursday I teach tango and read manga to the neighbours. Music made the long waiting \
         bearable.",
        "SY",
        &["TR", "GR"],
        "FR",
        2017,
        &["culture"],
    ),
    (
        "en",
        "The courtyard tree",
        "In our courtyard the mango tree gave fruit every spring. Here I buy one at the market \
         and think of my mother.",
        "ER",
        &["ET"],
        "SE",
        2019,
        &["family"],
    ),
    (
        "fr",
        "Infirmière à Marseille",
        "Je suis infirmière dans un grand hôpital. Les infirmières de mon service viennent de six \
         pays différents.",
        "ER",
        &["SD", "LY", "IT"],
        "FR",
        2016,
        &["work", "health"],
    ),
    (
        "es",
        "La canción del barco",
        "Mi abuela cantaba una canción sobre el mar. En el barco la cantamos todos juntos hasta \
         llegar a la costa.",
        "VE",
        &["CO"],
        "ES",
        2018,
        &["journey"],
    ),
    (
        "ar",
        "ممرضة في المستشفى",
        "أعمل ممرضة في مستشفى كبير. أمي كانت تقول إن العمل شرف.",
        "SY",
        &["TR"],
        "DE",
        2015,
        &["work"],
    ),
    (
        "fa",
        "کار و درس",
        "می‌خواستم درس بخوانم اما باید کار می‌کردم. در ایران کارگر ساختمان بودم.",
        "AF",
        &["IR", "TR"],
        "DE",
        2016,
        &["work", "education"],
    ),
    (
        "uk",
        "Сім’я в дорозі",
        "Ми виїхали всією сім’єю восени. Моя сім’я тепер живе у Варшаві, і діти ходять до школи.",
        "UA",
        &[],
        "PL",
        2022,
        &["family"],
    ),
    (
        "ru",
        "Ещё одна зима",
        "Ещё одна зима в чужом городе. Я учу язык и работаю в пекарне.",
        "BY",
        &[],
        "LT",
        2021,
        &["language", "work"],
    ),
    ("ti", "ስራሕ ኣብ ሆስፒታል", "ኣብ ሆስፒታል፡ነርስ ኮይነ እሰርሕ። ስራሐይ እፈትዎ እየ።", "ER", &["SD"], "DE", 2018, &["work", "health"]),
    (
        "de",
        "Bäckerin in Köln",
        "Ich arbeite als Bäckerin. Die Brötchen backe ich um vier Uhr morgens.",
        "SY",
        &["TR", "GR"],
        "DE",
        2015,
        &["work"],
    ),
];

fn submission(row: &Row) -> Value {
    let (language, title, body, origin, transit, residence, year, themes) = *row;
    let value = story(title, body, "public");
    let value = with(value, "language", json!(language));
    let value = with(value, "origin_country", json!(origin));
    let value = with(value, "transit_countries", json!(transit));
    let value = with(value, "residence_country", json!(residence));
    let value = with(value, "year", json!(year));
    with(value, "themes", json!(themes))
}

/// A server over an archive holding `ARCHIVE`, published and indexed through the real
/// import pipeline, as `passage import --publish` does.
async fn archive() -> TestServer {
    let dirs = Dirs::new();
    std::fs::create_dir_all(&dirs.data).unwrap();
    let store = passage::store::Store::open(&dirs.settings()).await.unwrap();
    let pepper = passage::story::receipt::Pepper::load_or_create(&dirs.data).unwrap();
    let (_, mut indexer) = passage::search::SearchIndex::open(&dirs.index, store.archive_id()).unwrap();
    let lines: Vec<String> = ARCHIVE.iter().map(|row| submission(row).to_string()).collect();
    let rules = passage::redaction::Rules::defaults();
    let text = lines.join("\n");
    let report =
        passage::import::import_lines(&store, rules, &pepper, &text, true, "test", Some(&mut indexer)).await.unwrap();
    assert_eq!(report.published, ARCHIVE.len());
    indexer.finish_bulk(&store).await.unwrap();
    drop(indexer);
    store.close().await;
    TestServer::start_in(dirs, false).await
}

async fn find(server: &TestServer, params: &[(&str, &str)]) -> Value {
    let path = format!("/api/v1/search?{}", serde_html_form_encode(params));
    let (status, body) = server.get_json(&path, None).await;
    assert_eq!(status, 200, "{params:?}: {body}");
    body
}

fn titles(results: &Value) -> Vec<String> {
    results["hits"].as_array().unwrap().iter().map(|hit| hit["title"].as_str().unwrap().to_owned()).collect()
}

fn sorted(mut titles: Vec<String>) -> Vec<String> {
    titles.sort();
    titles
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn known_items_in_every_language_are_in_the_top_three() {
    let server = archive().await;
    let known = [
        // (what a journalist types, the story they mean)
        ("nurse Eritrea Germany", "Night shifts in Hamburg"),
        ("nurse Germnay", "Night shifts in Hamburg"),
        ("night shfit", "Night shifts in Hamburg"),
        ("infirmières hôpital", "Infirmière à Marseille"),
        ("infirmiere", "Infirmière à Marseille"),
        ("infirm", "Infirmière à Marseille"),
        ("cancion barco", "La canción del barco"),
        ("ABUELA", "La canción del barco"),
        // voweled Arabic for an unvoweled text, and a hamza on the alef the text has not
        ("مُمَرِّضَة", "ممرضة في المستشفى"),
        ("أمي", "ممرضة في المستشفى"),
        ("المستشفي", "ممرضة في المستشفى"),
        // Persian with and without the ZWNJ, and with Arabic kaf and yeh
        ("می‌خواستم", "کار و درس"),
        ("میخواستم", "کار و درس"),
        ("كارگر", "کار و درس"),
        ("ايران", "کار و درس"),
        // Ukrainian with a straight apostrophe, the modifier letter, and none
        ("сім'я", "Сім’я в дорозі"),
        ("сімʼєю", "Сім’я в дорозі"),
        ("сімя Варшаві", "Сім’я в дорозі"),
        ("еще зима", "Ещё одна зима"),
        ("пекарне", "Ещё одна зима"),
        ("ነርስ", "ስራሕ ኣብ ሆስፒታል"),
        ("ሆስፒታል", "ስራሕ ኣብ ሆስፒታል"),
        ("Backerin Brötchen", "Bäckerin in Köln"),
    ];
    for (query, expected) in known {
        let results = find(&server, &[("q", query)]).await;
        let top: Vec<String> = titles(&results).into_iter().take(3).collect();
        assert!(top.iter().any(|t| t == expected), "{query:?} should find {expected:?} in the top 3, got {top:?}");
    }
    // Highlights find the word however its first letter is written: a capital, an umlaut,
    // a Cyrillic capital with its dots.
    for (query, marked) in
        [("backerin", "<mark>Bäckerin</mark>"), ("еще", "<mark>Ещё</mark>"), ("сім'я", "<mark>Сім’я</mark>")]
    {
        let results = find(&server, &[("q", query)]).await;
        let title = results["hits"][0]["title_html"].as_str().unwrap_or_default();
        assert!(title.contains(marked), "{query:?}: {title}");
    }
    // A language filter restricts a query to stories in that language.
    let results = find(&server, &[("q", "work"), ("language", "en")]).await;
    assert_eq!(titles(&results), vec!["Night shifts in Hamburg"]);
    // A language no story is told in finds nothing, and says so without an error.
    for q in ["nurse", "sairaanhoitaja"] {
        assert_eq!(find(&server, &[("q", q), ("language", "fi")]).await["total"], 0, "{q}");
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exact_matches_rank_above_typos_and_highlights_show_both() {
    let server = archive().await;
    // "mango" is in one story; "manga", one typo away, in another.
    let results = find(&server, &[("q", "mango")]).await;
    assert_eq!(titles(&results), vec!["The courtyard tree", "Thursday evenings"]);
    let hits = results["hits"].as_array().unwrap();
    assert!(hits[0]["snippet_html"].as_str().unwrap().contains("<mark>mango</mark>"), "{}", hits[0]);
    let snippet = hits[1]["snippet_html"].as_str().unwrap();
    assert!(snippet.contains("<mark>manga</mark>") && !snippet.contains("<mark>tango</mark>"), "{snippet}");
    // Words seen by an earlier search are remembered, and highlight the same.
    assert_eq!(find(&server, &[("q", "mango")]).await["hits"], results["hits"]);
    // A typo in the first letter counts as two: "tango" is not "mango" (one typo allowed),
    // but "heighbours" is "neighbours" (two allowed) and "tnago" is "tango".
    assert_eq!(titles(&find(&server, &[("q", "tango ")]).await), vec!["Thursday evenings"]);
    assert_eq!(titles(&find(&server, &[("q", "heighbours ")]).await), vec!["Thursday evenings"]);
    assert_eq!(titles(&find(&server, &[("q", "tnago ")]).await), vec!["Thursday evenings"]);
    assert_eq!(find(&server, &[("q", "heigbhours ")]).await["total"], 0, "a first-letter typo and another");
    // Four letters or fewer: no typo allowed ("tree" is not "free").
    assert_eq!(find(&server, &[("q", "free")]).await["total"], 0);
    // A finished word (followed by a space) is not a prefix; one being typed is.
    assert_eq!(find(&server, &[("q", "court ")]).await["total"], 0);
    let typing = find(&server, &[("q", "court")]).await;
    assert_eq!(titles(&typing), vec!["The courtyard tree"]);
    assert!(typing["hits"][0]["title_html"].as_str().unwrap().contains("<mark>courtyard</mark>"));
    // Phrases stay exact; exclusions too.
    assert_eq!(find(&server, &[("q", "\"night shift\"")]).await["total"], 1);
    assert_eq!(find(&server, &[("q", "\"shift night\"")]).await["total"], 0);
    assert_eq!(titles(&find(&server, &[("q", "nurse -Eritrea")]).await), Vec::<String>::new());
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_facets_and_the_facet_threshold() {
    let server = archive().await;
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);
    let cases: [Case; 7] = [
        (&[("theme", "health")], &["Infirmière à Marseille", "Night shifts in Hamburg", "ስራሕ ኣብ ሆስፒታል"]),
        (&[("origin", "SY"), ("residence", "DE")], &["Bäckerin in Köln", "ممرضة في المستشفى"]),
        (&[("transit", "LY")], &["Infirmière à Marseille", "Night shifts in Hamburg"]),
        (&[("transit", "gr"), ("residence", "FR")], &["Thursday evenings"]),
        (&[("language", "fa")], &["کار و درس"]),
        (&[("year_from", "2019"), ("year_to", "2021")], &["The courtyard tree", "Ещё одна зима"]),
        (&[("q", "nurse"), ("theme", "health"), ("year_to", "2015")], &["Night shifts in Hamburg"]),
    ];
    for (params, expected) in cases {
        let results = find(&server, params).await;
        assert_eq!(sorted(titles(&results)), sorted(expected.iter().map(|t| t.to_string()).collect()), "{params:?}");
        assert_eq!(results["total"], expected.len(), "{params:?}");
    }

    // Facets count the current query's stories; values held by fewer than three stories
    // are listed without a count.
    let all = find(&server, &[]).await;
    let facets = &all["facets"];
    assert_eq!(facets["origin"]["ER"], 4);
    assert_eq!(facets["origin"]["SY"], 3);
    assert_eq!(facets["origin"]["UA"], Value::Null);
    assert!(facets["origin"].as_object().unwrap().contains_key("UA"), "the value is listed, its count hidden");
    assert_eq!(facets["residence"]["DE"], 5);
    assert_eq!(facets["transit"]["TR"], 4);
    assert_eq!(facets["transit"]["LY"], Value::Null);
    assert_eq!(facets["theme"]["work"], 7);
    assert_eq!(facets["language"]["en"], 3);
    assert_eq!(facets["language"]["ti"], Value::Null);
    assert_eq!(facets["year"]["2015"], 3);
    let narrowed = find(&server, &[("theme", "health")]).await;
    assert_eq!(narrowed["facets"]["origin"]["ER"], 3);
    assert_eq!(narrowed["facets"]["theme"]["work"], 3);
    assert!(!narrowed["facets"]["origin"].as_object().unwrap().contains_key("SY"));

    // The page shows a hidden count as a mark with an explanation, never the number.
    let (status, page) = server.get_text("/search?origin=UA").await;
    assert_eq!(status, 200);
    assert!(page.contains("count-few"), "the hidden count is marked");
    // The filters keep what was chosen, each country named in the page's language.
    let (_, page) = server.get_text("/search?origin=SY&residence=DE").await;
    assert!(page.contains(r#"<option value="SY" selected>Syria</option>"#), "the origin stays chosen");
    assert!(page.contains(r#"<option value="DE" selected>Germany</option>"#), "the residence stays chosen");
    assert_eq!(page.matches(" selected>").count(), 2, "and nothing else is");
    let (_, page) = server.get_text("/ar/search?transit=TR").await;
    assert!(page.contains(r#"<option value="TR" selected>تركيا</option>"#), "in Arabic");

    // Bad filters say what is wrong.
    for (params, field) in [
        (&[("transit", "Atlantis")][..], "transit"),
        (&[("sort", "random")][..], "sort"),
        (&[("year_from", "2020"), ("year_to", "2010")][..], "year_from"),
    ] {
        let path = format!("/api/v1/search?{}", serde_html_form_encode(params));
        let (status, body) = server.get_json(&path, None).await;
        assert_eq!((status, body["error"]["field"].as_str()), (400, Some(field)), "{body}");
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sort_orders_and_stable_pages() {
    let server = archive().await;
    // By year of departure, earliest first.
    let by_year = find(&server, &[("sort", "year"), ("per_page", "50")]).await;
    let years: Vec<i64> = by_year["hits"].as_array().unwrap().iter().map(|h| h["year"].as_i64().unwrap()).collect();
    assert_eq!(years.len(), ARCHIVE.len());
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");

    // Pages of two, walked to the end, are the whole list once, in the same order.
    let whole = titles(&find(&server, &[("sort", "oldest"), ("per_page", "50")]).await);
    let mut walked = Vec::new();
    for page in 1..=6 {
        let page = page.to_string();
        walked.extend(titles(&find(&server, &[("sort", "oldest"), ("per_page", "2"), ("page", &page)]).await));
    }
    assert_eq!(walked, whole);
    let relevance = titles(&find(&server, &[("q", "work OR nurse OR infirmière"), ("per_page", "50")]).await);
    let mut walked = Vec::new();
    for page in 1..=3 {
        let page = page.to_string();
        let params = [("q", "work OR nurse OR infirmière"), ("per_page", "2"), ("page", page.as_str())];
        walked.extend(titles(&find(&server, &params).await));
    }
    assert_eq!(walked, relevance);

    // A story published later is first by newest and last by oldest, and the pages before
    // it do not move.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let moderator = server.user(Role::Moderator, "mira").await;
    let (id, _) = server.submit(&story("A late arrival", "The last boat of the season.", "public")).await;
    server.publish(&id, &moderator).await;
    let newest = titles(&find(&server, &[("sort", "newest")]).await);
    assert_eq!(newest[0], "A late arrival");
    let oldest = titles(&find(&server, &[("sort", "oldest"), ("per_page", "50")]).await);
    assert_eq!(oldest.last().map(String::as_str), Some("A late arrival"));
    assert_eq!(oldest[..whole.len()], whole[..]);
    // Without words the newest come first by default.
    assert_eq!(titles(&find(&server, &[]).await)[0], "A late arrival");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_story_page_lists_stories_like_it() {
    let server = archive().await;
    let nurse = find(&server, &[("q", "Hamburg")]).await;
    let id = nurse["hits"][0]["id"].as_str().unwrap().to_owned();
    let (status, page) = server.get_text(&format!("/stories/{id}")).await;
    assert_eq!(status, 200);
    let (_, alike) = page.split_once("id=\"alike-title\"").expect("a more-like-this section");
    // Another nurse's story (shared words, themes and origin) is listed; the story itself
    // is not.
    assert!(alike.contains("Infirmière à Marseille") || alike.contains("ስራሕ ኣብ ሆስፒታል"), "{alike}");
    assert!(!alike.contains(&format!("/stories/{id}\"")), "the story lists itself");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_query_is_a_400_in_the_api_and_read_leniently_on_the_page() {
    let server = archive().await;
    let typed = "\"night shift";
    let path = format!("/api/v1/search?{}", serde_html_form_encode(&[("q", typed)]));
    let (status, error) = server.get_json(&path, None).await;
    assert_eq!((status, error["error"]["field"].as_str()), (400, Some("q")), "{error}");
    let (status, page) = server.get_text(&format!("/search?{}", serde_html_form_encode(&[("q", typed)]))).await;
    assert_eq!(status, 200);
    assert!(page.contains("class=\"notice read-as\""), "the page says how it read the query");
    assert!(page.contains("</mark> in Hamburg"), "and shows what the mended query finds, highlighted");
    server.stop().await;
}

/// Each publication commits a segment of its own, and every search pays for each segment:
/// the indexer merges small segments once they are three, before it takes the next change
/// (a merge running in the background could outlive a withdrawal), so a trickle of
/// publications leaves at most two.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trickle_of_publications_leaves_few_segments() {
    let server = TestServer::start().await;
    let moderator = server.user(Role::Moderator, "moderator").await;
    let meta = server.dirs.index.join("meta.json");
    let segments = || {
        let meta: Value = serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
        meta["segments"].as_array().unwrap().len()
    };
    for n in 1..=7 {
        let (id, _) =
            server.submit(&story(&format!("Harbour {n}"), "We waited at the harbour for a week.", "public")).await;
        server.publish(&id, &moderator).await;
        assert_eq!(server.search("harbour", None).await["total"], n);
        assert!(segments() <= 2, "{} segments after {n} publications", segments());
    }
    server.stop().await;
}
