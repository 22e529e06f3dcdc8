//! Rows and queries of `patients`.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    dsl::count_star,
    pg::Pg,
    prelude::*,
    sql_types::{Array, BigInt, Bool, Int4, Nullable, Text},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::{
    db::page::{Listing, PageRequest},
    db::{
        SearchTerm,
        plan::{planned_per_run, with_limit},
        schema::{patients, social_works},
        strpos,
    },
    social_works::SocialWork,
    text_enum,
};

text_enum! {
    /// The kind of a patient's identity document: Argentine (DNI, LE, LC), Colombian (CC, TI,
    /// CE), or either (CI, PASSPORT).
    pub enum DocumentType {
        /// Documento Nacional de Identidad (AR).
        Dni => "DNI",
        /// Libreta de Enrolamiento (AR).
        Le => "LE",
        /// Libreta Cívica (AR).
        Lc => "LC",
        /// Cédula de Identidad.
        Ci => "CI",
        /// Passport, of any country.
        Passport => "PASSPORT",
        /// Cédula de Ciudadanía (CO).
        Cc => "CC",
        /// Tarjeta de Identidad (CO).
        Ti => "TI",
        /// Cédula de Extranjería (CO).
        Ce => "CE",
    }
}

text_enum! {
    /// Who registered a patient.
    pub enum PatientOrigin {
        /// Staff, through the API: the social work (and EPS) had to be active.
        Staff => "staff",
        /// An order import, for the affiliate SUAP names; the social work may be one the
        /// clinic marked inactive, since the insurer had already authorized the order.
        SuapImport => "suap",
    }
}

impl DocumentType {
    /// A document type as written (SUAP's open `DocTipo`, a practitioner's form): Unicode
    /// NFKC, spaces collapsed, upper-cased, `PAS` and `PASAPORTE` as `PASSPORT`; `None` for nothing or only
    /// dashes (seed 002's "–": no document). Any other type is kept.
    pub fn normalise_name(text: &str) -> Option<String> {
        use unicode_normalization::UnicodeNormalization;
        // NFKC: a full-width "ＣＵＩＴ" or a decomposed "É" is the type typed plainly.
        let text: String = text.nfkc().collect();
        let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = name.to_uppercase();
        // Every Unicode dash and minus a keyboard or a PDF may give.
        let dash = |c: char| "-‐‑‒–—―−﹘﹣－".contains(c) || c == ' ';
        if name.chars().all(dash) {
            return None;
        }
        Some(match name.as_str() {
            "PAS" | "PASAPORTE" => Self::Passport.as_db().to_owned(),
            _ => name,
        })
    }
}

#[derive(Queryable, QueryableByName, Selectable, Identifiable, Debug, Clone)]
#[diesel(table_name = patients)]
pub struct Patient {
    pub id: i32,
    pub first_name: String,
    pub last_name: String,
    pub document_type: DocumentType,
    pub document_number: String,
    pub birth_date: Option<NaiveDate>,
    pub gender: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub social_work_id: i32,
    pub affiliate_number: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Optional Colombian EPS.
    pub eps_id: Option<i32>,
    pub origin: PatientOrigin,
}

/// Sort key of patient connections: last name, first name, id.
pub type SortKey = (String, String, i32);

impl Patient {
    pub fn sort_key(&self) -> SortKey {
        (self.last_name.clone(), self.first_name.clone(), self.id)
    }
}

/// Serialize: the candidate row `constraints::outcome_with_every_error` checks (column names).
#[derive(Insertable, serde::Serialize)]
#[diesel(table_name = patients)]
pub struct NewPatient {
    pub first_name: String,
    pub last_name: String,
    #[serde(serialize_with = "document_type_text")]
    pub document_type: DocumentType,
    pub document_number: String,
    pub birth_date: Option<NaiveDate>,
    pub gender: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub social_work_id: i32,
    pub affiliate_number: Option<String>,
    pub eps_id: Option<i32>,
}

/// `None` leaves a column as it is; `Some(None)` clears a nullable one.
/// Serialized (set columns only) for `constraints::outcome_with_every_error`.
#[derive(AsChangeset, Default, serde::Serialize)]
#[diesel(table_name = patients)]
pub struct PatientChanges {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "optional_document_type_text"
    )]
    pub document_type: Option<DocumentType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Option<NaiveDate>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub social_work_id: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliate_number: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eps_id: Option<Option<i32>>,
}

fn document_type_text<S: serde::Serializer>(kind: &DocumentType, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.as_db())
}

fn optional_document_type_text<S: serde::Serializer>(
    kind: &Option<DocumentType>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match kind {
        Some(kind) => s.serialize_str(kind.as_db()),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub social_work_id: Option<i32>,
    pub eps_id: Option<i32>,
    /// First name, last name, "first last", "last first", document number or affiliate
    /// number (as typed) contains; as `db::normalise_search` gave it.
    pub search: Option<SearchTerm>,
}

/// Patients with their social work beside them, so that a page can bring both in one
/// statement. PostgreSQL removes the (unique-keyed) left join when no column of it is read,
/// so counts and pages of patients alone pay nothing for it.
type Source = diesel::dsl::LeftJoin<patients::table, social_works::table>;
type Filtered = diesel::dsl::IntoBoxed<'static, Source, Pg>;
type Condition = Box<
    dyn BoxableExpression<
            diesel::helper_types::LeftJoinQuerySource<patients::table, social_works::table>,
            Pg,
            SqlType = Bool,
        >,
>;

/// The ids of the patients a search term finds (names, document, affiliate number), for
/// other tables' searches by patient.
pub fn ids_matching(term: SearchTerm) -> diesel::dsl::Select<Filtered, patients::id> {
    filtered(&Filter {
        search: Some(term),
        ..Filter::default()
    })
    .select(patients::id)
}

fn filtered(filter: &Filter) -> Filtered {
    use patients::*;
    let mut query = table.left_join(social_works::table).into_boxed();
    if let Some(wanted) = filter.social_work_id {
        query = query.filter(social_work_id.eq(wanted));
    }
    if let Some(wanted) = filter.eps_id {
        query = query.filter(eps_id.eq(wanted));
    }
    if let Some(term) = &filter.search {
        // Each side is a stored, trigram-indexed column (migration 000021): `LIKE '%term%'`
        // is answered by GIN, where `strpos` alone read every row.
        let by_name = name_matches(term);
        // A term with no letter or digit has an empty key, which every number would contain.
        // Document numbers are stored as their key already (migration 000013).
        query = if term.key.is_empty() {
            query.filter(planned_per_run(by_name))
        } else {
            query.filter(planned_per_run(
                by_name
                    .or(document_number.like(term.key_anywhere()))
                    .or(search_affiliate.like(term.key_anywhere()).assume_not_null()),
            ))
        };
    }
    query
}

/// The names contain the term. A term of several words is found through each word's
/// trigrams ([`SearchTerm::words_anywhere`]), and the whole term is then looked for in the
/// rows they find: the whole term's pattern also gave GIN the trigrams that mark where its
/// words end and start ("ez ", " wa"), among the commonest, and intersecting those long
/// lists cost 40% more (at a million patients, 10.6 ms for "perez walter"'s 651 matches
/// against 6.2 ms for "perez" and "walter").
fn name_matches(term: &SearchTerm) -> Condition {
    use patients::search_name;
    let words = term.words_anywhere();
    if words.is_empty() {
        return Box::new(search_name.like(term.text_anywhere()));
    }
    let whole: Condition = Box::new(strpos(search_name, term.text.clone()).gt(0));
    words.into_iter().fold(whole, |found, word| {
        Box::new(search_name.like(word).and(found))
    })
}

/// The filtered rows of one page, in query order, before choosing what to read of them and
/// adding the limit.
fn paged(filter: &Filter, page: &PageRequest<SortKey>) -> Filtered {
    use patients::{first_name, id, last_name};
    if filter.search.is_none() {
        // The (last_name, first_name, id) index answers the row comparison and the order.
        return crate::keyset!(filtered(filter), (last_name, first_name, id), page);
    }
    // A search's page sorts its matches instead: `last_name || ''` orders the same, but no
    // index serves it, so PostgreSQL cannot walk the name order filtering every row until
    // the page is full. That walk looks cheap to the planner and is not when the matches sit
    // late in the alphabet or are few: 2.6 s for "gonzalez ana" at a million patients
    // (416,667 rows read), where finding the matches through the trigram indexes and sorting
    // them costs what counting them costs.
    crate::keyset!(
        filtered(filter),
        (last_name.concat(""), first_name, id),
        page
    )
}

crate::counted_by!(Filter, filtered);

/// Patients by last name, first name, then id.
impl Listing for Filter {
    type Row = Patient;
    type Key = SortKey;
    async fn page(
        &self,
        conn: &mut AsyncPgConnection,
        page: &PageRequest<SortKey>,
    ) -> QueryResult<Vec<Patient>> {
        let select = paged(self, page).select(Patient::as_select());
        with_limit(select, page.limit()).load(conn).await
    }
}

/// [`Listing::page`] with each patient's social work, in the same statement.
pub async fn page_with_social_works(
    conn: &mut AsyncPgConnection,
    filter: &Filter,
    page: &PageRequest<SortKey>,
) -> QueryResult<Vec<(Patient, Option<SocialWork>)>> {
    let selection = (Patient::as_select(), Option::<SocialWork>::as_select());
    with_limit(paged(filter, page).select(selection), page.limit())
        .load(conn)
        .await
}

/// A search's first page with its social works, and the number of all its matches. A
/// search's page reads and sorts every match anyway (see [`paged`]), so it counts them in the
/// same pass (`count(*) OVER ()`), where a count of its own found and read them all again (at
/// a million patients, half of what the search box waits for at each keystroke). That pass
/// keeps only each match's id and sort key (a window holds every row it counts, and whole
/// rows spilled to disk); the page's rows then come by id. Only a first page: after a
/// cursor, the pass no longer sees the matches before it.
pub async fn first_search_page_counted(
    conn: &mut AsyncPgConnection,
    filter: &Filter,
    page: &PageRequest<SortKey>,
) -> QueryResult<(Vec<(Patient, Option<SocialWork>)>, i64)> {
    debug_assert!(filter.search.is_some() && page.after.is_none() && page.before.is_none());
    let counted = (patients::id, diesel::dsl::sql::<BigInt>("count(*) OVER ()"));
    let found: Vec<(i32, i64)> = with_limit(paged(filter, page).select(counted), page.limit())
        .load(conn)
        .await?;
    let total = found.as_slice().first().map_or(0, |(_, total)| *total);
    let ids: Vec<i32> = found.into_iter().map(|(id, _)| id).collect();
    if ids.is_empty() {
        return Ok((vec![], total));
    }
    let mut rows: Vec<(Patient, Option<SocialWork>)> = patients::table
        .left_join(social_works::table)
        .filter(patients::id.eq_any(&ids))
        .select((Patient::as_select(), Option::<SocialWork>::as_select()))
        .load(conn)
        .await?;
    // In the page's order: each id's place among those the pass found.
    rows.sort_by_key(|(patient, _)| ids.iter().position(|id| *id == patient.id));
    Ok((rows, total))
}

/// The same page of patients for each of several social works, in one statement: each social
/// work's page is read from its own place in the (social work, name order) index, up to the
/// page's limit (a numbering of every social work's rows read them all, 50,000 rows for 25
/// pages of 21).
pub async fn pages_by_social_work(
    conn: &mut AsyncPgConnection,
    social_work_ids: &[i32],
    page: &PageRequest<SortKey>,
) -> QueryResult<HashMap<i32, Vec<Patient>>> {
    let direction = if page.backward { "DESC" } else { "ASC" };
    let (after, before) = (page.after.clone(), page.before.clone());
    let query = diesel::sql_query(format!(
        "SELECT page.* FROM unnest($1::int[]) AS wanted(social_work_id)
         CROSS JOIN LATERAL (
             SELECT p.* FROM patients p
              WHERE p.social_work_id = wanted.social_work_id
                AND ($2::text IS NULL OR (p.last_name, p.first_name, p.id) > ($2, $3, $4))
                AND ($5::text IS NULL OR (p.last_name, p.first_name, p.id) < ($5, $6, $7))
              ORDER BY p.last_name {direction}, p.first_name {direction}, p.id {direction}
              LIMIT $8
         ) AS page
         ORDER BY page.social_work_id, page.last_name {direction}, page.first_name {direction},
                  page.id {direction}"
    ))
    .bind::<Array<Int4>, _>(social_work_ids)
    .bind::<Nullable<Text>, _>(after.as_ref().map(|k| k.0.clone()))
    .bind::<Nullable<Text>, _>(after.as_ref().map(|k| k.1.clone()))
    .bind::<Nullable<Int4>, _>(after.as_ref().map(|k| k.2))
    .bind::<Nullable<Text>, _>(before.as_ref().map(|k| k.0.clone()))
    .bind::<Nullable<Text>, _>(before.as_ref().map(|k| k.1.clone()))
    .bind::<Nullable<Int4>, _>(before.as_ref().map(|k| k.2))
    .bind::<BigInt, _>(page.limit());
    let rows: Vec<Patient> = query.load(conn).await?;
    Ok(crate::db::grouped(rows, |row| row.social_work_id))
}

pub async fn counts_by_social_work(
    conn: &mut AsyncPgConnection,
    social_work_ids: &[i32],
) -> QueryResult<Vec<(i32, i64)>> {
    patients::table
        .filter(patients::social_work_id.eq_any(social_work_ids))
        .group_by(patients::social_work_id)
        .select((patients::social_work_id, count_star()))
        .load(conn)
        .await
}

crate::row_statements!(patients, Patient, NewPatient, PatientChanges);
