//! Rotating JSON backups beside the store, written atomically, so that a store
//! sled cannot reopen (spacejam/sled#1533, #1527) can be rebuilt with `cchc import`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

/// How many backups are kept; older ones are removed.
pub const KEEP: usize = 10;

pub fn backup_dir(store_dir: &Path) -> PathBuf {
    store_dir.join("backups")
}

/// All backups, oldest first (their names sort by time).
pub fn list(store_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(backup_dir(store_dir)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_backup_name(p))
        .collect();
    paths.sort();
    paths
}

pub fn newest(store_dir: &Path) -> Option<PathBuf> {
    list(store_dir).pop()
}

fn is_backup_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("cchc-") && n.ends_with(".json"))
}

/// True when no backup was written on `now`'s day.
pub fn is_due(store_dir: &Path, now: DateTime<FixedOffset>) -> bool {
    let today = format!("cchc-{}", now.format("%Y%m%d"));
    newest(store_dir).is_none_or(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_none_or(|n| n < today.as_str())
    })
}

/// Writes `json` as a new backup (temporary file, fsync, rename, fsync the
/// folder) and keeps only the newest [`KEEP`].
pub fn write(
    store_dir: &Path,
    json: &[u8],
    now: DateTime<FixedOffset>,
) -> std::io::Result<PathBuf> {
    let dir = backup_dir(store_dir);
    fs::create_dir_all(&dir)?;
    let path = dir.join(format!("cchc-{}.json", now.format("%Y%m%d-%H%M%S%.3f")));
    let temp = dir.join(".cchc-backup.tmp");
    let mut file = fs::File::create(&temp)?;
    file.write_all(json)?;
    file.sync_all()?;
    fs::rename(&temp, &path)?;
    fs::File::open(&dir)?.sync_all()?;
    let all = list(store_dir);
    for old in all.iter().take(all.len().saturating_sub(KEEP)) {
        fs::remove_file(old)?;
    }
    Ok(path)
}
