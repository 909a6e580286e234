//! Search beyond the titles: the notes and evidence of the occurrences that
//! have any (few of a large plan), folded on the first search and kept, then
//! folded again only for the tasks a change touched. The titles have their
//! own one-sweep search (`Plan::tasks_matching`); this finds what they miss.

use std::collections::{BTreeMap, BTreeSet};

use super::App;
use crate::domain::search::{folded_fields, has_fields};
use crate::domain::text::FoldedQuery;
use crate::domain::{MatchedField, Occurrence, TaskKey, TaskState};

/// Each occurrence's notes and evidence, folded, as of one revision.
#[derive(Debug, Default)]
pub(super) struct FoldedRecords {
    /// The application's revision they were folded at; `None` before the
    /// first search.
    revision: Option<u64>,
    by_key: BTreeMap<TaskKey, Vec<(MatchedField, String)>>,
}

impl FoldedRecords {
    /// Every occurrence's fields, folded from what `tasks` holds.
    fn of(tasks: &BTreeMap<TaskKey, TaskState>) -> BTreeMap<TaskKey, Vec<(MatchedField, String)>> {
        tasks
            .iter()
            .filter(|(_, state)| has_fields(state))
            .map(|(key, state)| (key.clone(), folded_fields(state)))
            .collect()
    }

    /// Brought up to `app`'s revision: only the tasks changed since are
    /// folded again, unless anything may have changed.
    fn catch_up(&mut self, app: &App) {
        let now = app.revision();
        if self.revision == Some(now) {
            return;
        }
        match self.revision.and_then(|seen| app.tasks_changed_since(seen)) {
            Some(touched) => self.refold(app, &touched),
            None => self.by_key = FoldedRecords::of(&app.tasks),
        }
        self.revision = Some(now);
    }

    /// Folds again the occurrences of the `touched` tasks.
    fn refold(&mut self, app: &App, touched: &BTreeSet<String>) {
        self.by_key.retain(|key, _| !touched.contains(&key.task));
        for task in touched {
            let first = TaskKey {
                task: task.clone(),
                occurrence: Occurrence::Single,
            };
            let occurrences = app
                .tasks
                .range(first..)
                .take_while(|(k, _)| &k.task == task);
            for (key, state) in occurrences.filter(|(_, state)| has_fields(state)) {
                self.by_key.insert(key.clone(), folded_fields(state));
            }
        }
    }

    /// The occurrences one of whose fields holds every word, each with the
    /// first such field.
    fn matching(&self, query: &FoldedQuery) -> BTreeMap<TaskKey, MatchedField> {
        self.by_key
            .iter()
            .filter_map(|(key, fields)| {
                let (field, _) = fields.iter().find(|(_, text)| query.matches(text))?;
                Some((key.clone(), *field))
            })
            .collect()
    }
}

impl App {
    /// The tasks whose officer in charge has every word in their name.
    pub fn officers_matching(&self, query: &FoldedQuery) -> std::collections::HashSet<String> {
        self.overrides
            .iter()
            .filter(|(_, o)| {
                o.assignee
                    .as_deref()
                    .is_some_and(|name| query.matches(&crate::domain::text::fold(name)))
            })
            .map(|(task, _)| task.clone())
            .collect()
    }

    /// The occurrences a search finds in their notes or evidence and not in
    /// their task's titles, with the field that holds its words. A query of
    /// no words finds everything by its title, so nothing here.
    pub fn matches_beyond_titles(&self, query: &FoldedQuery) -> BTreeMap<TaskKey, MatchedField> {
        if query.is_empty() {
            return BTreeMap::new();
        }
        let found = match self.folded_records.try_borrow_mut() {
            Ok(mut records) => {
                records.catch_up(self);
                records.matching(query)
            }
            // Never expected (nothing here calls back in): fold afresh.
            Err(_) => FoldedRecords {
                revision: None,
                by_key: FoldedRecords::of(&self.tasks),
            }
            .matching(query),
        };
        found
            .into_iter()
            .filter(|(key, _)| !self.title_matches(&key.task, query))
            .collect()
    }

    /// Whether the id or titles of task `id` hold every word of `query`.
    pub fn title_matches(&self, id: &str, query: &FoldedQuery) -> bool {
        self.plan
            .folded_text(id)
            .is_some_and(|text| query.matches(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Clock;
    use crate::domain::text::fold;
    use crate::domain::{Catalog, Edit, Evidence};
    use crate::store::MemoryStore;
    use chrono::{DateTime, NaiveDate};

    fn app() -> App {
        let now = DateTime::parse_from_rfc3339("2026-11-26T09:00:00+07:00").expect("instant");
        let clock = Clock {
            now,
            today: now.date_naive(),
        };
        let store = MemoryStore::new(Catalog::bundled().expect("the bundled plan"));
        App::open(Box::new(store), clock, "tester".into()).expect("open")
    }

    fn note(app: &mut App, id: &str, text: &str) -> TaskKey {
        let key = app.resolve(id).expect("a task of the plan");
        app.edit_task(&key, &[Edit::Note(text.into())], None)
            .expect("noted");
        key
    }

    fn found(app: &App, typed: &str) -> BTreeMap<TaskKey, MatchedField> {
        app.matches_beyond_titles(&FoldedQuery::new(&fold(typed)))
    }

    #[test]
    fn a_note_is_found_without_accents_and_named() {
        let mut app = app();
        assert!(found(&app, "ke hoach").is_empty(), "no notes yet");
        let key = note(&mut app, "0.12", "Đã gửi Kế hoạch cho chị Quỳnh");
        let matches = found(&app, "ke hoach QUYNH");
        assert_eq!(matches.get(&key), Some(&MatchedField::Note));
        assert_eq!(matches.len(), 1);
        assert!(found(&app, "").is_empty(), "no words: titles have it all");
    }

    #[test]
    fn evidence_is_found_by_number_or_summary() {
        let mut app = app();
        let key = app.resolve("0.3").expect("task");
        let doc = Evidence {
            number: "45/QĐ-UBND".into(),
            issued_on: NaiveDate::from_ymd_opt(2026, 11, 15).expect("date"),
            summary: "Ban hành bộ tiêu chí đánh giá".into(),
            link: None,
        };
        app.edit_task(&key, &[Edit::Evidence(doc)], None)
            .expect("evidence");
        assert_eq!(
            found(&app, "45/qd").get(&key),
            Some(&MatchedField::Evidence)
        );
        assert_eq!(
            found(&app, "bo tieu chi").get(&key),
            Some(&MatchedField::Evidence)
        );
    }

    #[test]
    fn a_task_whose_title_holds_the_words_is_left_to_the_titles() {
        let mut app = app();
        let title = app.plan().task("0.3").expect("task").short.clone();
        note(&mut app, "0.3", &title);
        assert!(found(&app, &title).is_empty());
    }

    #[test]
    fn notes_written_after_the_first_search_are_found() {
        let mut app = app();
        let first = note(&mut app, "0.12", "Chờ chị Quỳnh gửi dự thảo");
        assert_eq!(found(&app, "quynh").len(), 1);
        let second = note(&mut app, "0.3", "Chị Quỳnh gửi lần hai");
        let matches = found(&app, "quynh");
        assert_eq!(matches.keys().collect::<Vec<_>>(), [&first, &second]);
        app.set_period(app.period().next());
        assert_eq!(found(&app, "quynh").len(), 2, "after a full refold too");
    }
}
