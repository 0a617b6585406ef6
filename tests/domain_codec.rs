#![cfg(not(target_arch = "wasm32"))]
//! The wire format, export files, and the human messages for broken input and broken logs.

use event_sourcing_demo::domain::*;
use serde_json::{json, Value};

fn event_json(log: &[RecordedEvent], index: usize) -> Value {
    encode_event_value(&log[index])
}

#[test]
fn an_event_has_the_documented_wire_format() {
    let log = blog_example();
    assert_eq!(
        encode_event(&log[0]),
        "{\"event_id\":1,\"order_id\":1,\"version\":1,\"schema_version\":2,\"event_type\":\"OrderPlaced\",\
         \"event_data\":{\"customer_id\":\"Maria García\",\"total_amount\":4990},\
         \"event_timestamp\":\"2024-03-04T09:15:00Z\"}"
    );
    assert_eq!(
        event_json(&log, 8)["event_data"],
        json!({}),
        "OrderDelivered has no data"
    );
}

#[test]
fn an_export_file_is_an_envelope_with_one_event_per_line() {
    let log = blog_example();
    let file = encode_log(&log);
    assert!(file.starts_with(
        "{\"format\":\"event-sourcing-demo/event-log\",\"format_version\":1,\"event_count\":10,\"events\":[\n{"
    ));
    assert_eq!(file.lines().count(), 1 + log.len() + 1);
    assert_eq!(decode_log(&file).unwrap(), log);
    assert_eq!(decode_log(&encode_log(&[])).unwrap(), vec![]);
}

fn message(value: Value) -> String {
    decode_event_value(&value).unwrap_err().to_string()
}

#[test]
fn an_unknown_event_type_is_named() {
    let mut value = event_json(&blog_example(), 6);
    value["event_type"] = json!("OrderTeleported");
    assert_eq!(
        message(value),
        "event 7: unknown event type \"OrderTeleported\""
    );
}

#[test]
fn missing_and_mistyped_fields_are_named() {
    let log = blog_example();
    let mut value = event_json(&log, 2);
    value.as_object_mut().unwrap().remove("event_timestamp");
    assert_eq!(
        message(value),
        "event 3: the field \"event_timestamp\" is missing"
    );

    let mut value = event_json(&log, 2);
    value["version"] = json!("one");
    assert_eq!(
        message(value),
        "event 3: the field \"version\" must be a whole number, 0 or more"
    );

    let mut value = event_json(&log, 2);
    value["event_id"] = json!(-1);
    assert_eq!(
        message(value),
        "the field \"event_id\" must be a whole number, 0 or more"
    );

    let mut value = event_json(&log, 2);
    value["schema_version"] = json!(70000);
    assert_eq!(
        message(value),
        "event 3: the field \"schema_version\" must be a whole number from 1 to 65535"
    );

    let mut value = event_json(&log, 2);
    value["event_data"] = json!([1, 2]);
    assert_eq!(
        message(value),
        "event 3: the field \"event_data\" must be a JSON object"
    );
}

#[test]
fn event_data_that_does_not_fit_its_type_is_explained() {
    let mut value = event_json(&blog_example(), 0);
    value["event_data"] = json!({"customer_id": "Ada", "total_amount": 49.9});
    let text = message(value);
    assert!(
        text.starts_with("event 1: the event_data of OrderPlaced is invalid ("),
        "{text}"
    );
}

#[test]
fn a_bad_timestamp_is_quoted() {
    let mut value = event_json(&blog_example(), 0);
    value["event_timestamp"] = json!("yesterday");
    assert_eq!(
        message(value),
        "event 1: event_timestamp \"yesterday\" is not an RFC 3339 time such as \"2024-03-04T09:15:00Z\""
    );
}

#[test]
fn text_that_is_not_json_or_not_an_object_or_not_utf8() {
    assert!(decode_event("{\"event_id\": ")
        .unwrap_err()
        .to_string()
        .starts_with("this is not valid JSON ("));
    assert_eq!(
        decode_event("[1,2]").unwrap_err().to_string(),
        "an event must be a JSON object"
    );
    assert_eq!(
        decode_log_bytes(&[0xff, 0xfe]).unwrap_err().to_string(),
        "the file is not UTF-8 text"
    );
}

#[test]
fn a_foreign_json_file_is_recognised_as_foreign() {
    for foreign in [
        "[]",
        "{\"events\": []}",
        "{\"format\": \"redux-devtools\", \"events\": []}",
        "42",
    ] {
        assert_eq!(
            decode_log(foreign).unwrap_err().to_string(),
            "this JSON file is not an event log exported by this app (it has no \"format\": \"event-sourcing-demo/event-log\")"
        );
    }
}

#[test]
fn a_log_from_a_newer_release_is_refused() {
    let file = "{\"format\":\"event-sourcing-demo/event-log\",\"format_version\":2,\"events\":[]}";
    assert_eq!(
        decode_log(file).unwrap_err().to_string(),
        "this event log has format version 2, newer than this app reads (1)"
    );
}

#[test]
fn a_broken_event_in_a_log_names_its_id_or_its_position() {
    let log = blog_example();
    let mut file: Value = serde_json::from_str(&encode_log(&log)).unwrap();
    file["events"][4]["event_type"] = json!("OrderTeleported");
    let err = decode_log_value(&file).unwrap_err();
    assert_eq!((err.event_id, err.position), (Some(5), Some(5)));
    assert_eq!(
        err.to_string(),
        "event 5: unknown event type \"OrderTeleported\""
    );
    file["events"][4] = json!("junk");
    assert_eq!(
        decode_log_value(&file).unwrap_err().to_string(),
        "entry 5 of the log: an event must be a JSON object"
    );
}

#[test]
fn very_long_junk_is_shortened_in_messages() {
    let mut value = event_json(&blog_example(), 0);
    value["event_type"] = json!("X".repeat(10_000));
    let text = message(value);
    assert!(text.len() < 120, "{text}");
    assert!(text.ends_with("…\""), "{text}");
}

// ---- validate_log ------------------------------------------------------------------------

#[test]
fn validate_log_names_a_gap_in_event_ids() {
    let mut log = blog_example();
    log.remove(3);
    assert_eq!(
        validate_log(&log).unwrap_err().to_string(),
        "event 5: found at position 4 where event 4 belongs. Event ids must run 1, 2, 3, ... without gaps or repeats."
    );
}

#[test]
fn validate_log_names_a_wrong_order_version() {
    let mut log = blog_example();
    log[6].version = 5;
    assert_eq!(
        validate_log(&log).unwrap_err().to_string(),
        "event 7: it says it is version 5 of order 2, but it should be version 2."
    );
}

#[test]
fn validate_log_refuses_an_event_the_rules_forbid() {
    let mut log = blog_example();
    // Event 4 ships order 1; pretend it shipped order 2, which is only placed at that point.
    log[3].order_id = 2;
    log[3].version = 2;
    for later in log.iter_mut().skip(4).filter(|e| e.order_id == 2) {
        later.version += 1;
    }
    assert_eq!(
        validate_log(&log).unwrap_err().to_string(),
        "event 4: OrderShipped breaks the rules: Order 2 cannot be shipped: it is Placed, not Paid."
    );
}

#[test]
fn validate_log_refuses_an_event_that_differs_from_what_the_rules_record() {
    let mut log = blog_example();
    log[1].event = OrderEvent::OrderPaid { amount: Money(1) };
    assert_eq!(
        validate_log(&log).unwrap_err().to_string(),
        "event 2: OrderPaid does not match what the rules record at that point (expected {\"amount\":4990})."
    );
}

#[test]
fn validate_log_reads_older_schema_versions_and_refuses_unknown_ones() {
    let mut log = blog_example();
    log[0].schema_version = 1;
    assert_eq!(validate_log(&log), Ok(()));
    for found in [0u16, 3] {
        log[0].schema_version = found;
        assert_eq!(
            validate_log(&log).unwrap_err().to_string(),
            format!("event 1: schema version {found} is not one this app reads (1 to 2).")
        );
    }
}

#[test]
fn event_data_written_by_hand_is_exactly_what_serde_writes_and_reads_back() {
    // Every event type, from a long generated log: the hand-written event_data must be the
    // shape the derive (the documented wire format) gives, and decode to the same event.
    let log = generate_log(3000, 11);
    for kind in EventType::ALL {
        assert!(
            log.iter().any(|e| e.event.kind() == kind),
            "{kind:?} covered"
        );
    }
    for event in &log {
        let by_serde = serde_json::to_value(&event.event).unwrap()["event_data"].clone();
        assert_eq!(event.event.event_data(), by_serde, "{event:?}");
        assert_eq!(&decode_event(&encode_event(event)).unwrap(), event);
    }
}
