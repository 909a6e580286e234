//! Words of the key table: what each action does, its short hint on the
//! status line, and each mode's title.

use crate::i18n::*;

pub fn action_label(action: crate::keymap::Action, lang: Lang) -> &'static str {
    use crate::keymap::Action as A;
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
        A::MarkDone => lang.pick(
            "đã xong (hỏi ngày làm xong)",
            "done (asks the day it was done)",
        ),
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
        A::Larger => lang.pick("bố cục lớn, ít dòng hơn", "larger, fewer rows"),
        A::Reload => lang.pick("đọc lại dữ liệu", "reload"),
        A::CycleGrouping => lang.pick(
            "nhóm: lĩnh vực/đơn vị/tình trạng/tháng/cán bộ",
            "group: area/unit/state/month/officer",
        ),
        A::ShowTargets => lang.pick("chỉ tiêu", "targets"),
        A::WriteReport => lang.pick(
            "xuất báo cáo kỳ ra tệp Word",
            "write the period's report (Word)",
        ),
        A::ClosePeriod => lang.pick(
            "chốt số liệu của kỳ (hỏi lại trước khi chốt)",
            "close the period's figures (asks first)",
        ),
        A::ShowHelp => lang.pick("trợ giúp", "help"),
        A::Quit => lang.pick("thoát (mọi thay đổi đã lưu)", "quit (everything is saved)"),
        A::StartSearch => lang.pick(
            "tìm mã, nội dung, ghi chú, tài liệu (không cần dấu)",
            "search id, title, note, evidence (accents optional)",
        ),
        A::NextMatch => lang.pick("kết quả sau", "next match"),
        A::PreviousMatch => lang.pick("kết quả trước", "previous match"),
        A::OpenFilter => lang.pick("lọc", "filter"),
        A::ClearFilters => lang.pick("xóa bộ lọc", "clear filters"),
        A::PickStatus => lang.pick(
            "đổi trạng thái (xong: hỏi ngày làm xong)",
            "set status (done: asks the day it was done)",
        ),
        A::ProgressUp => lang.pick("tiến độ +10%", "progress +10%"),
        A::ProgressDown => lang.pick("tiến độ −10%", "progress −10%"),
        A::TypeProgress => lang.pick("nhập tiến độ", "type progress"),
        A::TypeDue => lang.pick("đổi hạn (gia hạn)", "new deadline"),
        A::AddNote => lang.pick("thêm ghi chú", "add a note"),
        A::AddEvidence => lang.pick("thêm tài liệu kiểm chứng", "add evidence"),
        A::EnterResult => lang.pick(
            "nhập kết quả chỉ tiêu (số liệu, ngày, nguồn)",
            "enter a target's result (value, day, source)",
        ),
        A::Undo => lang.pick("hoàn tác thay đổi vừa rồi", "undo the last edit"),
        A::AddTask => lang.pick("thêm nhiệm vụ vào nhóm này", "add a task to this group"),
        A::EditTask => lang.pick("sửa nhiệm vụ bổ sung (BS-…)", "edit an added task (BS-…)"),
        A::SetAssignee => lang.pick("giao cán bộ thực hiện", "set the officer in charge"),
        A::Withdraw => lang.pick("rút ghi chú / tài liệu", "withdraw a note / document"),
        A::Confirm => lang.pick(
            "chọn / lưu (ghi chú: xuống dòng)",
            "choose / save (note: new line)",
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
        A::Insert(_) => "",
    }
}

/// Short words for the status-bar hints.
pub fn hint_label(action: crate::keymap::Action, lang: Lang) -> &'static str {
    use crate::keymap::Action as A;
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
        A::Larger => lang.pick("bố cục lớn", "larger"),
        A::MarkDone => lang.pick("xong", "done"),
        A::Extend => lang.pick("gia hạn", "extend"),
        A::TypeProgress => lang.pick("tiến độ", "progress"),
        A::EnterResult => lang.pick("nhập kết quả", "enter result"),
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
