//! The callbacks the page hands to its components: each either dispatches one UI [`Action`] or
//! sends one [`Intent`] to the writer. Built once (they depend only on the dispatcher and the
//! writer, which never change), so a component re-renders only when its data changes.

use super::intents::Intent;
use super::state::{Action, AppState};
use crate::app::Example;
use crate::domain::questions::Question;
use crate::domain::{EventType, OrderId};
use crate::ui::challenges::state::ChallengesAction;
use crate::ui::clerks::state::ClerksAction;
use crate::ui::controls::drafts::Field;
use crate::ui::lesson::state::LessonAction;
use crate::ui::lesson::steps::Task;
use crate::ui::replay_debugger::state::DebuggerAction;
use crate::ui::time_travel::state::TimeTravelAction;
use yew::prelude::*;

/// A callback that dispatches the action `make` builds from its input.
#[hook]
fn use_dispatch<IN: 'static>(
    dispatcher: UseReducerDispatcher<AppState>,
    make: fn(IN) -> Action,
) -> Callback<IN> {
    use_callback(dispatcher, move |input, dispatcher| {
        dispatcher.dispatch(make(input))
    })
}

/// A callback that sends the intent `make` builds from its input to the writer.
#[hook]
fn use_intent<IN: 'static>(writer: Callback<Intent>, make: fn(IN) -> Intent) -> Callback<IN> {
    use_callback(writer, move |input, writer| writer.emit(make(input)))
}

pub struct Handlers {
    pub edit: Callback<(Field, String)>,
    pub place: Callback<()>,
    pub pay: Callback<()>,
    pub ship: Callback<()>,
    pub deliver: Callback<()>,
    pub cancel: Callback<()>,
    pub select: Callback<OrderId>,
    pub select_next: Callback<()>,
    pub select_previous: Callback<()>,
    pub dismiss: Callback<()>,
    pub filter_order: Callback<Option<OrderId>>,
    pub filter_type: Callback<Option<EventType>>,
    pub clear_filters: Callback<()>,
    pub log_page: Callback<usize>,
    pub table_page: Callback<usize>,
    pub presenter: Callback<()>,
    pub help: Callback<()>,
    pub help_close: Callback<()>,
    pub load: Callback<Example>,
    pub reset: Callback<()>,
    pub answer: Callback<bool>,
    pub import: Callback<String>,
    pub discard_damaged: Callback<()>,
    pub catch_up: Callback<()>,
    pub time_travel: Callback<TimeTravelAction>,
    pub debugger: Callback<DebuggerAction>,
    pub lesson: Callback<LessonAction>,
    pub run_bug_story: Callback<()>,
    pub find_culprit: Callback<()>,
    pub skip_culprit: Callback<()>,
    pub share_link: Callback<String>,
    pub dismiss_share_error: Callback<()>,
    /// Loads the example a lesson step is about (asking first if it replaces the learner's log).
    pub lesson_load: Callback<Example>,
    /// Records the bug story's correction.
    pub correct: Callback<()>,
    /// "Show me": does a lesson step's task for the learner.
    pub show_me: Callback<Task>,
    pub pick_question: Callback<Question>,
    pub clerks: Callback<ClerksAction>,
    pub challenges: Callback<ChallengesAction>,
    /// Loads the example challenge `index` is about; the page then leads back to it.
    pub challenge_load: Callback<(usize, Example)>,
}

#[hook]
pub fn use_handlers(d: UseReducerDispatcher<AppState>, w: Callback<Intent>) -> Handlers {
    Handlers {
        edit: use_dispatch(d.clone(), |(field, text)| Action::Edit(field, text)),
        place: use_intent(w.clone(), |()| Intent::Place),
        pay: use_intent(w.clone(), |()| Intent::Pay),
        ship: use_intent(w.clone(), |()| Intent::Ship),
        deliver: use_intent(w.clone(), |()| Intent::Deliver),
        cancel: use_intent(w.clone(), |()| Intent::Cancel),
        select: use_dispatch(d.clone(), Action::Select),
        select_next: use_dispatch(d.clone(), |()| Action::SelectNext),
        select_previous: use_dispatch(d.clone(), |()| Action::SelectPrevious),
        dismiss: use_dispatch(d.clone(), |()| Action::DismissAlert),
        filter_order: use_dispatch(d.clone(), Action::FilterByOrder),
        filter_type: use_dispatch(d.clone(), Action::FilterByType),
        clear_filters: use_dispatch(d.clone(), |()| Action::ClearFilters),
        log_page: use_dispatch(d.clone(), Action::ShowLogPage),
        table_page: use_dispatch(d.clone(), Action::ShowTablePage),
        presenter: use_dispatch(d.clone(), |()| Action::TogglePresenter),
        help: use_dispatch(d.clone(), |()| Action::SetHelp(true)),
        help_close: use_dispatch(d.clone(), |()| Action::SetHelp(false)),
        load: use_intent(w.clone(), Intent::Load),
        reset: use_intent(w.clone(), |()| Intent::Reset),
        answer: use_intent(w.clone(), Intent::Answer),
        import: use_intent(w.clone(), Intent::Import),
        discard_damaged: use_intent(w.clone(), |()| Intent::DiscardDamaged),
        run_bug_story: use_intent(w.clone(), |()| Intent::Load(Example::BugStory)),
        catch_up: use_intent(w.clone(), |()| Intent::CatchUp),
        time_travel: use_dispatch(d.clone(), Action::TimeTravel),
        debugger: use_dispatch(d.clone(), Action::Debugger),
        lesson: use_dispatch(d.clone(), Action::Lesson),
        find_culprit: use_dispatch(d.clone(), |()| Action::FindCulprit { and_skip: false }),
        skip_culprit: use_dispatch(d.clone(), |()| Action::FindCulprit { and_skip: true }),
        share_link: use_dispatch(d.clone(), Action::OpenShareLink),
        dismiss_share_error: use_dispatch(d.clone(), |()| Action::DismissShareError),
        lesson_load: use_intent(w.clone(), Intent::LessonLoad),
        correct: use_intent(w.clone(), |()| Intent::Correct),
        pick_question: use_dispatch(d.clone(), Action::PickQuestion),
        clerks: use_dispatch(d.clone(), Action::Clerks),
        challenges: use_dispatch(d.clone(), Action::Challenges),
        challenge_load: use_callback((d.clone(), w.clone()), |(index, example), (d, w)| {
            d.dispatch(Action::Challenges(ChallengesAction::AwaitLog(index)));
            w.emit(Intent::Load(example));
        }),
        show_me: use_show_me(d, w),
    }
}

/// "Show me" does what the learner would: the same intents and actions as the page's buttons.
#[hook]
fn use_show_me(d: UseReducerDispatcher<AppState>, w: Callback<Intent>) -> Callback<Task> {
    use_callback((d, w), |task, (d, w)| match task {
        Task::PlaceAndPay => w.emit(Intent::PlaceAndPay),
        Task::SkipCulprit => d.dispatch(Action::FindCulprit { and_skip: true }),
        Task::RecordCorrection => w.emit(Intent::Correct),
        Task::RunClerks => d.dispatch(Action::Clerks(ClerksAction::RunAll)),
    })
}
