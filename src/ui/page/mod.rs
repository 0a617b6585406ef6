//! The page: its layout and wiring, the reducer that owns the UI state, and the one place that runs commands through the application layer.

pub(crate) mod app;
pub(crate) mod handlers;
pub(crate) mod state;
pub(crate) mod state_log;
pub(crate) mod views;
