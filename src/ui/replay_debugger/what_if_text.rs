//! The what-if's two sentences: what the other facts add up to, and what today's rules would
//! have allowed. Never "X instead of X": an unchanged status is said to stay.

use crate::domain::{EventId, Order, WhatIf};
use crate::ui::widgets::format;

/// "event 2", "events 2 and 5", "events 2, 5 and 7".
pub fn event_list(ids: &[EventId]) -> String {
    let names: Vec<String> = ids.iter().map(ToString::to_string).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => format!("event {one}"),
        [rest @ .., last] => format!("events {} and {last}", rest.join(", ")),
    }
}

/// "would still be Delivered" or "would be Placed, not Delivered".
fn would_be(then: &Order, now: &Order) -> String {
    if then.status == now.status {
        format!("would still be {}", then.status_label())
    } else {
        format!(
            "would be {}, not {}",
            then.status_label(),
            now.status_label()
        )
    }
}

/// The other fields that differ, as ", but with amount_paid 0.00" (empty when none do).
fn other_differences(then: &Order, now: &Order) -> String {
    let differences: Vec<String> = format::order_fields(then)
        .into_iter()
        .zip(format::order_fields(now))
        .filter(|((name, a), (_, b))| *name != "status" && a != b)
        .map(|((name, value), _)| format!("{name} {value}"))
        .collect();
    if differences.is_empty() {
        String::new()
    } else {
        format!(", but with {}", differences.join(" and "))
    }
}

/// "Replayed as facts: without event 2, order 1 would still be Delivered, but with amount_paid
/// 0.00."
pub fn as_facts(what_if: &WhatIf, now: &Order) -> String {
    format!(
        "Replayed as facts: without {}, order {} {}{}.",
        event_list(&what_if.skipped),
        now.order_id,
        would_be(&what_if.as_facts, now),
        other_differences(&what_if.as_facts, now)
    )
}

/// "Checked against today's rules: event 4 (OrderShipped) would have been refused, and event 5
/// (OrderDelivered) too, so the order would have stayed Placed."
pub fn checked(what_if: &WhatIf, now: &Order) -> String {
    let Some((first, rest)) = what_if.refused.split_first() else {
        return format!(
            "Checked against today's rules: every other event is still allowed, so order {} {}.",
            now.order_id,
            would_be(&what_if.checked, now)
        );
    };
    let mut text = format!(
        "Checked against today's rules: event {} ({}) would have been refused",
        first.event_id, first.event_type
    );
    for other in rest {
        text.push_str(&format!(
            ", and event {} ({}) too",
            other.event_id, other.event_type
        ));
    }
    let status = what_if.checked.status_label();
    if what_if.moved_on_after_refusal {
        text.push_str(&format!(", so the order would end up {status}."));
    } else {
        text.push_str(&format!(", so the order would have stayed {status}."));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{blog_example, bug_story, bug_story_culprit, history, what_if};
    use std::collections::BTreeSet;

    fn order_of(
        log: &[crate::domain::RecordedEvent],
        id: u64,
    ) -> (Vec<crate::domain::RecordedEvent>, Order) {
        let events: Vec<_> = log.iter().filter(|e| e.order_id == id).cloned().collect();
        let now = history(log, id).last().unwrap().after.clone();
        (events, now)
    }

    #[test]
    fn skipping_a_payment_says_both_answers_and_never_x_instead_of_x() {
        let log = blog_example();
        let (events, now) = order_of(&log, 1);
        let w = what_if(&events, &BTreeSet::from([events[1].event_id])).unwrap();
        assert_eq!(
            as_facts(&w, &now),
            "Replayed as facts: without event 2, order 1 would still be Delivered, but with amount_paid 0.00."
        );
        assert_eq!(
            checked(&w, &now),
            "Checked against today's rules: event 4 (OrderShipped) would have been refused, and event 9 (OrderDelivered) too, so the order would have stayed Placed."
        );
    }

    #[test]
    fn skipping_the_culprit_changes_the_status_and_the_rules_allow_the_rest() {
        let log = bug_story();
        let culprit = bug_story_culprit();
        let id = log[culprit as usize - 1].order_id;
        let (events, now) = order_of(&log, id);
        let w = what_if(&events, &BTreeSet::from([culprit])).unwrap();
        assert_eq!(
            as_facts(&w, &now),
            format!("Replayed as facts: without event {culprit}, order {id} would be Paid, not PaymentProblem.")
        );
        assert_eq!(
            checked(&w, &now),
            format!("Checked against today's rules: every other event is still allowed, so order {id} would be Paid, not PaymentProblem.")
        );
    }

    #[test]
    fn lists_of_events_read_naturally() {
        assert_eq!(event_list(&[2]), "event 2");
        assert_eq!(event_list(&[2, 5]), "events 2 and 5");
        assert_eq!(event_list(&[2, 5, 7]), "events 2, 5 and 7");
    }
}
