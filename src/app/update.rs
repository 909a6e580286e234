//! The one place TUI state changes: `update(app, ui, action)`.

use super::action::Action;
use super::board::{Grouping, Row};
use super::state::{
    Decision, EvidenceForm, ExtendForm, FilterLine, Flash, Focus, InputKind, NoteEditor, Overlay,
    Presentation, Screen, Search, TextInput, Triage, Ui, UndoRecord,
};
use super::text_input::{LineEdit, TextArea};
use super::{App, AppError, Notice};
use crate::domain::date::parse_date;
use crate::domain::error::TextField;
use crate::domain::text::{
    MAX_NOTE_CHARS, MAX_SHORT_TEXT_CHARS, fold, matches_folded, validate_text,
};
use chrono::Datelike;

use crate::domain::{Edit, Evidence, HistoryEntry, InputError, Status, TaskKey};

/// How many points `+` and `-` move progress.
const PROGRESS_STEP: i8 = 10;
use crate::i18n;
use crate::keymap::Mode;

/// Applies one action. Edits are saved (and flushed) before this returns.
pub fn update(app: &mut App, ui: &mut Ui, action: Action) {
    if !matches!(action, Action::Resize(..) | Action::StoreChanged(None)) {
        ui.flash = None;
    }
    match action {
        Action::Quit => ui.quit = true,
        Action::Resize(..) => {}
        Action::StoreChanged(notice) => store_changed(app, ui, notice),
        _ => match ui.mode() {
            Mode::Board | Mode::SearchResults => board(app, ui, action),
            Mode::Detail => detail(app, ui, action),
            Mode::Targets => targets(app, ui, action),
            Mode::Risks => risks(app, ui, action),
            Mode::Triage => triage(app, ui, action),
            Mode::Meeting => meeting(app, ui, action),
            Mode::Help => help(ui, action),
            Mode::Picker => picker(app, ui, action),
            Mode::Input => input(app, ui, action),
            Mode::Editor => editor(app, ui, action),
        },
    }
    keep_selection_visible(ui);
    read_history_when_shown(app, ui);
}

/// Another process changed the store: everything shown is built again from
/// it, keeping the screen, the selection, the scroll and any open dialog.
fn store_changed(app: &App, ui: &mut Ui, notice: Option<Notice>) {
    refresh(app, ui);
    if ui.screen == Screen::Risks {
        let risks = app.task_risks().len() + app.target_risks().len();
        ui.risk_selected = ui.risk_selected.min(risks.saturating_sub(1));
    }
    if ui.screen == Screen::Meeting {
        let last = app.slides(ui.presentation.capacity).len().saturating_sub(1);
        ui.presentation.slide = ui.presentation.slide.min(last);
    }
    match notice {
        Some(Notice::Reconnected) => flash_info(ui, i18n::reconnected(ui.lang).to_string()),
        Some(Notice::Lost) => flash_error(ui, i18n::owner_lost(ui.lang).to_string()),
        Some(Notice::SavedAfterReconnect) => {
            flash_info(ui, i18n::saved_after_reconnect(ui.lang).to_string())
        }
        None => {}
    }
}

/// The history is read from the store the first time a task's detail is on
/// screen, not at start: with a large store that keeps the first frame quick.
fn read_history_when_shown(app: &App, ui: &mut Ui) {
    if ui.shows_detail()
        && ui.selected_key().is_some()
        && let Err(e) = app.load_history()
    {
        flash_error(ui, i18n::app_error(&e, ui.lang));
    }
}

/// Rebuilds the board from the app, keeping the selection on the same task.
/// Tells the person at the screen, once, of stored records left out.
pub fn warn_set_aside(app: &App, ui: &mut Ui) {
    let set_aside = app.set_aside();
    if !set_aside.is_empty() {
        flash_error(ui, i18n::records_set_aside(&set_aside, ui.lang));
    }
}

pub fn refresh(app: &App, ui: &mut Ui) {
    let selected_key = ui.selected_key().cloned();
    let selected_group = match ui.selected_row() {
        Some(Row::Group { key, .. }) => Some(key.clone()),
        _ => None,
    };
    let board = app.board(ui.grouping, &ui.filter, &ui.folded);
    ui.rows = board.rows;
    ui.summary = board.summary;
    let found = ui.rows.iter().position(|r| match r {
        Row::Task(t) => Some(&t.key) == selected_key.as_ref(),
        Row::Group { key, .. } => Some(key) == selected_group.as_ref(),
    });
    ui.selected = found
        .unwrap_or(ui.selected)
        .min(ui.rows.len().saturating_sub(1));
    keep_selection_visible(ui);
    read_history_when_shown(app, ui);
}

fn keep_selection_visible(ui: &mut Ui) {
    let page = ui.page.max(1);
    if ui.selected < ui.offset {
        ui.offset = ui.selected;
    } else if ui.selected >= ui.offset + page {
        ui.offset = ui.selected + 1 - page;
    }
    ui.offset = ui.offset.min(ui.rows.len().saturating_sub(page));
}

fn move_selection(ui: &mut Ui, to: usize) {
    let last = ui.rows.len().saturating_sub(1);
    let to = to.min(last);
    if to != ui.selected {
        ui.detail_scroll = 0;
    }
    ui.selected = to;
}

fn board(app: &mut App, ui: &mut Ui, action: Action) {
    match action {
        Action::Up => move_selection(ui, ui.selected.saturating_sub(1)),
        Action::Down => move_selection(ui, ui.selected + 1),
        Action::PageUp => move_selection(ui, ui.selected.saturating_sub(ui.page.max(1))),
        Action::PageDown => move_selection(ui, ui.selected + ui.page.max(1)),
        Action::Top => move_selection(ui, 0),
        Action::Bottom => move_selection(ui, usize::MAX),
        Action::Collapse => collapse(app, ui),
        Action::Expand => expand(app, ui),
        Action::Open | Action::SwitchPane => open_detail(ui),
        Action::CycleGrouping => {
            ui.grouping = ui.grouping.next();
            ui.folded.clear();
            refresh(app, ui);
        }
        Action::ShowTargets => ui.screen = Screen::Targets,
        Action::ShowRisks => {
            ui.risk_selected = 0;
            ui.screen = Screen::Risks;
        }
        Action::StartTriage if app.is_read_only() => flash_read_only(ui),
        Action::StartTriage => start_triage(app, ui),
        Action::Present => start_presentation(app, ui, false),
        Action::PreviousPeriod => change_period(app, ui, false),
        Action::NextPeriod => change_period(app, ui, true),
        Action::ShowHelp => open_help(ui),
        Action::StartSearch => start_search(app, ui),
        Action::NextMatch => jump_to_match(app, ui, true),
        Action::PreviousMatch => jump_to_match(app, ui, false),
        Action::Back => ui.search = None,
        Action::OpenFilter => ui.overlay = Some(Overlay::Filter { line: 0 }),
        Action::ClearFilters => {
            ui.filter = Default::default();
            refresh(app, ui);
        }
        _ => task_action(app, ui, action),
    }
}

/// Edits on the selected task, from the board or the detail pane.
fn task_action(app: &mut App, ui: &mut Ui, action: Action) {
    if app.is_read_only() && (is_edit(action) || action == Action::Undo) {
        return flash_read_only(ui);
    }
    if action == Action::Undo {
        return undo(app, ui);
    }
    let Some(key) = ui.selected_key().cloned() else {
        if is_edit(action) {
            flash_error(ui, i18n::select_a_task(ui.lang).to_string());
        }
        return;
    };
    let progress = app.view(&key).map_or(0, |v| v.state.progress);
    match action {
        Action::PickStatus => {
            let current = app
                .view(&key)
                .map(|v| v.state.status)
                .unwrap_or(Status::NotStarted);
            let selected = Status::ALL.iter().position(|s| *s == current).unwrap_or(0);
            ui.overlay = Some(Overlay::StatusPicker { selected });
        }
        Action::ProgressUp => save_edit(app, ui, &key, &[Edit::ProgressStep(PROGRESS_STEP)]),
        Action::ProgressDown => save_edit(app, ui, &key, &[Edit::ProgressStep(-PROGRESS_STEP)]),
        Action::TypeProgress => open_input(ui, InputKind::Progress, &progress.to_string()),
        Action::TypeDue => {
            let due = app
                .view(&key)
                .and_then(|v| v.due)
                .map(crate::domain::date::format_date);
            open_input(ui, InputKind::Due, &due.unwrap_or_default());
        }
        Action::AddNote => {
            ui.overlay = Some(Overlay::Note(NoteEditor {
                area: TextArea::default(),
                error: None,
            }))
        }
        Action::AddEvidence => ui.overlay = Some(Overlay::Evidence(EvidenceForm::default())),
        _ => {}
    }
}

fn is_edit(action: Action) -> bool {
    matches!(
        action,
        Action::PickStatus
            | Action::ProgressUp
            | Action::ProgressDown
            | Action::TypeProgress
            | Action::TypeDue
            | Action::AddNote
            | Action::AddEvidence
    )
}

fn open_input(ui: &mut Ui, kind: InputKind, text: &str) {
    ui.overlay = Some(Overlay::Input(TextInput {
        kind,
        line: LineEdit::new(text),
        error: None,
    }));
}

fn open_help(ui: &mut Ui) {
    ui.help_scroll = 0;
    ui.overlay = Some(Overlay::Help);
}

fn open_detail(ui: &mut Ui) {
    if ui.selected_key().is_some() {
        ui.focus = Focus::Detail;
    }
}

fn collapse(app: &App, ui: &mut Ui) {
    let Some(row) = ui.selected_row() else { return };
    if let Some(fold) = row.fold_key().filter(|_| !is_folded(row)) {
        ui.folded.insert(fold);
        return refresh(app, ui);
    }
    // On a leaf or a folded row, ← goes up to what holds it.
    let depth = row.task().map(|t| t.depth);
    let holder = ui.rows[..ui.selected]
        .iter()
        .rposition(|r| match (r, depth) {
            (Row::Task(t), Some(d)) => t.depth < d,
            (Row::Group { .. }, _) => true,
            _ => false,
        });
    if let Some(i) = holder {
        move_selection(ui, i);
    }
}

fn is_folded(row: &Row) -> bool {
    match row {
        Row::Group { folded, .. } => *folded,
        Row::Task(t) => t.folded,
    }
}

fn expand(app: &App, ui: &mut Ui) {
    if let Some(fold) = ui.selected_row().and_then(Row::fold_key)
        && ui.folded.remove(&fold)
    {
        refresh(app, ui);
    }
}

fn start_search(app: &App, ui: &mut Ui) {
    ui.search_origin = ui.selected;
    if !ui.folded.is_empty() {
        ui.folded.clear();
        refresh(app, ui);
    }
    open_input(ui, InputKind::Search, "");
}

/// Moves to the next (or previous) task whose id or title holds the search's
/// words, starting `skip` rows away from the selection and wrapping around.
fn jump_to_match(app: &App, ui: &mut Ui, forward: bool) {
    let Some(query) = ui.search.as_ref().map(|s| s.folded.clone()) else {
        return;
    };
    if let Some(i) = find_match(app, ui, &query, ui.selected, forward, 1) {
        move_selection(ui, i);
    }
}

/// The first task row, `skip` or more rows from `from` in the given direction
/// (wrapping), whose id or title holds every word of `query`.
pub fn find_match(
    app: &App,
    ui: &Ui,
    query: &str,
    from: usize,
    forward: bool,
    skip: usize,
) -> Option<usize> {
    let n = ui.rows.len();
    if n == 0 || query.is_empty() {
        return None;
    }
    (skip..n + skip)
        .map(|step| {
            if forward {
                (from + step) % n
            } else {
                (from + n - step % n) % n
            }
        })
        .find(|&i| {
            ui.rows[i]
                .task()
                .is_some_and(|t| is_match(app, &t.key, query))
        })
}

fn is_match(app: &App, key: &TaskKey, query: &str) -> bool {
    app.plan()
        .folded_text(&key.task)
        .is_some_and(|text| matches_folded(text, query))
}

fn detail(app: &mut App, ui: &mut Ui, action: Action) {
    match action {
        Action::ScrollUp => ui.detail_scroll = ui.detail_scroll.saturating_sub(1),
        Action::ScrollDown => ui.detail_scroll = ui.detail_scroll.saturating_add(1),
        Action::PageUp => ui.detail_scroll = ui.detail_scroll.saturating_sub(ui.page as u16),
        Action::PageDown => ui.detail_scroll = ui.detail_scroll.saturating_add(ui.page as u16),
        Action::Back | Action::SwitchPane => ui.focus = Focus::List,
        _ => board(app, ui, action),
    }
}

fn targets(app: &mut App, ui: &mut Ui, action: Action) {
    let count = app.plan().targets().len();
    match action {
        Action::PreviousPeriod => change_period(app, ui, false),
        Action::NextPeriod => change_period(app, ui, true),
        Action::Up => ui.target_selected = ui.target_selected.saturating_sub(1),
        Action::Down => ui.target_selected = (ui.target_selected + 1).min(count.saturating_sub(1)),
        Action::Back => ui.screen = Screen::Board,
        Action::ShowHelp => open_help(ui),
        _ => {}
    }
}

/// Moves to the previous or next review period, within the plan's years.
fn change_period(app: &mut App, ui: &mut Ui, forward: bool) {
    let period = app.period();
    let next = if forward {
        period.next()
    } else {
        period.previous()
    };
    let years = app.plan().info().start.year()..=app.plan().info().end.year() + 1;
    if years.contains(&next.year) {
        app.set_period(next);
        refresh(app, ui);
    }
}

fn risks(app: &mut App, ui: &mut Ui, action: Action) {
    let count = app.task_risks().len() + app.target_risks().len();
    let last = count.saturating_sub(1);
    match action {
        Action::Up => ui.risk_selected = ui.risk_selected.saturating_sub(1),
        Action::Down => ui.risk_selected = (ui.risk_selected + 1).min(last),
        Action::PageUp => ui.risk_selected = ui.risk_selected.saturating_sub(ui.page.max(1)),
        Action::PageDown => ui.risk_selected = (ui.risk_selected + ui.page.max(1)).min(last),
        // The risks view groups by area or by lead unit only.
        Action::CycleGrouping => {
            ui.grouping = match ui.grouping {
                Grouping::Unit => Grouping::Area,
                _ => Grouping::Unit,
            };
            refresh(app, ui);
        }
        Action::StartTriage => start_triage(app, ui),
        Action::PreviousPeriod => change_period(app, ui, false),
        Action::NextPeriod => change_period(app, ui, true),
        Action::Back => ui.screen = Screen::Board,
        Action::ShowHelp => open_help(ui),
        _ => {}
    }
}

/// Starts triage on the period's flagged occurrences: overdue first, then the
/// rest, most severe first.
pub fn start_triage(app: &App, ui: &mut Ui) {
    let queue = app.task_risks().into_iter().map(|f| f.key).collect();
    ui.triage = Triage {
        queue,
        ..Triage::default()
    };
    ui.triage.finished = ui.triage.queue.is_empty();
    ui.screen = Screen::Triage;
    read_history_when_shown(app, ui);
}

fn triage(app: &mut App, ui: &mut Ui, action: Action) {
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
            save_edit(app, ui, &key, &[Edit::Status(Status::Done)]);
        }
        Action::Extend => ui.overlay = Some(Overlay::Extend(ExtendForm::default())),
        Action::TypeProgress => {
            ui.triage.pending = Some(Decision::Progress);
            open_input(ui, InputKind::Progress, "");
        }
        Action::AddNote => {
            ui.triage.pending = Some(Decision::Note);
            ui.overlay = Some(Overlay::Note(NoteEditor {
                area: TextArea::default(),
                error: None,
            }));
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
fn decide(ui: &mut Ui, decision: Decision) {
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

fn extend_form(app: &mut App, ui: &mut Ui, action: Action) {
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
                    ui.triage.pending = Some(Decision::Extended(date));
                    let result = app.edit_task(&key, &[Edit::Due(date)], Some(&reason));
                    after_save(app, ui, &key, result, true);
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

fn extension_from(form: &ExtendForm) -> Result<(chrono::NaiveDate, String), InputError> {
    let date = parse_date(&form.date.text)?;
    let reason = validate_text(
        &form.reason.text,
        TextField::Reason,
        MAX_SHORT_TEXT_CHARS,
        false,
    )?;
    Ok((date, reason))
}

fn help(ui: &mut Ui, action: Action) {
    match action {
        Action::ScrollUp => ui.help_scroll = ui.help_scroll.saturating_sub(1),
        Action::ScrollDown => ui.help_scroll = ui.help_scroll.saturating_add(1),
        Action::Back => ui.overlay = None,
        _ => {}
    }
}

fn picker(app: &mut App, ui: &mut Ui, action: Action) {
    match ui.overlay.clone() {
        Some(Overlay::StatusPicker { selected }) => status_picker(app, ui, action, selected),
        Some(Overlay::Filter { line }) => filter_dialog(app, ui, action, line),
        _ => {}
    }
}

fn status_picker(app: &mut App, ui: &mut Ui, action: Action, selected: usize) {
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
            if let Some(key) = ui.selected_key().cloned() {
                save_edit(
                    app,
                    ui,
                    &key,
                    &[Edit::Status(Status::ALL[selected.min(last)])],
                );
            }
        }
        Action::Cancel => ui.overlay = None,
        _ => {}
    }
}

fn filter_dialog(app: &mut App, ui: &mut Ui, action: Action, line: usize) {
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
        FilterLine::Overdue => ui.filter.overdue_only = !ui.filter.overdue_only,
    }
    refresh(app, ui);
}

/// The next value in `choices` after `current` ("all" sits before the first).
fn cycle<T: Clone + PartialEq>(choices: &[T], current: Option<&T>, step: isize) -> Option<T> {
    let len = choices.len() as isize + 1;
    let position = current
        .and_then(|c| choices.iter().position(|x| x == c))
        .map_or(0, |p| p as isize + 1);
    let next = (position + step).rem_euclid(len);
    (next > 0).then(|| choices[(next - 1) as usize].clone())
}

fn input(app: &mut App, ui: &mut Ui, action: Action) {
    if let Some(Overlay::Evidence(_)) = ui.overlay {
        return evidence_form(app, ui, action);
    }
    if let Some(Overlay::Extend(_)) = ui.overlay {
        return extend_form(app, ui, action);
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
fn edit_line(line: &mut LineEdit, action: Action) -> bool {
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

fn incremental_search(app: &App, ui: &mut Ui, text: &str) {
    let folded = fold(text);
    if folded.is_empty() {
        ui.search = None;
        return move_selection(ui, ui.search_origin);
    }
    ui.search = Some(Search {
        query: text.to_string(),
        folded: folded.clone(),
    });
    if let Some(i) = find_match(app, ui, &folded, ui.search_origin, true, 0) {
        move_selection(ui, i);
    }
}

/// Saves what a one-line field holds; `Err` keeps the field open with why.
fn confirm_input(app: &mut App, ui: &mut Ui, field: &TextInput) -> Result<(), String> {
    let lang = ui.lang;
    let text = field.line.text.trim();
    let edit = match field.kind {
        InputKind::Search => return Ok(()),
        InputKind::Progress => text
            .trim_end_matches('%')
            .parse::<u8>()
            .ok()
            .filter(|p| *p <= 100)
            .map(Edit::Progress)
            .ok_or_else(|| i18n::input_error(&InputError::BadProgress(text.to_string()), lang))?,
        InputKind::Due => Edit::Due(parse_date(text).map_err(|e| i18n::input_error(&e, lang))?),
    };
    let Some(key) = ui.selected_key().cloned() else {
        return Ok(());
    };
    save_edit(app, ui, &key, &[edit]);
    Ok(())
}

fn evidence_form(app: &mut App, ui: &mut Ui, action: Action) {
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

fn evidence_from(form: &EvidenceForm) -> Result<Evidence, InputError> {
    Ok(Evidence {
        number: validate_text(&form.number.text, TextField::DocumentNumber, 100, false)?,
        issued_on: parse_date(&form.date.text)?,
        summary: validate_text(
            &form.summary.text,
            TextField::DocumentSummary,
            MAX_SHORT_TEXT_CHARS,
            false,
        )?,
        link: None,
    })
}

fn editor(app: &mut App, ui: &mut Ui, action: Action) {
    let Some(Overlay::Note(mut note)) = ui.overlay.take() else {
        return;
    };
    let area = &mut note.area;
    match action {
        Action::Cancel => return,
        Action::Save => return save_note(app, ui, note),
        Action::Confirm if area.current_is_empty() && !area.text().is_empty() => {
            return save_note(app, ui, note);
        }
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

fn save_note(app: &mut App, ui: &mut Ui, mut note: NoteEditor) {
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

/// Inserts pasted text into whichever box is open.
pub fn paste(ui: &mut Ui, text: &str) {
    match &mut ui.overlay {
        Some(Overlay::Note(note)) => note.area.insert(text),
        Some(Overlay::Input(field)) => field.line.insert(&text.replace(['\n', '\r'], " ")),
        Some(Overlay::Evidence(form)) => form.field().insert(&text.replace(['\n', '\r'], " ")),
        _ => {}
    }
}

fn save_edit(app: &mut App, ui: &mut Ui, key: &TaskKey, edits: &[Edit]) {
    let result = app.edit_task(key, edits, None);
    after_save(app, ui, key, result, true);
}

fn after_save(
    app: &App,
    ui: &mut Ui,
    key: &TaskKey,
    result: Result<Vec<HistoryEntry>, AppError>,
    undoable: bool,
) {
    match result {
        Ok(entries) if entries.is_empty() => {}
        Ok(entries) => {
            ui.last_saved = Some(app.clock().now);
            if undoable {
                ui.undo.push(UndoRecord {
                    key: key.clone(),
                    entries,
                });
            }
            if ui.screen == Screen::Triage
                && let Some(decision) = ui.triage.pending.take()
            {
                decide(ui, decision);
            }
            refresh(app, ui);
        }
        Err(e) => flash_error(
            ui,
            i18n::save_failed(&i18n::app_error(&e, ui.lang), ui.lang),
        ),
    }
}

fn undo(app: &mut App, ui: &mut Ui) {
    let Some(record) = ui.undo.pop() else {
        return flash_info(ui, i18n::nothing_to_undo(ui.lang).to_string());
    };
    let first = record.entries.first().map_or(0, |e| e.seq);
    let reason = i18n::undo_reason(first, ui.lang);
    let result = app.revert(&record.key, &record.entries, &reason);
    let failed = result.is_err();
    after_save(app, ui, &record.key, result, false);
    if failed {
        ui.undo.push(record);
    } else {
        flash_info(ui, i18n::undone(&record.key.to_string(), ui.lang));
    }
}

fn flash_read_only(ui: &mut Ui) {
    flash_error(ui, i18n::input_error(&InputError::ReadOnly, ui.lang));
}

/// Opens meeting mode on its first slide; `standalone` when the program was
/// started for it (leaving it then ends the program).
pub fn start_presentation(app: &App, ui: &mut Ui, standalone: bool) {
    // "Since the last meeting" reads the history.
    if let Err(e) = app.load_history() {
        flash_error(ui, i18n::app_error(&e, ui.lang));
    }
    ui.presentation.slide = 0;
    ui.presentation.blank = false;
    ui.presentation.standalone = standalone;
    ui.overlay = None;
    ui.screen = Screen::Meeting;
}

/// Meeting mode: moves between slides; nothing here edits.
fn meeting(app: &mut App, ui: &mut Ui, action: Action) {
    let count = app.slides(ui.presentation.capacity).len();
    let show = &mut ui.presentation;
    match action {
        Action::NextSlide => show.slide = (show.slide + 1).min(count.saturating_sub(1)),
        Action::PreviousSlide => show.slide = show.slide.saturating_sub(1),
        Action::GoToSlide(n) if usize::from(n) <= count => {
            show.slide = usize::from(n).saturating_sub(1)
        }
        Action::FirstSlide => show.slide = 0,
        Action::Blank => show.blank = !show.blank,
        Action::Larger => {
            show.large = !show.large;
            show.capacity = Presentation::capacity_for(show.height, show.large);
            show.slide = show
                .slide
                .min(app.slides(show.capacity).len().saturating_sub(1));
        }
        Action::PreviousPeriod | Action::NextPeriod => {
            change_period(app, ui, action == Action::NextPeriod);
            let last = app.slides(ui.presentation.capacity).len().saturating_sub(1);
            ui.presentation.slide = ui.presentation.slide.min(last);
        }
        Action::Reload => match app.reload() {
            Ok(()) => refresh(app, ui),
            Err(e) => flash_error(ui, i18n::app_error(&e, ui.lang)),
        },
        Action::ShowHelp => open_help(ui),
        Action::Back if show.standalone => ui.quit = true,
        Action::Back => ui.screen = Screen::Board,
        _ => {}
    }
}

fn flash_error(ui: &mut Ui, text: String) {
    ui.flash = Some(Flash {
        text,
        is_error: true,
    });
}

fn flash_info(ui: &mut Ui, text: String) {
    ui.flash = Some(Flash {
        text,
        is_error: false,
    });
}
