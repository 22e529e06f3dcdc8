//! What clients read of the errors async-graphql reports itself: a stable code on each
//! (errors raised by our resolvers already carry one), Spanish words for bad input, and at most
//! [`MAX_ERRORS`] of them per response.

use async_graphql::ServerError;

use crate::error::code;

/// Errors one response carries; the rest are summed up in one more.
pub const MAX_ERRORS: usize = 50;

/// Keeps the first [`MAX_ERRORS`] errors and says how many more there were, in one error with
/// the code of the first one dropped: a document cannot multiply its answer through errors.
pub fn cap_errors(errors: &mut Vec<ServerError>) {
    if errors.len() <= MAX_ERRORS {
        return;
    }
    let dropped = errors.len() - MAX_ERRORS;
    let code = errors[MAX_ERRORS]
        .extensions
        .as_ref()
        .and_then(|ext| ext.get("code").cloned());
    errors.truncate(MAX_ERRORS);
    let mut more = ServerError::new(format!("y {dropped} errores más"), None);
    if let Some(code) = code {
        more.extensions
            .get_or_insert_with(Default::default)
            .set("code", code);
    }
    errors.push(more);
}

/// Gives every error without a code the right one. Errors raised by our resolvers already
/// carry a code; what is left comes from async-graphql itself.
pub fn classify(error: &mut ServerError) {
    if error
        .extensions
        .as_ref()
        .is_some_and(|ext| ext.get("code").is_some())
    {
        return;
    }
    let message = error.message.as_str();
    let code = if message == "Query is too complex."
        || message == "Query is nested too deep."
        || message.starts_with("The number of directives")
        || message.starts_with("The recursion depth")
    {
        code::QUERY_TOO_COMPLEX
    } else if message.starts_with("Invalid value for argument")
        || message.starts_with("Failed to parse")
        || message.starts_with("Invalid value for variable")
        || message.contains("Expected input type")
    {
        code::BAD_USER_INPUT
    } else if error.path.is_empty() {
        // Before execution: syntax and validation errors.
        code::GRAPHQL_VALIDATION_FAILED
    } else {
        // Raised during execution without going through AppError: never show its text.
        tracing::error!(error = %error.message, path = ?error.path, "unclassified resolver error");
        error.message = "Error interno del servidor".to_owned();
        code::INTERNAL_SERVER_ERROR
    };
    if code != code::GRAPHQL_VALIDATION_FAILED && code != code::INTERNAL_SERVER_ERROR {
        error.message = spanish(&error.message);
    }
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", code);
}

/// async-graphql's own words for a bad input value or an over-limit query, in Spanish (the
/// staff read these; the names in quotes stay as the schema spells them). Longer phrases first.
const SPANISH: &[(&str, &str)] = &[
    (
        "Query is too complex.",
        "La consulta es demasiado compleja.",
    ),
    (
        "Query is nested too deep.",
        "La consulta anida demasiados niveles.",
    ),
    (
        "The number of directives on the field",
        "La cantidad de directivas del campo",
    ),
    (
        "The recursion depth of the query cannot be greater than",
        "La consulta no puede anidar más de",
    ),
    ("cannot be greater than", "no puede ser mayor que"),
    ("Failed to parse ", "No se pudo leer "),
    ("Expected input type ", "Se esperaba un valor de tipo "),
    (", found ", "; se recibió "),
    (
        "Invalid value for argument ",
        "Valor inválido para el argumento ",
    ),
    (
        "Invalid value for variable ",
        "Valor inválido para la variable ",
    ),
    (" (occurred while parsing ", " (al leer "),
    ("expected type ", "se esperaba el tipo "),
    ("enumeration type ", "el tipo enumerado "),
    (" does not contain the value ", " no contiene el valor "),
    (
        " is required but not provided",
        " es obligatorio y no se envió",
    ),
    ("unknown field ", "campo desconocido "),
    ("field ", "el campo "),
    (" of type ", " del tipo "),
];

fn spanish(message: &str) -> String {
    SPANISH
        .iter()
        .fold(message.to_owned(), |text, (english, spanish)| {
            text.replace(english, spanish)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclassified_resolver_errors_lose_their_text() {
        let mut error = ServerError::new("relation \"patients\" does not exist", None);
        error.path = vec![async_graphql::PathSegment::Field("patients".into())];
        classify(&mut error);
        assert_eq!(error.message, "Error interno del servidor");
        assert_eq!(
            error.extensions.unwrap().get("code"),
            Some(&code::INTERNAL_SERVER_ERROR.into())
        );

        let mut error = ServerError::new("Query is too complex.", None);
        classify(&mut error);
        assert_eq!(error.message, "La consulta es demasiado compleja.");
        assert_eq!(
            error.extensions.unwrap().get("code"),
            Some(&code::QUERY_TOO_COMPLEX.into())
        );
    }

    #[test]
    fn input_errors_speak_spanish() {
        let mut error = ServerError::new(
            r#"Failed to parse "Date": fecha inválida `x`: use AAAA-MM-DD (occurred while parsing "CreateAuthorizationInput")"#,
            None,
        );
        classify(&mut error);
        assert_eq!(
            error.message,
            r#"No se pudo leer "Date": fecha inválida `x`: use AAAA-MM-DD (al leer "CreateAuthorizationInput")"#
        );
        let mut error = ServerError::new(
            r#"Invalid value for argument "input.documentType", enumeration type "DocumentType" does not contain the value "XX""#,
            None,
        );
        classify(&mut error);
        assert_eq!(
            error.message,
            r#"Valor inválido para el argumento "input.documentType", el tipo enumerado "DocumentType" no contiene el valor "XX""#
        );
        let mut error = ServerError::new(r#"Expected input type "Int", found "x"."#, None);
        classify(&mut error);
        assert_eq!(
            error.message,
            r#"Se esperaba un valor de tipo "Int"; se recibió "x"."#
        );
    }
}
