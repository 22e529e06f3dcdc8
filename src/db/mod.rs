//! PostgreSQL: the pool, database creation and migrations, the generated `schema.rs`, and the
//! translation of constraint violations into user errors.

pub mod constraints;
pub mod page;
pub mod plan;
mod pool;
pub mod rows;
#[rustfmt::skip]
pub mod schema;
mod startup;
pub mod suap_tokens;
pub mod views;

pub use pool::{
    DbConn, DbPool, MAX_REQUEST_CONNECTIONS, POOL_WAIT_TIMEOUT, QueryCounter, RequestConn,
    RequestPool, StartupError, build_pool, check_time_zone, ensure_database, is_standby,
    run_migrations, set_database_defaults,
};
pub use startup::StartupLock;

diesel::define_sql_function! {
    /// Lower-cased, accent-free text (SQL function from the first migration).
    fn search_text(value: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

diesel::define_sql_function! {
    /// Position of `needle` in `haystack` (1-based), 0 when absent. Searches compare with it
    /// rather than LIKE: `unaccent` maps full-width `％ ＿ ＼` to ASCII wildcards, so a term
    /// escaped before normalising would become a pattern again.
    fn strpos(haystack: diesel::sql_types::Text, needle: diesel::sql_types::Text) -> diesel::sql_types::Integer;
}

/// Longest search term accepted, in characters.
pub const MAX_SEARCH_CHARS: usize = 100;

/// A search term as the statements compare it, computed once for a request's statements
/// instead of once per row they scan (a bound parameter inside a function call is evaluated
/// for every row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerm {
    /// `search_text` of the term: names, case and accents aside.
    pub text: String,
    /// `affiliate_key` of the term: its letters and digits, for numbers typed with separators.
    pub key: String,
}

impl SearchTerm {
    /// A `LIKE` pattern finding `text` anywhere, its wildcards taken literally.
    pub fn text_anywhere(&self) -> String {
        like_anywhere(&self.text)
    }

    /// For a term of several words, a `LIKE` pattern for each word, each a part of the term:
    /// a word of three characters or more alone, whose own trigrams find it; a shorter one
    /// with the spaces beside it, since only the trigrams that mark where a word starts or
    /// ends ("  a", " an") let an index look it up ("gonzalez an" as the search box sends it
    /// on its way to "gonzalez ana"). None for a single word.
    pub fn words_anywhere(&self) -> Vec<String> {
        let words: Vec<&str> = self.text.split(' ').collect();
        if words.len() < 2 {
            return vec![];
        }
        let last = words.len() - 1;
        words
            .iter()
            .enumerate()
            .filter(|(_, word)| !word.is_empty())
            .map(|(i, word)| {
                if word.chars().count() >= 3 {
                    return like_anywhere(word);
                }
                let before = if i > 0 { " " } else { "" };
                let after = if i < last { " " } else { "" };
                like_anywhere(&format!("{before}{word}{after}"))
            })
            .collect()
    }

    /// A `LIKE` pattern finding `key` anywhere.
    pub fn key_anywhere(&self) -> String {
        like_anywhere(&self.key)
    }
}

fn like_anywhere(value: &str) -> String {
    let escaped = value
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

diesel::define_sql_function! {
    /// Letters and digits only, upper-cased (SQL function, migration 000012).
    fn affiliate_key(value: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

diesel::define_sql_function! {
    /// A document number as stored: upper-cased, without dots, dashes, slashes or spaces
    /// (SQL function, migration 000013; a trigger applies it to every row written).
    fn document_key(value: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

diesel::define_sql_function! {
    /// A name as uniqueness compares it: case, accents and extra spaces aside (SQL function,
    /// migration 000013).
    fn name_key(value: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

pub async fn normalise_search(
    conn: &mut diesel_async::AsyncPgConnection,
    term: &str,
) -> diesel::QueryResult<SearchTerm> {
    use diesel_async::RunQueryDsl;
    let (text, key) =
        diesel::select((search_text(term.to_owned()), affiliate_key(term.to_owned())))
            .get_result(conn)
            .await?;
    Ok(SearchTerm { text, key })
}

diesel::define_sql_function! {
    /// `coalesce(day, fallback)`: a day that may be absent, or the fallback (usually
    /// `diesel::dsl::today`). A typed function rather than an SQL fragment, so that the
    /// statements using it stay in the connection's prepared-statement cache.
    #[sql_name = "coalesce"]
    fn day_or(
        day: diesel::sql_types::Nullable<diesel::sql_types::Date>,
        fallback: diesel::sql_types::Date,
    ) -> diesel::sql_types::Date;
}

diesel::define_sql_function! {
    /// The first instant of a day in the clinic's time zone (SQL function, migration 000014).
    fn day_start(day: diesel::sql_types::Date) -> diesel::sql_types::Timestamptz;
}

diesel::define_sql_function! {
    /// The one definition of an authorization's validity on a day: NULL when valid, else
    /// the reason (SQL function from the authorizations migration).
    fn authorization_denial(
        eps_active: diesel::sql_types::Bool,
        specialty_active: diesel::sql_types::Bool,
        location_active: diesel::sql_types::Bool,
        authorized: diesel::sql_types::Bool,
        authorization_date: diesel::sql_types::Nullable<diesel::sql_types::Date>,
        expiration_date: diesel::sql_types::Nullable<diesel::sql_types::Date>,
        on_day: diesel::sql_types::Date,
    ) -> diesel::sql_types::Nullable<diesel::sql_types::Text>;
}

/// Diesel refuses an `UPDATE` with nothing to set; for an update mutation whose fields were
/// all omitted that is no error, and the caller returns the row as it is.
pub fn is_empty_changeset(err: &diesel::result::Error) -> bool {
    matches!(err, diesel::result::Error::QueryBuilderError(e) if e.is::<diesel::result::EmptyChangeset>())
}

/// Rows that can be fetched by id, so one generic DataLoader serves them all.
pub trait FetchById: Sized + Clone + Send + Sync + 'static {
    fn id(&self) -> i32;
    fn fetch(
        conn: &mut diesel_async::AsyncPgConnection,
        ids: &[i32],
    ) -> impl std::future::Future<Output = diesel::QueryResult<Vec<Self>>> + Send;
}

/// What `text_enum!` and `code_enum!` share: the GraphQL enum diesel maps to `$sql`, each
/// variant's stored `$value` (`as_db`, `from_db`, and `VALUES` in declaration order).
#[doc(hidden)]
#[macro_export]
macro_rules! stored_enum {
    (
        $sql:path, $out:ty, $in:ty,
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal),+ }
    ) => {
        $(#[$meta])*
        #[derive(
            async_graphql::Enum,
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            diesel::expression::AsExpression,
            diesel::deserialize::FromSqlRow,
        )]
        #[diesel(sql_type = $sql)]
        $vis enum $ty {
            $($(#[$vmeta])* $variant),+
        }

        impl $ty {
            /// Every variant's stored value, in declaration order.
            pub const VALUES: &'static [$out] = &[$($value),+];

            pub fn as_db(self) -> $out {
                match self { $(Self::$variant => $value),+ }
            }

            /// The variant stored as `value`, if any.
            pub fn from_db(value: $in) -> Option<Self> {
                match value {
                    $($value => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

/// Declares a GraphQL enum stored in a `text` column as fixed strings (kept honest by a
/// CHECK): `Variant => "TEXT"` for each variant; attributes given pass through.
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident {
            $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)?
        }
    ) => {
        $crate::stored_enum! {
            diesel::sql_types::Text, &'static str, &str,
            $(#[$meta])* $vis enum $ty { $($(#[$vmeta])* $variant = $text),+ }
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
                let text = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg>>::from_sql(bytes)?;
                Self::from_db(&text)
                    .ok_or_else(|| format!("unexpected {} `{text}`", stringify!($ty)).into())
            }
        }
    };
}

/// Declares a GraphQL enum stored in a `smallint` column as another system's numeric codes
/// (kept honest by a CHECK): `Variant = code` for each variant; attributes given pass through.
#[macro_export]
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident {
            $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)?
        }
    ) => {
        $crate::stored_enum! {
            diesel::sql_types::SmallInt, i16, i16,
            $(#[$meta])* $vis enum $ty { $($(#[$vmeta])* $variant = $code),+ }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::SmallInt, diesel::pg::Pg> for $ty {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                use std::io::Write;
                out.write_all(&self.as_db().to_be_bytes())?;
                Ok(diesel::serialize::IsNull::No)
            }
        }

        /// As the column holds it: the candidate rows `constraints` judges are serialized.
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_i16(self.as_db())
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::SmallInt, diesel::pg::Pg> for $ty {
            fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                let code = <i16 as diesel::deserialize::FromSql<diesel::sql_types::SmallInt, diesel::pg::Pg>>::from_sql(bytes)?;
                Self::from_db(code)
                    .ok_or_else(|| format!("unexpected {} {code}", stringify!($ty)).into())
            }
        }
    };
}

/// `$write` in a transaction whose changes the audit triggers attribute to `$user`.
#[macro_export]
macro_rules! authored {
    ($conn:ident, $user:expr, |$c:ident| $write:expr) => {
        $conn
            .transaction(async |$c| {
                $crate::db::set_author($c, $user).await?;
                $write.await
            })
            .await
    };
}

/// Makes `user_id` the author of this transaction's changes, for the audit triggers
/// (agreements', appointments').
pub async fn set_author(
    conn: &mut diesel_async::AsyncPgConnection,
    user_id: i32,
) -> diesel::QueryResult<()> {
    use diesel_async::RunQueryDsl;
    diesel::sql_query("SELECT set_config('clinic.user_id', $1, true)")
        .bind::<diesel::sql_types::Text, _>(user_id.to_string())
        .execute(conn)
        .await
        .map(|_| ())
}

/// The clinic's today: `current_date` in the session's time zone (CLINIC_TIME_ZONE).
pub async fn today(
    conn: &mut diesel_async::AsyncPgConnection,
) -> diesel::QueryResult<chrono::NaiveDate> {
    use diesel_async::RunQueryDsl;
    diesel::select(diesel::dsl::today).get_result(conn).await
}

/// Rows grouped by `key`, each group in the rows' order: what a loader answers per key from
/// one statement's rows.
pub fn grouped<K: Eq + std::hash::Hash, T>(
    rows: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> K,
) -> std::collections::HashMap<K, Vec<T>> {
    let mut groups: std::collections::HashMap<K, Vec<T>> = std::collections::HashMap::new();
    for row in rows {
        groups.entry(key(&row)).or_default().push(row);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::SearchTerm;

    fn words(text: &str) -> Vec<String> {
        let term = SearchTerm {
            text: text.to_owned(),
            key: String::new(),
        };
        term.words_anywhere()
    }

    /// Each pattern is a part of the term (the whole term is still compared after them), and
    /// carries a trigram an index can look up.
    #[test]
    fn a_term_of_several_words_is_looked_up_word_by_word() {
        assert!(words("gonzalez").is_empty(), "one word: the term itself");
        assert_eq!(words("perez walter"), ["%perez%", "%walter%"]);
        assert_eq!(words("gonzalez an"), ["%gonzalez%", "% an%"]);
        assert_eq!(words("de la cruz"), ["%de %", "% la %", "%cruz%"]);
        assert_eq!(
            words("gonzalez  a"),
            ["%gonzalez%", "% a%"],
            "spaces as typed"
        );
        assert_eq!(words("a_a 5%"), ["%a\\_a%", "% 5\\%%"], "wildcards escaped");
    }
}
