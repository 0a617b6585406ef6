//! A value that reaches the page one painted frame late.
//!
//! The panels below the two databases follow the app state through it. A click's own frame
//! then only pays for what the learner is looking at (the action bar, both tables and the log),
//! and the panels catch up in the task right after that frame is painted: the same idea as
//! React's `useDeferredValue`. Each panel stays consistent with itself meanwhile: it re-renders
//! only when its deferred props move, and then reads the live databases.

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// `value` as of the last painted frame: equal to it on the first render, then following each
/// change right after the next frame is painted.
#[hook]
pub fn use_after_paint<T>(value: T) -> T
where
    T: Clone + PartialEq + 'static,
{
    let shown = use_state_eq(|| value.clone());
    let set = shown.setter();
    use_effect_with(value, move |value| {
        let value = value.clone();
        // Several changes before one frame are applied in order, so the last one wins.
        after_next_paint(move || set.set(value));
    });
    (*shown).clone()
}

/// Runs `f` in a task of its own right after the next frame is painted: an animation-frame
/// callback runs just before painting, and the timeout it starts runs after. A hidden tab
/// paints nothing and runs no animation frames, so there `f` simply runs in the next task.
fn after_next_paint(f: impl FnOnce() + 'static) {
    let later = move || {
        Timeout::new(0, f).forget();
    };
    let Some(window) = web_sys::window() else {
        return later();
    };
    if window.document().is_none_or(|d| d.hidden()) {
        return later();
    }
    let run = std::rc::Rc::new(std::cell::Cell::new(Some(later)));
    let in_frame = std::rc::Rc::clone(&run);
    let callback = Closure::once_into_js(move || {
        if let Some(later) = in_frame.take() {
            later();
        }
    });
    // A browser without a rendering loop refuses: then the panels follow in the next task.
    if window
        .request_animation_frame(callback.unchecked_ref())
        .is_err()
    {
        if let Some(later) = run.take() {
            later();
        }
    }
}
