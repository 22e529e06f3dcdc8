//! Demo data: the social works the seeds name, a few dozen patients and one user per role.
//! Loaded automatically into an empty database at start, or by `clinic seed`; idempotent.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::{dsl::count_star, prelude::*};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::{
    auth::{Role, hash_password},
    db::schema::{patients, social_works, users},
    patients::{DocumentType, model::NewPatient},
    social_works::{SocialWorkState, model::NewSocialWork},
};

/// Password of the demo users `admin`, `staff` and `viewer`. Demo databases only.
pub const DEMO_PASSWORD: &str = "clinica-demo";

/// (name, code, address, phone, webpage, biochemical unit value, state)
const SOCIAL_WORKS: &[(&str, Option<&str>, &str, &str, &str, Option<&str>, SocialWorkState)] = &[
    ("OSDE", Some("OS5"), "Av. Corrientes 1234, CABA", "+54 11 4567-8900", "https://www.osde.com.ar", Some("1.85"), SocialWorkState::Active),
    ("Swiss Medical", Some("OS180"), "Av. Libertador 5678, CABA", "+54 11 5555-1234", "https://www.swissmedical.com.ar", Some("1.92"), SocialWorkState::Active),
    ("OSECAC", None, "Moreno 646, CABA", "+54 11 4343-3030", "https://www.osecac.org.ar", None, SocialWorkState::Active),
    ("IOMA", None, "Calle 46 N° 886, La Plata", "0800-222-4662", "https://www.ioma.gba.gov.ar", None, SocialWorkState::Inactive),
    ("PAMI", Some("OS3"), "Perú 169, CABA", "+54 11 4959-6000", "https://www.pami.org.ar", Some("1.10"), SocialWorkState::Active),
    ("Medicus", Some("OS290"), "Av. del Libertador 6810, CABA", "+54 11 4000-7500", "https://www.medicus.com.ar", Some("1.88"), SocialWorkState::Active),
    ("Galeno", Some("OS220"), "Av. Córdoba 1351, CABA", "+54 11 4800-4000", "https://www.e-galeno.com.ar", Some("1.80"), SocialWorkState::Active),
    ("OSPE", Some("OS190"), "Av. Independencia 2845, CABA", "+54 11 4932-1500", "https://www.ospe.org.ar", Some("1.35"), SocialWorkState::Active),
    ("OSDEPYM", Some("OS300"), "Bernardo de Irigoyen 330, CABA", "+54 11 5031-4700", "https://www.osdepym.com.ar", Some("1.40"), SocialWorkState::Active),
];

const FIRST_NAMES: &[&str] = &[
    "María", "Juan", "Lucía", "Martín", "Sofía", "Diego", "Valentina", "Joaquín", "Camila", "Tomás",
    "Julieta", "Nicolás",
];
const LAST_NAMES: &[&str] = &["González", "Rodríguez", "Fernández", "López", "Martínez", "Pérez", "Gómez", "Díaz", "Sánchez", "Romero", "Álvarez", "Ruiz"];

/// True when the database holds no social works and no users: a fresh install.
pub async fn is_empty(conn: &mut AsyncPgConnection) -> QueryResult<bool> {
    let social_works: i64 = social_works::table.select(count_star()).get_result(conn).await?;
    let users: i64 = users::table.select(count_star()).get_result(conn).await?;
    Ok(social_works == 0 && users == 0)
}

/// Inserts whatever of the demo data is missing, in one transaction.
pub async fn load(conn: &mut AsyncPgConnection) -> QueryResult<()> {
    let hash = hash_password(DEMO_PASSWORD).map_err(|e| diesel::result::Error::QueryBuilderError(e.to_string().into()))?;
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
            for (name, code, address, phone, webpage, unit, state) in SOCIAL_WORKS {
                let new = NewSocialWork {
                    name: (*name).into(),
                    address: (*address).into(),
                    phone: (*phone).into(),
                    webpage: (*webpage).into(),
                    code: code.map(Into::into),
                    biochemical_unit_value: unit.map(|u| u.parse::<BigDecimal>().expect("valid decimal")),
                };
                diesel::insert_into(social_works::table)
                    .values((&new, social_works::state.eq(state)))
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
            let patients: Vec<NewPatient> = (0..36).map(|i| demo_patient(i, &active)).collect();
            diesel::insert_into(patients::table)
                .values(&patients)
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
            Ok(())
    })
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
        birth_date: NaiveDate::from_ymd_opt(1940 + (i * 13 % 80) as i32, 1 + (i % 12) as u32, 1 + (i * 5 % 28) as u32),
        gender: Some(if i % 2 == 0 { "F" } else { "M" }.into()),
        email: Some(format!(
            "{}.{}{}@example.com",
            ascii(first),
            ascii(last),
            i
        )),
        phone: Some(format!("+54 11 4{:03}-{:04}", i * 37 % 1000, i * 451 % 10000)),
        address: Some(format!("Calle {} {}, CABA", 100 + i, 1000 + i * 17)),
        social_work_id: social_works[i % social_works.len()],
        affiliate_number: Some(format!("{:08}", 10_000_000 + i * 7919)),
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
