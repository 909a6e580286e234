//! Words about the store's owner process and its clients.

use crate::i18n::*;

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

pub(crate) fn duration_text(duration: std::time::Duration, lang: Lang) -> String {
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

/// What a connected process is, in `cchc status`: a screen, a meeting
/// deck, or the command it runs ("set").
pub fn client_kind(what: &str, lang: Lang) -> String {
    match what {
        "tui" => lang.pick("màn hình", "screen").to_string(),
        "present" => lang.pick("trình chiếu", "meeting").to_string(),
        command => command.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_screen_is_called_a_screen_and_a_command_by_its_name() {
        assert_eq!(client_kind("tui", Lang::Vi), "màn hình");
        assert_eq!(client_kind("present", Lang::En), "meeting");
        assert_eq!(client_kind("set", Lang::Vi), "set");
    }
}
