//! The test harness: each test gets the whole app, in memory, on its own database cloned
//! from a migrated template, so tests run in parallel and never see each other's rows.

use std::{
    hash::{DefaultHasher, Hash, Hasher},
    sync::atomic::{AtomicU32, Ordering},
};

use axum::{Router, body::Body, http::Request};
use clap::Parser;
use clinic::{app::AppState, auth::Role, config::Cli, db, http::router, server};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

pub const SECRET: &str = "test-secret-that-is-at-least-32-bytes-long";

/// A token of `username` with `role`, signed with [`SECRET`]: for the real binaries a test
/// starts with that secret (replicas, PgBouncer), which have no in-memory app to ask.
pub fn token_for(username: &str, role: Role) -> String {
    clinic::auth::JwtKeys::new(
        Some(SECRET.as_bytes()),
        None,
        None,
        None,
        std::time::Duration::from_secs(3600),
        std::time::Duration::from_secs(3600),
    )
    .unwrap()
    .issue(username, role)
    .unwrap()
    .0
}

/// The server tests run against: `TEST_DATABASE_URL` (no database name), by default the
/// local PostgreSQL with trust authentication.
pub fn server_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

/// `host:port` of the test server.
pub fn server_authority() -> String {
    let url = server_url();
    let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    rest.split('/').next().unwrap().to_owned()
}

/// Drops the database `url` names (its last segment), as a test that made one finishes, or
/// before it makes one (a failed run may have left it).
pub async fn drop_database(url: &str) {
    let name = url.rsplit('/').next().unwrap();
    diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut admin_conn().await)
        .await
        .unwrap();
}

/// One HTTP/1.1 exchange with a real server on a fresh connection: the whole response, or
/// `None` when the server refuses or drops the connection without answering.
pub async fn raw_http(addr: std::net::SocketAddr, request: &str) -> Option<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.ok()?;
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await.ok()?;
    (!response.is_empty()).then_some(response)
}

/// `POST /graphql` of `body` with a bearer token, through [`raw_http`].
pub async fn raw_graphql(addr: std::net::SocketAddr, token: &str, body: &Value) -> Option<String> {
    let body = body.to_string();
    let request = format!(
        "POST /graphql HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Authorization: Bearer {token}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    raw_http(addr, &request).await
}

async fn admin_conn() -> AsyncPgConnection {
    AsyncPgConnection::establish(&format!("{}/postgres", server_url()))
        .await
        .expect("PostgreSQL must be running for the tests (see README: Tests)")
}

/// Name of the template for the current migrations; built once, under an advisory lock so
/// that parallel test processes do not race to create it.
async fn template() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
    let mut files: Vec<_> = walk(std::path::Path::new(dir));
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        file.hash(&mut hasher);
        std::fs::read(file).unwrap().hash(&mut hasher);
    }
    let name = format!("clinic_tpl_{:016x}", hasher.finish());
    let mut conn = admin_conn().await;
    diesel::sql_query("SELECT pg_advisory_lock(727001)")
        .execute(&mut conn)
        .await
        .unwrap();
    let exists: i64 = diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!(
        "SELECT count(*) FROM pg_database WHERE datname = '{name}'"
    ))
    .get_result(&mut conn)
    .await
    .unwrap();
    if exists == 0 {
        let building = format!("{name}_building");
        diesel::sql_query(format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
            .execute(&mut conn)
            .await
            .unwrap();
        diesel::sql_query(format!("CREATE DATABASE {building}"))
            .execute(&mut conn)
            .await
            .unwrap();
        db::run_migrations(&format!("{}/{building}", server_url()))
            .await
            .unwrap();
        // Renamed only once complete: a crashed build never leaves a half-migrated template.
        diesel::sql_query(format!("ALTER DATABASE {building} RENAME TO {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
    }
    diesel::sql_query("SELECT pg_advisory_unlock(727001)")
        .execute(&mut conn)
        .await
        .unwrap();
    name
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    database: String,
}

impl TestApp {
    /// A migrated, empty database.
    pub async fn new() -> Self {
        Self::with_args(&[]).await
    }

    /// Extra command-line arguments, e.g. `["--jwt-audience", "clinic"]`.
    pub async fn with_args(args: &[&str]) -> Self {
        Self::build(args, None).await
    }

    /// Connects to PostgreSQL at `authority` (`host:port`, e.g. a test's proxy) instead.
    pub async fn via(authority: &str) -> Self {
        Self::build(&[], Some(authority)).await
    }

    /// Another database cloned from the migrated template, e.g. standing in for a streaming
    /// replica; its URL. The caller drops it ([`drop_database`]).
    pub async fn spare_database(tag: &str) -> String {
        let template = template().await;
        let url = format!("{}/clinic_{tag}_{}", server_url(), std::process::id());
        drop_database(&url).await;
        let database = url.rsplit('/').next().unwrap();
        diesel::sql_query(format!("CREATE DATABASE {database} TEMPLATE {template}"))
            .execute(&mut admin_conn().await)
            .await
            .unwrap();
        url
    }

    async fn build(args: &[&str], authority: Option<&str>) -> Self {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let template = template().await;
        let database = format!(
            "clinic_test_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut conn = admin_conn().await;
        diesel::sql_query(format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
            .execute(&mut conn)
            .await
            .unwrap();
        diesel::sql_query(format!("CREATE DATABASE {database} TEMPLATE {template}"))
            .execute(&mut conn)
            .await
            .unwrap();
        let server = match authority {
            Some(authority) => server_url().replace(&server_authority(), authority),
            None => server_url(),
        };
        let url = format!("{server}/{database}");
        let mut argv = vec![
            "clinic",
            "--database-url",
            &url,
            "--jwt-secret",
            SECRET,
            "--db-pool-size",
            "8",
        ];
        // The tests reason in UTC whatever the host's zone (the default) is.
        if !args.contains(&"--clinic-time-zone") {
            argv.extend_from_slice(&["--clinic-time-zone", "UTC"]);
        }
        argv.extend_from_slice(args);
        let cli = Cli::try_parse_from(argv).unwrap();
        server::align_billing_calendar(&url, &cli.config.clinic_time_zone)
            .await
            .unwrap();
        let (state, _) = server::build_state(cli.config).unwrap();
        Self {
            router: router(state.clone()),
            state,
            database,
        }
    }

    /// This app's database URL.
    pub fn database_url(&self) -> String {
        format!("{}/{}", server_url(), self.database)
    }

    pub fn token(&self, role: Role) -> String {
        let name = role.as_db().to_lowercase();
        self.state.jwt.issue(&name, role).unwrap().0
    }

    /// POST /graphql; returns the status and the JSON body.
    pub async fn post(&self, token: Option<&str>, query: &str, variables: Value) -> (u16, Value) {
        let mut request = Request::post("/graphql").header("content-type", "application/json");
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        let body = json!({ "query": query, "variables": variables }).to_string();
        let (status, bytes) = self.send(request.body(Body::from(body)).unwrap()).await;
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    /// POST /graphql as if from `peer` (the address hyper gives the service).
    pub async fn post_from(
        &self,
        peer: std::net::SocketAddr,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> Value {
        let mut request = Request::post("/graphql").header("content-type", "application/json");
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        let body = json!({ "query": query, "variables": variables }).to_string();
        let mut request = request.body(Body::from(body)).unwrap();
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(peer));
        let (_, bytes) = self.send(request).await;
        serde_json::from_slice(&bytes).unwrap_or(Value::Null)
    }

    /// A second replica of the service on this app's database (same secret).
    pub fn replica(&self) -> Router {
        let argv = [
            "clinic",
            "--database-url",
            &self.database_url(),
            "--jwt-secret",
            SECRET,
        ];
        let (state, _) = server::build_state(Cli::try_parse_from(argv).unwrap().config).unwrap();
        router(state)
    }

    pub async fn gql_as(&self, role: Role, query: &str, variables: Value) -> Value {
        self.post(Some(&self.token(role)), query, variables).await.1
    }

    pub async fn admin(&self, query: &str, variables: Value) -> Value {
        self.gql_as(Role::Admin, query, variables).await
    }

    pub async fn send(&self, request: Request<Body>) -> (u16, Vec<u8>) {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let bytes = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        (status, bytes)
    }

    /// SQL statements run by this app so far.
    pub fn statements(&self) -> u64 {
        self.state.queries.get()
    }

    pub async fn sql_count(&self, sql: &str) -> i64 {
        let mut conn = self.state.pool.get().await.unwrap();
        diesel::dsl::sql::<diesel::sql_types::BigInt>(sql)
            .get_result(&mut conn)
            .await
            .unwrap()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let database = self.database.clone();
        // Drop runs outside async: use a private runtime on a plain thread.
        let _ = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(async {
                    if let Ok(mut conn) =
                        AsyncPgConnection::establish(&format!("{}/postgres", server_url())).await
                    {
                        let _ = diesel::sql_query(format!(
                            "DROP DATABASE IF EXISTS {database} WITH (FORCE)"
                        ))
                        .execute(&mut conn)
                        .await;
                    }
                })
        })
        .join();
    }
}

/// The first error's `extensions.code`.
pub fn error_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code in {body}"))
}

/// The payload's user errors as (code, message).
pub fn user_errors(payload: &Value) -> Vec<(String, String)> {
    payload["userErrors"]
        .as_array()
        .unwrap_or_else(|| panic!("no userErrors in {payload}"))
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap().to_owned(),
                e["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

pub const CREATE_SOCIAL_WORK: &str = "mutation($input: CreateSocialWorkInput!) {
  createSocialWork(input: $input) {
    socialWork { id databaseId name state address phone webpage code biochemicalUnitValue createdAt updatedAt }
    userErrors { field message code }
  }
}";

pub fn social_work_input(name: &str) -> Value {
    json!({
        "name": name,
        "address": "Av. Corrientes 1234, CABA",
        "phone": "+54 11 4567-8900",
        "webpage": "https://www.example.com.ar",
    })
}

/// Creates a social work and returns its global ID.
pub async fn create_social_work(app: &TestApp, name: &str) -> String {
    let body = app
        .admin(
            CREATE_SOCIAL_WORK,
            json!({ "input": social_work_input(name) }),
        )
        .await;
    body["data"]["createSocialWork"]["socialWork"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("create failed: {body}"))
        .to_owned()
}

pub const CREATE_PATIENT: &str = "mutation($input: CreatePatientInput!) {
  createPatient(input: $input) {
    patient { id firstName lastName fullName documentType documentNumber socialWork { id name } }
    userErrors { field message code }
  }
}";

pub fn patient_input(social_work_id: &str, document: &str) -> Value {
    json!({
        "firstName": "Ana",
        "lastName": "Pérez",
        "documentType": "DNI",
        "documentNumber": document,
        "socialWorkId": social_work_id,
    })
}

/// Creates an EPS, a specialty and a site; returns their global IDs.
pub async fn create_catalog(app: &TestApp, suffix: &str) -> (String, String, String) {
    let body = app
        .admin(
            "mutation($e: CreateEpsInput!, $s: CreateSpecialtyInput!, $l: CreateLocationInput!) {
               createEps(input: $e) { eps { id } userErrors { message } }
               createSpecialty(input: $s) { specialty { id } userErrors { message } }
               createLocation(input: $l) { location { id } userErrors { message } }
             }",
            json!({
                "e": { "name": format!("EPS {suffix}"), "code": format!("C{suffix}") },
                "s": { "name": format!("Especialidad {suffix}") },
                "l": { "name": format!("Sede {suffix}"), "address": "Calle 1 #2-3" },
            }),
        )
        .await;
    let id = |path: [&str; 2]| {
        body["data"][path[0]][path[1]]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{body}"))
            .to_owned()
    };
    (
        id(["createEps", "eps"]),
        id(["createSpecialty", "specialty"]),
        id(["createLocation", "location"]),
    )
}

pub const CREATE_AUTHORIZATION: &str = "mutation($input: CreateAuthorizationInput!) {
  createAuthorization(input: $input) {
    authorization { id databaseId authorized authorizationDate expirationDate maxMonthlyAppointments
                    copayPercentage requiresPriorAuthorization notes isCurrentlyValid createdBy { username } }
    userErrors { field message code }
  }
}";

/// PostgreSQL's plan for `sql` (its `$n` bound to `binds`, as text) with sequential scans
/// discouraged: a test's tables are small enough that scanning them would win anyway, and the
/// question is which index the planner can use.
pub async fn plan_without_seqscan(app: &TestApp, sql: &str, binds: &[&str]) -> String {
    use diesel_async::{RunQueryDsl, SimpleAsyncConnection};
    #[derive(diesel::QueryableByName)]
    struct Plan {
        #[diesel(sql_type = diesel::sql_types::Text, column_name = "QUERY PLAN")]
        line: String,
    }
    let mut conn = app.state.pool.get().await.unwrap();
    conn.batch_execute("SET enable_seqscan = off")
        .await
        .unwrap();
    let mut query = diesel::sql_query(format!("EXPLAIN {sql}")).into_boxed();
    for value in binds {
        query = query.bind::<diesel::sql_types::Text, _>(*value);
    }
    let plan: Vec<Plan> = query.load(&mut conn).await.unwrap();
    conn.batch_execute("RESET enable_seqscan").await.unwrap();
    plan.into_iter().map(|p| p.line + "\n").collect()
}
