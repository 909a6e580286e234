//! The report's three annexes as tables of typed cells, the one source of
//! the Markdown tables and the CSV files: a count stays a number and a date
//! a date until a writer puts it in its own form.

use chrono::NaiveDate;

use super::ReportInput;
use crate::app::StatusGrid;
use crate::domain::date::format_date;
use crate::domain::text::sanitize_line;
use crate::i18n::{self, Lang};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(usize),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    /// As written for `lang`: a decimal comma in Vietnamese.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Number(x) => i18n::decimal(*x, lang),
            Cell::Date(d) => format_date(*d),
            Cell::Empty => String::new(),
        }
    }
}

pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Phụ lục I: the status grid by area, then by lead unit, each with its total.
pub fn grid(input: &ReportInput<'_>) -> Table {
    let (report, lang) = (input.report, input.lang);
    let w = i18n::report_words(lang);
    let figures = &report.figures;
    let mut rows = vec![heading_row(w.by_area)];
    for part in &report.areas {
        let grid = figures.by_area.get(&part.area).copied().unwrap_or_default();
        rows.push(grid_row(format!("{}. {}", part.area, part.name), &grid));
    }
    rows.push(grid_row(w.total_row.to_string(), &figures.all));
    rows.push(heading_row(w.by_unit));
    for (code, grid) in &figures.by_unit {
        let name = report
            .units
            .iter()
            .find(|(c, _)| c == code)
            .map_or(code.as_str(), |(_, name)| name.as_str());
        rows.push(grid_row(format!("{code} · {name}"), grid));
    }
    rows.push(grid_row(w.total_row.to_string(), &figures.all));
    Table {
        header: w.grid_columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

fn heading_row(title: &str) -> Vec<Cell> {
    let mut row = vec![Cell::Text(title.to_string())];
    row.resize(7, Cell::Empty);
    row
}

fn grid_row(name: String, grid: &StatusGrid) -> Vec<Cell> {
    let mut row = vec![Cell::Text(sanitize_line(&name).into_owned())];
    row.extend(grid.columns().map(Cell::Count));
    row
}

/// Phụ lục II: every occurrence the period reviews.
pub fn tasks(input: &ReportInput<'_>) -> Table {
    let lang = input.lang;
    let w = i18n::report_words(lang);
    let rows = input
        .report
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let evidence: Vec<String> = t
                .evidence
                .iter()
                .map(|d| sanitize_line(&i18n::evidence_text(d, lang)).into_owned())
                .collect();
            vec![
                Cell::Count(i + 1),
                Cell::Text(t.key.to_string()),
                Cell::Text(sanitize_line(&t.title).into_owned()),
                Cell::Text(t.lead.clone()),
                t.due.map_or(Cell::Empty, Cell::Date),
                Cell::Text(i18n::class_label(t.class, lang)),
                Cell::Count(usize::from(t.progress)),
                t.completed_on.map_or(Cell::Empty, Cell::Date),
                Cell::Text(evidence.join("; ")),
            ]
        })
        .collect();
    Table {
        header: w.task_columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
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
            vec![
                Cell::Count(i + 1),
                Cell::Text(t.id.clone()),
                Cell::Text(sanitize_line(&t.title).into_owned()),
                Cell::Text(i18n::target_goal(t, lang)),
                t.latest
                    .map_or(Cell::Empty, |(_, value)| Cell::Number(value)),
                t.latest.map_or(Cell::Empty, |(on, _)| Cell::Date(on)),
                t.due.map_or(Cell::Empty, Cell::Date),
                Cell::Text(format!(
                    "{} {}",
                    i18n::verdict_symbol(t.verdict),
                    i18n::verdict_label(t.verdict, lang)
                )),
            ]
        })
        .collect();
    Table {
        header: w.target_columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}
