//! View tests: what the board and its dialogs look like, as insta snapshots at
//! 80×24 (PuTTY's default) and 160×45, in the dark and the mono themes; that
//! drawing never panics at any size; and the few things on screen that must
//! hold whatever the snapshots say (the overdue marks, cut titles, the status
//! line).
//!
//! Every scene starts from `support::seeded_app()`: the bundled plan in memory,
//! "today" pinned at 26/11/2026 and "now" at 09:00:00+07:00, so snapshots do
//! not depend on the real clock. Update snapshots with
//! `INSTA_UPDATE=always cargo test --test views` and review the `.snap` files.

mod support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

use cchc::app::App;
use cchc::config::ThemeName;
use cchc::domain::text::truncate_width;
use cchc::domain::{DeadlineClass, Field, Status, Value};
use cchc::keymap::Action;
use cchc::screen::state::{Overlay, ResultForm, Ui};
use support::{
    NARROW, NOTED_TASK, OVERDUE_TASK, WIDE, cells_text, find_row, new_ui, press, render, resize,
    screen_lines, seeded_app, select_task, type_text,
};

/// The screens and dialogs under test, each reached by the actions a person
/// would take from the board.
#[derive(Debug, Clone, Copy)]
enum Scene {
    BoardByArea,
    BoardByUnit,
    Detail,
    Targets,
    Help,
    NoteEditor,
    StatusPicker,
    Filter,
    Search,
    /// Not snapshotted; drawn at every size with the others.
    Evidence,
    /// Not snapshotted: the deadline field after a date it refused.
    DueRefused,
    /// The day work was done, after a day it refused (tomorrow).
    DoneOnRefused,
    /// The targets view with the result form of T05 filled in.
    TargetResult,
    /// The result form after the application refused a value out of range.
    TargetResultRefused,
}

impl Scene {
    const ALL: [Scene; 14] = [
        Scene::BoardByArea,
        Scene::BoardByUnit,
        Scene::Detail,
        Scene::Targets,
        Scene::Help,
        Scene::NoteEditor,
        Scene::StatusPicker,
        Scene::Filter,
        Scene::Search,
        Scene::Evidence,
        Scene::DueRefused,
        Scene::DoneOnRefused,
        Scene::TargetResult,
        Scene::TargetResultRefused,
    ];

    fn name(self) -> &'static str {
        match self {
            Scene::BoardByArea => "board_area",
            Scene::BoardByUnit => "board_unit",
            Scene::Detail => "detail",
            Scene::Targets => "targets",
            Scene::Help => "help",
            Scene::NoteEditor => "note_editor",
            Scene::StatusPicker => "status_picker",
            Scene::Filter => "filter",
            Scene::Search => "search",
            Scene::Evidence => "evidence",
            Scene::DueRefused => "due_refused",
            Scene::DoneOnRefused => "done_on_refused",
            Scene::TargetResult => "target_result",
            Scene::TargetResultRefused => "target_result_refused",
        }
    }

    fn enter(self, app: &mut App, ui: &mut Ui) {
        match self {
            Scene::BoardByArea => {}
            Scene::BoardByUnit => press(app, ui, &[Action::CycleGrouping]),
            Scene::Detail => {
                select_task(app, ui, NOTED_TASK);
                press(app, ui, &[Action::Open]);
            }
            // T05 is the target with a measurement.
            Scene::Targets => press(
                app,
                ui,
                &[
                    Action::ShowTargets,
                    Action::Down,
                    Action::Down,
                    Action::Down,
                    Action::Down,
                ],
            ),
            Scene::Help => press(app, ui, &[Action::ShowHelp]),
            Scene::NoteEditor => {
                select_task(app, ui, NOTED_TASK);
                press(app, ui, &[Action::AddNote]);
                type_text(app, ui, "Đã gửi báo cáo tiến độ cho Chủ tịch UBND xã.");
                press(app, ui, &[Action::Confirm]);
                type_text(app, ui, "Cần bổ sung số liệu quý IV");
            }
            Scene::StatusPicker => {
                select_task(app, ui, OVERDUE_TASK);
                press(app, ui, &[Action::PickStatus, Action::Down]);
            }
            // Area 0 and overdue only: the board behind shows the one task.
            Scene::Filter => press(
                app,
                ui,
                &[
                    Action::OpenFilter,
                    Action::CursorRight,
                    Action::Down,
                    Action::Down,
                    Action::Down,
                    Action::CursorRight,
                ],
            ),
            Scene::Search => {
                press(app, ui, &[Action::StartSearch]);
                type_text(app, ui, "cai cach");
            }
            Scene::Evidence => {
                select_task(app, ui, NOTED_TASK);
                press(app, ui, &[Action::AddEvidence]);
                type_text(app, ui, "12/KH-UBND");
                press(app, ui, &[Action::NextField]);
                type_text(app, ui, "02/12/2026");
                press(app, ui, &[Action::NextField]);
                type_text(
                    app,
                    ui,
                    "Kế hoạch kiểm tra công vụ năm 2027 của Ủy ban nhân dân xã",
                );
            }
            Scene::DueRefused => {
                select_task(app, ui, OVERDUE_TASK);
                press(app, ui, &[Action::TypeDue, Action::CursorHome]);
                type_text(app, ui, "31/02/");
                press(app, ui, &[Action::NextField]);
                type_text(app, ui, "Chờ ý kiến Phòng Kinh tế");
                press(app, ui, &[Action::Confirm]);
                assert!(matches!(ui.overlay, Some(Overlay::Extend(_))), "still open");
            }
            Scene::DoneOnRefused => {
                select_task(app, ui, OVERDUE_TASK);
                pick_done(app, ui);
                type_text(app, ui, "27/11/2026");
                press(app, ui, &[Action::Confirm]);
                assert!(matches!(ui.overlay, Some(Overlay::Input(_))), "still open");
            }
            // Today's date is kept; the cursor is in the source.
            Scene::TargetResult => {
                open_result_of_t05(app, ui);
                type_text(app, ui, "90");
                press(app, ui, &[Action::Confirm, Action::Confirm]);
                type_text(app, ui, "Báo cáo 45/BC-UBND kết quả khảo sát quý IV");
            }
            Scene::TargetResultRefused => {
                open_result_of_t05(app, ui);
                type_text(app, ui, "120");
                press(app, ui, &[Action::NextField, Action::NextField]);
                type_text(app, ui, "Báo cáo quý IV");
                press(app, ui, &[Action::Confirm]);
                assert!(result_form(ui).error.is_some(), "refused: {:?}", ui.overlay);
            }
        }
    }
}

/// On the targets view, opens the result form of T05 (the fifth target).
fn open_result_of_t05(app: &mut App, ui: &mut Ui) {
    press(app, ui, &[Action::ShowTargets]);
    press(app, ui, &[Action::Down; 4]);
    press(app, ui, &[Action::EnterResult]);
}

/// The result form open.
fn result_form(ui: &Ui) -> &ResultForm {
    match &ui.overlay {
        Some(Overlay::Result(form)) => form,
        other => panic!("no result form open: {other:?}"),
    }
}

/// The seeded app with `scene` entered on a screen of this size.
fn scene(scene: Scene, width: u16, height: u16) -> (App, Ui) {
    let mut app = seeded_app();
    let mut ui = new_ui(&app, width, height);
    scene.enter(&mut app, &mut ui);
    (app, ui)
}

fn shot(scene: Scene, (width, height): (u16, u16)) -> Terminal<TestBackend> {
    let (app, ui) = self::scene(scene, width, height);
    render(&app, &ui, width, height, ThemeName::Dark)
}

fn snapshot_both_sizes(which: Scene) {
    for size in [NARROW, WIDE] {
        let terminal = shot(which, size);
        let name = format!("{}_{}x{}", which.name(), size.0, size.1);
        insta::assert_snapshot!(name, terminal.backend());
    }
}

// ------------------------------------------------------------------ snapshots

#[test]
fn board_grouped_by_area() {
    snapshot_both_sizes(Scene::BoardByArea);
}

#[test]
fn board_grouped_by_unit() {
    snapshot_both_sizes(Scene::BoardByUnit);
}

#[test]
fn detail_pane() {
    snapshot_both_sizes(Scene::Detail);
}

/// `d` asks for the new deadline and the reason together; an impossible
/// date keeps the form open with why.
#[test]
fn a_deadline_form_with_an_impossible_date() {
    snapshot_both_sizes(Scene::DueRefused);
}

/// On the board a deadline moves only with a reason: without one the form
/// stays open and nothing is written; with one, the history keeps it.
#[test]
fn a_deadline_moves_on_the_board_only_with_a_reason() {
    let mut app = support::seeded_app();
    let mut ui = support::new_ui(&app, NARROW.0, NARROW.1);
    support::select_task(&mut app, &mut ui, NOTED_TASK);
    let key = app.resolve(NOTED_TASK).expect("the noted task");
    let due_before = app.view(&key).and_then(|v| v.due);
    press(&mut app, &mut ui, &[Action::TypeDue]);
    type_text(&mut app, &mut ui, "30/06/2027");
    press(&mut app, &mut ui, &[Action::Confirm, Action::Confirm]);
    let Some(Overlay::Extend(form)) = &ui.overlay else {
        panic!("the form stays open: {:?}", ui.overlay);
    };
    assert!(form.error.is_some(), "it says the reason is needed");
    assert_eq!(app.view(&key).and_then(|v| v.due), due_before);

    type_text(&mut app, &mut ui, "Chờ kinh phí năm 2027");
    press(&mut app, &mut ui, &[Action::Confirm]);
    assert!(ui.overlay.is_none(), "saved and closed");
    assert_eq!(
        app.view(&key).and_then(|v| v.due),
        Some(support::date(2027, 6, 30))
    );
    let history = app.history(&Default::default()).expect("history");
    let last = history.last().expect("the edit");
    assert_eq!(last.reason.as_deref(), Some("Chờ kinh phí năm 2027"));
}

/// Chooses "hoàn thành" in the status picker of the selected task: the field
/// of the day the work was done opens.
fn pick_done(app: &mut App, ui: &mut Ui) {
    press(app, ui, &[Action::PickStatus]);
    press(app, ui, &[Action::Up; 5]);
    press(app, ui, &[Action::Down, Action::Down, Action::Confirm]);
}

/// The text of the one-line field open, and why it refused, if it did.
fn open_field(ui: &Ui) -> (String, Option<String>) {
    match &ui.overlay {
        Some(Overlay::Input(field)) => (field.line.text.clone(), field.error.clone()),
        other => panic!("no field open: {other:?}"),
    }
}

/// The day asked when work is marked done: shown with what it accepts;
/// tomorrow keeps it open and says the range.
#[test]
fn the_day_work_was_done_refused_when_it_is_tomorrow() {
    snapshot_both_sizes(Scene::DoneOnRefused);
}

/// Done on the board asks the day, today filled in. Work finished on 30/09
/// (before its deadline of 01/10) but entered on 26/11 is done on time; a
/// day after today or before the plan keeps the field open and writes
/// nothing; Esc writes nothing either.
#[test]
fn work_done_earlier_is_marked_done_on_that_day_on_the_board() {
    let mut app = support::seeded_app();
    let mut ui = support::new_ui(&app, NARROW.0, NARROW.1);
    select_task(&mut app, &mut ui, OVERDUE_TASK);
    let key = app.resolve(OVERDUE_TASK).expect("the overdue task");
    let written = |app: &App| app.history(&Default::default()).expect("history").len();
    let before = written(&app);

    pick_done(&mut app, &mut ui);
    assert_eq!(
        open_field(&ui),
        ("26/11/2026".into(), None),
        "today filled in"
    );
    press(&mut app, &mut ui, &[Action::Cancel]);
    assert!(ui.overlay.is_none(), "Esc closes the field");
    assert_eq!(written(&app), before, "Esc writes nothing");
    let view = app.view(&key).expect("the task");
    assert_ne!(view.state.status, Status::Done);

    pick_done(&mut app, &mut ui);
    for refused in ["27/11/2026", "14/04/2026"] {
        press(&mut app, &mut ui, &[Action::CursorEnd]);
        press(&mut app, &mut ui, &[Action::DeleteBack; 10]);
        type_text(&mut app, &mut ui, refused);
        press(&mut app, &mut ui, &[Action::Confirm]);
        let (_, error) = open_field(&ui);
        let error = error.expect("why it is refused");
        assert!(
            error.contains("từ 15/04/2026") && error.contains("hôm nay (26/11/2026)"),
            "{error}"
        );
        assert_eq!(written(&app), before, "{refused}: nothing written");
    }

    press(&mut app, &mut ui, &[Action::CursorEnd]);
    press(&mut app, &mut ui, &[Action::DeleteBack; 10]);
    type_text(&mut app, &mut ui, "30/09/2026");
    press(&mut app, &mut ui, &[Action::Confirm]);
    assert!(ui.overlay.is_none(), "saved and closed: {:?}", ui.overlay);
    let view = app.view(&key).expect("the task");
    assert_eq!(view.state.status, Status::Done);
    assert_eq!(view.state.completed_on, Some(support::date(2026, 9, 30)));
    assert_eq!(view.class, DeadlineClass::DoneOnTime);
    let history = app.history(&Default::default()).expect("history");
    let completed: Vec<_> = history[before..]
        .iter()
        .filter(|e| e.field == Field::CompletedOn)
        .map(|e| (e.old.clone(), e.new.clone()))
        .collect();
    assert_eq!(
        completed,
        [(Value::None, Value::Date(support::date(2026, 9, 30)))]
    );
}

/// "Chỉ quá hạn" keeps exactly the tasks the status line counts as overdue,
/// those whose earlier occurrence is overdue included.
#[test]
fn overdue_only_shows_what_the_status_line_counts() {
    let app = support::seeded_app();
    let mut ui = support::new_ui(&app, NARROW.0, NARROW.1);
    let counted = ui.summary.open_overdue;
    assert!(counted > 0, "the seed has overdue work");
    ui.filter.overdue = true;
    cchc::screen::update::refresh(&app, &mut ui);
    let shown = ui.rows.iter().filter_map(|r| r.task()).count();
    assert_eq!(shown, counted, "{:#?}", ui.rows);
    assert!(
        ui.rows
            .iter()
            .filter_map(|r| r.task())
            .all(|t| t.class.is_overdue()),
        "{:#?}",
        ui.rows
    );
    assert!(
        ui.rows.iter().filter_map(|r| r.task()).any(|t| t.earlier),
        "an earlier overdue occurrence has its own row"
    );
}

#[test]
fn targets_view() {
    snapshot_both_sizes(Scene::Targets);
}

/// `e` on the targets view: the value, today's date ready to be typed over,
/// and the source, with what the value takes for this target.
#[test]
fn target_result_form() {
    snapshot_both_sizes(Scene::TargetResult);
}

/// A value out of range is refused by the application; the form says why,
/// in full, and stays open.
#[test]
fn target_result_form_refused() {
    snapshot_both_sizes(Scene::TargetResultRefused);
}

/// Saved: the form closes, the row and the line below show the new result
/// and its source at once, a flash confirms, and the history has it.
#[test]
fn a_target_result_is_saved_and_shown_at_once() {
    let (mut app, mut ui) = scene(Scene::TargetResult, NARROW.0, NARROW.1);
    press(&mut app, &mut ui, &[Action::Confirm]);
    assert_eq!(ui.overlay, None, "saved and closed");
    let flash = ui.flash.as_ref().map(|f| f.text.as_str());
    assert_eq!(
        flash,
        Some("Đã lưu kết quả chỉ tiêu T05: 90% ngày 26/11/2026.")
    );
    let latest = app.target_state("T05").latest().cloned().expect("measured");
    assert_eq!((latest.value, latest.on), (90.0, support::today()));
    let source = "Báo cáo 45/BC-UBND kết quả khảo sát quý IV";
    assert_eq!(latest.note.as_deref(), Some(source));
    // The flash goes with the next key; the view shows the result.
    press(&mut app, &mut ui, &[Action::Up, Action::Down]);
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    let lines = screen_lines(&terminal);
    let row = find_row(&lines, "T05 ").expect("T05 listed");
    assert!(lines[row].contains("90% 26/11/2026"), "{:?}", lines[row]);
    assert!(
        find_row(&lines, &format!("Nguồn số liệu ngày 26/11/2026: {source}")).is_some(),
        "{}",
        terminal.backend()
    );
    assert!(status_line(&terminal).contains("đã lưu 09:00:00"));
}

/// An impossible date keeps the form open and writes nothing.
#[test]
fn a_target_result_with_an_impossible_date_is_refused() {
    let mut app = seeded_app();
    let mut ui = new_ui(&app, NARROW.0, NARROW.1);
    let before = app.target_state("T05");
    open_result_of_t05(&mut app, &mut ui);
    type_text(&mut app, &mut ui, "90");
    press(&mut app, &mut ui, &[Action::NextField]);
    type_text(&mut app, &mut ui, "31/02/2026");
    press(&mut app, &mut ui, &[Action::NextField, Action::Confirm]);
    let error = result_form(&ui).error.clone().unwrap_or_default();
    assert!(error.contains("31/02/2026"), "{error}");
    assert_eq!(app.target_state("T05"), before, "nothing written");
    press(&mut app, &mut ui, &[Action::Cancel]);
    assert_eq!(ui.overlay, None, "Esc cancels");
    assert_eq!(app.target_state("T05"), before);
}

/// A qualitative aim takes "chưa đạt" (0) and "đạt" (1), accents optional.
#[test]
fn a_qualitative_result_is_typed_in_words() {
    let mut app = seeded_app();
    let mut ui = new_ui(&app, NARROW.0, NARROW.1);
    press(
        &mut app,
        &mut ui,
        &[Action::ShowTargets, Action::EnterResult],
    );
    let labels = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    assert!(
        find_row(&screen_lines(&labels), "đạt hoặc chưa đạt").is_some(),
        "{}",
        labels.backend()
    );
    type_text(&mut app, &mut ui, "chua dat");
    press(
        &mut app,
        &mut ui,
        &[Action::Confirm, Action::Confirm, Action::Confirm],
    );
    assert_eq!(ui.overlay, None, "{:?}", ui.overlay);
    let latest = app.target_state("T01").latest().cloned().expect("measured");
    assert_eq!((latest.value, latest.note), (0.0, None));
    let flash = ui
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert!(flash.contains("T01: chưa đạt"), "{flash}");
}

/// A read-only screen neither offers nor opens the form.
#[test]
fn a_read_only_targets_view_does_not_offer_a_result() {
    let mut app = seeded_app();
    app.set_read_only(true);
    let mut ui = new_ui(&app, NARROW.0, NARROW.1);
    press(&mut app, &mut ui, &[Action::ShowTargets]);
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    let hints = screen_lines(&terminal).last().cloned().unwrap_or_default();
    assert!(!hints.contains("nhập kết quả"), "{hints:?}");
    press(&mut app, &mut ui, &[Action::EnterResult]);
    assert_eq!(ui.overlay, None);
    assert!(ui.flash.as_ref().is_some_and(|f| f.is_error()));
}

#[test]
fn help_screen() {
    snapshot_both_sizes(Scene::Help);
}

#[test]
fn note_editor() {
    snapshot_both_sizes(Scene::NoteEditor);
}

#[test]
fn status_picker() {
    snapshot_both_sizes(Scene::StatusPicker);
}

#[test]
fn filter_dialog() {
    snapshot_both_sizes(Scene::Filter);
}

#[test]
fn search_bar_while_typing() {
    snapshot_both_sizes(Scene::Search);
}

#[test]
fn too_small_screen() {
    let (app, ui) = scene(Scene::BoardByArea, 50, 10);
    let terminal = render(&app, &ui, 50, 10, ThemeName::Dark);
    insta::assert_snapshot!("too_small_50x10", terminal.backend());
    let text = screen_lines(&terminal).concat();
    assert!(text.contains("60×16"), "says what size is needed: {text}");
}

#[test]
fn board_styles_dark_and_mono() {
    let (app, ui) = scene(Scene::BoardByArea, NARROW.0, NARROW.1);
    let dark = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    insta::assert_debug_snapshot!("board_style_dark_80x24", dark.backend().buffer());
    let mono = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Mono);
    insta::assert_debug_snapshot!("board_style_mono_80x24", mono.backend().buffer());
}

// ------------------------------------------------------------ never panics

/// Every scene drawn at degenerate sizes, both entered at that size and
/// entered at 80×24 and then resized, the way the runtime would.
#[test]
fn drawing_never_panics_at_tiny_sizes() {
    const SIZES: [(u16, u16); 6] = [(1, 1), (0, 0), (1, 40), (200, 1), (59, 15), (60, 16)];
    for which in Scene::ALL {
        for (width, height) in SIZES {
            let (app, ui) = scene(which, width, height);
            render(&app, &ui, width, height, ThemeName::Dark);

            let (mut app, mut ui) = scene(which, NARROW.0, NARROW.1);
            resize(&mut app, &mut ui, width, height);
            render(&app, &ui, width, height, ThemeName::Mono);
        }
    }
}

// ------------------------------------------------------ what must be on screen

/// Where the columns of a task row start at 80 columns: symbol, id, title,
/// lead, due, state, progress, each followed by one space.
const ID_AT: u16 = 2;
const TITLE_AT: u16 = 11;
const LEAD_AT: u16 = 42;
const DUE_AT: u16 = 50;
const STATE_AT: u16 = 61;
const PROGRESS_AT: u16 = 76;

/// The screen row of task `id` on the board (whose left edge is the screen's
/// at any width, so the column positions hold at 160 columns too).
fn task_row(terminal: &Terminal<TestBackend>, id: &str) -> u16 {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .find(|&y| cells_text(buffer, y, ID_AT, TITLE_AT).trim() == id)
        .unwrap_or_else(|| panic!("no row for {id}:\n{}", terminal.backend()))
}

fn assert_overdue_row(terminal: &Terminal<TestBackend>) {
    let buffer = terminal.backend().buffer();
    let y = task_row(terminal, OVERDUE_TASK);
    let row = support::row_text(buffer, y);
    assert_eq!(buffer[(0, y)].symbol(), "!", "overdue symbol: {row:?}");
    // "quá 56 ngày" in the narrow state column, "quá hạn 56 ngày" in full.
    let state = cells_text(buffer, y, STATE_AT, PROGRESS_AT - 1);
    assert!(
        state.starts_with("quá ") && state.contains("56 ngày"),
        "overdue words: {row:?}"
    );
    assert_eq!(
        cells_text(buffer, y, DUE_AT, STATE_AT - 1),
        "01/10/2026",
        "the moved deadline: {row:?}"
    );
}

#[test]
fn the_overdue_row_says_so_with_a_symbol_and_words() {
    let (app, ui) = scene(Scene::BoardByArea, NARROW.0, NARROW.1);
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    assert_overdue_row(&terminal);
    // The colour is there too, in the dark theme.
    let y = task_row(&terminal, OVERDUE_TASK);
    let cell = &terminal.backend().buffer()[(0, y)];
    assert_eq!(cell.fg, Color::LightRed);
}

#[test]
fn mono_keeps_the_overdue_mark_without_any_colour() {
    let (app, ui) = scene(Scene::BoardByArea, NARROW.0, NARROW.1);
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Mono);
    assert_overdue_row(&terminal);
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "mono draws no colour: {cell:?}"
        );
    }
}

/// Where the state column is wide enough (a board of 100 columns or more)
/// and in the detail pane, the overdue task says "quá hạn" in full.
#[test]
fn the_overdue_task_says_qua_han_in_full_where_there_is_room() {
    let (width, height) = (110, 30);
    let (mut app, mut ui) = scene(Scene::BoardByArea, width, height);
    assert!(!ui.wide, "the board has the whole width");
    let terminal = render(&app, &ui, width, height, ThemeName::Mono);
    let y = task_row(&terminal, OVERDUE_TASK);
    let row = support::row_text(terminal.backend().buffer(), y);
    assert!(row.starts_with("! "), "{row:?}");
    assert!(row.contains(" quá hạn 56 ngày "), "{row:?}");

    select_task(&mut app, &mut ui, OVERDUE_TASK);
    press(&mut app, &mut ui, &[Action::Open]);
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Mono);
    let lines = screen_lines(&terminal);
    let state = find_row(&lines, "Tình hình thực hiện:").expect("a state line");
    assert!(
        lines[state].contains("! chưa bắt đầu · quá hạn 56 ngày"),
        "{:?}",
        lines[state]
    );
}

/// The state words are never cut: short forms stand in on narrow boards.
/// (A cut state fills its column and ends in "…" right before the progress.)
#[test]
fn state_words_are_never_cut() {
    for (width, height) in [NARROW, (110, 30), WIDE, (200, 50)] {
        let (app, ui) = scene(Scene::BoardByArea, width, height);
        let terminal = render(&app, &ui, width, height, ThemeName::Dark);
        let buffer = terminal.backend().buffer();
        let visible = ui.rows.iter().enumerate().skip(ui.offset).take(ui.page);
        for (i, row) in visible {
            let Some(task) = row.task() else { continue };
            let text = support::row_text(buffer, (2 + i - ui.offset) as u16);
            // On a wide screen the detail pane's border ends the board.
            let board: Vec<char> = text.split('│').next().unwrap().chars().collect();
            let progress: String = board[board.len() - 4..].iter().collect();
            assert_eq!(progress, format!("{:>3}%", task.progress), "{text:?}");
            let before: String = board[..board.len() - 4].iter().collect();
            assert!(
                !before.trim_end().ends_with('…'),
                "{width}×{height}: state cut in {text:?}"
            );
        }
    }
}

#[test]
fn long_vietnamese_titles_are_cut_at_the_column_width() {
    let (app, ui) = scene(Scene::BoardByArea, NARROW.0, NARROW.1);
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    let buffer = terminal.backend().buffer();
    let y = task_row(&terminal, OVERDUE_TASK);
    let short = &app.plan().task(OVERDUE_TASK).unwrap().short;
    let width = usize::from(LEAD_AT - 1 - TITLE_AT);
    assert!(short.width() > width, "the seed needs a long title");
    assert!(!short.is_ascii(), "and one with diacritics");
    let title = cells_text(buffer, y, TITLE_AT, LEAD_AT - 1);
    assert_eq!(title.width(), width);
    assert_eq!(title, truncate_width(short, width));
    assert!(title.ends_with('…'), "{title:?}");
    assert!(short.starts_with(title.trim_end_matches('…')), "{title:?}");
    assert_eq!(cells_text(buffer, y, LEAD_AT, DUE_AT - 1).trim(), "KT");
}

#[test]
fn task_columns_line_up_on_every_row() {
    let (app, ui) = scene(Scene::BoardByArea, NARROW.0, NARROW.1);
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    let buffer = terminal.backend().buffer();
    // Row `i` of the board is drawn on screen row 2 + i - offset, below the
    // title bar and the column header.
    let visible = ui.rows.iter().enumerate().skip(ui.offset).take(ui.page);
    let mut task_rows = 0;
    for (i, row) in visible {
        let Some(task) = row.task() else { continue };
        task_rows += 1;
        let y = (2 + i - ui.offset) as u16;
        let text = support::row_text(buffer, y);
        assert_eq!(cells_text(buffer, y, ID_AT, TITLE_AT).trim(), task.key.task);
        for x in [
            1,
            TITLE_AT - 1,
            LEAD_AT - 1,
            DUE_AT - 1,
            STATE_AT - 1,
            PROGRESS_AT - 1,
        ] {
            assert_eq!(buffer[(x, y)].symbol(), " ", "gap at x={x}: {text:?}");
        }
        assert_eq!(cells_text(buffer, y, LEAD_AT, DUE_AT - 1).trim(), task.lead);
        assert_eq!(
            cells_text(buffer, y, PROGRESS_AT, 80),
            format!("{:>3}%", task.progress),
            "{text:?}"
        );
    }
    assert!(task_rows >= 15, "only {task_rows} task rows found");
}

/// No row is wider or narrower than the screen: diacritics sit in their
/// letter's cell and nothing spills past the edge.
#[test]
fn every_row_is_exactly_the_screen_width() {
    for which in Scene::ALL {
        for (width, height) in [NARROW, WIDE] {
            let terminal = shot(which, (width, height));
            for (y, line) in screen_lines(&terminal).iter().enumerate() {
                assert_eq!(
                    line.width(),
                    usize::from(width),
                    "{which:?} at {width}×{height}, row {y}: {line:?}"
                );
            }
        }
    }
}

fn status_line(terminal: &Terminal<TestBackend>) -> String {
    let lines = screen_lines(terminal);
    lines[lines.len() - 2].clone()
}

/// The period of today sits right-aligned on the title bar (since the status
/// line could not hold it at 80 columns); the status line keeps the counts
/// and the overdue figures.
#[test]
fn the_period_and_the_overdue_figures_are_on_screen() {
    for (width, height) in [NARROW, WIDE] {
        let (app, ui) = scene(Scene::BoardByArea, width, height);
        let terminal = render(&app, &ui, width, height, ThemeName::Dark);
        let title = &screen_lines(&terminal)[0];
        // In the office's words where the title bar has room.
        let period = if width >= WIDE.0 {
            "Kỳ báo cáo năm 2026: hạn báo cáo 20/12"
        } else {
            "Kỳ Năm 2026: báo cáo 20/12"
        };
        assert!(title.contains(period), "{title:?}");
        assert!(title.trim_end().ends_with("còn 24 ngày"), "{title:?}");
        let status = status_line(&terminal);
        // 0.8@2026 and 1.a.1, and the 2026-Q2 and Q3 reports of 0.17 and 0.36,
        // each its own row: 84 duties (the five parents counted through
        // their sub-items) and four earlier occurrences. Of the three done,
        // two are standing duties: never "xong".
        assert!(status.contains("quá hạn 6 "), "{status:?}");
        assert!(status.contains("88 nhiệm vụ, 1 xong"), "{status:?}");
        assert!(!status.contains("đã lưu"), "nothing saved yet: {status:?}");
    }
}

#[test]
fn the_status_line_says_saved_after_an_edit() {
    for (width, height) in [NARROW, WIDE] {
        let (mut app, mut ui) = scene(Scene::BoardByArea, width, height);
        select_task(&mut app, &mut ui, OVERDUE_TASK);
        press(&mut app, &mut ui, &[Action::ProgressUp]);
        let terminal = render(&app, &ui, width, height, ThemeName::Dark);
        let status = status_line(&terminal);
        assert!(status.contains("đã lưu 09:00:00"), "{status:?}");
        assert!(status.contains("quá hạn"), "{status:?}");
        let y = task_row(&terminal, OVERDUE_TASK);
        let row = support::row_text(terminal.backend().buffer(), y);
        assert!(
            row.contains(" 10%"),
            "the new progress is on the row: {row:?}"
        );
    }
}

#[test]
fn a_typed_note_is_saved_and_shown_in_the_detail_pane() {
    let (mut app, mut ui) = scene(Scene::NoteEditor, NARROW.0, NARROW.1);
    // Enter, also on an empty line, only starts a new line; Ctrl+S saves.
    press(&mut app, &mut ui, &[Action::Confirm, Action::Confirm]);
    assert!(
        matches!(&ui.overlay, Some(Overlay::Note(n)) if n.area.lines.len() >= 3),
        "Enter keeps the editor open: {:?}",
        ui.overlay
    );
    press(&mut app, &mut ui, &[Action::Save]);
    assert_eq!(ui.overlay, None, "the editor closed");
    press(&mut app, &mut ui, &[Action::Open]);
    let terminal = render(&app, &ui, WIDE.0, WIDE.1, ThemeName::Dark);
    let lines = screen_lines(&terminal);
    assert!(
        find_row(&lines, "Đã gửi báo cáo tiến độ cho Chủ tịch UBND xã.").is_some(),
        "{}",
        terminal.backend()
    );
    let first = find_row(&lines, "Đã gửi báo cáo").unwrap();
    assert!(lines[first + 1].contains("Cần bổ sung số liệu quý IV"));
    assert!(status_line(&terminal).contains("đã lưu 09:00:00"));
}

#[test]
fn the_search_bar_shows_what_is_typed_and_the_board_follows() {
    let (app, ui) = scene(Scene::Search, NARROW.0, NARROW.1);
    assert!(matches!(ui.overlay, Some(Overlay::Input(_))));
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    let status = status_line(&terminal);
    assert!(status.starts_with("Tìm: cai cach"), "{status:?}");
    assert!(ui.selected_key().is_some(), "a match is selected");
}

/// Types a search and confirms it: the selection is on the first match.
fn search(app: &mut App, ui: &mut Ui, words: &str) {
    press(app, ui, &[Action::StartSearch]);
    type_text(app, ui, words);
    press(app, ui, &[Action::Confirm]);
}

/// Words only a note of the noted task holds, typed without accents, find
/// it; its row says the match is in a note, and a document's number is
/// found the same way.
#[test]
fn a_search_finds_notes_and_evidence_and_says_where() {
    let mut app = seeded_app();
    let mut ui = new_ui(&app, NARROW.0, NARROW.1);
    for (words, marker) in [
        ("ap dung thu mot cua", "[khớp: ghi chú]"),
        ("45/qd-ubnd", "[khớp: tài liệu]"),
    ] {
        search(&mut app, &mut ui, words);
        let key = ui.selected_key().map(|k| k.task.clone());
        assert_eq!(key.as_deref(), Some(NOTED_TASK), "{words}");
        let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
        let lines = screen_lines(&terminal);
        let row = find_row(&lines, &format!(" {NOTED_TASK} ")).expect("the row is shown");
        assert!(lines[row].contains(marker), "{words}: {:?}", lines[row]);
        assert_eq!(
            lines[row].width(),
            usize::from(NARROW.0),
            "{:?}",
            lines[row]
        );
        press(&mut app, &mut ui, &[Action::Back]);
    }
}

/// A title match says nothing more: the marker is for what the title does
/// not show.
#[test]
fn a_title_match_has_no_marker() {
    let (app, ui) = scene(Scene::Search, NARROW.0, NARROW.1);
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    assert!(
        !screen_lines(&terminal).iter().any(|l| l.contains("khớp:")),
        "{}",
        terminal.backend()
    );
}

/// A note written while a search is on is searched at once.
#[test]
fn a_note_written_during_a_search_is_found() {
    let mut app = seeded_app();
    let mut ui = new_ui(&app, NARROW.0, NARROW.1);
    search(&mut app, &mut ui, "quynh");
    assert_eq!(ui.search.as_ref().map(|s| s.beyond_titles.len()), Some(0));
    select_task(&mut app, &mut ui, "0.3");
    press(&mut app, &mut ui, &[Action::Open, Action::AddNote]);
    type_text(&mut app, &mut ui, "Chị Quỳnh đã gửi dự thảo");
    press(&mut app, &mut ui, &[Action::Save, Action::Back]);
    let found = ui.search.as_ref().map(|s| s.beyond_titles.len());
    assert_eq!(found, Some(1), "{:?}", ui.search);
    press(&mut app, &mut ui, &[Action::Top, Action::NextMatch]);
    assert_eq!(ui.selected_key().map(|k| k.task.as_str()), Some("0.3"));
}

// ------------------------------------------------ layout edges

/// Every target row fits the screen: the deadline keeps its whole year.
#[test]
fn target_deadlines_show_the_whole_year() {
    for (width, height) in [NARROW, WIDE] {
        let terminal = shot(Scene::Targets, (width, height));
        let lines = screen_lines(&terminal);
        let t01 = find_row(&lines, "T01 ").expect("T01 listed");
        assert!(
            lines[t01].trim_end().ends_with("31/12/2027"),
            "{width}×{height}: {:?}",
            lines[t01]
        );
    }
}

/// A long filter value is cut with "…" and keeps its closing "►".
#[test]
fn filter_values_keep_their_arrows() {
    let terminal = shot(Scene::Filter, NARROW);
    let lines = screen_lines(&terminal);
    for label in ["Lĩnh vực ", "Đơn vị chủ trì", "Trạng thái ", "Chỉ quá hạn"] {
        let y = lines
            .iter()
            .position(|l| l.contains(&format!("│ {label}")))
            .unwrap_or_else(|| panic!("no {label} line:\n{}", terminal.backend()));
        let inside = lines[y].trim_end().trim_end_matches('│').trim_end();
        assert!(inside.ends_with('►'), "{:?}", lines[y]);
    }
}

/// Open work due within the warning window (14 days) stands out with "~" and
/// the days left, in colour and in Mono; past the window it no longer says so.
#[test]
fn work_due_soon_says_how_many_days_are_left() {
    let mut app = support::seeded_app();
    let key = app.resolve("0.12").expect("task 0.12");
    app.edit_task(
        &key,
        &[cchc::domain::Edit::Due(support::date(2026, 12, 3))],
        Some("Dời lên theo kế hoạch kiểm tra"),
    )
    .expect("move the deadline");
    for theme in [ThemeName::Dark, ThemeName::Mono] {
        let ui = support::new_ui(&app, NARROW.0, NARROW.1);
        let terminal = render(&app, &ui, NARROW.0, NARROW.1, theme);
        let buffer = terminal.backend().buffer();
        let y = task_row(&terminal, "0.12");
        assert_eq!(
            buffer[(0, y)].symbol(),
            "~",
            "{}",
            support::row_text(buffer, y)
        );
        let state = cells_text(buffer, y, STATE_AT, PROGRESS_AT - 1);
        assert_eq!(state.trim(), "còn 7 ngày", "{theme:?}");
    }
    app.edit_task(
        &key,
        &[cchc::domain::Edit::Due(support::date(2026, 12, 11))],
        Some("Dời lại một tuần"),
    )
    .expect("move the deadline");
    let ui = support::new_ui(&app, NARROW.0, NARROW.1);
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    let y = task_row(&terminal, "0.12");
    // 15 days out is past the warning window; at 40% it is behind schedule.
    let state = cells_text(terminal.backend().buffer(), y, STATE_AT, PROGRESS_AT - 1);
    assert!(state.starts_with("chậm"), "{state:?}");
}
