//! Meeting mode: the review of a period as slides for a projected room.
//!
//! Every scene starts from `support::seeded_app()` plus a meeting recorded on
//! 10/11/2026 and, after it (the pinned clock's "now" is 26/11/2026), a task
//! done, a deadline moved with a reason and a target measured, and one
//! occurrence flagged for the agenda. The `Ui` is laid out the way the runtime
//! lays it out (`tui::fit_to` keeps the presentation's height and capacity)
//! and meeting mode is opened as `cchc present` opens it.
//!
//! Snapshots of every kind of slide at 80×24, 120×35 and 200×60 in the
//! projector theme and at 120×35 in the dark theme; update them with
//! `INSTA_UPDATE=always cargo test --test meeting` and review the `.snap`
//! files.

mod support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use cchc::app::meeting::{Slide, SlideKind};
use cchc::app::{App, AppError};
use cchc::config::ThemeName;
use cchc::domain::period::Period;
use cchc::domain::{Edit, InputError, Status, TaskKey};
use cchc::keymap::Action;
use cchc::keymap::{self, Key, Mode};
use cchc::screen::state::{Flash, Overlay, Presentation, Screen, Ui};
use cchc::screen::update::{self, update};
use cchc::store::Dump;
use support::{NOTED_TASK, date, new_ui, render, screen_lines, seeded_app, select_task};

/// Marked done after the meeting.
const DONE_AFTER: &str = "1.a.2";
/// Its deadline extended after the meeting, 31/12/2027 → 31/03/2028, with a reason.
const MOVED_AFTER: &str = "3.d";
const MOVE_REASON: &str = "Chờ ý kiến của Sở Nội vụ";
/// Measured after the meeting.
const MEASURED_AFTER: &str = "T03";
/// Flagged for the agenda.
const AGENDA_TASK: &str = "0.8";

/// The sizes of the projector snapshots.
const SIZES: [(u16, u16); 3] = [(80, 24), (120, 35), (200, 60)];

fn key(app: &App, id: &str) -> TaskKey {
    app.resolve(id).expect("a task of the bundled plan")
}

/// The seeded plan, a meeting on 10/11/2026, changes after it, one agenda flag.
fn meeting_app() -> App {
    let mut app = seeded_app();
    app.record_meeting(date(2026, 11, 10), "Giao ban tháng 11")
        .expect("record the meeting");
    let done = key(&app, DONE_AFTER);
    app.edit_task(&done, &[Edit::Status(Status::Done)], None)
        .expect("mark done");
    let moved = key(&app, MOVED_AFTER);
    app.edit_task(&moved, &[Edit::Due(date(2028, 3, 31))], Some(MOVE_REASON))
        .expect("move the deadline");
    app.measure(
        MEASURED_AFTER,
        60.0,
        Some(date(2026, 11, 25)),
        Some("Báo cáo tháng 11"),
    )
    .expect("measure");
    app.load_history().expect("read the history");
    let flagged = key(&app, AGENDA_TASK);
    app.toggle_agenda(&flagged).expect("flag for the agenda");
    app
}

/// A `Ui` for a screen of this size in meeting mode on its first slide, as
/// `cchc present` starts it.
fn meeting_ui(app: &App, width: u16, height: u16) -> Ui {
    let mut ui = new_ui(app, width, height);
    ui.presentation.height = height;
    ui.presentation.capacity = Presentation::capacity_for(height, false);
    update::start_presentation(app, &mut ui, true);
    ui
}

fn deck(app: &App, ui: &Ui) -> Vec<Slide> {
    app.slides(ui.presentation.capacity)
}

/// Pages forward with → from the first slide to slide `index`.
fn go_to(app: &mut App, ui: &mut Ui, index: usize) {
    update(app, ui, Action::FirstSlide);
    for _ in 0..index {
        update(app, ui, Action::NextSlide);
    }
    assert_eq!(ui.presentation.slide, index, "slide {index} reached");
}

/// The index of the first slide of the kind `matches` picks.
fn first_of(app: &App, ui: &Ui, matches: impl Fn(&SlideKind) -> bool) -> usize {
    deck(app, ui)
        .iter()
        .position(|s| matches(&s.kind))
        .expect("the deck has such a slide")
}

/// The seven kinds of slide, and which one of each the snapshots show.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Overview,
    Area,
    Unit,
    Risks,
    Targets,
    Changes,
    Agenda,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::Overview,
        Kind::Area,
        Kind::Unit,
        Kind::Risks,
        Kind::Targets,
        Kind::Changes,
        Kind::Agenda,
    ];

    fn name(self) -> &'static str {
        match self {
            Kind::Overview => "overview",
            Kind::Area => "area",
            Kind::Unit => "unit",
            Kind::Risks => "risks",
            Kind::Targets => "targets",
            Kind::Changes => "changes",
            Kind::Agenda => "agenda",
        }
    }

    fn matches(self, kind: &SlideKind) -> bool {
        matches!(
            (self, kind),
            (Kind::Overview, SlideKind::Overview)
                | (Kind::Area, SlideKind::Area(_))
                | (Kind::Unit, SlideKind::Unit(_))
                | (Kind::Risks, SlideKind::Risks)
                | (Kind::Targets, SlideKind::Targets)
                | (Kind::Changes, SlideKind::Changes)
                | (Kind::Agenda, SlideKind::Agenda)
        )
    }
}

/// The meeting app and its `Ui` on the first slide of `kind`.
fn scene(kind: Kind, width: u16, height: u16) -> (App, Ui) {
    let mut app = meeting_app();
    let mut ui = meeting_ui(&app, width, height);
    let index = first_of(&app, &ui, |k| kind.matches(k));
    go_to(&mut app, &mut ui, index);
    (app, ui)
}

fn shot(kind: Kind, width: u16, height: u16, theme: ThemeName) -> Terminal<TestBackend> {
    let (app, ui) = scene(kind, width, height);
    render(&app, &ui, width, height, theme)
}

/// The slide's list: the lines between its title (two rows) and its footer.
/// The slide's rows: below the title (two lines) and the column headers,
/// above the footer.
fn body(lines: &[String]) -> Vec<String> {
    lines[3..lines.len() - 1]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .cloned()
        .collect()
}

/// How many rows a kind of slide has before it is cut into pages.
fn rows_of(app: &App, kind: &SlideKind) -> usize {
    match kind {
        SlideKind::Overview => 1,
        SlideKind::Area(_) | SlideKind::Unit(_) => app.slide_tasks(kind).len(),
        SlideKind::Risks => app.task_risks().len() + app.target_risks().len(),
        SlideKind::Targets => app.plan().targets().len(),
        SlideKind::Changes => app.changes_since_last_meeting().len(),
        SlideKind::Agenda => app.agenda().count(),
    }
}

/// The second word of a task row: its key ("√ 1.a.2 Sửa đổi …").
fn row_key(line: &str) -> String {
    line.split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

// ------------------------------------------------------------------ snapshots

fn snapshot_every_kind(width: u16, height: u16, theme: ThemeName, suffix: &str) {
    for kind in Kind::ALL {
        let terminal = shot(kind, width, height, theme);
        let name = format!("{}_{width}x{height}{suffix}", kind.name());
        insta::assert_snapshot!(name, terminal.backend());
    }
}

#[test]
fn slides_at_80x24_projector() {
    snapshot_every_kind(80, 24, ThemeName::Projector, "");
}

#[test]
fn slides_at_120x35_projector() {
    snapshot_every_kind(120, 35, ThemeName::Projector, "");
}

#[test]
fn slides_at_200x60_projector() {
    snapshot_every_kind(200, 60, ThemeName::Projector, "");
}

#[test]
fn slides_at_120x35_dark() {
    snapshot_every_kind(120, 35, ThemeName::Dark, "_dark");
}

/// Bold and colours of the projector theme, cell by cell.
#[test]
fn overview_style_80x24_projector() {
    let terminal = shot(Kind::Overview, 80, 24, ThemeName::Projector);
    insta::assert_debug_snapshot!("overview_style_80x24", terminal.backend().buffer());
}

// ----------------------------------------------------------------- the deck

/// One kind per area (0..6) and per unit, in catalog order, each kind's pages
/// side by side and numbered from 0; then risks, targets, changes, agenda.
#[test]
fn deck_has_a_slide_per_area_and_per_unit() {
    let app = meeting_app();
    for (width, height) in SIZES {
        let ui = meeting_ui(&app, width, height);
        let slides = deck(&app, &ui);
        let mut kinds: Vec<SlideKind> = Vec::new();
        for slide in &slides {
            if kinds.last() != Some(&slide.kind) {
                assert_eq!(slide.page, 0, "{slide:?} starts its kind");
                assert!(!kinds.contains(&slide.kind), "{slide:?} is split");
                kinds.push(slide.kind.clone());
            }
        }
        let areas: Vec<u8> = kinds
            .iter()
            .filter_map(|k| match k {
                SlideKind::Area(code) => Some(*code),
                _ => None,
            })
            .collect();
        assert_eq!(areas, (0..=6).collect::<Vec<u8>>(), "at {width}×{height}");
        let units: Vec<&str> = kinds
            .iter()
            .filter_map(|k| match k {
                SlideKind::Unit(code) => Some(code.as_str()),
                _ => None,
            })
            .collect();
        let catalog: Vec<&str> = app
            .plan()
            .catalog()
            .units
            .iter()
            .map(|u| u.code.as_str())
            .collect();
        assert_eq!(units, catalog, "at {width}×{height}");
        assert_eq!(kinds.first(), Some(&SlideKind::Overview));
        assert_eq!(
            kinds[kinds.len() - 4..],
            [
                SlideKind::Risks,
                SlideKind::Targets,
                SlideKind::Changes,
                SlideKind::Agenda
            ]
        );
        for kind in &kinds {
            let pages: Vec<&Slide> = slides.iter().filter(|s| &s.kind == kind).collect();
            let capacity = ui.presentation.capacity;
            let expected = rows_of(&app, kind).div_ceil(capacity).max(1);
            assert_eq!(pages.len(), expected, "{kind:?} at {width}×{height}");
            for (i, page) in pages.iter().enumerate() {
                assert_eq!((page.page, page.pages), (i, expected), "{kind:?}");
            }
        }
    }
}

/// A kind with more rows than a slide holds continues on the next slide,
/// "— 1/2" then "— 2/2" in the title, and every row is on exactly one page.
#[test]
fn long_kinds_continue_on_the_next_slide_and_lose_no_row() {
    let (width, height) = (80, 24);
    let mut app = meeting_app();
    let mut ui = meeting_ui(&app, width, height);
    let capacity = ui.presentation.capacity;
    let slides = deck(&app, &ui);
    let mut paged = 0;
    let mut kinds: Vec<SlideKind> = slides.iter().map(|s| s.kind.clone()).collect();
    kinds.dedup();
    for kind in kinds {
        let indices: Vec<usize> = (0..slides.len())
            .filter(|&i| slides[i].kind == kind)
            .collect();
        if kind == SlideKind::Overview {
            continue;
        }
        let pages = indices.len();
        let mut seen: Vec<String> = Vec::new();
        for (page, &index) in indices.iter().enumerate() {
            go_to(&mut app, &mut ui, index);
            let lines = screen_lines(&render(&app, &ui, width, height, ThemeName::Projector));
            let title = &lines[0];
            if pages > 1 {
                let mark = format!("— {}/{pages}", page + 1);
                assert!(title.contains(&mark), "{kind:?}: {mark} in {title:?}");
            } else {
                assert!(!title.contains("— 1/"), "{kind:?}: {title:?}");
            }
            let rows = body(&lines);
            assert!(rows.len() <= capacity, "{kind:?} page {page}: {rows:#?}");
            if page + 1 < pages {
                assert_eq!(
                    rows.len(),
                    capacity,
                    "{kind:?}: a full page before the next"
                );
            }
            if rows_of(&app, &kind) > 0 {
                seen.extend(rows);
            }
        }
        if pages > 1 {
            paged += 1;
        }
        assert_eq!(
            seen.len(),
            rows_of(&app, &kind),
            "{kind:?}: the rows over its {pages} pages"
        );
        if matches!(kind, SlideKind::Area(_) | SlideKind::Unit(_)) {
            let mut shown: Vec<String> = seen.iter().map(|l| row_key(l)).collect();
            let mut all: Vec<String> = app
                .slide_tasks(&kind)
                .iter()
                .map(|t| t.key.to_string())
                .collect();
            shown.sort();
            all.sort();
            assert_eq!(shown, all, "{kind:?}: every task once, none cut");
        }
    }
    assert!(
        paged >= 3,
        "area 0, a unit and the risks fill more than a slide"
    );
}

/// The changes slide names the previous meeting's day and lists the task
/// done, the deadline moved (with its reason) and the measurement.
#[test]
fn changes_slide_lists_what_happened_since_the_last_meeting() {
    let (width, height) = (200, 60);
    let (app, ui) = scene(Kind::Changes, width, height);
    let lines = screen_lines(&render(&app, &ui, width, height, ThemeName::Projector));
    assert!(
        lines[0].contains("Thay đổi từ cuộc họp trước (10/11/2026)"),
        "{:?}",
        lines[0]
    );
    let rows = body(&lines);
    let find = |needle: &str| {
        rows.iter()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no {needle:?} on the slide:\n{rows:#?}"))
            .clone()
    };
    let done = find(&format!("{DONE_AFTER} "));
    assert!(
        done.starts_with('√') && done.contains("hoàn thành"),
        "{done:?}"
    );
    let moved = find(&format!("{MOVED_AFTER} gia hạn"));
    assert!(
        moved.contains("31/12/2027 → 31/03/2028") && moved.contains(MOVE_REASON),
        "{moved:?}"
    );
    let measured = find(&format!("{MEASURED_AFTER} có số liệu"));
    assert!(
        measured.contains("60") && measured.contains("25/11/2026"),
        "{measured:?}"
    );
    // The meeting itself is not a change.
    assert!(!rows.iter().any(|l| l.contains("Giao ban")), "{rows:#?}");
}

#[test]
fn agenda_slide_lists_the_flagged_occurrence() {
    let (width, height) = (120, 35);
    let (app, ui) = scene(Kind::Agenda, width, height);
    let lines = screen_lines(&render(&app, &ui, width, height, ThemeName::Projector));
    assert!(
        lines[0].contains("Đề nghị đưa ra cuộc họp"),
        "{:?}",
        lines[0]
    );
    let rows = body(&lines);
    let flagged = key(&app, AGENDA_TASK).to_string();
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(row_key(&rows[0]), flagged, "{rows:#?}");
}

/// The rows of the slides at 80×24 that run off the right edge: a row that
/// reaches the last column must end with "…" (cut on purpose), a border, or
/// the same word the row ends with on a 200-column screen of the same height
/// (which holds the same slides and pages): otherwise it is cut mid-word.
fn rows_cut_at_80_columns() -> Vec<(SlideKind, u16, String)> {
    let (width, height) = (80, 24);
    let mut app = meeting_app();
    let mut ui = meeting_ui(&app, width, height);
    let slides = deck(&app, &ui);
    let mut cut = Vec::new();
    for (index, slide) in slides.iter().enumerate() {
        go_to(&mut app, &mut ui, index);
        let narrow = render(&app, &ui, width, height, ThemeName::Projector);
        let wide = render(&app, &ui, 200, height, ThemeName::Projector);
        let (narrow, wide) = (narrow.backend().buffer(), wide.backend().buffer());
        for y in 0..height {
            let last = narrow[(width - 1, y)].symbol();
            if last.trim().is_empty() || last == "…" || "│┐┘┤─".contains(last) {
                continue;
            }
            let text = support::row_text(narrow, y);
            let whole = support::row_text(wide, y);
            if text.split_whitespace().last() != whole.split_whitespace().last() {
                cut.push((
                    slide.kind.clone(),
                    y,
                    format!("slide {index} row {y}: {text}"),
                ));
            }
        }
    }
    cut
}

/// At 80×24 (PuTTY's default) no line of any slide is wider than the screen:
/// the target rows keep the whole year of their deadline ("31/12/2027").
#[test]
fn no_slide_is_wider_than_80_columns() {
    let cut: Vec<String> = rows_cut_at_80_columns()
        .into_iter()
        .map(|(_, _, row)| row)
        .collect();
    assert!(cut.is_empty(), "cut at the edge:\n{}", cut.join("\n"));
}

/// From 120 columns (a projector at 128×40) a slide shows each task's and
/// target's short title whole, on every area, unit and targets slide.
#[test]
fn titles_are_whole_from_120_columns() {
    for (width, height) in [(120, 40), (128, 40), (200, 60)] {
        let mut app = meeting_app();
        let mut ui = meeting_ui(&app, width, height);
        let slides = deck(&app, &ui);
        let mut checked = 0;
        for (index, slide) in slides.iter().enumerate() {
            if !matches!(
                slide.kind,
                SlideKind::Area(_) | SlideKind::Unit(_) | SlideKind::Targets
            ) {
                continue;
            }
            go_to(&mut app, &mut ui, index);
            let lines =
                support::screen_lines(&render(&app, &ui, width, height, ThemeName::Projector));
            for row in body(&lines) {
                let id = row_key(&row);
                let short = match app.plan().task(id.split('@').next().unwrap_or_default()) {
                    Some(def) => def.short.clone(),
                    None => match app.plan().target(&id) {
                        Some(def) => def.short.clone(),
                        None => continue,
                    },
                };
                assert!(
                    row.contains(&short),
                    "{width}×{height} slide {index}: “{short}” cut in\n{row}"
                );
                checked += 1;
            }
        }
        assert!(checked > 80, "{width}×{height}: {checked} rows checked");
    }
}

// ----------------------------------------------------------------- the keys

/// `z` spaces the rows out: fewer to a slide, so more slides; `z` again
/// brings the deck back.
#[test]
fn larger_puts_fewer_rows_on_a_slide() {
    let (width, height) = (120, 35);
    let (mut app, mut ui) = scene(Kind::Area, width, height);
    let before = deck(&app, &ui).len();
    let capacity = ui.presentation.capacity;
    let rows = body(&screen_lines(&render(
        &app,
        &ui,
        width,
        height,
        ThemeName::Projector,
    )));
    assert_eq!(
        keymap::action_for(Mode::Meeting, Key::Char('z')),
        Some(Action::Larger)
    );
    update(&mut app, &mut ui, Action::Larger);
    assert!(ui.presentation.large);
    assert!(
        ui.presentation.capacity < capacity,
        "{capacity} → {}",
        ui.presentation.capacity
    );
    let after = deck(&app, &ui).len();
    assert!(after > before, "{before} slides → {after}");
    let larger = body(&screen_lines(&render(
        &app,
        &ui,
        width,
        height,
        ThemeName::Projector,
    )));
    assert!(
        larger.len() < rows.len(),
        "{} → {}",
        rows.len(),
        larger.len()
    );
    assert!(larger.len() <= ui.presentation.capacity);
    update(&mut app, &mut ui, Action::Larger);
    assert_eq!(ui.presentation.capacity, capacity);
    assert_eq!(deck(&app, &ui).len(), before);
}

/// `b` blanks the whole screen for a pause; `b` again brings back the slide.
#[test]
fn blank_clears_every_cell_and_comes_back() {
    let (width, height) = (120, 35);
    let (mut app, mut ui) = scene(Kind::Area, width, height);
    let shown = render(&app, &ui, width, height, ThemeName::Projector);
    assert_eq!(
        keymap::action_for(Mode::Meeting, Key::Char('b')),
        Some(Action::Blank)
    );
    update(&mut app, &mut ui, Action::Blank);
    let blank = render(&app, &ui, width, height, ThemeName::Projector);
    let buffer = blank.backend().buffer();
    for y in 0..height {
        for x in 0..width {
            assert_eq!(buffer[(x, y)].symbol(), " ", "cell {x},{y} while blank");
        }
    }
    update(&mut app, &mut ui, Action::Blank);
    let back = render(&app, &ui, width, height, ThemeName::Projector);
    assert_eq!(back.backend().buffer(), shown.backend().buffer());
}

#[test]
fn number_keys_jump_to_their_slide() {
    let mut app = meeting_app();
    let mut ui = meeting_ui(&app, 80, 24);
    let three = keymap::action_for(Mode::Meeting, Key::Char('3')).expect("3 is bound");
    assert_eq!(three, Action::GoToSlide(3));
    update(&mut app, &mut ui, three);
    assert_eq!(ui.presentation.slide, 2);
    update(&mut app, &mut ui, Action::GoToSlide(1));
    assert_eq!(ui.presentation.slide, 0);
}

/// `q` ends `cchc present`; from the board's `m` it goes back to the board.
#[test]
fn q_leaves_meeting_mode() {
    let mut app = meeting_app();
    let mut ui = meeting_ui(&app, 80, 24);
    let q = keymap::action_for(Mode::Meeting, Key::Char('q')).expect("q is bound");
    assert_eq!(q, Action::Back);
    update(&mut app, &mut ui, q);
    assert!(ui.quit, "standalone: q ends the program");

    let mut ui = new_ui(&app, 80, 24);
    update(&mut app, &mut ui, Action::Present);
    assert_eq!(ui.screen, Screen::Meeting);
    update(&mut app, &mut ui, q);
    assert!(!ui.quit);
    assert_eq!(ui.screen, Screen::Board);
}

// ------------------------------------------------------------ read only

#[test]
fn a_read_only_app_refuses_every_edit() {
    let mut app = meeting_app();
    app.set_read_only(true);
    let before = app.dump().expect("dump");
    let task = key(&app, NOTED_TASK);
    let refused = |result: Result<_, AppError>| {
        assert!(
            matches!(result, Err(AppError::Input(InputError::ReadOnly))),
            "{result:?}"
        )
    };
    refused(app.edit_task(&task, &[Edit::Progress(90)], None));
    refused(app.edit_task(&task, &[Edit::Status(Status::Done)], Some("x")));
    refused(app.toggle_agenda(&task));
    refused(app.record_meeting(date(2026, 11, 26), "Họp"));
    refused(app.measure("T02", 10.0, None, None));
    assert_eq!(app.dump().expect("dump"), before);
}

/// On a read-only board `s`, `+` and `n` say why nothing happens and open
/// nothing.
#[test]
fn a_read_only_board_flashes_and_changes_nothing() {
    let mut app = meeting_app();
    app.set_read_only(true);
    let mut ui = new_ui(&app, 80, 24);
    select_task(&mut app, &mut ui, NOTED_TASK);
    let before = app.dump().expect("dump");
    for c in ['s', '+', 'n'] {
        let action = keymap::action_for(ui.mode(), Key::Char(c)).expect("bound on the board");
        update(&mut app, &mut ui, action);
        assert_eq!(ui.overlay, None, "{c}: nothing opens");
        let flash = ui
            .flash
            .clone()
            .unwrap_or_else(|| panic!("{c}: no message"));
        assert!(
            flash.is_error() && flash.text.contains("chỉ xem"),
            "{c}: {flash:?}"
        );
        let lines = screen_lines(&render(&app, &ui, 80, 24, ThemeName::Dark));
        assert!(
            lines.iter().any(|l| l.contains("chế độ chỉ xem")),
            "{c}: {lines:#?}"
        );
        assert!(ui.undo.is_empty() && ui.last_saved.is_none());
    }
    assert_eq!(app.dump().expect("dump"), before);
}

// ------------------------------------------------- nothing in meeting mode edits

/// Every key a terminal can send that the table knows how to write.
fn every_key() -> Vec<Key> {
    let mut keys: Vec<Key> = (' '..='~').map(Key::Char).collect();
    keys.extend("đĐăâêôơưáàảãạ€".chars().map(Key::Char));
    keys.extend(('a'..='z').map(Key::Ctrl));
    keys.extend([
        Key::Up,
        Key::Down,
        Key::Left,
        Key::Right,
        Key::PageUp,
        Key::PageDown,
        Key::Home,
        Key::End,
        Key::Enter,
        Key::Esc,
        Key::Tab,
        Key::BackTab,
        Key::Backspace,
        Key::Delete,
    ]);
    keys
}

/// What meeting mode may change: where it is and how it shows, never the store.
#[derive(Debug, PartialEq)]
struct Seen {
    presentation: Presentation,
    screen: Screen,
    overlay: Option<Overlay>,
    flash: Option<Flash>,
    quit: bool,
    period: Period,
    dump: Dump,
}

fn seen(app: &App, ui: &Ui) -> Seen {
    Seen {
        presentation: ui.presentation.clone(),
        screen: ui.screen,
        overlay: ui.overlay.clone(),
        flash: ui.flash.clone(),
        quit: ui.quit,
        period: app.period(),
        dump: app.dump().expect("dump"),
    }
}

/// A key as the runtime applies it (`tui::handle`): only a bound key acts.
fn press_key(app: &mut App, ui: &mut Ui, key: Key) -> Option<Action> {
    let action = keymap::action_for(ui.mode(), key)?;
    update(app, ui, action);
    Some(action)
}

/// The actions meeting mode has.
fn is_meeting_action(action: Action) -> bool {
    matches!(
        action,
        Action::NextSlide
            | Action::PreviousSlide
            | Action::GoToSlide(_)
            | Action::FirstSlide
            | Action::Blank
            | Action::Larger
            | Action::PreviousPeriod
            | Action::NextPeriod
            | Action::Reload
            | Action::WriteReport
            | Action::ClosePeriod
            | Action::ShowHelp
            | Action::Back
            | Action::Quit
    )
}

#[test]
fn keys_not_bound_in_meeting_mode_do_nothing() {
    let mut app = meeting_app();
    let mut ui = meeting_ui(&app, 120, 35);
    go_to(&mut app, &mut ui, 3);
    assert!(!Mode::Meeting.takes_text(), "letters are never typed here");
    let mut unbound = Vec::new();
    for key in every_key() {
        assert_eq!(ui.mode(), Mode::Meeting);
        let before = seen(&app, &ui);
        match keymap::action_for(Mode::Meeting, key) {
            None => {
                assert_eq!(press_key(&mut app, &mut ui, key), None, "{key:?}");
                assert_eq!(seen(&app, &ui), before, "{key:?} changed something");
                unbound.push(key);
            }
            Some(action) => {
                assert!(is_meeting_action(action), "{key:?} → {action:?}");
            }
        }
    }
    // The board's edit keys are among them.
    for c in [
        's', '+', '=', '-', 'p', 'd', 'n', 'v', 'u', 't', 'x', 'e', '!', '/', 'f',
    ] {
        assert!(
            unbound.contains(&Key::Char(c)),
            "{c} is bound in meeting mode"
        );
    }
    for key in [Key::Enter, Key::Tab, Key::Backspace, Key::Delete] {
        assert!(unbound.contains(&key), "{key:?} is bound in meeting mode");
    }
}

/// Every key bound in meeting mode, on every kind of slide, in the normal and
/// the larger layout: the store (history included) is exactly as it was.
#[test]
fn meeting_keys_never_change_the_store() {
    let mut app = meeting_app();
    let bound: Vec<Key> = every_key()
        .into_iter()
        .filter(|k| keymap::action_for(Mode::Meeting, *k).is_some())
        .collect();
    assert!(bound.len() >= 20, "{bound:?}");
    let start = app.dump().expect("dump");
    let period = app.period();
    for large in [false, true] {
        for kind in Kind::ALL {
            for &key in &bound {
                let mut ui = meeting_ui(&app, 120, 35);
                if large {
                    update(&mut app, &mut ui, Action::Larger);
                }
                let index = first_of(&app, &ui, |k| kind.matches(k));
                go_to(&mut app, &mut ui, index);
                let action = press_key(&mut app, &mut ui, key).expect("bound");
                assert_eq!(
                    app.dump().expect("dump"),
                    start,
                    "{key:?} ({action:?}) on {kind:?}"
                );
                render(&app, &ui, 120, 35, ThemeName::Projector);
                // Back to the period the deck started on.
                app.set_period(period);
            }
        }
    }
    // Every action there is, sent straight to meeting mode, edits nothing.
    let mut ui = meeting_ui(&app, 120, 35);
    for action in every_action() {
        ui.screen = Screen::Meeting;
        ui.overlay = None;
        ui.quit = false;
        update(&mut app, &mut ui, action);
        assert_eq!(app.dump().expect("dump"), start, "{action:?}");
    }
}

fn every_action() -> Vec<Action> {
    let mut actions = support::every_action();
    actions.extend((0..=12).map(Action::GoToSlide));
    actions
}

// ------------------------------------------------------------ never panics

/// Every slide, blank or not, normal or larger, help over it or not, at
/// degenerate and huge sizes.
#[test]
fn drawing_slides_never_panics() {
    const SIZES: [(u16, u16); 5] = [(1, 1), (0, 0), (200, 1), (60, 16), (300, 100)];
    let mut app = meeting_app();
    for (width, height) in SIZES {
        for large in [false, true] {
            let mut ui = meeting_ui(&app, width, height);
            if large {
                update(&mut app, &mut ui, Action::Larger);
            }
            let count = deck(&app, &ui).len();
            for index in 0..count + 2 {
                ui.presentation.slide = index;
                for (blank, help) in [(false, false), (true, false), (false, true)] {
                    ui.presentation.blank = blank;
                    ui.overlay = help.then_some(Overlay::Help);
                    render(&app, &ui, width, height, ThemeName::Projector);
                    render(&app, &ui, width, height, ThemeName::Mono);
                }
            }
            ui.overlay = None;
            ui.presentation.blank = false;
            // Slides sized for this screen drawn on another (a resize not yet seen).
            for (w, h) in SIZES {
                render(&app, &ui, w, h, ThemeName::Dark);
            }
        }
    }
}
