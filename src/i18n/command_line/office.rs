//! Words of the office's own tasks on the command line, and of notes and
//! documents taken back.

use crate::i18n::*;

/// Help texts of `task`, `note` and the options that came with them.
pub fn office_help(key: &str, lang: Lang) -> Option<&'static str> {
    let (vi, en) = match key {
        "task" => (
            "Nhiệm vụ bổ sung ngoài kế hoạch (kế hoạch CCHC năm, nhiệm vụ cấp trên giao)",
            "Tasks the office adds beyond the plan (the yearly plan, tasks the city assigns)",
        ),
        "task.add" => (
            "Thêm nhiệm vụ, ví dụ: cchc task add --title \"…\" --area 2 --lead VP --due 30/06/2027 --source \"Kế hoạch số 12/KH-UBND, 15/01/2027\"",
            "Add a task, e.g. cchc task add --title \"…\" --area 2 --lead VP --due 30/06/2027 --source \"Plan 12/KH-UBND, 15/01/2027\"",
        ),
        "task.edit" => (
            "Sửa nhiệm vụ bổ sung (mã BS-…); nhiệm vụ của kế hoạch giữ nguyên văn",
            "Edit a task the office added (id BS-…); the plan's own tasks keep their text",
        ),
        "task.edit.id" | "task.retire.id" => ("Mã nhiệm vụ, ví dụ BS-3", "Task id, e.g. BS-3"),
        "task.retire" => (
            "Thôi theo dõi nhiệm vụ bổ sung: rời khỏi các màn hình, lịch sử vẫn giữ",
            "Retire a task the office added: it leaves the views, its history is kept",
        ),
        "task.retire.reason" => ("Lý do (bắt buộc)", "Why (required)"),
        "task.add.title" | "task.edit.title" => ("Nội dung nhiệm vụ", "The task's title"),
        "task.add.area" | "task.edit.area" => ("Lĩnh vực 0–6", "Reform area 0–6"),
        "task.add.lead" | "task.edit.lead" => (
            "Đơn vị chủ trì: VHXH, VP, KT, TTPVHCC, TTDVSNC, MTTQ",
            "Lead unit: VHXH, VP, KT, TTPVHCC, TTDVSNC, MTTQ",
        ),
        "task.add.with" | "task.edit.with" => (
            "Đơn vị phối hợp, cách nhau bằng dấu phẩy",
            "Coordinating units, separated by commas",
        ),
        "task.add.due" | "task.edit.due" => {
            ("Thời hạn hoàn thành (dd/mm/yyyy)", "Deadline (dd/mm/yyyy)")
        }
        "task.add.cadence" | "task.edit.cadence" => (
            "Việc định kỳ thay cho thời hạn: yearly (hằng năm), quarterly (hằng quý), continuous (thường xuyên)",
            "Recurring work instead of a deadline: yearly, quarterly, continuous",
        ),
        "task.add.source" | "task.edit.source" => (
            "Văn bản giao nhiệm vụ: số ký hiệu, ngày",
            "The document that assigned it: number, date",
        ),
        "task.add.parent" | "task.edit.parent" => (
            "Mã nhiệm vụ cha (nếu là việc con)",
            "The parent task's id (for a sub-task)",
        ),
        "task.import.source" => (
            "Văn bản giao các nhiệm vụ trong tệp, ví dụ \"Kế hoạch số 12/KH-UBND ngày 15/01/2027\" (mặc định: tên tệp)",
            "The document that assigned the file's tasks, e.g. \"Plan 12/KH-UBND of 15/01/2027\" (default: the file's name)",
        ),
        "set.assignee" => (
            "Cán bộ thực hiện (họ tên); chuỗi rỗng \"\" để bỏ",
            "Officer in charge (full name); \"\" to clear",
        ),
        "list.assignee" => (
            "Chỉ việc của cán bộ này (không phân biệt dấu)",
            "Only this officer's work (accents ignored)",
        ),
        "note" => (
            "Sửa hoặc rút lại ghi chú gõ nhầm (bản cũ vẫn giữ trong lịch sử)",
            "Correct or withdraw a mistyped note (the old text stays in the history)",
        ),
        "note.correct" => (
            "Thay ghi chú số N bằng nội dung đúng, ví dụ: cchc note correct 1.a.1 2 \"Đã trình UBND\"",
            "Replace note N with the right text, e.g. cchc note correct 1.a.1 2 \"Sent to the committee\"",
        ),
        "note.withdraw" => ("Rút lại ghi chú số N", "Withdraw note N"),
        "evidence.withdraw" => (
            "Rút lại tài liệu kiểm chứng số N",
            "Withdraw evidence document N",
        ),
        "note.correct.id" | "note.withdraw.id" | "evidence.withdraw.id" => (
            "Mã nhiệm vụ, ví dụ 1.a.1 hoặc 0.3@2026",
            "Task id, e.g. 1.a.1 or 0.3@2026",
        ),
        "note.correct.number" | "note.withdraw.number" | "evidence.withdraw.number" => (
            "Số thứ tự như cchc show in ra (1, 2, …)",
            "The number cchc show prints (1, 2, …)",
        ),
        "note.correct.text" => ("Nội dung đúng", "The right text"),
        "note.correct.reason" => ("Lý do (mặc định: đính chính)", "Why (default: correction)"),
        "note.withdraw.reason" | "evidence.withdraw.reason" => {
            ("Lý do (bắt buộc)", "Why (required)")
        }
        _ => return None,
    };
    Some(lang.pick(vi, en))
}

/// The reason of a correction the user gave none for.
pub fn correction_reason(lang: Lang) -> &'static str {
    lang.pick("đính chính", "correction")
}

/// A required option of a command not given.
pub fn missing_option(flag: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Thiếu {flag}. Lệnh task add cần nội dung (--title), lĩnh vực (--area 0–6) và đơn vị chủ trì (--lead)."
        ),
        Lang::En => format!(
            "{flag} is missing. task add needs a title (--title), an area (--area 0–6) and a lead unit (--lead)."
        ),
    }
}

/// The document that assigned a task the office added, or that none was
/// given.
pub fn office_source(source: &str, lang: Lang) -> String {
    if source.trim().is_empty() {
        return lang
            .pick("văn bản giao: (chưa ghi)", "assigned by: (not recorded)")
            .to_string();
    }
    match lang {
        Lang::Vi => format!("văn bản giao: {}", sanitize_line(source)),
        Lang::En => format!("assigned by: {}", sanitize_line(source)),
    }
}

/// The source of tasks imported from a file when none was given.
pub fn imported_from(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("nhập từ tệp {}", sanitize_line(file)),
        Lang::En => format!("imported from {}", sanitize_line(file)),
    }
}
