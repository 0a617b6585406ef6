//! The text of the segment this tab wrote last, kept so the next append can extend it instead
//! of parsing it back and serialising it again (the cost of a click would otherwise grow with
//! how full the last segment is: up to 128 events parsed and re-written per append).
//!
//! It is only a shortcut, never a source of truth: it is used when storage still holds exactly
//! this text (compared in full) and the head counts exactly its entries. Anything else (another
//! tab appended, an interrupted append left extra entries, the log was replaced) takes the
//! careful path that parses what is stored.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenSegment {
    pub key: String,
    pub text: String,
    /// How many entries `text` holds.
    pub count: usize,
}

impl WrittenSegment {
    /// Whether `stored`, read from `key` where the head counts `committed` entries, is this
    /// segment unchanged (so its entries are exactly the committed ones).
    pub fn matches(&self, key: &str, stored: &str, committed: usize) -> bool {
        self.count == committed && self.key == key && self.text == stored
    }

    /// This segment's text with `values` appended: the same bytes as serialising all of its
    /// entries again, since `text` is what `serde_json` wrote for them.
    pub fn extended(&self, values: &[Value]) -> String {
        extend_json_array(&self.text, values)
    }
}

/// `array` (compact JSON of an array, as `serde_json::to_string` writes it) with `values` added
/// at its end.
pub fn extend_json_array(array: &str, values: &[Value]) -> String {
    let Some(open) = array.strip_suffix(']') else {
        return array.to_string();
    };
    let mut text = String::with_capacity(array.len() + values.len() * 256);
    text.push_str(open);
    for (index, value) in values.iter().enumerate() {
        if index > 0 || open != "[" {
            text.push(',');
        }
        text.push_str(&value.to_string());
    }
    text.push(']');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn compact(values: &[Value]) -> String {
        serde_json::to_string(values).unwrap()
    }

    #[test]
    fn extending_gives_the_bytes_of_serialising_everything_again() {
        let first = vec![json!({"b": 1, "a": "x,]\"y"}), json!([1, 2])];
        let more = vec![json!({"z": null}), json!("é ]")];
        let all: Vec<Value> = first.iter().chain(&more).cloned().collect();
        assert_eq!(extend_json_array(&compact(&first), &more), compact(&all));
        assert_eq!(extend_json_array("[]", &more), compact(&more));
        assert_eq!(extend_json_array(&compact(&first), &[]), compact(&first));
    }

    #[test]
    fn a_segment_matches_only_its_own_unchanged_text_and_count() {
        let written = WrittenSegment {
            key: "k".into(),
            text: "[1,2]".into(),
            count: 2,
        };
        assert!(written.matches("k", "[1,2]", 2));
        assert!(!written.matches("k", "[1,2,3]", 2));
        assert!(!written.matches("k", "[1,2]", 1));
        assert!(!written.matches("other", "[1,2]", 2));
    }
}
