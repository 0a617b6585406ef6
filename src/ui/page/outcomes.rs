//! What the reducer learns from the page's writer: a write was queued, and what each write
//! came to once the application layer ran it (under the cross-tab lock).

use super::state::AppState;
use crate::app::{Accepted, CaughtUp, Refused};
use crate::ui::databases::last_change::LastChange;
use crate::ui::databases::log_view::LogFilter;
use crate::ui::widgets::format;
use std::rc::Rc;

pub enum Outcome {
    /// A write has waited for the lock longer than a glance: the page shows it is busy...
    WriteQueued,
    /// ...until that write is done (sent after its outcome, only if it was shown as queued).
    WriteFinished,
    /// A command ran: accepted, or refused with the fresh state. `asked_at` is the learner's
    /// count of choices when they asked.
    Executed {
        result: Result<Accepted, Refused>,
        asked_at: u64,
    },
    /// The whole log was replaced (example, import, reset, share link): the status line to
    /// show, or why nothing changed.
    Replaced(Result<String, String>),
    /// The learner's recovery decision was carried out, or why not.
    Discarded(Result<(), String>),
    /// Another tab wrote; this is what catching up found.
    CaughtUp(CaughtUp),
    /// The write never ran (another tab's last change had not reached this tab): why.
    NotRun(String),
}

impl AppState {
    pub(super) fn take_outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::WriteQueued => self.writes_waiting += 1,
            Outcome::WriteFinished => {
                self.writes_waiting = self.writes_waiting.saturating_sub(1);
            }
            Outcome::Executed { result, asked_at } => self.executed(result, asked_at),
            Outcome::Replaced(result) => self.replaced(result),
            Outcome::Discarded(result) => {
                match result {
                    Ok(()) => {
                        self.notice =
                            Some("Damaged data discarded: the valid events are kept.".into())
                    }
                    Err(why) => self.refuse(why),
                }
                self.revision += 1;
            }
            Outcome::CaughtUp(found) => self.caught_up(found),
            Outcome::NotRun(why) => self.refuse(why),
        }
    }

    fn executed(&mut self, result: Result<Accepted, Refused>, asked_at: u64) {
        // Even a refusal may have caught up with other tabs first: the fresh state is shown.
        self.revision += 1;
        match result {
            Ok(accepted) => {
                let order_id = accepted.order_id;
                let seq = self.last_change.as_ref().map_or(1, |c| c.seq + 1);
                self.last_change = Some(Rc::new(LastChange { seq, accepted }));
                self.alert = None;
                self.notice = None;
                self.log_page = 0;
                // Lands on the order the command was for, unless the learner has already
                // chosen another one while it waited for the lock.
                if self.choices == asked_at {
                    self.select(order_id);
                }
            }
            Err(refused) => self.refuse(refused.to_string()),
        }
    }

    fn replaced(&mut self, result: Result<String, String>) {
        let notice = match result {
            Ok(notice) => notice,
            Err(why) => return self.refuse(why),
        };
        self.revision += 1;
        self.notice = Some(notice);
        self.import_error = None;
        self.last_change = None;
        self.alert = None;
        self.filter = LogFilter::default();
        self.log_page = 0;
        self.table_page = 0;
        self.select_last();
        self.continue_bug_story();
        self.continue_lesson_setup();
        self.continue_challenges();
    }

    fn caught_up(&mut self, found: CaughtUp) {
        self.revision += 1;
        self.notice = match found {
            CaughtUp::Nothing => self.notice.take(),
            CaughtUp::Appended(n) => Some(format!(
                "Caught up with another tab: {}.",
                format::count(n, "new event", "new events")
            )),
            CaughtUp::Reloaded => {
                self.last_change = None;
                self.filter = LogFilter::default();
                self.log_page = 0;
                Some("The log was replaced in another tab: showing the new one.".into())
            }
        };
        self.continue_lesson_setup();
        let still_there = self
            .selected
            .is_some_and(|id| self.log.read().order_ids().binary_search(&id).is_ok());
        if !still_there {
            self.select_last();
        }
    }
}
