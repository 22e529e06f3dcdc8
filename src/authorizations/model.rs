//! Rows and queries of authorizations. Reads go through the `authorization_rows` view, which
//! carries the validity verdict computed by the SQL function `authorization_denial`: the rule
//! lives there, and nothing here restates it.

use std::collections::HashMap;

use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::{pg::Pg, prelude::*};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::{
    db::page::{Listing, PageRequest},
    db::{
        FetchById, authorization_denial, day_or, day_start, grouped, is_empty_changeset,
        schema::{authorization_audit, authorizations, locations, specialties},
        views::authorization_rows,
    },
};

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = authorization_rows)]
pub struct Authorization {
    pub id: i32,
    pub eps_id: i32,
    pub specialty_id: i32,
    pub location_id: i32,
    pub authorized: bool,
    pub authorization_date: Option<NaiveDate>,
    pub expiration_date: Option<NaiveDate>,
    pub max_monthly_appointments: Option<i32>,
    pub copay_percentage: Option<BigDecimal>,
    pub requires_prior_authorization: bool,
    pub notes: Option<String>,
    pub created_by: Option<i32>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub eps_active: bool,
    /// Why it may not be used today; None when it may.
    pub denial_today: Option<String>,
}

/// Serialized for `constraints::outcome_with_every_error`.
#[derive(Insertable, Debug, Clone, serde::Serialize)]
#[diesel(table_name = authorizations)]
pub struct NewAuthorization {
    pub eps_id: i32,
    pub specialty_id: i32,
    pub location_id: i32,
    pub authorized: bool,
    pub authorization_date: Option<NaiveDate>,
    pub expiration_date: Option<NaiveDate>,
    pub max_monthly_appointments: Option<i32>,
    pub copay_percentage: Option<BigDecimal>,
    pub requires_prior_authorization: bool,
    pub notes: Option<String>,
    pub created_by: Option<i32>,
}

/// `None` leaves a column as it is; `Some(None)` clears a nullable one. The EPS, specialty
/// and site of an authorization never change: delete it and create another. Serialized (set
/// columns only) for `constraints::outcome_with_every_error`.
#[derive(AsChangeset, Default, serde::Serialize)]
#[diesel(table_name = authorizations)]
pub struct AuthorizationChanges {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorized: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization_date: Option<Option<NaiveDate>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<Option<NaiveDate>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_monthly_appointments: Option<Option<i32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copay_percentage: Option<Option<BigDecimal>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires_prior_authorization: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Option<String>>,
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub eps_id: Option<i32>,
    pub specialty_id: Option<i32>,
    pub location_id: Option<i32>,
    pub authorized: Option<bool>,
    pub currently_valid: Option<bool>,
    pub valid_on: Option<NaiveDate>,
    /// Valid today and expiring on or before this day: the expiry worklist.
    pub expiring_by: Option<NaiveDate>,
}

/// The validity verdict on `on`, or today (in the session's time zone) when `on` is None.
macro_rules! denial_on {
    ($on:expr) => {
        authorization_denial(
            authorization_rows::eps_active,
            authorization_rows::specialty_active,
            authorization_rows::location_active,
            authorization_rows::authorized,
            authorization_rows::authorization_date,
            authorization_rows::expiration_date,
            day_or($on, diesel::dsl::today),
        )
    };
}

fn filtered(filter: &Filter) -> authorization_rows::BoxedQuery<'static, Pg> {
    use authorization_rows as r;
    let mut query = r::table.into_boxed();
    if let Some(id) = filter.eps_id {
        query = query.filter(r::eps_id.eq(id));
    }
    if let Some(id) = filter.specialty_id {
        query = query.filter(r::specialty_id.eq(id));
    }
    if let Some(id) = filter.location_id {
        query = query.filter(r::location_id.eq(id));
    }
    if let Some(authorized) = filter.authorized {
        query = query.filter(r::authorized.eq(authorized));
    }
    match filter.currently_valid {
        Some(true) => query = query.filter(r::denial_today.is_null()),
        Some(false) => query = query.filter(r::denial_today.is_not_null()),
        None => {}
    }
    if let Some(day) = filter.valid_on {
        query = query.filter(denial_on!(Some(day)).is_null());
    }
    if let Some(day) = filter.expiring_by {
        query = query
            .filter(r::denial_today.is_null())
            .filter(r::expiration_date.le(day));
    }
    query
}

/// Where an agreement with no expiration date sorts by expiration: after every dated one
/// (no date accepted by the API is later).
pub const NO_EXPIRATION: NaiveDate = NaiveDate::MAX;

/// An agreement's place when ordered by expiration date, then id.
pub type ExpirationKey = (NaiveDate, i32);

impl Authorization {
    pub fn expiration_key(&self) -> ExpirationKey {
        (self.expiration_date.unwrap_or(NO_EXPIRATION), self.id)
    }
}

/// Authorizations by id (newest first when `descending`).
pub async fn page(
    conn: &mut AsyncPgConnection,
    filter: &Filter,
    page: &PageRequest<i32>,
    descending: bool,
) -> QueryResult<Vec<Authorization>> {
    use authorization_rows::id;
    let query = if descending {
        crate::page_of!(
            filtered(filter),
            (id),
            page,
            Authorization::as_select(),
            newest_first
        )
    } else {
        crate::page_of!(filtered(filter), (id), page, Authorization::as_select())
    };
    query.load(conn).await
}

/// Authorizations by expiration date (soonest first, or latest first when `descending`),
/// those without one last.
pub async fn page_by_expiration(
    conn: &mut AsyncPgConnection,
    filter: &Filter,
    page: &PageRequest<ExpirationKey>,
    descending: bool,
) -> QueryResult<Vec<Authorization>> {
    use authorization_rows::{expiration_date, id};
    let expires = || day_or(expiration_date, NO_EXPIRATION);
    let query = if descending {
        crate::page_of!(
            filtered(filter),
            (expires(), id),
            page,
            Authorization::as_select(),
            newest_first
        )
    } else {
        crate::page_of!(
            filtered(filter),
            (expires(), id),
            page,
            Authorization::as_select()
        )
    };
    query.load(conn).await
}

crate::counted_by!(Filter, filtered);

#[derive(QueryableByName)]
struct LapsedCount {
    #[diesel(sql_type = diesel::sql_types::Int4)]
    eps_id: i32,
    #[diesel(sql_type = diesel::sql_types::Int8)]
    specialties: i64,
}

/// Per EPS, how many specialties it has agreements for but no agreement valid on `on`
/// (default today) at any site. The validity rule is `authorization_denial`'s, through the
/// view; EPS with none are absent.
pub async fn lapsed_specialty_counts(
    conn: &mut AsyncPgConnection,
    eps_ids: &[i32],
    on: Option<NaiveDate>,
) -> QueryResult<HashMap<i32, i64>> {
    let rows: Vec<LapsedCount> = diesel::sql_query(
        "SELECT eps_id, count(*) AS specialties FROM (
             SELECT eps_id, specialty_id FROM authorization_rows
              WHERE eps_id = ANY ($1)
              GROUP BY eps_id, specialty_id
             HAVING bool_and(authorization_denial(eps_active, specialty_active, location_active,
                        authorized, authorization_date, expiration_date,
                        coalesce($2, current_date)) IS NOT NULL)
         ) lapsed GROUP BY eps_id",
    )
    .bind::<diesel::sql_types::Array<diesel::sql_types::Int4>, _>(eps_ids)
    .bind::<diesel::sql_types::Nullable<diesel::sql_types::Date>, _>(on)
    .load(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.eps_id, r.specialties))
        .collect())
}

impl FetchById for Authorization {
    fn id(&self) -> i32 {
        self.id
    }
    async fn fetch(conn: &mut AsyncPgConnection, ids: &[i32]) -> QueryResult<Vec<Self>> {
        authorization_rows::table
            .filter(authorization_rows::id.eq_any(ids))
            .select(Authorization::as_select())
            .load(conn)
            .await
    }
}

/// The agreement for a triple, if any, with the rule's verdict on `on` (default today).
pub async fn check(
    conn: &mut AsyncPgConnection,
    eps_id: i32,
    specialty_id: i32,
    location_id: i32,
    on: Option<NaiveDate>,
) -> QueryResult<Option<(Authorization, Option<String>)>> {
    use authorization_rows as r;
    r::table
        .filter(r::eps_id.eq(eps_id))
        .filter(r::specialty_id.eq(specialty_id))
        .filter(r::location_id.eq(location_id))
        .select((Authorization::as_select(), denial_on!(on)))
        .first(conn)
        .await
        .optional()
}

/// Which authorizations of an EPS to list: the specialties at a site, or the sites for a
/// specialty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    AtLocation(i32),
    ForSpecialty(i32),
}

/// The authorizations valid on `on` (default today) of several EPS within one scope, per
/// EPS, ordered by specialty (or site) name: one statement for all of them.
pub async fn valid_in_scope(
    conn: &mut AsyncPgConnection,
    eps_ids: &[i32],
    scope: Scope,
    on: Option<NaiveDate>,
) -> QueryResult<HashMap<i32, Vec<Authorization>>> {
    use authorization_rows as r;
    let valid = r::eps_id
        .eq_any(eps_ids.to_vec())
        .and(denial_on!(on).is_null());
    let rows: Vec<Authorization> = match scope {
        Scope::AtLocation(location) => {
            r::table
                .inner_join(specialties::table)
                .filter(valid.and(r::location_id.eq(location)))
                .order((specialties::name, specialties::id))
                .select(Authorization::as_select())
                .load(conn)
                .await?
        }
        Scope::ForSpecialty(specialty) => {
            r::table
                .inner_join(locations::table)
                .filter(valid.and(r::specialty_id.eq(specialty)))
                .order((locations::name, locations::id))
                .select(Authorization::as_select())
                .load(conn)
                .await?
        }
    };
    Ok(grouped(rows, |row| row.eps_id))
}

#[derive(QueryableByName)]
struct QuotaLeft {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Int4>)]
    left: Option<i32>,
}

/// What an agreement's monthly quota still allows in the month of `on` (default today), as
/// the booking trigger judges it (`quota_left`); None when unlimited or no such agreement.
pub async fn quota_left(
    conn: &mut AsyncPgConnection,
    authorization_id: i32,
    on: Option<NaiveDate>,
) -> QueryResult<Option<i32>> {
    let row: Option<QuotaLeft> = diesel::sql_query(
        "SELECT quota_left(a.max_monthly_appointments, q.used) AS left
           FROM authorizations a
           LEFT JOIN quota_usage q
             ON q.authorization_id = a.id AND q.month = month_start(coalesce($2, current_date))
          WHERE a.id = $1",
    )
    .bind::<diesel::sql_types::Int4, _>(authorization_id)
    .bind::<diesel::sql_types::Nullable<diesel::sql_types::Date>, _>(on)
    .get_result(conn)
    .await
    .optional()?;
    Ok(row.and_then(|row| row.left))
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    new: &NewAuthorization,
) -> QueryResult<Authorization> {
    let id: i32 = diesel::insert_into(authorizations::table)
        .values(new)
        .returning(authorizations::id)
        .get_result(&mut *conn)
        .await?;
    Authorization::fetch(conn, &[id])
        .await?
        .pop()
        .ok_or(diesel::NotFound)
}

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: i32,
    changes: &AuthorizationChanges,
) -> QueryResult<Option<Authorization>> {
    let updated = diesel::update(authorizations::table.find(id))
        .set(changes)
        .returning(authorizations::id)
        .get_result::<i32>(&mut *conn)
        .await;
    match updated {
        Err(diesel::NotFound) => Ok(None),
        Err(err) if !is_empty_changeset(&err) => Err(err),
        _ => Ok(Authorization::fetch(conn, &[id]).await?.pop()),
    }
}

pub async fn delete(conn: &mut AsyncPgConnection, id: i32) -> QueryResult<bool> {
    Ok(diesel::delete(authorizations::table.find(id))
        .execute(conn)
        .await?
        > 0)
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = authorization_audit)]
pub struct AuditRow {
    pub id: i64,
    pub authorization_id: i32,
    pub eps_id: i32,
    pub specialty_id: i32,
    pub location_id: i32,
    pub action: String,
    pub changed_at: DateTime<Utc>,
    pub changed_by: Option<i32>,
    pub old_data: Option<serde_json::Value>,
    pub new_data: Option<serde_json::Value>,
    pub changed_fields: Vec<String>,
}

/// The audit trail of several authorizations, newest first.
pub async fn audit_trails(
    conn: &mut AsyncPgConnection,
    authorization_ids: &[i32],
) -> QueryResult<HashMap<i32, Vec<AuditRow>>> {
    let rows: Vec<AuditRow> = authorization_audit::table
        .filter(authorization_audit::authorization_id.eq_any(authorization_ids))
        .order(authorization_audit::id.desc())
        .select(AuditRow::as_select())
        .load(conn)
        .await?;
    Ok(grouped(rows, |row| row.authorization_id))
}

/// Which entries of the audit log to read; days are the clinic's, both ends included.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub authorization_id: Option<i32>,
    pub eps_id: Option<i32>,
    pub specialty_id: Option<i32>,
    pub location_id: Option<i32>,
    pub changed_by: Option<i32>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

fn audit_filtered(filter: &AuditFilter) -> authorization_audit::BoxedQuery<'static, Pg> {
    use authorization_audit as a;
    let mut query = a::table.into_boxed();
    if let Some(id) = filter.authorization_id {
        query = query.filter(a::authorization_id.eq(id));
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
    if let Some(id) = filter.changed_by {
        query = query.filter(a::changed_by.eq(id));
    }
    if let Some(day) = filter.from {
        query = query.filter(a::changed_at.ge(day_start(day)));
    }
    // The last day ends where the next begins; after 9999-12-31 nothing is excluded.
    if let Some(next) = filter.to.and_then(|day| day.succ_opt()) {
        query = query.filter(a::changed_at.lt(day_start(next)));
    }
    query
}

crate::counted_by!(AuditFilter, audit_filtered);

/// The audit log, newest first.
impl Listing for AuditFilter {
    type Row = AuditRow;
    type Key = i64;
    async fn page(
        &self,
        conn: &mut AsyncPgConnection,
        page: &PageRequest<i64>,
    ) -> QueryResult<Vec<AuditRow>> {
        use authorization_audit::id;
        let select = AuditRow::as_select();
        crate::page_of!(audit_filtered(self), (id), page, select, newest_first)
            .load(conn)
            .await
    }
}
