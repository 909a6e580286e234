//! The messages between a `cchc` and the owner of its store. Every message is
//! framed by [`crate::store::wire`]: length, protocol version, bincode.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::app::{AppError, Operation};
use crate::domain::catalog::CatalogError;
use crate::domain::catalog::TaskText;
use crate::domain::{HistoryEntry, InputError, TaskDef};
use crate::store::{Commit, Dump, Snapshot, SnapshotRef, StoreError};

/// The largest message a client may send: an import of a large plan fits
/// (100,000 tasks with their history take a few MiB).
pub const REQUEST_LIMIT: usize = 64 << 20;
/// The largest message the owner sends (a snapshot of a very large store).
pub const REPLY_LIMIT: usize = 1 << 30;
/// The longest "what" a client may call itself, in characters.
pub const WHAT_LIMIT: usize = 32;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The first message of every connection. `client` numbers this process
    /// for the life of the process, across reconnections; `what` says what it
    /// is ("tui", "present", "set"), for `cchc status`.
    Hello {
        client: u64,
        what: String,
        /// The person's name from their config file, if they set one.
        name: Option<String>,
    },
    /// Everything but the history. (Every change is pushed to every client
    /// from its hello on; a client drops those older than its snapshot.)
    Load,
    /// History entries numbered after `after`.
    History {
        after: u64,
    },
    Perform {
        request: u64,
        op: Operation,
    },
    Import {
        request: u64,
        dump: Box<Dump>,
    },
    /// Was request `request` of client `client` written? Asked after a lost
    /// connection, possibly of a new owner.
    WasWritten {
        client: u64,
        request: u64,
    },
    Status,
    /// A command that only reads, run by the owner on what it holds; the
    /// payload is the command's own (see `crate::cli::remote`).
    Read {
        payload: Vec<u8>,
    },
    /// [`Request::Load`] with the plan's tasks as their compact index (see
    /// `crate::domain::catalog::TaskIndex`): what a screen opens on.
    LoadIndex,
    /// The texts the index leaves out, of the plan's tasks `ids` or of all.
    Texts {
        ids: Option<Vec<String>>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Welcome {
        owner_pid: u32,
    },
    /// Everything but the history. (The owner encodes it as [`SnapshotReply`].)
    Snapshot(Box<Snapshot>),
    History(Vec<HistoryEntry>),
    Done {
        request: u64,
        commit: Box<Commit>,
    },
    Refused {
        request: u64,
        reason: Refusal,
    },
    Imported {
        request: u64,
    },
    /// The history entries the asked request wrote, or `None` when it was not
    /// written.
    Written(Option<Vec<HistoryEntry>>),
    Status(Box<OwnerStatus>),
    /// Pushed: another client's edit, as written.
    Committed(Box<Commit>),
    /// Pushed: the store was replaced; read everything again.
    Reload,
    /// The request could not be understood; the owner closes the connection.
    Error(String),
    /// What a command that only reads printed, run by the owner.
    Read(ReadAnswer),
    /// Sent every second while a client waits for an answer: the owner is
    /// working on it, not stopped.
    Alive,
    /// Task texts by id, as asked by [`Request::Texts`].
    Texts(Vec<(String, TaskText)>),
}

/// What a command run by the owner for a client printed, and how it ended.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadAnswer {
    /// Text: sent as one string, not byte by byte.
    pub out: String,
    /// Said on standard error before the output (stored records set aside).
    pub warning: Option<String>,
    /// The error and the exit code, when the command failed.
    pub error: Option<(String, u8)>,
}

/// [`Reply::Snapshot`] as the owner encodes it: from its state borrowed, to
/// the same bytes, so that a client's load costs no copy of a large store.
pub struct SnapshotReply<'a, Tasks: Serialize = &'a [TaskDef]>(pub SnapshotRef<'a, Tasks>);

impl<Tasks: Serialize> Serialize for SnapshotReply<'_, Tasks> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The position of `Snapshot` among the variants of `Reply`.
        const SNAPSHOT_VARIANT: u32 = 1;
        serializer.serialize_newtype_variant("Reply", SNAPSHOT_VARIANT, "Snapshot", &self.0)
    }
}

/// Why the owner did not carry out an operation; nothing was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Refusal {
    Input(InputError),
    Store(StoreError),
    Catalog(Vec<String>),
    Other(String),
}

impl From<AppError> for Refusal {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Input(e) => Refusal::Input(e),
            AppError::Store(e) => Refusal::Store(e),
            AppError::Catalog(e) => Refusal::Catalog(e.0),
            AppError::Share(e) => Refusal::Other(e.to_string()),
        }
    }
}

impl From<Refusal> for AppError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::Input(e) => AppError::Input(e),
            Refusal::Store(e) => AppError::Store(e),
            Refusal::Catalog(problems) => AppError::Catalog(CatalogError(problems)),
            Refusal::Other(detail) => AppError::Share(crate::app::ShareError::Protocol(detail)),
        }
    }
}

/// What `cchc status` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnerStatus {
    pub pid: u32,
    pub user: String,
    pub started: DateTime<FixedOffset>,
    pub store: String,
    /// The number of the last history entry.
    pub last_seq: u64,
    pub clients: Vec<ClientStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientStatus {
    /// From the socket's peer credentials.
    pub pid: u32,
    pub user: String,
    /// As the client said (sanitized).
    pub what: String,
    pub since: DateTime<FixedOffset>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{App, Clock};
    use crate::domain::Catalog;
    use crate::store::{MemoryStore, wire};

    #[test]
    fn the_borrowed_snapshot_encodes_as_the_reply_clients_decode() {
        let catalog = Catalog::bundled().expect("the bundled catalog");
        let store = MemoryStore::new(catalog);
        let clock = Clock::from_env().expect("a clock");
        let app = App::open(Box::new(store), clock, "owner".into()).expect("open");
        let borrowed = wire::encode(&SnapshotReply(app.snapshot_ref())).expect("encode");
        let owned = wire::encode(&Reply::Snapshot(Box::new(app.snapshot()))).expect("encode");
        assert_eq!(borrowed, owned);
        let sized = wire::encode_large(&SnapshotReply(app.snapshot_ref())).expect("encode");
        assert_eq!(sized, owned, "sized first, the same bytes");
        let decoded: Reply = wire::decode(&owned[4..]).expect("decode");
        assert_eq!(decoded, Reply::Snapshot(Box::new(app.snapshot())));
    }

    #[test]
    fn the_index_is_the_snapshot_without_task_texts_and_the_texts_put_it_back() {
        let mut catalog = Catalog::bundled().expect("the bundled catalog");
        // Every field of a task set, so that one encoded out of place shows.
        let task = &mut catalog.tasks[0];
        task.parent = Some("0.2".into());
        task.due = chrono::NaiveDate::from_ymd_opt(2027, 6, 30);
        task.due_day = Some("06-30".into());
        task.due_source = Some(crate::domain::Source::Office("giả định".into()));
        task.start = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
        let store = MemoryStore::new(catalog);
        let clock = Clock::from_env().expect("a clock");
        let app = App::open(Box::new(store), clock, "owner".into()).expect("open");
        let frame = wire::encode_large(&SnapshotReply(app.index_snapshot_ref())).expect("encode");
        let Reply::Snapshot(index) = wire::decode(&frame[4..]).expect("decode") else {
            panic!("not a snapshot");
        };
        let whole = app.snapshot();
        let mut expected = whole.clone();
        for task in &mut expected.catalog.tasks {
            assert!(!task.lacks_text());
            task.title.clear();
            task.short.clear();
            task.plan_ref.clear();
            task.due_source = None;
        }
        assert_eq!(*index, expected);
        let whole_frame = wire::encode(&SnapshotReply(app.snapshot_ref())).expect("encode");
        assert!(frame.len() * 3 < whole_frame.len(), "the index is small");

        let mut plan = crate::domain::catalog::Plan::new(index.catalog);
        assert!(plan.lacks_text("0.1"));
        plan.fill_texts(app.plan().texts(None));
        assert_eq!(plan.stored_catalog(), whole.catalog);
    }
}
