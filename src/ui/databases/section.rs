//! The two databases side by side, with the callbacks they may call.

use crate::domain::{EventType, OrderId};
use crate::ui::databases::event_log::EventLog;
use crate::ui::databases::traditional_table::TraditionalTableView;
use crate::ui::page::state::Action;
use crate::ui::page::wire::{use_dispatch, Page, Wire};
use yew::prelude::*;

pub struct DatabasesOn {
    pub select: Callback<OrderId>,
    pub filter_order: Callback<Option<OrderId>>,
    pub filter_type: Callback<Option<EventType>>,
    pub clear_filters: Callback<()>,
    pub log_page: Callback<usize>,
    pub table_page: Callback<usize>,
}

#[hook]
pub fn use_databases_on(wire: &Wire) -> DatabasesOn {
    DatabasesOn {
        select: use_dispatch(wire, Action::Select),
        filter_order: use_dispatch(wire, Action::FilterByOrder),
        filter_type: use_dispatch(wire, Action::FilterByType),
        clear_filters: use_dispatch(wire, |()| Action::ClearFilters),
        log_page: use_dispatch(wire, Action::ShowLogPage),
        table_page: use_dispatch(wire, Action::ShowTablePage),
    }
}

pub fn databases(page: &Page, on: &DatabasesOn) -> Html {
    let (state, shown) = (page.state, page.shown);
    let db = state.log.read();
    html! {
        <div id="databases" class="databases" tabindex="-1">
            <TraditionalTableView page={shown.table_page.clone()} selected={state.selected} change={state.last_change.clone()}
                overwritten_count={db.table().overwritten_count()} on_select={on.select.clone()} on_page={on.table_page.clone()} />
            <EventLog page={shown.log_page.clone()} order_ids={db.order_ids()} filter={state.filter}
                new_ids={shown.new_ids.clone()} on_filter_order={on.filter_order.clone()} on_filter_type={on.filter_type.clone()}
                on_clear_filters={on.clear_filters.clone()} on_page={on.log_page.clone()} on_select={on.select.clone()} />
        </div>
    }
}
