//! A native modal `<dialog>`: the browser traps focus, closes it on Escape and hands focus back.

use crate::ui::widgets::dom;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    pub open: bool,
    /// Id of the element naming the dialog.
    pub labelled_by: AttrValue,
    /// Called when the dialog closes by itself (Escape).
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub alert: bool,
    pub children: Html,
}

#[function_component(Modal)]
pub fn modal(props: &ModalProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.open, move |open| {
            if let Some(dialog) = node.cast::<web_sys::HtmlDialogElement>() {
                dom::set_modal(&dialog, *open);
            }
        });
    }
    let on_close = props.on_close.reform(|_: Event| ());
    html! {
        <dialog ref={node} class={classes!("modal", props.class.clone())}
            role={props.alert.then_some("alertdialog")}
            aria-labelledby={props.labelled_by.clone()} onclose={on_close}>
            if props.open { { props.children.clone() } }
        </dialog>
    }
}
