//! The list of keyboard shortcuts, opened with `?` or the header button.

use crate::ui::hooks::shortcut_keys::help_of;
use crate::ui::lesson::bar::LESSON_KEYS;
use crate::ui::shell::shortcuts::SHORTCUTS;
use crate::ui::time_travel::panel::TIMELINE_KEYS;
use crate::ui::widgets::modal::Modal;
use yew::prelude::*;

/// Keys the browser itself handles (a dialog, a focused slider), named so the help lists every
/// key the page answers to. The page's own keys come from each feature's key table.
const BROWSER_KEYS: [(&str, &str); 2] = [
    ("Esc", "Close a dialog"),
    (
        "Home / End",
        "Timeline (when focused): jump to the start or the end",
    ),
];

#[derive(Properties, PartialEq)]
pub struct ShortcutsHelpProps {
    pub open: bool,
    pub on_close: Callback<()>,
}

#[function_component(ShortcutsHelp)]
pub fn shortcuts_help(props: &ShortcutsHelpProps) -> Html {
    html! {
        <Modal open={props.open} labelled_by="shortcuts-title" class="help-dialog"
            on_close={props.on_close.clone()}>
            <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
            <p>{ "Shortcuts work anywhere except while typing in a field. Tab moves between controls; Enter in Customer or Total amount places the order." }</p>
            <dl class="shortcut-list">
                { for help_of(&SHORTCUTS).chain(help_of(&TIMELINE_KEYS)).chain(help_of(&LESSON_KEYS)).chain(BROWSER_KEYS).map(|(key, what)| html! {
                    <div class="shortcut"><dt><kbd>{ key }</kbd></dt><dd>{ what }</dd></div>
                }) }
            </dl>
            <div class="button-row dialog-buttons">
                <button type="button" class="button button-primary" autofocus=true
                    onclick={props.on_close.reform(|_| ())}>{ "Close" }</button>
            </div>
        </Modal>
    }
}
