//! The real binary behind PgBouncer in transaction pooling. PgBouncer 1.24.1 is built from
//! Debian's source package by `tests/pgbouncer/build` (bookworm's own 1.18 predates
//! `max_prepared_statements`, so prepared statements cannot survive transaction pooling there).

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    process::Stdio,
    time::Duration,
};

use chrono::{Days, NaiveDate, Timelike, Utc};
use clinic::{auth::Role, graphql::ids::global_id};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;

use crate::{
    common::*,
    replicas::{fresh_database, post, start_replica_with, tempdir, wait_ready},
};

/// Fewer server sessions than the service's pool has connections: consecutive transactions
/// of one service connection keep landing on different server sessions.
const SERVER_SESSIONS: usize = 3;
const SERVICE_CONNECTIONS: &str = "8";

struct PgBouncer {
    _child: tokio::process::Child,
    port: u16,
}

/// Builds (once) and starts PgBouncer in transaction pooling in front of the test server.
async fn start_pgbouncer(dir: &Path) -> PgBouncer {
    let build = std::process::Command::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/pgbouncer/build"
    ))
    .output()
    .unwrap();
    assert!(
        build.status.success(),
        "building PgBouncer failed:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let binary = PathBuf::from(String::from_utf8(build.stdout).unwrap().trim());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let authority = server_authority();
    let (host, server_port) = authority.rsplit_once(':').unwrap();
    std::fs::write(dir.join("users.txt"), "\"postgres\" \"\"\n").unwrap();
    std::fs::write(
        dir.join("pgbouncer.ini"),
        format!(
            "[databases]\n* = host={host} port={server_port}\n\
             [pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n\
             auth_type = trust\nauth_file = {users}\npool_mode = transaction\n\
             max_prepared_statements = 200\ndefault_pool_size = {SERVER_SESSIONS}\n\
             max_client_conn = 100\nserver_tls_sslmode = disable\n",
            users = dir.join("users.txt").display()
        ),
    )
    .unwrap();
    let log = std::fs::File::create(dir.join("pgbouncer.log")).unwrap();
    let mut command = tokio::process::Command::new(binary);
    // PgBouncer refuses to run as root; CI runs as root, so it drops to the server's user.
    if String::from_utf8(
        std::process::Command::new("id")
            .arg("-u")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
        == "0"
    {
        command.args(["-u", "postgres"]);
    }
    let child = command
        .arg(dir.join("pgbouncer.ini"))
        .stdout(Stdio::from(log.try_clone().unwrap()))
        .stderr(Stdio::from(log))
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return PgBouncer {
                _child: child,
                port,
            };
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "PgBouncer did not listen:\n{}",
        std::fs::read_to_string(dir.join("pgbouncer.log")).unwrap()
    );
}

/// A zone whose date is not UTC's (the server sessions' default) for the next hour at least:
/// a session that lost the service's `SET TIME ZONE` would answer for another day.
fn zone_on_another_day() -> (&'static str, NaiveDate) {
    let now = Utc::now();
    if now.hour() < 11 {
        ("Etc/GMT+12", now.date_naive() - Days::new(1))
    } else {
        ("Etc/GMT-14", now.date_naive() + Days::new(1))
    }
}

#[derive(diesel::QueryableByName)]
struct Agreement {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    eps_id: i32,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    specialty_id: i32,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    location_id: i32,
}

#[derive(diesel::QueryableByName)]
struct Setting {
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
}

#[tokio::test]
async fn behind_pgbouncer_in_transaction_pooling_every_request_succeeds_in_the_clinic_s_time_zone()
{
    let direct = fresh_database("pgbouncer").await;
    let dir = tempdir("pgbouncer");
    let bouncer = start_pgbouncer(&dir).await;
    let database = direct.rsplit_once('/').unwrap().1;
    let pooled = format!("postgres://postgres@127.0.0.1:{}/{database}", bouncer.port);
    let (zone, clinic_today) = zone_on_another_day();

    // Without a direct URL the service refuses transaction mode: its start-up lock is session
    // state that PgBouncer would hand to other clients.
    let refused = tokio::process::Command::new(env!("CARGO_BIN_EXE_clinic"))
        .arg("serve")
        .env("DATABASE_URL", &pooled)
        .env("DATABASE_POOL_MODE", "transaction")
        .env("JWT_SECRET", SECRET)
        .output()
        .await
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("needs DATABASE_DIRECT_URL"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );

    let mut service = vec![start_replica_with(
        &pooled,
        &dir.join("0.log"),
        &[
            ("DATABASE_POOL_MODE", "transaction"),
            ("DATABASE_DIRECT_URL", &direct),
            ("DB_POOL_SIZE", SERVICE_CONNECTIONS),
            ("CLINIC_TIME_ZONE", zone),
        ],
    )];
    wait_ready(&mut service, &dir).await;
    let addr: SocketAddr = service[0].1;
    let said = std::fs::read_to_string(dir.join("0.log")).unwrap();
    assert!(
        said.contains("database default set for transaction pooling"),
        "{said}"
    );

    // One agreement of the demo data made valid on the clinic's today only.
    let mut conn = AsyncPgConnection::establish(&direct).await.unwrap();
    let agreement: Agreement = diesel::sql_query(
        "UPDATE authorizations SET authorized = true, authorization_date = $1, expiration_date = $1
          WHERE id = (SELECT r.id FROM authorization_rows r
                       WHERE r.eps_active AND r.specialty_active AND r.location_active
                         AND NOT EXISTS (SELECT FROM appointments p WHERE p.authorization_id = r.id)
                       ORDER BY r.id LIMIT 1)
         RETURNING eps_id, specialty_id, location_id",
    )
    .bind::<diesel::sql_types::Date, _>(clinic_today)
    .get_result(&mut conn)
    .await
    .unwrap();
    let check = json!({
        "query": "query($e: ID!, $s: ID!, $l: ID!) {
            authorizationCheck(epsId: $e, specialtyId: $s, locationId: $l) { authorized reason } }",
        "variables": {
            "e": global_id("Eps", agreement.eps_id).0,
            "s": global_id("Specialty", agreement.specialty_id).0,
            "l": global_id("Location", agreement.location_id).0,
        }
    });

    let token = token_for("jefa", Role::Admin);
    let social_work = global_id("SocialWork", 1).0;
    let page = json!({ "query": "{ patients(first: 20, filter: { search: \"Bouncer\" }) {
        totalCount nodes { documentNumber socialWork { name } } } }" });

    // Twelve clients, each writing patients and reading a page and the booking check in turn,
    // through eight service connections sharing three server sessions.
    let clients = (0..12).map(|client| {
        let (token, social_work, check, page) = (
            token.clone(),
            social_work.clone(),
            check.clone(),
            page.clone(),
        );
        tokio::spawn(async move {
            let mut failures = Vec::new();
            let mut created = 0;
            for n in 0..15 {
                let mut input =
                    patient_input(&social_work, &format!("{}", 50_000_000 + client * 100 + n));
                input["lastName"] = json!("Bouncer");
                let write = json!({ "query": CREATE_PATIENT, "variables": { "input": input } });
                for body in [&write, &page, &check] {
                    match post(addr, &token, body).await {
                        Some((200, answer)) if answer.get("errors").is_none() => {
                            if answer["data"]["createPatient"]["patient"]["id"].is_string() {
                                created += 1;
                            }
                            if let Some(authorized) =
                                answer["data"]["authorizationCheck"].get("authorized")
                                && authorized != true
                            {
                                failures.push(format!(
                                    "not authorized on the clinic's today: {answer}"
                                ));
                            }
                        }
                        other => failures.push(format!("{other:?}")),
                    }
                }
            }
            (created, failures)
        })
    });
    let mut created = 0;
    for client in futures_util::future::join_all(clients).await {
        let (n, failures) = client.unwrap();
        assert!(failures.is_empty(), "{failures:#?}");
        created += n;
    }
    assert_eq!(created, 12 * 15, "every patient was created");
    let stored = diesel::sql_query(
        "SELECT count(*)::text AS value FROM patients WHERE last_name = 'Bouncer'",
    )
    .get_result::<Setting>(&mut conn)
    .await
    .unwrap();
    assert_eq!(stored.value, (12 * 15).to_string());

    // A fresh session through PgBouncer runs with the service's settings as defaults, while its
    // time zone is the server's: the clinic's zone reached each server session through
    // PgBouncer's per-client parameter tracking, not through a default.
    let mut fresh = AsyncPgConnection::establish(&pooled).await.unwrap();
    for (name, expected) in [("statement_timeout", "10s"), ("jit", "off")] {
        let setting: Setting =
            diesel::sql_query(format!("SELECT current_setting('{name}') AS value"))
                .get_result(&mut fresh)
                .await
                .unwrap();
        assert_eq!(setting.value, expected, "{name}");
    }
    let setting: Setting = diesel::sql_query("SELECT current_setting('TimeZone') AS value")
        .get_result(&mut fresh)
        .await
        .unwrap();
    assert_ne!(setting.value, zone);
    drop((fresh, conn));

    for (child, _) in &mut service {
        child.kill().await.unwrap();
    }
    drop(bouncer);
    drop_database(&direct).await;
}

/// The service's session settings become the database's own defaults even when the role the
/// start-up connects as already has them there: PgBouncer's sessions may log in as another
/// role, which would start without them.
#[tokio::test]
async fn transaction_pooling_sets_the_database_defaults_whatever_the_role_has() {
    #[derive(diesel::QueryableByName)]
    struct Setting {
        #[diesel(sql_type = diesel::sql_types::Text)]
        setting: String,
    }
    let url = fresh_database("db_defaults").await;
    clinic::db::ensure_database(&url).await.unwrap();
    let name = url.rsplit('/').next().unwrap().to_owned();
    let mut conn = AsyncPgConnection::establish(&url).await.unwrap();
    diesel::sql_query(format!(
        "ALTER ROLE CURRENT_USER IN DATABASE {name} SET statement_timeout = '10s'"
    ))
    .execute(&mut conn)
    .await
    .unwrap();
    let database_defaults = async |conn: &mut AsyncPgConnection| -> Vec<String> {
        let rows: Vec<Setting> = diesel::sql_query(
            "SELECT c AS setting FROM pg_db_role_setting d, unnest(d.setconfig) AS c
              WHERE d.setrole = 0
                AND d.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
              ORDER BY c",
        )
        .load(conn)
        .await
        .unwrap();
        rows.into_iter().map(|r| r.setting).collect()
    };
    assert!(database_defaults(&mut conn).await.is_empty());
    // The row's version (xmin) tells whether a call rewrote it.
    let version = async |conn: &mut AsyncPgConnection| -> Vec<String> {
        let rows: Vec<Setting> = diesel::sql_query(
            "SELECT xmin::text AS setting FROM pg_db_role_setting
              WHERE setrole = 0
                AND setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())",
        )
        .load(conn)
        .await
        .unwrap();
        rows.into_iter().map(|r| r.setting).collect()
    };
    clinic::db::set_database_defaults(&url).await.unwrap();
    assert_eq!(
        database_defaults(&mut conn).await,
        ["jit=off", "statement_timeout=10s"]
    );
    // Again: it finds them in place and writes nothing.
    let written = version(&mut conn).await;
    clinic::db::set_database_defaults(&url).await.unwrap();
    assert_eq!(version(&mut conn).await, written);
    drop(conn);
    drop_database(&url).await;
}
