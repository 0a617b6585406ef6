//! The replay debugger for one order: step through its events with the state before and after
//! each, the changed fields marked; skip any event to see the state it would have led to.
//! Skipping replays without the event; the stored log is never changed.

use crate::domain::{what_if, EventId, HistoryStep, Order, OrderId, RecordedEvent, WhatIf};
use crate::ui::replay_debugger::state::{Debugger, DebuggerAction};
use crate::ui::replay_debugger::what_if_text;
use crate::ui::widgets::badge::type_badge;
use crate::ui::widgets::format;
use crate::ui::widgets::json_view::json_code;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReplayDebuggerProps {
    pub order_id: Option<OrderId>,
    /// The order's history, oldest first.
    pub steps: Rc<Vec<HistoryStep>>,
    pub debugger: Debugger,
    /// Events in the whole log, to say it is unchanged.
    pub log_len: usize,
    /// The bug story's culprit, marked when it is among the steps.
    #[prop_or_default]
    pub culprit: Option<EventId>,
    pub on_action: Callback<DebuggerAction>,
}

/// The fields compared before and after an event, as (name, value): the order's own fields,
/// not the store's bookkeeping (its stream version), which the log table does not show.
fn fields(order: &Order) -> Vec<(&'static str, String)> {
    let date = order.order_date.map_or("—".into(), format::timestamp);
    let mut fields = format::order_fields(order);
    fields.insert(3, ("order_date", date));
    fields
}

#[function_component(ReplayDebugger)]
pub fn replay_debugger(props: &ReplayDebuggerProps) -> Html {
    let what_if = use_memo(
        (props.steps.clone(), props.debugger.clone()),
        |(steps, debugger)| {
            let events: Vec<RecordedEvent> = steps.iter().map(|s| s.event.clone()).collect();
            what_if(&events, &debugger.skipped_among(&events))
        },
    );
    let (Some(order_id), false) = (props.order_id, props.steps.is_empty()) else {
        return html! {
            <section id="replay-debugger" class="panel replay-debugger" tabindex="-1" aria-labelledby="debugger-heading">
                <h2 id="debugger-heading">{ "Replay debugger" }</h2>
                <p class="hint">{ "Select an order to step through its events, one at a time, with the state before and after each." }</p>
            </section>
        };
    };
    let steps = &props.steps;
    let open = props.debugger.step(order_id, steps.len());
    let go = |step: usize| {
        props
            .on_action
            .reform(move |_: MouseEvent| DebuggerAction::Open { order_id, step })
    };
    let step = &steps[open];
    let list = steps.iter().enumerate().map(|(i, s)| {
        let id = s.event.event_id;
        let skipped = props.debugger.is_skipped(&s.event);
        let event_kind = s.event.event.kind();
        let toggle = props.on_action.reform(move |_: Event| DebuggerAction::ToggleSkip(id));
        let checkbox_id = format!("skip-event-{id}");
        html! {
            <li key={id} class={classes!("rd-step", (i == open).then_some("is-open"), skipped.then_some("is-skipped"),
                    (props.culprit == Some(id)).then_some("is-culprit"))}>
                <button type="button" class="rd-step-button" aria-current={(i == open).then_some("step")} onclick={go(i)}>
                    <span class="step-version">{ format!("{}.", s.event.version) }</span>
                    { type_badge(event_kind) }
                    <span class="rd-step-id">{ format!("event {id}") }</span>
                </button>
                <span class="rd-skip">
                    <input type="checkbox" id={checkbox_id.clone()} checked={skipped} onchange={toggle} />
                    <label for={checkbox_id}>{ format!("Skip event {id}") }</label>
                </span>
            </li>
        }
    });
    html! {
        <section id="replay-debugger" class="panel replay-debugger" tabindex="-1" aria-labelledby="debugger-heading">
            <h2 id="debugger-heading">{ format!("Replay debugger: order {order_id}") }</h2>
            <p class="hint">
                { "Step through the order's events and watch its state change. Tick “Skip” to replay without an event: what if it never happened? The stored log stays as it is." }
            </p>
            <div class="rd-nav button-row">
                <button type="button" class="button button-small" aria-disabled={(open == 0).then_some("true")}
                    onclick={(open > 0).then(|| go(open - 1))}>{ "Previous event" }</button>
                <span class="rd-position" role="status">{ format!("Step {} of {}", open + 1, steps.len()) }</span>
                <button type="button" class="button button-small" aria-disabled={(open + 1 >= steps.len()).then_some("true")}
                    onclick={(open + 1 < steps.len()).then(|| go(open + 1))}>{ "Next event" }</button>
            </div>
            <div class="rd-body">
                <ol class="rd-steps" aria-label={format!("Events of order {order_id}")}>{ for list }</ol>
                { step_detail(step, props.culprit, props.debugger.is_skipped(&step.event)) }
            </div>
            { what_if_panel(what_if.as_ref().as_ref(), steps, props.log_len, props.on_action.clone()) }
        </section>
    }
}

/// The open step: the event, then each field before and after it (unless the what-if skips it:
/// then it is not applied, and the table would say otherwise).
fn step_detail(step: &HistoryStep, culprit: Option<EventId>, skipped: bool) -> Html {
    let event = &step.event;
    let before = fields(&step.before);
    let rows = fields(&step.after)
        .into_iter()
        .zip(before)
        .map(|((name, after), (_, before))| {
            let changed = step.changed.contains(&name);
            html! {
                <tr class={classes!(changed.then_some("is-changed-here"))}>
                    <th scope="row"><code>{ name }</code></th>
                    <td>{ before }</td>
                    <td>
                        if changed { <span class="changed-mark" aria-hidden="true">{ "●" }</span> }
                        { after }
                        if changed { <span class="visually-hidden">{ " (changed)" }</span> }
                    </td>
                </tr>
            }
        });
    html! {
        <div class="rd-detail">
            <h3>{ format!("Event {}: {}", event.event_id, event.event.event_type()) }</h3>
            if culprit == Some(event.event_id) {
                <p class="rd-culprit"><strong>{ "This is the culprit." }</strong>{ " It came from the packaging step, not from the payment provider." }</p>
            }
            <p class="rd-event-meta">
                <time datetime={format::timestamp_attr(event.event_timestamp)}>{ format::timestamp(event.event_timestamp) }</time>
                { " · " }{ json_code(&event.event.event_data()) }
            </p>
            if skipped {
                <p class="rd-skipped-note">
                    { format!("Skipped: in the what-if replay event {} never happens, so it changes nothing. Untick “Skip event {}” to see what it did.", event.event_id, event.event_id) }
                </p>
            } else {
                { compare_table(format!("State before and after event {}", event.event_id), &["field", "before", "after"], rows.collect()) }
            }
        </div>
    }
}

/// What the order would be without the skipped events, asked two ways, beside what it is.
fn what_if_panel(
    what_if: Option<&WhatIf>,
    steps: &[HistoryStep],
    log_len: usize,
    on_action: Callback<DebuggerAction>,
) -> Html {
    let Some(result) = what_if else {
        return html! {};
    };
    let Some(real) = steps.last().map(|s| &s.after) else {
        return html! {};
    };
    let rows = fields(real)
        .into_iter()
        .zip(fields(&result.as_facts))
        .zip(fields(&result.checked))
        .map(|(((name, real), (_, facts)), (_, checked))| {
            let differs = real != facts || real != checked;
            let cell = |value: String| {
                let different = value != real;
                html! {
                    <td>{ value }if different { <span class="visually-hidden">{ " (different)" }</span> }</td>
                }
            };
            html! {
                <tr class={classes!(differs.then_some("is-changed-here"))}>
                    <th scope="row"><code>{ name }</code></th>
                    <td>{ real.clone() }</td>
                    { cell(facts) }
                    { cell(checked) }
                </tr>
            }
        });
    html! {
        <div class="rd-whatif" aria-labelledby="whatif-heading" role="region">
            <h3 id="whatif-heading">{ format!("What if {} never happened?", what_if_text::event_list(&result.skipped)) }</h3>
            <p class="rd-whatif-facts">{ what_if_text::as_facts(result, real) }</p>
            <p class="rd-whatif-checked">{ what_if_text::checked(result, real) }</p>
            if !result.refused.is_empty() {
                <ul class="rd-refused">{ for result.refused.iter().map(|r| html! {
                    <li>{ format!("Event {} ({}): {}", r.event_id, r.event_type, r.why) }</li>
                }) }</ul>
            }
            { compare_table("The order as stored, replayed as facts, and checked against the rules".into(),
                &["field", "as stored", "as facts", "under the rules"], rows.collect()) }
            <p class="hint">{ format!("The stored log is unchanged: it still holds {}.", format::count(log_len, "event", "events")) }</p>
            <div class="button-row">
                <button type="button" class="button button-small" onclick={on_action.reform(|_| DebuggerAction::ClearSkips)}>
                    { "Put skipped events back" }
                </button>
            </div>
        </div>
    }
}

/// A field-by-field comparison of states of the order (the changed fields marked by the rows),
/// under `columns` ("field", then one per state).
/// In its own scroll box: on a narrow phone the table scrolls, never breaking a word.
fn compare_table(caption: String, columns: &[&'static str], rows: Html) -> Html {
    html! {
        <div class="table-box" tabindex="0" role="group" aria-label={caption.clone()}>
            <table class="data-table rd-diff">
                <caption>{ caption }</caption>
                <thead>{ format::header_row(columns) }</thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}
