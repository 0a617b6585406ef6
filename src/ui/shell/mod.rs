//! Around the page: the header, the update banner and service worker, keyboard shortcuts and their help.

pub(crate) mod header;
pub(crate) mod section;
pub(crate) mod service_worker;
pub(crate) mod shortcuts;
pub(crate) mod shortcuts_help;
pub(crate) mod update_banner;
