//! Rows and queries of `eps`, `specialties` and `locations`: three named, activatable
//! catalogues that page, filter and write the same way, so one macro writes their queries.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

/// Sort key of catalogue connections: name, then id.
pub type SortKey = (String, i32);

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub active: Option<bool>,
    /// Name contains, ignoring case and accents.
    pub search: Option<String>,
}

#[derive(Queryable, Selectable, Identifiable, Debug, Clone)]
#[diesel(table_name = crate::db::schema::eps)]
pub struct Eps {
    pub id: i32,
    pub name: String,
    pub code: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Insertable, AsChangeset, Default, serde::Serialize)]
#[diesel(table_name = crate::db::schema::eps)]
pub struct EpsChanges {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

#[derive(Queryable, Selectable, Identifiable, Debug, Clone)]
#[diesel(table_name = crate::db::schema::specialties)]
pub struct Specialty {
    pub id: i32,
    pub name: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Insertable, AsChangeset, Default, serde::Serialize)]
#[diesel(table_name = crate::db::schema::specialties)]
pub struct SpecialtyChanges {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

#[derive(Queryable, Selectable, Identifiable, Debug, Clone)]
#[diesel(table_name = crate::db::schema::locations)]
pub struct Location {
    pub id: i32,
    pub name: String,
    pub address: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Insertable, AsChangeset, Default, serde::Serialize)]
#[diesel(table_name = crate::db::schema::locations)]
pub struct LocationChanges {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// Paging and counting (`Listed`), `insert`, `update` and `delete` for one catalogue table, in a module of
/// the table's name. The same struct serves insert (omitted columns take their defaults;
/// `id` only for demo data with fixed ids) and update (omitted columns stay).
macro_rules! catalog_queries {
    ($table:ident, $row:ident, $changes:ident) => {
        impl $row {
            pub fn sort_key(&self) -> SortKey {
                (self.name.clone(), self.id)
            }
        }

        pub mod $table {
            use diesel::{pg::Pg, prelude::*};
            use diesel_async::{AsyncPgConnection, RunQueryDsl};

            use super::{Filter, SortKey, $changes, $row};
            use crate::{
                db::page::{Listing, PageRequest},
                db::{schema::$table, search_text, strpos},
            };

            fn filtered(filter: &Filter) -> $table::BoxedQuery<'static, Pg> {
                let mut query = $table::table.into_boxed();
                if let Some(active) = filter.active {
                    query = query.filter($table::active.eq(active));
                }
                if let Some(term) = filter.search.as_deref() {
                    query = query.filter(strpos(search_text($table::name), term.to_owned()).gt(0));
                }
                query
            }

            /// The catalogue's rows by name, then id.
            pub struct Listed(pub Filter);

            $crate::counted_by!(Listed, |listed: &Listed| filtered(&listed.0));

            impl Listing for Listed {
                type Row = $row;
                type Key = SortKey;
                async fn page(
                    &self,
                    conn: &mut AsyncPgConnection,
                    page: &PageRequest<SortKey>,
                ) -> QueryResult<Vec<$row>> {
                    use $table::{id, name};
                    $crate::page_of!(filtered(&self.0), (name, id), page, $row::as_select())
                        .load(conn)
                        .await
                }
            }

            $crate::row_statements!($table, $row, $changes, $changes, delete);
        }
    };
}

catalog_queries!(eps, Eps, EpsChanges);
catalog_queries!(specialties, Specialty, SpecialtyChanges);
catalog_queries!(locations, Location, LocationChanges);
