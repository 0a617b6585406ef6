//! What the time-travel panel shows for one position of the timeline: a page of every order as
//! of that event, a window of the log around it, and what the traditional table says now.
//! The cost depends on the page and window sizes, not on the log's length (apart from finding
//! the focused order's page, which counts the orders before it).

use crate::domain::{
    Money, Order, OrderId, OrderRow, OrderStatus, Projections, RecordedEvent, TraditionalTable,
};

/// Orders per page of the "as of" table.
pub const ORDERS_PER_PAGE: usize = 8;
/// Events shown around the position.
pub const LOG_WINDOW: usize = 9;

#[derive(Debug, Clone, PartialEq)]
pub struct TimeView {
    /// Events replayed.
    pub position: usize,
    /// Events in the log.
    pub len: usize,
    /// The last replayed event (event number `position`), if any.
    pub current: Option<RecordedEvent>,
    /// One page of every order as of the position.
    pub orders: Vec<Order>,
    pub order_count: usize,
    pub page: usize,
    pub pages: usize,
    /// How many orders are in each status as of the position.
    pub counts: Vec<(OrderStatus, usize)>,
    pub revenue: Money,
    /// Events around the position, oldest first.
    pub window: Vec<RecordedEvent>,
    /// The order the current event touched, as of the position.
    pub then: Option<Order>,
    /// That order's row in the traditional table, which only knows now.
    pub now: Option<OrderRow>,
}

impl TimeView {
    /// The view at `position`, where `state` holds the projections of the first `position`
    /// events. `page` is the page the learner chose, or `None` for the current event's page.
    pub fn build(
        events: &[RecordedEvent],
        state: &Projections,
        table: &TraditionalTable,
        position: usize,
        page: Option<usize>,
    ) -> TimeView {
        let len = events.len();
        let position = position.min(len);
        let current = position.checked_sub(1).map(|i| events[i].clone());
        let focus: Option<OrderId> = current.as_ref().map(|e| e.order_id);
        let order_count = state.orders.len();
        let pages = order_count.div_ceil(ORDERS_PER_PAGE).max(1);
        let focus_page = focus.map_or(0, |id| state.orders.range(..id).count() / ORDERS_PER_PAGE);
        let page = page.unwrap_or(focus_page).min(pages - 1);
        let orders = state
            .orders
            .values()
            .skip(page * ORDERS_PER_PAGE)
            .take(ORDERS_PER_PAGE)
            .cloned()
            .collect();
        TimeView {
            position,
            len,
            orders,
            order_count,
            page,
            pages,
            counts: state.counts.iter().map(|(s, n)| (*s, *n)).collect(),
            revenue: state.revenue,
            window: events[window(position, len)].to_vec(),
            then: focus.map(|id| state.order(id)),
            now: focus.and_then(|id| table.row(id).cloned()),
            current,
        }
    }

    /// Whether the view shows the past rather than the end of the log.
    pub fn is_past(&self) -> bool {
        self.position < self.len
    }

    /// Whether `event_id` has not happened yet as of the position.
    pub fn is_future(&self, event_id: u64) -> bool {
        event_id > self.position as u64
    }
}

/// The positions (from 0) of the events shown around `position`: the current event sits a
/// little past the middle, so the next few that have not happened yet are in view too.
fn window(position: usize, len: usize) -> std::ops::Range<usize> {
    let start = position
        .saturating_sub(LOG_WINDOW / 2 + 1)
        .min(len.saturating_sub(LOG_WINDOW));
    start..(start + LOG_WINDOW).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{blog_example, generate_log, state_at};

    fn view(events: &[RecordedEvent], n: usize, page: Option<usize>) -> TimeView {
        let table = TraditionalTable::rebuild(events);
        TimeView::build(events, &state_at(events, n), &table, n, page)
    }

    #[test]
    fn as_of_an_event_orders_are_as_they_were_then_and_the_table_as_it_is_now() {
        let log = blog_example();
        let at = view(&log, 2, None);
        assert_eq!(at.current.as_ref().unwrap().event_id, 2);
        assert_eq!(at.order_count, 1);
        let then = at.then.clone().unwrap();
        assert_eq!(then.status, Some(OrderStatus::Paid));
        assert_eq!(at.now.as_ref().unwrap().status, OrderStatus::Delivered);
        assert!(at.is_past());
        assert!(at.is_future(3) && !at.is_future(2));
    }

    #[test]
    fn the_start_shows_no_orders() {
        let at = view(&blog_example(), 0, None);
        assert!(at.current.is_none() && at.orders.is_empty() && at.then.is_none());
        assert_eq!(at.window.first().map(|e| e.event_id), Some(1));
    }

    #[test]
    fn the_window_keeps_the_current_event_and_what_comes_next_in_view() {
        let log = generate_log(100, 1);
        for n in [1, 5, 50, 99, 100] {
            let at = view(&log, n, None);
            assert_eq!(at.window.len(), LOG_WINDOW);
            let ids: Vec<u64> = at.window.iter().map(|e| e.event_id).collect();
            assert!(ids.contains(&(n as u64)), "{n}: {ids:?}");
            assert!(ids.windows(2).all(|w| w[1] == w[0] + 1));
        }
        assert_eq!(view(&log[..3], 3, None).window.len(), 3);
    }

    #[test]
    fn the_page_follows_the_current_event_unless_chosen() {
        let log = generate_log(400, 2);
        let at = view(&log, 400, None);
        let focus = at.current.as_ref().unwrap().order_id;
        assert!(at.orders.iter().any(|o| o.order_id == focus));
        let first = view(&log, 400, Some(0));
        assert_eq!(first.page, 0);
        assert_eq!(view(&log, 400, Some(10_000)).page, at.pages - 1);
    }
}
