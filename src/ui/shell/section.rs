//! The page's shell: the header with its toggles, the update banner, the keyboard shortcuts
//! (each does what its button does) and their help.

use crate::ui::controls::section::ControlsOn;
use crate::ui::page::state::Action;
use crate::ui::page::wire::{use_dispatch, Page, Wire};
use crate::ui::shell::header::Header;
use crate::ui::shell::shortcuts::{use_shortcuts, Shortcut};
use crate::ui::shell::shortcuts_help::ShortcutsHelp;
use crate::ui::shell::update_banner::UpdateBanner;
use yew::prelude::*;

pub struct ShellOn {
    pub presenter: Callback<()>,
    pub help: Callback<()>,
    pub help_close: Callback<()>,
}

/// Listens for the shortcuts and builds the toggles' callbacks.
#[hook]
pub fn use_shell_on(wire: &Wire, controls: &ControlsOn) -> ShellOn {
    let on = ShellOn {
        presenter: use_dispatch(wire, |()| Action::TogglePresenter),
        help: use_dispatch(wire, |()| Action::SetHelp(true)),
        help_close: use_dispatch(wire, |()| Action::SetHelp(false)),
    };
    let callbacks = (
        controls.place.clone(),
        controls.pay.clone(),
        controls.ship.clone(),
        controls.deliver.clone(),
        controls.cancel.clone(),
        controls.select_next.clone(),
        controls.select_previous.clone(),
        on.presenter.clone(),
        on.help.clone(),
    );
    let on_shortcut = use_callback(callbacks, |shortcut, on| {
        let (place, pay, ship, deliver, cancel, next, previous, presenter, help) = on;
        match shortcut {
            Shortcut::Place => place,
            Shortcut::Pay => pay,
            Shortcut::Ship => ship,
            Shortcut::Deliver => deliver,
            Shortcut::Cancel => cancel,
            Shortcut::NextOrder => next,
            Shortcut::PreviousOrder => previous,
            Shortcut::Presenter => presenter,
            Shortcut::Help => help,
        }
        .emit(())
    });
    use_shortcuts(on_shortcut);
    on
}

pub fn header(page: &Page, on: &ShellOn) -> Html {
    html! {
        <>
            <Header presenter={page.state.presenter} on_toggle_presenter={on.presenter.clone()} on_help={on.help.clone()} />
            <UpdateBanner />
        </>
    }
}

pub fn shortcuts_help(page: &Page, on: &ShellOn) -> Html {
    html! { <ShortcutsHelp open={page.state.help_open} on_close={on.help_close.clone()} /> }
}
