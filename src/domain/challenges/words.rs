//! Times written as the page writes them (UTC), for prompts, hints and verdicts.

use chrono::{DateTime, Datelike, Timelike, Utc};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "12:00", or "12:00:30" when the seconds matter. By hand: chrono's strftime machinery would
/// add kilobytes to the download.
pub(super) fn clock(at: DateTime<Utc>) -> String {
    match at.second() {
        0 => format!("{:02}:{:02}", at.hour(), at.minute()),
        s => format!("{:02}:{:02}:{s:02}", at.hour(), at.minute()),
    }
}

/// "5 March 2024".
pub(super) fn day(at: DateTime<Utc>) -> String {
    let month = MONTHS[at.month0() as usize];
    format!("{} {month} {}", at.day(), at.year())
}
