//! The challenges: what they ask, which log they are about, how they are answered, and where
//! on the page the answer is.

use super::words::{clock, day};
use crate::domain::{OrderEvent, OrderId, OrderStatus, RecordedEvent};
use chrono::{DateTime, TimeZone, Utc};
use std::collections::BTreeSet;

/// A task whose answer only the log holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Challenge {
    /// "What was order 3's status at 12:00 UTC on 5 March 2024?" An event stamped exactly
    /// `at` has happened by then.
    StatusAt {
        order_id: OrderId,
        at: DateTime<Utc>,
    },
    /// "Which service set PaymentProblem on order 2, and when?"
    ProblemSource { order_id: OrderId },
    /// "How many values has the traditional table lost so far by overwriting them?"
    ValuesLost,
}

/// The example log a challenge was written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogNeeded {
    Blog,
    BugStory,
    /// Whatever log is on the page.
    Any,
}

impl LogNeeded {
    /// "Load the blog example" and friends: what to do before answering.
    pub fn instruction(self) -> &'static str {
        match self {
            Self::Blog => "Load the blog example first.",
            Self::BugStory => "Load the bug story first.",
            Self::Any => "Any log will do.",
        }
    }
}

/// A panel of the page, by the heading it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    TimeTravel,
    ReplayDebugger,
    BugStory,
    EventLog,
    TraditionalTable,
    OrderHistory,
}

impl Panel {
    /// The panel's heading on the page.
    pub fn heading(self) -> &'static str {
        match self {
            Self::TimeTravel => "Time travel",
            Self::ReplayDebugger => "Replay debugger",
            Self::BugStory => "The bug nobody could reproduce",
            Self::EventLog => "Event log",
            Self::TraditionalTable => "Traditional table",
            Self::OrderHistory => "Order history",
        }
    }
}

/// Where to look, and what to do there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub panel: Panel,
    pub text: String,
}

/// One status to pick: an order's status, or that it did not exist yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusChoice {
    NotPlacedYet,
    Is(OrderStatus),
}

impl StatusChoice {
    pub fn label(self) -> &'static str {
        match self {
            Self::NotPlacedYet => "Not placed yet",
            Self::Is(status) => status.as_str(),
        }
    }
}

/// How a challenge is answered, with the choices computed from the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerKind {
    /// Pick one (typing a status name works too).
    PickStatus(Vec<StatusChoice>),
    /// Pick the service from these (every source in the log, and some that are not), and type
    /// the time as the page shows it (UTC): "13:47" or "13:47:12".
    PickSourceTypeTime(Vec<String>),
    /// Type a whole number.
    TypeNumber,
}

/// Services that sound as if they could report a payment problem, offered beside the real ones.
const DISTRACTORS: [&str; 4] = [
    "payment-provider webhook",
    "fraud-check service",
    "checkout-service v4.1",
    "warehouse scanner",
];

impl Challenge {
    /// The three challenges as the examples pose them: order 3 of the blog example at noon on
    /// 5 March (Paid then, Shipped now), and order 2 of the bug story.
    pub fn standard() -> [Challenge; 3] {
        [
            Self::StatusAt {
                order_id: 3,
                at: Utc
                    .with_ymd_and_hms(2024, 3, 5, 12, 0, 0)
                    .single()
                    .unwrap_or_default(),
            },
            Self::ProblemSource { order_id: 2 },
            Self::ValuesLost,
        ]
    }

    /// The same kind of challenge as the examples pose it.
    pub fn is_standard(&self) -> bool {
        Self::standard().contains(self)
    }

    /// The challenge's name in share links.
    pub fn slug(&self) -> &'static str {
        match self {
            Self::StatusAt { .. } => "status-at",
            Self::ProblemSource { .. } => "problem-source",
            Self::ValuesLost => "values-lost",
        }
    }

    /// The task, as the learner reads it.
    pub fn prompt(&self) -> String {
        match self {
            Self::StatusAt { order_id, at } => format!(
                "What was order {order_id}'s status at {} UTC on {}?",
                clock(*at),
                day(*at)
            ),
            Self::ProblemSource { order_id } => {
                format!("Which service set PaymentProblem on order {order_id}, and when?")
            }
            Self::ValuesLost => {
                "How many values has the traditional table lost so far by overwriting them?"
                    .to_string()
            }
        }
    }

    /// The example log the prompt is about.
    pub fn needs(&self) -> LogNeeded {
        match self {
            Self::StatusAt { .. } if self.is_standard() => LogNeeded::Blog,
            Self::ProblemSource { .. } if self.is_standard() => LogNeeded::BugStory,
            _ => LogNeeded::Any,
        }
    }

    /// The panel that answers it, and how.
    pub fn hint(&self) -> Hint {
        match self {
            Self::StatusAt { order_id, at } => Hint {
                panel: Panel::TimeTravel,
                text: format!(
                    "Drag the Time travel timeline back to the last event at or before {} UTC on {}, \
                     and read order {order_id}'s status there.",
                    clock(*at),
                    day(*at)
                ),
            },
            Self::ProblemSource { order_id } => Hint {
                panel: Panel::EventLog,
                text: format!(
                    "In the Event log, filter by order {order_id} and by event type \
                     PaymentProblemReported: its event_data names the source, and its \
                     event_timestamp says when."
                ),
            },
            Self::ValuesLost => Hint {
                panel: Panel::TraditionalTable,
                text: "The Traditional table counts the values its UPDATEs have overwritten so \
                       far, just above its rows."
                    .to_string(),
            },
        }
    }

    /// How to answer, with choices computed from `events`.
    pub fn answer_kind(&self, events: &[RecordedEvent]) -> AnswerKind {
        match self {
            Self::StatusAt { .. } => {
                let statuses = OrderStatus::ALL.into_iter().map(StatusChoice::Is);
                AnswerKind::PickStatus(
                    std::iter::once(StatusChoice::NotPlacedYet)
                        .chain(statuses)
                        .collect(),
                )
            }
            Self::ProblemSource { .. } => {
                let seen = events.iter().filter_map(|e| match &e.event {
                    OrderEvent::PaymentProblemReported { source, .. } => Some(source.clone()),
                    _ => None,
                });
                // Sorted, so the right one is not always first; a set, so none is offered twice.
                let all: BTreeSet<String> = seen
                    .chain(DISTRACTORS.iter().map(|s| s.to_string()))
                    .collect();
                AnswerKind::PickSourceTypeTime(all.into_iter().collect())
            }
            Self::ValuesLost => AnswerKind::TypeNumber,
        }
    }
}
