//! Challenges a class can do: tasks whose answers only the log holds, checked by the app
//! against the log on the page, shareable with a scenario link.

pub(crate) mod on_page;
#[cfg(test)]
mod page_tests;
pub(crate) mod panel;
pub(crate) mod section;
pub(crate) mod state;
pub(crate) mod use_view;
pub(crate) mod view;
