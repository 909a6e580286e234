//! The catalog with look-ups and title search.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use super::*;
use crate::domain::office::OfficeTask;
use crate::domain::text::{FoldedQuery, fold};

/// Look-ups by id, hashed with a fast hasher: the ids are the plan's own,
/// and a screen looks up every task of a large plan while it opens.
type HashMap<K, V> = foldhash::HashMap<K, V>;

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
    /// Its tasks are the plan's, then the office's tasks in force.
    catalog: Arc<Catalog>,
    /// How many of the catalog's tasks are the plan's own.
    plan_tasks: usize,
    task_index: HashMap<String, usize>,
    target_index: HashMap<String, usize>,
    children: HashMap<String, Vec<usize>>,
    /// Each task's parent, by position in the catalog.
    parents: Vec<Option<usize>>,
    /// Folded on the first search, or ahead of it by [`Plan::title_folding`]
    /// (a screen starts that; most commands never search).
    folded_titles: Arc<OnceLock<FoldedTitles>>,
}

impl Plan {
    pub fn new(catalog: Catalog) -> Plan {
        let plan_tasks = catalog.tasks.len();
        Plan::indexed(catalog, plan_tasks)
    }

    /// The plan with tasks the office added (those in force, for the views;
    /// all of them, to check the records of retired ones too).
    pub fn with_office<'a>(
        mut catalog: Catalog,
        office: impl IntoIterator<Item = &'a OfficeTask>,
    ) -> Plan {
        let plan_tasks = catalog.tasks.len();
        catalog
            .tasks
            .extend(office.into_iter().map(|t| t.def.clone()));
        Plan::indexed(catalog, plan_tasks)
    }

    fn indexed(catalog: Catalog, plan_tasks: usize) -> Plan {
        let task_index = index_by(&catalog.tasks, |t| &t.id);
        let target_index = index_by(&catalog.targets, |t| &t.id);
        let mut children: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, task) in catalog.tasks.iter().enumerate() {
            if let Some(parent) = &task.parent {
                children.entry(parent.clone()).or_default().push(i);
            }
        }
        let parents = catalog
            .tasks
            .iter()
            .map(|task| task_index.get(task.parent.as_deref()?).copied())
            .collect();
        Plan {
            catalog: Arc::new(catalog),
            plan_tasks,
            task_index,
            target_index,
            children,
            parents,
            folded_titles: Arc::default(),
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The catalog as stored: the plan's tasks only.
    pub fn stored_catalog(&self) -> Catalog {
        let mut catalog = self.catalog.clone_without_tasks();
        catalog.tasks = self.catalog.tasks[..self.plan_tasks].to_vec();
        catalog
    }

    /// The catalog as stored, borrowed: it encodes as [`Plan::stored_catalog`].
    pub fn stored_catalog_ref(&self) -> CatalogRef<'_> {
        self.stored_with(&self.catalog.tasks[..self.plan_tasks])
    }

    /// The catalog as stored, its tasks as their compact index: what a
    /// screen opens on (see [`TaskIndex`]).
    pub fn index_catalog_ref(&self) -> CatalogRef<'_, TaskIndex<'_>> {
        self.stored_with(TaskIndex(&self.catalog.tasks[..self.plan_tasks]))
    }

    fn stored_with<T: serde::Serialize>(&self, tasks: T) -> CatalogRef<'_, T> {
        let c = &self.catalog;
        CatalogRef {
            version: c.version,
            plan: &c.plan,
            phases: &c.phases,
            units: &c.units,
            areas: &c.areas,
            tasks,
            targets: &c.targets,
        }
    }

    /// The texts of the tasks `ids` (of every plan task when `None`: the
    /// office's own are never left out of an index), by id.
    pub fn texts(&self, ids: Option<&[String]>) -> Vec<(String, TaskText)> {
        let pair = |t: &TaskDef| (t.id.clone(), t.text());
        match ids {
            None => self.catalog.tasks[..self.plan_tasks]
                .iter()
                .map(pair)
                .collect(),
            Some(ids) => ids
                .iter()
                .filter_map(|id| self.task(id))
                .map(pair)
                .collect(),
        }
    }

    /// True when the task was read from a compact index and its text is not
    /// here yet.
    pub fn lacks_text(&self, id: &str) -> bool {
        self.task(id).is_some_and(TaskDef::lacks_text)
    }

    /// Puts back the texts a [`TaskIndex`] left out. A task that has its text
    /// keeps it: texts read later never undo a newer catalog. The titles are
    /// folded for search again.
    pub fn fill_texts(&mut self, texts: impl IntoIterator<Item = (String, TaskText)>) {
        let catalog = Arc::make_mut(&mut self.catalog);
        for (id, text) in texts {
            if let Some(&i) = self.task_index.get(&id)
                && catalog.tasks[i].lacks_text()
            {
                catalog.tasks[i].set_text(text);
            }
        }
        self.folded_titles = Arc::default();
    }

    /// True for a task the office added, false for the plan's own.
    pub fn is_office_task(&self, id: &str) -> bool {
        self.task_index
            .get(id)
            .is_some_and(|&i| i >= self.plan_tasks)
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

    /// The position in the catalog of the parent of the task at `position`.
    pub fn parent_position(&self, position: usize) -> Option<usize> {
        self.parents.get(position).copied().flatten()
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
