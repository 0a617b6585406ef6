//! The controls on the page: the order form, the action bar and the examples, with the
//! callbacks they may call.

use crate::app::Example;
use crate::domain::OrderId;
use crate::ui::controls::action_bar::{ActionBar, Allowed};
use crate::ui::controls::drafts::Field;
use crate::ui::controls::examples_bar::ExamplesBar;
use crate::ui::controls::order_form::OrderForm;
use crate::ui::controls::reset_button::ResetButton;
use crate::ui::page::intents::Intent;
use crate::ui::page::state::Action;
use crate::ui::page::wire::{use_dispatch, use_intent, Page, Wire};
use yew::prelude::*;

pub struct ControlsOn {
    pub edit: Callback<(Field, String)>,
    pub place: Callback<()>,
    pub pay: Callback<()>,
    pub ship: Callback<()>,
    pub deliver: Callback<()>,
    pub cancel: Callback<()>,
    pub select: Callback<OrderId>,
    pub select_next: Callback<()>,
    pub select_previous: Callback<()>,
    pub dismiss: Callback<()>,
    pub load: Callback<Example>,
    pub reset: Callback<()>,
}

#[hook]
pub fn use_controls_on(wire: &Wire) -> ControlsOn {
    ControlsOn {
        edit: use_dispatch(wire, |(field, text)| Action::Edit(field, text)),
        place: use_intent(wire, |()| Intent::Place),
        pay: use_intent(wire, |()| Intent::Pay),
        ship: use_intent(wire, |()| Intent::Ship),
        deliver: use_intent(wire, |()| Intent::Deliver),
        cancel: use_intent(wire, |()| Intent::Cancel),
        select: use_dispatch(wire, Action::Select),
        select_next: use_dispatch(wire, |()| Action::SelectNext),
        select_previous: use_dispatch(wire, |()| Action::SelectPrevious),
        dismiss: use_dispatch(wire, |()| Action::DismissAlert),
        load: use_intent(wire, Intent::Load),
        reset: use_intent(wire, |()| Intent::Reset),
    }
}

/// The controls; `extra` goes at the end of the examples bar (the lesson's launcher).
pub fn controls(page: &Page, on: &ControlsOn, extra: Html) -> Html {
    let state = page.state;
    let db = state.log.read();
    let drafts = &state.drafts;
    let selected = state.selected;
    let order = selected.and_then(|id| db.order(id));
    let busy = state.writes_waiting > 0;
    html! {
        <section class="controls" aria-labelledby="controls-heading" aria-busy={busy.then_some("true")}>
            <h2 id="controls-heading" class="visually-hidden">{ "Actions" }</h2>
            <OrderForm customer={drafts.customer.clone()} total={drafts.total.clone()}
                next_order_id={db.next_order_id()} {busy} on_edit={on.edit.clone()} on_place={on.place.clone()} />
            <ActionBar options={page.shown.options.clone()} {selected}
                status={order.map(|o| AttrValue::from(o.status_label()))}
                allowed={Allowed::for_order(order)} {busy} carrier={drafts.carrier.clone()} tracking={drafts.tracking.clone()}
                reason={drafts.reason.clone()} alert={state.alert.clone()} compact={state.presenter}
                on_select={on.select.clone()} on_edit={on.edit.clone()} on_pay={on.pay.clone()} on_ship={on.ship.clone()}
                on_deliver={on.deliver.clone()} on_cancel={on.cancel.clone()} on_dismiss={on.dismiss.clone()} />
            <ExamplesBar on_load={on.load.clone()}>
                <ResetButton on_reset={on.reset.clone()} />
                { extra }
            </ExamplesBar>
        </section>
    }
}

/// The status line under the controls: a hint on an empty log, else what just happened.
pub fn notice(page: &Page) -> Html {
    let state = page.state;
    let is_empty = state.log.read().events().is_empty();
    html! {
        <p class="notice" role="status">
            if is_empty {
                { "Both databases are empty. Press " }<strong>{ "Place order" }</strong>
                { " to create order 1, or " }<strong>{ "Load blog example" }</strong>{ "." }
            } else if let Some(notice) = &state.notice {
                { notice.clone() }
            }
        </p>
    }
}
