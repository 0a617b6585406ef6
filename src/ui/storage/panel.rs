//! Where the events live: a storage meter, Export JSON / Export SQL, and Import JSON.

use crate::store::{Usage, LOCAL_STORAGE_LIMIT_BYTES};
use crate::ui::widgets::dom;
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;
use yew::prelude::*;

/// What to download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Json,
    Sql,
}

#[derive(Properties, PartialEq)]
pub struct StoragePanelProps {
    /// Whether the log survives a reload (localStorage) or lives in memory only.
    pub persistent: bool,
    /// Whether writes are kept apart across tabs (the browser has Web Locks).
    pub cross_tab_safe: bool,
    /// Changes whenever the databases do, so the meter is re-measured.
    pub revision: u64,
    /// Measures storage (it reads every key, so only while the panel is open).
    pub measure: Callback<(), Usage>,
    pub import_error: Option<AttrValue>,
    /// Starts the download, or says why the browser refused.
    pub on_export: Callback<Export, Result<(), String>>,
    /// The text of the chosen file.
    pub on_import: Callback<String>,
}

fn kilobytes(bytes: u64) -> String {
    format!("{} KB", bytes.div_ceil(1024))
}

#[function_component(StoragePanel)]
pub fn storage_panel(props: &StoragePanelProps) -> Html {
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let on_file = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            let on_import = on_import.clone();
            spawn_local(async move {
                let text = JsFuture::from(file.text()).await;
                on_import.emit(text.ok().and_then(|t| t.as_string()).unwrap_or_default());
            });
        })
    };
    let meter = if *open {
        let usage = props.measure.emit(());
        let per_mille = usage.per_mille_of_limit();
        html! {
            <div class="meter">
                <label for="storage-meter" class="field-label">{ "Storage used" }</label>
                <meter id="storage-meter" min="0" max="1000" low="700" high="900" optimum="0"
                    value={per_mille.to_string()}>{ format!("{}%", per_mille / 10) }</meter>
                <p class="hint">
                    { format!("{} of about {} MB this site may keep in localStorage: log {}, table {}, backups {}.",
                        kilobytes(usage.ours()), LOCAL_STORAGE_LIMIT_BYTES / (1024 * 1024),
                        kilobytes(usage.log_bytes), kilobytes(usage.table_bytes), kilobytes(usage.backup_bytes)) }
                </p>
            </div>
        }
    } else {
        html! {}
    };
    let export_failed = use_state(|| None::<String>);
    let export = |kind: Export| {
        let (on_export, failed) = (props.on_export.clone(), export_failed.clone());
        Callback::from(move |_: MouseEvent| {
            failed.set(
                on_export
                    .emit(kind)
                    .err()
                    .map(|why| dom::download_failed(&why)),
            )
        })
    };
    html! {
        <details class="panel panel-storage" ontoggle={on_toggle}>
            <summary><h2>{ "Storage, export and import" }</h2></summary>
            <p class="hint">
                { if props.persistent {
                    "The log is kept in this browser's localStorage: reload the page and it is replayed. Other tabs of this page follow along."
                } else {
                    "This browser does not let the page use localStorage: the log lives in memory and is gone after a reload."
                } }
            </p>
            if props.persistent && !props.cross_tab_safe {
                <p class="hint warning">
                    { "Cross-tab safety is off: this browser has no Web Locks, so two tabs saving at the same instant could overwrite each other. Use one tab at a time, or a current browser." }
                </p>
            }
            { meter }
            <div class="button-row">
                <button type="button" class="button" onclick={export(Export::Json)}>{ "Export JSON" }</button>
                <button type="button" class="button" onclick={export(Export::Sql)}>{ "Export SQL" }</button>
                <label class="button file-button">
                    { "Import JSON" }
                    <input type="file" accept=".json,application/json" class="visually-hidden" onchange={on_file} />
                </label>
            </div>
            if let Some(why) = &*export_failed {
                <p role="alert" class="import-error">{ why.clone() }</p>
            }
            if let Some(error) = &props.import_error {
                <p role="alert" class="import-error">{ error.clone() }</p>
            }
        </details>
    }
}
