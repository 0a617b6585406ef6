//! Every storage key the app uses, in one place. All keys live under [`PREFIX`], so a future
//! format can move to `event-sourcing-demo/v2/` without ever reading or touching v1 data, and
//! other apps on the same origin (a GitHub Pages user site shares one origin) are left alone.

use crate::domain::OrderId;

/// The namespace and format version of every key this build reads or writes.
pub const PREFIX: &str = "event-sourcing-demo/v1/";

/// The log's head record: the commit point of every append.
pub fn head() -> String {
    format!("{PREFIX}log/head")
}

/// Segment `index` of the log generation `epoch`: a JSON array of encoded events.
pub fn segment(epoch: &str, index: u64) -> String {
    format!("{PREFIX}log/seg/{epoch}/{index}")
}

/// One row of the traditional `orders` table, changed in place.
pub fn order_row(order_id: OrderId) -> String {
    format!("{PREFIX}orders/{order_id}")
}

/// Where raw data found damaged at start-up is preserved, verbatim.
pub fn backup(stamp: &str) -> String {
    format!("{PREFIX}backup/{stamp}")
}

/// What a key under [`PREFIX`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyKind {
    Head,
    Segment {
        epoch: String,
        index: u64,
    },
    OrderRow(OrderId),
    Backup,
    /// Under our prefix but not a name this build ever writes.
    Unknown,
}

/// Classifies `key`; `None` when it is not ours at all (other apps, other format versions).
pub fn classify(key: &str) -> Option<KeyKind> {
    let rest = key.strip_prefix(PREFIX)?;
    let kind = if rest == "log/head" {
        KeyKind::Head
    } else if let Some(seg) = rest.strip_prefix("log/seg/") {
        match seg.split_once('/') {
            Some((epoch, index)) if is_epoch(epoch) => match parse_index(index) {
                Some(index) => KeyKind::Segment {
                    epoch: epoch.to_string(),
                    index,
                },
                None => KeyKind::Unknown,
            },
            _ => KeyKind::Unknown,
        }
    } else if let Some(id) = rest.strip_prefix("orders/") {
        parse_index(id).map_or(KeyKind::Unknown, KeyKind::OrderRow)
    } else if rest.starts_with("backup/") {
        KeyKind::Backup
    } else {
        KeyKind::Unknown
    };
    Some(kind)
}

/// Whether a `storage` event for `key` concerns this app (the UI ignores everything else).
pub fn is_ours(key: &str) -> bool {
    key.starts_with(PREFIX)
}

/// Epochs are short lowercase alphanumeric ids, safe inside a key.
pub fn is_epoch(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 32
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// A canonical decimal number ("7", not "07" or "+7").
fn parse_index(text: &str) -> Option<u64> {
    let canonical = !text.is_empty()
        && text.chars().all(|c| c.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    canonical.then(|| text.parse().ok()).flatten()
}
