//! [`KeyValue`] over the browser's `localStorage`, through gloo-storage's handle.
//!
//! Values are stored verbatim (gloo's `set` would JSON-encode them a second time), so we use
//! `LocalStorage::raw()` and map errors ourselves: a `DOMException` named `QuotaExceededError`
//! (Chromium, Safari) or `NS_ERROR_DOM_QUOTA_REACHED` (old Firefox) becomes
//! [`KvError::QuotaExceeded`]. Per the Web Storage spec a refused `setItem` leaves the old value.

use super::kv::{KeyValue, KvError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// One handle for the page's lifetime: gloo looks `window.localStorage` up on every call
    /// (several calls into JS), and start-up reads thousands of keys.
    static STORAGE: web_sys::Storage = LocalStorage::raw();
}

fn storage<R>(f: impl FnOnce(&web_sys::Storage) -> R) -> R {
    STORAGE.with(f)
}

/// The browser's `localStorage`. Every instance (and every tab) sees the same data.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStorageKv;

impl LocalStorageKv {
    /// Whether `localStorage` can be used at all (it throws in some privacy modes).
    pub fn available() -> bool {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .is_some()
    }
}

/// Maps an exception thrown by `setItem` to a [`KvError`].
pub fn kv_error_from_js(error: &JsValue) -> KvError {
    let (name, message) = match error.dyn_ref::<js_sys::Error>() {
        Some(e) => (String::from(e.name()), String::from(e.message())),
        None => match error.dyn_ref::<web_sys::DomException>() {
            Some(e) => (e.name(), e.message()),
            None => (String::new(), format!("{error:?}")),
        },
    };
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => KvError::QuotaExceeded,
        _ => KvError::Other(format!("{name}: {message}")),
    }
}

impl KeyValue for LocalStorageKv {
    fn get(&self, key: &str) -> Option<String> {
        storage(|s| s.get_item(key).ok().flatten())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        storage(|s| s.set_item(key, value)).map_err(|e| kv_error_from_js(&e))
    }

    fn remove(&self, key: &str) {
        // The Web Storage spec gives removeItem no failure; a browser that throws anyway
        // leaves the key, which the next read or start-up reports like any unexpected key.
        storage(|s| s.remove_item(key)).ok();
    }

    fn keys(&self) -> Vec<String> {
        storage(|s| {
            let length = s.length().unwrap_or(0);
            (0..length)
                .filter_map(|i| s.key(i).ok().flatten())
                .collect()
        })
    }

    fn new_epoch(&self) -> String {
        // Milliseconds plus 32 random bits: two tabs replacing the log in the same millisecond
        // still get different segment keys.
        let millis = js_sys::Date::now() as u64;
        let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
        format!("{}{}", base36(millis), base36(random))
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
