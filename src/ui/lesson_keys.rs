//! Whether a key press is meant as a shortcut, one rule for the page's shortcuts (shortcuts.rs), so
//! the lesson's arrows and the timeline's `[` `]` never fire while someone types or chooses in
//! a field, while a dialog is open, or with Ctrl, Alt or Meta held.

use wasm_bindgen::JsCast;

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
