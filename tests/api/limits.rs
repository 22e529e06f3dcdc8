use std::time::{Duration, Instant};

use clinic::auth::Role;
use serde_json::json;

use crate::common::*;

async fn rejected_quickly(app: &TestApp, query: &str) -> serde_json::Value {
    let token = app.token(Role::Admin);
    let start = Instant::now();
    let (status, body) = app.post(Some(&token), query, json!({})).await;
    let elapsed = start.elapsed();
    // 400 when refused from the text alone, before parsing (size, nesting); 200 otherwise.
    assert!(status == 200 || status == 400, "status {status}");
    assert_eq!(error_code(&body), "QUERY_TOO_COMPLEX", "{body}");
    assert!(elapsed < Duration::from_millis(50), "took {elapsed:?}");
    body
}

#[tokio::test]
async fn deep_queries_are_rejected() {
    let app = TestApp::new().await;
    let deep = "{ socialWorks { nodes { patients { nodes { socialWork { patients { nodes { socialWork { patients { nodes { socialWork { name } } } } } } } } } } } }";
    rejected_quickly(&app, deep).await;
}

#[tokio::test]
async fn complex_queries_are_rejected() {
    let app = TestApp::new().await;
    let wide = "{ socialWorks(first: 100) { nodes { name patients(first: 100) { nodes { firstName lastName } } } } }";
    rejected_quickly(&app, wide).await;
}

#[tokio::test]
async fn fragment_fan_out_is_rejected_before_validation() {
    let app = TestApp::new().await;
    let mut query = String::from("query { ...F0 }\n");
    for level in 0..9 {
        let spreads: String = (0..10).map(|_| format!(" ...F{}", level + 1)).collect();
        query.push_str(&format!("fragment F{level} on Query {{{spreads} }}\n"));
    }
    query.push_str("fragment F9 on Query { __typename }\n");
    assert!(query.len() < 1024);
    rejected_quickly(&app, &query).await;
}

#[tokio::test]
async fn oversized_query_text_and_too_many_directives_are_rejected() {
    let app = TestApp::new().await;
    let aliases: String = (0..10_000).map(|i| format!(" a{i}: __typename")).collect();
    rejected_quickly(&app, &format!("{{{aliases} }}")).await;
    let directives: String = (0..50).map(|_| " @skip(if: false)").collect();
    rejected_quickly(&app, &format!("{{ __typename{directives} }}")).await;
}

#[tokio::test]
async fn graphiql_introspection_passes() {
    let app = TestApp::new().await;
    let introspection = include_str!("introspection.graphql");
    let (status, body) = app
        .post(Some(&app.token(Role::Viewer)), introspection, json!({}))
        .await;
    assert_eq!(status, 200);
    assert!(body["errors"].is_null(), "{body}");
    assert!(body["data"]["__schema"]["types"].as_array().unwrap().len() > 20);
}

#[tokio::test]
async fn validation_errors_have_a_code_and_no_suggestions() {
    let app = TestApp::new().await;
    let body = app
        .gql_as(Role::Viewer, "{ socialWork { name } }", json!({}))
        .await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    assert!(!body.to_string().contains("Did you mean"), "{body}");
    let body = app.gql_as(Role::Viewer, "{ socialWorks(", json!({})).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    let body = app
        .gql_as(
            Role::Viewer,
            "{ socialWorks(first: \"x\") { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
    let body = app
        .gql_as(
            Role::Viewer,
            "query($n: Int) { socialWorks(first: $n) { totalCount } }",
            json!({ "n": "x" }),
        )
        .await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
}
