//! Where the events live, on the page: the recovery banner, the storage panel, and catching
//! up with what other tabs write.

use crate::ui::page::intents::Intent;
use crate::ui::page::wire::{use_intent, Page, Wire};
use crate::ui::storage::panel::StoragePanel;
use crate::ui::storage::recovery_banner::RecoveryBanner;
use crate::ui::storage::sync::use_storage_sync;
use yew::prelude::*;

pub struct StorageOn {
    pub import: Callback<String>,
    pub discard_damaged: Callback<()>,
}

/// Follows other tabs (every `storage` event for our keys is caught up with) and builds the
/// callbacks.
#[hook]
pub fn use_storage_on(wire: &Wire) -> StorageOn {
    let catch_up = use_intent(wire, |()| Intent::CatchUp);
    use_storage_sync(catch_up);
    StorageOn {
        import: use_intent(wire, Intent::Import),
        discard_damaged: use_intent(wire, |()| Intent::DiscardDamaged),
    }
}

pub fn recovery(page: &Page, on: &StorageOn) -> Html {
    let db = page.state.log.read();
    html! {
        <RecoveryBanner summary={db.recovery_summary().map(AttrValue::from)}
            backup_available={db.backup().is_some()} on_download={page.reads.download_backup.clone()}
            on_discard={on.discard_damaged.clone()} />
    }
}

pub fn storage_panel(page: &Page, on: &StorageOn) -> Html {
    let state = page.state;
    html! {
        <StoragePanel persistent={state.persistent} cross_tab_safe={state.cross_tab_safe}
            revision={page.below.revision} measure={page.reads.measure.clone()}
            import_error={state.import_error.clone().map(AttrValue::from)}
            on_export={page.reads.export.clone()} on_import={on.import.clone()} />
    }
}
