//! The Challenges region: short tasks whose answers only the log holds, answered by picking or
//! typing, checked by the app against the log on the page, each with a hint that leads to the
//! panel that answers it.

use super::state::{AnswerField, ChallengesAction, ChallengesState, Entry, ITEM_IDS, REGION_ID};
use super::view::{ChallengeView, ChallengesView};
use crate::app::Example;
use crate::domain::challenges::{AnswerKind, LogNeeded, Panel, Verdict};
use crate::ui::widgets::dom;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChallengesProps {
    /// What depends on the log: prompts, choices, hints (see `use_challenges_view`).
    pub view: Rc<ChallengesView>,
    /// The set, the learner's answers and the verdicts.
    pub state: ChallengesState,
    pub on_action: Callback<ChallengesAction>,
    /// Loads the example challenge `index` is about (asking first if it replaces the log).
    pub on_load: Callback<(usize, Example)>,
}

#[function_component(Challenges)]
pub fn challenges(props: &ChallengesProps) -> Html {
    let state = &props.state;
    let items = props
        .view
        .items
        .iter()
        .zip(state.entries())
        .zip(ITEM_IDS)
        .enumerate()
        .map(|(index, ((view, entry), id))| item(props, index, id, view, entry));
    let reset = props
        .on_action
        .reform(|_: MouseEvent| ChallengesAction::Reset);
    html! {
        <section id={REGION_ID} class="panel challenges" tabindex="-1" aria-labelledby="challenges-heading">
            <div class="ch-head">
                <h2 id="challenges-heading">{ "Challenges" }</h2>
                if state.has_answers() {
                    <button type="button" class="button button-small" onclick={reset}>{ "Clear the answers" }</button>
                }
            </div>
            <p class="hint">{ "Answers only the log holds. The app checks them against the log on this page." }</p>
            if state.from_link {
                <p class="ch-from-link">{ "These challenges came from the share link you opened." }</p>
            }
            <ol class="ch-list">{ for items }</ol>
        </section>
    }
}

fn item(
    props: &ChallengesProps,
    index: usize,
    id: &'static str,
    view: &ChallengeView,
    entry: &Entry,
) -> Html {
    let prompt_id = format!("{id}-prompt");
    let check = props.on_action.reform(move |e: SubmitEvent| {
        e.prevent_default();
        ChallengesAction::Check(index)
    });
    let stale = entry
        .checked
        .as_ref()
        .is_some_and(|c| !c.is_about(&props.view.mark));
    html! {
        <li {id} class="ch-item" tabindex="-1" aria-labelledby={prompt_id.clone()}>
            <h3 id={prompt_id} class="ch-prompt">{ view.prompt.clone() }</h3>
            { which_log(props, index, view) }
            <form class="ch-answer" onsubmit={check}>
                { answer_fields(props, index, id, &view.kind, entry) }
                <button type="submit" class="button">{ "Check" }</button>
            </form>
            { verdict(entry.checked.as_ref().map(|c| &c.verdict), stale) }
            if stale {
                <p class="hint ch-stale">{ "The log has changed since this check, so this verdict may no longer hold: check again." }</p>
            }
            <details class="ch-hint">
                <summary>{ "Hint" }</summary>
                <p>{ view.hint.text.clone() }</p>
                { go_to_button(view.hint.panel) }
            </details>
        </li>
    }
}

/// Which log the challenge is about, and a way to load it when the page shows another.
fn which_log(props: &ChallengesProps, index: usize, view: &ChallengeView) -> Html {
    let (about, load_label) = match view.needs {
        LogNeeded::Blog => ("About the blog example", "Load the blog example"),
        LogNeeded::BugStory => ("About the bug story", "Load the bug story"),
        LogNeeded::Any => {
            return html! { <p class="ch-log">{ "About whatever log is on this page." }</p> };
        }
    };
    match view.load {
        None => html! { <p class="ch-log">{ about }{ ", which is on this page." }</p> },
        Some(example) => {
            let load = props.on_load.reform(move |_: MouseEvent| (index, example));
            html! {
                <div class="ch-log ch-other-log">
                    <p>{ about }{ ", and the log on this page is not it." }</p>
                    <button type="button" class="button button-small" onclick={load}>{ load_label }</button>
                </div>
            }
        }
    }
}

fn answer_fields(
    props: &ChallengesProps,
    index: usize,
    id: &str,
    kind: &AnswerKind,
    entry: &Entry,
) -> Html {
    let draft = &entry.draft;
    let pick = |e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    };
    let typed = |e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    };
    let edit =
        move |field: AnswerField, text: String| ChallengesAction::Edit { index, field, text };
    match kind {
        AnswerKind::PickStatus(choices) => {
            let field_id = format!("{id}-status");
            let options = choices.iter().map(|choice| {
                let label = choice.label();
                html! { <option value={label} selected={draft.choice == label}>{ label }</option> }
            });
            html! {
                <div class="field">
                    <label for={field_id.clone()}>{ "Status at that moment" }</label>
                    <select id={field_id} onchange={props.on_action.reform(move |e| edit(AnswerField::Choice, pick(e)))}>
                        <option value="" selected={draft.choice.is_empty()}>{ "Pick a status" }</option>
                        { for options }
                    </select>
                </div>
            }
        }
        AnswerKind::PickSourceTypeTime(sources) => {
            let (source_id, time_id) = (format!("{id}-source"), format!("{id}-time"));
            let how_id = format!("{id}-time-how");
            let options = sources.iter().map(|source| {
                html! { <option value={source.clone()} selected={draft.choice == *source}>{ source.clone() }</option> }
            });
            html! {
                <>
                    <div class="field">
                        <label for={source_id.clone()}>{ "Service" }</label>
                        <select id={source_id} onchange={props.on_action.reform(move |e| edit(AnswerField::Choice, pick(e)))}>
                            <option value="" selected={draft.choice.is_empty()}>{ "Pick a service" }</option>
                            { for options }
                        </select>
                    </div>
                    <div class="field ch-time">
                        <span class="ch-label-row">
                            <label for={time_id.clone()}>{ "Time (UTC)" }</label>
                            <span id={how_id.clone()} class="ch-how">{ "hh:mm or hh:mm:ss" }</span>
                        </span>
                        <input id={time_id} type="text" autocomplete="off" spellcheck="false" aria-describedby={how_id}
                            value={draft.time.clone()} oninput={props.on_action.reform(move |e| edit(AnswerField::Time, typed(e)))} />
                    </div>
                </>
            }
        }
        AnswerKind::TypeNumber => {
            let field_id = format!("{id}-number");
            html! {
                <div class="field ch-number">
                    <label for={field_id.clone()}>{ "Values lost" }</label>
                    <input id={field_id} type="number" min="0" step="1" inputmode="numeric" autocomplete="off"
                        value={draft.number.clone()} oninput={props.on_action.reform(move |e| edit(AnswerField::Number, typed(e)))} />
                </div>
            }
        }
    }
}

/// The verdict, announced when it appears. A wrong answer is said to be wrong, with the
/// domain's sentence, which never gives the right answer away.
fn verdict(verdict: Option<&Verdict>, stale: bool) -> Html {
    let (class, icon, lead) = match verdict {
        None => ("", "", ""),
        Some(Verdict::Right(_)) => ("is-right", "✓", ""),
        Some(Verdict::Wrong(_)) => ("is-wrong", "✗", "Not right. "),
        Some(Verdict::Unreadable(_)) => ("is-unreadable", "?", ""),
        Some(Verdict::NeedsAnotherLog(_)) => ("is-other-log", "!", ""),
    };
    html! {
        <div class={classes!("ch-verdict", class, stale.then_some("is-stale"))} role="status">
            if let Some(verdict) = verdict {
                <span class="ch-icon" aria-hidden="true">{ icon }</span>
                <p>
                    if !lead.is_empty() { <strong>{ lead }</strong> }
                    { verdict.message().to_string() }
                </p>
            }
        </div>
    }
}

/// A button that scrolls to the panel that answers the challenge and moves focus to it.
fn go_to_button(panel: Panel) -> Html {
    let go = Callback::from(move |_: MouseEvent| go_to(panel));
    html! {
        <button type="button" class="button button-small" onclick={go}>
            { "Go to " }{ panel.heading() }
        </button>
    }
}

/// The id of each panel's heading (every panel is a section labelled by its heading).
fn heading_id(panel: Panel) -> &'static str {
    match panel {
        Panel::TimeTravel => "time-travel-heading",
        Panel::ReplayDebugger => "debugger-heading",
        Panel::BugStory => "bug-story-heading",
        Panel::EventLog => "log-heading",
        Panel::TraditionalTable => "table-heading",
        Panel::OrderHistory => "history-heading",
    }
}

/// Scrolls the section headed by `panel`'s heading into view and focuses it, as following a
/// link would. A section that cannot take focus yet is made focusable by script only
/// (tabindex -1), so Tab does not stop on it.
fn go_to(panel: Panel) {
    let section = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(heading_id(panel)))
        .and_then(|heading| heading.closest("section").ok().flatten())
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(section) = section else {
        return;
    };
    if !section.has_attribute("tabindex") {
        // Only fails on an invalid attribute name.
        section.set_attribute("tabindex", "-1").ok();
    }
    dom::show_and_focus(&section);
}
