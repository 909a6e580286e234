//! The words of the period report, laid out as Nghị định 30/2020/NĐ-CP asks
//! of an administrative document: the same in the Word document, the
//! workbook, the CSV annexes and the Markdown.

use chrono::{Datelike, NaiveDate};

use crate::domain::period::{Period, PeriodKind};
use crate::domain::report_text::ReportSection;
use crate::i18n::*;

/// Fixed words of the report, in the order they appear.
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
    pub figures_as_of: &'static str,
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
            lang.pick("Chủ trì", "Lead"),
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
        figures_as_of: lang.pick("Số liệu tính đến ngày", "Figures as of"),
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

// The sentences of the Word document and the workbook, built from the
// report's data.

/// The opening paragraph: what the report answers and the period's grid in
/// one sentence, the overdue share given against all work and against the
/// work with a deadline, as reports give it.
pub fn report_opening(report: &crate::app::report::PeriodReport, lang: Lang) -> String {
    let grid = &report.figures.all;
    let (of_all, of_dated) = grid.overdue_shares();
    let share = |v: f64| decimal((v * 10.0).round() / 10.0, lang);
    let period = report_period(report.period, lang);
    let as_of = format_date(report.as_of);
    let done = count_with_share(grid.done(), grid.total, lang);
    match lang {
        Lang::Vi => format!(
            "Thực hiện {plan}, {commune} báo cáo kết quả thực hiện công tác cải cách \
             hành chính {period} như sau. Số liệu tính đến ngày {as_of}: tổng số {total} \
             nhiệm vụ; đã hoàn thành {done}, trong đó đúng hạn {on_time}, quá hạn {late}, \
             không có thời hạn {undated_done}; chưa hoàn thành, trong hạn {in_time}; chưa \
             hoàn thành, quá hạn {overdue} ({all}% tổng số, {dated}% số nhiệm vụ có thời \
             hạn); nhiệm vụ không có thời hạn {undated}.",
            plan = report.plan_title,
            commune = report.commune,
            total = grid.total,
            on_time = grid.done_on_time,
            late = grid.done_late,
            undated_done = grid.no_deadline_done,
            in_time = grid.open_in_time,
            overdue = grid.open_overdue,
            all = share(of_all),
            dated = share(of_dated),
            undated = grid.no_deadline,
        ),
        Lang::En => format!(
            "Under the {plan}, {commune} reports the results of administrative reform in \
             {period}. Figures as of {as_of}: {total} tasks; done {done}, of which on time \
             {on_time}, late {late}, without a deadline {undated_done}; open and in time \
             {in_time}; open and overdue {overdue} ({all}% of all, {dated}% of the work \
             with a deadline); work without a deadline {undated}.",
            plan = report.plan_title,
            commune = report.commune,
            total = grid.total,
            on_time = grid.done_on_time,
            late = grid.done_late,
            undated_done = grid.no_deadline_done,
            in_time = grid.open_in_time,
            overdue = grid.open_overdue,
            all = share(of_all),
            dated = share(of_dated),
            undated = grid.no_deadline,
        ),
    }
}

/// The letter of a part's item: a) b) c) d) đ) in Vietnamese, as the plan
/// letters its items; a) … e) in English.
pub fn item_letter(index: usize, lang: Lang) -> String {
    const VI: [&str; 8] = ["a", "b", "c", "d", "đ", "e", "g", "h"];
    const EN: [&str; 8] = ["a", "b", "c", "d", "e", "f", "g", "h"];
    let letters = match lang {
        Lang::Vi => VI,
        Lang::En => EN,
    };
    letters
        .get(index)
        .map_or_else(|| (index + 1).to_string(), |l| (*l).to_string())
}

/// A task's title inside a sentence: without the full stop it may end with.
fn in_sentence(title: &str) -> &str {
    title.trim_end().trim_end_matches(['.', ';', ':', ','])
}

/// "Hạn 31/12/2026", or that the work has none.
pub fn deadline_words(due: Option<NaiveDate>, lang: Lang) -> String {
    match due {
        Some(day) => format!("{} {}", lang.pick("hạn", "due"), format_date(day)),
        None => lang.pick("không có thời hạn", "no deadline").into(),
    }
}

/// A task done in the period: "…: hoàn thành ngày 15/11/2026."
pub fn done_item(title: &str, done_on: Option<NaiveDate>, lang: Lang) -> String {
    let title = in_sentence(title);
    match done_on {
        Some(day) => format!(
            "{title}: {} {}.",
            lang.pick("hoàn thành ngày", "done on"),
            format_date(day)
        ),
        None => format!("{title}: {}.", lang.pick("đã hoàn thành", "done")),
    }
}

/// One evidence document as a report cites it: số ký hiệu, ngày, trích yếu.
pub fn evidence_text(evidence: &crate::domain::Evidence, lang: Lang) -> String {
    format!(
        "{} {} {}, {}",
        evidence.number,
        lang.pick("ngày", "of"),
        format_date(evidence.issued_on),
        evidence.summary
    )
}

/// A task's documents in one cell: "45/QĐ-UBND ngày 15/11/2026, …; …".
pub fn evidence_list(documents: &[crate::domain::Evidence], lang: Lang) -> String {
    documents
        .iter()
        .map(|e| evidence_text(e, lang))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The line under a task done: "+ Tài liệu kiểm chứng: …." (or "chưa có").
pub fn evidence_line(documents: &[crate::domain::Evidence], lang: Lang) -> String {
    let listed = if documents.is_empty() {
        report_words(lang).evidence_none.to_string()
    } else {
        evidence_list(documents, lang)
    };
    format!(
        "+ {}: {}.",
        lang.pick("Tài liệu kiểm chứng", "Evidence"),
        in_sentence(&listed)
    )
}

/// A task under way: "…: tiến độ 40%, hạn 31/12/2026."
pub fn progress_item(title: &str, progress: u8, due: Option<NaiveDate>, lang: Lang) -> String {
    let title = in_sentence(title);
    format!(
        "{title}: {} {progress}%, {}.",
        lang.pick("tiến độ", "progress"),
        deadline_words(due, lang)
    )
}

/// An overdue task: "… (hạn 01/10/2026, quá hạn 56 ngày)."
pub fn overdue_item(
    title: &str,
    due: Option<NaiveDate>,
    class: DeadlineClass,
    lang: Lang,
) -> String {
    let title = in_sentence(title);
    format!(
        "{title} ({}, {}).",
        deadline_words(due, lang),
        class_label(class, lang)
    )
}

/// An overdue task and why: "… (hạn …, quá hạn 56 ngày). Nguyên nhân: …."
pub fn overdue_with_why(item: &str, why: &str, lang: Lang) -> String {
    format!("{item} {}: {}.", report_words(lang).why, in_sentence(why))
}

/// Why nobody has said why: no note and no flag.
pub fn why_unreported(lang: Lang) -> &'static str {
    lang.pick("đơn vị chưa báo cáo", "not reported by the unit")
}

/// A deadline moved: "…: thời hạn 31/12/2026 → 30/06/2027; nva điều chỉnh
/// ngày 12/02/2027; lý do: …"
pub fn moved_item(moved: &crate::app::report::MovedDeadline, lang: Lang) -> String {
    let none = lang.pick("chưa có", "none");
    let day = |d: Option<NaiveDate>| d.map_or_else(|| none.to_string(), format_date);
    let reason = moved
        .reason
        .as_deref()
        .unwrap_or(lang.pick("không ghi", "none given"));
    match lang {
        Lang::Vi => format!(
            "{}: thời hạn {} → {}; {} điều chỉnh ngày {}; lý do: {}.",
            in_sentence(&moved.title),
            day(moved.from),
            day(moved.to),
            moved.who,
            format_date(moved.at.date_naive()),
            in_sentence(reason)
        ),
        Lang::En => format!(
            "{}: deadline {} → {}; moved by {} on {}; reason: {}.",
            in_sentence(&moved.title),
            day(moved.from),
            day(moved.to),
            moved.who,
            format_date(moved.at.date_naive()),
            in_sentence(reason)
        ),
    }
}

/// A target's goal: "≥ 95%", "≤ 50% giảm so với 2024", or "đạt" for a
/// qualitative aim.
pub fn target_goal(target: &crate::app::report::ReportTarget, lang: Lang) -> String {
    use crate::domain::target::Direction;
    if target.qualitative {
        return lang.pick("đạt", "met").into();
    }
    let sign = match target.direction {
        Direction::AtLeast => "≥",
        Direction::AtMost => "≤",
    };
    format!("{sign} {}{}", decimal(target.value, lang), target.unit)
}

/// A measured result: "87,5%", or "đạt" / "chưa đạt" for a qualitative aim.
pub fn target_value(target: &crate::app::report::ReportTarget, value: f64, lang: Lang) -> String {
    if target.qualitative {
        return if value >= 1.0 {
            lang.pick("đạt", "met")
        } else {
            lang.pick("chưa đạt", "not met")
        }
        .into();
    }
    let unit = if target.unit.starts_with('%') {
        "%"
    } else {
        target.unit.as_str()
    };
    format!("{}{unit}", decimal(value, lang))
}

/// A target's line in its area: "…: chỉ tiêu ≥ 95%; kết quả 87,5% (ngày
/// 20/11/2026); đánh giá: chậm so với lộ trình."
pub fn target_item(target: &crate::app::report::ReportTarget, lang: Lang) -> String {
    let latest = target.latest.map_or_else(
        || verdict_label(crate::domain::target::Verdict::NoData, lang).to_string(),
        |(on, value)| {
            format!(
                "{} ({})",
                target_value(target, value, lang),
                format_date(on)
            )
        },
    );
    match lang {
        Lang::Vi => format!(
            "{}: chỉ tiêu {}; kết quả {latest}; đánh giá: {}.",
            in_sentence(&target.title),
            target_goal(target, lang),
            verdict_label(target.verdict, lang)
        ),
        Lang::En => format!(
            "{}: goal {}; result {latest}; verdict: {}.",
            in_sentence(&target.title),
            target_goal(target, lang),
            verdict_label(target.verdict, lang)
        ),
    }
}

/// Work of the next period: "… (chủ trì: VHXH; hạn 30/06/2027)."
pub fn next_item(task: &crate::app::report::ReportTask, lang: Lang) -> String {
    format!(
        "{} ({}: {}; {}).",
        in_sentence(&task.title),
        lang.pick("chủ trì", "lead"),
        task.lead,
        deadline_words(task.due, lang)
    )
}

/// The numbered heading of an area in part II: "1. Cải cách thể chế".
pub fn area_heading(number: usize, name: &str) -> String {
    format!("{number}. {name}")
}

/// An annex's name: "Phụ lục II".
pub fn annex_name(number: usize, lang: Lang) -> String {
    const ROMAN: [&str; 3] = ["I", "II", "III"];
    let roman = ROMAN
        .get(number.saturating_sub(1))
        .map_or_else(|| number.to_string(), |r| (*r).to_string());
    format!("{} {roman}", report_words(lang).annex)
}

/// A report file that could not be written: "docx", "xlsx".
pub fn office_file_failed(kind: &str, error: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Không ghi được tệp {kind} của báo cáo: {error}"),
        Lang::En => format!("Could not write the report's {kind} file: {error}"),
    }
}
