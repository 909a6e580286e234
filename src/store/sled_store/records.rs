//! How records and their keys are laid out in sled: encoding a commit or a
//! dump, numbering the history, remembering a client's request.

use super::*;

pub(super) type Record = (Vec<u8>, Vec<u8>);

pub(super) fn record<T: Serialize>(
    prefix: &str,
    key: &str,
    value: &T,
) -> Result<Record, CodecError> {
    Ok((format!("{prefix}{key}").into_bytes(), codec::encode(value)?))
}

pub(super) fn encode_commit(commit: &Commit) -> Result<Vec<Record>, CodecError> {
    let mut records = Vec::new();
    if let Some(catalog) = &commit.catalog {
        records.extend(catalog_records(catalog)?);
    }
    for (id, overrides) in &commit.overrides {
        records.push(record(OVERRIDE, id, overrides)?);
    }
    for (id, state) in &commit.targets {
        records.push(record(TARGET, id, state)?);
    }
    for (id, meeting) in &commit.meetings {
        records.push(record(MEETING, &format!("{id:06}"), meeting)?);
    }
    for (key, text) in &commit.report_texts {
        records.push(record(REPORT_TEXT, key, text)?);
    }
    for (id, task) in &commit.office_tasks {
        records.push(record(OFFICE_TASK, id, task)?);
    }
    for (period, closing) in &commit.closings {
        records.push(record(CLOSING, period, closing)?);
    }
    for (key, mark) in &commit.agenda {
        if let Some(mark) = mark {
            records.push(record(AGENDA, &key.to_string(), mark)?);
        }
    }
    Ok(records)
}

pub(super) fn encode_dump(dump: &Dump) -> Result<Vec<Record>, CodecError> {
    let commit = Commit {
        catalog: Some(dump.catalog.clone()),
        tasks: Vec::new(),
        overrides: dump.overrides.clone(),
        targets: dump.targets.clone(),
        agenda: dump
            .agenda
            .iter()
            .map(|(k, m)| (k.clone(), Some(m.clone())))
            .collect(),
        meetings: dump.meetings.clone(),
        report_texts: dump.report_texts.clone(),
        office_tasks: dump.office_tasks.clone(),
        closings: dump.closings.clone(),
        history: Vec::new(),
        request: None,
    };
    let mut records = encode_commit(&commit)?;
    for entry in &dump.history {
        records.push((history_key(entry.seq), codec::encode(entry)?));
    }
    Ok(records)
}

/// Items keyed by task and index, as lists per task in index order.
pub(super) fn group<T>(items: BTreeMap<(TaskKey, usize), T>) -> BTreeMap<TaskKey, Vec<T>> {
    let mut lists: BTreeMap<TaskKey, Vec<T>> = BTreeMap::new();
    for ((key, _), item) in items {
        lists.entry(key).or_default().push(item);
    }
    lists
}

pub(super) fn history_key(seq: u64) -> Vec<u8> {
    let mut key = HISTORY.to_vec();
    key.extend_from_slice(&seq.to_be_bytes());
    key
}

/// Numbers and writes the entries after the last one, inside the transaction.
pub(super) fn append_history(
    tx: &TransactionalTree,
    entries: &[HistoryEntry],
) -> Result<Vec<HistoryEntry>, ConflictableTransactionError<CodecError>> {
    let mut seq = match tx.get(SEQ_KEY)? {
        Some(bytes) => u64::from_be_bytes(bytes.as_ref().try_into().map_err(|_| {
            ConflictableTransactionError::Abort(CodecError::Invalid("history counter".into()))
        })?),
        None => 0,
    };
    let mut written = Vec::with_capacity(entries.len());
    for entry in entries {
        seq += 1;
        let entry = HistoryEntry {
            seq,
            ..entry.clone()
        };
        let bytes = codec::encode(&entry).map_err(ConflictableTransactionError::Abort)?;
        tx.insert(history_key(seq), bytes)?;
        written.push(entry);
    }
    tx.insert(SEQ_KEY, &seq.to_be_bytes())?;
    Ok(written)
}

pub(super) fn request_key(client: u64) -> Vec<u8> {
    format!("{REQUEST}{client:016x}").into_bytes()
}

pub(super) fn record_request(
    tx: &TransactionalTree,
    mark: RequestMark,
    entries: &[HistoryEntry],
    written_at: i64,
) -> Result<(), ConflictableTransactionError<CodecError>> {
    let record = RequestRecord {
        request: mark.request,
        first_seq: entries.first().map_or(0, |e| e.seq),
        last_seq: entries.last().map_or(0, |e| e.seq),
        written_at,
    };
    let bytes = codec::encode(&record).map_err(ConflictableTransactionError::Abort)?;
    tx.insert(request_key(mark.client), bytes)?;
    Ok(())
}

pub(crate) fn parse_task_key(text: &str) -> Option<TaskKey> {
    let (task, occurrence) = TaskKey::parse(text)?;
    Some(TaskKey {
        task,
        occurrence: occurrence.unwrap_or(crate::domain::Occurrence::Single),
    })
}
