//! Rows and queries of `users`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::{
    auth::{Claims, Role},
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
    /// The identity provider's issuer; `None` for local accounts.
    pub issuer: Option<String>,
}

impl User {
    /// Whether `claims` are this user's own token.
    pub fn is(&self, claims: &Claims) -> bool {
        match (&self.issuer, &claims.provider) {
            (None, None) => self.username.eq_ignore_ascii_case(&claims.sub),
            (Some(issuer), Some(provider)) => issuer == provider && self.username == claims.sub,
            _ => false,
        }
    }
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

/// The local account `username` (case-insensitive).
pub async fn by_username(
    conn: &mut AsyncPgConnection,
    username: &str,
) -> QueryResult<Option<User>> {
    users::table
        .filter(users::issuer.is_null())
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

/// The user a verified token names: a local account by username, or the identity provider's
/// user by issuer and subject (created, without a password, the first time they call).
pub async fn for_claims(conn: &mut AsyncPgConnection, claims: &Claims) -> QueryResult<User> {
    let Some(issuer) = &claims.provider else {
        return find_or_create(conn, &claims.sub, claims.role, None).await;
    };
    let find = users::table
        .filter(users::issuer.eq(issuer))
        .filter(users::username.eq(&claims.sub))
        .select(User::as_select());
    if let Some(user) = find.first(conn).await.optional()? {
        return Ok(user);
    }
    diesel::insert_into(users::table)
        .values((
            users::username.eq(&claims.sub),
            users::issuer.eq(issuer),
            users::role.eq(claims.role),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    // Inserted now, or by a concurrent first request of the same user.
    find.first(conn).await
}

/// The local account `username`, created with `role` if missing (admins from ADMIN_USERNAME
/// at start; local tokens minted by `clinic token`).
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

/// Creates `username` as an admin with `password_hash`, or makes the existing account an
/// admin with that password: ADMIN_PASSWORD is the admin's password at every start.
pub async fn set_admin(
    conn: &mut AsyncPgConnection,
    username: &str,
    password_hash: &str,
) -> QueryResult<User> {
    find_or_create(conn, username, Role::Admin, Some(password_hash)).await?;
    set_password(conn, username, password_hash, Some(Role::Admin))
        .await?
        .ok_or(diesel::NotFound)
}

/// Sets the password of the local account `username` (and its role, when given); `None` when
/// there is no such account.
pub async fn set_password(
    conn: &mut AsyncPgConnection,
    username: &str,
    password_hash: &str,
    role: Option<Role>,
) -> QueryResult<Option<User>> {
    let Some(user) = by_username(conn, username).await? else {
        return Ok(None);
    };
    diesel::update(users::table.find(user.id))
        .set((
            users::password_hash.eq(password_hash),
            users::role.eq(role.unwrap_or(user.role)),
        ))
        .returning(User::as_returning())
        .get_result(conn)
        .await
        .map(Some)
}

/// Usernames of the accounts that `password` opens, sorted. One Argon2 check per distinct
/// hash (the demo accounts share one), off the async workers.
pub async fn with_password(
    conn: &mut AsyncPgConnection,
    password: &str,
) -> anyhow::Result<Vec<String>> {
    let rows: Vec<(String, Option<String>)> = users::table
        .filter(users::password_hash.is_not_null())
        .order(users::username)
        .select((users::username, users::password_hash))
        .load(conn)
        .await?;
    let password = password.to_owned();
    Ok(tokio::task::spawn_blocking(move || {
        let mut verdicts = std::collections::HashMap::new();
        rows.into_iter()
            .filter(|(_, hash)| {
                let hash = hash.as_deref().unwrap_or_default();
                *verdicts
                    .entry(hash.to_owned())
                    .or_insert_with(|| crate::auth::verify_password(&password, Some(hash)))
            })
            .map(|(username, _)| username)
            .collect()
    })
    .await?)
}
