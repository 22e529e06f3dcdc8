//! HTTP: the axum router and its layers. `POST /graphql` (JSON), `GET /graphql` (queries only;
//! GraphiQL for browsers, its assets under `/graphiql/`), `/healthz` (process up), `/readyz`
//! (database answers); and, on its own listener (METRICS_ADDR), `/metrics` (Prometheus text:
//! requests, SQL statements, pool).

use std::{
    sync::{Arc, atomic::Ordering},
    time::Duration,
};

pub mod graphiql;
mod media;
mod request_id;

use async_graphql::Executor;
use async_graphql::parser::types::OperationType;
use axum::{
    Router,
    body::Bytes,
    extract::{ConnectInfo, FromRequestParts, Query, RawQuery, State, rejection::BytesRejection},
    http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header, request::Parts},
    response::{IntoResponse, Response},
    routing::get,
};
use serde::Deserialize;
use tower_http::{
    cors::{AllowOrigin, CorsLayer},
    limit::RequestBodyLimitLayer,
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

use self::media::Media;
use crate::{
    app::AppState,
    auth::{Caller, ClientAddr},
    graphql::{self, AbstractTypes, AppSchema, Documents, build_schema, nesting},
};

/// Largest request body accepted (413 beyond). A tower layer, because async-graphql-axum's
/// extractor reads the body itself and ignores axum's `DefaultBodyLimit`.
pub const MAX_BODY_BYTES: usize = 256 * 1024;
/// A request still running after this gets 408 and its work is dropped.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Clone)]
struct Http<E> {
    state: AppState,
    schema: E,
    documents: Arc<Documents>,
    types: Arc<AbstractTypes>,
}

pub fn router(state: AppState) -> Router {
    let schema: AppSchema = build_schema(state.clone());
    let types = AbstractTypes::from_sdl(&schema.sdl());
    routes(state, schema, types)
}

/// The router around any executor: the service's schema, or a test's (whose answers are put
/// in query order knowing no interfaces).
pub fn router_for<E: Executor + Clone>(state: AppState, schema: E) -> Router {
    routes(state, schema, AbstractTypes::default())
}

fn routes<E: Executor + Clone>(state: AppState, schema: E, types: AbstractTypes) -> Router {
    let cors = cors(&state.config.cors_origins, &state.config.cors_allow_headers);
    let http = Http {
        schema,
        state,
        documents: Default::default(),
        types: Arc::new(types),
    };
    Router::new()
        .route("/graphql", get(graphql_get::<E>).post(graphql_post::<E>))
        .route("/graphiql/{file}", get(graphiql::asset))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready::<E>))
        .with_state(http)
        .layer(cors)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(TraceLayer::new_for_http().make_span_with(request_id::span))
        .layer(axum::middleware::from_fn(request_id::request_id))
}

/// `/metrics` alone, for the METRICS_ADDR listener: counters are not for the public port.
pub fn metrics_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .with_state(state)
}

fn cors(origins: &[String], headers: &[Option<HeaderName>]) -> CorsLayer {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o.trim()).ok())
        .collect();
    let allowed = [header::AUTHORIZATION, header::CONTENT_TYPE]
        .into_iter()
        .chain(headers.iter().flatten().cloned());
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers(allowed.collect::<Vec<_>>())
        .expose_headers([request_id::X_REQUEST_ID])
        .max_age(Duration::from_secs(3600))
}

/// Who is calling: no header is anonymous; a header that is not a valid bearer token is
/// `Invalid`, and resolvers answer UNAUTHENTICATED for both.
fn caller(state: &AppState, headers: &HeaderMap) -> Caller {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Caller::Anonymous;
    };
    let token = value.to_str().ok().and_then(|v| {
        v.strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))
    });
    match token.map(|t| state.jwt.verify(t.trim())) {
        Some(Ok(claims)) => Caller::User(claims),
        Some(Err(err)) => {
            tracing::debug!(error = %err, "rejected token");
            Caller::Invalid
        }
        None => Caller::Invalid,
    }
}

/// The client's address, as `server::serve_connections` records it (absent in in-memory
/// tests). Read from the request's extensions without copying them.
struct Peer(ClientAddr);

impl<S: Sync> FromRequestParts<S> for Peer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<std::net::SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip()),
        )))
    }
}

async fn execute<E: Executor>(
    http: &Http<E>,
    headers: &HeaderMap,
    Peer(client): Peer,
    request: async_graphql::Request,
) -> async_graphql::Response {
    http.state.requests.fetch_add(1, Ordering::Relaxed);
    let caller = caller(&http.state, headers);
    let cacheable = matches!(caller, Caller::User(_));
    let request = request.data(caller).data(client);
    graphql::execute(
        &http.schema,
        &http.documents,
        &http.types,
        &http.state.pool,
        http.state.read_pool.as_ref(),
        request,
        cacheable,
    )
    .await
}

async fn graphql_post<E: Executor + Clone>(
    State(http): State<Http<E>>,
    headers: HeaderMap,
    peer: Peer,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Some(media) = Media::negotiate(&headers) else {
        return media::not_acceptable();
    };
    // Only JSON: a `text/plain` or form body is what a cross-site page can send without a
    // CORS preflight.
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return refusal(
            media,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "El cuerpo debe ser JSON (Content-Type: application/json)",
        );
    }
    let body = match body {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return refusal(
                media,
                StatusCode::PAYLOAD_TOO_LARGE,
                "El cuerpo supera el máximo admitido",
            );
        }
        Err(rejection) => {
            tracing::debug!(error = %rejection, "unreadable request body");
            return refusal(
                media,
                StatusCode::BAD_REQUEST,
                "No se pudo leer el cuerpo del pedido",
            );
        }
    };
    let request = match decode_json(&body) {
        Ok(request) => request,
        Err(message) => return refusal(media, StatusCode::BAD_REQUEST, &message),
    };
    if let Err(refused) = graphql::limits::check_text(&request.query) {
        return refused_before_graphql(media, refused);
    }
    media.respond(execute(&http, &headers, peer, request).await)
}

/// One GraphQL request from a JSON body, its nesting bounded before serde recurses into it:
/// the body and its `variables` add two levels to what a query's values may nest. The error
/// is the 400's message.
fn decode_json(body: &[u8]) -> Result<async_graphql::Request, String> {
    if nesting::json_exceeds(body, nesting::MAX_NESTING + 2) {
        return Err(format!(
            "El cuerpo JSON anida más de {} niveles de listas u objetos",
            nesting::MAX_NESTING + 2
        ));
    }
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return Err("No se admiten pedidos en lote".to_owned());
    }
    let request: async_graphql::Request = serde_json::from_slice(body).map_err(|err| {
        tracing::debug!(error = %err, "rejected request body");
        "El cuerpo no es un pedido GraphQL en JSON válido".to_owned()
    })?;
    // async-graphql defaults a missing `query` to "": a malformed request, not a document.
    if request.query.trim().is_empty() {
        return Err("El pedido no tiene `query`".to_owned());
    }
    Ok(request)
}

/// The parameters of `GET /graphql?query=…`; `variables` is a JSON text.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GetParams {
    query: String,
    operation_name: Option<String>,
    variables: Option<String>,
}

async fn graphql_get<E: Executor + Clone>(
    State(http): State<Http<E>>,
    headers: HeaderMap,
    peer: Peer,
    RawQuery(query): RawQuery,
) -> Response {
    let query = query.filter(|q| !q.is_empty());
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if query.is_none() && wants_html {
        return graphiql::page(&http.state);
    }
    let Some(media) = Media::negotiate(&headers) else {
        return media::not_acceptable();
    };
    let Some(query) = query else {
        return refusal(
            media,
            StatusCode::BAD_REQUEST,
            "GET /graphql necesita el parámetro `query`",
        );
    };
    let Ok(Query(params)) =
        Query::<GetParams>::try_from_uri(&format!("/?{query}").parse().unwrap_or_default())
    else {
        return refusal(
            media,
            StatusCode::BAD_REQUEST,
            "Parámetros inválidos: se esperan `query`, `operationName` y `variables`",
        );
    };
    let mut request = async_graphql::Request::new(params.query);
    if let Some(name) = params.operation_name {
        request = request.operation_name(name);
    }
    if let Some(variables) = params.variables.filter(|v| !v.is_empty()) {
        if nesting::json_exceeds(variables.as_bytes(), nesting::MAX_NESTING) {
            return refusal(
                media,
                StatusCode::BAD_REQUEST,
                &format!(
                    "Las variables anidan más de {} niveles",
                    nesting::MAX_NESTING
                ),
            );
        }
        match serde_json::from_str(&variables) {
            Ok(variables) => request = request.variables(variables),
            Err(_) => {
                return refusal(
                    media,
                    StatusCode::BAD_REQUEST,
                    "`variables` no es un objeto JSON válido",
                );
            }
        }
    }
    if let Err(refused) = graphql::limits::check_text(&request.query) {
        return refused_before_graphql(media, refused);
    }
    // GET must not change anything (it is cached, prefetched, logged): mutations need POST.
    if is_mutation(&mut request) {
        let message = "Las mutaciones se envían con POST";
        let mut refused = refusal(media, StatusCode::METHOD_NOT_ALLOWED, message);
        let post = axum::http::HeaderValue::from_static("POST");
        refused.headers_mut().insert(header::ALLOW, post);
        return refused;
    }
    media.respond(execute(&http, &headers, peer, request).await)
}

/// A request refused before GraphQL, in the API's error shape.
fn refusal(media: Media, status: StatusCode, message: &str) -> Response {
    media.refuse(status, message, crate::error::code::BAD_USER_INPUT)
}

/// A query text refused by `limits::check_text`: 400, before any parser sees it.
fn refused_before_graphql(media: Media, error: async_graphql::ServerError) -> Response {
    let code = error
        .extensions
        .as_ref()
        .and_then(|ext| ext.get("code"))
        .and_then(|code| match code {
            async_graphql::Value::String(code) => Some(code.clone()),
            _ => None,
        })
        .unwrap_or_else(|| crate::error::code::BAD_USER_INPUT.to_owned());
    media.refuse(StatusCode::BAD_REQUEST, &error.message, &code)
}

fn is_mutation(request: &mut async_graphql::Request) -> bool {
    let name = request.operation_name.clone();
    let Ok(doc) = request.parsed_query() else {
        return false;
    };
    doc.operations.iter().any(|(op_name, op)| {
        op.node.ty == OperationType::Mutation
            && (name.is_none() || op_name.map(|n| n.as_str()) == name.as_deref())
    })
}

async fn ready<E>(State(http): State<Http<E>>) -> Response {
    use diesel_async::RunQueryDsl;
    // The primary only: without the replica, reads fall back to the primary, so a replica
    // down must not take every instance out of the load balancer.
    let check = async {
        let mut conn = http.state.pool.get().await.ok()?;
        diesel::sql_query("SELECT 1").execute(&mut conn).await.ok()
    };
    match tokio::time::timeout(Duration::from_secs(3), check).await {
        Ok(Some(_)) => (StatusCode::OK, "ready").into_response(),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response(),
    }
}

/// Counters for scraping; nothing here identifies a request or a patient.
async fn metrics(State(state): State<AppState>) -> Response {
    let pool = state.pool.status();
    let body = format!(
        "# HELP clinic_graphql_requests_total GraphQL requests executed.\n\
         # TYPE clinic_graphql_requests_total counter\n\
         clinic_graphql_requests_total {}\n\
         # HELP clinic_sql_statements_total SQL statements sent to PostgreSQL.\n\
         # TYPE clinic_sql_statements_total counter\n\
         clinic_sql_statements_total {}\n\
         # HELP clinic_db_pool_connections Open database connections, by state.\n\
         # TYPE clinic_db_pool_connections gauge\n\
         clinic_db_pool_connections{{state=\"idle\"}} {}\n\
         clinic_db_pool_connections{{state=\"busy\"}} {}\n\
         # HELP clinic_db_pool_waiting Requests waiting for a database connection.\n\
         # TYPE clinic_db_pool_waiting gauge\n\
         clinic_db_pool_waiting {}\n\
         # HELP clinic_db_pool_max_connections Connections the pool may open (DB_POOL_SIZE).\n\
         # TYPE clinic_db_pool_max_connections gauge\n\
         clinic_db_pool_max_connections {}\n",
        state.requests.load(Ordering::Relaxed),
        state.queries.get(),
        pool.available,
        pool.size.saturating_sub(pool.available),
        pool.waiting,
        pool.max_size,
    );
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
}
