//! Small pieces every feature uses: dialogs, the JSON view, formatting, DOM helpers, timing.

pub(crate) mod badge;
pub(crate) mod confirm_dialog;
pub(crate) mod dom;
pub(crate) mod format;
pub(crate) mod json_view;
pub(crate) mod modal;
pub(crate) mod timing;
