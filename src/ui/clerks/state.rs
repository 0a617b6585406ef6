//! The two clerks' story as the page keeps it: which order it is about, and how far it got.
//! The story works on copies (the domain's `TwoClerks`): the learner's databases never change.

use crate::app::Databases;
use crate::domain::two_clerks::{ClerksSetup, TwoClerks};
use crate::domain::{OrderId, OrderStatus};
use chrono::Duration;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClerksAction {
    /// Start (or start again) on the selected order, or the first paid one.
    Start,
    /// Run the next step: both load, Ana acts, Ben acts.
    Advance,
    /// Run every step left ("Show me").
    RunAll,
}

/// The story, and whose order it copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClerksStory {
    pub clerks: TwoClerks,
    /// `true` when the log had no paid order and the blog example's order 2 was copied.
    pub from_blog: bool,
}

/// The order the story is about: the selected one if it is Paid (Ana can ship it, Ben can
/// cancel it), else the first Paid order of the log.
fn paid_order(db: &Databases, selected: Option<OrderId>) -> Option<OrderId> {
    let paid = |id: &OrderId| db.order(*id).and_then(|o| o.status) == Some(OrderStatus::Paid);
    selected
        .filter(paid)
        .or_else(|| db.order_ids().iter().copied().find(paid))
}

/// A new story over `db`: its paid order, one and three minutes after the log's last event
/// (times come from the log: the page reads no clock here).
pub fn start(db: &Databases, selected: Option<OrderId>) -> Rc<ClerksStory> {
    let story = match (paid_order(db, selected), db.events().last()) {
        (Some(order_id), Some(last)) => {
            let at = |minutes| last.event_timestamp + Duration::minutes(minutes);
            let setup = ClerksSetup::ship_and_cancel(order_id, at(1), at(3));
            ClerksStory {
                clerks: TwoClerks::new(db.events(), db.table(), setup),
                from_blog: false,
            }
        }
        _ => ClerksStory {
            clerks: TwoClerks::blog_default(),
            from_blog: true,
        },
    };
    Rc::new(story)
}

/// The story one step further (the same story when it is over).
pub fn advance(story: &Rc<ClerksStory>) -> Rc<ClerksStory> {
    let mut next = (**story).clone();
    next.clerks.advance();
    Rc::new(next)
}

/// The story run to its end.
pub fn run_all(story: &Rc<ClerksStory>) -> Rc<ClerksStory> {
    let mut next = (**story).clone();
    while next.clerks.advance().is_some() {}
    Rc::new(next)
}
