//! The billing rollup (`billing_days`, migration 000006) against the orders it summarises:
//! whatever is written, and however concurrently, it equals a recount from the billing rule's
//! item verdicts (`order_item_rows`).

use clinic::{auth::Role, server};
use diesel::sql_types::Integer;
use diesel_async::{RunQueryDsl, SimpleAsyncConnection};
use serde_json::json;

use crate::common::TestApp;

/// Rollup rows that differ from a recount (or are missing from either side), in the
/// calendar's time zone.
const MISMATCHES: &str = "
    WITH per_order AS (
        SELECT order_id, bool_or(billable) AS billable,
               coalesce(sum(total_value) FILTER (WHERE billable), 0) AS amount,
               coalesce(sum(coalesce(copay_value, 0)) FILTER (WHERE billable), 0) AS copay,
               count(copay_value) AS copays
          FROM order_item_rows GROUP BY order_id),
    recount AS (
        SELECT o.social_work_id,
               (o.authorized_at AT TIME ZONE (SELECT time_zone FROM billing_calendar))::date AS day,
               count(*) AS n, count(*) FILTER (WHERE p.billable) AS b,
               coalesce(sum(p.amount), 0) AS amount,
               -- No item carries a copay: the order's own copay (seed 002).
               coalesce(sum(CASE WHEN p.billable AND p.copays = 0 THEN o.total_copay_value
                                 ELSE p.copay END), 0) AS copay
          FROM orders o LEFT JOIN per_order p ON p.order_id = o.id
         WHERE o.authorized_at IS NOT NULL
         GROUP BY 1, 2),
    rollup AS (SELECT * FROM billing_days WHERE order_count > 0)
    SELECT count(*) FROM recount r
      FULL JOIN rollup d ON d.day = r.day AND d.social_work_id = r.social_work_id
     WHERE r.day IS NULL OR d.day IS NULL
        OR (r.n, r.b, r.amount, r.copay)
           IS DISTINCT FROM (d.order_count, d.billable_order_count, d.billable_amount, d.copay_amount)";

/// Orders whose stored verdicts differ from a recount over their items.
const STALE_ORDERS: &str = "
    SELECT count(*) FROM orders o
      LEFT JOIN LATERAL (
          SELECT coalesce(bool_or(billable), false) AS billable,
                 coalesce(sum(total_value) FILTER (WHERE billable), 0) AS amount,
                 coalesce(sum(coalesce(copay_value, 0)) FILTER (WHERE billable), 0) AS copay,
                 coalesce(sum(total_value) FILTER (WHERE authorization_status IN (1, 6)), 0) AS value,
                 sum(copay_value) FILTER (WHERE authorization_status IN (1, 6)) AS authorized_copay,
                 count(copay_value) FILTER (WHERE authorization_status IN (1, 6)) AS copays,
                 count(copay_value) AS item_copays
            FROM order_item_rows WHERE order_id = o.id) r ON true
     WHERE (o.billable, o.billable_amount, o.billable_copay_amount, o.totals_mismatch)
           IS DISTINCT FROM
           (r.billable, r.amount,
            CASE WHEN r.billable AND r.item_copays = 0 THEN o.total_copay_value ELSE r.copay END,
            o.total_authorized_value <> r.value
            OR (r.copays > 0 AND o.total_copay_value <> r.authorized_copay))";

async fn with_demo_data(args: &[&str]) -> TestApp {
    let app = TestApp::with_args(args).await;
    clinic::demo::load(&mut app.state.pool.get().await.unwrap())
        .await
        .unwrap();
    app
}

async fn run(app: &TestApp, sql: &str) {
    let mut conn = app.state.pool.get().await.unwrap();
    conn.batch_execute(sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

#[tokio::test]
async fn the_rollup_follows_every_change_to_orders_and_items() {
    let app = with_demo_data(&[]).await;
    assert!(
        app.sql_count("SELECT count(*) FROM billing_days WHERE billable_order_count > 0")
            .await
            > 0,
        "the demo's billable orders are counted"
    );
    assert_eq!(app.sql_count(MISMATCHES).await, 0, "after the demo load");
    let changes = [
        // Item verdicts change: authorized, rejected, values and copays edited.
        "UPDATE order_items SET authorization_status = 1 WHERE id % 3 = 0",
        "UPDATE order_items SET authorization_status = 2 WHERE id % 4 = 0",
        "UPDATE order_items SET total_value = total_value + 10.5, copay_value = NULL WHERE id % 5 = 0",
        "UPDATE orders SET total_authorized_value = total_authorized_value + 1 WHERE id % 9 = 0",
        // Order headers change the verdict of all their items.
        "UPDATE orders SET draft = NOT draft WHERE id % 4 = 0",
        "UPDATE orders SET cancelled_by_provider = true WHERE id % 6 = 0",
        "UPDATE orders SET authorization_status = (authorization_status + 1) % 9 WHERE id % 2 = 0",
        // Orders move between days and social works, or lose their consumption date.
        "UPDATE orders SET authorized_at = authorized_at + interval '1 day 3 hours' WHERE id % 3 = 1",
        "UPDATE orders SET social_work_id = (SELECT min(id) FROM social_works) WHERE id % 5 = 1",
        "UPDATE orders SET authorized_at = NULL WHERE id % 7 = 2",
        // Items and orders come and go.
        "INSERT INTO order_items (order_id, position, nomenclator_code, nomenclator, name,
                                  authorization_status, total_value, copay_value)
         SELECT id, 100, '660001', 'NBU', 'EXTRA', 1, 99.99, 9.99 FROM orders WHERE id % 2 = 1",
        "DELETE FROM order_items WHERE position = 0 AND order_id % 3 = 2",
        "DELETE FROM orders WHERE id % 8 = 3",
    ];
    assert!(
        app.sql_count("SELECT count(*) FROM orders WHERE totals_mismatch")
            .await
            > 0,
        "the demo has orders whose SUAP totals disagree"
    );
    for change in changes {
        run(&app, change).await;
        assert_eq!(
            app.sql_count(STALE_ORDERS).await,
            0,
            "orders after {change}"
        );
        assert_eq!(app.sql_count(MISMATCHES).await, 0, "rollup after {change}");
    }
}

#[tokio::test]
async fn concurrent_writers_lose_no_contribution() {
    let app = with_demo_data(&[]).await;
    let target: i32 = {
        let mut conn = app.state.pool.get().await.unwrap();
        diesel::dsl::sql::<Integer>("SELECT min(id) FROM orders WHERE authorized_at IS NOT NULL")
            .get_result(&mut conn)
            .await
            .unwrap()
    };
    // Eight writers at once, each in its own transaction: items into one shared order (the
    // same orders row and rollup row), and new orders on that order's day and social work.
    let writers = (0..8).map(|w| {
        let pool = app.state.pool.clone();
        tokio::spawn(async move {
            let mut conn = pool.get().await.unwrap();
            for round in 0..5 {
                conn.batch_execute(&format!(
                    "BEGIN;
                     INSERT INTO order_items (order_id, position, nomenclator_code, nomenclator,
                                              name, authorization_status, total_value, copay_value)
                     VALUES ({target}, {position}, '660002', 'NBU', 'CONCURRENTE', 1, 10, 1);
                     INSERT INTO orders (authorized_at, authorization_status, affiliate_id, social_work_id)
                     SELECT authorized_at, 1, affiliate_id, social_work_id FROM orders WHERE id = {target};
                     COMMIT;",
                    position = 1000 + w * 10 + round
                ))
                .await
                .unwrap();
            }
        })
    });
    for writer in writers {
        writer.await.unwrap();
    }
    assert_eq!(app.sql_count(STALE_ORDERS).await, 0);
    assert_eq!(app.sql_count(MISMATCHES).await, 0);
    assert_eq!(
        app.sql_count(&format!(
            "SELECT count(*) FROM order_items WHERE order_id = {target} AND position >= 1000"
        ))
        .await,
        40
    );
}

#[tokio::test]
async fn the_rollup_counts_days_of_the_clinic_time_zone() {
    // UTC+14: an order consumed at 20:00 UTC belongs to the next day there.
    let app = with_demo_data(&["--clinic-time-zone", "Pacific/Kiritimati"]).await;
    assert_eq!(
        app.sql_count(
            "SELECT count(*) FROM billing_calendar WHERE time_zone = 'Pacific/Kiritimati'"
        )
        .await,
        1
    );
    run(
        &app,
        "UPDATE orders SET authorized_at = '2001-03-10 20:00:00+00' WHERE id = (SELECT min(id) FROM orders)",
    )
    .await;
    assert_eq!(app.sql_count(MISMATCHES).await, 0);
    let summary = "query($day: Date!) { billingSummary(from: $day, to: $day) { orderCount } }";
    let app = &app;
    let count_on = |day: &'static str| async move {
        let body = app
            .gql_as(Role::Viewer, summary, json!({ "day": day }))
            .await;
        body["data"]["billingSummary"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .iter()
            .map(|row| row["orderCount"].as_i64().unwrap())
            .sum::<i64>()
    };
    assert_eq!(count_on("2001-03-11").await, 1, "the clinic's day");
    assert_eq!(count_on("2001-03-10").await, 0, "not UTC's");

    // Served in another zone, the rollup is recounted in that zone's days at start.
    server::align_billing_calendar(&app.database_url(), "UTC")
        .await
        .unwrap();
    assert_eq!(
        app.sql_count("SELECT count(*) FROM billing_calendar WHERE time_zone = 'UTC'")
            .await,
        1
    );
    assert_eq!(app.sql_count(MISMATCHES).await, 0);
    let on_tenth = "SELECT coalesce(sum(order_count), 0)::bigint FROM billing_days \
                    WHERE day = '2001-03-10'";
    assert_eq!(app.sql_count(on_tenth).await, 1);
}

/// `clinic check` on the test's database: (success, standard output).
fn clinic_check(app: &TestApp, repair: bool) -> (bool, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_clinic"));
    command
        .arg("check")
        .env("DATABASE_URL", app.database_url())
        .env("JWT_SECRET", "a-test-secret-that-is-long-enough-32b")
        .env("RUST_LOG", "warn");
    if repair {
        command.arg("--repair");
    }
    let output = command.output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[tokio::test]
async fn the_rollup_follows_a_truncate_and_clinic_check_finds_and_repairs_drift() {
    let app = with_demo_data(&[]).await;
    let summary = "{ billingSummary(from: \"2000-01-01\", to: \"2999-12-31\") { orderCount } }";
    let counted = |body: serde_json::Value| -> i64 {
        body["data"]["billingSummary"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .iter()
            .map(|row| row["orderCount"].as_i64().unwrap())
            .sum()
    };
    assert!(counted(app.gql_as(Role::Viewer, summary, json!({})).await) > 0);
    let (agrees, said) = clinic_check(&app, false);
    assert!(agrees, "{said}");
    assert!(said.contains("agrees"), "{said}");

    // Drift made by hand: `clinic check` names the day and fails until repaired.
    run(&app, "UPDATE billing_days SET order_count = order_count + 1 WHERE day = (SELECT min(day) FROM billing_days)").await;
    let (agrees, said) = clinic_check(&app, false);
    assert!(!agrees);
    assert!(
        said.contains("social work") && said.contains("recount"),
        "{said}"
    );
    let (repaired, said) = clinic_check(&app, true);
    assert!(repaired, "{said}");
    assert_eq!(app.sql_count(MISMATCHES).await, 0);
    assert!(clinic_check(&app, false).0);

    // TRUNCATE fires no row trigger. Items alone: every order is recomputed without them.
    run(&app, "TRUNCATE order_items").await;
    assert_eq!(
        app.sql_count("SELECT count(*) FROM orders WHERE billable")
            .await,
        0
    );
    assert_eq!(app.sql_count(STALE_ORDERS).await, 0);
    assert_eq!(app.sql_count(MISMATCHES).await, 0);
    assert!(clinic_check(&app, false).0);
    // Orders: the statement trigger empties the rollup with them.
    run(&app, "TRUNCATE orders CASCADE").await;
    assert_eq!(
        counted(app.gql_as(Role::Viewer, summary, json!({})).await),
        0
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM billing_days").await, 0);
    assert!(clinic_check(&app, false).0);
}
