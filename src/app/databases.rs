//! The two live databases behind the page: the event store (with what is derived from its log)
//! and the traditional table stored beside it. Only the application layer changes them: the
//! write path (`write_path.rs`) one command at a time, and `whole_log.rs` for imports,
//! examples, resets, recovery and other tabs' changes. Everything else reads.

use super::log_index::LogIndex;
use crate::domain::{Order, OrderId, Projections, RecordedEvent, TraditionalTable};
use crate::store::{AppStore, Usage};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

/// The event store plus everything derived from it, and the traditional table beside it.
pub struct Databases {
    pub(super) store: Box<dyn AppStore>,
    pub(super) index: LogIndex,
    /// The traditional table as stored, kept in step with every append (ours and other tabs').
    pub(super) table: TraditionalTable,
    /// The store's log generation we derived from; a new one means the log was replaced.
    pub(super) epoch: String,
    /// Events this tab appended, so a command queued behind this tab's own earlier commands is
    /// not mistaken for one decided on a view another tab made stale.
    pub(super) own_events: HashSet<u64>,
}

impl Databases {
    /// Opens over `store`, deriving everything once from its log (the only full replay).
    pub fn open(store: Box<dyn AppStore>) -> Self {
        let mut databases = Databases {
            store,
            index: LogIndex::default(),
            table: TraditionalTable::default(),
            epoch: String::new(),
            own_events: HashSet::new(),
        };
        databases.rederive();
        databases
    }

    /// Folds the store's events we have not derived yet into the index and the table, or
    /// derives afresh if the store's log is no longer an extension of ours. Returns how many
    /// events were folded, or `None` after a fresh derivation.
    pub(super) fn resync(&mut self) -> Option<usize> {
        let known = self.index.event_count();
        let events = self.store.events();
        // An empty log is extended by any log (the first append of a tab names the generation).
        let extends = (known == 0 || self.store.epoch() == self.epoch)
            && events.len() >= known
            && (known == 0 || events[known - 1].event_id == known as u64);
        if !extends {
            self.rederive();
            return None;
        }
        self.epoch = self.store.epoch().to_string();
        for event in &events[known..] {
            self.index.fold(event);
            // The same accepted action the other tab ran on its table, so no row is re-read.
            self.table.apply(event);
        }
        Some(events.len() - known)
    }

    /// Derives everything from the store's log and reads the stored table (once).
    pub(super) fn rederive(&mut self) {
        self.index = LogIndex::default();
        self.epoch = self.store.epoch().to_string();
        self.own_events.clear();
        for event in self.store.events() {
            self.index.fold(event);
        }
        self.table = self.store.load_table();
        // A table that disagrees with the log (recovery mode) may list orders the log lacks.
        for row in self.table.rows() {
            self.index.add_order_id(row.order_id);
        }
    }

    /// The whole log, in `event_id` order.
    pub fn events(&self) -> &[RecordedEvent] {
        self.store.events()
    }

    /// Positions in [`Self::events`] of `order_id`'s events, oldest first.
    pub fn positions_of(&self, order_id: OrderId) -> &[usize] {
        self.index.positions_of(order_id)
    }

    /// `order_id`'s events, oldest first (a copy of just that order's, not of the log).
    pub fn events_of(&self, order_id: OrderId) -> Vec<RecordedEvent> {
        let events = self.events();
        self.positions_of(order_id)
            .iter()
            .map(|&at| events[at].clone())
            .collect()
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

    /// The traditional table, which also counts the values it has overwritten.
    pub fn table(&self) -> &TraditionalTable {
        &self.table
    }

    /// Every order id, ascending (cheap to clone).
    pub fn order_ids(&self) -> Rc<Vec<OrderId>> {
        self.index.order_ids()
    }

    /// The id the next placed order gets (past any row the table has, even one the log lacks).
    pub fn next_order_id(&self) -> OrderId {
        let after_listed = self.index.order_ids().last().map_or(1, |id| id + 1);
        self.index.projections.next_order_id().max(after_listed)
    }

    pub fn usage(&self) -> Usage {
        self.store.usage()
    }

    /// The banner text when start-up found damaged data.
    pub fn recovery_summary(&self) -> Option<String> {
        let recovery = self.store.recovery();
        recovery.has_problems().then(|| recovery.summary())
    }

    /// Whether writes wait for the learner's decision about damaged data.
    pub fn needs_decision(&self) -> bool {
        self.store.recovery().needs_decision()
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

/// The databases as the page shares them between its hooks. Equal only to itself.
#[derive(Clone)]
pub struct SharedDatabases(pub Rc<RefCell<Databases>>);

impl SharedDatabases {
    pub fn new(databases: Databases) -> Self {
        SharedDatabases(Rc::new(RefCell::new(databases)))
    }

    /// A handle that can only read: for the UI's reducer and views, which never write.
    pub fn reader(&self) -> LogReader {
        LogReader(Rc::clone(&self.0))
    }
}

/// Read-only access to the live databases. Every method of [`Databases`] that changes anything
/// takes `&mut self`, which a shared borrow cannot give: whoever holds this can look, not touch.
#[derive(Clone)]
pub struct LogReader(Rc<RefCell<Databases>>);

impl LogReader {
    pub fn read(&self) -> std::cell::Ref<'_, Databases> {
        self.0.borrow()
    }
}

impl PartialEq for LogReader {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl PartialEq for SharedDatabases {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
