//! What the Challenges region shows from the live log, recomputed only when the log (as the
//! panels below the databases see it) or the set changes: typing an answer recomputes nothing.

use super::view::ChallengesView;
use crate::app::LogReader;
use crate::domain::challenges::ChallengeSet;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_challenges_view(
    log: LogReader,
    revision: u64,
    set: Rc<ChallengeSet>,
) -> Rc<ChallengesView> {
    use_memo((revision, set), move |(_, set)| {
        ChallengesView::of(set, log.read().events())
    })
}
