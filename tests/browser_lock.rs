//! The cross-tab write lock in a real browser: while the critical section runs, the app's Web
//! Lock is held; a request made while someone else holds it waits until it is released;
//! overlapping requests from one page run one after the other, in order; each holder leaves a
//! commit mark naming the head it committed, and the next holder waits until it sees that head.
#![cfg(target_arch = "wasm32")]

use event_sourcing_demo::store::write_lock::{
    available, parse_mark, shows, with_write_lock, NotCaughtUp, COMMIT_MARK, WRITE_LOCK,
};
use event_sourcing_demo::store::{keys, KeyValue, LocalStorageKv};
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The tests share one lock manager and one localStorage, and async tests run interleaved:
/// each takes its turn, so one test's held lock is not another test's surprise.
struct Turn;

async fn my_turn() -> Turn {
    while BUSY.with(|busy| busy.replace(true)) {
        TimeoutFuture::new(5).await;
    }
    Turn
}

impl Drop for Turn {
    fn drop(&mut self) {
        BUSY.with(|busy| busy.set(false));
    }
}

fn locks() -> JsValue {
    let navigator = web_sys::window().unwrap().navigator();
    js_sys::Reflect::get(&navigator, &"locks".into()).unwrap()
}

/// `navigator.locks.request(WRITE_LOCK, {ifAvailable: true}, cb)`: resolves to whether the lock
/// was free (the callback gets `null` when someone holds it).
fn was_free() -> js_sys::Promise {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE).unwrap();
    let callback = Closure::once_into_js(|lock: JsValue| JsValue::from_bool(!lock.is_null()));
    let request: js_sys::Function = js_sys::Reflect::get(&locks(), &"request".into())
        .unwrap()
        .unchecked_into();
    request
        .call3(&locks(), &WRITE_LOCK.into(), &options, &callback)
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn the_lock_is_held_while_the_critical_section_runs() {
    let _turn = my_turn().await;
    assert!(available(), "Chromium has Web Locks");
    let probe = with_write_lock(was_free).await.unwrap();
    // Asked from inside the critical section, the lock is taken: by us.
    let free_inside = JsFuture::from(probe).await.unwrap();
    assert_eq!(free_inside, JsValue::FALSE);
    let free_after = JsFuture::from(was_free()).await.unwrap();
    assert_eq!(
        free_after,
        JsValue::TRUE,
        "released once the section returned"
    );
}

#[wasm_bindgen_test]
async fn a_write_waits_while_another_holder_has_the_lock() {
    let _turn = my_turn().await;
    // Another holder (as another tab would be) keeps the lock until `release` resolves.
    let (release, held) = hold(WRITE_LOCK);
    TimeoutFuture::new(10).await;

    let ran = Rc::new(RefCell::new(false));
    let done = Rc::new(RefCell::new(false));
    {
        let (ran, done) = (Rc::clone(&ran), Rc::clone(&done));
        spawn_local(async move {
            with_write_lock(move || *ran.borrow_mut() = true)
                .await
                .unwrap();
            *done.borrow_mut() = true;
        });
    }
    TimeoutFuture::new(100).await;
    assert!(!*ran.borrow(), "the write waited for the holder");
    let_go(&release);
    JsFuture::from(held).await.unwrap();
    TimeoutFuture::new(20).await;
    assert!(*ran.borrow() && *done.borrow(), "then it ran");
}

#[wasm_bindgen_test]
async fn overlapping_writes_from_one_page_run_one_after_the_other_in_order() {
    let _turn = my_turn().await;
    // Five clicks in one task: each asks for the lock before any has run.
    let order = Rc::new(RefCell::new(Vec::new()));
    for n in 0..5 {
        let order = Rc::clone(&order);
        spawn_local(async move {
            let held_by_us = with_write_lock(move || {
                order.borrow_mut().push(n);
                was_free()
            })
            .await
            .unwrap();
            assert_eq!(JsFuture::from(held_by_us).await.unwrap(), JsValue::FALSE);
        });
    }
    assert!(order.borrow().is_empty(), "none ran before it got the lock");
    TimeoutFuture::new(100).await;
    assert_eq!(
        *order.borrow(),
        [0, 1, 2, 3, 4],
        "all ran, in the order asked"
    );
}

/// The names of the locks held right now (`navigator.locks.query()`).
/// A mark number above every mark held now, as another tab's next commit would take.
async fn newer_than_every_mark() -> u64 {
    let held = held_names().await;
    let newest = held
        .iter()
        .filter_map(|name| parse_mark(name))
        .map(|(n, _)| n)
        .max();
    newest.unwrap_or(0) + 1
}

async fn held_names() -> Vec<String> {
    let query: js_sys::Function = js_sys::Reflect::get(&locks(), &"query".into())
        .unwrap()
        .unchecked_into();
    let promise: js_sys::Promise = query.call0(&locks()).unwrap().unchecked_into();
    let snapshot = JsFuture::from(promise).await.unwrap();
    let held = js_sys::Reflect::get(&snapshot, &"held".into()).unwrap();
    js_sys::Array::from(&held)
        .iter()
        .map(|lock| {
            js_sys::Reflect::get(&lock, &"name".into())
                .unwrap()
                .as_string()
                .unwrap()
        })
        .collect()
}

/// Holds `name` (as another tab would) until the returned function is called; the promise
/// settles once the lock is let go.
fn hold(name: &str) -> (Rc<RefCell<Option<js_sys::Function>>>, js_sys::Promise) {
    let release: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let keep = Rc::clone(&release);
    let holder = Closure::once_into_js(move |_lock: JsValue| {
        js_sys::Promise::new(&mut |resolve, _reject| *keep.borrow_mut() = Some(resolve))
    });
    let request: js_sys::Function = js_sys::Reflect::get(&locks(), &"request".into())
        .unwrap()
        .unchecked_into();
    let held = request
        .call2(&locks(), &name.into(), &holder)
        .unwrap()
        .unchecked_into();
    (release, held)
}

/// Lets go of a lock taken with [`hold`].
fn let_go(release: &RefCell<Option<js_sys::Function>>) {
    let resolve = release
        .borrow_mut()
        .take()
        .expect("the holder got the lock");
    resolve.call0(&JsValue::NULL).unwrap();
}

#[wasm_bindgen_test]
async fn a_write_leaves_a_mark_naming_the_head_it_committed_and_drops_its_older_one() {
    let _turn = my_turn().await;
    let head = || LocalStorageKv.get(&keys::head()).unwrap_or_default();
    let first = r#"{"mark":"first"}"#;
    with_write_lock(move || LocalStorageKv.set(&keys::head(), first).unwrap())
        .await
        .unwrap();
    let marks = |names: Vec<String>| -> Vec<(u64, String)> {
        names.iter().filter_map(|n| parse_mark(n)).collect()
    };
    let after_first = marks(held_names().await);
    assert_eq!(after_first.len(), 1, "{after_first:?}");
    assert_eq!(after_first[0].1, head());

    let second = r#"{"mark":"second"}"#;
    with_write_lock(move || LocalStorageKv.set(&keys::head(), second).unwrap())
        .await
        .unwrap();
    let after_second = marks(held_names().await);
    assert_eq!(after_second.len(), 1, "the older mark is released");
    assert_eq!(after_second[0], (after_first[0].0 + 1, second.to_string()));
    forget_head().await;
}

/// Removes the test's head the way the app changes storage: under the lock.
async fn forget_head() {
    with_write_lock(|| LocalStorageKv.remove(&keys::head()))
        .await
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_next_holder_waits_until_it_sees_the_head_of_the_last_commit() {
    let _turn = my_turn().await;
    // Another tab committed a head that has not reached this tab's localStorage yet: it holds
    // the newest mark. The write must wait until the head arrives, then run.
    let theirs = r#"{"mark":"theirs, still on its way"}"#;
    let (release, _) = hold(&format!(
        "{COMMIT_MARK}{}/{theirs}",
        newer_than_every_mark().await
    ));
    TimeoutFuture::new(10).await;
    let ran = Rc::new(RefCell::new(None::<String>));
    {
        let ran = Rc::clone(&ran);
        spawn_local(async move {
            let seen = with_write_lock(|| LocalStorageKv.get(&keys::head()).unwrap_or_default())
                .await
                .unwrap();
            *ran.borrow_mut() = Some(seen);
        });
    }
    TimeoutFuture::new(100).await;
    assert_eq!(*ran.borrow(), None, "it waits for the other tab's head");
    // The other tab's write arrives.
    LocalStorageKv.set(&keys::head(), theirs).unwrap();
    TimeoutFuture::new(50).await;
    assert_eq!(
        ran.borrow().as_deref(),
        Some(theirs),
        "then it runs, seeing it"
    );
    let_go(&release);
    forget_head().await;
}

#[wasm_bindgen_test]
async fn a_commit_that_never_arrives_refuses_one_write_instead_of_overwriting_it() {
    let _turn = my_turn().await;
    let lost = r#"{"mark":"never arrives"}"#;
    let (release, _) = hold(&format!(
        "{COMMIT_MARK}{}/{lost}",
        newer_than_every_mark().await
    ));
    TimeoutFuture::new(10).await;
    let ran = Rc::new(RefCell::new(false));
    let outcome = {
        let ran = Rc::clone(&ran);
        with_write_lock(move || *ran.borrow_mut() = true).await
    };
    assert_eq!(outcome, Err(NotCaughtUp));
    assert!(!*ran.borrow(), "the critical section did not run");
    let_go(&release);
    // Having given up, it marked the head it does see: the next write does not wait again.
    with_write_lock(|| ()).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_mark_left_by_this_tab_is_not_waited_for_after_a_later_writer_closed() {
    let _turn = my_turn().await;
    // This tab commits (its mark names `ours`); another tab commits after it and closes, so
    // its newer mark is gone and ours is the newest left, while storage shows their head.
    let ours = r#"{"mark":"ours"}"#;
    with_write_lock(move || LocalStorageKv.set(&keys::head(), ours).unwrap())
        .await
        .unwrap();
    let theirs = r#"{"mark":"theirs, from a tab since closed"}"#;
    LocalStorageKv.set(&keys::head(), theirs).unwrap();
    let seen = with_write_lock(|| LocalStorageKv.get(&keys::head()).unwrap_or_default()).await;
    assert_eq!(
        seen.as_deref(),
        Ok(theirs),
        "it ran at once, on what storage holds"
    );
    forget_head().await;
}

#[wasm_bindgen_test]
async fn a_later_head_of_the_same_log_counts_as_having_seen_the_commit() {
    let _turn = my_turn().await;
    let head = |epoch: &str, count: u64| {
        format!(
            r#"{{"format":1,"epoch":"{epoch}","count":{count},"segment_size":128,"tail":"00000000000000{count:02}"}}"#
        )
    };
    let (older, later) = (head("lx9k2f3d1q", 3), head("lx9k2f3d1q", 5));
    assert!(shows(&older, &older));
    assert!(shows(&later, &older), "a later head of the same log");
    assert!(!shows(&older, &later), "an earlier head has not seen it");
    assert!(
        !shows(&head("zz9k2f3d1q", 9), &older),
        "another log's head says nothing of this one"
    );
    assert!(
        !shows(r#"{"mark":"x"}"#, &older),
        "nor does text that is not a head"
    );

    // Another tab's mark names `older`, and a tab since closed wrote `later`: no waiting.
    let (release, _) = hold(&format!(
        "{COMMIT_MARK}{}/{older}",
        newer_than_every_mark().await
    ));
    TimeoutFuture::new(10).await;
    LocalStorageKv.set(&keys::head(), &later).unwrap();
    let ran = with_write_lock(|| true).await;
    assert_eq!(ran, Ok(true));
    let_go(&release);
    forget_head().await;
}
