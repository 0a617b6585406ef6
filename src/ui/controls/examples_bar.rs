//! Ready-made logs: the blog's four orders, and a big generated log to show scale.

use crate::app::Example;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExamplesBarProps {
    pub on_load: Callback<Example>,
    pub children: Html,
}

#[function_component(ExamplesBar)]
pub fn examples_bar(props: &ExamplesBarProps) -> Html {
    let load = |example| props.on_load.reform(move |_: MouseEvent| example);
    html! {
        <section class="examples-bar" aria-labelledby="examples-heading">
            <h3 id="examples-heading" class="group-title">{ "Start from an example" }</h3>
            <div class="button-row">
                <button type="button" class="button" onclick={load(Example::Blog)}>
                    { "Load blog example" }
                </button>
                <button type="button" class="button" onclick={load(Example::BugStory)}>
                    { "Load bug story" }
                </button>
                <button type="button" class="button" onclick={load(Example::Generated)}>
                    { "Load 10,000 events" }
                </button>
                <button type="button" class="button" onclick={load(Example::OldLog)}>
                    { "Load an old log" }
                </button>
                { props.children.clone() }
            </div>
        </section>
    }
}
