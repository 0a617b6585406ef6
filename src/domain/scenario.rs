//! The stories the demo tells: the blog's four orders, the "not reproducible" bug, and an old
//! log written partly by an earlier release.
//!
//! Both are built by sending commands through `decide`, so they obey the rules like any log.

use super::{Command, EventId, LogBuilder, Money, OrderEvent, OrderId, RecordedEvent};
use chrono::{DateTime, TimeZone, Utc};

/// Where the faulty event of the bug story comes from.
pub const BUG_SOURCE: &str = "packaging-service v2.3 (label printer step)";

fn at(day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    on(2024, 3, day, hour, minute, second)
}

fn on(year: i32, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, minute, second)
        .single()
        .unwrap_or_default()
}

fn place(customer: &str, cents: i64) -> Command {
    Command::PlaceOrder {
        customer_id: customer.to_string(),
        total_amount: Money(cents),
    }
}

fn ship(carrier: &str, tracking: &str) -> Command {
    Command::ShipOrder {
        carrier: carrier.to_string(),
        tracking_number: tracking.to_string(),
    }
}

/// Runs a fixed script of (order, command, time). Scripts are constants checked by tests, so a
/// refusal here is a programming error in this file.
fn run(script: Vec<(OrderId, Command, DateTime<Utc>)>) -> Vec<RecordedEvent> {
    let mut log = LogBuilder::new();
    for (order_id, command, time) in script {
        if let Err(rejection) = log.execute(order_id, &command, time) {
            panic!("scenario step {command:?} on order {order_id} was refused: {rejection}");
        }
    }
    log.into_events()
}

/// The blog's four orders, over three days of March 2024: order 1 placed, paid, shipped and
/// delivered; order 2 placed and paid; order 3 placed, paid and shipped; order 4 only placed.
pub fn blog_example() -> Vec<RecordedEvent> {
    run(vec![
        (1, place("Maria García", 4990), at(4, 9, 15, 0)),
        (1, Command::PayOrder, at(4, 9, 17, 30)),
        (2, place("Tom O'Brien", 12500), at(4, 14, 2, 0)),
        (1, ship("DHL", "JD014600003828"), at(5, 8, 40, 0)),
        (3, place("Priya Shah", 1875), at(5, 10, 5, 0)),
        (3, Command::PayOrder, at(5, 10, 6, 10)),
        (2, Command::PayOrder, at(5, 16, 20, 0)),
        (3, ship("UPS", "1Z999AA10123456784"), at(6, 7, 55, 0)),
        (1, Command::DeliverOrder, at(6, 11, 30, 0)),
        (4, place("Jonas Berg", 31040), at(6, 18, 45, 0)),
    ])
}

/// The "not reproducible" bug: order 2 is paid, then the packaging step (not the payment
/// provider) records a payment problem on it. The traditional row ends up `PaymentProblem` with
/// no trace of why; the log shows which event did it, from which source, at what time.
pub fn bug_story() -> Vec<RecordedEvent> {
    let problem = Command::ReportPaymentProblem {
        source: BUG_SOURCE.to_string(),
        detail: "label printer answered 402 (out of labels); the step reported it as \
                 \"402 Payment Required\""
            .to_string(),
    };
    run(vec![
        (1, place("Lena Fischer", 8900), at(11, 8, 0, 0)),
        (1, Command::PayOrder, at(11, 8, 1, 12)),
        (2, place("Omar Haddad", 24000), at(11, 9, 30, 0)),
        (2, Command::PayOrder, at(11, 9, 31, 45)),
        (3, place("Kim Nguyen", 3550), at(11, 10, 12, 0)),
        (1, ship("PostNL", "3SABCD1234567"), at(11, 11, 5, 0)),
        (3, Command::PayOrder, at(11, 12, 40, 3)),
        (2, problem, at(11, 13, 47, 12)),
        (3, ship("PostNL", "3SABCD7654321"), at(11, 15, 20, 0)),
        (1, Command::DeliverOrder, at(12, 10, 2, 0)),
    ])
}

/// Why the bug story's payment problem was wrong, as its correction records it.
pub const BUG_CORRECTION_REASON: &str =
    "The packaging step's label printer was out of labels (402); the payment was fine.";

/// The event id of the packaging step's wrong `PaymentProblemReported` in `bug_story()`,
/// so the UI can jump straight to it.
pub fn bug_story_culprit() -> EventId {
    bug_story()
        .iter()
        .find(|e| matches!(&e.event, OrderEvent::PaymentProblemReported { source, .. } if source == BUG_SOURCE))
        .map_or(0, |e| e.event_id)
}

/// When the shop of `old_log` upgraded to the release that writes schema version 2 (cents).
pub fn old_log_upgraded_at() -> DateTime<Utc> {
    on(2019, 11, 4, 0, 0, 0)
}

/// A log from before and after an upgrade: three orders in November 2019. The first seven events
/// were written by the first release (schema version 1: amounts such as "19.90" as decimal
/// strings), the last two by the upgraded one (version 2: cents). Stored, each event keeps the
/// form it was written in; read, every event is in the current shape (see `upcast`).
pub fn old_log() -> Vec<RecordedEvent> {
    let mut events = run(vec![
        (1, place("Ada Lovelace", 1990), on(2019, 11, 2, 8, 30, 0)),
        (1, Command::PayOrder, on(2019, 11, 2, 8, 31, 20)),
        (2, place("Grace Hopper", 750), on(2019, 11, 2, 10, 5, 0)),
        (3, place("Alan Turing", 12000), on(2019, 11, 2, 11, 40, 0)),
        (3, Command::PayOrder, on(2019, 11, 2, 11, 42, 5)),
        (
            1,
            ship("Royal Mail", "RM123456785GB"),
            on(2019, 11, 3, 9, 0, 0),
        ),
        (
            3,
            Command::CancelOrder {
                reason: "out of stock".to_string(),
            },
            on(2019, 11, 3, 14, 20, 0),
        ),
        (1, Command::DeliverOrder, on(2019, 11, 4, 10, 15, 0)),
        (2, Command::PayOrder, on(2019, 11, 4, 16, 0, 0)),
    ]);
    // Recorded through `decide` like any log, then marked as the older release stored them.
    for event in &mut events {
        if event.event_timestamp < old_log_upgraded_at() {
            event.schema_version = 1;
        }
    }
    events
}
