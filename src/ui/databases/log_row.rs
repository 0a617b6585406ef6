//! One row of the event log. A component of its own so that a click re-renders only the rows
//! whose props changed (the new event, and the one that stops being new) instead of rebuilding
//! and diffing every row of the page.

use crate::domain::{
    stored_and_read_forms, was_upcast, OrderId, RecordedEvent, CURRENT_SCHEMA_VERSION,
};
use crate::ui::widgets::badge::type_badge;
use crate::ui::widgets::format;
use crate::ui::widgets::json_view::json_code;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LogRowProps {
    pub event: RecordedEvent,
    /// Appended by the last action: highlighted as it arrives.
    pub is_new: bool,
    /// Stable (from the app), so an unchanged row compares equal.
    pub on_select: Callback<OrderId>,
}

#[function_component(LogRow)]
pub fn log_row(props: &LogRowProps) -> Html {
    let event = &props.event;
    let order_id = event.order_id;
    let event_kind = event.event.kind();
    let onclick = props.on_select.reform(move |_: MouseEvent| order_id);
    html! {
        <tr class={classes!("clickable", props.is_new.then_some("is-new"))} {onclick}>
            <td class="num">{ event.event_id }</td>
            <td class="num">{ event.order_id }</td>
            <td>{ type_badge(event_kind) }</td>
            <td class="col-data">
                { json_code(&event.event.event_data()) }
                if was_upcast(event) { { upcast_marker(event) } }
            </td>
            <td class="col-time">
                <time datetime={format::timestamp_attr(event.event_timestamp)}>
                    { format::timestamp_html(event.event_timestamp) }
                </time>
            </td>
        </tr>
    }
}

/// An event an older release wrote: stored as it was written, upcast as it is read. Both
/// forms side by side, so the learner sees what the upcaster does (and that it never rewrites).
fn upcast_marker(event: &RecordedEvent) -> Html {
    let (stored, read) = stored_and_read_forms(event);
    html! {
        <details class="upcast">
            <summary>{ format!("Upcast: stored in schema version {}", event.schema_version) }</summary>
            <dl class="upcast-forms">
                <div><dt>{ format!("Stored (version {})", event.schema_version) }</dt><dd>{ json_code(&stored) }</dd></div>
                <div><dt>{ format!("Read as (version {CURRENT_SCHEMA_VERSION})") }</dt><dd>{ json_code(&read) }</dd></div>
            </dl>
        </details>
    }
}
