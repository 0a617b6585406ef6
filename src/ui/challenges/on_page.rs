//! How the Challenges region takes part in the page: a share link's challenges (shown at once
//! when the link carries nothing else, or after its scenario was accepted), and leading the
//! learner back to the challenges once a log they asked for is on the page.

use super::state::{ChallengesAction, REGION_ID};
use crate::ui::page::state::{AppState, Reveal};

impl AppState {
    /// After a share link was read: challenges that came without a scenario replace nothing
    /// else, so they are shown at once; with a scenario, they wait for its question.
    pub(crate) fn open_link_challenges(&mut self) {
        if self.share.incoming_len() > 0 {
            return;
        }
        if let Some(set) = self.share.take_challenges() {
            self.apply_challenges(ChallengesAction::SetFromLink(set));
            self.reveal = Some(Reveal::next(self.reveal, REGION_ID));
        }
    }

    /// The visitor answered a share link's question. Yes: the writer loads the scenario, and
    /// the link's challenges replace the set (the page leads to them once the log is there).
    /// No keeps everything, the challenges and their answers too.
    pub(crate) fn shared_answered(&mut self, yes: bool) {
        drop(self.share.take());
        let set = self.share.take_challenges();
        if let (true, Some(set)) = (yes, set) {
            self.apply_challenges(ChallengesAction::SetFromLink(set));
            self.challenges.lead_to(REGION_ID);
        }
    }

    /// After the log was replaced: if the learner asked for it from a challenge (or accepted
    /// a link with challenges), the page leads back there rather than to another panel.
    pub(crate) fn continue_challenges(&mut self) {
        if let Some(id) = self.challenges.take_lead() {
            self.reveal = Some(Reveal::next(self.reveal, id));
        }
    }

    pub(crate) fn apply_challenges(&mut self, action: ChallengesAction) {
        let log = self.log.clone();
        self.challenges.apply(action, log.read().events());
    }
}
