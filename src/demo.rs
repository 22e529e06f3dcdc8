//! Demo data: the social works the seeds name, a few dozen patients, one user per role, and
//! seed 001's EPS, specialties, sites and ten authorizations (with the seed's ids), and a few
//! dozen orders in every SUAP state, some drafts and cancellations, consumed in recent months,
//! and two weeks of availability blocks for booking.
//! Loaded automatically into an empty database at start, or by `clinic seed`; idempotent.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::{dsl::count_star, prelude::*};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};

use crate::{
    auth::{Role, hash_password},
    db::schema::{patients, social_works, users},
    graphql::ids::global_id,
    patients::{DocumentType, model::NewPatient},
    social_works::{SocialWorkState, model::NewSocialWork},
};

/// Password of the demo users `admin`, `staff` and `viewer`. Demo databases only.
pub const DEMO_PASSWORD: &str = "clinica-demo";

struct DemoSocialWork {
    name: &'static str,
    /// SUAP convenio token, where seed 002 lists one.
    code: Option<&'static str>,
    address: &'static str,
    phone: &'static str,
    webpage: &'static str,
    biochemical_unit_value: Option<&'static str>,
    state: SocialWorkState,
}

const SOCIAL_WORKS: &[DemoSocialWork] = &[
    DemoSocialWork {
        name: "OSDE",
        code: Some("OS5"),
        address: "Av. Corrientes 1234, CABA",
        phone: "+54 11 4567-8900",
        webpage: "https://www.osde.com.ar",
        biochemical_unit_value: Some("1.85"),
        state: SocialWorkState::Active,
    },
    DemoSocialWork {
        name: "Swiss Medical",
        code: Some("OS180"),
        address: "Av. Libertador 5678, CABA",
        phone: "+54 11 5555-1234",
        webpage: "https://www.swissmedical.com.ar",
        biochemical_unit_value: Some("1.92"),
        state: SocialWorkState::Active,
    },
    DemoSocialWork {
        name: "OSECAC",
        code: None,
        address: "Moreno 646, CABA",
        phone: "+54 11 4343-3030",
        webpage: "https://www.osecac.org.ar",
        biochemical_unit_value: None,
        state: SocialWorkState::Active,
    },
    DemoSocialWork {
        name: "IOMA",
        code: None,
        address: "Calle 46 N° 886, La Plata",
        phone: "0800-222-4662",
        webpage: "https://www.ioma.gba.gov.ar",
        biochemical_unit_value: None,
        state: SocialWorkState::Inactive,
    },
    DemoSocialWork {
        name: "PAMI",
        code: Some("OS3"),
        address: "Perú 169, CABA",
        phone: "+54 11 4959-6000",
        webpage: "https://www.pami.org.ar",
        biochemical_unit_value: Some("1.10"),
        state: SocialWorkState::Active,
    },
    DemoSocialWork {
        name: "Medicus",
        code: Some("OS290"),
        address: "Av. del Libertador 6810, CABA",
        phone: "+54 11 4000-7500",
        webpage: "https://www.medicus.com.ar",
        biochemical_unit_value: Some("1.88"),
        state: SocialWorkState::Active,
    },
    DemoSocialWork {
        name: "Galeno",
        code: Some("OS220"),
        address: "Av. Córdoba 1351, CABA",
        phone: "+54 11 4800-4000",
        webpage: "https://www.e-galeno.com.ar",
        biochemical_unit_value: Some("1.80"),
        state: SocialWorkState::Active,
    },
    DemoSocialWork {
        name: "OSPE",
        code: Some("OS190"),
        address: "Av. Independencia 2845, CABA",
        phone: "+54 11 4932-1500",
        webpage: "https://www.ospe.org.ar",
        biochemical_unit_value: Some("1.35"),
        state: SocialWorkState::Active,
    },
    DemoSocialWork {
        name: "OSDEPYM",
        code: Some("OS300"),
        address: "Bernardo de Irigoyen 330, CABA",
        phone: "+54 11 5031-4700",
        webpage: "https://www.osdepym.com.ar",
        biochemical_unit_value: Some("1.40"),
        state: SocialWorkState::Active,
    },
];

const FIRST_NAMES: &[&str] = &[
    "María",
    "Juan",
    "Lucía",
    "Martín",
    "Sofía",
    "Diego",
    "Valentina",
    "Joaquín",
    "Camila",
    "Tomás",
    "Julieta",
    "Nicolás",
];
const LAST_NAMES: &[&str] = &[
    "González",
    "Rodríguez",
    "Fernández",
    "López",
    "Martínez",
    "Pérez",
    "Gómez",
    "Díaz",
    "Sánchez",
    "Romero",
    "Álvarez",
    "Ruiz",
];

/// True when the database holds no social works and no users: a fresh install.
pub async fn is_empty(conn: &mut AsyncPgConnection) -> QueryResult<bool> {
    let social_works: i64 = social_works::table
        .select(count_star())
        .get_result(conn)
        .await?;
    let users: i64 = users::table.select(count_star()).get_result(conn).await?;
    Ok(social_works == 0 && users == 0)
}

/// Inserts whatever of the demo data is missing, in one transaction.
pub async fn load(conn: &mut AsyncPgConnection) -> QueryResult<()> {
    let hash = hash_password(DEMO_PASSWORD)
        .map_err(|e| diesel::result::Error::QueryBuilderError(e.to_string().into()))?;
    conn.transaction(async |conn| {
        for role in [Role::Admin, Role::Staff, Role::Viewer] {
            diesel::insert_into(users::table)
                .values((
                    users::username.eq(role.as_db().to_lowercase()),
                    users::password_hash.eq(&hash),
                    users::role.eq(role),
                ))
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
        }
        for demo in SOCIAL_WORKS {
            let new = NewSocialWork {
                name: demo.name.into(),
                address: demo.address.into(),
                phone: demo.phone.into(),
                webpage: demo.webpage.into(),
                code: demo.code.map(Into::into),
                biochemical_unit_value: demo
                    .biochemical_unit_value
                    .map(|u| u.parse::<BigDecimal>().expect("valid decimal")),
            };
            diesel::insert_into(social_works::table)
                .values((&new, social_works::state.eq(demo.state)))
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
        }
        let active: Vec<i32> = social_works::table
            .filter(social_works::state.eq(SocialWorkState::Active))
            .order(social_works::name)
            .select(social_works::id)
            .load(conn)
            .await?;
        load_authorizations(conn).await?;
        let patients: Vec<NewPatient> = (0..36).map(|i| demo_patient(i, &active)).collect();
        diesel::insert_into(patients::table)
            .values(&patients)
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
        load_orders(conn).await?;
        load_availabilities(conn).await?;
        Ok(())
    })
    .await
}

/// (id, name, code)
const EPS: &[(i32, &str, &str)] = &[
    (12, "FAMISANAR", "2718"),
    (14, "NUEVA EPS", "EPS037"),
    (60, "COOSALUD subsidiado", "ESS024"),
];
/// (id, name)
const SPECIALTIES: &[(i32, &str)] = &[
    (1, "Medicina General"),
    (2, "Pediatría"),
    (3, "Cardiología"),
    (5, "Odontología"),
];
/// (id, name, address)
const LOCATIONS: &[(i32, &str, &str)] = &[
    (1, "Sede San Gil", "Cra. 9 #10-29, San Gil"),
    (3, "Sede Socorro", "Calle 12 #13-31, Socorro"),
];
/// One of seed 001's agreements, with the booking terms the demo gives it.
struct DemoAgreement {
    eps: i32,
    specialty: i32,
    location: i32,
    notes: &'static str,
    /// Monthly quota; None: unlimited.
    quota: Option<i32>,
    copay: Option<&'static str>,
    prior_authorization: bool,
}

const fn agreement(eps: i32, specialty: i32, location: i32, notes: &'static str) -> DemoAgreement {
    DemoAgreement {
        eps,
        specialty,
        location,
        notes,
        quota: None,
        copay: None,
        prior_authorization: false,
    }
}

/// Seed 001's ten agreements, all in force since 2024-01-01. Pediatría for NUEVA EPS has a
/// quota of 2 a month and a copay (README's booking example runs out of it); Cardiología in
/// Socorro asks for prior authorization.
const AUTHORIZATIONS: &[DemoAgreement] = &[
    agreement(12, 3, 1, "Convenio inicial - Cardiología"),
    agreement(12, 5, 1, "Convenio inicial - Odontología"),
    agreement(12, 1, 1, "Convenio inicial"),
    DemoAgreement {
        prior_authorization: true,
        ..agreement(12, 3, 3, "Cardiología en Socorro")
    },
    agreement(12, 5, 3, "Odontología en Socorro"),
    agreement(12, 1, 3, "Medicina General en Socorro"),
    agreement(14, 1, 1, "Medicina General"),
    DemoAgreement {
        quota: Some(2),
        copay: Some("10"),
        ..agreement(14, 2, 1, "Pediatría")
    },
    agreement(60, 1, 1, "Régimen subsidiado"),
    agreement(60, 1, 3, "Régimen subsidiado"),
];

async fn load_authorizations(conn: &mut AsyncPgConnection) -> QueryResult<()> {
    use crate::db::schema::{authorizations as a, eps, locations, specialties};
    for (id, name, code) in EPS {
        diesel::insert_into(eps::table)
            .values((eps::id.eq(id), eps::name.eq(name), eps::code.eq(code)))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    for (id, name) in SPECIALTIES {
        diesel::insert_into(specialties::table)
            .values((specialties::id.eq(id), specialties::name.eq(name)))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    for (id, name, address) in LOCATIONS {
        diesel::insert_into(locations::table)
            .values((
                locations::id.eq(id),
                locations::name.eq(name),
                locations::address.eq(address),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    // Rows were given ids: move each identity past them, or the next insert collides.
    conn.batch_execute(
        "SELECT setval(pg_get_serial_sequence('eps', 'id'), (SELECT max(id) FROM eps));
         SELECT setval(pg_get_serial_sequence('specialties', 'id'), (SELECT max(id) FROM specialties));
         SELECT setval(pg_get_serial_sequence('locations', 'id'), (SELECT max(id) FROM locations));",
    )
    .await?;
    let start = NaiveDate::from_ymd_opt(2024, 1, 1);
    for agreement in AUTHORIZATIONS {
        let copay = agreement
            .copay
            .map(|c| c.parse::<BigDecimal>().expect("demo copay"));
        diesel::insert_into(a::table)
            .values((
                a::eps_id.eq(agreement.eps),
                a::specialty_id.eq(agreement.specialty),
                a::location_id.eq(agreement.location),
                a::authorization_date.eq(start),
                a::notes.eq(agreement.notes),
                a::max_monthly_appointments.eq(agreement.quota),
                a::copay_percentage.eq(copay),
                a::requires_prior_authorization.eq(agreement.prior_authorization),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// A morning block (08:00 to 12:00, 20-minute slots) for every specialty and site with an
/// agreement, on each weekday of the next two weeks that has none yet: enough to try the
/// booking screen (README, "Booking") on a fresh demo database.
async fn load_availabilities(conn: &mut AsyncPgConnection) -> QueryResult<()> {
    conn.batch_execute(
        "INSERT INTO availabilities (specialty_id, location_id, day, start_time, end_time, slot_minutes)
         SELECT pair.specialty_id, pair.location_id, d::date, '08:00', '12:00', 20
           FROM (SELECT DISTINCT specialty_id, location_id FROM authorizations) pair,
                generate_series(current_date + 1, current_date + 14, interval '1 day') d
          WHERE extract(isodow FROM d) < 6
            AND NOT EXISTS (SELECT 1 FROM availabilities v
                             WHERE v.day = d::date AND v.specialty_id = pair.specialty_id
                               AND v.location_id = pair.location_id)
          ORDER BY 3, 1, 2",
    )
    .await
}

/// Three dozen orders over the last ten weeks: every order state (i % 9), items cycling
/// through every item state, every seventh a draft, every eleventh cancelled, and two whose
/// SUAP totals disagree with their items. Loaded only while there are no orders.
async fn load_orders(conn: &mut AsyncPgConnection) -> QueryResult<()> {
    conn.batch_execute(
        "DO $$
         DECLARE
             i integer;
             k integer;
             new_order integer;
             patient record;
             item_states smallint[] := ARRAY[1, 6, 0, 2, 3];
         BEGIN
             IF EXISTS (SELECT FROM orders) THEN
                 RETURN;
             END IF;
             FOR i IN 0..35 LOOP
                 SELECT id, social_work_id INTO patient FROM patients ORDER BY id OFFSET i % 30 LIMIT 1;
                 INSERT INTO orders (suap_token, order_number, branch, performed_on, prescribed_on,
                                     authorized_at, diagnosis_text, authorization_status,
                                     authorization_message, cancelled_by_provider, draft, verified,
                                     affiliate_id, social_work_id)
                 VALUES ('O' || (900000 + i), lpad((1000 + i)::text, 8, '0'), 'Casa central',
                         current_date - (i * 2 + 1), current_date - (i * 2 + 3),
                         (current_date - i * 2)::timestamp + interval '10 hours',
                         'Control', i % 9, 'Estado ' || i % 9, i % 11 = 10, i % 7 = 6, i % 2 = 0,
                         patient.id, patient.social_work_id)
                 RETURNING id INTO new_order;
                 FOR k IN 0..(i % 3) LOOP
                     INSERT INTO order_items (order_id, position, nomenclator_code, nomenclator, name,
                                              authorization_status, total_value, copay_value)
                     VALUES (new_order, k, (660475 + k)::text, 'NBU',
                             (ARRAY['Hemograma', 'Glucemia', 'Uremia'])[k + 1],
                             item_states[(i + k) % 5 + 1], 1500 + 250 * k + i * 10, 150 + 25 * k);
                 END LOOP;
                 PERFORM set_order_totals_from_items(new_order);
             END LOOP;
             -- SUAP sometimes reports totals its items do not add up to.
             UPDATE orders SET total_authorized_value = total_authorized_value + 100
              WHERE suap_token IN ('O900001', 'O900010');
         END $$;",
    )
    .await
}

fn demo_patient(i: usize, social_works: &[i32]) -> NewPatient {
    let first = FIRST_NAMES[i % FIRST_NAMES.len()];
    let last = LAST_NAMES[(i * 7 + i / FIRST_NAMES.len()) % LAST_NAMES.len()];
    let document = 20_000_000 + i * 1_234_567 % 30_000_000;
    NewPatient {
        first_name: first.into(),
        last_name: last.into(),
        document_type: DocumentType::Dni,
        document_number: document.to_string(),
        birth_date: NaiveDate::from_ymd_opt(
            1940 + (i * 13 % 80) as i32,
            1 + (i % 12) as u32,
            1 + (i * 5 % 28) as u32,
        ),
        gender: Some(if i.is_multiple_of(2) { "F" } else { "M" }.into()),
        email: Some(format!("{}.{}{}@example.com", ascii(first), ascii(last), i)),
        phone: Some(format!(
            "+54 11 4{:03}-{:04}",
            i * 37 % 1000,
            i * 451 % 10000
        )),
        address: Some(format!("Calle {} {}, CABA", 100 + i, 1000 + i * 17)),
        social_work_id: social_works[i % social_works.len()],
        affiliate_number: Some(format!("{:08}", 10_000_000 + i * 7919)),
        // Every third patient is also a member of one of the EPS, so that they can be booked.
        eps_id: i.is_multiple_of(3).then(|| EPS[(i / 3) % EPS.len()].0),
    }
}

fn ascii(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'á' | 'Á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The query GraphiQL opens with in demo mode: the booking screen's check, for the first demo
/// agreement (FAMISANAR, Cardiología, Sede San Gil), by its global IDs.
pub fn booking_example() -> String {
    let first = &AUTHORIZATIONS[0];
    let [eps, specialty, location] = [
        global_id("Eps", first.eps),
        global_id("Specialty", first.specialty),
        global_id("Location", first.location),
    ];
    format!(
        r#"# Modo demo: el token de la cuenta admin ya está en Headers (abajo).
# ¿Cubre FAMISANAR Cardiología en la Sede San Gil hoy? Es el control de la pantalla de
# reservas. Ejecutar con el botón ▶ o Ctrl+Enter; Docs (arriba a la izquierda) lista el esquema.
query ControlDeReserva {{
  authorizationCheck(epsId: "{eps}", specialtyId: "{specialty}", locationId: "{location}") {{
    authorized
    reason
    authorization {{
      eps {{ name }}
      specialty {{ name }}
      location {{ name }}
      copayPercentage
      maxMonthlyAppointments
      requiresPriorAuthorization
      expirationDate
    }}
  }}
}}
"#,
        eps = eps.0,
        specialty = specialty.0,
        location = location.0,
    )
}
