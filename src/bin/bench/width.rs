//! What the width of (a)'s statement costs PostgreSQL: the page of patients as the service
//! reads it (every column of each patient and of its social work) against narrower reads of
//! the same page, each run many times on one connection and timed by that connection's
//! backend CPU. Tells how much selecting only the asked-for columns could save.

use clinic::{
    db::{
        plan::with_limit,
        schema::{patients as p, social_works as s},
    },
    graphql::connection::PageRequest,
    patients::{
        Patient,
        model::{Filter, page_with_social_works},
    },
};
use diesel::{NullableExpressionMethods, QueryDsl, SelectableHelper, dsl::sql, sql_types::Integer};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::cpu;

/// Runs of each statement; a CPU clock tick is 10 ms, so this keeps the error near 5%.
const RUNS: u32 = 3000;

pub struct Width {
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
    // Two alternating rounds, so that a neighbour's burst weighs on all three alike.
    for _ in 0..2 {
        let started = cpu::micros(&backend);
        for _ in 0..RUNS {
            page_with_social_works(conn, &Filter::default(), &page).await?;
        }
        service += cpu::micros(&backend) - started;

        let started = cpu::micros(&backend);
        for _ in 0..RUNS {
            let query = p::table
                .left_join(s::table)
                .order(order)
                .select((Patient::as_select(), s::name.nullable()));
            let _: Vec<(Patient, Option<String>)> = with_limit(query, limit).load(conn).await?;
        }
        patients_wide += cpu::micros(&backend) - started;

        let started = cpu::micros(&backend);
        for _ in 0..RUNS {
            let query = p::table.inner_join(s::table).order(order).select((
                p::id,
                p::first_name,
                p::last_name,
                p::document_number,
                s::name,
            ));
            let _: Vec<(i32, String, String, String, String)> =
                with_limit(query, limit).load(conn).await?;
        }
        narrow += cpu::micros(&backend) - started;
    }
    let per_run = |micros: u64| micros as f64 / f64::from(2 * RUNS);
    Ok(Width {
        service: per_run(service),
        patients_wide: per_run(patients_wide),
        narrow: per_run(narrow),
    })
}
