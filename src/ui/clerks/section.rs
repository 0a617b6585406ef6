//! Two clerks, one order, on the page.

use crate::ui::clerks::panel::ClerksPanel;
use crate::ui::clerks::state::ClerksAction;
use crate::ui::page::state::Action;
use crate::ui::page::wire::{use_dispatch, Page, Wire};
use yew::prelude::*;

#[hook]
pub fn use_clerks_on(wire: &Wire) -> Callback<ClerksAction> {
    use_dispatch(wire, Action::Clerks)
}

pub fn clerks(page: &Page, on: &Callback<ClerksAction>) -> Html {
    html! { <ClerksPanel story={page.state.clerks.clone()} on_action={on.clone()} /> }
}
