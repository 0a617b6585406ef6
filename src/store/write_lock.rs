//! The cross-tab write lock. localStorage has no transactions: two tabs that read, change and
//! write back the same keys can lose one tab's write. Every write of the page (a command, an
//! example, an import, a reset, a recovery decision) therefore runs inside one exclusive Web
//! Lock named for the storage namespace, so tabs take turns: catch up, decide, write, release.
//! Requests queue in order, so a second click waits its turn and is never dropped.
//!
//! The lock alone is not enough. Browsers keep a copy of localStorage in each tab's process and
//! pass another tab's writes along as messages, applied between tasks: a tab can be granted the
//! lock before the previous holder's writes have reached it, read a stale head, and write over
//! them (seen in Chromium with three tabs clicking together: 120 clicks, 81 events). So each
//! holder, before it releases the lock, leaves a *commit mark*: a lock of its own, named after
//! the head it committed and numbered one past the last mark. The lock manager answers every
//! tab the same, at once, so the next holder asks it for the newest mark and waits until its own
//! copy of localStorage shows that head before it reads anything. The head is the last key a
//! commit writes, and one tab's writes arrive in order: seeing the head means seeing the rest.
//! A mark lasts only as long as its tab: when a tab that wrote later closes, the newest mark
//! left may name an older head, so a later head of the same log (a higher count in the same
//! epoch) counts as seen, and so does a head this tab committed itself.
//!
//! Web Locks are in every current engine (Chromium 69, Firefox 96, Safari 15.4). Where they are
//! missing, writes run unlocked, as before, and [`available`] lets the page say so.

use super::head::Head;
use super::keys;
use super::kv::KeyValue;
use super::local_kv::LocalStorageKv;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// The lock's name: the storage namespace, so another app (or another format version) on the
/// same origin is never held up.
pub const WRITE_LOCK: &str = "event-sourcing-demo/v1/write";
/// Commit marks are named `{COMMIT_MARK}{number}/{head}`.
pub const COMMIT_MARK: &str = "event-sourcing-demo/v1/committed/";
/// How long a holder waits for the last commit to reach this tab before giving up. The messages
/// take a millisecond or two; only a browser stalled for seconds gets near this.
const CATCH_UP_LIMIT_MS: f64 = 3_000.0;

thread_local! {
    /// Releases this tab's newest commit mark (resolves the promise that holds it).
    static OWN_MARK: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// The number of this tab's newest commit mark (0 before its first).
    static OWN_NUMBER: Cell<u64> = const { Cell::new(0) };
}

/// The previous holder's writes had not reached this tab in time: nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotCaughtUp;

impl fmt::Display for NotCaughtUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "Another tab's latest change has not reached this tab yet, so nothing was saved (saving now could overwrite it). Try again in a moment.",
        )
    }
}

/// Whether this browser can keep tabs' writes apart (`navigator.locks` exists).
pub fn available() -> bool {
    lock_manager().is_some()
}

fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

fn method(locks: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(locks, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}

/// Runs `critical` while this tab holds the exclusive write lock, after every earlier request
/// (this tab's and other tabs') has released it and their writes have reached this tab, and
/// returns what it returned. `critical` is synchronous: localStorage is, so the whole critical
/// section is one task. Without Web Locks, or if the browser refuses the request, `critical`
/// simply runs. If the last holder's writes do not arrive in time, `critical` does not run.
pub async fn with_write_lock<T: 'static>(
    critical: impl FnOnce() -> T + 'static,
) -> Result<T, NotCaughtUp> {
    let pending = Rc::new(RefCell::new(Some(critical)));
    let result = Rc::new(RefCell::new(None));
    if let Some(promise) = request(&pending, &result) {
        // A rejected request (an opaque origin, say) falls through to running unlocked below,
        // unless the critical section already ran.
        let _settled = JsFuture::from(promise).await;
    }
    if let Some(outcome) = result.borrow_mut().take() {
        return outcome;
    }
    let critical = pending
        .borrow_mut()
        .take()
        .expect("the critical section runs once: here, or under the lock with its outcome kept");
    Ok(critical())
}

type Outcome<T> = Rc<RefCell<Option<Result<T, NotCaughtUp>>>>;

/// Asks for the lock; once granted: wait for the last commit, run the critical section, leave
/// this commit's mark, then release (the promise the callback returns settles).
fn request<T: 'static, F: FnOnce() -> T + 'static>(
    pending: &Rc<RefCell<Option<F>>>,
    result: &Outcome<T>,
) -> Option<js_sys::Promise> {
    let locks = lock_manager()?;
    let request = method(&locks, "request")?;
    let (pending, result) = (Rc::clone(pending), Rc::clone(result));
    let held = locks.clone();
    let callback = Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
        future_to_promise(async move {
            let last = newest_mark(&held).await;
            let number = last.as_ref().map_or(1, |(number, _)| number + 1);
            // This tab's own mark names a head it wrote itself: nothing to wait for.
            let theirs = last.filter(|(number, _)| *number != OWN_NUMBER.with(Cell::get));
            if see_commit(theirs.as_ref().map(|(_, head)| head.as_str())).await {
                if let Some(critical) = pending.borrow_mut().take() {
                    *result.borrow_mut() = Some(Ok(critical()));
                }
            } else {
                *result.borrow_mut() = Some(Err(NotCaughtUp));
            }
            // Also after giving up: the head that never came was most likely removed outside
            // the lock (site data cleared), and the next write should not wait for it again.
            leave_mark(&held, number, &stored_head()).await;
            Ok(JsValue::UNDEFINED)
        })
    });
    request
        .call2(&locks, &JsValue::from_str(WRITE_LOCK), &callback)
        .ok()?
        .dyn_into()
        .ok()
}

/// The head as this tab's copy of localStorage has it ("" when there is none).
fn stored_head() -> String {
    LocalStorageKv.get(&keys::head()).unwrap_or_default()
}

/// Waits until this tab sees `head`, the head of the last commit. Returns whether it did in
/// time. Other tabs' writes arrive between tasks, each with a `storage` event: waiting for
/// that event (with a short timer as a fallback) works in a background tab too, where the
/// browser slows timers to once a second.
async fn see_commit(head: Option<&str>) -> bool {
    let Some(head) = head else { return true };
    let started = js_sys::Date::now();
    while !shows(&stored_head(), head) {
        if js_sys::Date::now() - started > CATCH_UP_LIMIT_MS {
            return false;
        }
        next_storage_event_or(20).await;
    }
    true
}

/// Whether a tab whose localStorage has the head `stored` has seen the commit of `committed`:
/// the same head, or a later one of the same log. Within an epoch the count only grows, and
/// tabs' writes reach each other in the order the lock let them be made.
pub fn shows(stored: &str, committed: &str) -> bool {
    stored == committed
        || matches!(
            (Head::parse(stored), Head::parse(committed)),
            (Ok(stored), Ok(committed))
                if stored.epoch == committed.epoch && stored.count > committed.count
        )
}

/// Resolves on this tab's next `storage` event, or after `ms` milliseconds.
async fn next_storage_event_or(ms: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut settle = None;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| settle = Some(resolve));
    let Some(settle) = settle else { return };
    let on_event = settle.clone();
    // Resolving a promise cannot fail. Both are dropped (unlistened, cleared) after the wait.
    let _listener = EventListener::once(&window, "storage", move |_| {
        on_event.call0(&JsValue::NULL).ok();
    });
    let _timer = Timeout::new(ms, move || {
        settle.call0(&JsValue::NULL).ok();
    });
    JsFuture::from(promise).await.ok();
}

/// The newest commit mark any tab holds: its number and the head it names.
async fn newest_mark(locks: &JsValue) -> Option<(u64, String)> {
    let query = method(locks, "query")?.call0(locks).ok()?;
    let snapshot = JsFuture::from(query.dyn_into::<js_sys::Promise>().ok()?)
        .await
        .ok()?;
    let held = js_sys::Reflect::get(&snapshot, &JsValue::from_str("held")).ok()?;
    js_sys::Array::from(&held)
        .iter()
        .filter_map(|lock| js_sys::Reflect::get(&lock, &JsValue::from_str("name")).ok())
        .filter_map(|name| name.as_string())
        .filter_map(|name| parse_mark(&name))
        .max_by_key(|(number, _)| *number)
}

/// `(number, head)` from a commit mark's name.
pub fn parse_mark(name: &str) -> Option<(u64, String)> {
    let rest = name.strip_prefix(COMMIT_MARK)?;
    let (number, head) = rest.split_once('/')?;
    Some((number.parse().ok()?, head.to_string()))
}

/// Holds the mark `number` for `head` until this tab leaves a newer one (or closes), and
/// releases its previous mark once the new one is held, so there is never a moment without.
async fn leave_mark(locks: &JsValue, number: u64, head: &str) {
    let Some(request) = method(locks, "request") else {
        return;
    };
    let mut granted = None;
    let on_granted = js_sys::Promise::new(&mut |resolve, _reject| granted = Some(resolve));
    let hold = Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
        // Resolving a promise cannot fail; there is nothing to report.
        if let Some(signal) = granted {
            signal.call0(&JsValue::NULL).ok();
        }
        OWN_NUMBER.with(|own| own.set(number));
        // Settles only when this tab's next mark replaces it.
        js_sys::Promise::new(&mut |release, _reject| {
            let previous = OWN_MARK.with(|own| own.borrow_mut().replace(release));
            if let Some(previous) = previous {
                previous.call0(&JsValue::NULL).ok();
            }
        })
    });
    let name = format!("{COMMIT_MARK}{number}/{head}");
    if request
        .call2(locks, &JsValue::from_str(&name), &hold)
        .is_ok()
    {
        let _granted = JsFuture::from(on_granted).await;
    }
}
