use axum::{body::Body, http::Request};
use clinic::auth::Role;
use serde_json::{Value, json};

use crate::common::*;

fn get(uri: &str, token: Option<&str>, accept: &str) -> Request<Body> {
    let mut request = Request::get(uri).header("accept", accept);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    request.body(Body::empty()).unwrap()
}

fn encode(query: &str) -> String {
    query
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn queries_over_get_and_mutations_only_over_post() {
    let app = TestApp::new().await;
    create_social_work(&app, "OSDE").await;
    let token = app.token(Role::Viewer);
    let (status, body) = app
        .send(get(
            &format!(
                "/graphql?query={}",
                encode("{ socialWorks { totalCount } }")
            ),
            Some(&token),
            "application/json",
        ))
        .await;
    assert_eq!(status, 200);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["data"]["socialWorks"]["totalCount"], 1);

    let mutation =
        encode("mutation { login(input: {username: \"a\", password: \"b\"}) { token } }");
    let (status, body) = app
        .send(get(
            &format!("/graphql?query={mutation}"),
            None,
            "application/json",
        ))
        .await;
    assert_eq!(status, 405);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
}

#[tokio::test]
async fn graphiql_for_browsers_and_health_endpoints() {
    let app = TestApp::new().await;
    let (status, body) = app
        .send(get("/graphql", None, "text/html,application/xhtml+xml"))
        .await;
    assert_eq!(status, 200);
    assert!(String::from_utf8(body).unwrap().contains("graphiql"));
    assert_eq!(app.send(get("/healthz", None, "*/*")).await.0, 200);
    assert_eq!(app.send(get("/readyz", None, "*/*")).await.0, 200);

    // /metrics counts GraphQL requests and the SQL statements they ran.
    let query = "{ socialWorks(first: 5) { nodes { name } } }";
    app.gql_as(clinic::auth::Role::Viewer, query, serde_json::json!({}))
        .await;
    assert_eq!(
        app.send(get("/metrics", None, "*/*")).await.0,
        404,
        "not on the public listener"
    );
    let metrics = clinic::http::metrics_router(app.state.clone());
    let response = tower::ServiceExt::oneshot(metrics, get("/metrics", None, "*/*"))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    let text = String::from_utf8(body).unwrap();
    assert!(text.contains("clinic_graphql_requests_total 1\n"), "{text}");
    let statements = format!("clinic_sql_statements_total {}\n", app.statements());
    assert!(text.contains(&statements), "{text}");
    // The test app's --db-pool-size.
    assert!(
        text.contains("clinic_db_pool_max_connections 8\n"),
        "{text}"
    );
}

#[tokio::test]
async fn batches_and_huge_bodies_are_refused() {
    let app = TestApp::new().await;
    let batch = json!([{ "query": "{ __typename }" }, { "query": "{ __typename }" }]).to_string();
    let request = Request::post("/graphql")
        .header("content-type", "application/json")
        .body(Body::from(batch))
        .unwrap();
    let (status, _) = app.send(request).await;
    assert_eq!(status, 400);

    let huge = format!(
        r#"{{"query": "{{ __typename }}", "variables": {{"x": "{}"}}}}"#,
        "a".repeat(5 * 1024 * 1024)
    );
    let request = Request::post("/graphql")
        .header("content-type", "application/json")
        .header("content-length", huge.len())
        .body(Body::from(huge))
        .unwrap();
    assert_eq!(app.send(request).await.0, 413);

    let request = Request::post("/graphql")
        .header("content-type", "application/json")
        .body(Body::from("{not json"))
        .unwrap();
    let (status, body) = app.send(request).await;
    assert_eq!(status, 400);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    assert!(
        !body.to_string().contains("Error("),
        "no Rust debug text: {body}"
    );

    // A streamed (chunked) body past the limit is refused the same way.
    let chunks =
        futures_util::stream::iter((0..400).map(|_| Ok::<_, std::io::Error>(vec![b' '; 1024])));
    let request = Request::post("/graphql")
        .header("content-type", "application/json")
        .body(Body::from_stream(chunks))
        .unwrap();
    assert_eq!(app.send(request).await.0, 413);
}

#[tokio::test]
async fn node_and_nodes_resolve_any_entity() {
    let app = TestApp::new().await;
    let sw = create_social_work(&app, "OSDE").await;
    let body = app
        .gql_as(
            Role::Staff,
            CREATE_PATIENT,
            json!({ "input": patient_input(&sw, "30111222") }),
        )
        .await;
    let patient = body["data"]["createPatient"]["patient"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let q = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on SocialWork { name } ... on Patient { fullName } } }";
    let missing = clinic::graphql::ids::global_id("Patient", 999).0;
    let body = app
        .gql_as(Role::Viewer, q, json!({ "ids": [sw, patient, missing] }))
        .await;
    assert_eq!(
        body["data"]["nodes"],
        json!([
            { "__typename": "SocialWork", "id": sw, "name": "OSDE" },
            { "__typename": "Patient", "id": patient, "fullName": "Ana Pérez" },
            null
        ]),
        "{body}"
    );
    let q = "query($id: ID!) { node(id: $id) { id } }";
    for bad in ["nonsense", "VW5rbm93bjox"] {
        let body = app.gql_as(Role::Viewer, q, json!({ "id": bad })).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{bad}: {body}");
    }
    let (_, body) = app.post(None, q, json!({ "id": sw })).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED");
}

/// `oneshot` of a JSON POST to /graphql, the whole response kept.
trait OneshotJson {
    async fn oneshot_json(self, body: Value) -> axum::response::Response;
}

impl OneshotJson for axum::Router {
    async fn oneshot_json(self, body: Value) -> axum::response::Response {
        use tower::ServiceExt;
        let request = Request::post("/graphql")
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        self.oneshot(request).await.unwrap()
    }
}

/// POST /graphql with this `Accept` (none when `None`) and raw JSON body: status, content
/// type and body.
async fn post_accepting(app: &TestApp, accept: Option<&str>, body: Value) -> (u16, String, Value) {
    use tower::ServiceExt;
    let mut request = Request::post("/graphql").header("content-type", "application/json");
    if let Some(accept) = accept {
        request = request.header("accept", accept);
    }
    let request = request.body(Body::from(body.to_string())).unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    (
        status,
        content_type,
        serde_json::from_slice(&bytes).unwrap(),
    )
}

#[tokio::test]
async fn the_response_is_in_the_media_type_the_client_accepts() {
    let app = TestApp::new().await;
    let query = json!({ "query": "{ __typename }" });
    for accept in [
        None,
        Some("application/json"),
        Some("*/*"),
        Some("application/*"),
    ] {
        let (status, content_type, body) = post_accepting(&app, accept, query.clone()).await;
        assert_eq!(status, 200, "{accept:?}");
        assert_eq!(
            content_type, "application/json; charset=utf-8",
            "{accept:?}"
        );
        assert_eq!(body["data"]["__typename"], "Query");
    }
    let graphql_response = "application/graphql-response+json";
    for accept in [
        graphql_response,
        "application/json;q=0.9, application/graphql-response+json",
    ] {
        let (status, content_type, _) = post_accepting(&app, Some(accept), query.clone()).await;
        assert_eq!(status, 200);
        assert_eq!(
            content_type,
            "application/graphql-response+json; charset=utf-8"
        );
    }
    // Answers differ by Accept and hold patients' data: no shared cache keeps them.
    let response = app
        .router
        .clone()
        .oneshot_json(json!({ "query": "{ __typename }" }))
        .await;
    assert_eq!(response.headers()["cache-control"], "no-store");
    let vary = response.headers().get_all("vary").iter();
    assert!(
        vary.map(|v| v.to_str().unwrap().to_ascii_lowercase())
            .any(|v| v.contains("accept"))
    );
    let (status, _, body) = post_accepting(&app, Some("text/html"), query).await;
    assert_eq!(status, 406);
    assert!(body["errors"][0]["message"].is_string());
}

#[tokio::test]
async fn request_errors_carry_no_data_and_are_400_in_graphql_response_json() {
    let app = TestApp::new().await;
    let graphql_response = Some("application/graphql-response+json");
    let requests = [
        ("does not parse", json!({ "query": "{" })),
        ("does not validate", json!({ "query": "{ noSuchField }" })),
        (
            "variables do not coerce",
            json!({ "query": "query($id: ID!) { node(id: $id) { id } }", "variables": { "id": { "a": 1 } } }),
        ),
    ];
    for (what, body) in requests {
        let (status, _, answer) = post_accepting(&app, graphql_response, body.clone()).await;
        assert_eq!(status, 400, "{what}: {answer}");
        assert!(answer.get("data").is_none(), "{what}: {answer}");
        assert!(answer["errors"][0]["message"].is_string(), "{what}");
        // The legacy type answers 200, still without `data`.
        let (status, _, answer) = post_accepting(&app, Some("application/json"), body).await;
        assert_eq!(status, 200, "{what}: {answer}");
        assert!(answer.get("data").is_none(), "{what}: {answer}");
    }
    // A field's own error is not a request error: 200, with `data`.
    let (status, _, answer) = post_accepting(
        &app,
        graphql_response,
        json!({ "query": "{ socialWorks { totalCount } }" }),
    )
    .await;
    assert_eq!(status, 200, "{answer}");
    assert!(answer.get("data").is_some(), "{answer}");
    // A body without `query` is a malformed request.
    let (status, _, _) = post_accepting(&app, None, json!({ "qeury": "{ __typename }" })).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn every_response_carries_a_request_id_the_client_s_when_short_and_plain() {
    use tower::ServiceExt;
    let app = TestApp::new().await;
    let id_of = |given: Option<&'static str>| {
        let router = app.router.clone();
        async move {
            let mut request = Request::get("/healthz");
            if let Some(given) = given {
                request = request.header("x-request-id", given);
            }
            let response = router
                .oneshot(request.body(Body::empty()).unwrap())
                .await
                .unwrap();
            response.headers()["x-request-id"]
                .to_str()
                .unwrap()
                .to_owned()
        }
    };
    assert_eq!(id_of(Some("spa-7f3a:12")).await, "spa-7f3a:12");
    let generated = id_of(None).await;
    assert!(generated.len() > 16, "{generated}");
    assert_ne!(id_of(None).await, generated, "each request its own");
    // Not echoed into logs or responses: replaced.
    let odd = id_of(Some("a b <script>")).await;
    assert!(!odd.contains(' '), "{odd}");
}

#[tokio::test]
async fn browsers_may_send_the_headers_spa_clients_send() {
    use tower::ServiceExt;
    let app = TestApp::with_args(&["--cors-origins", "https://app.clinic.example"]).await;
    let preflight = Request::builder()
        .method("OPTIONS")
        .uri("/graphql")
        .header("origin", "https://app.clinic.example")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization,content-type,x-request-id,apollographql-client-name,apollographql-client-version",
        )
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(preflight).await.unwrap();
    assert_eq!(response.status(), 200);
    let allowed = response.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for header in [
        "authorization",
        "content-type",
        "x-request-id",
        "apollographql-client-name",
        "apollographql-client-version",
    ] {
        assert!(allowed.contains(header), "{header} in {allowed}");
    }
    // The SPA can read the id back.
    let request = Request::get("/healthz")
        .header("origin", "https://app.clinic.example")
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap();
    assert!(exposed.contains("x-request-id"), "{exposed}");
}

/// The keys of an answer's object in the order they were sent (`async_graphql::Value` keeps
/// it; `serde_json::Value` would sort them).
fn keys(value: &async_graphql::Value) -> Vec<&str> {
    match value {
        async_graphql::Value::Object(map) => map.keys().map(|k| k.as_str()).collect(),
        other => panic!("not an object: {other}"),
    }
}

fn field<'a>(value: &'a async_graphql::Value, key: &str) -> &'a async_graphql::Value {
    match value {
        async_graphql::Value::Object(map) => &map[key],
        other => panic!("not an object: {other}"),
    }
}

#[tokio::test]
async fn answers_follow_the_query_s_order_through_aliases_fragments_and_nesting() {
    use tower::ServiceExt;
    let app = TestApp::new().await;
    let osde = create_social_work(&app, "OSDE").await;
    create_social_work(&app, "Swiss Medical").await;
    let query = "query Ordered($ids: [ID!]!) {
        viewer { role username }
        list: socialWorks(first: 2) {
            ...Counted
            nodes { name ... on SocialWork { state id } contactPending }
            pageInfo { hasNextPage endCursor }
        }
        nodes(ids: $ids) { id __typename ... on SocialWork { state name } }
        total: socialWorks { totalCount }
    }
    fragment Counted on SocialWorkConnection { totalCount }";
    let token = app.token(Role::Viewer);
    // Fields resolve concurrently and finish in any order: ask several times.
    for _ in 0..10 {
        let request = Request::post("/graphql")
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {token}"))
            .body(Body::from(
                json!({ "query": query, "variables": { "ids": [osde] } }).to_string(),
            ))
            .unwrap();
        let response = app.router.clone().oneshot(request).await.unwrap();
        let bytes = http_body_util::BodyExt::collect(response.into_body())
            .await
            .unwrap()
            .to_bytes();
        let body: async_graphql::Value = serde_json::from_slice(&bytes).unwrap();
        let data = field(&body, "data");
        assert_eq!(keys(data), ["viewer", "list", "nodes", "total"], "{data}");
        assert_eq!(keys(field(data, "viewer")), ["role", "username"]);
        let list = field(data, "list");
        assert_eq!(keys(list), ["totalCount", "nodes", "pageInfo"], "{list}");
        assert_eq!(keys(field(list, "pageInfo")), ["hasNextPage", "endCursor"]);
        let async_graphql::Value::List(rows) = field(list, "nodes") else {
            panic!("{list}")
        };
        for row in rows {
            assert_eq!(
                keys(row),
                ["name", "state", "id", "contactPending"],
                "{row}"
            );
        }
        let async_graphql::Value::List(nodes) = field(data, "nodes") else {
            panic!("{data}")
        };
        assert_eq!(keys(&nodes[0]), ["id", "__typename", "state", "name"]);
    }
}
