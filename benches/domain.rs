//! How fast the pure domain is: folding and rebuilding projections over big logs, and the JSON
//! wire format. Run with `cargo bench --bench domain` (a few minutes on 2 cores).
//!
//! Logs come from `generate_log`, so every run measures the same valid activity.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use event_sourcing_demo::domain::{
    decode_log, encode_log, evolve, generate_log, Order, Projections, RecordedEvent,
    TraditionalTable,
};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

const SEED: u64 = 2024;

/// The bare fold: every event through `evolve` into a map of orders, nothing else.
fn fold_orders(events: &[RecordedEvent]) -> BTreeMap<u64, Order> {
    let mut orders: BTreeMap<u64, Order> = BTreeMap::new();
    for event in events {
        let slot = orders
            .entry(event.order_id)
            .or_insert_with(|| Order::new(event.order_id));
        *slot = evolve(std::mem::take(slot), event);
    }
    orders
}

fn replay(c: &mut Criterion) {
    let mut group = c.benchmark_group("replay");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for n in [10_000usize, 100_000, 1_000_000] {
        let log = generate_log(n, SEED);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("fold", n), &log, |b, log| {
            b.iter(|| fold_orders(black_box(log)))
        });
        group.bench_with_input(
            BenchmarkId::new("rebuild_projections", n),
            &log,
            |b, log| b.iter(|| Projections::rebuild(black_box(log))),
        );
        group.bench_with_input(
            BenchmarkId::new("rebuild_traditional", n),
            &log,
            |b, log| b.iter(|| TraditionalTable::rebuild(black_box(log))),
        );
    }
    group.finish();
}

fn wire_format(c: &mut Criterion) {
    let mut group = c.benchmark_group("json");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    let n = 10_000usize;
    let log = generate_log(n, SEED);
    let file = encode_log(&log);
    group.throughput(Throughput::Elements(n as u64));
    group.bench_function(BenchmarkId::new("serialize", n), |b| {
        b.iter(|| encode_log(black_box(&log)))
    });
    group.bench_function(BenchmarkId::new("parse", n), |b| {
        b.iter(|| decode_log(black_box(&file)).map(|events| events.len()))
    });
    group.finish();
}

criterion_group!(benches, replay, wire_format);
criterion_main!(benches);
