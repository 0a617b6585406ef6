//! The guided lesson: a bar at the bottom of the page that walks a class through the blog's
//! story. Each step outlines the part of the page it talks about and scrolls it into view.
//! Next and previous by button or the arrow keys (not while typing); the step is remembered in
//! localStorage, so a reload resumes where the class was.

use crate::ui::controls::example_text;
use crate::ui::hooks::shortcut_keys::{use_shortcut_keys, Key};
use crate::ui::lesson::setup::{LessonView, StepState};
use crate::ui::lesson::state::{Lesson, LessonAction, LESSON_KEY};
use crate::ui::lesson::steps::{Task, PART_TWO, STEPS};
use gloo_storage::{LocalStorage, Storage};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// The attribute that outlines the part of the page a step talks about. An attribute rather
/// than a class: the components that own those elements never touch it.
const TARGET_ATTRIBUTE: &str = "data-lesson-target";

/// "Start the lesson", beside the examples. Hidden while a lesson runs: the bar is showing.
pub fn lesson_launcher(lesson: Lesson, on_lesson: &Callback<LessonAction>) -> Html {
    if lesson.step().is_some() {
        return html! {};
    }
    let start = on_lesson.reform(|_: MouseEvent| LessonAction::Start);
    html! {
        <button type="button" class="button lesson-start" onclick={start}>{ "Start the lesson" }</button>
    }
}

#[derive(Properties, PartialEq)]
pub struct LessonBarProps {
    /// The open step and where it stands; the bar is hidden when `None`.
    pub view: Option<LessonView>,
    /// The lesson: its step and whether the log is its own are remembered across reloads, and
    /// each step entered with its setup done has its target outlined anew.
    pub lesson: Lesson,
    pub on_lesson: Callback<LessonAction>,
    /// "Show me": does the step's task for the learner.
    pub on_show_me: Callback<Task>,
}

#[function_component(LessonBar)]
pub fn lesson_bar(props: &LessonBarProps) -> Html {
    let index = props.view.as_ref().map(|v| v.index);
    let lesson = props.lesson;
    use_remembered_step(lesson, props.on_lesson.clone());
    use_shortcut_keys(index.is_some(), &LESSON_KEYS, props.on_lesson.clone());
    let collapsed = use_state(|| false);
    use_effect_with((index, lesson.entered), move |(index, _)| {
        let target = index.and_then(|i| highlight(STEPS[i].target));
        // Panels off screen are laid out only when scrolled near (content-visibility), so the
        // page can grow above the target while scrolling to it: look again once it settled.
        let settle: Vec<Timeout> = target
            .iter()
            .flat_map(|element| {
                SETTLE_MS.map(|ms| {
                    let element = element.clone();
                    Timeout::new(ms, move || {
                        if !in_upper_half(&element) {
                            scroll_to(&element, web_sys::ScrollBehavior::Instant);
                        }
                    })
                })
            })
            .collect();
        move || {
            drop(settle);
            if let Some(element) = target {
                // Removing an attribute cannot fail on an element we hold.
                element.remove_attribute(TARGET_ATTRIBUTE).ok();
            }
        }
    });
    let Some(view) = &props.view else {
        return html! {};
    };
    let (index, step) = (view.index, view.step);
    let lesson = |action: LessonAction| props.on_lesson.reform(move |_: MouseEvent| action);
    let jump = props.on_lesson.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        LessonAction::Jump(select.value().parse().unwrap_or(0))
    });
    let toggle = {
        let collapsed = collapsed.clone();
        Callback::from(move |_: MouseEvent| collapsed.set(!*collapsed))
    };
    let (first, last) = (index == 0, index + 1 == STEPS.len());
    let option = |i: usize| {
        html! {
            <option value={i.to_string()} selected={i == index}>
                { format!("Step {} of {}: {}", i + 1, STEPS.len(), STEPS[i].title) }
            </option>
        }
    };
    // One primary button: the step's own action while it waits to be done, else Next.
    let (body, action) = step_body(view, &props.on_lesson, &props.on_show_me);
    let next_is_primary = action.is_none();
    let next_class = classes!("button", next_is_primary.then_some("button-primary"));
    html! {
        <section class={classes!("lesson-bar", collapsed.then_some("is-collapsed"))} aria-label="Lesson">
            <div class="lesson-text">
                <p class="lesson-progress">
                    <select class="lesson-jump" aria-label="Lesson step" onchange={jump}>
                        <optgroup label="Part 1: the basics">{ for (0..PART_TWO).map(option) }</optgroup>
                        <optgroup label="Part 2: beyond the basics">{ for (PART_TWO..STEPS.len()).map(option) }</optgroup>
                    </select>
                    <progress max={STEPS.len().to_string()} value={(index + 1).to_string()} aria-label="Lesson progress" />
                </p>
                <h2 class="lesson-title">{ step.title }</h2>
                <div id="lesson-body" class="lesson-body-wrap" hidden={*collapsed}>{ body }</div>
            </div>
            <div class="lesson-buttons button-row">
                { action.unwrap_or_default() }
                <button type="button" class="button" aria-keyshortcuts="ArrowLeft"
                    aria-disabled={first.then_some("true")} onclick={(!first).then(|| lesson(LessonAction::Previous))}>
                    <span aria-hidden="true">{ "← " }</span>{ "Previous step" }
                </button>
                if last {
                    <button type="button" class={next_class} onclick={lesson(LessonAction::End)}>{ "Finish the lesson" }</button>
                } else {
                    <button type="button" class={next_class} aria-keyshortcuts="ArrowRight"
                        onclick={lesson(LessonAction::Next)}>
                        { "Next step" }<span aria-hidden="true">{ " →" }</span>
                    </button>
                    <button type="button" class="button button-quiet" onclick={lesson(LessonAction::End)}>{ "End lesson" }</button>
                }
                <button type="button" class="button button-quiet lesson-toggle" aria-controls="lesson-body"
                    aria-expanded={(!*collapsed).to_string()} onclick={toggle}>
                    { if *collapsed { "Show text" } else { "Hide text" } }
                </button>
            </div>
        </section>
    }
}

/// The step's text as the page now stands, and its primary action if it has one.
fn step_body(
    view: &LessonView,
    on_lesson: &Callback<LessonAction>,
    on_show_me: &Callback<Task>,
) -> (Html, Option<Html>) {
    let primary = |label: String, onclick: Callback<MouseEvent>| {
        html! { <button type="button" class="button button-primary" {onclick}>{ label }</button> }
    };
    match &view.state {
        StepState::Ready(task) => {
            let text = html! { <p class="lesson-body">{ view.step.text }</p> };
            match task {
                Some((task, true)) => (
                    html! { <>{ text }<p class="lesson-done" role="status">
                    <span aria-hidden="true">{ "✓ " }</span>{ task.done_text() }</p></> },
                    None,
                ),
                Some((task, false)) => {
                    let task = *task;
                    (
                        text,
                        Some(primary("Show me".into(), on_show_me.reform(move |_| task))),
                    )
                }
                None => (text, None),
            }
        }
        StepState::Loading(example) => (
            html! { <p class="lesson-body" role="status">{ format!("Setting up this step: loading {}…", example_text::name(*example)) }</p> },
            None,
        ),
        StepState::Missing(example) => (
            html! { <p class="lesson-body">{ format!(
            "This step is about {}. Your own log is kept instead, so the step's text is not shown: it would not be true of this page.",
            example_text::name(*example)) }</p> },
            Some(primary(
                format!("Load {}", example_text::name(*example)),
                on_lesson.reform(|_| LessonAction::Retry),
            )),
        ),
    }
}

/// Outlines the element `selector` finds and scrolls its top into view (smoothly, unless the
/// learner asked for reduced motion). Returns it, so the outline can be removed later.
fn highlight(selector: &str) -> Option<web_sys::Element> {
    let window = web_sys::window()?;
    let element = window.document()?.query_selector(selector).ok()??;
    // Setting a plain attribute on an element we hold cannot fail.
    element.set_attribute(TARGET_ATTRIBUTE, "true").ok();
    let reduced = window
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    scroll_to(
        &element,
        if reduced {
            web_sys::ScrollBehavior::Instant
        } else {
            web_sys::ScrollBehavior::Smooth
        },
    );
    Some(element)
}

/// When the target is looked at again: once a smooth scroll has settled, and twice more while
/// the panels it passed (laid out only when near) take their real size.
const SETTLE_MS: [u32; 3] = [600, 1100, 1800];

fn scroll_to(element: &web_sys::Element, behavior: web_sys::ScrollBehavior) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    options.set_behavior(behavior);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Whether the element's top edge is on screen, in the upper half (above the lesson bar).
fn in_upper_half(element: &web_sys::Element) -> bool {
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let top = element.get_bounding_client_rect().top();
    (-1.0..=height / 2.0).contains(&top)
}

/// Resumes the remembered step once, then remembers every change.
#[hook]
fn use_remembered_step(lesson: Lesson, on_lesson: Callback<LessonAction>) {
    let restored = use_mut_ref(|| false);
    use_effect_with(lesson, move |lesson| {
        if !*restored.borrow() {
            *restored.borrow_mut() = true;
            let remembered = LocalStorage::raw()
                .get_item(LESSON_KEY)
                .ok()
                .flatten()
                .and_then(|text| Lesson::remembered(&text, STEPS.len()));
            if let Some(resume) = remembered.filter(|_| lesson.step().is_none()) {
                on_lesson.emit(resume);
                return;
            }
        }
        let storage = LocalStorage::raw();
        // A preference: if the browser refuses to keep it, a reload simply starts the lesson
        // over, and nothing else is lost.
        match lesson.stored() {
            Some(text) => storage.set_item(LESSON_KEY, &text),
            None => storage.remove_item(LESSON_KEY),
        }
        .ok();
    });
}

/// Left and right arrows move through the lesson while it is open.
pub const LESSON_KEYS: [Key<LessonAction>; 2] = [
    Key {
        key: "ArrowLeft",
        shown: "←",
        action: LessonAction::Previous,
        help: "Lesson: previous step (while the lesson is open)",
    },
    Key {
        key: "ArrowRight",
        shown: "→",
        action: LessonAction::Next,
        help: "Lesson: next step (while the lesson is open)",
    },
];
