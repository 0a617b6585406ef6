//! What the page says about the ready-made examples: their names, the question before one
//! replaces a non-empty log, and the status line after loading.

use crate::app::Example;
use crate::ui::widgets::format;

/// The example as a sentence names it: "the blog's four orders".
pub fn name(example: Example) -> &'static str {
    match example {
        Example::Blog => "the blog's four orders",
        Example::BugStory => "the bug story",
        Example::Generated => "10,000 generated events",
        Example::OldLog => "an old log",
    }
}

/// The question asked before the example replaces a non-empty log.
pub fn question(example: Example) -> String {
    let what = match example {
        Example::Blog => "the blog example",
        other => name(other),
    };
    format!("Replace the current log with {what}?")
}

/// The question asked before a lesson step's example replaces the learner's own log.
pub fn lesson_question(example: Example) -> String {
    let it = match example {
        Example::Blog | Example::Generated => "them",
        Example::BugStory | Example::OldLog => "it",
    };
    format!(
        "This lesson step is about {}. Load {it} in place of your log?",
        name(example)
    )
}

/// The status line after loading.
pub fn loaded_message(example: Example, events: usize) -> String {
    match example {
        Example::Blog => "Loaded the blog example: 4 orders.".into(),
        Example::BugStory => "Loaded the bug story: order 2 says PaymentProblem, but it was paid. Its history and the story below show why.".into(),
        Example::Generated => format!("Loaded {} generated events.", format::group_thousands(events)),
        Example::OldLog => "Loaded an old log: its first events were written by an older release in schema version 1 (amounts as text). They are stored as written and upcast as they are read: look for the marker in the log.".into(),
    }
}
