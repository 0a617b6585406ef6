//! Two clerks, one order: the lost update, taught step by step on copies of one order.

pub(crate) mod on_page;
#[cfg(test)]
mod page_tests;
pub(crate) mod panel;
pub(crate) mod section;
pub(crate) mod state;
