//! How the two clerks' story takes part in the page: it starts on the selected order of the
//! log the page shows, and moves on a step (or to the end) when asked.

use super::state::{advance, run_all, start, ClerksAction};
use crate::ui::page::state::AppState;

impl AppState {
    pub(crate) fn clerks_act(&mut self, action: ClerksAction) {
        let story = match (action, self.clerks.take()) {
            (ClerksAction::Start, _) | (_, None) => start(&self.log.read(), self.selected),
            (_, Some(story)) => story,
        };
        self.clerks = Some(match action {
            ClerksAction::Start => story,
            ClerksAction::Advance => advance(&story),
            ClerksAction::RunAll => run_all(&story),
        });
    }
}
