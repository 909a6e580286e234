//! Words of meeting mode's slides.

use crate::i18n::*;

pub fn slide_overview(lang: Lang) -> &'static str {
    lang.pick("Tổng quan", "Overview")
}

pub fn slide_area(code: u8, name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Lĩnh vực {code} · {name}"),
        Lang::En => format!("Area {code} · {name}"),
    }
}

pub fn slide_risks(lang: Lang) -> &'static str {
    lang.pick("Việc cần lưu ý", "At risk")
}

pub fn slide_targets(lang: Lang) -> &'static str {
    lang.pick("Chỉ tiêu", "Targets")
}

pub fn slide_agenda(lang: Lang) -> &'static str {
    lang.pick("Đề nghị đưa ra cuộc họp", "On the agenda")
}

pub fn slide_changes(since: chrono::NaiveDate, after_meeting: bool, lang: Lang) -> String {
    let day = format_date(since);
    match (lang, after_meeting) {
        (Lang::Vi, true) => format!("Thay đổi từ cuộc họp trước ({day})"),
        (Lang::Vi, false) => format!("Thay đổi từ đầu kỳ ({day})"),
        (Lang::En, true) => format!("Since the last meeting ({day})"),
        (Lang::En, false) => format!("Since the period began ({day})"),
    }
}

pub fn slide_empty(agenda: bool, lang: Lang) -> &'static str {
    match agenda {
        true => lang.pick(
            "Chưa có việc nào được đánh dấu ! khi rà soát.",
            "Nothing was flagged ! in triage.",
        ),
        false => lang.pick(
            "Không có gì để trình bày ở mục này.",
            "Nothing to show here.",
        ),
    }
}

/// Shown while the store's owner is lost: what is on screen may be stale.
pub fn disconnected_badge(lang: Lang) -> &'static str {
    lang.pick(
        "! MẤT KẾT NỐI KHO · số liệu có thể đã cũ",
        "! STORE DISCONNECTED · figures may be out of date",
    )
}

pub fn read_only_badge(lang: Lang) -> &'static str {
    lang.pick("CHỈ XEM", "READ-ONLY")
}

pub fn meeting_keys(lang: Lang) -> &'static str {
    lang.pick(
        "→ sau  ← trước  ? trợ giúp  q thoát",
        "→ next  ← back  ? help  q leave",
    )
}

pub fn figure_done(lang: Lang) -> &'static str {
    lang.pick("đã hoàn thành / có thời hạn", "done / with a deadline")
}

pub fn figure_overdue(lang: Lang) -> &'static str {
    lang.pick("quá hạn", "overdue")
}

pub fn figure_at_risk(lang: Lang) -> &'static str {
    lang.pick("việc cần lưu ý", "tasks at risk")
}

pub fn figure_targets(lang: Lang) -> &'static str {
    lang.pick("chỉ tiêu đúng lộ trình", "targets on track")
}

pub fn figure_by_area(lang: Lang) -> &'static str {
    lang.pick("Theo lĩnh vực", "By area")
}

pub fn figure_by_unit(lang: Lang) -> &'static str {
    lang.pick("Theo đơn vị chủ trì", "By lead unit")
}

pub fn grid_total(lang: Lang) -> &'static str {
    lang.pick("Cộng", "Total")
}

/// The two groups of the grid's columns.
pub fn grid_groups(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Vi => ("Đã hoàn thành", "Chưa hoàn thành"),
        Lang::En => ("Done", "Not done"),
    }
}

/// The grid's six columns, short enough for a slide at 80 columns.
pub fn grid_columns(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Vi => [
            "Tổng số",
            "Đúng hạn",
            "Quá hạn",
            "Trong hạn",
            "Quá hạn",
            "Không hạn",
        ],
        Lang::En => ["All", "On time", "Late", "On time", "Overdue", "No date"],
    }
}

/// The column headers of the slides.
pub struct SlideColumns {
    pub id: &'static str,
    pub task: &'static str,
    pub lead: &'static str,
    pub area: &'static str,
    pub progress: &'static str,
    pub state: &'static str,
    pub target: &'static str,
    pub target_figures: &'static str,
}

pub fn slide_columns(lang: Lang) -> SlideColumns {
    SlideColumns {
        id: lang.pick("Mã", "ID"),
        task: lang.pick("Nhiệm vụ", "Task"),
        lead: lang.pick("Chủ trì", "Lead"),
        area: lang.pick("Lĩnh vực", "Area"),
        progress: lang.pick("%", "%"),
        state: lang.pick("Tình hình thực hiện", "State"),
        target: lang.pick("Chỉ tiêu", "Target"),
        target_figures: lang.pick(
            "Kết quả → chỉ tiêu đề ra · mức đạt · số liệu · hạn",
            "Result → goal · share · results · due",
        ),
    }
}

pub fn area_short(lang: Lang) -> &'static str {
    lang.pick("LV", "Area")
}

pub fn change_done(id: &str, title: &str, who: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{id} {title}: hoàn thành ({who})"),
        Lang::En => format!("{id} {title}: done ({who})"),
    }
}

pub fn change_overdue(id: &str, title: &str, due: chrono::NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{id} {title}: mới quá hạn (hạn {})", format_date(due)),
        Lang::En => format!("{id} {title}: newly overdue (due {})", format_date(due)),
    }
}

pub fn change_moved(
    id: &str,
    from: Option<chrono::NaiveDate>,
    to: chrono::NaiveDate,
    who: &str,
    reason: Option<&str>,
    lang: Lang,
) -> String {
    let later = from.is_none_or(|f| to > f);
    let from = from.map(format_date).unwrap_or_else(|| "—".into());
    let reason = reason.map(|r| format!(": {r}")).unwrap_or_default();
    // "Gia hạn" is an extension; a deadline brought forward is only changed.
    let verb = match (lang, later) {
        (Lang::Vi, true) => "gia hạn",
        (Lang::Vi, false) => "đổi hạn",
        (Lang::En, true) => "extended",
        (Lang::En, false) => "deadline moved",
    };
    format!("{id} {verb} {from} → {} ({who}){reason}", format_date(to))
}

pub fn change_measured(
    target: &str,
    value: f64,
    on: chrono::NaiveDate,
    who: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::Vi => format!(
            "{target} có số liệu {} ngày {} ({who})",
            decimal(value, lang),
            format_date(on)
        ),
        Lang::En => format!(
            "{target} measured {} on {} ({who})",
            decimal(value, lang),
            format_date(on)
        ),
    }
}

pub fn default_meeting_title(lang: Lang) -> &'static str {
    lang.pick("Họp giao ban CCHC", "CCHC review meeting")
}

pub fn no_meetings(lang: Lang) -> &'static str {
    lang.pick(
        "Chưa ghi nhận cuộc họp nào. Dùng `cchc meeting new`.",
        "No meeting recorded yet. Use `cchc meeting new`.",
    )
}
