//! The application layer: the one write path from a command to storage and back, and the live
//! read models. No Yew and no browser calls here, so native tests drive it over an in-memory
//! store exactly as the page drives it over localStorage.

mod databases;
mod examples;
mod log_index;
mod snapshot_cache;

pub use databases::{Accepted, CaughtUp, Databases, Refused, SharedDatabases};
pub use examples::{Example, GENERATED_EVENTS};
pub use log_index::LogIndex;
pub use snapshot_cache::{SnapshotCache, SNAPSHOT_EVERY};
