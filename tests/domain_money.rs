#![cfg(not(target_arch = "wasm32"))]
//! Typed amounts: a decimal point or a decimal comma, thousands separators, and never a silent
//! guess that could be a hundred or a thousand times off.

use event_sourcing_demo::domain::{Money, MoneyParseError};
use proptest::prelude::*;

fn cents(text: &str) -> Result<i64, MoneyParseError> {
    Money::parse(text).map(Money::cents)
}

#[test]
fn a_decimal_point_or_a_decimal_comma_reads_the_same() {
    for (text, want) in [
        ("49.90", 4990),
        ("49,90", 4990),
        ("1,50", 150),
        ("1,5", 150),
        ("1.5", 150),
        ("50", 5000),
        (" $12.30 ", 1230),
        ("-0,05", -5),
        (".5", 50),
    ] {
        assert_eq!(cents(text), Ok(want), "{text}");
    }
}

#[test]
fn thousands_separators_are_read_when_the_decimal_mark_is_clear() {
    for (text, want) in [
        ("1,000.00", 100_000),
        ("1.000,00", 100_000),
        ("1,234,567", 123_456_700),
        ("12,345.6", 1_234_560),
        ("1.234.567,89", 123_456_789),
    ] {
        assert_eq!(cents(text), Ok(want), "{text}");
    }
}

#[test]
fn a_lone_comma_before_three_digits_is_refused_not_guessed() {
    assert_eq!(
        cents("1,500"),
        Err(MoneyParseError::Ambiguous("1,500".into()))
    );
    assert_eq!(
        Money::parse("1,500").unwrap_err().to_string(),
        "“1,500” could mean a thousand times more or less: write it without a thousands separator (1500) or with two decimals (1.50)."
    );
}

#[test]
fn malformed_amounts_are_refused_with_their_reason() {
    assert_eq!(cents(""), Err(MoneyParseError::Empty));
    assert_eq!(cents("12.345"), Err(MoneyParseError::TooManyDecimals));
    assert_eq!(cents("1,2345"), Err(MoneyParseError::NotANumber));
    assert_eq!(cents("12,34,56"), Err(MoneyParseError::NotANumber));
    assert_eq!(cents("1,00,000.00"), Err(MoneyParseError::NotANumber));
    assert_eq!(cents("1.2.3"), Err(MoneyParseError::NotANumber));
    assert_eq!(cents("1,2,3.4,5"), Err(MoneyParseError::NotANumber));
    assert_eq!(cents("12a"), Err(MoneyParseError::NotANumber));
    assert_eq!(
        cents("99999999999999999999"),
        Err(MoneyParseError::TooLarge)
    );
}

proptest! {
    /// Whatever the cents, printing with a point, with a comma, or with grouping reads back.
    #[test]
    fn every_way_of_writing_an_amount_reads_back(cents in 0i64..10_000_000_000) {
        let point = Money(cents).to_string();
        prop_assert_eq!(Money::parse(&point), Ok(Money(cents)));
        prop_assert_eq!(Money::parse(&point.replace('.', ",")), Ok(Money(cents)));
        let (whole, frac) = point.split_once('.').unwrap();
        let grouped = whole
            .as_bytes()
            .rchunks(3)
            .rev()
            .map(|g| std::str::from_utf8(g).unwrap())
            .collect::<Vec<_>>();
        prop_assert_eq!(Money::parse(&format!("{}.{frac}", grouped.join(","))), Ok(Money(cents)));
        prop_assert_eq!(Money::parse(&format!("{},{frac}", grouped.join("."))), Ok(Money(cents)));
    }

    /// No text makes the parser panic.
    #[test]
    fn any_text_is_read_or_refused(text in "[-$0-9.,a ]{0,16}") {
        let _ = Money::parse(&text);
    }
}
