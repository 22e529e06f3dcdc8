//! Several replicas of the real binary on one database, as an orchestrator starts them.

use std::{
    net::SocketAddr,
    process::Stdio,
    time::{Duration, Instant},
};

use clinic::{auth::Role, graphql::ids::global_id};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::{Value, json};

use crate::common::*;

const REPLICAS: usize = 3;

/// The URL of a database that does not exist yet (dropped first in case a run left it).
pub(crate) async fn fresh_database(tag: &str) -> String {
    let url = format!("{}/clinic_{tag}_{}", server_url(), std::process::id());
    drop_database(&url).await;
    url
}

/// The real binary in demo mode on a free port, its output in `log`.
fn start_replica(url: &str, log: &std::path::Path) -> (tokio::process::Child, SocketAddr) {
    start_replica_with(url, log, &[])
}

/// `start_replica`, with `env` set after (and over) its own variables.
pub(crate) fn start_replica_with(
    url: &str,
    log: &std::path::Path,
    env: &[(&str, &str)],
) -> (tokio::process::Child, SocketAddr) {
    let addr: SocketAddr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let log = std::fs::File::create(log).unwrap();
    let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_clinic"))
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("JWT_SECRET", SECRET)
        .env("LISTEN_ADDR", addr.to_string())
        .env("CLINIC_DEMO", "true")
        .env("ADMIN_USERNAME", "jefa")
        .env("ADMIN_PASSWORD", "una clave de la jefa, larga")
        .env("CLINIC_TIME_ZONE", "UTC")
        .env("SHUTDOWN_GRACE", "10s")
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .stdout(Stdio::from(log.try_clone().unwrap()))
        .stderr(Stdio::from(log))
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    (child, addr)
}

/// Waits until every replica answers /readyz, failing with the log of one that exited.
pub(crate) async fn wait_ready(
    replicas: &mut [(tokio::process::Child, SocketAddr)],
    logs: &std::path::Path,
) {
    let started = Instant::now();
    for (i, (child, addr)) in replicas.iter_mut().enumerate() {
        loop {
            if let Ok(Some(status)) = child.try_wait() {
                let log = std::fs::read_to_string(logs.join(format!("{i}.log"))).unwrap();
                panic!("replica {i} exited ({status}) instead of serving:\n{log}");
            }
            if ready(*addr).await {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(90),
                "replica {i} is not ready"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

#[tokio::test]
async fn three_replicas_started_at_once_on_a_fresh_database_all_come_up_and_each_chore_happens_once()
 {
    // A database that does not exist yet: the three race to create it.
    let url = fresh_database("replicas").await;
    let logs = tempdir("start");
    let mut replicas: Vec<_> = (0..REPLICAS)
        .map(|i| start_replica(&url, &logs.join(format!("{i}.log"))))
        .collect();
    wait_ready(&mut replicas, &logs).await;

    let logs: Vec<String> = (0..REPLICAS)
        .map(|i| std::fs::read_to_string(logs.join(format!("{i}.log"))).unwrap())
        .collect();
    let said = |text: &str| logs.iter().filter(|log| log.contains(text)).count();
    assert_eq!(
        said("applied migration"),
        1,
        "one replica migrates:\n{logs:#?}"
    );
    assert_eq!(said("loaded demo data"), 1, "the demo data is loaded once");
    assert_eq!(said("admin user set"), 1, "the admin is written once");
    assert!(
        logs.iter().all(|log| !log.contains("ERROR")),
        "no replica logged an error:\n{logs:#?}"
    );

    let mut conn = AsyncPgConnection::establish(&url).await.unwrap();
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let users: Count = diesel::sql_query("SELECT count(*) AS n FROM users")
        .get_result(&mut conn)
        .await
        .unwrap();
    assert_eq!(users.n, 4, "admin, staff, viewer from the demo, and jefa");
    drop(conn);

    for (child, _) in &mut replicas {
        child.kill().await.unwrap();
    }
    drop_database(&url).await;
}

async fn ready(addr: SocketAddr) -> bool {
    let request = format!("GET /readyz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    raw_http(addr, &request)
        .await
        .is_some_and(|response| response.starts_with("HTTP/1.1 200"))
}

pub(crate) fn tempdir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("clinic-replicas-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// POST /graphql over a fresh connection: the status and body, or None when the replica did
/// not answer (refused or closed: nothing was acknowledged).
pub(crate) async fn post(addr: SocketAddr, token: &str, body: &Value) -> Option<(u16, Value)> {
    let response = raw_graphql(addr, token, body).await?;
    let status = response.get(9..12)?.parse().ok()?;
    let json = response.split_once("\r\n\r\n")?.1;
    Some((status, serde_json::from_str(json).unwrap_or(Value::Null)))
}

const CREATE_PATIENT: &str = "mutation($input: CreatePatientInput!) {
    createPatient(input: $input) { patient { id } userErrors { code } } }";
const CREATE_ORDER: &str = "mutation($input: CreateOrderInput!) {
    createOrder(input: $input) { order { id } userErrors { code } } }";

#[tokio::test]
async fn writes_spread_over_three_replicas_one_stopped_midway_lose_nothing_acknowledged() {
    let url = fresh_database("replica_load").await;
    let logs = tempdir("load");
    let mut replicas: Vec<_> = (0..REPLICAS)
        .map(|i| start_replica(&url, &logs.join(format!("{i}.log"))))
        .collect();
    wait_ready(&mut replicas, &logs).await;
    let addrs: Vec<SocketAddr> = replicas.iter().map(|(_, addr)| *addr).collect();
    let token = token_for("jefa", Role::Admin);
    let social_work = global_id("SocialWork", 1).0;

    // Eight clients for three seconds, each request to the next replica in turn: a patient,
    // then an authorized, billable order for them. Replica 0 gets SIGTERM after one second.
    let deadline = Instant::now() + Duration::from_secs(3);
    let clients = (0..8).map(|client| {
        let (addrs, token, social_work) = (addrs.clone(), token.clone(), social_work.clone());
        tokio::spawn(async move {
            let (mut patients, mut orders, mut server_errors) = (Vec::new(), 0u32, Vec::new());
            let mut turn = client;
            let mut n = 0;
            while Instant::now() < deadline {
                n += 1;
                let document = format!("{}", 40_000_000 + client * 100_000 + n);
                let input = json!({ "firstName": "Carga", "lastName": format!("Réplica {client}"),
                    "documentType": "DNI", "documentNumber": document, "socialWorkId": social_work });
                let body = json!({ "query": CREATE_PATIENT, "variables": { "input": input } });
                turn += 1;
                let Some((status, answer)) = post(addrs[turn % addrs.len()], &token, &body).await
                else {
                    continue;
                };
                if status >= 500 {
                    server_errors.push(format!("{status} {answer}"));
                    continue;
                }
                let Some(id) = answer["data"]["createPatient"]["patient"]["id"].as_str() else {
                    continue;
                };
                patients.push(document);
                let input = json!({ "patientId": id, "authorizationStatus": "AUTHORIZED",
                    "authorizedAt": "2026-11-02T12:00:00Z", "items": [{ "nomenclatorCode": "660475",
                    "nomenclator": "NBU", "name": "Hemograma", "authorizationStatus": "AUTHORIZED",
                    "totalValue": "1500.50", "copayValue": "100" }] });
                let body = json!({ "query": CREATE_ORDER, "variables": { "input": input } });
                turn += 1;
                match post(addrs[turn % addrs.len()], &token, &body).await {
                    Some((status, answer)) if status >= 500 => {
                        server_errors.push(format!("{status} {answer}"))
                    }
                    Some((_, answer)) if answer["data"]["createOrder"]["order"]["id"].is_string() => {
                        orders += 1
                    }
                    _ => {}
                }
            }
            (patients, orders, server_errors)
        })
    });
    let clients: Vec<_> = clients.collect();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let stopping = replicas[0].0.id().unwrap();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &stopping.to_string()])
            .status()
            .unwrap()
            .success()
    );

    let (mut acknowledged, mut orders, mut server_errors) = (Vec::new(), 0, Vec::new());
    for client in clients {
        let (patients, created, errors) = client.await.unwrap();
        acknowledged.extend(patients);
        orders += created;
        server_errors.extend(errors);
    }
    let status = tokio::time::timeout(Duration::from_secs(15), replicas[0].0.wait())
        .await
        .expect("the stopped replica exits within its grace")
        .unwrap();
    assert!(status.success(), "SIGTERM is a clean exit: {status}");
    assert!(server_errors.is_empty(), "no 5xx: {server_errors:?}");
    assert!(
        acknowledged.len() > 30,
        "the load ran: {} patients",
        acknowledged.len()
    );

    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut conn = AsyncPgConnection::establish(&url).await.unwrap();
    let list = acknowledged.join("','");
    let stored: Count = diesel::sql_query(format!(
        "SELECT count(*) AS n FROM patients WHERE document_number IN ('{list}')"
    ))
    .get_result(&mut conn)
    .await
    .unwrap();
    assert_eq!(
        stored.n as usize,
        acknowledged.len(),
        "every acknowledged patient is stored"
    );
    let stored: Count = diesel::sql_query(
        "SELECT count(*) AS n FROM orders o JOIN patients p ON p.id = o.affiliate_id
          WHERE p.first_name = 'Carga'",
    )
    .get_result(&mut conn)
    .await
    .unwrap();
    assert!(
        stored.n >= i64::from(orders),
        "every acknowledged order is stored ({} of {orders})",
        stored.n
    );
    // Concurrent writes through three processes counted once each in the billing rollup.
    let drift = clinic::orders::model::billing_drift(&mut conn)
        .await
        .unwrap();
    assert!(drift.is_empty(), "the rollup agrees with a recount");
    drop(conn);

    for (child, _) in &mut replicas {
        let _ = child.kill().await;
    }
    drop_database(&url).await;
}

/// DATABASE_READ_URL, tried against a second database standing in for the streaming replica
/// (a replica the test started would hold the same rows, and so could not show which one
/// answered): the two differ on purpose, so every answer says where it was read.
#[tokio::test]
async fn lists_read_the_replica_while_lookups_and_mutations_read_the_primary() {
    let replica = TestApp::spare_database("read_replica").await;
    let app = TestApp::with_args(&["--database-read-url", &replica]).await;
    // Written on the primary; the payload reads it back there.
    let id = create_social_work(&app, "Primaria").await;
    // A row only the "replica" has.
    let mut conn = AsyncPgConnection::establish(&replica).await.unwrap();
    diesel::sql_query(
        "INSERT INTO social_works (name, address, phone, webpage)
         VALUES ('Sólo en la réplica', 'Av. Corrientes 1234', '011 4444-5555', 'https://r.example.com')",
    )
    .execute(&mut conn)
    .await
    .unwrap();

    let list = "{ socialWorks { totalCount nodes { name } } }";
    let body = app.gql_as(Role::Viewer, list, json!({})).await;
    assert_eq!(
        body["data"]["socialWorks"],
        json!({ "totalCount": 1, "nodes": [{ "name": "Sólo en la réplica" }] }),
        "lists and their counts read the replica: {body}"
    );
    let lookup = "query($id: ID!) { node(id: $id) { ... on SocialWork { name } } }";
    let body = app.gql_as(Role::Viewer, lookup, json!({ "id": id })).await;
    assert_eq!(
        body["data"]["node"]["name"], "Primaria",
        "by id: the primary"
    );
    // The billing summary reads the replica's rollup (a day only it has).
    diesel::sql_query(
        "INSERT INTO billing_days (day, social_work_id, order_count, billable_order_count,
                                   billable_amount, copay_amount)
         SELECT '2026-11-10', id, 7, 5, 1000, 100 FROM social_works",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    // (Its social work is then looked up by id on the primary, as every lookup is: with a
    // real replica the ids are the same rows; in this stand-in they are not, so not asked.)
    let summary = "{ billingSummary(from: \"2026-11-01\", to: \"2026-11-30\") { orderCount } }";
    let body = app.gql_as(Role::Viewer, summary, json!({})).await;
    assert_eq!(
        body["data"]["billingSummary"],
        json!([{ "orderCount": 7 }]),
        "the primary has no orders: {body}"
    );

    drop((conn, app));
    drop_database(&replica).await;
}

#[tokio::test]
async fn with_the_replica_down_lists_read_the_primary_and_the_service_stays_ready() {
    // A replica that does not exist: every connection to it fails at once.
    let gone = format!("{}/clinic_no_such_replica", server_url());
    let app = TestApp::with_args(&["--database-read-url", &gone]).await;
    create_social_work(&app, "Primaria").await;
    let list = "{ socialWorks { totalCount nodes { name } } }";
    let body = app.gql_as(Role::Viewer, list, json!({})).await;
    assert_eq!(
        body["data"]["socialWorks"],
        json!({ "totalCount": 1, "nodes": [{ "name": "Primaria" }] }),
        "{body}"
    );
    let ready = axum::http::Request::get("/readyz")
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(app.send(ready).await.0, 200, "the primary answers: ready");
}

/// A row the replica still lists after the primary deleted it with what it names: the
/// lookup by id (on the primary) misses. Retryable unavailability, not an internal error.
#[tokio::test]
async fn a_listed_row_whose_reference_the_primary_no_longer_has_is_unavailable_not_internal() {
    let replica = TestApp::spare_database("replica_lag").await;
    let app = TestApp::with_args(&["--database-read-url", &replica]).await;
    let mut conn = AsyncPgConnection::establish(&replica).await.unwrap();
    diesel::sql_query(
        "WITH e AS (INSERT INTO eps (name, code) VALUES ('EPS de la réplica', 'R1') RETURNING id),
              s AS (INSERT INTO specialties (name) VALUES ('Especialidad de la réplica') RETURNING id),
              l AS (INSERT INTO locations (name, address) VALUES ('Sede de la réplica', 'Calle 1')
                    RETURNING id)
         INSERT INTO authorizations (eps_id, specialty_id, location_id)
         SELECT e.id, s.id, l.id FROM e, s, l",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    let query = "{ authorizations(first: 5) { nodes { eps { name } } } }";
    let body = app.gql_as(Role::Viewer, query, json!({})).await;
    assert_eq!(error_code(&body), "SERVICE_UNAVAILABLE", "{body}");

    drop((conn, app));
    drop_database(&replica).await;
}

#[tokio::test]
async fn serve_checks_the_read_url_answers_and_tells_a_primary_from_a_standby() {
    let app = TestApp::new().await;
    assert!(!clinic::db::is_standby(&app.database_url()).await.unwrap());
    let gone = format!("{}/clinic_no_such_replica", server_url());
    let error = clinic::db::is_standby(&gone).await.unwrap_err().to_string();
    assert!(error.contains("DATABASE_READ_URL"), "{error}");
}
