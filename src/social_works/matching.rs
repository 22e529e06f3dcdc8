//! How the social work of a SUAP convenio token is found, or registered the first time the
//! convenio appears: the statements the import runs against `social_works`.

use bigdecimal::BigDecimal;
use diesel::{OptionalExtension, prelude::*};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::schema::social_works as sw;

/// The social work whose `code` is the convenio token, its biochemical unit value brought up
/// to SUAP's.
pub async fn find(
    conn: &mut AsyncPgConnection,
    token: &str,
    unit_value: Option<&BigDecimal>,
) -> QueryResult<Option<i32>> {
    let found: Option<i32> = sw::table
        .filter(sw::code.eq(token))
        .select(sw::id)
        .first(conn)
        .await
        .optional()?;
    if let (Some(id), Some(value)) = (found, unit_value) {
        diesel::update(sw::table.find(id))
            .filter(sw::biochemical_unit_value.is_distinct_from(value))
            .set(sw::biochemical_unit_value.eq(value))
            .execute(conn)
            .await?;
    }
    Ok(found)
}

/// Registers a convenio seen for the first time under SUAP's name: active, with its contact
/// data pending (SUAP sends no address, phone or webpage). When a concurrent import registered
/// it first, that one is used.
pub async fn register(
    conn: &mut AsyncPgConnection,
    token: &str,
    name: &str,
    unit_value: Option<&BigDecimal>,
) -> QueryResult<i32> {
    let inserted = diesel::insert_into(sw::table)
        .values((
            sw::name.eq(name),
            sw::code.eq(token),
            sw::biochemical_unit_value.eq(unit_value),
            sw::address.eq(""),
            sw::phone.eq(""),
            sw::webpage.eq(""),
            sw::contact_pending.eq(true),
        ))
        .on_conflict(sw::code)
        .do_nothing()
        .returning(sw::id)
        .get_result::<i32>(conn)
        .await
        .optional()?;
    match inserted {
        Some(id) => Ok(id),
        None => {
            let registered = sw::table.filter(sw::code.eq(token)).select(sw::id);
            registered.first(conn).await
        }
    }
}
