//! What the page derives from the log about the selected order: its derived state, its history, the SQL each side ran.

pub(crate) mod derived_state;
pub(crate) mod order_history;
pub(crate) mod section;
pub(crate) mod sql_panel;
