//! Single-key shortcuts for the actions, listed once: the keyboard handler and the help dialog
//! both read [`SHORTCUTS`]. Ignored while the learner types in a field, while a dialog is open,
//! and when a modifier (Ctrl, Alt, Meta) is held, so browser keys keep working.

use crate::ui::hooks::shortcut_keys::use_shortcut_keys;
use yew::prelude::*;

/// What a shortcut does; the page maps each to the same handler as its button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    Place,
    Pay,
    Ship,
    Deliver,
    Cancel,
    NextOrder,
    PreviousOrder,
    Presenter,
    Help,
}

/// Every single-key shortcut: (key, what it does, in words for the help).
pub const SHORTCUTS: [(&str, Shortcut, &str); 9] = [
    (
        "n",
        Shortcut::Place,
        "Place order (with the Customer and Total amount shown)",
    ),
    ("p", Shortcut::Pay, "Pay the selected order"),
    ("s", Shortcut::Ship, "Ship the selected order"),
    ("d", Shortcut::Deliver, "Deliver the selected order"),
    ("c", Shortcut::Cancel, "Cancel the selected order"),
    ("j", Shortcut::NextOrder, "Select the next order"),
    ("k", Shortcut::PreviousOrder, "Select the previous order"),
    (
        "f",
        Shortcut::Presenter,
        "Presenter mode on or off (larger text)",
    ),
    ("?", Shortcut::Help, "Show these shortcuts"),
];

/// The shortcut for a key, if it is one.
pub fn shortcut_for(key: &str) -> Option<Shortcut> {
    SHORTCUTS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, shortcut, _)| *shortcut)
}

/// Listens for shortcuts on the whole document while the app is mounted.
#[hook]
pub fn use_shortcuts(on_shortcut: Callback<Shortcut>) {
    use_shortcut_keys(true, shortcut_for, on_shortcut);
}
