//! Command-line tests: the real `cchc` binary, each test on its own store in a
//! temporary folder, "today" pinned with `CCHC_TODAY`, no `CCHC_LANG` and no
//! `SSH_CONNECTION` unless the test sets them.

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::NaiveDate;
use serde_json::Value;
use tempfile::TempDir;

/// A "today" inside the first phase of the plan.
const NOV_2026: &str = "2026-11-26";
/// A "today" just after the first phase's deadline (31/12/2027).
const JAN_2028: &str = "2028-01-15";

const TSV_HEADER: &str = "id\tarea\tlead\tdue\tstatus\tclass\tprogress\ttitle";

/// What one run of the binary gave.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    out: String,
    err: String,
}

impl Run {
    fn ok(&self) -> &Self {
        assert_eq!(self.code, Some(0), "expected success: {self:#?}");
        assert!(self.err.is_empty(), "unexpected stderr: {self:#?}");
        self
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.out)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:#?}"))
    }

    /// Refused with `code`, nothing on stdout, no panic.
    fn refused(&self, code: i32) -> &Self {
        assert_eq!(self.code, Some(code), "expected exit {code}: {self:#?}");
        assert!(
            !self.err.contains("panicked"),
            "the binary panicked: {self:#?}"
        );
        self
    }
}

fn store() -> TempDir {
    tempfile::tempdir().expect("temporary folder")
}

/// The binary on store `dir` with today pinned; the caller may add environment.
fn command(dir: &Path, today: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cchc"));
    command
        .env("CCHC_DATA", dir)
        .env("CCHC_TODAY", today)
        .env_remove("CCHC_LANG")
        .env_remove("SSH_CONNECTION")
        .stdin(Stdio::null());
    command
}

fn exec(mut command: Command, args: &[&str]) -> Run {
    let output = command.args(args).output().expect("run cchc");
    Run {
        code: output.status.code(),
        out: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        err: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn run(dir: &Path, today: &str, args: &[&str]) -> Run {
    exec(command(dir, today), args)
}

fn run_env(dir: &Path, today: &str, env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut command = command(dir, today);
    for (key, value) in env {
        command.env(key, value);
    }
    exec(command, args)
}

/// The data rows of `list --format tsv`, split in columns (header checked).
fn tsv_rows(run: &Run) -> Vec<Vec<String>> {
    run.ok();
    let mut lines = run.out.lines();
    assert_eq!(lines.next(), Some(TSV_HEADER), "TSV header: {run:#?}");
    lines
        .map(|line| {
            let cols: Vec<String> = line.split('\t').map(str::to_string).collect();
            assert_eq!(cols.len(), 8, "TSV row with 8 columns: {line:?}");
            cols
        })
        .collect()
}

fn list_ids(dir: &Path, today: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["list", "--format", "tsv"];
    args.extend_from_slice(extra);
    tsv_rows(&run(dir, today, &args))
        .into_iter()
        .map(|cols| cols[0].clone())
        .collect()
}

fn history(dir: &Path, today: &str) -> Value {
    run(dir, today, &["log", "--format", "json"]).ok().json()
}

fn show_json(dir: &Path, today: &str, id: &str) -> Value {
    run(dir, today, &["show", id, "--format", "json"])
        .ok()
        .json()
}

fn dmy(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%d/%m/%Y")
        .unwrap_or_else(|e| panic!("{text:?} is not dd/mm/yyyy: {e}"))
}

/// The only backup file of a store.
fn only_backup(dir: &Path) -> PathBuf {
    let backups: Vec<PathBuf> = std::fs::read_dir(dir.join("backups"))
        .expect("backups folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(backups.len(), 1, "one backup: {backups:?}");
    backups.into_iter().next().unwrap_or_default()
}

/// Overwrites a file of the sled database with bytes sled cannot make sense of.
fn garble(path: &Path) {
    let len = std::fs::metadata(path).map_or(4096, |m| m.len().max(64));
    let garbage: Vec<u8> = (0..len).map(|_| 0xAB).collect();
    std::fs::write(path, garbage).expect("overwrite sled file");
}

// ------------------------------------------------------------------ listing

#[test]
fn overdue_lists_every_past_occurrence_and_forgets_done_work() {
    let dir = store();
    let rows = tsv_rows(&run(
        dir.path(),
        JAN_2028,
        &["list", "--overdue", "--format", "tsv"],
    ));
    assert!(rows.len() > 5, "overdue rows expected: {rows:?}");
    let end_of_phase = NaiveDate::from_ymd_opt(2027, 12, 31).unwrap();
    for cols in &rows {
        let due = dmy(&cols[3]);
        assert!(
            due <= end_of_phase,
            "{} due {} is not overdue",
            cols[0],
            cols[3]
        );
        assert!(
            cols[5].starts_with("quá hạn ") && cols[5].ends_with(" ngày"),
            "Vietnamese overdue class for {}: {:?}",
            cols[0],
            cols[5]
        );
        assert!(!cols[0].contains("@2030") && !cols[3].ends_with("/2030"));
    }
    let task_3d = rows
        .iter()
        .find(|c| c[0] == "3.d")
        .expect("3.d (due 31/12/2027) is overdue on 15/01/2028");
    assert_eq!(task_3d[3], "31/12/2027");
    assert_eq!(task_3d[5], "quá hạn 15 ngày");
    assert!(
        rows.iter().any(|c| c[0].ends_with("@2027")),
        "yearly occurrences of 2027 are overdue"
    );
    assert!(
        rows.iter().any(|c| c[0].ends_with("@2026")),
        "occurrences of 2026 are still overdue"
    );

    let done = run(dir.path(), JAN_2028, &["set", "3.d", "--status", "done"]);
    assert!(done.ok().out.contains("Đã lưu"), "{done:#?}");
    let after = list_ids(dir.path(), JAN_2028, &["--overdue"]);
    assert!(
        !after.contains(&"3.d".to_string()),
        "3.d is done: {after:?}"
    );
    assert_eq!(after.len(), rows.len() - 1);
}

#[test]
fn search_ignores_accents_case_and_normal_form() {
    let dir = store();
    let plain = list_ids(dir.path(), NOV_2026, &["--search", "cai cach"]);
    assert!(!plain.is_empty(), "“cai cach” matches tasks");
    let upper = list_ids(dir.path(), NOV_2026, &["--search", "CẢI CÁCH"]);
    let decomposed = list_ids(
        dir.path(),
        NOV_2026,
        &["--search", "ca\u{0309}i ca\u{0301}ch"],
    );
    assert_eq!(plain, upper);
    assert_eq!(plain, decomposed);
    let everything = list_ids(dir.path(), NOV_2026, &[]);
    assert!(plain.len() < everything.len(), "search narrows the list");
}

#[test]
fn search_matches_d_with_d_stroke() {
    let dir = store();
    let all = tsv_rows(&run(dir.path(), NOV_2026, &["list", "--format", "tsv"]));
    let expected: BTreeSet<&str> = all
        .iter()
        .filter(|c| c[7].contains("đất đai"))
        .map(|c| c[0].as_str())
        .collect();
    assert!(!expected.is_empty(), "the plan mentions đất đai");
    let found = tsv_rows(&run(
        dir.path(),
        NOV_2026,
        &["list", "--search", "dat dai", "--format", "tsv"],
    ));
    let found_ids: BTreeSet<&str> = found.iter().map(|c| c[0].as_str()).collect();
    assert!(
        expected.is_subset(&found_ids),
        "every task about đất đai: expected {expected:?}, found {found_ids:?}"
    );
    assert!(found.len() < all.len());
    for cols in &found {
        let folded = cchc::domain::text::fold(&cols[7]);
        assert!(folded.contains("dat") && folded.contains("dai"), "{cols:?}");
    }
}

/// `list --search` looks in notes and evidence too, without accents; a task
/// found there says where, in the table and the JSON, and a title match is
/// named as such.
#[test]
fn search_finds_notes_and_evidence_and_says_where() {
    let dir = store();
    run(
        dir.path(),
        NOV_2026,
        &["set", "0.12", "--note", "Chị Quỳnh gửi Kế hoạch khảo sát"],
    )
    .ok();
    run(
        dir.path(),
        NOV_2026,
        &[
            "evidence",
            "add",
            "0.3",
            "--doc",
            "77/BC-UBND",
            "--date",
            "01/11/2026",
            "--title",
            "Báo cáo sơ kết",
        ],
    )
    .ok();
    let found = |words: &str| {
        let rows = run(
            dir.path(),
            NOV_2026,
            &["list", "--search", words, "--format", "json"],
        )
        .ok()
        .json();
        let rows = rows.as_array().expect("an array of rows").clone();
        rows.iter()
            .map(|r| {
                (
                    r["task"].as_str().unwrap_or_default().to_string(),
                    r["matched"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found("quynh ke hoach"),
        [("0.12".to_string(), Value::from("note"))]
    );
    assert_eq!(
        found("77/bc"),
        [("0.3".to_string(), Value::from("evidence"))]
    );
    assert!(
        found("quynh kpi").is_empty(),
        "the words must be in one note"
    );
    let by_title = found("cai cach");
    assert!(!by_title.is_empty());
    assert!(by_title.iter().all(|(_, m)| m == "title"), "{by_title:?}");

    let table = run(dir.path(), NOV_2026, &["list", "--search", "quynh"]);
    let row = table
        .ok()
        .out
        .lines()
        .find(|l| l.starts_with("0.12 "))
        .map(str::to_string);
    assert!(
        row.as_deref()
            .is_some_and(|r| r.contains("[khớp: ghi chú]")),
        "{table:#?}"
    );
    let plain = run(dir.path(), NOV_2026, &["list", "--format", "json"])
        .ok()
        .json();
    assert!(
        plain
            .as_array()
            .is_some_and(|rows| rows.iter().all(|r| r.get("matched").is_none()))
    );
}

#[test]
fn area_and_unit_filters() {
    let dir = store();
    let area2 = tsv_rows(&run(
        dir.path(),
        NOV_2026,
        &["list", "--area", "2", "--format", "tsv"],
    ));
    assert!(!area2.is_empty());
    assert!(area2.iter().all(|c| c[1] == "2"), "{area2:?}");

    let vp = tsv_rows(&run(
        dir.path(),
        NOV_2026,
        &["list", "--unit", "vp", "--format", "tsv"],
    ));
    assert!(!vp.is_empty(), "lower-case unit code accepted");
    assert!(vp.iter().all(|c| c[2] == "VP"), "{vp:?}");

    let bad = run(dir.path(), NOV_2026, &["list", "--area", "9"]);
    bad.refused(2);
    assert!(bad.out.is_empty());
    assert!(
        bad.err.contains("“9”") && bad.err.contains("0 đến 6"),
        "{bad:#?}"
    );
    let bad_en = run(
        dir.path(),
        NOV_2026,
        &["--lang", "en", "list", "--area", "9"],
    );
    bad_en.refused(2);
    assert!(bad_en.err.contains("0 to 6"), "{bad_en:#?}");
}

// ------------------------------------------------------------------ editing

#[test]
fn set_then_show_log_in_other_processes() {
    let dir = store();
    let note = "Đã rà soát 12 văn bản";
    let set = run(
        dir.path(),
        NOV_2026,
        &[
            "set",
            "1.a.1",
            "--status",
            "đang thực hiện",
            "--progress",
            "40",
            "--note",
            note,
        ],
    );
    assert!(set.ok().out.starts_with("Đã lưu "), "{set:#?}");
    assert!(set.out.contains("1.a.1"));

    let show = run(dir.path(), NOV_2026, &["show", "1.a.1"]);
    show.ok();
    for expected in [
        "đang thực hiện",
        "40%",
        note,
        "Lịch sử thay đổi",
        "0% → 40%",
    ] {
        assert!(show.out.contains(expected), "{expected:?} in {}", show.out);
    }
    assert!(
        show.out.contains("chưa bắt đầu → đang thực hiện"),
        "{}",
        show.out
    );

    let json = show_json(dir.path(), NOV_2026, "1.a.1");
    assert_eq!(json["id"], "1.a.1");
    assert_eq!(json["status"], "in_progress");
    assert_eq!(json["progress"], 40);
    assert_eq!(json["notes"][0]["text"], note);
    assert_eq!(json["history"].as_array().map(Vec::len), Some(3));

    let log = run(dir.path(), NOV_2026, &["log", "1.a.1", "--format", "json"])
        .ok()
        .json();
    let entries = log.as_array().expect("log is an array");
    assert_eq!(entries.len(), 3, "{log:#}");
    let fields: BTreeSet<&str> = entries
        .iter()
        .map(|e| e["field"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(fields, BTreeSet::from(["note", "progress", "status"]));
    for entry in entries {
        let who = entry["who"].as_str().unwrap_or_default();
        assert!(!who.is_empty(), "who is recorded: {entry}");
        assert!(!who.contains('@'), "no SSH address without SSH: {who}");
        assert_eq!(entry["subject"]["task"]["task"], "1.a.1");
    }
    let seqs: Vec<u64> = entries.iter().filter_map(|e| e["seq"].as_u64()).collect();
    assert_eq!(seqs, vec![1, 2, 3]);
}

#[test]
fn the_ssh_address_is_recorded_as_the_session_reports_it() {
    let dir = store();
    let ssh = [("SSH_CONNECTION", "10.1.2.3 5555 10.0.0.1 22")];
    run_env(
        dir.path(),
        NOV_2026,
        &ssh,
        &["set", "1.a.1", "--progress", "10", "--note", "qua SSH"],
    )
    .ok();
    let log = history(dir.path(), NOV_2026);
    let entries = log.as_array().expect("array");
    assert!(!entries.is_empty());
    for entry in entries {
        let who = entry["who"].as_str().unwrap_or_default();
        assert!(who.ends_with("@10.1.2.3"), "who: {who:?}");
        assert!(who.len() > "@10.1.2.3".len(), "user name before @: {who:?}");
    }
    // Shown as what the session says, which anyone can set, not as a fact.
    let show = run(dir.path(), NOV_2026, &["show", "1.a.1"]);
    assert!(
        show.ok().out.contains("(phiên SSH báo từ 10.1.2.3)"),
        "{}",
        show.out
    );
    // A session that reports something other than an address records none.
    let faked = [("SSH_CONNECTION", "admin-pc 1 2 3")];
    run_env(
        dir.path(),
        NOV_2026,
        &faked,
        &["set", "1.a.2", "--progress", "10"],
    )
    .ok();
    let log = history(dir.path(), NOV_2026);
    let last = log.as_array().and_then(|a| a.last()).expect("an entry");
    assert!(
        !last["who"].as_str().unwrap_or_default().contains('@'),
        "{last}"
    );
}

#[test]
fn status_names_in_every_spelling() {
    for typed in ["hoàn thành", "hoan thanh", "done", "Xong", "DONE"] {
        let dir = store();
        run(dir.path(), NOV_2026, &["set", "1.a.1", "--status", typed]).ok();
        let json = show_json(dir.path(), NOV_2026, "1.a.1");
        assert_eq!(json["status"], "done", "status typed {typed:?}");
        assert_eq!(json["progress"], 100, "done means 100% ({typed:?})");
        assert_eq!(json["completed_on"], "2026-11-26", "({typed:?})");
    }
}

/// Work finished on time but entered late counts as on time: `--done-on`
/// records the day it was done, in either date form, and corrects it later;
/// a day after today is refused and writes nothing.
#[test]
fn work_done_earlier_is_recorded_on_the_day_it_was_done() {
    let dir = store();
    let d = dir.path();
    let reason = "Theo kế hoạch kiểm tra của huyện";
    run(
        d,
        NOV_2026,
        &["set", "1.a.1", "--due", "31/10/2026", "--reason", reason],
    )
    .ok();
    let done = run(
        d,
        NOV_2026,
        &[
            "set",
            "1.a.1",
            "--status",
            "done",
            "--done-on",
            "20/10/2026",
        ],
    );
    assert!(done.ok().out.starts_with("Đã lưu "), "{done:#?}");

    let json = show_json(d, NOV_2026, "1.a.1");
    assert_eq!(json["status"], "done");
    assert_eq!(json["completed_on"], "2026-10-20");
    assert_eq!(json["class"], "done_on_time");
    let show = run(d, NOV_2026, &["show", "1.a.1"]);
    for expected in ["20/10/2026", "hoàn thành đúng hạn"] {
        assert!(
            show.ok().out.contains(expected),
            "{expected:?} in {}",
            show.out
        );
    }
    let completions = |log: &Value| -> Vec<(Value, Value)> {
        log.as_array()
            .expect("an array")
            .iter()
            .filter(|e| e["field"] == "completed_on")
            .map(|e| (e["old"].clone(), e["new"].clone()))
            .collect()
    };
    let log = history(d, NOV_2026);
    assert_eq!(
        completions(&log),
        [(
            serde_json::json!("none"),
            serde_json::json!({"date": "2026-10-20"})
        )],
        "one change of the completion date: {log:#}"
    );

    // The day of work already done is corrected on its own.
    run(d, NOV_2026, &["set", "1.a.1", "--done-on", "2026-11-02"]).ok();
    let json = show_json(d, NOV_2026, "1.a.1");
    assert_eq!(json["completed_on"], "2026-11-02");
    assert_eq!(json["class"], "done_late");
    let log = history(d, NOV_2026);
    assert_eq!(
        completions(&log).last(),
        Some(&(
            serde_json::json!({"date": "2026-10-20"}),
            serde_json::json!({"date": "2026-11-02"})
        ))
    );

    // Tomorrow is refused, and nothing is written.
    let refused = run(d, NOV_2026, &["set", "1.a.1", "--done-on", "27/11/2026"]);
    refused.refused(2);
    assert!(refused.err.contains("26/11/2026"), "{refused:#?}");
    assert_eq!(history(d, NOV_2026), log, "nothing written");
    assert_eq!(
        show_json(d, NOV_2026, "1.a.1")["completed_on"],
        "2026-11-02"
    );
}

#[test]
fn unknown_status_is_refused_with_the_accepted_ones() {
    let dir = store();
    let bad = run(
        dir.path(),
        NOV_2026,
        &["set", "1.a.1", "--status", "xongxuoi"],
    );
    bad.refused(2);
    assert!(bad.out.is_empty());
    for accepted in [
        "chưa bắt đầu",
        "đang thực hiện",
        "hoàn thành",
        "tạm dừng",
        "đã hủy",
        "done",
    ] {
        assert!(bad.err.contains(accepted), "{accepted:?} in {}", bad.err);
    }
    assert_eq!(history(dir.path(), NOV_2026), serde_json::json!([]));

    let bad_en = run(
        dir.path(),
        NOV_2026,
        &["--lang", "en", "set", "1.a.1", "--status", "xongxuoi"],
    );
    bad_en.refused(2);
    for accepted in ["not started", "in progress", "done", "paused", "cancelled"] {
        assert!(
            bad_en.err.contains(accepted),
            "{accepted:?} in {}",
            bad_en.err
        );
    }
    assert_eq!(history(dir.path(), NOV_2026), serde_json::json!([]));
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let dir = store();
    let d = dir.path();
    let before_task = show_json(d, NOV_2026, "1.a.1");
    let before_targets = run(d, NOV_2026, &["targets", "--format", "json"])
        .ok()
        .json();
    let huge_note = "x".repeat(100_000);
    let vi_date = "dd/mm/yyyy";
    // (arguments, words of the Vietnamese message, words of the English one)
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (vec!["set", "9.z", "--progress", "5"], "2.a.1", "2.a.1"),
        (
            vec!["set", "1.a.1", "--progress", "140"],
            "0 đến 100",
            "0 to 100",
        ),
        (
            vec!["set", "1.a.1", "--progress=-5"],
            "0 đến 100",
            "0 to 100",
        ),
        (
            vec!["set", "1.a.1", "--progress", "abc"],
            "0 đến 100",
            "0 to 100",
        ),
        (
            vec!["set", "1.a.1", "--due", "31/02/2026"],
            vi_date,
            vi_date,
        ),
        (
            vec!["set", "1.a.1", "--due", "29/02/2027"],
            vi_date,
            vi_date,
        ),
        (
            vec!["set", "1.a.1", "--due", "2026-13-01"],
            vi_date,
            vi_date,
        ),
        (
            vec!["set", "1.a.1", "--due", "31/03/2028"],
            "chỉ được đổi khi nêu lý do. Trên dòng lệnh: thêm --reason",
            "moves only with a reason. On the command line: add --reason",
        ),
        (
            vec!["set", "1.a.1", "--due", "31/03/2031", "--reason", "Chờ vốn"],
            "các năm 2026–2030 của kế hoạch",
            "the plan's years 2026–2030",
        ),
        (
            vec!["set", "1.a.1", "--note", &huge_note],
            "tối đa 4000",
            "at most 4000",
        ),
        (
            vec!["set", "1.a.1", "--note", "xoá \x1b[2J màn hình"],
            "ký tự điều khiển",
            "control characters",
        ),
        (
            vec!["set", "1.a.1", "--lead", "XYZ"],
            "VHXH, VP, KT, TTPVHCC, TTDVSNC, MTTQ",
            "Units: VHXH, VP, KT, TTPVHCC, TTDVSNC, MTTQ",
        ),
        (
            vec!["target", "set", "T05", "140"],
            "từ 0 đến 100",
            "take 0 to 100",
        ),
        (
            vec!["target", "set", "T01", "0,5"],
            "1 (đạt) hoặc 0 (chưa đạt)",
            "1 (met) or 0 (not met)",
        ),
        (
            vec!["target", "set", "T99", "5"],
            "cchc targets",
            "cchc targets",
        ),
        (
            vec!["set", "0.3@2031", "--status", "done"],
            "@2027",
            "within the plan",
        ),
        (vec!["set", "1.a.1"], "--status", "--status"),
        (
            vec![
                "set",
                "1.a.1",
                "--status",
                "done",
                "--done-on",
                "27/11/2026",
            ],
            "phải từ 15/04/2026 (ngày bắt đầu kế hoạch) đến hôm nay (26/11/2026)",
            "from 15/04/2026 (the plan's start) to today (26/11/2026)",
        ),
        (
            vec![
                "set",
                "1.a.1",
                "--status",
                "done",
                "--done-on",
                "14/04/2026",
            ],
            "phải từ 15/04/2026 (ngày bắt đầu kế hoạch) đến hôm nay (26/11/2026)",
            "from 15/04/2026 (the plan's start) to today (26/11/2026)",
        ),
        (
            vec![
                "set",
                "1.a.1",
                "--status",
                "done",
                "--done-on",
                "31/09/2026",
            ],
            vi_date,
            vi_date,
        ),
        (
            vec!["set", "1.a.1", "--done-on", "01/10/2026"],
            "chỉ ghi cho việc đã hoàn thành. Trên dòng lệnh: thêm --status",
            "only for work that is done. On the command line: add --status done",
        ),
        (
            vec![
                "set",
                "1.a.1",
                "--status",
                "đang thực hiện",
                "--done-on",
                "01/10/2026",
            ],
            "chỉ ghi cho việc đã hoàn thành",
            "only for work that is done",
        ),
    ];
    for (args, vi, en) in &cases {
        let refused = run(d, NOV_2026, args);
        refused.refused(2);
        assert!(refused.out.is_empty(), "{args:?}: {refused:#?}");
        assert!(
            refused.err.starts_with("Lỗi: "),
            "{args:?} Vietnamese: {refused:#?}"
        );
        assert!(
            refused.err.contains(vi),
            "{args:?} says {vi:?}: {}",
            refused.err
        );

        let mut english = vec!["--lang", "en"];
        english.extend_from_slice(args);
        let refused_en = run(d, NOV_2026, &english);
        refused_en.refused(2);
        assert!(
            refused_en.err.starts_with("Error: "),
            "{args:?} English: {refused_en:#?}"
        );
        assert!(
            refused_en.err.contains(en),
            "{args:?} says {en:?}: {}",
            refused_en.err
        );
    }
    assert_eq!(
        history(d, NOV_2026),
        serde_json::json!([]),
        "nothing written"
    );
    assert_eq!(show_json(d, NOV_2026, "1.a.1"), before_task);
    assert_eq!(
        run(d, NOV_2026, &["targets", "--format", "json"])
            .ok()
            .json(),
        before_targets
    );
    assert!(!d.join("backups").exists(), "no backup after refusals");
}

#[test]
fn both_date_forms_store_the_same_extension() {
    let mut stored = Vec::new();
    for typed in ["31/03/2028", "2028-03-31"] {
        let dir = store();
        run(
            dir.path(),
            NOV_2026,
            &[
                "set",
                "3.d",
                "--due",
                typed,
                "--reason",
                "Chờ hướng dẫn của thành phố",
            ],
        )
        .ok();
        let json = show_json(dir.path(), NOV_2026, "3.d");
        assert_eq!(json["plan_due"], "2027-12-31");
        stored.push(json["due"].clone());

        let show = run(dir.path(), NOV_2026, &["show", "3.d"]);
        assert!(
            show.ok().out.contains("31/03/2028 (hạn cũ 31/12/2027)"),
            "{}",
            show.out
        );
        assert!(
            show.out.contains("Chờ hướng dẫn của thành phố"),
            "{}",
            show.out
        );
        let show_en = run(dir.path(), NOV_2026, &["--lang", "en", "show", "3.d"]);
        assert!(
            show_en.ok().out.contains("31/03/2028 (was 31/12/2027)"),
            "{}",
            show_en.out
        );
    }
    assert_eq!(stored, vec![Value::from("2028-03-31"), "2028-03-31".into()]);
}

#[test]
fn target_measurement_with_a_decimal_comma() {
    let dir = store();
    let set = run(
        dir.path(),
        NOV_2026,
        &["target", "set", "T07", "87,5", "--date", "30/10/2026"],
    );
    assert!(set.ok().out.contains("T07"), "{set:#?}");
    let targets = run(dir.path(), NOV_2026, &["targets", "--format", "json"])
        .ok()
        .json();
    let t07 = targets
        .as_array()
        .and_then(|all| all.iter().find(|t| t["id"] == "T07"))
        .expect("T07 listed");
    assert_eq!(t07["latest"], 87.5);
    assert_eq!(t07["latest_on"], "2026-10-30");
    assert_eq!(
        t07["verdict"], "not_met",
        "87.5% of a 95% target is not met, and one result draws no path"
    );

    let log = run(dir.path(), NOV_2026, &["log", "T07"]);
    log.ok();
    assert!(log.out.contains("T07"), "{}", log.out);
    assert!(log.out.contains("30/10/2026"), "{}", log.out);
    assert!(
        log.out.contains("87.5") || log.out.contains("87,5"),
        "{}",
        log.out
    );
    let log_json = run(dir.path(), NOV_2026, &["log", "t07", "--format", "json"])
        .ok()
        .json();
    assert_eq!(log_json.as_array().map(Vec::len), Some(1), "{log_json:#}");
    assert_eq!(log_json[0]["subject"]["target"], "T07");
}

#[test]
fn evidence_is_listed_by_show() {
    let dir = store();
    run(
        dir.path(),
        NOV_2026,
        &[
            "evidence",
            "add",
            "1.a.1",
            "--doc",
            "123/QĐ-UBND",
            "--date",
            "12/05/2026",
            "--title",
            "Quyết định công bố",
        ],
    )
    .ok();
    let show = run(dir.path(), NOV_2026, &["show", "1.a.1"]);
    show.ok();
    for expected in ["123/QĐ-UBND", "12/05/2026", "Quyết định công bố"] {
        assert!(show.out.contains(expected), "{expected:?} in {}", show.out);
    }
    let json = show_json(dir.path(), NOV_2026, "1.a.1");
    assert_eq!(json["evidence"][0]["number"], "123/QĐ-UBND");
    assert_eq!(json["evidence"][0]["issued_on"], "2026-05-12");

    let bad = run(
        dir.path(),
        NOV_2026,
        &[
            "evidence",
            "add",
            "1.a.1",
            "--doc",
            "124/QĐ-UBND",
            "--date",
            "31/02/2026",
            "--title",
            "Sai ngày",
        ],
    );
    bad.refused(2);
    assert!(bad.err.contains("dd/mm/yyyy"), "{bad:#?}");
    assert_eq!(
        show_json(dir.path(), NOV_2026, "1.a.1")["evidence"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

// ------------------------------------------------------------------ export, import

/// A store with a few edits of each kind; returns its export.
fn edited_store(dir: &Path) -> String {
    run(
        dir,
        NOV_2026,
        &["set", "1.a.1", "--progress", "40", "--note", "Ghi chú gốc"],
    )
    .ok();
    run(dir, NOV_2026, &["set", "0.3@2026", "--status", "xong"]).ok();
    run(dir, NOV_2026, &["set", "2.b.4", "--lead", "VHXH"]).ok();
    run(dir, NOV_2026, &["target", "set", "T04", "87.5"]).ok();
    run(
        dir,
        NOV_2026,
        &[
            "evidence",
            "add",
            "1.a.1",
            "--doc",
            "1/QĐ",
            "--date",
            "01/06/2026",
            "--title",
            "QĐ",
        ],
    )
    .ok();
    run(dir, NOV_2026, &["export"]).ok().out.clone()
}

#[test]
fn export_import_export_round_trips() {
    let first = store();
    let exported = edited_store(first.path());
    let dump: Value = serde_json::from_str(&exported).expect("export is JSON");
    assert!(dump["history"].as_array().is_some_and(|h| h.len() >= 6));

    let file = first.path().join("dump.json");
    std::fs::write(&file, &exported).expect("write dump");
    let second = store();
    let fresh = second.path().join("fresh");
    let imported = run(&fresh, NOV_2026, &["import", file.to_str().unwrap()]);
    assert!(imported.ok().out.contains("Đã nhập"), "{imported:#?}");
    let again = run(&fresh, NOV_2026, &["export"]).ok().out.clone();
    assert_eq!(again, exported, "export → import → export is identical");

    // Importing into a store that holds edits is refused as a store problem.
    let refused = run(first.path(), NOV_2026, &["import", file.to_str().unwrap()]);
    refused.refused(3);
    assert!(refused.err.contains("--data-dir"), "{refused:#?}");
    let refused_en = run(
        first.path(),
        NOV_2026,
        &["--lang", "en", "import", file.to_str().unwrap()],
    );
    refused_en.refused(3);
    assert!(refused_en.err.contains("--data-dir"), "{refused_en:#?}");
    assert!(refused_en.err.contains("empty store"), "{refused_en:#?}");
    assert_eq!(run(first.path(), NOV_2026, &["export"]).ok().out, exported);
}

#[test]
fn import_of_a_file_that_is_not_a_dump_is_refused() {
    let dir = store();
    let file = dir.path().join("not-a-dump.json");
    std::fs::write(&file, "{\"hello\": 1}").expect("write");
    let data = dir.path().join("data");
    let refused = run(&data, NOV_2026, &["import", file.to_str().unwrap()]);
    refused.refused(2);
    assert!(refused.err.contains("cchc export"), "{refused:#?}");
    assert_eq!(history(&data, NOV_2026), serde_json::json!([]));
}

/// Puts `text` wherever the dump holds the note of 1.a.1 (state and history).
fn poison_notes(dump: &mut Value, text: &str, who: &str) {
    let mut touched = 0;
    for pair in dump["tasks"].as_array_mut().expect("tasks") {
        if pair[0]["task"] == "1.a.1" {
            for note in pair[1]["notes"].as_array_mut().expect("notes") {
                note["text"] = text.into();
                note["who"] = who.into();
                touched += 1;
            }
        }
    }
    for entry in dump["history"].as_array_mut().expect("history") {
        if entry["field"] == "note" {
            entry["new"] = serde_json::json!({ "text": text });
            entry["who"] = who.into();
            touched += 1;
        }
    }
    assert_eq!(touched, 2, "one note and its history entry");
}

fn import_poisoned(dir: &TempDir) -> PathBuf {
    let source = dir.path().join("source");
    run(
        &source,
        NOV_2026,
        &["set", "1.a.1", "--note", "Ghi chú gốc"],
    )
    .ok();
    let mut dump = run(&source, NOV_2026, &["export"]).ok().json();
    poison_notes(
        &mut dump,
        "đỏ \u{1b}[31m chữ \u{9b}2J hết",
        "kẻ xấu\u{1b}]0;title\u{7}",
    );
    let file = dir.path().join("poisoned.json");
    std::fs::write(&file, serde_json::to_string(&dump).expect("json")).expect("write");
    let target = dir.path().join("target");
    let refused = run(&target, NOV_2026, &["import", file.to_str().unwrap()]);
    assert_ne!(refused.code, Some(0), "an import of raw escapes is refused");
    assert!(refused.err.contains("Không có gì được ghi"), "{refused:#?}");
    assert_terminal_safe("the refusal", &refused.err);
    // What an older build let through: written below the application's checks.
    let dump: cchc::store::Dump = serde_json::from_value(dump).expect("a dump");
    let bundled = cchc::domain::Catalog::bundled().expect("the bundled catalog");
    let mut store = cchc::store::SledStore::open(&target, &bundled, "test").expect("open");
    cchc::store::Store::import(&mut store, dump).expect("written below the checks");
    target
}

fn assert_terminal_safe(what: &str, text: &str) {
    assert!(!text.contains('\u{1b}'), "{what} holds ESC: {text:?}");
    assert!(!text.contains('\u{9b}'), "{what} holds C1 CSI: {text:?}");
    assert!(!text.contains('\u{7}'), "{what} holds BEL: {text:?}");
}

#[test]
fn stored_control_characters_never_reach_the_terminal() {
    let dir = store();
    let target = import_poisoned(&dir);
    let show = run(&target, NOV_2026, &["show", "1.a.1"]);
    show.ok();
    assert_terminal_safe("show", &show.out);
    assert!(
        show.out.contains("chữ"),
        "the note is still shown: {}",
        show.out
    );
    assert!(show.out.contains('\u{FFFD}'), "{}", show.out);
    for args in [
        vec!["log"],
        vec!["log", "1.a.1"],
        vec!["log", "--format", "tsv"],
        vec!["--lang", "en", "show", "1.a.1"],
    ] {
        let out = run(&target, NOV_2026, &args);
        out.ok();
        assert_terminal_safe(&format!("{args:?}"), &out.out);
    }
}

/// JSON output (`show --format json`, `log --format json`, `list --format json`,
/// `export`) prints stored text through serde_json only, which escapes C0
/// controls but leaves C1 controls such as U+009B (CSI) raw.
#[test]
fn stored_c1_controls_never_reach_the_terminal_in_json() {
    let dir = store();
    let target = import_poisoned(&dir);
    for args in [
        vec!["show", "1.a.1", "--format", "json"],
        vec!["log", "--format", "json"],
    ] {
        let out = run(&target, NOV_2026, &args);
        out.ok();
        assert_terminal_safe(&format!("{args:?}"), &out.out);
    }
}

// ------------------------------------------------------------------ the store

/// A store held for a moment by another process that does not serve it (a
/// command finishing, an owner starting) is waited for, not refused.
#[test]
fn a_store_held_for_a_moment_is_waited_for() {
    let dir = store();
    let catalog = cchc::domain::Catalog::bundled().expect("bundled catalog");
    let held = cchc::store::SledStore::open(dir.path(), &catalog, "pid 1, tester, cchc set")
        .expect("open the store in the test process");
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(500));
        drop(held);
    });
    let waited = run(dir.path(), NOV_2026, &["set", "1.a.1", "--progress", "5"]);
    waited.ok();
    release.join().expect("release the store");
    let entries = history(dir.path(), NOV_2026);
    assert_eq!(entries.as_array().map(Vec::len), Some(2), "{entries:#}");
}

/// A store held and not served for longer than a command waits is refused,
/// naming the holder, and nothing is written.
#[test]
fn a_store_held_by_another_process_is_refused() {
    let dir = store();
    let catalog = cchc::domain::Catalog::bundled().expect("bundled catalog");
    let held = cchc::store::SledStore::open(dir.path(), &catalog, "pid 1, tester, cchc tui")
        .expect("open the store in the test process");

    let refused = run(dir.path(), NOV_2026, &["set", "1.a.1", "--progress", "5"]);
    refused.refused(3);
    assert!(refused.out.is_empty());
    assert!(refused.err.contains("tiến trình khác"), "{refused:#?}");
    assert!(
        refused.err.contains("cchc tui"),
        "names the holder: {refused:#?}"
    );

    drop(held);
    run(dir.path(), NOV_2026, &["list"]).ok();
    assert_eq!(history(dir.path(), NOV_2026), serde_json::json!([]));
}

#[test]
fn a_damaged_store_is_refused_naming_its_path() {
    let dir = store();
    run(dir.path(), NOV_2026, &["list"]).ok();
    let sled = dir.path().join("sled");
    garble(&sled.join("db"));
    if sled.join("conf").exists() {
        garble(&sled.join("conf"));
    }
    let refused = run(dir.path(), NOV_2026, &["list"]);
    refused.refused(3);
    assert!(refused.out.is_empty());
    let path = dir.path().display().to_string();
    assert!(refused.err.contains(&path), "names {path}: {refused:#?}");
    assert!(refused.err.contains("Chưa có bản sao lưu"), "{refused:#?}");
    let refused_en = run(dir.path(), NOV_2026, &["--lang", "en", "list"]);
    refused_en.refused(3);
    assert!(refused_en.err.contains("no backup"), "{refused_en:#?}");
}

#[test]
fn a_damaged_store_names_the_newest_backup() {
    let dir = store();
    run(dir.path(), NOV_2026, &["list"]).ok();
    let backup = run(dir.path(), NOV_2026, &["backup"]);
    assert!(backup.ok().out.contains("Đã sao lưu"), "{backup:#?}");
    let file = only_backup(dir.path());
    assert!(
        backup.out.contains(&file.display().to_string()),
        "{backup:#?}"
    );
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read backup")).expect("JSON");
    assert_eq!(saved["schema_version"], cchc::store::SCHEMA_VERSION);

    let sled = dir.path().join("sled");
    garble(&sled.join("db"));
    if sled.join("conf").exists() {
        garble(&sled.join("conf"));
    }
    let refused = run(dir.path(), NOV_2026, &["list"]);
    refused.refused(3);
    assert!(
        refused.err.contains(&dir.path().display().to_string()),
        "{refused:#?}"
    );
    assert!(
        refused.err.contains(&file.display().to_string()),
        "names the backup {}: {refused:#?}",
        file.display()
    );
    assert!(refused.err.contains("cchc import"), "{refused:#?}");
}

/// A store written once (no sled snapshot yet) whose log file is damaged: sled
/// recovers an empty tree, and `SledStore::open` takes the missing schema key
/// for a new store and seeds it again, so every edit and its history vanish
/// while the command succeeds.
#[test]
fn a_damaged_log_is_not_silently_replaced_by_a_fresh_store() {
    let dir = store();
    run(dir.path(), NOV_2026, &["set", "1.a.1", "--progress", "40"]).ok();
    garble(&dir.path().join("sled").join("db"));
    let after = run(dir.path(), NOV_2026, &["log", "--format", "json"]);
    assert!(
        after.code == Some(3) || after.json().as_array().is_some_and(|h| !h.is_empty()),
        "the edits are gone without an error: {after:#?}"
    );
}

// ------------------------------------------------------------------ language, help, catalog

#[test]
fn english_by_flag_or_environment() {
    let dir = store();
    let flag = run(
        dir.path(),
        NOV_2026,
        &["--lang", "en", "set", "1.a.1", "--progress", "10"],
    );
    assert!(flag.ok().out.starts_with("Saved "), "{flag:#?}");
    let env = run_env(
        dir.path(),
        NOV_2026,
        &[("CCHC_LANG", "en")],
        &["set", "1.a.2", "--progress", "10"],
    );
    assert!(env.ok().out.starts_with("Saved "), "{env:#?}");
    let vi = run(dir.path(), NOV_2026, &["set", "3.d", "--progress", "10"]);
    assert!(vi.ok().out.starts_with("Đã lưu "), "{vi:#?}");
    // The flag wins over the environment.
    let both = run_env(
        dir.path(),
        NOV_2026,
        &[("CCHC_LANG", "en")],
        &["--lang", "vi", "set", "2.b.4", "--progress", "10"],
    );
    assert!(both.ok().out.starts_with("Đã lưu "), "{both:#?}");

    let show_en = run_env(
        dir.path(),
        NOV_2026,
        &[("CCHC_LANG", "en")],
        &["show", "1.a.1"],
    );
    assert!(show_en.ok().out.contains("in progress"), "{}", show_en.out);
    assert!(!show_en.out.contains("đang thực hiện"), "{}", show_en.out);
}

#[test]
fn help_in_both_languages() {
    let dir = store();
    let vi = run(dir.path(), NOV_2026, &["--help"]);
    assert!(vi.ok().out.contains("Liệt kê nhiệm vụ"), "{vi:#?}");
    let en = run(dir.path(), NOV_2026, &["--lang", "en", "--help"]);
    assert!(en.ok().out.contains("List tasks"), "{en:#?}");
    assert!(!en.out.contains("Liệt kê nhiệm vụ"));
    let env = run_env(dir.path(), NOV_2026, &[("CCHC_LANG", "en")], &["--help"]);
    assert!(env.ok().out.contains("List tasks"), "{env:#?}");
    let set_help = run(dir.path(), NOV_2026, &["set", "--help"]);
    assert!(set_help.ok().out.contains("Tiến độ 0–100"), "{set_help:#?}");
}

/// The words clap adds around the help texts (headings, `--help`,
/// `--version`, `help`) are in the chosen language too.
#[test]
fn help_frame_in_the_chosen_language() {
    let dir = store();
    for asked in [&["--help"][..], &["set", "--help"]] {
        let vi = run(dir.path(), NOV_2026, asked);
        for word in ["Cách dùng:", "Tùy chọn:", "In trợ giúp"] {
            assert!(vi.ok().out.contains(word), "{word:?} in {vi:#?}");
        }
        for word in [
            "Usage:",
            "Options:",
            "Arguments:",
            "Commands:",
            "Print help",
        ] {
            assert!(!vi.out.contains(word), "{word:?} in {vi:#?}");
        }
        let en = run(dir.path(), NOV_2026, &[&["--lang", "en"], asked].concat());
        for word in ["Usage:", "Options:", "Print help"] {
            assert!(en.ok().out.contains(word), "{word:?} in {en:#?}");
        }
        assert!(!en.out.contains("Cách dùng:"), "{en:#?}");
        let env = run_env(dir.path(), NOV_2026, &[("CCHC_LANG", "en")], asked);
        assert!(env.ok().out.contains("Usage:"), "{env:#?}");
    }

    let top = run(dir.path(), NOV_2026, &["--help"]);
    for word in ["Lệnh:", "In phiên bản", "In trợ giúp này hoặc của lệnh con"] {
        assert!(top.ok().out.contains(word), "{word:?} in {top:#?}");
    }
    let list = run(dir.path(), NOV_2026, &["list", "--help"]);
    assert!(
        list.ok().out.contains("[mặc định: table]") && !list.out.contains("[default:"),
        "{list:#?}"
    );
    let set = run(dir.path(), NOV_2026, &["set", "--help"]);
    let (arguments, options) = (set.out.find("Tham số:"), set.out.find("Tùy chọn:"));
    assert!(arguments.is_some() && arguments < options, "{set:#?}");

    // `help set` and `set -h` show what `set --help` shows.
    for asked in [&["help", "set"][..], &["set", "-h"]] {
        let same = run(dir.path(), NOV_2026, asked);
        assert_eq!(same.ok().out, set.out, "{asked:?}");
    }
    let nested = run(dir.path(), NOV_2026, &["meeting", "help", "new"]);
    let direct = run(dir.path(), NOV_2026, &["meeting", "new", "--help"]);
    assert_eq!(nested.ok().out, direct.ok().out);
    let en = run(dir.path(), NOV_2026, &["--lang", "en", "help", "set"]);
    assert!(en.ok().out.contains("Update a task"), "{en:#?}");
    run(dir.path(), NOV_2026, &["help", "no-such-command"]).refused(2);
    let version = run(dir.path(), NOV_2026, &["--version"]);
    assert!(version.ok().out.starts_with("cchc "), "{version:#?}");
}

#[test]
fn usage_mistakes_are_explained_in_the_chosen_language() {
    let dir = store();
    let cases: [(&[&str], &str); 5] = [
        (
            &["target", "baseline", "T04", "40"],
            "Thiếu tham số bắt buộc: --source <NỘI_DUNG>.",
        ),
        (&["lsit"], "Không có lệnh “lsit”."),
        (
            &["list", "--fromat", "json"],
            "Không có tùy chọn “--fromat”. Có phải ý bạn là “--format”?",
        ),
        (
            &["list", "--format", "xml"],
            "Giá trị “xml” không dùng được cho --format <DẠNG>. Giá trị hợp lệ: table, tsv, json.",
        ),
        (&["set", "0.1", "--due"], "Thiếu giá trị cho --due <NGÀY>."),
    ];
    for (args, said) in cases {
        let vi = run(dir.path(), NOV_2026, args);
        vi.refused(2);
        assert!(
            vi.err.starts_with(&format!("Lỗi: {said}")),
            "{said:?} in {vi:#?}"
        );
        assert!(vi.err.contains("Xem thêm: thêm --help"), "{vi:#?}");
        for english in ["error:", "Usage:", "For more information", "[OPTIONS]"] {
            assert!(!vi.err.contains(english), "{english:?} in {vi:#?}");
        }
        let en = run(dir.path(), NOV_2026, &[&["--lang", "en"], args].concat());
        en.refused(2);
        assert!(en.err.contains("error:"), "{en:#?}");
    }
    let usage = run(dir.path(), NOV_2026, &["show"]);
    assert!(
        usage.err.contains("Cách dùng: cchc show <MÃ>"),
        "{usage:#?}"
    );
    let help = run(dir.path(), NOV_2026, &["set", "--help"]);
    assert!(
        help.ok().out.contains("cchc set [TÙY_CHỌN] <MÃ>"),
        "{help:#?}"
    );
}

#[test]
fn catalog_sync_on_a_fresh_store_writes_nothing() {
    let dir = store();
    let sync = run(dir.path(), NOV_2026, &["catalog", "sync"]);
    assert!(
        sync.ok().out.contains("Danh mục đã là bản mới nhất"),
        "{sync:#?}"
    );
    let sync_en = run(dir.path(), NOV_2026, &["--lang", "en", "catalog", "sync"]);
    assert!(sync_en.ok().out.contains("already current"), "{sync_en:#?}");
    assert_eq!(history(dir.path(), NOV_2026), serde_json::json!([]));
    assert!(
        !dir.path().join("backups").exists(),
        "no backup: nothing written"
    );
}

#[test]
fn a_bad_today_is_refused() {
    let dir = store();
    let refused = run(dir.path(), "2026-02-30", &["list"]);
    refused.refused(2);
    assert!(refused.err.contains("CCHC_TODAY"), "{refused:#?}");
}

/// clap takes `-5` after `--progress` for an option, so the refusal is clap's
/// English usage error (with a misleading `-- -5` tip) instead of the
/// localized "0 đến 100" message.
#[test]
fn negative_progress_as_a_separate_argument_explains_the_range() {
    let dir = store();
    let refused = run(dir.path(), NOV_2026, &["set", "1.a.1", "--progress", "-5"]);
    refused.refused(2);
    assert!(refused.err.contains("0 đến 100"), "{refused:#?}");
}

// ------------------------------------------------------------------ review periods and risks

/// A "today" in the first half of 2026, on a store nobody has touched.
const MAY_2026: &str = "2026-05-01";

const RISKS_TSV_HEADER: &str = "kind\tid\tseverity\treasons\tarea\tlead\ttitle";

/// `risks --format json` with `extra`, each item checked for its shape: a
/// kind, an id, a severity and at least one reason with its words.
fn risks_json(dir: &Path, today: &str, env: &[(&str, &str)], extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["risks", "--format", "json"];
    args.extend_from_slice(extra);
    let run = run_env(dir, today, env, &args);
    let items = run
        .ok()
        .json()
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("risks JSON is an array: {run:#?}"));
    for item in &items {
        let kind = item["kind"].as_str().unwrap_or_default();
        assert!(kind == "task" || kind == "target", "kind: {item}");
        assert!(
            item["id"].as_str().is_some_and(|id| !id.is_empty()),
            "id: {item}"
        );
        let severity = item["severity"].as_str().unwrap_or_default();
        assert!(
            ["high", "medium", "low"].contains(&severity),
            "severity: {item}"
        );
        let reasons = item["reasons"].as_array().expect("reasons is an array");
        assert!(!reasons.is_empty(), "at least one reason: {item}");
        for reason in reasons {
            assert!(
                reason["text"]
                    .as_str()
                    .is_some_and(|t| !t.trim().is_empty()),
                "each reason has its words: {item}"
            );
        }
    }
    items
}

fn risk_ids(items: &[Value]) -> Vec<&str> {
    items.iter().filter_map(|i| i["id"].as_str()).collect()
}

fn risk_item<'a>(items: &'a [Value], id: &str) -> Option<&'a Value> {
    items.iter().find(|i| i["id"] == id)
}

/// The rule codes of one item's reasons (empty when it is not flagged).
fn risk_rules(items: &[Value], id: &str) -> Vec<String> {
    risk_item(items, id)
        .and_then(|i| i["reasons"].as_array())
        .map(|reasons| {
            reasons
                .iter()
                .filter_map(|r| r["rule"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The data rows of `risks --format tsv`, split in columns (header checked).
fn risks_tsv(run: &Run) -> Vec<Vec<String>> {
    run.ok();
    let mut lines = run.out.lines();
    assert_eq!(lines.next(), Some(RISKS_TSV_HEADER), "TSV header: {run:#?}");
    lines
        .map(|line| {
            let cols: Vec<String> = line.split('\t').map(str::to_string).collect();
            assert_eq!(cols.len(), 7, "TSV row with 7 columns: {line:?}");
            cols
        })
        .collect()
}

#[test]
fn risks_exits_zero_with_or_without_risks() {
    for today in [MAY_2026, JAN_2028] {
        let dir = store();
        let table = run(dir.path(), today, &["risks"]);
        assert!(table.ok().out.starts_with("Kỳ "), "{table:#?}");
        assert!(!risks_json(dir.path(), today, &[], &[]).is_empty());
        let tsv = risks_tsv(&run(dir.path(), today, &["risks", "--format", "tsv"]));
        assert!(!tsv.is_empty());
    }
    // Nothing at risk: no area-2 work is led by the Front in May 2026.
    let dir = store();
    let filter = ["--area", "2", "--unit", "MTTQ"];
    let mut args = vec!["risks"];
    args.extend_from_slice(&filter);
    let none = run(dir.path(), MAY_2026, &args);
    assert_eq!(
        none.ok().out.trim_end(),
        "Không có nhiệm vụ hay chỉ tiêu nào cần lưu ý trong kỳ."
    );
    assert!(risks_json(dir.path(), MAY_2026, &[], &filter).is_empty());
    args.extend_from_slice(&["--format", "tsv"]);
    assert!(risks_tsv(&run(dir.path(), MAY_2026, &args)).is_empty());
}

#[test]
fn risks_json_and_tsv_list_the_same_items() {
    let dir = store();
    let items = risks_json(dir.path(), JAN_2028, &[], &[]);
    assert!(items.iter().any(|i| i["kind"] == "task"), "tasks flagged");
    assert!(
        items.iter().any(|i| i["kind"] == "target"),
        "targets flagged"
    );
    let rows = risks_tsv(&run(dir.path(), JAN_2028, &["risks", "--format", "tsv"]));
    let tsv_ids: Vec<&str> = rows.iter().map(|c| c[1].as_str()).collect();
    assert_eq!(tsv_ids, risk_ids(&items));
    for cols in &rows {
        assert!(cols[0] == "task" || cols[0] == "target", "{cols:?}");
        assert!(
            ["cao", "trung bình", "thấp"].contains(&cols[2].as_str()),
            "{cols:?}"
        );
        assert!(!cols[3].is_empty(), "reasons in words: {cols:?}");
    }
}

#[test]
fn risks_area_and_unit_filters() {
    let dir = store();
    let area2 = risks_json(dir.path(), JAN_2028, &[], &["--area", "2"]);
    assert!(!area2.is_empty());
    assert!(area2.iter().all(|i| i["area"] == 2), "{area2:?}");
    let rows = risks_tsv(&run(
        dir.path(),
        JAN_2028,
        &["risks", "--area", "2", "--format", "tsv"],
    ));
    assert!(rows.iter().all(|c| c[4] == "2"), "{rows:?}");

    for typed in ["VP", "vp"] {
        let vp = risks_json(dir.path(), JAN_2028, &[], &["--unit", typed]);
        assert!(!vp.is_empty(), "{typed}");
        assert!(vp.iter().all(|i| i["lead"] == "VP"), "{vp:?}");
    }
    let all = risks_json(dir.path(), JAN_2028, &[], &[]);
    assert!(area2.len() < all.len());

    let bad = run(dir.path(), JAN_2028, &["risks", "--area", "9"]);
    bad.refused(2);
    assert!(
        bad.out.is_empty() && bad.err.contains("0 đến 6"),
        "{bad:#?}"
    );
}

#[test]
fn risks_accept_every_period_form_and_refuse_others() {
    let dir = store();
    for (typed, name) in [
        ("2027-Q1", "Quý I/2027"),
        ("2027-H1", "6 tháng đầu năm 2027"),
        ("2027-Q3", "Quý III/2027"),
        ("2027", "Năm 2027"),
        ("2027-q3", "Quý III/2027"),
    ] {
        let table = run(dir.path(), NOV_2026, &["risks", "--period", typed]);
        assert!(
            table.ok().out.starts_with(&format!("Kỳ {name}, tính đến ")),
            "{typed}: {table:#?}"
        );
        risks_json(dir.path(), NOV_2026, &[], &["--period", typed]);
    }
    for typed in ["2027-Q2", "abc"] {
        for command in ["risks", "list"] {
            let bad = run(dir.path(), NOV_2026, &[command, "--period", typed]);
            bad.refused(2);
            assert!(bad.out.is_empty(), "{bad:#?}");
            for expected in [
                format!("“{typed}”"),
                "2026-Q1".into(),
                "2026-H1".into(),
                "2026-Q3".into(),
                "2026 (năm)".into(),
            ] {
                assert!(bad.err.contains(&expected), "{expected:?} in {bad:#?}");
            }
        }
    }
    let bad_en = run(
        dir.path(),
        NOV_2026,
        &["--lang", "en", "risks", "--period", "abc"],
    );
    bad_en.refused(2);
    assert!(bad_en.err.contains("2026-H1 (six months)"), "{bad_en:#?}");
}

/// On 15/01/2028 the 2026 occurrence of the yearly task 0.3 (due 20/12/2026,
/// the year's report day)
/// is still overdue: it is listed on its own, before 2027's, and goes away
/// once marked done.
#[test]
fn an_earlier_overdue_occurrence_is_listed_until_done() {
    let dir = store();
    let items = risks_json(dir.path(), JAN_2028, &[], &[]);
    let ids = risk_ids(&items);
    let earliest = ids
        .iter()
        .position(|id| *id == "0.3@2026")
        .unwrap_or_else(|| panic!("0.3@2026 is flagged: {ids:?}"));
    let later = ids.iter().position(|id| *id == "0.3@2027");
    assert!(later.is_none_or(|l| earliest < l), "{ids:?}");
    let item = risk_item(&items, "0.3@2026").expect("0.3@2026");
    assert_eq!(item["severity"], "high");
    assert_eq!(item["reasons"][0]["rule"], "overdue");
    assert_eq!(item["reasons"][0]["text"], "quá hạn 391 ngày");
    let table = run(dir.path(), JAN_2028, &["risks"]);
    let line = table
        .ok()
        .out
        .lines()
        .find(|l| l.contains("0.3@2026"))
        .unwrap_or_else(|| panic!("0.3@2026 in the table: {}", table.out));
    assert!(line.contains("quá hạn"), "{line:?}");

    run(
        dir.path(),
        JAN_2028,
        &["set", "0.3@2026", "--status", "done"],
    )
    .ok();
    let after = risks_json(dir.path(), JAN_2028, &[], &[]);
    assert!(risk_item(&after, "0.3@2026").is_none(), "done: {after:?}");
    assert!(
        risk_item(&after, "0.3@2027").is_some(),
        "2027's is still overdue"
    );
    assert_eq!(after.len(), items.len() - 1);
}

#[test]
fn list_for_a_period_shows_that_period_occurrences() {
    let dir = store();
    let year = list_ids(dir.path(), NOV_2026, &["--period", "2026"]);
    assert!(year.iter().any(|id| id == "0.3@2026"), "{year:?}");
    assert!(year.iter().any(|id| id == "3.d"), "one-off work: {year:?}");
    for id in year.iter().filter(|id| id.contains('@')) {
        assert!(id.contains("@2026"), "{id} in the 2026 list");
    }

    let q1 = list_ids(dir.path(), NOV_2026, &["--period", "2027-Q1"]);
    assert!(q1.iter().any(|id| id == "0.3@2027"), "yearly: {q1:?}");
    assert!(
        q1.iter().any(|id| id == "0.17@2027-Q1"),
        "quarterly: {q1:?}"
    );
    assert!(q1.iter().any(|id| id == "3.d"), "one-off work: {q1:?}");
    // An earlier occurrence is listed only while it is overdue: its own row.
    let overdue = list_ids(dir.path(), NOV_2026, &["--overdue"]);
    let earlier: Vec<&String> = q1
        .iter()
        .filter(|id| id.contains('@') && !id.contains("@2027"))
        .collect();
    assert!(!earlier.is_empty(), "the seed has overdue quarters: {q1:?}");
    for id in &earlier {
        assert!(overdue.contains(id), "{id} in the 2027-Q1 list is overdue");
    }
    let tasks = |ids: &[String]| {
        ids.iter()
            .map(|id| id.split('@').next().unwrap_or_default().to_string())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(tasks(&year), tasks(&q1), "every task either way");
}

/// `[risks] due_soon_days` in the config file widens the warning window:
/// work due in 20 days is "due soon" with 30, not with the default 14.
#[test]
fn the_config_file_sets_the_due_soon_window() {
    let dir = store();
    let config = tempfile::tempdir().expect("config folder");
    let no_config = tempfile::tempdir().expect("empty config folder");
    std::fs::write(
        config.path().join("config.toml"),
        "[risks]\ndue_soon_days = 30\n",
    )
    .expect("write config.toml");
    let today = NaiveDate::parse_from_str(NOV_2026, "%Y-%m-%d").unwrap();
    let due = (today + chrono::Duration::days(20))
        .format("%d/%m/%Y")
        .to_string();
    let reason = "Chờ hướng dẫn";
    run(
        dir.path(),
        NOV_2026,
        &["set", "1.a.1", "--due", &due, "--reason", reason],
    )
    .ok();

    let config_dir = |d: &TempDir| d.path().to_str().expect("UTF-8 path").to_string();
    let (with, without) = (config_dir(&config), config_dir(&no_config));
    let default = risks_json(dir.path(), NOV_2026, &[("CCHC_CONFIG_DIR", &without)], &[]);
    assert!(
        !risk_rules(&default, "1.a.1").contains(&"due_soon".to_string()),
        "{:?}",
        risk_item(&default, "1.a.1")
    );
    let wider = risks_json(dir.path(), NOV_2026, &[("CCHC_CONFIG_DIR", &with)], &[]);
    assert!(
        risk_rules(&wider, "1.a.1").contains(&"due_soon".to_string()),
        "{:?}",
        risk_item(&wider, "1.a.1")
    );
    let item = risk_item(&wider, "1.a.1").expect("1.a.1 flagged");
    let reason = item["reasons"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["rule"] == "due_soon"))
        .expect("the due-soon reason");
    assert_eq!(reason["text"], "còn 20 ngày đến hạn");
    assert_eq!(reason["detail"]["days_left"], 20);
}

// ------------------------------------------------------ one bad record bricks nothing

/// A record no edit could make (an occurrence of year 99999, as an older
/// build let an import write) is set aside with a warning naming it; every
/// command still works, and a backup never copies it.
#[test]
fn a_bad_record_is_set_aside_and_everything_else_opens() {
    let dir = store();
    run(dir.path(), NOV_2026, &["set", "1.a.1", "--progress", "20"]).ok();
    {
        let bundled = cchc::domain::Catalog::bundled().expect("the bundled catalog");
        let mut store =
            cchc::store::SledStore::open(dir.path(), &bundled, "test").expect("open the store");
        let bad = cchc::domain::TaskKey {
            task: "0.3".into(),
            occurrence: cchc::domain::Occurrence::Year(99999),
        };
        let commit = cchc::store::Commit {
            tasks: vec![(bad, cchc::domain::TaskState::default())],
            ..Default::default()
        };
        cchc::store::Store::commit(&mut store, commit).expect("written below the checks");
    }
    let list = run(dir.path(), NOV_2026, &["list"]);
    assert_eq!(list.code, Some(0), "{list:#?}");
    assert!(list.err.contains("99999"), "names the record: {list:#?}");
    let set = run(dir.path(), NOV_2026, &["set", "1.a.1", "--progress", "30"]);
    assert_eq!(set.code, Some(0), "{set:#?}");
    let backup = run(dir.path(), NOV_2026, &["backup"]);
    assert_eq!(backup.code, Some(0), "{backup:#?}");
    let newest = cchc::store::backup::newest(dir.path()).expect("a backup");
    let text = std::fs::read_to_string(newest).expect("read the backup");
    assert!(text.contains("1.a.1"), "the good record is backed up");
    assert!(!text.contains("99999"), "the bad record is not");
}

/// History and meeting numbers in an imported file are the store's to give:
/// a file numbering its history from 2^64-1 and a meeting 2^32-1 is imported
/// numbered from 1, and what is written next follows on without overwriting.
#[test]
fn imported_numbers_are_given_by_the_store() {
    let dir = store();
    let source = dir.path().join("source");
    run(&source, NOV_2026, &["set", "1.a.1", "--progress", "20"]).ok();
    run(&source, NOV_2026, &["set", "1.a.1", "--note", "họp"]).ok();
    run(
        &source,
        NOV_2026,
        &["meeting", "new", "--title", "Giao ban"],
    )
    .ok();
    let mut dump = run(&source, NOV_2026, &["export"]).ok().json();
    let entries = dump["history"].as_array_mut().expect("history");
    let count = entries.len() as u64;
    for (entry, i) in entries.iter_mut().zip(0..) {
        entry["seq"] = (u64::MAX - count + 1 + i).into();
    }
    dump["meetings"][0][0] = u32::MAX.into();
    let file = dir.path().join("numbers.json");
    std::fs::write(&file, dump.to_string()).expect("write");
    let target = dir.path().join("target");
    run(
        &target,
        NOV_2026,
        &["import", file.to_str().expect("utf-8")],
    )
    .ok();
    run(&target, NOV_2026, &["set", "1.a.1", "--progress", "50"]).ok();
    run(&target, NOV_2026, &["meeting", "new", "--title", "Sơ kết"]).ok();
    let seqs: Vec<u64> = history(&target, NOV_2026)
        .as_array()
        .expect("history")
        .iter()
        .map(|e| e["seq"].as_u64().expect("a seq"))
        .collect();
    let mut sorted = seqs.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (1..=count + 2).collect::<Vec<_>>(), "{seqs:?}");
    let exported = run(&target, NOV_2026, &["export"]).ok().json();
    let ids: Vec<u64> = exported["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .map(|m| m[0].as_u64().expect("an id"))
        .collect();
    assert_eq!(ids, [1, 2], "both meetings kept");
}

/// Commands run at once with no owner wait for each other, as the README
/// says: none fails on sled's own lock while another is closing.
#[test]
fn parallel_commands_without_an_owner_wait_for_each_other() {
    let dir = store();
    run(dir.path(), NOV_2026, &["list"]).ok();
    let failures: Vec<Run> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|w| {
                let path = dir.path();
                scope.spawn(move || {
                    (0..40)
                        .map(|i| {
                            let note = format!("w{w} n{i}");
                            run(path, NOV_2026, &["set", "1.a.1", "--note", &note])
                        })
                        .filter(|r| r.code != Some(0))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a worker"))
            .collect()
    });
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A history entry that cannot be read is left out of what is shown and
/// named, like any other record; the rest of the history reads, and a backup
/// of it imports into a new store.
#[test]
fn an_unreadable_history_entry_is_named_and_the_rest_reads() {
    let dir = store();
    for progress in ["10", "20", "30"] {
        run(
            dir.path(),
            NOV_2026,
            &["set", "1.a.1", "--progress", progress],
        )
        .ok();
    }
    {
        let db = support::raw_sled(dir.path());
        let mut key = b"history/".to_vec();
        key.extend_from_slice(&2u64.to_be_bytes());
        db.insert(key, &[2u8, 0, 0xff, 0xff][..])
            .expect("damage one entry");
        db.flush().expect("flush");
    }
    let log = run(dir.path(), NOV_2026, &["log", "--format", "json"]);
    assert_eq!(log.code, Some(0), "{log:#?}");
    assert!(log.err.contains("history/2"), "names the entry: {log:#?}");
    let seqs: Vec<u64> = serde_json::from_str::<Value>(&log.out)
        .expect("JSON")
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["seq"].as_u64().expect("a seq"))
        .collect();
    assert!(!seqs.contains(&2) && seqs.contains(&3), "{seqs:?}");
    let backup = run(dir.path(), NOV_2026, &["backup"]);
    assert_eq!(backup.code, Some(0), "{backup:#?}");
    let newest = cchc::store::backup::newest(dir.path()).expect("a backup");
    let target = dir.path().join("restored");
    run(
        &target,
        NOV_2026,
        &["import", newest.to_str().expect("utf-8")],
    )
    .ok();
}

/// With `CCHC_TODAY` set, an edit is stamped on that day, so a period can be
/// rehearsed whole: "since the last meeting" then counts it.
#[test]
fn a_rehearsal_day_stamps_the_history() {
    let dir = store();
    run(
        dir.path(),
        "2027-03-10",
        &["set", "0.8", "--progress", "30"],
    )
    .ok();
    let log = history(dir.path(), "2027-03-10");
    let at = log[0]["at"].as_str().unwrap_or_default().to_string();
    assert!(at.starts_with("2027-03-10T"), "{log:#}");
}

/// `cchc show` says where a deadline comes from, in the plan's own words, or
/// that the plan sets none; and lists every occurrence of recurring work.
#[test]
fn show_gives_each_deadline_its_source_and_every_occurrence() {
    let dir = store();
    let basis = |id: &str| {
        let shown = run(dir.path(), NOV_2026, &["show", id]);
        shown
            .ok()
            .out
            .lines()
            .find(|l| l.starts_with("Căn cứ thời hạn:"))
            .unwrap_or_else(|| panic!("a deadline source: {shown:#?}"))
            .to_string()
    };
    assert!(basis("3.d").contains("kế hoạch: “Giai đoạn 2026 - 2027”"));
    assert!(basis("1.a.1").contains("kế hoạch không đặt thời hạn"));
    assert!(basis("0.17").contains("lịch báo cáo định kỳ"));

    let shown = run(dir.path(), NOV_2026, &["show", "0.17"]);
    let out = &shown.ok().out;
    assert!(out.contains("Các kỳ:"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.contains("2026-Q2") && l.contains("quý II/2026") && l.contains("quá hạn")),
        "{out}"
    );
    let json = run(dir.path(), NOV_2026, &["show", "0.17", "--format", "json"])
        .ok()
        .json();
    let occurrences = json["occurrences"].as_array().expect("occurrences");
    assert_eq!(occurrences.len(), 19, "quarters from 2026-Q2 to 2030-Q4");
    assert_eq!(occurrences[0]["id"], "0.17@2026-Q2");
    assert_eq!(occurrences[0]["class"], "overdue");
}
