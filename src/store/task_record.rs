//! How a task occurrence is laid out in sled since schema 2: one small record
//! of its figures, and each note and each evidence document a record of its
//! own, appended. Adding a note writes the note and the small record, never
//! the notes before it, so a store grows with what is added, not with the
//! square of it. Schema 5 added the list of notes and documents taken back,
//! appended the same way; a record of schema 2–4 reads with none.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sled::transaction::{ConflictableTransactionError, TransactionalTree};

use super::SetAside;
use super::codec::{self, CodecError};
use crate::domain::{Evidence, Note, Status, TaskKey, TaskState, Withdrawal};

pub const TASK: &str = "task/";
pub const NOTE: &str = "note/";
pub const EVIDENCE: &str = "evidence/";
pub const WITHDRAWN: &str = "withdrawn/";
/// The first schema with this layout; schema 1 kept notes inside the task.
pub const FIRST_SCHEMA: u16 = 2;

type TxResult<T> = Result<T, ConflictableTransactionError<CodecError>>;

/// A task occurrence's figures, and how many notes and documents it has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskRecord {
    pub status: Status,
    pub progress: u8,
    pub completed_on: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub updated_at: Option<DateTime<FixedOffset>>,
    pub notes: u32,
    pub evidence: u32,
    pub withdrawn: u32,
}

/// The record as schemas 2 to 4 wrote it.
#[derive(Deserialize)]
struct TaskRecordV2 {
    status: Status,
    progress: u8,
    completed_on: Option<NaiveDate>,
    due: Option<NaiveDate>,
    updated_at: Option<DateTime<FixedOffset>>,
    notes: u32,
    evidence: u32,
}

/// The first schema whose task record counts what was taken back.
const WITHDRAWN_SCHEMA: u16 = 5;

pub fn decode_record(bytes: &[u8]) -> Result<TaskRecord, CodecError> {
    if codec::version(bytes)? >= WITHDRAWN_SCHEMA {
        return codec::decode_since(bytes, WITHDRAWN_SCHEMA);
    }
    let old: TaskRecordV2 = codec::decode_since(bytes, FIRST_SCHEMA)?;
    Ok(TaskRecord {
        status: old.status,
        progress: old.progress,
        completed_on: old.completed_on,
        due: old.due,
        updated_at: old.updated_at,
        notes: old.notes,
        evidence: old.evidence,
        withdrawn: 0,
    })
}

impl TaskRecord {
    fn of(state: &TaskState) -> TaskRecord {
        TaskRecord {
            status: state.status,
            progress: state.progress,
            completed_on: state.completed_on,
            due: state.due,
            updated_at: state.updated_at,
            notes: count(state.notes.len()),
            evidence: count(state.evidence.len()),
            withdrawn: count(state.withdrawn.len()),
        }
    }

    fn into_state(
        self,
        notes: Vec<Note>,
        evidence: Vec<Evidence>,
        withdrawn: Vec<Withdrawal>,
    ) -> TaskState {
        TaskState {
            status: self.status,
            progress: self.progress,
            completed_on: self.completed_on,
            due: self.due,
            notes,
            evidence,
            updated_at: self.updated_at,
            withdrawn,
        }
    }
}

fn count(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

fn item_key(prefix: &str, task: &str, index: usize) -> String {
    format!("{prefix}{task}/{index:08}")
}

/// Writes `state` of the occurrence named `task` inside a transaction: the
/// notes and documents beyond those already stored, and its record. (When an
/// undo took one away, the task's list is written again whole.)
pub fn write(tx: &TransactionalTree, task: &str, state: &TaskState) -> TxResult<()> {
    let record_key = format!("{TASK}{task}");
    let stored = match tx.get(record_key.as_bytes())? {
        Some(bytes) => decode_record(&bytes).ok(),
        None => None,
    };
    let (notes, evidence, withdrawn) =
        stored.map_or((0, 0, 0), |r| (r.notes, r.evidence, r.withdrawn));
    write_list(tx, NOTE, task, &state.notes, notes)?;
    write_list(tx, EVIDENCE, task, &state.evidence, evidence)?;
    write_list(tx, WITHDRAWN, task, &state.withdrawn, withdrawn)?;
    let bytes =
        codec::encode(&TaskRecord::of(state)).map_err(ConflictableTransactionError::Abort)?;
    tx.insert(record_key.as_bytes(), bytes)?;
    Ok(())
}

fn write_list<T: Serialize>(
    tx: &TransactionalTree,
    prefix: &str,
    task: &str,
    items: &[T],
    stored: u32,
) -> TxResult<()> {
    let stored = stored as usize;
    let first_new = if items.len() >= stored {
        stored
    } else {
        for index in items.len()..stored {
            tx.remove(item_key(prefix, task, index).as_bytes())?;
        }
        0
    };
    for (index, item) in items.iter().enumerate().skip(first_new) {
        let bytes = codec::encode(item).map_err(ConflictableTransactionError::Abort)?;
        tx.insert(item_key(prefix, task, index).as_bytes(), bytes)?;
    }
    Ok(())
}

/// Task records, notes and documents as read back, before they are joined.
#[derive(Default)]
pub struct Parts {
    pub records: BTreeMap<TaskKey, TaskRecord>,
    pub notes: BTreeMap<TaskKey, Vec<Note>>,
    pub evidence: BTreeMap<TaskKey, Vec<Evidence>>,
    pub withdrawn: BTreeMap<TaskKey, Vec<Withdrawal>>,
}

impl Parts {
    /// Each record with its notes and documents; a note or document whose
    /// task has no record is set aside.
    pub fn join(mut self, set_aside: &mut Vec<SetAside>) -> BTreeMap<TaskKey, TaskState> {
        let mut tasks = BTreeMap::new();
        for (key, record) in std::mem::take(&mut self.records) {
            let notes = self.notes.remove(&key).unwrap_or_default();
            let evidence = self.evidence.remove(&key).unwrap_or_default();
            let withdrawn = self.withdrawn.remove(&key).unwrap_or_default();
            tasks.insert(key, record.into_state(notes, evidence, withdrawn));
        }
        for (prefix, key) in self
            .notes
            .keys()
            .map(|k| (NOTE, k))
            .chain(self.evidence.keys().map(|k| (EVIDENCE, k)))
            .chain(self.withdrawn.keys().map(|k| (WITHDRAWN, k)))
        {
            set_aside.push(SetAside {
                key: format!("{prefix}{key}/…"),
                problem: "no task record".into(),
            });
        }
        tasks
    }
}

/// The task and index an item key names: `note/0.3@2026/00000001`.
pub fn parse_item_key(text: &str) -> Option<(TaskKey, usize)> {
    let (task, index) = text.rsplit_once('/')?;
    Some((
        super::sled_store::parse_task_key(task)?,
        index.parse().ok()?,
    ))
}

/// Decodes one item of a list, in order of its key.
pub fn decode_item<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    codec::decode_since(bytes, FIRST_SCHEMA)
}

/// A task occurrence as schema 1 kept it, notes and documents inside.
#[derive(Deserialize)]
struct TaskStateV1 {
    status: Status,
    progress: u8,
    completed_on: Option<NaiveDate>,
    due: Option<NaiveDate>,
    notes: Vec<Note>,
    evidence: Vec<Evidence>,
    updated_at: Option<DateTime<FixedOffset>>,
}

/// Reads a task record of schema 1, for its migration.
pub fn decode_schema_1(bytes: &[u8]) -> Result<TaskState, CodecError> {
    let old: TaskStateV1 = codec::decode(bytes)?;
    Ok(TaskState {
        status: old.status,
        progress: old.progress,
        completed_on: old.completed_on,
        due: old.due,
        notes: old.notes,
        evidence: old.evidence,
        updated_at: old.updated_at,
        withdrawn: Vec::new(),
    })
}
