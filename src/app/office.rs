//! The office's own tasks: added, edited and retired through operations, so
//! that the command line, a screen and an import through the owner make the
//! same checks and write the same records.

use chrono::NaiveDate;

use super::{App, AppError};
use crate::domain::catalog::{Cadence, TaskDef};
use crate::domain::error::TextField;
use crate::domain::office::{
    self, DraftChanges, MAX_TITLE_CHARS, OfficeTask, Retirement, TaskDraft,
};
use crate::domain::text::{MAX_NOTE_CHARS, MAX_SHORT_TEXT_CHARS, fold, validate_text};
use crate::domain::unit_names::find_unit;
use crate::domain::validate::check_due;
use crate::domain::{Change, Field, HistoryEntry, InputError, Subject, TaskKey, Value};
use crate::store::Commit;

/// The board's short title of an added task: its title, cut at a word.
const SHORT_CHARS: usize = 60;

impl App {
    /// The office's tasks, retired ones included, by id.
    pub fn office_tasks(&self) -> impl Iterator<Item = &OfficeTask> {
        self.office_tasks.values()
    }

    pub fn office_task(&self, id: &str) -> Option<&OfficeTask> {
        self.office_tasks.get(id)
    }

    /// The office's task in force that `draft` describes again, if any: what
    /// an import of the same file twice finds, so it adds nothing.
    pub fn same_office_task(&self, draft: &TaskDraft) -> Option<&OfficeTask> {
        let title = fold(&draft.title);
        self.office_tasks
            .values()
            .filter(|t| t.is_active())
            .find(|t| {
                let def = &t.def;
                fold(&def.title) == title
                    && def.area == draft.area
                    && def.lead == draft.lead
                    && def.cadence == draft.cadence
                    && def.due == draft.due
            })
    }

    /// A draft as the store may keep it: its text checked, its units and
    /// area the plan's, its deadline within the plan's years.
    pub fn checked_draft(&self, draft: &TaskDraft) -> Result<TaskDraft, InputError> {
        let plan = &self.plan;
        let title = validate_text(&draft.title, TextField::TaskTitle, MAX_TITLE_CHARS, false)?;
        if plan.area(draft.area).is_none() {
            return Err(InputError::UnknownArea(draft.area.to_string()));
        }
        // Units as people write them: "VHXH", "Phòng Văn hóa - Xã hội".
        let unit = |typed: &String| {
            find_unit(&plan.catalog().units, typed)
                .map(|u| u.code.clone())
                .ok_or_else(|| self.unknown_unit(typed))
        };
        let lead = unit(&draft.lead)?;
        let coordinators = draft
            .coordinators
            .iter()
            .map(unit)
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(due) = draft.due {
            check_due(plan, due)?;
        }
        let source = draft
            .source
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| validate_text(s, TextField::Source, MAX_SHORT_TEXT_CHARS, false))
            .transpose()?;
        let parent = draft
            .parent
            .as_deref()
            .map(|p| self.checked_parent(p))
            .transpose()?;
        Ok(TaskDraft {
            title,
            area: draft.area,
            lead,
            coordinators,
            cadence: draft.cadence,
            due: draft.due.filter(|_| draft.cadence == Cadence::Once),
            source,
            parent,
        })
    }

    fn checked_parent(&self, typed: &str) -> Result<String, InputError> {
        let typed = typed.trim();
        self.plan
            .tasks()
            .iter()
            .find(|t| t.id.eq_ignore_ascii_case(typed))
            .map(|t| t.id.clone())
            .ok_or_else(|| InputError::BadParent(typed.to_string()))
    }

    pub(super) fn prepare_add_tasks(
        &self,
        drafts: &[TaskDraft],
        who: &str,
    ) -> Result<Commit, AppError> {
        let drafts = drafts
            .iter()
            .map(|d| self.checked_draft(d))
            .collect::<Result<Vec<_>, _>>()?;
        let mut next = self.next_office_number()?;
        let now = self.clock.now;
        let mut commit = Commit::default();
        let mut seen: Vec<&TaskDraft> = Vec::new();
        for draft in &drafts {
            if self.same_office_task(draft).is_some() || seen.contains(&draft) {
                continue;
            }
            seen.push(draft);
            let id = office::id_of(next);
            next = next
                .checked_add(1)
                .ok_or_else(|| InputError::BadNumber(next.to_string()))?;
            let task = OfficeTask {
                def: task_def(&id, draft, self.clock.today),
                source: draft.source.clone(),
                added_at: now,
                added_by: who.to_string(),
                retired: None,
            };
            let change = Change {
                subject: Subject::Task(TaskKey::single(&id)),
                field: Field::Added,
                old: Value::None,
                new: Value::Text(draft.title.clone()),
            };
            commit
                .history
                .push(HistoryEntry::new(change, now, who, None));
            commit.office_tasks.push((id, task));
        }
        Ok(commit)
    }

    /// The number after every office task's, retired ones included: an id is
    /// never given twice.
    fn next_office_number(&self) -> Result<u32, InputError> {
        let last = self
            .office_tasks
            .keys()
            .filter_map(|id| office::id_number(id))
            .max()
            .unwrap_or(0);
        last.checked_add(1)
            .ok_or_else(|| InputError::BadNumber(last.to_string()))
    }

    /// The office's task in force behind `typed`; a task of the plan, or one
    /// retired, is refused with why.
    fn editable_office_task(&self, typed: &str) -> Result<&OfficeTask, InputError> {
        let typed = typed.trim();
        if let Some(task) = self
            .office_tasks
            .values()
            .find(|t| t.def.id.eq_ignore_ascii_case(typed))
        {
            return match task.retired {
                Some(_) => Err(InputError::RetiredTask(task.def.id.clone())),
                None => Ok(task),
            };
        }
        match self.plan.task(typed) {
            Some(def) => Err(InputError::PlanTaskKept(def.id.clone())),
            None => Err(InputError::UnknownTask(typed.to_string())),
        }
    }

    pub(super) fn prepare_edit_office_task(
        &self,
        typed: &str,
        changes: &DraftChanges,
        who: &str,
    ) -> Result<Commit, AppError> {
        let task = self.editable_office_task(typed)?;
        if changes.is_empty() {
            return Err(InputError::NothingToChange.into());
        }
        let draft = self.checked_draft(&changes.applied_to(&task.draft()))?;
        let id = task.def.id.clone();
        let mut edited = task.clone();
        edited.def = task_def(&id, &draft, task.def.start.unwrap_or(self.clock.today));
        edited.source = draft.source.clone();
        let mut office = self.office_tasks.clone();
        office.insert(id.clone(), edited.clone());
        if office::bad_parents(self.plan.catalog(), &office).contains(&id) {
            let parent = draft.parent.unwrap_or_default();
            return Err(InputError::BadParent(parent).into());
        }
        let changes = def_changes(&id, task, &edited);
        if changes.is_empty() {
            return Ok(Commit::default());
        }
        let now = self.clock.now;
        Ok(Commit {
            history: changes
                .into_iter()
                .map(|c| HistoryEntry::new(c, now, who, None))
                .collect(),
            office_tasks: vec![(id, edited)],
            ..Commit::default()
        })
    }

    pub(super) fn prepare_retire(
        &self,
        typed: &str,
        reason: &str,
        who: &str,
    ) -> Result<Commit, AppError> {
        let task = self.editable_office_task(typed)?;
        let reason = validate_text(reason, TextField::Reason, MAX_NOTE_CHARS, true)?;
        let now = self.clock.now;
        let mut retired = task.clone();
        retired.retired = Some(Retirement {
            at: now,
            who: who.to_string(),
            reason: reason.clone(),
        });
        let change = Change {
            subject: Subject::Task(TaskKey::single(&task.def.id)),
            field: Field::Retired,
            old: Value::None,
            new: Value::Text(reason.clone()),
        };
        Ok(Commit {
            history: vec![HistoryEntry::new(change, now, who, Some(&reason))],
            office_tasks: vec![(task.def.id.clone(), retired)],
            ..Commit::default()
        })
    }
}

fn task_def(id: &str, draft: &TaskDraft, start: NaiveDate) -> TaskDef {
    TaskDef {
        id: id.to_string(),
        area: draft.area,
        parent: draft.parent.clone(),
        plan_ref: draft.source.clone().unwrap_or_default(),
        title: draft.title.clone(),
        short: short_title(&draft.title),
        lead: draft.lead.clone(),
        coordinators: draft.coordinators.clone(),
        cadence: draft.cadence,
        due: draft.due,
        due_day: None,
        due_source: None,
        start: Some(start),
    }
}

/// The title cut at a word to fit a board row, marked as cut.
fn short_title(title: &str) -> String {
    if title.chars().count() <= SHORT_CHARS {
        return title.to_string();
    }
    let cut: String = title.chars().take(SHORT_CHARS - 1).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > SHORT_CHARS / 2);
    format!("{}…", cut[..at_word.unwrap_or(cut.len())].trim_end())
}

/// One change per field an edit of an office task moved.
fn def_changes(id: &str, old: &OfficeTask, new: &OfficeTask) -> Vec<Change> {
    let subject = Subject::Task(TaskKey::single(id));
    let text = |t: &str| Value::Text(t.to_string());
    let date = |d: Option<NaiveDate>| d.map_or(Value::None, Value::Date);
    let opt = |t: &Option<String>| t.as_deref().map_or(Value::None, text);
    let (a, b) = (&old.def, &new.def);
    let fields = [
        (Field::Title, text(&a.title), text(&b.title)),
        (
            Field::Area,
            Value::Number(a.area.into()),
            Value::Number(b.area.into()),
        ),
        (Field::Lead, text(&a.lead), text(&b.lead)),
        (
            Field::Coordinators,
            text(&a.coordinators.join(", ")),
            text(&b.coordinators.join(", ")),
        ),
        (
            Field::Cadence,
            text(cadence_code(a.cadence)),
            text(cadence_code(b.cadence)),
        ),
        (Field::Due, date(a.due), date(b.due)),
        (Field::Source, opt(&old.source), opt(&new.source)),
        (Field::Parent, opt(&a.parent), opt(&b.parent)),
    ];
    fields
        .into_iter()
        .filter(|(_, old, new)| old != new)
        .map(|(field, old, new)| Change {
            subject: subject.clone(),
            field,
            old,
            new,
        })
        .collect()
}

fn cadence_code(cadence: Cadence) -> &'static str {
    match cadence {
        Cadence::Once => "once",
        Cadence::Yearly => "yearly",
        Cadence::Quarterly => "quarterly",
        Cadence::Weekly => "weekly",
        Cadence::Continuous => "continuous",
    }
}

#[cfg(test)]
mod tests {
    use super::short_title;

    #[test]
    fn a_long_title_is_cut_at_a_word_and_marked() {
        let long = "Rà soát, đánh giá việc thực hiện thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã";
        let short = short_title(long);
        assert!(short.ends_with('…'), "{short}");
        assert!(short.chars().count() <= 60, "{short}");
        assert!(long.starts_with(short.trim_end_matches('…')));
        assert_eq!(
            short_title("Kế hoạch CCHC năm 2027"),
            "Kế hoạch CCHC năm 2027"
        );
    }
}
