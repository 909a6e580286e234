//! The detail pane: everything about the selected occurrence, its sub-tasks,
//! notes, evidence and history; for a group line, the group's figures.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Context;
use crate::app::TaskView;
use crate::app::board::{Counts, GroupKey, Row};
use crate::domain::date::format_date;
use crate::domain::text::{sanitize_block, sanitize_line};
use crate::domain::{HistoryEntry, Occurrence};
use crate::i18n;
use crate::i18n::class_symbol;
use crate::screen::state::Focus;

/// History lines shown; `cchc log ID` has the rest.
const HISTORY_LINES: usize = 30;

pub fn draw(frame: &mut Frame, area: Rect, ctx: &Context) {
    let lang = ctx.ui.lang;
    let focused = ctx.ui.focus == Focus::Detail;
    let border = if focused {
        ctx.theme.title()
    } else {
        ctx.theme.border()
    };
    let block = Block::new()
        .borders(Borders::LEFT | Borders::TOP)
        .border_style(border)
        .title(Span::styled(
            format!(" {} ", i18n::detail_title(lang)),
            border,
        ));
    let lines = match ctx.ui.selected_row() {
        Some(Row::Group { key, counts, .. }) => group_lines(ctx, key, counts),
        _ => match ctx.ui.selected_key().and_then(|k| ctx.app.view(k)) {
            Some(view) => task_lines(ctx, &view),
            None => vec![Line::raw(i18n::select_a_task(lang))],
        },
    };
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((ctx.ui.detail_scroll, 0));
    frame.render_widget(paragraph, area);
}

/// A group line's figures: what it gathers, who leads, how far it is.
fn group_lines<'a>(ctx: &Context, key: &GroupKey, counts: &Counts) -> Vec<Line<'a>> {
    let (lang, plan) = (ctx.ui.lang, ctx.app.plan());
    let l = i18n::show_labels(lang);
    let mut lines = Vec::new();
    match key {
        GroupKey::Area(code) => {
            if let Some(area) = plan.area(*code) {
                let name = sanitize_line(&i18n::area_name(area, lang)).into_owned();
                lines.push(Line::styled(format!("{code} · {name}"), ctx.theme.title()));
                lines.push(field(ctx, l.plan_ref, area.plan_ref.clone()));
                lines.push(field(ctx, l.lead, unit_text(ctx, &area.lead)));
                let coordinators: Vec<String> = area
                    .coordinators
                    .iter()
                    .map(|c| unit_text(ctx, c))
                    .collect();
                lines.push(field(ctx, l.coordinators, coordinators.join(", ")));
            }
        }
        GroupKey::Unit(_, code) => {
            lines.push(Line::styled(unit_text(ctx, code), ctx.theme.title()))
        }
        _ => {}
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(i18n::group_figures(
        counts.total,
        counts.done,
        counts.in_progress,
        counts.overdue,
        lang,
    )));
    lines.push(progress_line(
        ctx,
        l.progress,
        (counts.completion() * 100.0).round() as u8,
    ));
    lines
}

fn field<'a>(ctx: &Context, label: &str, value: impl Into<Span<'a>>) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), ctx.theme.label()),
        value.into(),
    ])
}

fn task_lines<'a>(ctx: &Context, view: &TaskView<'a>) -> Vec<Line<'a>> {
    let (lang, theme, plan) = (ctx.ui.lang, &ctx.theme, ctx.app.plan());
    let l = i18n::show_labels(lang);
    let def = view.def;
    let mut lines = vec![
        Line::styled(
            format!("{} · {}", view.key, sanitize_line(&def.short)),
            theme.title(),
        ),
        Line::raw(sanitize_line(&def.title).into_owned()),
        Line::raw(""),
    ];
    let area = plan
        .area(def.area)
        .map(|a| i18n::area_name(a, lang))
        .unwrap_or_default();
    lines.push(field(
        ctx,
        l.area,
        format!("{} · {}", def.area, sanitize_line(&area)),
    ));
    let mut reference = def.plan_ref.clone();
    if let Some(parent) = &def.parent {
        reference.push_str(&format!("   {}: {parent}", l.parent));
    }
    lines.push(field(ctx, l.plan_ref, reference));
    lines.push(field(ctx, l.lead, unit_text(ctx, view.lead)));
    let coordinators: Vec<String> = def.coordinators.iter().map(|c| unit_text(ctx, c)).collect();
    let coordinators = if coordinators.is_empty() {
        l.none.to_string()
    } else {
        coordinators.join(", ")
    };
    lines.push(field(ctx, l.coordinators, coordinators));
    let mut cadence = i18n::cadence_label(def.cadence, lang).to_string();
    if view.key.occurrence != Occurrence::Single {
        cadence.push_str(&format!("   {}: {}", l.occurrence, view.key.occurrence));
    }
    lines.push(field(ctx, l.cadence, cadence));
    lines.push(field(ctx, l.due, i18n::task_due(view, lang)));
    let status = i18n::status_label(view.state.status, lang);
    let class = i18n::class_label(view.class, lang);
    let state = if status == class {
        format!("{} {class}", class_symbol(view.class))
    } else {
        format!("{} {status} · {class}", class_symbol(view.class))
    };
    lines.push(field(
        ctx,
        l.class,
        Span::styled(state, theme.class(view.class)),
    ));
    lines.push(progress_line(ctx, l.progress, view.state.progress));
    if let Some(done) = view.state.completed_on {
        lines.push(field(ctx, l.completed_on, format_date(done)));
    }
    reasons(ctx, view, &mut lines);
    children(ctx, view, &mut lines);
    notes(ctx, view, &mut lines);
    evidence(ctx, view, &mut lines);
    history(ctx, view, &mut lines);
    lines
}

fn unit_text(ctx: &Context, code: &str) -> String {
    match ctx.app.plan().unit(code) {
        Some(unit) => format!(
            "{code} ({})",
            sanitize_line(&i18n::unit_name(unit, ctx.ui.lang))
        ),
        None => code.to_string(),
    }
}

fn progress_line<'a>(ctx: &Context, label: &str, progress: u8) -> Line<'a> {
    let mut spans = vec![Span::styled(format!("{label}: "), ctx.theme.label())];
    spans.extend(super::bar(&ctx.theme, f64::from(progress) / 100.0, 20));
    spans.push(Span::raw(format!(" {progress}%")));
    Line::from(spans)
}

fn section<'a>(ctx: &Context, title: &str, lines: &mut Vec<Line<'a>>) {
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        title.to_string(),
        ctx.theme.label().add_modifier(Modifier::UNDERLINED),
    ));
}

fn children<'a>(ctx: &Context, view: &TaskView<'a>, lines: &mut Vec<Line<'a>>) {
    let kids: Vec<_> = ctx.app.plan().children(&view.def.id).collect();
    if kids.is_empty() {
        return;
    }
    section(ctx, i18n::subtasks_title(ctx.ui.lang), lines);
    for kid in kids {
        let Some(kid_view) = ctx.app.view(&ctx.app.current_key(kid)) else {
            continue;
        };
        lines.push(Line::styled(
            format!(
                "  {} {} {} · {} · {}%",
                class_symbol(kid_view.class),
                kid_view.key,
                sanitize_line(&kid.short),
                i18n::class_label(kid_view.class, ctx.ui.lang),
                kid_view.state.progress
            ),
            ctx.theme.class(kid_view.class),
        ));
    }
}

/// Why the occurrence is at risk in the selected period, if it is.
fn reasons<'a>(ctx: &Context, view: &TaskView<'a>, lines: &mut Vec<Line<'a>>) {
    let reasons = ctx.app.task_reasons(&view.key);
    if reasons.is_empty() {
        return;
    }
    section(ctx, i18n::reasons_title(ctx.ui.lang), lines);
    for reason in reasons {
        let severity = reason.severity();
        lines.push(Line::styled(
            format!(
                "  {} {}",
                i18n::severity_symbol(severity),
                i18n::task_reason(&reason, ctx.ui.lang)
            ),
            super::risks::severity_style(ctx, severity),
        ));
    }
}

fn notes<'a>(ctx: &Context, view: &TaskView<'a>, lines: &mut Vec<Line<'a>>) {
    let l = i18n::show_labels(ctx.ui.lang);
    section(ctx, l.notes, lines);
    if view.state.notes.is_empty() {
        lines.push(Line::raw(format!("  {}", l.none)));
    }
    for note in view.state.notes.iter().rev() {
        lines.push(Line::styled(
            format!(
                "  {} · {}",
                note.at.format("%d/%m/%Y %H:%M"),
                i18n::author(&note.who, ctx.ui.lang)
            ),
            ctx.theme.label(),
        ));
        for text in sanitize_block(&note.text).lines() {
            lines.push(Line::raw(format!("    {text}")));
        }
    }
}

fn evidence<'a>(ctx: &Context, view: &TaskView<'a>, lines: &mut Vec<Line<'a>>) {
    let l = i18n::show_labels(ctx.ui.lang);
    section(ctx, l.evidence, lines);
    if view.state.evidence.is_empty() {
        lines.push(Line::raw(format!("  {}", l.none)));
    }
    for doc in &view.state.evidence {
        lines.push(Line::raw(format!(
            "  {} ({}) — {}",
            sanitize_line(&doc.number),
            format_date(doc.issued_on),
            sanitize_line(&doc.summary)
        )));
    }
}

fn history<'a>(ctx: &Context, view: &TaskView<'a>, lines: &mut Vec<Line<'a>>) {
    let l = i18n::show_labels(ctx.ui.lang);
    section(ctx, l.history, lines);
    let entries: Vec<&HistoryEntry> = ctx
        .app
        .task_history(&view.key)
        .take(HISTORY_LINES)
        .collect();
    if entries.is_empty() {
        lines.push(Line::raw(format!("  {}", l.none)));
    }
    for entry in entries {
        lines.push(Line::raw(format!(
            "  {}",
            i18n::history_line(entry, ctx.ui.lang)
        )));
    }
}
