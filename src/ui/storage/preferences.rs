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
        // Plain attributes on the document's own root element: this cannot fail.
        if on {
            root.set_attribute("data-presenter", "true")
        } else {
            root.remove_attribute("data-presenter")
        }
        .ok();
    }
    // A preference: if the browser will not keep it, the page simply opens without presenter
    // mode next time; nothing of the learner's is lost.
    LocalStorage::set(PRESENTER_KEY, on).ok();
}

/// Tells end-to-end tests (and anyone curious) that the app mounted and loaded its log, and
/// leaves an "app-ready" performance mark from which the benchmark reads the start-up time.
pub fn mark_ready() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Markers for tests and the benchmark, invisible to the learner.
    if let Some(performance) = window.performance() {
        performance.mark("app-ready").ok();
    }
    if let Some(body) = window.document().and_then(|d| d.body()) {
        body.set_attribute("data-app-ready", "true").ok();
    }
}
