//! The selected order as replaying its events gives it, and a check that the traditional row
//! says the same thing (it does, until the bug story makes them differ).

use crate::domain::{Order, OrderRow};
use crate::ui::widgets::format;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DerivedStateProps {
    pub order: Option<Order>,
    pub row: Option<OrderRow>,
    /// How many events the order's stream holds.
    pub event_count: usize,
}

/// The columns both sides hold, as (column, from the events, from the table); `None` when the
/// table has no row.
pub fn compare(
    order: &Order,
    row: Option<&OrderRow>,
) -> Vec<(&'static str, String, Option<String>)> {
    let date = order.order_date.map(format::timestamp).unwrap_or_default();
    vec![
        (
            "customer_id",
            order.customer_id.clone(),
            row.map(|r| r.customer_id.clone()),
        ),
        (
            "order_date",
            date,
            row.map(|r| format::timestamp(r.order_date)),
        ),
        (
            "total_amount",
            order.total_amount.to_string(),
            row.map(|r| r.total_amount.to_string()),
        ),
        (
            "status",
            order.status_label().to_string(),
            row.map(|r| r.status.to_string()),
        ),
    ]
}

#[function_component(DerivedState)]
pub fn derived_state(props: &DerivedStateProps) -> Html {
    let body = match &props.order {
        None => {
            html! { <p class="hint">{ "Select an order to see the state its events add up to." }</p> }
        }
        Some(order) => {
            let compared = compare(order, props.row.as_ref());
            let differences: Vec<_> = compared
                .iter()
                .filter(|(_, e, t)| t.as_ref() != Some(e))
                .collect();
            let verdict = if differences.is_empty() {
                html! {
                    <p class="verdict verdict-ok">
                        <span class="verdict-icon" aria-hidden="true">{ "✓" }</span>
                        { format!("Agrees with the traditional row for order {}.", order.order_id) }
                    </p>
                }
            } else {
                html! {
                    <div class="verdict verdict-bad">
                        <p>
                            <span class="verdict-icon" aria-hidden="true">{ "✗" }</span>
                            { format!("Differs from the traditional row for order {}:", order.order_id) }
                        </p>
                        <ul>{ for differences.iter().map(|(column, events, table)| html! {
                            <li>
                                <code>{ *column }</code>{ " is " }<strong>{ events.clone() }</strong>
                                { " from the events but " }
                                <strong>{ table.clone().unwrap_or_else(|| "missing".into()) }</strong>
                                { " in the table." }
                            </li>
                        }) }</ul>
                    </div>
                }
            };
            html! {
                <>
                    <p class="derived-intro">
                        { format!("Order {} = replay of its {}:", order.order_id,
                            format::count(props.event_count, "event", "events")) }
                    </p>
                    <dl class="derived-fields">
                        { for format::order_fields(order).into_iter().map(|(name, value)| html! {
                            <div class="derived-field">
                                <dt><code>{ name }</code></dt>
                                <dd>{ value }</dd>
                            </div>
                        }) }
                    </dl>
                    { verdict }
                </>
            }
        }
    };
    html! {
        <section class="panel panel-derived" aria-labelledby="derived-heading">
            <h2 id="derived-heading">{ "Derived by replaying events" }</h2>
            { body }
        </section>
    }
}
