//! The page through its reducer and writer, on an in-memory store: given a page, when the
//! learner acts, then the UI state and both databases.

use super::intents::Intent;
use super::outcomes::Outcome;
use super::state::{Action, Pending};
use super::test_page::Page;
use crate::app::Example;
use crate::domain::OrderStatus;
use crate::store::{MemoryKv, MemoryStore};
use crate::ui::controls::drafts::Field;

#[test]
fn one_click_places_an_order_and_selects_it() {
    let page = Page::new().intent(Intent::Place);
    assert_eq!(page.events(), 1);
    assert_eq!(page.state.selected, Some(1));
    assert_eq!(page.status(1), Some(OrderStatus::Placed));
    assert!(page.state.alert.is_none());
    assert_eq!(page.state.writes_waiting, 0, "the write is done");
}

#[test]
fn paying_overwrites_the_row_and_appends_an_event() {
    let page = Page::new().intents([Intent::Place, Intent::Pay]);
    assert_eq!(page.events(), 2);
    assert_eq!(page.status(1), Some(OrderStatus::Paid));
    let change = page.state.last_change.as_ref().expect("a change");
    let overwritten = &change.accepted.row_changes[0].overwritten[0];
    assert_eq!(
        (overwritten.old.as_str(), overwritten.new.as_str()),
        ("Placed", "Paid")
    );
    assert_eq!(page.db.0.borrow().table().overwritten_count(), 1);
}

#[test]
fn a_forbidden_action_changes_nothing_and_explains_why() {
    let before = Page::new().intent(Intent::Place);
    let after = before.intent(Intent::Ship);
    assert_eq!(after.events(), 1);
    assert_eq!(after.status(1), Some(OrderStatus::Placed));
    assert!(
        after.alert().contains("cannot be shipped"),
        "{}",
        after.alert()
    );
}

#[test]
fn acting_with_no_order_explains_instead_of_failing() {
    let page = Page::new().intent(Intent::Pay);
    assert_eq!(page.events(), 0);
    assert_eq!(
        page.alert(),
        "There is no order to pay: place an order first."
    );
}

#[test]
fn an_invalid_total_is_refused_before_the_domain_with_its_reason() {
    let page = Page::new()
        .act(Action::Edit(Field::Total, "12.345".into()))
        .intent(Intent::Place);
    assert_eq!(page.events(), 0);
    assert_eq!(
        page.alert(),
        "The total amount is not valid. An amount has at most two digits after the point."
    );
}

#[test]
fn a_queued_write_shows_the_page_busy_until_its_outcome_arrives() {
    let page = Page::new().act(Action::Outcome(Outcome::WriteQueued));
    assert_eq!(page.state.writes_waiting, 1);
    let page = page
        .act(Action::Outcome(Outcome::WriteQueued))
        .act(Action::Outcome(Outcome::Replaced(Ok("done".into()))))
        .act(Action::Outcome(Outcome::WriteFinished));
    assert_eq!(page.state.writes_waiting, 1, "one still waits");
    let page = page.act(Action::Outcome(Outcome::WriteFinished));
    assert_eq!(page.state.writes_waiting, 0);
}

#[test]
fn the_blog_example_loads_directly_into_an_empty_log() {
    let page = Page::new().intent(Intent::Load(Example::Blog));
    assert_eq!(page.events(), 10);
    assert_eq!(page.db.0.borrow().order_ids().len(), 4);
    assert_eq!(page.status(1), Some(OrderStatus::Delivered));
    assert_eq!(page.status(2), Some(OrderStatus::Paid));
    assert_eq!(page.status(3), Some(OrderStatus::Shipped));
    assert_eq!(page.status(4), Some(OrderStatus::Placed));
    assert!(page.state.pending.is_none());
    assert_eq!(page.state.selected, Some(4));
}

#[test]
fn reset_asks_first_and_keeps_everything_when_declined() {
    let asked = Page::new().intents([Intent::Place, Intent::Reset]);
    assert_eq!(asked.state.pending, Some(Pending::Reset));
    assert_eq!(asked.events(), 1);
    let kept = asked.clone().intent(Intent::Answer(false));
    assert_eq!(kept.state.pending, None);
    // Declined: the log and the row are exactly as they were.
    assert_eq!(kept.events(), 1);
    assert_eq!(kept.status(1), Some(OrderStatus::Placed));
    assert_eq!(kept.state.notice, None, "no status line claims a reset");
    let wiped = kept.intents([Intent::Reset, Intent::Answer(true)]);
    assert_eq!(wiped.events(), 0);
    assert!(wiped.db.0.borrow().table().row(1).is_none());
    assert_eq!(wiped.state.selected, None);
}

#[test]
fn loading_over_a_non_empty_log_asks_first() {
    let page = Page::new().intents([Intent::Place, Intent::Load(Example::Blog)]);
    assert_eq!(page.state.pending, Some(Pending::Load(Example::Blog)));
    assert_eq!(page.events(), 1);
}

#[test]
fn another_tab_appending_is_caught_up_without_a_reload() {
    let kv = MemoryKv::default();
    let mine = Page::over(&kv);
    let theirs = Page::over(&kv).intents([Intent::Place, Intent::Pay]);
    assert_eq!(theirs.events(), 2);
    let mine = mine.intent(Intent::CatchUp);
    assert_eq!(mine.events(), 2);
    assert_eq!(mine.status(1), Some(OrderStatus::Paid));
    assert_eq!(
        mine.state.notice.as_deref(),
        Some("Caught up with another tab: 2 new events.")
    );
    assert_eq!(mine.state.selected, Some(1));
}

#[test]
fn a_tab_that_missed_another_tabs_change_is_refused_with_the_fresh_state() {
    let kv = MemoryKv::default();
    let first = Page::over(&kv).intent(Intent::Place);
    let second = Page::over(&kv);
    assert_eq!(second.state.selected, Some(1));
    let _first = first.intent(Intent::Pay);
    // The second tab heard nothing: it still shows order 1 Placed, and its Cancel was meant for
    // a Placed order. Cancelling the paid order now would refund it: refused instead.
    let second = second.intent(Intent::Cancel);
    assert!(second.alert().contains("another tab"), "{}", second.alert());
    assert_eq!(second.events(), 2, "the fresh log is shown");
    assert_eq!(second.status(1), Some(OrderStatus::Paid));
    let stored = MemoryStore::open(kv);
    use crate::store::EventStore;
    assert_eq!(
        stored.events().len(),
        2,
        "nothing of the stale command was saved"
    );
}

#[test]
fn orders_placed_in_two_tabs_get_their_own_ids() {
    let kv = MemoryKv::default();
    let (a, b) = (Page::over(&kv), Page::over(&kv));
    let a = a.intent(Intent::Place);
    let b = b.intent(Intent::Place);
    let a = a.intent(Intent::Place);
    assert_eq!(b.state.selected, Some(2));
    assert_eq!(a.state.selected, Some(3));
    assert_eq!(a.events(), 3);
}

#[test]
fn a_new_order_is_selected_unless_the_learner_chose_another_while_it_waited() {
    use super::intents::{perform, plan};
    use chrono::Utc;
    let page = Page::new().intents([Intent::Place, Intent::Place]);
    // Two more orders asked for in a row, both waiting for the lock: the last one placed
    // ends up selected, as each new order is.
    let first = plan(Intent::Place, &page.state, &page.db.0.borrow())
        .write
        .unwrap();
    let second = plan(Intent::Place, &page.state, &page.db.0.borrow())
        .write
        .unwrap();
    let done = |page: Page, write| {
        let outcome = perform(write, &mut page.db.0.borrow_mut(), Utc::now());
        page.act(Action::Outcome(outcome))
    };
    let page = done(done(page, first), second);
    assert_eq!(page.state.selected, Some(4));

    // Asked, then the learner picks order 1 while the write waits: their choice stays.
    let third = plan(Intent::Place, &page.state, &page.db.0.borrow())
        .write
        .unwrap();
    let page = page.act(Action::Select(1));
    let page = done(page, third);
    assert_eq!(page.events(), 5);
    assert_eq!(page.state.selected, Some(1));
}
