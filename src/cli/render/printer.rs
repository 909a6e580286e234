//! The one printer of the command line: any slice of records as a table, as
//! TSV or as JSON. Every cell passes `sanitize_line` here, and JSON
//! `escape_json_controls`, so a command only says what its record holds.

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::super::args::Format;
use crate::domain::text::{escape_json_controls, fit_width, sanitize_line};
use crate::i18n::Lang;

/// One row of a command's output, built once from the application's data.
/// Its serialized form is the command's JSON; its cells, the table and TSV.
pub trait Record: serde::Serialize {
    /// Whether the table opens with a row of headings.
    const HEADINGS: bool = true;
    /// The TSV's first line.
    const TSV: &'static [&'static str];
    /// The table's columns, headed in `lang`.
    fn columns(lang: Lang) -> Vec<Column>;
    /// The table's cells, one per column.
    fn cells(&self) -> Vec<String>;
    /// The TSV's cells, one per name in [`Record::TSV`].
    fn tsv(&self) -> Vec<String>;
}

/// How wide a table column is, in display columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    Fixed(usize),
    /// As wide as its widest cell or heading.
    Widest,
    /// What the terminal leaves to it once the others have theirs, at least `min`.
    Rest {
        min: usize,
    },
    /// Printed as it is, neither cut nor padded; `room` is what the other
    /// columns leave for it.
    Free {
        room: usize,
    },
}

/// A table column: what goes before it on the line, its heading and width.
#[derive(Debug, Clone)]
pub struct Column {
    pub before: &'static str,
    pub heading: String,
    pub width: Width,
}

impl Column {
    /// The first column of a line.
    pub fn first(heading: &str, width: Width) -> Column {
        Column::after("", heading, width)
    }

    /// A column after another, one space apart.
    pub fn next(heading: &str, width: Width) -> Column {
        Column::after(" ", heading, width)
    }

    pub fn after(before: &'static str, heading: &str, width: Width) -> Column {
        Column {
            before,
            heading: heading.to_string(),
            width,
        }
    }
}

/// What a table says around its rows.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    /// Said instead of the table when there is no row.
    pub empty: Option<String>,
    /// Lines above the table.
    pub above: Vec<String>,
    /// Lines below it.
    pub below: Vec<String>,
}

/// `records` in `format`; `frame` only matters to the table.
pub fn print<R: Record>(
    out: &mut impl Write,
    records: &[R],
    format: Format,
    lang: Lang,
    frame: &Frame,
) {
    match format {
        Format::Table => table(out, records, lang, frame),
        Format::Tsv => tsv(out, records),
        Format::Json => print_json(out, &records),
    }
}

/// JSON on standard output, never with raw terminal controls in it.
pub fn print_json(out: &mut impl Write, value: &impl serde::Serialize) {
    let json = serde_json::to_string(value).unwrap_or_default();
    let _ = writeln!(out, "{}", escape_json_controls(json));
}

pub fn tsv<R: Record>(out: &mut impl Write, records: &[R]) {
    let _ = writeln!(out, "{}", R::TSV.join("\t"));
    for record in records {
        let cells: Vec<String> = record
            .tsv()
            .iter()
            .map(|c| sanitize_line(c).into_owned())
            .collect();
        let _ = writeln!(out, "{}", cells.join("\t"));
    }
}

pub fn table<R: Record>(out: &mut impl Write, records: &[R], lang: Lang, frame: &Frame) {
    if records.is_empty()
        && let Some(empty) = &frame.empty
    {
        let _ = writeln!(out, "{empty}");
        return;
    }
    for line in &frame.above {
        let _ = writeln!(out, "{line}");
    }
    let columns = R::columns(lang);
    let rows: Vec<Vec<String>> = records.iter().map(Record::cells).collect();
    let widths = widths(&columns, &rows, table_width());
    if R::HEADINGS {
        let headings: Vec<String> = columns.iter().map(|c| c.heading.clone()).collect();
        line(out, &columns, &widths, &headings);
    }
    for row in &rows {
        line(out, &columns, &widths, row);
    }
    for line in &frame.below {
        let _ = writeln!(out, "{line}");
    }
}

/// Each column's width in a table `total` columns wide; `None` for a free one.
fn widths(columns: &[Column], rows: &[Vec<String>], total: usize) -> Vec<Option<usize>> {
    let mut widths: Vec<Option<usize>> = columns
        .iter()
        .enumerate()
        .map(|(i, column)| match column.width {
            Width::Fixed(w) => Some(w),
            Width::Widest => Some(
                rows.iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| sanitize_line(c).width())
                    .chain([column.heading.width()])
                    .max()
                    .unwrap_or_default(),
            ),
            Width::Rest { .. } | Width::Free { .. } => None,
        })
        .collect();
    let taken: usize = columns
        .iter()
        .zip(&widths)
        .map(|(column, width)| {
            let room = match column.width {
                Width::Free { room } => room,
                _ => width.unwrap_or_default(),
            };
            room + column.before.width()
        })
        .sum();
    for (column, width) in columns.iter().zip(widths.iter_mut()) {
        if let Width::Rest { min } = column.width {
            *width = Some(total.saturating_sub(taken).max(min));
        }
    }
    widths
}

fn line(out: &mut impl Write, columns: &[Column], widths: &[Option<usize>], cells: &[String]) {
    let mut text = String::new();
    for ((column, width), cell) in columns.iter().zip(widths).zip(cells) {
        text.push_str(column.before);
        let cell = sanitize_line(cell);
        match width {
            Some(w) => text.push_str(&fit_width(&cell, *w)),
            None => text.push_str(&cell),
        }
    }
    let _ = writeln!(out, "{text}");
}

/// Width of a table when standard output is not a terminal.
const PIPE_WIDTH: usize = 120;

fn table_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(PIPE_WIDTH, |(w, _)| usize::from(w).max(60))
    } else {
        PIPE_WIDTH
    }
}

/// Sanitised, cut and padded to `width` display columns.
pub fn fit(text: &str, width: usize) -> String {
    fit_width(&sanitize_line(text), width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Row {
        id: &'static str,
        title: &'static str,
        done: u8,
    }

    impl Record for Row {
        const TSV: &'static [&'static str] = &["id", "title", "done"];

        fn columns(_: Lang) -> Vec<Column> {
            vec![
                Column::first("Mã", Width::Widest),
                Column::next("Việc", Width::Fixed(6)),
                Column::after(" — ", "Xong", Width::Free { room: 4 }),
            ]
        }

        fn cells(&self) -> Vec<String> {
            vec![self.id.into(), self.title.into(), format!("{}%", self.done)]
        }

        fn tsv(&self) -> Vec<String> {
            vec![self.id.into(), self.title.into(), self.done.to_string()]
        }
    }

    const ROWS: [Row; 2] = [
        Row {
            id: "0.10",
            title: "Họp\tgiao ban dài",
            done: 5,
        },
        Row {
            id: "1",
            title: "X\u{1b}[2J",
            done: 100,
        },
    ];

    fn printed(format: Format, records: &[Row], frame: &Frame) -> String {
        let mut out = Vec::new();
        print(&mut out, records, format, Lang::Vi, frame);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn a_table_fits_sanitizes_and_leaves_free_columns_alone() {
        let frame = Frame {
            empty: Some("trống".into()),
            above: vec!["trên".into()],
            below: vec!["dưới".into()],
        };
        assert_eq!(
            printed(Format::Table, &ROWS, &frame),
            "trên\nMã   Việc   — Xong\n0.10 Họp g… — 5%\n1    X\u{fffd}[2J  — 100%\ndưới\n"
        );
        assert_eq!(printed(Format::Table, &[], &frame), "trống\n");
    }

    #[test]
    fn tsv_and_json_carry_every_record() {
        let frame = Frame::default();
        assert_eq!(
            printed(Format::Tsv, &ROWS, &frame),
            "id\ttitle\tdone\n0.10\tHọp giao ban dài\t5\n1\tX\u{fffd}[2J\t100\n"
        );
        assert_eq!(
            printed(Format::Json, &ROWS[1..], &frame),
            "[{\"id\":\"1\",\"title\":\"X\\u001b[2J\",\"done\":100}]\n"
        );
    }

    #[test]
    fn the_rest_column_takes_what_the_others_leave() {
        let columns = vec![
            Column::first("a", Width::Fixed(10)),
            Column::next("b", Width::Rest { min: 20 }),
            Column::next("c", Width::Free { room: 9 }),
        ];
        assert_eq!(
            widths(&columns, &[], 120),
            vec![Some(10), Some(120 - 21), None]
        );
        assert_eq!(widths(&columns, &[], 30)[1], Some(20));
    }
}
