//! The storage meter: how much of localStorage the app's data uses.
//!
//! Sizes are counted as Chromium counts its localStorage quota: UTF-16 code units of key plus
//! value, two bytes each. `navigator.storage.estimate()` is offered as well, but note that it
//! reports the origin's *other* storage (IndexedDB, caches): Chromium's localStorage has its own
//! fixed limit per origin, [`LOCAL_STORAGE_LIMIT_BYTES`], shared with every other app served
//! from the same origin (all GitHub Pages project sites of one user share one origin).

use super::keys::{self, KeyKind};
use super::kv::KeyValue;
use super::memory_kv::entry_bytes;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Chromium's localStorage limit per origin: 10 MiB counted in UTF-16 bytes (about 5 million
/// characters). Measured in headless Chromium by `tests/browser_store.rs` (`quota_is_measured`).
pub const LOCAL_STORAGE_LIMIT_BYTES: u64 = 10 * 1024 * 1024;

/// Bytes used, by kind of key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// The event log: head and segments (all generations).
    pub log_bytes: u64,
    /// The traditional table's rows.
    pub table_bytes: u64,
    /// Backups of damaged data.
    pub backup_bytes: u64,
    /// Unknown keys under our prefix.
    pub unknown_bytes: u64,
    /// Keys of other apps on the same origin: they share the limit.
    pub foreign_bytes: u64,
}

impl Usage {
    /// Everything under our prefix.
    pub fn ours(&self) -> u64 {
        self.log_bytes + self.table_bytes + self.backup_bytes + self.unknown_bytes
    }

    /// Share of the localStorage limit in use by everybody on this origin, in per mille
    /// (0..=1000), for a `<meter>` without floating point.
    pub fn per_mille_of_limit(&self) -> u64 {
        ((self.ours() + self.foreign_bytes) * 1000 / LOCAL_STORAGE_LIMIT_BYTES).min(1000)
    }
}

/// Measures every key in `kv`.
pub fn usage(kv: &dyn KeyValue) -> Usage {
    let mut usage = Usage::default();
    for key in kv.keys() {
        let bytes = kv.get(&key).map_or(0, |value| entry_bytes(&key, &value)) as u64;
        let slot = match keys::classify(&key) {
            None => &mut usage.foreign_bytes,
            Some(KeyKind::Head | KeyKind::Segment { .. }) => &mut usage.log_bytes,
            Some(KeyKind::OrderRow(_)) => &mut usage.table_bytes,
            Some(KeyKind::Backup) => &mut usage.backup_bytes,
            Some(KeyKind::Unknown) => &mut usage.unknown_bytes,
        };
        *slot += bytes;
    }
    usage
}

/// `navigator.storage.estimate()`: the origin's quota for its other storage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OriginEstimate {
    pub usage_bytes: f64,
    pub quota_bytes: f64,
}

/// Asks the browser for its storage estimate; `None` where the API is missing or refuses.
pub async fn estimate_origin_quota() -> Option<OriginEstimate> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.estimate().ok()?;
    let estimate = JsFuture::from(promise).await.ok()?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some(OriginEstimate {
        usage_bytes: number("usage")?,
        quota_bytes: number("quota")?,
    })
}
