//! Exact money: whole cents in an `i64`, never floating point.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in cents. `Money(4990)` is 49.90.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i64);

/// Why a typed amount could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyParseError {
    Empty,
    NotANumber,
    TooManyDecimals,
    TooLarge,
    /// "1,500": a thousands separator or a decimal comma? Guessing could be a 1000x error.
    Ambiguous(String),
}

impl fmt::Display for MoneyParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Enter an amount, for example 49.90."),
            Self::NotANumber => f.write_str(
                "An amount is digits with an optional decimal point or comma, for example 49.90 or 49,90.",
            ),
            Self::TooManyDecimals => f.write_str("An amount has at most two digits after the point."),
            Self::TooLarge => f.write_str("That amount is too large."),
            Self::Ambiguous(text) => write!(
                f,
                "\u{201c}{text}\u{201d} could mean a thousand times more or less: write it without a thousands separator (1500) or with two decimals (1.50)."
            ),
        }
    }
}

impl Money {
    /// Cents as a plain integer.
    pub fn cents(self) -> i64 {
        self.0
    }

    /// Reads "49.9", "49.90", "49,90", "1,000.00", "1.000,00" or "50" (a leading "$" or "-"
    /// is allowed). A lone comma before one or two digits is a decimal comma; before three
    /// ("1,500") it could be either, so it is refused rather than guessed.
    pub fn parse(text: &str) -> Result<Money, MoneyParseError> {
        let t = text.trim().trim_start_matches('$');
        if t.is_empty() {
            return Err(MoneyParseError::Empty);
        }
        let (negative, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let plain = plain_decimal(t, text.trim())?;
        let (whole, frac) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
            return Err(MoneyParseError::NotANumber);
        }
        if frac.len() > 2 {
            return Err(MoneyParseError::TooManyDecimals);
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| MoneyParseError::TooLarge)?
        };
        let frac_cents: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().unwrap_or(0) * 10,
            _ => frac.parse().unwrap_or(0),
        };
        let cents = whole
            .checked_mul(100)
            .and_then(|c| c.checked_add(frac_cents))
            .ok_or(MoneyParseError::TooLarge)?;
        Ok(Money(if negative { -cents } else { cents }))
    }
}

/// `t` with thousands separators removed and a decimal point as the only mark ("1.234,5" ->
/// "1234.5"). Whichever of `.` and `,` comes last is the decimal mark when both appear.
fn plain_decimal(t: &str, typed: &str) -> Result<String, MoneyParseError> {
    let (commas, points) = (t.matches(',').count(), t.matches('.').count());
    let grouped = |whole: &str, separator: char| -> Result<String, MoneyParseError> {
        let mut groups = whole.split(separator);
        let first = groups.next().unwrap_or_default();
        let fits = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
        if fits {
            Ok(whole.replace(separator, ""))
        } else {
            Err(MoneyParseError::NotANumber)
        }
    };
    match (commas, points) {
        (0, _) => Ok(t.to_string()),
        (1, 0) => {
            let (whole, frac) = t.split_once(',').unwrap_or((t, ""));
            match frac.len() {
                1 | 2 => Ok(format!("{whole}.{frac}")),
                3 => Err(MoneyParseError::Ambiguous(typed.to_string())),
                _ => Err(MoneyParseError::NotANumber),
            }
        }
        // "1,000,000": only thousands separators can repeat.
        (_, 0) => grouped(t, ','),
        _ => {
            let (last_comma, last_point) = (t.rfind(',').unwrap_or(0), t.rfind('.').unwrap_or(0));
            if last_point > last_comma {
                let (whole, frac) = t.rsplit_once('.').unwrap_or((t, ""));
                Ok(format!("{}.{frac}", grouped(whole, ',')?))
            } else if points >= 1 && commas == 1 {
                let (whole, frac) = t.rsplit_once(',').unwrap_or((t, ""));
                Ok(format!("{}.{frac}", grouped(whole, '.')?))
            } else {
                Err(MoneyParseError::NotANumber)
            }
        }
    }
}

impl fmt::Display for Money {
    /// Two decimals, no currency sign: "49.90", "-0.05".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}
