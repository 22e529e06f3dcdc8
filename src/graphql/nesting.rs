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
///
/// The scan must never skip what the parser reads as tokens, so it ends strings exactly where
/// the parser's grammar does: a block string only at a closing `"""` (without one, the parser
/// reads `""` as an empty string and goes on, and so does this scan), a string at its closing
/// quote or at the end of the line (where the parser gives up).
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
            b'"' if bytes[i..].starts_with(b"\"\"\"") => match block_string_end(bytes, i + 3) {
                Some(end) => i = end + 2,
                // Unterminated: `""` is an empty string; the third quote opens a string.
                None => i += 1,
            },
            b'"' => i = skip_string(bytes, i + 1, true),
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

/// From just after an opening `"""`, the index of the closing one (a `\"""` inside is text).
fn block_string_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\\\"\"\"") {
            i += 4;
        } else if bytes[i..].starts_with(b"\"\"\"") {
            return Some(i);
        } else {
            i += 1;
        }
    }
    None
}

/// True when the JSON text opens more than `max` arrays or objects at once.
pub fn json_exceeds(json: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'"' => i = skip_string(json, i + 1, false),
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
/// escapes in GraphQL and JSON strings (`\"`, `\\`). A GraphQL string also ends at a line
/// end (the parser fails there; what follows is counted).
fn skip_string(bytes: &[u8], mut i: usize, ends_at_line: bool) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            b'\n' | b'\r' if ends_at_line => return i,
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
        // An unclosed block string is `""` and a string to the parser: what follows counts.
        assert!(graphql_exceeds(
            &format!(
                "{{ f(x: [\"\"\" \" {}1{} ]) }}",
                "[".repeat(50),
                "]".repeat(50)
            ),
            8
        ));
        // ...and a string left open to the end is one the parser never gets past.
        assert!(!graphql_exceeds(
            &format!("{{ f(x: \"\"\"{}) }}", "[".repeat(50)),
            8
        ));
        // A string ends at the line's end for the parser too.
        assert!(graphql_exceeds(
            &format!("{{ f(x: \"a\n{}) }}", "[".repeat(50)),
            8
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
