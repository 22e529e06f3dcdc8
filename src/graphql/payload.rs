//! Mutation payloads: one way from a write's outcome to its payload.

/// Declares a mutation payload `$payload { $field, userErrors }` and builds it from a write's
/// outcome: the changed row, or the user error that explains why nothing was written.
#[macro_export]
macro_rules! mutation_payload {
    ($payload:ident, $field:ident: $ty:ty) => {
        #[derive(async_graphql::SimpleObject)]
        pub struct $payload {
            /// The changed object; null when nothing was written.
            pub $field: Option<$ty>,
            pub user_errors: Vec<$crate::error::UserError>,
        }

        impl From<Result<$ty, Vec<$crate::error::UserError>>> for $payload {
            fn from(outcome: Result<$ty, Vec<$crate::error::UserError>>) -> Self {
                match outcome {
                    Ok(row) => Self {
                        $field: Some(row),
                        user_errors: vec![],
                    },
                    Err(errors) => Self {
                        $field: None,
                        user_errors: errors,
                    },
                }
            }
        }

        impl From<Result<$ty, $crate::error::UserError>> for $payload {
            fn from(outcome: Result<$ty, $crate::error::UserError>) -> Self {
                outcome.map_err(|error| vec![error]).into()
            }
        }
    };
}
