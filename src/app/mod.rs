//! The application layer: the plan and its state loaded from a [`Store`],
//! queries over it and the edits people make, validated before anything is
//! written. The command line and the TUI both work through [`App`]; it never
//! prints or draws.

pub mod action;
pub mod actor;
pub mod board;
pub mod meeting;
mod query;
pub mod risks;
pub mod state;
pub mod text_input;
pub mod update;

use std::cell::OnceCell;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::catalog::{self, CatalogError, Plan};
use crate::domain::edit::{
    EditContext, TaskEdit, apply_task_edits, measure_target, revert_task_changes,
};
use crate::domain::error::TextField;
use crate::domain::occurrence::{self, Window};
use crate::domain::period::{Period, PeriodRules};
use crate::domain::risk::{Review, RiskRules};
use crate::domain::status::classify;
use crate::domain::text::{MAX_NOTE_CHARS, validate_text};
use crate::domain::{
    AgendaMark, Catalog, Change, DeadlineClass, Edit, HistoryEntry, InputError, Measurement,
    Meeting, Occurrence, Subject, TargetDef, TargetState, TaskDef, TaskKey, TaskOverride,
    TaskState,
};
use crate::store::{Commit, Dump, Store, StoreError};

pub use actor::Clock;
pub use query::{HistoryFilter, TaskFilter};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
}

/// One occurrence of a task as people see it: the plan's definition with the
/// state, deadline and lead in force, and its class as of today.
#[derive(Debug, Clone)]
pub struct TaskView<'a> {
    pub def: &'a TaskDef,
    pub key: TaskKey,
    pub state: TaskState,
    pub window: Window,
    pub due: Option<NaiveDate>,
    pub lead: &'a str,
    pub class: DeadlineClass,
}

/// The state in force of one occurrence, borrowed (see [`App::figures`]).
#[derive(Debug, Clone, Copy)]
pub struct Figures<'a> {
    pub state: &'a TaskState,
    pub window: Window,
    pub due: Option<NaiveDate>,
    pub lead: &'a str,
    pub class: DeadlineClass,
}

pub struct App {
    store: Box<dyn Store>,
    plan: Plan,
    tasks: BTreeMap<TaskKey, TaskState>,
    overrides: BTreeMap<String, TaskOverride>,
    targets: BTreeMap<String, TargetState>,
    agenda: BTreeMap<TaskKey, AgendaMark>,
    meetings: BTreeMap<u32, Meeting>,
    /// Set for a shared screen: every edit is refused.
    read_only: bool,
    /// The whole history, oldest first: read on first use (listing tasks
    /// never needs it), then kept in step with every commit.
    history: OnceCell<Vec<HistoryEntry>>,
    clock: Clock,
    who: String,
    /// The review period shown and judged; the one holding today by default.
    period: Period,
    period_rules: PeriodRules,
    risk_rules: RiskRules,
    /// The review's "as of" day, kept with the period and the clock (every
    /// classification reads it).
    as_of: NaiveDate,
}

impl App {
    pub fn open(store: Box<dyn Store>, clock: Clock, who: String) -> Result<App, AppError> {
        let snapshot = store.load()?;
        Ok(App {
            store,
            plan: Plan::new(snapshot.catalog),
            tasks: snapshot.tasks,
            overrides: snapshot.overrides,
            targets: snapshot.targets,
            agenda: snapshot.agenda,
            meetings: snapshot.meetings,
            read_only: false,
            history: OnceCell::new(),
            clock,
            who,
            period: Period::containing(clock.today, &PeriodRules::default()),
            period_rules: PeriodRules::default(),
            risk_rules: RiskRules::default(),
            as_of: clock.today,
        }
        .with_review_day())
    }

    /// Closes the store and ends the application without freeing the loaded
    /// plan piece by piece: a command line is about to exit, and with a large
    /// catalog that freeing costs more than the command itself.
    pub fn close(self) {
        let App {
            store,
            plan,
            tasks,
            overrides,
            targets,
            agenda,
            meetings,
            history,
            ..
        } = self;
        drop(store);
        std::mem::forget((plan, tasks, overrides, targets, agenda, meetings, history));
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// The settings of the config file; the period becomes the one holding today.
    pub fn set_rules(&mut self, period_rules: PeriodRules, risk_rules: RiskRules) {
        self.period_rules = period_rules;
        self.risk_rules = risk_rules;
        self.period = Period::containing(self.clock.today, &period_rules);
        self.as_of = self.review().as_of;
    }

    pub fn period(&self) -> Period {
        self.period
    }

    pub fn set_period(&mut self, period: Period) {
        self.period = period;
        self.as_of = self.review().as_of;
    }

    pub fn period_rules(&self) -> &PeriodRules {
        &self.period_rules
    }

    pub fn risk_rules(&self) -> &RiskRules {
        &self.risk_rules
    }

    /// The review of the selected period: judged as of today, or as of the
    /// cut-off of a period already closed.
    pub fn review(&self) -> Review {
        let rules = &self.period_rules;
        let cutoff = self.period.cutoff(rules);
        Review {
            as_of: self.clock.today.min(cutoff),
            cutoff,
            start: self.period.start(rules),
            previous_cutoff: self.period.previous().cutoff(rules),
        }
    }

    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
        self.as_of = self.review().as_of;
    }

    fn with_review_day(mut self) -> App {
        self.as_of = self.review().as_of;
        self
    }

    pub fn store_location(&self) -> String {
        self.store.location()
    }

    /// Resolves what a clerk typed (`1.a.2`, `0.3@2026`) to an occurrence. A
    /// recurring task typed without `@` means its occurrence of today.
    pub fn resolve(&self, typed: &str) -> Result<TaskKey, InputError> {
        let unknown = || InputError::UnknownTask(typed.trim().to_string());
        let (id, occurrence) = TaskKey::parse(typed).ok_or_else(unknown)?;
        let def = self.plan.task(&id).ok_or_else(unknown)?;
        let info = self.plan.info();
        let occurrence = match occurrence {
            None => self.current_key(def).occurrence,
            Some(o) if occurrence::has_occurrence(def, info, o) => o,
            Some(o) => {
                return Err(InputError::UnknownOccurrence {
                    task: id,
                    occurrence: o.to_string(),
                });
            }
        };
        Ok(TaskKey {
            task: id,
            occurrence,
        })
    }

    /// The view of one occurrence; `None` for an id not in the plan.
    /// The deadline in force, and the plan's when a person moved it:
    /// "31/03/2028 (hạn cũ 31/12/2027)".
    pub fn due_text(view: &TaskView<'_>, lang: crate::i18n::Lang) -> String {
        let moved = view
            .state
            .due
            .zip(view.window.due)
            .filter(|(moved, plan)| moved != plan);
        crate::i18n::due_text(view.due, moved.map(|(_, plan)| plan), lang)
    }

    pub fn view(&self, key: &TaskKey) -> Option<TaskView<'_>> {
        let def = self.plan.task(&key.task)?;
        let state = self.tasks.get(key).cloned().unwrap_or_default();
        let window = occurrence::window(def, self.plan.info(), key.occurrence);
        let due = state.due.or(window.due);
        let lead = self
            .overrides
            .get(&key.task)
            .and_then(|o| o.lead.as_deref())
            .unwrap_or(&def.lead);
        let class = classify(&state, due, self.as_of);
        Some(TaskView {
            def,
            key: key.clone(),
            state,
            window,
            due,
            lead,
            class,
        })
    }

    /// The figures of one occurrence of `def`, borrowed from the loaded state:
    /// what the board needs for every task, without copying notes and evidence.
    pub fn figures<'a>(&'a self, def: &'a TaskDef, key: &TaskKey) -> Figures<'a> {
        static NOT_STARTED: TaskState = TaskState::NOT_STARTED;
        let state = self.tasks.get(key).unwrap_or(&NOT_STARTED);
        let window = occurrence::window(def, self.plan.info(), key.occurrence);
        let due = state.due.or(window.due);
        let lead = self
            .overrides
            .get(&key.task)
            .and_then(|o| o.lead.as_deref());
        Figures {
            state,
            window,
            due,
            lead: lead.unwrap_or(&def.lead),
            class: classify(state, due, self.as_of),
        }
    }

    /// The occurrence of `def` the selected period reviews: the one its
    /// cut-off falls in.
    pub fn current_key(&self, def: &TaskDef) -> TaskKey {
        let cutoff = self.period.cutoff(&self.period_rules);
        TaskKey {
            task: def.id.clone(),
            occurrence: occurrence::occurrence_at(def, self.plan.info(), cutoff),
        }
    }

    pub fn occurrences(&self, def: &TaskDef) -> Vec<Occurrence> {
        occurrence::occurrences(def, self.plan.info())
    }

    /// Applies edits to one occurrence; validated first, then written and made
    /// durable with their history before this returns.
    pub fn edit_task(
        &mut self,
        key: &TaskKey,
        edits: &[Edit],
        reason: Option<&str>,
    ) -> Result<Vec<HistoryEntry>, AppError> {
        self.check_writable()?;
        let view = self
            .view(key)
            .ok_or_else(|| InputError::UnknownTask(key.to_string()))?;
        for edit in edits {
            self.check_edit(edit)?;
        }
        let reason = reason
            .map(|r| validate_text(r, TextField::Note, MAX_NOTE_CHARS, true))
            .transpose()?;
        let ctx = self.edit_context(&view);
        let overrides = self.overrides.get(&key.task).cloned().unwrap_or_default();
        let result = apply_task_edits(key, &view.state, &overrides, edits, &ctx)?;
        self.commit_task_edit(key, result, reason.as_deref())
    }

    /// Reverts the changes of one earlier edit of `key` (this session's undo),
    /// recorded as a new edit with `reason`.
    pub fn revert(
        &mut self,
        key: &TaskKey,
        entries: &[HistoryEntry],
        reason: &str,
    ) -> Result<Vec<HistoryEntry>, AppError> {
        self.check_writable()?;
        let view = self
            .view(key)
            .ok_or_else(|| InputError::UnknownTask(key.to_string()))?;
        let changes: Vec<Change> = entries
            .iter()
            .map(|e| Change {
                subject: e.subject.clone(),
                field: e.field,
                old: e.old.clone(),
                new: e.new.clone(),
            })
            .collect();
        let ctx = self.edit_context(&view);
        let overrides = self.overrides.get(&key.task).cloned().unwrap_or_default();
        let result = revert_task_changes(key, &view.state, &overrides, &changes, &ctx);
        self.commit_task_edit(key, result, Some(reason))
    }

    fn edit_context(&self, view: &TaskView<'_>) -> EditContext {
        EditContext {
            who: self.who.clone(),
            at: self.clock.now,
            today: self.clock.today,
            plan_due: view.window.due,
            plan_lead: view.def.lead.clone(),
        }
    }

    fn commit_task_edit(
        &mut self,
        key: &TaskKey,
        result: TaskEdit,
        reason: Option<&str>,
    ) -> Result<Vec<HistoryEntry>, AppError> {
        if result.changes.is_empty() {
            return Ok(Vec::new());
        }
        let history = result
            .changes
            .into_iter()
            .map(|c| HistoryEntry::new(c, self.clock.now, &self.who, reason))
            .collect();
        let commit = Commit {
            tasks: vec![(key.clone(), result.state.clone())],
            overrides: vec![(key.task.clone(), result.overrides.clone())],
            history,
            ..Commit::default()
        };
        let written = self.store.commit(commit)?;
        self.tasks.insert(key.clone(), result.state);
        self.overrides.insert(key.task.clone(), result.overrides);
        self.remember(&written);
        Ok(written)
    }

    /// Refuses any edit on a read-only screen.
    fn check_writable(&self) -> Result<(), InputError> {
        if self.read_only {
            Err(InputError::ReadOnly)
        } else {
            Ok(())
        }
    }

    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Reads everything again from the store (another process may have
    /// written); the period and settings are kept.
    pub fn reload(&mut self) -> Result<(), AppError> {
        let snapshot = self.store.load()?;
        self.take_snapshot(snapshot);
        if self.history.get().is_some() {
            self.history = OnceCell::new();
            self.load_history()?;
        }
        Ok(())
    }

    fn check_edit(&self, edit: &Edit) -> Result<(), InputError> {
        match edit {
            Edit::Lead(code) if self.plan.unit(code).is_none() => Err(self.unknown_unit(code)),
            Edit::Progress(p) if *p > 100 => Err(InputError::BadProgress(p.to_string())),
            _ => Ok(()),
        }
    }

    pub fn unknown_unit(&self, typed: &str) -> InputError {
        InputError::UnknownUnit {
            typed: typed.to_string(),
            known: self
                .plan
                .catalog()
                .units
                .iter()
                .map(|u| u.code.clone())
                .collect(),
        }
    }

    pub fn is_on_agenda(&self, key: &TaskKey) -> bool {
        self.agenda.contains_key(key)
    }

    /// The occurrences flagged for the meeting's agenda, in key order.
    pub fn agenda(&self) -> impl Iterator<Item = &TaskKey> {
        self.agenda.keys()
    }

    /// Puts an occurrence on the meeting's agenda, or takes it off; saved and
    /// recorded in the history like any edit.
    pub fn toggle_agenda(&mut self, key: &TaskKey) -> Result<Vec<HistoryEntry>, AppError> {
        self.check_writable()?;
        if self.plan.task(&key.task).is_none() {
            return Err(InputError::UnknownTask(key.to_string()).into());
        }
        let on = !self.is_on_agenda(key);
        let mark = on.then(|| AgendaMark {
            at: self.clock.now,
            who: self.who.clone(),
        });
        let change = Change {
            subject: Subject::Task(key.clone()),
            field: crate::domain::Field::Agenda,
            old: crate::domain::Value::Flag(!on),
            new: crate::domain::Value::Flag(on),
        };
        let commit = Commit {
            agenda: vec![(key.clone(), mark.clone())],
            history: vec![HistoryEntry::new(change, self.clock.now, &self.who, None)],
            ..Commit::default()
        };
        let written = self.store.commit(commit)?;
        match mark {
            Some(mark) => self.agenda.insert(key.clone(), mark),
            None => self.agenda.remove(key),
        };
        self.remember(&written);
        Ok(written)
    }

    pub fn target_state(&self, id: &str) -> TargetState {
        self.targets.get(id).cloned().unwrap_or_default()
    }

    pub fn targets(&self) -> impl Iterator<Item = (&TargetDef, TargetState)> {
        self.plan
            .targets()
            .iter()
            .map(|t| (t, self.target_state(&t.id)))
    }

    /// Records a measured value of a target.
    pub fn measure(
        &mut self,
        target_id: &str,
        value: f64,
        on: Option<NaiveDate>,
        note: Option<&str>,
    ) -> Result<Vec<HistoryEntry>, AppError> {
        self.check_writable()?;
        let def = self
            .plan
            .target(target_id)
            .ok_or_else(|| InputError::UnknownTarget(target_id.to_string()))?;
        let accepted = if def.unit.starts_with('%') {
            0.0..=100.0
        } else {
            0.0..=1e9
        };
        if !value.is_finite() || !accepted.contains(&value) {
            return Err(InputError::BadNumber(value.to_string()).into());
        }
        let note = note
            .map(|n| validate_text(n, TextField::Note, MAX_NOTE_CHARS, true))
            .transpose()?;
        let measurement = Measurement {
            on: on.unwrap_or(self.clock.today),
            value,
            note: note.clone(),
            at: self.clock.now,
            who: self.who.clone(),
        };
        let id = def.id.clone();
        let (state, change) = measure_target(&id, &self.target_state(&id), measurement);
        let entry = HistoryEntry::new(change, self.clock.now, &self.who, note.as_deref());
        let commit = Commit {
            targets: vec![(id.clone(), state.clone())],
            history: vec![entry],
            ..Commit::default()
        };
        let written = self.store.commit(commit)?;
        self.targets.insert(id, state);
        self.remember(&written);
        Ok(written)
    }

    /// Brings the stored catalog up to `bundled`, keeping every edit.
    pub fn sync_catalog(&mut self, bundled: &Catalog) -> Result<Vec<HistoryEntry>, AppError> {
        self.check_writable()?;
        let (merged, changes) = catalog::sync(self.plan.catalog(), bundled);
        if changes.is_empty() {
            return Ok(Vec::new());
        }
        let history = changes
            .into_iter()
            .map(|c| HistoryEntry::new(c, self.clock.now, &self.who, None))
            .collect();
        let commit = Commit {
            catalog: Some(merged.clone()),
            history,
            ..Commit::default()
        };
        let written = self.store.commit(commit)?;
        self.plan = Plan::new(merged);
        self.remember(&written);
        Ok(written)
    }

    pub fn history(&self, filter: &HistoryFilter) -> Result<Vec<HistoryEntry>, AppError> {
        let all = self.load_history()?;
        Ok(all.iter().filter(|e| filter.matches(e)).cloned().collect())
    }

    /// The whole history, read from the store the first time it is needed.
    pub fn load_history(&self) -> Result<&[HistoryEntry], AppError> {
        if let Some(history) = self.history.get() {
            return Ok(history);
        }
        let read = self.store.history_since(0)?;
        Ok(self.history.get_or_init(|| read))
    }

    /// Keeps the loaded history in step with what was just written.
    fn remember(&mut self, written: &[HistoryEntry]) {
        if let Some(history) = self.history.get_mut() {
            history.extend(written.iter().cloned());
        }
    }

    /// The history of one occurrence (and of its task's lead), newest first.
    /// Empty until [`App::load_history`] has run (the TUI loads it at start).
    pub fn task_history(&self, key: &TaskKey) -> impl Iterator<Item = &HistoryEntry> {
        let history = self.history.get().map_or(&[][..], Vec::as_slice);
        history.iter().rev().filter(move |e| match &e.subject {
            Subject::Task(k) => {
                k == key || (k.task == key.task && e.field == crate::domain::Field::Lead)
            }
            _ => false,
        })
    }

    /// Everything, history included, as `cchc export` writes it.
    pub fn dump(&self) -> Result<Dump, AppError> {
        let snapshot = self.store.load()?;
        Ok(Dump::new(snapshot, self.load_history()?.to_vec()))
    }

    /// Loads a dump into this (empty) store and reloads from it.
    pub fn import(&mut self, dump: Dump) -> Result<(), AppError> {
        self.check_writable()?;
        let problems = dump.catalog.problems();
        if !problems.is_empty() {
            return Err(CatalogError(problems).into());
        }
        self.store.import(dump)?;
        self.history = OnceCell::new();
        let snapshot = self.store.load()?;
        self.take_snapshot(snapshot);
        Ok(())
    }

    fn take_snapshot(&mut self, snapshot: crate::store::Snapshot) {
        self.plan = Plan::new(snapshot.catalog);
        self.tasks = snapshot.tasks;
        self.overrides = snapshot.overrides;
        self.targets = snapshot.targets;
        self.agenda = snapshot.agenda;
        self.meetings = snapshot.meetings;
    }

    /// The subject of a history entry in the words of the plan, for listings.
    pub fn subject_title(&self, subject: &Subject) -> Option<&str> {
        match subject {
            Subject::Task(key) => self.plan.task(&key.task).map(|t| t.short.as_str()),
            Subject::Target(id) => self.plan.target(id).map(|t| t.short.as_str()),
            Subject::Catalog | Subject::Meeting(_) => None,
        }
    }
}
