//! What a click means. Every button and shortcut that may change the databases becomes an
//! [`Intent`]; [`plan`] turns it, given the page as the learner saw it, into UI actions to
//! dispatch at once and at most one [`Write`] for the application layer. Pure, so native tests
//! run exactly what the page runs (only the lock and the clock are added by `use_writer.rs`).

use super::outcomes::Outcome;
use super::state::{Action, AppState, Pending};
use crate::app::{Databases, Example, Target};
use crate::domain::{decode_log, validate_log, Command, Money, OrderId, RecordedEvent};
use crate::ui::controls::example_text;
use crate::ui::widgets::{format, timing};
use chrono::{DateTime, Utc};
use std::rc::Rc;

/// Something the learner asked for that may write.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    Place,
    Pay,
    Ship,
    Deliver,
    Cancel,
    /// Load an example: asks first when the log is not empty.
    Load(Example),
    /// Delete everything: always asks first.
    Reset,
    /// The text of a chosen log file: checked, then (after asking) imported.
    Import(String),
    /// The answer to the pending question.
    Answer(bool),
    /// Keep the valid events of a damaged store and drop the rest.
    DiscardDamaged,
    /// Another tab wrote our keys.
    CatchUp,
}

/// A change to the databases, run by the application layer under the cross-tab lock.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    Command {
        target: Target,
        command: Command,
    },
    /// Replace the whole log; `done` is the status line to show afterwards.
    Replace {
        events: Rc<Vec<RecordedEvent>>,
        done: String,
    },
    DiscardDamaged,
    /// Reading what another tab wrote: no lock needed (storage never changes in the middle of
    /// one of this tab's tasks, and the head says what is committed).
    CatchUp,
}

impl Write {
    /// Whether it must wait for the cross-tab write lock.
    pub fn writes(&self) -> bool {
        !matches!(self, Write::CatchUp)
    }
}

/// What the page does about an intent.
#[derive(Default)]
pub struct Plan {
    pub now: Vec<Action>,
    pub write: Option<Write>,
}

impl Plan {
    fn act(action: Action) -> Plan {
        Plan {
            now: vec![action],
            write: None,
        }
    }

    fn write(write: Write) -> Plan {
        Plan {
            now: Vec::new(),
            write: Some(write),
        }
    }
}

/// The plan for `intent` on the page `state` shows over `db`.
pub fn plan(intent: Intent, state: &AppState, db: &Databases) -> Plan {
    let drafts = &state.drafts;
    match intent {
        Intent::Place => match Money::parse(&drafts.total) {
            Ok(total_amount) => Plan::write(Write::Command {
                target: Target::NewOrder,
                command: Command::PlaceOrder {
                    customer_id: drafts.customer.clone(),
                    total_amount,
                },
            }),
            Err(why) => Plan::act(Action::Refuse(format!(
                "The total amount is not valid. {why}"
            ))),
        },
        Intent::Pay => on_selected(state, db, Command::PayOrder),
        Intent::Ship => on_selected(
            state,
            db,
            Command::ShipOrder {
                carrier: drafts.carrier.clone(),
                tracking_number: drafts.tracking.clone(),
            },
        ),
        Intent::Deliver => on_selected(state, db, Command::DeliverOrder),
        Intent::Cancel => on_selected(
            state,
            db,
            Command::CancelOrder {
                reason: drafts.reason.clone(),
            },
        ),
        Intent::Load(example) if db.events().is_empty() => Plan::write(load(example)),
        Intent::Load(example) => Plan::act(Action::Ask(Pending::Load(example))),
        Intent::Reset => Plan::act(Action::Ask(Pending::Reset)),
        Intent::Import(text) => match check_import(&text) {
            Err(why) => Plan::act(Action::ImportRefused(format!(
                "{why} Nothing was imported."
            ))),
            Ok(events) if db.events().is_empty() => Plan::write(import(Rc::new(events))),
            Ok(events) => Plan::act(Action::Ask(Pending::Import(Rc::new(events)))),
        },
        Intent::Answer(yes) => {
            let write = match (&state.pending, yes) {
                (Some(Pending::Load(example)), true) => Some(load(*example)),
                (Some(Pending::Reset), true) => Some(Write::Replace {
                    events: Rc::default(),
                    done: "Reset: both databases are empty.".into(),
                }),
                (Some(Pending::Import(events)), true) => Some(import(Rc::clone(events))),
                (Some(Pending::Shared), true) => state.share.incoming().map(import),
                _ => None,
            };
            Plan {
                now: vec![Action::Answered],
                write,
            }
        }
        Intent::DiscardDamaged => Plan::write(Write::DiscardDamaged),
        Intent::CatchUp => Plan::write(Write::CatchUp),
    }
}

/// A command on the selected order, at the version the page shows it.
fn on_selected(state: &AppState, db: &Databases, command: Command) -> Plan {
    let Some(order_id) = state.selected else {
        return Plan::act(Action::Refuse(format!(
            "There is no order to {}: place an order first.",
            command.name()
        )));
    };
    Plan::write(Write::Command {
        target: seen(db, order_id),
        command,
    })
}

/// `order_id` as the page shows it now.
pub fn seen(db: &Databases, order_id: OrderId) -> Target {
    Target::Order {
        order_id,
        seen_version: db.order(order_id).map_or(0, |o| o.version),
    }
}

fn load(example: Example) -> Write {
    let events = example.events();
    let done = example_text::loaded_message(example, events.len());
    Write::Replace {
        events: Rc::new(events),
        done,
    }
}

fn import(events: Rc<Vec<RecordedEvent>>) -> Write {
    let done = format!(
        "Imported {}.",
        format::count(events.len(), "event", "events")
    );
    Write::Replace { events, done }
}

/// A log file's events, if it is a log this app reads and every event follows the rules.
fn check_import(text: &str) -> Result<Vec<RecordedEvent>, String> {
    let events = decode_log(text)
        .map_err(|e| format!("This file is not an event log this app can read: {e}"))?;
    validate_log(&events).map_err(|e| format!("This log breaks the rules at {e}"))?;
    Ok(events)
}

/// Runs `write` on the databases at time `now` (the critical section) and says what it came to.
pub fn perform(write: Write, db: &mut Databases, now: DateTime<Utc>) -> Outcome {
    match write {
        Write::Command { target, command } => Outcome::Executed(db.execute(target, &command, now)),
        Write::Replace { events, done } => {
            let started = timing::now_ms();
            let result = db.replace_all(&events).map(|()| match events.len() {
                0 => done,
                n => format!("{done} {}", timing::replayed(n, started)),
            });
            Outcome::Replaced(result.map_err(|why| why.to_string()))
        }
        Write::DiscardDamaged => {
            Outcome::Discarded(db.discard_damaged().map_err(|why| why.to_string()))
        }
        Write::CatchUp => Outcome::CaughtUp(db.catch_up()),
    }
}
