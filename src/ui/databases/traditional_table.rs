//! Left: the traditional `orders` table, one row per order, changed in place. The cell an
//! action just changed is highlighted, with the value it destroyed struck through beside it.

use crate::domain::{OrderId, OrderRow, Overwritten, RowChange, Statement, TableColumn};
use crate::ui::databases::last_change::LastChange;
use crate::ui::databases::pager::Pager;
use crate::ui::databases::table_view::TablePage;
use crate::ui::widgets::format;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The column names, in table order, as the header shows them.
pub const COLUMNS: [&str; 5] = [
    TableColumn::OrderId.name(),
    TableColumn::CustomerId.name(),
    TableColumn::OrderDate.name(),
    TableColumn::TotalAmount.name(),
    TableColumn::Status.name(),
];

#[derive(Properties, PartialEq)]
pub struct TraditionalTableProps {
    pub page: Rc<TablePage>,
    pub selected: Option<OrderId>,
    pub change: Option<Rc<LastChange>>,
    pub overwritten_count: u64,
    pub on_select: Callback<OrderId>,
    pub on_page: Callback<usize>,
}

#[function_component(TraditionalTableView)]
pub fn traditional_table(props: &TraditionalTableProps) -> Html {
    let scroller = use_node_ref();
    use_changed_cell_in_view(scroller.clone(), props.change.as_ref().map(|c| c.seq));
    let page = &props.page;
    let change = props.change.as_deref();
    let rows = page.rows.iter().map(|row| {
        let changes: Vec<&RowChange> = change
            .map(|c| {
                c.accepted
                    .row_changes
                    .iter()
                    .filter(|rc| rc.order_id == row.order_id)
                    .collect()
            })
            .unwrap_or_default();
        let inserted = changes.iter().any(|rc| rc.statement == Statement::Insert);
        let seq = change.map_or(0, |c| c.seq);
        let on_select = props.on_select.clone();
        let id = row.order_id;
        let class = classes!(
            "clickable",
            (props.selected == Some(id)).then_some("is-selected"),
            inserted.then_some("is-inserted"),
        );
        html! {
            <tr key={id} {class} aria-current={(props.selected == Some(id)).then_some("true")}
                onclick={Callback::from(move |_| on_select.emit(id))}>
                { for TableColumn::ALL.into_iter().map(|column| cell(row, column, &changes, seq)) }
            </tr>
        }
    });
    let count = props.overwritten_count;
    html! {
        <section class="db db-table" aria-labelledby="table-heading">
            <div class="db-head">
                <div>
                    <h2 id="table-heading">{ "Traditional table" }</h2>
                    <p class="db-sub"><code>{ "orders" }</code>{ " · " }
                        <span class="counter-rows">{ format::count(page.total, "row", "rows") }</span>
                        { ", one per order, updated in place" }</p>
                </div>
                <p class={classes!("counter", "counter-loss", (count > 0).then_some("is-nonzero"))}>
                    <strong>{ count }</strong>
                    { if count == 1 { " value overwritten so far" } else { " values overwritten so far" } }
                </p>
            </div>
            <div class="table-scroll" tabindex="0" role="group" aria-labelledby="table-heading" ref={scroller}>
                <table class="data-table">
                    <thead>{ format::header_row(&COLUMNS) }</thead>
                    <tbody>
                        // The rows alone in their list, so Yew matches them by key (see
                        // event_log.rs): a new order at the end of the page rebuilds no row.
                        if page.rows.is_empty() {
                            <tr class="empty-row"><td colspan="5">
                                { "No rows yet. Place an order, or load the blog example." }
                            </td></tr>
                        } else {
                            { for rows }
                        }
                    </tbody>
                </table>
            </div>
            <p class="db-note">{ "Times are UTC." }</p>
            <Pager label="Traditional table pages" page={page.page} pages={page.pages}
                previous_label="Previous" next_label="Next" on_page={props.on_page.clone()} />
            { lost_facts(change) }
        </section>
    }
}

/// `column`'s value in `row` as text.
fn value_text(row: &OrderRow, column: TableColumn) -> String {
    match column {
        TableColumn::OrderId => row.order_id.to_string(),
        TableColumn::CustomerId => row.customer_id.clone(),
        TableColumn::OrderDate => format::timestamp(row.order_date),
        TableColumn::TotalAmount => row.total_amount.to_string(),
        TableColumn::Status => row.status.to_string(),
    }
}

/// `column`'s value in `row` as a cell shows it: a date only ever wraps between its halves.
pub fn value_html(row: &OrderRow, column: TableColumn) -> Html {
    match column {
        TableColumn::OrderDate => format::timestamp_html(row.order_date),
        _ => html! { value_text(row, column) },
    }
}

/// The class of a column whose values are numbers (right-aligned), if it is one.
pub fn numeric_class(column: TableColumn) -> Option<&'static str> {
    matches!(column, TableColumn::OrderId | TableColumn::TotalAmount).then_some("num")
}

fn cell(row: &OrderRow, column: TableColumn, changes: &[&RowChange], seq: u64) -> Html {
    let overwritten: Option<&Overwritten> = changes
        .iter()
        .flat_map(|rc| rc.overwritten.iter())
        .find(|o| o.column == column);
    let numeric = numeric_class(column);
    let class = format!("col-{}", column.name());
    match overwritten {
        None => html! { <td class={classes!(numeric, class)}>{ value_html(row, column) }</td> },
        Some(o) => html! {
            <td class={classes!(numeric, class, "is-changed")}>
                <span class="change" key={seq.to_string()}>
                    <del class="overwritten" title="Overwritten: this value is gone from the table">{ o.old.clone() }</del>
                    <span class="arrow" aria-hidden="true">{ " → " }</span>
                    <span class="new-value">{ value_text(row, column) }</span>
                </span>
            </td>
        },
    }
}

/// The facts the last action carried that the table had no column for.
fn lost_facts(change: Option<&LastChange>) -> Html {
    let Some(change) = change else {
        return html! {};
    };
    let lost: Vec<_> = change
        .accepted
        .row_changes
        .iter()
        .flat_map(|rc| rc.not_stored.iter())
        .collect();
    if lost.is_empty() {
        return html! {};
    }
    html! {
        <div class="lost-facts">
            <p class="lost-title">{ "Not stored anywhere by this table:" }</p>
            <ul>
                { for lost.iter().map(|fact| html! {
                    <li><code>{ fact.field }</code>{ " = " }<span class="lost-value">{ fact.value.clone() }</span></li>
                }) }
            </ul>
        </div>
    }
}

/// On a narrow screen the table scrolls sideways inside its box, and `status` may start out of
/// sight: after each change, the box scrolls (sideways only) to show the cell that changed.
#[hook]
fn use_changed_cell_in_view(scroller: NodeRef, seq: Option<u64>) {
    use_effect_with(seq, move |_| {
        let (Some(scroller), Some(cell)) = (
            scroller.cast::<web_sys::HtmlElement>(),
            scroller
                .cast::<web_sys::Element>()
                .and_then(|s| s.query_selector(".is-changed").ok().flatten())
                .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()),
        ) else {
            return;
        };
        let (left, width) = (cell.offset_left(), cell.offset_width());
        let (shown, visible) = (scroller.scroll_left(), scroller.client_width());
        if left < shown || left + width > shown + visible {
            scroller.set_scroll_left((left + width - visible).max(0));
        }
    });
}
