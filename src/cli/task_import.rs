//! `cchc task import FILE`: the office's yearly plan, kept as a spreadsheet in
//! the layout of a plan's annex, added as the office's own tasks in one
//! operation. Every row is checked before anything is written; a task
//! already stored is skipped, so importing a file twice adds nothing.

use std::io::Write;

use super::args::TaskImportArgs;
use super::typed::parse_area;
use super::{CliError, render};
use crate::app::{App, Operation};
use crate::domain::task_sheet::{PlanTerms, SheetTask, read_tasks};
use crate::domain::{Field, HistoryEntry, Subject};
use crate::i18n::{self, Lang};

/// Reads the file, then shows what it would add (`--dry-run`) or adds it;
/// true when something was written.
pub fn run(
    app: &mut App,
    args: &TaskImportArgs,
    lang: Lang,
    out: &mut impl Write,
) -> Result<bool, CliError> {
    let path = args.file.display().to_string();
    let mut tasks = read(app, args, &path)?;
    let source = match &args.source {
        Some(source) => source.clone(),
        None => i18n::imported_from(&file_name(&args.file), lang),
    };
    for task in &mut tasks {
        task.draft.source.get_or_insert_with(|| source.clone());
    }
    if args.dry_run {
        preview(app, &tasks, &path, lang, out)?;
        return Ok(false);
    }
    let count = tasks.len();
    let drafts = tasks.into_iter().map(|t| t.draft).collect();
    let written = app.perform(Operation::AddTasks { drafts })?;
    let ids = added_ids(&written);
    let _ = writeln!(
        out,
        "{}",
        i18n::tasks_imported(&ids, count.saturating_sub(ids.len()), lang)
    );
    Ok(!ids.is_empty())
}

/// The tasks of the file, read against the plan of the store.
fn read(app: &App, args: &TaskImportArgs, path: &str) -> Result<Vec<SheetTask>, CliError> {
    let grid =
        crate::sheet::read(&args.file, args.sheet.as_deref()).map_err(|error| CliError::Sheet {
            path: path.to_string(),
            error,
        })?;
    let catalog = app.plan().catalog();
    let terms = PlanTerms {
        units: &catalog.units,
        areas: &catalog.areas,
        info: &catalog.plan,
        default_area: parse_area(app, args.area.as_deref())?,
    };
    read_tasks(&grid, &terms).map_err(|refusal| CliError::SheetRefused {
        path: path.to_string(),
        refusal,
        units: catalog.units.clone(),
        areas: catalog.areas.clone(),
    })
}

/// Each task as the store would take it, and the stored task it already is.
fn preview(
    app: &App,
    tasks: &[SheetTask],
    path: &str,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut rows = Vec::with_capacity(tasks.len());
    for task in tasks {
        let draft = app.checked_draft(&task.draft)?;
        let stored = app.same_office_task(&draft).map(|t| t.def.id.clone());
        rows.push(render::DraftRow {
            row: task.row,
            draft,
            stored,
        });
    }
    render::import_preview(&rows, path, lang, out);
    Ok(())
}

/// The ids of the tasks a commit added, in order.
fn added_ids(history: &[HistoryEntry]) -> Vec<String> {
    history
        .iter()
        .filter(|entry| entry.field == Field::Added)
        .filter_map(|entry| match &entry.subject {
            Subject::Task(key) => Some(key.task.clone()),
            _ => None,
        })
        .collect()
}

/// The file's own name, for the source of what it brings in.
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
