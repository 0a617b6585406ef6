//! The Yew user interface: function components, one per file, and one reducer.

mod app;
pub use app::App;
