//! Measurable targets (chỉ tiêu) and their measurements.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    AtLeast,
    AtMost,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub on: NaiveDate,
    pub value: f64,
    pub note: Option<String>,
    pub at: DateTime<FixedOffset>,
    pub who: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetState {
    /// In the order they were recorded.
    pub measurements: Vec<Measurement>,
}

impl TargetState {
    /// The measurement with the latest date (the last recorded wins a tie).
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements.iter().rev().max_by_key(|m| m.on)
    }
}

/// Whether `value` meets a target of `goal` in `direction`.
pub fn is_met(direction: Direction, goal: f64, value: f64) -> bool {
    match direction {
        Direction::AtLeast => value >= goal,
        Direction::AtMost => value <= goal,
    }
}
