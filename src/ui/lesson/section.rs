//! The guided lesson on the page: its launcher, its bar, loading the log a step is about, and
//! "Show me".

use crate::ui::clerks::state::ClerksAction;
use crate::ui::lesson::bar::{lesson_launcher, LessonBar};
use crate::ui::lesson::loader::use_lesson_loader;
use crate::ui::lesson::state::LessonAction;
use crate::ui::lesson::steps::{Needs, Task};
use crate::ui::page::intents::Intent;
use crate::ui::page::state::Action;
use crate::ui::page::wire::{use_dispatch, use_intent, Page, Wire};
use yew::prelude::*;

pub struct LessonOn {
    pub lesson: Callback<LessonAction>,
    /// "Show me": does a step's task for the learner.
    pub show_me: Callback<Task>,
}

/// Loads the log the open step asks for (`wants`) and builds the callbacks.
#[hook]
pub fn use_lesson_on(wire: &Wire, wants: Option<Needs>) -> LessonOn {
    let load = use_intent(wire, Intent::LessonLoad);
    use_lesson_loader(wants, load);
    LessonOn {
        lesson: use_dispatch(wire, Action::Lesson),
        // "Show me" does what the learner would: the same intents and actions as the buttons.
        show_me: use_callback(wire.clone(), |task, wire| match task {
            Task::PlaceAndPay => wire.writer.emit(Intent::PlaceAndPay),
            Task::SkipCulprit => wire
                .dispatcher
                .dispatch(Action::FindCulprit { and_skip: true }),
            Task::RecordCorrection => wire.writer.emit(Intent::Correct),
            Task::RunClerks => wire
                .dispatcher
                .dispatch(Action::Clerks(ClerksAction::RunAll)),
        }),
    }
}

/// "Start the lesson", while none runs.
pub fn launcher(page: &Page, on: &LessonOn) -> Html {
    lesson_launcher(page.state.lesson, &on.lesson)
}

pub fn lesson_bar(page: &Page, on: &LessonOn) -> Html {
    let state = page.state;
    html! {
        <LessonBar view={state.lesson_view(&state.log.read())} lesson={state.lesson}
            on_lesson={on.lesson.clone()} on_show_me={on.show_me.clone()} />
    }
}
