//! The guided lesson's position: which step is open, if any, and how far its setup has got.
//! The step is remembered across reloads as `{"step":3,"owns":true}` (from 0) under
//! [`LESSON_KEY`]. Pure Rust, so native tests can use it.

use super::steps::Needs;
use crate::app::Example;
use crate::domain::RecordedEvent;
use serde::{Deserialize, Serialize};

/// Where the lesson remembers its step. Beside the presenter preference, outside the store's
/// `event-sourcing-demo/v1/` namespace: the store reports any key there it did not write as
/// damage, and a lesson step is a preference of this browser, not part of the log.
pub const LESSON_KEY: &str = "event-sourcing-demo/prefs/lesson";

/// Whether the lesson may replace `events` without asking: an empty log, or one of the
/// lesson's own examples with whatever was added to it. Anything else is the learner's own.
pub fn lesson_may_replace(events: &[RecordedEvent]) -> bool {
    events.is_empty()
        || [Example::Blog, Example::BugStory]
            .into_iter()
            .any(|example| example.starts(events))
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    /// The open step, from 0; `None` when no lesson is running.
    step: Option<usize>,
    /// Whether the log shown is the lesson's own (it started on an empty log or an example, or
    /// loaded one): a step may then replace it without asking. Never the learner's own events.
    #[serde(default, rename = "owns")]
    pub owns_log: bool,
    /// The log the open step needs and has asked for (loading it is a write, done by the page).
    #[serde(skip)]
    pub wants: Option<Needs>,
    /// Counts steps entered with their setup done: the bar outlines its target anew each time.
    #[serde(skip)]
    pub entered: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonAction {
    Start,
    Next,
    Previous,
    End,
    /// Reopen a remembered step after a reload.
    Resume {
        step: usize,
        owns_log: bool,
    },
    /// Go straight to a step (from 0).
    Jump(usize),
    /// Set up the open step again (after the learner declined to load its log).
    Retry,
}

impl Lesson {
    pub fn step(&self) -> Option<usize> {
        self.step
    }

    /// Applies `action` to a lesson of `steps` steps.
    pub fn apply(&mut self, action: LessonAction, steps: usize) {
        let last = steps.saturating_sub(1);
        self.step = match (action, self.step) {
            (LessonAction::Start, _) => Some(0),
            (LessonAction::Resume { step, owns_log }, _) => {
                self.owns_log = owns_log;
                Some(step.min(last))
            }
            (LessonAction::Jump(step), _) => Some(step.min(last)),
            (LessonAction::End, _) => {
                self.wants = None;
                None
            }
            (LessonAction::Next, Some(step)) => Some((step + 1).min(last)),
            (LessonAction::Previous, Some(step)) => Some(step.saturating_sub(1)),
            (LessonAction::Retry, step) => step,
            (LessonAction::Next | LessonAction::Previous, None) => None,
        };
    }

    /// What to store: the step while a lesson runs, nothing once it ended.
    pub fn stored(&self) -> Option<String> {
        self.step?;
        serde_json::to_string(self).ok()
    }

    /// The action that resumes what a stored text remembers, if its step is one of the `steps`
    /// steps. Anything else (another version's format, a hand-edited value) is ignored.
    pub fn remembered(text: &str, steps: usize) -> Option<LessonAction> {
        let lesson = serde_json::from_str::<Lesson>(text).ok()?;
        let step = lesson.step.filter(|&step| step < steps)?;
        Some(LessonAction::Resume {
            step,
            owns_log: lesson.owns_log,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lesson_walks_forward_and_back_within_its_steps() {
        let mut lesson = Lesson::default();
        lesson.apply(LessonAction::Next, 10);
        assert_eq!(lesson.step(), None, "no lesson, nothing to advance");
        lesson.apply(LessonAction::Start, 10);
        lesson.apply(LessonAction::Previous, 10);
        assert_eq!(lesson.step(), Some(0));
        for _ in 0..12 {
            lesson.apply(LessonAction::Next, 10);
        }
        assert_eq!(lesson.step(), Some(9));
        lesson.apply(LessonAction::End, 10);
        assert_eq!(lesson.step(), None);
    }

    #[test]
    fn the_step_survives_a_reload_and_junk_is_ignored() {
        let mut lesson = Lesson::default();
        assert_eq!(lesson.stored(), None);
        lesson.apply(
            LessonAction::Resume {
                step: 3,
                owns_log: true,
            },
            10,
        );
        let text = lesson.stored().unwrap();
        assert_eq!(text, r#"{"step":3,"owns":true}"#);
        assert_eq!(
            Lesson::remembered(&text, 10),
            Some(LessonAction::Resume {
                step: 3,
                owns_log: true
            })
        );
        // An older build's text, without "owns": the log is not assumed to be the lesson's.
        assert_eq!(
            Lesson::remembered(r#"{"step":2}"#, 10),
            Some(LessonAction::Resume {
                step: 2,
                owns_log: false
            })
        );
        assert_eq!(Lesson::remembered(&text, 3), None);
        assert_eq!(Lesson::remembered("{\"step\":null}", 10), None);
        assert_eq!(Lesson::remembered("7", 10), None);
        assert_eq!(Lesson::remembered("not json", 10), None);
    }
}
