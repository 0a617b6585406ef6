//! The timeline: every order as of any event, while the traditional table only knows now.

pub(crate) mod columns;
#[cfg(test)]
mod page_tests;
pub(crate) mod panel;
pub(crate) mod section;
pub(crate) mod state;
pub(crate) mod use_time_view;
pub(crate) mod view;
