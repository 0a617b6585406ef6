//! What the page derives from the log, kept up to date one event at a time: every order's state
//! (the projections), where each order's events sit in the log, and the list of order ids.

use crate::domain::{OrderId, Projections, RecordedEvent};
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Default)]
pub struct LogIndex {
    pub projections: Projections,
    /// Where each order's events sit in the log, so filters and history never scan it.
    positions: HashMap<OrderId, Vec<usize>>,
    /// Every order id, ascending; shared with the selects and rebuilt only on a new order.
    order_ids: Rc<Vec<OrderId>>,
}

impl LogIndex {
    /// Folds the next event of the log in.
    pub fn fold(&mut self, event: &RecordedEvent) {
        let position = self.projections.event_count as usize;
        self.projections.apply(event);
        self.positions
            .entry(event.order_id)
            .or_default()
            .push(position);
        self.add_order_id(event.order_id);
    }

    /// Lists an order (one the table has a row for, say) even if the log has no event of it.
    pub fn add_order_id(&mut self, order_id: OrderId) {
        if let Err(at) = self.order_ids.binary_search(&order_id) {
            Rc::make_mut(&mut self.order_ids).insert(at, order_id);
        }
    }

    /// How many events have been folded in.
    pub fn event_count(&self) -> usize {
        self.projections.event_count as usize
    }

    /// Positions in the log of `order_id`'s events, oldest first.
    pub fn positions_of(&self, order_id: OrderId) -> &[usize] {
        self.positions.get(&order_id).map_or(&[], Vec::as_slice)
    }

    /// Every order id, ascending (cheap to clone).
    pub fn order_ids(&self) -> Rc<Vec<OrderId>> {
        Rc::clone(&self.order_ids)
    }
}
