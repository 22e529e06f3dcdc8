//! Booking (#15) where staff meet it: availability blocks, free slots, bookings under the
//! agreement's quota, prior-authorization flag and copay, their changes and audit trail, and
//! the rules holding under concurrency and for SQL written by hand.

use chrono::{Days, NaiveDate, Utc};
use clinic::auth::Role;
use diesel_async::RunQueryDsl;
use futures_util::future::join_all;
use serde_json::{Value, json};

use crate::common::*;

const CREATE_AVAILABILITY: &str = "mutation($input: CreateAvailabilityInput!) {
  createAvailability(input: $input) {
    availability { id cancelled slotMinutes capacity startTime endTime day
                   slots { id startsAt endsAt capacity booked remaining open } }
    userErrors { field message code }
  }
}";

const BOOK: &str = "mutation($input: BookAppointmentInput!) {
  bookAppointment(input: $input) {
    appointment { id status copayPercentage priorAuthorizationNumber day startsAt
                  slot { id booked remaining } authorization { databaseId } needsRescheduling
                  bookedBy { username } }
    userErrors { field message code }
  }
}";

const AVAILABLE: &str = "query($s: ID!, $e: ID!, $l: ID, $from: Date, $to: Date, $first: Int) {
  availableSlots(specialtyId: $s, epsId: $e, locationId: $l, from: $from, to: $to, first: $first) {
    totalCount nodes { id location { name } startsAt remaining }
  }
}";

/// A day safely ahead of the clinic's today whatever its time zone.
fn ahead(days: u64) -> NaiveDate {
    Utc::now().date_naive() + Days::new(days)
}

/// An EPS, a specialty, a site and their agreement (with `terms`), a social work for the
/// patients, and a block of `slots` 10-minute slots of `capacity` places `days` ahead.
struct Clinic {
    eps: String,
    specialty: String,
    location: String,
    agreement: String,
    social_work: String,
    block: Value,
}

impl Clinic {
    async fn new(app: &TestApp, suffix: &str, terms: Value) -> Self {
        let (eps, specialty, location) = create_catalog(app, suffix).await;
        let mut input = json!({ "epsId": eps, "specialtyId": specialty, "locationId": location });
        input
            .as_object_mut()
            .unwrap()
            .extend(terms.as_object().unwrap().clone());
        let created = app
            .admin(CREATE_AUTHORIZATION, json!({ "input": input }))
            .await;
        let agreement = created["data"]["createAuthorization"]["authorization"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{created}"))
            .to_owned();
        let social_work = create_social_work(app, &format!("Obra social {suffix}")).await;
        let mut clinic = Self {
            eps,
            specialty,
            location,
            agreement,
            social_work,
            block: Value::Null,
        };
        clinic.block = clinic.open_block(app, 3, "08:00", 4, 1).await;
        clinic
    }

    /// Opens a block `days` ahead from `start`, of `slots` 10-minute slots.
    async fn open_block(
        &self,
        app: &TestApp,
        days: u64,
        start: &str,
        slots: u32,
        capacity: i32,
    ) -> Value {
        self.open_block_on(app, ahead(days), start, slots, capacity)
            .await
    }

    /// Opens a block on `day` from `start`, of `slots` 10-minute slots.
    async fn open_block_on(
        &self,
        app: &TestApp,
        day: NaiveDate,
        start: &str,
        slots: u32,
        capacity: i32,
    ) -> Value {
        let start_time = chrono::NaiveTime::parse_from_str(start, "%H:%M").unwrap();
        let end = start_time + chrono::Duration::minutes(10 * i64::from(slots));
        let body = app
            .admin(
                CREATE_AVAILABILITY,
                json!({ "input": {
                    "specialtyId": self.specialty, "locationId": self.location,
                    "day": day.to_string(), "startTime": start,
                    "endTime": end.format("%H:%M").to_string(), "slotMinutes": 10,
                    "capacity": capacity,
                } }),
            )
            .await;
        let payload = &body["data"]["createAvailability"];
        assert_eq!(payload["userErrors"], json!([]), "{body}");
        payload["availability"].clone()
    }

    fn slot(&self, i: usize) -> String {
        self.block["slots"][i]["id"].as_str().unwrap().to_owned()
    }

    /// A patient of this clinic's EPS (or of none).
    async fn patient(&self, app: &TestApp, document: &str, with_eps: bool) -> String {
        let mut input = patient_input(&self.social_work, document);
        if with_eps {
            input["epsId"] = json!(self.eps);
        }
        let body = app.admin(CREATE_PATIENT, json!({ "input": input })).await;
        body["data"]["createPatient"]["patient"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{body}"))
            .to_owned()
    }
}

async fn book(app: &TestApp, patient: &str, slot: &str, number: Option<&str>) -> Value {
    let body = app
        .gql_as(
            Role::Staff,
            BOOK,
            json!({ "input": { "patientId": patient, "slotId": slot, "priorAuthorizationNumber": number } }),
        )
        .await;
    body["data"]["bookAppointment"].clone()
}

fn codes(payload: &Value) -> Vec<String> {
    user_errors(payload)
        .into_iter()
        .map(|(code, _)| code)
        .collect()
}

async fn sql(app: &TestApp, statement: &str) -> Result<usize, diesel::result::Error> {
    let mut conn = app.state.pool.get().await.unwrap();
    diesel::sql_query(statement).execute(&mut conn).await
}

async fn mutate(app: &TestApp, mutation: &str, id: &str) -> Value {
    let body = app
        .gql_as(
            Role::Staff,
            &format!(
                "mutation($input: AppointmentStateInput!) {{ {mutation}(input: $input) {{
                   appointment {{ status slot {{ booked }} }} userErrors {{ field code message }} }} }}"
            ),
            json!({ "input": { "id": id } }),
        )
        .await;
    body["data"][mutation].clone()
}

async fn remaining_quota(app: &TestApp, c: &Clinic, on: NaiveDate) -> Value {
    let body = app
        .gql_as(
            Role::Viewer,
            "query($e: ID!, $s: ID!, $l: ID!, $on: Date) {
               authorizationCheck(epsId: $e, specialtyId: $s, locationId: $l, on: $on) { remainingQuota }
             }",
            json!({ "e": c.eps, "s": c.specialty, "l": c.location, "on": on.to_string() }),
        )
        .await;
    body["data"]["authorizationCheck"]["remainingQuota"].clone()
}

#[tokio::test]
async fn a_patient_is_booked_into_a_free_slot_on_the_agreements_terms() {
    let app = TestApp::new().await;
    let c = Clinic::new(
        &app,
        "1",
        json!({ "copayPercentage": "12.50", "maxMonthlyAppointments": 3 }),
    )
    .await;
    assert_eq!(c.block["slots"].as_array().unwrap().len(), 4);
    assert_eq!(c.block["startTime"], "08:00:00");
    let patient = c.patient(&app, "30111222", true).await;

    let found = app
        .gql_as(
            Role::Viewer,
            AVAILABLE,
            json!({ "s": c.specialty, "e": c.eps, "l": c.location, "first": 2 }),
        )
        .await;
    let slots = &found["data"]["availableSlots"];
    assert_eq!(slots["totalCount"], 4, "{found}");
    assert_eq!(slots["nodes"][0]["id"], json!(c.slot(0)), "soonest first");
    assert_eq!(remaining_quota(&app, &c, ahead(3)).await, 3);

    let booked = book(&app, &patient, &c.slot(0), None).await;
    assert_eq!(booked["userErrors"], json!([]), "{booked}");
    let appointment = &booked["appointment"];
    assert_eq!(appointment["status"], "BOOKED");
    assert_eq!(
        appointment["copayPercentage"], "12.5",
        "as the agreement had it"
    );
    assert_eq!(appointment["day"], ahead(3).to_string());
    assert_eq!(
        appointment["slot"],
        json!({ "id": c.slot(0), "booked": 1, "remaining": 0 })
    );
    assert_eq!(appointment["bookedBy"]["username"], "staff");
    assert_eq!(appointment["needsRescheduling"], false);
    assert_eq!(remaining_quota(&app, &c, ahead(3)).await, 2);

    // The agreement's terms change; the appointment keeps those it was booked under.
    let changed = app
        .admin(
            "mutation($input: UpdateAuthorizationInput!) { updateAuthorization(input: $input) { userErrors { code } } }",
            json!({ "input": { "id": c.agreement, "copayPercentage": "30" } }),
        )
        .await;
    assert_eq!(
        changed["data"]["updateAuthorization"]["userErrors"],
        json!([])
    );

    let listed = app
        .gql_as(
            Role::Viewer,
            "query($p: ID!) {
               node(id: $p) { ... on Patient { appointments { totalCount nodes { copayPercentage status } } } }
               appointments(filter: { patientId: $p, status: [BOOKED] }) { totalCount }
             }",
            json!({ "p": patient }),
        )
        .await;
    assert_eq!(
        listed["data"]["node"]["appointments"],
        json!({ "totalCount": 1, "nodes": [{ "copayPercentage": "12.5", "status": "BOOKED" }] }),
        "{listed}"
    );
    assert_eq!(listed["data"]["appointments"]["totalCount"], 1);

    let after = app
        .gql_as(
            Role::Viewer,
            AVAILABLE,
            json!({ "s": c.specialty, "e": c.eps, "l": c.location }),
        )
        .await;
    assert_eq!(
        after["data"]["availableSlots"]["totalCount"], 3,
        "the full slot is gone"
    );
}

#[tokio::test]
async fn each_refused_booking_says_why_and_writes_nothing() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({ "requiresPriorAuthorization": true })).await;
    let patient = c.patient(&app, "30111222", true).await;
    let other = c.patient(&app, "30111333", true).await;
    let without_eps = c.patient(&app, "30111444", false).await;

    let refused = |payload: Value, code: &str, field: &str| {
        assert_eq!(codes(&payload), vec![code.to_owned()], "{payload}");
        assert_eq!(
            payload["userErrors"][0]["field"],
            json!([field]),
            "{payload}"
        );
        assert!(payload["appointment"].is_null());
    };
    refused(
        book(&app, &without_eps, &c.slot(0), Some("A1")).await,
        "REQUIRED",
        "patientId",
    );
    refused(
        book(&app, &patient, &c.slot(0), None).await,
        "PRIOR_AUTHORIZATION_REQUIRED",
        "priorAuthorizationNumber",
    );
    refused(
        book(&app, &patient, &c.slot(0), Some(&"9".repeat(41))).await,
        "TOO_LONG",
        "priorAuthorizationNumber",
    );
    let ok = book(&app, &patient, &c.slot(0), Some(" AUT-2026/77 ")).await;
    assert_eq!(
        ok["appointment"]["priorAuthorizationNumber"], "AUT-2026/77",
        "{ok}"
    );
    refused(
        book(&app, &other, &c.slot(0), Some("A2")).await,
        "SLOT_FULL",
        "slotId",
    );

    // The same patient at the same time elsewhere: another site's block at 08:00.
    let d = Clinic::new(&app, "2", json!({})).await;
    let mut input = patient_input(&c.social_work, "30111555");
    input["epsId"] = json!(d.eps);
    let body = app.admin(CREATE_PATIENT, json!({ "input": input })).await;
    let of_d = body["data"]["createPatient"]["patient"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        codes(&book(&app, &of_d, &d.slot(0), None).await),
        Vec::<String>::new()
    );
    let same_time = d.open_block(&app, 3, "08:05", 2, 1).await;
    let overlapping = same_time["slots"][0]["id"].as_str().unwrap();
    refused(
        book(&app, &of_d, overlapping, None).await,
        "OVERLAP",
        "slotId",
    );

    // No agreement for the patient's EPS there.
    let no_agreement = book(&app, &of_d, &c.slot(1), Some("A3")).await;
    assert_eq!(codes(&no_agreement), vec!["NOT_AUTHORIZED"]);
    assert!(
        user_errors(&no_agreement)[0]
            .1
            .contains("no tiene convenio")
    );

    // A suspended agreement: the reason is the message.
    app.admin(
        "mutation($input: UpdateAuthorizationInput!) { updateAuthorization(input: $input) { userErrors { code } } }",
        json!({ "input": { "id": c.agreement, "authorized": false } }),
    )
    .await;
    let suspended = book(&app, &other, &c.slot(1), Some("A4")).await;
    assert_eq!(codes(&suspended), vec!["NOT_AUTHORIZED"]);
    assert!(
        user_errors(&suspended)[0].1.contains("suspendido"),
        "{suspended}"
    );

    // Malformed or unknown references.
    let unknown_slot = clinic::graphql::ids::global_id("Slot", 999_999).0;
    refused(
        book(&app, &other, &unknown_slot, Some("A5")).await,
        "NOT_FOUND",
        "slotId",
    );
    let body = app
        .gql_as(
            Role::Staff,
            BOOK,
            json!({ "input": { "patientId": c.slot(0), "slotId": c.slot(1) } }),
        )
        .await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    assert_eq!(
        app.sql_count("SELECT count(*) FROM appointments").await,
        2,
        "only the two bookings that were accepted"
    );
    // A viewer cannot book.
    let body = app
        .gql_as(
            Role::Viewer,
            BOOK,
            json!({ "input": { "patientId": other, "slotId": c.slot(2) } }),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN");
}

#[tokio::test]
async fn a_block_is_opened_only_where_an_eps_may_be_seen_that_day() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({})).await;
    let (_, lonely_specialty, _) = create_catalog(&app, "2").await;
    let open = |input: Value| {
        let app = &app;
        async move {
            let body = app
                .admin(CREATE_AVAILABILITY, json!({ "input": input }))
                .await;
            body["data"]["createAvailability"].clone()
        }
    };
    let base = json!({
        "specialtyId": c.specialty, "locationId": c.location, "day": ahead(5).to_string(),
        "startTime": "14:00", "endTime": "15:00", "slotMinutes": 20,
    });
    let with = |changes: Value| {
        let mut input = base.clone();
        input
            .as_object_mut()
            .unwrap()
            .extend(changes.as_object().unwrap().clone());
        input
    };
    // The seed's trigger: no EPS authorized for that specialty at that site.
    let refused = open(with(json!({ "specialtyId": lonely_specialty }))).await;
    assert_eq!(codes(&refused), vec!["NOT_AUTHORIZED"], "{refused}");
    assert_eq!(
        user_errors(&refused)[0].1,
        "No hay EPS autorizadas para esta especialidad en esta sede ese día"
    );
    // Nor once the only agreement has expired by that day.
    app.admin(
        "mutation($input: UpdateAuthorizationInput!) { updateAuthorization(input: $input) { userErrors { code } } }",
        json!({ "input": { "id": c.agreement, "expirationDate": ahead(4).to_string() } }),
    )
    .await;
    assert_eq!(codes(&open(base.clone()).await), vec!["NOT_AUTHORIZED"]);
    assert_eq!(
        codes(&open(with(json!({ "day": ahead(4).to_string() }))).await),
        Vec::<String>::new()
    );
    // Every mistake of the fields at once.
    let bad = open(with(json!({
        "day": ahead(4).to_string(), "startTime": "15:00", "endTime": "14:00",
        "slotMinutes": 1, "capacity": 0,
    })))
    .await;
    let mut fields: Vec<String> = bad["userErrors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"][0].as_str().unwrap().to_owned())
        .collect();
    fields.sort();
    assert_eq!(fields, ["capacity", "endTime", "slotMinutes"], "{bad}");
    let yesterday = open(with(
        json!({ "day": (Utc::now().date_naive() - Days::new(2)).to_string() }),
    ))
    .await;
    assert_eq!(codes(&yesterday), vec!["INVALID_RANGE"]);
    let body = app
        .admin(
            CREATE_AVAILABILITY,
            json!({ "input": with(json!({ "startTime": "8:00" })) }),
        )
        .await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("hora inválida"),
        "{body}"
    );
    // One practitioner's open blocks never overlap; a cancelled one frees the time.
    let doctor = app
        .admin(
            "mutation { createPractitioner(input: { fullName: \"Dra. Ruiz\" }) { practitioner { id } } }",
            json!({}),
        )
        .await;
    let doctor = doctor["data"]["createPractitioner"]["practitioner"]["id"].clone();
    let day = json!({ "day": ahead(4).to_string(), "practitionerId": doctor });
    let first = open(with(day.clone())).await;
    assert_eq!(first["userErrors"], json!([]), "{first}");
    let clash = open(with(
        json!({ "day": ahead(4).to_string(), "practitionerId": doctor,
                                  "startTime": "14:40", "endTime": "16:00" }),
    ))
    .await;
    assert_eq!(codes(&clash), vec!["OVERLAP"], "{clash}");
    let after = open(with(
        json!({ "day": ahead(4).to_string(), "practitionerId": doctor,
                                  "startTime": "15:00", "endTime": "16:00" }),
    ))
    .await;
    assert_eq!(
        after["userErrors"],
        json!([]),
        "back to back is no overlap: {after}"
    );
    let staff = app
        .gql_as(Role::Staff, CREATE_AVAILABILITY, json!({ "input": base }))
        .await;
    assert_eq!(error_code(&staff), "FORBIDDEN");
}

#[tokio::test]
async fn cancelling_a_block_leaves_its_appointments_listed_for_rescheduling() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({ "copayPercentage": "10" })).await;
    let patient = c.patient(&app, "30111222", true).await;
    let booked = book(&app, &patient, &c.slot(1), None).await;
    let appointment = booked["appointment"]["id"].as_str().unwrap().to_owned();

    let cancelled = app
        .admin(
            "mutation($input: CancelAvailabilityInput!) { cancelAvailability(input: $input) {
               availability { cancelled slots { open } bookedAppointments { id needsRescheduling } }
               userErrors { code } } }",
            json!({ "input": { "id": c.block["id"] } }),
        )
        .await;
    let block = &cancelled["data"]["cancelAvailability"]["availability"];
    assert_eq!(block["cancelled"], true, "{cancelled}");
    assert_eq!(block["slots"][0]["open"], false);
    assert_eq!(
        block["bookedAppointments"],
        json!([{ "id": appointment, "needsRescheduling": true }])
    );
    let worklist = app
        .gql_as(
            Role::Viewer,
            "{ appointments(filter: { needsRescheduling: true }) { nodes { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        worklist["data"]["appointments"]["nodes"],
        json!([{ "id": appointment }])
    );
    let other = c.patient(&app, "30111333", true).await;
    assert_eq!(
        codes(&book(&app, &other, &c.slot(2), None).await),
        vec!["INACTIVE"]
    );
    let free = app
        .gql_as(
            Role::Viewer,
            AVAILABLE,
            json!({ "s": c.specialty, "e": c.eps }),
        )
        .await;
    assert_eq!(free["data"]["availableSlots"]["totalCount"], 0);

    // Rescheduled into another block: the new slot taken, the old one freed.
    let next = c.open_block(&app, 4, "09:00", 2, 1).await;
    let new_slot = next["slots"][0]["id"].as_str().unwrap();
    let moved = app
        .gql_as(
            Role::Staff,
            "mutation($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) {
               appointment { day needsRescheduling slot { id booked } } userErrors { code } } }",
            json!({ "input": { "id": appointment, "slotId": new_slot } }),
        )
        .await;
    let moved = &moved["data"]["rescheduleAppointment"];
    assert_eq!(moved["userErrors"], json!([]), "{moved}");
    assert_eq!(moved["appointment"]["day"], ahead(4).to_string());
    assert_eq!(moved["appointment"]["needsRescheduling"], false);
    assert_eq!(moved["appointment"]["slot"]["booked"], 1);
    assert_eq!(
        app.sql_count("SELECT sum(booked) FROM slots").await,
        1,
        "the old slot is free"
    );
}

#[tokio::test]
async fn a_reschedule_into_a_full_slot_changes_nothing() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({})).await;
    let a = c.patient(&app, "30111222", true).await;
    let b = c.patient(&app, "30111333", true).await;
    let first = book(&app, &a, &c.slot(0), None).await;
    book(&app, &b, &c.slot(2), None).await;
    let id = first["appointment"]["id"].as_str().unwrap();
    let moved = app
        .gql_as(
            Role::Staff,
            "mutation($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) {
               appointment { id } userErrors { field code } } }",
            json!({ "input": { "id": id, "slotId": c.slot(2) } }),
        )
        .await;
    assert_eq!(
        moved["data"]["rescheduleAppointment"],
        json!({ "appointment": null, "userErrors": [{ "field": ["slotId"], "code": "SLOT_FULL" }] })
    );
    let slots = app
        .gql_as(
            Role::Viewer,
            "query($id: ID!) { node(id: $id) { ... on Appointment { status slot { id booked } } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        slots["data"]["node"],
        json!({ "status": "BOOKED", "slot": { "id": c.slot(0), "booked": 1 } })
    );
    assert_eq!(app.sql_count("SELECT sum(booked) FROM slots").await, 2);
}

#[tokio::test]
async fn cancelling_frees_the_quota_and_outcomes_are_final() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({ "maxMonthlyAppointments": 1 })).await;
    let a = c.patient(&app, "30111222", true).await;
    let b = c.patient(&app, "30111333", true).await;
    let first = book(&app, &a, &c.slot(0), None).await;
    let first = first["appointment"]["id"].as_str().unwrap().to_owned();
    let over = book(&app, &b, &c.slot(1), None).await;
    assert_eq!(codes(&over), vec!["QUOTA_EXHAUSTED"]);
    assert_eq!(remaining_quota(&app, &c, ahead(3)).await, 0);

    let cancelled = mutate(&app, "cancelAppointment", &first).await;
    assert_eq!(
        cancelled["appointment"],
        json!({ "status": "CANCELLED", "slot": { "booked": 0 } })
    );
    assert_eq!(remaining_quota(&app, &c, ahead(3)).await, 1);
    let again = mutate(&app, "cancelAppointment", &first).await;
    assert_eq!(
        again["userErrors"],
        json!([]),
        "cancelling twice changes nothing"
    );

    let second = book(&app, &b, &c.slot(1), None).await;
    let second = second["appointment"]["id"].as_str().unwrap().to_owned();
    assert_eq!(remaining_quota(&app, &c, ahead(3)).await, 0);
    // Not before the appointment's day.
    let early = mutate(&app, "markAppointmentNoShow", &second).await;
    assert_eq!(codes(&early), vec!["INVALID_STATE"], "{early}");
    assert!(user_errors(&early)[0].1.contains("desde el día de la cita"));
    // A cancelled appointment is final: no outcome, no move (not even to its own slot).
    let refused = mutate(&app, "markAppointmentAttended", &first).await;
    assert_eq!(codes(&refused), vec!["INVALID_STATE"], "{refused}");
    let moved = app
        .gql_as(
            Role::Staff,
            "mutation($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) {
               userErrors { code } } }",
            json!({ "input": { "id": first, "slotId": c.slot(0) } }),
        )
        .await;
    assert_eq!(
        moved["data"]["rescheduleAppointment"]["userErrors"],
        json!([{ "code": "INVALID_STATE" }])
    );
    // An agreement appointments were booked under stays: it can be suspended, not deleted.
    let deleted = app
        .admin(
            "mutation($input: DeleteInput!) { deleteAuthorization(input: $input) { userErrors { code } } }",
            json!({ "input": { "id": c.agreement } }),
        )
        .await;
    assert_eq!(
        deleted["data"]["deleteAuthorization"]["userErrors"],
        json!([{ "code": "IN_USE" }])
    );
    // A quota of 0 allows none; another month is another quota.
    let none = Clinic::new(&app, "2", json!({ "maxMonthlyAppointments": 0 })).await;
    let p = none.patient(&app, "30111444", true).await;
    assert_eq!(
        codes(&book(&app, &p, &none.slot(0), None).await),
        vec!["QUOTA_EXHAUSTED"]
    );
}

#[tokio::test]
async fn every_change_of_an_appointment_is_audited_with_who_and_what() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({})).await;
    let patient = c.patient(&app, "30111222", true).await;
    let booked = book(&app, &patient, &c.slot(0), None).await;
    let id = booked["appointment"]["id"].as_str().unwrap().to_owned();
    app.gql_as(
        Role::Staff,
        "mutation($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) { userErrors { code } } }",
        json!({ "input": { "id": id, "slotId": c.slot(1) } }),
    )
    .await;
    mutate(&app, "cancelAppointment", &id).await;
    let trail = app
        .admin(
            "query($id: ID!) { node(id: $id) { ... on Appointment {
               auditTrail { action changedBy { username } changedFields oldData newData } } } }",
            json!({ "id": id }),
        )
        .await;
    let trail = trail["data"]["node"]["auditTrail"]
        .as_array()
        .unwrap()
        .clone();
    let actions: Vec<&str> = trail
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["UPDATED", "UPDATED", "CREATED"], "newest first");
    assert!(trail.iter().all(|e| e["changedBy"]["username"] == "staff"));
    assert_eq!(trail[0]["changedFields"], json!(["status"]));
    assert_eq!(trail[0]["oldData"]["status"], "BOOKED");
    assert_eq!(trail[0]["newData"]["status"], "CANCELLED");
    let moved: Vec<&str> = trail[1]["changedFields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(
        moved.contains(&"slotId") && moved.contains(&"startsAt"),
        "{moved:?}"
    );
    assert_eq!(
        trail[1]["oldData"]["slotId"],
        json!(c.slot(0)),
        "global IDs"
    );
    assert_eq!(trail[1]["newData"]["slotId"], json!(c.slot(1)));
    assert_eq!(trail[2]["newData"]["patientId"], json!(patient));
    assert!(trail[2]["oldData"].is_null());

    // Append-only, TRUNCATE included.
    assert!(sql(&app, "DELETE FROM appointment_audit").await.is_err());
    assert!(sql(&app, "TRUNCATE appointment_audit").await.is_err());
}

#[tokio::test]
async fn available_slots_span_every_authorized_site_and_bound_their_range() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({ "maxMonthlyAppointments": 1 })).await;
    // A second site for the same EPS and specialty.
    let site = app
        .admin(
            "mutation { createLocation(input: { name: \"Sede Norte\", address: \"Calle 9\" }) { location { id } } }",
            json!({}),
        )
        .await;
    let site = site["data"]["createLocation"]["location"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let created = app
        .admin(
            CREATE_AUTHORIZATION,
            json!({ "input": { "epsId": c.eps, "specialtyId": c.specialty, "locationId": site } }),
        )
        .await;
    assert_eq!(
        created["data"]["createAuthorization"]["userErrors"],
        json!([])
    );
    let north = app
        .admin(
            CREATE_AVAILABILITY,
            json!({ "input": { "specialtyId": c.specialty, "locationId": site, "day": ahead(3).to_string(),
                               "startTime": "07:00", "endTime": "07:30", "slotMinutes": 10 } }),
        )
        .await;
    assert_eq!(north["data"]["createAvailability"]["userErrors"], json!([]));

    let all = app
        .gql_as(
            Role::Viewer,
            AVAILABLE,
            json!({ "s": c.specialty, "e": c.eps }),
        )
        .await;
    let nodes = all["data"]["availableSlots"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(nodes.len(), 7, "{all}");
    assert_eq!(
        nodes[0]["location"]["name"], "Sede Norte",
        "07:00 before 08:00"
    );

    // The first site's quota used up: only the other site is offered.
    let patient = c.patient(&app, "30111222", true).await;
    book(&app, &patient, &c.slot(0), None).await;
    let left = app
        .gql_as(
            Role::Viewer,
            AVAILABLE,
            json!({ "s": c.specialty, "e": c.eps }),
        )
        .await;
    assert_eq!(left["data"]["availableSlots"]["totalCount"], 3, "{left}");

    let wide = app
        .gql_as(
            Role::Viewer,
            AVAILABLE,
            json!({ "s": c.specialty, "e": c.eps, "from": "2027-01-01", "to": "2027-06-01" }),
        )
        .await;
    assert_eq!(error_code(&wide), "BAD_USER_INPUT");
    let reversed = app
        .gql_as(
            Role::Viewer,
            AVAILABLE,
            json!({ "s": c.specialty, "e": c.eps, "from": "2027-01-02", "to": "2027-01-01" }),
        )
        .await;
    assert_eq!(error_code(&reversed), "BAD_USER_INPUT");
}

/// `n` patients of the clinic's EPS.
async fn patients(app: &TestApp, c: &Clinic, n: usize) -> Vec<String> {
    let mut ids = vec![];
    for i in 0..n {
        ids.push(c.patient(app, &format!("4{i:07}"), true).await);
    }
    ids
}

/// The counters agree with the appointments that hold a place.
async fn assert_counters_agree(app: &TestApp) {
    assert_eq!(
        app.sql_count(
            "SELECT count(*) FROM slots s WHERE booked <> (SELECT count(*) FROM appointments a
              WHERE a.slot_id = s.id AND a.status IN ('BOOKED', 'ATTENDED'))"
        )
        .await,
        0,
        "every slot's count is its booked appointments"
    );
    assert_eq!(
        app.sql_count(
            "SELECT count(*) FROM quota_usage q WHERE used <> (SELECT count(*) FROM appointments a
              WHERE a.authorization_id = q.authorization_id AND month_start(a.day) = q.month
                AND a.status IN ('BOOKED', 'ATTENDED'))"
        )
        .await,
        0,
        "every quota's count is its booked appointments"
    );
}

#[tokio::test]
async fn thirty_two_concurrent_bookings_against_a_quota_of_five_give_exactly_five() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({ "maxMonthlyAppointments": 5 })).await;
    let block = c.open_block(&app, 4, "08:00", 32, 1).await;
    let people = patients(&app, &c, 32).await;
    let outcomes = join_all(people.iter().enumerate().map(|(i, p)| {
        let slot = block["slots"][i]["id"].as_str().unwrap().to_owned();
        let app = &app;
        async move { book(app, p, &slot, None).await }
    }))
    .await;
    let won = outcomes
        .iter()
        .filter(|o| o["appointment"].is_object())
        .count();
    assert_eq!(won, 5);
    for lost in outcomes.iter().filter(|o| o["appointment"].is_null()) {
        assert_eq!(codes(lost), vec!["QUOTA_EXHAUSTED"], "{lost}");
    }
    assert_eq!(app.sql_count("SELECT count(*) FROM appointments").await, 5);
    assert_counters_agree(&app).await;
}

#[tokio::test]
async fn thirty_two_concurrent_bookings_of_a_one_place_slot_give_exactly_one() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({})).await;
    let people = patients(&app, &c, 32).await;
    let slot = c.slot(0);
    let outcomes = join_all(people.iter().map(|p| book(&app, p, &slot, None))).await;
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| o["appointment"].is_object())
            .count(),
        1
    );
    for lost in outcomes.iter().filter(|o| o["appointment"].is_null()) {
        assert_eq!(codes(lost), vec!["SLOT_FULL"], "{lost}");
    }
    assert_counters_agree(&app).await;
}

#[tokio::test]
async fn concurrent_cancels_and_bookings_never_lose_or_double_count_a_unit() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({ "maxMonthlyAppointments": 5 })).await;
    let block = c.open_block(&app, 4, "08:00", 24, 1).await;
    let people = patients(&app, &c, 24).await;
    let slot = |i: usize| block["slots"][i]["id"].as_str().unwrap().to_owned();
    let mut first = vec![];
    for (i, p) in people.iter().take(5).enumerate() {
        let booked = book(&app, p, &slot(i), None).await;
        first.push(booked["appointment"]["id"].as_str().unwrap().to_owned());
    }
    let cancels = join_all(first.iter().map(|id| mutate(&app, "cancelAppointment", id)));
    let bookings = join_all(people.iter().enumerate().skip(5).map(|(i, p)| {
        let slot = slot(i);
        let app = &app;
        async move { book(app, p, &slot, None).await }
    }));
    let (cancelled, booked) = futures_util::join!(cancels, bookings);
    assert!(cancelled.iter().all(|c| c["userErrors"] == json!([])));
    let won = booked
        .iter()
        .filter(|o| o["appointment"].is_object())
        .count();
    assert!(won <= 5, "{won} bookings past a quota of 5");
    assert!(
        booked
            .iter()
            .filter(|o| o["appointment"].is_null())
            .all(|o| codes(o) == ["QUOTA_EXHAUSTED"])
    );
    assert_eq!(
        app.sql_count("SELECT count(*) FROM appointments WHERE status = 'BOOKED'")
            .await,
        won as i64
    );
    assert_counters_agree(&app).await;
}

#[tokio::test]
async fn the_rules_hold_for_sql_written_by_hand() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({ "maxMonthlyAppointments": 2 })).await;
    let people = patients(&app, &c, 4).await;
    let db_id = |global: &str| {
        let (_, id) =
            clinic::graphql::ids::decode_global_id(&async_graphql::ID(global.to_owned())).unwrap();
        id
    };
    let insert = |p: &str, s: &str| {
        format!(
            "INSERT INTO appointments (patient_id, slot_id) VALUES ({}, {})",
            db_id(p),
            db_id(s)
        )
    };
    assert!(sql(&app, &insert(&people[0], &c.slot(0))).await.is_ok());
    let full = sql(&app, &insert(&people[1], &c.slot(0)))
        .await
        .unwrap_err();
    assert!(
        full.to_string().contains("slots_booked_within_capacity"),
        "{full}"
    );
    assert!(sql(&app, &insert(&people[1], &c.slot(1))).await.is_ok());
    let over = sql(&app, &insert(&people[2], &c.slot(2)))
        .await
        .unwrap_err();
    assert!(over.to_string().contains("quota"), "{over}");
    // The counters are the triggers' alone: no resetting them to let more in.
    for tamper in [
        "UPDATE slots SET booked = 0",
        "UPDATE slots SET open = true",
        "DELETE FROM quota_usage",
        "UPDATE quota_usage SET used = 0",
    ] {
        let refused = sql(&app, tamper).await.unwrap_err();
        assert!(
            refused.to_string().contains("kept by the booking triggers"),
            "{tamper}: {refused}"
        );
    }
    // Terms sent by hand are replaced by the agreement's.
    sql(&app, &format!(
        "UPDATE appointments SET copay_percentage = 99, status = 'CANCELLED' WHERE patient_id = {}",
        db_id(&people[0])
    ))
    .await
    .unwrap();
    assert_eq!(
        app.sql_count("SELECT count(*) FROM appointments WHERE copay_percentage = 99")
            .await,
        0
    );
    // A TRUNCATE by hand is logged and leaves the counters right.
    sql(&app, "TRUNCATE appointments").await.unwrap();
    assert_eq!(
        app.sql_count("SELECT count(*) FROM appointment_audit WHERE action = 'DELETED'")
            .await,
        2
    );
    assert_eq!(
        app.sql_count("SELECT coalesce(sum(booked), 0) FROM slots")
            .await,
        0
    );
    assert_eq!(app.sql_count("SELECT count(*) FROM quota_usage").await, 0);
    assert_counters_agree(&app).await;
}

#[tokio::test]
async fn the_readme_booking_example_runs_on_the_demo_data() {
    let app = TestApp::new().await;
    clinic::demo::load(&mut app.state.pool.get().await.unwrap())
        .await
        .unwrap();
    let found = app
        .gql_as(
            Role::Staff,
            r#"query FindSlot {
                 patients(first: 2, filter: {epsId: "RXBzOjE0"}) { nodes { id fullName } }
                 availableSlots(specialtyId: "U3BlY2lhbHR5OjI=", epsId: "RXBzOjE0", first: 30) {
                   totalCount nodes { id day startsAt location { name } remaining }
                 }
               }"#,
            json!({}),
        )
        .await;
    let data = &found["data"];
    let patients = data["patients"]["nodes"].as_array().unwrap();
    assert_eq!(patients.len(), 2, "{found}");
    let slots = data["availableSlots"]["nodes"].as_array().unwrap();
    assert!(slots.len() >= 3, "{found}");
    assert!(
        slots
            .iter()
            .all(|s| s["location"]["name"] == "Sede San Gil")
    );
    // Three slots of one month (the demo's two weeks may straddle a month's end).
    let month = |s: &Value| s["day"].as_str().unwrap()[..7].to_owned();
    let busiest = slots
        .iter()
        .map(month)
        .max_by_key(|m| slots.iter().filter(|s| month(s) == *m).count())
        .unwrap();
    let same: Vec<&Value> = slots.iter().filter(|s| month(s) == busiest).collect();
    assert!(same.len() >= 3, "{found}");
    let slot = |i: usize| same[i]["id"].as_str().unwrap();
    let patient = |i: usize| patients[i]["id"].as_str().unwrap();

    let first = book(&app, patient(0), slot(0), None).await;
    assert_eq!(first["userErrors"], json!([]), "{first}");
    assert_eq!(first["appointment"]["copayPercentage"], "10");
    let second = book(&app, patient(1), slot(1), None).await;
    assert_eq!(second["userErrors"], json!([]), "{second}");
    let third = book(&app, patient(0), slot(2), None).await;
    assert_eq!(
        third["userErrors"],
        json!([{ "field": ["slotId"], "code": "QUOTA_EXHAUSTED",
                 "message": "El cupo mensual del convenio está agotado en el mes del turno" }])
    );
    let day: NaiveDate = same[0]["day"].as_str().unwrap().parse().unwrap();
    let check = app
        .gql_as(
            Role::Viewer,
            r#"query($on: Date) { authorizationCheck(epsId: "RXBzOjE0", specialtyId: "U3BlY2lhbHR5OjI=",
                                   locationId: "TG9jYXRpb246MQ==", on: $on) { authorized remainingQuota } }"#,
            json!({ "on": day.to_string() }),
        )
        .await;
    assert_eq!(
        check["data"]["authorizationCheck"],
        json!({ "authorized": true, "remainingQuota": 0 })
    );
}

#[tokio::test]
async fn a_page_of_patients_with_their_appointments_costs_the_same_statements_at_any_size() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({})).await;
    let block = c.open_block(&app, 4, "10:00", 8, 1).await;
    for (i, patient) in patients(&app, &c, 8).await.iter().enumerate() {
        let slot = block["slots"][i]["id"].as_str().unwrap();
        assert_eq!(
            book(&app, patient, slot, None).await["userErrors"],
            json!([])
        );
    }
    let page = "query($n: Int!, $e: ID!) { patients(first: $n, filter: {epsId: $e}) { nodes {
                  appointments(first: 5) { totalCount nodes { status slot { startsAt } eps { name }
                    specialty { name } location { name } authorization { databaseId } } } } } }";
    let mut cost = vec![];
    for n in [2, 8] {
        let before = app.statements();
        let body = app
            .gql_as(Role::Viewer, page, json!({ "n": n, "e": c.eps }))
            .await;
        let nodes = body["data"]["patients"]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), n as usize, "{body}");
        assert!(nodes.iter().all(|p| p["appointments"]["totalCount"] == 1));
        cost.push(app.statements() - before);
    }
    assert_eq!(
        cost[0], cost[1],
        "statements per page of 2 and of 8: {cost:?}"
    );
}

/// An app whose clinic time zone has it about 10:00 now: "today" has an evening ahead.
async fn app_in_the_morning() -> TestApp {
    use chrono::Timelike;
    // Etc/GMT+N is N hours behind UTC (POSIX signs); Etc/GMT-14 to Etc/GMT+12 exist.
    let behind = (Utc::now().hour() as i32 - 10 + 24) % 24;
    let behind = if behind > 12 { behind - 24 } else { behind };
    let zone = match behind {
        0 => "Etc/GMT".to_owned(),
        n if n > 0 => format!("Etc/GMT+{n}"),
        n => format!("Etc/GMT{n}"),
    };
    TestApp::with_args(&["--clinic-time-zone", &zone]).await
}

async fn clinic_today(app: &TestApp) -> NaiveDate {
    let days = app
        .sql_count("SELECT (current_date - DATE '2000-01-01')::bigint")
        .await;
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Days::new(days as u64)
}

#[tokio::test]
async fn outcomes_are_recorded_from_the_appointments_day_and_are_final() {
    let app = app_in_the_morning().await;
    let c = Clinic::new(&app, "1", json!({ "maxMonthlyAppointments": 5 })).await;
    let today = clinic_today(&app).await;
    let evening = c.open_block_on(&app, today, "20:00", 2, 1).await;
    let slot = |i: usize| evening["slots"][i]["id"].as_str().unwrap().to_owned();
    let a = c.patient(&app, "30111222", true).await;
    let b = c.patient(&app, "30111333", true).await;
    let seen = book(&app, &a, &slot(0), None).await;
    let seen = seen["appointment"]["id"].as_str().unwrap().to_owned();
    let missed = book(&app, &b, &slot(1), None).await;
    let missed = missed["appointment"]["id"].as_str().unwrap().to_owned();
    assert_eq!(remaining_quota(&app, &c, today).await, 3);

    let attended = mutate(&app, "markAppointmentAttended", &seen).await;
    assert_eq!(
        attended["appointment"],
        json!({ "status": "ATTENDED", "slot": { "booked": 1 } })
    );
    let again = mutate(&app, "markAppointmentAttended", &seen).await;
    assert_eq!(
        again["userErrors"],
        json!([]),
        "the same mark again changes nothing"
    );
    for mutation in ["markAppointmentNoShow", "cancelAppointment"] {
        let refused = mutate(&app, mutation, &seen).await;
        assert_eq!(
            codes(&refused),
            vec!["INVALID_STATE"],
            "{mutation}: {refused}"
        );
    }
    let no_show = mutate(&app, "markAppointmentNoShow", &missed).await;
    assert_eq!(
        no_show["appointment"],
        json!({ "status": "NO_SHOW", "slot": { "booked": 0 } })
    );
    assert_eq!(
        remaining_quota(&app, &c, today).await,
        4,
        "attended still counts, a no-show does not"
    );
    assert_counters_agree(&app).await;
}

/// The first day after `from` that is the `nth` `weekday` of `month`.
fn nth_weekday(from: NaiveDate, month: u32, weekday: chrono::Weekday, nth: u8) -> NaiveDate {
    use chrono::Datelike;
    (from.year()..)
        .filter_map(|year| NaiveDate::from_weekday_of_month_opt(year, month, weekday, nth))
        .find(|day| *day > from)
        .unwrap()
}

#[tokio::test]
async fn blocks_on_daylight_saving_days_are_cut_in_real_time() {
    let app = TestApp::with_args(&["--clinic-time-zone", "America/New_York"]).await;
    let c = Clinic::new(&app, "1", json!({})).await;
    let today = clinic_today(&app).await;
    // Spring forward: 01:00 to 04:00 lasts two hours; fall back: 00:30 to 02:30 lasts three.
    let spring = nth_weekday(today, 3, chrono::Weekday::Sun, 2);
    let block = c.open_block_on(&app, spring, "01:00", 18, 1).await;
    let slots = block["slots"].as_array().unwrap();
    assert_eq!(slots.len(), 12, "two hours of 10-minute slots: {block}");
    for pair in slots.windows(2) {
        assert_eq!(
            pair[0]["endsAt"], pair[1]["startsAt"],
            "back to back, never at once"
        );
    }
    for slot in slots {
        let at = |f: &str| chrono::DateTime::parse_from_rfc3339(slot[f].as_str().unwrap()).unwrap();
        assert_eq!((at("endsAt") - at("startsAt")).num_minutes(), 10, "{slot}");
    }
    let autumn = nth_weekday(today, 11, chrono::Weekday::Sun, 1);
    let block = c.open_block_on(&app, autumn, "00:30", 12, 1).await;
    assert_eq!(
        block["slots"].as_array().unwrap().len(),
        18,
        "three hours: {block}"
    );
}

#[tokio::test]
async fn booking_inputs_out_of_bounds_get_specific_errors_and_write_nothing() {
    let app = TestApp::new().await;
    let c = Clinic::new(&app, "1", json!({})).await;
    let patient = c.patient(&app, "30111222", true).await;
    let cancel = |id: Value| {
        let app = &app;
        async move {
            app.admin(
                "mutation($input: CancelAvailabilityInput!) { cancelAvailability(input: $input) {
                   availability { id } userErrors { field code } } }",
                json!({ "input": { "id": id } }),
            )
            .await
        }
    };
    let unknown = cancel(json!(
        clinic::graphql::ids::global_id("Availability", 999_999).0
    ))
    .await;
    assert_eq!(
        unknown["data"]["cancelAvailability"]["userErrors"],
        json!([{ "field": ["id"], "code": "NOT_FOUND" }])
    );
    assert_eq!(error_code(&cancel(json!(patient)).await), "BAD_USER_INPUT");
    assert_eq!(
        error_code(&cancel(json!("x".repeat(5000))).await),
        "BAD_USER_INPUT"
    );

    let empty = app
        .gql_as(
            Role::Viewer,
            "{ appointments(filter: { status: [] }) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&empty), "BAD_USER_INPUT");
    let wrong_type = app
        .gql_as(
            Role::Viewer,
            AVAILABLE,
            json!({ "s": c.location, "e": c.eps }),
        )
        .await;
    assert_eq!(error_code(&wrong_type), "BAD_USER_INPUT");

    let far = app
        .admin(
            CREATE_AVAILABILITY,
            json!({ "input": { "specialtyId": c.specialty, "locationId": c.location,
                               "day": ahead(1200).to_string(), "startTime": "08:00",
                               "endTime": "09:00", "slotMinutes": 30 } }),
        )
        .await;
    assert_eq!(
        codes(&far["data"]["createAvailability"]),
        vec!["INVALID_RANGE"],
        "{far}"
    );
    let control = book(&app, &patient, &c.slot(0), Some("AUT\u{7}1")).await;
    assert_eq!(codes(&control), vec!["INVALID_FORMAT"], "{control}");
    assert_eq!(app.sql_count("SELECT count(*) FROM appointments").await, 0);
    assert_eq!(
        app.sql_count("SELECT count(*) FROM availabilities").await,
        1
    );
}
