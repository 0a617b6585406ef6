//! Narrowing the event log: by order and by event type.

use super::state::LogFilter;
use crate::domain::{OrderEvent, OrderId};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LogFiltersProps {
    pub options: Rc<Vec<(OrderId, String)>>,
    pub filter: LogFilter,
    pub on_order: Callback<Option<OrderId>>,
    pub on_type: Callback<Option<&'static str>>,
    pub on_clear: Callback<()>,
}

fn selected_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}

#[function_component(LogFilters)]
pub fn log_filters(props: &LogFiltersProps) -> Html {
    let on_order = {
        let cb = props.on_order.clone();
        Callback::from(move |e: Event| cb.emit(selected_value(&e).parse().ok()))
    };
    let on_type = {
        let cb = props.on_type.clone();
        Callback::from(move |e: Event| {
            let value = selected_value(&e);
            cb.emit(OrderEvent::TYPES.into_iter().find(|t| *t == value));
        })
    };
    let f = props.filter;
    html! {
        <div class="log-filters">
            <div class="field">
                <label for="filter-order">{ "Filter by order" }</label>
                <select id="filter-order" onchange={on_order}>
                    <option value="" selected={f.order.is_none()}>{ "All orders" }</option>
                    { for props.options.iter().map(|(id, label)| html! {
                        <option key={*id} value={id.to_string()} selected={f.order == Some(*id)}>{ label.clone() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="filter-type">{ "Filter by event type" }</label>
                <select id="filter-type" onchange={on_type}>
                    <option value="" selected={f.event_type.is_none()}>{ "All event types" }</option>
                    { for OrderEvent::TYPES.iter().map(|t| html! {
                        <option value={*t} selected={f.event_type == Some(*t)}>{ *t }</option>
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
