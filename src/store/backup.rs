//! JSON backups beside the store, so that a store sled cannot reopen
//! (spacejam/sled#1533, #1527) can be rebuilt with `cchc import`.
//!
//! A backup is a file in [`backup_dir`] named exactly
//! `cchc-YYYYMMDD-HHMMSS.mmm.json` (the local time of writing, e.g.
//! `cchc-20261201-093005.123.json`), and only when that name parses back to
//! a real date and time. Any other file there (a user's notes, a stray
//! `cchc-zzz.json`, a folder) is never listed, counted, removed, or taken
//! into account by the [`Schedule`] or [`newest`].
//!
//! [`write`] creates a fresh temporary file under a name unique to the
//! process, fsyncs it, renames it into place and fsyncs the folder; then it
//! prunes by day, not by count: the newest backup of each of the last
//! [`DAILY_DAYS`] days (today included) and, before those days, the newest
//! backup of each calendar month, kept indefinitely. A backup dated after
//! the time of writing (the clock was moved) is always kept.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, Timelike};

/// Days, today included, for which the newest backup of each day is kept;
/// before them, the newest backup of each calendar month is kept.
pub const DAILY_DAYS: i64 = 14;

const NAME_PREFIX: &str = "cchc-";
const NAME_SUFFIX: &str = ".json";
/// The time in a backup's name, between [`NAME_PREFIX`] and [`NAME_SUFFIX`].
const NAME_TIME: &str = "%Y%m%d-%H%M%S%.3f";

pub fn backup_dir(store_dir: &Path) -> PathBuf {
    store_dir.join("backups")
}

/// A backup in the folder: where it is and the local time its name says.
#[derive(Debug)]
struct Backup {
    path: PathBuf,
    at: NaiveDateTime,
}

/// The name of the backup written at `at` (local time, to the millisecond).
fn backup_name(at: NaiveDateTime) -> String {
    format!("{NAME_PREFIX}{}{NAME_SUFFIX}", at.format(NAME_TIME))
}

/// The time a strict backup name says: `None` unless `name` is exactly what
/// [`backup_name`] writes for a real date and time (no leap second).
fn parse_backup_name(name: &str) -> Option<NaiveDateTime> {
    let time = name.strip_prefix(NAME_PREFIX)?.strip_suffix(NAME_SUFFIX)?;
    let at = NaiveDateTime::parse_from_str(time, NAME_TIME).ok()?;
    let exact = at.nanosecond() < 1_000_000_000 && backup_name(at) == name;
    exact.then_some(at)
}

/// The backup an entry of the folder is: a regular file, strictly named.
fn as_backup(entry: &fs::DirEntry) -> Option<Backup> {
    let is_file = entry.file_type().is_ok_and(|t| t.is_file());
    let at = parse_backup_name(entry.file_name().to_str()?)?;
    is_file.then(|| Backup {
        path: entry.path(),
        at,
    })
}

/// Every backup in the folder, oldest first.
fn backups(store_dir: &Path) -> Vec<Backup> {
    let Ok(entries) = fs::read_dir(backup_dir(store_dir)) else {
        return Vec::new();
    };
    let mut found: Vec<Backup> = entries
        .filter_map(|e| e.ok().and_then(|e| as_backup(&e)))
        .collect();
    found.sort_by_key(|b| b.at);
    found
}

/// All backups, oldest first (by the time in their names).
pub fn list(store_dir: &Path) -> Vec<PathBuf> {
    backups(store_dir).into_iter().map(|b| b.path).collect()
}

/// The backup with the latest time in its name.
pub fn newest(store_dir: &Path) -> Option<PathBuf> {
    list(store_dir).pop()
}

/// True when no backup is dated on `now`'s day.
fn is_due(store_dir: &Path, now: DateTime<FixedOffset>) -> bool {
    let today = now.date_naive();
    !backups(store_dir).iter().any(|b| b.at.date() == today)
}

/// When a daily backup is written, for every process that writes the store
/// (the owner, or a command that opened the store itself): after an edit,
/// when no backup is dated on its day yet; and on stopping, when edits are
/// not in a backup yet or none is dated today. The folder is looked at once
/// a day at most, so an owner serving for weeks does not list it after every
/// edit. `cchc backup` writes one whenever asked, outside the schedule.
#[derive(Debug, Default)]
pub struct Schedule {
    /// The day the folder was last looked at.
    looked_on: Option<NaiveDate>,
    /// Edits are saved that no backup holds yet.
    unbacked: bool,
}

impl Schedule {
    /// Edits were saved that wait for the next backup, written on stopping
    /// if not before (an import: a backup now would only copy it).
    pub fn changed(&mut self) {
        self.unbacked = true;
    }

    /// An edit was saved at `now`: true when a backup is to be written now.
    pub fn edited(&mut self, store_dir: &Path, now: DateTime<FixedOffset>) -> bool {
        self.changed();
        self.due(store_dir, now)
    }

    /// A backup of everything saved so far is being written.
    pub fn writing(&mut self) {
        self.unbacked = false;
    }

    /// The backup being written failed: its edits wait for the next one.
    pub fn failed(&mut self) {
        self.unbacked = true;
    }

    /// The process stops at `now`: true when a backup is to be written.
    pub fn stopping(&mut self, store_dir: &Path, now: DateTime<FixedOffset>) -> bool {
        self.unbacked || self.due(store_dir, now)
    }

    /// No backup is dated on `now`'s day, and the folder was not looked at
    /// yet that day.
    fn due(&mut self, store_dir: &Path, now: DateTime<FixedOffset>) -> bool {
        let today = now.date_naive();
        if self.looked_on == Some(today) {
            return false;
        }
        self.looked_on = Some(today);
        is_due(store_dir, now)
    }
}

/// Writes `json` as a new backup (a fresh temporary file, fsync, rename,
/// fsync the folder), then removes the backups the retention rule does not
/// keep (see the module comment). Returns the new backup's path.
pub fn write(store_dir: &Path, json: &[u8], now: DateTime<FixedOffset>) -> io::Result<PathBuf> {
    let dir = backup_dir(store_dir);
    super::folder::create_subfolder(store_dir, &dir)?;
    let path = dir.join(backup_name(now.naive_local()));
    let temp = dir.join(temp_name());
    write_new_file(store_dir, &temp, json)?;
    if let Err(e) = fs::rename(&temp, &path) {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    fs::File::open(&dir)?.sync_all()?;
    prune(store_dir, now.naive_local())?;
    Ok(path)
}

/// A temporary name no other process or call uses: `.cchc-backup-<pid>-<nanos>-<n>.tmp`.
fn temp_name() -> String {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    format!(".cchc-backup-{}-{nanos}-{call}.tmp", std::process::id())
}

/// Creates `path`, which must not exist (nor be a link), with the data
/// folder's privacy, writes `bytes` and fsyncs it; a file it created is
/// removed again if writing fails.
fn write_new_file(store_dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = super::folder::create_new(store_dir, path)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    if written.is_err() {
        let _ = fs::remove_file(path);
    }
    written
}

/// Removes every backup that [`kept`] does not keep as of `now`.
fn prune(store_dir: &Path, now: NaiveDateTime) -> io::Result<()> {
    let all = backups(store_dir);
    let keep = kept(&all, now);
    for backup in all.iter().filter(|b| !keep.contains(b.path.as_path())) {
        match fs::remove_file(&backup.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// What one kept backup stands for: a recent day, or an older month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Period {
    Month(i32, u32),
    Day(NaiveDate),
}

/// The backups kept as of `now`, out of `all` (oldest first): every backup
/// dated after `now`; of the others, the newest of each day from
/// `today - (DAILY_DAYS - 1)` to today, and the newest of each calendar
/// month among those dated before that first day.
fn kept(all: &[Backup], now: NaiveDateTime) -> HashSet<&Path> {
    let first_daily = now
        .date()
        .checked_sub_signed(TimeDelta::days(DAILY_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    let mut newest_of: BTreeMap<Period, &Path> = BTreeMap::new();
    let mut keep = HashSet::new();
    for backup in all {
        let date = backup.at.date();
        if backup.at > now {
            keep.insert(backup.path.as_path());
        } else if date >= first_daily {
            newest_of.insert(Period::Day(date), &backup.path);
        } else {
            newest_of.insert(Period::Month(date.year(), date.month()), &backup.path);
        }
    }
    keep.extend(newest_of.into_values());
    keep
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn at(rfc3339: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(rfc3339).expect("a test time")
    }

    /// Puts a file named `name` in the backup folder, as a user or an older
    /// build would have, holding its own name.
    fn put(store_dir: &Path, name: &str) {
        let dir = backup_dir(store_dir);
        fs::create_dir_all(&dir).expect("the backup folder");
        fs::write(dir.join(name), name).expect("a file");
    }

    /// The names of everything in the backup folder, backups or not.
    fn names(store_dir: &Path) -> BTreeSet<String> {
        fs::read_dir(backup_dir(store_dir))
            .expect("the backup folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .into_string()
                    .expect("UTF-8")
            })
            .collect()
    }

    fn set(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    fn file_name(path: &Path) -> &str {
        path.file_name().and_then(|n| n.to_str()).expect("a name")
    }

    #[test]
    fn eleven_writes_in_one_day_keep_every_older_day() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        for time in [
            "2026-10-20T18:00:00+07:00",
            "2026-11-01T18:00:00+07:00",
            "2026-11-15T18:00:00+07:00",
            "2026-11-19T18:00:00+07:00",
        ] {
            write(dir, b"{}", at(time)).unwrap();
        }
        let start = at("2026-11-20T09:00:00+07:00");
        let mut last = PathBuf::new();
        for i in 0..11 {
            last = write(dir, b"{}", start + TimeDelta::milliseconds(2_700 * i)).unwrap();
        }
        assert_eq!(file_name(&last), "cchc-20261120-090027.000.json");
        assert_eq!(
            names(dir),
            set(&[
                "cchc-20261020-180000.000.json",
                "cchc-20261101-180000.000.json",
                "cchc-20261115-180000.000.json",
                "cchc-20261119-180000.000.json",
                "cchc-20261120-090027.000.json",
            ])
        );
    }

    #[test]
    fn twenty_days_keep_the_last_fourteen_and_one_per_older_month() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        let first = NaiveDate::from_ymd_opt(2026, 10, 28).unwrap();
        for day in first.iter_days().take(20) {
            put(
                dir,
                &format!("cchc-{}-080000.000.json", day.format("%Y%m%d")),
            );
            put(
                dir,
                &format!("cchc-{}-180000.000.json", day.format("%Y%m%d")),
            );
        }
        write(dir, b"{}", at("2026-11-16T20:00:00+07:00")).unwrap();
        // Today is 16/11: the daily days are 03/11 ..= 16/11; before them,
        // 28/10 ..= 31/10 keep 31/10 and 01/11 ..= 02/11 keep 02/11.
        let mut expected = set(&[
            "cchc-20261031-180000.000.json",
            "cchc-20261102-180000.000.json",
            "cchc-20261116-200000.000.json",
        ]);
        for day in 3..=15 {
            expected.insert(format!("cchc-202611{day:02}-180000.000.json"));
        }
        assert_eq!(expected.len(), 16);
        assert_eq!(names(dir), expected);
    }

    #[test]
    fn daily_writes_over_four_months_keep_one_per_older_month() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        let mut now = at("2026-01-01T17:30:00+07:00");
        while now.date_naive() <= NaiveDate::from_ymd_opt(2026, 4, 30).unwrap() {
            write(dir, b"{}", now).unwrap();
            now += TimeDelta::days(1);
        }
        let mut expected = set(&[
            "cchc-20260131-173000.000.json",
            "cchc-20260228-173000.000.json",
            "cchc-20260331-173000.000.json",
            "cchc-20260416-173000.000.json",
        ]);
        for day in 17..=30 {
            expected.insert(format!("cchc-202604{day:02}-173000.000.json"));
        }
        assert_eq!(names(dir), expected);
    }

    #[test]
    fn files_not_strictly_named_are_never_removed_nor_counted() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        let strangers = [
            "cchc-zzz.json",
            "cchc-notes.json",
            "readme.txt",
            "cchc-20261131-093005.123.json",
            "cchc-20261101-250000.000.json",
            "cchc-20261101-093005.json",
            "cchc-20261101-093005.1234.json",
            "cchc-20261101-093005.123.json.bak",
            "CCHC-20261101-093005.123.json",
            ".cchc-backup.tmp",
        ];
        for name in strangers {
            put(dir, name);
        }
        // A folder with a backup's name, among old backups of its month.
        fs::create_dir(backup_dir(dir).join("cchc-20260105-000000.000.json")).unwrap();
        put(dir, "cchc-20260101-000000.000.json");
        put(dir, "cchc-20260110-000000.000.json");

        let first = at("2026-11-20T09:00:00+07:00");
        assert!(is_due(dir, first), "the strangers do not count as today's");
        assert_eq!(list(dir).len(), 2);
        for day in 0..40 {
            let now = first + TimeDelta::days(day);
            assert!(is_due(dir, now), "day {day} is due");
            write(dir, b"{}", now).unwrap();
            assert!(!is_due(dir, now), "day {day} is done");
        }
        let left = names(dir);
        for name in strangers {
            assert!(left.contains(name), "{name} was removed: {left:?}");
            let text = fs::read_to_string(backup_dir(dir).join(name)).unwrap();
            assert_eq!(text, name, "{name} was changed");
        }
        assert!(left.contains("cchc-20260105-000000.000.json"));
        assert!(!left.contains("cchc-20260101-000000.000.json"));
        assert!(left.contains("cchc-20260110-000000.000.json"));
    }

    #[test]
    fn a_future_dated_backup_is_not_removed() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        put(dir, "cchc-20271201-080000.000.json");
        put(dir, "cchc-20261201-235959.999.json");
        put(dir, "cchc-20261130-100000.000.json");
        put(dir, "cchc-20261130-120000.000.json");
        write(dir, b"{}", at("2026-12-01T09:00:00+07:00")).unwrap();
        write(dir, b"{}", at("2026-12-01T09:00:05+07:00")).unwrap();
        assert_eq!(
            names(dir),
            set(&[
                "cchc-20261130-120000.000.json",
                "cchc-20261201-090005.000.json",
                "cchc-20261201-235959.999.json",
                "cchc-20271201-080000.000.json",
            ])
        );
    }

    #[test]
    fn newest_ignores_bad_names() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        assert_eq!(newest(dir), None);
        put(dir, "cchc-20261101-093005.123.json");
        for name in [
            "cchc-zzz.json",
            "cchc-99991231-235959.999.json.tmp",
            "cchc-20261301-000000.000.json",
            "cchc-20261231-235960.000.json",
            "cchc-20261231-235959.999.jsonx",
            "cchc-20261231-235959.99.json",
            "cchc-2026123-235959.999.json",
        ] {
            put(dir, name);
        }
        let only = backup_dir(dir).join("cchc-20261101-093005.123.json");
        assert_eq!(newest(dir), Some(only.clone()));
        assert_eq!(list(dir), vec![only]);
    }

    #[test]
    fn strict_names_parse_back_exactly() {
        let at = parse_backup_name("cchc-20261201-093005.123.json").unwrap();
        assert_eq!(at.to_string(), "2026-12-01 09:30:05.123");
        assert_eq!(backup_name(at), "cchc-20261201-093005.123.json");
        for bad in [
            "cchc-20260229-093005.123.json",
            "cchc-20261201-096005.123.json",
            "cchc-20261201-093005.123.json ",
            "cchc-20261201-093005.123",
            "cchc-+20261201-093005.123.json",
        ] {
            assert_eq!(parse_backup_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_link_at_an_old_temporary_name_is_not_followed() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        let outside = dir.join("outside.txt");
        fs::write(&outside, "keep me").unwrap();
        fs::create_dir_all(backup_dir(dir)).unwrap();
        std::os::unix::fs::symlink(&outside, backup_dir(dir).join(".cchc-backup.tmp")).unwrap();
        let path = write(dir, b"{\"a\":1}", at("2026-12-01T09:00:00+07:00")).unwrap();
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep me");
        assert_eq!(fs::read_to_string(&path).unwrap(), "{\"a\":1}");
        assert_eq!(
            names(dir),
            set(&[".cchc-backup.tmp", "cchc-20261201-090000.000.json"])
        );
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        let blocked = backup_dir(dir).join("cchc-20261201-090000.000.json");
        fs::create_dir_all(&blocked).unwrap();
        fs::write(blocked.join("inside"), "x").unwrap();
        assert!(write(dir, b"{}", at("2026-12-01T09:00:00+07:00")).is_err());
        assert_eq!(names(dir), set(&["cchc-20261201-090000.000.json"]));
        assert_eq!(fs::read_to_string(blocked.join("inside")).unwrap(), "x");
    }

    #[test]
    fn the_schedule_writes_once_a_day_and_what_is_left_on_stopping() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path();
        let morning = at("2026-11-20T09:00:00+07:00");
        let mut schedule = Schedule::default();
        assert!(schedule.edited(dir, morning), "the day's first edit");
        schedule.writing();
        write(dir, b"{}", morning).unwrap();
        let noon = at("2026-11-20T12:00:00+07:00");
        assert!(!schedule.edited(dir, noon), "one a day");
        assert!(schedule.stopping(dir, noon), "the noon edit is in none");
        schedule.writing();
        assert!(!schedule.stopping(dir, noon), "all is backed up");
        schedule.failed();
        assert!(schedule.stopping(dir, noon), "a failed backup is retried");

        let next_day = at("2026-11-21T08:00:00+07:00");
        let mut fresh = Schedule::default();
        assert!(fresh.stopping(dir, next_day), "none is dated today");
        let mut imported = Schedule::default();
        imported.changed();
        assert!(
            imported.stopping(dir, morning),
            "an import waits for stopping"
        );
        assert!(
            !Schedule::default().edited(dir, noon),
            "a command after the owner's"
        );
    }
}
