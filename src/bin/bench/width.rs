//! What the width of (a)'s statement costs PostgreSQL: the page of patients as the service
//! reads it (every column of each patient and of its social work) against narrower reads of
//! the same page, each run many times on one connection and timed by that connection's
//! backend CPU. Tells how much selecting only the asked-for columns could save.

use clinic::{
    db::page::PageRequest,
    db::{
        plan::with_limit,
        schema::{patients as p, social_works as s},
    },
    patients::{
        Patient,
        model::{Filter, page_with_social_works},
    },
};
use diesel::{
    NullableExpressionMethods, QueryDsl, QueryResult, SelectableHelper, dsl::sql,
    sql_types::Integer,
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::cpu;

/// Runs of each statement per round; a CPU clock tick is 10 ms, so this keeps the error near 5%.
const RUNS: u32 = 3000;
const ROUNDS: u32 = 2;

pub struct Width {
    /// Runs of each statement in all.
    pub runs: u32,
    /// PostgreSQL CPU µs per run: every column of both tables (the service's statement),
    /// every column of the patient with the social work's name, and the ceiling's five columns.
    pub service: f64,
    pub patients_wide: f64,
    pub narrow: f64,
}

pub async fn measure(conn: &mut AsyncPgConnection) -> anyhow::Result<Width> {
    let backend: i32 = diesel::select(sql::<Integer>("pg_backend_pid()"))
        .get_result(conn)
        .await?;
    let backend = [u32::try_from(backend)?];
    let page = PageRequest {
        size: 50,
        after: None,
        before: None,
        backward: false,
    };
    let order = (p::last_name, p::first_name, p::id);
    let limit = page.limit();
    let (mut service, mut patients_wide, mut narrow) = (0, 0, 0);
    // Alternating rounds, so that a neighbour's burst weighs on all three alike.
    for _ in 0..ROUNDS {
        service += backend_cpu(&backend, conn, async |conn| {
            page_with_social_works(conn, &Filter::default(), &page).await?;
            Ok(())
        })
        .await?;
        patients_wide += backend_cpu(&backend, conn, async |conn| {
            let query = p::table
                .left_join(s::table)
                .order(order)
                .select((Patient::as_select(), s::name.nullable()));
            let _: Vec<(Patient, Option<String>)> = with_limit(query, limit).load(conn).await?;
            Ok(())
        })
        .await?;
        narrow += backend_cpu(&backend, conn, async |conn| {
            let query = p::table.inner_join(s::table).order(order).select((
                p::id,
                p::first_name,
                p::last_name,
                p::document_number,
                s::name,
            ));
            let _: Vec<(i32, String, String, String, String)> =
                with_limit(query, limit).load(conn).await?;
            Ok(())
        })
        .await?;
    }
    let runs = ROUNDS * RUNS;
    let per_run = |micros: u64| micros as f64 / f64::from(runs);
    Ok(Width {
        runs,
        service: per_run(service),
        patients_wide: per_run(patients_wide),
        narrow: per_run(narrow),
    })
}

/// The backend's CPU µs over `RUNS` runs of `statement`.
async fn backend_cpu(
    backend: &[u32],
    conn: &mut AsyncPgConnection,
    mut statement: impl AsyncFnMut(&mut AsyncPgConnection) -> QueryResult<()>,
) -> anyhow::Result<u64> {
    let started = cpu::micros(backend);
    for _ in 0..RUNS {
        statement(conn).await?;
    }
    Ok(cpu::micros(backend) - started)
}
