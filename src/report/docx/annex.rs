//! The annexes of the Word document, each from a new page: I the status
//! grid by area and by lead unit with its total, II every task the period
//! reviews, III every target and its latest result. Bordered tables whose
//! header row repeats on each page.

use std::io::Write;
use std::sync::Arc;

use docx_rs::{AlignmentType, Table, TableCell, TableRow, VAlignType};

use super::spliced::{ElementTemplate, Splice, cell_mark, stand_in_mark};
use super::{ANNEX_WIDTH, Block, Look, TABLE_TEXT, cell, cell_line, centred, fixed, header_row};
use crate::app::report::ReportTask;
use crate::i18n::{self, Lang, ReportWords};

use super::super::ReportInput;
use super::super::in_order::make_in_order;
use super::super::tables::{self, RowKind};

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
pub(super) fn blocks<'a>(input: &ReportInput<'a>) -> (Vec<Block>, Vec<Splice<'a>>) {
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
    cell(vec![cell_line(text, look, align)], width)
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

/// A row naming the rows below it, across the whole table.
fn group_row(name: &str) -> TableRow {
    let width = GRID.iter().sum();
    TableRow::new(vec![
        text_cell(name, width, AlignmentType::Left, true).grid_span(GRID.len()),
    ])
}

/// Annex I: the grid by area, then by lead unit, then the total.
fn grid(input: &ReportInput<'_>, words: &ReportWords) -> Table {
    let table = tables::grid(input);
    let mut rows = vec![header(&words.grid_columns, &GRID)];
    rows.extend(table.rows.iter().map(|r| match r.kind {
        RowKind::Group => group_row(&r.texts(1, input.lang)[0]),
        kind => row(
            &r.texts(GRID.len(), input.lang),
            &GRID,
            &[0],
            kind == RowKind::Total,
        ),
    }));
    fixed(Table::new(rows), &GRID)
}

/// Annex II: every task the period reviews. A large plan's rows are
/// written from one template row (see [`spliced`](super::spliced)); the
/// table holds a stand-in row for them until then.
fn tasks<'a>(input: &ReportInput<'a>, words: &ReportWords) -> (Table, Option<Splice<'a>>) {
    let marks: Vec<String> = (0..TASKS.len()).map(cell_mark).collect();
    let header = header(&words.task_columns, &TASKS);
    let Some(template) = ElementTemplate::new(&task_row(&marks), TASKS.len()) else {
        let mut rows = vec![header];
        rows.extend(
            input
                .report
                .tasks
                .iter()
                .enumerate()
                .map(|(i, task)| task_row(&task_texts(i + 1, task, words, input.lang))),
        );
        return (fixed(Table::new(rows), &TASKS), None);
    };
    let (tasks, lang, words) = (&input.report.tasks, input.lang, words.clone());
    let rows = move |out: &mut dyn Write| {
        let parts: Vec<(usize, &[Arc<ReportTask>])> = tasks
            .chunks(ROWS_AT_ONCE)
            .enumerate()
            .map(|(i, part)| (i * ROWS_AT_ONCE, part))
            .collect();
        let make = |(first, part): &(usize, &[Arc<ReportTask>])| {
            let mut rows = String::with_capacity(part.len() * 2048);
            for (i, task) in part.iter().enumerate() {
                template.render(&task_texts(first + i + 1, task, &words, lang), &mut rows);
            }
            rows
        };
        make_in_order(&parts, make, |rows| out.write_all(rows.as_bytes()))
    };
    let mark = stand_in_mark("annex-tasks");
    let stand_in = task_row(std::slice::from_ref(&mark));
    let table = fixed(Table::new(vec![header, stand_in]), &TASKS);
    (table, Some(Splice::row(mark, rows)))
}

/// How many of Annex II's rows are made at once, on one thread: some 2 MB.
const ROWS_AT_ONCE: usize = 1000;

fn task_row(texts: &[String]) -> TableRow {
    row(texts, &TASKS, &[2, 8], false)
}

fn task_texts(number: usize, task: &ReportTask, words: &ReportWords, lang: Lang) -> Vec<String> {
    tables::task_cells(number, task, words, lang)
        .iter()
        .map(|cell| cell.text_in(lang))
        .collect()
}

/// Annex III: every target, its goal, latest result and verdict.
fn targets(input: &ReportInput<'_>, words: &ReportWords) -> Table {
    let mut rows = vec![header(&words.target_columns, &TARGETS)];
    rows.extend(
        tables::targets(input)
            .rows
            .iter()
            .map(|r| row(&r.texts(TARGETS.len(), input.lang), &TARGETS, &[2], false)),
    );
    fixed(Table::new(rows), &TARGETS)
}
