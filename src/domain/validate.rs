//! Checking that a log is a history the rules could have produced (for imported files).

use super::CURRENT_SCHEMA_VERSION;
use super::{decide, Command, EventId, OrderEvent, OrderId, Projections, RecordedEvent, Rejection};
use std::fmt;

/// The first thing wrong with a log. `Display` names the event: "event 7: ...".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogError {
    pub event_id: EventId,
    /// Where the event sits in the log, from 1.
    pub position: usize,
    pub problem: LogProblem,
}

/// What is wrong with the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogProblem {
    /// Event ids must run 1, 2, 3, ... in log order.
    EventIdOutOfSequence { expected: EventId },
    /// Each order's events must be numbered 1, 2, 3, ... in log order.
    VersionOutOfSequence {
        order_id: OrderId,
        expected: u32,
        found: u32,
    },
    /// The event claims a schema version this app cannot read (0, or newer than this release).
    SchemaVersion { found: u16 },
    /// The rules would have refused the command behind this event.
    Rejected {
        event_type: &'static str,
        rejection: Rejection,
    },
    /// The rules would have recorded something else (a wrong amount or refund, untrimmed text).
    NotWhatTheRulesRecord {
        event_type: &'static str,
        expected: OrderEvent,
    },
}

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "event {}: ", self.event_id)?;
        match &self.problem {
            LogProblem::EventIdOutOfSequence { expected } => write!(
                f,
                "found at position {} where event {expected} belongs. Event ids must run 1, 2, 3, ... without gaps or repeats.",
                self.position
            ),
            LogProblem::VersionOutOfSequence { order_id, expected, found } => write!(
                f,
                "it says it is version {found} of order {order_id}, but it should be version {expected}."
            ),
            LogProblem::SchemaVersion { found } => write!(
                f,
                "schema version {found} is not one this app reads (1 to {CURRENT_SCHEMA_VERSION})."
            ),
            LogProblem::Rejected { event_type, rejection } => {
                write!(f, "{event_type} breaks the rules: {rejection}")
            }
            LogProblem::NotWhatTheRulesRecord { event_type, expected } => write!(
                f,
                "{event_type} does not match what the rules record at that point (expected {}).",
                expected.event_data()
            ),
        }
    }
}

impl std::error::Error for LogError {}

/// The command whose acceptance records `event`.
pub fn command_for(event: &OrderEvent) -> Command {
    match event {
        OrderEvent::OrderPlaced {
            customer_id,
            total_amount,
        } => Command::PlaceOrder {
            customer_id: customer_id.clone(),
            total_amount: *total_amount,
        },
        OrderEvent::OrderPaid { .. } => Command::PayOrder,
        OrderEvent::OrderShipped {
            carrier,
            tracking_number,
        } => Command::ShipOrder {
            carrier: carrier.clone(),
            tracking_number: tracking_number.clone(),
        },
        OrderEvent::OrderDelivered {} => Command::DeliverOrder,
        OrderEvent::OrderCancelled { reason, .. } => Command::CancelOrder {
            reason: reason.clone(),
        },
        OrderEvent::PaymentProblemRetracted {
            retracts, reason, ..
        } => Command::RetractPaymentProblem {
            retracts: *retracts,
            reason: reason.clone(),
        },
        OrderEvent::PaymentProblemReported { source, detail } => Command::ReportPaymentProblem {
            source: source.clone(),
            detail: detail.clone(),
        },
    }
}

/// Checks `events` is a log this app could have written: ids 1..=n in order, each order's
/// versions 1..=k in order, a schema version it reads (this release's or an older one), and
/// every event exactly what `decide` records for its command given the state the events before
/// it produce.
pub fn validate_log(events: &[RecordedEvent]) -> Result<(), LogError> {
    let mut state = Projections::default();
    for (index, event) in events.iter().enumerate() {
        let fail = |problem| LogError {
            event_id: event.event_id,
            position: index + 1,
            problem,
        };
        let expected_id = index as EventId + 1;
        if event.event_id != expected_id {
            return Err(fail(LogProblem::EventIdOutOfSequence {
                expected: expected_id,
            }));
        }
        let order = state.order(event.order_id);
        if event.version != order.version + 1 {
            return Err(fail(LogProblem::VersionOutOfSequence {
                order_id: event.order_id,
                expected: order.version + 1,
                found: event.version,
            }));
        }
        // Older versions are fine: the event is already upcast in memory, and stays old on disk.
        if !(1..=CURRENT_SCHEMA_VERSION).contains(&event.schema_version) {
            return Err(fail(LogProblem::SchemaVersion {
                found: event.schema_version,
            }));
        }
        let event_type = event.event.event_type();
        match decide(&order, &command_for(&event.event)) {
            Err(rejection) => {
                return Err(fail(LogProblem::Rejected {
                    event_type,
                    rejection,
                }))
            }
            Ok(decided) if decided.as_slice() != std::slice::from_ref(&event.event) => {
                let expected = decided
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| event.event.clone());
                return Err(fail(LogProblem::NotWhatTheRulesRecord {
                    event_type,
                    expected,
                }));
            }
            Ok(_) => {}
        }
        state.apply(event);
    }
    Ok(())
}
