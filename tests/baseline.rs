//! A target's baseline: none unless the plan gives one or the office enters
//! one with its source (`cchc target baseline`), and the path to the goal is
//! then judged from it on every surface.

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use cchc::domain::{Measurement, TargetState};
use cchc::store::codec;
use cchc::store::{SCHEMA_VERSION, SledStore, Store};
use serde::Serialize;
use serde_json::Value;

const JUNE_2027: &str = "2027-06-20";
const SOURCE: &str = "Báo cáo CCHC năm 2025 của UBND xã";

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cchc"))
        .env("CCHC_DATA", dir)
        .env("CCHC_TODAY", JUNE_2027)
        .env_remove("CCHC_LANG")
        .env_remove("SSH_CONNECTION")
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

fn target_json(dir: &Path, id: &str) -> Value {
    let all: Value = serde_json::from_str(&ok(dir, &["targets", "--format", "json"])).unwrap();
    all.as_array()
        .and_then(|targets| targets.iter().find(|t| t["id"] == id))
        .cloned()
        .unwrap_or_else(|| panic!("{id} in `cchc targets`"))
}

#[test]
fn a_baseline_the_office_enters_judges_the_path_and_is_logged_with_its_source() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    ok(dir, &["target", "set", "T04", "45", "--date", "14/06/2027"]);
    // One result and no baseline: no path to judge by.
    assert_eq!(target_json(dir, "T04")["verdict"], "not_met");
    assert_eq!(target_json(dir, "T04")["baseline"], Value::Null);

    ok(
        dir,
        &["target", "baseline", "T04", "40", "--source", SOURCE],
    );
    let t04 = target_json(dir, "T04");
    assert_eq!(t04["baseline"], 40.0);
    assert_eq!(t04["verdict"], "behind_path");
    let basis = t04["baseline_source"].as_str().unwrap();
    assert!(
        basis.contains(SOURCE) && basis.contains("văn phòng nhập"),
        "{basis}"
    );

    let log = ok(dir, &["log", "T04"]);
    assert!(
        log.contains("mốc ban đầu: — → 40 (nguồn: Báo cáo CCHC năm 2025"),
        "{log}"
    );
}

#[test]
fn a_baseline_without_its_source_or_out_of_range_is_refused_and_nothing_written() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    let refused = [
        vec!["target", "baseline", "T04", "40"],
        vec!["target", "baseline", "T04", "40", "--source", ""],
        vec!["target", "baseline", "T04", "140", "--source", SOURCE],
        vec!["target", "baseline", "T04", "40", "--source", "a\u{1b}[2Jb"],
        vec!["target", "baseline", "T01", "0", "--source", SOURCE],
        vec!["target", "baseline", "T99", "40", "--source", SOURCE],
    ];
    for args in refused {
        let output = run(dir, &args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:#?}");
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(!err.contains("panicked"), "{err}");
    }
    let qualitative = run(dir, &["target", "baseline", "T01", "0", "--source", SOURCE]);
    assert!(
        String::from_utf8_lossy(&qualitative.stderr).contains("định tính"),
        "{qualitative:#?}"
    );
    assert_eq!(target_json(dir, "T04")["baseline"], Value::Null);
    assert!(ok(dir, &["log"]).contains("Chưa có thay đổi nào"));
}

/// A target's state as schemas 1 to 3 stored it, before the baseline.
#[derive(Serialize)]
struct TargetStateV3 {
    measurements: Vec<Measurement>,
}

fn open_sled(dir: &Path) -> SledStore {
    let bundled = cchc::domain::Catalog::bundled().unwrap();
    SledStore::open(dir, &bundled, "baseline test").unwrap()
}

#[test]
fn a_target_state_of_schema_3_is_read_with_no_baseline() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path();
    ok(dir, &["target", "set", "T04", "45", "--date", "14/06/2027"]);
    let measurements = {
        let store = open_sled(dir);
        store.load().unwrap().targets["T04"].measurements.clone()
    };
    {
        let db = support::raw_sled(dir);
        let mut old = codec::encode(&TargetStateV3 {
            measurements: measurements.clone(),
        })
        .unwrap();
        old[..2].copy_from_slice(&3u16.to_le_bytes());
        db.insert(b"target/T04", old).unwrap();
        db.insert(b"meta/schema", &3u16.to_le_bytes()).unwrap();
        db.flush().unwrap();
    }
    let store = open_sled(dir);
    let snapshot = store.load().unwrap();
    assert!(snapshot.set_aside.is_empty(), "{:?}", snapshot.set_aside);
    assert_eq!(
        snapshot.targets["T04"],
        TargetState {
            measurements,
            baseline: None
        }
    );
    drop(store);
    assert_eq!(
        support::raw_sled(dir)
            .get(b"meta/schema")
            .unwrap()
            .as_deref(),
        Some(&SCHEMA_VERSION.to_le_bytes()[..])
    );
}
