#![cfg(not(target_arch = "wasm32"))]
//! The stories: the blog's four orders and the "not reproducible" packaging bug.

use event_sourcing_demo::domain::*;

#[test]
fn blog_example_has_the_four_orders_of_the_blog() {
    let log = blog_example();
    assert_eq!(validate_log(&log), Ok(()));
    let state = Projections::rebuild(&log);
    let statuses: Vec<_> = state
        .orders
        .values()
        .map(|o| (o.order_id, o.status))
        .collect();
    use OrderStatus::*;
    assert_eq!(
        statuses,
        [
            (1, Some(Delivered)),
            (2, Some(Paid)),
            (3, Some(Shipped)),
            (4, Some(Placed))
        ]
    );
    let streams: Vec<Vec<&str>> = (1..=4)
        .map(|id| {
            history(&log, id)
                .iter()
                .map(|s| s.event.event.event_type())
                .collect()
        })
        .collect();
    assert_eq!(
        streams,
        [
            vec!["OrderPlaced", "OrderPaid", "OrderShipped", "OrderDelivered"],
            vec!["OrderPlaced", "OrderPaid"],
            vec!["OrderPlaced", "OrderPaid", "OrderShipped"],
            vec!["OrderPlaced"],
        ]
    );
}

#[test]
fn blog_example_timestamps_are_plausible_and_in_order() {
    let log = blog_example();
    assert!(log
        .windows(2)
        .all(|w| w[0].event_timestamp < w[1].event_timestamp));
    let first = log[0].event_timestamp;
    let last = log[log.len() - 1].event_timestamp;
    assert_eq!(first.to_rfc3339(), "2024-03-04T09:15:00+00:00");
    assert!(last - first < chrono::Duration::days(4));
}

#[test]
fn blog_example_traditional_rows_match_the_derived_state() {
    let log = blog_example();
    let table = TraditionalTable::rebuild(&log);
    let state = Projections::rebuild(&log);
    assert_eq!(table.rows().count(), 4);
    for row in table.rows() {
        let order = state.order(row.order_id);
        assert_eq!(Some(row.status), order.status);
        assert_eq!(row.customer_id, order.customer_id);
        assert_eq!(row.total_amount, order.total_amount);
        assert_eq!(Some(row.order_date), order.order_date);
    }
    // Paid 49.90 + 125.00 + 18.75; nothing refunded.
    assert_eq!(state.revenue, Money(4990 + 12500 + 1875));
    // Ten events, six of them status updates, each overwriting the previous status.
    assert_eq!(table.overwritten_count(), 6);
}

#[test]
fn bug_story_row_says_payment_problem_with_no_trace_of_why() {
    let log = bug_story();
    assert_eq!(validate_log(&log), Ok(()));
    let table = TraditionalTable::rebuild(&log);
    let row = table.row(2).unwrap();
    assert_eq!(row.status, OrderStatus::PaymentProblem);
    // The row holds nothing that names the packaging step.
    let row_text = format!("{row:?}");
    assert!(!row_text.contains("packaging"), "{row_text}");
    let script = traditional_script(&table);
    assert!(!script.contains("packaging"));
    let row_sql = script.lines().find(|l| l.contains("VALUES (2, ")).unwrap();
    assert!(row_sql.ends_with("'PaymentProblem');"), "{row_sql}");
}

#[test]
fn bug_story_log_shows_the_culprit_its_source_and_time() {
    let log = bug_story();
    let culprit = bug_story_culprit();
    let event = log.iter().find(|e| e.event_id == culprit).unwrap();
    assert_eq!(event.order_id, 2);
    assert_eq!(
        event.event_timestamp.to_rfc3339(),
        "2024-03-11T13:47:12+00:00"
    );
    let OrderEvent::PaymentProblemReported { source, detail } = &event.event else {
        panic!("culprit is {:?}", event.event);
    };
    assert_eq!(source, BUG_SOURCE);
    assert!(detail.contains("label printer"));
    // The event just before it on order 2 is the successful payment: the order was fine.
    let steps = history(&log, 2);
    let i = steps
        .iter()
        .position(|s| s.event.event_id == culprit)
        .unwrap();
    assert_eq!(steps[i - 1].event.event.event_type(), "OrderPaid");
    assert_eq!(steps[i].before.status, Some(OrderStatus::Paid));
    assert_eq!(
        steps[i].after.amount_paid,
        Money(24000),
        "the money never left"
    );
    // The SQL of the log keeps the source; the traditional side ran a bare UPDATE.
    assert!(insert_event_sql(event).contains(BUG_SOURCE));
    let before: Vec<_> = log
        .iter()
        .filter(|e| e.event_id < culprit)
        .cloned()
        .collect();
    let mut table = TraditionalTable::rebuild(&before);
    let change = table.apply(event);
    assert_eq!(
        change.sql,
        "UPDATE orders SET status = 'PaymentProblem' WHERE order_id = 2;"
    );
    assert_eq!(change.overwritten[0].old, "Paid");
    // Skipping the culprit gives back the truth.
    let skip = std::collections::BTreeSet::from([culprit]);
    let order_2: Vec<RecordedEvent> = log.iter().filter(|e| e.order_id == 2).cloned().collect();
    let fixed = what_if(&order_2, &skip).unwrap();
    assert_eq!(fixed.as_facts.status, Some(OrderStatus::Paid));
    assert_eq!(fixed.checked.status, Some(OrderStatus::Paid));
}

#[test]
fn generated_logs_are_valid_deterministic_and_exactly_sized() {
    for (n, seed) in [(0, 1), (1, 1), (500, 7), (5000, 42)] {
        let log = generate_log(n, seed);
        assert_eq!(log.len(), n);
        assert_eq!(validate_log(&log), Ok(()));
        assert_eq!(log, generate_log(n, seed));
    }
    assert_ne!(generate_log(200, 1), generate_log(200, 2));
    // Enough variety to exercise every event type, and orders both finished and in flight.
    let log = generate_log(5000, 42);
    for event_type in EventType::ALL {
        assert!(
            log.iter().any(|e| e.event.kind() == event_type),
            "no {event_type:?}"
        );
    }
    let state = Projections::rebuild(&log);
    use OrderStatus::*;
    for status in [Placed, Paid, Shipped, Delivered, Cancelled] {
        assert!(state.count(status) > 0, "no order is {status}");
    }
}
