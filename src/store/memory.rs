//! The in-memory twin of the sled store, for tests of everything above storage.

use std::collections::BTreeMap;

use super::{Commit, Dump, RequestRecord, Snapshot, Store, StoreError};
use crate::domain::{Catalog, HistoryEntry};

#[derive(Debug, Clone)]
pub struct MemoryStore {
    snapshot: Snapshot,
    history: Vec<HistoryEntry>,
    requests: BTreeMap<u64, RequestRecord>,
    /// When set, every commit fails as a full disk would.
    pub fail_writes: bool,
}

impl MemoryStore {
    pub fn new(catalog: Catalog) -> MemoryStore {
        MemoryStore {
            snapshot: Snapshot {
                catalog,
                tasks: Default::default(),
                overrides: Default::default(),
                targets: Default::default(),
                agenda: Default::default(),
                meetings: Default::default(),
                report_texts: Default::default(),
                office_tasks: Default::default(),
                closings: Default::default(),
                set_aside: Vec::new(),
            },
            history: Vec::new(),
            requests: BTreeMap::new(),
            fail_writes: false,
        }
    }
}

impl Store for MemoryStore {
    fn load(&self) -> Result<Snapshot, StoreError> {
        Ok(self.snapshot.clone())
    }

    fn commit(&mut self, commit: Commit) -> Result<Vec<HistoryEntry>, StoreError> {
        if self.fail_writes {
            return Err(StoreError::Io {
                path: "memory".into(),
                detail: "write refused".into(),
            });
        }
        if let Some(catalog) = commit.catalog {
            self.snapshot.catalog = catalog;
        }
        self.snapshot.tasks.extend(commit.tasks);
        self.snapshot.overrides.extend(commit.overrides);
        self.snapshot.targets.extend(commit.targets);
        self.snapshot.meetings.extend(commit.meetings);
        self.snapshot.report_texts.extend(commit.report_texts);
        self.snapshot.office_tasks.extend(commit.office_tasks);
        self.snapshot.closings.extend(commit.closings);
        for (key, mark) in commit.agenda {
            match mark {
                Some(mark) => self.snapshot.agenda.insert(key, mark),
                None => self.snapshot.agenda.remove(&key),
            };
        }
        let mut written = commit.history;
        for entry in &mut written {
            entry.seq = self.history.len() as u64 + 1;
            self.history.push(entry.clone());
        }
        if let Some(mark) = commit.request {
            let record = RequestRecord {
                request: mark.request,
                first_seq: written.first().map_or(0, |e| e.seq),
                last_seq: written.last().map_or(0, |e| e.seq),
                written_at: 0,
            };
            self.requests.insert(mark.client, record);
        }
        Ok(written)
    }

    fn history_since(&self, after_seq: u64) -> Result<Vec<HistoryEntry>, StoreError> {
        Ok(self
            .history
            .iter()
            .filter(|e| e.seq > after_seq)
            .cloned()
            .collect())
    }

    fn import(&mut self, dump: Dump) -> Result<(), StoreError> {
        let empty = self.history.is_empty()
            && self.snapshot.agenda.is_empty()
            && self.snapshot.meetings.is_empty()
            && self.snapshot.report_texts.is_empty()
            && self.snapshot.office_tasks.is_empty()
            && self.snapshot.closings.is_empty()
            && self.snapshot.tasks.is_empty()
            && self.snapshot.overrides.is_empty()
            && self.snapshot.targets.is_empty();
        if !empty {
            return Err(StoreError::NotEmpty {
                path: "memory".into(),
            });
        }
        self.snapshot = Snapshot {
            catalog: dump.catalog,
            tasks: dump.tasks.into_iter().collect(),
            overrides: dump.overrides.into_iter().collect(),
            targets: dump.targets.into_iter().collect(),
            agenda: dump.agenda.into_iter().collect(),
            meetings: dump.meetings.into_iter().collect(),
            report_texts: dump.report_texts.into_iter().collect(),
            office_tasks: dump.office_tasks.into_iter().collect(),
            closings: dump.closings.into_iter().collect(),
            set_aside: Vec::new(),
        };
        self.history = dump.history;
        Ok(())
    }

    fn location(&self) -> String {
        "memory".into()
    }

    fn last_request(&self, client: u64) -> Result<Option<RequestRecord>, StoreError> {
        Ok(self.requests.get(&client).copied())
    }
}
