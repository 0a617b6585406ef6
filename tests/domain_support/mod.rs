//! Random command sequences for property tests of read models (the generators follow
//! tests/domain_properties.rs): each accepted command is one batch of events, as the app
//! appends them.
#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use event_sourcing_demo::domain::*;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Ada".to_string(),
        "  padded  ".to_string(),
        String::new(),
        "crab 🦀 ünï".to_string(),
        "y".repeat(201),
    ])
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        3 => (text(), prop_oneof![4 => 1i64..200_000, 1 => -100i64..1])
            .prop_map(|(customer_id, cents)| Command::PlaceOrder { customer_id, total_amount: Money(cents) }),
        3 => Just(Command::PayOrder),
        2 => (text(), text()).prop_map(|(carrier, tracking_number)| Command::ShipOrder { carrier, tracking_number }),
        2 => Just(Command::DeliverOrder),
        2 => text().prop_map(|reason| Command::CancelOrder { reason }),
        1 => (text(), text()).prop_map(|(source, detail)| Command::ReportPaymentProblem { source, detail }),
        // retracts 0 stands for "the event that reported the order's problem" (see `run`).
        1 => (prop_oneof![3 => Just(0u64), 1 => 1u64..60], text())
            .prop_map(|(retracts, reason)| Command::RetractPaymentProblem { retracts, reason }),
    ]
}

/// Up to 60 commands aimed at orders 1..=6, each up to about 28 hours after the previous one
/// (so that days change often enough for per-day read models).
pub fn commands() -> impl Strategy<Value = Vec<(OrderId, Command, u32)>> {
    prop::collection::vec((1u64..=6, command(), 0u32..100_000), 0..60)
}

/// What running a command sequence produced.
pub struct Run {
    pub log: Vec<RecordedEvent>,
    /// The accepted batches, as ranges of `log`.
    pub batches: Vec<std::ops::Range<usize>>,
}

pub fn run(commands: &[(OrderId, Command, u32)]) -> Run {
    let mut time: DateTime<Utc> = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    let mut builder = LogBuilder::new();
    let mut batches = Vec::new();
    for (order_id, command, gap) in commands {
        time += Duration::seconds(i64::from(*gap));
        let command = match command {
            Command::RetractPaymentProblem {
                retracts: 0,
                reason,
            } => Command::RetractPaymentProblem {
                retracts: builder
                    .projections()
                    .order(*order_id)
                    .payment_problem
                    .unwrap_or(0),
                reason: reason.clone(),
            },
            other => other.clone(),
        };
        let start = builder.events().len();
        if builder.execute(*order_id, &command, time).is_ok() {
            batches.push(start..builder.events().len());
        }
    }
    Run {
        log: builder.into_events(),
        batches,
    }
}
