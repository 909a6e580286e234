//! The catalog as stored. Schema 3 gave each date and baseline its source
//! and let the plan leave a date out; a catalog written by an earlier schema
//! is read in its own shape and brought to this one, every date kept and
//! none of them claimed to be sourced, until the office syncs the catalog.

use chrono::NaiveDate;
use serde::Deserialize;

use super::codec::{self, CodecError};
use crate::domain::catalog::{Area, Cadence, Catalog, Phase, PlanInfo, TargetDef, TaskDef, Unit};
use crate::domain::target::Direction;

/// The first schema whose catalog has this shape.
pub const FIRST_SCHEMA: u16 = 3;

pub fn decode(bytes: &[u8]) -> Result<Catalog, CodecError> {
    if codec::version(bytes)? >= FIRST_SCHEMA {
        codec::decode_since(bytes, FIRST_SCHEMA)
    } else {
        codec::decode::<CatalogV2>(bytes).map(CatalogV2::upgrade)
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
