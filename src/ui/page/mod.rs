//! The page: its layout and wiring, the reducer that owns the UI state, and the writer, the one
//! place in the UI that runs changes through the application layer.

pub(crate) mod app;
pub(crate) mod below;
pub(crate) mod confirm;

pub(crate) mod intents;
pub(crate) mod open;
pub(crate) mod outcomes;
#[cfg(test)]
mod page_tests;
pub(crate) mod reads;
pub(crate) mod selection;
pub(crate) mod shown;
pub(crate) mod state;
#[cfg(test)]
pub(crate) mod test_page;
pub(crate) mod use_writer;
pub(crate) mod wire;
