//! Benchmark (run by .ci/bench in release mode; prints, asserts nothing about time): replaying
//! 10,000 and 100,000 events into the projections inside the browser's WebAssembly engine.
#![cfg(target_arch = "wasm32")]

use event_sourcing_demo::domain::{decode_log, encode_log, generate_log, Projections};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Median of `runs` timings of `f`, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = now_ms();
            f();
            now_ms() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

#[wasm_bindgen_test]
fn bench_replay_in_wasm() {
    for n in [10_000usize, 100_000] {
        let events = generate_log(n, 7);
        let mut check = 0;
        let ms = median_ms(7, || check = Projections::rebuild(&events).event_count);
        assert_eq!(check, n as u64);
        console_log!("BENCH wasm_replay_{n} {ms:.2} ms");
    }
    let text = encode_log(&generate_log(10_000, 7));
    let ms = median_ms(7, || assert_eq!(decode_log(&text).unwrap().len(), 10_000));
    console_log!("BENCH wasm_parse_10000 {ms:.2} ms");
}
