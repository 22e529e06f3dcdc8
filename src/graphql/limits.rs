//! Query limits and the error-code policy for everything async-graphql reports itself.
//!
//! async-graphql's validators (and its directive and recursion checks, which run while
//! parsing) expand fragment spreads without memoizing them: a 726-byte document with nine
//! levels of ten spreads costs them 10^9 visits. So before any of that runs, `check`
//! parses the document once and measures it with fragments memoized: expanded field count,
//! and depth (introspection fields aside, so GraphiQL's schema query is not "too deep").

use std::collections::{HashMap, HashSet};

use async_graphql::{
    Request, ServerError, ServerResult, Value,
    parser::types::{ExecutableDocument, Selection, SelectionSet},
};

use super::documents::Documents;
use crate::error::code;

/// Bytes of query text accepted.
pub const MAX_QUERY_BYTES: usize = 32 * 1024;
/// Field nesting accepted (introspection fields excepted).
pub const MAX_DEPTH: usize = 10;
/// Fields in the document once every fragment spread is expanded.
pub const MAX_EXPANDED_FIELDS: usize = 5_000;
/// Budget of async-graphql's complexity check; a connection costs page size times its nodes.
pub const MAX_COMPLEXITY: usize = 10_000;
/// Directives on one field.
pub const MAX_DIRECTIVES: usize = 5;

/// Refuses, before async-graphql parses or validates anything itself, what would be costly
/// or unstorable: oversized text, U+0000, and documents too deep or too large once their
/// fragments are expanded. Gives the request its parsed document (from `documents` when the
/// same text came before); execution uses that parse.
pub fn check(request: &mut Request, documents: &Documents) -> ServerResult<()> {
    if request.query.len() > MAX_QUERY_BYTES {
        return Err(too_complex(format!(
            "La consulta supera el máximo de {MAX_QUERY_BYTES} bytes"
        )));
    }
    // PostgreSQL text cannot hold U+0000: refused here, once for every input, instead of
    // failing inside a statement as an internal error.
    if request.query.contains('\0')
        || request.query.contains("\\u0000")
        || request.variables.values().any(has_nul)
    {
        return Err(with_code(
            ServerError::new("El texto no puede contener el carácter nulo (U+0000)", None),
            code::BAD_USER_INPUT,
        ));
    }
    if let Some(document) = documents.get(&request.query) {
        request.set_parsed_query(document);
        return Ok(());
    }
    // A syntax error is left for async-graphql to report in its usual form.
    if let Ok(document) = async_graphql::parser::parse_query(&request.query) {
        check_shape(&document)?;
        documents.keep(&request.query, &document);
        request.set_parsed_query(document);
    }
    Ok(())
}

fn has_nul(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains('\0'),
        Value::List(items) => items.iter().any(has_nul),
        Value::Object(fields) => fields.iter().any(|(k, v)| k.contains('\0') || has_nul(v)),
        _ => false,
    }
}

fn with_code(mut error: ServerError, code: &str) -> ServerError {
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", code);
    error
}

fn too_complex(message: String) -> ServerError {
    with_code(ServerError::new(message, None), code::QUERY_TOO_COMPLEX)
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
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", code);
}

#[derive(Clone, Copy, Default)]
struct Shape {
    fields: usize,
    depth: usize,
}

struct Measure<'a> {
    doc: &'a ExecutableDocument,
    memo: HashMap<&'a str, Shape>,
    visiting: HashSet<&'a str>,
}

/// Rejects documents too deep or too large once fragments are expanded, and fragment cycles.
fn check_shape(doc: &ExecutableDocument) -> ServerResult<()> {
    let mut measure = Measure {
        doc,
        memo: HashMap::new(),
        visiting: HashSet::new(),
    };
    let mut total = 0usize;
    for (_, operation) in doc.operations.iter() {
        let shape = measure.selection_set(&operation.node.selection_set.node)?;
        if shape.depth > MAX_DEPTH {
            return Err(too_complex(format!(
                "La consulta anida {} niveles; el máximo es {MAX_DEPTH}",
                shape.depth
            )));
        }
        total = total.saturating_add(shape.fields);
    }
    if total > MAX_EXPANDED_FIELDS {
        return Err(too_complex(format!(
            "La consulta tiene demasiados campos una vez expandidos sus fragmentos (máximo {MAX_EXPANDED_FIELDS})"
        )));
    }
    Ok(())
}

impl<'a> Measure<'a> {
    fn selection_set(&mut self, set: &'a SelectionSet) -> ServerResult<Shape> {
        let mut shape = Shape::default();
        for selection in &set.items {
            let inner = match &selection.node {
                Selection::Field(field) => {
                    let child = self.selection_set(&field.node.selection_set.node)?;
                    let introspection =
                        matches!(field.node.name.node.as_str(), "__schema" | "__type");
                    Shape {
                        fields: child.fields.saturating_add(1),
                        depth: if introspection { 1 } else { child.depth + 1 },
                    }
                }
                Selection::InlineFragment(inline) => {
                    self.selection_set(&inline.node.selection_set.node)?
                }
                Selection::FragmentSpread(spread) => {
                    self.fragment(spread.node.fragment_name.node.as_str())?
                }
            };
            shape.fields = shape.fields.saturating_add(inner.fields);
            shape.depth = shape.depth.max(inner.depth);
            if shape.fields > MAX_EXPANDED_FIELDS || shape.depth > MAX_DEPTH {
                break; // already over budget: stop expanding
            }
        }
        Ok(shape)
    }

    fn fragment(&mut self, name: &'a str) -> ServerResult<Shape> {
        if let Some(shape) = self.memo.get(name) {
            return Ok(*shape);
        }
        // Unknown fragments are reported by validation.
        let Some(fragment) = self.doc.fragments.get(name) else {
            return Ok(Shape::default());
        };
        if !self.visiting.insert(name) {
            return Err(with_code(
                ServerError::new(
                    format!("El fragmento `{name}` se referencia a sí mismo"),
                    None,
                ),
                code::GRAPHQL_VALIDATION_FAILED,
            ));
        }
        let shape = self.selection_set(&fragment.node.selection_set.node)?;
        self.visiting.remove(name);
        self.memo.insert(name, shape);
        Ok(shape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::parse_query;

    fn shape_of(query: &str) -> ServerResult<()> {
        check_shape(&parse_query(query).unwrap())
    }

    #[test]
    fn fan_out_is_rejected_quickly() {
        let mut query = String::from("query { ...F0 }\n");
        for level in 0..9 {
            let spreads: String = (0..10).map(|_| format!(" ...F{}", level + 1)).collect();
            query.push_str(&format!("fragment F{level} on Query {{ {spreads} }}\n"));
        }
        query.push_str("fragment F9 on Query { __typename }\n");
        let start = std::time::Instant::now();
        assert!(shape_of(&query).is_err());
        assert!(start.elapsed() < std::time::Duration::from_millis(50));
    }

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
        assert_eq!(
            error.extensions.unwrap().get("code"),
            Some(&code::QUERY_TOO_COMPLEX.into())
        );
    }

    #[test]
    fn cycles_and_depth() {
        assert!(
            shape_of("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }")
                .is_err()
        );
        assert!(
            shape_of("{ a { b { c { d { e { f { g { h { i { j { k } } } } } } } } } } }").is_err()
        );
        assert!(shape_of("{ a { b { c { d { e { f { g { h { i { j } } } } } } } } } }").is_ok());
        assert!(shape_of("{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }").is_ok());
    }
}
