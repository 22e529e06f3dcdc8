//! Rows and queries of practitioners. Uniqueness is the import's way of finding them: each
//! licence, and the document (type and number, stored normalised), is unique.

use chrono::{DateTime, Utc};
use diesel::{pg::Pg, prelude::*};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::{
    SearchTerm, affiliate_key,
    page::{Listing, PageRequest},
    schema::practitioners,
    search_text, strpos,
};

/// A provider (prestador) or prescriber (prescriptor) of orders, a person or a company: as
/// SUAP names them, or as staff registered them. Imports find them again by SUAP's token, a
/// licence or the document.
// Its plain fields are the GraphQL type's; `id`, `databaseId` and the times are in
// `graphql.rs`.
#[derive(Queryable, Selectable, Identifiable, Debug, Clone, async_graphql::SimpleObject)]
#[diesel(table_name = practitioners)]
#[graphql(complex)]
pub struct Practitioner {
    #[graphql(skip)]
    pub id: i32,
    /// As SUAP or staff wrote it ("RUIZ, ESTEBAN", "LABORATORIO CENTRAL SRL").
    pub full_name: String,
    /// As SUAP or staff gave it, upper-cased: "DNI", "LE", "CUIT", "CUIL"… (open). Null when
    /// the practitioner is known by licence or name only.
    pub document_type: Option<String>,
    /// Stored normalised: upper-cased, without dots, dashes, slashes or spaces.
    pub document_number: Option<String>,
    /// Matrícula provincial, unique.
    pub provincial_license: Option<String>,
    /// Matrícula nacional, unique.
    pub national_license: Option<String>,
    #[graphql(skip)]
    pub created_at: DateTime<Utc>,
    #[graphql(skip)]
    pub updated_at: DateTime<Utc>,
}

/// A practitioner's sort key: name, then id.
pub type SortKey = (String, i32);

impl Practitioner {
    pub fn sort_key(&self) -> SortKey {
        (self.full_name.clone(), self.id)
    }
}

/// Serialized (set columns only) for `constraints::outcome_with_every_error`.
#[derive(Insertable, Debug, Clone, serde::Serialize)]
#[diesel(table_name = practitioners)]
pub struct NewPractitioner {
    pub full_name: String,
    pub document_type: Option<String>,
    pub document_number: Option<String>,
    pub provincial_license: Option<String>,
    pub national_license: Option<String>,
}

/// `None` leaves a column as it is; `Some(None)` clears it.
#[derive(AsChangeset, Default, serde::Serialize)]
#[diesel(table_name = practitioners)]
pub struct PractitionerChanges {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_type: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_number: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provincial_license: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub national_license: Option<Option<String>>,
}

crate::row_statements!(
    practitioners,
    Practitioner,
    NewPractitioner,
    PractitionerChanges
);

#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Name, licence or document contains, as typed.
    pub search: Option<SearchTerm>,
}

fn filtered(filter: &Filter) -> practitioners::BoxedQuery<'static, Pg> {
    use practitioners as p;
    let mut query = p::table.into_boxed();
    if let Some(SearchTerm { text, key }) = filter.search.clone() {
        let by_name = strpos(search_text(p::full_name), text).gt(0);
        // A term with no letter or digit matches no licence or document.
        query = if key.is_empty() {
            query.filter(by_name)
        } else {
            macro_rules! contains {
                ($column:expr) => {
                    strpos(affiliate_key($column.assume_not_null()), key.clone())
                        .gt(0)
                        .nullable()
                };
            }
            query.filter(
                by_name
                    .nullable()
                    .or(contains!(p::provincial_license))
                    .or(contains!(p::national_license))
                    .or(contains!(p::document_number)),
            )
        };
    }
    query
}

crate::counted_by!(Filter, filtered);

/// Practitioners by name, then id.
impl Listing for Filter {
    type Row = Practitioner;
    type Key = SortKey;
    async fn page(
        &self,
        conn: &mut AsyncPgConnection,
        page: &PageRequest<SortKey>,
    ) -> QueryResult<Vec<Practitioner>> {
        use practitioners::{full_name, id};
        let select = Practitioner::as_select();
        crate::page_of!(filtered(self), (full_name, id), page, select)
            .load(conn)
            .await
    }
}
