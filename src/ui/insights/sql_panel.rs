//! The SQL each side just ran, side by side (UPDATE beside INSERT), with copy buttons, and the
//! whole-database scripts of both designs.

use crate::domain::{insert_event_sql, RecordedEvent};
use crate::ui::databases::last_change::LastChange;
use crate::ui::widgets::dom;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Which whole-database script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Traditional,
    EventSourced,
}

impl Script {
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Traditional => "traditional.sql",
            Self::EventSourced => "event_sourced.sql",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct SqlPanelProps {
    pub change: Option<Rc<LastChange>>,
    /// Builds a whole-database script on demand (it is as long as the log).
    pub make_script: Callback<Script, String>,
}

/// The event side's statements for `events`.
pub fn event_sql(events: &[RecordedEvent]) -> String {
    events
        .iter()
        .map(insert_event_sql)
        .collect::<Vec<_>>()
        .join("\n")
}

#[function_component(SqlPanel)]
pub fn sql_panel(props: &SqlPanelProps) -> Html {
    let copied = use_state(|| None::<&'static str>);
    let copy = |what: &'static str, text: String| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let text = text.clone();
            spawn_local(async move {
                let ok = dom::copy(text).await;
                copied.set(Some(if ok {
                    what
                } else {
                    "nothing (the browser refused)"
                }));
            });
        })
    };
    let (table_sql, log_sql) = match &props.change {
        Some(change) => (
            change
                .accepted
                .row_changes
                .iter()
                .map(|c| c.sql.clone())
                .collect::<Vec<_>>()
                .join("\n"),
            event_sql(&change.accepted.events),
        ),
        None => (String::new(), String::new()),
    };
    let block = |title: &'static str, class: &'static str, sql: &String, button: &'static str| {
        html! {
            <div class={classes!("sql-block", class)}>
                <div class="sql-block-head">
                    <h3>{ title }</h3>
                    <button type="button" class="button button-quiet button-small"
                        disabled={sql.is_empty()} onclick={copy(button, sql.clone())}>{ button }</button>
                </div>
                <pre><code>{ if sql.is_empty() { "-- nothing yet" } else { sql.as_str() } }</code></pre>
            </div>
        }
    };
    let download_failed = use_state(|| None::<String>);
    let download = |script: Script| {
        let (make, failed) = (props.make_script.clone(), download_failed.clone());
        Callback::from(move |_: MouseEvent| {
            let started = dom::download(script.file_name(), "application/sql", &make.emit(script));
            failed.set(started.err().map(|why| dom::download_failed(&why)));
        })
    };
    html! {
        <section class="panel panel-sql" aria-labelledby="sql-heading">
            <h2 id="sql-heading">{ "SQL each side just ran" }</h2>
            <div class="sql-pair">
                { block("orders: UPDATE in place", "sql-table", &table_sql, "Copy traditional SQL") }
                { block("order_events: INSERT only", "sql-log", &log_sql, "Copy event SQL") }
            </div>
            <p class="copy-status" role="status">
                { copied.map(|what| format!("Copied {}.", what.trim_start_matches("Copy "))).unwrap_or_default() }
            </p>
            <div class="scripts">
                <h3>{ "Whole-database scripts (PostgreSQL)" }</h3>
                <p class="hint">{ "Each script recreates one design from an empty database: run it with psql." }</p>
                <div class="button-row">
                    <button type="button" class="button" onclick={download(Script::Traditional)}>
                        { "Download traditional.sql" }
                    </button>
                    <button type="button" class="button" onclick={download(Script::EventSourced)}>
                        { "Download event_sourced.sql" }
                    </button>
                </div>
                if let Some(why) = &*download_failed {
                    <p role="alert" class="import-error">{ why.clone() }</p>
                }
            </div>
        </section>
    }
}
