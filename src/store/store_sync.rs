//! Keeping a store in step with other tabs: every append and every `storage` event re-reads
//! the head (never a cached copy) and either reads just the new events, or reloads everything
//! when the log was replaced or changed in a way an append cannot explain.

use super::head::{fingerprint, Head};
use super::keys;
use super::kv::KeyValue;
use super::log_reader::{read_events, read_segment};
use super::{Refresh, SegmentedStore};

impl<K: KeyValue + Clone> SegmentedStore<K> {
    /// Re-reads the head from storage (never a cached copy) and catches up with other tabs.
    pub(super) fn catch_up(&mut self) -> Refresh {
        let head = match self.kv.get(&keys::head()).map(|raw| Head::parse(&raw)) {
            None if self.head.is_none() => return Refresh::UpToDate,
            Some(Ok(head)) => head,
            _ => return self.reload(),
        };
        let count = self.sequence.count();
        let same_log = match &self.head {
            Some(mine) => mine.epoch == head.epoch,
            None => count == 0,
        };
        if !same_log || head.count < count || !self.own_tail_still_stored(&head) {
            return self.reload();
        }
        if head.count == count {
            return Refresh::UpToDate;
        }
        let mut sequence = self.sequence.clone();
        let read = read_events(&self.kv, &head, count, &mut sequence);
        if read.problem.is_some() {
            return self.reload();
        }
        self.sequence = sequence;
        self.tail = read.last_fingerprint;
        self.head = Some(head);
        self.events.extend(read.events.iter().cloned());
        Refresh::Appended(read.events)
    }

    /// Whether our last event is still the one stored at its position (two tabs appending in
    /// the same instant can overwrite each other's segment: then we must reload, not continue).
    fn own_tail_still_stored(&self, head: &Head) -> bool {
        let count = self.sequence.count();
        if count == 0 {
            return true;
        }
        if head.count == count {
            return head.tail == self.tail;
        }
        let index = head.segment_of(count - 1);
        let offset = ((count - 1) % u64::from(head.segment_size)) as usize;
        read_segment(&self.kv, head, index)
            .ok()
            .and_then(|values| values.get(offset).map(fingerprint))
            .is_some_and(|print| print == self.tail)
    }

    pub(super) fn reload(&mut self) -> Refresh {
        *self = Self::open(self.kv.clone());
        Refresh::Reloaded
    }
}
