//! GraphQL types and resolvers of orders: the SUAP fields, the billing verdicts, the billing
//! summary, and the order mutations.

use std::sync::Arc;

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use diesel_async::AsyncConnection;

use super::{
    import,
    model::{self, Filter, ItemFields, MAX_ITEMS, Order, OrderFields, OrderItem},
    status::{OrderAuthorizationStatus, OrderItemAuthorizationStatus},
};
use crate::{
    auth::{Role, RoleGuard, require_role},
    catalog::Location,
    error::{AppError, AppResult},
    graphql::{
        UserError, UserErrorCode, conn,
        connection::{self, Connection, PageRequest},
        ids::{decode_id, decode_optional_id, global_id},
        input::{optional_text, search_term},
        loaders, nodes_select, payload, read_pool,
        scalars::{Date, DateTime, Decimal, JsonValue},
    },
    mutation_payload,
    patients::Patient,
    practitioners::Practitioner,
    social_works::SocialWork,
};

/// Loads, for a page of orders, what its nodes select of their items, affiliate, social
/// work, point of care and practitioners: one statement each, concurrently.
async fn prime_page(ctx: &Context<'_>, page: &Connection<Order>) -> AppResult<()> {
    let l = loaders(ctx);
    let rows: Vec<&Order> = page.edges.iter().map(|edge| &edge.node).collect();
    // Providers and prescribers are both practitioners: one statement for either or both.
    let people: Vec<i32> = match nodes_select(ctx, "provider") || nodes_select(ctx, "prescriber") {
        true => rows
            .iter()
            .flat_map(|o| o.provider_id.into_iter().chain(o.prescriber_id))
            .collect(),
        false => vec![],
    };
    futures_util::try_join!(
        l.prime_selected(ctx, "items", &l.order_items, rows.iter().map(|o| o.id)),
        l.prime_selected(
            ctx,
            "patient",
            &l.patients,
            rows.iter().map(|o| o.affiliate_id)
        ),
        l.prime_selected(
            ctx,
            "socialWork",
            &l.social_works,
            rows.iter().map(|o| o.social_work_id)
        ),
        l.prime_selected(
            ctx,
            "pointOfCare",
            &l.locations,
            rows.iter().filter_map(|o| o.point_of_care_id)
        ),
        l.prime(&l.practitioners, people),
    )?;
    Ok(())
}

/// SUAP's order types.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderType {
    /// SUAP `CONSUMO`: the only type that can be billed.
    Consumption,
    /// Any other SUAP `Tipo` (`PRESUPUESTO`, …), kept as given in `suapType`: never billable.
    Other,
}

impl Order {
    pub const TYPE: &'static str = "Order";
}
impl OrderItem {
    pub const TYPE: &'static str = "OrderItem";
}

/// An order (SUAP "orden"): who was seen, for what, and how the insurer authorized it.
#[Object]
impl Order {
    /// Global ID (Relay): opaque, stable; use with `node(id:)`.
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people ("orden 1234"; not SUAP's number, which is in `token`);
    /// arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// SUAP's token ("O" + SUAP's order number), as the clerk reads it on SUAP; null for
    /// orders created here, which SUAP does not know.
    async fn token(&self) -> Option<&str> {
        self.suap_token.as_deref()
    }
    /// SUAP's own token, for imported orders.
    #[graphql(deprecation = "Use `token`: it is SUAP's token now.")]
    async fn suap_token(&self) -> Option<&str> {
        self.suap_token.as_deref()
    }
    /// SUAP's `Tipo`: CONSUMPTION (`CONSUMO`, the one billable type) or OTHER (its name in
    /// `suapType`).
    #[graphql(name = "type")]
    async fn order_type(&self) -> OrderType {
        if self.type_ == model::CONSUMPTION {
            OrderType::Consumption
        } else {
            OrderType::Other
        }
    }
    /// SUAP's `Tipo` as it names it (`CONSUMO`, `PRESUPUESTO`, …).
    async fn suap_type(&self) -> &str {
        if self.type_ == model::CONSUMPTION {
            "CONSUMO"
        } else {
            &self.type_
        }
    }
    /// SUAP NumeroOrden: the order's number as the ticket's barcode shows it, at most 40
    /// characters; null when not given.
    async fn order_number(&self) -> Option<&str> {
        self.order_number.as_deref()
    }
    /// The clinic's site where it was served, as staff gave it in `createOrder`; null when not
    /// given, and for imports (SUAP's own point of care is `suapPointOfCare`).
    async fn point_of_care(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<Location>>> {
        Ok(match self.point_of_care_id {
            Some(id) => loaders(ctx).locations.load_one(id).await?,
            None => None,
        })
    }
    /// SUAP's _PuntoAtencion, as received.
    async fn suap_point_of_care(&self) -> Option<i32> {
        self.suap_point_of_care
    }
    /// SUAP Sucursal: the provider's branch where the order was authorized, for providers
    /// with branches; at most 100 characters, null when not given.
    async fn branch(&self) -> Option<&str> {
        self.branch.as_deref()
    }
    /// SUAP FechaRealizacion: the day the service was performed (the sample taken, the
    /// consultation held); not the authorization date. Null when not given.
    async fn performed_on(&self) -> Option<Date> {
        self.performed_on.map(Date)
    }
    /// SUAP FechaPrescripcion: the date on the prescription (Rp.), when there is one.
    async fn prescribed_on(&self) -> Option<Date> {
        self.prescribed_on.map(Date)
    }
    /// SUAP FechaAutorizacion: the consumption date.
    async fn authorized_at(&self) -> Option<DateTime> {
        self.authorized_at.map(DateTime)
    }
    /// SUAP DiagnosticoTexto: the diagnosis as typed (usually by reception), without any
    /// coding; at most 2000 characters, null when not given.
    async fn diagnosis_text(&self) -> Option<&str> {
        self.diagnosis_text.as_deref()
    }
    /// SUAP Observaciones: remarks on the order, at most 2000 characters; null when none.
    async fn observations(&self) -> Option<&str> {
        self.observations.as_deref()
    }
    /// SUAP EstadoAutorizacion of the whole order: it ranks above the items' states, and with
    /// them decides which items are billable.
    async fn authorization_status(&self) -> OrderAuthorizationStatus {
        self.authorization_status
    }
    /// SUAP MensajeAutorizacion: the order's state in words, for people (not for logic); at
    /// most 2000 characters, null when none.
    async fn authorization_message(&self) -> Option<&str> {
        self.authorization_message.as_deref()
    }
    /// SUAP AnuladoPorPrestador: cancelled by the provider, so never billable. Once true it
    /// stays true, whatever a later import says.
    async fn cancelled_by_provider(&self) -> bool {
        self.cancelled_by_provider
    }
    /// SUAP Borrador: still a draft (a test that consumed nothing of the affiliate), so not
    /// billable whatever its states.
    async fn draft(&self) -> bool {
        self.draft
    }
    /// SUAP EstadoVerificacion: verified by the professional association or the provider's
    /// own check. Informational for closing a billing period; `billable` does not weigh it.
    async fn verified(&self) -> bool {
        self.verified
    }
    /// The patient seen: SUAP's "afiliado".
    async fn patient(&self, ctx: &Context<'_>) -> AppResult<Arc<Patient>> {
        loaders(ctx)
            .patients
            .referenced(self.affiliate_id, "order", self.id)
            .await
    }
    /// The social work billed (SUAP's obraSocial of the order); `socialWorkId` in inputs and
    /// filters.
    async fn social_work(&self, ctx: &Context<'_>) -> AppResult<Arc<SocialWork>> {
        loaders(ctx)
            .social_works
            .referenced(self.social_work_id, "order", self.id)
            .await
    }
    /// SUAP prestador: who performed the service (a person or a company); null when unknown.
    async fn provider(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<Practitioner>>> {
        Ok(match self.provider_id {
            Some(id) => loaders(ctx).practitioners.load_one(id).await?,
            None => None,
        })
    }
    /// SUAP prescriptor: who wrote the prescription; null when unknown or none.
    async fn prescriber(&self, ctx: &Context<'_>) -> AppResult<Option<Arc<Practitioner>>> {
        Ok(match self.prescriber_id {
            Some(id) => loaders(ctx).practitioners.load_one(id).await?,
            None => None,
        })
    }
    /// Its practices (SUAP itemsOrden), in the order given.
    async fn items(&self, ctx: &Context<'_>) -> AppResult<Arc<Vec<OrderItem>>> {
        Ok(loaders(ctx)
            .order_items
            .load_one(self.id)
            .await?
            .unwrap_or_default())
    }
    /// As SUAP reported it (for orders created here: the sum of the authorized items).
    async fn total_authorized_value(&self) -> Decimal {
        Decimal(self.total_authorized_value.clone())
    }
    /// As SUAP reported it (for orders created here: the sum of the authorized items' copays).
    async fn total_copay_value(&self) -> Decimal {
        Decimal(self.total_copay_value.clone())
    }
    /// At least one item may be billed (seed 002's rules).
    async fn billable(&self) -> bool {
        self.billable
    }
    /// Sum of the billable items' values.
    async fn billable_amount(&self) -> Decimal {
        Decimal(self.billable_amount.clone())
    }
    /// The billable items' copays; when no item carries one, a billable order's own copay
    /// (`totalCopayValue`: the agreement computes it for the whole order).
    async fn billable_copay_amount(&self) -> Decimal {
        Decimal(self.billable_copay_amount.clone())
    }
    /// SUAP's totals differ from the sums of its authorized items.
    async fn totals_mismatch(&self) -> bool {
        self.totals_mismatch
    }
    /// When it was registered here (created, or first imported).
    async fn created_at(&self) -> DateTime {
        DateTime(self.created_at)
    }
    /// When it last changed: a cancellation, a re-import that changed something, or a change
    /// of its billing verdict.
    async fn updated_at(&self) -> DateTime {
        DateTime(self.updated_at)
    }
}

/// One practice of an order (SUAP "itemsOrden").
#[Object]
impl OrderItem {
    /// Global ID (Relay): opaque, stable; use with `node(id:)` (each practice is a Node of
    /// its own).
    pub async fn id(&self) -> ID {
        global_id(Self::TYPE, self.id)
    }
    /// The row id, for people; arguments take the global `id`.
    async fn database_id(&self) -> i32 {
        self.id
    }
    /// SUAP's token of the practice ("PO" + SUAP's number); null for items created here.
    async fn token(&self) -> Option<&str> {
        self.suap_token.as_deref()
    }
    /// SUAP CodigoNomenclador: the practice's code in the agreed nomenclator (not the
    /// insurer's own code), at most 40 characters.
    async fn nomenclator_code(&self) -> &str {
        &self.nomenclator_code
    }
    /// SUAP Nomenclador: the name of the nomenclator agreed with the insurer, at most 100
    /// characters (may be empty).
    async fn nomenclator(&self) -> &str {
        &self.nomenclator
    }
    /// SUAP Nombre: the practice's name, at most 300 characters.
    async fn name(&self) -> &str {
        &self.name
    }
    /// SUAP EstadoAutorizacion of this practice alone; whether it is billable also depends on
    /// its order's.
    async fn authorization_status(&self) -> OrderItemAuthorizationStatus {
        self.authorization_status
    }
    /// SUAP MensajeAutorizacion of the practice: its state in words, for the operator (not
    /// for logic); at most 2000 characters, null when none.
    async fn authorization_message(&self) -> Option<&str> {
        self.authorization_message.as_deref()
    }
    /// SUAP ValorTotal: the practice's value in pesos whatever its authorization (a rejected
    /// practice's is not in the order's totals).
    async fn total_value(&self) -> Decimal {
        Decimal(self.total_value.clone())
    }
    /// SUAP ValorCoseguro: the practice's copay in pesos, when the agreement computes it per
    /// practice; null when it does not (see the order's `totalCopayValue`).
    async fn copay_value(&self) -> Option<Decimal> {
        self.copay_value.clone().map(Decimal)
    }
    /// May be billed to the insurer (seed 002's table).
    async fn billable(&self) -> bool {
        self.billable
    }
}

/// Which orders `orders` lists; every condition given must hold.
#[derive(InputObject, Default)]
pub struct OrderFilter {
    /// Only orders billed to this social work.
    pub social_work_id: Option<ID>,
    /// Only orders of this patient (SUAP's affiliate).
    pub patient_id: Option<ID>,
    /// Any of these order states.
    pub status: Option<Vec<OrderAuthorizationStatus>>,
    /// Only orders with (true) or without (false) a billable item.
    pub billable: Option<bool>,
    /// Only orders whose SUAP totals disagree (true) or agree (false) with their items.
    pub totals_mismatch: Option<bool>,
    /// Performed on or after this day.
    pub performed_from: Option<Date>,
    /// Performed on or before this day.
    pub performed_to: Option<Date>,
    /// SUAP's verification (`EstadoVerificacion`), for closing a period.
    pub verified: Option<bool>,
    /// Consumed on or after this day: SUAP's authorization date, in the clinic's time zone,
    /// the same day `billingSummary` counts it on. Orders without an authorization date are
    /// never consumed (find them with `consumed: false`).
    pub consumed_from: Option<Date>,
    /// Consumed on or before this day (see `consumedFrom`).
    pub consumed_to: Option<Date>,
    /// Has an authorization date (true), or none, and so is in no billing summary (false).
    pub consumed: Option<bool>,
    /// SUAP token ("O458812"), ticket number (`NumeroOrden`), or the affiliate's name,
    /// document or affiliate number, as typed: case, accents and separators aside, taken
    /// literally. At most 100 characters.
    pub search: Option<String>,
}

/// One social work's line of `billingSummary`: its orders consumed in the period. Only social
/// works with such orders have a line; lines come by social work name.
#[derive(SimpleObject)]
pub struct BillingSummaryRow {
    /// The social work billed.
    pub social_work: Arc<SocialWork>,
    /// Orders consumed in the period, billable or not.
    pub order_count: i32,
    /// Of those, the orders with at least one billable item.
    pub billable_order_count: i32,
    /// Sum of their billable items' values (each order's `billableAmount`), in pesos.
    pub billable_amount: Decimal,
    /// Sum of their billable copays (each order's `billableCopayAmount`), in pesos.
    pub copay_amount: Decimal,
}

#[derive(Default)]
pub struct OrderQuery;

#[Object]
impl OrderQuery {
    /// Orders by id.
    #[graphql(complexity = "connection::cost(first, last, child_complexity)")]
    async fn orders(
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
        #[graphql(desc = "Which orders; all when omitted.")] filter: Option<OrderFilter>,
    ) -> AppResult<Connection<Order>> {
        require_role(ctx, Role::Viewer)?;
        let page = PageRequest::new(first, after, last, before)?;
        let f = filter.unwrap_or_default();
        let filter = Filter {
            social_work_id: decode_optional_id(f.social_work_id.as_ref(), SocialWork::TYPE)?,
            patient_id: decode_optional_id(f.patient_id.as_ref(), Patient::TYPE)?,
            statuses: f.status,
            billable: f.billable,
            totals_mismatch: f.totals_mismatch,
            performed_from: f.performed_from.map(|d| d.0),
            performed_to: f.performed_to.map(|d| d.0),
            verified: f.verified,
            consumed_from: f.consumed_from.map(|d| d.0),
            consumed_to: f.consumed_to.map(|d| d.0),
            consumed: f.consumed,
            search: search_term(ctx, f.search).await?,
        };
        let orders = connection::list(ctx, page, filter, |o: &Order| o.id).await?;
        prime_page(ctx, &orders).await?;
        Ok(orders)
    }

    /// An imported order by SUAP's token ("O458812"); null when no order has it.
    async fn order_by_token(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "\"O\" followed by SUAP's order number, 1 to 18 digits.")] token: String,
    ) -> AppResult<Option<Arc<Order>>> {
        require_role(ctx, Role::Viewer)?;
        let token = token.trim();
        let digits = token.strip_prefix('O').unwrap_or_default();
        if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AppError::bad_input(
                "El token de orden debe ser O seguido del número de orden de SUAP",
            ));
        }
        match model::id_by_suap_token(&mut *conn(ctx).await?, token).await? {
            Some(id) => loaders(ctx).orders.load_one(id).await,
            None => Ok(None),
        }
    }

    /// Per social work, the orders consumed (SUAP's authorization date, in the clinic's time
    /// zone) from `from` to `to`, both inclusive: how many, how many billable, and the billable
    /// amounts.
    async fn billing_summary(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "First day of the period, inclusive.")] from: Date,
        #[graphql(desc = "Last day of the period, inclusive; not before `from`.")] to: Date,
        #[graphql(desc = "Only this social work's line; every social work's when omitted.")]
        social_work_id: Option<ID>,
    ) -> AppResult<Vec<BillingSummaryRow>> {
        require_role(ctx, Role::Viewer)?;
        if from > to {
            return Err(AppError::bad_input("`from` no puede ser posterior a `to`"));
        }
        let social_work = decode_optional_id(social_work_id.as_ref(), SocialWork::TYPE)?;
        let rows =
            model::billing_summary(&mut *read_pool(ctx).get().await?, from.0, to.0, social_work)
                .await?;
        let social_works = loaders(ctx)
            .social_works
            .load_many(rows.iter().map(|r| r.social_work_id))
            .await?;
        rows.into_iter()
            .map(|row| {
                let social_work = social_works
                    .get(&row.social_work_id)
                    .cloned()
                    .ok_or_else(|| AppError::internal("summary row without social work"))?;
                Ok(BillingSummaryRow {
                    social_work,
                    order_count: i32::try_from(row.order_count).unwrap_or(i32::MAX),
                    billable_order_count: i32::try_from(row.billable_order_count)
                        .unwrap_or(i32::MAX),
                    billable_amount: Decimal(row.billable_amount),
                    copay_amount: Decimal(row.copay_amount),
                })
            })
            .collect::<AppResult<_>>()
    }
}

/// One practice of a new order (SUAP itemsOrden). Texts are trimmed.
#[derive(InputObject)]
pub struct CreateOrderItemInput {
    /// The practice's code in the agreed nomenclator; required, at most 40 characters.
    pub nomenclator_code: String,
    /// The nomenclator's name, at most 100 characters.
    pub nomenclator: String,
    /// The practice's name; required, at most 300 characters.
    pub name: String,
    /// The practice's SUAP state.
    #[graphql(default_with = "OrderItemAuthorizationStatus::Unprocessed")]
    pub authorization_status: OrderItemAuthorizationStatus,
    /// The state in words, at most 2000 characters; blank is none.
    pub authorization_message: Option<String>,
    /// The practice's value in pesos: 0 or more, at most 12 integer digits and two decimals.
    pub total_value: Decimal,
    /// The practice's copay in pesos, as `totalValue`; null when the agreement computes none
    /// per practice.
    pub copay_value: Option<Decimal>,
}

/// An order registered by staff (not through SUAP: it has no `token`). Texts are trimmed; an
/// optional one left blank is none.
#[derive(InputObject)]
pub struct CreateOrderInput {
    /// The patient seen.
    pub patient_id: ID,
    /// Default: the patient's social work.
    pub social_work_id: Option<ID>,
    /// CONSUMPTION (default) for a billable consumption; OTHER for anything else (kept as
    /// `suapType` "OTHER", never billable).
    #[graphql(name = "type", default_with = "OrderType::Consumption")]
    pub order_type: OrderType,
    /// The ticket's order number, at most 40 characters.
    pub order_number: Option<String>,
    /// The clinic's site where it was served.
    pub point_of_care_id: Option<ID>,
    /// The provider's branch, at most 100 characters.
    pub branch: Option<String>,
    /// The day the service was performed.
    pub performed_on: Option<Date>,
    /// The date on the prescription.
    pub prescribed_on: Option<Date>,
    /// When the insurer authorized it: the consumption date `billingSummary` counts it on.
    /// Null: not consumed, in no billing summary.
    pub authorized_at: Option<DateTime>,
    /// The diagnosis as text, at most 2000 characters.
    pub diagnosis_text: Option<String>,
    /// Remarks, at most 2000 characters.
    pub observations: Option<String>,
    /// The order's SUAP state.
    #[graphql(default_with = "OrderAuthorizationStatus::Unprocessed")]
    pub authorization_status: OrderAuthorizationStatus,
    /// The state in words, at most 2000 characters.
    pub authorization_message: Option<String>,
    /// True: a draft, never billable.
    #[graphql(default = false)]
    pub draft: bool,
    /// Verified for closing a period (informational).
    #[graphql(default = false)]
    pub verified: bool,
    /// The practitioner who performed it (a `Practitioner`'s global ID).
    pub provider_id: Option<ID>,
    /// The practitioner who prescribed it (a `Practitioner`'s global ID).
    pub prescriber_id: Option<ID>,
    /// 1 to 500 practices.
    pub items: Vec<CreateOrderItemInput>,
}

/// Which order `cancelOrder` cancels.
#[derive(InputObject)]
pub struct CancelOrderInput {
    /// The order's global ID.
    pub id: ID,
}

/// A SUAP order to import, as SUAP's web service returns it.
#[derive(InputObject)]
pub struct ImportSuapOrderInput {
    /// The RENDER section of a SUAP order, with SUAP's field names; or SUAP's whole response
    /// (`REST`, `RENDER`, `STATUS`, `VIEW`), whose RENDER is read only when its `STATUS.ERROR`
    /// is empty (else `SUAP_ERROR`).
    pub render: JsonValue,
}

mutation_payload!(OrderPayload, order: Order);

fn order_not_found() -> UserError {
    UserError::new("id", UserErrorCode::NotFound, "La orden no existe")
}

/// The table whose CHECKs name the user errors of an order's write.
const TABLE: &str = "orders";

#[derive(Default)]
pub struct OrderMutation;

#[Object]
impl OrderMutation {
    /// Registers an order with its items, in one transaction; its totals are the sums of the
    /// authorized items. STAFF or ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn create_order(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The order and its practices.")] input: CreateOrderInput,
    ) -> AppResult<OrderPayload> {
        require_role(ctx, Role::Staff)?;
        if input.items.is_empty() || input.items.len() > MAX_ITEMS {
            return Ok(OrderPayload::from(Err(UserError::new(
                "items",
                UserErrorCode::InvalidLength,
                format!("La orden debe tener entre 1 y {MAX_ITEMS} prácticas"),
            ))));
        }
        let affiliate_id = decode_id(&input.patient_id, Patient::TYPE)?;
        let explicit_social_work =
            decode_optional_id(input.social_work_id.as_ref(), SocialWork::TYPE)?;
        let practitioner = |id: &Option<ID>| decode_optional_id(id.as_ref(), Practitioner::TYPE);
        let (provider_id, prescriber_id) = (
            practitioner(&input.provider_id)?,
            practitioner(&input.prescriber_id)?,
        );
        let point_of_care_id = decode_optional_id(input.point_of_care_id.as_ref(), Location::TYPE)?;
        let Some(patient) = loaders(ctx).patients.load_one(affiliate_id).await? else {
            return Ok(OrderPayload::from(Err(UserError::new(
                "patientId",
                UserErrorCode::NotFound,
                "El paciente no existe",
            ))));
        };
        let fields = OrderFields {
            suap_token: None,
            order_type: match input.order_type {
                OrderType::Consumption => model::CONSUMPTION,
                OrderType::Other => "OTHER",
            }
            .to_owned(),
            order_number: optional_text(input.order_number),
            point_of_care_id,
            suap_point_of_care: None,
            branch: optional_text(input.branch),
            performed_on: input.performed_on.map(|d| d.0),
            prescribed_on: input.prescribed_on.map(|d| d.0),
            authorized_at: input.authorized_at.map(|d| d.0.to_rfc3339()),
            diagnosis_text: optional_text(input.diagnosis_text),
            observations: optional_text(input.observations),
            authorization_status: input.authorization_status,
            authorization_message: optional_text(input.authorization_message),
            cancelled_by_provider: false,
            draft: input.draft,
            verified: input.verified,
            affiliate_id,
            social_work_id: explicit_social_work.unwrap_or(patient.social_work_id),
            provider_id,
            prescriber_id,
            totals: None,
        };
        let items: Vec<ItemFields> = input
            .items
            .into_iter()
            .enumerate()
            .map(|(position, item)| ItemFields {
                position: position as i32,
                suap_token: None,
                nomenclator_code: item.nomenclator_code.trim().to_owned(),
                nomenclator: item.nomenclator.trim().to_owned(),
                name: item.name.trim().to_owned(),
                authorization_status: item.authorization_status,
                authorization_message: optional_text(item.authorization_message),
                total_value: item.total_value.0,
                copay_value: item.copay_value.map(|d| d.0),
            })
            .collect();
        let mut conn = conn(ctx).await?;
        let saved = conn
            .transaction(async |conn| {
                let id = model::save_order(conn, None, &fields).await?;
                model::save_items(conn, id, &items).await?;
                model::set_totals_from_items(conn, id).await?;
                model::by_id(conn, id).await
            })
            .await;
        // The order's CHECKs name every mistake of its own fields; an item's is its first.
        payload::written(&mut conn, saved, TABLE, None, &fields, order_not_found).await
    }

    /// Marks an order cancelled by the provider: never billable again. STAFF or ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn cancel_order(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The order to cancel.")] input: CancelOrderInput,
    ) -> AppResult<OrderPayload> {
        require_role(ctx, Role::Staff)?;
        let id = decode_id(&input.id, Order::TYPE)?;
        let mut conn = conn(ctx).await?;
        let result = match model::cancel(&mut conn, id).await {
            Ok(true) => model::by_id(&mut conn, id).await,
            Ok(false) => Ok(None),
            Err(err) => Err(err),
        };
        // Cancelling sets one flag: nothing to judge but the row's absence.
        payload::written(&mut conn, result, TABLE, Some(id), &(), order_not_found).await
    }

    /// Creates or updates an order from the RENDER section of a SUAP order, finding or creating
    /// its patient and practitioners, in one transaction; the same document twice changes
    /// nothing the second time. Problems come back as user errors whose `field` is the JSON
    /// path. STAFF or ADMIN.
    #[graphql(guard = "RoleGuard::new(Role::Staff)")]
    async fn import_suap_order(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The SUAP document; every problem comes back at once, at its JSON path.")]
        input: ImportSuapOrderInput,
    ) -> AppResult<OrderPayload> {
        require_role(ctx, Role::Staff)?;
        let render = match import::parse(&input.render.0) {
            Ok(render) => render,
            Err(errors) => return Ok(Err::<Order, _>(errors).into()),
        };
        let mut conn = conn(ctx).await?;
        // The import reports its problems at their JSON paths itself.
        Ok(match import::save(&mut conn, &render).await? {
            Ok(id) => model::by_id(&mut conn, id)
                .await?
                .ok_or_else(order_not_found),
            Err(errors) => return Ok(Err::<Order, _>(errors).into()),
        }
        .into())
    }
}
