//! The audit log of agreements as the API shows it: the trail of one agreement, and the whole
//! log, readable after its agreements are deleted. Entries speak the API's language: field
//! names as the schema writes them, references as global IDs.

use std::sync::Arc;

use async_graphql::{Context, ID, InputObject, Object};

use super::model::{AuditFilter, AuditRow, Authorization};
use crate::{
    auth::{Role, require_role},
    catalog::{Eps, Location, Specialty},
    error::AppResult,
    graphql::{
        audit::{AuditAction, Columns, visible_author},
        connection::{self, Connection, PageRequest},
        ids::{decode_optional_id, global_id},
        loaders,
        scalars::{Date, DateTime, JsonValue},
    },
    users::User,
};

/// One change of an authorization, as the database's trigger recorded it.
pub struct AuditEntry(pub AuditRow);

impl From<AuditRow> for AuditEntry {
    fn from(row: AuditRow) -> Self {
        Self(row)
    }
}

/// One change of an authorization, recorded by the database whoever made it (through the API
/// or by hand in SQL). Entries are never changed or removed, and outlive their authorization.
#[Object]
impl AuditEntry {
    /// What the change did.
    async fn action(&self) -> AppResult<AuditAction> {
        AuditAction::from_sql(&self.0.action)
    }
    /// When the change was made (the start of its transaction).
    async fn changed_at(&self) -> DateTime {
        DateTime(self.0.changed_at)
    }
    /// Null for changes made outside the service (by hand in SQL), and, as in `node`, for
    /// other users unless the caller is ADMIN.
    async fn changed_by(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<User>>> {
        visible_author(ctx, self.0.changed_by).await
    }
    /// The global ID of the authorization changed; it stays valid as a filter of
    /// `authorizationAudit` after the authorization is deleted.
    async fn authorization_id(&self) -> ID {
        global_id(Authorization::TYPE, self.0.authorization_id)
    }
    /// The authorization as it is now; null once deleted.
    async fn authorization(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<Authorization>>> {
        loaders(ctx)
            .authorizations
            .load_one(self.0.authorization_id)
            .await
    }
    /// The EPS of the agreement; null once the EPS itself is deleted.
    async fn eps(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<Eps>>> {
        loaders(ctx).eps.load_one(self.0.eps_id).await
    }
    /// The specialty of the agreement; null once the specialty itself is deleted.
    async fn specialty(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<Specialty>>> {
        loaders(ctx).specialties.load_one(self.0.specialty_id).await
    }
    /// The site of the agreement; null once the site itself is deleted.
    async fn location(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<Location>>> {
        loaders(ctx).locations.load_one(self.0.location_id).await
    }
    /// The authorization before the change (null for a creation), with the schema's field
    /// names (`epsId`, `copayPercentage`…) and global IDs.
    async fn old_data(&self) -> Option<JsonValue> {
        self.0
            .old_data
            .as_ref()
            .map(|data| JsonValue(COLUMNS.snapshot(data)))
    }
    /// The authorization after the change (null for a deletion), as `oldData`.
    async fn new_data(&self) -> Option<JsonValue> {
        self.0
            .new_data
            .as_ref()
            .map(|data| JsonValue(COLUMNS.snapshot(data)))
    }
    /// Fields whose value changed, named as in `oldData` and `newData`.
    async fn changed_fields(&self) -> Vec<String> {
        COLUMNS.fields(&self.0.changed_fields)
    }
}

/// How the columns of `authorizations` read in the API.
const COLUMNS: Columns = Columns {
    references: |column| match column {
        "id" => Some(Authorization::TYPE),
        "eps_id" => Some(Eps::TYPE),
        "specialty_id" => Some(Specialty::TYPE),
        "location_id" => Some(Location::TYPE),
        "created_by" => Some(User::TYPE),
        _ => None,
    },
    decimals: &["copay_percentage"],
};

/// Which entries `authorizationAudit` lists; every condition given must hold.
#[derive(InputObject, Default)]
pub struct AuthorizationAuditFilter {
    /// One authorization's entries; the ID of a deleted authorization works too.
    pub authorization_id: Option<ID>,
    /// Entries of agreements with this EPS.
    pub eps_id: Option<ID>,
    /// Entries of agreements for this specialty.
    pub specialty_id: Option<ID>,
    /// Entries of agreements at this site.
    pub location_id: Option<ID>,
    /// Changes made by this user.
    pub changed_by: Option<ID>,
    /// Changes made on or after this day (the clinic's time zone).
    pub from: Option<Date>,
    /// Changes made on or before this day (the clinic's time zone).
    pub to: Option<Date>,
}

impl AuthorizationAuditFilter {
    fn into_model(self) -> AppResult<AuditFilter> {
        let id = |id: Option<ID>, kind| decode_optional_id(id.as_ref(), kind);
        Ok(AuditFilter {
            authorization_id: id(self.authorization_id, Authorization::TYPE)?,
            eps_id: id(self.eps_id, Eps::TYPE)?,
            specialty_id: id(self.specialty_id, Specialty::TYPE)?,
            location_id: id(self.location_id, Location::TYPE)?,
            changed_by: id(self.changed_by, User::TYPE)?,
            from: self.from.map(|d| d.0),
            to: self.to.map(|d| d.0),
        })
    }
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// The audit log of every authorization, newest first, including deleted ones.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn authorization_audit(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size from the start, 1 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "A cursor from this connection: the page after it.")] after: Option<
            String,
        >,
        #[graphql(desc = "Page size from the end, 1 to 100; not with `first`.")] last: Option<i32>,
        #[graphql(desc = "A cursor from this connection: the page before it.")] before: Option<
            String,
        >,
        #[graphql(desc = "Which entries; all when omitted.")] filter: Option<
            AuthorizationAuditFilter,
        >,
    ) -> AppResult<Connection<AuditEntry>> {
        require_role(ctx, Role::Viewer)?;
        let page = PageRequest::new(first, after, last, before)?;
        let filter = filter.unwrap_or_default().into_model()?;
        connection::list(ctx, page, filter, |entry: &AuditEntry| entry.0.id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_snapshots_name_their_references_by_global_id() {
        let row = serde_json::json!({
            "id": 7, "eps_id": 12, "specialty_id": 3, "location_id": 4, "created_by": 1,
            "copay_percentage": 12.5,
        });
        let api = COLUMNS.snapshot(&row);
        assert_eq!(api["id"], global_id(Authorization::TYPE, 7).0);
        assert_eq!(api["specialtyId"], global_id(Specialty::TYPE, 3).0);
        assert_eq!(api["createdBy"], global_id(User::TYPE, 1).0);
        assert_eq!(api["copayPercentage"], "12.50");
    }
}
