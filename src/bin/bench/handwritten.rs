//! The reference the ratios need: (a) and (b) answered by a hand-written HTTP service on the
//! same stack (axum, tokio, diesel-async, the same pool), without GraphQL, sending the
//! ceiling's SQL (`bench/ceiling_*.sql`). It checks the same bearer token and decodes the same
//! global IDs, and answers the same JSON, so that the gap between it and pgbench is what any
//! service of this shape pays, and the gap between it and the service is GraphQL's share.
//! The benchmark runs it as a child process: `bench --serve-handwritten ADDR`.

use std::{
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
};

use axum::{
    Json, Router,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    routing::{get, post},
};
use bigdecimal::BigDecimal;
use clinic::{
    auth::JwtKeys,
    config::PoolMode,
    db::{
        DbPool, QueryCounter, authorization_denial, build_pool,
        plan::with_limit,
        schema::{patients, social_works},
        views::authorization_rows,
    },
    graphql::ids::{decode_global_id, global_id},
};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

#[derive(Clone)]
struct Handwritten {
    pool: DbPool,
    jwt: Arc<JwtKeys>,
    statements: QueryCounter,
    requests: Arc<AtomicU64>,
}

type Answer = Result<Json<Value>, (StatusCode, String)>;

/// Serves until killed.
pub async fn serve(
    addr: SocketAddr,
    url: &str,
    pool_size: usize,
    jwt: JwtKeys,
) -> anyhow::Result<()> {
    let statements = QueryCounter::default();
    let state = Handwritten {
        pool: build_pool(url, pool_size, "UTC", PoolMode::Session, statements.clone()),
        jwt: jwt.into(),
        statements,
        requests: Default::default(),
    };
    let app = Router::new()
        .route("/patients", post(patients_page))
        .route("/check", post(check))
        .route("/readyz", get(|| async { "ready" }))
        .route("/metrics", get(metrics))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, app).await?;
    Ok(())
}

async fn metrics(State(state): State<Handwritten>) -> String {
    format!(
        "clinic_sql_statements_total {}\nrequests_total {}\n",
        state.statements.get(),
        AtomicU64::load(&state.requests, Ordering::Relaxed)
    )
}

/// The service's own work before any SQL: count the request, check the bearer token.
fn admit(state: &Handwritten, headers: &HeaderMap) -> Result<(), (StatusCode, String)> {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or((StatusCode::UNAUTHORIZED, "no token".into()))?;
    state
        .jwt
        .verify(token)
        .map_err(|e| (StatusCode::UNAUTHORIZED, e.to_string()))?;
    Ok(())
}

fn failed(err: impl std::fmt::Display) -> (StatusCode, String) {
    (StatusCode::INTERNAL_SERVER_ERROR, err.to_string())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PatientNode {
    id: String,
    full_name: String,
    document_number: String,
    social_work: Name,
}

#[derive(Serialize)]
struct Name {
    name: String,
}

/// (a): `bench/ceiling_patients.sql`.
async fn patients_page(State(state): State<Handwritten>, headers: HeaderMap) -> Answer {
    admit(&state, &headers)?;
    let mut conn = state.pool.get().await.map_err(failed)?;
    let query = patients::table
        .inner_join(social_works::table)
        .order((patients::last_name, patients::first_name, patients::id))
        .select((
            patients::id,
            patients::first_name,
            patients::last_name,
            patients::document_number,
            social_works::name,
        ));
    let rows: Vec<(i32, String, String, String, String)> = with_limit(query, 50)
        .load(&mut conn)
        .await
        .map_err(failed)?;
    drop(conn);
    let nodes: Vec<PatientNode> = rows
        .into_iter()
        .map(|(id, first, last, document_number, name)| PatientNode {
            id: global_id("Patient", id).0,
            full_name: format!("{first} {last}"),
            document_number,
            social_work: Name { name },
        })
        .collect();
    Ok(Json(json!({ "nodes": nodes })))
}

#[derive(Deserialize)]
struct Triple {
    e: String,
    s: String,
    l: String,
}

/// The columns of `bench/ceiling_check.sql`, in its order.
#[derive(Queryable)]
struct Agreement {
    id: i32,
    denial: Option<String>,
    max_monthly_appointments: Option<i32>,
    copay_percentage: Option<BigDecimal>,
    requires_prior_authorization: bool,
}

/// (b): `bench/ceiling_check.sql`.
async fn check(
    State(state): State<Handwritten>,
    headers: HeaderMap,
    Json(triple): Json<Triple>,
) -> Answer {
    admit(&state, &headers)?;
    let id = |text: String| {
        decode_global_id(&text.into())
            .map(|(_, id)| id)
            .map_err(|_| (StatusCode::BAD_REQUEST, "bad id".to_owned()))
    };
    let (e, s, l) = (id(triple.e)?, id(triple.s)?, id(triple.l)?);
    use authorization_rows as r;
    let mut conn = state.pool.get().await.map_err(failed)?;
    let found: Vec<Agreement> = r::table
        .filter(r::eps_id.eq(e))
        .filter(r::specialty_id.eq(s))
        .filter(r::location_id.eq(l))
        .select((
            r::id,
            authorization_denial(
                r::eps_active,
                r::specialty_active,
                r::location_active,
                r::authorized,
                r::authorization_date,
                r::expiration_date,
                diesel::dsl::today,
            ),
            r::max_monthly_appointments,
            r::copay_percentage,
            r::requires_prior_authorization,
        ))
        .load(&mut conn)
        .await
        .map_err(failed)?;
    drop(conn);
    Ok(Json(match found.into_iter().next() {
        None => json!({ "authorized": false, "reason": "NO_AGREEMENT", "authorization": null }),
        Some(a) => json!({
            "authorized": a.denial.is_none(),
            "reason": a.denial,
            "authorization": {
                "id": global_id("Authorization", a.id).0,
                "maxMonthlyAppointments": a.max_monthly_appointments,
                "copayPercentage": a.copay_percentage.map(|c| c.to_string()),
                "requiresPriorAuthorization": a.requires_prior_authorization,
            },
        }),
    }))
}
