#![cfg(not(target_arch = "wasm32"))]
//! Times as text, written and read by hand: held to chrono's own answers, which the stored
//! logs and rows of earlier builds were written with.

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use event_sourcing_demo::domain::rfc3339;
use proptest::prelude::*;

fn chrono_read(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

#[test]
fn the_shapes_earlier_builds_wrote_read_the_same() {
    for text in [
        "2024-03-04T09:15:00Z",
        "2024-03-04T09:15:00.123Z",
        "2024-03-04T09:15:00.123456Z",
        "2024-03-04T09:15:00.123456789Z",
        "2024-03-04T09:15:00+02:00",
        "2024-03-04T09:15:00.5-05:30",
        "2024-02-29T23:59:59Z",
        "1970-01-01T00:00:00Z",
        "2024-03-04t09:15:00z",
        "2024-03-04 09:15:00Z",
    ] {
        assert_eq!(rfc3339::parse(text), chrono_read(text), "{text}");
        assert!(rfc3339::parse(text).is_some(), "{text}");
    }
}

#[test]
fn what_is_not_a_time_is_refused() {
    for text in [
        "",
        "2024-03-04",
        "2024-02-30T09:15:00Z",
        "2024-03-04T24:00:00Z",
        "2024-03-04T09:15:00",
        "2024-03-04T09:15:00.Z",
        "2024-03-04T09:15:00+2:00",
        "2024-03-04T09:15:00+24:00",
        "2024-3-4T09:15:00Z",
        "2024-03-04T09:15:00Zjunk",
        "２０２４-03-04T09:15:00Z",
    ] {
        assert_eq!(rfc3339::parse(text), None, "{text}");
        assert_eq!(chrono_read(text), None, "chrono agrees on {text}");
    }
}

proptest! {
    /// Any instant is written as chrono writes it, and reads back to itself.
    #[test]
    fn any_instant_writes_as_chrono_and_reads_back(
        seconds in 0i64..4_102_444_800,
        nanos in prop_oneof![Just(0u32), (0u32..1000).prop_map(|m| m * 1_000_000), (0u32..1_000_000).prop_map(|u| u * 1000), 0u32..1_000_000_000],
    ) {
        let at = Utc.timestamp_opt(seconds, nanos).unwrap();
        let text = rfc3339::format(at);
        prop_assert_eq!(&text, &at.to_rfc3339_opts(SecondsFormat::AutoSi, true));
        prop_assert_eq!(rfc3339::parse(&text), Some(at));
    }

    /// Any text: read the same as chrono reads it (or refused by both), never a panic.
    #[test]
    fn any_text_reads_as_chrono_reads_it(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,12})?(Z|z|[+-][0-9]{2}:[0-9]{2})") {
        prop_assert_eq!(rfc3339::parse(&text), chrono_read(&text));
    }
}
