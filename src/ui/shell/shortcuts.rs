//! Single-key shortcuts for the actions. Ignored while the learner types in a field, while a
//! dialog is open, and when a modifier (Ctrl, Alt, Meta) is held, so browser keys keep working.

use crate::ui::hooks::shortcut_keys::use_shortcut_keys;
use crate::ui::page::state::Action;
use yew::prelude::*;

/// The action for a key, as listed in `shortcuts_help::SHORTCUTS`.
pub fn action_for(key: &str) -> Option<Action> {
    Some(match key {
        "n" => Action::Place,
        "p" => Action::Pay,
        "s" => Action::Ship,
        "d" => Action::Deliver,
        "c" => Action::Cancel,
        "j" => Action::SelectNext,
        "k" => Action::SelectPrevious,
        "f" => Action::TogglePresenter,
        "?" => Action::SetHelp(true),
        _ => return None,
    })
}

/// Listens for shortcuts on the whole document while the app is mounted.
#[hook]
pub fn use_shortcuts(on_action: Callback<Action>) {
    use_shortcut_keys(true, action_for, on_action);
}
