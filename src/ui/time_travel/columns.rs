//! The three columns under the timeline: every order as of event n (derived by replay), the log
//! around event n (later events dimmed), and the traditional table, which only knows now.

use crate::ui::databases::pager::Pager;
use crate::ui::time_travel::state::position_text;
use crate::ui::time_travel::view::TimeView;
use crate::ui::widgets::badge::type_badge;
use crate::ui::widgets::format;
use yew::prelude::*;

fn status_badge(label: &str) -> Html {
    html! {
        <span class={classes!("status-badge", format!("status-{}", label.to_ascii_lowercase()))}>{ label.to_string() }</span>
    }
}

/// Left: every order as the first n events make it, a page at a time. (Plain functions, not
/// components: the panel re-renders them only when its memoized view changes anyway.)
pub fn as_of_orders(view: &TimeView, on_page: Callback<usize>) -> Html {
    let focus = view.current.as_ref().map(|e| e.order_id);
    let counts = view.counts.iter().map(|(status, n)| {
        html! { <li>{ status_badge(status.as_str()) }{ format!(" {n}") }</li> }
    });
    html! {
        <div class="tt-column tt-derived" role="group" aria-labelledby="tt-derived-heading">
            <h3 id="tt-derived-heading">{ "Derived from the events" }</h3>
            <p class="tt-sub">
                { format!("Every order as of {}: replaying events 1 to {}.",
                    position_text(view.position, view.len).to_ascii_lowercase(), view.position) }
            </p>
            if view.order_count == 0 {
                <p class="hint">{ "No order exists yet at this point." }</p>
            } else {
                <ul class="tt-counts" aria-label="Orders by status">
                    { for counts }
                    <li>{ format!("revenue {}", view.revenue) }</li>
                </ul>
                // Its own scroll box: on a narrow phone the table scrolls, never breaking a word.
                <div class="table-box" tabindex="0" role="group" aria-labelledby="tt-orders-caption">
                <table class="data-table tt-table">
                    <caption id="tt-orders-caption" class="visually-hidden">{ format!("Orders as of {}", position_text(view.position, view.len).to_ascii_lowercase()) }</caption>
                    <thead><tr>
                        <th scope="col">{ "order_id" }</th>
                        <th scope="col">{ "customer_id" }</th>
                        <th scope="col">{ "status" }</th>
                        <th scope="col">{ "amount_paid" }</th>
                    </tr></thead>
                    <tbody>
                        { for view.orders.iter().map(|order| {
                            let touched = focus == Some(order.order_id);
                            html! {
                                <tr key={order.order_id} class={classes!(touched.then_some("is-touched"))}>
                                    <td class="num">
                                        { order.order_id }
                                        if touched { <span class="visually-hidden">{ " (changed by this event)" }</span> }
                                    </td>
                                    <td>{ order.customer_id.clone() }</td>
                                    <td>{ status_badge(order.status_label()) }</td>
                                    <td class="num">{ order.amount_paid.to_string() }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
                <Pager label="Orders as of this event, pages" page={view.page} pages={view.pages}
                    previous_label="Previous orders" next_label="More orders" {on_page} />
            }
        </div>
    }
}

/// Middle: the events around n, oldest first; those after n have not happened yet. `on_jump`
/// moves the timeline to the event with that number.
pub fn as_of_log(view: &TimeView, on_jump: &Callback<usize>) -> Html {
    let items = view.window.iter().map(|event| {
        let id = event.event_id;
        let future = view.is_future(id);
        let current = id == view.position as u64;
        let event_kind = event.event.kind();
        let jump = on_jump.reform(move |_: MouseEvent| id as usize);
        html! {
            <li key={id} class={classes!("tt-event", future.then_some("is-future"), current.then_some("is-current"))}
                aria-current={current.then_some("step")}>
                <button type="button" class="tt-event-button" onclick={jump}>
                    <span class="visually-hidden">{ "Jump to event " }</span>
                    <span class="tt-event-id">{ format!("#{id}") }</span>
                    { type_badge(event_kind) }
                    <span class="tt-event-order">{ format!("order {}", event.order_id) }</span>
                    <time datetime={format::timestamp_attr(event.event_timestamp)}>{ format::timestamp(event.event_timestamp) }</time>
                </button>
                if future { <span class="tt-later">{ "not yet" }</span> }
            </li>
        }
    });
    html! {
        <div class="tt-column tt-log" role="group" aria-labelledby="tt-log-heading">
            <h3 id="tt-log-heading">{ "Event log" }</h3>
            <p class="tt-sub">
                { format!("Events 1 to {} have happened; later ones are dimmed. The log itself never changes.", view.position) }
            </p>
            <ol class="tt-events">{ for items }</ol>
        </div>
    }
}

/// Right: the traditional table cannot go back. It shows the current event's order as it is
/// now, beside what the events say it was then.
pub fn only_now(view: &TimeView) -> Html {
    let comparison = match (&view.then, &view.now) {
        (Some(then), Some(now)) if view.is_past() => {
            let differs = then.status_label() != now.status.as_str();
            html! {
                <>
                    <dl class="tt-compare">
                        <div><dt>{ format!("Order {} as of event {}", then.order_id, view.position) }</dt>
                            <dd>{ status_badge(then.status_label()) }<span class="tt-source">{ " from the events" }</span></dd></div>
                        <div><dt>{ format!("Order {} in the traditional table", now.order_id) }</dt>
                            <dd>{ status_badge(now.status.as_str()) }<span class="tt-source">{ " now, and only now" }</span></dd></div>
                    </dl>
                    if differs {
                        <p class="tt-verdict">{ format!("The table says {} and cannot tell you it was once {}.",
                            now.status, then.status_label()) }</p>
                    }
                </>
            }
        }
        _ if !view.is_past() => html! {
            <p class="hint">{ "At the end of the log both sides agree. Move the timeline back: the events can replay any moment; the table cannot." }</p>
        },
        _ => html! {},
    };
    html! {
        <div class={classes!("tt-column", "tt-now", view.is_past().then_some("is-past"))} role="group"
            aria-labelledby="tt-now-heading">
            <h3 id="tt-now-heading">{ "Traditional table" }</h3>
            <p class="tt-cannot">
                <strong>{ "It cannot go back: it only knows now." }</strong>
                { " Every UPDATE overwrote the value before it, so there is no event n to return to." }
            </p>
            { comparison }
        </div>
    }
}
