//! The office's own work from the board: a task added to the group under the
//! cursor or edited, the officer in charge, a note or document taken back.
//! Each goes to the application as the command line's does.

use super::*;
use crate::app::Operation;
use crate::app::board::GroupKey;
use crate::domain::office::TaskDraft;
use crate::domain::{Cadence, Subject};
use crate::screen::task_form::{TaskForm, WithdrawForm};

/// `a`: the form of a new task, its area and lead those of the group the
/// cursor is in.
pub(super) fn start_add_task(app: &App, ui: &mut Ui) {
    if app.is_read_only() {
        return flash_read_only(ui);
    }
    let draft = group_draft(app, ui);
    ui.overlay = Some(Overlay::Task(TaskForm::showing(&draft, None)));
}

/// The area and lead a task added at the cursor starts with: what the
/// group gathers by, the rest from the task under the cursor (or the
/// group's first).
fn group_draft(app: &App, ui: &Ui) -> TaskDraft {
    let upto = ui.selected.min(ui.rows.len().saturating_sub(1));
    let header = ui.rows.get(..=upto).and_then(|rows| {
        rows.iter()
            .rposition(|r| matches!(r, Row::Group { .. }))
            .map(|at| (at, &rows[at]))
    });
    let task = ui.selected_row().and_then(Row::task).or_else(|| {
        let from = header.map_or(0, |(at, _)| at + 1);
        ui.rows.get(from).and_then(Row::task)
    });
    let mut area = task.map(|t| t.area);
    let mut lead = task.map(|t| t.lead.clone());
    match header.map(|(_, row)| row) {
        Some(Row::Group {
            key: GroupKey::Area(code),
            ..
        }) => {
            area = Some(*code);
            lead = lead.or_else(|| app.plan().area(*code).map(|a| a.lead.clone()));
        }
        Some(Row::Group {
            key: GroupKey::Unit(_, code),
            ..
        }) => lead = Some(code.clone()),
        _ => {}
    }
    TaskDraft {
        title: String::new(),
        area: area
            .or_else(|| app.plan().catalog().areas.first().map(|a| a.code))
            .unwrap_or_default(),
        lead: lead.unwrap_or_default(),
        coordinators: Vec::new(),
        cadence: Cadence::Once,
        due: None,
        source: None,
        parent: None,
    }
}

/// `e`: the form of the office's task under the cursor as it is; on a task
/// of the plan, why it cannot be edited.
pub(super) fn start_edit_task(app: &App, ui: &mut Ui, key: &TaskKey) {
    match app.office_task(&key.task).filter(|t| t.is_active()) {
        Some(task) => {
            let form = TaskForm::showing(&task.draft(), Some(task.def.id.clone()));
            ui.overlay = Some(Overlay::Task(form));
        }
        None => flash_error(
            ui,
            i18n::input_error(&InputError::PlanTaskKept(key.task.clone()), ui.lang),
        ),
    }
}

pub(super) fn task_form(app: &mut App, ui: &mut Ui, action: Action) {
    let Some(Overlay::Task(mut form)) = ui.overlay.take() else {
        return;
    };
    let fields = TaskForm::FIELDS;
    match action {
        Action::Cancel => return,
        Action::NextField => form.focus = (form.focus + 1) % fields,
        Action::PreviousField => form.focus = (form.focus + fields - 1) % fields,
        Action::Confirm => match save_task(app, ui, &form) {
            Ok(()) => return,
            Err(why) => form.error = Some(why),
        },
        other => {
            if edit_line(form.field(), other) {
                form.error = None;
            }
        }
    }
    ui.overlay = Some(Overlay::Task(form));
}

/// Adds or edits the task; a refusal comes back in the user's words and
/// nothing is written.
fn save_task(app: &mut App, ui: &mut Ui, form: &TaskForm) -> Result<(), String> {
    let lang = ui.lang;
    let words = |e: InputError| i18n::input_error(&e, lang);
    let op = match &form.editing {
        None => Operation::AddTasks {
            drafts: vec![form.draft().map_err(words)?],
        },
        Some(id) => {
            let before = app
                .office_task(id)
                .map(|t| t.draft())
                .ok_or_else(|| words(InputError::UnknownTask(id.clone())))?;
            let changes = form.changes(&before).map_err(words)?;
            if changes.is_empty() {
                return Ok(());
            }
            Operation::EditOfficeTask {
                typed: id.clone(),
                changes,
            }
        }
    };
    let entries = app.perform(op).map_err(|e| i18n::app_error(&e, lang))?;
    ui.last_saved = entries.last().map(|e| e.at).or(ui.last_saved);
    let id = match (&form.editing, added_id(&entries)) {
        (Some(id), _) | (None, Some(id)) => id.clone(),
        (None, None) => return already_there(app, ui, form),
    };
    refresh(app, ui);
    select_task(ui, &id);
    if form.editing.is_none() {
        flash_info(ui, i18n::task_added(&id, lang));
    }
    Ok(())
}

/// The id of the task an add wrote.
fn added_id(entries: &[HistoryEntry]) -> Option<&String> {
    entries.iter().find_map(|e| match &e.subject {
        Subject::Task(key) if e.field == crate::domain::Field::Added => Some(&key.task),
        _ => None,
    })
}

/// The same task is on the board already: it is selected, and said so.
fn already_there(app: &App, ui: &mut Ui, form: &TaskForm) -> Result<(), String> {
    let same = form
        .draft()
        .ok()
        .and_then(|d| app.same_office_task(&d).map(|t| t.def.id.clone()));
    if let Some(id) = same {
        select_task(ui, &id);
        flash_info(ui, i18n::task_already_there(&id, ui.lang));
    }
    Ok(())
}

fn select_task(ui: &mut Ui, id: &str) {
    if let Some(at) = ui
        .rows
        .iter()
        .position(|r| r.task().is_some_and(|t| t.key.task == id))
    {
        move_selection(ui, at);
    }
}

/// `b`: the officer's name, ready to be typed over.
pub(super) fn start_assignee(app: &App, ui: &mut Ui, key: &TaskKey) {
    let name = app
        .view(key)
        .and_then(|v| v.assignee.map(str::to_string))
        .unwrap_or_default();
    open_input(ui, InputKind::Assignee, &name);
}

/// `x` in the detail: which note or document, and why.
pub(super) fn start_withdraw(app: &App, ui: &mut Ui) {
    if app.is_read_only() {
        return flash_read_only(ui);
    }
    if ui.selected_key().is_some() {
        ui.overlay = Some(Overlay::Withdraw(WithdrawForm::default()));
    }
}

pub(super) fn withdraw_form(app: &mut App, ui: &mut Ui, action: Action) {
    let Some(Overlay::Withdraw(mut form)) = ui.overlay.take() else {
        return;
    };
    match action {
        Action::Cancel => return,
        Action::NextField | Action::PreviousField => form.focus = 1 - form.focus.min(1),
        Action::Confirm if form.focus == 0 => form.focus = 1,
        Action::Confirm => match save_withdraw(app, ui, &form) {
            Ok(()) => return,
            Err(why) => form.error = Some(why),
        },
        other => {
            if edit_line(form.field(), other) {
                form.error = None;
            }
        }
    }
    ui.overlay = Some(Overlay::Withdraw(form));
}

/// Takes the item back; a refusal keeps the form open with why.
fn save_withdraw(app: &mut App, ui: &mut Ui, form: &WithdrawForm) -> Result<(), String> {
    let lang = ui.lang;
    let item = form.item().map_err(|e| i18n::input_error(&e, lang))?;
    let Some(key) = ui.selected_key().cloned() else {
        return Ok(());
    };
    let edit = Edit::Withdraw {
        item,
        reason: form.reason.text.trim().to_string(),
    };
    match app.edit_task(&key, &[edit], None) {
        Err(AppError::Input(e)) => Err(i18n::input_error(&e, lang)),
        // Not undone by `u`: the text stays in the history.
        result => {
            after_save(ui, &key, result, false);
            Ok(())
        }
    }
}

/// Every officer named on a task, once, in order: what the filter's
/// officer line steps through.
pub(super) fn officer_names(app: &App) -> Vec<String> {
    let mut names: Vec<String> = app
        .plan()
        .tasks()
        .iter()
        .filter_map(|def| {
            let view = app.view(&app.current_key(def))?;
            view.assignee.map(str::to_string)
        })
        .collect();
    names.sort();
    names.dedup();
    names
}
