//! The two clerks through the page's reducer: the story runs on copies of one order.

use crate::app::Example;
use crate::domain::two_clerks::{Append, Step};
use crate::domain::OrderStatus;
use crate::ui::clerks::state::ClerksAction;
use crate::ui::page::intents::Intent;
use crate::ui::page::state::Action;
use crate::ui::page::test_page::Page;

fn clerks(page: Page, action: ClerksAction) -> Page {
    page.act(Action::Clerks(action))
}

#[test]
fn on_the_blogs_paid_order_the_table_loses_anas_shipment_and_the_log_refuses_ben() {
    let page = Page::new()
        .intent(Intent::Load(Example::Blog))
        .act(Action::Select(2));
    let page = clerks(page, ClerksAction::Start);
    let story = page.state.clerks.clone().unwrap();
    assert_eq!(story.clerks.setup().order_id, 2);
    assert!(!story.from_blog);
    assert_eq!(story.clerks.next_step(), Some(Step::LoadBoth));
    let page = (0..3).fold(page, |p, _| clerks(p, ClerksAction::Advance));
    let story = page.state.clerks.clone().unwrap();
    assert_eq!(story.clerks.next_step(), None);
    // Traditional side: the second UPDATE won, Ana's Shipped is lost.
    assert_eq!(
        story.clerks.table_row().unwrap().status,
        OrderStatus::Cancelled
    );
    let ben = story.clerks.ben().unwrap();
    assert_eq!(ben.lost[0].old, "Shipped");
    // Event side: Ben's append was refused, the order is Shipped.
    assert!(matches!(ben.append, Some(Append::Refused(_))));
    assert_eq!(story.clerks.order().status, Some(OrderStatus::Shipped));
    // The learner's databases never changed.
    assert_eq!(page.events(), 10);
    assert_eq!(page.status(2), Some(OrderStatus::Paid));
}

#[test]
fn an_unpaid_selection_uses_the_first_paid_order_and_an_empty_log_the_blogs() {
    let page = Page::new()
        .intent(Intent::Load(Example::Blog))
        .act(Action::Select(4));
    let page = clerks(page, ClerksAction::Start);
    assert_eq!(
        page.state.clerks.as_ref().unwrap().clerks.setup().order_id,
        2
    );
    let empty = clerks(Page::new(), ClerksAction::Advance);
    let story = empty.state.clerks.clone().unwrap();
    assert!(story.from_blog);
    assert_eq!(
        story.clerks.next_step(),
        Some(Step::AnaActs),
        "advanced once"
    );
}
