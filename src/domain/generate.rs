//! Synthetic but valid activity, for benchmarks and scale tests. Deterministic per seed.

use super::{Command, LogBuilder, Money, Order, OrderId, OrderStatus, RecordedEvent};
use chrono::{DateTime, Duration, TimeZone, Utc};

/// xorshift64*: tiny, fast and good enough to vary test data. Not for anything secret.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Exactly `n_events` events of plausible shop activity that the rules accept: orders are
/// placed, paid, shipped, delivered, sometimes cancelled (refunded when paid) and now and then
/// flagged with a payment problem that is then corrected. Same `seed`, same log.
pub fn generate_log(n_events: usize, seed: u64) -> Vec<RecordedEvent> {
    // xorshift must not start at 0; mixing the seed also spreads nearby seeds apart.
    let mut rng = Rng((seed ^ 0x9E37_79B9_7F4A_7C15) | 1);
    let mut log = LogBuilder::new();
    let mut open: Vec<OrderId> = Vec::new();
    let mut time: DateTime<Utc> = Utc.with_ymd_and_hms(2024, 1, 1, 8, 0, 0).unwrap();
    while log.events().len() < n_events {
        time += Duration::seconds(1 + rng.below(300) as i64);
        // Keep a few dozen orders in flight: place when there are few, sometimes anyway.
        if open.len() < 3 || (open.len() < 50 && rng.below(4) == 0) {
            let command = Command::PlaceOrder {
                customer_id: format!("customer-{}", rng.below(5000) + 1),
                total_amount: Money(100 + rng.below(99_900) as i64),
            };
            if let Ok(order_id) = log.place(&command, time) {
                open.push(order_id);
            }
            continue;
        }
        let slot = rng.below(open.len() as u64) as usize;
        let order_id = open[slot];
        let order = log.projections().order(order_id);
        let Some(command) = next_command(&order, &mut rng) else {
            continue;
        };
        if log.execute(order_id, &command, time).is_ok() {
            let status = log.projections().order(order_id).status;
            if matches!(
                status,
                Some(OrderStatus::Delivered | OrderStatus::Cancelled)
            ) {
                open.swap_remove(slot);
            }
        }
    }
    log.into_events()
}

fn next_command(order: &Order, rng: &mut Rng) -> Option<Command> {
    let status = order.status?;
    let roll = rng.below(100);
    let cancel = || Command::CancelOrder {
        reason: "customer changed their mind".to_string(),
    };
    Some(match status {
        OrderStatus::Placed if roll < 8 => cancel(),
        OrderStatus::Placed => Command::PayOrder,
        OrderStatus::Paid if roll < 4 => cancel(),
        OrderStatus::Paid if roll < 6 => Command::ReportPaymentProblem {
            source: "payment-gateway".to_string(),
            detail: "chargeback notice".to_string(),
        },
        OrderStatus::Paid => Command::ShipOrder {
            carrier: ["DHL", "UPS", "PostNL"][(roll % 3) as usize].to_string(),
            tracking_number: format!("TRK{:010}", rng.next() % 10_000_000_000),
        },
        OrderStatus::PaymentProblem if roll < 30 => cancel(),
        // The gateway's chargeback notice turns out wrong: corrected, never charged twice.
        OrderStatus::PaymentProblem => Command::RetractPaymentProblem {
            retracts: order.payment_problem?,
            reason: "the bank confirmed the payment".to_string(),
        },
        OrderStatus::Shipped => Command::DeliverOrder,
        OrderStatus::Delivered | OrderStatus::Cancelled => return None,
    })
}
