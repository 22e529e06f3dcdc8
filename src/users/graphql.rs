//! `login`, `createUser` and `viewer`.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};

use super::{
    MIN_PASSWORD_LENGTH,
    model::{self, NewUser, User},
    throttle,
};
use crate::{
    auth::{ClientAddr, Role, RoleGuard, bounded, hash_password, require_role, verify_password},
    db::constraints,
    error::{AppError, AppResult},
    graphql::{UserError, UserErrorCode, conn, ids::global_id, scalars::DateTime, state},
};

impl User {
    pub const TYPE: &'static str = "User";
}

/// Someone who signs in to the back office.
#[Object]
impl User {
    /// Global ID (Relay): opaque, stable; use with `node(id:)`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people ("user 3"); arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// The sign-in name: for local accounts letters, digits and `. _ @ -`, at most 60
    /// characters, unique ignoring case; for a user of an external identity provider, the
    /// subject of their tokens.
    async fn username(&self) -> &str {
        &self.username
    }
    /// What the user may do. In `viewer`, the role of the caller's token, which is what the
    /// request may do.
    async fn role(&self) -> Role {
        self.role
    }
}

#[derive(Default)]
pub struct UserQuery;

#[Object]
impl UserQuery {
    /// The caller, as their token names them.
    async fn viewer(&self, ctx: &Context<'_>) -> AppResult<User> {
        let claims = require_role(ctx, Role::Viewer)?;
        let mut conn = conn(ctx).await?;
        let mut user = model::for_claims(&mut conn, claims).await?;
        // The token is the authority on what this request may do.
        user.role = claims.role;
        Ok(user)
    }
}

/// A local account's credentials.
#[derive(InputObject)]
pub struct LoginInput {
    /// The account's username, ignoring case and surrounding spaces.
    pub username: String,
    /// The account's password, exactly as set.
    pub password: String,
}

/// A login's outcome: a token and its user, or why not.
#[derive(SimpleObject)]
pub struct LoginPayload {
    /// A bearer token for the `Authorization` header.
    pub token: Option<String>,
    /// When `token` stops being accepted; null when the login was refused.
    pub expires_at: Option<DateTime>,
    /// The user signed in; null when the login was refused.
    pub user: Option<User>,
    /// `INVALID_CREDENTIALS` (wrong username or password, without saying which) or
    /// `RATE_LIMITED`, with no `field`; empty when the login succeeded.
    pub user_errors: Vec<UserError>,
}

/// A local account, who signs in with `login`.
#[derive(InputObject)]
pub struct CreateUserInput {
    /// Letters, digits and `. _ @ -`, at most 60 characters (surrounding spaces are dropped);
    /// unique ignoring case.
    pub username: String,
    /// At least 10 characters; stored only as an Argon2 hash.
    pub password: String,
    /// What the user may do.
    pub role: Role,
}

crate::mutation_payload!(UserPayload, user: User);

#[derive(Default)]
pub struct UserMutation;

#[Object]
impl UserMutation {
    /// Exchanges a username and password for a token. Needs no token. Failed attempts slow
    /// down further ones (per username and per client address): RATE_LIMITED says how long
    /// to wait. One `login` per document.
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The username and password.")] input: LoginInput,
    ) -> AppResult<LoginPayload> {
        let client = ctx.data_opt::<ClientAddr>().and_then(|c| c.0);
        let keys = throttle::Keys::new(&input.username, client);
        let refused = |code, message: String| LoginPayload {
            token: None,
            expires_at: None,
            user: None,
            user_errors: vec![UserError {
                field: None,
                message,
                code,
            }],
        };
        let mut conn = conn(ctx).await?;
        // Counted before the user is looked up: the answer says nothing of whether it exists.
        if let Some(seconds) = throttle::attempt(&mut conn, &keys).await? {
            return Ok(refused(
                UserErrorCode::RateLimited,
                format!("Demasiados intentos fallidos; intente nuevamente en {seconds} s"),
            ));
        }
        let user = model::by_username(&mut conn, input.username.trim()).await?;
        // Not held while hashing waits its turn.
        drop(conn);
        let hash = user.as_ref().and_then(|u| u.password_hash.clone());
        let password = input.password;
        let valid = bounded(move || verify_password(&password, hash.as_deref())).await?;
        let Some(user) = user.filter(|_| valid) else {
            return Ok(refused(
                UserErrorCode::InvalidCredentials,
                "Usuario o contraseña incorrectos".to_owned(),
            ));
        };
        throttle::succeeded(&mut *self::conn(ctx).await?, &keys).await?;
        let (token, exp) = state(ctx)
            .jwt
            .issue(&user.username, user.role)
            .map_err(AppError::internal)?;
        Ok(LoginPayload {
            token: Some(token),
            expires_at: chrono::DateTime::from_timestamp(exp as i64, 0).map(DateTime),
            user: Some(user),
            user_errors: vec![],
        })
    }

    /// Creates a user who can log in. ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Admin)")]
    async fn create_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The account; every mistake comes back at once in `userErrors`.")]
        input: CreateUserInput,
    ) -> AppResult<UserPayload> {
        require_role(ctx, Role::Admin)?;
        let username = input.username.trim().to_owned();
        let mut conn = conn(ctx).await?;
        // The password's rule is ours (the database sees only its hash); the username's are
        // the table's CHECKs. A short password is reported with every username mistake.
        if input.password.chars().count() < MIN_PASSWORD_LENGTH {
            let mut errors = vec![UserError::new(
                "password",
                UserErrorCode::InvalidLength,
                format!("La contraseña debe tener al menos {MIN_PASSWORD_LENGTH} caracteres"),
            )];
            let candidate = serde_json::json!({ "username": username });
            errors.extend(constraints::failing_checks(&mut conn, "users", None, candidate).await?);
            return Ok(Err::<User, _>(errors).into());
        }
        drop(conn);
        let password = input.password;
        let hash = bounded(move || hash_password(&password))
            .await?
            .map_err(AppError::internal)?;
        let new = NewUser {
            username: &username,
            password_hash: Some(&hash),
            role: input.role,
        };
        let mut conn = self::conn(ctx).await?;
        let result = model::insert(&mut conn, &new).await.map(Some);
        let candidate = serde_json::json!({ "username": username });
        Ok(constraints::outcome_with_every_error(
            &mut conn,
            result,
            "users",
            None,
            &candidate,
            || UserError::new("id", UserErrorCode::NotFound, "El usuario no existe"),
        )
        .await?
        .into())
    }
}
