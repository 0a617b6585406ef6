//! Share links: a scenario carried in the address, offered to whoever opens it.

pub(crate) mod inbox;
pub(crate) mod link;
#[cfg(test)]
mod page_tests;
pub(crate) mod panel;
pub(crate) mod section;
