//! What the Challenges region shows that depends on the log: each challenge's prompt, whether
//! the log on the page is the one it was written for, its answer choices (computed from the
//! log), its hint, and a mark of the log to tell whether a verdict is still about it. Pure, so
//! native tests can read what the region would show.

use super::state::LogMark;
use crate::app::Example;
use crate::domain::challenges::{AnswerKind, Challenge, ChallengeSet, Hint, LogNeeded};
use crate::domain::RecordedEvent;

/// One challenge as the region shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChallengeView {
    pub prompt: String,
    pub needs: LogNeeded,
    /// The example to load when the log on the page is not the one the challenge is about.
    pub load: Option<Example>,
    pub kind: AnswerKind,
    pub hint: Hint,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChallengesView {
    pub items: Vec<ChallengeView>,
    /// The log these were computed from.
    pub mark: LogMark,
}

impl ChallengesView {
    pub fn of(set: &ChallengeSet, events: &[RecordedEvent]) -> ChallengesView {
        let items = set
            .challenges()
            .iter()
            .map(|challenge| item(challenge, events))
            .collect();
        ChallengesView {
            items,
            mark: LogMark::of(events),
        }
    }
}

fn item(challenge: &Challenge, events: &[RecordedEvent]) -> ChallengeView {
    let needs = challenge.needs();
    ChallengeView {
        prompt: challenge.prompt(),
        needs,
        load: example_to_load(needs, events),
        kind: challenge.answer_kind(events),
        hint: challenge.hint(),
    }
}

/// The example `needs` names, when `events` is not it (events added after it are fine: they
/// came later, and the challenges ask about the example's own orders and moments).
pub fn example_to_load(needs: LogNeeded, events: &[RecordedEvent]) -> Option<Example> {
    let example = match needs {
        LogNeeded::Blog => Example::Blog,
        LogNeeded::BugStory => Example::BugStory,
        LogNeeded::Any => return None,
    };
    (!example.starts(events)).then_some(example)
}
