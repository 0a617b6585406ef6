//! "Questions only the log can answer": pick a question nobody planned for; the log answers it
//! by a replay built on the spot, and beside it the traditional table says why it cannot.

use crate::domain::questions::Question;
use crate::ui::questions::answer_table::answer_table;
use crate::ui::questions::use_answer::QuestionView;
use crate::ui::widgets::format;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    /// The picked question's answer, kept up to date; `None` until one is picked.
    pub view: Option<Rc<QuestionView>>,
    pub on_pick: Callback<Question>,
}

/// "Built by replaying 10 events in under 1 ms."
fn built_text(view: &QuestionView) -> String {
    let ms = view.built_ms.round() as u64;
    let time = if ms == 0 {
        "under 1 ms".to_string()
    } else {
        format!("{ms} ms")
    };
    let mut text = format!(
        "A new read model, built by replaying {} in {time}.",
        format::count(view.built_from, "event", "events")
    );
    if view.events > view.built_from {
        text.push_str(&format!(
            " Kept up to date since: {} now.",
            format::count(view.events, "event", "events")
        ));
    }
    text
}

#[function_component(QuestionsPanel)]
pub fn questions_panel(props: &QuestionsProps) -> Html {
    let picked = props.view.as_ref().map(|v| v.question);
    let choices = Question::ALL.iter().map(|&question| {
        let id = format!("question-{}", question as u8);
        let onchange = props.on_pick.reform(move |_: Event| question);
        html! {
            <li>
                <input type="radio" name="question" id={id.clone()} checked={picked == Some(question)} {onchange} />
                <label for={id}>{ question.title() }</label>
            </li>
        }
    });
    html! {
        <section id="questions" class="panel questions" aria-labelledby="questions-heading">
            <h2 id="questions-heading">{ "Questions only the log can answer" }</h2>
            <p class="hint">
                { "Nobody asked these when the orders were written. Pick one: a new read model is built on the spot by replaying the whole log, then kept up to date as new events arrive." }
            </p>
            <fieldset class="q-pick">
                <legend>{ "Pick a question" }</legend>
                <ul class="q-choices">{ for choices }</ul>
            </fieldset>
            if let Some(view) = &props.view {
                { answer(view) }
            }
        </section>
    }
}

fn answer(view: &QuestionView) -> Html {
    let loss = view.question.what_the_table_lost();
    let columns = loss.overwritten.iter().map(|c| {
        html! { <li><code>{ format!("orders.{}", c.name()) }</code>{ " (overwritten)" }</li> }
    });
    let never = loss
        .never_stored
        .iter()
        .map(|fact| html! { <li>{ *fact }</li> });
    html! {
        <div class="q-columns">
            <div class="q-log" role="group" aria-labelledby="q-log-heading">
                <h3 id="q-log-heading">{ "The event log answers" }</h3>
                <p class="q-built" role="status">{ built_text(view) }</p>
                { answer_table(&view.answer) }
            </div>
            <div class="q-table" role="group" aria-labelledby="q-table-heading">
                <h3 id="q-table-heading">{ "The traditional table answers" }</h3>
                <p class="q-cannot"><strong>{ "It cannot." }</strong>{ " " }{ loss.sentence }</p>
                <p class="field-label">{ "Lost to an UPDATE" }</p>
                <ul class="q-lost">{ for columns }</ul>
                <p class="field-label">{ "Never stored at all" }</p>
                <ul class="q-lost">{ for never }</ul>
            </div>
        </div>
    }
}
