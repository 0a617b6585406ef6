//! One row of the event log. A component of its own so that a click re-renders only the rows
//! whose props changed (the new event, and the one that stops being new) instead of rebuilding
//! and diffing every row of the page.

use crate::domain::{OrderId, RecordedEvent};
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
    let event_type = event.event.event_type();
    let onclick = props.on_select.reform(move |_: MouseEvent| order_id);
    html! {
        <tr class={classes!("clickable", props.is_new.then_some("is-new"))} {onclick}>
            <td class="num">{ event.event_id }</td>
            <td class="num">{ event.order_id }</td>
            <td><span class={classes!("type-badge", format!("type-{}", event_type.to_ascii_lowercase()))}>{ event_type }</span></td>
            <td class="col-data">{ json_code(&event.event.event_data()) }</td>
            <td class="col-time">
                <time datetime={format::timestamp_attr(event.event_timestamp)}>
                    { format::timestamp_html(event.event_timestamp) }
                </time>
            </td>
        </tr>
    }
}
