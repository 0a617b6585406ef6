//! What a command comes to: accepted (what both databases did) or refused (why nothing changed).

use crate::domain::{OrderId, RecordedEvent, Rejection, RowChange};
use crate::store::AppendError;
use std::fmt;

/// Which order a command is for, as the learner saw it when they clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A new order: its id is the next free one, assigned once the tab has caught up with
    /// storage, so orders placed in several tabs at the same moment never share an id.
    NewOrder,
    /// An existing order, at the version the page showed. If another tab changed the order
    /// since, the command was decided on a stale view and is refused.
    Order {
        order_id: OrderId,
        seen_version: u32,
    },
}

/// What one accepted command did to both databases.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub order_id: OrderId,
    /// The events as stored, numbered once.
    pub events: Vec<RecordedEvent>,
    /// What the traditional table's `INSERT`/`UPDATE` did for them.
    pub row_changes: Vec<RowChange>,
    /// Events other tabs had appended meanwhile, picked up before deciding.
    pub caught_up: usize,
}

/// Why a command changed nothing. Either way the databases show the fresh state.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// The domain's rules said no.
    Rule(Rejection),
    /// The store could not save the events (both databases are as they were, or as another
    /// tab left them).
    Store(AppendError),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Rule(rejection) => rejection.fmt(f),
            Self::Store(error) => error.fmt(f),
        }
    }
}

/// What catching up with other tabs found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaughtUp {
    Nothing,
    Appended(usize),
    Reloaded,
}
