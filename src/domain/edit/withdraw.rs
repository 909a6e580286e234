//! The officer in charge, and notes and documents taken back.

use super::{Change, EditContext, Field, Subject, TaskEdit, Value};
use crate::domain::InputError;
use crate::domain::occurrence::TaskKey;
use crate::domain::task::{Item, Withdrawal};

impl TaskEdit {
    pub(super) fn set_assignee(&mut self, key: &TaskKey, name: &str) {
        let new = (!name.is_empty()).then(|| name.to_string());
        let old = std::mem::replace(&mut self.overrides.assignee, new.clone());
        self.record(key, Field::Assignee, text_value(old), text_value(new));
    }

    /// Takes back the note or document at `item`, recording its text as the
    /// old value, so the history keeps what the views no longer show.
    pub(super) fn withdraw(
        &mut self,
        key: &TaskKey,
        item: Item,
        reason: &str,
        ctx: &EditContext,
    ) -> Result<(), InputError> {
        let old = self.item_value(item).ok_or(InputError::NoSuchItem)?;
        if self.state.is_withdrawn(item) {
            return Err(InputError::NoSuchItem);
        }
        self.state.withdrawn.push(Withdrawal {
            item,
            at: ctx.at,
            who: ctx.who.clone(),
            reason: reason.to_string(),
        });
        self.changes.push(Change {
            subject: Subject::Task(key.clone()),
            field: Field::Withdrawn,
            old,
            new: Value::None,
        });
        Ok(())
    }

    pub(super) fn item_value(&self, item: Item) -> Option<Value> {
        match item {
            Item::Note(i) => self
                .state
                .notes
                .get(i as usize)
                .map(|n| Value::Text(n.text.clone())),
            Item::Evidence(i) => self
                .state
                .evidence
                .get(i as usize)
                .map(|e| Value::Evidence(e.clone())),
        }
    }
}

fn text_value(text: Option<String>) -> Value {
    text.map_or(Value::None, Value::Text)
}
