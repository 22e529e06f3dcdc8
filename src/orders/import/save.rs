//! The half of the import that writes: one transaction that finds or registers the social
//! work, the affiliate and the practitioners (each through its own domain's `matching`), then
//! creates or updates the order by SUAP's token.

use diesel_async::{AsyncConnection, AsyncPgConnection};

use super::parse::{Person, Render, path_of};
use crate::{
    db::{
        constraints,
        suap_tokens::{self, Holder},
    },
    error::AppResult,
    graphql::{UserError, UserErrorCode},
    orders::model::{self, OrderFields},
    patients::{self, DocumentType},
    practitioners, social_works,
};

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
    use social_works::matching;
    let (token, unit_value) = (&render.social_work_token, render.unit_value.as_ref());
    if let Some(id) = matching::find(conn, token, unit_value).await? {
        return Ok(id);
    }
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
    let registered = conn
        .transaction(async |conn| matching::register(conn, token, name, unit_value).await)
        .await;
    match registered {
        Ok(id) => Ok(id),
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
        suap_token: person.suap_token.as_deref().map(|t| (social_work_id, t)),
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
    suap_tokens::remember(conn, Holder::Patient, who.suap_token, id).await?;
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
            "El afiliado no figura entre los pacientes y {sent}: regístrelo con su documento y su número de afiliado (si la obra social está inactiva, un administrador debe reactivarla antes), y vuelva a importar"
        ),
    }
}

/// A constraint violation while saving a person or a social work, reported at the SUAP key
/// of the field it names under `path` (`prestador.DocTipo`), or at `path` itself.
fn at_path(err: diesel::result::Error, path: &str) -> Abort {
    match constraints::user_error(err) {
        Ok(mut error) => {
            let field = error.field.as_ref().and_then(|f| f.last());
            let key = field.and_then(|f| suap_key(f));
            error.field = Some(path_of(&match key {
                Some(key) => format!("{path}.{key}"),
                None => path.to_owned(),
            }));
            Abort::User(error)
        }
        Err(err) => Abort::Db(err),
    }
}

/// SUAP's key for a field of the API.
fn suap_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "documentType" => "DocTipo",
        "documentNumber" => "DocNumero",
        "fullName" | "firstName" | "lastName" => "NombreCompuesto",
        "affiliateNumber" => "NumeroAfiliado",
        "provincialLicense" => "MatriculaProvincial",
        "nationalLicense" => "MatriculaNacional",
        "name" => "Nombre",
        "biochemicalUnitValue" => "ValorUnidadBioquimica",
        _ => return None,
    })
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
    suap_tokens::remember(conn, Holder::Practitioner, who.suap_token, id).await?;
    Ok(id)
}
