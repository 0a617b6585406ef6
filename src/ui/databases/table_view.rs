//! What the traditional table shows: one page of rows, by order id.

use super::log_view::page_count;
use crate::app::Databases;
use crate::domain::OrderRow;

/// Traditional-table rows per page.
pub const TABLE_PAGE_SIZE: usize = 25;

/// One page of the traditional table, by order id.
#[derive(Debug, Clone, PartialEq)]
pub struct TablePage {
    pub rows: Vec<OrderRow>,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
}

pub fn table_page(db: &Databases, page: usize) -> TablePage {
    let ids = db.order_ids();
    let pages = page_count(ids.len(), TABLE_PAGE_SIZE);
    let page = page.min(pages - 1);
    let rows = ids
        .iter()
        .skip(page * TABLE_PAGE_SIZE)
        .take(TABLE_PAGE_SIZE)
        .filter_map(|&id| db.table().row(id).cloned())
        .collect();
    TablePage {
        rows,
        total: ids.len(),
        page,
        pages,
    }
}
