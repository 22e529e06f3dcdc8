//! Answers in the order of the query (the spec's Serialized Map Ordering). async-graphql
//! resolves an object's fields concurrently and inserts each as it completes (upstream issue
//! 612), so `{ a b }` may come back as `{ b a }`. This pass puts every object's entries back
//! in the order CollectFields gives: document order through fragments, the first occurrence
//! of a response key (alias or name) deciding its place.
//!
//! A fragment counts for an object only if its type condition applies to the object's type,
//! which the answer does not say. Where the static type is an object type, validation already
//! made every fragment apply; under an interface (`node(id:)`) the object's `__typename`, when
//! the query asked for it (Apollo, urql and Relay always do), decides; without it, all the
//! fragments count, which differs from the spec only if two of them on different types list
//! the same fields in opposite orders. Selections `@skip`ped or not `@include`d take no place,
//! as async-graphql left them out of the answer.

use std::{
    cell::RefCell,
    collections::{HashMap, HashSet},
    rc::Rc,
};

use async_graphql::{
    Name, Positioned, Value, Variables,
    parser::types::{
        Directive, DocumentOperations, ExecutableDocument, Selection, SelectionSet, TypeCondition,
        TypeDefinition, TypeKind, TypeSystemDefinition, VariableDefinition,
    },
};

/// Interfaces (and unions) with the object types they stand for, read once from the SDL.
#[derive(Default)]
pub struct AbstractTypes(HashMap<String, HashSet<String>>);

impl AbstractTypes {
    pub fn from_sdl(sdl: &str) -> Self {
        let mut possible: HashMap<String, HashSet<String>> = HashMap::new();
        let Ok(document) = async_graphql::parser::parse_schema(sdl) else {
            return Self::default();
        };
        for definition in document.definitions {
            let TypeSystemDefinition::Type(ty) = definition else {
                continue;
            };
            let TypeDefinition { name, kind, .. } = ty.node;
            match kind {
                TypeKind::Object(object) => {
                    for interface in object.implements {
                        possible
                            .entry(interface.node.to_string())
                            .or_default()
                            .insert(name.node.to_string());
                    }
                }
                TypeKind::Union(union) => {
                    let members = possible.entry(name.node.to_string()).or_default();
                    members.extend(union.members.iter().map(|m| m.node.to_string()));
                }
                _ => {}
            }
        }
        Self(possible)
    }

    fn applies(&self, condition: &str, object_type: &str) -> bool {
        condition == object_type
            || self
                .0
                .get(condition)
                .is_some_and(|types| types.contains(object_type))
    }
}

/// Puts `data` (the answer to `operation_name` in `document`, run with `variables`) in the
/// query's order.
pub fn reorder(
    data: &mut Value,
    document: &ExecutableDocument,
    operation_name: Option<&str>,
    variables: &Variables,
    types: &AbstractTypes,
) {
    let operation = match (&document.operations, operation_name) {
        (DocumentOperations::Single(operation), _) => operation,
        (DocumentOperations::Multiple(operations), Some(name)) => match operations.get(name) {
            Some(operation) => operation,
            None => return,
        },
        (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => {
            match operations.values().next() {
                Some(operation) => operation,
                None => return,
            }
        }
        _ => return,
    };
    let walk = Walk {
        document,
        types,
        variables,
        definitions: &operation.node.variable_definitions,
    };
    walk.value(data, &Level::new(vec![&operation.node.selection_set.node]));
}

struct Walk<'d> {
    document: &'d ExecutableDocument,
    types: &'d AbstractTypes,
    variables: &'d Variables,
    definitions: &'d [Positioned<VariableDefinition>],
}

/// The selection sets that apply at one place in the answer (several when a field is selected
/// more than once, or through fragments), with their collected fields per object type.
struct Level<'d> {
    sets: Vec<&'d SelectionSet>,
    collected: RefCell<Vec<(Option<String>, Rc<Fields<'d>>)>>,
}

/// Response keys in order, each with the level below it.
struct Fields<'d> {
    keys: Vec<Name>,
    /// Each key's place in `keys`: an object may have thousands of aliased keys.
    place: HashMap<Name, usize>,
    below: Vec<Level<'d>>,
}

impl<'d> Level<'d> {
    fn new(sets: Vec<&'d SelectionSet>) -> Self {
        Self {
            sets,
            collected: RefCell::default(),
        }
    }
}

impl<'d> Walk<'d> {
    fn value(&self, value: &mut Value, level: &Level<'d>) {
        match value {
            Value::List(items) => {
                for item in items {
                    self.value(item, level);
                }
            }
            Value::Object(map) => {
                let object_type = match map.get("__typename") {
                    Some(Value::String(name)) => Some(name.as_str()),
                    _ => None,
                };
                let fields = self.fields(level, object_type);
                if !in_order(map.keys(), &fields.keys) {
                    map.sort_by_cached_key(|key, _| {
                        fields.place.get(key).copied().unwrap_or(usize::MAX)
                    });
                }
                for (key, below) in fields.keys.iter().zip(&fields.below) {
                    if below.sets.is_empty() {
                        continue;
                    }
                    if let Some(value) = map.get_mut(key) {
                        self.value(value, below);
                    }
                }
            }
            _ => {}
        }
    }

    /// CollectFields for objects of `object_type` (or of any type, when unknown), once per
    /// level and type: a page of fifty rows collects its fields once.
    fn fields(&self, level: &Level<'d>, object_type: Option<&str>) -> Rc<Fields<'d>> {
        if let Some((_, fields)) = level
            .collected
            .borrow()
            .iter()
            .find(|(ty, _)| ty.as_deref() == object_type)
        {
            return fields.clone();
        }
        let mut collected = Collected::default();
        let mut visited = HashSet::new();
        for set in &level.sets {
            self.collect(set, object_type, &mut collected, &mut visited);
        }
        let Collected { keys, place, below } = collected;
        let fields = Rc::new(Fields {
            keys,
            place,
            below: below.into_iter().map(Level::new).collect(),
        });
        level
            .collected
            .borrow_mut()
            .push((object_type.map(str::to_owned), fields.clone()));
        fields
    }

    fn collect(
        &self,
        set: &'d SelectionSet,
        object_type: Option<&str>,
        collected: &mut Collected<'d>,
        visited: &mut HashSet<&'d str>,
    ) {
        for selection in &set.items {
            if self.skipped(selection.node.directives()) {
                continue;
            }
            match &selection.node {
                Selection::Field(field) => {
                    let key = &field.node.response_key().node;
                    let at = match collected.place.get(key) {
                        Some(at) => *at,
                        None => {
                            let at = collected.keys.len();
                            collected.keys.push(key.clone());
                            collected.place.insert(key.clone(), at);
                            collected.below.push(Vec::new());
                            at
                        }
                    };
                    if !field.node.selection_set.node.items.is_empty() {
                        collected.below[at].push(&field.node.selection_set.node);
                    }
                }
                Selection::InlineFragment(fragment) => {
                    if self.applies(fragment.node.type_condition.as_ref(), object_type) {
                        let set = &fragment.node.selection_set.node;
                        self.collect(set, object_type, collected, visited);
                    }
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    // Validation refuses cycles; this only keeps a bug from looping.
                    if !visited.insert(name) {
                        continue;
                    }
                    let Some(fragment) = self.document.fragments.get(name) else {
                        continue;
                    };
                    let condition = Some(&fragment.node.type_condition);
                    if self.applies(condition, object_type) {
                        let set = &fragment.node.selection_set.node;
                        self.collect(set, object_type, collected, visited);
                    }
                }
            }
        }
    }

    /// `@skip(if: true)` or `@include(if: false)`, with a variable's value or its default.
    fn skipped(&self, directives: &[Positioned<Directive>]) -> bool {
        directives.iter().any(|directive| {
            let skip_when = match directive.node.name.node.as_str() {
                "skip" => true,
                "include" => false,
                _ => return false,
            };
            let condition = match directive.node.get_argument("if").map(|v| &v.node) {
                Some(async_graphql_value::Value::Boolean(value)) => *value,
                Some(async_graphql_value::Value::Variable(name)) => {
                    let default = || {
                        self.definitions
                            .iter()
                            .find(|d| d.node.name.node == *name)
                            .and_then(|d| d.node.default_value.as_ref())
                            .map(|v| &v.node)
                    };
                    matches!(
                        self.variables.get(name).or_else(default),
                        Some(Value::Boolean(true))
                    )
                }
                _ => false,
            };
            condition == skip_when
        })
    }

    fn applies(
        &self,
        condition: Option<&Positioned<TypeCondition>>,
        object_type: Option<&str>,
    ) -> bool {
        match (condition, object_type) {
            (Some(condition), Some(object_type)) => self
                .types
                .applies(condition.node.on.node.as_str(), object_type),
            _ => true,
        }
    }
}

#[derive(Default)]
struct Collected<'d> {
    keys: Vec<Name>,
    place: HashMap<Name, usize>,
    below: Vec<Vec<&'d SelectionSet>>,
}

/// Whether the answer's keys already follow the query's (the usual case for small objects).
fn in_order<'a>(answer: impl Iterator<Item = &'a Name>, query: &[Name]) -> bool {
    let mut query = query.iter();
    answer.into_iter().all(|key| query.any(|k| k == key))
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;
    use serde_json::json;

    use super::*;

    const SDL: &str = "interface Node { id: ID! }
        type A implements Node { id: ID! x: Int y: Int }
        type B implements Node { id: ID! x: Int y: Int }";

    fn ordered(query: &str, answer: serde_json::Value) -> String {
        ordered_with(query, json!({}), answer)
    }

    fn ordered_with(
        query: &str,
        variables: serde_json::Value,
        answer: serde_json::Value,
    ) -> String {
        let document = parse_query(query).unwrap();
        let mut data = Value::from_json(answer).unwrap();
        let variables = Variables::from_json(variables);
        reorder(
            &mut data,
            &document,
            None,
            &variables,
            &AbstractTypes::from_sdl(SDL),
        );
        // Serialized as the HTTP layer does (serde_json::Value would sort the keys).
        serde_json::to_string(&data).unwrap()
    }

    #[test]
    fn fields_follow_the_query_through_aliases_fragments_and_lists() {
        let query = "{ b: y ...F list { ... on A { y } x } a: x }
                     fragment F on Query { z }";
        let answer = json!({ "a": 1, "list": [{ "x": 1, "y": 2 }, { "y": 2, "x": 1 }],
                             "z": 3, "b": 2 });
        assert_eq!(
            ordered(query, answer),
            r#"{"b":2,"z":3,"list":[{"y":2,"x":1},{"y":2,"x":1}],"a":1}"#
        );
    }

    #[test]
    fn under_an_interface_the_typename_chooses_the_fragments() {
        let query = "{ nodes { __typename ... on A { x y } ... on B { y x } } }";
        let answer = json!({ "nodes": [
            { "y": 2, "x": 1, "__typename": "A" },
            { "x": 1, "__typename": "B", "y": 2 },
        ] });
        assert_eq!(
            ordered(query, answer),
            r#"{"nodes":[{"__typename":"A","x":1,"y":2},{"__typename":"B","y":2,"x":1}]}"#
        );
    }

    #[test]
    fn a_key_selected_twice_keeps_its_first_place_and_merges_below() {
        let query = "{ o { a } x o { b } }";
        let answer = json!({ "x": 1, "o": { "b": 2, "a": 1 } });
        assert_eq!(ordered(query, answer), r#"{"o":{"a":1,"b":2},"x":1}"#);
    }

    #[test]
    fn skipped_and_excluded_selections_take_no_place() {
        let query = "query($full: Boolean!, $short: Boolean = true) {
            o { ...Extra @include(if: $full) b @skip(if: $short) a ... @skip(if: false) { c } e } }
            fragment Extra on O { e d }";
        let answer = json!({ "o": { "e": 5, "c": 3, "a": 1 } });
        assert_eq!(
            ordered_with(query, json!({ "full": false }), answer),
            r#"{"o":{"a":1,"c":3,"e":5}}"#
        );
        let answer = json!({ "o": { "a": 1, "d": 4, "e": 5, "c": 3 } });
        assert_eq!(
            ordered_with(query, json!({ "full": true }), answer),
            r#"{"o":{"e":5,"d":4,"a":1,"c":3}}"#
        );
    }
}
