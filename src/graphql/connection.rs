//! Relay cursor connections: page assembly and edge cursors over `db::page`'s keyset paging.
//!
//! `hasPreviousPage` while paging forward (and `hasNextPage` while
//! paging backward) is true whenever a cursor was given, as the Relay spec allows: the cursor's
//! own row lies on that side.

use std::{
    borrow::Cow,
    ops::{Deref, DerefMut},
};

use async_graphql::{
    Context, ContextSelectionSet, Object, OutputType, Positioned, ServerResult, Value,
    connection::{
        ConnectionNameType, CursorType, DefaultConnectionName, DefaultEdgeName, Edge, EdgeNameType,
    },
    parser::types::Field,
    registry::{MetaType, Registry},
};
use futures_util::future::BoxFuture;
use serde::{Deserialize, Serialize};

use super::read_pool;
use crate::{db::RequestPool, error::AppResult};

pub use crate::db::page::{
    Counted, DEFAULT_PAGE_SIZE, Listing, MAX_PAGE_SIZE, PageRequest, decode_cursor, encode_cursor,
};

/// async-graphql's Relay connection of `N`, with the API's cursors and `totalCount`.
type Inner<N> = async_graphql::connection::Connection<Cursor, N, TotalCount>;

/// A Relay connection of `N` (`XConnection`, with its `XEdge`): async-graphql's own, which
/// has no type description and no attribute to give it one, so this wrapper resolves exactly
/// as it does and only adds the descriptions to the schema (see `create_type_info`).
pub struct Connection<N: OutputType>(Inner<N>);

impl<N: OutputType> Deref for Connection<N> {
    type Target = Inner<N>;
    fn deref(&self) -> &Inner<N> {
        &self.0
    }
}

impl<N: OutputType> DerefMut for Connection<N> {
    fn deref_mut(&mut self) -> &mut Inner<N> {
        &mut self.0
    }
}

impl<N: OutputType> From<Inner<N>> for Connection<N> {
    fn from(inner: Inner<N>) -> Self {
        Self(inner)
    }
}

impl<N: OutputType> OutputType for Connection<N> {
    fn type_name() -> Cow<'static, str> {
        <Inner<N> as OutputType>::type_name()
    }

    /// async-graphql's registration, then the descriptions it lacks: the connection's and its
    /// edge's (named for `N`), and sharper ones for the fields every connection shares.
    fn create_type_info(registry: &mut Registry) -> String {
        let qualified = <Inner<N> as OutputType>::create_type_info(registry);
        let node = N::type_name();
        let connection = DefaultConnectionName::type_name::<N>();
        let edge = DefaultEdgeName::type_name::<N>();
        describe(
            registry,
            &connection,
            &format!(
                "One page of `{node}` items, a Relay cursor connection: read `nodes` (or `edges`,\n\
                 with each item's cursor), `pageInfo` to move on, `totalCount` for every match.\n\
                 `first`/`last` take 1 to 100 (default 20)."
            ),
            &[
                (
                    "edges",
                    "This page's items in order, each with its cursor (to page from that item).",
                ),
                (
                    "nodes",
                    "This page's items in order: the nodes of `edges`, without their cursors.",
                ),
                (
                    "pageInfo",
                    "Whether more items lie on either side of this page, and the cursors to get them.",
                ),
            ],
        );
        describe(
            registry,
            &edge,
            &format!("An edge of `{connection}`: one `{node}` and its cursor."),
            &[
                (
                    "cursor",
                    "Opaque position of this item in the list: pass it as `after` (or `before`)\n\
                     for the items after (or before) it, with the same arguments and filter.",
                ),
                ("node", "The item."),
            ],
        );
        describe(
            registry,
            "PageInfo",
            "Where a connection's page lies in the whole list, and the cursors to move from it.",
            &[
                (
                    "hasNextPage",
                    "Paging forward (`first`): whether more items follow this page. Paging\n\
                     backward (`last`): true whenever `before` was given, as Relay allows.",
                ),
                (
                    "hasPreviousPage",
                    "Paging backward (`last`): whether more items precede this page. Paging\n\
                     forward (`first`): true whenever `after` was given, as Relay allows.",
                ),
                (
                    "startCursor",
                    "The first item's cursor: pass it as `before` for the page before this one.\n\
                     Null when the page is empty.",
                ),
                (
                    "endCursor",
                    "The last item's cursor: pass it as `after` for the page after this one.\n\
                     Null when the page is empty.",
                ),
            ],
        );
        qualified
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        OutputType::resolve(&self.0, ctx, field).await
    }
}

/// Sets the description of the registered object type `name` and of the named fields it has.
fn describe(registry: &mut Registry, name: &str, description: &str, fields: &[(&str, &str)]) {
    if let Some(MetaType::Object {
        description: type_description,
        fields: type_fields,
        ..
    }) = registry.types.get_mut(name)
    {
        *type_description = Some(description.to_owned());
        for (field, text) in fields {
            if let Some(field) = type_fields.get_mut(*field) {
                field.description = Some((*text).to_owned());
            }
        }
    }
}

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

impl From<(chrono::DateTime<chrono::Utc>, i32)> for CursorKey {
    /// As serde writes the instant, so that the cursor decodes back into it.
    fn from((at, id): (chrono::DateTime<chrono::Utc>, i32)) -> Self {
        Self::Name(at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true), id)
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
        let mut connection = Inner::with_additional_fields(has_previous, has_next, total);
        connection.edges = rows
            .into_iter()
            .map(|node| Edge::new(Cursor(key(&node).into()), node))
            .collect();
        Connection(connection)
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

    /// A count the page's own statement already gave.
    pub fn known(count: i64) -> Self {
        Self::new(move || Box::pin(std::future::ready(Ok(count))))
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
    let pool = read_pool(ctx);
    let rows = filter.page(&mut *pool.get().await?, &page).await?;
    let total = TotalCount::of(&pool, filter);
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
