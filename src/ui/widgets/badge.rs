//! An event type as a coloured badge, the same wherever an event is named (the log, the
//! history, the debugger, the timeline).

use crate::domain::EventType;
use yew::prelude::*;

/// The badge's classes: its colour comes from `type-<name in lower case>` in the CSS.
fn class(kind: EventType) -> &'static str {
    match kind {
        EventType::OrderPlaced => "type-badge type-orderplaced",
        EventType::OrderPaid => "type-badge type-orderpaid",
        EventType::OrderShipped => "type-badge type-ordershipped",
        EventType::OrderDelivered => "type-badge type-orderdelivered",
        EventType::OrderCancelled => "type-badge type-ordercancelled",
        EventType::PaymentProblemReported => "type-badge type-paymentproblemreported",
        EventType::PaymentProblemRetracted => "type-badge type-paymentproblemretracted",
    }
}

pub fn type_badge(kind: EventType) -> Html {
    html! { <span class={class(kind)}>{ kind.name() }</span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_badge_is_coloured_by_its_own_name() {
        for kind in EventType::ALL {
            let want = format!("type-badge type-{}", kind.name().to_ascii_lowercase());
            assert_eq!(class(kind), want);
        }
    }
}
