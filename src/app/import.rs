//! An imported file, checked and renumbered before anything is written: every
//! record passes the same rules as an edit, no key appears twice, and the
//! history and meeting numbers are the store's to give (1, 2, 3… in the
//! file's order), never taken from the file.

use std::collections::{BTreeMap, BTreeSet};

use super::AppError;
use super::operation::check_catalog;
use crate::domain::catalog::Plan;
use crate::domain::validate;
use crate::domain::{HistoryEntry, InputError, Subject};
use crate::store::{Dump, SetAside, Snapshot};

/// `snapshot` with every record the rules refuse moved to its `set_aside`.
/// On start-up only what could break a count or a screen is checked (keys,
/// ranges, dates, units); `thorough` also checks every text, for a backup or
/// an export, which must never carry a record that an import would refuse.
pub fn sort_out(mut snapshot: Snapshot, thorough: bool) -> Snapshot {
    let plan = Plan::new(snapshot.catalog.clone());
    let aside = &mut snapshot.set_aside;
    snapshot.tasks.retain(|key, state| {
        let checked = if thorough {
            validate::check_task_state(&plan, key, state)
        } else {
            validate::check_task_shape(&plan, key, state)
        };
        keep(aside, "task", key, checked)
    });
    snapshot.overrides.retain(|task, o| {
        keep(
            aside,
            "override",
            task,
            validate::check_override(&plan, task, o),
        )
    });
    snapshot.targets.retain(|id, state| {
        let checked = state
            .measurements
            .iter()
            .try_for_each(|m| validate::check_measurement(&plan, id, m));
        keep(aside, "target", id, checked)
    });
    snapshot.agenda.retain(|key, mark| {
        keep(
            aside,
            "agenda",
            key,
            validate::check_agenda(&plan, key, mark),
        )
    });
    snapshot
        .meetings
        .retain(|id, meeting| keep(aside, "meeting", id, validate::check_meeting(meeting)));
    snapshot
}

fn keep(
    aside: &mut Vec<SetAside>,
    kind: &str,
    key: &impl ToString,
    checked: Result<(), InputError>,
) -> bool {
    match checked {
        Ok(()) => true,
        Err(problem) => {
            aside.push(SetAside {
                key: format!("{kind}/{}", key.to_string()),
                problem: problem.to_string(),
            });
            false
        }
    }
}

/// `dump` as it may be imported, or the first record refused and why.
pub fn checked_dump(dump: Dump) -> Result<Dump, AppError> {
    check_catalog(&dump.catalog)?;
    let plan = Plan::new(dump.catalog.clone());
    check_records("task", &dump.tasks, |key, state| {
        validate::check_task_state(&plan, key, state)
    })?;
    check_records("override", &dump.overrides, |task, o| {
        validate::check_override(&plan, task, o)
    })?;
    check_records("target", &dump.targets, |id, state| {
        state
            .measurements
            .iter()
            .try_for_each(|m| validate::check_measurement(&plan, id, m))
    })?;
    check_records("agenda", &dump.agenda, |key, mark| {
        validate::check_agenda(&plan, key, mark)
    })?;
    check_records("meeting", &dump.meetings, |_, meeting| {
        validate::check_meeting(meeting)
    })?;
    let (meetings, renumbered) = renumber_meetings(&dump.meetings);
    let history = renumber_history(dump.history, &renumbered)?;
    Ok(Dump {
        meetings,
        history,
        ..dump
    })
}

/// Each record's key once, and each record accepted by `check`.
fn check_records<K: Ord + ToString, V>(
    kind: &str,
    records: &[(K, V)],
    check: impl Fn(&K, &V) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let mut seen = BTreeSet::new();
    for (key, value) in records {
        let name = || format!("{kind}/{}", key.to_string());
        if !seen.insert(key) {
            return Err(InputError::DuplicateRecord(name()));
        }
        check(key, value).map_err(|problem| InputError::BadRecord {
            record: name(),
            problem: Box::new(problem),
        })?;
    }
    Ok(())
}

fn renumber_meetings<M: Clone>(meetings: &[(u32, M)]) -> (Vec<(u32, M)>, BTreeMap<u32, u32>) {
    let mut sorted: Vec<&(u32, M)> = meetings.iter().collect();
    sorted.sort_by_key(|(id, _)| *id);
    let mut renumbered = BTreeMap::new();
    let mut out = Vec::with_capacity(sorted.len());
    for ((old, meeting), new) in sorted.into_iter().zip(1u32..) {
        renumbered.insert(*old, new);
        out.push((new, meeting.clone()));
    }
    (out, renumbered)
}

/// The history in the file's order of numbers, numbered again from 1; two
/// entries with one number are refused.
fn renumber_history(
    mut history: Vec<HistoryEntry>,
    meetings: &BTreeMap<u32, u32>,
) -> Result<Vec<HistoryEntry>, InputError> {
    history.sort_by_key(|e| e.seq);
    if let Some(pair) = history.windows(2).find(|w| w[0].seq == w[1].seq) {
        return Err(InputError::DuplicateRecord(format!(
            "history/{}",
            pair[0].seq
        )));
    }
    for (entry, seq) in history.iter_mut().zip(1u64..) {
        validate::check_history_entry(entry).map_err(|problem| InputError::BadRecord {
            record: format!("history/{}", entry.seq),
            problem: Box::new(problem),
        })?;
        entry.seq = seq;
        if let Subject::Meeting(id) = &mut entry.subject
            && let Some(new) = meetings.get(id)
        {
            *id = *new;
        }
    }
    Ok(history)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Catalog, Field, TaskKey, TaskState, Value};
    use chrono::DateTime;

    fn dump() -> Dump {
        Dump {
            schema_version: crate::store::SCHEMA_VERSION,
            catalog: Catalog::bundled().expect("the bundled catalog"),
            tasks: Vec::new(),
            overrides: Vec::new(),
            targets: Vec::new(),
            agenda: Vec::new(),
            meetings: Vec::new(),
            history: Vec::new(),
        }
    }

    fn entry(seq: u64) -> HistoryEntry {
        HistoryEntry {
            seq,
            at: DateTime::parse_from_rfc3339("2026-11-26T09:00:00+07:00").expect("a time"),
            who: "thuy".into(),
            subject: Subject::Task(TaskKey::single("1.a.1")),
            field: Field::Progress,
            old: Value::Progress(0),
            new: Value::Progress(10),
            reason: None,
        }
    }

    #[test]
    fn history_numbers_come_from_the_store_not_the_file() {
        let mut file = dump();
        file.history = vec![entry(u64::MAX), entry(7)];
        let checked = checked_dump(file).expect("accepted");
        let seqs: Vec<u64> = checked.history.iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [1, 2]);
    }

    #[test]
    fn duplicate_numbers_and_keys_are_refused() {
        let mut file = dump();
        file.history = vec![entry(3), entry(3)];
        assert!(matches!(
            checked_dump(file),
            Err(AppError::Input(InputError::DuplicateRecord(_)))
        ));
        let mut file = dump();
        let state = TaskState::default();
        file.tasks = vec![
            (TaskKey::single("1.a.1"), state.clone()),
            (TaskKey::single("1.a.1"), state),
        ];
        assert!(matches!(
            checked_dump(file),
            Err(AppError::Input(InputError::DuplicateRecord(_)))
        ));
    }

    #[test]
    fn an_occurrence_the_plan_does_not_have_is_refused() {
        let mut file = dump();
        let plan = Plan::new(file.catalog.clone());
        let yearly = plan
            .tasks()
            .iter()
            .find(|t| t.cadence == crate::domain::Cadence::Yearly)
            .expect("a yearly task");
        let key = TaskKey {
            task: yearly.id.clone(),
            occurrence: crate::domain::Occurrence::Year(99999),
        };
        file.tasks = vec![(key, TaskState::default())];
        assert!(matches!(
            checked_dump(file),
            Err(AppError::Input(InputError::BadRecord { .. }))
        ));
    }
}
