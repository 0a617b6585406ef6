//! What the timeline shows, worked out from the live log: every order as of the timeline's
//! position (from the snapshot cache, or the live projections when it follows now), and the
//! page of the log around it. Recomputed only when the log, the position or the page change.

use crate::app::{LogReader, SnapshotCache};
use crate::ui::time_travel::state::TimeTravel;
use crate::ui::time_travel::view::TimeView;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_time_view(log: LogReader, revision: u64, travel: &TimeTravel) -> Rc<TimeView> {
    let position = travel.position(log.read().events());
    let page = travel.chosen_page(position);
    let cache = use_mut_ref(SnapshotCache::default);
    use_memo((revision, position, page), move |&(_, position, page)| {
        let db = log.read();
        let mut cache = cache.borrow_mut();
        // Following "now" (the usual case on every click) needs no replay at all.
        let state = if position >= db.events().len() {
            db.projections()
        } else {
            cache.state_at(db.events(), db.generation(), position)
        };
        TimeView::build(db.events(), state, db.table(), position, page)
    })
}
