//! CSV as offices save it: UTF-8 with or without a byte-order mark, commas
//! or (Excel set to Vietnamese) semicolons between the cells.

use super::{Grid, SheetError, place, text_cell};
use crate::domain::text::fold;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How many lines are looked at for the headings, to tell the separator.
const SNIFFED_LINES: usize = 10;

/// The cells of a CSV file; every cell is text, read by the sheet's rules.
pub fn read(bytes: &[u8]) -> Result<Grid, SheetError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| SheetError::NotUtf8 {
        line: line_at(bytes, e.valid_up_to()),
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(text))
        .from_reader(text.as_bytes());
    let mut grid = Grid::new();
    // A record's row is its first line, less the line breaks inside the
    // quoted cells above it: a spreadsheet shows such a cell in one row, and
    // a blank line as a blank row.
    let mut breaks_above = 0;
    for record in reader.records() {
        let record = record.map_err(|e| SheetError::Csv(e.to_string()))?;
        let line = record.position().map_or(1, |p| first_line(text, p));
        let row = line.saturating_sub(1 + breaks_above);
        breaks_above += record
            .iter()
            .map(|f| f.matches('\n').count())
            .sum::<usize>();
        for (column, field) in record.iter().enumerate() {
            place(&mut grid, row, column, text_cell(field))?;
        }
    }
    Ok(grid)
}

/// The line a record starts on. The reader's position is where it began to
/// look for the record, before the blank lines it skips.
fn first_line(text: &str, position: &csv::Position) -> usize {
    let skipped = usize::try_from(position.byte())
        .ok()
        .and_then(|at| text.get(at..))
        .map_or(0, |rest| {
            rest.bytes()
                .take_while(|b| matches!(b, b'\n' | b'\r'))
                .filter(|&b| b == b'\n')
                .count()
        });
    usize::try_from(position.line()).unwrap_or(usize::MAX) + skipped
}

/// The line (from 1) that byte `at` is on.
fn line_at(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at].iter().filter(|&&b| b == b'\n').count()
}

/// `;` when the heading line (or else the first line with text) has more
/// semicolons than commas outside quotes, `,` otherwise.
fn separator(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().take(SNIFFED_LINES).collect();
    let heading = lines.iter().find(|line| {
        let folded = fold(line);
        folded.contains("chu tri") && (folded.contains("noi dung") || folded.contains("nhiem vu"))
    });
    let Some(line) = heading.or_else(|| lines.iter().find(|l| !l.trim().is_empty())) else {
        return b',';
    };
    let (semicolons, commas) = unquoted_counts(line);
    if semicolons > commas { b';' } else { b',' }
}

/// Semicolons and commas of `line` outside double quotes.
fn unquoted_counts(line: &str) -> (usize, usize) {
    let mut quoted = false;
    let (mut semicolons, mut commas) = (0, 0);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            _ => {}
        }
    }
    (semicolons, commas)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::task_sheet::Cell;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn commas_and_quotes() {
        let grid = read(b"STT,N\xe1\xbb\x99i dung,\"A, B\"\n1,x,\n").expect("grid");
        assert_eq!(grid[0][2], text("A, B"));
        assert_eq!(grid[1], vec![text("1"), text("x"), Cell::Empty]);
    }

    #[test]
    fn semicolons_are_found_from_the_heading_line() {
        let csv = "Kế hoạch năm 2027, xã Hà Đông;;;\n\
                   STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp, nếu có\n\
                   1;Rà soát, hệ thống hóa;VP;KT, VHXH\n";
        let grid = read(csv.as_bytes()).expect("grid");
        assert_eq!(grid[2][1], text("Rà soát, hệ thống hóa"));
        assert_eq!(grid[2][3], text("KT, VHXH"));
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_cell() {
        let mut bytes = BOM.to_vec();
        bytes.extend_from_slice("STT;Nội dung;Chủ trì\n".as_bytes());
        let grid = read(&bytes).expect("grid");
        assert_eq!(grid[0][0], text("STT"));
        assert_eq!(grid[0][2], text("Chủ trì"));
    }

    #[test]
    fn text_that_is_not_utf8_says_on_which_line() {
        // "Nội dung" in Windows-1258: "N", "ô" (0xF4) with a combining dot below (0xF2).
        let bytes = b"STT,Noi dung\n1,N\xf4\xf2i dung\n";
        assert_eq!(read(bytes), Err(SheetError::NotUtf8 { line: 2 }));
    }

    #[test]
    fn rows_keep_their_numbers_through_blank_lines_in_quotes() {
        let grid = read(b"a,\"line\nbreak\"\n\nb,c\n").expect("grid");
        assert_eq!(grid[0][1], text("line\nbreak"));
        assert!(grid[1].is_empty());
        assert_eq!(grid[2], vec![text("b"), text("c")]);
    }
}
