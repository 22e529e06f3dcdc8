//! Rows and queries of orders and items. The billing rule's verdicts come from
//! the SQL function `order_item_billable` (the rule lives there and nowhere else): applied to
//! items by the `order_item_rows` view, and stored on each order by the `orders_billing`
//! trigger.

use std::collections::HashMap;

use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::{pg::Pg, prelude::*};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::status::{OrderAuthorizationStatus, OrderItemAuthorizationStatus};
use crate::{
    db::page::{Listing, PageRequest},
    db::{
        FetchById, SearchTerm, affiliate_key, day_start,
        schema::{order_items, orders},
        views::order_item_rows,
    },
};

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = orders)]
pub struct Order {
    pub id: i32,
    pub suap_token: Option<String>,
    pub type_: String,
    pub order_number: Option<String>,
    pub point_of_care_id: Option<i32>,
    pub suap_point_of_care: Option<i32>,
    pub branch: Option<String>,
    pub performed_on: Option<NaiveDate>,
    pub prescribed_on: Option<NaiveDate>,
    pub authorized_at: Option<DateTime<Utc>>,
    pub diagnosis_text: Option<String>,
    pub observations: Option<String>,
    pub authorization_status: OrderAuthorizationStatus,
    pub authorization_message: Option<String>,
    pub cancelled_by_provider: bool,
    pub draft: bool,
    pub verified: bool,
    pub affiliate_id: i32,
    pub social_work_id: i32,
    pub provider_id: Option<i32>,
    pub prescriber_id: Option<i32>,
    pub total_authorized_value: BigDecimal,
    pub total_copay_value: BigDecimal,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub billable: bool,
    pub billable_amount: BigDecimal,
    pub billable_copay_amount: BigDecimal,
    pub totals_mismatch: bool,
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = order_item_rows)]
pub struct OrderItem {
    pub id: i32,
    pub order_id: i32,
    pub position: i32,
    pub suap_token: Option<String>,
    pub nomenclator_code: String,
    pub nomenclator: String,
    pub name: String,
    pub authorization_status: OrderItemAuthorizationStatus,
    pub authorization_message: Option<String>,
    pub total_value: BigDecimal,
    pub copay_value: Option<BigDecimal>,
    pub billable: bool,
}

/// An order's own columns, for insert and (imports) update. `authorized_at` is text so that
/// PostgreSQL reads a SUAP time without zone in the clinic's time zone. Serialized (by column
/// name) for `constraints::outcome_with_every_error`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OrderFields {
    pub suap_token: Option<String>,
    /// `CONSUMPTION` for SUAP's CONSUMO; any other SUAP `Tipo` as given (never billable).
    #[serde(rename = "type")]
    pub order_type: String,
    pub order_number: Option<String>,
    pub point_of_care_id: Option<i32>,
    pub suap_point_of_care: Option<i32>,
    pub branch: Option<String>,
    pub performed_on: Option<NaiveDate>,
    pub prescribed_on: Option<NaiveDate>,
    pub authorized_at: Option<String>,
    pub diagnosis_text: Option<String>,
    pub observations: Option<String>,
    pub authorization_status: OrderAuthorizationStatus,
    pub authorization_message: Option<String>,
    pub cancelled_by_provider: bool,
    pub draft: bool,
    pub verified: bool,
    pub affiliate_id: i32,
    pub social_work_id: i32,
    pub provider_id: Option<i32>,
    pub prescriber_id: Option<i32>,
    /// None: computed from the authorized items (orders created here).
    #[serde(skip)]
    pub totals: Option<(BigDecimal, BigDecimal)>,
}

#[derive(Insertable, AsChangeset, Debug, Clone, PartialEq)]
#[diesel(table_name = order_items, treat_none_as_null = true)]
pub struct ItemFields {
    pub position: i32,
    pub suap_token: Option<String>,
    pub nomenclator_code: String,
    pub nomenclator: String,
    pub name: String,
    pub authorization_status: OrderItemAuthorizationStatus,
    pub authorization_message: Option<String>,
    pub total_value: BigDecimal,
    pub copay_value: Option<BigDecimal>,
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub social_work_id: Option<i32>,
    pub patient_id: Option<i32>,
    pub statuses: Option<Vec<OrderAuthorizationStatus>>,
    pub billable: Option<bool>,
    pub totals_mismatch: Option<bool>,
    pub performed_from: Option<NaiveDate>,
    pub performed_to: Option<NaiveDate>,
    pub verified: Option<bool>,
    /// Consumed (SUAP's authorization date, a day in the clinic's time zone) on or after.
    pub consumed_from: Option<NaiveDate>,
    /// Consumed on or before.
    pub consumed_to: Option<NaiveDate>,
    /// Has an authorization date (true) or none, never consumed (false).
    pub consumed: Option<bool>,
    /// SUAP token, ticket number (`NumeroOrden`) or the affiliate (name, document, affiliate
    /// number), as typed.
    pub search: Option<SearchTerm>,
}

fn filtered(filter: &Filter) -> orders::BoxedQuery<'static, Pg> {
    use orders as o;
    let mut query = o::table.into_boxed();
    if let Some(id) = filter.social_work_id {
        query = query.filter(o::social_work_id.eq(id));
    }
    if let Some(id) = filter.patient_id {
        query = query.filter(o::affiliate_id.eq(id));
    }
    if let Some(statuses) = filter.statuses.clone() {
        query = query.filter(o::authorization_status.eq_any(statuses));
    }
    if let Some(billable) = filter.billable {
        query = query.filter(o::billable.eq(billable));
    }
    if let Some(mismatch) = filter.totals_mismatch {
        query = query.filter(o::totals_mismatch.eq(mismatch));
    }
    if let Some(from) = filter.performed_from {
        query = query.filter(o::performed_on.ge(from));
    }
    if let Some(to) = filter.performed_to {
        query = query.filter(o::performed_on.le(to));
    }
    if let Some(verified) = filter.verified {
        query = query.filter(o::verified.eq(verified));
    }
    // The billing rollup's consumption day: the same instants, counted in the clinic's zone.
    if let Some(from) = filter.consumed_from {
        query = query.filter(o::authorized_at.ge(day_start(from).nullable()));
    }
    if let Some(next) = filter.consumed_to.and_then(|day| day.succ_opt()) {
        query = query.filter(o::authorized_at.lt(day_start(next).nullable()));
    }
    match filter.consumed {
        Some(true) => query = query.filter(o::authorized_at.is_not_null()),
        Some(false) => query = query.filter(o::authorized_at.is_null()),
        None => {}
    }
    if let Some(term) = filter.search.clone() {
        let by_affiliate =
            o::affiliate_id.eq_any(crate::patients::model::ids_matching(term.clone()));
        // A term with no letter or digit matches no token or number.
        query = if term.key.is_empty() {
            query.filter(by_affiliate)
        } else {
            query.filter(
                by_affiliate
                    .or(crate::db::strpos(
                        affiliate_key(o::suap_token.assume_not_null()),
                        term.key.clone(),
                    )
                    .gt(0)
                    .nullable())
                    .or(crate::db::strpos(
                        affiliate_key(o::order_number.assume_not_null()),
                        term.key,
                    )
                    .gt(0)
                    .nullable()),
            )
        };
    }
    query
}

crate::counted_by!(Filter, filtered);

/// Orders by id.
impl Listing for Filter {
    type Row = Order;
    type Key = i32;
    async fn page(
        &self,
        conn: &mut AsyncPgConnection,
        page: &PageRequest<i32>,
    ) -> QueryResult<Vec<Order>> {
        crate::page_of!(filtered(self), (orders::id), page, Order::as_select())
            .load(conn)
            .await
    }
}

/// Most items one order may carry (createOrder and importSuapOrder alike).
pub const MAX_ITEMS: usize = 500;

/// The stored type of SUAP's `CONSUMO`, the one billable type.
pub const CONSUMPTION: &str = "CONSUMPTION";

/// One order by id, as a write reads it back.
pub async fn by_id(conn: &mut AsyncPgConnection, id: i32) -> QueryResult<Option<Order>> {
    Ok(Order::fetch(conn, &[id]).await?.pop())
}

impl FetchById for Order {
    fn id(&self) -> i32 {
        self.id
    }
    async fn fetch(conn: &mut AsyncPgConnection, ids: &[i32]) -> QueryResult<Vec<Self>> {
        orders::table
            .filter(orders::id.eq_any(ids))
            .select(Order::as_select())
            .load(conn)
            .await
    }
}

/// The items of several orders, each list in position order.
impl FetchById for OrderItem {
    fn id(&self) -> i32 {
        self.id
    }
    async fn fetch(conn: &mut AsyncPgConnection, ids: &[i32]) -> QueryResult<Vec<Self>> {
        order_item_rows::table
            .filter(order_item_rows::id.eq_any(ids))
            .select(OrderItem::as_select())
            .load(conn)
            .await
    }
}

pub async fn items_of(
    conn: &mut AsyncPgConnection,
    order_ids: &[i32],
) -> QueryResult<HashMap<i32, Vec<OrderItem>>> {
    let rows: Vec<OrderItem> = order_item_rows::table
        .filter(order_item_rows::order_id.eq_any(order_ids))
        .order((order_item_rows::order_id, order_item_rows::position))
        .select(OrderItem::as_select())
        .load(conn)
        .await?;
    Ok(crate::db::grouped(rows, |row| row.order_id))
}

pub async fn id_by_suap_token(
    conn: &mut AsyncPgConnection,
    token: &str,
) -> QueryResult<Option<i32>> {
    orders::table
        .filter(orders::suap_token.eq(token))
        .select(orders::id)
        .first(conn)
        .await
        .optional()
}

/// Inserts or (with `id`) updates an order's columns; returns its id. An update that
/// changes nothing leaves the row, and its `updated_at`, as they were.
pub async fn save_order(
    conn: &mut AsyncPgConnection,
    id: Option<i32>,
    fields: &OrderFields,
) -> QueryResult<i32> {
    use diesel::{
        dsl::sql,
        sql_types::{Nullable, Text, Timestamptz},
    };
    use orders as o;
    let authorized_at = sql::<Nullable<Timestamptz>>("")
        .bind::<Nullable<Text>, _>(fields.authorized_at.clone())
        .sql("::timestamptz");
    let values = (
        o::suap_token.eq(fields.suap_token.clone()),
        o::type_.eq(fields.order_type.clone()),
        o::order_number.eq(fields.order_number.clone()),
        o::point_of_care_id.eq(fields.point_of_care_id),
        o::suap_point_of_care.eq(fields.suap_point_of_care),
        o::branch.eq(fields.branch.clone()),
        o::performed_on.eq(fields.performed_on),
        o::prescribed_on.eq(fields.prescribed_on),
        o::authorized_at.eq(authorized_at),
        o::diagnosis_text.eq(fields.diagnosis_text.clone()),
        o::observations.eq(fields.observations.clone()),
        o::authorization_status.eq(fields.authorization_status),
        o::authorization_message.eq(fields.authorization_message.clone()),
        o::cancelled_by_provider.eq(fields.cancelled_by_provider),
        o::draft.eq(fields.draft),
        o::verified.eq(fields.verified),
        o::affiliate_id.eq(fields.affiliate_id),
        o::social_work_id.eq(fields.social_work_id),
        o::provider_id.eq(fields.provider_id),
        o::prescriber_id.eq(fields.prescriber_id),
    );
    let id = match id {
        Some(id) => {
            diesel::update(o::table.find(id))
                .set(values)
                .returning(o::id)
                .get_result(conn)
                .await?
        }
        None => {
            diesel::insert_into(o::table)
                .values(values)
                .returning(o::id)
                .get_result(conn)
                .await?
        }
    };
    if let Some((value, copay)) = &fields.totals {
        diesel::update(o::table.find(id))
            .set((
                o::total_authorized_value.eq(value),
                o::total_copay_value.eq(copay),
            ))
            .execute(conn)
            .await?;
    }
    Ok(id)
}

/// Makes the order's items be `items` (by position): changed ones updated in place, new ones
/// inserted, extra ones deleted, identical ones untouched.
pub async fn save_items(
    conn: &mut AsyncPgConnection,
    order_id: i32,
    items: &[ItemFields],
) -> QueryResult<()> {
    use order_items as i;
    for item in items {
        let updated = diesel::update(
            i::table
                .filter(i::order_id.eq(order_id))
                .filter(i::position.eq(item.position)),
        )
        .set(item)
        .execute(conn)
        .await?;
        if updated == 0 {
            diesel::insert_into(i::table)
                .values((i::order_id.eq(order_id), item))
                .execute(conn)
                .await?;
        }
    }
    diesel::delete(
        i::table
            .filter(i::order_id.eq(order_id))
            .filter(i::position.ge(items.len() as i32)),
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// For orders created here: totals from the authorized items (SQL function of the migration).
pub async fn set_totals_from_items(conn: &mut AsyncPgConnection, order_id: i32) -> QueryResult<()> {
    diesel::sql_query("SELECT set_order_totals_from_items($1)")
        .bind::<diesel::sql_types::Int4, _>(order_id)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn cancel(conn: &mut AsyncPgConnection, id: i32) -> QueryResult<bool> {
    let updated = diesel::update(orders::table.find(id))
        .set(orders::cancelled_by_provider.eq(true))
        .execute(conn)
        .await?;
    Ok(updated > 0)
}

#[derive(Debug, Clone)]
pub struct SummaryRow {
    pub social_work_id: i32,
    pub order_count: i64,
    pub billable_order_count: i64,
    pub billable_amount: BigDecimal,
    pub copay_amount: BigDecimal,
}

/// SQL `sum` is NULL over no rows; `HAVING` leaves none such, but the types say it may.
#[derive(Queryable)]
struct Sums {
    social_work_id: i32,
    orders: Option<i64>,
    billable: Option<i64>,
    amount: Option<BigDecimal>,
    copay: Option<BigDecimal>,
}

/// Per social work, the orders consumed (SUAP's authorization date, in the clinic's time zone)
/// between `from` and `to` inclusive, by social work name. Reads the `billing_days` rollup,
/// which the migration's triggers keep equal to the orders' own verdicts.
pub async fn billing_summary(
    conn: &mut AsyncPgConnection,
    from: NaiveDate,
    to: NaiveDate,
    social_work_id: Option<i32>,
) -> QueryResult<Vec<SummaryRow>> {
    use crate::db::schema::{billing_days as b, social_works as sw};
    use diesel::dsl::sum;
    let every = social_work_id.is_none();
    let rows: Vec<Sums> = b::table
        .inner_join(sw::table)
        .filter(b::day.between(from, to))
        .filter(
            b::social_work_id
                .nullable()
                .eq(social_work_id)
                .or(every.into_sql::<diesel::sql_types::Bool>()),
        )
        .group_by(sw::id)
        .having(sum(b::order_count).gt(0))
        .select((
            sw::id,
            sum(b::order_count),
            sum(b::billable_order_count),
            sum(b::billable_amount),
            sum(b::copay_amount),
        ))
        .order((sw::name, sw::id))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|sums| SummaryRow {
            social_work_id: sums.social_work_id,
            order_count: sums.orders.unwrap_or(0),
            billable_order_count: sums.billable.unwrap_or(0),
            billable_amount: sums.amount.unwrap_or_default(),
            copay_amount: sums.copay.unwrap_or_default(),
        })
        .collect())
}

/// Where the billing rollup and a recount of the orders disagree: one day and social work.
#[derive(QueryableByName, Debug)]
pub struct BillingDrift {
    #[diesel(sql_type = diesel::sql_types::Date)]
    pub day: NaiveDate,
    #[diesel(sql_type = diesel::sql_types::Int4)]
    pub social_work_id: i32,
    #[diesel(sql_type = diesel::sql_types::Int4)]
    pub stored_orders: i32,
    #[diesel(sql_type = diesel::sql_types::Int4)]
    pub counted_orders: i32,
    #[diesel(sql_type = diesel::sql_types::Int4)]
    pub stored_billable_orders: i32,
    #[diesel(sql_type = diesel::sql_types::Int4)]
    pub counted_billable_orders: i32,
    #[diesel(sql_type = diesel::sql_types::Numeric)]
    pub stored_billable_amount: BigDecimal,
    #[diesel(sql_type = diesel::sql_types::Numeric)]
    pub counted_billable_amount: BigDecimal,
    #[diesel(sql_type = diesel::sql_types::Numeric)]
    pub stored_copay_amount: BigDecimal,
    #[diesel(sql_type = diesel::sql_types::Numeric)]
    pub counted_copay_amount: BigDecimal,
}

/// The rollup's disagreements with a recount (SQL `billing_days_drift`, migration 000016).
pub async fn billing_drift(conn: &mut AsyncPgConnection) -> QueryResult<Vec<BillingDrift>> {
    diesel::sql_query("SELECT * FROM billing_days_drift()")
        .load(conn)
        .await
}

/// Replaces the rollup with a recount, in the days it already counts.
pub async fn recount_billing(conn: &mut AsyncPgConnection) -> QueryResult<()> {
    diesel::sql_query("SELECT rebuild_billing_days(time_zone) FROM billing_calendar")
        .execute(conn)
        .await
        .map(|_| ())
}

/// Makes `billing_days` count days of `time_zone` (the clinic's), recounting it if it counted
/// another zone's: run at start, before serving.
pub async fn align_billing_calendar(
    conn: &mut AsyncPgConnection,
    time_zone: &str,
) -> QueryResult<bool> {
    use crate::db::schema::billing_calendar as c;
    let current: String = c::table.select(c::time_zone).first(conn).await?;
    if current == time_zone {
        return Ok(false);
    }
    diesel::sql_query("SELECT rebuild_billing_days($1)")
        .bind::<diesel::sql_types::Text, _>(time_zone)
        .execute(conn)
        .await?;
    Ok(true)
}
