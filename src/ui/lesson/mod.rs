//! The guided lesson: the blog's story step by step, each step setting up the page it describes.

pub(crate) mod bar;
pub(crate) mod loader;
#[cfg(test)]
mod page_tests;
pub(crate) mod section;
pub(crate) mod setup;
pub(crate) mod state;
pub(crate) mod steps;
