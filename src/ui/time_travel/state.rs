//! Time travel over the whole log: where the timeline stands, whether it plays and how fast.
//! (What every order looked like at that point comes from `snapshot_cache.rs`.)
//!
//! Pure Rust (no browser calls), so the reducer and native tests can use it.

use crate::domain::RecordedEvent;
use crate::ui::widgets::format::group_thousands;
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
    /// A page of the as-of table the learner chose, with the position it was chosen at: moving
    /// the timeline goes back to the page of the current event.
    chosen_page: Option<(usize, usize)>,
}

impl Default for TimeTravel {
    fn default() -> Self {
        TimeTravel {
            position: None,
            anchor: None,
            playing: false,
            speed: DEFAULT_SPEED,
            chosen_page: None,
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
    /// Show page `p` of the orders as of the current position.
    ShowPage(usize),
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
    #[cfg(test)]
    pub fn is_traveling(&self, events: &[RecordedEvent]) -> bool {
        self.position(events) < events.len()
    }

    /// The page of the as-of table the learner chose at `position`, if any.
    pub fn chosen_page(&self, position: usize) -> Option<usize> {
        self.chosen_page
            .filter(|(at, _)| *at == position)
            .map(|(_, page)| page)
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
            TimeTravelAction::ShowPage(page) => self.chosen_page = Some((at, page)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::generate_log;

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
}
