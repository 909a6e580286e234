//! The words of the targets view: a result as the office says it, where the
//! latest result comes from, and the form a new result is entered in.

use crate::domain::{Measurement, TargetDef};
use crate::i18n::*;

/// A result in the target's terms: "87,5%", "12 đơn vị", or "đạt" /
/// "chưa đạt" for a qualitative aim.
pub fn result_value(def: &TargetDef, value: f64, lang: Lang) -> String {
    if def.qualitative {
        let met = value >= 1.0;
        return lang
            .pick(
                if met { "đạt" } else { "chưa đạt" },
                if met { "met" } else { "not met" },
            )
            .into();
    }
    if def.unit.starts_with('%') {
        return format!("{}%", decimal(value, lang));
    }
    format!("{} {}", decimal(value, lang), sanitize_line(&def.unit))
        .trim_end()
        .to_string()
}

/// Under the targets list: where the latest result comes from (the list
/// shows its value and day).
pub fn latest_result_text(latest: Option<&Measurement>, lang: Lang) -> String {
    let Some(m) = latest else {
        return lang.pick("Chưa có số liệu.", "No result yet.").to_string();
    };
    let on = format_date(m.on);
    match (lang, m.note.as_deref().map(sanitize_line)) {
        (Lang::Vi, Some(source)) => format!("Nguồn số liệu ngày {on}: {source}"),
        (Lang::Vi, None) => format!("Số liệu ngày {on} chưa ghi nguồn."),
        (Lang::En, Some(source)) => format!("Source of the result of {on}: {source}"),
        (Lang::En, None) => format!("The result of {on} names no source."),
    }
}

pub fn result_title(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Nhập kết quả chỉ tiêu {id}"),
        Lang::En => format!("Enter a result of target {id}"),
    }
}

/// The form's three labels: the value (what it takes for this target, when
/// the plan still has it), the day, the source.
pub fn result_labels(def: Option<&TargetDef>, lang: Lang) -> [String; 3] {
    let value = match def {
        Some(def) if def.qualitative => {
            lang.pick("Kết quả: đạt hoặc chưa đạt", "Result: met or not met")
        }
        Some(def) if def.unit.starts_with('%') => {
            lang.pick("Kết quả (%, từ 0 đến 100)", "Result (%, 0 to 100)")
        }
        _ => lang.pick("Kết quả", "Result"),
    };
    let value = match def.map(|d| sanitize_line(&d.unit)) {
        Some(unit) if !unit.is_empty() && !unit.starts_with('%') => format!("{value} ({unit})"),
        _ => value.to_string(),
    };
    [
        value,
        lang.pick("Ngày số liệu (dd/mm/yyyy)", "Measured on (dd/mm/yyyy)")
            .to_string(),
        lang.pick(
            "Nguồn: văn bản, báo cáo có số liệu (ví dụ Báo cáo 45/BC-UBND)",
            "Source: the document or report it comes from (e.g. Report 45/BC-UBND)",
        )
        .to_string(),
    ]
}

pub fn result_help(lang: Lang) -> &'static str {
    lang.pick(
        "Tab/Enter ô tiếp · Enter ở ô cuối để lưu · Esc hủy",
        "Tab/Enter next field · Enter on the last saves · Esc cancels",
    )
}

/// The flash once a result is saved.
pub fn result_saved(def: &TargetDef, value: f64, on: chrono::NaiveDate, lang: Lang) -> String {
    let value = result_value(def, value, lang);
    let on = format_date(on);
    match lang {
        Lang::Vi => format!("Đã lưu kết quả chỉ tiêu {}: {value} ngày {on}.", def.id),
        Lang::En => format!("Saved the result of target {}: {value} on {on}.", def.id),
    }
}
