//! The catalog as stored. Schema 3 gave each date and baseline its source
//! and let the plan leave a date out; a catalog written by an earlier schema
//! is read in its own shape and brought to this one, every date kept and
//! none of them claimed to be sourced, until the office syncs the catalog.
//! Schema 5 gave a task the day it starts (for tasks the office adds); a
//! catalog of schema 3 or 4 reads with none, its tasks running from the
//! plan's start as before.

use chrono::NaiveDate;
use serde::Deserialize;

use super::codec::{self, CodecError};
use crate::domain::catalog::{
    Area, Cadence, Catalog, Phase, PlanInfo, Source, TargetDef, TaskDef, Unit,
};
use crate::domain::target::Direction;

/// The first schema whose catalog has this shape.
pub const FIRST_SCHEMA: u16 = 5;
/// The first schema whose catalog had sourced dates.
const SOURCED_SCHEMA: u16 = 3;

pub fn decode(bytes: &[u8]) -> Result<Catalog, CodecError> {
    match codec::version(bytes)? {
        v if v >= FIRST_SCHEMA => codec::decode_since(bytes, FIRST_SCHEMA),
        v if v >= SOURCED_SCHEMA => {
            codec::decode_since::<CatalogV3>(bytes, SOURCED_SCHEMA).map(CatalogV3::upgrade)
        }
        _ => codec::decode::<CatalogV2>(bytes).map(CatalogV2::upgrade),
    }
}

/// The catalog of schemas 3 and 4: tasks without a start of their own.
#[derive(Deserialize)]
struct CatalogV3 {
    version: u32,
    plan: PlanInfo,
    phases: Vec<Phase>,
    units: Vec<Unit>,
    areas: Vec<Area>,
    tasks: Vec<TaskDefV3>,
    targets: Vec<TargetDef>,
}

#[derive(Deserialize)]
struct TaskDefV3 {
    id: String,
    area: u8,
    parent: Option<String>,
    plan_ref: String,
    title: String,
    short: String,
    lead: String,
    coordinators: Vec<String>,
    cadence: Cadence,
    due: Option<NaiveDate>,
    due_day: Option<String>,
    due_source: Option<Source>,
}

impl CatalogV3 {
    fn upgrade(self) -> Catalog {
        Catalog {
            version: self.version,
            plan: self.plan,
            phases: self.phases,
            units: self.units,
            areas: self.areas,
            tasks: self
                .tasks
                .into_iter()
                .map(|t| TaskDef {
                    id: t.id,
                    area: t.area,
                    parent: t.parent,
                    plan_ref: t.plan_ref,
                    title: t.title,
                    short: t.short,
                    lead: t.lead,
                    coordinators: t.coordinators,
                    cadence: t.cadence,
                    due: t.due,
                    due_day: t.due_day,
                    due_source: t.due_source,
                    start: None,
                })
                .collect(),
            targets: self.targets,
        }
    }
}

#[derive(Deserialize)]
struct CatalogV2 {
    version: u32,
    plan: PlanInfo,
    phases: Vec<Phase>,
    units: Vec<Unit>,
    areas: Vec<Area>,
    tasks: Vec<TaskDefV2>,
    targets: Vec<TargetDefV2>,
}

#[derive(Deserialize)]
struct TaskDefV2 {
    id: String,
    area: u8,
    parent: Option<String>,
    plan_ref: String,
    title: String,
    short: String,
    lead: String,
    coordinators: Vec<String>,
    cadence: Cadence,
    due: Option<NaiveDate>,
    due_day: Option<String>,
}

#[derive(Deserialize)]
struct TargetDefV2 {
    id: String,
    area: u8,
    plan_ref: String,
    title: String,
    short: String,
    lead: String,
    value: f64,
    unit: String,
    direction: Direction,
    baseline: f64,
    due: NaiveDate,
}

impl CatalogV2 {
    fn upgrade(self) -> Catalog {
        Catalog {
            version: self.version,
            plan: self.plan,
            phases: self.phases,
            units: self.units,
            areas: self.areas,
            tasks: self.tasks.into_iter().map(TaskDefV2::upgrade).collect(),
            targets: self.targets.into_iter().map(TargetDefV2::upgrade).collect(),
        }
    }
}

impl TaskDefV2 {
    fn upgrade(self) -> TaskDef {
        TaskDef {
            id: self.id,
            area: self.area,
            parent: self.parent,
            plan_ref: self.plan_ref,
            title: self.title,
            short: self.short,
            lead: self.lead,
            coordinators: self.coordinators,
            cadence: self.cadence,
            due: self.due,
            due_day: self.due_day,
            due_source: None,
            start: None,
        }
    }
}

impl TargetDefV2 {
    /// Every baseline of schema 2 was a 0 the plan never gave: it is dropped.
    fn upgrade(self) -> TargetDef {
        TargetDef {
            id: self.id,
            area: self.area,
            plan_ref: self.plan_ref,
            title: self.title,
            short: self.short,
            lead: self.lead,
            value: self.value,
            unit: self.unit,
            direction: self.direction,
            qualitative: false,
            baseline: (self.baseline != 0.0).then_some(self.baseline),
            baseline_source: None,
            due: Some(self.due),
            due_source: None,
        }
    }
}
