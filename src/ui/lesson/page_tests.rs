//! The lesson through the page's reducer and writer: each step sets up what its text says,
//! however it is reached, and a learner's own log is never replaced without asking.

use crate::app::Example;
use crate::domain::{OrderEvent, OrderStatus};
use crate::ui::lesson::setup::StepState;
use crate::ui::lesson::state::LessonAction;
use crate::ui::lesson::steps::{Task, STEPS};
use crate::ui::page::intents::Intent;
use crate::ui::page::state::{Action, Pending};
use crate::ui::page::test_page::Page;

/// A lesson action, then what the page's loader hook does when the step wants a log.
fn lesson(page: Page, action: LessonAction) -> Page {
    let page = page.act(Action::Lesson(action));
    match page.state.lesson.wants {
        Some(needs) => page.intent(Intent::LessonLoad(needs.example())),
        None => page,
    }
}

fn state_of(page: &Page) -> StepState {
    let db = page.db.0.borrow();
    page.state.lesson_view(&db).expect("a lesson runs").state
}

fn position(page: &Page) -> usize {
    page.state.time_travel.position(page.db.0.borrow().events())
}

fn title(page: &Page) -> &'static str {
    STEPS[page.state.lesson.step().unwrap()].title
}

#[test]
fn next_alone_from_an_empty_log_sets_up_every_step_it_describes() {
    let mut page = lesson(Page::new(), LessonAction::Start);
    for _ in 0..STEPS.len() - 1 {
        page = lesson(page, LessonAction::Next);
        let index = page.state.lesson.step().unwrap();
        assert!(
            !matches!(
                state_of(&page),
                StepState::Loading(_) | StepState::Missing(_)
            ),
            "step {} ({}) is set up",
            index + 1,
            title(&page)
        );
        match title(&page) {
            "The blog's four orders" => {
                assert_eq!(page.events(), 10);
                assert_eq!(page.db.0.borrow().order_ids().len(), 4);
            }
            "State is derived by replay" => assert_eq!(page.state.selected, Some(1)),
            "Travel in time" => assert_eq!(position(&page), 3),
            "The bug nobody could reproduce" => {
                assert_eq!(page.status(2), Some(OrderStatus::PaymentProblem));
            }
            "Finding the culprit" => {
                assert_eq!(page.state.selected, Some(2));
                assert_eq!(
                    state_of(&page),
                    StepState::Ready(Some((Task::SkipCulprit, false)))
                );
            }
            _ => {}
        }
    }
    assert!(
        page.state.pending.is_none(),
        "nothing of the learner's was at stake"
    );
}

#[test]
fn previous_and_a_jump_set_up_the_step_they_land_on() {
    let page = lesson(Page::new(), LessonAction::Jump(7));
    assert_eq!(title(&page), "The bug nobody could reproduce");
    assert_eq!(page.status(2), Some(OrderStatus::PaymentProblem));
    // Back to the time-travel step: the blog again, the timeline at event 3.
    let page = lesson(page, LessonAction::Previous);
    assert_eq!(title(&page), "Travel in time");
    assert_eq!(page.events(), 10);
    assert_eq!(page.status(1), Some(OrderStatus::Delivered));
    assert_eq!(position(&page), 3);
}

#[test]
fn a_resumed_step_is_set_up_as_if_reached_by_next() {
    let resume = LessonAction::Resume {
        step: 6,
        owns_log: false,
    };
    let page = lesson(Page::new(), resume);
    assert_eq!(title(&page), "Travel in time");
    assert_eq!(page.events(), 10);
    assert_eq!(position(&page), 3);
}

#[test]
fn what_the_learner_did_during_the_lesson_is_the_lessons_to_replace() {
    // Started on an empty log: the order placed at step 3 was part of the lesson.
    let page = lesson(Page::new(), LessonAction::Start);
    let page = lesson(lesson(page, LessonAction::Next), LessonAction::Next);
    let page = page.intent(Intent::PlaceAndPay);
    let page = lesson(lesson(page, LessonAction::Next), LessonAction::Next);
    assert_eq!(title(&page), "The blog's four orders");
    assert!(page.state.pending.is_none(), "not asked");
    assert_eq!(page.events(), 10);
}

#[test]
fn the_learners_own_log_is_replaced_only_after_asking() {
    let own = Page::new().intents([Intent::Place, Intent::Place]);
    let asked = lesson(own, LessonAction::Start);
    let asked = lesson(asked, LessonAction::Jump(4));
    assert_eq!(
        asked.state.pending,
        Some(Pending::LessonLoad(Example::Blog))
    );
    assert_eq!(asked.events(), 2, "nothing replaced yet");
    assert_eq!(state_of(&asked), StepState::Loading(Example::Blog));

    // No: the log stays, and the step says it is not shown rather than say something false.
    let kept = asked.clone().intent(Intent::Answer(false));
    assert_eq!(kept.events(), 2);
    assert_eq!(state_of(&kept), StepState::Missing(Example::Blog));
    // It can still be loaded from the step (asked again).
    let again = lesson(kept, LessonAction::Retry);
    assert_eq!(
        again.state.pending,
        Some(Pending::LessonLoad(Example::Blog))
    );

    // Yes: the blog is loaded and the step is set up.
    let loaded = asked.intent(Intent::Answer(true));
    assert_eq!(loaded.events(), 10);
    assert_eq!(state_of(&loaded), StepState::Ready(None));
}

#[test]
fn a_task_is_noticed_when_done_and_show_me_does_it() {
    // (Pages share their databases when cloned: each way gets its own page.)
    let step = || lesson(Page::new(), LessonAction::Jump(2));
    let page = step();
    assert_eq!(
        state_of(&page),
        StepState::Ready(Some((Task::PlaceAndPay, false)))
    );
    // The learner does it with the page's own buttons...
    let by_hand = step().intents([Intent::Place, Intent::Pay]);
    assert_eq!(
        state_of(&by_hand),
        StepState::Ready(Some((Task::PlaceAndPay, true)))
    );
    // ...or "Show me" does it for them: one order, placed and paid, shown as one change.
    let shown = page.intent(Intent::PlaceAndPay);
    assert_eq!(
        state_of(&shown),
        StepState::Ready(Some((Task::PlaceAndPay, true)))
    );
    assert_eq!(shown.events(), 2);
    assert_eq!(shown.status(1), Some(OrderStatus::Paid));
    let change = shown.state.last_change.as_ref().unwrap();
    assert_eq!(change.accepted.row_changes.len(), 2, "INSERT, then UPDATE");
}

#[test]
fn the_correction_step_records_a_correction_never_a_second_charge() {
    let page = lesson(Page::new(), LessonAction::Jump(9));
    assert_eq!(title(&page), "The fix: a correction, not a second payment");
    assert_eq!(
        state_of(&page),
        StepState::Ready(Some((Task::RecordCorrection, false)))
    );
    // Paying again is refused: it would charge twice.
    let page = page.intent(Intent::Pay);
    assert!(
        page.alert().contains("already paid in full"),
        "{}",
        page.alert()
    );
    assert_eq!(page.events(), 10);
    let corrected = page.intent(Intent::Correct);
    assert_eq!(corrected.events(), 11);
    assert_eq!(corrected.status(2), Some(OrderStatus::Paid));
    let db = corrected.db.0.borrow();
    let last = db.events().last().unwrap();
    assert!(matches!(
        last.event,
        OrderEvent::PaymentProblemRetracted { retracts: 8, .. }
    ));
    assert_eq!(
        db.order(2).unwrap().amount_paid,
        db.order(2).unwrap().total_amount
    );
    drop(db);
    assert_eq!(
        state_of(&corrected),
        StepState::Ready(Some((Task::RecordCorrection, true)))
    );
}

#[test]
fn the_lesson_ends_from_any_step() {
    let page = lesson(Page::new(), LessonAction::Start);
    let page = (0..20).fold(page, |p, _| lesson(p, LessonAction::Next));
    assert_eq!(page.state.lesson.step(), Some(STEPS.len() - 1));
    let page = lesson(page, LessonAction::End);
    assert_eq!(page.state.lesson.step(), None);
}

#[test]
fn part_two_asks_questions_runs_the_two_clerks_and_loads_the_old_log() {
    use crate::domain::questions::Question;
    use crate::ui::clerks::state::ClerksAction;
    use crate::ui::lesson::steps::PART_TWO;
    let page = lesson(Page::new(), LessonAction::Jump(PART_TWO));
    assert_eq!(page.events(), 10, "the blog example");
    assert_eq!(page.state.question, Some(Question::ShippingWaits));
    let page = lesson(page, LessonAction::Next);
    assert_eq!(page.state.question, Some(Question::RevenuePerDay));

    let page = lesson(page, LessonAction::Next);
    assert_eq!(title(&page), "Two clerks, one order: the lost update");
    assert_eq!(
        state_of(&page),
        StepState::Ready(Some((Task::RunClerks, false)))
    );
    let page = page.act(Action::Clerks(ClerksAction::RunAll));
    assert_eq!(
        state_of(&page),
        StepState::Ready(Some((Task::RunClerks, true)))
    );
    // The story ran on copies: both databases are as they were.
    assert_eq!(page.events(), 10);
    assert_eq!(page.status(2), Some(OrderStatus::Paid));

    let page = lesson(page, LessonAction::Next);
    assert_eq!(title(&page), "Old events stay readable");
    let db = page.db.0.borrow();
    assert_eq!(db.events(), crate::domain::old_log().as_slice());
    assert!(db.events().iter().any(crate::domain::was_upcast));
}
