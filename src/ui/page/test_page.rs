//! A page for native tests: the reducer and the databases, driven as the browser drives them.
//! Intents go through the same `plan` and `perform` as the page's writer; only the cross-tab
//! lock (a browser API) and the clock (a fixed instant here) are left out.

use super::intents::{perform, plan, Intent};
use super::state::{Action, AppState};
use crate::app::{Databases, SharedDatabases};
use crate::domain::{OrderId, OrderStatus};
use crate::store::{MemoryKv, MemoryStore};
use chrono::{TimeZone, Utc};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone)]
pub struct Page {
    pub db: SharedDatabases,
    pub state: Rc<AppState>,
}

impl Page {
    /// A page over an empty in-memory store.
    pub fn new() -> Page {
        Page::over(&MemoryKv::default())
    }

    /// A page (a tab) over `kv`, which other pages may share.
    pub fn over(kv: &MemoryKv) -> Page {
        let db = SharedDatabases::new(Databases::open(Box::new(MemoryStore::open(kv.clone()))));
        let state = Rc::new(AppState::new(db.reader(), true, true, false));
        Page { db, state }
    }

    /// The learner does something that only changes the page.
    pub fn act(self, action: Action) -> Page {
        let state = self.state.reduce(action);
        Page { state, ..self }
    }

    /// The learner does something that may write: planned on the page as shown, written now.
    pub fn intent(self, intent: Intent) -> Page {
        let planned = plan(intent, &self.state, &self.db.0.borrow());
        let mut page = self;
        for action in planned.now {
            page = page.act(action);
        }
        if let Some(write) = planned.write {
            let now = Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap();
            let outcome = perform(write, &mut page.db.0.borrow_mut(), now);
            page = page.act(Action::Outcome(outcome));
        }
        page
    }

    /// Several intents, in order.
    pub fn intents(self, intents: impl IntoIterator<Item = Intent>) -> Page {
        intents.into_iter().fold(self, Page::intent)
    }

    pub fn events(&self) -> usize {
        self.db.0.borrow().events().len()
    }

    /// The traditional table's status of `order_id`.
    pub fn status(&self, order_id: OrderId) -> Option<OrderStatus> {
        self.db.0.borrow().table().row(order_id).map(|r| r.status)
    }

    pub fn alert(&self) -> String {
        self.state
            .alert
            .as_ref()
            .map(|a| a.text.clone())
            .unwrap_or_default()
    }
}
