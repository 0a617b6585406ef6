//! What the event log shows: which events (the filter) and one page of them, newest first,
//! computed from the live databases only when they, the filter or the page change. The cost
//! depends on the page size, not the log length (apart from the event-type filter, which is one
//! pass over the log per change of view).

use crate::app::Databases;
use crate::domain::{EventType, OrderId, RecordedEvent};

/// Event-log rows per page: about what the log's scroll box shows at once on a laptop. Every
/// row is laid out and painted on each click (a new event pushes them all down), so a page
/// longer than the box costs frame time for rows nobody can see.
pub const LOG_PAGE_SIZE: usize = 20;
/// Which events the log shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LogFilter {
    pub order: Option<OrderId>,
    pub event_type: Option<EventType>,
}

impl LogFilter {
    pub fn is_active(&self) -> bool {
        self.order.is_some() || self.event_type.is_some()
    }

    pub fn matches(&self, event: &RecordedEvent) -> bool {
        self.order.is_none_or(|id| id == event.order_id)
            && self.event_type.is_none_or(|t| t == event.event.kind())
    }
}

/// One page of the event log, newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct LogPage {
    pub rows: Vec<RecordedEvent>,
    /// Events in the whole log.
    pub total: usize,
    /// Events the filter lets through.
    pub matching: usize,
    pub page: usize,
    pub pages: usize,
}

/// Pages needed for `items` (at least one, so "page 1 of 1" reads right when empty).
pub(crate) fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

pub fn log_page(db: &Databases, filter: LogFilter, page: usize) -> LogPage {
    let events = db.events();
    let total = events.len();
    // Positions of the matching events, newest first. Unfiltered, no list is built at all.
    let matching: Option<Vec<usize>> = match filter.order {
        Some(order_id) => Some(
            db.positions_of(order_id)
                .iter()
                .rev()
                .copied()
                .filter(|&at| filter.matches(&events[at]))
                .collect(),
        ),
        None if filter.event_type.is_some() => Some(
            (0..total)
                .rev()
                .filter(|&at| filter.matches(&events[at]))
                .collect(),
        ),
        None => None,
    };
    let count = matching.as_ref().map_or(total, Vec::len);
    let pages = page_count(count, LOG_PAGE_SIZE);
    let page = page.min(pages - 1);
    let window = (page * LOG_PAGE_SIZE)..((page + 1) * LOG_PAGE_SIZE).min(count);
    let rows = window
        .map(|i| match &matching {
            Some(positions) => &events[positions[i]],
            None => &events[total - 1 - i],
        })
        .cloned()
        .collect();
    LogPage {
        rows,
        total,
        matching: count,
        page,
        pages,
    }
}
