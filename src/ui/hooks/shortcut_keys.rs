//! Whether a key press is meant as a shortcut, one rule for the page's shortcuts (shortcuts.rs), so
//! the lesson's arrows and the timeline's `[` `]` never fire while someone types or chooses in
//! a field, while a dialog is open, or with Ctrl, Alt or Meta held.

use gloo_events::{EventListener, EventListenerOptions};

/// One key of a feature's key table: the key as `KeyboardEvent.key` names it, as the help shows
/// it, what it does and what the help says. Each feature keeps one table, read both by its key
/// handler and by the help dialog, so the two cannot disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key<A: 'static> {
    pub key: &'static str,
    pub shown: &'static str,
    pub action: A,
    pub help: &'static str,
}

/// The action `key` stands for in `table`.
fn lookup<A: Copy>(table: &[Key<A>], key: &str) -> Option<A> {
    table.iter().find(|k| k.key == key).map(|k| k.action)
}

/// A table's keys as the help lists them: (shown, help).
pub fn help_of<A>(table: &[Key<A>]) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    table.iter().map(|k| (k.shown, k.help))
}
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub fn is_shortcut(event: &web_sys::KeyboardEvent) -> bool {
    !(event.ctrl_key()
        || event.alt_key()
        || event.meta_key()
        || event.default_prevented()
        || is_typing(event.target())
        || dialog_open())
}

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

/// Listens for key presses on the whole document while `active`: a key of `table` becomes its
/// action, unless `is_shortcut` says the learner is typing, a dialog is open or a
/// modifier is held. One hook for the page's shortcuts, the lesson's arrows and the timeline.
#[hook]
pub fn use_shortcut_keys<A: Copy + 'static>(
    active: bool,
    table: &'static [Key<A>],
    on_action: Callback<A>,
) {
    use_effect_with((active, on_action), move |(active, on_action)| {
        let on_action = on_action.clone();
        let listener = active
            .then(|| web_sys::window().and_then(|w| w.document()))
            .flatten()
            .map(|document| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&document, "keydown", options, move |event| {
                    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let Some(action) = lookup(table, &key.key()) else {
                        return;
                    };
                    if is_shortcut(key) {
                        key.prevent_default();
                        on_action.emit(action);
                    }
                })
            });
        move || drop(listener)
    });
}
