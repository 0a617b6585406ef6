//! The bug story through the page: finding the culprit lands every view on it; skipping it is
//! a what-if that changes neither database.

use crate::app::Example;
use crate::domain::{bug_story_culprit, OrderStatus};
use crate::ui::page::intents::Intent;
use crate::ui::page::state::Action;
use crate::ui::page::test_page::Page;

#[test]
fn finding_the_culprit_lands_every_view_on_it() {
    let page = Page::new()
        .intent(Intent::Load(Example::BugStory))
        .act(Action::Select(1))
        .act(Action::FindCulprit { and_skip: false });
    let culprit = bug_story_culprit();
    assert_eq!(page.state.selected, Some(2));
    let position = page.state.time_travel.position(page.db.0.borrow().events());
    assert_eq!(position, culprit as usize);
    assert_eq!(
        page.state.debugger.step(2, 3),
        2,
        "the third of order 2's events"
    );
}

#[test]
fn skipping_the_culprit_is_a_what_if_that_changes_neither_database() {
    let page = Page::new()
        .intent(Intent::Load(Example::BugStory))
        .act(Action::FindCulprit { and_skip: true });
    let culprit = bug_story_culprit();
    let event = page.db.0.borrow().events()[culprit as usize - 1].clone();
    assert!(page.state.debugger.is_skipped(&event));
    assert_eq!(page.events(), 10);
    assert_eq!(page.status(2), Some(OrderStatus::PaymentProblem));
    // Pressed again, the culprit is put back.
    let page = page.act(Action::FindCulprit { and_skip: true });
    assert!(!page.state.debugger.is_skipped(&event));
}

#[test]
fn another_log_has_no_culprit_to_find() {
    let page = Page::new()
        .intent(Intent::Load(Example::Blog))
        .act(Action::FindCulprit { and_skip: true });
    assert_eq!(page.state.selected, Some(4), "nothing moved");
    assert_eq!(page.state.debugger, Default::default());
}
