//! Parsed documents by query text. An SPA sends the same few documents over and over, and
//! parsing one (pest) was about a seventh of the service's CPU time for `authorizationCheck`
//! under the benchmark's load (perf, #5).
//!
//! Only documents that an authenticated caller sent and that passed validation are kept
//! (`graphql::execute` decides), so nobody can fill the cache with documents that never run,
//! and the cache is bounded by the bytes of query text it holds, not by a count: a parsed
//! document takes about a hundred times its text in memory, so 1 MiB of text is ~100 MiB.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use async_graphql::parser::types::ExecutableDocument;

/// Bytes of query text kept in all; an SPA's documents take a few kilobytes each.
const CAPACITY_BYTES: usize = 1024 * 1024;
/// Longer documents are parsed every time: a screen's query is far shorter.
const MAX_DOCUMENT_BYTES: usize = 16 * 1024;

#[derive(Default)]
pub struct Documents(Mutex<Cache>);

#[derive(Default)]
struct Cache {
    documents: HashMap<String, Arc<ExecutableDocument>>,
    bytes: usize,
}

impl Documents {
    /// The document parsed earlier from `query`, if kept.
    pub fn get(&self, query: &str) -> Option<Arc<ExecutableDocument>> {
        self.lock().documents.get(query).cloned()
    }

    /// Whether a document of this text would be kept (so the caller need not copy it).
    pub fn would_keep(query: &str) -> bool {
        query.len() <= MAX_DOCUMENT_BYTES
    }

    pub fn keep(&self, query: &str, document: Arc<ExecutableDocument>) {
        if !Self::would_keep(query) {
            return;
        }
        let mut cache = self.lock();
        if cache.documents.contains_key(query) {
            return;
        }
        // A client sending endless new texts only empties the cache now and then.
        if cache.bytes + query.len() > CAPACITY_BYTES {
            cache.documents.clear();
            cache.bytes = 0;
        }
        cache.bytes += query.len();
        cache.documents.insert(query.to_owned(), document);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        // A panic while holding the lock cannot leave the map half-updated in a way that
        // matters: every entry is a complete document (the byte count is only an estimate).
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
    fn keeps_documents_by_text_within_a_byte_budget() {
        let documents = Documents::default();
        let query = "{ a }";
        assert!(documents.get(query).is_none());
        documents.keep(query, Arc::new(parse_query(query).unwrap()));
        assert_eq!(
            documents.get(query).unwrap().operations.iter().count(),
            1,
            "the same document back"
        );
        let long = format!("{{ {} }}", "a ".repeat(MAX_DOCUMENT_BYTES));
        documents.keep(&long, Arc::new(parse_query(&long).unwrap()));
        assert!(documents.get(&long).is_none(), "too long to keep");
        let padding = "b ".repeat(4000);
        for n in 0..1000 {
            let other = format!("{{ f{n} {padding} }}");
            documents.keep(&other, Arc::new(parse_query(&other).unwrap()));
            assert!(documents.lock().bytes <= CAPACITY_BYTES);
        }
    }
}
