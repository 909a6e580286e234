//! The words of the period report, laid out as Nghị định 30/2020/NĐ-CP asks
//! of an administrative document: the same in the Word document, the
//! workbook, the CSV annexes and the Markdown.

use chrono::{Datelike, NaiveDate};

use crate::domain::period::{Period, PeriodKind};
use crate::domain::report_text::ReportSection;
use crate::i18n::*;

mod sentences;
pub use sentences::*;

/// Fixed words of the report, in the order they appear.
#[derive(Clone)]
pub struct ReportWords {
    /// Top left, first line: the body that issues the report.
    pub issuer_body: &'static str,
    /// Top right: the nation's name and its motto.
    pub nation: &'static str,
    pub motto: &'static str,
    /// "Số:      /BC-UBND": the number is given when the office registers it.
    pub number: &'static str,
    pub title: &'static str,
    pub part_direction: &'static str,
    pub part_results: &'static str,
    pub part_assessment: &'static str,
    pub strengths: &'static str,
    pub weaknesses: &'static str,
    pub part_next: &'static str,
    pub part_proposals: &'static str,
    pub done: &'static str,
    pub in_progress: &'static str,
    pub overdue: &'static str,
    pub moved: &'static str,
    pub targets: &'static str,
    pub nothing: &'static str,
    pub next_due: &'static str,
    pub recipients: &'static str,
    /// The recipients the office fills in, and the file copy.
    pub recipient_lines: [&'static str; 3],
    pub signature_on_behalf: &'static str,
    pub signature_title: &'static str,
    pub signature_name: &'static str,
    pub annex: &'static str,
    pub annex_grid: &'static str,
    pub annex_tasks: &'static str,
    pub annex_targets: &'static str,
    pub by_area: &'static str,
    pub by_unit: &'static str,
    pub total_row: &'static str,
    /// The grid's columns: area or unit, total, done on time, done late,
    /// open in time, open overdue, no deadline.
    pub grid_columns: [&'static str; 7],
    /// Annex II: no., id, task, lead, due, state, progress, done on, evidence.
    pub task_columns: [&'static str; 9],
    /// Annex III: no., id, target, goal, latest result, measured on, due, verdict.
    pub target_columns: [&'static str; 8],
    pub evidence_none: &'static str,
    pub why: &'static str,
    /// An overdue task whose cause nobody has noted yet.
    pub why_unknown: &'static str,
}

pub fn report_words(lang: Lang) -> ReportWords {
    ReportWords {
        issuer_body: lang.pick("ỦY BAN NHÂN DÂN", "PEOPLE'S COMMITTEE"),
        nation: lang.pick(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SOCIALIST REPUBLIC OF VIETNAM",
        ),
        motto: lang.pick(
            "Độc lập - Tự do - Hạnh phúc",
            "Independence - Freedom - Happiness",
        ),
        number: lang.pick("Số:       /BC-UBND", "No.:       /BC-UBND"),
        title: lang.pick("BÁO CÁO", "REPORT"),
        part_direction: lang.pick(
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "I. DIRECTION AND MANAGEMENT",
        ),
        part_results: lang.pick(
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
            "II. RESULTS OF THE REFORM TASKS",
        ),
        part_assessment: lang.pick("III. ĐÁNH GIÁ CHUNG", "III. OVERALL ASSESSMENT"),
        strengths: lang.pick("1. Ưu điểm", "1. Strengths"),
        weaknesses: lang.pick(
            "2. Tồn tại, hạn chế và nguyên nhân",
            "2. Shortcomings and their causes",
        ),
        part_next: lang.pick(
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
            "IV. DIRECTION AND TASKS FOR THE NEXT PERIOD",
        ),
        part_proposals: lang.pick("V. ĐỀ XUẤT, KIẾN NGHỊ", "V. PROPOSALS"),
        done: lang.pick("Nhiệm vụ đã hoàn thành trong kỳ", "Done in the period"),
        in_progress: lang.pick("Nhiệm vụ đang thực hiện", "In progress"),
        overdue: lang.pick("Nhiệm vụ quá hạn và nguyên nhân", "Overdue, and why"),
        moved: lang.pick(
            "Điều chỉnh thời hạn trong kỳ",
            "Deadlines moved in the period",
        ),
        targets: lang.pick("Kết quả thực hiện chỉ tiêu", "Target results"),
        nothing: lang.pick("Không có.", "None."),
        next_due: lang.pick(
            "Các nhiệm vụ đến hạn trong kỳ tới:",
            "Work due in the next period:",
        ),
        recipients: lang.pick("Nơi nhận:", "To:"),
        recipient_lines: [
            lang.pick("- [Cơ quan nhận báo cáo];", "- [Receiving body];"),
            lang.pick(
                "- [Thường trực Đảng ủy, HĐND xã];",
                "- [Commune leadership];",
            ),
            lang.pick("- Lưu: VT, VHXH.", "- File: VT, VHXH."),
        ],
        signature_on_behalf: lang.pick("TM. ỦY BAN NHÂN DÂN", "ON BEHALF OF THE COMMITTEE"),
        signature_title: lang.pick("CHỦ TỊCH", "CHAIR"),
        signature_name: lang.pick("[Họ và tên]", "[Full name]"),
        annex: lang.pick("Phụ lục", "Annex"),
        annex_grid: lang.pick(
            "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO LĨNH VỰC VÀ ĐƠN VỊ CHỦ TRÌ",
            "STATE OF THE TASKS BY AREA AND BY LEAD UNIT",
        ),
        annex_tasks: lang.pick(
            "DANH MỤC NHIỆM VỤ TRONG KỲ BÁO CÁO",
            "THE TASKS OF THE PERIOD",
        ),
        annex_targets: lang.pick("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "TARGET RESULTS"),
        by_area: lang.pick("Theo lĩnh vực", "By area"),
        by_unit: lang.pick("Theo đơn vị chủ trì", "By lead unit"),
        total_row: lang.pick("Cộng", "Total"),
        grid_columns: [
            lang.pick("Lĩnh vực / Đơn vị", "Area / unit"),
            lang.pick("Tổng số", "Total"),
            lang.pick("Hoàn thành đúng hạn", "Done on time"),
            lang.pick("Hoàn thành quá hạn", "Done late"),
            lang.pick("Chưa hoàn thành, trong hạn", "Open, in time"),
            lang.pick("Chưa hoàn thành, quá hạn", "Open, overdue"),
            lang.pick("Không có thời hạn", "No deadline"),
        ],
        task_columns: [
            lang.pick("STT", "No."),
            lang.pick("Mã", "ID"),
            lang.pick("Nhiệm vụ", "Task"),
            lang.pick("Chủ trì (cán bộ thực hiện)", "Lead (officer)"),
            lang.pick("Thời hạn", "Due"),
            lang.pick("Tình hình thực hiện", "State"),
            lang.pick("Tiến độ (%)", "Progress (%)"),
            lang.pick("Ngày hoàn thành", "Done on"),
            lang.pick("Văn bản, tài liệu kiểm chứng", "Evidence"),
        ],
        target_columns: [
            lang.pick("STT", "No."),
            lang.pick("Mã", "ID"),
            lang.pick("Chỉ tiêu", "Target"),
            lang.pick("Chỉ tiêu đề ra", "Goal"),
            lang.pick("Kết quả gần nhất", "Latest result"),
            lang.pick("Ngày số liệu", "Measured on"),
            lang.pick("Thời hạn", "Due"),
            lang.pick("Đánh giá", "Verdict"),
        ],
        evidence_none: lang.pick("chưa có", "none yet"),
        why: lang.pick("Nguyên nhân", "Why"),
        why_unknown: lang.pick(
            "[chưa ghi nguyên nhân: thêm ghi chú cho nhiệm vụ]",
            "[no cause noted yet: add a note to the task]",
        ),
    }
}

/// The period as the report's title names it: "quý I năm 2027", "6 tháng
/// đầu năm 2027", "quý III năm 2027", "năm 2027".
pub fn report_period(period: Period, lang: Lang) -> String {
    let year = period.year;
    match (period.kind, lang) {
        (PeriodKind::Q1, Lang::Vi) => format!("quý I năm {year}"),
        (PeriodKind::H1, Lang::Vi) => format!("6 tháng đầu năm {year}"),
        (PeriodKind::Q3, Lang::Vi) => format!("quý III năm {year}"),
        (PeriodKind::Year, Lang::Vi) => format!("năm {year}"),
        (PeriodKind::Q1, Lang::En) => format!("the first quarter of {year}"),
        (PeriodKind::H1, Lang::En) => format!("the first half of {year}"),
        (PeriodKind::Q3, Lang::En) => format!("the third quarter of {year}"),
        (PeriodKind::Year, Lang::En) => format!("the year {year}"),
    }
}

/// "Kết quả thực hiện công tác cải cách hành chính quý I năm 2027".
pub fn report_subtitle(period: Period, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Kết quả thực hiện công tác cải cách hành chính {}",
            report_period(period, lang)
        ),
        Lang::En => format!(
            "Results of administrative reform in {}",
            report_period(period, lang)
        ),
    }
}

/// "Hà Đông, ngày 05 tháng 03 năm 2027": the day and month keep their
/// leading zero, as the decree's model shows.
pub fn place_and_date(place: &str, day: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "{place}, ngày {:02} tháng {:02} năm {}",
            day.day(),
            day.month(),
            day.year()
        ),
        Lang::En => format!("{place}, {}", day.format("%d/%m/%Y")),
    }
}

/// The place a commune's documents name: "UBND xã Hà Đông" → "Hà Đông".
pub fn place_of(issuer: &str) -> &str {
    issuer
        .strip_prefix("UBND xã ")
        .or_else(|| issuer.strip_prefix("UBND phường "))
        .unwrap_or(issuer)
}

/// "XÃ HÀ ĐÔNG" under "ỦY BAN NHÂN DÂN".
pub fn issuer_name(issuer: &str) -> String {
    issuer
        .strip_prefix("UBND ")
        .unwrap_or(issuer)
        .to_uppercase()
}

/// "(Kèm theo Báo cáo số      /BC-UBND ngày 05/03/2027 của UBND xã Hà Đông)".
pub fn annex_attached(issuer: &str, day: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "(Kèm theo Báo cáo số       /BC-UBND ngày {} của {issuer})",
            format_date(day)
        ),
        Lang::En => format!(
            "(Attached to report No.       /BC-UBND of {} by {issuer})",
            format_date(day)
        ),
    }
}

/// The place left where only the office can write, when it has not yet.
pub fn text_to_write(section: ReportSection, lang: Lang) -> String {
    let command = format!("cchc period note --section {} \"…\"", section.code());
    match lang {
        Lang::Vi => format!("[Văn phòng viết nội dung này: {command}]"),
        Lang::En => format!("[The office writes this part: {command}]"),
    }
}

/// A figure with its share of the total: "4 (4,3%)".
pub fn count_with_share(count: usize, total: usize, lang: Lang) -> String {
    if total == 0 {
        return count.to_string();
    }
    let share = count as f64 * 100.0 / total as f64;
    format!(
        "{count} ({}%)",
        decimal((share * 10.0).round() / 10.0, lang)
    )
}

/// The name of a report's file, without extension: "bao-cao-cchc-quy-I-2027".
pub fn report_file_stem(period: Period) -> String {
    let year = period.year;
    match period.kind {
        PeriodKind::Q1 => format!("bao-cao-cchc-quy-I-{year}"),
        PeriodKind::H1 => format!("bao-cao-cchc-6-thang-{year}"),
        PeriodKind::Q3 => format!("bao-cao-cchc-quy-III-{year}"),
        PeriodKind::Year => format!("bao-cao-cchc-nam-{year}"),
    }
}

/// The suffix of each CSV annex's file: "-phu-luc-I".
pub fn annex_file_suffix(number: &str) -> String {
    format!("-phu-luc-{number}")
}
