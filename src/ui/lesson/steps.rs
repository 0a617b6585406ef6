//! The guided lesson's script: the blog's story step by step. Each step has a short text, the
//! part of the page it talks about (outlined and scrolled into view), the state of the page its
//! text describes (set up on entering the step, however it was reached), and sometimes a task
//! for the learner, which the page notices when done and can do for them ("Show me").

use crate::app::Example;

/// The log a step's text is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// Exactly this example, nothing added (the text counts its rows and events).
    Exactly(Example),
    /// This example, with whatever the learner has added since.
    StartingWith(Example),
}

impl Needs {
    pub fn example(self) -> Example {
        match self {
            Needs::Exactly(example) | Needs::StartingWith(example) => example,
        }
    }
}

/// What entering a step sets up. The log comes first (loading it is a write); the rest is the
/// page's own state, set once the log is there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Setup {
    pub log: Option<Needs>,
    /// Selects this order.
    pub select: Option<u64>,
    /// Moves the timeline to this event.
    pub timeline: Option<usize>,
    /// Lands the selection, the timeline and the debugger on the bug story's culprit.
    pub culprit: bool,
}

/// Something a step asks the learner to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// Place an order, then pay it.
    PlaceAndPay,
    /// Tick "Skip" on the bug story's culprit in the debugger.
    SkipCulprit,
    /// Record the corrective event.
    RecordCorrection,
}

impl Task {
    /// What the page says once the task is done.
    pub fn done_text(self) -> &'static str {
        match self {
            Task::PlaceAndPay => "Done: the status went from Placed to Paid, and the row no longer knows it was ever Placed, or when it was paid. The log on the right holds both events.",
            Task::SkipCulprit => "Done: replayed without the culprit, the order is Paid. The stored log still holds every event: skipping is only a what-if.",
            Task::RecordCorrection => "Done: the correction is a new event in the log, and the row says Paid again. The wrong report is still there, now explained.",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonStep {
    pub title: &'static str,
    pub text: &'static str,
    /// CSS selector of the part of the page the step is about.
    pub target: &'static str,
    pub setup: Setup,
    pub task: Option<Task>,
}

const fn step(title: &'static str, target: &'static str, text: &'static str) -> LessonStep {
    LessonStep {
        title,
        text,
        target,
        setup: Setup {
            log: None,
            select: None,
            timeline: None,
            culprit: false,
        },
        task: None,
    }
}

const BLOG: Example = Example::Blog;
const STORY: Example = Example::BugStory;

pub const STEPS: [LessonStep; 11] = [
    step(
        "Two ways to keep orders",
        "#databases",
        "This page keeps the same orders in two databases side by side: a traditional orders table on the left and an event log on the right (on a narrow screen, the table on top and the log below it). Every action you take goes to both, so you can compare what each one remembers.",
    ),
    step(
        "The traditional schema",
        ".db-table",
        "One row per order: orders(order_id, customer_id, order_date, total_amount, status). When something happens to an order, an UPDATE changes its row in place. Simple, and how most applications store data.",
    ),
    LessonStep {
        task: Some(Task::PlaceAndPay),
        ..step(
            "What an UPDATE forgets",
            ".controls",
            "Place an order, then press Pay. Watch the status cell: Placed becomes Paid, and the old value is gone. The table no longer knows when the order was paid, or that it was ever Placed. It only knows now.",
        )
    },
    step(
        "The event schema",
        ".db-log",
        "In the event-sourced design, its orders table keeps only the ids (listed under the log's heading), and order_events(event_id, order_id, event_type, event_data, event_timestamp) keeps every fact, in the past tense: OrderPlaced, OrderPaid, OrderShipped. Rows are only ever appended, never updated or deleted.",
    ),
    LessonStep {
        setup: Setup {
            log: Some(Needs::Exactly(BLOG)),
            select: None,
            timeline: None,
            culprit: false,
        },
        ..step(
            "The blog's four orders",
            "#databases",
            "The blog example is loaded. Order 1 was placed, paid, shipped and delivered; order 2 placed and paid; order 3 placed, paid and shipped; order 4 only placed. The table shows four rows. The log shows the ten events behind them.",
        )
    },
    LessonStep {
        setup: Setup {
            log: Some(Needs::StartingWith(BLOG)),
            select: Some(1),
            timeline: None,
            culprit: false,
        },
        ..step(
            "State is derived by replay",
            ".panel-history",
            "An order's current state is stored nowhere: it is computed by replaying its events in order. Order 1 is selected: its history lists each event and the fields it changed. Select another order to see its own. Throw the state away, replay, and you get it back exactly.",
        )
    },
    LessonStep {
        setup: Setup {
            log: Some(Needs::StartingWith(BLOG)),
            select: None,
            timeline: Some(3),
            culprit: false,
        },
        ..step(
            "Travel in time",
            "#time-travel",
            "Because every event is kept, the log can be replayed up to any point. The timeline stands at event 3: every order as it was then. Press Play, or step with the buttons. The traditional table cannot go back.",
        )
    },
    LessonStep {
        setup: Setup {
            log: Some(Needs::Exactly(STORY)),
            select: None,
            timeline: None,
            culprit: false,
        },
        ..step(
            "The bug nobody could reproduce",
            "#bug-story",
            "The bug story is loaded. A customer paid, yet their order shows a payment problem. The traditional row says PaymentProblem and nothing else, so support closes the ticket: “not reproducible”.",
        )
    },
    LessonStep {
        setup: Setup {
            log: Some(Needs::Exactly(STORY)),
            select: None,
            timeline: None,
            culprit: true,
        },
        task: Some(Task::SkipCulprit),
        ..step(
            "Finding the culprit",
            "#replay-debugger .rd-step.is-culprit",
            "The log knows which event set the wrong status, where it came from and when: the packaging step, not the payment provider. The replay debugger is open on it. Tick “Skip” on it: without it the order is Paid, as it should be.",
        )
    },
    LessonStep {
        setup: Setup {
            log: Some(Needs::StartingWith(STORY)),
            select: None,
            timeline: None,
            culprit: true,
        },
        task: Some(Task::RecordCorrection),
        ..step(
            "The fix: a correction, not a second payment",
            ".bs-correct",
            "Paying again would charge the customer twice, and the rules refuse it. The fix is a new event that says what really happened: PaymentProblemRetracted, citing the wrong report. Nothing in the past is edited; the log keeps the mistake and its correction.",
        )
    },
    step(
        "When event sourcing fits, and when it does not",
        "#bug-story-why",
        "It fits where history matters: money and audits (the bank), debugging and support (the shop), questions about the past, several views of one log. It costs more than a table: old events must stay readable for years, and state must be rebuilt. A form whose history nobody needs is simpler as CRUD (create, read, update, delete: the traditional table's way).",
    ),
];
