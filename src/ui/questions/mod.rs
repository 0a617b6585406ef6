//! Questions only the log can answer: the learner picks a question nobody planned for, and a
//! new read model is built on the spot by replaying the whole log, then kept up to date.

pub(crate) mod answer_table;
pub(crate) mod panel;
pub(crate) mod section;
pub(crate) mod use_answer;
