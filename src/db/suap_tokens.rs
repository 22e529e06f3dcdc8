//! SUAP's tokens of the people it names, per convenio (migration 000019): which of our rows
//! each one is, so that a re-import finds the same person first by SUAP's own identity.

use diesel::{
    OptionalExtension, QueryResult, QueryableByName,
    sql_types::{Int4, Text},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// Whose tokens: each kind has its own table, with a foreign key to its rows.
#[derive(Debug, Clone, Copy)]
pub enum Holder {
    Patient,
    Practitioner,
}

impl Holder {
    fn table_and_column(self) -> (&'static str, &'static str) {
        match self {
            Self::Patient => ("patient_suap_tokens", "patient_id"),
            Self::Practitioner => ("practitioner_suap_tokens", "practitioner_id"),
        }
    }
}

#[derive(QueryableByName)]
struct Held {
    #[diesel(sql_type = Int4)]
    id: i32,
}

/// The row SUAP's `token` in the social work's convenio names, if it was seen before.
pub async fn holder_of(
    conn: &mut AsyncPgConnection,
    holder: Holder,
    (social_work_id, token): (i32, &str),
) -> QueryResult<Option<i32>> {
    let (table, column) = holder.table_and_column();
    let sql =
        format!("SELECT {column} AS id FROM {table} WHERE social_work_id = $1 AND token = $2");
    let held: Option<Held> = diesel::sql_query(sql)
        .bind::<Int4, _>(social_work_id)
        .bind::<Text, _>(token)
        .get_result(conn)
        .await
        .optional()?;
    Ok(held.map(|held| held.id))
}

/// Remembers that SUAP's `token` (if SUAP sent one) names row `id`; the first sighting of a
/// token wins.
pub async fn remember(
    conn: &mut AsyncPgConnection,
    holder: Holder,
    token: Option<(i32, &str)>,
    id: i32,
) -> QueryResult<()> {
    let Some((social_work_id, token)) = token else {
        return Ok(());
    };
    let (table, column) = holder.table_and_column();
    let sql = format!(
        "INSERT INTO {table} (social_work_id, token, {column}) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
    );
    diesel::sql_query(sql)
        .bind::<Int4, _>(social_work_id)
        .bind::<Text, _>(token)
        .bind::<Int4, _>(id)
        .execute(conn)
        .await?;
    Ok(())
}
