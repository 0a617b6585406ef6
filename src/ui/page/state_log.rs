//! The reducer's whole-log operations: examples, import, reset, recovery and catching up with
//! other tabs. These replace or re-derive the log, unlike the per-click commands in `state.rs`.

use crate::app::CaughtUp;
use crate::app::Example;
use crate::domain::{decode_log, validate_log, RecordedEvent};
use crate::ui::page::state::{AppState, LogFilter, Pending};
use crate::ui::widgets::timing;
use std::rc::Rc;

impl AppState {
    pub(super) fn load(&mut self, example: Example) {
        let started = timing::now_ms();
        let events = example.events();
        self.replace_log(
            &events,
            started,
            crate::ui::controls::example_text::loaded_message(example, events.len()),
        );
    }

    pub(super) fn check_import(&mut self, text: &str) {
        let checked = decode_log(text)
            .map_err(|e| format!("This file is not an event log this app can read: {e}"))
            .and_then(|events| {
                validate_log(&events)
                    .map(|()| events)
                    .map_err(|e| format!("This log breaks the rules at {e}"))
            });
        match checked {
            Err(why) => self.import_error = Some(format!("{why} Nothing was imported.")),
            Ok(events) => {
                self.import_error = None;
                let events = Rc::new(events);
                if self.db.0.borrow().events().is_empty() {
                    self.import(&events);
                } else {
                    self.pending = Some(Pending::Import(events));
                }
            }
        }
    }

    pub(super) fn import(&mut self, events: &[RecordedEvent]) {
        let message = format!(
            "Imported {}.",
            crate::ui::widgets::format::count(events.len(), "event", "events")
        );
        self.replace_log(events, timing::now_ms(), message);
    }

    pub(super) fn discard_damaged(&mut self) {
        let result = self.db.0.borrow_mut().discard_damaged();
        match result {
            Ok(()) => {
                self.notice = Some("Damaged data discarded: the valid events are kept.".into())
            }
            Err(why) => self.refuse(why.to_string()),
        }
        self.changed();
    }

    pub(super) fn reset(&mut self) {
        self.replace_log(
            &[],
            timing::now_ms(),
            "Reset: both databases are empty.".into(),
        );
    }

    fn replace_log(&mut self, events: &[RecordedEvent], started: f64, done: String) {
        let result = self.db.0.borrow_mut().replace_all(events);
        if let Err(why) = result {
            return self.refuse(why.to_string());
        }
        let replayed = if events.is_empty() {
            String::new()
        } else {
            format!(" {}", timing::replayed(events.len(), started))
        };
        self.notice = Some(format!("{done}{replayed}"));
        self.last_change = None;
        self.alert = None;
        self.filter = LogFilter::default();
        self.log_page = 0;
        self.table_page = 0;
        self.selected = None;
        self.changed();
        let last = self.db.0.borrow().order_ids().last().copied();
        if let Some(id) = last {
            self.select(id);
        }
    }

    pub(super) fn catch_up(&mut self) {
        let found = self.db.0.borrow_mut().catch_up();
        self.notice = match found {
            CaughtUp::Nothing => self.notice.take(),
            CaughtUp::Appended(n) => Some(format!(
                "Caught up with another tab: {}.",
                crate::ui::widgets::format::count(n, "new event", "new events")
            )),
            CaughtUp::Reloaded => {
                self.last_change = None;
                self.filter = LogFilter::default();
                self.log_page = 0;
                Some("The log was replaced in another tab: showing the new one.".into())
            }
        };
        self.changed();
        let still_there = self
            .selected
            .is_some_and(|id| self.db.0.borrow().order_ids().binary_search(&id).is_ok());
        if !still_there {
            self.selected = None;
            self.select_step(1);
        }
    }
}
