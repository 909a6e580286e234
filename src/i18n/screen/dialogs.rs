//! The words of the screen's dialogs: search, progress, the day work was
//! done, deadline, evidence and the note editor, and what is said about
//! typing and pasting.

use crate::i18n::*;

pub fn search_title(lang: Lang) -> &'static str {
    lang.pick("Tìm", "Search")
}

pub fn search_prompt(lang: Lang) -> &'static str {
    lang.pick(
        "Gõ mã hoặc vài chữ của nội dung, ghi chú, tài liệu; có dấu hay không đều được:",
        "Type an id or words of a title, note or document, accents optional:",
    )
}

pub fn progress_title(lang: Lang) -> &'static str {
    lang.pick("Tiến độ", "Progress")
}

pub fn progress_prompt(current: Option<u8>, lang: Lang) -> String {
    let current = current.unwrap_or(0);
    match lang {
        Lang::Vi => format!("Hiện {current}%. Tiến độ mới (số nguyên 0–100), Enter để lưu:"),
        Lang::En => format!("Now {current}%. New progress (whole number 0–100), Enter saves:"),
    }
}

pub fn done_on_title(lang: Lang) -> &'static str {
    lang.pick("Ngày hoàn thành", "Done on")
}

/// What the field of the day work was done takes; today is filled in.
pub fn done_on_prompt(plan_start: chrono::NaiveDate, lang: Lang) -> String {
    let start = format_date(plan_start);
    match lang {
        Lang::Vi => format!("Ngày làm xong, từ {start} đến hôm nay. Enter để lưu:"),
        Lang::En => format!("Day the work was done, {start} to today. Enter saves:"),
    }
}

pub fn close_period_title(lang: Lang) -> &'static str {
    lang.pick("Chốt số liệu", "Close the figures")
}

/// What closing does, and how to confirm it.
pub fn close_period_prompt(period: crate::domain::period::Period, lang: Lang) -> String {
    let name = super::period_name(period, lang);
    match lang {
        Lang::Vi => format!(
            "Chốt số liệu {name}: báo cáo in lại sau này giữ nguyên như hôm nay; sửa sau khi chốt được ghi vào báo cáo kỳ sau. Enter: chốt · Esc: thôi"
        ),
        Lang::En => format!(
            "Close {name}: its report printed again later says what it says today; later corrections go into the next period's report. Enter: close · Esc: cancel"
        ),
    }
}

/// Said once a period is closed.
pub fn period_closed(period: crate::domain::period::Period, lang: Lang) -> String {
    let name = super::period_name(period, lang);
    match lang {
        Lang::Vi => format!("Đã chốt số liệu {name}."),
        Lang::En => format!("{name} is closed."),
    }
}

pub fn evidence_title(lang: Lang) -> &'static str {
    lang.pick("Thêm tài liệu kiểm chứng", "Add an evidence document")
}

pub fn evidence_labels(lang: Lang) -> [&'static str; 3] {
    [
        lang.pick(
            "Số ký hiệu (ví dụ 123/QĐ-UBND)",
            "Number (e.g. 123/QĐ-UBND)",
        ),
        lang.pick("Ngày ban hành (dd/mm/yyyy)", "Date issued (dd/mm/yyyy)"),
        lang.pick("Trích yếu", "Summary"),
    ]
}

pub fn evidence_help(lang: Lang) -> &'static str {
    lang.pick(
        "Tab/Enter ô tiếp · Enter ở ô cuối để lưu · Esc hủy",
        "Tab/Enter next field · Enter on the last saves · Esc cancels",
    )
}

pub fn note_title(lang: Lang) -> &'static str {
    lang.pick("Ghi chú cho", "Note on")
}

/// The terminal's locale is not UTF-8; shown without accents.
pub fn terminal_not_utf8(lang: Lang) -> &'static str {
    lang.pick(
        "Cửa sổ dòng lệnh không dùng UTF-8 nên chữ hiện không dấu. PuTTY: Window > Translation > UTF-8; hoặc đặt LANG=C.UTF-8.",
        "The terminal is not UTF-8, so letters are shown without accents. PuTTY: Window > Translation > UTF-8; or set LANG=C.UTF-8.",
    )
}

/// Text pasted with no box open.
pub fn paste_needs_a_box(lang: Lang) -> &'static str {
    lang.pick(
        "Dán chữ vào ô đang mở: / để tìm, n để ghi chú, p tiến độ, d hạn.",
        "Paste into an open box: / to search, n for a note, p progress, d deadline.",
    )
}

/// Esc over a typed note: the question before it is thrown away.
pub fn discard_note_question(lang: Lang) -> &'static str {
    lang.pick(
        "Bỏ ghi chú đang gõ? Esc lần nữa để bỏ; phím khác để gõ tiếp; Ctrl+S để lưu.",
        "Throw the typed note away? Esc again to discard; any other key to go on; Ctrl+S to save.",
    )
}

pub fn note_help(lang: Lang) -> &'static str {
    lang.pick(
        "Ctrl+S lưu · Enter xuống dòng · Esc hủy",
        "Ctrl+S saves · Enter starts a new line · Esc cancels",
    )
}
