//! Small browser chores: the clipboard, file downloads, modal dialogs, leading to a panel.

use wasm_bindgen::JsCast;

/// Scrolls the panel with `id` into view and moves focus to it, as following a link would.
pub fn reveal(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        show_and_focus(&element);
    }
}

/// Scrolls `element` into view and focuses it (it must be focusable: a control, or an element
/// with a tabindex); focus can only fail on a detached element.
pub fn show_and_focus(element: &web_sys::HtmlElement) {
    element.scroll_into_view();
    element.focus().ok();
}

/// Copies `text` to the clipboard. Returns false when the browser refuses (no permission).
pub async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `contents` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click has started the download; the URL can go once this task ends.
    let release = url.clone();
    wasm_bindgen_futures::spawn_local(async move {
        // Freeing memory: if the browser refuses, the blob lives until the page is closed.
        web_sys::Url::revoke_object_url(&release).ok();
    });
    Ok(())
}

/// What the page says when the browser would not start a download.
pub fn download_failed(why: &str) -> String {
    format!("The download did not start ({why}). Nothing was changed; try again, or allow downloads for this page.")
}

/// Opens (`open == true`) or closes a `<dialog>` as a modal.
pub fn set_modal(dialog: &web_sys::HtmlDialogElement, open: bool) {
    if open && !dialog.open() {
        // Refused only for a dialog already open or detached; then show it without the modal
        // backdrop rather than not at all.
        if dialog.show_modal().is_err() {
            dialog.set_open(true);
        }
    } else if !open && dialog.open() {
        dialog.close();
    }
}
