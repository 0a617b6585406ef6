//! The traditional way: one `orders` row per order, changed in place.
//!
//! Fed the same accepted actions as the log, this table keeps only the latest values.
//! Each change reports what it overwrote and what it had no column for, so the UI can show
//! exactly what the CRUD design forgets.

use super::sql::{money_literal, quote_literal, timestamp_literal};
use super::{Money, OrderEvent, OrderId, OrderStatus, RecordedEvent};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One row of the traditional `orders` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRow {
    pub order_id: OrderId,
    pub customer_id: String,
    #[serde(with = "super::rfc3339")]
    pub order_date: DateTime<Utc>,
    pub total_amount: Money,
    pub status: OrderStatus,
}

/// A column value an `UPDATE` replaced. The old value is gone from the table for good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overwritten {
    pub column: TableColumn,
    pub old: String,
    pub new: String,
}

/// A fact the action carried that the table has no column for (carrier, cancel reason, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotStored {
    pub field: &'static str,
    pub value: String,
}

/// A column of the traditional `orders` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableColumn {
    OrderId,
    CustomerId,
    OrderDate,
    TotalAmount,
    Status,
}

impl TableColumn {
    /// Every column, in table order.
    pub const ALL: [TableColumn; 5] = [
        Self::OrderId,
        Self::CustomerId,
        Self::OrderDate,
        Self::TotalAmount,
        Self::Status,
    ];

    /// The column's name, as in the table's header.
    pub const fn name(self) -> &'static str {
        match self {
            Self::OrderId => "order_id",
            Self::CustomerId => "customer_id",
            Self::OrderDate => "order_date",
            Self::TotalAmount => "total_amount",
            Self::Status => "status",
        }
    }
}

/// The kind of statement a CRUD app runs for an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statement {
    Insert,
    Update,
}

/// What one accepted action did to the traditional table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowChange {
    pub order_id: OrderId,
    /// `INSERT` of a new row, or `UPDATE` of the row in place.
    pub statement: Statement,
    /// Values replaced in place; empty for an `INSERT`.
    pub overwritten: Vec<Overwritten>,
    /// Details of the action that were never written anywhere.
    pub not_stored: Vec<NotStored>,
    /// The PostgreSQL statement a CRUD app runs for this action.
    pub sql: String,
}

/// The traditional `orders` table: current values only.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TraditionalTable {
    rows: BTreeMap<OrderId, OrderRow>,
    overwritten_count: u64,
}

impl TraditionalTable {
    /// The table as stored: these rows, keyed by their order id, with no history of changes.
    pub fn from_rows(rows: impl IntoIterator<Item = OrderRow>) -> Self {
        TraditionalTable {
            rows: rows.into_iter().map(|row| (row.order_id, row)).collect(),
            overwritten_count: 0,
        }
    }

    /// The same table, saying it has overwritten `count` values so far (a stored table does not
    /// remember that; the log it was kept beside does).
    pub fn with_overwritten_count(mut self, count: u64) -> Self {
        self.overwritten_count = count;
        self
    }

    /// Runs the `INSERT` (for `OrderPlaced`) or in-place `UPDATE` (for everything else) that a
    /// CRUD app runs for the same accepted action, and says what that did.
    ///
    /// An `UPDATE` of an order that has no row changes nothing, as in PostgreSQL ("UPDATE 0");
    /// valid logs never do that, but what-if replays may.
    pub fn apply(&mut self, event: &RecordedEvent) -> RowChange {
        let change = self.describe(event);
        self.write(event);
        change
    }

    /// What `apply` would do for `event`, without doing it.
    pub fn describe(&self, event: &RecordedEvent) -> RowChange {
        let order_id = event.order_id;
        if let OrderEvent::OrderPlaced {
            customer_id,
            total_amount,
        } = &event.event
        {
            let row = new_row(event, customer_id, *total_amount);
            return RowChange {
                order_id,
                statement: Statement::Insert,
                // A second OrderPlaced for one id cannot come from `decide`; the model replaces
                // the row (PostgreSQL would refuse the duplicate key) and reports the damage.
                overwritten: self
                    .rows
                    .get(&order_id)
                    .map_or_else(Vec::new, |old| diff_rows(old, &row)),
                not_stored: Vec::new(),
                sql: format!("{};", insert_row_sql(&row)),
            };
        }
        let new_status = event.event.status_after();
        let overwritten = match self.rows.get(&order_id) {
            Some(row) if row.status != new_status => vec![Overwritten {
                column: TableColumn::Status,
                old: row.status.to_string(),
                new: new_status.to_string(),
            }],
            _ => Vec::new(),
        };
        RowChange {
            order_id,
            statement: Statement::Update,
            overwritten,
            not_stored: not_stored(event),
            sql: format!(
                "UPDATE orders SET status = {} WHERE order_id = {order_id};",
                quote_literal(new_status.as_str())
            ),
        }
    }

    /// Changes the table as the statement would; cheap, because nothing is described.
    fn write(&mut self, event: &RecordedEvent) {
        if let OrderEvent::OrderPlaced {
            customer_id,
            total_amount,
        } = &event.event
        {
            let row = new_row(event, customer_id, *total_amount);
            if let Some(old) = self.rows.insert(event.order_id, row) {
                self.overwritten_count += diff_rows(&old, &self.rows[&event.order_id]).len() as u64;
            }
            return;
        }
        let new_status = event.event.status_after();
        if let Some(row) = self.rows.get_mut(&event.order_id) {
            if row.status != new_status {
                row.status = new_status;
                self.overwritten_count += 1;
            }
        }
    }

    /// Every row, by order id.
    pub fn rows(&self) -> impl Iterator<Item = &OrderRow> + '_ {
        self.rows.values()
    }

    /// The row of `order_id`, if that order was ever placed.
    pub fn row(&self, order_id: OrderId) -> Option<&OrderRow> {
        self.rows.get(&order_id)
    }

    /// How many column values have been overwritten (and so lost) since the table was created.
    pub fn overwritten_count(&self) -> u64 {
        self.overwritten_count
    }

    /// The table a CRUD app would hold after the same actions as `events`, from an empty table.
    pub fn rebuild(events: &[RecordedEvent]) -> Self {
        let mut table = Self::default();
        for event in events {
            table.write(event);
        }
        table
    }
}

/// `INSERT INTO orders (...) VALUES (...)` without the trailing semicolon.
pub(crate) fn insert_row_sql(row: &OrderRow) -> String {
    format!(
        "INSERT INTO orders (order_id, customer_id, order_date, total_amount, status) VALUES ({}, {}, {}, {}, {})",
        row.order_id,
        quote_literal(&row.customer_id),
        quote_literal(&timestamp_literal(row.order_date)),
        money_literal(row.total_amount),
        quote_literal(row.status.as_str()),
    )
}

fn new_row(event: &RecordedEvent, customer_id: &str, total_amount: Money) -> OrderRow {
    OrderRow {
        order_id: event.order_id,
        customer_id: customer_id.to_string(),
        order_date: event.event_timestamp,
        total_amount,
        status: OrderStatus::Placed,
    }
}

/// The facts an event carries that the `orders` table has no column for.
fn not_stored(event: &RecordedEvent) -> Vec<NotStored> {
    let mut lost = match &event.event {
        OrderEvent::OrderPlaced { .. } | OrderEvent::OrderDelivered {} => vec![],
        OrderEvent::OrderPaid { amount } => vec![("amount", amount.to_string())],
        OrderEvent::OrderShipped {
            carrier,
            tracking_number,
        } => vec![
            ("carrier", carrier.clone()),
            ("tracking_number", tracking_number.clone()),
        ],
        OrderEvent::OrderCancelled { reason, refund } => {
            let mut lost = vec![("reason", reason.clone())];
            lost.extend(refund.map(|refund| ("refund", refund.to_string())));
            lost
        }
        OrderEvent::PaymentProblemReported { source, detail } => {
            vec![("source", source.clone()), ("detail", detail.clone())]
        }
        OrderEvent::PaymentProblemRetracted {
            retracts, reason, ..
        } => vec![
            ("retracts", retracts.to_string()),
            ("reason", reason.clone()),
        ],
    };
    lost.push(("event_timestamp", timestamp_literal(event.event_timestamp)));
    lost.into_iter()
        .map(|(field, value)| NotStored { field, value })
        .collect()
}

fn diff_rows(old: &OrderRow, new: &OrderRow) -> Vec<Overwritten> {
    let columns = [
        (
            TableColumn::CustomerId,
            old.customer_id.clone(),
            new.customer_id.clone(),
        ),
        (
            TableColumn::OrderDate,
            timestamp_literal(old.order_date),
            timestamp_literal(new.order_date),
        ),
        (
            TableColumn::TotalAmount,
            old.total_amount.to_string(),
            new.total_amount.to_string(),
        ),
        (
            TableColumn::Status,
            old.status.to_string(),
            new.status.to_string(),
        ),
    ];
    columns
        .into_iter()
        .filter(|(_, old, new)| old != new)
        .map(|(column, old, new)| Overwritten { column, old, new })
        .collect()
}
