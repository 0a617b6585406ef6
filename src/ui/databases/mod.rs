//! The two databases side by side: the traditional table and the event log, their rows, filters and pagers.

pub(crate) mod event_log;
pub(crate) mod last_change;
pub(crate) mod log_filters;
pub(crate) mod log_row;
pub(crate) mod log_view;
pub(crate) mod pager;
pub(crate) mod section;
pub(crate) mod table_view;
pub(crate) mod traditional_table;
