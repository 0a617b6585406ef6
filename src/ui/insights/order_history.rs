//! The selected order's life: its events in order, the state after each, and which event
//! changed which field. This is what the traditional table cannot show.

use crate::domain::{HistoryStep, OrderId};
use crate::ui::widgets::badge::type_badge;
use crate::ui::widgets::format;
use std::rc::Rc;
use yew::prelude::*;

/// The fields shown per step (the same names as the derived-state panel).
const FIELDS: [&str; 7] = [
    "status",
    "customer_id",
    "total_amount",
    "amount_paid",
    "carrier",
    "tracking_number",
    "cancel_reason",
];

#[derive(Properties, PartialEq)]
pub struct OrderHistoryProps {
    pub order_id: Option<OrderId>,
    pub steps: Rc<Vec<HistoryStep>>,
}

#[function_component(OrderHistory)]
pub fn order_history(props: &OrderHistoryProps) -> Html {
    let title = match props.order_id {
        Some(id) => format!("History of order {id}"),
        None => "Order history".to_string(),
    };
    let body = if props.steps.is_empty() {
        html! { <p class="hint">{ "Select an order (or click its row) to see every event that shaped it." }</p> }
    } else {
        let rows = props.steps.iter().map(|step| {
            let values = format::order_fields(&step.after);
            let event = &step.event;
            let event_kind = event.event.kind();
            html! {
                <tr key={event.event_id}>
                    <th scope="row" class="step-event">
                        <span class="step-version">{ format!("{}.", event.version) }</span>
                        { type_badge(event_kind) }
                        <time datetime={format::timestamp_attr(event.event_timestamp)}>{ format::timestamp(event.event_timestamp) }</time>
                    </th>
                    { for FIELDS.iter().map(|field| {
                        let value = values.iter().find(|(name, _)| name == field).map(|(_, v)| v.clone()).unwrap_or_default();
                        if step.changed.contains(field) {
                            html! {
                                <td class="is-changed-here">
                                    <span class="changed-mark" aria-hidden="true">{ "●" }</span>
                                    { value }
                                    <span class="visually-hidden">{ " (changed by this event)" }</span>
                                </td>
                            }
                        } else {
                            html! { <td class="unchanged">{ value }</td> }
                        }
                    }) }
                </tr>
            }
        });
        html! {
            <>
                <p class="hint">
                    <span class="changed-mark" aria-hidden="true">{ "●" }</span>
                    { " marks the event that changed a field. Each row is the state right after its event." }
                </p>
                <div class="table-scroll" tabindex="0" role="group" aria-labelledby="history-heading">
                    <table class="data-table history-table">
                        <thead><tr>
                            <th scope="col">{ "event" }</th>
                            { for FIELDS.iter().map(|f| html! { <th scope="col">{ *f }</th> }) }
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </>
        }
    };
    html! {
        <section class="panel panel-history" aria-labelledby="history-heading">
            <h2 id="history-heading">{ title }</h2>
            { body }
        </section>
    }
}
