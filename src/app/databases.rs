//! The two live databases behind the page: the event store (with its derived projections) and
//! the traditional table stored beside it, kept in step one accepted command at a time.
//!
//! They live behind one `Rc<RefCell<..>>` shared by every snapshot of the app state, so a click
//! costs O(log n) work and never copies the log: old snapshots are never rendered again, and the
//! reducer is the only code that borrows this mutably.

use super::log_index::LogIndex;
use crate::domain::{
    decide_and_record, Command, Order, OrderId, Projections, RecordedEvent, Rejection, RowChange,
    TraditionalTable,
};
use crate::store::AppStore;
use crate::store::{AppendError, Refresh, Usage};
use chrono::{DateTime, Utc};
use std::cell::RefCell;
use std::rc::Rc;

/// What one accepted command did to both databases.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub order_id: OrderId,
    /// The events as stored (the store numbers them).
    pub events: Vec<RecordedEvent>,
    pub row_changes: Vec<RowChange>,
    /// Events other tabs had appended meanwhile, picked up by this append.
    pub caught_up: usize,
}

/// Why a command changed nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// The domain's rules said no.
    Rule(Rejection),
    /// The store could not save the events (both databases are as they were, or as another
    /// tab left them).
    Store(AppendError),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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

/// The event store plus everything derived from it, and the traditional table beside it.
pub struct Databases {
    store: Box<dyn AppStore>,
    index: LogIndex,
    table: TraditionalTable,
    /// Column values the table has overwritten (over the log's history, then this session).
    overwritten: u64,
    /// The store's log generation we derived from; a new one means the log was replaced.
    epoch: String,
}

impl Databases {
    /// Opens over `store`, deriving everything once from its log (the only full replay).
    pub fn open(store: Box<dyn AppStore>) -> Self {
        let mut databases = Databases {
            store,
            index: LogIndex::default(),
            table: TraditionalTable::default(),
            overwritten: 0,
            epoch: String::new(),
        };
        databases.rederive();
        databases
    }

    /// Sends `command` to order `order_id`: decide, record, then append the events and the
    /// table's new row in one write. On refusal nothing anywhere has changed.
    pub fn submit(
        &mut self,
        order_id: OrderId,
        command: &Command,
        at: DateTime<Utc>,
    ) -> Result<Accepted, Refused> {
        let order = self.index.projections.order(order_id);
        let first_id = self.index.projections.next_event_id();
        let events = decide_and_record(&order, command, first_id, at).map_err(Refused::Rule)?;
        let row_changes: Vec<RowChange> = events.iter().map(|e| self.table.apply(e)).collect();
        let row = self.table.row(order_id).cloned();
        let stored = self
            .store
            .append_with_row(order_id, order.version, &events, row.as_ref());
        match stored {
            Ok(learned) => {
                let caught_up = learned.len().saturating_sub(events.len());
                for event in &learned {
                    self.index.fold(event);
                }
                if caught_up > 0 {
                    // Other tabs changed rows too: read the table as stored.
                    self.table = self.store.load_table();
                }
                self.overwritten += row_changes
                    .iter()
                    .map(|c| c.overwritten.len() as u64)
                    .sum::<u64>();
                Ok(Accepted {
                    order_id,
                    events: learned[caught_up..].to_vec(),
                    row_changes,
                    caught_up,
                })
            }
            Err(error) => {
                // Undo the in-memory UPDATE, and show what the store now knows (it catches up
                // with other tabs before refusing a conflict).
                self.table = self.store.load_table();
                self.resync();
                Err(Refused::Store(error))
            }
        }
    }

    /// Replaces the whole log (reset, examples, import) and the table to match it.
    pub fn replace_all(&mut self, events: &[RecordedEvent]) -> Result<(), AppendError> {
        let table = TraditionalTable::rebuild(events);
        self.store.replace_all_with_table(events, &table)?;
        self.rederive();
        Ok(())
    }

    /// Catches up with what other tabs wrote (after a `storage` event).
    pub fn catch_up(&mut self) -> CaughtUp {
        let found = match self.store.refresh() {
            Refresh::UpToDate => CaughtUp::Nothing,
            Refresh::Appended(events) => {
                for event in &events {
                    self.index.fold(event);
                }
                CaughtUp::Appended(events.len())
            }
            Refresh::Reloaded => {
                self.rederive();
                return CaughtUp::Reloaded;
            }
        };
        // Rows may change without events (a CRUD app writes them directly).
        self.table = self.store.load_table();
        self.add_table_ids();
        found
    }

    /// The user chose to keep the valid events and drop what is damaged.
    pub fn discard_damaged(&mut self) -> Result<(), AppendError> {
        let result = self.store.discard_damaged();
        self.rederive();
        result
    }

    /// Applies the store's events we have not derived yet, or derives afresh if the store's
    /// log is no longer an extension of ours.
    fn resync(&mut self) {
        let known = self.index.event_count();
        let events = self.store.events();
        let extends = self.store.epoch() == self.epoch
            && events.len() >= known
            && (known == 0 || events[known - 1].event_id == known as u64);
        if !extends {
            return self.rederive();
        }
        for event in &events[known..] {
            self.index.fold(event);
        }
    }

    /// Orders the table has a row for but the log has no event of still get listed.
    fn add_table_ids(&mut self) {
        // `add_order_id` skips ids already listed.
        for row in self.table.rows() {
            self.index.add_order_id(row.order_id);
        }
    }

    fn rederive(&mut self) {
        self.index = LogIndex::default();
        self.epoch = self.store.epoch().to_string();
        // Fields borrowed apart, so the log is folded where it lies instead of being copied.
        let events = self.store.events();
        for event in events {
            self.index.fold(event);
        }
        self.overwritten = TraditionalTable::rebuild(events).overwritten_count();
        self.table = self.store.load_table();
        self.add_table_ids();
    }

    /// The whole log, in `event_id` order.
    pub fn events(&self) -> &[RecordedEvent] {
        self.store.events()
    }

    /// Positions in [`Self::events`] of `order_id`'s events, oldest first.
    pub fn positions_of(&self, order_id: OrderId) -> &[usize] {
        self.index.positions_of(order_id)
    }

    /// Every order as derived from the whole log.
    pub fn projections(&self) -> &Projections {
        &self.index.projections
    }

    /// Names the log: it changes when the log is replaced, never when it only grows.
    pub fn generation(&self) -> &str {
        &self.epoch
    }

    /// The state of `order_id` derived from its events.
    pub fn order(&self, order_id: OrderId) -> Option<&Order> {
        self.index.projections.orders.get(&order_id)
    }

    pub fn table(&self) -> &TraditionalTable {
        &self.table
    }

    /// How many column values the traditional table has overwritten.
    pub fn overwritten(&self) -> u64 {
        self.overwritten
    }

    /// Every order id, ascending (cheap to clone).
    pub fn order_ids(&self) -> Rc<Vec<OrderId>> {
        self.index.order_ids()
    }

    /// The id the next placed order gets.
    pub fn next_order_id(&self) -> OrderId {
        let after_table = self.index.order_ids().last().map_or(1, |id| id + 1);
        self.index.projections.next_order_id().max(after_table)
    }

    pub fn usage(&self) -> Usage {
        self.store.usage()
    }

    /// The banner text when start-up found damaged data.
    pub fn recovery_summary(&self) -> Option<String> {
        let recovery = self.store.recovery();
        recovery.has_problems().then(|| recovery.summary())
    }

    /// The untouched raw data of a damaged store, and a file name for it.
    pub fn backup(&self) -> Option<(String, String)> {
        let recovery = self.store.recovery();
        recovery
            .backup_text
            .clone()
            .map(|text| (recovery.backup_file_name(), text))
    }
}

/// The databases as every app-state snapshot shares them. Equal only to itself.
#[derive(Clone)]
pub struct SharedDatabases(pub Rc<RefCell<Databases>>);

impl PartialEq for SharedDatabases {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
