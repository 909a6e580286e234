//! Text, TSV and JSON output of the command line. Every stored string passes
//! through `sanitize_line`/`sanitize_block` before it is printed.

mod review;

pub use review::*;

use std::io::Write;

use serde_json::json;
use unicode_width::UnicodeWidthStr;

use super::CliError;
use super::args::{Format, ShowFormat};
use crate::app::{App, TaskView};
use crate::domain::date::format_date;
use crate::domain::target::is_met;
use crate::domain::text::{escape_json_controls, fit_width, sanitize_block, sanitize_line};
use crate::domain::{Direction, HistoryEntry, Subject, TaskKey};
use crate::i18n::{self, Lang};

/// Width of a table when standard output is not a terminal.
const PIPE_WIDTH: usize = 120;

fn table_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(PIPE_WIDTH, |(w, _)| usize::from(w).max(60))
    } else {
        PIPE_WIDTH
    }
}

/// Sanitised, cut and padded to `width` display columns.
fn fit(text: &str, width: usize) -> String {
    fit_width(&sanitize_line(text), width)
}

fn due_text(view: &TaskView<'_>, lang: Lang) -> String {
    view.due
        .map(format_date)
        .unwrap_or_else(|| i18n::show_labels(lang).no_deadline.to_string())
}

pub fn list(app: &App, rows: &[TaskView<'_>], format: Format, lang: Lang, out: &mut impl Write) {
    match format {
        Format::Table => list_table(rows, lang, out),
        Format::Tsv => list_tsv(rows, lang, out),
        Format::Json => {
            let items: Vec<_> = rows.iter().map(|v| task_json(app, v, lang)).collect();
            print_json(out, &serde_json::Value::Array(items));
        }
    }
}

/// JSON on standard output, never with raw terminal controls in it.
pub fn print_json(out: &mut impl Write, value: &impl serde::Serialize) {
    let json = serde_json::to_string(value).unwrap_or_default();
    let _ = writeln!(out, "{}", escape_json_controls(json));
}

fn list_table(rows: &[TaskView<'_>], lang: Lang, out: &mut impl Write) {
    if rows.is_empty() {
        let _ = writeln!(out, "{}", i18n::no_rows(lang));
        return;
    }
    let c = i18n::columns(lang);
    let id_w = rows
        .iter()
        .map(|r| r.key.to_string().width())
        .max()
        .unwrap_or(4)
        .max(c.id.width());
    let (lead_w, due_w, class_w, prog_w) = (7, 12, 19, 7);
    let fixed = id_w + lead_w + due_w + class_w + prog_w + 5;
    let title_w = table_width().saturating_sub(fixed).max(20);
    let _ = writeln!(
        out,
        "{} {} {} {} {} {}",
        fit(c.id, id_w),
        fit(c.title, title_w),
        fit(c.lead, lead_w),
        fit(c.due, due_w),
        fit(c.class, class_w),
        c.progress
    );
    for row in rows {
        let _ = writeln!(
            out,
            "{} {} {} {} {} {:>4}%",
            fit(&row.key.to_string(), id_w),
            fit(&row.def.short, title_w),
            fit(row.lead, lead_w),
            fit(&due_text(row, lang), due_w),
            fit(&i18n::class_label(row.class, lang), class_w),
            row.state.progress
        );
    }
    let _ = writeln!(out, "{}", i18n::rows_count(rows.len(), lang));
}

fn list_tsv(rows: &[TaskView<'_>], lang: Lang, out: &mut impl Write) {
    let _ = writeln!(out, "id\tarea\tlead\tdue\tstatus\tclass\tprogress\ttitle");
    for row in rows {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            row.key,
            row.def.area,
            row.lead,
            row.due.map(format_date).unwrap_or_default(),
            row.state.status.code(),
            i18n::class_label(row.class, lang),
            row.state.progress,
            sanitize_line(&row.def.title)
        );
    }
}

fn task_json(app: &App, view: &TaskView<'_>, lang: Lang) -> serde_json::Value {
    let overdue_days = match view.class {
        crate::domain::DeadlineClass::Overdue(d) => Some(d),
        _ => None,
    };
    json!({
        "id": view.key.to_string(),
        "task": view.def.id,
        "occurrence": view.key.occurrence.to_string(),
        "area": view.def.area,
        "plan_ref": view.def.plan_ref,
        "parent": view.def.parent,
        "title": view.def.title,
        "short": view.def.short,
        "lead": view.lead,
        "coordinators": view.def.coordinators,
        "cadence": view.def.cadence,
        "start": view.window.start,
        "due": view.due,
        "plan_due": view.window.due,
        "status": view.state.status,
        "class": view.class.code(),
        "class_label": i18n::class_label(view.class, lang),
        "overdue_days": overdue_days,
        "progress": view.state.progress,
        "completed_on": view.state.completed_on,
        "notes": view.state.notes,
        "evidence": view.state.evidence,
        "area_name": app.plan().area(view.def.area).map(|a| a.name.clone()),
    })
}

pub fn show(
    app: &App,
    key: &TaskKey,
    format: ShowFormat,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let view = app
        .view(key)
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
            let mut value = task_json(app, &view, lang);
            value["history"] = serde_json::to_value(&history).unwrap_or_default();
            print_json(out, &value);
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
    line(l.plan_ref, def.plan_ref.clone());
    if let Some(parent) = &def.parent {
        line(l.parent, parent.clone());
    }
    line(l.lead, unit_name(view.lead));
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
    line(l.status, i18n::status_label(view.state.status, lang).into());
    line(l.class, i18n::class_label(view.class, lang));
    line(l.progress, format!("{}%", view.state.progress));
    if let Some(done) = view.state.completed_on {
        line(l.completed_on, format_date(done));
    }
    section(
        out,
        l.notes,
        l.none,
        view.state.notes.iter().map(|n| {
            format!(
                "{} {}: {}",
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
        view.state.evidence.iter().map(|e| {
            let link = e
                .link
                .as_deref()
                .map(|l| format!(" <{}>", sanitize_line(l)))
                .unwrap_or_default();
            format!(
                "{} ({}) — {}{link}",
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
    }
}
