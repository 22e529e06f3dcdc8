use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use clinic::auth::Role;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode, get_current_timestamp};
use serde_json::{Value, json};

use crate::common::*;

const QUERY: &str = "{ viewer { username role } }";

fn sign(claims: Value, secret: &str) -> String {
    encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

fn claims(role: &str) -> Value {
    let now = get_current_timestamp();
    json!({ "sub": "ana", "role": role, "iat": now, "exp": now + 600 })
}

#[tokio::test]
async fn every_query_needs_a_valid_token() {
    let app = TestApp::new().await;
    let now = get_current_timestamp();
    let unsigned = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(claims("ADMIN").to_string())
    );
    let bad_tokens = [
        (
            "expired",
            sign(
                json!({ "sub": "ana", "role": "ADMIN", "iat": now - 7200, "exp": now - 3600 }),
                SECRET,
            ),
        ),
        (
            "bad signature",
            sign(claims("ADMIN"), "another-secret-that-is-32-bytes-long!!"),
        ),
        ("alg none", unsigned),
        (
            "not yet valid",
            sign(
                json!({ "sub": "ana", "role": "ADMIN", "iat": now, "nbf": now + 3600, "exp": now + 7200 }),
                SECRET,
            ),
        ),
        (
            "string exp",
            sign(
                json!({ "sub": "ana", "role": "ADMIN", "iat": now, "exp": (now + 600).to_string() }),
                SECRET,
            ),
        ),
        (
            "no exp",
            sign(json!({ "sub": "ana", "role": "ADMIN", "iat": now }), SECRET),
        ),
        ("unknown role", sign(claims("ROOT"), SECRET)),
        ("garbage", "not.a.token".to_owned()),
    ];
    for (what, token) in bad_tokens {
        let (status, body) = app.post(Some(&token), QUERY, json!({})).await;
        assert_eq!(status, 200);
        assert_eq!(error_code(&body), "UNAUTHENTICATED", "{what}: {body}");
        assert_eq!(body["data"], json!(null), "{what}");
    }
    let (_, body) = app.post(None, QUERY, json!({})).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED");
    let (_, body) = app
        .post(None, "{ socialWorks { totalCount } }", json!({}))
        .await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED");

    let (_, body) = app
        .post(Some(&sign(claims("VIEWER"), SECRET)), QUERY, json!({}))
        .await;
    assert_eq!(
        body["data"]["viewer"],
        json!({ "username": "ana", "role": "VIEWER" }),
        "{body}"
    );
}

#[tokio::test]
async fn issuer_and_audience_are_required_when_configured() {
    let app = TestApp::with_args(&[
        "--jwt-issuer",
        "https://idp.example",
        "--jwt-audience",
        "clinic",
    ])
    .await;
    let mut good = claims("STAFF");
    good["iss"] = json!("https://idp.example");
    good["aud"] = json!("clinic");
    let (_, body) = app
        .post(Some(&sign(good.clone(), SECRET)), QUERY, json!({}))
        .await;
    assert_eq!(body["data"]["viewer"]["role"], "STAFF", "{body}");

    for (field, value) in [
        ("aud", json!("other")),
        ("aud", Value::Null),
        ("iss", json!("https://evil.example")),
        ("iss", Value::Null),
    ] {
        let mut bad = good.clone();
        if value.is_null() {
            bad.as_object_mut().unwrap().remove(field);
        } else {
            bad[field] = value.clone();
        }
        let (_, body) = app.post(Some(&sign(bad, SECRET)), QUERY, json!({})).await;
        assert_eq!(
            error_code(&body),
            "UNAUTHENTICATED",
            "{field}={value}: {body}"
        );
    }
    // Our own tokens carry both.
    let body = app.gql_as(Role::Viewer, QUERY, json!({})).await;
    assert_eq!(body["data"]["viewer"]["role"], "VIEWER", "{body}");
}

#[tokio::test]
async fn roles_are_enforced() {
    let app = TestApp::new().await;
    let sw = create_social_work(&app, "OSDE").await;
    let create_sw = json!({ "input": social_work_input("Galeno") });

    let body = app
        .gql_as(
            Role::Viewer,
            CREATE_PATIENT,
            json!({ "input": patient_input(&sw, "30111222") }),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    let body = app
        .gql_as(Role::Staff, CREATE_SOCIAL_WORK, create_sw.clone())
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    let body = app
        .gql_as(Role::Viewer, CREATE_SOCIAL_WORK, create_sw.clone())
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    let (_, body) = app.post(None, CREATE_SOCIAL_WORK, create_sw).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED", "{body}");
    let body = app.gql_as(Role::Staff, "mutation { createUser(input: {username: \"x\", password: \"long enough pw\", role: ADMIN}) { user { id } } }", json!({})).await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    assert_eq!(app.sql_count("SELECT count(*) FROM social_works").await, 1);
    assert_eq!(app.sql_count("SELECT count(*) FROM users").await, 0);

    let body = app
        .gql_as(
            Role::Staff,
            CREATE_PATIENT,
            json!({ "input": patient_input(&sw, "30111222") }),
        )
        .await;
    assert!(
        body["data"]["createPatient"]["patient"].is_object(),
        "{body}"
    );
}

const LOGIN: &str = "mutation($u: String!, $p: String!) {
  login(input: {username: $u, password: $p}) { token expiresAt user { username role } userErrors { field message code } }
}";

#[tokio::test]
async fn every_mistake_of_the_user_form_is_reported_at_once() {
    let app = TestApp::new().await;
    let body = app
        .admin(
            "mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { field code } } }",
            json!({ "i": { "username": "con espacios!", "password": "corta", "role": "STAFF" } }),
        )
        .await;
    assert_eq!(
        body["data"]["createUser"]["userErrors"],
        json!([
            { "field": ["password"], "code": "INVALID_LENGTH" },
            { "field": ["username"], "code": "INVALID_FORMAT" },
        ]),
        "{body}"
    );
    let body = app
        .admin(
            "mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { field code } } }",
            json!({ "i": { "username": "x".repeat(61), "password": "una clave larga", "role": "STAFF" } }),
        )
        .await;
    assert_eq!(
        body["data"]["createUser"]["userErrors"],
        json!([{ "field": ["username"], "code": "TOO_LONG" }]),
        "{body}"
    );
    assert_eq!(
        app.sql_count("SELECT count(*) FROM users WHERE username <> 'admin'")
            .await,
        0
    );
}

#[tokio::test]
async fn login_with_a_user_created_by_an_admin() {
    let app = TestApp::new().await;
    let body = app
        .admin(
            "mutation($i: CreateUserInput!) { createUser(input: $i) { user { id username role } userErrors { code message field } } }",
            json!({ "i": { "username": "recepcion", "password": "corta", "role": "STAFF" } }),
        )
        .await;
    assert_eq!(
        body["data"]["createUser"]["userErrors"][0]["code"], "INVALID_LENGTH",
        "{body}"
    );
    let create = |name: &str| json!({ "i": { "username": name, "password": "una clave larga", "role": "STAFF" } });
    let q = "mutation($i: CreateUserInput!) { createUser(input: $i) { user { username role } userErrors { code } } }";
    let body = app.admin(q, create("recepcion")).await;
    assert_eq!(
        body["data"]["createUser"]["user"],
        json!({ "username": "recepcion", "role": "STAFF" }),
        "{body}"
    );
    let body = app.admin(q, create("Recepcion")).await;
    assert_eq!(
        body["data"]["createUser"]["userErrors"][0]["code"], "TAKEN",
        "{body}"
    );

    let (_, body) = app
        .post(
            None,
            LOGIN,
            json!({ "u": "recepcion", "p": "una clave larga" }),
        )
        .await;
    let login = &body["data"]["login"];
    assert_eq!(login["user"]["role"], "STAFF", "{body}");
    let token = login["token"].as_str().unwrap();
    let (_, body) = app.post(Some(token), QUERY, json!({})).await;
    assert_eq!(
        body["data"]["viewer"],
        json!({ "username": "recepcion", "role": "STAFF" })
    );

    let wrong_password = app
        .post(None, LOGIN, json!({ "u": "recepcion", "p": "otra clave" }))
        .await
        .1;
    let unknown_user = app
        .post(None, LOGIN, json!({ "u": "nadie", "p": "una clave larga" }))
        .await
        .1;
    for body in [&wrong_password, &unknown_user] {
        assert_eq!(body["data"]["login"]["token"], json!(null));
        assert_eq!(
            user_errors(&body["data"]["login"]),
            vec![(
                "INVALID_CREDENTIALS".to_owned(),
                "Usuario o contraseña incorrectos".to_owned()
            )]
        );
    }
    assert_eq!(
        wrong_password, unknown_user,
        "the two failures must be indistinguishable"
    );
}
