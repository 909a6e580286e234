//! The application layer: the plan and its state loaded from a [`Store`],
//! queries over it and the edits people make, validated before anything is
//! written. The command line and the TUI both work through [`App`]; it never
//! prints or draws.

pub mod actor;
pub mod board;
mod board_update;
pub mod changes;
mod closing;
pub mod filter;
mod history;
mod import;
pub mod link;
pub mod meeting;
mod office;
pub mod operation;
mod period;
mod query;
mod record;
pub mod report;
pub mod risks;
mod search;
mod texts;
mod view;

use crate::domain::office::OfficeTask;
use crate::domain::report_text::ReportText;
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::catalog::{CatalogError, Plan};
use crate::domain::edit::EditContext;
use crate::domain::occurrence::{self, Window};
use crate::domain::period::{Period, PeriodRules};
use crate::domain::risk::{Review, RiskRules};
use crate::domain::{
    AgendaMark, Catalog, DeadlineClass, Edit, HistoryEntry, InputError, Meeting, Occurrence,
    Subject, TargetDef, TargetState, TaskDef, TaskKey, TaskOverride, TaskState,
};
use crate::store::{Dump, SetAside, Snapshot, Store, StoreError};
use changes::{ChangeLog, Touched};

pub use actor::Clock;
pub use closing::PeriodEntry;
pub use filter::TaskFilter;
pub use link::{Link, Notice, Owner, Performed, ShareError, Synced, Update};
pub use operation::Operation;
pub use period::{PeriodFigures, StatusGrid};
pub use query::HistoryFilter;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Share(ShareError),
}

/// Writes `dump` as a compact JSON backup in `dir`'s backup folder; returns
/// its path, or the path and detail of what failed.
pub fn write_backup(
    dir: &std::path::Path,
    dump: &Dump,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<std::path::PathBuf, (String, String)> {
    let failed = |path: &std::path::Path, e: &dyn std::fmt::Display| {
        (path.display().to_string(), e.to_string())
    };
    let json = serde_json::to_string(dump).map_err(|e| failed(dir, &e))?;
    let json = crate::domain::text::escape_json_controls(json);
    crate::store::backup::write(dir, json.as_bytes(), now)
        .map_err(|e| failed(&crate::store::backup::backup_dir(dir), &e))
}

/// The office's tasks not retired: those the views show.
fn in_force(office_tasks: &BTreeMap<String, OfficeTask>) -> impl Iterator<Item = &OfficeTask> {
    office_tasks.values().filter(|t| t.is_active())
}

/// One occurrence of a task as people see it: the plan's definition with the
/// state, deadline and lead in force, and its class as of today.
#[derive(Debug, Clone)]
pub struct TaskView<'a> {
    pub def: &'a TaskDef,
    pub key: TaskKey,
    /// Borrowed from what is held: a list of thousands of rows copies no notes.
    pub state: std::borrow::Cow<'a, TaskState>,
    pub window: Window,
    pub due: Option<NaiveDate>,
    pub lead: &'a str,
    /// The officer in charge, when one is named.
    pub assignee: Option<&'a str>,
    pub class: DeadlineClass,
}

impl TaskView<'_> {
    /// What a [`TaskFilter`] looks at.
    pub fn facts(&self) -> filter::Facts<'_> {
        filter::Facts {
            area: self.def.area,
            lead: self.lead,
            status: self.state.status,
            due: self.due,
            overdue: self.class.is_overdue(),
            assignee: self.assignee,
        }
    }

    /// The plan's deadline, when a person moved it to another.
    pub fn moved_from(&self) -> Option<NaiveDate> {
        self.state
            .due
            .zip(self.window.due)
            .filter(|(moved, plan)| moved != plan)
            .map(|(_, plan)| plan)
    }
}

/// The state in force of one occurrence, borrowed (see [`App::figures`]).
#[derive(Debug, Clone, Copy)]
pub struct Figures<'a> {
    pub state: &'a TaskState,
    pub window: Window,
    pub due: Option<NaiveDate>,
    pub lead: &'a str,
    pub assignee: Option<&'a str>,
    pub class: DeadlineClass,
}

pub struct App {
    link: Link,
    /// Something about the shared store the user should be told, once.
    notice: Option<Notice>,
    plan: Plan,
    tasks: BTreeMap<TaskKey, TaskState>,
    overrides: BTreeMap<String, TaskOverride>,
    targets: BTreeMap<String, TargetState>,
    agenda: BTreeMap<TaskKey, AgendaMark>,
    meetings: BTreeMap<u32, Meeting>,
    report_texts: BTreeMap<String, ReportText>,
    /// The tasks the office added, retired ones included: the plan holds
    /// those in force.
    office_tasks: BTreeMap<String, OfficeTask>,
    /// Periods closed (`Some`) or opened again (`None`), by code.
    closings: BTreeMap<String, Option<crate::domain::closing::Closing>>,
    /// Stored records left out because they cannot be read or break the rules.
    set_aside: Vec<SetAside>,
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
    /// Every change to what is held here, numbered, with the tasks it touched.
    changes: ChangeLog,
    /// Notes and evidence folded for search, on the first search.
    folded_records: RefCell<search::FoldedRecords>,
    /// Whether every task's text is here (a screen opens without).
    texts: texts::Texts,
    /// What differs on the review's "as of" day from what is held now.
    as_of_record: record::AsOf,
}

impl App {
    /// The application on a store this process opened itself.
    pub fn open(store: Box<dyn Store>, clock: Clock, who: String) -> Result<App, AppError> {
        App::open_link(Link::Direct(store), clock, who)
    }

    /// The application on a store another process owns.
    pub fn open_shared(owner: Box<dyn Owner>, clock: Clock, who: String) -> Result<App, AppError> {
        App::open_link(Link::Shared(owner), clock, who)
    }

    fn open_link(link: Link, clock: Clock, who: String) -> Result<App, AppError> {
        let snapshot = link.load()?;
        Ok(App::open_on(link, snapshot, clock, who))
    }

    fn open_on(link: Link, mut snapshot: Snapshot, clock: Clock, who: String) -> App {
        import::sort_out_office_tasks(&mut snapshot);
        let mut app = App {
            link,
            notice: None,
            plan: Plan::with_office(snapshot.catalog, in_force(&snapshot.office_tasks)),
            tasks: snapshot.tasks,
            overrides: snapshot.overrides,
            targets: snapshot.targets,
            agenda: snapshot.agenda,
            meetings: snapshot.meetings,
            report_texts: snapshot.report_texts,
            office_tasks: snapshot.office_tasks,
            closings: snapshot.closings,
            set_aside: snapshot.set_aside,
            read_only: false,
            history: OnceCell::new(),
            clock,
            who,
            period: Period::containing(clock.today, &PeriodRules::default()),
            period_rules: PeriodRules::default(),
            risk_rules: RiskRules::default(),
            as_of: clock.today,
            changes: ChangeLog::default(),
            folded_records: RefCell::default(),
            texts: texts::Texts::Held,
            as_of_record: record::AsOf::default(),
        };
        app.sort_out_held();
        app.with_review_day()
    }

    /// Closes the store and ends the application without freeing the loaded
    /// plan piece by piece: a command line is about to exit, and with a large
    /// catalog that freeing costs more than the command itself.
    pub fn close(self) {
        let App {
            link,
            plan,
            tasks,
            overrides,
            targets,
            agenda,
            meetings,
            history,
            ..
        } = self;
        drop(link);
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
        self.refresh_record();
        self.changes.record(Touched::Everything);
    }

    pub fn period(&self) -> Period {
        self.period
    }

    pub fn set_period(&mut self, period: Period) {
        self.period = period;
        self.as_of = self.review().as_of;
        self.refresh_record();
        self.changes.record(Touched::Everything);
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
        self.refresh_record();
        self.changes.record(Touched::Everything);
    }

    /// The number of the last change to what is held here.
    pub fn revision(&self) -> u64 {
        self.changes.revision()
    }

    /// The tasks changed after `revision`; `None` when more may have.
    pub fn tasks_changed_since(&self, revision: u64) -> Option<std::collections::BTreeSet<String>> {
        self.changes.tasks_since(revision)
    }

    fn with_review_day(mut self) -> App {
        self.as_of = self.review().as_of;
        self.refresh_record();
        self
    }

    pub fn store_location(&self) -> String {
        self.link.location()
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

    /// The occurrence of `def` the selected period reviews: the one its
    /// cut-off falls in.
    pub fn current_key(&self, def: &TaskDef) -> TaskKey {
        self.key_at(def, self.period.cutoff(&self.period_rules))
    }

    /// The occurrence of `def` that `day` falls in.
    pub fn key_at(&self, def: &TaskDef, day: NaiveDate) -> TaskKey {
        TaskKey {
            task: def.id.clone(),
            occurrence: occurrence::occurrence_at(def, self.plan.info(), day),
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
        let seen = self
            .plan
            .task(&key.task)
            .map(|def| operation::Seen::of(&self.current_view_of(def, key.clone())));
        self.perform(Operation::EditTask {
            key: key.clone(),
            edits: edits.to_vec(),
            reason: reason.map(str::to_string),
            seen,
        })
    }

    /// Reverts the changes of one earlier edit of `key` (this session's undo),
    /// recorded as a new edit with `reason`.
    pub fn revert(
        &mut self,
        key: &TaskKey,
        entries: &[HistoryEntry],
        reason: &str,
    ) -> Result<Vec<HistoryEntry>, AppError> {
        self.perform(Operation::Revert {
            key: key.clone(),
            seqs: entries.iter().map(|e| e.seq).collect(),
            reason: reason.to_string(),
        })
    }

    fn edit_context(&self, view: &TaskView<'_>, who: &str) -> EditContext {
        EditContext {
            who: who.to_string(),
            at: self.clock.now,
            today: self.clock.today,
            plan_due: view.window.due,
            plan_lead: view.def.lead.clone(),
        }
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
        let snapshot = self.link.load()?;
        self.take_snapshot(snapshot);
        if self.history.get().is_some() {
            self.history = OnceCell::new();
            self.load_history()?;
        }
        Ok(())
    }

    pub fn unknown_unit(&self, typed: &str) -> InputError {
        crate::domain::validate::unknown_unit(&self.plan, typed)
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
        let on = !self.is_on_agenda(key);
        self.perform(Operation::SetAgenda {
            key: key.clone(),
            on,
        })
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
        self.perform(Operation::Measure {
            target: target_id.to_string(),
            value,
            on,
            note: note.map(str::to_string),
        })
    }

    /// Brings the stored catalog up to `bundled`, keeping every edit.
    pub fn sync_catalog(&mut self, bundled: &Catalog) -> Result<Vec<HistoryEntry>, AppError> {
        self.perform(Operation::SyncCatalog {
            bundled: bundled.clone(),
        })
    }

    /// Writes everything, history included, as a compact backup in `dir`'s
    /// backup folder (a backup is for `cchc import`, and is written every
    /// day); returns its path, or the path and detail of what failed.
    pub fn write_backup(
        &self,
        dir: &std::path::Path,
    ) -> Result<std::path::PathBuf, (String, String)> {
        let dump = self
            .dump()
            .map_err(|e| (dir.display().to_string(), e.to_string()))?;
        write_backup(dir, &dump, self.clock.now)
    }

    fn take_snapshot(&mut self, mut snapshot: Snapshot) {
        import::sort_out_office_tasks(&mut snapshot);
        self.texts = texts::Texts::Held;
        self.changes.record(Touched::Everything);
        self.set_aside = snapshot.set_aside;
        self.plan = Plan::with_office(snapshot.catalog, in_force(&snapshot.office_tasks));
        self.office_tasks = snapshot.office_tasks;
        self.closings = snapshot.closings;
        self.tasks = snapshot.tasks;
        self.overrides = snapshot.overrides;
        self.targets = snapshot.targets;
        self.agenda = snapshot.agenda;
        self.meetings = snapshot.meetings;
        self.report_texts = snapshot.report_texts;
        self.sort_out_held();
        self.refresh_record();
    }

    /// The subject of a history entry in the words of the plan, for listings.
    pub fn subject_title(&self, subject: &Subject) -> Option<&str> {
        match subject {
            Subject::Task(key) => self.plan.task(&key.task).map(|t| t.short.as_str()),
            Subject::Target(id) => self.plan.target(id).map(|t| t.short.as_str()),
            Subject::Catalog | Subject::Meeting(_) | Subject::Report(_) => None,
        }
    }
}
