//! What a feature's section needs from the page: the `Wire` to send what the learner does (to
//! the one reducer, or as an intent to the writer), and the `Page` it shows (the UI state and
//! what the page derived from the databases). Each feature folder builds its own callbacks from
//! the wire (`section.rs`) and lays out its own part of the page.

use super::below::Below;
use super::intents::Intent;
use super::reads::Reads;
use super::shown::Shown;
use super::state::{Action, AppState};
use yew::prelude::*;

/// Where a click goes: UI actions to the reducer, intents that may write to the writer. Both
/// handles stay the same from render to render, so callbacks built from them do too.
#[derive(Clone, PartialEq)]
pub struct Wire {
    pub dispatcher: UseReducerDispatcher<AppState>,
    pub writer: Callback<Intent>,
}

/// A callback that dispatches the action `make` builds from its input.
#[hook]
pub fn use_dispatch<IN: 'static>(wire: &Wire, make: fn(IN) -> Action) -> Callback<IN> {
    use_callback(wire.dispatcher.clone(), move |input, dispatcher| {
        dispatcher.dispatch(make(input))
    })
}

/// A callback that sends the intent `make` builds from its input to the writer.
#[hook]
pub fn use_intent<IN: 'static>(wire: &Wire, make: fn(IN) -> Intent) -> Callback<IN> {
    use_callback(wire.writer.clone(), move |input, writer| {
        writer.emit(make(input))
    })
}

/// The page as a section shows it.
pub struct Page<'a> {
    pub state: &'a AppState,
    /// One page of each table and the Order select's options.
    pub shown: &'a Shown,
    /// What the panels below the databases show (one painted frame late).
    pub below: &'a Below,
    /// Callbacks that read the databases when asked (scripts, downloads, links, the meter).
    pub reads: &'a Reads,
}
