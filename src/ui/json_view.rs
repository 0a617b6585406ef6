//! JSON shown readably: keys, strings and numbers in their own colours, always as text nodes
//! (never parsed as markup), so a customer named `<img onerror=...>` stays a string.

use serde_json::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct JsonViewProps {
    pub value: Value,
}

/// One line of compact JSON: `{"customer_id": "alice", "total_amount": 4990}`.
#[function_component(JsonView)]
pub fn json_view(props: &JsonViewProps) -> Html {
    html! { <code class="json">{ render(&props.value) }</code> }
}

fn render(value: &Value) -> Html {
    match value {
        Value::Object(fields) if fields.is_empty() => {
            html! { <span class="json-punct">{ "{}" }</span> }
        }
        Value::Object(fields) => {
            let last = fields.len() - 1;
            let entries = fields.iter().enumerate().map(|(i, (key, value))| {
                html! {
                    <>
                        <span class="json-key">{ format!("\"{key}\"") }</span>
                        <span class="json-punct">{ ": " }</span>
                        { render(value) }
                        if i < last { <span class="json-punct">{ ", " }</span> }
                    </>
                }
            });
            html! {
                <>
                    <span class="json-punct">{ "{" }</span>
                    { for entries }
                    <span class="json-punct">{ "}" }</span>
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
                    <span class="json-punct">{ "[" }</span>
                    { for items.iter().enumerate().map(|(i, item)| html! {
                        <>{ render(item) } if i < last { <span class="json-punct">{ ", " }</span> }</>
                    }) }
                    <span class="json-punct">{ "]" }</span>
                </>
            }
        }
    }
}
