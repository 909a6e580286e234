//! The words of the office's own work on the board: the task form, the
//! officer in charge, a note or document taken back.

use crate::i18n::*;

pub fn add_task_title(lang: Lang) -> &'static str {
    lang.pick("Thêm nhiệm vụ bổ sung", "Add a task")
}

pub fn edit_task_title(lang: Lang) -> &'static str {
    lang.pick("Sửa nhiệm vụ", "Edit task")
}

pub fn task_form_labels(lang: Lang) -> [&'static str; 5] {
    [
        lang.pick("Nội dung nhiệm vụ", "Title"),
        lang.pick("Lĩnh vực (số)", "Area (number)"),
        lang.pick("Đơn vị chủ trì (mã)", "Lead unit (code)"),
        lang.pick(
            "Thời hạn dd/mm/yyyy (có thể để trống)",
            "Deadline dd/mm/yyyy (optional)",
        ),
        lang.pick(
            "Văn bản giao (số, ngày; có thể để trống)",
            "Assigned by (document; optional)",
        ),
    ]
}

pub fn task_form_help(lang: Lang) -> &'static str {
    lang.pick(
        "Tab/↓ ô tiếp · Enter lưu · Esc hủy",
        "Tab/↓ next field · Enter saves · Esc cancels",
    )
}

pub fn task_added(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã thêm nhiệm vụ {id}."),
        Lang::En => format!("Task {id} added."),
    }
}

pub fn task_already_there(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Nhiệm vụ này đã có ({id}); không thêm lần nữa."),
        Lang::En => format!("This task is there already ({id}); not added again."),
    }
}

pub fn assignee_title(lang: Lang) -> &'static str {
    lang.pick("Cán bộ thực hiện", "Officer in charge")
}

pub fn assignee_prompt(lang: Lang) -> &'static str {
    lang.pick(
        "Họ tên cán bộ thực hiện (để trống để bỏ giao), Enter để lưu:",
        "The officer's name (empty clears it), Enter saves:",
    )
}

pub fn withdraw_title(lang: Lang) -> &'static str {
    lang.pick("Rút ghi chú / tài liệu", "Withdraw a note / document")
}

pub fn withdraw_labels(lang: Lang) -> [&'static str; 2] {
    [
        lang.pick(
            "Số ghi chú (vd 2) hoặc tài liệu (vd T2), như ở phần chi tiết",
            "Note number (e.g. 2) or document (e.g. D2), as the detail shows",
        ),
        lang.pick("Lý do (bắt buộc)", "Reason (required)"),
    ]
}

pub fn withdraw_help(lang: Lang) -> &'static str {
    lang.pick(
        "Enter ô tiếp / lưu · Esc hủy · nội dung vẫn còn trong lịch sử",
        "Enter next field / saves · Esc cancels · the text stays in the history",
    )
}

/// The board's column of the officer in charge.
pub fn officer_column(lang: Lang) -> &'static str {
    lang.pick("Cán bộ", "Officer")
}

/// The officer group of work not assigned to anyone.
pub fn not_assigned(lang: Lang) -> &'static str {
    lang.pick("(chưa giao)", "(not assigned)")
}
