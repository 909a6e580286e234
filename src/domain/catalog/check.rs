//! Whether a catalog is sound: every reference resolves, every id is unique.

use std::collections::HashSet;

use super::{Cadence, Catalog, TaskDef};

impl Catalog {
    /// Everything wrong with this catalog; empty when it is sound.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let units: HashSet<&str> = self.units.iter().map(|u| u.code.as_str()).collect();
        let areas: HashSet<u8> = self.areas.iter().map(|a| a.code).collect();
        let mut ids = HashSet::new();
        for task in &self.tasks {
            if !ids.insert(task.id.as_str()) {
                problems.push(format!("task id {} is not unique", task.id));
            }
        }
        for task in &self.tasks {
            problems.extend(task_problems(task, &units, &areas, &ids));
        }
        let mut target_ids = HashSet::new();
        for target in &self.targets {
            if !target_ids.insert(target.id.as_str()) {
                problems.push(format!("target id {} is not unique", target.id));
            }
            if !units.contains(target.lead.as_str()) {
                problems.push(format!(
                    "target {}: unknown unit {}",
                    target.id, target.lead
                ));
            }
            if !areas.contains(&target.area) {
                problems.push(format!(
                    "target {}: unknown area {}",
                    target.id, target.area
                ));
            }
        }
        for area in &self.areas {
            for unit in std::iter::once(&area.lead).chain(&area.coordinators) {
                if !units.contains(unit.as_str()) {
                    problems.push(format!("area {}: unknown unit {unit}", area.code));
                }
            }
        }
        problems
    }
}

fn task_problems(
    task: &TaskDef,
    units: &HashSet<&str>,
    areas: &HashSet<u8>,
    ids: &HashSet<&str>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let id = &task.id;
    if !areas.contains(&task.area) {
        problems.push(format!("task {id}: unknown area {}", task.area));
    }
    for unit in std::iter::once(&task.lead).chain(&task.coordinators) {
        if !units.contains(unit.as_str()) {
            problems.push(format!("task {id}: unknown unit {unit}"));
        }
    }
    if let Some(parent) = &task.parent
        && !ids.contains(parent.as_str())
    {
        problems.push(format!("task {id}: unknown parent {parent}"));
    }
    // One-off work the plan gives no date is "không có thời hạn": a due is
    // allowed on it, never required.
    if task.due.is_some() && task.cadence != Cadence::Once {
        problems.push(format!("task {id}: a due date is for one-off work"));
    }
    if task.due_day.is_some() && task.cadence != Cadence::Yearly {
        problems.push(format!("task {id}: due_day is for yearly work"));
    }
    if let Some(day) = &task.due_day
        && crate::domain::occurrence::parse_month_day(day).is_none()
    {
        problems.push(format!("task {id}: due_day {day} is not MM-DD"));
    }
    if id.contains('@') || id.chars().any(char::is_whitespace) || id.is_empty() {
        problems.push(format!("task {id}: ids hold no spaces and no '@'"));
    }
    problems
}
