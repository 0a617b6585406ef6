//! Two clerks, one order: the lost update, simulated step by step on copies.
//!
//! Ana and Ben load the same order, then each acts on their own copy. The traditional side
//! checks the rules on the clerk's copy and runs an `UPDATE` on the table as it is now, so the
//! second write silently replaces the first. The event side appends with the version the clerk
//! loaded; the second append finds the order moved on and is refused, and the clerk sees the
//! fresh state. Nothing here touches the real databases: a `TwoClerks` owns copies.

mod outcomes;

pub use outcomes::{
    Append, Clerk, ClerksSetup, Fresh, Loaded, Step, StepOutcome, Turn, VersionConflict,
};

use super::{
    decide, decide_and_record, fold, EventId, Order, OrderRow, Overwritten, RecordedEvent,
    RowChange, TraditionalTable,
};
use chrono::{TimeZone, Utc};

/// The lost-update story for one order, walked one step at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoClerks {
    setup: ClerksSetup,
    /// The event side: this order's stream, and the id the next event would get.
    stream: Vec<RecordedEvent>,
    next_event_id: EventId,
    /// The traditional side: this order's row alone.
    table: TraditionalTable,
    loaded: Option<Loaded>,
    ana: Option<Turn>,
    ben: Option<Turn>,
}

impl TwoClerks {
    /// Copies order `setup.order_id`'s events from `log` and its row from `table`.
    pub fn new(log: &[RecordedEvent], table: &TraditionalTable, setup: ClerksSetup) -> Self {
        let id = setup.order_id;
        TwoClerks {
            stream: log.iter().filter(|e| e.order_id == id).cloned().collect(),
            next_event_id: log.last().map_or(1, |e| e.event_id.saturating_add(1)),
            table: TraditionalTable::from_rows(table.row(id).cloned()),
            setup,
            loaded: None,
            ana: None,
            ben: None,
        }
    }

    /// The default story: the blog's order 2 (Paid), the morning after the blog's last event;
    /// Ana ships it at 09:00 on 7 March, Ben cancels it at 09:02.
    pub fn blog_default() -> Self {
        let log = super::blog_example();
        let at = |minute| {
            Utc.with_ymd_and_hms(2024, 3, 7, 9, minute, 0)
                .single()
                .unwrap_or_default()
        };
        let setup = ClerksSetup::ship_and_cancel(2, at(0), at(2));
        Self::new(&log, &TraditionalTable::rebuild(&log), setup)
    }

    pub fn setup(&self) -> &ClerksSetup {
        &self.setup
    }

    /// The step the next click runs, or `None` when the story is over.
    pub fn next_step(&self) -> Option<Step> {
        match (&self.loaded, &self.ana, &self.ben) {
            (None, _, _) => Some(Step::LoadBoth),
            (Some(_), None, _) => Some(Step::AnaActs),
            (Some(_), Some(_), None) => Some(Step::BenActs),
            _ => None,
        }
    }

    /// Runs the next step and says what it did; `None` when the story is over.
    pub fn advance(&mut self) -> Option<StepOutcome<'_>> {
        match self.next_step()? {
            Step::LoadBoth => {
                let loaded = Loaded {
                    order: self.order(),
                    row: self.table_row().cloned(),
                };
                Some(StepOutcome::Loaded(self.loaded.insert(loaded)))
            }
            Step::AnaActs => {
                let turn = self.act(Clerk::Ana);
                Some(StepOutcome::Acted(self.ana.insert(turn)))
            }
            Step::BenActs => {
                let turn = self.act(Clerk::Ben);
                Some(StepOutcome::Acted(self.ben.insert(turn)))
            }
        }
    }

    pub fn loaded(&self) -> Option<&Loaded> {
        self.loaded.as_ref()
    }

    pub fn ana(&self) -> Option<&Turn> {
        self.ana.as_ref()
    }

    pub fn ben(&self) -> Option<&Turn> {
        self.ben.as_ref()
    }

    /// The event side now: the order as its stream says.
    pub fn order(&self) -> Order {
        fold(self.setup.order_id, &self.stream)
    }

    /// The event side now: the order's stream, including what the clerks appended.
    pub fn stream(&self) -> &[RecordedEvent] {
        &self.stream
    }

    /// The traditional side now: the order's row.
    pub fn table_row(&self) -> Option<&OrderRow> {
        self.table.row(self.setup.order_id)
    }

    fn act(&mut self, clerk: Clerk) -> Turn {
        let copy = self
            .loaded
            .as_ref()
            .map(|l| l.order.clone())
            .unwrap_or_default();
        let (command, at) = match clerk {
            Clerk::Ana => (self.setup.ana.clone(), self.setup.ana_at),
            Clerk::Ben => (self.setup.ben.clone(), self.setup.ben_at),
        };
        // Both decided on the same copy, so both number their events from the same id.
        let decision = decide_and_record(&copy, &command, self.next_event_id, at);
        let mut turn = Turn {
            clerk,
            command,
            decided_on: copy.version,
            decision,
            row_change: None,
            row_after: None,
            append: None,
            lost: Vec::new(),
            fresh: None,
        };
        if let Ok(events) = &turn.decision {
            turn.row_change = self.update_row(events);
            turn.lost = self.lost_to(clerk, turn.row_change.as_ref());
            turn.append = Some(self.append(clerk, copy.version, events));
            if let Some(Append::Refused(_)) = &turn.append {
                let order = self.order();
                let retry = decide(&order, &turn.command);
                turn.fresh = Some(Fresh { order, retry });
            }
        }
        turn.row_after = self.table_row().cloned();
        turn
    }

    /// What a CRUD app does: its check passed on the clerk's copy, so it runs the `UPDATE`.
    fn update_row(&mut self, events: &[RecordedEvent]) -> Option<RowChange> {
        let mut changes = events.iter().map(|e| self.table.apply(e));
        let mut change = changes.next()?;
        // `decide` records one event per command; should it record more, report them as one.
        for more in changes {
            change.overwritten.extend(more.overwritten);
            change.not_stored.extend(more.not_stored);
            change.sql = format!("{}\n{}", change.sql, more.sql);
        }
        Some(change)
    }

    /// The other clerk's written values that `change` replaced.
    fn lost_to(&self, clerk: Clerk, change: Option<&RowChange>) -> Vec<Overwritten> {
        let other = match clerk {
            Clerk::Ana => &self.ben,
            Clerk::Ben => &self.ana,
        };
        let written = other.as_ref().and_then(|t| t.row_change.as_ref());
        let (Some(change), Some(written)) = (change, written) else {
            return Vec::new();
        };
        change
            .overwritten
            .iter()
            .filter(|o| {
                let wrote = |w: &Overwritten| w.column == o.column && w.new == o.old;
                written.overwritten.iter().any(wrote)
            })
            .cloned()
            .collect()
    }

    /// Optimistic concurrency: the append names the version it was decided on.
    fn append(&mut self, clerk: Clerk, expected: u32, events: &[RecordedEvent]) -> Append {
        let actual = self.order().version;
        if actual != expected {
            let missed = self.stream.iter().filter(|e| e.version > expected);
            return Append::Refused(VersionConflict {
                clerk,
                order_id: self.setup.order_id,
                expected_version: expected,
                actual_version: actual,
                missed: missed.cloned().collect(),
            });
        }
        self.stream.extend(events.iter().cloned());
        self.next_event_id = self.next_event_id.saturating_add(events.len() as u64);
        Append::Accepted {
            expected_version: expected,
            new_version: self.order().version,
        }
    }
}
