//! Writes a valid export file of N generated events (for benchmarks and manual scale tests):
//! `cargo run --release --example generate_log -- 10000 > log.json`

use event_sourcing_demo::domain::{encode_log, generate_log};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let seed: u64 = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(7);
    println!("{}", encode_log(&generate_log(n, seed)));
}
