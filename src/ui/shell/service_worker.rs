//! Offline support: registers the service worker (release builds only) and applies updates.
//!
//! The worker (tools/service-worker.js) caches the app shell, so a page opened once opens again
//! with no network. A new deployment installs a new worker that waits; the page is told through
//! `on_update_ready` and applies it only when the user asks (`apply_update`).

use js_sys::{Function, Reflect};
use wasm_bindgen::{prelude::*, JsCast};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};
use yew::Callback;

const SCRIPT: &str = "./sw.js";
/// Must match the `trusted-types` directive of index.html's Content-Security-Policy.
const POLICY: &str = "service-worker-url";

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on insecure origins and in some private modes: the app then simply stays online-only.
    let present = Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// The worker's URL, as a TrustedScriptURL where the page enforces Trusted Types.
fn script_url() -> JsValue {
    let Some(window) = web_sys::window() else {
        return SCRIPT.into();
    };
    let Ok(trusted_types) = Reflect::get(&window, &"trustedTypes".into()) else {
        return SCRIPT.into();
    };
    if trusted_types.is_undefined() {
        return SCRIPT.into();
    }
    // The policy lets exactly one URL through.
    let create = Closure::<dyn Fn(String) -> JsValue>::new(|url: String| {
        if url == SCRIPT {
            url.into()
        } else {
            JsValue::NULL
        }
    });
    let rules = js_sys::Object::new();
    // Setting a property of a plain object we just made cannot fail; if it somehow did, the
    // policy would allow nothing and registering would fail below, where that is handled.
    if Reflect::set(&rules, &"createScriptURL".into(), create.as_ref()).is_err() {
        return SCRIPT.into();
    }
    create.forget();
    let policy = Reflect::get(&trusted_types, &"createPolicy".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call2(&trusted_types, &POLICY.into(), &rules).ok());
    policy
        .and_then(|p| {
            let make = Reflect::get(&p, &"createScriptURL".into()).ok()?;
            make.dyn_into::<Function>()
                .ok()?
                .call1(&p, &SCRIPT.into())
                .ok()
        })
        .unwrap_or_else(|| SCRIPT.into())
}

/// Registers the worker; `on_update_ready` fires when a newer version is installed and waiting.
pub fn register(on_update_ready: Callback<()>) {
    if cfg!(debug_assertions) {
        return; // `trunk serve`: caching would hide every edit.
    }
    let Some(container) = container() else {
        return;
    };
    spawn_local(async move {
        let register = Reflect::get(&container, &"register".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        let Some(promise) = register.and_then(|f| f.call1(&container, &script_url()).ok()) else {
            return;
        };
        let Ok(registration) = JsFuture::from(js_sys::Promise::from(promise)).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        watch_for_updates(&container, &registration, on_update_ready);
    });
}

fn watch_for_updates(
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
    on_update_ready: Callback<()>,
) {
    // A first install has no controller yet: that is not an update.
    if registration.waiting().is_some() && container.controller().is_some() {
        on_update_ready.emit(());
    }
    let reg = registration.clone();
    let container = container.clone();
    let on_found = Closure::<dyn Fn()>::new(move || {
        let Some(worker) = reg.installing() else {
            return;
        };
        let (w, c, ready) = (worker.clone(), container.clone(), on_update_ready.clone());
        let on_state = Closure::<dyn Fn()>::new(move || {
            if w.state() == ServiceWorkerState::Installed && c.controller().is_some() {
                ready.emit(());
            }
        });
        worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}

/// Activates the waiting version and reloads once it has taken over.
pub fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::<dyn Fn()>::new(|| {
        // If the browser refuses to reload, the new version still takes over on the next visit.
        if let Some(w) = web_sys::window() {
            w.location().reload().ok();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // A worker that cannot take the message stays waiting: the banner stays, and the new
        // version is applied on the next visit, as without the button.
        if let Some(waiting) = registration.waiting() {
            waiting.post_message(&"skip-waiting".into()).ok();
        }
    });
}
