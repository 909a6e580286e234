//! Words of the command line's listings and messages.

use crate::domain::{TargetDef, TargetState};
use crate::i18n::*;

pub struct Columns {
    pub id: &'static str,
    pub title: &'static str,
    pub lead: &'static str,
    pub due: &'static str,
    pub class: &'static str,
    pub progress: &'static str,
}

pub fn columns(lang: Lang) -> Columns {
    Columns {
        id: lang.pick("Mã", "ID"),
        title: lang.pick("Nhiệm vụ", "Task"),
        lead: lang.pick("Chủ trì", "Lead"),
        due: lang.pick("Hạn", "Due"),
        class: lang.pick("Tình trạng", "State"),
        progress: lang.pick("Tiến độ", "Progress"),
    }
}

pub struct ShowLabels {
    pub area: &'static str,
    pub plan_ref: &'static str,
    pub parent: &'static str,
    pub lead: &'static str,
    pub coordinators: &'static str,
    pub cadence: &'static str,
    pub occurrence: &'static str,
    /// The section listing every occurrence of recurring work.
    pub occurrences: &'static str,
    pub start: &'static str,
    pub due: &'static str,
    pub status: &'static str,
    pub class: &'static str,
    pub progress: &'static str,
    pub completed_on: &'static str,
    pub notes: &'static str,
    pub evidence: &'static str,
    pub history: &'static str,
    pub none: &'static str,
    pub no_deadline: &'static str,
    pub moved_from: &'static str,
    /// Where the deadline comes from.
    pub due_basis: &'static str,
    /// The officer in charge.
    pub assignee: &'static str,
    /// The document that assigned a task the office added.
    pub source: &'static str,
}

pub fn show_labels(lang: Lang) -> ShowLabels {
    ShowLabels {
        area: lang.pick("Lĩnh vực", "Area"),
        plan_ref: lang.pick("Mục kế hoạch", "Plan section"),
        parent: lang.pick("Thuộc nhiệm vụ", "Part of"),
        lead: lang.pick("Chủ trì", "Lead"),
        coordinators: lang.pick("Phối hợp", "Coordinating"),
        cadence: lang.pick("Tần suất", "Cadence"),
        occurrence: lang.pick("Kỳ", "Occurrence"),
        occurrences: lang.pick("Các kỳ", "Occurrences"),
        start: lang.pick("Bắt đầu", "Starts"),
        due: lang.pick("Hạn", "Due"),
        status: lang.pick("Trạng thái", "Status"),
        class: lang.pick("Tình hình thực hiện", "State"),
        progress: lang.pick("Tiến độ", "Progress"),
        completed_on: lang.pick("Ngày hoàn thành", "Completed on"),
        notes: lang.pick("Ghi chú", "Notes"),
        evidence: lang.pick("Tài liệu kiểm chứng", "Evidence"),
        history: lang.pick("Lịch sử thay đổi", "History"),
        none: lang.pick("(chưa có)", "(none)"),
        no_deadline: lang.pick("không có thời hạn", "no deadline"),
        moved_from: lang.pick("hạn cũ", "was"),
        due_basis: lang.pick("Căn cứ thời hạn", "Deadline from"),
        assignee: lang.pick("Cán bộ thực hiện", "Officer in charge"),
        source: lang.pick("Văn bản giao", "Assigned by"),
    }
}

pub struct TargetLabels {
    pub id: &'static str,
    pub target: &'static str,
    pub goal: &'static str,
    /// The goal's header where a column has eight cells.
    pub goal_short: &'static str,
    pub latest: &'static str,
    pub due: &'static str,
    pub verdict: &'static str,
    pub unmeasured: &'static str,
}

pub fn target_labels(lang: Lang) -> TargetLabels {
    TargetLabels {
        id: lang.pick("Mã", "ID"),
        target: lang.pick("Chỉ tiêu", "Target"),
        goal: lang.pick("Chỉ tiêu đề ra", "Goal"),
        goal_short: lang.pick("Đề ra", "Goal"),
        latest: lang.pick("Kết quả gần nhất", "Latest result"),
        due: lang.pick("Hạn", "Due"),
        verdict: lang.pick("Đánh giá", "Verdict"),
        unmeasured: lang.pick("chưa có số liệu", "no data yet"),
    }
}

/// Where a target's path starts: the plan's baseline with its words, the
/// office's with its source, or that there is none.
pub fn baseline_text(def: &TargetDef, state: &TargetState, lang: Lang) -> String {
    use crate::domain::Source;
    let label = lang.pick("Mốc ban đầu", "Baseline");
    let unit = if def.unit.starts_with('%') { "%" } else { "" };
    match (def.baseline, &def.baseline_source, &state.baseline) {
        (Some(value), source, _) => {
            let words = match source {
                Some(Source::Plan(words) | Source::Office(words)) => sanitize_line(words).into(),
                None => lang.pick("kế hoạch", "the plan").to_string(),
            };
            format!("{label}: {}{unit} ({words})", decimal(value, lang))
        }
        (None, _, Some(office)) => match lang {
            Lang::Vi => format!(
                "{label}: {}{unit} (văn phòng nhập, nguồn: {}; {} {})",
                decimal(office.value, lang),
                sanitize_line(&office.source),
                sanitize_line(&office.who),
                format_date(office.at.date_naive())
            ),
            Lang::En => format!(
                "{label}: {}{unit} (entered by the office, source: {}; {} {})",
                decimal(office.value, lang),
                sanitize_line(&office.source),
                sanitize_line(&office.who),
                format_date(office.at.date_naive())
            ),
        },
        (None, _, None) if def.qualitative => lang
            .pick(
                "Chỉ tiêu định tính: đánh giá đạt / chưa đạt",
                "Qualitative aim: judged met / not met",
            )
            .into(),
        (None, _, None) => format!(
            "{label}: {}",
            lang.pick(
                "kế hoạch không quy định (nhập: cchc target baseline)",
                "the plan gives none (enter one: cchc target baseline)",
            )
        ),
    }
}

pub fn report_written(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã ghi báo cáo: {path}"),
        Lang::En => format!("Report written: {path}"),
    }
}

pub fn saved(count: usize, subject: &str, time: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã lưu {count} thay đổi của {subject} lúc {time}."),
        Lang::En => format!("Saved {count} change(s) to {subject} at {time}."),
    }
}

pub fn nothing_changed(subject: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{subject}: không có gì thay đổi, không ghi gì."),
        Lang::En => format!("{subject}: nothing changed, nothing written."),
    }
}

pub fn no_rows(lang: Lang) -> &'static str {
    lang.pick("Không có nhiệm vụ nào phù hợp.", "No task matches.")
}

pub fn rows_count(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{count} nhiệm vụ."),
        Lang::En => format!("{count} task(s)."),
    }
}

pub fn no_history(lang: Lang) -> &'static str {
    lang.pick("Chưa có thay đổi nào.", "No changes yet.")
}

pub fn catalog_synced(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            format!("Đã cập nhật danh mục: {count} thay đổi, mọi chỉnh sửa được giữ nguyên.")
        }
        Lang::En => format!("Catalog updated: {count} change(s), every edit kept."),
    }
}

pub fn catalog_current(lang: Lang) -> &'static str {
    lang.pick(
        "Danh mục đã là bản mới nhất.",
        "The catalog is already current.",
    )
}

pub fn imported(tasks: usize, history: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã nhập {tasks} bản ghi nhiệm vụ và {history} mục lịch sử."),
        Lang::En => format!("Imported {tasks} task record(s) and {history} history entries."),
    }
}

pub fn backup_written(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã sao lưu vào {path}"),
        Lang::En => format!("Backup written to {path}"),
    }
}
