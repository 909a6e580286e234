//! Bringing a store's catalog up to the one bundled with a newer `cchc`.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::domain::edit::{Change, Field, Subject, Value};
use crate::domain::occurrence::TaskKey;

/// Merges a newer bundled catalog into the stored one: new tasks and targets
/// come in, the plan's text of existing ones is updated, and anything only the
/// store knows is kept, so no edit can lose its task. Edits live outside the
/// catalog (task states and overrides), so they are untouched by construction.
pub fn sync(stored: &Catalog, bundled: &Catalog) -> (Catalog, Vec<Change>) {
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
