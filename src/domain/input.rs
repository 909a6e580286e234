//! What a person types, read the same way on the command line and on the
//! screen: a progress, a number, a status, a date, a document. Each reader
//! says what it accepts through [`InputError`]; the words for that are
//! chosen where the error is shown.

use chrono::NaiveDate;

use super::error::TextField;
use super::task::Evidence;
use super::text::{MAX_SHORT_TEXT_CHARS, fold, validate_text};
use super::validate;
use super::{InputError, Status};

/// A progress in percent, 0–100, with or without `%`.
pub fn progress(text: &str) -> Result<u8, InputError> {
    text.trim()
        .trim_end_matches('%')
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|p| *p <= 100)
        .ok_or_else(|| InputError::BadProgress(text.to_string()))
}

/// A number as Vietnamese write it (87,5) or as English do (87.5).
pub fn number(text: &str) -> Result<f64, InputError> {
    let normalized = text.trim().trim_end_matches('%').replace(',', ".");
    normalized
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| InputError::BadNumber(text.to_string()))
}

/// The words a qualitative aim's result may be typed as, with or without
/// accents: met (1) or not met (0). The figures are read too.
const MET_WORDS: [&str; 4] = ["đạt", "met", "yes", "có"];
const NOT_MET_WORDS: [&str; 5] = ["chưa đạt", "không đạt", "not met", "no", "không"];

/// A target's result as typed: a number (87,5 or 87.5), or for a
/// qualitative aim "đạt" / "chưa đạt" (1 / 0). Whether it is in range is the
/// application's to say.
pub fn target_value(text: &str, qualitative: bool) -> Result<f64, InputError> {
    if qualitative {
        let typed = fold(text);
        if MET_WORDS.iter().any(|w| fold(w) == typed) {
            return Ok(1.0);
        }
        if NOT_MET_WORDS.iter().any(|w| fold(w) == typed) {
            return Ok(0.0);
        }
    }
    number(text)
}

/// A day: `dd/mm/yyyy`, the other separators and `yyyy-mm-dd` (see
/// [`super::date::parse_date`]).
pub fn date(text: &str) -> Result<NaiveDate, InputError> {
    super::date::parse_date(text)
}

/// The words a status may be typed as: its Vietnamese and English names
/// (as the interface shows them), its code, and the short forms people use.
/// Matched without accents or case, `_` and `-` read as spaces.
fn status_words(status: Status) -> &'static [&'static str] {
    match status {
        Status::NotStarted => &["chưa bắt đầu", "not started", "todo", "chưa làm"],
        Status::InProgress => &[
            "đang thực hiện",
            "in progress",
            "đang làm",
            "doing",
            "started",
        ],
        Status::Done => &[
            "hoàn thành",
            "done",
            "xong",
            "đã hoàn thành",
            "complete",
            "completed",
        ],
        Status::Paused => &["tạm dừng", "paused", "dừng", "on hold"],
        Status::Cancelled => &["đã hủy", "cancelled", "hủy", "canceled"],
    }
}

/// A status as typed: Vietnamese with or without accents, English, or the code.
pub fn status(text: &str) -> Result<Status, InputError> {
    let spaced = |t: &str| fold(t).replace(['_', '-'], " ");
    let typed = spaced(text);
    Status::ALL
        .into_iter()
        .find(|&s| {
            spaced(s.code()) == typed || status_words(s).iter().any(|word| spaced(word) == typed)
        })
        .ok_or_else(|| InputError::BadStatus(text.to_string()))
}

/// A document given as evidence, each part checked.
pub fn evidence(
    number: &str,
    issued_on: &str,
    summary: &str,
    link: Option<&str>,
) -> Result<Evidence, InputError> {
    validate::checked_evidence(&Evidence {
        number: number.to_string(),
        issued_on: date(issued_on)?,
        summary: summary.to_string(),
        link: link.map(str::to_string),
    })
}

/// A new deadline and why, as the extend form takes them.
pub fn extension(day: &str, reason: &str) -> Result<(NaiveDate, String), InputError> {
    let day = date(day)?;
    let reason = validate_text(reason, TextField::Reason, MAX_SHORT_TEXT_CHARS, false)?;
    Ok((day, reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_takes_0_to_100_with_or_without_percent() {
        assert_eq!(progress(" 60 "), Ok(60));
        assert_eq!(progress("100%"), Ok(100));
        assert_eq!(progress("0"), Ok(0));
        for bad in ["101", "-1", "sáu mươi", "", "4060", "60.5"] {
            assert_eq!(
                progress(bad),
                Err(InputError::BadProgress(bad.into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn numbers_take_a_decimal_comma_or_point() {
        assert_eq!(number("87,5"), Ok(87.5));
        assert_eq!(number("87.5%"), Ok(87.5));
        assert!(number("NaN").is_err());
        assert!(number("inf").is_err());
    }

    #[test]
    fn a_qualitative_result_is_read_as_words_or_figures() {
        assert_eq!(target_value("Đạt", true), Ok(1.0));
        assert_eq!(target_value(" chua dat ", true), Ok(0.0));
        assert_eq!(target_value("KHÔNG ĐẠT", true), Ok(0.0));
        assert_eq!(target_value("1", true), Ok(1.0));
        assert_eq!(target_value("87,5", false), Ok(87.5));
        assert!(
            target_value("đạt", false).is_err(),
            "a measured target takes a number"
        );
        assert!(target_value("hơi đạt", true).is_err());
    }

    #[test]
    fn statuses_are_read_in_both_languages_with_or_without_accents() {
        assert_eq!(status("Hoàn thành"), Ok(Status::Done));
        assert_eq!(status("hoan thanh"), Ok(Status::Done));
        assert_eq!(status("in_progress"), Ok(Status::InProgress));
        assert_eq!(status("DANG LAM"), Ok(Status::InProgress));
        assert_eq!(status("huy"), Ok(Status::Cancelled));
        assert_eq!(status("xyz"), Err(InputError::BadStatus("xyz".into())));
    }

    #[test]
    fn every_status_code_reads_back() {
        for s in Status::ALL {
            assert_eq!(status(s.code()), Ok(s));
        }
    }

    #[test]
    fn evidence_checks_each_part() {
        let doc = evidence("12/QĐ-UBND", "05/03/2026", "Quyết định", None).expect("valid");
        assert_eq!(
            doc.issued_on,
            NaiveDate::from_ymd_opt(2026, 3, 5).expect("date")
        );
        assert!(evidence("12", "31/02/2026", "x", None).is_err());
        assert!(evidence("", "05/03/2026", "x", None).is_err());
    }
}
