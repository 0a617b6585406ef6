//! Challenges a class can do: short tasks whose answers only the log holds, checked by the app
//! against the log on the page (never against a stored answer), each with a hint naming the
//! panel that answers it. A teacher shares a set of them as a short text (`ChallengeSet`).

mod answer_text;
mod challenge;
mod check;
mod set;
mod words;

pub use answer_text::{parse_count, parse_status, parse_time, TypedTime};
pub use challenge::{AnswerKind, Challenge, Hint, LogNeeded, Panel, StatusChoice};
pub use check::{ChallengeAnswer, Verdict};
pub use set::{ChallengeSet, ChallengeSetError, MAX_CHALLENGES, MAX_SET_CHARS};
