//! The heading row of a plan's annex, and which column holds what, found by
//! the headings' words: "STT", "Nội dung nhiệm vụ", "Đơn vị\nchủ trì"…

use super::{Cell, Column};
use crate::domain::text::fold;

/// How far down a sheet the headings may be: below a title and a line
/// saying which plan the annex belongs to.
const HEADING_ROWS: usize = 10;

/// Where each column is, and the first row below the headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    columns: Vec<(Column, usize)>,
    pub first_data_row: usize,
}

impl Heading {
    /// The position of `column` in a row, if the sheet has it.
    pub fn position(&self, column: Column) -> Option<usize> {
        self.columns
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, at)| *at)
    }
}

/// The headings: the first row (of the first few) naming the content and
/// the lead unit; failing that, two rows together, where a merged "Đơn vị
/// thực hiện" stands over "Chủ trì" and "Phối hợp".
pub fn find(grid: &[Vec<Cell>]) -> Option<Heading> {
    let top = &grid[..grid.len().min(HEADING_ROWS)];
    let one_row = top.iter().enumerate().find_map(|(at, row)| {
        let found = columns(&texts(row));
        complete(&found).then_some(Heading {
            columns: found,
            first_data_row: at + 1,
        })
    });
    one_row.or_else(|| {
        top.windows(2).enumerate().find_map(|(at, rows)| {
            let found = columns(&joined(&texts(&rows[0]), &texts(&rows[1])));
            complete(&found).then_some(Heading {
                columns: found,
                first_data_row: at + 2,
            })
        })
    })
}

fn complete(columns: &[(Column, usize)]) -> bool {
    let has = |wanted| columns.iter().any(|(c, _)| *c == wanted);
    has(Column::Content) && has(Column::Lead)
}

fn texts(row: &[Cell]) -> Vec<String> {
    row.iter()
        .map(|cell| match cell {
            Cell::Text(text) => fold(text),
            _ => String::new(),
        })
        .collect()
}

fn joined(upper: &[String], lower: &[String]) -> Vec<String> {
    let width = upper.len().max(lower.len());
    (0..width)
        .map(|i| {
            let part = |row: &[String]| row.get(i).cloned().unwrap_or_default();
            format!("{} {}", part(upper), part(lower))
                .trim()
                .to_string()
        })
        .collect()
}

/// Each kind of column at the first position whose heading names it.
fn columns(headings: &[String]) -> Vec<(Column, usize)> {
    let mut found: Vec<(Column, usize)> = Vec::new();
    for (at, heading) in headings.iter().enumerate() {
        if let Some(column) = column_named(heading)
            && !found.iter().any(|(c, _)| *c == column)
        {
            found.push((column, at));
        }
    }
    found
}

/// The column a folded heading names. "Nhiệm vụ" alone names the content
/// only when nothing else is named: "Thời gian hoàn thành nhiệm vụ" is the
/// deadline.
fn column_named(heading: &str) -> Option<Column> {
    let has = |words: &[&str]| words.iter().any(|w| heading.contains(w));
    if has(&["chu tri"]) {
        Some(Column::Lead)
    } else if has(&["phoi hop"]) {
        Some(Column::Coordinators)
    } else if has(&["noi dung"]) {
        Some(Column::Content)
    } else if has(&["thoi gian", "thoi han", "hoan thanh", "tien do"]) {
        Some(Column::Deadline)
    } else if has(&["san pham", "ghi chu", "ket qua"]) {
        Some(Column::Product)
    } else if has(&["nhiem vu"]) {
        Some(Column::Content)
    } else if matches!(heading, "stt" | "tt" | "so tt" | "so thu tu") {
        Some(Column::Number)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<Cell> {
        cells
            .iter()
            .map(|c| {
                if c.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(c.to_string())
                }
            })
            .collect()
    }

    #[test]
    fn headings_are_found_below_a_title_by_their_words() {
        let grid = vec![
            row(&["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2027"]),
            row(&[]),
            row(&[
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị\nchủ trì",
                "Đơn vị phối hợp",
                "Thời gian\nhoàn thành",
                "Sản phẩm / Ghi chú",
            ]),
        ];
        let heading = find(&grid).expect("headings");
        assert_eq!(heading.first_data_row, 3);
        assert_eq!(heading.position(Column::Number), Some(0));
        assert_eq!(heading.position(Column::Content), Some(1));
        assert_eq!(heading.position(Column::Lead), Some(2));
        assert_eq!(heading.position(Column::Coordinators), Some(3));
        assert_eq!(heading.position(Column::Deadline), Some(4));
        assert_eq!(heading.position(Column::Product), Some(5));
    }

    #[test]
    fn columns_may_come_in_any_order_with_other_words() {
        let grid = vec![row(&[
            "Thời hạn",
            "TT",
            "NỘI DUNG",
            "Cơ quan phối hợp",
            "Cơ quan chủ trì",
        ])];
        let heading = find(&grid).expect("headings");
        assert_eq!(heading.position(Column::Deadline), Some(0));
        assert_eq!(heading.position(Column::Number), Some(1));
        assert_eq!(heading.position(Column::Content), Some(2));
        assert_eq!(heading.position(Column::Coordinators), Some(3));
        assert_eq!(heading.position(Column::Lead), Some(4));
    }

    #[test]
    fn a_merged_heading_over_two_rows_is_read_together() {
        let grid = vec![
            row(&["STT", "Nội dung", "Đơn vị thực hiện", "", "Thời gian"]),
            row(&["", "", "Chủ trì", "Phối hợp", ""]),
        ];
        let heading = find(&grid).expect("headings");
        assert_eq!(heading.first_data_row, 2);
        assert_eq!(heading.position(Column::Lead), Some(2));
        assert_eq!(heading.position(Column::Coordinators), Some(3));
    }

    #[test]
    fn no_heading_within_the_first_rows_is_none() {
        let mut grid = vec![row(&["x"]); 10];
        grid.push(row(&["Nội dung", "Chủ trì"]));
        assert_eq!(find(&grid), None);
        assert_eq!(find(&[row(&["Nội dung", "Phối hợp"])]), None);
    }
}
