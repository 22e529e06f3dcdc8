//! Relay cursor connections: page assembly and edge cursors over `db::page`'s keyset paging.
//!
//! `hasPreviousPage` while paging forward (and `hasNextPage` while
//! paging backward) is true whenever a cursor was given, as the Relay spec allows: the cursor's
//! own row lies on that side.

use async_graphql::{
    Context, Object, OutputType,
    connection::{CursorType, Edge},
};
use futures_util::future::BoxFuture;
use serde::{Deserialize, Serialize};

use super::{conn, loaders};
use crate::{db::RequestPool, error::AppResult};

pub use crate::db::page::{
    Counted, DEFAULT_PAGE_SIZE, Listing, MAX_PAGE_SIZE, PageRequest, decode_cursor, encode_cursor,
};

pub type Connection<N> = async_graphql::connection::Connection<Cursor, N, TotalCount>;

/// An edge's cursor: its row's sort key, encoded only when a client asks for it (most pages
/// are read through `nodes`, and encoding every edge's key cost a JSON and a base64 string).
pub struct Cursor(CursorKey);

/// The sort keys of the API's connections. Untagged, so each encodes exactly as the plain
/// key (`7`, `["Name", 7]`, `["Last", "First", 7]`) that [`PageRequest::new`] decodes.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum CursorKey {
    Id(i64),
    Name(String, i32),
    FullName(String, String, i32),
}

impl From<i32> for CursorKey {
    fn from(id: i32) -> Self {
        Self::Id(id.into())
    }
}

impl From<i64> for CursorKey {
    fn from(id: i64) -> Self {
        Self::Id(id)
    }
}

impl From<(String, i32)> for CursorKey {
    fn from((name, id): (String, i32)) -> Self {
        Self::Name(name, id)
    }
}

impl From<(chrono::NaiveDate, i32)> for CursorKey {
    fn from((day, id): (chrono::NaiveDate, i32)) -> Self {
        Self::Name(day.to_string(), id)
    }
}

impl From<(String, String, i32)> for CursorKey {
    fn from((last, first, id): (String, String, i32)) -> Self {
        Self::FullName(last, first, id)
    }
}

impl CursorType for Cursor {
    type Error = &'static str;

    /// Not used by the API's resolvers, which decode through [`PageRequest::new`].
    fn decode_cursor(cursor: &str) -> Result<Self, Self::Error> {
        decode_cursor(cursor)
            .map(Self)
            .map_err(|_| "El cursor no es válido")
    }

    fn encode_cursor(&self) -> String {
        encode_cursor(&self.0)
    }
}

/// The complexity of a connection field: its page size times what each node asks for.
pub fn cost(first: Option<i32>, last: Option<i32>, child_complexity: usize) -> usize {
    let size = first
        .or(last)
        .unwrap_or(DEFAULT_PAGE_SIZE)
        .clamp(1, MAX_PAGE_SIZE) as usize;
    size.saturating_mul(child_complexity).saturating_add(1)
}

impl<K> PageRequest<K> {
    /// Turns the fetched rows (in query order, at most `limit()`) into a connection.
    pub fn into_connection<N, KK: Into<CursorKey>>(
        &self,
        mut rows: Vec<N>,
        key: impl Fn(&N) -> KK,
        total: TotalCount,
    ) -> Connection<N>
    where
        N: async_graphql::OutputType,
    {
        let more = rows.len() as i64 > self.size;
        rows.truncate(self.size as usize);
        if self.backward {
            rows.reverse();
        }
        let (has_previous, has_next) = if self.backward {
            (more, self.before.is_some())
        } else {
            (self.after.is_some(), more)
        };
        let mut connection = Connection::with_additional_fields(has_previous, has_next, total);
        connection.edges = rows
            .into_iter()
            .map(|node| Edge::new(Cursor(key(&node).into()), node))
            .collect();
        connection
    }
}

type CountFn = Box<dyn Fn() -> BoxFuture<'static, AppResult<i64>> + Send + Sync>;

/// `totalCount`, computed only when a client asks for it.
pub struct TotalCount(CountFn);

impl TotalCount {
    pub fn new(
        count: impl Fn() -> BoxFuture<'static, AppResult<i64>> + Send + Sync + 'static,
    ) -> Self {
        Self(Box::new(count))
    }

    /// Counts `filter`'s rows on a connection of `pool`, when asked.
    pub fn of<F: Counted>(pool: &RequestPool, filter: F) -> Self {
        let (pool, filter) = (pool.clone(), std::sync::Arc::new(filter));
        Self::new(move || {
            let (pool, filter) = (pool.clone(), filter.clone());
            Box::pin(async move { Ok(filter.count(&mut *pool.get().await?).await?) })
        })
    }
}

/// One page of `filter`'s rows as a connection of `N`, keyed by `key`; counted if asked.
pub async fn list<F: Listing, N, K>(
    ctx: &Context<'_>,
    page: PageRequest<F::Key>,
    filter: F,
    key: impl Fn(&N) -> K,
) -> AppResult<Connection<N>>
where
    N: From<F::Row> + OutputType,
    K: Into<CursorKey>,
{
    let rows = filter.page(&mut *conn(ctx).await?, &page).await?;
    let total = TotalCount::of(loaders(ctx).pool(), filter);
    Ok(page.into_connection(rows.into_iter().map(N::from).collect(), key, total))
}

#[Object]
impl TotalCount {
    /// How many items match, across all pages.
    async fn total_count(&self) -> AppResult<i32> {
        let count = (self.0)().await?;
        Ok(i32::try_from(count).unwrap_or(i32::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_cursors_encode_as_their_plain_keys() {
        let cursor = |key: CursorKey| Cursor(key).encode_cursor();
        assert_eq!(cursor(7.into()), encode_cursor(&7));
        let name = ("Pérez".to_owned(), 3);
        assert_eq!(cursor(name.clone().into()), encode_cursor(&name));
        let full = ("Pérez".to_owned(), "Ana".to_owned(), 3);
        assert_eq!(cursor(full.clone().into()), encode_cursor(&full));
        let back = Cursor::decode_cursor(&encode_cursor(&full)).unwrap();
        assert!(matches!(back.0, CursorKey::FullName(l, f, 3) if l == "Pérez" && f == "Ana"));
        assert!(Cursor::decode_cursor("!!").is_err());
    }

    #[test]
    fn cost_saturates() {
        assert_eq!(cost(Some(10), None, 3), 31);
        assert_eq!(cost(Some(i32::MAX), None, usize::MAX), usize::MAX);
        assert_eq!(cost(None, None, 1), 21);
    }
}
