//! The Order select's options: every order with a short label.

use super::option_filler::OrderOptions;
use crate::app::Databases;
use crate::domain::OrderId;
use std::rc::Rc;

/// Every order, ascending, with its label, for the Order select.
pub fn order_options(db: &Databases) -> OrderOptions {
    Rc::new(
        db.order_ids()
            .iter()
            .map(|&id| (id, order_label(db, id)))
            .collect(),
    )
}

/// Order ids with a short label ("#2 · bob"), for the selects.
pub fn order_label(db: &Databases, order_id: OrderId) -> String {
    match db.order(order_id) {
        Some(order) => format!("#{order_id} · {}", order.customer_id),
        None => format!("#{order_id}"),
    }
}
