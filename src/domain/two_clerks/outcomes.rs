//! What each step of the two clerks' story did, as typed values for the UI.

use crate::domain::{
    Command, Order, OrderEvent, OrderId, OrderRow, Overwritten, RecordedEvent, Rejection, RowChange,
};
use chrono::{DateTime, Utc};
use std::fmt;

/// One of the two clerks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clerk {
    Ana,
    Ben,
}

impl Clerk {
    pub fn name(self) -> &'static str {
        match self {
            Self::Ana => "Ana",
            Self::Ben => "Ben",
        }
    }
}

/// What the two clerks do, and when (Ana acts first, then Ben, whatever the times say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClerksSetup {
    pub order_id: OrderId,
    pub ana: Command,
    pub ana_at: DateTime<Utc>,
    pub ben: Command,
    pub ben_at: DateTime<Utc>,
}

impl ClerksSetup {
    /// The classic race on any order: Ana ships it, Ben cancels it.
    pub fn ship_and_cancel(
        order_id: OrderId,
        ana_at: DateTime<Utc>,
        ben_at: DateTime<Utc>,
    ) -> Self {
        ClerksSetup {
            order_id,
            ana: Command::ShipOrder {
                carrier: "DHL".to_string(),
                tracking_number: "JD014600004411".to_string(),
            },
            ana_at,
            ben: Command::CancelOrder {
                reason: "customer phoned to cancel".to_string(),
            },
            ben_at,
        }
    }
}

/// The steps, one click each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    LoadBoth,
    AnaActs,
    BenActs,
}

/// What both clerks loaded: the same copy of the order and of its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The order as its events say (`version`, `status`).
    pub order: Order,
    /// The traditional row, if the order has one.
    pub row: Option<OrderRow>,
}

/// The event side's answer to an append made with the version the clerk loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Append {
    Accepted {
        expected_version: u32,
        new_version: u32,
    },
    Refused(VersionConflict),
}

/// An append refused because the order changed since the clerk loaded it. Nothing was saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionConflict {
    pub clerk: Clerk,
    pub order_id: OrderId,
    pub expected_version: u32,
    pub actual_version: u32,
    /// The events appended since the clerk loaded the order: why it was refused.
    pub missed: Vec<RecordedEvent>,
}

impl fmt::Display for VersionConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let missed: Vec<String> = self
            .missed
            .iter()
            .map(|e| format!("event {} {}", e.event_id, e.event.event_type()))
            .collect();
        write!(
            f,
            "Refused: {} decided on version {} of order {}, but it is now at version {} ({} came first). Nothing was saved.",
            self.clerk.name(),
            self.expected_version,
            self.order_id,
            self.actual_version,
            missed.join(", ")
        )
    }
}

/// What a refused clerk sees next: the order as it really is, and what the rules now say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fresh {
    pub order: Order,
    /// The same command decided again on the fresh state (not appended: the clerk decides).
    pub retry: Result<Vec<OrderEvent>, Rejection>,
}

/// One clerk's action, on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub clerk: Clerk,
    pub command: Command,
    /// The version of the copy the clerk decided on.
    pub decided_on: u32,
    /// The events the rules record on the clerk's copy, or why they refuse it there.
    pub decision: Result<Vec<RecordedEvent>, Rejection>,
    /// The traditional side: the `UPDATE` run on the table as it is now (none when refused).
    pub row_change: Option<RowChange>,
    /// The row after this turn.
    pub row_after: Option<OrderRow>,
    /// The event side (none when the rules refused: nothing to append).
    pub append: Option<Append>,
    /// Values the other clerk wrote that this `UPDATE` replaced: gone without a trace.
    pub lost: Vec<Overwritten>,
    /// When the append was refused: the fresh state the clerk now sees.
    pub fresh: Option<Fresh>,
}

/// What one step did (borrowed from the `TwoClerks` that keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepOutcome<'a> {
    Loaded(&'a Loaded),
    Acted(&'a Turn),
}
