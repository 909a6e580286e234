//! sled's files on disk: opening them, telling a full disk from other
//! failures, and making a write durable.

use super::*;
use crate::store::quiet;
use std::time::{Duration, Instant};

/// The blob files fsynced, with their length then.
pub(super) type SyncedBlobs = std::collections::HashMap<PathBuf, u64>;

/// How long sled's own file lock is waited for once `cchc.lock` is held:
/// whoever held the store has released it and is still closing sled's files.
const SLED_CLOSING: Duration = Duration::from_secs(5);

/// Opens sled, turning its errors and its panics on damaged files into a
/// [`StoreError`] that names the path and the newest backup.
pub(super) fn open_db(dir: &Path) -> Result<sled::Db, StoreError> {
    let path = dir.join("sled");
    remove_unfinished_snapshots(&path);
    let started = Instant::now();
    loop {
        match open_once(dir, &path) {
            Err(StoreError::Locked { .. }) if started.elapsed() < SLED_CLOSING => {
                std::thread::sleep(Duration::from_millis(20));
            }
            opened => return opened,
        }
    }
}

/// sled writes each snapshot as `snap.N.generating`, fsyncs it, renames it to
/// `snap.N` and only then removes the older ones. A process killed before the
/// rename leaves a partial file that sled 0.34 counts among its snapshots,
/// takes for the newest and refuses as corrupt, so the store would never open
/// again. Such a file is never needed: the snapshot before it is still there,
/// and the log it summarises too. It is removed while `cchc.lock` is held, so
/// no other process of ours is writing it. A removal that fails leaves sled to
/// report the file as it would have.
fn remove_unfinished_snapshots(sled_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(sled_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("snap.") && name.ends_with(".generating") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn open_once(dir: &Path, path: &Path) -> Result<sled::Db, StoreError> {
    let config = sled::Config::new().path(path);
    let opened = quiet::catch_silently(|| config.open());
    let corrupt = |detail: String| StoreError::Corrupt {
        path: dir.to_path_buf(),
        detail,
        backup: backup::newest(dir),
    };
    match opened {
        Ok(Ok(db)) => Ok(db),
        Ok(Err(sled::Error::Io(e))) if e.to_string().contains("could not acquire lock") => {
            Err(StoreError::Locked {
                path: dir.to_path_buf(),
                holder: None,
            })
        }
        Ok(Err(sled::Error::Io(e))) => Err(io_error(path, &e)),
        Ok(Err(e)) => Err(corrupt(e.to_string())),
        Err(_) => Err(corrupt("sled could not read its files".into())),
    }
}

/// Room for sled to open and write a few segments (512 KiB each).
pub(super) const ROOM_TO_REOPEN: u64 = 4 << 20;

pub(super) fn has_room(dir: &Path) -> bool {
    rustix::fs::statvfs(dir)
        .map(|fs| fs.f_bavail.saturating_mul(fs.f_frsize) >= ROOM_TO_REOPEN)
        .unwrap_or(false)
}

/// A full disk is told apart: it is the one failure the user can mend.
pub(super) fn io_error(path: &Path, error: &std::io::Error) -> StoreError {
    if error.kind() == std::io::ErrorKind::StorageFull {
        StoreError::Full {
            path: path.to_path_buf(),
        }
    } else {
        StoreError::Io {
            path: path.to_path_buf(),
            detail: error.to_string(),
        }
    }
}

/// fsyncs every file under `dir`, and the folders themselves; a blob file
/// only when it is new or has grown since it was last synced: sled writes
/// each one whole when it creates it and never changes it after, and a store
/// of a large plan holds hundreds, which every edit would otherwise fsync
/// again. (Its length is kept, so one seen while sled was still writing it
/// is synced again.)
pub(super) fn fsync_tree(dir: &Path, synced_blobs: &mut SyncedBlobs) -> std::io::Result<()> {
    let in_blobs = dir.file_name() == Some("blobs".as_ref());
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            fsync_tree(&path, synced_blobs)?;
        } else if !kind.is_file() {
            continue;
        } else if !in_blobs {
            fs::File::open(&path)?.sync_all()?;
        } else {
            let len = entry.metadata()?.len();
            if synced_blobs.get(&path) != Some(&len) {
                fs::File::open(&path)?.sync_all()?;
                synced_blobs.insert(path, len);
            }
        }
    }
    fs::File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blob_is_synced_when_new_or_grown_and_other_files_every_time() {
        let temp = tempfile::tempdir().expect("a temp folder");
        let blobs = temp.path().join("blobs");
        fs::create_dir(&blobs).expect("blobs");
        fs::write(temp.path().join("db"), b"log").expect("db");
        let blob = blobs.join("17");
        fs::write(&blob, b"half").expect("a blob");
        let mut synced = SyncedBlobs::new();
        fsync_tree(temp.path(), &mut synced).expect("synced");
        assert_eq!(synced.get(&blob), Some(&4));
        assert_eq!(synced.len(), 1, "only blobs are remembered");

        fs::write(&blob, b"half and the rest").expect("written on");
        fsync_tree(temp.path(), &mut synced).expect("synced");
        assert_eq!(synced.get(&blob), Some(&17), "synced again once grown");
    }
}
