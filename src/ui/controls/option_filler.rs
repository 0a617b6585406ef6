//! Keeping a `<select>`'s options in step with the list of orders, cheaply at any size.
//!
//! - Options are built with `new Option(label, value)`: two calls into the DOM each, where a
//!   Yew node costs five plus its diffing on every render.
//! - Placing an order appends one option; nothing else is touched.
//! - A long list built from scratch (start-up, import) shows the selected option at once and
//!   adds the others in chunks between frames, so the first frame is not held back by thousands
//!   of options nobody can see until the select is opened, and no task runs long.

use crate::domain::OrderId;
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlOptionElement, HtmlSelectElement};

/// (order_id, label) for every order, ascending.
pub type OrderOptions = Rc<Vec<(OrderId, String)>>;

/// Lists this long or shorter are built in one go.
const BUILD_AT_ONCE: usize = 300;
/// Options added per task while filling a long list.
const CHUNK: usize = 400;

#[derive(Default)]
pub struct OptionFiller {
    /// The list the select's options match (or will, once the fill is done).
    built: Option<OrderOptions>,
    /// The order that must be shown selected.
    selected: Option<OrderId>,
    /// Counts builds: a fill still running for an older list sees the count moved on and stops.
    generation: u64,
    /// While a long list is being added: the option shown first (smaller ids go before it).
    anchor: Option<(OrderId, HtmlOptionElement)>,
}

impl OptionFiller {
    /// Makes `select` show `options` with `selected` chosen.
    pub fn show(
        this: &Rc<RefCell<Self>>,
        select: &HtmlSelectElement,
        options: &OrderOptions,
        selected: Option<OrderId>,
    ) {
        let mut filler = this.borrow_mut();
        filler.selected = selected;
        let unchanged = filler
            .built
            .as_ref()
            .is_some_and(|b| Rc::ptr_eq(b, options));
        if !unchanged {
            filler.generation += 1; // a fill of an older list stops at its next chunk
            let was_filling = filler.anchor.take().is_some();
            let old = filler.built.take().filter(|_| !was_filling);
            match old.filter(|old| !old.is_empty() && options.starts_with(old)) {
                Some(old) => add_all(select, &options[old.len()..]),
                None if options.len() <= BUILD_AT_ONCE => rebuild(select, options),
                None => {
                    // The first frame gets only the option to show; the rest follow.
                    select.set_length(0);
                    let shown = selected
                        .and_then(|id| options.iter().find(|(o, _)| *o == id))
                        .or(options.last());
                    filler.anchor = shown.and_then(|(id, label)| {
                        Some((*id, add(select, label, &id.to_string(), None)?))
                    });
                    let generation = filler.generation;
                    let (this, select, options) = (this.clone(), select.clone(), options.clone());
                    wasm_bindgen_futures::spawn_local(fill(this, select, options, generation));
                }
            }
            filler.built = Some(options.clone());
        }
        if filler.anchor.is_none() {
            choose(select, selected);
        }
    }
}

/// Every option, from scratch.
fn rebuild(select: &HtmlSelectElement, options: &[(OrderId, String)]) {
    select.set_length(0);
    if options.is_empty() {
        add(select, "No orders yet", "", None);
    }
    add_all(select, options);
}

fn add_all(select: &HtmlSelectElement, options: &[(OrderId, String)]) {
    for (id, label) in options {
        add(select, label, &id.to_string(), None);
    }
}

/// Adds the options of a long list a chunk per task. Ascending order is kept around the option
/// shown first: smaller ids go before it, larger ones after.
async fn fill(
    this: Rc<RefCell<OptionFiller>>,
    select: HtmlSelectElement,
    options: OrderOptions,
    generation: u64,
) {
    for chunk in options.chunks(CHUNK) {
        TimeoutFuture::new(0).await;
        let filler = this.borrow();
        if filler.generation != generation {
            return;
        }
        for (id, label) in chunk {
            let value = id.to_string();
            match &filler.anchor {
                Some((anchor, _)) if id == anchor => {}
                Some((anchor, before)) if id < anchor => {
                    add(&select, label, &value, Some(before));
                }
                _ => {
                    add(&select, label, &value, None);
                }
            }
        }
    }
    let mut filler = this.borrow_mut();
    if filler.generation == generation {
        filler.anchor = None;
        choose(&select, filler.selected);
    }
}

/// Shows `selected` as chosen; with nothing selected the browser shows the first option.
fn choose(select: &HtmlSelectElement, selected: Option<OrderId>) {
    if let Some(id) = selected {
        select.set_value(&id.to_string());
    }
}

/// Adds one option at the end, or just before the option `before` (by node, not by index:
/// finding the n-th option walks the list).
fn add(
    select: &HtmlSelectElement,
    label: &str,
    value: &str,
    before: Option<&HtmlOptionElement>,
) -> Option<HtmlOptionElement> {
    let option = HtmlOptionElement::new_with_text_and_value(label, value).ok()?;
    match before {
        Some(next) => select.insert_before(&option, Some(next)).ok()?,
        None => select.append_child(&option).ok()?,
    };
    Some(option)
}
