//! The reducer on an in-memory store: given a state, when an action, then both databases.

use super::{Action, AppState, Field, Pending};
use crate::app::Example;
use crate::domain::OrderStatus;
use crate::store::{EventStore, MemoryKv, MemoryStore};
use std::rc::Rc;
use yew::Reducible;

// Shared with the replay features' reducer tests (`time_travel_tests.rs`).
pub(crate) fn fresh() -> Rc<AppState> {
    Rc::new(AppState::open(Box::new(MemoryStore::new()), false, false))
}

pub(crate) fn run(state: Rc<AppState>, actions: impl IntoIterator<Item = Action>) -> Rc<AppState> {
    actions.into_iter().fold(state, |s, a| s.reduce(a))
}

pub(crate) fn events(state: &AppState) -> usize {
    state.db.0.borrow().events().len()
}

fn status(state: &AppState, order_id: u64) -> Option<OrderStatus> {
    state.db.0.borrow().table().row(order_id).map(|r| r.status)
}

#[test]
fn one_click_places_an_order_and_selects_it() {
    let state = run(fresh(), [Action::Place]);
    assert_eq!(events(&state), 1);
    assert_eq!(state.selected, Some(1));
    assert_eq!(status(&state, 1), Some(OrderStatus::Placed));
    assert!(state.alert.is_none());
}

#[test]
fn paying_overwrites_the_row_and_appends_an_event() {
    let state = run(fresh(), [Action::Place, Action::Pay]);
    assert_eq!(events(&state), 2);
    assert_eq!(status(&state, 1), Some(OrderStatus::Paid));
    let change = state.last_change.as_ref().expect("a change");
    let overwritten = &change.accepted.row_changes[0].overwritten[0];
    assert_eq!(
        (overwritten.old.as_str(), overwritten.new.as_str()),
        ("Placed", "Paid")
    );
    assert_eq!(state.db.0.borrow().table().overwritten_count(), 1);
}

#[test]
fn a_forbidden_action_changes_nothing_and_explains_why() {
    let before = run(fresh(), [Action::Place]);
    let after = run(before.clone(), [Action::Ship]);
    assert_eq!(events(&after), 1);
    assert_eq!(status(&after, 1), Some(OrderStatus::Placed));
    let alert = after.alert.as_ref().expect("an alert");
    assert!(alert.text.contains("cannot be shipped"), "{}", alert.text);
}

#[test]
fn acting_with_no_order_explains_instead_of_failing() {
    let state = run(fresh(), [Action::Pay]);
    assert_eq!(events(&state), 0);
    assert!(state
        .alert
        .as_ref()
        .unwrap()
        .text
        .contains("place an order first"));
}

#[test]
fn an_invalid_total_is_refused_before_the_domain() {
    let state = run(
        fresh(),
        [Action::Edit(Field::Total, "12.345".into()), Action::Place],
    );
    assert_eq!(events(&state), 0);
    assert!(state.alert.is_some());
}

#[test]
fn the_blog_example_loads_directly_into_an_empty_log() {
    let state = run(fresh(), [Action::Load(Example::Blog)]);
    assert_eq!(events(&state), 10);
    assert_eq!(state.db.0.borrow().order_ids().len(), 4);
    assert_eq!(status(&state, 1), Some(OrderStatus::Delivered));
    assert_eq!(status(&state, 2), Some(OrderStatus::Paid));
    assert_eq!(status(&state, 3), Some(OrderStatus::Shipped));
    assert_eq!(status(&state, 4), Some(OrderStatus::Placed));
    assert!(state.pending.is_none());
}

#[test]
fn reset_asks_first_and_keeps_everything_when_declined() {
    let asked = run(fresh(), [Action::Place, Action::Reset]);
    assert_eq!(asked.pending, Some(Pending::Reset));
    assert_eq!(events(&asked), 1);
    let kept = run(asked.clone(), [Action::Answer(false)]);
    assert_eq!(events(&kept), 1);
    let wiped = run(asked, [Action::Reset, Action::Answer(true)]);
    assert_eq!(events(&wiped), 0);
    assert!(wiped.db.0.borrow().table().row(1).is_none());
}

#[test]
fn loading_over_a_non_empty_log_asks_first() {
    let state = run(fresh(), [Action::Place, Action::Load(Example::Blog)]);
    assert_eq!(state.pending, Some(Pending::Load(Example::Blog)));
    assert_eq!(events(&state), 1);
}

#[test]
fn another_tab_appending_is_caught_up_without_a_reload() {
    let kv = MemoryKv::default();
    let mine = Rc::new(AppState::open(
        Box::new(MemoryStore::open(kv.clone())),
        false,
        false,
    ));
    let theirs = Rc::new(AppState::open(
        Box::new(MemoryStore::open(kv.clone())),
        false,
        false,
    ));
    let theirs = run(theirs, [Action::Place, Action::Pay]);
    assert_eq!(events(&theirs), 2);
    let mine = run(mine, [Action::CatchUp]);
    assert_eq!(events(&mine), 2);
    assert_eq!(status(&mine, 1), Some(OrderStatus::Paid));
    assert!(mine.notice.as_ref().unwrap().contains("2 new events"));
}

#[test]
fn a_stale_tab_gets_a_conflict_and_the_fresh_state() {
    let kv = MemoryKv::default();
    let first = run(
        Rc::new(AppState::open(
            Box::new(MemoryStore::open(kv.clone())),
            false,
            false,
        )),
        [Action::Place],
    );
    let second = run(
        Rc::new(AppState::open(
            Box::new(MemoryStore::open(kv.clone())),
            false,
            false,
        )),
        [Action::Select(1)],
    );
    let _first = run(first, [Action::Pay]);
    // The second tab still thinks order 1 is Placed: its Cancel is decided on stale state.
    let second = run(second, [Action::Cancel]);
    let alert = second.alert.as_ref().expect("a conflict alert");
    assert!(alert.text.contains("another tab"), "{}", alert.text);
    assert_eq!(events(&second), 2, "the fresh log is shown");
    assert_eq!(status(&second, 1), Some(OrderStatus::Paid));
    assert_eq!(second.db.0.borrow().events().len(), 2);
    let stored = MemoryStore::open(kv);
    assert_eq!(
        stored.events().len(),
        2,
        "nothing of the stale command was saved"
    );
}
