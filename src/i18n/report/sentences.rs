//! The sentences of the period report, built from its data: the same in
//! the Word document, the workbook and the Markdown.

use chrono::NaiveDate;

use super::*;
use crate::domain::DeadlineClass;

/// The opening paragraph: what the report answers and the period's grid in
/// sentences whose counts add up: the total split into work with a
/// deadline and standing duties; the completion rate over the work with a
/// deadline; the overdue share given against all work and against the work
/// with a deadline, as reports give it; the standing duties with a result
/// in the period; and the plan as a whole since its start.
pub fn report_opening(report: &crate::app::report::PeriodReport, lang: Lang) -> String {
    let grid = &report.figures.all;
    let (of_all, of_dated) = grid.overdue_shares();
    let share = |v: f64| decimal((v * 10.0).round() / 10.0, lang);
    let period = report_period(report.period, lang);
    let as_of = format_date(report.as_of);
    let dated = grid.with_deadline();
    let done = count_with_share(grid.done(), dated, lang);
    let (plan, commune) = (&report.plan_title, &report.commune);
    let [total, on_time, late, in_time, overdue, undated] = grid.columns();
    let (all, of_dated) = (share(of_all), share(of_dated));
    let with_results = report.standing.with_results;
    let since = &report.since_start;
    let (from, since_done, since_of) = (format_date(since.from), since.done, since.of);
    match lang {
        Lang::Vi => format!(
            "Thực hiện {plan}, {commune} báo cáo kết quả thực hiện công tác cải cách \
             hành chính {period} như sau. Số liệu tính đến ngày {as_of}: tổng số {total} \
             nhiệm vụ, gồm {dated} nhiệm vụ có thời hạn và {undated} nhiệm vụ thực hiện \
             thường xuyên. Nhiệm vụ có thời hạn: đã hoàn thành {done}, trong đó đúng hạn \
             {on_time}, quá hạn {late}; chưa hoàn thành, trong hạn {in_time}; chưa hoàn \
             thành, quá hạn {overdue} ({all}% tổng số, {of_dated}% số nhiệm vụ có thời \
             hạn). Thực hiện thường xuyên: {undated} nhiệm vụ, trong đó {with_results} có \
             kết quả trong kỳ. Lũy kế từ {from}: đã hoàn thành {since_done}/{since_of} \
             nhiệm vụ.",
        ),
        Lang::En => format!(
            "Under the {plan}, {commune} reports the results of administrative reform in \
             {period}. Figures as of {as_of}: {total} tasks, of which {dated} with a \
             deadline and {undated} standing duties. Work with a deadline: done {done}, of \
             which on time {on_time}, late {late}; open and in time {in_time}; open and \
             overdue {overdue} ({all}% of all, {of_dated}% of the work with a deadline). \
             Standing duties: {undated}, of which {with_results} with a result in the \
             period. Since {from}: {since_done}/{since_of} tasks done.",
        ),
    }
}

/// The heading of the corrections to the previous period, closed:
/// "Điều chỉnh số liệu kỳ trước (quý I năm 2027, đã chốt)".
pub fn adjustments_heading(previous: crate::domain::period::Period, lang: Lang) -> String {
    let period = report_period(previous, lang);
    match lang {
        Lang::Vi => format!("Điều chỉnh số liệu kỳ trước ({period}, đã chốt)"),
        Lang::En => format!("Corrections to the previous period ({period}, closed)"),
    }
}

/// One correction: "…: đã báo cáo «quá hạn 14 ngày», nay là «hoàn thành quá
/// hạn»."
pub fn adjustment_item(
    title: &str,
    adjustment: &crate::domain::closing::Adjustment,
    lang: Lang,
) -> String {
    let (then, now) = (
        class_label(adjustment.closed, lang),
        class_label(adjustment.now, lang),
    );
    let title = in_sentence(title);
    let key = &adjustment.key;
    match lang {
        Lang::Vi => format!("{title} ({key}): đã báo cáo «{then}», nay là «{now}»."),
        Lang::En => format!("{title} ({key}): reported as “{then}”, now “{now}”."),
    }
}

/// A deadline moved, beside the row that keeps it: "đã điều chỉnh hạn, hạn
/// ban đầu 20/12/2026".
pub fn moved_note(first: NaiveDate, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick(
            "đã điều chỉnh hạn, hạn ban đầu",
            "deadline moved, first due"
        ),
        format_date(first)
    )
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

/// An overdue task and why: the office's latest note, else a marked place
/// saying no cause is noted yet.
pub fn overdue_line(task: &crate::app::report::ReportTask, lang: Lang) -> String {
    let why = match &task.latest_note {
        Some(note) => sanitize_line(note).into_owned(),
        None => report_words(lang).why_unknown.to_string(),
    };
    let item = overdue_item(&task.title, task.due, task.class, lang);
    overdue_with_why(&item, &why, lang)
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
    let (title, from, to) = (in_sentence(&moved.title), day(moved.from), day(moved.to));
    let (who, on, reason) = (
        &moved.who,
        format_date(moved.at.date_naive()),
        in_sentence(reason),
    );
    match lang {
        Lang::Vi => {
            format!("{title}: thời hạn {from} → {to}; {who} điều chỉnh ngày {on}; lý do: {reason}.")
        }
        Lang::En => {
            format!("{title}: deadline {from} → {to}; moved by {who} on {on}; reason: {reason}.")
        }
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
