//! Shown when start-up found damaged data: what was found, a download of the untouched raw
//! data, and an explicit choice to discard what is damaged. Nothing is deleted before that.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RecoveryBannerProps {
    /// The store's summary; the banner is hidden when `None`.
    pub summary: Option<AttrValue>,
    pub backup_available: bool,
    /// Downloads the backup, or says why the browser refused.
    pub on_download: Callback<(), Result<(), String>>,
    pub on_discard: Callback<()>,
}

#[function_component(RecoveryBanner)]
pub fn recovery_banner(props: &RecoveryBannerProps) -> Html {
    let failed = use_state(|| None::<String>);
    let Some(summary) = &props.summary else {
        return html! {};
    };
    let download = {
        let (on_download, failed) = (props.on_download.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| {
            failed.set(on_download.emit(()).err().map(|why| {
                format!("The download did not start ({why}). The backup is still kept in this browser's storage.")
            }))
        })
    };
    html! {
        <section class="recovery" aria-labelledby="recovery-heading">
            <h2 id="recovery-heading">{ "Stored data needs your decision" }</h2>
            <p>{ summary.clone() }</p>
            <div class="button-row">
                if props.backup_available {
                    <button type="button" class="button" onclick={download}>
                        { "Download backup" }
                    </button>
                }
                <button type="button" class="button button-danger" onclick={props.on_discard.reform(|_| ())}>
                    { "Discard damaged data and keep the valid events" }
                </button>
            </div>
            if let Some(why) = &*failed {
                <p role="alert">{ why.clone() }</p>
            }
        </section>
    }
}
