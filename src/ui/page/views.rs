//! What the two tables show: one page of each, computed from the live databases only when
//! they, the filter or the page change. The cost depends on the page size, not the log length
//! (apart from the event-type filter, which is one pass over the log per change of view).

use crate::app::Databases;
use crate::domain::{OrderId, OrderRow, RecordedEvent};
use crate::ui::page::state::{LogFilter, LOG_PAGE_SIZE, TABLE_PAGE_SIZE};

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

/// One page of the traditional table, by order id.
#[derive(Debug, Clone, PartialEq)]
pub struct TablePage {
    pub rows: Vec<OrderRow>,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
}

/// Pages needed for `items` (at least one, so "page 1 of 1" reads right when empty).
fn page_count(items: usize, per_page: usize) -> usize {
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

pub fn table_page(db: &Databases, page: usize) -> TablePage {
    let ids = db.order_ids();
    let pages = page_count(ids.len(), TABLE_PAGE_SIZE);
    let page = page.min(pages - 1);
    let rows = ids
        .iter()
        .skip(page * TABLE_PAGE_SIZE)
        .take(TABLE_PAGE_SIZE)
        .filter_map(|&id| db.table().row(id).cloned())
        .collect();
    TablePage {
        rows,
        total: ids.len(),
        page,
        pages,
    }
}

/// Order ids with a short label ("#2 · bob"), for the selects.
pub fn order_label(db: &Databases, order_id: OrderId) -> String {
    match db.order(order_id) {
        Some(order) => format!("#{order_id} · {}", order.customer_id),
        None => format!("#{order_id}"),
    }
}
