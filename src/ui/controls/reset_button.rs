//! Deleting everything. The button only asks; the confirm dialog does the deleting.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResetButtonProps {
    pub on_reset: Callback<()>,
}

#[function_component(ResetButton)]
pub fn reset_button(props: &ResetButtonProps) -> Html {
    html! {
        <button type="button" class="button button-danger-quiet" aria-haspopup="dialog"
            onclick={props.on_reset.reform(|_| ())}>
            { "Reset" }
        </button>
    }
}
