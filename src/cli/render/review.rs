//! What a review reads: the history, the targets, the risks, the meetings
//! and the owner's status.

use super::*;

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
pub(super) fn short_unit(unit: &str) -> &str {
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
                let _ = writeln!(
                    out,
                    "task\t{}\t{}\t{}\t{}\t{}\t{}",
                    f.key,
                    i18n::severity_label(f.severity(), lang),
                    task_reasons(f, lang),
                    f.area,
                    f.lead,
                    sanitize_line(&title(&f.key))
                );
            }
            for f in &targets {
                let _ = writeln!(
                    out,
                    "target\t{}\t{}\t{}\t{}\t{}\t{}",
                    f.def.id,
                    i18n::severity_label(f.severity(), lang),
                    target_reasons(f, lang),
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
                let _ = writeln!(
                    out,
                    "{} {} {} {} — {}",
                    fit(i18n::severity_label(f.severity(), lang), 5),
                    fit(&f.key.to_string(), 12),
                    fit(&f.lead, 7),
                    fit(&title(&f.key), 40),
                    task_reasons(f, lang)
                );
            }
            for f in &targets {
                let _ = writeln!(
                    out,
                    "{} {} {} {} — {}",
                    fit(i18n::severity_label(f.severity(), lang), 5),
                    fit(&f.def.id, 12),
                    fit(&f.def.lead, 7),
                    fit(&f.def.short, 40),
                    target_reasons(f, lang)
                );
            }
        }
    }
}

/// Why a task is at risk, every reason in words: "quá hạn 3 ngày; …".
fn task_reasons(flagged: &crate::app::risks::FlaggedTask, lang: Lang) -> String {
    let reasons: Vec<String> = flagged
        .reasons
        .iter()
        .map(|r| i18n::task_reason(r, lang))
        .collect();
    reasons.join("; ")
}

/// Why a target is at risk, every reason in words.
fn target_reasons(flagged: &crate::app::risks::FlaggedTarget, lang: Lang) -> String {
    let reasons: Vec<String> = flagged
        .reasons
        .iter()
        .map(|r| i18n::target_reason(r, &flagged.def.unit, lang))
        .collect();
    reasons.join("; ")
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
