//! The timeline: every order as of any event, while the traditional table only knows now.

pub(crate) mod columns;
pub(crate) mod panel;
pub(crate) mod state;
pub(crate) mod view;
