//! The page's edge: the one place in the UI that changes the databases. An intent is planned
//! (`intents.rs`); its write runs inside the cross-tab write lock, with the clock read there, in
//! the order clicks were made; the outcome goes to the reducer. Nothing is ever dropped: a click
//! made while another write waits simply queues behind it, and a write that waits longer than a
//! glance shows the page busy until it is done.

use super::intents::{perform, plan, Intent, Write};
use super::outcomes::Outcome;
use super::state::{Action, AppState};
use crate::app::SharedDatabases;
use gloo_timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// The callback for every intent of the page. It stays the same callback from render to render
/// (so components given it do not re-render for nothing) and plans each intent on the page as
/// last rendered: what the learner saw when they clicked.
#[hook]
pub fn use_writer(state: UseReducerHandle<AppState>, db: SharedDatabases) -> Callback<Intent> {
    let dispatcher = state.dispatcher();
    let shown = use_mut_ref(|| state.clone());
    *shown.borrow_mut() = state;
    use_callback(db, move |intent: Intent, db| {
        let planned = plan(intent, &shown.borrow(), &db.0.borrow());
        for action in planned.now {
            dispatcher.dispatch(action);
        }
        if let Some(write) = planned.write {
            run(write, db.clone(), dispatcher.clone());
        }
    })
}

/// How long a write may wait for the lock before the page shows it is busy. Most take a
/// millisecond or two: showing busy for those would cost a render per click and a flicker.
const BUSY_AFTER_MS: u32 = 120;

fn run(write: Write, db: SharedDatabases, dispatcher: UseReducerDispatcher<AppState>) {
    if !write.writes() {
        let outcome = perform(write, &mut db.0.borrow_mut(), chrono::Utc::now());
        return dispatcher.dispatch(Action::Outcome(outcome));
    }
    let shown_busy = Rc::new(Cell::new(false));
    let busy = {
        let (shown_busy, dispatcher) = (Rc::clone(&shown_busy), dispatcher.clone());
        Timeout::new(BUSY_AFTER_MS, move || {
            shown_busy.set(true);
            dispatcher.dispatch(Action::Outcome(Outcome::WriteQueued));
        })
    };
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = locked(move || {
            // The time is read inside the critical section, so the log's timestamps never go
            // back: each write is stamped after every write before it.
            perform(write, &mut db.0.borrow_mut(), chrono::Utc::now())
        })
        .await;
        busy.cancel();
        dispatcher.dispatch(Action::Outcome(
            outcome.unwrap_or_else(|why| Outcome::NotRun(why.to_string())),
        ));
        if shown_busy.get() {
            dispatcher.dispatch(Action::Outcome(Outcome::WriteFinished));
        }
    });
}

#[cfg(target_arch = "wasm32")]
async fn locked<T: 'static>(
    critical: impl FnOnce() -> T + 'static,
) -> Result<T, crate::store::write_lock::NotCaughtUp> {
    crate::store::write_lock::with_write_lock(critical).await
}

/// Native builds (tests, clippy) have no browser and no other tabs.
#[cfg(not(target_arch = "wasm32"))]
async fn locked<T: 'static>(critical: impl FnOnce() -> T + 'static) -> Result<T, String> {
    Ok(critical())
}
