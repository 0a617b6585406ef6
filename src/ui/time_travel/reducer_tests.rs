//! The replay features through the app's reducer, on an in-memory store: given a log, when a
//! timeline, debugger, lesson, bug-story or share action, then the state and both databases.

use crate::app::Example;
use crate::domain::{blog_example, bug_story_culprit, scenario_fragment, OrderStatus};
use crate::ui::bug_story::panel::find_culprit;
use crate::ui::lesson::state::LessonAction;
use crate::ui::lesson::steps::STEPS;
use crate::ui::page::state::tests::{events, fresh, run};
use crate::ui::page::state::{Action, AppState, Pending};
use crate::ui::replay_debugger::state::DebuggerAction;
use crate::ui::time_travel::state::TimeTravelAction;
use std::rc::Rc;

fn position(state: &AppState) -> usize {
    state.time_travel.position(state.db.0.borrow().events())
}

fn blog() -> Rc<AppState> {
    run(fresh(), [Action::Load(Example::Blog)])
}

#[test]
fn the_timeline_moves_without_touching_the_log_and_stays_put_as_the_log_grows() {
    let state = run(blog(), [Action::TimeTravel(TimeTravelAction::JumpTo(3))]);
    assert_eq!(position(&state), 3);
    assert_eq!(events(&state), 10);
    // A new event is appended at the end; the timeline keeps showing event 3.
    let state = run(state, [Action::Pay]);
    assert_eq!(events(&state), 11);
    assert_eq!(position(&state), 3);
    let state = run(state, [Action::TimeTravel(TimeTravelAction::JumpToEnd)]);
    assert!(!state.time_travel.is_traveling(state.db.0.borrow().events()));
}

#[test]
fn another_log_sends_the_timeline_to_now_and_forgets_skipped_events() {
    let state = run(
        blog(),
        [
            Action::TimeTravel(TimeTravelAction::JumpTo(2)),
            Action::Debugger(DebuggerAction::ToggleSkip(2)),
            Action::Load(Example::BugStory),
            Action::Answer(true),
        ],
    );
    // The events at the remembered position and the skipped id are other events now.
    assert_eq!(position(&state), 10);
    let second = state.db.0.borrow().events()[1].clone();
    assert!(!state.debugger.is_skipped(&second));
}

#[test]
fn finding_the_culprit_lands_every_view_on_it() {
    let state = run(fresh(), [Action::Load(Example::BugStory)]);
    let actions = find_culprit(&state.db.0.borrow());
    let state = run(state, actions);
    let culprit = bug_story_culprit();
    assert_eq!(state.selected, Some(2));
    assert_eq!(position(&state), culprit as usize);
    assert_eq!(
        state.debugger.step(2, 3),
        2,
        "the third of order 2's events"
    );
    // Skipping is a what-if: the stored log and the table are untouched.
    let state = run(
        state,
        [Action::Debugger(DebuggerAction::ToggleSkip(culprit))],
    );
    let event = state.db.0.borrow().events()[culprit as usize - 1].clone();
    assert!(state.debugger.is_skipped(&event));
    assert_eq!(events(&state), 10);
    let row = state.db.0.borrow().table().row(2).cloned().unwrap();
    assert_eq!(row.status, OrderStatus::PaymentProblem);
    // Another log has no culprit to find.
    assert!(find_culprit(&blog().db.0.borrow()).is_empty());
}

#[test]
fn the_lesson_walks_its_steps_through_the_reducer() {
    let state = run(fresh(), [Action::Lesson(LessonAction::Start)]);
    assert_eq!(state.lesson.step(), Some(0));
    let state = run(state, (0..20).map(|_| Action::Lesson(LessonAction::Next)));
    assert_eq!(state.lesson.step(), Some(STEPS.len() - 1));
    let state = run(state, [Action::Lesson(LessonAction::End)]);
    assert_eq!(state.lesson.step(), None);
}

#[test]
fn a_share_link_asks_before_replacing_and_no_keeps_everything() {
    let link = scenario_fragment(&blog_example()).unwrap();
    let own = run(fresh(), [Action::Place, Action::Place]);
    let asked = run(own, [Action::OpenShareLink(link.clone())]);
    assert!(matches!(asked.pending, Some(Pending::Shared)));
    assert_eq!(
        asked.share.question(2),
        "Replace your log of 2 events with the shared scenario of 10 events?"
    );
    let kept = run(asked.clone(), [Action::Answer(false)]);
    assert_eq!(events(&kept), 2);
    assert!(kept.pending.is_none());
    assert_eq!(kept.share.incoming_len(), 0);
    let replaced = run(asked, [Action::Answer(true)]);
    assert_eq!(replaced.db.0.borrow().events(), blog_example().as_slice());
    assert_eq!(replaced.selected, Some(4));
}

#[test]
fn a_broken_share_link_changes_nothing_and_says_why() {
    let own = run(fresh(), [Action::Place]);
    let refused = run(own, [Action::OpenShareLink("#scenario=AQ".into())]);
    assert!(refused.pending.is_none());
    assert_eq!(events(&refused), 1);
    let error = refused.share.error.clone().unwrap();
    assert!(error.contains("cut off"), "{error}");
    let dismissed = run(refused, [Action::DismissShareError]);
    assert_eq!(dismissed.share.error, None);
    // Other fragments (an in-page anchor) are not share links at all.
    let anchor = run(dismissed, [Action::OpenShareLink("#databases".into())]);
    assert!(anchor.pending.is_none() && anchor.share.error.is_none());
}
