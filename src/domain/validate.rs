//! What may be stored: the one set of rules that every way in (the command
//! line, a screen, the owner's socket, an imported file, a record read back
//! from disk) applies to tasks' state, evidence, measurements, meetings and
//! history. Pure: the plan is a parameter.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::catalog::{Plan, PlanInfo};
use super::date::ACCEPTED_YEARS;
use super::error::TextField;
use super::occurrence::has_occurrence;
use super::report_text::{ReportText, parse_text_key};
use super::text::{MAX_NOTE_CHARS, MAX_SHORT_TEXT_CHARS, validate_text};

/// A section of a report may run to a few pages of the office's writing.
pub const MAX_REPORT_TEXT_CHARS: usize = 20_000;
use super::{
    AgendaMark, Baseline, Edit, Evidence, HistoryEntry, InputError, Item, Measurement, Meeting,
    Note, Subject, TargetDef, TargetState, TaskDef, TaskKey, TaskOverride, TaskState, Value,
    Withdrawal,
};

/// The longest document number (số ký hiệu) accepted.
pub const MAX_DOCUMENT_NUMBER_CHARS: usize = 100;
/// The longest name of an officer accepted.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest author ("account@address") a record may carry.
pub const MAX_AUTHOR_CHARS: usize = 200;

/// The plan's task behind `key`, if the key names one of its occurrences.
pub fn check_key<'a>(plan: &'a Plan, key: &TaskKey) -> Result<&'a TaskDef, InputError> {
    let def = plan
        .task(&key.task)
        .ok_or_else(|| InputError::UnknownTask(key.to_string()))?;
    if !has_occurrence(def, plan.info(), key.occurrence) {
        return Err(InputError::UnknownOccurrence {
            task: key.task.clone(),
            occurrence: key.occurrence.to_string(),
        });
    }
    Ok(def)
}

/// A deadline must fall within the plan's years.
pub fn check_due(plan: &Plan, date: NaiveDate) -> Result<(), InputError> {
    check_due_in(plan.info(), date)
}

pub fn check_due_in(info: &PlanInfo, date: NaiveDate) -> Result<(), InputError> {
    let (first, last) = (info.start.year(), info.end.year());
    if (first..=last).contains(&date.year()) {
        Ok(())
    } else {
        Err(InputError::DueOutsidePlan {
            date,
            first_year: first,
            last_year: last,
        })
    }
}

/// The day work was done, as a person gives it: not before the plan starts,
/// and not after today.
pub fn check_done_on(plan: &Plan, date: NaiveDate, today: NaiveDate) -> Result<(), InputError> {
    let first = plan.info().start;
    if (first..=today).contains(&date) {
        Ok(())
    } else {
        Err(InputError::DoneOnOutside { date, first, today })
    }
}

/// Any other date (a document's, a measurement's, a meeting's, a completion).
pub fn check_date(date: NaiveDate) -> Result<(), InputError> {
    if ACCEPTED_YEARS.contains(&date.year()) {
        Ok(())
    } else {
        Err(InputError::BadDate(super::date::format_date(date)))
    }
}

pub(super) fn check_moment(at: &DateTime<FixedOffset>) -> Result<(), InputError> {
    check_date(at.date_naive())
}

/// An edit as it may be applied on `today`: its text trimmed and in NFC, its
/// values in range.
pub fn checked_edit(plan: &Plan, edit: &Edit, today: NaiveDate) -> Result<Edit, InputError> {
    Ok(match edit {
        Edit::Progress(p) if *p > 100 => return Err(InputError::BadProgress(p.to_string())),
        Edit::ProgressStep(step) if !(-100..=100).contains(step) => {
            return Err(InputError::BadProgress(format!("{step:+}")));
        }
        Edit::Due(date) => {
            check_due(plan, *date)?;
            edit.clone()
        }
        Edit::DoneOn(date) => {
            check_done_on(plan, *date, today)?;
            edit.clone()
        }
        Edit::Lead(code) if plan.unit(code).is_none() => return Err(unknown_unit(plan, code)),
        Edit::Note(text) => Edit::Note(note_text(text)?),
        Edit::Evidence(doc) => Edit::Evidence(checked_evidence(doc)?),
        Edit::Assignee(name) => Edit::Assignee(assignee_name(name)?),
        Edit::Withdraw { item, reason } => Edit::Withdraw {
            item: *item,
            reason: reason_text(reason)?,
        },
        other => other.clone(),
    })
}

pub fn unknown_unit(plan: &Plan, typed: &str) -> InputError {
    InputError::UnknownUnit {
        typed: typed.to_string(),
        known: plan
            .catalog()
            .units
            .iter()
            .map(|u| u.code.clone())
            .collect(),
    }
}

pub fn note_text(text: &str) -> Result<String, InputError> {
    validate_text(text, TextField::Note, MAX_NOTE_CHARS, true)
}

/// The officer's name as typed; empty clears it.
pub fn assignee_name(text: &str) -> Result<String, InputError> {
    if text.trim().is_empty() {
        return Ok(String::new());
    }
    validate_text(text, TextField::Assignee, MAX_NAME_CHARS, false)
}

pub fn reason_text(text: &str) -> Result<String, InputError> {
    validate_text(text, TextField::Reason, MAX_NOTE_CHARS, true)
}

/// A deadline moves only with a reason: the review meeting must see why.
pub fn check_due_reason(edits: &[Edit], reason: Option<&str>) -> Result<(), InputError> {
    let moves_due = edits.iter().any(|e| matches!(e, Edit::Due(_)));
    if moves_due && reason.is_none() {
        return Err(InputError::DueNeedsReason);
    }
    Ok(())
}

pub fn checked_evidence(doc: &Evidence) -> Result<Evidence, InputError> {
    check_date(doc.issued_on)?;
    Ok(Evidence {
        number: validate_text(
            &doc.number,
            TextField::DocumentNumber,
            MAX_DOCUMENT_NUMBER_CHARS,
            false,
        )?,
        issued_on: doc.issued_on,
        summary: validate_text(
            &doc.summary,
            TextField::DocumentSummary,
            MAX_SHORT_TEXT_CHARS,
            false,
        )?,
        link: doc
            .link
            .as_deref()
            .map(|l| validate_text(l, TextField::Link, MAX_SHORT_TEXT_CHARS, false))
            .transpose()?,
    })
}

/// Stored text must be exactly what [`validate_text`] would have let through.
pub(super) fn check_stored(
    text: &str,
    field: TextField,
    max: usize,
    multiline: bool,
) -> Result<(), InputError> {
    let checked = validate_text(text, field, max, multiline)?;
    if checked == text {
        Ok(())
    } else {
        Err(InputError::ControlCharacters(field))
    }
}

pub(super) fn check_author(who: &str) -> Result<(), InputError> {
    check_stored(who, TextField::Author, MAX_AUTHOR_CHARS, false)
}

fn check_note(note: &Note) -> Result<(), InputError> {
    check_moment(&note.at)?;
    check_author(&note.who)?;
    check_stored(&note.text, TextField::Note, MAX_NOTE_CHARS, true)
}

fn check_stored_evidence(doc: &Evidence) -> Result<(), InputError> {
    if checked_evidence(doc)? == *doc {
        Ok(())
    } else {
        Err(InputError::ControlCharacters(TextField::DocumentSummary))
    }
}

/// What of a task occurrence's state a count or a screen relies on: its key,
/// its progress and its dates. Cheap enough for every start.
pub fn check_task_shape(plan: &Plan, key: &TaskKey, state: &TaskState) -> Result<(), InputError> {
    check_key(plan, key)?;
    if state.progress > 100 {
        return Err(InputError::BadProgress(state.progress.to_string()));
    }
    if let Some(due) = state.due {
        check_due(plan, due)?;
    }
    if let Some(done) = state.completed_on {
        check_date(done)?;
    }
    if let Some(at) = &state.updated_at {
        check_moment(at)?;
    }
    Ok(())
}

/// A task occurrence's state as read from a store or a file, texts included.
pub fn check_task_state(plan: &Plan, key: &TaskKey, state: &TaskState) -> Result<(), InputError> {
    check_task_shape(plan, key, state)?;
    state.notes.iter().try_for_each(check_note)?;
    state.evidence.iter().try_for_each(check_stored_evidence)?;
    state
        .withdrawn
        .iter()
        .try_for_each(|w| check_withdrawal(state, w))
}

fn check_withdrawal(state: &TaskState, w: &Withdrawal) -> Result<(), InputError> {
    check_moment(&w.at)?;
    check_author(&w.who)?;
    check_stored(&w.reason, TextField::Reason, MAX_NOTE_CHARS, true)?;
    let exists = match w.item {
        Item::Note(i) => (i as usize) < state.notes.len(),
        Item::Evidence(i) => (i as usize) < state.evidence.len(),
    };
    if exists {
        Ok(())
    } else {
        Err(InputError::NoSuchItem)
    }
}

pub fn check_override(plan: &Plan, task: &str, overrides: &TaskOverride) -> Result<(), InputError> {
    if plan.task(task).is_none() {
        return Err(InputError::UnknownTask(task.to_string()));
    }
    if let Some(name) = &overrides.assignee {
        check_stored(name, TextField::Assignee, MAX_NAME_CHARS, false)?;
    }
    match &overrides.lead {
        Some(code) if plan.unit(code).is_none() => Err(unknown_unit(plan, code)),
        _ => Ok(()),
    }
}

/// A measured value of a target: 1 (đạt) or 0 (chưa đạt) for a qualitative
/// aim, in % between 0 and 100, otherwise not negative.
pub fn check_measured_value(plan: &Plan, target: &str, value: f64) -> Result<(), InputError> {
    let def = plan
        .target(target)
        .ok_or_else(|| InputError::UnknownTarget(target.to_string()))?;
    if def.qualitative && value != 0.0 && value != 1.0 {
        return Err(InputError::BadNumber(value.to_string()));
    }
    let upper = if def.unit.starts_with('%') {
        100.0
    } else {
        1e9
    };
    if value.is_finite() && (0.0..=upper).contains(&value) {
        Ok(())
    } else {
        Err(InputError::BadNumber(value.to_string()))
    }
}

pub fn check_measurement(plan: &Plan, target: &str, m: &Measurement) -> Result<(), InputError> {
    check_measured_value(plan, target, m.value)?;
    check_date(m.on)?;
    check_moment(&m.at)?;
    check_author(&m.who)?;
    match &m.note {
        Some(note) => check_stored(note, TextField::Note, MAX_NOTE_CHARS, true),
        None => Ok(()),
    }
}

/// Where a baseline figure comes from: required, one line of text.
pub fn source_text(text: &str) -> Result<String, InputError> {
    validate_text(text, TextField::Source, MAX_SHORT_TEXT_CHARS, false)
}

/// A baseline the office may enter: only for a measured target whose
/// baseline the plan does not give.
pub fn check_baseline_allowed(def: &TargetDef) -> Result<(), InputError> {
    if def.qualitative {
        return Err(InputError::BaselineOfQualitative(def.id.clone()));
    }
    if def.baseline.is_some() {
        return Err(InputError::BaselineFromPlan(def.id.clone()));
    }
    Ok(())
}

fn check_baseline(plan: &Plan, target: &str, baseline: &Baseline) -> Result<(), InputError> {
    let def = plan
        .target(target)
        .ok_or_else(|| InputError::UnknownTarget(target.to_string()))?;
    check_baseline_allowed(def)?;
    check_measured_value(plan, target, baseline.value)?;
    check_moment(&baseline.at)?;
    check_author(&baseline.who)?;
    check_stored(
        &baseline.source,
        TextField::Source,
        MAX_SHORT_TEXT_CHARS,
        false,
    )
}

/// Every measurement of a target, and its baseline.
pub fn check_target_state(
    plan: &Plan,
    target: &str,
    state: &TargetState,
) -> Result<(), InputError> {
    state
        .measurements
        .iter()
        .try_for_each(|m| check_measurement(plan, target, m))?;
    match &state.baseline {
        Some(baseline) => check_baseline(plan, target, baseline),
        None => Ok(()),
    }
}

/// A stored text of a period's report: its key names a period and a
/// section, and the text is one the office could have written.
pub fn check_report_text(key: &str, text: &ReportText) -> Result<(), InputError> {
    let known = parse_text_key(key)
        .is_some_and(|(period, _)| crate::domain::period::Period::parse(&period).is_some());
    if !known {
        return Err(InputError::BadPeriod(key.to_string()));
    }
    check_moment(&text.at)?;
    check_author(&text.who)?;
    check_stored(
        &text.text,
        TextField::ReportText,
        MAX_REPORT_TEXT_CHARS,
        true,
    )
}

/// The office's text of one section of a period's report.
pub fn report_text(text: &str) -> Result<String, InputError> {
    validate_text(text, TextField::ReportText, MAX_REPORT_TEXT_CHARS, true)
}

pub fn meeting_title(title: &str) -> Result<String, InputError> {
    validate_text(title, TextField::MeetingTitle, MAX_SHORT_TEXT_CHARS, false)
}

pub fn check_meeting(meeting: &Meeting) -> Result<(), InputError> {
    check_date(meeting.date)?;
    check_moment(&meeting.at)?;
    check_author(&meeting.who)?;
    check_stored(
        &meeting.title,
        TextField::MeetingTitle,
        MAX_SHORT_TEXT_CHARS,
        false,
    )
}

pub fn check_agenda(plan: &Plan, key: &TaskKey, mark: &AgendaMark) -> Result<(), InputError> {
    check_key(plan, key)?;
    check_moment(&mark.at)?;
    check_author(&mark.who)
}

/// A history entry from a file: its author, time, reason and the texts and
/// dates it carries. Its subject may be a task the plan no longer has (the
/// history keeps what was), so only its shape is checked.
pub fn check_history_entry(entry: &HistoryEntry) -> Result<(), InputError> {
    check_moment(&entry.at)?;
    check_author(&entry.who)?;
    if let Some(reason) = &entry.reason {
        check_stored(reason, TextField::Reason, MAX_NOTE_CHARS, true)?;
    }
    if let Subject::Task(key) = &entry.subject {
        check_stored(&key.task, TextField::Author, MAX_SHORT_TEXT_CHARS, false)?;
    }
    check_value(&entry.old)?;
    check_value(&entry.new)
}

fn check_value(value: &Value) -> Result<(), InputError> {
    match value {
        Value::Progress(p) if *p > 100 => Err(InputError::BadProgress(p.to_string())),
        Value::Date(d) | Value::Measured { on: d, .. } => check_date(*d),
        Value::Text(t) => check_stored(t, TextField::Note, MAX_NOTE_CHARS, true),
        Value::Evidence(doc) => check_stored_evidence(doc),
        Value::Baseline { source, .. } => {
            check_stored(source, TextField::Source, MAX_SHORT_TEXT_CHARS, false)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Catalog, Occurrence};

    fn plan() -> Plan {
        Plan::new(Catalog::bundled().expect("the bundled catalog"))
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
    }

    #[test]
    fn an_occurrence_outside_the_plan_is_refused() {
        let plan = plan();
        let recurring = plan
            .tasks()
            .iter()
            .find(|t| t.cadence == crate::domain::Cadence::Yearly)
            .expect("a yearly task");
        let key = TaskKey {
            task: recurring.id.clone(),
            occurrence: Occurrence::Year(99999),
        };
        assert!(matches!(
            check_key(&plan, &key),
            Err(InputError::UnknownOccurrence { .. })
        ));
    }

    #[test]
    fn deadlines_stay_within_the_plan_years() {
        let plan = plan();
        assert!(check_due(&plan, d(2030, 12, 31)).is_ok());
        assert!(matches!(
            check_due(&plan, d(2031, 3, 31)),
            Err(InputError::DueOutsidePlan { .. })
        ));
    }

    #[test]
    fn stored_state_with_raw_escapes_or_out_of_range_values_is_refused() {
        let plan = plan();
        let key = TaskKey::single("1.a.1");
        let mut state = TaskState {
            progress: 255,
            ..TaskState::default()
        };
        assert!(check_task_state(&plan, &key, &state).is_err());
        state.progress = 40;
        state.notes.push(Note {
            at: DateTime::parse_from_rfc3339("2026-11-26T09:00:00+07:00").expect("a time"),
            who: "thuy".into(),
            text: "\u{1b}]0;owned\u{7}".into(),
        });
        assert_eq!(
            check_task_state(&plan, &key, &state),
            Err(InputError::ControlCharacters(TextField::Note))
        );
        state.notes[0].text = "đã rà soát".into();
        assert_eq!(check_task_state(&plan, &key, &state), Ok(()));
    }

    #[test]
    fn an_edit_is_checked_and_normalized() {
        let plan = plan();
        let today = d(2026, 11, 26);
        assert_eq!(
            checked_edit(&plan, &Edit::Note("  ghi chú  ".into()), today),
            Ok(Edit::Note("ghi chú".into()))
        );
        assert!(checked_edit(&plan, &Edit::Lead("XX".into()), today).is_err());
        assert!(checked_edit(&plan, &Edit::Progress(101), today).is_err());
        let long = Edit::Note("x".repeat(MAX_NOTE_CHARS + 1));
        assert!(checked_edit(&plan, &long, today).is_err());
    }

    /// Work is done between the plan's start (15/04/2026) and today, both
    /// included: never tomorrow, never before the plan.
    #[test]
    fn a_completion_date_lies_between_the_plan_start_and_today() {
        let plan = plan();
        let (start, today) = (plan.info().start, d(2026, 11, 26));
        for accepted in [start, d(2026, 9, 30), today] {
            let edit = Edit::DoneOn(accepted);
            assert_eq!(checked_edit(&plan, &edit, today), Ok(edit.clone()));
        }
        for refused in [
            today.succ_opt().expect("a day"),
            start.pred_opt().expect("a day"),
        ] {
            assert_eq!(
                checked_edit(&plan, &Edit::DoneOn(refused), today),
                Err(InputError::DoneOnOutside {
                    date: refused,
                    first: start,
                    today
                })
            );
        }
    }
}
