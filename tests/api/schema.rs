use std::collections::BTreeSet;

use diesel_async::RunQueryDsl;

use crate::common::*;

#[test]
fn schema_graphql_is_in_sync_with_the_code() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema.graphql")).unwrap();
    assert!(
        committed == clinic::graphql::sdl(),
        "schema.graphql is stale: run `cargo run -- schema > schema.graphql`"
    );
}

#[derive(diesel::QueryableByName)]
struct Name {
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
}

/// Every constraint the database enforces must have a Spanish user error, or be declared
/// internal (no input reaches it).
#[tokio::test]
async fn every_constraint_has_a_user_error() {
    let app = TestApp::new().await;
    let mut conn = app.state.pool.get().await.unwrap();
    let names: Vec<Name> = diesel::sql_query(
        "SELECT conname::text AS name FROM pg_constraint
          WHERE connamespace = 'public'::regnamespace AND contype IN ('c', 'u', 'f', 'x')
         UNION
         SELECT indexrelid::regclass::text FROM pg_index
          WHERE indisunique AND NOT indisprimary
            AND indrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
         UNION -- names our triggers raise with RAISE ... USING CONSTRAINT
         SELECT (regexp_matches(prosrc, 'CONSTRAINT = ''([a-z_]+)''', 'g'))[1] FROM pg_proc
          WHERE pronamespace = 'public'::regnamespace",
    )
    .load(&mut conn)
    .await
    .unwrap();
    let in_db: BTreeSet<String> = names.into_iter().map(|n| n.name).collect();
    let mapped: BTreeSet<String> = clinic::db::constraints::RULES
        .iter()
        .map(|r| r.0)
        .chain(clinic::db::constraints::INTERNAL.iter().copied())
        .map(str::to_owned)
        .collect();
    assert_eq!(in_db, mapped);
}

#[tokio::test]
async fn demo_data_loads_and_reloads() {
    let app = TestApp::new().await;
    let mut conn = app.state.pool.get().await.unwrap();
    assert!(clinic::demo::is_empty(&mut conn).await.unwrap());
    clinic::demo::load(&mut conn).await.unwrap();
    clinic::demo::load(&mut conn).await.unwrap();
    drop(conn);
    assert_eq!(app.sql_count("SELECT count(*) FROM social_works").await, 9);
    assert_eq!(app.sql_count("SELECT count(*) FROM users").await, 3);
    assert!(app.sql_count("SELECT count(*) FROM patients").await >= 30);
    assert_eq!(
        app.sql_count("SELECT count(*) FROM social_works WHERE code = 'OS5' AND name = 'OSDE'")
            .await,
        1
    );
}

#[tokio::test]
async fn custom_scalars_say_their_format_and_where_it_is_specified() {
    let app = TestApp::new().await;
    for (scalar, url) in [
        (
            "Date",
            "https://scalars.graphql.org/andimarek/local-date.html",
        ),
        (
            "DateTime",
            "https://scalars.graphql.org/andimarek/date-time.html",
        ),
        ("Decimal", "https://www.w3.org/TR/xmlschema11-2/#decimal"),
        ("JSON", "https://www.rfc-editor.org/rfc/rfc8259"),
    ] {
        let body = app
            .post(
                None,
                "query($name: String!) { __type(name: $name) { kind specifiedByURL description } }",
                serde_json::json!({ "name": scalar }),
            )
            .await
            .1;
        let found = &body["data"]["__type"];
        assert_eq!(found["kind"], "SCALAR", "{scalar}: {body}");
        assert_eq!(found["specifiedByURL"], url, "{scalar}");
        let description = found["description"].as_str().unwrap_or_default();
        assert!(description.len() > 40, "{scalar}: {description}");
    }
}
