//! The replay debugger on the page, for the selected order.

use crate::ui::page::state::Action;
use crate::ui::page::wire::{use_dispatch, Page, Wire};
use crate::ui::replay_debugger::panel::ReplayDebugger;
use crate::ui::replay_debugger::state::DebuggerAction;
use yew::prelude::*;

#[hook]
pub fn use_debugger_on(wire: &Wire) -> Callback<DebuggerAction> {
    use_dispatch(wire, Action::Debugger)
}

pub fn replay_debugger(page: &Page, on: &Callback<DebuggerAction>) -> Html {
    let below = page.below;
    let culprit = below.story.as_ref().as_ref().map(|s| s.culprit.event_id);
    html! {
        <ReplayDebugger order_id={page.state.selected} steps={below.steps.clone()} debugger={page.state.debugger.clone()}
            log_len={below.log_len} {culprit} on_action={on.clone()} />
    }
}
