//! The browser half of the foundation: wasm runs in headless Chromium and can use localStorage.
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn local_storage_keeps_what_was_written() {
    let key = "event-sourcing-demo/test/smoke";
    LocalStorage::set(key, vec![1u32, 2, 3]).expect("write to localStorage");
    let back: Vec<u32> = LocalStorage::get(key).expect("read back from localStorage");
    assert_eq!(back, vec![1, 2, 3]);
    // The raw value is really in the browser's storage, not only in a Rust cache.
    let raw = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap();
    assert_eq!(raw.as_deref(), Some("[1,2,3]"));
    LocalStorage::delete(key);
    assert!(LocalStorage::get::<Vec<u32>>(key).is_err());
}
