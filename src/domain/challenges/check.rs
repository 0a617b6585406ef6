//! Checking an answer against the log on the page. Nothing is stored: the right answer is
//! computed from `events` every time, so a challenge stays right whatever the log holds.

use super::words::{clock, day};
use super::{parse_count, parse_status, parse_time, Challenge, StatusChoice};
use crate::domain::{
    fold, timestamp_text, OrderEvent, OrderId, OrderStatus, RecordedEvent, TraditionalTable,
};
use chrono::{DateTime, Utc};

/// What the learner answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChallengeAnswer {
    /// A picked status.
    Status(StatusChoice),
    /// Typed text: a status name, or a number.
    Text(String),
    /// A picked (or typed) service and a typed time.
    SourceAndTime { source: String, time: String },
}

/// The app's verdict, with a sentence for the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Right, and the evidence in the log.
    Right(String),
    /// Not right; says what is off without giving the answer away.
    Wrong(String),
    /// The answer could not be read; says how to write it.
    Unreadable(String),
    /// The log on the page cannot answer this challenge; says which one can.
    NeedsAnotherLog(String),
}

impl Verdict {
    pub fn is_right(&self) -> bool {
        matches!(self, Self::Right(_))
    }

    /// The sentence to show.
    pub fn message(&self) -> &str {
        match self {
            Self::Right(m) | Self::Wrong(m) | Self::Unreadable(m) | Self::NeedsAnotherLog(m) => m,
        }
    }
}

impl Challenge {
    /// Checks `answer` against what `events` say.
    pub fn check(&self, events: &[RecordedEvent], answer: &ChallengeAnswer) -> Verdict {
        match *self {
            Self::StatusAt { order_id, at } => self.check_status(events, order_id, at, answer),
            Self::ProblemSource { order_id } => self.check_source(events, order_id, answer),
            Self::ValuesLost => check_count(events, answer),
        }
    }

    fn check_status(
        &self,
        events: &[RecordedEvent],
        order_id: OrderId,
        at: DateTime<Utc>,
        answer: &ChallengeAnswer,
    ) -> Verdict {
        let stream: Vec<&RecordedEvent> =
            events.iter().filter(|e| e.order_id == order_id).collect();
        if stream.is_empty() {
            return Verdict::NeedsAnotherLog(format!(
                "This log has no order {order_id}. {}",
                self.needs().instruction()
            ));
        }
        let picked = match answer {
            ChallengeAnswer::Status(choice) => *choice,
            ChallengeAnswer::Text(text) => match parse_status(text) {
                Ok(choice) => choice,
                Err(how) => return Verdict::Unreadable(how.to_string()),
            },
            ChallengeAnswer::SourceAndTime { .. } => {
                return Verdict::Unreadable("Pick a status.".to_string())
            }
        };
        let happened: Vec<&RecordedEvent> = stream
            .iter()
            .copied()
            .filter(|e| e.event_timestamp <= at)
            .collect();
        let choice = |status: Option<OrderStatus>| {
            status.map_or(StatusChoice::NotPlacedYet, StatusChoice::Is)
        };
        let then = choice(fold(order_id, happened.iter().copied()).status);
        let now = choice(fold(order_id, stream.iter().copied()).status);
        let when = format!("{} UTC on {}", clock(at), day(at));
        if picked == then {
            return Verdict::Right(match happened.last() {
                Some(last) => format!(
                    "Right: order {order_id} was {} at {when}. Its last event by then was event {} \
                     ({}, {}); it is {} now.",
                    then.label(),
                    last.event_id,
                    last.event.event_type(),
                    timestamp_text(last.event_timestamp),
                    now.label()
                ),
                None => format!("Right: order {order_id} had not been placed yet at {when}."),
            });
        }
        if picked == now {
            return Verdict::Wrong(format!(
                "{} is order {order_id}'s status now, not then. The traditional table only knows \
                 the present; the log knows every moment.",
                now.label()
            ));
        }
        Verdict::Wrong(format!(
            "No: order {order_id} was not {} at that moment.",
            picked.label()
        ))
    }

    fn check_source(
        &self,
        events: &[RecordedEvent],
        order_id: OrderId,
        answer: &ChallengeAnswer,
    ) -> Verdict {
        let reports: Vec<(&str, &RecordedEvent)> = events
            .iter()
            .filter(|e| e.order_id == order_id)
            .filter_map(|e| match &e.event {
                OrderEvent::PaymentProblemReported { source, .. } => Some((source.as_str(), e)),
                _ => None,
            })
            .collect();
        if reports.is_empty() {
            return Verdict::NeedsAnotherLog(format!(
                "No event in this log sets PaymentProblem on order {order_id}. {}",
                self.needs().instruction()
            ));
        }
        let ChallengeAnswer::SourceAndTime { source, time } = answer else {
            return Verdict::Unreadable("Pick the service, and type the time.".to_string());
        };
        if source.trim().is_empty() {
            return Verdict::Unreadable("Pick the service that set it.".to_string());
        }
        let time = match parse_time(time) {
            Ok(time) => time,
            Err(how) => return Verdict::Unreadable(how.to_string()),
        };
        let same = |a: &str| squash(a) == squash(source);
        // Any report counts: each one set PaymentProblem when it came.
        if let Some((source, event)) = reports
            .iter()
            .find(|(s, e)| same(s) && time.matches(e.event_timestamp))
        {
            return Verdict::Right(format!(
                "Right: event {} (PaymentProblemReported) came from {source} at {}. The \
                 traditional row only says PaymentProblem.",
                event.event_id,
                timestamp_text(event.event_timestamp)
            ));
        }
        let right_source = reports.iter().any(|(s, _)| same(s));
        let right_time = reports.iter().any(|(_, e)| time.matches(e.event_timestamp));
        Verdict::Wrong(
            match (right_source, right_time) {
                (true, _) => {
                    "The service is right, but not the time: read the event's event_timestamp."
                }
                (false, true) => "The time is right, but that service did not set it.",
                (false, false) => "Neither the service nor the time is right.",
            }
            .to_string(),
        )
    }
}

fn check_count(events: &[RecordedEvent], answer: &ChallengeAnswer) -> Verdict {
    let typed = match answer {
        ChallengeAnswer::Text(text) => parse_count(text),
        _ => Err("Type a whole number, for example 12."),
    };
    let typed = match typed {
        Ok(n) => n,
        Err(how) => return Verdict::Unreadable(how.to_string()),
    };
    // What the page's counter shows: the table a CRUD app holds after the same actions.
    let lost = TraditionalTable::rebuild(events).overwritten_count();
    if typed == lost {
        Verdict::Right(format!(
            "Right: the table has overwritten {lost} value{} so far, and kept none of them; the \
             log still holds all {} events.",
            if lost == 1 { "" } else { "s" },
            events.len()
        ))
    } else if typed == events.len() as u64 {
        Verdict::Wrong(
            "That is how many events the log holds, and the log loses none. Count what the \
             table overwrote."
                .to_string(),
        )
    } else {
        Verdict::Wrong(
            "No. Each UPDATE that replaced a value lost that value: count those.".to_string(),
        )
    }
}

/// Case- and space-insensitive form of a service name.
fn squash(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
