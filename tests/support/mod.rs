//! Shared harness for the TUI tests: an [`App`] over a memory store with a
//! pinned clock and some realistic edits, a [`Ui`] laid out the way the
//! runtime lays it out, and a renderer onto ratatui's `TestBackend`.
//!
//! Included with `mod support;` by each test file that needs it; not every
//! file uses every helper.
#![allow(dead_code)]

pub mod year;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};

use cchc::app::{App, Clock};
use cchc::config::ThemeName;
use cchc::domain::{Catalog, Edit, Evidence, Status, TaskKey};
use cchc::i18n::Lang;
use cchc::keymap::Action;
use cchc::screen::message::Message;
use cchc::screen::state::Ui;
use cchc::screen::update::{refresh, update};
use cchc::store::MemoryStore;
use cchc::ui::{self, Context, Theme};

/// The screen sizes the snapshots are taken at.
pub const NARROW: (u16, u16) = (80, 24);
pub const WIDE: (u16, u16) = (160, 45);

/// Continuous work (0.8) whose 2026 occurrence the office gave a deadline of
/// its own that the seed moves into the past, so it is overdue on
/// [`today`]. Its title carries diacritics and is longer than the 80-column
/// title column.
pub const OVERDUE_TASK: &str = "0.8";
/// A task in progress with two notes and an evidence document.
pub const NOTED_TASK: &str = "0.12";
/// A sub-task made overdue, so its parent `1.a` is flagged.
pub const OVERDUE_CHILD: &str = "1.a.1";
/// Work marked done by the seed.
pub const DONE_TASKS: [&str; 3] = ["0.1", "0.16", "2.a.1.3"];

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

pub fn today() -> NaiveDate {
    date(2026, 11, 26)
}

/// The pinned clock: 26/11/2026 09:00 in Hà Nội.
pub fn clock() -> Clock {
    let now: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-11-26T09:00:00+07:00").expect("a fixed instant");
    Clock {
        now,
        today: today(),
    }
}

/// The bundled plan in a memory store, with no edits, opened the way
/// `cli::run_tui` opens it for the board: history read up front, so the detail
/// pane can list it.
pub fn empty_app() -> App {
    let store = MemoryStore::new(Catalog::bundled().expect("the bundled catalog"));
    let app = App::open(Box::new(store), clock(), "tester".into()).expect("open the memory store");
    app.load_history().expect("read the history");
    app
}

fn key(app: &App, id: &str) -> TaskKey {
    app.resolve(id).expect("a task of the bundled plan")
}

fn edit(app: &mut App, id: &str, edits: &[Edit]) {
    let key = key(app, id);
    app.edit_task(&key, edits, reason_for(edits))
        .unwrap_or_else(|e| panic!("seeding {id}: {e}"));
}

/// The reason a deadline moves with (none is needed for anything else).
pub fn reason_for(edits: &[Edit]) -> Option<&'static str> {
    edits
        .iter()
        .any(|e| matches!(e, Edit::Due(_)))
        .then_some("Điều chỉnh theo chỉ đạo của UBND xã")
}

/// The plan with some work done, some under way, one task overdue, notes in
/// Vietnamese, an evidence document and target measurements.
pub fn seeded_app() -> App {
    let mut app = empty_app();
    for id in DONE_TASKS {
        edit(&mut app, id, &[Edit::Status(Status::Done)]);
    }
    edit(&mut app, OVERDUE_TASK, &[Edit::Due(date(2026, 10, 1))]);
    edit(
        &mut app,
        OVERDUE_TASK,
        &[Edit::Note(
            "Chờ Phòng Kinh tế gửi dự thảo; đã nhắc lần hai.".into(),
        )],
    );
    edit(&mut app, NOTED_TASK, &[Edit::Progress(40)]);
    edit(
        &mut app,
        NOTED_TASK,
        &[Edit::Note(
            "Đã xây dựng bộ tiêu chí KPI cho công chức văn phòng.\nTháng 12 áp dụng thử ở bộ phận một cửa."
                .into(),
        )],
    );
    edit(
        &mut app,
        NOTED_TASK,
        &[Edit::Note(
            "Họp góp ý ngày 20/11, thống nhất lộ trình.".into(),
        )],
    );
    edit(
        &mut app,
        NOTED_TASK,
        &[Edit::Evidence(Evidence {
            number: "45/QĐ-UBND".into(),
            issued_on: date(2026, 11, 15),
            summary: "Ban hành bộ tiêu chí đánh giá cán bộ theo KPI".into(),
            link: None,
        })],
    );
    edit(&mut app, "0.3", &[Edit::Progress(20)]);
    edit(&mut app, "2.b.4", &[Edit::Status(Status::Paused)]);
    edit(&mut app, OVERDUE_CHILD, &[Edit::Due(date(2026, 9, 30))]);
    app.measure(
        "T05",
        87.5,
        Some(date(2026, 11, 20)),
        Some("Khảo sát quý IV"),
    )
    .expect("measure T05");
    // T01 is a qualitative aim: 1 is "đạt".
    app.measure("T01", 1.0, Some(date(2026, 11, 1)), None)
        .expect("measure T01");
    app
}

/// A resize as the runtime handles it: the views measure the layout, and
/// the model takes it in through `update`.
pub fn resize(app: &mut App, ui: &mut Ui, width: u16, height: u16) {
    update(app, ui, Message::Resized(ui::fit(width, height, true)));
}

/// A fresh Vietnamese `Ui` for a screen of this size, as the runtime starts it.
pub fn new_ui(app: &App, width: u16, height: u16) -> Ui {
    let mut ui = Ui::new(Lang::Vi);
    ui.fit(ui::fit(width, height, true));
    refresh(app, &mut ui);
    ui
}

pub fn press(app: &mut App, ui: &mut Ui, actions: &[Action]) {
    for &action in actions {
        update(app, ui, action);
    }
}

/// Types `text` one character at a time, as the keyboard would.
pub fn type_text(app: &mut App, ui: &mut Ui, text: &str) {
    for c in text.chars() {
        update(app, ui, Action::Insert(c));
    }
}

/// Moves the selection down from the top to the task `id`, as a person would.
pub fn select_task(app: &mut App, ui: &mut Ui, id: &str) {
    update(app, ui, Action::Top);
    for _ in 0..ui.rows.len() {
        if ui.selected_key().is_some_and(|k| k.task == id) {
            return;
        }
        update(app, ui, Action::Down);
    }
    panic!("task {id} is not on the board");
}

/// Draws the whole screen onto a fresh test terminal of this size.
pub fn render(
    app: &App,
    ui: &Ui,
    width: u16,
    height: u16,
    theme: ThemeName,
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    draw(&mut terminal, app, ui, theme);
    terminal
}

/// Draws onto an existing terminal (the terminal follows its backend's size).
pub fn draw(terminal: &mut Terminal<TestBackend>, app: &App, ui: &Ui, theme: ThemeName) {
    terminal
        .draw(|frame| {
            let ctx = Context {
                app,
                ui,
                theme: Theme::new(theme),
                key_hints: true,
            };
            ui::draw(frame, &ctx);
        })
        .expect("draw");
}

/// One screen row as a person sees it: cells hidden behind a wide symbol are
/// skipped, as `TestBackend`'s own view does.
pub fn row_text(buffer: &Buffer, y: u16) -> String {
    let mut text = String::new();
    let mut skip: u16 = 0;
    for x in 0..buffer.area.width {
        let cell = &buffer[(x, y)];
        if skip == 0 {
            text.push_str(cell.symbol());
        }
        skip = skip.max(cell.cell_width()).saturating_sub(1);
    }
    text
}

/// The cells `from..to` of row `y`, joined.
pub fn cells_text(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
    (from..to).map(|x| buffer[(x, y)].symbol()).collect()
}

/// Every row of the screen.
pub fn screen_lines(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| row_text(buffer, y))
        .collect()
}

/// The index of the first row holding `needle`.
pub fn find_row(lines: &[String], needle: &str) -> Option<usize> {
    lines.iter().position(|l| l.contains(needle))
}

/// Every action there is (one stand-in for those that carry a value).
pub fn every_action() -> Vec<Action> {
    use Action as A;
    vec![
        A::Up,
        A::Down,
        A::PageUp,
        A::PageDown,
        A::Top,
        A::Bottom,
        A::Collapse,
        A::Expand,
        A::Open,
        A::Back,
        A::SwitchPane,
        A::ScrollUp,
        A::ScrollDown,
        A::CycleGrouping,
        A::ShowTargets,
        A::WriteReport,
        A::ClosePeriod,
        A::ShowHelp,
        A::Quit,
        A::StartSearch,
        A::NextMatch,
        A::PreviousMatch,
        A::OpenFilter,
        A::ClearFilters,
        A::PickStatus,
        A::ProgressUp,
        A::ProgressDown,
        A::TypeProgress,
        A::TypeDue,
        A::AddNote,
        A::AddEvidence,
        A::Undo,
        A::EnterResult,
        A::AddTask,
        A::EditTask,
        A::SetAssignee,
        A::Withdraw,
        A::Confirm,
        A::Cancel,
        A::Save,
        A::NextField,
        A::PreviousField,
        A::CursorLeft,
        A::CursorRight,
        A::CursorHome,
        A::CursorEnd,
        A::DeleteBack,
        A::DeleteForward,
        A::Insert('a'),
        A::PreviousPeriod,
        A::NextPeriod,
        A::ShowRisks,
        A::StartTriage,
        A::MarkDone,
        A::Extend,
        A::ToggleAgenda,
        A::Skip,
        A::GoBack,
        A::EndTriage,
        A::Present,
        A::NextSlide,
        A::PreviousSlide,
        A::GoToSlide(2),
        A::FirstSlide,
        A::Blank,
        A::Larger,
        A::Reload,
    ]
}

/// Does not compile when an action is added without being listed above.
#[allow(dead_code)]
fn every_action_is_listed(action: Action) {
    use Action as A;
    match action {
        A::Up
        | A::Down
        | A::PageUp
        | A::PageDown
        | A::Top
        | A::Bottom
        | A::Collapse
        | A::Expand
        | A::Open
        | A::Back
        | A::SwitchPane
        | A::ScrollUp
        | A::ScrollDown
        | A::CycleGrouping
        | A::ShowTargets
        | A::WriteReport
        | A::ClosePeriod
        | A::ShowHelp
        | A::Quit
        | A::StartSearch
        | A::NextMatch
        | A::PreviousMatch
        | A::OpenFilter
        | A::ClearFilters
        | A::PickStatus
        | A::ProgressUp
        | A::ProgressDown
        | A::TypeProgress
        | A::TypeDue
        | A::AddNote
        | A::AddEvidence
        | A::Undo
        | A::EnterResult
        | A::AddTask
        | A::EditTask
        | A::SetAssignee
        | A::Withdraw
        | A::Confirm
        | A::Cancel
        | A::Save
        | A::NextField
        | A::PreviousField
        | A::CursorLeft
        | A::CursorRight
        | A::CursorHome
        | A::CursorEnd
        | A::DeleteBack
        | A::DeleteForward
        | A::Insert(_)
        | A::PreviousPeriod
        | A::NextPeriod
        | A::ShowRisks
        | A::StartTriage
        | A::MarkDone
        | A::Extend
        | A::ToggleAgenda
        | A::Skip
        | A::GoBack
        | A::EndTriage
        | A::Present
        | A::NextSlide
        | A::PreviousSlide
        | A::GoToSlide(_)
        | A::FirstSlide
        | A::Blank
        | A::Larger
        | A::Reload => {}
    }
}

/// sled's files as they are, under the store. A store just dropped may still
/// hold sled's file lock for a moment while its threads close.
pub fn raw_sled(dir: &std::path::Path) -> sled::Db {
    let started = std::time::Instant::now();
    loop {
        match sled::open(dir.join("sled")) {
            Err(sled::Error::Io(e))
                if e.to_string().contains("could not acquire lock")
                    && started.elapsed() < std::time::Duration::from_secs(30) =>
            {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            opened => return opened.expect("open sled"),
        }
    }
}

/// 09:00 in Hà Nội on `day`.
pub fn clock_on(day: NaiveDate) -> Clock {
    let now: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339(&format!("{day}T09:00:00+07:00")).expect("a fixed instant");
    Clock { now, today: day }
}

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// The bundled plan with every occurrence up to 2027 given a random state,
/// entered on dates spread over the plan's first two years.
pub fn generated_app() -> App {
    let store = MemoryStore::new(Catalog::bundled().expect("the bundled catalog"));
    let mut app = App::open(Box::new(store), clock_on(date(2026, 5, 1)), "tester".into())
        .expect("open the memory store");
    let mut rng = Lcg(2026);
    let days = [
        date(2026, 5, 1),
        date(2026, 9, 1),
        date(2027, 1, 10),
        date(2027, 5, 1),
    ];
    for day in days {
        app.set_clock(clock_on(day));
        let keys: Vec<TaskKey> = app
            .plan()
            .tasks()
            .iter()
            .flat_map(|def| {
                app.occurrences(def).into_iter().map(|occurrence| TaskKey {
                    task: def.id.clone(),
                    occurrence,
                })
            })
            .collect();
        for key in keys {
            let edit = match rng.below(8) {
                0 => Edit::Status(Status::Done),
                1 => Edit::Status(Status::InProgress),
                2 => Edit::Progress(rng.below(100) as u8),
                3 => Edit::Status(Status::Paused),
                _ => continue,
            };
            // An edit the rules refuse (a done task paused) is left out.
            let _ = app.edit_task(&key, &[edit], None);
        }
    }
    app
}
