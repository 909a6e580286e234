//! `cchc report` and `cchc period note`: the period report as files, its
//! counts the same as every other surface's, and the office's own texts.

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use cchc::app::App;
use cchc::domain::report_text::ReportSection;
use cchc::domain::{Edit, Evidence, Status};
use cchc::i18n::Lang;
use cchc::report::{Format, ReportInput, Separator};
use serde_json::Value;
use support::{date, seeded_app};

const MARCH_2027: &str = "2027-03-16";

fn cchc(dir: &Path, cwd: &Path, today: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cchc"))
        .current_dir(cwd)
        .env("CCHC_DATA", dir)
        .env("CCHC_TODAY", today)
        .env_remove("CCHC_LANG")
        .env_remove("SSH_CONNECTION")
        .stdin(Stdio::null())
        .args(args)
        .output()
        .expect("run cchc")
}

fn ok(dir: &Path, cwd: &Path, today: &str, args: &[&str]) -> String {
    let output = cchc(dir, cwd, today, args);
    assert!(output.status.success(), "{args:?}: {output:#?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// A store with work done, evidence, a deadline moved and an overdue task
/// with its cause noted, all before the first quarter's cut-off.
fn store_with_work(dir: &Path, cwd: &Path) {
    let today = "2027-03-10";
    ok(
        dir,
        cwd,
        today,
        &[
            "set",
            "1.a.1",
            "--status",
            "done",
            "--done-on",
            "08/03/2027",
        ],
    );
    ok(
        dir,
        cwd,
        today,
        &[
            "evidence",
            "add",
            "1.a.1",
            "--doc",
            "12/QĐ-UBND",
            "--date",
            "09/03/2027",
            "--title",
            "Quyết định ban hành danh mục văn bản",
        ],
    );
    ok(
        dir,
        cwd,
        today,
        &[
            "set",
            "0.3@2026",
            "--note",
            "Chờ hướng dẫn chấm điểm của thành phố",
        ],
    );
    ok(
        dir,
        cwd,
        today,
        &[
            "set",
            "2.b.4",
            "--due",
            "30/06/2027",
            "--reason",
            "Đợi nâng cấp phần mềm một cửa",
        ],
    );
    ok(dir, cwd, today, &["set", "1.b.1@2027", "--progress", "40"]);
}

/// The store in `dir` opened in this process on `today`, as a command would.
fn store_app(dir: &Path, today: &str) -> App {
    let bundled = cchc::domain::Catalog::bundled().unwrap();
    let store = cchc::store::SledStore::open(dir, &bundled, "report test").unwrap();
    let day = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    let clock = support::clock_on(day);
    App::open(Box::new(store), clock, "tester".into()).unwrap()
}

/// The grid's total row ("Cộng") of Phụ lục I, as numbers.
fn grid_total(csv: &str) -> Vec<usize> {
    let line = csv
        .lines()
        .find(|l| l.starts_with("Cộng"))
        .expect("a total row");
    line.split(';')
        .skip(1)
        .map(|n| n.parse().expect("a count"))
        .collect()
}

#[test]
fn the_report_counts_what_every_other_surface_counts() {
    let (store, cwd) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (dir, cwd) = (store.path(), cwd.path());
    store_with_work(dir, cwd);
    for today in [MARCH_2027, "2027-06-25", "2028-01-15"] {
        let period = match today {
            MARCH_2027 => "2027-Q1",
            "2027-06-25" => "2027-H1",
            _ => "2027",
        };
        ok(
            dir,
            cwd,
            today,
            &[
                "report",
                "--period",
                period,
                "--format",
                "csv",
                "--separator",
                "semicolon",
                "--force",
            ],
        );
        let stem =
            cchc::i18n::report_file_stem(cchc::domain::period::Period::parse(period).unwrap());
        let annex = std::fs::read_to_string(cwd.join(format!("{stem}-phu-luc-I.csv"))).unwrap();
        assert!(
            annex.starts_with('\u{feff}'),
            "UTF-8 with a byte-order mark"
        );
        let total = grid_total(&annex);
        assert!(
            total[4] > 0,
            "{today}: some work is overdue, so the check can fail"
        );

        let risks: Value = serde_json::from_str(&ok(
            dir,
            cwd,
            today,
            &["risks", "--period", period, "--format", "json"],
        ))
        .unwrap();
        let overdue_risks = risks
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["kind"] == "task" && r["reasons"][0]["rule"] == "overdue")
            .count();
        let listed = ok(
            dir,
            cwd,
            today,
            &["list", "--period", period, "--overdue", "--format", "tsv"],
        );
        let listed = listed.lines().count() - 1;
        assert_eq!(
            total[4], overdue_risks,
            "{today}: overdue in the report and in risks"
        );
        assert_eq!(
            total[4], listed,
            "{today}: overdue in the report and in list"
        );

        // The meeting's overview and the report read one computation.
        let mut app = store_app(dir, today);
        app.set_period(cchc::domain::period::Period::parse(period).unwrap());
        let figures = app.period_figures();
        let all = figures.all;
        assert_eq!(
            total,
            vec![
                all.total,
                all.done_on_time,
                all.done_late,
                all.open_in_time,
                all.open_overdue,
                all.no_deadline
            ],
            "{today}"
        );
        let tasks = std::fs::read_to_string(cwd.join(format!("{stem}-phu-luc-II.csv"))).unwrap();
        assert_eq!(
            tasks.lines().count() - 1,
            all.total + all.cancelled,
            "{today}: annex II rows"
        );
    }
}

#[test]
fn a_report_is_written_once_and_overwritten_only_when_asked() {
    let (store, cwd) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (dir, cwd) = (store.path(), cwd.path());
    let said = ok(dir, cwd, MARCH_2027, &["report", "--format", "md"]);
    let path = cwd.join("bao-cao-cchc-quy-I-2027.md");
    assert!(
        said.contains("Đã ghi báo cáo: bao-cao-cchc-quy-I-2027.md"),
        "{said}"
    );
    std::fs::write(&path, "the clerk's own edits").unwrap();
    let refused = cchc(dir, cwd, MARCH_2027, &["report", "--format", "md"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the clerk's own edits"
    );
    ok(
        dir,
        cwd,
        MARCH_2027,
        &["report", "--format", "md", "--force"],
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# BÁO CÁO")
    );
    let names: Vec<_> = std::fs::read_dir(cwd)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
}

#[test]
fn the_office_writes_its_parts_and_the_report_shows_them_or_marks_the_place() {
    let (store, cwd) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (dir, cwd) = (store.path(), cwd.path());
    let file = cwd.join("han-che.txt");
    std::fs::write(
        &file,
        "\u{feff}Một số nhiệm vụ chậm do thiếu hướng dẫn.\nSẽ khắc phục trong quý II.",
    )
    .unwrap();
    ok(
        dir,
        cwd,
        MARCH_2027,
        &[
            "period",
            "note",
            "--section",
            "uu-diem",
            "Các đơn vị chủ động triển khai.",
        ],
    );
    ok(
        dir,
        cwd,
        MARCH_2027,
        &[
            "period",
            "note",
            "--period",
            "2027-Q1",
            "--section",
            "han-che",
            "--file",
            "han-che.txt",
        ],
    );
    ok(
        dir,
        cwd,
        MARCH_2027,
        &["report", "--format", "md", "--out", "r.md"],
    );
    let report = std::fs::read_to_string(cwd.join("r.md")).unwrap();
    assert!(
        report.contains("Các đơn vị chủ động triển khai."),
        "{report}"
    );
    assert!(report.contains("Sẽ khắc phục trong quý II."), "{report}");
    assert!(
        report.contains("cchc period note --section kien-nghi"),
        "the place left: {report}"
    );
    let log = ok(dir, cwd, MARCH_2027, &["log"]);
    assert!(log.contains("nội dung báo cáo"), "{log}");

    std::fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
    for args in [
        &[
            "period",
            "note",
            "--section",
            "kien-nghi",
            "--file",
            "han-che.txt",
        ][..],
        &["period", "note", "--section", "y-kien", "x"],
        &["period", "note", "--section", "kien-nghi", "a\u{1b}[2Jb"],
        &[
            "period",
            "note",
            "--period",
            "2027-Q5",
            "--section",
            "kien-nghi",
            "x",
        ],
        &["period", "note", "--section", "kien-nghi"],
    ] {
        let refused = cchc(dir, cwd, MARCH_2027, args);
        assert_eq!(refused.status.code(), Some(2), "{args:?}: {refused:#?}");
    }
    assert!(!ok(dir, cwd, MARCH_2027, &["log"]).contains("kien-nghi"));
}

fn report_app() -> App {
    let mut app = seeded_app();
    let done = app.resolve("1.a.1").unwrap();
    app.edit_task(
        &done,
        &[Edit::Status(Status::Done), Edit::DoneOn(date(2026, 11, 20))],
        None,
    )
    .unwrap();
    app.edit_task(
        &done,
        &[Edit::Evidence(Evidence {
            number: "12/QĐ-UBND".into(),
            issued_on: date(2026, 11, 19),
            summary: "Quyết định ban hành danh mục văn bản".into(),
            link: None,
        })],
        None,
    )
    .unwrap();
    app.set_report_text(ReportSection::Strengths, "Các đơn vị chủ động triển khai.")
        .unwrap();
    app
}

#[test]
fn markdown_report() {
    let app = report_app();
    let report = app.period_report().unwrap();
    let texts = app.report_texts(app.period());
    let input = ReportInput {
        report: &report,
        texts: &texts,
        lang: Lang::Vi,
        signed_on: date(2026, 12, 5),
    };
    let mut files = cchc::report::render(&input, Format::Markdown, Separator::Comma).unwrap();
    let text = String::from_utf8(files.remove(0).into_bytes().unwrap()).unwrap();
    assert!(text.contains("Hà Đông, ngày 05 tháng 12 năm 2026"));
    insta::assert_snapshot!(text);
}
