use clinic::auth::Role;
use serde_json::{Value, json};

use crate::common::*;

const PAGE: &str = "query($first: Int, $after: String, $last: Int, $before: String) {
  socialWorks(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}";

fn names(body: &Value) -> Vec<String> {
    body["data"]["socialWorks"]["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|e| e["node"]["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn pages_forwards_and_backwards() {
    let app = TestApp::new().await;
    for i in (0..25).rev() {
        create_social_work(&app, &format!("Obra {i:02}")).await;
    }
    let all: Vec<String> = (0..25).map(|i| format!("Obra {i:02}")).collect();

    let body = app.gql_as(Role::Viewer, PAGE, json!({})).await;
    assert_eq!(names(&body), all[..20], "default page size is 20");
    assert_eq!(body["data"]["socialWorks"]["totalCount"], 25);

    let mut seen = vec![];
    let mut after = Value::Null;
    loop {
        let body = app
            .gql_as(Role::Viewer, PAGE, json!({ "first": 10, "after": after }))
            .await;
        seen.extend(names(&body));
        let info = &body["data"]["socialWorks"]["pageInfo"];
        assert_eq!(info["hasPreviousPage"], !after.is_null());
        if info["hasNextPage"] == false {
            break;
        }
        after = info["endCursor"].clone();
    }
    assert_eq!(seen, all);

    let mut seen = vec![];
    let mut before = Value::Null;
    loop {
        let body = app
            .gql_as(Role::Viewer, PAGE, json!({ "last": 10, "before": before }))
            .await;
        let mut page = names(&body);
        page.extend(seen);
        seen = page;
        let info = &body["data"]["socialWorks"]["pageInfo"];
        assert_eq!(info["hasNextPage"], !before.is_null());
        if info["hasPreviousPage"] == false {
            break;
        }
        before = info["startCursor"].clone();
    }
    assert_eq!(seen, all);

    // Between two cursors.
    let body = app.gql_as(Role::Viewer, PAGE, json!({ "first": 25 })).await;
    let edges = body["data"]["socialWorks"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    let body = app
        .gql_as(
            Role::Viewer,
            PAGE,
            json!({ "first": 100, "after": edges[3]["cursor"], "before": edges[7]["cursor"] }),
        )
        .await;
    assert_eq!(names(&body), all[4..7]);
}

#[tokio::test]
async fn page_bounds_and_bad_cursors_are_bad_input() {
    let app = TestApp::new().await;
    for args in [
        json!({ "first": 0 }),
        json!({ "first": 101 }),
        json!({ "last": 0 }),
        json!({ "first": -1 }),
        json!({ "first": 5, "last": 5 }),
        json!({ "after": "bm90IGpzb24" }),
        json!({ "before": "%%%" }),
    ] {
        let body = app.gql_as(Role::Viewer, PAGE, args.clone()).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{args}: {body}");
    }
    let body = app
        .gql_as(Role::Viewer, PAGE, json!({ "first": 100 }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
}

/// Page statements stay in the connection's prepared-statement cache, cursors and limits
/// included, and PostgreSQL settles on one generic plan for them instead of planning every
/// run (a bound `LIMIT $n` or an `sql()` fragment would prevent both).
#[tokio::test]
async fn page_statements_are_prepared_once_and_planned_once() {
    use clinic::{
        db::page::{Listing, PageRequest, encode_cursor},
        orders, patients,
    };
    use diesel::{QueryableByName, sql_types::BigInt, sql_types::Text};
    use diesel_async::RunQueryDsl;

    #[derive(QueryableByName)]
    struct Prepared {
        #[diesel(sql_type = Text)]
        statement: String,
        #[diesel(sql_type = BigInt)]
        generic_plans: i64,
    }

    let app = TestApp::new().await;
    let mut conn = app.state.pool.get().await.unwrap();
    let cursor = encode_cursor(&("García".to_owned(), "Ana".to_owned(), 7));
    let after = PageRequest::new(Some(5), Some(cursor), None, None).unwrap();
    let first = PageRequest::new(Some(7), None, None, None).unwrap();
    let orders_page = PageRequest::<i32>::new(Some(9), None, None, None).unwrap();
    let none = patients::model::Filter::default();
    for _ in 0..8 {
        none.page(&mut conn, &after).await.unwrap();
        patients::model::page_with_social_works(&mut conn, &none, &first)
            .await
            .unwrap();
        let orders = orders::model::Filter::default();
        orders.page(&mut conn, &orders_page).await.unwrap();
    }
    let prepared: Vec<Prepared> =
        diesel::sql_query("SELECT statement, generic_plans FROM pg_prepared_statements")
            .load(&mut conn)
            .await
            .unwrap();
    let planned_once = |needles: &[&str]| {
        let found = prepared
            .iter()
            .filter(|p| needles.iter().all(|n| p.statement.contains(n)))
            .collect::<Vec<_>>();
        assert_eq!(found.len(), 1, "{needles:?} prepared once");
        assert!(
            found[0].generic_plans >= 1,
            "{}: no generic plan",
            found[0].statement
        );
    };
    planned_once(&[
        r#"("patients"."last_name", "patients"."first_name", "patients"."id") > ($1, $2, $3)"#,
        "LIMIT 6",
    ]);
    planned_once(&["\"social_works\".\"name\"", "LIMIT 8"]);
    planned_once(&["FROM \"orders\"", "LIMIT 10"]);
}
