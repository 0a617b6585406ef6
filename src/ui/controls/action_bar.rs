//! The selected order and what can be done to it: the Order select, Pay, Ship, Deliver,
//! Cancel order, the details Ship and Cancel need, and the alert explaining a refusal.

use crate::domain::{decide, Command, Order, OrderId};
use crate::ui::controls::alert::Alert;
use crate::ui::controls::drafts::Field;
use crate::ui::controls::order_form::typed;
use crate::ui::controls::order_select::OrderSelect;
use std::rc::Rc;
use yew::prelude::*;

/// Which of the four actions the rules would accept now (shown as emphasis, never disabled:
/// trying a forbidden action is part of the lesson).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Allowed {
    pub pay: bool,
    pub ship: bool,
    pub deliver: bool,
    pub cancel: bool,
}

impl Allowed {
    /// Which actions the rules would accept for `order` right now (asked of `decide` itself).
    pub fn for_order(order: Option<&Order>) -> Allowed {
        let Some(order) = order else {
            return Allowed::default();
        };
        let ok = |command: Command| decide(order, &command).is_ok();
        Allowed {
            pay: ok(Command::PayOrder),
            ship: ok(Command::ShipOrder {
                carrier: "x".into(),
                tracking_number: "x".into(),
            }),
            deliver: ok(Command::DeliverOrder),
            cancel: ok(Command::CancelOrder { reason: "x".into() }),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ActionBarProps {
    /// (order_id, label) for every order, ascending.
    pub options: Rc<Vec<(OrderId, String)>>,
    pub selected: Option<OrderId>,
    /// The selected order's status, as derived from its events.
    pub status: Option<AttrValue>,
    pub allowed: Allowed,
    /// Writes are waiting for their turn: clicks still queue behind them, never dropped.
    pub busy: bool,
    pub carrier: AttrValue,
    pub tracking: AttrValue,
    pub reason: AttrValue,
    pub alert: Option<Alert>,
    /// Presenter mode: fold the details away.
    pub compact: bool,
    pub on_select: Callback<OrderId>,
    pub on_edit: Callback<(Field, String)>,
    pub on_pay: Callback<()>,
    pub on_ship: Callback<()>,
    pub on_deliver: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[function_component(ActionBar)]
pub fn action_bar(props: &ActionBarProps) -> Html {
    let edit = |field: Field| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| on_edit.emit((field, typed(&e))))
    };
    let button = |label: &'static str, key: &'static str, allowed: bool, cb: &Callback<()>| {
        let class = classes!("button", "button-action", allowed.then_some("is-allowed"));
        html! {
            <button type="button" {class} aria-keyshortcuts={key} data-key={key} aria-label={label}
                onclick={cb.reform(|_| ())}>
                { label }
            </button>
        }
    };
    let a = props.allowed;
    html! {
        <section class="action-bar" aria-labelledby="actions-heading">
            <h3 id="actions-heading" class="group-title">{ "Act on an order" }</h3>
            <div class="act-row">
                <div class="field order-field">
                    <label for="order-select">{ "Order" }</label>
                    <OrderSelect options={props.options.clone()} selected={props.selected}
                        on_select={props.on_select.clone()} />
                </div>
                <p id="order-status" class="order-status">
                    if let Some(status) = &props.status {
                        <span class="field-label">{ "Status" }</span>
                        <span class={classes!("status-badge", format!("status-{}", status.to_ascii_lowercase()))}>
                            { status.clone() }
                        </span>
                    } else {
                        { "Place an order to begin." }
                    }
                </p>
                <div class={classes!("action-buttons", props.busy.then_some("is-busy"))}
                    aria-busy={props.busy.then_some("true")}>
                    { button("Pay", "p", a.pay, &props.on_pay) }
                    { button("Ship", "s", a.ship, &props.on_ship) }
                    { button("Deliver", "d", a.deliver, &props.on_deliver) }
                    { button("Cancel order", "c", a.cancel, &props.on_cancel) }
                </div>
            </div>
            if let Some(alert) = &props.alert {
                <div class="alert" key={alert.seq}>
                    <span class="alert-icon" aria-hidden="true">{ "!" }</span>
                    <p role="alert">{ alert.text.clone() }</p>
                    <button type="button" class="button button-quiet button-small"
                        onclick={props.on_dismiss.reform(|_| ())}>{ "Dismiss" }</button>
                </div>
            }
            // Open by default; presenter mode folds it away to leave the screen to the databases.
            <details class="command-details" open={!props.compact}>
                <summary>{ "Details sent with Ship and Cancel order" }</summary>
                <div class="details-grid">
                    <div class="field">
                        <label for="carrier">{ "Carrier" }</label>
                        <input id="carrier" type="text" autocomplete="off" value={props.carrier.clone()}
                            oninput={edit(Field::Carrier)} />
                    </div>
                    <div class="field">
                        <label for="tracking">{ "Tracking number" }</label>
                        <input id="tracking" type="text" autocomplete="off" value={props.tracking.clone()}
                            oninput={edit(Field::Tracking)} />
                    </div>
                    <div class="field field-wide">
                        <label for="reason">{ "Cancel reason" }</label>
                        <input id="reason" type="text" autocomplete="off" value={props.reason.clone()}
                            oninput={edit(Field::Reason)} />
                    </div>
                </div>
            </details>
        </section>
    }
}
