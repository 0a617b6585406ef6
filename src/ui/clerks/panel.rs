//! "Two clerks, one order": Ana and Ben load the same order, then act on their copies. On the
//! traditional side the second UPDATE silently wins; on the event side the second append names
//! the version it was decided on and is refused, and Ben sees the fresh state and why. It is
//! the same check that keeps the page's own tabs apart, shown one click at a time.

use crate::domain::two_clerks::{Append, Step, Turn};
use crate::domain::{Command, OrderRow};
use crate::ui::clerks::state::{ClerksAction, ClerksStory};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClerksProps {
    /// The story so far; `None` before it starts.
    pub story: Option<Rc<ClerksStory>>,
    pub on_action: Callback<ClerksAction>,
}

fn step_label(step: Step, order_id: u64) -> String {
    match step {
        Step::LoadBoth => format!("Both clerks load order {order_id}"),
        Step::AnaActs => format!("Ana ships order {order_id}"),
        Step::BenActs => format!("Ben cancels order {order_id}"),
    }
}

#[function_component(ClerksPanel)]
pub fn clerks_panel(props: &ClerksProps) -> Html {
    let act = |action: ClerksAction| props.on_action.reform(move |_: MouseEvent| action);
    let body = match &props.story {
        None => html! {
            <div class="button-row">
                <button type="button" class="button button-primary" onclick={act(ClerksAction::Start)}>
                    { "Start: two clerks, one paid order" }
                </button>
            </div>
        },
        Some(story) => story_view(story, &act),
    };
    html! {
        <section id="two-clerks" class="panel two-clerks" aria-labelledby="clerks-heading">
            <h2 id="clerks-heading">{ "Two clerks, one order" }</h2>
            <p class="hint">
                { "Ana and Ben open the same order at the same moment, then each acts on what they loaded: Ana ships it, Ben cancels it. Watch what each database does with the second write. The story runs on a copy of the order: your databases do not change." }
            </p>
            { body }
        </section>
    }
}

fn story_view(story: &ClerksStory, act: &dyn Fn(ClerksAction) -> Callback<MouseEvent>) -> Html {
    let clerks = &story.clerks;
    let order_id = clerks.setup().order_id;
    let source = if story.from_blog {
        format!("A copy of the blog example's order {order_id} (your log has no paid order).")
    } else {
        format!("A copy of order {order_id} of your log.")
    };
    let next = match clerks.next_step() {
        Some(step) => html! {
            <button type="button" class="button button-primary" onclick={act(ClerksAction::Advance)}>
                { step_label(step, order_id) }
            </button>
        },
        None => html! {
            <button type="button" class="button" onclick={act(ClerksAction::Start)}>{ "Start again" }</button>
        },
    };
    let loaded = clerks.loaded().map(|l| {
        html! {
            <p class="ck-loaded">
                { format!("Both loaded order {order_id} at version {}, status {}. Each now works on that copy.",
                    l.order.version, l.order.status_label()) }
            </p>
        }
    });
    html! {
        <>
            <p class="ck-source">{ source }</p>
            { loaded.unwrap_or_default() }
            <div class="ck-sides">
                <div class="ck-side ck-table" role="group" aria-labelledby="ck-table-heading">
                    <h3 id="ck-table-heading">{ "Traditional table: UPDATE, the last write wins" }</h3>
                    { for [clerks.ana(), clerks.ben()].into_iter().flatten().map(table_turn) }
                    { row_now(clerks.table_row()) }
                </div>
                <div class="ck-side ck-log" role="group" aria-labelledby="ck-log-heading">
                    <h3 id="ck-log-heading">{ "Event log: append at the version you loaded" }</h3>
                    { for [clerks.ana(), clerks.ben()].into_iter().flatten().map(log_turn) }
                    <p class="ck-now">{ format!("Order {order_id} in the log now: version {}, {}.",
                        clerks.order().version, clerks.order().status_label()) }</p>
                </div>
            </div>
            if clerks.next_step().is_none() {
                { verdict(story) }
            }
            <div class="button-row">{ next }</div>
        </>
    }
}

fn table_turn(turn: &Turn) -> Html {
    let who = turn.clerk.name();
    let body = match (&turn.decision, &turn.row_change) {
        (Err(why), _) => html! { <p>{ format!("{who}'s screen refuses: {why}") }</p> },
        (Ok(_), Some(change)) => html! {
            <>
                <pre class="sql"><code>{ change.sql.clone() }</code></pre>
                if turn.lost.is_empty() {
                    <p>{ "Done. Nothing warns anyone." }</p>
                } else {
                    <p class="ck-lost">
                        { "Done, silently. Lost: " }
                        { for turn.lost.iter().map(|o| html! {
                            <><del class="overwritten">{ o.old.clone() }</del>{ format!(" (the {} Ana wrote) became {}. ", o.column.name(), o.new) }</>
                        }) }
                    </p>
                }
            </>
        },
        (Ok(_), None) => html! { <p>{ "No row to change." }</p> },
    };
    html! {
        <div class="ck-turn">
            <h4>{ format!("{who} {}", acts(&turn.command)) }</h4>
            { body }
        </div>
    }
}

fn log_turn(turn: &Turn) -> Html {
    let who = turn.clerk.name();
    let body = match (&turn.decision, &turn.append) {
        (Err(why), _) => {
            html! { <p>{ format!("Refused by the rules on {who}'s copy: {why}") }</p> }
        }
        (
            Ok(events),
            Some(Append::Accepted {
                expected_version,
                new_version,
            }),
        ) => html! {
            <p class="ck-accepted">
                { format!("Appends {} expecting version {expected_version}: accepted, the order is now at version {new_version}.",
                    events.iter().map(|e| e.event.event_type()).collect::<Vec<_>>().join(", ")) }
            </p>
        },
        (Ok(_), Some(Append::Refused(conflict))) => html! {
            <>
                <p class="ck-refused" role="status">{ conflict.to_string() }</p>
                if let Some(fresh) = &turn.fresh {
                    <p>
                        { format!("{who} now sees the fresh state: version {}, {}. ", fresh.order.version, fresh.order.status_label()) }
                        { match &fresh.retry {
                            Ok(_) => format!("{who} may still {} it.", turn.command.name()),
                            Err(why) => format!("Trying again, the rules say: {why}"),
                        } }
                    </p>
                }
            </>
        },
        (Ok(_), None) => html! {},
    };
    html! {
        <div class="ck-turn">
            <h4>{ format!("{who} {}", acts(&turn.command)) }</h4>
            { body }
        </div>
    }
}

fn row_now(row: Option<&OrderRow>) -> Html {
    match row {
        Some(row) => html! {
            <p class="ck-now">{ format!("Order {} in the table now: {}.", row.order_id, row.status) }</p>
        },
        None => html! {},
    }
}

/// What the story showed, in one sentence per side.
fn verdict(story: &ClerksStory) -> Html {
    let clerks = &story.clerks;
    let row = clerks.table_row().map(|r| r.status.to_string());
    let lost_update = clerks.ben().is_some_and(|t| !t.lost.is_empty());
    let refused = matches!(
        clerks.ben().and_then(|t| t.append.as_ref()),
        Some(Append::Refused(_))
    );
    html! {
        <div class="ck-verdict">
            if lost_update {
                <p>{ format!("The table says {} for an order that left the warehouse: Ana's shipment was overwritten, and nothing says it ever happened.",
                    row.unwrap_or_default()) }</p>
            }
            if refused {
                <p>{ format!("The log refused Ben's stale write and kept the shipment: order {} is {}. The page's own tabs are kept apart by the same check.",
                    clerks.setup().order_id, clerks.order().status_label()) }</p>
            }
        </div>
    }
}

/// "ships it", "cancels it": what the clerk does, as a heading says it.
fn acts(command: &Command) -> &'static str {
    match command {
        Command::ShipOrder { .. } => "ships it",
        Command::CancelOrder { .. } => "cancels it",
        Command::PayOrder => "pays it",
        Command::DeliverOrder => "delivers it",
        _ => "acts on it",
    }
}
