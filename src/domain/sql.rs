//! PostgreSQL text for both approaches. Every user-typed value goes through `quote_literal`.

use super::Money;
use chrono::{DateTime, SecondsFormat, Utc};

/// A PostgreSQL string literal for `text`, safe under `standard_conforming_strings = on`
/// (the default since PostgreSQL 9.1): wrapped in single quotes, each `'` doubled, backslashes
/// left as they are (they are ordinary characters in such literals).
///
/// PostgreSQL text cannot hold the NUL character at all, so each NUL becomes U+FFFD
/// (the replacement character) instead of breaking the statement.
pub fn quote_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' => out.push_str("''"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A timestamp as RFC 3339 in UTC ("2024-03-04T09:15:00Z"), which `timestamptz` accepts.
pub fn timestamp_literal(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Money as a `numeric(12,2)` literal: "49.90". Only digits, a point and a sign: no quoting.
pub fn money_literal(amount: Money) -> String {
    amount.to_string()
}
