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
        (
            "LocalTime",
            "https://scalars.graphql.org/andimarek/local-time.html",
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

/// Whether a definition has a description that is not blank.
fn described(description: &Option<async_graphql::Positioned<String>>) -> bool {
    description
        .as_ref()
        .is_some_and(|text| !text.node.trim().is_empty())
}

/// Client code generators and GraphiQL's docs explorer show descriptions to front-end
/// developers who never read the Rust code: every type, field, field argument, input field,
/// enum value and directive of the exported SDL carries one, and none is blank. Exempt: the
/// spec's built-in scalars (`String`, `Int`, `Float`, `Boolean`, `ID`), which the GraphQL
/// specification itself describes (and which the SDL does not even list).
///
/// Directive arguments are checked through introspection: async-graphql's SDL export never
/// writes their descriptions (all the schema's directives are the spec's own: `@skip`,
/// `@include`, `@deprecated`, `@specifiedBy`, `@oneOf`).
#[tokio::test]
async fn every_type_field_argument_and_enum_value_is_documented() {
    use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};

    const BUILT_IN_SCALARS: [&str; 5] = ["String", "Int", "Float", "Boolean", "ID"];
    let sdl = clinic::graphql::sdl();
    let document = async_graphql::parser::parse_schema(&sdl).expect("the SDL parses");
    let mut undocumented = Vec::new();
    let mut check = |path: String, description: &Option<async_graphql::Positioned<String>>| {
        if !described(description) {
            undocumented.push(path);
        }
    };
    let mut types = 0;
    for definition in &document.definitions {
        match definition {
            TypeSystemDefinition::Schema(_) => {}
            TypeSystemDefinition::Directive(directive) => {
                let directive = &directive.node;
                check(format!("@{}", directive.name.node), &directive.description);
            }
            TypeSystemDefinition::Type(ty) => {
                let ty = &ty.node;
                let name = ty.name.node.as_str();
                if matches!(ty.kind, TypeKind::Scalar) && BUILT_IN_SCALARS.contains(&name) {
                    continue;
                }
                types += 1;
                check(name.to_owned(), &ty.description);
                let fields = match &ty.kind {
                    TypeKind::Object(object) => &object.fields[..],
                    TypeKind::Interface(interface) => &interface.fields[..],
                    _ => &[],
                };
                for field in fields {
                    let field = &field.node;
                    check(format!("{name}.{}", field.name.node), &field.description);
                    for argument in &field.arguments {
                        let argument = &argument.node;
                        check(
                            format!("{name}.{}({})", field.name.node, argument.name.node),
                            &argument.description,
                        );
                    }
                }
                match &ty.kind {
                    TypeKind::InputObject(input) => {
                        for field in &input.fields {
                            let field = &field.node;
                            check(format!("{name}.{}", field.name.node), &field.description);
                        }
                    }
                    TypeKind::Enum(enumeration) => {
                        for value in &enumeration.values {
                            let value = &value.node;
                            check(format!("{name}.{}", value.value.node), &value.description);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(types > 40, "the walk found only {types} types");

    let schema = clinic::graphql::schema_builder().finish();
    let query = "{ __schema { directives { name args { name description } } } }";
    let response = async_graphql::Schema::execute(&schema, query).await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let data = response.data.into_json().unwrap();
    for directive in data["__schema"]["directives"].as_array().unwrap() {
        for argument in directive["args"].as_array().unwrap() {
            let description = argument["description"].as_str().unwrap_or_default();
            if description.trim().is_empty() {
                undocumented.push(format!(
                    "@{}({})",
                    directive["name"].as_str().unwrap_or_default(),
                    argument["name"].as_str().unwrap_or_default()
                ));
            }
        }
    }

    assert!(
        undocumented.is_empty(),
        "{} undocumented (give each a `///` doc comment, or `#[graphql(desc = \"…\")]` on an \
         argument, then regenerate schema.graphql):\n{}",
        undocumented.len(),
        undocumented.join("\n")
    );
}
