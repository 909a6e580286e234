//! The command line's help texts.

use crate::i18n::*;

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
        "report" => (
            "Xuất báo cáo kết quả CCHC của kỳ (Word, Excel, CSV hoặc Markdown), ví dụ: cchc report --period 2027-Q1",
            "Write the period's CCHC report (Word, Excel, CSV or Markdown), e.g. cchc report --period 2027-Q1",
        ),
        "report.period" => (
            "Kỳ báo cáo: 2027-Q1 (quý I), 2027-H1 (6 tháng), 2027-Q3 (quý III), 2027 (năm); mặc định kỳ hiện tại",
            "Period: 2027-Q1, 2027-H1, 2027-Q3, 2027 (year); default the current one",
        ),
        "report.format" => (
            "Dạng tệp: docx (Word), xlsx (Excel), csv (mỗi phụ lục một tệp), md (Markdown)",
            "File type: docx (Word), xlsx (Excel), csv (one file per annex), md (Markdown)",
        ),
        "report.out" => (
            "Tên tệp (mặc định theo kỳ, ví dụ bao-cao-cchc-quy-I-2027.docx, trong thư mục hiện tại)",
            "File name (default after the period, e.g. bao-cao-cchc-quy-I-2027.docx, in the current folder)",
        ),
        "report.force" => ("Ghi đè nếu tệp đã có", "Overwrite a file that exists"),
        "report.separator" => (
            "Dấu phân cách của CSV: comma (dấu phẩy) hoặc semicolon (dấu chấm phẩy, cho Excel cài tiếng Việt; số dùng dấu phẩy thập phân)",
            "CSV separator: comma, or semicolon (for Excel set to Vietnamese; numbers take the decimal comma)",
        ),
        "report.date" => (
            "Ngày ghi ở dòng địa danh, ngày tháng (dd/mm/yyyy; mặc định hôm nay)",
            "The date on the place-and-date line (dd/mm/yyyy; default today)",
        ),
        "period" => (
            "Kỳ báo cáo: nội dung văn phòng viết, chốt số liệu, mở lại, danh sách các kỳ",
            "Review periods: the report's texts, closing the figures, reopening, the list",
        ),
        "period.close" => (
            "Chốt số liệu của kỳ đã qua ngày chốt (sau khi gửi báo cáo): báo cáo in lại sau này vẫn đúng như khi chốt; sửa sau khi chốt được ghi và liệt kê ở báo cáo kỳ sau",
            "Close a period past its cut-off (once its report is sent): printed again later, its report says the same; later corrections are recorded and listed in the next period's report",
        ),
        "period.close.period" => (
            "Kỳ, ví dụ 2027-Q1, 2027-H1, 2027-Q3 hoặc 2027",
            "The period, e.g. 2027-Q1, 2027-H1, 2027-Q3 or 2027",
        ),
        "period.reopen" => (
            "Mở lại kỳ đã chốt (ghi lý do vào lịch sử)",
            "Reopen a closed period (the reason goes into the history)",
        ),
        "period.reopen.period" => ("Kỳ, ví dụ 2027-Q1", "The period, e.g. 2027-Q1"),
        "period.reopen.reason" => ("Lý do mở lại (bắt buộc)", "Why it is reopened (required)"),
        "period.list" => (
            "Các kỳ từ đầu kế hoạch: ngày chốt, hạn báo cáo, đang mở hay đã chốt (ai, khi nào)",
            "Every period since the plan's start: cut-off, report day, open or closed (by whom, when)",
        ),
        "period.note" => (
            "Viết một phần của báo cáo kỳ: uu-diem (ưu điểm), han-che (tồn tại, hạn chế và nguyên nhân), phuong-huong (phương hướng kỳ tới), kien-nghi (đề xuất, kiến nghị); viết lại thì thay bản cũ, có ghi lịch sử",
            "Write a part of the period report: uu-diem (strengths), han-che (shortcomings and causes), phuong-huong (next period), kien-nghi (proposals); writing again replaces it, with history",
        ),
        "period.note.period" => (
            "Kỳ báo cáo (mặc định kỳ hiện tại), ví dụ 2027-Q1",
            "Period (default the current one), e.g. 2027-Q1",
        ),
        "period.note.section" => (
            "Phần: uu-diem, han-che, phuong-huong hoặc kien-nghi",
            "Part: uu-diem, han-che, phuong-huong or kien-nghi",
        ),
        "period.note.text" => ("Nội dung", "The text"),
        "period.note.file" => (
            "Đọc nội dung từ tệp văn bản UTF-8 (cho đoạn dài)",
            "Read the text from a UTF-8 text file (for long parts)",
        ),
        "triage" => (
            "Rà soát nhanh việc quá hạn và cần lưu ý bằng bàn phím",
            "Keyboard triage of overdue and at-risk work",
        ),
        "list.search" => (
            "Tìm theo mã, nội dung, ghi chú hoặc tài liệu kiểm chứng, có dấu hay không dấu đều được",
            "Search ids, titles, notes and evidence, accents optional",
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
        "set.done-on" => (
            "Ngày đã làm xong dd/mm/yyyy (mặc định hôm nay), từ ngày bắt đầu kế hoạch đến hôm nay; đi cùng --status \"hoàn thành\", hoặc một mình để sửa ngày của việc đã xong",
            "The day the work was done, dd/mm/yyyy (default today), from the plan's start to today; with --status done, or alone to correct the day of work already done",
        ),
        "set.due" => (
            "Hạn mới dd/mm/yyyy, trong các năm của kế hoạch; cần --reason",
            "New deadline dd/mm/yyyy, within the plan's years; needs --reason",
        ),
        "set.note" => ("Thêm một ghi chú", "Add a note"),
        "set.lead" => ("Đổi đơn vị chủ trì", "Change the lead unit"),
        "set.reason" => (
            "Lý do, ghi vào lịch sử (bắt buộc khi đổi hạn)",
            "Reason, kept in the history (required with --due)",
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
            "Liệt kê chỉ tiêu, kết quả gần nhất và đánh giá",
            "List targets with their latest measurement",
        ),
        "target" => (
            "Cập nhật kết quả thực hiện chỉ tiêu",
            "Record target results",
        ),
        "target.set" => (
            "Ghi một kết quả (số liệu), ví dụ: cchc target set T04 87,5 --date 30/06/2027",
            "Record a measurement, e.g. cchc target set T04 87.5 --date 30/06/2027",
        ),
        "target.set.id" => ("Mã chỉ tiêu, ví dụ T04", "Target id, e.g. T04"),
        "target.set.value" => (
            "Số liệu (với chỉ tiêu định tính: 1 đạt, 0 chưa đạt)",
            "The result (qualitative aims: 1 met, 0 not met)",
        ),
        "target.set.date" => (
            "Ngày đo (mặc định hôm nay)",
            "Date measured (default today)",
        ),
        "target.set.note" => ("Ghi chú về số liệu", "Note on the result"),
        "target.baseline" => (
            "Nhập mốc ban đầu của chỉ tiêu khi kế hoạch không quy định, kèm nguồn số liệu, ví dụ: cchc target baseline T04 40 --source \"Báo cáo CCHC năm 2025\"",
            "Enter a target's baseline where the plan gives none, with its source, e.g. cchc target baseline T04 40 --source \"2025 CCHC report\"",
        ),
        "target.baseline.id" => ("Mã chỉ tiêu, ví dụ T04", "Target id, e.g. T04"),
        "target.baseline.value" => (
            "Số liệu tại thời điểm bắt đầu kế hoạch",
            "The value at the plan's start",
        ),
        "target.baseline.source" => (
            "Nguồn số liệu (bắt buộc): văn bản, báo cáo hoặc khảo sát",
            "Where the figure comes from (required): a document, report or survey",
        ),
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
            "Tiến trình chủ của kho: chạy kể từ khi nào, và những cửa sổ cchc nào đang kết nối",
            "The process that owns the store: since when, and which cchc windows are connected",
        ),
        "task.import" => (
            "Thêm nhiệm vụ từ bảng Excel (.xlsx, .xls, .ods) hoặc CSV theo mẫu phụ lục kế hoạch: STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian hoàn thành. Chỉ ghi khi mọi dòng đều đúng; nhiệm vụ đã có thì bỏ qua, ví dụ: cchc task import ke-hoach-cchc-2027.xlsx --dry-run",
            "Add tasks from an Excel (.xlsx, .xls, .ods) or CSV table laid out as a plan's annex: STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian hoàn thành. Written only when every row is right; tasks already stored are skipped, e.g. cchc task import ke-hoach-cchc-2027.xlsx --dry-run",
        ),
        "task.import.file" => (
            "Tệp .xlsx, .xls, .ods hoặc .csv (UTF-8, dấu phẩy hoặc chấm phẩy)",
            "An .xlsx, .xls, .ods or .csv file (UTF-8, commas or semicolons)",
        ),
        "task.import.sheet" => (
            "Tên trang tính chứa bảng (mặc định: trang đầu tiên)",
            "The sheet holding the table (default: the first)",
        ),
        "task.import.area" => (
            "Lĩnh vực 0–6 cho nhiệm vụ nằm trên mọi dòng mục (I., II., …)",
            "Area 0–6 of tasks above every section row (I., II., …)",
        ),
        "task.import.dry-run" => (
            "Chạy thử: in những nhiệm vụ sẽ được thêm và những nhiệm vụ đã có, không ghi gì",
            "Dry run: print the tasks that would be added and those already stored, write nothing",
        ),
        "backup" => (
            "Sao lưu ngay ra JSON (giữ bản mới nhất của mỗi ngày trong 14 ngày gần nhất và của mỗi tháng trước đó)",
            "Write a JSON backup now (kept: the newest of each of the last 14 days and of each older month)",
        ),
        _ => return office_help(key, lang),
    };
    Some(lang.pick(vi, en))
}

/// The words clap itself would print in English around the help texts: the
/// usage line's and the sections' headings, the help of the `--help`,
/// `--version` and `help` it stands for, and the notes after an argument's
/// help.
pub struct HelpFrame {
    /// Heading of the usage line; the colon is part of it.
    pub usage: &'static str,
    /// Section headings; clap adds the colon.
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    /// `-h, --help`.
    pub help: &'static str,
    /// `-V, --version`.
    pub version: &'static str,
    /// The `help` subcommand, and its argument.
    pub help_command: &'static str,
    pub help_command_names: &'static str,
    /// After an argument's help: `[default: table]`, `[possible values: …]`.
    pub default: &'static str,
    pub possible_values: &'static str,
}

/// An argument's placeholder ("<DATE>") in Vietnamese; English keeps clap's.
pub fn placeholder(name: &str, lang: Lang) -> Option<&'static str> {
    if lang == Lang::En {
        return None;
    }
    Some(match name {
        "DATE" => "NGÀY",
        "TEXT" => "NỘI_DUNG",
        "CODE" => "MÃ_ĐƠN_VỊ",
        "DIR" => "THƯ_MỤC",
        "FILE" => "TỆP",
        "NUMBER" => "SỐ_HIỆU",
        "PATH" => "ĐƯỜNG_DẪN",
        "ID" => "MÃ",
        "VALUE" => "GIÁ_TRỊ",
        "PERIOD" => "KỲ",
        "SECTION" => "PHẦN",
        "COMMAND" => "LỆNH",
        "FORMAT" => "DẠNG",
        "LANG" => "NGÔN_NGỮ",
        "THEME" => "GIAO_DIỆN",
        "AREA" => "LĨNH_VỰC",
        "UNIT" => "ĐƠN_VỊ",
        "STATUS" => "TRẠNG_THÁI",
        "PROGRESS" => "TIẾN_ĐỘ",
        "CADENCE" => "TẦN_SUẤT",
        "NAME" => "TÊN",
        _ => return None,
    })
}

/// A mistake in how a command was typed, as the command line's parser
/// reports it, with what was typed.
pub enum UsageProblem {
    MissingArguments(Vec<String>),
    UnknownArgument {
        typed: String,
        suggested: Option<String>,
    },
    UnknownCommand {
        typed: String,
        suggested: Option<String>,
    },
    InvalidValue {
        typed: String,
        arg: String,
        accepted: Vec<String>,
    },
    Conflict {
        arg: String,
        with: String,
    },
    TooMany(String),
    MissingCommand,
}

/// A usage mistake in Vietnamese, the way the rest of the program refuses
/// input: what was wrong and what is accepted.
pub fn usage_problem(problem: &UsageProblem) -> String {
    let suggestion = |s: &Option<String>| {
        s.as_ref()
            .map(|s| format!(" Có phải ý bạn là “{s}”?"))
            .unwrap_or_default()
    };
    match problem {
        UsageProblem::MissingArguments(args) => {
            format!("Thiếu tham số bắt buộc: {}.", args.join(", "))
        }
        UsageProblem::UnknownArgument { typed, suggested } => {
            format!("Không có tùy chọn “{typed}”.{}", suggestion(suggested))
        }
        UsageProblem::UnknownCommand { typed, suggested } => {
            format!("Không có lệnh “{typed}”.{}", suggestion(suggested))
        }
        UsageProblem::InvalidValue { typed, arg, .. } if typed.is_empty() => {
            format!("Thiếu giá trị cho {arg}.")
        }
        UsageProblem::InvalidValue {
            typed,
            arg,
            accepted,
        } if accepted.is_empty() => format!("Giá trị “{typed}” không dùng được cho {arg}."),
        UsageProblem::InvalidValue {
            typed,
            arg,
            accepted,
        } => format!(
            "Giá trị “{typed}” không dùng được cho {arg}. Giá trị hợp lệ: {}.",
            accepted.join(", ")
        ),
        UsageProblem::Conflict { arg, with } => {
            format!("Không dùng {arg} cùng với {with}.")
        }
        UsageProblem::TooMany(typed) => format!("Thừa tham số “{typed}”."),
        UsageProblem::MissingCommand => "Cần chọn một lệnh.".into(),
    }
}

/// The words clap writes into every usage line, as the user reads them.
pub fn usage_words(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Vi => &[
            ("[OPTIONS]", "[TÙY_CHỌN]"),
            ("[COMMAND]", "[LỆNH]"),
            ("<COMMAND>", "<LỆNH>"),
        ],
        Lang::En => &[],
    }
}

/// The closing line of a usage mistake.
pub fn usage_more(lang: Lang) -> &'static str {
    lang.pick(
        "Xem thêm: thêm --help vào cuối lệnh.",
        "For more information, try '--help'.",
    )
}

pub fn help_frame(lang: Lang) -> HelpFrame {
    HelpFrame {
        usage: lang.pick("Cách dùng:", "Usage:"),
        commands: lang.pick("Lệnh", "Commands"),
        arguments: lang.pick("Tham số", "Arguments"),
        options: lang.pick("Tùy chọn", "Options"),
        help: lang.pick("In trợ giúp", "Print help"),
        version: lang.pick("In phiên bản", "Print version"),
        help_command: lang.pick(
            "In trợ giúp này hoặc của lệnh con",
            "Print this message or the help of the given subcommand(s)",
        ),
        help_command_names: lang.pick(
            "Lệnh con cần xem trợ giúp",
            "Print help for the subcommand(s)",
        ),
        default: lang.pick("mặc định", "default"),
        possible_values: lang.pick("giá trị hợp lệ", "possible values"),
    }
}
