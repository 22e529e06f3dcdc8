//! PostgreSQL: the pool, database creation and migrations, the generated `schema.rs`, and the
//! translation of constraint violations into user errors.

pub mod constraints;
mod pool;
#[rustfmt::skip]
pub mod schema;

pub use pool::{
    DbConn, DbPool, QueryCounter, StartupError, build_pool, ensure_database, run_migrations,
};

diesel::define_sql_function! {
    /// Lower-cased, accent-free text (SQL function from the first migration).
    fn search_text(value: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// A `LIKE` pattern matching `term` anywhere, with `%`, `_` and `\` in it taken literally.
pub fn contains_pattern(term: &str) -> String {
    let mut pattern = String::with_capacity(term.len() + 2);
    pattern.push('%');
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Maps a Rust enum to a `text` column holding fixed strings (kept honest by a CHECK).
/// The enum also needs `#[derive(AsExpression, FromSqlRow)]` and `#[diesel(sql_type = Text)]`.
#[macro_export]
macro_rules! text_enum {
    ($ty:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            pub fn as_db(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $ty {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql(
                    self.as_db(),
                    &mut out.reborrow(),
                )
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $ty {
            fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                match <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg>>::from_sql(bytes)?.as_str() {
                    $($text => Ok(Self::$variant),)+
                    other => Err(format!("unexpected {} `{other}`", stringify!($ty)).into()),
                }
            }
        }
    };
}
