//! The two live databases behind the page: the event store (with its derived projections) and
//! the traditional table stored beside it, kept in step one accepted command at a time.
//!
//! They live behind one `Rc<RefCell<..>>` shared by every snapshot of the app state, so a click
//! costs O(log n) work and never copies the log: old snapshots are never rendered again, and the
//! reducer is the only code that borrows this mutably.

use super::page_store::PageStore;
use crate::domain::{
    decide_and_record, Command, Order, OrderId, Projections, RecordedEvent, Rejection, RowChange,
    TraditionalTable,
};
use crate::store::{AppendError, Refresh, Usage};
use chrono::{DateTime, Utc};
use std::cell::RefCell;
use std::collections::HashMap;
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
    store: Box<dyn PageStore>,
    projections: Projections,
    table: TraditionalTable,
    /// Column values the table has overwritten (over the log's history, then this session).
    overwritten: u64,
    /// Where each order's events sit in the log, so filters and history never scan it.
    positions: HashMap<OrderId, Vec<usize>>,
    /// Every order id, ascending; shared with the selects and rebuilt only on a new order.
    order_ids: Rc<Vec<OrderId>>,
    /// The store's log generation we derived from; a new one means the log was replaced.
    epoch: String,
}

impl Databases {
    /// Opens over `store`, deriving everything once from its log (the only full replay).
    pub fn open(store: Box<dyn PageStore>) -> Self {
        let mut databases = Databases {
            store,
            projections: Projections::default(),
            table: TraditionalTable::default(),
            overwritten: 0,
            positions: HashMap::new(),
            order_ids: Rc::new(Vec::new()),
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
        let order = self.projections.order(order_id);
        let first_id = self.projections.next_event_id();
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
                    self.derive(event);
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
                    self.derive(event);
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
        let known = self.projections.event_count as usize;
        let events = self.store.events();
        let extends = self.store.epoch() == self.epoch
            && events.len() >= known
            && (known == 0 || events[known - 1].event_id == known as u64);
        if !extends {
            return self.rederive();
        }
        let fresh = events[known..].to_vec();
        for event in &fresh {
            self.derive(event);
        }
    }

    /// Folds one stored event into the projections and the indexes (not the table).
    fn derive(&mut self, event: &RecordedEvent) {
        derive_into(
            &mut self.projections,
            &mut self.positions,
            &mut self.order_ids,
            event,
        );
    }

    fn add_order_id(&mut self, order_id: OrderId) {
        add_order_id(&mut self.order_ids, order_id);
    }

    /// Orders the table has a row for but the log has no event of still get listed.
    fn add_table_ids(&mut self) {
        let missing: Vec<OrderId> = self
            .table
            .rows()
            .map(|r| r.order_id)
            .filter(|id| self.order_ids.binary_search(id).is_err())
            .collect();
        for id in missing {
            self.add_order_id(id);
        }
    }

    fn rederive(&mut self) {
        self.projections = Projections::default();
        self.positions.clear();
        self.order_ids = Rc::new(Vec::new());
        self.epoch = self.store.epoch().to_string();
        // Fields borrowed apart, so the log is folded where it lies instead of being copied.
        let events = self.store.events();
        for event in events {
            derive_into(
                &mut self.projections,
                &mut self.positions,
                &mut self.order_ids,
                event,
            );
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
        self.positions.get(&order_id).map_or(&[], Vec::as_slice)
    }

    /// Every order as derived from the whole log.
    pub fn projections(&self) -> &Projections {
        &self.projections
    }

    /// Names the log: it changes when the log is replaced, never when it only grows.
    pub fn generation(&self) -> &str {
        &self.epoch
    }

    /// The state of `order_id` derived from its events.
    pub fn order(&self, order_id: OrderId) -> Option<&Order> {
        self.projections.orders.get(&order_id)
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
        Rc::clone(&self.order_ids)
    }

    /// The id the next placed order gets.
    pub fn next_order_id(&self) -> OrderId {
        let after_table = self.order_ids.last().map_or(1, |id| id + 1);
        self.projections.next_order_id().max(after_table)
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

/// Folds `event` (the next one in the log) into the projections and the indexes.
fn derive_into(
    projections: &mut Projections,
    positions: &mut HashMap<OrderId, Vec<usize>>,
    order_ids: &mut Rc<Vec<OrderId>>,
    event: &RecordedEvent,
) {
    let position = projections.event_count as usize;
    projections.apply(event);
    positions.entry(event.order_id).or_default().push(position);
    add_order_id(order_ids, event.order_id);
}

fn add_order_id(order_ids: &mut Rc<Vec<OrderId>>, order_id: OrderId) {
    if let Err(at) = order_ids.binary_search(&order_id) {
        Rc::make_mut(order_ids).insert(at, order_id);
    }
}
