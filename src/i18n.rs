//! Every user-facing word, Vietnamese first and English on request. Code names
//! are English; what a person reads comes from here and nowhere else.

use crate::app::AppError;
use crate::domain::catalog::CatalogError;
use crate::domain::date::format_date;
use crate::domain::error::TextField;
use crate::domain::text::{fold, sanitize_line};
use crate::domain::{Cadence, DeadlineClass, Field, InputError, Status, Value};
use crate::store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `vi`/`en` (any case); `None` for anything else.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "vi" | "vn" | "vie" => Some(Lang::Vi),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// `--lang X` / `--lang=X` among the arguments, else `CCHC_LANG`; `None`
    /// when neither says (the config file, then Vietnamese, decide).
    pub fn from_args_and_env(args: &[String]) -> Option<Lang> {
        let from_args = args.iter().enumerate().find_map(|(i, a)| {
            a.strip_prefix("--lang=")
                .or_else(|| {
                    (a == "--lang")
                        .then(|| args.get(i + 1).map(String::as_str))
                        .flatten()
                })
                .and_then(Lang::parse)
        });
        from_args.or_else(|| {
            std::env::var("CCHC_LANG")
                .ok()
                .as_deref()
                .and_then(Lang::parse)
        })
    }

    pub fn pick(self, vi: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

// ---------------------------------------------------------------- statuses

pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::NotStarted => lang.pick("chưa bắt đầu", "not started"),
        Status::InProgress => lang.pick("đang thực hiện", "in progress"),
        Status::Done => lang.pick("hoàn thành", "done"),
        Status::Paused => lang.pick("tạm dừng", "paused"),
        Status::Cancelled => lang.pick("đã hủy", "cancelled"),
    }
}

/// A status as typed: Vietnamese with or without accents, English, or the code.
pub fn parse_status(typed: &str) -> Option<Status> {
    let folded = fold(typed).replace(['_', '-'], " ");
    Status::ALL.into_iter().find(|&s| {
        [
            status_label(s, Lang::Vi),
            status_label(s, Lang::En),
            s.code(),
        ]
        .iter()
        .any(|name| fold(name).replace(['_', '-'], " ") == folded)
            || status_aliases(s).contains(&folded.as_str())
    })
}

fn status_aliases(status: Status) -> &'static [&'static str] {
    match status {
        Status::NotStarted => &["todo", "chua lam"],
        Status::InProgress => &["dang lam", "doing", "started"],
        Status::Done => &["xong", "da hoan thanh", "complete", "completed"],
        Status::Paused => &["dung", "on hold"],
        Status::Cancelled => &["huy", "canceled"],
    }
}

pub fn accepted_statuses(lang: Lang) -> String {
    let names: Vec<String> = Status::ALL
        .iter()
        .map(|&s| format!("{} ({})", status_label(s, lang), s.code()))
        .collect();
    names.join(", ")
}

/// The deadline class in the words of Vietnamese task reports.
pub fn class_label(class: DeadlineClass, lang: Lang) -> String {
    match class {
        DeadlineClass::Overdue(days) => match lang {
            Lang::Vi => format!("quá hạn {days} ngày"),
            Lang::En => format!("overdue {days} d"),
        },
        DeadlineClass::NotStarted => lang.pick("chưa bắt đầu", "not started").into(),
        DeadlineClass::InProgress => lang.pick("trong hạn", "on time").into(),
        DeadlineClass::Ongoing => lang.pick("thường xuyên", "ongoing").into(),
        DeadlineClass::Paused => lang.pick("tạm dừng", "paused").into(),
        DeadlineClass::DoneLate => lang.pick("hoàn thành quá hạn", "done late").into(),
        DeadlineClass::DoneOnTime => lang.pick("hoàn thành đúng hạn", "done on time").into(),
        DeadlineClass::DoneNoDeadline => lang.pick("hoàn thành", "done").into(),
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
        Field::Measurement => lang.pick("số đo", "measurement"),
        Field::Title => lang.pick("nội dung", "title"),
        Field::Added => lang.pick("thêm vào danh mục", "added to catalog"),
        Field::CatalogVersion => lang.pick("phiên bản danh mục", "catalog version"),
        Field::Agenda => lang.pick("đưa vào chương trình họp", "meeting agenda"),
        Field::Meeting => lang.pick("cuộc họp", "meeting"),
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

// ---------------------------------------------------------------- CLI words

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
        start: lang.pick("Bắt đầu", "Starts"),
        due: lang.pick("Hạn", "Due"),
        status: lang.pick("Trạng thái", "Status"),
        class: lang.pick("Tình trạng", "State"),
        progress: lang.pick("Tiến độ", "Progress"),
        completed_on: lang.pick("Ngày hoàn thành", "Completed on"),
        notes: lang.pick("Ghi chú", "Notes"),
        evidence: lang.pick("Tài liệu kiểm chứng", "Evidence"),
        history: lang.pick("Lịch sử thay đổi", "History"),
        none: lang.pick("(chưa có)", "(none)"),
        no_deadline: lang.pick("không có hạn", "no deadline"),
        moved_from: lang.pick("hạn cũ", "was"),
    }
}

pub struct TargetLabels {
    pub id: &'static str,
    pub target: &'static str,
    pub goal: &'static str,
    pub latest: &'static str,
    pub due: &'static str,
    pub met: &'static str,
    pub not_met: &'static str,
    pub unmeasured: &'static str,
}

pub fn target_labels(lang: Lang) -> TargetLabels {
    TargetLabels {
        id: lang.pick("Mã", "ID"),
        target: lang.pick("Chỉ tiêu", "Target"),
        goal: lang.pick("Mục tiêu", "Goal"),
        latest: lang.pick("Đo gần nhất", "Latest"),
        due: lang.pick("Hạn", "Due"),
        met: lang.pick("✓ đạt", "✓ met"),
        not_met: lang.pick("× chưa đạt", "× not met"),
        unmeasured: lang.pick("chưa đo", "not measured"),
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
    lang.pick("Không có nhiệm vụ nào khớp.", "No task matches.")
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

// ---------------------------------------------------------------- errors

fn text_field(field: TextField, lang: Lang) -> &'static str {
    match field {
        TextField::Note => lang.pick("Ghi chú", "The note"),
        TextField::DocumentNumber => lang.pick("Số ký hiệu văn bản", "The document number"),
        TextField::DocumentSummary => lang.pick("Trích yếu", "The summary"),
        TextField::Link => lang.pick("Đường dẫn", "The link"),
        TextField::Search => lang.pick("Từ khóa tìm kiếm", "The search text"),
        TextField::Reason => lang.pick("Lý do", "The reason"),
        TextField::MeetingTitle => lang.pick("Tên cuộc họp", "The meeting title"),
        TextField::Author => lang.pick("Người sửa", "The author"),
    }
}

/// Stored records left out of everything: which, and that the rest is sound.
pub fn records_set_aside(records: &[crate::store::SetAside], lang: Lang) -> String {
    let names: Vec<String> = records
        .iter()
        .take(3)
        .map(|r| format!("{} ({})", sanitize_line(&r.key), sanitize_line(&r.problem)))
        .collect();
    let more = records.len().saturating_sub(names.len());
    let more = match (more, lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => format!(" và {n} bản ghi khác"),
        (n, Lang::En) => format!(" and {n} more"),
    };
    match lang {
        Lang::Vi => format!(
            "Cảnh báo: {} bản ghi trong kho không đọc được hoặc sai quy tắc nên được để riêng, không tính vào số liệu và không chép vào bản sao lưu: {}{more}. Các bản ghi khác vẫn dùng bình thường.",
            records.len(),
            names.join(", ")
        ),
        Lang::En => format!(
            "Warning: {} stored record(s) cannot be read or break the rules, so they are set aside, left out of every figure and of backups: {}{more}. Everything else works as usual.",
            records.len(),
            names.join(", ")
        ),
    }
}

pub fn input_error(error: &InputError, lang: Lang) -> String {
    use InputError as E;
    match (error, lang) {
        (E::UnknownTask(id), Lang::Vi) => format!(
            "Không có nhiệm vụ “{id}”. Mã nhiệm vụ có dạng 1.a, 2.a.1 hoặc 0.3@2026 (kỳ của việc định kỳ); xem danh sách bằng `cchc list`."
        ),
        (E::UnknownTask(id), Lang::En) => format!(
            "No task “{id}”. Task ids look like 1.a, 2.a.1 or 0.3@2026 (an occurrence of recurring work); see `cchc list`."
        ),
        (E::UnknownTarget(id), Lang::Vi) => {
            format!("Không có chỉ tiêu “{id}”. Xem mã chỉ tiêu bằng `cchc targets`.")
        }
        (E::UnknownTarget(id), Lang::En) => format!("No target “{id}”. See `cchc targets` for ids."),
        (E::UnknownUnit { typed, known }, Lang::Vi) => format!(
            "Không có đơn vị “{typed}”. Các đơn vị: {}.",
            known.join(", ")
        ),
        (E::UnknownUnit { typed, known }, Lang::En) => {
            format!("No unit “{typed}”. Units: {}.", known.join(", "))
        }
        (E::UnknownArea(a), Lang::Vi) => {
            format!("Không có lĩnh vực “{a}”. Lĩnh vực là một số từ 0 đến 6.")
        }
        (E::UnknownArea(a), Lang::En) => format!("No area “{a}”. Areas are numbers 0 to 6."),
        (E::UnknownOccurrence { task, occurrence }, Lang::Vi) => format!(
            "Nhiệm vụ {task} không có kỳ “{occurrence}”. Việc hàng năm ghi năm (@2027), việc hàng quý ghi quý (@2027-Q1), trong giai đoạn của kế hoạch; `cchc show {task}` cho biết các kỳ."
        ),
        (E::UnknownOccurrence { task, occurrence }, Lang::En) => format!(
            "Task {task} has no occurrence “{occurrence}”. Yearly work takes a year (@2027), quarterly work a quarter (@2027-Q1), within the plan; `cchc show {task}` lists them."
        ),
        (E::BadDate(d), Lang::Vi) => format!(
            "Ngày “{d}” không hợp lệ. Nhập ngày có thật dạng dd/mm/yyyy (ví dụ 31/12/2027) hoặc yyyy-mm-dd, năm từ 2000 đến 2100."
        ),
        (E::BadDate(d), Lang::En) => format!(
            "“{d}” is not a valid date. Type a real date as dd/mm/yyyy (e.g. 31/12/2027) or yyyy-mm-dd, year 2000 to 2100."
        ),
        (E::BadProgress(p), Lang::Vi) => {
            format!("Tiến độ “{p}” không hợp lệ. Nhập số nguyên từ 0 đến 100 (phần trăm).")
        }
        (E::BadProgress(p), Lang::En) => {
            format!("Progress “{p}” is not valid. Type a whole number from 0 to 100 (percent).")
        }
        (E::BadStatus(s), _) => match lang {
            Lang::Vi => format!(
                "Trạng thái “{s}” không hợp lệ. Chấp nhận: {}.",
                accepted_statuses(lang)
            ),
            Lang::En => format!("Status “{s}” is not valid. Accepted: {}.", accepted_statuses(lang)),
        },
        (E::BadNumber(n), Lang::Vi) => format!(
            "Giá trị “{n}” không hợp lệ. Nhập một số (ví dụ 87,5 hoặc 87.5); chỉ tiêu tính bằng % nhận từ 0 đến 100."
        ),
        (E::BadNumber(n), Lang::En) => format!(
            "“{n}” is not a valid value. Type a number (e.g. 87.5); targets in % take 0 to 100."
        ),
        (E::TextTooLong { field, chars, max }, Lang::Vi) => format!(
            "{} dài {chars} ký tự; tối đa {max} ký tự.",
            text_field(*field, lang)
        ),
        (E::TextTooLong { field, chars, max }, Lang::En) => format!(
            "{} is {chars} characters long; at most {max} are accepted.",
            text_field(*field, lang)
        ),
        (E::ControlCharacters(field), Lang::Vi) => format!(
            "{} chứa ký tự điều khiển (như ESC). Chỉ nhận chữ, số và dấu câu; riêng ghi chú được xuống dòng.",
            text_field(*field, lang)
        ),
        (E::ControlCharacters(field), Lang::En) => format!(
            "{} contains control characters (such as ESC). Only letters, digits and punctuation are accepted; notes may have line breaks.",
            text_field(*field, lang)
        ),
        (E::EmptyText(field), Lang::Vi) => {
            format!("{} không được để trống.", text_field(*field, lang))
        }
        (E::EmptyText(field), Lang::En) => format!("{} must not be empty.", text_field(*field, lang)),
        (E::BadPeriod(p), _) => bad_period(p, lang),
        (E::ReadOnly, _) => lang
            .pick(
                "Đang ở chế độ chỉ xem: không sửa được gì. Mở cchc không có --read-only (và không ở chế độ trình chiếu) để cập nhật.",
                "This screen is read-only: nothing can be changed. Open cchc without --read-only (and outside meeting mode) to update.",
            )
            .into(),
        (E::DueOutsidePlan { date, first_year, last_year }, Lang::Vi) => format!(
            "Hạn {} nằm ngoài kế hoạch. Hạn phải trong các năm {first_year}–{last_year} của kế hoạch.",
            format_date(*date)
        ),
        (E::DueOutsidePlan { date, first_year, last_year }, Lang::En) => format!(
            "The deadline {} is outside the plan. A deadline must fall in the plan's years {first_year}–{last_year}.",
            format_date(*date)
        ),
        (E::Conflict { task, who, at }, Lang::Vi) => format!(
            "{} đã sửa {task} lúc {}, sau khi màn hình này hiện nó; giữ bản của người đó. Xem lại rồi sửa lại nếu vẫn cần.",
            sanitize_line(who),
            at.format("%H:%M:%S %d/%m/%Y")
        ),
        (E::Conflict { task, who, at }, Lang::En) => format!(
            "{} changed {task} at {}, after this screen showed it; their value is kept. Check it and edit again if still needed.",
            sanitize_line(who),
            at.format("%H:%M:%S %d/%m/%Y")
        ),
        (E::NotUndoable(seq), Lang::Vi) => format!(
            "Không có thay đổi #{seq} của nhiệm vụ này để hoàn tác."
        ),
        (E::NotUndoable(seq), Lang::En) => format!("There is no change #{seq} of this task to undo."),
        (E::DuplicateRecord(record), Lang::Vi) => format!(
            "Tệp có bản ghi {} hai lần; mỗi bản ghi chỉ được có một lần. Không có gì được ghi.",
            sanitize_line(record)
        ),
        (E::DuplicateRecord(record), Lang::En) => format!(
            "The file holds record {} twice; each record may appear once. Nothing was written.",
            sanitize_line(record)
        ),
        (E::BadRecord { record, problem }, Lang::Vi) => format!(
            "Bản ghi {} trong tệp không được nhận: {} Không có gì được ghi.",
            sanitize_line(record),
            input_error(problem, lang)
        ),
        (E::BadRecord { record, problem }, Lang::En) => format!(
            "Record {} of the file is refused: {} Nothing was written.",
            sanitize_line(record),
            input_error(problem, lang)
        ),
        (E::NothingToChange, Lang::Vi) => "Chưa có gì để thay đổi: cho ít nhất một trong --status, --progress, --due, --note, --lead.".into(),
        (E::NothingToChange, Lang::En) => "Nothing to change: give at least one of --status, --progress, --due, --note, --lead.".into(),
    }
}

pub fn store_error(error: &StoreError, lang: Lang) -> String {
    use StoreError as E;
    match (error, lang) {
        (E::Locked { path, holder }, Lang::Vi) => format!(
            "Kho dữ liệu {} đang được tiến trình khác mở{} và không nhả ra trong lúc chờ. Có thể đó là một cchc cũ hoặc bị treo: hãy thoát nó rồi thử lại. Không có gì được ghi.",
            path.display(),
            holder
                .as_deref()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default()
        ),
        (E::Locked { path, holder }, Lang::En) => format!(
            "The store {} is held by another process{}, which did not let go while we waited. It may be an old or hung cchc: quit it and try again. Nothing was written.",
            path.display(),
            holder
                .as_deref()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default()
        ),
        (
            E::Corrupt {
                path,
                detail,
                backup,
            },
            Lang::Vi,
        ) => {
            let restore = match backup {
                Some(b) => format!(
                    "Bản sao lưu mới nhất: {}. Để khôi phục: đổi tên thư mục kho, rồi chạy `cchc import {}`.",
                    b.display(),
                    b.display()
                ),
                None => "Chưa có bản sao lưu nào trong thư mục kho.".into(),
            };
            format!(
                "Kho dữ liệu {} bị hỏng hoặc không đọc được ({detail}). {restore}",
                path.display()
            )
        }
        (
            E::Corrupt {
                path,
                detail,
                backup,
            },
            Lang::En,
        ) => {
            let restore = match backup {
                Some(b) => format!(
                    "Newest backup: {}. To restore: rename the store folder, then run `cchc import {}`.",
                    b.display(),
                    b.display()
                ),
                None => "There is no backup in the store folder yet.".into(),
            };
            format!(
                "The store {} is damaged or unreadable ({detail}). {restore}",
                path.display()
            )
        }
        (E::NewerSchema { path, found }, Lang::Vi) => format!(
            "Kho dữ liệu {} do phiên bản cchc mới hơn ghi (lược đồ {found}). Hãy cập nhật cchc; không có gì được ghi.",
            path.display()
        ),
        (E::NewerSchema { path, found }, Lang::En) => format!(
            "The store {} was written by a newer cchc (schema {found}). Update cchc; nothing was written.",
            path.display()
        ),
        (E::NotEmpty { path }, Lang::Vi) => format!(
            "Kho dữ liệu {} đã có chỉnh sửa; chỉ nhập được vào kho trống. Dùng --data-dir để chọn một thư mục mới.",
            path.display()
        ),
        (E::NotEmpty { path }, Lang::En) => format!(
            "The store {} already holds edits; import only goes into an empty store. Use --data-dir for a new folder.",
            path.display()
        ),
        (E::Io { path, detail }, Lang::Vi) => {
            format!(
                "Không đọc/ghi được {}: {detail}. Không có gì được ghi.",
                path.display()
            )
        }
        (E::Io { path, detail }, Lang::En) => {
            format!(
                "Cannot read or write {}: {detail}. Nothing was written.",
                path.display()
            )
        }
        (E::Full { path }, Lang::Vi) => format!(
            "Ổ đĩa chứa kho dữ liệu {} đã đầy: không ghi được gì, sửa đổi vừa rồi (nếu có) CHƯA được lưu. Hãy giải phóng chỗ trống (xóa bớt tệp không cần) rồi làm lại.",
            path.display()
        ),
        (E::Full { path }, Lang::En) => format!(
            "The disk holding the store {} is full: nothing could be written, and the last change (if any) was NOT saved. Free some space (delete files you do not need) and do it again.",
            path.display()
        ),
    }
}

pub fn catalog_error(error: &CatalogError, lang: Lang) -> String {
    let problems = error.0.join("; ");
    match lang {
        Lang::Vi => format!("Danh mục không hợp lệ: {problems}"),
        Lang::En => format!("Invalid catalog: {problems}"),
    }
}

pub fn app_error(error: &AppError, lang: Lang) -> String {
    match error {
        AppError::Input(e) => input_error(e, lang),
        AppError::Store(e) => store_error(e, lang),
        AppError::Catalog(e) => catalog_error(e, lang),
        AppError::Share(e) => share_error(e, lang),
    }
}

/// " (detail)", or nothing for no detail.
fn parenthesized(detail: &str) -> String {
    if detail.is_empty() {
        String::new()
    } else {
        format!(" ({detail})")
    }
}

pub fn share_error(error: &crate::app::ShareError, lang: Lang) -> String {
    use crate::app::ShareError as E;
    match (error, lang) {
        (E::Unreachable(detail), Lang::Vi) => format!(
            "Không kết nối được tiến trình chủ của kho dữ liệu{}. Chưa có gì được ghi; thử lại sau ít giây, hoặc xem `cchc status`.",
            parenthesized(detail)
        ),
        (E::Unreachable(detail), Lang::En) => format!(
            "Cannot reach the process that owns the store{}. Nothing was written; try again in a few seconds, or see `cchc status`.",
            parenthesized(detail)
        ),
        (E::NotSaved, Lang::Vi) => "CHƯA LƯU: tiến trình chủ của kho dừng trước khi ghi sửa đổi này. Đã kết nối lại và đọc lại dữ liệu; hãy làm lại sửa đổi.".to_string(),
        (E::NotSaved, Lang::En) => "NOT SAVED: the process that owns the store stopped before writing this edit. Reconnected and read everything again; please make the edit again.".to_string(),
        (E::Unconfirmed, Lang::Vi) => "CHƯA RÕ ĐÃ LƯU HAY CHƯA: mất kết nối với tiến trình chủ của kho trước khi nó xác nhận, và chưa kết nối lại được. Kiểm tra lại nhiệm vụ khi kết nối lại.".to_string(),
        (E::Unconfirmed, Lang::En) => "NOT KNOWN WHETHER SAVED: the connection to the process that owns the store broke before it confirmed, and it cannot be reached yet. Check the task once reconnected.".to_string(),
        (E::OwnerFailed(detail), Lang::Vi) => format!("Không khởi động được tiến trình chủ của kho: {detail}"),
        (E::OwnerFailed(detail), Lang::En) => format!("The process that owns the store could not start: {detail}"),
        (E::Version { owner, ours }, Lang::Vi) => format!(
            "Tiến trình chủ đang chạy là phiên bản khác (giao thức {owner}, bản này {ours}). Đóng mọi cửa sổ cchc cũ rồi mở lại."
        ),
        (E::Version { owner, ours }, Lang::En) => format!(
            "The running owner process is another version (protocol {owner}, this program {ours}). Close every old cchc window and start again."
        ),
        (E::Protocol(detail), Lang::Vi) => format!("Lỗi trao đổi với tiến trình chủ: {detail}. Chưa có gì được ghi."),
        (E::Protocol(detail), Lang::En) => format!("Error talking to the owner process: {detail}. Nothing was written."),
    }
}

pub fn bad_today(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "CCHC_TODAY=“{value}” không phải ngày hợp lệ; dùng dạng YYYY-MM-DD hoặc bỏ biến này."
        ),
        Lang::En => {
            format!("CCHC_TODAY=“{value}” is not a valid date; use YYYY-MM-DD or unset it.")
        }
    }
}

pub fn bad_import_file(path: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Không đọc được tệp {path}: {detail}. Tệp nhập phải là JSON do `cchc export` hoặc bản sao lưu tạo ra."
        ),
        Lang::En => format!(
            "Cannot read {path}: {detail}. Import takes the JSON written by `cchc export` or a backup."
        ),
    }
}

pub fn no_data_dir(lang: Lang) -> &'static str {
    lang.pick(
        "Không tìm được thư mục dữ liệu của người dùng; hãy chỉ định bằng --data-dir hoặc CCHC_DATA.",
        "No user data folder found; set one with --data-dir or CCHC_DATA.",
    )
}

pub fn error_prefix(lang: Lang) -> &'static str {
    lang.pick("Lỗi", "Error")
}

// ---------------------------------------------------------------- CLI help

/// Help texts of the command line, keyed by `subcommand[.subcommand][.argument]`
/// ("" is the program itself).
pub fn cli_help(key: &str, lang: Lang) -> Option<&'static str> {
    let (vi, en) = match key {
        "" => (
            "Theo dõi kế hoạch cải cách hành chính (CCHC) 2026–2030 của xã Hà Đông. Không có lệnh con: mở giao diện toàn màn hình.",
            "Track the commune's public-administration reform plan (CCHC) 2026–2030. With no subcommand: open the full-screen interface.",
        ),
        "data-dir" => (
            "Thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng, hoặc biến CCHC_DATA)",
            "Data folder (default: the user's data folder, or CCHC_DATA)",
        ),
        "lang" => (
            "Ngôn ngữ: vi hoặc en (hoặc biến CCHC_LANG)",
            "Language: vi or en (or CCHC_LANG)",
        ),
        "format" => ("Dạng kết quả", "Output format"),
        "list" => (
            "Liệt kê nhiệm vụ (việc định kỳ: kỳ hiện tại)",
            "List tasks (recurring work: today's occurrence)",
        ),
        "list.area" => ("Lĩnh vực 0–6", "Reform area 0–6"),
        "list.unit" => (
            "Đơn vị chủ trì: VHXH, VP, KT, TTPVHCC, TTDVSNC, MTTQ",
            "Lead unit: VHXH, VP, KT, TTPVHCC, TTDVSNC, MTTQ",
        ),
        "list.status" => (
            "Trạng thái: chưa bắt đầu, đang thực hiện, hoàn thành, tạm dừng, đã hủy",
            "Status: not started, in progress, done, paused, cancelled",
        ),
        "list.overdue" => (
            "Chỉ việc quá hạn (mọi kỳ)",
            "Overdue work only (every occurrence)",
        ),
        "list.due-before" => (
            "Hạn đến hết ngày này (dd/mm/yyyy), mọi kỳ",
            "Due on or before this day (dd/mm/yyyy), every occurrence",
        ),
        "list.period" | "risks.period" | "triage.period" => (
            "Kỳ báo cáo: 2026-Q1, 2026-H1, 2026-Q3 hoặc 2026 (mặc định: kỳ hiện tại)",
            "Review period: 2026-Q1, 2026-H1, 2026-Q3 or 2026 (default: the current one)",
        ),
        "risks" => (
            "Nhiệm vụ và chỉ tiêu cần lưu ý trong kỳ, kèm lý do và mức độ",
            "Tasks and targets at risk this period, with reason and severity",
        ),
        "risks.area" => ("Lĩnh vực 0–6", "Reform area 0–6"),
        "risks.unit" => ("Đơn vị chủ trì", "Lead unit"),
        "read-only" => (
            "Chỉ xem: không sửa được gì (cho màn hình dùng chung)",
            "View only: nothing can be changed (for a shared screen)",
        ),
        "present" => (
            "Trình chiếu cuộc họp của một kỳ (chỉ xem)",
            "Present a period's review meeting (read-only)",
        ),
        "present.period" => (
            "Kỳ báo cáo (mặc định: kỳ hiện tại)",
            "Review period (default: the current one)",
        ),
        "present.theme" => (
            "Giao diện: projector (mặc định), dark, light",
            "Theme: projector (default), dark, light",
        ),
        "meeting" => (
            "Ghi nhận các cuộc họp giao ban, sơ kết",
            "Record review meetings",
        ),
        "meeting.new" => (
            "Ghi nhận một cuộc họp (mặc định hôm nay)",
            "Record a meeting (default today)",
        ),
        "meeting.new.date" => ("Ngày họp (dd/mm/yyyy)", "Meeting date (dd/mm/yyyy)"),
        "meeting.new.title" => ("Tên cuộc họp", "Meeting title"),
        "meeting.list" => ("Liệt kê các cuộc họp đã ghi", "List recorded meetings"),
        "triage" => (
            "Rà soát nhanh việc quá hạn và cần lưu ý bằng bàn phím",
            "Keyboard triage of overdue and at-risk work",
        ),
        "list.search" => (
            "Tìm theo mã hoặc nội dung, có dấu hay không dấu đều được",
            "Search id or title, accents optional",
        ),
        "show" => (
            "Xem đầy đủ một nhiệm vụ và lịch sử của nó",
            "Show a task in full with its history",
        ),
        "show.id" | "set.id" | "evidence.add.id" => (
            "Mã nhiệm vụ, ví dụ 1.a.1; việc định kỳ thêm kỳ: 0.3@2026, 0.17@2027-Q1",
            "Task id, e.g. 1.a.1; recurring work takes an occurrence: 0.3@2026, 0.17@2027-Q1",
        ),
        "set" => (
            "Cập nhật một nhiệm vụ; lưu và ghi lịch sử ngay",
            "Update a task; saved with its history at once",
        ),
        "set.status" => ("Trạng thái mới", "New status"),
        "set.progress" => ("Tiến độ 0–100 (%)", "Progress 0–100 (%)"),
        "set.due" => (
            "Hạn mới dd/mm/yyyy (gia hạn)",
            "New deadline dd/mm/yyyy (extension)",
        ),
        "set.note" => ("Thêm một ghi chú", "Add a note"),
        "set.lead" => ("Đổi đơn vị chủ trì", "Change the lead unit"),
        "set.reason" => (
            "Lý do, ghi vào lịch sử (ví dụ lý do gia hạn)",
            "Reason, kept in the history (e.g. why a deadline moved)",
        ),
        "log" => ("Xem lịch sử thay đổi", "Show the history of changes"),
        "log.id" => (
            "Mã nhiệm vụ hoặc chỉ tiêu (bỏ trống: tất cả)",
            "Task or target id (empty: all)",
        ),
        "log.since" => (
            "Chỉ thay đổi từ ngày này (dd/mm/yyyy)",
            "Only changes since this day (dd/mm/yyyy)",
        ),
        "targets" => (
            "Liệt kê chỉ tiêu và số đo gần nhất",
            "List targets with their latest measurement",
        ),
        "target" => ("Ghi số đo chỉ tiêu", "Record target measurements"),
        "target.set" => (
            "Ghi một số đo, ví dụ: cchc target set T04 87,5 --date 30/06/2027",
            "Record a measurement, e.g. cchc target set T04 87.5 --date 30/06/2027",
        ),
        "target.set.id" => ("Mã chỉ tiêu, ví dụ T04", "Target id, e.g. T04"),
        "target.set.value" => ("Giá trị đo được", "Measured value"),
        "target.set.date" => (
            "Ngày đo (mặc định hôm nay)",
            "Date measured (default today)",
        ),
        "target.set.note" => ("Ghi chú về số đo", "Note on the measurement"),
        "evidence" => (
            "Tài liệu kiểm chứng của nhiệm vụ",
            "Evidence documents of a task",
        ),
        "evidence.add" => ("Thêm tài liệu kiểm chứng", "Add an evidence document"),
        "evidence.add.doc" => (
            "Số ký hiệu văn bản, ví dụ 123/QĐ-UBND",
            "Document number, e.g. 123/QĐ-UBND",
        ),
        "evidence.add.date" => ("Ngày ban hành (dd/mm/yyyy)", "Date issued (dd/mm/yyyy)"),
        "evidence.add.title" => ("Trích yếu", "Summary"),
        "evidence.add.link" => (
            "Đường dẫn hoặc liên kết tới tệp",
            "Path or link to the file",
        ),
        "export" => (
            "Xuất toàn bộ dữ liệu, kể cả lịch sử, ra JSON",
            "Export everything, history included, as JSON",
        ),
        "export.output" => (
            "Ghi vào tệp thay vì ra màn hình",
            "Write to a file instead of standard output",
        ),
        "import" => (
            "Nhập JSON (từ export hoặc bản sao lưu) vào kho trống",
            "Import JSON (from export or a backup) into an empty store",
        ),
        "import.file" => ("Tệp JSON", "JSON file"),
        "catalog" => (
            "Danh mục nhiệm vụ đóng gói trong chương trình",
            "The task catalog bundled in the program",
        ),
        "catalog.sync" => (
            "Cập nhật danh mục từ bản đóng gói, giữ mọi chỉnh sửa",
            "Update the catalog from the bundled one, keeping every edit",
        ),
        "config" => (
            "In vị trí và nội dung tệp cấu hình",
            "Print where the config file is and what it holds",
        ),
        "status" => (
            "Tiến trình chủ của kho: từ khi nào, và những cửa sổ cchc nào đang kết nối",
            "The process that owns the store: since when, and which cchc windows are connected",
        ),
        "backup" => (
            "Sao lưu ngay ra JSON (giữ 10 bản gần nhất)",
            "Write a JSON backup now (the newest 10 are kept)",
        ),
        _ => return None,
    };
    Some(lang.pick(vi, en))
}

// ---------------------------------------------------------------- the owner

pub fn no_owner(dir: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Không có tiến trình chủ nào đang chạy cho kho {dir}. Cửa sổ cchc đầu tiên mở ra sẽ khởi động nó."
        ),
        Lang::En => format!(
            "No owner process is running for the store {dir}. The first cchc window opened starts one."
        ),
    }
}

fn duration_text(duration: std::time::Duration, lang: Lang) -> String {
    let minutes = duration.as_secs() / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (lang, days) {
        (Lang::Vi, 0) => format!("{hours} giờ {minutes} phút"),
        (Lang::Vi, _) => format!("{days} ngày {hours} giờ {minutes} phút"),
        (Lang::En, 0) => format!("{hours} h {minutes} min"),
        (Lang::En, _) => format!("{days} d {hours} h {minutes} min"),
    }
}

pub fn owner_line(
    pid: u32,
    user: &str,
    started: &str,
    uptime: std::time::Duration,
    lang: Lang,
) -> String {
    let uptime = duration_text(uptime, lang);
    match lang {
        Lang::Vi => format!("Tiến trình chủ: pid {pid} ({user}), chạy từ {started} ({uptime})"),
        Lang::En => {
            format!("Owner process: pid {pid} ({user}), running since {started} ({uptime})")
        }
    }
}

pub fn owner_store(store: &str, last_seq: u64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Kho dữ liệu: {store} · {last_seq} mục lịch sử"),
        Lang::En => format!("Store: {store} · {last_seq} history entries"),
    }
}

pub fn owner_clients(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đang kết nối: {count}"),
        Lang::En => format!("Connected: {count}"),
    }
}

pub fn connected_since(since: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("từ {since}"),
        Lang::En => format!("since {since}"),
    }
}

pub fn reconnected(lang: Lang) -> &'static str {
    lang.pick(
        "Tiến trình chủ của kho đã dừng; đã kết nối lại và đọc lại toàn bộ dữ liệu.",
        "The process that owned the store stopped; reconnected and read everything again.",
    )
}

pub fn not_a_read_command(lang: Lang) -> &'static str {
    lang.pick(
        "Tiến trình chủ chỉ chạy hộ các lệnh xem (list, show, log, targets, risks, meeting list).",
        "The owner runs only commands that read (list, show, log, targets, risks, meeting list).",
    )
}

pub fn saved_after_reconnect(lang: Lang) -> &'static str {
    lang.pick(
        "Tiến trình chủ của kho dừng giữa chừng; đã kết nối lại. Sửa đổi vừa rồi ĐÃ ĐƯỢC LƯU.",
        "The process that owned the store stopped midway; reconnected. The last edit WAS SAVED.",
    )
}

pub fn owner_lost(lang: Lang) -> &'static str {
    lang.pick(
        "Mất kết nối với tiến trình chủ của kho; đang thử kết nối lại. Chưa sửa được cho đến khi kết nối lại.",
        "Lost the process that owns the store; trying to reconnect. Nothing can be saved until then.",
    )
}

// ---------------------------------------------------------------- TUI words

pub fn action_label(action: crate::app::action::Action, lang: Lang) -> &'static str {
    use crate::app::action::Action as A;
    match action {
        A::Up => lang.pick("lên", "up"),
        A::Down => lang.pick("xuống", "down"),
        A::PageUp => lang.pick("lên một trang", "page up"),
        A::PageDown => lang.pick("xuống một trang", "page down"),
        A::Top => lang.pick("về đầu", "to the top"),
        A::Bottom => lang.pick("về cuối", "to the bottom"),
        A::Collapse => lang.pick("thu gọn nhóm / lên nhóm", "fold / go to the group"),
        A::Expand => lang.pick("mở nhóm", "unfold"),
        A::Open => lang.pick("xem chi tiết", "details"),
        A::Back => lang.pick("quay lại", "back"),
        A::SwitchPane => lang.pick("chuyển khung", "switch pane"),
        A::ScrollUp => lang.pick("cuộn lên", "scroll up"),
        A::ScrollDown => lang.pick("cuộn xuống", "scroll down"),
        A::PreviousPeriod => lang.pick("kỳ báo cáo trước", "previous period"),
        A::NextPeriod => lang.pick("kỳ báo cáo sau", "next period"),
        A::ShowRisks => lang.pick("việc cần lưu ý trong kỳ", "what is at risk this period"),
        A::StartTriage => lang.pick(
            "rà soát nhanh việc quá hạn, cần lưu ý",
            "triage overdue and at-risk work",
        ),
        A::MarkDone => lang.pick("đã xong", "done"),
        A::Extend => lang.pick("gia hạn (phải ghi lý do)", "extend (a reason is required)"),
        A::ToggleAgenda => lang.pick(
            "đưa vào / bỏ khỏi chương trình họp",
            "put on / take off the agenda",
        ),
        A::Skip => lang.pick("bỏ qua", "skip"),
        A::GoBack => lang.pick("quay lại việc trước", "back to the previous item"),
        A::EndTriage => lang.pick("kết thúc, xem tổng kết", "end, see the summary"),
        A::Present => lang.pick(
            "trình chiếu cuộc họp (không sửa được gì)",
            "present the meeting (read-only)",
        ),
        A::NextSlide => lang.pick("trang sau", "next slide"),
        A::PreviousSlide => lang.pick("trang trước", "previous slide"),
        A::GoToSlide(_) => lang.pick("đến trang số", "go to slide"),
        A::FirstSlide => lang.pick("trang tổng quan", "overview"),
        A::Blank => lang.pick("tắt / bật màn hình", "blank / show the screen"),
        A::Larger => lang.pick("chữ to hơn, ít dòng hơn", "larger, fewer rows"),
        A::Reload => lang.pick("đọc lại dữ liệu", "reload"),
        A::CycleGrouping => lang.pick(
            "nhóm theo lĩnh vực / đơn vị / tình trạng / tháng",
            "group by area / unit / state / month",
        ),
        A::ShowTargets => lang.pick("chỉ tiêu", "targets"),
        A::ShowHelp => lang.pick("trợ giúp", "help"),
        A::Quit => lang.pick("thoát (mọi thay đổi đã lưu)", "quit (everything is saved)"),
        A::StartSearch => lang.pick("tìm (không cần dấu)", "search (accents optional)"),
        A::NextMatch => lang.pick("kết quả sau", "next match"),
        A::PreviousMatch => lang.pick("kết quả trước", "previous match"),
        A::OpenFilter => lang.pick("lọc", "filter"),
        A::ClearFilters => lang.pick("xóa bộ lọc", "clear filters"),
        A::PickStatus => lang.pick("đổi trạng thái", "set status"),
        A::ProgressUp => lang.pick("tiến độ +10%", "progress +10%"),
        A::ProgressDown => lang.pick("tiến độ −10%", "progress −10%"),
        A::TypeProgress => lang.pick("nhập tiến độ", "type progress"),
        A::TypeDue => lang.pick("đổi hạn (gia hạn)", "new deadline"),
        A::AddNote => lang.pick("thêm ghi chú", "add a note"),
        A::AddEvidence => lang.pick("thêm tài liệu kiểm chứng", "add evidence"),
        A::Undo => lang.pick("hoàn tác thay đổi vừa rồi", "undo the last edit"),
        A::Confirm => lang.pick(
            "chọn / lưu (ghi chú: xuống dòng; dòng trống: lưu)",
            "choose / save (note: new line; empty line: save)",
        ),
        A::Cancel => lang.pick("hủy", "cancel"),
        A::Save => lang.pick("lưu ghi chú", "save the note"),
        A::NextField => lang.pick("ô tiếp theo", "next field"),
        A::PreviousField => lang.pick("ô trước", "previous field"),
        A::CursorLeft => lang.pick("sang trái / giá trị trước", "left / previous value"),
        A::CursorRight => lang.pick("sang phải / giá trị sau", "right / next value"),
        A::CursorHome => lang.pick("đầu dòng", "start of line"),
        A::CursorEnd => lang.pick("cuối dòng", "end of line"),
        A::DeleteBack => lang.pick("xóa ký tự trước", "delete before"),
        A::DeleteForward => lang.pick("xóa ký tự sau", "delete after"),
        A::Insert(_) | A::Paste | A::Resize(..) | A::StoreChanged(_) => "",
    }
}

/// Short words for the status-bar hints.
pub fn hint_label(action: crate::app::action::Action, lang: Lang) -> &'static str {
    use crate::app::action::Action as A;
    match action {
        A::Open => lang.pick("chi tiết", "details"),
        A::StartSearch => lang.pick("tìm", "search"),
        A::OpenFilter => lang.pick("lọc", "filter"),
        A::CycleGrouping => lang.pick("nhóm", "group"),
        A::PickStatus => lang.pick("trạng thái", "status"),
        A::AddNote => lang.pick("ghi chú", "note"),
        A::ShowHelp => lang.pick("trợ giúp", "help"),
        A::Quit => lang.pick("thoát", "quit"),
        A::Back => lang.pick("quay lại", "back"),
        A::NextMatch => lang.pick("kết quả sau", "next"),
        A::PreviousMatch => lang.pick("trước", "previous"),
        A::Confirm => lang.pick("chọn", "choose"),
        A::Cancel => lang.pick("hủy", "cancel"),
        A::Save => lang.pick("lưu", "save"),
        A::Up | A::Down => lang.pick("di chuyển", "move"),
        A::StartTriage => lang.pick("rà soát", "triage"),
        A::NextSlide => lang.pick("trang sau", "next"),
        A::PreviousSlide => lang.pick("trang trước", "previous"),
        A::FirstSlide => lang.pick("tổng quan", "overview"),
        A::Blank => lang.pick("tắt màn hình", "blank"),
        A::Larger => lang.pick("chữ to", "larger"),
        A::MarkDone => lang.pick("xong", "done"),
        A::Extend => lang.pick("gia hạn", "extend"),
        A::TypeProgress => lang.pick("tiến độ", "progress"),
        A::ToggleAgenda => lang.pick("đưa vào họp", "agenda"),
        A::Skip => lang.pick("bỏ qua", "skip"),
        A::GoBack => lang.pick("lùi", "back"),
        A::EndTriage => lang.pick("kết thúc", "end"),
        other => action_label(other, lang),
    }
}

pub fn mode_title(mode: crate::keymap::Mode, lang: Lang) -> &'static str {
    use crate::keymap::Mode as M;
    match mode {
        M::Board => lang.pick("Bảng nhiệm vụ", "Task board"),
        M::SearchResults => lang.pick("Khi đang tìm", "While searching"),
        M::Detail => lang.pick("Khung chi tiết", "Detail pane"),
        M::Targets => lang.pick("Chỉ tiêu", "Targets"),
        M::Risks => lang.pick("Việc cần lưu ý", "At risk"),
        M::Triage => lang.pick("Rà soát nhanh", "Triage"),
        M::Meeting => lang.pick("Trình chiếu cuộc họp", "Meeting mode"),
        M::Help => lang.pick("Trợ giúp", "Help"),
        M::Picker => lang.pick("Hộp chọn (trạng thái, bộ lọc)", "Pickers (status, filter)"),
        M::Input => lang.pick("Ô nhập", "Text fields"),
        M::Editor => lang.pick("Soạn ghi chú", "Note editor"),
    }
}

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
        "Không có nhiệm vụ nào khớp bộ lọc. Nhấn x để xóa bộ lọc.",
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
        B::Ongoing => lang.pick("Thường xuyên (không có hạn)", "Continuous (no deadline)"),
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
        sanitize_line(&entry.who),
        field_label(entry.field, lang),
        sanitize_line(&value_text(&entry.old, lang)),
        sanitize_line(&value_text(&entry.new, lang)),
    )
}

pub fn period_name(period: crate::domain::period::Period, lang: Lang) -> String {
    use crate::domain::period::PeriodKind as K;
    let year = period.year;
    match (period.kind, lang) {
        (K::Q1, Lang::Vi) => format!("Quý I/{year}"),
        (K::H1, Lang::Vi) => format!("6 tháng/{year}"),
        (K::Q3, Lang::Vi) => format!("Quý III/{year}"),
        (K::Year, Lang::Vi) => format!("Năm {year}"),
        (K::Q1, Lang::En) => format!("Q1 {year}"),
        (K::H1, Lang::En) => format!("H1 {year}"),
        (K::Q3, Lang::En) => format!("Q3 {year}"),
        (K::Year, Lang::En) => format!("Year {year}"),
    }
}

pub fn period_status(
    period: crate::domain::period::Period,
    report_due: chrono::NaiveDate,
    days_left: i64,
    lang: Lang,
) -> String {
    let name = period_name(period, lang);
    let due = report_due.format("%d/%m").to_string();
    match lang {
        Lang::Vi if days_left >= 0 => format!("Kỳ {name}: báo cáo {due}, còn {days_left} ngày"),
        Lang::Vi => format!("Kỳ {name}: hạn báo cáo {due} đã qua"),
        Lang::En if days_left >= 0 => format!("{name}: report {due}, {days_left} d left"),
        Lang::En => format!("{name}: report was due {due}"),
    }
}

pub fn task_count(tasks: usize, done: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{tasks} nhiệm vụ, {done} xong"),
        Lang::En => format!("{tasks} tasks, {done} done"),
    }
}

fn percent_text(value: f64, lang: Lang) -> String {
    let text = format!("{value:.1}");
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

pub fn overdue_status(overdue: usize, of_all: f64, of_dated: f64, lang: Lang) -> String {
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

pub fn filter_line_label(line: crate::app::state::FilterLine, lang: Lang) -> &'static str {
    use crate::app::state::FilterLine as F;
    match line {
        F::Area => lang.pick("Lĩnh vực", "Area"),
        F::Unit => lang.pick("Đơn vị chủ trì", "Lead unit"),
        F::Status => lang.pick("Trạng thái", "Status"),
        F::Overdue => lang.pick("Chỉ quá hạn", "Overdue only"),
    }
}

pub fn filter_help(lang: Lang) -> &'static str {
    lang.pick(
        "↑↓ chọn dòng · ←→ đổi giá trị · Enter/Esc đóng",
        "↑↓ line · ←→ value · Enter/Esc close",
    )
}

pub fn search_title(lang: Lang) -> &'static str {
    lang.pick("Tìm", "Search")
}

pub fn search_prompt(lang: Lang) -> &'static str {
    lang.pick(
        "Gõ mã hoặc vài chữ của nội dung, có dấu hay không đều được:",
        "Type an id or words of the title, accents optional:",
    )
}

pub fn progress_title(lang: Lang) -> &'static str {
    lang.pick("Tiến độ", "Progress")
}

pub fn progress_prompt(current: Option<u8>, lang: Lang) -> String {
    let current = current.unwrap_or(0);
    match lang {
        Lang::Vi => format!("Hiện {current}%. Tiến độ mới (số nguyên 0–100), Enter để lưu:"),
        Lang::En => format!("Now {current}%. New progress (whole number 0–100), Enter saves:"),
    }
}

pub fn due_title(lang: Lang) -> &'static str {
    lang.pick("Đổi hạn (gia hạn)", "New deadline")
}

pub fn due_prompt(current: Option<chrono::NaiveDate>, lang: Lang) -> String {
    let l = show_labels(lang);
    let current = current
        .map(format_date)
        .unwrap_or_else(|| l.no_deadline.to_string());
    match lang {
        Lang::Vi => format!("Hạn hiện tại {current}. Hạn mới dd/mm/yyyy, Enter để lưu:"),
        Lang::En => format!("Due now {current}. New deadline dd/mm/yyyy, Enter saves:"),
    }
}

pub fn evidence_title(lang: Lang) -> &'static str {
    lang.pick("Thêm tài liệu kiểm chứng", "Add an evidence document")
}

pub fn evidence_labels(lang: Lang) -> [&'static str; 3] {
    [
        lang.pick(
            "Số ký hiệu (ví dụ 123/QĐ-UBND)",
            "Number (e.g. 123/QĐ-UBND)",
        ),
        lang.pick("Ngày ban hành (dd/mm/yyyy)", "Date issued (dd/mm/yyyy)"),
        lang.pick("Trích yếu", "Summary"),
    ]
}

pub fn evidence_help(lang: Lang) -> &'static str {
    lang.pick(
        "Tab/Enter ô tiếp · Enter ở ô cuối để lưu · Esc hủy",
        "Tab/Enter next field · Enter on the last saves · Esc cancels",
    )
}

pub fn note_title(lang: Lang) -> &'static str {
    lang.pick("Ghi chú cho", "Note on")
}

pub fn note_help(lang: Lang) -> &'static str {
    lang.pick(
        "Ctrl+S hoặc Enter ở dòng trống để lưu · Esc hủy",
        "Ctrl+S or Enter on an empty line saves · Esc cancels",
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
            "Tệp cấu hình {path} không hợp lệ: {detail}. Các mục được nhận: theme (dark, light, high-contrast, mono, projector), lang (vi, en), key_hints (true, false); [periods] scheme (ministry, calendar), cutoff_day, report_day; [risks] due_soon_days, behind_tolerance; [share] idle_seconds (giây), group_access (true, false)."
        ),
        Lang::En => format!(
            "The config file {path} is invalid: {detail}. Accepted settings: theme (dark, light, high-contrast, mono, projector), lang (vi, en), key_hints (true, false); [periods] scheme (ministry, calendar), cutoff_day, report_day; [risks] due_soon_days, behind_tolerance; [share] idle_seconds (seconds), group_access (true, false)."
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
        (DeadlineClass::DoneLate, _) => lang.pick("xong trễ hạn", "done late").into(),
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

// ---------------------------------------------------------------- risks

pub fn severity_label(severity: crate::domain::risk::Severity, lang: Lang) -> &'static str {
    use crate::domain::risk::Severity as S;
    match severity {
        S::High => lang.pick("cao", "high"),
        S::Medium => lang.pick("vừa", "medium"),
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
        (R::EarlierOverdue { occurrence, days }, Lang::Vi) => {
            format!("kỳ {occurrence} quá hạn {days} ngày")
        }
        (R::EarlierOverdue { occurrence, days }, Lang::En) => {
            format!("{occurrence} overdue {days} days")
        }
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
            .pick("chưa có số đo trong kỳ", "no measurement this period")
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
            "chỉ tiêu: số đo gần nhất dưới lộ trình thẳng từ mốc đầu đến giá trị của giai đoạn; hoặc chưa đo trong kỳ".into(),
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

/// "Kỳ Năm 2026, tính đến 26/11/2026".
pub fn review_heading(
    period: crate::domain::period::Period,
    as_of: chrono::NaiveDate,
    lang: Lang,
) -> String {
    let name = period_name(period, lang);
    match lang {
        Lang::Vi => format!("Kỳ {name}, tính đến {}", format_date(as_of)),
        Lang::En => format!("{name}, as of {}", format_date(as_of)),
    }
}

pub fn risks_title(
    period: crate::domain::period::Period,
    as_of: chrono::NaiveDate,
    tasks: usize,
    targets: usize,
    lang: Lang,
) -> String {
    let heading = review_heading(period, as_of, lang);
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
        Lang::Vi => format!("Tổng kết rà soát: {decided} quyết định trên {queued} việc"),
        Lang::En => format!("Triage summary: {decided} decisions on {queued} items"),
    }
}

pub fn triage_summary_help(lang: Lang) -> &'static str {
    lang.pick(
        "Mọi quyết định đã được lưu. Enter hoặc Esc để về bảng nhiệm vụ.",
        "Every decision is saved. Enter or Esc returns to the board.",
    )
}

pub fn decision_label(decision: &crate::app::state::Decision, lang: Lang) -> &'static str {
    use crate::app::state::Decision as D;
    match decision {
        D::Done => lang.pick("xong", "done"),
        D::Extended(_) => lang.pick("gia hạn đến", "extended to"),
        D::Progress => lang.pick("cập nhật tiến độ", "progress updated"),
        D::Note => lang.pick("thêm ghi chú", "note added"),
        D::Agenda(true) => lang.pick("đưa vào họp", "put on the agenda"),
        D::Agenda(false) => lang.pick("bỏ khỏi chương trình họp", "taken off the agenda"),
        D::Skipped => lang.pick("bỏ qua", "skipped"),
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

/// An earlier occurrence overdue, in the board's state column: with the
/// occurrence when the column has room ("kỳ 2026 quá hạn"), else "kỳ cũ quá hạn".
pub fn earlier_overdue_label(occurrence: Option<&str>, lang: Lang) -> String {
    match (occurrence, lang) {
        (Some(occ), Lang::Vi) => format!("kỳ {occ} quá hạn"),
        (Some(occ), Lang::En) => format!("{occ} overdue"),
        (None, _) => lang.pick("kỳ cũ quá hạn", "earlier overdue").into(),
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

// ---------------------------------------------------------------- meeting mode

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
    lang.pick("hoàn thành / đến hạn", "done / due")
}

pub fn figure_overdue(lang: Lang) -> &'static str {
    lang.pick("quá hạn", "overdue")
}

pub fn figure_at_risk(lang: Lang) -> &'static str {
    lang.pick("cần lưu ý", "at risk")
}

pub fn figure_targets(lang: Lang) -> &'static str {
    lang.pick("chỉ tiêu đúng lộ trình", "targets on track")
}

pub fn figure_by_area(lang: Lang) -> &'static str {
    lang.pick("Hoàn thành theo lĩnh vực", "Completion by area")
}

pub fn figure_states(lang: Lang) -> &'static str {
    lang.pick("Theo tình trạng", "By state")
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
            "{target} đo được {} ngày {} ({who})",
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
