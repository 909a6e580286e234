//! Workbooks through calamine: .xlsx read cell by cell as it is unpacked, so
//! that a stray cell far down or right never makes a huge grid; .xls, .xlsb
//! and .ods through calamine's whole-sheet reader.

use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Sheets, Xlsx};
use chrono::NaiveDate;

use super::{Grid, MAX_ROWS, MAX_UNPACKED, SheetError, place, text_cell};
use crate::domain::task_sheet::Cell;

type Bytes<'a> = Cursor<&'a [u8]>;

/// The cells of the sheet named `sheet` (or the first) of a workbook.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, SheetError> {
    check_unpacked_size(bytes)?;
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| SheetError::Workbook(e.to_string()))?;
    let name = sheet_name(&workbook.sheet_names(), sheet)?;
    match &mut workbook {
        Sheets::Xlsx(xlsx) => streamed(xlsx, &name),
        other => whole(other, &name),
    }
}

/// A zipped workbook (xlsx, ods) is refused when its parts say they unpack
/// to more than [`MAX_UNPACKED`]. An .xls is no zip, and is let through.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), SheetError> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u128 = 0;
    for index in 0..archive.len() {
        let part = archive
            .by_index_raw(index)
            .map_err(|e| SheetError::Workbook(e.to_string()))?;
        total += u128::from(part.size());
    }
    if total > u128::from(MAX_UNPACKED) {
        return Err(SheetError::TooLargeUnpacked {
            bytes: total,
            limit: MAX_UNPACKED,
        });
    }
    Ok(())
}

/// The sheet asked for, or the first; an unknown name is refused with the
/// names there are.
fn sheet_name(names: &[String], asked: Option<&str>) -> Result<String, SheetError> {
    let Some(asked) = asked else {
        return names.first().cloned().ok_or(SheetError::NoSheets);
    };
    let folded = crate::domain::text::fold(asked);
    names
        .iter()
        .find(|name| *name == asked)
        .or_else(|| {
            names
                .iter()
                .find(|name| crate::domain::text::fold(name) == folded)
        })
        .cloned()
        .ok_or_else(|| SheetError::UnknownSheet {
            asked: asked.to_string(),
            names: names.to_vec(),
        })
}

fn streamed(xlsx: &mut Xlsx<Bytes>, name: &str) -> Result<Grid, SheetError> {
    let failed = |e: calamine::XlsxError| SheetError::Workbook(e.to_string());
    let mut cells = xlsx.worksheet_cells_reader(name).map_err(failed)?;
    let mut grid = Grid::new();
    while let Some(found) = cells.next_cell().map_err(failed)? {
        let cell = cell_of_ref(found.get_value());
        if cell != Cell::Empty {
            let (row, column) = found.get_position();
            place(&mut grid, row as usize, column as usize, cell)?;
        }
    }
    Ok(grid)
}

fn whole(workbook: &mut Sheets<Bytes>, name: &str) -> Result<Grid, SheetError> {
    let range = workbook
        .worksheet_range(name)
        .map_err(|e| SheetError::Workbook(e.to_string()))?;
    let Some((top, left)) = range.start() else {
        return Ok(Grid::new());
    };
    if top as usize + range.height() > MAX_ROWS {
        return Err(SheetError::TooManyRows { limit: MAX_ROWS });
    }
    let mut grid = Grid::new();
    for (r, row) in range.rows().enumerate() {
        for (c, data) in row.iter().enumerate() {
            let cell = cell_of(data);
            if cell != Cell::Empty {
                place(&mut grid, top as usize + r, left as usize + c, cell)?;
            }
        }
    }
    Ok(grid)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => text_cell(text),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(when) => date_cell(when),
        Data::DateTimeIso(text) => iso_date(text),
        Data::DurationIso(text) => text_cell(text),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

fn cell_of_ref(data: &DataRef) -> Cell {
    match data {
        DataRef::Empty => Cell::Empty,
        DataRef::String(text) => text_cell(text),
        DataRef::SharedString(text) => text_cell(text),
        DataRef::Int(n) => Cell::Number(*n as f64),
        DataRef::Float(n) => Cell::Number(*n),
        DataRef::Bool(b) => Cell::Text(b.to_string()),
        DataRef::DateTime(when) => date_cell(when),
        DataRef::DateTimeIso(text) => iso_date(text),
        DataRef::DurationIso(text) => text_cell(text),
        DataRef::Error(e) => Cell::Text(e.to_string()),
    }
}

/// A cell formatted as a date is its day; a time of day or a duration is
/// left a number, which no column of the annex takes.
fn date_cell(when: &calamine::ExcelDateTime) -> Cell {
    match when.as_datetime() {
        Some(at) if when.is_datetime() => Cell::Date(at.date()),
        _ => Cell::Number(when.as_f64()),
    }
}

/// OpenDocument's dates: "2027-06-30" or "2027-06-30T00:00:00".
fn iso_date(text: &str) -> Cell {
    text.get(..10)
        .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .map_or_else(|| text_cell(text), Cell::Date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        vec!["Phụ lục".to_string(), "Sheet2".to_string()]
    }

    #[test]
    fn the_first_sheet_unless_one_is_named() {
        assert_eq!(sheet_name(&names(), None), Ok("Phụ lục".to_string()));
        assert_eq!(
            sheet_name(&names(), Some("Sheet2")),
            Ok("Sheet2".to_string())
        );
        assert_eq!(
            sheet_name(&names(), Some("phu luc")),
            Ok("Phụ lục".to_string())
        );
        assert_eq!(
            sheet_name(&names(), Some("Năm 2027")),
            Err(SheetError::UnknownSheet {
                asked: "Năm 2027".into(),
                names: names()
            })
        );
        assert_eq!(sheet_name(&[], None), Err(SheetError::NoSheets));
    }

    #[test]
    fn iso_dates_are_days() {
        let day = NaiveDate::from_ymd_opt(2027, 6, 30).expect("a real date");
        assert_eq!(iso_date("2027-06-30T00:00:00"), Cell::Date(day));
        assert_eq!(iso_date("2027-06"), Cell::Text("2027-06".into()));
    }

    /// An .xlsx as Excel writes it: the table starting at B2, a date cell,
    /// a second sheet.
    fn xlsx(far: Option<(u32, u16)>) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(1, 1, "Nội dung").expect("write");
        sheet.write_number(2, 1, 3.0).expect("write");
        let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2027, 6, 30).expect("date");
        let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
        sheet
            .write_datetime_with_format(2, 2, &day, &format)
            .expect("write");
        if let Some((row, column)) = far {
            sheet.write_string(row, column, "x").expect("write");
        }
        book.add_worksheet().set_name("Khác").expect("name");
        book.save_to_buffer().expect("xlsx")
    }

    #[test]
    fn xlsx_cells_keep_their_places_and_dates() {
        let grid = read(&xlsx(None), None).expect("grid");
        assert_eq!(grid.len(), 3);
        assert!(grid[0].is_empty());
        assert_eq!(grid[1], vec![Cell::Empty, Cell::Text("Nội dung".into())]);
        let day = NaiveDate::from_ymd_opt(2027, 6, 30).expect("a real date");
        assert_eq!(
            grid[2],
            vec![Cell::Empty, Cell::Number(3.0), Cell::Date(day)]
        );
        assert_eq!(read(&xlsx(None), Some("Khác")), Ok(Grid::new()));
    }

    #[test]
    fn xlsx_cells_far_down_refuse_the_file_far_right_are_dropped() {
        let far_right = read(&xlsx(Some((0, 16_000))), None).expect("grid");
        assert!(far_right[0].is_empty());
        assert_eq!(
            read(&xlsx(Some((1_000_000, 0))), None),
            Err(SheetError::TooManyRows { limit: MAX_ROWS })
        );
    }

    #[test]
    fn bytes_that_are_no_workbook_are_refused() {
        assert!(matches!(
            read(b"not a workbook", None),
            Err(SheetError::Workbook(_))
        ));
    }
}
