//! The questions a learner can pick, what the traditional table lost of each answer, and the
//! typed answers built by replaying the log.

use super::{
    Cancellation, Cancellations, DayRevenue, ReadModel, RevenuePerDay, ShippingWait, ShippingWaits,
};
use crate::domain::{Money, RecordedEvent, TableColumn};

/// A question nobody planned for when the orders were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Question {
    ShippingWaits,
    Cancellations,
    RevenuePerDay,
}

/// Why the traditional table cannot answer a question: plain data, plus one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableLoss {
    /// Columns whose earlier values the answer needs; an `UPDATE` replaced them.
    pub overwritten: &'static [TableColumn],
    /// Facts the answer needs that no column ever held.
    pub never_stored: &'static [&'static str],
    /// The loss in one sentence, naming the columns as `orders.<column>`.
    pub sentence: &'static str,
}

/// One question's answer: typed rows, no markup. Money and times are `Money` and chrono values,
/// to be shown with their `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// One row per order ever paid, by order id.
    ShippingWaits(Vec<ShippingWait>),
    /// One row per cancellation, in log order.
    Cancellations(Vec<Cancellation>),
    /// One row per UTC day on which money moved, oldest first, and the net over all of them.
    RevenuePerDay { rows: Vec<DayRevenue>, total: Money },
}

impl Answer {
    /// The question this answers.
    pub fn question(&self) -> Question {
        match self {
            Self::ShippingWaits(_) => Question::ShippingWaits,
            Self::Cancellations(_) => Question::Cancellations,
            Self::RevenuePerDay { .. } => Question::RevenuePerDay,
        }
    }

    /// How many rows the answer has.
    pub fn len(&self) -> usize {
        match self {
            Self::ShippingWaits(rows) => rows.len(),
            Self::Cancellations(rows) => rows.len(),
            Self::RevenuePerDay { rows, .. } => rows.len(),
        }
    }

    /// No rows: nothing in the log yet answers the question (no order paid, say).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Question {
    /// Every question, in the order the page lists them.
    pub const ALL: [Question; 3] = [
        Self::ShippingWaits,
        Self::Cancellations,
        Self::RevenuePerDay,
    ];

    /// The question as a learner reads it.
    pub fn title(self) -> &'static str {
        match self {
            Self::ShippingWaits => "How long did each order wait between payment and shipping?",
            Self::Cancellations => "Which orders were cancelled, and from which status?",
            Self::RevenuePerDay => "What was the revenue per day (money received, less refunds)?",
        }
    }

    /// What answering needs that the traditional `orders` table lost, or never had.
    pub fn what_the_table_lost(self) -> TableLoss {
        use TableColumn::*;
        match self {
            Self::ShippingWaits => TableLoss {
                overwritten: &[Status],
                never_stored: &["when the order was paid", "when it was shipped"],
                sentence: "orders.status was overwritten: Paid became Shipped, and no column \
                           keeps when either happened (orders.order_date is when the order was \
                           placed).",
            },
            Self::Cancellations => TableLoss {
                overwritten: &[Status],
                never_stored: &["when it was cancelled", "the cancel reason", "the refund"],
                sentence: "orders.status says which orders are Cancelled, but that UPDATE \
                           overwrote the status each was cancelled from (Placed, Paid or \
                           PaymentProblem), and no column keeps when, why, or what was refunded.",
            },
            Self::RevenuePerDay => TableLoss {
                overwritten: &[Status],
                never_stored: &[
                    "when money was received, and how much",
                    "when a refund was paid, and how much",
                ],
                sentence: "No column keeps a payment or a refund: orders.total_amount is what \
                           was ordered, orders.order_date is the day it was placed, not paid, \
                           and once orders.status is overwritten with Cancelled nothing says \
                           whether money came in and went back.",
            },
        }
    }

    /// Builds this question's read model by replaying the whole log, and answers it.
    pub fn answer(self, events: &[RecordedEvent]) -> Answer {
        QuestionModel::build(self, events).answer()
    }
}

/// One question's read model, built from the log and kept live as events arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionModel {
    model: Model,
    events_applied: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Model {
    ShippingWaits(ShippingWaits),
    Cancellations(Cancellations),
    RevenuePerDay(RevenuePerDay),
}

impl QuestionModel {
    /// The model of an empty log.
    pub fn new(question: Question) -> Self {
        let model = match question {
            Question::ShippingWaits => Model::ShippingWaits(ShippingWaits::default()),
            Question::Cancellations => Model::Cancellations(Cancellations::default()),
            Question::RevenuePerDay => Model::RevenuePerDay(RevenuePerDay::default()),
        };
        QuestionModel {
            model,
            events_applied: 0,
        }
    }

    /// Replays the whole log into a new model: the question answered on the spot.
    pub fn build(question: Question, events: &[RecordedEvent]) -> Self {
        let mut model = Self::new(question);
        model.apply_all(events);
        model
    }

    /// Keeps up with one more event.
    pub fn apply(&mut self, event: &RecordedEvent) {
        match &mut self.model {
            Model::ShippingWaits(m) => m.apply(event),
            Model::Cancellations(m) => m.apply(event),
            Model::RevenuePerDay(m) => m.apply(event),
        }
        self.events_applied += 1;
    }

    /// Keeps up with several more events, in order.
    pub fn apply_all(&mut self, events: &[RecordedEvent]) {
        for event in events {
            self.apply(event);
        }
    }

    pub fn question(&self) -> Question {
        match self.model {
            Model::ShippingWaits(_) => Question::ShippingWaits,
            Model::Cancellations(_) => Question::Cancellations,
            Model::RevenuePerDay(_) => Question::RevenuePerDay,
        }
    }

    /// How many events were replayed into it ("built from 10 events").
    pub fn events_applied(&self) -> u64 {
        self.events_applied
    }

    /// The answer so far.
    pub fn answer(&self) -> Answer {
        match &self.model {
            Model::ShippingWaits(m) => Answer::ShippingWaits(m.rows().cloned().collect()),
            Model::Cancellations(m) => Answer::Cancellations(m.rows().to_vec()),
            Model::RevenuePerDay(m) => Answer::RevenuePerDay {
                rows: m.rows().cloned().collect(),
                total: m.total(),
            },
        }
    }
}
