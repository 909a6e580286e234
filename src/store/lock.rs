//! One writer at a time: an advisory lock file beside the store that also says
//! who holds it, so a refused open can name the process.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;

use super::StoreError;

/// Held for as long as the store is open; the OS releases it when the process
/// ends, however it ends.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

/// Takes the lock, recording `holder` (who and what) for anyone refused.
pub fn acquire(dir: &Path, holder: &str) -> Result<StoreLock, StoreError> {
    let path = dir.join("cchc.lock");
    let io = |e: std::io::Error| StoreError::Io {
        path: path.clone(),
        detail: e.to_string(),
    };
    let mut file = super::folder::open_to_write(dir, &path).map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            return Err(StoreError::Locked {
                path: dir.to_path_buf(),
                holder: read_holder(&mut file),
            });
        }
        Err(TryLockError::Error(e)) => return Err(io(e)),
    }
    file.set_len(0).map_err(io)?;
    file.rewind().map_err(io)?;
    file.write_all(holder.as_bytes()).map_err(io)?;
    Ok(StoreLock { _file: file })
}

fn read_holder(file: &mut File) -> Option<String> {
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}
