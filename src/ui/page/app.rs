//! The whole page: the only component that holds state. It turns the state into props for the
//! small components; every callback it hands out dispatches an action (see `handlers.rs`).

use crate::app::Example;
use crate::domain::{
    decide, encode_log, event_sourced_script, history, traditional_script, Command, Order, OrderRow,
};
use crate::store::AppStore;
use crate::store::{LocalStorageKv, LocalStore, MemoryStore};
use crate::ui::bug_story::panel::{use_find_culprit, BugStory};
use crate::ui::bug_story::view::BugStoryView;
use crate::ui::controls::action_bar::{ActionBar, Allowed};
use crate::ui::controls::examples_bar::ExamplesBar;
use crate::ui::controls::order_form::OrderForm;
use crate::ui::controls::reset_button::ResetButton;
use crate::ui::databases::event_log::EventLog;
use crate::ui::databases::traditional_table::TraditionalTableView;
use crate::ui::hooks::after_paint::use_after_paint;
use crate::ui::insights::derived_state::DerivedState;
use crate::ui::insights::order_history::OrderHistory;
use crate::ui::insights::sql_panel::{Script, SqlPanel};
use crate::ui::lesson::bar::{lesson_launcher, LessonBar};
use crate::ui::page::handlers::use_handlers;
use crate::ui::page::state::{Action, AppState, LastChange, Pending};
use crate::ui::page::views;
use crate::ui::replay_debugger::panel::ReplayDebugger;
use crate::ui::share::inbox::ShareInbox;
use crate::ui::share::panel::{share_alert, use_share_link, SharePanel};
use crate::ui::shell::header::Header;
use crate::ui::shell::shortcuts::use_shortcuts;
use crate::ui::shell::shortcuts_help::ShortcutsHelp;
use crate::ui::shell::update_banner::UpdateBanner;
use crate::ui::storage::panel::{Export, StoragePanel};
use crate::ui::storage::preferences;
use crate::ui::storage::recovery_banner::RecoveryBanner;
use crate::ui::storage::sync::use_storage_sync;
use crate::ui::time_travel::panel::TimeTravelPanel;
use crate::ui::widgets::confirm_dialog::ConfirmDialog;
use crate::ui::widgets::dom;
use std::rc::Rc;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let (store, persistent) = open_store();
        AppState::open(store, persistent, preferences::presenter())
    });
    let on = use_handlers(state.dispatcher());
    use_shortcuts(state.dispatcher().into());
    use_storage_sync(on.catch_up.clone());
    // Replay, bug story, lesson and share: one dispatcher for any action, and stable callbacks.
    let d = state.dispatcher();
    let on_any = use_callback(d.clone(), |action: Action, d| d.dispatch(action));
    let on_time = use_callback(d.clone(), |a, d| d.dispatch(Action::TimeTravel(a)));
    let on_debug = use_callback(d.clone(), |a, d| d.dispatch(Action::Debugger(a)));
    let on_bug_story = use_callback(d.clone(), |(), d| {
        d.dispatch(Action::Load(Example::BugStory))
    });
    let on_dismiss_share = use_callback(d.clone(), |(), d| d.dispatch(Action::DismissShareError));
    let on_share_link = use_callback(d, |f: String, d| d.dispatch(Action::OpenShareLink(f)));
    use_share_link(on_share_link);
    let on_find_culprit = use_find_culprit(state.db.clone(), on_any.clone(), false);
    let on_skip_culprit = use_find_culprit(state.db.clone(), on_any.clone(), true);
    use_effect_with((), |_| preferences::mark_ready());
    use_effect_with(state.presenter, |on| preferences::set_presenter(*on));

    let db = state.db.clone();
    let make_script = use_callback(db.clone(), |script: Script, db| {
        let db = db.0.borrow();
        match script {
            Script::Traditional => traditional_script(db.table()),
            Script::EventSourced => event_sourced_script(db.events()),
        }
    });
    let on_export = use_callback(db.clone(), |export: Export, db| {
        let db = db.0.borrow();
        let _ = match export {
            Export::Json => dom::download(
                "event-log.json",
                "application/json",
                &encode_log(db.events()),
            ),
            Export::Sql => dom::download(
                "event_sourced.sql",
                "application/sql",
                &event_sourced_script(db.events()),
            ),
        };
    });
    let on_download_backup = use_callback(db.clone(), |(), db| {
        if let Some((name, text)) = db.0.borrow().backup() {
            let _ = dom::download(&name, "application/json", &text);
        }
    });
    let measure = use_callback(db.clone(), |(), db| db.0.borrow().usage());

    let revision = state.revision;
    let log_page = {
        let db = db.clone();
        use_memo(
            (revision, state.filter, state.log_page),
            move |(_, f, p)| views::log_page(&db.0.borrow(), *f, *p),
        )
    };
    let table_page = {
        let db = db.clone();
        use_memo((revision, state.table_page), move |(_, p)| {
            views::table_page(&db.0.borrow(), *p)
        })
    };
    let order_ids = db.0.borrow().order_ids();
    let options = {
        let db = db.clone();
        use_memo(order_ids, move |ids| {
            let db = db.0.borrow();
            ids.iter()
                .map(|&id| (id, views::order_label(&db, id)))
                .collect::<Vec<_>>()
        })
    };
    let borrowed = db.0.borrow();
    let selected = state.selected;
    let order = selected.and_then(|id| borrowed.order(id)).cloned();
    let row = selected.and_then(|id| borrowed.table().row(id)).cloned();
    let event_count = selected.map_or(0, |id| borrowed.positions_of(id).len());
    let overwritten_count = borrowed.table().overwritten_count();
    let next_order_id = borrowed.next_order_id();
    let is_empty = borrowed.events().is_empty();
    let own_events = borrowed.events().len();
    let recovery = borrowed.recovery_summary().map(AttrValue::from);
    let backup_available = borrowed.backup().is_some();
    drop(borrowed);
    // Everything below the two databases follows the app one painted frame late (see
    // after_paint.rs): a click's own frame only renders what the learner is looking at.
    let below = use_after_paint(Below {
        revision,
        log_len: own_events,
        order: order.clone(),
        row,
        event_count,
        last_change: state.last_change.clone(),
    });
    let steps = {
        let db = db.clone();
        use_memo((below.revision, state.selected), move |(_, selected)| {
            let db = db.0.borrow();
            // Only this order's events are handed over: the cost follows the order, not the log.
            let Some(id) = *selected else {
                return Vec::new();
            };
            let own: Vec<_> = db
                .positions_of(id)
                .iter()
                .map(|&at| db.events()[at].clone())
                .collect();
            history(&own, id)
        })
    };
    let story = {
        let db = db.clone();
        use_memo(below.revision, move |_| BugStoryView::of(&db.0.borrow()))
    };
    let culprit = story.as_ref().as_ref().map(|s| s.culprit.event_id);
    let culprit_skipped = story
        .as_ref()
        .as_ref()
        .is_some_and(|s| state.debugger.is_skipped(&s.culprit));
    let new_ids = use_memo(state.last_change.clone(), |change| {
        change.as_ref().map_or_else(Vec::new, |c| {
            c.accepted.events.iter().map(|e| e.event_id).collect()
        })
    });

    let allowed = allowed_actions(order.as_ref());
    let drafts = &state.drafts;
    let share_question = state.share.question(own_events);
    let (question, detail, confirm_label) = match &state.pending {
        Some(Pending::Reset) => (
            Some("Delete every order and every event?"),
            "Both databases will be emptied. This cannot be undone.",
            "Yes, delete everything",
        ),
        Some(Pending::Load(example)) => (
            Some(crate::ui::controls::example_text::question(*example)),
            "The events in the log now will be deleted and the example loaded in their place.",
            "Replace the log",
        ),
        Some(Pending::Import(_)) => (
            Some("Replace the current log with the imported file?"),
            "The file was checked against the rules. The events in the log now will be deleted.",
            "Replace the log",
        ),
        Some(Pending::Shared) => {
            let (detail, label) = ShareInbox::detail(own_events);
            (Some(share_question.as_str()), detail, label)
        }
        None => (None, "", ""),
    };

    html! {
        <div class="app">
            <a class="skip-link" href="#databases">{ "Skip to the databases" }</a>
            <Header presenter={state.presenter} on_toggle_presenter={on.presenter} on_help={on.help} />
            <UpdateBanner />
            <main id="app">
                <RecoveryBanner summary={recovery} {backup_available}
                    on_download={on_download_backup} on_discard={on.discard_damaged} />
                <section class="controls" aria-labelledby="controls-heading">
                    <h2 id="controls-heading" class="visually-hidden">{ "Actions" }</h2>
                    <OrderForm customer={drafts.customer.clone()} total={drafts.total.clone()}
                        {next_order_id} on_edit={on.edit.clone()} on_place={on.place} />
                    <ActionBar options={options.clone()} {selected}
                        status={order.as_ref().map(|o| AttrValue::from(o.status_label()))}
                        {allowed} carrier={drafts.carrier.clone()} tracking={drafts.tracking.clone()}
                        reason={drafts.reason.clone()} alert={state.alert.clone()} compact={state.presenter}
                        on_select={on.select.clone()} on_edit={on.edit} on_pay={on.pay} on_ship={on.ship}
                        on_deliver={on.deliver} on_cancel={on.cancel} on_dismiss={on.dismiss} />
                    <ExamplesBar on_load={on.load}>
                        <ResetButton on_reset={on.reset} />
                        { lesson_launcher(state.lesson, &on_any) }
                    </ExamplesBar>
                </section>
                <p class="notice" role="status">
                    if is_empty {
                        { "Both databases are empty. Press " }<strong>{ "Place order" }</strong>
                        { " to create order 1, or " }<strong>{ "Load blog example" }</strong>{ "." }
                    } else if let Some(notice) = &state.notice {
                        { notice.clone() }
                    }
                </p>
                { share_alert(state.share.error.as_deref(), &on_dismiss_share) }
                <div id="databases" class="databases" tabindex="-1">
                    <TraditionalTableView page={table_page} {selected} change={state.last_change.clone()}
                        {overwritten_count} on_select={on.select.clone()} on_page={on.table_page} />
                    <EventLog page={log_page} filter={state.filter}
                        {new_ids} on_filter_order={on.filter_order} on_filter_type={on.filter_type}
                        on_clear_filters={on.clear_filters} on_page={on.log_page} on_select={on.select} />
                </div>
                <div class="insights">
                    <DerivedState order={below.order.clone()} row={below.row.clone()} event_count={below.event_count} />
                    <SqlPanel change={below.last_change.clone()} {make_script} />
                </div>
                <OrderHistory order_id={selected} steps={steps.clone()} />
                <TimeTravelPanel db={db.clone()} revision={below.revision} travel={state.time_travel.clone()} on_action={on_time} />
                <BugStory view={story} {culprit_skipped}
                    on_run={on_bug_story} on_find={on_find_culprit} on_skip={on_skip_culprit} />
                <ReplayDebugger order_id={selected} steps={steps.clone()} debugger={state.debugger.clone()}
                    log_len={below.log_len} {culprit} on_action={on_debug} />
                <SharePanel db={db.clone()} revision={below.revision} />
                <StoragePanel persistent={state.persistent} revision={below.revision} {measure}
                    import_error={state.import_error.clone().map(AttrValue::from)}
                    {on_export} on_import={on.import} />
                <ConfirmDialog question={question.map(AttrValue::from)} {detail}
                    {confirm_label} on_answer={on.answer} />
                <ShortcutsHelp open={state.help_open} on_close={on.help_close} />
            </main>
            <footer class="app-footer">
                <p>
                    { "Based on the blog post “Event Sourcing – Moving out of traditions”. Everything runs in your browser; nothing is sent anywhere." }
                </p>
            </footer>
            <LessonBar lesson={state.lesson} db={db.clone()} on_action={on_any} />
        </div>
    }
}

/// What the panels below the databases show: the app as of the last painted frame.
#[derive(Clone, PartialEq)]
struct Below {
    revision: u64,
    log_len: usize,
    order: Option<Order>,
    row: Option<OrderRow>,
    event_count: usize,
    last_change: Option<Rc<LastChange>>,
}

/// Which actions the rules would accept for `order` right now.
fn allowed_actions(order: Option<&Order>) -> Allowed {
    let Some(order) = order else {
        return Allowed::default();
    };
    let ok = |command: Command| decide(order, &command).is_ok();
    Allowed {
        pay: ok(Command::PayOrder),
        ship: ok(Command::ShipOrder {
            carrier: "x".into(),
            tracking_number: "x".into(),
        }),
        deliver: ok(Command::DeliverOrder),
        cancel: ok(Command::CancelOrder { reason: "x".into() }),
    }
}

/// The browser's localStorage when it can be used, otherwise a store that forgets on reload.
fn open_store() -> (Box<dyn AppStore>, bool) {
    if LocalStorageKv::available() {
        (Box::new(LocalStore::open(LocalStorageKv)), true)
    } else {
        (Box::new(MemoryStore::new()), false)
    }
}
