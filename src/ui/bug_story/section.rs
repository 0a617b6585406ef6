//! The bug story on the page, with the callbacks it may call.

use crate::app::Example;
use crate::ui::bug_story::panel::BugStory;
use crate::ui::page::intents::Intent;
use crate::ui::page::state::Action;
use crate::ui::page::wire::{use_dispatch, use_intent, Page, Wire};
use yew::prelude::*;

pub struct BugStoryOn {
    pub run: Callback<()>,
    pub find_culprit: Callback<()>,
    pub skip_culprit: Callback<()>,
    /// Records the corrective event.
    pub correct: Callback<()>,
}

#[hook]
pub fn use_bug_story_on(wire: &Wire) -> BugStoryOn {
    BugStoryOn {
        run: use_intent(wire, |()| Intent::Load(Example::BugStory)),
        find_culprit: use_dispatch(wire, |()| Action::FindCulprit { and_skip: false }),
        skip_culprit: use_dispatch(wire, |()| Action::FindCulprit { and_skip: true }),
        correct: use_intent(wire, |()| Intent::Correct),
    }
}

pub fn bug_story(page: &Page, on: &BugStoryOn) -> Html {
    let story = page.below.story.clone();
    let culprit_skipped = story
        .as_ref()
        .as_ref()
        .is_some_and(|s| page.state.debugger.is_skipped(&s.culprit));
    html! {
        <BugStory view={story} {culprit_skipped} on_run={on.run.clone()}
            on_find={on.find_culprit.clone()} on_skip={on.skip_culprit.clone()} on_correct={on.correct.clone()} />
    }
}
