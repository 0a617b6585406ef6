//! Share links through the page: a link asks before replacing, no keeps everything, and a broken
//! link changes nothing and says why.

use crate::domain::{blog_example, scenario_fragment};
use crate::ui::page::intents::Intent;
use crate::ui::page::state::{Action, Pending};
use crate::ui::page::test_page::Page;

#[test]
fn a_share_link_asks_before_replacing_and_no_keeps_everything() {
    let link = scenario_fragment(&blog_example()).unwrap();
    let own = Page::new().intents([Intent::Place, Intent::Place]);
    let asked = own.act(Action::OpenShareLink(link));
    assert!(matches!(asked.state.pending, Some(Pending::Shared)));
    assert_eq!(
        asked.state.share.question(2),
        "Replace your log of 2 events with the shared scenario of 10 events?"
    );
    let kept = asked.clone().intent(Intent::Answer(false));
    assert_eq!(kept.events(), 2);
    assert!(kept.state.pending.is_none());
    assert_eq!(kept.state.share.incoming_len(), 0);
    let replaced = asked.intent(Intent::Answer(true));
    assert_eq!(replaced.db.0.borrow().events(), blog_example().as_slice());
    assert_eq!(replaced.state.selected, Some(4));
    assert_eq!(replaced.state.share.incoming_len(), 0);
}

#[test]
fn a_broken_share_link_changes_nothing_and_says_why() {
    let own = Page::new().intent(Intent::Place);
    let refused = own.act(Action::OpenShareLink("#scenario=AQ".into()));
    assert!(refused.state.pending.is_none());
    assert_eq!(refused.events(), 1);
    let error = refused.state.share.error.clone().unwrap();
    assert!(error.contains("cut off"), "{error}");
    let dismissed = refused.act(Action::DismissShareError);
    assert_eq!(dismissed.state.share.error, None);
    // Other fragments (an in-page anchor) are not share links at all.
    let anchor = dismissed.act(Action::OpenShareLink("#databases".into()));
    assert!(anchor.state.pending.is_none() && anchor.state.share.error.is_none());
}
