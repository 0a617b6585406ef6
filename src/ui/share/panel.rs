//! Share a scenario: a link that carries the whole log in its fragment (`#scenario=...`), so a
//! teacher can hand a class the same starting point. Opening one asks before replacing the
//! visitor's log; a broken or hostile link is refused with a message and changes nothing.

use crate::ui::share::link::{link_parts, with_challenges};
use crate::ui::widgets::dom;
use gloo_events::EventListener;
use yew::prelude::*;

/// Reads a share link from the address: once when the app starts, and again whenever the
/// fragment changes (a link pasted into this tab). The fragment is then removed from the
/// address, so reloading does not ask again and the link does not linger in the history.
#[hook]
pub fn use_share_link(on_fragment: Callback<String>) {
    use_effect_with(on_fragment, |on_fragment| {
        let check = {
            let on_fragment = on_fragment.clone();
            move || {
                let Some(window) = web_sys::window() else {
                    return;
                };
                let location = window.location();
                let hash = location.hash().unwrap_or_default();
                if link_parts(&hash).is_none() {
                    return;
                }
                let bare = format!(
                    "{}{}",
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                );
                // If the browser refuses to tidy the address, the link stays in it: a reload
                // then asks again, which loses nothing.
                if let Ok(history) = window.history() {
                    history
                        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&bare))
                        .ok();
                }
                on_fragment.emit(hash);
            }
        };
        check();
        let listener =
            web_sys::window().map(|w| EventListener::new(&w, "hashchange", move |_| check()));
        move || drop(listener)
    });
}

/// Why a share link was refused, near the top of the page where the visitor looks first.
pub fn share_alert(error: Option<&str>, on_dismiss: &Callback<()>) -> Html {
    let Some(error) = error else {
        return html! {};
    };
    html! {
        <div class="share-alert">
            <p role="alert"><span class="alert-icon" aria-hidden="true">{ "!" }</span>{ error.to_string() }</p>
            <button type="button" class="button button-small" onclick={on_dismiss.reform(|_| ())}>
                { "Close message" }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// Events in the log now.
    pub log_len: usize,
    /// Changes whenever the log does: a link made before is then out of date.
    pub revision: u64,
    /// Makes the fragment (`#scenario=...`) for the log now, or says why it cannot.
    pub make_fragment: Callback<(), Result<String, String>>,
    /// The Challenges region's set in its short text form, which the link may carry too.
    pub challenges: AttrValue,
}

/// The link made for a log revision (with or without the challenges), or why there is none.
#[derive(Clone, PartialEq)]
struct Made {
    revision: u64,
    challenges: Option<AttrValue>,
    link: Result<String, String>,
}

#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let made = use_state(|| None::<Made>);
    let copied = use_state(|| None::<&'static str>);
    let include = use_state(|| false);
    let len = props.log_len;
    let challenges = include.then(|| props.challenges.clone());
    // A link made before the log (or the choice of challenges) changed would share the wrong
    // thing: it is not shown.
    let current = made
        .as_ref()
        .filter(|m| m.revision == props.revision && m.challenges == challenges);
    let can_copy = len > 0 || challenges.is_some();
    let on_copy = {
        let (make_fragment, made, copied, revision) = (
            props.make_fragment.clone(),
            made.clone(),
            copied.clone(),
            props.revision,
        );
        let challenges = challenges.clone();
        Callback::from(move |_: MouseEvent| {
            let fragment = match (&challenges, len) {
                (Some(set), 0) => Ok(with_challenges(None, set)),
                (Some(set), _) => make_fragment
                    .emit(())
                    .map(|fragment| with_challenges(Some(&fragment), set)),
                (None, _) => make_fragment.emit(()),
            };
            let link = fragment
                .map(|fragment| format!("{}{fragment}", page_address()))
                .map_err(|why| format!("{why} Share a smaller log, or export it to a file."));
            made.set(Some(Made {
                revision,
                challenges: challenges.clone(),
                link: link.clone(),
            }));
            copied.set(None);
            if let Ok(link) = link {
                let copied = copied.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    copied.set(Some(if dom::copy(link).await {
                        "Copied to the clipboard."
                    } else {
                        "Your browser did not allow copying: select the link above and copy it."
                    }));
                });
            }
        })
    };
    let toggle = {
        let include = include.clone();
        Callback::from(move |_: Event| include.set(!*include))
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    html! {
        <section id="share" class="panel share-panel" aria-labelledby="share-heading">
            <h2 id="share-heading">{ "Share this scenario" }</h2>
            <p class="hint">
                { "The link carries the whole log, so a class can start from the same events. Whoever opens it is asked before their own log is replaced. Nothing is uploaded: the events travel inside the link." }
            </p>
            <div class="share-include">
                <input type="checkbox" id="share-challenges" checked={*include} onchange={toggle}
                    aria-describedby="share-challenges-what" />
                <label for="share-challenges">{ "Include the challenges" }</label>
                <span id="share-challenges-what" class="hint">
                    { "The Challenges region's set, so the class does the same tasks: " }
                    <code>{ props.challenges.clone() }</code>
                </span>
            </div>
            <div class="button-row">
                <button type="button" class="button" aria-disabled={(!can_copy).then_some("true")}
                    onclick={can_copy.then_some(on_copy)}>
                    { "Copy share link" }
                </button>
                if len == 0 && challenges.is_none() { <span class="hint">{ "Nothing to share yet: the log is empty." }</span> }
                if len == 0 && challenges.is_some() { <span class="hint">{ "The log is empty: the link carries only the challenges." }</span> }
            </div>
            if let Some(Made { link: Ok(link), .. }) = current {
                <div class="field share-link">
                    <label for="share-link">{ "Share link" }</label>
                    <input id="share-link" type="text" readonly=true value={link.clone()} onfocus={select_all} />
                    <p class="hint">{ carried(link.len(), len, challenges.is_some()) }</p>
                </div>
            }
            if let Some(Made { link: Err(why), .. }) = current {
                <p class="share-error" role="status">{ why.clone() }</p>
            }
            <p class="copy-status" role="status">{ current.and(*copied).unwrap_or_default() }</p>
        </section>
    }
}

/// "412 characters, 10 events and the challenges."
fn carried(chars: usize, events: usize, challenges: bool) -> String {
    use crate::ui::widgets::format::{count, group_thousands};
    let mut text = format!("{} characters", group_thousands(chars));
    if events > 0 {
        text.push_str(", ");
        text.push_str(&count(events, "event", "events"));
    }
    text.push_str(match (challenges, events) {
        (false, _) => ".",
        (true, 0) => ", the challenges only.",
        (true, _) => " and the challenges.",
    });
    text
}

/// This page's address without its fragment: where a share link points.
fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}
