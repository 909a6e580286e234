//! Synthetic stores for benchmarks: N one-off tasks cloned from the bundled
//! plan, with dues spread around a chosen "today", a share of them started,
//! paused or done, and the history that explains those states. Used by
//! `benches/store.rs` and by `examples/gen_store.rs` (for
//! `scripts/compare-taskwarrior.sh`), which also writes the same tasks as a
//! taskwarrior import file.
//!
//! Everything is deterministic: the same (tasks, today) gives the same store.

// Each user of this module uses only part of it.
#![allow(dead_code)]

use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime};
use serde_json::json;

use cchc::domain::{
    Cadence, Catalog, Field, HistoryEntry, Source, Status, Subject, TaskDef, TaskKey, TaskState,
    Value,
};
use cchc::store::{Dump, SCHEMA_VERSION, SledStore, Store, StoreError};

/// The "today" the benches use, and the span of dues around it: with this
/// today, dues run from 2026-05-01 to 2030-12-31, as in the brief.
pub const BENCH_TODAY: (i32, u32, u32) = (2028, 1, 15);
const DAYS_BEFORE_TODAY: i64 = 624; // 2026-05-01 .. 2028-01-15
const DAYS_AFTER_TODAY: i64 = 1081; // 2028-01-15 .. 2030-12-31

/// Share of tasks (per mille) that get a stored state.
const STATE_PER_MILLE: u64 = 300;

pub fn bench_today() -> NaiveDate {
    let (y, m, d) = BENCH_TODAY;
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The noon of `day` in Vietnam, as history timestamps are written.
pub fn at_noon(day: NaiveDate) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(7 * 3600).expect("valid offset");
    day.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("valid time"))
        .and_local_timezone(offset)
        .single()
        .expect("fixed offsets are unambiguous")
}

/// A small deterministic generator (splitmix64); no `rand` needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// A generated store, ready to import, and what the comparison needs to know.
pub struct Generated {
    pub dump: Dump,
    pub today: NaiveDate,
    /// A task that is neither done nor cancelled: the one the edit benchmarks change.
    pub edit_id: String,
    /// Occurrences overdue at `today` (what `list --overdue` must print).
    pub overdue: usize,
}

/// The id of the `i`-th generated task.
pub fn task_id(i: usize) -> String {
    format!("g{i:05}")
}

/// A taskwarrior UUID for the `i`-th generated task (deterministic, v4-shaped).
pub fn task_uuid(i: usize) -> String {
    format!("00000000-0000-4000-8000-{:012x}", i + 1)
}

/// Builds N tasks cloned from the bundled plan, due around `today`.
pub fn generate(tasks: usize, today: NaiveDate) -> Generated {
    let bundled = Catalog::bundled().expect("the bundled catalog is sound");
    let units: Vec<String> = bundled.units.iter().map(|u| u.code.clone()).collect();
    let areas: Vec<u8> = bundled.areas.iter().map(|a| a.code).collect();
    let templates = bundled.tasks.clone();
    let first_due = today - Duration::days(DAYS_BEFORE_TODAY);
    let span = (DAYS_BEFORE_TODAY + DAYS_AFTER_TODAY + 1) as u64;
    let mut rng = Rng(0x00C0_FFEE ^ tasks as u64);

    let mut defs = Vec::with_capacity(tasks);
    let mut states = Vec::new();
    let mut history = Vec::new();
    let mut overdue = 0;
    let mut edit_id = None;
    for i in 0..tasks {
        let template = &templates[i % templates.len()];
        let lead = units[i % units.len()].clone();
        let due = first_due + Duration::days(rng.below(span) as i64);
        let def = TaskDef {
            id: task_id(i),
            area: areas[i % areas.len()],
            parent: None,
            plan_ref: template.plan_ref.clone(),
            title: template.title.clone(),
            short: template.short.clone(),
            coordinators: template
                .coordinators
                .iter()
                .filter(|c| **c != lead)
                .cloned()
                .collect(),
            lead,
            cadence: Cadence::Once,
            due: Some(due),
            due_day: None,
            due_source: Some(Source::Office("generated for a benchmark".into())),
            start: None,
        };
        let key = TaskKey::single(&def.id);
        let state = if rng.below(1000) < STATE_PER_MILLE {
            Some(random_state(&mut rng, due, today, first_due))
        } else {
            None
        };
        let status = state.as_ref().map_or(Status::NotStarted, |s| s.status);
        if status != Status::Done && due < today {
            overdue += 1;
        }
        if status != Status::Done && edit_id.is_none() {
            edit_id = Some(def.id.clone());
        }
        if let Some(state) = state {
            history.extend(history_for(&key, &state));
            states.push((key, state));
        }
        defs.push(def);
    }
    for (seq, entry) in history.iter_mut().enumerate() {
        entry.seq = seq as u64 + 1;
    }
    let catalog = Catalog {
        tasks: defs,
        ..bundled
    };
    let problems = catalog.problems();
    assert!(problems.is_empty(), "generated catalog: {problems:?}");
    Generated {
        dump: Dump {
            schema_version: SCHEMA_VERSION,
            catalog,
            tasks: states,
            overrides: Vec::new(),
            targets: Vec::new(),
            agenda: Vec::new(),
            meetings: Vec::new(),
            report_texts: Vec::new(),
            office_tasks: Vec::new(),
            closings: Vec::new(),
            history,
        },
        today,
        edit_id: edit_id.unwrap_or_else(|| task_id(0)),
        overdue,
    }
}

/// Done (40%), in progress (50%) or paused (10%); never cancelled, so that the
/// overdue set is the same for cchc and for taskwarrior (pending and past due).
fn random_state(rng: &mut Rng, due: NaiveDate, today: NaiveDate, first: NaiveDate) -> TaskState {
    let roll = rng.below(10);
    let latest = due.min(today);
    let started =
        first + Duration::days(rng.below(((latest - first).num_days().max(1)) as u64) as i64);
    if roll < 4 {
        // Done on or before today; a fifth of them a little late.
        let done = if rng.below(5) == 0 {
            (due + Duration::days(1 + rng.below(30) as i64)).min(today)
        } else {
            latest - Duration::days(rng.below(60) as i64)
        };
        TaskState {
            status: Status::Done,
            progress: 100,
            completed_on: Some(done),
            updated_at: Some(at_noon(done)),
            ..TaskState::default()
        }
    } else {
        let status = if roll < 9 {
            Status::InProgress
        } else {
            Status::Paused
        };
        TaskState {
            status,
            progress: (1 + rng.below(9)) as u8 * 10,
            updated_at: Some(at_noon(started)),
            ..TaskState::default()
        }
    }
}

/// The entries a clerk's edits would have left for `state`.
fn history_for(key: &TaskKey, state: &TaskState) -> Vec<HistoryEntry> {
    let at = state.updated_at.expect("generated states carry a time");
    let entry = |field, old, new| HistoryEntry {
        seq: 0,
        at,
        who: "generator".to_string(),
        subject: Subject::Task(key.clone()),
        field,
        old,
        new,
        reason: None,
    };
    let mut entries = vec![
        entry(
            Field::Progress,
            Value::Progress(0),
            Value::Progress(state.progress),
        ),
        entry(
            Field::Status,
            Value::Status(Status::NotStarted),
            Value::Status(state.status),
        ),
    ];
    if let Some(done) = state.completed_on {
        entries.push(entry(Field::CompletedOn, Value::None, Value::Date(done)));
    }
    entries
}

/// Creates a sled store in `dir` (which must not hold one with edits) and
/// imports the generated dump into it. The store is closed on return.
pub fn write_store(dir: &Path, generated: &Generated) -> Result<(), StoreError> {
    let bundled = Catalog::bundled().expect("the bundled catalog is sound");
    let mut store = SledStore::open(dir, &bundled, "gen_store")?;
    store.import(generated.dump.clone())
}

/// The same tasks as a taskwarrior 2.6 `task import` JSON array: description
/// is the short title, project `area<N>`, status `completed` (with its end
/// date) for done work and `pending` otherwise.
///
/// Dues are written at 23:59:59 UTC of their day, not at midnight: cchc counts
/// work as overdue from the day after its due day, while taskwarrior's
/// `+OVERDUE` already holds a task due at 00:00 today. With the end of the day
/// (and `TZ=UTC`) both tools select exactly the same tasks.
pub fn taskwarrior_json(generated: &Generated) -> String {
    let fmt = |d: NaiveDate| d.format("%Y%m%dT000000Z").to_string();
    let end_of = |d: NaiveDate| d.format("%Y%m%dT235959Z").to_string();
    let entry = fmt(generated.today - Duration::days(DAYS_BEFORE_TODAY + 30));
    let states: std::collections::HashMap<&str, &TaskState> = generated
        .dump
        .tasks
        .iter()
        .map(|(k, s)| (k.task.as_str(), s))
        .collect();
    let tasks: Vec<serde_json::Value> = generated
        .dump
        .catalog
        .tasks
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let due = end_of(def.due.expect("generated tasks are one-off"));
            let mut task = json!({
                "uuid": task_uuid(i),
                "description": def.short,
                "project": format!("area{}", def.area),
                "entry": entry,
                "due": due,
                "status": "pending",
            });
            if let Some(done) = states.get(def.id.as_str()).and_then(|s| s.completed_on) {
                task["status"] = json!("completed");
                task["end"] = json!(fmt(done));
            }
            task
        })
        .collect();
    serde_json::to_string(&tasks).expect("JSON of plain values")
}

/// The index of the task with id `id` (for its taskwarrior UUID).
pub fn index_of(generated: &Generated, id: &str) -> Option<usize> {
    generated.dump.catalog.tasks.iter().position(|t| t.id == id)
}
