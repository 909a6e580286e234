//! Where this process's store is: opened here, or held by the owner process
//! every `cchc` on the store talks to, and how the application writes to it
//! and takes in what others wrote. The connection itself is `crate::share`;
//! this is what the application needs of it.

use std::cell::Ref;
use std::os::fd::AsFd;

use super::operation::Operation;
use super::{App, AppError};
use crate::domain::HistoryEntry;
use crate::domain::catalog::{CatalogRef, TaskIndex, TaskText};
use crate::store::{Commit, Dump, Snapshot, SnapshotRef, Store};

pub enum Link {
    /// This process opened the store and writes it itself.
    Direct(Box<dyn Store>),
    /// Another process owns the store; every read and edit goes through it.
    Shared(Box<dyn Owner>),
}

/// A connection to the process that owns the store.
pub trait Owner {
    fn load(&self) -> Result<Snapshot, AppError>;
    fn history_since(&self, after_seq: u64) -> Result<Vec<HistoryEntry>, AppError>;
    /// Has the owner carry out `op`, which it writes durably before replying.
    fn perform(&self, op: &Operation) -> Result<Performed, AppError>;
    fn import(&self, dump: Dump) -> Result<(), AppError>;
    /// What the owner pushed since the last call, without waiting; after a
    /// lost connection, the outcome of reconnecting.
    fn updates(&self) -> Vec<Update>;
    /// Readable when the owner has pushed something.
    fn wake_fd(&self) -> Option<Ref<'_, dyn AsFd>>;
    /// False while the owner is lost and no new one has answered yet.
    fn is_connected(&self) -> bool;
    fn location(&self) -> String;
    /// [`Owner::load`] with the plan's tasks as their compact index, their
    /// texts read with [`Owner::texts`]. An owner that cannot sends them whole.
    fn load_index(&self) -> Result<Snapshot, AppError> {
        self.load()
    }
    /// The texts of the plan's tasks `ids`, or of every one.
    fn texts(&self, ids: Option<Vec<String>>) -> Result<Vec<(String, TaskText)>, AppError> {
        let snapshot = self.load()?;
        let plan = crate::domain::catalog::Plan::new(snapshot.catalog);
        Ok(plan.texts(ids.as_deref()))
    }
    /// Every text, read on another thread over a connection of its own;
    /// `None` when that cannot be started.
    fn texts_in_background(&self) -> Option<TextsComing> {
        None
    }
    /// The whole history, read like [`Owner::texts_in_background`].
    fn history_in_background(&self) -> Option<Coming<Vec<HistoryEntry>>> {
        None
    }
}

/// What is read on another thread, as it arrives.
pub type Coming<T> = std::sync::mpsc::Receiver<Result<T, AppError>>;

/// Task texts by id, as they arrive from another thread.
pub type TextsComing = Coming<Vec<(String, TaskText)>>;

/// The owner's answer to an operation.
#[derive(Debug)]
pub struct Performed {
    /// What arrived before the answer: other processes' edits, in order.
    pub before: Vec<Update>,
    /// The commit written for the operation (its history numbered).
    pub commit: Commit,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// An edit the owner wrote, as it wrote it.
    Committed(Box<Commit>),
    /// The store was replaced (an import): everything must be read again.
    Reload,
    /// The owner went away and this process reconnected to its successor:
    /// everything must be read again.
    Reconnected,
    /// The owner went away and none could be reached yet.
    Lost,
}

impl Link {
    pub fn load(&self) -> Result<Snapshot, AppError> {
        match self {
            Link::Direct(store) => Ok(store.load()?),
            Link::Shared(owner) => owner.load(),
        }
    }

    pub fn load_index(&self) -> Result<Snapshot, AppError> {
        match self {
            Link::Direct(store) => Ok(store.load_index()?),
            Link::Shared(owner) => owner.load_index(),
        }
    }

    /// The texts of the plan's tasks `ids`, or of every one.
    pub fn texts(&self, ids: Option<Vec<String>>) -> Result<Vec<(String, TaskText)>, AppError> {
        match self {
            Link::Direct(store) => Ok(store.texts(ids.as_deref())?),
            Link::Shared(owner) => owner.texts(ids),
        }
    }

    pub fn history_since(&self, after_seq: u64) -> Result<Vec<HistoryEntry>, AppError> {
        match self {
            Link::Direct(store) => Ok(store.history_since(after_seq)?),
            Link::Shared(owner) => owner.history_since(after_seq),
        }
    }

    pub fn location(&self) -> String {
        match self {
            Link::Direct(store) => store.location(),
            Link::Shared(owner) => owner.location(),
        }
    }

    pub fn import(&mut self, dump: Dump) -> Result<(), AppError> {
        match self {
            Link::Direct(store) => Ok(store.import(dump)?),
            Link::Shared(owner) => owner.import(dump),
        }
    }
}

/// What the user should be told about the shared store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Notice {
    /// The owner process stopped; this program reconnected to a new one and
    /// read everything again.
    Reconnected,
    /// The owner process stopped and no new one could be reached yet.
    Lost,
    /// The owner process stopped while an edit was on its way; this program
    /// reconnected, and the new owner found the edit written.
    SavedAfterReconnect,
}

/// The outcome of taking in what the owner pushed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Synced {
    /// Something shown may have changed.
    pub changed: bool,
    pub notice: Option<Notice>,
}

/// How the application writes, and takes in what others wrote.
impl App {
    /// Carries out `op`: here, when this process opened the store, else by the
    /// store's owner. Either way it is durable when this returns, and the
    /// history entries it wrote are returned.
    pub fn perform(&mut self, op: Operation) -> Result<Vec<HistoryEntry>, AppError> {
        self.check_writable()?;
        let performed = match &self.link {
            Link::Direct(_) => {
                let who = self.who.clone();
                let commit = self.prepare(&op, &who)?;
                return self.write(commit).map(|c| c.history);
            }
            Link::Shared(owner) => owner.perform(&op),
        };
        match performed {
            Ok(performed) => {
                let reconnected = performed.before.contains(&Update::Reconnected);
                let reloaded = reconnected || performed.before.contains(&Update::Reload);
                let synced = self.take_updates(performed.before)?;
                self.notice = if reconnected {
                    Some(Notice::SavedAfterReconnect)
                } else {
                    synced.notice.or(self.notice.take())
                };
                // A snapshot read after the owner wrote already holds the commit.
                if !reloaded {
                    self.absorb(&performed.commit);
                }
                Ok(performed.commit.history)
            }
            Err(e) => {
                // Whatever happened to the connection, what is shown must be
                // what the store holds; the refusal is what the user must see.
                if let Ok(synced) = self.sync() {
                    self.notice = synced.notice.or(self.notice.take());
                }
                Err(e)
            }
        }
    }

    /// Writes a prepared commit to the store this process opened, durably,
    /// and takes it in; returns it with its history numbered.
    pub fn write(&mut self, mut commit: Commit) -> Result<Commit, AppError> {
        if commit.is_empty() {
            return Ok(commit);
        }
        let Link::Direct(store) = &mut self.link else {
            return Err(ShareError::Protocol("write on a shared store".into()).into());
        };
        commit.history = store.commit(commit.clone())?;
        self.absorb(&commit);
        Ok(commit)
    }

    /// Takes in what the owner pushed since the last look; says whether the
    /// screen needs drawing again and what to tell the user.
    pub fn sync(&mut self) -> Result<Synced, AppError> {
        let updates = match &self.link {
            Link::Direct(_) => return Ok(Synced::default()),
            Link::Shared(owner) => owner.updates(),
        };
        self.take_updates(updates)
    }

    fn take_updates(&mut self, updates: Vec<Update>) -> Result<Synced, AppError> {
        let mut synced = Synced::default();
        for update in updates {
            synced.changed = true;
            match update {
                Update::Committed(commit) => self.absorb(&commit),
                Update::Reload => self.reload()?,
                Update::Reconnected => {
                    self.reload()?;
                    synced.notice = Some(Notice::Reconnected);
                }
                Update::Lost => synced.notice = Some(Notice::Lost),
            }
        }
        Ok(synced)
    }

    /// Readable when the store's owner has pushed a change.
    pub fn wake_fd(&self) -> Option<std::cell::Ref<'_, dyn std::os::fd::AsFd>> {
        match &self.link {
            Link::Direct(_) => None,
            Link::Shared(owner) => owner.wake_fd(),
        }
    }

    /// Everything but the history, as held here: what an owner sends a client.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            catalog: self.plan.stored_catalog(),
            tasks: self.tasks.clone(),
            overrides: self.overrides.clone(),
            targets: self.targets.clone(),
            agenda: self.agenda.clone(),
            meetings: self.meetings.clone(),
            report_texts: self.report_texts.clone(),
            office_tasks: self.office_tasks.clone(),
            closings: self.closings.clone(),
            set_aside: self.set_aside.clone(),
        }
    }

    /// Everything but the history, borrowed: what an owner encodes for a
    /// client without copying it.
    pub fn snapshot_ref(&self) -> SnapshotRef<'_> {
        self.snapshot_with(self.plan.stored_catalog_ref())
    }

    /// [`App::snapshot_ref`] with the plan's tasks as their compact index:
    /// what a screen opens on, a small part of a large plan.
    pub fn index_snapshot_ref(&self) -> SnapshotRef<'_, TaskIndex<'_>> {
        self.snapshot_with(self.plan.index_catalog_ref())
    }

    fn snapshot_with<'a, T: serde::Serialize>(
        &'a self,
        catalog: CatalogRef<'a, T>,
    ) -> SnapshotRef<'a, T> {
        SnapshotRef {
            catalog,
            tasks: &self.tasks,
            overrides: &self.overrides,
            targets: &self.targets,
            agenda: &self.agenda,
            meetings: &self.meetings,
            report_texts: &self.report_texts,
            office_tasks: &self.office_tasks,
            closings: &self.closings,
            set_aside: &self.set_aside,
        }
    }

    /// The number of the last history entry.
    pub fn last_seq(&self) -> Result<u64, AppError> {
        Ok(self.load_history()?.last().map_or(0, |e| e.seq))
    }

    /// The history entries a client's request wrote, if the store holds them:
    /// `None` when that request was never written.
    pub fn written_by(
        &self,
        client: u64,
        request: u64,
    ) -> Result<Option<Vec<HistoryEntry>>, AppError> {
        let Link::Direct(store) = &self.link else {
            return Err(ShareError::Protocol("asked of a shared store".into()).into());
        };
        let Some(record) = store.last_request(client)? else {
            return Ok(None);
        };
        if record.request != request {
            return Ok(None);
        }
        let history = self.load_history()?;
        Ok(Some(
            history
                .iter()
                .filter(|e| (record.first_seq..=record.last_seq).contains(&e.seq))
                .cloned()
                .collect(),
        ))
    }

    /// What the user should be told about the shared store, once.
    pub fn take_notice(&mut self) -> Option<Notice> {
        self.notice.take()
    }

    /// False while the store's owner is lost: what is shown may be out of
    /// date, and nothing can be saved.
    pub fn is_connected(&self) -> bool {
        match &self.link {
            Link::Direct(_) => true,
            Link::Shared(owner) => owner.is_connected(),
        }
    }

    pub fn is_shared(&self) -> bool {
        matches!(self.link, Link::Shared(_))
    }
}

/// Why a shared store could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ShareError {
    /// No owner answered and none could be started.
    #[error("no owner process answers for the store: {0}")]
    Unreachable(String),
    /// The connection broke before the owner confirmed the edit, and the
    /// store shows it was not written.
    #[error("the edit was not saved: the owner process stopped before writing it")]
    NotSaved,
    /// The connection broke before the owner confirmed the edit, and no owner
    /// could be asked since: whether it was written is not known yet.
    #[error("the edit may not have been saved: the owner process cannot be reached")]
    Unconfirmed,
    /// No owner answered within the wait, one started by this process
    /// included when `started`.
    #[error("no owner process answered within {waited_secs} s")]
    NoOwner { waited_secs: u64, started: bool },
    /// The store's owner runs as another account, whose socket this
    /// account may not open.
    #[error("the owner process runs as {account}, which this account cannot reach")]
    OtherAccount { account: String },
    /// A request larger than the owner takes (an import of a huge file).
    #[error("the request of {bytes} bytes is over the owner's limit of {limit}")]
    TooLarge { bytes: u64, limit: u64 },
    /// An owner accepted the connection and then said nothing: it is
    /// stopped or hung.
    #[error("the owner process does not answer")]
    NotResponding,
    /// An owner was started and stopped at once, saying this.
    #[error("the owner process could not start: {0}")]
    OwnerFailed(String),
    /// The owner and this program do not speak the same protocol.
    #[error("the owner process speaks protocol {owner}, this program {ours}")]
    Version { owner: u16, ours: u16 },
    /// A message that could not be read, or an answer that makes no sense.
    #[error("protocol error: {0}")]
    Protocol(String),
}

impl From<ShareError> for AppError {
    fn from(e: ShareError) -> Self {
        AppError::Share(e)
    }
}
