//! Where events live. The log is the source of truth; the traditional table is kept beside it
//! exactly as a CRUD app would keep it (rows changed in place).

mod event_store;
pub use event_store::{AppendError, EventStore};
