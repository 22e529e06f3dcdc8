use clinic::auth::Role;
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn create_is_active_and_returns_every_field() {
    let app = TestApp::new().await;
    let mut input = social_work_input("  OSDE  ");
    input["code"] = json!("OS5");
    input["biochemicalUnitValue"] = json!("1.85");
    let body = app
        .admin(CREATE_SOCIAL_WORK, json!({ "input": input }))
        .await;
    let payload = &body["data"]["createSocialWork"];
    assert_eq!(payload["userErrors"], json!([]), "{body}");
    let sw = &payload["socialWork"];
    assert_eq!(sw["name"], "OSDE", "surrounding spaces are trimmed");
    assert_eq!(sw["state"], "ACTIVE");
    assert_eq!(sw["code"], "OS5");
    assert_eq!(sw["biochemicalUnitValue"], "1.85");
    assert!(sw["createdAt"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        sw["id"],
        clinic::graphql::ids::global_id("SocialWork", sw["databaseId"].as_i64().unwrap() as i32).0
    );
}

#[tokio::test]
async fn each_validation_rule_has_its_message_and_code_and_writes_nothing() {
    let app = TestApp::new().await;
    let cases = [
        ("name", json!(""), "REQUIRED", "El nombre es obligatorio"),
        (
            "name",
            json!("x".repeat(101)),
            "TOO_LONG",
            "El nombre no puede superar los 100 caracteres",
        ),
        (
            "address",
            json!("   "),
            "REQUIRED",
            "La dirección es obligatoria",
        ),
        ("phone", json!(""), "REQUIRED", "El teléfono es obligatorio"),
        (
            "phone",
            json!("123"),
            "INVALID_LENGTH",
            "El teléfono debe tener entre 10 y 20 caracteres",
        ),
        (
            "phone",
            json!("1".repeat(21)),
            "INVALID_LENGTH",
            "El teléfono debe tener entre 10 y 20 caracteres",
        ),
        (
            "phone",
            json!("phone-number-x"),
            "INVALID_FORMAT",
            "El teléfono solo puede contener números, guiones o espacios",
        ),
        (
            "webpage",
            json!(""),
            "REQUIRED",
            "La página web es obligatoria",
        ),
        (
            "webpage",
            // Without a scheme it becomes https://, which must still be a URL.
            json!("www.osde com.ar"),
            "INVALID_FORMAT",
            "La página web debe ser una URL http:// o https:// válida",
        ),
        (
            "webpage",
            json!("ftp://osde.com.ar"),
            "INVALID_FORMAT",
            "La página web debe ser una URL http:// o https:// válida",
        ),
        (
            "code",
            json!("5"),
            "INVALID_FORMAT",
            "El código debe ser un token de convenio SUAP, como OS5",
        ),
        (
            "biochemicalUnitValue",
            json!("-1"),
            "INVALID_RANGE",
            "El valor de la unidad bioquímica no puede ser negativo",
        ),
    ];
    for (field, value, code, message) in cases {
        let mut input = social_work_input("OSDE");
        input[field] = value.clone();
        let body = app
            .admin(CREATE_SOCIAL_WORK, json!({ "input": input }))
            .await;
        let payload = &body["data"]["createSocialWork"];
        assert_eq!(
            payload["socialWork"],
            json!(null),
            "{field}={value}: {body}"
        );
        assert_eq!(
            payload["userErrors"][0]["field"],
            json!([field]),
            "{field}={value}"
        );
        assert_eq!(
            user_errors(payload),
            vec![(code.to_owned(), message.to_owned())],
            "{field}={value}"
        );
    }
    assert_eq!(app.sql_count("SELECT count(*) FROM social_works").await, 0);
    for phone in ["+54 11 4567-8900", "011-4567-8900", "01145678900"] {
        let mut input = social_work_input(phone);
        input["phone"] = json!(phone);
        let body = app
            .admin(CREATE_SOCIAL_WORK, json!({ "input": input }))
            .await;
        assert_eq!(
            body["data"]["createSocialWork"]["userErrors"],
            json!([]),
            "{phone}: {body}"
        );
    }
}

#[tokio::test]
async fn names_are_unique_ignoring_case_accents_and_spaces() {
    let app = TestApp::new().await;
    create_social_work(&app, "OSDE").await;
    create_social_work(&app, "Swiss Medical").await;
    for name in [
        "OSDE",
        "osde",
        " Osde ",
        "OSDÉ",
        "Swiss  Medical",
        "swiss medical ",
    ] {
        let body = app
            .admin(
                CREATE_SOCIAL_WORK,
                json!({ "input": social_work_input(name) }),
            )
            .await;
        let payload = &body["data"]["createSocialWork"];
        assert_eq!(
            user_errors(payload),
            vec![(
                "TAKEN".to_owned(),
                format!("\"{}\" ya está registrado", name.trim())
            )]
        );
    }
    assert_eq!(app.sql_count("SELECT count(*) FROM social_works").await, 2);
}

#[tokio::test]
async fn concurrent_creates_of_one_name_give_one_success() {
    let app = TestApp::new().await;
    let token = app.token(Role::Admin);
    let input = json!({ "input": social_work_input("Galeno") });
    let runs = (0..20).map(|_| app.post(Some(&token), CREATE_SOCIAL_WORK, input.clone()));
    // Polled together, so the inserts really race.
    let results = futures_util::future::join_all(runs).await;
    let mut created = 0;
    let mut taken = 0;
    for (status, body) in results {
        assert_eq!(status, 200, "{body}");
        assert!(body["errors"].is_null(), "{body}");
        let payload = &body["data"]["createSocialWork"];
        if payload["socialWork"].is_object() {
            created += 1;
        } else {
            assert_eq!(payload["userErrors"][0]["code"], "TAKEN", "{body}");
            taken += 1;
        }
    }
    assert_eq!((created, taken), (1, 19));
}

const UPDATE: &str = "mutation($input: UpdateSocialWorkInput!) {
  updateSocialWork(input: $input) { socialWork { name state phone code } userErrors { field message code } }
}";

#[tokio::test]
async fn update_changes_any_field_and_checks_uniqueness_excluding_itself() {
    let app = TestApp::new().await;
    let osde = create_social_work(&app, "OSDE").await;
    create_social_work(&app, "Galeno").await;

    let body = app
        .admin(
            UPDATE,
            json!({ "input": { "id": osde, "name": "OSDE", "phone": "011-4567-8900" } }),
        )
        .await;
    assert_eq!(
        body["data"]["updateSocialWork"]["socialWork"]["phone"], "011-4567-8900",
        "{body}"
    );

    let body = app
        .admin(UPDATE, json!({ "input": { "id": osde, "name": "galeno" } }))
        .await;
    assert_eq!(
        user_errors(&body["data"]["updateSocialWork"]),
        vec![("TAKEN".to_owned(), "\"galeno\" ya está en uso".to_owned())]
    );

    let body = app
        .admin(
            UPDATE,
            json!({ "input": { "id": osde, "state": "INACTIVE", "code": "OS5" } }),
        )
        .await;
    let sw = &body["data"]["updateSocialWork"]["socialWork"];
    assert_eq!(
        (sw["state"].as_str(), sw["code"].as_str()),
        (Some("INACTIVE"), Some("OS5"))
    );

    // Explicit null on a required field is the same mistake as a blank one.
    let body = app
        .admin(UPDATE, json!({ "input": { "id": osde, "address": null } }))
        .await;
    assert_eq!(
        user_errors(&body["data"]["updateSocialWork"])[0].0,
        "REQUIRED"
    );

    // Null clears an optional field.
    let body = app
        .admin(UPDATE, json!({ "input": { "id": osde, "code": null } }))
        .await;
    assert_eq!(
        body["data"]["updateSocialWork"]["socialWork"]["code"],
        json!(null)
    );

    let missing = clinic::graphql::ids::global_id("SocialWork", 999_999).0;
    let body = app
        .admin(UPDATE, json!({ "input": { "id": missing, "name": "X" } }))
        .await;
    assert_eq!(
        user_errors(&body["data"]["updateSocialWork"])[0].0,
        "NOT_FOUND"
    );
}

#[tokio::test]
async fn codes_are_unique() {
    let app = TestApp::new().await;
    let mut input = social_work_input("OSDE");
    input["code"] = json!("OS5");
    app.admin(CREATE_SOCIAL_WORK, json!({ "input": input.clone() }))
        .await;
    input["name"] = json!("Otra");
    let body = app
        .admin(CREATE_SOCIAL_WORK, json!({ "input": input }))
        .await;
    assert_eq!(
        user_errors(&body["data"]["createSocialWork"]),
        vec![(
            "TAKEN".to_owned(),
            "El código ya está registrado".to_owned()
        )]
    );
}

const DELETE: &str = "mutation($id: ID!) { deleteSocialWork(input: { id: $id }) { deletedId userErrors { field message code } } }";

#[tokio::test]
async fn delete_is_refused_while_patients_reference_it() {
    let app = TestApp::new().await;
    let used = create_social_work(&app, "OSDE").await;
    let unused = create_social_work(&app, "Galeno").await;
    let body = app
        .gql_as(
            Role::Staff,
            CREATE_PATIENT,
            json!({ "input": patient_input(&used, "30111222") }),
        )
        .await;
    assert!(
        body["data"]["createPatient"]["patient"].is_object(),
        "{body}"
    );

    let body = app.admin(DELETE, json!({ "id": used })).await;
    assert_eq!(body["data"]["deleteSocialWork"]["deletedId"], json!(null));
    assert_eq!(
        user_errors(&body["data"]["deleteSocialWork"])[0].0,
        "IN_USE"
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM social_works").await, 2);

    let body = app.admin(DELETE, json!({ "id": unused })).await;
    assert_eq!(body["data"]["deleteSocialWork"]["deletedId"], json!(unused));
    let body = app.admin(DELETE, json!({ "id": unused })).await;
    assert_eq!(
        user_errors(&body["data"]["deleteSocialWork"])[0].0,
        "NOT_FOUND"
    );
}

#[tokio::test]
async fn filters_by_state_and_accent_insensitive_search() {
    let app = TestApp::new().await;
    for name in ["Obra Social Médica", "OSDE", "Galeno", "100% Salud"] {
        create_social_work(&app, name).await;
    }
    let galeno = app
        .admin(
            r#"{ socialWorks(filter: {search: "gal"}) { nodes { id } } }"#,
            json!({}),
        )
        .await["data"]["socialWorks"]["nodes"][0]["id"]
        .clone();
    app.admin(
        UPDATE,
        json!({ "input": { "id": galeno, "state": "INACTIVE" } }),
    )
    .await;

    let names = |body: serde_json::Value| -> Vec<String> {
        body["data"]["socialWorks"]["nodes"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .iter()
            .map(|n| n["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let q = "query($f: SocialWorkFilter) { socialWorks(filter: $f) { totalCount nodes { name } } }";
    assert_eq!(
        names(app.admin(q, json!({ "f": { "search": "MEDICA" } })).await),
        ["Obra Social Médica"]
    );
    assert_eq!(
        names(app.admin(q, json!({ "f": { "search": "médi" } })).await),
        ["Obra Social Médica"]
    );
    assert_eq!(
        names(app.admin(q, json!({ "f": { "search": "%" } })).await),
        ["100% Salud"]
    );
    assert_eq!(
        names(app.admin(q, json!({ "f": { "state": "INACTIVE" } })).await),
        ["Galeno"]
    );
    let body = app.admin(q, json!({ "f": { "state": "ACTIVE" } })).await;
    assert_eq!(body["data"]["socialWorks"]["totalCount"], 3);
    assert_eq!(names(body), ["100% Salud", "Obra Social Médica", "OSDE"]);
}

#[tokio::test]
async fn a_webpage_typed_without_a_scheme_is_https_and_other_schemes_stay_refused() {
    let app = TestApp::new().await;
    let mut input = social_work_input("Medicus");
    input["webpage"] = json!("www.medicus.com.ar");
    let body = app
        .admin(CREATE_SOCIAL_WORK, json!({ "input": input }))
        .await;
    assert_eq!(
        body["data"]["createSocialWork"]["socialWork"]["webpage"], "https://www.medicus.com.ar",
        "{body}"
    );
    for refused in [
        "ftp://medicus.com.ar",
        "javascript:alert(1)",
        "mailto:info@medicus.com.ar",
    ] {
        let mut input = social_work_input("Otra");
        input["webpage"] = json!(refused);
        let body = app
            .admin(CREATE_SOCIAL_WORK, json!({ "input": input }))
            .await;
        assert_eq!(
            body["data"]["createSocialWork"]["userErrors"][0]["code"], "INVALID_FORMAT",
            "{refused}: {body}"
        );
    }
}

#[tokio::test]
async fn deleting_a_social_work_used_only_by_orders_says_so() {
    let app = TestApp::new().await;
    let social_work = create_social_work(&app, "OSDE").await;
    let patient = app
        .gql_as(
            clinic::auth::Role::Staff,
            CREATE_PATIENT,
            json!({ "input": patient_input(&social_work, "30111222") }),
        )
        .await["data"]["createPatient"]["patient"]["id"]
        .clone();
    // The order is billed to another social work than the patient's.
    let other = create_social_work(&app, "Galeno").await;
    let body = app
        .gql_as(
            clinic::auth::Role::Staff,
            "mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { id } userErrors { code } } }",
            json!({ "i": { "patientId": patient, "socialWorkId": other, "authorizationStatus": "AUTHORIZED",
                           "items": [{ "nomenclatorCode": "660475", "nomenclator": "NBU", "name": "HEMOGRAMA",
                                       "authorizationStatus": "AUTHORIZED", "totalValue": "10" }] } }),
        )
        .await;
    assert!(
        body["data"]["createOrder"]["order"]["id"].is_string(),
        "{body}"
    );
    let body = app
        .admin(
            "mutation($i: DeleteInput!) { deleteSocialWork(input: $i) { deletedId userErrors { code message } } }",
            json!({ "i": { "id": other } }),
        )
        .await;
    let error = &body["data"]["deleteSocialWork"]["userErrors"][0];
    assert_eq!(error["code"], "IN_USE", "{body}");
    assert!(
        error["message"].as_str().unwrap().contains("órdenes"),
        "{body}"
    );
}

#[tokio::test]
async fn every_mistake_of_a_form_is_reported_at_once_and_nothing_is_written() {
    let app = TestApp::new().await;
    let input = json!({ "name": " ", "address": "", "phone": "12", "webpage": "" });
    let body = app
        .admin(CREATE_SOCIAL_WORK, json!({ "input": input }))
        .await;
    let mut errors: Vec<(String, String)> = body["data"]["createSocialWork"]["userErrors"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|e| {
            (
                e["field"][0].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    errors.sort();
    assert_eq!(
        errors,
        [
            ("address", "REQUIRED"),
            ("name", "REQUIRED"),
            ("phone", "INVALID_LENGTH"),
            ("webpage", "REQUIRED")
        ]
        .map(|(f, c)| (f.to_owned(), c.to_owned())),
        "{body}"
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM social_works").await, 0);

    // An update likewise, judged against the row's other values.
    let id = create_social_work(&app, "OSDE").await;
    let body = app
        .admin(
            "mutation($i: UpdateSocialWorkInput!) { updateSocialWork(input: $i) { socialWork { id } userErrors { field code } } }",
            json!({ "i": { "id": id, "phone": "abc", "name": "x".repeat(101) } }),
        )
        .await;
    let errors = &body["data"]["updateSocialWork"]["userErrors"];
    assert_eq!(errors.as_array().map(Vec::len), Some(2), "{body}");
    assert!(
        errors
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == json!(["name"]) && e["code"] == "TOO_LONG")
    );
    assert!(
        errors
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == json!(["phone"]))
    );
    assert_eq!(
        app.sql_count("SELECT count(*) FROM social_works WHERE name = 'OSDE'")
            .await,
        1,
        "unchanged"
    );
}
