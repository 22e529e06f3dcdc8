//! GraphQL types and resolvers of social works.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object};

use super::model::{self, Filter, NewSocialWork, SocialWork, SocialWorkChanges, SocialWorkState};
use crate::{
    auth::{Role, RoleGuard, require_role},
    db::constraints,
    error::AppResult,
    graphql::input::search_term,
    graphql::{
        DeleteInput, DeletePayload, UserError, UserErrorCode, conn,
        connection::{self, Connection, PageRequest},
        ids::{decode_id, global_id},
        input::{nullable, nullable_text, optional_text, required_text},
        loaders, payload,
        scalars::{DateTime, Decimal},
    },
    patients::{self, Patient},
};

impl SocialWork {
    pub const TYPE: &'static str = "SocialWork";
}

/// A health insurer (obra social).
#[Object]
impl SocialWork {
    /// Global ID (Relay): opaque, stable; use with `node(id:)`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people ("obra social 12"); arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// Display name ("OSDE"), at most 100 characters; unique ignoring case, accents and
    /// repeated spaces. For one registered by a SUAP import, SUAP's short name.
    async fn name(&self) -> &str {
        &self.name
    }
    /// Whether the clinic accepts it: new patients need an ACTIVE one.
    async fn state(&self) -> SocialWorkState {
        self.state
    }
    /// Null only while `contactPending` (registered by a SUAP import, which sends none).
    async fn address(&self) -> Option<&str> {
        Some(self.address.as_str()).filter(|a| !a.is_empty())
    }
    /// Null only while `contactPending`.
    async fn phone(&self) -> Option<&str> {
        Some(self.phone.as_str()).filter(|p| !p.is_empty())
    }
    /// Null only while `contactPending`.
    async fn webpage(&self) -> Option<&str> {
        Some(self.webpage.as_str()).filter(|w| !w.is_empty())
    }
    /// The SUAP convenio token ("OS" and 1 to 9 digits, e.g. "OS5"), unique; how SUAP orders
    /// name it. Null for one SUAP has not named.
    async fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }
    /// True for a social work first registered by a SUAP import: SUAP sends no address,
    /// phone or webpage, so they are empty until an administrator sets all three.
    async fn contact_pending(&self) -> bool {
        self.contact_pending
    }
    /// SUAP ValorUnidadBioquimica: the current value of the biochemical unit, in pesos (0 or
    /// more); an imported order that carries one brings it up to date. Null when unknown.
    async fn biochemical_unit_value(&self) -> Option<Decimal> {
        self.biochemical_unit_value.clone().map(Decimal)
    }
    /// Its affiliated patients, by last name, first name, id.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn patients(
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
    ) -> AppResult<Connection<Patient>> {
        let page = PageRequest::new(first, after, last, before)?;
        Ok(patients::page_of_social_work(ctx, self.id, page).await?)
    }
    /// How many patients are affiliated.
    async fn patient_count(&self, ctx: &Context<'_>) -> AppResult<i32> {
        Ok(loaders(ctx)
            .patient_counts
            .load_one(self.id)
            .await?
            .unwrap_or(0))
    }
    /// When it was registered (by an administrator or a SUAP import).
    async fn created_at(&self) -> DateTime {
        DateTime(self.created_at)
    }
    /// When any of its fields last changed; a write that changes nothing leaves it.
    async fn updated_at(&self) -> DateTime {
        DateTime(self.updated_at)
    }
}

/// Which social works `socialWorks` lists; every condition given must hold.
#[derive(InputObject, Default)]
pub struct SocialWorkFilter {
    /// Only active, or only inactive, social works.
    pub state: Option<SocialWorkState>,
    /// Name contains this, ignoring case and accents, taken literally (no wildcards). At most
    /// 100 characters.
    pub search: Option<String>,
    /// Only those still waiting for their contact data (or only complete ones).
    pub contact_pending: Option<bool>,
}

#[derive(Default)]
pub struct SocialWorkQuery;

#[Object]
impl SocialWorkQuery {
    /// Social works by name, then id.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn social_works(
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
        #[graphql(desc = "Which social works; all when omitted.")] filter: Option<SocialWorkFilter>,
    ) -> AppResult<Connection<SocialWork>> {
        require_role(ctx, Role::Viewer)?;
        let page = PageRequest::new(first, after, last, before)?;
        let filter = filter.unwrap_or_default();
        let filter = Filter {
            state: filter.state,
            contact_pending: filter.contact_pending,
            search: search_term(ctx, filter.search).await?.map(|term| term.text),
        };
        connection::list(ctx, page, filter, SocialWork::sort_key).await
    }
}

/// A new social work, registered ACTIVE with its contact data complete.
#[derive(InputObject)]
pub struct CreateSocialWorkInput {
    /// Required, at most 100 characters (surrounding spaces are dropped); unique ignoring
    /// case, accents and repeated spaces.
    pub name: String,
    /// Postal address; required, at most 200 characters.
    pub address: String,
    /// 10 to 20 characters: digits, spaces, `-` and `+`.
    pub phone: String,
    /// An http(s) URL, at most 200 characters; typed without a scheme
    /// ("www.osde.com.ar"), it is stored as `https://…`.
    pub webpage: String,
    /// SUAP convenio token, "OS" and 1 to 9 digits (e.g. "OS5"); unique. Blank is none.
    pub code: Option<String>,
    /// SUAP ValorUnidadBioquimica, in pesos: 0 or more, at most 4 decimals.
    pub biochemical_unit_value: Option<Decimal>,
}

/// `id` plus the fields to change; omitted fields stay as they are.
#[derive(InputObject)]
pub struct UpdateSocialWorkInput {
    /// The social work to change.
    pub id: ID,
    /// As in `createSocialWork`; cannot be cleared (null is `REQUIRED`).
    pub name: MaybeUndefined<String>,
    /// ACTIVE or INACTIVE (patients already affiliated keep an inactive one); null leaves
    /// it.
    pub state: Option<SocialWorkState>,
    /// As in `createSocialWork`; cannot be cleared. On a `contactPending` social work, give
    /// `address`, `phone` and `webpage` together.
    pub address: MaybeUndefined<String>,
    /// As in `createSocialWork`; cannot be cleared. On a `contactPending` social work, give
    /// `address`, `phone` and `webpage` together.
    pub phone: MaybeUndefined<String>,
    /// As in `createSocialWork`; cannot be cleared. On a `contactPending` social work, give
    /// `address`, `phone` and `webpage` together.
    pub webpage: MaybeUndefined<String>,
    /// As in `createSocialWork`; null or blank clears it (a social work registered by a SUAP
    /// import must keep one while `contactPending`).
    pub code: MaybeUndefined<String>,
    /// As in `createSocialWork`; null clears it.
    pub biochemical_unit_value: MaybeUndefined<Decimal>,
}

crate::mutation_payload!(SocialWorkPayload, social_work: SocialWork);

#[derive(Default)]
pub struct SocialWorkMutation;

#[Object]
impl SocialWorkMutation {
    /// Registers a social work, active from the start. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn create_social_work(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The social work; every mistake comes back at once in `userErrors`.")]
        input: CreateSocialWorkInput,
    ) -> AppResult<SocialWorkPayload> {
        require_role(ctx, Role::Admin)?;
        let new = NewSocialWork {
            name: input.name.trim().to_owned(),
            address: input.address.trim().to_owned(),
            phone: input.phone.trim().to_owned(),
            webpage: with_scheme(input.webpage.trim().to_owned()),
            code: optional_text(input.code),
            biochemical_unit_value: input.biochemical_unit_value.map(|d| d.0),
        };
        let mut conn = conn(ctx).await?;
        let result = model::insert(&mut conn, &new).await.map(Some);
        payload(&mut conn, result, None, &new, &new.name, REGISTERED).await
    }

    /// Changes any field, state included; the name stays unique. Setting any of address, phone
    /// or webpage of a `contactPending` social work requires all three. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn update_social_work(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "`id` and the fields to change; every mistake at once in `userErrors`.")]
        input: UpdateSocialWorkInput,
    ) -> AppResult<SocialWorkPayload> {
        require_role(ctx, Role::Admin)?;
        let id = decode_id(&input.id, SocialWork::TYPE)?;
        let (address, phone, webpage) = (
            required_text(input.address),
            required_text(input.phone),
            required_text(input.webpage).map(with_scheme),
        );
        // Completing the contact data ends "pending"; the database then requires all three.
        let contact_given = address.is_some() || phone.is_some() || webpage.is_some();
        let changes = SocialWorkChanges {
            name: required_text(input.name),
            state: input.state,
            address,
            phone,
            webpage,
            contact_pending: contact_given.then_some(false),
            code: nullable_text(input.code),
            biochemical_unit_value: nullable(input.biochemical_unit_value.map_value(|d| d.0)),
        };
        let name = changes.name.clone().unwrap_or_default();
        let mut conn = conn(ctx).await?;
        let result = model::update(&mut conn, id, &changes).await;
        payload(&mut conn, result, Some(id), &changes, &name, IN_USE).await
    }

    /// Deletes a social work no patient or order references (else `IN_USE`: deactivate it
    /// instead). ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn delete_social_work(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The social work's global ID.")] input: DeleteInput,
    ) -> AppResult<DeletePayload> {
        require_role(ctx, Role::Admin)?;
        let id = decode_id(&input.id, SocialWork::TYPE)?;
        let result = model::delete(&mut *conn(ctx).await?, id).await;
        payload::deleted(result, input.id, not_found, |err| {
            let by_orders = constraints::violated(err)
                .is_some_and(|(name, _)| name == "orders_social_work_id_fkey");
            if by_orders {
                "La obra social tiene órdenes asociadas y no puede eliminarse; desactívela"
            } else {
                "La obra social tiene pacientes asociados y no puede eliminarse; desactívela"
            }
            .to_owned()
        })
    }
}

/// How a taken name is reported after it: `"OSDE" ya está registrado`.
const REGISTERED: &str = "ya está registrado";
const IN_USE: &str = "ya está en uso";

fn not_found() -> UserError {
    UserError::new("id", UserErrorCode::NotFound, "La obra social no existe")
}

/// A webpage typed without a scheme ("www.medicus.com.ar") is an `https://` one; whether the
/// result is a valid URL (and any other scheme) stays the database's check.
fn with_scheme(webpage: String) -> String {
    if webpage.is_empty() || webpage.contains("://") {
        webpage
    } else {
        format!("https://{webpage}")
    }
}

/// The payload for a write's result ([`payload::written`]), a taken name reported with the
/// name itself (`"OSDE" ya está registrado`).
async fn payload(
    conn: &mut diesel_async::AsyncPgConnection,
    result: diesel::QueryResult<Option<SocialWork>>,
    row: Option<i32>,
    candidate: &impl serde::Serialize,
    name: &str,
    taken: &str,
) -> AppResult<SocialWorkPayload> {
    let mut written: SocialWorkPayload =
        payload::written(conn, result, "social_works", row, candidate, not_found).await?;
    for error in &mut written.user_errors {
        if error.code == UserErrorCode::Taken
            && error.field.as_deref() == Some(&["name".to_owned()])
        {
            error.message = format!("\"{name}\" {taken}");
        }
    }
    Ok(written)
}
