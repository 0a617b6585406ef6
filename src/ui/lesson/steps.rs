//! The guided lesson's script: the blog's story step by step. Each step has a short text, the
//! part of the page it talks about (outlined and scrolled into view), the state of the page its
//! text describes (set up on entering the step, however it was reached), and sometimes a task
//! for the learner, which the page notices when done and can do for them ("Show me").

use crate::app::Example;
use crate::domain::questions::Question;

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
    /// Asks the log this question.
    pub question: Option<Question>,
    /// Starts the two clerks' story afresh.
    pub clerks: bool,
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
    /// Walk the two clerks' story to its end.
    RunClerks,
}

impl Task {
    /// What the page says once the task is done.
    pub fn done_text(self) -> &'static str {
        match self {
            Task::PlaceAndPay => "Done: the status went from Placed to Paid, and the row no longer knows it was ever Placed, or when it was paid. The log on the right holds both events.",
            Task::SkipCulprit => "Done: replayed without the culprit, the order is Paid. The stored log still holds every event: skipping is only a what-if.",
            Task::RecordCorrection => "Done: the correction is a new event in the log, and the row says Paid again. The wrong report is still there, now explained.",
            Task::RunClerks => "Done: the table kept Ben's Cancelled over Ana's Shipped without a word; the log refused Ben's stale append and showed him the fresh state.",
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
        setup: NOTHING,
        task: None,
    }
}

const NOTHING: Setup = Setup {
    log: None,
    select: None,
    timeline: None,
    culprit: false,
    question: None,
    clerks: false,
};
const BLOG: Example = Example::Blog;
const STORY: Example = Example::BugStory;

/// Where the second part, "Beyond the basics", starts.
pub const PART_TWO: usize = 11;

pub const STEPS: [LessonStep; 16] = [
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
            ..NOTHING
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
            ..NOTHING
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
            timeline: Some(3),
            ..NOTHING
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
            ..NOTHING
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
            culprit: true,
            ..NOTHING
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
            culprit: true,
            ..NOTHING
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
    LessonStep {
        setup: Setup {
            log: Some(Needs::StartingWith(BLOG)),
            question: Some(Question::ShippingWaits),
            ..NOTHING
        },
        ..step(
            "Beyond the basics: a question nobody planned",
            "#questions",
            "Part 2. Someone now asks how long each order waited between payment and shipping. Nobody planned that question, so no table holds the answer, but the log holds every fact: a new read model has just been built by replaying it. The traditional table cannot answer: its status column was overwritten, and no column kept when.",
        )
    },
    LessonStep {
        setup: Setup {
            log: Some(Needs::StartingWith(BLOG)),
            question: Some(Question::RevenuePerDay),
            ..NOTHING
        },
        ..step(
            "Several views of one log",
            "#questions",
            "Another question, another read model, from the same events: revenue per day. Each view can be thrown away and rebuilt at will; the log is the truth they are all made from. Place an order and pay it: the answer keeps up.",
        )
    },
    LessonStep {
        setup: Setup {
            log: Some(Needs::StartingWith(BLOG)),
            clerks: true,
            ..NOTHING
        },
        task: Some(Task::RunClerks),
        ..step(
            "Two clerks, one order: the lost update",
            "#two-clerks",
            "Ana and Ben load the same paid order; Ana ships it, then Ben cancels it on his stale copy. The traditional table lets the second UPDATE win: the row says Cancelled for a parcel that has left. The log refuses Ben's append, because it names the version he loaded and the order has moved on. The page's own tabs are kept apart the same way.",
        )
    },
    LessonStep {
        setup: Setup {
            log: Some(Needs::Exactly(Example::OldLog)),
            ..NOTHING
        },
        ..step(
            "Old events stay readable",
            ".db-log .upcast",
            "This log was started by an older release that wrote amounts as text (schema version 1). Those events are stored exactly as they were written and upcast to today's shape as they are read: open a marker to see both forms. The cost: events are never rewritten, so every version ever written must stay readable, for years.",
        )
    },
    LessonStep {
        setup: Setup {
            log: Some(Needs::StartingWith(BLOG)),
            ..NOTHING
        },
        ..step(
            "Challenges only the log can answer",
            "#challenges",
            "Your turn: questions whose answers only the log holds, such as an order's status at a moment in the past. Answer one, and the app checks it against the log on this page; a hint names the panel that answers it. A teacher can put a set of them in a share link for the class.",
        )
    },
];
