fn main() {
    // index.html's static first screen goes in the same task as Yew's first render (a
    // microtask), so no frame shows both or neither.
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(first_screen) = document.and_then(|d| d.get_element_by_id("first-screen")) {
        first_screen.remove();
    }
    yew::Renderer::<event_sourcing_demo::ui::App>::new().render();
}
