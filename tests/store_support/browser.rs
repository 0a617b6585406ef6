//! Browser-only helpers: cleaning localStorage, filling its quota, instrumented storages and
//! a second document that plays "another tab".

use event_sourcing_demo::store::{entry_bytes, keys, KeyValue, KvError, LocalStorageKv};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;

const JUNK: &str = "junk-for-quota-test/";

/// Removes our keys and the quota test's junk; other keys are not ours to touch.
pub fn wipe() {
    let kv = LocalStorageKv;
    for key in kv.keys() {
        if keys::is_ours(&key) || key.starts_with(JUNK) {
            kv.remove(&key);
        }
    }
}

pub fn ours() -> BTreeMap<String, String> {
    let kv = LocalStorageKv;
    kv.keys()
        .into_iter()
        .filter(|key| keys::is_ours(key))
        .filter_map(|key| kv.get(&key).map(|value| (key, value)))
        .collect()
}

/// Fills localStorage with junk until it refuses even one more character; returns the bytes
/// stored in total (all keys), as Chromium counts them.
pub fn fill_quota() -> usize {
    let kv = LocalStorageKv;
    let mut n = 0;
    let mut size = 1 << 20;
    while size >= 1 {
        let chunk = "x".repeat(size);
        loop {
            match kv.set(&format!("{JUNK}{n}"), &chunk) {
                Ok(()) => n += 1,
                Err(KvError::QuotaExceeded) => break,
                Err(other) => panic!("unexpected storage error: {other}"),
            }
        }
        size /= 4;
    }
    kv.keys()
        .iter()
        .map(|key| entry_bytes(key, &kv.get(key).unwrap_or_default()))
        .sum()
}

pub fn free_junk() {
    let kv = LocalStorageKv;
    for key in kv.keys() {
        if key.starts_with(JUNK) {
            kv.remove(&key);
        }
    }
}

/// localStorage that records which keys are written and can refuse the next head write.
#[derive(Clone, Default)]
pub struct Instrumented {
    pub written: Rc<RefCell<Vec<String>>>,
    pub refuse_head: Rc<RefCell<bool>>,
}

impl KeyValue for Instrumented {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorageKv.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        if key == keys::head() && self.refuse_head.replace(false) {
            return Err(KvError::QuotaExceeded);
        }
        self.written.borrow_mut().push(key.to_string());
        LocalStorageKv.set(key, value)
    }
    fn remove(&self, key: &str) {
        LocalStorageKv.remove(key)
    }
    fn keys(&self) -> Vec<String> {
        LocalStorageKv.keys()
    }
    fn new_epoch(&self) -> String {
        LocalStorageKv.new_epoch()
    }
}

/// localStorage seen through another document (a same-origin iframe): writes through it fire
/// real `storage` events in this window, exactly as another tab's writes do.
#[derive(Clone)]
pub struct OtherDocument(web_sys::Storage);

impl OtherDocument {
    pub fn new() -> OtherDocument {
        let document = web_sys::window().unwrap().document().unwrap();
        let frame = document.create_element("iframe").unwrap();
        document.body().unwrap().append_child(&frame).unwrap();
        let window: web_sys::Window =
            js_sys::Reflect::get(&frame, &wasm_bindgen::JsValue::from_str("contentWindow"))
                .unwrap()
                .unchecked_into();
        OtherDocument(window.local_storage().unwrap().unwrap())
    }
}

impl KeyValue for OtherDocument {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.0
            .set_item(key, value)
            .map_err(|e| event_sourcing_demo::store::kv_error_from_js(&e))
    }
    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }
    fn keys(&self) -> Vec<String> {
        (0..self.0.length().unwrap_or(0))
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
    fn new_epoch(&self) -> String {
        LocalStorageKv.new_epoch()
    }
}

pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Lets the browser breathe between long steps (the test runner polls the page meanwhile).
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("a window")
            .set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
