//! The plan as a catalog: reform areas, responsible units, tasks and targets,
//! built by hand from the plan's text into `data/catalog.toml` and compiled in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::target::Direction;

mod check;
mod plan;
mod sync;

pub use plan::Plan;
pub use sync::sync;

/// The catalog shipped inside the binary, so `cchc` runs from any directory.
pub const BUNDLED_TOML: &str = include_str!("../../../data/catalog.toml");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Raised whenever the bundled file changes, so stores know to offer a sync.
    pub version: u32,
    pub plan: PlanInfo,
    pub phases: Vec<Phase>,
    pub units: Vec<Unit>,
    pub areas: Vec<Area>,
    pub tasks: Vec<TaskDef>,
    pub targets: Vec<TargetDef>,
}

/// A [`Catalog`] borrowed in parts: it serializes to the same bytes.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct CatalogRef<'a> {
    pub version: u32,
    pub plan: &'a PlanInfo,
    pub phases: &'a [Phase],
    pub units: &'a [Unit],
    pub areas: &'a [Area],
    pub tasks: &'a [TaskDef],
    pub targets: &'a [TargetDef],
}

impl Catalog {
    /// A copy of everything but the tasks, which may be many.
    pub fn clone_without_tasks(&self) -> Catalog {
        Catalog {
            version: self.version,
            plan: self.plan.clone(),
            phases: self.phases.clone(),
            units: self.units.clone(),
            areas: self.areas.clone(),
            tasks: Vec::new(),
            targets: self.targets.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanInfo {
    pub title: String,
    pub issuer: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    pub code: String,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub code: u8,
    pub name: String,
    pub name_en: String,
    pub plan_ref: String,
    pub lead: String,
    #[serde(default)]
    pub coordinators: Vec<String>,
}

/// How often a task comes round. Recurring tasks are reviewed per occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Once,
    Yearly,
    Quarterly,
    Weekly,
    Continuous,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskDef {
    pub id: String,
    pub area: u8,
    #[serde(default)]
    pub parent: Option<String>,
    pub plan_ref: String,
    pub title: String,
    pub short: String,
    pub lead: String,
    #[serde(default)]
    pub coordinators: Vec<String>,
    pub cadence: Cadence,
    /// The deadline of one-off work, where the plan sets one; work the plan
    /// gives no date has none, and is counted as "không có thời hạn".
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// For yearly work: the month-day each year's occurrence is due ("12-31"),
    /// where the plan sets one; otherwise the year's report day.
    #[serde(default)]
    pub due_day: Option<String>,
    /// Where `due` or `due_day` comes from.
    #[serde(default)]
    pub due_source: Option<Source>,
    /// For a task the office added: the day it was added, before which it
    /// has no occurrence (recurring work added in 2027 owes nothing for
    /// 2026). The plan's tasks run from the plan's start.
    #[serde(default)]
    pub start: Option<NaiveDate>,
}

/// Where a date or a baseline of the catalog comes from: never only the
/// catalog's say-so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The plan's own words, quoted as written.
    Plan(String),
    /// The office's own assumption, with its reason: shown as such.
    Office(String),
}

impl Source {
    pub fn is_assumption(&self) -> bool {
        matches!(self, Source::Office(_))
    }

    pub fn words(&self) -> &str {
        match self {
            Source::Plan(words) | Source::Office(words) => words,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetDef {
    pub id: String,
    pub area: u8,
    pub plan_ref: String,
    pub title: String,
    pub short: String,
    pub lead: String,
    pub value: f64,
    pub unit: String,
    pub direction: Direction,
    /// A qualitative aim, judged "đạt" or "chưa đạt"; `value` is then 1.
    #[serde(default)]
    pub qualitative: bool,
    /// The value at the plan's start, only where the plan gives one or the
    /// office enters one with its source.
    #[serde(default)]
    pub baseline: Option<f64>,
    #[serde(default)]
    pub baseline_source: Option<Source>,
    /// The phase deadline, where the plan sets one.
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub due_source: Option<Source>,
}

/// A catalog that cannot be used, with every reason found.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("invalid catalog: {}", .0.join("; "))]
pub struct CatalogError(pub Vec<String>);

impl Catalog {
    /// Parses and checks a catalog in the TOML form of `data/catalog.toml`.
    pub fn from_toml(text: &str) -> Result<Catalog, CatalogError> {
        let catalog: Catalog =
            toml::from_str(text).map_err(|e| CatalogError(vec![e.to_string()]))?;
        let mut problems = catalog.problems();
        problems.extend(catalog.unsourced());
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(CatalogError(problems))
        }
    }

    /// The catalog compiled into this binary.
    pub fn bundled() -> Result<Catalog, CatalogError> {
        Catalog::from_toml(BUNDLED_TOML)
    }
}
