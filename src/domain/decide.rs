//! Every business rule of the order domain lives here, and only here.

use super::{Command, Money, Order, OrderEvent, OrderStatus, Rejection};

/// Longest customer id the `orders.customer_id` column accepts.
pub const MAX_CUSTOMER_LEN: usize = 80;
/// Longest cancel reason, carrier, tracking number or problem text.
pub const MAX_TEXT_LEN: usize = 200;
/// Largest order total: 1,000,000.00.
pub const MAX_TOTAL: Money = Money(100_000_000);

/// Decides what happens when `command` is sent to `order`: the events to record, or why not.
///
/// Pure: the same order and command always give the same answer, and nothing is changed.
pub fn decide(order: &Order, command: &Command) -> Result<Vec<OrderEvent>, Rejection> {
    let id = order.order_id;
    let Some(status) = order.status else {
        return match command {
            Command::PlaceOrder {
                customer_id,
                total_amount,
            } => place(customer_id, *total_amount),
            _ => Err(Rejection::UnknownOrder { order_id: id }),
        };
    };
    let wrong = |action, needs| Rejection::WrongStatus {
        order_id: id,
        action,
        status,
        needs,
    };
    use OrderStatus::*;
    match command {
        Command::PlaceOrder { .. } => Err(Rejection::AlreadyPlaced { order_id: id }),
        Command::PayOrder => match status {
            Placed | PaymentProblem => {
                // What is still due: never a second charge for money already received.
                let due = order.amount_due();
                if due.0 <= 0 {
                    return Err(Rejection::AlreadyPaid {
                        order_id: id,
                        amount: order.amount_paid,
                    });
                }
                Ok(vec![OrderEvent::OrderPaid { amount: due }])
            }
            _ => Err(wrong("paid", "Placed")),
        },
        Command::ShipOrder {
            carrier,
            tracking_number,
        } => {
            if status != Paid {
                return Err(wrong("shipped", "Paid"));
            }
            Ok(vec![OrderEvent::OrderShipped {
                carrier: required_text("carrier", carrier, MAX_TEXT_LEN)?,
                tracking_number: required_text("tracking number", tracking_number, MAX_TEXT_LEN)?,
            }])
        }
        Command::DeliverOrder => match status {
            Shipped => Ok(vec![OrderEvent::OrderDelivered {}]),
            _ => Err(wrong("delivered", "Shipped")),
        },
        Command::CancelOrder { reason } => match status {
            Placed | Paid | PaymentProblem => {
                let reason = required_text("cancel reason", reason, MAX_TEXT_LEN)?;
                let refund = (order.amount_paid > Money(0)).then_some(order.amount_paid);
                Ok(vec![OrderEvent::OrderCancelled { reason, refund }])
            }
            Shipped | Delivered => Err(Rejection::TooLateToCancel {
                order_id: id,
                status,
            }),
            Cancelled => Err(wrong("cancelled", "Placed or Paid")),
        },
        Command::ReportPaymentProblem { source, detail } => match status {
            // Accepting this on a paid order is the bug the story is about: the rule is too lax,
            // exactly as it was in the real system.
            Placed | Paid => Ok(vec![OrderEvent::PaymentProblemReported {
                source: required_text("source", source, MAX_TEXT_LEN)?,
                detail: required_text("detail", detail, MAX_TEXT_LEN)?,
            }]),
            _ => Err(wrong("flagged with a payment problem", "Placed or Paid")),
        },
        Command::RetractPaymentProblem { retracts, reason } => {
            if status != PaymentProblem {
                return Err(wrong("corrected", "PaymentProblem"));
            }
            if order.payment_problem != Some(*retracts) {
                return Err(Rejection::WrongCitation {
                    order_id: id,
                    cited: *retracts,
                    actual: order.payment_problem,
                });
            }
            // The status the order really has: what it would be had the report never come.
            let paid_in_full = order.amount_due().0 <= 0;
            Ok(vec![OrderEvent::PaymentProblemRetracted {
                retracts: *retracts,
                reason: required_text("correction reason", reason, MAX_TEXT_LEN)?,
                status: if paid_in_full { Paid } else { Placed },
            }])
        }
    }
}

fn place(customer_id: &str, total_amount: Money) -> Result<Vec<OrderEvent>, Rejection> {
    let customer_id = required_text("customer", customer_id, MAX_CUSTOMER_LEN)?;
    if total_amount <= Money(0) {
        return Err(Rejection::InvalidAmount {
            reason: "must be more than 0.00",
        });
    }
    if total_amount > MAX_TOTAL {
        return Err(Rejection::InvalidAmount {
            reason: "must be at most 1000000.00",
        });
    }
    Ok(vec![OrderEvent::OrderPlaced {
        customer_id,
        total_amount,
    }])
}

/// Trims `value` and checks it is present and not too long (counted in characters, not bytes).
fn required_text(field: &'static str, value: &str, max: usize) -> Result<String, Rejection> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Rejection::Missing { field });
    }
    if value.chars().count() > max {
        return Err(Rejection::TooLong { field, max });
    }
    Ok(value.to_string())
}
