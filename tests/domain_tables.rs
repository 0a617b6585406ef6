#![cfg(not(target_arch = "wasm32"))]
//! The two databases fed the same actions: what the traditional table overwrites and never
//! stores, and what the projections derive.

use event_sourcing_demo::domain::*;

#[test]
fn placing_inserts_a_row_and_overwrites_nothing() {
    let log = blog_example();
    let mut table = TraditionalTable::default();
    let change = table.apply(&log[0]);
    assert_eq!(change.order_id, 1);
    assert!(change.overwritten.is_empty());
    assert!(change.not_stored.is_empty());
    assert!(change.sql.starts_with("INSERT INTO orders "));
    assert_eq!(table.row(1).unwrap().status, OrderStatus::Placed);
    assert_eq!(table.overwritten_count(), 0);
}

#[test]
fn each_update_reports_the_value_it_destroyed_and_the_facts_it_had_no_column_for() {
    let log = blog_example();
    let mut table = TraditionalTable::rebuild(&log[..3]);
    // Event 4 ships order 1.
    let change = table.apply(&log[3]);
    assert_eq!(
        change.overwritten,
        [Overwritten {
            column: TableColumn::Status,
            old: "Paid".into(),
            new: "Shipped".into()
        }]
    );
    let lost: Vec<_> = change
        .not_stored
        .iter()
        .map(|n| (n.field, n.value.as_str()))
        .collect();
    assert_eq!(
        lost,
        [
            ("carrier", "DHL"),
            ("tracking_number", "JD014600003828"),
            ("event_timestamp", "2024-03-05T08:40:00Z")
        ]
    );
    assert_eq!(
        change.sql,
        "UPDATE orders SET status = 'Shipped' WHERE order_id = 1;"
    );
    assert_eq!(table.overwritten_count(), 2);
}

#[test]
fn a_cancelled_paid_order_loses_reason_and_refund_in_the_table() {
    let mut log = LogBuilder::new();
    let at = blog_example()[0].event_timestamp;
    let id = log
        .place(
            &Command::PlaceOrder {
                customer_id: "Ann".into(),
                total_amount: Money(2500),
            },
            at,
        )
        .unwrap();
    log.execute(id, &Command::PayOrder, at).unwrap();
    log.execute(
        id,
        &Command::CancelOrder {
            reason: "wrong size".into(),
        },
        at,
    )
    .unwrap();
    let events = log.into_events();
    let mut table = TraditionalTable::rebuild(&events[..2]);
    let change = table.apply(&events[2]);
    let lost: Vec<_> = change
        .not_stored
        .iter()
        .map(|n| (n.field, n.value.as_str()))
        .collect();
    assert_eq!(lost[..2], [("reason", "wrong size"), ("refund", "25.00")]);
    let state = Projections::rebuild(&events);
    assert_eq!(state.revenue, Money(0), "paid 25.00, refunded 25.00");
    assert_eq!(state.order(id).refunded, Money(2500));
}

#[test]
fn an_update_for_a_missing_row_changes_nothing() {
    let log = blog_example();
    let mut table = TraditionalTable::default();
    let change = table.apply(&log[1]);
    assert!(change.overwritten.is_empty());
    assert!(table.row(1).is_none());
    assert_eq!(
        change.sql,
        "UPDATE orders SET status = 'Paid' WHERE order_id = 1;"
    );
}

#[test]
fn the_table_round_trips_through_serde_for_the_store() {
    let table = TraditionalTable::rebuild(&bug_story());
    let json = serde_json::to_string(&table).unwrap();
    let back: TraditionalTable = serde_json::from_str(&json).unwrap();
    assert_eq!(back, table);
}

#[test]
fn projections_count_statuses_and_sum_revenue() {
    let state = Projections::rebuild(&blog_example());
    use OrderStatus::*;
    assert_eq!(
        [Placed, Paid, PaymentProblem, Shipped, Delivered, Cancelled].map(|s| state.count(s)),
        [1, 1, 0, 1, 1, 0]
    );
    assert_eq!(state.counts.len(), 4, "statuses with no order are absent");
    assert_eq!(state.revenue, Money(19365));
    assert_eq!(state.event_count, 10);
    assert_eq!(state.next_order_id(), 5);
    assert_eq!(state.next_event_id(), 11);
    assert_eq!(Projections::default().next_order_id(), 1);
    assert_eq!(state.order(42), Order::new(42));
}

#[test]
fn projections_can_be_thrown_away_and_rebuilt_with_the_same_answer() {
    let log = bug_story();
    let mut incremental = Projections::default();
    for event in &log {
        incremental.apply(event);
    }
    assert_eq!(Projections::rebuild(&log), incremental);
    assert_eq!(Projections::rebuild(&log), Projections::rebuild(&log));
}

#[test]
fn projections_round_trip_through_serde() {
    let state = Projections::rebuild(&bug_story());
    let json = serde_json::to_string(&state).unwrap();
    assert_eq!(serde_json::from_str::<Projections>(&json).unwrap(), state);
}
