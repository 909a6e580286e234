//! The forms of the office's own work: a task added or edited from the board,
//! and a note or document taken back. What they hold is read here into what
//! the application takes; the application makes every other check.

use super::text_input::LineEdit;
use crate::domain::office::{DraftChanges, TaskDraft};
use crate::domain::{Cadence, InputError, Item, input};

/// A task the office adds (or edits): title, area, lead, deadline, source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaskForm {
    /// The id of the office task edited; `None` adds a new one.
    pub editing: Option<String>,
    pub title: LineEdit,
    pub area: LineEdit,
    pub lead: LineEdit,
    pub due: LineEdit,
    pub source: LineEdit,
    pub focus: usize,
    pub error: Option<String>,
}

impl TaskForm {
    pub const FIELDS: usize = 5;

    /// A form showing `draft`, for adding with what the group gives or for
    /// editing a task as it is.
    pub fn showing(draft: &TaskDraft, editing: Option<String>) -> TaskForm {
        let due = draft.due.map(crate::domain::date::format_date);
        TaskForm {
            editing,
            title: LineEdit::new(&draft.title),
            area: LineEdit::new(&draft.area.to_string()),
            lead: LineEdit::new(&draft.lead),
            due: LineEdit::new(&due.unwrap_or_default()),
            source: LineEdit::new(draft.source.as_deref().unwrap_or_default()),
            ..TaskForm::default()
        }
    }

    pub fn field(&mut self) -> &mut LineEdit {
        match self.focus {
            0 => &mut self.title,
            1 => &mut self.area,
            2 => &mut self.lead,
            3 => &mut self.due,
            _ => &mut self.source,
        }
    }

    pub fn fields(&self) -> [&LineEdit; Self::FIELDS] {
        [&self.title, &self.area, &self.lead, &self.due, &self.source]
    }

    /// What the form holds, as a one-off task of the office.
    pub fn draft(&self) -> Result<TaskDraft, InputError> {
        let area = self.area.text.trim();
        let due = self.due.text.trim();
        let source = self.source.text.trim();
        Ok(TaskDraft {
            title: self.title.text.trim().to_string(),
            area: area
                .parse()
                .map_err(|_| InputError::UnknownArea(area.to_string()))?,
            lead: self.lead.text.trim().to_string(),
            coordinators: Vec::new(),
            cadence: Cadence::Once,
            due: (!due.is_empty()).then(|| input::date(due)).transpose()?,
            source: (!source.is_empty()).then(|| source.to_string()),
            parent: None,
        })
    }

    /// What changed from `before`, the task as the form opened on it. A
    /// deadline or source emptied is kept: the command line clears neither.
    pub fn changes(&self, before: &TaskDraft) -> Result<DraftChanges, InputError> {
        let after = self.draft()?;
        let changed = |a: &String, b: &String| (a != b).then(|| a.clone());
        Ok(DraftChanges {
            title: changed(&after.title, &before.title),
            area: (after.area != before.area).then_some(after.area),
            lead: changed(&after.lead, &before.lead),
            due: after.due.filter(|d| Some(*d) != before.due),
            source: after.source.filter(|s| Some(s) != before.source.as_ref()),
            ..DraftChanges::default()
        })
    }
}

/// A note or document taken back: its number as the detail shows it, and why.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WithdrawForm {
    pub number: LineEdit,
    pub reason: LineEdit,
    pub focus: usize,
    pub error: Option<String>,
}

impl WithdrawForm {
    pub fn field(&mut self) -> &mut LineEdit {
        if self.focus == 0 {
            &mut self.number
        } else {
            &mut self.reason
        }
    }

    /// The item typed: "2" is note 2, "T2" (or "D2") document 2, numbered
    /// from 1 as the detail pane shows them.
    pub fn item(&self) -> Result<Item, InputError> {
        let typed = self.number.text.trim();
        let bad = || InputError::BadNumber(typed.to_string());
        let (document, digits) = match typed.chars().next() {
            Some(c) if matches!(c.to_ascii_lowercase(), 't' | 'd') => (true, &typed[1..]),
            _ => (false, typed),
        };
        let shown: u32 = digits.trim().parse().map_err(|_| bad())?;
        let position = shown.checked_sub(1).ok_or_else(bad)?;
        Ok(if document {
            Item::Evidence(position)
        } else {
            Item::Note(position)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(number: &str) -> WithdrawForm {
        WithdrawForm {
            number: LineEdit::new(number),
            ..WithdrawForm::default()
        }
    }

    #[test]
    fn numbers_name_notes_and_documents_as_shown() {
        assert_eq!(form("2").item(), Ok(Item::Note(1)));
        assert_eq!(form(" t1 ").item(), Ok(Item::Evidence(0)));
        assert_eq!(form("D3").item(), Ok(Item::Evidence(2)));
        assert!(form("0").item().is_err());
        assert!(form("x").item().is_err());
        assert!(form("").item().is_err());
    }

    #[test]
    fn an_edit_sends_only_what_changed() {
        let mut task = TaskForm {
            title: LineEdit::new("Kế hoạch CCHC 2027"),
            area: LineEdit::new("1"),
            lead: LineEdit::new("VP"),
            ..TaskForm::default()
        };
        let before = task.draft().unwrap();
        assert!(task.changes(&before).unwrap().is_empty());
        task.title = LineEdit::new("Kế hoạch CCHC năm 2027");
        let changes = task.changes(&before).unwrap();
        assert_eq!(changes.title.as_deref(), Some("Kế hoạch CCHC năm 2027"));
        assert_eq!(changes.lead, None);
    }
}
