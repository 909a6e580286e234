//! Text, TSV and JSON output of the command line. Every stored string passes
//! through `sanitize_line`/`sanitize_block` before it is printed.

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
    line(l.due, App::due_text(view, lang));
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
                sanitize_line(&n.who),
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

pub fn log(app: &App, entries: &[HistoryEntry], format: Format, lang: Lang, out: &mut impl Write) {
    match format {
        Format::Json => {
            print_json(out, &entries);
        }
        Format::Tsv => {
            let _ = writeln!(out, "seq\tat\twho\tsubject\tfield\told\tnew\treason");
            for e in entries {
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{:?}\t{}\t{}\t{}",
                    e.seq,
                    e.at.to_rfc3339(),
                    sanitize_line(&e.who),
                    subject_text(&e.subject),
                    e.field,
                    sanitize_line(&i18n::value_text(&e.old, lang)),
                    sanitize_line(&i18n::value_text(&e.new, lang)),
                    sanitize_line(e.reason.as_deref().unwrap_or_default()),
                );
            }
        }
        Format::Table if entries.is_empty() => {
            let _ = writeln!(out, "{}", i18n::no_history(lang));
        }
        Format::Table => {
            for e in entries {
                let title = app.subject_title(&e.subject).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{} {}",
                    fit(&subject_text(&e.subject), 12),
                    sanitize_line(title)
                );
                let _ = writeln!(out, "    {}", history_line(e, lang));
            }
        }
    }
}

pub fn targets(app: &App, format: Format, lang: Lang, out: &mut impl Write) {
    let l = i18n::target_labels(lang);
    let rows: Vec<_> = app.targets().collect();
    match format {
        Format::Json => {
            let items: Vec<_> = rows
                .iter()
                .map(|(def, state)| {
                    let latest = state.latest();
                    json!({
                        "id": def.id, "area": def.area, "plan_ref": def.plan_ref, "title": def.title,
                        "short": def.short, "lead": def.lead, "value": def.value, "unit": def.unit,
                        "direction": def.direction, "baseline": def.baseline, "due": def.due,
                        "latest": latest.map(|m| m.value), "latest_on": latest.map(|m| m.on),
                        "met": latest.map(|m| is_met(def.direction, def.value, m.value)),
                        "measurements": state.measurements,
                    })
                })
                .collect();
            print_json(out, &serde_json::Value::Array(items));
        }
        Format::Tsv => {
            let _ = writeln!(out, "id\tarea\tgoal\tunit\tlatest\tlatest_on\tdue\ttitle");
            for (def, state) in &rows {
                let latest = state.latest();
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    def.id,
                    def.area,
                    i18n::number_text(def.value),
                    def.unit,
                    latest
                        .map(|m| i18n::number_text(m.value))
                        .unwrap_or_default(),
                    latest.map(|m| format_date(m.on)).unwrap_or_default(),
                    format_date(def.due),
                    sanitize_line(&def.title)
                );
            }
        }
        Format::Table => {
            let title_w = table_width()
                .saturating_sub(4 + 16 + 20 + 12 + 12 + 5)
                .max(20);
            let _ = writeln!(
                out,
                "{} {} {} {} {} {}",
                fit(l.id, 4),
                fit(l.target, title_w),
                fit(l.goal, 16),
                fit(l.latest, 20),
                fit(l.due, 12),
                l.met.split(' ').next_back().unwrap_or_default()
            );
            for (def, state) in &rows {
                let direction = match def.direction {
                    Direction::AtLeast => "≥",
                    Direction::AtMost => "≤",
                };
                let goal = format!(
                    "{direction} {}{}",
                    i18n::decimal(def.value, lang),
                    short_unit(&def.unit)
                );
                let latest = state.latest();
                let latest_text = latest
                    .map(|m| {
                        format!(
                            "{}{} ({})",
                            i18n::decimal(m.value, lang),
                            short_unit(&def.unit),
                            format_date(m.on)
                        )
                    })
                    .unwrap_or_else(|| l.unmeasured.to_string());
                let met = match latest {
                    Some(m) if is_met(def.direction, def.value, m.value) => l.met,
                    Some(_) => l.not_met,
                    None => "",
                };
                let _ = writeln!(
                    out,
                    "{} {} {} {} {} {met}",
                    fit(&def.id, 4),
                    fit(&def.short, title_w),
                    fit(&goal, 16),
                    fit(&latest_text, 20),
                    fit(&format_date(def.due), 12),
                );
            }
        }
    }
}

/// "%" for all percent-like units, so the goal column stays narrow.
fn short_unit(unit: &str) -> &str {
    if unit.starts_with('%') { "%" } else { unit }
}

/// `cchc risks`: flagged tasks then flagged targets, most severe first.
pub fn risks(
    app: &App,
    area: Option<u8>,
    unit: Option<&str>,
    format: Format,
    lang: Lang,
    out: &mut impl Write,
) {
    let tasks: Vec<_> = app
        .task_risks()
        .into_iter()
        .filter(|f| area.is_none_or(|a| f.area == a) && unit.is_none_or(|u| f.lead == u))
        .collect();
    let targets: Vec<_> = app
        .target_risks()
        .into_iter()
        .filter(|f| area.is_none_or(|a| f.def.area == a) && unit.is_none_or(|u| f.def.lead == u))
        .collect();
    let title = |key: &TaskKey| {
        app.plan()
            .task(&key.task)
            .map(|t| t.short.clone())
            .unwrap_or_default()
    };
    match format {
        Format::Json => {
            let mut items: Vec<serde_json::Value> = tasks
                .iter()
                .map(|f| {
                    let reasons: Vec<_> = f
                        .reasons
                        .iter()
                        .map(|r| json!({"rule": r.code(), "severity": r.severity(), "text": i18n::task_reason(r, lang), "detail": r}))
                        .collect();
                    json!({"kind": "task", "id": f.key.to_string(), "area": f.area, "lead": f.lead,
                           "title": title(&f.key), "severity": f.severity(), "reasons": reasons})
                })
                .collect();
            items.extend(targets.iter().map(|f| {
                let reasons: Vec<_> = f
                    .reasons
                    .iter()
                    .map(|r| json!({"severity": r.severity(), "text": i18n::target_reason(r, &f.def.unit, lang), "detail": r}))
                    .collect();
                json!({"kind": "target", "id": f.def.id, "area": f.def.area, "lead": f.def.lead,
                       "title": f.def.short, "severity": f.severity(), "reasons": reasons})
            }));
            print_json(out, &items);
        }
        Format::Tsv => {
            let _ = writeln!(out, "kind\tid\tseverity\treasons\tarea\tlead\ttitle");
            for f in &tasks {
                let reasons: Vec<String> = f
                    .reasons
                    .iter()
                    .map(|r| i18n::task_reason(r, lang))
                    .collect();
                let _ = writeln!(
                    out,
                    "task\t{}\t{}\t{}\t{}\t{}\t{}",
                    f.key,
                    i18n::severity_label(f.severity(), lang),
                    reasons.join("; "),
                    f.area,
                    f.lead,
                    sanitize_line(&title(&f.key))
                );
            }
            for f in &targets {
                let reasons: Vec<String> = f
                    .reasons
                    .iter()
                    .map(|r| i18n::target_reason(r, &f.def.unit, lang))
                    .collect();
                let _ = writeln!(
                    out,
                    "target\t{}\t{}\t{}\t{}\t{}\t{}",
                    f.def.id,
                    i18n::severity_label(f.severity(), lang),
                    reasons.join("; "),
                    f.def.area,
                    f.def.lead,
                    sanitize_line(&f.def.short)
                );
            }
        }
        Format::Table => {
            if tasks.is_empty() && targets.is_empty() {
                let _ = writeln!(out, "{}", i18n::no_risks(lang));
                return;
            }
            let review = app.review();
            let heading = i18n::review_heading(app.period(), review.as_of, lang);
            let _ = writeln!(out, "{heading}");
            for f in &tasks {
                let reasons: Vec<String> = f
                    .reasons
                    .iter()
                    .map(|r| i18n::task_reason(r, lang))
                    .collect();
                let _ = writeln!(
                    out,
                    "{} {} {} {} — {}",
                    fit(i18n::severity_label(f.severity(), lang), 5),
                    fit(&f.key.to_string(), 12),
                    fit(&f.lead, 7),
                    fit(&title(&f.key), 40),
                    reasons.join("; ")
                );
            }
            for f in &targets {
                let reasons: Vec<String> = f
                    .reasons
                    .iter()
                    .map(|r| i18n::target_reason(r, &f.def.unit, lang))
                    .collect();
                let _ = writeln!(
                    out,
                    "{} {} {} {} — {}",
                    fit(i18n::severity_label(f.severity(), lang), 5),
                    fit(&f.def.id, 12),
                    fit(&f.def.lead, 7),
                    fit(&f.def.short, 40),
                    reasons.join("; ")
                );
            }
        }
    }
}

/// `cchc meeting list`: the recorded meetings, oldest first.
pub fn meetings(app: &App, lang: Lang, out: &mut impl Write) {
    let mut any = false;
    for (id, meeting) in app.meetings() {
        any = true;
        let _ = writeln!(
            out,
            "#{id} {} {} ({})",
            format_date(meeting.date),
            sanitize_line(&meeting.title),
            sanitize_line(&meeting.who)
        );
    }
    if !any {
        let _ = writeln!(out, "{}", i18n::no_meetings(lang));
    }
}

/// `cchc status`: the owner, its uptime and its clients, or that none runs.
pub fn owner_status(
    dir: &std::path::Path,
    status: Option<&crate::share::protocol::OwnerStatus>,
    lang: Lang,
    out: &mut impl Write,
) {
    let Some(status) = status else {
        let _ = writeln!(out, "{}", i18n::no_owner(&dir.display().to_string(), lang));
        return;
    };
    let now = chrono::Local::now().fixed_offset();
    let uptime = (now - status.started).to_std().unwrap_or_default();
    let started = status.started.format("%d/%m/%Y %H:%M").to_string();
    let _ = writeln!(
        out,
        "{}",
        i18n::owner_line(
            status.pid,
            &sanitize_line(&status.user),
            &started,
            uptime,
            lang
        )
    );
    let _ = writeln!(
        out,
        "{}",
        i18n::owner_store(&sanitize_line(&status.store), status.last_seq, lang)
    );
    let _ = writeln!(out, "{}", i18n::owner_clients(status.clients.len(), lang));
    for client in &status.clients {
        let _ = writeln!(
            out,
            "  pid {:<8} {:<12} {:<10} {}",
            client.pid,
            fit(&sanitize_line(&client.user), 12),
            fit(&sanitize_line(&client.what), 10),
            i18n::connected_since(&client.since.format("%d/%m/%Y %H:%M").to_string(), lang)
        );
    }
}
