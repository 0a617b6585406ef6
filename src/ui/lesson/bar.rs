//! The guided lesson: a bar at the bottom of the page that walks a class through the blog's
//! story. Each step outlines the part of the page it talks about and scrolls it into view.
//! Next and previous by button or the arrow keys (not while typing); the step is remembered in
//! localStorage, so a reload resumes where the class was.

use crate::ui::hooks::shortcut_keys::use_shortcut_keys;
use crate::ui::lesson::state::{Lesson, LessonAction, LESSON_KEY};
use crate::ui::lesson::steps::{Drive, STEPS};
use gloo_storage::{LocalStorage, Storage};
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
    pub lesson: Lesson,
    pub on_lesson: Callback<LessonAction>,
    /// Does what a step drives, through the same handlers as the page's own buttons.
    pub on_drive: Callback<Drive>,
}

#[function_component(LessonBar)]
pub fn lesson_bar(props: &LessonBarProps) -> Html {
    use_remembered_step(props.lesson, props.on_lesson.clone());
    use_shortcut_keys(
        props.lesson.step().is_some(),
        lesson_key,
        props.on_lesson.clone(),
    );
    {
        let on_drive = props.on_drive.clone();
        use_effect_with(props.lesson.step(), move |step| {
            let step = step.map(|i| STEPS[i]);
            if let Some(drive) = step.and_then(|s| s.on_enter) {
                on_drive.emit(drive);
            }
            let target = step.and_then(|s| highlight(s.target));
            move || {
                if let Some(element) = target {
                    let _ = element.remove_attribute(TARGET_ATTRIBUTE);
                }
            }
        });
    }
    let Some(index) = props.lesson.step() else {
        return html! {};
    };
    let step = STEPS[index];
    let lesson = |action: LessonAction| props.on_lesson.reform(move |_: MouseEvent| action);
    let drive = step.button.map(|(label, drive)| {
        let onclick = props.on_drive.reform(move |_: MouseEvent| drive);
        html! { <button type="button" class="button button-primary" {onclick}>{ label }</button> }
    });
    let (first, last) = (index == 0, index + 1 == STEPS.len());
    html! {
        <section class="lesson-bar" aria-label="Lesson">
            <div class="lesson-text">
                <p class="lesson-progress">
                    <span>{ format!("Step {} of {}", index + 1, STEPS.len()) }</span>
                    <progress max={STEPS.len().to_string()} value={(index + 1).to_string()} aria-label="Lesson progress" />
                </p>
                <h2 class="lesson-title">{ step.title }</h2>
                <p class="lesson-body">{ step.text }</p>
            </div>
            <div class="lesson-buttons button-row">
                { drive.unwrap_or_default() }
                <button type="button" class="button" aria-keyshortcuts="ArrowLeft"
                    aria-disabled={first.then_some("true")} onclick={(!first).then(|| lesson(LessonAction::Previous))}>
                    <span aria-hidden="true">{ "← " }</span>{ "Previous step" }
                </button>
                if last {
                    <button type="button" class="button button-primary" onclick={lesson(LessonAction::End)}>{ "Finish the lesson" }</button>
                } else {
                    <button type="button" class="button button-primary" aria-keyshortcuts="ArrowRight"
                        onclick={lesson(LessonAction::Next)}>
                        { "Next step" }<span aria-hidden="true">{ " →" }</span>
                    </button>
                }
                if !last {
                    <button type="button" class="button button-quiet" onclick={lesson(LessonAction::End)}>{ "End lesson" }</button>
                }
            </div>
        </section>
    }
}

/// Outlines the element `selector` finds and scrolls its top into view (smoothly, unless the
/// learner asked for reduced motion). Returns it, so the outline can be removed later.
fn highlight(selector: &str) -> Option<web_sys::Element> {
    let window = web_sys::window()?;
    let element = window.document()?.query_selector(selector).ok()??;
    let _ = element.set_attribute(TARGET_ATTRIBUTE, "true");
    let reduced = window
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    options.set_behavior(if reduced {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
    Some(element)
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
            if let Some(step) = remembered.filter(|_| lesson.step().is_none()) {
                on_lesson.emit(LessonAction::Resume(step));
                return;
            }
        }
        let storage = LocalStorage::raw();
        let _ = match lesson.stored() {
            Some(text) => storage.set_item(LESSON_KEY, &text),
            None => storage.remove_item(LESSON_KEY),
        };
    });
}

/// Left and right arrows move through the lesson while it is open.
fn lesson_key(key: &str) -> Option<LessonAction> {
    match key {
        "ArrowRight" => Some(LessonAction::Next),
        "ArrowLeft" => Some(LessonAction::Previous),
        _ => None,
    }
}
