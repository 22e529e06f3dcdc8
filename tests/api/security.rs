//! What a hostile caller tried (#16), each finding as the promise it now keeps: nothing a
//! caller sends can stop, slow or take over the service.

use std::{
    net::SocketAddr,
    time::{Duration, Instant},
};

use axum::{body::Body, http::Request};
use clinic::auth::Role;
use serde_json::{Value, json};

use crate::common::*;

/// Far above what any refusal takes, far below a timeout.
const QUICK: Duration = Duration::from_secs(2);

async fn post_json(app: &TestApp, token: Option<&str>, body: String) -> (u16, Value, Duration) {
    let mut request = Request::post("/graphql").header("content-type", "application/json");
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let started = Instant::now();
    let (status, bytes) = app.send(request.body(Body::from(body)).unwrap()).await;
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, body, started.elapsed())
}

fn query_body(query: &str) -> String {
    json!({ "query": query }).to_string()
}

// 1. Deep nesting in values.

#[tokio::test]
async fn values_nested_deeper_than_the_bound_are_refused_with_400_before_parsing() {
    let app = TestApp::new().await;
    let deep = 1_500;
    let list = format!("{}1{}", "[".repeat(deep), "]".repeat(deep));
    let object = format!("{}1{}", "{a:".repeat(deep), "}".repeat(deep));
    let cases = [
        ("list argument", format!("{{ node(id: {list}) {{ id }} }}")),
        (
            "object argument",
            format!("{{ socialWorks(filter: {object}) {{ totalCount }} }}"),
        ),
        (
            "directive argument",
            format!("{{ __typename @skip(if: {list}) }}"),
        ),
        (
            "variable default",
            format!("query($v: [Int] = {list}) {{ __typename }}"),
        ),
        (
            "parentheses",
            format!("{{ __typename{} }}", "(".repeat(deep)),
        ),
    ];
    for (what, query) in cases {
        assert!(query.len() < 8 * 1024, "{what}: a small request");
        // Anonymous: the refusal comes before the token matters.
        let (status, body, elapsed) = post_json(&app, None, query_body(&query)).await;
        assert_eq!(status, 400, "{what}: {body}");
        assert_eq!(error_code(&body), "QUERY_TOO_COMPLEX", "{what}");
        assert!(elapsed < QUICK, "{what}: {elapsed:?}");
        let encoded: String = query.bytes().map(|b| format!("%{b:02X}")).collect();
        let (status, _) = app
            .send(
                Request::get(format!("/graphql?query={encoded}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(status, 400, "{what} over GET");
    }
    // Variables' JSON is bounded before serde decodes it.
    let nested = format!("{}1{}", "[".repeat(40), "]".repeat(40));
    let body =
        format!(r#"{{"query":"query($v: [Int]) {{ __typename }}","variables":{{"v":{nested}}}}}"#);
    let (status, answer, _) = post_json(&app, None, body).await;
    assert_eq!(status, 400, "{answer}");
    // The bound is generous for real documents, and the process keeps serving.
    let query = "{ socialWorks(filter: {search: \"a\"}) { edges { node { patients(first: 1) { \
                 nodes { socialWork { name } } } } } } }";
    let answer = app.admin(query, json!({})).await;
    assert_eq!(
        answer["data"]["socialWorks"]["edges"],
        json!([]),
        "{answer}"
    );
}

// 3. Introspection multiplies.

#[tokio::test]
async fn introspection_is_bounded_while_graphiql_and_codegen_queries_work() {
    let app = TestApp::new().await;
    let standard = include_str!("introspection.graphql");
    let answer = app.gql_as(Role::Viewer, standard, json!({})).await;
    assert!(answer["data"]["__schema"]["types"].is_array(), "{answer}");

    // ~9x per level: 300 bytes once answered 136 MB.
    let nested = "{ __type(name: \"Node\") { possibleTypes { interfaces { possibleTypes { \
        interfaces { possibleTypes { interfaces { possibleTypes { name } } } } } } } } }";
    let started = Instant::now();
    let answer = app.gql_as(Role::Viewer, nested, json!({})).await;
    assert!(started.elapsed() < QUICK);
    assert_eq!(error_code(&answer), "QUERY_TOO_COMPLEX", "{answer}");

    // Aliases of the schema's lists add up like any other cost.
    let aliases: String = (0..200)
        .map(|i| format!("t{i}: types {{ fields {{ args {{ name }} }} }} "))
        .collect();
    let answer = app
        .gql_as(
            Role::Viewer,
            &format!("{{ __schema {{ {aliases} }} }}"),
            json!({}),
        )
        .await;
    assert_eq!(error_code(&answer), "QUERY_TOO_COMPLEX", "{answer}");
}

// 4. The fragment guard.

#[tokio::test]
async fn unknown_fragments_are_refused_before_any_expansion() {
    let app = TestApp::new().await;
    // Nine levels of ten spreads, the innermost naming a fragment nobody defined: 10^9
    // expansions for a validator that does not memoize.
    let mut query = String::from("{ ...F0 }");
    for level in 0..9 {
        let spreads = format!(" ...F{}", level + 1).repeat(10);
        query += &format!(" fragment F{level} on Query {{{spreads} }}");
    }
    query += " fragment F9 on Query { ...Missing }";
    assert!(query.len() < 1024);
    let started = Instant::now();
    let (status, body, _) = post_json(&app, None, query_body(&query)).await;
    assert!(started.elapsed() < QUICK, "{:?}", started.elapsed());
    assert_eq!(status, 200);
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Missing")
    );
}

#[tokio::test]
async fn validation_of_the_worst_documents_under_the_size_limit_is_quick() {
    let app = TestApp::new().await;
    let token = app.token(Role::Viewer);
    let fan_out = |inner: &str| {
        let mut query = String::from("{ ...F0 }");
        for level in 0..6 {
            let spreads = format!(" ...F{}", level + 1).repeat(12);
            query += &format!(" fragment F{level} on Query {{{spreads} }}");
        }
        query + &format!(" fragment F6 on Query {{ {inner} }}")
    };
    let list = format!("[{}]", "1,".repeat(2000));
    let shapes = [
        // Spreads and inline fragments with no fields count too.
        (
            "spreads of inline fragments",
            fan_out("... on Query { ... on Query { __typename } }"),
        ),
        (
            "spreads of directives",
            fan_out("__typename @skip(if: false) @include(if: true)"),
        ),
        (
            "spreads of big argument values",
            fan_out(&format!(
                "node(id: \"x\") {{ id }} a: nodes(ids: {list}) {{ id }}"
            )),
        ),
        (
            "unused fragments",
            format!(
                "{{ __typename }} {}",
                fan_out("__typename").replacen("{ ...F0 }", "fragment U on Query { ...F0 }", 1)
            ),
        ),
        (
            "many directives on an operation",
            format!("query {} {{ __typename }}", "@skip(if: false) ".repeat(6)),
        ),
        (
            "many directives on a spread",
            format!(
                "{{ ...A {} }} fragment A on Query {{ __typename }}",
                "@skip(if: false) ".repeat(6)
            ),
        ),
        (
            "a thousand distinct fields",
            format!(
                "{{ viewer {{ {} }} }}",
                (0..3000)
                    .map(|i| format!("f{i}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ),
    ];
    for (what, query) in shapes {
        assert!(query.len() <= 32 * 1024, "{what}: {} bytes", query.len());
        let started = Instant::now();
        let (status, body, _) = post_json(&app, Some(&token), query_body(&query)).await;
        assert!(started.elapsed() < QUICK, "{what}: {:?}", started.elapsed());
        assert!(status < 500, "{what}");
        assert!(body["errors"].is_array(), "{what}: refused, {body}");
        // 14. Errors do not multiply the answer.
        assert!(
            body["errors"].as_array().unwrap().len() <= 51,
            "{what}: {} errors",
            body["errors"].as_array().unwrap().len()
        );
    }
}

#[tokio::test]
async fn a_document_answers_at_most_fifty_errors_and_says_how_many_more() {
    let app = TestApp::new().await;
    let fields: Vec<String> = (0..3000).map(|i| format!("f{i}")).collect();
    let query = format!("{{ viewer {{ {} }} }}", fields.join(" "));
    let (_, body, _) = post_json(&app, None, query_body(&query)).await;
    let errors = body["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 51, "{}", errors.len());
    assert_eq!(errors[50]["message"], "y 2950 errores más");
    assert!(errors[50]["extensions"]["code"].is_string());
}

// 2. Demo accounts in production.

#[tokio::test]
async fn demo_accounts_load_only_in_demo_mode_and_admin_password_always_applies() {
    let password = "el-admin-de-la-clinica";
    let app =
        TestApp::with_args(&["--admin-username", "admin", "--admin-password", password]).await;
    clinic::server::initialise(&app.state).await.unwrap();
    assert_eq!(
        app.sql_count("SELECT count(*) FROM users").await,
        1,
        "only the admin"
    );
    assert_eq!(
        app.sql_count("SELECT count(*) FROM social_works").await,
        0,
        "no demo data"
    );
    let login = |password: &str| {
        format!(
            r#"mutation {{ login(input: {{username: "admin", password: "{password}"}}) {{ token userErrors {{ code }} }} }}"#
        )
    };
    let answer = app.post(None, &login(password), json!({})).await.1;
    assert!(answer["data"]["login"]["token"].is_string(), "{answer}");

    // A database that holds the demo accounts: refused outside demo mode, naming them.
    let demo = TestApp::new().await;
    clinic::demo::load(&mut demo.state.pool.get().await.unwrap())
        .await
        .unwrap();
    let error = clinic::server::initialise(&demo.state)
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("admin, staff, viewer"), "{error}");
    assert!(error.contains("set-password"), "{error}");
    // ADMIN_PASSWORD replaces the demo admin's password (it used to be kept).
    let configured = demo_with_args(
        &demo,
        &["--admin-username", "admin", "--admin-password", password],
    );
    let error = clinic::server::initialise(&configured)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("staff, viewer") && !error.contains("admin,"),
        "{error}"
    );
    // Demo mode, when asked, accepts them.
    let asked = demo_with_args(&demo, &["--demo"]);
    clinic::server::initialise(&asked).await.unwrap();
    // The README's first command configures nothing: demo mode, even after the state has
    // generated its throwaway signing secret.
    let zero = clinic::config::Cli::from_args(["clinic"]).unwrap().config;
    let (state, generated) = clinic::server::build_state(zero).unwrap();
    assert!(generated && state.config.demo_mode());
}

fn demo_with_args(app: &TestApp, args: &[&str]) -> clinic::app::AppState {
    let url = app.database_url();
    let mut argv = vec!["clinic", "--database-url", &url, "--jwt-secret", SECRET];
    argv.extend_from_slice(args);
    let cli = <clinic::config::Cli as clap::Parser>::try_parse_from(argv).unwrap();
    clinic::server::build_state(cli.config).unwrap().0
}

// 5. Password guessing.

const LOGIN: &str = "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token userErrors { code message } } }";

fn peer(last: u8) -> SocketAddr {
    SocketAddr::from(([203, 0, 113, last], 40000))
}

async fn login_code(app: &TestApp, from: SocketAddr, user: &str, password: &str) -> String {
    let answer = app
        .post_from(from, None, LOGIN, json!({ "u": user, "p": password }))
        .await;
    if answer["data"]["login"]["token"].is_string() {
        return "OK".to_owned();
    }
    answer["data"]["login"]["userErrors"][0]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("{answer}"))
        .to_owned()
}

async fn user_with_password(app: &TestApp, username: &str, password: &str) {
    let answer = app
        .admin(
            "mutation($u: String!, $p: String!) { createUser(input: {username: $u, password: $p, role: STAFF}) { userErrors { code } } }",
            json!({ "u": username, "p": password }),
        )
        .await;
    assert_eq!(
        answer["data"]["createUser"]["userErrors"],
        json!([]),
        "{answer}"
    );
}

#[tokio::test]
async fn failed_logins_are_throttled_per_address_and_username_with_no_hint_of_existence() {
    let app = TestApp::new().await;
    user_with_password(&app, "ana", "la-clave-de-ana").await;
    let attacker = peer(7);
    for user in ["ana", "nadie"] {
        for _ in 0..6 {
            assert_eq!(
                login_code(&app, attacker, user, "adivino").await,
                "INVALID_CREDENTIALS"
            );
        }
        // The sixth failure started a back-off: even the right password waits, and an
        // unknown user is answered exactly alike.
        let answer = app
            .post_from(
                attacker,
                None,
                LOGIN,
                json!({ "u": user, "p": "la-clave-de-ana" }),
            )
            .await;
        let error = &answer["data"]["login"]["userErrors"][0];
        assert_eq!(error["code"], "RATE_LIMITED", "{user}: {answer}");
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("intente nuevamente en")
        );
    }
    // Another address is not slowed by this one's failures.
    assert_eq!(
        login_code(&app, peer(8), "ana", "la-clave-de-ana").await,
        "OK"
    );
}

#[tokio::test]
async fn a_burst_of_concurrent_guesses_takes_turns_with_the_throttle() {
    let app = TestApp::new().await;
    user_with_password(&app, "ana", "la-clave-de-ana").await;
    let attacker = peer(11);
    let guesses = (0..20).map(|i| {
        let app = &app;
        async move { login_code(app, attacker, "ana", &format!("adivino{i}")).await }
    });
    let codes = futures_util::future::join_all(guesses).await;
    let checked = codes.iter().filter(|c| *c == "INVALID_CREDENTIALS").count();
    // Five free failures, and the sixth that starts the back-off; no more reach Argon2.
    assert_eq!(checked, 6, "{codes:?}");
    assert!(
        codes
            .iter()
            .all(|c| c == "INVALID_CREDENTIALS" || c == "RATE_LIMITED")
    );
}

#[tokio::test]
async fn a_throttled_address_leaves_no_rows_for_the_names_it_tries() {
    let app = TestApp::new().await;
    let sprayer = peer(12);
    for i in 0..21 {
        assert_eq!(
            login_code(&app, sprayer, &format!("u{i}"), "x").await,
            "INVALID_CREDENTIALS"
        );
    }
    for i in 0..5 {
        assert_eq!(
            login_code(&app, sprayer, &format!("fresh{i}"), "x").await,
            "RATE_LIMITED"
        );
    }
    assert_eq!(
        app.sql_count("SELECT count(*) FROM login_throttle WHERE key LIKE '%fresh%'")
            .await,
        0,
        "a refused attempt writes nothing"
    );
}

#[tokio::test]
async fn replicas_share_the_throttle_through_postgresql() {
    let app = TestApp::new().await;
    let replica = app.replica();
    let attacker = peer(9);
    let request = |peer: SocketAddr| {
        let body = json!({ "query": LOGIN, "variables": { "u": "ana", "p": "x" } }).to_string();
        let mut request = Request::post("/graphql")
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap();
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(peer));
        request
    };
    for round in 0..3 {
        login_code(&app, attacker, "ana", "x").await;
        let response = tower::ServiceExt::oneshot(replica.clone(), request(attacker))
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "round {round}");
    }
    // Six failures, three on each replica: the pair's back-off has started for both.
    assert_eq!(login_code(&app, attacker, "ana", "x").await, "RATE_LIMITED");
    assert_eq!(
        app.sql_count(
            "SELECT failures::int8 FROM login_throttle WHERE key = 'pair:203.0.113.9|ana'"
        )
        .await,
        6
    );
}

#[tokio::test]
async fn an_attacker_cannot_lock_a_user_out_of_their_usual_address() {
    let app = TestApp::new().await;
    user_with_password(&app, "ana", "la-clave-de-ana").await;
    let desk = peer(1);
    assert_eq!(login_code(&app, desk, "ana", "la-clave-de-ana").await, "OK");
    // A distributed attacker: one failure from each of many addresses.
    let mut throttled = 0;
    for last in 100..130 {
        match login_code(&app, peer(last), "ana", "adivino")
            .await
            .as_str()
        {
            "INVALID_CREDENTIALS" => {}
            "RATE_LIMITED" => throttled += 1,
            other => panic!("{other}"),
        }
    }
    assert!(
        throttled > 0,
        "the username's back-off applies to new addresses"
    );
    assert_eq!(
        login_code(&app, peer(200), "ana", "la-clave-de-ana").await,
        "RATE_LIMITED"
    );
    // From where she logged in before, she still gets in; from elsewhere, within a minute.
    assert_eq!(login_code(&app, desk, "ana", "la-clave-de-ana").await, "OK");
    assert_eq!(
        app.sql_count(
            "SELECT count(*) FROM login_throttle
              WHERE key = 'user:ana' AND blocked_until > now() + interval '60 seconds'"
        )
        .await,
        0,
        "the username's back-off never exceeds a minute"
    );
    // Someone at her address (a shared proxy) guessing other accounts slows that address,
    // but not her.
    for i in 0..22 {
        let code = login_code(&app, desk, &format!("otro{i}"), "adivino").await;
        assert!(
            code == "INVALID_CREDENTIALS" || code == "RATE_LIMITED",
            "{code}"
        );
    }
    assert_eq!(
        login_code(&app, desk, "otro99", "adivino").await,
        "RATE_LIMITED"
    );
    assert_eq!(login_code(&app, desk, "ana", "la-clave-de-ana").await, "OK");
}

#[tokio::test]
async fn one_login_per_document_and_hashing_bounded_to_the_cores() {
    let app = TestApp::new().await;
    let guesses: String = (0..3)
        .map(|i| {
            format!(r#"g{i}: login(input: {{username: "admin", password: "p{i}"}}) {{ token }} "#)
        })
        .collect();
    let (_, body, _) =
        post_json(&app, None, query_body(&format!("mutation {{ {guesses} }}"))).await;
    assert_eq!(error_code(&body), "QUERY_TOO_COMPLEX", "{body}");

    let logins = (0..16u8).map(|i| {
        let app = &app;
        async move { login_code(app, peer(50 + i), &format!("nadie{i}"), "x").await }
    });
    for code in futures_util::future::join_all(logins).await {
        assert_eq!(code, "INVALID_CREDENTIALS");
    }
    assert!(clinic::auth::peak_hashing() <= clinic::auth::hashing_slots());
}

// 6. Amounts in exponent notation, and values PostgreSQL cannot hold.

#[tokio::test]
async fn amounts_are_plain_and_bounded_and_out_of_range_values_are_user_errors() {
    let app = TestApp::new().await;
    let mut input = social_work_input("OSDE");
    input["biochemicalUnitValue"] = json!("1e131000");
    let started = Instant::now();
    let answer = app
        .admin(CREATE_SOCIAL_WORK, json!({ "input": input }))
        .await;
    assert!(started.elapsed() < QUICK);
    assert_eq!(error_code(&answer), "BAD_USER_INPUT", "{answer}");
    assert!(
        answer["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("sin exponente")
    );

    let import = "mutation($r: JSON!) { importSuapOrder(input: {render: $r}) { order { id } userErrors { field code message } } }";
    let fixture: Value =
        serde_json::from_str(include_str!("../fixtures/suap_render.json")).unwrap();
    let with = |path: &[&str], value: Value| {
        let mut document = fixture.clone();
        let slot = path
            .iter()
            .fold(&mut document, |v, key| match key.parse::<usize>() {
                Ok(i) => &mut v[i],
                Err(_) => &mut v[*key],
            });
        *slot = value;
        document
    };
    let cases = [
        (
            "ValorTotal in exponent notation",
            with(&["itemsOrden", "0", "ValorTotal"], json!("1e13")),
            "INVALID_FORMAT",
        ),
        (
            "13 integer digits",
            with(&["ValorTotalAutorizado"], json!("1000000000000")),
            "INVALID_FORMAT",
        ),
        (
            "unit value in exponent notation",
            with(&["obraSocial", "ValorUnidadBioquimica"], json!("1e20")),
            "INVALID_FORMAT",
        ),
        // Within the import's bound but not the column's numeric(14,4): SQLSTATE 22003.
        (
            "unit value beyond its column",
            with(
                &["obraSocial", "ValorUnidadBioquimica"],
                json!("123456789012"),
            ),
            "INVALID_RANGE",
        ),
        (
            "year 0",
            with(&["FechaAutorizacion"], json!("0000-01-01 10:00:00")),
            "INVALID_FORMAT",
        ),
        (
            "negative year",
            with(&["FechaRealizacion"], json!("-001-01-01")),
            "INVALID_FORMAT",
        ),
    ];
    for (what, render, code) in cases {
        let answer = app
            .gql_as(Role::Staff, import, json!({ "r": render }))
            .await;
        let errors = &answer["data"]["importSuapOrder"]["userErrors"];
        assert!(
            errors
                .as_array()
                .is_some_and(|e| e.iter().any(|e| e["code"] == code)),
            "{what}: {answer}"
        );
        assert_eq!(
            app.sql_count("SELECT count(*) FROM orders").await,
            0,
            "{what}: nothing written"
        );
    }
    let answer = app
        .gql_as(
            Role::Viewer,
            r#"{ authorizationCheck(epsId: "RXBzOjE=", specialtyId: "U3BlY2lhbHR5OjE=", locationId: "TG9jYXRpb246MQ==", on: "0000-01-01") { authorized } }"#,
            json!({}),
        )
        .await;
    assert_eq!(error_code(&answer), "BAD_USER_INPUT", "{answer}");
}

// 7. One reader holding the pool.

#[tokio::test]
async fn one_request_holds_at_most_two_connections_and_costly_fields_are_capped() {
    use diesel_async::SimpleAsyncConnection;
    let app = TestApp::new().await;
    let token = app.token(Role::Viewer);
    // Keep every statement on patients waiting, then send fifty aliased pages.
    let mut lock = <diesel_async::AsyncPgConnection as diesel_async::AsyncConnection>::establish(
        &app.database_url(),
    )
    .await
    .unwrap();
    lock.batch_execute("BEGIN; LOCK TABLE patients IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap();
    let aliases: String = (0..50)
        .map(|i| format!("p{i}: patients(first: 1) {{ nodes {{ id }} }} "))
        .collect();
    let request = {
        let router = app.router.clone();
        let body = json!({ "query": format!("{{ {aliases} }}") }).to_string();
        let request = Request::post("/graphql")
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {token}"))
            .body(Body::from(body))
            .unwrap();
        tokio::spawn(tower::ServiceExt::oneshot(router, request))
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let status = app.state.pool.status();
    let busy = status.size - status.available;
    assert!(busy <= 2, "{busy} connections held by one request");
    lock.batch_execute("ROLLBACK").await.unwrap();
    assert_eq!(request.await.unwrap().unwrap().status(), 200);

    let counts: String = (0..11)
        .map(|i| format!("c{i}: patients {{ totalCount }} "))
        .collect();
    let answer = app
        .gql_as(Role::Viewer, &format!("{{ {counts} }}"), json!({}))
        .await;
    assert_eq!(error_code(&answer), "QUERY_TOO_COMPLEX", "{answer}");
    let roots: String = (0..51).map(|i| format!("t{i}: __typename ")).collect();
    let answer = app
        .gql_as(Role::Viewer, &format!("{{ {roots} }}"), json!({}))
        .await;
    assert_eq!(error_code(&answer), "QUERY_TOO_COMPLEX", "{answer}");
    let long = "a".repeat(101);
    let answer = app
        .gql_as(
            Role::Viewer,
            "query($s: String) { patients(filter: {search: $s}) { totalCount } }",
            json!({ "s": long }),
        )
        .await;
    assert_eq!(error_code(&answer), "BAD_USER_INPUT", "{answer}");
}

// 12. Search escaping.

#[tokio::test]
async fn full_width_wildcards_are_searched_as_text() {
    let app = TestApp::new().await;
    let social_work = create_social_work(&app, "OSDE").await;
    app.gql_as(
        Role::Staff,
        CREATE_PATIENT,
        json!({ "input": patient_input(&social_work, "30111222") }),
    )
    .await;
    for term in ["％", "＿", "%", "_", "＼"] {
        let answer = app
            .gql_as(
                Role::Viewer,
                "query($s: String) { patients(filter: {search: $s}) { totalCount } socialWorks(filter: {search: $s}) { totalCount } }",
                json!({ "s": term }),
            )
            .await;
        assert_eq!(
            answer["data"]["patients"]["totalCount"], 0,
            "{term}: {answer}"
        );
        assert_eq!(
            answer["data"]["socialWorks"]["totalCount"], 0,
            "{term}: {answer}"
        );
    }
    let answer = app
        .gql_as(
            Role::Viewer,
            "{ patients(filter: {search: \"PÉREZ\"}) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(answer["data"]["patients"]["totalCount"], 1, "{answer}");
}

// 13. Unbounded text in orders created here.

#[tokio::test]
async fn orders_created_here_have_the_import_s_text_limits() {
    let app = TestApp::new().await;
    let social_work = create_social_work(&app, "OSDE").await;
    let body = app
        .gql_as(
            Role::Staff,
            CREATE_PATIENT,
            json!({ "input": patient_input(&social_work, "30111222") }),
        )
        .await;
    let patient = body["data"]["createPatient"]["patient"]["id"].clone();
    let answer = app
        .gql_as(
            Role::Staff,
            "mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { id } userErrors { field code } } }",
            json!({ "i": {
                "patientId": patient, "authorizationStatus": "AUTHORIZED",
                "observations": "x".repeat(10_000),
                "items": [{ "nomenclatorCode": "660475", "nomenclator": "NBU", "name": "HEMOGRAMA",
                            "authorizationStatus": "AUTHORIZED", "totalValue": "10" }],
            } }),
        )
        .await;
    assert_eq!(
        answer["data"]["createOrder"]["userErrors"],
        json!([{ "field": ["observations"], "code": "TOO_LONG" }]),
        "{answer}"
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM orders").await, 0);
}

// 11. Users through `nodes`.

#[tokio::test]
async fn only_admins_read_other_users_through_node() {
    let app = TestApp::new().await;
    let admin = app
        .gql_as(Role::Admin, "{ viewer { id } }", json!({}))
        .await["data"]["viewer"]["id"]
        .clone();
    let viewer = app
        .gql_as(Role::Viewer, "{ viewer { id } }", json!({}))
        .await["data"]["viewer"]["id"]
        .clone();
    let query = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { username role } } }";
    let ids = json!({ "ids": [admin, viewer] });
    let as_viewer = app.gql_as(Role::Viewer, query, ids.clone()).await;
    assert_eq!(
        as_viewer["data"]["nodes"],
        json!([null, { "username": "viewer", "role": "VIEWER" }]),
        "{as_viewer}"
    );
    let as_admin = app.gql_as(Role::Admin, query, ids).await;
    assert_eq!(
        as_admin["data"]["nodes"][0]["username"], "admin",
        "{as_admin}"
    );
}

// 10. Tokens of an identity provider.

fn idp_token(claims: Value) -> String {
    let key =
        jsonwebtoken::EncodingKey::from_rsa_pem(include_bytes!("../fixtures/idp_private_key.pem"))
            .unwrap();
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256),
        &claims,
        &key,
    )
    .unwrap()
}

#[tokio::test]
async fn identity_provider_users_are_keyed_by_issuer_and_subject() {
    let key = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/idp_public_key.pem"
    );
    let app = TestApp::with_args(&[
        "--jwt-public-key-file",
        key,
        "--jwt-issuer",
        "https://idp.example",
        "--jwt-audience",
        "clinic",
    ])
    .await;
    let now = jsonwebtoken::get_current_timestamp();
    let claims = |sub: &str, lifetime: u64| {
        json!({ "sub": sub, "role": "VIEWER", "iat": now, "exp": now + lifetime,
                "iss": "https://idp.example", "aud": "clinic" })
    };
    let viewer = "{ viewer { databaseId username } }";
    let answer = app
        .post(
            Some(&idp_token(claims("auth0|12345", 3600))),
            viewer,
            json!({}),
        )
        .await
        .1;
    assert_eq!(
        answer["data"]["viewer"]["username"], "auth0|12345",
        "{answer}"
    );
    // `admin` at the provider is not the local admin.
    let external = app
        .post(Some(&idp_token(claims("admin", 3600))), viewer, json!({}))
        .await
        .1;
    let local = app.gql_as(Role::Admin, viewer, json!({})).await;
    assert_ne!(
        external["data"]["viewer"]["databaseId"], local["data"]["viewer"]["databaseId"],
        "{external} {local}"
    );
    for (what, token) in [
        (
            "a newline in the subject",
            idp_token(claims("ana\nadmin", 3600)),
        ),
        (
            "a lifetime over JWT_MAX_LIFETIME",
            idp_token(claims("ana", 30 * 86_400)),
        ),
        (
            "another application's audience",
            idp_token(json!({ "sub": "ana", "role": "ADMIN", "iat": now,
            "exp": now + 60, "iss": "https://idp.example", "aud": "another-app" })),
        ),
    ] {
        let (status, answer) = app.post(Some(&token), viewer, json!({})).await;
        assert_eq!(status, 200, "{what}");
        assert_eq!(error_code(&answer), "UNAUTHENTICATED", "{what}: {answer}");
    }
}

// 9. Connections: header timeout, idle timeout, connection cap.

async fn serve(limits: clinic::server::ConnectionLimits) -> (TestApp, SocketAddr) {
    let app = TestApp::new().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(clinic::server::serve_connections(
        listener,
        app.router.clone(),
        limits,
        std::future::pending(),
    ));
    (app, addr)
}

/// Reads until the server closes the connection (Ok) or `within` passes (Err).
async fn closed_within(stream: &mut tokio::net::TcpStream, within: Duration) -> Result<String, ()> {
    use tokio::io::AsyncReadExt;
    let mut text = Vec::new();
    let read = tokio::time::timeout(within, async {
        let mut buffer = [0u8; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(n) => text.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    read.map(|()| String::from_utf8_lossy(&text).into_owned())
        .map_err(|_| ())
}

#[tokio::test]
async fn connections_that_trickle_headers_or_sit_idle_are_closed() {
    use tokio::io::AsyncWriteExt;
    let limits = clinic::server::ConnectionLimits {
        header_timeout: Duration::from_millis(600),
        max_connections: 16,
    };
    let (_app, addr) = serve(limits).await;

    // One header line every 200 ms never completes a request head in time.
    let mut trickle = tokio::net::TcpStream::connect(addr).await.unwrap();
    let started = Instant::now();
    trickle
        .write_all(b"GET /healthz HTTP/1.1\r\n")
        .await
        .unwrap();
    for i in 0..20 {
        tokio::time::sleep(Duration::from_millis(200)).await;
        if trickle
            .write_all(format!("X-Slow-{i}: 1\r\n").as_bytes())
            .await
            .is_err()
        {
            break;
        }
    }
    let answer = closed_within(&mut trickle, Duration::from_secs(2)).await;
    assert!(answer.is_ok(), "still open");
    assert!(started.elapsed() < Duration::from_secs(5));

    // A kept-alive connection that sends nothing after its answer is closed too.
    let mut idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let answer = closed_within(&mut idle, Duration::from_secs(3))
        .await
        .expect("closed");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        started.elapsed() >= Duration::from_millis(500),
        "kept alive a while first"
    );
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_for_one_to_close() {
    use tokio::io::AsyncWriteExt;
    let limits = clinic::server::ConnectionLimits {
        header_timeout: Duration::from_secs(10),
        max_connections: 2,
    };
    let (_app, addr) = serve(limits).await;
    let first = tokio::net::TcpStream::connect(addr).await.unwrap();
    let _second = tokio::net::TcpStream::connect(addr).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut third = tokio::net::TcpStream::connect(addr).await.unwrap();
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    assert!(
        closed_within(&mut third, Duration::from_millis(500))
            .await
            .is_err(),
        "served beyond the cap"
    );
    drop(first);
    let answer = closed_within(&mut third, Duration::from_secs(3))
        .await
        .expect("served");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn every_search_filter_is_capped_and_taken_literally() {
    let app = TestApp::new().await;
    create_social_work(&app, "OSDE").await;
    create_catalog(&app, "1").await;
    let lists = [
        "socialWorks",
        "epsList",
        "specialties",
        "locations",
        "patients",
        "orders",
        "practitioners",
    ];
    for list in lists {
        let query =
            format!("query($s: String) {{ {list}(filter: {{search: $s}}) {{ totalCount }} }}");
        let answer = app
            .gql_as(Role::Viewer, &query, json!({ "s": "a".repeat(101) }))
            .await;
        assert_eq!(error_code(&answer), "BAD_USER_INPUT", "{list}: {answer}");
        assert!(
            answer["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("100"),
            "{list}"
        );
        for wildcard in ["％", "%", "_"] {
            let answer = app
                .gql_as(Role::Viewer, &query, json!({ "s": wildcard }))
                .await;
            assert_eq!(
                answer["data"][list]["totalCount"], 0,
                "{list} {wildcard}: {answer}"
            );
        }
    }
}
