//! Work the office adds beyond the five-year plan: its own yearly plan, tasks
//! the city assigns during the year. Such a task lives beside the plan's, with
//! the document that assigned it; it is never deleted, only retired, and then
//! keeps its history and leaves the views.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::InputError;
use super::catalog::{Cadence, Catalog, TaskDef};
use super::error::TextField;
use super::text::{MAX_NOTE_CHARS, MAX_SHORT_TEXT_CHARS};
use super::validate::{check_author, check_due_in, check_moment, check_stored};

/// The prefix of the ids the office's tasks get: "BS" for "bổ sung"
/// (added), followed by a number the store allocates. No id of the plan
/// starts with a letter, so the two can never collide.
pub const ID_PREFIX: &str = "BS-";

/// A task the office added, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficeTask {
    pub def: TaskDef,
    /// The document that assigned it: "Số ký hiệu, ngày" as the office types it.
    pub source: Option<String>,
    pub added_at: DateTime<FixedOffset>,
    pub added_by: String,
    pub retired: Option<Retirement>,
}

impl OfficeTask {
    pub fn is_active(&self) -> bool {
        self.retired.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retirement {
    pub at: DateTime<FixedOffset>,
    pub who: String,
    pub reason: String,
}

/// A task as a person describes it, before it has an id: typed on the
/// command line, entered on the board or read from a row of a spreadsheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskDraft {
    pub title: String,
    pub area: u8,
    /// A unit code of the plan.
    pub lead: String,
    /// Unit codes of the plan.
    pub coordinators: Vec<String>,
    pub cadence: Cadence,
    /// The deadline of one-off work, if it has one.
    pub due: Option<NaiveDate>,
    pub source: Option<String>,
    pub parent: Option<String>,
}

/// What `cchc task edit` changes of a task the office added; what is
/// `None` stays as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftChanges {
    pub title: Option<String>,
    pub area: Option<u8>,
    pub lead: Option<String>,
    pub coordinators: Option<Vec<String>>,
    pub cadence: Option<Cadence>,
    pub due: Option<NaiveDate>,
    pub source: Option<String>,
    pub parent: Option<String>,
}

impl DraftChanges {
    pub fn is_empty(&self) -> bool {
        *self == DraftChanges::default()
    }

    /// `draft` with these changes made. A deadline makes the work one-off.
    pub fn applied_to(&self, draft: &TaskDraft) -> TaskDraft {
        let cadence = match (self.cadence, self.due) {
            (Some(cadence), _) => cadence,
            (None, Some(_)) => Cadence::Once,
            (None, None) => draft.cadence,
        };
        TaskDraft {
            title: self.title.clone().unwrap_or_else(|| draft.title.clone()),
            area: self.area.unwrap_or(draft.area),
            lead: self.lead.clone().unwrap_or_else(|| draft.lead.clone()),
            coordinators: self
                .coordinators
                .clone()
                .unwrap_or_else(|| draft.coordinators.clone()),
            cadence,
            due: self.due.or(draft.due),
            source: self.source.clone().or_else(|| draft.source.clone()),
            parent: self.parent.clone().or_else(|| draft.parent.clone()),
        }
    }
}

impl OfficeTask {
    /// The task as a person would describe it again.
    pub fn draft(&self) -> TaskDraft {
        let def = &self.def;
        TaskDraft {
            title: def.title.clone(),
            area: def.area,
            lead: def.lead.clone(),
            coordinators: def.coordinators.clone(),
            cadence: def.cadence,
            due: def.due,
            source: self.source.clone(),
            parent: def.parent.clone(),
        }
    }
}

/// The number of an office task's id (`BS-12` is 12).
pub fn id_number(id: &str) -> Option<u32> {
    id.strip_prefix(ID_PREFIX)?.parse().ok()
}

pub fn id_of(number: u32) -> String {
    format!("{ID_PREFIX}{number}")
}

/// The longest title of a task the office adds.
pub const MAX_TITLE_CHARS: usize = 500;

/// An office task as read from a store or a file: what adding it would have
/// let through, against the plan's units, areas and years.
pub fn check_office_task(catalog: &Catalog, id: &str, task: &OfficeTask) -> Result<(), InputError> {
    let def = &task.def;
    if def.id != id || id_number(id).is_none() {
        return Err(InputError::UnknownTask(id.to_string()));
    }
    check_stored(&def.title, TextField::TaskTitle, MAX_TITLE_CHARS, false)?;
    check_stored(&def.short, TextField::TaskTitle, MAX_TITLE_CHARS, false)?;
    if !catalog.areas.iter().any(|a| a.code == def.area) {
        return Err(InputError::UnknownArea(def.area.to_string()));
    }
    let known = |code: &String| catalog.units.iter().any(|u| u.code == *code);
    if let Some(code) = std::iter::once(&def.lead)
        .chain(&def.coordinators)
        .find(|c| !known(c))
    {
        return Err(InputError::UnknownUnit {
            typed: code.clone(),
            known: catalog.units.iter().map(|u| u.code.clone()).collect(),
        });
    }
    if let Some(due) = def.due {
        check_due_in(&catalog.plan, due)?;
    }
    if let Some(source) = &task.source {
        check_stored(source, TextField::Source, MAX_SHORT_TEXT_CHARS, false)?;
    }
    check_moment(&task.added_at)?;
    check_author(&task.added_by)?;
    if let Some(retired) = &task.retired {
        check_moment(&retired.at)?;
        check_author(&retired.who)?;
        check_stored(&retired.reason, TextField::Reason, MAX_NOTE_CHARS, true)?;
    }
    Ok(())
}

/// The office tasks whose parent is no task of the plan or the office, or
/// whose line of parents comes back to itself: a loop would hide both tasks
/// from the board, which shows a sub-task under its parent.
pub fn bad_parents(catalog: &Catalog, office: &BTreeMap<String, OfficeTask>) -> Vec<String> {
    // The plan's own tasks have only the plan's tasks as parents, so a line
    // of parents that reaches one of them ends well if the plan has it.
    let in_plan = |id: &str| catalog.tasks.iter().any(|t| t.id == id);
    office
        .keys()
        .filter(|id| {
            let mut current = id.as_str();
            // A line of office tasks longer than there are of them has looped.
            for _ in 0..=office.len() {
                let Some(task) = office.get(current) else {
                    return !in_plan(current);
                };
                match task.def.parent.as_deref() {
                    None => return false,
                    Some(parent) if parent == id.as_str() => return true,
                    Some(parent) => current = parent,
                }
            }
            true
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn task(id: &str, parent: Option<&str>) -> (String, OfficeTask) {
        let at = DateTime::parse_from_rfc3339("2027-03-10T09:00:00+07:00").expect("a time");
        let def = TaskDef {
            id: id.into(),
            area: 1,
            parent: parent.map(str::to_string),
            plan_ref: String::new(),
            title: id.into(),
            short: id.into(),
            lead: "VP".into(),
            coordinators: Vec::new(),
            cadence: Cadence::Once,
            due: None,
            due_day: None,
            due_source: None,
            start: None,
        };
        let task = OfficeTask {
            def,
            source: None,
            added_at: at,
            added_by: "a".into(),
            retired: None,
        };
        (id.to_string(), task)
    }

    #[test]
    fn a_parent_that_is_no_task_or_a_loop_is_found() {
        let catalog = Catalog::bundled().expect("the bundled plan");
        let office: BTreeMap<_, _> = [
            task("BS-1", Some("1.a.1")),
            task("BS-2", Some("BS-1")),
            task("BS-3", Some("BS-4")),
            task("BS-4", Some("BS-3")),
            task("BS-5", Some("9.9.9")),
            task("BS-6", None),
        ]
        .into_iter()
        .collect();
        assert_eq!(bad_parents(&catalog, &office), ["BS-3", "BS-4", "BS-5"]);
    }
}
