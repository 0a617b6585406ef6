//! The ready-made logs a learner can load with one click, all from the domain's scenarios.

use crate::domain::{blog_example, bug_story, generate_log, RecordedEvent};

/// How many events "Load 10,000 events" generates.
pub const GENERATED_EVENTS: usize = 10_000;
/// Same seed, same log: every class sees the same 10,000 events.
const GENERATED_SEED: u64 = 2024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    /// The blog post's four orders.
    Blog,
    /// The "not reproducible" bug: a packaging step flags a paid order.
    BugStory,
    /// A large log, to show that replay and the page scale.
    Generated,
}

impl Example {
    /// The question asked before the example replaces a non-empty log.
    pub fn question(self) -> &'static str {
        match self {
            Self::Blog => "Replace the current log with the blog example?",
            Self::BugStory => "Replace the current log with the bug story?",
            Self::Generated => "Replace the current log with 10,000 generated events?",
        }
    }

    /// The status line after loading.
    pub fn loaded_message(self, events: usize) -> String {
        match self {
            Self::Blog => "Loaded the blog example: 4 orders.".into(),
            Self::BugStory => "Loaded the bug story: order 2 says PaymentProblem, but it was paid. Select it and read its history.".into(),
            Self::Generated => format!(
                "Loaded {} generated events.",
                super::format::group_thousands(events)
            ),
        }
    }

    /// The example's events.
    pub fn events(self) -> Vec<RecordedEvent> {
        match self {
            Self::Blog => blog_example(),
            Self::BugStory => bug_story(),
            Self::Generated => generate_log(GENERATED_EVENTS, GENERATED_SEED),
        }
    }
}
