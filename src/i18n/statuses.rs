//! Statuses, deadline classes, cadences and history fields in words. The
//! words people type for a status are read in `domain::input`.

use super::*;
use crate::domain::target::Verdict;

pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::NotStarted => lang.pick("chưa bắt đầu", "not started"),
        Status::InProgress => lang.pick("đang thực hiện", "in progress"),
        Status::Done => lang.pick("hoàn thành", "done"),
        Status::Paused => lang.pick("tạm dừng", "paused"),
        Status::Cancelled => lang.pick("đã hủy", "cancelled"),
    }
}

pub fn accepted_statuses(lang: Lang) -> String {
    let names: Vec<String> = Status::ALL
        .iter()
        .map(|&s| format!("{} ({})", status_label(s, lang), s.code()))
        .collect();
    names.join(", ")
}

/// The symbol beside each deadline class, chosen from the WGL4 set that
/// Windows console fonts carry.
pub fn class_symbol(class: DeadlineClass) -> &'static str {
    match class {
        DeadlineClass::Overdue(_) => "!",
        DeadlineClass::NotStarted => "○",
        DeadlineClass::InProgress => "►",
        DeadlineClass::Ongoing => "∞",
        DeadlineClass::Paused => "=",
        DeadlineClass::DoneLate => "√",
        DeadlineClass::DoneOnTime | DeadlineClass::DoneNoDeadline => "√",
        DeadlineClass::Cancelled => "×",
    }
}

/// The symbol of a severity: `!` high, `~` medium, `·` low.
pub fn severity_symbol(severity: crate::domain::risk::Severity) -> &'static str {
    match severity {
        crate::domain::risk::Severity::High => "!",
        crate::domain::risk::Severity::Medium => "~",
        crate::domain::risk::Severity::Low => "·",
    }
}

/// What each symbol on the board and the slides means, for help.
pub fn symbol_legend(lang: Lang) -> Vec<(&'static str, &'static str)> {
    use crate::domain::risk::Severity;
    vec![
        (
            class_symbol(DeadlineClass::Overdue(1)),
            lang.pick(
                "quá hạn (hoặc có kỳ trước quá hạn)",
                "overdue (or an earlier occurrence is)",
            ),
        ),
        (
            severity_symbol(Severity::Medium),
            lang.pick(
                "sắp đến hạn, hoặc chậm so với kế hoạch",
                "due soon, or behind the plan",
            ),
        ),
        (
            severity_symbol(Severity::Low),
            lang.pick("cần lưu ý, mức thấp", "flagged, low"),
        ),
        (
            class_symbol(DeadlineClass::NotStarted),
            lang.pick("chưa bắt đầu", "not started"),
        ),
        (
            class_symbol(DeadlineClass::InProgress),
            lang.pick("đang thực hiện, trong hạn", "in progress, on time"),
        ),
        (
            class_symbol(DeadlineClass::Ongoing),
            lang.pick("không có thời hạn", "no deadline"),
        ),
        (
            class_symbol(DeadlineClass::Paused),
            lang.pick("tạm dừng", "paused"),
        ),
        (
            class_symbol(DeadlineClass::DoneOnTime),
            lang.pick("đã hoàn thành", "done"),
        ),
        (
            class_symbol(DeadlineClass::Cancelled),
            lang.pick("đã hủy", "cancelled"),
        ),
    ]
}

/// The board's main symbols on one line, for the hints line of a wide board.
pub fn symbol_legend_line(lang: Lang) -> String {
    let medium = severity_symbol(crate::domain::risk::Severity::Medium);
    let parts = [
        (
            class_symbol(DeadlineClass::Overdue(1)),
            lang.pick("quá hạn", "overdue"),
        ),
        (medium, lang.pick("cần lưu ý", "at risk")),
        (
            class_symbol(DeadlineClass::InProgress),
            lang.pick("trong hạn", "on time"),
        ),
        (
            class_symbol(DeadlineClass::Ongoing),
            lang.pick("không hạn", "no deadline"),
        ),
        (
            class_symbol(DeadlineClass::DoneOnTime),
            lang.pick("xong", "done"),
        ),
    ];
    parts
        .iter()
        .map(|(symbol, word)| format!("{symbol} {word}"))
        .collect::<Vec<_>>()
        .join("  ")
}

pub fn symbol_legend_title(lang: Lang) -> &'static str {
    lang.pick("Ký hiệu", "Symbols")
}

/// The deadline class in the words of Vietnamese task reports.
/// The label of a task's state in the period's record, beside its state now.
pub fn period_record_label(lang: Lang) -> &'static str {
    lang.pick("Số liệu kỳ", "In the period")
}

/// A task's class in the period's record: "tính đến 14/12/2026: ○ chưa bắt
/// đầu", shown when it was changed after that day.
pub fn as_of_class(as_of: chrono::NaiveDate, class: DeadlineClass, lang: Lang) -> String {
    format!(
        "{} {}: {} {}",
        lang.pick("tính đến", "as of"),
        crate::domain::date::format_date(as_of),
        class_symbol(class),
        class_label(class, lang)
    )
}

pub fn class_label(class: DeadlineClass, lang: Lang) -> String {
    match class {
        DeadlineClass::Overdue(days) => match lang {
            Lang::Vi => format!("quá hạn {days} ngày"),
            Lang::En => format!("overdue {days} d"),
        },
        DeadlineClass::NotStarted => lang.pick("chưa bắt đầu", "not started").into(),
        DeadlineClass::InProgress => lang.pick("trong hạn", "on time").into(),
        DeadlineClass::Ongoing => lang.pick("không có thời hạn", "no deadline").into(),
        DeadlineClass::Paused => lang.pick("tạm dừng", "paused").into(),
        DeadlineClass::DoneLate => lang.pick("hoàn thành quá hạn", "done late").into(),
        DeadlineClass::DoneOnTime => lang.pick("hoàn thành đúng hạn", "done on time").into(),
        DeadlineClass::DoneNoDeadline => lang.pick("đã hoàn thành", "done").into(),
        DeadlineClass::Cancelled => lang.pick("đã hủy", "cancelled").into(),
    }
}

pub fn cadence_label(cadence: Cadence, lang: Lang) -> &'static str {
    match cadence {
        Cadence::Once => lang.pick("một lần", "once"),
        Cadence::Yearly => lang.pick("hàng năm", "yearly"),
        Cadence::Quarterly => lang.pick("hàng quý", "quarterly"),
        Cadence::Weekly => lang.pick("hàng tuần (xét theo quý)", "weekly (reviewed per quarter)"),
        Cadence::Continuous => lang.pick("thường xuyên", "continuous"),
    }
}

pub fn field_label(field: Field, lang: Lang) -> &'static str {
    match field {
        Field::Status => lang.pick("trạng thái", "status"),
        Field::Progress => lang.pick("tiến độ", "progress"),
        Field::CompletedOn => lang.pick("ngày hoàn thành", "completed on"),
        Field::Due => lang.pick("hạn", "due"),
        Field::Lead => lang.pick("chủ trì", "lead"),
        Field::Note => lang.pick("ghi chú", "note"),
        Field::Evidence => lang.pick("tài liệu kiểm chứng", "evidence"),
        Field::Measurement => lang.pick("số liệu", "result"),
        Field::Title => lang.pick("nội dung", "title"),
        Field::Added => lang.pick("thêm vào danh mục", "added to catalog"),
        Field::CatalogVersion => lang.pick("phiên bản danh mục", "catalog version"),
        Field::Agenda => lang.pick("đưa vào chương trình họp", "meeting agenda"),
        Field::Meeting => lang.pick("cuộc họp", "meeting"),
        Field::Baseline => lang.pick("mốc ban đầu", "baseline"),
        Field::ReportText => lang.pick("nội dung báo cáo", "report text"),
        Field::Assignee => lang.pick("cán bộ thực hiện", "officer in charge"),
        Field::Withdrawn => lang.pick("rút lại", "withdrawn"),
        Field::Retired => lang.pick("thôi theo dõi", "retired"),
        Field::Area => lang.pick("lĩnh vực", "area"),
        Field::Coordinators => lang.pick("phối hợp", "coordinating units"),
        Field::Source => lang.pick("văn bản giao", "assigned by"),
        Field::Cadence => lang.pick("tần suất", "cadence"),
        Field::Parent => lang.pick("thuộc nhiệm vụ", "part of"),
        Field::Closed => lang.pick("chốt số liệu", "figures closed"),
    }
}

/// The field a search found its words in, in a word or two.
pub fn matched_field_label(field: MatchedField, lang: Lang) -> &'static str {
    match field {
        MatchedField::Title => lang.pick("nội dung", "title"),
        MatchedField::Note => lang.pick("ghi chú", "note"),
        MatchedField::Evidence => lang.pick("tài liệu", "evidence"),
        MatchedField::Officer => lang.pick("cán bộ", "officer"),
    }
}

/// What a row found by a search beyond its title says: "khớp: ghi chú".
pub fn matched_marker(field: MatchedField, lang: Lang) -> String {
    let label = matched_field_label(field, lang);
    match lang {
        Lang::Vi => format!("khớp: {label}"),
        Lang::En => format!("match: {label}"),
    }
}

/// A history value as one line of text (unsanitised: callers sanitise).
pub fn value_text(value: &Value, lang: Lang) -> String {
    match value {
        Value::None => "—".into(),
        Value::Status(s) => status_label(*s, lang).into(),
        Value::Progress(p) => format!("{p}%"),
        Value::Date(d) => format_date(*d),
        Value::Text(t) => t.clone(),
        Value::Evidence(e) => format!("{} {} {}", e.number, format_date(e.issued_on), e.summary),
        Value::Measured { on, value } => {
            format!("{} ({})", decimal(*value, lang), format_date(*on))
        }
        Value::Number(n) => n.to_string(),
        Value::Flag(on) => yes_no(*on, lang).into(),
        Value::Baseline { value, source } => {
            format!(
                "{} ({}: {source})",
                decimal(*value, lang),
                lang.pick("nguồn", "source")
            )
        }
    }
}

/// A measured value without needless decimals: 95, 87.5.
pub fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

/// A number as the reader writes it: 87,5 in Vietnamese, 87.5 in English.
pub fn decimal(value: f64, lang: Lang) -> String {
    let text = number_text(value);
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A target's verdict in the office's words.
pub fn verdict_label(verdict: Verdict, lang: Lang) -> &'static str {
    match verdict {
        Verdict::Met => lang.pick("đạt", "met"),
        Verdict::OnPath { .. } => lang.pick("đúng lộ trình", "on its path"),
        Verdict::BehindPath { .. } => lang.pick("chậm so với lộ trình", "behind its path"),
        Verdict::NotMet => lang.pick("chưa đạt", "not met"),
        Verdict::NoData => lang.pick("chưa có số liệu", "no data yet"),
    }
}

/// The verdict's mark, so it never rests on colour alone.
pub fn verdict_symbol(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Met => "√",
        Verdict::OnPath { .. } => "►",
        Verdict::BehindPath { .. } => "~",
        Verdict::NotMet => "×",
        Verdict::NoData => "?",
    }
}

/// An occurrence named by its period, as a report names it: "quý II/2026",
/// "năm 2026".
pub fn occurrence_label(occurrence: crate::domain::Occurrence, lang: Lang) -> String {
    use crate::domain::Occurrence as O;
    const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
    match (occurrence, lang) {
        (O::Single, _) => String::new(),
        (O::Year(y), Lang::Vi) => format!("năm {y}"),
        (O::Year(y), Lang::En) => format!("year {y}"),
        (O::Quarter(y, q), Lang::Vi) => {
            let roman = ROMAN.get(usize::from(q).saturating_sub(1)).unwrap_or(&"?");
            format!("quý {roman}/{y}")
        }
        (O::Quarter(y, q), Lang::En) => format!("Q{q} {y}"),
    }
}

/// The title of an earlier occurrence's row: "kỳ quý II/2026".
pub fn earlier_occurrence(occurrence: crate::domain::Occurrence, lang: Lang) -> String {
    let name = occurrence_label(occurrence, lang);
    lang.pick("kỳ ", "").to_string() + &name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_back_as_the_screen_shows_it() {
        for status in Status::ALL {
            for lang in [Lang::Vi, Lang::En] {
                let shown = status_label(status, lang);
                assert_eq!(crate::domain::input::status(shown), Ok(status), "{shown}");
            }
        }
    }
}
