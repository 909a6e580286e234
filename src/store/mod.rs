//! Storage: the only layer that knows sled and bincode. Records are bincode in a
//! versioned envelope ([`codec`]); every commit writes new states and their
//! history entries in one transaction and is durable before it returns.
//! [`MemoryStore`] is the in-memory twin used by tests.

pub mod backup;
mod catalog_record;
pub mod codec;
pub mod folder;
mod lock;
mod memory;
mod override_record;
pub mod quiet;
mod sled_store;
mod target_record;
mod task_record;
pub mod wire;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::catalog::TaskText;
use crate::domain::closing::Closing;
use crate::domain::office::OfficeTask;
use crate::domain::report_text::ReportText;
use crate::domain::{
    AgendaMark, Catalog, HistoryEntry, Meeting, TargetState, TaskKey, TaskOverride, TaskState,
};

pub use memory::MemoryStore;
pub use sled_store::SledStore;
pub use task_record::decode_schema_1 as decode_task_state_v1;

/// The schema this build writes. Older records are migrated when read.
pub const SCHEMA_VERSION: u16 = 7;

/// A stored record that cannot be read, or breaks the rules every edit
/// follows: left untouched on disk, left out of everything else (screens,
/// counts, backups), and named to the user, so that one bad record never
/// keeps the rest of the store from opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    /// The record's key in the store, e.g. `task/1.a.1@2027`.
    pub key: String,
    pub problem: String,
}

/// Everything but the history, as loaded at start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub catalog: Catalog,
    pub tasks: BTreeMap<TaskKey, TaskState>,
    pub overrides: BTreeMap<String, TaskOverride>,
    pub targets: BTreeMap<String, TargetState>,
    pub agenda: BTreeMap<TaskKey, AgendaMark>,
    pub meetings: BTreeMap<u32, Meeting>,
    /// The office's texts of the period reports, by `period/section`.
    pub report_texts: BTreeMap<String, ReportText>,
    /// The tasks the office added, retired ones included, by id.
    pub office_tasks: BTreeMap<String, OfficeTask>,
    /// Each period closed (`Some`) or opened again (`None`), by its code.
    pub closings: BTreeMap<String, Option<Closing>>,
    pub set_aside: Vec<SetAside>,
}

/// A [`Snapshot`] borrowed from what a process holds: it encodes to the same
/// bytes, without a copy of the whole state first (its tasks as they are, or
/// without their full titles).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct SnapshotRef<'a, Tasks: Serialize = &'a [crate::domain::TaskDef]> {
    pub catalog: crate::domain::catalog::CatalogRef<'a, Tasks>,
    pub tasks: &'a BTreeMap<TaskKey, TaskState>,
    pub overrides: &'a BTreeMap<String, TaskOverride>,
    pub targets: &'a BTreeMap<String, TargetState>,
    pub agenda: &'a BTreeMap<TaskKey, AgendaMark>,
    pub meetings: &'a BTreeMap<u32, Meeting>,
    pub report_texts: &'a BTreeMap<String, ReportText>,
    pub office_tasks: &'a BTreeMap<String, OfficeTask>,
    pub closings: &'a BTreeMap<String, Option<Closing>>,
    pub set_aside: &'a [SetAside],
}

/// What one user action writes: new records and the history that explains them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Commit {
    pub catalog: Option<Catalog>,
    pub tasks: Vec<(TaskKey, TaskState)>,
    pub overrides: Vec<(String, TaskOverride)>,
    pub targets: Vec<(String, TargetState)>,
    /// Agenda flags set (`Some`) or taken off (`None`).
    pub agenda: Vec<(TaskKey, Option<AgendaMark>)>,
    pub meetings: Vec<(u32, Meeting)>,
    pub report_texts: Vec<(String, ReportText)>,
    pub office_tasks: Vec<(String, OfficeTask)>,
    /// Periods closed (`Some`) or opened again (`None`).
    pub closings: Vec<(String, Option<Closing>)>,
    /// Numbered by the store, in order, after the last entry.
    pub history: Vec<HistoryEntry>,
    /// The client request this commit answers, recorded with it.
    pub request: Option<RequestMark>,
}

impl Commit {
    /// True when there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.catalog.is_none()
            && self.tasks.is_empty()
            && self.overrides.is_empty()
            && self.targets.is_empty()
            && self.agenda.is_empty()
            && self.meetings.is_empty()
            && self.report_texts.is_empty()
            && self.office_tasks.is_empty()
            && self.closings.is_empty()
            && self.history.is_empty()
    }
}

/// One request of one client process, numbered by that client. Written in the
/// same transaction as the commit that answers it, so a client whose owner died
/// before replying can ask the next owner whether its edit was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestMark {
    pub client: u64,
    pub request: u64,
}

/// What the store remembers of a client's latest written request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRecord {
    pub request: u64,
    /// The history entries its commit wrote: `first_seq..=last_seq`.
    pub first_seq: u64,
    pub last_seq: u64,
    /// Seconds since the Unix epoch, for forgetting old clients.
    pub written_at: i64,
}

/// The whole store as data: the form of `cchc export`, `cchc import` and backups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dump {
    pub schema_version: u16,
    pub catalog: Catalog,
    pub tasks: Vec<(TaskKey, TaskState)>,
    pub overrides: Vec<(String, TaskOverride)>,
    pub targets: Vec<(String, TargetState)>,
    #[serde(default)]
    pub agenda: Vec<(TaskKey, AgendaMark)>,
    #[serde(default)]
    pub meetings: Vec<(u32, Meeting)>,
    #[serde(default)]
    pub report_texts: Vec<(String, ReportText)>,
    #[serde(default)]
    pub office_tasks: Vec<(String, OfficeTask)>,
    #[serde(default)]
    pub closings: Vec<(String, Option<Closing>)>,
    pub history: Vec<HistoryEntry>,
}

impl Dump {
    pub fn new(snapshot: Snapshot, history: Vec<HistoryEntry>) -> Dump {
        Dump {
            schema_version: SCHEMA_VERSION,
            catalog: snapshot.catalog,
            tasks: snapshot.tasks.into_iter().collect(),
            overrides: snapshot.overrides.into_iter().collect(),
            targets: snapshot.targets.into_iter().collect(),
            agenda: snapshot.agenda.into_iter().collect(),
            meetings: snapshot.meetings.into_iter().collect(),
            report_texts: snapshot.report_texts.into_iter().collect(),
            office_tasks: snapshot.office_tasks.into_iter().collect(),
            closings: snapshot.closings.into_iter().collect(),
            history,
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
pub enum StoreError {
    #[error("store {path} is held by another process")]
    Locked {
        path: PathBuf,
        holder: Option<String>,
    },
    #[error("store {path} is damaged: {detail}")]
    Corrupt {
        path: PathBuf,
        detail: String,
        backup: Option<PathBuf>,
    },
    #[error("store {path} was written by a newer cchc (schema {found})")]
    NewerSchema { path: PathBuf, found: u16 },
    #[error("store {path} already holds edits")]
    NotEmpty { path: PathBuf },
    #[error("{path}: {detail}")]
    Io { path: PathBuf, detail: String },
    /// The disk holding the store is full: nothing was written.
    #[error("{path}: the disk is full")]
    Full { path: PathBuf },
}

/// A place tasks live: the sled store and its in-memory twin. Processes that
/// share a store reach it through its owner (`crate::share`), which holds one.
/// Shared between threads: a report reads the history on another core.
pub trait Store: Send + Sync {
    fn load(&self) -> Result<Snapshot, StoreError>;
    /// [`Store::load`] with the plan's tasks as their compact index (see
    /// [`crate::domain::catalog::TaskIndex`]), their texts left to
    /// [`Store::texts`]. A store that keeps no index loads them whole.
    fn load_index(&self) -> Result<Snapshot, StoreError> {
        self.load()
    }
    /// The stored texts of the plan's tasks `ids`, or of every one.
    fn texts(&self, ids: Option<&[String]>) -> Result<Vec<(String, TaskText)>, StoreError> {
        let catalog = self.load()?.catalog;
        Ok(crate::domain::catalog::Plan::new(catalog).texts(ids))
    }
    /// Writes the commit atomically and durably; returns its numbered history.
    fn commit(&mut self, commit: Commit) -> Result<Vec<HistoryEntry>, StoreError>;
    /// History entries numbered after `after_seq`, oldest first. Polling this is
    /// how a reader learns of changes made since it last looked.
    fn history_since(&self, after_seq: u64) -> Result<Vec<HistoryEntry>, StoreError>;
    /// Replaces everything with `dump`; refused unless the store holds no edits.
    fn import(&mut self, dump: Dump) -> Result<(), StoreError>;
    /// Where the store is, for messages and the status line.
    fn location(&self) -> String;
    /// The latest request of `client` that a commit answered.
    fn last_request(&self, client: u64) -> Result<Option<RequestRecord>, StoreError>;
}

/// Creates the data folder, readable by its owner only, if it is missing. A
/// folder that exists keeps its mode: the command line sets that, knowing
/// how the folder is shared (see [`folder::prepare`]).
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    folder::prepare(dir, folder::Sharing::Private)
        .map(drop)
        .map_err(|e| StoreError::Io {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        })
}
