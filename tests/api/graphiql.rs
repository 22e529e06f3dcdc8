//! GraphiQL works with no internet: the page and every asset it names come from the service.

use axum::{body::Body, http::Request};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::common::*;

async fn fetch(app: &TestApp, path: &str, accept: &str) -> (u16, axum::http::HeaderMap, Vec<u8>) {
    let request = Request::get(path)
        .header("accept", accept)
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, body.to_vec())
}

/// Values of `attribute="…"` in the page, in order.
fn attributes(html: &str, attribute: &str) -> Vec<String> {
    let marker = format!(" {attribute}=\"");
    html.match_indices(&marker)
        .map(|(at, _)| {
            let rest = &html[at + marker.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

/// The settings the page hands GraphiQL (a JSON data block).
fn page_config(html: &str) -> Value {
    let start = html.find(r#"id="graphiql-config">"#).unwrap() + r#"id="graphiql-config">"#.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[tokio::test]
async fn graphiql_loads_every_script_and_stylesheet_from_the_service_itself() {
    let app = TestApp::new().await;
    let (status, headers, body) = fetch(&app, "/graphql", "text/html,application/xhtml+xml").await;
    assert_eq!(status, 200);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let csp = headers["content-security-policy"].to_str().unwrap();
    for directive in [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
    ] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    assert!(!csp.contains("http"), "no other origin is allowed: {csp}");
    assert!(
        !csp.contains("unsafe"),
        "no inline script or style but the nonce's: {csp}"
    );
    let html = String::from_utf8(body).unwrap();
    assert!(
        !html.contains("http:") && !html.contains("https:"),
        "{html}"
    );
    assert!(
        !html.contains("<script>"),
        "no inline script: CSP forbids it"
    );

    let scripts = attributes(&html, "src");
    let stylesheets: Vec<String> = attributes(&html, "href")
        .into_iter()
        .filter(|href| href != "data:,")
        .collect();
    assert_eq!(
        scripts.len(),
        4,
        "React, ReactDOM, GraphiQL, our start-up: {scripts:?}"
    );
    assert_eq!(
        stylesheets.len(),
        2,
        "GraphiQL's and the page's: {stylesheets:?}"
    );
    for (paths, content_type) in [(&scripts, "text/javascript"), (&stylesheets, "text/css")] {
        for path in paths {
            assert!(
                path.starts_with("/graphiql/") && !path.starts_with("//"),
                "{path}"
            );
            let (status, headers, body) = fetch(&app, path, "*/*").await;
            assert_eq!(status, 200, "{path}");
            assert!(
                headers["content-type"]
                    .to_str()
                    .unwrap()
                    .starts_with(content_type),
                "{path}: {:?}",
                headers["content-type"]
            );
            assert!(
                headers["cache-control"]
                    .to_str()
                    .unwrap()
                    .contains("immutable")
            );
            assert!(body.len() > 100, "{path} has content");
            let text = String::from_utf8_lossy(&body);
            assert!(
                !text.contains("sourceMappingURL"),
                "{path} points at no missing map"
            );
        }
    }
    // Production builds, not React's development ones.
    assert!(scripts.iter().any(|s| s.contains("react.production.min")));
    assert!(
        scripts
            .iter()
            .any(|s| s.contains("react-dom.production.min"))
    );

    // Licence notices ship alongside, one per package in the bundle.
    let (status, _, notices) = fetch(&app, "/graphiql/THIRD-PARTY-NOTICES.txt", "*/*").await;
    assert_eq!(status, 200);
    let notices = String::from_utf8(notices).unwrap();
    for package in [
        "graphiql@3.9.0 (MIT)",
        "react@18.3.1 (MIT)",
        "react-dom@18.3.1 (MIT)",
        "graphql@",
    ] {
        assert!(notices.contains(package), "{package} in the notices");
    }
    assert!(
        notices.contains("Permission is hereby granted"),
        "licence texts, not only names"
    );
    assert_eq!(fetch(&app, "/graphiql/nothing.js", "*/*").await.0, 404);

    // Outside demo mode the page holds no token.
    let config = page_config(&html);
    assert_eq!(config["endpoint"], "/graphql");
    // The one inline style allowed is GraphiQL's own, by this page's nonce.
    let nonce = config["styleNonce"].as_str().unwrap();
    assert!(
        nonce.len() >= 22 && csp.contains(&format!("'nonce-{nonce}'")),
        "{csp}"
    );
    assert!(config.get("defaultHeaders").is_none(), "{config}");
}

#[tokio::test]
async fn in_demo_mode_graphiql_opens_on_the_booking_check_with_a_working_token() {
    let app = TestApp::with_args(&["--demo"]).await;
    // The start-up chores: demo data into the empty database, and the page's token allowed.
    clinic::server::initialise(&app.state).await.unwrap();
    let (status, _, body) = fetch(&app, "/graphql", "text/html").await;
    assert_eq!(status, 200);
    let config = page_config(&String::from_utf8(body).unwrap());
    let query = config["defaultQuery"].as_str().unwrap();
    assert!(query.contains("authorizationCheck"), "{query}");
    let headers: Value = serde_json::from_str(config["defaultHeaders"].as_str().unwrap()).unwrap();
    let authorization = headers["Authorization"].as_str().unwrap();

    // What GraphiQL sends when the user presses ▶: the example, with the Headers tab's token.
    let request = Request::post("/graphql")
        .header("content-type", "application/json")
        .header(
            "accept",
            "application/graphql-response+json, application/json",
        )
        .header("authorization", authorization)
        .body(Body::from(json!({ "query": query }).to_string()))
        .unwrap();
    let (status, body) = app.send(request).await;
    assert_eq!(status, 200);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert!(body.get("errors").is_none(), "{body}");
    let check = &body["data"]["authorizationCheck"];
    assert_eq!(check["authorized"], true, "{body}");
    assert_eq!(check["authorization"]["eps"]["name"], "FAMISANAR");
}

#[tokio::test]
async fn the_demo_page_gives_no_token_once_the_demo_admin_has_a_password_of_its_own() {
    let app = TestApp::with_args(&["--demo"]).await;
    let mut conn = app.state.pool.get().await.unwrap();
    clinic::demo::load(&mut conn).await.unwrap();
    let hash = clinic::auth::hash_password("una clave propia y larga").unwrap();
    clinic::users::model::set_password(&mut conn, "admin", &hash, None)
        .await
        .unwrap();
    drop(conn);
    clinic::server::initialise(&app.state).await.unwrap();
    let (_, _, body) = fetch(&app, "/graphql", "text/html").await;
    let config = page_config(&String::from_utf8(body).unwrap());
    assert!(config.get("defaultHeaders").is_none(), "{config}");
}
