use clinic::auth::Role;
use serde_json::{Value, json};

use crate::common::*;

const ORDER_STATES: [&str; 9] = [
    "UNPROCESSED",
    "AUTHORIZED",
    "PARTIALLY_AUTHORIZED",
    "REFERRED_TO_AUDIT",
    "REJECTED",
    "PARTIALLY_REFERRED_TO_AUDIT",
    "AUTHORIZED_OFF_SYSTEM",
    "REFERRED_TO_ADMIN_AUDIT",
    "PARTIALLY_REFERRED_TO_ADMIN_AUDIT",
];
const ITEM_STATES: [&str; 5] = [
    "UNPROCESSED",
    "AUTHORIZED",
    "REFERRED_TO_AUDIT",
    "REJECTED",
    "AUTHORIZED_OFF_SYSTEM",
];

/// Seed 002's table: rows are item states, columns order states 0..8.
const BILLABLE: [[bool; 9]; 5] = {
    const N: bool = false;
    const S: bool = true;
    [
        [N, N, N, N, N, N, N, N, N], // 0 S.P.
        [N, S, S, N, N, S, S, N, S], // 1 AUT
        [N, N, N, N, N, N, N, N, N], // 2 REM
        [N, N, N, N, N, N, N, N, N], // 3 RECH
        [N, S, S, N, N, S, S, N, S], // 6 AUT. EXT
    ]
};

const ORDER_FIELDS: &str =
    "id token databaseId authorizationStatus draft cancelledByProvider billable
  billableAmount billableCopayAmount totalAuthorizedValue totalCopayValue totalsMismatch
  items { id token name authorizationStatus totalValue copayValue billable }";

fn create_order_mutation() -> String {
    format!(
        "mutation($input: CreateOrderInput!) {{ createOrder(input: $input) {{ order {{ {ORDER_FIELDS} }} userErrors {{ field code message }} }} }}"
    )
}

async fn patient(app: &TestApp) -> String {
    let sw = create_social_work(app, "OSDE").await;
    let body = app
        .gql_as(
            Role::Staff,
            CREATE_PATIENT,
            json!({ "input": patient_input(&sw, "30111222") }),
        )
        .await;
    body["data"]["createPatient"]["patient"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn items() -> Value {
    json!(ITEM_STATES
        .iter()
        .enumerate()
        .map(|(i, s)| json!({
            "nomenclatorCode": format!("66047{i}"), "nomenclator": "NBU", "name": format!("Práctica {i}"),
            "authorizationStatus": s, "totalValue": format!("{}.50", 1000 * (i + 1)), "copayValue": format!("{}", 10 * (i + 1))
        }))
        .collect::<Vec<_>>())
}

#[tokio::test]
async fn every_cell_of_the_billing_table() {
    let app = TestApp::new().await;
    let affiliate = patient(&app).await;
    for (column, state) in ORDER_STATES.iter().enumerate() {
        let input = json!({ "patientId": affiliate, "authorizationStatus": state, "authorizedAt": "2026-11-02T12:00:00Z", "items": items() });
        let body = app
            .gql_as(
                Role::Staff,
                &create_order_mutation(),
                json!({ "input": input }),
            )
            .await;
        let order = &body["data"]["createOrder"]["order"];
        assert_eq!(order["authorizationStatus"], *state, "{body}");
        let mut expected_amount = 0.0;
        for (row, item) in order["items"].as_array().unwrap().iter().enumerate() {
            assert_eq!(item["authorizationStatus"], ITEM_STATES[row]);
            assert_eq!(
                item["billable"], BILLABLE[row][column],
                "order {state}, item {}",
                ITEM_STATES[row]
            );
            if BILLABLE[row][column] {
                expected_amount += item["totalValue"].as_str().unwrap().parse::<f64>().unwrap();
            }
        }
        let any = (0..5).any(|row| BILLABLE[row][column]);
        assert_eq!(order["billable"], any, "{state}");
        assert_eq!(
            order["billableAmount"]
                .as_str()
                .unwrap()
                .parse::<f64>()
                .unwrap(),
            expected_amount,
            "{state}"
        );
        // Totals of an order created here: its authorized items (states 1 and 6), 2000.50 + 5000.50.
        assert_eq!(order["totalAuthorizedValue"], "7001", "{state}");
        assert_eq!(order["totalCopayValue"], "70");
        assert_eq!(order["totalsMismatch"], false);
        // Orders created here are not in SUAP: no SUAP token, but Node IDs all the same.
        assert_eq!(order["token"], Value::Null, "{state}");
        assert_eq!(order["items"][0]["token"], Value::Null);
        assert!(order["items"][0]["id"].is_string());
    }
    let billable_columns = [1, 2, 5, 6, 8];
    let body = app
        .gql_as(
            Role::Viewer,
            "{ orders(filter: {billable: true}) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(body["data"]["orders"]["totalCount"], billable_columns.len());
}

#[tokio::test]
async fn header_conditions_drafts_and_cancellations_are_never_billed() {
    let app = TestApp::new().await;
    let affiliate = patient(&app).await;
    let create = |draft: bool| json!({ "input": { "patientId": affiliate, "authorizationStatus": "AUTHORIZED", "draft": draft, "items": items() } });
    let body = app
        .gql_as(Role::Staff, &create_order_mutation(), create(true))
        .await;
    let draft = &body["data"]["createOrder"]["order"];
    assert_eq!(
        (
            draft["draft"].clone(),
            draft["billable"].clone(),
            draft["billableAmount"].clone()
        ),
        (json!(true), json!(false), json!("0")),
        "{body}"
    );
    assert!(
        draft["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["billable"] == false)
    );

    let body = app
        .gql_as(Role::Staff, &create_order_mutation(), create(false))
        .await;
    let order = body["data"]["createOrder"]["order"].clone();
    assert_eq!(order["billable"], true);
    assert_eq!(order["billableAmount"], "7001");
    assert_eq!(order["billableCopayAmount"], "70");

    let cancel = format!(
        "mutation($id: ID!) {{ cancelOrder(input: {{id: $id}}) {{ order {{ {ORDER_FIELDS} }} userErrors {{ code }} }} }}"
    );
    let body = app
        .gql_as(Role::Staff, &cancel, json!({ "id": order["id"] }))
        .await;
    let cancelled = &body["data"]["cancelOrder"]["order"];
    assert_eq!(
        (
            cancelled["cancelledByProvider"].clone(),
            cancelled["billable"].clone()
        ),
        (json!(true), json!(false)),
        "{body}"
    );
    assert!(
        cancelled["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["billable"] == false)
    );

    // SUAP's tokens never name an order created here, whatever its row id.
    let q = "query($t: String!) { orderByToken(token: $t) { databaseId cancelledByProvider } }";
    let ours = format!("O{}", order["databaseId"]);
    let body = app.gql_as(Role::Viewer, q, json!({ "t": ours })).await;
    assert_eq!(body["data"]["orderByToken"], Value::Null, "{body}");
    let body = app.gql_as(Role::Viewer, q, json!({ "t": "O999999" })).await;
    assert_eq!(body["data"]["orderByToken"], Value::Null);
    let body = app.gql_as(Role::Viewer, q, json!({ "t": "X1" })).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");

    let body = app
        .gql_as(Role::Viewer, &cancel, json!({ "id": order["id"] }))
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN");

    // Money is never rounded silently, nor negative; nothing is written.
    for (value, code) in [("10.555", "INVALID_FORMAT"), ("-1", "INVALID_RANGE")] {
        let mut bad = create(false);
        bad["input"]["items"][3]["totalValue"] = json!(value);
        let body = app.gql_as(Role::Staff, &create_order_mutation(), bad).await;
        let payload = &body["data"]["createOrder"];
        assert_eq!(payload["order"], Value::Null, "{body}");
        assert_eq!(payload["userErrors"][0]["code"], code, "{value}: {body}");
    }
    let empty = json!({ "input": { "patientId": affiliate, "items": [] } });
    let body = app
        .gql_as(Role::Staff, &create_order_mutation(), empty)
        .await;
    assert_eq!(
        body["data"]["createOrder"]["userErrors"][0]["code"],
        "INVALID_LENGTH"
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM orders").await, 2);
}

#[tokio::test]
async fn the_sql_rule_agrees_with_the_table() {
    let app = TestApp::new().await;
    let codes = [0, 1, 2, 3, 6];
    for (item, cells) in codes.iter().zip(BILLABLE) {
        for (column, billable) in cells.into_iter().enumerate() {
            let sql = format!(
                "SELECT order_item_billable('CONSUMPTION', false, false, {column}::smallint, {item}::smallint)::int::bigint"
            );
            assert_eq!(
                app.sql_count(&sql).await == 1,
                billable,
                "order {column}, item {item}"
            );
            for (draft, cancelled) in [(true, false), (false, true)] {
                let sql = format!(
                    "SELECT order_item_billable('CONSUMPTION', {draft}, {cancelled}, {column}::smallint, {item}::smallint)::int::bigint"
                );
                assert_eq!(app.sql_count(&sql).await, 0);
            }
        }
    }
}

#[tokio::test]
async fn filters_and_sums_agree_with_the_fields_on_the_demo_orders() {
    let app = TestApp::new().await;
    clinic::demo::load(&mut app.state.pool.get().await.unwrap())
        .await
        .unwrap();
    let q = "query($f: OrderFilter) { orders(first: 100, filter: $f) { totalCount nodes { databaseId billable billableAmount totalsMismatch authorizationStatus socialWork { id } authorizedAt } } }";
    let all = app.gql_as(Role::Viewer, q, json!({})).await["data"]["orders"].clone();
    let nodes = all["nodes"].as_array().unwrap();
    assert!(nodes.len() >= 30, "{all}");
    let ids = |body: &Value| -> Vec<i64> {
        body["data"]["orders"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["databaseId"].as_i64().unwrap())
            .collect()
    };
    for billable in [true, false] {
        let filtered = ids(&app
            .gql_as(Role::Viewer, q, json!({ "f": { "billable": billable } }))
            .await);
        let expected: Vec<i64> = nodes
            .iter()
            .filter(|n| n["billable"] == billable)
            .map(|n| n["databaseId"].as_i64().unwrap())
            .collect();
        assert_eq!(filtered, expected, "billable = {billable}");
        assert!(!expected.is_empty());
    }
    let mismatched = ids(&app
        .gql_as(Role::Viewer, q, json!({ "f": { "totalsMismatch": true } }))
        .await);
    assert_eq!(mismatched.len(), 2);
    let states = ids(&app
        .gql_as(
            Role::Viewer,
            q,
            json!({ "f": { "status": ["REJECTED", "AUTHORIZED"] } }),
        )
        .await);
    let expected: Vec<i64> = nodes
        .iter()
        .filter(|n| {
            n["authorizationStatus"] == "REJECTED" || n["authorizationStatus"] == "AUTHORIZED"
        })
        .map(|n| n["databaseId"].as_i64().unwrap())
        .collect();
    assert_eq!(states, expected);

    // billingSummary over all time equals the sums of the fields, per social work.
    let summary = "query($from: Date!, $to: Date!, $sw: ID) { billingSummary(from: $from, to: $to, socialWorkId: $sw) {
        socialWork { id name } orderCount billableOrderCount billableAmount copayAmount } }";
    let body = app
        .gql_as(
            Role::Viewer,
            summary,
            json!({ "from": "2000-01-01", "to": "2999-12-31" }),
        )
        .await;
    let rows = body["data"]["billingSummary"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .clone();
    let mut total_orders = 0;
    for row in &rows {
        let sw = &row["socialWork"]["id"];
        let mine: Vec<&Value> = nodes
            .iter()
            .filter(|n| &n["socialWork"]["id"] == sw)
            .collect();
        let amount: f64 = mine
            .iter()
            .map(|n| {
                n["billableAmount"]
                    .as_str()
                    .unwrap()
                    .parse::<f64>()
                    .unwrap()
            })
            .sum();
        assert_eq!(row["orderCount"], mine.len(), "{row}");
        assert_eq!(
            row["billableOrderCount"],
            mine.iter().filter(|n| n["billable"] == true).count()
        );
        assert_eq!(
            row["billableAmount"]
                .as_str()
                .unwrap()
                .parse::<f64>()
                .unwrap(),
            amount
        );
        total_orders += mine.len();
    }
    assert_eq!(total_orders, nodes.len());
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["socialWork"]["name"].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted, "by social work name");

    // One day, one social work: only that day's consumption, both ends inclusive.
    let first = &nodes[0];
    let day = &first["authorizedAt"].as_str().unwrap()[..10];
    let body = app
        .gql_as(
            Role::Viewer,
            summary,
            json!({ "from": day, "to": day, "sw": first["socialWork"]["id"] }),
        )
        .await;
    let rows = body["data"]["billingSummary"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{body}");
    assert_eq!(rows[0]["orderCount"], 1);
    let body = app
        .gql_as(
            Role::Viewer,
            summary,
            json!({ "from": "2026-02-01", "to": "2026-01-01" }),
        )
        .await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
}

const IMPORT: &str = "mutation($render: JSON!) { importSuapOrder(input: {render: $render}) {
  order { id token suapToken type orderNumber suapPointOfCare branch performedOn prescribedOn authorizedAt
          diagnosisText observations authorizationStatus authorizationMessage cancelledByProvider draft verified
          totalAuthorizedValue totalCopayValue billable billableAmount billableCopayAmount totalsMismatch updatedAt
          patient { fullName documentType documentNumber affiliateNumber socialWork { name } }
          socialWork { code biochemicalUnitValue }
          provider { fullName provincialLicense } prescriber { fullName nationalLicense documentNumber }
          items { token nomenclatorCode nomenclator name authorizationStatus authorizationMessage totalValue copayValue billable } }
  userErrors { field message code } } }";

pub fn fixture() -> Value {
    serde_json::from_str(include_str!("../fixtures/suap_render.json")).unwrap()
}

pub async fn osde_with_code(app: &TestApp) {
    let mut input = social_work_input("OSDE");
    input["code"] = json!("OS5");
    app.admin(CREATE_SOCIAL_WORK, json!({ "input": input }))
        .await;
}

#[tokio::test]
async fn importing_a_suap_order_twice_changes_nothing_the_second_time() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let first = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": fixture() }))
        .await;
    let payload = &first["data"]["importSuapOrder"];
    assert_eq!(payload["userErrors"], json!([]), "{first}");
    let order = &payload["order"];
    assert_eq!(order["suapToken"], "O458812");
    assert_eq!(order["type"], "CONSUMPTION");
    assert_eq!(order["authorizationStatus"], "PARTIALLY_AUTHORIZED");
    assert_eq!(
        order["authorizedAt"], "2026-11-02T09:41:17.000Z",
        "read in the clinic's zone (UTC here)"
    );
    assert_eq!(order["totalAuthorizedValue"], "6480.5");
    assert_eq!(order["totalCopayValue"], "648.05");
    assert_eq!(order["billable"], true);
    assert_eq!(order["billableAmount"], "6480.5");
    assert_eq!(order["billableCopayAmount"], "648.05");
    assert_eq!(order["totalsMismatch"], false);
    assert_eq!(
        order["patient"],
        json!({ "fullName": "MARIA LAURA GOMEZ", "documentType": "DNI", "documentNumber": "28444555",
                "affiliateNumber": "61 123456 7 01", "socialWork": { "name": "OSDE" } })
    );
    assert_eq!(
        order["socialWork"],
        json!({ "code": "OS5", "biochemicalUnitValue": "1.85" })
    );
    assert_eq!(
        order["provider"],
        json!({ "fullName": "LABORATORIO CENTRAL SRL", "provincialLicense": "MP 4512" })
    );
    assert_eq!(order["prescriber"]["nationalLicense"], "MN 55120");
    let billable: Vec<bool> = order["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["billable"].as_bool().unwrap())
        .collect();
    assert_eq!(billable, [true, true, false]);
    assert_eq!(order["items"][1]["nomenclatorCode"], "660412");

    let counts = "SELECT (SELECT count(*) FROM orders) * 1000000 + (SELECT count(*) FROM order_items) * 10000
                  + (SELECT count(*) FROM patients) * 100 + (SELECT count(*) FROM practitioners)";
    let before = app.sql_count(counts).await;
    let second = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": fixture() }))
        .await;
    assert_eq!(second, first, "the same document twice changes nothing");
    assert_eq!(app.sql_count(counts).await, before);
    assert_eq!(before, 1_000_000 + 3 * 10_000 + 100 + 2);

    // A later version of the order (SUAP audited the rejected item) updates it in place.
    let mut later = fixture();
    later["itemsOrden"][2]["EstadoAutorizacion"] = json!(1);
    later["EstadoAutorizacion"] = json!(1);
    later["itemsOrden"].as_array_mut().unwrap().remove(1);
    let third = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": later }))
        .await;
    let order = &third["data"]["importSuapOrder"]["order"];
    assert_eq!(order["id"], first["data"]["importSuapOrder"]["order"]["id"]);
    assert_eq!(order["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        order["items"][0]["token"],
        first["data"]["importSuapOrder"]["order"]["items"][0]["token"]
    );
    assert_eq!(
        order["totalsMismatch"], true,
        "SUAP's total no longer matches its items: {third}"
    );
    let q = "{ orders(filter: {totalsMismatch: true}) { totalCount } }";
    assert_eq!(
        app.gql_as(Role::Viewer, q, json!({})).await["data"]["orders"]["totalCount"],
        1
    );
}

#[tokio::test]
async fn import_problems_are_reported_with_their_json_path_and_nothing_is_written() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let mut bad = fixture();
    bad["itemsOrden"][2]["EstadoAutorizacion"] = json!(4);
    bad["itemsOrden"][0]["ValorTotal"] = json!("mucho");
    bad["itemsOrden"][1]
        .as_object_mut()
        .unwrap()
        .remove("Nombre");
    bad["EstadoAutorizacion"] = json!(9);
    bad["Borrador"] = json!("no");
    bad["Tipo"] = json!(["RECETA"]);
    bad["FechaRealizacion"] = json!("02/11/2026");
    bad["afiliado"].as_object_mut().unwrap().remove("DocNumero");
    bad["obraSocial"]["Token"] = json!(5);
    let body = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": bad }))
        .await;
    let payload = &body["data"]["importSuapOrder"];
    assert_eq!(payload["order"], Value::Null, "{body}");
    let mut found: Vec<(String, String)> = payload["userErrors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let path: Vec<&str> = e["field"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect();
            (path.join("."), e["code"].as_str().unwrap().to_owned())
        })
        .collect();
    found.sort();
    let mut expected: Vec<(String, String)> = [
        ("EstadoAutorizacion", "INVALID_RANGE"),
        ("Borrador", "INVALID_FORMAT"),
        ("Tipo", "INVALID_FORMAT"),
        ("FechaRealizacion", "INVALID_FORMAT"),
        ("afiliado.DocNumero", "REQUIRED"),
        ("obraSocial.Token", "INVALID_FORMAT"),
        ("itemsOrden.0.ValorTotal", "INVALID_FORMAT"),
        ("itemsOrden.1.Nombre", "REQUIRED"),
        ("itemsOrden.2.EstadoAutorizacion", "INVALID_RANGE"),
    ]
    .iter()
    .map(|(p, c)| (p.to_string(), c.to_string()))
    .collect();
    expected.sort();
    assert_eq!(found, expected, "{body}");
    let message = payload["userErrors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["field"] == json!(["itemsOrden", "2", "EstadoAutorizacion"]))
        .unwrap();
    assert_eq!(
        message["message"],
        "Estado de autorización desconocido: 4 (válidos: 0, 1, 2, 3, 6)"
    );

    for (document, path) in [
        (json!([]), "render"),
        (json!({}), "Token"),
        (json!("O1"), "render"),
    ] {
        let body = app
            .gql_as(Role::Staff, IMPORT, json!({ "render": document }))
            .await;
        let errors = &body["data"]["importSuapOrder"]["userErrors"];
        assert!(
            errors
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["field"][0] == path),
            "{document}: {body}"
        );
    }

    // An unknown convenio can be registered only with its name, and not under a taken one.
    let mut unnamed = fixture();
    unnamed["obraSocial"] = json!({ "Token": "OS999" });
    let mut clashing = fixture();
    clashing["obraSocial"]["Token"] = json!("OS999");
    for (document, code) in [(unnamed, "REQUIRED"), (clashing, "TAKEN")] {
        let body = app
            .gql_as(Role::Staff, IMPORT, json!({ "render": document }))
            .await;
        let errors = &body["data"]["importSuapOrder"]["userErrors"];
        assert_eq!(errors[0]["code"], code, "{body}");
        assert_eq!(errors[0]["field"], json!(["obraSocial", "Nombre"]));
    }
    assert_eq!(app.sql_count("SELECT count(*) FROM social_works").await, 1);
    assert_eq!(app.sql_count("SELECT count(*) FROM orders").await, 0);
    assert_eq!(app.sql_count("SELECT count(*) FROM patients").await, 0);
    assert_eq!(app.sql_count("SELECT count(*) FROM practitioners").await, 0);
}

const SOCIAL_WORK_FIELDS: &str =
    "name state code biochemicalUnitValue address phone webpage contactPending";

#[tokio::test]
async fn an_unknown_convenio_is_registered_with_its_contact_data_pending() {
    let app = TestApp::new().await;
    let body = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": fixture() }))
        .await;
    assert_eq!(
        body["data"]["importSuapOrder"]["userErrors"],
        json!([]),
        "{body}"
    );
    let q = format!(
        "{{ socialWorks(filter: {{contactPending: true}}) {{ nodes {{ id {SOCIAL_WORK_FIELDS} patientCount }} }} }}"
    );
    let body = app.gql_as(Role::Viewer, &q, json!({})).await;
    let pending = &body["data"]["socialWorks"]["nodes"];
    let id = pending[0]["id"].clone();
    assert_eq!(
        pending,
        &json!([{ "id": id, "name": "OSDE", "state": "ACTIVE", "code": "OS5", "biochemicalUnitValue": "1.85",
                  "address": null, "phone": null, "webpage": null, "contactPending": true, "patientCount": 1 }]),
        "{body}"
    );
    // Importing again finds it by its convenio.
    let again = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": fixture() }))
        .await;
    assert_eq!(again["data"]["importSuapOrder"]["userErrors"], json!([]));
    assert_eq!(app.sql_count("SELECT count(*) FROM social_works").await, 1);

    // Completing the contact data takes all three fields, as registering one by hand does.
    let update = format!(
        "mutation($input: UpdateSocialWorkInput!) {{ updateSocialWork(input: $input) {{
           socialWork {{ {SOCIAL_WORK_FIELDS} }} userErrors {{ field code }} }} }}"
    );
    let body = app
        .admin(
            &update,
            json!({ "input": { "id": id, "address": "Av. Leandro N. Alem 1067" } }),
        )
        .await;
    let payload = &body["data"]["updateSocialWork"];
    assert_eq!(payload["socialWork"], Value::Null, "{body}");
    assert_eq!(
        payload["userErrors"],
        json!([{ "field": ["phone"], "code": "REQUIRED" }, { "field": ["webpage"], "code": "REQUIRED" }]),
        "{body}"
    );
    let full = social_work_input("ignored");
    let body = app
        .admin(
            &update,
            json!({ "input": { "id": id, "address": full["address"], "phone": full["phone"], "webpage": full["webpage"] } }),
        )
        .await;
    let updated = &body["data"]["updateSocialWork"]["socialWork"];
    assert_eq!(updated["contactPending"], false, "{body}");
    assert_eq!(updated["phone"], full["phone"]);
    // Once complete, the contact data can no longer be blanked.
    let body = app
        .admin(&update, json!({ "input": { "id": id, "webpage": " " } }))
        .await;
    assert_eq!(
        body["data"]["updateSocialWork"]["userErrors"],
        json!([{ "field": ["webpage"], "code": "REQUIRED" }]),
        "{body}"
    );
}

#[tokio::test]
async fn huge_documents_are_refused_by_a_clear_limit() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let item = fixture()["itemsOrden"][0].clone();
    let mut over = fixture();
    over["itemsOrden"] = json!(vec![item.clone(); 501]);
    let body = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": over }))
        .await;
    assert_eq!(
        body["data"]["importSuapOrder"]["userErrors"][0],
        json!({ "field": ["itemsOrden"], "code": "INVALID_LENGTH", "message": "La orden tiene 501 prácticas; el máximo es 500" }),
    );
    let mut huge = fixture();
    huge["itemsOrden"] = json!(vec![item; 10_000]);
    let (status, _) = app
        .post(
            Some(&app.token(Role::Staff)),
            IMPORT,
            json!({ "render": huge }),
        )
        .await;
    assert_eq!(status, 413, "the body limit refuses it before any parsing");
}

#[tokio::test]
async fn a_page_of_orders_with_items_costs_a_constant_number_of_statements() {
    let app = TestApp::new().await;
    clinic::demo::load(&mut app.state.pool.get().await.unwrap())
        .await
        .unwrap();
    let q = "query($n: Int) { orders(first: $n) { nodes { token billable items { name billable } patient { fullName } socialWork { name } provider { fullName } } } }";
    let mut counts = vec![];
    for n in [3, 30] {
        let token = app.token(Role::Viewer);
        let before = app.statements();
        let body = app.post(Some(&token), q, json!({ "n": n })).await.1;
        counts.push(app.statements() - before);
        assert_eq!(
            body["data"]["orders"]["nodes"].as_array().unwrap().len(),
            n as usize,
            "{body}"
        );
    }
    assert_eq!(counts[0], counts[1], "{counts:?}");
}

#[tokio::test]
async fn the_clerk_finds_imported_orders_and_items_by_suap_s_own_tokens_and_numbers() {
    let app = TestApp::new().await;
    // A row or two before it, so that our ids and SUAP's numbers differ.
    let affiliate = patient(&app).await;
    let osde = app
        .gql_as(Role::Viewer, "{ socialWorks { nodes { id } } }", json!({}))
        .await["data"]["socialWorks"]["nodes"][0]["id"]
        .clone();
    app.admin(
        "mutation($i: UpdateSocialWorkInput!) { updateSocialWork(input: $i) { userErrors { code } } }",
        json!({ "i": { "id": osde, "code": "OS5" } }),
    )
    .await;
    app.gql_as(
        Role::Staff,
        &create_order_mutation(),
        json!({ "input": { "patientId": affiliate, "items": items() } }),
    )
    .await;
    let imported = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": fixture() }))
        .await;
    let order = &imported["data"]["importSuapOrder"]["order"];
    assert_eq!(order["token"], "O458812", "{imported}");
    assert_eq!(order["items"][0]["token"], "PO771201");

    let q =
        "query($t: String!) { orderByToken(token: $t) { token orderNumber items { id token } } }";
    let found = app.gql_as(Role::Viewer, q, json!({ "t": "O458812" })).await;
    let found = &found["data"]["orderByToken"];
    assert_eq!(found["orderNumber"], "00458812", "{found}");
    // Each item is a Node of its own.
    let item_id = found["items"][1]["id"].clone();
    let node = app
        .gql_as(
            Role::Viewer,
            "query($id: ID!) { node(id: $id) { id ... on OrderItem { token } } }",
            json!({ "id": item_id }),
        )
        .await;
    assert_eq!(
        node["data"]["node"],
        json!({ "id": item_id, "token": "PO771202" }),
        "{node}"
    );

    // Search as the clerk types: the token, the ticket's number, the affiliate.
    let search = |term: &'static str| {
        let app = &app;
        async move {
            let body = app
                .gql_as(
                    Role::Viewer,
                    "query($s: String) { orders(filter: {search: $s}) { totalCount nodes { token } } }",
                    json!({ "s": term }),
                )
                .await;
            body["data"]["orders"]["nodes"]
                .as_array()
                .unwrap_or_else(|| panic!("{body}"))
                .iter()
                .map(|n| n["token"].clone())
                .collect::<Vec<_>>()
        }
    };
    for term in [
        "O458812",
        "o458812",
        "00458812",
        "gómez maría",
        "28.444.555",
        "61-123456-7/01",
    ] {
        assert_eq!(search(term).await, [json!("O458812")], "{term}");
    }
    assert_eq!(search("O999999").await.len(), 0);
}

#[tokio::test]
async fn a_re_import_never_undoes_the_clinic_and_finds_name_only_practitioners() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let mut render = fixture();
    // A provider known by name alone.
    render["prestador"]["MatriculaProvincial"] = Value::Null;
    let import = |render: Value| {
        let app = &app;
        async move {
            let body = app
                .gql_as(Role::Staff, IMPORT, json!({ "render": render }))
                .await;
            body["data"]["importSuapOrder"]["order"].clone()
        }
    };
    let first = import(render.clone()).await;
    assert_eq!(
        first["provider"]["fullName"], "LABORATORIO CENTRAL SRL",
        "{first}"
    );
    let again = import(render.clone()).await;
    assert_eq!(
        again["updatedAt"], first["updatedAt"],
        "the same document changes nothing"
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM practitioners").await, 2);

    // The clinic cancels; SUAP's document still says not cancelled.
    let cancelled = app
        .gql_as(
            Role::Staff,
            "mutation($id: ID!) { cancelOrder(input: {id: $id}) { order { cancelledByProvider billable } } }",
            json!({ "id": first["id"] }),
        )
        .await;
    assert_eq!(
        cancelled["data"]["cancelOrder"]["order"],
        json!({ "cancelledByProvider": true, "billable": false }),
        "{cancelled}"
    );
    assert_eq!(render["AnuladoPorPrestador"], false);
    let reimported = import(render).await;
    assert_eq!(reimported["cancelledByProvider"], true, "{reimported}");
    assert_eq!(reimported["billable"], false);
    assert_eq!(reimported["billableAmount"], "0");
}

#[tokio::test]
async fn orders_drill_down_to_the_billing_summary_and_close_by_verification() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let mut verified = fixture();
    verified["Token"] = json!("O100");
    verified["FechaAutorizacion"] = json!("2026-11-30 23:30:00");
    let mut unverified = fixture();
    unverified["Token"] = json!("O101");
    unverified["EstadoVerificacion"] = json!(false);
    unverified["FechaAutorizacion"] = json!("2026-12-01 00:10:00");
    let mut never = fixture();
    never["Token"] = json!("O102");
    never["FechaAutorizacion"] = Value::Null;
    for (i, render) in [verified, unverified, never].into_iter().enumerate() {
        let mut render = render;
        for (j, item) in render["itemsOrden"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .enumerate()
        {
            item["Token"] = json!(format!("PO{}{}", i + 1, j));
        }
        let body = app
            .gql_as(Role::Staff, IMPORT, json!({ "render": render }))
            .await;
        assert!(
            body["data"]["importSuapOrder"]["order"]["id"].is_string(),
            "{body}"
        );
    }
    let list = |filter: Value| {
        let app = &app;
        async move {
            let body = app
                .gql_as(
                    Role::Viewer,
                    "query($f: OrderFilter) { orders(filter: $f) { totalCount nodes { token billable billableAmount billableCopayAmount } } }",
                    json!({ "f": filter }),
                )
                .await;
            body["data"]["orders"].clone()
        }
    };
    let tokens = |page: &Value| -> Vec<String> {
        page["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["token"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        tokens(&list(json!({ "verified": true })).await),
        ["O100", "O102"]
    );
    assert_eq!(tokens(&list(json!({ "verified": false })).await), ["O101"]);
    assert_eq!(tokens(&list(json!({ "consumed": false })).await), ["O102"]);
    // Days are the clinic's (UTC in tests): 23:30 on the 30th is November, 00:10 December.
    let november = json!({ "consumedFrom": "2026-11-01", "consumedTo": "2026-11-30" });
    assert_eq!(tokens(&list(november.clone()).await), ["O100"]);
    let december = json!({ "consumedFrom": "2026-12-01", "consumedTo": "2026-12-31" });
    assert_eq!(tokens(&list(december.clone()).await), ["O101"]);

    // For each month, the listed orders are exactly those the summary counts.
    for (from, to, filter) in [
        ("2026-11-01", "2026-11-30", november),
        ("2026-12-01", "2026-12-31", december),
    ] {
        let summary = app
            .gql_as(
                Role::Viewer,
                "query($from: Date!, $to: Date!) { billingSummary(from: $from, to: $to) { orderCount billableOrderCount billableAmount copayAmount } }",
                json!({ "from": from, "to": to }),
            )
            .await;
        let rows = summary["data"]["billingSummary"]
            .as_array()
            .unwrap_or_else(|| panic!("{summary}"));
        assert_eq!(rows.len(), 1, "{summary}");
        let listed = list(filter).await;
        let nodes = listed["nodes"].as_array().unwrap();
        let sum = |field: &str| -> f64 {
            nodes
                .iter()
                .map(|n| n[field].as_str().unwrap().parse::<f64>().unwrap())
                .sum()
        };
        assert_eq!(rows[0]["orderCount"], listed["totalCount"], "{from}");
        assert_eq!(
            rows[0]["billableOrderCount"].as_u64().unwrap() as usize,
            nodes.iter().filter(|n| n["billable"] == true).count()
        );
        assert_eq!(
            rows[0]["billableAmount"]
                .as_str()
                .unwrap()
                .parse::<f64>()
                .unwrap(),
            sum("billableAmount")
        );
        assert_eq!(
            rows[0]["copayAmount"]
                .as_str()
                .unwrap()
                .parse::<f64>()
                .unwrap(),
            sum("billableCopayAmount")
        );
    }
}

#[tokio::test]
async fn a_whole_suap_response_imports_and_its_status_error_is_suap_s_own_refusal() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let whole = json!({ "REST": {}, "RENDER": fixture(), "STATUS": { "ERROR": "" }, "VIEW": {} });
    let body = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": whole }))
        .await;
    assert_eq!(
        body["data"]["importSuapOrder"]["order"]["token"], "O458812",
        "{body}"
    );

    let mut broken = fixture();
    broken["itemsOrden"][0]["EstadoAutorizacion"] = json!(42);
    let whole = json!({ "RENDER": broken, "STATUS": { "ERROR": null } });
    let body = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": whole }))
        .await;
    let error = &body["data"]["importSuapOrder"]["userErrors"][0];
    assert_eq!(
        error["field"][0], "RENDER",
        "paths are the pasted document's: {body}"
    );
    assert_eq!(error["field"][1], "itemsOrden");

    let mut refused = fixture();
    refused["Token"] = json!("O777");
    let whole =
        json!({ "RENDER": refused, "STATUS": { "ERROR": "Afiliado inexistente en padrón" } });
    let body = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": whole }))
        .await;
    assert_eq!(
        body["data"]["importSuapOrder"]["userErrors"],
        json!([{
            "field": ["STATUS", "ERROR"],
            "message": "SUAP informó un error: Afiliado inexistente en padrón",
            "code": "SUAP_ERROR",
        }]),
        "{body}"
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM orders").await, 1);
}

#[tokio::test]
async fn an_order_of_another_type_is_stored_as_given_and_never_billable() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let mut budget = fixture();
    budget["Tipo"] = json!("presupuesto");
    let body = app
        .gql_as(
            Role::Staff,
            "mutation($r: JSON!) { importSuapOrder(input: {render: $r}) {
               order { type suapType billable billableAmount items { billable } } userErrors { field code } } }",
            json!({ "r": budget }),
        )
        .await;
    let order = &body["data"]["importSuapOrder"]["order"];
    assert_eq!(order["type"], "OTHER", "{body}");
    assert_eq!(order["suapType"], "PRESUPUESTO");
    assert_eq!(
        (order["billable"].clone(), order["billableAmount"].clone()),
        (json!(false), json!("0"))
    );
    assert!(
        order["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["billable"] == false)
    );
    // The stored name of CONSUMO is no SUAP type: refused, never billed.
    let mut disguised = fixture();
    disguised["Tipo"] = json!("consumption");
    let body = app
        .gql_as(Role::Staff, IMPORT, json!({ "render": disguised }))
        .await;
    assert_eq!(
        body["data"]["importSuapOrder"]["userErrors"][0]["field"],
        json!(["Tipo"]),
        "{body}"
    );
    // The same document as CONSUMO is billable: only the type changed.
    let body = app
        .gql_as(
            Role::Staff,
            "mutation($r: JSON!) { importSuapOrder(input: {render: $r}) { order { type suapType billable } } }",
            json!({ "r": fixture() }),
        )
        .await;
    assert_eq!(
        body["data"]["importSuapOrder"]["order"],
        json!({ "type": "CONSUMPTION", "suapType": "CONSUMO", "billable": true }),
        "{body}"
    );
}

#[tokio::test]
async fn an_order_level_copay_is_billed_when_no_practice_carries_one() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    let import = |render: Value| {
        let app = &app;
        async move {
            let body = app
                .gql_as(
                    Role::Staff,
                    "mutation($r: JSON!) { importSuapOrder(input: {render: $r}) {
                       order { billable billableAmount billableCopayAmount totalCopayValue } userErrors { code } } }",
                    json!({ "r": render }),
                )
                .await;
            body["data"]["importSuapOrder"]["order"].clone()
        }
    };
    let summary = || {
        let app = &app;
        async move {
            app.gql_as(
                Role::Viewer,
                "{ billingSummary(from: \"2026-11-01\", to: \"2026-11-30\") { copayAmount } }",
                json!({}),
            )
            .await["data"]["billingSummary"][0]["copayAmount"]
                .clone()
        }
    };
    // Practice by practice: the billable items' copays (250.03 + 398.02).
    let per_item = import(fixture()).await;
    assert_eq!(per_item["billableCopayAmount"], "648.05", "{per_item}");

    // One value for the whole order: no item carries a copay, the order's is billed.
    let mut whole = fixture();
    whole["Token"] = json!("O458813");
    whole["ValorTotalCoseguro"] = json!("700");
    for (j, item) in whole["itemsOrden"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        item["Token"] = json!(format!("PO9{j}"));
        item["ValorCoseguro"] = Value::Null;
    }
    let order = import(whole.clone()).await;
    assert_eq!(
        (
            order["billable"].clone(),
            order["billableCopayAmount"].clone()
        ),
        (json!(true), json!("700")),
        "{order}"
    );
    assert_eq!(summary().await, "1348.05", "the summary bills it too");

    // Mixed: one practice carries a copay, so SUAP computed it per practice.
    let mut mixed = whole;
    mixed["itemsOrden"][0]["ValorCoseguro"] = json!("10");
    let order = import(mixed).await;
    assert_eq!(order["billableCopayAmount"], "10", "{order}");
    assert_eq!(summary().await, "658.05");
}

#[tokio::test]
async fn staff_find_register_and_correct_practitioners_as_the_import_finds_them() {
    let app = TestApp::new().await;
    osde_with_code(&app).await;
    app.gql_as(Role::Staff, IMPORT, json!({ "render": fixture() }))
        .await;
    let create = "mutation($i: CreatePractitionerInput!) { createPractitioner(input: $i) {
        practitioner { id fullName documentNumber provincialLicense } userErrors { field code } } }";
    let created = app
        .gql_as(
            Role::Staff,
            create,
            json!({ "i": { "fullName": "Díaz, Ana", "documentType": "DNI", "documentNumber": "27.333.444", "nationalLicense": "MN 1" } }),
        )
        .await;
    let ana = &created["data"]["createPractitioner"]["practitioner"];
    assert_eq!(ana["documentNumber"], "27333444", "{created}");
    // The import's keys are unique here too: a licence SUAP already gave, a document again.
    let taken = app
        .gql_as(
            Role::Staff,
            create,
            json!({ "i": { "fullName": "Otro", "provincialLicense": "MP 4512", "documentType": "DNI", "documentNumber": "27333444" } }),
        )
        .await;
    let mut errors: Vec<String> = taken["data"]["createPractitioner"]["userErrors"]
        .as_array()
        .unwrap_or_else(|| panic!("{taken}"))
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["field"][0].as_str().unwrap(),
                e["code"].as_str().unwrap()
            )
        })
        .collect();
    errors.sort();
    assert!(
        errors == ["documentNumber:TAKEN"] || errors == ["provincialLicense:TAKEN"],
        "{taken}"
    );
    let long = app
        .gql_as(
            Role::Staff,
            create,
            json!({ "i": { "fullName": "x".repeat(201), "provincialLicense": "9".repeat(41) } }),
        )
        .await;
    assert_eq!(
        long["data"]["createPractitioner"]["userErrors"],
        json!([
            { "field": ["fullName"], "code": "TOO_LONG" },
            { "field": ["provincialLicense"], "code": "TOO_LONG" },
        ]),
        "{long}"
    );
    let long_token = app
        .gql_as(
            Role::Viewer,
            "query($t: String!) { orderByToken(token: $t) { id } }",
            json!({ "t": format!("O{}", "9".repeat(19)) }),
        )
        .await;
    assert_eq!(error_code(&long_token), "BAD_USER_INPUT", "{long_token}");
    let blank = app
        .gql_as(Role::Staff, create, json!({ "i": { "fullName": "  " } }))
        .await;
    assert_eq!(
        blank["data"]["createPractitioner"]["userErrors"],
        json!([{ "field": ["fullName"], "code": "REQUIRED" }])
    );

    let search = |term: &'static str| {
        let app = &app;
        async move {
            let body = app
                .gql_as(
                    Role::Viewer,
                    "query($s: String) { practitioners(filter: {search: $s}) { totalCount nodes { fullName } } }",
                    json!({ "s": term }),
                )
                .await;
            body["data"]["practitioners"]["nodes"]
                .as_array()
                .unwrap_or_else(|| panic!("{body}"))
                .iter()
                .map(|n| n["fullName"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(search("diaz").await, ["Díaz, Ana"]);
    assert_eq!(search("mp-4512").await, ["LABORATORIO CENTRAL SRL"]);
    assert_eq!(search("20.111.999").await, ["RUIZ, ESTEBAN"]);
    let all = app
        .gql_as(Role::Viewer, "{ practitioners(first: 2) { totalCount nodes { fullName } pageInfo { hasNextPage } } }", json!({}))
        .await;
    assert_eq!(all["data"]["practitioners"]["totalCount"], 3, "{all}");
    assert_eq!(
        all["data"]["practitioners"]["nodes"],
        json!([{ "fullName": "Díaz, Ana" }, { "fullName": "LABORATORIO CENTRAL SRL" }])
    );

    let updated = app
        .gql_as(
            Role::Staff,
            "mutation($i: UpdatePractitionerInput!) { updatePractitioner(input: $i) { practitioner { fullName nationalLicense } userErrors { code } } }",
            json!({ "i": { "id": ana["id"], "fullName": "DIAZ, ANA MARIA", "nationalLicense": null } }),
        )
        .await;
    assert_eq!(
        updated["data"]["updatePractitioner"]["practitioner"],
        json!({ "fullName": "DIAZ, ANA MARIA", "nationalLicense": null }),
        "{updated}"
    );
    let viewer = app
        .gql_as(Role::Viewer, create, json!({ "i": { "fullName": "X" } }))
        .await;
    assert_eq!(error_code(&viewer), "FORBIDDEN");
}

#[tokio::test]
async fn an_order_created_as_other_keeps_its_type_and_is_never_billable() {
    let app = TestApp::new().await;
    let affiliate = patient(&app).await;
    let input = json!({ "patientId": affiliate, "type": "OTHER", "authorizationStatus": "AUTHORIZED",
                        "authorizedAt": "2026-11-02T12:00:00Z", "items": items() });
    let query = "mutation($input: CreateOrderInput!) { createOrder(input: $input) {
        order { type suapType billable billableAmount } userErrors { code } } }";
    let body = app
        .gql_as(Role::Staff, query, json!({ "input": input }))
        .await;
    let order = &body["data"]["createOrder"]["order"];
    assert_eq!(order["type"], "OTHER", "{body}");
    assert_eq!(order["suapType"], "OTHER");
    assert_eq!(order["billable"], false);
    assert_eq!(order["billableAmount"], "0");
}

#[tokio::test]
async fn an_order_s_patient_id_that_is_malformed_foreign_unknown_or_huge_is_refused_and_writes_nothing()
 {
    let app = TestApp::new().await;
    let affiliate = patient(&app).await;
    let social_work = app
        .sql_count("SELECT min(id)::bigint FROM social_works")
        .await;
    let create =
        |patient_id: String| json!({ "input": { "patientId": patient_id, "items": items() } });
    // Malformed, another type's, and a 20 KB "ID": a specific error, not echoed whole.
    for bad in [
        "no-es-un-id".to_owned(),
        clinic::graphql::ids::global_id("SocialWork", social_work as i32).0,
        "A".repeat(20_000),
    ] {
        let body = app
            .gql_as(Role::Staff, &create_order_mutation(), create(bad.clone()))
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
        let message = body["errors"][0]["message"].as_str().unwrap();
        assert!(message.starts_with("El ID"), "{message}");
        assert!(
            message.len() < 200,
            "the ID is not echoed whole: {} bytes",
            message.len()
        );
    }
    // Well-formed but nobody's: a user error at the field.
    let unknown = clinic::graphql::ids::global_id("Patient", 999_999).0;
    let body = app
        .gql_as(Role::Staff, &create_order_mutation(), create(unknown))
        .await;
    let payload = &body["data"]["createOrder"];
    assert_eq!(
        payload["userErrors"][0]["field"],
        json!(["patientId"]),
        "{body}"
    );
    assert_eq!(payload["userErrors"][0]["code"], "NOT_FOUND");
    assert_eq!(app.sql_count("SELECT count(*) FROM orders").await, 0);
    // And the real one still works.
    let body = app
        .gql_as(Role::Staff, &create_order_mutation(), create(affiliate))
        .await;
    assert!(
        body["data"]["createOrder"]["order"]["id"].is_string(),
        "{body}"
    );
}
