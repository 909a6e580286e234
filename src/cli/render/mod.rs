//! Text, TSV and JSON output of the command line. Each output is one record
//! type built from the application's data; `printer` prints any slice of
//! them as a table, TSV or JSON, and sanitizes every cell on the way. What is
//! not rows (`show`'s card, `status`) passes `sanitize_line`/`sanitize_block`
//! here.

mod import;
mod printer;
mod review;

pub use import::*;
pub use review::*;

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::CliError;
use super::args::{Format, ShowFormat};
use crate::app::{App, TaskView};
use crate::domain::date::format_date;
use crate::domain::text::{sanitize_block, sanitize_line};
use crate::domain::{
    Cadence, DeadlineClass, HistoryEntry, MatchedField, Occurrence, Status, Subject, TaskKey,
};
use crate::i18n::{self, Lang};
use printer::{Column, Frame, Record, Width, fit, print_json};

fn due_text(view: &TaskView<'_>, lang: Lang) -> String {
    view.due
        .map(format_date)
        .unwrap_or_else(|| i18n::show_labels(lang).no_deadline.to_string())
}

/// One occurrence of a task, as `cchc list` and `cchc show` print it. Its
/// fields are the JSON's keys, in the alphabetical order they always had;
/// notes, evidence and history are JSON values with their keys in that order.
#[derive(Debug, Serialize)]
pub struct TaskRecord {
    area: u8,
    area_name: Option<String>,
    /// The officer in charge, when one is named.
    assignee: Option<String>,
    cadence: Cadence,
    class: &'static str,
    class_label: String,
    completed_on: Option<NaiveDate>,
    coordinators: Vec<String>,
    due: Option<NaiveDate>,
    evidence: serde_json::Value,
    /// Only `cchc show` fills it.
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<serde_json::Value>,
    /// Every occurrence of recurring work with its state; only `cchc show`
    /// fills it.
    #[serde(skip_serializing_if = "Option::is_none")]
    occurrences: Option<serde_json::Value>,
    id: String,
    lead: String,
    /// Where `list --search` found the words: "title", "note" or "evidence".
    #[serde(skip_serializing_if = "Option::is_none")]
    matched: Option<MatchedField>,
    notes: serde_json::Value,
    occurrence: String,
    overdue_days: Option<i64>,
    parent: Option<String>,
    plan_due: Option<NaiveDate>,
    plan_ref: String,
    progress: u8,
    short: String,
    start: NaiveDate,
    status: Status,
    task: String,
    title: String,
    /// The deadline in words for the table: a date, or that there is none.
    #[serde(skip)]
    due_text: String,
    /// The short title for the table, after where a search found the words
    /// when it was not in the title.
    #[serde(skip)]
    title_cell: String,
}

impl TaskRecord {
    pub fn new(app: &App, view: &TaskView<'_>, lang: Lang) -> TaskRecord {
        let def = view.def;
        let state = &view.state;
        TaskRecord {
            area: def.area,
            area_name: app.plan().area(def.area).map(|a| a.name.clone()),
            assignee: view.assignee.map(str::to_string),
            cadence: def.cadence,
            class: view.class.code(),
            class_label: i18n::class_label(view.class, lang),
            completed_on: state.completed_on,
            coordinators: def.coordinators.clone(),
            due: view.due,
            evidence: json_value(&state.live_evidence().map(|(_, e)| e).collect::<Vec<_>>()),
            history: None,
            occurrences: None,
            id: view.key.to_string(),
            lead: view.lead.to_string(),
            matched: None,
            notes: json_value(&state.live_notes().map(|(_, n)| n).collect::<Vec<_>>()),
            occurrence: view.key.occurrence.to_string(),
            overdue_days: match view.class {
                DeadlineClass::Overdue(days) => Some(days),
                _ => None,
            },
            parent: def.parent.clone(),
            plan_due: view.window.due,
            plan_ref: def.plan_ref.clone(),
            progress: state.progress,
            short: def.short.clone(),
            start: view.window.start,
            status: state.status,
            task: def.id.clone(),
            title: def.title.clone(),
            due_text: due_text(view, lang),
            title_cell: def.short.clone(),
        }
    }

    /// The record of an occurrence a search found in `field`.
    fn found_in(mut self, field: Option<MatchedField>, lang: Lang) -> TaskRecord {
        self.matched = field;
        if let Some(field) = field.filter(|f| *f != MatchedField::Title) {
            let marker = i18n::matched_marker(field, lang);
            // Ahead of the title, which a narrow table cuts.
            self.title_cell = format!("[{marker}] {}", self.short);
        }
        self
    }
}

impl Record for TaskRecord {
    const TSV: &'static [&'static str] = &[
        "id", "area", "lead", "due", "status", "class", "progress", "title",
    ];

    fn columns(lang: Lang) -> Vec<Column> {
        let c = i18n::columns(lang);
        vec![
            Column::first(c.id, Width::Widest),
            Column::next(c.title, Width::Rest { min: 20 }),
            Column::next(c.lead, Width::Fixed(7)),
            Column::next(c.due, Width::Fixed(12)),
            Column::next(c.class, Width::Fixed(19)),
            Column::next(c.progress, Width::Free { room: 7 }),
        ]
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.title_cell.clone(),
            self.lead.clone(),
            self.due_text.clone(),
            self.class_label.clone(),
            format!("{:>4}%", self.progress),
        ]
    }

    fn tsv(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.area.to_string(),
            self.lead.clone(),
            self.due.map(format_date).unwrap_or_default(),
            self.status.code().to_string(),
            self.class_label.clone(),
            self.progress.to_string(),
            self.title.clone(),
        ]
    }
}

/// A domain value as the JSON has carried it: through `serde_json::Value`,
/// so its keys come in alphabetical order.
fn json_value(value: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// `cchc list`: each occurrence, with where a search found it.
pub fn list(
    app: &App,
    rows: &[(TaskView<'_>, Option<MatchedField>)],
    format: Format,
    lang: Lang,
    out: &mut impl Write,
) {
    let records: Vec<TaskRecord> = rows
        .iter()
        .map(|(view, found)| TaskRecord::new(app, view, lang).found_in(*found, lang))
        .collect();
    let frame = Frame {
        empty: Some(i18n::no_rows(lang).to_string()),
        above: Vec::new(),
        below: vec![i18n::rows_count(rows.len(), lang)],
    };
    printer::print(out, &records, format, lang, &frame);
}

pub fn show(
    app: &App,
    key: &TaskKey,
    format: ShowFormat,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let view = app
        .current(key)
        .ok_or_else(|| crate::domain::InputError::UnknownTask(key.to_string()))?;
    let filter = crate::app::HistoryFilter {
        task: Some(key.task.clone()),
        ..Default::default()
    };
    let history: Vec<HistoryEntry> = app
        .history(&filter)?
        .into_iter()
        .filter(|e| matches!(&e.subject, Subject::Task(k) if k == key || e.field == crate::domain::Field::Lead))
        .collect();
    match format {
        ShowFormat::Json => {
            let mut record = TaskRecord::new(app, &view, lang);
            record.history = Some(json_value(&history));
            if view.key.occurrence != Occurrence::Single {
                record.occurrences = Some(json_value(&occurrence_records(app, view.def)));
            }
            print_json(out, &record);
        }
        ShowFormat::Text => show_text(app, &view, &history, lang, out),
    }
    Ok(())
}

fn show_text(
    app: &App,
    view: &TaskView<'_>,
    history: &[HistoryEntry],
    lang: Lang,
    out: &mut impl Write,
) {
    let l = i18n::show_labels(lang);
    let def = view.def;
    let unit_name = |code: &str| {
        app.plan()
            .unit(code)
            .map(|u| {
                format!(
                    "{code} ({})",
                    if lang == Lang::En {
                        &u.name_en
                    } else {
                        &u.name
                    }
                )
            })
            .unwrap_or_else(|| code.to_string())
    };
    let area = app
        .plan()
        .area(def.area)
        .map(|a| {
            if lang == Lang::En {
                a.name_en.clone()
            } else {
                a.name.clone()
            }
        })
        .unwrap_or_default();
    let _ = writeln!(out, "{} — {}", view.key, sanitize_line(&def.short));
    let _ = writeln!(out, "{}\n", sanitize_line(&def.title));
    let mut line = |label: &str, value: String| {
        let _ = writeln!(out, "{}{}", fit(&format!("{label}:"), 20), value);
    };
    line(l.area, format!("{} · {}", def.area, sanitize_line(&area)));
    if app.plan().is_office_task(&def.id) {
        let source = if def.plan_ref.is_empty() {
            l.none.to_string()
        } else {
            def.plan_ref.clone()
        };
        line(l.source, source);
    } else {
        line(l.plan_ref, def.plan_ref.clone());
    }
    if let Some(parent) = &def.parent {
        line(l.parent, parent.clone());
    }
    line(l.lead, unit_name(view.lead));
    line(
        l.assignee,
        view.assignee.map_or_else(
            || l.none.to_string(),
            |name| sanitize_line(name).into_owned(),
        ),
    );
    let coordinators: Vec<String> = def.coordinators.iter().map(|c| unit_name(c)).collect();
    line(
        l.coordinators,
        if coordinators.is_empty() {
            l.none.into()
        } else {
            coordinators.join(", ")
        },
    );
    line(l.cadence, i18n::cadence_label(def.cadence, lang).into());
    if view.key.occurrence != crate::domain::Occurrence::Single {
        line(l.occurrence, view.key.occurrence.to_string());
    }
    line(l.start, format_date(view.window.start));
    line(l.due, i18n::task_due(view, lang));
    line(l.due_basis, i18n::due_basis(view, lang));
    line(l.status, i18n::status_label(view.state.status, lang).into());
    line(l.class, i18n::class_label(view.class, lang));
    line(l.progress, format!("{}%", view.state.progress));
    if let Some(done) = view.state.completed_on {
        line(l.completed_on, format_date(done));
    }
    if view.key.occurrence != Occurrence::Single {
        section(
            out,
            l.occurrences,
            l.none,
            app.occurrences(def).into_iter().map(|occurrence| {
                let other = app.view_of(
                    def,
                    TaskKey {
                        task: def.id.clone(),
                        occurrence,
                    },
                );
                format!(
                    "{} {} {} {} {:>3}%",
                    fit(&occurrence.to_string(), 8),
                    fit(&i18n::occurrence_label(occurrence, lang), 14),
                    fit(&other.due.map(format_date).unwrap_or_default(), 11),
                    fit(&i18n::class_label(other.class, lang), 28),
                    other.state.progress
                )
            }),
        );
    }
    section(
        out,
        l.notes,
        l.none,
        view.state.live_notes().map(|(i, n)| {
            format!(
                "{}. {} {}: {}",
                i + 1,
                n.at.format("%d/%m/%Y %H:%M"),
                i18n::author(&n.who, lang),
                sanitize_block(&n.text).replace('\n', "\n      ")
            )
        }),
    );
    section(
        out,
        l.evidence,
        l.none,
        view.state.live_evidence().map(|(i, e)| {
            let link = e
                .link
                .as_deref()
                .map(|l| format!(" <{}>", sanitize_line(l)))
                .unwrap_or_default();
            format!(
                "{}. {} ({}) — {}{link}",
                i + 1,
                sanitize_line(&e.number),
                format_date(e.issued_on),
                sanitize_line(&e.summary)
            )
        }),
    );
    section(
        out,
        l.history,
        l.none,
        history.iter().map(|e| history_line(e, lang)),
    );
}

/// One line of `cchc show --format json`'s occurrences.
#[derive(Serialize)]
struct OccurrenceRecord {
    id: String,
    due: Option<NaiveDate>,
    class: &'static str,
    status: Status,
    progress: u8,
    completed_on: Option<NaiveDate>,
}

fn occurrence_records(app: &App, def: &crate::domain::TaskDef) -> Vec<OccurrenceRecord> {
    app.occurrences(def)
        .into_iter()
        .map(|occurrence| {
            let view = app.view_of(
                def,
                TaskKey {
                    task: def.id.clone(),
                    occurrence,
                },
            );
            OccurrenceRecord {
                id: view.key.to_string(),
                due: view.due,
                class: view.class.code(),
                status: view.state.status,
                progress: view.state.progress,
                completed_on: view.state.completed_on,
            }
        })
        .collect()
}

fn section(out: &mut impl Write, title: &str, none: &str, lines: impl Iterator<Item = String>) {
    let _ = writeln!(out, "\n{title}:");
    let mut any = false;
    for line in lines {
        any = true;
        let _ = writeln!(out, "  {line}");
    }
    if !any {
        let _ = writeln!(out, "  {none}");
    }
}

fn history_line(entry: &HistoryEntry, lang: Lang) -> String {
    i18n::history_line(entry, lang)
}

fn subject_text(subject: &Subject) -> String {
    match subject {
        Subject::Task(key) => key.to_string(),
        Subject::Target(id) => id.clone(),
        Subject::Catalog => "catalog".into(),
        Subject::Meeting(id) => format!("meeting#{id}"),
        Subject::Report(key) => format!("report/{key}"),
    }
}
