//! Wall-clock measurements shown to the learner ("Replayed 10,000 events in 38 ms").

/// Milliseconds from the browser's monotonic clock; 0 outside the browser.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// "Replayed 10,000 events in 38 ms."
pub fn replayed(events: usize, started_ms: f64) -> String {
    // Whole milliseconds, as an integer: formatting floats would cost download size.
    let elapsed = (now_ms() - started_ms).max(0.0).round() as u64;
    format!(
        "Replayed {} in {elapsed} ms.",
        crate::ui::widgets::format::count(events, "event", "events")
    )
}
