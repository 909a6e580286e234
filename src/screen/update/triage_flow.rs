//! Triage: walking through the flagged tasks and deciding on each.

use super::*;

/// Starts triage on the period's flagged occurrences in the order the coming
/// review needs them: most severe first, and within one severity the
/// period's own occurrences before earlier ones (the most overdue first).
pub fn start_triage(app: &App, ui: &mut Ui) {
    let mut flagged = app.task_risks();
    let is_earlier = |key: &TaskKey| {
        app.plan()
            .task(&key.task)
            .is_some_and(|def| app.current_key(def) != *key)
    };
    // Stable: the application's order (most overdue first) stays within.
    flagged.sort_by_key(|f| (std::cmp::Reverse(f.severity()), is_earlier(&f.key)));
    let queue = flagged.into_iter().map(|f| f.key).collect();
    ui.triage = Triage {
        queue,
        ..Triage::default()
    };
    ui.triage.finished = ui.triage.queue.is_empty();
    ui.screen = Screen::Triage;
    read_history_when_shown(app, ui);
}

pub(super) fn triage(app: &mut App, ui: &mut Ui, action: Action) {
    if ui.triage.finished {
        if matches!(action, Action::EndTriage | Action::Confirm | Action::Back) {
            ui.screen = Screen::Board;
            refresh(app, ui);
        }
        return;
    }
    let Some(key) = ui.triage.current().cloned() else {
        return;
    };
    match action {
        Action::MarkDone => {
            ui.triage.pending = Some(Decision::Done);
            ask_done_on(app, ui);
        }
        Action::Extend => ui.overlay = Some(Overlay::Extend(ExtendForm::default())),
        Action::TypeProgress => {
            ui.triage.pending = Some(Decision::Progress);
            open_input(ui, InputKind::Progress, "");
        }
        Action::AddNote => {
            ui.triage.pending = Some(Decision::Note);
            ui.overlay = Some(Overlay::Note(NoteEditor::default()));
        }
        Action::ToggleAgenda => match app.toggle_agenda(&key) {
            Ok(written) => {
                ui.last_saved = Some(app.clock().now);
                let on = app.is_on_agenda(&key);
                ui.undo.push(UndoRecord {
                    key: key.clone(),
                    entries: written,
                });
                decide(ui, Decision::Agenda(on));
            }
            Err(e) => flash_error(
                ui,
                i18n::save_failed(&i18n::app_error(&e, ui.lang), ui.lang),
            ),
        },
        Action::Skip => decide(ui, Decision::Skipped),
        Action::GoBack => {
            ui.triage.position = ui.triage.position.saturating_sub(1);
            ui.detail_scroll = 0;
        }
        Action::EndTriage => ui.triage.finished = true,
        Action::ShowHelp => open_help(ui),
        _ => {}
    }
}

/// Records a decision on the current item and moves to the next.
pub(super) fn decide(ui: &mut Ui, decision: Decision) {
    if let Some(key) = ui.triage.current().cloned() {
        ui.triage.decisions.push((key, decision));
    }
    ui.triage.pending = None;
    ui.triage.position += 1;
    ui.detail_scroll = 0;
    if ui.triage.position >= ui.triage.queue.len() {
        ui.triage.finished = true;
    }
}

pub(super) fn extend_form(app: &mut App, ui: &mut Ui, action: Action) {
    let Some(Overlay::Extend(mut form)) = ui.overlay.take() else {
        return;
    };
    match action {
        Action::Cancel => return,
        Action::NextField | Action::PreviousField => form.focus = 1 - form.focus.min(1),
        Action::Confirm if form.focus == 0 => form.focus = 1,
        Action::Confirm => match extension_from(&form) {
            Ok((date, _))
                if ui
                    .selected_key()
                    .and_then(|k| app.view(k))
                    .and_then(|v| v.due)
                    == Some(date) =>
            {
                form.error = Some(i18n::same_deadline(ui.lang).to_string());
            }
            Ok((date, reason)) => {
                if let Some(key) = ui.selected_key().cloned() {
                    if ui.screen == Screen::Triage {
                        ui.triage.pending = Some(Decision::Extended(date));
                    }
                    let result = app.edit_task(&key, &[Edit::Due(date)], Some(&reason));
                    after_save(ui, &key, result, true);
                }
                return;
            }
            Err(e) => form.error = Some(i18n::input_error(&e, ui.lang)),
        },
        other => {
            edit_line(form.field(), other);
        }
    }
    ui.overlay = Some(Overlay::Extend(form));
}

pub(super) fn extension_from(form: &ExtendForm) -> Result<(chrono::NaiveDate, String), InputError> {
    input::extension(&form.date.text, &form.reason.text)
}
