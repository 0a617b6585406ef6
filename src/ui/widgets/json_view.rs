//! JSON shown readably: keys, strings and numbers in their own colours, always as text nodes
//! (never parsed as markup), so a customer named `<img onerror=...>` stays a string.
//! Punctuation is bare text in the code's own colour: a log row is built node by node on every
//! click, and a span per comma would double the nodes of its data cell.

use serde_json::Value;
use yew::prelude::*;

/// One line of compact JSON: `{"customer_id": "alice", "total_amount": 4990}`. A function, not
/// a component: every new log row would otherwise mount one more component for its data cell.
pub fn json_code(value: &Value) -> Html {
    html! { <code class="json">{ render(value) }</code> }
}

fn render(value: &Value) -> Html {
    match value {
        Value::Object(fields) if fields.is_empty() => {
            html! { "{}" }
        }
        Value::Object(fields) => {
            let last = fields.len() - 1;
            let entries = fields.iter().enumerate().map(|(i, (key, value))| {
                html! {
                    <>
                        <span class="json-key">{ format!("\"{key}\"") }</span>
                        { ": " }
                        { render(value) }
                        if i < last { { ", " } }
                    </>
                }
            });
            html! {
                <>
                    { "{" }
                    { for entries }
                    { "}" }
                </>
            }
        }
        Value::String(text) => {
            html! { <span class="json-string">{ Value::String(text.clone()).to_string() }</span> }
        }
        Value::Number(n) => html! { <span class="json-number">{ n.to_string() }</span> },
        Value::Bool(b) => html! { <span class="json-literal">{ b.to_string() }</span> },
        Value::Null => html! { <span class="json-literal">{ "null" }</span> },
        Value::Array(items) => {
            let last = items.len().saturating_sub(1);
            html! {
                <>
                    { "[" }
                    { for items.iter().enumerate().map(|(i, item)| html! {
                        <>{ render(item) } if i < last { { ", " } }</>
                    }) }
                    { "]" }
                </>
            }
        }
    }
}
