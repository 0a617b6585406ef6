//! Start-up's check that the two databases agree: the stored traditional table must be exactly
//! the table a CRUD app would hold after the same accepted actions as the log. Appends write
//! the events and the row in one commit, so they only disagree after a crash between the two
//! writes, a hand edit, or data from a build that could lose an append when tabs raced.

use crate::domain::{OrderId, OrderRow, TraditionalTable};
use std::fmt;

/// One order on which the stored table and the log disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub order_id: OrderId,
    pub mismatch: Mismatch,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// A row no event ever placed (the event was lost, or the row was written by hand).
    RowWithoutEvents,
    /// The log placed the order but the table has no row for it.
    EventsWithoutRow,
    /// The row holds another value than the events lead to.
    Column {
        column: &'static str,
        stored: String,
        from_log: String,
    },
}

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = self.order_id;
        match &self.mismatch {
            Mismatch::RowWithoutEvents => write!(f, "order {id} has a row but no events"),
            Mismatch::EventsWithoutRow => write!(f, "order {id} has events but no row"),
            Mismatch::Column {
                column,
                stored,
                from_log,
            } => write!(
                f,
                "order {id}'s {column} is {stored} in the table but {from_log} in its events"
            ),
        }
    }
}

/// Every order on which `stored` (rows sorted by order id) differs from `from_log`, by order id.
pub fn disagreements(stored: &[OrderRow], from_log: &TraditionalTable) -> Vec<Disagreement> {
    let mut found = Vec::new();
    let mut expected = from_log.rows().peekable();
    let mut stored = stored.iter().peekable();
    loop {
        let (order_id, mismatch) = match (stored.peek(), expected.peek()) {
            (None, None) => break,
            (Some(row), Some(want)) if row.order_id == want.order_id => {
                let found_here = first_difference(row, want);
                let id = row.order_id;
                stored.next();
                expected.next();
                match found_here {
                    Some(mismatch) => (id, mismatch),
                    None => continue,
                }
            }
            (Some(row), want) if want.is_none_or(|w| row.order_id < w.order_id) => {
                let id = row.order_id;
                stored.next();
                (id, Mismatch::RowWithoutEvents)
            }
            (_, Some(want)) => {
                let id = want.order_id;
                expected.next();
                (id, Mismatch::EventsWithoutRow)
            }
            (Some(_), None) => unreachable!("covered by the arm above"),
        };
        found.push(Disagreement { order_id, mismatch });
    }
    found
}

/// The first column in which `row` differs from what the log says, if any.
fn first_difference(row: &OrderRow, want: &OrderRow) -> Option<Mismatch> {
    let column = |column, stored: String, from_log: String| {
        (stored != from_log).then_some(Mismatch::Column {
            column,
            stored,
            from_log,
        })
    };
    column("status", row.status.to_string(), want.status.to_string())
        .or_else(|| {
            column(
                "customer_id",
                row.customer_id.clone(),
                want.customer_id.clone(),
            )
        })
        .or_else(|| {
            column(
                "total_amount",
                row.total_amount.to_string(),
                want.total_amount.to_string(),
            )
        })
        .or_else(|| {
            column(
                "order_date",
                crate::domain::rfc3339::format(row.order_date),
                crate::domain::rfc3339::format(want.order_date),
            )
        })
}
