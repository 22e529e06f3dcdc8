//! How deeply a text nests its brackets, measured before anything parses it.
//!
//! async-graphql's parser recurses once per nested list, object, argument list or selection
//! set, and only selection sets are bounded (its recursion limit): a 3 KB argument nested
//! 1,500 deep (`[[[…]]]`) overflows the worker's stack and aborts the process. A linear scan
//! that skips strings and comments is enough to refuse such a text first. JSON bodies are
//! scanned the same way, before serde decodes them.

/// Brackets of any kind (`[`, `{`, `(`) open at once. The standard introspection query nests
/// about 12; a selection is at most `limits::MAX_DEPTH` fields deep.
pub const MAX_NESTING: usize = 32;

/// True when `query` (GraphQL) opens more than `max` brackets at once, outside strings,
/// block strings and comments. Stops at the first level too many.
pub fn graphql_exceeds(query: &str, max: usize) -> bool {
    let bytes = query.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i += 3;
                // A block string ends at the first `"""` not escaped as `\"""`.
                while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                    i += if bytes[i..].starts_with(b"\\\"\"\"") {
                        4
                    } else {
                        1
                    };
                }
                i += 2;
            }
            b'"' => i = skip_string(bytes, i + 1),
            b'[' | b'{' | b'(' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    false
}

/// True when the JSON text opens more than `max` arrays or objects at once.
pub fn json_exceeds(json: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'"' => i = skip_string(json, i + 1),
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    false
}

/// From just after an opening `"`, the index of the closing one (or the end): the same
/// escapes in GraphQL and JSON strings (`\"`, `\\`).
fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_every_bracket_kind_outside_strings_and_comments() {
        assert!(!graphql_exceeds("{ a(x: [[1]]) { b } }", 4));
        assert!(graphql_exceeds("{ a(x: [[[1]]]) { b } }", 4));
        assert!(graphql_exceeds("{ a(x: {y: {z: 1}}) }", 3));
        assert!(graphql_exceeds(
            &format!("query($v: Int = {}) {{ a }}", "[".repeat(40)),
            MAX_NESTING
        ));
        assert!(!graphql_exceeds(
            &format!("{{ a(s: \"{}\") }}", "[".repeat(100)),
            4
        ));
        assert!(!graphql_exceeds(
            &format!("{{ a(s: \"\"\"{}\\\"\"\" \"\"\") }}", "{".repeat(100)),
            4
        ));
        assert!(!graphql_exceeds(
            &format!("{{ a # {}\n }}", "(".repeat(100)),
            4
        ));
        assert!(!graphql_exceeds(
            &format!("{{ a(s: \"\\\"{}\") }}", "[".repeat(100)),
            4
        ));
        // Closers never go below zero: a stray `]` cannot buy depth.
        assert!(graphql_exceeds(
            &format!("{}{}", "]".repeat(50), "[".repeat(5)),
            4
        ));
    }

    #[test]
    fn json_depth_ignores_brackets_in_strings() {
        assert!(!json_exceeds(
            br#"{"query":"{ a { b { c } } }","variables":{"v":[1]}}"#,
            3
        ));
        assert!(json_exceeds(br#"{"variables":{"v":[[1]]}}"#, 3));
        assert!(!json_exceeds(br#"{"v":"[[[[\"[[["}"#, 1));
    }
}
