#![cfg(not(target_arch = "wasm32"))]
//! Two clerks, one order: on the traditional side the second UPDATE silently wins; on the event
//! side the second append carries the version it was decided on and is refused.

mod domain_support;

use chrono::{DateTime, TimeZone, Utc};
use domain_support::{commands, run};
use event_sourcing_demo::domain::two_clerks::*;
use event_sourcing_demo::domain::*;
use proptest::prelude::*;

fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, day, hour, minute, 0).unwrap()
}

fn walk(mut clerks: TwoClerks) -> TwoClerks {
    while clerks.advance().is_some() {}
    clerks
}

fn on_blog(order_id: OrderId, ana: Command, ben: Command) -> TwoClerks {
    let log = blog_example();
    let setup = ClerksSetup {
        order_id,
        ana,
        ana_at: at(7, 9, 0),
        ben,
        ben_at: at(7, 9, 2),
    };
    walk(TwoClerks::new(
        &log,
        &TraditionalTable::rebuild(&log),
        setup,
    ))
}

fn status(status: &str, old: &str) -> Overwritten {
    Overwritten {
        column: TableColumn::Status,
        old: old.to_string(),
        new: status.to_string(),
    }
}

#[test]
fn given_a_paid_order_when_ana_ships_and_ben_cancels_then_the_table_loses_the_shipment_and_the_log_refuses_ben(
) {
    let mut clerks = TwoClerks::blog_default();
    assert_eq!(clerks.next_step(), Some(Step::LoadBoth));
    let Some(StepOutcome::Loaded(loaded)) = clerks.advance() else {
        panic!("first step loads")
    };
    let loaded = loaded.clone();
    assert_eq!(
        (loaded.order.version, loaded.order.status),
        (2, Some(OrderStatus::Paid))
    );
    assert_eq!(loaded.row.as_ref().unwrap().status, OrderStatus::Paid);

    // Ana ships: both sides accept.
    assert_eq!(clerks.next_step(), Some(Step::AnaActs));
    let Some(StepOutcome::Acted(ana)) = clerks.advance() else {
        panic!("Ana acts")
    };
    let ana = ana.clone();
    assert_eq!(ana.clerk, Clerk::Ana);
    let shipped = ana.decision.clone().unwrap();
    assert_eq!(shipped.len(), 1);
    assert_eq!(
        (
            shipped[0].event_id,
            shipped[0].version,
            shipped[0].event.event_type()
        ),
        (11, 3, "OrderShipped")
    );
    let change = ana.row_change.as_ref().unwrap();
    assert_eq!(change.overwritten, [status("Shipped", "Paid")]);
    assert_eq!(
        change.sql,
        "UPDATE orders SET status = 'Shipped' WHERE order_id = 2;"
    );
    assert_eq!(
        ana.append,
        Some(Append::Accepted {
            expected_version: 2,
            new_version: 3
        })
    );
    assert!(ana.lost.is_empty() && ana.fresh.is_none());

    // Ben cancels his stale copy: his check passes there, so the CRUD app runs the UPDATE.
    assert_eq!(clerks.next_step(), Some(Step::BenActs));
    let Some(StepOutcome::Acted(ben)) = clerks.advance() else {
        panic!("Ben acts")
    };
    let ben = ben.clone();
    assert_eq!(ben.decided_on, 2);
    assert_eq!(
        ben.decision.as_ref().unwrap()[0].event,
        OrderEvent::OrderCancelled {
            reason: "customer phoned to cancel".into(),
            refund: Some(Money(12500))
        }
    );
    assert_eq!(
        ben.row_change.as_ref().unwrap().overwritten,
        [status("Cancelled", "Shipped")]
    );
    assert_eq!(
        ben.lost,
        [status("Cancelled", "Shipped")],
        "Ana's Shipped is gone"
    );
    assert_eq!(
        ben.row_after.as_ref().unwrap().status,
        OrderStatus::Cancelled
    );
    let Some(Append::Refused(conflict)) = &ben.append else {
        panic!("the stale append is refused: {:?}", ben.append)
    };
    assert_eq!(
        (
            conflict.clerk,
            conflict.expected_version,
            conflict.actual_version
        ),
        (Clerk::Ben, 2, 3)
    );
    assert_eq!(conflict.missed, shipped);
    assert_eq!(
        conflict.to_string(),
        "Refused: Ben decided on version 2 of order 2, but it is now at version 3 (event 11 OrderShipped came first). Nothing was saved."
    );
    let fresh = ben.fresh.as_ref().unwrap();
    assert_eq!(
        (fresh.order.version, fresh.order.status),
        (3, Some(OrderStatus::Shipped))
    );
    assert_eq!(
        fresh.retry.clone().unwrap_err().to_string(),
        "Order 2 cannot be cancelled: it is already Shipped. Orders can only be cancelled before shipping."
    );

    // The end: the row says Cancelled for an order that left the warehouse; the log says Shipped.
    assert_eq!(clerks.next_step(), None);
    assert_eq!(clerks.advance(), None);
    assert_eq!(clerks.table_row().unwrap().status, OrderStatus::Cancelled);
    assert_eq!(clerks.order().status, Some(OrderStatus::Shipped));
    let types: Vec<_> = clerks
        .stream()
        .iter()
        .map(|e| e.event.event_type())
        .collect();
    assert_eq!(types, ["OrderPlaced", "OrderPaid", "OrderShipped"]);
    assert_eq!(clerks.ana(), Some(&ana));
    assert_eq!(clerks.ben(), Some(&ben));
}

#[test]
fn the_real_databases_are_only_copied() {
    let log = blog_example();
    let table = TraditionalTable::rebuild(&log);
    let setup = ClerksSetup::ship_and_cancel(2, at(7, 9, 0), at(7, 9, 2));
    let clerks = walk(TwoClerks::new(&log, &table, setup));
    assert_eq!(log, blog_example());
    assert_eq!(table, TraditionalTable::rebuild(&blog_example()));
    assert_eq!(table.row(2).unwrap().status, OrderStatus::Paid);
    assert_eq!(clerks.table_row().unwrap().status, OrderStatus::Cancelled);
}

#[test]
fn when_ana_cannot_ship_a_placed_order_nothing_changes_and_bens_cancel_goes_through() {
    let clerks = on_blog(
        4,
        Command::ShipOrder {
            carrier: "DHL".into(),
            tracking_number: "1".into(),
        },
        Command::CancelOrder {
            reason: "ordered twice".into(),
        },
    );
    let ana = clerks.ana().unwrap();
    assert_eq!(
        ana.decision.clone().unwrap_err().to_string(),
        "Order 4 cannot be shipped: it is Placed, not Paid."
    );
    assert_eq!((&ana.row_change, &ana.append), (&None, &None));
    assert_eq!(ana.row_after.as_ref().unwrap().status, OrderStatus::Placed);
    let ben = clerks.ben().unwrap();
    assert_eq!(
        ben.append,
        Some(Append::Accepted {
            expected_version: 1,
            new_version: 2
        })
    );
    assert!(ben.lost.is_empty() && ben.fresh.is_none());
    assert_eq!(clerks.order().status, Some(OrderStatus::Cancelled));
    assert_eq!(clerks.table_row().unwrap().status, OrderStatus::Cancelled);
}

#[test]
fn when_ana_takes_the_payment_ben_sees_the_fresh_state_and_may_now_cancel_with_a_refund() {
    let clerks = on_blog(
        4,
        Command::PayOrder,
        Command::CancelOrder {
            reason: "ordered twice".into(),
        },
    );
    let ben = clerks.ben().unwrap();
    // Decided on his stale copy, Ben's cancel would refund nothing; the table loses "Paid".
    assert_eq!(
        ben.decision.as_ref().unwrap()[0].event,
        OrderEvent::OrderCancelled {
            reason: "ordered twice".into(),
            refund: None
        }
    );
    assert_eq!(ben.lost, [status("Cancelled", "Paid")]);
    let fresh = ben.fresh.as_ref().unwrap();
    assert_eq!(
        fresh.retry,
        Ok(vec![OrderEvent::OrderCancelled {
            reason: "ordered twice".into(),
            refund: Some(Money(31040))
        }])
    );
    assert_eq!(clerks.order().amount_paid, Money(31040));
}

#[test]
fn two_shipments_of_one_order_the_table_cannot_even_see_the_log_refuses_the_second() {
    let ship = |tracking: &str| Command::ShipOrder {
        carrier: "UPS".into(),
        tracking_number: tracking.into(),
    };
    let clerks = on_blog(2, ship("A1"), ship("B2"));
    let ben = clerks.ben().unwrap();
    assert!(ben.row_change.as_ref().unwrap().overwritten.is_empty());
    assert!(ben.lost.is_empty());
    assert!(matches!(ben.append, Some(Append::Refused(_))));
    assert_eq!(
        ben.fresh
            .as_ref()
            .unwrap()
            .retry
            .clone()
            .unwrap_err()
            .to_string(),
        "Order 2 cannot be shipped: it is Shipped, not Paid."
    );
    assert_eq!(clerks.order().tracking_number.as_deref(), Some("A1"));
}

#[test]
fn an_order_that_does_not_exist_is_refused_for_both() {
    let clerks = on_blog(99, Command::PayOrder, Command::DeliverOrder);
    assert_eq!(clerks.loaded().unwrap().order.status, None);
    assert_eq!(clerks.loaded().unwrap().row, None);
    for turn in [clerks.ana().unwrap(), clerks.ben().unwrap()] {
        assert_eq!(turn.decision, Err(Rejection::UnknownOrder { order_id: 99 }));
        assert_eq!(turn.append, None);
    }
    assert!(clerks.stream().is_empty());
}

fn clerk_command() -> impl Strategy<Value = Command> {
    prop_oneof![
        Just(Command::PayOrder),
        Just(Command::ShipOrder {
            carrier: "DHL".into(),
            tracking_number: "T".into()
        }),
        Just(Command::DeliverOrder),
        Just(Command::CancelOrder {
            reason: "asked".into()
        }),
        Just(Command::ReportPaymentProblem {
            source: "gateway".into(),
            detail: "chargeback".into()
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// On any order of any log: the event side never accepts a decision made on a stale copy,
    /// and never loses an accepted one; the table ends with whatever the last UPDATE wrote.
    #[test]
    fn the_log_refuses_stale_appends_and_the_table_keeps_the_last_write(
        commands in commands(),
        order_id in 1u64..=7,
        ana in clerk_command(),
        ben in clerk_command(),
    ) {
        let log = run(&commands).log;
        let table = TraditionalTable::rebuild(&log);
        let setup = ClerksSetup { order_id, ana, ana_at: at(20, 9, 0), ben, ben_at: at(20, 9, 2) };
        let clerks = walk(TwoClerks::new(&log, &table, setup));
        let (loaded, ana, ben) = (clerks.loaded().unwrap(), clerks.ana().unwrap(), clerks.ben().unwrap());
        prop_assert_eq!(&loaded.order, &Projections::rebuild(&log).order(order_id));
        prop_assert_eq!(ana.decided_on, ben.decided_on);

        let ana_appended = matches!(ana.append, Some(Append::Accepted { .. }));
        prop_assert_eq!(ana_appended, ana.decision.is_ok());
        match (&ben.decision, &ben.append) {
            (Err(_), None) => {}
            (Ok(_), Some(Append::Refused(conflict))) => {
                prop_assert!(ana_appended);
                prop_assert_eq!(conflict.expected_version, loaded.order.version);
                prop_assert_eq!(conflict.actual_version, loaded.order.version + 1);
                prop_assert_eq!(&ben.fresh.as_ref().unwrap().order, &clerks.order());
            }
            (Ok(_), Some(Append::Accepted { .. })) => prop_assert!(!ana_appended),
            other => prop_assert!(false, "unexpected {:?}", other),
        }
        // Every appended event is what the rules record on the state it was appended to.
        let mut whole = log.clone();
        whole.extend(clerks.stream()[loaded.order.version as usize..].iter().cloned());
        prop_assert_eq!(validate_log(&whole), Ok(()));

        // The table: the last accepted-by-its-check UPDATE wins.
        let last = [ben, ana].into_iter().find_map(|t| t.decision.as_ref().ok());
        let expected = match last {
            Some(events) => events.last().map(|e| e.event.status_after()),
            None => loaded.row.as_ref().map(|r| r.status),
        };
        prop_assert_eq!(clerks.table_row().map(|r| r.status), expected);
        // Something was lost exactly when both UPDATEs ran and wrote different statuses.
        let wrote = |t: &Turn| t.decision.as_ref().ok().map(|e| e[0].event.status_after());
        let both_differ = match (wrote(ana), wrote(ben)) {
            (Some(a), Some(b)) => a != b && loaded.row.as_ref().is_some_and(|r| r.status != a),
            _ => false,
        };
        prop_assert_eq!(!ben.lost.is_empty(), both_differ);
    }
}
