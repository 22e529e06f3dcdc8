//! Rows and queries of `social_works`.

use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::{
    db::page::{Listing, PageRequest},
    db::{schema::social_works, search_text, strpos},
    text_enum,
};

text_enum! {
    /// Activa: accepted by the clinic. Inactiva: no new patients; existing ones keep it.
    pub enum SocialWorkState {
        /// Activa: accepted by the clinic; staff may register patients on it.
        Active => "active",
        /// Inactiva: no longer accepted for new patients (nor for moving a patient to it);
        /// patients already affiliated keep it, and SUAP imports still record its orders.
        Inactive => "inactive",
    }
}

#[derive(Queryable, Selectable, Identifiable, Debug, Clone)]
#[diesel(table_name = social_works)]
pub struct SocialWork {
    pub id: i32,
    pub name: String,
    pub state: SocialWorkState,
    pub address: String,
    pub phone: String,
    pub webpage: String,
    pub code: Option<String>,
    pub biochemical_unit_value: Option<BigDecimal>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub contact_pending: bool,
}

/// Sort key of the `socialWorks` connection: name, then id.
pub type SortKey = (String, i32);

impl SocialWork {
    pub fn sort_key(&self) -> SortKey {
        (self.name.clone(), self.id)
    }
}

/// Serialize: the candidate row `constraints::outcome_with_every_error` checks (column names).
#[derive(Insertable, serde::Serialize)]
#[diesel(table_name = social_works)]
pub struct NewSocialWork {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub webpage: String,
    pub code: Option<String>,
    pub biochemical_unit_value: Option<BigDecimal>,
}

/// `None` leaves a column as it is; `Some(None)` clears a nullable one.
/// Serialized (set columns only) for `constraints::outcome_with_every_error`.
#[derive(AsChangeset, Default, serde::Serialize)]
#[diesel(table_name = social_works)]
pub struct SocialWorkChanges {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    // A typed state always passes its CHECK.
    #[serde(skip)]
    pub state: Option<SocialWorkState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webpage: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub biochemical_unit_value: Option<Option<BigDecimal>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_pending: Option<bool>,
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub state: Option<SocialWorkState>,
    pub contact_pending: Option<bool>,
    /// Name contains, ignoring case and accents.
    pub search: Option<String>,
}

fn filtered(filter: &Filter) -> social_works::BoxedQuery<'static, diesel::pg::Pg> {
    let mut query = social_works::table.into_boxed();
    if let Some(state) = filter.state {
        query = query.filter(social_works::state.eq(state));
    }
    if let Some(pending) = filter.contact_pending {
        query = query.filter(social_works::contact_pending.eq(pending));
    }
    if let Some(term) = filter.search.as_deref() {
        query = query.filter(strpos(search_text(social_works::name), term.to_owned()).gt(0));
    }
    query
}

crate::counted_by!(Filter, filtered);

/// Social works by name, then id.
impl Listing for Filter {
    type Row = SocialWork;
    type Key = SortKey;
    async fn page(
        &self,
        conn: &mut AsyncPgConnection,
        page: &PageRequest<SortKey>,
    ) -> QueryResult<Vec<SocialWork>> {
        use social_works::{id, name};
        crate::page_of!(filtered(self), (name, id), page, SocialWork::as_select())
            .load(conn)
            .await
    }
}

crate::row_statements!(
    social_works,
    SocialWork,
    NewSocialWork,
    SocialWorkChanges,
    delete
);
