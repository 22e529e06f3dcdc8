//! Hostile input: a fixed list of known attacks, and property tests over the pre-validation
//! guard, the global-ID and cursor decoders and the SUAP importer. Whatever arrives, the answer
//! is a clean refusal (never a 500, never a panic) and comes quickly.

use std::time::{Duration, Instant};

use async_graphql::ID;
use axum::{body::Body, http::Request};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use clinic::{
    auth::Role,
    db::page::decode_cursor,
    graphql::ids::{decode_global_id, global_id},
    orders::import,
};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::common::*;

/// Far above what any refusal takes, far below a timeout.
const QUICK: Duration = Duration::from_secs(2);

/// The codes a refusal may carry.
const CODES: [&str; 5] = [
    "BAD_USER_INPUT",
    "GRAPHQL_VALIDATION_FAILED",
    "QUERY_TOO_COMPLEX",
    "UNAUTHENTICATED",
    "GRAPHQL_PARSE_FAILED",
];

fn refused_cleanly(what: &str, status: u16, body: &[u8], elapsed: Duration) {
    assert!(elapsed < QUICK, "{what}: answered in {elapsed:?}");
    assert!(status < 500, "{what}: status {status}");
    if status == 405 {
        return; // a plain-text Allow answer
    }
    let body: Value = serde_json::from_slice(body)
        .unwrap_or_else(|_| panic!("{what}: not JSON: {}", String::from_utf8_lossy(body)));
    let code = body["errors"][0]["extensions"]["code"].as_str();
    assert!(
        code.is_some_and(|c| CODES.contains(&c)),
        "{what}: unexpected answer {body}"
    );
}

async fn post_raw(
    app: &TestApp,
    content_type: &str,
    token: Option<&str>,
    body: Vec<u8>,
) -> (u16, Vec<u8>, Duration) {
    let mut request = Request::post("/graphql").header("content-type", content_type);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let started = Instant::now();
    let (status, bytes) = app.send(request.body(Body::from(body)).unwrap()).await;
    (status, bytes, started.elapsed())
}

#[tokio::test]
async fn the_fixed_list_of_hostile_requests_is_refused_cleanly_and_quickly() {
    let app = TestApp::new().await;
    let token = app.token(Role::Admin);
    let query = |q: String| json!({ "query": q }).to_string().into_bytes();
    let fan_out = {
        let mut q = String::from("{ ...F0 }");
        for i in 0..9 {
            q += &format!(
                " fragment F{i} on Query {{ {} }}",
                vec![format!("...F{}", i + 1); 10].join(" ")
            );
        }
        q + " fragment F9 on Query { __typename }"
    };
    let cases: Vec<(&str, &str, Option<String>, Vec<u8>)> = vec![
        ("deep nesting", "application/json", Some(token.clone()),
            query(format!("{}{}", "{ node(id: \"x\") { ... on SocialWork { patients { nodes { socialWork ".repeat(8), "}".repeat(60)))),
        ("fragment fan-out", "application/json", Some(token.clone()), query(fan_out)),
        ("self-referencing fragment", "application/json", Some(token.clone()),
            query("{ ...A } fragment A on Query { ...A }".into())),
        ("mutually recursive fragments", "application/json", Some(token.clone()),
            query("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }".into())),
        ("10,000 aliases", "application/json", Some(token.clone()),
            query(format!("{{ {} }}", (0..10_000).map(|i| format!("a{i}: __typename")).collect::<Vec<_>>().join(" ")))),
        ("10,000 directives", "application/json", Some(token.clone()),
            query(format!("{{ __typename {} }}", "@skip(if: false) ".repeat(10_000)))),
        ("huge variables", "application/json", Some(token.clone()),
            json!({ "query": "query($v: String) { __typename }", "variables": { "v": "x".repeat(1 << 20) } }).to_string().into_bytes()),
        ("deeply nested variables", "application/json", Some(token.clone()),
            format!(r#"{{"query":"{{ __typename }}","variables":{{"v":{}1{}}}}}"#, "[".repeat(5000), "]".repeat(5000)).into_bytes()),
        ("U+0000 in a variable", "application/json", Some(token.clone()),
            json!({ "query": "mutation($i: CreateSocialWorkInput!) { createSocialWork(input: $i) { userErrors { code } } }",
                    "variables": { "i": { "name": "OS\u{0}", "address": "a", "phone": "1234567890", "webpage": "https://a.ar" } } }).to_string().into_bytes()),
        ("U+0000 escaped in the query", "application/json", Some(token.clone()),
            query(r#"{ socialWorks(filter: {search: "a\u0000"}) { totalCount } }"#.into())),
        ("malformed JSON", "application/json", Some(token.clone()), br#"{"query": "{ __typename }""#.to_vec()),
        ("not JSON at all", "application/json", Some(token.clone()), b"\xff\xfe\x00garbage".to_vec()),
        ("wrong content type", "text/plain", Some(token.clone()), query("{ __typename }".into())),
        ("batch array", "application/json", Some(token.clone()),
            json!([{ "query": "{ __typename }" }, { "query": "{ __typename }" }]).to_string().into_bytes()),
        ("16 KB token", "application/json", Some("a".repeat(16 * 1024)),
            query("{ socialWorks { totalCount } }".into())),
    ];
    for (what, content_type, token, body) in cases {
        let (status, bytes, elapsed) = post_raw(&app, content_type, token.as_deref(), body).await;
        refused_cleanly(what, status, &bytes, elapsed);
    }
    // Mutation over GET.
    let started = Instant::now();
    let (status, bytes) = app
        .send(
            Request::get("/graphql?query=mutation%20%7B%20login(input%3A%7Busername%3A%22a%22%2Cpassword%3A%22b%22%7D)%20%7B%20token%20%7D%20%7D")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, 405);
    refused_cleanly("mutation over GET", status, &bytes, started.elapsed());
    // Tokens: `alg: none`, a string `exp`, a future `nbf` and a missing `aud` are covered,
    // with expired and forged ones, by auth::every_query_needs_a_valid_token and
    // auth::issuer_and_audience_are_required_when_configured.
}

/// GraphQL-ish tokens, so that generated documents reach the parser's and the guard's depths
/// instead of failing on the first character.
fn document() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        "...",
        "... on Query",
        "fragment F on Query",
        "F",
        "query",
        "mutation",
        "__typename",
        "socialWorks",
        "nodes",
        "patients(first: 100)",
        "node(id: \"U29jaWFsV29yazox\")",
        "a:",
        "@skip(if: true)",
        "@include(if: $v)",
        "$v",
        "\"",
        "\\u0000",
        "#",
        "1e999",
        ",",
        "name",
        "totalCount",
        "edges",
        "cursor",
        "on",
        "__schema",
        "{ types { fields { type { name } } } }",
    ]);
    prop::collection::vec(token, 0..300).prop_map(|t| t.join(" "))
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,40}".prop_map(Value::from),
        prop::sample::select(vec![
            "OS5",
            "O1",
            "PO1",
            "DNI",
            "2026-11-02",
            "2026-11-02T09:41:17",
            "-1",
            "1e309"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(".{0,12}", inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn fixture() -> Value {
    serde_json::from_str(include_str!("../fixtures/suap_render.json")).unwrap()
}

/// The fixture with the value at one of its paths replaced by anything.
fn mutated_fixture() -> impl Strategy<Value = Value> {
    (any::<prop::sample::Index>(), json_value()).prop_map(|(index, replacement)| {
        let mut document = fixture();
        let mut paths = vec![];
        collect_paths(&document, &mut vec![], &mut paths);
        let path = index.get(&paths).clone();
        *path.iter().fold(&mut document, |v, key| match v {
            Value::Array(list) => &mut list[key.parse::<usize>().unwrap()],
            other => &mut other[key.as_str()],
        }) = replacement;
        document
    })
}

fn collect_paths(value: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(list) => list
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => vec![],
    };
    for (key, child) in children {
        at.push(key);
        collect_paths(child, at, out);
        at.pop();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn global_ids_and_cursors_decode_or_refuse_never_panic(text in ".{0,200}", bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let encoded = URL_SAFE_NO_PAD.encode(&bytes);
        for candidate in [&text, &encoded] {
            let _ = decode_global_id(&ID(candidate.clone()));
            let _ = decode_cursor::<(String, i32)>(candidate);
            let _ = decode_cursor::<(String, String, i32)>(candidate);
            let _ = decode_cursor::<i32>(candidate);
        }
    }

    #[test]
    fn global_ids_round_trip(id in 1..=i32::MAX, kind in "[A-Za-z]{1,20}") {
        let (decoded_kind, decoded_id) = decode_global_id(&global_id(&kind, id)).unwrap();
        prop_assert_eq!((decoded_kind.as_str(), decoded_id), (kind.as_str(), id));
    }

    #[test]
    fn the_suap_reader_reports_or_accepts_anything(document in prop_oneof![json_value(), mutated_fixture()]) {
        let started = Instant::now();
        if let Err(errors) = import::parse(&document) {
            prop_assert!(!errors.is_empty());
        }
        prop_assert!(started.elapsed() < QUICK);
    }
}

/// Through the whole service: generated documents at the guard, generated SUAP documents at
/// the import mutation. Fewer cases, since each is a full request on the real database.
#[test]
fn generated_requests_never_get_a_500() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let app = runtime.block_on(async {
        let app = TestApp::new().await;
        let mut input = social_work_input("OSDE");
        input["code"] = json!("OS5");
        app.admin(CREATE_SOCIAL_WORK, json!({ "input": input }))
            .await;
        app
    });
    let token = app.token(Role::Staff);
    let config = ProptestConfig {
        cases: 150,
        ..ProptestConfig::default()
    };
    proptest!(config, |(query in document(), render in prop_oneof![json_value(), mutated_fixture()])| {
        runtime.block_on(async {
            let body = json!({ "query": query, "variables": { "v": true } }).to_string().into_bytes();
            let (status, bytes, elapsed) = post_raw(&app, "application/json", Some(&token), body).await;
            assert!(elapsed < QUICK, "{query}: {elapsed:?}");
            assert!(status < 500, "{query}: {status}");
            let answer: Value = serde_json::from_slice(&bytes).unwrap();
            for error in answer["errors"].as_array().into_iter().flatten() {
                assert!(error["extensions"]["code"].is_string(), "{query}: {answer}");
                assert_ne!(error["extensions"]["code"], "INTERNAL_SERVER_ERROR", "{query}: {answer}");
            }

            let import = "mutation($r: JSON!) { importSuapOrder(input: {render: $r}) { order { id } userErrors { field code message } } }";
            let body = json!({ "query": import, "variables": { "r": render } }).to_string().into_bytes();
            let (status, bytes, elapsed) = post_raw(&app, "application/json", Some(&token), body).await;
            assert!(elapsed < QUICK && status == 200, "{render}: {status} in {elapsed:?}");
            let answer: Value = serde_json::from_slice(&bytes).unwrap();
            let payload = &answer["data"]["importSuapOrder"];
            let answered = payload["order"]["id"].is_string()
                || payload["userErrors"].as_array().is_some_and(|e| !e.is_empty())
                // `null` for a `JSON!` variable, or text with U+0000, is refused before the import.
                || answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT";
            assert!(answered, "{render}: {answer}");
        });
    });
}

/// A value nested `depth` levels, each level a list or an object, as the bits of `kinds` say.
fn nested_value(depth: usize, kinds: u64) -> String {
    let mut open = String::new();
    let mut close = String::new();
    for level in 0..depth {
        if kinds >> (level % 64) & 1 == 0 {
            open.push('[');
            close.insert(0, ']');
        } else {
            open.push_str("{a: ");
            close.insert(0, '}');
        }
    }
    format!("{open}1{close}")
}

/// Documents nesting values anywhere a value goes, and fragment graphs whose spreads may name
/// fragments nobody defined: through the whole service, a clean answer, quickly.
#[test]
fn generated_nesting_and_fragment_graphs_are_refused_cleanly() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let app = runtime.block_on(TestApp::new());
    let token = app.token(Role::Viewer);
    let config = ProptestConfig {
        cases: 120,
        ..ProptestConfig::default()
    };
    let place = prop::sample::select(vec![
        "{ socialWorks(filter: V) { totalCount } }",
        "{ __typename @skip(if: V) }",
        "query($v: [Int] = V) { __typename }",
        "{ node(id: V) { id } }",
        "query @skip(if: V) { __typename }",
    ]);
    let graph = (
        1..12usize,
        prop::collection::vec(prop::collection::vec(0..16usize, 0..8), 12),
        any::<bool>(),
    );
    proptest!(config, |(depth in 0..300usize, kinds in any::<u64>(), place in place, (count, spreads, fields) in graph)| {
        let value_query = place.replace('V', &nested_value(depth, kinds));
        let mut fragments = String::from("{ ...F0 }");
        for (i, targets) in spreads.iter().take(count).enumerate() {
            let body: String = targets.iter().map(|t| format!(" ...F{t}")).collect();
            let field = if fields { " __typename" } else { "" };
            fragments += &format!(" fragment F{i} on Query {{{body}{field} }}");
        }
        runtime.block_on(async {
            for query in [&value_query, &fragments] {
                let body = json!({ "query": query }).to_string().into_bytes();
                let (status, bytes, elapsed) = post_raw(&app, "application/json", Some(&token), body).await;
                assert!(elapsed < QUICK, "{query}: {elapsed:?}");
                assert!(status == 200 || status == 400, "{query}: {status}");
                let answer: Value = serde_json::from_slice(&bytes).unwrap();
                for error in answer["errors"].as_array().into_iter().flatten() {
                    let code = error["extensions"]["code"].as_str();
                    assert!(code.is_some_and(|c| CODES.contains(&c)), "{query}: {answer}");
                }
            }
        });
    });
}
