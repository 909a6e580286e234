//! The sled store: one tree of prefixed keys, written in transactions, flushed
//! and fsynced before a commit returns.

mod disk;
mod plan_text;
mod records;

use disk::*;
use plan_text::*;
pub(super) use records::parse_task_key;
use records::*;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};

use super::codec::{self, CodecError};
use super::lock::{self, StoreLock};
use super::task_record::{self, EVIDENCE, NOTE, TASK, WITHDRAWN};
use super::{
    Commit, Dump, RequestMark, RequestRecord, SCHEMA_VERSION, SetAside, Snapshot, Store,
    StoreError, backup,
};
use super::{catalog_record, override_record, target_record};
use crate::domain::catalog::TaskText;
use crate::domain::{Catalog, HistoryEntry, TaskKey, TaskState};

const SCHEMA_KEY: &[u8] = b"meta/schema";
const SEQ_KEY: &[u8] = b"meta/seq";
const CATALOG_KEY: &[u8] = b"catalog";
const OVERRIDE: &str = "override/";
const TARGET: &str = "target/";
const REPORT_TEXT: &str = "report/";
const CLOSING: &str = "closing/";
const AGENDA: &str = "agenda/";
const MEETING: &str = "meeting/";
const OFFICE_TASK: &str = "office-task/";
const HISTORY: &[u8] = b"history/";
const REQUEST: &str = "request/";
/// Written beside the database once it has been seeded and flushed.
const SEEDED_MARKER: &str = "cchc.seeded";

#[derive(Debug)]
pub struct SledStore {
    dir: PathBuf,
    /// `None` only while being opened again after a failed write.
    db: Option<sled::Db>,
    /// A write failed on the disk (full, or an I/O error): sled keeps that
    /// error and fails everything after it, so the next write opens the
    /// store again from what is on disk, which the failed write never reached.
    failed: bool,
    /// The blob files already fsynced (see [`disk::fsync_tree`]).
    synced_blobs: std::sync::Mutex<SyncedBlobs>,
    _lock: StoreLock,
}

impl SledStore {
    /// Opens (creating and seeding with `seed` on first use) the store in `dir`.
    /// `holder` says who opens it, for the message another process gets.
    pub fn open(dir: &Path, seed: &Catalog, holder: &str) -> Result<SledStore, StoreError> {
        super::create_private_dir(dir)?;
        let lock = lock::acquire(dir, holder)?;
        let db = open_db(dir)?;
        let mut store = SledStore {
            dir: dir.to_path_buf(),
            db: Some(db),
            failed: false,
            synced_blobs: Default::default(),
            _lock: lock,
        };
        match store.schema()? {
            // sled can come back empty from damaged files: a store that was
            // seeded before, or whose folder holds its backups, is damaged,
            // not new, and must not be seeded afresh over what it held.
            None if dir.join(SEEDED_MARKER).exists() || backup::newest(dir).is_some() => {
                return Err(store.corrupt("the store's records are missing"));
            }
            None => store.seed(seed)?,
            Some(found) if found > SCHEMA_VERSION => {
                return Err(StoreError::NewerSchema {
                    path: dir.to_path_buf(),
                    found,
                });
            }
            Some(1) => {
                store.migrate_from_schema_1()?;
                store.split_catalog()?;
            }
            Some(found) if found < SCHEMA_VERSION => store.split_catalog()?,
            Some(_) => {}
        }
        Ok(store)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn db(&self) -> Result<&sled::Db, StoreError> {
        self.db.as_ref().ok_or_else(|| StoreError::Io {
            path: self.dir.clone(),
            detail: "the store is being opened again".into(),
        })
    }

    /// After a failed write, drops sled (which, holding the error, flushes
    /// nothing more) and opens the store again from disk.
    fn recover(&mut self) -> Result<(), StoreError> {
        if !self.failed {
            return Ok(());
        }
        // Opening sled writes to its files: on a disk still full that can
        // leave them unreadable, so the store is opened again only once there
        // is room, and until then the write is refused as before.
        if !has_room(&self.dir) {
            return Err(StoreError::Full {
                path: self.dir.clone(),
            });
        }
        self.db = None;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let db = loop {
            match open_db(&self.dir) {
                // sled's threads may still hold its files for a moment.
                Err(StoreError::Locked { .. }) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                other => break other?,
            }
        };
        self.db = Some(db);
        self.failed = false;
        Ok(())
    }

    /// Runs a write, marking the store for opening again if the disk failed it.
    fn guarded<T>(
        &mut self,
        write: impl FnOnce(&mut Self) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.recover()?;
        let result = write(self);
        if matches!(result, Err(StoreError::Io { .. } | StoreError::Full { .. })) {
            self.failed = true;
        }
        result
    }

    fn sled_dir(&self) -> PathBuf {
        self.dir.join("sled")
    }

    fn schema(&self) -> Result<Option<u16>, StoreError> {
        let Some(bytes) = self.db()?.get(SCHEMA_KEY).map_err(|e| self.sled_error(e))? else {
            return Ok(None);
        };
        let bytes: [u8; 2] = bytes
            .as_ref()
            .try_into()
            .map_err(|_| self.corrupt("schema"))?;
        Ok(Some(u16::from_le_bytes(bytes)))
    }

    /// Schema 1 kept each task's notes and documents inside its record: they
    /// become records of their own, in one transaction, made durable before
    /// the store is used. A record that cannot be read stays as it was, to be
    /// set aside when loaded.
    fn migrate_from_schema_1(&mut self) -> Result<(), StoreError> {
        let mut states = Vec::new();
        for item in self.db()?.scan_prefix(TASK) {
            let (key, value) = item.map_err(|e| self.sled_error(e))?;
            if let (Ok(name), Ok(state)) = (
                String::from_utf8(key[TASK.len()..].to_vec()),
                task_record::decode_schema_1(&value),
            ) {
                states.push((key, name, state));
            }
        }
        let result: Result<(), TransactionError<CodecError>> = self.db()?.transaction(|tx| {
            for (key, name, state) in &states {
                tx.remove(key)?;
                task_record::write(tx, name, state)?;
            }
            tx.insert(SCHEMA_KEY, &SCHEMA_VERSION.to_le_bytes())?;
            Ok(())
        });
        self.made_durable(result)
    }

    fn seed(&mut self, catalog: &Catalog) -> Result<(), StoreError> {
        let commit = Commit {
            catalog: Some(catalog.clone()),
            ..Commit::default()
        };
        self.write(commit, true)?;
        let marker = self.dir.join(SEEDED_MARKER);
        super::folder::open_to_write(&self.dir, &marker)
            .and_then(|mut file| {
                file.set_len(0)?;
                std::io::Write::write_all(&mut file, b"cchc store\n")?;
                file.sync_all()
            })
            .map_err(|e| StoreError::Io {
                path: marker.clone(),
                detail: e.to_string(),
            })
    }

    fn write(
        &mut self,
        commit: Commit,
        with_schema: bool,
    ) -> Result<Vec<HistoryEntry>, StoreError> {
        let records = encode_commit(&commit).map_err(|e| self.corrupt(&e.to_string()))?;
        let mut removals: Vec<Vec<u8>> = commit
            .agenda
            .iter()
            .filter(|(_, mark)| mark.is_none())
            .map(|(key, _)| format!("{AGENDA}{key}").into_bytes())
            .collect();
        if let Some(catalog) = &commit.catalog {
            removals.extend(self.stale_texts(catalog)?);
        }
        let history = commit.history;
        let request = commit.request;
        let tasks: Vec<(String, TaskState)> = commit
            .tasks
            .into_iter()
            .map(|(key, state)| (key.to_string(), state))
            .collect();
        let written_at = chrono::Utc::now().timestamp();
        let result = self.db()?.transaction(|tx| {
            if with_schema {
                tx.insert(SCHEMA_KEY, &SCHEMA_VERSION.to_le_bytes())?;
            }
            for (key, value) in &records {
                tx.insert(key.as_slice(), value.as_slice())?;
            }
            for (name, state) in &tasks {
                task_record::write(tx, name, state)?;
            }
            for key in &removals {
                tx.remove(key.as_slice())?;
            }
            let entries = append_history(tx, &history)?;
            if let Some(mark) = request {
                record_request(tx, mark, &entries, written_at)?;
            }
            Ok(entries)
        });
        self.made_durable(result)
    }

    /// The outcome of a transaction: once it is written, made durable before
    /// anyone is told; a failure in the store's words.
    fn made_durable<T>(
        &self,
        result: Result<T, TransactionError<CodecError>>,
    ) -> Result<T, StoreError> {
        match result {
            Ok(written) => self.make_durable().map(|()| written),
            Err(TransactionError::Abort(e)) => Err(self.corrupt(&e.to_string())),
            Err(TransactionError::Storage(e)) => Err(self.sled_error(e)),
        }
    }

    /// sled's flush only calls sync_file_range on Linux (spacejam/sled#1452),
    /// which survives a killed process but not a power cut; fsync every file too.
    fn make_durable(&self) -> Result<(), StoreError> {
        self.db()?.flush().map_err(|e| self.sled_error(e))?;
        let mut synced_blobs = self
            .synced_blobs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        fsync_tree(&self.sled_dir(), &mut synced_blobs).map_err(|e| io_error(&self.sled_dir(), &e))
    }

    fn corrupt(&self, detail: &str) -> StoreError {
        StoreError::Corrupt {
            path: self.dir.clone(),
            detail: detail.to_string(),
            backup: backup::newest(&self.dir),
        }
    }

    fn sled_error(&self, error: sled::Error) -> StoreError {
        match error {
            sled::Error::Io(e) => io_error(&self.dir, &e),
            other => self.corrupt(&other.to_string()),
        }
    }

    /// The records under `prefix`; one whose key or value cannot be read is
    /// set aside in `set_aside` instead of failing the whole load.
    fn read_prefix<K: Ord, V: DeserializeOwned>(
        &self,
        prefix: &str,
        key: impl Fn(&str) -> Option<K>,
        set_aside: &mut Vec<SetAside>,
    ) -> Result<BTreeMap<K, V>, StoreError> {
        self.read_prefix_with(prefix, key, codec::decode, set_aside)
    }

    fn read_prefix_with<K: Ord, V>(
        &self,
        prefix: &str,
        key: impl Fn(&str) -> Option<K>,
        decode: impl Fn(&[u8]) -> Result<V, CodecError>,
        set_aside: &mut Vec<SetAside>,
    ) -> Result<BTreeMap<K, V>, StoreError> {
        let mut map = BTreeMap::new();
        for item in self.db()?.scan_prefix(prefix) {
            let (k, v) = item.map_err(|e| self.sled_error(e))?;
            let name = || String::from_utf8_lossy(&k).into_owned();
            let Some(parsed) = std::str::from_utf8(&k[prefix.len()..]).ok().and_then(&key) else {
                set_aside.push(SetAside {
                    key: name(),
                    problem: "key".into(),
                });
                continue;
            };
            match decode(&v) {
                Ok(value) => {
                    map.insert(parsed, value);
                }
                Err(CodecError::Newer(found)) => {
                    return Err(StoreError::NewerSchema {
                        path: self.dir.clone(),
                        found,
                    });
                }
                Err(e) => set_aside.push(SetAside {
                    key: name(),
                    problem: e.to_string(),
                }),
            }
        }
        Ok(map)
    }

    /// Task records joined with their notes and documents.
    fn read_tasks(
        &self,
        set_aside: &mut Vec<SetAside>,
    ) -> Result<BTreeMap<TaskKey, TaskState>, StoreError> {
        let records =
            self.read_prefix_with(TASK, parse_task_key, task_record::decode_record, set_aside)?;
        let notes = self.read_prefix_with(
            NOTE,
            task_record::parse_item_key,
            task_record::decode_item,
            set_aside,
        )?;
        let evidence = self.read_prefix_with(
            EVIDENCE,
            task_record::parse_item_key,
            task_record::decode_item,
            set_aside,
        )?;
        let withdrawn = self.read_prefix_with(
            WITHDRAWN,
            task_record::parse_item_key,
            task_record::decode_item,
            set_aside,
        )?;
        let parts = task_record::Parts {
            records,
            notes: group(notes),
            evidence: group(evidence),
            withdrawn: group(withdrawn),
        };
        Ok(parts.join(set_aside))
    }

    fn decode_error(&self, what: &str, error: CodecError) -> StoreError {
        match error {
            CodecError::Newer(found) => StoreError::NewerSchema {
                path: self.dir.clone(),
                found,
            },
            other => self.corrupt(&format!("{what}: {other}")),
        }
    }

    /// Replaces everything with `dump`, refused unless the store holds no edits.
    fn replace_all(&mut self, dump: Dump) -> Result<(), StoreError> {
        if self.holds_edits()? {
            return Err(StoreError::NotEmpty {
                path: self.dir.clone(),
            });
        }
        let records = encode_dump(&dump).map_err(|e| self.corrupt(&e.to_string()))?;
        let tasks: Vec<(String, &TaskState)> = dump
            .tasks
            .iter()
            .map(|(key, state)| (key.to_string(), state))
            .collect();
        let last_seq = dump.history.iter().map(|e| e.seq).max().unwrap_or(0);
        let existing = self.all_keys()?;
        // One transaction: sled seals it as one batch in its log, so a kill or
        // a full disk leaves either the store as it was or the imported one.
        let result: Result<(), TransactionError<CodecError>> = self.db()?.transaction(|tx| {
            for key in &existing {
                tx.remove(key)?;
            }
            tx.insert(SCHEMA_KEY, &SCHEMA_VERSION.to_le_bytes())?;
            tx.insert(SEQ_KEY, &last_seq.to_be_bytes())?;
            for (key, value) in &records {
                tx.insert(key.as_slice(), value.as_slice())?;
            }
            for (name, state) in &tasks {
                task_record::write(tx, name, state)?;
            }
            Ok(())
        });
        self.made_durable(result)
    }

    fn all_keys(&self) -> Result<Vec<sled::IVec>, StoreError> {
        self.db()?
            .iter()
            .keys()
            .collect::<Result<_, _>>()
            .map_err(|e| self.sled_error(e))
    }

    fn holds_edits(&self) -> Result<bool, StoreError> {
        let prefixes: [&[u8]; 12] = [
            OFFICE_TASK.as_bytes(),
            CLOSING.as_bytes(),
            WITHDRAWN.as_bytes(),
            REPORT_TEXT.as_bytes(),
            TASK.as_bytes(),
            NOTE.as_bytes(),
            EVIDENCE.as_bytes(),
            OVERRIDE.as_bytes(),
            TARGET.as_bytes(),
            AGENDA.as_bytes(),
            MEETING.as_bytes(),
            HISTORY,
        ];
        for prefix in prefixes {
            if self
                .db()?
                .scan_prefix(prefix)
                .next()
                .transpose()
                .map_err(|e| self.sled_error(e))?
                .is_some()
            {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

impl Store for SledStore {
    fn load(&self) -> Result<Snapshot, StoreError> {
        // The texts, half of a large plan's bytes, are read on another core
        // while the index is.
        let (index, texts) = std::thread::scope(|scope| {
            let texts = scope.spawn(|| {
                let mut set_aside = Vec::new();
                self.read_texts(&mut set_aside)
                    .map(|texts| (texts, set_aside))
            });
            let index = self.load_index();
            let texts = texts
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (index, texts)
        });
        let mut snapshot = index?;
        let (texts, set_aside) = texts?;
        snapshot.set_aside.extend(set_aside);
        snapshot.catalog.fill_texts(texts);
        Ok(snapshot)
    }

    fn load_index(&self) -> Result<Snapshot, StoreError> {
        let catalog = self.read_catalog()?;
        let mut set_aside = Vec::new();
        let aside = &mut set_aside;
        let tasks = self.read_tasks(aside)?;
        let overrides = self.read_prefix_with(
            OVERRIDE,
            |s| Some(s.to_string()),
            override_record::decode,
            aside,
        )?;
        let targets = self.read_prefix_with(
            TARGET,
            |s| Some(s.to_string()),
            target_record::decode,
            aside,
        )?;
        let agenda = self.read_prefix(AGENDA, parse_task_key, aside)?;
        let meetings = self.read_prefix(MEETING, |s| s.parse().ok(), aside)?;
        let report_texts = self.read_prefix(REPORT_TEXT, |s| Some(s.to_string()), aside)?;
        let office_tasks = self.read_prefix(OFFICE_TASK, |s| Some(s.to_string()), aside)?;
        let closings = self.read_prefix(CLOSING, |s| Some(s.to_string()), aside)?;
        Ok(Snapshot {
            catalog,
            tasks,
            overrides,
            targets,
            agenda,
            meetings,
            report_texts,
            office_tasks,
            closings,
            set_aside,
        })
    }

    fn texts(&self, ids: Option<&[String]>) -> Result<Vec<(String, TaskText)>, StoreError> {
        match ids {
            Some(ids) => self.texts_of(ids),
            None => Ok(self.read_texts(&mut Vec::new())?.collect()),
        }
    }

    fn commit(&mut self, commit: Commit) -> Result<Vec<HistoryEntry>, StoreError> {
        self.guarded(|store| store.write(commit, false))
    }

    fn history_since(&self, after_seq: u64) -> Result<Vec<HistoryEntry>, StoreError> {
        let Some(first) = after_seq.checked_add(1) else {
            return Ok(Vec::new());
        };
        let mut start = HISTORY.to_vec();
        start.extend_from_slice(&first.to_be_bytes());
        let mut end = HISTORY.to_vec();
        end.extend_from_slice(&u64::MAX.to_be_bytes());
        let mut entries = Vec::new();
        for item in self.db()?.range(start..=end) {
            let (_, v) = item.map_err(|e| self.sled_error(e))?;
            // An entry that cannot be read is left out of what is shown; the
            // rest of the history stays readable.
            match codec::decode(&v) {
                Ok(entry) => entries.push(entry),
                Err(CodecError::Newer(found)) => {
                    return Err(StoreError::NewerSchema {
                        path: self.dir.clone(),
                        found,
                    });
                }
                Err(_) => {}
            }
        }
        Ok(entries)
    }

    fn import(&mut self, dump: Dump) -> Result<(), StoreError> {
        self.guarded(|store| store.replace_all(dump))
    }
    fn location(&self) -> String {
        self.dir.display().to_string()
    }

    fn last_request(&self, client: u64) -> Result<Option<RequestRecord>, StoreError> {
        let key = request_key(client);
        let Some(bytes) = self.db()?.get(key).map_err(|e| self.sled_error(e))? else {
            return Ok(None);
        };
        codec::decode(&bytes)
            .map(Some)
            .map_err(|e| self.decode_error("request", e))
    }
}

impl SledStore {
    /// Forgets the request records of clients last heard of before `before`
    /// (seconds since the epoch): one record per client process would
    /// otherwise pile up over the years.
    pub fn forget_requests_before(&self, before: i64) -> Result<usize, StoreError> {
        let mut stale = Vec::new();
        for item in self.db()?.scan_prefix(REQUEST) {
            let (key, value) = item.map_err(|e| self.sled_error(e))?;
            match codec::decode::<RequestRecord>(&value) {
                Ok(record) if record.written_at >= before => {}
                _ => stale.push(key),
            }
        }
        for key in &stale {
            self.db()?.remove(key).map_err(|e| self.sled_error(e))?;
        }
        Ok(stale.len())
    }
}
