//! The rows below the headings, one at a time: blank rows, the row that
//! numbers the columns, section rows, and tasks.

use std::collections::HashMap;

use super::heading::Heading;
use super::{Cell, Column, ColumnAt, PlanTerms, Problem, Reason, SheetTask, deadline, section};
use crate::domain::date::format_date;
use crate::domain::error::TextField;
use crate::domain::office::{MAX_TITLE_CHARS, TaskDraft};
use crate::domain::text::{fold, validate_text};
use crate::domain::unit_names::{Written, classify};
use crate::domain::{Cadence, InputError};

/// What makes two rows the same task.
type TaskKey = (String, u8, String, Option<chrono::NaiveDate>, Cadence);

/// Reads rows in order, keeping the area of the last section row.
pub struct Reader<'a> {
    heading: &'a Heading,
    terms: &'a PlanTerms<'a>,
    area: Option<u8>,
    tasks: Vec<SheetTask>,
    problems: Vec<Problem>,
    seen: HashMap<TaskKey, u32>,
}

/// The cells of one row, by what their column holds.
struct Row<'r> {
    number: u32,
    cells: &'r [Cell],
    heading: &'r Heading,
}

impl Row<'_> {
    fn cell(&self, column: Column) -> &Cell {
        self.heading
            .position(column)
            .and_then(|at| self.cells.get(at))
            .unwrap_or(&Cell::Empty)
    }

    fn text(&self, column: Column) -> String {
        text_of(self.cell(column))
    }

    fn problem(&self, column: Column, reason: Reason) -> Problem {
        Problem {
            row: self.number,
            column: self.heading.position(column).map(|position| ColumnAt {
                kind: column,
                position,
            }),
            reason,
        }
    }
}

impl<'a> Reader<'a> {
    pub fn new(heading: &'a Heading, terms: &'a PlanTerms<'a>) -> Reader<'a> {
        Reader {
            heading,
            terms,
            area: None,
            tasks: Vec::new(),
            problems: Vec::new(),
            seen: HashMap::new(),
        }
    }

    pub fn finish(self) -> (Vec<SheetTask>, Vec<Problem>) {
        (self.tasks, self.problems)
    }

    pub fn read(&mut self, number: u32, cells: &[Cell]) {
        let row = Row {
            number,
            cells,
            heading: self.heading,
        };
        let units_or_deadline = [Column::Lead, Column::Coordinators, Column::Deadline]
            .iter()
            .any(|c| !row.text(*c).is_empty());
        if !units_or_deadline && self.section(&row) {
            return;
        }
        if numbers_the_columns(cells) {
            return;
        }
        self.task(&row);
    }

    /// Takes a row with no units or deadline as a section (or a blank row);
    /// false when it is neither.
    fn section(&mut self, row: &Row) -> bool {
        let (number, content) = (row.text(Column::Number), row.text(Column::Content));
        if let Some(label) = section::label(&number, &content) {
            if label.trim().is_empty() {
                return true;
            }
            match section::area_named(self.terms.areas, &label) {
                Some(area) => self.area = Some(area.code),
                None => self
                    .problems
                    .push(row.problem(Column::Content, Reason::UnknownSection { written: label })),
            }
            return true;
        }
        if content.is_empty() {
            return true;
        }
        match section::area_starting(self.terms.areas, &content) {
            Some(area) => {
                self.area = Some(area.code);
                true
            }
            None => false,
        }
    }

    fn task(&mut self, row: &Row) {
        let mut problems = Vec::new();
        let title = title(row).map_err(|p| problems.push(p)).ok();
        let lead = self.lead(row).map_err(|p| problems.extend(p)).ok();
        let coordinators = self.coordinators(row, lead.as_deref(), &mut problems);
        let deadline = self.deadline(row).map_err(|p| problems.push(p)).ok();
        let area = self.area.or(self.terms.default_area);
        if area.is_none() {
            problems.push(Problem {
                row: row.number,
                column: None,
                reason: Reason::NoArea,
            });
        }
        let (Some(title), Some(lead), Some(deadline), Some(area), true) =
            (title, lead, deadline, area, problems.is_empty())
        else {
            self.problems.extend(problems);
            return;
        };
        let draft = TaskDraft {
            title,
            area,
            lead,
            coordinators,
            cadence: deadline.cadence,
            due: deadline.due,
            source: None,
            parent: None,
        };
        self.take(row.number, draft);
    }

    fn take(&mut self, row: u32, draft: TaskDraft) {
        let key = (
            fold(&draft.title),
            draft.area,
            draft.lead.clone(),
            draft.due,
            draft.cadence,
        );
        if let Some(&of_row) = self.seen.get(&key) {
            self.problems.push(Problem {
                row,
                column: None,
                reason: Reason::Duplicate { of_row },
            });
            return;
        }
        self.seen.insert(key, row);
        self.tasks.push(SheetTask { row, draft });
    }

    fn lead(&self, row: &Row) -> Result<String, Vec<Problem>> {
        let written = row.text(Column::Lead);
        let named = names(self.terms, &written);
        let unknown = unknown_problems(row, Column::Lead, &named);
        if !unknown.is_empty() {
            return Err(unknown);
        }
        let mut codes = unit_codes(&named);
        codes.sort_unstable();
        codes.dedup();
        let refuse = |reason| Err(vec![row.problem(Column::Lead, reason)]);
        match codes.as_slice() {
            [one] => Ok(one.clone()),
            [] if named.is_empty() => refuse(Reason::NoLead),
            [] => refuse(Reason::VagueLead { written }),
            _ => refuse(Reason::SeveralLeads { written }),
        }
    }

    fn coordinators(
        &self,
        row: &Row,
        lead: Option<&str>,
        problems: &mut Vec<Problem>,
    ) -> Vec<String> {
        let named = names(self.terms, &row.text(Column::Coordinators));
        problems.extend(unknown_problems(row, Column::Coordinators, &named));
        let mut codes: Vec<String> = Vec::new();
        for code in unit_codes(&named) {
            if Some(code.as_str()) != lead && !codes.contains(&code) {
                codes.push(code);
            }
        }
        codes
    }

    fn deadline(&self, row: &Row) -> Result<deadline::Deadline, Problem> {
        let cell = row.cell(Column::Deadline);
        deadline::read(cell, self.terms.info).map_err(|problem| {
            let reason = match problem {
                deadline::DeadlineProblem::Unreadable => Reason::BadDeadline {
                    written: text_of(cell),
                },
                deadline::DeadlineProblem::OutsidePlan {
                    date,
                    first_year,
                    last_year,
                } => Reason::DeadlineOutsidePlan {
                    date,
                    first_year,
                    last_year,
                },
            };
            row.problem(Column::Deadline, reason)
        })
    }
}

/// The content as a title: in NFC, its white space (line breaks of a
/// wrapped cell too) one space, checked as every stored text is.
fn title(row: &Row) -> Result<String, Problem> {
    let written = row.text(Column::Content);
    let collapsed = written.split_whitespace().collect::<Vec<_>>().join(" ");
    let field = TextField::TaskTitle;
    validate_text(&collapsed, field, MAX_TITLE_CHARS, false).map_err(|e| {
        let reason = match e {
            InputError::TextTooLong { chars, max, .. } => Reason::TitleTooLong { chars, max },
            InputError::ControlCharacters(_) => Reason::TitleControl,
            _ => Reason::NoContent,
        };
        row.problem(Column::Content, reason)
    })
}

/// What one piece of a unit cell names.
enum Named {
    Unit(String),
    Vague,
    Unknown(String),
}

/// The names in a unit cell, separated by ",", ";", "/" or line breaks. A
/// separator may also fall inside a name ("Văn phòng HĐND, UBND", "các
/// phòng, ban"): the longest run of pieces that names something is taken.
fn names(terms: &PlanTerms, written: &str) -> Vec<Named> {
    let pieces: Vec<&str> = written
        .split([',', ';', '/', '\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut named = Vec::new();
    let mut at = 0;
    while at < pieces.len() {
        let longest = (at + 1..=pieces.len()).rev().find_map(|end| {
            match classify(terms.units, &pieces[at..end].join(", ")) {
                Written::Unit(unit) => Some((end, Named::Unit(unit.code.clone()))),
                Written::Vague => Some((end, Named::Vague)),
                Written::Unknown => None,
            }
        });
        match longest {
            Some((end, found)) => {
                named.push(found);
                at = end;
            }
            None => {
                named.extend(joined_by_va(terms, pieces[at]));
                at += 1;
            }
        }
    }
    named
}

/// "Phòng VHXH và Phòng Kinh tế": units joined by "và", taken only when
/// every part is one.
fn joined_by_va(terms: &PlanTerms, piece: &str) -> Vec<Named> {
    let parts: Vec<&str> = piece.split(" và ").map(str::trim).collect();
    let units: Option<Vec<Named>> = parts
        .iter()
        .map(|part| match classify(terms.units, part) {
            Written::Unit(unit) => Some(Named::Unit(unit.code.clone())),
            _ => None,
        })
        .collect();
    match units {
        Some(units) if parts.len() > 1 => units,
        _ => vec![Named::Unknown(piece.to_string())],
    }
}

fn unit_codes(named: &[Named]) -> Vec<String> {
    named
        .iter()
        .filter_map(|n| match n {
            Named::Unit(code) => Some(code.clone()),
            _ => None,
        })
        .collect()
}

fn unknown_problems(row: &Row, column: Column, named: &[Named]) -> Vec<Problem> {
    named
        .iter()
        .filter_map(|n| match n {
            Named::Unknown(written) => Some(row.problem(
                column,
                Reason::UnknownUnit {
                    written: written.clone(),
                },
            )),
            _ => None,
        })
        .collect()
}

/// A cell as text: numbers as written ("3", "2,5" stays "2.5"), dates as
/// dd/mm/yyyy.
fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) => text.trim().to_string(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::Date(date) => format_date(*date),
    }
}

/// The row under the headings that numbers them: "(1)", "(2)", … or 1, 2, ….
/// A spreadsheet program takes a typed "(1)" for the accountant's -1.
fn numbers_the_columns(cells: &[Cell]) -> bool {
    let texts: Vec<String> = cells
        .iter()
        .map(text_of)
        .filter(|t| !t.is_empty())
        .collect();
    texts.len() >= 3
        && texts.iter().all(|t| {
            let core = t.trim_start_matches(['(', '-']).trim_end_matches(')');
            !core.is_empty() && core.len() <= 2 && core.bytes().all(|b| b.is_ascii_digit())
        })
}
