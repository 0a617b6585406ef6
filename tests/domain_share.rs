#![cfg(not(target_arch = "wasm32"))]
//! Share links: a log packed into `#scenario=...` and back. Given a log, when it is encoded and
//! decoded, then it is the same log; given a broken or hostile link, then it is refused.

use chrono::{DateTime, Duration, TimeZone, Utc};
use event_sourcing_demo::domain::*;
use proptest::prelude::*;

fn round_trip(log: &[RecordedEvent]) -> Vec<RecordedEvent> {
    let payload = encode_scenario(log).expect("a valid log encodes");
    decode_scenario(&payload).expect("its own link decodes")
}

#[test]
fn the_blog_example_survives_a_link_and_the_link_is_short() {
    let log = blog_example();
    assert_eq!(round_trip(&log), log);
    let fragment = scenario_fragment(&log).unwrap();
    assert!(fragment.starts_with("#scenario="));
    // Short enough to paste into a chat or put on a slide as a QR code.
    assert!(fragment.len() < 400, "{} characters", fragment.len());
    // Only URL-safe characters: nothing for a browser or chat tool to escape.
    let payload = scenario_payload(&fragment).unwrap();
    assert!(payload
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
}

#[test]
fn the_bug_story_keeps_its_culprit_source_and_time() {
    let log = bug_story();
    let back = round_trip(&log);
    assert_eq!(back, log);
    let culprit = &back[bug_story_culprit() as usize - 1];
    assert!(matches!(&culprit.event,
        OrderEvent::PaymentProblemReported { source, .. } if source == BUG_SOURCE));
}

#[test]
fn five_thousand_generated_events_fit_in_a_link() {
    let log = generate_log(5_000, 7);
    let payload = encode_scenario(&log).unwrap();
    assert!(payload.len() <= MAX_SCENARIO_CHARS);
    assert_eq!(decode_scenario(&payload).unwrap(), log);
}

#[test]
fn a_log_too_long_for_a_link_is_refused_not_cut() {
    let log = generate_log(10_000, 7);
    assert!(matches!(
        encode_scenario(&log),
        Err(ShareError::TooLong {
            max: MAX_SCENARIO_CHARS,
            ..
        })
    ));
}

#[test]
fn times_keep_their_precision_down_to_the_nanosecond() {
    let at = |nanos: i64| Utc.timestamp_nanos(1_700_000_000_123_456_789 + nanos);
    let mut log = LogBuilder::new();
    let place = Command::PlaceOrder {
        customer_id: "Ada".into(),
        total_amount: Money(4990),
    };
    log.execute(1, &place, at(0)).unwrap();
    // Time may run backwards between events (clocks are set by people).
    log.execute(1, &Command::PayOrder, at(-5_000_000_007))
        .unwrap();
    let log = log.into_events();
    assert_eq!(round_trip(&log), log);
}

#[test]
fn times_far_from_1970_survive() {
    let mut log = LogBuilder::new();
    let place = Command::PlaceOrder {
        customer_id: "Ada".into(),
        total_amount: Money(1),
    };
    let early: DateTime<Utc> = DateTime::<Utc>::MIN_UTC;
    log.execute(1, &place, early).unwrap();
    log.execute(1, &Command::PayOrder, DateTime::<Utc>::MAX_UTC)
        .unwrap();
    let log = log.into_events();
    // The latest representable time has nanoseconds that no i64 count of nanoseconds since
    // 1970 holds: such logs are kept to the millisecond, which is what a browser records.
    let back = round_trip(&log);
    for (a, b) in back.iter().zip(&log) {
        assert_eq!(
            a.event_timestamp.timestamp_millis(),
            b.event_timestamp.timestamp_millis()
        );
    }
}

#[test]
fn an_empty_log_cannot_be_shared() {
    assert_eq!(encode_scenario(&[]), Err(ShareError::Empty));
}

#[test]
fn a_log_the_rules_could_not_have_written_is_not_shared() {
    let mut log = blog_example();
    log[1].event = OrderEvent::OrderPaid { amount: Money(1) };
    assert!(matches!(encode_scenario(&log), Err(ShareError::Invalid(_))));
}

#[test]
fn fragments_that_are_not_share_links_are_ignored() {
    assert_eq!(scenario_payload(""), None);
    assert_eq!(scenario_payload("#"), None);
    assert_eq!(scenario_payload("#databases"), None);
    assert_eq!(scenario_payload("#scenario=abc"), Some("abc"));
    assert_eq!(scenario_payload("scenario=abc"), Some("abc"));
}

#[test]
fn broken_links_are_refused_with_a_reason() {
    let payload = encode_scenario(&blog_example()).unwrap();
    let refuse = |text: &str| decode_scenario(text).unwrap_err();
    assert_eq!(refuse(""), ShareError::Truncated);
    assert_eq!(refuse("abc$def"), ShareError::NotBase64 { position: 4 });
    assert_eq!(refuse("ab=="), ShareError::NotBase64 { position: 3 });
    // Cut off anywhere: refused, never a shorter log.
    for cut in 0..payload.len() {
        assert!(decode_scenario(&payload[..cut]).is_err(), "cut at {cut}");
    }
    // Data after the end.
    let mut longer = payload.clone();
    longer.push_str("AAAA");
    assert_eq!(refuse(&longer), ShareError::TrailingData);
    // Oversized input is refused before it is decoded.
    let huge = "A".repeat(MAX_SCENARIO_CHARS + 1);
    assert!(matches!(refuse(&huge), ShareError::TooLong { .. }));
    // A newer format.
    assert_eq!(refuse("Ag"), ShareError::UnsupportedFormat(2));
}

/// Bytes to a payload, for hand-made hostile links.
fn payload_of(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = String::new();
    for b in bytes {
        bits.push_str(&format!("{b:08b}"));
    }
    while bits.len() % 6 != 0 {
        bits.push('0');
    }
    bits.as_bytes()
        .chunks(6)
        .map(|six| {
            let i = u8::from_str_radix(std::str::from_utf8(six).unwrap(), 2).unwrap();
            ALPHABET[i as usize] as char
        })
        .collect()
}

#[test]
fn hostile_links_are_refused_without_allocating_what_they_claim() {
    // Format 1, milliseconds, "a billion texts" but nothing after: refused as cut off.
    let claims = payload_of(&[1, 0, 0x80, 0x94, 0xeb, 0xdc, 0x03]);
    assert_eq!(decode_scenario(&claims), Err(ShareError::Truncated));
    // An eleven-byte varint.
    let endless = payload_of(&[
        1, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1,
    ]);
    assert_eq!(decode_scenario(&endless), Err(ShareError::NumberTooLarge));
    // No texts, one event of an unknown type.
    let unknown = payload_of(&[1, 0, 0, 1, 9, 1, 0]);
    assert_eq!(
        decode_scenario(&unknown),
        Err(ShareError::UnknownEventType(9))
    );
    // A customer that points at a text the link does not hold.
    let dangling = payload_of(&[1, 0, 0, 1, 0, 1, 0, 5, 2]);
    assert_eq!(decode_scenario(&dangling), Err(ShareError::BadTextIndex));
    // Invalid UTF-8 in a text.
    let bad_text = payload_of(&[1, 0, 1, 2, 0xc3, 0x28, 1, 0, 1, 0, 0, 2]);
    assert_eq!(decode_scenario(&bad_text), Err(ShareError::BadText));
    // No events at all.
    assert_eq!(
        decode_scenario(&payload_of(&[1, 0, 0, 0])),
        Err(ShareError::Empty)
    );
    // A time beyond what a calendar holds.
    let far = payload_of(&[
        1, 0, 1, 1, b'a', 1, 0, 1, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 0, 2,
    ]);
    assert_eq!(decode_scenario(&far), Err(ShareError::BadTime));
}

#[test]
fn a_link_that_breaks_the_rules_is_refused_naming_the_event() {
    // One text "Ada"; event 1 places order 1 (total 1.00); event 2 delivers it, unshipped.
    let bytes = [1, 0, 1, 3, b'A', b'd', b'a', 2, 0, 1, 0, 0, 200, 1, 3, 1, 2];
    match decode_scenario(&payload_of(&bytes)) {
        Err(ShareError::Refused {
            position,
            rejection,
        }) => {
            assert_eq!(position, 2);
            assert!(matches!(rejection, Rejection::WrongStatus { .. }));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // A total the rules refuse (zero).
    let zero = [1, 0, 1, 3, b'A', b'd', b'a', 1, 0, 1, 0, 0, 0];
    assert!(matches!(
        decode_scenario(&payload_of(&zero)),
        Err(ShareError::Refused { position: 1, .. })
    ));
}

#[test]
fn every_error_reads_as_a_sentence() {
    let errors = [
        decode_scenario("").unwrap_err(),
        decode_scenario("a$").unwrap_err(),
        decode_scenario("Ag").unwrap_err(),
        decode_scenario(&"A".repeat(MAX_SCENARIO_CHARS + 1)).unwrap_err(),
    ];
    for error in errors {
        let text = error.to_string();
        assert!(text.ends_with('.'), "{text}");
        assert!(text.chars().next().unwrap().is_uppercase(), "{text}");
    }
}

fn any_log() -> impl Strategy<Value = Vec<RecordedEvent>> {
    (1usize..120, any::<u64>()).prop_map(|(n, seed)| generate_log(n, seed))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_valid_log_round_trips(log in any_log()) {
        prop_assert_eq!(round_trip(&log), log);
    }

    #[test]
    fn shifted_times_round_trip(log in any_log(), shift in -1_000_000_000i64..1_000_000_000) {
        let shifted: Vec<RecordedEvent> = log.into_iter().map(|mut e| {
            e.event_timestamp += Duration::milliseconds(shift);
            e
        }).collect();
        prop_assert_eq!(round_trip(&shifted), shifted);
    }

    /// Whatever a link holds, decoding never panics, and what it accepts is a valid history.
    #[test]
    fn any_text_is_refused_or_a_valid_history(text in "[A-Za-z0-9_-]{0,200}") {
        if let Ok(log) = decode_scenario(&text) {
            prop_assert!(validate_log(&log).is_ok());
            prop_assert!(!log.is_empty());
        }
    }

    /// One changed character: refused, or still a valid (possibly different) history.
    #[test]
    fn a_mangled_link_is_refused_or_valid(at in any::<prop::sample::Index>(), c in "[A-Za-z0-9_-]") {
        let payload = encode_scenario(&blog_example()).unwrap();
        let i = at.index(payload.len());
        let mangled = format!("{}{}{}", &payload[..i], c, &payload[i + 1..]);
        if let Ok(log) = decode_scenario(&mangled) {
            prop_assert!(validate_log(&log).is_ok());
        }
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode_scenario(&payload_of(&bytes));
    }
}
