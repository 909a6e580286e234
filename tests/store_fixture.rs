//! A store written by the last build of schema 4, before the office's own
//! tasks, officers and withdrawals: it opens with everything it had, and
//! takes new edits. Made with `scripts/make-store-fixture.sh` and that
//! build's `cchc`, whose `export` of it is kept beside it.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use cchc::store::{Dump, SCHEMA_VERSION};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store-schema-4");
const EXPORTED_THEN: &str = include_str!("fixtures/store-schema-4.export.json");

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("the fixture") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cchc"))
        .env("CCHC_DATA", dir)
        .env("CCHC_TODAY", "2027-03-12")
        .env_remove("CCHC_LANG")
        .env_remove("CCHC_CONFIG_DIR")
        .stdin(Stdio::null())
        .args(args)
        .output()
        .expect("run cchc")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let output = run(dir, args);
    assert!(output.status.success(), "{args:?}: {output:#?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn dump(json: &str) -> Dump {
    serde_json::from_str(json).expect("an export")
}

#[test]
fn a_schema_4_store_opens_with_everything_it_had_and_takes_new_edits() {
    let temp = tempfile::tempdir().expect("a temp folder");
    let dir = temp.path().join("store");
    copy_dir(Path::new(FIXTURE), &dir);

    let then = dump(EXPORTED_THEN);
    assert_eq!(then.schema_version, 4);
    assert!(!then.history.is_empty() && !then.tasks.is_empty());
    let now = dump(&ok(&dir, &["export"]));
    assert_eq!(now.schema_version, SCHEMA_VERSION);
    assert_eq!(
        Dump {
            schema_version: then.schema_version,
            ..now
        },
        then,
        "every record of the old store, read by this build"
    );

    ok(&dir, &["set", "1.a.1", "--assignee", "Nguyễn Thị Lan"]);
    ok(
        &dir,
        &["note", "withdraw", "1.a.1", "2", "--reason", "Ghi nhầm"],
    );
    let shown = ok(&dir, &["show", "1.a.1"]);
    for expected in [
        "Nguyễn Thị Lan",
        "1. ",
        "Đã rà soát 12 văn bản",
        "123/QĐ-UBND",
    ] {
        assert!(shown.contains(expected), "{expected}: {shown}");
    }
    let notes = shown
        .split("Ghi chú:")
        .nth(1)
        .and_then(|rest| rest.split("Tài liệu kiểm chứng:").next())
        .expect("the notes");
    assert!(!notes.contains("Chờ ý kiến"), "withdrawn: {notes}");
    let log = ok(&dir, &["log", "1.a.1"]);
    assert!(
        log.contains("rút lại: Chờ ý kiến của Phòng Kinh tế"),
        "{log}"
    );
}
