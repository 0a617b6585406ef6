//! Questions nobody planned for when the orders were written, answered by replaying the log.
//!
//! Each question is a read model: a projection built on the spot from the whole log, then kept
//! up to date one event at a time. The traditional table cannot answer any of them, and each
//! question says which of its columns lost the answer (`Question::what_the_table_lost`).

mod cancellations;
mod question;
mod revenue_per_day;
mod shipping_waits;

pub use crate::domain::TableColumn;
pub use cancellations::{Cancellation, Cancellations};
pub use question::{Answer, Question, QuestionModel, TableLoss};
pub use revenue_per_day::{DayRevenue, RevenuePerDay};
pub use shipping_waits::{ShippingWait, ShippingWaits, WaitEnd};

use super::RecordedEvent;

/// A projection of the log that answers one question.
///
/// `apply` takes every event as the fact it is (no rules are re-run), in log order. Building
/// from the whole log and applying the same events one at a time give the same model; the
/// property tests check that for every read model here.
pub trait ReadModel: Default + Clone + PartialEq {
    /// Folds one more event into the model.
    fn apply(&mut self, event: &RecordedEvent);

    /// Folds several more events, in order (keeping up with what was just appended).
    fn apply_all(&mut self, events: &[RecordedEvent]) {
        for event in events {
            self.apply(event);
        }
    }

    /// The model of `events`, from nothing: the replay that answers a new question.
    fn rebuild(events: &[RecordedEvent]) -> Self {
        let mut model = Self::default();
        model.apply_all(events);
        model
    }
}
