//! Share links: a scenario carried in the address, offered to whoever opens it.

pub(crate) mod inbox;
pub(crate) mod panel;
