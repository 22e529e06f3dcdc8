//! GraphQL types and resolvers of authorizations: the matrix, the booking screen's check,
//! the batch creation and the audit trail.

use std::sync::Arc;

use async_graphql::{
    ComplexObject, Context, Enum, ID, InputObject, MaybeUndefined, Object, SimpleObject,
};
use chrono::NaiveDate;
use diesel_async::{AsyncConnection, AsyncPgConnection};

use super::{
    audit::AuditEntry,
    model::{self, Authorization, AuthorizationChanges, Filter, NewAuthorization, Scope},
};
use crate::{
    auth::{Role, RoleGuard, require_role},
    catalog::{Eps, Location, Specialty},
    db::constraints,
    error::{AppError, AppResult},
    graphql::{
        DeleteInput, DeletePayload, UserError, UserErrorCode, conn,
        connection::{self, Connection, PageRequest, TotalCount},
        ids::{decode_id, decode_optional_id, global_id},
        input::{nullable, nullable_text, optional_text},
        loaders, payload, read_pool,
        scalars::{Date, DateTime, Decimal},
    },
    mutation_payload,
    users::{self, User},
};

/// The table whose CHECKs name the user errors of a write.
const TABLE: &str = "authorizations";

/// Most items one `createAuthorizations` call may carry.
pub const MAX_BATCH: usize = 250;

impl Authorization {
    pub const TYPE: &'static str = "Authorization";
}

/// May an EPS be seen for a specialty at a site, and on what terms.
#[Object]
impl Authorization {
    /// Global ID (Relay): opaque, stable; use with `node(id:)`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people ("autorización 7"); arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// The EPS the agreement is with.
    async fn eps(&self, ctx: &Context<'_>) -> AppResult<Arc<Eps>> {
        loaders(ctx)
            .eps
            .referenced(self.eps_id, "authorization", self.id)
            .await
    }
    /// The specialty it covers.
    async fn specialty(&self, ctx: &Context<'_>) -> AppResult<Arc<Specialty>> {
        loaders(ctx)
            .specialties
            .referenced(self.specialty_id, "authorization", self.id)
            .await
    }
    /// The site where it applies.
    async fn location(&self, ctx: &Context<'_>) -> AppResult<Arc<Location>> {
        loaders(ctx)
            .locations
            .referenced(self.location_id, "authorization", self.id)
            .await
    }
    /// False: suspended (`SUSPENDED`), whatever its dates.
    async fn authorized(&self) -> bool {
        self.authorized
    }
    /// First valid day; null: since always.
    async fn authorization_date(&self) -> Option<Date> {
        self.authorization_date.map(Date)
    }
    /// Last valid day; null: no end.
    async fn expiration_date(&self) -> Option<Date> {
        self.expiration_date.map(Date)
    }
    /// Monthly quota of appointments; null: no quota (0 is a quota of zero).
    async fn max_monthly_appointments(&self) -> Option<i32> {
        self.max_monthly_appointments
    }
    /// Copay, 0 to 100 with two decimals; null: not agreed (0 is no copay).
    async fn copay_percentage(&self) -> Option<Decimal> {
        self.copay_percentage.clone().map(Decimal)
    }
    /// The EPS must authorize each appointment beforehand. Recorded for staff: validity and
    /// `authorizationCheck` do not weigh it.
    async fn requires_prior_authorization(&self) -> bool {
        self.requires_prior_authorization
    }
    /// Free text for staff ("Convenio renovado"), at most 2000 characters; null when none.
    async fn notes(&self) -> Option<&str> {
        self.notes.as_deref()
    }
    /// Valid today (the clinic's date): authorized, within its dates, and its EPS, specialty
    /// and site active.
    async fn is_currently_valid(&self) -> bool {
        self.denial_today.is_none()
    }
    /// The user who created it through the API; null when it was created otherwise (demo
    /// data, SQL by hand) or that user no longer exists.
    async fn created_by(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<User>>> {
        Ok(match self.created_by {
            Some(id) => loaders(ctx).users.load_one(id).await?,
            None => None,
        })
    }
    /// When it was created.
    async fn created_at(&self) -> DateTime {
        DateTime(self.created_at)
    }
    /// When its terms last changed (`auditTrail` says which, and who changed them).
    async fn updated_at(&self) -> DateTime {
        DateTime(self.updated_at)
    }
    /// Every change, newest first (`authorizationAudit` reads it after a deletion too).
    async fn audit_trail(&self, ctx: &Context<'_>) -> AppResult<Vec<AuditEntry>> {
        let rows = loaders(ctx)
            .audit
            .load_one(self.id)
            .await?
            .unwrap_or_default();
        Ok(rows.into_iter().map(AuditEntry).collect())
    }
}

/// Why an EPS may not be seen for a specialty at a site on a day. When several apply, the
/// first in this order: NO_AGREEMENT, EPS_INACTIVE, SPECIALTY_INACTIVE, LOCATION_INACTIVE,
/// SUSPENDED, NOT_YET_VALID, EXPIRED.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthorizationDenialReason {
    /// No agreement for this EPS, specialty and site.
    NoAgreement,
    /// The agreement exists but is suspended (`authorized: false`).
    Suspended,
    /// The day is before its authorization date.
    NotYetValid,
    /// The day is after its expiration date.
    Expired,
    /// The EPS is inactive.
    EpsInactive,
    /// The specialty is inactive: not offered at any site.
    SpecialtyInactive,
    /// The site is inactive: nothing is booked there.
    LocationInactive,
}

impl AuthorizationDenialReason {
    /// The reasons `authorization_denial` (SQL) gives.
    fn from_sql(reason: &str) -> AppResult<Self> {
        match reason {
            "SUSPENDED" => Ok(Self::Suspended),
            "NOT_YET_VALID" => Ok(Self::NotYetValid),
            "EXPIRED" => Ok(Self::Expired),
            "EPS_INACTIVE" => Ok(Self::EpsInactive),
            "SPECIALTY_INACTIVE" => Ok(Self::SpecialtyInactive),
            "LOCATION_INACTIVE" => Ok(Self::LocationInactive),
            other => Err(AppError::internal(format_args!(
                "unknown denial reason {other}"
            ))),
        }
    }
}

/// The answer of `authorizationCheck`: whether the EPS may be seen, and if not, why.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct AuthorizationCheck {
    /// True when an agreement exists and is valid on the day (then `reason` is null).
    pub authorized: bool,
    /// Why not; null when authorized.
    pub reason: Option<AuthorizationDenialReason>,
    /// The agreement, when there is one (valid or not).
    pub authorization: Option<Authorization>,
    /// The day asked about; None for today.
    #[graphql(skip)]
    pub on: Option<NaiveDate>,
}

#[ComplexObject]
impl AuthorizationCheck {
    /// Appointments the agreement's monthly quota still allows in the month of the day
    /// asked about (booked and attended ones count); null when there is no agreement or its
    /// quota is unlimited. 0 when used up (or when the quota is 0).
    async fn remaining_quota(&self, ctx: &Context<'_>) -> AppResult<Option<i32>> {
        let Some(agreement) = &self.authorization else {
            return Ok(None);
        };
        if agreement.max_monthly_appointments.is_none() {
            return Ok(None);
        }
        Ok(model::quota_left(&mut *conn(ctx).await?, agreement.id, self.on).await?)
    }
}

/// Which authorizations `authorizations` lists; every condition given must hold.
#[derive(InputObject, Default)]
pub struct AuthorizationFilter {
    /// Only agreements with this EPS.
    pub eps_id: Option<ID>,
    /// Only agreements for this specialty.
    pub specialty_id: Option<ID>,
    /// Only agreements at this site.
    pub location_id: Option<ID>,
    /// Only agreements in force (true) or suspended (false), whatever their dates.
    pub authorized: Option<bool>,
    /// Valid today (true) or not (false).
    pub currently_valid: Option<bool>,
    /// Valid on this day.
    pub valid_on: Option<Date>,
    /// Valid today and expiring on or before this day: the expiry worklist (order it by
    /// `EXPIRATION_DATE` for soonest first).
    pub expiring_by: Option<Date>,
}

/// The valid authorizations of one EPS in a scope, batched across the EPS of a request.
pub async fn authorized(
    ctx: &Context<'_>,
    eps_id: i32,
    scope: Scope,
    on: Option<Date>,
) -> AppResult<Vec<Authorization>> {
    require_role(ctx, Role::Viewer)?;
    Ok(loaders(ctx)
        .authorized
        .load_one((eps_id, scope, on.map(|d| d.0)))
        .await?
        .unwrap_or_default())
}

/// How many specialties of an EPS have agreements but none valid on `on` (default today),
/// batched across the EPS of a request.
pub async fn lapsed_specialties(
    ctx: &Context<'_>,
    eps_id: i32,
    on: Option<Date>,
) -> AppResult<i32> {
    require_role(ctx, Role::Viewer)?;
    let count = loaders(ctx)
        .lapsed
        .load_one((eps_id, on.map(|d| d.0)))
        .await?
        .unwrap_or(0);
    Ok(i32::try_from(count).unwrap_or(i32::MAX))
}

/// What `authorizations` is ordered by.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuthorizationOrderField {
    /// Creation order.
    #[default]
    Id,
    /// Expiration date, then id; agreements without one sort as the latest (last ascending,
    /// first descending).
    ExpirationDate,
}

/// Which way a list runs (the sort direction, not a SUAP order).
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OrderDirection {
    /// Smallest (soonest, oldest) first.
    #[default]
    Asc,
    /// Largest (latest, newest) first.
    Desc,
}

/// How `authorizations` is ordered; ties are broken by id, in the same direction.
#[derive(InputObject, Default)]
pub struct AuthorizationOrder {
    /// What to order by.
    pub field: AuthorizationOrderField,
    /// Default ASC.
    #[graphql(default)]
    pub direction: OrderDirection,
}

#[derive(Default)]
pub struct AuthorizationQuery;

#[Object]
impl AuthorizationQuery {
    /// Authorizations, by id unless `orderBy` says otherwise.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    #[allow(clippy::too_many_arguments)] // the connection's four, plus filter and order
    async fn authorizations(
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
        #[graphql(desc = "Which authorizations; all when omitted.")] filter: Option<
            AuthorizationFilter,
        >,
        #[graphql(desc = "Default: by id, ascending. A cursor belongs to the order it came from.")]
        order_by: Option<AuthorizationOrder>,
    ) -> AppResult<Connection<Authorization>> {
        require_role(ctx, Role::Viewer)?;
        let f = filter.unwrap_or_default();
        let id = |id: &Option<ID>, ty| decode_optional_id(id.as_ref(), ty);
        let filter = Filter {
            eps_id: id(&f.eps_id, Eps::TYPE)?,
            specialty_id: id(&f.specialty_id, Specialty::TYPE)?,
            location_id: id(&f.location_id, Location::TYPE)?,
            authorized: f.authorized,
            currently_valid: f.currently_valid,
            valid_on: f.valid_on.map(|d| d.0),
            expiring_by: f.expiring_by.map(|d| d.0),
        };
        let order = order_by.unwrap_or_default();
        let descending = order.direction == OrderDirection::Desc;
        let pool = read_pool(ctx);
        let total = TotalCount::of(&pool, filter.clone());
        // Each order has its own cursor key. The connection is given back before the loaders
        // below take theirs (a request holds at most two).
        let mut held = pool.get().await?;
        let c = &mut *held;
        let connection = match order.field {
            AuthorizationOrderField::Id => {
                let page = PageRequest::<i32>::new(first, after, last, before)?;
                let rows = model::page(c, &filter, &page, descending).await?;
                page.into_connection(rows, |a| a.id, total)
            }
            AuthorizationOrderField::ExpirationDate => {
                let page = PageRequest::new(first, after, last, before)?;
                let rows = model::page_by_expiration(c, &filter, &page, descending).await?;
                page.into_connection(rows, Authorization::expiration_key, total)
            }
        };
        drop(held);
        // What the nodes select of their EPS, specialty and site: one statement each, now.
        let l = loaders(ctx);
        let rows = || connection.edges.iter().map(|edge| &edge.node);
        futures_util::try_join!(
            l.prime_selected(ctx, "eps", &l.eps, rows().map(|a| a.eps_id)),
            l.prime_selected(
                ctx,
                "specialty",
                &l.specialties,
                rows().map(|a| a.specialty_id)
            ),
            l.prime_selected(ctx, "location", &l.locations, rows().map(|a| a.location_id)),
        )?;
        Ok(connection)
    }

    /// May this EPS be seen for this specialty at this site on this day (default: today)?
    async fn authorization_check(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The EPS (an `Eps`'s global ID).")] eps_id: ID,
        #[graphql(desc = "The specialty (a `Specialty`'s global ID).")] specialty_id: ID,
        #[graphql(desc = "The site (a `Location`'s global ID).")] location_id: ID,
        #[graphql(desc = "The day of the appointment; default today (the clinic's date).")]
        on: Option<Date>,
    ) -> AppResult<AuthorizationCheck> {
        require_role(ctx, Role::Viewer)?;
        let eps = decode_id(&eps_id, Eps::TYPE)?;
        let specialty = decode_id(&specialty_id, Specialty::TYPE)?;
        let location = decode_id(&location_id, Location::TYPE)?;
        let found = model::check(
            &mut *conn(ctx).await?,
            eps,
            specialty,
            location,
            on.map(|d| d.0),
        )
        .await?;
        Ok(match found {
            None => AuthorizationCheck {
                authorized: false,
                reason: Some(AuthorizationDenialReason::NoAgreement),
                authorization: None,
                on: on.map(|d| d.0),
            },
            Some((authorization, denial)) => AuthorizationCheck {
                authorized: denial.is_none(),
                reason: denial
                    .as_deref()
                    .map(AuthorizationDenialReason::from_sql)
                    .transpose()?,
                authorization: Some(authorization),
                on: on.map(|d| d.0),
            },
        })
    }
}

/// An agreement: this EPS may be seen for this specialty at this site, on these terms. One
/// per EPS, specialty and site (`TAKEN`).
#[derive(InputObject, Clone)]
pub struct CreateAuthorizationInput {
    /// An existing EPS (active or not).
    pub eps_id: ID,
    /// An existing specialty (active or not).
    pub specialty_id: ID,
    /// An existing site (active or not).
    pub location_id: ID,
    /// False records the agreement suspended.
    #[graphql(default = true)]
    pub authorized: bool,
    /// First valid day; null: valid since always.
    pub authorization_date: Option<Date>,
    /// Last valid day, not before `authorizationDate`; null: no end.
    pub expiration_date: Option<Date>,
    /// 0 or more; null for no quota.
    pub max_monthly_appointments: Option<i32>,
    /// 0 to 100, at most two decimals; null when not agreed.
    pub copay_percentage: Option<Decimal>,
    /// The EPS must authorize each appointment beforehand (recorded for staff).
    #[graphql(default = false)]
    pub requires_prior_authorization: bool,
    /// Free text for staff, at most 2000 characters; blank is none.
    pub notes: Option<String>,
}

/// `id` plus the terms to change; the EPS, specialty and site cannot change.
#[derive(InputObject)]
pub struct UpdateAuthorizationInput {
    /// The authorization to change.
    pub id: ID,
    /// False suspends it, true reinstates it; null leaves it.
    pub authorized: Option<bool>,
    /// First valid day; null clears it (valid since always).
    pub authorization_date: MaybeUndefined<Date>,
    /// Last valid day, not before `authorizationDate`; null clears it (no end).
    pub expiration_date: MaybeUndefined<Date>,
    /// 0 or more; null clears it (no quota).
    pub max_monthly_appointments: MaybeUndefined<i32>,
    /// 0 to 100, at most two decimals; null clears it (not agreed).
    pub copay_percentage: MaybeUndefined<Decimal>,
    /// As in `createAuthorization`; null leaves it.
    pub requires_prior_authorization: Option<bool>,
    /// At most 2000 characters; null or blank clears them.
    pub notes: MaybeUndefined<String>,
}

/// Agreements to create together, and whether a mistake in one stops them all.
#[derive(InputObject)]
pub struct CreateAuthorizationsInput {
    /// 1 to 250 authorizations.
    pub items: Vec<CreateAuthorizationInput>,
    /// True: all items are written or none. False: every valid item is written.
    #[graphql(default = true)]
    pub atomic: bool,
}

/// What became of one item of `createAuthorizations`.
#[derive(SimpleObject)]
pub struct BatchItemResult {
    /// Position of the item in `items`.
    pub index: i32,
    /// The created authorization; null if this item, or (when atomic) any item, failed.
    pub authorization: Option<Authorization>,
    /// This item's mistakes, at its fields (`["epsId"]`…); empty when the item was valid,
    /// even if an atomic batch was not written for another item's.
    pub user_errors: Vec<UserError>,
}

/// The outcome of `createAuthorizations`: counts, and each item's result.
#[derive(SimpleObject)]
pub struct CreateAuthorizationsPayload {
    /// Authorizations written.
    pub created: i32,
    /// Items with user errors.
    pub failed: i32,
    /// One per item, in the order of `items`.
    pub results: Vec<BatchItemResult>,
}

mutation_payload!(AuthorizationPayload, authorization: Authorization);

impl CreateAuthorizationInput {
    /// The row to insert; an ID that does not decode is that field's error (top-level for one
    /// authorization, the item's own in a batch, so the other items still go through).
    fn into_new(self, author: Option<i32>) -> Result<NewAuthorization, UserError> {
        let id = |id: &ID, kind: &str, field: &str| {
            decode_id(id, kind).map_err(|err| {
                UserError::new(
                    field,
                    UserErrorCode::InvalidFormat,
                    err.message().to_owned(),
                )
            })
        };
        Ok(NewAuthorization {
            eps_id: id(&self.eps_id, Eps::TYPE, "epsId")?,
            specialty_id: id(&self.specialty_id, Specialty::TYPE, "specialtyId")?,
            location_id: id(&self.location_id, Location::TYPE, "locationId")?,
            authorized: self.authorized,
            authorization_date: self.authorization_date.map(|d| d.0),
            expiration_date: self.expiration_date.map(|d| d.0),
            max_monthly_appointments: self.max_monthly_appointments,
            copay_percentage: self.copay_percentage.map(|d| d.0),
            requires_prior_authorization: self.requires_prior_authorization,
            notes: optional_text(self.notes),
            created_by: author,
        })
    }
}

fn not_found() -> UserError {
    UserError::new("id", UserErrorCode::NotFound, "La autorización no existe")
}

/// The caller's user id, for `createdBy` and the audit trail.
async fn author(ctx: &Context<'_>, conn: &mut AsyncPgConnection) -> AppResult<i32> {
    let claims = require_role(ctx, Role::Admin)?;
    Ok(users::model::for_claims(conn, claims).await?.id)
}

/// Why a whole batch transaction is rolled back without a database error.
enum Batch {
    Failed(diesel::result::Error),
    AtomicRollback(Vec<Result<Authorization, UserError>>),
}

impl From<diesel::result::Error> for Batch {
    fn from(err: diesel::result::Error) -> Self {
        Self::Failed(err)
    }
}

#[derive(Default)]
pub struct AuthorizationMutation;

#[Object]
impl AuthorizationMutation {
    /// Creates one authorization. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn create_authorization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agreement; every mistake comes back at once in `userErrors`.")]
        input: CreateAuthorizationInput,
    ) -> AppResult<AuthorizationPayload> {
        require_role(ctx, Role::Admin)?;
        let mut conn = conn(ctx).await?;
        let user = author(ctx, &mut conn).await?;
        // One authorization: a malformed ID is the API's BAD_USER_INPUT, as everywhere.
        let new = input
            .into_new(Some(user))
            .map_err(|error| AppError::bad_input(error.message))?;
        let result = crate::authored!(conn, user, |conn| model::insert(conn, &new)).map(Some);
        payload::written(&mut conn, result, TABLE, None, &new, not_found).await
    }

    /// Creates 1 to 250 authorizations in one transaction, reporting each item's outcome.
    /// ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn create_authorizations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "1 to 250 agreements, all or none (`atomic`) or each on its own.")]
        input: CreateAuthorizationsInput,
    ) -> AppResult<CreateAuthorizationsPayload> {
        require_role(ctx, Role::Admin)?;
        if input.items.is_empty() || input.items.len() > MAX_BATCH {
            return Err(AppError::bad_input(format!(
                "`items` debe tener entre 1 y {MAX_BATCH} autorizaciones (se recibieron {})",
                input.items.len()
            )));
        }
        let mut conn = conn(ctx).await?;
        let user = author(ctx, &mut conn).await?;
        let items: Vec<_> = input
            .items
            .into_iter()
            .map(|item| item.into_new(Some(user)))
            .collect();
        let atomic = input.atomic;
        let outcome = conn
            .transaction(async |conn| {
                crate::db::set_author(conn, user).await?;
                let mut outcomes = Vec::with_capacity(items.len());
                for item in &items {
                    let item = match item {
                        Ok(item) => item,
                        Err(error) => {
                            outcomes.push(Err(error.clone()));
                            continue;
                        }
                    };
                    // A savepoint per item: in PostgreSQL a failed statement aborts the whole
                    // transaction, and the other items must still be tried and reported.
                    let result = conn
                        .transaction(async |conn| model::insert(conn, item).await)
                        .await;
                    outcomes.push(match result {
                        Ok(row) => Ok(row),
                        Err(err) => Err(constraints::user_error(err)?),
                    });
                }
                if atomic && outcomes.iter().any(Result::is_err) {
                    return Err(Batch::AtomicRollback(outcomes));
                }
                Ok(outcomes)
            })
            .await;
        let (outcomes, written) = match outcome {
            Ok(outcomes) => (outcomes, true),
            Err(Batch::AtomicRollback(outcomes)) => (outcomes, false),
            Err(Batch::Failed(err)) => return Err(AppError::from(err)),
        };
        let mut payload = CreateAuthorizationsPayload {
            created: 0,
            failed: 0,
            results: vec![],
        };
        for (index, outcome) in outcomes.into_iter().enumerate() {
            let (authorization, user_errors) = match outcome {
                Ok(row) if written => (Some(row), vec![]),
                Ok(_) => (None, vec![]),
                Err(error) => (None, vec![error]),
            };
            payload.created += i32::from(authorization.is_some());
            payload.failed += i32::from(!user_errors.is_empty());
            payload.results.push(BatchItemResult {
                index: index as i32,
                authorization,
                user_errors,
            });
        }
        Ok(payload)
    }

    /// Changes the terms of an authorization. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn update_authorization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "`id` and the terms to change; every mistake at once in `userErrors`.")]
        input: UpdateAuthorizationInput,
    ) -> AppResult<AuthorizationPayload> {
        require_role(ctx, Role::Admin)?;
        let id = decode_id(&input.id, Authorization::TYPE)?;
        let changes = AuthorizationChanges {
            authorized: input.authorized,
            authorization_date: nullable(input.authorization_date.map_value(|d| d.0)),
            expiration_date: nullable(input.expiration_date.map_value(|d| d.0)),
            max_monthly_appointments: nullable(input.max_monthly_appointments),
            copay_percentage: nullable(input.copay_percentage.map_value(|d| d.0)),
            requires_prior_authorization: input.requires_prior_authorization,
            notes: nullable_text(input.notes),
        };
        let mut conn = conn(ctx).await?;
        let user = author(ctx, &mut conn).await?;
        let result = crate::authored!(conn, user, |conn| model::update(conn, id, &changes));
        payload::written(&mut conn, result, TABLE, Some(id), &changes, not_found).await
    }

    /// Deletes an authorization; its audit trail stays. Refused (`IN_USE`) once appointments
    /// were booked under it, whatever became of them: suspend it instead (`authorized:
    /// false`). ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn delete_authorization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The authorization's global ID.")] input: DeleteInput,
    ) -> AppResult<DeletePayload> {
        require_role(ctx, Role::Admin)?;
        let id = decode_id(&input.id, Authorization::TYPE)?;
        let mut conn = conn(ctx).await?;
        let user = author(ctx, &mut conn).await?;
        let result = crate::authored!(conn, user, |conn| model::delete(conn, id));
        // Appointments reference the agreement they were booked under (its audit entries are
        // not a reference).
        payload::deleted(result, input.id, not_found, |_| {
            "La autorización tiene citas reservadas y no puede eliminarse: suspéndala".to_owned()
        })
    }
}
