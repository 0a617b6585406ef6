#![cfg(not(target_arch = "wasm32"))]
//! SQL rendering: quoting survives hostile text, statements have the expected shape.

use chrono::{TimeZone, Utc};
use event_sourcing_demo::domain::*;
use proptest::prelude::*;

/// Splits a statement into SQL tokens the way PostgreSQL does with
/// standard_conforming_strings on: a literal runs from `'` to the next `'` not doubled.
#[derive(Debug, PartialEq)]
enum Token {
    Literal(String),
    Other(char),
}

fn tokenize(sql: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '-' && chars.peek() == Some(&'-') {
            // A comment runs to the end of the line.
            for c in chars.by_ref() {
                if c == '\n' {
                    break;
                }
            }
            continue;
        }
        if c != '\'' {
            tokens.push(Token::Other(c));
            continue;
        }
        let mut text = String::new();
        loop {
            match chars.next() {
                None => return Err(format!("unterminated literal in {sql}")),
                Some('\'') if chars.peek() == Some(&'\'') => {
                    chars.next();
                    text.push('\'');
                }
                Some('\'') => break,
                Some(c) => text.push(c),
            }
        }
        tokens.push(Token::Literal(text));
    }
    Ok(tokens)
}

fn literals(sql: &str) -> Vec<String> {
    tokenize(sql)
        .unwrap()
        .into_iter()
        .filter_map(|t| match t {
            Token::Literal(s) => Some(s),
            Token::Other(_) => None,
        })
        .collect()
}

/// Semicolons outside literals: where PostgreSQL would end a statement.
fn statement_ends(sql: &str) -> usize {
    tokenize(sql)
        .unwrap()
        .iter()
        .filter(|t| **t == Token::Other(';'))
        .count()
}

fn placed(customer: &str) -> Vec<RecordedEvent> {
    let at = Utc.with_ymd_and_hms(2024, 3, 4, 9, 15, 0).unwrap();
    let command = Command::PlaceOrder {
        customer_id: customer.to_string(),
        total_amount: Money(4990),
    };
    decide_and_record(&Order::new(1), &command, 1, at).unwrap()
}

#[test]
fn quote_literal_doubles_single_quotes_and_keeps_backslashes() {
    assert_eq!(quote_literal("O'Brien"), "'O''Brien'");
    assert_eq!(quote_literal(r"C:\temp\n"), r"'C:\temp\n'");
    assert_eq!(quote_literal(""), "''");
}

#[test]
fn quote_literal_replaces_nul_which_postgresql_text_cannot_hold() {
    assert_eq!(quote_literal("a\0b"), "'a\u{FFFD}b'");
}

#[test]
fn traditional_insert_and_update_statements() {
    let events = placed("Ann O'Neil");
    let mut table = TraditionalTable::default();
    let change = table.apply(&events[0]);
    assert_eq!(
        change.sql,
        "INSERT INTO orders (order_id, customer_id, order_date, total_amount, status) \
         VALUES (1, 'Ann O''Neil', '2024-03-04T09:15:00Z', 49.90, 'Placed');"
    );
    let order = fold(1, &events);
    let paid = decide_and_record(&order, &Command::PayOrder, 2, Utc::now()).unwrap();
    let change = table.apply(&paid[0]);
    assert_eq!(
        change.sql,
        "UPDATE orders SET status = 'Paid' WHERE order_id = 1;"
    );
}

#[test]
fn event_insert_adds_the_order_id_row_only_for_order_placed() {
    let events = placed("Ann");
    let sql = insert_event_sql(&events[0]);
    assert_eq!(
        sql,
        "INSERT INTO orders (order_id) VALUES (1);\n\
         INSERT INTO order_events (event_id, order_id, event_type, event_data, event_timestamp) \
         VALUES (1, 1, 'OrderPlaced', '{\"customer_id\":\"Ann\",\"total_amount\":4990}', '2024-03-04T09:15:00Z');"
    );
    let order = fold(1, &events);
    let paid = decide_and_record(&order, &Command::PayOrder, 2, Utc::now()).unwrap();
    let sql = insert_event_sql(&paid[0]);
    assert!(sql.starts_with("INSERT INTO order_events "), "{sql}");
    assert!(!sql.contains("INSERT INTO orders"), "{sql}");
    assert!(!sql.contains("UPDATE"), "{sql}");
}

#[test]
fn scripts_create_tables_insert_everything_in_one_transaction() {
    let events = placed("Bea");
    let table = TraditionalTable::rebuild(&events);
    let script = traditional_script(&table);
    assert!(script.contains("SET standard_conforming_strings = on;"));
    assert!(script.contains("BEGIN;\nCREATE TABLE orders ("));
    assert!(script.contains("VALUES (1, 'Bea', "));
    assert!(script.ends_with("COMMIT;\n"));
    let script = event_sourced_script(&events);
    assert!(script.contains("CREATE TABLE order_events ("));
    assert!(script.contains("event_data      JSONB NOT NULL"));
    assert_eq!(script.matches("INSERT INTO orders (order_id)").count(), 1);
    assert_eq!(script.matches("INSERT INTO order_events").count(), 1);
    assert!(script.ends_with("COMMIT;\n"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Any text without NUL reads back exactly, and never ends the literal early.
    #[test]
    fn quoted_text_round_trips(text in "\\PC*|[';\\\\ \\-/*]*") {
        let quoted = quote_literal(&text);
        prop_assert_eq!(tokenize(&quoted).unwrap(), vec![Token::Literal(text)]);
    }

    /// A hostile customer name stays inside its literal in every statement and script.
    #[test]
    fn hostile_customer_names_cannot_break_statements(
        name in "[a-z]{0,3}('|'';|--|/\\*|\\\\|; DROP TABLE orders;)[a-z'; ]{0,6}",
    ) {
        let events = placed(&name);
        let stored = match &events[0].event {
            OrderEvent::OrderPlaced { customer_id, .. } => customer_id.clone(),
            _ => unreachable!(),
        };
        let mut table = TraditionalTable::default();
        let insert = table.apply(&events[0]).sql;
        prop_assert_eq!(statement_ends(&insert), 1);
        prop_assert_eq!(&literals(&insert)[0], &stored);

        let event_sql = insert_event_sql(&events[0]);
        prop_assert_eq!(statement_ends(&event_sql), 2);
        let data: serde_json::Value = serde_json::from_str(&literals(&event_sql)[1]).unwrap();
        prop_assert_eq!(data["customer_id"].as_str(), Some(stored.as_str()));

        // Schema (1 + 2 SETs + BEGIN + COMMIT) plus one INSERT on each side.
        prop_assert_eq!(statement_ends(&traditional_script(&table)), 5 + 1);
        prop_assert_eq!(statement_ends(&event_sourced_script(&events)), 6 + 2);
    }
}
