//! Time travel over the whole log: where the timeline stands, whether it plays and how fast,
//! and a cache that makes "every order as of event n" cheap for any n.
//!
//! Pure Rust (no browser calls), so the reducer and native tests can use it.

use super::format::group_thousands;
use crate::domain::{Projections, RecordedEvent};
use std::rc::Rc;

/// A playback speed: how often the timeline moves and by how many events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speed {
    pub label: &'static str,
    pub interval_ms: u32,
    pub events_per_tick: usize,
}

/// The choices of the "Speed" select. Browsers do not run timers much faster than every few
/// milliseconds, so the fast speeds move several events per tick instead.
pub const SPEEDS: [Speed; 6] = [
    Speed {
        label: "1 event per second",
        interval_ms: 1000,
        events_per_tick: 1,
    },
    Speed {
        label: "2 events per second",
        interval_ms: 500,
        events_per_tick: 1,
    },
    Speed {
        label: "5 events per second",
        interval_ms: 200,
        events_per_tick: 1,
    },
    Speed {
        label: "20 events per second",
        interval_ms: 50,
        events_per_tick: 1,
    },
    Speed {
        label: "100 events per second",
        interval_ms: 50,
        events_per_tick: 5,
    },
    Speed {
        label: "1,000 events per second",
        interval_ms: 50,
        events_per_tick: 50,
    },
];
/// Two events per second: slow enough for a class to follow the blog example.
pub const DEFAULT_SPEED: usize = 1;

/// The timeline's state. `position` counts replayed events: 0 is before the first event, and
/// `None` means "now", following the end of the log as it grows.
///
/// The event at the position is remembered too: if the log is replaced (an example, an import,
/// another tab), the remembered position no longer names the same moment and the timeline
/// returns to now. Appending keeps it, since the events up to the position are unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeTravel {
    position: Option<usize>,
    anchor: Option<Rc<RecordedEvent>>,
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
}

impl Default for TimeTravel {
    fn default() -> Self {
        TimeTravel {
            position: None,
            anchor: None,
            playing: false,
            speed: DEFAULT_SPEED,
        }
    }
}

/// What the learner did to the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeTravelAction {
    /// Show the log as of event `n` (the slider, a click on an event).
    JumpTo(usize),
    /// One event back (`-1`) or forward (`1`).
    Step(isize),
    JumpToStart,
    JumpToEnd,
    TogglePlay,
    /// The playback timer fired.
    Tick,
    SetSpeed(usize),
}

impl TimeTravel {
    /// Events replayed, in `events` (the whole log).
    pub fn position(&self, events: &[RecordedEvent]) -> usize {
        match self.position {
            Some(n)
                if n < events.len()
                    && self.anchor.as_deref() == n.checked_sub(1).map(|i| &events[i]) =>
            {
                n
            }
            _ => events.len(),
        }
    }

    /// Whether the timeline shows the past rather than now.
    pub fn is_traveling(&self, events: &[RecordedEvent]) -> bool {
        self.position(events) < events.len()
    }

    pub fn speed(&self) -> Speed {
        SPEEDS[self.speed.min(SPEEDS.len() - 1)]
    }

    /// Applies `action` to the timeline over `events`. Anything but the timer's tick pauses
    /// playback: the learner has taken the wheel.
    pub fn apply(&mut self, action: TimeTravelAction, events: &[RecordedEvent]) {
        let (at, len) = (self.position(events), events.len());
        match action {
            TimeTravelAction::JumpTo(n) => self.stop_at(n, events),
            TimeTravelAction::Step(by) => self.stop_at(at.saturating_add_signed(by), events),
            TimeTravelAction::JumpToStart => self.stop_at(0, events),
            TimeTravelAction::JumpToEnd => self.stop_at(len, events),
            TimeTravelAction::TogglePlay if self.playing => self.playing = false,
            TimeTravelAction::TogglePlay => {
                // Playing from the end starts again from the beginning, like a video.
                if at >= len {
                    self.go(0, events);
                }
                self.playing = len > 0;
            }
            TimeTravelAction::Tick if self.playing => {
                let next = at + self.speed().events_per_tick;
                self.go(next, events);
                self.playing = next < len;
            }
            TimeTravelAction::Tick => {}
            TimeTravelAction::SetSpeed(index) => self.speed = index.min(SPEEDS.len() - 1),
        }
    }

    fn stop_at(&mut self, n: usize, events: &[RecordedEvent]) {
        self.playing = false;
        self.go(n, events);
    }

    fn go(&mut self, n: usize, events: &[RecordedEvent]) {
        self.position = (n < events.len()).then_some(n);
        self.anchor = self
            .position
            .and_then(|n| n.checked_sub(1))
            .map(|i| Rc::new(events[i].clone()));
    }
}

/// The slider's spoken value: "Event 7 of 13".
pub fn position_text(position: usize, len: usize) -> String {
    format!(
        "Event {} of {}",
        group_thousands(position),
        group_thousands(len)
    )
}

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
    fn the_timeline_follows_now_until_moved() {
        let log = generate_log(13, 1);
        let mut travel = TimeTravel::default();
        assert_eq!(travel.position(&log[..10]), 10);
        assert_eq!(travel.position(&log[..11]), 11, "now follows new events");
        travel.apply(TimeTravelAction::JumpTo(3), &log[..11]);
        assert_eq!(
            travel.position(&log[..12]),
            3,
            "the past stays put while the log grows"
        );
        assert!(travel.is_traveling(&log[..12]));
        travel.apply(TimeTravelAction::JumpToEnd, &log[..12]);
        assert!(!travel.is_traveling(&log));
    }

    #[test]
    fn another_log_sends_the_timeline_back_to_now() {
        let (log, other) = (generate_log(10, 1), generate_log(10, 2));
        let mut travel = TimeTravel::default();
        travel.apply(TimeTravelAction::JumpTo(4), &log);
        assert_eq!(travel.position(&log), 4);
        assert_eq!(travel.position(&other), 10);
        assert_eq!(
            travel.position(&log[..3]),
            3,
            "a shorter log cannot hold event 4"
        );
        travel.apply(TimeTravelAction::JumpToStart, &log);
        assert_eq!(
            travel.position(&other),
            0,
            "before the first event is the same everywhere"
        );
    }

    #[test]
    fn steps_stop_at_both_ends() {
        let log = generate_log(5, 1);
        let mut travel = TimeTravel::default();
        travel.apply(TimeTravelAction::JumpToStart, &log);
        travel.apply(TimeTravelAction::Step(-1), &log);
        assert_eq!(travel.position(&log), 0);
        for _ in 0..7 {
            travel.apply(TimeTravelAction::Step(1), &log);
        }
        assert_eq!(travel.position(&log), 5);
        travel.apply(TimeTravelAction::JumpTo(99), &log);
        assert_eq!(travel.position(&log), 5);
    }

    #[test]
    fn play_runs_to_the_end_and_stops_and_any_move_pauses() {
        let log = generate_log(3, 1);
        let mut travel = TimeTravel::default();
        travel.apply(TimeTravelAction::TogglePlay, &log);
        assert!(travel.playing);
        assert_eq!(travel.position(&log), 0, "play from the end starts over");
        for _ in 0..3 {
            travel.apply(TimeTravelAction::Tick, &log);
        }
        assert_eq!(travel.position(&log), 3);
        assert!(!travel.playing);
        travel.apply(TimeTravelAction::TogglePlay, &log);
        travel.apply(TimeTravelAction::Step(1), &log);
        assert!(!travel.playing);
        travel.apply(TimeTravelAction::Tick, &log);
        assert_eq!(travel.position(&log), 1, "a tick while paused does nothing");
    }

    #[test]
    fn fast_speeds_move_several_events_per_tick_without_overshooting() {
        let log = generate_log(120, 1);
        let mut travel = TimeTravel::default();
        travel.apply(TimeTravelAction::SetSpeed(99), &log);
        assert_eq!(travel.speed(), SPEEDS[SPEEDS.len() - 1]);
        travel.apply(TimeTravelAction::JumpToStart, &log);
        travel.apply(TimeTravelAction::TogglePlay, &log);
        travel.apply(TimeTravelAction::Tick, &log);
        assert_eq!(travel.position(&log), 50);
        travel.apply(TimeTravelAction::Tick, &log);
        travel.apply(TimeTravelAction::Tick, &log);
        assert_eq!(travel.position(&log), 120);
        assert!(!travel.playing);
    }

    #[test]
    fn an_empty_log_does_not_play() {
        let mut travel = TimeTravel::default();
        travel.apply(TimeTravelAction::TogglePlay, &[]);
        assert!(!travel.playing);
    }

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

#[cfg(test)]
#[path = "time_travel_tests.rs"]
mod reducer_tests;
