//! Faults: a panicking resolver, a database outage, writes under concurrent load, and a
//! graceful shutdown of the real binary.

use std::{
    net::SocketAddr,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::{Duration, Instant},
};

use async_graphql::{EmptySubscription, MergedObject, Object, Schema};
use axum::{body::Body, http::Request};
use clinic::{
    auth::Role,
    graphql::{self, Mutation, Query},
    http::router_for,
};
use serde_json::json;
use tokio::{
    net::{TcpListener, TcpStream},
    task::JoinHandle,
};

use crate::common::*;

#[derive(Default)]
struct Boom;

#[Object]
#[allow(unreachable_code, clippy::diverging_sub_expression)]
impl Boom {
    /// Panics, as a bug would.
    async fn boom(&self) -> i32 {
        panic!("index out of bounds: the len is 0 but the index is 3")
    }
}

#[derive(MergedObject, Default)]
struct QueryWithBoom(Query, Boom);

#[tokio::test]
async fn a_panic_in_a_resolver_fails_that_request_only() {
    let mut app = TestApp::new().await;
    let schema = graphql::configure(Schema::build(
        QueryWithBoom::default(),
        Mutation::default(),
        EmptySubscription,
    ))
    .data(app.state.clone())
    .finish();
    // The service's router and configuration around a schema with one extra, panicking field.
    app.router = router_for(app.state.clone(), schema);
    let token = app.token(Role::Viewer);
    let send = |query: &'static str| app.post(Some(&token), query, json!({}));
    let healthy = "{ socialWorks(first: 5) { totalCount } }";
    let (panicked, neighbour) = tokio::join!(send("{ boom }"), send(healthy));
    assert_eq!(panicked.0, 200);
    assert_eq!(error_code(&panicked.1), "INTERNAL_SERVER_ERROR");
    assert_eq!(
        panicked.1["errors"][0]["message"],
        "Error interno del servidor"
    );
    assert!(
        !panicked.1.to_string().contains("index"),
        "no panic detail leaks: {}",
        panicked.1
    );
    assert_eq!(
        neighbour.1["data"]["socialWorks"]["totalCount"], 0,
        "{}",
        neighbour.1
    );
    let after = send(healthy).await;
    assert_eq!(after.1["data"]["socialWorks"]["totalCount"], 0);

    // A client of the current GraphQL-over-HTTP media type sees the service's fault as a 500,
    // never as a 400 ("your request was wrong").
    let request = axum::http::Request::post("/graphql")
        .header("content-type", "application/json")
        .header("accept", "application/graphql-response+json")
        .header("authorization", format!("Bearer {token}"))
        .body(axum::body::Body::from(
            json!({ "query": "{ boom }" }).to_string(),
        ))
        .unwrap();
    let (status, _) = app.send(request).await;
    assert_eq!(status, 500);
}

/// A TCP proxy to PostgreSQL that the test can cut (every connection closed, new ones
/// dropped at once) and restore.
struct Proxy {
    addr: SocketAddr,
    cut: Arc<AtomicBool>,
    links: Arc<Mutex<Vec<JoinHandle<()>>>>,
    accept: JoinHandle<()>,
}

impl Proxy {
    async fn start(upstream: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let cut = Arc::new(AtomicBool::new(false));
        let links: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let accept = tokio::spawn({
            let (cut, links) = (cut.clone(), links.clone());
            async move {
                while let Ok((mut client, _)) = listener.accept().await {
                    if cut.load(Ordering::SeqCst) {
                        continue; // dropped: the client sees the connection closed
                    }
                    let upstream = upstream.clone();
                    links.lock().unwrap().push(tokio::spawn(async move {
                        if let Ok(mut server) = TcpStream::connect(upstream).await {
                            let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                        }
                    }));
                }
            }
        });
        Self {
            addr,
            cut,
            links,
            accept,
        }
    }

    fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for link in self.links.lock().unwrap().drain(..) {
            link.abort();
        }
    }

    fn restore(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.cut();
        self.accept.abort();
    }
}

#[tokio::test]
async fn a_database_outage_answers_service_unavailable_and_recovers() {
    let proxy = Proxy::start(server_authority()).await;
    let app = TestApp::via(&proxy.addr.to_string()).await;
    let query = "{ socialWorks(first: 5) { totalCount nodes { name } } }";
    let works = |body: &serde_json::Value| body["data"]["socialWorks"]["totalCount"] == 0;
    let body = app.gql_as(Role::Viewer, query, json!({})).await;
    assert!(works(&body), "{body}");

    proxy.cut();
    // Pooled connections are dead now and new ones cannot be made: every request answers
    // SERVICE_UNAVAILABLE promptly (well within the pool's wait timeout), none hangs.
    for _ in 0..3 {
        let started = Instant::now();
        let body = app.gql_as(Role::Viewer, query, json!({})).await;
        assert_eq!(error_code(&body), "SERVICE_UNAVAILABLE", "{body}");
        assert!(
            started.elapsed() < clinic::db::POOL_WAIT_TIMEOUT,
            "answered in {:?}",
            started.elapsed()
        );
        assert!(
            !body.to_string().contains("connection"),
            "no driver detail: {body}"
        );
    }
    let mutation = "mutation($input: CreateSocialWorkInput!) { createSocialWork(input: $input) { socialWork { id } } }";
    let body = app
        .admin(mutation, json!({ "input": social_work_input("OSDE") }))
        .await;
    assert_eq!(error_code(&body), "SERVICE_UNAVAILABLE", "{body}");
    let get = |path: &'static str| Request::get(path).body(Body::empty()).unwrap();
    assert_eq!(app.send(get("/readyz")).await.0, 503);
    assert_eq!(app.send(get("/healthz")).await.0, 200);

    proxy.restore();
    // No restart: the pool replaces its dead connections.
    let body = app.gql_as(Role::Viewer, query, json!({})).await;
    assert!(works(&body), "{body}");
    assert_eq!(app.send(get("/readyz")).await.0, 200);
    let body = app
        .admin(mutation, json!({ "input": social_work_input("OSDE") }))
        .await;
    assert!(
        body["data"]["createSocialWork"]["socialWork"]["id"].is_string(),
        "{body}"
    );
}

/// What one load client saw.
#[derive(Default)]
struct Seen {
    created: Vec<String>,
    refused: Vec<String>,
    updates: Vec<(usize, String)>,
    bad: Vec<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writes_under_load_are_all_kept_and_audited_once() {
    const CLIENTS: usize = 32;
    const FOR: Duration = Duration::from_secs(4);
    let app = Arc::new(TestApp::new().await);
    let social_work = create_social_work(&app, "OSDE").await;
    let mut authorizations = vec![];
    let mut triples = vec![];
    for n in 0..4 {
        let (eps, specialty, location) = create_catalog(&app, &format!("L{n}")).await;
        let body = app
            .admin(
                CREATE_AUTHORIZATION,
                json!({ "input": { "epsId": eps, "specialtyId": specialty, "locationId": location, "authorized": true } }),
            )
            .await;
        let id = body["data"]["createAuthorization"]["authorization"]["id"].clone();
        assert!(id.is_string(), "{body}");
        authorizations.push(id);
        triples.push((eps, specialty, location));
    }
    let update = "mutation($i: UpdateAuthorizationInput!) { updateAuthorization(input: $i) {
                    authorization { notes } userErrors { code } } }";
    let read = "{ patients(first: 50) { nodes { fullName socialWork { name } } } }";
    let check = "query($e: ID!, $s: ID!, $l: ID!) { authorizationCheck(epsId: $e, specialtyId: $s, locationId: $l) { authorized } }";

    let deadline = Instant::now() + FOR;
    let clients = (0..CLIENTS).map(|client| {
        let (app, social_work) = (app.clone(), social_work.clone());
        let (authorizations, triples) = (authorizations.clone(), triples.clone());
        tokio::spawn(async move {
            let staff = app.token(Role::Staff);
            let admin = app.token(Role::Admin);
            let mut seen = Seen::default();
            let mut i = 0;
            while Instant::now() < deadline {
                i += 1;
                let (token, query, variables) = match (client + i) % 4 {
                    0 => (&staff, read, json!({})),
                    1 => {
                        let (e, s, l) = &triples[i % triples.len()];
                        (&staff, check, json!({ "e": e, "s": s, "l": l }))
                    }
                    2 => (
                        &staff,
                        CREATE_PATIENT,
                        json!({ "input": patient_input(&social_work, &format!("{}", 10_000_000 + client * 100_000 + i)) }),
                    ),
                    _ => {
                        let target = (client + i / 4) % authorizations.len();
                        let notes = format!("cliente {client} vuelta {i}");
                        (&admin, update, json!({ "i": { "id": authorizations[target], "notes": notes } }))
                    }
                };
                let (status, body) = app.post(Some(token), query, variables.clone()).await;
                if status != 200 || body["errors"].is_array() {
                    seen.bad.push(format!("{status} {body}"));
                }
                if query == CREATE_PATIENT {
                    let document = variables["input"]["documentNumber"].as_str().unwrap().to_owned();
                    if body["data"]["createPatient"]["patient"]["id"].is_string() {
                        seen.created.push(document);
                    } else {
                        seen.refused.push(document);
                    }
                } else if query == update
                    && body["data"]["updateAuthorization"]["authorization"]["notes"]
                        == variables["i"]["notes"]
                {
                    let target = (client + i / 4) % authorizations.len();
                    seen.updates.push((target, variables["i"]["notes"].as_str().unwrap().into()));
                }
            }
            seen
        })
    });
    let mut all = Seen::default();
    for client in clients.collect::<Vec<_>>() {
        let seen = client.await.unwrap();
        all.created.extend(seen.created);
        all.refused.extend(seen.refused);
        all.updates.extend(seen.updates);
        all.bad.extend(seen.bad);
    }
    assert!(
        all.bad.is_empty(),
        "{} failed requests, e.g. {}",
        all.bad.len(),
        all.bad[0]
    );
    assert!(all.refused.is_empty(), "creates refused: {:?}", all.refused);
    assert!(
        all.created.len() > CLIENTS && all.updates.len() > CLIENTS,
        "the load ran"
    );

    // Every acknowledged patient is stored, and nothing else.
    let stored = app.sql_count("SELECT count(*) FROM patients").await;
    assert_eq!(stored, all.created.len() as i64);
    let listed = all
        .created
        .iter()
        .map(|d| format!("'{d}'"))
        .collect::<Vec<_>>()
        .join(",");
    let found = app
        .sql_count(&format!(
            "SELECT count(*) FROM patients WHERE document_number IN ({listed})"
        ))
        .await;
    assert_eq!(found, stored);

    // Exactly one audit row per acknowledged change, each with the notes it wrote.
    for (target, id) in authorizations.iter().enumerate() {
        let id = async_graphql::ID(id.as_str().unwrap().to_owned());
        let database_id = clinic::graphql::ids::decode_global_id(&id).unwrap().1;
        let expected: Vec<&str> = all
            .updates
            .iter()
            .filter(|(t, _)| *t == target)
            .map(|(_, notes)| notes.as_str())
            .collect();
        let rows = app
            .sql_count(&format!(
                "SELECT count(*) FROM authorization_audit WHERE authorization_id = {database_id} AND action = 'UPDATED'"
            ))
            .await;
        assert_eq!(rows, expected.len() as i64, "authorization {target}");
        let notes = expected
            .iter()
            .map(|n| format!("'{n}'"))
            .collect::<Vec<_>>()
            .join(",");
        let matching = app
            .sql_count(&format!(
                "SELECT count(DISTINCT new_data->>'notes') FROM authorization_audit
                 WHERE authorization_id = {database_id} AND action = 'UPDATED'
                   AND new_data->>'notes' IN ({notes})"
            ))
            .await;
        assert_eq!(
            matching,
            expected.len() as i64,
            "each change audited with what it wrote"
        );
    }
}

/// One HTTP/1.1 request on a fresh connection; `None` when the server refuses or drops it.
async fn raw_post(addr: SocketAddr, token: &str, query: &str) -> Option<String> {
    raw_graphql(addr, token, &json!({ "query": query })).await
}

/// Starts the real binary on a free port; returns it and its address once it answers.
async fn start_binary(app: &TestApp, grace: &str) -> (tokio::process::Child, SocketAddr) {
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_clinic"))
        .arg("serve")
        .env("DATABASE_URL", app.database_url())
        .env("JWT_SECRET", SECRET)
        .env("LISTEN_ADDR", addr.to_string())
        .env("SHUTDOWN_GRACE", grace)
        // The test counts the demo data, which only demo mode loads.
        .env("CLINIC_DEMO", "true")
        .env("CLINIC_TIME_ZONE", "UTC")
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let started = Instant::now();
    while TcpStream::connect(addr).await.is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the service did not start"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (child, addr)
}

fn sigterm(child: &tokio::process::Child) {
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().unwrap().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Blocks every query on social works until the returned connection's transaction ends.
async fn lock_social_works(app: &TestApp) -> diesel_async::AsyncPgConnection {
    use diesel_async::{AsyncConnection, SimpleAsyncConnection};
    let mut conn = diesel_async::AsyncPgConnection::establish(&app.database_url())
        .await
        .unwrap();
    conn.batch_execute("BEGIN; LOCK TABLE social_works IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap();
    conn
}

#[tokio::test]
async fn sigterm_lets_in_flight_requests_finish_refuses_new_ones_and_exits_zero() {
    use diesel_async::SimpleAsyncConnection;
    let app = TestApp::new().await;
    let (mut child, addr) = start_binary(&app, "10s").await;
    let token = app.token(Role::Viewer);
    let query = "{ socialWorks(first: 1) { totalCount } }";
    assert!(
        raw_post(addr, &token, query)
            .await
            .unwrap()
            .contains("totalCount")
    );

    let mut lock = lock_social_works(&app).await;
    let in_flight = tokio::spawn({
        let token = token.clone();
        async move { raw_post(addr, &token, query).await }
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    let signalled = Instant::now();
    sigterm(&child);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        raw_post(addr, &token, "{ __typename }").await.is_none(),
        "a new request after SIGTERM is refused"
    );
    assert!(!in_flight.is_finished(), "still waiting on the lock");
    lock.batch_execute("ROLLBACK").await.unwrap();

    let answer = in_flight
        .await
        .unwrap()
        .expect("the in-flight request was answered");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        answer.contains(r#""totalCount":9"#),
        "demo data counted: {answer}"
    );
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .expect("exits within the grace period")
        .unwrap();
    assert!(status.success(), "{status}");
    assert!(signalled.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn a_request_outliving_the_grace_period_does_not_keep_the_process_alive() {
    let app = TestApp::new().await;
    let (mut child, addr) = start_binary(&app, "1s").await;
    let token = app.token(Role::Viewer);
    let _lock = lock_social_works(&app).await;
    let stuck = tokio::spawn(async move {
        raw_post(addr, &token, "{ socialWorks(first: 1) { totalCount } }").await
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let signalled = Instant::now();
    sigterm(&child);
    let status = tokio::time::timeout(Duration::from_secs(5), child.wait())
        .await
        .expect("exits once the grace period is over")
        .unwrap();
    assert!(status.success(), "{status}");
    assert!(signalled.elapsed() >= Duration::from_secs(1));
    assert_eq!(
        stuck.await.unwrap(),
        None,
        "its connection was closed unanswered"
    );
}
