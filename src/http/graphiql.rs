//! GraphiQL, served whole by the service: the page and its assets (npm's production builds,
//! embedded by build.rs), so it works on an intranet with no internet. The page runs only
//! same-origin scripts and says so in its Content-Security-Policy.

use axum::{
    extract::Path,
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Response},
};
use serde_json::json;
use std::sync::atomic::Ordering;

use crate::{app::AppState, auth::Role, demo};

pub struct Asset {
    pub path: &'static str,
    pub content_type: &'static str,
    pub body: &'static [u8],
}

pub mod assets {
    use super::Asset;
    include!(concat!(env!("OUT_DIR"), "/graphiql_assets.rs"));
}

/// Where the page may load from: itself only. Fonts and icons are data: URIs inside GraphiQL's
/// stylesheet; requests go to `/graphql`. GraphiQL's dialogs add one `<style>` element of their
/// own, allowed by this response's nonce (`{nonce}`), which init.js hands them.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; font-src 'self' data:; \
     connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The page's Content-Security-Policy with this response's style nonce.
pub fn content_security_policy(nonce: &str) -> String {
    CONTENT_SECURITY_POLICY.replace("{nonce}", nonce)
}

/// 128 random bits, base64: a fresh nonce per page, so no other page's can be reused.
fn nonce() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    use base64::{Engine, engine::general_purpose::STANDARD};
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    STANDARD.encode(bytes)
}

/// The page. In demo mode, while the demo `admin` still has the published password (so the
/// token gives nobody more than the README does), it opens on the booking check with a fresh
/// token of that admin in the Headers tab; headers the user typed before are kept instead.
pub fn page(state: &AppState) -> Response {
    let demo_token = (state.config.demo_mode() && state.demo_admin_open.load(Ordering::Relaxed))
        .then(|| state.jwt.issue("admin", Role::Admin).ok())
        .flatten();
    let nonce = nonce();
    let config = match demo_token {
        Some((token, _)) => json!({
            "endpoint": "/graphql",
            "styleNonce": nonce,
            "defaultQuery": demo::booking_example(),
            "defaultHeaders": format!("{{\n  \"Authorization\": \"Bearer {token}\"\n}}"),
        }),
        None => json!({ "endpoint": "/graphql", "styleNonce": nonce, "defaultQuery": WELCOME }),
    };
    // `<` escaped: the JSON sits in the HTML, and no string in it may close the element.
    let config = config.to_string().replace('<', "\\u003c");
    use assets::*;
    let html = format!(
        r#"<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clínica: back office</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{css}">
<link rel="stylesheet" href="{page_css}">
<script type="application/json" id="graphiql-config">{config}</script>
</head>
<body>
<div id="graphiql">Cargando GraphiQL…</div>
<script src="{react}"></script>
<script src="{react_dom}"></script>
<script src="{graphiql}"></script>
<script src="{init}"></script>
</body>
</html>
"#,
        css = GRAPHIQL_CSS.path,
        page_css = PAGE_CSS.path,
        react = REACT.path,
        react_dom = REACT_DOM.path,
        graphiql = GRAPHIQL_JS.path,
        init = INIT_JS.path,
    );
    let mut response = Html(html).into_response();
    let headers = response.headers_mut();
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    // The page may carry a token: never cached, never sent on as a referrer.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

const WELCOME: &str = "# GraphiQL de la clínica. Las consultas que necesitan sesión llevan el \
token en Headers (abajo):\n# {\"Authorization\": \"Bearer …\"}; la mutación `login` lo da. \
Docs (arriba a la izquierda) lista el esquema.\n{\n  viewer {\n    username\n    role\n  }\n}\n";

/// `GET /graphiql/{file}`: names carry a hash of their content, so they are cached for good.
pub async fn asset(Path(file): Path<String>) -> Response {
    let Some(asset) = assets::ALL
        .iter()
        .find(|a| a.path.strip_prefix("/graphiql/") == Some(file.as_str()))
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let cache = if asset.path.ends_with(".txt") {
        "public, max-age=3600"
    } else {
        "public, max-age=31536000, immutable"
    };
    (
        [
            (header::CONTENT_TYPE, asset.content_type),
            (header::CACHE_CONTROL, cache),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        asset.body,
    )
        .into_response()
}
