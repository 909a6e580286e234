//! Spreadsheet files read into a grid of cells for `domain::task_sheet`:
//! Excel and OpenDocument workbooks (calamine) and CSV. The only code that
//! opens such files; it knows nothing of the plan, and refuses files too
//! large to be a plan's annex before reading them whole.

mod delimited;
mod workbook;

use std::io::Read;
use std::path::Path;

use crate::domain::task_sheet::Cell;

/// The largest file read: a yearly plan's annex is a few hundred KB.
pub const MAX_BYTES: u64 = 10 << 20;
/// The most rows a sheet may use.
pub const MAX_ROWS: usize = 5_000;
/// Columns beyond this many are not read: an annex has about six.
pub const MAX_COLUMNS: usize = 100;
/// What the parts of a zipped workbook may unpack to.
pub const MAX_UNPACKED: u64 = 200 << 20;

/// The rows of a sheet, row 0 the spreadsheet's row 1 and cell 0 of each its
/// column A.
pub type Grid = Vec<Vec<Cell>>;

/// Why a file could not be read as a sheet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("no such file")]
    NotFound,
    #[error("cannot read: {0}")]
    Io(String),
    #[error("{bytes} bytes, more than {limit}")]
    TooLarge { bytes: u64, limit: u64 },
    #[error("unpacks to {bytes} bytes, more than {limit}")]
    TooLargeUnpacked { bytes: u128, limit: u64 },
    #[error("more than {limit} rows")]
    TooManyRows { limit: usize },
    #[error("not a spreadsheet file: .{extension}")]
    UnknownType { extension: String },
    #[error("a CSV file has no sheets to choose from")]
    SheetOfCsv,
    #[error("no sheet {asked}")]
    UnknownSheet { asked: String, names: Vec<String> },
    #[error("the workbook has no sheet")]
    NoSheets,
    #[error("not UTF-8 from line {line}")]
    NotUtf8 { line: usize },
    #[error("not a readable workbook: {0}")]
    Workbook(String),
    #[error("not readable as CSV: {0}")]
    Csv(String),
}

/// The kinds of file read, by their name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Csv,
    Workbook,
}

fn kind_of(path: &Path) -> Result<Kind, SheetError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" => Ok(Kind::Csv),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Ok(Kind::Workbook),
        _ => Err(SheetError::UnknownType { extension }),
    }
}

/// The cells of `path`: of the sheet named `sheet`, or the first.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Grid, SheetError> {
    let kind = kind_of(path)?;
    if kind == Kind::Csv && sheet.is_some() {
        return Err(SheetError::SheetOfCsv);
    }
    let bytes = read_bytes(path)?;
    match kind {
        Kind::Csv => delimited::read(&bytes),
        Kind::Workbook => workbook::read(&bytes, sheet),
    }
}

/// The whole file, refused when larger than [`MAX_BYTES`] (also when it
/// grows while being read).
fn read_bytes(path: &Path) -> Result<Vec<u8>, SheetError> {
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => SheetError::NotFound,
        _ => SheetError::Io(e.to_string()),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    let too_large = |bytes| SheetError::TooLarge {
        bytes,
        limit: MAX_BYTES,
    };
    if size > MAX_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Puts `cell` at `row`, `column` of `grid`, growing it as needed; cells
/// past [`MAX_COLUMNS`] are dropped, rows past [`MAX_ROWS`] refuse the file.
fn place(grid: &mut Grid, row: usize, column: usize, cell: Cell) -> Result<(), SheetError> {
    if row >= MAX_ROWS {
        return Err(SheetError::TooManyRows { limit: MAX_ROWS });
    }
    if column >= MAX_COLUMNS {
        return Ok(());
    }
    if grid.len() <= row {
        grid.resize_with(row + 1, Vec::new);
    }
    let cells = &mut grid[row];
    if cells.len() <= column {
        cells.resize(column + 1, Cell::Empty);
    }
    cells[column] = cell;
    Ok(())
}

/// Text as a cell: blank text is an empty cell.
fn text_cell(text: &str) -> Cell {
    if text.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_comes_from_the_extension_in_any_case() {
        assert_eq!(kind_of(Path::new("a.CSV")), Ok(Kind::Csv));
        assert_eq!(kind_of(Path::new("ke-hoach.xlsx")), Ok(Kind::Workbook));
        assert_eq!(kind_of(Path::new("a.ods")), Ok(Kind::Workbook));
        assert_eq!(
            kind_of(Path::new("a.docx")),
            Err(SheetError::UnknownType {
                extension: "docx".into()
            })
        );
    }

    #[test]
    fn a_missing_file_and_a_sheet_of_a_csv_are_refused() {
        assert_eq!(
            read(Path::new("/nonexistent/ke-hoach.csv"), None),
            Err(SheetError::NotFound)
        );
        assert_eq!(
            read(Path::new("/nonexistent/ke-hoach.csv"), Some("Sheet1")),
            Err(SheetError::SheetOfCsv)
        );
    }

    #[test]
    fn rows_past_the_limit_refuse_the_file_and_far_columns_are_dropped() {
        let mut grid = Grid::new();
        place(&mut grid, 2, 1, Cell::Number(1.0)).expect("placed");
        assert_eq!(grid.len(), 3);
        assert_eq!(grid[2], vec![Cell::Empty, Cell::Number(1.0)]);
        place(&mut grid, 0, MAX_COLUMNS, Cell::Number(1.0)).expect("dropped");
        assert!(grid[0].is_empty());
        assert_eq!(
            place(&mut grid, MAX_ROWS, 0, Cell::Empty),
            Err(SheetError::TooManyRows { limit: MAX_ROWS })
        );
    }
}
