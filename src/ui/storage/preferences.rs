//! Page-level settings outside the reducer: the presenter preference (remembered in
//! localStorage under a namespaced key) and the "app is ready" marker for tests.

use gloo_storage::{LocalStorage, Storage};

// Outside the store's `event-sourcing-demo/v1/` namespace: the store reports unknown keys there.
const PRESENTER_KEY: &str = "event-sourcing-demo/prefs/presenter";

/// Whether presenter mode was on last time.
pub fn presenter() -> bool {
    LocalStorage::get(PRESENTER_KEY).unwrap_or(false)
}

/// Turns presenter mode on or off for the whole page (it scales the root font size).
pub fn set_presenter(on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = if on {
            root.set_attribute("data-presenter", "true")
        } else {
            root.remove_attribute("data-presenter")
        };
    }
    let _ = LocalStorage::set(PRESENTER_KEY, on);
}

/// Tells end-to-end tests (and anyone curious) that the app mounted and loaded its log, and
/// leaves an "app-ready" performance mark from which the benchmark reads the start-up time.
pub fn mark_ready() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(performance) = window.performance() {
        let _ = performance.mark("app-ready");
    }
    if let Some(body) = window.document().and_then(|d| d.body()) {
        let _ = body.set_attribute("data-app-ready", "true");
    }
}
