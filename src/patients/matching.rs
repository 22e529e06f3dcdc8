//! How an affiliate another system names (SUAP's `afiliado`) is found among our patients, or
//! registered: the statements the import runs against `patients`.

use diesel::{OptionalExtension, prelude::*};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::model::{DocumentType, PatientOrigin};
use crate::db::{
    affiliate_key, document_key, name_key,
    schema::patients as p,
    suap_tokens::{self, Holder},
};

/// An affiliate as SUAP sends one, on the order's social work.
pub struct Sighting<'a> {
    /// The order's social work's id and SUAP's token of the affiliate in that convenio.
    pub suap_token: Option<(i32, &'a str)>,
    pub social_work_id: i32,
    /// "APELLIDO, NOMBRE" or "APELLIDO NOMBRE".
    pub full_name: &'a str,
    /// Only a type the clinic registers patients with identifies one.
    pub document: Option<(DocumentType, &'a str)>,
    pub affiliate_number: Option<&'a str>,
}

/// The patient SUAP's token names in the social work, else the one with the document; for an
/// affiliate with no document the clinic registers, the social work's only affiliate with
/// that affiliate number (separators aside) and surname (case and accents aside).
pub async fn find(conn: &mut AsyncPgConnection, who: &Sighting<'_>) -> QueryResult<Option<i32>> {
    if let Some(token) = who.suap_token
        && let Some(id) = suap_tokens::holder_of(conn, Holder::Patient, token).await?
    {
        return Ok(Some(id));
    }
    if let Some((kind, number)) = who.document {
        return p::table
            .filter(p::document_type.eq(kind))
            .filter(p::document_number.eq(document_key(number)))
            .select(p::id)
            .first(conn)
            .await
            .optional();
    }
    let Some(number) = who.affiliate_number else {
        return Ok(None);
    };
    // A number with letters or digits, and the same surname: a family shares the number's
    // stem, and a number of separators only names nobody.
    let (_, last_name) = split_name(who.full_name);
    let found: Vec<i32> = p::table
        .filter(p::social_work_id.eq(who.social_work_id))
        .filter(affiliate_key(p::affiliate_number.assume_not_null()).eq(affiliate_key(number)))
        .filter(affiliate_key(number).ne(""))
        .filter(name_key(p::last_name).eq(name_key(last_name)))
        .select(p::id)
        .limit(2)
        .load(conn)
        .await?;
    Ok(match found[..] {
        [id] => Some(id),
        _ => None,
    })
}

/// Keeps the affiliate number SUAP sends current (it is the convenio's, and may change).
pub async fn update_affiliate_number(
    conn: &mut AsyncPgConnection,
    id: i32,
    who: &Sighting<'_>,
) -> QueryResult<()> {
    if let Some(number) = who.affiliate_number {
        diesel::update(p::table.find(id))
            .filter(p::affiliate_number.is_distinct_from(number))
            .set(p::affiliate_number.eq(number))
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Registers the affiliate on the order's social work, with their document. The social work
/// may be inactive: the insurer has authorized the order, and "no new patients on an inactive
/// social work" binds staff registering patients, not SUAP's record of what happened.
pub async fn register(
    conn: &mut AsyncPgConnection,
    who: &Sighting<'_>,
    (kind, number): (DocumentType, &str),
) -> QueryResult<i32> {
    let (first_name, last_name) = split_name(who.full_name);
    diesel::insert_into(p::table)
        .values((
            p::first_name.eq(first_name),
            p::last_name.eq(last_name),
            p::document_type.eq(kind),
            p::document_number.eq(number),
            p::social_work_id.eq(who.social_work_id),
            p::affiliate_number.eq(who.affiliate_number),
            p::origin.eq(PatientOrigin::SuapImport),
        ))
        .returning(p::id)
        .get_result(conn)
        .await
}

/// SUAP's NombreCompuesto is "APELLIDO, NOMBRE" or "APELLIDO NOMBRE".
fn split_name(full: &str) -> (String, String) {
    let (last, first) = match full.split_once(',') {
        Some((last, first)) => (last.trim(), first.trim()),
        None => full
            .trim()
            .split_once(' ')
            .map_or((full.trim(), ""), |(l, f)| (l, f.trim())),
    };
    let first = if first.is_empty() { last } else { first };
    (first.to_owned(), last.to_owned())
}

#[cfg(test)]
mod tests {
    use super::split_name;

    #[test]
    fn names() {
        assert_eq!(
            split_name("PEREZ, JUAN CARLOS"),
            ("JUAN CARLOS".into(), "PEREZ".into())
        );
        assert_eq!(split_name("PEREZ JUAN"), ("JUAN".into(), "PEREZ".into()));
        assert_eq!(split_name("PEREZ"), ("PEREZ".into(), "PEREZ".into()));
    }
}
