//! Files, arguments and stored text that someone else chose: a link planted
//! where cchc writes, a folder readable by others, bytes that are not UTF-8,
//! `--read-only` asked to write, and escapes stored in every text field.

mod process;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use cchc::domain::{
    Catalog, Evidence, Field, HistoryEntry, Meeting, Note, Occurrence, Status, Subject, TaskKey,
    TaskState, Value,
};
use cchc::store::{Commit, SledStore, Store};
use chrono::{DateTime, NaiveDate};
use process::{Output, command, output};

fn run(data: &Path, args: &[&str]) -> Output {
    let config = data.join("config");
    output(command(data, &config).args(args))
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().mode() & 0o7777
}

#[test]
fn a_link_planted_at_the_lock_file_is_refused_and_what_it_points_at_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert_eq!(run(&data, &["list"]).code, Some(0));
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "a file of the person whose store this is").unwrap();
    fs::remove_file(data.join("cchc.lock")).unwrap();
    std::os::unix::fs::symlink(&victim, data.join("cchc.lock")).unwrap();
    let refused = run(&data, &["list"]);
    assert_eq!(refused.code, Some(3), "{refused:#?}");
    assert!(refused.err.contains("cchc.lock"), "{refused:#?}");
    assert_eq!(
        fs::read_to_string(&victim).unwrap(),
        "a file of the person whose store this is"
    );
}

#[test]
fn a_folder_that_existed_open_to_everyone_becomes_private_with_its_backups() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
    let set = run(&data, &["set", "1.a.1", "--progress", "10"]);
    assert_eq!(set.code, Some(0), "{set:#?}");
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("backups")), 0o700);
    let backups: Vec<_> = fs::read_dir(data.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!backups.is_empty());
    for backup in backups {
        assert_eq!(mode(&backup), 0o600, "{}", backup.display());
    }
    assert_eq!(mode(&data.join("cchc.lock")), 0o600);
}

#[test]
fn a_store_whose_records_are_gone_is_not_seeded_afresh_over_its_backups() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert_eq!(
        run(&data, &["set", "1.a.1", "--progress", "10"]).code,
        Some(0)
    );
    fs::remove_dir_all(data.join("sled")).unwrap();
    for entry in fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().contains("seeded"))
        {
            fs::remove_file(path).unwrap();
        }
    }
    let refused = run(&data, &["list"]);
    assert_eq!(refused.code, Some(3), "{refused:#?}");
    assert!(refused.err.contains("backups"), "{refused:#?}");
}

#[test]
fn arguments_that_are_not_utf8_are_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let config = data.join("config");
    let cases: [&[&[u8]]; 3] = [
        &[b"set", b"1.a.1", b"--note", b"\xff\xfe"],
        &[b"show", b"\xff"],
        &[b"--data-dir", b"/tmp/caf\xe9", b"list"],
    ];
    for args in cases {
        let args: Vec<&OsStr> = args.iter().map(|a| OsStr::from_bytes(a)).collect();
        let refused = output(command(&data, &config).args(&args));
        assert_eq!(refused.code, Some(2), "{args:?}: {refused:#?}");
        assert!(refused.err.contains("UTF-8"), "{refused:#?}");
    }
}

#[test]
fn read_only_refuses_every_command_that_writes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let export = dir.path().join("export.json");
    let exported = run(&data, &["export", "-o", export.to_str().unwrap()]);
    assert_eq!(exported.code, Some(0), "{exported:#?}");
    let before = run(&data, &["log", "--format", "tsv"]).out;
    let writes: [&[&str]; 7] = [
        &["set", "1.a.1", "--progress", "50"],
        &["target", "set", "T01", "5"],
        &[
            "evidence",
            "add",
            "1.a.1",
            "--doc",
            "1/QĐ",
            "--date",
            "01/11/2026",
            "--title",
            "x",
        ],
        &["meeting", "new", "--date", "26/11/2026"],
        &["import", export.to_str().unwrap()],
        &["catalog", "sync"],
        &["backup"],
    ];
    for args in writes {
        let mut all = vec!["--read-only"];
        all.extend_from_slice(args);
        let refused = run(&data, &all);
        assert_eq!(refused.code, Some(2), "{args:?}: {refused:#?}");
    }
    assert_eq!(run(&data, &["log", "--format", "tsv"]).out, before);
    assert!(!data.join("backups").exists());
}

/// Text that would retitle and clear a terminal, reorder a line, or start a
/// control sequence in one byte (C1), in one string.
const HOSTILE: &str = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}\u{9b}31m\r";

fn poisoned_catalog() -> Catalog {
    let mut catalog = Catalog::bundled().unwrap();
    let poison = |text: &mut String| text.push_str(HOSTILE);
    poison(&mut catalog.plan.title);
    for unit in &mut catalog.units {
        poison(&mut unit.name);
        poison(&mut unit.name_en);
    }
    for area in &mut catalog.areas {
        poison(&mut area.name);
        poison(&mut area.name_en);
        poison(&mut area.plan_ref);
    }
    for task in &mut catalog.tasks {
        poison(&mut task.title);
        poison(&mut task.short);
        poison(&mut task.plan_ref);
    }
    for target in &mut catalog.targets {
        poison(&mut target.title);
        poison(&mut target.short);
        poison(&mut target.unit);
    }
    catalog
}

fn plant_hostile_text(data: &Path) {
    let at = DateTime::parse_from_rfc3339("2026-11-20T09:00:00+07:00").unwrap();
    let key = TaskKey {
        task: "1.a.1".into(),
        occurrence: Occurrence::Single,
    };
    let state = TaskState {
        status: Status::InProgress,
        progress: 40,
        notes: vec![Note {
            at,
            who: format!("thuy{HOSTILE}"),
            text: format!("note{HOSTILE}"),
        }],
        evidence: vec![Evidence {
            number: format!("1/QĐ{HOSTILE}"),
            issued_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            summary: format!("summary{HOSTILE}"),
            link: Some(format!("http://x/{HOSTILE}")),
        }],
        updated_at: Some(at),
        ..TaskState::default()
    };
    let entry = HistoryEntry {
        seq: 0,
        at,
        who: format!("thuy{HOSTILE}"),
        subject: Subject::Task(key.clone()),
        field: Field::Note,
        old: Value::None,
        new: Value::Text(format!("note{HOSTILE}")),
        reason: Some(format!("why{HOSTILE}")),
    };
    let mut store = SledStore::open(data, &poisoned_catalog(), "test").unwrap();
    store
        .commit(Commit {
            tasks: vec![(key, state)],
            meetings: vec![(
                1,
                Meeting {
                    date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
                    title: format!("meeting{HOSTILE}"),
                    at,
                    who: format!("thuy{HOSTILE}"),
                },
            )],
            history: vec![entry],
            ..Commit::default()
        })
        .unwrap();
}

fn assert_terminal_safe(args: &[&str], text: &str) {
    for (i, c) in text.chars().enumerate() {
        let unsafe_char = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(
            !unsafe_char,
            "`cchc {}` printed {c:?} at character {i}:\n{text}",
            args.join(" ")
        );
    }
}

#[test]
fn escapes_stored_in_every_text_field_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    plant_hostile_text(&data);
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--format", "tsv"],
        &["list", "--format", "json"],
        &["show", "1.a.1"],
        &["show", "1.a.1", "--format", "json"],
        &["log"],
        &["log", "--format", "tsv"],
        &["log", "--format", "json"],
        &["targets"],
        &["targets", "--format", "tsv"],
        &["targets", "--format", "json"],
        &["risks"],
        &["risks", "--format", "tsv"],
        &["risks", "--format", "json"],
        &["meeting", "list"],
        &["export"],
        &["status"],
        &["config"],
        &["show", HOSTILE],
        &["set", HOSTILE, "--progress", "5"],
        &["list", "--unit", HOSTILE],
        &["list", "--area", HOSTILE],
        &[HOSTILE],
    ];
    let mut shown = 0;
    for args in commands {
        let run = run(&data, args);
        assert_terminal_safe(args, &run.out);
        assert_terminal_safe(args, &run.err);
        assert!(!run.err.contains("panicked"), "{args:?}: {run:#?}");
        shown += usize::from(run.out.contains("pwned"));
    }
    // The planted text is there to be shown, made harmless, not left out.
    assert!(
        shown >= 10,
        "the hostile text was shown by {shown} commands only"
    );
}

/// Words a command line is made of, so that random arguments reach past the
/// parser into the commands; mixed with arbitrary bytes.
const WORDS: &[&str] = &[
    "list",
    "show",
    "set",
    "log",
    "targets",
    "target",
    "evidence",
    "add",
    "export",
    "import",
    "catalog",
    "sync",
    "backup",
    "config",
    "risks",
    "meeting",
    "new",
    "status",
    "--format",
    "json",
    "tsv",
    "--progress",
    "--status",
    "--note",
    "--due",
    "--reason",
    "--period",
    "--unit",
    "--area",
    "--lang",
    "en",
    "vi",
    "--read-only",
    "1.a.1",
    "0.3@2026",
    "T01",
    "--date",
    "31/02/2026",
    "99999",
    "-1",
    "--overdue",
    "--doc",
    "--title",
    "done",
    "triage",
    "present",
    "--help",
];

fn argument() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
    use proptest::prelude::*;
    prop_oneof![
        3 => proptest::sample::select(WORDS).prop_map(|w| w.as_bytes().to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 0..12)
            .prop_map(|mut bytes| { bytes.retain(|&b| b != 0); bytes }),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Whatever the arguments, the program ends with 0 (done), 2 (bad
    /// input) or 3 (the store), never a panic (101) or a signal.
    #[test]
    fn any_arguments_end_in_0_2_or_3(args in proptest::collection::vec(argument(), 0..6)) {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let config = dir.path().join("config");
        let args: Vec<&OsStr> = args.iter().map(|a| OsStr::from_bytes(a)).collect();
        let ran = command(&data, &config)
            .args(&args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let code = ran.status.code();
        proptest::prop_assert!(
            matches!(code, Some(0 | 2 | 3)),
            "{args:?} ended with {code:?}: {}",
            String::from_utf8_lossy(&ran.stderr)
        );
    }
}
