//! How a practitioner another system names (a SUAP provider or prescriber) is found among ours,
//! or registered: the statements the import runs against `practitioners`.

use diesel::{OptionalExtension, prelude::*};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::{
    document_key, name_key,
    schema::practitioners as pr,
    suap_tokens::{self, Holder},
};

/// A practitioner as SUAP sends one.
pub struct Sighting<'a> {
    /// The social work's id and SUAP's token of the practitioner in that convenio.
    pub suap_token: Option<(i32, &'a str)>,
    pub full_name: &'a str,
    /// Type (as SUAP gave it) and number.
    pub document: Option<(&'a str, &'a str)>,
    pub provincial_license: Option<&'a str>,
    pub national_license: Option<&'a str>,
}

impl Sighting<'_> {
    fn name_only(&self) -> bool {
        self.provincial_license.is_none()
            && self.national_license.is_none()
            && self.document.is_none()
    }
}

/// The practitioner SUAP's token names, else the provincial licence, the national licence or
/// the document; one known by name alone is the name-only practitioner of that name, so that
/// importing the same document again finds the one it registered.
pub async fn find(conn: &mut AsyncPgConnection, who: &Sighting<'_>) -> QueryResult<Option<i32>> {
    if let Some(token) = who.suap_token
        && let Some(id) = suap_tokens::holder_of(conn, Holder::Practitioner, token).await?
    {
        return Ok(Some(id));
    }
    let query = || pr::table.select(pr::id).into_boxed();
    if let Some(license) = who.provincial_license {
        let found = query().filter(pr::provincial_license.eq(license));
        if let Some(id) = found.first(conn).await.optional()? {
            return Ok(Some(id));
        }
    }
    if let Some(license) = who.national_license {
        let found = query().filter(pr::national_license.eq(license));
        if let Some(id) = found.first(conn).await.optional()? {
            return Ok(Some(id));
        }
    }
    if let Some((kind, number)) = who.document {
        let found = query()
            .filter(pr::document_type.eq(kind))
            .filter(pr::document_number.eq(document_key(number).nullable()));
        return found.first(conn).await.optional();
    }
    if !who.name_only() {
        return Ok(None);
    }
    query()
        .filter(name_key(pr::full_name).eq(name_key(who.full_name)))
        .filter(pr::provincial_license.is_null())
        .filter(pr::national_license.is_null())
        .filter(pr::document_number.is_null())
        .order(pr::id)
        .first(conn)
        .await
        .optional()
}

/// Registers the practitioner as SUAP sends it.
pub async fn register(conn: &mut AsyncPgConnection, who: &Sighting<'_>) -> QueryResult<i32> {
    diesel::insert_into(pr::table)
        .values((
            pr::full_name.eq(who.full_name),
            pr::document_type.eq(who.document.map(|d| d.0)),
            pr::document_number.eq(who.document.map(|d| d.1)),
            pr::provincial_license.eq(who.provincial_license),
            pr::national_license.eq(who.national_license),
        ))
        .returning(pr::id)
        .get_result(conn)
        .await
}
