//! Says when a new version of the app has been downloaded, and applies it on request.

use crate::ui::shell::service_worker;
use yew::prelude::*;

/// Registers the service worker on mount; shows itself only while an update is waiting.
#[function_component(UpdateBanner)]
pub fn update_banner() -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            service_worker::register(Callback::from(move |()| ready.set(true)));
        });
    }
    if !*ready {
        return html! {};
    }
    html! {
        <div class="update-banner" role="status">
            <span>{ "A new version of this app is ready." }</span>
            <button type="button" onclick={Callback::from(|_| service_worker::apply_update())}>
                { "Update now" }
            </button>
        </div>
    }
}
