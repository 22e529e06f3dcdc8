//! Query limits: what a request may ask before async-graphql parses or validates it.
//!
//! async-graphql's validators (and its directive and recursion checks, which run while
//! parsing) expand fragment spreads without memoizing them: a 726-byte document with nine
//! levels of ten spreads costs them 10^9 visits. So before any of that runs, `check` bounds
//! the text (size, U+0000, bracket nesting: the parser's recursion on values is unbounded),
//! parses the document once and measures it with fragments memoized: every node validation
//! visits (fields, spreads, inline fragments, directives, argument values; every fragment
//! definition included), depth (introspection aside, so GraphiQL's schema query is not "too
//! deep"), introspection's estimated output, root fields, `totalCount`s and searches, and
//! `login`s. Unknown fragments are refused here, before anything expands around them.

use std::{
    collections::{HashMap, HashSet},
    sync::Arc,
};

use async_graphql::{
    Name, Positioned, Request, ServerError, ServerResult, Value,
    parser::types::{Directive, ExecutableDocument, OperationType, Selection, SelectionSet},
};
use async_graphql_value::Value as GqlValue;

use super::{documents::Documents, nesting};
use crate::error::code;

/// Bytes of query text accepted.
pub const MAX_QUERY_BYTES: usize = 32 * 1024;
/// Field nesting accepted (introspection fields excepted).
pub const MAX_DEPTH: usize = 10;
/// Fields, fragment spreads, inline fragments, directives and argument values in the
/// document once every spread is expanded (operations and every fragment definition), which
/// bounds the work of async-graphql's validators: they visit each of these once per expansion.
pub const MAX_EXPANDED_NODES: usize = 5_000;
/// Fields at the root of one operation: each may take a database connection and a statement.
pub const MAX_ROOT_FIELDS: usize = 50;
/// Estimated introspection output, where `__schema { types }` counts
/// `INTROSPECTION_TYPES_FACTOR` times what it holds and every other introspection list
/// `INTROSPECTION_LIST_FACTOR` times. GraphiQL's schema query costs about half of it (a test
/// keeps the margin); aliasing it, or nesting lists the way no client does, exceeds it.
pub const MAX_INTROSPECTION_COST: u64 = 6_000_000;
const INTROSPECTION_LIST_FACTOR: u64 = 20;
const INTROSPECTION_TYPES_FACTOR: u64 = 200;
/// `totalCount` fields and search filters in one document: each may scan every matching row,
/// which a page size does not bound (600 aliased `totalCount`s once held the pool for 9 s).
pub const MAX_COSTLY: usize = 10;
/// Budget of async-graphql's complexity check; a connection costs page size times its nodes.
pub const MAX_COMPLEXITY: usize = 10_000;
/// Directives in one place: an operation, a variable, a fragment, a spread or a field.
pub const MAX_DIRECTIVES: usize = 5;

/// Refuses, before async-graphql parses or validates anything itself, what would be costly
/// or unstorable: oversized text, U+0000, and documents too deep or too large once their
/// fragments are expanded. Gives the request (a copy of) its parsed document, from `documents`
/// when the same text came before; execution consumes that copy, the caller keeps the original.
pub fn check(request: &mut Request, documents: &Documents) -> ServerResult<Parsed> {
    check_text(&request.query)?;
    // PostgreSQL text cannot hold U+0000: refused here, once for every input, instead of
    // failing inside a statement as an internal error.
    if request.variables.values().any(has_nul) {
        return Err(nul_refused());
    }
    if let Some(document) = documents.get(&request.query) {
        request.set_parsed_query((*document).clone());
        return Ok(Parsed {
            document: Some(document),
            fresh: false,
        });
    }
    // A syntax error is left for async-graphql to report in its usual form.
    if let Ok(document) = async_graphql::parser::parse_query(&request.query) {
        check_shape(&document)?;
        request.set_parsed_query(document.clone());
        return Ok(Parsed {
            document: Some(Arc::new(document)),
            fresh: true,
        });
    }
    Ok(Parsed {
        document: None,
        fresh: false,
    })
}

/// The request's document as `check` found it.
pub struct Parsed {
    /// None: the text does not parse (async-graphql reports it).
    pub document: Option<Arc<ExecutableDocument>>,
    /// Parsed by this request, not taken from the cache.
    pub fresh: bool,
}

/// What can be refused from the query text alone, before anything parses it: its size, U+0000
/// and bracket nesting (async-graphql's parser recurses on nested values without bound). The
/// HTTP layer calls it first too, to answer 400 before it looks at the operation's type.
pub fn check_text(query: &str) -> ServerResult<()> {
    if query.len() > MAX_QUERY_BYTES {
        return Err(too_complex(format!(
            "La consulta supera el máximo de {MAX_QUERY_BYTES} bytes"
        )));
    }
    if query.contains('\0') || query.contains("\\u0000") {
        return Err(nul_refused());
    }
    if nesting::graphql_exceeds(query, nesting::MAX_NESTING) {
        return Err(too_complex(format!(
            "La consulta anida más de {} corchetes, llaves o paréntesis",
            nesting::MAX_NESTING
        )));
    }
    Ok(())
}

fn nul_refused() -> ServerError {
    with_code(
        ServerError::new("El texto no puede contener el carácter nulo (U+0000)", None),
        code::BAD_USER_INPUT,
    )
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

#[derive(Clone, Copy, Default)]
struct Shape {
    /// Fields, spreads, inline fragments, directives and argument values, expanded.
    nodes: usize,
    depth: usize,
    /// Estimated introspection output: each introspection list multiplies what it holds.
    introspection: u64,
    /// Fields at this selection set's own level (through its fragments).
    level_fields: usize,
    /// `login` fields at this level.
    logins: usize,
    /// `totalCount` fields and `filter` arguments that search (or come from a variable).
    costly: usize,
}

impl Shape {
    fn over_budget(&self) -> bool {
        self.nodes > MAX_EXPANDED_NODES
            || self.depth > MAX_DEPTH
            || self.introspection > MAX_INTROSPECTION_COST
            || self.costly > MAX_COSTLY
    }

    fn add(&mut self, other: Shape) {
        self.nodes = self.nodes.saturating_add(other.nodes);
        self.depth = self.depth.max(other.depth);
        self.introspection = self.introspection.saturating_add(other.introspection);
        self.level_fields = self.level_fields.saturating_add(other.level_fields);
        self.logins = self.logins.saturating_add(other.logins);
        self.costly = self.costly.saturating_add(other.costly);
    }
}

struct Measure<'a> {
    doc: &'a ExecutableDocument,
    memo: HashMap<&'a str, Shape>,
    visiting: HashSet<&'a str>,
}

/// Rejects, before any validation expands a spread, documents that name an unknown fragment,
/// have fragment cycles, or once expanded are too large, too deep, too many root fields or
/// directives, or would make introspection multiply. Every fragment definition is measured,
/// used or not: async-graphql's validators walk each one, expanding its spreads.
fn check_shape(doc: &ExecutableDocument) -> ServerResult<()> {
    let mut measure = Measure {
        doc,
        memo: HashMap::new(),
        visiting: HashSet::new(),
    };
    let mut total = Shape::default();
    let mut logins = 0usize;
    for (_, operation) in doc.operations.iter() {
        let operation = &operation.node;
        directives(&operation.directives)?;
        let mut shape = measure.selection_set(&operation.selection_set.node, false)?;
        for variable in &operation.variable_definitions {
            directives(&variable.node.directives)?;
            shape.nodes = shape
                .nodes
                .saturating_add(1 + variable.node.directives.len());
            if let Some(default) = &variable.node.default_value {
                shape.nodes = shape
                    .nodes
                    .saturating_add(value_size(&default.node.clone().into_value()));
            }
        }
        if shape.depth > MAX_DEPTH {
            return Err(too_complex(format!(
                "La consulta anida {} niveles; el máximo es {MAX_DEPTH}",
                shape.depth
            )));
        }
        if shape.level_fields > MAX_ROOT_FIELDS {
            return Err(too_complex(format!(
                "La operación pide {} campos raíz; el máximo es {MAX_ROOT_FIELDS}",
                shape.level_fields
            )));
        }
        if operation.ty == OperationType::Mutation {
            logins = logins.saturating_add(shape.logins);
        }
        total.add(shape);
    }
    // Validation walks each definition once more; what it would execute is counted above.
    for (name, fragment) in doc.fragments.iter() {
        directives(&fragment.node.directives)?;
        let shape = measure.fragment(name.as_str())?;
        total.nodes = total.nodes.saturating_add(shape.nodes);
        total.introspection = total.introspection.saturating_add(shape.introspection);
    }
    if logins > 1 {
        return Err(too_complex(
            "Un documento puede contener un solo `login`".to_owned(),
        ));
    }
    if total.nodes > MAX_EXPANDED_NODES {
        return Err(too_complex(format!(
            "La consulta es demasiado grande una vez expandidos sus fragmentos (máximo {MAX_EXPANDED_NODES} elementos)"
        )));
    }
    if total.costly > MAX_COSTLY {
        return Err(too_complex(format!(
            "La consulta pide más de {MAX_COSTLY} totales (`totalCount`) o búsquedas"
        )));
    }
    if total.introspection > MAX_INTROSPECTION_COST {
        return Err(too_complex(
            "La consulta de introspección es demasiado amplia: anide menos listas".to_owned(),
        ));
    }
    Ok(())
}

/// Directives at one place (operation, variable, fragment, spread, field).
fn directives(list: &[Positioned<Directive>]) -> ServerResult<usize> {
    if list.len() > MAX_DIRECTIVES {
        return Err(too_complex(format!(
            "Hay {} directivas en un mismo lugar; el máximo es {MAX_DIRECTIVES}",
            list.len()
        )));
    }
    Ok(list
        .iter()
        .map(|d| 1 + arguments_size(&d.node.arguments))
        .fold(0, usize::saturating_add))
}

fn arguments_size(arguments: &[(Positioned<Name>, Positioned<GqlValue>)]) -> usize {
    arguments
        .iter()
        .map(|(_, value)| value_size(&value.node))
        .fold(0, usize::saturating_add)
}

/// A `filter` argument that searches text, or whose content a variable decides.
fn searches((name, value): &(Positioned<Name>, Positioned<GqlValue>)) -> bool {
    name.node == "filter"
        && match &value.node {
            GqlValue::Variable(_) => true,
            GqlValue::Object(fields) => fields
                .iter()
                .any(|(key, value)| key == "search" && !matches!(value, GqlValue::Null)),
            _ => false,
        }
}

/// Nodes of an argument value: validation visits each one on every expansion.
fn value_size(value: &GqlValue) -> usize {
    match value {
        GqlValue::List(items) => items.iter().map(value_size).fold(1, usize::saturating_add),
        GqlValue::Object(fields) => fields
            .values()
            .map(value_size)
            .fold(1, usize::saturating_add),
        _ => 1,
    }
}

/// Introspection fields that return lists: each multiplies the output of what it selects.
const INTROSPECTION_LISTS: [&str; 8] = [
    "types",
    "fields",
    "args",
    "interfaces",
    "possibleTypes",
    "enumValues",
    "inputFields",
    "directives",
];

impl<'a> Measure<'a> {
    /// `introspection`: inside `__schema` / `__type` (or a fragment on an introspection type).
    fn selection_set(&mut self, set: &'a SelectionSet, introspection: bool) -> ServerResult<Shape> {
        let mut shape = Shape::default();
        for selection in &set.items {
            let inner = match &selection.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let name = field.name.node.as_str();
                    let root = matches!(name, "__schema" | "__type");
                    let inside = introspection || root;
                    let child = self.selection_set(&field.selection_set.node, inside)?;
                    let factor = match name {
                        "types" if introspection => INTROSPECTION_TYPES_FACTOR,
                        _ if introspection && INTROSPECTION_LISTS.contains(&name) => {
                            INTROSPECTION_LIST_FACTOR
                        }
                        _ => 1,
                    };
                    Shape {
                        nodes: child
                            .nodes
                            .saturating_add(1)
                            .saturating_add(directives(&field.directives)?)
                            .saturating_add(arguments_size(&field.arguments)),
                        // Introspection is bounded by its cost, not its depth: GraphiQL's
                        // `ofType` chains run deeper than any query needs.
                        depth: if inside { 1 } else { child.depth + 1 },
                        introspection: if inside {
                            child.introspection.saturating_mul(factor).saturating_add(1)
                        } else {
                            child.introspection
                        },
                        level_fields: 1,
                        logins: usize::from(name == "login"),
                        costly: child
                            .costly
                            .saturating_add(usize::from(name == "totalCount"))
                            .saturating_add(field.arguments.iter().filter(|a| searches(a)).count()),
                    }
                }
                Selection::InlineFragment(inline) => {
                    let inline = &inline.node;
                    let on_introspection = inline
                        .type_condition
                        .as_ref()
                        .is_some_and(|c| c.node.on.node.starts_with("__"));
                    let mut inner = self.selection_set(
                        &inline.selection_set.node,
                        introspection || on_introspection,
                    )?;
                    inner.nodes = inner
                        .nodes
                        .saturating_add(1)
                        .saturating_add(directives(&inline.directives)?);
                    inner
                }
                Selection::FragmentSpread(spread) => {
                    let spread = &spread.node;
                    let mut inner = self.fragment(spread.fragment_name.node.as_str())?;
                    inner.nodes = inner
                        .nodes
                        .saturating_add(1)
                        .saturating_add(directives(&spread.directives)?);
                    inner
                }
            };
            shape.add(inner);
            if shape.over_budget() {
                break; // already over budget: stop expanding
            }
        }
        Ok(shape)
    }

    fn fragment(&mut self, name: &'a str) -> ServerResult<Shape> {
        if let Some(shape) = self.memo.get(name) {
            return Ok(*shape);
        }
        // Refused here, not left to validation: its other rules would first expand every
        // spread around the unknown one.
        let Some(fragment) = self.doc.fragments.get(name) else {
            return Err(with_code(
                ServerError::new(format!("El fragmento `{name}` no está definido"), None),
                code::GRAPHQL_VALIDATION_FAILED,
            ));
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
        let on_introspection = fragment.node.type_condition.node.on.node.starts_with("__");
        let shape = self.selection_set(&fragment.node.selection_set.node, on_introspection)?;
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
    fn graphiql_s_introspection_query_costs_half_the_budget() {
        let query = include_str!("../../tests/api/introspection.graphql");
        let doc = parse_query(query).unwrap();
        let mut measure = Measure {
            doc: &doc,
            memo: HashMap::new(),
            visiting: HashSet::new(),
        };
        let (_, operation) = doc.operations.iter().next().unwrap();
        let cost = measure
            .selection_set(&operation.node.selection_set.node, false)
            .unwrap()
            .introspection;
        assert!(
            cost > MAX_INTROSPECTION_COST / 4 && cost < MAX_INTROSPECTION_COST * 2 / 3,
            "{cost}"
        );
        assert!(shape_of(query).is_ok());
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
