//! The whole page: it opens the databases, owns the UI state (one reducer) and the writer, and
//! lays out the components, handing each the values it shows and the callbacks it may call.

use super::below::{use_below, Below};
use super::confirm;
use super::handlers::{use_handlers, Handlers};
use super::open::open_databases;
use super::reads::{use_reads, Reads};
use super::shown::{use_shown, Shown};
use super::state::AppState;
use super::use_writer::use_writer;
use crate::app::LogReader;
use crate::ui::bug_story::panel::BugStory;
use crate::ui::challenges::panel::Challenges;
use crate::ui::challenges::use_view::use_challenges_view;
use crate::ui::challenges::view::ChallengesView;
use crate::ui::clerks::panel::ClerksPanel;
use crate::ui::controls::action_bar::ActionBar;
use crate::ui::controls::action_bar::Allowed;
use crate::ui::controls::examples_bar::ExamplesBar;
use crate::ui::controls::order_form::OrderForm;
use crate::ui::controls::reset_button::ResetButton;
use crate::ui::databases::event_log::EventLog;
use crate::ui::databases::traditional_table::TraditionalTableView;
use crate::ui::insights::derived_state::DerivedState;
use crate::ui::insights::order_history::OrderHistory;
use crate::ui::insights::sql_panel::SqlPanel;
use crate::ui::lesson::bar::{lesson_launcher, LessonBar};
use crate::ui::lesson::loader::use_lesson_loader;
use crate::ui::questions::panel::QuestionsPanel;
use crate::ui::questions::use_answer::use_answer;
use crate::ui::replay_debugger::panel::ReplayDebugger;
use crate::ui::share::panel::{share_alert, use_share_link, SharePanel};
use crate::ui::shell::header::Header;
use crate::ui::shell::shortcuts::{use_shortcuts, Shortcut};
use crate::ui::shell::shortcuts_help::ShortcutsHelp;
use crate::ui::shell::update_banner::UpdateBanner;
use crate::ui::storage::panel::StoragePanel;
use crate::ui::storage::preferences;
use crate::ui::storage::recovery_banner::RecoveryBanner;
use crate::ui::storage::sync::use_storage_sync;
use crate::ui::time_travel::panel::TimeTravelPanel;
use crate::ui::widgets::confirm_dialog::ConfirmDialog;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let opened = use_memo((), |_| open_databases());
    let state = {
        let opened = opened.clone();
        use_reducer(move || opened.first_state(preferences::presenter()))
    };
    let writer = use_writer(state.clone(), opened.db.clone());
    let on = use_handlers(state.dispatcher(), writer);
    let on_shortcut = use_shortcut_handler(&on);
    use_shortcuts(on_shortcut);
    use_storage_sync(on.catch_up.clone());
    use_share_link(on.share_link.clone());
    use_lesson_loader(state.lesson.wants, on.lesson_load.clone());
    use_effect_with((), |_| preferences::mark_ready());
    use_effect_with(state.presenter, |on| preferences::set_presenter(*on));
    use_effect_with(state.reveal, |reveal| {
        if let Some(reveal) = reveal {
            crate::ui::bug_story::panel::reveal(reveal.id);
        }
    });

    let log = state.log.clone();
    let shown = use_shown(&state);
    let below = use_below(&state);
    let reads = use_reads(log.clone());
    let answer = use_answer(log.clone(), state.question, below.revision);
    let challenge_view =
        use_challenges_view(log.clone(), below.revision, state.challenges.set().clone());
    html! {
        <div class="app">
            <a class="skip-link" href="#databases">{ "Skip to the databases" }</a>
            <Header presenter={state.presenter} on_toggle_presenter={on.presenter.clone()} on_help={on.help.clone()} />
            <UpdateBanner />
            <main id="app">
                { recovery(&log, &reads, &on) }
                { controls(&state, &shown, &on) }
                { notice(&state) }
                { share_alert(state.share.error.as_deref(), &on.dismiss_share_error) }
                { databases(&state, &shown, &on) }
                { insights_and_replay(&state, &below, &reads, &on) }
                <QuestionsPanel view={answer} on_pick={on.pick_question.clone()} />
                <ClerksPanel story={state.clerks.clone()} on_action={on.clerks.clone()} />
                { challenges(&state, challenge_view, &on) }
                { storage(&state, &below, &reads, &on) }
                { confirm_dialog(&state, &on) }
                <ShortcutsHelp open={state.help_open} on_close={on.help_close.clone()} />
            </main>
            <footer class="app-footer">
                <p>
                    { "Based on the blog post “Event Sourcing – Moving out of traditions”. Everything runs in your browser; nothing is sent anywhere." }
                </p>
            </footer>
            <LessonBar view={state.lesson_view(&log.read())} entered={state.lesson.entered} owns_log={state.lesson.owns_log}
                on_lesson={on.lesson.clone()} on_show_me={on.show_me.clone()} />
        </div>
    }
}

/// Each shortcut does what its button does.
#[hook]
fn use_shortcut_handler(on: &Handlers) -> Callback<Shortcut> {
    let callbacks = (
        on.place.clone(),
        on.pay.clone(),
        on.ship.clone(),
        on.deliver.clone(),
        on.cancel.clone(),
        on.select_next.clone(),
        on.select_previous.clone(),
        on.presenter.clone(),
        on.help.clone(),
    );
    use_callback(callbacks, |shortcut, on| {
        let (place, pay, ship, deliver, cancel, next, previous, presenter, help) = on;
        match shortcut {
            Shortcut::Place => place,
            Shortcut::Pay => pay,
            Shortcut::Ship => ship,
            Shortcut::Deliver => deliver,
            Shortcut::Cancel => cancel,
            Shortcut::NextOrder => next,
            Shortcut::PreviousOrder => previous,
            Shortcut::Presenter => presenter,
            Shortcut::Help => help,
        }
        .emit(())
    })
}

fn recovery(log: &LogReader, reads: &Reads, on: &Handlers) -> Html {
    let db = log.read();
    html! {
        <RecoveryBanner summary={db.recovery_summary().map(AttrValue::from)}
            backup_available={db.backup().is_some()} on_download={reads.download_backup.clone()}
            on_discard={on.discard_damaged.clone()} />
    }
}

fn controls(state: &AppState, shown: &Shown, on: &Handlers) -> Html {
    let db = state.log.read();
    let drafts = &state.drafts;
    let selected = state.selected;
    let order = selected.and_then(|id| db.order(id));
    let options = shown.options.clone();
    let busy = state.writes_waiting > 0;
    html! {
        <section class="controls" aria-labelledby="controls-heading" aria-busy={busy.then_some("true")}>
            <h2 id="controls-heading" class="visually-hidden">{ "Actions" }</h2>
            <OrderForm customer={drafts.customer.clone()} total={drafts.total.clone()}
                next_order_id={db.next_order_id()} {busy} on_edit={on.edit.clone()} on_place={on.place.clone()} />
            <ActionBar {options} {selected}
                status={order.map(|o| AttrValue::from(o.status_label()))}
                allowed={Allowed::for_order(order)} {busy} carrier={drafts.carrier.clone()} tracking={drafts.tracking.clone()}
                reason={drafts.reason.clone()} alert={state.alert.clone()} compact={state.presenter}
                on_select={on.select.clone()} on_edit={on.edit.clone()} on_pay={on.pay.clone()} on_ship={on.ship.clone()}
                on_deliver={on.deliver.clone()} on_cancel={on.cancel.clone()} on_dismiss={on.dismiss.clone()} />
            <ExamplesBar on_load={on.load.clone()}>
                <ResetButton on_reset={on.reset.clone()} />
                { lesson_launcher(state.lesson, &on.lesson) }
            </ExamplesBar>
        </section>
    }
}

fn notice(state: &AppState) -> Html {
    let is_empty = state.log.read().events().is_empty();
    html! {
        <p class="notice" role="status">
            if is_empty {
                { "Both databases are empty. Press " }<strong>{ "Place order" }</strong>
                { " to create order 1, or " }<strong>{ "Load blog example" }</strong>{ "." }
            } else if let Some(notice) = &state.notice {
                { notice.clone() }
            }
        </p>
    }
}

fn databases(state: &AppState, shown: &Shown, on: &Handlers) -> Html {
    let db = state.log.read();
    let (table_page, log_page) = (shown.table_page.clone(), shown.log_page.clone());
    let new_ids = shown.new_ids.clone();
    html! {
        <div id="databases" class="databases" tabindex="-1">
            <TraditionalTableView page={table_page} selected={state.selected} change={state.last_change.clone()}
                overwritten_count={db.table().overwritten_count()} on_select={on.select.clone()} on_page={on.table_page.clone()} />
            <EventLog page={log_page} order_ids={db.order_ids()} filter={state.filter}
                {new_ids} on_filter_order={on.filter_order.clone()} on_filter_type={on.filter_type.clone()}
                on_clear_filters={on.clear_filters.clone()} on_page={on.log_page.clone()} on_select={on.select.clone()} />
        </div>
    }
}

fn insights_and_replay(state: &AppState, below: &Below, reads: &Reads, on: &Handlers) -> Html {
    let make_script = reads.make_script.clone();
    let culprit = below.story.as_ref().as_ref().map(|s| s.culprit.event_id);
    let culprit_skipped = below
        .story
        .as_ref()
        .as_ref()
        .is_some_and(|s| state.debugger.is_skipped(&s.culprit));
    html! {
        <>
            <div class="insights">
                <DerivedState order={below.order.clone()} row={below.row.clone()} event_count={below.event_count} />
                <SqlPanel change={below.last_change.clone()} {make_script} />
            </div>
            <OrderHistory order_id={state.selected} steps={below.steps.clone()} />
            <TimeTravelPanel view={below.time_view.clone()} travel={state.time_travel.clone()} on_action={on.time_travel.clone()} />
            <BugStory view={below.story.clone()} {culprit_skipped}
                on_run={on.run_bug_story.clone()}
                on_find={on.find_culprit.clone()} on_skip={on.skip_culprit.clone()} on_correct={on.correct.clone()} />
            <ReplayDebugger order_id={state.selected} steps={below.steps.clone()} debugger={state.debugger.clone()}
                log_len={below.log_len} {culprit} on_action={on.debugger.clone()} />
        </>
    }
}

fn challenges(state: &AppState, view: std::rc::Rc<ChallengesView>, on: &Handlers) -> Html {
    html! {
        <Challenges {view} state={state.challenges.clone()} on_action={on.challenges.clone()}
            on_load={on.challenge_load.clone()} />
    }
}

fn storage(state: &AppState, below: &Below, reads: &Reads, on: &Handlers) -> Html {
    html! {
        <>
            <SharePanel log_len={below.log_len} revision={below.revision}
                make_fragment={reads.make_fragment.clone()}
                challenges={AttrValue::from(state.challenges.set().to_string())} />
            <StoragePanel persistent={state.persistent} cross_tab_safe={state.cross_tab_safe}
                revision={below.revision} measure={reads.measure.clone()}
                import_error={state.import_error.clone().map(AttrValue::from)}
                on_export={reads.export.clone()} on_import={on.import.clone()} />
        </>
    }
}

fn confirm_dialog(state: &AppState, on: &Handlers) -> Html {
    let own_events = state.log.read().events().len();
    let asked = confirm::question(state, own_events);
    let (question, detail, confirm_label) = match asked {
        Some(q) => (Some(AttrValue::from(q.question)), q.detail, q.confirm_label),
        None => (None, "", ""),
    };
    html! {
        <ConfirmDialog {question} {detail} {confirm_label} on_answer={on.answer.clone()} />
    }
}
