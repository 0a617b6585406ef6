//! Two clerks, one order: the lost update, taught step by step on copies of one order.

#[cfg(test)]
mod page_tests;
pub(crate) mod panel;
pub(crate) mod section;
pub(crate) mod state;
