//! The Yew user interface, in feature folders: function components (one per file) that take
//! typed values and callbacks, and one reducer (`page/state.rs`) that owns the UI state.

pub(crate) mod bug_story;
pub(crate) mod challenges;
pub(crate) mod clerks;
pub(crate) mod controls;
pub(crate) mod databases;
pub(crate) mod hooks;
pub(crate) mod insights;
pub(crate) mod lesson;
pub(crate) mod page;
pub(crate) mod questions;
pub(crate) mod replay_debugger;
pub(crate) mod share;
pub(crate) mod shell;
pub(crate) mod storage;
pub(crate) mod time_travel;
pub(crate) mod widgets;

pub use page::app::App;
