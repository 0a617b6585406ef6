fn main() {
    yew::Renderer::<event_sourcing_demo::ui::App>::new().render();
}
