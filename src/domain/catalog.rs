//! The plan as a catalog: reform areas, responsible units, tasks and targets,
//! built by hand from the plan's text into `data/catalog.toml` and compiled in.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::target::Direction;
use super::text::{FoldedQuery, fold};

/// The catalog shipped inside the binary, so `cchc` runs from any directory.
pub const BUNDLED_TOML: &str = include_str!("../../data/catalog.toml");

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
    if (task.cadence == Cadence::Once) != task.due.is_some() {
        problems.push(format!(
            "task {id}: a due date goes with, and only with, one-off work"
        ));
    }
    if task.due_day.is_some() && task.cadence != Cadence::Yearly {
        problems.push(format!("task {id}: due_day is for yearly work"));
    }
    if let Some(day) = &task.due_day
        && super::occurrence::parse_month_day(day).is_none()
    {
        problems.push(format!("task {id}: due_day {day} is not MM-DD"));
    }
    if id.contains('@') || id.chars().any(char::is_whitespace) || id.is_empty() {
        problems.push(format!("task {id}: ids hold no spaces and no '@'"));
    }
    problems
}

/// A catalog with look-ups, the form the rest of the program uses.
/// Every task's id, short and full title, folded, one after another in
/// catalog order, each ended by a line break: one search runs over all of
/// them at once, in one sweep of memory.
#[derive(Debug, Default)]
struct FoldedTitles {
    text: String,
    /// Where each task's text ends (after its line break).
    ends: Vec<usize>,
}

impl FoldedTitles {
    fn of(catalog: &Catalog) -> FoldedTitles {
        let mut folded = FoldedTitles::default();
        for t in &catalog.tasks {
            folded
                .text
                .push_str(&fold(&format!("{} {} {}", t.id, t.short, t.title)));
            folded.text.push('\n');
            folded.ends.push(folded.text.len());
        }
        folded
    }

    fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i]);
        self.text.get(start..end - 1)
    }

    /// The catalog positions of the tasks whose text holds every word;
    /// `None` when there are more than `limit`.
    fn matching(&self, query: &FoldedQuery, limit: usize) -> Option<Vec<usize>> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = query.first_word_from(&self.text, from) {
            let index = self.ends.partition_point(|&end| end <= at);
            if self.get(index).is_some_and(|text| query.matches(text)) {
                if found.len() == limit {
                    return None;
                }
                found.push(index);
            }
            from = self.ends.get(index).copied().unwrap_or(usize::MAX);
        }
        Some(found)
    }
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// Shared with the folding of its titles, which may run on another thread.
    catalog: Arc<Catalog>,
    task_index: HashMap<String, usize>,
    target_index: HashMap<String, usize>,
    children: HashMap<String, Vec<usize>>,
    /// Folded on the first search, or ahead of it by [`Plan::title_folding`]
    /// (a screen starts that; most commands never search).
    folded_titles: Arc<OnceLock<FoldedTitles>>,
}

impl Plan {
    pub fn new(catalog: Catalog) -> Plan {
        let task_index = index_by(&catalog.tasks, |t| &t.id);
        let target_index = index_by(&catalog.targets, |t| &t.id);
        let mut children: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, task) in catalog.tasks.iter().enumerate() {
            if let Some(parent) = &task.parent {
                children.entry(parent.clone()).or_default().push(i);
            }
        }
        Plan {
            catalog: Arc::new(catalog),
            task_index,
            target_index,
            children,
            folded_titles: Arc::default(),
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn tasks(&self) -> &[TaskDef] {
        &self.catalog.tasks
    }

    pub fn task(&self, id: &str) -> Option<&TaskDef> {
        self.task_index.get(id).map(|&i| &self.catalog.tasks[i])
    }

    /// The task's id, short and full title folded for accent-insensitive
    /// search. While [`Plan::title_folding`] runs elsewhere, this waits for it
    /// rather than folding twice.
    pub fn folded_text(&self, id: &str) -> Option<&str> {
        let index = *self.task_index.get(id)?;
        self.folded_titles().get(index)
    }

    /// The ids of the tasks whose id or titles hold every word of `query`,
    /// in one sweep over all titles; `None` when more than `limit` do (then
    /// looking at tasks one by one finds one sooner).
    pub fn tasks_matching(&self, query: &FoldedQuery, limit: usize) -> Option<HashSet<&str>> {
        let found = self.folded_titles().matching(query, limit)?;
        Some(
            found
                .into_iter()
                .filter_map(|i| self.catalog.tasks.get(i))
                .map(|t| t.id.as_str())
                .collect(),
        )
    }

    fn folded_titles(&self) -> &FoldedTitles {
        self.folded_titles
            .get_or_init(|| FoldedTitles::of(&self.catalog))
    }

    /// The folding of every title, to run on another thread ahead of the
    /// first search.
    pub fn title_folding(&self) -> impl FnOnce() + Send + 'static {
        let catalog = Arc::clone(&self.catalog);
        let folded = Arc::clone(&self.folded_titles);
        move || {
            folded.get_or_init(|| FoldedTitles::of(&catalog));
        }
    }

    pub fn children(&self, id: &str) -> impl Iterator<Item = &TaskDef> {
        self.children
            .get(id)
            .into_iter()
            .flatten()
            .map(|&i| &self.catalog.tasks[i])
    }

    pub fn target(&self, id: &str) -> Option<&TargetDef> {
        self.target_index.get(id).map(|&i| &self.catalog.targets[i])
    }

    pub fn targets(&self) -> &[TargetDef] {
        &self.catalog.targets
    }

    pub fn unit(&self, code: &str) -> Option<&Unit> {
        self.catalog.units.iter().find(|u| u.code == code)
    }

    /// A unit by its code, typed in any case ("vhxh" is VHXH).
    pub fn unit_by_typed_code(&self, typed: &str) -> Option<&Unit> {
        let typed = fold(typed);
        self.catalog.units.iter().find(|u| fold(&u.code) == typed)
    }

    pub fn area(&self, code: u8) -> Option<&Area> {
        self.catalog.areas.iter().find(|a| a.code == code)
    }

    pub fn info(&self) -> &PlanInfo {
        &self.catalog.plan
    }
}

fn index_by<T>(items: &[T], key: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item).clone(), i))
        .collect()
}

/// Merges a newer bundled catalog into the stored one: new tasks and targets
/// come in, the plan's text of existing ones is updated, and anything only the
/// store knows is kept, so no edit can lose its task. Edits live outside the
/// catalog (task states and overrides), so they are untouched by construction.
pub fn sync(stored: &Catalog, bundled: &Catalog) -> (Catalog, Vec<super::Change>) {
    use super::edit::{Change, Field, Subject, Value};
    use super::occurrence::TaskKey;

    let mut merged = bundled.clone();
    let mut changes = Vec::new();
    let old_tasks: HashMap<&str, &TaskDef> =
        stored.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    for task in &bundled.tasks {
        let subject = Subject::Task(TaskKey::single(&task.id));
        let old = old_tasks.get(task.id.as_str()).map(|t| t.title.clone());
        if old.as_ref() != Some(&task.title) {
            let field = if old.is_some() {
                Field::Title
            } else {
                Field::Added
            };
            let old = old.map_or(Value::None, Value::Text);
            changes.push(Change {
                subject,
                field,
                old,
                new: Value::Text(task.title.clone()),
            });
        }
    }
    let new_ids: HashSet<&str> = bundled.tasks.iter().map(|t| t.id.as_str()).collect();
    merged.tasks.extend(
        stored
            .tasks
            .iter()
            .filter(|t| !new_ids.contains(t.id.as_str()))
            .cloned(),
    );
    let old_targets: HashMap<&str, &TargetDef> =
        stored.targets.iter().map(|t| (t.id.as_str(), t)).collect();
    for target in &bundled.targets {
        let old = old_targets.get(target.id.as_str()).map(|t| t.title.clone());
        if old.as_ref() != Some(&target.title) {
            let field = if old.is_some() {
                Field::Title
            } else {
                Field::Added
            };
            changes.push(Change {
                subject: Subject::Target(target.id.clone()),
                field,
                old: old.map_or(Value::None, Value::Text),
                new: Value::Text(target.title.clone()),
            });
        }
    }
    let new_targets: HashSet<&str> = bundled.targets.iter().map(|t| t.id.as_str()).collect();
    merged.targets.extend(
        stored
            .targets
            .iter()
            .filter(|t| !new_targets.contains(t.id.as_str()))
            .cloned(),
    );
    if stored.version != bundled.version {
        changes.push(Change {
            subject: Subject::Catalog,
            field: Field::CatalogVersion,
            old: Value::Number(stored.version),
            new: Value::Number(bundled.version),
        });
    }
    (merged, changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One sweep over all titles finds exactly the tasks a search of each
    /// task's own text finds.
    #[test]
    fn searching_all_titles_at_once_finds_what_each_title_holds() {
        let plan = Plan::new(Catalog::bundled().expect("the bundled plan"));
        for typed in [
            "cải cách",
            "CCHC",
            "0.1",
            "hanh chinh so",
            "",
            "zzz",
            "1.a van ban",
        ] {
            let query = FoldedQuery::new(&fold(typed));
            let one_by_one: HashSet<&str> = plan
                .tasks()
                .iter()
                .filter(|t| {
                    plan.folded_text(&t.id)
                        .is_some_and(|text| query.matches(text))
                })
                .map(|t| t.id.as_str())
                .collect();
            assert_eq!(
                plan.tasks_matching(&query, usize::MAX),
                Some(one_by_one),
                "{typed:?}"
            );
            let many = plan.tasks_matching(&FoldedQuery::new(""), 10);
            assert_eq!(many, None, "more than the limit");
        }
        let first = &plan.tasks()[0];
        assert!(
            plan.folded_text(&first.id)
                .is_some_and(|t| t.starts_with(&fold(&first.id)))
        );
    }
}
