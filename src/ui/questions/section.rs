//! Questions only the log can answer, on the page.

use crate::app::LogReader;
use crate::domain::questions::Question;
use crate::ui::page::state::Action;
use crate::ui::page::wire::{use_dispatch, Wire};
use crate::ui::questions::panel::QuestionsPanel;
use crate::ui::questions::use_answer::use_answer;
use yew::prelude::*;

pub struct QuestionsOn {
    pub pick: Callback<Question>,
    /// The picked question's answer, kept up to date with the log.
    pub answer: Option<std::rc::Rc<crate::ui::questions::use_answer::QuestionView>>,
}

/// The picked question answered from `log` as of `revision`, and the callback to pick one.
#[hook]
pub fn use_questions_on(
    wire: &Wire,
    log: LogReader,
    question: Option<Question>,
    revision: u64,
) -> QuestionsOn {
    QuestionsOn {
        pick: use_dispatch(wire, Action::PickQuestion),
        answer: use_answer(log, question, revision),
    }
}

pub fn questions(on: &QuestionsOn) -> Html {
    html! { <QuestionsPanel view={on.answer.clone()} on_pick={on.pick.clone()} /> }
}
