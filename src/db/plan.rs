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
    expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping, is_aggregate},
    pg::Pg,
    prelude::*,
    query_builder::{AstPass, Query, QueryFragment, QueryId},
    sql_types::{Bool, Text},
};

/// `query LIMIT n`, with `n` written into the statement's text: one prepared statement per
/// page size (at most [`MAX_PAGE_SIZE`](crate::graphql::connection::MAX_PAGE_SIZE) + 1), each
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

/// `(c1, c2, id) > ($1, $2, $3)` (or `<`) over fixed column text: a row comparison, which
/// PostgreSQL answers from a `(c1, c2, id)` index, as a typed expression rather than an
/// `sql()` fragment so that its statement stays prepared.
pub struct RowPast {
    columns: &'static str,
    op: &'static str,
    key: (String, String, i32),
}

impl RowPast {
    /// `columns`: the parenthesised, qualified columns, for example
    /// `"(patients.last_name, patients.first_name, patients.id)"`.
    pub fn after(columns: &'static str, key: (String, String, i32)) -> Self {
        Self {
            columns,
            op: " > ",
            key,
        }
    }

    pub fn before(columns: &'static str, key: (String, String, i32)) -> Self {
        Self {
            columns,
            op: " < ",
            key,
        }
    }
}

impl Expression for RowPast {
    type SqlType = Bool;
}

impl<QS> AppearsOnTable<QS> for RowPast {}
impl<QS> SelectableExpression<QS> for RowPast {}

impl ValidGrouping<()> for RowPast {
    type IsAggregate = is_aggregate::Never;
}

impl QueryId for RowPast {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl QueryFragment<Pg> for RowPast {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(self.columns);
        out.push_sql(self.op);
        out.push_sql("(");
        out.push_bind_param::<Text, _>(&self.key.0)?;
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(&self.key.1)?;
        out.push_sql(", ");
        out.push_bind_param::<diesel::sql_types::Int4, _>(&self.key.2)?;
        out.push_sql(")");
        Ok(())
    }
}
