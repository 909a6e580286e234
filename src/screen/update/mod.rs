//! The one place TUI state changes: `update(app, ui, action)`.

mod browse;
mod forms;
mod office;
mod presentation;
mod target_result;
mod triage_flow;

pub use browse::find_match;
use browse::*;
use forms::*;
use office::*;
pub use presentation::start_presentation;
use presentation::*;
use target_result::*;
pub use triage_flow::start_triage;
use triage_flow::*;

use super::message::{Message, Start};
use super::state::{
    Decision, EvidenceForm, ExtendForm, FilterLine, Flash, FlashKind, Focus, InputKind, NoteEditor,
    Overlay, Presentation, Screen, Search, TextInput, Triage, Ui, UndoRecord,
};
use super::text_input::LineEdit;
use crate::app::board::{Grouping, Row};
use crate::app::{App, AppError, Notice};
use crate::domain::date::format_date;
use crate::domain::error::TextField;
use crate::domain::text::{FoldedQuery, MAX_NOTE_CHARS, validate_text};
use crate::domain::{input, validate};
use crate::keymap::Action;
use chrono::Datelike;

use crate::domain::{Edit, Evidence, HistoryEntry, InputError, Status, TaskKey};

/// How many points `+` and `-` move progress.
const PROGRESS_STEP: i8 = 10;
use crate::i18n;
use crate::keymap::Mode;

/// Applies one message: the only place the screen's state changes. Edits
/// are saved (and flushed) before this returns.
pub fn update(app: &mut App, ui: &mut Ui, message: impl Into<Message>) {
    match message.into() {
        Message::Action(action) => {
            ui.flash = None;
            act(app, ui, action);
        }
        Message::Paste(text) => {
            ui.flash = None;
            paste(app, ui, &text);
        }
        Message::Resized(fit) => ui.fit(fit),
        Message::StoreChanged(notice) => store_changed(ui, notice),
        Message::SyncFailed(e) => flash_error(ui, i18n::app_error(&e, ui.lang)),
        Message::NewDay(clock) => app.set_clock(clock),
        Message::Started(start) => started(app, ui, start),
        Message::ReportWritten(Ok(path)) => flash_answer(ui, i18n::report_written(&path, ui.lang)),
        Message::ReportWritten(Err(why)) => flash_error(ui, why),
        Message::TextsRead => {}
    }
    if app.revision() != ui.board_revision {
        take_in_changes(app, ui);
    }
    prepare_shown(app, ui);
}

/// Keeps the selection on screen and prepares what the screen shows beyond
/// the board (each part only when what it shows changed).
fn prepare_shown(app: &App, ui: &mut Ui) {
    keep_selection_visible(ui);
    super::search::prepare(app, ui);
    read_history_when_shown(app, ui);
    super::detail::prepare(app, ui);
    super::help::prepare(app, ui);
    super::review::prepare(app, ui);
}

fn act(app: &mut App, ui: &mut Ui, action: Action) {
    match action {
        Action::Quit => ui.quit = true,
        _ => match ui.mode() {
            Mode::Board | Mode::SearchResults => board(app, ui, action),
            Mode::Detail => detail(app, ui, action),
            Mode::Targets => targets(app, ui, action),
            Mode::Risks => risks(app, ui, action),
            Mode::Triage => triage(app, ui, action),
            Mode::Meeting => meeting(app, ui, action),
            Mode::Help => help(app, ui, action),
            Mode::Picker => picker(app, ui, action),
            Mode::Input => input(app, ui, action),
            Mode::Editor => editor(app, ui, action),
        },
    }
}

/// The screen opens: the board, the word on records left out or a terminal
/// that is not UTF-8, and triage or meeting mode when asked for.
fn started(app: &mut App, ui: &mut Ui, start: Start) {
    refresh(app, ui);
    warn_set_aside(app, ui);
    if start.ascii {
        flash_error(ui, i18n::terminal_not_utf8(ui.lang).to_string());
    }
    if start.triage {
        start_triage(app, ui);
    }
    if start.present {
        start_presentation(app, ui, true);
    }
}

/// Another process changed the store: what is shown is brought up to date
/// (at the end of `update`, as after every change), keeping the screen, the
/// selection, the scroll and any open dialog; the user is told of the
/// connection.
fn store_changed(ui: &mut Ui, notice: Option<Notice>) {
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

/// Tells the person at the screen, once, of stored records left out.
fn warn_set_aside(app: &App, ui: &mut Ui) {
    let set_aside = app.set_aside();
    if !set_aside.is_empty() {
        flash_error(ui, i18n::records_set_aside(&set_aside, ui.lang));
    }
}

/// Brings the board up to date with what changed since it was built: the
/// rows of the tasks touched, in place, when that can be done; else the
/// whole board again.
fn take_in_changes(app: &App, ui: &mut Ui) {
    let Some(touched) = app.tasks_changed_since(ui.board_revision) else {
        return refresh(app, ui);
    };
    let mut board = crate::app::board::Board {
        rows: std::mem::take(&mut ui.rows),
        summary: std::mem::take(&mut ui.summary),
    };
    let updated = app.update_board(&mut board, ui.grouping, &ui.filter, &touched);
    ui.rows = board.rows;
    ui.summary = board.summary;
    if !updated {
        return refresh(app, ui);
    }
    ui.board_revision = app.revision();
}

/// Builds the whole board again from the application, keeping the
/// selection on the same task.
pub fn refresh(app: &App, ui: &mut Ui) {
    let selected_key = ui.selected_key().cloned();
    let selected_group = match ui.selected_row() {
        Some(Row::Group { key, .. }) => Some(key.clone()),
        _ => None,
    };
    let board = app.board(ui.grouping, &ui.filter, &ui.folded);
    ui.board_revision = app.revision();
    ui.rows = board.rows;
    ui.summary = board.summary;
    let found = ui.rows.iter().position(|r| match r {
        Row::Task(t) => Some(&t.key) == selected_key.as_ref(),
        Row::Group { key, .. } => Some(key) == selected_group.as_ref(),
    });
    ui.selected = found
        .unwrap_or(ui.selected)
        .min(ui.rows.len().saturating_sub(1));
    prepare_shown(app, ui);
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

fn save_edit(app: &mut App, ui: &mut Ui, key: &TaskKey, edits: &[Edit]) {
    let result = app.edit_task(key, edits, None);
    after_save(ui, key, result, true);
}

/// What the screen keeps of a save: the undo record, "đã lưu" with the
/// store's time, triage's decision. The board takes the change in at the
/// end of `update`.
fn after_save(
    ui: &mut Ui,
    key: &TaskKey,
    result: Result<Vec<HistoryEntry>, AppError>,
    undoable: bool,
) {
    match result {
        Ok(entries) if entries.is_empty() => {}
        Ok(entries) => {
            // The time the store gave the change, as `cchc log` shows it.
            ui.last_saved = entries.last().map(|e| e.at);
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
    after_save(ui, &record.key, result, false);
    if failed {
        ui.undo.push(record);
    } else {
        flash_info(ui, i18n::undone(&record.key.to_string(), ui.lang));
    }
}

fn flash_read_only(ui: &mut Ui) {
    flash_error(ui, i18n::input_error(&InputError::ReadOnly, ui.lang));
}

fn flash_error(ui: &mut Ui, text: String) {
    ui.flash = Some(Flash {
        text,
        kind: FlashKind::Problem,
    });
}

fn flash_info(ui: &mut Ui, text: String) {
    ui.flash = Some(Flash {
        text,
        kind: FlashKind::News,
    });
}

/// The answer to what the person asked for, shown wherever they are.
fn flash_answer(ui: &mut Ui, text: String) {
    ui.flash = Some(Flash {
        text,
        kind: FlashKind::Answer,
    });
}
