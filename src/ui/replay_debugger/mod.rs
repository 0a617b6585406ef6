//! The replay debugger: one order's events step by step, and what-if without some of them.

pub(crate) mod panel;
pub(crate) mod section;
pub(crate) mod state;
pub(crate) mod what_if_text;
