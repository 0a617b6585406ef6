//! The page's UI state and its single reducer. Pure: no clock, no storage, no writes. It reads
//! the live databases through a read-only [`LogReader`] (to select the next order, say), and
//! learns what a write did from the outcome actions the page's writer sends once the
//! application layer has run it (`outcomes.rs`).

use crate::app::{Example, LogReader};
use crate::domain::questions::Question;
use crate::domain::{EventType, OrderId, RecordedEvent};
use crate::ui::challenges::state::{ChallengesAction, ChallengesState};
use crate::ui::clerks::state::{ClerksAction, ClerksStory};
use crate::ui::controls::alert::Alert;
use crate::ui::controls::drafts::{Drafts, Field};
use crate::ui::databases::last_change::LastChange;
use crate::ui::databases::log_view::LogFilter;
use crate::ui::lesson::state::{Lesson, LessonAction};
use crate::ui::replay_debugger::state::{Debugger, DebuggerAction};
use crate::ui::share::inbox::ShareInbox;
use crate::ui::time_travel::state::{TimeTravel, TimeTravelAction};
use std::rc::Rc;
use yew::Reducible;

/// Something that deletes data and so asks first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    Reset,
    Load(Example),
    /// A checked log file, waiting to replace the current log.
    Import(Rc<Vec<RecordedEvent>>),
    /// A share link's scenario (kept in `AppState::share`), replacing the visitor's log.
    Shared,
    /// The example a lesson step is about, replacing the learner's own log.
    LessonLoad(Example),
}

#[derive(Clone)]
pub struct AppState {
    /// The live databases, read-only: only the page's writer changes them.
    pub log: LogReader,
    /// Whether the log survives a reload (localStorage) or lives in memory only.
    pub persistent: bool,
    /// Whether writes are serialised across tabs (the browser has Web Locks).
    pub cross_tab_safe: bool,
    /// Bumped whenever the databases change, so views derived from them are recomputed.
    pub revision: u64,
    /// Writes asked for and not yet done (waiting for the cross-tab lock, or running).
    pub writes_waiting: usize,
    pub selected: Option<OrderId>,
    /// How many times the learner chose an order themselves (not the page for them).
    pub choices: u64,
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
    /// The Challenges region: the set, the learner's answers and the verdicts.
    pub challenges: ChallengesState,
    /// A part of the page to scroll to and focus, once (after loading the bug story, say).
    pub reveal: Option<Reveal>,
    /// The question the learner asked of the log, if any.
    pub question: Option<Question>,
    /// The two clerks' story, once started (on copies: the databases never change).
    pub clerks: Option<Rc<ClerksStory>>,
}

/// Asks the page to scroll to the element `id` and focus it; `seq` makes each ask new.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reveal {
    pub seq: u32,
    pub id: &'static str,
}

impl Reveal {
    pub fn next(last: Option<Reveal>, id: &'static str) -> Reveal {
        Reveal {
            seq: last.map_or(1, |r| r.seq.wrapping_add(1)),
            id,
        }
    }
}

pub enum Action {
    Edit(Field, String),
    Select(OrderId),
    SelectNext,
    SelectPrevious,
    FilterByOrder(Option<OrderId>),
    FilterByType(Option<EventType>),
    ClearFilters,
    ShowLogPage(usize),
    ShowTablePage(usize),
    TogglePresenter,
    SetHelp(bool),
    /// Ask before something replaces or deletes the log.
    Ask(Pending),
    /// The learner answered the pending question: yes or no (the page's writer does what a
    /// yes means).
    Answered(bool),
    /// A refusal found before anything was sent to the databases (an unreadable total, say).
    Refuse(String),
    DismissAlert,
    /// A chosen log file could not be imported.
    ImportRefused(String),
    TimeTravel(TimeTravelAction),
    Debugger(DebuggerAction),
    Lesson(LessonAction),
    Challenges(ChallengesAction),
    /// Lands the selection, the timeline and the debugger on the bug story's culprit (and,
    /// with `and_skip`, skips it in the debugger's what-if, or puts it back).
    FindCulprit {
        and_skip: bool,
    },
    /// The address's fragment, which may be a share link: checked, then (after asking) loaded.
    OpenShareLink(String),
    DismissShareError,
    /// Ask the log a question nobody planned for.
    PickQuestion(Question),
    Clerks(ClerksAction),
    /// Outcomes of the writer (handled in `outcomes.rs`).
    Outcome(super::outcomes::Outcome),
}

impl AppState {
    /// The page's state over `log`, with the last order selected.
    pub fn new(log: LogReader, persistent: bool, cross_tab_safe: bool, presenter: bool) -> Self {
        let mut state = AppState {
            log,
            persistent,
            cross_tab_safe,
            revision: 0,
            writes_waiting: 0,
            selected: None,
            choices: 0,
            last_change: None,
            alert: None,
            notice: None,
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
            challenges: ChallengesState::default(),
            reveal: None,
            question: None,
            clerks: None,
        };
        state.select_last();
        state
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(field, text) => *self.draft_mut(field) = text,
            Action::Select(id) => {
                self.choices += 1;
                self.select(id);
            }
            Action::SelectNext => {
                self.choices += 1;
                self.select_step(1);
            }
            Action::SelectPrevious => {
                self.choices += 1;
                self.select_step(-1);
            }
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
            Action::Ask(pending) => self.pending = Some(pending),
            Action::Answered(yes) => match self.pending.take() {
                // Taken by the writer on yes; dropped on no.
                Some(Pending::Shared) => self.shared_answered(yes),
                Some(Pending::LessonLoad(_)) if !yes => self.lesson_load_declined(),
                Some(Pending::Load(_)) if !yes => self.challenges.stop_waiting(),
                _ => {}
            },
            Action::Refuse(text) => self.refuse(text),
            Action::DismissAlert => self.alert = None,
            Action::ImportRefused(why) => self.import_error = Some(why),
            Action::TimeTravel(action) => {
                let log = self.log.clone();
                self.time_travel.apply(action, log.read().events());
            }
            Action::Debugger(action) => {
                let log = self.log.clone();
                self.debugger.apply(action, log.read().events());
            }
            Action::Lesson(action) => self.apply_lesson(action),
            Action::Challenges(action) => self.apply_challenges(action),
            Action::FindCulprit { and_skip } => self.find_culprit(and_skip),
            Action::OpenShareLink(fragment) => {
                if self.share.receive(&fragment) {
                    self.pending = Some(Pending::Shared);
                }
                self.open_link_challenges();
            }
            Action::DismissShareError => self.share.error = None,
            Action::PickQuestion(question) => self.question = Some(question),
            Action::Clerks(action) => self.clerks_act(action),
            Action::Outcome(outcome) => self.take_outcome(outcome),
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

    pub(super) fn refuse(&mut self, text: String) {
        let seq = self.alert.as_ref().map_or(1, |a| a.seq + 1);
        self.alert = Some(Alert { seq, text });
    }

    pub(super) fn set_filter(&mut self, filter: LogFilter) {
        self.filter = filter;
        self.log_page = 0;
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
