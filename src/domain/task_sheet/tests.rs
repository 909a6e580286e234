//! A sheet read whole: sections, tasks, and every problem with its place.

use chrono::NaiveDate;

use super::*;
use crate::domain::{Cadence, Catalog};

fn catalog() -> Catalog {
    Catalog::bundled().expect("bundled catalog")
}

fn cell(text: &str) -> Cell {
    if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text.to_string())
    }
}

fn row(cells: &[&str]) -> Vec<Cell> {
    cells.iter().map(|c| cell(c)).collect()
}

const HEADINGS: [&str; 6] = [
    "STT",
    "Nội dung nhiệm vụ",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
    "Sản phẩm / Ghi chú",
];

/// A title row, a blank row, the headings (row 3), then `rows` from row 4.
fn sheet(rows: &[&[&str]]) -> Vec<Vec<Cell>> {
    let mut grid = vec![row(&["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2027"]), row(&[])];
    grid.push(row(&HEADINGS));
    grid.extend(rows.iter().map(|r| row(r)));
    grid
}

fn read_with(grid: &[Vec<Cell>], default_area: Option<u8>) -> Result<Vec<SheetTask>, Refusal> {
    let catalog = catalog();
    let terms = PlanTerms {
        units: &catalog.units,
        areas: &catalog.areas,
        info: &catalog.plan,
        default_area,
    };
    read_tasks(grid, &terms)
}

fn read(grid: &[Vec<Cell>]) -> Result<Vec<SheetTask>, Refusal> {
    read_with(grid, None)
}

fn problems(grid: &[Vec<Cell>]) -> Vec<Problem> {
    match read(grid) {
        Err(Refusal::Problems(problems)) => problems,
        other => panic!("expected problems, got {other:?}"),
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

#[test]
fn tasks_take_the_area_of_their_section() {
    let grid = sheet(&[
        &["I", "CẢI CÁCH THỂ CHẾ"],
        &[
            "1",
            "Rà soát văn bản quy phạm pháp luật",
            "VP",
            "",
            "Quý II/2027",
        ],
        &["II.", "Cải cách thủ tục hành chính"],
        &[
            "1",
            "Công khai  thủ tục\nhành chính",
            "Trung tâm PVHCC",
            "Văn phòng HĐND và UBND; VH-XH",
            "Thường xuyên",
            "Niêm yết",
        ],
    ]);
    let tasks = read(&grid).expect("tasks");
    assert_eq!(tasks.len(), 2);
    assert_eq!(tasks[0].row, 5);
    assert_eq!(tasks[0].draft.area, 1);
    assert_eq!(tasks[0].draft.lead, "VP");
    assert_eq!(tasks[0].draft.due, Some(d(2027, 6, 30)));
    assert_eq!(tasks[0].draft.cadence, Cadence::Once);
    let second = &tasks[1].draft;
    assert_eq!(tasks[1].row, 7);
    assert_eq!(second.title, "Công khai thủ tục hành chính");
    assert_eq!(second.area, 2);
    assert_eq!(second.lead, "TTPVHCC");
    assert_eq!(second.coordinators, vec!["VP", "VHXH"]);
    assert_eq!((second.cadence, second.due), (Cadence::Continuous, None));
}

#[test]
fn titles_are_stored_in_nfc() {
    let decomposed = "Ra\u{300} soa\u{301}t";
    let grid = sheet(&[&["I", "Cải cách thể chế"], &["1", decomposed, "VP"]]);
    let tasks = read(&grid).expect("tasks");
    assert_eq!(tasks[0].draft.title, "Rà soát");
}

#[test]
fn a_bad_unit_is_reported_with_its_row_and_column() {
    let grid = sheet(&[
        &["I", "Cải cách thể chế"],
        &[
            "1",
            "Rà soát văn bản",
            "Phòng Tư pháp",
            "Kinh tế, Phòng Nội vụ",
        ],
    ]);
    let found = problems(&grid);
    let lead = ColumnAt {
        kind: Column::Lead,
        position: 2,
    };
    assert_eq!(
        found[0],
        Problem {
            row: 5,
            column: Some(lead),
            reason: Reason::UnknownUnit {
                written: "Phòng Tư pháp".into()
            },
        }
    );
    assert_eq!(lead.letters(), "C");
    assert_eq!(found[1].column.map(|c| c.kind), Some(Column::Coordinators));
    assert_eq!(
        found[1].reason,
        Reason::UnknownUnit {
            written: "Phòng Nội vụ".into()
        }
    );
    assert_eq!(found.len(), 2);
}

#[test]
fn vague_coordinators_are_skipped_but_a_vague_lead_is_refused() {
    let grid = sheet(&[
        &["I", "Cải cách thể chế"],
        &[
            "1",
            "Việc một",
            "VP",
            "Các phòng, ban, đơn vị liên quan; KT",
        ],
        &["2", "Việc hai", "Các đơn vị liên quan"],
    ]);
    let found = problems(&grid);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].row, 6);
    assert!(matches!(found[0].reason, Reason::VagueLead { .. }));
    let grid = sheet(&[
        &["I", "Cải cách thể chế"],
        &[
            "1",
            "Việc một",
            "VP",
            "Các phòng, ban, đơn vị liên quan; KT",
        ],
    ]);
    assert_eq!(
        read(&grid).expect("tasks")[0].draft.coordinators,
        vec!["KT"]
    );
}

#[test]
fn the_lead_is_one_unit_and_is_no_coordinator_too() {
    let grid = sheet(&[
        &["I", "Cải cách thể chế"],
        &["1", "Việc một", "VP", "VP, KT, Phòng Kinh tế"],
        &["2", "Việc hai", "VP, KT"],
        &["3", "Việc ba", "Phòng VHXH và Phòng Kinh tế"],
    ]);
    let found = problems(&grid);
    assert_eq!(found.len(), 2);
    assert!(matches!(found[0].reason, Reason::SeveralLeads { .. }));
    assert!(matches!(found[1].reason, Reason::SeveralLeads { .. }));
    let ok = sheet(&[
        &["I", "Cải cách thể chế"],
        &["1", "Việc một", "VP", "VP, KT, Phòng Kinh tế và VH-XH"],
    ]);
    assert_eq!(
        read(&ok).expect("tasks")[0].draft.coordinators,
        vec!["KT", "VHXH"]
    );
}

#[test]
fn content_without_a_lead_and_units_without_content_are_refused() {
    let grid = sheet(&[
        &["I", "Cải cách thể chế"],
        &["1", "Việc không có chủ trì", "", "VP"],
        &["2", "", "VP", "", "Năm 2027"],
    ]);
    let found = problems(&grid);
    assert_eq!(found[0].reason, Reason::NoLead);
    assert_eq!(found[0].row, 5);
    assert_eq!(found[1].reason, Reason::NoContent);
    assert_eq!(found[1].row, 6);
}

#[test]
fn a_bad_deadline_says_what_was_written() {
    let grid = sheet(&[
        &["I", "Cải cách thể chế"],
        &["1", "Việc một", "VP", "", "Sớm nhất có thể"],
        &["2", "Việc hai", "VP", "", "31/12/2035"],
    ]);
    let found = problems(&grid);
    assert_eq!(
        found[0].reason,
        Reason::BadDeadline {
            written: "Sớm nhất có thể".into()
        }
    );
    assert_eq!(found[0].column.map(|c| c.letters()), Some("E".into()));
    assert!(matches!(
        found[1].reason,
        Reason::DeadlineOutsidePlan {
            first_year: 2026,
            last_year: 2030,
            ..
        }
    ));
}

#[test]
fn titles_too_long_or_with_controls_are_refused() {
    let long = "x".repeat(501);
    let grid = sheet(&[
        &["I", "Cải cách thể chế"],
        &["1", &long, "VP"],
        &["2", "a\u{1b}[2Jb", "VP"],
    ]);
    let found = problems(&grid);
    assert_eq!(
        found[0].reason,
        Reason::TitleTooLong {
            chars: 501,
            max: 500
        }
    );
    assert_eq!(found[1].reason, Reason::TitleControl);
}

#[test]
fn sections_must_name_an_area_and_tasks_need_one() {
    let grid = sheet(&[
        &["1", "Việc trước mọi mục", "VP"],
        &["VII", "NHIỆM VỤ KHÁC"],
    ]);
    let found = problems(&grid);
    assert_eq!(found[0].reason, Reason::NoArea);
    assert_eq!(
        found[1].reason,
        Reason::UnknownSection {
            written: "NHIỆM VỤ KHÁC".into()
        }
    );
    let tasks = read_with(&sheet(&[&["1", "Việc", "VP"]]), Some(3)).expect("tasks");
    assert_eq!(tasks[0].draft.area, 3);
}

#[test]
fn a_section_may_be_written_without_its_number() {
    let grid = sheet(&[
        &["", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"],
        &["1", "Ban hành kế hoạch CCHC năm 2027", "VH-XH"],
    ]);
    assert_eq!(read(&grid).expect("tasks")[0].draft.area, 0);
}

#[test]
fn blank_rows_and_the_column_numbers_are_skipped() {
    let grid = sheet(&[
        &["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        &["I", "Cải cách thể chế"],
        &[],
        &["", "", "", "", "", ""],
        &["1", "Việc một", "VP"],
    ]);
    let tasks = read(&grid).expect("tasks");
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].row, 8);
    let mut typed = sheet(&[&["I", "Cải cách thể chế"], &["1", "Việc một", "VP"]]);
    typed.insert(3, (1..=6).map(|n| Cell::Number(-f64::from(n))).collect());
    assert_eq!(read(&typed).expect("tasks").len(), 1);
}

#[test]
fn the_same_task_twice_is_refused() {
    let grid = sheet(&[
        &["I", "Cải cách thể chế"],
        &["1", "Rà soát văn bản", "VP", "", "Năm 2027"],
        &[
            "2",
            "RÀ SOÁT VĂN BẢN",
            "Văn phòng HĐND và UBND",
            "",
            "31/12/2027",
        ],
    ]);
    assert_eq!(problems(&grid)[0].reason, Reason::Duplicate { of_row: 5 });
}

#[test]
fn typed_cells_are_read_as_their_values() {
    let mut grid = sheet(&[&["I", "Cải cách thể chế"]]);
    grid.push(vec![
        Cell::Number(1.0),
        cell("Việc một"),
        cell("KT"),
        Cell::Empty,
        Cell::Date(d(2027, 3, 31)),
    ]);
    let tasks = read(&grid).expect("tasks");
    assert_eq!(tasks[0].draft.due, Some(d(2027, 3, 31)));
}

#[test]
fn a_sheet_without_headings_or_tasks_is_refused() {
    assert_eq!(read(&[row(&["Danh sách"])]), Err(Refusal::NoHeading));
    assert_eq!(
        read(&sheet(&[&["I", "Cải cách thể chế"]])),
        Err(Refusal::NoTasks)
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let grid = sheet(&[
        &["I", "Cải cách thể chế"],
        &["1", "Việc một", "Phòng Tư pháp", "Công an xã", "Sớm"],
    ]);
    let kinds: Vec<Column> = problems(&grid)
        .iter()
        .filter_map(|p| p.column.map(|c| c.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![Column::Lead, Column::Coordinators, Column::Deadline]
    );
}

#[test]
fn column_letters_go_past_z() {
    let at = |position| ColumnAt {
        kind: Column::Product,
        position,
    };
    assert_eq!(at(0).letters(), "A");
    assert_eq!(at(25).letters(), "Z");
    assert_eq!(at(26).letters(), "AA");
    assert_eq!(at(27).letters(), "AB");
}
