//! The office's own work from the board: a task added to the group under the
//! cursor (`a`) or edited (`e`), the officer in charge (`b`), a note taken
//! back from the detail (`x`). The command line's side is `tests/office.rs`.
//! Snapshots at 80×24: `INSTA_UPDATE=always cargo test --test board_office`.

mod support;

use cchc::app::App;
use cchc::config::ThemeName;
use cchc::domain::Field;
use cchc::keymap::Action;
use cchc::screen::state::{Overlay, Ui};
use support::{NARROW, NOTED_TASK, new_ui, press, render, seeded_app, select_task, type_text};

const TITLE: &str = "Kế hoạch CCHC năm 2027 của UBND xã";

fn board() -> (App, Ui) {
    let app = seeded_app();
    let ui = new_ui(&app, NARROW.0, NARROW.1);
    (app, ui)
}

fn form_error(ui: &Ui) -> Option<String> {
    match &ui.overlay {
        Some(Overlay::Task(form)) => form.error.clone(),
        other => panic!("the task form is not open: {other:?}"),
    }
}

/// Adds a task with `a` on the noted task's group, titled `TITLE`.
fn add_task(app: &mut App, ui: &mut Ui) {
    select_task(app, ui, NOTED_TASK);
    press(app, ui, &[Action::AddTask]);
    type_text(app, ui, TITLE);
    press(app, ui, &[Action::Confirm]);
}

#[test]
fn a_adds_a_task_to_the_group_and_selects_it() {
    let (mut app, mut ui) = board();
    select_task(&mut app, &mut ui, NOTED_TASK);
    let noted = app.resolve(NOTED_TASK).expect("the noted task");
    let (area, lead) = {
        let view = app.view(&noted).expect("its view");
        (view.def.area, view.lead.to_string())
    };
    press(&mut app, &mut ui, &[Action::AddTask]);
    let Some(Overlay::Task(form)) = &ui.overlay else {
        panic!("the form opens: {:?}", ui.overlay);
    };
    assert_eq!(form.area.text, area.to_string(), "area of the group");
    assert_eq!(form.lead.text, lead, "lead of the task under the cursor");

    type_text(&mut app, &mut ui, TITLE);
    press(&mut app, &mut ui, &[Action::Confirm]);
    assert!(ui.overlay.is_none(), "saved and closed");
    let task = app.office_task("BS-1").expect("BS-1 added");
    assert_eq!(task.def.title, TITLE);
    assert_eq!(
        (task.def.area, task.def.lead.as_str()),
        (area, lead.as_str())
    );
    assert_eq!(ui.selected_key().map(|k| k.task.as_str()), Some("BS-1"));
}

#[test]
fn a_refused_task_keeps_the_form_open_and_writes_nothing() {
    let (mut app, mut ui) = board();
    select_task(&mut app, &mut ui, NOTED_TASK);
    press(&mut app, &mut ui, &[Action::AddTask, Action::Confirm]);
    assert!(form_error(&ui).is_some(), "an empty title is refused");

    type_text(&mut app, &mut ui, TITLE);
    press(&mut app, &mut ui, &[Action::NextField, Action::NextField]);
    press(&mut app, &mut ui, &[Action::CursorEnd]);
    type_text(&mut app, &mut ui, "XYZ");
    press(&mut app, &mut ui, &[Action::Confirm]);
    let unknown_unit = form_error(&ui).expect("an unknown unit is refused");
    assert!(unknown_unit.contains("XYZ"), "{unknown_unit}");

    for _ in 0..3 {
        press(&mut app, &mut ui, &[Action::DeleteBack]);
    }
    press(&mut app, &mut ui, &[Action::NextField]);
    type_text(&mut app, &mut ui, "31/12/2031");
    press(&mut app, &mut ui, &[Action::Confirm]);
    assert!(form_error(&ui).is_some(), "a deadline past 2030 is refused");
    assert_eq!(app.office_tasks().count(), 0, "nothing written");

    press(&mut app, &mut ui, &[Action::Cancel]);
    assert!(ui.overlay.is_none());
    assert_eq!(app.office_tasks().count(), 0);
}

#[test]
fn e_edits_an_added_task_and_refuses_a_task_of_the_plan() {
    let (mut app, mut ui) = board();
    select_task(&mut app, &mut ui, NOTED_TASK);
    press(&mut app, &mut ui, &[Action::EditTask]);
    assert!(ui.overlay.is_none(), "no form on a task of the plan");
    let flash = ui.flash.as_ref().expect("why not");
    assert!(
        flash.is_error() && flash.text.contains(NOTED_TASK),
        "{flash:?}"
    );

    add_task(&mut app, &mut ui);
    press(&mut app, &mut ui, &[Action::EditTask]);
    let Some(Overlay::Task(form)) = &ui.overlay else {
        panic!("the form opens on BS-1: {:?}", ui.overlay);
    };
    assert_eq!(form.title.text, TITLE, "prefilled");
    press(&mut app, &mut ui, &[Action::CursorEnd]);
    type_text(&mut app, &mut ui, " (sửa đổi)");
    press(&mut app, &mut ui, &[Action::NextField, Action::NextField]);
    press(&mut app, &mut ui, &[Action::NextField]);
    type_text(&mut app, &mut ui, "30/06/2027");
    press(&mut app, &mut ui, &[Action::Confirm]);
    assert!(ui.overlay.is_none(), "saved: {:?}", ui.overlay);
    let task = app.office_task("BS-1").expect("BS-1");
    assert_eq!(task.def.title, format!("{TITLE} (sửa đổi)"));
    assert_eq!(task.def.due, Some(support::date(2027, 6, 30)));
    assert_eq!(ui.selected_key().map(|k| k.task.as_str()), Some("BS-1"));
}

/// Names the officer of the noted task with `b`.
fn name_officer(app: &mut App, ui: &mut Ui, name: &str) {
    select_task(app, ui, NOTED_TASK);
    press(app, ui, &[Action::SetAssignee]);
    type_text(app, ui, name);
    press(app, ui, &[Action::Confirm]);
}

#[test]
fn b_names_the_officer_and_an_empty_name_clears_it() {
    let (mut app, mut ui) = board();
    let key = app.resolve(NOTED_TASK).expect("the noted task");
    name_officer(&mut app, &mut ui, "Nguyễn Thị Lan");
    let officer = |app: &App| app.view(&key).and_then(|v| v.assignee.map(str::to_string));
    assert_eq!(officer(&app).as_deref(), Some("Nguyễn Thị Lan"));

    press(
        &mut app,
        &mut ui,
        &[Action::SetAssignee, Action::DeleteBack],
    );
    press(&mut app, &mut ui, &[Action::Confirm]);
    assert_eq!(officer(&app), None, "cleared");
}

#[test]
fn x_in_the_detail_withdraws_a_note_which_stays_in_the_history() {
    let (mut app, mut ui) = board();
    select_task(&mut app, &mut ui, NOTED_TASK);
    let key = app.resolve(NOTED_TASK).expect("the noted task");
    let live = |app: &App| app.view(&key).map_or(0, |v| v.state.live_notes().count());
    let before = live(&app);
    assert!(before > 0, "the seeded task has a note");

    press(&mut app, &mut ui, &[Action::Open, Action::Withdraw]);
    type_text(&mut app, &mut ui, "1");
    press(&mut app, &mut ui, &[Action::Confirm, Action::Confirm]);
    assert!(ui.overlay.is_some(), "a reason is needed");
    assert_eq!(live(&app), before);

    type_text(&mut app, &mut ui, "Ghi nhầm nhiệm vụ");
    press(&mut app, &mut ui, &[Action::Confirm]);
    assert!(ui.overlay.is_none(), "saved: {:?}", ui.overlay);
    assert_eq!(live(&app), before - 1);
    let history = app.history(&Default::default()).expect("history");
    assert!(history.iter().any(|e| e.field == Field::Withdrawn));
}

#[test]
fn add_form_80x24() {
    let (mut app, mut ui) = board();
    select_task(&mut app, &mut ui, NOTED_TASK);
    press(&mut app, &mut ui, &[Action::AddTask]);
    type_text(&mut app, &mut ui, TITLE);
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    insta::assert_snapshot!("add_form_80x24", terminal.backend());
}

#[test]
fn detail_with_an_officer_80x24() {
    let (mut app, mut ui) = board();
    name_officer(&mut app, &mut ui, "Nguyễn Thị Lan");
    press(&mut app, &mut ui, &[Action::Open]);
    let terminal = render(&app, &ui, NARROW.0, NARROW.1, ThemeName::Dark);
    insta::assert_snapshot!("detail_officer_80x24", terminal.backend());
}

/// Where the board has 120 columns or more, the row names the officer.
#[test]
fn a_wide_board_row_names_the_officer() {
    let (mut app, mut ui) = board();
    name_officer(&mut app, &mut ui, "Nguyễn Thị Lan");
    support::resize(&mut app, &mut ui, 240, 50);
    let terminal = render(&app, &ui, 240, 50, ThemeName::Dark);
    let lines = support::screen_lines(&terminal);
    let row = lines
        .iter()
        .find(|l| l.contains(&format!(" {NOTED_TASK} ")))
        .expect("the noted task's row");
    let board_part: String = row.split('│').next().unwrap_or_default().to_string();
    assert!(board_part.contains("Nguyễn Thị Lan"), "{row}");
}

/// `o` steps on to the officers' grouping: named officers first, then the
/// work nobody is given yet.
#[test]
fn the_board_groups_by_officer_with_the_unassigned_last() {
    use cchc::app::board::{GroupKey, Grouping, Row};
    let (mut app, mut ui) = board();
    name_officer(&mut app, &mut ui, "Nguyễn Thị Lan");
    while ui.grouping != Grouping::Officer {
        press(&mut app, &mut ui, &[Action::CycleGrouping]);
    }
    let groups: Vec<&GroupKey> = ui
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Group { key, .. } => Some(key),
            Row::Task(_) => None,
        })
        .collect();
    assert_eq!(
        groups,
        [
            &GroupKey::Officer(false, "Nguyễn Thị Lan".into()),
            &GroupKey::Officer(true, String::new()),
        ]
    );
    let lines = support::screen_lines(&render(&app, &ui, 80, 24, ThemeName::Dark));
    assert!(lines[0].contains("Nhóm: theo cán bộ"), "{}", lines[0]);
    assert!(
        lines.iter().any(|l| l.contains("(chưa giao)")),
        "{lines:#?}"
    );
}

/// The filter's officer line keeps only the work of the officer picked.
#[test]
fn the_filter_keeps_one_officers_work() {
    let (mut app, mut ui) = board();
    name_officer(&mut app, &mut ui, "Nguyễn Thị Lan");
    press(&mut app, &mut ui, &[Action::OpenFilter]);
    for _ in 0..4 {
        press(&mut app, &mut ui, &[Action::Down]);
    }
    press(&mut app, &mut ui, &[Action::CursorRight, Action::Confirm]);
    assert_eq!(ui.filter.assignee.as_deref(), Some("Nguyễn Thị Lan"));
    let tasks: Vec<&str> = ui
        .rows
        .iter()
        .filter_map(|r| r.task().map(|t| t.key.task.as_str()))
        .collect();
    assert_eq!(tasks, [NOTED_TASK]);
}
