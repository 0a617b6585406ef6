//! An in-memory [`KeyValue`], shared between clones like `localStorage` is shared between tabs.
//!
//! Clone it to get a "second tab" over the same data. It can also simulate a quota (counted as
//! the browser does, in UTF-16 bytes of key plus value), a one-off write failure, another tab
//! writing in the middle of this tab's write, and a tab closed half-way through saving; and it
//! records every key written or removed, so tests can check that an append touches O(1) keys.

use super::kv::{KeyValue, KvError};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Debug, Default)]
struct Shared {
    map: BTreeMap<String, String>,
    quota_bytes: Option<usize>,
    fail_next_write_to: Option<String>,
    touched: Vec<String>,
    epochs: u64,
    /// Runs once, just before the next write: another tab acting at the worst moment.
    before_next_write: Option<Interruption>,
    /// Runs once, just before the nth read (from 1) of a key from now: another tab acting
    /// between two steps of this tab.
    before_read: Option<(String, usize, Interruption)>,
    /// Writes still carried out before the tab "crashes"; later writes are silently lost.
    writes_until_crash: Option<usize>,
}

/// Something another tab does in the middle of this tab's write.
struct Interruption(Box<dyn FnOnce()>);

impl std::fmt::Debug for Interruption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Interruption")
    }
}

/// A map of strings behind a shared handle. `MemoryKv::default()` starts empty, without quota.
#[derive(Debug, Clone, Default)]
pub struct MemoryKv(Rc<RefCell<Shared>>);

/// Bytes a key/value pair occupies, as Chromium counts localStorage (UTF-16 code units * 2).
pub fn entry_bytes(key: &str, value: &str) -> usize {
    (key.encode_utf16().count() + value.encode_utf16().count()) * 2
}

impl MemoryKv {
    /// Limits the total size of all entries; a write that would exceed it fails with
    /// `QuotaExceeded` and changes nothing.
    pub fn set_quota_bytes(&self, quota: Option<usize>) {
        self.0.borrow_mut().quota_bytes = quota;
    }

    /// Makes the next write to `key` fail (once) with `QuotaExceeded`, whatever its size.
    pub fn fail_next_write_to(&self, key: &str) {
        self.0.borrow_mut().fail_next_write_to = Some(key.to_string());
    }

    /// Runs `interruption` once, just before the next write reaches the map: what another tab
    /// does between this tab's reading and its writing when no lock keeps them apart.
    pub fn before_next_write(&self, interruption: impl FnOnce() + 'static) {
        self.0.borrow_mut().before_next_write = Some(Interruption(Box::new(interruption)));
    }

    /// Runs `interruption` once, just before the `nth` read (counting from 1) of `key` from now.
    pub fn before_read(&self, key: &str, nth: usize, interruption: impl FnOnce() + 'static) {
        self.0.borrow_mut().before_read =
            Some((key.to_string(), nth, Interruption(Box::new(interruption))));
    }

    /// The tab "crashes" after `writes` more writes: every later write and removal is lost
    /// without an error, as when a tab is closed in the middle of saving. See [`Self::restart`].
    pub fn crash_after_writes(&self, writes: usize) {
        self.0.borrow_mut().writes_until_crash = Some(writes);
    }

    /// A new tab after the crash: writes reach storage again.
    pub fn restart(&self) {
        self.0.borrow_mut().writes_until_crash = None;
    }

    fn crashed(&self) -> bool {
        self.0.borrow().writes_until_crash == Some(0)
    }

    /// Total bytes stored, all keys.
    pub fn used_bytes(&self) -> usize {
        let shared = self.0.borrow();
        shared.map.iter().map(|(k, v)| entry_bytes(k, v)).sum()
    }

    /// Keys written or removed since the last call, in order (a key may appear twice).
    pub fn take_touched(&self) -> Vec<String> {
        std::mem::take(&mut self.0.borrow_mut().touched)
    }

    /// A copy of every entry, for before/after comparisons in tests.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.0.borrow().map.clone()
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        let due = {
            let mut shared = self.0.borrow_mut();
            match shared.before_read.as_mut() {
                Some((watched, nth, _)) if watched == key => {
                    *nth -= 1;
                    *nth == 0
                }
                _ => false,
            }
        };
        if due {
            let taken = self.0.borrow_mut().before_read.take();
            if let Some((_, _, Interruption(run))) = taken {
                run();
            }
        }
        self.0.borrow().map.get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        // Taken out first: the interruption writes through another clone of this map.
        let interruption = self.0.borrow_mut().before_next_write.take();
        if let Some(Interruption(run)) = interruption {
            run();
        }
        if self.crashed() {
            return Ok(());
        }
        let mut shared = self.0.borrow_mut();
        if let Some(left) = shared.writes_until_crash.as_mut() {
            *left -= 1;
        }
        if shared.fail_next_write_to.as_deref() == Some(key) {
            shared.fail_next_write_to = None;
            return Err(KvError::QuotaExceeded);
        }
        if let Some(quota) = shared.quota_bytes {
            let old = shared.map.get(key).map_or(0, |v| entry_bytes(key, v));
            let used: usize = shared.map.iter().map(|(k, v)| entry_bytes(k, v)).sum();
            if used - old + entry_bytes(key, value) > quota {
                return Err(KvError::QuotaExceeded);
            }
        }
        shared.map.insert(key.to_string(), value.to_string());
        shared.touched.push(key.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        if self.crashed() {
            return;
        }
        let mut shared = self.0.borrow_mut();
        if shared.map.remove(key).is_some() {
            shared.touched.push(key.to_string());
        }
    }

    fn keys(&self) -> Vec<String> {
        self.0.borrow().map.keys().cloned().collect()
    }

    fn new_epoch(&self) -> String {
        let mut shared = self.0.borrow_mut();
        shared.epochs += 1;
        format!("m{}", shared.epochs)
    }
}
