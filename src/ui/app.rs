use yew::prelude::*;

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <main id="app">
            <h1>{ "Event sourcing, side by side" }</h1>
        </main>
    }
}
