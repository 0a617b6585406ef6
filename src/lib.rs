//! event-sourcing-demo: a mutable `orders` table beside an append-only `order_events` log.
//!
//! - [`domain`]: the pure order domain (commands, events, decide/evolve, projections, replay, SQL).
//! - [`store`]: where events live (an `EventStore` trait, in memory and in localStorage).
//! - [`ui`]: the Yew components and the app's single reducer.

pub mod app;
pub mod domain;
pub mod store;
pub mod ui;
