//! The bug nobody could reproduce, and how the log explains it.

pub(crate) mod panel;
pub(crate) mod view;
