//! The Challenges region on the page, with the callbacks it may call.

use crate::app::{Example, LogReader};
use crate::domain::challenges::ChallengeSet;
use crate::ui::challenges::panel::Challenges;
use crate::ui::challenges::state::ChallengesAction;
use crate::ui::challenges::use_view::use_challenges_view;
use crate::ui::challenges::view::ChallengesView;
use crate::ui::page::intents::Intent;
use crate::ui::page::state::Action;
use crate::ui::page::wire::{use_dispatch, Page, Wire};
use std::rc::Rc;
use yew::prelude::*;

pub struct ChallengesOn {
    pub act: Callback<ChallengesAction>,
    /// Loads the example challenge `index` is about; the page then leads back to it.
    pub load: Callback<(usize, Example)>,
    /// What depends on the log: prompts, choices, hints.
    pub view: Rc<ChallengesView>,
}

/// The region's view of `log` as of `revision` for the `set`, and its callbacks.
#[hook]
pub fn use_challenges_on(
    wire: &Wire,
    log: LogReader,
    revision: u64,
    set: Rc<ChallengeSet>,
) -> ChallengesOn {
    ChallengesOn {
        act: use_dispatch(wire, Action::Challenges),
        load: use_callback(wire.clone(), |(index, example), wire| {
            wire.dispatcher
                .dispatch(Action::Challenges(ChallengesAction::AwaitLog(index)));
            wire.writer.emit(Intent::Load(example));
        }),
        view: use_challenges_view(log, revision, set),
    }
}

pub fn challenges(page: &Page, on: &ChallengesOn) -> Html {
    html! {
        <Challenges view={on.view.clone()} state={page.state.challenges.clone()} on_action={on.act.clone()}
            on_load={on.load.clone()} />
    }
}
