//! Hooks shared by features: a value one painted frame late, and key presses as shortcuts.

pub(crate) mod after_paint;
pub(crate) mod shortcut_keys;
