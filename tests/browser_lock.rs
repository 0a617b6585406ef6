//! The cross-tab write lock in a real browser: while the critical section runs, the app's Web
//! Lock is held; a request made while someone else holds it waits until it is released; and
//! overlapping requests from one page run one after the other, in order.
#![cfg(target_arch = "wasm32")]

use event_sourcing_demo::store::write_lock::{available, with_write_lock, WRITE_LOCK};
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
    assert!(available(), "Chromium has Web Locks");
    let probe = with_write_lock(was_free).await;
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
    // Another holder (as another tab would be) keeps the lock until `release` resolves.
    let release: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let keep = Rc::clone(&release);
    let holder = Closure::once_into_js(move |_lock: JsValue| {
        js_sys::Promise::new(&mut |resolve, _reject| *keep.borrow_mut() = Some(resolve))
    });
    let request: js_sys::Function = js_sys::Reflect::get(&locks(), &"request".into())
        .unwrap()
        .unchecked_into();
    let held: js_sys::Promise = request
        .call2(&locks(), &WRITE_LOCK.into(), &holder)
        .unwrap()
        .unchecked_into();
    TimeoutFuture::new(10).await;

    let ran = Rc::new(RefCell::new(false));
    let done = Rc::new(RefCell::new(false));
    {
        let (ran, done) = (Rc::clone(&ran), Rc::clone(&done));
        spawn_local(async move {
            with_write_lock(move || *ran.borrow_mut() = true).await;
            *done.borrow_mut() = true;
        });
    }
    TimeoutFuture::new(100).await;
    assert!(!*ran.borrow(), "the write waited for the holder");
    let resolve = release
        .borrow_mut()
        .take()
        .expect("the holder got the lock");
    resolve.call0(&JsValue::NULL).unwrap();
    JsFuture::from(held).await.unwrap();
    TimeoutFuture::new(20).await;
    assert!(*ran.borrow() && *done.borrow(), "then it ran");
}

#[wasm_bindgen_test]
async fn overlapping_writes_from_one_page_run_one_after_the_other_in_order() {
    // Five clicks in one task: each asks for the lock before any has run.
    let order = Rc::new(RefCell::new(Vec::new()));
    for n in 0..5 {
        let order = Rc::clone(&order);
        spawn_local(async move {
            let held_by_us = with_write_lock(move || {
                order.borrow_mut().push(n);
                was_free()
            })
            .await;
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
