//! The Yew user interface: function components, one per file, and one reducer (`state.rs`).

mod action_bar;
mod app;
mod confirm_dialog;
mod derived_state;
mod dom;
mod event_log;
mod examples;
mod examples_bar;
mod format;
mod handlers;
mod header;
mod json_view;
mod live;
mod log_filters;
mod modal;
mod order_form;
mod order_history;
mod page_store;
mod pager;
mod preferences;
mod recovery_banner;
mod reset_button;
mod service_worker;
mod shortcuts;
mod shortcuts_help;
mod sql_panel;
pub mod state;
mod state_log;
mod storage_panel;
mod storage_sync;
mod timing;
mod traditional_table;
mod update_banner;
mod views;

pub use app::App;
