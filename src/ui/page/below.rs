//! What the panels below the two databases show. They follow the page one painted frame late
//! (see hooks/after_paint.rs): a click's own frame only renders what the learner is looking at,
//! and the panels catch up right after it is painted.

use super::state::AppState;
use crate::domain::{history, HistoryStep, Order, OrderRow};
use crate::ui::bug_story::view::BugStoryView;
use crate::ui::databases::last_change::LastChange;
use crate::ui::hooks::after_paint::use_after_paint;
use crate::ui::time_travel::use_time_view::use_time_view;
use crate::ui::time_travel::view::TimeView;
use std::rc::Rc;
use yew::prelude::*;

/// The page as of the last painted frame, and what the panels derive from it.
pub struct Below {
    pub revision: u64,
    pub log_len: usize,
    pub order: Option<Order>,
    pub row: Option<OrderRow>,
    pub event_count: usize,
    pub last_change: Option<Rc<LastChange>>,
    /// The selected order's history, oldest first.
    pub steps: Rc<Vec<HistoryStep>>,
    /// The bug story as the log tells it, when the log is the bug story.
    pub story: Rc<Option<BugStoryView>>,
    /// Every order and the log as of the timeline's position.
    pub time_view: Rc<TimeView>,
}

/// The values that move the panels, compared to decide whether they must catch up.
#[derive(Clone, PartialEq)]
struct Snapshot {
    revision: u64,
    log_len: usize,
    order: Option<Order>,
    row: Option<OrderRow>,
    event_count: usize,
    last_change: Option<Rc<LastChange>>,
}

#[hook]
pub fn use_below(state: &AppState) -> Below {
    let now = {
        let db = state.log.read();
        let selected = state.selected;
        Snapshot {
            revision: state.revision,
            log_len: db.events().len(),
            order: selected.and_then(|id| db.order(id)).cloned(),
            row: selected.and_then(|id| db.table().row(id)).cloned(),
            event_count: selected.map_or(0, |id| db.positions_of(id).len()),
            last_change: state.last_change.clone(),
        }
    };
    let shown = use_after_paint(now);
    let steps = {
        let log = state.log.clone();
        use_memo((shown.revision, state.selected), move |&(_, selected)| {
            // Only this order's events are replayed: the cost follows the order, not the log.
            selected.map_or_else(Vec::new, |id| history(&log.read().events_of(id), id))
        })
    };
    let story = {
        let log = state.log.clone();
        use_memo(shown.revision, move |_| BugStoryView::of(&log.read()))
    };
    let time_view = use_time_view(state.log.clone(), shown.revision, &state.time_travel);
    Below {
        revision: shown.revision,
        log_len: shown.log_len,
        order: shown.order,
        row: shown.row,
        event_count: shown.event_count,
        last_change: shown.last_change,
        steps,
        story,
        time_view,
    }
}
