//! The question the confirm dialog asks before something replaces or deletes the log.

use super::state::{AppState, Pending};
use crate::ui::controls::example_text;
use crate::ui::share::inbox::ShareInbox;

/// The dialog's text: question, detail and the label of the button that says yes.
pub struct Question {
    pub question: String,
    pub detail: &'static str,
    pub confirm_label: &'static str,
}

/// What to ask about `state`'s pending change, over a log of `own_events` events.
pub fn question(state: &AppState, own_events: usize) -> Option<Question> {
    let ask = |question: String, detail, confirm_label| Question {
        question,
        detail,
        confirm_label,
    };
    Some(match state.pending.as_ref()? {
        Pending::Reset => ask(
            "Delete every order and every event?".into(),
            "Both databases will be emptied. This cannot be undone.",
            "Yes, delete everything",
        ),
        Pending::Load(example) => ask(
            example_text::question(*example),
            "The events in the log now will be deleted and the example loaded in their place.",
            "Replace the log",
        ),
        Pending::Import(_) => ask(
            "Replace the current log with the imported file?".into(),
            "The file was checked against the rules. The events in the log now will be deleted.",
            "Replace the log",
        ),
        Pending::LessonLoad(example) => ask(
            example_text::lesson_question(*example),
            "The events in your log now will be deleted and the example loaded in their place (Export JSON first to keep them). Say no to keep your log: the step then says what it would show.",
            "Replace the log",
        ),
        Pending::Shared => {
            let (detail, label) = ShareInbox::detail(own_events);
            ask(state.share.question(own_events), detail, label)
        }
    })
}

/// The confirm dialog, asking `question` about the pending change (hidden when none).
pub fn confirm_dialog(page: &super::wire::Page, on_answer: &yew::Callback<bool>) -> yew::Html {
    use yew::prelude::*;
    let state = page.state;
    let own_events = state.log.read().events().len();
    let (question, detail, confirm_label) = match question(state, own_events) {
        Some(q) => (Some(AttrValue::from(q.question)), q.detail, q.confirm_label),
        None => (None, "", ""),
    };
    html! {
        <crate::ui::widgets::confirm_dialog::ConfirmDialog {question} {detail} {confirm_label}
            on_answer={on_answer.clone()} />
    }
}
