//! Challenges through the page: given a log, when the learner answers and presses Check, then
//! the verdict the region shows, computed from the log on the page; and a share link's
//! challenges reaching another visitor.

use super::state::{AnswerField, ChallengesAction, LogMark};
use super::view::ChallengesView;
use crate::app::Example;
use crate::domain::challenges::{Challenge, ChallengeSet, LogNeeded, Verdict};
use crate::domain::{blog_example, bug_story_culprit, scenario_fragment, BUG_SOURCE};
use crate::ui::page::intents::Intent;
use crate::ui::page::state::{Action, Pending};
use crate::ui::page::test_page::Page;
use crate::ui::share::link::with_challenges;

const STATUS_AT: usize = 0;
const PROBLEM_SOURCE: usize = 1;
const VALUES_LOST: usize = 2;

fn edit(index: usize, field: AnswerField, text: &str) -> Action {
    Action::Challenges(ChallengesAction::Edit {
        index,
        field,
        text: text.into(),
    })
}

fn check(index: usize) -> Action {
    Action::Challenges(ChallengesAction::Check(index))
}

fn verdict(page: &Page, index: usize) -> Verdict {
    page.state
        .challenges
        .verdict(index)
        .cloned()
        .expect("checked")
}

/// What the region shows over the page's log now.
fn view(page: &Page) -> ChallengesView {
    ChallengesView::of(page.state.challenges.set(), page.db.0.borrow().events())
}

#[test]
fn the_standard_set_is_shown_with_the_log_each_challenge_is_about() {
    let page = Page::new();
    let shown = view(&page);
    let needs: Vec<LogNeeded> = shown.items.iter().map(|i| i.needs).collect();
    assert_eq!(
        needs,
        [LogNeeded::Blog, LogNeeded::BugStory, LogNeeded::Any]
    );
    // An empty log is neither example: the region offers to load them.
    let loads: Vec<Option<Example>> = shown.items.iter().map(|i| i.load).collect();
    assert_eq!(loads, [Some(Example::Blog), Some(Example::BugStory), None]);
    assert_eq!(
        shown.items[0].prompt,
        "What was order 3's status at 12:00 UTC on 5 March 2024?"
    );
    assert!(!page.state.challenges.from_link);

    // The blog example with the learner's own events after it is still the blog example.
    let page = page.intents([Intent::Load(Example::Blog), Intent::Place]);
    let loads: Vec<Option<Example>> = view(&page).items.iter().map(|i| i.load).collect();
    assert_eq!(loads, [None, Some(Example::BugStory), None]);
}

#[test]
fn the_status_challenge_answered_wrong_then_right_on_the_blog_example() {
    let page = Page::new()
        .intent(Intent::Load(Example::Blog))
        .act(check(STATUS_AT));
    assert_eq!(
        verdict(&page, STATUS_AT),
        Verdict::Unreadable("Pick a status first.".into())
    );

    // Order 3's status now, which the traditional table shows: wrong, and the answer is not
    // given away.
    let page = page
        .act(edit(STATUS_AT, AnswerField::Choice, "Shipped"))
        .act(check(STATUS_AT));
    let wrong = verdict(&page, STATUS_AT);
    assert!(matches!(wrong, Verdict::Wrong(_)), "{wrong:?}");
    assert!(wrong.message().contains("now, not then"), "{wrong:?}");
    assert!(!wrong.message().contains("Paid"), "{wrong:?}");

    // Editing the answer clears the verdict: it was about the other answer.
    let page = page.act(edit(STATUS_AT, AnswerField::Choice, "Paid"));
    assert_eq!(page.state.challenges.verdict(STATUS_AT), None);
    let page = page.act(check(STATUS_AT));
    let right = verdict(&page, STATUS_AT);
    assert!(right.is_right(), "{right:?}");
    assert!(right.message().starts_with("Right: order 3 was Paid"));
    // Checking changes neither database.
    assert_eq!(page.events(), 10);
}

#[test]
fn the_source_and_time_challenge_on_the_bug_story() {
    let page = Page::new().intent(Intent::Load(Example::BugStory));
    let culprit = page.db.0.borrow().events()[bug_story_culprit() as usize - 1].clone();
    let time = culprit.event_timestamp.format("%H:%M:%S").to_string();

    // The right time, but a service that did not set it.
    let page = page
        .act(edit(
            PROBLEM_SOURCE,
            AnswerField::Choice,
            "fraud-check service",
        ))
        .act(edit(PROBLEM_SOURCE, AnswerField::Time, &time))
        .act(check(PROBLEM_SOURCE));
    assert_eq!(
        verdict(&page, PROBLEM_SOURCE),
        Verdict::Wrong("The time is right, but that service did not set it.".into())
    );

    let page = page
        .act(edit(PROBLEM_SOURCE, AnswerField::Choice, BUG_SOURCE))
        .act(check(PROBLEM_SOURCE));
    let right = verdict(&page, PROBLEM_SOURCE);
    assert!(right.is_right(), "{right:?}");
    assert!(right.message().contains(BUG_SOURCE));

    // The service is one of the choices the region offers, computed from the log.
    let shown = view(&page);
    let crate::domain::challenges::AnswerKind::PickSourceTypeTime(sources) =
        &shown.items[PROBLEM_SOURCE].kind
    else {
        panic!("a source to pick");
    };
    assert!(sources.iter().any(|s| s == BUG_SOURCE));
}

#[test]
fn values_lost_counts_what_the_table_overwrote_after_a_few_actions() {
    let page = Page::new().intents([Intent::Place, Intent::Pay, Intent::Ship]);
    let lost = page.db.0.borrow().table().overwritten_count();
    assert!(lost > 0);

    // The number of events is a tempting wrong answer.
    let page = page
        .act(edit(VALUES_LOST, AnswerField::Number, "3"))
        .act(check(VALUES_LOST));
    let wrong = verdict(&page, VALUES_LOST);
    assert!(
        wrong.message().starts_with("That is how many events"),
        "{wrong:?}"
    );

    let page = page
        .act(edit(VALUES_LOST, AnswerField::Number, &lost.to_string()))
        .act(check(VALUES_LOST));
    assert!(verdict(&page, VALUES_LOST).is_right());
    // A number input with text the browser cannot read gives an empty value.
    let page = page
        .act(edit(VALUES_LOST, AnswerField::Number, ""))
        .act(check(VALUES_LOST));
    assert!(matches!(
        verdict(&page, VALUES_LOST),
        Verdict::Unreadable(_)
    ));
}

#[test]
fn a_verdict_is_marked_outdated_when_the_log_changes_and_check_again_reads_the_new_log() {
    let page = Page::new()
        .intents([Intent::Place, Intent::Pay])
        .act(edit(VALUES_LOST, AnswerField::Number, "1"))
        .act(check(VALUES_LOST));
    assert!(verdict(&page, VALUES_LOST).is_right());
    let checked = page.state.challenges.entries()[VALUES_LOST].checked.clone();
    let mark = |page: &Page| LogMark::of(page.db.0.borrow().events());
    assert!(checked.as_ref().unwrap().is_about(&mark(&page)));

    // Shipping overwrites one more value: the verdict stays as it was, marked outdated.
    let page = page.intent(Intent::Ship);
    assert_eq!(
        page.state.challenges.entries()[VALUES_LOST].checked,
        checked
    );
    assert!(!checked.as_ref().unwrap().is_about(&mark(&page)));
    let page = page.act(check(VALUES_LOST));
    assert!(matches!(verdict(&page, VALUES_LOST), Verdict::Wrong(_)));
    let rechecked = page.state.challenges.entries()[VALUES_LOST].checked.clone();
    assert!(rechecked.unwrap().is_about(&mark(&page)));
}

#[test]
fn another_log_is_offered_and_the_page_leads_back_to_the_challenge() {
    // On the learner's own log the status challenge cannot be answered: it says which log can.
    let page = Page::new()
        .intent(Intent::Place)
        .act(edit(STATUS_AT, AnswerField::Choice, "Paid"))
        .act(check(STATUS_AT));
    let needs = verdict(&page, STATUS_AT);
    assert_eq!(
        needs,
        Verdict::NeedsAnotherLog("This log has no order 3. Load the blog example first.".into())
    );

    // The region's load button: asked first (the log is the learner's), then led back.
    let asked = page
        .act(Action::Challenges(ChallengesAction::AwaitLog(STATUS_AT)))
        .intent(Intent::Load(Example::Blog));
    assert_eq!(asked.state.pending, Some(Pending::Load(Example::Blog)));
    let loaded = asked.clone().intent(Intent::Answer(true));
    assert_eq!(loaded.state.reveal.map(|r| r.id), Some("challenge-1"));
    assert_eq!(view(&loaded).items[STATUS_AT].load, None);

    // Said no: the log stays, and a later load from elsewhere leads where it always did.
    let kept = asked
        .intent(Intent::Answer(false))
        .intents([Intent::Load(Example::BugStory), Intent::Answer(true)]);
    assert_eq!(kept.state.reveal.map(|r| r.id), Some("bug-story"));

    // The bug story asked for from its challenge leads to the challenge, not the story.
    let story = Page::new()
        .act(Action::Challenges(ChallengesAction::AwaitLog(
            PROBLEM_SOURCE,
        )))
        .intent(Intent::Load(Example::BugStory));
    assert_eq!(story.state.reveal.map(|r| r.id), Some("challenge-2"));
}

#[test]
fn clearing_the_answers_keeps_the_set() {
    let page = Page::new()
        .act(edit(VALUES_LOST, AnswerField::Number, "0"))
        .act(check(VALUES_LOST));
    assert!(page.state.challenges.has_answers());
    let page = page.act(Action::Challenges(ChallengesAction::Reset));
    assert!(!page.state.challenges.has_answers());
    assert_eq!(**page.state.challenges.set(), ChallengeSet::standard());
}

#[test]
fn a_share_link_with_challenges_shows_them_after_its_scenario_is_accepted() {
    let scenario = scenario_fragment(&blog_example()).unwrap();
    let link = with_challenges(Some(&scenario), "values-lost,status-at");
    let own = Page::new()
        .intent(Intent::Place)
        .act(edit(STATUS_AT, AnswerField::Choice, "Paid"));
    let asked = own.act(Action::OpenShareLink(link));
    assert_eq!(asked.state.pending, Some(Pending::Shared));
    assert_eq!(
        asked.state.share.question(1),
        "Replace your log of 1 event with the shared scenario of 10 events and its 2 challenges?"
    );
    // Nothing changes until the visitor answers.
    assert_eq!(**asked.state.challenges.set(), ChallengeSet::standard());

    // No keeps everything, the learner's challenges and answers too.
    let kept = asked.clone().intent(Intent::Answer(false));
    assert_eq!(**kept.state.challenges.set(), ChallengeSet::standard());
    assert!(kept.state.challenges.has_answers());
    assert_eq!(kept.state.share.clone().take_challenges(), None);

    let opened = asked.intent(Intent::Answer(true));
    assert_eq!(opened.events(), 10);
    let set = opened.state.challenges.set();
    assert_eq!(set.to_string(), "values-lost,status-at");
    assert!(opened.state.challenges.from_link);
    assert!(!opened.state.challenges.has_answers());
    assert_eq!(opened.state.reveal.map(|r| r.id), Some("challenges"));
    // The link's challenges are checked against the link's log like any others.
    let opened = opened
        .act(edit(1, AnswerField::Choice, "Paid"))
        .act(check(1));
    assert!(verdict(&opened, 1).is_right());
}

#[test]
fn a_link_with_only_challenges_shows_them_at_once() {
    let page = Page::new()
        .intent(Intent::Load(Example::Blog))
        .act(Action::OpenShareLink(
            "#challenges=status-at:4@2024-03-06T12:00:00Z".into(),
        ));
    assert_eq!(
        page.state.pending, None,
        "nothing to replace, nothing to ask"
    );
    assert_eq!(page.events(), 10);
    let challenges = page.state.challenges.set().challenges().to_vec();
    assert!(matches!(
        challenges[..],
        [Challenge::StatusAt { order_id: 4, .. }]
    ));
    assert!(page.state.challenges.from_link);
    assert_eq!(page.state.reveal.map(|r| r.id), Some("challenges"));
}

#[test]
fn a_broken_challenge_part_is_refused_without_losing_the_scenario() {
    let scenario = scenario_fragment(&blog_example()).unwrap();
    let hostile = with_challenges(Some(&scenario), "<img src=x onerror=alert(1)>");
    let asked = Page::new()
        .intent(Intent::Place)
        .act(Action::OpenShareLink(hostile));
    assert_eq!(asked.state.pending, Some(Pending::Shared));
    assert_eq!(
        asked.state.share.error.as_deref(),
        Some(
            "The challenges in the share link were not read: \u{201c}<img src=x onerror=alert(1)>\u{201d} \
             is not a challenge (known: status-at, problem-source, values-lost). Your challenges \
             are unchanged."
        )
    );
    assert_eq!(
        asked.state.share.question(1),
        "Replace your log of 1 event with the shared scenario of 10 events?"
    );
    let opened = asked.intent(Intent::Answer(true));
    assert_eq!(opened.events(), 10);
    assert_eq!(**opened.state.challenges.set(), ChallengeSet::standard());
    assert!(!opened.state.challenges.from_link);

    // Challenges alone, broken: refused, the set unchanged.
    let alone = Page::new().act(Action::OpenShareLink(
        "#challenges=status-at,status-at".into(),
    ));
    assert!(alone
        .state
        .share
        .error
        .clone()
        .unwrap()
        .contains("in the set twice"));
    assert_eq!(**alone.state.challenges.set(), ChallengeSet::standard());
    // A broken scenario refuses the whole link, its challenges too.
    let broken = Page::new().act(Action::OpenShareLink(
        "#scenario=AQ&challenges=values-lost".into(),
    ));
    assert!(broken
        .state
        .share
        .error
        .clone()
        .unwrap()
        .contains("cut off"));
    assert!(!broken.state.challenges.from_link);
}
