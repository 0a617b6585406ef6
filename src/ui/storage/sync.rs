//! Two tabs, one log: when another tab writes our keys, the browser fires `storage` here.

use crate::store::keys;
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Calls `on_change` whenever another tab changes one of the app's storage keys.
#[hook]
pub fn use_storage_sync(on_change: Callback<()>) {
    use_effect_with(on_change, |on_change| {
        let on_change = on_change.clone();
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let key = event
                    .dyn_ref::<web_sys::StorageEvent>()
                    .and_then(web_sys::StorageEvent::key);
                // No key means another tab cleared all storage.
                if key.as_deref().is_none_or(keys::is_ours) {
                    on_change.emit(());
                }
            })
        });
        move || drop(listener)
    });
}
