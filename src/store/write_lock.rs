//! The cross-tab write lock. localStorage has no transactions: two tabs that read, change and
//! write back the same keys can lose one tab's write. Every write of the page (a command, an
//! example, an import, a reset, a recovery decision) therefore runs inside one exclusive Web
//! Lock named for the storage namespace, so tabs take turns: catch up, decide, write, release.
//! Requests queue in order, so a second click waits its turn and is never dropped.
//!
//! Web Locks are in every current engine (Chromium 69, Firefox 96, Safari 15.4). Where they are
//! missing, writes run unlocked, as before, and [`available`] lets the page say so.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The lock's name: the storage namespace, so another app (or another format version) on the
/// same origin is never held up.
pub const WRITE_LOCK: &str = "event-sourcing-demo/v1/write";

/// Whether this browser can keep tabs' writes apart (`navigator.locks` exists).
pub fn available() -> bool {
    lock_manager().is_some()
}

fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

/// Runs `critical` while this tab holds the exclusive write lock, after every earlier request
/// (this tab's and other tabs') has released it, and returns what it returned. `critical` is
/// synchronous: localStorage is, so the whole critical section is one task and the lock is
/// released as soon as it returns. Without Web Locks, or if the browser refuses the request,
/// `critical` simply runs.
pub async fn with_write_lock<T: 'static>(critical: impl FnOnce() -> T + 'static) -> T {
    let pending = Rc::new(RefCell::new(Some(critical)));
    let result = Rc::new(RefCell::new(None));
    if let Some(promise) = request(&pending, &result) {
        // A rejected request (an opaque origin, say) falls through to running unlocked below,
        // unless the critical section already ran.
        let _settled = JsFuture::from(promise).await;
    }
    if let Some(value) = result.borrow_mut().take() {
        return value;
    }
    let critical = pending
        .borrow_mut()
        .take()
        .expect("the critical section runs exactly once");
    critical()
}

/// Asks for the lock; the callback runs the critical section and stores its result.
fn request<T: 'static, F: FnOnce() -> T + 'static>(
    pending: &Rc<RefCell<Option<F>>>,
    result: &Rc<RefCell<Option<T>>>,
) -> Option<js_sys::Promise> {
    let locks = lock_manager()?;
    let method: js_sys::Function = js_sys::Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()?
        .dyn_into()
        .ok()?;
    let (pending, result) = (Rc::clone(pending), Rc::clone(result));
    let callback = Closure::once_into_js(move |_lock: JsValue| {
        if let Some(critical) = pending.borrow_mut().take() {
            *result.borrow_mut() = Some(critical());
        }
    });
    method
        .call2(&locks, &JsValue::from_str(WRITE_LOCK), &callback)
        .ok()?
        .dyn_into()
        .ok()
}
