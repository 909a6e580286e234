//! The period report's office files on generated stores of 10,000 and
//! 100,000 tasks (see `support/generate.rs`): the report as data, then the
//! Word document and the workbook, each timed alone and all three together,
//! which is what `cchc` pays to write a report. Every one-off task of a
//! generated store is in the period's Annex II, so the 100,000 case is a
//! table of 100,000 rows.
//!
//! `cargo bench --bench report`;
//! `CCHC_BENCH_SIZES=10000 cargo bench --bench report` for the small store only.

#[path = "support/generate.rs"]
mod generate;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

use cchc::app::{App, Clock};
use cchc::domain::Catalog;
use cchc::i18n::Lang;
use cchc::report::{Format, ReportInput, Separator, render};
use cchc::store::{MemoryStore, Store as _};
use criterion::{BenchmarkId, Criterion};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 2] = [10_000, 100_000];

fn sizes() -> Vec<usize> {
    std::env::var("CCHC_BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| SIZES.to_vec())
}

fn app_of(n: usize) -> App {
    let today = generate::bench_today();
    let generated = generate::generate(n, today);
    let mut store = MemoryStore::new(Catalog::bundled().expect("the bundled catalog"));
    store
        .import(generated.dump)
        .expect("import the generated store");
    let clock = Clock {
        now: generate::at_noon(today),
        today,
    };
    App::open(Box::new(store), clock, "bench".into()).expect("open the generated store")
}

fn bench(c: &mut Criterion) {
    for n in sizes() {
        let app = app_of(n);
        let texts = BTreeMap::new();
        let report = app.period_report().expect("the report");
        let input = ReportInput {
            report: &report,
            texts: &texts,
            lang: Lang::Vi,
            signed_on: generate::bench_today(),
        };
        println!(
            "{n} tasks: {} in the period's annex, {} overdue",
            report.tasks.len(),
            report.figures.all.open_overdue
        );
        let mut group = c.benchmark_group("report");
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(2));
        group.measurement_time(Duration::from_secs(15));
        group.bench_with_input(BenchmarkId::new("data", n), &n, |b, _| {
            b.iter(|| black_box(app.period_report().expect("the report").tasks.len()));
        });
        for format in [Format::Docx, Format::Xlsx] {
            group.bench_with_input(BenchmarkId::new(format.extension(), n), &n, |b, _| {
                b.iter(|| black_box(bytes_of(&input, format)));
            });
        }
        group.bench_with_input(BenchmarkId::new("data_docx_xlsx", n), &n, |b, _| {
            b.iter(|| {
                let report = app.period_report().expect("the report");
                let input = ReportInput {
                    report: &report,
                    ..input
                };
                let docx = bytes_of(&input, Format::Docx);
                let xlsx = bytes_of(&input, Format::Xlsx);
                black_box((docx, xlsx))
            });
        });
        group.finish();
    }
}

/// The report's file made in memory.
fn bytes_of(input: &ReportInput<'_>, format: Format) -> Vec<u8> {
    let mut files = render(input, format, Separator::Comma).expect("render");
    files.remove(0).into_bytes().expect("the file's bytes")
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
