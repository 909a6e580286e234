//! Several `cchc` on one store. The store has one owner process at a time,
//! started in the background by the first `cchc` that needs it (as tmux starts
//! its server); every other process connects to it over a Unix-domain socket
//! in the data folder and does all its reads and edits through it. The owner
//! applies edits in order, writes them durably, records who made them from the
//! socket's peer credentials, and pushes every change to every client.
//!
//! Uses [`app`](crate::app) for the edits and [`store`](crate::store) for the
//! store and the message framing; knows nothing of the terminal.

pub mod client;
mod connection;
pub mod owner;
mod peer;
pub mod protocol;
mod reach;

use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use client::{Client, Connect, owner_status};

use crate::domain::Catalog;
use crate::store::{SledStore, StoreError};
pub use owner::{Served, serve};

/// The socket's name in the data folder.
pub const SOCKET_NAME: &str = "cchc.sock";
/// Where an owner started in the background writes why it could not start.
pub const OWNER_LOG: &str = "owner.log";

pub fn socket_path(dir: &Path) -> PathBuf {
    dir.join(SOCKET_NAME)
}

/// Whether an owner is listening on the store's socket.
pub fn owner_answers(dir: &Path) -> bool {
    UnixStream::connect(socket_path(dir)).is_ok()
}

/// Opens the store in `dir` for this process (seeding it with `seed` on first
/// use; `holder` says who holds it), waiting up to `wait` while another
/// process holds it without serving it (a command finishing, an owner
/// starting); `None` as soon as an owner answers on the socket instead.
pub fn open_unless_owned(
    dir: &Path,
    seed: &Catalog,
    holder: &str,
    wait: Duration,
) -> Result<Option<SledStore>, StoreError> {
    let deadline = Instant::now() + wait;
    loop {
        if owner_answers(dir) {
            return Ok(None);
        }
        match SledStore::open(dir, seed, holder) {
            Ok(store) => return Ok(Some(store)),
            Err(StoreError::Locked { .. }) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(e) => return Err(e),
        }
    }
}

/// The `[share]` settings of the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// How long the owner waits, once its last client has gone, before it
    /// stops.
    pub idle_seconds: u64,
    /// Lets an office group share one store: the data folder becomes 0770 and
    /// the socket 0660 (instead of 0700 and 0600), and files are created
    /// group-writable. Give the folder to the group once (`chgrp -R`, `chmod
    /// g+s`) so that new files join it.
    pub group_access: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            idle_seconds: 300,
            group_access: false,
        }
    }
}

impl Settings {
    pub fn idle(&self) -> Duration {
        Duration::from_secs(self.idle_seconds)
    }

    /// How the data folder is shared.
    pub fn sharing(&self) -> crate::store::folder::Sharing {
        if self.group_access {
            crate::store::folder::Sharing::Group
        } else {
            crate::store::folder::Sharing::Private
        }
    }

    /// The socket's mode.
    pub fn socket_mode(&self) -> u32 {
        if self.group_access { 0o660 } else { 0o600 }
    }

    /// The file-creation mask a process on a group-shared store needs, so
    /// that whichever colleague's process owns the store next can write the
    /// files this one creates.
    pub fn umask(&self) -> Option<u32> {
        self.group_access.then_some(0o007)
    }
}
