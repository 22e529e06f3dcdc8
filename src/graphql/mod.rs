//! The GraphQL schema: root assembly and limits, global IDs and `Node`, connections, scalars,
//! user errors and per-request DataLoaders. Knows nothing of HTTP.

pub mod audit;
pub mod connection;
mod documents;
pub mod error_policy;
pub mod ids;
pub mod input;
pub mod limits;
mod loaders;
pub mod nesting;
mod node;
pub mod ordering;
mod panics;
pub mod payload;
pub mod scalars;

use std::sync::Arc;

use async_graphql::{
    Context, EmptySubscription, Executor, MergedObject, Request, Response, SDLExportOptions,
    Schema, SchemaBuilder, parser::types::OperationType,
};

pub use crate::error::{UserError, UserErrorCode};
pub use documents::Documents;
pub use loaders::{Loaders, nodes_select};
pub use node::Node;
pub use ordering::AbstractTypes;
pub use payload::{DeleteInput, DeletePayload};

use crate::{
    app::AppState,
    authorizations::{AuditQuery, AuthorizationMutation, AuthorizationQuery},
    booking::{AppointmentMutation, AppointmentQuery, AvailabilityMutation, AvailabilityQuery},
    catalog::{CatalogMutation, CatalogQuery},
    db::{DbPool, RequestConn, RequestPool},
    error::AppResult,
    orders::{OrderMutation, OrderQuery},
    patients::{PatientMutation, PatientQuery},
    practitioners::{PractitionerMutation, PractitionerQuery},
    social_works::{SocialWorkMutation, SocialWorkQuery},
    users::{UserMutation, UserQuery},
};

/// Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
/// grow are Relay cursor connections.
#[derive(MergedObject, Default)]
pub struct Query(
    node::NodeQuery,
    UserQuery,
    SocialWorkQuery,
    PatientQuery,
    CatalogQuery,
    AuthorizationQuery,
    AuditQuery,
    AvailabilityQuery,
    AppointmentQuery,
    OrderQuery,
    PractitionerQuery,
);

/// Every write. Each takes one `input` and answers a payload with what changed, and
/// `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
/// token; each of the others names the role it needs.
#[derive(MergedObject, Default)]
pub struct Mutation(
    UserMutation,
    SocialWorkMutation,
    PatientMutation,
    CatalogMutation,
    AuthorizationMutation,
    AvailabilityMutation,
    AppointmentMutation,
    OrderMutation,
    PractitionerMutation,
);

pub type AppSchema = Schema<Query, Mutation, EmptySubscription>;

/// The schema with its limits, without state: enough to export the SDL.
pub fn schema_builder() -> SchemaBuilder<Query, Mutation, EmptySubscription> {
    configure(Schema::build(
        Query::default(),
        Mutation::default(),
        EmptySubscription,
    ))
}

/// The schema's own limits, for any root types (tests add their own). The rest of the policy
/// (pre-validation, panics, error codes) wraps execution in [`execute`]: with any schema
/// extension installed, async-graphql runs every field of every answer through the extension
/// chain, with its type names looked up and allocated (seen in perf profiles, #5).
pub fn configure<Q, M, S>(builder: SchemaBuilder<Q, M, S>) -> SchemaBuilder<Q, M, S> {
    builder
        .limit_complexity(limits::MAX_COMPLEXITY)
        .limit_directives(limits::MAX_DIRECTIVES)
        .disable_suggestions()
}

pub fn build_schema(state: AppState) -> AppSchema {
    schema_builder().data(state).finish()
}

/// The SDL as `schema.graphql` holds it: types, fields, arguments and enum values sorted.
pub fn sdl() -> String {
    schema_builder().finish().sdl_with_options(
        SDLExportOptions::new()
            .sorted_fields()
            .sorted_arguments()
            .sorted_enum_items()
            .include_specified_by(),
    )
}

/// Executes one request under the service's policy: [`limits::check`] first, then the
/// request's loaders, which cache rows only when every operation is a query; a panic becomes
/// that request's INTERNAL_SERVER_ERROR, every error leaves with a code
/// ([`error_policy::classify`]) and at most [`error_policy::MAX_ERRORS`] of them. A document parsed here
/// is kept in `documents` only when `cacheable` (an authenticated caller) and it passed
/// validation (no request-level error).
pub async fn execute<E: Executor>(
    executor: &E,
    documents: &Documents,
    types: &AbstractTypes,
    pool: &DbPool,
    read_pool: Option<&DbPool>,
    mut request: Request,
    cacheable: bool,
) -> Response {
    let parsed = match limits::check(&mut request, documents) {
        Ok(parsed) => parsed,
        Err(refusal) => return Response::from_errors(vec![refusal]),
    };
    // Boxed: this future is moved whole (into axum's boxed handler future), so what it holds
    // across the await below is copied on every request.
    let keep = (parsed.fresh && cacheable && Documents::would_keep(&request.query))
        .then(|| Box::new(request.query.clone()));
    let operation_name = request.operation_name.clone();
    // For `@skip`/`@include` in the ordering pass; a screen's variables are a few values.
    let variables = request.variables.clone();
    let only_queries = request.parsed_query().is_ok_and(|doc| {
        doc.operations
            .iter()
            .all(|(_, op)| op.node.ty == OperationType::Query)
    });
    // A mutation reads back what it wrote: only read-only requests may use the replica.
    let pool = RequestPool::with_replica(pool, read_pool.filter(|_| only_queries));
    let request = request.data(Arc::new(Loaders::new(&pool, only_queries)));
    let mut response = panics::catching(executor.execute(request)).await;
    if let Some(document) = parsed.document {
        ordering::reorder(
            &mut response.data,
            &document,
            operation_name.as_deref(),
            &variables,
            types,
        );
        if let Some(query) = keep
            && response.errors.iter().all(|error| !error.path.is_empty())
        {
            documents.keep(&query, document);
        }
    }
    for error in &mut response.errors {
        error_policy::classify(error);
    }
    error_policy::cap_errors(&mut response.errors);
    response
}

pub fn state<'a>(ctx: &'a Context<'_>) -> &'a AppState {
    ctx.data_unchecked::<AppState>()
}

pub fn loaders<'a>(ctx: &'a Context<'_>) -> &'a Arc<Loaders> {
    ctx.data_unchecked::<Arc<Loaders>>()
}

/// A connection for this request (one of at most `db::MAX_REQUEST_CONNECTIONS` at once).
pub async fn conn(ctx: &Context<'_>) -> AppResult<RequestConn> {
    Ok(loaders(ctx).pool().get().await?)
}

/// Where a list, a search or a summary reads: the streaming replica (DATABASE_READ_URL) in a
/// read-only request, else the primary. By-id lookups stay on the primary.
pub fn read_pool(ctx: &Context<'_>) -> RequestPool {
    loaders(ctx).pool().for_reads()
}

#[cfg(test)]
mod tests {
    use async_graphql::{EmptyMutation, Object};

    use super::*;

    struct Root;

    #[Object]
    impl Root {
        async fn a(&self) -> i32 {
            1
        }
    }

    #[tokio::test]
    async fn only_validated_documents_of_authenticated_callers_are_kept() {
        let schema = Schema::build(Root, EmptyMutation, EmptySubscription).finish();
        // Never connects: these documents run no SQL.
        let pool = crate::db::build_pool(
            "postgres://nowhere/none",
            1,
            "UTC",
            Default::default(),
            Default::default(),
        );
        let documents = Documents::default();
        let types = AbstractTypes::default();
        let run = |query: &str, cacheable: bool| {
            execute(
                &schema,
                &documents,
                &types,
                &pool,
                None,
                Request::new(query),
                cacheable,
            )
        };
        assert_eq!(run("{ a }", false).await.data.to_string(), "{a: 1}");
        assert!(documents.get("{ a }").is_none(), "anonymous: not kept");
        assert!(!run("{ unknown }", true).await.errors.is_empty());
        assert!(documents.get("{ unknown }").is_none(), "invalid: not kept");
        run("{ a }", true).await;
        assert!(
            documents.get("{ a }").is_some(),
            "valid and authenticated: kept"
        );
    }
}
