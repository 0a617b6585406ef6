//! Callbacks that read the live databases when the learner asks (a script, a share link, a
//! download, the storage meter). Built once per page, so the panels given them do not
//! re-render on every click.

use crate::app::LogReader;
use crate::domain::{encode_log, event_sourced_script, scenario_fragment, traditional_script};
use crate::store::Usage;
use crate::ui::insights::sql_panel::Script;
use crate::ui::storage::panel::Export;
use crate::ui::widgets::dom;
use yew::prelude::*;

pub struct Reads {
    pub make_script: Callback<Script, String>,
    pub make_fragment: Callback<(), Result<String, String>>,
    /// Downloads the log as a file; says why not if the browser refused.
    pub export: Callback<Export, Result<(), String>>,
    /// Downloads the raw data of a damaged store; says why not if the browser refused.
    pub download_backup: Callback<(), Result<(), String>>,
    pub measure: Callback<(), Usage>,
}

#[hook]
pub fn use_reads(log: LogReader) -> Reads {
    Reads {
        make_script: use_callback(log.clone(), |script: Script, log| {
            let db = log.read();
            match script {
                Script::Traditional => traditional_script(db.table()),
                Script::EventSourced => event_sourced_script(db.events()),
            }
        }),
        make_fragment: use_callback(log.clone(), |(), log| {
            scenario_fragment(log.read().events()).map_err(|e| e.to_string())
        }),
        export: use_callback(log.clone(), |export: Export, log| {
            let db = log.read();
            match export {
                Export::Json => dom::download(
                    "event-log.json",
                    "application/json",
                    &encode_log(db.events()),
                ),
                Export::Sql => dom::download(
                    "event_sourced.sql",
                    "application/sql",
                    &event_sourced_script(db.events()),
                ),
            }
        }),
        download_backup: use_callback(log.clone(), |(), log| match log.read().backup() {
            Some((name, text)) => dom::download(&name, "application/json", &text),
            None => Err("there is no backup to download".into()),
        }),
        measure: use_callback(log, |(), log| log.read().usage()),
    }
}
