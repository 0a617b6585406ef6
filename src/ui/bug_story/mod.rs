//! The bug nobody could reproduce, and how the log explains it.

pub(crate) mod on_page;
#[cfg(test)]
mod page_tests;
pub(crate) mod panel;
pub(crate) mod section;
pub(crate) mod view;
