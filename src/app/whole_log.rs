//! Changes to the whole log: examples, imports and resets replace it; recovery keeps its valid
//! part; other tabs' changes are caught up with. Like commands, replacing writes under the
//! cross-tab lock (the page's edge takes it), and the two databases are written as one.

use super::databases::Databases;
use super::outcome::CaughtUp;
use crate::domain::{RecordedEvent, TraditionalTable};
use crate::store::{AppendError, Refresh};

impl Databases {
    /// Replaces the whole log (reset, examples, import) and the table to match it, in one
    /// all-or-nothing write.
    pub fn replace_all(&mut self, events: &[RecordedEvent]) -> Result<(), AppendError> {
        let table = TraditionalTable::rebuild(events);
        self.store.replace_all_with_table(events, &table)?;
        self.rederive();
        Ok(())
    }

    /// Catches up with what other tabs wrote (after a `storage` event).
    pub fn catch_up(&mut self) -> CaughtUp {
        if self.store.refresh() == Refresh::Reloaded {
            self.rederive();
            return CaughtUp::Reloaded;
        }
        match self.resync() {
            None => CaughtUp::Reloaded,
            Some(0) => CaughtUp::Nothing,
            Some(n) => CaughtUp::Appended(n),
        }
    }

    /// The learner chose to keep the valid events and drop what is damaged (the table is then
    /// rebuilt from them, so the two databases agree again).
    pub fn discard_damaged(&mut self) -> Result<(), AppendError> {
        let result = self.store.discard_damaged();
        self.rederive();
        result
    }
}
