//! The annexes of the Word document, each from a new page: I the status
//! grid by area and by lead unit with its total, II every task the period
//! reviews, III every target and its latest result. Bordered tables whose
//! header row repeats on each page.

use docx_rs::{AlignmentType, Table, TableCell, TableRow, VAlignType};

use super::spliced::{RowTemplate, Splice, cell_mark, stand_in_mark};
use super::{ANNEX_WIDTH, Block, Look, TABLE_TEXT, cell, centred, fixed, header_row, line};
use crate::app::StatusGrid;
use crate::app::report::{ReportTarget, ReportTask};
use crate::domain::Status;
use crate::domain::date::format_date;
use crate::i18n::{self, ReportWords};

use super::super::ReportInput;

/// Column widths in twips; each set fills the landscape page.
const GRID: [usize; 7] = [4687, 1600, 1600, 1600, 1600, 1600, 1600];
const TASKS: [usize; 9] = [700, 1300, 4000, 1200, 1300, 1700, 900, 1300, 1887];
const TARGETS: [usize; 8] = [600, 800, 5500, 1500, 1500, 1300, 1300, 1787];
const _: () = assert!(sum(&GRID) == ANNEX_WIDTH && sum(&TASKS) == ANNEX_WIDTH);
const _: () = assert!(sum(&TARGETS) == ANNEX_WIDTH);

const fn sum(widths: &[usize]) -> usize {
    let (mut total, mut i) = (0, 0);
    while i < widths.len() {
        total += widths[i];
        i += 1;
    }
    total
}

/// The annexes, and the rows of Annex II to put in place of its stand-in.
pub(super) fn blocks(input: &ReportInput<'_>) -> (Vec<Block>, Vec<Splice>) {
    let words = i18n::report_words(input.lang);
    let mut out = title(input, 1, words.annex_grid, false);
    out.push(Block::from(grid(input, &words)));
    out.extend(title(input, 2, words.annex_tasks, true));
    let (tasks, splice) = tasks(input, &words);
    out.push(Block::from(tasks));
    out.extend(title(input, 3, words.annex_targets, true));
    out.push(Block::from(targets(input, &words)));
    (out, splice.into_iter().collect())
}

/// "Phụ lục I", what it shows, and the report it belongs to. The first
/// annex opens its own section, which starts a page already.
fn title(input: &ReportInput<'_>, number: usize, name: &str, new_page: bool) -> Vec<Block> {
    let attached = i18n::annex_attached(&input.report.commune, input.signed_on, input.lang);
    [
        centred(&i18n::annex_name(number, input.lang), Look::BODY.bold())
            .page_break_before(new_page),
        centred(name, Look::BODY.bold()),
        centred(&attached, Look::BODY.italic()),
        centred("", Look::BODY),
    ]
    .into_iter()
    .map(Block::from)
    .collect()
}

fn text_cell(text: &str, width: usize, align: AlignmentType, bold: bool) -> TableCell {
    let look = if bold {
        Look::sized(TABLE_TEXT).bold()
    } else {
        Look::sized(TABLE_TEXT)
    };
    cell(vec![line(text, look, align)], width)
}

/// The columns' names, bold and centred, repeated on each page.
fn header(columns: &[&str], widths: &[usize]) -> TableRow {
    header_row(
        columns
            .iter()
            .zip(widths)
            .map(|(name, &width)| {
                text_cell(name, width, AlignmentType::Center, true)
                    .vertical_align(VAlignType::Center)
            })
            .collect(),
    )
}

/// A row of texts, the first `left` columns left-aligned and the rest centred.
fn row(texts: &[String], widths: &[usize], left: &[usize], bold: bool) -> TableRow {
    TableRow::new(
        texts
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (text, &width))| {
                let align = if left.contains(&i) {
                    AlignmentType::Left
                } else {
                    AlignmentType::Center
                };
                text_cell(text, width, align, bold)
            })
            .collect(),
    )
}

fn grid_cells(name: &str, grid: &StatusGrid) -> Vec<String> {
    let mut cells = vec![name.to_string()];
    cells.extend(grid.columns().iter().map(usize::to_string));
    cells
}

/// A row naming the rows below it, across the whole table.
fn group_row(name: &str) -> TableRow {
    let width = GRID.iter().sum();
    TableRow::new(vec![
        text_cell(name, width, AlignmentType::Left, true).grid_span(GRID.len()),
    ])
}

/// Annex I: the grid by area, then by lead unit, then the total.
fn grid(input: &ReportInput<'_>, words: &ReportWords) -> Table {
    let report = input.report;
    let mut rows = vec![header(&words.grid_columns, &GRID), group_row(words.by_area)];
    for (code, grid) in &report.figures.by_area {
        let name = report
            .areas
            .iter()
            .find(|a| a.area == *code)
            .map_or_else(|| code.to_string(), |a| format!("{code}. {}", a.name));
        rows.push(row(&grid_cells(&name, grid), &GRID, &[0], false));
    }
    rows.push(group_row(words.by_unit));
    for (code, grid) in &report.figures.by_unit {
        let name = report
            .units
            .iter()
            .find(|(c, _)| c == code)
            .map_or(code.as_str(), |(_, name)| name.as_str());
        rows.push(row(&grid_cells(name, grid), &GRID, &[0], false));
    }
    rows.push(row(
        &grid_cells(words.total_row, &report.figures.all),
        &GRID,
        &[0],
        true,
    ));
    fixed(Table::new(rows), &GRID)
}

fn date_text(day: Option<chrono::NaiveDate>) -> String {
    day.map(format_date).unwrap_or_default()
}

fn task_cells(
    number: usize,
    task: &ReportTask,
    words: &ReportWords,
    input: &ReportInput<'_>,
) -> Vec<String> {
    let evidence = if task.evidence.is_empty() {
        if task.status == Status::Done {
            words.evidence_none.to_string()
        } else {
            String::new()
        }
    } else {
        i18n::evidence_list(&task.evidence, input.lang)
    };
    vec![
        number.to_string(),
        task.key.to_string(),
        task.title.clone(),
        task.lead.clone(),
        date_text(task.due),
        i18n::class_label(task.class, input.lang),
        format!("{}", task.progress),
        date_text(task.completed_on),
        evidence,
    ]
}

/// Annex II: every task the period reviews. A large plan's rows are
/// written from one template row (see [`spliced`](super::spliced)); the
/// table holds a stand-in row for them until then.
fn tasks(input: &ReportInput<'_>, words: &ReportWords) -> (Table, Option<Splice>) {
    let marks: Vec<String> = (0..TASKS.len()).map(cell_mark).collect();
    let header = header(&words.task_columns, &TASKS);
    let Some(template) = RowTemplate::new(task_row(&marks), TASKS.len()) else {
        let mut rows = vec![header];
        rows.extend(
            input
                .report
                .tasks
                .iter()
                .enumerate()
                .map(|(i, task)| task_row(&task_cells(i + 1, task, words, input))),
        );
        return (fixed(Table::new(rows), &TASKS), None);
    };
    let mut rows = String::with_capacity(input.report.tasks.len() * 2048);
    for (i, task) in input.report.tasks.iter().enumerate() {
        template.render(&task_cells(i + 1, task, words, input), &mut rows);
    }
    let mark = stand_in_mark("annex-tasks");
    let stand_in = task_row(std::slice::from_ref(&mark));
    let table = fixed(Table::new(vec![header, stand_in]), &TASKS);
    (table, Some(Splice { mark, rows }))
}

fn task_row(texts: &[String]) -> TableRow {
    row(texts, &TASKS, &[2, 8], false)
}

fn target_cells(number: usize, target: &ReportTarget, input: &ReportInput<'_>) -> Vec<String> {
    let lang = input.lang;
    let (latest, measured_on) = target.latest.map_or_else(
        || (String::new(), String::new()),
        |(on, value)| (i18n::target_value(target, value, lang), format_date(on)),
    );
    vec![
        number.to_string(),
        target.id.clone(),
        target.title.clone(),
        i18n::target_goal(target, lang),
        latest,
        measured_on,
        date_text(target.due),
        format!(
            "{} {}",
            i18n::verdict_symbol(target.verdict),
            i18n::verdict_label(target.verdict, lang)
        ),
    ]
}

/// Annex III: every target, its goal, latest result and verdict.
fn targets(input: &ReportInput<'_>, words: &ReportWords) -> Table {
    let mut rows = vec![header(&words.target_columns, &TARGETS)];
    rows.extend(
        input
            .report
            .targets
            .iter()
            .enumerate()
            .map(|(i, target)| row(&target_cells(i + 1, target, input), &TARGETS, &[2], false)),
    );
    fixed(Table::new(rows), &TARGETS)
}
