//! The report's three annexes as tables of typed cells, the one source of
//! every writer's annexes (Word, workbook, CSV, Markdown): a count stays a
//! number and a date a date until a writer puts it in its own form.

use chrono::NaiveDate;

use super::ReportInput;
use crate::app::StatusGrid;
use crate::app::report::{ReportTarget, ReportTask};
use crate::domain::Status;
use crate::domain::date::format_date;
use crate::domain::text::sanitize_line;
use crate::i18n::{self, Lang, ReportWords};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// Text that may run long (a title, the documents): wrapped in its column.
    Long(String),
    Count(usize),
    Date(NaiveDate),
    /// A share in percent (87.5).
    Percent(f64),
    Empty,
}

impl Cell {
    /// As written for `lang`: a decimal comma in Vietnamese.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            Cell::Text(text) | Cell::Long(text) => text.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Percent(x) => format!("{}%", i18n::decimal(*x, lang)),
            Cell::Date(d) => format_date(*d),
            Cell::Empty => String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Plain,
    /// Names the rows below it, in its first cell.
    Group,
    /// Sums the rows above it.
    Total,
}

pub struct Row {
    pub cells: Vec<Cell>,
    pub kind: RowKind,
}

impl Row {
    fn plain(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            kind: RowKind::Plain,
        }
    }

    /// Its cells as text, as many as the table has columns.
    pub fn texts(&self, columns: usize, lang: Lang) -> Vec<String> {
        let mut texts: Vec<String> = self.cells.iter().map(|c| c.text_in(lang)).collect();
        texts.resize(columns.max(texts.len()), String::new());
        texts
    }
}

pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// Phụ lục I: the status grid by area, then by lead unit, then the total.
pub fn grid(input: &ReportInput<'_>) -> Table {
    let report = input.report;
    let w = i18n::report_words(input.lang);
    let figures = &report.figures;
    let group = |name: &str| Row {
        cells: vec![Cell::Text(name.to_string())],
        kind: RowKind::Group,
    };
    let mut rows = vec![group(w.by_area)];
    for (code, grid) in &figures.by_area {
        let name = report
            .areas
            .iter()
            .find(|a| a.area == *code)
            .map_or_else(|| code.to_string(), |a| format!("{code}. {}", a.name));
        rows.push(grid_row(&name, grid, RowKind::Plain));
    }
    rows.push(group(w.by_unit));
    for (code, grid) in &figures.by_unit {
        let name = report
            .units
            .iter()
            .find(|(c, _)| c == code)
            .map_or(code.as_str(), |(_, name)| name.as_str());
        rows.push(grid_row(name, grid, RowKind::Plain));
    }
    rows.push(grid_row(w.total_row, &figures.all, RowKind::Total));
    Table {
        header: w.grid_columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

fn grid_row(name: &str, grid: &StatusGrid, kind: RowKind) -> Row {
    let mut cells = vec![Cell::Text(sanitize_line(name).into_owned())];
    cells.extend(grid.columns().map(Cell::Count));
    Row { cells, kind }
}

/// Phụ lục II: every occurrence the period reviews.
pub fn tasks(input: &ReportInput<'_>) -> Table {
    let w = i18n::report_words(input.lang);
    let rows = input
        .report
        .tasks
        .iter()
        .enumerate()
        .map(|(i, task)| Row::plain(task_cells(i + 1, task, &w, input.lang)))
        .collect();
    Table {
        header: w.task_columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

/// One task's cells: no., key, title, lead, due, state, progress, done on,
/// documents ("chưa có" for work done without any).
pub fn task_cells(number: usize, task: &ReportTask, w: &ReportWords, lang: Lang) -> Vec<Cell> {
    let evidence = if task.evidence.is_empty() && task.status == Status::Done {
        w.evidence_none.to_string()
    } else {
        i18n::evidence_list(&task.evidence, lang)
    };
    vec![
        Cell::Count(number),
        Cell::Text(task.key.to_string()),
        Cell::Long(sanitize_line(&task.title).into_owned()),
        Cell::Text(match &task.assignee {
            Some(name) => format!("{} ({})", task.lead, sanitize_line(name)),
            None => task.lead.clone(),
        }),
        task.due.map_or(Cell::Empty, Cell::Date),
        Cell::Text(match task.moved_from {
            Some(first) => format!(
                "{}; {}",
                i18n::class_label(task.class, lang),
                i18n::moved_note(first, lang)
            ),
            None => i18n::class_label(task.class, lang),
        }),
        Cell::Count(usize::from(task.progress)),
        task.completed_on.map_or(Cell::Empty, Cell::Date),
        Cell::Long(sanitize_line(&evidence).into_owned()),
    ]
}

/// Phụ lục III: every target, its latest result by the period's day and its
/// verdict.
pub fn targets(input: &ReportInput<'_>) -> Table {
    let lang = input.lang;
    let w = i18n::report_words(lang);
    let rows = input
        .report
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Row::plain(vec![
                Cell::Count(i + 1),
                Cell::Text(t.id.clone()),
                Cell::Long(sanitize_line(&t.title).into_owned()),
                Cell::Text(i18n::target_goal(t, lang)),
                t.latest
                    .map_or(Cell::Empty, |(_, value)| result_cell(t, value, lang)),
                t.latest.map_or(Cell::Empty, |(on, _)| Cell::Date(on)),
                t.due.map_or(Cell::Empty, Cell::Date),
                Cell::Text(format!(
                    "{} {}",
                    i18n::verdict_symbol(t.verdict),
                    i18n::verdict_label(t.verdict, lang)
                )),
            ])
        })
        .collect();
    Table {
        header: w.target_columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

/// A result in its unit: a percentage, or "đạt" for a qualitative aim.
fn result_cell(target: &ReportTarget, value: f64, lang: Lang) -> Cell {
    if target.unit.starts_with('%') && !target.qualitative {
        Cell::Percent(value)
    } else {
        Cell::Text(i18n::target_value(target, value, lang))
    }
}
