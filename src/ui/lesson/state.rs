//! The guided lesson's position: which step is open, if any. Remembered across reloads as
//! `{"step": 3}` (from 0) under [`LESSON_KEY`]. Pure Rust, so native tests can use it.

use serde::{Deserialize, Serialize};

/// Where the lesson remembers its step. Beside the presenter preference, outside the store's
/// `event-sourcing-demo/v1/` namespace: the store reports any key there it did not write as
/// damage, and a lesson step is a preference of this browser, not part of the log.
pub const LESSON_KEY: &str = "event-sourcing-demo/prefs/lesson";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    /// The open step, from 0; `None` when no lesson is running.
    step: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonAction {
    Start,
    Next,
    Previous,
    End,
    /// Reopen a remembered step after a reload.
    Resume(usize),
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
            (LessonAction::Resume(step), _) => Some(step.min(last)),
            (LessonAction::End, _) => None,
            (LessonAction::Next, Some(step)) => Some((step + 1).min(last)),
            (LessonAction::Previous, Some(step)) => Some(step.saturating_sub(1)),
            (LessonAction::Next | LessonAction::Previous, None) => None,
        };
    }

    /// What to store: the step while a lesson runs, nothing once it ended.
    pub fn stored(&self) -> Option<String> {
        self.step
            .map(|_| serde_json::to_string(self).unwrap_or_default())
    }

    /// The step a stored text remembers, if it is one of the `steps` steps. Anything else
    /// (another version's format, a hand-edited value) is ignored.
    pub fn remembered(text: &str, steps: usize) -> Option<usize> {
        serde_json::from_str::<Lesson>(text)
            .ok()?
            .step
            .filter(|&step| step < steps)
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
        lesson.apply(LessonAction::Resume(3), 10);
        let text = lesson.stored().unwrap();
        assert_eq!(text, r#"{"step":3}"#);
        assert_eq!(Lesson::remembered(&text, 10), Some(3));
        assert_eq!(Lesson::remembered(&text, 3), None);
        assert_eq!(Lesson::remembered("{\"step\":null}", 10), None);
        assert_eq!(Lesson::remembered("7", 10), None);
        assert_eq!(Lesson::remembered("not json", 10), None);
    }
}
