//! Which order is selected: choosing one, moving through them, and the table page that shows it.

use super::state::AppState;
use crate::domain::OrderId;
use crate::ui::controls::drafts::default_tracking;
use crate::ui::databases::table_view::TABLE_PAGE_SIZE;

impl AppState {
    pub(crate) fn select(&mut self, order_id: OrderId) {
        self.selected = Some(order_id);
        self.drafts.tracking = default_tracking(order_id);
        self.show_in_table(order_id);
    }

    pub(crate) fn select_last(&mut self) {
        let last = self.log.read().order_ids().last().copied();
        match last {
            Some(id) => self.select(id),
            None => self.selected = None,
        }
    }

    pub(crate) fn select_step(&mut self, step: isize) {
        let ids = self.log.read().order_ids();
        let Some(&last) = ids.last() else { return };
        let next = match self.selected.and_then(|id| ids.binary_search(&id).ok()) {
            Some(at) => ids[at.saturating_add_signed(step).min(ids.len() - 1)],
            None => last,
        };
        self.select(next);
    }

    fn show_in_table(&mut self, order_id: OrderId) {
        let ids = self.log.read().order_ids();
        if let Ok(at) = ids.binary_search(&order_id) {
            self.table_page = at / TABLE_PAGE_SIZE;
        }
    }
}
