//! A cache that makes "every order as of event n" cheap for any n, so the timeline's slider
//! never replays the log from the start.
//!
//! Pure Rust (no browser calls), so native tests can use it.

use crate::domain::{Projections, RecordedEvent};

/// One snapshot per this many events. Memory grows with the number of snapshots (each holds
/// every order), the worst-case step back with the distance between them.
pub const SNAPSHOT_EVERY: usize = 512;

/// Projections as of any event, without replaying from the start on every slider move.
///
/// Snapshots of the projections are taken every [`SNAPSHOT_EVERY`] events, lazily, as far as
/// the slider has gone. Moving forward a little steps on from the last state handed out;
/// anything else starts from the nearest snapshot at or before the target. So one move costs
/// at most `SNAPSHOT_EVERY` event applications plus one copy, whatever the log's length.
#[derive(Debug, Default)]
pub struct SnapshotCache {
    /// The log generation the snapshots belong to (the store's epoch). Within one generation
    /// the log only grows, so appends keep every snapshot; another generation drops them all.
    generation: Option<String>,
    /// `snapshots[k]` holds the projections of the first `k * SNAPSHOT_EVERY` events.
    snapshots: Vec<Projections>,
    /// The last state handed out and how many events it holds.
    current: Option<(usize, Projections)>,
}

impl SnapshotCache {
    /// Every order as of the first `n` events of `events` (all of them when `n` is larger).
    /// `generation` names the log: the same name promises the log only grew since the last call.
    pub fn state_at(
        &mut self,
        events: &[RecordedEvent],
        generation: &str,
        n: usize,
    ) -> &Projections {
        let covered = self.snapshots.len().saturating_sub(1) * SNAPSHOT_EVERY;
        let current_past_end = self
            .current
            .as_ref()
            .is_some_and(|(at, _)| *at > events.len());
        if self.generation.as_deref() != Some(generation)
            || events.len() < covered
            || current_past_end
        {
            *self = SnapshotCache {
                generation: Some(generation.to_string()),
                ..SnapshotCache::default()
            };
        }
        let n = n.min(events.len());
        let (mut at, mut state) = match self.current.take() {
            Some((at, state)) if at <= n && n - at < SNAPSHOT_EVERY => (at, state),
            _ => {
                let k = n / SNAPSHOT_EVERY;
                (k * SNAPSHOT_EVERY, self.snapshot(events, k).clone())
            }
        };
        for event in &events[at..n] {
            state.apply(event);
        }
        at = n;
        &self.current.insert((at, state)).1
    }

    /// How many snapshots exist (for tests: they are taken lazily).
    #[cfg(test)]
    pub fn snapshot_count(&self) -> usize {
        self.snapshots.len()
    }

    /// Snapshot `k`, taking the missing ones up to it.
    fn snapshot(&mut self, events: &[RecordedEvent], k: usize) -> &Projections {
        if self.snapshots.is_empty() {
            self.snapshots.push(Projections::default());
        }
        while self.snapshots.len() <= k {
            let last = self.snapshots.len() - 1;
            let mut next = self.snapshots[last].clone();
            for event in &events[last * SNAPSHOT_EVERY..(last + 1) * SNAPSHOT_EVERY] {
                next.apply(event);
            }
            self.snapshots.push(next);
        }
        &self.snapshots[k]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{generate_log, state_at};

    #[test]
    fn the_cache_agrees_with_a_full_replay_wherever_the_slider_goes() {
        let log = generate_log(3 * SNAPSHOT_EVERY + 17, 3);
        let mut cache = SnapshotCache::default();
        let moves = [
            0,
            1,
            2,
            700,
            699,
            1,
            1400,
            1600,
            1200,
            log.len(),
            5000,
            513,
            512,
            511,
        ];
        for n in moves {
            assert_eq!(
                cache.state_at(&log, "1", n),
                &state_at(&log, n),
                "as of {n}"
            );
        }
    }

    #[test]
    fn snapshots_are_taken_lazily_and_dropped_for_another_log() {
        let log = generate_log(4 * SNAPSHOT_EVERY, 5);
        let mut cache = SnapshotCache::default();
        cache.state_at(&log, "1", 10);
        assert_eq!(cache.snapshot_count(), 1, "only the empty start");
        cache.state_at(&log, "1", 2 * SNAPSHOT_EVERY + 3);
        assert_eq!(cache.snapshot_count(), 3);
        let other = generate_log(SNAPSHOT_EVERY + 1, 6);
        assert_eq!(cache.state_at(&other, "2", 3), &state_at(&other, 3));
        assert_eq!(cache.snapshot_count(), 1);
    }

    #[test]
    fn a_log_that_only_grew_keeps_its_snapshots_and_stays_right() {
        let log = generate_log(3 * SNAPSHOT_EVERY, 7);
        let mut cache = SnapshotCache::default();
        let first = 2 * SNAPSHOT_EVERY + 10;
        cache.state_at(&log[..first], "g", first);
        assert_eq!(cache.snapshot_count(), 3);
        let all = log.len();
        for (len, n) in [
            (first + 1, first + 1),
            (first + 2, first + 2),
            (all, all),
            (all, 600),
        ] {
            assert_eq!(
                cache.state_at(&log[..len], "g", n),
                &state_at(&log, n),
                "as of {n}"
            );
        }
        assert!(
            cache.snapshot_count() >= 3,
            "appends do not throw snapshots away"
        );
        // A shorter log under the same name cannot be the same log: start again.
        assert_eq!(cache.state_at(&log[..5], "g", 5), &state_at(&log, 5));
        assert_eq!(cache.snapshot_count(), 1);
    }
}
