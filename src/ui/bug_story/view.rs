//! What the bug-story panel shows, derived from the live databases: the culprit event, the
//! payment before it, the traditional row, and the status replay gives without the culprit.
//! Pure Rust, so native tests can check it.

use crate::app::{Databases, Example};
use crate::domain::{
    bug_story_culprit, evolve, Money, Order, OrderEvent, OrderRow, OrderStatus, RecordedEvent,
};

/// Where the culprit sits: its order, its id, and its step in that order's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CulpritStep {
    pub order_id: crate::domain::OrderId,
    pub event_id: crate::domain::EventId,
    pub step: usize,
}

/// The culprit's place in the log, when the log is the bug story.
pub fn culprit_step(db: &Databases) -> Option<CulpritStep> {
    let view = BugStoryView::of(db)?;
    let (order_id, event_id) = (view.culprit.order_id, view.culprit.event_id);
    let events = db.events();
    let step = db
        .positions_of(order_id)
        .iter()
        .position(|&at| events[at].event_id == event_id)?;
    Some(CulpritStep {
        order_id,
        event_id,
        step,
    })
}

#[derive(Debug, Clone, PartialEq)]
pub struct BugStoryView {
    pub culprit: RecordedEvent,
    pub source: String,
    pub detail: String,
    /// The culprit's order's payment, recorded before the culprit.
    pub paid: Option<RecordedEvent>,
    /// The traditional table's row for that order.
    pub row: Option<OrderRow>,
    /// The order replayed without the culprit.
    pub fixed: Order,
    /// The corrective event that retracts the culprit, once one is recorded.
    pub correction: Option<RecordedEvent>,
}

impl BugStoryView {
    /// The story as the log tells it, or `None` when the log does not start with the bug
    /// story (the learner may have added events after it).
    pub fn of(db: &Databases) -> Option<BugStoryView> {
        let events = db.events();
        if !Example::BugStory.starts(events) {
            return None;
        }
        let culprit = events.get(bug_story_culprit() as usize - 1)?.clone();
        let OrderEvent::PaymentProblemReported { source, detail } = &culprit.event else {
            return None;
        };
        let order_events = db
            .positions_of(culprit.order_id)
            .iter()
            .map(|&at| &events[at]);
        let mut fixed = Order::new(culprit.order_id);
        let (mut paid, mut correction) = (None, None);
        for event in order_events {
            if matches!(event.event, OrderEvent::PaymentProblemRetracted { retracts, .. } if retracts == culprit.event_id)
            {
                correction = Some(event.clone());
            }
            if event.event_id == culprit.event_id {
                continue;
            }
            if event.event_id < culprit.event_id
                && matches!(event.event, OrderEvent::OrderPaid { .. })
            {
                paid = Some(event.clone());
            }
            fixed = evolve(fixed, event);
        }
        Some(BugStoryView {
            source: source.clone(),
            detail: detail.clone(),
            paid,
            row: db.table().row(culprit.order_id).cloned(),
            fixed,
            correction,
            culprit,
        })
    }

    /// The traditional row's status, or "no row".
    pub fn row_status(&self) -> String {
        self.row
            .as_ref()
            .map_or_else(|| "(no row)".into(), |row| row.status.to_string())
    }

    pub fn fixed_status(&self) -> &'static str {
        self.fixed.status_label()
    }

    pub fn paid_amount(&self) -> Money {
        match &self.paid {
            Some(RecordedEvent {
                event: OrderEvent::OrderPaid { amount },
                ..
            }) => *amount,
            _ => Money(0),
        }
    }

    /// Whether the table is wrong: it says there is a payment problem, replay without the
    /// culprit says otherwise.
    pub fn table_is_wrong(&self) -> bool {
        self.row.as_ref().map(|r| r.status) == Some(OrderStatus::PaymentProblem)
            && self.fixed.status != Some(OrderStatus::PaymentProblem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bug_story;
    use crate::store::MemoryStore;
    use chrono::Utc;

    fn databases(events: &[RecordedEvent]) -> Databases {
        let mut db = Databases::open(Box::new(MemoryStore::new()));
        db.replace_all(events).unwrap();
        db
    }

    #[test]
    fn the_story_names_the_culprit_its_source_and_the_payment_before_it() {
        let db = databases(&bug_story());
        let view = BugStoryView::of(&db).expect("the bug story");
        assert_eq!(view.culprit.event_id, bug_story_culprit());
        assert_eq!(view.source, crate::domain::BUG_SOURCE);
        assert_eq!(view.row_status(), "PaymentProblem");
        assert_eq!(view.fixed_status(), "Paid");
        assert!(view.table_is_wrong());
        let paid = view.paid.as_ref().unwrap();
        assert!(paid.event_id < view.culprit.event_id);
        assert_eq!(view.paid_amount(), view.row.as_ref().unwrap().total_amount);
    }

    #[test]
    fn the_story_continues_with_a_correction_never_a_second_charge() {
        let mut db = databases(&bug_story());
        let culprit_order = bug_story()[bug_story_culprit() as usize - 1].order_id;
        let seen_version = db.order(culprit_order).unwrap().version;
        let target = crate::app::Target::Order {
            order_id: culprit_order,
            seen_version,
        };
        // Paying again would charge twice: refused.
        let refused = db.execute(target, &crate::domain::Command::PayOrder, Utc::now());
        assert!(refused.is_err());
        let correct = crate::domain::Command::RetractPaymentProblem {
            retracts: bug_story_culprit(),
            reason: "the printer was out of labels".into(),
        };
        let accepted = db.execute(target, &correct, Utc::now()).unwrap();
        let view = BugStoryView::of(&db).unwrap();
        assert_eq!(view.row_status(), "Paid");
        assert!(!view.table_is_wrong());
        assert_eq!(view.correction, Some(accepted.events[0].clone()));
        assert_eq!(
            db.order(culprit_order).unwrap().amount_paid,
            view.row.as_ref().unwrap().total_amount,
            "paid once"
        );
    }

    #[test]
    fn another_log_is_not_the_story() {
        assert_eq!(
            BugStoryView::of(&databases(&crate::domain::blog_example())),
            None
        );
        assert_eq!(BugStoryView::of(&databases(&[])), None);
    }
}
