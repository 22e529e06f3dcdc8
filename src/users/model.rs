//! Rows and queries of `users`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::{
    auth::Role,
    db::{FetchById, schema::users},
};

#[derive(Queryable, Selectable, Identifiable, Debug, Clone)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i32,
    pub username: String,
    #[diesel(deserialize_as = Option<String>)]
    pub password_hash: Option<String>,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub username: &'a str,
    pub password_hash: Option<&'a str>,
    pub role: Role,
}

pub async fn by_ids(conn: &mut AsyncPgConnection, ids: &[i32]) -> QueryResult<Vec<User>> {
    users::table
        .filter(users::id.eq_any(ids))
        .select(User::as_select())
        .load(conn)
        .await
}

impl FetchById for User {
    fn id(&self) -> i32 {
        self.id
    }
    async fn fetch(conn: &mut AsyncPgConnection, ids: &[i32]) -> QueryResult<Vec<Self>> {
        by_ids(conn, ids).await
    }
}

pub async fn by_username(
    conn: &mut AsyncPgConnection,
    username: &str,
) -> QueryResult<Option<User>> {
    users::table
        .filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("lower(username) = lower(")
                .bind::<diesel::sql_types::Text, _>(username.to_owned())
                .sql(")"),
        )
        .select(User::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewUser<'_>) -> QueryResult<User> {
    diesel::insert_into(users::table)
        .values(new)
        .returning(User::as_returning())
        .get_result(conn)
        .await
}

/// The user named `username`, created with `role` if missing (users of an external identity
/// provider appear here the first time they call; admins from ADMIN_USERNAME at start).
pub async fn find_or_create(
    conn: &mut AsyncPgConnection,
    username: &str,
    role: Role,
    password_hash: Option<&str>,
) -> QueryResult<User> {
    if let Some(user) = by_username(conn, username).await? {
        return Ok(user);
    }
    let inserted = diesel::insert_into(users::table)
        .values(&NewUser {
            username,
            password_hash,
            role,
        })
        .on_conflict_do_nothing()
        .returning(User::as_returning())
        .get_result(conn)
        .await
        .optional()?;
    match inserted {
        Some(user) => Ok(user),
        // Lost a race with another first request of the same user.
        None => by_username(conn, username).await?.ok_or(diesel::NotFound),
    }
}
