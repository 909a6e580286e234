//! The office's own work, run as a clerk would from the command line: tasks
//! added beyond the plan, the officer in charge, notes corrected, all of it
//! on every surface and carried by export and import.

mod process;

use process::Output;
use serde_json::Value;

const MARCH_2027: &str = "2027-03-10";
const TITLE: &str = "Xây dựng Kế hoạch CCHC năm 2027 của UBND xã";
const SOURCE: &str = "Công văn số 15/UBND ngày 05/01/2027";

struct Office {
    data: tempfile::TempDir,
    config: tempfile::TempDir,
}

impl Office {
    fn new() -> Office {
        Office {
            data: tempfile::tempdir().expect("a data folder"),
            config: tempfile::tempdir().expect("a config folder"),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        process::output(
            process::command(self.data.path(), self.config.path())
                .env("CCHC_TODAY", MARCH_2027)
                .args(args),
        )
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(output.code, Some(0), "{args:?}: {output:#?}");
        output.out
    }

    /// Refused with exit 2 and a message in Vietnamese; nothing written.
    fn refused(&self, args: &[&str]) -> String {
        let before = self.ok(&["export"]);
        let output = self.run(args);
        assert_eq!(output.code, Some(2), "{args:?}: {output:#?}");
        assert_eq!(self.ok(&["export"]), before, "{args:?} wrote something");
        output.err
    }

    /// The period's report as Markdown.
    fn report(&self, period: &str) -> String {
        let file = self.data.path().join(format!("{period}.md"));
        let path = file.to_str().expect("a path");
        self.ok(&[
            "report", "--period", period, "--format", "md", "--out", path, "--force",
        ]);
        std::fs::read_to_string(&file).expect("the report")
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("JSON")
    }

    fn add_plan_task(&self) {
        self.ok(&[
            "task",
            "add",
            "--title",
            TITLE,
            "--area",
            "0",
            "--lead",
            "vp",
            "--with",
            "VHXH,KT",
            "--due",
            "31/01/2027",
            "--source",
            SOURCE,
        ]);
    }
}

fn ids(listed: &Value) -> Vec<String> {
    listed
        .as_array()
        .expect("a list")
        .iter()
        .map(|t| t["task"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn an_added_task_is_on_every_surface_with_the_document_that_assigned_it() {
    let office = Office::new();
    office.add_plan_task();
    let listed = office.json(&["list", "--format", "json"]);
    assert!(ids(&listed).contains(&"BS-1".to_string()));
    let shown = office.ok(&["show", "BS-1"]);
    assert!(shown.contains(SOURCE), "{shown}");
    assert!(shown.contains("nhiệm vụ bổ sung"), "{shown}");
    // Due 31/01/2027, not done on 10/03/2027: overdue, in risks and report.
    let overdue = office.json(&["list", "--overdue", "--format", "json"]);
    assert!(ids(&overdue).contains(&"BS-1".to_string()));
    let risks = office.ok(&["risks", "--format", "json"]);
    assert!(risks.contains("BS-1"), "{risks}");
    let report = office.report("2027-Q1");
    assert!(report.contains("BS-1"), "{report}");
    // The same task again adds nothing; another gets the next id.
    office.add_plan_task();
    office.ok(&[
        "task",
        "add",
        "--title",
        "Tập huấn CCHC cho cán bộ",
        "--area",
        "4",
        "--lead",
        "Văn phòng HĐND và UBND",
        "--cadence",
        "yearly",
    ]);
    // Yearly work added in 2027 owes nothing for 2026: one row each.
    let listed = ids(&office.json(&["list", "--format", "json"]));
    assert_eq!(listed.iter().filter(|id| id.starts_with("BS-")).count(), 2);
    assert!(listed.contains(&"BS-2".to_string()), "{listed:?}");
}

#[test]
fn what_the_plan_would_not_accept_is_refused_and_nothing_is_written() {
    let office = Office::new();
    office.add_plan_task();
    let cases: [(&[&str], &str); 7] = [
        (
            &["task", "add", "--title", "X", "--area", "9", "--lead", "VP"],
            "lĩnh vực",
        ),
        (
            &[
                "task",
                "add",
                "--title",
                "X",
                "--area",
                "1",
                "--lead",
                "Phòng Tư pháp",
            ],
            "Các đơn vị",
        ),
        (
            &[
                "task",
                "add",
                "--title",
                "X",
                "--area",
                "1",
                "--lead",
                "VP",
                "--due",
                "01/01/2031",
            ],
            "2026–2030",
        ),
        (
            &[
                "task",
                "add",
                "--title",
                "a\u{1b}[2Jb",
                "--area",
                "1",
                "--lead",
                "VP",
            ],
            "ký tự điều khiển",
        ),
        (&["task", "add", "--title", "X", "--area", "1"], "--lead"),
        (&["task", "edit", "1.a.1", "--title", "X"], "thuộc kế hoạch"),
        (
            &["task", "retire", "1.a.1", "--reason", "x"],
            "thuộc kế hoạch",
        ),
    ];
    for (args, expected) in cases {
        let message = office.refused(args);
        assert!(message.contains(expected), "{args:?}: {message}");
    }
}

#[test]
fn an_edit_and_a_retirement_are_in_the_history_and_a_retired_task_leaves_the_views() {
    let office = Office::new();
    office.add_plan_task();
    office.ok(&[
        "task",
        "edit",
        "bs-1",
        "--due",
        "28/02/2027",
        "--lead",
        "VHXH",
    ]);
    let shown = office.ok(&["show", "BS-1"]);
    assert!(
        shown.contains("28/02/2027") && shown.contains("VHXH"),
        "{shown}"
    );
    office.ok(&["task", "retire", "BS-1", "--reason", "Gộp vào nhiệm vụ 0.1"]);
    assert!(!ids(&office.json(&["list", "--format", "json"])).contains(&"BS-1".to_string()));
    let log = office.ok(&["log"]);
    for expected in [TITLE, "31/01/2027 → 28/02/2027", "Gộp vào nhiệm vụ 0.1"] {
        assert!(log.contains(expected), "{expected}: {log}");
    }
    let message = office.refused(&["task", "edit", "BS-1", "--title", "Y"]);
    assert!(message.contains("thôi theo dõi"), "{message}");
    // Its id is never given again.
    office.ok(&[
        "task",
        "add",
        "--title",
        "Việc khác",
        "--area",
        "1",
        "--lead",
        "VP",
    ]);
    assert!(ids(&office.json(&["list", "--format", "json"])).contains(&"BS-2".to_string()));
}

#[test]
fn the_officer_in_charge_is_set_found_without_accents_and_in_the_report() {
    let office = Office::new();
    office.ok(&["set", "1.a.1", "--assignee", "Nguyễn Thị Lan"]);
    let mine = ids(&office.json(&["list", "--assignee", "nguyen thi LAN", "--format", "json"]));
    assert_eq!(mine, ["1.a.1"]);
    let shown = office.json(&["show", "1.a.1", "--format", "json"]);
    assert_eq!(shown["assignee"], "Nguyễn Thị Lan");
    let found = office.json(&["list", "--search", "nguyen thi lan", "--format", "json"]);
    assert_eq!(ids(&found), ["1.a.1"]);
    assert_eq!(found[0]["matched"], "officer");
    let report = office.report("2026");
    assert!(report.contains("Nguyễn Thị Lan"), "{report}");
    office.ok(&["set", "1.a.1", "--assignee", ""]);
    assert!(ids(&office.json(&["list", "--assignee", "lan", "--format", "json"])).is_empty());
    let log = office.ok(&["log", "1.a.1"]);
    assert!(
        log.contains("cán bộ thực hiện: Nguyễn Thị Lan → —"),
        "{log}"
    );
}

#[test]
fn a_corrected_note_leaves_the_views_and_the_history_keeps_both() {
    let office = Office::new();
    std::fs::write(
        office.config.path().join("config.toml"),
        "name = \"Trần Văn Hùng\"\n",
    )
    .expect("a config file");
    office.ok(&["set", "1.a.1", "--note", "Đã ban hanh ke hoach"]);
    office.ok(&[
        "note",
        "correct",
        "1.a.1",
        "1",
        "Đã ban hành Kế hoạch số 05/KH-UBND",
    ]);
    let shown = office.ok(&["show", "1.a.1"]);
    assert!(
        shown.contains("2. ") && shown.contains("Kế hoạch số 05/KH-UBND"),
        "{shown}"
    );
    let notes = &office.json(&["show", "1.a.1", "--format", "json"])["notes"];
    assert_eq!(notes.as_array().map(Vec::len), Some(1), "{notes}");
    let log = office.ok(&["log", "1.a.1"]);
    assert!(log.contains("rút lại: Đã ban hanh ke hoach → —"), "{log}");
    assert!(
        log.contains("Trần Văn Hùng ("),
        "the person's name beside the account: {log}"
    );
    let message = office.refused(&["note", "withdraw", "1.a.1", "1", "--reason", "x"]);
    assert!(message.contains("đã rút lại"), "{message}");
    office.refused(&["note", "withdraw", "1.a.1", "0", "--reason", "x"]);
}

#[test]
fn export_and_import_carry_office_tasks_officers_and_withdrawals() {
    let office = Office::new();
    office.add_plan_task();
    office.ok(&[
        "set",
        "BS-1",
        "--assignee",
        "Nguyễn Thị Lan",
        "--note",
        "nháp",
    ]);
    office.ok(&["note", "withdraw", "BS-1", "1", "--reason", "gõ nhầm"]);
    let file = office.data.path().join("export.json");
    office.ok(&["export", "--output", file.to_str().expect("a path")]);
    let copy = Office::new();
    copy.ok(&["import", file.to_str().expect("a path")]);
    for args in [
        &["show", "BS-1", "--format", "json"][..],
        &["list", "--format", "json"],
        &["log"],
    ] {
        assert_eq!(copy.ok(args), office.ok(args), "{args:?}");
    }
}

#[test]
fn a_yearly_plan_from_a_spreadsheet_is_on_the_board_in_risks_and_in_the_report() {
    let office = Office::new();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let bad = format!("{fixtures}/ke-hoach-cchc-2027.xlsx");
    let good = format!("{fixtures}/ke-hoach-cchc-2027-sua.xlsx");
    let message = office.refused(&["task", "import", &bad, "--dry-run"]);
    assert!(message.contains("Dòng 7"), "{message}");
    let plan = "Kế hoạch số 12/KH-UBND ngày 15/01/2027";
    office.ok(&["task", "import", &good, "--source", plan]);
    let added: Vec<String> = ids(&office.json(&["list", "--format", "json"]))
        .into_iter()
        .filter(|id| id.starts_with("BS-"))
        .collect();
    assert_eq!(added.len(), 20, "{added:?}");
    assert!(office.ok(&["show", "BS-1"]).contains(plan));
    office.ok(&["set", "BS-1", "--assignee", "Nguyễn Thị Lan"]);
    // BS-1 is due 28/02/2027: overdue on 10/03/2027.
    assert!(
        office
            .ok(&["risks", "--format", "json"])
            .contains("\"BS-1\"")
    );
    let report = office.report("2027-Q1");
    assert!(
        report.contains("BS-1") && report.contains("Nguyễn Thị Lan"),
        "{report}"
    );
    office.ok(&["task", "import", &good]);
    let again = ids(&office.json(&["list", "--format", "json"]));
    assert_eq!(again.iter().filter(|id| id.starts_with("BS-")).count(), 20);
}

#[test]
fn a_parent_that_would_make_a_loop_is_refused_on_every_way_in() {
    let office = Office::new();
    office.ok(&[
        "task", "add", "--title", "Cha", "--area", "2", "--lead", "VP",
    ]);
    office.ok(&[
        "task", "add", "--title", "Con", "--area", "2", "--lead", "VP", "--parent", "bs-1",
    ]);
    let message = office.refused(&["task", "edit", "BS-1", "--parent", "BS-2"]);
    assert!(message.contains("việc con"), "{message}");
    // A file whose tasks are each other's parents is refused whole.
    let mut export = office.json(&["export"]);
    let first = &mut export["office_tasks"][0];
    assert_eq!(first[0], "BS-1");
    first[1]["def"]["parent"] = "BS-2".into();
    let file = office.data.path().join("looped.json");
    std::fs::write(&file, export.to_string()).expect("a file");
    let copy = Office::new();
    let message = copy.refused(&["import", file.to_str().expect("a path")]);
    assert!(message.contains("BS-"), "{message}");
}
