//! The state a person keeps for one occurrence of a task, and the few task-level
//! overrides (a new lead unit) that apply to every occurrence.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::status::Status;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskState {
    pub status: Status,
    /// 0..=100.
    pub progress: u8,
    pub completed_on: Option<NaiveDate>,
    /// A deadline moved by a person (gia hạn); `None` keeps the plan's.
    pub due: Option<NaiveDate>,
    pub notes: Vec<Note>,
    pub evidence: Vec<Evidence>,
    pub updated_at: Option<DateTime<FixedOffset>>,
    /// Notes and documents taken back: they stay in `notes` and `evidence`
    /// (and in the history) and leave every view.
    #[serde(default)]
    pub withdrawn: Vec<Withdrawal>,
}

impl TaskState {
    /// The state of work nobody has touched yet.
    pub const NOT_STARTED: TaskState = TaskState {
        status: Status::NotStarted,
        progress: 0,
        completed_on: None,
        due: None,
        notes: Vec::new(),
        evidence: Vec::new(),
        updated_at: None,
        withdrawn: Vec::new(),
    };

    pub fn is_withdrawn(&self, item: Item) -> bool {
        self.withdrawn.iter().any(|w| w.item == item)
    }

    /// The notes in force, with their positions, oldest first.
    pub fn live_notes(&self) -> impl DoubleEndedIterator<Item = (usize, &Note)> {
        self.notes
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.is_withdrawn(Item::Note(*i as u32)))
    }

    /// The documents in force, with their positions, oldest first.
    pub fn live_evidence(&self) -> impl DoubleEndedIterator<Item = (usize, &Evidence)> {
        self.evidence
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.is_withdrawn(Item::Evidence(*i as u32)))
    }
}

impl Default for TaskState {
    fn default() -> Self {
        TaskState::NOT_STARTED
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub at: DateTime<FixedOffset>,
    pub who: String,
    pub text: String,
}

/// A document proving a result (tài liệu kiểm chứng), e.g. Quyết định số 123/QĐ-UBND.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Số ký hiệu, e.g. "123/QĐ-UBND".
    pub number: String,
    /// Ngày ban hành.
    pub issued_on: NaiveDate,
    /// Trích yếu.
    pub summary: String,
    pub link: Option<String>,
}

/// A note or a document of an occurrence, by its position in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    Note(u32),
    Evidence(u32),
}

/// A note or a document taken back, by whom, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    pub item: Item,
    pub at: DateTime<FixedOffset>,
    pub who: String,
    pub reason: String,
}

/// Task-level changes that hold for all occurrences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskOverride {
    pub lead: Option<String>,
    /// The officer in charge (cán bộ thực hiện), as the office writes the name.
    #[serde(default)]
    pub assignee: Option<String>,
}

/// A task occurrence flagged for the meeting's agenda (during triage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaMark {
    pub at: DateTime<FixedOffset>,
    pub who: String,
}

/// A review meeting the clerk recorded (họp giao ban, sơ kết): the "since the
/// last meeting" slide compares with the one before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub date: NaiveDate,
    pub title: String,
    pub at: DateTime<FixedOffset>,
    pub who: String,
}
