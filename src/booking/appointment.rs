//! Appointments as the API shows them: booking, rescheduling, cancelling and marking the
//! outcome, the appointments list, and each appointment's audit trail. Every rule of a
//! booking is the database's (migration 000020); a refusal comes back as the user error its
//! constraint names.

use std::sync::Arc;

use async_graphql::{Context, Enum, ID, InputObject, Object};
use diesel_async::AsyncConnection;

use super::model::{
    self, Appointment, AppointmentAuditRow, AppointmentChanges, AppointmentFilter, NewAppointment,
    Slot, TimeKey,
};
use crate::{
    auth::{Role, RoleGuard, require_role},
    authorizations::Authorization,
    catalog::{Eps, Location, Specialty},
    db::RequestConn,
    error::{AppError, AppResult},
    graphql::{
        UserError, UserErrorCode,
        audit::{AuditAction, Columns, visible_author},
        conn,
        connection::{self, Connection, PageRequest, TotalCount},
        ids::{decode_id, decode_optional_id, global_id},
        input::optional_text,
        loaders, payload,
        scalars::{Date, DateTime, Decimal, JsonValue},
    },
    mutation_payload,
    patients::Patient,
    users::{self, User},
};

/// Where an appointment stands.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppointmentStatus {
    /// Booked: holds a place in its slot and a unit of its agreement's monthly quota.
    Booked,
    /// Cancelled: its place and its quota unit are free again. Final.
    Cancelled,
    /// The patient was seen: still counts against the quota. Final.
    Attended,
    /// The patient did not come: frees its quota unit. Final.
    NoShow,
}

impl AppointmentStatus {
    pub fn as_sql(self) -> &'static str {
        match self {
            Self::Booked => "BOOKED",
            Self::Cancelled => "CANCELLED",
            Self::Attended => "ATTENDED",
            Self::NoShow => "NO_SHOW",
        }
    }

    fn from_sql(status: &str) -> AppResult<Self> {
        [Self::Booked, Self::Cancelled, Self::Attended, Self::NoShow]
            .into_iter()
            .find(|s| s.as_sql() == status)
            .ok_or_else(|| AppError::internal(format_args!("unknown appointment status {status}")))
    }
}

impl Appointment {
    pub const TYPE: &'static str = "Appointment";
}

/// A patient booked into a slot, under the agreement of the patient's EPS for the slot's
/// specialty and site, on the terms it had when booked.
#[Object]
impl Appointment {
    /// Global ID (Relay): opaque, stable; use with `node(id:)`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people ("cita 7"); arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// Where it stands.
    async fn status(&self) -> AppResult<AppointmentStatus> {
        AppointmentStatus::from_sql(&self.status)
    }
    /// The patient.
    async fn patient(&self, ctx: &Context<'_>) -> AppResult<Arc<Patient>> {
        loaders(ctx)
            .patients
            .referenced(self.patient_id, "appointment", self.id)
            .await
    }
    /// The slot it holds (or held, once cancelled).
    async fn slot(&self, ctx: &Context<'_>) -> AppResult<Arc<Slot>> {
        loaders(ctx)
            .slots
            .referenced(self.slot_id, "appointment", self.id)
            .await
    }
    /// The patient's EPS when it was booked.
    async fn eps(&self, ctx: &Context<'_>) -> AppResult<Arc<Eps>> {
        loaders(ctx)
            .eps
            .referenced(self.eps_id, "appointment", self.id)
            .await
    }
    /// The specialty.
    async fn specialty(&self, ctx: &Context<'_>) -> AppResult<Arc<Specialty>> {
        loaders(ctx)
            .specialties
            .referenced(self.specialty_id, "appointment", self.id)
            .await
    }
    /// The site.
    async fn location(&self, ctx: &Context<'_>) -> AppResult<Arc<Location>> {
        loaders(ctx)
            .locations
            .referenced(self.location_id, "appointment", self.id)
            .await
    }
    /// The agreement it was booked under (its terms may have changed since; this
    /// appointment keeps `copayPercentage` as it was).
    async fn authorization(&self, ctx: &Context<'_>) -> AppResult<Arc<Authorization>> {
        loaders(ctx)
            .authorizations
            .referenced(self.authorization_id, "appointment", self.id)
            .await
    }
    /// The clinic's day.
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
    /// The agreement's copay when booked, 0 to 100; null when none was agreed.
    async fn copay_percentage(&self) -> Option<Decimal> {
        self.copay_percentage.clone().map(Decimal)
    }
    /// The EPS's prior-authorization number, when given.
    async fn prior_authorization_number(&self) -> Option<&str> {
        self.prior_authorization_number.as_deref()
    }
    /// Still booked in a slot whose block was cancelled: to reschedule or cancel.
    async fn needs_rescheduling(&self, ctx: &Context<'_>) -> AppResult<bool> {
        if self.status != model::BOOKED {
            return Ok(false);
        }
        let slot = loaders(ctx)
            .slots
            .referenced(self.slot_id, "appointment", self.id)
            .await?;
        Ok(!slot.open)
    }
    /// Who booked it; null when booked otherwise (SQL by hand) and, as in `node`, for other
    /// users unless the caller is ADMIN.
    async fn booked_by(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<User>>> {
        visible_author(ctx, self.booked_by).await
    }
    /// When it was booked.
    async fn created_at(&self) -> DateTime {
        DateTime(self.created_at)
    }
    /// When it last changed (`auditTrail` says how, and who changed it).
    async fn updated_at(&self) -> DateTime {
        DateTime(self.updated_at)
    }
    /// Every change, newest first: booking, reschedules, cancellation, outcome.
    async fn audit_trail(&self, ctx: &Context<'_>) -> AppResult<Vec<AppointmentAuditEntry>> {
        let rows = loaders(ctx)
            .appointment_audit
            .load_one(self.id)
            .await?
            .unwrap_or_default();
        Ok(rows.into_iter().map(AppointmentAuditEntry).collect())
    }
}

/// How the columns of `appointments` read in the API.
const COLUMNS: Columns = Columns {
    references: |column| match column {
        "id" => Some(Appointment::TYPE),
        "patient_id" => Some(Patient::TYPE),
        "slot_id" => Some(Slot::TYPE),
        "authorization_id" => Some(Authorization::TYPE),
        "eps_id" => Some(Eps::TYPE),
        "specialty_id" => Some(Specialty::TYPE),
        "location_id" => Some(Location::TYPE),
        "booked_by" => Some(User::TYPE),
        _ => None,
    },
    decimals: &["copay_percentage"],
};

/// One change of an appointment, as the database's trigger recorded it.
pub struct AppointmentAuditEntry(AppointmentAuditRow);

/// One change of an appointment, recorded by the database whoever made it (through the API
/// or by hand in SQL). Entries are never changed or removed.
#[Object]
impl AppointmentAuditEntry {
    /// What the change did.
    async fn action(&self) -> AppResult<AuditAction> {
        AuditAction::from_sql(&self.0.action)
    }
    /// When the change was made (the start of its transaction).
    async fn changed_at(&self) -> DateTime {
        DateTime(self.0.changed_at)
    }
    /// Null for changes made outside the service (by hand in SQL), and, as in `node`, for
    /// other users unless the caller is ADMIN.
    async fn changed_by(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<User>>> {
        visible_author(ctx, self.0.changed_by).await
    }
    /// The appointment before the change (null for a booking), with the schema's field
    /// names (`slotId`, `status`…) and global IDs.
    async fn old_data(&self) -> Option<JsonValue> {
        self.0
            .old_data
            .as_ref()
            .map(|data| JsonValue(COLUMNS.snapshot(data)))
    }
    /// The appointment after the change (null for a deletion by hand), as `oldData`.
    async fn new_data(&self) -> Option<JsonValue> {
        self.0
            .new_data
            .as_ref()
            .map(|data| JsonValue(COLUMNS.snapshot(data)))
    }
    /// Fields whose value changed, named as in `oldData` and `newData`.
    async fn changed_fields(&self) -> Vec<String> {
        COLUMNS.fields(&self.0.changed_fields)
    }
}

/// Which appointments `appointments` lists; every condition given must hold.
#[derive(InputObject, Default)]
pub struct AppointmentFilterInput {
    /// Only this patient's.
    pub patient_id: Option<ID>,
    /// Only those booked under this EPS.
    pub eps_id: Option<ID>,
    /// Only this specialty's.
    pub specialty_id: Option<ID>,
    /// Only at this site.
    pub location_id: Option<ID>,
    /// Only on or after this day.
    pub from: Option<Date>,
    /// Only on or before this day.
    pub to: Option<Date>,
    /// Only in these states (1 to 4 of them).
    pub status: Option<Vec<AppointmentStatus>>,
    /// Only those still booked in a cancelled block (true), or all others (false).
    pub needs_rescheduling: Option<bool>,
}

impl AppointmentFilterInput {
    fn into_model(self) -> AppResult<AppointmentFilter> {
        let id = |id: Option<ID>, kind| decode_optional_id(id.as_ref(), kind);
        let statuses = match self.status {
            Some(list) if list.is_empty() || list.len() > 4 => {
                return Err(AppError::bad_input(
                    "`status` debe tener entre 1 y 4 estados",
                ));
            }
            other => other.map(|list| list.into_iter().map(AppointmentStatus::as_sql).collect()),
        };
        Ok(AppointmentFilter {
            patient_id: id(self.patient_id, Patient::TYPE)?,
            eps_id: id(self.eps_id, Eps::TYPE)?,
            specialty_id: id(self.specialty_id, Specialty::TYPE)?,
            location_id: id(self.location_id, Location::TYPE)?,
            from: self.from.map(|d| d.0),
            to: self.to.map(|d| d.0),
            statuses,
            needs_rescheduling: self.needs_rescheduling,
        })
    }
}

#[derive(Default)]
pub struct AppointmentQuery;

#[Object]
impl AppointmentQuery {
    /// Appointments, soonest first.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn appointments(
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
        #[graphql(desc = "Which appointments; all when omitted.")] filter: Option<
            AppointmentFilterInput,
        >,
    ) -> AppResult<Connection<Appointment>> {
        require_role(ctx, Role::Viewer)?;
        let page = PageRequest::new(first, after, last, before)?;
        let filter = filter.unwrap_or_default().into_model()?;
        connection::list(ctx, page, filter, Appointment::time_key).await
    }
}

/// A patient's appointments, soonest first (`Patient.appointments`), batched across the
/// patients of a page.
pub async fn page_of_patient(
    ctx: &Context<'_>,
    patient_id: i32,
    page: PageRequest<TimeKey>,
) -> AppResult<Connection<Appointment>> {
    require_role(ctx, Role::Viewer)?;
    let rows = loaders(ctx)
        .appointment_pages
        .load_one((patient_id, page.clone()))
        .await?
        .unwrap_or_default();
    let total = TotalCount::new({
        let loaders = loaders(ctx).clone();
        move || {
            let loaders = loaders.clone();
            Box::pin(async move {
                Ok(loaders
                    .appointment_counts
                    .load_one(patient_id)
                    .await?
                    .unwrap_or(0))
            })
        }
    });
    Ok(page.into_connection(rows, Appointment::time_key, total))
}

/// A booking: a patient with a known EPS, a free slot, and the EPS's prior-authorization
/// number when the agreement requires one.
#[derive(InputObject)]
pub struct BookAppointmentInput {
    /// The patient (a `Patient`'s global ID); their EPS must be recorded.
    pub patient_id: ID,
    /// The slot (a `Slot`'s global ID, from `availableSlots`).
    pub slot_id: ID,
    /// The EPS's prior-authorization number, up to 40 characters; required
    /// (`PRIOR_AUTHORIZATION_REQUIRED`) when the agreement says so. Blank is none.
    pub prior_authorization_number: Option<String>,
}

/// An appointment moved to another slot, all or nothing.
#[derive(InputObject)]
pub struct RescheduleAppointmentInput {
    /// The booked appointment.
    pub id: ID,
    /// The new slot, judged as a new booking (agreement on its day, quota in its month,
    /// place, overlap); the old one is freed only if the new one is taken.
    pub slot_id: ID,
    /// A new prior-authorization number; the appointment's own is kept when omitted.
    pub prior_authorization_number: Option<String>,
}

/// The appointment whose state changes.
#[derive(InputObject)]
pub struct AppointmentStateInput {
    /// The booked appointment's global ID.
    pub id: ID,
}

mutation_payload!(AppointmentPayload, appointment: Appointment);

fn not_found() -> UserError {
    UserError::new("id", UserErrorCode::NotFound, "La cita no existe")
}

/// The table whose constraints name the user errors of a booking.
const TABLE: &str = "appointments";

/// The caller (STAFF or ADMIN) as a user, for `bookedBy` and the audit trail, and the
/// connection to write with.
async fn staff(ctx: &Context<'_>) -> AppResult<(RequestConn, i32)> {
    let claims = require_role(ctx, Role::Staff)?;
    let mut conn = conn(ctx).await?;
    let user = users::model::for_claims(&mut conn, claims).await?.id;
    Ok((conn, user))
}

/// Changes a booked appointment: its slot or its state, as the caller.
async fn change(
    ctx: &Context<'_>,
    id: &ID,
    changes: AppointmentChanges,
) -> AppResult<AppointmentPayload> {
    let id = decode_id(id, Appointment::TYPE)?;
    let (mut conn, user) = staff(ctx).await?;
    let result = crate::authored!(conn, user, |c| model::update_appointment(c, id, &changes));
    payload::written(&mut conn, result, TABLE, Some(id), &changes, not_found).await
}

#[derive(Default)]
pub struct AppointmentMutation;

#[Object]
impl AppointmentMutation {
    /// Books a patient into a slot. Refused, with nothing written, when the slot is full
    /// (`SLOT_FULL`), its block cancelled (`INACTIVE`) or already started (`INVALID_RANGE`);
    /// the patient has no EPS (`REQUIRED`), or it may not be seen for the slot's specialty
    /// and site on its day (`NOT_AUTHORIZED`, the message saying why, as
    /// `authorizationCheck`'s reason); the agreement's quota for the month is used up
    /// (`QUOTA_EXHAUSTED`); a prior authorization is missing (`PRIOR_AUTHORIZATION_REQUIRED`);
    /// the patient has another appointment then (`OVERLAP`). STAFF or ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn book_appointment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The patient, the slot and the prior-authorization number.")]
        input: BookAppointmentInput,
    ) -> AppResult<AppointmentPayload> {
        let patient_id = decode_id(&input.patient_id, Patient::TYPE)?;
        let slot_id = decode_id(&input.slot_id, Slot::TYPE)?;
        let number = optional_text(input.prior_authorization_number);
        let (mut conn, user) = staff(ctx).await?;
        let new = NewAppointment {
            patient_id,
            slot_id,
            prior_authorization_number: number,
            booked_by: Some(user),
        };
        let result = crate::authored!(conn, user, |c| model::insert_appointment(c, &new));
        payload::written(&mut conn, result.map(Some), TABLE, None, &new, not_found).await
    }

    /// Moves a booked appointment to another slot: the new slot is judged as a booking
    /// (same errors as `bookAppointment`) and taken, and the old one freed, or nothing
    /// changes. The terms (agreement, copay) become those of the new slot's day. STAFF or
    /// ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn reschedule_appointment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The appointment and its new slot.")] input: RescheduleAppointmentInput,
    ) -> AppResult<AppointmentPayload> {
        let changes = AppointmentChanges {
            slot_id: Some(decode_id(&input.slot_id, Slot::TYPE)?),
            // Only a booked appointment moves: for any other this is a change of state.
            status: Some(AppointmentStatus::Booked.as_sql()),
            prior_authorization_number: optional_text(input.prior_authorization_number),
        };
        change(ctx, &input.id, changes).await
    }

    /// Cancels a booked appointment: its place and its quota unit are free again. Cancelling
    /// a cancelled one again changes nothing (a retried request); an attended or missed one
    /// cannot be cancelled (`INVALID_STATE`). STAFF or ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn cancel_appointment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The appointment to cancel.")] input: AppointmentStateInput,
    ) -> AppResult<AppointmentPayload> {
        change(ctx, &input.id, status(AppointmentStatus::Cancelled)).await
    }

    /// Records that the patient was seen (it keeps counting against the quota), from the
    /// appointment's day on. Only a booked appointment (`INVALID_STATE`); marking it again the
    /// same way changes nothing. STAFF or ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn mark_appointment_attended(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The appointment attended.")] input: AppointmentStateInput,
    ) -> AppResult<AppointmentPayload> {
        change(ctx, &input.id, status(AppointmentStatus::Attended)).await
    }

    /// Records that the patient did not come (its place and quota unit are freed), from the
    /// appointment's day on. Only a booked appointment (`INVALID_STATE`); marking it again the
    /// same way changes nothing. STAFF or ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn mark_appointment_no_show(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The appointment missed.")] input: AppointmentStateInput,
    ) -> AppResult<AppointmentPayload> {
        change(ctx, &input.id, status(AppointmentStatus::NoShow)).await
    }
}

fn status(status: AppointmentStatus) -> AppointmentChanges {
    AppointmentChanges {
        status: Some(status.as_sql()),
        ..Default::default()
    }
}
