//! Entering a lesson step puts the page into the state its text describes, however the step
//! was reached (Next, Previous, a jump, a reload that resumes): the log it talks about, then
//! the selection, the timeline and the debugger. Loading a log is a write, so the reducer only
//! says which log the step wants (`Lesson::wants`); the page loads it (asking first when it
//! would replace the learner's own events) and the setup finishes when the log is there.

use super::state::{lesson_may_replace, LessonAction};
use super::steps::{LessonStep, Needs, Setup, Task, STEPS};
use crate::app::{Databases, Example};
use crate::domain::{OrderEvent, RecordedEvent};
use crate::ui::bug_story::view::BugStoryView;
use crate::ui::clerks::state::ClerksAction;
use crate::ui::page::state::AppState;
use crate::ui::time_travel::state::TimeTravelAction;

/// Whether `events` is the log `needs` asks for.
pub fn log_meets(needs: Needs, events: &[RecordedEvent]) -> bool {
    match needs {
        Needs::Exactly(example) => events == example.events().as_slice(),
        Needs::StartingWith(example) => example.starts(events),
    }
}

/// Where the open step stands.
#[derive(Clone, Debug, PartialEq)]
pub enum StepState {
    /// The page shows what the text describes; the task, if any, and whether it is done.
    Ready(Option<(Task, bool)>),
    /// The step's log is being loaded (or the learner is being asked).
    Loading(Example),
    /// The learner kept their own log: the step's text would not be true of it.
    Missing(Example),
}

/// The open step of the lesson, as the bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonView {
    pub index: usize,
    pub step: LessonStep,
    pub state: StepState,
}

impl AppState {
    /// Moves the lesson, and sets up the step it lands on (again, when asked to).
    pub(crate) fn apply_lesson(&mut self, action: LessonAction) {
        let before = self.lesson.step();
        if action == LessonAction::Start {
            // A lesson that starts on an empty log or an example owns it from here.
            self.lesson.owns_log = lesson_may_replace(self.log.read().events());
        }
        self.lesson.apply(action, STEPS.len());
        let again = matches!(
            action,
            LessonAction::Start
                | LessonAction::Resume { .. }
                | LessonAction::Jump(_)
                | LessonAction::Retry
        );
        if again || self.lesson.step() != before {
            self.enter_lesson_step();
        }
    }

    /// Sets up the open step (call after the lesson's step changed).
    fn enter_lesson_step(&mut self) {
        let Some(index) = self.lesson.step() else {
            return;
        };
        let setup = STEPS[index].setup;
        match setup.log {
            Some(needs) if !log_meets(needs, self.log.read().events()) => {
                self.lesson.wants = Some(needs);
            }
            _ => {
                self.lesson.wants = None;
                self.apply_lesson_setup(setup);
            }
        }
    }

    /// After the log was replaced: finishes a setup that waited for it (the lesson then owns
    /// the log it loaded); any other new log is the lesson's only if it is an example.
    pub(crate) fn continue_lesson_setup(&mut self) {
        let (Some(needs), Some(index)) = (self.lesson.wants, self.lesson.step()) else {
            self.lesson.owns_log = lesson_may_replace(self.log.read().events());
            return;
        };
        if log_meets(needs, self.log.read().events()) {
            self.lesson.wants = None;
            self.lesson.owns_log = true;
            self.apply_lesson_setup(STEPS[index].setup);
        }
    }

    /// The learner declined to replace their log: the step says what it would need.
    pub(crate) fn lesson_load_declined(&mut self) {
        self.lesson.wants = None;
    }

    fn apply_lesson_setup(&mut self, setup: Setup) {
        if let Some(order_id) = setup.select {
            self.select(order_id);
        }
        if let Some(n) = setup.timeline {
            let log = self.log.clone();
            self.time_travel
                .apply(TimeTravelAction::JumpTo(n), log.read().events());
        }
        if setup.culprit {
            self.find_culprit(false);
        }
        if let Some(question) = setup.question {
            self.question = Some(question);
        }
        if setup.clerks {
            self.clerks_act(ClerksAction::Start);
        }
        self.lesson.entered = self.lesson.entered.wrapping_add(1);
    }

    /// The open step as the bar shows it, over the databases `db`.
    pub fn lesson_view(&self, db: &Databases) -> Option<LessonView> {
        let index = self.lesson.step()?;
        let step = STEPS[index];
        let missing = step
            .setup
            .log
            .filter(|&needs| !log_meets(needs, db.events()));
        let state = match (missing, self.lesson.wants) {
            (Some(needs), Some(_)) => StepState::Loading(needs.example()),
            (Some(needs), None) => StepState::Missing(needs.example()),
            (None, _) => StepState::Ready(step.task.map(|task| (task, self.task_done(task, db)))),
        };
        Some(LessonView { index, step, state })
    }

    /// Whether the page shows `task` done.
    fn task_done(&self, task: Task, db: &Databases) -> bool {
        match task {
            Task::PlaceAndPay => self.last_change.as_ref().is_some_and(|change| {
                change
                    .accepted
                    .events
                    .iter()
                    .any(|e| matches!(e.event, OrderEvent::OrderPaid { .. }))
            }),
            Task::SkipCulprit => {
                BugStoryView::of(db).is_some_and(|story| self.debugger.is_skipped(&story.culprit))
            }
            Task::RecordCorrection => {
                BugStoryView::of(db).is_some_and(|story| story.correction.is_some())
            }
            Task::RunClerks => self
                .clerks
                .as_ref()
                .is_some_and(|story| story.clerks.next_step().is_none()),
        }
    }
}
