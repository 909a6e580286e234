//! The pure domain: the plan catalog, task and target state, dates, statuses and
//! their deadline classes, edits and the history they produce, and text folding.
//! Nothing here performs I/O, reads the clock or knows about terminals or storage.

pub mod catalog;
pub mod closing;
pub mod date;
pub mod edit;
pub mod error;
pub mod history;
pub mod input;
pub mod occurrence;
pub mod office;
pub mod period;
pub mod record;
pub mod report_text;
pub mod risk;
pub mod search;
pub mod status;
pub mod target;
pub mod task;
pub mod task_sheet;
pub mod text;
pub mod unit_names;
pub mod validate;

pub use catalog::{Area, Cadence, Catalog, Source, TargetDef, TaskDef, Unit};
pub use edit::{Change, Edit, Field, Subject, Value};
pub use error::InputError;
pub use history::{Author, HistoryEntry};
pub use occurrence::{Occurrence, TaskKey};
pub use search::MatchedField;
pub use status::{DeadlineClass, Status};
pub use target::{Baseline, Direction, Measurement, TargetState};
pub use task::{AgendaMark, Evidence, Item, Meeting, Note, TaskOverride, TaskState, Withdrawal};
