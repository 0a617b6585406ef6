//! The "not reproducible" bug: a faulty packaging step records a payment problem on a paid
//! order. The traditional row shows a wrong status and nothing else; the log names the culprit
//! event, its source and time; replaying without it shows the order as it should be.

use crate::domain::TableColumn;
use crate::ui::bug_story::view::BugStoryView;
use crate::ui::databases::traditional_table::{numeric_class, value_html, COLUMNS};
use crate::ui::widgets::dom::reveal;
use crate::ui::widgets::format;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BugStoryProps {
    /// The story as the log tells it; `None` when the log is not the bug story.
    pub view: Rc<Option<BugStoryView>>,
    /// Whether the debugger replays without the culprit.
    pub culprit_skipped: bool,
    pub on_run: Callback<()>,
    pub on_find: Callback<()>,
    pub on_skip: Callback<()>,
    /// Records the corrective event.
    pub on_correct: Callback<()>,
}

#[function_component(BugStory)]
pub fn bug_story(props: &BugStoryProps) -> Html {
    let run = props.on_run.reform(|_: MouseEvent| ());
    let body = match props.view.as_ref() {
        None => html! {
            <div class="bs-start">
                <p>{ "Order 2 was paid. Then support finds it flagged with a payment problem, and the customer insists they paid. The traditional table cannot say why." }</p>
                <div class="button-row">
                    <button type="button" class="button button-primary" onclick={run}>{ "Run the bug story" }</button>
                </div>
            </div>
        },
        Some(view) => story(view, props),
    };
    html! {
        <section id="bug-story" class="panel bug-story" tabindex="-1" aria-labelledby="bug-story-heading">
            <h2 id="bug-story-heading">{ "The bug nobody could reproduce" }</h2>
            { body }
            { explanation() }
        </section>
    }
}

fn story(view: &BugStoryView, props: &BugStoryProps) -> Html {
    let culprit = &view.culprit;
    let order_id = culprit.order_id;
    // Every view lands on the culprit, and the debugger comes into view.
    let (on_find, on_skip) = (props.on_find.clone(), props.on_skip.clone());
    let find = Callback::from(move |_: MouseEvent| {
        on_find.emit(());
        reveal("replay-debugger");
    });
    let skip = Callback::from(move |_: MouseEvent| {
        on_skip.emit(());
        reveal("replay-debugger");
    });
    let row = view.row.as_ref().map(|row| {
        let caption = format!("The traditional row of order {order_id}");
        let cells = TableColumn::ALL.map(|column| (column, value_html(row, column)));
        let class = |column: TableColumn| match column {
            TableColumn::Status => Some("bs-wrong"),
            column => numeric_class(column),
        };
        // The row as the table has it; a phone, too narrow for five columns, shows the same
        // row turned on its side (as psql's expanded display does), one column name a line.
        // CSS shows one of the two; the hidden one is out of the accessibility tree too.
        html! {
            <>
                <table class="data-table bs-row bs-row-wide">
                    <caption>{ caption.clone() }</caption>
                    <thead>{ format::header_row(&COLUMNS) }</thead>
                    <tbody><tr>
                        { for cells.iter().map(|(column, value)| html! {
                            <td class={classes!(class(*column))}>{ value.clone() }</td>
                        }) }
                    </tr></tbody>
                </table>
                <table class="data-table bs-row bs-row-tall">
                    <caption>{ caption }</caption>
                    <tbody>
                        { for cells.iter().map(|(column, value)| html! {
                            <tr><th scope="row">{ column.name() }</th><td class={classes!(class(*column))}>{ value.clone() }</td></tr>
                        }) }
                    </tbody>
                </table>
            </>
        }
    });
    html! {
        <ol class="bs-steps">
            <li class="bs-step bs-table">
                <h3>{ "What the traditional table says" }</h3>
                { row.unwrap_or_default() }
                <p>
                    { format!("Status {}, and nothing else: no earlier status, no source, no time. ", view.row_status()) }
                    <strong class="bs-verdict">{ "Ticket closed: “not reproducible”." }</strong>
                </p>
                if let Some(correction) = view.correction.as_ref().filter(|_| !view.table_is_wrong()) {
                    <p class="hint">{ format!("The row is right again now: event {}, a correction, put it back. The table no longer shows that anything went wrong; the log shows both the wrong report and its correction.", correction.event_id) }</p>
                }
            </li>
            <li class="bs-step bs-log">
                <h3>{ "What the event log says" }</h3>
                <dl class="bs-culprit">
                    <div><dt>{ "Event" }</dt><dd>{ format!("#{} {} on order {order_id}", culprit.event_id, culprit.event.event_type()) }</dd></div>
                    <div><dt>{ "Source" }</dt><dd class="bs-source">{ view.source.clone() }</dd></div>
                    <div><dt>{ "Time" }</dt><dd>
                        <time datetime={format::timestamp_attr(culprit.event_timestamp)}>{ format::timestamp(culprit.event_timestamp) }</time>
                    </dd></div>
                    <div><dt>{ "Detail" }</dt><dd>{ view.detail.clone() }</dd></div>
                </dl>
                if let Some(paid) = &view.paid {
                    <p>{ format!("Earlier, event {} recorded the payment of {} at {}. The payment was fine; a later event came from the wrong place.",
                        paid.event_id, view.paid_amount(), format::timestamp(paid.event_timestamp)) }</p>
                }
                <div class="button-row">
                    <button type="button" class="button button-primary" onclick={find}>{ "Find the culprit" }</button>
                </div>
            </li>
            <li class="bs-step bs-fix">
                <h3>{ "What should it be?" }</h3>
                <p>{ "Replay the order without the culprit: the debugger skips it, the stored log stays as it is." }</p>
                <div class="button-row">
                    <button type="button" class="button" aria-pressed={props.culprit_skipped.to_string()} onclick={skip}>
                        { "Skip the culprit" }
                    </button>
                </div>
                if props.culprit_skipped {
                    <p class="bs-result" role="status">
                        { format!("Without event {}, order {order_id} is ", culprit.event_id) }
                        <strong>{ view.fixed_status() }</strong>
                        { ": exactly what the customer said." }
                    </p>
                }
            </li>
            { correction_step(view, props) }
        </ol>
    }
}

/// The fix: a new event that says what really happened, never a second charge.
fn correction_step(view: &BugStoryView, props: &BugStoryProps) -> Html {
    let culprit = &view.culprit;
    let order_id = culprit.order_id;
    let body = match &view.correction {
        Some(correction) => html! {
            <p class="bs-result" role="status">
                { format!("Recorded as event {}: {} citing event {}. Order {order_id} is {} in both databases, paid once; the log keeps the mistake and its correction.",
                    correction.event_id, correction.event.event_type(), culprit.event_id, view.row_status()) }
            </p>
        },
        None => html! {
            <>
                <p>
                    { format!("Paying again would charge the customer a second {} (the rules refuse it). The fix is a new event that says what really happened: ", view.paid_amount()) }
                    <code>{ "PaymentProblemRetracted" }</code>
                    { format!(", citing event {}. Nothing in the past is edited.", culprit.event_id) }
                </p>
                <div class="button-row">
                    <button type="button" class="button" onclick={props.on_correct.reform(|_: MouseEvent| ())}>
                        { "Record the correction" }
                    </button>
                </div>
            </>
        },
    };
    html! {
        <li class="bs-step bs-correct">
            <h3>{ "The fix: a correction, not a second payment" }</h3>
            { body }
        </li>
    }
}

/// Why it matters: the blog's bank and online-shop examples.
fn explanation() -> Html {
    html! {
        <div id="bug-story-why" class="bs-why">
            <h3>{ "Why a history beats a status" }</h3>
            <p>
                <strong>{ "A bank" }</strong>
                { " never overwrites a balance: it records every transaction, so any balance can be explained and recomputed. A bank that kept only balances could not tell a bug from a fraud once a transaction's trail was lost." }
            </p>
            <p>
                <strong>{ "The online shop" }</strong>
                { " in the blog had this very bug: its packaging step flagged payment problems on paid orders. The orders table showed only the wrong status, so the bug could not be reproduced. With events, the source and time point at the faulty step, replay without it shows the truth, and the fix is a new event that corrects the record, never an edit of the past and never a second charge." }
            </p>
        </div>
    }
}
