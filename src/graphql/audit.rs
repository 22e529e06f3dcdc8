//! What every audit trail shares (agreements', appointments'): the action enum, the author as
//! the caller may see it, and snapshots in the API's language: field names as the schema
//! writes them, references as global IDs.

use std::sync::Arc;

use async_graphql::{Context, Enum};
use serde_json::{Map, Value};

use super::{ids::global_id, loaders};
use crate::{
    auth::{Role, require_role},
    error::{AppError, AppResult},
    users::User,
};

/// What a change did to an audited entity (an authorization, an appointment).
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    /// It was created: `oldData` is null.
    Created,
    /// Some of its fields changed (`changedFields`); a write that changes nothing is not
    /// recorded.
    Updated,
    /// It was deleted (also by a TRUNCATE by hand): `newData` is null.
    Deleted,
}

impl AuditAction {
    /// The action as the audit triggers write it.
    pub fn from_sql(action: &str) -> AppResult<Self> {
        match action {
            "CREATED" => Ok(Self::Created),
            "UPDATED" => Ok(Self::Updated),
            "DELETED" => Ok(Self::Deleted),
            other => Err(AppError::internal(format_args!(
                "unknown audit action {other}"
            ))),
        }
    }
}

/// The author of a change: null for changes made outside the service, and, as in `node`, for
/// other users unless the caller is ADMIN.
pub async fn visible_author(ctx: &Context<'_>, id: Option<i32>) -> AppResult<Option<Arc<User>>> {
    let claims = require_role(ctx, Role::Viewer)?;
    Ok(match id {
        Some(id) => loaders(ctx)
            .users
            .load_one(id)
            .await?
            .filter(|user| claims.role == Role::Admin || user.is(claims)),
        None => None,
    })
}

/// How a table's columns read in the API: the type whose global ID a reference column
/// holds, and which columns are exact decimals (written as strings, as `Decimal` is).
pub struct Columns {
    pub references: fn(&str) -> Option<&'static str>,
    pub decimals: &'static [&'static str],
}

impl Columns {
    /// A row snapshot (`to_jsonb(row)`) with the schema's field names and global IDs.
    pub fn snapshot(&self, row: &Value) -> Value {
        let Some(columns) = row.as_object() else {
            return row.clone();
        };
        let mut fields = Map::with_capacity(columns.len());
        for (column, value) in columns {
            let value = match ((self.references)(column), value) {
                (Some(kind), Value::Number(n)) => {
                    match n.as_i64().and_then(|n| i32::try_from(n).ok()) {
                        Some(id) => Value::String(global_id(kind, id).0),
                        None => value.clone(),
                    }
                }
                (None, Value::Number(n)) if self.decimals.contains(&column.as_str()) => {
                    Value::String(format!("{:.2}", n.as_f64().unwrap_or_default()))
                }
                _ => value.clone(),
            };
            fields.insert(camel_case(column), value);
        }
        Value::Object(fields)
    }

    /// Changed columns by their API names.
    pub fn fields(&self, columns: &[String]) -> Vec<String> {
        columns.iter().map(|column| camel_case(column)).collect()
    }
}

/// `max_monthly_appointments` -> `maxMonthlyAppointments`.
pub fn camel_case(column: &str) -> String {
    let mut name = String::with_capacity(column.len());
    let mut upper = false;
    for c in column.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            name.extend(c.to_uppercase());
            upper = false;
        } else {
            name.push(c);
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_speak_the_api_language() {
        let columns = Columns {
            references: |column| match column {
                "id" => Some("Thing"),
                "eps_id" => Some("Eps"),
                _ => None,
            },
            decimals: &["copay_percentage"],
        };
        let row = serde_json::json!({
            "id": 7, "eps_id": 12, "copay_percentage": 12.5, "requires_prior_authorization": true,
            "expiration_date": "2026-12-31", "notes": null,
        });
        let api = columns.snapshot(&row);
        assert_eq!(api["id"], global_id("Thing", 7).0);
        assert_eq!(api["epsId"], global_id("Eps", 12).0);
        assert_eq!(api["copayPercentage"], "12.50");
        assert_eq!(api["requiresPriorAuthorization"], true);
        assert_eq!(api["expirationDate"], "2026-12-31");
        assert!(api.get("eps_id").is_none());
        assert_eq!(
            camel_case("max_monthly_appointments"),
            "maxMonthlyAppointments"
        );
    }
}
