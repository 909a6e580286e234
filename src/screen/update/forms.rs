//! Help, pickers, the filter dialog, typed fields, the evidence form and the
//! note editor.

use super::*;

/// Scrolls help, never past the point where its last line shows, so that
/// scrolling back moves at once.
pub(super) fn help(app: &App, ui: &mut Ui, action: Action) {
    crate::screen::help::prepare(app, ui);
    let last = crate::screen::help::last_scroll(ui);
    let at = ui.help_scroll.min(last);
    ui.help_scroll = match action {
        Action::ScrollUp => at.saturating_sub(1),
        Action::ScrollDown => at.saturating_add(1).min(last),
        Action::PageUp => at.saturating_sub(ui.help_box.rows),
        Action::PageDown => at.saturating_add(ui.help_box.rows).min(last),
        _ => at,
    };
    if action == Action::Back {
        ui.overlay = None;
    }
}

pub(super) fn picker(app: &mut App, ui: &mut Ui, action: Action) {
    match ui.overlay.clone() {
        Some(Overlay::StatusPicker { selected }) => status_picker(app, ui, action, selected),
        Some(Overlay::Filter { line }) => filter_dialog(app, ui, action, line),
        _ => {}
    }
}

pub(super) fn status_picker(app: &mut App, ui: &mut Ui, action: Action, selected: usize) {
    let last = Status::ALL.len() - 1;
    match action {
        Action::Up => {
            ui.overlay = Some(Overlay::StatusPicker {
                selected: selected.saturating_sub(1),
            })
        }
        Action::Down => {
            ui.overlay = Some(Overlay::StatusPicker {
                selected: (selected + 1).min(last),
            })
        }
        Action::Confirm => {
            ui.overlay = None;
            let status = Status::ALL[selected.min(last)];
            if status == Status::Done {
                return ask_done_on(app, ui);
            }
            if let Some(key) = ui.selected_key().cloned() {
                save_edit(app, ui, &key, &[Edit::Status(status)]);
            }
        }
        Action::Cancel => ui.overlay = None,
        _ => {}
    }
}

pub(super) fn filter_dialog(app: &mut App, ui: &mut Ui, action: Action, line: usize) {
    let last = FilterLine::ALL.len() - 1;
    let step: isize = match action {
        Action::Up => {
            return ui.overlay = Some(Overlay::Filter {
                line: line.saturating_sub(1),
            });
        }
        Action::Down => {
            return ui.overlay = Some(Overlay::Filter {
                line: (line + 1).min(last),
            });
        }
        Action::Confirm | Action::Cancel => return ui.overlay = None,
        Action::CursorLeft => -1,
        Action::CursorRight => 1,
        _ => return,
    };
    match FilterLine::ALL[line.min(last)] {
        FilterLine::Area => {
            let areas: Vec<u8> = app.plan().catalog().areas.iter().map(|a| a.code).collect();
            ui.filter.area = cycle(&areas, ui.filter.area.as_ref(), step);
        }
        FilterLine::Unit => {
            let units: Vec<String> = app
                .plan()
                .catalog()
                .units
                .iter()
                .map(|u| u.code.clone())
                .collect();
            ui.filter.unit = cycle(&units, ui.filter.unit.as_ref(), step);
        }
        FilterLine::Status => {
            ui.filter.status = cycle(&Status::ALL, ui.filter.status.as_ref(), step)
        }
        FilterLine::Overdue => ui.filter.overdue = !ui.filter.overdue,
        FilterLine::Officer => {
            let names = officer_names(app);
            ui.filter.assignee = cycle(&names, ui.filter.assignee.as_ref(), step);
        }
    }
    refresh(app, ui);
}

/// The next value in `choices` after `current` ("all" sits before the first).
pub(super) fn cycle<T: Clone + PartialEq>(
    choices: &[T],
    current: Option<&T>,
    step: isize,
) -> Option<T> {
    let len = choices.len() as isize + 1;
    let position = current
        .and_then(|c| choices.iter().position(|x| x == c))
        .map_or(0, |p| p as isize + 1);
    let next = (position + step).rem_euclid(len);
    (next > 0).then(|| choices[(next - 1) as usize].clone())
}

pub(super) fn input(app: &mut App, ui: &mut Ui, action: Action) {
    if let Some(Overlay::Evidence(_)) = ui.overlay {
        return evidence_form(app, ui, action);
    }
    if let Some(Overlay::Extend(_)) = ui.overlay {
        return extend_form(app, ui, action);
    }
    if let Some(Overlay::Result(_)) = ui.overlay {
        return result_form(app, ui, action);
    }
    if let Some(Overlay::Task(_)) = ui.overlay {
        return task_form(app, ui, action);
    }
    if let Some(Overlay::Withdraw(_)) = ui.overlay {
        return withdraw_form(app, ui, action);
    }
    let Some(Overlay::Input(mut field)) = ui.overlay.take() else {
        return;
    };
    let edited = edit_line(&mut field.line, action);
    match action {
        Action::Cancel => {
            if field.kind == InputKind::Search {
                ui.search = None;
                move_selection(ui, ui.search_origin);
            }
            return;
        }
        Action::Confirm => {
            if let Err(message) = confirm_input(app, ui, &field) {
                field.error = Some(message);
                ui.overlay = Some(Overlay::Input(field));
            }
            return;
        }
        _ => {}
    }
    if edited && field.kind == InputKind::Search {
        incremental_search(app, ui, &field.line.text);
    }
    field.error = None;
    ui.overlay = Some(Overlay::Input(field));
}

/// Applies a text-editing action to a line; true when the text changed.
pub(super) fn edit_line(line: &mut LineEdit, action: Action) -> bool {
    match action {
        Action::Insert(c) => line.insert(c.encode_utf8(&mut [0; 4])),
        Action::DeleteBack => line.delete_back(),
        Action::DeleteForward => line.delete_forward(),
        Action::CursorLeft => line.left(),
        Action::CursorRight => line.right(),
        Action::CursorHome => line.home(),
        Action::CursorEnd => line.end(),
        _ => return false,
    }
    matches!(
        action,
        Action::Insert(_) | Action::DeleteBack | Action::DeleteForward
    )
}

pub(super) fn incremental_search(app: &App, ui: &mut Ui, text: &str) {
    ui.search = crate::screen::search::search_for(app, text);
    let Some(search) = ui.search.clone() else {
        return move_selection(ui, ui.search_origin);
    };
    if let Some(i) = find_match(app, ui, &search, ui.search_origin, true, 0) {
        move_selection(ui, i);
    }
}

/// Marking work done asks the day it was done: today, or the day already
/// recorded for work done before, ready to be typed over.
pub(super) fn ask_done_on(app: &App, ui: &mut Ui) {
    let recorded = ui
        .selected_key()
        .and_then(|key| app.view(key))
        .and_then(|view| view.state.completed_on);
    let day = recorded.unwrap_or(app.clock().today);
    open_input(ui, InputKind::DoneOn, &format_date(day));
}

/// The work done on the day typed, checked as the owner will check it
/// (from the plan's start to today) so that a refusal keeps the field open.
fn done_on_edits(app: &App, text: &str) -> Result<[Edit; 2], InputError> {
    let day = input::date(text)?;
    validate::check_done_on(app.plan(), day, app.clock().today)?;
    Ok([Edit::Status(Status::Done), Edit::DoneOn(day)])
}

/// Saves what a one-line field holds; `Err` keeps the field open with why.
pub(super) fn confirm_input(app: &mut App, ui: &mut Ui, field: &TextInput) -> Result<(), String> {
    let lang = ui.lang;
    let text = field.line.text.trim();
    let edits = match field.kind {
        InputKind::Search => return Ok(()),
        InputKind::Progress => {
            vec![Edit::Progress(
                input::progress(text).map_err(|e| i18n::input_error(&e, lang))?,
            )]
        }
        InputKind::DoneOn => done_on_edits(app, text)
            .map_err(|e| i18n::input_error(&e, lang))?
            .to_vec(),
        InputKind::Assignee => vec![Edit::Assignee(text.to_string())],
        InputKind::ClosePeriod => return close_period(app, ui, text),
    };
    let Some(key) = ui.selected_key().cloned() else {
        return Ok(());
    };
    save_edit(app, ui, &key, &edits);
    Ok(())
}

/// Closes the period typed (the one shown, filled in), or says why not.
fn close_period(app: &mut App, ui: &mut Ui, typed: &str) -> Result<(), String> {
    let lang = ui.lang;
    let period = crate::domain::period::Period::parse(typed)
        .ok_or_else(|| i18n::input_error(&InputError::BadPeriod(typed.to_string()), lang))?;
    app.close_period(period)
        .map_err(|e| i18n::app_error(&e, lang))?;
    flash_info(ui, i18n::period_closed(period, lang));
    Ok(())
}

pub(super) fn evidence_form(app: &mut App, ui: &mut Ui, action: Action) {
    let Some(Overlay::Evidence(mut form)) = ui.overlay.take() else {
        return;
    };
    match action {
        Action::Cancel => return,
        Action::NextField => form.focus = (form.focus + 1) % EvidenceForm::FIELDS,
        Action::PreviousField => {
            form.focus = (form.focus + EvidenceForm::FIELDS - 1) % EvidenceForm::FIELDS
        }
        Action::Confirm if form.focus + 1 < EvidenceForm::FIELDS => form.focus += 1,
        Action::Confirm => match evidence_from(&form) {
            Ok(doc) => {
                if let Some(key) = ui.selected_key().cloned() {
                    save_edit(app, ui, &key, &[Edit::Evidence(doc)]);
                }
                return;
            }
            Err(e) => form.error = Some(i18n::input_error(&e, ui.lang)),
        },
        other => {
            edit_line(form.field(), other);
        }
    }
    ui.overlay = Some(Overlay::Evidence(form));
}

pub(super) fn evidence_from(form: &EvidenceForm) -> Result<Evidence, InputError> {
    input::evidence(&form.number.text, &form.date.text, &form.summary.text, None)
}

pub(super) fn editor(app: &mut App, ui: &mut Ui, action: Action) {
    let Some(Overlay::Note(mut note)) = ui.overlay.take() else {
        return;
    };
    let discard_asked = std::mem::take(&mut note.discard_asked);
    let area = &mut note.area;
    match action {
        Action::Cancel if discard_asked || area.text().trim().is_empty() => return,
        Action::Cancel => {
            note.discard_asked = true;
            note.error = Some(i18n::discard_note_question(ui.lang).to_string());
            ui.overlay = Some(Overlay::Note(note));
            return;
        }
        Action::Save => return save_note(app, ui, note),
        // A new line, also on an empty line: paragraphs are kept apart.
        Action::Confirm => area.newline(),
        Action::Up => area.up(),
        Action::Down => area.down(),
        Action::DeleteBack => area.delete_back(),
        Action::Insert(c) => area.insert(c.encode_utf8(&mut [0; 4])),
        other => {
            edit_line(area.current(), other);
        }
    }
    note.error = None;
    ui.overlay = Some(Overlay::Note(note));
}

pub(super) fn save_note(app: &mut App, ui: &mut Ui, mut note: NoteEditor) {
    match validate_text(&note.area.text(), TextField::Note, MAX_NOTE_CHARS, true) {
        Ok(text) => {
            if let Some(key) = ui.selected_key().cloned() {
                save_edit(app, ui, &key, &[Edit::Note(text)]);
            }
        }
        Err(e) => {
            note.error = Some(i18n::input_error(&e, ui.lang));
            ui.overlay = Some(Overlay::Note(note));
        }
    }
}

/// Pasted text goes into whichever box is open, as if typed there (a paste
/// into the search bar searches); with no box open it is not taken for
/// keys, and a hint says where pasting works.
pub(super) fn paste(app: &App, ui: &mut Ui, text: &str) {
    let one_line = text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    match &mut ui.overlay {
        Some(Overlay::Note(note)) => note
            .area
            .insert(&text.replace("\r\n", "\n").replace('\r', "\n")),
        Some(Overlay::Input(field)) => {
            field.line.insert(&one_line);
            field.error = None;
            if field.kind == InputKind::Search {
                let query = field.line.text.clone();
                incremental_search(app, ui, &query);
            }
        }
        Some(Overlay::Evidence(form)) => form.field().insert(&one_line),
        Some(Overlay::Extend(form)) => form.field().insert(&one_line),
        Some(Overlay::Result(form)) => form.field().insert(&one_line),
        Some(Overlay::Task(form)) => form.field().insert(&one_line),
        Some(Overlay::Withdraw(form)) => form.field().insert(&one_line),
        _ => flash_info(ui, i18n::paste_needs_a_box(ui.lang).to_string()),
    }
}
