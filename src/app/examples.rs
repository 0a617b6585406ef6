//! The ready-made logs a learner can load with one click, all from the domain's scenarios.

use crate::domain::{blog_example, bug_story, generate_log, old_log, RecordedEvent};

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
    /// Events an older release wrote in an earlier schema version, read through the upcaster.
    OldLog,
}

impl Example {
    /// The example's events.
    pub fn events(self) -> Vec<RecordedEvent> {
        match self {
            Self::Blog => blog_example(),
            Self::BugStory => bug_story(),
            Self::Generated => generate_log(GENERATED_EVENTS, GENERATED_SEED),
            Self::OldLog => old_log(),
        }
    }

    /// Whether `events` begin with this example: it was loaded, perhaps with events added since.
    pub fn starts(self, events: &[RecordedEvent]) -> bool {
        events.starts_with(&self.events())
    }
}
