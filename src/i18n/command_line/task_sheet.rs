//! Why a spreadsheet of tasks was refused: the file itself (`SheetError`),
//! or its rows (`Refusal`), each problem with its row, its column and what
//! is accepted there.

use crate::domain::catalog::{Area, Unit};
use crate::domain::task_sheet::{Column, Problem, Reason, Refusal};
use crate::domain::text::truncate_width;
use crate::i18n::*;
use crate::sheet::SheetError;

/// What a cell held, as a problem quotes it: one line, cut when long.
fn quoted(written: &str) -> String {
    truncate_width(&sanitize_line(written), 80).into_owned()
}

fn megabytes(bytes: u128) -> u128 {
    bytes.div_ceil(1 << 20)
}

pub fn sheet_error(error: &SheetError, path: &str, lang: Lang) -> String {
    use SheetError as E;
    let path = sanitize_line(path);
    match (error, lang) {
        (E::NotFound, Lang::Vi) => format!("Không tìm thấy tệp {path}."),
        (E::NotFound, Lang::En) => format!("There is no file {path}."),
        (E::Io(detail), Lang::Vi) => format!("Không đọc được tệp {path}: {detail}."),
        (E::Io(detail), Lang::En) => format!("Cannot read {path}: {detail}."),
        (E::TooLarge { bytes, limit }, Lang::Vi) => format!(
            "Tệp {path} quá lớn ({} MB; tối đa {} MB). Phụ lục nhiệm vụ của một kế hoạch chỉ vài trăm KB: kiểm tra lại tệp, hoặc chép riêng bảng nhiệm vụ sang một tệp mới.",
            megabytes(u128::from(*bytes)),
            limit >> 20
        ),
        (E::TooLarge { bytes, limit }, Lang::En) => format!(
            "{path} is too large ({} MB; at most {} MB). A plan's annex of tasks is a few hundred KB: check the file, or copy the table of tasks into a new one.",
            megabytes(u128::from(*bytes)),
            limit >> 20
        ),
        (E::TooLargeUnpacked { bytes, limit }, Lang::Vi) => format!(
            "Tệp {path} khi giải nén lên tới {} MB (tối đa {} MB): không phải một phụ lục nhiệm vụ thông thường. Chép riêng bảng nhiệm vụ sang một tệp mới rồi chạy lại.",
            megabytes(*bytes),
            limit >> 20
        ),
        (E::TooLargeUnpacked { bytes, limit }, Lang::En) => format!(
            "{path} unpacks to {} MB (at most {} MB): not an ordinary annex of tasks. Copy the table of tasks into a new file and run it again.",
            megabytes(*bytes),
            limit >> 20
        ),
        (E::TooManyRows { limit }, Lang::Vi) => format!(
            "Trang tính trong {path} dùng quá {limit} dòng; một bảng nhiệm vụ chỉ vài chục dòng. Xóa các dòng thừa phía dưới bảng (hoặc chép bảng sang một trang mới) rồi chạy lại."
        ),
        (E::TooManyRows { limit }, Lang::En) => format!(
            "The sheet in {path} uses more than {limit} rows; a table of tasks has a few dozen. Delete the rows below the table (or copy it into a new sheet) and run it again."
        ),
        (E::UnknownType { .. }, Lang::Vi) => format!(
            "cchc đọc bảng nhiệm vụ từ tệp .xlsx, .xls, .ods hoặc .csv; {path} không phải. Trong Excel: Lưu thành, chọn Excel Workbook (.xlsx)."
        ),
        (E::UnknownType { .. }, Lang::En) => format!(
            "cchc reads a table of tasks from an .xlsx, .xls, .ods or .csv file; {path} is none of them. In Excel: Save As, Excel Workbook (.xlsx)."
        ),
        (E::SheetOfCsv, Lang::Vi) => {
            "Tệp CSV chỉ có một trang; bỏ --sheet rồi chạy lại.".to_string()
        }
        (E::SheetOfCsv, Lang::En) => "A CSV file has one sheet only; drop --sheet.".to_string(),
        (E::UnknownSheet { asked, names }, Lang::Vi) => format!(
            "Tệp {path} không có trang “{}”. Các trang: {}.",
            quoted(asked),
            quoted(&names.join(", "))
        ),
        (E::UnknownSheet { asked, names }, Lang::En) => format!(
            "{path} has no sheet “{}”. Its sheets: {}.",
            quoted(asked),
            quoted(&names.join(", "))
        ),
        (E::NoSheets, Lang::Vi) => format!("Tệp {path} không có trang tính nào."),
        (E::NoSheets, Lang::En) => format!("{path} has no sheet."),
        (E::NotUtf8 { line }, Lang::Vi) => format!(
            "Tệp {path} không phải văn bản UTF-8 (từ dòng {line}): có lẽ nó được lưu theo bảng mã cũ như Windows-1258. Hãy lưu lại tệp dưới dạng CSV UTF-8 (trong Excel: Lưu thành, chọn “CSV UTF-8 (Comma delimited)”), hoặc lưu dạng .xlsx, rồi chạy lại."
        ),
        (E::NotUtf8 { line }, Lang::En) => format!(
            "{path} is not UTF-8 text (from line {line}): it was probably saved in an old encoding such as Windows-1258. Save it again as CSV UTF-8 (in Excel: Save As, “CSV UTF-8 (Comma delimited)”), or as .xlsx, and run it again."
        ),
        (E::Workbook(detail), Lang::Vi) => format!(
            "Không đọc được {path} như một bảng tính ({}). Tệp có thể hỏng hoặc có mật khẩu: mở bằng Excel rồi lưu lại dạng .xlsx, không đặt mật khẩu.",
            quoted(detail)
        ),
        (E::Workbook(detail), Lang::En) => format!(
            "Cannot read {path} as a workbook ({}). It may be damaged or have a password: open it in Excel and save it again as .xlsx, without a password.",
            quoted(detail)
        ),
        (E::Csv(detail), Lang::Vi) => {
            format!("Không đọc được {path} như tệp CSV ({}).", quoted(detail))
        }
        (E::Csv(detail), Lang::En) => format!("Cannot read {path} as CSV ({}).", quoted(detail)),
    }
}

/// The plan's units and areas, named at the end of a refusal that needs them.
#[derive(Debug, Clone, Copy)]
pub struct PlanNames<'a> {
    pub units: &'a [Unit],
    pub areas: &'a [Area],
}

/// Why a sheet's tasks were refused, every problem on a line of its own.
pub fn sheet_refused(refusal: &Refusal, path: &str, names: PlanNames, lang: Lang) -> String {
    let path = sanitize_line(path);
    let problems = match refusal {
        Refusal::NoHeading => return no_heading(&path, lang),
        Refusal::NoTasks => {
            return match lang {
                Lang::Vi => format!(
                    "Tệp {path} có dòng tiêu đề của bảng nhưng không có nhiệm vụ nào bên dưới. Chưa ghi gì."
                ),
                Lang::En => format!(
                    "{path} has the table's headings but no task below them. Nothing was written."
                ),
            };
        }
        Refusal::Problems(problems) => problems,
    };
    let mut text = match lang {
        Lang::Vi => format!(
            "Tệp {path} có {} chỗ chưa đúng nên chưa ghi gì vào kho. Sửa trong tệp rồi chạy lại:",
            problems.len()
        ),
        Lang::En => format!(
            "{path} has {} problem(s), so nothing was written. Correct the file and run it again:",
            problems.len()
        ),
    };
    for problem in problems {
        text.push_str("\n  - ");
        text.push_str(&sheet_problem(problem, lang));
    }
    text.push_str(&footer(problems, names, lang));
    text
}

fn no_heading(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Không thấy dòng tiêu đề của bảng trong 10 dòng đầu của {path}. Bảng cần có cột “Nội dung nhiệm vụ” và cột “Đơn vị chủ trì”; thêm “STT”, “Đơn vị phối hợp”, “Thời gian hoàn thành” nếu có. Chưa ghi gì."
        ),
        Lang::En => format!(
            "No table headings in the first 10 rows of {path}. The table needs a “Nội dung nhiệm vụ” (content) and a “Đơn vị chủ trì” (lead unit) column; “STT”, “Đơn vị phối hợp”, “Thời gian hoàn thành” where it has them. Nothing was written."
        ),
    }
}

/// "Dòng 7, cột C (Đơn vị chủ trì): …".
pub fn sheet_problem(problem: &Problem, lang: Lang) -> String {
    let place = match (problem.column, lang) {
        (Some(at), Lang::Vi) => format!(
            "Dòng {}, cột {} ({})",
            problem.row,
            at.letters(),
            sheet_column(at.kind, lang)
        ),
        (Some(at), Lang::En) => format!(
            "Row {}, column {} ({})",
            problem.row,
            at.letters(),
            sheet_column(at.kind, lang)
        ),
        (None, Lang::Vi) => format!("Dòng {}", problem.row),
        (None, Lang::En) => format!("Row {}", problem.row),
    };
    format!("{place}: {}", reason(&problem.reason, lang))
}

pub fn sheet_column(column: Column, lang: Lang) -> &'static str {
    match column {
        Column::Number => "STT",
        Column::Content => lang.pick("Nội dung nhiệm vụ", "content"),
        Column::Lead => lang.pick("Đơn vị chủ trì", "lead unit"),
        Column::Coordinators => lang.pick("Đơn vị phối hợp", "coordinating units"),
        Column::Deadline => lang.pick("Thời gian hoàn thành", "deadline"),
        Column::Product => lang.pick("Sản phẩm / Ghi chú", "product / note"),
    }
}

fn reason(reason: &Reason, lang: Lang) -> String {
    use Reason as R;
    match (reason, lang) {
        (R::NoContent, Lang::Vi) => "có đơn vị hoặc thời hạn nhưng thiếu nội dung nhiệm vụ.".into(),
        (R::NoContent, Lang::En) => "has units or a deadline but no content.".into(),
        (R::TitleTooLong { chars, max }, Lang::Vi) => {
            format!("nội dung dài {chars} ký tự; tối đa {max} ký tự.")
        }
        (R::TitleTooLong { chars, max }, Lang::En) => {
            format!("the content is {chars} characters long; at most {max} are accepted.")
        }
        (R::TitleControl, Lang::Vi) => {
            "nội dung chứa ký tự điều khiển; chỉ nhận chữ, số và dấu câu.".into()
        }
        (R::TitleControl, Lang::En) => {
            "the content holds control characters; only letters, digits and punctuation are accepted.".into()
        }
        (R::NoLead, Lang::Vi) => {
            "chưa có đơn vị chủ trì; mỗi nhiệm vụ có đúng một đơn vị chủ trì.".into()
        }
        (R::NoLead, Lang::En) => "no lead unit; each task has exactly one.".into(),
        (R::UnknownUnit { written }, Lang::Vi) => format!(
            "“{}” không phải đơn vị của kế hoạch. Ghi mã (như VHXH) hoặc tên đơn vị (như Phòng Văn hóa - Xã hội); danh sách ở cuối.",
            quoted(written)
        ),
        (R::UnknownUnit { written }, Lang::En) => format!(
            "“{}” is no unit of the plan. Write its code (such as VHXH) or its name (such as Phòng Văn hóa - Xã hội); the list is at the end.",
            quoted(written)
        ),
        (R::VagueLead { written }, Lang::Vi) => format!(
            "“{}” không chỉ rõ đơn vị nào; đơn vị chủ trì phải là một đơn vị của kế hoạch.",
            quoted(written)
        ),
        (R::VagueLead { written }, Lang::En) => format!(
            "“{}” names no unit in particular; the lead must be one unit of the plan.",
            quoted(written)
        ),
        (R::SeveralLeads { written }, Lang::Vi) => format!(
            "“{}” có nhiều hơn một đơn vị. Chỉ ghi một đơn vị chủ trì; các đơn vị khác ghi ở cột Đơn vị phối hợp.",
            quoted(written)
        ),
        (R::SeveralLeads { written }, Lang::En) => format!(
            "“{}” names more than one unit. Write one lead; the others go in the coordinating units' column.",
            quoted(written)
        ),
        (R::BadDeadline { written }, Lang::Vi) => format!(
            "không đọc được thời hạn “{}”. Ghi ngày (30/06/2027), tháng (Tháng 6/2027), quý (Quý II/2027), năm (Năm 2027), hoặc Thường xuyên, Hằng năm, Hằng quý; để trống nếu không có thời hạn.",
            quoted(written)
        ),
        (R::BadDeadline { written }, Lang::En) => format!(
            "cannot read the deadline “{}”. Write a day (30/06/2027), a month (Tháng 6/2027), a quarter (Quý II/2027), a year (Năm 2027), or Thường xuyên (continuous), Hằng năm (yearly), Hằng quý (quarterly); leave it empty for no deadline.",
            quoted(written)
        ),
        (R::DeadlineOutsidePlan { date, first_year, last_year }, Lang::Vi) => format!(
            "hạn {} nằm ngoài kế hoạch; hạn phải trong các năm {first_year}–{last_year}.",
            format_date(*date)
        ),
        (R::DeadlineOutsidePlan { date, first_year, last_year }, Lang::En) => format!(
            "the deadline {} is outside the plan; it must fall in {first_year}–{last_year}.",
            format_date(*date)
        ),
        (R::UnknownSection { written }, Lang::Vi) => format!(
            "dòng mục “{}” không ghi tên lĩnh vực nào của kế hoạch; danh sách ở cuối.",
            quoted(written)
        ),
        (R::UnknownSection { written }, Lang::En) => format!(
            "the section row “{}” names no area of the plan; the list is at the end.",
            quoted(written)
        ),
        (R::NoArea, Lang::Vi) => "nhiệm vụ nằm trên mọi dòng mục nên chưa biết thuộc lĩnh vực nào. Thêm một dòng mục phía trên (như “I. CẢI CÁCH THỂ CHẾ”), hoặc chạy với --area và số của lĩnh vực.".into(),
        (R::NoArea, Lang::En) => "the task is above every section row, so its area is unknown. Add a section row above it (such as “I. CẢI CÁCH THỂ CHẾ”), or give --area with the area's number.".into(),
        (R::Duplicate { of_row }, Lang::Vi) => format!(
            "trùng với nhiệm vụ ở dòng {of_row} (cùng nội dung, lĩnh vực, chủ trì và thời hạn); xóa một trong hai dòng."
        ),
        (R::Duplicate { of_row }, Lang::En) => format!(
            "the same task as row {of_row} (content, area, lead and deadline); delete one of them."
        ),
    }
}

/// The units, or the areas, when a problem says "the list is at the end".
fn footer(problems: &[Problem], names: PlanNames, lang: Lang) -> String {
    let mut text = String::new();
    let about_units = problems.iter().any(|p| {
        matches!(
            p.reason,
            Reason::UnknownUnit { .. } | Reason::VagueLead { .. } | Reason::NoLead
        )
    });
    if about_units {
        let units: Vec<String> = names
            .units
            .iter()
            .map(|u| format!("{} ({})", u.code, u.name))
            .collect();
        text.push_str(&format!(
            "\n{} {}.",
            lang.pick("Đơn vị của kế hoạch:", "The plan's units:"),
            units.join(", ")
        ));
    }
    if problems
        .iter()
        .any(|p| matches!(p.reason, Reason::UnknownSection { .. } | Reason::NoArea))
    {
        let areas: Vec<String> = names
            .areas
            .iter()
            .map(|a| format!("{} {}", a.code, a.name))
            .collect();
        text.push_str(&format!(
            "\n{} {}.",
            lang.pick("Lĩnh vực của kế hoạch:", "The plan's areas:"),
            areas.join("; ")
        ));
    }
    text
}
