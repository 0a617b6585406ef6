#![cfg(not(target_arch = "wasm32"))]
//! Questions only the log can answer: each read model built by replaying the whole log equals
//! the one kept live event by event, agrees with an answer computed another way, and gives the
//! exact answers on the blog example and the bug story.

mod domain_support;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use domain_support::{commands, run};
use event_sourcing_demo::domain::questions::*;
use event_sourcing_demo::domain::*;
use proptest::prelude::*;
use std::fmt::Debug;

fn at(month: u32, day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, month, day, hour, minute, second)
        .unwrap()
}

fn hms(hours: i64, minutes: i64, seconds: i64) -> Duration {
    Duration::hours(hours) + Duration::minutes(minutes) + Duration::seconds(seconds)
}

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, month, day).unwrap()
}

/// When `command` is sent to `order_id` at `when`: appends what the rules record, returns it.
fn when(
    log: &mut Vec<RecordedEvent>,
    order_id: OrderId,
    command: Command,
    when: DateTime<Utc>,
) -> Vec<RecordedEvent> {
    let state = Projections::rebuild(log);
    let new = decide_and_record(
        &state.order(order_id),
        &command,
        state.next_event_id(),
        when,
    )
    .expect("the rules accept it");
    log.extend(new.iter().cloned());
    new
}

fn cancel(reason: &str) -> Command {
    Command::CancelOrder {
        reason: reason.to_string(),
    }
}

fn waits(log: &[RecordedEvent]) -> Vec<ShippingWait> {
    ShippingWaits::rebuild(log).rows().cloned().collect()
}

fn shipped(order_id: OrderId, paid_at: DateTime<Utc>, shipped_at: DateTime<Utc>) -> ShippingWait {
    ShippingWait {
        order_id,
        paid_at,
        end: WaitEnd::Shipped {
            shipped_at,
            wait: shipped_at - paid_at,
        },
    }
}

// ---- Given the blog example --------------------------------------------------------------

#[test]
fn blog_shipping_waits_are_measured_from_payment_and_order_2_still_waits() {
    let rows = waits(&blog_example());
    assert_eq!(
        rows,
        vec![
            shipped(1, at(3, 4, 9, 17, 30), at(3, 5, 8, 40, 0)),
            ShippingWait {
                order_id: 2,
                paid_at: at(3, 5, 16, 20, 0),
                end: WaitEnd::StillWaiting {
                    problem_since: None
                },
            },
            shipped(3, at(3, 5, 10, 6, 10), at(3, 6, 7, 55, 0)),
        ],
        "order 4 was never paid, so it has no wait"
    );
    assert_eq!(rows[0].waited(at(9, 9, 0, 0, 0)), hms(23, 22, 30));
    assert_eq!(rows[2].waited(at(9, 9, 0, 0, 0)), hms(21, 48, 50));
    assert_eq!(rows[1].waited(at(3, 6, 16, 20, 0)), hms(24, 0, 0));
    assert!(rows[1].is_waiting() && !rows[0].is_waiting());
}

#[test]
fn blog_revenue_per_day() {
    let revenue = RevenuePerDay::rebuild(&blog_example());
    let rows: Vec<_> = revenue
        .rows()
        .map(|d| (d.day, d.received, d.refunded, d.net(), d.payments))
        .collect();
    assert_eq!(
        rows,
        vec![
            (date(3, 4), Money(4990), Money(0), Money(4990), 1),
            (date(3, 5), Money(1875 + 12500), Money(0), Money(14375), 2),
        ]
    );
    assert_eq!(
        revenue.total(),
        Projections::rebuild(&blog_example()).revenue
    );
    assert_eq!(revenue.day(date(3, 6)), None, "nobody paid on 6 March");
}

#[test]
fn blog_has_no_cancellations_until_one_happens_then_the_status_it_left_is_known() {
    let mut log = blog_example();
    assert!(Question::Cancellations.answer(&log).is_empty());
    let mut live = QuestionModel::build(Question::Cancellations, &log);

    let first = when(&mut log, 2, cancel("found it cheaper"), at(3, 7, 10, 0, 0));
    let second = when(&mut log, 4, cancel("ordered twice"), at(3, 7, 11, 0, 0));
    live.apply_all(&first);
    live.apply_all(&second);

    let expected = Answer::Cancellations(vec![
        Cancellation {
            order_id: 2,
            from: Some(OrderStatus::Paid),
            cancelled_at: at(3, 7, 10, 0, 0),
            reason: "found it cheaper".into(),
            refund: Some(Money(12500)),
            event_id: 11,
        },
        Cancellation {
            order_id: 4,
            from: Some(OrderStatus::Placed),
            cancelled_at: at(3, 7, 11, 0, 0),
            reason: "ordered twice".into(),
            refund: None,
            event_id: 12,
        },
    ]);
    assert_eq!(live.answer(), expected);
    assert_eq!(Question::Cancellations.answer(&log), expected);
    assert_eq!(live.events_applied(), 12);
}

#[test]
fn a_refund_counts_on_the_day_it_was_paid_back_and_ends_the_wait() {
    let mut log = blog_example();
    when(&mut log, 2, cancel("found it cheaper"), at(3, 7, 10, 0, 0));
    let revenue = RevenuePerDay::rebuild(&log);
    let day = revenue.day(date(3, 7)).unwrap();
    assert_eq!(
        (day.received, day.refunded, day.net(), day.refunds),
        (Money(0), Money(12500), Money(-12500), 1)
    );
    // The day it was paid keeps what happened that day.
    assert_eq!(revenue.day(date(3, 5)).unwrap().net(), Money(14375));
    assert_eq!(revenue.total(), Money(4990 + 1875));
    assert_eq!(
        ShippingWaits::rebuild(&log).get(2).unwrap().end,
        WaitEnd::Cancelled {
            cancelled_at: at(3, 7, 10, 0, 0),
            waited: hms(41, 40, 0)
        }
    );
}

// ---- Given the bug story -----------------------------------------------------------------

#[test]
fn bug_story_order_2_is_still_waiting_flagged_since_the_packaging_step_reported_it() {
    let waits = ShippingWaits::rebuild(&bug_story());
    assert_eq!(
        waits.get(2).unwrap(),
        &ShippingWait {
            order_id: 2,
            paid_at: at(3, 11, 9, 31, 45),
            end: WaitEnd::StillWaiting {
                problem_since: Some(at(3, 11, 13, 47, 12))
            },
        }
    );
    assert_eq!(
        waits.get(1).unwrap(),
        &shipped(1, at(3, 11, 8, 1, 12), at(3, 11, 11, 5, 0))
    );
    assert_eq!(
        waits.get(1).unwrap().waited(at(1, 1, 0, 0, 0)),
        hms(3, 3, 48)
    );
    assert_eq!(
        waits.get(3).unwrap().waited(at(1, 1, 0, 0, 0)),
        hms(2, 39, 57)
    );
    let revenue = RevenuePerDay::rebuild(&bug_story());
    let day = revenue.day(date(3, 11)).unwrap();
    assert_eq!((day.received, day.payments), (Money(36450), 3));
    assert_eq!(revenue.rows().count(), 1);
}

#[test]
fn a_corrected_payment_problem_clears_the_flag_and_the_time_it_cost_counts_as_waiting() {
    let mut log = bug_story();
    let mut live = ShippingWaits::rebuild(&log);
    let retract = Command::RetractPaymentProblem {
        retracts: bug_story_culprit(),
        reason: "the label printer was out of labels, the payment is fine".into(),
    };
    live.apply_all(&when(&mut log, 2, retract, at(3, 12, 9, 0, 0)));
    assert_eq!(
        live.get(2).unwrap().end,
        WaitEnd::StillWaiting {
            problem_since: None
        }
    );
    let ship = Command::ShipOrder {
        carrier: "PostNL".into(),
        tracking_number: "3SABCD0000002".into(),
    };
    live.apply_all(&when(&mut log, 2, ship, at(3, 12, 10, 30, 0)));
    assert_eq!(
        live.get(2).unwrap().waited(at(1, 1, 0, 0, 0)),
        hms(24, 58, 15)
    );
    assert_eq!(live, ShippingWaits::rebuild(&log));
}

// ---- What the traditional table lost -----------------------------------------------------

#[test]
fn every_question_has_a_title_and_names_real_columns_in_its_sentence() {
    let headers: Vec<&str> = TableColumn::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(
        headers,
        [
            "order_id",
            "customer_id",
            "order_date",
            "total_amount",
            "status"
        ]
    );
    for question in Question::ALL {
        assert!(question.title().ends_with('?'), "{question:?}");
        let loss = question.what_the_table_lost();
        assert!(!loss.overwritten.is_empty() && !loss.never_stored.is_empty());
        for column in loss.overwritten {
            let named = format!("orders.{}", column.name());
            assert!(loss.sentence.contains(&named), "{question:?}: {named}");
        }
        // Every orders.<x> in the sentence is a real column.
        for (i, _) in loss.sentence.match_indices("orders.") {
            let rest = &loss.sentence[i + 7..];
            assert!(
                headers.iter().any(|h| rest.starts_with(h)),
                "{question:?}: {rest}"
            );
        }
        assert_eq!(QuestionModel::new(question).question(), question);
        assert_eq!(question.answer(&[]).question(), question);
    }
}

/// The sentences are true of the table the page shows: the columns they name really lost it.
#[test]
fn the_table_really_lost_what_the_sentences_say() {
    let mut log = blog_example();
    let mut table = TraditionalTable::rebuild(&log);
    // Shipping waits: order_date is when it was placed, never when it was paid; status moved on.
    for wait in waits(&log) {
        let row = table.row(wait.order_id).unwrap();
        assert_ne!(row.order_date, wait.paid_at);
        if !wait.is_waiting() {
            assert_ne!(row.status, OrderStatus::Paid);
        }
    }
    // Cancellations: the UPDATE overwrote exactly the status the read model says it left.
    let new = when(&mut log, 2, cancel("found it cheaper"), at(3, 7, 10, 0, 0));
    let change = table.apply(&new[0]);
    let cancellation = Cancellations::rebuild(&log).rows()[0].clone();
    assert_eq!(change.overwritten.len(), 1);
    assert_eq!(change.overwritten[0].column, TableColumn::Status);
    assert_eq!(
        change.overwritten[0].old,
        cancellation.from.unwrap().to_string()
    );
    let fields: Vec<_> = change.not_stored.iter().map(|n| n.field).collect();
    assert_eq!(fields, ["reason", "refund", "event_timestamp"]);
    // Revenue: the refunded and the never-paid cancelled order look the same in the table.
    when(&mut log, 4, cancel("ordered twice"), at(3, 7, 11, 0, 0));
    let table = TraditionalTable::rebuild(&log);
    let (two, four) = (table.row(2).unwrap(), table.row(4).unwrap());
    assert_eq!(
        (two.status, four.status),
        (OrderStatus::Cancelled, OrderStatus::Cancelled)
    );
    let revenue = RevenuePerDay::rebuild(&log);
    assert_eq!(revenue.day(date(3, 7)).unwrap().refunds, 1);
}

// ---- Properties --------------------------------------------------------------------------

/// Built from the whole log (or any prefix) equals kept live batch by batch.
fn live_equals_rebuilt<M: ReadModel + Debug>(
    log: &[RecordedEvent],
    batches: &[std::ops::Range<usize>],
) -> Result<M, TestCaseError> {
    let mut live = M::default();
    for batch in batches {
        live.apply_all(&log[batch.clone()]);
        prop_assert_eq!(&live, &M::rebuild(&log[..batch.end]));
    }
    prop_assert_eq!(&live, &M::rebuild(log));
    Ok(live)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn every_read_model_built_from_the_log_equals_the_live_one(commands in commands()) {
        let run = run(&commands);
        live_equals_rebuilt::<ShippingWaits>(&run.log, &run.batches)?;
        live_equals_rebuilt::<Cancellations>(&run.log, &run.batches)?;
        live_equals_rebuilt::<RevenuePerDay>(&run.log, &run.batches)?;
        for question in Question::ALL {
            let mut live = QuestionModel::new(question);
            for batch in &run.batches {
                live.apply_all(&run.log[batch.clone()]);
            }
            prop_assert_eq!(&live, &QuestionModel::build(question, &run.log));
            prop_assert_eq!(live.answer(), question.answer(&run.log));
            prop_assert_eq!(live.events_applied(), run.log.len() as u64);
        }
    }

    /// Shipping waits agree with each order's own history, read step by step.
    #[test]
    fn shipping_waits_agree_with_each_orders_history(commands in commands()) {
        let run = run(&commands);
        let waits = ShippingWaits::rebuild(&run.log);
        for order_id in 1..=6 {
            let steps = history(&run.log, order_id);
            let time_of = |pick: fn(&OrderEvent) -> bool| {
                steps.iter().rev().find(|s| pick(&s.event.event)).map(|s| s.event.event_timestamp)
            };
            let paid = time_of(|e| matches!(e, OrderEvent::OrderPaid { .. }));
            let Some(paid_at) = paid else {
                prop_assert_eq!(waits.get(order_id), None);
                continue;
            };
            let row = waits.get(order_id).unwrap();
            prop_assert_eq!(row.paid_at, paid_at);
            let last = steps.last().unwrap();
            let expected = match last.after.status.unwrap() {
                OrderStatus::Shipped | OrderStatus::Delivered => {
                    let shipped_at = time_of(|e| matches!(e, OrderEvent::OrderShipped { .. })).unwrap();
                    WaitEnd::Shipped { shipped_at, wait: shipped_at - paid_at }
                }
                OrderStatus::Cancelled => WaitEnd::Cancelled {
                    cancelled_at: last.event.event_timestamp,
                    waited: last.event.event_timestamp - paid_at,
                },
                OrderStatus::PaymentProblem => WaitEnd::StillWaiting {
                    problem_since: time_of(|e| matches!(e, OrderEvent::PaymentProblemReported { .. })),
                },
                OrderStatus::Paid | OrderStatus::Placed => WaitEnd::StillWaiting { problem_since: None },
            };
            prop_assert_eq!(&row.end, &expected);
        }
    }

    /// Each cancellation's "from" is the order's status just before it, read by time travel.
    #[test]
    fn cancellations_agree_with_time_travel(commands in commands()) {
        let run = run(&commands);
        let now = Projections::rebuild(&run.log);
        let cancellations = Cancellations::rebuild(&run.log);
        prop_assert_eq!(cancellations.rows().len(), now.count(OrderStatus::Cancelled));
        for row in cancellations.rows() {
            let before = state_at(&run.log, row.event_id as usize - 1).order(row.order_id);
            prop_assert_eq!(row.from, before.status);
            let order = now.order(row.order_id);
            prop_assert_eq!(order.status, Some(OrderStatus::Cancelled));
            prop_assert_eq!(row.refund, (order.refunded > Money(0)).then_some(order.refunded));
            prop_assert_eq!(order.cancel_reason.as_deref(), Some(row.reason.as_str()));
        }
    }

    /// Each day's sums are the payments and refunds stamped that day; all days sum to revenue.
    #[test]
    fn revenue_per_day_sums_what_each_day_holds(commands in commands()) {
        let run = run(&commands);
        let revenue = RevenuePerDay::rebuild(&run.log);
        prop_assert_eq!(revenue.total(), Projections::rebuild(&run.log).revenue);
        let mut days: Vec<NaiveDate> = run.log.iter().map(|e| e.event_timestamp.date_naive()).collect();
        days.dedup();
        for day in days {
            let on_day = run.log.iter().filter(|e| e.event_timestamp.date_naive() == day);
            let (mut received, mut refunded) = (0, 0);
            for event in on_day {
                match &event.event {
                    OrderEvent::OrderPaid { amount } => received += amount.0,
                    OrderEvent::OrderCancelled { refund: Some(r), .. } => refunded += r.0,
                    _ => {}
                }
            }
            match revenue.day(day) {
                Some(row) => prop_assert_eq!((row.received.0, row.refunded.0), (received, refunded)),
                None => prop_assert_eq!((received, refunded), (0, 0)),
            }
        }
    }
}
