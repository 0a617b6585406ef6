//! Shown when start-up found damaged data: what was found, a download of the untouched raw
//! data, and an explicit choice to discard what is damaged. Nothing is deleted before that.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RecoveryBannerProps {
    /// The store's summary; the banner is hidden when `None`.
    pub summary: Option<AttrValue>,
    pub backup_available: bool,
    pub on_download: Callback<()>,
    pub on_discard: Callback<()>,
}

#[function_component(RecoveryBanner)]
pub fn recovery_banner(props: &RecoveryBannerProps) -> Html {
    let Some(summary) = &props.summary else {
        return html! {};
    };
    html! {
        <section class="recovery" aria-labelledby="recovery-heading">
            <h2 id="recovery-heading">{ "Stored data needs your decision" }</h2>
            <p>{ summary.clone() }</p>
            <div class="button-row">
                if props.backup_available {
                    <button type="button" class="button" onclick={props.on_download.reform(|_| ())}>
                        { "Download backup" }
                    </button>
                }
                <button type="button" class="button button-danger" onclick={props.on_discard.reform(|_| ())}>
                    { "Discard damaged data and keep the valid events" }
                </button>
            </div>
        </section>
    }
}
