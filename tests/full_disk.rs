//! A full disk under a running owner: the edit that does not fit is refused
//! in words a clerk can act on, reading still works, and once space is freed
//! the same owner saves again by itself, without the refused edit ever
//! appearing. Needs a small tmpfs, so it runs as root (as CI does) and says
//! so when it cannot.

mod process;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use process::Output;

const TIMEOUT: Duration = Duration::from_secs(30);

/// A tmpfs of a few MiB, unmounted when dropped.
struct SmallDisk {
    mount: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(megabytes: u32) -> Option<SmallDisk> {
        let mount = tempfile::tempdir().expect("a mount point");
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(mount.path())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        status.success().then_some(SmallDisk { mount })
    }

    fn path(&self) -> &Path {
        self.mount.path()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.mount.path()).status();
    }
}

/// Fills the disk to the last byte with a file; returns its path.
fn fill(disk: &Path) -> PathBuf {
    let path = disk.join("fill");
    let mut file = std::fs::File::create(&path).expect("create the filler");
    let block = vec![0u8; 64 << 10];
    while file.write_all(&block).is_ok() {}
    let _ = file.write_all(&[0]);
    path
}

struct Owner(Child);

impl Drop for Owner {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_full_disk_refuses_clearly_and_the_owner_recovers_when_space_returns() {
    let Some(disk) = SmallDisk::mount(6) else {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    };
    let data = disk.path().join("store");
    let config = tempfile::tempdir().expect("a config folder");
    std::fs::write(
        config.path().join("config.toml"),
        "[share]\nidle_seconds = 30\n",
    )
    .expect("write config.toml");
    let run = |args: &[&str]| -> Output {
        process::output(process::command(&data, config.path()).args(args))
    };
    assert_eq!(run(&["list"]).code, Some(0));
    let owner = Owner(
        process::command(&data, config.path())
            .arg("serve")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the owner"),
    );
    let start = Instant::now();
    while !run(&["status"]).out.contains(&owner.0.id().to_string()) {
        assert!(start.elapsed() < TIMEOUT, "the owner never answered");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        run(&["set", "1.a.1", "--note", "trước khi đầy"]).code,
        Some(0)
    );

    let filler = fill(disk.path());
    let big = "x".repeat(3_900);
    let (first_refused, refused) = (0..200)
        .map(|i| {
            (
                i,
                run(&["set", "1.a.1", "--note", &format!("đầy {i} {big}")]),
            )
        })
        .find(|(_, out)| out.code != Some(0))
        .expect("a full disk refuses an edit at last");
    assert_eq!(refused.code, Some(3), "{refused:#?}");
    assert!(refused.err.contains("đã đầy"), "{refused:#?}");
    assert!(refused.err.contains("CHƯA được lưu"), "{refused:#?}");
    assert_eq!(run(&["list"]).code, Some(0), "reading works on a full disk");
    let still_full = run(&["set", "1.a.1", "--note", "vẫn đầy"]);
    assert_eq!(still_full.code, Some(3), "{still_full:#?}");

    std::fs::remove_file(filler).expect("free the space");
    for note in ["sau khi có chỗ", "lần nữa"] {
        let saved = run(&["set", "1.a.1", "--note", note]);
        assert_eq!(
            saved.code,
            Some(0),
            "the same owner saves again: {saved:#?}"
        );
    }
    drop(owner);
    let log = run(&["log", "1.a.1", "--format", "json"]);
    assert_eq!(log.code, Some(0), "the store opens: {log:#?}");
    assert!(log.out.contains("sau khi có chỗ") && log.out.contains("lần nữa"));
    assert!(!log.out.contains("vẫn đầy"), "a refused edit never appears");
    assert!(
        !log.out.contains(&format!("đầy {first_refused} ")),
        "nor the first one refused"
    );
}

/// An import that runs out of disk space is refused, and the store is the
/// one it was, usable as soon as space is freed; the same import then goes in.
#[test]
fn an_import_that_fills_the_disk_leaves_the_old_store() {
    let Some(disk) = SmallDisk::mount(24) else {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    };
    let data = disk.path().join("store");
    let config = tempfile::tempdir().expect("a config folder");
    let run = |args: &[&str]| -> Output {
        process::output(process::command(&data, config.path()).args(args))
    };
    assert_eq!(run(&["list"]).code, Some(0));
    let before = run(&["export"]);
    assert_eq!(before.code, Some(0));

    let file = config.path().join("big.json");
    std::fs::write(&file, big_dump(&before.out)).expect("write the file to import");
    // Room for sled to open, not for the import's 2.3 MB of notes.
    let filler = fill(disk.path());
    let full = std::fs::metadata(&filler).expect("the filler").len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .and_then(|f| f.set_len(full.saturating_sub(3 << 19)))
        .expect("leave 1.5 MiB free");
    let refused = run(&["import", file.to_str().expect("utf-8")]);
    assert_eq!(refused.code, Some(3), "{refused:#?}");
    assert!(refused.err.contains("đã đầy"), "{refused:#?}");

    std::fs::remove_file(filler).expect("free the space");
    let after = run(&["export"]);
    assert_eq!(after.code, Some(0), "the store opens: {after:#?}");
    assert_eq!(after.out, before.out, "and is the one it was");
    let imported = run(&["import", file.to_str().expect("utf-8")]);
    assert_eq!(imported.code, Some(0), "{imported:#?}");
}

/// The store exported in `json`, with six hundred long notes on one task.
fn big_dump(json: &str) -> String {
    let mut dump: cchc::store::Dump = serde_json::from_str(json).expect("an export");
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-20T09:00:00+07:00").expect("a time");
    let notes = (0..600)
        .map(|i| cchc::domain::Note {
            at,
            who: "thuy".into(),
            text: format!("{i} {}", "x".repeat(3_900)),
        })
        .collect();
    let state = cchc::domain::TaskState {
        notes,
        ..Default::default()
    };
    dump.tasks = vec![(cchc::domain::TaskKey::single("1.a.1"), state)];
    serde_json::to_string(&dump).expect("JSON")
}

/// A report written as it is made, part by part, that runs out of space:
/// refused in words, no file nor piece of one left; written whole once there
/// is room.
#[test]
fn a_report_that_does_not_fit_leaves_no_file() {
    let Some(disk) = SmallDisk::mount(1) else {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    };
    let data = tempfile::tempdir().expect("a store folder");
    let config = tempfile::tempdir().expect("a config folder");
    let target = disk.path().join("bao-cao.docx");
    let report = || {
        process::output(
            process::command(data.path(), config.path())
                .args(["report", "--period", "2027", "--format", "docx", "--out"])
                .arg(&target),
        )
    };
    let filler = fill(disk.path());
    let refused = report();
    assert!(
        !matches!(refused.code, Some(0) | Some(101) | None),
        "{refused:#?}"
    );
    assert!(refused.err.contains("bao-cao.docx"), "{refused:#?}");
    assert!(
        refused.err.starts_with("Lỗi:") && refused.err.trim_end().lines().count() == 1,
        "one message, nothing printed over it: {refused:#?}"
    );
    let left: Vec<_> = std::fs::read_dir(disk.path())
        .expect("read the disk")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("fill")], "nothing left");

    std::fs::remove_file(filler).expect("free the space");
    let written = report();
    assert_eq!(written.code, Some(0), "{written:#?}");
    let bytes = std::fs::read(&target).expect("the report");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a whole zip");
    assert!(zip.by_name("word/document.xml").is_ok());
}
