//! Undo: the values a set of changes replaced, put back as one new edit,
//! refused when a field no longer holds what its change wrote.

use chrono::NaiveDate;

use super::{Change, EditContext, Field, TaskEdit, Value, date_value};
use crate::domain::occurrence::TaskKey;
use crate::domain::task::{Item, TaskOverride, TaskState};

/// A field an undo would put back no longer holds what that change wrote:
/// someone changed it since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overtaken(pub Field);

/// Puts back the values `changes` replaced, newest first, as one new edit (an
/// undo is itself recorded in the history; nothing is erased from it). Refused
/// when any field no longer holds the value its change wrote: an undo never
/// overwrites a newer edit. A note or document an undo takes away is
/// withdrawn with `reason`, never removed: the positions of the others,
/// which withdrawals name, stay as they are.
pub fn revert_task_changes(
    key: &TaskKey,
    state: &TaskState,
    overrides: &TaskOverride,
    changes: &[Change],
    ctx: &EditContext,
    reason: &str,
) -> Result<TaskEdit, Overtaken> {
    let mut next = TaskEdit {
        state: state.clone(),
        overrides: overrides.clone(),
        changes: Vec::new(),
    };
    for change in changes.iter().rev() {
        if !next.still_holds(change, ctx) {
            return Err(Overtaken(change.field));
        }
        next.revert(key, change, ctx, reason);
    }
    if !next.changes.is_empty() {
        next.state.updated_at = Some(ctx.at);
    }
    Ok(next)
}

impl TaskEdit {
    /// Whether the field `change` wrote still holds what it wrote.
    fn still_holds(&self, change: &Change, ctx: &EditContext) -> bool {
        let state = &self.state;
        match (change.field, &change.new) {
            (Field::Status, Value::Status(s)) => state.status == *s,
            (Field::Progress, Value::Progress(p)) => state.progress == *p,
            (Field::CompletedOn, new) => date_value(state.completed_on) == *new,
            (Field::Due, new) => date_value(state.due.or(ctx.plan_due)) == *new,
            (Field::Lead, Value::Text(code)) => {
                self.overrides.lead.as_deref().unwrap_or(&ctx.plan_lead) == code
            }
            (Field::Note, Value::Text(text)) => state.live_notes().any(|(_, n)| n.text == *text),
            (Field::Evidence, Value::Evidence(doc)) => state.live_evidence().any(|(_, e)| e == doc),
            (Field::Assignee, new) => text_value(self.overrides.assignee.as_deref()) == *new,
            _ => false,
        }
    }

    fn revert(&mut self, key: &TaskKey, change: &Change, ctx: &EditContext, reason: &str) {
        if let Some(item) = self.item_added_by(change) {
            self.withdraw(key, item, reason, ctx)
                .expect("the item was just found in force");
            return;
        }
        let state = &mut self.state;
        let current = match (change.field, &change.old) {
            (Field::Status, Value::Status(old)) => {
                Value::Status(std::mem::replace(&mut state.status, *old))
            }
            (Field::Progress, Value::Progress(old)) => {
                Value::Progress(std::mem::replace(&mut state.progress, *old))
            }
            (Field::CompletedOn, old) => {
                date_value(std::mem::replace(&mut state.completed_on, value_date(old)))
            }
            (Field::Due, old) => {
                let current = state.due.or(ctx.plan_due);
                let restored = value_date(old);
                state.due = restored.filter(|d| Some(*d) != ctx.plan_due);
                date_value(current)
            }
            (Field::Lead, Value::Text(old)) => {
                let current = self.overrides.lead.clone().unwrap_or(ctx.plan_lead.clone());
                self.overrides.lead = (*old != ctx.plan_lead).then(|| old.clone());
                Value::Text(current)
            }
            (Field::Assignee, old) => {
                let current = text_value(self.overrides.assignee.as_deref());
                self.overrides.assignee = match old {
                    Value::Text(name) => Some(name.clone()),
                    _ => None,
                };
                current
            }
            _ => return,
        };
        self.record(key, change.field, current, change.old.clone());
    }

    /// The note or document in force that `change` added, the latest one
    /// with its text.
    fn item_added_by(&self, change: &Change) -> Option<Item> {
        let state = &self.state;
        match (change.field, &change.new) {
            (Field::Note, Value::Text(text)) => state
                .live_notes()
                .rfind(|(_, n)| n.text == *text)
                .map(|(i, _)| Item::Note(i as u32)),
            (Field::Evidence, Value::Evidence(doc)) => state
                .live_evidence()
                .rfind(|(_, e)| *e == doc)
                .map(|(i, _)| Item::Evidence(i as u32)),
            _ => None,
        }
    }
}

fn text_value(text: Option<&str>) -> Value {
    text.map_or(Value::None, |t| Value::Text(t.to_string()))
}

fn value_date(value: &Value) -> Option<NaiveDate> {
    match value {
        Value::Date(d) => Some(*d),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::edit::{Edit, apply_task_edits};
    use crate::domain::status::Status;

    #[test]
    fn undo_restores_every_field_of_an_edit() {
        let key = TaskKey::single("1.a");
        let ctx = EditContext {
            who: "a".into(),
            at: DateTime::parse_from_rfc3339("2026-11-26T09:00:00+07:00").unwrap(),
            today: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            plan_due: NaiveDate::from_ymd_opt(2027, 12, 31),
            plan_lead: "VP".into(),
        };
        let start = TaskState::default();
        let edits = [
            Edit::Status(Status::Done),
            Edit::Due(NaiveDate::from_ymd_opt(2028, 1, 1).unwrap()),
            Edit::Lead("KT".into()),
            Edit::Note("ghi chú".into()),
        ];
        let done = apply_task_edits(&key, &start, &TaskOverride::default(), &edits, &ctx).unwrap();
        let undone = revert_task_changes(
            &key,
            &done.state,
            &done.overrides,
            &done.changes,
            &ctx,
            "undo",
        )
        .expect("nothing changed since");
        assert_eq!(undone.state.status, Status::NotStarted);
        assert_eq!(undone.state.progress, 0);
        assert_eq!(undone.state.completed_on, None);
        assert_eq!(undone.state.due, None);
        // The note is withdrawn, not removed: the history keeps its text
        // and the positions of later notes stay as they are.
        assert_eq!(undone.state.live_notes().count(), 0);
        assert_eq!(undone.state.notes.len(), 1);
        assert_eq!(undone.overrides, TaskOverride::default());
        assert_eq!(undone.changes.len(), done.changes.len());
    }

    /// Work on a task with no deadline, led by VP.
    fn undated_context() -> EditContext {
        EditContext {
            who: "a".into(),
            at: DateTime::parse_from_rfc3339("2026-11-26T09:00:00+07:00").unwrap(),
            today: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            plan_due: None,
            plan_lead: "VP".into(),
        }
    }

    #[test]
    fn undo_over_a_newer_edit_is_refused() {
        let key = TaskKey::single("1.a.1");
        let ctx = undated_context();
        let none = TaskOverride::default();
        let at_30 = apply_task_edits(
            &key,
            &TaskState::default(),
            &none,
            &[Edit::Progress(30)],
            &ctx,
        )
        .unwrap();
        let mine =
            apply_task_edits(&key, &at_30.state, &none, &[Edit::Progress(40)], &ctx).unwrap();
        let theirs =
            apply_task_edits(&key, &mine.state, &none, &[Edit::Progress(70)], &ctx).unwrap();
        let undo = revert_task_changes(&key, &theirs.state, &none, &mine.changes, &ctx, "undo");
        assert_eq!(
            undo.map(|e| e.state.progress),
            Err(Overtaken(Field::Progress))
        );
    }

    #[test]
    fn steps_add_up_from_the_current_value_and_stay_in_range() {
        let key = TaskKey::single("1.a.1");
        let ctx = undated_context();
        let none = TaskOverride::default();
        let mut state = TaskState::default();
        for _ in 0..6 {
            state = apply_task_edits(&key, &state, &none, &[Edit::ProgressStep(10)], &ctx)
                .unwrap()
                .state;
        }
        assert_eq!(state.progress, 60);
        let over = apply_task_edits(&key, &state, &none, &[Edit::ProgressStep(90)], &ctx).unwrap();
        assert_eq!(over.state.progress, 100);
        let under =
            apply_task_edits(&key, &state, &none, &[Edit::ProgressStep(-90)], &ctx).unwrap();
        assert_eq!(under.state.progress, 0);
    }
}
