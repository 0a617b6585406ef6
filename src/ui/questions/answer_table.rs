//! A question's answer as a table: one row per order, cancellation or day, as the read model
//! built them. Money and times are written the way the databases show them.

use crate::domain::questions::{Answer, WaitEnd};
use crate::domain::Money;
use crate::ui::widgets::format;
use chrono::Duration;
use yew::prelude::*;

/// "2 d 3 h", "1 h 05 min", "12 min", "45 s".
pub fn duration_text(d: Duration) -> String {
    let seconds = d.num_seconds().max(0);
    let (days, hours, minutes) = (seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60);
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{seconds} s"),
        (0, 0, m) => format!("{m} min"),
        (0, h, m) => format!("{h} h {m:02} min"),
        (d, h, _) => format!("{d} d {h} h"),
    }
}

fn table(caption: &str, columns: &[&'static str], rows: Html) -> Html {
    html! {
        <div class="table-scroll">
            <table class="data-table q-answer">
                <caption class="visually-hidden">{ caption.to_string() }</caption>
                <thead>{ format::header_row(columns) }</thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

fn money(amount: Option<Money>) -> String {
    amount.map_or_else(|| "—".into(), |m| m.to_string())
}

/// The answer's rows, or a sentence when the log does not hold any yet.
pub fn answer_table(answer: &Answer) -> Html {
    if answer.is_empty() {
        let why = match answer {
            Answer::ShippingWaits(_) => {
                "No order in the log has been paid yet: there is no wait to measure."
            }
            Answer::Cancellations(_) => "No order in the log has been cancelled.",
            Answer::RevenuePerDay { .. } => "No money has been received or refunded yet.",
        };
        return html! { <p class="q-empty">{ why }</p> };
    }
    match answer {
        Answer::ShippingWaits(rows) => {
            let now = chrono::Utc::now();
            let rows = rows.iter().map(|row| {
                let (shipped, waited) = match &row.end {
                    WaitEnd::Shipped { shipped_at, wait } => {
                        (format::timestamp(*shipped_at), duration_text(*wait))
                    }
                    WaitEnd::StillWaiting { problem_since } => (
                        problem_since.map_or_else(
                            || "not yet".into(),
                            |at| {
                                format!("not yet: payment problem since {}", format::timestamp(at))
                            },
                        ),
                        format!("{} so far", duration_text(row.waited(now))),
                    ),
                    WaitEnd::Cancelled {
                        cancelled_at,
                        waited,
                    } => (
                        format!("never: cancelled {}", format::timestamp(*cancelled_at)),
                        duration_text(*waited),
                    ),
                };
                html! {
                    <tr key={row.order_id}>
                        <td class="num">{ row.order_id }</td>
                        <td>{ format::timestamp_html(row.paid_at) }</td>
                        <td>{ shipped }</td>
                        <td class="num">{ waited }</td>
                    </tr>
                }
            });
            table(
                "How long each order waited between payment and shipping",
                &["order_id", "paid", "shipped", "waited"],
                rows.collect::<Html>(),
            )
        }
        Answer::Cancellations(rows) => {
            let rows = rows.iter().map(|row| {
                let from = row.from.map_or("(unknown)", |s| s.as_str());
                html! {
                    <tr key={row.event_id}>
                        <td class="num">{ row.order_id }</td>
                        <td><span class="status-badge">{ from }</span></td>
                        <td>{ format::timestamp_html(row.cancelled_at) }</td>
                        <td>{ row.reason.clone() }</td>
                        <td class="num">{ money(row.refund) }</td>
                    </tr>
                }
            });
            table(
                "Cancelled orders and the status each was cancelled from",
                &["order_id", "cancelled from", "when", "reason", "refund"],
                rows.collect::<Html>(),
            )
        }
        Answer::RevenuePerDay { rows, total } => {
            let rows = rows.iter().map(|row| {
                html! {
                    <tr key={row.day.to_string()}>
                        <td>{ row.day.to_string() }</td>
                        <td class="num">{ row.received.to_string() }</td>
                        <td class="num">{ row.refunded.to_string() }</td>
                        <td class="num">{ row.net().to_string() }</td>
                    </tr>
                }
            });
            html! {
                <>
                    { table("Revenue per day (UTC)", &["day", "received", "refunded", "net"], rows.collect::<Html>()) }
                    <p class="q-total">{ format!("In all: {total}.") }</p>
                </>
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_at_a_glance() {
        assert_eq!(duration_text(Duration::seconds(45)), "45 s");
        assert_eq!(duration_text(Duration::minutes(12)), "12 min");
        assert_eq!(duration_text(Duration::minutes(65)), "1 h 05 min");
        assert_eq!(duration_text(Duration::hours(51)), "2 d 3 h");
    }
}
