//! What the page derives about the selected order: its replayed state beside its row, the SQL
//! each side ran, and its history.

use crate::ui::insights::derived_state::DerivedState;
use crate::ui::insights::order_history::OrderHistory;
use crate::ui::insights::sql_panel::SqlPanel;
use crate::ui::page::wire::Page;
use yew::prelude::*;

pub fn insights(page: &Page) -> Html {
    let below = page.below;
    html! {
        <>
            <div class="insights">
                <DerivedState order={below.order.clone()} row={below.row.clone()} event_count={below.event_count} />
                <SqlPanel change={below.last_change.clone()} make_script={page.reads.make_script.clone()} />
            </div>
            <OrderHistory order_id={page.state.selected} steps={below.steps.clone()} />
        </>
    }
}
