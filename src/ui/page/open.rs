//! Opening the page's databases: the browser's localStorage when it can be used, otherwise a
//! store that forgets on reload. The one full replay of the log happens here, and is timed.

use super::state::AppState;
use crate::app::{Databases, SharedDatabases};
use crate::store::{AppStore, LocalStorageKv, LocalStore, MemoryStore};
use crate::ui::widgets::timing;

/// The opened databases and what the page says about them.
pub struct Opened {
    pub db: SharedDatabases,
    pub persistent: bool,
    /// "Replayed 10,000 events in 38 ms." when there was a log to replay.
    pub replayed: Option<String>,
}

pub fn open_databases() -> Opened {
    let started = timing::now_ms();
    let (store, persistent): (Box<dyn AppStore>, bool) = if LocalStorageKv::available() {
        (Box::new(LocalStore::open(LocalStorageKv)), true)
    } else {
        (Box::new(MemoryStore::new()), false)
    };
    let databases = Databases::open(store);
    let events = databases.events().len();
    Opened {
        db: SharedDatabases::new(databases),
        persistent,
        replayed: (events > 0).then(|| timing::replayed(events, started)),
    }
}

impl Opened {
    /// The page's first state over these databases.
    pub fn first_state(&self, presenter: bool) -> AppState {
        let mut state = AppState::new(
            self.db.reader(),
            self.persistent,
            cross_tab_safe(),
            presenter,
        );
        state.notice = self.replayed.clone();
        state
    }
}

/// Whether writes are kept apart across tabs (the browser has Web Locks).
fn cross_tab_safe() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        crate::store::write_lock::available()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}
