//! GraphQL types and resolvers of practitioners: the list staff search, and the forms that
//! register and correct them.

use async_graphql::{ComplexObject, Context, ID, InputObject, MaybeUndefined, Object};

use super::model::{self, Filter, NewPractitioner, Practitioner, PractitionerChanges};
use crate::{
    auth::{Role, RoleGuard, require_role},
    error::AppResult,
    graphql::{
        UserError, UserErrorCode, conn,
        connection::{self, Connection, PageRequest},
        ids::{decode_id, global_id},
        input::{nullable_text, optional_text, required_text, search_term},
        payload,
        scalars::DateTime,
    },
    mutation_payload,
    patients::DocumentType,
};

impl Practitioner {
    pub const TYPE: &'static str = "Practitioner";
}

#[ComplexObject]
impl Practitioner {
    /// Global ID (Relay): opaque, stable; use with `node(id:)`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people; arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// When it was registered (by staff or an import).
    async fn created_at(&self) -> DateTime {
        DateTime(self.created_at)
    }
    /// When it was last corrected.
    async fn updated_at(&self) -> DateTime {
        DateTime(self.updated_at)
    }
}

/// Which practitioners `practitioners` lists.
#[derive(InputObject, Default)]
pub struct PractitionerFilter {
    /// Name, a licence or the document number contains this: case, accents and separators
    /// aside, taken literally. At most 100 characters.
    pub search: Option<String>,
}

#[derive(Default)]
pub struct PractitionerQuery;

#[Object]
impl PractitionerQuery {
    /// Practitioners by name, then id.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn practitioners(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size from the start, 1 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "A cursor from this connection: the page after it.")] after: Option<
            String,
        >,
        #[graphql(desc = "Page size from the end, 1 to 100; not with `first`.")] last: Option<i32>,
        #[graphql(desc = "A cursor from this connection: the page before it.")] before: Option<
            String,
        >,
        #[graphql(desc = "Which practitioners; all when omitted.")] filter: Option<
            PractitionerFilter,
        >,
    ) -> AppResult<Connection<Practitioner>> {
        require_role(ctx, Role::Viewer)?;
        let page = PageRequest::new(first, after, last, before)?;
        let filter = Filter {
            search: search_term(ctx, filter.unwrap_or_default().search).await?,
        };
        connection::list(ctx, page, filter, Practitioner::sort_key).await
    }
}

/// A practitioner as SUAP knows one: a name, and any of a document and two licences, each
/// unique (the import finds practitioners by them).
#[derive(InputObject)]
pub struct CreatePractitionerInput {
    /// Required, at most 200 characters.
    pub full_name: String,
    /// Any type, as written ("DNI", "CUIT"…), at most 20 characters: stored upper-cased with
    /// spaces collapsed ("PAS" and "PASAPORTE" as "PASSPORT"); only dashes is none. Given
    /// together with `documentNumber`, or neither.
    pub document_type: Option<String>,
    /// As typed: dots, dashes, slashes and spaces are dropped.
    pub document_number: Option<String>,
    /// At most 40 characters; unique.
    pub provincial_license: Option<String>,
    /// At most 40 characters; unique.
    pub national_license: Option<String>,
}

/// `id` plus the fields to change; null clears an optional one.
#[derive(InputObject)]
pub struct UpdatePractitionerInput {
    /// The practitioner to correct.
    pub id: ID,
    /// At most 200 characters; cannot be cleared.
    pub full_name: MaybeUndefined<String>,
    /// As in `createPractitioner`; null clears the document (with `documentNumber`).
    pub document_type: MaybeUndefined<String>,
    /// As in `createPractitioner`; null clears the document (with `documentType`).
    pub document_number: MaybeUndefined<String>,
    /// At most 40 characters; unique.
    pub provincial_license: MaybeUndefined<String>,
    /// At most 40 characters; unique.
    pub national_license: MaybeUndefined<String>,
}

mutation_payload!(PractitionerPayload, practitioner: Practitioner);

const TABLE: &str = "practitioners";

fn not_found() -> UserError {
    UserError::new("id", UserErrorCode::NotFound, "El profesional no existe")
}

#[derive(Default)]
pub struct PractitionerMutation;

#[Object]
impl PractitionerMutation {
    /// Registers a practitioner. STAFF or ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn create_practitioner(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The practitioner; every mistake comes back at once in `userErrors`.")]
        input: CreatePractitionerInput,
    ) -> AppResult<PractitionerPayload> {
        require_role(ctx, Role::Staff)?;
        let new = NewPractitioner {
            full_name: input.full_name.trim().to_owned(),
            document_type: input
                .document_type
                .as_deref()
                .and_then(DocumentType::normalise_name),
            document_number: optional_text(input.document_number),
            provincial_license: optional_text(input.provincial_license),
            national_license: optional_text(input.national_license),
        };
        let mut conn = conn(ctx).await?;
        let result = model::insert(&mut conn, &new).await.map(Some);
        payload::written(&mut conn, result, TABLE, None, &new, not_found).await
    }

    /// Corrects a practitioner's name, document or licences. STAFF or ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn update_practitioner(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "`id` and the fields to change; every mistake at once in `userErrors`.")]
        input: UpdatePractitionerInput,
    ) -> AppResult<PractitionerPayload> {
        require_role(ctx, Role::Staff)?;
        let id = decode_id(&input.id, Practitioner::TYPE)?;
        let changes = PractitionerChanges {
            full_name: required_text(input.full_name),
            document_type: match input.document_type {
                MaybeUndefined::Undefined => None,
                MaybeUndefined::Null => Some(None),
                MaybeUndefined::Value(kind) => Some(DocumentType::normalise_name(&kind)),
            },
            document_number: nullable_text(input.document_number),
            provincial_license: nullable_text(input.provincial_license),
            national_license: nullable_text(input.national_license),
        };
        let mut conn = conn(ctx).await?;
        let result = model::update(&mut conn, id, &changes).await;
        payload::written(&mut conn, result, TABLE, Some(id), &changes, not_found).await
    }
}
