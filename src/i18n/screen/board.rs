//! Words of the full-screen board, its dialogs and triage.

use crate::i18n::*;

pub fn select_a_task(lang: Lang) -> &'static str {
    lang.pick(
        "Hãy chọn một nhiệm vụ (không phải dòng nhóm).",
        "Select a task (not a group line).",
    )
}

pub fn save_failed(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("CHƯA LƯU: {detail}"),
        Lang::En => format!("NOT SAVED: {detail}"),
    }
}

pub fn nothing_to_undo(lang: Lang) -> &'static str {
    lang.pick(
        "Không còn thay đổi nào của phiên này để hoàn tác.",
        "Nothing of this session left to undo.",
    )
}

pub fn undo_reason(seq: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("hoàn tác thay đổi #{seq}"),
        Lang::En => format!("undo of change #{seq}"),
    }
}

pub fn undone(subject: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã hoàn tác thay đổi vừa rồi của {subject}."),
        Lang::En => format!("Undid the last edit of {subject}."),
    }
}

pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            format!("Cửa sổ quá nhỏ ({width}×{height}). Cần ít nhất {min_width}×{min_height}.")
        }
        Lang::En => {
            format!("Window too small ({width}×{height}). Needs at least {min_width}×{min_height}.")
        }
    }
}

pub fn app_title(lang: Lang) -> &'static str {
    lang.pick("CCHC · xã Hà Đông", "CCHC · Hà Đông")
}

pub fn grouping_label(grouping: crate::app::board::Grouping, lang: Lang) -> &'static str {
    use crate::app::board::Grouping as G;
    match grouping {
        G::Area => lang.pick("Nhóm: lĩnh vực", "By area"),
        G::Unit => lang.pick("Nhóm: đơn vị chủ trì", "By lead unit"),
        G::Status => lang.pick("Nhóm: tình trạng", "By state"),
        G::DueMonth => lang.pick("Nhóm: tháng đến hạn", "By due month"),
        G::Officer => lang.pick("Nhóm: theo cán bộ", "By officer"),
    }
}

pub fn chip_area(area: u8, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("lĩnh vực {area}"),
        Lang::En => format!("area {area}"),
    }
}

pub fn chip_overdue(lang: Lang) -> &'static str {
    lang.pick("chỉ quá hạn", "overdue only")
}

pub fn chip_search(query: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("tìm: {query}"),
        Lang::En => format!("search: {query}"),
    }
}

pub fn clear_filters_hint(lang: Lang) -> &'static str {
    lang.pick("x: xóa lọc", "x: clear")
}

pub fn board_empty(lang: Lang) -> &'static str {
    lang.pick(
        "Không có nhiệm vụ nào phù hợp với bộ lọc. Nhấn x để xóa bộ lọc.",
        "No task matches the filters. Press x to clear them.",
    )
}

pub fn area_name(area: &crate::domain::Area, lang: Lang) -> String {
    match lang {
        Lang::Vi => area.name.clone(),
        Lang::En => area.name_en.clone(),
    }
}

pub fn unit_name(unit: &crate::domain::Unit, lang: Lang) -> String {
    match lang {
        Lang::Vi => unit.name.clone(),
        Lang::En => unit.name_en.clone(),
    }
}

pub fn bucket_label(bucket: crate::app::board::StateBucket, lang: Lang) -> &'static str {
    use crate::app::board::StateBucket as B;
    match bucket {
        B::Overdue => lang.pick("Quá hạn", "Overdue"),
        B::NotStarted => lang.pick("Chưa bắt đầu", "Not started"),
        B::InProgress => lang.pick("Đang thực hiện, trong hạn", "In progress, on time"),
        B::Ongoing => lang.pick("Không có thời hạn", "No deadline"),
        B::Paused => lang.pick("Tạm dừng", "Paused"),
        B::DoneLate => lang.pick("Hoàn thành quá hạn", "Done late"),
        B::DoneOnTime => lang.pick("Hoàn thành đúng hạn", "Done on time"),
        B::Cancelled => lang.pick("Đã hủy", "Cancelled"),
    }
}

pub fn month_label(year: i32, month: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Tháng {month:02}/{year}"),
        Lang::En => format!("{month:02}/{year}"),
    }
}

pub fn detail_title(lang: Lang) -> &'static str {
    lang.pick("Chi tiết", "Details")
}

pub fn subtasks_title(lang: Lang) -> &'static str {
    lang.pick("Nhiệm vụ con", "Sub-tasks")
}

/// One history entry on one line (stored text sanitised).
/// Who made a change, the address marked as what the SSH session reported.
pub fn author(who: &str, lang: Lang) -> String {
    use crate::domain::text::sanitize_line;
    let author = crate::domain::Author::of(who);
    let account = match author.name {
        Some(name) => format!(
            "{} ({})",
            sanitize_line(name),
            sanitize_line(author.account)
        ),
        None => sanitize_line(author.account).into_owned(),
    };
    match (author.reported_from, lang) {
        (None, _) => account,
        (Some(from), Lang::Vi) => format!("{account} (phiên SSH báo từ {from})"),
        (Some(from), Lang::En) => format!("{account} (SSH session reports {from})"),
    }
}

pub fn history_line(entry: &crate::domain::HistoryEntry, lang: Lang) -> String {
    use crate::domain::text::sanitize_line;
    let reason = entry
        .reason
        .as_deref()
        .map(|r| format!(" ({})", sanitize_line(r)))
        .unwrap_or_default();
    format!(
        "#{} {} {} · {}: {} → {}{reason}",
        entry.seq,
        entry.at.format("%d/%m/%Y %H:%M:%S"),
        author(&entry.who, lang),
        field_label(entry.field, lang),
        sanitize_line(&value_text(&entry.old, lang)),
        sanitize_line(&value_text(&entry.new, lang)),
    )
}

pub fn task_count(tasks: usize, done: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{tasks} nhiệm vụ, {done} xong"),
        Lang::En => format!("{tasks} tasks, {done} done"),
    }
}

pub(crate) fn percent_text(value: f64, lang: Lang) -> String {
    let text = format!("{value:.1}");
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

pub fn overdue_status(overdue: usize, of_all: f64, of_dated: f64, lang: Lang) -> String {
    let (all, dated) = (percent_text(of_all, lang), percent_text(of_dated, lang));
    match lang {
        Lang::Vi => format!("quá hạn {overdue} ({all}% tổng số; {dated}% số có thời hạn)"),
        Lang::En => format!("overdue {overdue} ({all}% of all; {dated}% of dated)"),
    }
}

/// The overdue figures where the status line is short of room.
pub fn overdue_status_short(overdue: usize, of_all: f64, of_dated: f64, lang: Lang) -> String {
    let (all, dated) = (percent_text(of_all, lang), percent_text(of_dated, lang));
    match lang {
        Lang::Vi => format!("quá hạn {overdue} ({all}% / {dated}% có hạn)"),
        Lang::En => format!("overdue {overdue} ({all}% / {dated}% of dated)"),
    }
}

pub fn saved_at(time: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("đã lưu {time}"),
        Lang::En => format!("saved {time}"),
    }
}

pub fn help_title(lang: Lang) -> &'static str {
    lang.pick(
        "Trợ giúp — phím tắt (↑↓ cuộn, Esc đóng)",
        "Help — keys (↑↓ scroll, Esc close)",
    )
}

pub fn status_picker_title(lang: Lang) -> &'static str {
    lang.pick("Trạng thái", "Status")
}

pub fn filter_title(lang: Lang) -> &'static str {
    lang.pick("Lọc nhiệm vụ", "Filter tasks")
}

pub fn filter_all(lang: Lang) -> &'static str {
    lang.pick("tất cả", "all")
}

pub fn yes_no(value: bool, lang: Lang) -> &'static str {
    match value {
        true => lang.pick("có", "yes"),
        false => lang.pick("không", "no"),
    }
}

/// The names of the filter dialog's lines.
pub struct FilterWords {
    pub area: &'static str,
    pub unit: &'static str,
    pub status: &'static str,
    pub overdue_only: &'static str,
}

pub fn filter_words(lang: Lang) -> FilterWords {
    FilterWords {
        area: lang.pick("Lĩnh vực", "Area"),
        unit: lang.pick("Đơn vị chủ trì", "Lead unit"),
        status: lang.pick("Trạng thái", "Status"),
        overdue_only: lang.pick("Chỉ quá hạn", "Overdue only"),
    }
}

pub fn filter_help(lang: Lang) -> &'static str {
    lang.pick(
        "↑↓ chọn dòng · ←→ đổi giá trị · Enter/Esc đóng",
        "↑↓ line · ←→ value · Enter/Esc close",
    )
}

pub fn crashed(report: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "cchc gặp lỗi nội bộ và đã dừng. Mọi thay đổi đã báo “đã lưu” vẫn còn nguyên. Báo cáo lỗi: {report}"
        ),
        Lang::En => format!(
            "cchc hit an internal error and stopped. Every edit reported saved is kept. Crash report: {report}"
        ),
    }
}

pub fn needs_terminal(lang: Lang) -> &'static str {
    lang.pick(
        "Giao diện toàn màn hình cần một cửa sổ dòng lệnh (terminal). Dùng các lệnh con, ví dụ `cchc list`.",
        "The full-screen interface needs a terminal. Use the subcommands, e.g. `cchc list`.",
    )
}

pub fn config_error(path: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Tệp cấu hình {path} không hợp lệ: {detail}. Các mục được nhận: theme (dark, light, high-contrast, mono, projector), lang (vi, en), key_hints (true, false); [periods] scheme (ministry, calendar), cutoff_day (1–28), report_day (1–28); [risks] due_soon_days (0–365), behind_tolerance (0–100); [share] idle_seconds (0–86400 giây), group_access (true, false)."
        ),
        Lang::En => format!(
            "The config file {path} is invalid: {detail}. Accepted settings: theme (dark, light, high-contrast, mono, projector), lang (vi, en), key_hints (true, false); [periods] scheme (ministry, calendar), cutoff_day (1–28), report_day (1–28); [risks] due_soon_days (0–365), behind_tolerance (0–100); [share] idle_seconds (0–86400 seconds), group_access (true, false)."
        ),
    }
}

pub fn config_location(path: &str, exists: bool, lang: Lang) -> String {
    match (lang, exists) {
        (Lang::Vi, true) => format!("# Tệp cấu hình: {path}\n# Giá trị đang dùng:"),
        (Lang::Vi, false) => {
            format!("# Tệp cấu hình: {path} (chưa có; đang dùng mặc định)\n# Giá trị đang dùng:")
        }
        (Lang::En, true) => format!("# Config file: {path}\n# Settings in force:"),
        (Lang::En, false) => {
            format!("# Config file: {path} (absent; defaults in force)\n# Settings in force:")
        }
    }
}

/// The deadline class in at most 14 columns, for the board on narrow screens.
pub fn class_label_short(class: DeadlineClass, lang: Lang) -> String {
    match (class, lang) {
        (DeadlineClass::Overdue(days), Lang::Vi) => format!("quá {days} ngày"),
        (DeadlineClass::Overdue(days), Lang::En) => format!("overdue {days}d"),
        (DeadlineClass::DoneOnTime, _) => lang.pick("xong đúng hạn", "done on time").into(),
        (DeadlineClass::DoneLate, _) => lang.pick("xong quá hạn", "done late").into(),
        (DeadlineClass::Ongoing, _) => lang.pick("không thời hạn", "no deadline").into(),
        (other, _) => class_label(other, lang),
    }
}

pub fn group_figures(
    total: usize,
    done: usize,
    in_progress: usize,
    overdue: usize,
    lang: Lang,
) -> String {
    match lang {
        Lang::Vi => format!(
            "{total} nhiệm vụ: √ {done} hoàn thành · ► {in_progress} đang thực hiện · ! {overdue} quá hạn"
        ),
        Lang::En => format!(
            "{total} tasks: √ {done} done · ► {in_progress} in progress · ! {overdue} overdue"
        ),
    }
}

/// Open work due within the warning window: "còn 5 ngày", "hạn hôm nay".
pub fn due_soon_label(days_left: i64, lang: Lang) -> String {
    match (days_left, lang) {
        (0, Lang::Vi) => "đến hạn hôm nay".into(),
        (0, Lang::En) => "due today".into(),
        (n, Lang::Vi) => format!("còn {n} ngày"),
        (n, Lang::En) => format!("{n} d left"),
    }
}

/// A task's deadline in force, and the plan's when a person moved it:
/// "31/03/2028 (hạn cũ 31/12/2027)".
pub fn task_due(view: &crate::app::TaskView<'_>, lang: Lang) -> String {
    due_text(view.due, view.moved_from(), lang)
}

/// Where an occurrence's deadline comes from: the plan's own words, the
/// office's assumption or change, or the reporting calendar; and that the
/// plan sets none, where it sets none.
pub fn due_basis(view: &crate::app::TaskView<'_>, lang: Lang) -> String {
    use crate::domain::{Cadence, Source};
    if view.moved_from().is_some() || (view.state.due.is_some() && view.window.due.is_none()) {
        return lang
            .pick(
                "văn phòng đặt hoặc đổi hạn (lý do trong lịch sử thay đổi)",
                "set or moved by the office (the reason is in the history)",
            )
            .into();
    }
    if crate::domain::office::id_number(&view.def.id).is_some() {
        return match lang {
            Lang::Vi => format!(
                "nhiệm vụ bổ sung; {}",
                crate::i18n::office_source(&view.def.plan_ref, lang)
            ),
            Lang::En => format!(
                "a task the office added; {}",
                crate::i18n::office_source(&view.def.plan_ref, lang)
            ),
        };
    }
    match (&view.def.due_source, view.def.cadence, view.due) {
        (Some(Source::Plan(words)), _, _) => match lang {
            Lang::Vi => format!("kế hoạch: “{}”", sanitize_line(words)),
            Lang::En => format!("the plan: “{}”", sanitize_line(words)),
        },
        (Some(Source::Office(words)), _, _) => match lang {
            Lang::Vi => format!("giả định của văn phòng: {}", sanitize_line(words)),
            Lang::En => format!("the office's assumption: {}", sanitize_line(words)),
        },
        (None, Cadence::Yearly | Cadence::Quarterly | Cadence::Weekly, Some(_)) => lang
            .pick(
                "lịch báo cáo định kỳ (hạn báo cáo của kỳ)",
                "the reporting calendar (the period's report day)",
            )
            .into(),
        (None, _, None) => lang
            .pick("kế hoạch không đặt thời hạn", "the plan sets none")
            .into(),
        // A catalog stored before dates kept their source.
        (None, _, Some(_)) => lang
            .pick(
                "chưa ghi căn cứ (danh mục cũ: chạy cchc catalog sync để cập nhật)",
                "not recorded (an older catalog: run cchc catalog sync)",
            )
            .into(),
    }
}

/// A deadline as shown in a task's details; `was` is the plan's deadline when
/// a person moved it.
pub fn due_text(
    due: Option<chrono::NaiveDate>,
    was: Option<chrono::NaiveDate>,
    lang: Lang,
) -> String {
    let l = show_labels(lang);
    match (due, was) {
        (Some(due), Some(was)) => format!(
            "{} ({} {})",
            format_date(due),
            l.moved_from,
            format_date(was)
        ),
        (Some(due), None) => format_date(due),
        (None, _) => l.no_deadline.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::{self, Mode};

    #[test]
    fn every_action_in_the_table_has_a_description_in_both_languages() {
        for mode in Mode::ALL {
            for binding in keymap::bindings(mode) {
                for lang in [Lang::Vi, Lang::En] {
                    assert!(
                        !action_label(binding.action, lang).is_empty(),
                        "{:?}",
                        binding.action
                    );
                }
            }
        }
    }
}
