//! Words of the risk flags and the period review.

use crate::i18n::*;

pub fn severity_label(severity: crate::domain::risk::Severity, lang: Lang) -> &'static str {
    use crate::domain::risk::Severity as S;
    match severity {
        S::High => lang.pick("cao", "high"),
        S::Medium => lang.pick("trung bình", "medium"),
        S::Low => lang.pick("thấp", "low"),
    }
}

/// A task's reason in the words a meeting understands.
pub fn task_reason(reason: &crate::domain::risk::TaskReason, lang: Lang) -> String {
    use crate::domain::risk::TaskReason as R;
    match (reason, lang) {
        (R::Overdue { days }, Lang::Vi) => format!("quá hạn {days} ngày"),
        (R::Overdue { days }, Lang::En) => format!("overdue {days} days"),
        (R::DueSoon { days_left: 0 }, _) => lang.pick("đến hạn hôm nay", "due today").into(),
        (R::DueSoon { days_left }, Lang::Vi) => format!("còn {days_left} ngày đến hạn"),
        (R::DueSoon { days_left }, Lang::En) => format!("due in {days_left} days"),
        (R::DueInPeriod { due }, Lang::Vi) => {
            format!("đến hạn trong kỳ ({}), chưa xong", format_date(*due))
        }
        (R::DueInPeriod { due }, Lang::En) => {
            format!("due this period ({}), not done", format_date(*due))
        }
        (R::Behind { progress, expected }, Lang::Vi) => {
            format!("tiến độ {progress}%, theo kế hoạch cần {expected}%")
        }
        (R::Behind { progress, expected }, Lang::En) => {
            format!("progress {progress}%, the schedule expects {expected}%")
        }
        (R::NotUpdated { since }, Lang::Vi) => format!("chưa cập nhật từ {}", format_date(*since)),
        (R::NotUpdated { since }, Lang::En) => format!("not updated since {}", format_date(*since)),
        (R::Paused, _) => lang.pick("đang tạm dừng", "paused").into(),
        (R::ChildOverdue { child }, Lang::Vi) => format!("nhiệm vụ con {child} quá hạn"),
        (R::ChildOverdue { child }, Lang::En) => format!("sub-task {child} overdue"),
    }
}

/// A target's reason, with what is needed per month to get back on path.
pub fn target_reason(reason: &crate::domain::risk::TargetReason, unit: &str, lang: Lang) -> String {
    use crate::domain::risk::TargetReason as R;
    let unit = if unit.starts_with('%') { "%" } else { unit };
    match (reason, lang) {
        (
            R::OffPath {
                value,
                expected,
                per_month,
            },
            Lang::Vi,
        ) => format!(
            "đạt {}{unit}, theo lộ trình cần {}{unit}; cần thêm {}{unit}/tháng",
            decimal(*value, lang),
            decimal((expected * 10.0).round() / 10.0, lang),
            decimal((per_month * 10.0).round() / 10.0, lang)
        ),
        (
            R::OffPath {
                value,
                expected,
                per_month,
            },
            Lang::En,
        ) => format!(
            "at {}{unit}, the path expects {}{unit}; needs {}{unit} a month",
            decimal(*value, lang),
            decimal((expected * 10.0).round() / 10.0, lang),
            decimal((per_month * 10.0).round() / 10.0, lang)
        ),
        (R::NotMeasured, _) => lang
            .pick("chưa có số liệu trong kỳ", "no data this period")
            .into(),
    }
}

/// One line per rule, for help and the README.
pub fn risk_rules_explained(rules: &crate::domain::risk::RiskRules, lang: Lang) -> Vec<String> {
    let (soon, slack) = (rules.due_soon_days, rules.behind_tolerance);
    match lang {
        Lang::Vi => vec![
            "! quá hạn: chưa xong mà đã qua hạn, kể cả kỳ trước của việc định kỳ (mức cao)".into(),
            format!("~ sắp đến hạn: chưa xong, còn {soon} ngày trở xuống (mức vừa)"),
            format!("~ chậm tiến độ: tiến độ thấp hơn đường thẳng từ ngày bắt đầu đến hạn quá {slack} điểm % (mức vừa)"),
            "~ nhiệm vụ con quá hạn (mức vừa)".into(),
            "· đến hạn trong kỳ mà chưa xong (mức thấp)".into(),
            "· chưa cập nhật từ ngày chốt số liệu kỳ trước (mức thấp)".into(),
            "· đang tạm dừng (mức thấp)".into(),
            "chỉ tiêu: kết quả gần nhất chậm so với lộ trình (đường thẳng từ số liệu ban đầu đến chỉ tiêu đề ra vào hạn của giai đoạn); hoặc chưa có số liệu trong kỳ".into(),
        ],
        Lang::En => vec![
            "! overdue: not done and past its deadline, earlier occurrences of recurring work included (high)".into(),
            format!("~ due soon: not done, {soon} days or fewer left (medium)"),
            format!("~ behind: progress more than {slack} points below the straight line from start to deadline (medium)"),
            "~ a sub-task is overdue (medium)".into(),
            "· due within the period and not done (low)".into(),
            "· not updated since the previous period's cut-off (low)".into(),
            "· paused (low)".into(),
            "targets: the latest measurement below the straight path from the baseline to the phase value; or none this period".into(),
        ],
    }
}

pub fn bad_period(typed: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Kỳ “{typed}” không hợp lệ. Nhập 2026-Q1 (quý I), 2026-H1 (6 tháng), 2026-Q3 (quý III) hoặc 2026 (năm)."
        ),
        Lang::En => format!(
            "“{typed}” is not a period. Type 2026-Q1, 2026-H1 (six months), 2026-Q3 or 2026 (the year)."
        ),
    }
}

pub fn no_risks(lang: Lang) -> &'static str {
    lang.pick(
        "Không có nhiệm vụ hay chỉ tiêu nào cần lưu ý trong kỳ.",
        "Nothing at risk this period.",
    )
}

/// "Kỳ Năm 2026, tính đến 26/11/2026", and "· đã chốt 16/12/2026" once
/// the period is closed.
pub fn review_heading(app: &crate::app::App, lang: Lang) -> String {
    let name = period_name(app.period(), lang);
    let as_of = format_date(app.review().as_of);
    let closed = app
        .closing(app.period())
        .map(|c| {
            format!(
                " · {} {}",
                lang.pick("đã chốt", "closed"),
                format_date(c.at.date_naive())
            )
        })
        .unwrap_or_default();
    match lang {
        Lang::Vi => format!("Kỳ {name}, tính đến {as_of}{closed}"),
        Lang::En => format!("{name}, as of {as_of}{closed}"),
    }
}

pub fn risks_title(app: &crate::app::App, tasks: usize, targets: usize, lang: Lang) -> String {
    let heading = review_heading(app, lang);
    match lang {
        Lang::Vi => format!("{heading}: {tasks} việc và {targets} chỉ tiêu cần lưu ý"),
        Lang::En => format!("{heading}: {tasks} tasks and {targets} targets at risk"),
    }
}

pub fn targets_group(lang: Lang) -> &'static str {
    lang.pick("Chỉ tiêu", "Targets")
}

pub fn reasons_title(lang: Lang) -> &'static str {
    lang.pick("Cần lưu ý vì:", "At risk because:")
}

pub fn on_agenda(lang: Lang) -> &'static str {
    lang.pick("đã đưa vào chương trình họp", "on the meeting's agenda")
}

pub fn triage_title(period: crate::domain::period::Period, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Rà soát nhanh — kỳ {}", period_name(period, lang)),
        Lang::En => format!("Triage — {}", period_name(period, lang)),
    }
}

pub fn triage_summary_title(decided: usize, queued: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Tổng kết rà soát: đã xử lý {decided}/{queued} việc"),
        Lang::En => format!("Triage summary: {decided} of {queued} items dealt with"),
    }
}

pub fn triage_summary_help(lang: Lang) -> &'static str {
    lang.pick(
        "Mọi quyết định đã được lưu. Enter hoặc Esc để về bảng nhiệm vụ.",
        "Every decision is saved. Enter or Esc returns to the board.",
    )
}

/// What triage's summary calls each decision.
pub struct DecisionWords {
    pub done: &'static str,
    pub extended_to: &'static str,
    pub progress: &'static str,
    pub note: &'static str,
    pub on_agenda: &'static str,
    pub off_agenda: &'static str,
    pub skipped: &'static str,
}

pub fn decision_words(lang: Lang) -> DecisionWords {
    DecisionWords {
        done: lang.pick("xong", "done"),
        extended_to: lang.pick("gia hạn đến", "extended to"),
        progress: lang.pick("cập nhật tiến độ", "progress updated"),
        note: lang.pick("thêm ghi chú", "note added"),
        on_agenda: lang.pick("đưa vào họp", "put on the agenda"),
        off_agenda: lang.pick("bỏ khỏi chương trình họp", "taken off the agenda"),
        skipped: lang.pick("bỏ qua", "skipped"),
    }
}

pub fn extend_title(lang: Lang) -> &'static str {
    lang.pick("Gia hạn", "Extend")
}

pub fn extend_labels(lang: Lang) -> [&'static str; 2] {
    [
        lang.pick("Hạn mới (dd/mm/yyyy)", "New deadline (dd/mm/yyyy)"),
        lang.pick(
            "Lý do gia hạn (bắt buộc, ghi vào lịch sử)",
            "Reason (required, kept in the history)",
        ),
    ]
}

/// The same form opened with `d` on the board, where a deadline may also
/// move earlier.
pub fn change_due_title(lang: Lang) -> &'static str {
    lang.pick("Đổi hạn", "Change the deadline")
}

pub fn change_due_labels(lang: Lang) -> [&'static str; 2] {
    let [new_deadline, _] = extend_labels(lang);
    [
        new_deadline,
        lang.pick(
            "Lý do đổi hạn (bắt buộc, ghi vào lịch sử)",
            "Reason (required, kept in the history)",
        ),
    ]
}

pub fn extend_help(lang: Lang) -> &'static str {
    lang.pick(
        "Tab/Enter ô tiếp · Enter ở ô lý do để lưu · Esc hủy",
        "Tab/Enter next field · Enter on the reason saves · Esc cancels",
    )
}

pub fn reason_column(lang: Lang) -> &'static str {
    lang.pick("Cần lưu ý", "At risk")
}

/// Behind schedule, in the board's narrow state column: "chậm: 20/86%".
pub fn behind_label(progress: u8, expected: u8, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("chậm: {progress}/{expected}%"),
        Lang::En => format!("behind {progress}/{expected}%"),
    }
}

pub fn risk_rules_title(lang: Lang) -> &'static str {
    lang.pick("Khi nào một việc “cần lưu ý”", "When work is flagged")
}

pub fn same_deadline(lang: Lang) -> &'static str {
    lang.pick(
        "Hạn mới trùng hạn hiện tại; nhập một ngày khác, hoặc Esc để thôi.",
        "That is the deadline already; type another day, or Esc to leave it.",
    )
}
