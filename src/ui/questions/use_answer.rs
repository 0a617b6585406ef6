//! The picked question's read model, kept with the page: built by replaying the whole log when
//! the question is picked (and timed), then kept up to date with just the events appended since.
//! A log replaced by another one (an example, an import) is replayed again.

use crate::app::LogReader;
use crate::domain::questions::{Answer, Question, QuestionModel};
use crate::ui::widgets::timing;
use std::rc::Rc;
use yew::prelude::*;

/// What the questions panel shows of the picked question.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionView {
    pub question: Question,
    pub answer: Answer,
    /// How many events the replay that built the model read, and how long it took.
    pub built_from: usize,
    pub built_ms: f64,
    /// How many events the model holds now (more than `built_from` once it has kept up).
    pub events: usize,
}

/// The model as built, and the log it belongs to.
struct Kept {
    model: QuestionModel,
    generation: String,
    built_from: usize,
    built_ms: f64,
}

#[hook]
pub fn use_answer(
    log: LogReader,
    question: Option<Question>,
    revision: u64,
) -> Option<Rc<QuestionView>> {
    let kept = use_mut_ref(|| None::<Kept>);
    let view = use_memo((question, revision), move |&(question, _)| {
        let question = question?;
        let db = log.read();
        let events = db.events();
        let mut kept = kept.borrow_mut();
        let current = kept.as_mut().filter(|k| {
            k.model.question() == question
                && k.generation == db.generation()
                && k.model.events_applied() as usize <= events.len()
        });
        let kept = match current {
            Some(kept) => {
                let applied = kept.model.events_applied() as usize;
                kept.model.apply_all(&events[applied..]);
                kept
            }
            None => {
                let started = timing::now_ms();
                let model = QuestionModel::build(question, events);
                kept.insert(Kept {
                    model,
                    generation: db.generation().to_string(),
                    built_from: events.len(),
                    built_ms: (timing::now_ms() - started).max(0.0),
                })
            }
        };
        Some(Rc::new(QuestionView {
            question,
            answer: kept.model.answer(),
            built_from: kept.built_from,
            built_ms: kept.built_ms,
            events: kept.model.events_applied() as usize,
        }))
    });
    (*view).clone()
}
