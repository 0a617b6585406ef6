//! Times as RFC 3339 text ("2024-03-04T09:15:00Z"), both ways, by hand. chrono's general
//! format and parse machinery cost several kilobytes of the download for this one shape;
//! the tests hold these functions to chrono's own answers.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};

/// `at` in UTC with a `Z`, its fraction of a second only when it has one (3, 6 or 9 digits, as
/// few as are exact): what chrono's `to_rfc3339_opts(SecondsFormat::AutoSi, true)` writes.
pub fn format(at: DateTime<Utc>) -> String {
    let nanos = at.nanosecond() % 1_000_000_000;
    let fraction = match nanos {
        0 => String::new(),
        n if n % 1_000_000 == 0 => format!(".{:03}", n / 1_000_000),
        n if n % 1_000 == 0 => format!(".{:06}", n / 1_000),
        n => format!(".{n:09}"),
    };
    format!("{}{fraction}Z", date_and_time(at, 'T'))
}

/// `at`'s date and time to the second, "2024-03-04" `between` "09:15:00": the part that RFC 3339
/// and the page's timestamps (`sql::timestamp_text`) share.
pub(super) fn date_and_time(at: DateTime<Utc>, between: char) -> String {
    format!(
        "{:04}-{:02}-{:02}{between}{:02}:{:02}:{:02}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Reads `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (a `t` or a space may stand for `T`, a `z`
/// for `Z`), as an instant in UTC. `None` for anything else, or for a date that does not exist.
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.as_bytes();
    let digits = |from: usize, count: usize| -> Option<u32> {
        let part = bytes.get(from..from + count)?;
        part.iter().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let at = |i: usize, expected: &[u8]| bytes.get(i).is_some_and(|b| expected.contains(b));
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(digits(0, 4)? as i32, digits(5, 2)?, digits(8, 2)?)?;
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    if second > 60 {
        return None;
    }
    let mut i = 19;
    let mut nanos = 0u32;
    if at(i, b".") {
        let start = i + 1;
        i = start;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let count = i - start;
        if count == 0 {
            return None;
        }
        // Digits past nanoseconds are read and dropped, as chrono does.
        let kept = count.min(9);
        nanos = digits(start, kept)? * 10u32.pow((9 - kept) as u32);
    }
    let offset_seconds = match bytes.get(i)? {
        b'Z' | b'z' if i + 1 == bytes.len() => 0,
        sign @ (b'+' | b'-') if i + 6 == bytes.len() && at(i + 3, b":") => {
            let (hours, minutes) = (digits(i + 1, 2)?, digits(i + 4, 2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = i64::from(hours * 3600 + minutes * 60);
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    // A leap second (60) is as chrono reads it: the last second of the minute, held longer.
    let time = NaiveTime::from_hms_nano_opt(
        hour,
        minute,
        second.min(59),
        nanos + if second == 60 { 1_000_000_000 } else { 0 },
    )?;
    let local = date.and_time(time).and_utc();
    Some(local - Duration::seconds(offset_seconds))
}

/// For `#[serde(with = "rfc3339")]` on a stored time.
pub fn serialize<S: serde::Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format(*at))
}

/// For `#[serde(with = "rfc3339")]` on a stored time.
pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = <String as serde::Deserialize>::deserialize(d)?;
    parse(&text).ok_or_else(|| serde::de::Error::custom("not an RFC 3339 time"))
}
