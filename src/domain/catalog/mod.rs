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

/// A [`Catalog`] borrowed in parts: it serializes to the same bytes, its
/// tasks as they are or as [`TaskIndex`].
#[derive(Debug, Clone, Copy, Serialize)]
pub struct CatalogRef<'a, Tasks: Serialize = &'a [TaskDef]> {
    pub version: u32,
    pub plan: &'a PlanInfo,
    pub phases: &'a [Phase],
    pub units: &'a [Unit],
    pub areas: &'a [Area],
    pub tasks: Tasks,
    pub targets: &'a [TargetDef],
}

/// Tasks that serialize as their compact index: [`TaskDef`]s with their
/// [`TaskText`] left out (id, area, units, cadence and deadline kept), a
/// small part of a large plan. A screen opens on it and reads the texts it
/// shows ([`Plan::fill_texts`]).
#[derive(Debug, Clone, Copy)]
pub struct TaskIndex<'a>(pub &'a [TaskDef]);

impl Serialize for TaskIndex<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(IndexedDef::of))
    }
}

/// A [`TaskDef`] field for field, in its order, its text left out.
#[derive(Serialize)]
#[serde(rename = "TaskDef")]
struct IndexedDef<'a> {
    id: &'a str,
    area: u8,
    parent: &'a Option<String>,
    plan_ref: &'a str,
    title: &'a str,
    short: &'a str,
    lead: &'a str,
    coordinators: &'a [String],
    cadence: Cadence,
    due: Option<NaiveDate>,
    due_day: &'a Option<String>,
    due_source: Option<Source>,
    start: Option<NaiveDate>,
}

impl<'a> IndexedDef<'a> {
    fn of(t: &'a TaskDef) -> IndexedDef<'a> {
        IndexedDef {
            id: &t.id,
            area: t.area,
            parent: &t.parent,
            plan_ref: "",
            title: "",
            short: "",
            lead: &t.lead,
            coordinators: &t.coordinators,
            cadence: t.cadence,
            due: t.due,
            due_day: &t.due_day,
            due_source: None,
            start: t.start,
        }
    }
}

/// What a task's compact index leaves out: its titles and the plan's words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskText {
    pub title: String,
    pub short: String,
    pub plan_ref: String,
    pub due_source: Option<Source>,
}

impl TaskDef {
    pub fn text(&self) -> TaskText {
        TaskText {
            title: self.title.clone(),
            short: self.short.clone(),
            plan_ref: self.plan_ref.clone(),
            due_source: self.due_source.clone(),
        }
    }

    /// True for a task read from a compact index, whose text is not here:
    /// every task has a title.
    pub fn lacks_text(&self) -> bool {
        self.title.is_empty()
    }

    fn set_text(&mut self, text: TaskText) {
        self.title = text.title;
        self.short = text.short;
        self.plan_ref = text.plan_ref;
        self.due_source = text.due_source;
    }
}

impl Catalog {
    /// The catalog with its tasks as their compact index (see [`TaskIndex`]).
    pub fn index_ref(&self) -> CatalogRef<'_, TaskIndex<'_>> {
        CatalogRef {
            version: self.version,
            plan: &self.plan,
            phases: &self.phases,
            units: &self.units,
            areas: &self.areas,
            tasks: TaskIndex(&self.tasks),
            targets: &self.targets,
        }
    }

    /// Gives the tasks read from an index their texts, by id; a task that
    /// has its text keeps it, and a text of no task here is left out.
    pub fn fill_texts(&mut self, texts: impl IntoIterator<Item = (String, TaskText)>) {
        let lacking: foldhash::HashMap<&str, usize> = self
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.lacks_text())
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let found: Vec<(usize, TaskText)> = texts
            .into_iter()
            .filter_map(|(id, text)| Some((*lacking.get(id.as_str())?, text)))
            .collect();
        for (i, text) in found {
            self.tasks[i].set_text(text);
        }
    }

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
