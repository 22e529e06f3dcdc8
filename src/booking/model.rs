//! Rows and statements of booking: availability blocks, their slots, appointments and their
//! audit trail. The rules of a booking are the database's (migration 000020's triggers and
//! constraints); nothing here restates them, it only writes and reads.

use std::collections::HashMap;

use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use diesel::{
    pg::Pg,
    prelude::*,
    sql_types::{Array, BigInt, Date, Int4, Nullable, Timestamptz},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::{
    grouped,
    page::{Counted, Listing, PageRequest},
    schema::{appointment_audit, appointments, availabilities, slots},
};

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = availabilities)]
pub struct Availability {
    pub id: i32,
    pub specialty_id: i32,
    pub location_id: i32,
    pub practitioner_id: Option<i32>,
    pub day: NaiveDate,
    pub start_time: NaiveTime,
    pub end_time: NaiveTime,
    pub slot_minutes: i32,
    pub capacity: i32,
    pub cancelled_at: Option<DateTime<Utc>>,
    pub created_by: Option<i32>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Serialized (column names) for `constraints::outcome_with_every_error`.
#[derive(Insertable, Debug, Clone, serde::Serialize)]
#[diesel(table_name = availabilities)]
pub struct NewAvailability {
    pub specialty_id: i32,
    pub location_id: i32,
    pub practitioner_id: Option<i32>,
    pub day: NaiveDate,
    pub start_time: NaiveTime,
    pub end_time: NaiveTime,
    pub slot_minutes: i32,
    pub capacity: i32,
    pub created_by: Option<i32>,
}

#[derive(Queryable, QueryableByName, Selectable, Debug, Clone)]
#[diesel(table_name = slots)]
pub struct Slot {
    pub id: i32,
    pub availability_id: i32,
    pub specialty_id: i32,
    pub location_id: i32,
    pub day: NaiveDate,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
    pub booked: i32,
    pub open: bool,
}

/// Sort key of slots and appointments: soonest first, then id.
pub type TimeKey = (DateTime<Utc>, i32);

impl Slot {
    pub fn time_key(&self) -> TimeKey {
        (self.starts_at, self.id)
    }
}

#[derive(Queryable, QueryableByName, Selectable, Debug, Clone)]
#[diesel(table_name = appointments)]
pub struct Appointment {
    pub id: i32,
    pub patient_id: i32,
    pub slot_id: i32,
    pub status: String,
    pub prior_authorization_number: Option<String>,
    pub authorization_id: i32,
    pub eps_id: i32,
    pub specialty_id: i32,
    pub location_id: i32,
    pub day: NaiveDate,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub copay_percentage: Option<BigDecimal>,
    pub booked_by: Option<i32>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Appointment {
    pub fn time_key(&self) -> TimeKey {
        (self.starts_at, self.id)
    }
}

/// What a booking writes; the booking trigger adds the terms (agreement, copay, times).
#[derive(Insertable, Debug, Clone, serde::Serialize)]
#[diesel(table_name = appointments)]
pub struct NewAppointment {
    pub patient_id: i32,
    pub slot_id: i32,
    pub prior_authorization_number: Option<String>,
    pub booked_by: Option<i32>,
}

/// A change of a booked appointment: another slot (a reschedule), another status, or a new
/// prior-authorization number. `None` leaves a column as it is.
#[derive(AsChangeset, Default, serde::Serialize)]
#[diesel(table_name = appointments)]
pub struct AppointmentChanges {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slot_id: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prior_authorization_number: Option<String>,
}

pub async fn insert_availability(
    conn: &mut AsyncPgConnection,
    new: &NewAvailability,
) -> QueryResult<Availability> {
    diesel::insert_into(availabilities::table)
        .values(new)
        .returning(Availability::as_returning())
        .get_result(conn)
        .await
}

/// Cancels a block (a second cancellation keeps the first's instant); None when it does not
/// exist.
pub async fn cancel_availability(
    conn: &mut AsyncPgConnection,
    id: i32,
) -> QueryResult<Option<Availability>> {
    diesel::update(availabilities::table.find(id))
        .set(availabilities::cancelled_at.eq(diesel::dsl::now))
        .returning(Availability::as_returning())
        .get_result(conn)
        .await
        .optional()
}

crate::fetch_by_id!(availabilities, Availability);

crate::fetch_by_id!(slots, Slot);

crate::fetch_by_id!(appointments, Appointment);

/// The slots of several blocks, each block's in time order.
pub async fn slots_of(
    conn: &mut AsyncPgConnection,
    availability_ids: &[i32],
) -> QueryResult<HashMap<i32, Vec<Slot>>> {
    let rows: Vec<Slot> = slots::table
        .filter(slots::availability_id.eq_any(availability_ids))
        .order((slots::availability_id, slots::starts_at))
        .select(Slot::as_select())
        .load(conn)
        .await?;
    Ok(grouped(rows, |row| row.availability_id))
}

/// The appointments still booked in several blocks (those a cancellation leaves to
/// reschedule), each block's in time order.
pub async fn booked_in(
    conn: &mut AsyncPgConnection,
    availability_ids: &[i32],
) -> QueryResult<HashMap<i32, Vec<Appointment>>> {
    let rows: Vec<(i32, Appointment)> = appointments::table
        .inner_join(slots::table)
        .filter(slots::availability_id.eq_any(availability_ids))
        .filter(appointments::status.eq(BOOKED))
        .order((appointments::starts_at, appointments::id))
        .select((slots::availability_id, Appointment::as_select()))
        .load(conn)
        .await?;
    let by_block = grouped(rows, |(block, _)| *block);
    Ok(by_block
        .into_iter()
        .map(|(block, rows)| (block, rows.into_iter().map(|(_, row)| row).collect()))
        .collect())
}

pub const BOOKED: &str = "BOOKED";

/// Where free slots are looked for: a specialty, at one site or at all, for a patient of an
/// EPS, between two days of the clinic's calendar (both included).
#[derive(Debug, Clone)]
pub struct SlotSearch {
    pub specialty_id: i32,
    pub location_id: Option<i32>,
    pub eps_id: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The slots a patient of the EPS may be booked into, by the booking trigger's own SQL
/// functions: taking bookings (`slot_takes_bookings`) with a place left (what the capacity
/// CHECK allows), under an agreement valid on the slot's day (`authorization_denial`) with
/// quota left in its month (`quota_left`). A booking still judges everything again when it
/// is made (the patient's own overlaps too). $1 EPS, $2 specialty, $3 site or NULL, $4..$5
/// days; the days also bound `starts_at`, which the partial index is ordered by.
const FREE_SLOTS: &str = "
    FROM slots s
    JOIN authorization_rows r
      ON r.eps_id = $1 AND r.specialty_id = s.specialty_id AND r.location_id = s.location_id
    LEFT JOIN quota_usage q ON q.authorization_id = r.id AND q.month = month_start(s.day)
    WHERE s.specialty_id = $2 AND ($3::integer IS NULL OR s.location_id = $3)
      AND s.open AND s.booked < s.capacity AND slot_takes_bookings(s.open, s.starts_at)
      AND s.day BETWEEN $4 AND $5
      AND s.starts_at >= day_start($4) - interval '1 day' AND s.starts_at < day_start($5) + interval '2 days'
      AND authorization_denial(r.eps_active, r.specialty_active, r.location_active, r.authorized,
                               r.authorization_date, r.expiration_date, s.day) IS NULL
      AND quota_left(r.max_monthly_appointments, q.used) IS DISTINCT FROM 0";

impl SlotSearch {
    fn bound(
        &self,
        sql: String,
    ) -> diesel::query_builder::BoxedSqlQuery<'static, Pg, diesel::query_builder::SqlQuery> {
        diesel::sql_query(sql)
            .into_boxed()
            .bind::<Int4, _>(self.eps_id)
            .bind::<Int4, _>(self.specialty_id)
            .bind::<Nullable<Int4>, _>(self.location_id)
            .bind::<Date, _>(self.from)
            .bind::<Date, _>(self.to)
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

impl Counted for SlotSearch {
    async fn count(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        let row: Count = self
            .bound(format!("SELECT count(*) AS count {FREE_SLOTS}"))
            .get_result(conn)
            .await?;
        Ok(row.count)
    }
}

/// Free slots, soonest first.
impl Listing for SlotSearch {
    type Row = Slot;
    type Key = TimeKey;
    async fn page(
        &self,
        conn: &mut AsyncPgConnection,
        page: &PageRequest<TimeKey>,
    ) -> QueryResult<Vec<Slot>> {
        let direction = if page.backward { "DESC" } else { "ASC" };
        self.bound(format!(
            "SELECT s.* {FREE_SLOTS}
               AND ($6::timestamptz IS NULL OR (s.starts_at, s.id) > ($6, $7))
               AND ($8::timestamptz IS NULL OR (s.starts_at, s.id) < ($8, $9))
             ORDER BY s.starts_at {direction}, s.id {direction}
             LIMIT $10"
        ))
        .bind::<Nullable<Timestamptz>, _>(page.after.map(|k| k.0))
        .bind::<Nullable<Int4>, _>(page.after.map(|k| k.1))
        .bind::<Nullable<Timestamptz>, _>(page.before.map(|k| k.0))
        .bind::<Nullable<Int4>, _>(page.before.map(|k| k.1))
        .bind::<BigInt, _>(page.limit())
        .load(conn)
        .await
    }
}

/// Which blocks `availabilities` lists.
#[derive(Debug, Clone, Default)]
pub struct AvailabilityFilter {
    pub specialty_id: Option<i32>,
    pub location_id: Option<i32>,
    pub practitioner_id: Option<i32>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub cancelled: Option<bool>,
}

fn availabilities_filtered(filter: &AvailabilityFilter) -> availabilities::BoxedQuery<'static, Pg> {
    use availabilities as a;
    let mut query = a::table.into_boxed();
    if let Some(id) = filter.specialty_id {
        query = query.filter(a::specialty_id.eq(id));
    }
    if let Some(id) = filter.location_id {
        query = query.filter(a::location_id.eq(id));
    }
    if let Some(id) = filter.practitioner_id {
        query = query.filter(a::practitioner_id.eq(id));
    }
    if let Some(day) = filter.from {
        query = query.filter(a::day.ge(day));
    }
    if let Some(day) = filter.to {
        query = query.filter(a::day.le(day));
    }
    match filter.cancelled {
        Some(true) => query = query.filter(a::cancelled_at.is_not_null()),
        Some(false) => query = query.filter(a::cancelled_at.is_null()),
        None => {}
    }
    query
}

crate::counted_by!(AvailabilityFilter, availabilities_filtered);

/// Blocks by day, then id.
impl Listing for AvailabilityFilter {
    type Row = Availability;
    type Key = (NaiveDate, i32);
    async fn page(
        &self,
        conn: &mut AsyncPgConnection,
        page: &PageRequest<(NaiveDate, i32)>,
    ) -> QueryResult<Vec<Availability>> {
        use availabilities::{day, id};
        let select = Availability::as_select();
        crate::page_of!(availabilities_filtered(self), (day, id), page, select)
            .load(conn)
            .await
    }
}

/// Which appointments `appointments` lists; days are the clinic's, both ends included.
#[derive(Debug, Clone, Default)]
pub struct AppointmentFilter {
    pub patient_id: Option<i32>,
    pub eps_id: Option<i32>,
    pub specialty_id: Option<i32>,
    pub location_id: Option<i32>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub statuses: Option<Vec<&'static str>>,
    pub needs_rescheduling: Option<bool>,
}

fn appointments_filtered(filter: &AppointmentFilter) -> appointments::BoxedQuery<'static, Pg> {
    use appointments as a;
    let mut query = a::table.into_boxed();
    if let Some(id) = filter.patient_id {
        query = query.filter(a::patient_id.eq(id));
    }
    if let Some(id) = filter.eps_id {
        query = query.filter(a::eps_id.eq(id));
    }
    if let Some(id) = filter.specialty_id {
        query = query.filter(a::specialty_id.eq(id));
    }
    if let Some(id) = filter.location_id {
        query = query.filter(a::location_id.eq(id));
    }
    if let Some(day) = filter.from {
        query = query.filter(a::day.ge(day));
    }
    if let Some(day) = filter.to {
        query = query.filter(a::day.le(day));
    }
    if let Some(statuses) = &filter.statuses {
        query = query.filter(a::status.eq_any(statuses.clone()));
    }
    if let Some(needs) = filter.needs_rescheduling {
        let closed = slots::table.filter(slots::open.eq(false)).select(slots::id);
        let flagged = a::status.eq(BOOKED).and(a::slot_id.eq_any(closed));
        query = if needs {
            query.filter(flagged)
        } else {
            query.filter(diesel::dsl::not(flagged))
        };
    }
    query
}

crate::counted_by!(AppointmentFilter, appointments_filtered);

/// Appointments, soonest first.
impl Listing for AppointmentFilter {
    type Row = Appointment;
    type Key = TimeKey;
    async fn page(
        &self,
        conn: &mut AsyncPgConnection,
        page: &PageRequest<TimeKey>,
    ) -> QueryResult<Vec<Appointment>> {
        use appointments::{id, starts_at};
        let select = Appointment::as_select();
        crate::page_of!(appointments_filtered(self), (starts_at, id), page, select)
            .load(conn)
            .await
    }
}

/// One page of appointments for each of several patients, soonest first: one statement.
pub async fn pages_by_patient(
    conn: &mut AsyncPgConnection,
    patient_ids: &[i32],
    page: &PageRequest<TimeKey>,
) -> QueryResult<HashMap<i32, Vec<Appointment>>> {
    let direction = if page.backward { "DESC" } else { "ASC" };
    let rows: Vec<Appointment> = diesel::sql_query(format!(
        "SELECT * FROM (
             SELECT a.*, row_number() OVER (
                 PARTITION BY a.patient_id ORDER BY a.starts_at {direction}, a.id {direction}) AS rn
             FROM appointments a
             WHERE a.patient_id = ANY($1)
               AND ($2::timestamptz IS NULL OR (a.starts_at, a.id) > ($2, $3))
               AND ($4::timestamptz IS NULL OR (a.starts_at, a.id) < ($4, $5))
         ) numbered
         WHERE rn <= $6
         ORDER BY patient_id, rn"
    ))
    .bind::<Array<Int4>, _>(patient_ids)
    .bind::<Nullable<Timestamptz>, _>(page.after.map(|k| k.0))
    .bind::<Nullable<Int4>, _>(page.after.map(|k| k.1))
    .bind::<Nullable<Timestamptz>, _>(page.before.map(|k| k.0))
    .bind::<Nullable<Int4>, _>(page.before.map(|k| k.1))
    .bind::<BigInt, _>(page.limit())
    .load(conn)
    .await?;
    Ok(grouped(rows, |row| row.patient_id))
}

pub async fn counts_by_patient(
    conn: &mut AsyncPgConnection,
    patient_ids: &[i32],
) -> QueryResult<HashMap<i32, i64>> {
    let rows: Vec<(i32, i64)> = appointments::table
        .filter(appointments::patient_id.eq_any(patient_ids))
        .group_by(appointments::patient_id)
        .select((appointments::patient_id, diesel::dsl::count_star()))
        .load(conn)
        .await?;
    Ok(rows.into_iter().collect())
}

pub async fn insert_appointment(
    conn: &mut AsyncPgConnection,
    new: &NewAppointment,
) -> QueryResult<Appointment> {
    diesel::insert_into(appointments::table)
        .values(new)
        .returning(Appointment::as_returning())
        .get_result(conn)
        .await
}

/// Changes an appointment; None when it does not exist.
pub async fn update_appointment(
    conn: &mut AsyncPgConnection,
    id: i32,
    changes: &AppointmentChanges,
) -> QueryResult<Option<Appointment>> {
    diesel::update(appointments::table.find(id))
        .set(changes)
        .returning(Appointment::as_returning())
        .get_result(conn)
        .await
        .optional()
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = appointment_audit)]
pub struct AppointmentAuditRow {
    pub id: i64,
    pub appointment_id: i32,
    pub action: String,
    pub changed_at: DateTime<Utc>,
    pub changed_by: Option<i32>,
    pub old_data: Option<serde_json::Value>,
    pub new_data: Option<serde_json::Value>,
    pub changed_fields: Vec<String>,
}

/// The audit trails of several appointments, newest first.
pub async fn audit_trails(
    conn: &mut AsyncPgConnection,
    appointment_ids: &[i32],
) -> QueryResult<HashMap<i32, Vec<AppointmentAuditRow>>> {
    let rows: Vec<AppointmentAuditRow> = appointment_audit::table
        .filter(appointment_audit::appointment_id.eq_any(appointment_ids))
        .order(appointment_audit::id.desc())
        .select(AppointmentAuditRow::as_select())
        .load(conn)
        .await?;
    Ok(grouped(rows, |row| row.appointment_id))
}
