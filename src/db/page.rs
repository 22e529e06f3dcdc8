//! Keyset paging, written once: validated page arguments with decoded cursors
//! ([`PageRequest`]), the row comparison that finds a page's start ([`RowPast`]), and
//! [`keyset!`](crate::keyset), which narrows, orders and limits any query by any sort key.
//!
//! Cursors are base64url of the row's sort key (JSON), so a page boundary stays put when rows
//! are inserted before it.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::NaiveDate;
use diesel::{
    expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping, is_aggregate},
    pg::Pg,
    query_builder::{AstPass, QueryFragment, QueryId},
    result::QueryResult,
    sql_types::{Bool, Date, Int4, Int8, Text},
};
use diesel_async::AsyncPgConnection;
use serde::{Serialize, de::DeserializeOwned};

use crate::error::{AppError, AppResult};

pub const DEFAULT_PAGE_SIZE: i32 = 20;
pub const MAX_PAGE_SIZE: i32 = 100;

/// Validated paging arguments with decoded cursors of sort key `K`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageRequest<K> {
    pub size: i64,
    pub after: Option<K>,
    pub before: Option<K>,
    /// `last` was given: fetch in reverse order, then flip.
    pub backward: bool,
}

impl<K: DeserializeOwned> PageRequest<K> {
    pub fn new(
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> AppResult<Self> {
        let check = |name: &str, n: i32| {
            if (1..=MAX_PAGE_SIZE).contains(&n) {
                Ok(i64::from(n))
            } else {
                Err(AppError::bad_input(format!(
                    "`{name}` debe estar entre 1 y {MAX_PAGE_SIZE} (se recibió {n})"
                )))
            }
        };
        let (size, backward) = match (first, last) {
            (Some(_), Some(_)) => {
                return Err(AppError::bad_input(
                    "Use `first` o `last`, no ambos a la vez",
                ));
            }
            (Some(n), None) => (check("first", n)?, false),
            (None, Some(n)) => (check("last", n)?, true),
            (None, None) => (i64::from(DEFAULT_PAGE_SIZE), false),
        };
        Ok(Self {
            size,
            after: after.as_deref().map(decode_cursor).transpose()?,
            before: before.as_deref().map(decode_cursor).transpose()?,
            backward,
        })
    }
}

impl<K> PageRequest<K> {
    /// Rows to fetch: one more than the page, to learn whether another page follows.
    pub fn limit(&self) -> i64 {
        self.size + 1
    }
}

/// A filter whose matching rows a connection's `totalCount` counts.
pub trait Counted: Send + Sync + 'static {
    fn count(&self, conn: &mut AsyncPgConnection) -> impl Future<Output = QueryResult<i64>> + Send;
}

/// [`Counted`] for a filter: `count(*)` over the rows the boxed query `$rows(&filter)` selects.
#[macro_export]
macro_rules! counted_by {
    ($filter:ty, $rows:expr) => {
        impl $crate::db::page::Counted for $filter {
            async fn count(
                &self,
                conn: &mut diesel_async::AsyncPgConnection,
            ) -> diesel::QueryResult<i64> {
                use diesel::{QueryDsl, dsl::count_star};
                use diesel_async::RunQueryDsl;
                ($rows)(self).select(count_star()).get_result(conn).await
            }
        }
    };
}

/// A filter that pages its matching rows in its connection's order.
pub trait Listing: Counted {
    type Row: Send;
    type Key: Send + Sync;
    fn page(
        &self,
        conn: &mut AsyncPgConnection,
        page: &PageRequest<Self::Key>,
    ) -> impl Future<Output = QueryResult<Vec<Self::Row>>> + Send;
}

pub fn encode_cursor<K: Serialize>(key: &K) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).expect("sort keys serialize"))
}

pub fn decode_cursor<K: DeserializeOwned>(cursor: &str) -> AppResult<K> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| AppError::bad_input("El cursor no es válido"))
}

/// A sort key whose parts bind as the parameters of a row comparison, in column order.
pub trait SortKey: Clone + Send + Sync + 'static {
    fn bind<'b>(&'b self, out: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()>;
}

impl SortKey for i32 {
    fn bind<'b>(&'b self, out: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_bind_param::<Int4, _>(self)
    }
}

impl SortKey for i64 {
    fn bind<'b>(&'b self, out: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_bind_param::<Int8, _>(self)
    }
}

impl SortKey for (String, i32) {
    fn bind<'b>(&'b self, out: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_bind_param::<Text, _>(&self.0)?;
        out.push_sql(", ");
        out.push_bind_param::<Int4, _>(&self.1)
    }
}

impl SortKey for (String, String, i32) {
    fn bind<'b>(&'b self, out: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_bind_param::<Text, _>(&self.0)?;
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(&self.1)?;
        out.push_sql(", ");
        out.push_bind_param::<Int4, _>(&self.2)
    }
}

impl SortKey for (NaiveDate, i32) {
    fn bind<'b>(&'b self, out: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_bind_param::<Date, _>(&self.0)?;
        out.push_sql(", ");
        out.push_bind_param::<Int4, _>(&self.1)
    }
}

impl SortKey for (chrono::DateTime<chrono::Utc>, i32) {
    fn bind<'b>(&'b self, out: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_bind_param::<diesel::sql_types::Timestamptz, _>(&self.0)?;
        out.push_sql(", ");
        out.push_bind_param::<Int4, _>(&self.1)
    }
}

/// `(c1, c2, id) > ($1, $2, $3)` (or `<`): a row comparison, which PostgreSQL answers from a
/// `(c1, c2, id)` index, as a typed expression rather than an `sql()` fragment so that its
/// statement stays prepared.
pub struct RowPast<C, K> {
    columns: C,
    key: K,
    greater: bool,
}

impl<C, K> RowPast<C, K> {
    /// Rows whose `columns` sort after `key` (`greater`) or before it.
    pub fn new(columns: C, key: K, greater: bool) -> Self {
        Self {
            columns,
            key,
            greater,
        }
    }
}

impl<C, K> Expression for RowPast<C, K> {
    type SqlType = Bool;
}

impl<C: AppearsOnTable<QS>, K, QS> AppearsOnTable<QS> for RowPast<C, K> {}
impl<C: SelectableExpression<QS>, K, QS> SelectableExpression<QS> for RowPast<C, K> {}

impl<C, K> ValidGrouping<()> for RowPast<C, K> {
    type IsAggregate = is_aggregate::Never;
}

impl<C, K> QueryId for RowPast<C, K> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<C: QueryFragment<Pg>, K: SortKey> QueryFragment<Pg> for RowPast<C, K> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("(");
        self.columns.walk_ast(out.reborrow())?;
        out.push_sql(if self.greater { ") > (" } else { ") < (" });
        self.key.bind(&mut out)?;
        out.push_sql(")");
        Ok(())
    }
}

/// A boxed Diesel query narrowed to one page by its sort key `(c1, …, id)` and ordered by it,
/// ascending or `newest_first`: the cursor bounds and the direction. The caller selects and
/// adds [`with_limit`](crate::db::plan::with_limit) with `page.limit()`.
#[macro_export]
macro_rules! keyset {
    ($query:expr, ($($col:expr),+ $(,)?), $page:expr) => {
        $crate::keyset!(@page $query, ($($col),+), $page, false)
    };
    ($query:expr, ($($col:expr),+ $(,)?), $page:expr, newest_first) => {
        $crate::keyset!(@page $query, ($($col),+), $page, true)
    };
    (@page $query:expr, ($($col:expr),+), $page:expr, $newest_first:expr) => {{
        let (mut query, page, newest_first) = ($query, $page, $newest_first);
        if let Some(key) = page.after.clone() {
            query = query.filter($crate::db::page::RowPast::new(($($col,)+), key, !newest_first));
        }
        if let Some(key) = page.before.clone() {
            query = query.filter($crate::db::page::RowPast::new(($($col,)+), key, newest_first));
        }
        if page.backward != newest_first {
            query.order(($($col.desc(),)+))
        } else {
            query.order(($($col.asc(),)+))
        }
    }};
}

/// [`keyset!`] with the selection and the limit: one page of rows.
#[macro_export]
macro_rules! page_of {
    ($query:expr, ($($col:expr),+ $(,)?), $page:expr, $select:expr $(, $newest:ident)?) => {{
        let page = $page;
        $crate::db::plan::with_limit(
            $crate::keyset!($query, ($($col),+), page $(, $newest)?).select($select),
            page.limit(),
        )
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_arguments() {
        let ok = PageRequest::<(String, i32)>::new(None, None, None, None).unwrap();
        assert_eq!((ok.size, ok.backward), (20, false));
        assert!(PageRequest::<i32>::new(Some(0), None, None, None).is_err());
        assert!(PageRequest::<i32>::new(Some(101), None, None, None).is_err());
        assert!(PageRequest::<i32>::new(Some(1), None, Some(1), None).is_err());
        assert!(PageRequest::<i32>::new(None, Some("!!".into()), None, None).is_err());
        let cursor = encode_cursor(&("Pérez".to_owned(), 7));
        let back = PageRequest::<(String, i32)>::new(None, None, Some(5), Some(cursor)).unwrap();
        assert_eq!(back.before, Some(("Pérez".to_owned(), 7)));
        assert!(back.backward);
        let day = encode_cursor(&(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(), 3));
        let by_day = PageRequest::<(NaiveDate, i32)>::new(Some(2), Some(day), None, None);
        assert_eq!(by_day.unwrap().after.unwrap().1, 3);
    }
}
