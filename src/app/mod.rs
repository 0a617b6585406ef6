//! The application layer: the one write path from a command to storage and back, and the live
//! read models. No Yew and no browser calls here, so native tests drive it over an in-memory
//! store exactly as the page drives it over localStorage (the page adds the cross-tab lock).

mod databases;
mod examples;
mod log_index;
mod outcome;
mod snapshot_cache;
mod whole_log;
mod write_path;

pub use databases::{Databases, LogReader, SharedDatabases};
pub use examples::{Example, GENERATED_EVENTS};
pub use log_index::LogIndex;
pub use outcome::{Accepted, CaughtUp, Refused, Target};
pub use snapshot_cache::{SnapshotCache, SNAPSHOT_EVERY};
