//! `importSuapOrder`: the RENDER section of a SUAP order (seed 002), read with SUAP's field
//! names. Every problem is reported with its JSON path, and nothing is written while any
//! exists; the write is one transaction, and importing the same document again changes
//! nothing.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::{OptionalExtension, prelude::*};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::{Map, Value};

use super::{
    graphql::{ITEM_CODES, MAX_ITEMS, ORDER_CODES},
    model::{self, ItemFields, OrderFields},
};
use crate::{
    db::{constraints, schema::social_works},
    error::AppResult,
    graphql::{
        UserError, UserErrorCode,
        scalars::{MAX_INTEGER_DIGITS, parse_date, parse_plain_decimal},
    },
    patients::{self, DocumentType},
    practitioners,
};

/// A person as SUAP sends one (afiliado, prestador, prescriptor).
#[derive(Debug, Clone)]
pub struct Person {
    path: &'static str,
    /// SUAP's token of the person in the order's convenio.
    suap_token: Option<String>,
    full_name: String,
    /// Type (known ones by the API's name, any other as SUAP gave it) and number.
    document: Option<(String, String)>,
    affiliate_number: Option<String>,
    provincial_license: Option<String>,
    national_license: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Render {
    token: String,
    order_type: String,
    order_number: Option<String>,
    suap_point_of_care: Option<i32>,
    branch: Option<String>,
    performed_on: Option<NaiveDate>,
    prescribed_on: Option<NaiveDate>,
    authorized_at: Option<String>,
    diagnosis_text: Option<String>,
    observations: Option<String>,
    status: i16,
    message: Option<String>,
    cancelled: bool,
    draft: bool,
    verified: bool,
    total_authorized: BigDecimal,
    total_copay: BigDecimal,
    affiliate: Person,
    provider: Option<Person>,
    prescriber: Option<Person>,
    social_work_token: String,
    /// SUAP's short name, used only to register a social work seen for the first time.
    social_work_name: Option<String>,
    unit_value: Option<BigDecimal>,
    items: Vec<ItemFields>,
}

/// Reads values out of the document, collecting every problem with its path.
#[derive(Default)]
struct Reader {
    errors: Vec<UserError>,
}

fn path_of(path: &str) -> Vec<String> {
    path.split('.').map(str::to_owned).collect()
}

impl Reader {
    fn error(&mut self, path: &str, code: UserErrorCode, message: impl Into<String>) {
        self.errors.push(UserError {
            field: Some(path_of(path)),
            message: message.into(),
            code,
        });
    }

    /// The value at `key`, treating JSON null as absent.
    fn get<'v>(&mut self, obj: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        obj.get(key).filter(|v| !v.is_null())
    }

    fn required<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Option<&'v Value> {
        let value = self.get(obj, key);
        if value.is_none() {
            self.error(
                path,
                UserErrorCode::Required,
                "Falta este campo obligatorio",
            );
        }
        value
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        let obj = value.as_object();
        if obj.is_none() {
            self.error(
                path,
                UserErrorCode::InvalidFormat,
                "Debe ser un objeto JSON",
            );
        }
        obj
    }

    /// Text; numbers are accepted as their decimal text (SUAP sends some codes as numbers).
    fn text(&mut self, value: Option<&Value>, path: &str, max: usize) -> Option<String> {
        let text = match value? {
            Value::String(s) => s.trim().to_owned(),
            Value::Number(n) => n.to_string(),
            _ => {
                self.error(path, UserErrorCode::InvalidFormat, "Debe ser un texto");
                return None;
            }
        };
        if text.chars().count() > max {
            self.error(
                path,
                UserErrorCode::TooLong,
                format!("No puede superar los {max} caracteres"),
            );
            return None;
        }
        Some(text).filter(|t| !t.is_empty())
    }

    fn required_text(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        path: &str,
        max: usize,
    ) -> Option<String> {
        let value = self.required(obj, key, path)?;
        let text = self.text(Some(value), path, max);
        if text.is_none() && value.as_str().is_some_and(|s| s.trim().is_empty()) {
            self.error(
                path,
                UserErrorCode::Required,
                "Falta este campo obligatorio",
            );
        }
        text
    }

    fn integer(&mut self, value: Option<&Value>, path: &str) -> Option<i64> {
        let value = value?;
        let number = value
            .as_i64()
            .or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()));
        if number.is_none() {
            self.error(
                path,
                UserErrorCode::InvalidFormat,
                "Debe ser un número entero",
            );
        }
        number
    }

    fn boolean(&mut self, value: Option<&Value>, path: &str) -> bool {
        match value {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.error(path, UserErrorCode::InvalidFormat, "Debe ser true o false");
                false
            }
        }
    }

    fn decimal(&mut self, value: Option<&Value>, path: &str) -> Option<BigDecimal> {
        let text = match value? {
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.trim().to_owned(),
            _ => String::new(),
        };
        // Money: non-negative, plain notation, at most 12 integer digits and two decimals
        // (never rounded silently), checked on the text before it becomes a number.
        let parsed = (!text.starts_with('-'))
            .then(|| parse_plain_decimal(&text, MAX_INTEGER_DIGITS, 2))
            .flatten();
        if parsed.is_none() {
            self.error(
                path,
                UserErrorCode::InvalidFormat,
                format!(
                    "Debe ser un importe no negativo, sin exponente, con hasta {MAX_INTEGER_DIGITS} dígitos enteros y dos decimales"
                ),
            );
        }
        parsed
    }

    /// A date, or the date part of a date and time.
    fn date(&mut self, value: Option<&Value>, path: &str) -> Option<NaiveDate> {
        let value = value?;
        let parsed = value
            .as_str()
            .and_then(|s| s.get(..10))
            .and_then(parse_date);
        if parsed.is_none() {
            self.error(
                path,
                UserErrorCode::InvalidFormat,
                "Fecha inválida: use AAAA-MM-DD",
            );
        }
        parsed
    }

    /// A date and time; without a zone it is read in the clinic's time zone (by PostgreSQL).
    fn date_time(&mut self, value: Option<&Value>, path: &str) -> Option<String> {
        let text = value?
            .as_str()
            .map(str::trim)
            .unwrap_or_default()
            .to_owned();
        let ok = chrono::DateTime::parse_from_rfc3339(&text).is_ok()
            || [
                "%Y-%m-%d %H:%M:%S",
                "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%d %H:%M:%S%.f",
                "%Y-%m-%dT%H:%M:%S%.f",
            ]
            .iter()
            .any(|f| chrono::NaiveDateTime::parse_from_str(&text, f).is_ok())
            || NaiveDate::parse_from_str(&text, "%Y-%m-%d").is_ok();
        // chrono reads year 0 and signed years, which PostgreSQL refuses (SQLSTATE 22008).
        let ok = ok && text.get(..10).and_then(parse_date).is_some();
        if !ok {
            self.error(
                path,
                UserErrorCode::InvalidFormat,
                "Fecha y hora inválida: use AAAA-MM-DD HH:MM:SS",
            );
            return None;
        }
        Some(text)
    }

    fn code(&mut self, value: Option<&Value>, path: &str, valid: &[i16]) -> Option<i16> {
        let code = self.integer(value, path)?;
        match i16::try_from(code).ok().filter(|c| valid.contains(c)) {
            Some(code) => Some(code),
            None => {
                let valid: Vec<String> = valid.iter().map(ToString::to_string).collect();
                self.error(
                    path,
                    UserErrorCode::InvalidRange,
                    format!(
                        "Estado de autorización desconocido: {code} (válidos: {})",
                        valid.join(", ")
                    ),
                );
                None
            }
        }
    }

    /// SUAP's DocTipo is open (seed 002: "LE, DNI, –, etc"): known types by the API's name,
    /// dashes or nothing for "no document" (None), any other (CUIT, CUIL…) as SUAP gives it.
    fn document_type(&mut self, value: Option<&Value>, path: &str) -> Option<String> {
        let text = self.text(value, path, 20)?.to_uppercase();
        if text.chars().all(|c| matches!(c, '-' | '–' | '—' | ' ')) {
            return None;
        }
        Some(match text.as_str() {
            "PAS" | "PASAPORTE" => DocumentType::Passport.as_db().to_owned(),
            _ => text,
        })
    }

    fn person(&mut self, value: &Value, path: &'static str) -> Option<Person> {
        let obj = self.object(value, path)?;
        let at = |key: &str| format!("{path}.{key}");
        let suap_token = {
            let v = self.get(obj, "Token");
            self.text(v, &at("Token"), 40)
        };
        let full_name = self.required_text(obj, "NombreCompuesto", &at("NombreCompuesto"), 200);
        let doc_type = {
            let v = self.get(obj, "DocTipo");
            self.document_type(v, &at("DocTipo"))
        };
        let doc_number = match &doc_type {
            // A type names a document: its number is required.
            Some(_) => self.required_text(obj, "DocNumero", &at("DocNumero"), 20),
            None => {
                let v = self.get(obj, "DocNumero");
                self.text(v, &at("DocNumero"), 20)
            }
        };
        let affiliate_number = {
            let v = self.get(obj, "NumeroAfiliado");
            self.text(v, &at("NumeroAfiliado"), 40)
        };
        let provincial_license = {
            let v = self.get(obj, "MatriculaProvincial");
            self.text(v, &at("MatriculaProvincial"), 40)
        };
        let national_license = {
            let v = self.get(obj, "MatriculaNacional");
            self.text(v, &at("MatriculaNacional"), 40)
        };
        Some(Person {
            path,
            suap_token,
            full_name: full_name?,
            document: doc_type.zip(doc_number),
            affiliate_number,
            provincial_license,
            national_license,
        })
    }
}

/// Reads a SUAP document: the RENDER section, or a whole SUAP response (`{"REST", "RENDER",
/// "STATUS", "VIEW"}`) whose RENDER is read once its STATUS reports no error, as the seed asks
/// ("chequear que ERROR esté vacío"). Every problem is reported, with its JSON path.
pub fn parse(document: &Value) -> Result<Render, Vec<UserError>> {
    let Some(response) = document.as_object().filter(|o| o.contains_key("RENDER")) else {
        return parse_render(document);
    };
    let error = response
        .get("STATUS")
        .and_then(|status| status.get("ERROR"));
    if let Some(error) = error.filter(|e| !is_blank(e)) {
        let reported = match error {
            Value::String(text) => text.trim().to_owned(),
            other => other.to_string(),
        };
        let reported: String = reported.chars().take(500).collect();
        return Err(vec![UserError {
            field: Some(vec!["STATUS".to_owned(), "ERROR".to_owned()]),
            message: format!("SUAP informó un error: {reported}"),
            code: UserErrorCode::SuapError,
        }]);
    }
    parse_render(&response["RENDER"]).map_err(|errors| {
        errors
            .into_iter()
            .map(|mut error| {
                let path = error.field.get_or_insert_with(Vec::new);
                path.insert(0, "RENDER".to_owned());
                error
            })
            .collect()
    })
}

/// An empty STATUS.ERROR: null, blank text, or an empty list or object.
fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
        _ => false,
    }
}

/// Reads the RENDER section.
fn parse_render(document: &Value) -> Result<Render, Vec<UserError>> {
    let mut r = Reader::default();
    let Some(obj) = r.object(document, "render") else {
        return Err(r.errors);
    };
    let token = r.required_text(obj, "Token", "Token", 20);
    if let Some(t) = &token
        && !(t.starts_with('O') && t.len() > 1 && t[1..].chars().all(|c| c.is_ascii_digit()))
    {
        r.error(
            "Token",
            UserErrorCode::InvalidFormat,
            "Debe ser O seguido del número de orden de SUAP",
        );
    }
    // CONSUMO is the billable type; any other is kept as SUAP gives it, and never billed.
    let order_type = r
        .required_text(obj, "Tipo", "Tipo", 20)
        .map(|t| t.to_uppercase());
    let order_type = match order_type.as_deref() {
        Some("CONSUMO") => Some(model::CONSUMPTION.to_owned()),
        // The stored name of CONSUMO is not a SUAP type: it would bill what SUAP did not.
        Some(model::CONSUMPTION) => {
            r.error(
                "Tipo",
                UserErrorCode::InvalidFormat,
                "Tipo de orden no válido",
            );
            None
        }
        _ => order_type,
    };
    let order_codes: Vec<i16> = ORDER_CODES.iter().map(|(c, _)| *c).collect();
    let status = {
        let v = r.required(obj, "EstadoAutorizacion", "EstadoAutorizacion");
        v.and_then(|v| r.code(Some(v), "EstadoAutorizacion", &order_codes))
    };
    macro_rules! optional {
        ($method:ident, $key:literal $(, $arg:expr)?) => {{
            let v = r.get(obj, $key);
            r.$method(v, $key $(, $arg)?)
        }};
    }
    let order_number = optional!(text, "NumeroOrden", 40);
    let suap_point_of_care = optional!(integer, "_PuntoAtencion").and_then(|n| {
        let n = i32::try_from(n).ok();
        if n.is_none() {
            r.error(
                "_PuntoAtencion",
                UserErrorCode::InvalidRange,
                "Identificador fuera de rango",
            );
        }
        n
    });
    let branch = optional!(text, "Sucursal", 100);
    let performed_on = optional!(date, "FechaRealizacion");
    let prescribed_on = optional!(date, "FechaPrescripcion");
    let authorized_at = optional!(date_time, "FechaAutorizacion");
    let diagnosis_text = optional!(text, "DiagnosticoTexto", 2000);
    let observations = optional!(text, "Observaciones", 2000);
    let message = optional!(text, "MensajeAutorizacion", 2000);
    let cancelled = optional!(boolean, "AnuladoPorPrestador");
    let draft = optional!(boolean, "Borrador");
    let verified = optional!(boolean, "EstadoVerificacion");
    let total_authorized = optional!(decimal, "ValorTotalAutorizado");
    let total_copay = optional!(decimal, "ValorTotalCoseguro");

    let affiliate = r
        .required(obj, "afiliado", "afiliado")
        .and_then(|v| r.person(v, "afiliado"));
    let provider = r
        .get(obj, "prestador")
        .and_then(|v| r.person(v, "prestador"));
    let prescriber = r
        .get(obj, "prescriptor")
        .and_then(|v| r.person(v, "prescriptor"));

    let (mut social_work_token, mut social_work_name, mut unit_value) = (None, None, None);
    if let Some(sw) = r
        .required(obj, "obraSocial", "obraSocial")
        .and_then(|v| r.object(v, "obraSocial"))
    {
        social_work_token = r.required_text(sw, "Token", "obraSocial.Token", 20);
        if let Some(t) = &social_work_token
            && !(t.starts_with("OS") && t.len() > 2 && t[2..].chars().all(|c| c.is_ascii_digit()))
        {
            r.error(
                "obraSocial.Token",
                UserErrorCode::InvalidFormat,
                "Debe ser OS seguido del número de convenio",
            );
        }
        let v = r.get(sw, "Nombre");
        social_work_name = r.text(v, "obraSocial.Nombre", 100);
        let v = r.get(sw, "ValorUnidadBioquimica");
        unit_value = r.decimal(v, "obraSocial.ValorUnidadBioquimica");
    }

    let mut items = vec![];
    match r.required(obj, "itemsOrden", "itemsOrden") {
        Some(Value::Array(list)) if list.is_empty() => {
            r.error(
                "itemsOrden",
                UserErrorCode::InvalidLength,
                "La orden no tiene prácticas",
            );
        }
        Some(Value::Array(list)) if list.len() > MAX_ITEMS => {
            r.error(
                "itemsOrden",
                UserErrorCode::InvalidLength,
                format!(
                    "La orden tiene {} prácticas; el máximo es {MAX_ITEMS}",
                    list.len()
                ),
            );
        }
        Some(Value::Array(list)) => {
            let item_codes: Vec<i16> = ITEM_CODES.iter().map(|(c, _)| *c).collect();
            for (i, value) in list.iter().enumerate() {
                let at = |key: &str| format!("itemsOrden.{i}.{key}");
                let Some(item) = r.object(value, &format!("itemsOrden.{i}")) else {
                    continue;
                };
                let suap_token = {
                    let v = r.get(item, "Token");
                    r.text(v, &at("Token"), 20)
                };
                let code = r.required_text(item, "CodigoNomenclador", &at("CodigoNomenclador"), 40);
                let nomenclator = r.required_text(item, "Nomenclador", &at("Nomenclador"), 100);
                let name = r.required_text(item, "Nombre", &at("Nombre"), 300);
                let status = r
                    .required(item, "EstadoAutorizacion", &at("EstadoAutorizacion"))
                    .and_then(|v| r.code(Some(v), &at("EstadoAutorizacion"), &item_codes));
                let message = {
                    let v = r.get(item, "MensajeAutorizacion");
                    r.text(v, &at("MensajeAutorizacion"), 2000)
                };
                let value = r
                    .required(item, "ValorTotal", &at("ValorTotal"))
                    .and_then(|v| r.decimal(Some(v), &at("ValorTotal")));
                let copay = {
                    let v = r.get(item, "ValorCoseguro");
                    r.decimal(v, &at("ValorCoseguro"))
                };
                if let (Some(code), Some(nomenclator), Some(name), Some(status), Some(value)) =
                    (code, nomenclator, name, status, value)
                {
                    items.push(ItemFields {
                        position: i as i32,
                        suap_token,
                        nomenclator_code: code,
                        nomenclator,
                        name,
                        authorization_status: status,
                        authorization_message: message,
                        total_value: value,
                        copay_value: copay,
                    });
                }
            }
        }
        Some(_) => r.error(
            "itemsOrden",
            UserErrorCode::InvalidFormat,
            "Debe ser una lista",
        ),
        None => {}
    }

    match (token, order_type, status, affiliate, social_work_token) {
        (Some(token), Some(order_type), Some(status), Some(affiliate), Some(social_work_token))
            if r.errors.is_empty() =>
        {
            Ok(Render {
                token,
                order_type,
                order_number,
                suap_point_of_care,
                branch,
                performed_on,
                prescribed_on,
                authorized_at,
                diagnosis_text,
                observations,
                status,
                message,
                cancelled,
                draft,
                verified,
                total_authorized: total_authorized.unwrap_or_else(|| BigDecimal::from(0)),
                total_copay: total_copay.unwrap_or_else(|| BigDecimal::from(0)),
                affiliate,
                provider,
                prescriber,
                social_work_token,
                social_work_name,
                unit_value,
                items,
            })
        }
        _ => Err(r.errors),
    }
}

/// Why an import's transaction is rolled back.
enum Abort {
    User(UserError),
    Db(diesel::result::Error),
}

impl From<diesel::result::Error> for Abort {
    fn from(err: diesel::result::Error) -> Self {
        Self::Db(err)
    }
}

/// Saves a read document in one transaction: the order's id, or the user errors.
pub async fn save(
    conn: &mut AsyncPgConnection,
    render: &Render,
) -> AppResult<Result<i32, Vec<UserError>>> {
    let saved = conn
        .transaction(async |conn| save_in_transaction(conn, render).await)
        .await;
    match saved {
        Ok(id) => Ok(Ok(id)),
        Err(Abort::User(error)) => Ok(Err(vec![error])),
        Err(Abort::Db(err)) => Ok(Err(vec![constraints::user_error(err)?])),
    }
}

async fn save_in_transaction(conn: &mut AsyncPgConnection, render: &Render) -> Result<i32, Abort> {
    let social_work_id = social_work(conn, render).await?;
    let affiliate_id = patient(conn, &render.affiliate, social_work_id).await?;
    let provider_id = match &render.provider {
        Some(person) => Some(practitioner(conn, person, social_work_id).await?),
        None => None,
    };
    let prescriber_id = match &render.prescriber {
        Some(person) => Some(practitioner(conn, person, social_work_id).await?),
        None => None,
    };
    let fields = OrderFields {
        suap_token: Some(render.token.clone()),
        order_type: render.order_type.clone(),
        order_number: render.order_number.clone(),
        point_of_care_id: None,
        suap_point_of_care: render.suap_point_of_care,
        branch: render.branch.clone(),
        performed_on: render.performed_on,
        prescribed_on: render.prescribed_on,
        authorized_at: render.authorized_at.clone(),
        diagnosis_text: render.diagnosis_text.clone(),
        observations: render.observations.clone(),
        authorization_status: render.status,
        authorization_message: render.message.clone(),
        cancelled_by_provider: render.cancelled,
        draft: render.draft,
        verified: render.verified,
        affiliate_id,
        social_work_id,
        provider_id,
        prescriber_id,
        totals: Some((render.total_authorized.clone(), render.total_copay.clone())),
    };
    let existing = model::id_by_suap_token(conn, &render.token).await?;
    let id = model::save_order(conn, existing, &fields).await?;
    model::save_items(conn, id, &render.items).await?;
    Ok(id)
}

/// The social work of the convenio token, registered (active, contact data pending) when the
/// clinic has not seen it yet; SUAP's biochemical unit value is kept current.
async fn social_work(conn: &mut AsyncPgConnection, render: &Render) -> Result<i32, Abort> {
    use social_works as sw;
    let found: Option<i32> = sw::table
        .filter(sw::code.eq(&render.social_work_token))
        .select(sw::id)
        .first(conn)
        .await
        .optional()?;
    let Some(id) = found else {
        return register_social_work(conn, render).await;
    };
    if let Some(value) = &render.unit_value {
        diesel::update(sw::table.find(id))
            .filter(sw::biochemical_unit_value.is_distinct_from(value))
            .set(sw::biochemical_unit_value.eq(value))
            .execute(conn)
            .await?;
    }
    Ok(id)
}

async fn register_social_work(conn: &mut AsyncPgConnection, render: &Render) -> Result<i32, Abort> {
    use social_works as sw;
    let token = &render.social_work_token;
    let Some(name) = &render.social_work_name else {
        return Err(Abort::User(UserError {
            field: Some(path_of("obraSocial.Nombre")),
            code: UserErrorCode::Required,
            message: format!(
                "No hay una obra social con el convenio {token}; para registrarla hace falta su nombre"
            ),
        }));
    };
    // A savepoint, so that a name clash is reported instead of aborting the import's transaction.
    let inserted = conn
        .transaction(async |conn| {
            diesel::insert_into(sw::table)
                .values((
                    sw::name.eq(name),
                    sw::code.eq(token),
                    sw::biochemical_unit_value.eq(&render.unit_value),
                    sw::address.eq(""),
                    sw::phone.eq(""),
                    sw::webpage.eq(""),
                    sw::contact_pending.eq(true),
                ))
                // A concurrent import of the same convenio registered it first: use that one.
                .on_conflict(sw::code)
                .do_nothing()
                .returning(sw::id)
                .get_result::<i32>(conn)
                .await
                .optional()
        })
        .await;
    match inserted {
        Ok(Some(id)) => Ok(id),
        Ok(None) => Ok(sw::table
            .filter(sw::code.eq(token))
            .select(sw::id)
            .first(conn)
            .await?),
        Err(err)
            if constraints::violated(&err).is_some_and(|(c, _)| c == "social_works_name_key") =>
        {
            Err(Abort::User(UserError {
                field: Some(path_of("obraSocial.Nombre")),
                code: UserErrorCode::Taken,
                message: format!(
                    "Ya hay otra obra social llamada {name}: si es la misma, asígnele el código {token} y vuelva a importar"
                ),
            }))
        }
        Err(err) => Err(at_path(err, "obraSocial")),
    }
}

/// The patient SUAP's affiliate is (see `patients::matching::find`), their affiliate number
/// kept current, or a new one on the order's social work; SUAP's token is remembered.
async fn patient(
    conn: &mut AsyncPgConnection,
    person: &Person,
    social_work_id: i32,
) -> Result<i32, Abort> {
    use patients::matching;
    let document = person
        .document
        .as_ref()
        .and_then(|(kind, number)| DocumentType::from_db(kind).map(|kind| (kind, number.as_str())));
    let who = matching::Sighting {
        suap_token: person.suap_token.as_deref(),
        social_work_id,
        full_name: &person.full_name,
        document,
        affiliate_number: person.affiliate_number.as_deref(),
    };
    let id = match matching::find(conn, &who).await? {
        Some(id) => {
            matching::update_affiliate_number(conn, id, &who).await?;
            id
        }
        None => {
            let Some(document) = who.document else {
                return Err(Abort::User(unregistrable(person)));
            };
            // A savepoint, so that a constraint is reported instead of aborting the import.
            conn.transaction(async |conn| matching::register(conn, &who, document).await)
                .await
                .map_err(|err| at_path(err, person.path))?
        }
    };
    matching::remember_token(conn, &who, id).await?;
    Ok(id)
}

/// An affiliate the clinic does not know and cannot register: patients are registered with a
/// document of a type the API lists, and SUAP sent none (or a CUIT, CUIL…).
fn unregistrable(person: &Person) -> UserError {
    let sent = match &person.document {
        Some((kind, _)) => {
            format!("su documento es {kind}, un tipo con el que no se registran pacientes")
        }
        None => "SUAP no envía su documento".to_owned(),
    };
    UserError {
        field: Some(path_of("afiliado.DocTipo")),
        code: UserErrorCode::Required,
        message: format!(
            "El afiliado no figura entre los pacientes y {sent}: regístrelo con su documento y su número de afiliado, y vuelva a importar"
        ),
    }
}

/// A constraint violation while saving a person, reported at that person's path.
fn at_path(err: diesel::result::Error, path: &str) -> Abort {
    match constraints::user_error(err) {
        Ok(mut error) => {
            error.field = Some(path_of(path));
            Abort::User(error)
        }
        Err(err) => Abort::Db(err),
    }
}

/// The practitioner SUAP's provider or prescriber is (see `practitioners::matching::find`), or
/// a new one; SUAP's token is remembered.
async fn practitioner(
    conn: &mut AsyncPgConnection,
    person: &Person,
    social_work_id: i32,
) -> Result<i32, Abort> {
    use practitioners::matching;
    let who = matching::Sighting {
        suap_token: person.suap_token.as_deref().map(|t| (social_work_id, t)),
        full_name: &person.full_name,
        document: person
            .document
            .as_ref()
            .map(|(k, n)| (k.as_str(), n.as_str())),
        provincial_license: person.provincial_license.as_deref(),
        national_license: person.national_license.as_deref(),
    };
    let id = match matching::find(conn, &who).await? {
        Some(id) => id,
        None => conn
            .transaction(async |conn| matching::register(conn, &who).await)
            .await
            .map_err(|err| at_path(err, person.path))?,
    };
    matching::remember_token(conn, &who, id).await?;
    Ok(id)
}
