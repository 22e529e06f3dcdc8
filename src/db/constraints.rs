//! Constraint violations become user errors by constraint *name*: the database enforces each
//! rule (so concurrent requests cannot break it), this table only says how to tell the user.
//! A test checks that every constraint of the schema has an entry here.

use diesel::{
    QueryResult,
    result::{DatabaseErrorKind, Error as DieselError},
};

use crate::error::{Refusal, UserError, UserErrorCode};

use UserErrorCode::*;

/// (constraint, input field, code, message).
#[rustfmt::skip]
pub const RULES: &[(&str, &str, UserErrorCode, &str)] = &[
    ("appointment_audit_action_check", "action", InvalidFormat, "Acción de auditoría no válida"),
    ("appointment_audit_changed_by_fkey", "changedBy", NotFound, "El usuario no existe"),
    ("appointments_authorization_id_fkey", "slotId", NotAuthorized, "El convenio de la EPS del paciente para esa especialidad y sede ya no existe"),
    ("appointments_booked_by_fkey", "bookedBy", NotFound, "El usuario no existe"),
    ("appointments_eps_inactive", "patientId", NotAuthorized, "La EPS del paciente está inactiva"),
    ("appointments_expired", "slotId", NotAuthorized, "El convenio de la EPS del paciente está vencido el día del turno"),
    ("appointments_location_inactive", "slotId", NotAuthorized, "La sede del turno está inactiva"),
    ("appointments_no_agreement", "slotId", NotAuthorized, "La EPS del paciente no tiene convenio para esa especialidad en esa sede"),
    ("appointments_not_yet_valid", "slotId", NotAuthorized, "El convenio de la EPS del paciente aún no está vigente el día del turno"),
    ("appointments_outcome_early", "id", InvalidState, "El resultado de la cita se registra desde el día de la cita"),
    ("appointments_overlap", "slotId", Overlap, "El paciente ya tiene una cita en ese horario"),
    ("appointments_patient_eps", "patientId", Required, "El paciente no tiene EPS registrada: regístrela antes de agendar"),
    ("appointments_patient_fixed", "patientId", InvalidState, "Una cita no cambia de paciente"),
    ("appointments_patient_id_fkey", "patientId", NotFound, "El paciente no existe"),
    ("appointments_prior_authorization", "priorAuthorizationNumber", PriorAuthorizationRequired, "El convenio exige el número de autorización previa de la EPS"),
    ("appointments_prior_authorization_number_format", "priorAuthorizationNumber", InvalidFormat, "El número de autorización previa no puede estar en blanco ni tener caracteres de control"),
    ("appointments_prior_authorization_number_length", "priorAuthorizationNumber", TooLong, "El número de autorización previa no puede superar los 40 caracteres"),
    ("appointments_quota", "slotId", QuotaExhausted, "El cupo mensual del convenio está agotado en el mes del turno"),
    ("appointments_slot_ahead", "slotId", InvalidRange, "El turno ya comenzó"),
    ("appointments_slot_id_fkey", "slotId", NotFound, "El turno no existe"),
    ("appointments_slot_open", "slotId", Inactive, "El bloque de agenda de ese turno fue cancelado"),
    ("appointments_specialty_inactive", "slotId", NotAuthorized, "La especialidad del turno está inactiva"),
    ("appointments_status_check", "status", InvalidFormat, "Estado de cita desconocido"),
    ("appointments_status_final", "id", InvalidState, "La cita ya no está reservada (fue cancelada, atendida o marcada como ausente)"),
    ("appointments_suspended", "slotId", NotAuthorized, "El convenio de la EPS del paciente está suspendido"),
    ("authorization_audit_action_check", "action", InvalidFormat, "Acción de auditoría no válida"),
    ("authorization_audit_changed_by_fkey", "changedBy", NotFound, "El usuario no existe"),
    ("authorizations_copay_percentage_precision", "copayPercentage", InvalidFormat, "El copago admite como máximo dos decimales"),
    ("authorizations_copay_percentage_range", "copayPercentage", InvalidRange, "El copago debe estar entre 0 y 100"),
    ("authorizations_created_by_fkey", "createdBy", NotFound, "El usuario no existe"),
    ("authorizations_dates_order", "expirationDate", InvalidRange, "La fecha de vencimiento no puede ser anterior a la de autorización"),
    ("authorizations_eps_id_fkey", "epsId", NotFound, "La EPS no existe"),
    ("authorizations_location_id_fkey", "locationId", NotFound, "La sede no existe"),
    ("authorizations_max_monthly_appointments_range", "maxMonthlyAppointments", InvalidRange, "El cupo mensual no puede ser negativo"),
    ("authorizations_notes_length", "notes", TooLong, "Las notas no pueden superar los 2000 caracteres"),
    ("authorizations_specialty_id_fkey", "specialtyId", NotFound, "La especialidad no existe"),
    ("authorizations_triple_key", "epsId", Taken, "Ya existe una autorización para esa EPS, especialidad y sede"),
    ("availabilities_authorized", "specialtyId", NotAuthorized, "No hay EPS autorizadas para esta especialidad en esta sede ese día"),
    ("availabilities_capacity_range", "capacity", InvalidRange, "La capacidad por turno debe estar entre 1 y 100"),
    ("availabilities_created_by_fkey", "createdBy", NotFound, "El usuario no existe"),
    ("availabilities_day_range", "day", InvalidRange, "El día debe estar entre hoy y dos años más adelante"),
    ("availabilities_fixed", "id", InvalidState, "Un bloque de agenda no se modifica: cancélelo y cree otro"),
    ("availabilities_location_id_fkey", "locationId", NotFound, "La sede no existe"),
    ("availabilities_practitioner_id_fkey", "practitionerId", NotFound, "El profesional no existe"),
    ("availabilities_practitioner_overlap", "practitionerId", Overlap, "El profesional ya tiene agenda en ese horario"),
    ("availabilities_slot_fits", "slotMinutes", InvalidRange, "El bloque debe durar al menos un turno"),
    ("availabilities_slot_minutes_range", "slotMinutes", InvalidRange, "La duración del turno debe estar entre 5 y 480 minutos"),
    ("availabilities_specialty_id_fkey", "specialtyId", NotFound, "La especialidad no existe"),
    ("availabilities_time_order", "endTime", InvalidRange, "La hora de fin debe ser posterior a la de inicio"),
    ("eps_code_format", "code", InvalidFormat, "El código de la EPS solo puede contener letras, números y guiones (hasta 20)"),
    ("eps_code_key", "code", Taken, "Ya existe una EPS con ese código"),
    ("eps_code_required", "code", Required, "El código es obligatorio"),
    ("eps_name_key", "name", Taken, "Ya existe una EPS con ese nombre"),
    ("eps_name_length", "name", TooLong, "El nombre no puede superar los 100 caracteres"),
    ("eps_name_required", "name", Required, "El nombre es obligatorio"),
    ("locations_address_length", "address", TooLong, "La dirección no puede superar los 200 caracteres"),
    ("locations_address_required", "address", Required, "La dirección es obligatoria"),
    ("locations_name_key", "name", Taken, "Ya existe una sede con ese nombre"),
    ("locations_name_length", "name", TooLong, "El nombre no puede superar los 100 caracteres"),
    ("locations_name_required", "name", Required, "El nombre es obligatorio"),
    ("order_items_authorization_message_length", "authorizationMessage", TooLong, "El mensaje de autorización no puede superar los 2000 caracteres"),
    ("order_items_authorization_status_check", "authorizationStatus", InvalidRange, "Estado de autorización de práctica desconocido"),
    ("order_items_name_length", "name", TooLong, "El nombre de la práctica no puede superar los 300 caracteres"),
    ("order_items_name_required", "name", Required, "El nombre de la práctica es obligatorio"),
    ("order_items_nomenclator_code_length", "nomenclatorCode", TooLong, "El código de nomenclador no puede superar los 40 caracteres"),
    ("order_items_nomenclator_code_required", "nomenclatorCode", Required, "El código de nomenclador es obligatorio"),
    ("order_items_nomenclator_length", "nomenclator", TooLong, "El nomenclador no puede superar los 100 caracteres"),
    ("order_items_order_id_fkey", "orderId", NotFound, "La orden no existe"),
    ("order_items_position_key", "items", Taken, "Práctica repetida en la orden"),
    ("order_items_suap_token_length", "token", TooLong, "El token SUAP de la práctica no puede superar los 20 caracteres"),
    ("order_items_values_magnitude", "totalValue", InvalidRange, "Los importes no pueden superar los 12 dígitos enteros"),
    ("order_items_values_precision", "totalValue", InvalidFormat, "Los importes admiten como máximo dos decimales"),
    ("order_items_values_range", "totalValue", InvalidRange, "Los importes no pueden ser negativos"),
    ("orders_affiliate_id_fkey", "patientId", NotFound, "El paciente no existe"),
    ("orders_authorization_message_length", "authorizationMessage", TooLong, "El mensaje de autorización no puede superar los 2000 caracteres"),
    ("orders_authorization_status_check", "authorizationStatus", InvalidRange, "Estado de autorización de orden desconocido"),
    ("orders_branch_length", "branch", TooLong, "La sucursal no puede superar los 100 caracteres"),
    ("orders_diagnosis_text_length", "diagnosisText", TooLong, "El diagnóstico no puede superar los 2000 caracteres"),
    ("orders_observations_length", "observations", TooLong, "Las observaciones no pueden superar los 2000 caracteres"),
    ("orders_order_number_length", "orderNumber", TooLong, "El número de orden no puede superar los 40 caracteres"),
    ("orders_point_of_care_id_fkey", "pointOfCareId", NotFound, "La sede no existe"),
    ("orders_prescriber_id_fkey", "prescriberId", NotFound, "El prescriptor no existe"),
    ("orders_provider_id_fkey", "providerId", NotFound, "El prestador no existe"),
    ("orders_social_work_id_fkey", "socialWorkId", NotFound, "La obra social no existe"),
    ("orders_suap_token_format", "Token", InvalidFormat, "El token SUAP debe ser O seguido de un número"),
    ("orders_suap_token_key", "Token", Taken, "Ya existe una orden con ese token SUAP"),
    ("orders_totals_magnitude", "totalAuthorizedValue", InvalidRange, "Los importes no pueden superar los 12 dígitos enteros"),
    ("orders_totals_precision", "totalAuthorizedValue", InvalidFormat, "Los importes admiten como máximo dos decimales"),
    ("orders_totals_range", "totalAuthorizedValue", InvalidRange, "Los totales no pueden ser negativos"),
    ("orders_type_length", "type", TooLong, "El tipo de orden no puede superar los 20 caracteres"),
    ("orders_type_required", "type", Required, "El tipo de orden es obligatorio"),
    ("patients_address_length", "address", TooLong, "La dirección no puede superar los 200 caracteres"),
    ("patients_affiliate_number_length", "affiliateNumber", TooLong, "El número de afiliado no puede superar los 40 caracteres"),
    ("patients_birth_date_range", "birthDate", InvalidRange, "La fecha de nacimiento debe estar entre 1900 y hoy"),
    ("patients_document_key", "documentNumber", Taken, "Ya existe un paciente con ese tipo y número de documento"),
    ("patients_document_number_format", "documentNumber", InvalidFormat, "El número de documento debe tener entre 4 y 20 letras o números, sin contar puntos, guiones ni espacios"),
    ("patients_document_number_required", "documentNumber", Required, "El número de documento es obligatorio"),
    ("patients_document_type_check", "documentType", InvalidFormat, "El tipo de documento no es válido"),
    ("patients_email_format", "email", InvalidFormat, "El correo electrónico no es válido"),
    ("patients_email_length", "email", TooLong, "El correo electrónico no puede superar los 200 caracteres"),
    ("patients_eps_active", "epsId", Inactive, "La EPS está inactiva y no admite nuevos pacientes"),
    ("patients_eps_id_fkey", "epsId", NotFound, "La EPS no existe"),
    ("patients_first_name_length", "firstName", TooLong, "El nombre no puede superar los 100 caracteres"),
    ("patients_first_name_required", "firstName", Required, "El nombre es obligatorio"),
    ("patients_gender_length", "gender", TooLong, "El género no puede superar los 30 caracteres"),
    ("patients_last_name_length", "lastName", TooLong, "El apellido no puede superar los 100 caracteres"),
    ("patients_last_name_required", "lastName", Required, "El apellido es obligatorio"),
    ("patients_phone_format", "phone", InvalidFormat, "El teléfono solo puede contener números, guiones o espacios"),
    ("patients_phone_length", "phone", InvalidLength, "El teléfono debe tener entre 10 y 20 caracteres"),
    ("patients_social_work_active", "socialWorkId", Inactive, "La obra social está inactiva y no admite nuevos pacientes"),
    ("patients_social_work_id_fkey", "socialWorkId", NotFound, "La obra social no existe"),
    ("practitioners_document_key", "documentNumber", Taken, "Ya existe un profesional con ese documento"),
    ("practitioners_document_number_length", "documentNumber", TooLong, "El número de documento no puede superar los 20 caracteres"),
    ("practitioners_document_pair", "documentType", Required, "El tipo y el número de documento se indican juntos"),
    ("practitioners_document_type_format", "documentType", InvalidFormat, "El tipo de documento tiene hasta 20 caracteres, sin caracteres de control"),
    ("practitioners_full_name_length", "fullName", TooLong, "El nombre no puede superar los 200 caracteres"),
    ("practitioners_full_name_required", "fullName", Required, "El nombre es obligatorio"),
    ("practitioners_licenses_length", "provincialLicense", TooLong, "Las matrículas no pueden superar los 40 caracteres"),
    ("practitioners_national_license_key", "nationalLicense", Taken, "Ya existe un profesional con esa matrícula nacional"),
    ("practitioners_provincial_license_key", "provincialLicense", Taken, "Ya existe un profesional con esa matrícula provincial"),
    ("quota_usage_authorization_id_fkey", "slotId", NotAuthorized, "El convenio de la EPS del paciente para esa especialidad y sede ya no existe"),
    ("slots_booked_within_capacity", "slotId", SlotFull, "El turno no tiene lugar"),
    ("social_works_address_length", "address", TooLong, "La dirección no puede superar los 200 caracteres"),
    ("social_works_address_required", "address", Required, "La dirección es obligatoria"),
    ("social_works_biochemical_unit_value_range", "biochemicalUnitValue", InvalidRange, "El valor de la unidad bioquímica no puede ser negativo"),
    ("social_works_code_format", "code", InvalidFormat, "El código debe ser un token de convenio SUAP, como OS5"),
    ("social_works_code_key", "code", Taken, "El código ya está registrado"),
    ("social_works_contact_pending_check", "address", Required, "Complete la dirección, el teléfono y la página web"),
    ("social_works_name_key", "name", Taken, "El nombre ya está registrado"),
    ("social_works_name_length", "name", TooLong, "El nombre no puede superar los 100 caracteres"),
    ("social_works_name_required", "name", Required, "El nombre es obligatorio"),
    ("social_works_phone_format", "phone", InvalidFormat, "El teléfono solo puede contener números, guiones o espacios"),
    ("social_works_phone_length", "phone", InvalidLength, "El teléfono debe tener entre 10 y 20 caracteres"),
    ("social_works_phone_required", "phone", Required, "El teléfono es obligatorio"),
    ("social_works_state_check", "state", InvalidFormat, "El estado no es válido"),
    ("social_works_webpage_format", "webpage", InvalidFormat, "La página web debe ser una URL http:// o https:// válida"),
    ("social_works_webpage_length", "webpage", TooLong, "La página web no puede superar los 200 caracteres"),
    ("social_works_webpage_required", "webpage", Required, "La página web es obligatoria"),
    ("specialties_name_key", "name", Taken, "Ya existe una especialidad con ese nombre"),
    ("specialties_name_length", "name", TooLong, "El nombre no puede superar los 100 caracteres"),
    ("specialties_name_required", "name", Required, "El nombre es obligatorio"),
    ("users_role_check", "role", InvalidFormat, "El rol no es válido"),
    ("users_subject_key", "username", Taken, "El usuario ya está registrado"),
    ("users_username_format", "username", InvalidFormat, "El usuario solo puede contener letras, números, puntos, guiones y @"),
    ("users_username_key", "username", Taken, "El usuario ya está registrado"),
    ("users_username_length", "username", TooLong, "El usuario no puede superar los 60 caracteres"),
    ("users_username_required", "username", Required, "El usuario es obligatorio"),
];

/// Constraints no input can violate: they guard what triggers maintain (the billing rollup).
/// A violation is our bug, and answers INTERNAL_SERVER_ERROR like any other.
pub const INTERNAL: &[&str] = &[
    "billing_calendar_one_row",
    "billing_days_counts_check",
    "billing_days_social_work_id_fkey",
    // Booking's bookkeeping, kept by triggers: the slot and the agreement are those the
    // booking trigger found, the counters never go below zero.
    "booking_counters_kept_by_triggers",
    "quota_usage_used_check",
    "slots_availability_id_fkey",
    "slots_booked_check",
    "slots_start_key",
    // The login throttle's own bookkeeping.
    "login_throttle_failures_check",
    // Issuer and subject come from tokens the service verified (and whose subject it checked).
    "users_issuer_format",
    "users_subject_format",
    // Written by the import only: origin is fixed, tokens are bounded by its parser and the
    // ids are rows it has just found or registered.
    "patients_origin_check",
    "patient_suap_tokens_patient_id_fkey",
    "patient_suap_tokens_social_work_id_fkey",
    "patient_suap_tokens_token_length",
    "practitioner_suap_tokens_practitioner_id_fkey",
    "practitioner_suap_tokens_social_work_id_fkey",
    "practitioner_suap_tokens_token_length",
];

/// The name of the constraint a database error violated, if any.
pub fn violated(err: &DieselError) -> Option<(&str, &DatabaseErrorKind)> {
    match err {
        DieselError::DatabaseError(kind, info) => info.constraint_name().map(|name| (name, kind)),
        _ => None,
    }
}

/// The user error for a constraint violation, or for a value PostgreSQL found out of range
/// (a number too large for its column, a date it cannot hold); any other error is handed back.
pub fn user_error(err: DieselError) -> Result<UserError, DieselError> {
    let rule = violated(&err).and_then(|(name, _)| RULES.iter().find(|rule| rule.0 == name));
    if let Some((_, field, code, message)) = rule {
        return Ok(UserError::new(field, *code, *message));
    }
    match crate::error::refusal(&err) {
        Some(refusal @ (Refusal::NumberOutOfRange | Refusal::DateOutOfRange)) => Ok(UserError {
            field: None,
            message: refusal.message().to_owned(),
            code: InvalidRange,
        }),
        _ => Err(err),
    }
}

/// The user errors of every CHECK the candidate row fails, one per field: `failing_checks`
/// (SQL, migration 000011) evaluates the table's CHECK constraints against `changes` (column
/// name -> value) laid over row `row_id` for an update, so that a form shows every mistake at
/// once while the rules stay the constraints.
pub async fn failing_checks(
    conn: &mut diesel_async::AsyncPgConnection,
    table: &str,
    row_id: Option<i32>,
    changes: serde_json::Value,
) -> QueryResult<Vec<UserError>> {
    use diesel::sql_types::{Integer, Jsonb, Nullable, Text};
    use diesel_async::RunQueryDsl;

    #[derive(diesel::QueryableByName)]
    struct Failing {
        #[diesel(sql_type = Text)]
        name: String,
    }

    let failing: Vec<Failing> =
        diesel::sql_query("SELECT failing_checks($1::regclass, $2, $3) AS name")
            .bind::<Text, _>(table)
            .bind::<Jsonb, _>(changes)
            .bind::<Nullable<Integer>, _>(row_id)
            .load(conn)
            .await?;
    let mut errors: Vec<UserError> = vec![];
    for rule in failing
        .iter()
        .filter_map(|f| RULES.iter().find(|rule| rule.0 == f.name))
    {
        let field = Some(vec![rule.1.to_owned()]);
        // One error per field: the constraints of a field are written so that one value fails
        // one of them, and the first (in name order, as PostgreSQL checks) is the one to show.
        if !errors.iter().any(|e| e.field == field) {
            errors.push(UserError::new(rule.1, rule.2, rule.3));
        }
    }
    Ok(errors)
}

/// Every user error of a failed write: PostgreSQL reports the first CHECK a row fails, and
/// [`failing_checks`] adds the others. Errors that are not a user's doing are handed back.
async fn user_errors(
    conn: &mut diesel_async::AsyncPgConnection,
    err: DieselError,
    table: &str,
    row_id: Option<i32>,
    changes: serde_json::Value,
) -> Result<Vec<UserError>, DieselError> {
    let is_check = matches!(violated(&err), Some((_, DatabaseErrorKind::CheckViolation)));
    let first = user_error(err)?;
    if !is_check {
        return Ok(vec![first]);
    }
    let others = match failing_checks(conn, table, row_id, changes).await {
        Ok(others) => others,
        Err(other) => {
            // The first error is still right; the others are a convenience.
            tracing::warn!(error = %other, "could not list every failing check");
            vec![]
        }
    };
    let mut errors = vec![first];
    for error in others {
        if !errors.iter().any(|e| e.field == error.field) {
            errors.push(error);
        }
    }
    Ok(errors)
}

/// [`outcome`] with every user error of a failed write ([`user_errors`]): the row, or all
/// that is wrong with it. `candidate` serializes to the written columns by name.
pub async fn outcome_with_every_error<T>(
    conn: &mut diesel_async::AsyncPgConnection,
    result: QueryResult<Option<T>>,
    table: &str,
    row_id: Option<i32>,
    candidate: &impl serde::Serialize,
    not_found: impl FnOnce() -> UserError,
) -> Result<Result<T, Vec<UserError>>, DieselError> {
    match result {
        Ok(Some(row)) => Ok(Ok(row)),
        Ok(None) => Ok(Err(vec![not_found()])),
        Err(err) => {
            // A candidate with no columns (`&()`) is judged as the row as it is.
            let changes = match serde_json::to_value(candidate) {
                Ok(columns @ serde_json::Value::Object(_)) => columns,
                _ => serde_json::Value::Object(Default::default()),
            };
            user_errors(conn, err, table, row_id, changes)
                .await
                .map(Err)
        }
    }
}

/// The outcome of a write that names one row: the row, or the user error explaining why not
/// (`not_found` when there is no such row). Errors that are not a user's doing are handed back.
pub fn outcome<T>(
    result: QueryResult<Option<T>>,
    not_found: impl FnOnce() -> UserError,
) -> Result<Result<T, UserError>, DieselError> {
    match result {
        Ok(Some(row)) => Ok(Ok(row)),
        Ok(None) => Ok(Err(not_found())),
        Err(err) => user_error(err).map(Err),
    }
}

/// True when `err` is a foreign-key violation: on a delete, a row still references ours.
pub fn is_still_referenced(err: &DieselError) -> bool {
    matches!(
        err,
        DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _)
    )
}
