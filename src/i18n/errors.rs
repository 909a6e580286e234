//! Every refusal and failure in words that say what is accepted.

use super::*;

pub(crate) fn text_field(field: TextField, lang: Lang) -> &'static str {
    match field {
        TextField::Note => lang.pick("Ghi chú", "The note"),
        TextField::DocumentNumber => lang.pick("Số ký hiệu văn bản", "The document number"),
        TextField::DocumentSummary => lang.pick("Trích yếu", "The summary"),
        TextField::Link => lang.pick("Đường dẫn", "The link"),
        TextField::Search => lang.pick("Từ khóa tìm kiếm", "The search text"),
        TextField::Reason => lang.pick("Lý do", "The reason"),
        TextField::MeetingTitle => lang.pick("Tên cuộc họp", "The meeting title"),
        TextField::Author => lang.pick("Người sửa", "The author"),
        TextField::Source => lang.pick("Nguồn số liệu", "The source"),
        TextField::ReportText => lang.pick("Nội dung báo cáo", "The report's text"),
        TextField::TaskTitle => lang.pick("Nội dung nhiệm vụ", "The task's title"),
        TextField::Assignee => lang.pick("Tên cán bộ thực hiện", "The officer's name"),
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
            "Giá trị “{n}” không hợp lệ. Nhập một số (ví dụ 87,5 hoặc 87.5); chỉ tiêu tính bằng % nhận từ 0 đến 100; chỉ tiêu định tính nhận 1 (đạt) hoặc 0 (chưa đạt)."
        ),
        (E::BadNumber(n), Lang::En) => format!(
            "“{n}” is not a valid value. Type a number (e.g. 87.5); targets in % take 0 to 100; qualitative aims take 1 (met) or 0 (not met)."
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
        (E::DueNeedsReason, _) => lang
            .pick(
                "Hạn chỉ được đổi khi nêu lý do. Trên dòng lệnh: thêm --reason \"lý do\".",
                "A deadline moves only with a reason. On the command line: add --reason \"why\".",
            )
            .to_string(),
        (E::DoneOnOutside { date, first, today }, Lang::Vi) => format!(
            "Ngày hoàn thành {} không nhận được: phải từ {} (ngày bắt đầu kế hoạch) đến hôm nay ({}).",
            format_date(*date),
            format_date(*first),
            format_date(*today)
        ),
        (E::DoneOnOutside { date, first, today }, Lang::En) => format!(
            "The completion date {} is not accepted: it must be from {} (the plan's start) to today ({}).",
            format_date(*date),
            format_date(*first),
            format_date(*today)
        ),
        (E::BaselineOfQualitative(id), Lang::Vi) => format!(
            "Chỉ tiêu {id} là chỉ tiêu định tính (đạt / chưa đạt) nên không có mốc ban đầu. Chỉ nhập mốc ban đầu cho chỉ tiêu đo bằng số."
        ),
        (E::BaselineOfQualitative(id), Lang::En) => format!(
            "Target {id} is qualitative (met / not met) and has no baseline. A baseline is entered only for a measured target."
        ),
        (E::BadSection(typed), Lang::Vi) => format!(
            "Không có phần báo cáo “{typed}”. Chọn: uu-diem (ưu điểm), han-che (tồn tại, hạn chế và nguyên nhân), phuong-huong (phương hướng kỳ tới), kien-nghi (đề xuất, kiến nghị)."
        ),
        (E::BadSection(typed), Lang::En) => format!(
            "No report part “{typed}”. Choose: uu-diem (strengths), han-che (shortcomings), phuong-huong (next period), kien-nghi (proposals)."
        ),
        (E::BaselineFromPlan(id), Lang::Vi) => format!(
            "Mốc ban đầu của chỉ tiêu {id} do kế hoạch quy định; không nhập thay được."
        ),
        (E::BaselineFromPlan(id), Lang::En) => format!(
            "The plan itself gives target {id} its baseline; it cannot be replaced."
        ),
        (E::NoSuchItem, _) => lang
            .pick(
                "Không có ghi chú hoặc tài liệu số đó (hoặc đã rút lại). Xem số thứ tự bằng: cchc show <MÃ>.",
                "There is no note or document with that number (or it was withdrawn already). See the numbers with: cchc show <ID>.",
            )
            .to_string(),
        (E::PlanTaskKept(id), Lang::Vi) => format!(
            "Nhiệm vụ {id} thuộc kế hoạch nên giữ nguyên nội dung, lĩnh vực và thời hạn của kế hoạch; chỉ cập nhật được tình trạng, cán bộ thực hiện, ghi chú và tài liệu (cchc set). Chỉ nhiệm vụ bổ sung (mã BS-…) mới sửa hoặc thôi theo dõi được."
        ),
        (E::PlanTaskKept(id), Lang::En) => format!(
            "Task {id} is the plan's own: its text, area and deadline stay as the plan sets them; only its state, officer, notes and documents change (cchc set). Only tasks the office added (ids BS-…) can be edited or retired."
        ),
        (E::RetiredTask(id), Lang::Vi) => format!(
            "Nhiệm vụ {id} đã thôi theo dõi; lịch sử của nó vẫn được giữ (cchc log {id})."
        ),
        (E::RetiredTask(id), Lang::En) => format!(
            "Task {id} is retired; its history is kept (cchc log {id})."
        ),
        (E::BadParent(id), Lang::Vi) => format!(
            "Không dùng được “{}” làm nhiệm vụ cha: phải là mã một nhiệm vụ đang theo dõi, không phải chính nhiệm vụ này hay một việc con của nó.",
            sanitize_line(id)
        ),
        (E::BadParent(id), Lang::En) => format!(
            "“{}” cannot be the parent: it must be the id of a task being followed, neither this one nor one of its sub-tasks.",
            sanitize_line(id)
        ),
        (E::DoneOnNeedsDone, _) => lang
            .pick(
                "Ngày hoàn thành chỉ ghi cho việc đã hoàn thành. Trên dòng lệnh: thêm --status \"hoàn thành\".",
                "A completion date is kept only for work that is done. On the command line: add --status done.",
            )
            .to_string(),
        (E::BadPeriod(p), _) => bad_period(p, lang),
        (E::PeriodClosed(p), Lang::Vi) => format!(
            "Kỳ {p} đã chốt số liệu: báo cáo của kỳ giữ nguyên như khi chốt. Muốn sửa nội dung hay chốt lại, mở lại kỳ bằng: cchc period reopen {p} --reason \"…\""
        ),
        (E::PeriodClosed(p), Lang::En) => format!(
            "Period {p} is closed: its report stays as it was closed. To change its texts or close it again, reopen it with: cchc period reopen {p} --reason \"…\""
        ),
        (E::PeriodNotOver { period, cutoff }, Lang::Vi) => format!(
            "Kỳ {period} chưa hết: số liệu chốt ngày {}. Chỉ chốt được kỳ đã qua ngày chốt số liệu.",
            format_date(*cutoff)
        ),
        (E::PeriodNotOver { period, cutoff }, Lang::En) => format!(
            "Period {period} is not over: its data is cut off on {}. Only a period past its cut-off can be closed.",
            format_date(*cutoff)
        ),
        (E::PeriodNotClosed(p), Lang::Vi) => {
            format!("Kỳ {p} chưa chốt số liệu: không có gì để mở lại.")
        }
        (E::PeriodNotClosed(p), Lang::En) => format!("Period {p} is not closed: nothing to reopen."),
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
            super::author(who, Lang::Vi),
            at.format("%H:%M:%S %d/%m/%Y")
        ),
        (E::Conflict { task, who, at }, Lang::En) => format!(
            "{} changed {task} at {}, after this screen showed it; their value is kept. Check it and edit again if still needed.",
            super::author(who, Lang::En),
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
        (E::NothingToChange, Lang::Vi) => "Chưa có gì để thay đổi: cho ít nhất một trong --status, --progress, --done-on, --due, --note, --lead.".into(),
        (E::NothingToChange, Lang::En) => "Nothing to change: give at least one of --status, --progress, --done-on, --due, --note, --lead.".into(),
    }
}

pub fn store_error(error: &StoreError, lang: Lang) -> String {
    use StoreError as E;
    match (error, lang) {
        (E::Locked { path, holder }, Lang::Vi) => format!(
            "Kho dữ liệu {} đang được tiến trình khác mở{} và chưa được giải phóng trong lúc chờ. Có thể đó là một cchc cũ hoặc bị treo: hãy thoát nó rồi thử lại. Không có gì được ghi.",
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
                    "Bản sao lưu có sẵn mới nhất: {}. Để khôi phục: đổi tên thư mục kho, rồi chạy `cchc import {}`.",
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
pub(crate) fn parenthesized(detail: &str) -> String {
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
            "Không kết nối được với tiến trình chủ của kho dữ liệu{}. Chưa có gì được ghi; thử lại sau ít giây, hoặc xem `cchc status`.",
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
        (E::NoOwner { waited_secs, started: true }, Lang::Vi) => format!(
            "Đã chờ {waited_secs} giây mà tiến trình chủ của kho (do lệnh này khởi động) chưa trả lời. Chưa có gì được ghi. Xem tệp owner.log trong thư mục dữ liệu, rồi thử lại."
        ),
        (E::NoOwner { waited_secs, started: true }, Lang::En) => format!(
            "Waited {waited_secs} s and the process that owns the store (started by this command) has not answered. Nothing was written. See owner.log in the data folder, then try again."
        ),
        (E::NoOwner { waited_secs, started: false }, Lang::Vi) => format!(
            "Đã chờ {waited_secs} giây mà không có tiến trình chủ nào của kho trả lời. Chưa có gì được ghi; thử lại, hoặc xem `cchc status`."
        ),
        (E::NoOwner { waited_secs, started: false }, Lang::En) => format!(
            "Waited {waited_secs} s and no process that owns the store answered. Nothing was written; try again, or see `cchc status`."
        ),
        (E::OtherAccount { account }, Lang::Vi) => format!(
            "Kho này đang có tiến trình chủ chạy dưới tài khoản {}, và tài khoản của bạn không được vào. Muốn dùng chung kho, đặt group_access = true trong [share] cho mọi người dùng (xem SECURITY.md).",
            sanitize_line(account)
        ),
        (E::OtherAccount { account }, Lang::En) => format!(
            "An owner process runs on this store as {}, and your account may not reach it. To share a store, set group_access = true under [share] for everyone who uses it (see SECURITY.md).",
            sanitize_line(account)
        ),
        (E::TooLarge { bytes, limit }, Lang::Vi) => format!(
            "Dữ liệu gửi đi quá lớn ({} MiB; tối đa {} MiB). Chưa có gì được ghi. Tệp nhập lớn như vậy không phải bản xuất của cchc; kiểm tra lại tệp.",
            bytes >> 20, limit >> 20
        ),
        (E::TooLarge { bytes, limit }, Lang::En) => format!(
            "What was to be sent is too large ({} MiB; at most {} MiB). Nothing was written. An import file this large is not a cchc export; check the file.",
            bytes >> 20, limit >> 20
        ),
        (E::NotResponding, Lang::Vi) => "Tiến trình chủ của kho nhận kết nối nhưng không trả lời trong 3 giây: nó đang bị treo hoặc bị tạm dừng. Chưa có gì được ghi từ lệnh này. Xem `cchc status`; nếu nó vẫn không trả lời, dừng nó (`pkill -f \"cchc.* serve\"`) rồi chạy lại lệnh.".to_string(),
        (E::NotResponding, Lang::En) => "The process that owns the store accepted the connection but did not answer within 3 seconds: it is hung or stopped. Nothing was written by this command. See `cchc status`; if it still does not answer, stop it (`pkill -f \"cchc.* serve\"`) and run the command again.".to_string(),
        (E::OwnerFailed(detail), Lang::Vi) => format!("Không khởi động được tiến trình chủ của kho: {detail}. Xem tệp owner.log trong thư mục dữ liệu."),
        (E::OwnerFailed(detail), Lang::En) => format!("The process that owns the store could not start: {detail}. See owner.log in the data folder."),
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

pub fn cannot_write(path: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Không ghi được {path}: {detail}. Dữ liệu trong kho không thay đổi; chọn nơi ghi có quyền ghi và còn chỗ trống rồi chạy lại."
        ),
        Lang::En => format!(
            "Cannot write {path}: {detail}. Nothing in the store changed; choose a place you may write to, with free space, and run it again."
        ),
    }
}

pub fn bad_text_file(path: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Không đọc được tệp {path}: {detail}. Cần một tệp văn bản lưu dạng UTF-8 (trong Notepad: Lưu thành, Mã hóa UTF-8). Chưa có gì được ghi."
        ),
        Lang::En => format!(
            "Cannot read {path}: {detail}. It must be a text file saved as UTF-8. Nothing was written."
        ),
    }
}

pub fn report_exists(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Tệp {path} đã có nên không ghi đè. Chọn tên khác bằng --out, hoặc thêm --force để ghi đè."
        ),
        Lang::En => format!(
            "{path} exists and was not overwritten. Choose another name with --out, or add --force to overwrite it."
        ),
    }
}

pub fn terminal_failed(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            format!("Cửa sổ dòng lệnh gặp lỗi: {detail}. Những gì đã lưu vẫn còn; mở lại cchc.")
        }
        Lang::En => {
            format!("The terminal failed: {detail}. What was saved is kept; open cchc again.")
        }
    }
}

pub fn no_data_dir(lang: Lang) -> &'static str {
    lang.pick(
        "Không tìm được thư mục dữ liệu của người dùng; hãy chỉ định bằng --data-dir hoặc CCHC_DATA.",
        "No user data folder found; set one with --data-dir or CCHC_DATA.",
    )
}

/// An argument in another encoding than UTF-8 (a Latin-1 file name, bytes
/// typed by mistake). `shown` has its bad bytes replaced.
pub fn argument_not_text(position: usize, shown: &str, lang: Lang) -> String {
    let shown = crate::domain::text::sanitize_line(shown);
    match lang {
        Lang::Vi => format!(
            "đối số thứ {position} («{shown}») không phải văn bản UTF-8. \
             cchc chỉ nhận chữ UTF-8 (mã mặc định của PuTTY, Windows Terminal); \
             hãy gõ lại hoặc đổi tên tệp."
        ),
        Lang::En => format!(
            "argument {position} (\"{shown}\") is not UTF-8 text. \
             cchc accepts UTF-8 only (the default of PuTTY and Windows Terminal); \
             type it again or rename the file."
        ),
    }
}

/// The data folder's mode is not what its sharing needs, and it is another
/// account's folder, so cchc could not set it.
pub fn folder_mode_warning(w: &crate::store::folder::ModeWarning, lang: Lang) -> String {
    let path = w.path.display();
    let (found, wanted) = (w.found, w.wanted);
    match lang {
        Lang::Vi => format!(
            "Cảnh báo: thư mục dữ liệu {path} có quyền {found:o}, cần {wanted:o} \
             (700: riêng một tài khoản; 2770: dùng chung trong nhóm). Thư mục thuộc \
             tài khoản khác nên cchc không sửa được; nhờ chủ thư mục chạy \
             `chmod {wanted:o} {path}`."
        ),
        Lang::En => format!(
            "Warning: the data folder {path} has mode {found:o}, it needs {wanted:o} \
             (700: one account; 2770: shared with a group). It belongs to another \
             account, so cchc cannot change it; ask its owner to run `chmod {wanted:o} {path}`."
        ),
    }
}

/// The data folder cannot be made or given its mode.
pub fn folder_unusable(path: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "không dùng được thư mục dữ liệu {path}: {detail}. Chọn thư mục khác bằng \
             --data-dir hoặc kiểm tra quyền của nó."
        ),
        Lang::En => format!(
            "cannot use the data folder {path}: {detail}. Choose another with \
             --data-dir or check its permissions."
        ),
    }
}

/// A language cchc does not speak, asked for: said in both, since which
/// the person reads is not known.
pub fn unknown_lang(source: &str, value: &str) -> String {
    let value = crate::domain::text::sanitize_line(value);
    format!(
        "{source} “{value}”: cchc nói tiếng Việt (vi) và tiếng Anh (en). / \
         {source} \"{value}\": cchc speaks Vietnamese (vi) and English (en)."
    )
}

pub fn error_prefix(lang: Lang) -> &'static str {
    lang.pick("Lỗi", "Error")
}
