#![cfg(not(target_arch = "wasm32"))]
//! Every business rule, as given (past events) / when (a command) / then (events or rejection).

use chrono::{TimeZone, Utc};
use event_sourcing_demo::domain::*;

const ORDER: OrderId = 2;

/// Given these past events of order 2 (recorded in order), its state.
fn given(past: &[OrderEvent]) -> Order {
    let at = Utc.with_ymd_and_hms(2024, 3, 4, 9, 0, 0).unwrap();
    let mut order = Order::new(ORDER);
    for event in past {
        let next_id = u64::from(order.version) + 1;
        for recorded in record(&order, vec![event.clone()], next_id, at) {
            order = evolve(order, &recorded);
        }
    }
    order
}

fn when(order: &Order, command: Command) -> Result<Vec<OrderEvent>, Rejection> {
    decide(order, &command)
}

fn then_rejected(result: Result<Vec<OrderEvent>, Rejection>, message: &str) {
    match result {
        Ok(events) => panic!("expected \"{message}\", got events {events:?}"),
        Err(rejection) => assert_eq!(rejection.to_string(), message),
    }
}

fn placed(cents: i64) -> OrderEvent {
    OrderEvent::OrderPlaced {
        customer_id: "Ada".into(),
        total_amount: Money(cents),
    }
}
fn paid(cents: i64) -> OrderEvent {
    OrderEvent::OrderPaid {
        amount: Money(cents),
    }
}
fn shipped() -> OrderEvent {
    OrderEvent::OrderShipped {
        carrier: "DHL".into(),
        tracking_number: "JD1".into(),
    }
}
fn delivered() -> OrderEvent {
    OrderEvent::OrderDelivered {}
}
fn cancelled(refund: Option<i64>) -> OrderEvent {
    OrderEvent::OrderCancelled {
        reason: "changed mind".into(),
        refund: refund.map(Money),
    }
}
fn problem() -> OrderEvent {
    OrderEvent::PaymentProblemReported {
        source: "bank".into(),
        detail: "chargeback".into(),
    }
}
fn place(customer: &str, cents: i64) -> Command {
    Command::PlaceOrder {
        customer_id: customer.into(),
        total_amount: Money(cents),
    }
}
fn ship(carrier: &str, tracking: &str) -> Command {
    Command::ShipOrder {
        carrier: carrier.into(),
        tracking_number: tracking.into(),
    }
}
fn cancel(reason: &str) -> Command {
    Command::CancelOrder {
        reason: reason.into(),
    }
}
fn report(source: &str, detail: &str) -> Command {
    Command::ReportPaymentProblem {
        source: source.into(),
        detail: detail.into(),
    }
}

/// Every reachable status, with the past events that lead there.
fn every_status() -> Vec<(OrderStatus, Vec<OrderEvent>)> {
    use OrderStatus::*;
    vec![
        (Placed, vec![placed(4990)]),
        (Paid, vec![placed(4990), paid(4990)]),
        (PaymentProblem, vec![placed(4990), paid(4990), problem()]),
        (Shipped, vec![placed(4990), paid(4990), shipped()]),
        (
            Delivered,
            vec![placed(4990), paid(4990), shipped(), delivered()],
        ),
        (Cancelled, vec![placed(4990), cancelled(None)]),
    ]
}

// ---- placing -------------------------------------------------------------------------------

#[test]
fn placing_a_new_order_records_order_placed_with_trimmed_customer() {
    let then = when(&given(&[]), place("  Ada Lovelace ", 4990));
    assert_eq!(
        then,
        Ok(vec![OrderEvent::OrderPlaced {
            customer_id: "Ada Lovelace".into(),
            total_amount: Money(4990)
        }])
    );
}

#[test]
fn placing_needs_a_customer() {
    then_rejected(
        when(&given(&[]), place("   ", 4990)),
        "Please enter a customer.",
    );
}

#[test]
fn placing_allows_80_characters_of_customer_counted_as_characters_not_bytes() {
    assert!(when(&given(&[]), place(&"é".repeat(80), 4990)).is_ok());
    then_rejected(
        when(&given(&[]), place(&"é".repeat(81), 4990)),
        "The customer is too long: at most 80 characters.",
    );
}

#[test]
fn placing_needs_a_positive_total() {
    for cents in [0, -1, -4990] {
        then_rejected(
            when(&given(&[]), place("Ada", cents)),
            "The total amount must be more than 0.00.",
        );
    }
    assert!(when(&given(&[]), place("Ada", 1)).is_ok());
}

#[test]
fn placing_allows_at_most_one_million() {
    assert!(when(&given(&[]), place("Ada", MAX_TOTAL.0)).is_ok());
    then_rejected(
        when(&given(&[]), place("Ada", MAX_TOTAL.0 + 1)),
        "The total amount must be at most 1000000.00.",
    );
}

#[test]
fn placing_an_order_twice_is_refused_in_every_status() {
    for (_, past) in every_status() {
        then_rejected(
            when(&given(&past), place("Bob", 100)),
            "Order 2 has already been placed.",
        );
    }
}

#[test]
fn every_other_command_on_an_unplaced_order_is_refused() {
    for command in [
        Command::PayOrder,
        ship("DHL", "1"),
        Command::DeliverOrder,
        cancel("x"),
        report("a", "b"),
    ] {
        then_rejected(
            when(&given(&[]), command),
            "Order 2 does not exist: place an order first.",
        );
    }
}

// ---- paying --------------------------------------------------------------------------------

#[test]
fn paying_a_placed_order_records_the_total_as_paid() {
    assert_eq!(
        when(&given(&[placed(4990)]), Command::PayOrder),
        Ok(vec![paid(4990)])
    );
}

#[test]
fn paying_an_order_flagged_before_it_was_paid_pays_what_is_due() {
    let past = [placed(4990), problem()];
    assert_eq!(when(&given(&past), Command::PayOrder), Ok(vec![paid(4990)]));
}

#[test]
fn paying_again_an_order_already_paid_in_full_is_refused_it_would_charge_twice() {
    // The bug story's trap: the row says PaymentProblem, but the money has arrived.
    let past = [placed(4990), paid(4990), problem()];
    then_rejected(
        when(&given(&past), Command::PayOrder),
        "Order 2 is already paid in full (49.90): paying again would charge the customer twice. If its status is wrong, record a correction instead.",
    );
}

// ---- correcting a wrong payment problem ----------------------------------------------------

fn retract(event_id: EventId) -> Command {
    Command::RetractPaymentProblem {
        retracts: event_id,
        reason: " printer out of labels ".into(),
    }
}

#[test]
fn a_correction_cites_the_wrong_report_and_restores_the_status_the_money_says() {
    // Events 1..3 of order 2 (ids follow versions in `given`): the report is event 3.
    let paid_then_flagged = given(&[placed(4990), paid(4990), problem()]);
    assert_eq!(
        when(&paid_then_flagged, retract(3)),
        Ok(vec![OrderEvent::PaymentProblemRetracted {
            retracts: 3,
            reason: "printer out of labels".into(),
            status: OrderStatus::Paid,
        }])
    );
    let flagged_unpaid = given(&[placed(4990), problem()]);
    assert_eq!(
        when(&flagged_unpaid, retract(2)),
        Ok(vec![OrderEvent::PaymentProblemRetracted {
            retracts: 2,
            reason: "printer out of labels".into(),
            status: OrderStatus::Placed,
        }])
    );
}

#[test]
fn a_correction_that_cites_another_event_or_no_problem_is_refused() {
    let flagged = given(&[placed(4990), paid(4990), problem()]);
    then_rejected(
        when(&flagged, retract(2)),
        "Event 2 did not report order 2's payment problem: a correction must cite the event it corrects (event 3).",
    );
    let fine = given(&[placed(4990), paid(4990)]);
    then_rejected(
        when(&fine, retract(2)),
        "Order 2 cannot be corrected: it is Paid, not PaymentProblem.",
    );
    then_rejected(
        when(
            &flagged,
            Command::RetractPaymentProblem {
                retracts: 3,
                reason: "  ".into(),
            },
        ),
        "Please enter a correction reason.",
    );
}

#[test]
fn after_a_correction_the_order_goes_on_and_a_new_problem_needs_a_new_correction() {
    let mut past = vec![placed(4990), paid(4990), problem()];
    let corrected = when(&given(&past), retract(3)).unwrap();
    past.extend(corrected);
    let order = given(&past);
    assert_eq!(order.status, Some(OrderStatus::Paid));
    assert_eq!(order.amount_paid, Money(4990), "paid once");
    assert!(when(&order, ship("DHL", "JD1")).is_ok());
    then_rejected(
        when(&order, retract(3)),
        "Order 2 cannot be corrected: it is Paid, not PaymentProblem.",
    );
}

#[test]
fn paying_is_refused_unless_placed_or_payment_problem() {
    for (status, past) in every_status() {
        if matches!(status, OrderStatus::Placed | OrderStatus::PaymentProblem) {
            continue;
        }
        then_rejected(
            when(&given(&past), Command::PayOrder),
            &format!("Order 2 cannot be paid: it is {status}, not Placed."),
        );
    }
}

// ---- shipping ------------------------------------------------------------------------------

#[test]
fn shipping_a_paid_order_records_carrier_and_tracking_number() {
    let then = when(&given(&[placed(4990), paid(4990)]), ship(" DHL ", " JD1 "));
    assert_eq!(then, Ok(vec![shipped()]));
}

#[test]
fn shipping_a_placed_order_is_refused_in_plain_words() {
    then_rejected(
        when(&given(&[placed(4990)]), ship("DHL", "JD1")),
        "Order 2 cannot be shipped: it is Placed, not Paid.",
    );
}

#[test]
fn shipping_is_refused_unless_paid() {
    for (status, past) in every_status() {
        if status == OrderStatus::Paid {
            continue;
        }
        then_rejected(
            when(&given(&past), ship("DHL", "JD1")),
            &format!("Order 2 cannot be shipped: it is {status}, not Paid."),
        );
    }
}

#[test]
fn shipping_needs_a_carrier_and_a_tracking_number_of_sensible_length() {
    let order = given(&[placed(4990), paid(4990)]);
    then_rejected(when(&order, ship(" ", "JD1")), "Please enter a carrier.");
    then_rejected(
        when(&order, ship("DHL", "")),
        "Please enter a tracking number.",
    );
    then_rejected(
        when(&order, ship(&"x".repeat(201), "JD1")),
        "The carrier is too long: at most 200 characters.",
    );
    then_rejected(
        when(&order, ship("DHL", &"1".repeat(201))),
        "The tracking number is too long: at most 200 characters.",
    );
    assert!(when(&order, ship(&"x".repeat(200), &"1".repeat(200))).is_ok());
}

// ---- delivering ----------------------------------------------------------------------------

#[test]
fn delivering_a_shipped_order_records_order_delivered() {
    let past = [placed(4990), paid(4990), shipped()];
    assert_eq!(
        when(&given(&past), Command::DeliverOrder),
        Ok(vec![delivered()])
    );
}

#[test]
fn delivering_is_refused_unless_shipped() {
    for (status, past) in every_status() {
        if status == OrderStatus::Shipped {
            continue;
        }
        then_rejected(
            when(&given(&past), Command::DeliverOrder),
            &format!("Order 2 cannot be delivered: it is {status}, not Shipped."),
        );
    }
}

// ---- cancelling ----------------------------------------------------------------------------

#[test]
fn cancelling_a_placed_order_records_no_refund() {
    let then = when(&given(&[placed(4990)]), cancel(" changed mind "));
    assert_eq!(then, Ok(vec![cancelled(None)]));
}

#[test]
fn cancelling_a_paid_order_records_the_refund() {
    let then = when(&given(&[placed(4990), paid(4990)]), cancel("changed mind"));
    assert_eq!(then, Ok(vec![cancelled(Some(4990))]));
}

#[test]
fn cancelling_after_a_payment_problem_refunds_what_was_paid() {
    let past = [placed(4990), paid(4990), problem()];
    assert_eq!(
        when(&given(&past), cancel("changed mind")),
        Ok(vec![cancelled(Some(4990))])
    );
}

#[test]
fn cancelling_a_refund_brings_revenue_back_to_zero() {
    let order = given(&[placed(4990), paid(4990), cancelled(Some(4990))]);
    assert_eq!(order.amount_paid, Money(0));
    assert_eq!(order.refunded, Money(4990));
    assert_eq!(order.cancel_reason.as_deref(), Some("changed mind"));
}

#[test]
fn cancelling_after_shipping_is_too_late() {
    for (status, past) in every_status() {
        if !matches!(status, OrderStatus::Shipped | OrderStatus::Delivered) {
            continue;
        }
        then_rejected(
            when(&given(&past), cancel("changed mind")),
            &format!("Order 2 cannot be cancelled: it is already {status}. Orders can only be cancelled before shipping."),
        );
    }
}

#[test]
fn cancelling_twice_is_refused() {
    then_rejected(
        when(&given(&[placed(4990), cancelled(None)]), cancel("again")),
        "Order 2 cannot be cancelled: it is Cancelled, not Placed or Paid.",
    );
}

#[test]
fn cancelling_needs_a_reason_of_sensible_length() {
    let order = given(&[placed(4990)]);
    then_rejected(when(&order, cancel("  ")), "Please enter a cancel reason.");
    then_rejected(
        when(&order, cancel(&"x".repeat(201))),
        "The cancel reason is too long: at most 200 characters.",
    );
}

// ---- payment problems (the bug story) ------------------------------------------------------

#[test]
fn a_payment_problem_can_be_reported_on_a_placed_or_paid_order() {
    for past in [vec![placed(4990)], vec![placed(4990), paid(4990)]] {
        assert_eq!(
            when(&given(&past), report(" bank ", " chargeback ")),
            Ok(vec![problem()])
        );
    }
}

#[test]
fn a_payment_problem_is_refused_in_any_other_status() {
    for (status, past) in every_status() {
        if matches!(status, OrderStatus::Placed | OrderStatus::Paid) {
            continue;
        }
        then_rejected(
            when(&given(&past), report("bank", "chargeback")),
            &format!("Order 2 cannot be flagged with a payment problem: it is {status}, not Placed or Paid."),
        );
    }
}

#[test]
fn a_payment_problem_needs_a_source_and_a_detail() {
    let order = given(&[placed(4990)]);
    then_rejected(when(&order, report("", "x")), "Please enter a source.");
    then_rejected(when(&order, report("x", "")), "Please enter a detail.");
    then_rejected(
        when(&order, report(&"s".repeat(201), "x")),
        "The source is too long: at most 200 characters.",
    );
    then_rejected(
        when(&order, report("x", &"d".repeat(201))),
        "The detail is too long: at most 200 characters.",
    );
}

// ---- the status check comes first, and the remaining messages ------------------------------

#[test]
fn a_wrong_status_is_reported_before_missing_text() {
    then_rejected(
        when(&given(&[placed(4990)]), ship("", "")),
        "Order 2 cannot be shipped: it is Placed, not Paid.",
    );
}

#[test]
fn a_stale_state_rejection_explains_the_other_tab() {
    let rejection = Rejection::StaleState {
        order_id: 2,
        expected_version: 1,
        actual_version: 3,
    };
    assert_eq!(
        rejection.to_string(),
        "Order 2 was changed in another tab (you saw version 1, it is now at version 3). Nothing was saved: the fresh state is shown, try again."
    );
}

#[test]
fn deciding_changes_nothing_and_always_gives_the_same_answer() {
    for (_, past) in every_status() {
        let order = given(&past);
        let copy = order.clone();
        for command in [
            Command::PayOrder,
            ship("DHL", "1"),
            Command::DeliverOrder,
            cancel("x"),
        ] {
            assert_eq!(decide(&order, &command), decide(&order, &command));
        }
        assert_eq!(order, copy);
    }
}

// ---- recording -----------------------------------------------------------------------------

#[test]
fn recording_numbers_events_after_the_order_version_with_the_current_schema() {
    let order = given(&[placed(4990), paid(4990)]);
    let at = Utc.with_ymd_and_hms(2024, 3, 5, 8, 0, 0).unwrap();
    let recorded = record(&order, vec![shipped(), delivered()], 41, at);
    let numbers: Vec<_> = recorded
        .iter()
        .map(|e| (e.event_id, e.order_id, e.version))
        .collect();
    assert_eq!(numbers, [(41, 2, 3), (42, 2, 4)]);
    assert!(recorded
        .iter()
        .all(|e| e.schema_version == CURRENT_SCHEMA_VERSION));
    assert!(recorded.iter().all(|e| e.event_timestamp == at));
}
