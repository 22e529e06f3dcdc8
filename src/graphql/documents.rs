//! Parsed documents by query text. An SPA sends the same few documents over and over, and
//! parsing one (pest) was about a seventh of the service's CPU time for `authorizationCheck`
//! under the benchmark's load (perf, #5). Only documents that passed `limits::check_shape`
//! are kept, so a cached one skips that measure too.

use std::{collections::HashMap, sync::Mutex};

use async_graphql::parser::types::ExecutableDocument;

/// Distinct documents kept. Far more than an SPA has; a client sending endless new texts only
/// empties the cache now and then (each at most `limits::MAX_QUERY_BYTES`).
const CAPACITY: usize = 256;

#[derive(Default)]
pub struct Documents(Mutex<HashMap<String, ExecutableDocument>>);

impl Documents {
    /// A copy of the document parsed earlier from `query`, if kept. Executing a document
    /// consumes it, hence the copy.
    pub fn get(&self, query: &str) -> Option<ExecutableDocument> {
        self.lock().get(query).cloned()
    }

    pub fn keep(&self, query: &str, document: &ExecutableDocument) {
        let mut cache = self.lock();
        if cache.len() >= CAPACITY {
            cache.clear();
        }
        cache.insert(query.to_owned(), document.clone());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, ExecutableDocument>> {
        // A panic while holding the lock cannot leave the map half-updated in a way that
        // matters: every entry is a complete document.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::parse_query;

    #[test]
    fn keeps_documents_by_text_within_capacity() {
        let documents = Documents::default();
        let query = "{ a }";
        assert!(documents.get(query).is_none());
        documents.keep(query, &parse_query(query).unwrap());
        assert_eq!(
            documents.get(query).unwrap().operations.iter().count(),
            1,
            "the same document back"
        );
        for n in 0..CAPACITY {
            let other = format!("{{ f{n} }}");
            documents.keep(&other, &parse_query(&other).unwrap());
        }
        assert!(documents.0.lock().unwrap().len() <= CAPACITY);
    }
}
