//! The app's single reducer: every click becomes an [`Action`], and only [`AppState::reduce`]
//! changes anything. Per command it does O(log n) work: decide on the selected order's current
//! state, record, append, and apply the new events to the projections and the traditional table.

use crate::app::Example;
use crate::app::{Accepted, Databases, Refused, SharedDatabases};
use crate::domain::{Command, Money, OrderId, RecordedEvent};
use crate::store::AppStore;
use crate::ui::lesson::state::{Lesson, LessonAction};
use crate::ui::replay_debugger::state::{Debugger, DebuggerAction};
use crate::ui::share::inbox::ShareInbox;
use crate::ui::time_travel::state::{TimeTravel, TimeTravelAction};
use crate::ui::widgets::timing;
use chrono::Utc;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Reducible;

/// Event-log rows per page: about what the log's scroll box shows at once on a laptop. Every
/// row is laid out and painted on each click (a new event pushes them all down), so a page
/// longer than the box costs frame time for rows nobody can see.
pub const LOG_PAGE_SIZE: usize = 20;
/// Traditional-table rows per page.
pub const TABLE_PAGE_SIZE: usize = 25;

/// A text input of the action area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Customer,
    Total,
    Carrier,
    Tracking,
    Reason,
}

/// What the learner has typed (or the defaults, so one click always works).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drafts {
    pub customer: String,
    pub total: String,
    pub carrier: String,
    pub tracking: String,
    pub reason: String,
}

impl Default for Drafts {
    fn default() -> Self {
        Drafts {
            customer: "alice".into(),
            total: "49.90".into(),
            carrier: "DHL".into(),
            tracking: default_tracking(1),
            reason: "Customer changed their mind".into(),
        }
    }
}

/// A made-up tracking number per order, so Ship works with one click.
pub fn default_tracking(order_id: OrderId) -> String {
    format!("DHL-{order_id:04}")
}

/// Which events the log shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LogFilter {
    pub order: Option<OrderId>,
    pub event_type: Option<&'static str>,
}

impl LogFilter {
    pub fn is_active(&self) -> bool {
        self.order.is_some() || self.event_type.is_some()
    }

    pub fn matches(&self, event: &RecordedEvent) -> bool {
        self.order.is_none_or(|id| id == event.order_id)
            && self
                .event_type
                .is_none_or(|t| t == event.event.event_type())
    }
}

/// Something that deletes data and so asks first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    Reset,
    Load(Example),
    /// A checked log file, waiting to replace the current log.
    Import(Rc<Vec<RecordedEvent>>),
    /// A share link's scenario (kept in `AppState::share`), replacing the visitor's log.
    Shared,
}

/// The last accepted command: what both databases just did, for highlights and the SQL panel.
#[derive(Clone, Debug, PartialEq)]
pub struct LastChange {
    /// Grows with every change, so highlight animations restart.
    pub seq: u64,
    pub accepted: Accepted,
}

/// A forbidden action's explanation, shown in `role="alert"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    pub seq: u64,
    pub text: String,
}

#[derive(Clone)]
pub struct AppState {
    pub db: SharedDatabases,
    /// Whether the log survives a reload (localStorage) or lives in memory only.
    pub persistent: bool,
    /// Bumped whenever the databases change, so views derived from them are recomputed.
    pub revision: u64,
    pub selected: Option<OrderId>,
    pub last_change: Option<Rc<LastChange>>,
    pub alert: Option<Alert>,
    /// A calm status line ("Replayed 10 events in 2 ms").
    pub notice: Option<String>,
    /// Why the last import was refused (shown beside the import button).
    pub import_error: Option<String>,
    pub drafts: Drafts,
    pub filter: LogFilter,
    pub log_page: usize,
    pub table_page: usize,
    pub presenter: bool,
    pub help_open: bool,
    pub pending: Option<Pending>,
    /// The timeline over the whole log.
    pub time_travel: TimeTravel,
    /// The replay debugger's open step and skipped events.
    pub debugger: Debugger,
    /// The guided lesson's step.
    pub lesson: Lesson,
    /// A share link waiting for an answer, or why it was refused.
    pub share: ShareInbox,
}

pub enum Action {
    Edit(Field, String),
    Place,
    Pay,
    Ship,
    Deliver,
    Cancel,
    Select(OrderId),
    SelectNext,
    SelectPrevious,
    FilterByOrder(Option<OrderId>),
    FilterByType(Option<&'static str>),
    ClearFilters,
    ShowLogPage(usize),
    ShowTablePage(usize),
    TogglePresenter,
    SetHelp(bool),
    /// Load an example: asks first when the log is not empty.
    Load(Example),
    /// Delete everything: always asks first.
    Reset,
    /// The text of a chosen log file: decoded and validated, then (after asking) imported.
    Import(String),
    /// The stored log was damaged: keep what is valid and drop the rest.
    DiscardDamaged,
    /// The learner answered the pending question.
    Answer(bool),
    DismissAlert,
    /// Another tab appended: apply what is new.
    CatchUp,
    TimeTravel(TimeTravelAction),
    Debugger(DebuggerAction),
    Lesson(LessonAction),
    /// The address's fragment, which may be a share link: checked, then (after asking) loaded.
    OpenShareLink(String),
    DismissShareError,
}

impl AppState {
    /// Opens `store` and derives both databases from its log (the one full replay).
    pub fn open(store: Box<dyn AppStore>, persistent: bool, presenter: bool) -> Self {
        let started = timing::now_ms();
        let databases = Databases::open(store);
        let replayed = databases.events().len();
        let selected = databases.order_ids().last().copied();
        let notice = (replayed > 0).then(|| timing::replayed(replayed, started));
        let mut state = AppState {
            db: SharedDatabases(Rc::new(RefCell::new(databases))),
            persistent,
            revision: 0,
            selected: None,
            last_change: None,
            alert: None,
            notice,
            import_error: None,
            drafts: Drafts::default(),
            filter: LogFilter::default(),
            log_page: 0,
            table_page: 0,
            presenter,
            help_open: false,
            pending: None,
            time_travel: TimeTravel::default(),
            debugger: Debugger::default(),
            lesson: Lesson::default(),
            share: ShareInbox::default(),
        };
        if let Some(id) = selected {
            state.select(id);
        }
        state
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(field, text) => *self.draft_mut(field) = text,
            Action::Place => self.place(),
            Action::Pay => self.command_selected(Command::PayOrder),
            Action::Ship => self.command_selected(Command::ShipOrder {
                carrier: self.drafts.carrier.clone(),
                tracking_number: self.drafts.tracking.clone(),
            }),
            Action::Deliver => self.command_selected(Command::DeliverOrder),
            Action::Cancel => self.command_selected(Command::CancelOrder {
                reason: self.drafts.reason.clone(),
            }),
            Action::Select(id) => self.select(id),
            Action::SelectNext => self.select_step(1),
            Action::SelectPrevious => self.select_step(-1),
            Action::FilterByOrder(order) => self.set_filter(LogFilter {
                order,
                ..self.filter
            }),
            Action::FilterByType(event_type) => self.set_filter(LogFilter {
                event_type,
                ..self.filter
            }),
            Action::ClearFilters => self.set_filter(LogFilter::default()),
            Action::ShowLogPage(page) => self.log_page = page,
            Action::ShowTablePage(page) => self.table_page = page,
            Action::TogglePresenter => self.presenter = !self.presenter,
            Action::SetHelp(open) => self.help_open = open,
            Action::Load(example) if self.db.0.borrow().events().is_empty() => self.load(example),
            Action::Load(example) => self.pending = Some(Pending::Load(example)),
            Action::Reset => self.pending = Some(Pending::Reset),
            Action::Import(text) => self.check_import(&text),
            Action::DiscardDamaged => self.discard_damaged(),
            Action::Answer(yes) => match self.pending.take() {
                Some(Pending::Load(example)) if yes => self.load(example),
                Some(Pending::Reset) if yes => self.reset(),
                Some(Pending::Import(events)) if yes => self.import(&events),
                Some(Pending::Shared) if yes => {
                    if let Some(events) = self.share.take() {
                        self.import(&events);
                    }
                }
                Some(Pending::Shared) => drop(self.share.take()),
                _ => {}
            },
            Action::DismissAlert => self.alert = None,
            Action::CatchUp => self.catch_up(),
            Action::TimeTravel(action) => {
                let db = self.db.0.borrow();
                self.time_travel.apply(action, db.events());
            }
            Action::Debugger(action) => {
                let db = self.db.0.borrow();
                self.debugger.apply(action, db.events());
            }
            Action::Lesson(action) => self
                .lesson
                .apply(action, crate::ui::lesson::steps::STEPS.len()),
            Action::OpenShareLink(fragment) => {
                if self.share.receive(&fragment) {
                    self.pending = Some(Pending::Shared);
                }
            }
            Action::DismissShareError => self.share.error = None,
        }
    }

    fn draft_mut(&mut self, field: Field) -> &mut String {
        let d = &mut self.drafts;
        match field {
            Field::Customer => &mut d.customer,
            Field::Total => &mut d.total,
            Field::Carrier => &mut d.carrier,
            Field::Tracking => &mut d.tracking,
            Field::Reason => &mut d.reason,
        }
    }

    fn place(&mut self) {
        let total = match Money::parse(&self.drafts.total) {
            Ok(total) => total,
            Err(why) => return self.refuse(format!("The total amount is not valid. {why}")),
        };
        let order_id = self.db.0.borrow().next_order_id();
        let command = Command::PlaceOrder {
            customer_id: self.drafts.customer.clone(),
            total_amount: total,
        };
        if let Some(order_id) = self.submit(order_id, &command) {
            self.select(order_id);
        }
    }

    fn command_selected(&mut self, command: Command) {
        match self.selected {
            Some(order_id) => {
                self.submit(order_id, &command);
            }
            None => self.refuse(format!(
                "There is no order to {}: place an order first.",
                command.name()
            )),
        }
    }

    /// Runs one command through both databases. Returns whether it was accepted.
    fn submit(&mut self, order_id: OrderId, command: &Command) -> Option<OrderId> {
        let target = if matches!(command, Command::PlaceOrder { .. }) {
            crate::app::Target::NewOrder
        } else {
            let seen_version = self.db.0.borrow().order(order_id).map_or(0, |o| o.version);
            crate::app::Target::Order {
                order_id,
                seen_version,
            }
        };
        let result = self.db.0.borrow_mut().execute(target, command, Utc::now());
        match result {
            Ok(accepted) => {
                let order_id = accepted.order_id;
                let seq = self.last_change.as_ref().map_or(1, |c| c.seq + 1);
                self.last_change = Some(Rc::new(LastChange { seq, accepted }));
                self.alert = None;
                self.notice = None;
                self.changed();
                self.log_page = 0;
                self.show_in_table(order_id);
                Some(order_id)
            }
            Err(refused) => {
                // A store refusal (another tab got there first) has re-read the fresh state:
                // redraw so the learner sees it beside the explanation.
                if matches!(refused, Refused::Store(_)) {
                    self.changed();
                }
                self.refuse(refused.to_string());
                None
            }
        }
    }

    pub(super) fn refuse(&mut self, text: String) {
        let seq = self.alert.as_ref().map_or(1, |a| a.seq + 1);
        self.alert = Some(Alert { seq, text });
    }

    pub(super) fn select(&mut self, order_id: OrderId) {
        self.selected = Some(order_id);
        self.drafts.tracking = default_tracking(order_id);
        self.show_in_table(order_id);
    }

    pub(super) fn select_step(&mut self, step: isize) {
        let ids = self.db.0.borrow().order_ids();
        let Some(&last) = ids.last() else { return };
        let next = match self.selected.and_then(|id| ids.binary_search(&id).ok()) {
            Some(at) => ids[at.saturating_add_signed(step).min(ids.len() - 1)],
            None => last,
        };
        self.select(next);
    }

    fn show_in_table(&mut self, order_id: OrderId) {
        let ids = self.db.0.borrow().order_ids();
        if let Ok(at) = ids.binary_search(&order_id) {
            self.table_page = at / TABLE_PAGE_SIZE;
        }
    }

    fn set_filter(&mut self, filter: LogFilter) {
        self.filter = filter;
        self.log_page = 0;
    }

    pub(super) fn changed(&mut self) {
        self.revision += 1;
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A shallow copy: the databases are shared, so this never copies the log.
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
pub(crate) mod tests;
