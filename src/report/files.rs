//! Putting a report's files on disk: whole or not at all, and never over a
//! file that is there unless asked.

use std::fs;
use std::path::{Path, PathBuf};

use super::background::BackgroundFile;
use super::{Body, ReportFile};

/// Why a report's file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file is there and overwriting was not asked for.
    #[error("{} exists", .0.display())]
    Exists(PathBuf),
    #[error("{}: {detail}", .path.display())]
    Io { path: PathBuf, detail: String },
}

/// Where each file of a report goes: `target` for a single file, and for
/// several (CSV annexes) `target` with each one's suffix before its extension.
pub fn destinations(target: &Path, files: &[ReportFile]) -> Vec<PathBuf> {
    files
        .iter()
        .map(|file| with_suffix(target, &file.suffix))
        .collect()
}

fn with_suffix(target: &Path, suffix: &str) -> PathBuf {
    if suffix.is_empty() {
        return target.to_path_buf();
    }
    let stem = target
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match target.extension() {
        Some(ext) => format!("{stem}{suffix}.{}", ext.to_string_lossy()),
        None => format!("{stem}{suffix}"),
    };
    target.with_file_name(name)
}

/// Writes every file of the report, each whole: its bytes go to a new
/// temporary file beside it, made durable, then take its name in one step.
/// Without `overwrite` nothing is written when any of the names is taken,
/// and a name taken meanwhile is never replaced.
pub fn write_all(
    target: &Path,
    files: Vec<ReportFile<'_>>,
    overwrite: bool,
) -> Result<Vec<PathBuf>, WriteError> {
    let paths = destinations(target, &files);
    if !overwrite && let Some(taken) = paths.iter().find(|p| p.symlink_metadata().is_ok()) {
        return Err(WriteError::Exists(taken.clone()));
    }
    for (path, file) in paths.iter().zip(files) {
        write_one(path, file.body, overwrite)?;
    }
    Ok(paths)
}

fn write_one(path: &Path, body: Body<'_>, overwrite: bool) -> Result<(), WriteError> {
    let failed = |detail: String| WriteError::Io {
        path: path.to_path_buf(),
        detail,
    };
    let io = |e: std::io::Error| failed(e.to_string());
    let temporary = temporary_beside(path);
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .map_err(io)
        .and_then(|file| {
            let mut out = BackgroundFile::new(file);
            body.write_to(&mut out).map_err(|e| failed(e.0))?;
            out.finish().map(drop).map_err(io)
        });
    if let Err(e) = written {
        let _ = fs::remove_file(&temporary);
        return Err(e);
    }
    let placed = if overwrite {
        fs::rename(&temporary, path)
    } else {
        // A hard link takes the name only if it is free; the temporary name
        // then goes.
        fs::hard_link(&temporary, path).and_then(|()| fs::remove_file(&temporary))
    };
    match placed {
        Ok(()) => {
            sync_folder(path);
            Ok(())
        }
        Err(e) => {
            let _ = fs::remove_file(&temporary);
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Err(WriteError::Exists(path.to_path_buf()))
            } else {
                Err(io(e))
            }
        }
    }
}

fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Makes the new name durable too; a folder that cannot be opened (another
/// system's) only loses that guarantee.
fn sync_folder(path: &Path) {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

/// The first of `path`, `stem (2).ext`, `stem (3).ext`… whose name is free:
/// what a screen writes to, since it cannot ask about overwriting.
pub fn free_name(path: &Path) -> PathBuf {
    if path.symlink_metadata().is_err() {
        return path.to_path_buf();
    }
    (2..)
        .map(|n| with_suffix(path, &format!(" ({n})")))
        .find(|p| p.symlink_metadata().is_err())
        .unwrap_or_else(|| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(suffix: &str, text: &str) -> ReportFile<'static> {
        ReportFile {
            suffix: suffix.into(),
            body: Body::Bytes(text.as_bytes().to_vec()),
        }
    }

    #[test]
    fn a_taken_name_is_kept_unless_overwriting_is_asked() {
        let temp = tempfile::tempdir().unwrap();
        let target = temp.path().join("bao-cao.md");
        fs::write(&target, "the office's own edit").unwrap();
        let files = || vec![file("", "new")];
        assert!(matches!(
            write_all(&target, files(), false),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(
            fs::read_to_string(&target).unwrap(),
            "the office's own edit"
        );
        write_all(&target, files(), true).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let left: Vec<_> = fs::read_dir(temp.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left");
    }

    #[test]
    fn annexes_are_named_after_the_report_and_all_or_none_is_written() {
        let temp = tempfile::tempdir().unwrap();
        let target = temp.path().join("bao-cao.csv");
        let files = || vec![file("-phu-luc-I", "a"), file("-phu-luc-II", "b")];
        let second = temp.path().join("bao-cao-phu-luc-II.csv");
        fs::write(&second, "kept").unwrap();
        assert!(write_all(&target, files(), false).is_err());
        assert!(!temp.path().join("bao-cao-phu-luc-I.csv").exists());
        fs::remove_file(&second).unwrap();
        let written = write_all(&target, files(), false).unwrap();
        assert_eq!(written[1], second);
        assert_eq!(fs::read_to_string(&second).unwrap(), "b");
    }

    #[test]
    fn a_free_name_counts_up() {
        let temp = tempfile::tempdir().unwrap();
        let target = temp.path().join("bao-cao.docx");
        assert_eq!(free_name(&target), target);
        fs::write(&target, "").unwrap();
        assert_eq!(free_name(&target), temp.path().join("bao-cao (2).docx"));
    }
}
