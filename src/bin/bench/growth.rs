//! (i): what one person waits for as the registry grows. Each row is one user (one
//! connection, closed loop) on a screen's request; run at `--patients 20000` and at
//! `--patients 1000000`, their p99 says whether the answer stays fast as the data grows.

use clinic::graphql::ids::global_id;

use super::{BILLING_SUMMARY, Body, ORDER_PAGE, Scenario, Server, body, month, pick};

/// The name lists of `bench/data.sql` (a test checks that these are its lists).
const FIRST: [&str; 64] = [
    "Ana",
    "Juan",
    "María",
    "Carlos",
    "Lucía",
    "Jorge",
    "Sofía",
    "Diego",
    "Valentina",
    "Martín",
    "Camila",
    "Pablo",
    "Julieta",
    "Tomás",
    "Florencia",
    "Nicolás",
    "Agustina",
    "Santiago",
    "Micaela",
    "Facundo",
    "Gabriela",
    "Federico",
    "Paula",
    "Joaquín",
    "Romina",
    "Matías",
    "Carolina",
    "Sebastián",
    "Daniela",
    "Alejandro",
    "Natalia",
    "Gonzalo",
    "Victoria",
    "Ezequiel",
    "Laura",
    "Ignacio",
    "Rocío",
    "Leandro",
    "Antonella",
    "Marcelo",
    "Belén",
    "Ricardo",
    "Silvia",
    "Gustavo",
    "Graciela",
    "Héctor",
    "Mónica",
    "Roberto",
    "Beatriz",
    "Fernando",
    "Cecilia",
    "Rodrigo",
    "Verónica",
    "Hernán",
    "Patricia",
    "Esteban",
    "Claudia",
    "Emiliano",
    "Lorena",
    "Raúl",
    "Noelia",
    "Damián",
    "Susana",
    "Walter",
];
const LAST: [&str; 24] = [
    "González",
    "Rodríguez",
    "Gómez",
    "Fernández",
    "López",
    "Díaz",
    "Martínez",
    "Pérez",
    "García",
    "Sánchez",
    "Romero",
    "Sosa",
    "Álvarez",
    "Torres",
    "Ruiz",
    "Ramírez",
    "Flores",
    "Acosta",
    "Benítez",
    "Medina",
    "Suárez",
    "Herrera",
    "Aguirre",
    "Giménez",
];

/// Patient n's name as `bench/data.sql` gives it, surname first.
fn last_first(n: usize) -> String {
    format!("{} {}", LAST[(n * 7) % 24], FIRST[(n + 29 * (n / 24)) % 64])
}

/// A patients page with its count, as the search screen asks at each keystroke.
const SEARCH: &str = "query($s: String) { patients(first: 20, filter: {search: $s}) {
  totalCount nodes { id fullName documentNumber socialWork { name } } } }";

/// Target p99, in milliseconds, for a single user at a million patients.
const P99_TARGET: f64 = 20.0;

pub(super) fn scenarios(patients: u32) -> Vec<Scenario> {
    let patients = u64::from(patients);
    // An existing patient, spread over the table.
    let patient = move |n: u64| pick(n, 7919, patients) as usize;
    let one_user = |name: &'static str, body: Body| Scenario {
        server: Server::Service,
        refusals: &[],
        connections: Some(1),
        path: "/graphql",
        name,
        ceiling: None,
        p99_target: Some(P99_TARGET),
        ratio_target: None,
        body,
    };
    vec![
        one_user(
            "(i) one user: page of 20 patients",
            body(
                "{ patients(first: 20) { nodes { id fullName documentNumber socialWork { name } } } }",
                |_| serde_json::json!({}),
            ),
        ),
        // "Last name first name" as typed: one patient in 1,536, about 650 at a million.
        one_user(
            "(i) one user: search by name, page + totalCount",
            body(
                SEARCH,
                move |n| serde_json::json!({ "s": last_first(patient(n)) }),
            ),
        ),
        // Only a surname: one patient in 24, the search's widest common case.
        one_user(
            "(i) one user: search by surname only, page + totalCount",
            body(
                SEARCH,
                move |n| serde_json::json!({ "s": LAST[n as usize % 24] }),
            ),
        ),
        // The first seven digits of a document: up to ten patients.
        one_user(
            "(i) one user: search by document, page + totalCount",
            body(SEARCH, move |n| {
                let document = (20_000_000 + patient(n)).to_string();
                serde_json::json!({ "s": &document[..7] })
            }),
        ),
        one_user(
            "(i) one user: totalCount of one social work's patients",
            body(
                "query($sw: ID!) { patients(filter: {socialWorkId: $sw}) { totalCount } }",
                |n| serde_json::json!({ "sw": global_id("SocialWork", pick(n, 17, 50)) }),
            ),
        ),
        one_user(
            "(i) one user: page of 50 orders + items",
            body(
                ORDER_PAGE,
                |n| serde_json::json!({ "sw": global_id("SocialWork", pick(n, 17, 50)) }),
            ),
        ),
        one_user(
            "(i) one user: billingSummary for one month",
            body(BILLING_SUMMARY, month),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::{FIRST, LAST};

    const DATA_SQL: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/data.sql"));

    /// The `ARRAY['…', …]` lists of `bench/data.sql`, in order.
    fn data_sql_arrays() -> Vec<Vec<String>> {
        DATA_SQL
            .split("ARRAY[")
            .skip(1)
            .filter_map(|rest| rest.split_once(']').map(|(list, _)| list))
            .filter(|list| list.trim_start().starts_with('\''))
            .map(|list| {
                list.split(',')
                    .map(|name| name.trim().trim_matches('\'').to_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn search_terms_are_built_from_the_names_the_data_set_gives() {
        let arrays = data_sql_arrays();
        assert!(
            arrays.contains(&FIRST.map(str::to_owned).to_vec()),
            "{arrays:?}"
        );
        assert!(
            arrays.contains(&LAST.map(str::to_owned).to_vec()),
            "{arrays:?}"
        );
        // And which of them patient n gets, as `last_first` picks them.
        assert!(DATA_SQL.contains("[1 + (n + 29 * (n / 24)) % 64]"));
        assert!(DATA_SQL.contains("[1 + (n * 7) % 24]"));
    }
}
