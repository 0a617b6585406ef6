//! The timeline on the page.

use crate::ui::page::state::Action;
use crate::ui::page::wire::{use_dispatch, Page, Wire};
use crate::ui::time_travel::panel::TimeTravelPanel;
use crate::ui::time_travel::state::TimeTravelAction;
use yew::prelude::*;

#[hook]
pub fn use_time_travel_on(wire: &Wire) -> Callback<TimeTravelAction> {
    use_dispatch(wire, Action::TimeTravel)
}

pub fn time_travel(page: &Page, on: &Callback<TimeTravelAction>) -> Html {
    html! {
        <TimeTravelPanel view={page.below.time_view.clone()} travel={page.state.time_travel.clone()} on_action={on.clone()} />
    }
}
