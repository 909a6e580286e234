//! The store's records as a whole, checked by the rules every edit follows.
//! What is read from a store is sorted out: a record the rules refuse is set
//! aside, never fatal. What is written out (an export, a backup) carries no such
//! record. An imported file is checked and renumbered before anything is
//! written: no key twice, and the history and meeting numbers are the store's
//! to give (1, 2, 3… in the file's order), never taken from the file.

use std::collections::{BTreeMap, BTreeSet};

use std::cell::OnceCell;

use super::operation::check_catalog;
use super::{App, AppError};
use crate::domain::catalog::Plan;
use crate::domain::office;
use crate::domain::report_text::ReportText;
use crate::domain::validate;
use crate::domain::{
    AgendaMark, HistoryEntry, InputError, Meeting, Subject, TargetState, TaskKey, TaskOverride,
    TaskState,
};
use crate::store::{Dump, SetAside, Snapshot};

/// The records of a snapshot beside its plan, borrowed to be checked.
pub struct Records<'a> {
    pub tasks: &'a mut BTreeMap<TaskKey, TaskState>,
    pub overrides: &'a mut BTreeMap<String, TaskOverride>,
    pub targets: &'a mut BTreeMap<String, TargetState>,
    pub agenda: &'a mut BTreeMap<TaskKey, AgendaMark>,
    pub meetings: &'a mut BTreeMap<u32, Meeting>,
    pub report_texts: &'a mut BTreeMap<String, ReportText>,
    pub set_aside: &'a mut Vec<SetAside>,
}

impl<'a> Records<'a> {
    pub fn of(snapshot: &'a mut Snapshot) -> Records<'a> {
        Records {
            tasks: &mut snapshot.tasks,
            overrides: &mut snapshot.overrides,
            targets: &mut snapshot.targets,
            agenda: &mut snapshot.agenda,
            meetings: &mut snapshot.meetings,
            report_texts: &mut snapshot.report_texts,
            set_aside: &mut snapshot.set_aside,
        }
    }
}

/// Moves every record the rules of `plan` refuse to `set_aside`. On start-up
/// only what could break a count or a screen is checked (keys, ranges, dates,
/// units); `thorough` also checks every text, for a backup or an export, which
/// must never carry a record that an import would refuse.
pub fn sort_out(plan: &Plan, records: Records<'_>, thorough: bool) {
    let aside = records.set_aside;
    set_aside_refused(aside, "task", records.tasks, |key, state| {
        if thorough {
            validate::check_task_state(plan, key, state)
        } else {
            validate::check_task_shape(plan, key, state)
        }
    });
    set_aside_refused(aside, "override", records.overrides, |task, o| {
        validate::check_override(plan, task, o)
    });
    set_aside_refused(aside, "target", records.targets, |id, state| {
        validate::check_target_state(plan, id, state)
    });
    set_aside_refused(aside, "agenda", records.agenda, |key, mark| {
        validate::check_agenda(plan, key, mark)
    });
    set_aside_refused(aside, "meeting", records.meetings, |_, meeting| {
        validate::check_meeting(meeting)
    });
    set_aside_refused(aside, "report", records.report_texts, |key, text| {
        validate::check_report_text(key, text)
    });
}

/// Takes out of `records` each one `check` refuses, noting it in `aside`
/// as `kind/key` with the rule it breaks.
fn set_aside_refused<K: ToString + Ord, V>(
    aside: &mut Vec<SetAside>,
    kind: &str,
    records: &mut BTreeMap<K, V>,
    check: impl Fn(&K, &V) -> Result<(), InputError>,
) {
    records.retain(|key, value| match check(key, value) {
        Ok(()) => true,
        Err(problem) => {
            aside.push(SetAside {
                key: format!("{kind}/{}", key.to_string()),
                problem: problem.to_string(),
            });
            false
        }
    });
}

/// Sets aside the office's tasks that break the rules of the plan: done
/// before the plan and its office tasks are put together.
pub fn sort_out_office_tasks(snapshot: &mut Snapshot) {
    let catalog = &snapshot.catalog;
    set_aside_refused(
        &mut snapshot.set_aside,
        "office-task",
        &mut snapshot.office_tasks,
        |id, task| office::check_office_task(catalog, id, task),
    );
    for id in office::bad_parents(&snapshot.catalog, &snapshot.office_tasks) {
        snapshot.office_tasks.remove(&id);
        snapshot.set_aside.push(SetAside {
            key: format!("office-task/{id}"),
            problem: InputError::BadParent(id.clone()).to_string(),
        });
    }
}

impl App {
    /// Sets aside the held records that break the rules of the held plan
    /// (with every office task, so a retired one keeps its records).
    pub(super) fn sort_out_held(&mut self) {
        let retired = self.office_tasks.values().any(|t| !t.is_active());
        let every_task = retired
            .then(|| Plan::with_office(self.plan.stored_catalog(), self.office_tasks.values()));
        let records = Records {
            tasks: &mut self.tasks,
            overrides: &mut self.overrides,
            targets: &mut self.targets,
            agenda: &mut self.agenda,
            meetings: &mut self.meetings,
            report_texts: &mut self.report_texts,
            set_aside: &mut self.set_aside,
        };
        sort_out(every_task.as_ref().unwrap_or(&self.plan), records, false);
    }

    /// Everything, history included, as `cchc export` writes it.
    /// Records set aside are left out: a backup or an export never carries
    /// what an import would refuse.
    pub fn dump(&self) -> Result<Dump, AppError> {
        let mut snapshot = self.link.load()?;
        sort_out_office_tasks(&mut snapshot);
        let plan = Plan::with_office(snapshot.catalog.clone(), snapshot.office_tasks.values());
        sort_out(&plan, Records::of(&mut snapshot), true);
        Ok(Dump::new(snapshot, self.checked_history()?))
    }

    /// Everything as held in memory, history included: what an owner backs up
    /// without reading its store again.
    pub fn dump_held(&self) -> Result<Dump, AppError> {
        let mut snapshot = self.snapshot();
        let plan = Plan::with_office(snapshot.catalog.clone(), snapshot.office_tasks.values());
        sort_out(&plan, Records::of(&mut snapshot), true);
        Ok(Dump::new(snapshot, self.checked_history()?))
    }

    /// The history entries an import would accept.
    fn checked_history(&self) -> Result<Vec<HistoryEntry>, AppError> {
        let history = self.load_history()?;
        Ok(history
            .iter()
            .filter(|e| crate::domain::validate::check_history_entry(e).is_ok())
            .cloned()
            .collect())
    }

    /// Loads a dump into this (empty) store and reloads from it.
    pub fn import(&mut self, dump: Dump) -> Result<(), AppError> {
        self.check_writable()?;
        let dump = checked_dump(dump)?;
        self.link.import(dump)?;
        self.history = OnceCell::new();
        let snapshot = self.link.load()?;
        self.take_snapshot(snapshot);
        Ok(())
    }

    /// The stored records left out of everything, with why.
    /// With the history entries that could not be read, once the history has
    /// been read: it is numbered from 1 without gaps, so a gap is an entry the
    /// store left out.
    pub fn set_aside(&self) -> Vec<SetAside> {
        let mut records = self.set_aside.clone();
        if let Some(history) = self.history.get() {
            records.extend(history_gaps(history).map(|seq| SetAside {
                key: format!("history/{seq}"),
                problem: "cannot be read".into(),
            }));
        }
        records
    }
}

/// The numbers missing from a history numbered from 1.
fn history_gaps(history: &[HistoryEntry]) -> impl Iterator<Item = u64> + '_ {
    let mut expected = 1;
    history.iter().flat_map(move |entry| {
        let gap = expected..entry.seq;
        expected = entry.seq.saturating_add(1);
        gap
    })
}

/// `dump` as it may be imported, or the first record refused and why.
pub fn checked_dump(dump: Dump) -> Result<Dump, AppError> {
    check_catalog(&dump.catalog)?;
    check_records("office-task", &dump.office_tasks, |id, task| {
        office::check_office_task(&dump.catalog, id, task)
    })?;
    let office_tasks: BTreeMap<String, office::OfficeTask> =
        dump.office_tasks.iter().cloned().collect();
    if let Some(id) = office::bad_parents(&dump.catalog, &office_tasks).first() {
        return Err(InputError::BadRecord {
            record: format!("office-task/{id}"),
            problem: Box::new(InputError::BadParent(id.clone())),
        }
        .into());
    }
    let plan = Plan::with_office(
        dump.catalog.clone(),
        dump.office_tasks.iter().map(|(_, t)| t),
    );
    check_records("task", &dump.tasks, |key, state| {
        validate::check_task_state(&plan, key, state)
    })?;
    check_records("override", &dump.overrides, |task, o| {
        validate::check_override(&plan, task, o)
    })?;
    check_records("target", &dump.targets, |id, state| {
        validate::check_target_state(&plan, id, state)
    })?;
    check_records("agenda", &dump.agenda, |key, mark| {
        validate::check_agenda(&plan, key, mark)
    })?;
    check_records("meeting", &dump.meetings, |_, meeting| {
        validate::check_meeting(meeting)
    })?;
    check_records("report", &dump.report_texts, |key, text| {
        validate::check_report_text(key, text)
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
            report_texts: Vec::new(),
            office_tasks: Vec::new(),
            closings: Vec::new(),
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
