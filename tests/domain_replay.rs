#![cfg(not(target_arch = "wasm32"))]
//! Replay: state as of event n, one order's history, and what-if without some events.

use event_sourcing_demo::domain::*;
use std::collections::BTreeSet;

#[test]
fn state_at_shows_every_order_as_of_an_event_number() {
    let log = blog_example();
    let start = state_at(&log, 0);
    assert_eq!(start, Projections::default());
    // After event 3 (order 2 placed): order 1 paid, order 2 placed, no order 3 yet.
    let early = state_at(&log, 3);
    assert_eq!(early.order(1).status, Some(OrderStatus::Paid));
    assert_eq!(early.order(2).status, Some(OrderStatus::Placed));
    assert_eq!(early.order(3).status, None);
    assert_eq!(early.event_count, 3);
    assert_eq!(state_at(&log, log.len()), Projections::rebuild(&log));
    assert_eq!(state_at(&log, 1000), Projections::rebuild(&log));
}

#[test]
fn history_lists_before_event_after_and_the_changed_fields() {
    let log = blog_example();
    let steps = history(&log, 1);
    let types: Vec<_> = steps.iter().map(|s| s.event.event.event_type()).collect();
    assert_eq!(
        types,
        ["OrderPlaced", "OrderPaid", "OrderShipped", "OrderDelivered"]
    );
    assert_eq!(steps[0].before, Order::new(1));
    assert!(steps.windows(2).all(|w| w[0].after == w[1].before));
    assert_eq!(steps[3].after, Projections::rebuild(&log).order(1));
    assert_eq!(
        steps[1].changed,
        ["status", "amount_paid", "version", "updated_at"]
    );
    assert_eq!(
        steps[2].changed,
        [
            "status",
            "carrier",
            "tracking_number",
            "version",
            "updated_at"
        ]
    );
    assert!(history(&log, 99).is_empty());
}

#[test]
fn skipping_a_payment_shows_what_the_shop_would_look_like_without_it() {
    let log = blog_example();
    // Event 7 is order 2's payment.
    assert_eq!(log[6].order_id, 2);
    assert_eq!(log[6].event.event_type(), "OrderPaid");
    let skip = BTreeSet::from([7]);
    let whole = replay_skipping(&log, &skip);
    let actual = Projections::rebuild(&log);
    assert_eq!(whole.order(2).status, Some(OrderStatus::Placed));
    assert_eq!(whole.revenue, Money(actual.revenue.0 - 12500));
    assert_eq!(whole.order(1), actual.order(1));
    let order_2: Vec<_> = events_of(&log, 2);
    assert_eq!(what_if(&order_2, &skip).unwrap().as_facts, whole.order(2));
    assert_eq!(whole.event_count, log.len() as u64 - 1);
}

#[test]
fn skipped_events_leave_later_events_applied_as_facts() {
    let log = blog_example();
    // Skip order 3's payment (event 6): its shipment (event 8) still happened.
    let skip = BTreeSet::from([6]);
    let order = what_if(&events_of(&log, 3), &skip).unwrap().as_facts;
    assert_eq!(order.status, Some(OrderStatus::Shipped));
    assert_eq!(order.amount_paid, Money(0));
    // ...and the rules say that remaining history would not have been accepted.
    let err = validate_log(&without(&log, &skip)).unwrap_err();
    assert_eq!(err.event_id, 7);
}

#[test]
fn skipping_nothing_is_the_real_state() {
    let log = bug_story();
    assert_eq!(
        replay_skipping(&log, &BTreeSet::new()),
        Projections::rebuild(&log)
    );
}

fn events_of(log: &[RecordedEvent], order_id: OrderId) -> Vec<RecordedEvent> {
    log.iter()
        .filter(|e| e.order_id == order_id)
        .cloned()
        .collect()
}

#[test]
fn skipping_the_bug_storys_culprit_replays_the_order_as_paid_both_ways() {
    let log = bug_story();
    let culprit = bug_story_culprit();
    let order_id = log[culprit as usize - 1].order_id;
    let events = events_of(&log, order_id);
    assert_eq!(what_if(&events, &BTreeSet::new()), None, "nothing skipped");
    let result = what_if(&events, &BTreeSet::from([culprit])).unwrap();
    assert_eq!(result.skipped, [culprit]);
    assert_eq!(result.as_facts.status, Some(OrderStatus::Paid));
    assert_eq!(result.checked.status, Some(OrderStatus::Paid));
    assert!(result.refused.is_empty());
}

#[test]
fn as_facts_and_checked_against_the_rules_are_two_different_answers() {
    // Order 1 of the blog without its payment: as facts it still ships and is delivered (with
    // nothing paid); checked against the rules, shipping is refused, then delivering, so the
    // order stays Placed.
    let log = blog_example();
    let events = events_of(&log, 1);
    let paid = events[1].event_id;
    let result = what_if(&events, &BTreeSet::from([paid])).unwrap();
    assert_eq!(result.as_facts.status, Some(OrderStatus::Delivered));
    assert_eq!(result.as_facts.amount_paid, Money(0));
    assert_eq!(result.checked.status, Some(OrderStatus::Placed));
    let refused: Vec<_> = result
        .refused
        .iter()
        .map(|r| (r.event_id, r.event_type, r.why.to_string()))
        .collect();
    assert_eq!(
        refused,
        [
            (
                events[2].event_id,
                "OrderShipped",
                "Order 1 cannot be shipped: it is Placed, not Paid.".to_string()
            ),
            (
                events[3].event_id,
                "OrderDelivered",
                "Order 1 cannot be delivered: it is Placed, not Shipped.".to_string()
            ),
        ]
    );
    // Replayed as facts, the what-if equals the whole log's replay without the skipped event.
    assert_eq!(
        result.as_facts,
        replay_skipping(&log, &BTreeSet::from([paid])).order(1)
    );
}
