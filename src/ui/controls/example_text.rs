//! What the page says about the ready-made examples: the question before one replaces a
//! non-empty log, and the status line after loading.

use crate::app::Example;

/// The question asked before the example replaces a non-empty log.
pub fn question(example: Example) -> &'static str {
    match example {
        Example::Blog => "Replace the current log with the blog example?",
        Example::BugStory => "Replace the current log with the bug story?",
        Example::Generated => "Replace the current log with 10,000 generated events?",
    }
}

/// The question asked before a lesson step's example replaces the learner's own log.
pub fn lesson_question(example: Example) -> &'static str {
    match example {
        Example::Blog => {
            "This lesson step is about the blog's four orders. Load them in place of your log?"
        }
        Example::BugStory => {
            "This lesson step is about the bug story. Load it in place of your log?"
        }
        Example::Generated => {
            "This lesson step is about 10,000 generated events. Load them in place of your log?"
        }
    }
}

/// The status line after loading.
pub fn loaded_message(example: Example, events: usize) -> String {
    match example {
        Example::Blog => "Loaded the blog example: 4 orders.".into(),
        Example::BugStory => "Loaded the bug story: order 2 says PaymentProblem, but it was paid. Select it and read its history.".into(),
        Example::Generated => format!(
            "Loaded {} generated events.",
            crate::ui::widgets::format::group_thousands(events)
        ),
    }
}
