use chrono::{Days, NaiveDate, Utc};
use clinic::auth::Role;
use serde_json::{Value, json};

use crate::common::*;

const CHECK: &str = "query($e: ID!, $s: ID!, $l: ID!, $on: Date) {
  authorizationCheck(epsId: $e, specialtyId: $s, locationId: $l, on: $on) { authorized reason authorization { databaseId } }
}";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

async fn check(app: &TestApp, (e, s, l): (&str, &str, &str), on: Option<NaiveDate>) -> Value {
    let body = app
        .gql_as(
            Role::Viewer,
            CHECK,
            json!({ "e": e, "s": s, "l": l, "on": on.map(|d| d.to_string()) }),
        )
        .await;
    body["data"]["authorizationCheck"].clone()
}

async fn create(app: &TestApp, e: &str, s: &str, l: &str, extra: Value) -> Value {
    let mut input = json!({ "epsId": e, "specialtyId": s, "locationId": l });
    input
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    let body = app
        .admin(CREATE_AUTHORIZATION, json!({ "input": input }))
        .await;
    body["data"]["createAuthorization"].clone()
}

#[tokio::test]
async fn validity_boundaries_day_by_day_and_each_denial_reason() {
    let app = TestApp::new().await;
    let (e, s, l) = create_catalog(&app, "1").await;
    let triple = (e.as_str(), s.as_str(), l.as_str());

    let none = check(&app, triple, Some(day("2025-03-01"))).await;
    assert_eq!(
        none,
        json!({ "authorized": false, "reason": "NO_AGREEMENT", "authorization": null })
    );

    let created = create(
        &app,
        &e,
        &s,
        &l,
        json!({ "authorizationDate": "2025-03-01", "expirationDate": "2025-03-31" }),
    )
    .await;
    assert_eq!(created["userErrors"], json!([]), "{created}");
    let cases = [
        ("2025-02-28", false, Some("NOT_YET_VALID")),
        ("2025-03-01", true, None),
        ("2025-03-15", true, None),
        ("2025-03-31", true, None),
        ("2025-04-01", false, Some("EXPIRED")),
    ];
    for (on, authorized, reason) in cases {
        let answer = check(&app, triple, Some(day(on))).await;
        assert_eq!(answer["authorized"], authorized, "{on}: {answer}");
        assert_eq!(answer["reason"], json!(reason), "{on}");
        assert!(answer["authorization"].is_object());
    }

    // Open ends: no authorization date is valid since always; no expiration, forever.
    let id = created["authorization"]["id"].clone();
    let update = "mutation($i: UpdateAuthorizationInput!) { updateAuthorization(input: $i) { authorization { authorizationDate expirationDate } userErrors { code } } }";
    app.admin(
        update,
        json!({ "i": { "id": id, "authorizationDate": null, "expirationDate": null } }),
    )
    .await;
    for on in ["1900-01-01", "2999-12-31"] {
        assert_eq!(
            check(&app, triple, Some(day(on))).await["authorized"],
            true,
            "{on}"
        );
    }
    app.admin(update, json!({ "i": { "id": id, "authorized": false } }))
        .await;
    assert_eq!(
        check(&app, triple, Some(day("2025-03-15"))).await["reason"],
        "SUSPENDED"
    );
    app.admin(update, json!({ "i": { "id": id, "authorized": true } }))
        .await;

    let update_eps = "mutation($i: UpdateEpsInput!) { updateEps(input: $i) { eps { active } userErrors { code } } }";
    app.admin(update_eps, json!({ "i": { "id": e, "active": false } }))
        .await;
    assert_eq!(
        check(&app, triple, Some(day("2025-03-15"))).await["reason"],
        "EPS_INACTIVE"
    );
    let body = app
        .gql_as(
            Role::Viewer,
            "query($id: ID!) { node(id: $id) { ... on Authorization { isCurrentlyValid } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(body["data"]["node"]["isCurrentlyValid"], false, "{body}");
}

#[tokio::test]
async fn today_is_the_default_day() {
    let app = TestApp::new().await;
    let (e, s, l) = create_catalog(&app, "1").await;
    let today = Utc::now().date_naive();
    let tomorrow = today.checked_add_days(Days::new(1)).unwrap();
    let created = create(
        &app,
        &e,
        &s,
        &l,
        json!({ "authorizationDate": tomorrow.to_string() }),
    )
    .await;
    assert_eq!(
        created["authorization"]["isCurrentlyValid"], false,
        "{created}"
    );
    assert_eq!(
        check(&app, (&e, &s, &l), None).await["reason"],
        "NOT_YET_VALID"
    );
    assert_eq!(
        check(&app, (&e, &s, &l), Some(tomorrow)).await["authorized"],
        true
    );

    let q = "query($f: AuthorizationFilter) { authorizations(filter: $f) { totalCount } }";
    let app = &app;
    let count = |f: Value| async move {
        app.gql_as(Role::Viewer, q, json!({ "f": f })).await["data"]["authorizations"]["totalCount"]
            .clone()
    };
    assert_eq!(count(json!({ "currentlyValid": true })).await, 0);
    assert_eq!(count(json!({ "currentlyValid": false })).await, 1);
    assert_eq!(count(json!({ "validOn": tomorrow.to_string() })).await, 1);
    assert_eq!(count(json!({ "validOn": today.to_string() })).await, 0);
    assert_eq!(count(json!({ "epsId": e, "authorized": true })).await, 1);
    assert_eq!(count(json!({ "authorized": false })).await, 0);
}

#[tokio::test]
async fn zero_is_kept_and_bad_terms_are_user_errors() {
    let app = TestApp::new().await;
    let (e, s, l) = create_catalog(&app, "1").await;
    let created = create(
        &app,
        &e,
        &s,
        &l,
        json!({ "maxMonthlyAppointments": 0, "copayPercentage": "0", "notes": "  " }),
    )
    .await;
    let a = &created["authorization"];
    assert_eq!(
        (
            a["maxMonthlyAppointments"].clone(),
            a["copayPercentage"].clone()
        ),
        (json!(0), json!("0")),
        "{created}"
    );
    assert_eq!(a["notes"], json!(null));
    assert_eq!(a["createdBy"]["username"], "admin");
    assert_eq!(a["requiresPriorAuthorization"], false);

    let (e2, s2, l2) = create_catalog(&app, "2").await;
    let cases = [
        (
            json!({ "copayPercentage": "100.01" }),
            "copayPercentage",
            "INVALID_RANGE",
        ),
        (
            json!({ "copayPercentage": "-1" }),
            "copayPercentage",
            "INVALID_RANGE",
        ),
        (
            json!({ "copayPercentage": "10.555" }),
            "copayPercentage",
            "INVALID_FORMAT",
        ),
        (
            json!({ "maxMonthlyAppointments": -1 }),
            "maxMonthlyAppointments",
            "INVALID_RANGE",
        ),
        (
            json!({ "authorizationDate": "2025-02-01", "expirationDate": "2025-01-31" }),
            "expirationDate",
            "INVALID_RANGE",
        ),
    ];
    for (extra, field, code) in cases {
        let payload = create(&app, &e2, &s2, &l2, extra.clone()).await;
        assert_eq!(payload["userErrors"][0]["code"], code, "{extra}: {payload}");
        assert_eq!(payload["userErrors"][0]["field"], json!([field]), "{extra}");
    }
    let ok = create(&app, &e2, &s2, &l2, json!({ "copayPercentage": "100", "authorizationDate": "2025-02-01", "expirationDate": "2025-02-01" })).await;
    assert_eq!(ok["authorization"]["copayPercentage"], "100", "{ok}");

    let missing = clinic::graphql::ids::global_id("Eps", 9999).0;
    let payload = create(&app, &missing, &s, &l, json!({})).await;
    assert_eq!(
        user_errors(&payload),
        vec![("NOT_FOUND".to_owned(), "La EPS no existe".to_owned())]
    );
    assert_eq!(
        app.sql_count("SELECT count(*) FROM authorizations").await,
        2
    );
}

#[tokio::test]
async fn one_agreement_per_triple_even_when_created_concurrently() {
    let app = TestApp::new().await;
    let (e, s, l) = create_catalog(&app, "1").await;
    let token = app.token(Role::Admin);
    let input = json!({ "input": { "epsId": e, "specialtyId": s, "locationId": l } });
    let (a, b) = tokio::join!(
        app.post(Some(&token), CREATE_AUTHORIZATION, input.clone()),
        app.post(Some(&token), CREATE_AUTHORIZATION, input.clone())
    );
    let payloads = [
        &a.1["data"]["createAuthorization"],
        &b.1["data"]["createAuthorization"],
    ];
    let wins = payloads
        .iter()
        .filter(|p| p["authorization"].is_object())
        .count();
    assert_eq!(wins, 1, "{a:?} {b:?}");
    let loser = payloads
        .iter()
        .find(|p| p["authorization"].is_null())
        .unwrap();
    assert_eq!(
        user_errors(loser),
        vec![(
            "TAKEN".to_owned(),
            "Ya existe una autorización para esa EPS, especialidad y sede".to_owned()
        )]
    );
}

const BATCH: &str = "mutation($input: CreateAuthorizationsInput!) {
  createAuthorizations(input: $input) {
    created failed
    results { index authorization { databaseId } userErrors { field code message } }
  }
}";

#[tokio::test]
async fn atomic_batch_writes_nothing_when_one_item_fails() {
    let app = TestApp::new().await;
    let (e, s, l) = create_catalog(&app, "1").await;
    let (_, s2, l2) = create_catalog(&app, "2").await;
    let items = json!([
        { "epsId": e, "specialtyId": s, "locationId": l },
        { "epsId": e, "specialtyId": s2, "locationId": l, "copayPercentage": "150" },
        { "epsId": e, "specialtyId": s, "locationId": l2 },
        { "epsId": e, "specialtyId": s2, "locationId": l2 },
    ]);
    let body = app
        .admin(BATCH, json!({ "input": { "items": items } }))
        .await;
    let payload = &body["data"]["createAuthorizations"];
    assert_eq!(
        (payload["created"].clone(), payload["failed"].clone()),
        (json!(0), json!(1)),
        "{body}"
    );
    let results = payload["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    assert_eq!(results[1]["userErrors"][0]["code"], "INVALID_RANGE");
    assert!(results.iter().all(|r| r["authorization"].is_null()));
    assert!(
        [0, 2, 3]
            .iter()
            .all(|&i| results[i]["userErrors"] == json!([]))
    );
    assert_eq!(
        app.sql_count("SELECT count(*) FROM authorizations").await,
        0
    );
    assert_eq!(
        app.sql_count("SELECT count(*) FROM authorization_audit")
            .await,
        0
    );

    // The same batch, not atomic: the three good items are written.
    let body = app
        .admin(
            BATCH,
            json!({ "input": { "items": items, "atomic": false } }),
        )
        .await;
    let payload = &body["data"]["createAuthorizations"];
    assert_eq!(
        (payload["created"].clone(), payload["failed"].clone()),
        (json!(3), json!(1)),
        "{body}"
    );
    assert!(payload["results"][2]["authorization"]["databaseId"].is_number());
    assert_eq!(
        app.sql_count("SELECT count(*) FROM authorizations").await,
        3
    );

    // A duplicate inside one batch is caught per item too.
    let dup = json!([{ "epsId": e, "specialtyId": s, "locationId": l }]);
    let body = app
        .admin(BATCH, json!({ "input": { "items": dup, "atomic": false } }))
        .await;
    assert_eq!(
        body["data"]["createAuthorizations"]["results"][0]["userErrors"][0]["code"],
        "TAKEN"
    );

    for n in [0, 251] {
        let items: Vec<Value> = (0..n)
            .map(|_| json!({ "epsId": e, "specialtyId": s, "locationId": l }))
            .collect();
        let body = app
            .admin(BATCH, json!({ "input": { "items": items } }))
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{n}");
    }
}

const TRAIL: &str = "query($id: ID!) { node(id: $id) { ... on Authorization {
  auditTrail { action changedBy { username } changedFields oldData newData changedAt } } } }";

#[tokio::test]
async fn every_change_is_audited_with_its_author() {
    let app = TestApp::new().await;
    let (e, s, l) = create_catalog(&app, "1").await;
    let created = create(&app, &e, &s, &l, json!({ "notes": "inicial" })).await;
    let id = created["authorization"]["id"].as_str().unwrap().to_owned();
    let db_id = created["authorization"]["databaseId"].as_i64().unwrap();
    let update = "mutation($i: UpdateAuthorizationInput!) { updateAuthorization(input: $i) { userErrors { code } } }";
    app.admin(
        update,
        json!({ "i": { "id": id, "notes": "renovado", "copayPercentage": "12.5" } }),
    )
    .await;
    app.admin(update, json!({ "i": { "id": id, "notes": "renovado" } }))
        .await; // no-op
    app.admin(update, json!({ "i": { "id": id } })).await; // nothing at all
    // A change by hand in SQL is audited too, without an author.
    let mut conn = app.state.pool.get().await.unwrap();
    use diesel_async::RunQueryDsl;
    diesel::sql_query(format!(
        "UPDATE authorizations SET max_monthly_appointments = 40 WHERE id = {db_id}"
    ))
    .execute(&mut conn)
    .await
    .unwrap();

    let viewer = app.gql_as(Role::Viewer, TRAIL, json!({ "id": id })).await;
    assert_eq!(
        viewer["data"]["node"]["auditTrail"][1]["changedBy"],
        Value::Null,
        "as in node, only ADMIN reads other users: {viewer}"
    );
    let body = app.gql_as(Role::Admin, TRAIL, json!({ "id": id })).await;
    let trail = body["data"]["node"]["auditTrail"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .clone();
    let summary: Vec<(String, Value, Value)> = trail
        .iter()
        .map(|t| {
            (
                t["action"].as_str().unwrap().to_owned(),
                t["changedBy"]["username"].clone(),
                t["changedFields"].clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "UPDATED".to_owned(),
                Value::Null,
                json!(["maxMonthlyAppointments"])
            ),
            (
                "UPDATED".to_owned(),
                json!("admin"),
                json!(["copayPercentage", "notes"])
            ),
            (
                "CREATED".to_owned(),
                json!("admin"),
                trail[2]["changedFields"].clone()
            ),
        ]
    );
    assert_eq!(trail[1]["oldData"]["notes"], "inicial");
    assert_eq!(trail[1]["newData"]["notes"], "renovado");
    assert_eq!(trail[1]["newData"]["copayPercentage"], "12.50");
    assert_eq!(trail[2]["oldData"], Value::Null);
    assert_eq!(
        trail[2]["newData"]["id"],
        json!(id),
        "references are global IDs"
    );
    assert_eq!(trail[2]["newData"]["epsId"], json!(e));
    assert!(trail[2]["newData"].get("eps_id").is_none(), "{}", trail[2]);
    assert!(
        trail[2]["changedFields"]
            .as_array()
            .unwrap()
            .contains(&json!("epsId"))
    );

    let delete = "mutation($id: ID!) { deleteAuthorization(input: {id: $id}) { deletedId userErrors { code } } }";
    let body = app.admin(delete, json!({ "id": id })).await;
    assert_eq!(body["data"]["deleteAuthorization"]["deletedId"], json!(id));
    let rows = app
        .sql_count(&format!(
            "SELECT count(*) FROM authorization_audit a JOIN users u ON u.id = a.changed_by
              WHERE authorization_id = {db_id} AND action = 'DELETED' AND new_data IS NULL
                AND old_data->>'notes' = 'renovado' AND u.username = 'admin'"
        ))
        .await;
    assert_eq!(rows, 1, "the trail survives the deletion, with its author");
    assert_eq!(
        app.sql_count(&format!(
            "SELECT count(*) FROM authorization_audit WHERE authorization_id = {db_id}"
        ))
        .await,
        4
    );

    // The trail is append-only, whoever asks.
    let err = diesel::sql_query("DELETE FROM authorization_audit")
        .execute(&mut conn)
        .await;
    assert!(err.is_err());
}

const AUDIT: &str = "query($f: AuthorizationAuditFilter, $first: Int, $after: String, $last: Int, $before: String) {
  authorizationAudit(filter: $f, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    nodes { action authorizationId authorization { id } eps { name } specialty { name } location { name }
            changedBy { username } changedFields oldData newData }
  }
}";

#[tokio::test]
async fn the_audit_log_outlives_deleted_agreements_and_is_filtered_and_paged() {
    let app = TestApp::new().await;
    let (e1, s1, l1) = create_catalog(&app, "1").await;
    let (e2, s2, l2) = create_catalog(&app, "2").await;
    let a = create(&app, &e1, &s1, &l1, json!({ "notes": "inicial" })).await;
    let a = a["authorization"]["id"].as_str().unwrap().to_owned();
    create(&app, &e2, &s2, &l2, json!({})).await;
    app.admin(
        "mutation($i: UpdateAuthorizationInput!) { updateAuthorization(input: $i) { userErrors { code } } }",
        json!({ "i": { "id": a, "maxMonthlyAppointments": 30 } }),
    )
    .await;
    let deleted = app
        .admin(
            "mutation($id: ID!) { deleteAuthorization(input: {id: $id}) { deletedId } }",
            json!({ "id": a }),
        )
        .await;
    assert_eq!(
        deleted["data"]["deleteAuthorization"]["deletedId"],
        json!(a)
    );
    let node = app
        .gql_as(
            Role::Viewer,
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": a }),
        )
        .await;
    assert_eq!(node["data"]["node"], Value::Null);

    let audit = |variables: Value| {
        let app = &app;
        async move {
            let body = app.gql_as(Role::Admin, AUDIT, variables).await;
            body["data"]["authorizationAudit"]
                .as_object()
                .unwrap_or_else(|| panic!("{body}"))
                .clone()
        }
    };
    let actions = |page: &serde_json::Map<String, Value>| -> Vec<String> {
        page["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["action"].as_str().unwrap().to_owned())
            .collect()
    };

    // The deleted agreement's whole trail, newest first, by its (deleted) ID.
    let trail = audit(json!({ "f": { "authorizationId": a } })).await;
    assert_eq!(actions(&trail), ["DELETED", "UPDATED", "CREATED"]);
    assert_eq!(trail["totalCount"], 3);
    let deletion = &trail["nodes"][0];
    assert_eq!(deletion["authorizationId"], json!(a));
    assert_eq!(deletion["authorization"], Value::Null);
    assert_eq!(deletion["eps"]["name"], "EPS 1");
    assert_eq!(deletion["specialty"]["name"], "Especialidad 1");
    assert_eq!(deletion["location"]["name"], "Sede 1");
    assert_eq!(deletion["changedBy"]["username"], "admin");
    assert_eq!(deletion["newData"], Value::Null);
    assert_eq!(deletion["oldData"]["epsId"], json!(e1));
    assert_eq!(deletion["oldData"]["maxMonthlyAppointments"], 30);
    assert_eq!(
        trail["nodes"][1]["changedFields"],
        json!(["maxMonthlyAppointments"])
    );

    // Each reference filters, and the ID of every kind is checked.
    for (filter, count) in [
        (json!({ "epsId": e2 }), 1),
        (json!({ "specialtyId": s1 }), 3),
        (json!({ "locationId": l2 }), 1),
        (json!({}), 4),
    ] {
        let page = audit(json!({ "f": filter })).await;
        assert_eq!(page["totalCount"], count, "{filter}");
        assert_eq!(page["nodes"].as_array().unwrap().len(), count as usize);
    }
    let admin = app
        .gql_as(Role::Admin, "{ viewer { id } }", json!({}))
        .await["data"]["viewer"]["id"]
        .clone();
    assert_eq!(
        audit(json!({ "f": { "changedBy": admin } })).await["totalCount"],
        4
    );
    let wrong = app
        .gql_as(Role::Viewer, AUDIT, json!({ "f": { "epsId": s1 } }))
        .await;
    assert_eq!(error_code(&wrong), "BAD_USER_INPUT", "{wrong}");

    // Days are the clinic's, both ends included.
    let today = Utc::now().date_naive();
    let yesterday = today - Days::new(1);
    let days = |from: NaiveDate, to: NaiveDate| json!({ "f": { "from": from.to_string(), "to": to.to_string() } });
    assert_eq!(audit(days(today, today)).await["totalCount"], 4);
    assert_eq!(audit(days(yesterday, yesterday)).await["totalCount"], 0);
    assert_eq!(
        audit(json!({ "f": { "from": (today + Days::new(1)).to_string() } })).await["totalCount"],
        0
    );

    // Paging forward and back over the whole log, newest first.
    let first = audit(json!({ "first": 3 })).await;
    assert_eq!(actions(&first), ["DELETED", "UPDATED", "CREATED"]);
    assert_eq!(first["pageInfo"]["hasNextPage"], true);
    let rest = audit(json!({ "first": 3, "after": first["pageInfo"]["endCursor"] })).await;
    assert_eq!(actions(&rest), ["CREATED"]);
    assert_eq!(first["nodes"][2]["eps"]["name"], "EPS 2");
    assert_eq!(rest["nodes"][0]["eps"]["name"], "EPS 1");
    assert_eq!(rest["pageInfo"]["hasNextPage"], false);
    let back = audit(json!({ "last": 2, "before": rest["pageInfo"]["startCursor"] })).await;
    assert_eq!(actions(&back), ["UPDATED", "CREATED"]);
    assert_eq!(back["nodes"][0]["authorizationId"], json!(a));
    assert_eq!(back["nodes"][1]["eps"]["name"], "EPS 2");
}

#[tokio::test]
async fn a_truncate_by_hand_is_audited_and_the_trail_cannot_be_truncated() {
    use diesel_async::RunQueryDsl;
    let app = TestApp::new().await;
    for suffix in ["1", "2"] {
        let (e, s, l) = create_catalog(&app, suffix).await;
        create(&app, &e, &s, &l, json!({ "notes": "vigente" })).await;
    }
    let mut conn = app.state.pool.get().await.unwrap();
    diesel::sql_query("TRUNCATE authorizations CASCADE")
        .execute(&mut conn)
        .await
        .unwrap();
    assert_eq!(
        app.sql_count("SELECT count(*) FROM authorizations").await,
        0
    );
    assert_eq!(
        app.sql_count(
            "SELECT count(*) FROM authorization_audit
              WHERE action = 'DELETED' AND new_data IS NULL AND old_data->>'notes' = 'vigente'
                AND 'notes' = ANY (changed_fields) AND NOT 'updated_at' = ANY (changed_fields)"
        )
        .await,
        2,
        "one DELETED entry per agreement the TRUNCATE removed"
    );
    let before = app
        .sql_count("SELECT count(*) FROM authorization_audit")
        .await;
    let refused = diesel::sql_query("TRUNCATE authorization_audit")
        .execute(&mut conn)
        .await;
    assert!(refused.is_err(), "the trail refuses TRUNCATE");
    assert_eq!(
        app.sql_count("SELECT count(*) FROM authorization_audit")
            .await,
        before
    );
}

#[tokio::test]
async fn sql_functions_and_graphql_agree_on_a_grid() {
    let app = TestApp::new().await;
    let mut triples = vec![];
    let terms = [
        json!({}),
        json!({ "authorizationDate": "2025-01-10" }),
        json!({ "expirationDate": "2025-01-20" }),
        json!({ "authorizationDate": "2025-01-10", "expirationDate": "2025-01-20" }),
        json!({ "authorized": false }),
        json!({ "authorizationDate": "2025-01-15", "expirationDate": "2025-01-15" }),
    ];
    for (i, extra) in terms.iter().enumerate() {
        let (e, s, l) = create_catalog(&app, &i.to_string()).await;
        let payload = create(&app, &e, &s, &l, extra.clone()).await;
        assert!(payload["authorization"].is_object(), "{payload}");
        triples.push((e, s, l));
    }
    let (e_inactive, s_x, l_x) = create_catalog(&app, "inactive").await;
    create(&app, &e_inactive, &s_x, &l_x, json!({})).await;
    app.admin(
        "mutation($id: ID!) { updateEps(input: {id: $id, active: false}) { userErrors { code } } }",
        json!({ "id": e_inactive }),
    )
    .await;
    triples.push((e_inactive, s_x, l_x));
    // An inactive specialty, and an inactive site.
    for (suffix, mutation) in [("sp-off", "updateSpecialty"), ("loc-off", "updateLocation")] {
        let (e, s, l) = create_catalog(&app, suffix).await;
        create(&app, &e, &s, &l, json!({})).await;
        let target = if mutation == "updateSpecialty" {
            &s
        } else {
            &l
        };
        let body = app
            .admin(
                &format!("mutation($id: ID!) {{ {mutation}(input: {{id: $id, active: false}}) {{ userErrors {{ code }} }} }}"),
                json!({ "id": target }),
            )
            .await;
        assert_eq!(body["data"][mutation]["userErrors"], json!([]), "{body}");
        triples.push((e, s, l));
    }
    // A triple without agreement: EPS of one, specialty of another.
    triples.push((
        triples[0].0.clone(),
        triples[1].1.clone(),
        triples[0].2.clone(),
    ));

    let db_id = |id: &str| {
        clinic::graphql::ids::decode_global_id(&async_graphql::ID(id.to_owned()))
            .unwrap()
            .1
    };
    let mut compared = 0;
    for (e, s, l) in &triples {
        for d in [
            "2025-01-09",
            "2025-01-10",
            "2025-01-15",
            "2025-01-20",
            "2025-01-21",
        ] {
            let graphql = check(&app, (e, s, l), Some(day(d))).await["authorized"]
                .as_bool()
                .unwrap();
            let sql = app
                .sql_count(&format!(
                    "SELECT is_eps_authorized({}, {}, {}, DATE '{d}')::int::bigint",
                    db_id(e),
                    db_id(s),
                    db_id(l)
                ))
                .await
                == 1;
            let listed = app
                .sql_count(&format!(
                    "SELECT count(*) FROM get_authorized_specialties_for_eps({}, {}, DATE '{d}') WHERE specialty_id = {}",
                    db_id(e),
                    db_id(l),
                    db_id(s)
                ))
                .await
                == 1;
            assert_eq!((graphql, graphql), (sql, listed), "{e} {s} {l} on {d}");
            compared += 1;
        }
    }
    assert_eq!(compared, 50);
}

#[tokio::test]
async fn an_inactive_specialty_or_site_is_not_bookable_and_says_which() {
    let app = TestApp::new().await;
    for (suffix, mutation, reason) in [
        ("a", "updateSpecialty", "SPECIALTY_INACTIVE"),
        ("b", "updateLocation", "LOCATION_INACTIVE"),
    ] {
        let (e, s, l) = create_catalog(&app, suffix).await;
        create(&app, &e, &s, &l, json!({})).await;
        assert_eq!(check(&app, (&e, &s, &l), None).await["authorized"], true);
        let target = if mutation == "updateSpecialty" {
            &s
        } else {
            &l
        };
        app.admin(
            &format!("mutation($id: ID!) {{ {mutation}(input: {{id: $id, active: false}}) {{ userErrors {{ code }} }} }}"),
            json!({ "id": target }),
        )
        .await;
        let answer = check(&app, (&e, &s, &l), None).await;
        assert_eq!(answer["authorized"], false, "{answer}");
        assert_eq!(answer["reason"], reason, "{answer}");
        let valid = app
            .sql_count(&format!(
                "SELECT count(*) FROM v_eps_authorizations WHERE eps_name = 'EPS {suffix}' AND is_currently_valid"
            ))
            .await;
        assert_eq!(valid, 0, "the seed's view agrees");
    }
}

#[tokio::test]
async fn booking_screen_lists_from_the_demo_data() {
    let app = TestApp::new().await;
    clinic::demo::load(&mut app.state.pool.get().await.unwrap())
        .await
        .unwrap();
    let famisanar = clinic::graphql::ids::global_id("Eps", 12).0;
    let san_gil = clinic::graphql::ids::global_id("Location", 1).0;
    let cardiology = clinic::graphql::ids::global_id("Specialty", 3).0;
    let q = "query($e: ID!, $l: ID!, $s: ID!) { node(id: $e) { ... on Eps { name
        authorizedSpecialties(locationId: $l, on: \"2025-06-01\") { specialty { name } }
        authorizedLocations(specialtyId: $s) { location { name address } } } } }";
    let body = app
        .gql_as(
            Role::Viewer,
            q,
            json!({ "e": famisanar, "l": san_gil, "s": cardiology }),
        )
        .await;
    let eps = &body["data"]["node"];
    assert_eq!(eps["name"], "FAMISANAR", "{body}");
    let names: Vec<&str> = eps["authorizedSpecialties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["specialty"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Cardiología", "Medicina General", "Odontología"]);
    assert_eq!(
        eps["authorizedLocations"],
        json!([
            { "location": { "name": "Sede San Gil", "address": "Cra. 9 #10-29, San Gil" } },
            { "location": { "name": "Sede Socorro", "address": "Calle 12 #13-31, Socorro" } }
        ])
    );
    // The seed's own example: is_eps_authorized(12, 3, 1).
    assert_eq!(
        app.sql_count("SELECT is_eps_authorized(12, 3, 1)::int::bigint")
            .await,
        1
    );
    assert_eq!(
        app.sql_count("SELECT count(*) FROM v_eps_authorizations WHERE is_currently_valid")
            .await,
        10
    );

    // Across a list of EPS, one statement answers every EPS's question.
    let q = "query($l: ID!) { epsList { nodes { name authorizedSpecialties(locationId: $l) { specialty { name } } } } }";
    let before = app.statements();
    let body = app.gql_as(Role::Viewer, q, json!({ "l": san_gil })).await;
    assert_eq!(
        body["data"]["epsList"]["nodes"].as_array().unwrap().len(),
        3,
        "{body}"
    );
    assert!(
        app.statements() - before <= 3,
        "{}",
        app.statements() - before
    );
}

#[tokio::test]
async fn a_page_of_authorizations_costs_a_constant_number_of_statements() {
    let app = TestApp::new().await;
    let mut conn = app.state.pool.get().await.unwrap();
    use diesel_async::SimpleAsyncConnection;
    conn.batch_execute(
        "INSERT INTO eps (name, code) SELECT 'EPS ' || g, 'C' || g FROM generate_series(1, 10) g;
         INSERT INTO specialties (name) SELECT 'Esp ' || g FROM generate_series(1, 6) g;
         INSERT INTO locations (name, address) SELECT 'Sede ' || g, 'Calle ' || g FROM generate_series(1, 2) g;
         INSERT INTO authorizations (eps_id, specialty_id, location_id)
           SELECT e.id, s.id, l.id FROM eps e, specialties s, locations l;",
    )
    .await
    .unwrap();
    drop(conn);
    let q = "query($n: Int) { authorizations(first: $n) { nodes { isCurrentlyValid eps { name } specialty { name } location { name } } } }";
    let mut counts = vec![];
    for n in [5, 50] {
        let token = app.token(Role::Viewer);
        let before = app.statements();
        let body = app.post(Some(&token), q, json!({ "n": n })).await.1;
        counts.push(app.statements() - before);
        assert_eq!(
            body["data"]["authorizations"]["nodes"]
                .as_array()
                .unwrap()
                .len(),
            n as usize,
            "{body}"
        );
    }
    assert_eq!(counts[0], counts[1], "{counts:?}");
    assert!(counts[1] <= 4, "{counts:?}");
}

#[tokio::test]
async fn today_is_the_clinic_time_zone_date() {
    // UTC+14 and UTC-11: at any instant their dates differ from each other.
    let ahead = TestApp::with_args(&["--clinic-time-zone", "Pacific/Kiritimati"]).await;
    let behind = TestApp::with_args(&["--clinic-time-zone", "Pacific/Pago_Pago"]).await;
    let today = "SELECT (current_date - DATE '2000-01-01')::bigint";
    let expected = |hours: i64| {
        (Utc::now() + chrono::Duration::hours(hours))
            .date_naive()
            .signed_duration_since(day("2000-01-01"))
            .num_days()
    };
    assert_eq!(ahead.sql_count(today).await, expected(14));
    assert_eq!(behind.sql_count(today).await, expected(-11));

    let err = clinic::db::check_time_zone(&format!("{}/postgres", server_url()), "Mars/Olympus")
        .await
        .unwrap_err();
    assert!(err.to_string().starts_with("CLINIC_TIME_ZONE"), "{err}");
}

#[tokio::test]
async fn a_malformed_id_in_a_batch_is_that_item_s_error() {
    let app = TestApp::new().await;
    let (e, s, l) = create_catalog(&app, "1").await;
    let (_, s2, _) = create_catalog(&app, "2").await;
    let items = json!([
        { "epsId": e, "specialtyId": s, "locationId": l },
        { "epsId": "no-es-un-id", "specialtyId": s2, "locationId": l },
        { "epsId": e, "specialtyId": s2, "locationId": l },
    ]);
    let body = app
        .admin(
            BATCH,
            json!({ "input": { "items": items, "atomic": false } }),
        )
        .await;
    let payload = &body["data"]["createAuthorizations"];
    assert_eq!(
        (payload["created"].clone(), payload["failed"].clone()),
        (json!(2), json!(1)),
        "{body}"
    );
    let error = &payload["results"][1]["userErrors"][0];
    assert_eq!(error["field"], json!(["epsId"]), "{body}");
    assert_eq!(error["code"], "INVALID_FORMAT");
    assert_eq!(
        app.sql_count("SELECT count(*) FROM authorizations").await,
        2
    );
    // Atomic: the same item's error, and nothing written.
    let body = app
        .admin(BATCH, json!({ "input": { "items": items } }))
        .await;
    let payload = &body["data"]["createAuthorizations"];
    assert_eq!(
        payload["results"][1]["userErrors"][0]["field"],
        json!(["epsId"]),
        "{body}"
    );
    assert_eq!(payload["created"], 0);
    assert_eq!(
        app.sql_count("SELECT count(*) FROM authorizations").await,
        2
    );
}

#[tokio::test]
async fn input_errors_from_scalars_and_arguments_are_in_spanish() {
    let app = TestApp::new().await;
    let (e, s, l) = create_catalog(&app, "1").await;
    let body = app
        .admin(
            CREATE_AUTHORIZATION,
            json!({ "input": { "epsId": e, "specialtyId": s, "locationId": l, "authorizationDate": "31/12/2026" } }),
        )
        .await;
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    assert!(message.contains("fecha inválida"), "{message}");
    for english in [
        "Failed to parse",
        "Invalid value",
        "occurred while",
        "expected type",
    ] {
        assert!(!message.contains(english), "{message}");
    }
}

#[tokio::test]
async fn the_expiry_worklist_lists_valid_agreements_lapsing_soonest_first() {
    let app = TestApp::new().await;
    let (e1, s1, l1) = create_catalog(&app, "1").await;
    let (e2, s2, l2) = create_catalog(&app, "2").await;
    let (_, s3, l3) = create_catalog(&app, "3").await;
    let today = Utc::now().date_naive();
    let on = |days: i64| (today + chrono::Duration::days(days)).to_string();
    for (name, (e, s, l), extra) in [
        ("A", (&e1, &s1, &l1), json!({ "expirationDate": on(5) })),
        ("B", (&e1, &s2, &l2), json!({ "expirationDate": on(20) })),
        ("C", (&e1, &s3, &l3), json!({ "expirationDate": on(40) })),
        (
            "D",
            (&e2, &s1, &l1),
            json!({ "expirationDate": on(1), "authorized": false }),
        ),
        ("E", (&e2, &s2, &l1), json!({})),
        (
            "F",
            (&e2, &s3, &l1),
            json!({ "authorizationDate": on(-30), "expirationDate": on(-1) }),
        ),
    ] {
        let mut extra = extra;
        extra["notes"] = json!(name);
        let created = create(&app, e, s, l, extra).await;
        assert!(created["authorization"]["id"].is_string(), "{created}");
    }
    let list = |variables: Value| {
        let app = &app;
        async move {
            let body = app
                .gql_as(
                    Role::Viewer,
                    "query($f: AuthorizationFilter, $o: AuthorizationOrder, $first: Int, $after: String, $last: Int, $before: String) {
                       authorizations(filter: $f, orderBy: $o, first: $first, after: $after, last: $last, before: $before) {
                         totalCount pageInfo { hasNextPage endCursor startCursor } nodes { notes }
                       } }",
                    variables,
                )
                .await;
            let page = body["data"]["authorizations"].clone();
            let names: Vec<String> = page["nodes"]
                .as_array()
                .unwrap_or_else(|| panic!("{body}"))
                .iter()
                .map(|n| n["notes"].as_str().unwrap().to_owned())
                .collect();
            (names, page)
        }
    };
    let soonest = json!({ "field": "EXPIRATION_DATE" });
    let (names, page) = list(json!({ "f": { "expiringBy": on(30) }, "o": soonest })).await;
    assert_eq!(names, ["A", "B"], "valid today and lapsing within 30 days");
    assert_eq!(page["totalCount"], 2);
    // Paged one at a time, the cursor carries the expiration date.
    let (names, page) =
        list(json!({ "f": { "expiringBy": on(30) }, "o": soonest, "first": 1 })).await;
    assert_eq!(names, ["A"]);
    let cursor = page["pageInfo"]["endCursor"].clone();
    let (names, page) =
        list(json!({ "f": { "expiringBy": on(30) }, "o": soonest, "first": 1, "after": cursor }))
            .await;
    assert_eq!(
        (names, page["pageInfo"]["hasNextPage"].clone()),
        (vec!["B".to_owned()], json!(false))
    );
    // The whole list, latest first: no expiration date sorts after every date.
    let latest = json!({ "field": "EXPIRATION_DATE", "direction": "DESC" });
    let (names, _) = list(json!({ "o": latest })).await;
    assert_eq!(names, ["E", "C", "B", "A", "D", "F"]);
    let (names, page) = list(json!({ "o": latest, "last": 2 })).await;
    assert_eq!(names, ["D", "F"]);
    let (names, _) =
        list(json!({ "o": latest, "last": 2, "before": page["pageInfo"]["startCursor"] })).await;
    assert_eq!(names, ["B", "A"]);
    let (names, _) = list(json!({ "o": { "field": "ID", "direction": "DESC" }, "first": 2 })).await;
    assert_eq!(names, ["F", "E"]);
    // A cursor of another order is refused, not misread.
    let (_, by_id) = list(json!({ "first": 1 })).await;
    let mixed = app
        .gql_as(
            Role::Viewer,
            "query($c: String) { authorizations(orderBy: {field: EXPIRATION_DATE}, after: $c) { totalCount } }",
            json!({ "c": by_id["pageInfo"]["endCursor"] }),
        )
        .await;
    assert_eq!(error_code(&mixed), "BAD_USER_INPUT", "{mixed}");

    // Two lists in one document, each priming its nodes' references: no list keeps its
    // connection while the loaders wait for one (a request holds two).
    let started = std::time::Instant::now();
    let both = app
        .gql_as(
            Role::Viewer,
            "{ a: authorizations { nodes { eps { name } specialty { name } location { name } } }
               b: authorizations(orderBy: {field: EXPIRATION_DATE}) { nodes { eps { name } location { name } } } }",
            json!({}),
        )
        .await;
    assert!(both.get("errors").is_none(), "{both}");
    assert_eq!(both["data"]["b"]["nodes"].as_array().unwrap().len(), 6);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );

    // Specialties per EPS with agreements but none valid at any site.
    let lapsed = app
        .gql_as(
            Role::Viewer,
            "query($on: Date) { epsList { nodes { name now: specialtiesWithoutValidAgreement
                                                  later: specialtiesWithoutValidAgreement(on: $on) } } }",
            json!({ "on": on(30) }),
        )
        .await;
    assert_eq!(
        lapsed["data"]["epsList"]["nodes"],
        json!([
            { "name": "EPS 1", "now": 0, "later": 2 },
            { "name": "EPS 2", "now": 2, "later": 2 },
            { "name": "EPS 3", "now": 0, "later": 0 },
        ]),
        "{lapsed}"
    );
}

#[tokio::test]
async fn every_mistake_of_an_agreement_form_is_reported_at_once() {
    let app = TestApp::new().await;
    let (e, s, l) = create_catalog(&app, "1").await;
    let wrong = json!({
        "copayPercentage": "150", "maxMonthlyAppointments": -1,
        "authorizationDate": "2026-06-01", "expirationDate": "2026-01-01",
    });
    let created = create(&app, &e, &s, &l, wrong.clone()).await;
    let mut fields: Vec<(String, String)> = created["userErrors"]
        .as_array()
        .unwrap_or_else(|| panic!("{created}"))
        .iter()
        .map(|e| {
            (
                e["field"][0].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            ("copayPercentage", "INVALID_RANGE"),
            ("expirationDate", "INVALID_RANGE"),
            ("maxMonthlyAppointments", "INVALID_RANGE"),
        ]
        .map(|(f, c)| (f.to_owned(), c.to_owned())),
        "{created}"
    );
    assert_eq!(
        app.sql_count("SELECT count(*) FROM authorizations").await,
        0
    );

    // An update is judged over the row it changes: only what it makes wrong is reported.
    let ok = create(
        &app,
        &e,
        &s,
        &l,
        json!({ "authorizationDate": "2026-06-01" }),
    )
    .await;
    let id = ok["authorization"]["id"].clone();
    let updated = app
        .admin(
            "mutation($i: UpdateAuthorizationInput!) { updateAuthorization(input: $i) { authorization { id } userErrors { field code } } }",
            json!({ "i": { "id": id, "expirationDate": "2026-01-01", "copayPercentage": "101" } }),
        )
        .await;
    assert_eq!(
        updated["data"]["updateAuthorization"]["userErrors"]
            .as_array()
            .map(Vec::len),
        Some(2),
        "{updated}"
    );
    assert_eq!(
        app.sql_count("SELECT count(*) FROM authorizations WHERE expiration_date IS NULL")
            .await,
        1
    );
}
