use clinic::auth::Role;
use serde_json::json;

use crate::common::*;

const UPDATE_SW: &str = "mutation($input: UpdateSocialWorkInput!) { updateSocialWork(input: $input) { userErrors { code } } }";
const UPDATE_PATIENT: &str = "mutation($input: UpdatePatientInput!) {
  updatePatient(input: $input) { patient { id firstName email socialWork { name } } userErrors { field message code } }
}";

#[tokio::test]
async fn staff_registers_a_patient_on_an_active_social_work() {
    let app = TestApp::new().await;
    let osde = create_social_work(&app, "OSDE").await;
    let mut input = patient_input(&osde, "30111222");
    input["birthDate"] = json!("1980-05-17");
    input["email"] = json!("ana@example.com");
    input["affiliateNumber"] = json!("12345678");
    let body = app
        .gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": input }))
        .await;
    let patient = &body["data"]["createPatient"]["patient"];
    assert_eq!(patient["fullName"], "Ana Pérez", "{body}");
    assert_eq!(patient["documentType"], "DNI");
    assert_eq!(patient["socialWork"]["name"], "OSDE");
}

#[tokio::test]
async fn inactive_social_work_refuses_new_patients_but_keeps_existing_ones() {
    let app = TestApp::new().await;
    let osde = create_social_work(&app, "OSDE").await;
    let galeno = create_social_work(&app, "Galeno").await;
    let body = app
        .gql_as(
            Role::Staff,
            CREATE_PATIENT,
            json!({ "input": patient_input(&osde, "30111222") }),
        )
        .await;
    let existing = body["data"]["createPatient"]["patient"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.admin(
        UPDATE_SW,
        json!({ "input": { "id": osde, "state": "INACTIVE" } }),
    )
    .await;

    let body = app
        .gql_as(
            Role::Staff,
            CREATE_PATIENT,
            json!({ "input": patient_input(&osde, "30999888") }),
        )
        .await;
    let payload = &body["data"]["createPatient"];
    assert_eq!(payload["patient"], json!(null));
    assert_eq!(payload["userErrors"][0]["field"], json!(["socialWorkId"]));
    assert_eq!(
        user_errors(payload),
        vec![(
            "INACTIVE".to_owned(),
            "La obra social está inactiva y no admite nuevos pacientes".to_owned()
        )]
    );

    // The existing patient keeps the affiliation and can still be edited.
    let body = app
        .gql_as(
            Role::Staff,
            UPDATE_PATIENT,
            json!({ "input": { "id": existing, "email": "a@b.co" } }),
        )
        .await;
    let patient = &body["data"]["updatePatient"]["patient"];
    assert_eq!(
        (
            patient["email"].as_str(),
            patient["socialWork"]["name"].as_str()
        ),
        (Some("a@b.co"), Some("OSDE"))
    );

    // Moving a patient needs an active destination.
    let body = app
        .gql_as(
            Role::Staff,
            CREATE_PATIENT,
            json!({ "input": patient_input(&galeno, "27000111") }),
        )
        .await;
    let other = body["data"]["createPatient"]["patient"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = app
        .gql_as(
            Role::Staff,
            UPDATE_PATIENT,
            json!({ "input": { "id": other, "socialWorkId": osde } }),
        )
        .await;
    assert_eq!(user_errors(&body["data"]["updatePatient"])[0].0, "INACTIVE");

    app.admin(
        UPDATE_SW,
        json!({ "input": { "id": osde, "state": "ACTIVE" } }),
    )
    .await;
    let body = app
        .gql_as(
            Role::Staff,
            UPDATE_PATIENT,
            json!({ "input": { "id": other, "socialWorkId": osde } }),
        )
        .await;
    assert_eq!(
        body["data"]["updatePatient"]["patient"]["socialWork"]["name"], "OSDE",
        "{body}"
    );
}

#[tokio::test]
async fn unknown_social_work_is_not_found_and_wrong_id_type_is_bad_input() {
    let app = TestApp::new().await;
    let missing = clinic::graphql::ids::global_id("SocialWork", 424_242).0;
    let body = app
        .gql_as(
            Role::Staff,
            CREATE_PATIENT,
            json!({ "input": patient_input(&missing, "30111222") }),
        )
        .await;
    assert_eq!(
        user_errors(&body["data"]["createPatient"]),
        vec![(
            "NOT_FOUND".to_owned(),
            "La obra social no existe".to_owned()
        )]
    );
    let patient_id = clinic::graphql::ids::global_id("Patient", 1).0;
    for bad in [patient_id.as_str(), "garbage", "", "U29jaWFsV29yazp4"] {
        let body = app
            .gql_as(
                Role::Staff,
                CREATE_PATIENT,
                json!({ "input": patient_input(bad, "30111222") }),
            )
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{bad}: {body}");
        assert_eq!(body["data"], json!(null));
    }
    assert_eq!(app.sql_count("SELECT count(*) FROM patients").await, 0);
}

#[tokio::test]
async fn patient_validation_and_unique_document() {
    let app = TestApp::new().await;
    let osde = create_social_work(&app, "OSDE").await;
    app.gql_as(
        Role::Staff,
        CREATE_PATIENT,
        json!({ "input": patient_input(&osde, "30111222") }),
    )
    .await;
    let cases = [
        ("documentNumber", json!("30111222"), "TAKEN"),
        ("documentNumber", json!("12"), "INVALID_FORMAT"),
        ("documentNumber", json!(" "), "REQUIRED"),
        ("firstName", json!(""), "REQUIRED"),
        ("lastName", json!("x".repeat(101)), "TOO_LONG"),
        ("email", json!("not-an-email"), "INVALID_FORMAT"),
        ("phone", json!("12"), "INVALID_LENGTH"),
        ("birthDate", json!("1850-01-01"), "INVALID_RANGE"),
        ("birthDate", json!("2999-01-01"), "INVALID_RANGE"),
    ];
    for (field, value, code) in cases {
        let mut input = patient_input(&osde, "40111222");
        input[field] = value.clone();
        let body = app
            .gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": input }))
            .await;
        let payload = &body["data"]["createPatient"];
        assert_eq!(
            payload["userErrors"][0]["code"], code,
            "{field}={value}: {body}"
        );
        assert_eq!(
            payload["userErrors"][0]["field"],
            json!([field]),
            "{field}={value}"
        );
    }
    // Same number, other document type: a different person.
    let mut input = patient_input(&osde, "30111222");
    input["documentType"] = json!("PASSPORT");
    let body = app
        .gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": input }))
        .await;
    assert_eq!(
        body["data"]["createPatient"]["userErrors"],
        json!([]),
        "{body}"
    );
    let body = app
        .post(
            None,
            "{ __type(name: \"DocumentType\") { name } }",
            json!({}),
        )
        .await
        .1;
    assert_eq!(body["data"]["__type"]["name"], "DocumentType");
    let bad_date = app.gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": { "firstName": "A", "lastName": "B", "documentType": "DNI", "documentNumber": "1234", "socialWorkId": osde, "birthDate": "17/05/1980" } })).await;
    assert_eq!(error_code(&bad_date), "BAD_USER_INPUT", "{bad_date}");
    assert_eq!(app.sql_count("SELECT count(*) FROM patients").await, 2);
}

#[tokio::test]
async fn filters_by_social_work_and_search() {
    let app = TestApp::new().await;
    let osde = create_social_work(&app, "OSDE").await;
    let galeno = create_social_work(&app, "Galeno").await;
    let people = [
        ("José", "Núñez", "20111222", &osde),
        ("Ana", "Pérez", "20333444", &osde),
        ("Luis", "García", "20555666", &galeno),
    ];
    for (first, last, doc, sw) in people {
        let mut input = patient_input(sw, doc);
        input["firstName"] = json!(first);
        input["lastName"] = json!(last);
        let body = app
            .gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": input }))
            .await;
        assert!(
            body["data"]["createPatient"]["patient"].is_object(),
            "{body}"
        );
    }
    let q = "query($f: PatientFilter) { patients(filter: $f) { totalCount nodes { fullName } } }";
    let names = |body: serde_json::Value| -> Vec<String> {
        body["data"]["patients"]["nodes"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .iter()
            .map(|n| n["fullName"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names(
            app.gql_as(Role::Viewer, q, json!({ "f": { "socialWorkId": osde } }))
                .await
        ),
        ["José Núñez", "Ana Pérez"]
    );
    assert_eq!(
        names(
            app.gql_as(Role::Viewer, q, json!({ "f": { "search": "nunez" } }))
                .await
        ),
        ["José Núñez"]
    );
    assert_eq!(
        names(
            app.gql_as(Role::Viewer, q, json!({ "f": { "search": "jose nu" } }))
                .await
        ),
        ["José Núñez"]
    );
    assert_eq!(
        names(
            app.gql_as(Role::Viewer, q, json!({ "f": { "search": "perez ana" } }))
                .await
        ),
        ["Ana Pérez"]
    );
    assert_eq!(
        names(
            app.gql_as(Role::Viewer, q, json!({ "f": { "search": "20555" } }))
                .await
        ),
        ["Luis García"]
    );
    assert_eq!(
        names(
            app.gql_as(
                Role::Viewer,
                q,
                json!({ "f": { "socialWorkId": galeno, "search": "ana" } })
            )
            .await
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        names(app.gql_as(Role::Viewer, q, json!({})).await),
        ["Luis García", "José Núñez", "Ana Pérez"]
    );
}

#[tokio::test]
async fn search_takes_the_term_literally_within_one_name_order_through_the_trigram_indexes() {
    let app = TestApp::new().await;
    let osde = create_social_work(&app, "OSDE").await;
    for (first, last, doc) in [("Ana", "Pérez", "20333444"), ("Anabel", "Paz", "20777888")] {
        let mut input = patient_input(&osde, doc);
        input["firstName"] = json!(first);
        input["lastName"] = json!(last);
        input["affiliateNumber"] = json!(format!("61-{doc}/01"));
        let body = app
            .gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": input }))
            .await;
        assert!(
            body["data"]["createPatient"]["patient"].is_object(),
            "{body}"
        );
    }
    let q = "query($s: String) { patients(filter: {search: $s}) { totalCount } }";
    let found = async |term: &str| {
        let body = app.gql_as(Role::Viewer, q, json!({ "s": term })).await;
        body["data"]["patients"]["totalCount"]
            .as_i64()
            .unwrap_or_else(|| panic!("{body}"))
    };
    assert_eq!(found("ana").await, 2);
    assert_eq!(found("pérez ana").await, 1, "last name first");
    assert_eq!(found("ana pérez").await, 1);
    // A term of several words is found as typed, not word by word.
    assert_eq!(found("paz ana").await, 1, "Paz Anabel");
    assert_eq!(found("ana paz").await, 0, "both words, not together");
    assert_eq!(found("bel paz").await, 1, "within a word, then the next");
    assert_eq!(
        found("el paz").await,
        1,
        "a short word, found with its space"
    );
    assert_eq!(found("an% paz").await, 0, "`%` in a word is not any text");
    // LIKE's wildcards are characters like any other in a term.
    assert_eq!(found("a_a").await, 0, "`_` is not any character");
    assert_eq!(found("%").await, 0, "`%` is not any text");
    assert_eq!(found("an%").await, 0);
    // "Ana Pérez" and "Pérez Ana" are searched apart: no term spans the two orders.
    assert_eq!(found("perez perez").await, 0);
    assert_eq!(
        found("perez\u{1f}perez").await,
        0,
        "nor with the separator typed"
    );
    assert_eq!(
        found("\u{1f}").await,
        2,
        "a control character alone is a blank term: all"
    );
    assert_eq!(found("\\a").await, 0, "`\\` is a character too");
    assert_eq!(found("333").await, 1, "part of a document");
    assert_eq!(
        found("6120777").await,
        1,
        "part of an affiliate number, separators aside"
    );

    // A write that changes nothing leaves updated_at (its generated search columns aside).
    let before = app
        .sql_count("SELECT count(*) FROM patients WHERE updated_at = created_at")
        .await;
    app.sql_count("WITH u AS (UPDATE patients SET first_name = first_name RETURNING 1) SELECT count(*) FROM u")
        .await;
    let after = app
        .sql_count("SELECT count(*) FROM patients WHERE updated_at = created_at")
        .await;
    assert_eq!(
        (before, after),
        (2, 2),
        "an update that changes nothing moved updated_at"
    );

    // Each of the three expressions a term is looked for in has a trigram index the planner
    // can use: the statement's shape, as the service sends it (a bound pattern).
    let plan = plan_without_seqscan(
        &app,
        "SELECT count(*) FROM patients
          WHERE search_name LIKE $1 OR document_number LIKE $2 OR search_affiliate LIKE $2",
        &["%perez%", "%333%"],
    )
    .await;
    for index in [
        "patients_name_search_idx",
        "patients_document_search_idx",
        "patients_affiliate_search_idx",
    ] {
        assert!(plan.contains(index), "{index} unused:\n{plan}");
    }
}

/// A page of one social work's (or one EPS's) patients comes in the list's order straight
/// from an index, without sorting the social work's rows: at a million patients that sort
/// visited 20,000 rows for each page.
#[tokio::test]
async fn a_page_of_one_insurers_patients_is_read_in_order_from_an_index() {
    let app = TestApp::new().await;
    for (column, index) in [
        ("social_work_id", "patients_social_work_name_order_idx"),
        ("eps_id", "patients_eps_name_order_idx"),
    ] {
        let plan = plan_without_seqscan(
            &app,
            &format!(
                "SELECT id FROM patients WHERE {column} = $1::int
                  ORDER BY last_name, first_name, id LIMIT 21"
            ),
            &["1"],
        )
        .await;
        assert!(plan.contains(index), "{index} unused:\n{plan}");
        assert!(!plan.contains("Sort"), "sorted:\n{plan}");
    }
}

/// A social work's nested page of patients is the page `patients(filter: {socialWorkId})`
/// gives, forwards and backwards, from the start or from a cursor, for every social work of
/// the list at once.
#[tokio::test]
async fn nested_pages_of_patients_are_each_social_works_own_page() {
    let app = TestApp::new().await;
    let osde = create_social_work(&app, "OSDE").await;
    let galeno = create_social_work(&app, "Galeno").await;
    for (i, (first, last)) in [
        ("Ana", "Pérez"),
        ("Juan", "Álvarez"),
        ("Luis", "Pérez"),
        ("Eva", "Zapata"),
        ("Ana", "Acosta"),
        ("Rosa", "Méndez"),
        ("Ana", "pérez"),
    ]
    .into_iter()
    .enumerate()
    {
        for (k, social_work) in [&osde, &galeno].into_iter().enumerate() {
            let mut input = patient_input(social_work, &format!("3011{k}{i:03}"));
            input["firstName"] = json!(first);
            input["lastName"] = json!(last);
            let body = app
                .gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": input }))
                .await;
            assert!(body["errors"].is_null(), "{body}");
        }
    }
    let ids = |page: &serde_json::Value| -> Vec<String> {
        page["nodes"]
            .as_array()
            .unwrap_or_else(|| panic!("{page}"))
            .iter()
            .map(|n| n["documentNumber"].as_str().unwrap().to_owned())
            .collect()
    };
    // (first, after, last, before) as the two queries take them.
    let own_page = async |social_work: &str, args: &serde_json::Value| {
        let body = app
            .gql_as(
                Role::Viewer,
                "query($sw: ID!, $first: Int, $after: String, $last: Int, $before: String) {
                   patients(filter: {socialWorkId: $sw}, first: $first, after: $after,
                            last: $last, before: $before) {
                     nodes { documentNumber } pageInfo { startCursor endCursor } } }",
                json!({ "sw": social_work, "first": args["first"], "after": args["after"],
                        "last": args["last"], "before": args["before"] }),
            )
            .await;
        body["data"]["patients"].clone()
    };
    let nested_pages = async |args: &serde_json::Value| {
        let body = app
            .gql_as(
                Role::Viewer,
                "query($first: Int, $after: String, $last: Int, $before: String) {
                   socialWorks { nodes { id patients(first: $first, after: $after, last: $last,
                                                     before: $before) {
                     nodes { documentNumber } } } } }",
                args.clone(),
            )
            .await;
        body["data"]["socialWorks"]["nodes"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .clone()
    };
    let middle = own_page(&osde, &json!({ "first": 3 })).await["pageInfo"]["endCursor"].clone();
    for args in [
        json!({ "first": 3 }),
        json!({ "first": 3, "after": middle }),
        json!({ "last": 2 }),
        json!({ "last": 2, "before": middle }),
    ] {
        let nested = nested_pages(&args).await;
        assert_eq!(nested.len(), 2, "{args}");
        for social_work in &nested {
            let id = social_work["id"].as_str().unwrap();
            let expected = ids(&own_page(id, &args).await);
            assert!(!expected.is_empty(), "{args}");
            assert_eq!(ids(&social_work["patients"]), expected, "{args}");
        }
    }
}

/// Patients g = 1 to 60, named by the SQL expressions `first` and `last` of g, with document
/// 10000000 + g, on social work g % n of `n` new ones, "Obra 0"… in id order.
async fn seed_patients(app: &TestApp, n: usize, first: &str, last: &str) {
    for i in 0..n {
        create_social_work(app, &format!("Obra {i}")).await;
    }
    let mut conn = app.state.pool.get().await.unwrap();
    use diesel_async::RunQueryDsl;
    diesel::sql_query(format!(
        "INSERT INTO patients (first_name, last_name, document_type, document_number, social_work_id)
         SELECT {first}, {last}, 'DNI', (10000000 + g)::text,
                (SELECT id FROM social_works ORDER BY id OFFSET g % {n} LIMIT 1)
         FROM generate_series(1, 60) g"
    ))
    .execute(&mut conn)
    .await
    .unwrap();
}

#[tokio::test]
async fn a_page_of_patients_with_their_social_work_costs_a_constant_number_of_statements() {
    let app = TestApp::new().await;
    seed_patients(&app, 5, "'Nombre' || g", "'Apellido' || g").await;
    let q = "query($n: Int) { patients(first: $n) { totalCount nodes { fullName socialWork { name patientCount } } } }";
    let mut counts = vec![];
    for n in [5, 50] {
        let token = app.token(Role::Viewer);
        let before = app.statements();
        let body = app.post(Some(&token), q, json!({ "n": n })).await.1;
        counts.push(app.statements() - before);
        assert_eq!(
            body["data"]["patients"]["nodes"].as_array().unwrap().len(),
            n as usize,
            "{body}"
        );
    }
    // Page, total count, social works, patient counts: never one per row.
    assert_eq!(counts[0], counts[1], "{counts:?}");
    assert!(counts[1] <= 4, "{counts:?}");

    // Exactly one, whatever the timing: the page reads its social works in the same
    // statement, through `nodes` or `edges { node }`, and each node finds its own there.
    let names = |body: &serde_json::Value| -> Vec<(String, String)> {
        let page = &body["data"]["patients"];
        let nodes = match page["nodes"].as_array() {
            Some(nodes) => nodes.clone(),
            None => page["edges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["node"].clone())
                .collect(),
        };
        nodes
            .iter()
            .map(|n| {
                (
                    n["documentNumber"].as_str().unwrap().to_owned(),
                    n["socialWork"]["name"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    for q in [
        "query($n: Int) { patients(first: $n) { nodes { documentNumber socialWork { name } } } }",
        "query($n: Int) { patients(first: $n) { edges { node { documentNumber socialWork { name } } } } }",
    ] {
        for n in [5, 50] {
            let before = app.statements();
            let body = app
                .post(Some(&app.token(Role::Viewer)), q, json!({ "n": n }))
                .await
                .1;
            assert_eq!(app.statements() - before, 1, "page of {n}: {body}");
            let names = names(&body);
            assert_eq!(names.len(), n as usize, "{body}");
            // Patient g was put on social work g % 5 (in id order).
            for (document, social_work) in names {
                let g: usize = document.parse::<usize>().unwrap() - 10000000;
                assert_eq!(social_work, format!("Obra {}", g % 5), "{body}");
            }
        }
    }

    // Nested connections are batched too: one statement for every social work's page.
    let q = "{ socialWorks(first: 5) { nodes { patients(first: 3) { totalCount nodes { lastName } } } } }";
    let before = app.statements();
    let body = app
        .post(Some(&app.token(Role::Viewer)), q, json!({}))
        .await
        .1;
    assert_eq!(app.statements() - before, 3, "{body}");
    let pages = body["data"]["socialWorks"]["nodes"].as_array().unwrap();
    assert!(
        pages
            .iter()
            .all(|p| p["patients"]["nodes"].as_array().unwrap().len() == 3
                && p["patients"]["totalCount"] == 12),
        "{body}"
    );
}

/// What the search box asks at each keystroke, a first page and `totalCount` (counted in the
/// page's own pass, README: Benchmarks), gives the count of every match however it is asked:
/// forwards and backwards, through a fragment or an alias, beside a social work, with a page
/// larger than the matches, and after a cursor (not only the matches past it).
#[tokio::test]
async fn a_search_counts_every_match_however_its_first_page_is_asked() {
    let app = TestApp::new().await;
    // 25 of the 60 are Gómez (g % 12 below 5).
    seed_patients(
        &app,
        3,
        "'Nombre' || lpad(g::text, 2, '0')",
        "CASE WHEN g % 12 < 5 THEN 'Gómez' ELSE 'Apellido' || g END",
    )
    .await;
    let gomez: Vec<u32> = (1..=60).filter(|g| g % 12 < 5).collect();
    let token = app.token(Role::Viewer);
    let page = |body: &serde_json::Value| -> (i64, Vec<(u32, String)>) {
        let patients = &body["data"]["patients"];
        let nodes = patients["nodes"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"));
        let nodes = nodes
            .iter()
            .map(|n| {
                let document = n["documentNumber"].as_str().unwrap();
                let social_work = n["socialWork"]["name"].as_str().unwrap().to_owned();
                (document.parse::<u32>().unwrap() - 10000000, social_work)
            })
            .collect();
        (patients["totalCount"].as_i64().unwrap_or(-1), nodes)
    };
    let expected = |wanted: &[u32]| -> Vec<(u32, String)> {
        wanted
            .iter()
            .map(|g| (*g, format!("Obra {}", g % 3)))
            .collect()
    };

    let with_count = "query($s: String, $first: Int, $last: Int) {
      patients(first: $first, last: $last, filter: {search: $s}) {
        totalCount nodes { documentNumber socialWork { name } } } }";
    let without_count = "query($s: String) {
      patients(first: 10, filter: {search: $s}) { nodes { documentNumber socialWork { name } } } }";
    let before = app.statements();
    app.post(Some(&token), without_count, json!({ "s": "gomez" }))
        .await;
    let page_alone = app.statements() - before;
    let before = app.statements();
    let (_, body) = app
        .post(
            Some(&token),
            with_count,
            json!({ "s": "gomez", "first": 10 }),
        )
        .await;
    // The page's pass counts; only the page's rows come after it, by id.
    assert!(app.statements() - before <= page_alone + 1, "{body}");
    assert_eq!(page(&body), (25, expected(&gomez[..10])), "{body}");

    let asked = [
        "query($s: String) { patients(first: 10, filter: {search: $s}) {
           ...counted nodes { documentNumber socialWork { name } } } }
         fragment counted on PatientConnection { totalCount }",
        "query($s: String) { patients(first: 10, filter: {search: $s}) {
           ... on PatientConnection { totalCount } nodes { documentNumber socialWork { name } } } }",
        "query($s: String) { patients(first: 10, filter: {search: $s}) {
           totalCount: totalCount nodes { documentNumber socialWork { name } } } }",
    ];
    for q in asked {
        let (_, body) = app.post(Some(&token), q, json!({ "s": "gomez" })).await;
        assert_eq!(page(&body), (25, expected(&gomez[..10])), "{q}: {body}");
    }
    let (_, body) = app
        .post(
            Some(&token),
            "query($s: String) { patients(first: 10, filter: {search: $s}) {
               n: totalCount nodes { documentNumber } } }",
            json!({ "s": "gomez" }),
        )
        .await;
    assert_eq!(body["data"]["patients"]["n"], 25, "an alias: {body}");

    // Beside a social work: its Gómez only (g % 3 = 1).
    let obra_1 = app
        .gql_as(
            Role::Viewer,
            "{ socialWorks(filter: {search: \"Obra 1\"}) { nodes { id } } }",
            json!({}),
        )
        .await["data"]["socialWorks"]["nodes"][0]["id"]
        .clone();
    let (_, body) = app
        .post(
            Some(&token),
            "query($s: String, $sw: ID) { patients(first: 3, filter: {search: $s, socialWorkId: $sw}) {
               totalCount nodes { documentNumber socialWork { name } } } }",
            json!({ "s": "gomez", "sw": obra_1 }),
        )
        .await;
    let of_obra_1: Vec<u32> = gomez.iter().copied().filter(|g| g % 3 == 1).collect();
    assert_eq!(
        page(&body),
        (of_obra_1.len() as i64, expected(&of_obra_1[..3])),
        "{body}"
    );

    // Backwards, past the matches, none.
    let cases: [(serde_json::Value, i64, &[u32]); 3] = [
        (json!({ "s": "gomez", "last": 10 }), 25, &gomez[15..]),
        (json!({ "s": "gomez", "first": 50 }), 25, &gomez),
        (json!({ "s": "nadie", "first": 10 }), 0, &[]),
    ];
    for (variables, total, wanted) in cases {
        let (_, body) = app.post(Some(&token), with_count, variables).await;
        assert_eq!(page(&body), (total, expected(wanted)), "{body}");
    }

    // After a cursor: the rest of the matches, and still the count of all of them.
    let q = "query($s: String, $after: String) {
      patients(first: 10, after: $after, filter: {search: $s}) {
        totalCount pageInfo { endCursor } nodes { documentNumber socialWork { name } } } }";
    let (_, body) = app
        .post(Some(&token), q, json!({ "s": "gomez", "after": null }))
        .await;
    let cursor = body["data"]["patients"]["pageInfo"]["endCursor"].clone();
    let (_, body) = app
        .post(Some(&token), q, json!({ "s": "gomez", "after": cursor }))
        .await;
    assert_eq!(page(&body), (25, expected(&gomez[10..20])), "{body}");
}

/// Each contact detail a page's nodes ask for, however the document asks (`nodes`, `edges`,
/// a fragment, an inline fragment, beside other fields), comes back as stored: the guard for
/// any reading of fewer columns chosen from the look-ahead (one was tried, README: Benchmarks).
#[tokio::test]
async fn a_page_of_patients_shows_every_contact_detail_it_is_asked_for() {
    let app = TestApp::new().await;
    let osde = create_social_work(&app, "OSDE").await;
    let mut input = patient_input(&osde, "30111222");
    let details = json!({
        "birthDate": "1980-05-17",
        "gender": "F",
        "email": "ana@example.com",
        "phone": "+54 11 4444-5555",
        "address": "Av. Corrientes 1234",
        "affiliateNumber": "61-123456-7/01",
    });
    for (field, value) in details.as_object().unwrap() {
        input[field] = value.clone();
    }
    let body = app
        .gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": input }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
    for (field, value) in details.as_object().unwrap() {
        for (q, path) in [
            (
                format!("{{ patients {{ nodes {{ {field} }} }} }}"),
                "/nodes/0",
            ),
            (
                format!("{{ patients {{ edges {{ cursor node {{ id {field} }} }} }} }}"),
                "/edges/0/node",
            ),
            (
                format!(
                    "{{ patients {{ nodes {{ ...P }} }} }} fragment P on Patient {{ fullName {field} }}"
                ),
                "/nodes/0",
            ),
            (
                format!(
                    "{{ patients {{ totalCount nodes {{ socialWork {{ name }} ... on Patient {{ {field} }} }} }} }}"
                ),
                "/nodes/0",
            ),
        ] {
            let body = app.gql_as(Role::Viewer, &q, json!({})).await;
            let node = body["data"]["patients"].pointer(path);
            assert_eq!(node.and_then(|n| n.get(field)), Some(value), "{q}: {body}");
        }
    }
    // And a page that shows no detail still shows what it asks for.
    let body = app
        .gql_as(
            Role::Viewer,
            "{ patients { nodes { fullName documentType documentNumber origin socialWork { name } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        body["data"]["patients"]["nodes"][0],
        json!({
            "fullName": "Ana Pérez",
            "documentType": "DNI",
            "documentNumber": "30111222",
            "origin": "STAFF",
            "socialWork": { "name": "OSDE" },
        }),
        "{body}"
    );
}

/// Loaders keep rows for the rest of a request only in queries: in a mutation document, a row
/// read before a later mutation changes it is read again.
#[tokio::test]
async fn a_mutation_document_never_reads_a_row_older_than_its_own_writes() {
    let app = TestApp::new().await;
    let osde = create_social_work(&app, "OSDE").await;
    let q =
        "mutation($a: CreatePatientInput!, $b: CreatePatientInput!, $sw: UpdateSocialWorkInput!) {
        first: createPatient(input: $a) { patient { socialWork { name } } }
        rename: updateSocialWork(input: $sw) { userErrors { code } }
        second: createPatient(input: $b) { patient { socialWork { name } } }
    }";
    let body = app
        .admin(
            q,
            json!({
                "a": patient_input(&osde, "30111222"),
                "b": patient_input(&osde, "30111223"),
                "sw": { "id": osde, "name": "OSDE Binario" },
            }),
        )
        .await;
    assert_eq!(
        body["data"]["first"]["patient"]["socialWork"]["name"], "OSDE",
        "{body}"
    );
    assert_eq!(
        body["data"]["second"]["patient"]["socialWork"]["name"],
        "OSDE Binario"
    );
}

#[tokio::test]
async fn every_mistake_of_the_patient_form_is_reported_at_once() {
    let app = TestApp::new().await;
    let social_work = create_social_work(&app, "OSDE").await;
    let mut input = patient_input(&social_work, "30111222");
    input["firstName"] = json!("");
    input["email"] = json!("no-es-un-correo");
    input["phone"] = json!("12");
    let body = app
        .gql_as(
            clinic::auth::Role::Staff,
            CREATE_PATIENT,
            json!({ "input": input }),
        )
        .await;
    let fields: std::collections::BTreeSet<String> = body["data"]["createPatient"]["userErrors"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|e| e["field"][0].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        fields,
        ["email", "firstName", "phone"].map(str::to_owned).into(),
        "{body}"
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM patients").await, 0);
}

#[tokio::test]
async fn search_finds_the_affiliate_number_as_typed() {
    let app = TestApp::new().await;
    let social_work = create_social_work(&app, "OSDE").await;
    let mut input = patient_input(&social_work, "30111222");
    input["affiliateNumber"] = json!("61 123456 7 01");
    let body = app
        .gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": input }))
        .await;
    assert!(
        body["data"]["createPatient"]["patient"]["id"].is_string(),
        "{body}"
    );
    let count = |term: &'static str| {
        let app = &app;
        async move {
            app.gql_as(
                Role::Viewer,
                "query($s: String) { patients(filter: {search: $s}) { totalCount } }",
                json!({ "s": term }),
            )
            .await["data"]["patients"]["totalCount"]
                .as_i64()
                .unwrap()
        }
    };
    assert_eq!(count("61-123456-7/01").await, 1);
    assert_eq!(count("1234567").await, 1);
    assert_eq!(count("61.123456.8").await, 0);
    // A term of separators only matches nothing by number.
    assert_eq!(count("-/").await, 0);
}

#[tokio::test]
async fn document_numbers_are_stored_normalised_and_unique_as_people_type_them() {
    let app = TestApp::new().await;
    let osde = create_social_work(&app, "OSDE").await;
    let create = |document: &'static str, kind: &'static str| {
        let (app, osde) = (&app, &osde);
        async move {
            let mut input = patient_input(osde, document);
            input["documentType"] = json!(kind);
            app.gql_as(Role::Staff, CREATE_PATIENT, json!({ "input": input }))
                .await["data"]["createPatient"]
                .clone()
        }
    };
    let dni = create("30.111.222", "DNI").await;
    assert_eq!(dni["patient"]["documentNumber"], "30111222", "{dni}");
    let passport = create("ab 123-456", "PASSPORT").await;
    assert_eq!(
        passport["patient"]["documentNumber"], "AB123456",
        "{passport}"
    );
    for (document, kind) in [
        ("30111222", "DNI"),
        ("30-111-222", "DNI"),
        ("AB123456", "PASSPORT"),
        ("ab/123456", "PASSPORT"),
    ] {
        let payload = create(document, kind).await;
        assert_eq!(
            user_errors(&payload),
            vec![(
                "TAKEN".to_owned(),
                "Ya existe un paciente con ese tipo y número de documento".to_owned()
            )],
            "{document}"
        );
    }
    // Other characters are not separators: refused, not dropped.
    let payload = create("30#111#222", "DNI").await;
    assert_eq!(
        payload["userErrors"][0]["code"], "INVALID_FORMAT",
        "{payload}"
    );
    // The stored form is the one search and updates see.
    let found = app
        .gql_as(
            Role::Viewer,
            "{ patients(filter: {search: \"30.111\"}) { nodes { documentNumber } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        found["data"]["patients"]["nodes"],
        json!([{ "documentNumber": "30111222" }]),
        "{found}"
    );
    let id = dni["patient"]["id"].clone();
    let updated = app
        .gql_as(
            Role::Staff,
            "mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { patient { documentNumber } userErrors { code } } }",
            json!({ "input": { "id": id, "documentNumber": "30 111 223" } }),
        )
        .await;
    assert_eq!(
        updated["data"]["updatePatient"]["patient"]["documentNumber"], "30111223",
        "{updated}"
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM patients").await, 2);
}
