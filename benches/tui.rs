//! TUI benchmarks on a generated store of 100,000 tasks (see BENCHMARKS.md):
//! the first frame (open the store, load, build the board, draw 120×40; the
//! history is read later, when a task's detail is first shown), one
//! navigation key to the next frame, and one search keystroke to the next
//! frame, and another process's edit pushed by the store's owner to the
//! next frame. Frames are drawn into ratatui's TestBackend, so terminal output is
//! not timed; the bytes a key costs on the wire are measured by the
//! pseudo-terminal test `bytes_written_for_one_down_key`.
//!
//! `cargo bench --bench tui` (about a minute on 2 cores).

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use cchc::app::{App, Clock, Operation};
use cchc::config::ThemeName;
use cchc::domain::{Catalog, Edit};
use cchc::i18n::Lang;
use cchc::keymap::Action;
use cchc::screen::message::Message;
use cchc::screen::state::{Screen, Ui};
use cchc::screen::update::{refresh, start_triage, update};
use cchc::store::SledStore;
use cchc::ui::{self, Context, Theme};
use criterion::{Criterion, SamplingMode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// As in the `cchc` binary, so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TASKS: usize = 100_000;
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn clock() -> Clock {
    let today = generate::bench_today();
    Clock {
        now: generate::at_noon(today),
        today,
    }
}

fn open(dir: &Path, seed: &Catalog) -> (App, Ui) {
    let store = SledStore::open(dir, seed, "bench").expect("open the generated store");
    let app = App::open(Box::new(store), clock(), "bench".into()).expect("load the store");
    let mut ui = Ui::new(Lang::Vi);
    ui.fit(ui::fit(WIDTH, HEIGHT, true));
    refresh(&app, &mut ui);
    (app, ui)
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App, ui: &Ui) {
    terminal
        .draw(|frame| {
            let ctx = Context {
                app,
                ui,
                theme: Theme::new(ThemeName::Dark),
                key_hints: true,
            };
            ui::draw(frame, &ctx);
        })
        .expect("draw into the test backend");
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let generated = generate::generate(TASKS, generate::bench_today());
    generate::write_store(dir.path(), &generated).expect("write the generated store");
    let seed = Catalog::bundled().expect("the bundled catalog");
    let mut group = c.benchmark_group("tui");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("first_frame/100000", |b| {
        b.iter(|| {
            let (app, ui) = open(dir.path(), &seed);
            let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
            draw(&mut terminal, &app, &ui);
            black_box(terminal.backend().buffer().area);
        })
    });
    group.finish();

    let (mut app, mut ui) = open(dir.path(), &seed);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    draw(&mut terminal, &app, &ui);
    let mut group = c.benchmark_group("tui");
    group.sample_size(50);
    let mut down = true;
    group.bench_function("navigation_key/100000", |b| {
        b.iter(|| {
            // Down then up, so the selection stays in one place over the run.
            update(
                &mut app,
                &mut ui,
                if down { Action::Down } else { Action::Up },
            );
            down = !down;
            draw(&mut terminal, &app, &ui);
        })
    });
    update(&mut app, &mut ui, Action::StartSearch);
    // An id near the end: each keystroke walks almost the whole board.
    for c in "g9999".chars() {
        update(&mut app, &mut ui, Action::Insert(c));
    }
    let mut typed = false;
    group.bench_function("search_keystroke/100000", |b| {
        b.iter(|| {
            // Types one more letter, then takes it back: every keystroke
            // searches the whole board again from where the search began.
            let action = if typed {
                Action::DeleteBack
            } else {
                Action::Insert('8')
            };
            typed = !typed;
            update(&mut app, &mut ui, action);
            draw(&mut terminal, &app, &ui);
        })
    });
    group.finish();

    update(&mut app, &mut ui, Action::Cancel);
    // Another process's edit arrives from the store's owner: the commit is
    // taken in, the board built again (selection and scroll kept) and drawn.
    let key = app.resolve("g00001").expect("a generated task");
    let mut progress = 10;
    let mut group = c.benchmark_group("tui");
    group.sample_size(20);
    group.bench_function("pushed_edit/100000", |b| {
        b.iter(|| {
            progress = 30 - progress;
            let op = Operation::EditTask {
                key: key.clone(),
                edits: vec![Edit::Progress(progress)],
                reason: None,
                seen: None,
            };
            let commit = app.prepare(&op, "clerk").expect("a valid edit");
            app.absorb(&commit);
            update(&mut app, &mut ui, Message::StoreChanged(None));
            draw(&mut terminal, &app, &ui);
        })
    });
    group.finish();

    // The period's review: every task classified and checked against the
    // risk rules (earlier occurrences of recurring work included), then triage
    // opened on the result and drawn.
    let mut group = c.benchmark_group("review");
    group.sample_size(10);
    group.bench_function("classify_and_flag_period/100000", |b| {
        b.iter(|| black_box(app.task_risks().len()))
    });
    group.bench_function("open_triage/100000", |b| {
        b.iter(|| {
            start_triage(&app, &mut ui);
            draw(&mut terminal, &app, &ui);
            ui.screen = Screen::Board;
        })
    });
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();
}
