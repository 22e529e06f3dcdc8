//! `importSuapOrder`: the RENDER section of a SUAP order (seed 002), read with SUAP's field
//! names. Every problem is reported with its JSON path, and nothing is written while any
//! exists; the write is one transaction, and importing the same document again changes
//! nothing.

mod parse;
mod save;

pub use parse::{Person, Render, parse};
pub use save::save;
