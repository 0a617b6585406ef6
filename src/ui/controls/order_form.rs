//! Placing an order: Customer, Total amount and the Place order button.
//! The defaults make one click enough; Enter in either field places the order too.

use crate::ui::controls::drafts::Field;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OrderFormProps {
    pub customer: AttrValue,
    pub total: AttrValue,
    pub next_order_id: u64,
    /// Writes are waiting for their turn (Place order still queues another).
    pub busy: bool,
    pub on_edit: Callback<(Field, String)>,
    pub on_place: Callback<()>,
}

/// The typed text of an input event.
pub fn typed(event: &InputEvent) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

#[function_component(OrderForm)]
pub fn order_form(props: &OrderFormProps) -> Html {
    let edit = |field: Field| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| on_edit.emit((field, typed(&e))))
    };
    let submit = {
        let on_place = props.on_place.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_place.emit(());
        })
    };
    html! {
        <form class="place-form" onsubmit={submit} aria-labelledby="place-heading">
            <h3 id="place-heading" class="group-title">
                { format!("New order #{}", props.next_order_id) }
            </h3>
            <div class="field">
                <label for="customer">{ "Customer" }</label>
                <input id="customer" type="text" autocomplete="off" spellcheck="false"
                    value={props.customer.clone()} oninput={edit(Field::Customer)} />
            </div>
            <div class="field field-narrow">
                <label for="total-amount">{ "Total amount" }</label>
                <input id="total-amount" type="text" inputmode="decimal" autocomplete="off"
                    value={props.total.clone()} oninput={edit(Field::Total)} />
            </div>
            <button type="submit" class={classes!("button", "button-primary", props.busy.then_some("is-busy"))}
                aria-busy={props.busy.then_some("true")} aria-keyshortcuts="n" data-key="n"
                aria-label="Place order">
                { "Place order" }
            </button>
        </form>
    }
}
