//! Share links on the page: the panel that makes them, and opening one from the address.

use crate::ui::page::state::Action;
use crate::ui::page::wire::{use_dispatch, Page, Wire};
use crate::ui::share::panel::{share_alert, use_share_link, SharePanel};
use yew::prelude::*;

pub struct ShareOn {
    pub dismiss_error: Callback<()>,
}

/// Opens the share link in the address (now and whenever it changes) and builds the callbacks.
#[hook]
pub fn use_share_on(wire: &Wire) -> ShareOn {
    let open = use_dispatch(wire, Action::OpenShareLink);
    use_share_link(open);
    ShareOn {
        dismiss_error: use_dispatch(wire, |()| Action::DismissShareError),
    }
}

/// Why a share link was not opened, if it was not.
pub fn share_refused(page: &Page, on: &ShareOn) -> Html {
    share_alert(page.state.share.error.as_deref(), &on.dismiss_error)
}

pub fn share_panel(page: &Page) -> Html {
    let below = page.below;
    html! {
        <SharePanel log_len={below.log_len} revision={below.revision}
            make_fragment={page.reads.make_fragment.clone()}
            challenges={AttrValue::from(page.state.challenges.set().to_string())} />
    }
}
