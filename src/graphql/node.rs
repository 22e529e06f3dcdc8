//! The `Node` interface and `node` / `nodes`: any entity by its global ID.

use std::sync::Arc;

use async_graphql::{Context, ID, Interface, Object};
use futures_util::future::try_join_all;

use super::ids::decode_global_id;
use crate::{
    auth::{Role, require_role},
    authorizations::Authorization,
    booking::{Appointment, Availability, Slot},
    catalog::{Eps, Location, Specialty},
    error::{AppError, AppResult},
    orders::{Order, OrderItem},
    patients::Patient,
    practitioners::Practitioner,
    social_works::SocialWork,
    users::User,
};

/// Most ids one `nodes` call may ask for.
const MAX_NODES: usize = 100;

/// Any entity with a global ID: what `node(id:)` and `nodes(ids:)` return (ask for the
/// concrete type's fields with `... on Patient { … }`).
#[derive(Interface)]
#[graphql(field(
    name = "id",
    ty = "ID",
    desc = "Global ID (Relay): opaque, stable; use with `node(id:)`."
))]
pub enum Node {
    SocialWork(SocialWork),
    Patient(Patient),
    User(User),
    Eps(Eps),
    Specialty(Specialty),
    Location(Location),
    Authorization(Authorization),
    Order(Order),
    OrderItem(OrderItem),
    Practitioner(Practitioner),
    Availability(Availability),
    Slot(Slot),
    Appointment(Appointment),
}

#[derive(Default)]
pub struct NodeQuery;

#[Object]
impl NodeQuery {
    /// Any entity by its global ID; null if it does not exist.
    async fn node(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A global ID of any type; one that does not decode is BAD_USER_INPUT.")]
        id: ID,
    ) -> AppResult<Option<Node>> {
        require_role(ctx, Role::Viewer)?;
        Ok(load_node(ctx, &id).await?)
    }

    /// Entities by global ID, in the order asked; null where one does not exist.
    #[graphql(complexity = "ids.len().saturating_mul(child_complexity)")]
    async fn nodes(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "At most 100 global IDs, of any types; a malformed one fails the whole\n\
                    call (BAD_USER_INPUT)."
        )]
        ids: Vec<ID>,
    ) -> AppResult<Vec<Option<Node>>> {
        require_role(ctx, Role::Viewer)?;
        if ids.len() > MAX_NODES {
            return Err(AppError::bad_input(format!(
                "Se pueden pedir como máximo {MAX_NODES} ids"
            )));
        }
        Ok(try_join_all(ids.iter().map(|id| load_node(ctx, id))).await?)
    }
}

async fn load_node(ctx: &Context<'_>, id: &ID) -> AppResult<Option<Node>> {
    let (type_name, db_id) = decode_global_id(id)?;
    let loaders = super::loaders(ctx);
    Ok(match type_name.as_str() {
        SocialWork::TYPE => loaders
            .social_works
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::SocialWork),
        Patient::TYPE => loaders
            .patients
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::Patient),
        // Accounts and roles are for ADMIN; anyone else sees only themself (others are null,
        // as if they did not exist).
        User::TYPE => {
            let claims = require_role(ctx, Role::Viewer)?;
            loaders
                .users
                .load_one(db_id)
                .await?
                .filter(|user| claims.role == Role::Admin || user.is(claims))
                .map(Arc::unwrap_or_clone)
                .map(Node::User)
        }
        Eps::TYPE => loaders
            .eps
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::Eps),
        Specialty::TYPE => loaders
            .specialties
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::Specialty),
        Location::TYPE => loaders
            .locations
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::Location),
        Authorization::TYPE => loaders
            .authorizations
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::Authorization),
        Order::TYPE => loaders
            .orders
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::Order),
        OrderItem::TYPE => loaders
            .order_item_rows
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::OrderItem),
        Practitioner::TYPE => loaders
            .practitioners
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::Practitioner),
        Availability::TYPE => loaders
            .availabilities
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::Availability),
        Slot::TYPE => loaders
            .slots
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::Slot),
        Appointment::TYPE => loaders
            .appointments
            .load_one(db_id)
            .await?
            .map(Arc::unwrap_or_clone)
            .map(Node::Appointment),
        _ => {
            return Err(AppError::bad_input(
                "El ID no corresponde a ningún tipo conocido",
            ));
        }
    })
}
