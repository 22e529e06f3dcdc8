//! Availability blocks and their slots as the API shows them: the blocks an administrator
//! opens and cancels, and the free slots the booking screen offers.

use std::sync::Arc;

use async_graphql::{Context, ID, InputObject, Object};

use super::model::{
    self, Appointment, Availability, AvailabilityFilter, NewAvailability, Slot, SlotSearch,
};
use crate::{
    auth::{Role, RoleGuard, require_role},
    catalog::{Eps, Location, Specialty},
    error::{AppError, AppResult},
    graphql::{
        UserError, UserErrorCode,
        audit::visible_author,
        conn,
        connection::{self, Connection, PageRequest},
        ids::{decode_id, decode_optional_id, global_id},
        loaders, payload,
        scalars::{Date, DateTime, LocalTime},
    },
    mutation_payload,
    practitioners::Practitioner,
    users::{self, User},
};

/// Longest span `availableSlots` searches at once, in days.
pub const MAX_SEARCH_DAYS: i64 = 92;

impl Availability {
    pub const TYPE: &'static str = "Availability";
}

impl Slot {
    pub const TYPE: &'static str = "Slot";
}

/// A block of time at a site for a specialty (optionally one practitioner's), cut into slots
/// of `slotMinutes`, each with `capacity` places. Its terms never change: cancel it and open
/// another.
#[Object]
impl Availability {
    /// Global ID (Relay): opaque, stable; use with `node(id:)`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people ("bloque 7"); arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// The specialty offered.
    async fn specialty(&self, ctx: &Context<'_>) -> AppResult<Arc<Specialty>> {
        loaders(ctx)
            .specialties
            .referenced(self.specialty_id, "availability", self.id)
            .await
    }
    /// The site.
    async fn location(&self, ctx: &Context<'_>) -> AppResult<Arc<Location>> {
        loaders(ctx)
            .locations
            .referenced(self.location_id, "availability", self.id)
            .await
    }
    /// The practitioner who sees the patients; null when the block is the specialty's.
    async fn practitioner(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<Practitioner>>> {
        Ok(match self.practitioner_id {
            Some(id) => Some(
                loaders(ctx)
                    .practitioners
                    .referenced(id, "availability", self.id)
                    .await?,
            ),
            None => None,
        })
    }
    /// The day (the clinic's calendar).
    async fn day(&self) -> Date {
        Date(self.day)
    }
    /// When the first slot starts (the clinic's clock).
    async fn start_time(&self) -> LocalTime {
        LocalTime(self.start_time)
    }
    /// When the block ends; the last slot ends at or before it.
    async fn end_time(&self) -> LocalTime {
        LocalTime(self.end_time)
    }
    /// Length of each slot, in minutes.
    async fn slot_minutes(&self) -> i32 {
        self.slot_minutes
    }
    /// Patients per slot.
    async fn capacity(&self) -> i32 {
        self.capacity
    }
    /// Cancelled: its slots take no more bookings.
    async fn cancelled(&self) -> bool {
        self.cancelled_at.is_some()
    }
    /// When it was cancelled; null while it is open.
    async fn cancelled_at(&self) -> Option<DateTime> {
        self.cancelled_at.map(DateTime)
    }
    /// Its slots, in time order (at most 288: a whole day of 5-minute slots).
    #[graphql(complexity = "50 * child_complexity")]
    async fn slots(&self, ctx: &Context<'_>) -> AppResult<Vec<Slot>> {
        Ok(loaders(ctx)
            .block_slots
            .load_one(self.id)
            .await?
            .unwrap_or_default())
    }
    /// The appointments still booked in it, soonest first: once the block is cancelled, the
    /// ones to reschedule (`rescheduleAppointment`) or cancel; a cancellation never drops them.
    #[graphql(complexity = "50 * child_complexity")]
    async fn booked_appointments(&self, ctx: &Context<'_>) -> AppResult<Vec<Appointment>> {
        Ok(loaders(ctx)
            .block_booked
            .load_one(self.id)
            .await?
            .unwrap_or_default())
    }
    /// The administrator who opened it; null when opened otherwise (demo data, SQL) and, as
    /// in `node`, for other users unless the caller is ADMIN.
    async fn created_by(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<User>>> {
        visible_author(ctx, self.created_by).await
    }
    /// When it was opened.
    async fn created_at(&self) -> DateTime {
        DateTime(self.created_at)
    }
}

/// One bookable time in a block: `capacity` places, `booked` of them taken.
#[Object]
impl Slot {
    /// Global ID (Relay): opaque, stable; `bookAppointment` takes it as `slotId`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people; arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// The block it belongs to (its practitioner, its cancellation).
    async fn availability(&self, ctx: &Context<'_>) -> AppResult<Arc<Availability>> {
        loaders(ctx)
            .availabilities
            .referenced(self.availability_id, "slot", self.id)
            .await
    }
    /// The specialty offered.
    async fn specialty(&self, ctx: &Context<'_>) -> AppResult<Arc<Specialty>> {
        loaders(ctx)
            .specialties
            .referenced(self.specialty_id, "slot", self.id)
            .await
    }
    /// The site.
    async fn location(&self, ctx: &Context<'_>) -> AppResult<Arc<Location>> {
        loaders(ctx)
            .locations
            .referenced(self.location_id, "slot", self.id)
            .await
    }
    /// The clinic's day it falls on: the agreement is judged on it, and its month's quota
    /// counts it.
    async fn day(&self) -> Date {
        Date(self.day)
    }
    /// When it starts.
    async fn starts_at(&self) -> DateTime {
        DateTime(self.starts_at)
    }
    /// When it ends.
    async fn ends_at(&self) -> DateTime {
        DateTime(self.ends_at)
    }
    /// Places in it.
    async fn capacity(&self) -> i32 {
        self.capacity
    }
    /// Places taken by booked or attended appointments.
    async fn booked(&self) -> i32 {
        self.booked
    }
    /// Places left.
    async fn remaining(&self) -> i32 {
        self.capacity - self.booked
    }
    /// False once its block is cancelled.
    async fn open(&self) -> bool {
        self.open
    }
}

/// Which blocks `availabilities` lists; every condition given must hold.
#[derive(InputObject, Default)]
pub struct AvailabilityFilterInput {
    /// Only blocks of this specialty.
    pub specialty_id: Option<ID>,
    /// Only blocks at this site.
    pub location_id: Option<ID>,
    /// Only blocks of this practitioner.
    pub practitioner_id: Option<ID>,
    /// Only blocks on or after this day.
    pub from: Option<Date>,
    /// Only blocks on or before this day.
    pub to: Option<Date>,
    /// Only cancelled blocks (true) or open ones (false).
    pub cancelled: Option<bool>,
}

#[derive(Default)]
pub struct AvailabilityQuery;

#[Object]
impl AvailabilityQuery {
    /// Availability blocks, by day, then id.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn availabilities(
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
        #[graphql(desc = "Which blocks; all when omitted.")] filter: Option<
            AvailabilityFilterInput,
        >,
    ) -> AppResult<Connection<Availability>> {
        require_role(ctx, Role::Viewer)?;
        let page = PageRequest::new(first, after, last, before)?;
        let f = filter.unwrap_or_default();
        let id = |id: &Option<ID>, ty| decode_optional_id(id.as_ref(), ty);
        let filter = AvailabilityFilter {
            specialty_id: id(&f.specialty_id, Specialty::TYPE)?,
            location_id: id(&f.location_id, Location::TYPE)?,
            practitioner_id: id(&f.practitioner_id, Practitioner::TYPE)?,
            from: f.from.map(|d| d.0),
            to: f.to.map(|d| d.0),
            cancelled: f.cancelled,
        };
        connection::list(ctx, page, filter, |a: &Availability| (a.day, a.id)).await
    }

    /// The free slots in which a patient of this EPS may be booked for this specialty,
    /// soonest first: open, ahead, with a place left, under an agreement valid on the slot's
    /// day with quota left in its month. `bookAppointment` judges again when it books.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    #[allow(clippy::too_many_arguments)] // the connection's four, and the search's five
    async fn available_slots(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The specialty (a `Specialty`'s global ID).")] specialty_id: ID,
        #[graphql(desc = "The patient's EPS (an `Eps`'s global ID).")] eps_id: ID,
        #[graphql(
            desc = "One site (a `Location`'s global ID); every site where the EPS is \
                          authorized for the specialty when omitted."
        )]
        location_id: Option<ID>,
        #[graphql(desc = "First day searched; default today (the clinic's date).")] from: Option<
            Date,
        >,
        #[graphql(
            desc = "Last day searched, at most 92 days after `from`; default 30 days \
                          after it."
        )]
        to: Option<Date>,
        #[graphql(desc = "Page size from the start, 1 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "A cursor from this connection: the page after it.")] after: Option<
            String,
        >,
        #[graphql(desc = "Page size from the end, 1 to 100; not with `first`.")] last: Option<i32>,
        #[graphql(desc = "A cursor from this connection: the page before it.")] before: Option<
            String,
        >,
    ) -> AppResult<Connection<Slot>> {
        require_role(ctx, Role::Viewer)?;
        let page = PageRequest::new(first, after, last, before)?;
        let from = match from {
            Some(day) => day.0,
            None => crate::db::today(&mut *conn(ctx).await?).await?,
        };
        let to = match to {
            Some(day) => day.0,
            None => from + chrono::Days::new(30),
        };
        let span = (to - from).num_days();
        if !(0..=MAX_SEARCH_DAYS).contains(&span) {
            return Err(AppError::bad_input(format!(
                "`to` debe estar entre `from` y {MAX_SEARCH_DAYS} días después (se pidieron {span})"
            )));
        }
        let search = SlotSearch {
            specialty_id: decode_id(&specialty_id, Specialty::TYPE)?,
            location_id: decode_optional_id(location_id.as_ref(), Location::TYPE)?,
            eps_id: decode_id(&eps_id, Eps::TYPE)?,
            from,
            to,
        };
        connection::list(ctx, page, search, Slot::time_key).await
    }
}

/// A block to open: a day, a start and end on the clinic's clock, the slot length and the
/// places per slot.
#[derive(InputObject)]
pub struct CreateAvailabilityInput {
    /// The specialty offered; some EPS must be authorized for it at the site that day
    /// (`NOT_AUTHORIZED` otherwise).
    pub specialty_id: ID,
    /// The site.
    pub location_id: ID,
    /// The practitioner, when the block is one person's; a practitioner's open blocks never
    /// overlap (`OVERLAP`).
    pub practitioner_id: Option<ID>,
    /// From today to two years ahead.
    pub day: Date,
    /// When the first slot starts.
    pub start_time: LocalTime,
    /// When the block ends, after `startTime` on the same day.
    pub end_time: LocalTime,
    /// Length of each slot, 5 to 480 minutes; the block holds at least one.
    pub slot_minutes: i32,
    /// Patients per slot, 1 to 100.
    #[graphql(default = 1)]
    pub capacity: i32,
}

/// The block to cancel.
#[derive(InputObject)]
pub struct CancelAvailabilityInput {
    /// The block's global ID.
    pub id: ID,
}

mutation_payload!(AvailabilityPayload, availability: Availability);

fn not_found() -> UserError {
    UserError::new(
        "id",
        UserErrorCode::NotFound,
        "El bloque de agenda no existe",
    )
}

/// The table whose CHECKs name the user errors of a block.
const TABLE: &str = "availabilities";

#[derive(Default)]
pub struct AvailabilityMutation;

#[Object]
impl AvailabilityMutation {
    /// Opens a block of slots. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn create_availability(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The block; every mistake of its fields at once in `userErrors`.")]
        input: CreateAvailabilityInput,
    ) -> AppResult<AvailabilityPayload> {
        let claims = require_role(ctx, Role::Admin)?;
        let mut conn = conn(ctx).await?;
        let user = users::model::for_claims(&mut conn, claims).await?.id;
        let new = NewAvailability {
            specialty_id: decode_id(&input.specialty_id, Specialty::TYPE)?,
            location_id: decode_id(&input.location_id, Location::TYPE)?,
            practitioner_id: decode_optional_id(
                input.practitioner_id.as_ref(),
                Practitioner::TYPE,
            )?,
            day: input.day.0,
            start_time: input.start_time.0,
            end_time: input.end_time.0,
            slot_minutes: input.slot_minutes,
            capacity: input.capacity,
            created_by: Some(user),
        };
        let result = model::insert_availability(&mut conn, &new).await.map(Some);
        payload::written(&mut conn, result, TABLE, None, &new, not_found).await
    }

    /// Cancels a block: its slots take no more bookings. Its booked appointments stay booked
    /// and are listed in `bookedAppointments` (and by `appointments(filter:
    /// {needsRescheduling: true})`) to be rescheduled or cancelled. Cancelling twice keeps
    /// the first cancellation. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn cancel_availability(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The block to cancel.")] input: CancelAvailabilityInput,
    ) -> AppResult<AvailabilityPayload> {
        require_role(ctx, Role::Admin)?;
        let id = decode_id(&input.id, Availability::TYPE)?;
        let mut conn = conn(ctx).await?;
        let result = model::cancel_availability(&mut conn, id).await;
        payload::written(&mut conn, result, TABLE, Some(id), &(), not_found).await
    }
}
