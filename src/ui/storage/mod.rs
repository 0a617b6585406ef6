//! Storage as the learner sees it: the storage panel, other tabs, the recovery banner, preferences.

pub(crate) mod panel;
pub(crate) mod preferences;
pub(crate) mod recovery_banner;
pub(crate) mod section;
pub(crate) mod sync;
