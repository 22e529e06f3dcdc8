use clinic::auth::Role;
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn catalogue_names_are_unique_and_deletes_refused_while_in_use() {
    let app = TestApp::new().await;
    let (e, s, l) = create_catalog(&app, "1").await;
    let body = app
        .admin(
            "mutation { a: createEps(input: {name: \" eps 1 \", code: \"X9\"}) { userErrors { code message } }
                        b: createEps(input: {name: \"Otra\", code: \"c1\"}) { userErrors { code message } }
                        c: createSpecialty(input: {name: \"ESPECIALIDAD 1\"}) { userErrors { code } }
                        d: createLocation(input: {name: \"Sede 2\", address: \"\"}) { userErrors { code field } } }",
            json!({}),
        )
        .await;
    let data = &body["data"];
    assert_eq!(
        user_errors(&data["a"]),
        vec![(
            "TAKEN".to_owned(),
            "Ya existe una EPS con ese nombre".to_owned()
        )],
        "{body}"
    );
    assert_eq!(
        user_errors(&data["b"]),
        vec![(
            "TAKEN".to_owned(),
            "Ya existe una EPS con ese código".to_owned()
        )]
    );
    assert_eq!(data["c"]["userErrors"][0]["code"], "TAKEN");
    assert_eq!(
        data["d"]["userErrors"][0],
        json!({ "code": "REQUIRED", "field": ["address"] })
    );

    app.admin(
        CREATE_AUTHORIZATION,
        json!({ "input": { "epsId": e, "specialtyId": s, "locationId": l } }),
    )
    .await;
    for (mutation, id) in [
        ("deleteEps", &e),
        ("deleteSpecialty", &s),
        ("deleteLocation", &l),
    ] {
        let q = format!(
            "mutation($id: ID!) {{ {mutation}(input: {{id: $id}}) {{ deletedId userErrors {{ code }} }} }}"
        );
        let body = app.admin(&q, json!({ "id": id })).await;
        assert_eq!(
            body["data"][mutation]["userErrors"][0]["code"], "IN_USE",
            "{mutation}: {body}"
        );
    }
    let (e2, _, _) = create_catalog(&app, "2").await;
    let body = app
        .admin(
            "mutation($id: ID!) { deleteEps(input: {id: $id}) { deletedId } }",
            json!({ "id": e2 }),
        )
        .await;
    assert_eq!(body["data"]["deleteEps"]["deletedId"], json!(e2));

    let body = app
        .gql_as(
            Role::Staff,
            "mutation { createEps(input: {name: \"X\", code: \"X\"}) { eps { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN");

    let q =
        "query($f: EpsFilter) { epsList(filter: $f) { totalCount nodes { name code active } } }";
    let body = app
        .gql_as(Role::Viewer, q, json!({ "f": { "search": "eps" } }))
        .await;
    assert_eq!(body["data"]["epsList"]["totalCount"], 1, "{body}");
}

#[tokio::test]
async fn patients_may_name_an_active_eps_and_be_filtered_by_it() {
    let app = TestApp::new().await;
    let sw = create_social_work(&app, "OSDE").await;
    let (e, _, _) = create_catalog(&app, "1").await;
    let (inactive, _, _) = create_catalog(&app, "2").await;
    app.admin(
        "mutation($id: ID!) { updateEps(input: {id: $id, active: false}) { userErrors { code } } }",
        json!({ "id": inactive }),
    )
    .await;

    let mut input = patient_input(&sw, "1012345678");
    input["documentType"] = json!("CC");
    input["epsId"] = json!(e);
    let body = app
        .gql_as(
            Role::Staff,
            CREATE_PATIENT,
            json!({ "input": input.clone() }),
        )
        .await;
    assert!(
        body["data"]["createPatient"]["patient"].is_object(),
        "{body}"
    );

    input["documentNumber"] = json!("1012345679");
    input["epsId"] = json!(inactive);
    let body = app
        .gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": input }))
        .await;
    assert_eq!(
        user_errors(&body["data"]["createPatient"]),
        vec![(
            "INACTIVE".to_owned(),
            "La EPS está inactiva y no admite nuevos pacientes".to_owned()
        )]
    );

    app.gql_as(
        Role::Staff,
        CREATE_PATIENT,
        json!({ "input": patient_input(&sw, "30111222") }),
    )
    .await;
    let q = "query($f: PatientFilter) { patients(filter: $f) { totalCount nodes { documentNumber eps { name } } } }";
    let body = app
        .gql_as(Role::Viewer, q, json!({ "f": { "epsId": e } }))
        .await;
    assert_eq!(
        body["data"]["patients"],
        json!({ "totalCount": 1, "nodes": [{ "documentNumber": "1012345678", "eps": { "name": "EPS 1" } }] }),
        "{body}"
    );
}

#[tokio::test]
async fn catalogue_forms_report_every_mistake_at_once() {
    let app = TestApp::new().await;
    let fields = |body: &serde_json::Value, mutation: &str| -> Vec<String> {
        let mut fields: Vec<String> = body["data"][mutation]["userErrors"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .iter()
            .map(|e| e["field"][0].as_str().unwrap().to_owned())
            .collect();
        fields.sort();
        fields
    };
    let body = app
        .admin(
            "mutation { createEps(input: {name: \"\", code: \"no válido!\"}) { eps { id } userErrors { field code } } }",
            json!({}),
        )
        .await;
    assert_eq!(fields(&body, "createEps"), ["code", "name"], "{body}");
    let body = app
        .admin(
            "mutation { createLocation(input: {name: \" \", address: \"\"}) { location { id } userErrors { field code } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        fields(&body, "createLocation"),
        ["address", "name"],
        "{body}"
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM eps").await, 0);
    assert_eq!(app.sql_count("SELECT count(*) FROM locations").await, 0);

    let (_, _, location) = create_catalog(&app, "1").await;
    let body = app
        .admin(
            "mutation($id: ID!) { updateLocation(input: {id: $id, name: \"\", address: \"\"}) { location { id } userErrors { field code } } }",
            json!({ "id": location }),
        )
        .await;
    assert_eq!(
        fields(&body, "updateLocation"),
        ["address", "name"],
        "{body}"
    );
}

#[tokio::test]
async fn catalogue_names_are_unique_ignoring_case_accents_and_spaces() {
    let app = TestApp::new().await;
    create_catalog(&app, "Unica").await;
    let body = app
        .admin(
            "mutation($e: CreateEpsInput!, $s: CreateSpecialtyInput!, $l: CreateLocationInput!) {
               createEps(input: $e) { userErrors { field code } }
               createSpecialty(input: $s) { userErrors { field code } }
               createLocation(input: $l) { userErrors { field code } }
             }",
            json!({
                "e": { "name": "éps  ÚNICA", "code": "OTRO" },
                "s": { "name": " ESPECIALIDAD   ÚNICA " },
                "l": { "name": "Sédé  unica", "address": "Calle 9 #8-7" },
            }),
        )
        .await;
    for field in ["createEps", "createSpecialty", "createLocation"] {
        assert_eq!(
            body["data"][field]["userErrors"],
            json!([{ "field": ["name"], "code": "TAKEN" }]),
            "{field}: {body}"
        );
    }
    for table in ["eps", "specialties", "locations"] {
        assert_eq!(
            app.sql_count(&format!("SELECT count(*) FROM {table}"))
                .await,
            1
        );
    }
}
