//! Every callback the page hands to its components, each dispatching one [`Action`]. Built once
//! (they only depend on the dispatcher), so a component re-renders only when its data changes.

use crate::app::Example;
use crate::domain::OrderId;
use crate::ui::page::state::{Action, AppState, Field};
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

pub struct Handlers {
    pub edit: Callback<(Field, String)>,
    pub place: Callback<()>,
    pub pay: Callback<()>,
    pub ship: Callback<()>,
    pub deliver: Callback<()>,
    pub cancel: Callback<()>,
    pub select: Callback<OrderId>,
    pub dismiss: Callback<()>,
    pub filter_order: Callback<Option<OrderId>>,
    pub filter_type: Callback<Option<&'static str>>,
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
}

#[hook]
pub fn use_handlers(d: UseReducerDispatcher<AppState>) -> Handlers {
    Handlers {
        edit: use_dispatch(d.clone(), |(field, text)| Action::Edit(field, text)),
        place: use_dispatch(d.clone(), |()| Action::Place),
        pay: use_dispatch(d.clone(), |()| Action::Pay),
        ship: use_dispatch(d.clone(), |()| Action::Ship),
        deliver: use_dispatch(d.clone(), |()| Action::Deliver),
        cancel: use_dispatch(d.clone(), |()| Action::Cancel),
        select: use_dispatch(d.clone(), Action::Select),
        dismiss: use_dispatch(d.clone(), |()| Action::DismissAlert),
        filter_order: use_dispatch(d.clone(), Action::FilterByOrder),
        filter_type: use_dispatch(d.clone(), Action::FilterByType),
        clear_filters: use_dispatch(d.clone(), |()| Action::ClearFilters),
        log_page: use_dispatch(d.clone(), Action::ShowLogPage),
        table_page: use_dispatch(d.clone(), Action::ShowTablePage),
        presenter: use_dispatch(d.clone(), |()| Action::TogglePresenter),
        help: use_dispatch(d.clone(), |()| Action::SetHelp(true)),
        help_close: use_dispatch(d.clone(), |()| Action::SetHelp(false)),
        load: use_dispatch(d.clone(), Action::Load),
        reset: use_dispatch(d.clone(), |()| Action::Reset),
        answer: use_dispatch(d.clone(), Action::Answer),
        import: use_dispatch(d.clone(), Action::Import),
        discard_damaged: use_dispatch(d.clone(), |()| Action::DiscardDamaged),
        catch_up: use_dispatch(d, |()| Action::CatchUp),
    }
}
