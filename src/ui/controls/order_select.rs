//! The select labelled **Order**: one option per order (the page's contract).
//!
//! With thousands of orders the options are most of the page's elements, so they are not Yew
//! nodes: Yew owns the `<select>`, and [`OptionFiller`] keeps its options in step with the list
//! of orders. The component re-runs only when the list or the selection changes, never on Pay.

use crate::domain::OrderId;
use crate::ui::controls::option_filler::{OptionFiller, OrderOptions};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OrderSelectProps {
    /// (order_id, label) for every order, ascending. Compared by pointer first (Rc of Eq), so
    /// an unchanged list costs nothing.
    pub options: OrderOptions,
    pub selected: Option<OrderId>,
    pub on_select: Callback<OrderId>,
}

#[function_component(OrderSelect)]
pub fn order_select(props: &OrderSelectProps) -> Html {
    let select = use_node_ref();
    let filler = use_mut_ref(OptionFiller::default);
    {
        let select = select.clone();
        use_effect_with(
            (props.options.clone(), props.selected),
            move |(options, selected)| {
                if let Some(select) = select.cast::<HtmlSelectElement>() {
                    OptionFiller::show(&filler, &select, options, *selected);
                }
            },
        );
    }
    let on_change = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(id) = value.parse() {
                on_select.emit(id);
            }
        })
    };
    html! {
        <select ref={select} id="order-select" onchange={on_change}
            disabled={props.options.is_empty()} aria-describedby="order-status" />
    }
}
