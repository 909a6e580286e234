//! The append-only history: who changed what, when, from what to what, and why.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::edit::{Change, Field, Subject, Value};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Position in the history, from 1, without gaps.
    pub seq: u64,
    pub at: DateTime<FixedOffset>,
    /// The OS user, with the SSH client address when the edit came over SSH.
    pub who: String,
    pub subject: Subject,
    pub field: Field,
    pub old: Value,
    pub new: Value,
    /// Why, when the person said (an extension's reason, an undo).
    pub reason: Option<String>,
}

impl HistoryEntry {
    /// An entry for `change`, numbered later by the store.
    pub fn new(
        change: Change,
        at: DateTime<FixedOffset>,
        who: &str,
        reason: Option<&str>,
    ) -> HistoryEntry {
        HistoryEntry {
            seq: 0,
            at,
            who: who.to_string(),
            subject: change.subject,
            field: change.field,
            old: change.old,
            new: change.new,
            reason: reason.map(str::to_string),
        }
    }
}
