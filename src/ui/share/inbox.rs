//! A share link the visitor opened: the scenario (and challenges) waiting for their answer, or
//! why the link was refused. Pure Rust (decoding and validating is the domain's job), so native
//! tests can use it.

use super::link::link_parts;
use crate::domain::challenges::ChallengeSet;
use crate::domain::{decode_scenario, RecordedEvent};
use std::rc::Rc;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareInbox {
    /// A valid scenario, waiting for "replace your log?" to be answered.
    incoming: Option<Rc<Vec<RecordedEvent>>>,
    /// The link's challenge set: waiting with the scenario, or (with no scenario) to be shown.
    challenges: Option<ChallengeSet>,
    /// Why the last link was refused, until dismissed.
    pub error: Option<String>,
}

impl ShareInbox {
    /// Reads a URL fragment. Returns true when it held a valid scenario, which then waits for
    /// the visitor's answer. A fragment that is not a share link is ignored; a broken or
    /// hostile one is refused with a sentence, and nothing else changes. Its challenges wait
    /// too (see [`Self::take_challenges`]); broken ones are refused with their own sentence,
    /// and the scenario is still offered.
    pub fn receive(&mut self, fragment: &str) -> bool {
        let Some(parts) = link_parts(fragment) else {
            return false;
        };
        self.incoming = None;
        self.challenges = None;
        self.error = None;
        if let Some(payload) = parts.scenario {
            match decode_scenario(payload) {
                Ok(events) => self.incoming = Some(Rc::new(events)),
                Err(why) => {
                    self.error = Some(format!(
                        "The share link was not opened: {why} Your own log is unchanged."
                    ));
                    return false;
                }
            }
        }
        if let Some(text) = parts.challenges {
            match ChallengeSet::parse(&text) {
                Ok(set) => self.challenges = Some(set),
                Err(why) => {
                    self.error = Some(format!(
                        "The challenges in the share link were not read: {why} Your challenges are unchanged."
                    ))
                }
            }
        }
        self.incoming.is_some()
    }

    /// Takes the link's challenge set, if it carried a valid one.
    pub fn take_challenges(&mut self) -> Option<ChallengeSet> {
        self.challenges.take()
    }

    /// Events in the waiting scenario.
    pub fn incoming_len(&self) -> usize {
        self.incoming.as_ref().map_or(0, |events| events.len())
    }

    /// The waiting scenario, if any.
    pub fn incoming(&self) -> Option<Rc<Vec<RecordedEvent>>> {
        self.incoming.clone()
    }

    /// Takes the waiting scenario (the visitor said yes) or drops it (no).
    pub fn take(&mut self) -> Option<Rc<Vec<RecordedEvent>>> {
        self.incoming.take()
    }

    /// The confirm dialog's question, for a visitor whose log holds `own` events.
    pub fn question(&self, own: usize) -> String {
        let mut shared = events(self.incoming_len());
        if let Some(set) = &self.challenges {
            let n = set.challenges().len();
            shared.push_str(" and its ");
            shared.push_str(&crate::ui::widgets::format::count(
                n,
                "challenge",
                "challenges",
            ));
        }
        if own == 0 {
            format!("Load the shared scenario of {shared}?")
        } else {
            format!(
                "Replace your log of {} with the shared scenario of {shared}?",
                events(own)
            )
        }
    }

    /// The confirm dialog's detail and confirm label.
    pub fn detail(own: usize) -> (&'static str, &'static str) {
        if own == 0 {
            (
                "Someone shared this scenario as a link. It will become your log.",
                "Load the scenario",
            )
        } else {
            (
                "Your events will be deleted and the shared scenario loaded in their place. Keep everything to leave your log as it is.",
                "Replace my log",
            )
        }
    }
}

fn events(n: usize) -> String {
    crate::ui::widgets::format::count(n, "event", "events")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{blog_example, scenario_fragment};

    #[test]
    fn a_valid_link_waits_for_an_answer() {
        let mut inbox = ShareInbox::default();
        let fragment = scenario_fragment(&blog_example()).unwrap();
        assert!(inbox.receive(&fragment));
        assert_eq!(inbox.incoming_len(), 10);
        assert_eq!(
            inbox.question(3),
            "Replace your log of 3 events with the shared scenario of 10 events?"
        );
        assert_eq!(inbox.question(0), "Load the shared scenario of 10 events?");
        assert_eq!(inbox.take().unwrap().as_slice(), blog_example().as_slice());
        assert_eq!(inbox.take(), None);
    }

    #[test]
    fn a_broken_link_is_refused_and_other_fragments_ignored() {
        let mut inbox = ShareInbox::default();
        assert!(!inbox.receive("#databases"));
        assert_eq!(inbox, ShareInbox::default());
        assert!(!inbox.receive("#scenario=not*base64"));
        let error = inbox.error.clone().unwrap();
        assert!(error.contains("character 4"), "{error}");
        assert!(error.ends_with("Your own log is unchanged."));
        assert_eq!(inbox.incoming_len(), 0);
    }
}
