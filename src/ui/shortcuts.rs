//! Single-key shortcuts for the actions. Ignored while the learner types in a field, while a
//! dialog is open, and when a modifier (Ctrl, Alt, Meta) is held, so browser keys keep working.

use super::state::Action;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The action for a key, as listed in `shortcuts_help::SHORTCUTS`.
pub fn action_for(key: &str) -> Option<Action> {
    Some(match key {
        "n" => Action::Place,
        "p" => Action::Pay,
        "s" => Action::Ship,
        "d" => Action::Deliver,
        "c" => Action::Cancel,
        "j" => Action::SelectNext,
        "k" => Action::SelectPrevious,
        "f" => Action::TogglePresenter,
        "?" => Action::SetHelp(true),
        _ => return None,
    })
}

/// Whether a key press aimed at `target` is someone typing (or choosing) rather than a shortcut.
fn is_typing(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable()
}

fn dialog_open() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("dialog[open]").ok().flatten())
        .is_some()
}

/// Listens for shortcuts on the whole document while the app is mounted.
#[hook]
pub fn use_shortcuts(on_action: Callback<Action>) {
    use_effect_with(on_action, |on_action| {
        let on_action = on_action.clone();
        let document = web_sys::window().and_then(|w| w.document());
        let listener = document.map(|document| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(key_event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if key_event.ctrl_key()
                    || key_event.alt_key()
                    || key_event.meta_key()
                    || key_event.default_prevented()
                    || is_typing(key_event.target())
                    || dialog_open()
                {
                    return;
                }
                if let Some(action) = action_for(&key_event.key()) {
                    key_event.prevent_default();
                    on_action.emit(action);
                }
            })
        });
        move || drop(listener)
    });
}
