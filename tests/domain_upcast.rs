#![cfg(not(target_arch = "wasm32"))]
//! Events evolve: schema v1 stored money as decimal strings; reading upcasts it to cents.

use event_sourcing_demo::domain::*;
use serde_json::json;

fn v1_event(event_type: &str, data: serde_json::Value) -> String {
    json!({
        "event_id": 1, "order_id": 1, "version": 1, "schema_version": 1,
        "event_type": event_type, "event_data": data,
        "event_timestamp": "2019-11-02T08:30:00Z",
    })
    .to_string()
}

#[test]
fn v1_order_placed_with_a_decimal_string_total_is_read_as_cents() {
    let event = decode_event(&v1_event(
        "OrderPlaced",
        json!({"customer_id": "Ada", "total_amount": "49.90"}),
    ))
    .unwrap();
    assert_eq!(
        event.event,
        OrderEvent::OrderPlaced {
            customer_id: "Ada".into(),
            total_amount: Money(4990)
        }
    );
    // In memory the data is in the current shape, but the event remembers how it was stored,
    // and writing it out again gives that form back: old events are never rewritten.
    assert_eq!(event.schema_version, 1);
    assert!(was_upcast(&event));
    let rewritten: serde_json::Value = serde_json::from_str(&encode_event(&event)).unwrap();
    assert_eq!(rewritten["schema_version"], json!(1));
    assert_eq!(rewritten["event_data"]["total_amount"], json!("49.90"));
    assert_eq!(decode_event(&encode_event(&event)).unwrap(), event);
}

#[test]
fn a_v1_amount_in_a_loose_form_is_written_back_in_the_canonical_v1_form() {
    let paid = decode_event(&v1_event("OrderPaid", json!({"amount": "1,200.5"}))).unwrap();
    let (stored, read) = stored_and_read_forms(&paid);
    assert_eq!(stored, json!({"amount": "1200.50"}));
    assert_eq!(read, json!({"amount": 120050}));
}

#[test]
fn v1_paid_and_cancelled_amounts_are_upcast_too() {
    let paid = decode_event(&v1_event("OrderPaid", json!({"amount": "1,200.5"}))).unwrap();
    assert_eq!(
        paid.event,
        OrderEvent::OrderPaid {
            amount: Money(120050)
        }
    );
    let cancelled = decode_event(&v1_event(
        "OrderCancelled",
        json!({"reason": "late", "refund": "3.05"}),
    ))
    .unwrap();
    assert_eq!(
        cancelled.event,
        OrderEvent::OrderCancelled {
            reason: "late".into(),
            refund: Some(Money(305))
        }
    );
    let unpaid = decode_event(&v1_event(
        "OrderCancelled",
        json!({"reason": "late", "refund": null}),
    ))
    .unwrap();
    assert_eq!(
        unpaid.event,
        OrderEvent::OrderCancelled {
            reason: "late".into(),
            refund: None
        }
    );
}

#[test]
fn v1_events_without_money_are_unchanged() {
    let data = json!({"carrier": "DHL", "tracking_number": "JD0001"});
    assert_eq!(upcast("OrderShipped", 1, data.clone()), Ok(data));
}

#[test]
fn a_v1_amount_that_is_not_a_decimal_is_an_error_naming_the_field() {
    let err = decode_event(&v1_event(
        "OrderPlaced",
        json!({"customer_id": "Ada", "total_amount": "forty"}),
    ))
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "event 1: OrderPlaced: \"total_amount\" should be a decimal amount such as \"49.90\" in schema version 1, found \"forty\""
    );
    // A v1 reader never wrote integer cents: that is a mistake, not something to guess about.
    let err = decode_event(&v1_event("OrderPaid", json!({"amount": 4990})))
        .unwrap_err()
        .to_string();
    assert!(err.contains("found 4990"), "{err}");
}

#[test]
fn schema_versions_newer_than_known_or_zero_are_errors() {
    for version in [0u16, 3, 65535] {
        let text = v1_event("OrderDelivered", json!({})).replace(
            "\"schema_version\":1",
            &format!("\"schema_version\":{version}"),
        );
        let err = decode_event(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("event 1: OrderDelivered: schema version {version} is not supported (this app reads versions 1 to 2)")
        );
    }
}

#[test]
fn downcast_then_upcast_gives_back_the_current_data() {
    let data = json!({"customer_id": "Ada", "total_amount": 4990});
    let v1 = downcast_to_v1("OrderPlaced", data.clone());
    assert_eq!(v1["total_amount"], json!("49.90"));
    assert_eq!(upcast("OrderPlaced", 1, v1), Ok(data));
}

#[test]
fn a_v1_log_file_is_upcast_and_then_valid() {
    let log = format!(
        "{{\"format\":\"{LOG_FORMAT}\",\"format_version\":1,\"events\":[{},{}]}}",
        v1_event(
            "OrderPlaced",
            json!({"customer_id": "Ada", "total_amount": "49.90"})
        ),
        v1_event("OrderPaid", json!({"amount": "49.90"}))
            .replace("\"event_id\":1", "\"event_id\":2")
            .replace("\"version\":1", "\"version\":2"),
    );
    let events = decode_log(&log).unwrap();
    assert_eq!(validate_log(&events), Ok(()));
    assert_eq!(fold(1, &events).amount_paid, Money(4990));
}
