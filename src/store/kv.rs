//! The little the store needs from a storage: strings under string keys. Two backends implement
//! it: [`super::MemoryKv`] (native tests, and a stand-in for a second tab) and
//! [`super::LocalStorageKv`] (the browser). The log logic is written once, over this trait, so
//! the native tests exercise exactly the code the browser runs.

use std::fmt;

/// Why a write was refused. A single refused write leaves the key as it was; a refused commit
/// says so in `Other` when it could not put everything back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KvError {
    /// The origin's storage quota is full (a DOMException named `QuotaExceededError`).
    QuotaExceeded,
    /// Anything else, with the browser's words (for example storage disabled by privacy settings).
    Other(String),
}

impl fmt::Display for KvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::QuotaExceeded => f.write_str("the storage quota is full"),
            Self::Other(why) => f.write_str(why),
        }
    }
}

/// A synchronous string store shared by every tab of the origin, like `localStorage`.
pub trait KeyValue {
    /// The value under `key`, verbatim.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`, or leaves the key unchanged and says why not.
    fn set(&self, key: &str, value: &str) -> Result<(), KvError>;
    /// Removes `key` (never fails; removing a missing key does nothing).
    fn remove(&self, key: &str);
    /// Every key currently stored, ours and others'.
    fn keys(&self) -> Vec<String>;
    /// A fresh log generation id, unique across tabs: `[a-z0-9]`, at most 32 characters.
    fn new_epoch(&self) -> String;
}
