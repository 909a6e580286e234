//! The data folder and the files cchc writes in it. The folder is private
//! (0700) or, for a group of colleagues, 2770: shared with the group, and
//! setgid so that every file made in it belongs to that group whoever made
//! it. Files take the folder's privacy, and are never written through a link
//! or into a file another account put there: a colleague could otherwise
//! point `cchc.lock` or `owner.log` at one of your files and have cchc
//! overwrite it.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// How the folder is shared, from `[share] group_access`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    Private,
    Group,
}

impl Sharing {
    fn folder_mode(self) -> u32 {
        match self {
            Sharing::Private => 0o700,
            Sharing::Group => 0o2770,
        }
    }
}

/// The folder has another mode than its sharing needs and cchc could not
/// change it (it belongs to another account).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeWarning {
    pub path: PathBuf,
    pub found: u32,
    pub wanted: u32,
}

/// Creates the folder with the mode `sharing` needs, or sets that mode on a
/// folder that exists; a folder of another account whose mode is not right
/// is left as it is and reported.
pub fn prepare(dir: &Path, sharing: Sharing) -> io::Result<Option<ModeWarning>> {
    let wanted = sharing.folder_mode();
    if !dir.exists() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(wanted & 0o777)
            .create(dir)?;
    }
    let meta = fs::metadata(dir)?;
    let found = meta.mode() & 0o7777;
    if found == wanted {
        return Ok(None);
    }
    if meta.uid() == rustix::process::geteuid().as_raw() {
        fs::set_permissions(dir, fs::Permissions::from_mode(wanted))?;
        return Ok(None);
    }
    Ok(Some(ModeWarning {
        path: dir.to_path_buf(),
        found,
        wanted,
    }))
}

/// The mode for a file made in `dir`: what the folder's owner may, and its
/// group too when the folder is shared with one. Never anything for others.
fn file_mode(dir: &Path) -> u32 {
    match fs::metadata(dir) {
        Ok(meta) if meta.mode() & 0o070 != 0 => 0o660,
        _ => 0o600,
    }
}

/// Opens `path`, in the data folder `dir`, to write, creating it if missing,
/// without following a link and only if it is a plain file with one name
/// that this account owns, or that a colleague made in a group folder.
/// Nothing is truncated before those checks pass.
pub fn open_to_write(dir: &Path, path: &Path) -> io::Result<File> {
    let mode = file_mode(dir);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(mode)
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
        .open(path)
        .map_err(|e| refused_link(path, e))?;
    if check_ours(dir, path, &file)? {
        file.set_permissions(fs::Permissions::from_mode(mode))?;
    }
    Ok(file)
}

/// Creates `path` in `dir`, which must not exist (nor be a link), with the
/// folder's privacy.
pub fn create_new(dir: &Path, path: &Path) -> io::Result<File> {
    let mode = file_mode(dir);
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)?;
    // The mode given at creation is narrowed by the umask; this one is not.
    file.set_permissions(fs::Permissions::from_mode(mode))?;
    Ok(file)
}

/// Creates the folder `sub` inside the data folder `dir`, with its mode.
pub fn create_subfolder(dir: &Path, sub: &Path) -> io::Result<()> {
    match fs::symlink_metadata(sub) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(io::Error::other(format!(
            "{} is not a folder cchc made",
            sub.display()
        ))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let mode = fs::metadata(dir).map_or(0o700, |m| m.mode() & 0o7777);
            fs::DirBuilder::new().mode(mode & 0o777).create(sub)?;
            fs::set_permissions(sub, fs::Permissions::from_mode(mode))
        }
        Err(e) => Err(e),
    }
}

fn refused_link(path: &Path, e: io::Error) -> io::Error {
    if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
        io::Error::other(format!(
            "{} is a link; cchc writes only files of its own. Remove it.",
            path.display()
        ))
    } else {
        e
    }
}

/// Checks the opened file is one cchc may write; true when this account
/// owns it (and so may set its mode).
fn check_ours(dir: &Path, path: &Path, file: &File) -> io::Result<bool> {
    let meta = file.metadata()?;
    let me = rustix::process::geteuid().as_raw();
    let shared_group = fs::metadata(dir)
        .ok()
        .filter(|d| d.mode() & 0o070 != 0)
        .map(|d| d.gid());
    let mine = meta.uid() == me;
    if meta.is_file() && meta.nlink() == 1 && (mine || shared_group == Some(meta.gid())) {
        return Ok(mine);
    }
    Err(io::Error::other(format!(
        "{} is not a file cchc made (a link, or another account's file); remove it.",
        path.display()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_planted_at_a_file_cchc_writes_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "mine").unwrap();
        let planted = dir.path().join("cchc.lock");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let error = open_to_write(dir.path(), &planted).unwrap_err();
        assert!(error.to_string().contains("link"), "{error}");
        let hard = dir.path().join("owner.log");
        fs::hard_link(&victim, &hard).unwrap();
        assert!(open_to_write(dir.path(), &hard).is_err());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "mine");
    }

    #[test]
    fn a_folder_that_existed_takes_the_mode_its_sharing_needs() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        fs::create_dir(&data).unwrap();
        fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(prepare(&data, Sharing::Private).unwrap(), None);
        assert_eq!(fs::metadata(&data).unwrap().mode() & 0o7777, 0o700);
        prepare(&data, Sharing::Group).unwrap();
        assert_eq!(fs::metadata(&data).unwrap().mode() & 0o7777, 0o2770);
        let file = open_to_write(&data, &data.join("owner.log")).unwrap();
        assert_eq!(file.metadata().unwrap().mode() & 0o777, 0o660);
        prepare(&data, Sharing::Private).unwrap();
        let file = create_new(&data, &data.join("fresh")).unwrap();
        assert_eq!(file.metadata().unwrap().mode() & 0o777, 0o600);
    }
}
