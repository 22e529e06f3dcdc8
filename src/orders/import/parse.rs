//! The pure half of the import: a SUAP document read into a [`Render`], every problem
//! collected with its JSON path. Nothing here touches the database.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::{
    graphql::{
        UserError, UserErrorCode,
        scalars::{MAX_INTEGER_DIGITS, parse_date, parse_plain_decimal},
    },
    orders::{
        model::{self, ItemFields, MAX_ITEMS},
        status::{OrderAuthorizationStatus, OrderItemAuthorizationStatus},
    },
    patients::DocumentType,
};

/// A person as SUAP sends one (afiliado, prestador, prescriptor).
#[derive(Debug, Clone)]
pub struct Person {
    pub(super) path: &'static str,
    /// SUAP's token of the person in the order's convenio.
    pub(super) suap_token: Option<String>,
    pub(super) full_name: String,
    /// Type (known ones by the API's name, any other as SUAP gave it) and number.
    pub(super) document: Option<(String, String)>,
    pub(super) affiliate_number: Option<String>,
    pub(super) provincial_license: Option<String>,
    pub(super) national_license: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Render {
    pub(super) token: String,
    pub(super) order_type: String,
    pub(super) order_number: Option<String>,
    pub(super) suap_point_of_care: Option<i32>,
    pub(super) branch: Option<String>,
    pub(super) performed_on: Option<NaiveDate>,
    pub(super) prescribed_on: Option<NaiveDate>,
    pub(super) authorized_at: Option<String>,
    pub(super) diagnosis_text: Option<String>,
    pub(super) observations: Option<String>,
    pub(super) status: OrderAuthorizationStatus,
    pub(super) message: Option<String>,
    pub(super) cancelled: bool,
    pub(super) draft: bool,
    pub(super) verified: bool,
    pub(super) total_authorized: BigDecimal,
    pub(super) total_copay: BigDecimal,
    pub(super) affiliate: Person,
    pub(super) provider: Option<Person>,
    pub(super) prescriber: Option<Person>,
    pub(super) social_work_token: String,
    /// SUAP's short name, used only to register a social work seen for the first time.
    pub(super) social_work_name: Option<String>,
    pub(super) unit_value: Option<BigDecimal>,
    pub(super) items: Vec<ItemFields>,
}

/// Reads values out of the document, collecting every problem with its path.
#[derive(Default)]
struct Reader {
    errors: Vec<UserError>,
}

pub(super) fn path_of(path: &str) -> Vec<String> {
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
        DocumentType::normalise_name(&self.text(value, path, 20)?)
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
    let status = {
        let v = r.required(obj, "EstadoAutorizacion", "EstadoAutorizacion");
        v.and_then(|v| {
            r.code(
                Some(v),
                "EstadoAutorizacion",
                OrderAuthorizationStatus::VALUES,
            )
        })
    }
    .and_then(OrderAuthorizationStatus::from_db);
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
                    .and_then(|v| {
                        let codes = OrderItemAuthorizationStatus::VALUES;
                        r.code(Some(v), &at("EstadoAutorizacion"), codes)
                    })
                    .and_then(OrderItemAuthorizationStatus::from_db);
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
