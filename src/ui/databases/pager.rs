//! "Newer / Page 2 of 200 / Older" navigation for a long table.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// Names the navigation landmark, e.g. "Event log pages".
    pub label: AttrValue,
    /// Zero-based page shown.
    pub page: usize,
    pub pages: usize,
    pub previous_label: AttrValue,
    pub next_label: AttrValue,
    pub on_page: Callback<usize>,
}

#[function_component(Pager)]
pub fn pager(props: &PagerProps) -> Html {
    if props.pages <= 1 {
        return html! {};
    }
    let go = |page: usize| {
        let on_page = props.on_page.clone();
        Callback::from(move |_: MouseEvent| on_page.emit(page))
    };
    let last = props.pages - 1;
    html! {
        <nav class="pager" aria-label={props.label.clone()}>
            <button type="button" class="button button-quiet" disabled={props.page == 0}
                onclick={go(props.page.saturating_sub(1))}>
                <span aria-hidden="true">{ "← " }</span>{ props.previous_label.clone() }
            </button>
            <span class="pager-position">
                { format!("Page {} of {}", props.page + 1, props.pages) }
            </span>
            <button type="button" class="button button-quiet" disabled={props.page >= last}
                onclick={go((props.page + 1).min(last))}>
                { props.next_label.clone() }<span aria-hidden="true">{ " →" }</span>
            </button>
        </nav>
    }
}
