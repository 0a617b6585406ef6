//! Single-key shortcuts for the actions. Ignored while the learner types in a field, while a
//! dialog is open, and when a modifier (Ctrl, Alt, Meta) is held, so browser keys keep working.

use super::lesson_keys::is_shortcut;
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
                if !is_shortcut(key_event) {
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
