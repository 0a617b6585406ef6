//! The whole page: it opens the databases, owns the UI state (one reducer) and the writer, and
//! lays the features out. Each feature builds its callbacks and its part of the page in its
//! own folder (`section.rs`), from the wire and the page it is given.

use super::below::use_below;
use super::confirm::confirm_dialog;
use super::intents::Intent;
use super::open::open_databases;
use super::reads::use_reads;
use super::shown::use_shown;
use super::use_writer::use_writer;
use super::wire::{use_intent, Page, Wire};
use crate::ui::bug_story::section::{bug_story, use_bug_story_on};
use crate::ui::challenges::section::{challenges, use_challenges_on};
use crate::ui::clerks::section::{clerks, use_clerks_on};
use crate::ui::controls::section::{controls, notice, use_controls_on};
use crate::ui::databases::section::{databases, use_databases_on};
use crate::ui::insights::section::insights;
use crate::ui::lesson::section::{launcher, lesson_bar, use_lesson_on};
use crate::ui::questions::section::{questions, use_questions_on};
use crate::ui::replay_debugger::section::{replay_debugger, use_debugger_on};
use crate::ui::share::section::{share_panel, share_refused, use_share_on};
use crate::ui::shell::section::{header, shortcuts_help, use_shell_on};
use crate::ui::storage::preferences;
use crate::ui::storage::section::{recovery, storage_panel, use_storage_on};
use crate::ui::time_travel::section::{time_travel, use_time_travel_on};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let opened = use_memo((), |_| open_databases());
    let state = {
        let opened = opened.clone();
        use_reducer(move || opened.first_state(preferences::presenter()))
    };
    let writer = use_writer(state.clone(), opened.db.clone());
    let wire = Wire {
        dispatcher: state.dispatcher(),
        writer,
    };
    use_page_effects(&state);

    let shown = use_shown(&state);
    let below = use_below(&state);
    let reads = use_reads(state.log.clone());
    let page = Page {
        state: &state,
        shown: &shown,
        below: &below,
        reads: &reads,
    };
    let on_controls = use_controls_on(&wire);
    let on_databases = use_databases_on(&wire);
    let on_shell = use_shell_on(&wire, &on_controls);
    let on_storage = use_storage_on(&wire);
    let on_share = use_share_on(&wire);
    let on_lesson = use_lesson_on(&wire, state.lesson.wants);
    let on_time_travel = use_time_travel_on(&wire);
    let on_bug_story = use_bug_story_on(&wire);
    let on_debugger = use_debugger_on(&wire);
    let on_questions = use_questions_on(&wire, state.log.clone(), state.question, below.revision);
    let on_clerks = use_clerks_on(&wire);
    let on_challenges = use_challenges_on(
        &wire,
        state.log.clone(),
        below.revision,
        state.challenges.set().clone(),
    );
    let on_answer = use_intent(&wire, Intent::Answer);
    html! {
        <div class="app">
            <a class="skip-link" href="#databases">{ "Skip to the databases" }</a>
            { header(&page, &on_shell) }
            <main id="app">
                { recovery(&page, &on_storage) }
                { controls(&page, &on_controls, launcher(&page, &on_lesson)) }
                { notice(&page) }
                { share_refused(&page, &on_share) }
                { databases(&page, &on_databases) }
                { insights(&page) }
                { time_travel(&page, &on_time_travel) }
                { bug_story(&page, &on_bug_story) }
                { replay_debugger(&page, &on_debugger) }
                { questions(&on_questions) }
                { clerks(&page, &on_clerks) }
                { challenges(&page, &on_challenges) }
                { share_panel(&page) }
                { storage_panel(&page, &on_storage) }
                { confirm_dialog(&page, &on_answer) }
                { shortcuts_help(&page, &on_shell) }
            </main>
            <footer class="app-footer">
                <p>
                    { "Based on the blog post “Event Sourcing – Moving out of traditions”. Everything runs in your browser; nothing is sent anywhere." }
                </p>
            </footer>
            { lesson_bar(&page, &on_lesson) }
        </div>
    }
}

/// What the page does beside rendering: says it is ready (for tests and the benchmark), keeps
/// the presenter preference, and scrolls to a part of the page when the state asks for it.
#[hook]
fn use_page_effects(state: &super::state::AppState) {
    use_effect_with((), |_| preferences::mark_ready());
    use_effect_with(state.presenter, |on| preferences::set_presenter(*on));
    use_effect_with(state.reveal, |reveal| {
        if let Some(reveal) = reveal {
            crate::ui::widgets::dom::reveal(reveal.id);
        }
    });
}
