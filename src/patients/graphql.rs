//! GraphQL types and resolvers of patients.

use std::sync::Arc;

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object};

use super::model::{
    self, DocumentType, Filter, NewPatient, Patient, PatientChanges, PatientOrigin, SortKey,
};
use crate::{
    auth::{Role, RoleGuard, require_role},
    booking::{self, Appointment},
    catalog::Eps,
    error::AppResult,
    graphql::input::search_term,
    graphql::{
        Loaders, UserError, UserErrorCode, conn,
        connection::{self, Connection, Listing, PageRequest, TotalCount},
        ids::{decode_id, decode_optional_id, global_id},
        input::{nullable, nullable_text, optional_text, required_text},
        loaders, nodes_select, payload, read_pool,
        scalars::{Date, DateTime},
    },
    social_works::SocialWork,
};

impl Patient {
    pub const TYPE: &'static str = "Patient";
}

/// A person the clinic sees, affiliated with a social work.
#[Object]
impl Patient {
    /// Global ID (Relay): opaque, stable; use with `node(id:)`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people ("paciente 42"); arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// Given name(s), at most 100 characters.
    async fn first_name(&self) -> &str {
        &self.first_name
    }
    /// Surname(s), at most 100 characters; lists of patients sort by it first.
    async fn last_name(&self) -> &str {
        &self.last_name
    }
    /// "First Last".
    async fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
    /// The kind of identity document `documentNumber` is.
    async fn document_type(&self) -> DocumentType {
        self.document_type
    }
    /// 4 to 20 letters and digits, stored normalised (upper-cased, without the dots, dashes,
    /// slashes or spaces typed); unique per document type.
    async fn document_number(&self) -> &str {
        &self.document_number
    }
    /// Who registered the patient: staff, or an order import (whose social work may be
    /// inactive).
    async fn origin(&self) -> PatientOrigin {
        self.origin
    }
    /// From 1900-01-01 to today; null when unknown.
    async fn birth_date(&self) -> Option<Date> {
        self.birth_date.map(Date)
    }
    /// As given, free text of at most 30 characters; null when not given.
    async fn gender(&self) -> Option<&str> {
        self.gender.as_deref()
    }
    /// An address shaped `name@domain.tld`, at most 200 characters; null when not given.
    async fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }
    /// 10 to 20 characters: digits, spaces, `-` and `+`; null when not given.
    async fn phone(&self) -> Option<&str> {
        self.phone.as_deref()
    }
    /// Postal address, at most 200 characters; null when not given.
    async fn address(&self) -> Option<&str> {
        self.address.as_deref()
    }
    /// The social work the patient is affiliated with.
    async fn social_work(&self, ctx: &Context<'_>) -> AppResult<Arc<SocialWork>> {
        loaders(ctx)
            .social_works
            .referenced(self.social_work_id, "patient", self.id)
            .await
    }
    /// The Colombian EPS (insurer) the patient also belongs to; null when none.
    async fn eps(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<Eps>>> {
        Ok(match self.eps_id {
            Some(id) => loaders(ctx).eps.load_one(id).await?,
            None => None,
        })
    }
    /// SUAP NumeroAfiliado: the number on the insurer's card (the CUIT, the DNI or the
    /// insurer's own number, depending on the insurer), as given, at most 40 characters; null
    /// when unknown.
    async fn affiliate_number(&self) -> Option<&str> {
        self.affiliate_number.as_deref()
    }
    /// When the patient was registered (by staff or an order import).
    async fn created_at(&self) -> DateTime {
        DateTime(self.created_at)
    }
    /// When any of the patient's fields last changed; a write that changes nothing leaves it.
    async fn updated_at(&self) -> DateTime {
        DateTime(self.updated_at)
    }
    /// The patient's appointments in every state, soonest first.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn appointments(
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
    ) -> AppResult<Connection<Appointment>> {
        let page = PageRequest::new(first, after, last, before)?;
        booking::page_of_patient(ctx, self.id, page).await
    }
}

/// The patients of rows read with their social works; the request's cache keeps the social
/// works for the nodes to find (when it keeps rows at all: query documents only).
async fn keep_social_works(l: &Loaders, rows: Vec<(Patient, Option<SocialWork>)>) -> Vec<Patient> {
    let (patients, social_works): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
    if l.caching() {
        let social_works = social_works.into_iter().flatten();
        l.social_works
            .feed_many(social_works.map(|s| (s.id, Arc::new(s))))
            .await;
    }
    patients
}

/// One page of a social work's patients, batched with the other social works on the page.
pub async fn page_of_social_work(
    ctx: &Context<'_>,
    social_work_id: i32,
    page: PageRequest<SortKey>,
) -> AppResult<Connection<Patient>> {
    let rows = loaders(ctx)
        .patient_pages
        .load_one((social_work_id, page.clone()))
        .await?
        .unwrap_or_default();
    let total = TotalCount::new({
        let loaders = loaders(ctx).clone();
        move || {
            let loaders = loaders.clone();
            Box::pin(async move {
                Ok(i64::from(
                    loaders
                        .patient_counts
                        .load_one(social_work_id)
                        .await?
                        .unwrap_or(0),
                ))
            })
        }
    });
    Ok(page.into_connection(rows, Patient::sort_key, total))
}

/// Which patients `patients` lists; every condition given must hold.
#[derive(InputObject, Default)]
pub struct PatientFilter {
    /// Only patients of this social work.
    pub social_work_id: Option<ID>,
    /// Only patients of this EPS.
    pub eps_id: Option<ID>,
    /// First name, last name, full name or document number contains this (case- and
    /// accent-insensitive), or the affiliate number does, as typed ("61-123456-7/01" finds
    /// "61 123456 7 01": only letters and digits are compared). At most 100 characters.
    pub search: Option<String>,
}

#[derive(Default)]
pub struct PatientQuery;

#[Object]
impl PatientQuery {
    /// Patients by last name, first name, id.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn patients(
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
        #[graphql(desc = "Which patients; all when omitted.")] filter: Option<PatientFilter>,
    ) -> AppResult<Connection<Patient>> {
        require_role(ctx, Role::Viewer)?;
        let page = PageRequest::new(first, after, last, before)?;
        let filter = filter.unwrap_or_default();
        let filter = Filter {
            social_work_id: decode_optional_id(filter.social_work_id.as_ref(), SocialWork::TYPE)?,
            eps_id: decode_optional_id(filter.eps_id.as_ref(), Eps::TYPE)?,
            search: search_term(ctx, filter.search).await?,
        };
        let l = loaders(ctx);
        let pool = read_pool(ctx);
        let first_search_page =
            filter.search.is_some() && page.after.is_none() && page.before.is_none();
        if first_search_page && ctx.look_ahead().field("totalCount").exists() {
            // The search box's question at each keystroke: the count from the page's own pass.
            let (rows, total) =
                model::first_search_page_counted(&mut *pool.get().await?, &filter, &page).await?;
            let patients = keep_social_works(l, rows).await;
            return Ok(page.into_connection(patients, Patient::sort_key, TotalCount::known(total)));
        }
        let rows = if l.caching() && nodes_select(ctx, "socialWork") {
            // One statement for the page and its social works.
            let rows =
                model::page_with_social_works(&mut *pool.get().await?, &filter, &page).await?;
            keep_social_works(l, rows).await
        } else {
            filter.page(&mut *pool.get().await?, &page).await?
        };
        let total = TotalCount::of(&pool, filter);
        Ok(page.into_connection(rows, Patient::sort_key, total))
    }
}

/// A new patient. Texts are trimmed; an optional one left blank is none.
#[derive(InputObject)]
pub struct CreatePatientInput {
    /// Required, at most 100 characters.
    pub first_name: String,
    /// Required, at most 100 characters.
    pub last_name: String,
    /// The kind of identity document.
    pub document_type: DocumentType,
    /// As typed: dots, dashes, slashes and spaces are dropped, letters upper-cased; then 4 to
    /// 20 letters and digits. Unique per document type (`TAKEN`).
    pub document_number: String,
    /// From 1900-01-01 to today.
    pub birth_date: Option<Date>,
    /// Free text, at most 30 characters.
    pub gender: Option<String>,
    /// Shaped `name@domain.tld`, at most 200 characters.
    pub email: Option<String>,
    /// 10 to 20 characters: digits, spaces, `-` and `+`.
    pub phone: Option<String>,
    /// Postal address, at most 200 characters.
    pub address: Option<String>,
    /// An existing, active social work.
    pub social_work_id: ID,
    /// The number on the insurer's card, as printed, at most 40 characters.
    pub affiliate_number: Option<String>,
    /// An existing, active EPS.
    pub eps_id: Option<ID>,
}

/// `id` plus the fields to change; omitted fields stay as they are, null clears optional ones.
#[derive(InputObject)]
pub struct UpdatePatientInput {
    /// The patient to change.
    pub id: ID,
    /// As in `createPatient`; cannot be cleared (null is `REQUIRED`).
    pub first_name: MaybeUndefined<String>,
    /// As in `createPatient`; cannot be cleared (null is `REQUIRED`).
    pub last_name: MaybeUndefined<String>,
    /// The kind of identity document; null leaves it.
    pub document_type: Option<DocumentType>,
    /// As in `createPatient`; cannot be cleared (null is `REQUIRED`).
    pub document_number: MaybeUndefined<String>,
    /// As in `createPatient`; null clears it.
    pub birth_date: MaybeUndefined<Date>,
    /// As in `createPatient`; null or blank clears it.
    pub gender: MaybeUndefined<String>,
    /// As in `createPatient`; null or blank clears it.
    pub email: MaybeUndefined<String>,
    /// As in `createPatient`; null or blank clears it.
    pub phone: MaybeUndefined<String>,
    /// As in `createPatient`; null or blank clears it.
    pub address: MaybeUndefined<String>,
    /// Moving to another social work needs that one to be active; null leaves it.
    pub social_work_id: Option<ID>,
    /// As in `createPatient`; null or blank clears it.
    pub affiliate_number: MaybeUndefined<String>,
    /// Setting an EPS needs it active; null removes it.
    pub eps_id: MaybeUndefined<ID>,
}

crate::mutation_payload!(PatientPayload, patient: Patient);

#[derive(Default)]
pub struct PatientMutation;

#[Object]
impl PatientMutation {
    /// Registers a patient on an active social work. STAFF or ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn create_patient(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The patient; every mistake comes back at once in `userErrors`.")]
        input: CreatePatientInput,
    ) -> AppResult<PatientPayload> {
        require_role(ctx, Role::Staff)?;
        let new = NewPatient {
            first_name: input.first_name.trim().to_owned(),
            last_name: input.last_name.trim().to_owned(),
            document_type: input.document_type,
            document_number: input.document_number.trim().to_owned(),
            birth_date: input.birth_date.map(|d| d.0),
            gender: optional_text(input.gender),
            email: optional_text(input.email),
            phone: optional_text(input.phone),
            address: optional_text(input.address),
            social_work_id: decode_id(&input.social_work_id, SocialWork::TYPE)?,
            affiliate_number: optional_text(input.affiliate_number),
            eps_id: decode_optional_id(input.eps_id.as_ref(), Eps::TYPE)?,
        };
        let mut conn = conn(ctx).await?;
        let result = model::insert(&mut conn, &new).await.map(Some);
        Ok(payload(&mut conn, result, None, &new).await?)
    }

    /// Changes a patient's data or affiliation. STAFF or ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn update_patient(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "`id` and the fields to change; every mistake at once in `userErrors`.")]
        input: UpdatePatientInput,
    ) -> AppResult<PatientPayload> {
        require_role(ctx, Role::Staff)?;
        let id = decode_id(&input.id, Patient::TYPE)?;
        let changes = PatientChanges {
            first_name: required_text(input.first_name),
            last_name: required_text(input.last_name),
            document_type: input.document_type,
            document_number: required_text(input.document_number),
            birth_date: nullable(input.birth_date.map_value(|d| d.0)),
            gender: nullable_text(input.gender),
            email: nullable_text(input.email),
            phone: nullable_text(input.phone),
            address: nullable_text(input.address),
            social_work_id: decode_optional_id(input.social_work_id.as_ref(), SocialWork::TYPE)?,
            affiliate_number: nullable_text(input.affiliate_number),
            eps_id: match input.eps_id {
                MaybeUndefined::Undefined => None,
                MaybeUndefined::Null => Some(None),
                MaybeUndefined::Value(id) => Some(Some(decode_id(&id, Eps::TYPE)?)),
            },
        };
        let mut conn = conn(ctx).await?;
        let result = model::update(&mut conn, id, &changes).await;
        Ok(payload(&mut conn, result, Some(id), &changes).await?)
    }
}

/// The payload of a write: the patient, or every user error ([`payload::written`]).
async fn payload(
    conn: &mut diesel_async::AsyncPgConnection,
    result: diesel::QueryResult<Option<Patient>>,
    row: Option<i32>,
    candidate: &impl serde::Serialize,
) -> AppResult<PatientPayload> {
    let not_found = || UserError::new("id", UserErrorCode::NotFound, "El paciente no existe");
    payload::written(conn, result, "patients", row, candidate, not_found).await
}
