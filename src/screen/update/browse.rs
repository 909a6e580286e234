//! The board, the detail pane, targets and risks: moving, folding, searching,
//! changing the period, and the edits started from a task.

use std::collections::HashSet;

use super::*;
use crate::app::board::TaskRow;

pub(super) fn board(app: &mut App, ui: &mut Ui, action: Action) {
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
        Action::WriteReport => ui.report_asked = true,
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
        Action::AddTask => start_add_task(app, ui),
        _ => task_action(app, ui, action),
    }
}

/// Edits on the selected task, from the board or the detail pane.
pub(super) fn task_action(app: &mut App, ui: &mut Ui, action: Action) {
    if app.is_read_only() && action.edits() {
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
            // A deadline moves only with a reason: the form asks for both.
            ui.overlay = Some(Overlay::Extend(ExtendForm {
                date: LineEdit::selected(&due.unwrap_or_default()),
                ..ExtendForm::default()
            }));
        }
        Action::AddNote => ui.overlay = Some(Overlay::Note(NoteEditor::default())),
        Action::AddEvidence => ui.overlay = Some(Overlay::Evidence(EvidenceForm::default())),
        Action::EditTask => start_edit_task(app, ui, &key),
        Action::SetAssignee => start_assignee(app, ui, &key),
        _ => {}
    }
}

pub(super) fn is_edit(action: Action) -> bool {
    matches!(
        action,
        Action::PickStatus
            | Action::ProgressUp
            | Action::ProgressDown
            | Action::TypeProgress
            | Action::TypeDue
            | Action::AddNote
            | Action::AddEvidence
            | Action::EditTask
            | Action::SetAssignee
    )
}

/// Opens a one-line field showing `text`, selected, so that typing
/// replaces it.
pub(super) fn open_input(ui: &mut Ui, kind: InputKind, text: &str) {
    ui.overlay = Some(Overlay::Input(TextInput {
        kind,
        line: LineEdit::selected(text),
        error: None,
    }));
}

pub(super) fn open_help(ui: &mut Ui) {
    ui.help_scroll = 0;
    ui.overlay = Some(Overlay::Help);
}

pub(super) fn open_detail(ui: &mut Ui) {
    if ui.selected_key().is_some() {
        ui.focus = Focus::Detail;
    }
}

pub(super) fn collapse(app: &App, ui: &mut Ui) {
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

pub(super) fn is_folded(row: &Row) -> bool {
    match row {
        Row::Group { folded, .. } => *folded,
        Row::Task(t) => t.folded,
    }
}

pub(super) fn expand(app: &App, ui: &mut Ui) {
    if let Some(fold) = ui.selected_row().and_then(Row::fold_key)
        && ui.folded.remove(&fold)
    {
        refresh(app, ui);
    }
}

pub(super) fn start_search(app: &App, ui: &mut Ui) {
    ui.search_origin = ui.selected;
    if !ui.folded.is_empty() {
        ui.folded.clear();
        refresh(app, ui);
    }
    open_input(ui, InputKind::Search, "");
}

/// Moves to the next (or previous) task the search finds, starting one row
/// away from the selection and wrapping around.
pub(super) fn jump_to_match(app: &App, ui: &mut Ui, forward: bool) {
    let Some(search) = ui.search.clone() else {
        return;
    };
    if let Some(i) = find_match(app, ui, &search, ui.selected, forward, 1) {
        move_selection(ui, i);
    }
}

/// Past this many tasks whose titles match, a search looks at rows in turn.
const MANY_MATCHES: usize = 1_000;

/// The first task row, `skip` or more rows from `from` in the given direction
/// (wrapping), whose id or title holds every word of the search, or whose
/// notes or evidence do.
pub fn find_match(
    app: &App,
    ui: &Ui,
    search: &Search,
    from: usize,
    forward: bool,
    skip: usize,
) -> Option<usize> {
    let n = ui.rows.len();
    if n == 0 || search.folded.is_empty() {
        return None;
    }
    let query = FoldedQuery::new(&search.folded);
    // Few matches: found in one sweep over all titles, then looked up by
    // row. Many: any row is likely one, so rows are looked at in turn.
    let few = app.plan().tasks_matching(&query, MANY_MATCHES);
    if few.as_ref().is_some_and(HashSet::is_empty) && search.beyond_titles.is_empty() {
        return None;
    }
    let is_match = |t: &TaskRow| {
        search.beyond_titles.contains_key(&t.key)
            || match &few {
                Some(ids) => ids.contains(t.key.task.as_str()),
                None => app.title_matches(&t.key.task, &query),
            }
    };
    (skip..n + skip)
        .map(|step| {
            if forward {
                (from + step) % n
            } else {
                (from + n - step % n) % n
            }
        })
        .find(|&i| ui.rows[i].task().is_some_and(is_match))
}

pub(super) fn detail(app: &mut App, ui: &mut Ui, action: Action) {
    match action {
        Action::ScrollUp => ui.detail_scroll = ui.detail_scroll.saturating_sub(1),
        Action::ScrollDown => scroll_detail_to(ui, ui.detail_scroll.saturating_add(1)),
        Action::PageUp => ui.detail_scroll = ui.detail_scroll.saturating_sub(ui.detail_box.rows),
        Action::PageDown => {
            scroll_detail_to(ui, ui.detail_scroll.saturating_add(ui.detail_box.rows))
        }
        Action::Back | Action::SwitchPane => ui.focus = Focus::List,
        Action::Withdraw => start_withdraw(app, ui),
        _ => board(app, ui, action),
    }
}

pub(super) fn targets(app: &mut App, ui: &mut Ui, action: Action) {
    let count = app.plan().targets().len();
    match action {
        Action::PreviousPeriod => change_period(app, ui, false),
        Action::NextPeriod => change_period(app, ui, true),
        Action::Up => ui.target_selected = ui.target_selected.saturating_sub(1),
        Action::Down => ui.target_selected = (ui.target_selected + 1).min(count.saturating_sub(1)),
        Action::Back => ui.screen = Screen::Board,
        Action::ShowHelp => open_help(ui),
        Action::EnterResult => open_result_form(app, ui),
        _ => {}
    }
}

/// Moves to the previous or next review period, within the plan's years.
pub(super) fn change_period(app: &mut App, ui: &mut Ui, forward: bool) {
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

pub(super) fn risks(app: &mut App, ui: &mut Ui, action: Action) {
    let last = ui.risk_count().saturating_sub(1);
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

/// Scrolls the detail pane, never past the row where its text ends.
fn scroll_detail_to(ui: &mut Ui, to: u16) {
    ui.detail_scroll = to.min(crate::screen::detail::last_scroll(ui));
}
