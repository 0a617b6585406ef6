//! Applying facts to state. No rules here: an event is a fact and is applied as it is.

use super::{Money, Order, OrderEvent, RecordedEvent};

/// The order after `event`. Never fails: validation happened in `decide`, before recording.
pub fn evolve(mut order: Order, event: &RecordedEvent) -> Order {
    order.order_id = event.order_id;
    order.version = event.version;
    order.updated_at = Some(event.event_timestamp);
    order.status = Some(event.event.status_after());
    match &event.event {
        OrderEvent::OrderPlaced {
            customer_id,
            total_amount,
        } => {
            order.customer_id = customer_id.clone();
            order.total_amount = *total_amount;
            order.order_date = Some(event.event_timestamp);
        }
        OrderEvent::OrderPaid { amount } => {
            order.payment_problem = None;
            order.amount_paid = Money(order.amount_paid.0.saturating_add(amount.0));
        }
        OrderEvent::OrderShipped {
            carrier,
            tracking_number,
        } => {
            order.carrier = Some(carrier.clone());
            order.tracking_number = Some(tracking_number.clone());
        }
        OrderEvent::OrderDelivered {} => {}
        OrderEvent::OrderCancelled { reason, refund } => {
            order.payment_problem = None;
            order.cancel_reason = Some(reason.clone());
            if let Some(refund) = refund {
                order.refunded = *refund;
                order.amount_paid = Money(order.amount_paid.0.saturating_sub(refund.0));
            }
        }
        OrderEvent::PaymentProblemReported { .. } => {
            order.payment_problem = Some(event.event_id);
        }
        OrderEvent::PaymentProblemRetracted { .. } => order.payment_problem = None,
    }
    order
}

/// Folds a stream of one order's events, from nothing.
pub fn fold<'a>(
    order_id: super::OrderId,
    events: impl IntoIterator<Item = &'a RecordedEvent>,
) -> Order {
    events.into_iter().fold(Order::new(order_id), evolve)
}
