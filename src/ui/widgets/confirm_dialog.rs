//! Asks before anything is deleted (reset, or an example replacing a non-empty log).

use crate::ui::widgets::modal::Modal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmDialogProps {
    /// The question; `None` keeps the dialog closed.
    pub question: Option<AttrValue>,
    pub detail: AttrValue,
    pub confirm_label: AttrValue,
    pub on_answer: Callback<bool>,
}

#[function_component(ConfirmDialog)]
pub fn confirm_dialog(props: &ConfirmDialogProps) -> Html {
    let answer = |yes: bool| props.on_answer.reform(move |_: MouseEvent| yes);
    html! {
        <Modal open={props.question.is_some()} labelled_by="confirm-title" alert=true
            on_close={props.on_answer.reform(|_| false)}>
            <h2 id="confirm-title">{ props.question.clone().unwrap_or_default() }</h2>
            <p>{ props.detail.clone() }</p>
            <div class="button-row dialog-buttons">
                <button type="button" class="button" autofocus=true onclick={answer(false)}>
                    { "Keep everything" }
                </button>
                <button type="button" class="button button-danger" onclick={answer(true)}>
                    { props.confirm_label.clone() }
                </button>
            </div>
        </Modal>
    }
}
