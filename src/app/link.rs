//! Where this process's store is: opened here, or held by the owner process
//! every `cchc` on the store talks to. The connection itself is `crate::share`;
//! this is what the application needs of it.

use std::cell::Ref;
use std::os::fd::AsFd;

use super::AppError;
use super::operation::Operation;
use crate::domain::HistoryEntry;
use crate::store::{Commit, Dump, Snapshot, Store};

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
}

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
