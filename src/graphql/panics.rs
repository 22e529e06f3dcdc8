//! A panic while serving one request becomes that request's INTERNAL_SERVER_ERROR.
//!
//! Without this, a panicking resolver unwinds through hyper's connection task: the client sees
//! the connection drop, with no answer and no code. Other requests never notice either way
//! (each runs in its own task); this makes the failing one answer properly and logs it.

use std::{future::Future, panic::AssertUnwindSafe};

use async_graphql::Response;
use futures_util::FutureExt;

use crate::error::AppError;

/// Runs one request's execution; a panic inside it becomes its INTERNAL_SERVER_ERROR answer.
pub async fn catching(execution: impl Future<Output = Response>) -> Response {
    // Unwind safety: nothing the request borrows outlives it except the pool and loaders,
    // whose state a panic cannot leave half-updated (a connection mid-transaction is
    // rolled back when dropped).
    match AssertUnwindSafe(execution).catch_unwind().await {
        Ok(response) => response,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let error = AppError::internal(format_args!("panic while resolving: {what}"));
            let error: async_graphql::Error = error.into();
            Response::from_errors(vec![error.into_server_error(Default::default())])
        }
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::{EmptyMutation, EmptySubscription, Object, Schema};

    use super::*;

    struct Query;

    #[Object]
    #[allow(unreachable_code, clippy::diverging_sub_expression)]
    impl Query {
        async fn boom(&self) -> i32 {
            panic!("secret detail")
        }
        async fn fine(&self) -> i32 {
            1
        }
    }

    #[tokio::test]
    async fn a_panicking_resolver_answers_internal_server_error_and_hides_the_detail() {
        let schema = Schema::build(Query, EmptyMutation, EmptySubscription).finish();
        let response = catching(schema.execute("{ fine boom }")).await;
        let json = serde_json::to_value(&response).unwrap();
        assert_eq!(
            json["errors"][0]["extensions"]["code"],
            "INTERNAL_SERVER_ERROR"
        );
        assert_eq!(json["errors"][0]["message"], "Error interno del servidor");
        assert!(!json.to_string().contains("secret"));
        let after = schema.execute("{ fine }").await;
        assert!(after.errors.is_empty());
    }
}
