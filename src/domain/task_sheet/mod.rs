//! A plan's task list as the office keeps it in a spreadsheet (the layout of
//! a Vietnamese plan's annex: STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Đơn vị
//! phối hợp, Thời gian hoàn thành, Sản phẩm / Ghi chú), read into drafts of
//! tasks. Pure: the cells come in already read, and every row is checked
//! before anything is returned, so a file is taken whole or not at all.

mod deadline;
mod heading;
mod row;
mod section;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use super::catalog::{Area, PlanInfo, Unit};
use super::office::TaskDraft;

pub use deadline::{Deadline, DeadlineProblem};

/// One cell as a spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

/// What a column of the annex holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// STT: a task's number, or a section's (I, II, A…).
    Number,
    Content,
    Lead,
    Coordinators,
    Deadline,
    /// "Sản phẩm / Ghi chú": read by people, not kept.
    Product,
}

/// The plan's words a sheet is read against.
#[derive(Debug, Clone, Copy)]
pub struct PlanTerms<'a> {
    pub units: &'a [Unit],
    pub areas: &'a [Area],
    pub info: &'a PlanInfo,
    /// The area of tasks above any section row.
    pub default_area: Option<u8>,
}

/// A task read from a row, with the row's number as the spreadsheet shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetTask {
    pub row: u32,
    pub draft: TaskDraft,
}

/// Where a problem is: the row as the spreadsheet numbers it (from 1), and
/// the column, when one is to blame.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub row: u32,
    pub column: Option<ColumnAt>,
    pub reason: Reason,
}

/// A column by its kind and its position (0 is A).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnAt {
    pub kind: Column,
    pub position: usize,
}

impl ColumnAt {
    /// The column's letters as a spreadsheet shows them: A, B, …, Z, AA.
    pub fn letters(&self) -> String {
        let mut letters = Vec::new();
        let mut n = self.position + 1;
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(char::from(b'A' + rem as u8));
            n = (n - 1) / 26;
        }
        letters.iter().rev().collect()
    }
}

/// Why a row is refused. `written` is the cell's text as found.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A row with units or a deadline but no content.
    NoContent,
    TitleTooLong {
        chars: usize,
        max: usize,
    },
    /// Control characters (escapes, bidi overrides) in the content.
    TitleControl,
    /// Content with no lead unit.
    NoLead,
    /// A name in a unit column that is no unit of the plan.
    UnknownUnit {
        written: String,
    },
    /// "Các đơn vị liên quan" as the lead: the lead is one unit.
    VagueLead {
        written: String,
    },
    /// More than one unit in the lead column.
    SeveralLeads {
        written: String,
    },
    BadDeadline {
        written: String,
    },
    DeadlineOutsidePlan {
        date: NaiveDate,
        first_year: i32,
        last_year: i32,
    },
    /// A section row ("VII. NHIỆM VỤ KHÁC") that names no area of the plan.
    UnknownSection {
        written: String,
    },
    /// A task above every section row, and no default area given.
    NoArea,
    /// The same task (title, area, lead, deadline) as an earlier row.
    Duplicate {
        of_row: u32,
    },
}

/// Why nothing of a sheet can be taken.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// No row of the first ten names the content and the lead unit.
    NoHeading,
    /// Headings, but no task below them.
    NoTasks,
    /// Every problem found, in row order.
    Problems(Vec<Problem>),
}

/// The tasks of `grid` (row 0 is the spreadsheet's row 1, column 0 its
/// column A), or every reason why they cannot be taken.
pub fn read_tasks(grid: &[Vec<Cell>], terms: &PlanTerms) -> Result<Vec<SheetTask>, Refusal> {
    let heading = heading::find(grid).ok_or(Refusal::NoHeading)?;
    let mut reader = row::Reader::new(&heading, terms);
    for (index, cells) in grid.iter().enumerate().skip(heading.first_data_row) {
        reader.read(row_number(index), cells);
    }
    let (tasks, problems) = reader.finish();
    if !problems.is_empty() {
        return Err(Refusal::Problems(problems));
    }
    if tasks.is_empty() {
        return Err(Refusal::NoTasks);
    }
    Ok(tasks)
}

fn row_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}
