//! What a review reads: the history, the targets, the risks, the meetings
//! and the owner's status.

use super::*;
use crate::app::risks::{FlaggedTarget, FlaggedTask};
use crate::domain::risk::Severity;
use crate::domain::target::Verdict;
use crate::domain::{Direction, TargetDef, TargetState};

/// One history entry, as `cchc log` prints it. Its JSON is the entry itself.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct LogRecord<'a> {
    entry: &'a HistoryEntry,
    #[serde(skip)]
    subject: String,
    /// The subject's title in the plan, for the table.
    #[serde(skip)]
    title: String,
    /// The change in words, for the table.
    #[serde(skip)]
    line: String,
    #[serde(skip)]
    old: String,
    #[serde(skip)]
    new: String,
}

impl<'a> LogRecord<'a> {
    pub fn new(app: &App, entry: &'a HistoryEntry, lang: Lang) -> LogRecord<'a> {
        LogRecord {
            entry,
            subject: subject_text(&entry.subject),
            title: app
                .subject_title(&entry.subject)
                .unwrap_or_default()
                .to_string(),
            line: history_line(entry, lang),
            old: i18n::value_text(&entry.old, lang),
            new: i18n::value_text(&entry.new, lang),
        }
    }
}

impl Record for LogRecord<'_> {
    /// Two lines an entry: its subject and title, then the change.
    const HEADINGS: bool = false;
    const TSV: &'static [&'static str] = &[
        "seq", "at", "who", "subject", "field", "old", "new", "reason",
    ];

    fn columns(_: Lang) -> Vec<Column> {
        vec![
            Column::first("", Width::Fixed(12)),
            Column::next("", Width::Free { room: 0 }),
            Column::after("\n    ", "", Width::Free { room: 0 }),
        ]
    }

    fn cells(&self) -> Vec<String> {
        vec![self.subject.clone(), self.title.clone(), self.line.clone()]
    }

    fn tsv(&self) -> Vec<String> {
        let e = self.entry;
        vec![
            e.seq.to_string(),
            e.at.to_rfc3339(),
            e.who.clone(),
            self.subject.clone(),
            format!("{:?}", e.field),
            self.old.clone(),
            self.new.clone(),
            e.reason.clone().unwrap_or_default(),
        ]
    }
}

pub fn log(app: &App, entries: &[HistoryEntry], format: Format, lang: Lang, out: &mut impl Write) {
    let records: Vec<LogRecord<'_>> = entries
        .iter()
        .map(|e| LogRecord::new(app, e, lang))
        .collect();
    let frame = Frame {
        empty: Some(i18n::no_history(lang).to_string()),
        ..Frame::default()
    };
    printer::print(out, &records, format, lang, &frame);
}

/// One target, as `cchc targets` prints it. Its fields are the JSON's keys,
/// in alphabetical order; measurements are a JSON value with its keys in that
/// order.
#[derive(Debug, Serialize)]
pub struct TargetRecord {
    area: u8,
    baseline: Option<f64>,
    /// Where the baseline comes from, in words.
    baseline_source: String,
    direction: Direction,
    due: Option<NaiveDate>,
    id: String,
    latest: Option<f64>,
    latest_on: Option<NaiveDate>,
    lead: String,
    measurements: serde_json::Value,
    plan_ref: String,
    short: String,
    title: String,
    unit: String,
    value: f64,
    /// The target's one verdict, by its code.
    verdict: &'static str,
    /// "≥ 95%", for the table.
    #[serde(skip)]
    goal: String,
    /// "87,5% (30/06/2026)", or that it is not measured yet.
    #[serde(skip)]
    latest_text: String,
    /// The verdict in words, with its mark.
    #[serde(skip)]
    verdict_text: String,
}

impl TargetRecord {
    pub fn new(def: &TargetDef, state: &TargetState, verdict: Verdict, lang: Lang) -> TargetRecord {
        let l = i18n::target_labels(lang);
        let latest = state.latest();
        let direction = match def.direction {
            Direction::AtLeast => "≥",
            Direction::AtMost => "≤",
        };
        TargetRecord {
            area: def.area,
            baseline: state.baseline_value(def),
            baseline_source: i18n::baseline_text(def, state, lang),
            direction: def.direction,
            due: def.due,
            id: def.id.clone(),
            latest: latest.map(|m| m.value),
            latest_on: latest.map(|m| m.on),
            lead: def.lead.clone(),
            measurements: json_value(&state.measurements),
            plan_ref: def.plan_ref.clone(),
            short: def.short.clone(),
            title: def.title.clone(),
            unit: def.unit.clone(),
            value: def.value,
            verdict: verdict.code(),
            verdict_text: format!(
                "{} {}",
                i18n::verdict_symbol(verdict),
                i18n::verdict_label(verdict, lang)
            ),
            goal: if def.qualitative {
                i18n::result_value(def, def.value, lang)
            } else {
                format!(
                    "{direction} {}{}",
                    i18n::decimal(def.value, lang),
                    short_unit(&def.unit)
                )
            },
            latest_text: latest
                .map(|m| format!("{} ({})", measured(def, m.value, lang), format_date(m.on)))
                .unwrap_or_else(|| l.unmeasured.to_string()),
        }
    }
}

/// A result for the table: "87,5%", or "đạt" / "chưa đạt" for a
/// qualitative aim.
fn measured(def: &TargetDef, value: f64, lang: Lang) -> String {
    if def.qualitative {
        i18n::result_value(def, value, lang)
    } else {
        format!("{}{}", i18n::decimal(value, lang), short_unit(&def.unit))
    }
}

impl Record for TargetRecord {
    const TSV: &'static [&'static str] = &[
        "id",
        "area",
        "goal",
        "unit",
        "latest",
        "latest_on",
        "due",
        "title",
        "verdict",
    ];

    fn columns(lang: Lang) -> Vec<Column> {
        let l = i18n::target_labels(lang);
        vec![
            Column::first(l.id, Width::Fixed(4)),
            Column::next(l.target, Width::Rest { min: 20 }),
            Column::next(l.goal, Width::Fixed(16)),
            Column::next(l.latest, Width::Fixed(20)),
            Column::next(l.due, Width::Fixed(12)),
            Column::next(l.verdict, Width::Free { room: 22 }),
        ]
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.short.clone(),
            self.goal.clone(),
            self.latest_text.clone(),
            self.due.map(format_date).unwrap_or_default(),
            self.verdict_text.clone(),
        ]
    }

    fn tsv(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.area.to_string(),
            i18n::number_text(self.value),
            self.unit.clone(),
            self.latest.map(i18n::number_text).unwrap_or_default(),
            self.latest_on.map(format_date).unwrap_or_default(),
            self.due.map(format_date).unwrap_or_default(),
            self.title.clone(),
            self.verdict.to_string(),
        ]
    }
}

pub fn targets(app: &App, format: Format, lang: Lang, out: &mut impl Write) {
    let records: Vec<TargetRecord> = app
        .targets()
        .map(|(def, state)| TargetRecord::new(def, &state, app.target_verdict(def), lang))
        .collect();
    printer::print(out, &records, format, lang, &Frame::default());
}

/// "%" for all percent-like units, so the goal column stays narrow.
pub(super) fn short_unit(unit: &str) -> &str {
    if unit.starts_with('%') { "%" } else { unit }
}

/// One task or target at risk, as `cchc risks` prints it. Its fields are the
/// JSON's keys, in alphabetical order.
#[derive(Debug, Serialize)]
pub struct RiskRecord {
    area: u8,
    id: String,
    kind: &'static str,
    lead: String,
    reasons: Vec<ReasonRecord>,
    severity: Severity,
    title: String,
    /// The severity in words, for the table and the TSV.
    #[serde(skip)]
    severity_text: &'static str,
}

/// One reason a task or target is at risk.
#[derive(Debug, Serialize)]
pub struct ReasonRecord {
    /// The reason with its figures, its keys in alphabetical order.
    detail: serde_json::Value,
    /// Only task reasons have a rule of their own.
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'static str>,
    severity: Severity,
    text: String,
}

impl RiskRecord {
    fn task(app: &App, flagged: &FlaggedTask, lang: Lang) -> RiskRecord {
        let title = app
            .plan()
            .task(&flagged.key.task)
            .map(|t| t.short.clone())
            .unwrap_or_default();
        RiskRecord {
            area: flagged.area,
            id: flagged.key.to_string(),
            kind: "task",
            lead: flagged.lead.clone(),
            reasons: flagged
                .reasons
                .iter()
                .map(|r| ReasonRecord {
                    detail: json_value(r),
                    rule: Some(r.code()),
                    severity: r.severity(),
                    text: i18n::task_reason(r, lang),
                })
                .collect(),
            severity: flagged.severity(),
            title,
            severity_text: i18n::severity_label(flagged.severity(), lang),
        }
    }

    fn target(flagged: &FlaggedTarget, lang: Lang) -> RiskRecord {
        let def = &flagged.def;
        RiskRecord {
            area: def.area,
            id: def.id.clone(),
            kind: "target",
            lead: def.lead.clone(),
            reasons: flagged
                .reasons
                .iter()
                .map(|r| ReasonRecord {
                    detail: json_value(r),
                    rule: None,
                    severity: r.severity(),
                    text: i18n::target_reason(r, &def.unit, lang),
                })
                .collect(),
            severity: flagged.severity(),
            title: def.short.clone(),
            severity_text: i18n::severity_label(flagged.severity(), lang),
        }
    }

    /// Why it is at risk, every reason in words: "quá hạn 3 ngày; …".
    fn reasons_text(&self) -> String {
        let texts: Vec<&str> = self.reasons.iter().map(|r| r.text.as_str()).collect();
        texts.join("; ")
    }
}

impl Record for RiskRecord {
    /// The review's heading stands above the rows instead.
    const HEADINGS: bool = false;
    const TSV: &'static [&'static str] =
        &["kind", "id", "severity", "reasons", "area", "lead", "title"];

    fn columns(_: Lang) -> Vec<Column> {
        vec![
            Column::first("", Width::Fixed(5)),
            Column::next("", Width::Fixed(12)),
            Column::next("", Width::Fixed(7)),
            Column::next("", Width::Fixed(40)),
            Column::after(" — ", "", Width::Free { room: 0 }),
        ]
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.severity_text.to_string(),
            self.id.clone(),
            self.lead.clone(),
            self.title.clone(),
            self.reasons_text(),
        ]
    }

    fn tsv(&self) -> Vec<String> {
        vec![
            self.kind.to_string(),
            self.id.clone(),
            self.severity_text.to_string(),
            self.reasons_text(),
            self.area.to_string(),
            self.lead.clone(),
            self.title.clone(),
        ]
    }
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
    let tasks = app
        .task_risks()
        .into_iter()
        .filter(|f| area.is_none_or(|a| f.area == a) && unit.is_none_or(|u| f.lead == u))
        .map(|f| RiskRecord::task(app, &f, lang));
    let targets = app
        .target_risks()
        .into_iter()
        .filter(|f| area.is_none_or(|a| f.def.area == a) && unit.is_none_or(|u| f.def.lead == u))
        .map(|f| RiskRecord::target(&f, lang));
    let records: Vec<RiskRecord> = tasks.chain(targets).collect();
    let frame = Frame {
        empty: Some(i18n::no_risks(lang).to_string()),
        above: vec![i18n::review_heading(app, lang)],
        below: Vec::new(),
    };
    printer::print(out, &records, format, lang, &frame);
}

/// One recorded meeting, as `cchc meeting list` prints it.
#[derive(Debug, Serialize)]
pub struct MeetingRecord {
    date: NaiveDate,
    id: u32,
    title: String,
    who: String,
}

impl Record for MeetingRecord {
    const HEADINGS: bool = false;
    const TSV: &'static [&'static str] = &["id", "date", "title", "who"];

    /// "#3 20/11/2026 Họp giao ban (nguyenvana)".
    fn columns(_: Lang) -> Vec<Column> {
        let free = Width::Free { room: 0 };
        vec![
            Column::after("#", "", free),
            Column::next("", free),
            Column::next("", free),
            Column::after(" (", "", free),
            Column::after(")", "", free),
        ]
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            format_date(self.date),
            self.title.clone(),
            self.who.clone(),
            String::new(),
        ]
    }

    fn tsv(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            format_date(self.date),
            self.title.clone(),
            self.who.clone(),
        ]
    }
}

/// `cchc meeting list`: the recorded meetings, oldest first.
pub fn meetings(app: &App, lang: Lang, out: &mut impl Write) {
    let records: Vec<MeetingRecord> = app
        .meetings()
        .map(|(id, meeting)| MeetingRecord {
            date: meeting.date,
            id: *id,
            title: meeting.title.clone(),
            who: meeting.who.clone(),
        })
        .collect();
    let frame = Frame {
        empty: Some(i18n::no_meetings(lang).to_string()),
        ..Frame::default()
    };
    printer::table(out, &records, lang, &frame);
}

/// `cchc period list`: each period, its cut-off and report day, and
/// whether it is closed, by whom and when.
pub fn periods(app: &App, lang: Lang, out: &mut impl Write) {
    for entry in app.periods() {
        let closed = entry
            .closing
            .map(|c| (sanitize_line(&c.who).into_owned(), c.at));
        let _ = writeln!(out, "{}", i18n::period_line(&entry, closed, lang));
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
            fit(&i18n::client_kind(&sanitize_line(&client.what), lang), 12),
            i18n::connected_since(&client.since.format("%d/%m/%Y %H:%M").to_string(), lang)
        );
    }
}
