#![cfg(not(target_arch = "wasm32"))]
//! Challenges: right and wrong answers checked against the log, forgiving reading of typed
//! answers, hints that name the panel, and the share-link text of a challenge set.

mod domain_support;

use chrono::{DateTime, TimeZone, Utc};
use domain_support::{commands, run};
use event_sourcing_demo::domain::challenges::*;
use event_sourcing_demo::domain::*;
use proptest::prelude::*;

fn at(day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, day, hour, minute, second)
        .unwrap()
}

fn standard(slug: &str) -> Challenge {
    Challenge::standard()
        .into_iter()
        .find(|c| c.slug() == slug)
        .unwrap()
}

fn pick(status: OrderStatus) -> ChallengeAnswer {
    ChallengeAnswer::Status(StatusChoice::Is(status))
}

fn typed(text: &str) -> ChallengeAnswer {
    ChallengeAnswer::Text(text.to_string())
}

fn source_at(source: &str, time: &str) -> ChallengeAnswer {
    ChallengeAnswer::SourceAndTime {
        source: source.to_string(),
        time: time.to_string(),
    }
}

#[test]
fn the_standard_challenges_read_as_the_issue_asks_and_point_to_their_panels() {
    let prompts: Vec<String> = Challenge::standard().iter().map(|c| c.prompt()).collect();
    assert_eq!(
        prompts,
        [
            "What was order 3's status at 12:00 UTC on 5 March 2024?",
            "Which service set PaymentProblem on order 2, and when?",
            "How many values has the traditional table lost so far by overwriting them?",
        ]
    );
    let needs: Vec<LogNeeded> = Challenge::standard().iter().map(|c| c.needs()).collect();
    assert_eq!(
        needs,
        [LogNeeded::Blog, LogNeeded::BugStory, LogNeeded::Any]
    );
    let panels: Vec<&str> = Challenge::standard()
        .iter()
        .map(|c| c.hint().panel.heading())
        .collect();
    assert_eq!(panels, ["Time travel", "Event log", "Traditional table"]);
    let status_hint = standard("status-at").hint().text;
    assert!(status_hint.contains("12:00 UTC on 5 March 2024") && status_hint.contains("order 3"));
    assert!(standard("problem-source")
        .hint()
        .text
        .contains("filter by order 2"));
    // A challenge about another order or moment is about whatever log is loaded.
    let custom = Challenge::StatusAt {
        order_id: 2,
        at: at(5, 17, 0, 30),
    };
    assert_eq!(custom.needs(), LogNeeded::Any);
    assert_eq!(
        custom.prompt(),
        "What was order 2's status at 17:00:30 UTC on 5 March 2024?"
    );
}

// ---- Status at a moment ------------------------------------------------------------------

#[test]
fn order_3_was_paid_at_noon_on_5_march_though_it_is_shipped_now() {
    let log = blog_example();
    let challenge = standard("status-at");
    let right = challenge.check(&log, &pick(OrderStatus::Paid));
    assert_eq!(
        right,
        Verdict::Right(
            "Right: order 3 was Paid at 12:00 UTC on 5 March 2024. Its last event by then was \
             event 6 (OrderPaid, 2024-03-05 10:06:10); it is Shipped now."
                .into()
        )
    );
    for text in ["paid", "  PAID ", "Paid"] {
        assert!(challenge.check(&log, &typed(text)).is_right(), "{text}");
    }
    assert_eq!(
        challenge.check(&log, &pick(OrderStatus::Shipped)),
        Verdict::Wrong(
            "Shipped is order 3's status now, not then. The traditional table only knows the \
             present; the log knows every moment."
                .into()
        )
    );
    assert_eq!(
        challenge.check(&log, &pick(OrderStatus::Placed)).message(),
        "No: order 3 was not Placed at that moment."
    );
    assert!(!challenge
        .check(&log, &ChallengeAnswer::Status(StatusChoice::NotPlacedYet))
        .is_right());
    assert!(matches!(
        challenge.check(&log, &typed("banana")),
        Verdict::Unreadable(_)
    ));
    let AnswerKind::PickStatus(choices) = challenge.answer_kind(&log) else {
        panic!("a status is picked")
    };
    assert_eq!(choices.len(), 7);
    assert_eq!(choices[0].label(), "Not placed yet");
}

#[test]
fn the_status_is_read_from_the_log_at_that_exact_moment() {
    let log = blog_example();
    let status_at = |order_id, when| {
        let challenge = Challenge::StatusAt { order_id, at: when };
        let all = std::iter::once(StatusChoice::NotPlacedYet)
            .chain(OrderStatus::ALL.map(StatusChoice::Is));
        let right: Vec<StatusChoice> = all
            .filter(|c| {
                challenge
                    .check(&log, &ChallengeAnswer::Status(*c))
                    .is_right()
            })
            .collect();
        assert_eq!(right.len(), 1, "exactly one status is right");
        right[0]
    };
    // An event stamped exactly then has happened; one second earlier it had not.
    assert_eq!(
        status_at(3, at(5, 10, 6, 10)),
        StatusChoice::Is(OrderStatus::Paid)
    );
    assert_eq!(
        status_at(3, at(5, 10, 6, 9)),
        StatusChoice::Is(OrderStatus::Placed)
    );
    assert_eq!(status_at(3, at(5, 10, 4, 59)), StatusChoice::NotPlacedYet);
    assert_eq!(
        status_at(1, at(9, 0, 0, 0)),
        StatusChoice::Is(OrderStatus::Delivered)
    );
    // On the bug story, order 3 did not exist yet on 5 March: that is the log's answer.
    let verdict = standard("status-at").check(
        &bug_story(),
        &ChallengeAnswer::Status(StatusChoice::NotPlacedYet),
    );
    assert_eq!(
        verdict.message(),
        "Right: order 3 had not been placed yet at 12:00 UTC on 5 March 2024."
    );
    assert_eq!(
        standard("status-at").check(&[], &pick(OrderStatus::Paid)),
        Verdict::NeedsAnotherLog("This log has no order 3. Load the blog example first.".into())
    );
}

// ---- Who set PaymentProblem --------------------------------------------------------------

#[test]
fn the_packaging_step_set_payment_problem_on_order_2_at_13_47() {
    let log = bug_story();
    let challenge = standard("problem-source");
    let AnswerKind::PickSourceTypeTime(sources) = challenge.answer_kind(&log) else {
        panic!("a source is picked")
    };
    assert!(sources.contains(&BUG_SOURCE.to_string()));
    assert_eq!(sources.len(), 5, "{sources:?}");
    assert!(
        sources.windows(2).all(|w| w[0] < w[1]),
        "sorted, no repeats"
    );

    let expected = "Right: event 8 (PaymentProblemReported) came from packaging-service v2.3 \
                    (label printer step) at 2024-03-11 13:47:12. The traditional row only says \
                    PaymentProblem.";
    for time in [
        "13:47",
        "13:47:12",
        " 13.47 ",
        "1:47 pm",
        "1:47PM",
        "2024-03-11 13:47:12",
        "2024-03-11T13:47:12Z",
        "13:47 UTC",
    ] {
        assert_eq!(
            challenge.check(&log, &source_at(BUG_SOURCE, time)),
            Verdict::Right(expected.into()),
            "{time}"
        );
    }
    let shouting = BUG_SOURCE.to_uppercase().replace(' ', "  ");
    assert!(challenge
        .check(&log, &source_at(&shouting, "13:47"))
        .is_right());

    let wrong = |source, time| challenge.check(&log, &source_at(source, time));
    assert_eq!(
        wrong(BUG_SOURCE, "13:47:13").message(),
        "The service is right, but not the time: read the event's event_timestamp."
    );
    assert!(!wrong(BUG_SOURCE, "2024-03-12 13:47").is_right());
    assert!(!wrong(BUG_SOURCE, "1:47 am").is_right());
    assert_eq!(
        wrong("payment-provider webhook", "13:47").message(),
        "The time is right, but that service did not set it."
    );
    assert_eq!(
        wrong("fraud-check service", "09:31").message(),
        "Neither the service nor the time is right."
    );
    for unreadable in [
        "",
        "13",
        "13:5",
        "25:00",
        "13:47:61",
        "13 pm",
        "noon",
        "2024-13-01 13:47",
    ] {
        assert!(
            matches!(wrong(BUG_SOURCE, unreadable), Verdict::Unreadable(_)),
            "{unreadable}"
        );
    }
    assert!(matches!(wrong(" ", "13:47"), Verdict::Unreadable(_)));
    assert!(matches!(
        challenge.check(&log, &typed("13:47")),
        Verdict::Unreadable(_)
    ));
}

#[test]
fn the_source_is_read_from_the_log_not_remembered() {
    assert_eq!(
        standard("problem-source").check(&blog_example(), &source_at(BUG_SOURCE, "13:47")),
        Verdict::NeedsAnotherLog(
            "No event in this log sets PaymentProblem on order 2. Load the bug story first.".into()
        )
    );
    // A generated log's gateway reports: whichever order has one, its source and time answer.
    let log = generate_log(400, 7);
    let report = log
        .iter()
        .find(|e| matches!(e.event, OrderEvent::PaymentProblemReported { .. }))
        .expect("the generator reports problems now and then");
    let challenge = Challenge::ProblemSource {
        order_id: report.order_id,
    };
    let time = report.event_timestamp.format("%H:%M:%S").to_string();
    assert!(challenge
        .check(&log, &source_at("payment-gateway", &time))
        .is_right());
    assert!(!challenge
        .check(&log, &source_at(BUG_SOURCE, &time))
        .is_right());
}

// ---- Values lost -------------------------------------------------------------------------

#[test]
fn the_blog_table_has_overwritten_six_values() {
    let log = blog_example();
    let challenge = standard("values-lost");
    assert_eq!(challenge.answer_kind(&log), AnswerKind::TypeNumber);
    assert_eq!(TraditionalTable::rebuild(&log).overwritten_count(), 6);
    for text in ["6", " 6 ", "6 values"] {
        assert_eq!(
            challenge.check(&log, &typed(text)),
            Verdict::Right(
                "Right: the table has overwritten 6 values so far, and kept none of them; the \
                 log still holds all 10 events."
                    .into()
            )
        );
    }
    assert_eq!(
        challenge.check(&log, &typed("10")).message(),
        "That is how many events the log holds, and the log loses none. Count what the table \
         overwrote."
    );
    assert!(!challenge.check(&log, &typed("4")).is_right());
    assert!(matches!(
        challenge.check(&log, &typed("six")),
        Verdict::Unreadable(_)
    ));
    // The count follows the log: the bug story's table has overwritten 7.
    assert!(challenge.check(&bug_story(), &typed("7")).is_right());
    assert!(challenge.check(&[], &typed("0")).is_right());
}

#[test]
fn typed_counts_and_times_are_read_forgivingly_but_never_guessed() {
    assert_eq!(parse_count("1,234"), Ok(1234));
    assert_eq!(parse_count("1 234 567"), Ok(1_234_567));
    assert_eq!(parse_count("12 values"), Ok(12));
    assert_eq!(parse_count("1 value"), Ok(1));
    for bad in [
        "",
        "1,5",
        "12,34",
        "-3",
        "3.0",
        "１２",
        "99999999999999999999999",
    ] {
        assert!(parse_count(bad).is_err(), "{bad}");
    }
    let time = parse_time("12:05 am").unwrap();
    assert_eq!((time.hour, time.minute, time.second), (0, 5, None));
    assert_eq!(parse_time("12:05 pm").unwrap().hour, 12);
    assert!(parse_time("13:05 pm").is_err());
    assert!(parse_time("0:05 am").is_err());
    // A date as the page writes it, month and day in one or two digits, and a real day.
    let dated = parse_time("2024-3-1 13:47").unwrap();
    assert_eq!(dated.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 1));
    for bad in [
        "24-03-11 13:47",
        "2024-02-30 13:47",
        "2024-03 13:47",
        "2024-03-11-1 13:47",
        "2024-+3-11 13:47",
    ] {
        assert!(parse_time(bad).is_err(), "{bad}");
    }
    assert_eq!(
        parse_status("payment problem"),
        Ok(StatusChoice::Is(OrderStatus::PaymentProblem))
    );
    assert_eq!(
        parse_status("Not placed yet"),
        Ok(StatusChoice::NotPlacedYet)
    );
    assert!(parse_status("shipping").is_err());
}

// ---- Sets and their share text -----------------------------------------------------------

#[test]
fn a_set_is_shared_as_a_short_text() {
    let set = ChallengeSet::standard();
    assert_eq!(set.to_string(), "status-at,problem-source,values-lost");
    assert_eq!(
        ChallengeSet::parse(" Status-At , VALUES-LOST"),
        ChallengeSet::new(vec![standard("status-at"), standard("values-lost"),])
    );
    let custom = "values-lost,status-at:4@2024-03-06T12:00:00Z,problem-source:3";
    let parsed: ChallengeSet = custom.parse().unwrap();
    assert_eq!(
        parsed.challenges()[1],
        Challenge::StatusAt {
            order_id: 4,
            at: at(6, 12, 0, 0)
        }
    );
    assert_eq!(parsed.to_string(), custom);
    // The examples' own parameters are written as the bare name.
    assert_eq!(
        ChallengeSet::parse("status-at:3@2024-03-05T13:00:00+01:00")
            .unwrap()
            .to_string(),
        "status-at"
    );
}

#[test]
fn a_broken_set_text_is_refused_with_a_reason() {
    use ChallengeSetError::*;
    let refused = |text: &str| ChallengeSet::parse(text).unwrap_err();
    assert_eq!(refused("  "), Empty);
    assert_eq!(
        refused("status-at,,values-lost"),
        EmptyEntry { position: 2 }
    );
    assert_eq!(refused("status-at,teleport"), Unknown("teleport".into()));
    assert_eq!(
        refused("values-lost,Values-Lost"),
        Duplicate("values-lost".into())
    );
    assert_eq!(
        refused("status-at,status-at:3@2024-03-05T12:00:00Z"),
        Duplicate("status-at".into())
    );
    assert!(matches!(refused("values-lost:3"), BadParameter { .. }));
    assert!(matches!(
        refused("status-at:x@2024-03-05T12:00:00Z"),
        BadParameter { .. }
    ));
    assert!(matches!(refused("status-at:3@noon"), BadParameter { .. }));
    assert!(matches!(refused("problem-source:-1"), BadParameter { .. }));
    let nine: Vec<String> = (1..=9).map(|i| format!("problem-source:{i}")).collect();
    assert_eq!(refused(&nine.join(",")), TooMany { count: 9, max: 8 });
    let long = "values-lost,".repeat(50);
    assert_eq!(
        refused(&long),
        TooLong {
            chars: 600,
            max: MAX_SET_CHARS
        }
    );
    assert_eq!(
        refused("status-at,teleport").to_string(),
        "\u{201c}teleport\u{201d} is not a challenge (known: status-at, problem-source, values-lost)."
    );
    assert_eq!(ChallengeSet::new(vec![]), Err(Empty));
}

fn challenge() -> impl Strategy<Value = Challenge> {
    prop_oneof![
        (
            any::<u64>(),
            -62_135_596_800i64..253_402_300_799,
            prop_oneof![Just(0u32), 0u32..1_000_000_000]
        )
            .prop_map(|(order_id, secs, nanos)| Challenge::StatusAt {
                order_id,
                at: DateTime::from_timestamp(secs, nanos).unwrap(),
            }),
        any::<u64>().prop_map(|order_id| Challenge::ProblemSource { order_id }),
        Just(Challenge::ValuesLost),
        prop::sample::select(Challenge::standard().to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_set_round_trips_through_its_text(challenges in prop::collection::vec(challenge(), 1..=MAX_CHALLENGES)) {
        let Ok(set) = ChallengeSet::new(challenges.clone()) else {
            // Refused only for a repeat.
            prop_assert!(challenges.iter().enumerate().any(|(i, c)| challenges[..i].contains(c)));
            return Ok(());
        };
        let text = set.to_string();
        prop_assert!(text.chars().count() <= MAX_SET_CHARS, "{}", text);
        prop_assert_eq!(ChallengeSet::parse(&text), Ok(set));
    }

    #[test]
    fn parsing_any_text_never_panics(text in "\\PC{0,80}|[a-z:@,0-9TZ -]{0,80}") {
        if let Ok(set) = ChallengeSet::parse(&text) {
            prop_assert_eq!(ChallengeSet::parse(&set.to_string()), Ok(set));
        }
    }

    /// Checked against whatever log is on the page: exactly one count, and exactly one status
    /// at any moment, is right.
    #[test]
    fn exactly_the_logs_answer_is_right(commands in commands(), order_id in 1u64..=6, minutes in 0i64..100_000, guess in 0u64..40) {
        let log = run(&commands).log;
        let lost = TraditionalTable::rebuild(&log).overwritten_count();
        let verdict = Challenge::ValuesLost.check(&log, &ChallengeAnswer::Text(guess.to_string()));
        prop_assert_eq!(verdict.is_right(), guess == lost);
        prop_assert!(Challenge::ValuesLost.check(&log, &ChallengeAnswer::Text(lost.to_string())).is_right());

        let when = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap() + chrono::Duration::minutes(minutes);
        let challenge = Challenge::StatusAt { order_id, at: when };
        let choices = std::iter::once(StatusChoice::NotPlacedYet).chain(OrderStatus::ALL.map(StatusChoice::Is));
        let verdicts: Vec<Verdict> = choices.map(|c| challenge.check(&log, &ChallengeAnswer::Status(c))).collect();
        if log.iter().any(|e| e.order_id == order_id) {
            prop_assert_eq!(verdicts.iter().filter(|v| v.is_right()).count(), 1);
            let then = state_at(&log, log.iter().take_while(|e| e.event_timestamp <= when).count()).order(order_id);
            let expected = then.status.map_or(StatusChoice::NotPlacedYet, StatusChoice::Is);
            prop_assert!(challenge.check(&log, &ChallengeAnswer::Status(expected)).is_right());
        } else {
            prop_assert!(verdicts.iter().all(|v| matches!(v, Verdict::NeedsAnotherLog(_))));
        }
    }
}
