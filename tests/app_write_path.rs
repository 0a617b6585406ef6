#![cfg(not(target_arch = "wasm32"))]
//! The application layer's one write path over an in-memory store: given tabs sharing one
//! storage, when commands race (with the lock: one after the other; without it: another tab
//! writes between this tab's catch-up and its write), then every command is recorded once or
//! refused with the fresh state, ids stay unique and gapless, and the two databases agree.

use chrono::{DateTime, TimeZone, Utc};
use event_sourcing_demo::app::{Databases, Refused, SharedDatabases, Target};
use event_sourcing_demo::domain::{Command, Money, OrderStatus, Rejection, TraditionalTable};
use event_sourcing_demo::store::{
    keys, AppendError, EventStore, KeyValue, MemoryKv, MemoryStore, Mismatch, Problem,
};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap()
}

fn tab(kv: &MemoryKv) -> Databases {
    Databases::open(Box::new(MemoryStore::open(kv.clone())))
}

fn place(customer: &str) -> Command {
    Command::PlaceOrder {
        customer_id: customer.into(),
        total_amount: Money(4990),
    }
}

/// The order as this tab shows it, as a click on it would target it.
fn seen(db: &Databases, order_id: u64) -> Target {
    Target::Order {
        order_id,
        seen_version: db.order(order_id).map_or(0, |o| o.version),
    }
}

/// What a fresh tab finds in storage: no damage, and the table the log implies.
fn assert_storage_agrees(kv: &MemoryKv) -> Databases {
    let fresh = MemoryStore::open(kv.clone());
    assert!(
        !fresh.recovery().has_problems(),
        "{}",
        fresh.recovery().summary()
    );
    let table = fresh.load_table();
    assert!(table
        .rows()
        .eq(TraditionalTable::rebuild(fresh.events()).rows()));
    tab(kv)
}

#[test]
fn given_an_empty_log_when_an_order_is_placed_then_both_databases_hold_it() {
    let kv = MemoryKv::default();
    let mut db = tab(&kv);
    let accepted = db.execute(Target::NewOrder, &place("ada"), now()).unwrap();
    assert_eq!(accepted.order_id, 1);
    assert_eq!(accepted.events[0].event_id, 1);
    assert_eq!(accepted.events[0].event_timestamp, now());
    assert_eq!(db.table().row(1).unwrap().status, OrderStatus::Placed);
    let reopened = assert_storage_agrees(&kv);
    assert_eq!(reopened.events(), db.events());
}

#[test]
fn tabs_taking_turns_number_orders_and_events_without_gaps() {
    // With the lock, commands from three tabs run one after the other, each after catching up.
    let kv = MemoryKv::default();
    let mut tabs = [tab(&kv), tab(&kv), tab(&kv)];
    for round in 0..40 {
        for (i, db) in tabs.iter_mut().enumerate() {
            db.execute(Target::NewOrder, &place(&format!("tab{i}-{round}")), now())
                .unwrap();
        }
    }
    let all = assert_storage_agrees(&kv);
    let ids: Vec<u64> = all.events().iter().map(|e| e.event_id).collect();
    assert_eq!(ids, (1..=120).collect::<Vec<_>>());
    let orders: Vec<u64> = all.events().iter().map(|e| e.order_id).collect();
    assert_eq!(orders, (1..=120).collect::<Vec<_>>());
    assert_eq!(all.table().rows().count(), 120);
}

#[test]
fn an_order_placed_elsewhere_after_the_catch_up_is_not_lost_and_ids_stay_unique() {
    // The store re-reads the head before it writes. Whatever another tab stored after this tab
    // caught up (the second read of the head) makes the store refuse to write, and the command
    // is decided again on the fresh log.
    let kv = MemoryKv::default();
    let mine = SharedDatabases::new(tab(&kv));
    let theirs = SharedDatabases::new(tab(&kv));
    for round in 0..30 {
        let other = theirs.clone();
        kv.before_read(&keys::head(), 2, move || {
            other
                .0
                .borrow_mut()
                .execute(Target::NewOrder, &place("theirs"), now())
                .unwrap();
        });
        let accepted = mine
            .0
            .borrow_mut()
            .execute(Target::NewOrder, &place(&format!("mine-{round}")), now())
            .unwrap();
        assert_eq!(
            accepted.order_id,
            2 * round + 2,
            "decided again after theirs"
        );
        assert_eq!(accepted.events[0].event_id, 2 * round + 2);
        assert_eq!(accepted.caught_up, 1);
    }
    let all = assert_storage_agrees(&kv);
    assert_eq!(all.events().len(), 60);
    let ids: Vec<u64> = all.events().iter().map(|e| e.event_id).collect();
    assert_eq!(ids, (1..=60).collect::<Vec<_>>());
    let mine_count = all
        .table()
        .rows()
        .filter(|r| r.customer_id.starts_with("mine"))
        .count();
    assert_eq!(mine_count, 30, "every click of this tab is recorded once");
    assert_eq!(mine.0.borrow().events(), all.events());
}

#[test]
fn writes_of_two_tabs_in_the_same_instant_are_why_the_lock_exists_and_are_never_hidden() {
    // localStorage has no transactions: without the cross-tab lock, two tabs can both decide on
    // the same log and write in the same instant, and the later segment write wins. The lock
    // rules this out; should it happen anyway (a browser without Web Locks), the loser notices
    // and the next start-up says which orders the two databases disagree on.
    let kv = MemoryKv::default();
    let mine = SharedDatabases::new(tab(&kv));
    mine.0
        .borrow_mut()
        .execute(Target::NewOrder, &place("ivy"), now())
        .unwrap();
    let theirs = SharedDatabases::new(tab(&kv));
    // They pay order 1 while this tab, deciding on the same log, places order 2.
    let other = theirs.clone();
    kv.before_next_write(move || {
        let target = seen(&other.0.borrow(), 1);
        other
            .0
            .borrow_mut()
            .execute(target, &Command::PayOrder, now())
            .unwrap();
    });
    mine.0
        .borrow_mut()
        .execute(Target::NewOrder, &place("mine"), now())
        .unwrap();
    // Their payment (event 2) was overwritten by this tab's order (event 2): their tab notices.
    assert_eq!(
        theirs.0.borrow_mut().catch_up(),
        event_sourcing_demo::app::CaughtUp::Reloaded
    );
    let reopened = tab(&kv);
    assert!(reopened.needs_decision());
    let summary = reopened.recovery_summary().unwrap();
    assert!(
        summary.contains("order 1's status is Paid in the table but Placed in its events"),
        "{summary}"
    );
}

#[test]
fn paying_in_two_tabs_at_once_records_one_payment_and_refuses_the_other() {
    let kv = MemoryKv::default();
    let mut first = tab(&kv);
    first
        .execute(Target::NewOrder, &place("bob"), now())
        .unwrap();
    let mut second = tab(&kv);
    let (seen_by_first, seen_by_second) = (seen(&first, 1), seen(&second, 1));
    // The lock lets the first tab's Pay run first; the second then catches up and finds the
    // order changed since it was clicked.
    first
        .execute(seen_by_first, &Command::PayOrder, now())
        .unwrap();
    let refused = second
        .execute(seen_by_second, &Command::PayOrder, now())
        .unwrap_err();
    assert_eq!(
        refused,
        Refused::Rule(Rejection::StaleState {
            order_id: 1,
            expected_version: 1,
            actual_version: 2
        })
    );
    assert!(refused.to_string().contains("another tab"));
    assert_eq!(second.order(1).unwrap().status, Some(OrderStatus::Paid));
    let all = assert_storage_agrees(&kv);
    let payments = all
        .events()
        .iter()
        .filter(|e| e.event.event_type() == "OrderPaid")
        .count();
    assert_eq!(payments, 1);
}

#[test]
fn a_payment_stored_elsewhere_after_the_catch_up_makes_the_store_refuse_the_second() {
    let kv = MemoryKv::default();
    let mine = SharedDatabases::new(tab(&kv));
    mine.0
        .borrow_mut()
        .execute(Target::NewOrder, &place("bob"), now())
        .unwrap();
    let theirs = SharedDatabases::new(tab(&kv));
    let other = theirs.clone();
    kv.before_read(&keys::head(), 2, move || {
        let target = seen(&other.0.borrow(), 1);
        other
            .0
            .borrow_mut()
            .execute(target, &Command::PayOrder, now())
            .unwrap();
    });
    let target = seen(&mine.0.borrow(), 1);
    let refused = mine
        .0
        .borrow_mut()
        .execute(target, &Command::PayOrder, now())
        .unwrap_err();
    assert!(matches!(
        refused,
        Refused::Store(AppendError::Conflict { order_id: 1, .. })
    ));
    assert_eq!(mine.0.borrow().events().len(), 2, "the fresh log is shown");
    assert_eq!(assert_storage_agrees(&kv).events().len(), 2);
}

#[test]
fn a_second_click_queued_behind_this_tabs_own_first_is_decided_on_its_result() {
    // A double click on Pay: both clicks saw version 1; the first pays, the second finds the
    // order paid by this very tab, which is no stale view: the rules refuse it, truthfully.
    let kv = MemoryKv::default();
    let mut db = tab(&kv);
    db.execute(Target::NewOrder, &place("cy"), now()).unwrap();
    let clicked = seen(&db, 1);
    db.execute(clicked, &Command::PayOrder, now()).unwrap();
    let refused = db.execute(clicked, &Command::PayOrder, now()).unwrap_err();
    assert!(
        matches!(refused, Refused::Rule(Rejection::WrongStatus { .. })),
        "{refused:?}"
    );
    // Ship queued behind Pay goes through on the paid order.
    let ship = Command::ShipOrder {
        carrier: "DHL".into(),
        tracking_number: "1".into(),
    };
    db.execute(clicked, &ship, now()).unwrap();
    assert_eq!(db.order(1).unwrap().status, Some(OrderStatus::Shipped));
}

#[test]
fn a_refused_row_write_leaves_both_databases_as_they_were() {
    let kv = MemoryKv::default();
    let mut db = tab(&kv);
    db.execute(Target::NewOrder, &place("dee"), now()).unwrap();
    let before = kv.snapshot();
    kv.fail_next_write_to(&keys::order_row(1));
    let target = seen(&db, 1);
    let refused = db.execute(target, &Command::PayOrder, now()).unwrap_err();
    assert_eq!(refused, Refused::Store(AppendError::QuotaExceeded));
    assert_eq!(
        kv.snapshot(),
        before,
        "the event was rolled back with the row"
    );
    assert_eq!(db.events().len(), 1);
    assert_eq!(db.table().row(1).unwrap().status, OrderStatus::Placed);
}

#[test]
fn a_crash_between_the_row_write_and_the_commit_opens_in_recovery_and_keeps_everything() {
    let kv = MemoryKv::default();
    let mut db = tab(&kv);
    db.execute(Target::NewOrder, &place("eve"), now()).unwrap();
    // Paying writes the segment, then the row, then the head (the commit point, last, so a tab
    // that sees it has seen the rest): the tab is closed after the row.
    kv.crash_after_writes(2);
    let target = seen(&db, 1);
    db.execute(target, &Command::PayOrder, now()).unwrap();
    kv.restart();
    let stored = kv.snapshot();

    let mut reopened = tab(&kv);
    assert!(reopened.needs_decision());
    let summary = reopened.recovery_summary().unwrap();
    assert!(
        summary.contains("order 1's status is Paid in the table but Placed in its events"),
        "{summary}"
    );
    let store = MemoryStore::open(kv.clone());
    assert!(matches!(
        &store.recovery().problems[..],
        [Problem::TableDisagrees { orders }] if orders[0].mismatch == Mismatch::Column {
            column: "status",
            stored: "Paid".into(),
            from_log: "Placed".into()
        }
    ));
    // Nothing is lost: the committed event is there, the raw data is backed up, nothing was
    // rewritten.
    assert_eq!(reopened.events().len(), 1);
    assert!(reopened.backup().is_some());
    for (key, value) in &stored {
        assert_eq!(kv.get(key).as_ref(), Some(value), "{key} untouched");
    }
    // Writes wait for the learner's decision...
    let refused = reopened
        .execute(Target::NewOrder, &place("fay"), now())
        .unwrap_err();
    assert_eq!(refused, Refused::Store(AppendError::NeedsDecision));
    // ...which rebuilds the table from the log, so the two agree again.
    reopened.discard_damaged().unwrap();
    assert_eq!(reopened.table().row(1).unwrap().status, OrderStatus::Placed);
    reopened
        .execute(Target::NewOrder, &place("fay"), now())
        .unwrap();
    assert_storage_agrees(&kv);
}

#[test]
fn a_crash_before_the_head_leaves_nothing_half_done() {
    let kv = MemoryKv::default();
    let mut db = tab(&kv);
    db.execute(Target::NewOrder, &place("gus"), now()).unwrap();
    kv.crash_after_writes(1);
    let target = seen(&db, 1);
    db.execute(target, &Command::PayOrder, now()).unwrap();
    kv.restart();
    let reopened = assert_storage_agrees(&kv);
    assert_eq!(
        reopened.events().len(),
        1,
        "the uncommitted payment never happened"
    );
    assert_eq!(reopened.table().row(1).unwrap().status, OrderStatus::Placed);
}

#[test]
fn rows_without_events_from_an_older_build_open_in_recovery_naming_the_orders() {
    // What the race of issue #13 left behind: rows whose OrderPlaced was lost.
    let kv = MemoryKv::default();
    let mut db = tab(&kv);
    db.execute(Target::NewOrder, &place("hal"), now()).unwrap();
    let row = kv.get(&keys::order_row(1)).unwrap();
    for id in [7, 8] {
        kv.set(
            &keys::order_row(id),
            &row.replace("\"order_id\":1", &format!("\"order_id\":{id}")),
        )
        .unwrap();
    }
    let reopened = tab(&kv);
    let summary = reopened.recovery_summary().unwrap();
    assert!(summary.contains("on 2 order(s)"), "{summary}");
    assert!(
        summary.contains("order 7 has a row but no events"),
        "{summary}"
    );
    assert!(
        summary.contains("order 8 has a row but no events"),
        "{summary}"
    );
    assert_eq!(
        reopened.next_order_id(),
        9,
        "a new order never reuses a stored row's id"
    );
}
