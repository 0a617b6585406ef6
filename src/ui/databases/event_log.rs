//! Right: the append-only `order_events` table, newest first, a page at a time. Events the
//! last action appended are highlighted as they arrive.

use crate::domain::{EventId, EventType, OrderId};
use crate::ui::databases::log_filters::LogFilters;
use crate::ui::databases::log_row::LogRow;
use crate::ui::databases::log_view::LogFilter;
use crate::ui::databases::log_view::LogPage;
use crate::ui::databases::pager::Pager;
use crate::ui::widgets::format;
use std::rc::Rc;
use yew::prelude::*;

pub const COLUMNS: [&str; 5] = [
    "event_id",
    "order_id",
    "event_type",
    "event_data",
    "event_timestamp",
];

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub page: Rc<LogPage>,
    /// Every order id: the event-sourced design's `orders` table, which keeps only ids.
    pub order_ids: Rc<Vec<OrderId>>,
    pub filter: LogFilter,
    /// Events appended by the last action.
    pub new_ids: Rc<Vec<EventId>>,
    pub on_filter_order: Callback<Option<OrderId>>,
    pub on_filter_type: Callback<Option<EventType>>,
    pub on_clear_filters: Callback<()>,
    pub on_page: Callback<usize>,
    pub on_select: Callback<OrderId>,
}

/// "10 events", or "4 of 10 events" when a filter is on.
pub fn count_text(page: &LogPage, filter: &LogFilter) -> String {
    let all = format::count(page.total, "event", "events");
    if filter.is_active() {
        format!("{} of {all}", format::group_thousands(page.matching))
    } else {
        all
    }
}

/// "1, 2, 3, 4", or "1, 2, 3, … 120 (120 ids)" for a long list; "none yet" for none.
fn ids_text(ids: &[OrderId]) -> String {
    const SHOWN: usize = 8;
    let list = |ids: &[OrderId]| {
        ids.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match ids {
        [] => "none yet".into(),
        _ if ids.len() <= SHOWN => list(ids),
        [.., last] => format!(
            "{}, … {last} ({})",
            list(&ids[..SHOWN - 1]),
            format::count(ids.len(), "id", "ids")
        ),
    }
}

#[function_component(EventLog)]
pub fn event_log(props: &EventLogProps) -> Html {
    let page = &props.page;
    let rows = page.rows.iter().map(|event| {
        html! {
            <LogRow key={event.event_id} event={event.clone()}
                is_new={props.new_ids.contains(&event.event_id)} on_select={props.on_select.clone()} />
        }
    });
    let empty_text = if page.total == 0 {
        "No events yet. Every accepted action appends one here."
    } else {
        "No events match these filters."
    };
    html! {
        <section class="db db-log" aria-labelledby="log-heading">
            <div class="db-head">
                <div>
                    <h2 id="log-heading">{ "Event log" }</h2>
                    <p class="db-sub"><code>{ "order_events" }</code>{ " · append only, newest first" }</p>
                    <p class="db-sub db-ids"><code>{ "orders" }</code>{ format!(" keeps only ids: {}", ids_text(&props.order_ids)) }</p>
                </div>
                <p class="counter counter-log" aria-live="polite">{ count_text(page, &props.filter) }</p>
            </div>
            <LogFilters filter={props.filter}
                on_order={props.on_filter_order.clone()} on_type={props.on_filter_type.clone()}
                on_clear={props.on_clear_filters.clone()} />
            <div class="table-scroll" tabindex="0" role="group" aria-labelledby="log-heading">
                <table class="data-table">
                    <thead>{ format::header_row(&COLUMNS) }</thead>
                    <tbody>
                        // The rows alone in their list, so Yew matches them by key: a new event
                        // at the top of a full page then moves no row. Beside the empty row,
                        // they were matched by position, and every row was rebuilt.
                        if page.rows.is_empty() {
                            <tr class="empty-row"><td colspan="5">{ empty_text }</td></tr>
                        } else {
                            { for rows }
                        }
                    </tbody>
                </table>
            </div>
            <p class="db-note">
                { "In " }<code>{ "event_data" }</code>
                { ", money is whole cents (4990 is 49.90): integers, so nothing is ever rounded. Times are UTC." }
            </p>
            <Pager label="Event log pages" page={page.page} pages={page.pages}
                previous_label="Newer" next_label="Older" on_page={props.on_page.clone()} />
        </section>
    }
}
