//! What the detail pane shows, prepared by the model: everything about the
//! selected occurrence (its sub-tasks, notes, evidence and history), or for
//! a group line the group's figures. Built again only when the selection,
//! the store or the pane's width changes, and measured, so its scroll stops
//! where the text ends.

use crate::app::board::{Counts, GroupKey, Row};
use crate::app::{App, TaskView};
use crate::domain::date::format_date;
use crate::domain::text::{sanitize_block, sanitize_line};
use crate::domain::{HistoryEntry, Occurrence};
use crate::i18n::{self, Lang};
use crate::screen::shown::{Piece, ShownLine, Tone, max_scroll, rows};
use crate::screen::state::Ui;

/// History lines shown; `cchc log ID` has the rest.
const HISTORY_LINES: usize = 30;
/// Cells of a progress bar in the pane.
const BAR_WIDTH: usize = 20;

/// The pane's prepared lines, and what they were made for.
#[derive(Clone, Default, PartialEq)]
pub struct Detail {
    pub lines: Vec<ShownLine>,
    /// Rows the lines take, wrapped to the pane.
    pub rows: usize,
    made_for: Option<Source>,
}

/// Shown by what it was made for: the lines follow from that.
impl std::fmt::Debug for Detail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detail")
            .field("rows", &self.rows)
            .field("made_for", &self.made_for)
            .finish_non_exhaustive()
    }
}

/// What the pane's lines depend on: when it is unchanged, they are too.
#[derive(Debug, Clone, PartialEq)]
struct Source {
    row: Option<Row>,
    /// The application's revision: notes and history are not in the row.
    revision: u64,
    width: u16,
}

/// Prepares the pane's lines if it is on screen and what it shows changed,
/// and keeps its scroll within them.
pub fn prepare(app: &App, ui: &mut Ui) {
    if !ui.shows_detail() {
        return;
    }
    let source = Source {
        row: ui.selected_row().cloned(),
        revision: app.revision(),
        width: ui.detail_box.width,
    };
    if ui.detail.made_for.as_ref() != Some(&source) {
        let lines = lines(app, ui);
        ui.detail = Detail {
            rows: rows(&lines, source.width),
            lines,
            made_for: Some(source),
        };
    }
    ui.detail_scroll = ui.detail_scroll.min(last_scroll(ui));
}

/// The furthest the pane scrolls: its last row at the bottom of the box.
pub fn last_scroll(ui: &Ui) -> u16 {
    max_scroll(ui.detail.rows, usize::from(ui.detail_box.rows))
}

fn lines(app: &App, ui: &Ui) -> Vec<ShownLine> {
    let lang = ui.lang;
    match ui.selected_row() {
        Some(Row::Group { key, counts, .. }) => group_lines(app, key, counts, lang),
        _ => match ui.selected_key().and_then(|k| app.current(k)) {
            Some(view) => task_lines(app, &view, lang),
            None => vec![ShownLine::plain(i18n::select_a_task(lang))],
        },
    }
}

/// A group line's figures: what it gathers, who leads, how far it is.
fn group_lines(app: &App, key: &GroupKey, counts: &Counts, lang: Lang) -> Vec<ShownLine> {
    let plan = app.plan();
    let l = i18n::show_labels(lang);
    let mut lines = Vec::new();
    match key {
        GroupKey::Area(code) => {
            if let Some(area) = plan.area(*code) {
                let name = sanitize_line(&i18n::area_name(area, lang)).into_owned();
                lines.push(ShownLine::toned(Tone::Title, format!("{code} · {name}")));
                lines.push(plain_field(l.plan_ref, area.plan_ref.clone()));
                lines.push(plain_field(l.lead, unit_text(app, &area.lead, lang)));
                let coordinators: Vec<String> = area
                    .coordinators
                    .iter()
                    .map(|c| unit_text(app, c, lang))
                    .collect();
                lines.push(plain_field(l.coordinators, coordinators.join(", ")));
            }
        }
        GroupKey::Unit(_, code) => {
            lines.push(ShownLine::toned(Tone::Title, unit_text(app, code, lang)))
        }
        _ => {}
    }
    lines.push(ShownLine::blank());
    lines.push(ShownLine::plain(i18n::group_figures(
        counts.total,
        counts.done,
        counts.in_progress,
        counts.overdue,
        lang,
    )));
    lines.push(progress_line(
        l.progress,
        (counts.completion() * 100.0).round() as u8,
    ));
    lines
}

fn plain_field(label: &str, value: impl Into<String>) -> ShownLine {
    ShownLine::field(label, Tone::Plain, value)
}

fn task_lines(app: &App, view: &TaskView<'_>, lang: Lang) -> Vec<ShownLine> {
    let l = i18n::show_labels(lang);
    let def = view.def;
    let mut lines = vec![
        ShownLine::toned(
            Tone::Title,
            format!("{} · {}", view.key, sanitize_line(&def.short)),
        ),
        ShownLine::plain(sanitize_line(&def.title)),
        ShownLine::blank(),
    ];
    let area = app
        .plan()
        .area(def.area)
        .map(|a| i18n::area_name(a, lang))
        .unwrap_or_default();
    lines.push(plain_field(
        l.area,
        format!("{} · {}", def.area, sanitize_line(&area)),
    ));
    let mut reference = def.plan_ref.clone();
    if let Some(parent) = &def.parent {
        reference.push_str(&format!("   {}: {parent}", l.parent));
    }
    let office = app.plan().is_office_task(&def.id);
    if office && reference.is_empty() {
        reference = l.none.to_string();
    }
    let label = if office { l.source } else { l.plan_ref };
    lines.push(plain_field(label, sanitize_line(&reference).into_owned()));
    lines.push(plain_field(l.lead, unit_text(app, view.lead, lang)));
    if let Some(name) = view.assignee {
        lines.push(plain_field(l.assignee, sanitize_line(name)));
    }
    let coordinators: Vec<String> = def
        .coordinators
        .iter()
        .map(|c| unit_text(app, c, lang))
        .collect();
    let coordinators = if coordinators.is_empty() {
        l.none.to_string()
    } else {
        coordinators.join(", ")
    };
    lines.push(plain_field(l.coordinators, coordinators));
    let mut cadence = i18n::cadence_label(def.cadence, lang).to_string();
    if view.key.occurrence != Occurrence::Single {
        cadence.push_str(&format!("   {}: {}", l.occurrence, view.key.occurrence));
    }
    lines.push(plain_field(l.cadence, cadence));
    lines.push(plain_field(l.due, i18n::task_due(view, lang)));
    lines.push(plain_field(l.due_basis, i18n::due_basis(view, lang)));
    lines.push(ShownLine::field(
        l.class,
        Tone::Class(view.class),
        state_text(view, lang),
    ));
    if let Some(recorded) = app.view(&view.key).filter(|r| r.class != view.class) {
        // Changed after the period's "as of" day: the period keeps what was.
        lines.push(ShownLine::field(
            i18n::period_record_label(lang),
            Tone::Class(recorded.class),
            i18n::as_of_class(app.review().as_of, recorded.class, lang),
        ));
    }
    lines.push(progress_line(l.progress, view.state.progress));
    if let Some(done) = view.state.completed_on {
        lines.push(plain_field(l.completed_on, format_date(done)));
    }
    reasons(app, view, lang, &mut lines);
    children(app, view, lang, &mut lines);
    notes(view, lang, &mut lines);
    evidence(view, lang, &mut lines);
    history(app, view, lang, &mut lines);
    lines
}

/// The status and the deadline class, once when they say the same.
fn state_text(view: &TaskView<'_>, lang: Lang) -> String {
    let status = i18n::status_label(view.state.status, lang);
    let class = i18n::class_label(view.class, lang);
    let symbol = i18n::class_symbol(view.class);
    if status == class {
        format!("{symbol} {class}")
    } else {
        format!("{symbol} {status} · {class}")
    }
}

fn unit_text(app: &App, code: &str, lang: Lang) -> String {
    match app.plan().unit(code) {
        Some(unit) => format!("{code} ({})", sanitize_line(&i18n::unit_name(unit, lang))),
        None => code.to_string(),
    }
}

fn progress_line(label: &str, progress: u8) -> ShownLine {
    ShownLine(vec![
        Piece::Text(Tone::Label, format!("{label}: ")),
        Piece::Bar {
            share: f64::from(progress) / 100.0,
            width: BAR_WIDTH,
        },
        Piece::Text(Tone::Plain, format!(" {progress}%")),
    ])
}

fn section(title: &str, lines: &mut Vec<ShownLine>) {
    lines.push(ShownLine::blank());
    lines.push(ShownLine::toned(Tone::Heading, title));
}

fn children(app: &App, view: &TaskView<'_>, lang: Lang, lines: &mut Vec<ShownLine>) {
    let kids: Vec<_> = app.plan().children(&view.def.id).collect();
    if kids.is_empty() {
        return;
    }
    section(i18n::subtasks_title(lang), lines);
    for kid in kids {
        let Some(kid_view) = app.view(&app.current_key(kid)) else {
            continue;
        };
        lines.push(ShownLine::toned(
            Tone::Class(kid_view.class),
            format!(
                "  {} {} {} · {} · {}%",
                i18n::class_symbol(kid_view.class),
                kid_view.key,
                sanitize_line(&kid.short),
                i18n::class_label(kid_view.class, lang),
                kid_view.state.progress
            ),
        ));
    }
}

/// Why the occurrence is at risk in the selected period, if it is.
fn reasons(app: &App, view: &TaskView<'_>, lang: Lang, lines: &mut Vec<ShownLine>) {
    let reasons = app.task_reasons(&view.key);
    if reasons.is_empty() {
        return;
    }
    section(i18n::reasons_title(lang), lines);
    for reason in reasons {
        let severity = reason.severity();
        lines.push(ShownLine::toned(
            Tone::Severity(severity),
            format!(
                "  {} {}",
                i18n::severity_symbol(severity),
                i18n::task_reason(&reason, lang)
            ),
        ));
    }
}

fn notes(view: &TaskView<'_>, lang: Lang, lines: &mut Vec<ShownLine>) {
    let l = i18n::show_labels(lang);
    section(l.notes, lines);
    if view.state.live_notes().next().is_none() {
        lines.push(ShownLine::plain(format!("  {}", l.none)));
    }
    for (i, note) in view.state.live_notes().rev() {
        lines.push(ShownLine::toned(
            Tone::Label,
            format!(
                "  {}. {} · {}",
                i + 1,
                note.at.format("%d/%m/%Y %H:%M"),
                i18n::author(&note.who, lang)
            ),
        ));
        for text in sanitize_block(&note.text).lines() {
            lines.push(ShownLine::plain(format!("    {text}")));
        }
    }
}

fn evidence(view: &TaskView<'_>, lang: Lang, lines: &mut Vec<ShownLine>) {
    let l = i18n::show_labels(lang);
    section(l.evidence, lines);
    if view.state.live_evidence().next().is_none() {
        lines.push(ShownLine::plain(format!("  {}", l.none)));
    }
    for (i, doc) in view.state.live_evidence() {
        lines.push(ShownLine::plain(format!(
            "  {}. {} ({}) — {}",
            i + 1,
            sanitize_line(&doc.number),
            format_date(doc.issued_on),
            sanitize_line(&doc.summary)
        )));
    }
}

fn history(app: &App, view: &TaskView<'_>, lang: Lang, lines: &mut Vec<ShownLine>) {
    let l = i18n::show_labels(lang);
    section(l.history, lines);
    let entries: Vec<&HistoryEntry> = app.task_history(&view.key).take(HISTORY_LINES).collect();
    if entries.is_empty() {
        lines.push(ShownLine::plain(format!("  {}", l.none)));
    }
    for entry in entries {
        lines.push(ShownLine::plain(format!(
            "  {}",
            i18n::history_line(entry, lang)
        )));
    }
}
