//! Loads the log a lesson step is about when the step asks for it (`Lesson::wants`): through
//! the page's own load, which asks first when it would replace the learner's own events.

use crate::app::Example;
use crate::ui::lesson::steps::Needs;
use yew::prelude::*;

#[hook]
pub fn use_lesson_loader(wants: Option<Needs>, on_load: Callback<Example>) {
    use_effect_with(wants, move |wants| {
        if let Some(needs) = wants {
            on_load.emit(needs.example());
        }
    });
}
