//! The review-period features on screen: the risks view, keyboard triage, the
//! extend dialog and the triage summary, as insta snapshots at 80×24 and
//! 160×45; the things triage must do whatever the snapshots say (the counter,
//! the order, saving each decision, refusing an extension without a reason);
//! `[` and `]` walking the review periods; and drawing at degenerate sizes.
//!
//! Every scene starts from `support::seeded_app()`: "today" is pinned at
//! 26/11/2026, so the period under review is "Năm 2026" (15/12/2025–14/12/2026).
//! Update snapshots with `INSTA_UPDATE=always cargo test --test risk_views`
//! and review the `.snap` files.

mod support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use cchc::app::board::{Grouping, Row};
use cchc::app::{App, HistoryFilter};
use cchc::config::ThemeName;
use cchc::domain::risk::{Severity, TaskReason};
use cchc::domain::{DeadlineClass, Status, TaskKey};
use cchc::keymap::Action;
use cchc::keymap::{self, Key};
use cchc::screen::state::{Decision, Overlay, Screen, Ui};
use support::{
    NARROW, OVERDUE_TASK, WIDE, cells_text, date, find_row, new_ui, press, render, resize,
    screen_lines, seeded_app, type_text,
};

/// The new deadline and the reason typed into the extend dialog.
const NEW_DUE: &str = "31/03/2027";
const REASON: &str = "Chờ hướng dẫn của UBND tỉnh về quy trình mới";

/// The screens under test, each reached by the actions a person would take
/// from the board.
#[derive(Debug, Clone, Copy)]
enum Scene {
    Risks,
    RisksByUnit,
    Triage,
    /// The extend dialog on triage's first item: a date typed, then Tab to
    /// the reason.
    Extend,
    /// Done, extended, skipped, then ended.
    Summary,
}

impl Scene {
    const ALL: [Scene; 5] = [
        Scene::Risks,
        Scene::RisksByUnit,
        Scene::Triage,
        Scene::Extend,
        Scene::Summary,
    ];

    fn name(self) -> &'static str {
        match self {
            Scene::Risks => "risks",
            Scene::RisksByUnit => "risks_unit",
            Scene::Triage => "triage",
            Scene::Extend => "triage_extend",
            Scene::Summary => "triage_summary",
        }
    }

    fn enter(self, app: &mut App, ui: &mut Ui) {
        match self {
            Scene::Risks => press(app, ui, &[Action::ShowRisks]),
            Scene::RisksByUnit => press(app, ui, &[Action::ShowRisks, Action::CycleGrouping]),
            Scene::Triage => press(app, ui, &[Action::StartTriage]),
            Scene::Extend => {
                press(app, ui, &[Action::StartTriage, Action::Extend]);
                type_text(app, ui, NEW_DUE);
                press(app, ui, &[Action::NextField]);
            }
            Scene::Summary => {
                press(
                    app,
                    ui,
                    &[
                        Action::StartTriage,
                        Action::MarkDone,
                        Action::Confirm,
                        Action::Extend,
                    ],
                );
                type_text(app, ui, NEW_DUE);
                press(app, ui, &[Action::NextField]);
                type_text(app, ui, REASON);
                press(app, ui, &[Action::Confirm, Action::Skip, Action::EndTriage]);
            }
        }
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

fn lines_of(app: &App, ui: &Ui, (width, height): (u16, u16)) -> Vec<String> {
    screen_lines(&render(app, ui, width, height, ThemeName::Dark))
}

/// The triage header row: the title left, the counter right.
fn triage_header(app: &App, ui: &Ui, size: (u16, u16)) -> String {
    lines_of(app, ui, size)[1].clone()
}

fn history_len(app: &App) -> usize {
    app.history(&HistoryFilter::default())
        .expect("the history")
        .len()
}

// ------------------------------------------------------------------ snapshots

#[test]
fn risks_view() {
    snapshot_both_sizes(Scene::Risks);
}

#[test]
fn risks_view_grouped_by_unit() {
    snapshot_both_sizes(Scene::RisksByUnit);
}

#[test]
fn triage_first_item() {
    snapshot_both_sizes(Scene::Triage);
}

#[test]
fn triage_extend_dialog() {
    snapshot_both_sizes(Scene::Extend);
}

#[test]
fn triage_summary() {
    snapshot_both_sizes(Scene::Summary);
}

// ------------------------------------------------------------------ the risks view

#[test]
fn the_risks_title_counts_what_is_flagged() {
    let (app, ui) = scene(Scene::Risks, NARROW.0, NARROW.1);
    let tasks = app.task_risks().len();
    let targets = app.target_risks().len();
    assert!(tasks > 0 && targets > 0, "the seed flags tasks and targets");
    let lines = lines_of(&app, &ui, NARROW);
    assert!(
        lines[1].starts_with(&format!(
            "Kỳ Năm 2026, tính đến 26/11/2026: {tasks} việc và {targets} chỉ tiêu"
        )),
        "{:?}",
        lines[1]
    );
    // Overdue work leads, with its symbol and the words.
    let first = app.task_risks().remove(0);
    let y = find_row(&lines, &format!(" {} ", first.key)).expect("the first item is listed");
    assert!(lines[y].starts_with("! "), "{:?}", lines[y]);
    assert!(lines[y].contains("quá hạn"), "{:?}", lines[y]);
}

#[test]
fn grouped_by_unit_every_task_sits_under_its_lead() {
    let (app, ui) = scene(Scene::RisksByUnit, WIDE.0, WIDE.1);
    assert_eq!(ui.grouping, Grouping::Unit);
    let terminal = render(&app, &ui, WIDE.0, WIDE.1, ThemeName::Dark);
    let buffer = terminal.backend().buffer();
    let leads: Vec<String> = app
        .plan()
        .catalog()
        .units
        .iter()
        .map(|u| u.code.clone())
        .collect();
    let mut group: Option<String> = None;
    let mut task_rows = 0;
    const LEAD_AT: u16 = 2 + 14 + 45;
    // Rows 2.. hold the list, down to the status line.
    for y in 2..WIDE.1 - 2 {
        let row = support::row_text(buffer, y);
        if let Some((code, _)) = row.split_once(" · ")
            && leads.contains(&code.to_string())
        {
            group = Some(code.to_string());
            continue;
        }
        if row.starts_with("Chỉ tiêu") {
            break;
        }
        let id = cells_text(buffer, y, 2, 15);
        if id.trim().is_empty() {
            continue;
        }
        task_rows += 1;
        // Symbol (2), id (13 + 1), title (a third of 160 is 53, at most
        // 44, + 1), then the lead in 7 cells.
        let lead = cells_text(buffer, y, LEAD_AT, LEAD_AT + 7);
        assert_eq!(Some(lead.trim().to_string()), group, "{row:?}");
    }
    assert!(task_rows > 10, "only {task_rows} task rows");
}

/// `o` in the risks view switches between area and unit only, the two
/// groupings the view can show.
#[test]
fn the_risks_view_groups_by_area_or_unit_only() {
    let (mut app, mut ui) = scene(Scene::Risks, NARROW.0, NARROW.1);
    press(&mut app, &mut ui, &[Action::CycleGrouping]);
    assert_eq!(ui.grouping, Grouping::Unit);
    press(&mut app, &mut ui, &[Action::CycleGrouping]);
    assert_eq!(ui.grouping, Grouping::Area);
}

// ------------------------------------------------------------------ triage

#[test]
fn triage_counts_every_flagged_item_and_starts_with_the_most_severe() {
    for size in [NARROW, WIDE] {
        let (app, ui) = scene(Scene::Triage, size.0, size.1);
        let risks = app.task_risks();
        let n = risks.len();
        assert_eq!(ui.screen, Screen::Triage);
        assert_eq!(ui.triage.queue.len(), n);
        let header = triage_header(&app, &ui, size);
        assert!(
            header.trim_end().ends_with(&format!(" 1/{n}")),
            "{header:?}"
        );
        assert!(header.contains("Rà soát nhanh — kỳ Năm 2026"), "{header:?}");

        // The first item is the most severe of all (overdue), and of this
        // period: earlier occurrences of the same severity come after.
        let is_earlier = |key: &TaskKey| {
            app.plan()
                .task(&key.task)
                .is_some_and(|def| app.current_key(def) != *key)
        };
        let first = risks
            .iter()
            .find(|f| f.severity() == Severity::High && !is_earlier(&f.key))
            .expect("this period has overdue work");
        assert_eq!(ui.triage.current(), Some(&first.key));
        let order: Vec<_> = ui
            .triage
            .queue
            .iter()
            .map(|key| {
                let flagged = risks.iter().find(|f| f.key == *key).expect("flagged");
                (std::cmp::Reverse(flagged.severity()), is_earlier(key))
            })
            .collect();
        assert!(order.is_sorted(), "{:?}", ui.triage.queue);
        assert_eq!(first.severity(), Severity::High);
        assert!(risks.iter().all(|f| f.severity() <= first.severity()));
        assert!(matches!(first.reasons[0], TaskReason::Overdue { .. }));

        let lines = lines_of(&app, &ui, size);
        let y = find_row(&lines, &format!("{} · ", first.key)).expect("the item's title line");
        assert!(lines[y].starts_with("! "), "{:?}", lines[y]);
        let reason = find_row(&lines, "Cần lưu ý vì:").expect("the reasons");
        assert!(
            lines[reason + 1].trim_start().starts_with("! quá hạn "),
            "{:?}",
            lines[reason + 1]
        );
    }
}

#[test]
fn mark_done_saves_and_moves_to_the_next_item() {
    let (mut app, mut ui) = scene(Scene::Triage, NARROW.0, NARROW.1);
    let n = app.task_risks().len();
    let first = ui.triage.current().cloned().expect("an item");
    press(&mut app, &mut ui, &[Action::MarkDone, Action::Confirm]);
    let header = triage_header(&app, &ui, NARROW);
    assert!(
        header.trim_end().ends_with(&format!(" 2/{n}")),
        "{header:?}"
    );
    assert_eq!(
        app.view(&first).expect("the task").state.status,
        Status::Done
    );
    assert_eq!(ui.triage.decisions, vec![(first.clone(), Decision::Done)]);
    assert_ne!(ui.triage.current(), Some(&first));
    // Done work is no longer at risk.
    assert!(app.task_risks().iter().all(|f| f.key != first));
}

/// In triage `x` asks the day the work was done, today filled in: Esc
/// keeps the item and writes nothing; an earlier day typed over today is
/// the day recorded, and the item is decided as done.
#[test]
fn mark_done_on_an_earlier_day_in_triage() {
    let (mut app, mut ui) = scene(Scene::Triage, NARROW.0, NARROW.1);
    let first = ui.triage.current().cloned().expect("an item");
    let written = |app: &App| {
        app.history(&HistoryFilter::default())
            .expect("history")
            .len()
    };
    let before = written(&app);
    press(&mut app, &mut ui, &[Action::MarkDone, Action::Cancel]);
    assert_eq!(ui.triage.current(), Some(&first), "Esc keeps the item");
    assert_eq!(written(&app), before, "Esc writes nothing");

    press(&mut app, &mut ui, &[Action::MarkDone]);
    type_text(&mut app, &mut ui, "20/11/2026");
    press(&mut app, &mut ui, &[Action::Confirm]);
    let state = app.view(&first).expect("the task").state;
    assert_eq!(state.status, Status::Done);
    assert_eq!(state.completed_on, Some(date(2026, 11, 20)));
    assert_eq!(ui.triage.decisions, vec![(first.clone(), Decision::Done)]);
    assert_ne!(ui.triage.current(), Some(&first));
}

#[test]
fn an_extension_without_a_reason_is_refused_and_nothing_is_saved() {
    let (mut app, mut ui) = scene(Scene::Triage, NARROW.0, NARROW.1);
    let key = ui.triage.current().cloned().expect("an item");
    let due_before = app.view(&key).expect("the task").due;
    let history_before = history_len(&app);

    press(&mut app, &mut ui, &[Action::Extend]);
    type_text(&mut app, &mut ui, NEW_DUE);
    // Enter on the date goes to the reason; Enter on the empty reason saves.
    press(&mut app, &mut ui, &[Action::Confirm, Action::Confirm]);
    let Some(Overlay::Extend(form)) = &ui.overlay else {
        panic!("the dialog stays open: {:?}", ui.overlay);
    };
    assert_eq!(form.error.as_deref(), Some("Lý do không được để trống."));
    assert_eq!(form.date.text, NEW_DUE, "what was typed is kept");
    let lines = lines_of(&app, &ui, NARROW);
    assert!(
        find_row(&lines, "Lý do không được để trống.").is_some(),
        "the refusal is on screen: {lines:#?}"
    );
    assert_eq!(history_len(&app), history_before, "nothing written");
    assert_eq!(app.view(&key).expect("the task").due, due_before);
    assert_eq!(ui.triage.position, 0);
    assert!(ui.triage.decisions.is_empty());

    // Only spaces is no reason either.
    type_text(&mut app, &mut ui, "   ");
    press(&mut app, &mut ui, &[Action::Confirm]);
    assert!(matches!(ui.overlay, Some(Overlay::Extend(_))));
    assert_eq!(history_len(&app), history_before);

    type_text(&mut app, &mut ui, REASON);
    press(&mut app, &mut ui, &[Action::Confirm]);
    assert_eq!(ui.overlay, None, "saved and closed");
    assert_eq!(
        app.view(&key).expect("the task").due,
        Some(date(2027, 3, 31))
    );
    let history = app.history(&HistoryFilter::default()).expect("the history");
    assert_eq!(history.len(), history_before + 1);
    let last = history.last().expect("an entry");
    assert_eq!(last.reason.as_deref(), Some(REASON));
    assert_eq!(last.subject, cchc::domain::Subject::Task(key.clone()));
    assert_eq!(
        ui.triage.decisions,
        vec![(key, Decision::Extended(date(2027, 3, 31)))]
    );
    assert_eq!(ui.triage.position, 1, "moved on");
}

#[test]
fn a_bad_date_in_the_extend_dialog_is_refused() {
    let (mut app, mut ui) = scene(Scene::Triage, NARROW.0, NARROW.1);
    let history_before = history_len(&app);
    press(&mut app, &mut ui, &[Action::Extend]);
    type_text(&mut app, &mut ui, "31/02/2027");
    press(&mut app, &mut ui, &[Action::NextField]);
    type_text(&mut app, &mut ui, REASON);
    press(&mut app, &mut ui, &[Action::Confirm]);
    let Some(Overlay::Extend(form)) = &ui.overlay else {
        panic!("the dialog stays open: {:?}", ui.overlay);
    };
    assert!(
        form.error
            .as_deref()
            .is_some_and(|e| e.contains("“31/02/2027” không hợp lệ")),
        "{:?}",
        form.error
    );
    assert_eq!(history_len(&app), history_before);
    // Esc leaves the item where it was.
    press(&mut app, &mut ui, &[Action::Cancel]);
    assert_eq!(ui.overlay, None);
    assert_eq!(ui.triage.position, 0);
}

#[test]
fn the_agenda_key_marks_the_item_and_moves_on() {
    let (mut app, mut ui) = scene(Scene::Triage, NARROW.0, NARROW.1);
    let n = app.task_risks().len();
    let first = ui.triage.current().cloned().expect("an item");
    assert!(!app.is_on_agenda(&first));
    let before = history_len(&app);
    press(&mut app, &mut ui, &[Action::ToggleAgenda]);
    assert!(app.is_on_agenda(&first));
    assert_eq!(history_len(&app), before + 1, "recorded in the history");
    assert_eq!(ui.triage.position, 1);
    assert_eq!(
        ui.triage.decisions,
        vec![(first.clone(), Decision::Agenda(true))]
    );
    assert!(
        triage_header(&app, &ui, NARROW)
            .trim_end()
            .ends_with(&format!(" 2/{n}"))
    );

    // Back on it, the item says it is on the agenda; the key takes it off.
    press(&mut app, &mut ui, &[Action::GoBack]);
    assert_eq!(ui.triage.current(), Some(&first));
    let lines = lines_of(&app, &ui, NARROW);
    assert!(
        find_row(&lines, "► đã đưa vào chương trình họp").is_some(),
        "{lines:#?}"
    );
    press(&mut app, &mut ui, &[Action::ToggleAgenda]);
    assert!(!app.is_on_agenda(&first));
    assert_eq!(
        ui.triage.decisions.last(),
        Some(&(first, Decision::Agenda(false)))
    );
}

#[test]
fn go_back_moves_back_one_item() {
    let (mut app, mut ui) = scene(Scene::Triage, NARROW.0, NARROW.1);
    let n = app.task_risks().len();
    let queue: Vec<TaskKey> = ui.triage.queue.clone();
    assert!(queue.len() >= 3);
    // Going back from the first item stays there.
    press(&mut app, &mut ui, &[Action::GoBack]);
    assert_eq!(ui.triage.position, 0);
    press(&mut app, &mut ui, &[Action::Skip, Action::Skip]);
    assert_eq!(ui.triage.current(), Some(&queue[2]));
    press(&mut app, &mut ui, &[Action::GoBack]);
    assert_eq!(ui.triage.position, 1);
    assert_eq!(ui.triage.current(), Some(&queue[1]));
    let header = triage_header(&app, &ui, NARROW);
    assert!(
        header.trim_end().ends_with(&format!(" 2/{n}")),
        "{header:?}"
    );
    assert!(!ui.triage.finished);
}

#[test]
fn the_summary_lists_each_decision_and_returns_to_the_board() {
    let (mut app, mut ui) = scene(Scene::Summary, WIDE.0, WIDE.1);
    assert!(ui.triage.finished);
    let queue = ui.triage.queue.clone();
    let decisions: Vec<Decision> = ui.triage.decisions.iter().map(|d| d.1.clone()).collect();
    assert_eq!(
        decisions,
        vec![
            Decision::Done,
            Decision::Extended(date(2027, 3, 31)),
            Decision::Skipped
        ]
    );
    let lines = lines_of(&app, &ui, WIDE);
    assert!(
        find_row(
            &lines,
            &format!("Tổng kết rà soát: đã xử lý 3/{} việc", queue.len())
        )
        .is_some(),
        "{lines:#?}"
    );
    for (key, words) in [
        (&queue[0], "xong"),
        (&queue[1], "gia hạn đến 31/03/2027"),
        (&queue[2], "bỏ qua"),
    ] {
        let y = find_row(&lines, &format!("  {key} ")).expect("a line per decision");
        assert!(lines[y].contains(words), "{:?}", lines[y]);
    }
    // The extension's reason reached the history.
    let extended = app
        .history(&HistoryFilter {
            task: Some(queue[1].to_string()),
            ..HistoryFilter::default()
        })
        .expect("the history");
    assert_eq!(
        extended.last().and_then(|e| e.reason.as_deref()),
        Some(REASON)
    );
    // Esc, through the key table, returns to the board.
    let esc = keymap::action_for(ui.mode(), Key::Esc).expect("Esc is bound");
    press(&mut app, &mut ui, &[esc]);
    assert_eq!(ui.screen, Screen::Board);
}

/// The summary says "Enter hoặc Esc để về bảng nhiệm vụ": Enter does.
#[test]
fn enter_leaves_the_triage_summary() {
    let (mut app, mut ui) = scene(Scene::Triage, NARROW.0, NARROW.1);
    press(&mut app, &mut ui, &[Action::EndTriage]);
    assert!(ui.triage.finished);
    let enter = keymap::action_for(ui.mode(), Key::Enter).expect("Enter is bound in triage");
    press(&mut app, &mut ui, &[enter]);
    assert_eq!(ui.screen, Screen::Board);
}

/// Triage driven by keys, through the one key table, as a person would.
#[test]
fn triage_by_keyboard() {
    let mut app = seeded_app();
    let mut ui = new_ui(&app, NARROW.0, NARROW.1);
    let key = |app: &mut App, ui: &mut Ui, key: Key| {
        let action = keymap::action_for(ui.mode(), key)
            .unwrap_or_else(|| panic!("{key:?} is bound in {:?}", ui.mode()));
        press(app, ui, &[action]);
    };
    key(&mut app, &mut ui, Key::Char('t'));
    assert_eq!(ui.screen, Screen::Triage);
    let queue = ui.triage.queue.clone();
    key(&mut app, &mut ui, Key::Char('x'));
    assert!(
        matches!(ui.overlay, Some(Overlay::Input(_))),
        "the day asked"
    );
    key(&mut app, &mut ui, Key::Enter);
    assert_eq!(
        app.view(&queue[0]).expect("task").state.status,
        Status::Done
    );
    key(&mut app, &mut ui, Key::Char('!'));
    assert!(app.is_on_agenda(&queue[1]));
    key(&mut app, &mut ui, Key::Char(' '));
    key(&mut app, &mut ui, Key::Char('b'));
    assert_eq!(ui.triage.current(), Some(&queue[2]));
    key(&mut app, &mut ui, Key::Char('e'));
    assert!(matches!(ui.overlay, Some(Overlay::Extend(_))));
    for c in NEW_DUE.chars() {
        key(&mut app, &mut ui, Key::Char(c));
    }
    key(&mut app, &mut ui, Key::Tab);
    for c in "Đợi kinh phí".chars() {
        key(&mut app, &mut ui, Key::Char(c));
    }
    key(&mut app, &mut ui, Key::Enter);
    assert_eq!(ui.overlay, None);
    assert_eq!(
        app.view(&queue[2]).expect("task").due,
        Some(date(2027, 3, 31))
    );
    assert_eq!(ui.triage.current(), Some(&queue[3]));
    key(&mut app, &mut ui, Key::Char('q'));
    assert!(ui.triage.finished, "q ends triage on the summary");
    let decisions: Vec<Decision> = ui.triage.decisions.iter().map(|d| d.1.clone()).collect();
    assert_eq!(
        decisions,
        vec![
            Decision::Done,
            Decision::Agenda(true),
            Decision::Skipped,
            Decision::Extended(date(2027, 3, 31)),
        ]
    );
    key(&mut app, &mut ui, Key::Char('q'));
    assert_eq!(ui.screen, Screen::Board);

    // `r` opens the risks view and `[` `]` walk the periods from there.
    key(&mut app, &mut ui, Key::Char('r'));
    assert_eq!(ui.screen, Screen::Risks);
    key(&mut app, &mut ui, Key::Char('['));
    assert_eq!(app.period().code(), "2026-Q3");
    key(&mut app, &mut ui, Key::Char(']'));
    key(&mut app, &mut ui, Key::Char(']'));
    assert_eq!(app.period().code(), "2027-Q1");
    key(&mut app, &mut ui, Key::Esc);
    assert_eq!(ui.screen, Screen::Board);
}

/// Extending to the deadline already in force is refused in the dialog, with
/// the reason kept, rather than closing it without a word.
#[test]
fn extending_to_the_same_deadline_is_refused_in_place() {
    let (mut app, mut ui) = scene(Scene::Triage, NARROW.0, NARROW.1);
    let key = ui.triage.current().cloned().expect("an item");
    let due = app.view(&key).and_then(|v| v.due).expect("a deadline");
    let history_before = history_len(&app);
    press(&mut app, &mut ui, &[Action::Extend]);
    type_text(&mut app, &mut ui, &due.format("%d/%m/%Y").to_string());
    press(&mut app, &mut ui, &[Action::Confirm]);
    type_text(&mut app, &mut ui, REASON);
    press(&mut app, &mut ui, &[Action::Confirm]);
    let Some(Overlay::Extend(form)) = &ui.overlay else {
        panic!("the dialog stays open: {:?}", ui.overlay);
    };
    assert!(
        form.error.as_deref().is_some_and(|e| e.contains("trùng")),
        "{:?}",
        form.error
    );
    assert_eq!(form.reason.text, REASON);
    assert_eq!(history_len(&app), history_before);
    assert_eq!(ui.triage.current(), Some(&key));
}

// ------------------------------------------------------------------ periods

fn board_class(ui: &Ui, id: &str) -> DeadlineClass {
    ui.rows
        .iter()
        .find_map(|r| match r {
            Row::Task(t) if t.key.task == id => Some(t.class),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{id} is on the board"))
}

fn title_bar(app: &App, ui: &Ui) -> String {
    lines_of(app, ui, NARROW)[0].clone()
}

/// `[` and `]` walk the review periods: the title bar names the one shown,
/// and the board judges deadlines as of its cut-off. 0.8@2026 (due 01/10/2026) was
/// not yet due at the cut-off of Quý III (14/09/2026), but is overdue in the
/// year's review.
#[test]
fn brackets_change_the_period_and_the_board_follows() {
    let mut app = seeded_app();
    let mut ui = new_ui(&app, NARROW.0, NARROW.1);
    assert!(title_bar(&app, &ui).contains("Kỳ Năm 2026"));
    assert_eq!(board_class(&ui, OVERDUE_TASK), DeadlineClass::Overdue(56));

    press(&mut app, &mut ui, &[Action::PreviousPeriod]);
    assert_eq!(app.period().code(), "2026-Q3");
    let title = title_bar(&app, &ui);
    assert!(title.contains("Quý III/2026"), "{title:?}");
    assert!(!title.contains("Năm 2026"), "{title:?}");
    let class = board_class(&ui, OVERDUE_TASK);
    assert!(!class.is_overdue(), "{class:?}");
    assert_eq!(app.review().as_of, date(2026, 9, 14));

    press(&mut app, &mut ui, &[Action::NextPeriod]);
    assert!(title_bar(&app, &ui).contains("Năm 2026"));
    assert_eq!(board_class(&ui, OVERDUE_TASK), DeadlineClass::Overdue(56));

    press(&mut app, &mut ui, &[Action::NextPeriod]);
    assert_eq!(app.period().code(), "2027-Q1");
    let title = title_bar(&app, &ui);
    assert!(title.contains("Quý I/2027"), "{title:?}");
    // A period still open is judged as of today: 0.8's 2027 occurrence has
    // no deadline, and its 2026 one, still overdue, is a row of its own.
    assert_eq!(board_class(&ui, OVERDUE_TASK), DeadlineClass::Ongoing);
    let earlier = ui
        .rows
        .iter()
        .filter_map(Row::task)
        .find(|t| t.key.task == OVERDUE_TASK && t.earlier)
        .expect("the 2026 occurrence under 0.8");
    assert_eq!(earlier.key.to_string(), "0.8@2026");
    assert_eq!(earlier.class, DeadlineClass::Overdue(56));
}

#[test]
fn brackets_in_the_risks_view_review_another_period() {
    let (mut app, mut ui) = scene(Scene::Risks, NARROW.0, NARROW.1);
    press(&mut app, &mut ui, &[Action::PreviousPeriod]);
    assert_eq!(ui.screen, Screen::Risks);
    let lines = lines_of(&app, &ui, NARROW);
    assert!(lines[0].contains("Quý III/2026"), "{:?}", lines[0]);
    assert!(
        lines[1].starts_with("Kỳ Quý III/2026, tính đến 14/09/2026:"),
        "{:?}",
        lines[1]
    );
    // Not overdue at that cut-off: 0.8 is not flagged as overdue.
    let key = app.resolve(OVERDUE_TASK).expect("0.8");
    assert!(
        app.task_reasons(&key)
            .iter()
            .all(|r| !matches!(r, TaskReason::Overdue { .. })),
        "{:?}",
        app.task_reasons(&key)
    );
    press(&mut app, &mut ui, &[Action::NextPeriod, Action::NextPeriod]);
    let lines = lines_of(&app, &ui, NARROW);
    assert!(lines[0].contains("Quý I/2027"), "{:?}", lines[0]);
    assert!(
        lines[1].starts_with("Kỳ Quý I/2027, tính đến 26/11/2026:"),
        "{:?}",
        lines[1]
    );
}

/// The selection walks the flagged items, never a group header, down to the
/// last flagged target.
#[test]
fn the_risks_view_reaches_its_last_row() {
    let (mut app, mut ui) = scene(Scene::Risks, NARROW.0, NARROW.1);
    let last = app
        .target_risks()
        .last()
        .map(|t| t.def.id.clone())
        .expect("a flagged target");
    for _ in 0..400 {
        press(&mut app, &mut ui, &[Action::Down]);
    }
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    let lines = screen_lines(&terminal);
    let row = find_row(&lines, &format!("{last} ")).expect("the last target is on screen");
    let buffer = terminal.backend().buffer();
    let selected = buffer[(2, row as u16)]
        .modifier
        .contains(ratatui::style::Modifier::REVERSED);
    assert!(selected, "the last target is selected:\n{lines:#?}");
}

// ------------------------------------------------------------ never panics

/// Every scene drawn at degenerate sizes, both entered at that size and
/// entered at 80×24 and then resized, the way the runtime would.
#[test]
fn drawing_never_panics_at_tiny_sizes() {
    const SIZES: [(u16, u16); 4] = [(1, 1), (0, 0), (200, 1), (60, 16)];
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
