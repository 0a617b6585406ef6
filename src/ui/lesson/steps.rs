//! The guided lesson's script: the blog's story in ten steps. Each step has a short text, the
//! part of the page it talks about (outlined and scrolled into view), and what it drives.

/// Something a step does to the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drive {
    /// Loads the blog's four orders (asks first when the log is not empty).
    LoadBlog,
    /// Loads the bug story (asks first when the log is not empty).
    RunBugStory,
    /// Lands the timeline, the selected order and the debugger on the bug story's culprit.
    FindCulprit,
    /// Moves the timeline to event n (or the end of a shorter log).
    TimelineTo(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonStep {
    pub title: &'static str,
    pub text: &'static str,
    /// CSS selector of the part of the page the step is about.
    pub target: &'static str,
    /// Done on entering the step: only things that lose nothing (the timeline, a selection).
    pub on_enter: Option<Drive>,
    /// A button the learner presses to do the step's action.
    pub button: Option<(&'static str, Drive)>,
}

const fn step(title: &'static str, target: &'static str, text: &'static str) -> LessonStep {
    LessonStep {
        title,
        text,
        target,
        on_enter: None,
        button: None,
    }
}

pub const STEPS: [LessonStep; 10] = [
    step(
        "Two ways to keep orders",
        "#databases",
        "This page keeps the same orders in two databases side by side: a traditional orders table on the left, an event log on the right. Every action you take goes to both, so you can compare what each one remembers.",
    ),
    step(
        "The traditional schema",
        ".db-table",
        "One row per order: orders(order_id, customer_id, order_date, total_amount, status). When something happens to an order, an UPDATE changes its row in place. Simple, and how most applications store data.",
    ),
    step(
        "What an UPDATE forgets",
        ".action-bar",
        "Place an order, then press Pay. The status cell changes from Placed to Paid, and the old value is gone: the table no longer knows when the order was paid, or with which carrier it left. It only knows now.",
    ),
    step(
        "The event schema",
        ".db-log",
        "orders keeps only ids; order_events(event_id, order_id, event_type, event_data, event_timestamp) keeps every fact, in the past tense: OrderPlaced, OrderPaid, OrderShipped. Rows are only ever appended, never updated or deleted.",
    ),
    LessonStep {
        button: Some(("Load blog example", Drive::LoadBlog)),
        ..step(
            "The blog's four orders",
            "#databases",
            "Order 1 was placed, paid, shipped and delivered; order 2 placed and paid; order 3 placed, paid and shipped; order 4 only placed. The table shows four rows. The log shows the ten events behind them.",
        )
    },
    step(
        "State is derived by replay",
        ".panel-history",
        "An order's current state is stored nowhere: it is computed by replaying its events in order. Select an order to see each event and the fields it changed. Throw the state away, replay, and you get it back exactly.",
    ),
    LessonStep {
        on_enter: Some(Drive::TimelineTo(3)),
        ..step(
            "Travel in time",
            "#time-travel",
            "Because every event is kept, the log can be replayed up to any point. The timeline now stands at event 3: every order as it was then. Press Play, or step with [ and ]. The traditional table cannot go back.",
        )
    },
    LessonStep {
        button: Some(("Run the bug story", Drive::RunBugStory)),
        ..step(
            "The bug nobody could reproduce",
            "#bug-story",
            "A customer paid, yet their order shows a payment problem. The traditional row says PaymentProblem and nothing else, so support closes the ticket: “not reproducible”.",
        )
    },
    LessonStep {
        button: Some(("Find the culprit", Drive::FindCulprit)),
        ..step(
            "Finding the culprit",
            "#replay-debugger",
            "The log knows which event set the wrong status, where it came from and when: the packaging step, not the payment provider. Open it in the replay debugger, then tick “Skip” on it: without it the order is Paid, as it should be.",
        )
    },
    step(
        "When event sourcing fits, and when it does not",
        "#bug-story-why",
        "It fits where history matters: money and audits (the bank), debugging and support (the shop), questions about the past, several views of one log. It costs more than a table: old events must stay readable for years, state must be rebuilt, and a form whose history nobody needs is simpler as CRUD.",
    ),
];
