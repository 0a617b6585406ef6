//! What the two databases and the controls show, derived from the live databases only when
//! something they show changed: a click on Pay rebuilds one page of each table, never the list
//! of every order, and typing in a field rebuilds nothing.

use super::state::AppState;
use crate::domain::EventId;
use crate::ui::controls::option_filler::OrderOptions;
use crate::ui::controls::order_options::order_options;
use crate::ui::databases::log_view::{log_page, LogPage};
use crate::ui::databases::table_view::{table_page, TablePage};
use std::rc::Rc;
use yew::prelude::*;

pub struct Shown {
    pub log_page: Rc<LogPage>,
    pub table_page: Rc<TablePage>,
    /// Every order for the Order select; rebuilt only when an order is added or removed.
    pub options: OrderOptions,
    /// The events the last accepted command appended, highlighted in the log.
    pub new_ids: Rc<Vec<EventId>>,
}

#[hook]
pub fn use_shown(state: &AppState) -> Shown {
    let log_page = {
        let log = state.log.clone();
        use_memo(
            (state.revision, state.filter, state.log_page),
            move |&(_, filter, page)| log_page(&log.read(), filter, page),
        )
    };
    let table_page = {
        let log = state.log.clone();
        use_memo((state.revision, state.table_page), move |&(_, page)| {
            table_page(&log.read(), page)
        })
    };
    let order_ids = state.log.read().order_ids();
    let options = {
        let log = state.log.clone();
        use_memo(order_ids, move |_| order_options(&log.read()))
    };
    let new_ids = use_memo(state.last_change.clone(), |change| {
        change.as_ref().map_or_else(Vec::new, |c| {
            c.accepted.events.iter().map(|e| e.event_id).collect()
        })
    });
    Shown {
        log_page,
        table_page,
        options: (*options).clone(),
        new_ids,
    }
}
