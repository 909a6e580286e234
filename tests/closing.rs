//! Closing a period (chốt số liệu) on the scripted year of `support/year.rs`:
//! the closed period's report printed again after more edits is the same,
//! byte for byte, and the edits that would have changed it are listed in the
//! next period's report; reopening brings them in, with the reason kept.

mod process;
mod support;

use std::collections::HashSet;

use cchc::app::board::Grouping;
use cchc::app::{App, AppError, TaskFilter};
use cchc::domain::closing::Adjustment;
use cchc::domain::period::Period;
use cchc::domain::report_text::ReportSection;
use cchc::domain::{DeadlineClass, Edit, Field, InputError, Occurrence, Status, Value};

use cchc::report::Format;
use support::year::{key, markdown, on, rendered, scripted_year, single};
use support::{clock_on, date};

fn period(code: &str) -> Period {
    Period::parse(code).expect("a period")
}

/// After Quý I/2027 was reported on 16/03/2027: N, overdue in it, found on
/// 25/03 to have been done on 01/03; a note for S.
fn corrections(app: &mut App) {
    let day = date(2027, 3, 25);
    on(
        app,
        day,
        single("N"),
        &[Edit::Status(Status::Done), Edit::DoneOn(date(2027, 3, 1))],
    );
    on(
        app,
        day,
        key("S", Occurrence::Year(2027)),
        &[Edit::Note("Bổ sung: tuyên truyền tại 3 thôn.".into())],
    );
    app.set_clock(clock_on(date(2027, 4, 20)));
}

fn report_of(app: &mut App, code: &str) -> String {
    app.set_period(period(code));
    let report = app.period_report().expect("the report");
    markdown(app, &report, date(2027, 3, 16))
}

/// The Word document, the workbook and the CSV annexes of `code`.
fn office_files(app: &mut App, code: &str) -> Vec<Vec<u8>> {
    app.set_period(period(code));
    let report = app.period_report().expect("the report");
    [Format::Docx, Format::Xlsx, Format::Csv]
        .into_iter()
        .flat_map(|format| rendered(app, &report, date(2027, 3, 16), format))
        .collect()
}

#[test]
fn a_closed_period_prints_the_same_report_after_later_edits() {
    let mut app = scripted_year(date(2027, 3, 16));
    app.set_period(period("2027-Q1"));
    app.set_report_text(ReportSection::Strengths, "Báo cáo đúng hạn.")
        .expect("the office's text");
    app.close_period(period("2027-Q1")).expect("closed");
    let closed = report_of(&mut app, "2027-Q1");
    let files = office_files(&mut app, "2027-Q1");
    let figures = app.period_figures();

    corrections(&mut app);
    app.set_period(period("2027-Q1"));
    let refused = app.set_report_text(ReportSection::Strengths, "Viết lại.");
    assert!(
        matches!(refused, Err(AppError::Input(InputError::PeriodClosed(_)))),
        "{refused:?}"
    );
    assert_eq!(report_of(&mut app, "2027-Q1"), closed, "byte for byte");
    assert!(
        office_files(&mut app, "2027-Q1") == files,
        "the Word document, the workbook and the CSV annexes too"
    );
    // Dated the day it is signed, not the second it is written.
    let mut workbook = zip::ZipArchive::new(std::io::Cursor::new(&files[1])).expect("a workbook");
    let mut core = String::new();
    std::io::Read::read_to_string(
        &mut workbook
            .by_name("docProps/core.xml")
            .expect("its properties"),
        &mut core,
    )
    .expect("UTF-8");
    assert!(core.contains(">2027-03-16T00:00:00Z<"), "{core}");
    assert_eq!(app.period_figures(), figures, "every surface reads it");
    let board = app.board(Grouping::Area, &TaskFilter::default(), &HashSet::new());
    assert_eq!(board.summary, figures.all, "the board");

    // The same edits on the period left open do change it: the test can fail.
    let mut open = scripted_year(date(2027, 3, 16));
    open.set_period(period("2027-Q1"));
    open.set_report_text(ReportSection::Strengths, "Báo cáo đúng hạn.")
        .expect("the office's text");
    let before = report_of(&mut open, "2027-Q1");
    corrections(&mut open);
    assert_ne!(report_of(&mut open, "2027-Q1"), before);
}

#[test]
fn corrections_to_a_closed_period_are_listed_in_the_next_report() {
    let mut app = scripted_year(date(2027, 3, 16));
    app.close_period(period("2027-Q1")).expect("closed");
    corrections(&mut app);
    app.set_period(period("2027-H1"));
    let history = app.load_history().expect("the history").to_vec();
    assert_eq!(
        app.adjustments(&history),
        [Adjustment {
            key: single("N"),
            closed: DeadlineClass::Overdue(14),
            now: DeadlineClass::DoneLate,
        }]
    );
    // The meeting's "since the last meeting" slide lists it too.
    let changes = app.changes_since_last_meeting();
    assert!(
        changes.iter().any(|c| matches!(
            c,
            cchc::app::meeting::ChangeLine::Adjusted(a) if a.key == single("N")
        )),
        "{changes:?}"
    );
    let text = report_of(&mut app, "2027-H1");
    for said in [
        "Điều chỉnh số liệu kỳ trước (quý I năm 2027, đã chốt)",
        "Nhiệm vụ N (N): đã báo cáo «quá hạn 14 ngày», nay là «hoàn thành quá hạn».",
    ] {
        assert!(text.contains(said), "{said:?}:\n{text}");
    }
}

#[test]
fn a_period_closes_once_after_its_cutoff_and_reopens_with_a_reason() {
    let mut app = scripted_year(date(2027, 3, 14));
    let early = app.close_period(period("2027-Q1"));
    assert!(
        matches!(
            early,
            Err(AppError::Input(InputError::PeriodNotOver { .. }))
        ),
        "{early:?}"
    );
    app.set_clock(clock_on(date(2027, 3, 16)));
    let written = app.close_period(period("2027-Q1")).expect("closed");
    assert_eq!(
        (written[0].field, &written[0].new),
        (Field::Closed, &Value::Flag(true))
    );
    let again = app.close_period(period("2027-Q1"));
    assert!(
        matches!(again, Err(AppError::Input(InputError::PeriodClosed(_)))),
        "{again:?}"
    );
    let entry = app
        .periods()
        .into_iter()
        .find(|p| p.period == period("2027-Q1"))
        .expect("listed");
    assert_eq!(entry.closing.map(|c| c.who.as_str()), Some("thuy"));

    corrections(&mut app);
    let no_reason = app.reopen_period(period("2027-Q1"), "  ");
    assert!(no_reason.is_err(), "a reason is required: {no_reason:?}");
    let reopened = app
        .reopen_period(period("2027-Q1"), "Sở Nội vụ yêu cầu bổ sung")
        .expect("reopened");
    assert_eq!(
        reopened[0].reason.as_deref(),
        Some("Sở Nội vụ yêu cầu bổ sung")
    );
    app.set_period(period("2027-Q1"));
    // Open again, the period counts the correction: N done late on 01/03.
    let n = app.view(&single("N")).expect("N");
    assert_eq!(n.class, DeadlineClass::DoneLate);
    assert!(
        app.reopen_period(period("2027-Q1"), "lần nữa").is_err(),
        "not closed"
    );
}

/// In meeting mode `C` asks, Enter closes the period on the wall, and the
/// slides say so; a read-only deck never opens the question.
#[test]
fn meeting_mode_closes_the_period_after_asking() {
    use cchc::config::ThemeName;
    use cchc::keymap::{Action, Mode};

    let mut app = scripted_year(date(2027, 3, 16));
    app.set_period(period("2027-Q1"));
    let mut ui = support::new_ui(&app, 80, 24);
    support::press(&mut app, &mut ui, &[Action::Present, Action::ClosePeriod]);
    assert_eq!(ui.mode(), Mode::Input);
    let screen = support::screen_lines(&support::render(&app, &ui, 80, 24, ThemeName::Projector));
    assert!(
        screen.iter().any(|l| l.contains("Chốt số liệu Quý I/2027")),
        "{}",
        screen.join("\n")
    );
    assert!(
        app.closing(period("2027-Q1")).is_none(),
        "only asked so far"
    );
    support::press(&mut app, &mut ui, &[Action::Confirm]);
    assert!(app.closing(period("2027-Q1")).is_some());
    assert_eq!(ui.mode(), Mode::Meeting);
    let screen = support::screen_lines(&support::render(&app, &ui, 80, 24, ThemeName::Projector));
    assert!(
        screen[0].contains("đã chốt 16/03/2027"),
        "{}",
        screen.join("\n")
    );

    let mut deck = scripted_year(date(2027, 3, 16));
    deck.set_read_only(true);
    let mut ui = support::new_ui(&deck, 80, 24);
    support::press(&mut deck, &mut ui, &[Action::Present, Action::ClosePeriod]);
    assert_eq!(ui.mode(), Mode::Meeting, "no question on a read-only deck");
}

/// `cchc period` from the command line: what it refuses, with a message in
/// the user's language, exit code 2, and nothing written.
#[test]
fn the_command_line_refuses_what_cannot_be_closed_or_reopened() {
    let temp = tempfile::tempdir().expect("a temp folder");
    let (data, config) = (temp.path().join("store"), temp.path().join("config"));
    std::fs::create_dir_all(&config).expect("a config folder");
    let run = |today: &str, args: &[&str]| {
        process::output(
            process::command(&data, &config)
                .env("CCHC_TODAY", today)
                .args(args),
        )
    };
    for (today, args, said) in [
        (
            "2027-03-16",
            &["period", "close", "2027-Q5"][..],
            "Kỳ “2027-Q5” không hợp lệ",
        ),
        (
            "2027-03-10",
            &["period", "close", "2027-Q1"],
            "chưa hết: số liệu chốt ngày 14/03/2027",
        ),
        (
            "2027-03-16",
            &["period", "reopen", "2027-Q1", "--reason", "x"],
            "chưa chốt số liệu",
        ),
    ] {
        let refused = run(today, args);
        assert_eq!(refused.code, Some(2), "{args:?}: {refused:#?}");
        assert!(refused.err.contains(said), "{args:?}: {}", refused.err);
    }
    let log = run("2027-03-16", &["log"]);
    assert!(
        !log.out.contains("chốt số liệu"),
        "nothing written: {}",
        log.out
    );

    let closed = run("2027-03-16", &["period", "close", "2027-Q1"]);
    assert_eq!(closed.code, Some(0), "{closed:#?}");
    let again = run("2027-03-17", &["period", "close", "2027-Q1"]);
    assert_eq!(again.code, Some(2), "{again:#?}");
    assert!(again.err.contains("đã chốt số liệu"), "{}", again.err);
    let listed = run("2027-03-17", &["period", "list"]);
    assert!(
        listed
            .out
            .lines()
            .any(|l| l.starts_with("2027-Q1") && l.contains("đã chốt")),
        "{}",
        listed.out
    );
}
