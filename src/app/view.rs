//! One occurrence as people see it: in the selected period's record (every
//! screen, command and report), or as it is now (what an edit changes).

use super::{App, Figures, TaskView};
use crate::domain::occurrence;
use crate::domain::status::classify;
use crate::domain::{TaskDef, TaskKey, TaskState};

impl App {
    /// The view of one occurrence; `None` for an id not in the plan.
    pub fn view(&self, key: &TaskKey) -> Option<TaskView<'_>> {
        let def = self.plan.task(&key.task)?;
        Some(self.view_of(def, key.clone()))
    }

    /// The view of one occurrence as it is now, whatever the period; `None`
    /// for an id not in the plan.
    pub fn current(&self, key: &TaskKey) -> Option<TaskView<'_>> {
        let def = self.plan.task(&key.task)?;
        Some(self.current_view_of(def, key.clone()))
    }

    /// The view of an occurrence of `def`, known already (no look-up by id),
    /// in the selected period's record: as it stood on the review's "as of"
    /// day, which is today while the period runs.
    pub fn view_of<'a>(&'a self, def: &'a TaskDef, key: TaskKey) -> TaskView<'a> {
        let figures = self.figures(def, &key);
        TaskView {
            def,
            key,
            state: std::borrow::Cow::Borrowed(figures.state),
            window: figures.window,
            due: figures.due,
            lead: figures.lead,
            assignee: figures.assignee,
            class: figures.class,
        }
    }

    /// The view of an occurrence as it is now, whatever the period: what an
    /// edit changes.
    pub(super) fn current_view_of<'a>(&'a self, def: &'a TaskDef, key: TaskKey) -> TaskView<'a> {
        static NOT_STARTED: TaskState = TaskState::NOT_STARTED;
        let state = std::borrow::Cow::Borrowed(self.tasks.get(&key).unwrap_or(&NOT_STARTED));
        let window = occurrence::window(def, self.plan.info(), key.occurrence, &self.period_rules);
        let due = state.due.or(window.due);
        let overrides = self.overrides.get(&key.task);
        let lead = overrides
            .and_then(|o| o.lead.as_deref())
            .unwrap_or(&def.lead);
        let class = classify(&state, due, self.as_of);
        TaskView {
            def,
            key,
            state,
            window,
            due,
            lead,
            assignee: overrides.and_then(|o| o.assignee.as_deref()),
            class,
        }
    }

    /// The figures of one occurrence of `def` in the selected period's record
    /// (its state on the review's "as of" day), borrowed from what is held:
    /// what the board needs for every task, without copying notes and
    /// evidence. Edits read [`App::current_view_of`], the state as it is now.
    pub fn figures<'a>(&'a self, def: &'a TaskDef, key: &TaskKey) -> Figures<'a> {
        let state = self.recorded_state(key);
        let window = occurrence::window(def, self.plan.info(), key.occurrence, &self.period_rules);
        let due = state.due.or(window.due);
        Figures {
            state,
            window,
            due,
            lead: self.recorded_lead(def),
            assignee: self
                .overrides
                .get(&key.task)
                .and_then(|o| o.assignee.as_deref()),
            class: classify(state, due, self.as_of),
        }
    }
}
