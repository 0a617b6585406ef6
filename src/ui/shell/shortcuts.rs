//! Single-key shortcuts for the actions, listed once: the keyboard handler and the help dialog
//! both read [`SHORTCUTS`]. Ignored while the learner types in a field, while a dialog is open,
//! and when a modifier (Ctrl, Alt, Meta) is held, so browser keys keep working.

use crate::ui::hooks::shortcut_keys::{use_shortcut_keys, Key};
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

const fn key(key: &'static str, action: Shortcut, help: &'static str) -> Key<Shortcut> {
    Key {
        key,
        shown: key,
        action,
        help,
    }
}

/// Every single-key shortcut of the page's actions.
pub const SHORTCUTS: [Key<Shortcut>; 9] = [
    key(
        "n",
        Shortcut::Place,
        "Place order (with the Customer and Total amount shown)",
    ),
    key("p", Shortcut::Pay, "Pay the selected order"),
    key("s", Shortcut::Ship, "Ship the selected order"),
    key("d", Shortcut::Deliver, "Deliver the selected order"),
    key("c", Shortcut::Cancel, "Cancel the selected order"),
    key("j", Shortcut::NextOrder, "Select the next order"),
    key("k", Shortcut::PreviousOrder, "Select the previous order"),
    key(
        "f",
        Shortcut::Presenter,
        "Presenter mode on or off (larger text)",
    ),
    key("?", Shortcut::Help, "Show these shortcuts"),
];

/// Listens for shortcuts on the whole document while the app is mounted.
#[hook]
pub fn use_shortcuts(on_shortcut: Callback<Shortcut>) {
    use_shortcut_keys(true, &SHORTCUTS, on_shortcut);
}
