//! How the bug story takes part in the page: loaded, it selects its order and leads to the
//! story; "Find the culprit" selects that order, moves the timeline to the culprit event and
//! opens the replay debugger on it (skipping it, if asked).

use super::view::culprit_step;
use super::view::BugStoryView;
use crate::ui::page::state::{AppState, Reveal};
use crate::ui::replay_debugger::state::DebuggerAction;
use crate::ui::time_travel::state::TimeTravelAction;

impl AppState {
    /// After the log was replaced: if it is the bug story, which is about one order, select that
    /// order and lead the learner to the story (unless a lesson step is leading them somewhere).
    pub(crate) fn continue_bug_story(&mut self) {
        let story = BugStoryView::of(&self.log.read()).map(|s| s.culprit.order_id);
        if let Some(order_id) = story {
            self.select(order_id);
            if self.lesson.step().is_none() {
                self.reveal = Some(Reveal::next(self.reveal, "bug-story"));
            }
        }
    }

    pub(crate) fn find_culprit(&mut self, and_skip: bool) {
        let log = self.log.clone();
        let Some(found) = culprit_step(&log.read()) else {
            return;
        };
        self.select(found.order_id);
        let events = log.read();
        let events = events.events();
        self.time_travel
            .apply(TimeTravelAction::JumpTo(found.event_id as usize), events);
        self.debugger.apply(
            DebuggerAction::Open {
                order_id: found.order_id,
                step: found.step,
            },
            events,
        );
        if and_skip {
            self.debugger
                .apply(DebuggerAction::ToggleSkip(found.event_id), events);
        }
    }
}
