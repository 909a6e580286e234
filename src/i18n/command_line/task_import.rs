//! What `cchc task import` says: the dry run's table and what was added.

use crate::i18n::*;

/// The headings of the dry run's table.
pub struct ImportColumns {
    pub row: &'static str,
    pub area: &'static str,
    pub lead: &'static str,
    pub due: &'static str,
    pub title: &'static str,
    pub existing: &'static str,
}

pub fn import_columns(lang: Lang) -> ImportColumns {
    ImportColumns {
        row: lang.pick("Dòng", "Row"),
        area: lang.pick("Lĩnh vực", "Area"),
        lead: lang.pick("Chủ trì", "Lead"),
        due: lang.pick("Hạn", "Due"),
        title: lang.pick("Nhiệm vụ", "Task"),
        existing: lang.pick("Đã có", "Stored"),
    }
}

/// A task's deadline as the dry run shows it: a date, how often it recurs,
/// or that it has none.
pub fn draft_deadline(cadence: Cadence, due: Option<chrono::NaiveDate>, lang: Lang) -> String {
    match (due, cadence) {
        (Some(day), _) => format_date(day),
        (None, Cadence::Once) => lang.pick("không có hạn", "no deadline").to_string(),
        (None, recurring) => cadence_label(recurring, lang).to_string(),
    }
}

pub fn import_preview_above(count: usize, path: &str, lang: Lang) -> String {
    let path = sanitize_line(path);
    match lang {
        Lang::Vi => format!("Chạy thử: tệp {path} có {count} nhiệm vụ. Chưa ghi gì."),
        Lang::En => format!("Dry run: {path} holds {count} task(s). Nothing was written."),
    }
}

pub fn import_preview_below(new: usize, existing: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Sẽ thêm {new} nhiệm vụ; {existing} nhiệm vụ đã có, sẽ bỏ qua. Chạy lại không có --dry-run để thêm."
        ),
        Lang::En => format!(
            "{new} task(s) would be added; {existing} already stored would be skipped. Run it again without --dry-run to add them."
        ),
    }
}

/// "Đã thêm 20 nhiệm vụ (BS-1 … BS-20); 0 nhiệm vụ đã có, bỏ qua."
pub fn tasks_imported(ids: &[String], existing: usize, lang: Lang) -> String {
    let range = match ids {
        [] => String::new(),
        [one] => format!(" ({one})"),
        [first, .., last] => format!(" ({first} … {last})"),
    };
    let added = ids.len();
    match lang {
        Lang::Vi => format!("Đã thêm {added} nhiệm vụ{range}; {existing} nhiệm vụ đã có, bỏ qua."),
        Lang::En => {
            format!("Added {added} task(s){range}; {existing} already stored, skipped.")
        }
    }
}
