//! The Challenges region's state: the set the class is doing, what the learner typed or picked
//! for each challenge, and each verdict with the log it was checked against. A verdict is
//! computed once, when Check is pressed, from the log on the page then (the domain's `check`):
//! the same answer on the same log always gets the same verdict. When the log changes later,
//! the verdict is kept and marked as possibly outdated (see [`Checked::is_about`]) rather than
//! silently re-checked: the learner's last action decides what the region says.
//!
//! Pure Rust (no browser calls), so the reducer and native tests can use it.

use crate::domain::challenges::{Challenge, ChallengeAnswer, ChallengeSet, Verdict};
use crate::domain::RecordedEvent;
use std::rc::Rc;

/// The ids of the challenges' list items, which the page may scroll to and focus (a
/// [`Reveal`](crate::ui::page::state::Reveal) needs a `'static` id); one per challenge a set
/// may hold.
pub const ITEM_IDS: [&str; crate::domain::challenges::MAX_CHALLENGES] = [
    "challenge-1",
    "challenge-2",
    "challenge-3",
    "challenge-4",
    "challenge-5",
    "challenge-6",
    "challenge-7",
    "challenge-8",
];

/// The id of the Challenges region.
pub const REGION_ID: &str = "challenges";

/// A part of an answer the learner edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerField {
    /// The picked status, or the picked service.
    Choice,
    /// The typed time.
    Time,
    /// The typed number.
    Number,
}

/// What the learner has entered for one challenge so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub choice: String,
    pub time: String,
    pub number: String,
}

impl Draft {
    fn field_mut(&mut self, field: AnswerField) -> &mut String {
        match field {
            AnswerField::Choice => &mut self.choice,
            AnswerField::Time => &mut self.time,
            AnswerField::Number => &mut self.number,
        }
    }

    /// The answer as the domain reads it.
    fn answer(&self, challenge: &Challenge) -> ChallengeAnswer {
        match challenge {
            Challenge::StatusAt { .. } => ChallengeAnswer::Text(self.choice.clone()),
            Challenge::ProblemSource { .. } => ChallengeAnswer::SourceAndTime {
                source: self.choice.clone(),
                time: self.time.clone(),
            },
            Challenge::ValuesLost => ChallengeAnswer::Text(self.number.clone()),
        }
    }
}

/// Which log a verdict was about: its length and its last event. The log only grows by
/// appending, so a log with the same length and the same last event is the same log (a log
/// replaced by an identical one, such as the same example loaded again, counts as the same:
/// every verdict on it still holds).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogMark {
    len: usize,
    last: Option<RecordedEvent>,
}

impl LogMark {
    pub fn of(events: &[RecordedEvent]) -> LogMark {
        LogMark {
            len: events.len(),
            last: events.last().cloned(),
        }
    }
}

/// A verdict, and the log it was computed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub verdict: Verdict,
    log: LogMark,
}

impl Checked {
    /// Whether the verdict was computed from the log `mark` describes (if not, the log has
    /// changed since, and the verdict may no longer hold).
    pub fn is_about(&self, mark: &LogMark) -> bool {
        &self.log == mark
    }
}

/// One challenge's answer and verdict.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    pub draft: Draft,
    /// The verdict of the last Check; cleared when the answer is edited (it was about another
    /// answer).
    pub checked: Option<Checked>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChallengesState {
    /// Shared: the app state is copied on every action.
    set: Rc<ChallengeSet>,
    entries: Rc<Vec<Entry>>,
    /// Whether the set came from a share link (the region says so).
    pub from_link: bool,
    /// The element to lead the learner to once the log being loaded is on the page: the
    /// challenge that asked for it, or the region after a share link was accepted.
    lead: Option<&'static str>,
}

impl Default for ChallengesState {
    fn default() -> Self {
        ChallengesState::with_set(ChallengeSet::standard(), false)
    }
}

/// What the learner did in the Challenges region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChallengesAction {
    /// Typed or picked `text` in `field` of challenge `index` (from 0).
    Edit {
        index: usize,
        field: AnswerField,
        text: String,
    },
    /// Check challenge `index`'s answer against the log on the page now.
    Check(usize),
    /// Start over: every answer and verdict cleared (the set stays).
    Reset,
    /// A share link's challenges replace the set (answers and verdicts start empty).
    SetFromLink(ChallengeSet),
    /// The learner asked for the log challenge `index` is about: once it is loaded, the page
    /// leads back to that challenge.
    AwaitLog(usize),
}

impl ChallengesState {
    fn with_set(set: ChallengeSet, from_link: bool) -> Self {
        let entries = vec![Entry::default(); set.challenges().len()];
        ChallengesState {
            set: Rc::new(set),
            entries: Rc::new(entries),
            from_link,
            lead: None,
        }
    }

    pub fn set(&self) -> &Rc<ChallengeSet> {
        &self.set
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The verdict of challenge `index`, if it was checked.
    #[cfg(test)]
    pub fn verdict(&self, index: usize) -> Option<&Verdict> {
        self.entries
            .get(index)?
            .checked
            .as_ref()
            .map(|c| &c.verdict)
    }

    /// Whether anything was entered or checked (Start over has something to clear).
    pub fn has_answers(&self) -> bool {
        self.entries.iter().any(|e| *e != Entry::default())
    }

    /// Applies `action`; `events` is the log on the page, which Check reads.
    pub fn apply(&mut self, action: ChallengesAction, events: &[RecordedEvent]) {
        match action {
            ChallengesAction::Edit { index, field, text } => {
                if let Some(entry) = Rc::make_mut(&mut self.entries).get_mut(index) {
                    *entry.draft.field_mut(field) = text;
                    entry.checked = None;
                }
            }
            ChallengesAction::Check(index) => {
                let Some(challenge) = self.set.challenges().get(index).copied() else {
                    return;
                };
                if let Some(entry) = Rc::make_mut(&mut self.entries).get_mut(index) {
                    entry.checked = Some(Checked {
                        verdict: check(&challenge, &entry.draft, events),
                        log: LogMark::of(events),
                    });
                }
            }
            ChallengesAction::Reset => {
                self.entries = Rc::new(vec![Entry::default(); self.set.challenges().len()]);
            }
            ChallengesAction::SetFromLink(set) => *self = ChallengesState::with_set(set, true),
            ChallengesAction::AwaitLog(index) => {
                self.lead = ITEM_IDS.get(index).copied();
            }
        }
    }

    /// Leads the learner to `id` once the log being loaded is on the page.
    pub fn lead_to(&mut self, id: &'static str) {
        self.lead = Some(id);
    }

    /// The log did not come (the learner kept their own): nowhere to lead.
    pub fn stop_waiting(&mut self) {
        self.lead = None;
    }

    /// Where to lead the learner now that a new log is on the page, once.
    pub fn take_lead(&mut self) -> Option<&'static str> {
        self.lead.take()
    }
}

/// The domain's verdict, with a plainer sentence when nothing was picked from a list (the
/// domain's own says a status may be typed, which the select does not allow).
fn check(challenge: &Challenge, draft: &Draft, events: &[RecordedEvent]) -> Verdict {
    let verdict = challenge.check(events, &draft.answer(challenge));
    match verdict {
        Verdict::Unreadable(_)
            if matches!(challenge, Challenge::StatusAt { .. }) && draft.choice.is_empty() =>
        {
            Verdict::Unreadable("Pick a status first.".into())
        }
        verdict => verdict,
    }
}
