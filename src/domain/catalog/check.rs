//! Whether a catalog is sound: every reference resolves, every id is unique,
//! and every date and baseline says where it comes from.

use std::collections::HashSet;

use super::{Cadence, Catalog, Source, TargetDef, TaskDef};

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
            // A qualitative aim is judged "đạt" or "chưa đạt": value 1, no unit.
            if target.qualitative && (target.value != 1.0 || !target.unit.is_empty()) {
                problems.push(format!(
                    "target {}: a qualitative aim has value 1 and no unit",
                    target.id
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

    /// Every date and baseline that does not say where it comes from. The
    /// bundled catalog must have none; a store's or an export's catalog from
    /// before sources were kept is read as it is.
    pub fn unsourced(&self) -> Vec<String> {
        let tasks = self.tasks.iter().filter_map(task_source_problems);
        let targets = self.targets.iter().flat_map(target_source_problems);
        tasks.chain(targets).collect()
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

/// A task's date needs its source.
fn task_source_problems(task: &TaskDef) -> Option<String> {
    source_problem(
        &format!("task {}", task.id),
        "a date",
        "due_source",
        task.due.is_some() || task.due_day.is_some(),
        task.due_source.as_ref(),
    )
}

/// A target's deadline and baseline each need their source.
fn target_source_problems(target: &TargetDef) -> Vec<String> {
    let what = format!("target {}", target.id);
    let mut problems = Vec::new();
    problems.extend(source_problem(
        &what,
        "a date",
        "due_source",
        target.due.is_some(),
        target.due_source.as_ref(),
    ));
    problems.extend(source_problem(
        &what,
        "a baseline",
        "baseline_source",
        target.baseline.is_some(),
        target.baseline_source.as_ref(),
    ));
    problems
}

/// What is wrong with the source of a date or a baseline: missing where there
/// is something to source, left behind where there is nothing, or empty.
fn source_problem(
    what: &str,
    thing: &str,
    field: &str,
    present: bool,
    source: Option<&Source>,
) -> Option<String> {
    match (present, source) {
        (true, None) => Some(format!("{what}: {thing} without its {field}")),
        (false, Some(_)) => Some(format!("{what}: a {field} with nothing to source")),
        (_, Some(source)) if source.words().trim().is_empty() => {
            Some(format!("{what}: an empty {field}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Catalog {
        Catalog::bundled().expect("the bundled catalog")
    }

    #[test]
    fn every_date_and_baseline_of_the_bundled_catalog_has_its_source() {
        let catalog = bundled();
        assert_eq!(catalog.problems(), Vec::<String>::new());
        assert!(catalog.tasks.iter().any(|t| t.due_source.is_some()));
        assert!(catalog.targets.iter().any(|t| t.due_source.is_some()));
    }

    #[test]
    fn a_date_or_a_baseline_without_its_source_is_a_problem() {
        let mut catalog = bundled();
        let task = catalog.tasks.iter_mut().find(|t| t.due.is_some()).unwrap();
        task.due_source = None;
        let task_id = task.id.clone();
        let target = catalog.targets.iter_mut().find(|t| !t.qualitative).unwrap();
        target.baseline = Some(10.0);
        let target_id = target.id.clone();
        // A store's or an export's catalog from before sources is sound.
        assert_eq!(catalog.problems(), Vec::<String>::new());
        assert_eq!(
            catalog.unsourced(),
            vec![
                format!("task {task_id}: a date without its due_source"),
                format!("target {target_id}: a baseline without its baseline_source"),
            ]
        );

        let target = catalog
            .targets
            .iter_mut()
            .find(|t| t.id == target_id)
            .unwrap();
        target.baseline_source = Some(Source::Plan("năm 2024".into()));
        let task = catalog.tasks.iter_mut().find(|t| t.id == task_id).unwrap();
        task.due_source = Some(Source::Office("the office's own date".into()));
        assert_eq!(catalog.unsourced(), Vec::<String>::new());
    }

    #[test]
    fn one_off_work_may_have_no_date() {
        let mut catalog = bundled();
        let task = catalog.tasks.iter_mut().find(|t| t.due.is_some()).unwrap();
        task.due = None;
        task.due_source = None;
        assert_eq!(catalog.problems(), Vec::<String>::new());
    }
}
