//! What the last accepted command did to both databases, for the tables' highlights and the
//! SQL panel.

use crate::app::Accepted;

/// The last accepted command: what both databases just did, for highlights and the SQL panel.
#[derive(Clone, Debug, PartialEq)]
pub struct LastChange {
    /// Grows with every change, so highlight animations restart.
    pub seq: u64,
    pub accepted: Accepted,
}
