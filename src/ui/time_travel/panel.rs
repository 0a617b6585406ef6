//! Time travel: a timeline over the whole log. Moving it shows every order as of event n and
//! the log with the later events dimmed, while the traditional table admits it only knows now.
//!
//! Keys: the slider's own arrows, Home and End; `[` and `]` step anywhere on the page (not while
//! typing); Home and End also work on the timeline's buttons.

use crate::ui::hooks::shortcut_keys::{use_shortcut_keys, Key};
use crate::ui::time_travel::columns::{as_of_log, as_of_orders, only_now};
use crate::ui::time_travel::state::{position_text, TimeTravel, TimeTravelAction, SPEEDS};
use crate::ui::time_travel::view::TimeView;
use crate::ui::widgets::format;
use gloo_timers::callback::Interval;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimeTravelProps {
    /// Every order and the log as of the timeline's position (see `use_time_view`).
    pub view: Rc<TimeView>,
    pub travel: TimeTravel,
    pub on_action: Callback<TimeTravelAction>,
}

#[function_component(TimeTravelPanel)]
pub fn time_travel_panel(props: &TimeTravelProps) -> Html {
    let view = &props.view;
    let (len, position) = (view.len, view.position);
    let travel = &props.travel;
    use_playback(
        travel.playing,
        travel.speed().interval_ms,
        props.on_action.clone(),
    );
    use_shortcut_keys(true, &TIMELINE_KEYS, props.on_action.clone());

    let on_page = props.on_action.reform(TimeTravelAction::ShowPage);

    let act = |action: TimeTravelAction| props.on_action.reform(move |_: MouseEvent| action);
    let on_slide = props.on_action.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        TimeTravelAction::JumpTo(input.value().parse().unwrap_or(0))
    });
    let on_speed = props.on_action.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        TimeTravelAction::SetSpeed(select.value().parse().unwrap_or(0))
    });
    let on_keydown = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let is_slider = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some();
            let action = match e.key().as_str() {
                "Home" => TimeTravelAction::JumpToStart,
                "End" => TimeTravelAction::JumpToEnd,
                _ => return,
            };
            // The slider handles Home and End itself.
            if !is_slider {
                e.prevent_default();
                on_action.emit(action);
            }
        })
    };
    let at_start = position == 0;
    let at_end = position >= len;
    let button = |label: &'static str, action, disabled: bool, keys: Option<&'static str>| {
        html! {
            <button type="button" class="button button-small" aria-disabled={disabled.then_some("true")}
                aria-keyshortcuts={keys} onclick={(!disabled).then(|| act(action))}>
                { label }
                if let Some(keys) = keys { <kbd aria-hidden="true">{ keys }</kbd> }
            </button>
        }
    };
    let status = if travel.playing {
        format!("Playing at {}.", travel.speed().label)
    } else {
        where_text(view)
    };

    html! {
        <section id="time-travel" class="panel time-travel" aria-labelledby="time-travel-heading">
            <div class="tt-head">
                <h2 id="time-travel-heading">{ "Time travel" }</h2>
                <p class="tt-where" role="status">{ status }</p>
            </div>
            if len == 0 {
                <p class="hint">{ "The timeline covers the whole log. Place an order or load an example, then come back to replay it." }</p>
            } else {
                <div class="tt-controls" role="group" aria-label="Timeline controls" onkeydown={on_keydown}>
                    <div class="tt-slider-row">
                        <label for="timeline" class="field-label">{ "Timeline" }</label>
                        <input id="timeline" class="tt-slider" type="range" min="0" max={len.to_string()}
                            step="1" value={position.to_string()} aria-valuetext={position_text(position, len)}
                            aria-describedby="timeline-keys" oninput={on_slide} />
                        <span class="tt-count" aria-hidden="true">{ position_text(position, len) }</span>
                    </div>
                    <div class="button-row">
                        { button("Jump to start", TimeTravelAction::JumpToStart, at_start, None) }
                        { button("Step back", TimeTravelAction::Step(-1), at_start, Some("[")) }
                        <button type="button" class={classes!("button", "button-small", "tt-play")}
                            onclick={act(TimeTravelAction::TogglePlay)}>
                            { if travel.playing { "Pause" } else { "Play" } }
                        </button>
                        { button("Step forward", TimeTravelAction::Step(1), at_end, Some("]")) }
                        { button("Jump to end", TimeTravelAction::JumpToEnd, at_end, None) }
                        <label for="tt-speed" class="field-label">{ "Speed" }</label>
                        <select id="tt-speed" onchange={on_speed}>
                            { for SPEEDS.iter().enumerate().map(|(i, speed)| html! {
                                <option value={i.to_string()} selected={i == travel.speed}>{ speed.label }</option>
                            }) }
                        </select>
                    </div>
                    <p id="timeline-keys" class="hint tt-keys">
                        { "Arrow keys move the timeline one event; Home and End jump to the ends; " }
                        <kbd>{ "[" }</kbd>{ " and " }<kbd>{ "]" }</kbd>{ " step from anywhere on the page." }
                    </p>
                </div>
                <div class="tt-columns">
                    { as_of_orders(view, on_page) }
                    { as_of_log(view, &props.on_action.reform(TimeTravelAction::JumpTo)) }
                    { only_now(view) }
                </div>
            }
        </section>
    }
}

/// "Event 7 of 13, 2024-03-05 10:06:10: OrderPaid on order 3." or "Now: all 13 events."
fn where_text(view: &Rc<TimeView>) -> String {
    match &view.current {
        _ if !view.is_past() => format!(
            "Now: all {} replayed.",
            format::count(view.len, "event", "events")
        ),
        None => format!(
            "The start: none of the {} has happened yet.",
            format::count(view.len, "event", "events")
        ),
        Some(event) => format!(
            "{}, {}: {} on order {}.",
            position_text(view.position, view.len),
            format::timestamp(event.event_timestamp),
            event.event.event_type(),
            event.order_id
        ),
    }
}

/// Ticks the timeline while it plays, every `interval` milliseconds.
#[hook]
fn use_playback(playing: bool, interval: u32, on_action: Callback<TimeTravelAction>) {
    use_effect_with((playing, interval), move |&(playing, interval)| {
        let timer = playing
            .then(|| Interval::new(interval, move || on_action.emit(TimeTravelAction::Tick)));
        move || drop(timer)
    });
}

/// `[` and `]` step the timeline from anywhere, except while typing or in a dialog.
pub const TIMELINE_KEYS: [Key<TimeTravelAction>; 2] = [
    Key {
        key: "[",
        shown: "[",
        action: TimeTravelAction::Step(-1),
        help: "Timeline: one event back",
    },
    Key {
        key: "]",
        shown: "]",
        action: TimeTravelAction::Step(1),
        help: "Timeline: one event forward",
    },
];
