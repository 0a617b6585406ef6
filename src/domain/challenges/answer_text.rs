//! Reading typed answers: forgiving about case, spaces and common ways of writing, but never
//! guessing. Each parser says how to write the answer when it cannot read it.

use super::StatusChoice;
use crate::domain::OrderStatus;
use chrono::{DateTime, NaiveDate, Timelike, Utc};

/// A typed time of day, perhaps with a date and seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypedTime {
    pub date: Option<NaiveDate>,
    pub hour: u32,
    pub minute: u32,
    pub second: Option<u32>,
}

impl TypedTime {
    /// Whether `at` (UTC) is this time: to the minute when no seconds were typed, to the second
    /// when they were, and on the typed date if one was typed.
    pub fn matches(&self, at: DateTime<Utc>) -> bool {
        self.date.is_none_or(|d| d == at.date_naive())
            && self.hour == at.hour()
            && self.minute == at.minute()
            && self.second.is_none_or(|s| s == at.second())
    }
}

const HOW_TO_WRITE_A_TIME: &str =
    "Type the time as the page shows it (UTC), for example 13:47 or 13:47:12.";

/// Reads "13:47", "13:47:12", "1:47 pm", "13.47", "2024-03-11 13:47:12" or
/// "2024-03-11T13:47:12Z" (a trailing "UTC" or "Z" is fine: every time on the page is UTC).
pub fn parse_time(text: &str) -> Result<TypedTime, &'static str> {
    let mut t = text.trim().to_ascii_lowercase();
    for suffix in [" utc", "utc", "z"] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.trim_end().to_string();
            break;
        }
    }
    let (date, time) = match t.split_once(['t', ' ']) {
        Some((date, time)) if date.contains('-') => {
            let date = parse_date(date)
                .ok_or("Write a date as on the page, for example 2024-03-11, or leave it out.")?;
            (Some(date), time.trim())
        }
        _ => (None, t.as_str()),
    };
    let (time, half) = match (time.strip_suffix("am"), time.strip_suffix("pm")) {
        (Some(rest), _) => (rest.trim_end(), Some(0)),
        (_, Some(rest)) => (rest.trim_end(), Some(12)),
        _ => (time, None),
    };
    let parts: Vec<&str> = time.split([':', '.']).collect();
    // Hours in one or two digits; minutes and seconds in two ("13:5" could mean :05 or :50).
    let number = |s: &str, widths| digits(s, widths).ok_or(HOW_TO_WRITE_A_TIME);
    let (hour, minute, second) = match parts[..] {
        [h, m] => (number(h, 1..=2)?, number(m, 2..=2)?, None),
        [h, m, s] => (
            number(h, 1..=2)?,
            number(m, 2..=2)?,
            Some(number(s, 2..=2)?),
        ),
        _ => return Err(HOW_TO_WRITE_A_TIME),
    };
    let hour = match half {
        // 12 am is midnight, 12 pm is noon.
        Some(offset) if (1..=12).contains(&hour) => hour % 12 + offset,
        Some(_) => return Err("With am or pm, the hour is 1 to 12."),
        None => hour,
    };
    if hour > 23 || minute > 59 || second.is_some_and(|s| s > 59) {
        return Err("That is not a time of day: hours go to 23, minutes and seconds to 59.");
    }
    Ok(TypedTime {
        date,
        hour,
        minute,
        second,
    })
}

/// Reads a status name in any case, with or without spaces ("payment problem"), or "not
/// placed (yet)".
pub fn parse_status(text: &str) -> Result<StatusChoice, &'static str> {
    let squashed: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    if squashed == "notplaced" || squashed == "notplacedyet" {
        return Ok(StatusChoice::NotPlacedYet);
    }
    OrderStatus::ALL
        .into_iter()
        .find(|s| s.as_str().to_lowercase() == squashed)
        .map(StatusChoice::Is)
        .ok_or("Pick a status, or type one: Placed, Paid, PaymentProblem, Shipped, Delivered, Cancelled or Not placed yet.")
}

/// Reads a whole number: "12", "1,234", "1 234", or "12 values".
pub fn parse_count(text: &str) -> Result<u64, &'static str> {
    const HOW: &str = "Type a whole number, for example 12.";
    let t = text.trim();
    let t = t
        .strip_suffix("values")
        .or_else(|| t.strip_suffix("value"))
        .unwrap_or(t)
        .trim_end();
    let groups: Vec<&str> = t.split([',', ' ', '\u{a0}', '\u{202f}']).collect();
    let digits = |g: &&str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    // Thousands separators only between groups of three: "1,5" is not a count.
    let grouped =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !groups.iter().all(digits) || !grouped {
        return Err(HOW);
    }
    groups.concat().parse().map_err(|_| HOW)
}

/// "2024-03-11", or as typed, "2024-3-5" (month and day in one or two digits): a learner's
/// answer is read forgivingly, unlike a stored time. By hand: chrono's parser would add
/// kilobytes to the download.
fn parse_date(text: &str) -> Option<NaiveDate> {
    match text.split('-').collect::<Vec<_>>()[..] {
        [y, m, d] => NaiveDate::from_ymd_opt(
            digits(y, 4..=4)? as i32,
            digits(m, 1..=2)?,
            digits(d, 1..=2)?,
        ),
        _ => None,
    }
}

/// `s` as a number, if it is nothing but digits and as many of them as `widths` allows.
fn digits(s: &str, widths: std::ops::RangeInclusive<usize>) -> Option<u32> {
    let fits = widths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    fits.then(|| s.parse().ok()).flatten()
}
