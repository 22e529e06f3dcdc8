//! GraphQL types and resolvers of EPS, specialties and sites.

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object};
use diesel_async::AsyncPgConnection;

use super::model::{
    self, Eps, EpsChanges, Filter, Location, LocationChanges, Specialty, SpecialtyChanges,
};
use crate::{
    auth::{Role, RoleGuard, require_role},
    authorizations::{self, Authorization},
    error::AppResult,
    graphql::{
        DeleteInput, DeletePayload, UserError, UserErrorCode, conn,
        connection::{self, Connection, PageRequest},
        ids::{decode_id, global_id},
        input::{required_text, search_term},
        payload,
        scalars::{Date, DateTime},
    },
    mutation_payload,
};

impl Eps {
    pub const TYPE: &'static str = "Eps";
}
impl Specialty {
    pub const TYPE: &'static str = "Specialty";
}
impl Location {
    pub const TYPE: &'static str = "Location";
}

/// A Colombian health insurer (Entidad Promotora de Salud).
#[Object]
impl Eps {
    /// Global ID (Relay): opaque, stable; use with `node(id:)`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people ("EPS 12"); arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// Display name ("FAMISANAR"), at most 100 characters; unique ignoring case, accents and
    /// repeated spaces.
    async fn name(&self) -> &str {
        &self.name
    }
    /// The insurer's own code (FAMISANAR: 2718): 1 to 20 letters, digits and dashes; unique
    /// ignoring case.
    async fn code(&self) -> &str {
        &self.code
    }
    /// Inactive: no authorization of this EPS is valid, and no new patient may name it.
    async fn active(&self) -> bool {
        self.active
    }
    /// Specialties this EPS may be seen for at the site on the day (default today): valid
    /// authorizations, by specialty name.
    async fn authorized_specialties(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The site (a `Location`'s global ID).")] location_id: ID,
        #[graphql(desc = "The day to judge validity on; default today (the clinic's date).")]
        on: Option<Date>,
    ) -> AppResult<Vec<Authorization>> {
        let location = decode_id(&location_id, Location::TYPE)?;
        Ok(authorizations::authorized(
            ctx,
            self.id,
            authorizations::Scope::AtLocation(location),
            on,
        )
        .await?)
    }
    /// Sites where this EPS may be seen for the specialty on the day (default today): valid
    /// authorizations, by site name.
    async fn authorized_locations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The specialty (a `Specialty`'s global ID).")] specialty_id: ID,
        #[graphql(desc = "The day to judge validity on; default today (the clinic's date).")]
        on: Option<Date>,
    ) -> AppResult<Vec<Authorization>> {
        let specialty = decode_id(&specialty_id, Specialty::TYPE)?;
        Ok(authorizations::authorized(
            ctx,
            self.id,
            authorizations::Scope::ForSpecialty(specialty),
            on,
        )
        .await?)
    }
    /// How many specialties this EPS has agreements for but none valid on the day (default
    /// today) at any site: coverage that lapsed, was suspended or lost its EPS, specialty or
    /// sites. Specialties never agreed are not counted.
    async fn specialties_without_valid_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The day to judge validity on; default today (the clinic's date).")]
        on: Option<Date>,
    ) -> AppResult<i32> {
        Ok(authorizations::lapsed_specialties(ctx, self.id, on).await?)
    }
    /// When the EPS was registered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.created_at)
    }
    /// When its name, code or active flag last changed.
    async fn updated_at(&self) -> DateTime {
        DateTime(self.updated_at)
    }
}

/// A medical specialty (Cardiología, Pediatría…).
#[Object]
impl Specialty {
    /// Global ID (Relay): opaque, stable; use with `node(id:)`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people ("especialidad 3"); arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// Display name ("Cardiología"), at most 100 characters; unique ignoring case, accents
    /// and repeated spaces.
    async fn name(&self) -> &str {
        &self.name
    }
    /// Offered by the clinic. Inactive: no authorization for it is valid (`SPECIALTY_INACTIVE`)
    /// at any site.
    async fn active(&self) -> bool {
        self.active
    }
    /// When the specialty was registered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.created_at)
    }
    /// When its name or active flag last changed.
    async fn updated_at(&self) -> DateTime {
        DateTime(self.updated_at)
    }
}

/// A site (sede) of the clinic.
#[Object]
impl Location {
    /// Global ID (Relay): opaque, stable; use with `node(id:)`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people ("sede 1"); arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// Display name ("Sede San Gil"), at most 100 characters; unique ignoring case, accents
    /// and repeated spaces.
    async fn name(&self) -> &str {
        &self.name
    }
    /// Postal address, at most 200 characters.
    async fn address(&self) -> &str {
        &self.address
    }
    /// Open for bookings. Inactive: no authorization at this site is valid
    /// (`LOCATION_INACTIVE`).
    async fn active(&self) -> bool {
        self.active
    }
    /// When the site was registered.
    async fn created_at(&self) -> DateTime {
        DateTime(self.created_at)
    }
    /// When its name, address or active flag last changed.
    async fn updated_at(&self) -> DateTime {
        DateTime(self.updated_at)
    }
}

/// Which EPS `epsList` lists; every condition given must hold.
#[derive(InputObject, Default)]
pub struct EpsFilter {
    /// Only active (true), or only inactive (false), EPS.
    pub active: Option<bool>,
    /// Name contains this, ignoring case and accents, taken literally (no wildcards). At most
    /// 100 characters.
    pub search: Option<String>,
}

/// Which specialties `specialties` lists; every condition given must hold.
#[derive(InputObject, Default)]
pub struct SpecialtyFilter {
    /// Only active (true), or only inactive (false), specialties.
    pub active: Option<bool>,
    /// Name contains this, ignoring case and accents, taken literally (no wildcards). At most
    /// 100 characters.
    pub search: Option<String>,
}

/// Which sites `locations` lists; every condition given must hold.
#[derive(InputObject, Default)]
pub struct LocationFilter {
    /// Only active (true), or only inactive (false), sites.
    pub active: Option<bool>,
    /// Name contains this, ignoring case and accents, taken literally (no wildcards). At most
    /// 100 characters.
    pub search: Option<String>,
}

/// The filter of a catalogue's connection, for any role.
async fn catalog_filter(
    ctx: &Context<'_>,
    active: Option<bool>,
    search: Option<String>,
) -> AppResult<Filter> {
    require_role(ctx, Role::Viewer)?;
    Ok(Filter {
        active,
        search: search_term(ctx, search).await?.map(|term| term.text),
    })
}

#[derive(Default)]
pub struct CatalogQuery;

#[Object]
impl CatalogQuery {
    /// EPS by name, then id.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn eps_list(
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
        #[graphql(desc = "Which EPS; all when omitted.")] filter: Option<EpsFilter>,
    ) -> AppResult<Connection<Eps>> {
        let EpsFilter { active, search } = filter.unwrap_or_default();
        let filter = model::eps::Listed(catalog_filter(ctx, active, search).await?);
        let page = PageRequest::new(first, after, last, before)?;
        connection::list(ctx, page, filter, Eps::sort_key).await
    }

    /// Specialties by name, then id.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn specialties(
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
        #[graphql(desc = "Which specialties; all when omitted.")] filter: Option<SpecialtyFilter>,
    ) -> AppResult<Connection<Specialty>> {
        let SpecialtyFilter { active, search } = filter.unwrap_or_default();
        let filter = model::specialties::Listed(catalog_filter(ctx, active, search).await?);
        let page = PageRequest::new(first, after, last, before)?;
        connection::list(ctx, page, filter, Specialty::sort_key).await
    }

    /// Sites by name, then id.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn locations(
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
        #[graphql(desc = "Which sites; all when omitted.")] filter: Option<LocationFilter>,
    ) -> AppResult<Connection<Location>> {
        let LocationFilter { active, search } = filter.unwrap_or_default();
        let filter = model::locations::Listed(catalog_filter(ctx, active, search).await?);
        let page = PageRequest::new(first, after, last, before)?;
        connection::list(ctx, page, filter, Location::sort_key).await
    }
}

/// A new EPS. Texts are trimmed.
#[derive(InputObject)]
pub struct CreateEpsInput {
    /// Required, at most 100 characters; unique ignoring case, accents and repeated spaces.
    pub name: String,
    /// The insurer's own code: 1 to 20 letters, digits and dashes; unique ignoring case.
    pub code: String,
    /// False registers it inactive: no authorization of it is valid, no new patient may
    /// name it.
    #[graphql(default = true)]
    pub active: bool,
}

/// `id` plus the fields to change; omitted fields stay as they are.
#[derive(InputObject)]
pub struct UpdateEpsInput {
    /// The EPS to change.
    pub id: ID,
    /// As in `createEps`; cannot be cleared (null is `REQUIRED`).
    pub name: MaybeUndefined<String>,
    /// As in `createEps`; cannot be cleared (null is `REQUIRED`).
    pub code: MaybeUndefined<String>,
    /// False deactivates it: its authorizations stop being valid (`EPS_INACTIVE`) and no new
    /// patient may name it; patients who have it keep it. Null leaves it.
    pub active: Option<bool>,
}

/// A new specialty. The name is trimmed.
#[derive(InputObject)]
pub struct CreateSpecialtyInput {
    /// Required, at most 100 characters; unique ignoring case, accents and repeated spaces.
    pub name: String,
    /// False registers it inactive: no authorization for it is valid.
    #[graphql(default = true)]
    pub active: bool,
}

/// `id` plus the fields to change; omitted fields stay as they are.
#[derive(InputObject)]
pub struct UpdateSpecialtyInput {
    /// The specialty to change.
    pub id: ID,
    /// As in `createSpecialty`; cannot be cleared (null is `REQUIRED`).
    pub name: MaybeUndefined<String>,
    /// False deactivates it: its authorizations stop being valid (`SPECIALTY_INACTIVE`).
    /// Null leaves it.
    pub active: Option<bool>,
}

/// A new site. Texts are trimmed.
#[derive(InputObject)]
pub struct CreateLocationInput {
    /// Required, at most 100 characters; unique ignoring case, accents and repeated spaces.
    pub name: String,
    /// Postal address; required, at most 200 characters.
    pub address: String,
    /// False registers it inactive: no authorization at it is valid.
    #[graphql(default = true)]
    pub active: bool,
}

/// `id` plus the fields to change; omitted fields stay as they are.
#[derive(InputObject)]
pub struct UpdateLocationInput {
    /// The site to change.
    pub id: ID,
    /// As in `createLocation`; cannot be cleared (null is `REQUIRED`).
    pub name: MaybeUndefined<String>,
    /// As in `createLocation`; cannot be cleared (null is `REQUIRED`).
    pub address: MaybeUndefined<String>,
    /// False deactivates it: authorizations at it stop being valid (`LOCATION_INACTIVE`).
    /// Null leaves it.
    pub active: Option<bool>,
}

mutation_payload!(EpsPayload, eps: Eps);
mutation_payload!(SpecialtyPayload, specialty: Specialty);
mutation_payload!(LocationPayload, location: Location);

fn not_found(what: &'static str) -> impl FnOnce() -> UserError {
    move || UserError::new("id", UserErrorCode::NotFound, format!("{what} no existe"))
}

fn deleted(
    result: diesel::QueryResult<bool>,
    id: ID,
    what: &'static str,
) -> AppResult<DeletePayload> {
    payload::deleted(result, id, not_found(what), |_| {
        format!(
            "{what} tiene autorizaciones o pacientes asociados y no puede eliminarse; desactívela"
        )
    })
}

/// A catalogue write on the request's connection, and its payload: the row, or every user
/// error of `changes` (`row_id`: the row an update changes).
async fn saved<R, P: From<Result<R, Vec<UserError>>>>(
    ctx: &Context<'_>,
    table: &str,
    row_id: Option<i32>,
    changes: &impl serde::Serialize,
    what: &'static str,
    write: impl AsyncFnOnce(&mut AsyncPgConnection) -> diesel::QueryResult<Option<R>>,
) -> AppResult<P> {
    let mut conn = conn(ctx).await?;
    let result = write(&mut conn).await;
    payload::written(&mut conn, result, table, row_id, changes, not_found(what)).await
}

#[derive(Default)]
pub struct CatalogMutation;

#[Object]
impl CatalogMutation {
    /// Registers an EPS. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn create_eps(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The EPS; every mistake comes back at once in `userErrors`.")]
        input: CreateEpsInput,
    ) -> AppResult<EpsPayload> {
        require_role(ctx, Role::Admin)?;
        let new = EpsChanges {
            name: Some(input.name.trim().to_owned()),
            code: Some(input.code.trim().to_owned()),
            active: Some(input.active),
            ..Default::default()
        };
        saved(ctx, "eps", None, &new, "La EPS", async |c| {
            model::eps::insert(c, &new).await.map(Some)
        })
        .await
    }

    /// Changes an EPS's name, code or active flag. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn update_eps(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "`id` and the fields to change; every mistake at once in `userErrors`.")]
        input: UpdateEpsInput,
    ) -> AppResult<EpsPayload> {
        require_role(ctx, Role::Admin)?;
        let id = decode_id(&input.id, Eps::TYPE)?;
        let changes = EpsChanges {
            name: required_text(input.name),
            code: required_text(input.code),
            active: input.active,
            ..Default::default()
        };
        saved(ctx, "eps", Some(id), &changes, "La EPS", async |c| {
            model::eps::update(c, id, &changes).await
        })
        .await
    }

    /// Deletes an EPS nothing references (else `IN_USE`: deactivate it instead). ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn delete_eps(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The EPS's global ID.")] input: DeleteInput,
    ) -> AppResult<DeletePayload> {
        require_role(ctx, Role::Admin)?;
        let id = decode_id(&input.id, Eps::TYPE)?;
        let result = model::eps::delete(&mut *conn(ctx).await?, id).await;
        Ok(deleted(result, input.id, "La EPS")?)
    }

    /// Registers a specialty. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn create_specialty(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The specialty; every mistake comes back at once in `userErrors`.")] input: CreateSpecialtyInput,
    ) -> AppResult<SpecialtyPayload> {
        require_role(ctx, Role::Admin)?;
        let new = SpecialtyChanges {
            name: Some(input.name.trim().to_owned()),
            active: Some(input.active),
            ..Default::default()
        };
        saved(
            ctx,
            "specialties",
            None,
            &new,
            "La especialidad",
            async |c| model::specialties::insert(c, &new).await.map(Some),
        )
        .await
    }

    /// Renames or (de)activates a specialty. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn update_specialty(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "`id` and the fields to change; every mistake at once in `userErrors`.")]
        input: UpdateSpecialtyInput,
    ) -> AppResult<SpecialtyPayload> {
        require_role(ctx, Role::Admin)?;
        let id = decode_id(&input.id, Specialty::TYPE)?;
        let changes = SpecialtyChanges {
            name: required_text(input.name),
            active: input.active,
            ..Default::default()
        };
        saved(
            ctx,
            "specialties",
            Some(id),
            &changes,
            "La especialidad",
            async |c| model::specialties::update(c, id, &changes).await,
        )
        .await
    }

    /// Deletes a specialty no authorization references (else `IN_USE`). ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn delete_specialty(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The specialty's global ID.")] input: DeleteInput,
    ) -> AppResult<DeletePayload> {
        require_role(ctx, Role::Admin)?;
        let id = decode_id(&input.id, Specialty::TYPE)?;
        let result = model::specialties::delete(&mut *conn(ctx).await?, id).await;
        Ok(deleted(result, input.id, "La especialidad")?)
    }

    /// Registers a site. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn create_location(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The site; every mistake comes back at once in `userErrors`.")]
        input: CreateLocationInput,
    ) -> AppResult<LocationPayload> {
        require_role(ctx, Role::Admin)?;
        let new = LocationChanges {
            name: Some(input.name.trim().to_owned()),
            address: Some(input.address.trim().to_owned()),
            active: Some(input.active),
            ..Default::default()
        };
        saved(ctx, "locations", None, &new, "La sede", async |c| {
            model::locations::insert(c, &new).await.map(Some)
        })
        .await
    }

    /// Changes a site's name, address or active flag. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn update_location(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "`id` and the fields to change; every mistake at once in `userErrors`.")]
        input: UpdateLocationInput,
    ) -> AppResult<LocationPayload> {
        require_role(ctx, Role::Admin)?;
        let id = decode_id(&input.id, Location::TYPE)?;
        let changes = LocationChanges {
            name: required_text(input.name),
            address: required_text(input.address),
            active: input.active,
            ..Default::default()
        };
        saved(ctx, "locations", Some(id), &changes, "La sede", async |c| {
            model::locations::update(c, id, &changes).await
        })
        .await
    }

    /// Deletes a site no authorization or order references (else `IN_USE`: deactivate it
    /// instead). ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn delete_location(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The site's global ID.")] input: DeleteInput,
    ) -> AppResult<DeletePayload> {
        require_role(ctx, Role::Admin)?;
        let id = decode_id(&input.id, Location::TYPE)?;
        let result = model::locations::delete(&mut *conn(ctx).await?, id).await;
        Ok(deleted(result, input.id, "La sede")?)
    }
}
