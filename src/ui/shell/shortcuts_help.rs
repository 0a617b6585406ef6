//! The list of keyboard shortcuts, opened with `?` or the header button.

use crate::ui::shell::shortcuts::SHORTCUTS;
use crate::ui::widgets::modal::Modal;
use yew::prelude::*;

/// Keys handled elsewhere (dialogs, the timeline in time_travel/panel.rs, the lesson in
/// lesson/bar.rs), listed here so the help names every shortcut on the page.
pub const OTHER_SHORTCUTS: [(&str, &str); 5] = [
    ("Esc", "Close a dialog"),
    ("[", "Timeline: one event back"),
    ("]", "Timeline: one event forward"),
    (
        "Home / End",
        "Timeline (when focused): jump to the start or the end",
    ),
    (
        "← / →",
        "Lesson: previous or next step (while the lesson is open)",
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
                { for SHORTCUTS.iter().map(|(key, _, what)| (*key, *what)).chain(OTHER_SHORTCUTS).map(|(key, what)| html! {
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
