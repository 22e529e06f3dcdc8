//! Role checks. The guard sits on mutation fields; resolvers call [`require_role`] again,
//! because async-graphql skips field guards when a field is reached through an interface.

use async_graphql::{Context, Guard};

use super::{Caller, Claims, Role};
use crate::error::{AppError, AppResult};

/// The caller's claims if their role is at least `min`.
pub fn require_role<'a>(ctx: &'a Context<'_>, min: Role) -> AppResult<&'a Claims> {
    match ctx.data_opt::<Caller>() {
        Some(Caller::User(claims)) if claims.role >= min => Ok(claims),
        Some(Caller::User(_)) => Err(AppError::Forbidden),
        _ => Err(AppError::Unauthenticated),
    }
}

pub struct RoleGuard(Role);

impl RoleGuard {
    pub fn new(min: Role) -> Self {
        Self(min)
    }
}

impl Guard for RoleGuard {
    async fn check(&self, ctx: &Context<'_>) -> async_graphql::Result<()> {
        require_role(ctx, self.0).map(|_| ()).map_err(Into::into)
    }
}
