//! The page title, the one-line lesson, and the presenter and help toggles.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub presenter: bool,
    pub on_toggle_presenter: Callback<()>,
    pub on_help: Callback<()>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let toggle = props.on_toggle_presenter.reform(|_: MouseEvent| ());
    let help = props.on_help.reform(|_: MouseEvent| ());
    html! {
        <header class="app-header">
            <div class="brand">
                <h1>{ "Event sourcing, side by side" }</h1>
                <p class="tagline">
                    { "Click an action and watch both databases. The " }
                    <strong class="accent-table">{ "traditional table" }</strong>
                    { " overwrites its rows; the " }
                    <strong class="accent-log">{ "event log" }</strong>
                    { " only ever appends, so nothing is lost." }
                </p>
            </div>
            <div class="header-tools">
                <button type="button" class="button button-quiet" aria-pressed={props.presenter.to_string()}
                    aria-keyshortcuts="f" data-key="f" aria-label="Presenter mode" onclick={toggle}>
                    { "Presenter mode" }
                </button>
                <button type="button" class="button button-quiet" aria-keyshortcuts="?"
                    data-key="?" aria-label="Keyboard shortcuts" aria-haspopup="dialog" onclick={help}>
                    { "Keyboard shortcuts" }
                </button>
            </div>
        </header>
    }
}
