//! How values are written on screen: text, and a little markup where text needs break points.

use crate::domain::Order;
use chrono::{DateTime, Utc};

/// A timestamp as the tables show it: "2026-11-27 09:15:02".
pub fn timestamp(at: DateTime<Utc>) -> String {
    crate::domain::timestamp_text(at)
}

/// A table's header row: one column header per name, its text exactly the column's name. (A
/// break point inside the name, `<wbr>` after an underscore, made browsers name the header
/// "order_ id"; narrow tables scroll inside their box instead.)
pub fn header_row(names: &[&'static str]) -> yew::Html {
    yew::html! { <tr>{ for names.iter().map(|&name| yew::html! { <th scope="col">{ name }</th> }) }</tr> }
}

/// A timestamp as two unbreakable halves, date and time, so it only ever wraps between them.
pub fn timestamp_html(at: DateTime<Utc>) -> yew::Html {
    let text = timestamp(at);
    let (date, time) = text.split_once(' ').unwrap_or((&text, ""));
    yew::html! {
        <><span class="nowrap">{ date.to_string() }</span>{ " " }<span class="nowrap">{ time.to_string() }</span></>
    }
}

/// A timestamp for a `<time datetime>` attribute.
pub fn timestamp_attr(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// "1 event", "2 events".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", group_thousands(n), if n == 1 { one } else { many })
}

/// 10000 -> "10,000".
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The derived fields of an order worth showing, as (column, value) pairs, in a fixed order.
pub fn order_fields(order: &Order) -> Vec<(&'static str, String)> {
    let optional = |value: &Option<String>| value.clone().unwrap_or_else(|| "—".into());
    vec![
        ("status", order.status_label().to_string()),
        ("customer_id", order.customer_id.clone()),
        ("total_amount", order.total_amount.to_string()),
        ("amount_paid", order.amount_paid.to_string()),
        ("carrier", optional(&order.carrier)),
        ("tracking_number", optional(&order.tracking_number)),
        ("cancel_reason", optional(&order.cancel_reason)),
        ("refunded", order.refunded.to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn timestamps_read_like_sql() {
        let at = Utc.with_ymd_and_hms(2024, 3, 4, 9, 5, 7).unwrap();
        assert_eq!(timestamp(at), "2024-03-04 09:05:07");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }

    #[test]
    fn counts_use_singular_for_one() {
        assert_eq!(count(1, "event", "events"), "1 event");
        assert_eq!(count(10000, "event", "events"), "10,000 events");
    }
}
