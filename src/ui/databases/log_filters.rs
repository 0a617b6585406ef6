//! Narrowing the event log: by order and by event type.
//!
//! The order filter is a number box, not a select: a select needs one element per order, and
//! with thousands of orders that list alone cost more than the rest of the page to build, while
//! nobody scrolls a list of 2,500 orders to find one. Typing the order number scales.

use crate::domain::{EventType, OrderId};
use crate::ui::databases::log_view::LogFilter;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LogFiltersProps {
    pub filter: LogFilter,
    pub on_order: Callback<Option<OrderId>>,
    pub on_type: Callback<Option<EventType>>,
    pub on_clear: Callback<()>,
}

#[function_component(LogFilters)]
pub fn log_filters(props: &LogFiltersProps) -> Html {
    let on_order = {
        let cb = props.on_order.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            // Empty (or not a whole number yet) means every order.
            cb.emit(value.trim().parse().ok())
        })
    };
    let on_type = {
        let cb = props.on_type.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            cb.emit(EventType::named(&value));
        })
    };
    let f = props.filter;
    html! {
        <div class="log-filters">
            <div class="field filter-order">
                <label for="filter-order">{ "Filter by order" }</label>
                <input id="filter-order" type="number" inputmode="numeric" min="1" step="1"
                    placeholder="All orders" autocomplete="off"
                    value={f.order.map(|id| id.to_string()).unwrap_or_default()}
                    oninput={on_order} />
            </div>
            <div class="field">
                <label for="filter-type">{ "Filter by event type" }</label>
                <select id="filter-type" onchange={on_type}>
                    <option value="" selected={f.event_type.is_none()}>{ "All event types" }</option>
                    { for EventType::ALL.iter().map(|&t| html! {
                        <option value={t.name()} selected={f.event_type == Some(t)}>{ t.name() }</option>
                    }) }
                </select>
            </div>
            if f.is_active() {
                <button type="button" class="button button-quiet button-small"
                    onclick={props.on_clear.reform(|_| ())}>{ "Clear filters" }</button>
            }
        </div>
    }
}
