//! How the bug story takes part in the page: "Find the culprit" selects its order, moves the
//! timeline to the culprit event and opens the replay debugger on it (skipping it, if asked).

use super::view::culprit_step;
use crate::ui::page::state::AppState;
use crate::ui::replay_debugger::state::DebuggerAction;
use crate::ui::time_travel::state::TimeTravelAction;

impl AppState {
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
