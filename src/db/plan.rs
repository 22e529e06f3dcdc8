//! Query pieces written so that PostgreSQL plans a prepared statement once, not on every run.
//!
//! diesel-async keeps statements prepared per connection, but two things undo that:
//! - an `sql()` fragment marks its statement as not cacheable, so it is parsed and planned
//!   on every execution;
//! - a bound `LIMIT $n`: a generic plan cannot know `n` (PostgreSQL assumes a tenth of the
//!   rows), so it always looks costlier than a custom plan, and the statement is re-planned
//!   on every execution. For a page of patients with their social works, planning took longer
//!   than running the query.

use diesel::{
    pg::Pg,
    prelude::*,
    query_builder::{AstPass, Query, QueryFragment, QueryId},
};

/// `query LIMIT n`, with `n` written into the statement's text: one prepared statement per
/// page size (at most [`MAX_PAGE_SIZE`](crate::db::page::MAX_PAGE_SIZE) + 1), each
/// planned once. `query` must have no `LIMIT` of its own.
pub fn with_limit<Q>(query: Q, limit: i64) -> Limited<Q> {
    Limited { query, limit }
}

pub struct Limited<Q> {
    query: Q,
    limit: i64,
}

/// Never a static id: statements with different limits must not share a cache entry, so
/// diesel-async keys them by their SQL text.
impl<Q> QueryId for Limited<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: Query> Query for Limited<Q> {
    type SqlType = Q::SqlType;
}

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for Limited<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.query.walk_ast(out.reborrow())?;
        out.push_sql(" LIMIT ");
        out.push_sql(&self.limit.to_string());
        Ok(())
    }
}

/// `predicate`, in a statement that is planned for its parameters on every run: never kept
/// prepared, so PostgreSQL makes a custom plan each time. For a search, whose best plan
/// depends on the term: a document's digits match a handful of rows (read them through the
/// trigram index, then sort), a common surname thousands (walk the name order until the page
/// is full). A generic plan, chosen after five runs, cannot tell them apart and walked the
/// whole table in name order for a rare term (46 ms at 20,000 patients, against 0.6 ms).
pub fn planned_per_run<T>(predicate: T) -> PlannedPerRun<T> {
    PlannedPerRun(predicate)
}

#[derive(Debug, Clone, Copy)]
pub struct PlannedPerRun<T>(T);

impl<T> QueryId for PlannedPerRun<T> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<T: Expression> Expression for PlannedPerRun<T> {
    type SqlType = T::SqlType;
}

impl<T: AppearsOnTable<QS>, QS: ?Sized> AppearsOnTable<QS> for PlannedPerRun<T> {}

impl<T: SelectableExpression<QS>, QS: ?Sized> SelectableExpression<QS> for PlannedPerRun<T> {}

impl<T: diesel::expression::ValidGrouping<G>, G> diesel::expression::ValidGrouping<G>
    for PlannedPerRun<T>
{
    type IsAggregate = T::IsAggregate;
}

impl<T: QueryFragment<Pg>> QueryFragment<Pg> for PlannedPerRun<T> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.unsafe_to_cache_prepared();
        self.0.walk_ast(out)
    }
}
