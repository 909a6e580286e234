//! The report's annexes as a workbook, a sheet each ("Phụ lục I", "Phụ lục
//! II", "Phụ lục III"), for the office to sort, filter and forward: counts
//! and progress as numbers, dates as dates (dd/mm/yyyy), results in percent
//! as percentages; the header row frozen and repeated on print; A4
//! landscape, one page wide. Uses `rust_xlsxwriter`.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::tables::{self, Cell, RowKind, Table};
use super::{Destination, ReportError, ReportInput};
use crate::i18n;

const FONT: &str = "Times New Roman";
const FONT_SIZE: f64 = 12.0;
/// Rows above the data: the title, the report it belongs to, the columns.
const TITLE_ROW: u32 = 0;
const ATTACHED_ROW: u32 = 1;
const HEADER_ROW: u32 = 2;
/// Paper size 9 is A4.
const A4: u8 = 9;
/// Column widths, in characters, fitted to the longest text between these;
/// long text wraps within the narrower bound.
const NARROWEST: usize = 6;
const WIDEST: usize = 30;
const WIDEST_LONG: usize = 45;
/// Room around a column's text, in characters.
const PADDING: usize = 2;
/// The height of a line of 12 pt text, in points: rows of wrapped text are
/// given their height, as not every program measures it on opening.
const LINE_HEIGHT: f64 = 15.75;

/// Writes the workbook to `out`.
pub fn write(input: &ReportInput<'_>, out: &mut dyn Destination) -> Result<(), ReportError> {
    workbook(input)
        .and_then(|mut book| book.save_to_writer(out))
        .map_err(|e| ReportError(i18n::office_file_failed("xlsx", &e.to_string(), input.lang)))
}

fn workbook(input: &ReportInput<'_>) -> Result<Workbook, XlsxError> {
    let words = i18n::report_words(input.lang);
    let looks = Looks::new();
    let mut book = Workbook::new();
    book.set_zip_compression_level(1);
    // Dated the day it is signed, not the second it is written, so that a
    // closed period's workbook printed again is the same file.
    let signed = rust_xlsxwriter::DocProperties::new().set_creation_datetime(&input.signed_on);
    book.set_properties(&signed);
    let sheets = [
        (words.annex_grid, tables::grid(input)),
        (words.annex_tasks, tables::tasks(input)),
        (words.annex_targets, tables::targets(input)),
    ];
    for (number, (name, sheet)) in sheets.iter().enumerate() {
        let title = i18n::annex_name(number + 1, input.lang);
        let worksheet = book.add_worksheet();
        worksheet.set_name(&title)?;
        let attached = i18n::annex_attached(&input.report.commune, input.signed_on, input.lang);
        write_sheet(
            sheet,
            worksheet,
            &format!("{title}: {name}"),
            &attached,
            &looks,
        )?;
    }
    Ok(book)
}

/// How many characters wide a cell shows, within its bounds.
fn cell_width(cell: &Cell) -> usize {
    match cell {
        Cell::Text(t) => t.chars().count().min(WIDEST),
        Cell::Long(t) => t.chars().count().min(WIDEST_LONG),
        Cell::Count(n) => n.to_string().len(),
        Cell::Date(_) => 10,
        Cell::Percent(_) => 6,
        Cell::Empty => 0,
    }
}

/// How many lines `text` takes wrapped in a column `width` characters
/// wide, word by word. A width counts the digits of the default font; a
/// line of Vietnamese in Times New Roman holds about two fifths more letters.
fn lines(text: &str, width: usize) -> usize {
    let width = width * 7 / 5;
    let mut count = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if used > 0 && used + 1 + length > width {
            count += 1;
            used = length;
        } else {
            used += length + usize::from(used > 0);
        }
    }
    count
}

/// The formats of the cells, plain and bold.
struct Looks {
    title: Format,
    attached: Format,
    header: Format,
    plain: Kinds,
    bold: Kinds,
}

struct Kinds {
    text: Format,
    long: Format,
    count: Format,
    date: Format,
    percent: Format,
}

impl Kinds {
    fn new(base: &Format) -> Kinds {
        Kinds {
            text: base.clone(),
            long: base.clone().set_text_wrap(),
            count: base.clone().set_align(FormatAlign::Center),
            date: base
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("dd/mm/yyyy"),
            percent: base.clone().set_num_format("0.0%"),
        }
    }
}

impl Looks {
    fn new() -> Looks {
        let font = Format::new().set_font_name(FONT).set_font_size(FONT_SIZE);
        let cell = font
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        Looks {
            title: font.clone().set_bold().set_font_size(14),
            attached: font.clone().set_italic(),
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            plain: Kinds::new(&cell),
            bold: Kinds::new(&cell.clone().set_bold()),
        }
    }
}

/// Writes `table` as one annex's sheet.
fn write_sheet(
    table: &Table,
    sheet: &mut Worksheet,
    title: &str,
    attached: &str,
    looks: &Looks,
) -> Result<(), XlsxError> {
    let last = u16::try_from(table.header.len().saturating_sub(1)).unwrap_or(0);
    sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, last, title, &looks.title)?;
    sheet.merge_range(
        ATTACHED_ROW,
        0,
        ATTACHED_ROW,
        last,
        attached,
        &looks.attached,
    )?;
    let widths = widths(table);
    for (col, width) in (0u16..).zip(&widths) {
        sheet.set_column_width(col, (width + PADDING) as f64)?;
    }
    let header_lines = table
        .header
        .iter()
        .zip(&widths)
        .map(|(name, &width)| lines(name, width))
        .max()
        .unwrap_or(1);
    sheet.set_row_height(HEADER_ROW, header_lines as f64 * LINE_HEIGHT)?;
    for (col, name) in (0u16..).zip(&table.header) {
        sheet.write_string_with_format(HEADER_ROW, col, name, &looks.header)?;
    }
    for (at, row) in (HEADER_ROW + 1..).zip(&table.rows) {
        let kinds = if row.kind == RowKind::Plain {
            &looks.plain
        } else {
            &looks.bold
        };
        if row.kind == RowKind::Group {
            let name = match row.cells.first() {
                Some(Cell::Text(t)) => t.as_str(),
                _ => "",
            };
            sheet.merge_range(at, 0, at, last, name, &kinds.text)?;
            continue;
        }
        let mut tallest = 1;
        for ((col, cell), &width) in (0u16..).zip(&row.cells).zip(&widths) {
            write_cell(sheet, at, col, cell, kinds)?;
            if let Cell::Long(text) = cell {
                tallest = tallest.max(lines(text, width));
            }
        }
        if tallest > 1 {
            sheet.set_row_height(at, tallest as f64 * LINE_HEIGHT)?;
        }
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_landscape();
    sheet.set_paper_size(A4);
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Each column as wide as its longest cell (group names aside), within
/// bounds; a header wraps rather than widen its column past its longest
/// word.
fn widths(table: &Table) -> Vec<usize> {
    let mut widths: Vec<usize> = table
        .header
        .iter()
        .map(|name| {
            name.split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in table.rows.iter().filter(|r| r.kind != RowKind::Group) {
        for (width, cell) in widths.iter_mut().zip(&row.cells) {
            *width = (*width).max(cell_width(cell));
        }
    }
    widths.into_iter().map(|w| w.max(NARROWEST)).collect()
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    kinds: &Kinds,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(t) => sheet.write_string_with_format(row, col, t, &kinds.text)?,
        Cell::Long(t) => sheet.write_string_with_format(row, col, t, &kinds.long)?,
        Cell::Count(n) => sheet.write_number_with_format(row, col, *n as f64, &kinds.count)?,
        Cell::Date(day) => sheet.write_datetime_with_format(row, col, day, &kinds.date)?,
        Cell::Empty => sheet.write_blank(row, col, &kinds.text)?,
        Cell::Percent(p) => sheet.write_number_with_format(row, col, p / 100.0, &kinds.percent)?,
    };
    Ok(())
}
