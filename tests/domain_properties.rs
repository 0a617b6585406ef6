#![cfg(not(target_arch = "wasm32"))]
//! Properties over thousands of random command sequences: the two databases agree, replay and
//! rebuild agree with incremental updates, the wire format round-trips, decoding junk fails
//! cleanly, and every log the rules produce validates.

use chrono::{DateTime, Duration, TimeZone, Utc};
use event_sourcing_demo::domain::*;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Texts from a fixed pool (cheap to generate in debug builds): ordinary, quoted, padded,
/// empty, non-ASCII, control characters, and just over the length limits.
fn text() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Ada".to_string(),
        "Tom O'Brien".to_string(),
        "  padded  ".to_string(),
        String::new(),
        "   ".to_string(),
        "crab 🦀 ünï".to_string(),
        "nul\0 tab\t line\n".to_string(),
        "x".repeat(80),
        "é".repeat(81),
        "y".repeat(201),
    ])
}

fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        3 => (text(), prop_oneof![4 => 1i64..200_000, 1 => -100i64..1, 1 => 99_999_990i64..100_000_010])
            .prop_map(|(customer_id, cents)| Command::PlaceOrder { customer_id, total_amount: Money(cents) }),
        3 => Just(Command::PayOrder),
        2 => (text(), text()).prop_map(|(carrier, tracking_number)| Command::ShipOrder { carrier, tracking_number }),
        2 => Just(Command::DeliverOrder),
        1 => text().prop_map(|reason| Command::CancelOrder { reason }),
        1 => (text(), text()).prop_map(|(source, detail)| Command::ReportPaymentProblem { source, detail }),
        // retracts 0 stands for "the event that reported the order's problem" (see `run`);
        // other ids are mostly wrong citations.
        1 => (prop_oneof![3 => Just(0u64), 1 => 1u64..60], text())
            .prop_map(|(retracts, reason)| Command::RetractPaymentProblem { retracts, reason }),
    ]
}

/// Up to 60 commands aimed at orders 1..=6, each some seconds after the previous one.
fn commands() -> impl Strategy<Value = Vec<(OrderId, Command, u32)>> {
    prop::collection::vec((1u64..=6, command(), 0u32..100_000), 0..60)
}

/// What running a command sequence produced, step by step.
struct Run {
    log: Vec<RecordedEvent>,
    /// `snapshots[n]`: the incremental projections after the first n events.
    snapshots: Vec<Projections>,
    incremental: Projections,
    table: TraditionalTable,
}

fn run(commands: &[(OrderId, Command, u32)]) -> Run {
    let mut time: DateTime<Utc> = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    let mut builder = LogBuilder::new();
    let mut snapshots = vec![Projections::default()];
    let mut table = TraditionalTable::default();
    for (order_id, command, gap) in commands {
        time += Duration::milliseconds(i64::from(*gap));
        let before = builder.events().len();
        let command = match command {
            Command::RetractPaymentProblem {
                retracts: 0,
                reason,
            } => {
                let problem = builder.projections().order(*order_id).payment_problem;
                Command::RetractPaymentProblem {
                    retracts: problem.unwrap_or(0),
                    reason: reason.clone(),
                }
            }
            other => other.clone(),
        };
        let accepted = builder
            .execute(*order_id, &command, time)
            .map(<[_]>::to_vec);
        match accepted {
            Ok(events) => {
                for event in &events {
                    table.apply(event);
                }
                snapshots.push(builder.projections().clone());
            }
            // A refused command changes nothing.
            Err(_) => assert_eq!(builder.events().len(), before),
        }
    }
    Run {
        snapshots,
        incremental: builder.projections().clone(),
        log: builder.into_events(),
        table,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn status_projection_equals_the_traditional_row(commands in commands()) {
        let run = run(&commands);
        let state = &run.incremental;
        prop_assert_eq!(run.table.rows().count(), state.orders.len());
        for row in run.table.rows() {
            let order = state.order(row.order_id);
            prop_assert_eq!(Some(row.status), order.status);
            prop_assert_eq!(&row.customer_id, &order.customer_id);
            prop_assert_eq!(row.total_amount, order.total_amount);
            prop_assert_eq!(Some(row.order_date), order.order_date);
        }
        prop_assert_eq!(&run.table, &TraditionalTable::rebuild(&run.log));
        // Every accepted change after the insert overwrote exactly one status.
        let updates = run.log.iter().filter(|e| e.version > 1).count() as u64;
        prop_assert_eq!(run.table.overwritten_count(), updates);
    }

    #[test]
    fn state_at_n_equals_folding_the_first_n_events(commands in commands(), pick in any::<prop::sample::Index>()) {
        let run = run(&commands);
        let n = pick.index(run.log.len() + 1);
        let at_n = state_at(&run.log, n);
        prop_assert_eq!(&at_n, &run.snapshots[n]);
        for order_id in 1..=6 {
            let folded = fold(order_id, run.log[..n].iter().filter(|e| e.order_id == order_id));
            prop_assert_eq!(at_n.order(order_id), folded);
        }
        prop_assert_eq!(at_n.event_count, n as u64);
    }

    #[test]
    fn rebuilding_from_scratch_equals_the_incremental_projections(commands in commands()) {
        let run = run(&commands);
        let rebuilt = Projections::rebuild(&run.log);
        prop_assert_eq!(&rebuilt, &run.incremental);
        // And both agree with counting and summing by hand.
        let mut counts = BTreeMap::new();
        for order in rebuilt.orders.values() {
            *counts.entry(order.status.unwrap()).or_insert(0) += 1;
        }
        prop_assert_eq!(&rebuilt.counts, &counts);
        let paid: i64 = run.log.iter().map(|e| match &e.event {
            OrderEvent::OrderPaid { amount } => amount.0,
            OrderEvent::OrderCancelled { refund: Some(r), .. } => -r.0,
            _ => 0,
        }).sum();
        prop_assert_eq!(rebuilt.revenue, Money(paid));
        prop_assert!(paid >= 0);
        prop_assert_eq!(replay_skipping(&run.log, &BTreeSet::new()), rebuilt);
    }

    #[test]
    fn every_log_the_rules_produce_validates_and_tampering_is_caught(
        commands in commands(),
        pick in any::<prop::sample::Index>(),
    ) {
        let run = run(&commands);
        prop_assert_eq!(validate_log(&run.log), Ok(()));
        if run.log.len() >= 2 {
            let i = pick.index(run.log.len() - 1);
            let mut dropped = run.log.clone();
            dropped.remove(i);
            prop_assert!(validate_log(&dropped).is_err());
            let mut repeated = run.log.clone();
            repeated.insert(i + 1, run.log[i].clone());
            let err = validate_log(&repeated).unwrap_err();
            let named = format!("event {}: ", run.log[i].event_id);
            prop_assert!(err.to_string().starts_with(&named), "{}", err);
        }
    }

    #[test]
    fn history_and_what_if_agree_with_replay(commands in commands(), skip in prop::collection::btree_set(1u64..60, 0..5)) {
        let run = run(&commands);
        let whole = replay_skipping(&run.log, &skip);
        for order_id in 1..=6u64 {
            // One order's what-if, as the debugger asks it, agrees with the whole log's: as
            // facts, and (re-checked against the rules) never further than the facts.
            let own: Vec<RecordedEvent> = run.log.iter().filter(|e| e.order_id == order_id).cloned().collect();
            if let Some(one) = what_if(&own, &skip) {
                prop_assert_eq!(&one.as_facts, &whole.order(order_id));
                prop_assert!(one.checked.version <= one.as_facts.version);
            }
            let steps = history(&run.log, order_id);
            let mut state = Order::new(order_id);
            for step in &steps {
                prop_assert_eq!(&step.before, &state);
                prop_assert_eq!(changed_fields(&step.before, &step.after), step.changed.clone());
                state = step.after.clone();
            }
            prop_assert_eq!(state, run.incremental.order(order_id));
        }
        prop_assert_eq!(whole, Projections::rebuild(&without(&run.log, &skip)));
    }

    #[test]
    fn events_and_logs_round_trip_through_json(
        commands in commands(),
        seconds in 0i64..4_102_444_800,
        nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000],
    ) {
        let mut log = run(&commands).log;
        // Any instant survives, to the nanosecond.
        if let (Some(first), Some(at)) = (log.first_mut(), DateTime::from_timestamp(seconds, nanos)) {
            first.event_timestamp = at;
        }
        for event in &log {
            prop_assert_eq!(&decode_event(&encode_event(event)).unwrap(), event);
            prop_assert_eq!(&decode_event_value(&encode_event_value(event)).unwrap(), event);
        }
        prop_assert_eq!(decode_log(&encode_log(&log)).unwrap(), log);
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics_and_fails(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        prop_assert!(decode_event_bytes(&bytes).is_err());
        prop_assert!(decode_log_bytes(&bytes).is_err());
    }

    #[test]
    fn decoding_arbitrary_text_never_panics_and_fails(text in "\\PC{0,200}|[{}\\[\\]\":,0-9a-z_ ]{0,200}") {
        prop_assert!(decode_event(&text).is_err());
        prop_assert!(decode_log(&text).is_err());
    }

    #[test]
    fn decoding_arbitrary_json_never_panics_and_fails(value in json()) {
        prop_assert!(decode_event_value(&value).is_err());
        prop_assert!(decode_log_value(&value).is_err());
        prop_assert!(decode_event(&value.to_string()).is_err());
    }

    /// Near-misses: a real event with one field replaced by junk. Decoding must not panic,
    /// and whatever it accepts must encode and decode to itself again.
    #[test]
    fn decoding_damaged_events_never_panics(
        pick in any::<prop::sample::Index>(),
        field in prop::sample::select(vec!["event_id", "order_id", "version", "schema_version",
            "event_type", "event_data", "event_timestamp", "customer_id", "total_amount", "amount",
            "carrier", "refund", "source"]),
        junk in json(),
    ) {
        let log = blog_example();
        let mut value = encode_event_value(&log[pick.index(log.len())]);
        let target = if value.get(field).is_some() { &mut value } else { &mut value["event_data"] };
        target[field] = junk;
        if let Ok(event) = decode_event_value(&value) {
            prop_assert_eq!(decode_event(&encode_event(&event)).unwrap(), event);
        }
        let mut envelope: Value = serde_json::from_str(&encode_log(&log)).unwrap();
        envelope["events"][0] = value;
        let _ = decode_log_value(&envelope);
    }
}

/// Arbitrary JSON, nested a few levels, with keys that sometimes look like ours.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        prop::sample::select(EventType::ALL.map(EventType::name).to_vec()).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        let key = prop_oneof![
            "[a-z_]{0,10}",
            prop::sample::select(vec![
                "event_id",
                "order_id",
                "version",
                "schema_version",
                "event_type",
                "event_data",
                "event_timestamp",
                "format",
                "format_version",
                "events",
            ])
            .prop_map(str::to_string)
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
