//! The timeline through the page: given a log, when the learner moves the timeline, then what
//! it shows, while the log and the table stay as they are.

use crate::app::Example;
use crate::ui::page::intents::Intent;
use crate::ui::page::state::Action;
use crate::ui::page::test_page::Page;
use crate::ui::replay_debugger::state::DebuggerAction;
use crate::ui::time_travel::state::TimeTravelAction;

fn position(page: &Page) -> usize {
    page.state.time_travel.position(page.db.0.borrow().events())
}

#[test]
fn the_timeline_moves_without_touching_the_log_and_stays_put_as_the_log_grows() {
    let page = Page::new()
        .intent(Intent::Load(Example::Blog))
        .act(Action::TimeTravel(TimeTravelAction::JumpTo(3)));
    assert_eq!(position(&page), 3);
    assert_eq!(page.events(), 10);
    // A new event is appended at the end; the timeline keeps showing event 3.
    let page = page.intent(Intent::Pay);
    assert_eq!(page.events(), 11);
    assert_eq!(position(&page), 3);
    let page = page.act(Action::TimeTravel(TimeTravelAction::JumpToEnd));
    assert!(!page
        .state
        .time_travel
        .is_traveling(page.db.0.borrow().events()));
}

#[test]
fn another_log_sends_the_timeline_to_now_and_forgets_skipped_events() {
    let page = Page::new()
        .intent(Intent::Load(Example::Blog))
        .act(Action::TimeTravel(TimeTravelAction::JumpTo(2)))
        .act(Action::Debugger(DebuggerAction::ToggleSkip(2)))
        .intents([Intent::Load(Example::BugStory), Intent::Answer(true)]);
    // The events at the remembered position and the skipped id are other events now.
    assert_eq!(position(&page), 10);
    let second = page.db.0.borrow().events()[1].clone();
    assert!(!page.state.debugger.is_skipped(&second));
}
