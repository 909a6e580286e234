//! Store benchmarks on generated stores of 10,000 and 100,000 tasks (see
//! BENCHMARKS.md): opening the sled store and loading the application, listing
//! overdue work, and one durable edit (sled flush plus fsync of every store
//! file). Stores are generated once per size into a temporary folder, outside
//! the timed parts.
//!
//! `cargo bench --bench store` (about 3 minutes on 2 cores);
//! `CCHC_BENCH_SIZES=10000 cargo bench --bench store` for the small store only.

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use cchc::app::{App, Clock, TaskFilter};
use cchc::domain::catalog::Plan;
use cchc::domain::{Catalog, Edit, TaskKey};
use cchc::store::{SledStore, Store};
use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode};

const SIZES: [usize; 2] = [10_000, 100_000];
const SMOKE_SIZE: usize = 1_000;

fn clock() -> Clock {
    let today = generate::bench_today();
    Clock {
        now: generate::at_noon(today),
        today,
    }
}

fn open_app(dir: &Path, seed: &Catalog) -> App {
    let store = SledStore::open(dir, seed, "bench").expect("open the generated store");
    App::open(Box::new(store), clock(), "bench".to_string()).expect("load the generated store")
}

/// Small samples: the 100k cases take most of a second per iteration.
fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    n: usize,
) {
    group.sample_size(10);
    if n >= 100_000 {
        group.warm_up_time(Duration::from_secs(2));
        group.measurement_time(Duration::from_secs(10));
    } else {
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(4));
    }
}

fn bench_size(c: &mut Criterion, n: usize) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let generated = generate::generate(n, generate::bench_today());
    generate::write_store(dir.path(), &generated).expect("write the generated store");
    let seed = Catalog::bundled().expect("bundled catalog");

    // Open + load + close, as every `cchc` command pays it.
    let mut group = c.benchmark_group("open_load");
    configure(&mut group, n);
    group.sampling_mode(SamplingMode::Flat);
    group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
        b.iter(|| {
            let app = open_app(dir.path(), &seed);
            black_box(app.plan().tasks().len())
        });
    });
    group.finish();

    // Where open + load goes: sled alone, the snapshot, the history, the plan's indexes.
    let mut group = c.benchmark_group("open_parts");
    configure(&mut group, n);
    group.sampling_mode(SamplingMode::Flat);
    group.bench_with_input(BenchmarkId::new("sled_open_close", n), &n, |b, _| {
        b.iter(|| black_box(SledStore::open(dir.path(), &seed, "bench").expect("open")));
    });
    {
        let store = SledStore::open(dir.path(), &seed, "bench").expect("open");
        group.bench_with_input(BenchmarkId::new("load_snapshot", n), &n, |b, _| {
            b.iter(|| black_box(store.load().expect("load").tasks.len()));
        });
        group.bench_with_input(BenchmarkId::new("history_since_0", n), &n, |b, _| {
            b.iter(|| black_box(store.history_since(0).expect("history").len()));
        });
        let catalog = store.load().expect("load").catalog;
        group.bench_with_input(BenchmarkId::new("plan_new", n), &n, |b, _| {
            b.iter_batched(
                || catalog.clone(),
                |catalog| black_box(Plan::new(catalog)),
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();

    let mut app = open_app(dir.path(), &seed);
    let overdue = TaskFilter {
        overdue: true,
        ..TaskFilter::default()
    };
    assert_eq!(app.list(&overdue).len(), generated.overdue);

    let mut group = c.benchmark_group("list_overdue");
    configure(&mut group, n);
    group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
        b.iter(|| black_box(app.list(black_box(&overdue)).len()));
    });
    group.finish();

    // One edit of one task: a transaction with the new state and its history,
    // then sled's flush and an fsync of every file of the store.
    let key = TaskKey::single(&generated.edit_id);
    let mut progress = 10;
    let mut group = c.benchmark_group("edit_durable");
    configure(&mut group, n);
    group.sampling_mode(SamplingMode::Flat);
    group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
        b.iter(|| {
            progress = if progress == 10 { 20 } else { 10 };
            let written = app
                .edit_task(&key, &[Edit::Progress(progress)], None)
                .expect("durable edit");
            assert!(!written.is_empty(), "each iteration must write");
            black_box(written)
        });
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    // `cargo bench` passes `--bench`; under `cargo test --benches` (no `--bench`)
    // criterion runs each routine once, so a small store is enough to check them.
    // `CCHC_BENCH_SIZES=10000` picks the sizes (comma-separated).
    let benching = std::env::args().any(|a| a == "--bench");
    let sizes: Vec<usize> = match std::env::var("CCHC_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .map(|n| {
                n.trim()
                    .replace('_', "")
                    .parse()
                    .expect("CCHC_BENCH_SIZES: numbers")
            })
            .collect(),
        Err(_) if benching => SIZES.to_vec(),
        Err(_) => vec![SMOKE_SIZE],
    };
    for n in sizes {
        bench_size(&mut c, n);
    }
    c.final_summary();
}
