//! What a click means. Every button and shortcut that may change the databases becomes an
//! [`Intent`]; [`plan`] turns it, given the page as the learner saw it, into UI actions to
//! dispatch at once and at most one [`Write`] for the application layer. Pure, so native tests
//! run exactly what the page runs (only the lock and the clock are added by `use_writer.rs`).

use super::outcomes::Outcome;
use super::state::{Action, AppState, Pending};
use crate::app::{Accepted, Databases, Example, Refused, Target};
use crate::domain::{
    decode_log, validate_log, Command, Money, OrderId, RecordedEvent, BUG_CORRECTION_REASON,
};
use crate::ui::bug_story::view::BugStoryView;
use crate::ui::controls::example_text;
use crate::ui::lesson::state::lesson_may_replace;
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
    /// Load the example a lesson step is about: asks first when it would replace the
    /// learner's own log.
    LessonLoad(Example),
    /// "Show me" for the lesson's first task: place an order, then pay it.
    PlaceAndPay,
    /// Record the bug story's correction: a new event retracting the wrong report.
    Correct,
}

/// A change to the databases, run by the application layer under the cross-tab lock.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    Command {
        target: Target,
        command: Command,
        /// The learner's count of choices when they asked (`AppState::choices`): once the
        /// command is done, the page selects its order only if they chose none meanwhile.
        asked_at: u64,
    },
    /// Replace the whole log; `done` is the status line to show afterwards.
    Replace {
        events: Rc<Vec<RecordedEvent>>,
        done: String,
    },
    DiscardDamaged,
    /// Place an order, then pay it: two commands, one after the other, shown as one change.
    PlaceThenPay {
        place: Command,
        asked_at: u64,
    },
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
        Intent::Place => match place_command(state) {
            Ok(command) => Plan::write(Write::Command {
                target: Target::NewOrder,
                command,
                asked_at: state.choices,
            }),
            Err(why) => Plan::act(Action::Refuse(why)),
        },
        Intent::PlaceAndPay => match place_command(state) {
            Ok(place) => Plan::write(Write::PlaceThenPay {
                place,
                asked_at: state.choices,
            }),
            Err(why) => Plan::act(Action::Refuse(why)),
        },
        Intent::Correct => match BugStoryView::of(db) {
            Some(story) => Plan::write(Write::Command {
                asked_at: state.choices,
                target: seen(db, story.culprit.order_id),
                command: Command::RetractPaymentProblem {
                    retracts: story.culprit.event_id,
                    reason: BUG_CORRECTION_REASON.into(),
                },
            }),
            None => Plan::act(Action::Refuse(
                "There is no bug story to correct: load it first.".into(),
            )),
        },
        Intent::LessonLoad(example) if state.lesson.owns_log || lesson_may_replace(db.events()) => {
            Plan::write(load(example))
        }
        Intent::LessonLoad(example) => Plan::act(Action::Ask(Pending::LessonLoad(example))),
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
                (Some(Pending::Load(example) | Pending::LessonLoad(example)), true) => {
                    Some(load(*example))
                }
                (Some(Pending::Reset), true) => Some(Write::Replace {
                    events: Rc::default(),
                    done: "Reset: both databases are empty.".into(),
                }),
                (Some(Pending::Import(events)), true) => Some(import(Rc::clone(events))),
                (Some(Pending::Shared), true) => state.share.incoming().map(import),
                _ => None,
            };
            Plan {
                now: vec![Action::Answered(yes)],
                write,
            }
        }
        Intent::DiscardDamaged => Plan::write(Write::DiscardDamaged),
        Intent::CatchUp => Plan::write(Write::CatchUp),
    }
}

/// The Place order command the form's fields describe, or why the total cannot be read.
fn place_command(state: &AppState) -> Result<Command, String> {
    let drafts = &state.drafts;
    Money::parse(&drafts.total)
        .map(|total_amount| Command::PlaceOrder {
            customer_id: drafts.customer.clone(),
            total_amount,
        })
        .map_err(|why| format!("The total amount is not valid. {why}"))
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
        asked_at: state.choices,
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
        Write::Command {
            target,
            command,
            asked_at,
        } => Outcome::Executed {
            result: db.execute(target, &command, now),
            asked_at,
        },
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
        Write::PlaceThenPay { place, asked_at } => Outcome::Executed {
            result: place_then_pay(db, &place, now),
            asked_at,
        },
        Write::CatchUp => Outcome::CaughtUp(db.catch_up()),
    }
}

/// Places an order, then pays it, as one change on the page (both events, both row changes).
fn place_then_pay(
    db: &mut Databases,
    place: &Command,
    now: DateTime<Utc>,
) -> Result<Accepted, Refused> {
    let placed = db.execute(Target::NewOrder, place, now)?;
    let paid = db.execute(seen(db, placed.order_id), &Command::PayOrder, now)?;
    Ok(Accepted {
        order_id: placed.order_id,
        events: [placed.events, paid.events].concat(),
        row_changes: [placed.row_changes, paid.row_changes].concat(),
        caught_up: placed.caught_up + paid.caught_up,
    })
}
