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
    /// The deadline of one-off work (a phase end).
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// For yearly work: the month-day each year's occurrence is due ("12-31").
    #[serde(default)]
    pub due_day: Option<String>,
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
    #[serde(default)]
    pub baseline: f64,
    pub due: NaiveDate,
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
        let problems = catalog.problems();
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
