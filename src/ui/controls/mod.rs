//! What the learner acts with: the order form, the action bar and its Order select, the examples and reset.

pub(crate) mod action_bar;
pub(crate) mod alert;
pub(crate) mod drafts;
pub(crate) mod example_text;
pub(crate) mod examples_bar;
pub(crate) mod option_filler;
pub(crate) mod order_form;
pub(crate) mod order_options;
pub(crate) mod order_select;
pub(crate) mod reset_button;
pub(crate) mod section;
