//! Who SUAP's people are: affiliates, providers and prescribers as SUAP sends them (open
//! document types, its own tokens), found again on every import.

use clinic::auth::Role;
use serde_json::{Value, json};

use crate::common::*;
use crate::orders::{fixture, osde_with_code};

const PEOPLE: &str = "mutation($render: JSON!) { importSuapOrder(input: {render: $render}) {
  order { patient { id origin documentType documentNumber socialWork { state } }
          provider { id fullName documentType documentNumber }
          prescriber { id fullName documentType documentNumber } }
  userErrors { field message code } } }";

async fn import(app: &TestApp, render: &Value) -> Value {
    let body = app
        .gql_as(Role::Staff, PEOPLE, json!({ "render": render }))
        .await;
    body["data"]["importSuapOrder"].clone()
}

/// The same document under another SUAP order token.
fn another_order(render: &Value, token: &str) -> Value {
    let mut render = render.clone();
    render["Token"] = json!(token);
    for (i, item) in render["itemsOrden"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        item["Token"] = json!(format!("{token}-{i}"));
    }
    render
}

#[tokio::test]
async fn a_company_with_a_cuit_imports_as_provider_and_keeps_its_document_type() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let mut render = fixture();
    render["prestador"]["MatriculaProvincial"] = Value::Null;
    render["prestador"]["DocTipo"] = json!("cuit");
    render["prestador"]["DocNumero"] = json!("30-71234567-8");
    let payload = import(&app, &render).await;
    assert_eq!(payload["userErrors"], json!([]), "{payload}");
    let provider = &payload["order"]["provider"];
    assert_eq!(provider["fullName"], "LABORATORIO CENTRAL SRL");
    assert_eq!(provider["documentType"], "CUIT");
    assert_eq!(provider["documentNumber"], "30712345678");

    // Found again by the CUIT alone; a type never seen before is kept too.
    let mut render = another_order(&render, "O458813");
    render["prestador"]["Token"] = Value::Null;
    render["prescriptor"]["DocTipo"] = json!("CUIL");
    render["prescriptor"]["DocNumero"] = json!("20-20111999-3");
    render["prescriptor"]["Token"] = Value::Null;
    render["prescriptor"]["MatriculaProvincial"] = Value::Null;
    render["prescriptor"]["MatriculaNacional"] = Value::Null;
    let again = import(&app, &render).await;
    assert_eq!(again["order"]["provider"]["id"], provider["id"], "{again}");
    assert_eq!(again["order"]["prescriber"]["documentType"], "CUIL");
}

#[tokio::test]
async fn a_dash_or_an_empty_doc_tipo_means_no_document() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    for (i, dash) in ["–", "--", "", "-", "−", " ‐ "].into_iter().enumerate() {
        let mut render = another_order(&fixture(), &format!("O77{i}"));
        // Known by name alone: had the dash been read as a type, this would be a new
        // practitioner with a document.
        render["prescriptor"]["Token"] = Value::Null;
        render["prescriptor"]["MatriculaProvincial"] = Value::Null;
        render["prescriptor"]["MatriculaNacional"] = Value::Null;
        render["prescriptor"]["DocTipo"] = json!(dash);
        render["prescriptor"]["DocNumero"] = json!("0");
        let payload = import(&app, &render).await;
        assert_eq!(payload["userErrors"], json!([]), "{dash:?}: {payload}");
        let prescriber = &payload["order"]["prescriber"];
        assert_eq!(prescriber["documentType"], Value::Null, "{dash:?}");
        assert_eq!(prescriber["documentNumber"], Value::Null, "{dash:?}");
    }
    // Found again by name every time: one prescriber, one provider.
    assert_eq!(app.sql_count("SELECT count(*) FROM practitioners").await, 2);
    assert_eq!(
        app.sql_count("SELECT count(*) FROM practitioners WHERE document_type IS NOT NULL")
            .await,
        0
    );
}

#[tokio::test]
async fn people_are_found_again_by_suap_s_own_tokens_first() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let first = import(&app, &fixture()).await;
    assert_eq!(first["userErrors"], json!([]), "{first}");

    // The same affiliate and practitioners, as SUAP names them, with what we matched on gone.
    let mut render = another_order(&fixture(), "O900100");
    render["afiliado"]["DocTipo"] = json!("–");
    render["afiliado"]["DocNumero"] = Value::Null;
    render["afiliado"]["NumeroAfiliado"] = Value::Null;
    render["prestador"]["MatriculaProvincial"] = json!("MP 9999");
    render["prescriptor"]["MatriculaProvincial"] = Value::Null;
    render["prescriptor"]["MatriculaNacional"] = Value::Null;
    render["prescriptor"]["DocTipo"] = Value::Null;
    let second = import(&app, &render).await;
    assert_eq!(second["userErrors"], json!([]), "{second}");
    for who in ["patient", "provider", "prescriber"] {
        assert_eq!(
            second["order"][who]["id"], first["order"][who]["id"],
            "{who}: {second}"
        );
    }
    assert_eq!(app.sql_count("SELECT count(*) FROM patients").await, 1);
    assert_eq!(app.sql_count("SELECT count(*) FROM practitioners").await, 2);
    // A token names a person within its convenio only: the same token under another
    // convenio, with another document, is someone else.
    let mut elsewhere = another_order(&fixture(), "O900200");
    elsewhere["obraSocial"] = json!({ "Token": "OS6", "Nombre": "GALENO" });
    elsewhere["afiliado"]["DocNumero"] = json!("31222333");
    let third = import(&app, &elsewhere).await;
    assert_eq!(third["userErrors"], json!([]), "{third}");
    assert_ne!(
        third["order"]["patient"]["id"], first["order"]["patient"]["id"],
        "{third}"
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM patients").await, 2);
    // Remembered per convenio, once each.
    assert_eq!(
        app.sql_count("SELECT count(*) FROM practitioner_suap_tokens")
            .await,
        4
    );
    assert_eq!(
        app.sql_count("SELECT count(*) FROM patient_suap_tokens")
            .await,
        2
    );
}

#[tokio::test]
async fn an_affiliate_without_a_registrable_document_is_refused_until_staff_register_them() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let mut render = fixture();
    render["afiliado"]["DocTipo"] = json!("CUIT");
    render["afiliado"]["DocNumero"] = json!("27-28444555-4");
    let refused = import(&app, &render).await;
    assert_eq!(refused["order"], Value::Null, "{refused}");
    assert_eq!(
        refused["userErrors"][0]["field"],
        json!(["afiliado", "DocTipo"])
    );
    assert_eq!(refused["userErrors"][0]["code"], "REQUIRED");
    let message = refused["userErrors"][0]["message"].as_str().unwrap();
    assert!(message.contains("CUIT"), "{message}");
    assert_eq!(app.sql_count("SELECT count(*) FROM orders").await, 0);
    assert_eq!(app.sql_count("SELECT count(*) FROM practitioners").await, 0);

    // Staff register the affiliate with their DNI and affiliate number: the import finds them
    // by the number, with the surname (a relative sharing the number is not them).
    let osde = app
        .admin("{ socialWorks { nodes { id } } }", json!({}))
        .await["data"]["socialWorks"]["nodes"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut relative = patient_input(&osde, "40111222");
    relative["affiliateNumber"] = json!("61-123456-7/01");
    let created = app
        .gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": relative }))
        .await;
    assert_eq!(created["data"]["createPatient"]["userErrors"], json!([]));
    let still = import(&app, &render).await;
    assert_eq!(still["userErrors"][0]["code"], "REQUIRED", "{still}");
    let mut input = patient_input(&osde, "28444555");
    input["lastName"] = json!("Gómez");
    input["affiliateNumber"] = json!("61 123456 7 01");
    let created = app
        .gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": input }))
        .await;
    let patient = created["data"]["createPatient"]["patient"]["id"].clone();
    let imported = import(&app, &render).await;
    assert_eq!(imported["userErrors"], json!([]), "{imported}");
    assert_eq!(imported["order"]["patient"]["id"], patient);
    assert_eq!(imported["order"]["patient"]["origin"], "STAFF");
}

#[tokio::test]
async fn an_affiliate_of_an_inactive_social_work_imports_and_is_flagged_as_imported() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let osde = app
        .admin("{ socialWorks { nodes { id } } }", json!({}))
        .await["data"]["socialWorks"]["nodes"][0]["id"]
        .clone();
    let update = "mutation($input: UpdateSocialWorkInput!) { updateSocialWork(input: $input) { userErrors { code } } }";
    app.admin(
        update,
        json!({ "input": { "id": osde, "state": "INACTIVE" } }),
    )
    .await;

    let payload = import(&app, &fixture()).await;
    assert_eq!(payload["userErrors"], json!([]), "{payload}");
    let affiliate = &payload["order"]["patient"];
    assert_eq!(affiliate["origin"], "SUAP_IMPORT");
    assert_eq!(affiliate["socialWork"]["state"], "INACTIVE");

    // Staff still cannot register a new patient there.
    let body = app
        .gql_as(
            Role::Staff,
            CREATE_PATIENT,
            json!({ "input": patient_input(osde.as_str().unwrap(), "30999888") }),
        )
        .await;
    assert_eq!(
        body["data"]["createPatient"]["userErrors"][0]["code"], "INACTIVE",
        "{body}"
    );
}

#[tokio::test]
async fn staff_write_any_document_type_and_the_import_finds_the_practitioner_by_it() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let create = "mutation($input: CreatePractitionerInput!) { createPractitioner(input: $input) {
      practitioner { id documentType documentNumber } userErrors { field code } } }";
    let body = app
        .gql_as(
            Role::Staff,
            create,
            json!({ "input": { "fullName": "LAB SUR SA", "documentType": " cuit ", "documentNumber": "30.71234567.8" } }),
        )
        .await;
    let created = body["data"]["createPractitioner"]["practitioner"].clone();
    assert_eq!(created["documentType"], "CUIT", "{body}");
    assert_eq!(created["documentNumber"], "30712345678");
    let body = app
        .gql_as(
            Role::Staff,
            create,
            json!({ "input": { "fullName": "DR. PAZ", "documentType": "Pasaporte", "documentNumber": "ab123456" } }),
        )
        .await;
    let passport = body["data"]["createPractitioner"]["practitioner"].clone();
    assert_eq!(passport["documentType"], "PASSPORT", "{body}");
    // Only dashes is no type: then the number alone is refused.
    let body = app
        .gql_as(
            Role::Staff,
            create,
            json!({ "input": { "fullName": "X", "documentType": "–", "documentNumber": "1234" } }),
        )
        .await;
    assert_eq!(
        body["data"]["createPractitioner"]["userErrors"],
        json!([{ "field": ["documentType"], "code": "REQUIRED" }]),
        "{body}"
    );

    // SUAP names them as it does: "cuit" and "PAS".
    let mut render = fixture();
    for (who, kind, number) in [
        ("prestador", "cuit", "30-71234567-8"),
        ("prescriptor", "PAS", "AB 123456"),
    ] {
        render[who]["Token"] = Value::Null;
        render[who]["MatriculaProvincial"] = Value::Null;
        render[who]["MatriculaNacional"] = Value::Null;
        render[who]["DocTipo"] = json!(kind);
        render[who]["DocNumero"] = json!(number);
    }
    let payload = import(&app, &render).await;
    assert_eq!(payload["userErrors"], json!([]), "{payload}");
    assert_eq!(payload["order"]["provider"]["id"], created["id"]);
    assert_eq!(payload["order"]["prescriber"]["id"], passport["id"]);
    assert_eq!(app.sql_count("SELECT count(*) FROM practitioners").await, 2);
}

#[tokio::test]
async fn an_odd_doc_tipo_the_database_cannot_store_is_reported_at_doc_tipo() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let mut render = fixture();
    // Upper-cased, "ß" is "SS": 21 characters.
    render["prestador"]["DocTipo"] = json!("ßßßßßßßßßßß");
    render["prestador"]["DocNumero"] = json!("123456");
    let payload = import(&app, &render).await;
    assert_eq!(payload["order"], Value::Null, "{payload}");
    assert_eq!(
        payload["userErrors"][0]["field"],
        json!(["prestador", "DocTipo"]),
        "{payload}"
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM orders").await, 0);
}

#[tokio::test]
async fn a_practitioner_s_document_type_is_bounded_and_unicode_normalised_over_http() {
    let app = TestApp::new().await;
    let create = "mutation($input: CreatePractitionerInput!) { createPractitioner(input: $input) {
      practitioner { documentType } userErrors { field code message } } }";
    let with_type = |kind: &str, number: &str| json!({ "input": { "fullName": "LAB NORTE SA", "documentType": kind, "documentNumber": number } });
    // Full-width letters are the type typed plainly.
    let body = app
        .gql_as(Role::Staff, create, with_type("ｃｕｉｔ", "30712345678"))
        .await;
    assert_eq!(
        body["data"]["createPractitioner"]["practitioner"]["documentType"], "CUIT",
        "{body}"
    );
    for (kind, why) in [
        ("A".repeat(21), "longer than 20 characters"),
        ("CU\u{7}IT".to_owned(), "a control character"),
    ] {
        let body = app
            .gql_as(Role::Staff, create, with_type(&kind, "20111999"))
            .await;
        let payload = &body["data"]["createPractitioner"];
        assert_eq!(payload["practitioner"], Value::Null, "{why}: {body}");
        assert_eq!(
            payload["userErrors"][0]["field"],
            json!(["documentType"]),
            "{why}"
        );
        assert_eq!(payload["userErrors"][0]["code"], "INVALID_FORMAT", "{why}");
    }
    assert_eq!(app.sql_count("SELECT count(*) FROM practitioners").await, 1);
}
